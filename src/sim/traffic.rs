//! The simulated data plane: per-interface traffic flows and the counters they move.
//!
//! One file, past 600 lines: flows, forwarding and the counters they move are one tick's
//! work.
//!
//! A flow (`sim traffic pg0 1000pps 64B [src P] [dst P]`, or `vppx sim --traffic`) injects
//! packets on an ingress interface at a fixed rate. A flow is known by its interface and its
//! source prefix: another `src` on the same interface is another flow, the same one replaces
//! it. [`Model::advance`] runs every tick (the simulator's ticker, every 20 ms) and adds
//! `rate × elapsed` packets, carrying fractions from tick to tick so the long-run rate is
//! exact. Each packet of a flow goes the way VPP would send it:
//!
//! - The ingress interface must be admin up with its link up, or it receives nothing.
//! - It counts in the ingress `/if/rx` (and `rx-unicast`) and `/if/ip4` or `/if/ip6`.
//! - Packets are UDP from port 1024 to port 1024. The source is the first host of the
//!   flow's `src` prefix; without one, a neighbour on the ingress interface's first subnet
//!   of the family (the subnet's first host that is not the interface's own address), else
//!   the unspecified address.
//! - The destination is the first host of the flow's `dst` prefix; without one, the
//!   simulator picks the first address that the ingress table forwards out of another
//!   interface (the last host of an attached or routed prefix), else `198.51.100.1`
//!   (`2001:db8::1` for an IPv6 source), which routes nowhere. It is looked up in the
//!   ingress interface's table (longest prefix match; recursive next hops followed; the
//!   first path of a multipath route taken).
//! - Input ACLs (see [`super::acl`]): on an interface with input ACLs, whatever the
//!   families of their rules, `acl-plugin-in-ip4-fa` (`-ip6-` for IPv6 packets) runs after
//!   `ip4-input` and counts every packet in `checked packets`; a packet its rules deny (or that no rule matches)
//!   counts in `ACL deny packets`, goes to `error-drop` and counts in the ingress
//!   `/if/drops`; a permitted one counts in `ACL permit packets` and goes on to the lookup.
//! - Route counters: the lookup counts each packet (and its bytes) in `/net/route/to` at
//!   the stats index of the route it matched, whatever becomes of the packet (the default
//!   drop route counts too), and in `/net/route/via` at each route a recursive next hop
//!   resolved through.
//! - Adjacency counters: a packet that reaches `ip4-rewrite` (`ip6-rewrite`) counts, with
//!   its bytes, in `/net/adjacency` at the index of the adjacency its path holds (see
//!   [`super::fib::AdjKey`]: the neighbour's for a next hop, the glean one of an attached
//!   prefix), whether the output ACLs then drop it or its interface is down. A real VPP
//!   counts there only after `adjacency counters enable`; the simulator behaves as if that
//!   had been run at start (see docs/design.md, “Simulated adjacency counters”).
//! - Forwarded: `/if/tx` of the egress interface, through `ip4-rewrite`, `<if>-output`,
//!   `<if>-tx`. Attached prefixes forward as if their neighbours were resolved. Output
//!   ACLs on the egress interface run after `ip4-rewrite` (`acl-plugin-out-ip4-fa`, the same
//!   counters); a denied packet counts in the ingress `/if/drops`, as VPP's `error-drop`
//!   counts drops against the receiving interface.
//! - No route (the default route or a special drop entry): dropped, counted in
//!   `/err/ip4-input/dst_lookup_miss` (`ip6-input` for IPv6) and the ingress `/if/drops`;
//!   a configured drop route counts in `.../drop`; an egress interface that is down counts
//!   in `/err/<if>-output/interface is down`; a local address in
//!   `/err/ip4-local/unknown_protocol`.
//!
//! Counters are per thread, as in VPP with two workers: thread 0 (main) runs the process
//! nodes, and each flow's packets are spread over the workers (1 and 2), so every total is
//! a sum over threads. Node calls are one per 256 packets (VPP's frame size) per tick per
//! thread, and clocks a fixed cost per packet and per call for each node.

use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use ipnet::IpNet;

use super::acl::{Packet, Verdict};
use super::cli::TrafficSpec;
use super::fib::{AdjKey, Af, PathType, Source};
use super::model::{Interface, Model};

