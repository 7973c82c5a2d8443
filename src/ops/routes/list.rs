//! `route list` and `route show`: routes read from VPP's dump as it arrives, filtered at
//! once, kept compactly and sorted, with each route's traffic from `/net/route/to`.
//!
//! One file, past 600 lines: the dump, the compact store and the sorted output are one
//! pipeline, measured as one for a million routes.
//!
//! A million routes must list in a bounded, small memory: each matching route is packed
//! into a byte arena (about 30 bytes for a one-path IPv4 route) as its details arrive, and
//! only the packed form is sorted (by table, then address, then length) and unpacked one
//! route at a time for printing. Prefixes are always networks (`198.18.0.0/24`), as `show
//! ip fib` prints them, whatever VPP put in the host bits: VPP's details carry a connected
//! route with the interface's address in it (`198.18.0.1/24`).
//!
//! Which routes are VPP's own (`vpp_entry`) is read from the details alone, with these
//! rules: a path of type local is a `local` entry; a prefix VPP sent with host bits set is
//! a `connected` one, and so are the drop host routes for that subnet's network and
//! broadcast addresses (VPP dumps IPv4 by prefix length, so the subnet comes first); the
//! entries VPP puts in every table (`0.0.0.0/0`, `0.0.0.0/32`, `224.0.0.0/4`, `240.0.0.0/4`,
//! `255.255.255.255/32`, `::/0`, `fe80::/10`) while they hold VPP's own path are `default`;
//! a host route whose one path goes to that same address through an interface is a
//! learnt `neighbor`. Anything else is someone's route (`null`).

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use ipnet::IpNet;
use serde::Serialize;

use super::spec::{parse_route_key_words, RouteKey};
use super::vpp::{self, Route, RoutePath};
use crate::binapi::fib_types::{FibPathNhProto, FibPathType};
use crate::binapi::ip::{IpRoute, IpRouteDump, IpRouteV2, IpRouteV2Dump, IpTable};
use crate::client::Client;
use crate::ops::error::Result;
use crate::ops::names::InterfaceNames;
use crate::stats::CombinedCounter;
use crate::wire::VppEnum;

/// The path of VPP's per-route counters: combined, indexed by a route's stats index.
pub const ROUTE_TO: &str = "/net/route/to";

/// A route's traffic: `/net/route/to` at its stats index, summed over threads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RouteCounters {
    pub packets: u64,
    pub bytes: u64,
}

impl RouteCounters {
    /// The counters at `stats_index` of a summed `/net/route/to` (zero past its end).
    pub fn at(totals: &[CombinedCounter], stats_index: u32) -> RouteCounters {
        totals
            .get(stats_index as usize)
            .map_or_else(RouteCounters::default, |c| RouteCounters {
                packets: c.packets,
                bytes: c.bytes,
            })
    }
}

/// A route's rates: per second over `seconds`, the time between two readings of its
/// counters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RouteRates {
    /// Packets per second.
    pub pps: f64,
    /// Bits per second.
    pub bps: f64,
    /// The interval the rates are over.
    pub seconds: f64,
}

impl RouteRates {
    /// From two readings `seconds` apart (as `stats routes --interval` computes them).
    pub fn between(old: RouteCounters, new: RouteCounters, seconds: f64) -> RouteRates {
        RouteRates {
            pps: crate::ops::stats::per_sec(new.packets, old.packets, seconds),
            bps: crate::ops::stats::per_sec(new.bytes, old.bytes, seconds) * 8.0,
            seconds,
        }
    }
}

/// A route as a long-running reader tracks it between readings: table, network, stats
/// index (an index given to another route is another key).
pub type SampleKey = (u32, IpNet, u32);

#[derive(Debug, Clone, Copy)]
struct Sample {
    at: std::time::Instant,
    counters: RouteCounters,
    rates: Option<RouteRates>,
}

/// The last reading of each route's counters a long-running reader took (the agent's
/// `GET /routes/{prefix}`), to give rates on the next one: at most `capacity` routes, the
/// one read longest ago forgotten first (see docs/design.md, “Route rates in the agent”).
#[derive(Debug)]
pub struct RouteSamples {
    capacity: usize,
    /// Readings closer together than this keep the older one and answer the rates last
    /// computed, so that rates are never over a shorter interval.
    min_interval: std::time::Duration,
    samples: std::collections::HashMap<SampleKey, Sample>,
}

