//! `vppx bench ...`: the numbers behind the README's performance figures.

use std::net::Ipv4Addr;
use std::time::{Duration, Instant};

use ipnet::{IpNet, Ipv4Net};
use serde::Serialize;

use super::args::{BenchCommand, Pipelining};
use super::context::Context;
use crate::binapi::memclnt::{ControlPing, ControlPingReply};
use crate::client::{Client, ClientError};
use crate::ops::routes::vpp::{self, add_del_request, InterfaceNames};
use crate::ops::routes::{PathSpec, RouteSpec};
use crate::stats::StatsClient;
use crate::wire::Message;

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

#[derive(Serialize)]
struct RouteBench {
    count: u32,
    connections: u16,
    window: u16,
    sync_add_per_second: f64,
    sync_del_per_second: f64,
    pipelined_add_per_second: f64,
    pipelined_del_per_second: f64,
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
            let mut c = ctx.client(&[&[ControlPing::NAME_CRC, ControlPingReply::NAME_CRC]])?;
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
            let mut c = ctx.client(&[vpp::MESSAGES])?;
            let names = InterfaceNames::load(&mut c)?;
            // A block of /32s no one uses: 198.18.0.0/15 (RFC 2544, benchmarking).
            let route = |i: u32, is_add: bool| {
                let base = u32::from(Ipv4Addr::new(198, 18, 0, 0));
                let prefix = IpNet::V4(
                    Ipv4Net::new(Ipv4Addr::from(base + (i % (1 << 17))), 32).unwrap_or_default(),
                );
                let spec = RouteSpec {
                    table,
                    prefix,
                    paths: vec![PathSpec::drop_path()],
                    lines: Default::default(),
                };
                add_del_request(&spec, is_add, &names)
            };
            let sync_n = count.min(10_000);
            let mut timed = |is_add: bool| -> crate::error::Result<f64> {
                let start = Instant::now();
                for i in 0..sync_n {
                    c.request(route(i, is_add)?)?;
                }
                Ok(rate(sync_n.into(), start.elapsed()))
            };
            let sync_add = timed(true)?;
            let sync_del = timed(false)?;
            let socket = ctx.socket.clone();
            let opts = ctx.connect.clone();
            let pipelined = |is_add: bool| -> crate::error::Result<f64> {
                let start = Instant::now();
                let n = u32::from(connections);
                std::thread::scope(|s| -> crate::error::Result<()> {
                    let hs: Vec<_> = (0..n)
                        .map(|k| {
                            let (socket, opts) = (&socket, &opts);
                            s.spawn(move || -> crate::error::Result<()> {
                                let mut c = Client::connect(socket, opts)?;
                                let mut failed = None;
                                let reqs = (0..count)
                                    .filter(|i| i % n == k)
                                    .filter_map(|i| route(i, is_add).ok());
                                c.pipeline(reqs, window.into(), |_, r| {
                                    if let Err(e) = r {
                                        failed.get_or_insert(e);
                                    }
                                })?;
                                c.close()?;
                                failed.map_or(Ok(()), |e| Err(e.into()))
                            })
                        })
                        .collect();
                    for h in hs {
                        h.join().map_err(|_| {
                            crate::error::Error::new(
                                crate::error::ErrorClass::Internal,
                                "a bench thread failed",
                            )
                        })??;
                    }
                    Ok(())
                })?;
                Ok(rate(count.into(), start.elapsed()))
            };
            let b = RouteBench {
                count,
                connections,
                window,
                sync_add_per_second: sync_add,
                sync_del_per_second: sync_del,
                pipelined_add_per_second: pipelined(true)?,
                pipelined_del_per_second: pipelined(false)?,
            };
            let rows = vec![
                vec![
                    "sync (window 1, 1 connection)".to_string(),
                    format!("{:.0}", b.sync_add_per_second),
                    format!("{:.0}", b.sync_del_per_second),
                ],
                vec![
                    format!("pipelined (window {window}, {connections} connections)"),
                    format!("{:.0}", b.pipelined_add_per_second),
                    format!("{:.0}", b.pipelined_del_per_second),
                ],
            ];
            ctx.out.print(&b, &["mode", "adds/s", "deletes/s"], rows)?;
            c.close()?;
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
