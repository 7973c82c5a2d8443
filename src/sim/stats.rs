//! The simulator's stats segment content, laid out with VPP's paths and types (as in the
//! golden capture of a real VPP, `golden/stats/`):
//!
//! - scalars `/sys/boottime`, `/sys/heartbeat` (seconds up), `/sys/last_update`,
//!   `/sys/last_stats_clear`; gauges `/sys/vector_rate`, `/sys/input_rate`,
//!   `/sys/num_worker_threads`; simple `/sys/loops_per_worker` and
//!   `/sys/vector_rate_per_worker` (one vector, indexed by thread);
//! - `/if/names` and every `/if/` counter, with `/interfaces/<if>/<counter>` symlinks;
//! - `/sys/node/{names,calls,vectors,clocks,suspends}` with `/nodes/<node>/<counter>`
//!   symlinks;
//! - `/node/errors` with `/err/<node>/<reason>` symlinks;
//! - gauges `/buffer-pools/default-numa-0/{cached,used,available}`;
//! - `/mem/main heap` and `/mem/stat segment` (vectors of 7) with `{total,used,free}`
//!   symlinks;
//! - combined `/net/route/to` and `/net/route/via` indexed by route stats index (as long as
//!   the FIB's highest index; their room grows by doubling), combined `/net/adjacency`, `/net/mroute`, `/net/punt`, simple
//!   `/net/arp/{rx,tx}/{requests,replies,gratuitous}` and the same `/net/ip6-nd/...` per
//!   interface, gauges `/bfd/udp{4,6}/sessions{,_mh}`: every path a real VPP with the same
//!   plugins publishes (the golden capture's set). `/net/adjacency` is as long as the FIB's
//!   adjacency pool and counts what each rewrite sent; what the simulator does not model
//!   (ARP, ND, multicast, punt, BFD) stays zero.
//!
//! Counter vectors have one vector per thread ([`THREADS`]: main and two workers). The
//! values come from the model's [`Dataplane`](super::traffic::Dataplane):
//! [`SimStats::sync`] follows the directory's shape (new interfaces, nodes and errors, each
//! an epoch bump) and [`SimStats::publish`] writes every value, once per tick.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use super::memory::Memory;
use super::model::Model;
use super::statseg::{EntryId, SegmentOptions, StatSegment, StatsServer};
use super::traffic::{IF_COMBINED, IF_SIMPLE, THREADS, WORKERS};
use crate::stats::{CombinedCounter, Result};

const NODE_COUNTERS: [&str; 4] = ["calls", "vectors", "clocks", "suspends"];
/// Per-interface neighbour-protocol counters: `/net/arp/...` and `/net/ip6-nd/...`.
const NEIGHBOUR_COUNTERS: [&str; 12] = [
    "/net/arp/rx/gratuitous",
    "/net/arp/rx/replies",
    "/net/arp/rx/requests",
    "/net/arp/tx/gratuitous",
    "/net/arp/tx/replies",
    "/net/arp/tx/requests",
    "/net/ip6-nd/rx/gratuitous",
    "/net/ip6-nd/rx/replies",
    "/net/ip6-nd/rx/requests",
    "/net/ip6-nd/tx/gratuitous",
    "/net/ip6-nd/tx/replies",
    "/net/ip6-nd/tx/requests",
];
/// Counters VPP publishes and the simulator does not move, with their lengths in the
/// golden capture: `/net/mroute` by multicast entry, `/net/punt` by punt reason.
const UNMODELLED_COMBINED: [(&str, usize); 2] = [("/net/mroute", 6), ("/net/punt", 5)];
/// The bfd plugin's session gauges.
const BFD_GAUGES: [&str; 4] = [
    "/bfd/udp4/sessions",
    "/bfd/udp4/sessions_mh",
    "/bfd/udp6/sessions",
    "/bfd/udp6/sessions_mh",
];
const POOL: &str = "default-numa-0";
const POOL_BUFFERS: u64 = 16383;
/// The memfd holds this many times the segment's nominal size: the simulator's route
/// counters (three threads) take more than the measured VPP's, and the gauges charge them
/// at the measured rate (see docs/design.md, “The simulator's heaps”), so they must not run
/// out of room before the modelled segment does.
const ROOM: usize = 4;

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The entries that are there from the start.
struct Fixed {
    heartbeat: EntryId,
    last_update: EntryId,
    vector_rate: EntryId,
    input_rate: EntryId,
    loops_per_worker: EntryId,
    vector_rate_per_worker: EntryId,
    if_names: EntryId,
    /// [`IF_COMBINED`] then [`IF_SIMPLE`], then [`NEIGHBOUR_COUNTERS`]: every vector
    /// indexed by sw_if_index.
    if_counters: Vec<EntryId>,
    route_to: EntryId,
    route_via: EntryId,
    adjacency: EntryId,
    node_names: EntryId,
    /// In [`NODE_COUNTERS`] order.
    node_counters: [EntryId; 4],
    errors: EntryId,
    /// cached, used, available.
    pools: [EntryId; 3],
    main_heap: EntryId,
    stat_heap: EntryId,
}