impl RouteSamples {
    pub fn new(capacity: usize, min_interval: std::time::Duration) -> Self {
        RouteSamples {
            capacity: capacity.max(1),
            min_interval,
            samples: std::collections::HashMap::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.samples.len()
    }

    pub fn is_empty(&self) -> bool {
        self.samples.is_empty()
    }

    /// Records the reading `counters` of `key` taken `at`, and answers the route's rates:
    /// none on its first reading; over the interval since the kept reading once that is at
    /// least `min_interval` old (this reading is then kept instead); else the rates last
    /// computed (none yet if there were none).
    pub fn observe(
        &mut self,
        key: SampleKey,
        counters: RouteCounters,
        at: std::time::Instant,
    ) -> Option<RouteRates> {
        if let Some(s) = self.samples.get_mut(&key) {
            let elapsed = at.saturating_duration_since(s.at);
            if elapsed >= self.min_interval && !elapsed.is_zero() {
                let rates = RouteRates::between(s.counters, counters, elapsed.as_secs_f64());
                *s = Sample {
                    at,
                    counters,
                    rates: Some(rates),
                };
            }
            return s.rates;
        }
        if self.samples.len() >= self.capacity {
            let oldest = self
                .samples
                .iter()
                .min_by_key(|(_, s)| s.at)
                .map(|(k, _)| *k);
            if let Some(k) = oldest {
                self.samples.remove(&k);
            }
        }
        self.samples.insert(
            key,
            Sample {
                at,
                counters,
                rates: None,
            },
        );
        None
    }
}

/// A prefix that names a route or filters a listing: a network, or an address with its
/// length (a connected route as VPP's details carry it, `198.18.0.1/24`), taken as its
/// network, as `route show` and `route list --prefix` take it.
pub fn any_prefix(word: &str) -> std::result::Result<IpNet, super::spec::SpecError> {
    match super::spec::parse_prefix(word) {
        // Only the host-bit rule is relaxed: address and length are read as strictly as
        // `parse_prefix` reads them.
        Err(super::spec::SpecError::HostBits { network, .. }) => Ok(network),
        other => other,
    }
}

/// Which routes a listing keeps.
#[derive(Debug, Clone, Copy, Default)]
pub struct ListQuery {
    pub table: Option<u32>,
    /// Routes within this prefix (host bits ignored).
    pub prefix: Option<IpNet>,
}

const DEFAULT_ENTRIES: [&str; 7] = [
    "0.0.0.0/0",
    "0.0.0.0/32",
    "224.0.0.0/4",
    "240.0.0.0/4",
    "255.255.255.255/32",
    "::/0",
    "fe80::/10",
];

/// The `vpp_entry` values, by their packed code (0 is none).
const KINDS: [&str; 4] = ["connected", "local", "default", "neighbor"];

/// Tells VPP's own entries from others' routes, route by route in dump order (see the
/// module docs).
#[derive(Debug, Default)]
pub struct OwnEntries {
    /// Connected subnets seen so far, by table.
    connected: Vec<(u32, IpNet)>,
}

impl OwnEntries {
    /// The kind of VPP entry `r` is, from the FIB source VPP names for it when there is
    /// one (`interface`, `default-route`, `special`, `adjacency` are VPP's own), else from
    /// the rules of the module docs.
    pub fn classify_with(&mut self, source: Option<&str>, r: &IpRoute) -> Option<&'static str> {
        let seen = self.classify(r);
        match source {
            Some("interface") if seen == Some("local") => Some("local"),
            Some("interface") => Some("connected"),
            Some("default-route" | "special") => Some("default"),
            Some("adjacency") => Some("neighbor"),
            Some(_) => None,
            None => seen,
        }
    }

