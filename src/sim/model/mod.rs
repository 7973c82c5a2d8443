//! The simulated VPP's state: interfaces, their addresses and table bindings, the FIB and
//! who listens for interface events.
//!
//! One file, past 600 lines: every handler reads and changes this state, and its invariants
//! (an address brings its FIB entries, a deleted interface takes its bindings) are kept by
//! code that sees all of it.
//!
//! Plain data, no I/O and no wire types: every operation answers VPP's `retval` (0 or a
//! `VNET_API_ERROR_*` code, as a real VPP 26.10 was seen to answer in `tests/golden/`)
//! and queues the interface events it causes. The API layer sends a request's reply first,
//! then the events ([`Model::take_events`]), which is the order VPP delivers them in.
//!
//! What it copies from VPP:
//! - `local0` is interface 0, admin down, link down, no MAC, MTU 0.
//! - Configured interfaces are packet-generator style (`pg`): created admin down, MTU 9000,
//!   a MAC `02:fe:` + four bytes derived from the name (VPP draws them at random; here they
//!   are stable from run to run).
//! - Loopbacks are `loop<instance>`, instance the lowest free one unless the request names
//!   one; MAC as given, or VPP's default `de:ad:00:00:00:<instance>`; MTU 9000.
//! - Interface indexes are the lowest free one, so a deleted interface's index is reused.
//! - Link state is the carrier (`sim link`) and admin state together: pg and loopback
//!   interfaces report link up exactly while admin up, as VPP's drivers do.
//! - Interface addresses enter the FIB only while the interface is admin up.
//! - One event per state-changing request, carrying the state after it (VPP's event process
//!   coalesces the admin and link changes of one request the same way).

use std::collections::BTreeMap;

use ipnet::IpNet;

use super::acl::Acls;
use super::cli::TrafficSpec;
use super::fib::{Af, Fib, FibError, FibPath};
use super::traffic::Dataplane;

/// `VNET_API_ERROR_INVALID_SW_IF_INDEX`
pub const INVALID_SW_IF_INDEX: i32 = -2;
/// `VNET_API_ERROR_NO_SUCH_FIB`
pub const NO_SUCH_FIB: i32 = -3;
/// `VNET_API_ERROR_NO_SUCH_ENTRY`
pub const NO_SUCH_ENTRY: i32 = -6;
/// `VNET_API_ERROR_INVALID_VALUE`
pub const INVALID_VALUE: i32 = -7;
/// `VNET_API_ERROR_INVALID_REGISTRATION`
pub const INVALID_REGISTRATION: i32 = -31;
/// `VNET_API_ERROR_NO_MATCHING_INTERFACE`
pub const NO_MATCHING_INTERFACE: i32 = -54;
/// `VNET_API_ERROR_ADDRESS_NOT_FOUND_FOR_INTERFACE`
pub const ADDRESS_NOT_FOUND_FOR_INTERFACE: i32 = -60;
/// `VNET_API_ERROR_ADDRESS_IN_USE`
pub const ADDRESS_IN_USE: i32 = -105;
/// `VNET_API_ERROR_ADDRESS_FOUND_FOR_INTERFACE`
pub const ADDRESS_FOUND_FOR_INTERFACE: i32 = -114;
/// `VNET_API_ERROR_INSTANCE_IN_USE`
pub const INSTANCE_IN_USE: i32 = -147;

/// The largest MTU the simulated devices take.
pub const MAX_MTU: u32 = 9000;

/// `sw_if_index` meaning "none" / "all" on the wire.
pub const ANY_INDEX: u32 = u32::MAX;

/// What kind of device an interface is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DevType {
    Local,
    Pg,
    Loopback,
}

impl DevType {
    /// VPP's device class name, `interface_dev_type` in `sw_interface_details`.
    pub fn name(self) -> &'static str {
        match self {
            DevType::Local => "local",
            DevType::Pg => "pg",
            DevType::Loopback => "Loopback",
        }
    }
}

/// One interface.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interface {
    pub sw_if_index: u32,
    pub name: String,
    pub dev_type: DevType,
    /// `None` for `local0`.
    pub mac: Option<[u8; 6]>,
    pub admin_up: bool,
    /// The carrier: whether the (simulated) cable is in.
    pub carrier: bool,
    /// The largest frame the device takes (`link_mtu`).
    pub link_mtu: u32,
    /// L3, IP4, IP6 and MPLS MTUs.
    pub mtu: [u32; 4],
    /// Addresses in the order they were added, host bits kept.
    pub addrs: Vec<IpNet>,
    pub ip4_table: u32,
    pub ip6_table: u32,
    pub tag: String,
    /// The loopback instance (`loop<N>`).
    pub instance: Option<u32>,
}

