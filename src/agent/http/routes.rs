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
use crate::ops::routes::vpp as routes;
use crate::ops::routes::{parse_prefix, RouteKey, RouteSpec};

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
        .read(move |c| routes::list(c, table, prefix))
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

/// Programs validated routes through the one programming function: interfaces (404) and
/// tables (400) are checked before anything is sent, tables made if asked, then the routes
/// go in order. VPP refusing one stops there (409, naming the route and how many went in
/// before it).
fn program(
    c: &mut crate::client::Client,
    specs: &[RouteSpec],
    one: bool,
    create_tables: bool,
) -> crate::ops::Result<Result<serde_json::Value, ApiError>> {
    if let (true, Some(spec)) = (one, specs.first()) {
        return Ok(Ok(serde_json::json!(routes::add(c, spec, create_tables)?)));
    }
    let added = crate::ops::routes::program::add_routes(c, specs, create_tables)?;
    if let Some(r) = added.refused {
        let i = r.index;
        let mut err = ApiError::from(r.error);
        err.detail = format!(
            "route {i} ({} table {}): {}; {i} route(s) before it were programmed",
            r.prefix, r.table, err.detail
        );
        return Ok(Err(err));
    }
    Ok(Ok(serde_json::json!({"programmed": added.programmed})))
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
