//! `vppx serve`'s `/metrics` beyond the basics, against `vppx sim`: per-route series only
//! for the routes named with `--route-metrics` or among the `--route-metrics-top` busiest,
//! their values those of `/net/route/to`; concurrent scrapes sharing one rendered body, never
//! one older than the share window; interface and ACL reads sharing one dump; and the agent
//! on a Unix socket.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::common;
use crate::harness::{Run, Sim, VPPX};
use crate::serve::{self, get, samples, wait_status, Serve, TOKEN};

/// `vppx --stats-socket <sim's> args...`
fn with_stats(sim: &Sim, args: &[&str]) -> Run {
    let socket = sim.dir.path().join("stats.sock");
    let mut all = vec!["--stats-socket", socket.to_str().expect("utf-8 path")];
    all.extend_from_slice(args);
    sim.vppx(&all)
}

/// pg0 and pg1 up, pg1 198.18.1.1/24, 10.0.0.0/8 and 172.16.0.0/12 via 198.18.1.2; then
/// `traffic` into pg0.
fn routed(traffic: &str) -> Sim {
    let sim = Sim::start();
    for args in [
        &["iface", "up", "pg0"][..],
        &["iface", "up", "pg1"],
        &["iface", "configure", "pg1", "198.18.1.1/24"],
        &[
            "route",
            "add",
            "10.0.0.0/8",
            "via",
            "198.18.1.2",
            "dev",
            "pg1",
        ],
        &[
            "route",
            "add",
            "172.16.0.0/12",
            "via",
            "198.18.1.2",
            "dev",
            "pg1",
        ],
        &["cli", traffic],
    ] {
        sim.vppx(args).ok();
    }
    sim
}

/// `/metrics` as it is now: a body is shared for at most 250 ms, so one asked for after
/// that is rendered afresh.
fn fresh_metrics(s: &Serve) -> String {
    std::thread::sleep(Duration::from_millis(300));
    get(s, "/metrics").status(200).text
}

