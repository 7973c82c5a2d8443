//! `route load`: the whole file validated first (syntax, interfaces, tables), then
//! programmed through [`program::program`], the one programming function (see
//! docs/design.md, “Route load”).
//!
//! Both passes read the same open file; if it changes (length, modification time, a read
//! error, other counts) the load stops sending and says so. A stop (an interrupt) during
//! either pass ends it with every route accounted for.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;

use super::csv::{
    validate_with, FileAt, LineReason, LoadOptions, MissingTable, RouteReader, RouteSource,
    SourceChanged, TableRef, Validation,
};
use super::program::{self, Failure, OnRefusal, Policy, Progress, Stop, StopReason};
use super::spec::RouteSpec;
use super::vpp::{table_add_del, tables};
use crate::client::{Client, ClientError};
use crate::ops::error::Result;
use crate::ops::names::InterfaceNames;

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
    /// Good routes never sent: their connection had dropped, or the load stopped early.
    pub not_sent: u64,
    pub bad_lines: u64,
    /// Tables the file names that VPP lacks (without `--create-tables`).
    pub missing_tables: Vec<MissingTable>,
    /// VPP's refusals, the first ones by line (at most 10,000).
    pub failures: Vec<Failure>,
    /// Set when `failures` leaves some out; `failures_by_error` counts them all.
    pub failures_truncated: bool,
    pub failures_by_error: BTreeMap<String, u64>,
    /// The load was stopped by SIGINT or SIGTERM.
    pub interrupted: bool,
    /// The load was stopped because the file changed or could not be read.
    pub file_changed: bool,
    /// The load was stopped because one of VPP's heaps ran low.
    pub low_memory: bool,
    pub connections: usize,
    pub window: usize,
    pub elapsed_seconds: f64,
    pub routes_per_second: f64,
}

impl LoadSummary {
    /// The summary of the validation pass alone (nothing sent).
    pub fn of_validation(source: &RouteSource, plan: &LoadPlan, v: &Validation) -> Self {
        LoadSummary {
            file: source.name().to_string(),
            delete: plan.delete,
            requested: v.routes + v.failed_routes,
            lines: v.route_lines + v.bad_lines,
            failed: v.failed_routes,
            bad_lines: v.bad_lines,
            not_sent: v.routes,
            missing_tables: v.missing_tables.values().copied().collect(),
            connections: plan.connections.max(1),
            window: plan.window,
            ..Default::default()
        }
    }
}

/// The outcome of a load that got as far as programming.
pub struct LoadResult {
    pub summary: LoadSummary,
    /// The validation pass, with every bad line.
    pub validation: Validation,
    /// Set when a connection dropped mid-load (exit 3).
    pub disconnected: Option<ClientError>,
    /// Set when the file changed while loading (exit 2).
    pub changed: Option<SourceChanged>,
    /// Why the load stopped early, if it did.
    pub stopped: Option<StopReason>,
}

/// What the validation pass checked lines against; the programming pass checks the same.
#[derive(Debug, Clone)]
pub struct Checked {
    pub names: Arc<InterfaceNames>,
    /// VPP's tables, when lines are checked against them (without `--create-tables`).
    tables: Option<BTreeSet<TableRef>>,
}

impl Checked {
    fn resolve(&self, name: &str) -> Option<u32> {
        self.names.index(name)
    }

    fn has_table(&self, t: TableRef) -> bool {
        self.tables
            .as_ref()
            .is_none_or(|have| t.table == 0 || have.contains(&t))
    }
}

/// Validates `source` against VPP's interfaces and tables (tables only without
/// `--create-tables`); the caller decides what to do with bad lines before calling
/// [`program`]. A stop asked for during the pass ends it early.
pub fn check(
    client: &mut Client,
    source: &RouteSource,
    plan: &LoadPlan,
    stop: &Stop,
) -> Result<(Validation, Checked)> {
    let names = Arc::new(InterfaceNames::load(client)?);
    // Deleting from a table VPP lacks is refused by VPP like adding to it.
    let tables = if !plan.create_tables || plan.delete {
        Some(
            tables(client)?
                .into_iter()
                .map(|t| TableRef {
                    is_ip6: t.family == "ipv6",
                    table: t.table,
                })
                .collect(),
        )
    } else {
        None
    };
    let checked = Checked { names, tables };
    let resolve = |n: &str| checked.resolve(n);
    let exists = |t: TableRef| checked.has_table(t);
    let v = validate_with(
        source,
        &plan.options,
        Some(&resolve),
        Some(&exists),
        &|| stop.is_set(),
    )
    .map_err(|e| crate::ops::OpsError::File {
        path: source.name().into(),
        source: e,
    })?;
    Ok((v, checked))
}

