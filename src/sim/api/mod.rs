//! The simulator's binary API: the message table it announces at handshake and a handler
//! per message, turning request bodies into reply frames against the [`Model`].
//!
//! One file, past 600 lines: one handler per message in one dispatch, as VPP's own handler
//! table is.
//!
//! No I/O here: [`Api::handle`] takes one request body and appends framed answers for the
//! requesting client; [`Api::event_frames`] turns the events the request caused into frames
//! for each subscriber. The server sends the first before the second, as VPP does.
//!
//! As VPP (see docs/design.md, “Socket transport”): a message id not in the table, or a message
//! shorter than its definition, is logged (with `VPPX_SIM_DEBUG` set) and answered with nothing. A
//! request that is in the table but not simulated gets its `_reply` with
//! `VNET_API_ERROR_UNIMPLEMENTED (-9)` when the reply has a retval (a `*_dump` gets no details: the
//! client's control_ping ends it), so a client fails fast instead of waiting.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::binapi::{
    self, acl, acl_types, fib, fib_types, interface, ip, ip_types, memclnt, vlib, vpe,
};
use crate::wire::{self, Message, MessageInfo, MessageKind, VppEnum};

use super::acl as sim_acl;
use super::cli_exec;
use super::fib::{Af, FibPath, PathType, RouteRef};
use super::model::{IfEvent, Model, ANY_INDEX};

/// `VNET_API_ERROR_UNIMPLEMENTED`
const UNIMPLEMENTED: i32 = -9;

/// `VNET_API_ERROR_EAGAIN`: a get-stream's "more: call again from the cursor".
const RETVAL_EAGAIN: i32 = -165;

/// Logs a debug line when `VPPX_SIM_DEBUG` is set.
pub(crate) fn debug(msg: std::fmt::Arguments<'_>) {
    if std::env::var_os("VPPX_SIM_DEBUG").is_some() {
        eprintln!("vppx sim: {msg}");
    }
}

/// The message table: memclnt's messages first, in file order, from id 1 (so
/// `sockclnt_create` is 15 as every client expects), then every other module's in the order
/// [`binapi::message_tables`] lists them.
#[derive(Debug)]
pub struct MessageTable {
    /// Index `id - 1`.
    msgs: Vec<&'static MessageInfo>,
    ids: HashMap<&'static str, u16>,
    /// Module name → its first id.
    first: HashMap<&'static str, u16>,
}

impl MessageTable {
    pub fn new() -> MessageTable {
        let tables = binapi::message_tables();
        let memclnt = tables.iter().filter(|t| is_module(t, "memclnt"));
        let others = tables.iter().filter(|t| !is_module(t, "memclnt"));
        let mut table = MessageTable {
            msgs: Vec::new(),
            ids: HashMap::new(),
            first: HashMap::new(),
        };
        for info in memclnt.chain(others).flat_map(|t| t.iter()) {
            let Ok(id) = u16::try_from(table.msgs.len() + 1) else {
                break;
            };
            if table.ids.contains_key(info.name_crc) {
                continue;
            }
            table.msgs.push(info);
            table.ids.insert(info.name_crc, id);
            table.first.entry(info.module).or_insert(id);
        }
        table
    }

    /// The id of a message, by its `name_crc`.
    pub fn id(&self, name_crc: &str) -> Option<u16> {
        self.ids.get(name_crc).copied()
    }

    pub fn info(&self, id: u16) -> Option<&'static MessageInfo> {
        self.msgs.get(usize::from(id).checked_sub(1)?).copied()
    }

    /// `(id, name_crc)` of every message, by id.
    pub fn entries(&self) -> impl Iterator<Item = (u16, &'static str)> + '_ {
        self.msgs
            .iter()
            .enumerate()
            .map(|(i, m)| ((i + 1) as u16, m.name_crc))
    }

    pub fn len(&self) -> usize {
        self.msgs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.msgs.is_empty()
    }

    /// The first id of a module, by its name (`acl`) or VPP's range name (`acl_<crc>`).
    pub fn first_id(&self, name: &str) -> Option<u16> {
        if let Some(id) = self.first.get(name) {
            return Some(*id);
        }
        let (module, crc) = name.rsplit_once('_')?;
        if crc.len() == 8 && crc.bytes().all(|b| b.is_ascii_hexdigit()) {
            self.first.get(module).copied()
        } else {
            None
        }
    }
}