/// Threads with counters: main and two workers.
pub const THREADS: usize = 3;
/// Worker threads (`/sys/num_worker_threads`).
pub const WORKERS: usize = THREADS - 1;
/// Packets per frame, the most a node gets per call.
pub const FRAME: u64 = 256;

/// The combined `/if/` counters, in the order `show interface` lists them.
pub const IF_COMBINED: [&str; 8] = [
    "rx",
    "rx-unicast",
    "rx-multicast",
    "rx-broadcast",
    "tx",
    "tx-unicast",
    "tx-multicast",
    "tx-broadcast",
];
/// The simple `/if/` counters, in the order `show interface` lists them.
pub const IF_SIMPLE: [&str; 9] = [
    "drops",
    "punt",
    "ip4",
    "ip6",
    "rx-no-buf",
    "rx-miss",
    "rx-error",
    "tx-error",
    "mpls",
];
const RX: usize = 0;
const RX_UNICAST: usize = 1;
const TX: usize = 4;
const TX_UNICAST: usize = 5;
const DROPS: usize = 0;
const IP4: usize = 2;
const IP6: usize = 3;

/// Where an unroutable default destination points: TEST-NET-2.
const NOWHERE: IpAddr = IpAddr::V4(Ipv4Addr::new(198, 51, 100, 1));
/// The same for IPv6: the documentation prefix.
const NOWHERE6: IpAddr = IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1));

/// What simulated packets carry beyond their addresses: UDP, port 1024 to port 1024.
const PROTO_UDP: u8 = 17;
const PORT: u16 = 1024;

/// A flow's key: its ingress interface and its source prefix.
pub type FlowKey = (u32, Option<IpNet>);

/// A packets-and-bytes pair.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pair {
    pub packets: u64,
    pub bytes: u64,
}

impl Pair {
    fn add(&mut self, packets: u64, bytes: u64) {
        self.packets = self.packets.wrapping_add(packets);
        self.bytes = self.bytes.wrapping_add(bytes);
    }
}

/// One interface's counters on one thread.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IfCounters {
    /// In [`IF_COMBINED`] order.
    pub combined: [Pair; 8],
    /// In [`IF_SIMPLE`] order.
    pub simple: [u64; 9],
}

/// One node's runtime counters on one thread.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NodeCounters {
    pub calls: u64,
    pub vectors: u64,
    pub clocks: u64,
    pub suspends: u64,
}

/// A running flow.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    pub spec: TrafficSpec,
    /// The fraction of a packet owed from earlier ticks.
    carry: f64,
}

/// What the last tick did, for the rate gauges.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TickRates {
    /// Packets per second received.
    pub input_rate: f64,
    /// Packets per second sent.
    pub output_rate: f64,
    /// Packets per second dropped.
    pub drop_rate: f64,
    /// Vectors per call of the nodes that ran.
    pub vector_rate: f64,
    /// Main-loop iterations per second, per thread.
    pub loops_per_sec: [f64; THREADS],
    /// Vectors per call, per thread.
    pub vector_rate_per_thread: [f64; THREADS],
}

/// Flows and counters: the part of the model that traffic moves.
#[derive(Debug, Clone)]
pub struct Dataplane {
    /// Every flow, by ingress interface and source prefix.
    pub flows: BTreeMap<FlowKey, Flow>,
    /// `[thread][sw_if_index]`.
    pub ifaces: Vec<Vec<IfCounters>>,
    /// Node names by node index (`/sys/node/names`); nodes are never removed.
    pub node_names: Vec<String>,
    node_index: HashMap<String, usize>,
    /// `[thread][node]`.
    pub nodes: Vec<Vec<NodeCounters>>,
    /// `(node, reason)` by error index (`/node/errors`).
    pub errors: Vec<(String, String)>,
    error_index: HashMap<(String, String), usize>,
    /// `[thread][error]`.
    pub error_counts: Vec<Vec<u64>>,
    /// Seconds of simulated time so far.
    pub uptime: f64,
    pub rates: TickRates,
    /// Main-loop iterations per thread.
    pub loops: [u64; THREADS],
    /// `/net/route/to` by stats index, per thread: packets (and bytes) each route's lookup
    /// matched. Only routes that carried traffic are here.
    pub route_to: BTreeMap<u32, [Pair; THREADS]>,
    /// `/net/route/via` by stats index, per thread: packets that resolved through a route on
    /// their way to another (a recursive next hop).
    pub route_via: BTreeMap<u32, [Pair; THREADS]>,
    /// `/net/adjacency` by adjacency index, per thread: packets each rewrite sent. Only
    /// adjacencies that carried traffic are here.
    pub adjacency: BTreeMap<u32, [Pair; THREADS]>,
}

