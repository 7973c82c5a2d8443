//! Interface link events as `vppx watch` and the agent's `/events` see them:
//! a subscription, the current state of every interface at start, and the
//! state changes VPP reports, with names kept current.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;

use super::error::Result;
use crate::binapi::interface::{
    SwInterfaceDetails, SwInterfaceDump, SwInterfaceEvent, WantInterfaceEvents,
    WantInterfaceEventsReply,
};
use crate::binapi::interface_types::IfStatusFlags;
use crate::client::Client;
use crate::ops::iface::has_flag;
use crate::wire::Message;

pub const MESSAGES: &[&str] = &[
    WantInterfaceEvents::NAME_CRC,
    WantInterfaceEventsReply::NAME_CRC,
    SwInterfaceEvent::NAME_CRC,
    SwInterfaceDump::NAME_CRC,
    SwInterfaceDetails::NAME_CRC,
];

/// An interface's state as events report it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkState {
    pub sw_if_index: u32,
    pub name: String,
    pub admin_up: bool,
    pub link_up: bool,
    pub deleted: bool,
}

fn from_flags(sw_if_index: u32, name: String, flags: IfStatusFlags, deleted: bool) -> LinkState {
    LinkState {
        sw_if_index,
        name,
        admin_up: has_flag(flags, IfStatusFlags::AdminUp),
        link_up: has_flag(flags, IfStatusFlags::LinkUp),
        deleted,
    }
}

/// Every interface's current state, by index.
pub fn current(client: &mut Client) -> Result<BTreeMap<u32, LinkState>> {
    Ok(client
        .dump(SwInterfaceDump::default())?
        .into_iter()
        .map(|d| {
            let s = from_flags(d.sw_if_index, d.interface_name, d.flags, false);
            (s.sw_if_index, s)
        })
        .collect())
}

/// Turns interface events on or off for this connection.
pub fn subscribe(client: &mut Client, enable: bool) -> Result<()> {
    client.request(WantInterfaceEvents {
        enable_disable: u32::from(enable),
        pid: std::process::id(),
        ..Default::default()
    })?;
    Ok(())
}

/// The next interface event within `timeout`, with its name resolved from
/// `known` (refreshed from VPP for an interface created since), which it
/// also keeps up to date. Other events are skipped.
pub fn next(
    client: &mut Client,
    known: &mut BTreeMap<u32, LinkState>,
    timeout: Duration,
) -> Result<Option<LinkState>> {
    let Some(raw) = client.next_event(timeout)? else {
        return Ok(None);
    };
    let Some(ev) = raw.decode::<SwInterfaceEvent>()? else {
        return Ok(None);
    };
    if !known.contains_key(&ev.sw_if_index) && !ev.deleted {
        // A new interface: learn its name. Its own details may already be
        // newer than this event; the event's flags stand.
        for (i, s) in current(client)? {
            known.entry(i).or_insert(s);
        }
    }
    let name = known
        .get(&ev.sw_if_index)
        .map(|s| s.name.clone())
        .unwrap_or_else(|| format!("#{}", ev.sw_if_index));
    let state = from_flags(ev.sw_if_index, name, ev.flags, ev.deleted);
    if ev.deleted {
        known.remove(&ev.sw_if_index);
    } else {
        known.insert(ev.sw_if_index, state.clone());
    }
    Ok(Some(state))
}
