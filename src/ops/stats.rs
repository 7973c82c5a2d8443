//! Counters in operators' terms, computed from one stats-segment snapshot:
//! per interface, per node (like `show runtime`), per error (like `show
//! errors`), system, buffer pools, heaps; and per-second rates between two
//! snapshots. Pure functions: the CLI and the agent both render these.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::ops::routes::list::RouteIndex;
use crate::stats::{CombinedCounter, Snapshot, StatValue};

/// The paths `vppx stats` reads for each view.
pub mod paths {
    pub const INTERFACES: &[&str] = &["^/if/"];
    pub const NODES: &[&str] = &["^/sys/node/"];
    pub const ERRORS: &[&str] = &["^/err/"];
    pub const SYSTEM: &[&str] = &["^/sys/"];
    pub const BUFFERS: &[&str] = &["^/buffer-pools/"];
    pub const MEMORY: &[&str] = &["^/mem/"];
}

fn names(snap: &Snapshot, path: &str) -> Vec<Option<String>> {
    match snap.get(path) {
        Some(StatValue::Names(n)) => n.clone(),
        _ => Vec::new(),
    }
}

fn simple(snap: &Snapshot, path: &str) -> Vec<u64> {
    snap.get(path)
        .and_then(StatValue::simple_by_index)
        .unwrap_or_default()
}

fn combined(snap: &Snapshot, path: &str) -> Vec<(u64, u64)> {
    snap.get(path)
        .and_then(StatValue::combined_by_index)
        .map(|v| v.into_iter().map(|c| (c.packets, c.bytes)).collect())
        .unwrap_or_default()
}

fn at<T: Copy + Default>(v: &[T], i: usize) -> T {
    v.get(i).copied().unwrap_or_default()
}

/// One interface's counters, summed over threads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct InterfaceCounters {
    pub sw_if_index: u32,
    pub name: String,
    pub rx_packets: u64,
    pub rx_bytes: u64,
    pub tx_packets: u64,
    pub tx_bytes: u64,
    pub drops: u64,
    pub rx_errors: u64,
    pub tx_errors: u64,
}

/// Every named interface in `/if/names`, by index.
pub fn interfaces(snap: &Snapshot) -> Vec<InterfaceCounters> {
    let rx = combined(snap, "/if/rx");
    let tx = combined(snap, "/if/tx");
    let drops = simple(snap, "/if/drops");
    let rx_err = simple(snap, "/if/rx-error");
    let tx_err = simple(snap, "/if/tx-error");
    names(snap, "/if/names")
        .into_iter()
        .enumerate()
        .filter_map(|(i, n)| {
            let name = n?;
            Some(InterfaceCounters {
                sw_if_index: i as u32,
                name,
                rx_packets: at(&rx, i).0,
                rx_bytes: at(&rx, i).1,
                tx_packets: at(&tx, i).0,
                tx_bytes: at(&tx, i).1,
                drops: at(&drops, i),
                rx_errors: at(&rx_err, i),
                tx_errors: at(&tx_err, i),
            })
        })
        .collect()
}

/// One node's runtime counters, like a row of `show runtime`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NodeCounters {
    pub name: String,
    pub calls: u64,
    pub vectors: u64,
    pub suspends: u64,
    pub clocks: u64,
    pub vectors_per_call: f64,
    pub clocks_per_vector: f64,
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Every node that has run at all.
pub fn nodes(snap: &Snapshot) -> Vec<NodeCounters> {
    let calls = simple(snap, "/sys/node/calls");
    let vectors = simple(snap, "/sys/node/vectors");
    let suspends = simple(snap, "/sys/node/suspends");
    let clocks = simple(snap, "/sys/node/clocks");
    names(snap, "/sys/node/names")
        .into_iter()
        .enumerate()
        .filter_map(|(i, n)| {
            let name = n?;
            let (c, v, s, k) = (
                at(&calls, i),
                at(&vectors, i),
                at(&suspends, i),
                at(&clocks, i),
            );
            (c + v + s + k > 0).then(|| NodeCounters {
                name,
                calls: c,
                vectors: v,
                suspends: s,
                clocks: k,
                vectors_per_call: ratio(v, c),
                clocks_per_vector: ratio(k, v),
            })
        })
        .collect()
}

/// One error counter, like a row of `show errors`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorCounter {
    pub node: String,
    pub reason: String,
    pub count: u64,
}

/// Every non-zero `/err/<node>/<reason>` counter, by node then reason.
pub fn errors(snap: &Snapshot) -> Vec<ErrorCounter> {
    snap.iter()
        .filter_map(|e| {
            let rest = e.name.strip_prefix("/err/")?;
            let (node, reason) = rest.split_once('/')?;
            let count = e.value.sum()?;
            (count > 0).then(|| ErrorCounter {
                node: node.to_string(),
                reason: reason.to_string(),
                count,
            })
        })
        .collect()
}