/// The routes one lookup went through, by stats index: the one it matched
/// (`/net/route/to`) and those its recursion resolved through (`/net/route/via`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RouteHits {
    pub to: Option<u32>,
    pub via: [Option<u32>; RECURSION - 1],
    /// The adjacency the rewrite uses, for a path through an interface.
    pub adjacency: Option<u32>,
}

/// How many lookups one packet's recursion takes at most, as far as a sane FIB needs.
const RECURSION: usize = 4;

/// The graph nodes and error counters a real VPP 26.10 with the default plugins lists in its
/// stats segment (`node NAME` in node-index order, `error NODE<TAB>REASON`), interface nodes
/// aside: taken from the golden capture of one, and checked against it by a test.
const VPP_GRAPH: &str = include_str!("vpp_graph.txt");

/// The lines of [`VPP_GRAPH`]: nodes, then `(node, reason)` errors.
fn vpp_graph() -> impl Iterator<Item = (&'static str, Option<&'static str>)> {
    VPP_GRAPH.lines().filter_map(|line| {
        if let Some(node) = line.strip_prefix("node ") {
            Some((node, None))
        } else {
            let (node, reason) = line.strip_prefix("error ")?.split_once('\t')?;
            Some((node, Some(reason)))
        }
    })
}

/// `<if>-output` errors, as VPP registers them for every interface.
const OUTPUT_ERRORS: &[&str] = &[
    "interface is deleted",
    "interface is down",
    "no tx queue available",
];
/// `<if>-tx` errors of a pg interface.
const PG_TX_ERRORS: &[&str] = &[
    "checksum offload disabled on itf -- csum offload packet drop",
    "gso disabled on itf  -- gso packet drop",
];

/// Clocks per packet of each node on a flow's way (anything else: 40).
fn clocks_per_packet(node: &str) -> u64 {
    match node {
        "pg-input" => 70,
        "ethernet-input" => 25,
        "ip4-input" | "ip6-input" => 30,
        "ip4-lookup" | "ip6-lookup" => 35,
        "ip4-rewrite" | "ip6-rewrite" => 30,
        "error-drop" => 20,
        "ip4-drop" | "ip6-drop" => 10,
        n if n.ends_with("-output") => 15,
        n if n.ends_with("-tx") => 55,
        _ => 40,
    }
}

/// Where a flow's packets end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// Sent out of this interface.
    Forward(u32),
    /// Dropped at this interface's output node: it is down.
    EgressDown(u32),
    /// For this host: dropped at `ip4-local`.
    Local,
    /// No route: `dst_lookup_miss`.
    Miss,
    /// A drop route: `drop`.
    DropRoute,
}

impl Default for Dataplane {
    fn default() -> Self {
        Self::new()
    }
}

impl Dataplane {
    /// VPP's graph, with every counter zero. The graph is built once per process and
    /// copied: a simulator starts one model, but tests and the `sim_cli` fuzz target start
    /// one per case, and hashing a few thousand names each time dominated their cost.
    pub fn new() -> Dataplane {
        static BASE: std::sync::OnceLock<Dataplane> = std::sync::OnceLock::new();
        BASE.get_or_init(Dataplane::build).clone()
    }

    fn build() -> Dataplane {
        let mut d = Dataplane {
            flows: BTreeMap::new(),
            ifaces: vec![Vec::new(); THREADS],
            node_names: Vec::new(),
            node_index: HashMap::new(),
            nodes: vec![Vec::new(); THREADS],
            errors: Vec::new(),
            error_index: HashMap::new(),
            error_counts: vec![Vec::new(); THREADS],
            uptime: 0.0,
            rates: TickRates::default(),
            loops: [0; THREADS],
            route_to: BTreeMap::new(),
            route_via: BTreeMap::new(),
            adjacency: BTreeMap::new(),
        };
        for (node, reason) in vpp_graph() {
            match reason {
                None => d.node(node),
                Some(r) => d.error(node, r),
            };
        }
        d
    }

