//! One command script against the simulator, compared with what a real VPP answered in the
//! same state: the FIB of `golden/api/session3.jsonl` (pg0 198.18.0.1/24, pg1
//! 198.18.1.1/24, the neighbour 198.18.1.2, 198.19.0.0/16 via it from the CLI, three routes
//! of the `vppx` and API sources), and the golden stats segment's paths and types.
//!
//! The real VPP's side is its captured frames decoded by the code `vppx route list` runs on
//! what arrives from a socket (`ops::routes::list::Listing`), so a difference is either the
//! simulator answering otherwise or vppx reading the real frames otherwise.

use std::collections::BTreeSet;

use serde_json::{json, Value};
use vppx::binapi::fib::FibSourceDetails;
use vppx::binapi::interface::SwInterfaceDetails;
use vppx::binapi::ip::IpRouteV2Details;
use vppx::ops::names::InterfaceNames;
use vppx::ops::routes::list::{ListQuery, Listing, OwnEntries};
use vppx::wire::{decode_message, from_hex, Message};

use super::common;
use super::harness::Sim;

/// The frames of session3 that one step received, decoded as `M`.
fn received<M: Message>(frames: &[Value], step: &str) -> Vec<M> {
    frames
        .iter()
        .filter(|f| f["step"] == step && f["dir"] == "from_vpp")
        .filter(|f| {
            let msg = f["msg"].as_str().unwrap_or("");
            msg.rsplit_once('_').map(|(name, _)| name) == Some(M::NAME)
        })
        .map(|f| {
            let bytes = from_hex(f["hex"].as_str().unwrap()).unwrap();
            decode_message(&bytes).unwrap_or_else(|e| panic!("{step}: {e}"))
        })
        .collect()
}

fn session3() -> Vec<Value> {
    String::from_utf8(common::golden("api/session3.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// What `vppx --json route list` prints for the real VPP's unfiltered `ip_route_v2_dump` of
/// table 0, with the interface and source names that VPP gave in the same session.
fn golden_listing(query: &ListQuery) -> Value {
    let frames = session3();
    let names = InterfaceNames::from_pairs(
        received::<SwInterfaceDetails>(&frames, "connect")
            .into_iter()
            .map(|d| (d.sw_if_index, d.interface_name)),
    );
    let sources = received::<FibSourceDetails>(&frames, "fib_source_dump_after")
        .into_iter()
        .map(|d| (d.src.id, d.src.name))
        .collect();
    let mut listing = Listing::new(names, sources);
    let mut own = OwnEntries::default();
    let details = received::<IpRouteV2Details>(&frames, "route_v2_dump_all_sources");
    assert_eq!(details.len(), 18, "the capture's table 0");
    for d in details {
        listing.push(&mut own, query, d.route);
    }
    listing.sort();
    serde_json::to_value(listing.routes(None).collect::<Vec<_>>()).unwrap()
}

/// A path through pg1 (sw_if_index 2) to `nh`, as the binary API's JSON takes it.
fn via(nh: &str, weight: u8) -> Value {
    json!({"sw_if_index": 2, "proto": 0, "weight": weight, "nh": {"address": {"ip4": nh}}})
}

/// `ip_route_add_del_v2` adding `prefix` with `paths` for FIB source `src`.
fn add_v2(prefix: &str, src: u8, paths: Vec<Value>) -> String {
    json!({
        "is_add": true,
        "is_multipath": false,
        "route": {"table_id": 0, "prefix": prefix, "src": src, "paths": paths},
    })
    .to_string()
}

/// The state of session3's VPP when it dumped table 0, made with vppx the way it was made
/// on the real one: interfaces and addresses, the neighbour (the `adjacency` source, 15),
/// a route from VPP's CLI (source 9), the `vppx` source registered twice (23 and 24), two
/// routes of source 23 and one of the API.
fn session3_state(sim: &Sim) {
    let add_v2 = |p: &str, src: u8, paths: Vec<Value>| {
        sim.vppx(&["api", "call", "ip_route_add_del_v2", &add_v2(p, src, paths)])
            .ok();
    };
    for args in [
        &["iface", "up", "pg0"][..],
        &["iface", "configure", "pg0", "198.18.0.1/24"],
        &["iface", "up", "pg1"],
        &["iface", "configure", "pg1", "198.18.1.1/24"],
    ] {
        sim.vppx(args).ok();
    }
    add_v2("198.18.1.2/32", 15, vec![via("198.18.1.2", 1)]);
    add_v2("198.19.0.0/16", 9, vec![via("198.18.1.2", 1)]);
    for id in [23, 24] {
        let run = sim
            .vppx(&[
                "api",
                "call",
                "fib_source_add",
                r#"{"src": {"priority": 100, "name": "vppx"}}"#,
            ])
            .ok();
        assert_eq!(run.json()["id"], id, "{}", run.stdout);
    }
    add_v2("60.0.0.0/24", 23, vec![via("198.18.1.2", 1)]);
    add_v2(
        "60.0.2.0/24",
        23,
        vec![via("198.18.1.2", 1), via("198.18.1.3", 3)],
    );
    sim.vppx(&[
        "route",
        "add",
        "60.0.1.0/24",
        "via",
        "198.18.1.2",
        "dev",
        "pg1",
    ])
    .ok();
}

/// Every difference between two JSON values, counters and MACs aside, as `path: ours ≠
/// theirs` lines.
fn differences(path: &str, ours: &Value, theirs: &Value, out: &mut Vec<String>) {
    match (ours, theirs) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for k in keys {
                if k == "counters" || k.contains("mac") {
                    continue;
                }
                let (x, y) = (
                    a.get(k).unwrap_or(&Value::Null),
                    b.get(k).unwrap_or(&Value::Null),
                );
                differences(&format!("{path}.{k}"), x, y, out);
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                out.push(format!("{path}: {} items ≠ {}", a.len(), b.len()));
            }
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                differences(&format!("{path}[{i}]"), x, y, out);
            }
        }
        (x, y) if x != y => out.push(format!("{path}: {x} ≠ {y}")),
        _ => {}
    }
}

