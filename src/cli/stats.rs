//! `vppx stats ...`: counters straight from the stats segment, no API
//! round-trips; with `--interval`, per-second rates (NDJSON with `--json`).

use std::time::{Duration, Instant, SystemTime};

use serde::Serialize;

use super::args::{StatsArgs, StatsView};
use super::context::Context;
use super::exit::CliError;
use crate::ops::stats::{self, paths};
use crate::stats::{Snapshot, StatsClient};

fn patterns(view: &StatsView) -> Vec<String> {
    let p: &[&str] = match view {
        StatsView::Interfaces => paths::INTERFACES,
        StatsView::Nodes => paths::NODES,
        StatsView::Errors => paths::ERRORS,
        StatsView::System => paths::SYSTEM,
        StatsView::Buffers => paths::BUFFERS,
        StatsView::Memory => paths::MEMORY,
        StatsView::Routes { .. } => &[],
        StatsView::Dump { patterns } => return patterns.clone(),
    };
    p.iter().map(|s| s.to_string()).collect()
}

fn n(v: u64) -> String {
    v.to_string()
}

fn f(v: f64) -> String {
    format!("{v:.2}")
}

/// Prints one snapshot's counters.
fn print_counters(ctx: &Context, view: &StatsView, snap: &Snapshot) -> crate::error::Result<()> {
    match view {
        StatsView::Interfaces => {
            let v = stats::interfaces(snap);
            let rows = v
                .iter()
                .map(|i| {
                    vec![
                        i.name.clone(),
                        n(i.rx_packets),
                        n(i.rx_bytes),
                        n(i.tx_packets),
                        n(i.tx_bytes),
                        n(i.drops),
                        n(i.rx_errors),
                        n(i.tx_errors),
                    ]
                })
                .collect();
            ctx.out.print(
                &v,
                &[
                    "interface",
                    "rx packets",
                    "rx bytes",
                    "tx packets",
                    "tx bytes",
                    "drops",
                    "rx errors",
                    "tx errors",
                ],
                rows,
            )?;
        }
        StatsView::Nodes => {
            let v = stats::nodes(snap);
            let rows = v
                .iter()
                .map(|x| {
                    vec![
                        x.name.clone(),
                        n(x.calls),
                        n(x.vectors),
                        n(x.suspends),
                        f(x.vectors_per_call),
                        f(x.clocks_per_vector),
                    ]
                })
                .collect();
            ctx.out.print(
                &v,
                &[
                    "node",
                    "calls",
                    "vectors",
                    "suspends",
                    "vectors/call",
                    "clocks/vector",
                ],
                rows,
            )?;
        }
        StatsView::Errors => {
            let v = stats::errors(snap);
            let rows = v
                .iter()
                .map(|e| vec![n(e.count), e.node.clone(), e.reason.clone()])
                .collect();
            ctx.out.print(&v, &["count", "node", "reason"], rows)?;
        }
        StatsView::System => {
            let v = stats::system(snap);
            let rows = v.iter().map(|(k, x)| vec![k.clone(), n(*x)]).collect();
            ctx.out.print(&v, &["path", "value"], rows)?;
        }
        StatsView::Buffers => {
            let v = stats::buffers(snap);
            let rows = v
                .iter()
                .map(|p| vec![p.name.clone(), n(p.cached), n(p.used), n(p.available)])
                .collect();
            ctx.out
                .print(&v, &["pool", "cached", "used", "available"], rows)?;
        }
        StatsView::Memory => {
            let v = stats::memory(snap);
            let rows = v
                .iter()
                .map(|h| {
                    vec![
                        h.name.clone(),
                        n(h.total),
                        n(h.used),
                        n(h.free),
                        n(h.free_chunks),
                        n(h.releasable),
                    ]
                })
                .collect();
            ctx.out.print(
                &v,
                &["heap", "total", "used", "free", "free chunks", "releasable"],
                rows,
            )?;
        }
        // Read by `routes`, not from a snapshot.
        StatsView::Routes { .. } => {}
        StatsView::Dump { .. } => {
            let v = stats::dump(snap);
            if ctx.out.json {
                let map: serde_json::Map<String, serde_json::Value> = v.into_iter().collect();
                ctx.out.json_line(&map)?;
            } else {
                let mut text = String::new();
                for (path, value) in v {
                    text.push_str(&format!("{path} {value}\n"));
                }
                ctx.out.text(&text)?;
            }
        }
    }
    Ok(())
}

