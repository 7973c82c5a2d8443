//! `vppx route load` under interruption, missing tables and a file that changes, and the
//! CLI and the agent giving the same answers for the same routes.

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::common;
use crate::harness::{Sim, VPPX};
use crate::serve::{self, Serve, TOKEN};

/// A file of `n` /32 routes into `table`.
fn route_file(sim: &Sim, name: &str, n: u32, table: u32) -> String {
    let path = sim.dir.path().join(name);
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(f, "prefix,next_hop,interface,table").unwrap();
    for i in 0..n {
        let a = std::net::Ipv4Addr::from(0x0a00_0000 + i);
        writeln!(f, "{a}/32,192.0.2.1,,{table}").unwrap();
    }
    drop(f);
    path.to_str().unwrap().to_string()
}

/// `vppx --json route load ARGS` in the background, one slow window.
fn start_load(sim: &Sim, args: &[&str]) -> Child {
    Command::new(VPPX)
        .arg("--socket")
        .arg(sim.socket())
        .args([
            "--json",
            "route",
            "load",
            "--connections",
            "1",
            "--window",
            "1",
        ])
        .args(args)
        .env_remove("VPPX_SOCKET")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start vppx route load")
}

/// How many of the files' routes (10.0.0.0/8 /32s) table `table` holds in the simulator.
fn count_in(sim: &Sim, table: &str) -> usize {
    sim.vppx(&["--json", "route", "list", "--table", table])
        .ok()
        .json()
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| {
            let p = r["prefix"].as_str().unwrap();
            p.starts_with("10.") && p.ends_with("/32")
        })
        .count()
}

/// Waits until the load has programmed some routes into table 7.
fn wait_for_routes(sim: &Sim, child: &mut Child) {
    common::poll_until(
        Duration::from_secs(120),
        "the load starts programming",
        || {
            assert!(
                child.try_wait().unwrap().is_none(),
                "the load ended before it could be interrupted"
            );
            match count_in(sim, "7") {
                0 => Err("no route in table 7 yet".to_string()),
                _ => Ok(()),
            }
        },
    );
}

fn signal(pid: u32, sig: &str) {
    let ok = Command::new("kill")
        .args([sig, &pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill {sig} {pid}");
}

fn finish(child: Child) -> (i32, Value, String) {
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}); stderr:\n{stderr}"));
    (out.status.code().unwrap_or(-1), json, stderr)
}

fn assert_accounted(s: &Value) {
    let n = |k: &str| s[k].as_u64().unwrap_or_else(|| panic!("{k} in {s}"));
    assert_eq!(
        n("programmed") + n("failed") + n("unknown") + n("not_sent"),
        n("requested"),
        "every route accounted for: {s}"
    );
}

/// SIGINT mid-load: the load stops sending, waits for its replies, prints the summary
/// with `interrupted`, exits 130, and what it says was programmed is what VPP holds.
#[test]
fn an_interrupted_load_says_what_it_did() {
    let sim = Sim::start();
    let file = route_file(&sim, "big.csv", 300_000, 7);
    let mut child = start_load(&sim, &["--create-tables", &file]);
    wait_for_routes(&sim, &mut child);
    signal(child.id(), "-INT");
    let (code, s, stderr) = finish(child);
    assert_eq!(code, 130, "{stderr}");
    assert_eq!(s["interrupted"], true, "{s}");
    assert_accounted(&s);
    let programmed = s["programmed"].as_u64().unwrap();
    assert!(programmed > 0 && programmed < 300_000, "{s}");
    assert_eq!(s["unknown"], 0, "replies in flight were waited for: {s}");
    assert_eq!(
        count_in(&sim, "7") as u64,
        programmed,
        "the FIB matches the summary"
    );
}

/// A table VPP lacks: one line per table, with its line count and the hint; nothing sent.
#[test]
fn a_missing_table_is_reported_once_and_nothing_is_sent() {
    let sim = Sim::start();
    let path = sim.dir.path().join("tables.csv");
    let mut text = String::from("prefix,next_hop,interface,table\n10.1.0.0/16,192.0.2.1,,0\n");
    for i in 0..2000u32 {
        let a = std::net::Ipv4Addr::from(0x0b00_0000 + i);
        text.push_str(&format!("{a}/32,192.0.2.1,,7\n"));
    }
    std::fs::write(&path, text).unwrap();
    let r = sim.vppx(&["route", "load", path.to_str().unwrap()]).code(2);
    let about: Vec<&str> = r.stderr.lines().filter(|l| l.contains("table 7")).collect();
    assert_eq!(about.len(), 1, "{}", r.stderr);
    assert!(
        about[0].contains("2,000 lines") && about[0].contains("--create-tables"),
        "{}",
        about[0]
    );
    assert!(r.stderr.lines().count() <= 3, "{}", r.stderr);
    let all = sim
        .vppx(&["--json", "route", "list", "--prefix", "10.1.0.0/16"])
        .ok()
        .json();
    assert!(all.as_array().unwrap().is_empty(), "nothing was programmed");
}

