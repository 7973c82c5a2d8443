//! `route load`: the whole file validated first, then programmed over several
//! connections, each keeping a window of requests in flight (D12).
//!
//! Routes are spread over connections by a hash of (table, prefix), so every
//! line for one prefix goes through one connection in file order and a later
//! line for a prefix still replaces an earlier one. One reader parses the
//! file and deals the routes out over bounded queues; each connection keeps
//! only its in-flight routes, so memory stays flat however long the file is.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use ipnet::IpNet;
use serde::Serialize;

use super::csv::{validate, LoadOptions, RouteSource, Validation};
use super::spec::{LineSpan, RouteSpec};
use super::vpp::{add_del_request, table_add_del, InterfaceNames};
use crate::client::{Client, ClientError};
use crate::ops::error::Result;

/// Routes queued per connection between the reader and the sender.
const QUEUE: usize = 4096;

/// How to load.
#[derive(Debug, Clone)]
pub struct LoadPlan {
    pub delete: bool,
    pub keep_going: bool,
    pub create_tables: bool,
    pub connections: usize,
    pub window: usize,
    pub options: LoadOptions,
}

/// A route VPP refused, or whose fate is unknown because its connection dropped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Failure {
    /// The file's line (the first line of a multipath group).
    pub line: u64,
    pub lines: String,
    pub prefix: IpNet,
    pub error: String,
}

/// What a load did; `--json` prints exactly this.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LoadSummary {
    pub file: String,
    pub dry_run: bool,
    pub delete: bool,
    /// Routes in the file (a multipath group is one), good or bad.
    pub requested: u64,
    /// Lines that make up those routes.
    pub lines: u64,
    /// Routes VPP accepted (added, or removed with `--delete`).
    pub programmed: u64,
    /// Routes not programmed: bad lines (with `--keep-going`) and VPP refusals.
    pub failed: u64,
    /// Routes in flight on a connection that dropped: VPP may or may not have them.
    pub unknown: u64,
    /// Routes never sent because their connection had dropped.
    pub not_sent: u64,
    pub bad_lines: u64,
    pub failures: Vec<Failure>,
    pub connections: usize,
    pub window: usize,
    pub elapsed_seconds: f64,
    pub routes_per_second: f64,
}

/// Progress for a bar: replies received so far.
#[derive(Debug, Default)]
pub struct Progress {
    pub done: AtomicU64,
}

/// The outcome of a load that got as far as programming.
pub struct LoadResult {
    pub summary: LoadSummary,
    /// The validation pass, with every bad line.
    pub validation: Validation,
    /// Set when a connection dropped mid-load (exit 3).
    pub disconnected: Option<ClientError>,
}

struct ConnOutcome {
    programmed: u64,
    failures: Vec<Failure>,
    unknown: u64,
    not_sent: u64,
    error: Option<ClientError>,
}

/// Validates `source` against VPP's interfaces; the caller decides what to
/// do with bad lines before calling [`program`].
pub fn check(
    client: &mut Client,
    source: &RouteSource,
    plan: &LoadPlan,
) -> Result<(Validation, Arc<InterfaceNames>)> {
    let names = Arc::new(InterfaceNames::load(client)?);
    let resolve = |n: &str| names.index(n);
    let v = validate(source, &plan.options, Some(&resolve))?;
    Ok((v, names))
}

