//! `vppx serve` against `vppx sim`, over HTTP on a free loopback port: every endpoint,
//! each error status, auth on and off, the listen policy, a simulator restart while
//! serving, and a real Prometheus scraping the agent.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::harness::{Sim, VPPX};
use crate::openapi;

/// `vppx serve` on 127.0.0.1:0 against a simulator; killed when dropped.
pub struct Serve {
    child: Child,
    pub base: String,
}

impl Serve {
    // The child is waited for in `Drop` (or before the panic below).
    #[allow(clippy::zombie_processes)]
    pub fn start(dir: &Path, extra: &[&str]) -> Serve {
        let mut child = Command::new(VPPX)
            .arg("--socket")
            .arg(dir.join("api.sock"))
            .arg("--stats-socket")
            .arg(dir.join("stats.sock"))
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(extra)
            .env_remove("VPPX_SOCKET")
            .env_remove("VPPX_STATS_SOCKET")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start vppx serve");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut seen = Vec::new();
        while Instant::now() < deadline {
            match rx.recv_timeout(Duration::from_millis(100)) {
                Ok(line) => {
                    if let Some(rest) = line.split("listening on http://").nth(1) {
                        let addr = rest.split_whitespace().next().expect("address");
                        return Serve {
                            child,
                            base: format!("http://{addr}"),
                        };
                    }
                    seen.push(line);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }
        let _ = child.kill();
        panic!(
            "vppx serve did not start listening; stderr:\n{}",
            seen.join("\n")
        );
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn addr(&self) -> &str {
        self.base.trim_start_matches("http://")
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into()
}

/// One answer: status, content type and body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub content_type: String,
    pub text: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text)
            .unwrap_or_else(|e| panic!("not JSON ({e}), status {}:\n{}", self.status, self.text))
    }

    /// Asserts the status; for an error, that the body is `{"error", "detail"}`.
    pub fn status(self, expected: u16) -> Answer {
        assert_eq!(
            self.status, expected,
            "status {} (expected {expected}):\n{}",
            self.status, self.text
        );
        if expected >= 400 {
            let j = self.json();
            assert!(
                j["error"].is_string() && j["detail"].is_string(),
                "error shape: {j}"
            );
        }
        self
    }
}

fn answer(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let mut r = r.expect("HTTP request");
    let status = r.status().as_u16();
    let content_type = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let text = r.body_mut().read_to_string().expect("body");
    Answer {
        status,
        content_type,
        text,
    }
}

/// An answer to a documented operation, held to the OpenAPI document.
fn checked(method: &str, path: &str, a: Answer) -> Answer {
    openapi::check(method, path, a.status, &a.content_type, &a.text);
    a
}

pub fn get(s: &Serve, path: &str) -> Answer {
    checked("GET", path, answer(agent().get(s.url(path)).call()))
}

fn post(s: &Serve, path: &str, body: &str, token: Option<&str>) -> Answer {
    let mut req = agent()
        .post(s.url(path))
        .header("Content-Type", "application/json");
    if let Some(t) = token {
        req = req.header("Authorization", format!("Bearer {t}"));
    }
    checked("POST", path, answer(req.send(body)))
}

fn delete(s: &Serve, path: &str, token: Option<&str>) -> Answer {
    let mut req = agent().delete(s.url(path));
    if let Some(t) = token {
        req = req.header("Authorization", format!("Bearer {t}"));
    }
    checked("DELETE", path, answer(req.call()))
}

/// Polls `path` until it answers `status`, or panics after `within`.
fn wait_status(s: &Serve, path: &str, status: u16, within: Duration) -> Answer {
    let deadline = Instant::now() + within;
    loop {
        let a = get(s, path);
        if a.status == status {
            return a;
        }
        assert!(
            Instant::now() < deadline,
            "{path} still {} after {within:?}:\n{}",
            a.status,
            a.text
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|i| i["name"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn has_route(list: &Value, prefix: &str) -> bool {
    list.as_array()
        .expect("a list")
        .iter()
        .any(|r| r["prefix"] == prefix)
}

#[test]
fn serve_health_openapi_and_unknown_paths() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    assert_eq!(get(&s, "/healthz").status(200).json()["status"], "ok");
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    let doc = get(&s, "/openapi.json").status(200).json();
    assert_eq!(doc["openapi"], "3.0.3");
    assert_eq!(doc, *openapi::DOC, "the served document is the checked one");
    let nf = get(&s, "/no/such/thing").status(404).json();
    assert!(nf["detail"]
        .as_str()
        .unwrap_or_default()
        .contains("/no/such/thing"));
    // A known path with another method: 405, as JSON.
    answer(agent().put(s.url("/routes")).send("{}")).status(405);
}

#[test]
fn serve_interfaces() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));

    let list = get(&s, "/interfaces").status(200).json();
    let n = names(&list);
    assert!(
        n.contains(&"pg0".to_string()) && n.contains(&"pg1".to_string()),
        "{n:?}"
    );
    let pg0 = get(&s, "/interfaces/pg0").status(200).json();
    assert_eq!(pg0["name"], "pg0");
    assert_eq!(pg0["admin_up"], false);
    for f in [
        "sw_if_index",
        "mac",
        "mtu",
        "addresses",
        "counters",
        "rates",
    ] {
        assert!(pg0.get(f).is_some(), "missing {f} in {pg0}");
    }
    // Counters come from the agent's polling of the stats segment.
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let pg0 = get(&s, "/interfaces/pg0").status(200).json();
        if pg0["counters"]["rx_packets"].is_u64() && pg0["rates"]["rx_pps"].is_number() {
            break;
        }
        assert!(Instant::now() < deadline, "no counters/rates: {pg0}");
        std::thread::sleep(Duration::from_millis(200));
    }
    get(&s, "/interfaces/nope0").status(404);

