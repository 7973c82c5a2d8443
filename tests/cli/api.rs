//! `vppx api`: calls against the simulator, with FD.io's vpp_papi as referee
//! where it can be one; schemas from get_api_json, the cache, `--schema`.
//!
//! One file, past 600 lines: `vppx api`'s tests share one vpp_papi referee and one schema
//! set-up.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc::channel;
use std::time::Duration;

use serde_json::{json, Value};

use crate::harness::{Run, Sim, VPPX};

/// `vppx --socket <sim> api ...` with a private cache directory.
fn api(sim: &Sim, args: &[&str]) -> Run {
    let out = Command::new(VPPX)
        .arg("--socket")
        .arg(sim.socket())
        .arg("api")
        .args(args)
        .env("XDG_CACHE_HOME", sim.dir.path().join("cache"))
        .env_remove("VPPX_SOCKET")
        .stdin(Stdio::null())
        .output()
        .expect("run vppx");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// vpp_papi's answer to `msg(args)` against the simulator, or `None` (skip).
fn papi(sim: &Sim, msg: &str, args: Value) -> Option<Value> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py/papi_call.py");
    let out = match Command::new("python3")
        .arg(script)
        .arg(crate::common::vpp_api_dir())
        .arg(sim.socket())
        .arg(msg)
        .arg(args.to_string())
        .output()
    {
        Ok(o) => o,
        Err(e) => return crate::common::skip(&format!("python3 not runnable: {e}")),
    };
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        if err.contains("No module named 'vpp_papi'") {
            return crate::common::skip("vpp_papi is not installed");
        }
        panic!("papi_call.py {msg} failed:\n{err}");
    }
    Some(serde_json::from_slice(&out.stdout).expect("papi_call.py prints JSON"))
}

/// Drops vppx's bookkeeping fields, as papi_call.py does.
fn strip(v: &Value) -> Value {
    match v {
        Value::Object(o) => Value::Object(
            o.iter()
                .filter(|(k, _)| *k != "context" && *k != "client_index")
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(strip).collect()),
        other => other.clone(),
    }
}

#[test]
fn a_request_and_a_dump_answer_as_vpp_papi_sees_them() {
    let sim = Sim::start();
    let set = api(
        &sim,
        &[
            "call",
            "sw_interface_set_flags",
            r#"{"sw_if_index": 1, "flags": "IF_STATUS_API_FLAG_ADMIN_UP"}"#,
        ],
    )
    .ok()
    .json();
    assert_eq!(set["retval"], json!(0));

    let dump = api(&sim, &["call", "sw_interface_dump", "{}"]).ok().json();
    let names: Vec<&str> = dump
        .as_array()
        .expect("a dump prints an array")
        .iter()
        .filter_map(|d| d["interface_name"].as_str())
        .collect();
    assert!(
        names.contains(&"pg0") && names.contains(&"pg1"),
        "{names:?}"
    );
    let pg1 = dump
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["sw_if_index"] == json!(1))
        .expect("sw_if_index 1");
    assert_eq!(pg1["flags"].as_u64().unwrap() & 1, 1, "admin up: {pg1}");

    // The referee: vpp_papi reads the same interfaces with the same values.
    let Some(theirs) = papi(&sim, "sw_interface_dump", json!({})) else {
        return;
    };
    let pick = |v: &Value| -> Vec<Value> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|d| {
                json!([
                    d["sw_if_index"],
                    d["interface_name"],
                    d["flags"],
                    d["l2_address"],
                    d["link_mtu"]
                ])
            })
            .collect()
    };
    assert_eq!(pick(&dump), pick(&theirs));
    let ours = strip(&api(&sim, &["call", "show_version"]).ok().json());
    let theirs = papi(&sim, "show_version", json!({})).expect("papi ran before");
    assert_eq!(ours["version"], theirs["version"]);
    assert_eq!(ours["program"], theirs["program"]);
}

