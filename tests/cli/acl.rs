//! `vppx acl ...` against `vppx sim`: every form, bad rules (exit 2, nothing changed),
//! replace in place, delete while applied, IPv6 rules, and the simulated traffic the ACLs
//! drop.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::harness::{Run, Sim, VPPX};

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/rfc1918-drop.acl");

/// The ACLs as `vppx --json acl list` shows them.
fn list(sim: &Sim) -> Value {
    sim.vppx(&["--json", "acl", "list"]).ok().json()
}

fn show(sim: &Sim, name: &str) -> Value {
    sim.vppx(&["--json", "acl", "show", name]).ok().json()
}

fn texts(acl: &Value) -> Vec<String> {
    acl["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["text"].as_str().expect("text").to_string())
        .collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("a list")
        .iter()
        .map(|s| s.as_str().expect("a string").to_string())
        .collect()
}

/// `vppx --socket <sim> args...` with `input` on standard input.
fn with_stdin(sim: &Sim, args: &[&str], input: &str) -> Run {
    let mut child = Command::new(VPPX)
        .arg("--socket")
        .arg(sim.socket())
        .args(args)
        .env_remove("VPPX_SOCKET")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run vppx");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("vppx output");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn acl_set_from_arguments_file_and_stdin() {
    let sim = Sim::start();
    // Rules as separate arguments, or as the words of one: each starts at its action.
    let set = sim
        .vppx(&[
            "--json",
            "acl",
            "set",
            "outside-in",
            "deny src 10.0.0.0/8",
            "permit",
            "src",
            "198.51.100.0/24",
            "dst",
            "0.0.0.0/0",
            "proto",
            "tcp",
            "dport",
            "80-443",
            "permit any",
        ])
        .ok()
        .json();
    assert_eq!(set["created"], true);
    assert_eq!(set["name"], "outside-in");
    assert_eq!(set["acl_index"], 0);
    assert_eq!(
        texts(&set),
        [
            "deny src 10.0.0.0/8",
            "permit src 198.51.100.0/24 proto tcp dport 80-443",
            "permit src 0.0.0.0/0",
            "permit src ::/0",
        ]
    );
    let web = &set["rules"][1];
    assert_eq!(web["proto"], "tcp");
    assert_eq!(web["dport"], "80-443");
    assert_eq!(web["sport"], "0-65535");

    let from_file = sim
        .vppx(&["--json", "acl", "set", "rfc1918-drop", "--file", EXAMPLE])
        .ok()
        .json();
    assert_eq!(from_file["acl_index"], 1);
    assert_eq!(
        texts(&from_file),
        [
            "deny src 10.0.0.0/8",
            "deny src 172.16.0.0/12",
            "deny src 192.168.0.0/16",
            "permit src 0.0.0.0/0",
            "permit src ::/0",
        ]
    );

    let piped = with_stdin(
        &sim,
        &["--json", "acl", "set", "v6-in", "--file", "-"],
        "# IPv6 only\ndeny src 2001:db8:bad::/48 dst 2001:db8::/32 proto udp dport 53\npermit src ::/0\n",
    )
    .ok()
    .json();
    assert_eq!(
        texts(&piped),
        [
            "deny src 2001:db8:bad::/48 dst 2001:db8::/32 proto udp dport 53",
            "permit src ::/0",
        ]
    );

    // The table forms.
    let text = sim.vppx(&["acl", "list"]).ok().stdout;
    for want in ["index", "outside-in", "rfc1918-drop", "v6-in", "applied to"] {
        assert!(text.contains(want), "{want} missing:\n{text}");
    }
    let text = sim.vppx(&["acl", "show", "outside-in"]).ok().stdout;
    for want in [
        "ACL outside-in (index 0), not applied",
        "198.51.100.0/24",
        "80-443",
        "implicit deny",
    ] {
        assert!(text.contains(want), "{want} missing:\n{text}");
    }
    let text = sim
        .vppx(&["acl", "set", "outside-in", "permit any"])
        .ok()
        .stdout;
    assert!(
        text.contains("replaced in place: ACL outside-in (index 0)"),
        "{text}"
    );
}

#[test]
fn acl_bad_rules_are_named_and_change_nothing() {
    let sim = Sim::start();
    sim.vppx(&["acl", "set", "keep", "deny src 10.0.0.0/8", "permit any"])
        .ok();
    let before = list(&sim);
    let bad = sim
        .vppx(&[
            "acl",
            "set",
            "keep",
            "permit any",
            "deny src 10.1.2.3/8",
            "deny frm 192.0.2.0/24",
        ])
        .code(2);
    assert!(
        bad.stderr
            .contains("rule 2 \"deny src 10.1.2.3/8\": src host bits set in '10.1.2.3/8'; did you mean 10.0.0.0/8?"),
        "{}",
        bad.stderr
    );
    assert!(
        bad.stderr
            .contains("rule 3 \"deny frm 192.0.2.0/24\": unknown word 'frm'"),
        "{}",
        bad.stderr
    );
    for (args, want) in [
        (
            &["acl", "set", "x", "allow any"][..],
            "a rule starts with deny or permit",
        ),
        (
            &["acl", "set", "x", "deny dport 80"][..],
            "'dport' needs proto tcp, udp or sctp",
        ),
        (
            &["acl", "set", "x", "deny proto tcp dport 443-80"][..],
            "empty range",
        ),
        (
            &["acl", "set", "x", "deny src 10.0.0.0/8 dst 2001:db8::/32"][..],
            "different address families",
        ),
        (
            &["acl", "set", "bad name", "permit any"][..],
            "invalid ACL name",
        ),
        (
            &["acl", "set", &"n".repeat(64), "permit any"][..],
            "invalid ACL name",
        ),
        (
            &["acl", "set", "x", "--file", "/nonexistent/rules.acl"][..],
            "cannot read /nonexistent/rules.acl",
        ),
        (
            &["acl", "set", "x", "--file", "/dev/zero"][..],
            "cannot read /dev/zero: larger than 64 MiB",
        ),
        (&["acl", "set", "x"][..], "required"),
    ] {
        let r = sim.vppx(args).code(2);
        assert!(r.stderr.contains(want), "{args:?}: {}", r.stderr);
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.acl");
    std::fs::write(
        &file,
        "deny src 10.0.0.0/8\n\n# ok so far\ndeny src 172.16.0.0/11\n",
    )
    .unwrap();
    let r = sim
        .vppx(&["acl", "set", "x", "--file", file.to_str().unwrap()])
        .code(2);
    assert!(
        r.stderr
            .contains("bad.acl: line 4 \"deny src 172.16.0.0/11\": src host bits set"),
        "{}",
        r.stderr
    );
    assert_eq!(list(&sim), before, "nothing changed");
    // A 63-byte name is the longest VPP's tag holds.
    sim.vppx(&["acl", "set", &"n".repeat(63), "permit any"])
        .ok();
}

#[test]
fn acl_replace_in_place_keeps_the_index_and_where_it_is_applied() {
    let sim = Sim::start();
    sim.vppx(&["acl", "set", "first", "permit any"]).ok();
    sim.vppx(&["acl", "set", "edge", "deny src 10.0.0.0/8", "permit any"])
        .ok();
    sim.vppx(&["acl", "apply", "edge", "--iface", "pg0", "--input"])
        .ok();
    let again = sim
        .vppx(&[
            "--json",
            "acl",
            "set",
            "edge",
            "deny src 192.168.0.0/16",
            "permit any",
        ])
        .ok()
        .json();
    assert_eq!(again["created"], false);
    assert_eq!(again["acl_index"], 1);
    assert_eq!(strings(&again["applied"]["input"]), ["pg0"]);
    assert_eq!(texts(&again)[0], "deny src 192.168.0.0/16");
    // Running the same command twice is harmless: still two ACLs.
    sim.vppx(&[
        "acl",
        "set",
        "edge",
        "deny src 192.168.0.0/16",
        "permit any",
    ])
    .ok();
    let all = list(&sim);
    let names: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["first", "edge"]);
    assert_eq!(
        show(&sim, "#1")["name"],
        "edge",
        "an ACL can be named by #INDEX"
    );
}

#[test]
fn acl_apply_and_detach_keep_the_other_acls_in_order() {
    let sim = Sim::start();
    for name in ["a", "b", "c"] {
        sim.vppx(&["acl", "set", name, "permit any"]).ok();
    }
    let apply = |name: &str, dir: &str| {
        sim.vppx(&["--json", "acl", "apply", name, "--iface", "pg0", dir])
            .ok()
            .json()
    };
    apply("b", "--input");
    apply("a", "--input");
    apply("c", "--output");
    let now = apply("c", "--input");
    assert_eq!(now["interface"], "pg0");
    assert_eq!(now["sw_if_index"], 1);
    assert_eq!(strings(&now["input"]), ["b", "a", "c"]);
    assert_eq!(strings(&now["output"]), ["c"]);
    // Applying again changes nothing.
    assert_eq!(apply("a", "--input"), now);
    let text = sim
        .vppx(&["acl", "apply", "a", "--iface", "pg0", "--input"])
        .ok()
        .stdout;
    assert!(text.contains("b, a, c"), "{text}");
    assert_eq!(strings(&show(&sim, "c")["applied"]["output"]), ["pg0"]);

    let after = sim
        .vppx(&["--json", "acl", "detach", "a", "--iface", "pg0"])
        .ok()
        .json();
    assert_eq!(strings(&after["input"]), ["b", "c"]);
    let after = sim
        .vppx(&["--json", "acl", "detach", "c", "--iface", "pg0", "--output"])
        .ok()
        .json();
    assert_eq!(strings(&after["input"]), ["b", "c"]);
    assert!(after["output"].as_array().unwrap().is_empty());
    let r = sim.vppx(&["acl", "detach", "a", "--iface", "pg0"]).code(1);
    assert!(
        r.stderr.contains("ACL 'a' is not applied to pg0"),
        "{}",
        r.stderr
    );
    // Unknown names are exit 1; a missing direction is a usage error.
    let r = sim
        .vppx(&["acl", "apply", "nosuch", "--iface", "pg0", "--input"])
        .code(1);
    assert!(r.stderr.contains("no such ACL: 'nosuch'"), "{}", r.stderr);
    let r = sim
        .vppx(&["acl", "apply", "a", "--iface", "nosuch0", "--input"])
        .code(1);
    assert!(
        r.stderr.contains("no such interface: 'nosuch0'"),
        "{}",
        r.stderr
    );
    sim.vppx(&["acl", "apply", "a", "--iface", "pg0"]).code(2);
    sim.vppx(&["acl", "apply", "a", "--iface", "pg0", "--input", "--output"])
        .code(2);
    sim.vppx(&["acl", "show", "nosuch"]).code(1);
}

#[test]
fn acl_delete_is_refused_while_applied_unless_forced() {
    let sim = Sim::start();
    sim.vppx(&["acl", "set", "other", "permit any"]).ok();
    sim.vppx(&[
        "acl",
        "set",
        "drop-ten",
        "deny src 10.0.0.0/8",
        "permit any",
    ])
    .ok();
    for (acl, iface, dir) in [
        ("other", "pg0", "--input"),
        ("drop-ten", "pg0", "--input"),
        ("drop-ten", "pg1", "--output"),
    ] {
        sim.vppx(&["acl", "apply", acl, "--iface", iface, dir]).ok();
    }
    let r = sim.vppx(&["acl", "delete", "drop-ten"]).code(1);
    assert!(
        r.stderr.contains(
            "ACL 'drop-ten' is applied to pg0 (input), pg1 (output), so it was not deleted"
        ),
        "{}",
        r.stderr
    );
    assert_eq!(list(&sim).as_array().unwrap().len(), 2, "still there");
    let d = sim
        .vppx(&["--json", "acl", "delete", "drop-ten", "--force"])
        .ok()
        .json();
    assert_eq!(d["name"], "drop-ten");
    assert_eq!(strings(&d["detached"]["input"]), ["pg0"]);
    assert_eq!(strings(&d["detached"]["output"]), ["pg1"]);
    let pg0 = sim
        .vppx(&["--json", "acl", "detach", "other", "--iface", "pg0"])
        .ok()
        .json();
    assert!(pg0["input"].as_array().unwrap().is_empty(), "{pg0}");
    let text = sim.vppx(&["acl", "delete", "other"]).ok().stdout;
    assert_eq!(text, "deleted ACL other (index 0)\n");
    assert_eq!(list(&sim), Value::Array(vec![]));
    sim.vppx(&["acl", "delete", "other"]).code(1);
}

/// Polls `vppx stats errors` until the node's reason is above zero.
fn wait_for_error(sim: &Sim, node: &str, reason: &str) -> u64 {
    let stats = sim.dir.path().join("stats.sock");
    let stats = stats.to_str().unwrap();
    crate::common::poll_until(Duration::from_secs(20), &format!("{node}/{reason}"), || {
        let errors = sim
            .vppx(&["--stats-socket", stats, "--json", "stats", "errors"])
            .ok()
            .json();
        errors
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["node"] == node && e["reason"] == reason)
            .and_then(|e| e["count"].as_u64())
            .ok_or_else(|| errors.to_string())
    })
}

