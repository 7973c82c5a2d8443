//! Routes as a whole truth: the routes of our FIB source in the tables a file (or an
//! apply document) manages become exactly the routes it lists.
//!
//! One dump of our source's routes per managed table gives what VPP holds, kept as one
//! compact sorted vector (table and prefix → a hash of the paths), each details message
//! reduced to its entry as it arrives. The listed routes are then read as a stream and
//! compared one by one: a prefix missing from VPP is added, one whose paths differ is
//! changed (sent whole, replacing our contribution), one equal is left alone and no
//! message is sent for it. What the list never named is ours and no longer wanted: it is
//! removed. Only our source's contribution is ever touched: VPP's
//! own entries and other sources' routes for the same prefix stay.

use std::collections::hash_map::DefaultHasher;
use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};
use std::net::IpAddr;
use std::sync::mpsc;
use std::time::Instant;

use ipnet::IpNet;
use serde::Serialize;

use super::source::OwnSource;
use crate::binapi::fib_types::{FibPath, FibPathNhProto};
use crate::binapi::ip::{IpRouteAddDelV2, IpRouteV2, IpRouteV2Dump, IpTable};
use crate::client::{Client, ClientError};
use crate::ops::error::Result;
use crate::ops::names::InterfaceNames;
use crate::ops::routes::program::Stop;
use crate::ops::routes::vpp::add_del_request;
use crate::ops::routes::{PathKind, RouteSpec};
use crate::wire::VppEnum;

/// The messages this module uses.
pub const MESSAGES: &[&str] = crate::needs![request IpRouteAddDelV2, dump IpRouteV2Dump];

/// Routes queued per connection between the comparison and the sender.
const QUEUE: usize = 4096;

/// A table of one family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ManagedTable {
    pub table: u32,
    pub is_ip6: bool,
}

/// What happens to one route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Add,
    Change,
    Remove,
}

impl Op {
    /// `+`, `~`, `-`: how a plan marks it.
    pub fn mark(self) -> char {
        match self {
            Op::Add => '+',
            Op::Change => '~',
            Op::Remove => '-',
        }
    }
}

/// One change of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub op: Op,
    pub table: u32,
    pub prefix: IpNet,
    /// The line (or first line of a multipath group) that asks for it; none for removals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

/// A route VPP refused, or whose fate is unknown because its connection dropped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Failure {
    pub op: Op,
    pub table: u32,
    pub prefix: IpNet,
    pub error: String,
}

/// What a replace did (or, dry, would do).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReplaceSummary {
    pub dry_run: bool,
    pub tables: Vec<ManagedTable>,
    /// Our source's id, `None` when VPP has none yet (a dry run registers nothing).
    pub source_id: Option<u8>,
    pub added: u64,
    pub changed: u64,
    pub removed: u64,
    pub unchanged: u64,
    pub failed: u64,
    /// Changes in flight on a connection that dropped: VPP may or may not have made them.
    pub unknown: u64,
    pub failures: Vec<Failure>,
    /// Stopped by an interrupt: the routes not yet compared were left as they were, and
    /// nothing was removed.
    pub interrupted: bool,
    /// Every change, in the order decided (only for a dry run: a plan).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
    pub connections: usize,
    pub window: usize,
    pub elapsed_seconds: f64,
}

impl ReplaceSummary {
    /// Changes made or to make.
    pub fn pending(&self) -> u64 {
        self.added + self.changed + self.removed
    }
}

/// How to replace.
#[derive(Debug, Clone)]
pub struct ReplaceOptions {
    pub dry_run: bool,
    pub connections: usize,
    pub window: usize,
}

/// The outcome; `disconnected` is set when a connection dropped mid-way (exit 3).
pub struct ReplaceResult {
    pub summary: ReplaceSummary,
    pub disconnected: Option<ClientError>,
}

/// A path reduced to what makes two paths the same route: (type, interface, next hop,
/// weight, preference).
type PathKey = (u32, u32, Option<IpAddr>, u8, u8);

