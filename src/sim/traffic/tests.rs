use std::net::{IpAddr, Ipv4Addr};

use ipnet::IpNet;

use super::*;
use crate::sim::api::Identity;
use crate::sim::cli_exec;
use crate::sim::fib::FibPath;

fn spec(rate_pps: u64, frame_size: u32, dst: Option<&str>) -> TrafficSpec {
    TrafficSpec {
        rate_pps,
        frame_size,
        src: None,
        dst: dst.map(|d| d.parse().unwrap()),
    }
}

fn from(src: &str, rate_pps: u64, dst: Option<&str>) -> TrafficSpec {
    TrafficSpec {
        src: Some(src.parse().unwrap()),
        ..spec(rate_pps, 64, dst)
    }
}

/// pg0 and pg1 up, pg1 addressed 198.18.1.1/24: traffic into pg0 routes out of pg1.
fn routed() -> Model {
    let mut m = Model::new(&["pg0".to_string(), "pg1".to_string()]);
    m.set_admin(1, true);
    m.set_admin(2, true);
    m.add_del_address(1, true, false, "198.18.0.1/24".parse().unwrap());
    m.add_del_address(2, true, false, "198.18.1.1/24".parse().unwrap());
    m
}

fn node(m: &Model, name: &str) -> NodeCounters {
    let i = m.dataplane.node_names.iter().position(|n| n == name);
    m.dataplane
        .node_total(i.unwrap_or_else(|| panic!("no node {name}")))
}

fn error(m: &Model, node: &str, reason: &str) -> u64 {
    let d = &m.dataplane;
    let i = d.errors.iter().position(|(n, r)| n == node && r == reason);
    d.error_total(i.unwrap_or_else(|| panic!("no error {node}/{reason}")))
}

#[test]
fn forwarded_packets_count_on_both_interfaces_spread_over_workers() {
    let mut m = routed();
    assert_eq!(m.set_traffic(1, Some(spec(1000, 64, None))), 0);
    let path = m.flow_path(1, None).unwrap();
    assert_eq!(
        (path.dst, path.fate),
        ("198.18.1.254".parse().unwrap(), Fate::Forward(2))
    );
    // A neighbour on pg0's subnet sends it; no ACL is on its way.
    assert_eq!(path.src, "198.18.0.2".parse::<IpAddr>().unwrap());
    assert_eq!((path.acl_in, path.acl_out), (None, None));
    m.advance(1.0);
    let pg0 = m.dataplane.iface_total(1);
    assert_eq!(
        pg0.combined[RX],
        Pair {
            packets: 1000,
            bytes: 64_000
        }
    );
    assert_eq!(pg0.simple[IP4], 1000);
    assert_eq!(pg0.simple[DROPS], 0);
    assert_eq!(m.dataplane.iface_total(2).combined[TX].packets, 1000);
    // Main thread carries no packets; the two workers share them.
    let per_thread: Vec<u64> = (0..THREADS)
        .map(|t| m.dataplane.ifaces[t][1].combined[RX].packets)
        .collect();
    assert_eq!(per_thread, [0, 500, 500]);
    for n in [
        "pg-input",
        "ip4-input",
        "ip4-lookup",
        "ip4-rewrite",
        "pg1-output",
        "pg1-tx",
    ] {
        let c = node(&m, n);
        assert_eq!(c.vectors, 1000, "{n}");
        assert_eq!(c.calls, 2 * 500u64.div_ceil(FRAME), "{n}");
        assert!(c.clocks > c.vectors, "{n}");
    }
    assert_eq!(node(&m, "error-drop").vectors, 0);
    assert_eq!(m.dataplane.rates.input_rate, 1000.0);
    assert_eq!(m.dataplane.rates.output_rate, 1000.0);
}

