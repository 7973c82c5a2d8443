//! `vppx route add|del|list|table` against the simulator.

use crate::harness::Sim;
use serde_json::{json, Value};

fn routes(sim: &Sim, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--json", "route", "list"];
    all.extend_from_slice(args);
    sim.vppx(&all).ok().json().as_array().cloned().unwrap()
}

fn find<'a>(routes: &'a [Value], table: u64, prefix: &str) -> Option<&'a Value> {
    routes
        .iter()
        .find(|r| r["table"] == table && r["prefix"] == prefix)
}

fn setup(sim: &Sim) {
    sim.vppx(&["iface", "configure", "pg0", "10.10.10.1/24"])
        .ok();
    sim.vppx(&["iface", "configure", "pg0", "2001:db8:1::1/64"])
        .ok();
}

#[test]
fn ipv4_route_is_added_listed_and_deleted() {
    let sim = Sim::start();
    setup(&sim);
    let added = sim
        .vppx(&[
            "--json",
            "route",
            "add",
            "10.20.0.0/16",
            "via",
            "10.10.10.2",
            "dev",
            "pg0",
        ])
        .ok()
        .json();
    assert_eq!(added["prefix"], "10.20.0.0/16");
    let all = routes(&sim, &[]);
    let r = find(&all, 0, "10.20.0.0/16").expect("route listed");
    assert_eq!(
        r["paths"],
        json!([{"type": "normal", "next_hop": "10.10.10.2", "interface": "pg0", "weight": 1, "preference": 0}])
    );
    // VPP's default entries are there too, and the list is sorted.
    assert!(find(&all, 0, "0.0.0.0/0").is_some());
    sim.vppx(&["route", "del", "10.20.0.0/16"]).ok();
    assert!(find(&routes(&sim, &[]), 0, "10.20.0.0/16").is_none());
}

#[test]
fn ipv6_multipath_route_keeps_every_path() {
    let sim = Sim::start();
    setup(&sim);
    sim.vppx(&[
        "route",
        "add",
        "2001:db8:99::/48",
        "via",
        "2001:db8:1::2",
        "dev",
        "pg0",
        "weight",
        "2",
        "via",
        "2001:db8:1::3",
        "dev",
        "pg0",
    ])
    .ok();
    let all = routes(&sim, &["--prefix", "2001:db8:99::/48"]);
    assert_eq!(all.len(), 1, "{all:?}");
    let hops: Vec<&Value> = all[0]["paths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["next_hop"])
        .collect();
    assert_eq!(hops.len(), 2);
    assert!(hops.contains(&&json!("2001:db8:1::2")) && hops.contains(&&json!("2001:db8:1::3")));
}

#[test]
fn routes_in_a_non_zero_table() {
    let sim = Sim::start();
    setup(&sim);
    // No such table yet: bad input, known before anything is sent.
    let r = sim
        .vppx(&["route", "add", "192.0.2.0/24", "drop", "table", "5"])
        .code(2);
    assert!(
        r.stderr.contains("table 5 (ipv4) does not exist") && r.stderr.contains("--create-tables"),
        "{}",
        r.stderr
    );
    sim.vppx(&[
        "route",
        "add",
        "192.0.2.0/24",
        "drop",
        "table",
        "5",
        "--create-tables",
    ])
    .ok();
    let t5 = routes(&sim, &["--table", "5"]);
    assert_eq!(
        find(&t5, 5, "192.0.2.0/24").unwrap()["paths"][0]["type"],
        "drop"
    );
    assert!(t5.iter().all(|r| r["table"] == 5));
    let tables = sim.vppx(&["--json", "route", "table", "list"]).ok().json();
    assert!(tables
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["table"] == 5 && t["family"] == "ipv4"));
    sim.vppx(&["route", "del", "192.0.2.0/24", "table", "5"])
        .ok();
    assert!(find(&routes(&sim, &["--table", "5"]), 5, "192.0.2.0/24").is_none());
}

#[test]
fn deleting_a_missing_route_exits_1() {
    let sim = Sim::start();
    let r = sim.vppx(&["route", "del", "10.99.0.0/16"]).code(1);
    assert!(r.stderr.contains("no such route"), "{}", r.stderr);
}

#[test]
fn bad_routes_exit_2_and_name_the_problem() {
    let sim = Sim::start();
    let r = sim
        .vppx(&["route", "add", "10.1.2.3/16", "via", "10.10.10.2"])
        .code(2);
    assert!(r.stderr.contains("10.1.0.0/16"), "{}", r.stderr);
    sim.vppx(&["route", "add", "10.1.0.0/16", "via", "2001:db8::1"])
        .code(2);
    sim.vppx(&["route", "add", "10.1.0.0/16", "via"]).code(2);
    sim.vppx(&["route", "list", "--prefix", "banana"]).code(2);
}

#[test]
fn unknown_interface_in_a_route_exits_1() {
    let sim = Sim::start();
    let r = sim
        .vppx(&[
            "route",
            "add",
            "10.1.0.0/16",
            "via",
            "10.10.10.2",
            "dev",
            "nosuch0",
        ])
        .code(1);
    assert!(r.stderr.contains("nosuch0"), "{}", r.stderr);
}

