//! The HTTP API: routes, handlers, and the layers every request goes through (request
//! metrics, JSON errors, timeouts, body limits, bearer auth).
//!
//! Handlers are thin: parse, call `ops` through [`Vpp::call`], serialise. Every route is
//! added through [`Api::at`], which records it, so a test can hold the OpenAPI document
//! to exactly what the router serves.

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{MatchedPath, Path, Query, Request, State};
use axum::handler::Handler;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{on, MethodFilter};
use axum::{Json, Router};
use futures_util::stream::{self, Stream, StreamExt};
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast::error::RecvError;

use super::acl;
use super::body::{self, AddressBody, AdminState, RoutesBody, StateBody};
use super::error::ApiError;
use super::metrics;
use super::vpp::{EventLine, Vpp};
use crate::client::ClientError;
use crate::ops::iface::{self, Interface};
use crate::ops::routes::vpp as routes;
use crate::ops::routes::{parse_prefix, RouteKey, RouteSpec};
use crate::ops::stats::{InterfaceCounters, InterfaceRate};
use crate::ops::OpsError;

/// The OpenAPI document served at `/openapi.json`.
pub const OPENAPI: &str = include_str!("openapi.json");

/// Limits on every request.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest request body.
    pub body_bytes: usize,
    /// Longest time to produce a response's headers (a stream's body may go on).
    pub request_timeout: Duration,
}

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub vpp: Arc<Vpp>,
    pub token: Option<Arc<str>>,
}

/// A router that records each (method, path) it serves.
pub struct Api {
    router: Router<AppState>,
    routes: Vec<(Method, &'static str)>,
}

impl Api {
    fn new() -> Self {
        Api {
            router: Router::new(),
            routes: Vec::new(),
        }
    }

    fn at<H, T>(mut self, method: Method, path: &'static str, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let filter = match method {
            Method::GET => MethodFilter::GET,
            Method::POST => MethodFilter::POST,
            Method::PUT => MethodFilter::PUT,
            Method::DELETE => MethodFilter::DELETE,
            _ => unreachable!("the API uses GET, POST, PUT and DELETE only"),
        };
        self.router = self.router.route(path, on(filter, handler));
        self.routes.push((method, path));
        self
    }

    /// Every (method, path) served, in OpenAPI's path syntax (the same as axum's).
    pub fn routes(&self) -> &[(Method, &'static str)] {
        &self.routes
    }
}

/// The API's routes.
pub fn api() -> Api {
    Api::new()
        .at(Method::GET, "/healthz", healthz)
        .at(Method::GET, "/readyz", readyz)
        .at(Method::GET, "/openapi.json", openapi)
        .at(Method::GET, "/metrics", metrics_text)
        .at(Method::GET, "/interfaces", list_interfaces)
        .at(Method::GET, "/interfaces/{name}", get_interface)
        .at(Method::POST, "/interfaces/{name}/state", set_state)
        .at(Method::POST, "/interfaces/{name}/addresses", add_address)
        .at(
            Method::DELETE,
            "/interfaces/{name}/addresses/{prefix}",
            del_address,
        )
        .at(Method::GET, "/routes", list_routes)
        .at(Method::POST, "/routes", add_routes)
        .at(Method::DELETE, "/routes/{prefix}", del_route)
        .at(Method::GET, "/events", events)
        .at(Method::GET, "/acls", acl::list_acls)
        .at(Method::GET, "/acls/{name}", acl::get_acl)
        .at(Method::PUT, "/acls/{name}", acl::put_acl)
        .at(Method::DELETE, "/acls/{name}", acl::delete_acl)
        .at(
            Method::GET,
            "/interfaces/{name}/acls",
            acl::get_interface_acls,
        )
        .at(
            Method::PUT,
            "/interfaces/{name}/acls",
            acl::put_interface_acls,
        )
}

/// The whole application: routes, fallback, and the layers.
pub fn app(state: AppState, limits: &Limits) -> Router {
    use tower_http::limit::RequestBodyLimitLayer;
    use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};
    api()
        .router
        .fallback(no_route)
        .layer(middleware::from_fn_with_state(state.clone(), auth))
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(limits.body_bytes))
        .layer(RequestBodyTimeoutLayer::new(limits.request_timeout))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            limits.request_timeout,
        ))
        .layer(middleware::from_fn(json_errors))
        .layer(middleware::from_fn_with_state(state.clone(), observe))
        .with_state(state)
}

