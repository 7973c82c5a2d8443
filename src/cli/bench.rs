//! `vppx bench ...`: the numbers behind the README's performance figures.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;
use std::time::{Duration, Instant};

use ipnet::{IpNet, Ipv4Net};
use serde::Serialize;

use super::args::{BenchCommand, Pipelining};
use super::context::Context;
use super::exit::CliError;
use super::interrupt;
use crate::binapi::memclnt::ControlPing;
use crate::client::{Client, ClientError};
use crate::ops::names::InterfaceNames;
use crate::ops::routes::program::{
    program, OnRefusal, Policy, Programmed, Progress, Stop, StopReason,
};
use crate::ops::routes::vpp;
use crate::ops::routes::{PathSpec, RouteSpec};
use crate::stats::StatsClient;

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i.min(sorted.len() - 1)].as_secs_f64() * 1e6
}

fn rate(n: u64, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64().max(1e-9)
}

#[derive(Serialize)]
struct ApiBench {
    count: u32,
    window: u16,
    p50_us: f64,
    p99_us: f64,
    sync_per_second: f64,
    pipelined_per_second: f64,
}

/// A phase not run (an earlier one was interrupted or failed) has no rate (`null`).
#[derive(Serialize, Default)]
struct RouteBench {
    count: u32,
    connections: u16,
    window: u16,
    sync_add_per_second: Option<f64>,
    sync_del_per_second: Option<f64>,
    pipelined_add_per_second: Option<f64>,
    pipelined_del_per_second: Option<f64>,
    /// Over every phase run: routes asked for, and what became of each.
    requested: u64,
    programmed: u64,
    failed: u64,
    unknown: u64,
    not_sent: u64,
    failures_by_error: BTreeMap<String, u64>,
    interrupted: bool,
}

/// Refusals printed per phase before the counts.
const SHOWN: usize = 20;

/// One phase of `bench routes`.
struct Phase {
    done: Programmed,
    programmed: u64,
    unknown: u64,
    not_sent: u64,
    elapsed: Duration,
}

impl Phase {
    fn new(n: u32, done: Programmed, elapsed: Duration) -> Phase {
        Phase {
            programmed: done.programmed,
            unknown: done.unknown,
            not_sent: u64::from(n).saturating_sub(done.accounted()),
            done,
            elapsed,
        }
    }
}

/// Route `i` of the bench: a /32 drop route in a block no one uses, 198.18.0.0/15
/// (RFC 2544, benchmarking).
fn bench_route(table: u32, i: u32) -> RouteSpec {
    let base = u32::from(Ipv4Addr::new(198, 18, 0, 0));
    let prefix =
        IpNet::V4(Ipv4Net::new(Ipv4Addr::from(base + (i % (1 << 17))), 32).unwrap_or_default());
    RouteSpec {
        table,
        prefix,
        paths: vec![PathSpec::drop_path()],
        lines: Default::default(),
    }
}

#[derive(Serialize)]
struct StatsBench {
    scrapes: u32,
    counters: usize,
    mean_scrape_ms: f64,
    p99_scrape_ms: f64,
    counters_per_second: f64,
}