    /// The index of node `name`, registering it if new.
    fn node(&mut self, name: &str) -> usize {
        if let Some(&i) = self.node_index.get(name) {
            return i;
        }
        let i = self.node_names.len();
        self.node_names.push(name.to_owned());
        self.node_index.insert(name.to_owned(), i);
        for t in &mut self.nodes {
            t.push(NodeCounters::default());
        }
        i
    }

    /// The index of error `(node, reason)`, registering it if new.
    fn error(&mut self, node: &str, reason: &str) -> usize {
        let key = (node.to_owned(), reason.to_owned());
        if let Some(&i) = self.error_index.get(&key) {
            return i;
        }
        let i = self.errors.len();
        self.errors.push(key.clone());
        self.error_index.insert(key, i);
        for t in &mut self.error_counts {
            t.push(0);
        }
        i
    }

    /// A new interface at `sw_if_index`: zeroed counters (an index may be reused) and the
    /// error counters of its output and tx nodes. The nodes themselves enter
    /// `/sys/node/names` when they first run, as a real VPP's segment lists them only after
    /// its stats collector's next pass.
    pub fn add_interface(&mut self, sw_if_index: u32, name: &str, pg: bool) {
        let i = sw_if_index as usize;
        for t in &mut self.ifaces {
            if t.len() <= i {
                t.resize(i + 1, IfCounters::default());
            }
            t[i] = IfCounters::default();
        }
        let output = format!("{name}-output");
        let tx = format!("{name}-tx");
        for r in OUTPUT_ERRORS {
            self.error(&output, r);
        }
        if pg {
            for r in PG_TX_ERRORS {
                self.error(&tx, r);
            }
        }
    }

    /// A route's stats index was handed out afresh: its counters start from zero, as VPP
    /// zeroes a load-balance object's counters when it makes one.
    /// (They are zeroed, not removed, so that the next publish zeroes them in the segment.)
    pub fn reset_route(&mut self, stats_index: u32) {
        for map in [&mut self.route_to, &mut self.route_via] {
            if let Some(c) = map.get_mut(&stats_index) {
                *c = Default::default();
            }
        }
    }

    /// An adjacency index was handed out afresh: its counters start from zero.
    pub fn reset_adjacency(&mut self, index: u32) {
        if let Some(c) = self.adjacency.get_mut(&index) {
            *c = Default::default();
        }
    }

    /// An adjacency's `/net/adjacency` summed over threads.
    pub fn adjacency_total(&self, index: u32) -> Pair {
        let mut sum = Pair::default();
        for p in self.adjacency.get(&index).into_iter().flatten() {
            sum.add(p.packets, p.bytes);
        }
        sum
    }

    fn count_adjacency(&mut self, thread: usize, index: Option<u32>, packets: u64, bytes: u64) {
        let Some(index) = index else {
            return;
        };
        let counters = self.adjacency.entry(index).or_default();
        if let Some(c) = counters.get_mut(thread) {
            c.add(packets, bytes);
        }
    }

    /// A route's `/net/route/to` (or, with `via`, `/net/route/via`) summed over threads.
    pub fn route_total(&self, stats_index: u32, via: bool) -> Pair {
        let map = if via { &self.route_via } else { &self.route_to };
        let mut sum = Pair::default();
        for p in map.get(&stats_index).into_iter().flatten() {
            sum.add(p.packets, p.bytes);
        }
        sum
    }

    fn count_route(
        &mut self,
        via: bool,
        thread: usize,
        stats_index: u32,
        packets: u64,
        bytes: u64,
    ) {
        let map = if via {
            &mut self.route_via
        } else {
            &mut self.route_to
        };
        let counters = map.entry(stats_index).or_default();
        if let Some(c) = counters.get_mut(thread) {
            c.add(packets, bytes);
        }
    }

    /// An interface went: its flows stop.
    pub fn remove_interface(&mut self, sw_if_index: u32) {
        self.flows.retain(|(sw, _), _| *sw != sw_if_index);
    }

    /// Starts or replaces the flow into `sw_if_index` from `spec.src`, or (with `None`)
    /// stops every flow into `sw_if_index`.
    pub fn set_flow(&mut self, sw_if_index: u32, spec: Option<TrafficSpec>) {
        match spec {
            Some(spec) => {
                self.flows
                    .insert((sw_if_index, spec.src), Flow { spec, carry: 0.0 });
            }
            None => self.remove_interface(sw_if_index),
        }
    }