#[test]
fn a_get_stream_answering_eagain_is_continued_from_its_cursor() {
    let sim = Sim::start();
    // The simulator answers two interfaces a call, then EAGAIN with a cursor.
    let all = api(
        &sim,
        &[
            "call",
            "sw_interface_tx_placement_get",
            r#"{"sw_if_index": 4294967295}"#,
        ],
    )
    .ok()
    .json();
    let indexes: Vec<&Value> = all
        .as_array()
        .expect("a get-stream prints an array")
        .iter()
        .map(|d| &d["sw_if_index"])
        .collect();
    assert_eq!(indexes, [&json!(0), &json!(1), &json!(2)], "{all}");
    // The referee: one call of vpp_papi gets the first batch and the EAGAIN.
    let Some(theirs) = papi(
        &sim,
        "sw_interface_tx_placement_get",
        json!({"cursor": 0, "sw_if_index": 4294967295u32}),
    ) else {
        return;
    };
    assert_eq!(theirs[0]["retval"], json!(-165), "{theirs}");
    assert_eq!(theirs[0]["cursor"], json!(2), "{theirs}");
    // vpp_papi shows the count field vppx leaves out (the array's length says it).
    let mut theirs = theirs[1].clone();
    for d in theirs.as_array_mut().expect("details") {
        let n = d.as_object_mut().unwrap().remove("array_size");
        assert_eq!(n, Some(json!(1)));
    }
    assert_eq!(theirs, strip(&json!(all.as_array().unwrap()[..2])));
}