impl Default for MessageTable {
    fn default() -> Self {
        MessageTable::new()
    }
}

fn is_module(t: &[MessageInfo], name: &str) -> bool {
    t.first().is_some_and(|m| m.module == name)
}

/// `get_api_json`'s answer: the definitions of every module in the message
/// table, from the schema apigen emitted, without memclnt (as VPP leaves it
/// out: clients know it in advance).
fn api_json() -> &'static str {
    static JSON: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    JSON.get_or_init(|| {
        let modules: Vec<serde_json::Value> =
            serde_json::from_str(crate::binapi::SCHEMA_JSON).unwrap_or_default();
        let modules: Vec<serde_json::Value> = modules
            .into_iter()
            .filter(|m| m.get("module").and_then(|n| n.as_str()) != Some("memclnt"))
            .collect();
        serde_json::Value::Array(modules).to_string()
    })
}

/// What the connection does after a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    Continue,
    /// `sockclnt_delete` was answered: close the connection.
    Close,
}

/// Identity strings the simulator reports.
#[derive(Debug, Clone)]
pub struct Identity {
    pub version: String,
    pub build_date: String,
    pub pid: u32,
}

impl Identity {
    pub fn new() -> Identity {
        Identity {
            // show_version_reply.version is a string[32]: at most 31 bytes.
            version: format!("{}-sim", binapi::VPP_VERSION)
                .chars()
                .take(31)
                .collect(),
            build_date: iso_time(std::time::SystemTime::now()),
            pid: std::process::id(),
        }
    }
}

impl Default for Identity {
    fn default() -> Self {
        Identity::new()
    }
}

/// `YYYY-MM-DDTHH:MM:SS` in UTC, as VPP prints its build date.
fn iso_time(t: std::time::SystemTime) -> String {
    let secs = t
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The API handlers, shared by every connection.
#[derive(Debug, Default)]
pub struct Api {
    pub table: MessageTable,
    pub identity: Identity,
}

/// Answers being built for one request.
struct Out<'a> {
    table: &'a MessageTable,
    frames: &'a mut Vec<u8>,
}

impl Out<'_> {
    fn send<M: Message>(&mut self, msg: &M) {
        let Some(id) = self.table.id(M::NAME_CRC) else {
            debug(format_args!("{} is not in the message table", M::NAME));
            return;
        };
        match wire::encode_message(id, msg) {
            Ok(body) => {
                if let Err(e) = wire::write_frame(self.frames, &body) {
                    debug(format_args!("{}: {e}", M::NAME));
                }
            }
            Err(e) => debug(format_args!("encoding {}: {e}", M::NAME)),
        }
    }
}

fn decode<M: Message>(body: &[u8]) -> Option<M> {
    match wire::decode_message::<M>(body) {
        Ok(m) => Some(m),
        Err(e) => {
            debug(format_args!("dropping {}: {e}", M::NAME));
            None
        }
    }
}

impl Api {
    pub fn new() -> Api {
        Api::default()
    }

    /// Handles one request body from `client`, appending framed answers to `frames`.
    pub fn handle(
        &self,
        model: &mut Model,
        client: u32,
        body: &[u8],
        frames: &mut Vec<u8>,
    ) -> After {
        let Some(info) = wire::message_id(body)
            .ok()
            .and_then(|id| self.table.info(id))
        else {
            debug(format_args!(
                "no handler for message id {:?}",
                wire::message_id(body).ok()
            ));
            return After::Continue;
        };
        let mut out = Out {
            table: &self.table,
            frames,
        };
        if info.kind == MessageKind::Request && is_mutating(info.name) {
            model.mutating_requests += 1;
        }
        let handled = self.dispatch(info.name, model, client, body, &mut out);
        match handled {
            Some(after) => after,
            None => {
                self.unimplemented(info, body, &mut out);
                After::Continue
            }
        }
    }