    /// Stops the flow into `sw_if_index` from `src`, if there is one.
    pub fn stop_flow(&mut self, sw_if_index: u32, src: Option<IpNet>) {
        self.flows.remove(&(sw_if_index, src));
    }

    /// An interface's counters summed over threads.
    pub fn iface_total(&self, sw_if_index: u32) -> IfCounters {
        let mut sum = IfCounters::default();
        for t in &self.ifaces {
            let Some(c) = t.get(sw_if_index as usize) else {
                continue;
            };
            for (s, v) in sum.combined.iter_mut().zip(&c.combined) {
                s.add(v.packets, v.bytes);
            }
            for (s, v) in sum.simple.iter_mut().zip(&c.simple) {
                *s = s.wrapping_add(*v);
            }
        }
        sum
    }

    /// A node's counters summed over threads.
    pub fn node_total(&self, node: usize) -> NodeCounters {
        let mut sum = NodeCounters::default();
        for c in self.nodes.iter().filter_map(|t| t.get(node)) {
            sum.calls += c.calls;
            sum.vectors += c.vectors;
            sum.clocks += c.clocks;
            sum.suspends += c.suspends;
        }
        sum
    }

    /// An error counter summed over threads.
    pub fn error_total(&self, error: usize) -> u64 {
        self.error_counts
            .iter()
            .filter_map(|t| t.get(error))
            .fold(0u64, |a, b| a.wrapping_add(*b))
    }

    fn run_node(&mut self, thread: usize, name: &str, packets: u64) {
        let i = self.node(name);
        let calls = packets.div_ceil(FRAME);
        let c = &mut self.nodes[thread][i];
        c.calls += calls;
        c.vectors += packets;
        c.clocks += packets * clocks_per_packet(name) + calls * 120;
    }

    fn count_error(&mut self, thread: usize, node: &str, reason: &str, packets: u64) {
        let i = self.error(node, reason);
        self.error_counts[thread][i] += packets;
    }

    fn iface(&mut self, thread: usize, sw_if_index: u32) -> &mut IfCounters {
        let t = &mut self.ifaces[thread];
        let i = sw_if_index as usize;
        if t.len() <= i {
            t.resize(i + 1, IfCounters::default());
        }
        &mut t[i]
    }

    /// Runs an ACL node over `packets`: `true` if they were denied.
    fn acl_node(&mut self, thread: usize, node: &str, verdict: Verdict, packets: u64) -> bool {
        self.run_node(thread, node, packets);
        self.count_error(thread, node, "checked packets", packets);
        match verdict {
            Verdict::Permit => {
                self.count_error(thread, node, "ACL permit packets", packets);
                false
            }
            Verdict::Deny => {
                self.count_error(thread, node, "ACL deny packets", packets);
                true
            }
        }
    }