/// The `vpp_route_*_total` samples of an exposition: (family, prefix label) → value.
fn route_series(text: &str) -> BTreeMap<(String, String), f64> {
    samples(text)
        .into_iter()
        .filter(|(n, _, _)| n.starts_with("vpp_route_"))
        .map(|(n, labels, v)| {
            let prefix = labels
                .split("prefix=\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .unwrap_or_else(|| panic!("{n}{{{labels}}} has no prefix"))
                .to_string();
            assert!(labels.contains("table=\""), "{n}{{{labels}}} has no table");
            ((n, prefix), v)
        })
        .collect()
}

fn prefixes(series: &BTreeMap<(String, String), f64>) -> BTreeSet<String> {
    series.keys().map(|(_, p)| p.clone()).collect()
}

/// Polls `/metrics` until `ok` holds for its route series; panics after 30 s.
fn until_routes(
    s: &Serve,
    what: &str,
    ok: impl Fn(&BTreeMap<(String, String), f64>) -> bool,
) -> BTreeMap<(String, String), f64> {
    crate::common::poll_until(Duration::from_secs(30), what, || {
        let text = get(s, "/metrics").status(200).text;
        let series = route_series(&text);
        if ok(&series) {
            Ok(series)
        } else {
            Err(format!("route series {series:?} in\n{text}"))
        }
    })
}

/// `/net/route/to` summed over threads at `stats_index` (packets, bytes).
fn route_to(sim: &Sim, stats_index: usize) -> (u64, u64) {
    let dump = with_stats(sim, &["--json", "stats", "dump", "^/net/route/to$"])
        .ok()
        .json();
    let per_thread = dump["/net/route/to"].as_array().expect("per thread");
    let at = |part: usize| -> u64 {
        per_thread
            .iter()
            .map(|t| t[stats_index][part].as_u64().unwrap_or(0))
            .sum()
    };
    (at(0), at(1))
}

/// The stats index of `prefix` in table 0.
fn stats_index(sim: &Sim, prefix: &str) -> usize {
    let list = with_stats(sim, &["--json", "route", "list"]).ok().json();
    list.as_array()
        .expect("routes")
        .iter()
        .find(|r| r["prefix"] == prefix && r["table"] == 0)
        .and_then(|r| r["stats_index"].as_u64())
        .unwrap_or_else(|| panic!("no {prefix} in {list}")) as usize
}

#[test]
fn serve_route_metrics_only_for_named_routes() {
    let sim = routed("sim traffic pg0 2000pps 100B dst 10.1.2.0/24");
    let s = Serve::start(
        sim.dir.path(),
        &[
            "--poll",
            "200ms",
            "--route-metrics",
            "10.0.0.0/8",
            // Named but not in the FIB (yet): no series.
            "--route-metrics",
            "198.51.100.0/24 table 0",
        ],
    );
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    let series = until_routes(&s, "10.0.0.0/8 counts the flow", |r| {
        r.get(&(
            "vpp_route_packets_total".to_string(),
            "10.0.0.0/8".to_string(),
        ))
        .is_some_and(|v| *v > 0.0)
    });
    assert_eq!(
        prefixes(&series),
        BTreeSet::from(["10.0.0.0/8".to_string()]),
        "only the named route that exists has series: {series:?}"
    );
    assert_eq!(series.len(), 2, "packets and bytes: {series:?}");
    let text = get(&s, "/metrics").status(200).text;
    assert!(
        text.lines()
            .any(|l| l.starts_with("vpp_route_packets_total{table=\"0\",prefix=\"10.0.0.0/8\"} ")),
        "{text}"
    );

    // Traffic off: the values settle and are /net/route/to's at the route's index.
    sim.vppx(&["cli", "sim traffic pg0 off"]).ok();
    let index = stats_index(&sim, "10.0.0.0/8");
    common::poll_until(Duration::from_secs(20), "the route series settle", || {
        let want = route_to(&sim, index);
        let got = route_series(&fresh_metrics(&s));
        let pair = (
            got.get(&(
                "vpp_route_packets_total".to_string(),
                "10.0.0.0/8".to_string(),
            ))
            .copied(),
            got.get(&(
                "vpp_route_bytes_total".to_string(),
                "10.0.0.0/8".to_string(),
            ))
            .copied(),
        );
        if pair == (Some(want.0 as f64), Some(want.1 as f64)) && want.0 > 0 {
            assert_eq!(want.1, want.0 * 100, "100-byte packets");
            assert_eq!(prefixes(&got).len(), 1, "{got:?}");
            return Ok(());
        }
        Err(format!("/metrics {pair:?}, /net/route/to {want:?}"))
    });

    // Without the flags, no route has a series.
    let plain = Serve::start(sim.dir.path(), &[]);
    wait_status(&plain, "/readyz", 200, Duration::from_secs(10));
    let text = fresh_metrics(&plain);
    assert!(
        text.contains("vpp_up 1") && !text.contains("vpp_route_"),
        "{text}"
    );
}

#[test]
fn serve_route_metrics_top_follows_the_busiest_route() {
    let sim = routed("sim traffic pg0 2000pps 64B dst 10.1.2.0/24");
    let s = Serve::start(
        sim.dir.path(),
        &[
            "--poll",
            "200ms",
            "--route-metrics-top",
            "1",
            "--route-metrics-refresh",
            "1s",
        ],
    );
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    let one_route = |r: &BTreeMap<(String, String), f64>| {
        assert!(prefixes(r).len() <= 1, "top 1 gave {r:?}");
    };
    until_routes(&s, "10.0.0.0/8 is the busiest", |r| {
        one_route(r);
        prefixes(r) == BTreeSet::from(["10.0.0.0/8".to_string()])
    });
    sim.vppx(&["cli", "sim traffic pg0 off"]).ok();
    sim.vppx(&["cli", "sim traffic pg0 2000pps 64B dst 172.16.5.0/24"])
        .ok();
    // Re-chosen by packets per second at a refresh (every second here), though 10.0.0.0/8
    // has counted more packets in all.
    let series = until_routes(&s, "172.16.0.0/12 is the busiest", |r| {
        one_route(r);
        prefixes(r) == BTreeSet::from(["172.16.0.0/12".to_string()])
    });
    assert!(
        series
            .get(&(
                "vpp_route_packets_total".to_string(),
                "172.16.0.0/12".to_string()
            ))
            .is_some_and(|v| *v > 0.0),
        "{series:?}"
    );
}

#[test]
fn serve_route_metrics_flags_are_checked_at_start() {
    for bad in [
        &["--route-metrics", "banana"][..],
        &["--route-metrics", "10.0.0.1/8"],
        &["--route-metrics", "10.0.0.0/8 table"],
        &["--route-metrics-top", "1001"],
    ] {
        let out = Command::new(VPPX)
            .args(["--socket", "/nonexistent/api.sock", "serve"])
            .args(bad)
            .stdin(Stdio::null())
            .output()
            .expect("run vppx serve");
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(bad[0]), "{bad:?}: {err}");
    }
}

fn renders(text: &str) -> u64 {
    text.lines()
        .find_map(|l| l.strip_prefix("vppx_metrics_renders_total "))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no vppx_metrics_renders_total in\n{text}"))
}

