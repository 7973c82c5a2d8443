//! `vppx completions --dynamic`: a real bash loads the script and completes
//! with live values from the simulator, and with none when VPP is away.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common;
use crate::harness::{Sim, VPPX};

/// Completes `words` (TAB after the last) in a bash that sourced
/// `vppx completions --dynamic bash`, with `socket` as VPPX_SOCKET.
fn complete(socket: &Path, words: &[&str]) -> (Vec<String>, String) {
    let bin_dir = Path::new(VPPX).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    common::bash_complete(
        "source <(vppx completions --dynamic bash)",
        words,
        &[("PATH", path.as_ref()), ("VPPX_SOCKET", socket.as_os_str())],
    )
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
    let started = Instant::now();
    let (got, err) = complete(&gone, &["vppx", "iface", "up", ""]);
    assert!(values(&got).is_empty(), "{got:?}");
    assert!(got.contains(&"--socket".to_string()), "{got:?}");
    assert!(err.is_empty(), "{err}");
    let (got, err) = complete(&gone, &["vppx", "api", "call", "sh"]);
    assert!(got.is_empty(), "{got:?}");
    assert!(err.is_empty(), "{err}");
    assert!(started.elapsed() < Duration::from_secs(5));
    // A socket nobody answers on: given up after a short wait.
    let listener = std::os::unix::net::UnixListener::bind(dir.path().join("mute.sock")).unwrap();
    let started = Instant::now();
    let (got, _) = complete(&dir.path().join("mute.sock"), &["vppx", "iface", "up", ""]);
    assert!(values(&got).is_empty(), "{got:?}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    drop(listener);
}
