//! Carries out `cli_inband` commands against the [`Model`]: [`cli::parse`] reads the line,
//! this module runs it and fills the views that [`cli`]'s renderers turn into VPP's text.
//!
//! `show interface`, `show runtime` and `show errors` show the data plane's counters (see
//! [`super::traffic`]), the same the stats segment publishes; `show buffers` and
//! `show memory main-heap` describe an idle VPP.

use std::net::IpAddr;

use ipnet::IpNet;

use super::api::Identity;
use super::cli::{
    self, AddressOp, CliCommand, CliError, DpoKind, DpoView, FibEntryView, FibPathKind,
    FibPathView, FibProto, FibRef, FibSourceView, FibTableView, IfaceRef, IfaceView,
    LoadBalanceView, PathListView,
};
use super::fib::{Af, FibPath, PathType, RouteRef};
use super::model::{Interface, Model};

/// Runs one command line: VPP's `(retval, reply)`.
pub fn run(model: &mut Model, id: &Identity, line: &str) -> (i32, String) {
    let result = cli::parse(line).and_then(|cmd| execute(model, id, &cmd));
    match result {
        Ok(text) => (0, text),
        Err(e) => (e.retval(), e.reply()),
    }
}

fn resolve(model: &Model, cmd: &CliCommand, iface: &IfaceRef) -> Result<u32, CliError> {
    model
        .by_name(&iface.name)
        .map(|i| i.sw_if_index)
        .ok_or_else(|| cmd.unknown_interface(iface))
}

fn retval_error(cmd: &CliCommand, retval: i32) -> Result<String, CliError> {
    if retval == 0 {
        return Ok(String::new());
    }
    let name = crate::binapi::retval::retval_name(retval).unwrap_or("VNET_API_ERROR_UNKNOWN");
    Err(CliError::failed(cmd.path(), &format!("{name} ({retval})")))
}

fn execute(model: &mut Model, id: &Identity, cmd: &CliCommand) -> Result<String, CliError> {
    match cmd {
        CliCommand::Empty => Ok(String::new()),
        CliCommand::ShowVersion { verbose } => Ok(cli::render_version(
            &cli::VersionView {
                version: format!("v{}", id.version),
                build_user: "vppx".into(),
                build_host: "sim".into(),
                build_date: id.build_date.clone(),
                build_location: String::new(),
                compiler: "rustc".into(),
                pid: id.pid,
            },
            *verbose,
        )),
        CliCommand::ShowInterface { ifaces, address } => {
            let views = iface_views(model, cmd, ifaces)?;
            Ok(if *address {
                cli::render_interface_addresses(&views)
            } else {
                cli::render_interfaces(&views)
            })
        }
        CliCommand::ShowHardware { ifaces } => {
            Ok(cli::render_hardware(&iface_views(model, cmd, ifaces)?))
        }
        CliCommand::ShowFib {
            proto,
            table,
            prefix,
        } => Ok(show_fib(model, *proto, *table, *prefix)),
        CliCommand::ShowErrors => Ok(cli::render_errors(&error_views(model))),
        CliCommand::ShowRuntime => Ok(cli::render_runtime(&runtime_view(model))),
        CliCommand::ShowBuffers => Ok(cli::render_buffers(&[cli::BufferPoolView {
            name: "default-numa-0".into(),
            index: 0,
            numa: 0,
            size: 2304,
            data_size: 2048,
            total: 16383,
            avail: 16383,
            cached: 0,
            used: 0,
        }])),
        CliCommand::ShowMemory => Ok(cli::render_memory(&cli::HeapView {
            base: 0x7f00_0000_0000,
            size: 1 << 30,
            flags: vec!["locked".into(), "unmap-on-destroy".into()],
            name: "main heap".into(),
            page_size: 4096,
            pages_total: 262_144,
            pages_populated: 0,
            numa_pages: Vec::new(),
            total: 1 << 30,
            used: 0,
            free: 1 << 30,
            trimmable: 1 << 30,
        })),
        CliCommand::SetInterfaceState { iface, up } => {
            let sw = resolve(model, cmd, iface)?;
            retval_error(cmd, model.set_admin(sw, *up))
        }
        CliCommand::SimApiCounters => {
            Ok(format!("mutating requests: {}\n", model.mutating_requests))
        }
        CliCommand::SimLink { iface, up } => {
            let sw = resolve(model, cmd, iface)?;
            retval_error(cmd, model.set_carrier(sw, *up))
        }
        CliCommand::SetInterfaceAddress { iface, op } => {
            let sw = resolve(model, cmd, iface)?;
            let rv = match op {
                AddressOp::Add(a) => model.add_del_address(sw, true, false, *a),
                AddressOp::Del(a) => model.add_del_address(sw, false, false, *a),
                AddressOp::DelAll => {
                    let any = IpNet::from(IpAddr::from([0u8; 4]));
                    model.add_del_address(sw, false, true, any)
                }
            };
            retval_error(cmd, rv)
        }
        CliCommand::CreateLoopback { mac, instance } => {
            let (rv, sw) = model.create_loopback(mac.unwrap_or_default(), *instance);
            if rv != 0 {
                return Err(CliError::loopback_create_failed());
            }
            Ok(cli::render_created_interface(&model.iface_name(sw)))
        }
        CliCommand::DeleteLoopback { iface } => {
            let sw = resolve(model, cmd, iface)?;
            if model.delete_loopback(sw) != 0 {
                return Err(CliError::loopback_delete_failed());
            }
            Ok(String::new())
        }
        CliCommand::SimTraffic { iface, flow, src } => {
            let sw = resolve(model, cmd, iface)?;
            let rv = match (flow, src) {
                (None, Some(_)) => model.stop_traffic(sw, *src),
                _ => model.set_traffic(sw, *flow),
            };
            retval_error(cmd, rv)
        }
    }
}