/// The acl plugin's counters of one node (`acl-plugin-in-ip4-fa`, ...), as VPP counts them:
/// per node, not per interface (see docs/design.md, “ACLs”).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AclCounters {
    pub node: String,
    /// `/err/<node>/ACL deny packets`.
    pub deny: u64,
    /// `/err/<node>/ACL permit packets`.
    pub permit: u64,
}

/// Every node with ACL deny or permit counters, zero or not, by node.
pub fn acl_counters(snap: &Snapshot) -> Vec<AclCounters> {
    let mut by_node: BTreeMap<&str, AclCounters> = BTreeMap::new();
    for e in snap.iter() {
        let Some(rest) = e.name.strip_prefix("/err/") else {
            continue;
        };
        let Some((node, reason)) = rest.split_once('/') else {
            continue;
        };
        let deny = match reason {
            "ACL deny packets" => true,
            "ACL permit packets" => false,
            _ => continue,
        };
        let count = e.value.sum().unwrap_or(0);
        let c = by_node.entry(node).or_insert_with(|| AclCounters {
            node: node.to_string(),
            deny: 0,
            permit: 0,
        });
        if deny {
            c.deny = count;
        } else {
            c.permit = count;
        }
    }
    by_node.into_values().collect()
}

/// `/sys/*` scalars and gauges (heartbeat, boot time, vector rate, ...).
pub fn system(snap: &Snapshot) -> BTreeMap<String, u64> {
    snap.iter()
        .filter(|e| e.name.starts_with("/sys/") && !e.name.starts_with("/sys/node/"))
        .filter_map(|e| match e.value {
            StatValue::Scalar(v) | StatValue::Gauge(v) => Some((e.name.to_string(), v)),
            _ => None,
        })
        .collect()
}

/// One buffer pool.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BufferPool {
    pub name: String,
    pub cached: u64,
    pub used: u64,
    pub available: u64,
}

pub fn buffers(snap: &Snapshot) -> Vec<BufferPool> {
    let mut pools: BTreeMap<String, BufferPool> = BTreeMap::new();
    for e in snap.iter() {
        let Some(rest) = e.name.strip_prefix("/buffer-pools/") else {
            continue;
        };
        let Some((pool, what)) = rest.rsplit_once('/') else {
            continue;
        };
        let Some(v) = e.value.sum() else { continue };
        let p = pools.entry(pool.to_string()).or_insert_with(|| BufferPool {
            name: pool.to_string(),
            ..Default::default()
        });
        match what {
            "cached" => p.cached = v,
            "used" => p.used = v,
            "available" => p.available = v,
            _ => {}
        }
    }
    pools.into_values().collect()
}

/// One heap: `/mem/<heap>`, a vector of seven numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Heap {
    pub name: String,
    pub total: u64,
    pub used: u64,
    pub free: u64,
    pub used_mmap: u64,
    pub total_alloc: u64,
    pub free_chunks: u64,
    pub releasable: u64,
}

pub fn memory(snap: &Snapshot) -> Vec<Heap> {
    snap.iter()
        .filter_map(|e| {
            let name = e.name.strip_prefix("/mem/")?;
            if name.contains('/') {
                return None;
            }
            let v = e.value.simple_by_index()?;
            Some(Heap {
                name: name.to_string(),
                total: at(&v, 0),
                used: at(&v, 1),
                free: at(&v, 2),
                used_mmap: at(&v, 3),
                total_alloc: at(&v, 4),
                free_chunks: at(&v, 5),
                releasable: at(&v, 6),
            })
        })
        .collect()
}

/// Every entry as a path and a JSON value, like vpp_get_stats: scalars and
/// gauges as numbers, vectors as `[thread][index]`, combined as
/// `[packets, bytes]` pairs, names as a list, symlinks as per-thread values.
pub fn dump(snap: &Snapshot) -> Vec<(String, serde_json::Value)> {
    use serde_json::json;
    snap.iter()
        .map(|e| {
            let v = match &e.value {
                StatValue::Scalar(v) | StatValue::Gauge(v) => json!(v),
                StatValue::Simple(t) => json!(t),
                StatValue::Combined(t) => json!(t
                    .iter()
                    .map(|th| th.iter().map(|c| [c.packets, c.bytes]).collect::<Vec<_>>())
                    .collect::<Vec<_>>()),
                StatValue::Names(n) => json!(n),
                StatValue::Histogram(h) => json!({"min_exp": h.min_exp, "bins": h.bins}),
                StatValue::SimpleElement(t) => json!(t),
                StatValue::CombinedElement(t) => {
                    json!(t.iter().map(|c| [c.packets, c.bytes]).collect::<Vec<_>>())
                }
            };
            (e.name.to_string(), v)
        })
        .collect()
}

