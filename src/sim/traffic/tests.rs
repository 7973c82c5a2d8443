use super::*;
use crate::sim::api::Identity;
use crate::sim::cli_exec;

fn spec(rate_pps: u64, frame_size: u32, dst: Option<&str>) -> TrafficSpec {
    TrafficSpec {
        rate_pps,
        frame_size,
        src: None,
        dst: dst.map(|d| d.parse().unwrap()),
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
    assert_eq!(
        m.flow_fate(1),
        Some(("198.18.1.254".parse().unwrap(), Fate::Forward(2)))
    );
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
    assert_eq!(m.flow_fate(1), Some((NOWHERE, Fate::Miss)));
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
    assert!(m.dataplane.node_names.iter().any(|n| n == "loop0-output"));
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