fn hash_paths(mut paths: Vec<PathKey>) -> u64 {
    paths.sort_unstable();
    let mut h = DefaultHasher::new();
    paths.hash(&mut h);
    h.finish()
}

fn wire_path_key(p: &FibPath) -> PathKey {
    let nh = match p.proto {
        FibPathNhProto::Ip4 => p.nh.address.ip4().ok().map(IpAddr::V4),
        FibPathNhProto::Ip6 => p.nh.address.ip6().ok().map(IpAddr::V6),
        _ => None,
    }
    .filter(|a| !a.is_unspecified());
    (p.r#type.to_raw(), p.sw_if_index, nh, p.weight, p.preference)
}

/// The hash of a listed route's paths, as VPP would dump them.
fn spec_hash(route: &RouteSpec, names: &InterfaceNames) -> u64 {
    hash_paths(
        route
            .paths
            .iter()
            .map(|p| {
                let sw = p
                    .interface
                    .as_deref()
                    .and_then(|n| names.index(n))
                    .unwrap_or(u32::MAX);
                let ty = match p.kind {
                    PathKind::Forward => 0,
                    PathKind::Drop => 2,
                };
                (ty, sw, p.next_hop, p.weight, p.preference)
            })
            .collect(),
    )
}

/// A route's place: table, family, address bytes, prefix length — ordered so, which for
/// a table is the order of its addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    table: u32,
    is_ip6: bool,
    addr: [u8; 16],
    len: u8,
}

impl Key {
    fn of(table: u32, prefix: &IpNet) -> Key {
        let mut addr = [0u8; 16];
        let is_ip6 = match prefix.addr() {
            IpAddr::V4(a) => {
                addr[..4].copy_from_slice(&a.octets());
                false
            }
            IpAddr::V6(a) => {
                addr = a.octets();
                true
            }
        };
        Key {
            table,
            len: prefix.prefix_len(),
            is_ip6,
            addr,
        }
    }

    fn prefix(&self) -> IpNet {
        let addr = if self.is_ip6 {
            IpAddr::from(self.addr)
        } else {
            IpAddr::from([self.addr[0], self.addr[1], self.addr[2], self.addr[3]])
        };
        IpNet::new(addr, self.len).unwrap_or_else(|_| IpNet::from(addr))
    }
}

/// Our source's routes in the managed tables as VPP holds them: each one's key and the
/// hash of its paths, sorted by key (32 bytes a route, in one vector), with a mark for
/// each one the list has named.
///
/// A sorted vector rather than a hash map: a million routes take 32 MiB (48 MiB at most
/// while the vector grows) where a map takes 64 MiB and, growing, 96 MiB; and a list in
/// address order — the usual route file — finds each route next to the one before
/// (`finger`), where a map's lookups each miss the cache (docs/design.md, “Managed
/// routes at scale”).
#[derive(Debug, Default)]
struct Held {
    entries: Vec<(Key, u64)>,
    named: Vec<u64>,
    finger: usize,
}

impl Held {
    fn new(mut entries: Vec<(Key, u64)>) -> Held {
        entries.sort_unstable_by_key(|e| e.0);
        // VPP dumps one entry a prefix; should it ever send two, one decision stands.
        entries.dedup_by_key(|e| e.0);
        Held {
            named: vec![0; entries.len().div_ceil(64)],
            entries,
            finger: 0,
        }
    }

    /// The hash of the paths VPP holds for `key`, the first time the list names it (a
    /// route named again is sent again, as the list says).
    fn take(&mut self, key: &Key) -> Option<u64> {
        let i = match self.entries.get(self.finger) {
            Some(e) if e.0 == *key => self.finger,
            _ => self.entries.binary_search_by(|e| e.0.cmp(key)).ok()?,
        };
        self.finger = i + 1;
        let (word, bit) = (i / 64, 1u64 << (i % 64));
        if self.named[word] & bit != 0 {
            return None;
        }
        self.named[word] |= bit;
        Some(self.entries[i].1)
    }

