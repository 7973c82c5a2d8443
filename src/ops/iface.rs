//! Interfaces in operators' terms: found by name, shown with their state
//! and addresses, configured idempotently.

use std::net::IpAddr;

use ipnet::IpNet;
use serde::Serialize;

use super::error::{OpsError, Result};
use crate::binapi::interface::{
    CreateLoopbackInstance, DeleteLoopback, SwInterfaceAddDelAddress, SwInterfaceDetails,
    SwInterfaceDump, SwInterfaceSetFlags, SwInterfaceSetMtu,
};
use crate::binapi::interface_types::IfStatusFlags;
use crate::binapi::ip::IpAddressDump;
use crate::client::Client;
use crate::wire::MacAddress;

/// The messages interface commands use, checked against VPP at connect time (see docs/design.md,
/// “Compatibility with the running VPP”).
pub const MESSAGES: &[&str] = crate::needs![
    dump SwInterfaceDump,
    dump IpAddressDump,
    request SwInterfaceSetFlags,
    request SwInterfaceSetMtu,
    request SwInterfaceAddDelAddress,
    request CreateLoopbackInstance,
    request DeleteLoopback,
];

/// Whether `flags` has `bit` set. `if_status_flags` is declared as a plain
/// enum in the API, but VPP sends combinations (3 = admin and link up).
pub fn has_flag(flags: IfStatusFlags, bit: IfStatusFlags) -> bool {
    use crate::wire::VppEnum;
    flags.to_raw() & bit.to_raw() != 0
}

/// One interface as `vppx iface` shows it. Field names are part of the
/// `--json` contract (README).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Interface {
    pub sw_if_index: u32,
    pub name: String,
    pub admin_up: bool,
    pub link_up: bool,
    pub mac: MacAddress,
    /// The L3 MTU (VPP's `mtu[0]`); 0 where VPP reports none.
    pub mtu: u32,
    pub link_mtu: u16,
    /// IPv4 then IPv6 addresses, each with its prefix length.
    pub addresses: Vec<IpNet>,
    pub dev_type: String,
}

impl Interface {
    fn from_details(d: &SwInterfaceDetails) -> Self {
        Interface {
            sw_if_index: d.sw_if_index,
            name: d.interface_name.clone(),
            admin_up: has_flag(d.flags, IfStatusFlags::AdminUp),
            link_up: has_flag(d.flags, IfStatusFlags::LinkUp),
            mac: d.l2_address,
            mtu: d.mtu.first().copied().unwrap_or(0),
            link_mtu: d.link_mtu,
            addresses: Vec::new(),
            dev_type: d.interface_dev_type.clone(),
        }
    }
}

fn dump(client: &mut Client, filter: Option<&str>) -> Result<Vec<SwInterfaceDetails>> {
    let req = SwInterfaceDump {
        name_filter_valid: filter.is_some(),
        name_filter: filter.unwrap_or_default().to_string(),
        ..Default::default()
    };
    Ok(client.dump(req)?)
}

fn addresses(client: &mut Client, sw_if_index: u32) -> Result<Vec<IpNet>> {
    let mut out = Vec::new();
    for is_ipv6 in [false, true] {
        let req = IpAddressDump {
            sw_if_index,
            is_ipv6,
            ..Default::default()
        };
        out.extend(client.dump(req)?.into_iter().map(|d| d.prefix));
    }
    Ok(out)
}

/// Address dumps in flight at once while listing every interface: VPP dumps addresses one
/// interface and family at a time, so a thousand interfaces take two thousand dumps, which
/// pipelined cost a few dozen round trips instead of two thousand.
const ADDRESS_DUMP_WINDOW: usize = 64;

/// Every interface, by index, with its addresses.
pub fn list(client: &mut Client) -> Result<Vec<Interface>> {
    let mut out: Vec<Interface> = dump(client, None)?
        .iter()
        .map(Interface::from_details)
        .collect();
    out.sort_by_key(|i| i.sw_if_index);
    let reqs = out.iter().flat_map(|i| {
        [false, true].map(|is_ipv6| IpAddressDump {
            sw_if_index: i.sw_if_index,
            is_ipv6,
            ..Default::default()
        })
    });
    let mut found = client.dumps(reqs, ADDRESS_DUMP_WINDOW)?.into_iter();
    for i in &mut out {
        // Each interface's IPv4 dump, then its IPv6 one, as asked.
        for details in [found.next(), found.next()].into_iter().flatten() {
            i.addresses.extend(details.into_iter().map(|d| d.prefix));
        }
    }
    Ok(out)
}

/// The interface called `name` exactly; an unknown name is an error naming it.
pub fn find(client: &mut Client, name: &str) -> Result<Interface> {
    // VPP's name filter matches substrings, so filter exactly here.
    let found = dump(client, Some(name))?
        .iter()
        .find(|d| d.interface_name == name)
        .map(Interface::from_details);
    let mut iface = found.ok_or_else(|| OpsError::NotFound {
        what: "interface",
        name: name.to_string(),
    })?;
    iface.addresses = addresses(client, iface.sw_if_index)?;
    Ok(iface)
}