/// The published segment and what keeps it current.
pub struct SimStats {
    seg: StatSegment,
    server: StatsServer,
    started: Instant,
    ids: Fixed,
    /// sw_if_index → (interface name, its symlinks).
    links: BTreeMap<u32, (String, Vec<EntryId>)>,
    if_len: usize,
    /// The length of `/net/route/to` and `/net/route/via`.
    route_len: usize,
    /// Bytes of the segment those two vectors take.
    route_bytes: usize,
    /// The length of `/net/adjacency`.
    adj_len: usize,
    nodes: usize,
    errors: usize,
}

impl SimStats {
    /// Creates the segment for `model` and serves it on `path`; `memory` holds its
    /// nominal size.
    pub fn start(path: &Path, model: &Model, memory: &Memory) -> Result<SimStats> {
        let mut options = SegmentOptions::default();
        let nominal = usize::try_from(memory.stats_total()).unwrap_or(usize::MAX);
        options.size = nominal.saturating_mul(ROOM);
        let mut seg = StatSegment::create(&options)?;
        let ids = Self::fixed(&mut seg)?;
        let server = seg.serve(path)?;
        let mut stats = SimStats {
            seg,
            server,
            started: Instant::now(),
            ids,
            links: BTreeMap::new(),
            if_len: 0,
            route_len: 0,
            route_bytes: 0,
            adj_len: 0,
            nodes: 0,
            errors: 0,
        };
        stats.sync(model);
        stats.publish(model, memory);
        Ok(stats)
    }

    fn fixed(seg: &mut StatSegment) -> Result<Fixed> {
        seg.add_scalar("/sys/boottime", unix_now())?;
        let heartbeat = seg.add_scalar("/sys/heartbeat", 0)?;
        let last_update = seg.add_scalar("/sys/last_update", 0)?;
        seg.add_scalar("/sys/last_stats_clear", 0)?;
        let vector_rate = seg.add_gauge("/sys/vector_rate", 0)?;
        let input_rate = seg.add_gauge("/sys/input_rate", 0)?;
        seg.add_gauge("/sys/num_worker_threads", WORKERS as u64)?;
        let loops_per_worker = seg.add_simple("/sys/loops_per_worker", 1, THREADS)?;
        let vector_rate_per_worker = seg.add_simple("/sys/vector_rate_per_worker", 1, THREADS)?;
        let if_names = seg.add_names("/if/names", &[])?;
        let mut if_counters = Vec::new();
        for c in IF_COMBINED {
            if_counters.push(seg.add_combined(&format!("/if/{c}"), THREADS, 0)?);
        }
        for c in IF_SIMPLE {
            if_counters.push(seg.add_simple(&format!("/if/{c}"), THREADS, 0)?);
        }
        for c in NEIGHBOUR_COUNTERS {
            if_counters.push(seg.add_simple(c, THREADS, 0)?);
        }
        let route_to = seg.add_combined("/net/route/to", THREADS, 0)?;
        let route_via = seg.add_combined("/net/route/via", THREADS, 0)?;
        let adjacency = seg.add_combined("/net/adjacency", THREADS, 0)?;
        for (name, len) in UNMODELLED_COMBINED {
            seg.add_combined(name, THREADS, len)?;
        }
        for name in BFD_GAUGES {
            seg.add_gauge(name, 0)?;
        }
        let node_names = seg.add_names("/sys/node/names", &[])?;
        let node_counters = [
            seg.add_simple("/sys/node/calls", THREADS, 0)?,
            seg.add_simple("/sys/node/vectors", THREADS, 0)?,
            seg.add_simple("/sys/node/clocks", THREADS, 0)?,
            seg.add_simple("/sys/node/suspends", THREADS, 0)?,
        ];
        let errors = seg.add_simple("/node/errors", THREADS, 0)?;
        let pools = [
            seg.add_gauge(&format!("/buffer-pools/{POOL}/cached"), 0)?,
            seg.add_gauge(&format!("/buffer-pools/{POOL}/used"), 0)?,
            seg.add_gauge(&format!("/buffer-pools/{POOL}/available"), POOL_BUFFERS)?,
        ];
        let mut heap = |name: &str| -> Result<EntryId> {
            let id = seg.add_simple(&format!("/mem/{name}"), 1, 7)?;
            for (i, part) in ["total", "used", "free"].iter().enumerate() {
                seg.add_symlink(&format!("/mem/{name}/{part}"), id, i as u32)?;
            }
            Ok(id)
        };
        let main_heap = heap("main heap")?;
        let stat_heap = heap("stat segment")?;
        Ok(Fixed {
            heartbeat,
            last_update,
            vector_rate,
            input_rate,
            loops_per_worker,
            vector_rate_per_worker,
            if_names,
            if_counters,
            route_to,
            route_via,
            adjacency,
            node_names,
            node_counters,
            errors,
            pools,
            main_heap,
            stat_heap,
        })
    }

