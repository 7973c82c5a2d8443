//! The agent's request parsers, as its handlers call them: the bodies of `POST /routes`,
//! `PUT /acls/{name}`, `PUT /interfaces/{name}/acls`, `POST /interfaces/{name}/state`
//! and `POST /interfaces/{name}/addresses`; the query strings of the route and ACL
//! endpoints (through axum's own `Query` extractor); and the path parameters that are
//! parsed (a route's prefix, an interface address).
//!
//! Input: one byte choosing the parser, then the body, query string or parameter.
#![no_main]

use axum::extract::Query;
use axum::http::Uri;
use libfuzzer_sys::fuzz_target;
use vppx::agent_parsers::body::{self, AddressBody, RoutesBody, StateBody};
use vppx::agent_parsers::{parse_acl_body, parse_interface_body, AddQuery, DeleteQuery};
use vppx::agent_parsers::{RouteQuery, TableQuery};
use vppx::ops::iface::parse_address;
use vppx::ops::routes::{list::any_prefix, parse_prefix};

fn query<T: serde::de::DeserializeOwned>(q: &str) -> Option<T> {
    let uri: Uri = format!("/x?{q}").parse().ok()?;
    Query::<T>::try_from_uri(&uri).ok().map(|Query(v)| v)
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let text = std::str::from_utf8(bytes).ok();
    match which % 9 {
        0 => {
            if let Ok(parsed) = RoutesBody::parse(bytes) {
                if let Ok(routes) = body::routes(parsed) {
                    assert!(!routes.is_empty());
                    assert!(routes.iter().all(|r| !r.paths.is_empty()));
                }
            }
        }
        1 => {
            let name = text.and_then(|t| t.split_once('\n')).map(|(n, _)| n);
            let _ = parse_acl_body(name.unwrap_or("fuzz"), bytes);
        }
        2 => {
            if let Ok(b) = parse_interface_body(bytes) {
                assert!(b.input.is_some() || b.output.is_some());
            }
        }
        3 => {
            let _ = body::json::<StateBody>(bytes);
        }
        4 => {
            if let Ok(b) = body::json::<AddressBody>(bytes) {
                let _ = parse_address(&b.address);
            }
        }
        5 => {
            if let Some(q) = text.and_then(query::<RouteQuery>) {
                if let Some(p) = q.prefix {
                    let _ = any_prefix(&p);
                }
            }
        }
        6 => {
            let _ = text.and_then(query::<AddQuery>);
            let _ = text.and_then(query::<TableQuery>);
            let _ = text.and_then(query::<DeleteQuery>);
        }
        7 => {
            if let Some(t) = text {
                let _ = parse_prefix(t);
            }
        }
        _ => {
            if let Some(t) = text {
                let _ = parse_address(t);
            }
        }
    }
});
