//! `vppx serve`'s route reads against `vppx sim`: `GET /routes` streamed whole for a large
//! FIB and cut short (never a valid array) when VPP goes away mid-dump, its counters
//! agreeing with `vppx route list --counters` and the stats segment, and
//! `GET /routes/{prefix}` with counters, then rates.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::Duration;

use serde_json::Value;

use super::harness::Sim;
use super::route_traffic::{routed, with_stats};
use super::serve::{get, wait_status, Serve};

/// Polls `/readyz` until the agent has VPP.
fn ready(s: &Serve) {
    wait_status(s, "/readyz", 200, Duration::from_secs(10));
}

/// The route at `prefix` in table 0 of a listing.
fn find<'a>(list: &'a Value, prefix: &str) -> &'a Value {
    list.as_array()
        .expect("a list")
        .iter()
        .find(|r| r["prefix"] == prefix && r["table"] == 0)
        .unwrap_or_else(|| panic!("{prefix} not listed: {list}"))
}

/// `n` host routes `10.(100+)..` dropped, loaded with `route load`; their prefixes.
fn load_routes(sim: &Sim, n: u32) -> Vec<String> {
    let prefixes: Vec<String> = (0..n)
        .map(|i| format!("10.{}.{}.{}/32", 100 + i / 65536, i / 256 % 256, i % 256))
        .collect();
    let mut rows = String::from("prefix,next_hop\n");
    for p in &prefixes {
        rows.push_str(p);
        rows.push_str(",drop\n");
    }
    let csv = sim.dir.path().join("many.csv");
    std::fs::write(&csv, rows).expect("csv");
    sim.vppx(&["route", "load", csv.to_str().unwrap()]).ok();
    prefixes
}

#[test]
fn serve_route_counters_agree_with_the_cli_and_the_segment() {
    let sim = routed("sim traffic pg0 2000pps 100B dst 10.9.0.0/16");
    let s = Serve::start(sim.dir.path(), &[]);
    ready(&s);
    std::thread::sleep(Duration::from_millis(300));
    sim.vppx(&["cli", "sim traffic pg0 off"]).ok();
    // The ticker may be mid-tick: let one pass.
    std::thread::sleep(Duration::from_millis(100));

    let served = get(&s, "/routes?counters=true").status(200).json();
    let cli = with_stats(&sim, &["--json", "route", "list", "--counters"])
        .ok()
        .json();
    let dump = with_stats(&sim, &["--json", "stats", "dump", "^/net/route/to$"])
        .ok()
        .json();
    let per_thread = dump["/net/route/to"].as_array().expect("/net/route/to");
    let at = |i: usize, part: usize| -> u64 {
        per_thread
            .iter()
            .map(|t| t[i][part].as_u64().unwrap_or(0))
            .sum()
    };
    let served_routes = served.as_array().expect("a list");
    assert_eq!(
        served_routes.len(),
        cli.as_array().expect("a list").len(),
        "the same routes:\n{served}\n{cli}"
    );
    for r in served_routes {
        let i = r["stats_index"].as_u64().expect("stats_index") as usize;
        assert_eq!(r["counters"]["packets"].as_u64(), Some(at(i, 0)), "{r}");
        assert_eq!(r["counters"]["bytes"].as_u64(), Some(at(i, 1)), "{r}");
        let mine = cli
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["table"] == r["table"] && c["prefix"] == r["prefix"])
            .unwrap_or_else(|| panic!("{r} not in the CLI's list"));
        // The same fields, the same values (the CLI sorts; the agent streams).
        assert_eq!(mine, r);
    }
    let carried = find(&served, "10.0.0.0/8")["counters"]["packets"]
        .as_u64()
        .unwrap();
    assert!(carried > 100, "10.0.0.0/8 carried {carried}");
    assert_eq!(find(&served, "172.16.0.0/12")["counters"]["packets"], 0);

    // Without counters=true there are none; filters still apply, and a connected
    // route's prefix is taken either way.
    let plain = get(&s, "/routes").status(200).json();
    assert!(plain
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r.get("counters").is_none()));
    let within = get(&s, "/routes?prefix=198.18.1.1%2F24&counters=true")
        .status(200)
        .json();
    assert!(within
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["prefix"].as_str().unwrap().starts_with("198.18.1.")));
    assert_eq!(find(&within, "198.18.1.0/24")["vpp_entry"], "connected");
    get(&s, "/routes?counters=maybe").status(400);
    get(&s, "/routes?prefix=banana").status(400);
}

