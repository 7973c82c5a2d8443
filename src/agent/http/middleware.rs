//! The layers every request goes through: request metrics (with bounded labels), JSON
//! errors, the request timeout, and the guard that keeps browsers and strangers from
//! changing anything (see docs/design.md, “Agent security”).

use std::net::IpAddr;
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;
use crate::agent::error::ApiError;
use crate::agent::token;

/// The `method` label: a standard method's name, or `other`, so that made-up methods
/// cannot add series.
pub(super) fn method_label(m: &Method) -> &'static str {
    match *m {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::OPTIONS => "OPTIONS",
        Method::CONNECT => "CONNECT",
        Method::TRACE => "TRACE",
        _ => "other",
    }
}

/// Counts each request by method, route template and status, and times it. A path no
/// route matched is `unmatched`, whatever it was.
pub(super) async fn observe(State(app): State<AppState>, req: Request, next: Next) -> Response {
    let method = method_label(req.method());
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |m| m.as_str())
        .to_string();
    let started = Instant::now();
    let resp = next.run(req).await;
    app.vpp.metrics.observe(
        method,
        &route,
        resp.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    resp
}

/// Rewrites error answers the framework makes itself (405, 413, a query that does not
/// parse) into the API's `{"error", "detail"}` shape.
pub(super) async fn json_errors(req: Request, next: Next) -> Response {
    let resp = next.run(req).await;
    let status = resp.status();
    let is_json = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return resp;
    }
    let allow = resp.headers().get(header::ALLOW).cloned();
    let text = axum::body::to_bytes(resp.into_body(), 64 * 1024)
        .await
        .unwrap_or_default();
    let mut detail = String::from_utf8_lossy(&text).trim().to_string();
    if detail.is_empty() {
        detail = status.canonical_reason().unwrap_or("error").to_lowercase();
    }
    let mut out = ApiError::new(status, ApiError::kind_of(status), detail).into_response();
    if let Some(allow) = allow {
        out.headers_mut().insert(header::ALLOW, allow);
    }
    out
}

/// Answers 504 when a request's headers are not ready within `limit` (a stream's body may
/// go on). The work it started is not cancelled: a call to VPP runs to its end on its own
/// thread and gives its connection back.
pub(super) async fn timeout(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(resp) => resp,
        Err(_) => ApiError::timeout().into_response(),
    }
}

/// The names a request's `Host` may carry.
#[derive(Debug, Clone, Default)]
pub struct HostPolicy {
    /// Lower-case host names and address literals (IPv6 without brackets).
    names: Vec<String>,
    /// Listening on every address: any address literal is the listen address (a
    /// rebinding attack needs a name, never a literal).
    any_address: bool,
}

impl HostPolicy {
    /// `localhost`, the listen address (when TCP), and `extra` (`--allowed-host`).
    pub fn new(listen: Option<IpAddr>, extra: &[String]) -> Self {
        let mut names = vec!["localhost".to_string()];
        if let Some(ip) = listen {
            names.push(ip.to_string());
        }
        names.extend(extra.iter().map(|h| normal(h)));
        HostPolicy {
            names,
            any_address: listen.is_some_and(|ip| ip.is_unspecified()),
        }
    }

    /// Whether a `Host` header's value names this agent (its port is not compared: a
    /// proxy in front may use another).
    pub fn allows(&self, host: &str) -> bool {
        let name = normal(strip_port(host));
        if name.is_empty() {
            return false;
        }
        self.names.contains(&name) || (self.any_address && name.parse::<IpAddr>().is_ok())
    }
}