#[test]
fn rates_are_exact_over_many_short_ticks() {
    let mut m = routed();
    m.set_traffic(1, Some(spec(15, 100, None)));
    for _ in 0..100 {
        m.advance(0.02);
    }
    let rx = m.dataplane.iface_total(1).combined[RX];
    assert!((29..=30).contains(&rx.packets), "{rx:?}");
    assert_eq!(rx.bytes, rx.packets * 100);
}

#[test]
fn unrouted_packets_are_dropped_with_lookup_miss() {
    let mut m = routed();
    m.set_traffic(1, Some(spec(100, 64, Some("203.0.113.0/24"))));
    m.advance(1.0);
    let pg0 = m.dataplane.iface_total(1);
    assert_eq!(pg0.combined[RX].packets, 100);
    assert_eq!(pg0.simple[DROPS], 100);
    assert_eq!(error(&m, "ip4-input", "dst_lookup_miss"), 100);
    assert_eq!(node(&m, "ip4-drop").vectors, 100);
    assert_eq!(node(&m, "error-drop").vectors, 100);
    assert_eq!(m.dataplane.iface_total(2).combined[TX].packets, 0);
}

#[test]
fn without_routes_the_default_destination_goes_nowhere() {
    let mut m = Model::new(&["pg0".to_string()]);
    m.set_admin(1, true);
    m.set_traffic(1, Some(spec(10, 64, None)));
    let path = m.flow_path(1, None).unwrap();
    assert_eq!((path.dst, path.fate), (NOWHERE, Fate::Miss));
    assert_eq!(path.src, IpAddr::V4(Ipv4Addr::UNSPECIFIED));
}

#[test]
fn a_drop_route_a_local_address_and_a_down_egress() {
    let mut m = routed();
    let drop = vec![crate::sim::fib::FibPath::drop()];
    m.route_add_del(0, "10.9.0.0/16".parse().unwrap(), true, false, drop)
        .unwrap();
    m.set_traffic(1, Some(spec(10, 64, Some("10.9.0.0/16"))));
    m.advance(1.0);
    assert_eq!(error(&m, "ip4-input", "drop"), 10);
    m.set_traffic(1, Some(spec(10, 64, Some("198.18.0.1/32"))));
    m.advance(1.0);
    assert_eq!(error(&m, "ip4-local", "unknown_protocol"), 10);
    // The carrier of pg1 goes: the route stays, the output node drops.
    m.set_carrier(2, false);
    m.set_traffic(1, Some(spec(10, 64, Some("198.18.1.7/32"))));
    m.advance(1.0);
    assert_eq!(error(&m, "pg1-output", "interface is down"), 10);
    assert_eq!(m.dataplane.iface_total(1).simple[DROPS], 30);
    assert_eq!(m.dataplane.iface_total(2).combined[TX].packets, 0);
}

#[test]
fn a_down_ingress_receives_nothing_and_ip6_counts_as_ip6() {
    let mut m = routed();
    m.set_traffic(1, Some(spec(100, 64, Some("2001:db8::/64"))));
    m.set_carrier(1, false);
    m.advance(1.0);
    assert_eq!(m.dataplane.iface_total(1).combined[RX].packets, 0);
    m.set_carrier(1, true);
    m.set_admin(1, false);
    m.advance(1.0);
    assert_eq!(m.dataplane.iface_total(1).combined[RX].packets, 0);
    m.set_admin(1, true);
    m.advance(1.0);
    let pg0 = m.dataplane.iface_total(1);
    assert_eq!((pg0.simple[IP6], pg0.simple[IP4]), (100, 0));
    assert_eq!(error(&m, "ip6-input", "dst_lookup_miss"), 100);
}

#[test]
fn local0_takes_no_traffic_and_deleted_interfaces_stop() {
    let mut m = routed();
    assert_eq!(m.set_traffic(0, Some(spec(1, 64, None))), -7);
    assert_eq!(m.set_traffic(9, Some(spec(1, 64, None))), -2);
    let (_, lo) = m.create_loopback([0; 6], None);
    assert!(m.dataplane.errors.iter().any(|(n, _)| n == "loop0-output"));
    m.set_traffic(lo, Some(spec(1, 64, None)));
    m.delete_loopback(lo);
    assert!(m.dataplane.flows.is_empty());
}

