//! `vppx serve` against `vppx sim`, over HTTP on a free loopback port: every endpoint,
//! each error status, auth on and off, the listen policy, a simulator restart while
//! serving, and a real Prometheus scraping the agent.
//!
//! One file, past 600 lines: the agent's end-to-end tests share its start-up and request
//! helpers, and every answer is held to the OpenAPI document here.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::common;
use crate::harness::{Sim, VPPX};
use crate::openapi;

/// `vppx serve` on 127.0.0.1:0 against a simulator; killed when dropped.
pub struct Serve {
    child: Child,
    pub base: String,
    /// The bearer token changes need.
    pub token: String,
    /// The token file's path, as the agent printed it.
    pub token_file: String,
}

/// Writes `token` to `dir/name` readable by its owner only, as `--token-file` wants it.
pub fn token_file(dir: &Path, name: &str, token: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let p = dir.join(name);
    std::fs::write(&p, format!("{token}\n")).expect("token file");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    p
}

/// The token every test agent started with [`Serve::start`] uses.
pub const TOKEN: &str = "serve-test-token-0123456789abcdef0123456789";

impl Serve {
    /// With `--token-file` holding [`TOKEN`] unless `extra` names one.
    pub fn start(dir: &Path, extra: &[&str]) -> Serve {
        let file;
        let mut args: Vec<&str> = extra.to_vec();
        if !extra.contains(&"--token-file") {
            file = token_file(dir, "serve-token", TOKEN);
            args.extend(["--token-file", file.to_str().expect("path")]);
        }
        Serve::start_bare(dir, &args, &[])
    }