    /// Runs the handler of `name`: `None` if there is none. A body that does not decode is
    /// handled (silently dropped).
    fn dispatch(
        &self,
        name: &str,
        model: &mut Model,
        client: u32,
        body: &[u8],
        out: &mut Out<'_>,
    ) -> Option<After> {
        macro_rules! on {
            ($t:ty, $f:expr) => {{
                if let Some(m) = decode::<$t>(body) {
                    #[allow(clippy::redundant_closure_call)]
                    ($f)(m);
                }
                Some(After::Continue)
            }};
        }
        match name {
            "sockclnt_create" => on!(memclnt::SockclntCreate, |m: memclnt::SockclntCreate| {
                self.sockclnt_create(client, m, out)
            }),
            "sockclnt_delete" => {
                let m = decode::<memclnt::SockclntDelete>(body)?;
                out.send(&memclnt::SockclntDeleteReply {
                    context: m.context,
                    response: 1,
                });
                Some(After::Close)
            }
            "control_ping" => on!(memclnt::ControlPing, |m: memclnt::ControlPing| {
                out.send(&memclnt::ControlPingReply {
                    context: m.context,
                    retval: 0,
                    client_index: client,
                    vpe_pid: self.identity.pid,
                })
            }),
            "memclnt_keepalive_reply" => Some(After::Continue),
            "get_api_json" => on!(memclnt::GetApiJson, |m: memclnt::GetApiJson| {
                out.send(&memclnt::GetApiJsonReply {
                    context: m.context,
                    retval: 0,
                    json: api_json().to_string(),
                })
            }),

            "get_first_msg_id" => on!(memclnt::GetFirstMsgId, |m: memclnt::GetFirstMsgId| {
                let id = self.table.first_id(&m.name);
                out.send(&memclnt::GetFirstMsgIdReply {
                    context: m.context,
                    retval: if id.is_some() { 0 } else { -1 },
                    first_msg_id: id.unwrap_or(0),
                })
            }),
            "show_version" => on!(vpe::ShowVersion, |m: vpe::ShowVersion| {
                out.send(&vpe::ShowVersionReply {
                    context: m.context,
                    retval: 0,
                    program: "vpe".into(),
                    version: self.identity.version.clone(),
                    build_date: self.identity.build_date.clone(),
                    build_directory: String::new(),
                })
            }),
            "cli_inband" => on!(vlib::CliInband, |m: vlib::CliInband| {
                let (retval, reply) = cli_exec::run(model, &self.identity, &m.cmd);
                out.send(&vlib::CliInbandReply {
                    context: m.context,
                    retval,
                    reply,
                })
            }),
            "want_interface_events" => on!(
                interface::WantInterfaceEvents,
                |m: interface::WantInterfaceEvents| {
                    let retval = model.want_interface_events(client, m.enable_disable != 0, m.pid);
                    out.send(&interface::WantInterfaceEventsReply {
                        context: m.context,
                        retval,
                    })
                }
            ),
            "sw_interface_dump" => on!(
                interface::SwInterfaceDump,
                |m: interface::SwInterfaceDump| sw_interface_dump(model, m, out)
            ),
            "sw_interface_tx_placement_get" => on!(
                interface::SwInterfaceTxPlacementGet,
                |m: interface::SwInterfaceTxPlacementGet| tx_placement_get(model, m, out)
            ),
            "sw_interface_set_flags" => on!(
                interface::SwInterfaceSetFlags,
                |m: interface::SwInterfaceSetFlags| {
                    let up = m.flags.to_raw() & 1 != 0;
                    let retval = model.set_admin(m.sw_if_index, up);
                    out.send(&interface::SwInterfaceSetFlagsReply {
                        context: m.context,
                        retval,
                    })
                }
            ),
            "sw_interface_set_mtu" => on!(
                interface::SwInterfaceSetMtu,
                |m: interface::SwInterfaceSetMtu| {
                    let retval = model.set_mtu(m.sw_if_index, &m.mtu);
                    out.send(&interface::SwInterfaceSetMtuReply {
                        context: m.context,
                        retval,
                    })
                }
            ),
            "sw_interface_set_mac_address" => on!(
                interface::SwInterfaceSetMacAddress,
                |m: interface::SwInterfaceSetMacAddress| {
                    let retval = model.set_mac(m.sw_if_index, m.mac_address.0);
                    out.send(&interface::SwInterfaceSetMacAddressReply {
                        context: m.context,
                        retval,
                    })
                }
            ),
            "sw_interface_tag_add_del" => on!(
                interface::SwInterfaceTagAddDel,
                |m: interface::SwInterfaceTagAddDel| {
                    let tag = m.is_add.then_some(m.tag);
                    let retval = model.set_tag(m.sw_if_index, tag);
                    out.send(&interface::SwInterfaceTagAddDelReply {
                        context: m.context,
                        retval,
                    })
                }
            ),
            "sw_interface_add_del_address" => on!(
                interface::SwInterfaceAddDelAddress,
                |m: interface::SwInterfaceAddDelAddress| {
                    let retval =
                        model.add_del_address(m.sw_if_index, m.is_add, m.del_all, m.prefix);
                    out.send(&interface::SwInterfaceAddDelAddressReply {
                        context: m.context,
                        retval,
                    })
                }
            ),
            "sw_interface_set_table" => on!(
                interface::SwInterfaceSetTable,
                |m: interface::SwInterfaceSetTable| {
                    let af = if m.is_ipv6 { Af::Ip6 } else { Af::Ip4 };
                    let retval = model.set_table(m.sw_if_index, af, m.vrf_id);
                    out.send(&interface::SwInterfaceSetTableReply {
                        context: m.context,
                        retval,
                    })
                }
            ),
            "sw_interface_get_table" => on!(
                interface::SwInterfaceGetTable,
                |m: interface::SwInterfaceGetTable| {
                    let af = if m.is_ipv6 { Af::Ip6 } else { Af::Ip4 };
                    let (retval, vrf_id) = match model.get(m.sw_if_index) {
                        Some(i) => (0, i.table(af)),
                        None => (super::model::INVALID_SW_IF_INDEX, 0),
                    };
                    out.send(&interface::SwInterfaceGetTableReply {
                        context: m.context,
                        retval,
                        vrf_id,
                    })
                }
            ),
            "create_loopback" => on!(interface::CreateLoopback, |m: interface::CreateLoopback| {
                let (retval, sw_if_index) = model.create_loopback(m.mac_address.0, None);
                out.send(&interface::CreateLoopbackReply {
                    context: m.context,
                    retval,
                    sw_if_index,
                })
            }),
            "create_loopback_instance" => on!(
                interface::CreateLoopbackInstance,
                |m: interface::CreateLoopbackInstance| {
                    let instance = m.is_specified.then_some(m.user_instance);
                    let (retval, sw_if_index) = model.create_loopback(m.mac_address.0, instance);
                    out.send(&interface::CreateLoopbackInstanceReply {
                        context: m.context,
                        retval,
                        sw_if_index,
                    })
                }
            ),
            "delete_loopback" => on!(interface::DeleteLoopback, |m: interface::DeleteLoopback| {
                let retval = model.delete_loopback(m.sw_if_index);
                out.send(&interface::DeleteLoopbackReply {
                    context: m.context,
                    retval,
                })
            }),
            "ip_address_dump" => on!(ip::IpAddressDump, |m: ip::IpAddressDump| {
                if let Some(iface) = model.get(m.sw_if_index) {
                    for a in iface
                        .addrs
                        .iter()
                        .filter(|a| Af::of(a).is_ip6() == m.is_ipv6)
                    {
                        out.send(&ip::IpAddressDetails {
                            context: m.context,
                            sw_if_index: m.sw_if_index,
                            prefix: *a,
                        });
                    }
                }
            }),
            "ip_table_add_del" => on!(ip::IpTableAddDel, |m: ip::IpTableAddDel| {
                let af = if m.table.is_ip6 { Af::Ip6 } else { Af::Ip4 };
                if m.is_add {
                    model.fib.add_table(af, m.table.table_id, &m.table.name);
                } else {
                    model.fib.del_table(af, m.table.table_id);
                }
                out.send(&ip::IpTableAddDelReply {
                    context: m.context,
                    retval: 0,
                })
            }),
            "ip_table_dump" => on!(ip::IpTableDump, |m: ip::IpTableDump| {
                for t in model.fib.table_list() {
                    out.send(&ip::IpTableDetails {
                        context: m.context,
                        table: ip::IpTable {
                            table_id: t.table_id,
                            is_ip6: t.af.is_ip6(),
                            name: t.name,
                        },
                    });
                }
            }),
            "ip_route_add_del" => on!(ip::IpRouteAddDel, |m: ip::IpRouteAddDel| {
                let paths = m.route.paths.iter().map(path_from_wire).collect();
                let (retval, stats_index) = match model.route_add_del(
                    m.route.table_id,
                    m.route.prefix,
                    m.is_add,
                    m.is_multipath,
                    paths,
                ) {
                    Ok(i) => (0, i.unwrap_or(ANY_INDEX)),
                    Err(rv) => (rv, ANY_INDEX),
                };
                out.send(&ip::IpRouteAddDelReply {
                    context: m.context,
                    retval,
                    stats_index,
                })
            }),
            "fib_source_add" => on!(fib::FibSourceAdd, |m: fib::FibSourceAdd| {
                let (retval, id) = match model.fib.sources.add(&m.src.name, m.src.priority) {
                    Ok(id) => (0, id),
                    Err(_) => (super::fib::source::INVALID_VALUE, 0),
                };
                out.send(&fib::FibSourceAddReply {
                    context: m.context,
                    retval,
                    id,
                })
            }),
            "fib_source_dump" => on!(fib::FibSourceDump, |m: fib::FibSourceDump| {
                for s in model.fib.sources.list() {
                    out.send(&fib::FibSourceDetails {
                        context: m.context,
                        src: fib::FibSource {
                            priority: s.priority,
                            id: s.id,
                            name: s.name,
                        },
                    });
                }
            }),
            "ip_route_add_del_v2" => on!(ip::IpRouteAddDelV2, |m: ip::IpRouteAddDelV2| {
                let paths = m.route.paths.iter().map(path_from_wire).collect();
                let (retval, stats_index) = match model.route_add_del_v2(
                    m.route.table_id,
                    m.route.prefix,
                    m.route.src,
                    m.is_add,
                    m.is_multipath,
                    paths,
                ) {
                    Ok(i) => (0, i.unwrap_or(ANY_INDEX)),
                    Err(rv) => (rv, ANY_INDEX),
                };
                out.send(&ip::IpRouteAddDelV2Reply {
                    context: m.context,
                    retval,
                    stats_index,
                })
            }),
            "ip_route_v2_dump" => on!(ip::IpRouteV2Dump, |m: ip::IpRouteV2Dump| {
                let af = if m.table.is_ip6 { Af::Ip6 } else { Af::Ip4 };
                let table = m.table.table_id;
                let send = |r: RouteRef<'_>, out: &mut Out<'_>| {
                    out.send(&ip::IpRouteV2Details {
                        context: m.context,
                        route: route_v2_to_wire(&r),
                    })
                };
                if m.src == 0 {
                    if let Ok(routes) = model.fib.dump(af, table) {
                        routes.for_each(|r| send(r, out));
                    }
                } else if let Ok(source) = model.fib.sources.resolve(m.src) {
                    // A source never registered: no details, as VPP answers.
                    if let Ok(routes) = model.fib.dump_source(af, table, source) {
                        routes.for_each(|r| send(r, out));
                    }
                }
            }),
            "ip_route_lookup_v2" => on!(ip::IpRouteLookupV2, |m: ip::IpRouteLookupV2| {
                let found = if m.exact != 0 {
                    model.fib.lookup_exact(m.table_id, m.prefix)
                } else {
                    model.fib.lookup(m.table_id, m.prefix.addr())
                };
                let (retval, route) = match found {
                    Ok(Some(r)) => (0, route_v2_to_wire(&r)),
                    Ok(None) => (super::model::NO_SUCH_ENTRY, ip::IpRouteV2::default()),
                    Err(e) => (e.retval(), ip::IpRouteV2::default()),
                };
                out.send(&ip::IpRouteLookupV2Reply {
                    context: m.context,
                    retval,
                    route,
                })
            }),
            "ip_route_dump" => on!(ip::IpRouteDump, |m: ip::IpRouteDump| {
                let af = if m.table.is_ip6 { Af::Ip6 } else { Af::Ip4 };
                if let Ok(routes) = model.fib.dump(af, m.table.table_id) {
                    for r in routes {
                        out.send(&ip::IpRouteDetails {
                            context: m.context,
                            route: route_to_wire(&r),
                        });
                    }
                }
            }),
            "ip_route_lookup" => on!(ip::IpRouteLookup, |m: ip::IpRouteLookup| {
                let found = if m.exact != 0 {
                    model.fib.lookup_exact(m.table_id, m.prefix)
                } else {
                    model.fib.lookup(m.table_id, m.prefix.addr())
                };
                let (retval, route) = match found {
                    Ok(Some(r)) => (0, route_to_wire(&r)),
                    Ok(None) => (super::model::NO_SUCH_ENTRY, ip::IpRoute::default()),
                    Err(e) => (e.retval(), ip::IpRoute::default()),
                };
                out.send(&ip::IpRouteLookupReply {
                    context: m.context,
                    retval,
                    route,
                })
            }),
            "acl_add_replace" => on!(acl::AclAddReplace, |m: acl::AclAddReplace| {
                let rules = m.r.iter().map(rule_from_wire).collect();
                let (retval, acl_index) = model.acls.add_replace(m.acl_index, &m.tag, rules);
                out.send(&acl::AclAddReplaceReply {
                    context: m.context,
                    acl_index,
                    retval,
                })
            }),
            "acl_del" => on!(acl::AclDel, |m: acl::AclDel| {
                let retval = model.acls.del(m.acl_index);
                out.send(&acl::AclDelReply {
                    context: m.context,
                    retval,
                })
            }),
            "acl_dump" => on!(acl::AclDump, |m: acl::AclDump| {
                for (acl_index, a) in model.acls.iter() {
                    if m.acl_index != sim_acl::ANY && m.acl_index != acl_index {
                        continue;
                    }
                    out.send(&acl::AclDetails {
                        context: m.context,
                        acl_index,
                        tag: a.tag.clone(),
                        r: a.rules.iter().map(rule_to_wire).collect(),
                    });
                }
            }),
            "acl_interface_set_acl_list" => on!(
                acl::AclInterfaceSetAclList,
                |m: acl::AclInterfaceSetAclList| {
                    let retval =
                        model.set_interface_acls(m.sw_if_index, usize::from(m.n_input), &m.acls);
                    out.send(&acl::AclInterfaceSetAclListReply {
                        context: m.context,
                        retval,
                    })
                }
            ),
            "acl_interface_list_dump" => {
                on!(acl::AclInterfaceListDump, |m: acl::AclInterfaceListDump| {
                    for i in model.interfaces() {
                        if m.sw_if_index != ANY_INDEX && i.sw_if_index != m.sw_if_index {
                            continue;
                        }
                        let (input, output) = model.acls.interface(i.sw_if_index);
                        out.send(&acl::AclInterfaceListDetails {
                            context: m.context,
                            sw_if_index: i.sw_if_index,
                            n_input: input.len().try_into().unwrap_or(u8::MAX),
                            acls: input.iter().chain(output).copied().collect(),
                        });
                    }
                })
            }
            _ => None,
        }
    }