/// 32 scrapes at once: they share rendered bodies (byte for byte the same text for each
/// render), far fewer renders than requests.
#[test]
fn serve_concurrent_scrapes_share_one_rendered_body() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    let before = renders(&fresh_metrics(&s));
    std::thread::sleep(Duration::from_millis(300));
    let url = s.url("/metrics");
    let start = std::sync::Arc::new(std::sync::Barrier::new(32));
    let threads: Vec<_> = (0..32)
        .map(|_| {
            let (url, start) = (url.clone(), start.clone());
            std::thread::spawn(move || {
                let agent = serve::agent();
                start.wait();
                let mut r = agent.get(&url).call().expect("GET /metrics");
                assert_eq!(r.status().as_u16(), 200);
                r.body_mut().read_to_string().expect("body")
            })
        })
        .collect();
    let bodies: Vec<String> = threads
        .into_iter()
        .map(|t| t.join().expect("thread"))
        .collect();
    let mut by_render: BTreeMap<u64, BTreeSet<&str>> = BTreeMap::new();
    for b in &bodies {
        by_render.entry(renders(b)).or_default().insert(b.as_str());
    }
    for (n, texts) in &by_render {
        assert!(*n > before, "a body from before the scrapes");
        assert_eq!(texts.len(), 1, "render {n} gave different texts");
    }
    // Each render counts itself, so each body is numbered by the render that made it.
    assert!(
        by_render.len() < 8,
        "{} renders for 32 concurrent scrapes: {:?}",
        by_render.len(),
        by_render.keys()
    );
    // The renders served, the last scrape's own, and at most one started in the
    // background (half a window on) that ended after the last of the 32.
    let after = renders(&fresh_metrics(&s));
    assert!(
        after - before <= by_render.len() as u64 + 2,
        "{before} → {after} renders, {} served",
        by_render.len()
    );
}

/// A body is never served once it is a share window old: a scrape after one is rendered
/// afresh, by exactly one more render (nothing renders while nobody asks).
#[test]
fn serve_metrics_body_is_rendered_afresh_after_the_window() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    let mut last = renders(&fresh_metrics(&s));
    for _ in 0..3 {
        let now = renders(&fresh_metrics(&s));
        assert_eq!(
            now,
            last + 1,
            "a body older than the window, or a render too many"
        );
        last = now;
    }
}