    /// Brings the directory in line with the model: interfaces (names, vector lengths,
    /// symlinks), nodes and error counters. Each change bumps the epoch.
    pub fn sync(&mut self, model: &Model) {
        self.sync_interfaces(model);
        let routes = model.fib.stats_len();
        if routes > self.route_len {
            // A segment too full to grow them leaves the new routes uncounted.
            let before = self.seg.heap_in_use();
            let grown = [self.ids.route_to, self.ids.route_via]
                .into_iter()
                .all(|id| self.seg.resize(id, routes).is_ok());
            self.route_bytes = (self.route_bytes + self.seg.heap_in_use()).saturating_sub(before);
            if grown {
                self.route_len = routes;
            }
        }
        let adjs = model.fib.adjacency_len();
        if adjs > self.adj_len && self.seg.resize(self.ids.adjacency, adjs).is_ok() {
            self.adj_len = adjs;
        }
        let d = &model.dataplane;
        let seg = &mut self.seg;
        if d.node_names.len() > self.nodes {
            for id in self.ids.node_counters {
                let _ = seg.resize(id, d.node_names.len());
            }
            for (i, name) in d.node_names.iter().enumerate().skip(self.nodes) {
                let _ = seg.set_name(self.ids.node_names, i, Some(name));
                for (c, id) in NODE_COUNTERS.iter().zip(self.ids.node_counters) {
                    let _ = seg.add_symlink(&format!("/nodes/{name}/{c}"), id, i as u32);
                }
            }
            self.nodes = d.node_names.len();
        }
        if d.errors.len() > self.errors {
            let _ = seg.resize(self.ids.errors, d.errors.len());
            for (i, (node, reason)) in d.errors.iter().enumerate().skip(self.errors) {
                let path = format!("/err/{node}/{reason}");
                let _ = seg.add_symlink(&path, self.ids.errors, i as u32);
            }
            self.errors = d.errors.len();
        }
    }

    fn sync_interfaces(&mut self, model: &Model) {
        let seg = &mut self.seg;
        let len = model.interfaces().map(|i| i.sw_if_index as usize + 1).max();
        let len = len.unwrap_or(0).max(self.if_len);
        if len > self.if_len {
            for id in &self.ids.if_counters {
                let _ = seg.resize(*id, len);
            }
            self.if_len = len;
        }
        // Interfaces gone, or renamed in their slot.
        let stale: Vec<u32> = self
            .links
            .iter()
            .filter(|(sw, (name, _))| model.get(**sw).is_none_or(|i| &i.name != name))
            .map(|(sw, _)| *sw)
            .collect();
        for sw in stale {
            if let Some((_, ids)) = self.links.remove(&sw) {
                for id in ids {
                    let _ = seg.remove(id);
                }
            }
            let _ = seg.set_name(self.ids.if_names, sw as usize, None);
        }
        let counters = IF_COMBINED
            .iter()
            .chain(&IF_SIMPLE)
            .zip(&self.ids.if_counters[..IF_COMBINED.len() + IF_SIMPLE.len()]);
        for i in model.interfaces() {
            if self.links.contains_key(&i.sw_if_index) {
                continue;
            }
            let _ = seg.set_name(self.ids.if_names, i.sw_if_index as usize, Some(&i.name));
            let ids = counters
                .clone()
                .filter_map(|(c, target)| {
                    let name = format!("/interfaces/{}/{c}", i.name);
                    seg.add_symlink(&name, *target, i.sw_if_index).ok()
                })
                .collect();
            self.links.insert(i.sw_if_index, (i.name.clone(), ids));
        }
    }

