//! `/routes`: list (streamed), one route with its traffic, add (one or many), delete.

use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use futures_util::stream::{self, StreamExt};
use serde::Deserialize;
use tokio::sync::mpsc;

use super::{parse, AppState};
use crate::agent::body::{self, RoutesBody};
use crate::agent::error::ApiError;
use crate::ops::routes::list::{self, ListQuery, RouteCounters};
use crate::ops::routes::vpp as routes;
use crate::ops::routes::{parse_prefix, RouteKey, RouteSpec};
use crate::stats::CombinedCounter;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteQuery {
    pub table: Option<u32>,
    pub prefix: Option<String>,
    /// Each route's packets and bytes from `/net/route/to`.
    #[serde(default)]
    pub counters: bool,
}

/// How much of the array is gathered before it is handed to the connection.
const CHUNK: usize = 64 * 1024;

/// Chunks on their way from the dump to the connection: with [`CHUNK`], what bounds the
/// memory one listing takes, whatever the FIB holds.
const CHUNKS_IN_FLIGHT: usize = 4;

/// What the dump sends the response: a chunk of the array, or the failure that ended it.
enum Piece {
    Bytes(Bytes),
    Failed(ApiError),
}

/// `GET /routes`: the JSON array is written as VPP's details arrive (see docs/design.md,
/// “Streamed route listings”). A failure before the first chunk (64 KiB) is an error answer
/// like any other; one after it ends the body without its closing bracket and without the
/// chunked encoding's last chunk, so that no client takes it for the whole table.
pub async fn list_routes(
    State(app): State<AppState>,
    Query(q): Query<RouteQuery>,
) -> Result<Response, ApiError> {
    let prefix = match q.prefix.as_deref() {
        Some(p) => Some(list::any_prefix(p).map_err(|e| ApiError::bad_request(e.to_string()))?),
        None => None,
    };
    let query = ListQuery {
        table: q.table,
        prefix,
    };
    let totals = if q.counters {
        Some(app.vpp.route_totals().await?)
    } else {
        None
    };
    let (tx, mut rx) = mpsc::channel::<Piece>(CHUNKS_IN_FLIGHT);
    let failed = tx.clone();
    let vpp = app.vpp.clone();
    tokio::spawn(async move {
        let listed = vpp
            .read(move |c| stream_routes(c, query, totals.as_deref(), &tx))
            .await;
        if let Err(e) = listed {
            let _ = failed.send(Piece::Failed(e)).await;
        }
    });
    let first = match rx.recv().await {
        Some(Piece::Bytes(b)) => b,
        Some(Piece::Failed(e)) => return Err(e),
        None => {
            return Err(ApiError::internal(
                "the route listing ended without an answer",
            ))
        }
    };
    let rest = stream::unfold(Some(rx), |rx| async move {
        let mut rx = rx?;
        match rx.recv().await? {
            Piece::Bytes(b) => Some((Ok(b), Some(rx))),
            Piece::Failed(e) => Some((
                Err(std::io::Error::other(format!(
                    "route listing cut short: {}",
                    e.detail
                ))),
                None,
            )),
        }
    });
    let body = stream::once(async move { Ok::<_, std::io::Error>(first) }).chain(rest);
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        axum::body::Body::from_stream(body),
    )
        .into_response())
}

/// Writes the routes `query` selects to `tx` as a JSON array in chunks, as VPP's details
/// arrive. A client that went away stops the writing; the dump is still read to its end,
/// so that the connection stays usable.
fn stream_routes(
    c: &mut crate::client::Client,
    query: ListQuery,
    totals: Option<&[CombinedCounter]>,
    tx: &mpsc::Sender<Piece>,
) -> crate::ops::Result<()> {
    let mut buf = Vec::with_capacity(CHUNK + 4096);
    buf.push(b'[');
    let mut any = false;
    let mut gone = false;
    list::for_each(c, query, totals, |r| {
        if gone {
            return;
        }
        buf.extend_from_slice(if any { b",\n  " } else { b"\n  " });
        any = true;
        // A route is plain data: serialising it into memory cannot fail.
        let _ = serde_json::to_writer(&mut buf, &r);
        if buf.len() >= CHUNK {
            let chunk = std::mem::replace(&mut buf, Vec::with_capacity(CHUNK + 4096));
            gone = tx.blocking_send(Piece::Bytes(chunk.into())).is_err();
        }
    })?;
    if !gone {
        buf.extend_from_slice(if any { b"\n]\n" } else { b"]\n" });
        let _ = tx.blocking_send(Piece::Bytes(buf.into()));
    }
    Ok(())
}

/// `GET /routes/{prefix}`: one route (either form of a connected route's prefix names
/// it) with its counters and, from the agent's second reading of it on, its rates. The
/// route is answered without counters while the stats segment cannot be read.
pub async fn get_route(
    State(app): State<AppState>,
    Path(prefix): Path<String>,
    Query(q): Query<TableQuery>,
) -> Result<Response, ApiError> {
    let prefix = list::any_prefix(&prefix).map_err(|e| ApiError::bad_request(e.to_string()))?;
    let key = RouteKey {
        table: q.table.unwrap_or(0),
        prefix,
    };
    let mut route = app.vpp.read(move |c| list::show(c, &key)).await?;
    if let Ok(totals) = app.vpp.route_totals().await {
        let counters = RouteCounters::at(&totals, route.stats_index);
        route.counters = Some(counters);
        route.rates = app
            .vpp
            .route_samples
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .observe(
                (route.table, route.prefix, route.stats_index),
                counters,
                Instant::now(),
            );
    }
    Ok(Json(route).into_response())
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