#[test]
fn cli_starts_and_stops_traffic_and_shows_the_counters() {
    let mut m = routed();
    let id = Identity::new();
    let run = |m: &mut Model, line: &str| cli_exec::run(m, &id, line);
    assert_eq!(
        run(&mut m, "sim traffic pg0 1000pps 64B"),
        (0, String::new())
    );
    assert_eq!(run(&mut m, "sim traffic nosuch0 1000pps 64B").0, -1);
    m.advance(1.0);
    let (rv, text) = run(&mut m, "show interface pg0");
    assert_eq!(rv, 0);
    assert!(text.contains("rx packets                  1000"), "{text}");
    let (_, text) = run(&mut m, "show runtime");
    assert!(text.contains("ip4-lookup"), "{text}");
    assert_eq!(run(&mut m, "sim traffic pg0 off"), (0, String::new()));
    m.advance(1.0);
    assert_eq!(m.dataplane.iface_total(1).combined[RX].packets, 1000);
    m.set_traffic(1, Some(spec(5, 64, Some("203.0.113.9/32"))));
    m.advance(1.0);
    let (_, text) = run(&mut m, "show errors");
    assert!(
        text.contains("ip4-input") && text.contains("dst_lookup_miss"),
        "{text}"
    );
    assert!(
        text.lines().nth(1).unwrap().trim_start().starts_with('5'),
        "{text}"
    );
}

#[test]
fn error_names_are_vpps() {
    let d = Dataplane::new();
    for (node, reason) in [
        ("ip4-input", "dst_lookup_miss"),
        ("acl-plugin-in-ip4-fa", "ACL deny packets"),
        ("ethernet-input", "l3 mac mismatch"),
    ] {
        assert!(d.errors.iter().any(|(n, r)| n == node && r == reason));
    }
}

use crate::sim::acl::{self, Action, Rule, Verdict};

fn acl_rule(action: Action, src: &str) -> Rule {
    let src: IpNet = src.parse().unwrap();
    let dst = if src.addr().is_ipv6() {
        "::/0"
    } else {
        "0.0.0.0/0"
    };
    Rule {
        action,
        src,
        dst: dst.parse().unwrap(),
        proto: 0,
        sport: (0, 65535),
        dport: (0, 65535),
        tcp_flags_mask: 0,
        tcp_flags_value: 0,
    }
}

/// The RFC 1918 drop list: deny the private ranges, permit the rest (both families).
fn rfc1918(m: &mut Model) -> u32 {
    let rules = vec![
        acl_rule(Action::Deny, "10.0.0.0/8"),
        acl_rule(Action::Deny, "172.16.0.0/12"),
        acl_rule(Action::Deny, "192.168.0.0/16"),
        acl_rule(Action::Permit, "0.0.0.0/0"),
        acl_rule(Action::Permit, "::/0"),
    ];
    let (rv, index) = m.acls.add_replace(acl::ANY, "rfc1918-drop", rules);
    assert_eq!(rv, 0);
    index
}

