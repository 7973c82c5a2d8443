// Tests of the simulated FIB, one file beside the one FIB module (past 600 lines).

use std::collections::BTreeSet;

use serde_json::Value;

use super::*;
use crate::sim::golden;

fn net(s: &str) -> IpNet {
    s.parse().unwrap()
}

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

/// A path as compared with the captures: (type, sw_if_index, next hop, weight, preference).
type PathKey = (u32, Option<u32>, Option<IpAddr>, u8, u8);

fn path_key(p: &FibPath) -> PathKey {
    (
        p.path_type.to_wire(),
        p.sw_if_index,
        p.next_hop,
        p.weight,
        p.preference,
    )
}

fn dump_set(fib: &Fib, af: Af, table_id: u32) -> BTreeSet<(IpNet, Vec<PathKey>)> {
    fib.dump(af, table_id)
        .unwrap()
        .map(|r| (r.prefix, r.paths.iter().map(path_key).collect()))
        .collect()
}

/// vpp_papi's decoding of a `fib_path` back into a [`PathKey`].
fn golden_path(p: &Value, is_ip6: bool) -> PathKey {
    let sw = p["sw_if_index"].as_u64().unwrap() as u32;
    let addr = &p["nh"]["address"][if is_ip6 { "ip6" } else { "ip4" }];
    let nh = ip(addr.as_str().unwrap());
    (
        p["type"].as_u64().unwrap() as u32,
        (sw != u32::MAX).then_some(sw),
        (!nh.is_unspecified()).then_some(nh),
        p["weight"].as_u64().unwrap() as u8,
        p["preference"].as_u64().unwrap() as u8,
    )
}

/// The `ip_route_details` of one step: (prefix, paths, stats_index) in capture order.
fn golden_dump(frames: &[Value], step: &str) -> Vec<(IpNet, Vec<PathKey>, u32)> {
    frames
        .iter()
        .filter(|f| f["step"] == step && f["msg"].as_str().unwrap().starts_with("ip_route_details"))
        .map(|f| {
            let r = &f["fields"]["route"];
            let prefix = net(r["prefix"].as_str().unwrap());
            let is_ip6 = matches!(prefix, IpNet::V6(_));
            let paths = r["paths"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| golden_path(p, is_ip6))
                .collect();
            (prefix, paths, r["stats_index"].as_u64().unwrap() as u32)
        })
        .collect()
}

fn as_set(dump: &[(IpNet, Vec<PathKey>, u32)]) -> BTreeSet<(IpNet, Vec<PathKey>)> {
    dump.iter()
        .map(|(p, paths, _)| (*p, paths.clone()))
        .collect()
}

fn golden_retval(frames: &[Value], step: &str) -> i64 {
    frames
        .iter()
        .find(|f| f["step"] == step && f["dir"] == "from_vpp")
        .and_then(|f| f["fields"]["retval"].as_i64())
        .unwrap_or_else(|| panic!("no reply in step {step}"))
}

/// The state of session.jsonl's VPP when it dumped table 0: pg0 (1) 198.18.0.1/24, pg1
/// (2) 198.18.1.1/24 with neighbour 198.18.1.2 and a route behind it, loop0 (4) with
/// 10.10.10.1/24 and 2001:db8:1::1/64, and the two routes the session added.
fn session_fib() -> Fib {
    let mut fib = Fib::new();
    fib.add_interface_address(0, 1, net("198.18.0.1/24"))
        .unwrap();
    fib.add_interface_address(0, 2, net("198.18.1.1/24"))
        .unwrap();
    fib.add_neighbour(0, 2, ip("198.18.1.2")).unwrap();
    fib.route_add(
        0,
        net("198.19.0.0/16"),
        vec![FibPath::via(Some(ip("198.18.1.2")), Some(2))],
    )
    .unwrap();
    fib.add_interface_address(0, 4, net("10.10.10.1/24"))
        .unwrap();
    fib.add_interface_address(0, 4, net("2001:db8:1::1/64"))
        .unwrap();
    fib.route_add(
        0,
        net("10.20.0.0/16"),
        vec![FibPath::via(Some(ip("10.10.10.2")), Some(4))],
    )
    .unwrap();
    let mut weighted = FibPath::via(Some(ip("2001:db8:1::3")), Some(4));
    weighted.weight = 3;
    fib.route_add(
        0,
        net("2001:db8:99::/48"),
        vec![FibPath::via(Some(ip("2001:db8:1::2")), Some(4)), weighted],
    )
    .unwrap();
    fib
}