    fn sockclnt_create(&self, client: u32, m: memclnt::SockclntCreate, out: &mut Out<'_>) {
        let message_table = self
            .table
            .entries()
            .map(|(index, name)| memclnt::MessageTableEntry {
                index,
                name: name.to_owned(),
            })
            .collect();
        out.send(&memclnt::SockclntCreateReply {
            client_index: 0,
            context: m.context,
            response: 0,
            index: client,
            message_table,
        });
    }

    /// A request in the table without a handler: its `_reply` with
    /// `VNET_API_ERROR_UNIMPLEMENTED`, when there is such a reply with a retval.
    fn unimplemented(&self, info: &MessageInfo, body: &[u8], out: &mut Out<'_>) {
        if info.kind != MessageKind::Request {
            debug(format_args!("ignoring {} from a client", info.name));
            return;
        }
        let reply_name = format!("{}_reply", info.name);
        let Some((id, reply)) = self
            .table
            .entries()
            .filter_map(|(id, _)| Some((id, self.table.info(id)?)))
            .find(|(_, m)| m.name == reply_name)
        else {
            debug(format_args!("{} is not simulated", info.name));
            return;
        };
        let context = body
            .get(2..)
            .and_then(|b| (info.decode_json)(b).ok())
            .and_then(|v| v.get("context").cloned());
        let Some(context) = context else {
            debug(format_args!("dropping {}: does not decode", info.name));
            return;
        };
        let fields = serde_json::json!({"context": context, "retval": UNIMPLEMENTED});
        match (reply.encode_json)(fields) {
            Ok(rest) => {
                let mut msg = id.to_be_bytes().to_vec();
                msg.extend_from_slice(&rest);
                let _ = wire::write_frame(out.frames, &msg);
                debug(format_args!("{} is not simulated: answered -9", info.name));
            }
            Err(_) => debug(format_args!("{} is not simulated", info.name)),
        }
    }