/// One interval's worth of rates, as NDJSON prints it.
#[derive(Serialize)]
struct Interval<T: Serialize> {
    timestamp: String,
    interval_seconds: f64,
    #[serde(flatten)]
    data: T,
}

#[derive(Serialize)]
struct Interfaces {
    interfaces: Vec<stats::InterfaceRate>,
}

#[derive(Serialize)]
struct Nodes {
    nodes: Vec<stats::NodeRate>,
}

#[derive(Serialize)]
struct Errors {
    errors: Vec<stats::ErrorRate>,
}

fn emit<T: Serialize>(
    ctx: &Context,
    secs: f64,
    data: T,
    headers: &[&str],
    rows: Vec<Vec<String>>,
) -> crate::error::Result<()> {
    if ctx.out.json {
        let line = Interval {
            timestamp: humantime::format_rfc3339_millis(SystemTime::now()).to_string(),
            interval_seconds: secs,
            data,
        };
        let s = serde_json::to_string(&line).map_err(|e| {
            crate::error::Error::wrap(crate::error::ErrorClass::Internal, "cannot encode JSON", e)
        })?;
        super::output::write_out(&format!("{s}\n"))
    } else {
        super::output::write_out(&format!("{}\n", super::output::table(headers, rows)))
    }
}

/// Prints the rates between two snapshots.
fn print_rates(
    ctx: &Context,
    view: &StatsView,
    old: &Snapshot,
    new: &Snapshot,
    secs: f64,
) -> crate::error::Result<()> {
    match view {
        StatsView::Interfaces => {
            let r = stats::interface_rates(&stats::interfaces(old), &stats::interfaces(new), secs);
            let rows = r
                .iter()
                .map(|i| {
                    vec![
                        i.name.clone(),
                        f(i.rx_pps),
                        f(i.rx_bps),
                        f(i.tx_pps),
                        f(i.tx_bps),
                        f(i.drops_pps),
                    ]
                })
                .collect();
            emit(
                ctx,
                secs,
                Interfaces { interfaces: r },
                &[
                    "interface",
                    "rx pps",
                    "rx bits/s",
                    "tx pps",
                    "tx bits/s",
                    "drops/s",
                ],
                rows,
            )?;
        }
        StatsView::Nodes => {
            let r = stats::node_rates(&stats::nodes(old), &stats::nodes(new), secs);
            let rows = r
                .iter()
                .map(|x| {
                    vec![
                        x.name.clone(),
                        f(x.calls_per_second),
                        f(x.vectors_per_second),
                        f(x.vectors_per_call),
                        f(x.clocks_per_vector),
                    ]
                })
                .collect();
            emit(
                ctx,
                secs,
                Nodes { nodes: r },
                &[
                    "node",
                    "calls/s",
                    "vectors/s",
                    "vectors/call",
                    "clocks/vector",
                ],
                rows,
            )?;
        }
        StatsView::Errors => {
            let r = stats::error_rates(&stats::errors(old), &stats::errors(new), secs);
            let rows = r
                .iter()
                .map(|e| {
                    vec![
                        n(e.count),
                        f(e.per_second),
                        e.node.clone(),
                        e.reason.clone(),
                    ]
                })
                .collect();
            emit(
                ctx,
                secs,
                Errors { errors: r },
                &["count", "per second", "node", "reason"],
                rows,
            )?;
        }
        // Gauges and dumps have no rate: print the values each interval.
        other => print_counters(ctx, other, new)?,
    }
    Ok(())
}

#[derive(Serialize)]
struct Routes {
    routes: Vec<stats::RouteTraffic>,
    /// Seconds spent reading every route's counters and ranking them.
    scan_seconds: f64,
}

fn route_rows(routes: &[stats::RouteTraffic], rates: bool) -> Vec<Vec<String>> {
    routes
        .iter()
        .map(|r| {
            let mut row = vec![r.table.to_string(), r.prefix.to_string()];
            if rates {
                row.extend([f(r.pps.unwrap_or(0.0)), f(r.bps.unwrap_or(0.0))]);
            }
            row.extend([n(r.packets), n(r.bytes), n(u64::from(r.stats_index))]);
            row
        })
        .collect()
}