/// The file truncated while loading: nothing more is sent, exit 2 with the summary.
#[test]
fn a_file_truncated_while_loading_stops_the_load() {
    let sim = Sim::start();
    let file = route_file(&sim, "shrinking.csv", 300_000, 7);
    let mut child = start_load(&sim, &["--create-tables", &file]);
    wait_for_routes(&sim, &mut child);
    std::fs::OpenOptions::new()
        .write(true)
        .open(&file)
        .unwrap()
        .set_len(1000)
        .unwrap();
    let (code, s, stderr) = finish(child);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("changed while loading"), "{stderr}");
    assert_eq!(s["file_changed"], true, "{s}");
    assert_accounted(&s);
    let programmed = s["programmed"].as_u64().unwrap();
    assert!(programmed < 300_000, "{s}");
    assert_eq!(
        count_in(&sim, "7") as u64,
        programmed,
        "the FIB matches the summary"
    );
}

fn serve(sim: &Sim) -> Serve {
    let s = Serve::start(sim.dir.path(), &[]);
    super::serve::wait_status(&s, "/readyz", 200, Duration::from_secs(15));
    s
}

/// The same route in both edges: the same path grammar (`DROP` in any case), the same
/// bad path and the same missing table, with the same words.
#[test]
fn the_cli_and_the_agent_agree_on_routes() {
    let sim = Sim::start();
    let s = serve(&sim);
    let post = |body: &str| serve::post(&s, "/routes", body, Some(TOKEN));

    // `DROP` is the drop keyword everywhere.
    sim.vppx(&["route", "add", "10.61.0.0/16", "DROP"]).ok();
    post(r#"{"prefix":"10.62.0.0/16","next_hop":"DROP"}"#).status(201);
    let file = sim.dir.path().join("drop.csv");
    std::fs::write(&file, "10.63.0.0/16,DROP\n").unwrap();
    sim.vppx(&["route", "load", file.to_str().unwrap()]).ok();
    let all = sim.vppx(&["--json", "route", "list"]).ok().json();
    for p in ["10.61.0.0/16", "10.62.0.0/16", "10.63.0.0/16"] {
        let r = all
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["prefix"] == p)
            .unwrap_or_else(|| panic!("{p} missing"));
        assert_eq!(r["paths"][0]["type"], "drop", "{r}");
    }

    // A bad path: exit 2 and 400, naming the same problem.
    let cli = sim
        .vppx(&["route", "add", "10.64.0.0/16", "via", "2001:db8::1"])
        .code(2);
    let http = post(r#"{"prefix":"10.64.0.0/16","next_hop":"2001:db8::1"}"#)
        .status(400)
        .json();
    let why = "next hop 2001:db8::1 is IPv6 but prefix 10.64.0.0/16 is IPv4";
    assert!(cli.stderr.contains(why), "{}", cli.stderr);
    assert!(http["detail"].as_str().unwrap().contains(why), "{http}");

    // A missing table: exit 2 and 400, naming the table.
    let cli = sim
        .vppx(&["route", "add", "10.65.0.0/16", "drop", "table", "8"])
        .code(2);
    let http = post(r#"{"prefix":"10.65.0.0/16","next_hop":"drop","table":8}"#)
        .status(400)
        .json();
    let why = "table 8 (ipv4) does not exist in VPP";
    assert!(cli.stderr.contains(why), "{}", cli.stderr);
    assert!(http["detail"].as_str().unwrap().contains(why), "{http}");
}

/// A load that would exhaust VPP's 32 MiB stats segment (40 B a route, twice that while
/// the counter vectors double) is refused before anything is sent, naming the heap, the
/// numbers and the startup.conf setting; the simulator stays up.
#[test]
fn the_capacity_guard_refuses_a_load_that_would_exhaust_the_stats_segment() {
    let sim = Sim::start();
    let file = route_file(&sim, "huge.csv", 400_000, 0);
    let stats = sim.dir.path().join("stats.sock");
    let r = sim
        .vppx(&[
            "--stats-socket",
            stats.to_str().unwrap(),
            "route",
            "load",
            &file,
        ])
        .code(1);
    for part in [
        "stat segment",
        "free of 32.0 MiB",
        "400000 new routes",
        "statseg { size }",
        "--force",
    ] {
        assert!(r.stderr.contains(part), "{part} missing:\n{}", r.stderr);
    }
    assert_eq!(count_in(&sim, "0"), 0, "nothing was sent");
    sim.vppx(&["version"]).ok();
}