    /// The `sw_interface_event` frames for one event, one per subscriber:
    /// `(client_index, frame)`.
    pub fn event_frames(&self, model: &Model, ev: IfEvent) -> Vec<(u32, Vec<u8>)> {
        let mut frames = Vec::new();
        for (&client, &pid) in model.subscribers() {
            let mut buf = Vec::new();
            let mut out = Out {
                table: &self.table,
                frames: &mut buf,
            };
            out.send(&interface::SwInterfaceEvent {
                client_index: client,
                pid,
                sw_if_index: ev.sw_if_index,
                flags: VppEnum::from_raw(ev.flags),
                deleted: ev.deleted,
            });
            frames.push((client, buf));
        }
        frames
    }
}

fn sw_interface_dump(model: &Model, m: interface::SwInterfaceDump, out: &mut Out<'_>) {
    for i in model.interfaces() {
        if m.sw_if_index != ANY_INDEX && i.sw_if_index != m.sw_if_index {
            continue;
        }
        if m.name_filter_valid && !i.name.contains(m.name_filter.as_str()) {
            continue;
        }
        out.send(&interface::SwInterfaceDetails {
            context: m.context,
            sw_if_index: i.sw_if_index,
            sup_sw_if_index: i.sw_if_index,
            l2_address: wire::MacAddress(i.mac.unwrap_or_default()),
            flags: VppEnum::from_raw(i.flags()),
            link_mtu: i.link_mtu.try_into().unwrap_or(u16::MAX),
            mtu: i.mtu.to_vec(),
            interface_name: i.name.clone(),
            interface_dev_type: i.dev_type.name().into(),
            tag: i.tag.clone(),
            ..Default::default()
        });
    }
}