#[test]
fn acl_ipv6_rules_drop_simulated_ipv6_traffic() {
    let sim = Sim::start();
    for line in [
        "set interface state pg0 up",
        "set interface state pg1 up",
        "set interface ip address pg1 2001:db8:1::1/64",
        "sim traffic pg0 200pps 64B src 2001:db8:bad::/48 dst 2001:db8:1::9/128",
        "sim traffic pg0 100pps 64B src 2001:db8:600d::/48 dst 2001:db8:1::9/128",
    ] {
        sim.vppx(&["cli", line]).ok();
    }
    sim.vppx(&[
        "acl",
        "set",
        "v6",
        "deny src 2001:db8:bad::/48",
        "permit src ::/0",
    ])
    .ok();
    sim.vppx(&["acl", "apply", "v6", "--iface", "pg0", "--input"])
        .ok();
    assert!(wait_for_error(&sim, "acl-plugin-in-ip6-fa", "ACL deny packets") > 0);
    assert!(wait_for_error(&sim, "acl-plugin-in-ip6-fa", "ACL permit packets") > 0);
    // The IPv4 node saw nothing.
    let errors = sim.vppx(&["cli", "show errors"]).ok().stdout;
    assert!(!errors.contains("acl-plugin-in-ip4-fa"), "{errors}");
}