impl Interface {
    /// A new device as VPP creates one: admin down, cable in, full MTU, no addresses,
    /// in table 0.
    fn device(sw_if_index: u32, name: String, dev_type: DevType, mac: [u8; 6]) -> Interface {
        Interface {
            sw_if_index,
            name,
            dev_type,
            mac: Some(mac),
            admin_up: false,
            carrier: true,
            link_mtu: MAX_MTU,
            mtu: [MAX_MTU, 0, 0, 0],
            addrs: Vec::new(),
            ip4_table: 0,
            ip6_table: 0,
            tag: String::new(),
            instance: None,
        }
    }

    pub fn link_up(&self) -> bool {
        self.admin_up && self.carrier
    }

    /// `if_status_flags`: 1 admin up, 2 link up.
    pub fn flags(&self) -> u32 {
        u32::from(self.admin_up) | (u32::from(self.link_up()) << 1)
    }

    pub fn table(&self, af: Af) -> u32 {
        match af {
            Af::Ip4 => self.ip4_table,
            Af::Ip6 => self.ip6_table,
        }
    }
}

/// An interface event, for every client that asked for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IfEvent {
    pub sw_if_index: u32,
    pub flags: u32,
    pub deleted: bool,
}

/// The simulated VPP.
#[derive(Debug)]
pub struct Model {
    ifaces: Vec<Option<Interface>>,
    pub fib: Fib,
    /// client_index → pid, of the clients that want interface events.
    subscribers: BTreeMap<u32, u32>,
    events: Vec<IfEvent>,
    /// Traffic flows and the counters they move (see [`super::traffic`]).
    pub dataplane: Dataplane,
    /// The acl plugin's ACLs and where they are applied (see [`super::acl`]).
    pub acls: Acls,
    /// How many requests that change VPP's state arrived (see
    /// [`super::api::is_mutating`]): what a test reads to see that a client changed
    /// nothing.
    pub mutating_requests: u64,
}

/// A MAC `02:fe:xx:xx:xx:xx` from a name (FNV-1a), stable from run to run.
pub fn generated_mac(name: &str) -> [u8; 6] {
    let mut h: u32 = 0x811c_9dc5;
    for b in name.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    let b = h.to_be_bytes();
    [0x02, 0xfe, b[0], b[1], b[2], b[3]]
}

impl Model {
    /// `local0` and one pg-style interface per name, indexes from 1 in the order given.
    pub fn new(interfaces: &[String]) -> Model {
        let mut m = Model {
            ifaces: Vec::new(),
            fib: Fib::new(),
            subscribers: BTreeMap::new(),
            events: Vec::new(),
            dataplane: Dataplane::new(),
            acls: Acls::new(),
            mutating_requests: 0,
        };
        m.dataplane.add_interface(0, "local0", false);
        m.ifaces.push(Some(Interface {
            sw_if_index: 0,
            name: "local0".into(),
            dev_type: DevType::Local,
            mac: None,
            admin_up: false,
            carrier: false,
            link_mtu: 0,
            mtu: [0; 4],
            addrs: Vec::new(),
            ip4_table: 0,
            ip6_table: 0,
            tag: String::new(),
            instance: None,
        }));
        for name in interfaces {
            if m.by_name(name).is_some() {
                continue;
            }
            let idx = m.ifaces.len() as u32;
            m.ifaces.push(Some(Interface::device(
                idx,
                name.clone(),
                DevType::Pg,
                generated_mac(name),
            )));
            m.dataplane.add_interface(idx, name, true);
        }
        m
    }

    /// Every interface, by index.
    pub fn interfaces(&self) -> impl Iterator<Item = &Interface> {
        self.ifaces.iter().flatten()
    }

    pub fn get(&self, sw_if_index: u32) -> Option<&Interface> {
        self.ifaces.get(sw_if_index as usize)?.as_ref()
    }

    fn get_mut(&mut self, sw_if_index: u32) -> Option<&mut Interface> {
        self.ifaces.get_mut(sw_if_index as usize)?.as_mut()
    }

    pub fn by_name(&self, name: &str) -> Option<&Interface> {
        self.interfaces().find(|i| i.name == name)
    }