fn write(sim: &Sim, name: &str, text: &str) -> String {
    let path = sim.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn load(sim: &Sim, args: &[&str]) -> crate::harness::Run {
    let mut all = vec!["--json", "route", "load"];
    all.extend_from_slice(args);
    sim.vppx(&all)
}

const GOOD: &str = "\
prefix,next_hop,interface,table,weight,preference
# two single routes, one multipath group, one IPv6 route
10.20.0.0/16,10.10.10.2,pg0,,,
10.21.0.0/16,10.10.10.3,,,,

10.22.0.0/16,10.10.10.2,pg0,,1,
10.22.0.0/16,10.10.10.3,pg0,,3,
2001:db8:99::/48,2001:db8:1::2,pg0,,,
";

#[test]
fn load_programs_a_file_and_rerunning_it_is_harmless() {
    let sim = Sim::start();
    setup(&sim);
    let file = write(&sim, "routes.csv", GOOD);
    let s = load(&sim, &[&file]).ok().json();
    assert_eq!(s["requested"], 4);
    assert_eq!(s["lines"], 5);
    assert_eq!(s["programmed"], 4);
    assert_eq!(s["failed"], 0);
    assert!(s["routes_per_second"].as_f64().unwrap() > 0.0);
    let before = routes(&sim, &[]);
    let multipath = find(&before, 0, "10.22.0.0/16").unwrap();
    assert_eq!(multipath["paths"].as_array().unwrap().len(), 2);
    let again = load(&sim, &[&file]).ok().json();
    assert_eq!(again["programmed"], 4);
    assert_eq!(
        routes(&sim, &[]),
        before,
        "the same file twice gives the same FIB"
    );
}

#[test]
fn load_with_bad_lines_programs_nothing_and_reports_each() {
    let sim = Sim::start();
    setup(&sim);
    let file = write(
        &sim,
        "mixed.csv",
        "prefix,next_hop,interface\n10.30.0.0/16,10.10.10.2,pg0\n10.31.2.3/16,10.10.10.2,pg0\n10.32.0.0/16,10.10.10.2,nosuch0\n10.33.0.0/16,,\n10.34.0.0/16,10.10.10.2,pg0\n",
    );
    let r = load(&sim, &[&file]).code(2);
    for line in [":3:", ":4:", ":5:"] {
        assert!(
            r.stderr.contains(&format!("{file}{line}")),
            "{line} missing:\n{}",
            r.stderr
        );
    }
    assert!(r.stderr.contains("10.31.0.0/16"), "{}", r.stderr);
    assert!(r.stderr.contains("nosuch0"), "{}", r.stderr);
    let all = routes(&sim, &[]);
    assert!(
        find(&all, 0, "10.30.0.0/16").is_none(),
        "nothing is programmed"
    );
    assert!(
        find(&all, 0, "10.34.0.0/16").is_none(),
        "nothing is programmed"
    );

    let s = load(&sim, &["--keep-going", &file]).code(1).json();
    assert_eq!(s["programmed"], 2);
    // Two routes fail; the line whose prefix cannot be read is no route, only a bad line.
    assert_eq!(s["failed"], 2);
    assert_eq!(s["bad_lines"], 3);
    let all = routes(&sim, &[]);
    assert!(find(&all, 0, "10.30.0.0/16").is_some());
    assert!(find(&all, 0, "10.34.0.0/16").is_some());
}

#[test]
fn load_delete_removes_the_routes() {
    let sim = Sim::start();
    setup(&sim);
    let file = write(&sim, "routes.csv", GOOD);
    load(&sim, &[&file]).ok();
    let s = load(&sim, &["--delete", &file]).ok().json();
    assert_eq!(s["programmed"], 4);
    let all = routes(&sim, &[]);
    for p in [
        "10.20.0.0/16",
        "10.21.0.0/16",
        "10.22.0.0/16",
        "2001:db8:99::/48",
    ] {
        assert!(find(&all, 0, p).is_none(), "{p} still there");
    }
}

#[test]
fn load_reads_stdin() {
    let sim = Sim::start();
    setup(&sim);
    let mut child = std::process::Command::new(crate::harness::VPPX)
        .args([
            "--socket",
            sim.socket().to_str().unwrap(),
            "--json",
            "route",
            "load",
            "-",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(GOOD.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["programmed"], 4);
    assert_eq!(s["file"], "<stdin>");
}

#[test]
fn load_dry_run_sends_nothing() {
    let sim = Sim::start();
    setup(&sim);
    let file = write(&sim, "routes.csv", GOOD);
    let s = load(&sim, &["--dry-run", &file]).ok().json();
    assert_eq!(s["dry_run"], true);
    assert_eq!(s["programmed"], 0);
    assert!(find(&routes(&sim, &[]), 0, "10.20.0.0/16").is_none());
}

#[test]
fn the_readme_example_loads_on_the_embedded_simulator() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/routes.csv");
    let r = crate::harness::run_bare(
        &[
            "--sim",
            "--json",
            "route",
            "load",
            "--create-tables",
            example,
        ],
        &[],
    )
    .ok();
    let s = r.json();
    assert_eq!(s["requested"], 9);
    assert_eq!(s["programmed"], 9);
    assert_eq!(s["failed"], 0);
}
