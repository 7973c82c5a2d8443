//! FD.io's own Python client (vpp_papi) against the simulator, unchanged:
//! `tests/py/sim_conformance.py` runs a session and checks every answer.

mod common;

use std::process::Command;

use vppx::sim::{SimConfig, Simulator};

#[test]
fn vpp_papi_session_against_the_simulator() {
    let Some(python) = common::python_with("vpp_papi") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let sock = dir.path().join("api.sock");
    let sim = Simulator::start(SimConfig {
        socket: sock.clone(),
        stats_socket: None,
        interfaces: vec!["pg0".into(), "pg1".into()],
        ..Default::default()
    })
    .unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/py/sim_conformance.py");
    let out = Command::new(python)
        .arg(script)
        .arg(&sock)
        .arg(common::vpp_api_dir())
        .output()
        .unwrap();
    sim.stop();
    assert!(
        out.status.success(),
        "sim_conformance.py failed ({}):\n{}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!sock.exists(), "stop() leaves no socket file");
}