/// Programs every good route of `source`. `connect` opens one more connection.
pub fn program(
    client: &mut Client,
    source: &RouteSource,
    plan: &LoadPlan,
    validation: Validation,
    names: Arc<InterfaceNames>,
    connect: &(dyn Fn() -> std::result::Result<Client, ClientError> + Sync),
    progress: &Progress,
) -> Result<LoadResult> {
    let start = Instant::now();
    if plan.create_tables && !plan.delete {
        for t in &validation.tables {
            if t.table != 0 {
                table_add_del(client, t.table, t.is_ip6, true)?;
            }
        }
    }
    let n = plan.connections.max(1);
    // One reader parses the file once and deals routes out to the
    // connections; bounded queues keep memory flat.
    let (senders, receivers): (Vec<_>, Vec<_>) = (0..n)
        .map(|_| mpsc::sync_channel::<RouteSpec>(QUEUE))
        .unzip();
    let outcomes: Vec<std::result::Result<ConnOutcome, crate::ops::OpsError>> =
        std::thread::scope(|s| {
            let names_ref = &names;
            let reader = s.spawn(move || -> Result<()> {
                let resolve = |name: &str| names_ref.index(name);
                for route in source
                    .routes(&plan.options)?
                    .with_interfaces(&resolve)
                    .flatten()
                {
                    let k = route.connection(n);
                    // A connection that stopped early (its VPP went away) takes no more.
                    let _ = senders[k].send(route);
                }
                Ok(())
            });
            let handles: Vec<_> = receivers
                .into_iter()
                .map(|rx| {
                    let names = Arc::clone(&names);
                    s.spawn(move || load_one(rx, plan, &names, connect, progress))
                })
                .collect();
            let mut out: Vec<_> = handles
                .into_iter()
                .map(|h| {
                    h.join().unwrap_or_else(|_| {
                        Err(crate::ops::OpsError::BadInput(
                            "a loader thread failed".into(),
                        ))
                    })
                })
                .collect();
            match reader.join() {
                Ok(Ok(())) => {}
                Ok(Err(e)) => out.push(Err(e)),
                Err(_) => out.push(Err(crate::ops::OpsError::BadInput(
                    "the route reader failed".into(),
                ))),
            }
            out
        });
    let mut summary = LoadSummary {
        file: source.name().to_string(),
        delete: plan.delete,
        requested: validation.routes + validation.failed_routes,
        lines: validation.route_lines + validation.bad_lines,
        failed: validation.failed_routes,
        bad_lines: validation.bad_lines,
        connections: n,
        window: plan.window,
        ..Default::default()
    };
    let mut disconnected = None;
    for o in outcomes {
        let o = o?;
        summary.programmed += o.programmed;
        summary.failed += o.failures.len() as u64;
        summary.unknown += o.unknown;
        summary.not_sent += o.not_sent;
        summary.failures.extend(o.failures);
        if disconnected.is_none() {
            disconnected = o.error;
        }
    }
    summary.failures.sort_by_key(|f| f.line);
    let elapsed = start.elapsed();
    summary.elapsed_seconds = elapsed.as_secs_f64();
    summary.routes_per_second = rate(summary.programmed, elapsed);
    Ok(LoadResult {
        summary,
        validation,
        disconnected,
    })
}

fn rate(n: u64, d: Duration) -> f64 {
    let s = d.as_secs_f64();
    if s > 0.0 {
        n as f64 / s
    } else {
        0.0
    }
}