#[test]
fn golden_table0_v4_and_v6_entries() {
    let frames = golden::api_frames("session.jsonl");
    let fib = session_fib();
    let v4 = golden_dump(&frames, "ip_route_dump_v4");
    assert_eq!(v4.len(), 20);
    assert_eq!(dump_set(&fib, Af::Ip4, 0), as_set(&v4));
    let v6 = golden_dump(&frames, "ip_route_dump_v6");
    assert_eq!(v6.len(), 5);
    assert_eq!(dump_set(&fib, Af::Ip6, 0), as_set(&v6));
}

#[test]
fn golden_default_entries_and_their_stats_indexes() {
    let frames = golden::api_frames("session.jsonl");
    // VPP made table 0's default entries first, so their load-balance indexes are 1..=7.
    let fib = Fib::new();
    let golden: Vec<_> = golden_dump(&frames, "ip_route_dump_v4")
        .into_iter()
        .chain(golden_dump(&frames, "ip_route_dump_v6"))
        .filter(|(_, _, si)| *si <= 7)
        .collect();
    assert_eq!(golden.len(), 7);
    let ours: BTreeSet<_> = [Af::Ip4, Af::Ip6]
        .into_iter()
        .flat_map(|af| fib.dump(af, 0).unwrap())
        .map(|r| {
            (
                r.prefix,
                r.paths.iter().map(path_key).collect::<Vec<_>>(),
                r.stats_index,
            )
        })
        .collect();
    assert_eq!(ours, golden.into_iter().collect::<BTreeSet<_>>());
}

#[test]
fn golden_new_table_entries() {
    let frames = golden::api_frames("session2.jsonl");
    let mut fib = Fib::new();
    fib.add_table(Af::Ip4, 5, "blue");
    fib.route_add(
        5,
        net("10.60.0.0/16"),
        vec![FibPath::via(Some(ip("198.18.0.2")), Some(1))],
    )
    .unwrap();
    let golden = golden_dump(&frames, "ip_route_dump_table5");
    assert_eq!(golden.len(), 6);
    assert_eq!(dump_set(&fib, Af::Ip4, 5), as_set(&golden));
    // A new IPv6 table gets what table 0 had before any interface.
    fib.add_table(Af::Ip6, 5, "");
    assert_eq!(
        dump_set(&fib, Af::Ip6, 5),
        dump_set(&Fib::new(), Af::Ip6, 0)
    );
}

#[test]
fn golden_dump_order_is_by_prefix_length() {
    let frames = golden::api_frames("session.jsonl");
    let lengths = |d: Vec<(IpNet, Vec<PathKey>, u32)>| -> Vec<u8> {
        d.iter().map(|(p, _, _)| p.prefix_len()).collect()
    };
    let golden = lengths(golden_dump(&frames, "ip_route_dump_v4"));
    let mut sorted = golden.clone();
    sorted.sort_unstable();
    assert_eq!(golden, sorted, "VPP dumps IPv4 shortest prefix first");
    let fib = session_fib();
    let ours: Vec<u8> = fib
        .dump(Af::Ip4, 0)
        .unwrap()
        .map(|r| r.prefix.prefix_len())
        .collect();
    assert_eq!(ours, golden);
}