    /// Exactly `extra` (no token file unless given), with `env` set; the token read from
    /// the file the agent names.
    // The child is waited for in `Drop` (or before the panic below).
    #[allow(clippy::zombie_processes)]
    pub fn start_bare(dir: &Path, extra: &[&str], env: &[(&str, &Path)]) -> Serve {
        let mut child = Command::new(VPPX)
            .arg("--socket")
            .arg(dir.join("api.sock"))
            .arg("--stats-socket")
            .arg(dir.join("stats.sock"))
            .arg("serve")
            .args(if extra.contains(&"--listen") {
                &[][..]
            } else {
                &["--listen", "127.0.0.1:0"][..]
            })
            .args(extra)
            .env_remove("VPPX_SOCKET")
            .env_remove("VPPX_STATS_SOCKET")
            .envs(env.iter().copied())
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
        let mut base = None;
        while Instant::now() < deadline {
            match rx.recv_timeout(Duration::from_millis(100)) {
                Ok(line) => {
                    if let Some(rest) = line.split("listening on ").nth(1) {
                        let addr = rest.split_whitespace().next().expect("address");
                        base = Some(addr.to_string());
                    }
                    if let Some(rest) = line.split("the token in ").nth(1) {
                        let path = rest.split('>').next().expect("path").to_string();
                        let token = std::fs::read_to_string(&path)
                            .unwrap_or_else(|e| panic!("token file {path}: {e}"))
                            .trim()
                            .to_string();
                        return Serve {
                            child,
                            base: base.expect("the address is printed first"),
                            token,
                            token_file: path,
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

impl Serve {
    pub fn token(&self) -> Option<&str> {
        Some(&self.token)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends SIGTERM and waits (at most 20 s) for the agent to exit.
    pub(crate) fn terminate(&mut self) -> std::process::ExitStatus {
        signal(self.pid(), "TERM");
        common::poll_until(
            Duration::from_secs(20),
            "vppx serve exits on SIGTERM",
            || {
                let status = self.child.try_wait().expect("wait");
                status.ok_or("still running".to_string())
            },
        )
    }
}

pub(crate) fn agent() -> ureq::Agent {
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
    // Whole route tables are read in some tests; ureq's default cap is 10 MiB.
    let text = r
        .body_mut()
        .with_config()
        .limit(1 << 30)
        .read_to_string()
        .expect("body");
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

pub fn post(s: &Serve, path: &str, body: &str, token: Option<&str>) -> Answer {
    let mut req = agent()
        .post(s.url(path))
        .header("Content-Type", "application/json");
    if let Some(t) = token {
        req = req.header("Authorization", format!("Bearer {t}"));
    }
    checked("POST", path, answer(req.send(body)))
}

pub fn put(s: &Serve, path: &str, body: &str, token: Option<&str>) -> Answer {
    let mut req = agent()
        .put(s.url(path))
        .header("Content-Type", "application/json");
    if let Some(t) = token {
        req = req.header("Authorization", format!("Bearer {t}"));
    }
    checked("PUT", path, answer(req.send(body)))
}

pub fn delete(s: &Serve, path: &str, token: Option<&str>) -> Answer {
    let mut req = agent().delete(s.url(path));
    if let Some(t) = token {
        req = req.header("Authorization", format!("Bearer {t}"));
    }
    checked("DELETE", path, answer(req.call()))
}

/// Polls `path` until it answers `status`, or panics after `within`.
pub(crate) fn wait_status(s: &Serve, path: &str, status: u16, within: Duration) -> Answer {
    crate::common::poll_until(within, &format!("{path} answering {status}"), || {
        let a = get(s, path);
        if a.status == status {
            Ok(a)
        } else {
            Err(format!("{}\n{}", a.status, a.text))
        }
    })
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
    answer(
        agent()
            .put(s.url("/routes"))
            .header("Authorization", format!("Bearer {}", s.token))
            .header("Content-Type", "application/json")
            .send("{}"),
    )
    .status(405);
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
    // Counters come from the agent's polling of the stats segment (rates after two polls).
    common::poll_until(Duration::from_secs(15), "pg0 counters and rates", || {
        let pg0 = get(&s, "/interfaces/pg0").status(200).json();
        if pg0["counters"]["rx_packets"].is_u64() && pg0["rates"]["rx_pps"].is_number() {
            return Ok(());
        }
        Err(format!("no counters/rates: {pg0}"))
    });
    get(&s, "/interfaces/nope0").status(404);

    let up = post(&s, "/interfaces/pg0/state", r#"{"admin":"up"}"#, s.token())
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
    post(
        &s,
        "/interfaces/pg0/state",
        r#"{"admin":"sideways"}"#,
        s.token(),
    )
    .status(400);
    post(&s, "/interfaces/pg0/state", "{not json", s.token()).status(400);
    post(
        &s,
        "/interfaces/nope0/state",
        r#"{"admin":"up"}"#,
        s.token(),
    )
    .status(404);

    let a = post(
        &s,
        "/interfaces/pg0/addresses",
        r#"{"address":"10.10.10.1/24"}"#,
        s.token(),
    )
    .status(200)
    .json();
    assert_eq!(a["addresses"], json!(["10.10.10.1/24"]));
    post(
        &s,
        "/interfaces/pg0/addresses",
        r#"{"address":"10.10.10.300/24"}"#,
        s.token(),
    )
    .status(400);
    post(
        &s,
        "/interfaces/nope0/addresses",
        r#"{"address":"10.1.1.1/24"}"#,
        s.token(),
    )
    .status(404);
    let d = delete(&s, "/interfaces/pg0/addresses/10.10.10.1%2F24", s.token())
        .status(200)
        .json();
    assert_eq!(d["addresses"], json!([]));
    delete(&s, "/interfaces/pg0/addresses/10.10.10.1%2F24", s.token()).status(404);
    delete(&s, "/interfaces/pg0/addresses/bogus", s.token()).status(400);
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
        s.token(),
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
        s.token(),
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
    post(&s, "/routes", "[{", s.token()).status(400);
    let hb = post(
        &s,
        "/routes",
        r#"{"prefix":"10.1.2.3/16","next_hop":"10.0.0.1"}"#,
        s.token(),
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
        s.token(),
    )
    .status(404);
    // A table VPP lacks is known before anything is sent.
    let refused = post(
        &s,
        "/routes",
        r#"{"prefix":"10.31.0.0/16","next_hop":"10.0.0.1","table":7}"#,
        s.token(),
    )
    .status(400)
    .json();
    assert!(
        refused["detail"]
            .as_str()
            .unwrap()
            .contains("table 7 (ipv4)"),
        "{refused}"
    );
    post(
        &s,
        "/routes?create_tables=true",
        r#"{"prefix":"10.31.0.0/16","next_hop":"10.0.0.1","table":7}"#,
        s.token(),
    )
    .status(201);
    assert!(has_route(
        &get(&s, "/routes?table=7").status(200).json(),
        "10.31.0.0/16"
    ));

    let gone = delete(&s, "/routes/10.20.0.0%2F16", s.token())
        .status(200)
        .json();
    assert_eq!(gone["prefix"], "10.20.0.0/16");
    assert!(!has_route(
        &get(&s, "/routes").status(200).json(),
        "10.20.0.0/16"
    ));
    delete(&s, "/routes/10.20.0.0%2F16", s.token()).status(404);
    delete(&s, "/routes/10.31.0.0%2F16", s.token()).status(404);
    delete(&s, "/routes/10.31.0.0%2F16?table=7", s.token()).status(200);
    delete(&s, "/routes/2001%3Adb8%3A99%3A%3A%2F48", s.token()).status(200);
    delete(&s, "/routes/10.1.2.3%2F16", s.token()).status(400);
}

#[test]
fn serve_auth_on_mutations_only() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    get(&s, "/interfaces").status(200);
    let state = r#"{"admin":"up"}"#;
    post(&s, "/interfaces/pg0/state", state, None).status(401);
    post(&s, "/interfaces/pg0/state", state, Some("wrong")).status(401);
    post(&s, "/interfaces/pg0/state", state, s.token()).status(200);
    delete(&s, "/routes/10.9.0.0%2F16", None).status(401);
    delete(&s, "/routes/10.9.0.0%2F16", s.token()).status(404);
    post(
        &s,
        "/routes",
        r#"{"prefix":"10.9.0.0/16","next_hop":"drop"}"#,
        s.token(),
    )
    .status(201);
}

/// Without --token-file a change still needs a token: one made at start from the OS RNG
/// into a file only this user can read, under $XDG_RUNTIME_DIR/vppx, removed at exit.
#[test]
fn serve_makes_a_token_when_none_is_given() {
    use std::os::unix::fs::MetadataExt;
    let sim = Sim::start();
    let run = tempfile::tempdir().expect("tempdir");
    let s = Serve::start_bare(sim.dir.path(), &[], &[("XDG_RUNTIME_DIR", run.path())]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    let file = Path::new(&s.token_file).to_path_buf();
    assert!(
        file.starts_with(run.path().join("vppx")),
        "{}",
        file.display()
    );
    assert_eq!(
        std::fs::metadata(&file).expect("token file").mode() & 0o777,
        0o600
    );
    assert!(s.token.len() >= 32, "{}", s.token);
    let route = r#"{"prefix":"10.66.0.0/16","next_hop":"drop"}"#;
    post(&s, "/routes", route, None).status(401);
    post(&s, "/routes", route, Some("wrong")).status(401);
    assert!(!has_route(
        &get(&s, "/routes").status(200).json(),
        "10.66.0.0/16"
    ));
    post(&s, "/routes", route, s.token()).status(201);
    signal(s.pid(), "TERM");
    common::poll_until(
        Duration::from_secs(10),
        "the token file goes at exit",
        || match file.exists() {
            true => Err(format!("{} still there", file.display())),
            false => Ok(()),
        },
    );
}

/// A --token-file others can read, a short one or one past 4 KiB is refused at start
/// (exit 2) naming the file and the fix.
#[test]
fn serve_refuses_weak_token_files() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let open = token_file(dir.path(), "open", TOKEN);
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let short = token_file(dir.path(), "short", "s3cret-token");
    let long = token_file(dir.path(), "long", &"t".repeat(5000));
    for (file, fix) in [
        (&open, "chmod 600"),
        (&short, "fewer than 32"),
        (&long, "larger than 4 KiB"),
    ] {
        let out = Command::new(VPPX)
            .args([
                "--socket",
                "/nonexistent/api.sock",
                "serve",
                "--listen",
                "127.0.0.1:0",
            ])
            .arg("--token-file")
            .arg(file)
            .stdin(Stdio::null())
            .output()
            .expect("run vppx serve");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains(&file.display().to_string()) && err.contains(fix),
            "{err}"
        );
    }
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
        .env(
            "XDG_RUNTIME_DIR",
            std::env::temp_dir().join(format!("vppx-test-{}", std::process::id())),
        )
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
    post(&s, "/routes", &big, s.token()).status(413);
    post(&s, "/interfaces/pg0/addresses", &big, s.token()).status(413);
    // Nothing was programmed.
    assert!(!has_route(
        &get(&s, "/routes").status(200).json(),
        "10.0.0.0/8"
    ));
    // A body under the limit still goes through.
    post(
        &s,
        "/routes",
        r#"{"prefix":"10.0.0.0/8","next_hop":"drop"}"#,
        s.token(),
    )
    .status(201);
    // Without a length up front (chunked), the limit holds as the body arrives.
    let mut c = TcpStream::connect(s.addr()).expect("connect");
    let chunk = "x".repeat(2048);
    write!(
        c,
        "POST /routes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
         Authorization: Bearer {}\r\n\
         Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n{:x}\r\n{chunk}\r\n0\r\n\r\n",
        s.token,
        chunk.len()
    )
    .expect("write");
    c.set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    let mut got = Vec::new();
    let _ = c.read_to_end(&mut got);
    let got = String::from_utf8_lossy(&got);
    assert!(got.starts_with("HTTP/1.1 413"), "{got}");
    let body = got.split("\r\n\r\n").nth(1).unwrap_or_default();
    let j: Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {got}"));
    assert_eq!(j["error"], "payload too large", "{got}");
}

/// An `/events` stream read on a thread: each `data:` object, held to the document.
pub(crate) struct Events {
    rx: mpsc::Receiver<Value>,
    seen: Vec<Value>,
}

impl Events {
    /// Opens the stream once the agent's event connection is attached (it answers 503
    /// until then).
    pub(crate) fn open(s: &Serve) -> Events {
        // No overall deadline: the stream stays open until the agent goes away.
        let streaming: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_recv_response(Some(Duration::from_secs(20)))
            .build()
            .into();
        let resp = common::poll_until(Duration::from_secs(10), "/events opens", || {
            let r = streaming.get(s.url("/events")).call().expect("GET /events");
            match r.status().as_u16() {
                200 => Ok(r),
                status => Err(format!("/events stayed {status}")),
            }
        });
        let ct = resp
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        assert!(ct.starts_with("text/event-stream"), "{ct}");
        openapi::check("GET", "/events", 200, &ct, "");
        let (tx, rx) = mpsc::channel::<Value>();
        std::thread::spawn(move || {
            let reader = BufReader::new(resp.into_body().into_reader());
            for line in reader.lines().map_while(Result::ok) {
                let Some(data) = line.strip_prefix("data: ") else {
                    continue;
                };
                let v = serde_json::from_str(data)
                    .unwrap_or_else(|e| json!({"unparsable": data, "error": e.to_string()}));
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        Events {
            rx,
            seen: Vec::new(),
        }
    }

    /// Reads events until one satisfies `want`, and returns it; panics after `within`.
    pub(crate) fn until(
        &mut self,
        within: Duration,
        what: &str,
        want: impl Fn(&Value) -> bool,
    ) -> Value {
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            let Ok(ev) = self.rx.recv_timeout(Duration::from_millis(200)) else {
                continue;
            };
            openapi::check_event(&ev);
            self.seen.push(ev.clone());
            if want(&ev) {
                return ev;
            }
        }
        panic!("no {what} event within {within:?}; saw {:?}", self.seen);
    }
}

#[test]
fn serve_events_stream() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    let mut events = Events::open(&s);
    for name in ["pg0", "pg1"] {
        let ev = events.until(Duration::from_secs(10), "initial", |e| {
            e["event"] == "initial" && e["name"] == name
        });
        assert_eq!(ev["admin_up"], false, "{ev}");
    }
    post(&s, "/interfaces/pg1/state", r#"{"admin":"up"}"#, s.token()).status(200);
    events.until(Duration::from_secs(10), "pg1 change", |e| {
        e["event"] == "change" && e["name"] == "pg1" && e["admin_up"] == true
    });
}

#[test]
fn serve_survives_a_vpp_restart() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &["--poll", "200ms"]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    get(&s, "/interfaces").status(200);
    assert!(get(&s, "/metrics").text.lines().any(|l| l == "vpp_up 1"));
    // pg0 up now; the restarted simulator has it down again, which /events must resync.
    post(&s, "/interfaces/pg0/state", r#"{"admin":"up"}"#, s.token()).status(200);
    let mut events = Events::open(&s);
    // As the initial state, or as a change if the agent had not seen VPP's event yet.
    events.until(Duration::from_secs(10), "pg0 up", |e| {
        (e["event"] == "initial" || e["event"] == "change")
            && e["name"] == "pg0"
            && e["admin_up"] == true
    });

    let dir = sim.stop();
    wait_status(&s, "/readyz", 503, Duration::from_secs(10));
    events.until(Duration::from_secs(10), "disconnected", |e| {
        e["event"] == "disconnected"
    });
    // Meanwhile every VPP-backed request fails at once, with 503 (a wait would last the
    // API timeout, 5 s).
    for path in ["/interfaces", "/interfaces/pg0", "/routes", "/events"] {
        let t = Instant::now();
        get(&s, path).status(503);
        assert!(
            t.elapsed() < Duration::from_secs(3),
            "{path} took {:?}",
            t.elapsed()
        );
    }
    post(&s, "/interfaces/pg0/state", r#"{"admin":"up"}"#, s.token()).status(503);
    let m = get(&s, "/metrics").status(200);
    assert!(m.text.lines().any(|l| l == "vpp_up 0"), "{}", m.text);
    assert!(
        !m.text.contains("vpp_interface_rx_packets_total"),
        "a frozen segment is not served"
    );
    get(&s, "/healthz").status(200);

    let _sim = Sim::start_in(dir);
    wait_status(&s, "/readyz", 200, Duration::from_secs(15));
    events.until(Duration::from_secs(15), "reconnected", |e| {
        e["event"] == "reconnected"
    });
    events.until(Duration::from_secs(10), "resync of pg0", |e| {
        e["event"] == "resync" && e["name"] == "pg0" && e["admin_up"] == false
    });
    let list = get(&s, "/interfaces").status(200).json();
    assert!(names(&list).contains(&"pg0".to_string()));
    common::poll_until(Duration::from_secs(10), "metrics recover", || {
        let m = get(&s, "/metrics").status(200).text;
        if m.lines().any(|l| l == "vpp_up 1")
            && m.lines().any(|l| l == "vppx_vpp_reconnects_total 1")
            && m.contains("vpp_interface_rx_packets_total{interface=\"pg0\"}")
        {
            return Ok(());
        }
        Err(format!("metrics did not recover:\n{m}"))
    });
}

/// Sends `signal` (STOP, CONT) to a process.
pub(crate) fn signal(pid: u32, signal: &str) {
    let ok = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .status()
        .expect("run kill")
        .success();
    assert!(ok, "kill -{signal} {pid}");
}

/// Waits until every thread of `pid` is stopped (a signal is delivered asynchronously).
fn wait_stopped(pid: u32) {
    common::poll_until(Duration::from_secs(10), "the process stops", || {
        let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).expect("/proc/PID/task");
        let all_stopped = tasks.map_while(Result::ok).all(|t| {
            std::fs::read_to_string(t.path().join("stat")).is_ok_and(|stat| {
                // pid (comm) STATE ...: the state follows the last ')'.
                stat.rsplit_once(')')
                    .is_some_and(|(_, rest)| rest.trim_start().starts_with(['T', 't']))
            })
        });
        match all_stopped {
            true => Ok(()),
            false => Err(format!("process {pid} not stopped")),
        }
    });
}

/// A VPP that stops answering with its socket still there (the simulator stopped with
/// SIGSTOP): a request waits at most the API timeout, then the agent calls VPP down and
/// answers 503 at once; when VPP answers again, so does the agent.
#[test]
fn serve_does_not_hang_on_a_stalled_vpp() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &["--api-timeout", "1s", "--poll", "200ms"]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    get(&s, "/interfaces").status(200);

    struct Resume(u32);
    impl Drop for Resume {
        fn drop(&mut self) {
            signal(self.0, "CONT");
        }
    }
    signal(sim.pid(), "STOP");
    let resume = Resume(sim.pid());
    wait_stopped(sim.pid());
    // At most the API timeout (1 s), far below the request timeout (30 s) a hang would
    // run into.
    let t = Instant::now();
    get(&s, "/routes").status(503);
    assert!(
        t.elapsed() < Duration::from_secs(10),
        "took {:?}",
        t.elapsed()
    );
    wait_status(&s, "/readyz", 503, Duration::from_secs(10));
    for path in ["/interfaces", "/interfaces/pg0", "/routes", "/events"] {
        let t = Instant::now();
        get(&s, path).status(503);
        assert!(
            t.elapsed() < Duration::from_secs(3),
            "{path} took {:?}",
            t.elapsed()
        );
    }
    let m = get(&s, "/metrics").status(200).text;
    assert!(m.lines().any(|l| l == "vpp_up 0"), "{m}");

    drop(resume);
    wait_status(&s, "/readyz", 200, Duration::from_secs(15));
    post(&s, "/interfaces/pg0/state", r#"{"admin":"up"}"#, s.token()).status(200);
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
    let start = std::sync::Arc::new(std::sync::Barrier::new(16));
    let threads: Vec<_> = (0..16)
        .map(|_| {
            let (url, start) = (url.clone(), start.clone());
            std::thread::spawn(move || {
                let agent = agent();
                start.wait();
                agent.get(&url).call().map(|r| r.status().as_u16()).ok()
            })
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
    // One API connection: a stalled request must not be holding it.
    let s = Serve::start(sim.dir.path(), &["--api-connections", "1"]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    // Clients that send half a request and stall (headers or body), more of them than the
    // agent has worker threads or API connections.
    let stalled: Vec<TcpStream> = (0..8)
        .map(|i| {
            let mut c = TcpStream::connect(s.addr()).expect("connect");
            let half: &[u8] = match i % 3 {
                0 => b"POST /routes HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{",
                1 => b"POST /interfaces/pg0/state HTTP/1.1\r\nHost: localhost\r\nContent-Le",
                _ => b"GET /interf",
            };
            c.write_all(half).expect("write");
            c
        })
        .collect();
    // A client that asks for the OpenAPI document again and again and never reads: once
    // the socket buffers are full, the agent's writes to it wait.
    let mut unread = TcpStream::connect(s.addr()).expect("connect");
    let ask = b"GET /openapi.json HTTP/1.1\r\nHost: localhost\r\n\r\n".repeat(1000);
    unread.write_all(&ask).expect("write");
    // Everyone else is served meanwhile, reads and writes alike. The stalled clients would
    // hold a blocking agent for the header (10 s) or request (30 s) timeout.
    for i in 0..5 {
        let t = Instant::now();
        get(&s, "/interfaces").status(200);
        get(&s, "/interfaces/pg0").status(200);
        let admin = if i % 2 == 0 { "up" } else { "down" };
        post(
            &s,
            "/interfaces/pg0/state",
            &format!(r#"{{"admin":"{admin}"}}"#),
            s.token(),
        )
        .status(200);
        get(&s, "/metrics").status(200);
        get(&s, "/healthz").status(200);
        assert!(
            t.elapsed() < Duration::from_secs(5),
            "round {i} took {:?}",
            t.elapsed()
        );
    }
    // The reader that never read still gets its answers when it does.
    drop(stalled);
    let mut buf = [0u8; 16];
    let n = unread.read(&mut buf).expect("read");
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"), "{:?}", &buf[..n]);
}

/// The samples of an exposition: (name, labels as written, value).
pub(crate) fn samples(text: &str) -> Vec<(String, String, f64)> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let (series, value) = l
                .rsplit_once(' ')
                .unwrap_or_else(|| panic!("bad line {l:?}"));
            let (name, labels) = match series.split_once('{') {
                Some((n, rest)) => (n, rest.trim_end_matches('}')),
                None => (series, ""),
            };
            let value = value
                .parse()
                .unwrap_or_else(|e| panic!("bad value in {l:?}: {e}"));
            (name.to_string(), labels.to_string(), value)
        })
        .collect()
}

/// The value of `name{labels}` (labels exactly as the agent writes them).
pub(crate) fn sample(all: &[(String, String, f64)], name: &str, labels: &str) -> Option<f64> {
    all.iter()
        .find(|(n, l, _)| n == name && l == labels)
        .map(|s| s.2)
}

/// `vppx --json stats` for the simulator's segment: the interface counters it reads.
fn stats_json(sim: &Sim) -> Value {
    let socket = sim.dir.path().join("stats.sock");
    sim.vppx(&[
        "--stats-socket",
        socket.to_str().expect("utf-8 temp path"),
        "--json",
        "stats",
    ])
    .ok()
    .json()
}

const COUNTER_FIELDS: [&str; 7] = [
    "rx_packets",
    "rx_bytes",
    "tx_packets",
    "tx_bytes",
    "drops",
    "rx_errors",
    "tx_errors",
];

/// Traffic into pg0 towards a prefix with no route: pg0 receives and drops, the ip4 nodes
/// run, and an error counter moves.
fn sim_with_traffic() -> Sim {
    let sim = Sim::start_with(&[
        "--interfaces",
        "pg0,pg1",
        "--traffic",
        "pg0=1000pps,64B,dst=203.0.113.0/24",
    ]);
    sim.vppx(&["cli", "set interface state pg0 up"]).ok();
    sim
}

/// `/metrics` against the simulator's full stats segment with traffic running: every
/// family the agent promises is there, well formed; its interface counters are the
/// segment's (the same as `vppx stats` and `/interfaces` once the traffic stops); and
/// `/interfaces` shows the traffic's rate.
#[test]
fn serve_metrics_from_the_stats_segment() {
    let sim = sim_with_traffic();
    let s = Serve::start(sim.dir.path(), &[]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));

    let (text, all) = common::poll_until(Duration::from_secs(15), "traffic in /metrics", || {
        let text = get(&s, "/metrics").status(200).text;
        let all = samples(&text);
        let moving = |name, labels| sample(&all, name, labels).is_some_and(|v| v > 0.0);
        if moving("vpp_interface_rx_packets_total", "interface=\"pg0\"")
            && moving("vpp_node_vectors_total", "node=\"ip4-lookup\"")
            && all
                .iter()
                .any(|(n, _, v)| n == "vpp_errors_total" && *v > 0.0)
        {
            return Ok((text, all));
        }
        Err(format!("no traffic in /metrics:\n{text}"))
    });
    assert!(text.ends_with("# EOF\n"), "OpenMetrics ends with # EOF");
    // Every sample belongs to a family with HELP and TYPE lines.
    for (name, _, _) in &all {
        let family = ["_total", "_bucket", "_count", "_sum", "_created"]
            .iter()
            .find_map(|suffix| name.strip_suffix(suffix))
            .filter(|f| text.contains(&format!("# TYPE {f} ")))
            .unwrap_or(name);
        assert!(
            text.contains(&format!("# TYPE {family} "))
                && text.contains(&format!("# HELP {family} ")),
            "{name} has no TYPE/HELP for {family}"
        );
    }
    let rx = sample(&all, "vpp_interface_rx_packets_total", "interface=\"pg0\"").unwrap();
    assert_eq!(
        sample(&all, "vpp_interface_rx_bytes_total", "interface=\"pg0\""),
        Some(rx * 64.0),
        "64-byte packets"
    );
    for field in COUNTER_FIELDS {
        for iface in ["local0", "pg0", "pg1"] {
            let name = format!("vpp_interface_{field}_total");
            assert!(
                sample(&all, &name, &format!("interface=\"{iface}\"")).is_some(),
                "{name} for {iface} missing:\n{text}"
            );
        }
    }
    for name in [
        "vpp_node_calls_total",
        "vpp_node_vectors_total",
        "vpp_node_suspends_total",
        "vpp_node_clocks_total",
        "vpp_node_vectors_per_call",
    ] {
        assert!(
            sample(&all, name, "node=\"ip4-lookup\"").is_some(),
            "{name} for ip4-lookup missing:\n{text}"
        );
    }
    let present = |name: &str| all.iter().any(|(n, _, _)| n == name);
    for name in [
        "vpp_up",
        "vpp_buffer_pool_cached_buffers",
        "vpp_buffer_pool_used_buffers",
        "vpp_buffer_pool_available_buffers",
        "vpp_memory_total_bytes",
        "vpp_memory_used_bytes",
        "vpp_memory_free_bytes",
        "vpp_vector_rate",
        "vppx_http_requests_total",
        "vppx_http_request_duration_seconds_bucket",
        "vppx_http_request_duration_seconds_count",
        "vppx_http_request_duration_seconds_sum",
        "vppx_vpp_reconnects_total",
        "vppx_stats_scrapes_total",
    ] {
        assert!(present(name), "{name} missing:\n{text}");
    }
    assert_eq!(sample(&all, "vpp_up", ""), Some(1.0));
    assert!(sample(&all, "vpp_memory_total_bytes", "heap=\"main heap\"") > Some(0.0));
    assert!(
        sample(
            &all,
            "vppx_http_requests_total",
            "method=\"GET\",route=\"/readyz\",status=\"200\""
        ) >= Some(1.0),
        "the agent counts its own requests:\n{text}"
    );

    // /interfaces shows the rate the agent measured between its polls (1,000 packets/s
    // set; the bounds only catch a wrong unit or field).
    common::poll_until(Duration::from_secs(15), "pg0 rates", || {
        let pg0 = get(&s, "/interfaces/pg0").status(200).json();
        let pps = pg0["rates"]["rx_pps"].as_f64();
        if pps.is_some_and(|p| (300.0..3000.0).contains(&p)) {
            let bps = pg0["rates"]["rx_bps"].as_f64().unwrap_or_default();
            let want = pps.unwrap_or_default() * 64.0 * 8.0;
            assert!(
                (bps - want).abs() <= want * 0.01,
                "rx_bps {bps} for {pps:?} pps"
            );
            return Ok(());
        }
        Err(format!("pg0 rates: {pg0}"))
    });

    // Traffic off: the counters stand still, and /metrics, /interfaces and `vppx stats`
    // agree on every one of them.
    sim.vppx(&["cli", "sim traffic pg0 off"]).ok();
    common::poll_until(Duration::from_secs(15), "the counters agree", || {
        let stats = stats_json(&sim);
        let metrics = samples(&get(&s, "/metrics").status(200).text);
        let list = get(&s, "/interfaces").status(200).json();
        let mut differ = Vec::new();
        for row in stats.as_array().expect("stats rows") {
            let name = row["name"].as_str().expect("name");
            let iface = list
                .as_array()
                .expect("interfaces")
                .iter()
                .find(|i| i["name"] == name)
                .unwrap_or_else(|| panic!("{name} missing from /interfaces"));
            for field in COUNTER_FIELDS {
                let want = row[field].as_u64().expect("a counter");
                let m = sample(
                    &metrics,
                    &format!("vpp_interface_{field}_total"),
                    &format!("interface=\"{name}\""),
                );
                if m != Some(want as f64) || iface["counters"][field] != want {
                    differ.push(format!(
                        "{name} {field}: stats {want}, /metrics {m:?}, /interfaces {}",
                        iface["counters"][field]
                    ));
                }
            }
            if name == "pg0" && iface["rates"]["rx_pps"] != 0.0 {
                differ.push(format!(
                    "pg0 rates after the traffic stopped: {}",
                    iface["rates"]
                ));
            }
        }
        match differ.is_empty() {
            true => Ok(()),
            false => Err(format!("{differ:#?}")),
        }
    });
}

/// A real Prometheus (Debian's package) scrapes the agent while the simulator moves 1,000
/// packets/s into pg0: through its query API, the interface counter is there, a rate it
/// computed over it is near 1,000/s, and every query of the Grafana dashboard in `deploy/`
/// has data. promtool, from the same package, checks `deploy/prometheus.yml` and the fleet's
/// file_sd example in `deploy/prometheus/` (its target file too).
#[test]
fn prometheus_scrapes_the_agent() {
    let (Some(prometheus), Some(promtool)) = (which("prometheus"), which("promtool")) else {
        return crate::common::skip(
            "prometheus is not installed (scripts/setup-test-deps.sh installs it)",
        )
        .unwrap_or(());
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for config in ["deploy/prometheus.yml", "deploy/prometheus/prometheus.yml"] {
        let checked = Command::new(&promtool)
            .args(["check", "config"])
            .arg(root.join(config))
            .output()
            .expect("run promtool");
        assert!(
            checked.status.success(),
            "promtool check config {config}:\n{}{}",
            String::from_utf8_lossy(&checked.stdout),
            String::from_utf8_lossy(&checked.stderr)
        );
    }

    let sim = sim_with_traffic();
    // Series for the busiest routes, which the dashboard's route panel draws.
    let s = Serve::start(sim.dir.path(), &["--route-metrics-top", "5"]);
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
    let log_path = data.path().join("prometheus.log");
    let log = std::fs::File::create(&log_path).expect("log file");
    let mut child = Command::new(prometheus)
        .arg(format!("--config.file={}", config.display()))
        .arg(format!(
            "--storage.tsdb.path={}",
            data.path().join("tsdb").display()
        ))
        .arg(format!("--web.listen-address=127.0.0.1:{port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
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
    let log_tail = || {
        let text = std::fs::read_to_string(&log_path).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    };

    // The result of an instant query: empty while Prometheus starts or has no data yet; a
    // query Prometheus rejects fails the test at once.
    let query = |q: &str| -> Vec<Value> {
        let url = format!("http://127.0.0.1:{port}/api/v1/query");
        let Ok(mut r) = agent().get(&url).query("query", q).call() else {
            return Vec::new();
        };
        let Ok(text) = r.body_mut().read_to_string() else {
            return Vec::new();
        };
        let Ok(v) = serde_json::from_str::<Value>(&text) else {
            return Vec::new();
        };
        assert_ne!(v["status"], "error", "Prometheus rejects {q}: {v}");
        v["data"]["result"].as_array().cloned().unwrap_or_default()
    };
    let value = |r: &Value| -> f64 {
        r["value"][1]
            .as_str()
            .and_then(|v| v.parse().ok())
            .unwrap_or(f64::NAN)
    };
    // Polls `q` until `ok` holds for its result; panics after a generous deadline.
    let eventually = |q: &str, ok: &dyn Fn(&[Value]) -> bool| -> Vec<Value> {
        common::poll_until(Duration::from_secs(90), "Prometheus answers", || {
            let r = query(q);
            match ok(&r) {
                true => Ok(r),
                false => Err(format!("{q} gave {r:?}\nprometheus log:\n{}", log_tail())),
            }
        })
    };

    let counter = eventually(r#"vpp_interface_rx_packets_total{interface="pg0"}"#, &|r| {
        r.first().is_some_and(|x| value(x) > 0.0)
    });
    assert_eq!(counter[0]["metric"]["job"], "vppx");
    // 1,000 packets/s set; the bounds only catch a wrong series or unit.
    eventually(
        r#"rate(vpp_interface_rx_packets_total{interface="pg0"}[10s])"#,
        &|r| {
            r.first()
                .is_some_and(|x| (300.0..3000.0).contains(&value(x)))
        },
    );
    let up = eventually("vpp_up", &|r| !r.is_empty());
    assert_eq!(up[0]["value"][1], "1");

    // Every panel of the dashboard shows data (its variables set to match everything).
    let dash: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("deploy/grafana-dashboard.json")).expect("dashboard"),
    )
    .expect("dashboard is JSON");
    let mut exprs = 0;
    for panel in dash["panels"].as_array().expect("panels") {
        for target in panel["targets"].as_array().into_iter().flatten() {
            let expr = target["expr"].as_str().expect("expr");
            let expr = expr
                .replace("$job", ".+")
                .replace("$instance", ".+")
                .replace("$interface", ".+");
            eventually(&expr, &|r| !r.is_empty());
            exprs += 1;
        }
    }
    assert!(exprs >= 10, "only {exprs} dashboard queries");
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

/// One HTTP/1.1 exchange written by hand (for Host, Origin and methods no client library
/// would send): the status and the body.
fn raw(s: &Serve, head: &str, body: &str) -> (u16, String) {
    let mut c = TcpStream::connect(s.addr()).expect("connect");
    c.set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    let req = format!(
        "{head}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    c.write_all(req.as_bytes()).expect("write");
    let mut got = Vec::new();
    let _ = c.read_to_end(&mut got);
    let text = String::from_utf8_lossy(&got).to_string();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("no status in {text:?}"));
    let body = text
        .split("\r\n\r\n")
        .nth(1)
        .unwrap_or_default()
        .to_string();
    (status, body)
}

fn error_of(body: &str) -> Value {
    let j: Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
    assert!(j["error"].is_string() && j["detail"].is_string(), "{j}");
    j
}

/// What a web page can make a browser send: a text/plain POST (no preflight), a foreign
/// Host (DNS rebinding), a foreign Origin. None of them changes anything, even with the
/// token.
#[test]
fn serve_refuses_browser_shaped_changes() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    let host = s.addr().to_string();
    let auth = format!("Authorization: Bearer {}", s.token);
    let route = r#"{"prefix":"10.66.0.0/16","next_hop":"drop"}"#;

    let (st, body) = raw(
        &s,
        &format!("POST /routes HTTP/1.1\r\nHost: {host}\r\n{auth}\r\nContent-Type: text/plain"),
        route,
    );
    assert_eq!(st, 415, "{body}");
    error_of(&body);
    let (st, _) = raw(
        &s,
        &format!("POST /routes HTTP/1.1\r\nHost: {host}\r\n{auth}"),
        route,
    );
    assert_eq!(st, 415, "a POST without Content-Type");

    let port = host.rsplit(':').next().unwrap();
    for head in [
        format!("GET /interfaces HTTP/1.1\r\nHost: evil.example:{port}"),
        format!(
            "POST /routes HTTP/1.1\r\nHost: evil.example:{port}\r\n{auth}\r\n\
             Content-Type: application/json\r\nOrigin: http://evil.example:{port}"
        ),
    ] {
        let (st, body) = raw(&s, &head, route);
        assert_eq!(st, 421, "{head}: {body}");
        assert_eq!(error_of(&body)["error"], "misdirected request");
    }

    let (st, body) = raw(
        &s,
        &format!(
            "POST /routes HTTP/1.1\r\nHost: {host}\r\n{auth}\r\n\
             Content-Type: application/json\r\nOrigin: http://evil.example"
        ),
        route,
    );
    assert_eq!(st, 403, "{body}");
    error_of(&body);
    assert!(!has_route(
        &get(&s, "/routes").status(200).json(),
        "10.66.0.0/16"
    ));

    // The same from its own origin, and by the name localhost, goes in.
    let (st, body) = raw(
        &s,
        &format!(
            "POST /routes HTTP/1.1\r\nHost: localhost:{port}\r\n{auth}\r\n\
             Content-Type: application/json; charset=utf-8\r\nOrigin: http://localhost:{port}"
        ),
        route,
    );
    assert_eq!(st, 201, "{body}");
}

/// Made-up methods and paths, unauthenticated, add no series to /metrics.
#[test]
fn serve_metrics_labels_are_bounded() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    let host = s.addr().to_string();
    let bogus = |i: usize| {
        let method = format!("ZZZ{}{i}", "a".repeat(200));
        raw(
            &s,
            &format!("{method} /nope/{i} HTTP/1.1\r\nHost: {host}"),
            "",
        )
    };
    bogus(0);
    get(&s, "/metrics").status(200);
    let series = |text: &str| -> std::collections::BTreeSet<(String, String)> {
        samples(text)
            .into_iter()
            .filter(|(n, _, _)| n.starts_with("vppx_"))
            .map(|(n, l, _)| (n, l))
            .collect()
    };
    // A /metrics body is shared for 250 ms: each reading below is rendered afresh.
    std::thread::sleep(Duration::from_millis(300));
    let before = get(&s, "/metrics").status(200).text;
    for i in 1..=300 {
        bogus(i);
    }
    std::thread::sleep(Duration::from_millis(300));
    let after = get(&s, "/metrics").status(200).text;
    assert_eq!(series(&before), series(&after));
    assert!(
        after.len() < before.len() + 200,
        "{} bytes, then {}",
        before.len(),
        after.len()
    );
    assert!(after.contains("method=\"other\"") && after.contains("route=\"unmatched\""));
}

/// --read-only serves reads and refuses every change, token or not.
#[test]
fn serve_read_only_refuses_changes() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &["--read-only"]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    get(&s, "/interfaces").status(200);
    let r = post(&s, "/interfaces/pg0/state", r#"{"admin":"up"}"#, s.token()).status(405);
    assert!(r.json()["detail"].as_str().unwrap().contains("read-only"));
    post(
        &s,
        "/routes",
        r#"{"prefix":"10.9.0.0/16","next_hop":"drop"}"#,
        s.token(),
    )
    .status(405);
    put(&s, "/acls/x", r#"{"rules":[]}"#, s.token()).status(405);
    delete(&s, "/routes/10.9.0.0%2F16", s.token()).status(405);
    let ifs = get(&s, "/interfaces").status(200).json();
    let pg0 = ifs
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == "pg0")
        .unwrap();
    assert_eq!(pg0["admin_up"], false, "{pg0}");
}

/// 64 idle /events clients (the default limit) and one more: that one gets 503 at once,
/// while /metrics and a change still get through.
#[test]
fn serve_event_streams_are_bounded() {
    let sim = Sim::start();
    let s = Serve::start(sim.dir.path(), &[]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    let open = |_| {
        let mut c = TcpStream::connect(s.addr()).expect("connect");
        c.set_read_timeout(Some(Duration::from_secs(20)))
            .expect("timeout");
        write!(c, "GET /events HTTP/1.1\r\nHost: {}\r\n\r\n", s.addr()).expect("write");
        let mut head = [0u8; 12];
        c.read_exact(&mut head).expect("status line");
        (c, String::from_utf8_lossy(&head).to_string())
    };
    // Until the event connection is attached, /events is 503 too.
    let first = common::poll_until(Duration::from_secs(10), "/events opens", || {
        let (c, head) = open(0);
        match head.ends_with("200") {
            true => Ok(c),
            false => Err(head),
        }
    });
    let mut streams = vec![first];
    for i in 1..64 {
        let (c, head) = open(i);
        assert!(head.ends_with("200"), "stream {i}: {head}");
        streams.push(c);
    }
    let (st, body) = raw(
        &s,
        &format!("GET /events HTTP/1.1\r\nHost: {}", s.addr()),
        "",
    );
    assert_eq!(st, 503, "{body}");
    assert_eq!(error_of(&body)["error"], "busy");
    get(&s, "/metrics").status(200);
    post(&s, "/interfaces/pg1/state", r#"{"admin":"up"}"#, s.token()).status(200);
    // A stream that ends gives its slot back.
    drop(streams.pop());
    common::poll_until(Duration::from_secs(30), "the slot comes back", || {
        let (c, head) = open(64);
        drop(c);
        match head.ends_with("200") {
            true => Ok(()),
            false => Err(head),
        }
    });
}

/// With one read connection busy behind a queue of large reads, a change still gets a
/// connection of its own and finishes before the reads do.
#[test]
fn serve_write_gets_through_while_reads_are_busy() {
    let sim = Sim::start();
    let mut rows = String::from("prefix,next_hop\n");
    for i in 0..60_000u32 {
        rows.push_str(&format!(
            "10.{}.{}.{}/32,drop\n",
            100 + i / 65536,
            i / 256 % 256,
            i % 256
        ));
    }
    let csv = sim.dir.path().join("many.csv");
    std::fs::write(&csv, rows).expect("csv");
    sim.vppx(&["route", "load", csv.to_str().unwrap()]).ok();
    let s = Serve::start(sim.dir.path(), &["--api-connections", "1"]);
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    let done = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let readers: Vec<_> = (0..6)
        .map(|_| {
            let (url, done) = (s.url("/routes"), done.clone());
            std::thread::spawn(move || {
                let r = answer(agent().get(url).call());
                done.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                r.status
            })
        })
        .collect();
    // Let the reads queue up (ordering, not timing: the check below is which finished
    // first).
    std::thread::sleep(Duration::from_millis(300));
    post(&s, "/interfaces/pg1/state", r#"{"admin":"up"}"#, s.token()).status(200);
    let finished = done.load(std::sync::atomic::Ordering::SeqCst);
    for r in readers {
        // A read that waited past the connect timeout for a connection is turned away
        // (503 "busy"); either way it finished after the change.
        let status = r.join().expect("reader");
        assert!(status == 200 || status == 503, "{status}");
    }
    assert!(
        finished < 6,
        "the change waited for every read ({finished} of 6 done)"
    );
}

/// A request past --request-timeout answers 504 saying the change may still complete; the
/// agent stays ready and the change does complete.
#[test]
fn serve_timeout_is_504_and_the_agent_stays_ready() {
    let sim = Sim::start();
    let s = Serve::start(
        sim.dir.path(),
        &["--request-timeout", "200ms", "--max-body", "64000000"],
    );
    wait_status(&s, "/readyz", 200, Duration::from_secs(10));
    let n = 40_000u32;
    let body: Vec<Value> = (0..n)
        .map(|i| json!({"prefix": format!("10.{}.{}.{}/32", 150 + i / 65536, i / 256 % 256, i % 256), "next_hop": "drop"}))
        .collect();
    let a = post(&s, "/routes", &Value::Array(body).to_string(), s.token()).status(504);
    assert_eq!(
        a.json(),
        json!({"error": "timeout", "detail": "the change may still complete; read the state to see"})
    );
    get(&s, "/readyz").status(200);
    post(&s, "/interfaces/pg1/state", r#"{"admin":"up"}"#, s.token()).status(200);
    let last = format!(
        "10.{}.{}.{}/32",
        150 + (n - 1) / 65536,
        (n - 1) / 256 % 256,
        (n - 1) % 256
    );
    common::poll_until(
        Duration::from_secs(120),
        "the change completes",
        || match has_route(&sim.vppx(&["--json", "route", "list"]).ok().json(), &last) {
            true => Ok(()),
            false => Err(format!("no route {last} yet")),
        },
    );
    get(&s, "/readyz").status(200);
}

/// The shipped unit is sandboxed: `systemd-analyze security` rates it below 5.0 ("OK").
/// Skipped where systemd-analyze is absent, except under CI, where it must be there.
#[test]
fn serve_systemd_unit_is_hardened() {
    let Some(tool) = which("systemd-analyze") else {
        assert!(
            std::env::var_os("CI").is_none_or(|v| v != "true"),
            "CI=true but systemd-analyze is missing (scripts/setup-test-deps.sh installs systemd)"
        );
        eprintln!("skipped: no systemd-analyze");
        return;
    };
    let unit = concat!(env!("CARGO_MANIFEST_DIR"), "/deploy/vppx-serve.service");
    let out = Command::new(tool)
        .args(["security", "--offline=yes", unit])
        .output()
        .expect("run systemd-analyze");
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    let level: f64 = text
        .lines()
        .find_map(|l| {
            l.split("Overall exposure level for vppx-serve.service:")
                .nth(1)
        })
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no exposure level in:\n{text}"));
    assert!(level < 5.0, "exposure {level}:\n{text}");
}
