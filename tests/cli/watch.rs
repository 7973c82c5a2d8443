//! `vppx watch`: events from other clients, `--until`, restarts, two watchers.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use serde_json::Value;

use crate::harness::{Sim, VPPX};

/// A running `vppx --json watch ...`, its lines arriving on a channel.
pub(crate) struct Watch {
    child: Child,
    lines: Receiver<Value>,
}

impl Watch {
    pub(crate) fn start(socket: &std::path::Path, args: &[&str]) -> Watch {
        let mut child = Command::new(VPPX)
            .arg("--socket")
            .arg(socket)
            .args(["--json", "watch"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start vppx watch");
        let out = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines() {
                let Ok(line) = line else { break };
                let v: Value = serde_json::from_str(&line)
                    .unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
                if tx.send(v).is_err() {
                    break;
                }
            }
        });
        Watch { child, lines: rx }
    }

    /// The next line, within a few seconds.
    pub(crate) fn next(&self) -> Value {
        self.lines
            .recv_timeout(Duration::from_secs(10))
            .expect("a watch line within 10s")
    }

    /// Skips lines until one of `event` kind arrives.
    pub(crate) fn next_event(&self, event: &str) -> Value {
        loop {
            let v = self.next();
            if v["event"] == event {
                return v;
            }
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn admin_and_link_changes_by_another_client_are_streamed() {
    let sim = Sim::start();
    let w = Watch::start(&sim.socket(), &["--iface", "pg0"]);
    let first = w.next();
    assert_eq!(first["event"], "initial");
    assert_eq!(first["name"], "pg0");
    assert!(first["timestamp"].as_str().unwrap().contains('T'));
    sim.vppx(&["iface", "up", "pg0"]).ok();
    let up = w.next_event("change");
    assert_eq!(
        (up["name"].as_str(), up["admin_up"].as_bool()),
        (Some("pg0"), Some(true))
    );
    sim.vppx(&["cli", "sim link pg0 down"]).ok();
    let down = w.next_event("change");
    assert_eq!(down["link_up"], false);
    assert_eq!(down["admin_up"], true);
    // pg1 is not watched: its change does not show, pg0's next one does.
    sim.vppx(&["iface", "up", "pg1"]).ok();
    sim.vppx(&["iface", "down", "pg0"]).ok();
    let next = w.next_event("change");
    assert_eq!(next["name"], "pg0");
    assert_eq!(next["admin_up"], false);
}

#[test]
fn count_stops_after_n_events() {
    let sim = Sim::start();
    let socket = sim.socket();
    let handle = std::thread::spawn(move || {
        crate::harness::run_vppx(&socket, &["--json", "watch", "--count", "2"])
    });
    std::thread::sleep(Duration::from_millis(500));
    sim.vppx(&["iface", "up", "pg0"]).ok();
    sim.vppx(&["iface", "up", "pg1"]).ok();
    let r = handle.join().unwrap().ok();
    let changes = r
        .stdout
        .lines()
        .filter(|l| l.contains("\"change\""))
        .count();
    assert_eq!(changes, 2, "{}", r.stdout);
}

#[test]
fn until_returns_0_when_reached_and_at_once_when_already_true() {
    let sim = Sim::start();
    sim.vppx(&["iface", "up", "pg1"]).ok();
    // Already up: returns at once.
    sim.vppx(&[
        "watch",
        "--until",
        "up",
        "--iface",
        "pg1",
        "--timeout",
        "5s",
    ])
    .ok();
    let socket = sim.socket();
    let handle = std::thread::spawn(move || {
        crate::harness::run_vppx(
            &socket,
            &[
                "watch",
                "--until",
                "up",
                "--iface",
                "pg0",
                "--timeout",
                "20s",
            ],
        )
    });
    std::thread::sleep(Duration::from_millis(500));
    sim.vppx(&["iface", "up", "pg0"]).ok();
    handle.join().unwrap().ok();
}

#[test]
fn until_times_out_with_exit_4() {
    let sim = Sim::start();
    let r = sim
        .vppx(&[
            "watch",
            "--until",
            "up",
            "--iface",
            "pg0",
            "--timeout",
            "500ms",
        ])
        .code(4);
    assert!(r.stderr.contains("pg0"), "{}", r.stderr);
}

#[test]
fn deletion_is_reported() {
    let sim = Sim::start();
    sim.vppx(&["iface", "create", "loopback"]).ok();
    let w = Watch::start(&sim.socket(), &[]);
    // The watch is subscribed once it has printed its initial state.
    while w.next_event("initial")["name"] != "loop0" {}
    sim.vppx(&["iface", "delete", "loop0"]).ok();
    let ev = loop {
        let v = w.next_event("change");
        if v["deleted"] == true {
            break v;
        }
    };
    assert_eq!(ev["name"], "loop0");
}

#[test]
fn two_watchers_see_the_same_events() {
    let sim = Sim::start();
    let a = Watch::start(&sim.socket(), &["--iface", "pg0"]);
    let b = Watch::start(&sim.socket(), &["--iface", "pg0"]);
    a.next_event("initial");
    b.next_event("initial");
    sim.vppx(&["iface", "up", "pg0"]).ok();
    sim.vppx(&["iface", "down", "pg0"]).ok();
    for w in [&a, &b] {
        assert_eq!(w.next_event("change")["admin_up"], true);
        assert_eq!(w.next_event("change")["admin_up"], false);
    }
}

#[test]
fn survives_a_simulator_restart_and_resyncs() {
    let sim = Sim::start();
    let w = Watch::start(&sim.socket(), &["--iface", "pg0"]);
    assert_eq!(w.next_event("initial")["admin_up"], false);
    // Stop the simulator; start a new one on the same socket in which pg0 is up
    // (a change made while the watcher was disconnected).
    let dir = sim.stop();
    w.next_event("disconnected");
    let sim2 = Sim::start_in(dir);
    sim2.vppx(&["iface", "up", "pg0"]).ok();
    w.next_event("reconnected");
    let mut saw_up = false;
    for _ in 0..4 {
        let v = w.next();
        if v["name"] == "pg0"
            && v["admin_up"] == true
            && (v["event"] == "resync" || v["event"] == "change")
        {
            saw_up = true;
            break;
        }
    }
    assert!(saw_up, "the change made across the restart was reported");
}

#[test]
fn ctrl_c_ends_the_watch_cleanly() {
    let sim = Sim::start();
    let mut w = Watch::start(&sim.socket(), &[]);
    w.next_event("initial");
    let pid = w.child.id().to_string();
    let sent = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(sent.success());
    let status = w.child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "Ctrl-C exits 0");
    // The simulator is still fine for the next client.
    sim.vppx(&["iface", "list"]).ok();
}
