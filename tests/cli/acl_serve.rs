//! The agent's ACL endpoints against `vppx sim`, every answer held to the OpenAPI document;
//! and the scenario end to end: two streams into pg0, the RFC 1918 drop ACL made
//! and applied through the REST API, the denies counted at the first stream's rate and the
//! second stream still leaving through pg1.

use std::time::Duration;

use serde_json::{json, Value};

use crate::common;
use crate::harness::{Run, Sim};
use crate::serve::{self, get, Answer, Serve};

use crate::serve::TOKEN;

/// With the token, as an operator would.
fn put(s: &Serve, path: &str, body: Value) -> Answer {
    serve::put(s, path, &body.to_string(), Some(TOKEN))
}

fn delete(s: &Serve, path: &str) -> Answer {
    serve::delete(s, path, Some(TOKEN))
}

/// `vppx serve --token-file` against `sim`, ready (connected to VPP).
fn serve(sim: &Sim) -> Serve {
    let s = Serve::start(sim.dir.path(), &[]);
    super::serve::wait_status(&s, "/readyz", 200, Duration::from_secs(15));
    s
}

/// The rules of `examples/rfc1918-drop.acl`, as a JSON body's list.
fn example_rules() -> Vec<Value> {
    let text = include_str!("../../examples/rfc1918-drop.acl");
    text.lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .filter(|l| !l.is_empty())
        .map(|l| Value::String(l.to_string()))
        .collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("a list")
        .iter()
        .map(|s| s.as_str().expect("a string").to_string())
        .collect()
}

#[test]
fn serve_acl_endpoints_and_their_errors() {
    let sim = Sim::start();
    let s = serve(&sim);

    // Mutations need the token; reads do not.
    let body = json!({"rules": ["permit any"]}).to_string();
    serve::put(&s, "/acls/rfc1918-drop", &body, None).status(401);
    serve::delete(&s, "/acls/x", Some("wrong")).status(401);
    assert_eq!(get(&s, "/acls").status(200).json(), json!([]));

    let made = put(&s, "/acls/rfc1918-drop", json!({"rules": example_rules()}))
        .status(201)
        .json();
    assert_eq!(made["created"], true);
    assert_eq!(made["acl_index"], 0);
    assert_eq!(made["rules"].as_array().unwrap().len(), 5);
    // Objects too, and what GET gives back is accepted back.
    let web = put(
        &s,
        "/acls/web",
        json!({"rules": [
            {"action": "permit", "src": "198.51.100.0/24", "dst": "0.0.0.0/0", "proto": "tcp", "dport": "80-443"},
            {"action": "deny", "src": "2001:db8:bad::/48", "proto": 17, "dport": 53}
        ]}),
    )
    .status(201)
    .json();
    assert_eq!(web["acl_index"], 1);
    assert_eq!(
        web["rules"][0]["text"],
        "permit src 198.51.100.0/24 proto tcp dport 80-443"
    );
    assert_eq!(
        web["rules"][1]["text"],
        "deny src 2001:db8:bad::/48 proto udp dport 53"
    );
    let again = put(&s, "/acls/web", json!({"rules": web["rules"]}))
        .status(200)
        .json();
    assert_eq!(again["created"], false, "replaced in place");
    assert_eq!(again["acl_index"], 1);
    assert_eq!(again["rules"], web["rules"]);

    // A bad rule: 400 naming it by its index in the list, and nothing made.
    let bad = put(
        &s,
        "/acls/other",
        json!({"rules": ["permit any", "deny src 10.1.2.3/8"]}),
    )
    .status(400)
    .json();
    let detail = bad["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("rule 1 \"deny src 10.1.2.3/8\": src host bits set"),
        "{detail}"
    );
    get(&s, "/acls/other").status(404);
    for body in [
        json!({"rules": []}),
        json!({"rules": ["permit any"], "extra": 1}),
        json!({"rules": [{"action": "permit", "port": 1}]}),
        json!(["permit any"]),
    ] {
        put(&s, "/acls/other", body).status(400);
    }
    put(&s, "/acls/bad%20name", json!({"rules": ["permit any"]})).status(400);

    let all = get(&s, "/acls").status(200).json();
    assert_eq!(all.as_array().unwrap().len(), 2);
    let one = get(&s, "/acls/web").status(200).json();
    assert_eq!(one["name"], "web");
    assert_eq!(get(&s, "/acls/%231").status(200).json()["name"], "web");

    // Interfaces: set both lists, one, then clear; the other direction stays.
    let lists = put(
        &s,
        "/interfaces/pg0/acls",
        json!({"input": ["rfc1918-drop", "web"], "output": ["web"]}),
    )
    .status(200)
    .json();
    assert_eq!(lists["interface"], "pg0");
    assert_eq!(strings(&lists["input"]), ["rfc1918-drop", "web"]);
    assert_eq!(strings(&lists["output"]), ["web"]);
    let lists = put(
        &s,
        "/interfaces/pg0/acls",
        json!({"input": ["web", "rfc1918-drop"]}),
    )
    .status(200)
    .json();
    assert_eq!(strings(&lists["input"]), ["web", "rfc1918-drop"]);
    assert_eq!(
        strings(&lists["output"]),
        ["web"],
        "left out: left as it is"
    );
    assert_eq!(get(&s, "/interfaces/pg0/acls").status(200).json(), lists);
    let applied = get(&s, "/acls/web").status(200).json()["applied"].clone();
    assert_eq!(applied, json!({"input": ["pg0"], "output": ["pg0"]}));
    put(&s, "/interfaces/pg0/acls", json!({"input": ["nosuch"]})).status(404);
    put(&s, "/interfaces/nosuch0/acls", json!({"input": []})).status(404);
    put(&s, "/interfaces/pg0/acls", json!({"input": ["web", "web"]})).status(400);
    put(&s, "/interfaces/pg0/acls", json!({})).status(400);
    get(&s, "/interfaces/nosuch0/acls").status(404);

    // Deleting an applied ACL: 409 saying where; forced, it is detached first.
    let refused = delete(&s, "/acls/web").status(409).json();
    let detail = refused["detail"].as_str().unwrap();
    assert!(detail.contains("pg0 (input), pg0 (output)"), "{detail}");
    let gone = delete(&s, "/acls/web?force=true").status(200).json();
    assert_eq!(
        gone["detached"],
        json!({"input": ["pg0"], "output": ["pg0"]})
    );
    let pg0 = get(&s, "/interfaces/pg0/acls").status(200).json();
    assert_eq!(
        strings(&pg0["input"]),
        ["rfc1918-drop"],
        "the other ACL stays"
    );
    delete(&s, "/acls/web").status(404);
    put(&s, "/interfaces/pg0/acls", json!({"input": []})).status(200);
    delete(&s, "/acls/rfc1918-drop").status(200);
    assert_eq!(get(&s, "/acls").status(200).json(), json!([]));
}