/// Programs every good route of `source` (see [`program::program`]); `connect` opens one
/// more connection. Stops early, with every route accounted for, when `stop` says so or
/// when the file changes under it.
#[allow(clippy::too_many_arguments)]
pub fn program(
    client: &mut Client,
    source: &RouteSource,
    plan: &LoadPlan,
    validation: Validation,
    checked: &Checked,
    connect: &(dyn Fn() -> std::result::Result<Client, ClientError> + Sync),
    progress: &Progress,
    stop: &Stop,
) -> Result<LoadResult> {
    let start = Instant::now();
    let mut summary = LoadSummary::of_validation(source, plan, &validation);
    let changed = std::sync::Mutex::new(source.check_unchanged().err());
    if changed.lock().map(|c| c.is_some()).unwrap_or(true) {
        stop.request(StopReason::FileChanged);
    }
    if plan.create_tables && !plan.delete && !stop.is_set() {
        for t in &validation.tables {
            if t.table != 0 {
                table_add_del(client, t.table, t.is_ip6, true)?;
            }
        }
    }
    let policy = Policy {
        is_add: !plan.delete,
        on_refusal: OnRefusal::KeepGoing,
        connections: plan.connections.max(1),
        window: plan.window.max(1),
    };
    let note_change = |e: SourceChanged| {
        if let Ok(mut c) = changed.lock() {
            c.get_or_insert(e);
        }
        stop.request(StopReason::FileChanged);
    };
    let expected = (validation.routes, validation.bad_lines);
    let resolve = |n: &str| checked.resolve(n);
    let exists = |t: TableRef| checked.has_table(t);
    let done = if stop.is_set() {
        program::Programmed::default()
    } else {
        program::program(
            || FileRoutes {
                source,
                reader: source
                    .routes(&plan.options)
                    .map(|r| r.with_interfaces(&resolve).with_tables(&exists)),
                n: 0,
                expected,
                note_change: &note_change,
            },
            &policy,
            &checked.names,
            connect,
            progress,
            stop,
        )
    };
    let stopped = stop.reason();
    summary.programmed = done.programmed;
    summary.unknown = done.unknown;
    summary.failed += done.failures.total();
    summary.not_sent = validation.routes.saturating_sub(done.accounted());
    summary.failures_by_error = done.failures.by_error().clone();
    let (failures, truncated) = done.failures.into_sorted();
    summary.failures = failures;
    summary.failures_truncated = truncated;
    summary.interrupted = stopped == Some(StopReason::Interrupted);
    summary.low_memory = stopped == Some(StopReason::LowMemory);
    let changed = changed.into_inner().ok().flatten();
    summary.file_changed = changed.is_some();
    let elapsed = start.elapsed();
    summary.elapsed_seconds = elapsed.as_secs_f64();
    summary.routes_per_second = rate(summary.programmed, elapsed);
    if let Some(e) = done.error {
        return Err(e.into());
    }
    Ok(LoadResult {
        summary,
        validation,
        disconnected: done.disconnected,
        changed,
        stopped,
    })
}

/// The programming pass over the file: the good routes, checking as it goes that the
/// file is the one validated (same length and modification time, every read succeeding,
/// the same counts at the end).
struct FileRoutes<'s, 'c> {
    source: &'s RouteSource,
    reader: std::io::Result<RouteReader<'c, FileAt<'s>>>,
    n: u64,
    expected: (u64, u64),
    note_change: &'c dyn Fn(SourceChanged),
}

impl Iterator for FileRoutes<'_, '_> {
    type Item = RouteSpec;

    fn next(&mut self) -> Option<Self::Item> {
        let name = self.source.name();
        let changed = |why: String| SourceChanged {
            file: name.to_string(),
            why,
        };
        let reader = match self.reader.as_mut() {
            Ok(r) => r,
            Err(e) => {
                (self.note_change)(changed(format!("cannot read it again: {e}")));
                return None;
            }
        };
        loop {
            self.n += 1;
            if self.n % 1024 == 0 {
                if let Err(e) = self.source.check_unchanged() {
                    (self.note_change)(e);
                    return None;
                }
            }
            match reader.next() {
                Some(Ok(route)) => return Some(route),
                Some(Err(e)) => {
                    if let LineReason::Read(why) = &e.reason {
                        (self.note_change)(changed(format!("read error: {why}")));
                        return None;
                    }
                    // A bad line the validation pass already counted.
                }
                None => {
                    let s = reader.stats();
                    if let Err(e) = self.source.check_unchanged() {
                        (self.note_change)(e);
                    } else if (s.routes, s.bad_lines) != self.expected {
                        (self.note_change)(changed(format!(
                            "{} routes and {} bad lines on the second pass, {} and {} on the first",
                            s.routes, s.bad_lines, self.expected.0, self.expected.1
                        )));
                    }
                    return None;
                }
            }
        }
    }
}