/// Interface reads at once share one dump and one serialised list; each interface shows
/// its own addresses (the address dumps are pipelined); a change through the agent is in
/// the very next list, and one made behind its back once the window has passed.
#[test]
fn serve_interface_reads_share_one_dump_and_show_each_its_addresses() {
    let sim = Sim::start_with(&["--interfaces", "pg0,pg1,pg2,pg3"]);
    for (iface, addr) in [
        ("pg1", "198.18.1.1/24"),
        ("pg2", "2001:db8:2::1/64"),
        ("pg3", "198.18.3.1/24"),
        ("pg3", "2001:db8:3::1/64"),
    ] {
        sim.vppx(&["iface", "configure", iface, addr]).ok();
    }
    let s = Serve::start(sim.dir.path(), &[]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    let addresses = |list: &Value| -> BTreeMap<String, Vec<String>> {
        list.as_array()
            .expect("list")
            .iter()
            .map(|i| {
                let addrs = i["addresses"].as_array().expect("addresses");
                (
                    i["name"].as_str().expect("name").to_string(),
                    addrs
                        .iter()
                        .map(|a| a.as_str().expect("address").to_string())
                        .collect(),
                )
            })
            .collect()
    };
    let want = |extra: &[(&str, &str)]| -> BTreeMap<String, Vec<String>> {
        let mut m: BTreeMap<String, Vec<String>> = [
            ("local0", &[][..]),
            ("pg0", &[]),
            ("pg1", &["198.18.1.1/24"]),
            ("pg2", &["2001:db8:2::1/64"]),
            ("pg3", &["198.18.3.1/24", "2001:db8:3::1/64"]),
        ]
        .into_iter()
        .map(|(n, a)| (n.to_string(), a.iter().map(|a| a.to_string()).collect()))
        .collect();
        for (n, a) in extra {
            m.get_mut(*n).expect("interface").push(a.to_string());
        }
        m
    };
    assert_eq!(
        addresses(&get(&s, "/interfaces").status(200).json()),
        want(&[])
    );

    let before = dumps(&fresh_metrics(&s), "interfaces");
    std::thread::sleep(Duration::from_millis(300));
    let base = s.base.clone();
    let start = std::sync::Arc::new(std::sync::Barrier::new(24));
    let threads: Vec<_> = (0..24)
        .map(|i| {
            let (base, start) = (base.clone(), start.clone());
            std::thread::spawn(move || {
                let path = ["/interfaces", "/interfaces/pg3"][i % 2];
                let agent = serve::agent();
                start.wait();
                let mut r = agent.get(format!("{base}{path}")).call().expect("GET");
                let text = r.body_mut().read_to_string().expect("body");
                (path, r.status().as_u16(), text)
            })
        })
        .collect();
    for t in threads {
        let (path, status, text) = t.join().expect("thread");
        assert_eq!(status, 200, "{path}: {text}");
        let v: Value = serde_json::from_str(&text).expect("JSON");
        match path {
            "/interfaces" => assert_eq!(addresses(&v), want(&[]), "{v}"),
            _ => assert_eq!(
                v["addresses"],
                serde_json::json!(["198.18.3.1/24", "2001:db8:3::1/64"]),
                "{v}"
            ),
        }
    }
    let after = dumps(&fresh_metrics(&s), "interfaces");
    assert!(
        after - before < 8,
        "{} interface dumps for 24 concurrent reads",
        after - before
    );

    // Read-your-writes: the change drops the shared dump, and with it the list.
    serve::post(
        &s,
        "/interfaces/pg0/addresses",
        r#"{"address": "10.9.9.1/24"}"#,
        Some(TOKEN),
    )
    .status(200);
    let list = get(&s, "/interfaces").status(200).json();
    assert_eq!(addresses(&list), want(&[("pg0", "10.9.9.1/24")]));
    // A change behind the agent's back shows once the window has passed.
    sim.vppx(&["iface", "configure", "pg1", "198.18.11.1/24"])
        .ok();
    std::thread::sleep(Duration::from_millis(300));
    let list = get(&s, "/interfaces").status(200).json();
    assert_eq!(
        addresses(&list),
        want(&[("pg0", "10.9.9.1/24"), ("pg1", "198.18.11.1/24")])
    );
}

fn dumps(text: &str, what: &str) -> u64 {
    let name = format!("vppx_vpp_dumps_total{{what=\"{what}\"}} ");
    text.lines()
        .find_map(|l| l.strip_prefix(name.as_str()))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no {name} in\n{text}"))
}

/// ACL reads at once share one dump; a change through the agent is seen by the next read.
#[test]
fn serve_acl_reads_share_one_dump() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    let body = r#"{"rules": ["deny src 10.0.0.0/8", "permit any"]}"#;
    serve::put(&s, "/acls/edge", body, Some(TOKEN)).status(201);
    // Read-your-writes: the shared dump is dropped by the change.
    let list = get(&s, "/acls").status(200).json();
    assert!(
        list.as_array()
            .expect("list")
            .iter()
            .any(|a| a["name"] == "edge"),
        "{list}"
    );
    serve::put(
        &s,
        "/interfaces/pg0/acls",
        r#"{"input": ["edge"]}"#,
        Some(TOKEN),
    )
    .status(200);
    let edge = get(&s, "/acls/edge").status(200).json();
    assert_eq!(
        edge["applied"]["input"],
        serde_json::json!(["pg0"]),
        "{edge}"
    );

    let before = dumps(&fresh_metrics(&s), "acls");
    std::thread::sleep(Duration::from_millis(300));
    let base = s.base.clone();
    let start = std::sync::Arc::new(std::sync::Barrier::new(24));
    let threads: Vec<_> = (0..24)
        .map(|i| {
            let (base, start) = (base.clone(), start.clone());
            std::thread::spawn(move || {
                let path = ["/acls", "/acls/edge", "/interfaces/pg0/acls"][i % 3];
                let agent = serve::agent();
                start.wait();
                let mut r = agent.get(format!("{base}{path}")).call().expect("GET");
                let text = r.body_mut().read_to_string().expect("body");
                (path, r.status().as_u16(), text)
            })
        })
        .collect();
    for t in threads {
        let (path, status, text) = t.join().expect("thread");
        assert_eq!(status, 200, "{path}: {text}");
        let v: Value = serde_json::from_str(&text).expect("JSON");
        match path {
            "/acls" => assert_eq!(v[0]["name"], "edge", "{v}"),
            "/acls/edge" => assert_eq!(v["applied"]["input"][0], "pg0", "{v}"),
            _ => assert_eq!(v["input"], serde_json::json!(["edge"]), "{v}"),
        }
    }
    let after = dumps(&fresh_metrics(&s), "acls");
    assert!(
        after - before < 8,
        "{} ACL dumps for 24 concurrent reads",
        after - before
    );
    // Unknown names are still 404 from the shared dump.
    get(&s, "/acls/nope").status(404);
    get(&s, "/interfaces/nope/acls").status(404);
}