fn ndjson(run: &Run) -> Vec<Value> {
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn find<'a>(rows: &'a Value, key: &str, want: &str) -> Option<&'a Value> {
    rows.as_array()?.iter().find(|r| r[key] == want)
}

#[test]
fn serve_acl_scenario_drops_private_sources_and_forwards_the_rest() {
    const DENIED_PPS: f64 = 1000.0;
    const PERMITTED_PPS: f64 = 400.0;
    let sim = Sim::start();
    for line in [
        "set interface state pg0 up",
        "set interface state pg1 up",
        "set interface ip address pg0 198.18.0.1/24",
        "set interface ip address pg1 198.18.1.1/24",
    ] {
        sim.vppx(&["cli", line]).ok();
    }
    // The destination of both streams routes out of pg1.
    sim.vppx(&[
        "route",
        "add",
        "192.0.2.0/24",
        "via",
        "198.18.1.2",
        "dev",
        "pg1",
    ])
    .ok();
    sim.vppx(&[
        "cli",
        "sim traffic pg0 1000pps 64B src 10.1.0.0/16 dst 192.0.2.0/24",
    ])
    .ok();
    sim.vppx(&[
        "cli",
        "sim traffic pg0 400pps 64B src 203.0.113.0/24 dst 192.0.2.0/24",
    ])
    .ok();

    let s = serve(&sim);
    put(&s, "/acls/rfc1918-drop", json!({"rules": example_rules()})).status(201);
    let pg0 = put(
        &s,
        "/interfaces/pg0/acls",
        json!({"input": ["rfc1918-drop"]}),
    )
    .status(200)
    .json();
    assert_eq!(strings(&pg0["input"]), ["rfc1918-drop"]);

    let stats_socket = sim.dir.path().join("stats.sock");
    let stats_socket = stats_socket.to_str().unwrap();
    let stats = |args: &[&str]| {
        let mut all = vec!["--stats-socket", stats_socket, "--json"];
        all.extend_from_slice(args);
        sim.vppx(&all).ok()
    };
    // Ready when the denies have started (no blind sleep).
    common::poll_until(Duration::from_secs(20), "ACL denies start", || {
        let errors = stats(&["stats", "errors"]).json();
        let deny = find(&errors, "reason", "ACL deny packets")
            .filter(|e| e["node"] == "acl-plugin-in-ip4-fa")
            .and_then(|e| e["count"].as_u64());
        match deny {
            Some(n) if n > 0 => Ok(()),
            _ => Err(format!("no ACL denies yet: {errors}")),
        }
    });

    // ACL denies at about the first stream's rate, permits at the second's.
    let run = stats(&["stats", "errors", "--interval", "1s", "--count", "3"]);
    let lines = ndjson(&run);
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    let rate = |line: &Value, reason: &str| -> f64 {
        line["errors"]
            .as_array()
            .expect("errors")
            .iter()
            .find(|e| e["node"] == "acl-plugin-in-ip4-fa" && e["reason"] == reason)
            .and_then(|e| e["per_second"].as_f64())
            .unwrap_or_else(|| panic!("no acl-plugin-in-ip4-fa/{reason} in {line}"))
    };
    // Tolerant bounds (a loaded machine), tight enough to catch a wrong stream or unit.
    let near = |got: f64, want: f64| (want * 0.7..=want * 1.3).contains(&got);
    for line in &lines {
        let deny = rate(line, "ACL deny packets");
        assert!(near(deny, DENIED_PPS), "deny/s {deny} in {line}");
        let permit = rate(line, "ACL permit packets");
        assert!(near(permit, PERMITTED_PPS), "permit/s {permit} in {line}");
        let checked = rate(line, "checked packets");
        assert!(
            near(checked, DENIED_PPS + PERMITTED_PPS),
            "checked/s {checked}"
        );
    }

    // The second stream still leaves through pg1; pg0 drops the first (still counted in rx).
    let run = stats(&["stats", "--interval", "1s", "--count", "2"]);
    for line in ndjson(&run) {
        let ifs = &line["interfaces"];
        let pg1 = find(ifs, "name", "pg1").expect("pg1");
        let tx = pg1["tx_pps"].as_f64().unwrap();
        assert!(near(tx, PERMITTED_PPS), "pg1 tx_pps {tx} in {line}");
        let pg0 = find(ifs, "name", "pg0").expect("pg0");
        let drops = pg0["drops_pps"].as_f64().unwrap();
        assert!(near(drops, DENIED_PPS), "pg0 drops_pps {drops} in {line}");
        let rx = pg0["rx_pps"].as_f64().unwrap();
        assert!(near(rx, DENIED_PPS + PERMITTED_PPS), "pg0 rx_pps {rx}");
    }

    // The agent's metrics have the denies per node.
    let text = get(&s, "/metrics").status(200).text;
    let denied: f64 = text
        .lines()
        .find_map(|l| l.strip_prefix("vpp_acl_deny_packets_total{node=\"acl-plugin-in-ip4-fa\"} "))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no ACL denies in /metrics:\n{text}"));
    assert!(denied > 0.0);
    assert!(
        text.lines()
            .any(|l| l.starts_with("vpp_acl_permit_packets_total{node=\"acl-plugin-in-ip4-fa\"}")),
        "{text}"
    );

    // Detached (forced delete), both streams leave by pg1.
    delete(&s, "/acls/rfc1918-drop?force=true").status(200);
    let run = stats(&["stats", "--interval", "1s", "--count", "1"]);
    let line = ndjson(&run).pop().expect("a line");
    let tx = find(&line["interfaces"], "name", "pg1").expect("pg1")["tx_pps"]
        .as_f64()
        .unwrap();
    assert!(
        near(tx, DENIED_PPS + PERMITTED_PPS),
        "pg1 tx_pps {tx} after detaching"
    );
}