#[test]
fn golden_tables_and_errors() {
    let frames = golden::api_frames("session2.jsonl");
    let mut fib = Fib::new();
    assert_eq!(golden_retval(&frames, "ip_table_add"), 0);
    fib.add_table(Af::Ip4, 5, "blue");
    assert_eq!(golden_retval(&frames, "ip_table_add_again"), 0);
    fib.add_table(Af::Ip4, 5, "blue");
    let golden: Vec<TableInfo> = frames
        .iter()
        .filter(|f| {
            f["step"] == "ip_table_dump"
                && f["msg"].as_str().unwrap().starts_with("ip_table_details")
        })
        .map(|f| {
            let t = &f["fields"]["table"];
            TableInfo {
                af: if t["is_ip6"].as_bool().unwrap() {
                    Af::Ip6
                } else {
                    Af::Ip4
                },
                table_id: t["table_id"].as_u64().unwrap() as u32,
                name: t["name"].as_str().unwrap().to_string(),
            }
        })
        .collect();
    assert_eq!(fib.table_list(), golden);
    assert_eq!(golden_retval(&frames, "ip_table_del"), 0);
    fib.del_table(Af::Ip4, 5);
    assert!(!fib.has_table(Af::Ip4, 5));

    let frames = golden::api_frames("session.jsonl");
    let via = vec![FibPath::via(Some(ip("10.10.10.2")), Some(4))];
    let err = fib
        .route_add(77, net("10.40.0.0/16"), via.clone())
        .unwrap_err();
    assert_eq!(
        i64::from(err.retval()),
        golden_retval(&frames, "error_route_no_such_table")
    );
    assert_eq!(golden_retval(&frames, "route_delete_missing"), 0);
    assert_eq!(
        fib.ip_route_add_del(0, net("10.50.0.0/16"), false, false, via),
        Ok(None)
    );
}

#[test]
fn replace_semantics() {
    let mut fib = Fib::new();
    let p = net("10.20.0.0/16");
    let a = FibPath::via(Some(ip("10.0.0.1")), Some(1));
    let b = FibPath::via(Some(ip("10.0.0.2")), Some(1));
    let si = fib.route_add(0, p, vec![a.clone(), b.clone()]).unwrap();
    let si2 = fib.route_add(0, p, vec![b.clone()]).unwrap();
    assert_eq!(si, si2, "an entry keeps its stats index");
    let r = fib.lookup_exact(0, p).unwrap().unwrap();
    assert_eq!(r.paths, std::slice::from_ref(&b));
    assert_eq!(r.source, Source::Api);
    // The same route again changes nothing.
    fib.route_add(0, p, vec![b.clone()]).unwrap();
    assert_eq!(fib.lookup_exact(0, p).unwrap().unwrap().paths, [b]);
    assert_eq!(fib.route_add(0, p, vec![]), Err(FibError::NoPathsInRoute));
    assert_eq!(FibError::NoPathsInRoute.retval(), -52);
}

#[test]
fn multipath_add_and_remove() {
    let mut fib = Fib::new();
    let p = net("10.20.0.0/16");
    let a = FibPath::via(Some(ip("10.0.0.1")), Some(1));
    let b = FibPath::via(Some(ip("10.0.0.2")), Some(1));
    fib.ip_route_add_del(0, p, true, true, vec![a.clone()])
        .unwrap();
    fib.ip_route_add_del(0, p, true, true, vec![b.clone()])
        .unwrap();
    let mut heavier = a.clone();
    heavier.weight = 5;
    fib.ip_route_add_del(0, p, true, true, vec![heavier.clone()])
        .unwrap();
    assert_eq!(
        fib.lookup_exact(0, p).unwrap().unwrap().paths,
        [heavier, b.clone()]
    );
    fib.ip_route_add_del(0, p, false, true, vec![a]).unwrap();
    assert_eq!(
        fib.lookup_exact(0, p).unwrap().unwrap().paths,
        std::slice::from_ref(&b)
    );
    fib.ip_route_add_del(0, p, false, true, vec![b]).unwrap();
    assert_eq!(fib.lookup_exact(0, p).unwrap(), None);
}