    let up = post(&s, "/interfaces/pg0/state", r#"{"admin":"up"}"#, None)
        .status(200)
        .json();
    assert_eq!(up["admin_up"], true);
    assert_eq!(
        get(&s, "/interfaces/pg0").status(200).json()["admin_up"],
        true
    );
    let list = get(&s, "/interfaces").status(200).json();
    let pg0 = list
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == "pg0")
        .cloned()
        .unwrap();
    assert_eq!(
        pg0["admin_up"], true,
        "the list is not served stale after a change"
    );
    post(&s, "/interfaces/pg0/state", r#"{"admin":"sideways"}"#, None).status(400);
    post(&s, "/interfaces/pg0/state", "{not json", None).status(400);
    post(&s, "/interfaces/nope0/state", r#"{"admin":"up"}"#, None).status(404);

    let a = post(
        &s,
        "/interfaces/pg0/addresses",
        r#"{"address":"10.10.10.1/24"}"#,
        None,
    )
    .status(200)
    .json();
    assert_eq!(a["addresses"], json!(["10.10.10.1/24"]));
    post(
        &s,
        "/interfaces/pg0/addresses",
        r#"{"address":"10.10.10.300/24"}"#,
        None,
    )
    .status(400);
    post(
        &s,
        "/interfaces/nope0/addresses",
        r#"{"address":"10.1.1.1/24"}"#,
        None,
    )
    .status(404);
    let d = delete(&s, "/interfaces/pg0/addresses/10.10.10.1%2F24", None)
        .status(200)
        .json();
    assert_eq!(d["addresses"], json!([]));
    delete(&s, "/interfaces/pg0/addresses/10.10.10.1%2F24", None).status(404);
    delete(&s, "/interfaces/pg0/addresses/bogus", None).status(400);
}

#[test]
fn serve_routes() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));

    let one = post(
        &s,
        "/routes",
        r#"{"prefix":"10.20.0.0/16","next_hop":"10.10.10.2","interface":"pg0"}"#,
        None,
    )
    .status(201)
    .json();
    assert_eq!(one["prefix"], "10.20.0.0/16");
    assert_eq!(one["paths"][0]["interface"], "pg0");
    let many = post(
        &s,
        "/routes",
        r#"[{"prefix":"10.21.0.0/16","next_hop":"10.10.10.2","weight":2},
            {"prefix":"10.21.0.0/16","next_hop":"10.10.10.3"},
            {"prefix":"2001:db8:99::/48","next_hop":"drop"}]"#,
        None,
    )
    .status(201)
    .json();
    assert_eq!(many["programmed"], 2);
    let list = get(&s, "/routes?table=0").status(200).json();
    for p in ["10.20.0.0/16", "10.21.0.0/16", "2001:db8:99::/48"] {
        assert!(has_route(&list, p), "{p} missing");
    }
    let r21 = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["prefix"] == "10.21.0.0/16")
        .unwrap();
    assert_eq!(
        r21["paths"].as_array().map(Vec::len),
        Some(2),
        "adjacent lines are one multipath route"
    );
    let within = get(&s, "/routes?prefix=10.20.0.0%2F15").status(200).json();
    assert!(has_route(&within, "10.20.0.0/16") && has_route(&within, "10.21.0.0/16"));
    assert!(!has_route(&within, "2001:db8:99::/48"));

    // Errors: bad JSON, bad prefix (host bits), bad query, unknown interface, VPP refusing.
    post(&s, "/routes", "[{", None).status(400);
    let hb = post(
        &s,
        "/routes",
        r#"{"prefix":"10.1.2.3/16","next_hop":"10.0.0.1"}"#,
        None,
    )
    .status(400)
    .json();
    assert!(
        hb["detail"].as_str().unwrap().contains("10.1.0.0/16"),
        "{hb}"
    );
    get(&s, "/routes?table=abc").status(400);
    post(
        &s,
        "/routes",
        r#"{"prefix":"10.30.0.0/16","interface":"nope0"}"#,
        None,
    )
    .status(404);
    let refused = post(
        &s,
        "/routes",
        r#"{"prefix":"10.31.0.0/16","next_hop":"10.0.0.1","table":7}"#,
        None,
    )
    .status(409)
    .json();
    assert_eq!(refused["vpp_error"], "VNET_API_ERROR_NO_SUCH_FIB");
    post(
        &s,
        "/routes?create_tables=true",
        r#"{"prefix":"10.31.0.0/16","next_hop":"10.0.0.1","table":7}"#,
        None,
    )
    .status(201);
    assert!(has_route(
        &get(&s, "/routes?table=7").status(200).json(),
        "10.31.0.0/16"
    ));

    let gone = delete(&s, "/routes/10.20.0.0%2F16", None)
        .status(200)
        .json();
    assert_eq!(gone["prefix"], "10.20.0.0/16");
    assert!(!has_route(
        &get(&s, "/routes").status(200).json(),
        "10.20.0.0/16"
    ));
    delete(&s, "/routes/10.20.0.0%2F16", None).status(404);
    delete(&s, "/routes/10.31.0.0%2F16", None).status(404);
    delete(&s, "/routes/10.31.0.0%2F16?table=7", None).status(200);
    delete(&s, "/routes/2001%3Adb8%3A99%3A%3A%2F48", None).status(200);
    delete(&s, "/routes/10.1.2.3%2F16", None).status(400);
}