/// `stats routes`: see the README, "Traffic per route". The prefix ↔ stats-index map
/// comes from one route dump, kept between intervals and made again when `/net/route/to`
/// changes length (routes got new indexes) or `refresh` has passed since the last.
fn routes(
    ctx: &mut Context,
    args: &StatsArgs,
    table: Option<u32>,
    prefix: Option<&str>,
    top: usize,
    refresh: Duration,
) -> crate::error::Result<()> {
    use crate::ops::routes::list::{ListQuery, ROUTE_TO};
    use crate::ops::routes::traffic::{self, RouteMap};
    let prefix = match prefix {
        Some(p) => Some(
            p.trim()
                .parse::<ipnet::IpNet>()
                .map_err(|_| CliError::bad_input(format!("--prefix {p}: not a prefix")))?
                .trunc(),
        ),
        None => None,
    };
    if let Some(i) = args.interval {
        if i < Duration::from_millis(10) {
            return Err(CliError::bad_input("--interval must be at least 10ms").into());
        }
    }
    let query = ListQuery { table, prefix };
    let mut stats_client = StatsClient::connect(&ctx.stats_socket)?;
    let mut api = ctx.client(&[crate::ops::routes::vpp::MESSAGES])?;
    let mut index = RouteMap::read(&mut api, query)?;
    // Two buffers of summed counters, swapped each interval: no allocation after the first
    // readings (see docs/design.md, “Route counters at scale”).
    let read = |c: &mut StatsClient,
                out: &mut Vec<crate::stats::CombinedCounter>|
     -> crate::error::Result<()> {
        c.combined_totals_into(ROUTE_TO, out)?;
        Ok(())
    };
    let (mut old, mut new) = (Vec::new(), Vec::new());
    let headers_counts = ["table", "prefix", "packets", "bytes", "stats index"];
    let Some(interval) = args.interval else {
        read(&mut stats_client, &mut new)?;
        let v = traffic::rank(&index, &new, None, top);
        api.close()?;
        let rows = route_rows(&v, false);
        ctx.out.print(&v, &headers_counts, rows)?;
        return Ok(());
    };
    read(&mut stats_client, &mut old)?;
    let mut indexed_len = old.len();
    let mut dumped = Instant::now();
    let mut then = Instant::now();
    let mut done = 0u64;
    while args.count.is_none_or(|c| done < c) {
        std::thread::sleep(interval.saturating_sub(then.elapsed()));
        let started = Instant::now();
        read(&mut stats_client, &mut new)?;
        let now = Instant::now();
        let secs = now.duration_since(then).as_secs_f64();
        let v = traffic::rank(&index, &new, Some((&old, secs)), top);
        let scan_seconds = started.elapsed().as_secs_f64();
        let rows = route_rows(&v, true);
        emit(
            ctx,
            secs,
            Routes {
                routes: v,
                scan_seconds,
            },
            &[
                "table",
                "prefix",
                "pps",
                "bits/s",
                "packets",
                "bytes",
                "stats index",
            ],
            rows,
        )?;
        let stale = new.len() != indexed_len || (!refresh.is_zero() && dumped.elapsed() >= refresh);
        if stale {
            index = RouteMap::read(&mut api, query)?;
            indexed_len = new.len();
            dumped = Instant::now();
        }
        std::mem::swap(&mut old, &mut new);
        then = now;
        done += 1;
    }
    api.close()?;
    Ok(())
}

pub fn run(ctx: &mut Context, args: StatsArgs) -> crate::error::Result<()> {
    let view = args.view.clone().unwrap_or(StatsView::Interfaces);
    if let StatsView::Routes {
        table,
        prefix,
        top,
        refresh,
    } = &view
    {
        return routes(ctx, &args, *table, prefix.as_deref(), *top, *refresh);
    }
    let pats = patterns(&view);
    // Patterns are checked before anything is read.
    crate::stats::Patterns::new(&pats).map_err(|e| CliError::bad_input(e.to_string()))?;
    let mut client = StatsClient::connect(&ctx.stats_socket)?;
    let Some(interval) = args.interval else {
        let snap = client.scrape(&pats)?;
        print_counters(ctx, &view, &snap)?;
        return Ok(());
    };
    if interval < Duration::from_millis(10) {
        return Err(CliError::bad_input("--interval must be at least 10ms").into());
    }
    let mut old = client.scrape(&pats)?;
    let mut then = Instant::now();
    let mut done = 0u64;
    while args.count.is_none_or(|c| done < c) {
        std::thread::sleep(interval.saturating_sub(then.elapsed()));
        let new = client.scrape(&pats)?;
        let now = Instant::now();
        print_rates(
            ctx,
            &view,
            &old,
            &new,
            now.duration_since(then).as_secs_f64(),
        )?;
        old = new;
        then = now;
        done += 1;
    }
    Ok(())
}
