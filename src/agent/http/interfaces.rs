//! `/interfaces`: the list, one interface, admin state and addresses.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::{parse, AppState};
use crate::agent::body::{self, AddressBody, AdminState, StateBody};
use crate::agent::error::ApiError;
use crate::ops::iface::{self, IfMissing, Interface};
use crate::ops::stats::{InterfaceCounters, InterfaceRate};
use crate::ops::OpsError;

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

/// Every interface, from a dump at most the share window old (dropped by any change).
async fn cached_interfaces(app: &AppState) -> Result<Arc<Vec<Interface>>, ApiError> {
    let vpp = Arc::clone(&app.vpp);
    app.vpp
        .interfaces
        .get(|| async move {
            vpp.metrics.interface_dumps.inc();
            vpp.read(iface::list).await
        })
        .await
}

pub async fn list_interfaces(State(app): State<AppState>) -> Result<Response, ApiError> {
    let ifaces = cached_interfaces(&app).await?;
    Ok(with_counters(&app, &ifaces, false))
}

pub async fn get_interface(
    State(app): State<AppState>,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    // From the shared dump (see docs/design.md, “Agent security”): a burst of single
    // reads costs one dump per window, not one each.
    let ifaces = cached_interfaces(&app).await?;
    let i = ifaces
        .iter()
        .find(|i| i.name == name)
        .ok_or_else(|| OpsError::NotFound {
            what: "interface",
            name: name.clone(),
        })?;
    Ok(with_counters(&app, std::slice::from_ref(i), true))
}

pub async fn set_state(
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

pub async fn add_address(
    State(app): State<AppState>,
    Path(name): Path<String>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let b: AddressBody = parse(body::json(&bytes))?;
    let prefix = iface::parse_address(&b.address)?;
    let r = app
        .vpp
        .call(move |c| iface::add_address(c, &name, prefix))
        .await;
    app.vpp.interfaces.invalidate();
    Ok(with_counters(&app, std::slice::from_ref(&r?), true))
}

pub async fn del_address(
    State(app): State<AppState>,
    Path((name, prefix)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let prefix = iface::parse_address(&prefix)?;
    let r = app
        .vpp
        .call(move |c| iface::del_address(c, &name, prefix, IfMissing::Fail))
        .await;
    app.vpp.interfaces.invalidate();
    Ok(with_counters(&app, std::slice::from_ref(&r?), true))
}