fn normal(h: &str) -> String {
    h.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// `host:port`, `[v6]:port` or `[v6]` to the host alone (IPv6 without brackets).
fn strip_port(host: &str) -> &str {
    let host = host.trim();
    if let Some(rest) = host.strip_prefix('[') {
        return rest.split(']').next().unwrap_or("");
    }
    match host.rsplit_once(':') {
        Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    }
}

fn is_mutation(m: &Method) -> bool {
    !matches!(*m, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether `origin` (`scheme://host[:port]`) is the origin `host` names.
fn same_origin(origin: &str, host: &str) -> bool {
    origin
        .split_once("://")
        .is_some_and(|(_, authority)| authority.eq_ignore_ascii_case(host.trim()))
}

fn header(h: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    h.get(name).and_then(|v| v.to_str().ok())
}

/// Refuses, in order: a `Host` that does not name the agent (421, every method); any
/// mutation under `--read-only` (405); a mutation without the token (401); a mutation
/// from another origin (403); a POST or PUT whose body is not declared JSON (415), which
/// also means a browser must ask first, and the agent never grants it.
pub(super) async fn guard(State(app): State<AppState>, req: Request, next: Next) -> Response {
    match check(&app, req.method(), req.headers()) {
        Ok(()) => next.run(req).await,
        Err(e) => {
            let read_only = e.status == axum::http::StatusCode::METHOD_NOT_ALLOWED;
            let mut resp = e.into_response();
            if read_only {
                resp.headers_mut()
                    .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
            }
            resp
        }
    }
}

fn check(app: &AppState, method: &Method, h: &HeaderMap) -> Result<(), ApiError> {
    let host = header(h, header::HOST).unwrap_or("");
    if !app.hosts.allows(host) {
        return Err(ApiError::misdirected(format!(
            "Host {host:?} does not name this agent; use its listen address or localhost, \
             or start it with --allowed-host NAME"
        )));
    }
    if !is_mutation(method) {
        return Ok(());
    }
    if app.read_only {
        return Err(ApiError::method_not_allowed(
            "this agent is --read-only: it serves no change",
        ));
    }
    let given = header(h, header::AUTHORIZATION)
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        None => {
            return Err(ApiError::unauthorized(
                "this endpoint needs Authorization: Bearer <token> (the token file's path is \
                 printed when the agent starts)",
            ))
        }
        Some(g) if !token::same(g.as_bytes(), app.token.as_bytes()) => {
            return Err(ApiError::unauthorized("wrong token"))
        }
        Some(_) => {}
    }
    if let Some(origin) = header(h, header::ORIGIN) {
        if !same_origin(origin, host) {
            return Err(ApiError::forbidden(format!(
                "a change from origin {origin:?} is not allowed (only same-origin)"
            )));
        }
    }
    let json = header(h, header::CONTENT_TYPE).is_some_and(|ct| {
        ct.split(';')
            .next()
            .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
    });
    let needs_body = matches!(*method, Method::POST | Method::PUT);
    if !json && (needs_body || h.contains_key(header::CONTENT_TYPE)) {
        return Err(ApiError::unsupported_media_type(
            "a change needs Content-Type: application/json",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_the_listen_address_localhost_or_allowed_names() {
        let lo = HostPolicy::new(Some("127.0.0.1".parse().unwrap()), &[]);
        for ok in ["127.0.0.1:9482", "localhost", "LOCALHOST:1", "localhost."] {
            assert!(lo.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example:9482",
            "",
            "10.0.0.1:9482",
            "127.0.0.1.evil.example",
        ] {
            assert!(!lo.allows(bad), "{bad}");
        }
        let v6 = HostPolicy::new(Some("::1".parse().unwrap()), &["Router.Example".into()]);
        assert!(v6.allows("[::1]:9482") && v6.allows("router.example:443"));
        assert!(!v6.allows("[::2]:9482"));
        let any = HostPolicy::new(Some("0.0.0.0".parse().unwrap()), &[]);
        assert!(any.allows("192.0.2.7:9482") && any.allows("[2001:db8::1]:1"));
        assert!(!any.allows("rebind.example:9482"));
        let unix = HostPolicy::new(None, &[]);
        assert!(unix.allows("localhost") && !unix.allows("127.0.0.1"));
    }

    #[test]
    fn origins_must_be_the_host() {
        assert!(same_origin("http://127.0.0.1:9482", "127.0.0.1:9482"));
        assert!(!same_origin("http://evil.example", "127.0.0.1:9482"));
        assert!(!same_origin("null", "127.0.0.1:9482"));
    }

    #[test]
    fn method_labels_are_bounded() {
        assert_eq!(method_label(&Method::GET), "GET");
        let bogus = Method::from_bytes(b"ZZZAAA1").unwrap();
        assert_eq!(method_label(&bogus), "other");
    }
}