#[test]
fn delete_missing_and_unknown_table() {
    let mut fib = Fib::new();
    assert_eq!(fib.route_del(0, net("10.50.0.0/16")), Ok(()));
    let err = fib
        .route_add(7, net("10.0.0.0/8"), vec![FibPath::drop()])
        .unwrap_err();
    assert_eq!(
        err,
        FibError::NoSuchFib {
            af: Af::Ip4,
            table_id: 7
        }
    );
    assert_eq!(err.retval(), -3);
    assert!(fib.route_del(7, net("10.0.0.0/8")).is_err());
    assert!(fib.lookup(7, ip("10.0.0.1")).is_err());
    assert!(fib.dump(Af::Ip6, 7).is_err());
    // Tables are per family.
    fib.add_table(Af::Ip6, 7, "");
    assert!(fib
        .route_add(7, net("10.0.0.0/8"), vec![FibPath::drop()])
        .is_err());
    assert!(fib
        .route_add(7, net("2001:db8::/32"), vec![FibPath::drop()])
        .is_ok());
    assert_eq!(fib.table_list()[2].name, "ipv6-VRF:7");
}

#[test]
fn api_routes_sit_on_top_of_default_and_interface_entries() {
    let mut fib = Fib::new();
    let default = net("0.0.0.0/0");
    let via = FibPath::via(Some(ip("192.0.2.1")), Some(1));
    fib.route_add(0, default, vec![via.clone()]).unwrap();
    assert_eq!(
        fib.lookup_exact(0, default).unwrap().unwrap().paths,
        std::slice::from_ref(&via)
    );
    fib.route_del(0, default).unwrap();
    let r = fib.lookup_exact(0, default).unwrap().unwrap();
    assert_eq!((r.source, r.paths), (Source::DefaultRoute, &[DROP][..]));

    fib.add_interface_address(0, 1, net("192.0.2.10/24"))
        .unwrap();
    fib.route_add(0, net("192.0.2.0/24"), vec![via]).unwrap();
    let r = fib.lookup_exact(0, net("192.0.2.0/24")).unwrap().unwrap();
    assert_eq!(
        r.source,
        Source::Interface,
        "the connected prefix wins over the API"
    );
    fib.del_interface_address(0, 1, net("192.0.2.10/24"))
        .unwrap();
    let r = fib.lookup_exact(0, net("192.0.2.0/24")).unwrap().unwrap();
    assert_eq!(
        r.source,
        Source::Api,
        "the API's route shows once the interface's goes"
    );
}

#[test]
fn interface_address_entries_v4_v6() {
    let mut fib = Fib::new();
    let before4 = fib.route_count(Af::Ip4, 0).unwrap();
    fib.add_interface_address(0, 3, net("10.1.1.1/24")).unwrap();
    let got: BTreeSet<_> = dump_set(&fib, Af::Ip4, 0)
        .into_iter()
        .filter(|(p, _)| net("10.1.1.0/24").contains(p))
        .collect();
    let want: BTreeSet<(IpNet, Vec<PathKey>)> = [
        (net("10.1.1.0/24"), vec![(0, Some(3), None, 1, 0)]),
        (
            net("10.1.1.1/32"),
            vec![(1, Some(3), Some(ip("10.1.1.1")), 1, 0)],
        ),
        (net("10.1.1.0/32"), vec![(2, None, None, 1, 0)]),
        (net("10.1.1.255/32"), vec![(2, None, None, 1, 0)]),
    ]
    .into_iter()
    .collect();
    assert_eq!(got, want);

    // A second address in the prefix shares its entries; the prefix stays until the last.
    fib.add_interface_address(0, 3, net("10.1.1.2/24")).unwrap();
    assert_eq!(fib.route_count(Af::Ip4, 0).unwrap(), before4 + 5);
    fib.del_interface_address(0, 3, net("10.1.1.1/24")).unwrap();
    assert_eq!(fib.route_count(Af::Ip4, 0).unwrap(), before4 + 4);
    assert!(fib.lookup_exact(0, net("10.1.1.0/24")).unwrap().is_some());
    fib.del_interface_address(0, 3, net("10.1.1.2/24")).unwrap();
    assert_eq!(fib.route_count(Af::Ip4, 0).unwrap(), before4);

    // /31: the other address is attached; /32: only the local entry.
    fib.add_interface_address(0, 3, net("10.2.0.0/31")).unwrap();
    assert_eq!(
        fib.lookup_exact(0, net("10.2.0.1/32"))
            .unwrap()
            .unwrap()
            .paths,
        [FibPath::via(Some(ip("10.2.0.1")), Some(3))]
    );
    assert_eq!(fib.route_count(Af::Ip4, 0).unwrap(), before4 + 2);
    fib.add_interface_address(0, 3, net("10.3.0.1/32")).unwrap();
    assert_eq!(fib.route_count(Af::Ip4, 0).unwrap(), before4 + 3);

    // IPv6 /64: connected and local, no drops.
    let before6 = fib.route_count(Af::Ip6, 0).unwrap();
    fib.add_interface_address(0, 3, net("2001:db8:1::1/64"))
        .unwrap();
    assert_eq!(fib.route_count(Af::Ip6, 0).unwrap(), before6 + 2);
    let local = fib
        .lookup_exact(0, net("2001:db8:1::1/128"))
        .unwrap()
        .unwrap();
    assert_eq!(local.paths[0].path_type, PathType::Local);
    assert_eq!(local.paths[0].next_hop, Some(ip("2001:db8:1::1")));
    fib.add_interface_address(0, 3, net("2001:db8:2::1/128"))
        .unwrap();
    assert_eq!(fib.route_count(Af::Ip6, 0).unwrap(), before6 + 3);
    assert!(fib.add_interface_address(9, 3, net("10.9.0.1/24")).is_err());
}