#[test]
fn flows_are_known_by_interface_and_source() {
    let mut m = routed();
    m.set_traffic(1, Some(from("10.1.0.0/16", 100, None)));
    m.set_traffic(1, Some(from("203.0.113.0/24", 50, None)));
    m.set_traffic(1, Some(spec(10, 64, None)));
    assert_eq!(m.dataplane.flows.len(), 3);
    // The same source again replaces that flow.
    m.set_traffic(1, Some(from("10.1.0.0/16", 200, None)));
    assert_eq!(m.dataplane.flows.len(), 3);
    m.advance(1.0);
    assert_eq!(m.dataplane.iface_total(1).combined[RX].packets, 260);
    assert_eq!(m.dataplane.iface_total(2).combined[TX].packets, 260);
    assert_eq!(
        m.flow_path(1, Some("10.1.0.0/16".parse().unwrap()))
            .unwrap()
            .src,
        "10.1.0.1".parse::<IpAddr>().unwrap()
    );
    // Stopping one source leaves the others; `off` stops them all.
    let id = Identity::new();
    assert_eq!(
        cli_exec::run(&mut m, &id, "sim traffic pg0 off src 10.1.0.0/16").0,
        0
    );
    assert_eq!(m.dataplane.flows.len(), 2);
    assert_eq!(cli_exec::run(&mut m, &id, "sim traffic pg0 off").0, 0);
    assert!(m.dataplane.flows.is_empty());
}

#[test]
fn an_input_acl_denies_private_sources_and_forwards_the_rest() {
    let mut m = routed();
    let index = rfc1918(&mut m);
    assert_eq!(m.set_interface_acls(1, 1, &[index]), 0);
    m.set_traffic(1, Some(from("10.1.0.0/16", 1000, None)));
    m.set_traffic(1, Some(from("203.0.113.0/24", 300, None)));
    let denied = m
        .flow_path(1, Some("10.1.0.0/16".parse().unwrap()))
        .unwrap();
    assert_eq!(denied.acl_in, Some(Verdict::Deny));
    assert!(!denied.delivered());
    let permitted = m
        .flow_path(1, Some("203.0.113.0/24".parse().unwrap()))
        .unwrap();
    assert_eq!(permitted.acl_in, Some(Verdict::Permit));
    assert!(permitted.delivered());
    m.advance(1.0);
    let node = "acl-plugin-in-ip4-fa";
    assert_eq!(error(&m, node, "ACL deny packets"), 1000);
    assert_eq!(error(&m, node, "ACL permit packets"), 300);
    assert_eq!(error(&m, node, "checked packets"), 1300);
    assert_eq!(self::node(&m, node).vectors, 1300);
    assert_eq!(self::node(&m, "ip4-lookup").vectors, 300);
    assert_eq!(self::node(&m, "error-drop").vectors, 1000);
    let pg0 = m.dataplane.iface_total(1);
    assert_eq!(
        pg0.combined[RX].packets, 1300,
        "denied packets still count in rx"
    );
    assert_eq!(pg0.simple[DROPS], 1000);
    assert_eq!(m.dataplane.iface_total(2).combined[TX].packets, 300);
    assert_eq!(m.dataplane.rates.output_rate, 300.0);
    assert_eq!(m.dataplane.rates.drop_rate, 1000.0);
    // Detached: everything forwards, and the ACL counters stand still.
    assert_eq!(m.set_interface_acls(1, 0, &[]), 0);
    m.advance(1.0);
    assert_eq!(error(&m, node, "checked packets"), 1300);
    assert_eq!(m.dataplane.iface_total(2).combined[TX].packets, 1600);
}

#[test]
fn ipv6_flows_meet_ipv6_rules_and_the_implicit_deny() {
    let mut m = routed();
    m.add_del_address(2, true, false, "2001:db8:1::1/64".parse().unwrap());
    let v4_only = vec![acl_rule(Action::Permit, "0.0.0.0/0")];
    let (_, v4) = m.acls.add_replace(acl::ANY, "v4-only", v4_only);
    m.set_interface_acls(1, 1, &[v4]);
    m.set_traffic(
        1,
        Some(from("2001:db8:99::/48", 100, Some("2001:db8:1::9/128"))),
    );
    m.advance(1.0);
    // No IPv6 rule matched: the implicit deny.
    assert_eq!(error(&m, "acl-plugin-in-ip6-fa", "ACL deny packets"), 100);
    assert_eq!(error(&m, "acl-plugin-in-ip4-fa", "checked packets"), 0);
    let rules = vec![
        acl_rule(Action::Deny, "2001:db8:99:1::/64"),
        acl_rule(Action::Permit, "2001:db8:99::/48"),
    ];
    m.acls.add_replace(v4, "v6", rules);
    m.advance(1.0);
    assert_eq!(error(&m, "acl-plugin-in-ip6-fa", "ACL permit packets"), 100);
    assert_eq!(m.dataplane.iface_total(2).combined[TX].packets, 100);
    assert_eq!(m.dataplane.iface_total(1).simple[IP6], 200);
}