#[test]
fn serve_auth_on_mutations_only() {
    let sim = Sim::start();
    let token_file = sim.dir.path().join("token");
    std::fs::write(&token_file, "s3cret-token\n").expect("token file");
    let s = Serve::start(
        sim.dir.path(),
        &["--token-file", token_file.to_str().unwrap()],
    );
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    get(&s, "/interfaces").status(200);
    post(&s, "/interfaces/pg0/state", r#"{"admin":"up"}"#, None).status(401);
    post(
        &s,
        "/interfaces/pg0/state",
        r#"{"admin":"up"}"#,
        Some("wrong"),
    )
    .status(401);
    post(
        &s,
        "/interfaces/pg0/state",
        r#"{"admin":"up"}"#,
        Some("s3cret-token"),
    )
    .status(200);
    delete(&s, "/routes/10.9.0.0%2F16", None).status(401);
    delete(&s, "/routes/10.9.0.0%2F16", Some("s3cret-token")).status(404);
    post(
        &s,
        "/routes",
        r#"{"prefix":"10.9.0.0/16","next_hop":"drop"}"#,
        Some("s3cret-token"),
    )
    .status(201);
}

#[test]
fn serve_refuses_non_loopback_without_token() {
    let out = Command::new(VPPX)
        .args([
            "--socket",
            "/nonexistent/api.sock",
            "serve",
            "--listen",
            "0.0.0.0:0",
        ])
        .stdin(Stdio::null())
        .output()
        .expect("run vppx serve");
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("--insecure"));
    // --insecure lets it start.
    let mut child = Command::new(VPPX)
        .args([
            "--socket",
            "/nonexistent/api.sock",
            "serve",
            "--listen",
            "0.0.0.0:0",
            "--insecure",
        ])
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start vppx serve");
    let mut line = String::new();
    let mut err = BufReader::new(child.stderr.take().expect("stderr"));
    let _ = err.read_line(&mut line);
    let _ = child.kill();
    let _ = child.wait();
    assert!(line.contains("listening on http://0.0.0.0:"), "{line}");
}

