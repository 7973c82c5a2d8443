//! `vppx stats ...` and `vppx bench stats` against `vppx sim`.

use serde_json::Value;

use crate::harness::{Run, Sim};

/// `vppx --stats-socket <sim's> args...`
fn stats(sim: &Sim, args: &[&str]) -> Run {
    let socket = sim.dir.path().join("stats.sock");
    let socket = socket.to_str().expect("utf-8 temp path");
    let mut all = vec!["--stats-socket", socket];
    all.extend_from_slice(args);
    sim.vppx(&all)
}

/// pg0 and pg1 up, pg1 addressed: traffic into pg0 leaves by pg1.
fn routed_sim() -> Sim {
    let sim = Sim::start();
    for line in [
        "set interface state pg0 up",
        "set interface state pg1 up",
        "set interface ip address pg1 198.18.1.1/24",
    ] {
        sim.vppx(&["cli", line]).ok();
    }
    sim
}

fn ndjson(run: &Run) -> Vec<Value> {
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn by_name<'a>(rows: &'a Value, name: &str) -> &'a Value {
    rows.as_array()
        .expect("an array")
        .iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("{name} missing from {rows}"))
}

#[test]
fn stats_interfaces_table_and_json() {
    let sim = routed_sim();
    sim.vppx(&["cli", "sim traffic pg0 2000pps 100B"]).ok();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let text = stats(&sim, &["stats"]).ok().stdout;
    for want in [
        "interface",
        "rx packets",
        "tx bytes",
        "local0",
        "pg0",
        "pg1",
    ] {
        assert!(text.contains(want), "{want} missing:\n{text}");
    }
    let json = stats(&sim, &["--json", "stats"]).ok().json();
    let pg0 = by_name(&json, "pg0");
    assert_eq!(pg0["sw_if_index"], 1);
    let rx = pg0["rx_packets"].as_u64().unwrap();
    assert!(rx > 0, "{pg0}");
    assert_eq!(pg0["rx_bytes"].as_u64(), Some(rx * 100));
    for key in ["tx_packets", "tx_bytes", "drops", "rx_errors", "tx_errors"] {
        assert!(pg0[key].is_u64(), "{key} in {pg0}");
    }
    assert!(by_name(&json, "pg1")["tx_packets"].as_u64() > Some(0));
    // `interfaces` is the default view.
    let named = stats(&sim, &["--json", "stats", "interfaces"]).ok().json();
    assert_eq!(by_name(&named, "pg0")["name"], "pg0");
}

#[test]
fn stats_nodes_errors_system_buffers_memory() {
    let sim = routed_sim();
    sim.vppx(&["cli", "sim traffic pg0 1000pps 64B dst 203.0.113.0/24"])
        .ok();
    std::thread::sleep(std::time::Duration::from_millis(300));

    let nodes = stats(&sim, &["--json", "stats", "nodes"]).ok().json();
    let lookup = by_name(&nodes, "ip4-lookup");
    assert!(lookup["vectors"].as_u64() > Some(0), "{lookup}");
    assert!(lookup["vectors_per_call"].as_f64() > Some(0.0));
    assert!(lookup["clocks_per_vector"].as_f64() > Some(0.0));
    // Only nodes that ran.
    assert!(nodes
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n["calls"].as_u64() > Some(0)
            || n["vectors"].as_u64() > Some(0)
            || n["suspends"].as_u64() > Some(0)
            || n["clocks"].as_u64() > Some(0)));
    let text = stats(&sim, &["stats", "nodes"]).ok().stdout;
    assert!(
        text.contains("vectors/call") && text.contains("ip4-lookup"),
        "{text}"
    );

    let errors = stats(&sim, &["--json", "stats", "errors"]).ok().json();
    let errors = errors.as_array().unwrap();
    assert!(!errors.is_empty());
    assert!(
        errors.iter().all(|e| e["count"].as_u64() > Some(0)),
        "{errors:?}"
    );
    assert!(errors
        .iter()
        .any(|e| e["node"] == "ip4-input" && e["reason"] == "dst_lookup_miss"));
    let text = stats(&sim, &["stats", "errors"]).ok().stdout;
    assert!(text.contains("dst_lookup_miss"), "{text}");

    let system = stats(&sim, &["--json", "stats", "system"]).ok().json();
    assert_eq!(system["/sys/num_worker_threads"], 2);
    assert!(system["/sys/boottime"].as_u64() > Some(1_700_000_000));
    assert!(system["/sys/input_rate"].is_u64());
    assert!(stats(&sim, &["stats", "system"])
        .ok()
        .stdout
        .contains("/sys/heartbeat"));

    let pools = stats(&sim, &["--json", "stats", "buffers"]).ok().json();
    let pool = by_name(&pools, "default-numa-0");
    let sum = pool["available"].as_u64().unwrap() + pool["used"].as_u64().unwrap();
    assert_eq!(sum, 16383, "{pool}");
    assert!(stats(&sim, &["stats", "buffers"])
        .ok()
        .stdout
        .contains("default-numa-0"));

    let heaps = stats(&sim, &["--json", "stats", "memory"]).ok().json();
    let main = by_name(&heaps, "main heap");
    assert_eq!(main["total"], 1u64 << 30);
    assert_eq!(
        main["used"].as_u64().unwrap() + main["free"].as_u64().unwrap(),
        1u64 << 30
    );
    by_name(&heaps, "stat segment");
    assert!(stats(&sim, &["stats", "memory"])
        .ok()
        .stdout
        .contains("main heap"));
}