async fn no_route(method: Method, uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!("no endpoint {method} {}", uri.path()))
}

/// Counts each request by method, route pattern and status, and times it.
async fn observe(State(app): State<AppState>, req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |m| m.as_str())
        .to_string();
    let started = Instant::now();
    let resp = next.run(req).await;
    app.vpp.metrics.observe(
        method.as_str(),
        &route,
        resp.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    resp
}

/// Rewrites error answers the framework makes itself (405, 413, a query that does not
/// parse, a timeout) into the API's `{"error", "detail"}` shape.
async fn json_errors(req: Request, next: Next) -> Response {
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

/// Mutating requests need `Authorization: Bearer <token>` when a token is configured.
async fn auth(State(app): State<AppState>, req: Request, next: Next) -> Response {
    let mutating = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if let (true, Some(token)) = (mutating, app.token.as_deref()) {
        let given = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        match given {
            None => {
                return ApiError::unauthorized("this endpoint needs Authorization: Bearer <token>")
                    .into_response()
            }
            Some(g) if !same(g.as_bytes(), token.as_bytes()) => {
                return ApiError::unauthorized("wrong token").into_response()
            }
            Some(_) => {}
        }
    }
    next.run(req).await
}

/// Compares without stopping at the first difference.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn healthz() -> Json<serde_json::Value> {
    Json(serde_json::json!({"status": "ok"}))
}

async fn readyz(State(app): State<AppState>) -> Result<Json<serde_json::Value>, ApiError> {
    if app.vpp.is_up() {
        Ok(Json(
            serde_json::json!({"status": "ready", "vpp": "connected"}),
        ))
    } else {
        Err(ApiError::unavailable(app.vpp.last_error()))
    }
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

async fn metrics_text(State(app): State<AppState>) -> Response {
    let up = app.vpp.is_up();
    let snapshot = app.vpp.snapshot().await;
    let text = metrics::render(snapshot, up, &app.vpp.metrics);
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static(metrics::CONTENT_TYPE),
        )],
        text,
    )
        .into_response()
}

/// An interface's counters, summed over threads.
#[derive(Serialize)]
struct Counters {
    rx_packets: u64,
    rx_bytes: u64,
    tx_packets: u64,
    tx_bytes: u64,
    drops: u64,
    rx_errors: u64,
    tx_errors: u64,
}

/// An interface's rates over the agent's last poll interval.
#[derive(Serialize)]
struct Rates {
    rx_pps: f64,
    tx_pps: f64,
    rx_bps: f64,
    tx_bps: f64,
    drops_pps: f64,
}

/// An interface as `/interfaces` shows it: `vppx iface --json`'s fields, plus counters
/// and rates (`null` until the stats segment has been read, rates until two polls).
#[derive(Serialize)]
struct InterfaceView<'a> {
    #[serde(flatten)]
    iface: &'a Interface,
    counters: Option<Counters>,
    rates: Option<Rates>,
}

fn view<'a>(
    iface: &'a Interface,
    counters: &HashMap<u32, &InterfaceCounters>,
    rates: &HashMap<u32, &InterfaceRate>,
) -> InterfaceView<'a> {
    let c = counters
        .get(&iface.sw_if_index)
        .filter(|c| c.name == iface.name);
    let r = rates
        .get(&iface.sw_if_index)
        .filter(|r| r.name == iface.name);
    InterfaceView {
        iface,
        counters: c.map(|c| Counters {
            rx_packets: c.rx_packets,
            rx_bytes: c.rx_bytes,
            tx_packets: c.tx_packets,
            tx_bytes: c.tx_bytes,
            drops: c.drops,
            rx_errors: c.rx_errors,
            tx_errors: c.tx_errors,
        }),
        rates: r.map(|r| Rates {
            rx_pps: r.rx_pps,
            tx_pps: r.tx_pps,
            rx_bps: r.rx_bps,
            tx_bps: r.tx_bps,
            drops_pps: r.drops_pps,
        }),
    }
}