#[test]
fn an_output_acl_drops_at_the_egress_and_counts_on_the_ingress() {
    let mut m = routed();
    let rules = vec![acl_rule(Action::Deny, "203.0.113.0/24")];
    let (_, out) = m.acls.add_replace(acl::ANY, "out", rules);
    // Output-only list on pg1 (n_input 0).
    assert_eq!(m.set_interface_acls(2, 0, &[out]), 0);
    m.set_traffic(1, Some(from("203.0.113.0/24", 40, None)));
    m.advance(1.0);
    assert_eq!(error(&m, "acl-plugin-out-ip4-fa", "ACL deny packets"), 40);
    assert_eq!(error(&m, "acl-plugin-in-ip4-fa", "checked packets"), 0);
    assert_eq!(node(&m, "ip4-rewrite").vectors, 40);
    // pg1-output never ran: it is not even listed yet.
    assert!(!m.dataplane.node_names.iter().any(|n| n == "pg1-output"));
    assert_eq!(m.dataplane.iface_total(1).simple[DROPS], 40);
    assert_eq!(m.dataplane.iface_total(2).combined[TX].packets, 0);
    // A deleted interface loses its ACLs.
    let (_, lo) = m.create_loopback([0; 6], None);
    m.set_interface_acls(lo, 1, &[out]);
    m.delete_loopback(lo);
    assert_eq!(m.acls.interface(lo), (&[][..], &[][..]));
}

#[test]
fn lookups_count_per_route_at_its_stats_index() {
    let mut m = routed();
    let via: IpNet = "198.19.0.0/16".parse().unwrap();
    let nh = FibPath::via(Some("198.18.1.2".parse().unwrap()), None);
    let recursive = m
        .route_add_del(0, via, true, false, vec![nh])
        .unwrap()
        .unwrap();
    let index_of = |m: &Model, p: &str| {
        m.fib
            .lookup_exact(0, p.parse().unwrap())
            .unwrap()
            .unwrap()
            .stats_index
    };
    let connected = index_of(&m, "198.18.1.0/24");
    m.set_traffic(1, Some(spec(1000, 64, Some("198.19.7.0/24"))));
    m.advance(1.0);
    let d = &m.dataplane;
    assert_eq!(
        d.route_total(recursive, false),
        Pair {
            packets: 1000,
            bytes: 64_000
        }
    );
    // The recursion resolved through the connected route: `via`, not `to`.
    assert_eq!(d.route_total(connected, true).packets, 1000);
    assert_eq!(d.route_total(connected, false).packets, 0);
    assert_eq!(d.route_to.len(), 1);
    // Unrouted packets count on the default route, which drops them.
    m.set_traffic(1, Some(spec(10, 64, Some("203.0.113.0/24"))));
    m.advance(1.0);
    assert_eq!(
        m.dataplane
            .route_total(index_of(&m, "0.0.0.0/0"), false)
            .packets,
        10
    );
    // A stats index handed out again starts from zero.
    m.route_add_del(0, via, false, false, vec![]).unwrap();
    let again = m
        .route_add_del(
            0,
            "10.9.0.0/16".parse().unwrap(),
            true,
            false,
            vec![FibPath::drop()],
        )
        .unwrap()
        .unwrap();
    assert_eq!(again, recursive);
    m.advance(0.0);
    assert_eq!(m.dataplane.route_total(again, false), Pair::default());
}