fn load_one(
    routes: mpsc::Receiver<RouteSpec>,
    plan: &LoadPlan,
    names: &InterfaceNames,
    connect: &(dyn Fn() -> std::result::Result<Client, ClientError> + Sync),
    progress: &Progress,
) -> Result<ConnOutcome> {
    let mut client = connect()?;
    // The routes in flight, oldest first: replies come back in order.
    let in_flight: RefCell<VecDeque<(LineSpan, IpNet)>> = RefCell::new(VecDeque::new());
    let mut out = ConnOutcome {
        programmed: 0,
        failures: Vec::new(),
        unknown: 0,
        not_sent: 0,
        error: None,
    };
    // Every route was validated against the same interface names, so building
    // its request cannot fail; if it did, the route is counted as refused
    // rather than silently left out.
    let unbuildable: RefCell<Vec<Failure>> = RefCell::new(Vec::new());
    let requests = routes
        .iter()
        .filter_map(|r| match add_del_request(&r, !plan.delete, names) {
            Ok(req) => {
                in_flight.borrow_mut().push_back((r.lines, r.prefix));
                Some(req)
            }
            Err(e) => {
                unbuildable.borrow_mut().push(Failure {
                    line: r.lines.first,
                    lines: r.lines.to_string(),
                    prefix: r.prefix,
                    error: e.to_string(),
                });
                None
            }
        });
    let result = client.pipeline(requests, plan.window.max(1), |_, reply| {
        let Some((lines, prefix)) = in_flight.borrow_mut().pop_front() else {
            return;
        };
        progress.done.fetch_add(1, Ordering::Relaxed);
        match reply {
            Ok(_) => out.programmed += 1,
            // The connection went before the reply came: VPP may have it (D12).
            Err(e) if e.is_unreachable() => out.unknown += 1,
            Err(e) => out.failures.push(Failure {
                line: lines.first,
                lines: lines.to_string(),
                prefix,
                error: e.to_string(),
            }),
        }
    });
    out.failures.extend(unbuildable.into_inner());
    if let Err(e) = result {
        out.unknown += in_flight.borrow().len() as u64;
        // The reader goes on dealing this connection its share; count it
        // (and let the reader finish) rather than leave it unaccounted.
        out.not_sent = routes.iter().count() as u64;
        if e.is_unreachable() {
            out.error = Some(e);
        } else {
            return Err(e.into());
        }
    } else {
        let _ = client.close();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::time::Duration;

    use super::*;
    use crate::client::ConnectOptions;
    use crate::sim::{SimConfig, Simulator};

    /// VPP going away mid-load: every route is accounted for — programmed,
    /// in flight (unknown) or never sent — and the drop is reported.
    #[test]
    fn a_dropped_connection_leaves_every_route_accounted_for() {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("api.sock");
        let sim = Simulator::start(SimConfig {
            socket: socket.clone(),
            stats_socket: None,
            interfaces: vec![],
            ..Default::default()
        })
        .unwrap();
        let csv = dir.path().join("routes.csv");
        let mut f = std::io::BufWriter::new(std::fs::File::create(&csv).unwrap());
        writeln!(f, "prefix,next_hop,interface,table,weight,preference").unwrap();
        let total = 200_000u32;
        for i in 0..total {
            writeln!(
                f,
                "{}/32,192.0.2.1,,,,",
                std::net::Ipv4Addr::from(0x0a00_0000 + i)
            )
            .unwrap();
        }
        drop(f);
        let source = RouteSource::open(csv.to_str().unwrap()).unwrap();
        let plan = LoadPlan {
            delete: false,
            keep_going: false,
            create_tables: false,
            connections: 2,
            window: 32,
            options: LoadOptions::default(),
        };
        let opts = ConnectOptions::default();
        let mut client = Client::connect(&socket, &opts).unwrap();
        let (validation, names) = check(&mut client, &source, &plan).unwrap();
        assert!(validation.is_ok());
        let connect = || Client::connect(&socket, &opts);
        let progress = Progress::default();
        let result = std::thread::scope(|s| {
            s.spawn(|| {
                // Stop VPP once the load is well under way, not at a set time.
                let deadline = Instant::now() + Duration::from_secs(60);
                while progress.done.load(Ordering::Relaxed) < 1_000 && Instant::now() < deadline {
                    std::thread::sleep(Duration::from_millis(1));
                }
                sim.stop();
            });
            program(
                &mut client,
                &source,
                &plan,
                validation,
                names,
                &connect,
                &progress,
            )
        })
        .unwrap();
        let s = result.summary;
        assert!(result.disconnected.is_some(), "{s:?}");
        assert_eq!(s.requested, u64::from(total));
        assert!(s.programmed >= 1_000 && s.programmed < s.requested, "{s:?}");
        assert!(s.unknown <= 2 * 32, "at most the windows in flight: {s:?}");
        assert_eq!(s.failed, 0, "{s:?}");
        assert_eq!(s.programmed + s.unknown + s.not_sent, s.requested, "{s:?}");
    }
}