/// How many interfaces one `sw_interface_tx_placement_get` answers before it
/// replies EAGAIN with a cursor, as VPP does when its main loop must yield: a
/// small batch, so that clients' continuation is exercised.
pub const TX_PLACEMENT_BATCH: usize = 2;

/// A get-stream (VPP's `REPLY_AND_DETAILS_MACRO_END`): one details message per
/// interface from `cursor` on (each interface has one tx queue, 0, on the main
/// thread), then the reply: EAGAIN with the next interface as cursor while some
/// remain, else 0 with cursor ~0. One interface when `sw_if_index` is not ~0.
fn tx_placement_get(model: &Model, m: interface::SwInterfaceTxPlacementGet, out: &mut Out<'_>) {
    let details = |i: &super::model::Interface, out: &mut Out<'_>| {
        out.send(&interface::SwInterfaceTxPlacementDetails {
            context: m.context,
            sw_if_index: i.sw_if_index,
            queue_id: 0,
            shared: 0,
            threads: vec![0],
            ..Default::default()
        })
    };
    let reply = |retval: i32, cursor: u32, out: &mut Out<'_>| {
        out.send(&interface::SwInterfaceTxPlacementGetReply {
            context: m.context,
            retval,
            cursor,
        })
    };
    if m.sw_if_index != ANY_INDEX {
        match model.get(m.sw_if_index) {
            Some(i) => {
                details(i, out);
                reply(0, ANY_INDEX, out);
            }
            None => reply(super::model::INVALID_SW_IF_INDEX, ANY_INDEX, out),
        }
        return;
    }
    let mut rest = model.interfaces().filter(|i| i.sw_if_index >= m.cursor);
    for i in rest.by_ref().take(TX_PLACEMENT_BATCH) {
        details(i, out);
    }
    match rest.next() {
        Some(next) => reply(RETVAL_EAGAIN, next.sw_if_index, out),
        None => reply(0, ANY_INDEX, out),
    }
}