fn iface_views(
    model: &Model,
    cmd: &CliCommand,
    names: &[IfaceRef],
) -> Result<Vec<IfaceView>, CliError> {
    if names.is_empty() {
        let mut views: Vec<IfaceView> = model.interfaces().map(|i| iface_view(model, i)).collect();
        cli::sort_like_vpp(&mut views);
        return Ok(views);
    }
    names
        .iter()
        .map(|n| {
            let sw = resolve(model, cmd, n)?;
            model
                .get(sw)
                .map(|i| iface_view(model, i))
                .ok_or_else(|| cmd.unknown_interface(n))
        })
        .collect()
}

/// `show errors`: every non-zero counter, summed over threads, by node then reason.
fn error_views(model: &Model) -> Vec<cli::ErrorCounterView> {
    let d = &model.dataplane;
    let mut views: Vec<cli::ErrorCounterView> = d
        .errors
        .iter()
        .enumerate()
        .map(|(i, (node, reason))| cli::ErrorCounterView {
            count: d.error_total(i),
            node: node.clone(),
            reason: reason.clone(),
            severity: cli::Severity::Error,
        })
        .filter(|e| e.count != 0)
        .collect();
    views.sort_by(|a, b| (&a.node, &a.reason).cmp(&(&b.node, &b.reason)));
    views
}

/// `show runtime`: every thread's node counters summed into one table (VPP prints one
/// per thread), with the rates of the last tick.
fn runtime_view(model: &Model) -> cli::RuntimeView {
    let d = &model.dataplane;
    let nodes = d
        .node_names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let c = d.node_total(i);
            let state = if c.suspends > 0 {
                cli::NodeState::EventWait
            } else if name.ends_with("-input") && name.starts_with("pg") {
                cli::NodeState::Polling
            } else {
                cli::NodeState::Active
            };
            cli::NodeRuntimeView {
                name: name.clone(),
                state,
                calls: c.calls,
                vectors: c.vectors,
                suspends: c.suspends,
                clocks: c.clocks,
            }
        })
        .collect();
    let r = &d.rates;
    cli::RuntimeView {
        time: d.uptime,
        window_secs: 10.0,
        vector_rate: r.vector_rate,
        loops_per_sec: r.loops_per_sec.iter().sum(),
        input_rate: r.input_rate,
        output_rate: r.output_rate,
        drop_rate: r.drop_rate,
        punt_rate: 0.0,
        nodes,
    }
}

fn iface_counters(model: &Model, sw_if_index: u32) -> cli::IfaceCounters {
    let t = model.dataplane.iface_total(sw_if_index);
    let c = |k: usize| cli::Combined {
        packets: t.combined[k].packets,
        bytes: t.combined[k].bytes,
    };
    let s = |k: usize| t.simple[k];
    cli::IfaceCounters {
        rx: c(0),
        rx_unicast: c(1),
        rx_multicast: c(2),
        rx_broadcast: c(3),
        tx: c(4),
        tx_unicast: c(5),
        tx_multicast: c(6),
        tx_broadcast: c(7),
        drops: s(0),
        punt: s(1),
        ip4: s(2),
        ip6: s(3),
        rx_no_buf: s(4),
        rx_miss: s(5),
        rx_error: s(6),
        tx_error: s(7),
        mpls: s(8),
    }
}

