//! Managed routes (FIB source `vppx`): `route load --replace` against the simulator.

use crate::harness::Sim;
use serde_json::Value;

fn write(sim: &Sim, name: &str, text: &str) -> String {
    let p = sim.dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

/// What the simulator counted of requests that change state.
pub fn mutating(sim: &Sim) -> u64 {
    let r = sim
        .vppx(&["--json", "cli", "sim", "api-counters"])
        .ok()
        .json();
    r["reply"]
        .as_str()
        .unwrap()
        .trim()
        .trim_start_matches("mutating requests: ")
        .parse()
        .unwrap()
}

fn listed(sim: &Sim) -> Vec<Value> {
    sim.vppx(&["--json", "route", "list"])
        .ok()
        .json()
        .as_array()
        .cloned()
        .unwrap()
}

fn find<'a>(routes: &'a [Value], prefix: &str) -> Option<&'a Value> {
    routes
        .iter()
        .find(|r| r["table"] == 0 && r["prefix"] == prefix)
}

#[test]
fn replace_removes_exactly_our_stale_routes() {
    let sim = Sim::start();
    sim.vppx(&["iface", "configure", "pg0", "10.10.10.1/24"])
        .ok();
    // Another tool's route (the API source) for a prefix we will manage too, and one
    // for a prefix we never name.
    sim.vppx(&[
        "route",
        "add",
        "10.2.0.0/24",
        "via",
        "10.10.10.9",
        "dev",
        "pg0",
    ])
    .ok();
    sim.vppx(&[
        "route",
        "add",
        "10.9.0.0/24",
        "via",
        "10.10.10.9",
        "dev",
        "pg0",
    ])
    .ok();
    let a = write(
        &sim,
        "a.csv",
        "10.1.0.0/24,10.10.10.2,pg0\n10.2.0.0/24,10.10.10.3,pg0\n10.3.0.0/24,drop\n",
    );
    let plan = sim
        .vppx(&["--json", "route", "load", "--replace", "--dry-run", &a])
        .ok()
        .json();
    assert_eq!(
        (
            plan["added"].as_u64(),
            plan["changes"].as_array().unwrap().len()
        ),
        (Some(3), 3)
    );
    let r = sim
        .vppx(&["--json", "route", "load", "--replace", &a])
        .ok()
        .json();
    assert_eq!(r["added"], 3);
    let routes = listed(&sim);
    assert_eq!(find(&routes, "10.2.0.0/24").unwrap()["source"], "vppx");
    assert_eq!(
        find(&routes, "10.10.10.0/24").unwrap()["source"],
        "interface"
    );
    assert_eq!(find(&routes, "10.9.0.0/24").unwrap()["source"], "API");

    // Unchanged: nothing is sent.
    let before = mutating(&sim);
    let r = sim
        .vppx(&["--json", "route", "load", "--replace", &a])
        .ok()
        .json();
    assert_eq!(
        (r["unchanged"].as_u64(), r["added"].as_u64()),
        (Some(3), Some(0))
    );
    assert_eq!(
        mutating(&sim),
        before,
        "an unchanged file sends no mutating message"
    );

    // 10.2 changes, 10.3 goes; the API's 10.2 and 10.9 and the interface entries stay.
    let b = write(
        &sim,
        "b.csv",
        "10.1.0.0/24,10.10.10.2,pg0\n10.2.0.0/24,10.10.10.4,pg0\n",
    );
    let r = sim
        .vppx(&["--json", "route", "load", "--replace", &b])
        .ok()
        .json();
    assert_eq!(
        (
            r["added"].as_u64(),
            r["changed"].as_u64(),
            r["removed"].as_u64(),
            r["unchanged"].as_u64()
        ),
        (Some(0), Some(1), Some(1), Some(1))
    );
    let routes = listed(&sim);
    assert!(find(&routes, "10.3.0.0/24").is_none());
    assert_eq!(
        find(&routes, "10.2.0.0/24").unwrap()["paths"][0]["next_hop"],
        "10.10.10.4"
    );
    assert_eq!(find(&routes, "10.9.0.0/24").unwrap()["source"], "API");
    assert_eq!(
        find(&routes, "10.10.10.1/32").unwrap()["source"],
        "interface"
    );
    assert_eq!(
        find(&routes, "0.0.0.0/0").unwrap()["source"],
        "default-route"
    );

    // An empty file for table 0 removes all of ours; the API's 10.2 comes back.
    let empty = write(&sim, "empty.csv", "");
    let r = sim
        .vppx(&[
            "--json",
            "route",
            "load",
            "--replace",
            "--table",
            "0",
            &empty,
        ])
        .ok()
        .json();
    assert_eq!(r["removed"], 2);
    let routes = listed(&sim);
    assert!(find(&routes, "10.1.0.0/24").is_none());
    let api = find(&routes, "10.2.0.0/24").unwrap();
    assert_eq!(
        (api["source"].as_str(), api["paths"][0]["next_hop"].as_str()),
        (Some("API"), Some("10.10.10.9"))
    );
}

#[test]
fn replace_reregisters_the_source_after_a_restart() {
    let sim = Sim::start();
    let a = write(&sim, "a.csv", "10.1.0.0/24,drop\n");
    sim.vppx(&["route", "load", "--replace", &a]).ok();
    let dir = sim.stop();
    std::fs::write(dir.path().join("a.csv"), "10.1.0.0/24,drop\n").unwrap();
    let sim = Sim::start_in(dir);
    let a = sim.dir.path().join("a.csv");
    let r = sim
        .vppx(&["--json", "route", "load", "--replace", a.to_str().unwrap()])
        .ok()
        .json();
    assert_eq!(
        (r["added"].as_u64(), r["source_id"].as_u64()),
        (Some(1), Some(23))
    );
}

#[test]
fn replace_refuses_a_table_outside_those_given() {
    let sim = Sim::start();
    sim.vppx(&["route", "table", "add", "5"]).ok();
    let a = write(&sim, "a.csv", "10.1.0.0/24,drop,,5\n");
    let before = mutating(&sim);
    let r = sim
        .vppx(&["route", "load", "--replace", "--table", "0", &a])
        .code(2);
    assert!(r.stderr.contains("table 5"), "{}", r.stderr);
    assert_eq!(mutating(&sim), before);
}