    /// The kind of VPP entry `r` is, `None` for a route someone added.
    pub fn classify(&mut self, r: &IpRoute) -> Option<&'static str> {
        let network = r.prefix.trunc();
        let host_route = network.prefix_len() == network.max_prefix_len();
        if r.paths.iter().any(|p| p.r#type == FibPathType::Local) {
            return Some("local");
        }
        if r.prefix != network {
            if !self.connected.contains(&(r.table_id, network)) {
                self.connected.push((r.table_id, network));
            }
            return Some("connected");
        }
        let only_drops = !r.paths.is_empty()
            && r.paths.iter().all(|p| {
                p.r#type == FibPathType::Drop
                    || (p.r#type == FibPathType::Normal
                        && p.sw_if_index == u32::MAX
                        && next_hop(p).is_none())
            });
        if only_drops && DEFAULT_ENTRIES.iter().any(|d| d.parse() == Ok(network)) {
            return Some("default");
        }
        if host_route && only_drops {
            let a = network.addr();
            let edge = self.connected.iter().any(|(t, c)| {
                *t == r.table_id
                    && matches!(c, IpNet::V4(n) if IpAddr::V4(n.network()) == a || IpAddr::V4(n.broadcast()) == a)
            });
            if edge {
                return Some("connected");
            }
        }
        if host_route {
            if let [p] = r.paths.as_slice() {
                if p.sw_if_index != u32::MAX && next_hop(p) == Some(network.addr()) {
                    return Some("neighbor");
                }
            }
        }
        None
    }
}

fn next_hop(p: &crate::binapi::fib_types::FibPath) -> Option<IpAddr> {
    match p.proto {
        FibPathNhProto::Ip4 => p.nh.address.ip4().ok().map(IpAddr::V4),
        FibPathNhProto::Ip6 => p.nh.address.ip6().ok().map(IpAddr::V6),
        _ => None,
    }
    .filter(|a| !a.is_unspecified())
}

/// Routes packed for sorting and printing; see the module docs.
#[derive(Debug, Default)]
pub struct Listing {
    names: InterfaceNames,
    /// FIB source names by id (`fib_source_dump`).
    sources: BTreeMap<u8, String>,
    arena: Vec<u8>,
    /// Where each route starts in `arena`.
    index: Vec<u32>,
}

/// Appends to the arena; the layout is private to this pair of functions.
fn pack(out: &mut Vec<u8>, r: &IpRoute, kind: Option<&'static str>, src: u8) {
    let network = r.prefix.trunc();
    out.extend_from_slice(&r.table_id.to_le_bytes());
    push_addr(out, network.addr());
    out.push(network.prefix_len());
    let code = kind.and_then(|k| KINDS.iter().position(|x| *x == k));
    out.push(code.map_or(0, |c| c as u8 + 1));
    out.push(src);
    out.extend_from_slice(&r.stats_index.to_le_bytes());
    let paths = &r.paths[..r.paths.len().min(usize::from(u8::MAX))];
    out.push(paths.len() as u8);
    for p in paths {
        out.extend_from_slice(&p.r#type.to_raw().to_le_bytes());
        out.extend_from_slice(&p.sw_if_index.to_le_bytes());
        match next_hop(p) {
            Some(a) => push_addr(out, a),
            None => out.push(0),
        }
        out.push(p.weight);
        out.push(p.preference);
    }
}

fn push_addr(out: &mut Vec<u8>, a: IpAddr) {
    match a {
        IpAddr::V4(a) => {
            out.push(4);
            out.extend_from_slice(&a.octets());
        }
        IpAddr::V6(a) => {
            out.push(6);
            out.extend_from_slice(&a.octets());
        }
    }
}

/// A cursor over one packed route. The arena holds only what [`pack`] wrote, so reads
/// past its end cannot happen; they would yield zeroes rather than panic.
struct Unpack<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Unpack<'_> {
    fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        if let Some(b) = self.bytes.get(self.at..self.at + N) {
            out.copy_from_slice(b);
        }
        self.at += N;
        out
    }

    fn u8(&mut self) -> u8 {
        self.take::<1>()[0]
    }

    fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.take())
    }

    fn addr(&mut self) -> Option<IpAddr> {
        match self.u8() {
            4 => Some(IpAddr::V4(Ipv4Addr::from(self.take::<4>()))),
            6 => Some(IpAddr::V6(Ipv6Addr::from(self.take::<16>()))),
            _ => None,
        }
    }

    /// The sort key: table, address, length.
    fn key(mut self) -> (u32, Option<IpAddr>, u8) {
        (self.u32(), self.addr(), self.u8())
    }
}

