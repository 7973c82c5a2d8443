//! `/routes`: list, add (one or many), delete.

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use super::{parse, AppState};
use crate::agent::body::{self, RoutesBody};
use crate::agent::error::ApiError;
use crate::client::ClientError;
use crate::ops::routes::vpp as routes;
use crate::ops::routes::{parse_prefix, RouteKey, RouteSpec};
use crate::ops::OpsError;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteQuery {
    pub table: Option<u32>,
    pub prefix: Option<String>,
}

pub async fn list_routes(
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

pub async fn add_routes(
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

pub async fn del_route(
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