#[test]
fn rewrites_count_per_adjacency_at_its_index() {
    use crate::sim::fib::AdjKey;
    let mut m = routed();
    let pg1 = |next_hop: Option<&str>| AdjKey {
        sw_if_index: 2,
        af: Af::Ip4,
        next_hop: next_hop.map(|a| a.parse().unwrap()),
    };
    // Each addressed interface's glean adjacency, in the order the addresses came.
    let glean0 = AdjKey {
        sw_if_index: 1,
        ..pg1(None)
    };
    assert_eq!(m.fib.adjacency(&glean0), Some(0));
    assert_eq!(m.fib.adjacency(&pg1(None)), Some(1));
    let nh = || FibPath::via(Some("198.18.1.2".parse().unwrap()), Some(2));
    for p in ["198.19.0.0/16", "198.20.0.0/16"] {
        m.route_add_del(0, p.parse().unwrap(), true, false, vec![nh()])
            .unwrap();
    }
    // Two routes through one neighbour share its adjacency.
    assert_eq!(m.fib.adjacency(&pg1(Some("198.18.1.2"))), Some(2));
    assert_eq!(m.fib.adjacency_len(), 3);
    m.set_traffic(1, Some(spec(1000, 64, Some("198.19.7.0/24"))));
    assert_eq!(m.flow_path(1, None).unwrap().routes.adjacency, Some(2));
    m.advance(1.0);
    let d = &m.dataplane;
    assert_eq!(
        d.adjacency_total(2),
        Pair {
            packets: 1000,
            bytes: 64_000
        }
    );
    assert_eq!(d.adjacency.len(), 1);
    // Both workers moved some.
    assert!(d.adjacency[&2][1..].iter().all(|p| p.packets > 0));
    // An attached prefix's traffic goes through the interface's glean adjacency; a
    // dropped packet reaches no rewrite.
    m.set_traffic(1, Some(spec(10, 100, Some("198.18.1.8/29"))));
    m.advance(1.0);
    assert_eq!(m.dataplane.adjacency_total(1).bytes, 1000);
    m.set_traffic(1, Some(spec(10, 64, Some("203.0.113.0/24"))));
    m.advance(1.0);
    assert_eq!(m.dataplane.adjacency.len(), 2);
    // The adjacency goes with the last route through it; its index, handed out again,
    // starts from zero.
    for p in ["198.19.0.0/16", "198.20.0.0/16"] {
        m.route_add_del(0, p.parse().unwrap(), false, false, vec![])
            .unwrap();
    }
    assert_eq!(m.fib.adjacency(&pg1(Some("198.18.1.2"))), None);
    let other = FibPath::via(Some("198.18.1.3".parse().unwrap()), Some(2));
    m.route_add_del(
        0,
        "198.21.0.0/16".parse().unwrap(),
        true,
        false,
        vec![other],
    )
    .unwrap();
    assert_eq!(m.fib.adjacency(&pg1(Some("198.18.1.3"))), Some(2));
    m.advance(0.0);
    assert_eq!(m.dataplane.adjacency_total(2), Pair::default());
    // Removing pg1's address releases its glean adjacency.
    m.add_del_address(2, false, false, "198.18.1.1/24".parse().unwrap());
    assert_eq!(m.fib.adjacency(&pg1(None)), None);
}

#[test]
fn interface_nodes_appear_when_they_first_run() {
    let mut m = routed();
    assert!(!m.dataplane.node_names.iter().any(|n| n == "pg1-output"));
    assert!(m
        .dataplane
        .errors
        .iter()
        .any(|(n, r)| n == "pg1-output" && r == "interface is down"));
    m.set_traffic(1, Some(spec(10, 64, None)));
    m.advance(1.0);
    assert!(m.dataplane.node_names.iter().any(|n| n == "pg1-output"));
}
