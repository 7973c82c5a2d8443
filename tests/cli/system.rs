//! `vppx version`, `vppx cli`, `--sim`, and what happens without a VPP.

use crate::harness::{run_bare, Sim};

#[test]
fn version_reports_vpp_and_binding_matches() {
    let sim = Sim::start();
    let v = sim.vppx(&["--json", "version"]).ok().json();
    assert_eq!(v["vpp_program"], "vpe");
    assert!(v["vpp_version"].as_str().is_some_and(|s| !s.is_empty()));
    let total = v["bindings_total"].as_u64().unwrap();
    let matched = v["bindings_matched"].as_u64().unwrap();
    assert!(total > 300, "{v}");
    assert_eq!(
        matched, total,
        "the simulator implements the table of every binding: {v}"
    );
    let table = sim.vppx(&["version"]).ok().stdout;
    assert!(table.contains("bindings this VPP matches"), "{table}");
}

#[test]
fn cli_passes_text_through_verbatim() {
    let sim = Sim::start();
    let r = sim.vppx(&["cli", "show", "version"]).ok();
    assert!(r.stdout.starts_with("vpp v"), "{}", r.stdout);
    assert!(r.stdout.ends_with('\n'));
    let r = sim.vppx(&["cli", "show interface"]).ok();
    assert!(r.stdout.contains("local0"), "{}", r.stdout);
    assert!(r.stdout.contains("pg1"), "{}", r.stdout);
}

#[test]
fn cli_refused_command_exits_1_with_vpps_message() {
    let sim = Sim::start();
    let r = sim.vppx(&["cli", "show nosuchthing"]).code(1);
    assert!(
        r.stderr.contains("unknown input `nosuchthing'"),
        "{}",
        r.stderr
    );
}

#[test]
fn no_socket_exits_3_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.sock");
    let r = run_bare(
        &["--socket", missing.to_str().unwrap(), "iface", "list"],
        &[],
    )
    .code(3);
    assert!(r.stderr.contains("nope.sock"), "{}", r.stderr);
    assert!(r.stderr.contains("--sim"), "{}", r.stderr);
}

#[test]
fn socket_comes_from_the_environment() {
    let sim = Sim::start();
    let socket = sim.socket();
    let r = run_bare(
        &["--json", "iface", "list"],
        &[("VPPX_SOCKET", socket.to_str().unwrap())],
    )
    .ok();
    assert!(
        r.json().as_array().is_some_and(|a| a.len() == 3),
        "{}",
        r.stdout
    );
}

#[test]
fn embedded_simulator_runs_a_command_without_vpp() {
    let r = run_bare(&["--sim", "--json", "iface", "list"], &[]).ok();
    let names: Vec<String> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["local0", "pg0", "pg1"]);
}

#[test]
fn bad_flags_exit_2() {
    run_bare(&["iface", "list", "--no-such-flag"], &[]).code(2);
    run_bare(&["--api-timeout", "soon", "version"], &[]).code(2);
}

/// A VPP whose main thread is stuck stops accepting: its listener's backlog fills. Every
/// command must still give up within `--api-timeout` (+1 s), with exit 3 naming the
/// socket — connect included, not only the handshake.
#[test]
fn a_listener_that_never_accepts_times_out_every_command() {
    use rustix::net::{bind, listen, socket_with, AddressFamily, SocketAddrUnix};
    use rustix::net::{SocketFlags, SocketType};
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stuck.sock");
    let listener = socket_with(
        AddressFamily::UNIX,
        SocketType::STREAM,
        SocketFlags::CLOEXEC,
        None,
    )
    .unwrap();
    bind(&listener, &SocketAddrUnix::new(&path).unwrap()).unwrap();
    listen(&listener, 0).unwrap();
    // Fill the backlog, as the first of several clients of a stuck VPP would.
    let _first = std::os::unix::net::UnixStream::connect(&path).unwrap();

    let start = Instant::now();
    let mut children: Vec<_> = (0..3)
        .map(|_| {
            Command::new(crate::harness::VPPX)
                .args(["--api-timeout", "1s", "--socket"])
                .arg(&path)
                .arg("version")
                .env_remove("VPPX_SOCKET")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    // Generous: a hung command is killed rather than hanging the test run.
    let give_up = start + Duration::from_secs(15);
    let mut codes = Vec::new();
    for child in &mut children {
        let code = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status.code();
            }
            if Instant::now() > give_up {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut err = String::new();
        if let Some(mut s) = child.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut s, &mut err);
        }
        codes.push((code, start.elapsed(), err));
    }
    for (code, elapsed, err) in &codes {
        assert_eq!(*code, Some(3), "{codes:?}");
        assert!(*elapsed < Duration::from_secs(2), "{codes:?}");
        assert!(err.contains("stuck.sock"), "{err}");
    }
}

/// `vppx sim` on paths a live server holds, run for at most a few seconds: its exit code
/// (`None` if it was still serving) and stderr.
fn sim_on(api: &std::path::Path, stats: &std::path::Path) -> (Option<i32>, String) {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let mut child = Command::new(crate::harness::VPPX)
        .arg("sim")
        .arg("--socket")
        .arg(api)
        .arg("--stats-socket")
        .arg(stats)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    let code = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut err = String::new();
    let _ = std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err);
    (code, err)
}

/// A second `vppx sim` on a live server's API or stats path is refused (exit 3, "in use")
/// before it removes or binds either path: the live server's sockets keep working.
#[test]
fn sim_never_takes_a_live_servers_sockets() {
    let live = Sim::start();
    let api = live.socket();
    let stats = live.dir.path().join("stats.sock");
    let other = tempfile::tempdir().unwrap();
    let stats_works = || {
        run_bare(
            &[
                "--socket",
                api.to_str().unwrap(),
                "--stats-socket",
                stats.to_str().unwrap(),
                "--json",
                "stats",
            ],
            &[],
        )
        .ok();
    };

    // The stats path is live, the API path is free.
    let (code, err) = sim_on(&other.path().join("api.sock"), &stats);
    assert_eq!(code, Some(3), "{err}");
    assert!(
        err.contains("stats.sock") && err.contains("in use"),
        "{err}"
    );
    stats_works();

    // The API path is live, the stats path is free: the stats path of the live one is
    // not touched either (it is checked first), and the API keeps answering.
    let (code, err) = sim_on(&api, &stats);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("api.sock") && err.contains("in use"), "{err}");
    stats_works();
    live.vppx(&["version"]).ok();
}