/// Sets the admin state; the link state follows the carrier.
pub fn set_admin(client: &mut Client, name: &str, up: bool) -> Result<Interface> {
    let mut iface = find(client, name)?;
    let mut flags = IfStatusFlags::default();
    if up {
        flags = IfStatusFlags::AdminUp;
    }
    client.request(SwInterfaceSetFlags {
        sw_if_index: iface.sw_if_index,
        flags,
        ..Default::default()
    })?;
    iface.admin_up = up;
    Ok(iface)
}

/// Sets the L3 MTU (VPP's `mtu[0]`; the other protocols' MTUs stay). VPP refuses one
/// above the link MTU.
pub fn set_mtu(client: &mut Client, name: &str, mtu: u32) -> Result<Interface> {
    let mut iface = find(client, name)?;
    client.request(SwInterfaceSetMtu {
        sw_if_index: iface.sw_if_index,
        mtu: vec![mtu, 0, 0, 0],
        ..Default::default()
    })?;
    iface.mtu = mtu;
    Ok(iface)
}

/// What removing an address that the interface does not have means (see docs/design.md,
/// “Interface addresses”). Adding an address that is there is always a success that changes
/// nothing: the interface ends as asked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum IfMissing {
    /// Not found (exit 1, 404), naming the address and the interface: `vppx iface addr del`
    /// and `DELETE /interfaces/{name}/addresses/{prefix}`, where a missing address is most
    /// likely a mistyped one.
    #[default]
    Fail,
    /// Nothing to do, a success: for callers that state what the interface should have
    /// rather than what to change.
    Ignore,
}

/// Adds one address. Adding one that is there already changes nothing and succeeds.
pub fn add_address(client: &mut Client, name: &str, prefix: IpNet) -> Result<Interface> {
    let mut iface = find(client, name)?;
    if !iface.addresses.contains(&prefix) {
        send_address(client, iface.sw_if_index, prefix, true)?;
        iface.addresses.push(prefix);
    }
    Ok(iface)
}

/// Removes one address; one that is not there is as `if_missing` says.
pub fn del_address(
    client: &mut Client,
    name: &str,
    prefix: IpNet,
    if_missing: IfMissing,
) -> Result<Interface> {
    let mut iface = find(client, name)?;
    if iface.addresses.contains(&prefix) {
        send_address(client, iface.sw_if_index, prefix, false)?;
        iface.addresses.retain(|p| *p != prefix);
    } else if if_missing == IfMissing::Fail {
        return Err(OpsError::NotFound {
            what: "address",
            name: format!("{prefix} on {name}"),
        });
    }
    Ok(iface)
}

fn send_address(client: &mut Client, sw_if_index: u32, prefix: IpNet, add: bool) -> Result<()> {
    client.request(SwInterfaceAddDelAddress {
        sw_if_index,
        is_add: add,
        prefix,
        ..Default::default()
    })?;
    Ok(())
}

/// Admin up and the address added: what an operator means by "configure".
/// Running it twice changes nothing the second time.
pub fn configure(client: &mut Client, name: &str, prefix: IpNet) -> Result<Interface> {
    let iface = find(client, name)?;
    if !iface.admin_up {
        set_admin(client, name, true)?;
    }
    add_address(client, name, prefix)?;
    find(client, name)
}

/// Creates a loopback, with a given MAC and instance number if asked.
pub fn create_loopback(
    client: &mut Client,
    mac: Option<MacAddress>,
    instance: Option<u32>,
) -> Result<Interface> {
    let reply = client.request(CreateLoopbackInstance {
        mac_address: mac.unwrap_or_default(),
        is_specified: instance.is_some(),
        user_instance: instance.unwrap_or(0),
        ..Default::default()
    })?;
    let details = dump(client, None)?;
    details
        .iter()
        .find(|d| d.sw_if_index == reply.sw_if_index)
        .map(Interface::from_details)
        .ok_or_else(|| OpsError::NotFound {
            what: "interface index",
            name: reply.sw_if_index.to_string(),
        })
}

/// Deletes a loopback interface by name.
pub fn delete(client: &mut Client, name: &str) -> Result<Interface> {
    let iface = find(client, name)?;
    client.request(DeleteLoopback {
        sw_if_index: iface.sw_if_index,
        ..Default::default()
    })?;
    Ok(iface)
}

/// Parses an interface address (`10.0.0.1/24`): host bits are the point here.
pub fn parse_address(s: &str) -> Result<IpNet> {
    s.parse::<IpNet>().map_err(|_| {
        let hint = if s.parse::<IpAddr>().is_ok() {
            " (an interface address needs a prefix length, e.g. 10.0.0.1/24)"
        } else {
            ""
        };
        OpsError::BadInput(format!("invalid address '{s}'{hint}"))
    })
}