#[test]
fn route_list_and_segment_match_what_a_real_vpp_answered_in_the_same_state() {
    let sim = Sim::start_with(&["--interfaces", "pg0,pg1,pg-1"]);
    session3_state(&sim);
    sim.vppx(&["cli", "create loopback interface"]).ok();

    // The routes: table 0's IPv4 entries.
    let query = ListQuery {
        table: Some(0),
        prefix: Some("0.0.0.0/0".parse().unwrap()),
    };
    let theirs = golden_listing(&query);
    let stats = sim.dir.path().join("stats.sock");
    let ours = sim
        .vppx(&[
            "--stats-socket",
            stats.to_str().unwrap(),
            "--json",
            "route",
            "list",
            "--table",
            "0",
            "--prefix",
            "0.0.0.0/0",
            "--counters",
        ])
        .ok()
        .json();
    let mut diff = Vec::new();
    differences("routes", &ours, &theirs, &mut diff);
    assert!(
        diff.is_empty(),
        "{} differences:\n{}",
        diff.len(),
        diff.join("\n")
    );
    // Not an empty comparison: the real VPP's connected route, sent as 198.18.0.1/24,
    // reads as its network, named as VPP's own, from the interface source.
    let connected = theirs
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["prefix"] == "198.18.0.0/24")
        .expect("the connected route of pg0");
    assert_eq!(connected["vpp_entry"], "connected");
    assert_eq!(connected["source"], "interface");
    assert_eq!(connected["stats_index"], 9);

    // The segment: every path with its type.
    let golden: Value = serde_json::from_slice(&common::golden("stats/expected.json.gz")).unwrap();
    let want: BTreeSet<(String, String)> = golden["counters"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(p, v)| (p.clone(), v["type"].as_str().unwrap().to_owned()))
        .collect();
    let mut client = vppx::stats::StatsClient::connect(sim.dir.path().join("stats.sock")).unwrap();
    let have: BTreeSet<(String, String)> = client
        .directory()
        .unwrap()
        .iter()
        .map(|e| (e.name().to_owned(), e.stat_type().as_str().to_owned()))
        .collect();
    let missing: Vec<_> = want.difference(&have).collect();
    let extra: Vec<_> = have.difference(&want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{} paths missing: {:?}\n{} paths extra: {:?}",
        missing.len(),
        &missing[..missing.len().min(20)],
        extra.len(),
        &extra[..extra.len().min(20)]
    );
}

/// A connected route as a real VPP's details carry it (`198.18.0.1/24`) prints as its
/// network, and either form given back to vppx names that route: `route show` shows it and
/// `route del` refuses it as VPP's own (exit 1), not as a prefix with host bits (exit 2).
#[test]
fn a_real_vpps_connected_route_prints_as_the_network_and_is_taken_back() {
    let frames = session3();
    let sent: Vec<String> = received::<IpRouteV2Details>(&frames, "route_v2_dump_all_sources")
        .iter()
        .map(|d| d.route.prefix.to_string())
        .collect();
    assert!(sent.iter().any(|p| p == "198.18.0.1/24"), "{sent:?}");
    let listed = golden_listing(&ListQuery::default());
    let prefixes: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["prefix"].as_str().unwrap())
        .collect();
    assert!(prefixes.contains(&"198.18.0.0/24"), "{prefixes:?}");
    assert!(!prefixes.contains(&"198.18.0.1/24"), "{prefixes:?}");

    let sim = Sim::start_with(&["--interfaces", "pg0,pg1,pg-1"]);
    session3_state(&sim);
    for given in ["198.18.0.1/24", "198.18.0.0/24"] {
        let shown = sim.vppx(&["--json", "route", "show", given]).ok().json();
        assert_eq!(shown["prefix"], "198.18.0.0/24", "{given}");
        let del = sim.vppx(&["route", "del", given]).code(1);
        assert!(
            del.stderr.contains("VPP's own connected"),
            "{given}: {}",
            del.stderr
        );
    }
}