fn iface_view(model: &Model, i: &Interface) -> IfaceView {
    IfaceView {
        sw_if_index: i.sw_if_index,
        hw_if_index: i.sw_if_index,
        name: i.name.clone(),
        admin_up: i.admin_up,
        link_up: i.link_up(),
        mtu: i.mtu,
        mac: i.mac,
        link_speed_kbps: 0,
        addrs: i.addrs.clone(),
        ip4_fib: FibRef {
            table_id: i.ip4_table,
            fib_index: i.ip4_table,
        },
        ip6_fib: FibRef {
            table_id: i.ip6_table,
            fib_index: i.ip6_table,
        },
        counters: iface_counters(model, i.sw_if_index),
    }
}

fn show_fib(model: &Model, proto: FibProto, table: Option<u32>, prefix: Option<IpNet>) -> String {
    let af = match proto {
        FibProto::Ip4 => Af::Ip4,
        FibProto::Ip6 => Af::Ip6,
    };
    let mut views = Vec::new();
    let tables = model.fib.table_list();
    let of_af = tables.iter().filter(|t| t.af == af);
    for (fib_index, t) in of_af.enumerate() {
        if table.is_some_and(|id| id != t.table_id) {
            continue;
        }
        let entries: Vec<FibEntryView> = match prefix {
            Some(p) if Af::of(&p) == af => best_match(model, t.table_id, p)
                .map(|r| entry_view(model, &r, true))
                .into_iter()
                .collect(),
            Some(_) => Vec::new(),
            None => match model.fib.dump(af, t.table_id) {
                Ok(routes) => routes.map(|r| entry_view(model, &r, false)).collect(),
                Err(_) => Vec::new(),
            },
        };
        let lock = if t.table_id == 0 {
            "default-route"
        } else {
            "API"
        };
        views.push(FibTableView {
            proto,
            name: t.name.clone(),
            fib_index: fib_index as u32,
            locks: vec![(lock.to_owned(), 1)],
            entries,
        });
    }
    cli::render_fib(&views, prefix.is_some())
}

/// The most specific entry covering `prefix` no longer than it, as VPP's `show ip fib P/L`.
fn best_match<'a>(model: &'a Model, table_id: u32, prefix: IpNet) -> Option<RouteRef<'a>> {
    (0..=prefix.prefix_len()).rev().find_map(|len| {
        let p = IpNet::new(prefix.addr(), len).ok()?.trunc();
        model.fib.lookup_exact(table_id, p).ok().flatten()
    })
}

fn entry_view(model: &Model, r: &RouteRef<'_>, detail: bool) -> FibEntryView {
    let paths: Vec<(FibPathKind, DpoView)> =
        r.paths.iter().map(|p| path_view(model, r, p)).collect();
    let sources = if detail {
        let itfs = r.paths.iter().filter_map(|p| p.sw_if_index).collect();
        vec![FibSourceView {
            name: model.fib.sources.name(r.source),
            refs: 1,
            entry_flags: Vec::new(),
            src_flags: vec!["added".into(), "contributing".into(), "active".into()],
            path_list: Some(PathListView {
                index: r.stats_index,
                locks: 1,
                flags: Vec::new(),
                urpf_index: r.stats_index,
                urpf_itfs: itfs,
                paths: r
                    .paths
                    .iter()
                    .zip(&paths)
                    .enumerate()
                    .map(|(i, (p, (kind, dpo)))| FibPathView {
                        index: i as u32,
                        weight: u32::from(p.weight),
                        preference: u32::from(p.preference),
                        kind: kind.clone(),
                        oper_flags: vec!["resolved".into()],
                        cfg_flags: Vec::new(),
                        dpo: Some(dpo.clone()),
                    })
                    .collect(),
            }),
        }]
    } else {
        Vec::new()
    };
    FibEntryView {
        prefix: r.prefix.trunc(),
        entry_index: r.stats_index,
        locks: 1,
        sources,
        forwarding: Some(LoadBalanceView {
            index: r.stats_index,
            urpf_index: r.stats_index,
            to_packets: 0,
            to_bytes: 0,
            buckets: paths.into_iter().map(|(_, d)| d).collect(),
        }),
    }
}