/// Dumps the routes `query` selects, table by table (in [`vpp::tables`]' order, IPv4
/// first), each with `ip_route_v2_dump` and filtered as its details arrive: `each` gets a
/// selected route's details, the kind of VPP entry it is and its FIB source id.
fn dump_selected(
    client: &mut Client,
    query: ListQuery,
    sources: &BTreeMap<u8, String>,
    mut each: impl FnMut(&IpRoute, Option<&'static str>, u8),
) -> Result<()> {
    for t in vpp::tables(client)? {
        if query.table.is_some_and(|id| id != t.table) {
            continue;
        }
        let is_ip6 = t.family == "ipv6";
        if query.prefix.is_some_and(|p| p.addr().is_ipv6() != is_ip6) {
            continue;
        }
        let mut own = OwnEntries::default();
        // `src` 0: every entry, with its best source.
        let req = IpRouteV2Dump {
            src: 0,
            table: IpTable {
                table_id: t.table,
                is_ip6,
                name: String::new(),
            },
            ..Default::default()
        };
        client.dump_each(req, |d| {
            let r = d.route;
            let src = r.src;
            let d = IpRoute {
                table_id: r.table_id,
                stats_index: r.stats_index,
                prefix: r.prefix,
                paths: r.paths,
            };
            let kind = own.classify_with(sources.get(&src).map(String::as_str), &d);
            if query
                .prefix
                .is_some_and(|p| !p.trunc().contains(&d.prefix.trunc()))
            {
                return;
            }
            each(&d, kind, src);
        })?;
    }
    Ok(())
}

fn source_name(sources: &BTreeMap<u8, String>, src: u8) -> String {
    sources
        .get(&src)
        .cloned()
        .unwrap_or_else(|| format!("source-{src}"))
}

/// Calls `f` with each route `query` selects as VPP's details arrive, in VPP's order
/// (table by table, IPv4 first; not sorted), each with its counters when `totals` (a
/// summed `/net/route/to`) is given. Nothing is kept: memory does not grow with the FIB.
pub fn for_each(
    client: &mut Client,
    query: ListQuery,
    totals: Option<&[CombinedCounter]>,
    mut f: impl FnMut(Route),
) -> Result<()> {
    let names = InterfaceNames::load(client)?;
    let sources = vpp::source_names(client)?;
    dump_selected(client, query, &sources, |d, kind, src| {
        let mut r = vpp::route_from(d, &names);
        r.vpp_entry = kind;
        r.source = Some(source_name(&sources, src));
        r.counters = totals.map(|t| RouteCounters::at(t, d.stats_index));
        f(r);
    })
}

impl Listing {
    /// Reads the routes `query` selects (see [`dump_selected`]), packing each as it
    /// arrives.
    pub fn read(client: &mut Client, query: ListQuery) -> Result<Listing> {
        let mut listing = Listing {
            names: InterfaceNames::load(client)?,
            sources: vpp::source_names(client)?,
            ..Listing::default()
        };
        let (arena, index) = (&mut listing.arena, &mut listing.index);
        dump_selected(client, query, &listing.sources, |d, kind, src| {
            // An arena past 4 GiB would hold well over a hundred million routes.
            if let Ok(at) = u32::try_from(arena.len()) {
                index.push(at);
                pack(arena, d, kind, src);
            }
        })?;
        listing.arena.shrink_to_fit();
        Ok(listing)
    }

    /// An empty listing that names interfaces and FIB sources with these: what
    /// [`Listing::read`] starts from, and what a test decoding captured details does.
    pub fn new(names: InterfaceNames, sources: BTreeMap<u8, String>) -> Listing {
        Listing {
            names,
            sources,
            ..Listing::default()
        }
    }

    /// Adds one route of an `ip_route_v2_dump` of one table, in dump order (`own` is that
    /// table's, see [`OwnEntries`]), if `query` selects it.
    pub fn push(&mut self, own: &mut OwnEntries, query: &ListQuery, r: IpRouteV2) {
        let src = r.src;
        let d = IpRoute {
            table_id: r.table_id,
            stats_index: r.stats_index,
            prefix: r.prefix,
            paths: r.paths,
        };
        let kind = own.classify_with(self.sources.get(&src).map(String::as_str), &d);
        if query
            .prefix
            .is_some_and(|p| !p.trunc().contains(&d.prefix.trunc()))
        {
            return;
        }
        // An arena past 4 GiB would hold well over a hundred million routes.
        if let Ok(at) = u32::try_from(self.arena.len()) {
            self.index.push(at);
            pack(&mut self.arena, &d, kind, src);
        }
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Sorts by table, then address, then prefix length.
    pub fn sort(&mut self) {
        let arena = &self.arena;
        let key = |at: u32| {
            Unpack {
                bytes: arena,
                at: at as usize,
            }
            .key()
        };
        self.index.sort_unstable_by_key(|&at| key(at));
    }

    /// The routes, in the listing's order, each with its counters when `totals` (a
    /// summed `/net/route/to`) is given.
    pub fn routes<'a>(
        &'a self,
        totals: Option<&'a [CombinedCounter]>,
    ) -> impl Iterator<Item = Route> + 'a {
        self.index.iter().map(move |&at| self.unpack(at, totals))
    }

    fn unpack(&self, at: u32, totals: Option<&[CombinedCounter]>) -> Route {
        let mut u = Unpack {
            bytes: &self.arena,
            at: at as usize,
        };
        let table = u.u32();
        let addr = u.addr().unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        let len = u.u8();
        let kind = match u.u8() {
            0 => None,
            c => KINDS.get(usize::from(c) - 1).copied(),
        };
        let src = u.u8();
        let stats_index = u.u32();
        let n = u.u8();
        let paths = (0..n)
            .map(|_| {
                let t = u.u32();
                let sw_if_index = u.u32();
                let next_hop = u.addr();
                RoutePath {
                    r#type: vpp::path_type_name(FibPathType::from_raw(t)),
                    next_hop,
                    interface: self.names.label(sw_if_index),
                    weight: u.u8(),
                    preference: u.u8(),
                }
            })
            .collect();
        Route {
            table,
            prefix: IpNet::new(addr, len).unwrap_or_else(|_| IpNet::from(addr)),
            stats_index,
            vpp_entry: kind,
            paths,
            counters: totals.map(|t| RouteCounters::at(t, stats_index)),
            rates: None,
            source: Some(source_name(&self.sources, src)),
        }
    }
}

