//! The capacity guard of `vppx route load` against a simulator whose heaps are small: a
//! load that would exhaust one is refused and the simulator lives; forced, it kills the
//! simulator (as it kills VPP) and vppx accounts for every route; a heap that another
//! client runs low while loading stops the load cleanly.

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::common;
use crate::harness::{Sim, VPPX};

/// A file of `n` /32 routes in table 0 from `first` up.
fn routes(sim: &Sim, name: &str, first: u32, n: u32) -> String {
    let path = sim.dir.path().join(name);
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(f, "prefix,next_hop,interface,table").unwrap();
    for i in 0..n {
        writeln!(f, "{}/32,192.0.2.1,,0", std::net::Ipv4Addr::from(first + i)).unwrap();
    }
    drop(f);
    path.to_str().unwrap().to_string()
}

fn stats_socket(sim: &Sim) -> String {
    sim.dir
        .path()
        .join("stats.sock")
        .to_str()
        .unwrap()
        .to_string()
}

/// `vppx --stats-socket S ARGS`.
fn with_stats(sim: &Sim, args: &[&str]) -> crate::harness::Run {
    let stats = stats_socket(sim);
    let mut all = vec!["--stats-socket", stats.as_str()];
    all.extend_from_slice(args);
    sim.vppx(&all)
}

/// The routes table 0 holds in 10.0.0.0/8 and 20.0.0.0/8, as the simulator says (which
/// answers a dump whole: a debug build on a busy machine may take seconds).
fn loaded(sim: &Sim) -> usize {
    sim.vppx(&[
        "--api-timeout",
        "60s",
        "--json",
        "route",
        "list",
        "--table",
        "0",
    ])
    .ok()
    .json()
    .as_array()
    .unwrap()
    .iter()
    .filter(|r| {
        let p = r["prefix"].as_str().unwrap();
        (p.starts_with("10.") || p.starts_with("20.")) && p.ends_with("/32")
    })
    .count()
}

fn n(s: &Value, k: &str) -> u64 {
    s[k].as_u64().unwrap_or_else(|| panic!("{k} in {s}"))
}

fn assert_accounted(s: &Value) {
    assert_eq!(
        n(s, "programmed") + n(s, "failed") + n(s, "unknown") + n(s, "not_sent"),
        n(s, "requested"),
        "every route accounted for: {s}"
    );
}

/// A 4 MiB stats segment (small, so the test is quick: the same holds for VPP's default
/// 32 MiB at ~400k routes) cannot take 100,000 routes: the guard refuses them, naming the
/// heap, its numbers and the setting, and the simulator lives. Forced, the load kills the
/// simulator when its counter vectors double, and vppx reports what it cannot know
/// (`unknown`) and what it never sent (`not_sent`), exit 3.
#[test]
fn the_guard_refuses_what_would_kill_vpp_and_force_kills_it() {
    let mut sim = Sim::start_with(&["--interfaces", "pg0,pg1", "--statseg-size", "4M"]);
    let file = routes(&sim, "many.csv", 0x0a00_0000, 100_000);
    let r = with_stats(&sim, &["route", "load", &file]).code(1);
    for part in [
        "stat segment",
        "free of 4.0 MiB",
        "100000 new routes need about 7.6 MiB",
        "statseg { size }",
        "--force",
        "nothing was sent",
    ] {
        assert!(r.stderr.contains(part), "{part} missing:\n{}", r.stderr);
    }
    assert_eq!(loaded(&sim), 0, "nothing was sent");
    sim.vppx(&["version"]).ok();

    let r = with_stats(&sim, &["--json", "route", "load", "--force", &file]).code(3);
    let s = r.json();
    assert_accounted(&s);
    assert!(n(&s, "programmed") > 0, "{s}");
    assert!(n(&s, "unknown") + n(&s, "not_sent") > 0, "{s}");
    assert!(n(&s, "programmed") < 100_000, "{s}");
    let (code, stderr) = sim.wait_exit(Duration::from_secs(10));
    assert_ne!(code, 0, "{stderr}");
    assert!(
        stderr.contains("stat segment is exhausted") && stderr.contains("statseg { size }"),
        "{stderr}"
    );
    // Dead: nothing answers on its socket any more.
    sim.vppx(&["--api-timeout", "2s", "version"]).code(3);
}

fn signal(pid: u32, sig: &str) {
    let ok = Command::new("kill")
        .args([sig, &pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill {sig} {pid}");
}

/// The free bytes of the simulator's main heap, from its `/mem/` gauge.
fn main_heap_free(sim: &Sim) -> u64 {
    let heaps = with_stats(sim, &["--json", "stats", "memory"]).ok().json();
    let main = heaps
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["name"] == "main heap")
        .expect("main heap gauge")
        .clone();
    n(&main, "free")
}

/// A load the guard let through stops cleanly when another client runs the main heap under
/// its floor (1/16 of the heap): summary with `low_memory`, every route accounted for, exit
/// 1 naming the heap and the setting; the simulator lives.
#[test]
fn a_heap_run_low_by_another_client_stops_the_load() {
    const SLOW: u32 = 60_000;
    // 64 MiB: ~33.9 MiB free when idle, a floor of 4 MiB.
    let sim = Sim::start_with(&["--interfaces", "pg0,pg1", "--heap-size", "64M"]);
    let file = routes(&sim, "slow.csv", 0x0a00_0000, SLOW);
    let stats = stats_socket(&sim);
    let mut slow: Child = Command::new(VPPX)
        .arg("--socket")
        .arg(sim.socket())
        .args(["--stats-socket", &stats])
        .args([
            "--json",
            "route",
            "load",
            "--connections",
            "1",
            "--window",
            "1",
        ])
        .arg(&file)
        .env_remove("VPPX_SOCKET")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start vppx route load");
    common::poll_until(Duration::from_secs(60), "the load starts", || {
        assert!(slow.try_wait().unwrap().is_none(), "the load ended early");
        match loaded(&sim) {
            0 => Err("no route loaded yet".to_string()),
            _ => Ok(()),
        }
    });
    // Held still while another client loads the same routes and more, taking the heap
    // down to 2 MiB free: what the slow load sends from then on takes no more memory (the
    // routes are there), so only its reading of the gauges can stop it.
    signal(slow.id(), "-STOP");
    let done = loaded(&sim) as u64;
    let extra = (main_heap_free(&sim) - (2 << 20)) / 350 - (u64::from(SLOW) - done);
    let other = routes(&sim, "other.csv", 0x0a00_0000, SLOW + extra as u32);
    with_stats(&sim, &["route", "load", "--force", &other]).ok();
    let free = main_heap_free(&sim);
    assert!(free > 0 && free < 4 << 20, "under the floor: {free}");
    signal(slow.id(), "-CONT");
    let out = slow.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let s: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}); stderr:\n{stderr}"));
    assert_accounted(&s);
    assert_eq!(s["low_memory"], true, "{s}");
    assert!(n(&s, "not_sent") > 0, "{s}");
    for part in ["main heap", "memory { main-heap-size }", "routes not sent"] {
        assert!(stderr.contains(part), "{part} missing:\n{stderr}");
    }
    // Alive, and holding what the two loads programmed.
    assert_eq!(loaded(&sim) as u64, u64::from(SLOW) + extra);
}
