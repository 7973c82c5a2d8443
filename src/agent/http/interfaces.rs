//! `/interfaces`: the list, one interface, admin state and addresses.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::{parse, AppState};
use crate::agent::body::{self, AddressBody, AdminState, StateBody};
use crate::agent::error::ApiError;
use crate::agent::vpp::CounterView;
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

/// The JSON view of `ifaces` with the counters and rates of `counters` (the supervisor's
/// last poll).
fn views<'a>(ifaces: &'a [Interface], counters: Option<&CounterView>) -> Vec<InterfaceView<'a>> {
    // One interface (the single reads) looks up its own counters only.
    let only = match ifaces {
        [one] => Some(one.sw_if_index),
        _ => None,
    };
    let wanted = |i: u32| only.is_none_or(|o| o == i);
    let (counters, rates) = match counters {
        Some(v) => (
            v.counters
                .iter()
                .filter(|c| wanted(c.sw_if_index))
                .map(|c| (c.sw_if_index, c))
                .collect(),
            v.rates
                .iter()
                .filter(|r| wanted(r.sw_if_index))
                .map(|r| (r.sw_if_index, r))
                .collect(),
        ),
        None => (HashMap::new(), HashMap::new()),
    };
    ifaces.iter().map(|i| view(i, &counters, &rates)).collect()
}

/// One interface with the supervisor's counters and rates.
fn one_with_counters(app: &AppState, iface: &Interface) -> Response {
    let counters = app.vpp.counters();
    match views(std::slice::from_ref(iface), counters.as_deref()).pop() {
        Some(v) => Json(v).into_response(),
        None => ApiError::internal("no interface to show").into_response(),
    }
}

/// The `GET /interfaces` answer, serialised once for each pair of interface dump and
/// counter poll it shows, and then served as the same bytes to every request that comes
/// while both are current (see docs/design.md, “Metrics under load”): it is a function of
/// those two alone, so it is never older than they are.
#[derive(Default)]
pub struct ListBody {
    last: Mutex<Option<Made>>,
    /// Held while a body is serialised, so that requests that come meanwhile wait for it
    /// rather than make their own.
    making: tokio::sync::Mutex<()>,
}

/// A serialised list and what it was made from (kept alive, so that the identity of what
/// a request sees can be compared with it).
struct Made {
    ifaces: Arc<Vec<Interface>>,
    counters: Option<Arc<CounterView>>,
    body: Bytes,
}

impl ListBody {
    fn made_from(
        &self,
        ifaces: &Arc<Vec<Interface>>,
        counters: &Option<Arc<CounterView>>,
    ) -> Option<Bytes> {
        let last = self.last.lock().unwrap_or_else(PoisonError::into_inner);
        let m = last.as_ref()?;
        let same_counters = match (&m.counters, counters) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        (Arc::ptr_eq(&m.ifaces, ifaces) && same_counters).then(|| m.body.clone())
    }

    /// The list of `ifaces` with `counters`, serialised on a blocking thread unless it
    /// already was.
    async fn get(
        &self,
        ifaces: Arc<Vec<Interface>>,
        counters: Option<Arc<CounterView>>,
    ) -> Result<Bytes, ApiError> {
        if let Some(body) = self.made_from(&ifaces, &counters) {
            return Ok(body);
        }
        let _making = self.making.lock().await;
        if let Some(body) = self.made_from(&ifaces, &counters) {
            return Ok(body);
        }
        let (i, c) = (Arc::clone(&ifaces), counters.clone());
        let body =
            tokio::task::spawn_blocking(move || serde_json::to_vec(&views(&i, c.as_deref())))
                .await
                .map_err(|e| {
                    ApiError::internal(format!("serialising the interface list failed: {e}"))
                })?
                .map_err(|e| {
                    ApiError::internal(format!("serialising the interface list failed: {e}"))
                })?;
        let body = Bytes::from(body);
        *self.last.lock().unwrap_or_else(PoisonError::into_inner) = Some(Made {
            ifaces,
            counters,
            body: body.clone(),
        });
        Ok(body)
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
    let body = app.interface_list.get(ifaces, app.vpp.counters()).await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
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
    Ok(one_with_counters(&app, i))
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
    Ok(one_with_counters(&app, &r?))
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
    Ok(one_with_counters(&app, &r?))
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
    Ok(one_with_counters(&app, &r?))
}