    /// Moves `packets` of a flow's frames, received on its ingress, along their way.
    fn carry_packets(&mut self, thread: usize, plan: &Plan, packets: u64) {
        let (ingress, v6, fate) = (plan.ingress, plan.v6, plan.fate);
        let egress_name = plan.egress_name.as_str();
        let bytes = packets * plan.frame;
        let rx = self.iface(thread, ingress);
        rx.combined[RX].add(packets, bytes);
        rx.combined[RX_UNICAST].add(packets, bytes);
        rx.simple[if v6 { IP6 } else { IP4 }] += packets;
        let ip = if v6 { "ip6" } else { "ip4" };
        for n in ["pg-input", "ethernet-input"] {
            self.run_node(thread, n, packets);
        }
        self.run_node(thread, &format!("{ip}-input"), packets);
        if let Some(v) = plan.acl_in {
            if self.acl_node(thread, &format!("acl-plugin-in-{ip}-fa"), v, packets) {
                self.drop_packets(thread, ingress, packets);
                return;
            }
        }
        self.run_node(thread, &format!("{ip}-lookup"), packets);
        if let Some(i) = plan.routes.to {
            self.count_route(false, thread, i, packets, bytes);
        }
        for i in plan.routes.via.into_iter().flatten() {
            self.count_route(true, thread, i, packets, bytes);
        }
        let dropped = match fate {
            Fate::Forward(egress) => {
                self.run_node(thread, &format!("{ip}-rewrite"), packets);
                self.count_adjacency(thread, plan.routes.adjacency, packets, bytes);
                if let Some(v) = plan.acl_out {
                    if self.acl_node(thread, &format!("acl-plugin-out-{ip}-fa"), v, packets) {
                        self.drop_packets(thread, ingress, packets);
                        return;
                    }
                }
                self.run_node(thread, &format!("{egress_name}-output"), packets);
                self.run_node(thread, &format!("{egress_name}-tx"), packets);
                let tx = self.iface(thread, egress);
                tx.combined[TX].add(packets, bytes);
                tx.combined[TX_UNICAST].add(packets, bytes);
                false
            }
            Fate::EgressDown(_) => {
                self.run_node(thread, &format!("{ip}-rewrite"), packets);
                self.count_adjacency(thread, plan.routes.adjacency, packets, bytes);
                let output = format!("{egress_name}-output");
                self.run_node(thread, &output, packets);
                self.count_error(thread, &output, "interface is down", packets);
                true
            }
            Fate::Local => {
                let local = format!("{ip}-local");
                self.run_node(thread, &local, packets);
                self.count_error(thread, &local, "unknown_protocol", packets);
                true
            }
            Fate::Miss | Fate::DropRoute => {
                self.run_node(thread, &format!("{ip}-drop"), packets);
                let reason = if fate == Fate::Miss {
                    "dst_lookup_miss"
                } else {
                    "drop"
                };
                self.count_error(thread, &format!("{ip}-input"), reason, packets);
                true
            }
        };
        if dropped {
            self.drop_packets(thread, ingress, packets);
        }
    }

    /// `error-drop`, counted against the receiving interface.
    fn drop_packets(&mut self, thread: usize, ingress: u32, packets: u64) {
        self.run_node(thread, "error-drop", packets);
        self.iface(thread, ingress).simple[DROPS] += packets;
    }
}

/// Where a flow's packets go, worked out from the model's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlowPath {
    pub src: IpAddr,
    pub dst: IpAddr,
    /// The ingress interface's input ACLs' verdict, `None` without input ACLs.
    pub acl_in: Option<Verdict>,
    /// Where the FIB sends them.
    pub fate: Fate,
    /// The routes the lookup went through.
    pub routes: RouteHits,
    /// The egress interface's output ACLs' verdict, for forwarded packets.
    pub acl_out: Option<Verdict>,
}

impl FlowPath {
    /// Whether the packets leave by an interface.
    pub fn delivered(&self) -> bool {
        matches!(self.fate, Fate::Forward(_))
            && self.acl_in != Some(Verdict::Deny)
            && self.acl_out != Some(Verdict::Deny)
    }
}

/// One flow's work for a tick, worked out before anything is counted.
struct Plan {
    key: FlowKey,
    ingress: u32,
    v6: bool,
    acl_in: Option<Verdict>,
    fate: Fate,
    routes: RouteHits,
    acl_out: Option<Verdict>,
    delivered: bool,
    egress_name: String,
    frame: u64,
    rate: f64,
}

/// The first host of a prefix: the address itself for a host prefix.
fn first_host(p: &IpNet) -> IpAddr {
    match p {
        IpNet::V4(n) if n.prefix_len() < 31 => {
            IpAddr::V4(Ipv4Addr::from(u32::from(n.network()).wrapping_add(1)))
        }
        IpNet::V6(n) if n.prefix_len() < 127 => {
            IpAddr::V6((u128::from(n.network()).wrapping_add(1)).into())
        }
        _ => p.addr(),
    }
}

/// The last host of a prefix (below the broadcast address for IPv4).
fn last_host(p: &IpNet) -> IpAddr {
    match p {
        IpNet::V4(n) if n.prefix_len() < 31 => {
            IpAddr::V4(Ipv4Addr::from(u32::from(n.broadcast()).wrapping_sub(1)))
        }
        IpNet::V6(n) if n.prefix_len() < 127 => IpAddr::V6(n.broadcast()),
        _ => p.addr(),
    }
}

/// How many routes the default destination search looks at: VPP dumps shortest
/// prefixes first, so attached subnets come early.
const DEFAULT_DST_SEARCH: usize = 256;

impl Model {
    /// Where a packet from `ingress` to `dst` goes.
    pub fn fate(&self, ingress: &Interface, dst: IpAddr) -> Fate {
        self.resolve(ingress, dst).0
    }