#[test]
fn serve_limits_body_size() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &["--max-body", "1024"]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    let big = format!(
        r#"{{"prefix":"10.0.0.0/8","next_hop":"drop","pad":"{}"}}"#,
        "x".repeat(4096)
    );
    post(&s, "/routes", &big, None).status(413);
}

#[test]
fn serve_events_stream() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    // The event connection attaches beside the API one; wait for it too.
    let deadline = Instant::now() + Duration::from_secs(10);
    let resp = loop {
        let r = agent().get(s.url("/events")).call().expect("GET /events");
        if r.status() == 200 {
            break r;
        }
        assert!(Instant::now() < deadline, "/events stayed {}", r.status());
        std::thread::sleep(Duration::from_millis(100));
    };
    let ct = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(ct.starts_with("text/event-stream"), "{ct}");
    let (tx, rx) = mpsc::channel::<String>();
    std::thread::spawn(move || {
        let reader = BufReader::new(resp.into_body().into_reader());
        for line in reader.lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    let mut events: Vec<Value> = Vec::new();
    let mut changed = false;
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) else {
            continue;
        };
        let Some(data) = line.strip_prefix("data: ") else {
            continue;
        };
        let ev: Value = serde_json::from_str(data).expect("event data is JSON");
        openapi::check_event(&ev);
        events.push(ev.clone());
        let initial_pg1 = events
            .iter()
            .any(|e| e["event"] == "initial" && e["name"] == "pg1");
        if initial_pg1 && !changed {
            post(&s, "/interfaces/pg1/state", r#"{"admin":"up"}"#, None).status(200);
            changed = true;
        }
        if ev["event"] == "change" && ev["name"] == "pg1" && ev["admin_up"] == true {
            return;
        }
    }
    panic!("no change event for pg1; saw {events:?}");
}

#[test]
fn serve_survives_a_vpp_restart() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &["--poll", "200ms"]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    get(&s, "/interfaces").status(200);
    assert!(get(&s, "/metrics").text.lines().any(|l| l == "vpp_up 1"));

    let dir = sim.stop();
    wait_status(&s, "/readyz", 503, Duration::from_secs(5));
    // Meanwhile every VPP-backed request fails at once, with 503.
    for path in ["/interfaces", "/interfaces/pg0", "/routes", "/events"] {
        let t = Instant::now();
        get(&s, path).status(503);
        assert!(
            t.elapsed() < Duration::from_secs(1),
            "{path} took {:?}",
            t.elapsed()
        );
    }
    post(&s, "/interfaces/pg0/state", r#"{"admin":"up"}"#, None).status(503);
    let m = get(&s, "/metrics").status(200);
    assert!(m.text.lines().any(|l| l == "vpp_up 0"), "{}", m.text);
    assert!(
        !m.text.contains("vpp_interface_rx_packets_total"),
        "a frozen segment is not served"
    );
    get(&s, "/healthz").status(200);

    let _sim = Sim::start_in(dir);
    wait_status(&s, "/readyz", 200, Duration::from_secs(15));
    let list = get(&s, "/interfaces").status(200).json();
    assert!(names(&list).contains(&"pg0".to_string()));
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let m = get(&s, "/metrics").status(200).text;
        if m.lines().any(|l| l == "vpp_up 1")
            && m.lines().any(|l| l == "vppx_vpp_reconnects_total 1")
            && m.contains("vpp_interface_rx_packets_total{interface=\"pg0\"}")
        {
            break;
        }
        assert!(Instant::now() < deadline, "metrics did not recover:\n{m}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn serve_concurrent_metrics_share_one_scrape() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    let scrapes = |text: &str| -> u64 {
        text.lines()
            .find_map(|l| l.strip_prefix("vppx_stats_scrapes_total "))
            .and_then(|v| v.parse().ok())
            .expect("vppx_stats_scrapes_total")
    };
    let before = scrapes(&get(&s, "/metrics").status(200).text);
    std::thread::sleep(Duration::from_millis(300));
    let url = s.url("/metrics");
    let threads: Vec<_> = (0..16)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || agent().get(&url).call().map(|r| r.status().as_u16()).ok())
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().expect("thread"), Some(200));
    }
    let after = scrapes(&get(&s, "/metrics").status(200).text);
    // 16 concurrent scrapes plus the last one; far fewer stats reads.
    assert!(
        after - before < 8,
        "{} stats scrapes for 17 requests",
        after - before
    );
}