#[test]
fn stats_dump_with_and_without_patterns() {
    let sim = Sim::start();
    let all = stats(&sim, &["stats", "dump"]).ok().stdout;
    let paths: Vec<&str> = all.lines().filter_map(|l| l.split(' ').next()).collect();
    for want in [
        "/sys/heartbeat",
        "/if/names",
        "/sys/node/names",
        "/node/errors",
    ] {
        assert!(paths.contains(&want), "{want} missing");
    }
    assert!(paths.len() > 400, "{} paths", paths.len());
    let some = stats(
        &sim,
        &["--json", "stats", "dump", "^/if/", "^/sys/heartbeat$"],
    )
    .ok()
    .json();
    let some = some.as_object().unwrap();
    assert!(some.contains_key("/sys/heartbeat") && some.contains_key("/if/rx"));
    assert!(some
        .keys()
        .all(|k| k.starts_with("/if/") || k == "/sys/heartbeat"));
    assert_eq!(
        some["/if/names"],
        serde_json::json!(["local0", "pg0", "pg1"])
    );
    // Three threads of counters per interface.
    assert_eq!(some["/if/rx"].as_array().unwrap().len(), 3);
}

#[test]
fn stats_bad_pattern_exits_2_and_no_socket_exits_3() {
    let sim = Sim::start();
    let run = stats(&sim, &["stats", "dump", "(unclosed"]).code(2);
    assert!(!run.stderr.is_empty());
    let run = sim
        .vppx(&["--stats-socket", "/nonexistent/stats.sock", "stats"])
        .code(3);
    assert!(run.stderr.contains("stats"), "{}", run.stderr);
}

#[test]
fn stats_interval_prints_one_ndjson_line_per_interval() {
    let sim = Sim::start();
    let run = stats(
        &sim,
        &["--json", "stats", "--interval", "200ms", "--count", "3"],
    )
    .ok();
    let lines = ndjson(&run);
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    for l in &lines {
        assert!(l["timestamp"].is_string());
        let secs = l["interval_seconds"].as_f64().unwrap();
        assert!((0.15..0.5).contains(&secs), "{secs}");
        let pg0 = by_name(&l["interfaces"], "pg0");
        for key in ["rx_pps", "tx_pps", "rx_bps", "tx_bps", "drops_pps"] {
            assert!(pg0[key].is_f64(), "{key} in {pg0}");
        }
    }
    let nodes = stats(
        &sim,
        &[
            "--json",
            "stats",
            "nodes",
            "--interval",
            "200ms",
            "--count",
            "1",
        ],
    )
    .ok();
    let nodes = ndjson(&nodes);
    assert!(nodes[0]["nodes"].is_array());
}

#[test]
fn stats_rate_follows_the_simulated_traffic() {
    let sim = routed_sim();
    sim.vppx(&["cli", "sim traffic pg0 1000pps 64B"]).ok();
    let run = stats(
        &sim,
        &["--json", "stats", "--interval", "1s", "--count", "2"],
    )
    .ok();
    let lines = ndjson(&run);
    assert_eq!(lines.len(), 2);
    for l in &lines {
        let pg0 = by_name(&l["interfaces"], "pg0");
        let pps = pg0["rx_pps"].as_f64().unwrap();
        assert!((900.0..=1100.0).contains(&pps), "rx_pps {pps}");
        let bps = pg0["rx_bps"].as_f64().unwrap();
        let want = 1000.0 * 64.0 * 8.0;
        assert!((bps - want).abs() <= want * 0.1, "rx_bps {bps}");
        let tx = by_name(&l["interfaces"], "pg1")["tx_pps"].as_f64().unwrap();
        assert!((900.0..=1100.0).contains(&tx), "pg1 tx_pps {tx}");
    }
    // Stopped: the rate falls to zero.
    sim.vppx(&["cli", "sim traffic pg0 off"]).ok();
    let run = stats(
        &sim,
        &["--json", "stats", "--interval", "300ms", "--count", "2"],
    )
    .ok();
    let last = ndjson(&run).pop().unwrap();
    assert_eq!(by_name(&last["interfaces"], "pg0")["rx_pps"], 0.0);
}

#[test]
fn sim_traffic_at_start_up_and_bad_specs() {
    let sim = Sim::start_with(&["--interfaces", "pg0,pg1", "--traffic", "pg0=500pps,64B"]);
    sim.vppx(&["cli", "set interface state pg0 up"]).ok();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let json = stats(&sim, &["--json", "stats"]).ok().json();
    assert!(by_name(&json, "pg0")["rx_packets"].as_u64() > Some(0));
    sim.vppx(&["cli", "sim traffic nosuch0 10pps 64B"]).code(1);
    sim.vppx(&["cli", "sim traffic pg0 fast"]).code(1);
}

#[test]
fn bench_stats_runs_against_the_simulator() {
    let sim = Sim::start();
    let b = stats(&sim, &["--json", "bench", "stats", "--count", "20"])
        .ok()
        .json();
    assert_eq!(b["scrapes"], 20);
    assert!(b["counters"].as_u64() > Some(400), "{b}");
    assert!(b["mean_scrape_ms"].as_f64() > Some(0.0));
    assert!(b["counters_per_second"].as_f64() > Some(0.0));
    let text = stats(&sim, &["bench", "stats", "--count", "5"]).ok().stdout;
    assert!(text.contains("counters/s"), "{text}");
}