/// One HTTP/1.1 request over a Unix socket: (status, body).
fn unix_request(
    socket: &Path,
    method: &str,
    path: &str,
    headers: &[&str],
    body: &str,
) -> (u16, String) {
    let mut c = UnixStream::connect(socket).expect("connect to the agent's socket");
    c.set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    for h in headers {
        req.push_str(h);
        req.push_str("\r\n");
    }
    req.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    c.write_all(req.as_bytes()).expect("write");
    let mut raw = Vec::new();
    c.read_to_end(&mut raw).expect("read");
    let text = String::from_utf8(raw).expect("UTF-8 answer");
    let (head, rest) = text.split_once("\r\n\r\n").expect("a head");
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {head:?}"));
    let chunked = head.lines().any(|l| {
        l.to_ascii_lowercase()
            .starts_with("transfer-encoding: chunked")
    });
    let body = if chunked {
        let mut out = String::new();
        let mut rest = rest;
        loop {
            let (size, after) = rest.split_once("\r\n").expect("chunk size");
            let n = usize::from_str_radix(size.trim(), 16).expect("hex chunk size");
            if n == 0 {
                break;
            }
            out.push_str(&after[..n]);
            rest = &after[n + 2..];
        }
        out
    } else {
        rest.to_string()
    };
    (status, body)
}

/// This process's effective group.
fn egid() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .expect("/proc/self/status")
        .lines()
        .find_map(|l| l.strip_prefix("Gid:"))
        .and_then(|g| g.split_whitespace().nth(1))
        .and_then(|g| g.parse().ok())
        .expect("Gid line")
}

/// `--listen unix:PATH`: a stale socket file is replaced; the socket is mode 0660 in the
/// process's group; reads work over it, a change needs the token; a second agent on the
/// same path is refused while the first listens; SIGTERM removes the socket.
#[test]
fn serve_on_a_unix_socket() {
    let sim = Sim::start();
    let dir = sim.dir.path();
    let socket = dir.join("run/serve.sock");
    std::fs::create_dir_all(socket.parent().expect("parent")).expect("mkdir");
    // Left behind by an agent that died: a socket file nobody listens on.
    drop(UnixListener::bind(&socket).expect("bind a stale socket"));
    assert!(socket.exists());
    let listen = format!("unix:{}", socket.display());
    let mut s = Serve::start(dir, &["--listen", &listen]);
    assert_eq!(s.base, listen);

    let meta = std::fs::metadata(&socket).expect("socket");
    assert_eq!(meta.permissions().mode() & 0o777, 0o660, "{meta:?}");
    assert_eq!(meta.gid(), egid(), "the socket's group is the process's");

    common::poll_until(
        Duration::from_secs(10),
        "the agent gets ready",
        || match unix_request(&socket, "GET", "/readyz", &[], "") {
            (200, _) => Ok(()),
            (status, body) => Err(format!("{status} {body}")),
        },
    );
    let (status, body) = unix_request(&socket, "GET", "/interfaces/pg0", &[], "");
    assert_eq!(status, 200, "{body}");
    let pg0: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(pg0["name"], "pg0");

    let json = "Content-Type: application/json";
    let up = r#"{"admin":"up"}"#;
    let (status, body) = unix_request(&socket, "POST", "/interfaces/pg0/state", &[json], up);
    assert_eq!(status, 401, "{body}");
    let auth = format!("Authorization: Bearer {TOKEN}");
    let (status, body) = unix_request(&socket, "POST", "/interfaces/pg0/state", &[json, &auth], up);
    assert_eq!(status, 200, "{body}");
    let pg0: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(pg0["admin_up"], true, "{pg0}");

    // A second agent on the same, live path is refused and leaves it alone.
    let token = dir.join("serve-token");
    let out = Command::new(VPPX)
        .arg("--socket")
        .arg(dir.join("api.sock"))
        .args(["serve", "--listen", &listen, "--token-file"])
        .arg(&token)
        .stdin(Stdio::null())
        .output()
        .expect("run a second vppx serve");
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("another server is listening there"), "{err}");
    assert_eq!(unix_request(&socket, "GET", "/healthz", &[], "").0, 200);

    let status = s.terminate();
    assert!(status.success(), "exit after SIGTERM: {status:?}");
    assert!(!socket.exists(), "the socket is removed on the way out");
}