    /// Where a packet from `ingress` to `dst` goes, and the routes its lookup went through.
    pub fn resolve(&self, ingress: &Interface, dst: IpAddr) -> (Fate, RouteHits) {
        let mut hits = RouteHits::default();
        let fate = self.resolve_into(ingress, dst, &mut hits);
        (fate, hits)
    }

    fn resolve_into(&self, ingress: &Interface, dst: IpAddr, hits: &mut RouteHits) -> Fate {
        let mut table = ingress.table(Af::of_addr(&dst));
        let mut addr = dst;
        for depth in 0..RECURSION {
            let route = match self.fib.lookup(table, addr) {
                Ok(Some(r)) => r,
                _ => return Fate::Miss,
            };
            match depth.checked_sub(1) {
                None => hits.to = Some(route.stats_index),
                Some(v) => {
                    if let Some(slot) = hits.via.get_mut(v) {
                        *slot = Some(route.stats_index);
                    }
                }
            }
            let Some(path) = route.paths.first() else {
                return Fate::Miss;
            };
            match (path.path_type, path.sw_if_index, path.next_hop) {
                (PathType::Local, ..) => return Fate::Local,
                (PathType::Drop, ..)
                    if matches!(route.source, Source::DefaultRoute | Source::Special)
                        || route.prefix.prefix_len() == 0 =>
                {
                    return Fate::Miss
                }
                (PathType::Drop, ..) | (PathType::Other(_), ..) => return Fate::DropRoute,
                (PathType::Normal, Some(sw), _) => {
                    hits.adjacency = AdjKey::of_path(Af::of(&route.prefix), path)
                        .and_then(|k| self.fib.adjacency(&k));
                    return match self.get(sw) {
                        Some(e) if e.link_up() => Fate::Forward(sw),
                        Some(_) => Fate::EgressDown(sw),
                        None => Fate::Miss,
                    };
                }
                (PathType::Normal, None, Some(via)) => {
                    addr = via;
                    table = path.table_id;
                }
                (PathType::Normal, None, None) => return Fate::Miss,
            }
        }
        Fate::Miss
    }

    /// The destination of a flow into `ingress` that names none: see the module docs.
    pub fn default_dst(&self, ingress: &Interface, af: Af) -> IpAddr {
        let nowhere = match af {
            Af::Ip4 => NOWHERE,
            Af::Ip6 => NOWHERE6,
        };
        let Ok(routes) = self.fib.dump(af, ingress.table(af)) else {
            return nowhere;
        };
        routes
            .take(DEFAULT_DST_SEARCH)
            .map(|r| last_host(&r.prefix))
            .find(|a| {
                matches!(self.fate(ingress, *a),
                    Fate::Forward(e) if e != ingress.sw_if_index)
            })
            .unwrap_or(nowhere)
    }

    /// The source of a flow into `ingress` that names none: see the module docs.
    pub fn default_src(&self, ingress: &Interface, af: Af) -> IpAddr {
        let unspecified = match af {
            Af::Ip4 => IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            Af::Ip6 => IpAddr::V6(Ipv6Addr::UNSPECIFIED),
        };
        let Some(own) = ingress.addrs.iter().find(|a| Af::of(a) == af) else {
            return unspecified;
        };
        let subnet = own.trunc();
        let first = first_host(&subnet);
        if first != own.addr() {
            return first;
        }
        let next = match first {
            IpAddr::V4(a) => IpAddr::V4(Ipv4Addr::from(u32::from(a).wrapping_add(1))),
            IpAddr::V6(a) => IpAddr::V6(Ipv6Addr::from(u128::from(a).wrapping_add(1))),
        };
        if subnet.contains(&next) {
            next
        } else {
            unspecified
        }
    }

