//! The one way routes are programmed into VPP, whoever asks: `route add`, `POST /routes`,
//! `route load` and `bench routes` (see docs/design.md, “Route programming”).
//!
//! Routes come from a producer (a file pass, a list, a generator) and are spread over
//! [`Policy::connections`] connections by a hash of (table, prefix), so every route for
//! one prefix goes through one connection in order; each connection keeps
//! [`Policy::window`] requests in flight. One reader thread deals routes out over bounded
//! queues; each connection keeps only its in-flight routes and a bounded list of
//! failures, so memory stays flat however many routes there are and however many fail.
//!
//! Programming stops early when asked through [`Stop`] (an interrupt, a changed file, a
//! heap running low, a refusal under [`OnRefusal::Stop`]): nothing more is sent, and the
//! replies already in flight are waited for (each at most the client's timeout).

use std::cell::RefCell;
use std::collections::{BTreeMap, BinaryHeap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use ipnet::IpNet;
use serde::Serialize;

use super::csv::TableRef;
use super::spec::{LineSpan, RouteSpec};
use super::vpp::{add_del_request, table_add_del, tables};
use crate::client::{Client, ClientError};
use crate::ops::error::{OpsError, Result};
use crate::ops::names::InterfaceNames;

/// Routes queued per connection between the reader and the sender.
const QUEUE: usize = 4096;

/// Failures kept with their line and error; the rest are only counted by error name.
pub const MAX_FAILURES: usize = 10_000;

/// What to do when VPP refuses a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnRefusal {
    /// Stop sending (replies in flight are still waited for).
    Stop,
    /// Record it and go on.
    KeepGoing,
}

/// How to program.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// Add (true) or delete the routes.
    pub is_add: bool,
    pub on_refusal: OnRefusal,
    pub connections: usize,
    /// Requests in flight per connection.
    pub window: usize,
}

/// Why programming stopped before its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StopReason {
    /// SIGINT or SIGTERM.
    Interrupted,
    /// The route file changed, or could not be read, while loading.
    FileChanged,
    /// VPP refused a route under [`OnRefusal::Stop`].
    Refused,
    /// One of VPP's heaps fell under the floor while loading.
    LowMemory,
}

impl StopReason {
    fn code(self) -> u8 {
        match self {
            StopReason::Interrupted => 1,
            StopReason::FileChanged => 2,
            StopReason::Refused => 3,
            StopReason::LowMemory => 4,
        }
    }

    fn from_code(c: u8) -> Option<Self> {
        Some(match c {
            1 => StopReason::Interrupted,
            2 => StopReason::FileChanged,
            3 => StopReason::Refused,
            4 => StopReason::LowMemory,
            _ => return None,
        })
    }
}

/// A request to stop, shared by every thread of one programming run; the first reason
/// given stands.
#[derive(Debug, Default)]
pub struct Stop {
    reason: AtomicU8,
    /// Set from a signal handler: read as [`StopReason::Interrupted`].
    interrupt: Option<&'static AtomicBool>,
}

impl Stop {
    pub fn new() -> Self {
        Stop::default()
    }

    /// A stop that also follows `flag` (set by a signal handler).
    pub fn on_interrupt(flag: &'static AtomicBool) -> Self {
        Stop {
            interrupt: Some(flag),
            ..Stop::default()
        }
    }

    pub fn request(&self, why: StopReason) {
        let _ = self
            .reason
            .compare_exchange(0, why.code(), Ordering::SeqCst, Ordering::SeqCst);
    }

    /// Why to stop, if anyone asked.
    pub fn reason(&self) -> Option<StopReason> {
        if self.interrupt.is_some_and(|f| f.load(Ordering::SeqCst)) {
            self.request(StopReason::Interrupted);
        }
        StopReason::from_code(self.reason.load(Ordering::SeqCst))
    }

    pub fn is_set(&self) -> bool {
        self.reason().is_some()
    }
}

/// Progress for a bar: replies received so far.
#[derive(Debug, Default)]
pub struct Progress {
    pub done: AtomicU64,
}

/// A route VPP refused, or whose fate is unknown because its connection dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// The file's line (the first line of a multipath group); 0 for routes not from a file.
    pub line: u64,
    pub lines: String,
    pub table: u32,
    pub prefix: IpNet,
    pub error: String,
    /// What failures are counted under: VPP's error name (`VNET_API_ERROR_NO_SUCH_FIB`).
    pub error_name: String,
}

