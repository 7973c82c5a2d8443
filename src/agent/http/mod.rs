//! The HTTP API: the router (every route added through [`Api::at`], which records it, so
//! a test can hold the OpenAPI document to exactly what the router serves), the layers
//! every request goes through ([`middleware`]), the handlers, one module per resource, and
//! the connection loop ([`server`]).
//!
//! Handlers are thin: parse, call `ops` through [`Vpp::call`], serialise.

mod acls;
mod apply;
mod events;
mod interfaces;
mod middleware;
mod routes;
mod server;
mod system;

/// What `crate::agent_parsers` re-exports to the fuzz targets.
#[cfg(fuzzing)]
pub mod parsers {
    pub use super::acls::{parse_acl_body, parse_interface_body, DeleteQuery};
    pub use super::routes::{AddQuery, RouteQuery, TableQuery};
}

use std::sync::Arc;
use std::time::Duration;

use axum::handler::Handler;
use axum::http::Method;
use axum::middleware as mw;
use axum::routing::{on, MethodFilter};
use axum::Router;

use super::error::ApiError;
use super::vpp::Vpp;

pub use middleware::HostPolicy;
pub use server::serve;

/// The OpenAPI document served at `/openapi.json`.
pub const OPENAPI: &str = include_str!("../openapi.json");

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
    /// The bearer token every mutation must present.
    pub token: Arc<str>,
    /// Serve no mutation at all (405).
    pub read_only: bool,
    /// The names `Host` may carry.
    pub hosts: Arc<HostPolicy>,
    /// One permit per `/events` client (`--max-event-streams`).
    pub event_streams: Arc<tokio::sync::Semaphore>,
    /// The serialised `GET /interfaces` answer.
    pub interface_list: Arc<interfaces::ListBody>,
}

/// A router that records, for the test that holds it to the OpenAPI document, each
/// (method, path) it serves.
pub struct Api {
    router: Router<AppState>,
    #[cfg(test)]
    routes: Vec<(Method, &'static str)>,
}

impl Api {
    fn new() -> Self {
        Api {
            router: Router::new(),
            #[cfg(test)]
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
        #[cfg(test)]
        self.routes.push((method, path));
        self
    }

    /// Every (method, path) served, in OpenAPI's path syntax (the same as axum's).
    #[cfg(test)]
    pub fn routes(&self) -> &[(Method, &'static str)] {
        &self.routes
    }
}

/// The API's routes.
pub fn api() -> Api {
    Api::new()
        .at(Method::GET, "/healthz", system::healthz)
        .at(Method::GET, "/readyz", system::readyz)
        .at(Method::GET, "/openapi.json", system::openapi)
        .at(Method::GET, "/metrics", system::metrics_text)
        .at(Method::GET, "/interfaces", interfaces::list_interfaces)
        .at(Method::GET, "/interfaces/{name}", interfaces::get_interface)
        .at(
            Method::POST,
            "/interfaces/{name}/state",
            interfaces::set_state,
        )
        .at(
            Method::POST,
            "/interfaces/{name}/addresses",
            interfaces::add_address,
        )
        .at(
            Method::DELETE,
            "/interfaces/{name}/addresses/{prefix}",
            interfaces::del_address,
        )
        .at(Method::GET, "/routes", routes::list_routes)
        .at(Method::POST, "/routes", routes::add_routes)
        .at(Method::GET, "/routes/{prefix}", routes::get_route)
        .at(Method::DELETE, "/routes/{prefix}", routes::del_route)
        .at(Method::GET, "/events", events::events)
        .at(Method::GET, "/acls", acls::list_acls)
        .at(Method::GET, "/acls/{name}", acls::get_acl)
        .at(Method::PUT, "/acls/{name}", acls::put_acl)
        .at(Method::DELETE, "/acls/{name}", acls::delete_acl)
        .at(
            Method::GET,
            "/interfaces/{name}/acls",
            acls::get_interface_acls,
        )
        .at(
            Method::PUT,
            "/interfaces/{name}/acls",
            acls::put_interface_acls,
        )
        .at(Method::POST, "/apply", apply::apply)
}

/// The whole application: routes, fallback, and the layers.
pub fn app(state: AppState, limits: &Limits) -> Router {
    use tower_http::limit::RequestBodyLimitLayer;
    use tower_http::timeout::RequestBodyTimeoutLayer;
    api()
        .router
        .fallback(no_route)
        .layer(mw::from_fn_with_state(state.clone(), middleware::guard))
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(limits.body_bytes))
        .layer(RequestBodyTimeoutLayer::new(limits.request_timeout))
        .layer(mw::from_fn_with_state(
            limits.request_timeout,
            middleware::timeout,
        ))
        .layer(mw::from_fn(middleware::json_errors))
        .layer(mw::from_fn_with_state(state.clone(), middleware::observe))
        .with_state(state)
}

async fn no_route(method: Method, uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!("no endpoint {method} {}", uri.path()))
}

/// Reads a body parser's answer: its message becomes a 400.
fn parse<T>(r: Result<T, String>) -> Result<T, ApiError> {
    r.map_err(ApiError::bad_request)
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
}