    /// What the list did not name, in key order.
    fn unnamed(&self) -> impl Iterator<Item = Key> + '_ {
        self.entries
            .iter()
            .enumerate()
            .filter(|(i, _)| self.named[i / 64] & (1u64 << (i % 64)) == 0)
            .map(|(_, e)| e.0)
    }
}

/// Our source's routes in the managed tables. Each details message is reduced to its
/// entry as it arrives: a million routes' details never wait whole in memory (they would
/// take hundreds of MiB).
fn held(client: &mut Client, source: Option<OwnSource>, tables: &[ManagedTable]) -> Result<Held> {
    let mut entries = Vec::new();
    let Some(source) = source else {
        return Ok(Held::default());
    };
    for t in tables {
        let req = IpRouteV2Dump {
            src: source.id,
            table: IpTable {
                table_id: t.table,
                is_ip6: t.is_ip6,
                name: String::new(),
            },
            ..Default::default()
        };
        client.dump_each(req, |d| {
            if d.route.src != source.id {
                return;
            }
            let hash = hash_paths(d.route.paths.iter().map(wire_path_key).collect());
            entries.push((Key::of(d.route.table_id, &d.route.prefix), hash));
        })?;
    }
    Ok(Held::new(entries))
}

/// Called for each change decided: op, table, prefix, the line asking for it, the route.
type Emit<'a> = dyn FnMut(Op, u32, IpNet, Option<u64>, Option<&RouteSpec>) + 'a;

/// One request to send, with what it is for.
struct Job {
    op: Op,
    table: u32,
    prefix: IpNet,
    req: IpRouteAddDelV2,
}

fn v2(req: crate::binapi::ip::IpRouteAddDel, src: u8) -> IpRouteAddDelV2 {
    IpRouteAddDelV2 {
        is_add: req.is_add,
        is_multipath: req.is_multipath,
        route: IpRouteV2 {
            table_id: req.route.table_id,
            stats_index: 0,
            prefix: req.route.prefix,
            src,
            paths: req.route.paths,
        },
        ..Default::default()
    }
}

fn connection_of(table: u32, prefix: IpNet, n: usize) -> usize {
    crate::ops::routes::RouteKey { table, prefix }.connection(n)
}

struct ConnOutcome {
    done: [u64; 3],
    failures: Vec<Failure>,
    unknown: u64,
    error: Option<ClientError>,
}

fn send_one(
    rx: mpsc::Receiver<Job>,
    window: usize,
    connect: &(dyn Fn() -> std::result::Result<Client, ClientError> + Sync),
) -> ConnOutcome {
    let mut out = ConnOutcome {
        done: [0; 3],
        failures: Vec::new(),
        unknown: 0,
        error: None,
    };
    let mut client = match connect() {
        Ok(c) => c,
        Err(e) => {
            out.unknown = 0;
            out.failures.extend(rx.iter().map(|j| Failure {
                op: j.op,
                table: j.table,
                prefix: j.prefix,
                error: e.to_string(),
            }));
            out.error = Some(e);
            return out;
        }
    };
    let in_flight = std::cell::RefCell::new(std::collections::VecDeque::new());
    let reqs = rx.iter().map(|j| {
        in_flight.borrow_mut().push_back((j.op, j.table, j.prefix));
        j.req
    });
    let result = client.pipeline(reqs, window.max(1), |_, reply| {
        let Some((op, table, prefix)) = in_flight.borrow_mut().pop_front() else {
            return;
        };
        match reply {
            Ok(_) => out.done[op as usize] += 1,
            Err(e) if e.is_unreachable() => out.unknown += 1,
            Err(e) => out.failures.push(Failure {
                op,
                table,
                prefix,
                error: e.to_string(),
            }),
        }
    });
    match result {
        Ok(()) => {
            let _ = client.close();
        }
        Err(e) => {
            out.unknown += in_flight.borrow().len() as u64;
            // Let the comparison finish: what is still queued was never sent.
            out.unknown += rx.iter().count() as u64;
            out.error = Some(e);
        }
    }
    out
}

