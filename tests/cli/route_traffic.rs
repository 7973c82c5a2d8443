//! Traffic per route: `stats routes`, `route list --counters`, `route show`, and prefixes
//! printed as networks whatever VPP put in the host bits.

use serde_json::Value;

use super::harness::{Run, Sim};

/// `vppx --stats-socket <sim's> args...`
pub(crate) fn with_stats(sim: &Sim, args: &[&str]) -> Run {
    let socket = sim.dir.path().join("stats.sock");
    let mut all = vec!["--stats-socket", socket.to_str().unwrap()];
    all.extend_from_slice(args);
    sim.vppx(&all)
}

/// pg0 and pg1 up, pg1 198.18.1.1/24, 10.0.0.0/8 via 198.18.1.2 and 172.16.0.0/12 (idle)
/// via the same; then `traffic` into pg0.
pub(crate) fn routed(traffic: &str) -> Sim {
    let sim = Sim::start();
    for args in [
        &["iface", "up", "pg0"][..],
        &["iface", "up", "pg1"],
        &["iface", "configure", "pg1", "198.18.1.1/24"],
        &[
            "route",
            "add",
            "10.0.0.0/8",
            "via",
            "198.18.1.2",
            "dev",
            "pg1",
        ],
        &[
            "route",
            "add",
            "172.16.0.0/12",
            "via",
            "198.18.1.2",
            "dev",
            "pg1",
        ],
        &["cli", traffic],
    ] {
        sim.vppx(args).ok();
    }
    sim
}

fn ndjson(run: &Run) -> Vec<Value> {
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn stats_routes_shows_the_flow_on_the_route_that_carries_it() {
    let sim = routed("sim traffic pg0 1000pps 64B dst 10.1.2.0/24");
    let run = with_stats(
        &sim,
        &[
            "--json",
            "stats",
            "routes",
            "--interval",
            "1s",
            "--count",
            "2",
            "--top",
            "0",
        ],
    )
    .ok();
    let lines = ndjson(&run);
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    let last = &lines[1];
    let routes = last["routes"].as_array().unwrap();
    let busy = &routes[0];
    assert_eq!(busy["prefix"], "10.0.0.0/8", "busiest first: {last}");
    let pps = busy["pps"].as_f64().unwrap();
    // The rate comes from counted packets over measured time: a tick's worth either way.
    assert!((700.0..1300.0).contains(&pps), "{pps} pps");
    let bps = busy["bps"].as_f64().unwrap();
    assert!(
        (bps / pps - 512.0).abs() < 1.0,
        "64-byte packets: {bps} bps"
    );
    for r in &routes[1..] {
        assert_eq!(r["pps"].as_f64(), Some(0.0), "{r}");
    }
    assert!(routes.iter().any(|r| r["prefix"] == "172.16.0.0/12"));
    assert!(last["scan_seconds"].as_f64().is_some());
    // --top and --prefix narrow it.
    let run = with_stats(
        &sim,
        &[
            "--json",
            "stats",
            "routes",
            "--top",
            "1",
            "--prefix",
            "172.16.0.0/12",
        ],
    )
    .ok();
    let only = run.json();
    assert_eq!(only.as_array().unwrap().len(), 1, "{only}");
    assert_eq!(only[0]["packets"], 0);
    with_stats(&sim, &["stats", "routes", "--prefix", "banana"]).code(2);
}

#[test]
fn route_list_counters_and_route_show_agree_with_the_segment() {
    let sim = routed("sim traffic pg0 2000pps 100B dst 10.9.0.0/16");
    std::thread::sleep(std::time::Duration::from_millis(300));
    sim.vppx(&["cli", "sim traffic pg0 off"]).ok();
    // The ticker may be mid-tick: let one pass.
    std::thread::sleep(std::time::Duration::from_millis(100));
    let list = with_stats(&sim, &["--json", "route", "list", "--counters"])
        .ok()
        .json();
    let dump = with_stats(&sim, &["--json", "stats", "dump", "^/net/route/to$"])
        .ok()
        .json();
    let per_thread = dump["/net/route/to"].as_array().unwrap();
    let at = |i: usize, part: usize| -> u64 {
        per_thread
            .iter()
            .map(|t| t[i][part].as_u64().unwrap_or(0))
            .sum()
    };
    let mut carried = 0;
    for r in list.as_array().unwrap() {
        let i = r["stats_index"].as_u64().unwrap() as usize;
        assert_eq!(r["counters"]["packets"].as_u64(), Some(at(i, 0)), "{r}");
        assert_eq!(r["counters"]["bytes"].as_u64(), Some(at(i, 1)), "{r}");
        if r["prefix"] == "10.0.0.0/8" {
            carried = at(i, 0);
        }
    }
    assert!(carried > 100, "10.0.0.0/8 carried {carried}");
    let show = with_stats(&sim, &["--json", "route", "show", "10.0.0.0/8"])
        .ok()
        .json();
    assert_eq!(show["counters"]["packets"].as_u64(), Some(carried));
    assert_eq!(show["counters"]["bytes"].as_u64(), Some(carried * 100));
    let table = with_stats(&sim, &["route", "show", "10.0.0.0/8", "table", "0"]).ok();
    assert!(
        table.stdout.contains(&carried.to_string()),
        "{}",
        table.stdout
    );
    with_stats(&sim, &["route", "show", "10.99.0.0/16"]).code(1);
}

#[test]
fn connected_routes_print_as_networks_and_name_vpps_own_entries() {
    let sim = routed("sim traffic pg0 off");
    let list = sim.vppx(&["--json", "route", "list"]).ok().json();
    let kind = |p: &str| -> Value {
        list.as_array()
            .unwrap()
            .iter()
            .find(|r| r["prefix"] == p)
            .unwrap_or_else(|| panic!("{p} not listed: {list}"))["vpp_entry"]
            .clone()
    };
    // The simulator sends 198.18.1.1/24 as VPP does; vppx prints the network.
    assert_eq!(kind("198.18.1.0/24"), "connected");
    assert_eq!(kind("198.18.1.255/32"), "connected");
    assert_eq!(kind("198.18.1.1/32"), "local");
    assert_eq!(kind("0.0.0.0/0"), "default");
    assert_eq!(kind("fe80::/10"), "default");
    assert_eq!(kind("10.0.0.0/8"), Value::Null);
    // Either form names the connected route; it is VPP's, so it is not deleted.
    for p in ["198.18.1.0/24", "198.18.1.1/24"] {
        let shown = sim.vppx(&["--json", "route", "show", p]).ok().json();
        assert_eq!(shown["prefix"], "198.18.1.0/24");
        let filtered = sim
            .vppx(&["--json", "route", "list", "--prefix", p])
            .ok()
            .json();
        assert!(filtered
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["prefix"] == "198.18.1.0/24"));
        let del = sim.vppx(&["route", "del", p]).code(1);
        assert!(del.stderr.contains("VPP's own connected"), "{}", del.stderr);
    }
    // Host bits on anything else are still a mistake.
    sim.vppx(&["route", "del", "10.1.2.3/8"]).code(2);
    sim.vppx(&["route", "del", "198.18.1.7/24"]).code(2);
    let after = sim.vppx(&["--json", "route", "list"]).ok().json();
    assert!(after
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["prefix"] == "198.18.1.0/24"));
}