#[test]
fn serve_slow_client_does_not_block_others() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    // A client that sends half a request and stalls, and one that never reads its answer.
    let mut stalled = TcpStream::connect(s.addr()).expect("connect");
    stalled
        .write_all(b"POST /routes HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
        .expect("write");
    let mut unread = TcpStream::connect(s.addr()).expect("connect");
    unread
        .write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        .expect("write");
    for _ in 0..5 {
        let t = Instant::now();
        get(&s, "/interfaces").status(200);
        get(&s, "/healthz").status(200);
        assert!(
            t.elapsed() < Duration::from_secs(2),
            "took {:?}",
            t.elapsed()
        );
    }
    let mut buf = [0u8; 16];
    let _ = unread.read(&mut buf);
}

/// A real Prometheus (Debian's package) scrapes the agent; its query API must show an
/// interface counter and a rate Prometheus computed over it.
#[test]
fn prometheus_scrapes_the_agent() {
    let Some(prometheus) = which("prometheus") else {
        return crate::common::skip(
            "prometheus is not installed (scripts/setup-test-deps.sh installs it)",
        )
        .unwrap_or(());
    };
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));

    let data = tempfile::tempdir().expect("temp dir");
    let port = free_port();
    let config = data.path().join("prometheus.yml");
    std::fs::write(
        &config,
        format!(
            "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n  - job_name: vppx\n    static_configs:\n      - targets: ['{}']\n",
            s.addr()
        ),
    )
    .expect("config");
    let mut child = Command::new(prometheus)
        .arg(format!("--config.file={}", config.display()))
        .arg(format!(
            "--storage.tsdb.path={}",
            data.path().join("tsdb").display()
        ))
        .arg(format!("--web.listen-address=127.0.0.1:{port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start prometheus");
    struct Kill<'a>(&'a mut Child);
    impl Drop for Kill<'_> {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let _guard = Kill(&mut child);

    let query = |q: &str| -> Option<Value> {
        let url = format!("http://127.0.0.1:{port}/api/v1/query");
        let mut r = agent().get(&url).query("query", q).call().ok()?;
        let v: Value = serde_json::from_str(&r.body_mut().read_to_string().ok()?).ok()?;
        let result = v["data"]["result"].as_array()?.clone();
        (!result.is_empty()).then_some(Value::Array(result))
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut counter = None;
    let mut rate = None;
    while Instant::now() < deadline && (counter.is_none() || rate.is_none()) {
        counter = counter.or_else(|| query(r#"vpp_interface_rx_packets_total{interface="pg0"}"#));
        rate =
            rate.or_else(|| query(r#"rate(vpp_interface_rx_packets_total{interface="pg0"}[5s])"#));
        std::thread::sleep(Duration::from_millis(500));
    }
    let counter = counter.expect("Prometheus has no vpp_interface_rx_packets_total for pg0");
    let rate = rate.expect("Prometheus computed no rate over vpp_interface_rx_packets_total");
    assert_eq!(counter[0]["metric"]["job"], "vppx");
    assert!(
        rate[0]["value"][1]
            .as_str()
            .and_then(|v| v.parse::<f64>().ok())
            .is_some(),
        "{rate}"
    );
    let up = query("vpp_up").expect("vpp_up");
    assert_eq!(up[0]["value"][1], "1");
}

fn which(cmd: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(cmd))
            .find(|p| p.is_file())
    })
}

fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    l.local_addr().expect("addr").port()
}