    /// Bytes of the segment in use for everything but the route counters.
    pub fn other_in_use(&self) -> u64 {
        self.seg.heap_in_use().saturating_sub(self.route_bytes) as u64
    }

    /// Writes every value from the model: counters per thread, gauges, scalars; the heaps'
    /// gauges from `memory`.
    pub fn publish(&self, model: &Model, memory: &Memory) {
        let seg = &self.seg;
        let d = &model.dataplane;
        let ids = &self.ids;
        for (t, ifaces) in d.ifaces.iter().enumerate() {
            for (i, c) in ifaces.iter().enumerate().take(self.if_len) {
                for (k, pair) in c.combined.iter().enumerate() {
                    let v = CombinedCounter {
                        packets: pair.packets,
                        bytes: pair.bytes,
                    };
                    let _ = seg.set_combined(ids.if_counters[k], t, i, v);
                }
                for (k, v) in c.simple.iter().enumerate() {
                    let _ = seg.set_simple(ids.if_counters[IF_COMBINED.len() + k], t, i, *v);
                }
            }
        }
        let counted = [
            (&d.route_to, ids.route_to, self.route_len),
            (&d.route_via, ids.route_via, self.route_len),
            (&d.adjacency, ids.adjacency, self.adj_len),
        ];
        for (map, id, len) in counted {
            for (&i, per_thread) in map.range(..len as u32) {
                for (t, pair) in per_thread.iter().enumerate() {
                    let v = CombinedCounter {
                        packets: pair.packets,
                        bytes: pair.bytes,
                    };
                    let _ = seg.set_combined(id, t, i as usize, v);
                }
            }
        }
        for (t, nodes) in d.nodes.iter().enumerate() {
            for (i, c) in nodes.iter().enumerate().take(self.nodes) {
                let values = [c.calls, c.vectors, c.clocks, c.suspends];
                for (id, v) in ids.node_counters.iter().zip(values) {
                    let _ = seg.set_simple(*id, t, i, v);
                }
            }
        }
        for (t, errors) in d.error_counts.iter().enumerate() {
            for (i, v) in errors.iter().enumerate().take(self.errors) {
                let _ = seg.set_simple(ids.errors, t, i, *v);
            }
        }
        let r = &d.rates;
        for t in 0..THREADS {
            let _ = seg.set_simple(ids.loops_per_worker, 0, t, r.loops_per_sec[t] as u64);
            let _ = seg.set_simple(
                ids.vector_rate_per_worker,
                0,
                t,
                r.vector_rate_per_thread[t] as u64,
            );
        }
        let _ = seg.set_scalar(ids.vector_rate, r.vector_rate as u64);
        let _ = seg.set_scalar(ids.input_rate, r.input_rate as u64);
        // Buffers: a worker moving packets keeps a cache of them.
        let busy = (1..THREADS)
            .filter(|t| r.vector_rate_per_thread[*t] > 0.0)
            .count() as u64;
        let cached = busy * 512;
        let [pc, pu, pa] = ids.pools;
        let _ = seg.set_scalar(pc, cached);
        let _ = seg.set_scalar(pu, cached);
        let _ = seg.set_scalar(pa, POOL_BUFFERS - cached);
        self.heap(ids.main_heap, memory.main_total(), memory.main_used(), 5);
        self.heap(ids.stat_heap, memory.stats_total(), memory.stats_used(), 13);
        let _ = seg.set_scalar(ids.heartbeat, self.started.elapsed().as_secs());
        let _ = seg.set_scalar(ids.last_update, unix_now());
    }

    /// `/mem/<heap>`: total, used, free, used_mmap, total_alloc, free_chunks, releasable.
    fn heap(&self, id: EntryId, total: u64, used: u64, free_chunks: u64) {
        let free = total.saturating_sub(used);
        let values = [
            total,
            used,
            free,
            0,
            total,
            free_chunks,
            free.saturating_sub(4096),
        ];
        for (i, v) in values.into_iter().enumerate() {
            let _ = self.seg.set_simple(id, 0, i, v);
        }
    }

    /// Stops the socket (removing its file).
    pub fn stop(self) {
        self.server.stop();
    }
}