#[test]
fn purge_interface_drops_its_routes() {
    let mut fib = session_fib();
    let before = fib.route_count(Af::Ip4, 0).unwrap();
    // loop0 (4): 10.10.10.0/24, .1/32, 10.20.0.0/16 go; the .0 and .255 drops have no
    // interface (VPP removes them with the address, which the interface model does).
    let both = vec![
        FibPath::via(Some(ip("10.10.10.2")), Some(4)),
        FibPath::via(Some(ip("198.18.1.2")), Some(2)),
    ];
    fib.route_add(0, net("10.21.0.0/16"), both).unwrap();
    let removed = fib.purge_interface(4);
    assert_eq!(removed, 3 + 3);
    assert_eq!(fib.route_count(Af::Ip4, 0).unwrap(), before + 1 - 3);
    let r = fib.lookup_exact(0, net("10.21.0.0/16")).unwrap().unwrap();
    assert_eq!(r.paths.len(), 1, "the other path stays");
    assert!(fib
        .lookup_exact(0, net("2001:db8:99::/48"))
        .unwrap()
        .is_none());
}

#[test]
fn longest_prefix_match_v4_v6() {
    let mut fib = session_fib();
    let lpm = |fib: &Fib, a: &str| fib.lookup(0, ip(a)).unwrap().unwrap().prefix;
    assert_eq!(lpm(&fib, "10.20.3.4"), net("10.20.0.0/16"));
    assert_eq!(lpm(&fib, "10.10.10.1"), net("10.10.10.1/32"));
    assert_eq!(lpm(&fib, "10.10.10.7"), net("10.10.10.0/24"));
    assert_eq!(lpm(&fib, "8.8.8.8"), net("0.0.0.0/0"));
    assert_eq!(lpm(&fib, "239.1.1.1"), net("224.0.0.0/4"));
    assert_eq!(lpm(&fib, "255.255.255.255"), net("255.255.255.255/32"));
    fib.route_add(0, net("10.20.128.0/17"), vec![FibPath::drop()])
        .unwrap();
    assert_eq!(lpm(&fib, "10.20.200.1"), net("10.20.128.0/17"));
    assert_eq!(lpm(&fib, "10.20.1.1"), net("10.20.0.0/16"));
    assert_eq!(lpm(&fib, "2001:db8:99:1::5"), net("2001:db8:99::/48"));
    assert_eq!(lpm(&fib, "2001:db8:1::1"), net("2001:db8:1::1/128"));
    assert_eq!(lpm(&fib, "2001:db8:1::9"), net("2001:db8:1::/64"));
    assert_eq!(lpm(&fib, "fe80::1"), net("fe80::/10"));
    assert_eq!(lpm(&fib, "2001:db9::1"), net("::/0"));
    let r = fib.lookup(0, ip("2001:db8:99::1")).unwrap().unwrap();
    assert_eq!(r.paths.len(), 2);
}