    /// The events queued since the last call, oldest first.
    pub fn take_events(&mut self) -> Vec<IfEvent> {
        std::mem::take(&mut self.events)
    }

    /// client_index → pid of every event subscriber.
    pub fn subscribers(&self) -> &BTreeMap<u32, u32> {
        &self.subscribers
    }

    fn event(&mut self, sw_if_index: u32, deleted: bool) {
        let flags = if deleted {
            0
        } else {
            self.get(sw_if_index).map_or(0, Interface::flags)
        };
        self.events.push(IfEvent {
            sw_if_index,
            flags,
            deleted,
        });
    }

    /// `want_interface_events`: enabling twice, or disabling when not enabled, is
    /// `VNET_API_ERROR_INVALID_REGISTRATION`, as in VPP.
    pub fn want_interface_events(&mut self, client_index: u32, enable: bool, pid: u32) -> i32 {
        match (enable, self.subscribers.contains_key(&client_index)) {
            (true, false) => {
                self.subscribers.insert(client_index, pid);
                0
            }
            (false, true) => {
                self.subscribers.remove(&client_index);
                0
            }
            _ => INVALID_REGISTRATION,
        }
    }

    /// Forgets a client that went away.
    pub fn client_gone(&mut self, client_index: u32) {
        self.subscribers.remove(&client_index);
    }

    /// `sw_interface_set_flags`: only the admin bit counts (link state is the device's).
    pub fn set_admin(&mut self, sw_if_index: u32, up: bool) -> i32 {
        let Some(iface) = self.get_mut(sw_if_index) else {
            return INVALID_SW_IF_INDEX;
        };
        if iface.admin_up == up {
            return 0;
        }
        iface.admin_up = up;
        let (addrs, t4, t6) = (iface.addrs.clone(), iface.ip4_table, iface.ip6_table);
        for a in addrs {
            let table = if Af::of(&a).is_ip6() { t6 } else { t4 };
            // The bound table exists: binding checks it and tables in use are kept.
            let _ = if up {
                self.fib.add_interface_address(table, sw_if_index, a)
            } else {
                self.fib.del_interface_address(table, sw_if_index, a)
            };
        }
        self.event(sw_if_index, false);
        0
    }

    /// The carrier of an interface (`sim link NAME up|down`); `local0` has none.
    pub fn set_carrier(&mut self, sw_if_index: u32, up: bool) -> i32 {
        let Some(iface) = self.get_mut(sw_if_index) else {
            return INVALID_SW_IF_INDEX;
        };
        if iface.dev_type == DevType::Local {
            return INVALID_VALUE;
        }
        let before = iface.flags();
        iface.carrier = up;
        if iface.flags() != before {
            self.event(sw_if_index, false);
        }
        0
    }

    fn lowest_free_index(&self) -> u32 {
        let i = self
            .ifaces
            .iter()
            .position(Option::is_none)
            .unwrap_or(self.ifaces.len());
        i as u32
    }

    /// `create_loopback` / `create_loopback_instance`: answers the retval and the new
    /// interface's index. A zero MAC means VPP's default, `de:ad:00:00:00:<instance>`.
    pub fn create_loopback(&mut self, mac: [u8; 6], instance: Option<u32>) -> (i32, u32) {
        let used = |n: u32| self.interfaces().any(|i| i.instance == Some(n));
        let instance = match instance {
            Some(n) if used(n) => return (INSTANCE_IN_USE, ANY_INDEX),
            Some(n) => n,
            None => match (0..u32::MAX).find(|n| !used(*n)) {
                Some(n) => n,
                None => return (INSTANCE_IN_USE, ANY_INDEX),
            },
        };
        let mac = if mac == [0; 6] {
            [0xde, 0xad, 0, 0, 0, instance as u8]
        } else {
            mac
        };
        let idx = self.lowest_free_index();
        let iface = Interface {
            instance: Some(instance),
            ..Interface::device(idx, format!("loop{instance}"), DevType::Loopback, mac)
        };
        match self.ifaces.get_mut(idx as usize) {
            Some(slot) => *slot = Some(iface),
            None => self.ifaces.push(Some(iface)),
        }
        self.dataplane
            .add_interface(idx, &format!("loop{instance}"), false);
        self.event(idx, false);
        (0, idx)
    }