/// `words` (PREFIX [table N]) with the prefix made a network, if it was an address with a
/// length (`198.18.0.1/24` → `198.18.0.0/24`).
pub fn network_words(words: &[String]) -> Vec<String> {
    words
        .iter()
        .enumerate()
        .map(|(i, w)| match w.trim().parse::<IpNet>() {
            Ok(p) if i == 0 => p.trunc().to_string(),
            _ => w.clone(),
        })
        .collect()
}

/// The route `words` name when its prefix has host bits set and is a connected route as
/// VPP's details carry it (the interface's address with the subnet's length); `None`
/// otherwise, for the caller to refuse the host bits.
pub fn connected_key(client: &mut Client, words: &[String]) -> Result<Option<RouteKey>> {
    let Ok(key) = parse_route_key_words(&network_words(words)) else {
        return Ok(None);
    };
    let given: Option<IpNet> = words.first().and_then(|w| w.trim().parse().ok());
    let names = InterfaceNames::default();
    let found = vpp::lookup_details(client, &key)?;
    Ok(found
        .filter(|r| {
            Some(r.prefix) == given && vpp::route_from(r, &names).vpp_entry == Some("connected")
        })
        .map(|_| key))
}

/// One route, exactly `key` (a missing one is [`crate::ops::OpsError::NotFound`]).
pub fn show(client: &mut Client, key: &RouteKey) -> Result<Route> {
    let names = InterfaceNames::load(client)?;
    vpp::lookup_details(client, key)?
        .map(|r| vpp::route_from(&r, &names))
        .ok_or_else(|| crate::ops::OpsError::NotFound {
            what: "route",
            name: format!("{} in table {}", key.prefix, key.table),
        })
}

/// Which route each stats index belongs to: what turns `/net/route/to` into per-route
/// figures. Built from one dump of the selected routes (about 28 bytes a route).
#[derive(Debug, Clone, Default)]
pub struct RouteIndex {
    /// (stats index, table, network), in dump order.
    pub routes: Vec<(u32, u32, IpNet)>,
}