fn rate(n: u64, d: Duration) -> f64 {
    let s = d.as_secs_f64();
    if s > 0.0 {
        n as f64 / s
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::sync::atomic::Ordering;
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
        let stop = Stop::new();
        let (validation, checked) = check(&mut client, &source, &plan, &stop).unwrap();
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
                &checked,
                &connect,
                &progress,
                &stop,
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

    /// A simulator with tables 0 and 9, and a file of `n` /32 routes into table 9.
    struct Fixture {
        _dir: tempfile::TempDir,
        socket: std::path::PathBuf,
        sim: Simulator,
        csv: std::path::PathBuf,
    }

    fn fixture(n: u32) -> Fixture {
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
        writeln!(f, "prefix,next_hop,interface,table").unwrap();
        for i in 0..n {
            let a = std::net::Ipv4Addr::from(0x0a00_0000 + i);
            writeln!(f, "{a}/32,192.0.2.1,,9").unwrap();
        }
        drop(f);
        let mut c = Client::connect(&socket, &ConnectOptions::default()).unwrap();
        table_add_del(&mut c, 9, false, true).unwrap();
        c.close().unwrap();
        Fixture {
            _dir: dir,
            socket,
            sim,
            csv,
        }
    }

    fn plan(connections: usize, window: usize) -> LoadPlan {
        LoadPlan {
            delete: false,
            keep_going: false,
            create_tables: false,
            connections,
            window,
            options: LoadOptions::default(),
        }
    }

    /// Validates, lets `between` act on VPP and the file, then programs.
    fn load_with(fx: &Fixture, plan: &LoadPlan, between: impl FnOnce(&mut Client)) -> LoadResult {
        let opts = ConnectOptions::default();
        let source = RouteSource::open(fx.csv.to_str().unwrap()).unwrap();
        let mut client = Client::connect(&fx.socket, &opts).unwrap();
        let stop = Stop::new();
        let (validation, checked) = check(&mut client, &source, plan, &stop).unwrap();
        assert!(validation.is_ok(), "{validation:?}");
        between(&mut client);
        let connect = || Client::connect(&fx.socket, &opts);
        program(
            &mut client,
            &source,
            plan,
            validation,
            &checked,
            &connect,
            &Progress::default(),
            &stop,
        )
        .unwrap()
    }

    /// VPP refusing routes (their table went away after the validation pass): a refusal
    /// inside a window is put on its own line, and however many there are, only the first
    /// 10,000 are kept, every one counted by VPP's error name.
    #[test]
    fn refusals_are_attributed_to_their_lines_and_kept_bounded() {
        let fx = fixture(100_000);
        let r = load_with(&fx, &plan(2, 64), |c| {
            table_add_del(c, 9, false, false).unwrap();
        });
        let s = r.summary;
        assert_eq!(s.programmed, 0, "{:?}", s.failures_by_error);
        assert_eq!(s.failed, 100_000);
        assert_eq!(s.failures.len(), program::MAX_FAILURES);
        assert!(s.failures_truncated);
        assert_eq!(
            s.failures_by_error.get("VNET_API_ERROR_NO_SUCH_FIB"),
            Some(&100_000)
        );
        // The first ones by line, in order: lines 2, 3, ... (line 1 is the header).
        let lines: Vec<u64> = s.failures.iter().map(|f| f.line).collect();
        assert_eq!(lines[..3], [2, 3, 4]);
        assert!(lines.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(*lines.last().unwrap(), program::MAX_FAILURES as u64 + 1);
        drop(fx.sim);
    }

    /// The file truncated between the passes: nothing is sent, and the change is named.
    #[test]
    fn a_file_changed_between_the_passes_sends_nothing() {
        let fx = fixture(5_000);
        let path = fx.csv.clone();
        let r = load_with(&fx, &plan(1, 16), |_| {
            let f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
            f.set_len(1000).unwrap();
        });
        let changed = r.changed.expect("the change is reported");
        assert!(
            changed.to_string().contains("changed while loading"),
            "{changed}"
        );
        assert!(r.summary.file_changed);
        assert_eq!(r.summary.programmed, 0);
        assert_eq!(r.summary.not_sent, 5_000);
        fx.sim.stop();
    }
}
