//! `vppx completions --dynamic`: a real bash loads the script and completes
//! with live values from the simulator, and with none when VPP is away.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use crate::common;
use crate::harness::{Sim, VPPX};

/// How long a completion may take before the test calls it hung. A bound on the wait,
/// not a measure: a TAB that gives up on VPP finishes far inside it.
const HUNG: Duration = Duration::from_secs(60);

/// Completes `words` (TAB after the last) in a bash that sourced
/// `vppx completions --dynamic bash`, with `socket` as VPPX_SOCKET; fails the test if
/// bash has not finished within [`HUNG`].
fn complete(socket: &Path, words: &[&str]) -> (Vec<String>, String) {
    let bin_dir = Path::new(VPPX).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let socket = socket.to_path_buf();
    let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let got = common::bash_complete(
            "source <(vppx completions --dynamic bash)",
            &words,
            &[("PATH", path.as_ref()), ("VPPX_SOCKET", socket.as_os_str())],
        );
        let _ = tx.send(got);
    });
    rx.recv_timeout(HUNG)
        .unwrap_or_else(|_| panic!("completion did not finish within {HUNG:?}"))
        .expect("bash runs")
}

/// The candidates that are not flags.
fn values(got: &[String]) -> Vec<&str> {
    got.iter()
        .map(String::as_str)
        .filter(|c| !c.starts_with('-'))
        .collect()
}

#[test]
fn dynamic_completion_offers_the_running_vpps_interfaces_and_messages() {
    let sim = Sim::start();
    let s = sim.socket();
    // An empty word: the flags, and the interfaces.
    let (got, _) = complete(&s, &["vppx", "iface", "up", ""]);
    assert_eq!(values(&got), ["local0", "pg0", "pg1"]);
    assert!(got.contains(&"--socket".to_string()), "{got:?}");
    assert_eq!(
        complete(&s, &["vppx", "iface", "addr", "add", "p"]).0,
        ["pg0", "pg1"]
    );
    assert_eq!(
        complete(&s, &["vppx", "watch", "--iface", "pg"]).0,
        ["pg0", "pg1"]
    );
    sim.vppx(&["iface", "create", "loopback"]).ok();
    assert_eq!(
        complete(&s, &["vppx", "iface", "show", "lo"]).0,
        ["local0", "loop0"]
    );
    // Requests only: no _reply, _details or events.
    assert_eq!(
        complete(&s, &["vppx", "api", "call", "sw_interface_d"]).0,
        ["sw_interface_dump"]
    );
    let (got, _) = complete(&s, &["vppx", "api", "call", ""]);
    let all = values(&got);
    assert!(all.contains(&"show_version"), "{all:?}");
    assert!(!all.iter().any(|m| m.ends_with("_reply")), "{all:?}");
    // What the static scripts complete still completes.
    assert_eq!(complete(&s, &["vppx", "ro"]).0, ["route"]);
    assert_eq!(complete(&s, &["vppx", "route", "l"]).0, ["list", "load"]);
}

#[test]
fn dynamic_completion_is_silently_empty_without_vpp() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("no-vpp.sock");
    let (got, err) = complete(&gone, &["vppx", "iface", "up", ""]);
    assert!(values(&got).is_empty(), "{got:?}");
    assert!(got.contains(&"--socket".to_string()), "{got:?}");
    assert!(err.is_empty(), "{err}");
    let (got, err) = complete(&gone, &["vppx", "api", "call", "sh"]);
    assert!(got.is_empty(), "{got:?}");
    assert!(err.is_empty(), "{err}");
    // A socket that takes connections and never answers: the completion asked it,
    // gave up (finished at all, see `complete`) and offered no values.
    let mute = dir.path().join("mute.sock");
    let listener = std::os::unix::net::UnixListener::bind(&mute).unwrap();
    let (got, err) = complete(&mute, &["vppx", "iface", "up", ""]);
    assert!(values(&got).is_empty(), "{got:?}");
    assert!(got.contains(&"--socket".to_string()), "{got:?}");
    assert!(err.is_empty(), "{err}");
    // Connections the client made (and closed) wait in the backlog until accepted.
    listener.set_nonblocking(true).unwrap();
    let asked = std::iter::from_fn(|| listener.accept().ok()).count();
    assert!(
        asked >= 1,
        "the completion never connected to {}",
        mute.display()
    );
}