#[test]
fn serve_route_by_prefix_has_counters_then_rates() {
    let sim = routed("sim traffic pg0 1000pps 64B dst 10.1.2.0/24");
    let s = Serve::start(sim.dir.path(), &[]);
    ready(&s);

    let first = get(&s, "/routes/10.0.0.0%2F8").status(200).json();
    assert_eq!(first["prefix"], "10.0.0.0/8");
    let p1 = first["counters"]["packets"].as_u64().expect("counters");
    assert!(
        first.get("rates").is_none(),
        "one reading has no rates: {first}"
    );
    std::thread::sleep(Duration::from_millis(1500));
    let second = get(&s, "/routes/10.0.0.0%2F8?table=0").status(200).json();
    let p2 = second["counters"]["packets"].as_u64().expect("counters");
    assert!(p2 > p1, "{p1} then {p2}");
    assert_eq!(second["counters"]["bytes"].as_u64(), Some(p2 * 64));
    let rates = &second["rates"];
    let seconds = rates["seconds"].as_f64().expect("rates over an interval");
    assert!(seconds >= 1.0, "{rates}");
    let pps = rates["pps"].as_f64().unwrap();
    // Counted packets over measured time: a tick's worth either way.
    assert!((700.0..1300.0).contains(&pps), "{pps} pps");
    let bps = rates["bps"].as_f64().unwrap();
    assert!(
        (bps / pps - 512.0).abs() < 1.0,
        "64-byte packets: {bps} bps"
    );
    // The counters are those of the segment and of `route show`.
    let shown = with_stats(&sim, &["--json", "route", "show", "10.0.0.0/8"])
        .ok()
        .json();
    assert!(shown["counters"]["packets"].as_u64().unwrap() >= p2);
    // The idle route: counters, and zero rates from its second reading on.
    get(&s, "/routes/172.16.0.0%2F12").status(200);
    std::thread::sleep(Duration::from_millis(1100));
    let idle = get(&s, "/routes/172.16.0.0%2F12").status(200).json();
    assert_eq!(idle["counters"]["packets"], 0);
    assert_eq!(idle["rates"]["pps"].as_f64(), Some(0.0), "{idle}");

    // Either form of a connected route names it.
    for p in ["198.18.1.0%2F24", "198.18.1.1%2F24"] {
        let c = get(&s, &format!("/routes/{p}")).status(200).json();
        assert_eq!(c["prefix"], "198.18.1.0/24");
        assert_eq!(c["vpp_entry"], "connected");
    }
    let missing = get(&s, "/routes/10.99.0.0%2F16").status(404).json();
    assert!(
        missing["detail"].as_str().unwrap().contains("10.99.0.0/16"),
        "{missing}"
    );
    get(&s, "/routes/10.0.0.0%2F8?table=7").status(404);
    get(&s, "/routes/banana").status(400);
    get(&s, "/routes/10.0.0.0%2F8?table=x").status(400);
}

/// A response's head and whatever of its body arrives, over a raw connection.
struct Raw {
    stream: TcpStream,
    head: String,
    body: Vec<u8>,
}

impl Raw {
    fn get(s: &Serve, path: &str) -> Raw {
        let mut stream = TcpStream::connect(s.addr()).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            s.addr()
        )
        .expect("send");
        let mut got = Vec::new();
        let mut buf = [0u8; 4096];
        let split = loop {
            let n = stream.read(&mut buf).expect("read the head");
            assert!(n > 0, "closed before the head");
            got.extend_from_slice(&buf[..n]);
            if let Some(i) = got.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
        };
        Raw {
            stream,
            head: String::from_utf8_lossy(&got[..split]).to_ascii_lowercase(),
            body: got[split..].to_vec(),
        }
    }

    /// Reads until the agent closes the connection.
    fn rest(&mut self) {
        let mut buf = vec![0u8; 1 << 16];
        loop {
            match self.stream.read(&mut buf) {
                Ok(0) => return,
                Ok(n) => self.body.extend_from_slice(&buf[..n]),
                // A reset after an aborted body ends it too.
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => return,
                Err(e) => panic!("reading the body: {e}"),
            }
        }
    }
}