impl RouteIndex {
    /// Dumps the routes `query` selects.
    pub fn read(client: &mut Client, query: ListQuery) -> Result<RouteIndex> {
        Self::read_keeping(client, query, |_, _| true)
    }

    /// Dumps the routes `query` selects and `keep(table, network)` accepts; the others
    /// cost nothing to hold (e.g. a few named routes out of a million).
    pub fn read_keeping(
        client: &mut Client,
        query: ListQuery,
        mut keep: impl FnMut(u32, IpNet) -> bool,
    ) -> Result<RouteIndex> {
        let mut routes = Vec::new();
        for t in vpp::tables(client)? {
            if query.table.is_some_and(|id| id != t.table) {
                continue;
            }
            let is_ip6 = t.family == "ipv6";
            if query.prefix.is_some_and(|p| p.addr().is_ipv6() != is_ip6) {
                continue;
            }
            let req = IpRouteDump {
                table: IpTable {
                    table_id: t.table,
                    is_ip6,
                    name: String::new(),
                },
                ..Default::default()
            };
            client.dump_each(req, |d| {
                let network = d.route.prefix.trunc();
                if query.prefix.is_none_or(|p| p.trunc().contains(&network))
                    && keep(d.route.table_id, network)
                {
                    routes.push((d.route.stats_index, d.route.table_id, network));
                }
            })?;
        }
        routes.shrink_to_fit();
        Ok(RouteIndex { routes })
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    fn c(packets: u64, bytes: u64) -> RouteCounters {
        RouteCounters { packets, bytes }
    }

    #[test]
    fn rates_come_from_the_second_reading_a_second_or_more_later() {
        let mut s = RouteSamples::new(8, Duration::from_secs(1));
        let key = (0, "10.0.0.0/8".parse().unwrap(), 5);
        let t0 = Instant::now();
        assert_eq!(s.observe(key, c(100, 6_400), t0), None, "first reading");
        // Too soon: no rates yet, and the first reading stays the base.
        let soon = t0 + Duration::from_millis(300);
        assert_eq!(s.observe(key, c(400, 25_600), soon), None);
        let t1 = t0 + Duration::from_secs(2);
        let r = s.observe(key, c(2_100, 134_400), t1).expect("rates");
        assert_eq!(r.seconds, 2.0);
        assert_eq!(r.pps, 1_000.0);
        assert_eq!(r.bps, 512_000.0);
        // Within the next second: the rates just computed, not ones over 100 ms.
        let again = s.observe(key, c(2_200, 140_800), t1 + Duration::from_millis(100));
        assert_eq!(again, Some(r));
        // A cleared counter counts from zero.
        let t2 = t1 + Duration::from_secs(1);
        let r = s.observe(key, c(50, 3_200), t2).expect("rates");
        assert_eq!(r.pps, 50.0);
        // Another stats index is another route.
        assert_eq!(s.observe((0, key.1, 6), c(0, 0), t2), None);
    }

    #[test]
    fn samples_are_bounded_and_the_oldest_goes_first() {
        let mut s = RouteSamples::new(3, Duration::from_secs(1));
        let t0 = Instant::now();
        let key = |i: u32| (0, IpNet::from(IpAddr::V4(Ipv4Addr::from(i))), i);
        for i in 0..10 {
            s.observe(key(i), c(0, 0), t0 + Duration::from_secs(u64::from(i)));
            assert!(s.len() <= 3);
        }
        let later = t0 + Duration::from_secs(20);
        assert_eq!(s.observe(key(0), c(0, 0), later), None, "forgotten");
        assert!(s.observe(key(9), c(10, 10), later).is_some(), "kept");
    }

    #[test]
    fn any_prefix_takes_a_connected_route_as_vpp_carries_it() {
        assert_eq!(
            any_prefix("198.18.0.1/24").unwrap().to_string(),
            "198.18.0.0/24"
        );
        assert_eq!(any_prefix("10.0.0.0/8").unwrap().to_string(), "10.0.0.0/8");
        assert!(any_prefix("banana").is_err());
        assert!(any_prefix("10.0.0.0/33").is_err());
        assert!(any_prefix("10.0.0.1").is_err());
        assert!(any_prefix("01.0.0.0/8").is_err());
    }
}