#[test]
fn exact_lookup_ignores_host_bits_and_needs_the_length() {
    let fib = session_fib();
    assert!(fib.lookup_exact(0, net("10.20.9.9/16")).unwrap().is_some());
    assert!(fib.lookup_exact(0, net("10.20.0.0/17")).unwrap().is_none());
    assert!(fib.lookup_exact(0, net("10.20.0.0/15")).unwrap().is_none());
}

#[test]
fn stats_indexes_are_unique_and_reused() {
    let mut fib = Fib::new();
    let a = fib
        .route_add(0, net("10.0.0.0/8"), vec![FibPath::drop()])
        .unwrap();
    let b = fib
        .route_add(0, net("11.0.0.0/8"), vec![FibPath::drop()])
        .unwrap();
    assert_eq!((a, b), (8, 9), "after the seven default entries");
    fib.route_del(0, net("10.0.0.0/8")).unwrap();
    let c = fib
        .route_add(0, net("12.0.0.0/8"), vec![FibPath::drop()])
        .unwrap();
    assert_eq!(c, a);
    fib.add_table(Af::Ip4, 3, "");
    let all: Vec<u32> = [0, 3]
        .into_iter()
        .flat_map(|t| {
            fib.dump(Af::Ip4, t)
                .unwrap()
                .map(|r| r.stats_index)
                .collect::<Vec<_>>()
        })
        .chain(fib.dump(Af::Ip6, 0).unwrap().map(|r| r.stats_index))
        .collect();
    let unique: BTreeSet<_> = all.iter().collect();
    assert_eq!(unique.len(), all.len());
}

#[test]
fn deleting_tables() {
    let mut fib = Fib::new();
    fib.add_table(Af::Ip4, 5, "blue");
    fib.route_add(5, net("10.0.0.0/8"), vec![FibPath::drop()])
        .unwrap();
    fib.del_table(Af::Ip4, 5);
    assert!(fib
        .route_add(5, net("10.0.0.0/8"), vec![FibPath::drop()])
        .is_err());
    fib.del_table(Af::Ip4, 5);
    // Table 0 stays, without the API's routes, with its own entries.
    fib.add_interface_address(0, 1, net("192.0.2.1/24"))
        .unwrap();
    let before = fib.route_count(Af::Ip4, 0).unwrap();
    fib.route_add(0, net("10.0.0.0/8"), vec![FibPath::drop()])
        .unwrap();
    fib.del_table(Af::Ip4, 0);
    assert!(fib.has_table(Af::Ip4, 0));
    assert_eq!(fib.route_count(Af::Ip4, 0).unwrap(), before);
    // Re-created tables get their default entries again.
    fib.add_table(Af::Ip4, 5, "");
    assert_eq!(fib.route_count(Af::Ip4, 5).unwrap(), 5);
    assert_eq!(fib.table_list()[1].name, "ipv4-VRF:5");
}

#[test]
fn path_type_wire_values() {
    for v in 0..12 {
        assert_eq!(PathType::from_wire(v).to_wire(), v);
    }
    assert_eq!(PathType::from_wire(2), PathType::Drop);
    assert_eq!(PathType::from_wire(9), PathType::Other(9));
}