impl Ord for Failure {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.line, self.prefix, self.table).cmp(&(other.line, other.prefix, other.table))
    }
}

impl PartialOrd for Failure {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Refused routes: the first [`MAX_FAILURES`] by line kept whole, every one counted by
/// its error name. Memory is bounded by the cap and the number of distinct error names.
#[derive(Debug, Clone, Default)]
pub struct Failures {
    /// The lowest lines seen so far (a max-heap, so the highest is dropped first).
    kept: BinaryHeap<Failure>,
    by_error: BTreeMap<String, u64>,
    total: u64,
}

impl Failures {
    pub fn push(&mut self, f: Failure) {
        self.total += 1;
        match self.by_error.get_mut(&f.error_name) {
            Some(n) => *n += 1,
            None => {
                self.by_error.insert(f.error_name.clone(), 1);
            }
        }
        self.kept.push(f);
        if self.kept.len() > MAX_FAILURES {
            self.kept.pop();
        }
    }

    pub fn merge(&mut self, other: Failures) {
        self.total += other.total;
        for (k, n) in other.by_error {
            *self.by_error.entry(k).or_default() += n;
        }
        for f in other.kept {
            self.kept.push(f);
            if self.kept.len() > MAX_FAILURES {
                self.kept.pop();
            }
        }
    }

    /// How many routes failed.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Counts per error name (every failure).
    pub fn by_error(&self) -> &BTreeMap<String, u64> {
        &self.by_error
    }