/// `ifaces` with the supervisor's counters and rates: a list, or with `one` the first
/// interface alone.
fn with_counters(app: &AppState, ifaces: &[Interface], one: bool) -> Response {
    let view_data = app.vpp.counters();
    let (counters, rates) = match view_data.as_deref() {
        Some(v) => (
            v.counters.iter().map(|c| (c.sw_if_index, c)).collect(),
            v.rates.iter().map(|r| (r.sw_if_index, r)).collect(),
        ),
        None => (HashMap::new(), HashMap::new()),
    };
    let mut out: Vec<InterfaceView<'_>> =
        ifaces.iter().map(|i| view(i, &counters, &rates)).collect();
    if one {
        match out.pop() {
            Some(v) => Json(v).into_response(),
            None => ApiError::internal("no interface to show").into_response(),
        }
    } else {
        Json(out).into_response()
    }
}

async fn list_interfaces(State(app): State<AppState>) -> Result<Response, ApiError> {
    let vpp = Arc::clone(&app.vpp);
    let ifaces = app
        .vpp
        .interfaces
        .get(|| async move { vpp.call(iface::list).await })
        .await?;
    Ok(with_counters(&app, &ifaces, false))
}

async fn get_interface(
    State(app): State<AppState>,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    let i = app.vpp.call(move |c| iface::find(c, &name)).await?;
    Ok(with_counters(&app, std::slice::from_ref(&i), true))
}

fn parse<T>(r: Result<T, String>) -> Result<T, ApiError> {
    r.map_err(ApiError::bad_request)
}

async fn set_state(
    State(app): State<AppState>,
    Path(name): Path<String>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let b: StateBody = parse(body::json(&bytes))?;
    let up = b.admin == AdminState::Up;
    let r = app.vpp.call(move |c| iface::set_admin(c, &name, up)).await;
    app.vpp.interfaces.invalidate();
    Ok(with_counters(&app, std::slice::from_ref(&r?), true))
}

async fn add_address(
    State(app): State<AppState>,
    Path(name): Path<String>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let b: AddressBody = parse(body::json(&bytes))?;
    let prefix = iface::parse_address(&b.address)?;
    let r = app
        .vpp
        .call(move |c| iface::set_address(c, &name, prefix, true))
        .await;
    app.vpp.interfaces.invalidate();
    Ok(with_counters(&app, std::slice::from_ref(&r?), true))
}