fn scale(n: u32) {
    let mut fib = Fib::new();
    let path = vec![FibPath::via(Some(ip("192.0.2.1")), Some(1))];
    for i in 0..n {
        let prefix = IpNet::new(IpAddr::V4(Ipv4Addr::from(0x0a00_0000 + (i << 4))), 28).unwrap();
        fib.route_add(0, prefix, path.clone()).unwrap();
    }
    assert_eq!(fib.route_count(Af::Ip4, 0).unwrap(), n as usize + 5);
    let probe = Ipv4Addr::from(0x0a00_0000 + ((n / 2) << 4) + 3);
    assert_eq!(
        fib.lookup(0, IpAddr::V4(probe))
            .unwrap()
            .unwrap()
            .prefix
            .prefix_len(),
        28
    );
    for i in 0..n {
        let prefix = IpNet::new(IpAddr::V4(Ipv4Addr::from(0x0a00_0000 + (i << 4))), 28).unwrap();
        fib.route_del(0, prefix).unwrap();
    }
    assert_eq!(fib.route_count(Af::Ip4, 0).unwrap(), 5);
}

#[test]
fn many_routes_add_and_delete() {
    scale(100_000);
}

#[test]
#[ignore = "a million routes: slow in debug builds"]
fn million_routes_add_and_delete() {
    scale(1_000_000);
}

/// The state of session3.jsonl's VPP when it dumped table 0 with `ip_route_dump`, built in
/// the order VPP built it: pg0 (1) 198.18.0.1/24, pg1 (2) 198.18.1.1/24, the neighbour
/// 198.18.1.2, a route behind it, then three routes through the API.
fn session3_fib() -> Fib {
    let mut fib = Fib::new();
    fib.add_interface_address(0, 1, net("198.18.0.1/24"))
        .unwrap();
    fib.add_interface_address(0, 2, net("198.18.1.1/24"))
        .unwrap();
    fib.add_neighbour(0, 2, ip("198.18.1.2")).unwrap();
    let via = |a: &str| FibPath::via(Some(ip(a)), Some(2));
    fib.route_add(0, net("198.19.0.0/16"), vec![via("198.18.1.2")])
        .unwrap();
    fib.route_add(0, net("60.0.0.0/24"), vec![via("198.18.1.2")])
        .unwrap();
    let mut weighted = via("198.18.1.3");
    weighted.weight = 3;
    fib.route_add(0, net("60.0.2.0/24"), vec![via("198.18.1.2"), weighted])
        .unwrap();
    fib.route_add(0, net("60.0.1.0/24"), vec![via("198.18.1.2")])
        .unwrap();
    fib
}

/// Every `ip_route_details` of session3's `route_v1_dump`, decoded from the wire bytes (not
/// vpp_papi's text, which masks the prefix): prefix as sent, stats index, paths.
fn session3_v1_dump() -> BTreeSet<(IpNet, u32, Vec<PathKey>)> {
    use crate::wire::VppEnum;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/api/session3.jsonl"
    );
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|f| {
            f["step"] == "route_v1_dump"
                && f["msg"].as_str().unwrap().starts_with("ip_route_details")
        })
        .map(|f| {
            let bytes = crate::wire::from_hex(f["hex"].as_str().unwrap()).unwrap();
            let d: crate::binapi::ip::IpRouteDetails = crate::wire::decode_message(&bytes).unwrap();
            let paths = d
                .route
                .paths
                .iter()
                .map(|p| {
                    let nh = p.nh.address.ip4().ok().map(IpAddr::V4);
                    (
                        p.r#type.to_raw(),
                        (p.sw_if_index != u32::MAX).then_some(p.sw_if_index),
                        nh.filter(|a| !a.is_unspecified()),
                        p.weight,
                        p.preference,
                    )
                })
                .collect();
            (d.route.prefix, d.route.stats_index, paths)
        })
        .collect()
}

#[test]
fn golden_session3_dump_prefixes_as_sent_and_stats_indexes() {
    let golden = session3_v1_dump();
    assert_eq!(golden.len(), 18);
    // VPP sends a connected prefix with the interface's address in it.
    assert!(golden
        .iter()
        .any(|(p, _, _)| p.to_string() == "198.18.0.1/24"));
    let fib = session3_fib();
    let ours: BTreeSet<_> = fib
        .dump(Af::Ip4, 0)
        .unwrap()
        .map(|r| {
            (
                r.given,
                r.stats_index,
                r.paths.iter().map(path_key).collect(),
            )
        })
        .collect();
    assert_eq!(ours, golden);
}