/// A path as the FIB keeps it. A zero next hop is none.
fn path_from_wire(p: &fib_types::FibPath) -> FibPath {
    let raw = p.nh.address.0 .0;
    let nh = match p.proto.to_raw() {
        1 => IpAddr::V6(Ipv6Addr::from(raw)),
        _ => IpAddr::V4(Ipv4Addr::new(raw[0], raw[1], raw[2], raw[3])),
    };
    FibPath {
        path_type: PathType::from_wire(p.r#type.to_raw()),
        sw_if_index: (p.sw_if_index != ANY_INDEX).then_some(p.sw_if_index),
        next_hop: (!nh.is_unspecified()).then_some(nh),
        table_id: p.table_id,
        weight: p.weight,
        preference: p.preference,
    }
}

fn path_to_wire(af: Af, p: &FibPath) -> fib_types::FibPath {
    let address = match p.next_hop {
        Some(IpAddr::V4(a)) => ip_types::AddressUnion::from_ip4(&a),
        Some(IpAddr::V6(a)) => ip_types::AddressUnion::from_ip6(&a),
        None => Ok(ip_types::AddressUnion::default()),
    }
    .unwrap_or_default();
    fib_types::FibPath {
        sw_if_index: p.sw_if_index.unwrap_or(ANY_INDEX),
        table_id: p.table_id,
        weight: p.weight,
        preference: p.preference,
        r#type: VppEnum::from_raw(p.path_type.to_wire()),
        proto: VppEnum::from_raw(u32::from(af.is_ip6())),
        nh: fib_types::FibPathNh {
            address,
            ..Default::default()
        },
        ..Default::default()
    }
}

/// An ACL rule as the simulated plugin keeps it.
fn rule_from_wire(r: &acl_types::AclRule) -> sim_acl::Rule {
    sim_acl::Rule {
        action: r.is_permit,
        src: r.src_prefix,
        dst: r.dst_prefix,
        proto: r.proto.to_raw() as u8,
        sport: (r.srcport_or_icmptype_first, r.srcport_or_icmptype_last),
        dport: (r.dstport_or_icmpcode_first, r.dstport_or_icmpcode_last),
        tcp_flags_mask: r.tcp_flags_mask,
        tcp_flags_value: r.tcp_flags_value,
    }
}

fn rule_to_wire(r: &sim_acl::Rule) -> acl_types::AclRule {
    acl_types::AclRule {
        is_permit: r.action,
        src_prefix: r.src,
        dst_prefix: r.dst,
        proto: VppEnum::from_raw(u32::from(r.proto)),
        srcport_or_icmptype_first: r.sport.0,
        srcport_or_icmptype_last: r.sport.1,
        dstport_or_icmpcode_first: r.dport.0,
        dstport_or_icmpcode_last: r.dport.1,
        tcp_flags_mask: r.tcp_flags_mask,
        tcp_flags_value: r.tcp_flags_value,
    }
}

fn route_to_wire(r: &RouteRef<'_>) -> ip::IpRoute {
    let af = Af::of(&r.prefix);
    ip::IpRoute {
        table_id: r.table_id,
        stats_index: r.stats_index,
        prefix: r.given,
        paths: r.paths.iter().map(|p| path_to_wire(af, p)).collect(),
    }
}

fn route_v2_to_wire(r: &RouteRef<'_>) -> ip::IpRouteV2 {
    let v1 = route_to_wire(r);
    ip::IpRouteV2 {
        table_id: v1.table_id,
        stats_index: v1.stats_index,
        prefix: v1.prefix,
        src: r.source.id(),
        paths: v1.paths,
    }
}

/// Whether a request changes VPP's state: everything but dumps, gets, lookups, the
/// connection's own messages, event subscriptions and `cli_inband` (whose commands the
/// simulator reads as text; tests ask it for this count through one).
pub fn is_mutating(name: &str) -> bool {
    const READ_ONLY: &[&str] = &[
        "sockclnt_create",
        "sockclnt_delete",
        "control_ping",
        "memclnt_keepalive_reply",
        "get_api_json",
        "get_first_msg_id",
        "show_version",
        "cli_inband",
        "want_interface_events",
        "ip_route_lookup",
        "ip_route_lookup_v2",
    ];
    !(name.ends_with("_dump") || name.ends_with("_get") || READ_ONLY.contains(&name))
}

#[cfg(test)]
mod tests;