/// Makes our source's routes in `tables` exactly `routes` (which must all be in those
/// tables, validated, with interfaces known to `names`). `source` is `None` only for a
/// dry run against a VPP that has no source of ours yet.
#[allow(clippy::too_many_arguments)]
pub fn replace(
    client: &mut Client,
    routes: &mut dyn Iterator<Item = RouteSpec>,
    tables: &BTreeSet<ManagedTable>,
    names: &InterfaceNames,
    source: Option<OwnSource>,
    opts: &ReplaceOptions,
    connect: &(dyn Fn() -> std::result::Result<Client, ClientError> + Sync),
    stop: &Stop,
) -> Result<ReplaceResult> {
    let mut changes = Vec::new();
    let mut result = replace_each(
        client,
        routes,
        tables,
        names,
        source,
        opts,
        connect,
        stop,
        &mut |c| {
            if opts.dry_run || source.is_none() {
                changes.push(c.clone())
            }
        },
    )?;
    result.summary.changes = changes;
    Ok(result)
}

/// [`replace`], handing each change to `each` as it is decided (before it is sent)
/// instead of keeping a dry run's changes: what a caller that bounds what it keeps uses.
#[allow(clippy::too_many_arguments)]
pub fn replace_each(
    client: &mut Client,
    routes: &mut dyn Iterator<Item = RouteSpec>,
    tables: &BTreeSet<ManagedTable>,
    names: &InterfaceNames,
    source: Option<OwnSource>,
    opts: &ReplaceOptions,
    connect: &(dyn Fn() -> std::result::Result<Client, ClientError> + Sync),
    stop: &Stop,
    each: &mut dyn FnMut(&Change),
) -> Result<ReplaceResult> {
    let start = Instant::now();
    let tables: Vec<ManagedTable> = tables.iter().copied().collect();
    let mut have = held(client, source, &tables)?;
    let n = opts.connections.max(1);
    let mut summary = ReplaceSummary {
        dry_run: opts.dry_run,
        tables: tables.clone(),
        source_id: source.map(|s| s.id),
        connections: n,
        window: opts.window,
        ..Default::default()
    };
    let src = source.map(|s| s.id);
    let mut disconnected = None;
    let dry = opts.dry_run || src.is_none();
    // Decide; when not dry, hand each change to its connection as it is decided.
    let mut decide = |emit: &mut Emit<'_>| {
        for route in &mut *routes {
            if stop.is_set() {
                // Interrupted: what is left is neither compared nor removed.
                return;
            }
            let key = Key::of(route.table, &route.prefix);
            let want = spec_hash(&route, names);
            let op = match have.take(&key) {
                None => Op::Add,
                Some(h) if h != want => Op::Change,
                Some(_) => {
                    summary.unchanged += 1;
                    continue;
                }
            };
            emit(
                op,
                route.table,
                route.prefix,
                Some(route.lines.first),
                Some(&route),
            );
        }
        if stop.is_set() {
            return;
        }
        for k in have.unnamed() {
            emit(Op::Remove, k.table, k.prefix(), None, None);
        }
    };
    if dry {
        let mut counts = [0u64; 3];
        decide(&mut |op, table, prefix, line, _| {
            counts[op as usize] += 1;
            each(&Change {
                op,
                table,
                prefix,
                line,
            })
        });
        summary.added = counts[Op::Add as usize];
        summary.changed = counts[Op::Change as usize];
        summary.removed = counts[Op::Remove as usize];
        summary.interrupted = stop.is_set();
        summary.elapsed_seconds = start.elapsed().as_secs_f64();
        return Ok(ReplaceResult {
            summary,
            disconnected,
        });
    }
    let src = src.unwrap_or_default();
    let (senders, receivers): (Vec<_>, Vec<_>) =
        (0..n).map(|_| mpsc::sync_channel::<Job>(QUEUE)).unzip();
    let mut unbuildable = Vec::new();
    let outcomes: Vec<ConnOutcome> = std::thread::scope(|s| {
        let handles: Vec<_> = receivers
            .into_iter()
            .map(|rx| s.spawn(move || send_one(rx, opts.window, connect)))
            .collect();
        decide(&mut |op, table, prefix, line, route| {
            each(&Change {
                op,
                table,
                prefix,
                line,
            });
            let built = match route {
                Some(r) => add_del_request(r, true, names),
                None => add_del_request(
                    &RouteSpec {
                        table,
                        prefix,
                        paths: Vec::new(),
                        lines: Default::default(),
                    },
                    false,
                    names,
                ),
            };
            match built {
                Ok(req) => {
                    let job = Job {
                        op,
                        table,
                        prefix,
                        req: v2(req, src),
                    };
                    // A connection that stopped early takes no more; its sender counts
                    // what it could not send.
                    let _ = senders[connection_of(table, prefix, n)].send(job);
                }
                Err(e) => unbuildable.push(Failure {
                    op,
                    table,
                    prefix,
                    error: e.to_string(),
                }),
            }
        });
        drop(senders);
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| ConnOutcome {
                    done: [0; 3],
                    failures: Vec::new(),
                    unknown: 0,
                    error: None,
                })
            })
            .collect()
    });
    for o in outcomes {
        summary.added += o.done[Op::Add as usize];
        summary.changed += o.done[Op::Change as usize];
        summary.removed += o.done[Op::Remove as usize];
        summary.unknown += o.unknown;
        summary.failures.extend(o.failures);
        if disconnected.is_none() {
            disconnected = o.error;
        }
    }
    summary.failures.extend(unbuildable);
    summary.failed = summary.failures.len() as u64;
    summary.failures.sort_by_key(|f| (f.table, f.prefix));
    summary.interrupted = stop.is_set();
    summary.elapsed_seconds = start.elapsed().as_secs_f64();
    Ok(ReplaceResult {
        summary,
        disconnected,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(table: u32, prefix: &str) -> Key {
        Key::of(table, &prefix.parse().unwrap())
    }

    #[test]
    fn held_routes_are_found_in_any_order_and_named_once() {
        let mut held = Held::new(vec![
            (key(0, "10.0.2.0/24"), 2),
            (key(5, "10.0.0.0/24"), 5),
            (key(0, "10.0.0.0/24"), 0),
            (key(0, "10.0.1.0/24"), 1),
            (key(0, "10.0.0.0/16"), 9),
            (key(0, "2001:db8::/32"), 6),
        ]);
        // In order (each next to the one before), then out of order.
        assert_eq!(held.take(&key(0, "10.0.0.0/24")), Some(0));
        assert_eq!(held.take(&key(0, "10.0.1.0/24")), Some(1));
        assert_eq!(held.take(&key(5, "10.0.0.0/24")), Some(5));
        assert_eq!(held.take(&key(0, "10.0.0.0/16")), Some(9));
        // Not held; held but in another table; named a second time.
        assert_eq!(held.take(&key(0, "10.0.3.0/24")), None);
        assert_eq!(held.take(&key(7, "10.0.2.0/24")), None);
        assert_eq!(held.take(&key(0, "10.0.1.0/24")), None);
        let rest: Vec<IpNet> = held.unnamed().map(|k| k.prefix()).collect();
        assert_eq!(
            rest,
            [
                "10.0.2.0/24".parse::<IpNet>().unwrap(),
                "2001:db8::/32".parse().unwrap()
            ]
        );
    }

    #[test]
    fn held_marks_past_one_word() {
        let entries: Vec<(Key, u64)> = (0..200u32)
            .map(|i| {
                let p = IpNet::new(IpAddr::from((0x0a00_0000 + (i << 8)).to_be_bytes()), 24);
                (Key::of(0, &p.unwrap()), u64::from(i))
            })
            .collect();
        let mut held = Held::new(entries.clone());
        for (k, h) in entries.iter().rev().filter(|(_, h)| h % 3 != 0) {
            assert_eq!(held.take(k), Some(*h));
        }
        let rest: Vec<Key> = held.unnamed().collect();
        let want: Vec<Key> = entries
            .iter()
            .filter(|(_, h)| h % 3 == 0)
            .map(|e| e.0)
            .collect();
        assert_eq!(rest, want);
        assert_eq!(held.take(&key(1, "10.0.0.0/8")), None);
    }
}