    /// The kept failures, by line; and whether some were left out.
    pub fn into_sorted(self) -> (Vec<Failure>, bool) {
        let truncated = (self.kept.len() as u64) < self.total;
        (self.kept.into_sorted_vec(), truncated)
    }
}

/// The short name a failure is counted under: VPP's error name, or the error itself.
pub fn error_name(e: &ClientError) -> String {
    match e {
        ClientError::Vpp {
            name: Some(name), ..
        } => (*name).to_string(),
        ClientError::Vpp { retval, .. } => format!("retval {retval}"),
        e => e.to_string(),
    }
}

/// What one programming run did. Every route the producer offered is programmed,
/// failed or unknown; routes it did not get to offer are the caller's `not_sent`.
#[derive(Debug, Default)]
pub struct Programmed {
    /// Routes VPP accepted.
    pub programmed: u64,
    pub failures: Failures,
    /// Routes in flight on a connection that dropped: VPP may or may not have them.
    pub unknown: u64,
    /// Set when a connection could not be made or dropped mid-run (exit 3).
    pub disconnected: Option<ClientError>,
    /// Any other error of a connection (a protocol error).
    pub error: Option<ClientError>,
    /// VPP's first refusal by line (or by index, for routes not from a file), as VPP said it.
    pub first_refusal: Option<(u64, ClientError)>,
}

impl Programmed {
    /// Routes accounted for: programmed, failed or unknown.
    pub fn accounted(&self) -> u64 {
        self.programmed + self.failures.total() + self.unknown
    }
}

/// Where the connections of a run come from.
pub enum Connections<'a> {
    /// [`Policy::connections`] new ones, each opened by this function.
    Open(&'a (dyn Fn() -> std::result::Result<Client, ClientError> + Sync)),
    /// This one (whatever [`Policy::connections`] says); it stays open.
    This(&'a mut Client),
}

/// Programs every route `produce` yields (it is called once, on a thread of its own, and
/// may stop early by returning), over `connections`.
pub fn program<F, I>(
    produce: F,
    policy: &Policy,
    names: &InterfaceNames,
    connect: &(dyn Fn() -> std::result::Result<Client, ClientError> + Sync),
    progress: &Progress,
    stop: &Stop,
) -> Programmed
where
    F: FnOnce() -> I + Send,
    I: Iterator<Item = RouteSpec>,
{
    program_over(
        produce,
        policy,
        names,
        Connections::Open(connect),
        progress,
        stop,
    )
}

/// [`program`] over any [`Connections`].
pub fn program_over<F, I>(
    produce: F,
    policy: &Policy,
    names: &InterfaceNames,
    connections: Connections<'_>,
    progress: &Progress,
    stop: &Stop,
) -> Programmed
where
    F: FnOnce() -> I + Send,
    I: Iterator<Item = RouteSpec>,
{
    let (n, mut this, connect) = match connections {
        Connections::Open(connect) => (policy.connections.max(1), None, Some(connect)),
        Connections::This(c) => (1, Some(c), None),
    };
    let (senders, receivers): (Vec<_>, Vec<_>) = (0..n)
        .map(|_| mpsc::sync_channel::<RouteSpec>(QUEUE))
        .unzip();
    let outcomes: Vec<Programmed> = std::thread::scope(|s| {
        s.spawn(move || {
            let mut alive = vec![true; n];
            for route in produce() {
                if stop.is_set() {
                    break;
                }
                let k = route.connection(n);
                // A connection that stopped early (its VPP went away) takes no more;
                // what it would have taken is not sent.
                if alive[k] && senders[k].send(route).is_err() {
                    alive[k] = false;
                    if alive.iter().all(|a| !a) {
                        break;
                    }
                }
            }
        });
        let handles: Vec<_> = receivers
            .into_iter()
            .map(|rx| {
                let client = this.take();
                s.spawn(move || match (client, connect) {
                    (Some(c), _) => one_connection(c, rx, policy, names, progress, stop),
                    (None, Some(connect)) => match connect() {
                        Ok(mut c) => {
                            let out = one_connection(&mut c, rx, policy, names, progress, stop);
                            if out.disconnected.is_none() && out.error.is_none() {
                                let _ = c.close();
                            }
                            out
                        }
                        // Nothing of this connection's share was sent.
                        Err(e) => Programmed {
                            disconnected: Some(e),
                            ..Programmed::default()
                        },
                    },
                    (None, None) => Programmed::default(),
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| Programmed {
                    error: Some(ClientError::Protocol("a connection's thread failed".into())),
                    ..Programmed::default()
                })
            })
            .collect()
    });
    let mut total = Programmed::default();
    for o in outcomes {
        total.programmed += o.programmed;
        total.unknown += o.unknown;
        total.failures.merge(o.failures);
        if total.disconnected.is_none() {
            total.disconnected = o.disconnected;
        }
        if total.error.is_none() {
            total.error = o.error;
        }
        if let Some((line, e)) = o.first_refusal {
            if total.first_refusal.as_ref().is_none_or(|(l, _)| line < *l) {
                total.first_refusal = Some((line, e));
            }
        }
    }
    total
}

/// The routes of one connection's queue, until the queue ends or a stop is asked.
fn queued<'a>(
    rx: &'a mpsc::Receiver<RouteSpec>,
    stop: &'a Stop,
) -> impl Iterator<Item = RouteSpec> + 'a {
    std::iter::from_fn(move || loop {
        if stop.is_set() {
            return None;
        }
        match rx.recv_timeout(Duration::from_millis(50)) {
            Ok(r) => return Some(r),
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => return None,
        }
    })
}

fn one_connection(
    client: &mut Client,
    routes: mpsc::Receiver<RouteSpec>,
    policy: &Policy,
    names: &InterfaceNames,
    progress: &Progress,
    stop: &Stop,
) -> Programmed {
    let mut out = Programmed::default();
    let mut first_refusal: Option<(u64, ClientError)> = None;
    // The routes in flight, oldest first: replies come back in order.
    let in_flight: RefCell<VecDeque<(LineSpan, u32, IpNet)>> = RefCell::new(VecDeque::new());
    let failures = RefCell::new(Failures::default());
    let fail = |r: (LineSpan, u32, IpNet), error: String, name: &str| {
        failures.borrow_mut().push(Failure {
            line: r.0.first,
            lines: r.0.to_string(),
            table: r.1,
            prefix: r.2,
            error,
            error_name: name.to_string(),
        });
    };
    // Every route was validated against the same interface names, so building its
    // request cannot fail; if it did, the route is counted as refused rather than
    // silently left out.
    let requests =
        queued(&routes, stop).filter_map(|r| match add_del_request(&r, policy.is_add, names) {
            Ok(req) => {
                in_flight
                    .borrow_mut()
                    .push_back((r.lines, r.table, r.prefix));
                Some(req)
            }
            Err(e) => {
                let text = e.to_string();
                fail((r.lines, r.table, r.prefix), text.clone(), &text);
                None
            }
        });
    let result = client.pipeline(requests, policy.window.max(1), |_, reply| {
        let Some(route) = in_flight.borrow_mut().pop_front() else {
            return;
        };
        progress.done.fetch_add(1, Ordering::Relaxed);
        match reply {
            Ok(_) => out.programmed += 1,
            // The connection went before the reply came: VPP may have it.
            Err(e) if e.is_unreachable() => out.unknown += 1,
            Err(e) => {
                let line = route.0.first;
                fail(route, e.to_string(), &error_name(&e));
                if first_refusal.is_none() {
                    first_refusal = Some((line, e));
                }
                if policy.on_refusal == OnRefusal::Stop {
                    stop.request(StopReason::Refused);
                }
            }
        }
    });
    out.failures = failures.into_inner();
    out.first_refusal = first_refusal;
    match result {
        Ok(()) => {}
        Err(e) => {
            out.unknown += in_flight.borrow().len() as u64;
            if e.is_unreachable() {
                out.disconnected = Some(e);
            } else {
                out.error = Some(e);
            }
        }
    }
    out
}

/// A route of a list that VPP refused.
#[derive(Debug)]
pub struct Refusal {
    /// Its index in the list (routes before it were programmed).
    pub index: usize,
    pub table: u32,
    pub prefix: IpNet,
    /// VPP's answer.
    pub error: ClientError,
}

/// What [`add_routes`] did.
#[derive(Debug)]
pub struct Added {
    pub programmed: u64,
    pub refused: Option<Refusal>,
}

/// Adds a list of routes in order on `client` — `route add` and `POST /routes`: every
/// interface must exist (else [`OpsError::NotFound`]), and every table (else
/// [`OpsError::BadInput`] naming it) unless `create_tables`, which creates them first;
/// then the routes go in order through [`program_over`], stopping at VPP's first refusal.
pub fn add_routes(client: &mut Client, specs: &[RouteSpec], create_tables: bool) -> Result<Added> {
    let names = InterfaceNames::load(client)?;
    for r in specs {
        for p in &r.paths {
            if let Some(n) = &p.interface {
                if names.index(n).is_none() {
                    return Err(OpsError::NotFound {
                        what: "interface",
                        name: n.clone(),
                    });
                }
            }
        }
    }
    let mut wanted: Vec<TableRef> = specs
        .iter()
        .map(|r| TableRef {
            is_ip6: r.is_ipv6(),
            table: r.table,
        })
        .filter(|t| t.table != 0)
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    if create_tables {
        for t in &wanted {
            table_add_del(client, t.table, t.is_ip6, true)?;
        }
    } else if !wanted.is_empty() {
        let have: Vec<TableRef> = tables(client)?
            .into_iter()
            .map(|t| TableRef {
                is_ip6: t.family == "ipv6",
                table: t.table,
            })
            .collect();
        if let Some(t) = wanted.iter().find(|t| !have.contains(t)) {
            return Err(OpsError::BadInput(no_such_table(*t)));
        }
    }
    // Each route carries its index (from 1) where a file's routes carry their line.
    let numbered: Vec<RouteSpec> = specs
        .iter()
        .enumerate()
        .map(|(i, r)| RouteSpec {
            lines: LineSpan::one(i as u64 + 1),
            ..r.clone()
        })
        .collect();
    let policy = Policy {
        is_add: true,
        on_refusal: OnRefusal::Stop,
        connections: 1,
        window: 1,
    };
    let done = program_over(
        || numbered.iter().cloned(),
        &policy,
        &names,
        Connections::This(client),
        &Progress::default(),
        &Stop::new(),
    );
    if let Some(e) = done.disconnected.or(done.error) {
        return Err(e.into());
    }
    let refused = done.first_refusal.map(|(line, error)| {
        let index = line.saturating_sub(1) as usize;
        let r = &specs[index.min(specs.len().saturating_sub(1))];
        Refusal {
            index,
            table: r.table,
            prefix: r.prefix,
            error,
        }
    });
    Ok(Added {
        programmed: done.programmed,
        refused,
    })
}

/// The message for a route into a table VPP lacks.
pub fn no_such_table(t: TableRef) -> String {
    format!(
        "table {} ({}) does not exist in VPP; --create-tables (create_tables=true for POST /routes) creates it",
        t.table,
        t.family()
    )
}