async fn del_address(
    State(app): State<AppState>,
    Path((name, prefix)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let prefix = iface::parse_address(&prefix)?;
    let r = app
        .vpp
        .call(move |c| {
            let i = iface::find(c, &name)?;
            if !i.addresses.contains(&prefix) {
                return Err(OpsError::NotFound {
                    what: "address",
                    name: format!("{prefix} on {name}"),
                });
            }
            iface::set_address(c, &name, prefix, false)
        })
        .await;
    app.vpp.interfaces.invalidate();
    Ok(with_counters(&app, std::slice::from_ref(&r?), true))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteQuery {
    pub table: Option<u32>,
    pub prefix: Option<String>,
}

async fn list_routes(
    State(app): State<AppState>,
    Query(q): Query<RouteQuery>,
) -> Result<Response, ApiError> {
    let prefix = match q.prefix.as_deref() {
        Some(p) => Some(parse_prefix(p).map_err(|e| ApiError::bad_request(e.to_string()))?),
        None => None,
    };
    let table = q.table;
    let list = app
        .vpp
        .call(move |c| routes::list(c, table, prefix))
        .await?;
    Ok(Json(list).into_response())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddQuery {
    #[serde(default)]
    pub create_tables: bool,
}

async fn add_routes(
    State(app): State<AppState>,
    Query(q): Query<AddQuery>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let parsed = parse(RoutesBody::parse(&bytes))?;
    let one = matches!(parsed, RoutesBody::One(_));
    let specs = parse(body::routes(parsed))?;
    let create = q.create_tables;
    let resp = app
        .vpp
        .call(move |c| program(c, &specs, one, create))
        .await??;
    Ok((StatusCode::CREATED, Json(resp)).into_response())
}

/// Programs validated routes: every interface is checked first (404 before anything is
/// sent), tables are made if asked, then the routes go in order. VPP refusing one stops
/// there (409, naming the route and how many went in before it).
fn program(
    c: &mut crate::client::Client,
    specs: &[RouteSpec],
    one: bool,
    create_tables: bool,
) -> crate::ops::Result<Result<serde_json::Value, ApiError>> {
    let names = routes::InterfaceNames::load(c)?;
    for r in specs {
        for p in &r.paths {
            if let Some(n) = &p.interface {
                if names.index(n).is_none() {
                    return Err(OpsError::NotFound {
                        what: "interface",
                        name: n.clone(),
                    });
                }
            }
        }
    }
    if create_tables {
        let mut tables: Vec<(u32, bool)> = specs.iter().map(|r| (r.table, r.is_ipv6())).collect();
        tables.sort_unstable();
        tables.dedup();
        for (t, v6) in tables {
            routes::table_add_del(c, t, v6, true)?;
        }
    }
    if let (true, Some(spec)) = (one, specs.first()) {
        return Ok(Ok(serde_json::json!(routes::add(c, spec)?)));
    }
    for (i, r) in specs.iter().enumerate() {
        match c.request(routes::add_del_request(r, true, &names)?) {
            Ok(_) => {}
            Err(e @ ClientError::Vpp { .. }) => {
                let mut err = ApiError::from(e);
                err.detail = format!(
                    "route {i} ({} table {}): {}; {i} route(s) before it were programmed",
                    r.prefix, r.table, err.detail
                );
                return Ok(Err(err));
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(Ok(serde_json::json!({"programmed": specs.len()})))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableQuery {
    pub table: Option<u32>,
}

async fn del_route(
    State(app): State<AppState>,
    Path(prefix): Path<String>,
    Query(q): Query<TableQuery>,
) -> Result<Response, ApiError> {
    let prefix = parse_prefix(&prefix).map_err(|e| ApiError::bad_request(e.to_string()))?;
    let key = RouteKey {
        table: q.table.unwrap_or(0),
        prefix,
    };
    let route = app.vpp.call(move |c| routes::del(c, &key)).await?;
    Ok(Json(route).into_response())
}

fn sse(line: &EventLine) -> Result<Event, Infallible> {
    let data = serde_json::to_string(line).unwrap_or_else(|_| "{}".into());
    Ok(Event::default().event(line.event).data(data))
}

/// What a client that fell behind the event channel gets instead of the events it missed.
fn lagged_data(missed: u64) -> serde_json::Value {
    serde_json::json!({
        "timestamp": humantime::format_rfc3339_millis(std::time::SystemTime::now()).to_string(),
        "event": "lagged",
        "missed": missed,
    })
}

fn lagged(missed: u64) -> Event {
    Event::default()
        .event("lagged")
        .data(lagged_data(missed).to_string())
}

async fn events(
    State(app): State<AppState>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    if !app.vpp.events_ready() {
        return Err(ApiError::unavailable(app.vpp.last_error()));
    }
    let (rx, now) = app.vpp.subscribe_events();
    let initial: Vec<_> = now
        .iter()
        .map(|s| sse(&EventLine::state("initial", s)))
        .collect();
    let live = stream::unfold(rx, |mut rx| async move {
        let ev = match rx.recv().await {
            Ok(line) => sse(&line),
            Err(RecvError::Lagged(n)) => Ok(lagged(n)),
            Err(RecvError::Closed) => return None,
        };
        Some((ev, rx))
    });
    Ok(Sse::new(stream::iter(initial).chain(live))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

/// Serves `app` on `listener` until `shutdown` resolves: one task per connection, at
/// most `max_connections` at once, each closed after `idle` without a byte either way
/// and given `header_timeout` to send a request's headers.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    max_connections: usize,
    header_timeout: Duration,
    idle: Duration,
    shutdown: impl std::future::Future<Output = ()>,
) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::service::TowerToHyperService;
    let slots = Arc::new(tokio::sync::Semaphore::new(max_connections.max(1)));
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            p = Arc::clone(&slots).acquire_owned() => match p { Ok(p) => p, Err(_) => break },
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            r = listener.accept() => match r {
                Ok((s, _)) => s,
                Err(_) => {
                    // Out of descriptors or similar: back off instead of spinning.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let svc = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let _permit = permit;
            let (io, last) = super::idle::Watched::new(stream);
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout)
                .serve_connection(TokioIo::new(io), svc);
            tokio::select! {
                _ = conn => {}
                () = super::idle::expired(last, idle) => {}
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// The OpenAPI document lists exactly the routes the router serves.
    #[test]
    fn openapi_matches_the_router() {
        let doc: serde_json::Value = serde_json::from_str(OPENAPI).expect("openapi.json is JSON");
        let mut documented = BTreeSet::new();
        let paths = doc["paths"].as_object().expect("paths");
        for (path, ops) in paths {
            for method in ops.as_object().expect("operations").keys() {
                documented.insert((method.to_uppercase(), path.clone()));
            }
        }
        let served: BTreeSet<(String, String)> = api()
            .routes()
            .iter()
            .map(|(m, p)| (m.to_string(), p.to_string()))
            .collect();
        let undocumented: Vec<_> = served.difference(&documented).collect();
        let unserved: Vec<_> = documented.difference(&served).collect();
        assert!(
            undocumented.is_empty() && unserved.is_empty(),
            "served but not documented: {undocumented:?}; documented but not served: {unserved:?}"
        );
    }

    #[test]
    fn every_mutating_operation_declares_auth_and_errors_use_the_error_schema() {
        let doc: serde_json::Value = serde_json::from_str(OPENAPI).expect("openapi.json is JSON");
        for (path, ops) in doc["paths"].as_object().expect("paths") {
            for (method, op) in ops.as_object().expect("operations") {
                if method != "get" {
                    assert!(
                        op.get("security").is_some(),
                        "{method} {path} lacks security"
                    );
                    assert!(
                        op["responses"].get("401").is_some(),
                        "{method} {path} lacks 401"
                    );
                }
                for (status, r) in op["responses"].as_object().expect("responses") {
                    if status.starts_with('4') || status.starts_with('5') {
                        assert_eq!(
                            r["content"]["application/json"]["schema"]["$ref"],
                            "#/components/schemas/Error",
                            "{method} {path} {status}"
                        );
                    }
                }
            }
        }
    }

    /// A connection that stops moving is closed: silent from the start, stalled in its
    /// headers, stalled in its body, or silent after an answer. The limits here are short;
    /// the bound on the test is generous (it only has to tell "closed" from "kept open").
    #[test]
    fn connections_that_stop_moving_are_closed() {
        use std::io::{Read, Write};
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let listener = rt
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let app = Router::new().route(
            "/",
            axum::routing::post(|b: Bytes| async move { b.len().to_string() }),
        );
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = rt.spawn(serve(
            listener,
            app,
            16,
            Duration::from_millis(300),
            Duration::from_millis(300),
            async {
                let _ = stopped.await;
            },
        ));
        let closed = |c: &mut std::net::TcpStream| -> Vec<u8> {
            c.set_read_timeout(Some(Duration::from_secs(30)))
                .expect("timeout");
            let mut got = Vec::new();
            match c.read_to_end(&mut got) {
                Ok(_) => got,
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => got,
                Err(e) => panic!("the connection was kept open ({e}); got {got:?}"),
            }
        };
        for half in [
            &b""[..],
            b"POST / HTTP/1.1\r\nHost: x\r\n",
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n12",
        ] {
            let mut c = std::net::TcpStream::connect(addr).expect("connect");
            c.write_all(half).expect("write");
            closed(&mut c);
        }
        let mut c = std::net::TcpStream::connect(addr).expect("connect");
        c.write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n12")
            .expect("write");
        let answer = String::from_utf8(closed(&mut c)).expect("text");
        assert!(
            answer.starts_with("HTTP/1.1 200") && answer.ends_with("\r\n\r\n2"),
            "{answer:?}"
        );
        let _ = stop.send(());
        rt.block_on(server).expect("server");
    }

    /// Every kind of `/events` data line has the documented EventLine fields, no others.
    #[test]
    fn event_lines_match_the_document() {
        let doc: serde_json::Value = serde_json::from_str(OPENAPI).expect("openapi.json is JSON");
        let schema = &doc["components"]["schemas"]["EventLine"];
        let documented = schema["properties"].as_object().expect("properties");
        let state = crate::ops::events::LinkState {
            sw_if_index: 1,
            name: "pg0".into(),
            admin_up: true,
            link_up: false,
            deleted: false,
        };
        for line in [
            serde_json::to_value(EventLine::state("change", &state)).expect("json"),
            serde_json::to_value(EventLine::note("disconnected", "gone".into())).expect("json"),
            lagged_data(3),
        ] {
            let obj = line.as_object().expect("an object");
            for key in obj.keys() {
                assert!(documented.contains_key(key), "{key} undocumented in {line}");
            }
            for key in schema["required"].as_array().expect("required") {
                assert!(
                    obj.contains_key(key.as_str().unwrap()),
                    "{key} missing in {line}"
                );
            }
            let event = &line["event"];
            assert!(
                documented["event"]["enum"]
                    .as_array()
                    .is_some_and(|e| e.contains(event)),
                "{event} is not a documented event"
            );
        }
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"abcd"));
    }
}