#[test]
fn a_refused_request_exits_1_with_vpps_error_name() {
    let sim = Sim::start();
    let r = api(
        &sim,
        &["call", "sw_interface_set_flags", r#"{"sw_if_index": 99}"#],
    )
    .code(1);
    assert!(
        r.stderr.contains("VNET_API_ERROR_INVALID_SW_IF_INDEX (-2)"),
        "{}",
        r.stderr
    );
    assert_eq!(r.json()["retval"], json!(-2));
    if let Some(theirs) = papi(&sim, "sw_interface_set_flags", json!({"sw_if_index": 99})) {
        assert_eq!(theirs["retval"], json!(-2));
    }
}

#[test]
fn bad_requests_exit_2_naming_the_field_and_send_nothing() {
    let sim = Sim::start();
    for (req, field) in [
        (r#"{"sw_if_indx": 1}"#, "sw_if_indx"),
        (r#"{"sw_if_index": "one"}"#, "sw_if_index"),
        (r#"{"sw_if_index": 4294967296}"#, "sw_if_index"),
        (r#"{"flags": "BOGUS"}"#, "flags"),
    ] {
        let r = api(&sim, &["call", "sw_interface_set_flags", req]).code(2);
        assert!(r.stderr.contains(field), "{req}: {}", r.stderr);
    }
    api(&sim, &["call", "sw_interface_set_flags", "not json"]).code(2);
}

#[test]
fn endless_input_is_refused_past_its_bound() {
    // A request on stdin and a schema file, both /dev/zero: an error naming the bound,
    // not the machine's memory.
    let sim = Sim::start();
    let out = Command::new(VPPX)
        .arg("--socket")
        .arg(sim.socket())
        .args(["api", "call", "show_version", "-"])
        .env("XDG_CACHE_HOME", sim.dir.path().join("cache"))
        .env_remove("VPPX_SOCKET")
        .stdin(std::fs::File::open("/dev/zero").expect("/dev/zero"))
        .output()
        .expect("run vppx");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("cannot read stdin: larger than 64 MiB"),
        "{err}"
    );
    let r = api(&sim, &["--schema", "/dev/zero", "list"]).code(2);
    assert!(
        r.stderr.contains("/dev/zero: larger than 64 MiB"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_message_vpp_lacks_is_refused_before_sending() {
    let sim = Sim::start();
    let started = std::time::Instant::now();
    let r = api(&sim, &["--api-timeout", "30s", "call", "lb_conf", "{}"]).code(3);
    assert!(
        r.stderr.contains("this VPP has no message lb_conf"),
        "{}",
        r.stderr
    );
    // Refused, not timed out waiting for an answer that never comes.
    assert!(started.elapsed() < Duration::from_secs(15));
    assert!(!r.stderr.contains("hint: is VPP running"), "{}", r.stderr);
}

/// Lines of a child's stdout, as they come.
fn lines_of(child: &mut std::process::Child) -> std::sync::mpsc::Receiver<String> {
    let out = child.stdout.take().expect("piped stdout");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    rx
}

/// vpp_papi subscribed to `msg(args)`, printing events as they come; `None` (skip)
/// without it. Returns once its reply is in, so the subscription is live.
fn papi_events(
    sim: &Sim,
    msg: &str,
    args: Value,
) -> Option<(std::process::Child, std::sync::mpsc::Receiver<String>)> {
    let python = crate::common::python_with("vpp_papi")?;
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py/papi_call.py");
    let mut child = Command::new(python)
        .arg(script)
        .arg(crate::common::vpp_api_dir())
        .arg(sim.socket())
        .arg(msg)
        .arg(args.to_string())
        .args(["--events", "60"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start papi_call.py");
    let rx = lines_of(&mut child);
    let reply: Value = serde_json::from_str(
        &rx.recv_timeout(Duration::from_secs(20))
            .expect("papi_call.py prints its reply"),
    )
    .expect("JSON");
    assert_eq!(reply["retval"], json!(0), "{reply}");
    Some((child, rx))
}

#[test]
fn an_event_subscription_prints_events_as_ndjson_as_vpp_papi_decodes_them() {
    let sim = Sim::start();
    // The referee subscribes first, so it sees every event vppx can see.
    let mut referee = papi_events(&sim, "want_interface_events", json!({"enable_disable": 1}));
    let mut child = Command::new(VPPX)
        .arg("--socket")
        .arg(sim.socket())
        .args([
            "api",
            "call",
            "want_interface_events",
            r#"{"enable_disable": 1}"#,
            "--follow",
            "--count",
            "2",
        ])
        .env("XDG_CACHE_HOME", sim.dir.path().join("cache"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start vppx api call --follow");
    let rx = lines_of(&mut child);
    // vppx is subscribed once its reply is in, which it does not print: keep
    // changing pg0's state until two events show.
    let mut lines = Vec::new();
    for i in 0..100 {
        let state = if i % 2 == 0 { "up" } else { "down" };
        sim.vppx(&["iface", state, "pg0"]).ok();
        while let Ok(l) = rx.recv_timeout(Duration::from_millis(100)) {
            lines.push(l);
        }
        if lines.len() >= 2 {
            break;
        }
    }
    assert_eq!(lines.len(), 2, "--count 2 prints two lines: {lines:?}");
    let events: Vec<Value> = lines
        .iter()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    for ev in &events {
        // pg0 is sw_if_index 1 (local0 is 0).
        assert_eq!(ev["sw_if_index"], json!(1), "{ev}");
        assert_eq!(ev["deleted"], json!(false), "{ev}");
    }
    // Consecutive state changes: one event up, the next down (or the reverse).
    let admin = |ev: &Value| ev["flags"].as_u64().expect("flags is a number") & 1;
    assert_ne!(admin(&events[0]), admin(&events[1]), "{events:?}");
    let status = child.wait().expect("vppx exits after --count 2");
    assert!(status.success());

    let Some((mut papi, rx)) = referee.take() else {
        return;
    };
    std::thread::sleep(Duration::from_millis(300));
    drop(papi.stdin.take());
    let theirs: Vec<Value> = rx
        .iter()
        .map(|l| serde_json::from_str(&l).expect("papi prints JSON lines"))
        .map(|v: Value| strip_pid(&v))
        .collect();
    let _ = papi.wait();
    let ours: Vec<Value> = events.iter().map(|v| strip_pid(&strip(v))).collect();
    // vppx's two events are two consecutive ones of those vpp_papi decoded.
    assert!(
        theirs.windows(2).any(|w| w == ours.as_slice()),
        "vppx: {ours:?}\nvpp_papi: {theirs:?}"
    );
}

/// Without `pid`: each subscriber's events carry its own.
fn strip_pid(v: &Value) -> Value {
    let mut v = v.clone();
    if let Some(o) = v.as_object_mut() {
        o.remove("pid");
    }
    v
}

#[test]
fn the_schema_comes_from_vpp_and_is_cached_per_message_table() {
    let sim = Sim::start();
    let list = api(&sim, &["list", "^sw_interface_dump$", "--json"])
        .ok()
        .json();
    assert_eq!(
        list,
        json!([{"name": "sw_interface_dump", "crc": "0xaa610c27", "kind": "request",
                "module": "interface", "typed": "yes", "typed_crc": null}])
    );
    let cache = sim.dir.path().join("cache/vppx");
    let files: Vec<_> = std::fs::read_dir(&cache)
        .expect("a cache directory")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].starts_with("api-") && files[0].ends_with(".json"));
    // memclnt is known in advance though VPP leaves it out.
    let show = api(&sim, &["show", "control_ping", "--json"]).ok().json();
    assert_eq!(show["module"], json!("memclnt"));
    assert_eq!(show["reply"], json!("control_ping_reply"));
    // Fields with their types and declared defaults (VPP writes a bool's as "true").
    let show = api(&sim, &["show", "ip_route_add_del", "--json"])
        .ok()
        .json();
    let is_add = show["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == json!("is_add"))
        .expect("is_add");
    assert_eq!(is_add["type"], json!("bool"));
    assert_eq!(is_add["default"], json!(true));
    let dump = api(&sim, &["show", "sw_interface_dump", "--json"])
        .ok()
        .json();
    assert_eq!(dump["details"], json!("sw_interface_details"));
    assert_eq!(dump["dump"], json!(true));
    let text = api(&sim, &["show", "sw_interface_dump"]).ok().stdout;
    assert!(
        text.contains("details: sw_interface_details (until control_ping_reply)"),
        "{text}"
    );
    // Later calls read the cache: an edit to it shows (and a CRC that is not
    // the typed binding's is marked).
    let file = cache.join(&files[0]);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("0xaa610c27"));
    std::fs::write(&file, text.replace("0xaa610c27", "0x0badc0de")).unwrap();
    let list = api(&sim, &["list", "^sw_interface_dump$", "--json"])
        .ok()
        .json();
    assert_eq!(list[0]["crc"], json!("0x0badc0de"));
    assert_eq!(list[0]["typed"], json!("not_matching"));
    // Without it, VPP is asked again.
    std::fs::remove_file(&file).unwrap();
    let list = api(&sim, &["list", "^sw_interface_dump$", "--json"])
        .ok()
        .json();
    assert_eq!(list[0]["crc"], json!("0xaa610c27"));
    assert!(file.exists());
}

#[test]
fn a_schema_file_is_used_as_given_and_crc_mismatches_are_marked() {
    let raw = crate::common::golden("api/get_api_json.json");
    let mut modules: Value = serde_json::from_slice(&raw).expect("JSON");
    // Edit one message's CRC in a copy.
    let mut edited = false;
    for m in modules.as_array_mut().unwrap() {
        for msg in m["messages"].as_array_mut().unwrap() {
            if msg[0] == json!("sw_interface_dump") {
                let last = msg.as_array_mut().unwrap().last_mut().unwrap();
                last["crc"] = json!("0x12345678");
                edited = true;
            }
        }
    }
    assert!(edited);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("edited.json");
    std::fs::write(&file, modules.to_string()).unwrap();
    let file = file.to_str().unwrap();

    // Offline: no VPP needed for list and show.
    let sim = Sim::start();
    let list = api(
        &sim,
        &[
            "--schema",
            file,
            "list",
            "^sw_interface_(dump|details)$",
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(list[0]["name"], json!("sw_interface_details"));
    assert_eq!(list[0]["typed"], json!("yes"));
    assert_eq!(list[1]["name"], json!("sw_interface_dump"));
    assert_eq!(list[1]["crc"], json!("0x12345678"));
    assert_eq!(list[1]["typed"], json!("not_matching"));
    assert_eq!(list[1]["typed_crc"], json!("0xaa610c27"));
    let table = api(&sim, &["--schema", file, "list", "sw_interface_dump"]).ok();
    assert!(
        table.stdout.contains("not matching (typed 0xaa610c27)"),
        "{}",
        table.stdout
    );
    // Used as given: that version of the message is not the simulator's, so nothing is sent.
    let r = api(&sim, &["--schema", file, "call", "sw_interface_dump"]).code(3);
    assert!(
        r.stderr.contains("sw_interface_dump_12345678"),
        "{}",
        r.stderr
    );
    // A message of a plugin the simulator does not load, shown from the file.
    let show = api(
        &sim,
        &["--schema", file, "show", "acl_add_replace", "--json"],
    )
    .ok()
    .json();
    assert_eq!(show["reply"], json!("acl_add_replace_reply"));
}

/// The first SIGINT stops `api call --follow` cleanly: what was read is printed, a line on
/// stderr says it stopped, and the exit code is 130 (interrupted), not 0.
#[test]
fn follow_stops_on_sigint_with_exit_130() {
    let sim = Sim::start();
    let mut child = Command::new(VPPX)
        .arg("--socket")
        .arg(sim.socket())
        .args([
            "api",
            "call",
            "want_interface_events",
            r#"{"enable_disable": 1}"#,
            "--follow",
        ])
        .env("XDG_CACHE_HOME", sim.dir.path().join("cache"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start vppx api call --follow");
    let rx = lines_of(&mut child);
    let mut lines = Vec::new();
    for i in 0..100 {
        let state = if i % 2 == 0 { "up" } else { "down" };
        sim.vppx(&["iface", state, "pg0"]).ok();
        if let Ok(l) = rx.recv_timeout(Duration::from_millis(100)) {
            lines.push(l);
            break;
        }
    }
    assert_eq!(lines.len(), 1, "an event arrived");
    let pid = child.id().to_string();
    assert!(Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap()
        .success());
    let status = child.wait().expect("vppx stops");
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert_eq!(status.code(), Some(130), "{err}");
    assert!(err.contains("interrupted"), "{err}");
    for l in lines.iter().chain(rx.try_iter().collect::<Vec<_>>().iter()) {
        serde_json::from_str::<Value>(l).expect("every printed line is whole JSON");
    }
}

/// A closed output pipe ends the command quietly with exit 0 — and through the normal
/// path, so the `--sim` temporary directory is removed like on any other exit.
#[test]
fn a_closed_pipe_still_removes_the_sim_temp_dir() {
    let tmp = tempfile::tempdir().unwrap();
    let mut child = Command::new(VPPX)
        .args(["--sim", "iface", "list"])
        .env("TMPDIR", tmp.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before vppx writes.
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "quiet: {err}");
    let left: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// A cache file is trusted only when it is the user's own, writable by nobody else,
/// parses and was stored for this message table; otherwise it is rebuilt, with a notice.
#[test]
fn an_untrusted_schema_cache_is_rebuilt() {
    use std::os::unix::fs::PermissionsExt;
    let sim = Sim::start();
    api(&sim, &["list", "^show_version$"]).ok();
    let cache = sim.dir.path().join("cache/vppx");
    let file = std::fs::read_dir(&cache)
        .unwrap()
        .next()
        .expect("a cache file")
        .unwrap()
        .path();
    // `[]` parses but defines nothing: it must not break `vppx api`.
    std::fs::write(&file, "[]").unwrap();
    let r = api(&sim, &["show", "show_version", "--json"]).ok();
    assert!(r.stderr.contains("rebuilding"), "{}", r.stderr);
    assert_eq!(r.json()["name"], json!("show_version"));
    assert_ne!(std::fs::read_to_string(&file).unwrap(), "[]");
    // Trusted again: no notice.
    let r = api(&sim, &["show", "show_version"]).ok();
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    // Writable by others: not trusted.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o666)).unwrap();
    let r = api(&sim, &["show", "show_version"]).ok();
    assert!(r.stderr.contains("writable by others"), "{}", r.stderr);
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o022, 0, "rebuilt with a private mode: {mode:o}");
}

/// A cache that is trusted but stale (here: it lacks show_version) is used as it is, and
/// `--refresh` asks VPP again and rewrites it.
#[test]
fn refresh_rewrites_a_stale_schema_cache() {
    let sim = Sim::start();
    api(&sim, &["list", "^show_version$"]).ok();
    let cache = sim.dir.path().join("cache/vppx");
    let file = std::fs::read_dir(&cache)
        .unwrap()
        .next()
        .expect("a cache file")
        .unwrap()
        .path();
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let stale = json!({"key": doc["key"], "api": [{
        "types": [], "unions": [], "enums": [], "enumflags": [], "services": {},
        "options": {}, "aliases": {}, "vl_api_version": "0x1", "imports": [],
        "counters": [], "paths": [],
        "messages": [["lb_conf", ["u16", "_vl_msg_id"], ["u32", "client_index"],
                      ["u32", "context"], {"crc": "0x56cd3261"}]]}]});
    std::fs::write(&file, stale.to_string()).unwrap();
    let r = api(&sim, &["show", "show_version"]);
    assert_ne!(r.code, 0, "the stale cache is used: {}", r.stderr);
    let r = api(&sim, &["--refresh", "show", "show_version", "--json"]).ok();
    assert_eq!(r.json()["name"], json!("show_version"));
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("show_version_reply"));
    api(&sim, &["show", "show_version"]).ok();
}

/// A hostile schema file (a type containing itself) is refused before anything else,
/// naming the type: no stack overflow.
#[test]
fn a_self_referencing_schema_is_refused_naming_the_type() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.json");
    std::fs::write(
        &path,
        r#"[{"types": [["loop", ["u8", "a"], ["vl_api_loop_t", "again"]]],
            "messages": [["m", ["u16", "_vl_msg_id"], ["u32", "client_index"],
              ["u32", "context"], ["vl_api_loop_t", "x"], {"crc": "0x12345678"}]],
            "unions": [], "enums": [], "enumflags": [], "services": {}, "options": {},
            "aliases": {}, "vl_api_version": "0x1", "imports": [], "counters": [],
            "paths": []}]"#,
    )
    .unwrap();
    let r = crate::harness::run_bare(
        &["api", "--schema", path.to_str().unwrap(), "call", "m", "{}"],
        &[],
    )
    .code(2);
    assert!(
        r.stderr.contains("type loop contains itself"),
        "{}",
        r.stderr
    );
}