/// A chunked body's payload, and whether its last (zero-length) chunk came.
fn dechunk(mut body: &[u8]) -> (Vec<u8>, bool) {
    let mut out = Vec::new();
    loop {
        let Some(eol) = body.windows(2).position(|w| w == b"\r\n") else {
            return (out, false);
        };
        let size = std::str::from_utf8(&body[..eol])
            .ok()
            .and_then(|l| usize::from_str_radix(l.split(';').next()?.trim(), 16).ok());
        let Some(size) = size else {
            return (out, false);
        };
        body = &body[eol + 2..];
        if size == 0 {
            return (out, body.starts_with(b"\r\n"));
        }
        let take = size.min(body.len());
        out.extend_from_slice(&body[..take]);
        if take < size || body.len() < size + 2 {
            return (out, false);
        }
        body = &body[size + 2..];
    }
}

#[test]
fn serve_streams_a_large_fib_whole() {
    let sim = Sim::start();
    let n = 100_000;
    let prefixes = load_routes(&sim, n);
    let s = Serve::start(sim.dir.path(), &[]);
    ready(&s);

    let mut raw = Raw::get(&s, "/routes?table=0&counters=true");
    assert!(raw.head.starts_with("http/1.1 200"), "{}", raw.head);
    assert!(
        raw.head.contains("transfer-encoding: chunked"),
        "{}",
        raw.head
    );
    assert!(
        raw.head.contains("content-type: application/json"),
        "{}",
        raw.head
    );
    raw.rest();
    let (payload, complete) = dechunk(&raw.body);
    assert!(complete, "the last chunk came");
    let list: Value = serde_json::from_slice(&payload).expect("the array parses");
    let routes = list.as_array().expect("an array");
    let listed: std::collections::HashSet<&str> =
        routes.iter().filter_map(|r| r["prefix"].as_str()).collect();
    assert_eq!(listed.len(), routes.len(), "each route once");
    for p in &prefixes {
        assert!(listed.contains(p.as_str()), "{p} missing");
    }
    assert!(routes.iter().all(|r| r["counters"]["packets"] == 0));

    // Filtered, through an ordinary client held to the OpenAPI document.
    let some = get(&s, "/routes?prefix=10.101.3.0%2F24").status(200).json();
    let some = some.as_array().unwrap();
    assert_eq!(some.len(), 256, "{some:?}");
    assert!(some
        .iter()
        .all(|r| r["prefix"].as_str().unwrap().starts_with("10.101.3.")));
}

#[test]
fn serve_route_listing_cut_short_is_not_a_valid_array() {
    let sim = Sim::start();
    load_routes(&sim, 100_000);
    let s = Serve::start(sim.dir.path(), &[]);
    ready(&s);

    // The listing starts; while its reader waits, VPP goes away mid-dump.
    let mut raw = Raw::get(&s, "/routes");
    assert!(raw.head.starts_with("http/1.1 200"), "{}", raw.head);
    let killed = Command::new("kill")
        .args(["-KILL", &sim.pid().to_string()])
        .status()
        .expect("kill")
        .success();
    assert!(killed);
    raw.rest();
    let (payload, complete) = dechunk(&raw.body);
    assert!(!complete, "an aborted listing has no last chunk");
    assert!(payload.starts_with(b"["), "it had begun");
    assert!(
        serde_json::from_slice::<Value>(&payload).is_err(),
        "a cut listing must not parse: ...{}",
        String::from_utf8_lossy(&payload[payload.len().saturating_sub(200)..])
    );
    // With VPP gone before the first byte, it is a plain 503.
    wait_status(&s, "/routes", 503, Duration::from_secs(10)).status(503);
}