/// An interface's rates over one interval.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct InterfaceRate {
    pub sw_if_index: u32,
    pub name: String,
    pub rx_pps: f64,
    pub tx_pps: f64,
    pub rx_bps: f64,
    pub tx_bps: f64,
    pub drops_pps: f64,
    pub rx_errors_pps: f64,
    pub tx_errors_pps: f64,
}

pub(crate) fn per_sec(new: u64, old: u64, secs: f64) -> f64 {
    if secs <= 0.0 {
        return 0.0;
    }
    // A counter that went backwards was cleared: count from zero.
    let d = if new >= old { new - old } else { new };
    d as f64 / secs
}

/// Rates per interface between two snapshots `secs` apart; interfaces are
/// matched by index and name, so a re-used index starts afresh.
pub fn interface_rates(
    old: &[InterfaceCounters],
    new: &[InterfaceCounters],
    secs: f64,
) -> Vec<InterfaceRate> {
    new.iter()
        .map(|n| {
            let zero = InterfaceCounters::default();
            let o = old
                .iter()
                .find(|o| o.sw_if_index == n.sw_if_index && o.name == n.name)
                .unwrap_or(&zero);
            InterfaceRate {
                sw_if_index: n.sw_if_index,
                name: n.name.clone(),
                rx_pps: per_sec(n.rx_packets, o.rx_packets, secs),
                tx_pps: per_sec(n.tx_packets, o.tx_packets, secs),
                rx_bps: per_sec(n.rx_bytes, o.rx_bytes, secs) * 8.0,
                tx_bps: per_sec(n.tx_bytes, o.tx_bytes, secs) * 8.0,
                drops_pps: per_sec(n.drops, o.drops, secs),
                rx_errors_pps: per_sec(n.rx_errors, o.rx_errors, secs),
                tx_errors_pps: per_sec(n.tx_errors, o.tx_errors, secs),
            }
        })
        .collect()
}

/// A node's rates over one interval.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NodeRate {
    pub name: String,
    pub calls_per_second: f64,
    pub vectors_per_second: f64,
    pub vectors_per_call: f64,
    pub clocks_per_vector: f64,
}

pub fn node_rates(old: &[NodeCounters], new: &[NodeCounters], secs: f64) -> Vec<NodeRate> {
    new.iter()
        .map(|n| {
            let zero = NodeCounters::default();
            let o = old.iter().find(|o| o.name == n.name).unwrap_or(&zero);
            let dc = n.calls.saturating_sub(o.calls);
            let dv = n.vectors.saturating_sub(o.vectors);
            let dk = n.clocks.saturating_sub(o.clocks);
            NodeRate {
                name: n.name.clone(),
                calls_per_second: per_sec(n.calls, o.calls, secs),
                vectors_per_second: per_sec(n.vectors, o.vectors, secs),
                vectors_per_call: ratio(dv, dc),
                clocks_per_vector: ratio(dk, dv),
            }
        })
        .collect()
}

/// An error counter's rate over one interval.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorRate {
    pub node: String,
    pub reason: String,
    pub count: u64,
    pub per_second: f64,
}

pub fn error_rates(old: &[ErrorCounter], new: &[ErrorCounter], secs: f64) -> Vec<ErrorRate> {
    new.iter()
        .map(|n| {
            let o = old
                .iter()
                .find(|o| o.node == n.node && o.reason == n.reason)
                .map_or(0, |o| o.count);
            ErrorRate {
                node: n.node.clone(),
                reason: n.reason.clone(),
                count: n.count,
                per_second: per_sec(n.count, o, secs),
            }
        })
        .collect()
}

/// One route's traffic: `/net/route/to` at its stats index, summed over threads; with two
/// readings, its rates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RouteTraffic {
    pub table: u32,
    pub prefix: ipnet::IpNet,
    pub stats_index: u32,
    pub packets: u64,
    pub bytes: u64,
    /// Packets per second over the interval (absent without one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pps: Option<f64>,
    /// Bits per second over the interval.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bps: Option<f64>,
}

/// The `top` routes of `index` (all of them for 0): by packets, or with `old` (the totals
/// `secs` earlier) by packets per second, busiest first; ties in stats-index order. Only
/// the chosen routes are built, and only `top` candidates are kept while ranking (see
/// [`crate::ops::routes::traffic`], which `stats routes` uses with a more compact map).
pub fn route_traffic(
    index: &RouteIndex,
    new: &[CombinedCounter],
    old: Option<(&[CombinedCounter], f64)>,
    top: usize,
) -> Vec<RouteTraffic> {
    use crate::ops::routes::traffic::{rate_of, top_slots, traffic_row};
    let items = index.routes.iter().enumerate().map(|(k, r)| (r.0, k));
    top_slots(items, rate_of(new, old), top)
        .into_iter()
        .filter_map(|(_, k)| index.routes.get(k))
        .map(|r| traffic_row(*r, new, old))
        .collect()
}