fn path_view(model: &Model, r: &RouteRef<'_>, p: &FibPath) -> (FibPathKind, DpoView) {
    let dpo = |next, kind| DpoView { next, kind };
    match (p.path_type, p.sw_if_index, p.next_hop) {
        (PathType::Drop, ..) => (FibPathKind::Special, dpo(0, DpoKind::Drop)),
        (PathType::Local, sw, nh) => {
            let iface = sw.map(|s| model.iface_name(s)).unwrap_or_default();
            let addr = nh.unwrap_or(r.prefix.addr());
            (
                FibPathKind::Receive,
                dpo(11, DpoKind::Receive { addr, iface }),
            )
        }
        (PathType::Normal, Some(sw), Some(via)) => {
            let iface = model.iface_name(sw);
            (
                FibPathKind::AttachedNexthop {
                    via,
                    iface: iface.clone(),
                },
                dpo(3, DpoKind::Incomplete { via, iface }),
            )
        }
        (PathType::Normal, Some(sw), None) => {
            let i = model.get(sw);
            let iface = model.iface_name(sw);
            (
                FibPathKind::Attached {
                    iface: iface.clone(),
                },
                dpo(
                    4,
                    DpoKind::Glean {
                        subnet: r.prefix.trunc(),
                        iface,
                        mtu: i.map_or(0, |i| i.mtu[0]),
                        adj_next: sw,
                        mac: i.and_then(|i| i.mac).unwrap_or_default(),
                    },
                ),
            )
        }
        (PathType::Normal, None, Some(via)) => (
            FibPathKind::Recursive {
                via,
                table_id: p.table_id,
                via_fib: 0,
                via_lb: 0,
            },
            dpo(0, DpoKind::Text(format!("recursive via {via}"))),
        ),
        (PathType::Normal, None, None) if Af::of(&r.prefix).is_ip6() => {
            (FibPathKind::Special, dpo(14, DpoKind::Ip6LinkLocal))
        }
        _ => (
            FibPathKind::Special,
            dpo(0, DpoKind::Text("special".into())),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts of golden/cli/cli.json for the commands that change state, run on a model
    /// shaped like the captured VPP (pg0, pg1, pg-1 up; pg0 and pg1 addressed).
    #[test]
    fn golden_cli_texts() {
        let names: Vec<String> = ["pg0", "pg1", "pg-1"].map(String::from).to_vec();
        let mut m = Model::new(&names);
        for i in 1..=3 {
            m.set_admin(i, true);
        }
        m.add_del_address(1, true, false, "198.18.0.1/24".parse().unwrap());
        m.add_del_address(2, true, false, "198.18.1.1/24".parse().unwrap());
        let id = Identity::new();
        let mut run = |cmd: &str| run(&mut m, &id, cmd);
        assert_eq!(
            run("show interface address"),
            (
                0,
                "local0 (dn):\npg-1 (up):\npg0 (up):\n  L3 198.18.0.1/24\npg1 (up):\n  L3 198.18.1.1/24\n"
                    .into()
            )
        );
        assert_eq!(run("create loopback interface"), (0, "loop0\n".into()));
        assert_eq!(run("set interface state loop0 up"), (0, String::new()));
        assert_eq!(
            run("set interface ip address loop0 10.70.0.1/24"),
            (0, String::new())
        );
        assert_eq!(
            run("show interface loop0").1,
            "              Name               Idx    State  MTU (L3/IP4/IP6/MPLS)     Counter          Count     \n\
             loop0                             4      up          9000/0/0/0     \n"
        );
        assert_eq!(
            run("set interface state nosuch0 up"),
            (
                -1,
                "set interface state: unknown interface `nosuch0 up'\n".into()
            )
        );
        assert_eq!(
            run("show nosuchthing"),
            (-1, "show: unknown input `nosuchthing'\n".into())
        );
        assert_eq!(
            run("delete loopback interface intfc loop0"),
            (0, String::new())
        );
        assert!(run("show ip fib")
            .1
            .contains("198.18.0.1/32\n  unicast-ip4-chain"));
        assert_eq!(run("sim link pg0 down"), (0, String::new()));
        assert_eq!(m.by_name("pg0").unwrap().flags(), 1);
    }
}
