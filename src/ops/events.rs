//! Interface link events as `vppx watch` and the agent's `/events` both see them: one
//! [`Watcher`] (subscribe, the current state of every interface at start, the changes VPP
//! reports with names kept current, reconnect with backoff and resync after a restart)
//! and one [`Event`], whose JSON is the same on both edges (see docs/design.md, “Link
//! events”).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use serde::Serialize;

use super::error::Result;
use crate::binapi::interface::{SwInterfaceDump, SwInterfaceEvent, WantInterfaceEvents};
use crate::binapi::interface_types::IfStatusFlags;
use crate::client::{Backoff, Client, ConnectOptions};
use crate::ops::iface::has_flag;

pub const MESSAGES: &[&str] = crate::needs![
    request WantInterfaceEvents,
    event SwInterfaceEvent,
    dump SwInterfaceDump,
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

impl LinkState {
    /// Admin and link up, and not deleted: what `watch --until up` waits for.
    pub fn is_up(&self) -> bool {
        self.admin_up && self.link_up && !self.deleted
    }
}

/// What an [`Event`] says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// An interface's state when the watch began.
    Initial,
    /// A change VPP reported.
    Change,
    /// An interface whose state changed while VPP was away (after `Reconnected`).
    Resync,
    /// The connection to VPP dropped; `detail` says why.
    Disconnected,
    /// Attached again; `detail` is the socket.
    Reconnected,
    /// A reader that fell behind missed `missed` events (the agent's fan-out only).
    Lagged,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Initial => "initial",
            EventKind::Change => "change",
            EventKind::Resync => "resync",
            EventKind::Disconnected => "disconnected",
            EventKind::Reconnected => "reconnected",
            EventKind::Lagged => "lagged",
        }
    }
}

/// One event, as `vppx --json watch` prints it and `/events` sends it: `{timestamp, event,
/// sw_if_index, name, admin_up, link_up, deleted}` for an interface's state, `{timestamp,
/// event, detail}` for the connection, `{timestamp, event, missed}` for a lag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// RFC 3339, milliseconds, UTC.
    pub timestamp: String,
    pub event: EventKind,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub state: Option<LinkState>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missed: Option<u64>,
}

impl Event {
    fn new(event: EventKind) -> Event {
        Event {
            timestamp: humantime::format_rfc3339_millis(SystemTime::now()).to_string(),
            event,
            state: None,
            detail: None,
            missed: None,
        }
    }

    /// An interface's state.
    pub fn state(event: EventKind, s: &LinkState) -> Event {
        Event {
            state: Some(s.clone()),
            ..Event::new(event)
        }
    }

    /// A note about the connection.
    pub fn note(event: EventKind, detail: String) -> Event {
        Event {
            detail: Some(detail),
            ..Event::new(event)
        }
    }

