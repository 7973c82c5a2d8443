//! `vppx apply`: plan, apply, re-apply, errors, export and restarts against the simulator.

use crate::desired::mutating;
use crate::harness::Sim;
use serde_json::Value;

/// A document touching every part: a loopback made, interfaces' state, MTU, addresses,
/// tables, routes inline and from a file, an ACL and its binding.
const DOC: &str = "\
interfaces:
  - name: loop0
    create: loopback
    admin: up
    mtu: 1500
    addresses: [10.10.10.1/24, 2001:db8:10::1/64]
    acls: {input: [edge-in]}
  - name: pg0
    admin: up
    addresses: [192.0.2.1/24]
tables:
  - table: 5
routes:
  tables:
    - table: 0
      routes:
        - {prefix: 10.1.0.0/24, next_hop: 10.10.10.2, interface: loop0}
        - prefix: 10.2.0.0/24
          paths: [{next_hop: 10.10.10.2, weight: 3}, {next_hop: 10.10.10.3}]
        - {prefix: 10.3.0.0/24, next_hop: drop}
      files: [r.csv]
    - table: 5
      routes:
        - {prefix: \"2001:db8:99::/48\", next_hop: \"2001:db8:10::2\", interface: loop0}
acls:
  - name: edge-in
    rules: [\"deny src 10.0.0.0/8\", {action: permit, proto: tcp, dport: 443}]
";

pub fn write(sim: &Sim, name: &str, text: &str) -> String {
    let p = sim.dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

fn doc(sim: &Sim) -> String {
    write(sim, "r.csv", "10.5.0.0/24,192.0.2.9,pg0\n");
    write(sim, "node.yaml", DOC)
}

/// `(action, kind, target)` of every change of a report.
fn changes(r: &Value) -> Vec<(String, String, String)> {
    r["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["action"].as_str().unwrap().to_string(),
                c["kind"].as_str().unwrap().to_string(),
                c["target"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn t(a: &str, k: &str, target: &str) -> (String, String, String) {
    (a.into(), k.into(), target.into())
}

fn export(sim: &Sim) -> String {
    sim.vppx(&["apply", "--export"]).ok().stdout
}

#[test]
fn plan_lists_every_change_apply_makes_them_and_a_second_run_sends_nothing() {
    let sim = Sim::start();
    let file = doc(&sim);
    let before = mutating(&sim);
    let plan = sim.vppx(&["--json", "apply", "--plan", &file]).ok().json();
    assert_eq!(mutating(&sim), before, "a plan sends nothing");
    let expected = vec![
        t("add", "interface", "loop0"),
        t("change", "interface", "loop0"),
        t("change", "interface", "loop0"),
        t("add", "address", "loop0 10.10.10.1/24"),
        t("add", "address", "loop0 2001:db8:10::1/64"),
        t("change", "interface", "pg0"),
        t("add", "address", "pg0 192.0.2.1/24"),
        t("add", "table", "5 ipv4"),
        t("add", "table", "5 ipv6"),
        t("add", "route", "table 0 10.1.0.0/24"),
        t("add", "route", "table 0 10.2.0.0/24"),
        t("add", "route", "table 0 10.3.0.0/24"),
        t("add", "route", "table 5 2001:db8:99::/48"),
        t("add", "route", "table 0 10.5.0.0/24"),
        t("add", "acl", "edge-in"),
        t("change", "binding", "loop0 input"),
    ];
    assert_eq!(changes(&plan), expected);
    assert_eq!(
        plan["summary"],
        serde_json::json!({"add": 12, "change": 4, "remove": 0, "total": 16})
    );
    assert_eq!(plan["applied"], false);
    // The plan's text says the same, in the same order.
    let text = sim.vppx(&["apply", "--plan", &file]).ok().stdout;
    assert!(
        text.starts_with("+ interface loop0 (loopback)\n~ interface loop0 admin: down → up\n"),
        "{text}"
    );
    assert!(
        text.contains("~ binding loop0 input: [] → [edge-in]\n"),
        "{text}"
    );
    assert!(
        text.ends_with("Plan: 12 to add, 4 to change, 0 to remove; 0 routes unchanged.\n"),
        "{text}"
    );
    // Changes pending: --exit-code says so with 1.
    sim.vppx(&["apply", "--plan", "--exit-code", &file]).code(1);

    let done = sim.vppx(&["--json", "apply", &file]).ok().json();
    assert_eq!(changes(&done), expected);
    assert_eq!(
        (done["applied"].as_bool(), done["summary"]["total"].as_u64()),
        (Some(true), Some(16))
    );
    let iface: Value = sim.vppx(&["--json", "iface", "show", "loop0"]).ok().json();
    assert_eq!(
        (iface["admin_up"].as_bool(), iface["mtu"].as_u64()),
        (Some(true), Some(1500))
    );
    assert_eq!(
        iface["addresses"],
        serde_json::json!(["10.10.10.1/24", "2001:db8:10::1/64"])
    );
    let acls = sim.vppx(&["--json", "acl", "show", "edge-in"]).ok().json();
    assert_eq!(acls["applied"]["input"], serde_json::json!(["loop0"]));
    let routes = sim
        .vppx(&["--json", "route", "list", "--table", "0"])
        .ok()
        .json();
    let ours: Vec<&str> = routes
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["source"] == "vppx")
        .map(|r| r["prefix"].as_str().unwrap())
        .collect();
    assert_eq!(
        ours,
        ["10.1.0.0/24", "10.2.0.0/24", "10.3.0.0/24", "10.5.0.0/24"]
    );

    // Again: nothing to do, and not one mutating message.
    let before = mutating(&sim);
    sim.vppx(&["apply", "--plan", "--exit-code", &file]).code(0);
    let again = sim.vppx(&["--json", "apply", &file]).ok().json();
    assert_eq!(
        (
            again["summary"]["total"].as_u64(),
            again["routes_unchanged"].as_u64()
        ),
        (Some(0), Some(5))
    );
    let text = sim.vppx(&["apply", &file]).ok().stdout;
    assert_eq!(
        text,
        "No changes made: the node was as the document says.\n"
    );
    assert_eq!(
        mutating(&sim),
        before,
        "a second run sends no mutating message"
    );
}

#[test]
fn what_the_document_does_not_name_is_left_alone_but_our_stale_routes_go() {
    let sim = Sim::start();
    let file = doc(&sim);
    sim.vppx(&["apply", &file]).ok();
    // Things the document does not name: an address on pg1, an API route of a prefix
    // we manage, a table, an ACL.
    sim.vppx(&["iface", "configure", "pg1", "198.51.100.1/24"])
        .ok();
    sim.vppx(&[
        "route",
        "add",
        "10.1.0.0/24",
        "via",
        "198.51.100.9",
        "dev",
        "pg1",
    ])
    .ok();
    sim.vppx(&["route", "table", "add", "7"]).ok();
    sim.vppx(&["acl", "set", "other", "permit", "any"]).ok();
    // 10.2 and the file's route dropped, 10.3 changed, an address of loop0 dropped.
    let smaller = DOC
        .replace(
            "        - prefix: 10.2.0.0/24\n          paths: [{next_hop: 10.10.10.2, weight: 3}, {next_hop: 10.10.10.3}]\n",
            "",
        )
        .replace("{prefix: 10.3.0.0/24, next_hop: drop}", "{prefix: 10.3.0.0/24, next_hop: 10.10.10.4}")
        .replace("      files: [r.csv]\n", "")
        .replace(", 2001:db8:10::1/64]", "]");
    let file = write(&sim, "smaller.yaml", &smaller);
    let r = sim.vppx(&["--json", "apply", &file]).ok().json();
    assert_eq!(
        changes(&r),
        vec![
            t("remove", "address", "loop0 2001:db8:10::1/64"),
            t("change", "route", "table 0 10.3.0.0/24"),
            t("remove", "route", "table 0 10.2.0.0/24"),
            t("remove", "route", "table 0 10.5.0.0/24"),
        ]
    );
    let routes = sim.vppx(&["--json", "route", "list"]).ok().json();
    let find = |p: &str| {
        routes
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["table"] == 0 && r["prefix"] == p)
            .cloned()
    };
    assert!(find("10.2.0.0/24").is_none());
    // Ours for 10.1 stays best (priority 100 before the API's 128); the API's is still there
    // under it, which a replace never touches.
    assert_eq!(find("10.1.0.0/24").unwrap()["source"], "vppx");
    let pg1 = sim.vppx(&["--json", "iface", "show", "pg1"]).ok().json();
    assert_eq!(pg1["addresses"], serde_json::json!(["198.51.100.1/24"]));
    sim.vppx(&["acl", "show", "other"]).ok();
    let tables = sim.vppx(&["--json", "route", "table", "list"]).ok().stdout;
    assert!(tables.contains("\"table\": 7"), "{tables}");
}

#[test]
fn aliases_that_expand_a_document_past_its_size_are_refused_before_it_is_read() {
    // 5,000 routes naming one list of 255 paths: 180 KB of text that reads as 1.3 million
    // paths (hundreds of MiB); the same list shared by a few routes is read.
    let sim = Sim::start();
    let before = mutating(&sim);
    let paths: Vec<String> = (0..255)
        .map(|i| format!("{{next_hop: 192.0.2.{}, interface: pg0}}", i % 250 + 1))
        .collect();
    let doc = |routes: u32| {
        let mut t = format!(
            "routes:\n  tables:\n    - table: 0\n      routes:\n        - {{prefix: 10.0.0.0/32, paths: &p [{}]}}\n",
            paths.join(", ")
        );
        for i in 1..routes {
            t += &format!(
                "        - {{prefix: 10.{}.{}.0/24, paths: *p}}\n",
                i >> 8,
                i & 255
            );
        }
        t
    };
    let bomb = write(&sim, "aliases.yaml", &doc(5000));
    let r = sim.vppx(&["apply", "--plan", &bomb]).code(2);
    assert!(
        r.stderr.contains(&format!("{bomb}:")) && r.stderr.contains("YAML aliases expand it past"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    let fine = write(&sim, "shared.yaml", &doc(3));
    let plan = sim.vppx(&["--json", "apply", "--plan", &fine]).ok().json();
    assert_eq!(plan["summary"]["add"], 3, "{plan}");
    assert_eq!(mutating(&sim), before, "nothing was sent");
}

#[test]
fn an_invalid_document_names_line_column_and_field_and_changes_nothing() {
    let sim = Sim::start();
    let before = mutating(&sim);
    let bad = write(
        &sim,
        "bad.yaml",
        "interfaces:\n  - name: pg0\n    admin: up\nroutes:\n  tables:\n    - table: 0\n      routes:\n        - {prefix: 10.1.0.0/24, next_hop: 10.10.10.2}\n        - {prefix: 10.9.0.0/24, next_hop: \"2001:db8::1\"}\n",
    );
    let r = sim.vppx(&["apply", &bad]).code(2);
    assert!(
        r.stderr.contains(&format!(
            "{bad}:9:43: routes.tables[0].routes[1].next_hop: next hop 2001:db8::1 is IPv6 but prefix 10.9.0.0/24 is IPv4"
        )),
        "{}",
        r.stderr
    );
    // An unknown field, a bad value, a string for a number.
    let bad = write(
        &sim,
        "bad2.yaml",
        "interfaces:\n  - name: pg0\n    colour: blue\n",
    );
    let r = sim.vppx(&["apply", &bad]).code(2);
    assert!(
        r.stderr
            .contains(":3:5: interfaces[0]: unknown field `colour`"),
        "{}",
        r.stderr
    );
    let bad = write(
        &sim,
        "bad3.yaml",
        "interfaces:\n  - name: pg0\n    mtu: 70000\n  - name: pg7\n    admin: up\n",
    );
    let r = sim.vppx(&["apply", &bad]).code(2);
    assert!(
        r.stderr
            .contains(":3:10: interfaces[0].mtu: mtu '70000' is not a number 1-65535"),
        "{}",
        r.stderr
    );
    let bad = write(
        &sim,
        "bad4.yaml",
        "interfaces:\n  - name: pg7\n    admin: up\n  - name: pg0\n    acls: {input: [nope]}\n",
    );
    // Names VPP lacks are not found (exit 1), still located in the document.
    let r = sim.vppx(&["apply", "--plan", &bad]).code(1);
    assert!(
        r.stderr
            .contains(":2:11: interfaces[0].name: VPP has no interface 'pg7'"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(
            ":5:20: interfaces[1].acls.input[0]: no ACL 'nope' in VPP or in the document"
        ),
        "{}",
        r.stderr
    );
    assert_eq!(mutating(&sim), before, "nothing was sent");
}

#[test]
fn export_round_trips_through_a_fresh_simulator() {
    let sim = Sim::start();
    let file = doc(&sim);
    sim.vppx(&["apply", &file]).ok();
    let first = export(&sim);
    assert!(first.contains("create: loopback"), "{first}");
    assert!(first.contains("next_hop: drop"), "{first}");

    let fresh = Sim::start();
    let exported = write(&fresh, "exported.yaml", &first);
    let r = fresh.vppx(&["--json", "apply", &exported]).ok().json();
    assert!(r["summary"]["total"].as_u64().unwrap() > 0);
    assert_eq!(export(&fresh), first);
    // And to a file.
    let out = fresh.dir.path().join("out.yaml");
    fresh
        .vppx(&["apply", "--export", out.to_str().unwrap()])
        .ok();
    assert_eq!(std::fs::read_to_string(out).unwrap(), first);
}

#[test]
fn after_a_restart_the_source_is_registered_again_and_apply_restores_the_state() {
    let sim = Sim::start();
    let file = doc(&sim);
    sim.vppx(&["apply", &file]).ok();
    let before = export(&sim);
    let dir = sim.stop();
    let sim = Sim::start_in(dir);
    let file = sim.dir.path().join("node.yaml");
    let file = file.to_str().unwrap();
    let plan = sim.vppx(&["--json", "apply", "--plan", file]).ok().json();
    assert_eq!(plan["source_id"], Value::Null, "a plan registers nothing");
    assert_eq!(plan["summary"]["total"], 16);
    let r = sim.vppx(&["--json", "apply", file]).ok().json();
    assert!(r["source_id"].as_u64().is_some());
    assert_eq!(export(&sim), before);
    sim.vppx(&["apply", "--plan", "--exit-code", file]).code(0);
}

#[test]
fn a_failure_stops_the_apply_and_says_what_was_not_done() {
    let sim = Sim::start();
    // pg0's link MTU is 9000 in the simulator: VPP refuses more, after loop0 was made.
    let file = write(
        &sim,
        "node.yaml",
        "interfaces:\n  - name: loop0\n    create: loopback\n  - name: pg0\n    mtu: 9001\n    admin: up\nacls:\n  - {name: a, rules: [permit any]}\n",
    );
    let r = sim.vppx(&["--json", "apply", &file]).code(1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["applied"], false);
    assert_eq!(
        changes(&v),
        vec![
            t("add", "interface", "loop0"),
            t("change", "interface", "pg0")
        ]
    );
    assert_eq!(v["failed"]["target"], "pg0");
    assert_eq!(v["failed"]["field"], "mtu");
    let not_done: Vec<&str> = v["not_done"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(not_done, ["acl"]);
    assert!(v["error"].is_string());
    let r = sim.vppx(&["apply", &file]).code(1);
    assert!(
        r.stderr
            .contains("failed: ~ interface pg0 mtu: 9000 → 9001"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("not done: + acl a (2 rules)"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_example_applies_cleanly() {
    let sim = Sim::start();
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/node.yaml");
    let r = sim.vppx(&["--json", "apply", example]).ok().json();
    assert_eq!(r["applied"], true);
    assert!(r["summary"]["total"].as_u64().unwrap() > 0);
    sim.vppx(&["apply", "--plan", "--exit-code", example])
        .code(0);
}

#[test]
fn a_text_plan_counts_many_route_changes_per_table() {
    let sim = Sim::start();
    let csv: String = (0..60).map(|i| format!("10.{i}.0.0/16,drop\n")).collect();
    write(&sim, "many.csv", &csv);
    let file = write(
        &sim,
        "node.yaml",
        "routes:\n  tables:\n    - table: 0\n      files: [many.csv]\n",
    );
    let text = sim.vppx(&["apply", "--plan", &file]).ok().stdout;
    assert_eq!(
        text,
        "± routes of table 0: +60 ~0 -0\nPlan: 60 to add, 0 to change, 0 to remove; 0 routes unchanged.\n"
    );
    let json = sim.vppx(&["--json", "apply", "--plan", &file]).ok().json();
    assert_eq!(json["changes"].as_array().unwrap().len(), 60);
    assert_eq!(
        json["routes"],
        serde_json::json!([{"table": 0, "add": 60, "change": 0, "remove": 0}])
    );
}

/// The document of [`DOC`] without its route file, as JSON.
fn json_doc() -> Value {
    serde_json::json!({
        "interfaces": [
            {"name": "loop0", "create": "loopback", "admin": "up", "mtu": 1500,
             "addresses": ["10.10.10.1/24", "2001:db8:10::1/64"], "acls": {"input": ["edge-in"]}},
            {"name": "pg0", "admin": "up", "addresses": ["192.0.2.1/24"]}
        ],
        "tables": [{"table": 5}],
        "routes": {"tables": [
            {"table": 0, "routes": [
                {"prefix": "10.1.0.0/24", "next_hop": "10.10.10.2", "interface": "loop0"},
                {"prefix": "10.2.0.0/24", "paths": [{"next_hop": "10.10.10.2", "weight": 3}, {"next_hop": "10.10.10.3"}]},
                {"prefix": "10.3.0.0/24", "next_hop": "drop"}
            ]},
            {"table": 5, "routes": [{"prefix": "2001:db8:99::/48", "next_hop": "2001:db8:10::2", "interface": "loop0"}]}
        ]},
        "acls": [{"name": "edge-in", "rules": ["deny src 10.0.0.0/8", {"action": "permit", "proto": "tcp", "dport": 443}]}]
    })
}

#[test]
fn serve_apply_plans_and_applies_as_the_cli_does() {
    use crate::serve::{self, Serve, TOKEN};
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    serve::wait_status(&s, "/readyz", 200, std::time::Duration::from_secs(15));
    let body = json_doc().to_string();
    serve::post(&s, "/apply", &body, None).status(401);
    let before = mutating(&sim);
    let plan = serve::post(&s, "/apply?dry_run=true", &body, Some(TOKEN))
        .status(200)
        .json();
    assert_eq!(mutating(&sim), before, "a dry run sends nothing");
    // The CLI's plan of the same document is the same report.
    let file = write(&sim, "node.json", &body);
    let cli = sim.vppx(&["--json", "apply", "--plan", &file]).ok().json();
    assert_eq!(plan, cli);
    assert_eq!(plan["summary"]["total"], 15);

    let done = serve::post(&s, "/apply", &body, Some(TOKEN))
        .status(200)
        .json();
    assert_eq!(done["applied"], true);
    assert_eq!(done["changes"], plan["changes"]);
    let before = mutating(&sim);
    let again = serve::post(&s, "/apply", &body, Some(TOKEN))
        .status(200)
        .json();
    assert_eq!(again["summary"]["total"], 0);
    assert_eq!(
        mutating(&sim),
        before,
        "a second apply sends no mutating message"
    );
    sim.vppx(&["apply", "--plan", "--exit-code", &file]).code(0);

    // Errors name the field and where it is in the body; nothing is sent.
    let bad = serde_json::json!({"interfaces": [{"name": "pg0", "mtu": 0}]}).to_string();
    let r = serve::post(&s, "/apply", &bad, Some(TOKEN))
        .status(400)
        .json();
    assert_eq!(
        r["detail"],
        "body:1:23: interfaces[0].mtu: mtu '0' is not a number 1-65535"
    );
    let files = serde_json::json!({"routes": {"tables": [{"table": 0, "files": ["/etc/passwd"]}]}});
    let r = serve::post(&s, "/apply", &files.to_string(), Some(TOKEN))
        .status(400)
        .json();
    assert!(r["detail"]
        .as_str()
        .unwrap()
        .contains("route files are read by the command line only"));
    let missing = serde_json::json!({"interfaces": [{"name": "pg9", "admin": "up"}]}).to_string();
    serve::post(&s, "/apply", &missing, Some(TOKEN)).status(404);
    assert_eq!(mutating(&sim), before);
    // VPP refusing a step: 409, the error carrying the report.
    let refused = serde_json::json!({"interfaces": [{"name": "pg1", "admin": "up", "mtu": 9001}]})
        .to_string();
    let r = serve::post(&s, "/apply", &refused, Some(TOKEN))
        .status(409)
        .json();
    assert_eq!(
        (
            r["error"].as_str(),
            r["report"]["applied"].as_bool(),
            r["report"]["failed"]["field"].as_str()
        ),
        (Some("vpp refused"), Some(false), Some("mtu"))
    );
}

#[test]
fn the_readme_shows_the_example_as_it_is() {
    let readme = include_str!("../../README.md");
    assert!(readme.contains(include_str!("../../examples/node.yaml")));
    // The plan in the README is what the example's plan prints on a fresh simulator.
    let sim = Sim::start();
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/node.yaml");
    let plan = sim.vppx(&["apply", "--plan", example]).ok().stdout;
    assert!(readme.contains(&format!("```text\n{plan}```")), "{plan}");
}