    /// `delete_loopback`: the interface, its addresses and every route through it go.
    pub fn delete_loopback(&mut self, sw_if_index: u32) -> i32 {
        match self.get(sw_if_index) {
            Some(i) if i.dev_type == DevType::Loopback => {}
            _ => return INVALID_SW_IF_INDEX,
        }
        self.fib.purge_interface(sw_if_index);
        self.dataplane.remove_interface(sw_if_index);
        self.acls.interface_removed(sw_if_index);
        if let Some(slot) = self.ifaces.get_mut(sw_if_index as usize) {
            *slot = None;
        }
        while matches!(self.ifaces.last(), Some(None)) {
            self.ifaces.pop();
        }
        self.event(sw_if_index, true);
        0
    }

    /// `sw_interface_add_del_address`. `del_all` removes every address of the interface.
    pub fn add_del_address(
        &mut self,
        sw_if_index: u32,
        is_add: bool,
        del_all: bool,
        addr: IpNet,
    ) -> i32 {
        let Some(iface) = self.get(sw_if_index) else {
            return INVALID_SW_IF_INDEX;
        };
        if del_all && !is_add {
            for a in iface.addrs.clone() {
                self.del_address(sw_if_index, a);
            }
            return 0;
        }
        if is_add {
            self.add_address(sw_if_index, addr)
        } else {
            self.del_address(sw_if_index, addr)
        }
    }

    fn add_address(&mut self, sw_if_index: u32, addr: IpNet) -> i32 {
        let Some(iface) = self.get(sw_if_index) else {
            return INVALID_SW_IF_INDEX;
        };
        if iface.addrs.contains(&addr) {
            return 0;
        }
        let af = Af::of(&addr);
        let table = iface.table(af);
        // Another interface in the same table with an address in this subnet.
        let clash = self.interfaces().any(|o| {
            o.sw_if_index != sw_if_index
                && o.table(af) == table
                && o.addrs
                    .iter()
                    .any(|b| b.contains(&addr.addr()) || addr.contains(&b.addr()))
        });
        if clash {
            return ADDRESS_IN_USE;
        }
        let up = iface.admin_up;
        if let Some(i) = self.get_mut(sw_if_index) {
            i.addrs.push(addr);
        }
        if up {
            if let Err(e) = self.fib.add_interface_address(table, sw_if_index, addr) {
                return e.retval();
            }
        }
        0
    }

    fn del_address(&mut self, sw_if_index: u32, addr: IpNet) -> i32 {
        let Some(iface) = self.get_mut(sw_if_index) else {
            return INVALID_SW_IF_INDEX;
        };
        let Some(pos) = iface.addrs.iter().position(|a| *a == addr) else {
            return ADDRESS_NOT_FOUND_FOR_INTERFACE;
        };
        iface.addrs.remove(pos);
        let (up, table) = (iface.admin_up, iface.table(Af::of(&addr)));
        if up {
            let _ = self.fib.del_interface_address(table, sw_if_index, addr);
        }
        0
    }

    /// `sw_interface_set_table`: the table must exist and the interface must have no
    /// address of that family (VPP will not move subnets between VRFs).
    pub fn set_table(&mut self, sw_if_index: u32, af: Af, table_id: u32) -> i32 {
        let Some(iface) = self.get(sw_if_index) else {
            return INVALID_SW_IF_INDEX;
        };
        if !self.fib.has_table(af, table_id) {
            return NO_SUCH_FIB;
        }
        if iface.table(af) == table_id {
            return 0;
        }
        if iface.addrs.iter().any(|a| Af::of(a) == af) {
            return ADDRESS_FOUND_FOR_INTERFACE;
        }
        if let Some(i) = self.get_mut(sw_if_index) {
            match af {
                Af::Ip4 => i.ip4_table = table_id,
                Af::Ip6 => i.ip6_table = table_id,
            }
        }
        0
    }

    /// `sw_interface_set_mtu`: a zero leaves that protocol's MTU as it is.
    pub fn set_mtu(&mut self, sw_if_index: u32, mtu: &[u32]) -> i32 {
        let Some(iface) = self.get_mut(sw_if_index) else {
            return INVALID_SW_IF_INDEX;
        };
        if mtu.iter().any(|m| *m > iface.link_mtu) {
            return INVALID_VALUE;
        }
        for (have, want) in iface.mtu.iter_mut().zip(mtu) {
            if *want != 0 {
                *have = *want;
            }
        }
        0
    }