    /// Where the flow into `sw_if_index` from `src` currently goes.
    pub fn flow_path(&self, sw_if_index: u32, src: Option<IpNet>) -> Option<FlowPath> {
        let flow = self.dataplane.flows.get(&(sw_if_index, src))?;
        let ingress = self.get(sw_if_index)?;
        let spec = &flow.spec;
        let af = match (&spec.src, &spec.dst) {
            (Some(p), _) | (None, Some(p)) => Af::of(p),
            (None, None) => Af::Ip4,
        };
        let dst = match &spec.dst {
            Some(p) => first_host(p),
            None => self.default_dst(ingress, af),
        };
        let src = match &spec.src {
            Some(p) => first_host(p),
            None => self.default_src(ingress, af),
        };
        let packet = Packet {
            src,
            dst,
            proto: PROTO_UDP,
            sport: PORT,
            dport: PORT,
            tcp_flags: 0,
        };
        let acl_in = self.acls.classify(sw_if_index, true, &packet);
        let (fate, routes) = self.resolve(ingress, dst);
        let acl_out = match fate {
            Fate::Forward(e) => self.acls.classify(e, false, &packet),
            _ => None,
        };
        Some(FlowPath {
            src,
            dst,
            acl_in,
            fate,
            routes,
            acl_out,
        })
    }

    /// Runs the data plane for `secs` seconds: see the module docs.
    pub fn advance(&mut self, secs: f64) {
        let secs = secs.max(0.0);
        for i in self.fib.take_reused() {
            self.dataplane.reset_route(i);
        }
        for i in self.fib.take_reused_adjacencies() {
            self.dataplane.reset_adjacency(i);
        }
        let mut plans = Vec::new();
        for (&key, flow) in &self.dataplane.flows {
            let Some(ingress) = self.get(key.0) else {
                continue;
            };
            if !ingress.link_up() {
                continue;
            }
            let Some(path) = self.flow_path(key.0, key.1) else {
                continue;
            };
            let egress_name = match path.fate {
                Fate::Forward(e) | Fate::EgressDown(e) => self.iface_name(e),
                _ => String::new(),
            };
            plans.push(Plan {
                key,
                ingress: key.0,
                v6: path.dst.is_ipv6(),
                acl_in: path.acl_in,
                fate: path.fate,
                routes: path.routes,
                acl_out: path.acl_out,
                delivered: path.delivered(),
                egress_name,
                frame: u64::from(flow.spec.frame_size),
                rate: flow.spec.rate_pps as f64,
            });
        }
        let d = &mut self.dataplane;
        let (mut input, mut output, mut dropped) = (0u64, 0u64, 0u64);
        let mut calls = [0u64; THREADS];
        let mut vectors = [0u64; THREADS];
        for plan in plans {
            let Some(flow) = d.flows.get_mut(&plan.key) else {
                continue;
            };
            let due = plan.rate * secs + flow.carry;
            let packets = due.floor();
            flow.carry = due - packets;
            let packets = packets as u64;
            input += packets;
            if plan.delivered {
                output += packets;
            } else {
                dropped += packets;
            }
            // Spread over the workers, the first taking the odd packet.
            for w in 0..WORKERS {
                let share =
                    packets / WORKERS as u64 + u64::from((w as u64) < packets % WORKERS as u64);
                if share == 0 {
                    continue;
                }
                let thread = 1 + w;
                calls[thread] += share.div_ceil(FRAME);
                vectors[thread] += share;
                d.carry_packets(thread, &plan, share);
            }
        }
        // The main thread's API process wakes every tick.
        let api = d.node("api-rx-from-ring");
        let c = &mut d.nodes[0][api];
        c.calls += 1;
        c.suspends += 1;
        c.clocks += 2400;
        calls[0] += 1;
        d.uptime += secs;
        let per_sec = |n: u64| if secs > 0.0 { n as f64 / secs } else { 0.0 };
        // A polling loop turns about every 25 µs when idle; a busy one once per frame.
        let mut loops_per_sec = [0.0; THREADS];
        let mut per_thread = [0.0; THREADS];
        for t in 0..THREADS {
            let loops = (secs * 40_000.0) as u64 + calls[t];
            d.loops[t] += loops;
            loops_per_sec[t] = per_sec(loops);
            per_thread[t] = if calls[t] == 0 {
                0.0
            } else {
                vectors[t] as f64 / calls[t] as f64
            };
        }
        let total_calls: u64 = calls.iter().sum();
        let total_vectors: u64 = vectors.iter().sum();
        d.rates = TickRates {
            input_rate: per_sec(input),
            output_rate: per_sec(output),
            drop_rate: per_sec(dropped),
            vector_rate: if total_calls == 0 {
                0.0
            } else {
                total_vectors as f64 / total_calls as f64
            },
            loops_per_sec,
            vector_rate_per_thread: per_thread,
        };
    }
}

#[cfg(test)]
mod tests;