pub fn run(ctx: &mut Context, what: BenchCommand) -> crate::error::Result<()> {
    match what {
        BenchCommand::Api { count, window } => {
            let mut c = ctx.client(&[crate::needs![request ControlPing]])?;
            let mut lat = Vec::with_capacity(count as usize);
            let start = Instant::now();
            for _ in 0..count {
                let t = Instant::now();
                c.request(ControlPing::default())?;
                lat.push(t.elapsed());
            }
            let sync = rate(count.into(), start.elapsed());
            lat.sort();
            let start = Instant::now();
            let mut failed: Option<ClientError> = None;
            c.pipeline(
                (0..count).map(|_| ControlPing::default()),
                window.into(),
                |_, r| {
                    if let Err(e) = r {
                        failed.get_or_insert(e);
                    }
                },
            )?;
            if let Some(e) = failed {
                return Err(e.into());
            }
            let b = ApiBench {
                count,
                window,
                p50_us: percentile(&lat, 0.5),
                p99_us: percentile(&lat, 0.99),
                sync_per_second: sync,
                pipelined_per_second: rate(count.into(), start.elapsed()),
            };
            let rows = vec![vec![
                format!("{:.1}", b.p50_us),
                format!("{:.1}", b.p99_us),
                format!("{:.0}", b.sync_per_second),
                format!("{:.0}", b.pipelined_per_second),
            ]];
            ctx.out.print(
                &b,
                &[
                    "p50 µs",
                    "p99 µs",
                    "sync msgs/s",
                    &format!("pipelined msgs/s (window {window})"),
                ],
                rows,
            )?;
            c.close()?;
        }
        BenchCommand::Routes {
            count,
            pipelining:
                Pipelining {
                    window,
                    connections,
                },
            table,
        } => {
            let flag = interrupt::install()?;
            let stop = Stop::on_interrupt(flag);
            let mut c = ctx.client(&[vpp::MESSAGES])?;
            let names = InterfaceNames::load(&mut c)?;
            let _ = c.close();
            let socket = ctx.socket.clone();
            let opts = ctx.connect.clone();
            let connect = move || {
                let c = Client::connect(&socket, &opts)?;
                c.require(vpp::MESSAGES)?;
                Ok(c)
            };
            // What users run: the programming function behind `route load`, with its
            // policy, connections and window.
            let phase = |n: u32, is_add: bool, connections: u16, window: u16| -> Phase {
                let policy = Policy {
                    is_add,
                    on_refusal: OnRefusal::KeepGoing,
                    connections: connections.into(),
                    window: window.into(),
                };
                let start = Instant::now();
                let done = program(
                    || (0..n).map(|i| bench_route(table, i)),
                    &policy,
                    &names,
                    &connect,
                    &Progress::default(),
                    &stop,
                );
                Phase::new(n, done, start.elapsed())
            };
            let sync_n = count.min(10_000);
            let mut b = RouteBench {
                count,
                connections,
                window,
                ..RouteBench::default()
            };
            // Each phase runs only if every earlier one went through.
            let phases: [(&str, u32, bool, u16, u16); 4] = [
                ("sync_add", sync_n, true, 1, 1),
                ("sync_del", sync_n, false, 1, 1),
                ("pipelined_add", count, true, connections, window),
                ("pipelined_del", count, false, connections, window),
            ];
            let mut trouble: Option<crate::error::Error> = None;
            for (name, n, is_add, conns, win) in phases {
                if stop.is_set() || trouble.is_some() || b.failed > 0 {
                    break;
                }
                let p = phase(n, is_add, conns, win);
                let rate = Some(rate(p.programmed, p.elapsed));
                match name {
                    "sync_add" => b.sync_add_per_second = rate,
                    "sync_del" => b.sync_del_per_second = rate,
                    "pipelined_add" => b.pipelined_add_per_second = rate,
                    _ => b.pipelined_del_per_second = rate,
                }
                b.requested += u64::from(n);
                b.programmed += p.programmed;
                b.unknown += p.unknown;
                b.not_sent += p.not_sent;
                b.failed += p.done.failures.total();
                for (k, v) in p.done.failures.by_error() {
                    *b.failures_by_error.entry(k.clone()).or_default() += v;
                }
                let (failures, _) = p.done.failures.into_sorted();
                for f in failures.iter().take(SHOWN) {
                    eprintln!(
                        "bench routes: {name}: {} table {}: {}",
                        f.prefix, f.table, f.error
                    );
                }
                if let Some(e) = p.done.disconnected.or(p.done.error) {
                    trouble = Some(e.into());
                }
            }
            b.interrupted = stop.reason() == Some(StopReason::Interrupted);
            let shown = |r: Option<f64>| r.map_or("-".to_string(), |r| format!("{r:.0}"));
            let rows = vec![
                vec![
                    "sync (window 1, 1 connection)".to_string(),
                    shown(b.sync_add_per_second),
                    shown(b.sync_del_per_second),
                ],
                vec![
                    format!("pipelined (window {window}, {connections} connections)"),
                    shown(b.pipelined_add_per_second),
                    shown(b.pipelined_del_per_second),
                ],
            ];
            ctx.out.print(&b, &["mode", "adds/s", "deletes/s"], rows)?;
            if b.interrupted {
                if !ctx.out.json {
                    eprintln!(
                        "bench routes: interrupted: {} routes: {} programmed, {} failed, {} unknown, {} not sent",
                        b.requested, b.programmed, b.failed, b.unknown, b.not_sent
                    );
                }
                return Err(CliError {
                    class: crate::error::ErrorClass::Interrupted,
                    message: "interrupted".to_string(),
                }
                .into());
            }
            if let Some(e) = trouble {
                return Err(e);
            }
            if b.failed > 0 {
                for (name, n) in &b.failures_by_error {
                    eprintln!("bench routes: {n} failed: {name}");
                }
                return Err(CliError {
                    class: crate::error::ErrorClass::Refused,
                    message: format!("bench routes: {} routes failed", b.failed),
                }
                .into());
            }
        }
        BenchCommand::Stats { count } => {
            let mut s = StatsClient::connect(&ctx.stats_socket)?;
            let all: [&str; 0] = [];
            let mut times = Vec::with_capacity(count as usize);
            let mut counters = 0;
            for _ in 0..count.max(1) {
                let t = Instant::now();
                let snap = s.scrape(&all)?;
                times.push(t.elapsed());
                counters = snap.len();
            }
            let total: Duration = times.iter().sum();
            times.sort();
            let b = StatsBench {
                scrapes: count.max(1),
                counters,
                mean_scrape_ms: total.as_secs_f64() * 1e3 / times.len() as f64,
                p99_scrape_ms: percentile(&times, 0.99) / 1e3,
                counters_per_second: rate((counters * times.len()) as u64, total),
            };
            let rows = vec![vec![
                b.counters.to_string(),
                format!("{:.3}", b.mean_scrape_ms),
                format!("{:.3}", b.p99_scrape_ms),
                format!("{:.0}", b.counters_per_second),
            ]];
            ctx.out.print(
                &b,
                &["counters", "mean scrape ms", "p99 scrape ms", "counters/s"],
                rows,
            )?;
        }
    }
    Ok(())
}