    /// `missed` events left out.
    pub fn lagged(missed: u64) -> Event {
        Event {
            missed: Some(missed),
            ..Event::new(EventKind::Lagged)
        }
    }
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
fn current(client: &mut Client) -> Result<BTreeMap<u32, LinkState>> {
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
fn subscribe(client: &mut Client, enable: bool) -> Result<()> {
    client.request(WantInterfaceEvents {
        enable_disable: u32::from(enable),
        pid: std::process::id(),
        ..Default::default()
    })?;
    Ok(())
}

/// The next interface event within `timeout`, with its name resolved from `known`
/// (refreshed from VPP for an interface created since), which it also keeps up to date.
/// Other events are skipped.
fn next_change(
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
        // A new interface: learn its name. Its own details may already be newer than this
        // event; the event's flags stand.
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

/// `Resync` events for what changed between `before` and `now`: every interface whose
/// state differs, and every one that is gone (as deleted).
fn resync(before: &BTreeMap<u32, LinkState>, now: &BTreeMap<u32, LinkState>) -> Vec<Event> {
    let mut out: Vec<Event> = now
        .values()
        .filter(|s| before.get(&s.sw_if_index) != Some(*s))
        .map(|s| Event::state(EventKind::Resync, s))
        .collect();
    for s in before.values() {
        if !now.contains_key(&s.sw_if_index) {
            let gone = LinkState {
                deleted: true,
                ..s.clone()
            };
            out.push(Event::state(EventKind::Resync, &gone));
        }
    }
    out
}

/// A subscription to VPP's interface events that outlives VPP restarts.
///
/// [`Watcher::next`] never waits longer than it is told, so the caller checks its own
/// ends (Ctrl-C, a deadline, shutdown) between calls. The first attach gives an `Initial`
/// event per interface; a dropped connection gives `Disconnected`, then (backing off between
/// attempts) `Reconnected` and `Resync` events, so a reader's picture ends up as VPP's.
/// Any failure of an attached connection counts as a disconnection.
pub struct Watcher {
    socket: PathBuf,
    options: ConnectOptions,
    backoff: Backoff,
    client: Option<Client>,
    known: BTreeMap<u32, LinkState>,
    attached_before: bool,
    failures: u32,
    retry_at: Option<Instant>,
}

impl Watcher {
    /// A watcher of VPP at `socket`, not attached yet: the first [`Watcher::next`] attaches.
    pub fn new(socket: &Path, options: &ConnectOptions, backoff: Backoff) -> Watcher {
        Watcher {
            socket: socket.to_path_buf(),
            options: options.clone(),
            backoff,
            client: None,
            known: BTreeMap::new(),
            attached_before: false,
            failures: 0,
            retry_at: None,
        }
    }

    /// Whether the subscription is live.
    pub fn is_attached(&self) -> bool {
        self.client.is_some()
    }

    /// Every interface's state as the events so far tell it, by index.
    pub fn known(&self) -> &BTreeMap<u32, LinkState> {
        &self.known
    }

    /// Connects, subscribes and reads the current state, in that order, so that no change
    /// can fall between the snapshot and the subscription.
    fn attach(&self) -> Result<(Client, BTreeMap<u32, LinkState>)> {
        let mut client = Client::connect(&self.socket, &self.options)?;
        client.require(MESSAGES)?;
        subscribe(&mut client, true)?;
        let known = current(&mut client)?;
        Ok((client, known))
    }

    /// What happened within `timeout` (often nothing).
    ///
    /// An error is a failed attach: the first one, or a reconnect that retrying cannot
    /// help (VPP came back without a message events need). The watcher stays detached
    /// and tries again, after its backoff, at the next call.
    pub fn next(&mut self, timeout: Duration) -> Result<Vec<Event>> {
        let Some(client) = self.client.as_mut() else {
            return self.reattach(timeout);
        };
        match next_change(client, &mut self.known, timeout) {
            Ok(None) => Ok(Vec::new()),
            Ok(Some(s)) => Ok(vec![Event::state(EventKind::Change, &s)]),
            Err(e) => {
                self.client = None;
                self.retry_at = None;
                Ok(vec![Event::note(EventKind::Disconnected, e.to_string())])
            }
        }
    }

    fn reattach(&mut self, timeout: Duration) -> Result<Vec<Event>> {
        if let Some(at) = self.retry_at {
            let left = at.saturating_duration_since(Instant::now());
            if !left.is_zero() {
                std::thread::sleep(left.min(timeout));
                return Ok(Vec::new());
            }
        }
        match self.attach() {
            Ok((client, now)) => {
                self.client = Some(client);
                self.failures = 0;
                self.retry_at = None;
                let events = if self.attached_before {
                    let mut events = vec![Event::note(
                        EventKind::Reconnected,
                        self.socket.display().to_string(),
                    )];
                    events.extend(resync(&self.known, &now));
                    events
                } else {
                    now.values()
                        .map(|s| Event::state(EventKind::Initial, s))
                        .collect()
                };
                self.known = now;
                self.attached_before = true;
                Ok(events)
            }
            Err(e) => {
                self.failures = self.failures.saturating_add(1);
                self.retry_at = Some(Instant::now() + self.backoff.delay(self.failures));
                match &e {
                    super::OpsError::Client(c) if self.attached_before && c.is_unreachable() => {
                        Ok(Vec::new())
                    }
                    _ => Err(e),
                }
            }
        }
    }

    /// Unsubscribes and closes the connection.
    pub fn close(mut self) {
        if let Some(mut client) = self.client.take() {
            let _ = subscribe(&mut client, false);
            let _ = client.close();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(i: u32, name: &str, up: bool) -> LinkState {
        LinkState {
            sw_if_index: i,
            name: name.into(),
            admin_up: up,
            link_up: up,
            deleted: false,
        }
    }

    #[test]
    fn resync_names_what_changed_and_what_went() {
        let before: BTreeMap<u32, LinkState> =
            [(1, state(1, "pg0", true)), (2, state(2, "pg1", false))].into();
        let now: BTreeMap<u32, LinkState> =
            [(1, state(1, "pg0", true)), (3, state(3, "loop0", true))].into();
        let got: Vec<(String, bool)> = resync(&before, &now)
            .into_iter()
            .map(|e| {
                assert_eq!(e.event, EventKind::Resync);
                let s = e.state.expect("a state");
                (s.name, s.deleted)
            })
            .collect();
        assert_eq!(got, [("loop0".into(), false), ("pg1".into(), true)]);
    }

    #[test]
    fn one_json_shape_for_each_kind() {
        let s = serde_json::to_value(Event::state(EventKind::Change, &state(1, "pg0", true)))
            .expect("json");
        let mut keys: Vec<&str> = s
            .as_object()
            .expect("object")
            .keys()
            .map(|k| k.as_str())
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "admin_up",
                "deleted",
                "event",
                "link_up",
                "name",
                "sw_if_index",
                "timestamp"
            ]
        );
        assert_eq!(s["event"], "change");
        let n = serde_json::to_value(Event::note(EventKind::Disconnected, "gone".into()))
            .expect("json");
        assert_eq!(n.as_object().map(|o| o.len()), Some(3));
        assert_eq!(n["detail"], "gone");
        let l = serde_json::to_value(Event::lagged(4)).expect("json");
        assert_eq!(
            (l["event"].as_str(), l["missed"].as_u64()),
            (Some("lagged"), Some(4))
        );
    }
}