    pub fn set_mac(&mut self, sw_if_index: u32, mac: [u8; 6]) -> i32 {
        match self.get_mut(sw_if_index) {
            Some(i) if i.mac.is_some() => {
                i.mac = Some(mac);
                0
            }
            Some(_) => INVALID_VALUE,
            None => INVALID_SW_IF_INDEX,
        }
    }

    pub fn set_tag(&mut self, sw_if_index: u32, tag: Option<String>) -> i32 {
        let Some(iface) = self.get_mut(sw_if_index) else {
            return INVALID_SW_IF_INDEX;
        };
        iface.tag = tag.unwrap_or_default();
        0
    }

    /// `ip_route_add_del`: every path's interface must exist (`~0` is none).
    pub fn route_add_del(
        &mut self,
        table_id: u32,
        prefix: IpNet,
        is_add: bool,
        is_multipath: bool,
        paths: Vec<FibPath>,
    ) -> Result<Option<u32>, i32> {
        // VPP decodes the table first, then the paths.
        if !self.fib.has_table(Af::of(&prefix), table_id) {
            return Err(NO_SUCH_FIB);
        }
        let bad_iface = paths
            .iter()
            .filter_map(|p| p.sw_if_index)
            .any(|i| self.get(i).is_none());
        if bad_iface {
            return Err(NO_MATCHING_INTERFACE);
        }
        self.fib
            .ip_route_add_del(table_id, prefix, is_add, is_multipath, paths)
            .map_err(|e: FibError| e.retval())
    }

    /// `ip_route_add_del_v2`: as [`Model::route_add_del`], for the contribution of the
    /// FIB source `src`. A source id VPP never handed out crashes a real VPP; here it is
    /// refused with `VNET_API_ERROR_INVALID_VALUE` and a line on standard error.
    pub fn route_add_del_v2(
        &mut self,
        table_id: u32,
        prefix: IpNet,
        src: u8,
        is_add: bool,
        is_multipath: bool,
        paths: Vec<FibPath>,
    ) -> Result<Option<u32>, i32> {
        if !self.fib.has_table(Af::of(&prefix), table_id) {
            return Err(NO_SUCH_FIB);
        }
        let bad_iface = paths
            .iter()
            .filter_map(|p| p.sw_if_index)
            .any(|i| self.get(i).is_none());
        if bad_iface {
            return Err(NO_MATCHING_INTERFACE);
        }
        let source = match self.fib.sources.resolve(src) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("vppx sim: REFUSED ip_route_add_del_v2 {prefix} table {table_id}: {e}");
                return Err(FibError::from(e).retval());
            }
        };
        self.fib
            .ip_route_add_del_src(table_id, prefix, source, is_add, is_multipath, paths)
            .map_err(|e: FibError| e.retval())
    }

    /// `sim traffic IFACE ...`: starts or replaces the flow into an interface from the
    /// spec's source, or (`None`) stops every flow into it; `local0` takes none.
    pub fn set_traffic(&mut self, sw_if_index: u32, spec: Option<TrafficSpec>) -> i32 {
        match self.get(sw_if_index) {
            None => INVALID_SW_IF_INDEX,
            Some(i) if i.dev_type == DevType::Local => INVALID_VALUE,
            Some(_) => {
                self.dataplane.set_flow(sw_if_index, spec);
                0
            }
        }
    }

    /// `sim traffic IFACE off src PREFIX`: stops the flow into an interface from `src`.
    pub fn stop_traffic(&mut self, sw_if_index: u32, src: Option<IpNet>) -> i32 {
        if self.get(sw_if_index).is_none() {
            return INVALID_SW_IF_INDEX;
        }
        self.dataplane.stop_flow(sw_if_index, src);
        0
    }

    /// `acl_interface_set_acl_list`: the interface must exist, then see
    /// [`Acls::set_interface`].
    pub fn set_interface_acls(&mut self, sw_if_index: u32, n_input: usize, acls: &[u32]) -> i32 {
        if self.get(sw_if_index).is_none() {
            return INVALID_SW_IF_INDEX;
        }
        self.acls.set_interface(sw_if_index, n_input, acls)
    }

    /// The interface holding an address, for `show` texts.
    pub fn iface_name(&self, sw_if_index: u32) -> String {
        self.get(sw_if_index)
            .map_or_else(|| format!("unknown{sw_if_index}"), |i| i.name.clone())
    }
}

#[cfg(test)]
mod tests;
