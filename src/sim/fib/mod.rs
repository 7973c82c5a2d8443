//! The simulator's FIB: IP tables per address family, their routes, and the entries VPP
//! itself installs (each table's default entries, interface addresses, neighbours).
//!
//! One file, past 600 lines: the FIB's invariants (sources and their priorities,
//! adjacencies, indexes) are kept by code that must see all of them.
//!
//! It owns the answers the simulator gives to `ip_table_add_del`, `ip_table_dump`,
//! `ip_route_add_del`, `ip_route_dump` and `ip_route_lookup`, and the lookups that forward
//! simulated traffic. It copies what a real VPP was seen to do (`tests/golden/`):
//!
//! - Table 0 of both families exists from the start and cannot be deleted (deleting it
//!   flushes the routes the API added). Other tables exist once added; adding one again
//!   is fine. Unnamed tables are called `ipv4-VRF:N` / `ipv6-VRF:N`.
//! - Every IPv4 table starts with five drop entries: `0.0.0.0/0`, `0.0.0.0/32`,
//!   `240.0.0.0/4`, `224.0.0.0/4`, `255.255.255.255/32`; every IPv6 table with `::/0`
//!   (drop) and `fe80::/10` (link-local: a normal path with no interface and no next
//!   hop).
//! - An IPv4 interface address `A/L` adds the connected prefix (path through the
//!   interface, no next hop), the local `A/32` (path type local, next hop `A`) and, for
//!   `L <= 30`, drop `/32`s for the network and broadcast addresses (unless `A` is one
//!   of them); for `L == 31` an attached `/32` to the other address. An IPv6 address adds
//!   the connected prefix (when `L < 128`) and the local `/128`, no drops. Several
//!   addresses in one prefix share the prefix's entries. The local entry is made first,
//!   then the prefix's (so their stats indexes run in VPP's order), and dumps show the
//!   connected prefix with the interface's address in it (`198.18.0.1/24`), as VPP does.
//! - Entries are kept per *source*, as VPP does: what the API adds does not remove what
//!   an interface or the table itself put there, it only takes precedence where VPP's
//!   source priority says so (special > interface > API > neighbour > default route). So
//!   deleting `0.0.0.0/0` through the API brings back the default drop entry, and the
//!   API cannot override a connected prefix.
//! - `ip_route_add_del` with `is_multipath = 0` replaces the API's paths, with
//!   `is_multipath = 1` adds paths to or removes paths from them; deleting a missing route
//!   succeeds; a table that does not exist is `VNET_API_ERROR_NO_SUCH_FIB (-3)`; adding
//!   a route with no paths is `VNET_API_ERROR_NO_PATHS_IN_ROUTE (-52)`.
//! - `stats_index` is the entry's load-balance index: allocated from one pool for all
//!   tables and families, starting at 1, kept while the entry lives, reused after.
//! - Adjacencies (the rewrites VPP's `ip4-rewrite` / `ip6-rewrite` use): a path through an
//!   interface holds one, a neighbour's for a next hop, the interface's glean one without;
//!   paths of any entry, source or table through the same interface, family and next hop
//!   share it. Indexes come from one pool, starting at 0, kept while a path holds the
//!   adjacency, reused after (see [`Fib::adjacency`]).
//! - Dumps walk IPv4 tables by prefix length, shortest first, in hash order within a
//!   length; IPv6 tables the same (VPP gives no order there at all).
//!
//! It does not check interface indexes (the caller answers
//! `VNET_API_ERROR_NO_MATCHING_INTERFACE (-54)` first), nor interface state: VPP installs
//! interface-address entries only while the interface is admin up, so the caller decides
//! when to call [`Fib::add_interface_address`]. Lookups and updates cost O(1) per prefix
//! length, whatever the number of routes.

use std::collections::hash_map::{DefaultHasher, Entry as MapEntry};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::BuildHasherDefault;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use ipnet::IpNet;

pub mod source;

pub use source::{SourceError, SourceInfo, Sources};

/// An address family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Af {
    Ip4,
    Ip6,
}

impl Af {
    pub fn of(prefix: &IpNet) -> Af {
        match prefix {
            IpNet::V4(_) => Af::Ip4,
            IpNet::V6(_) => Af::Ip6,
        }
    }

    pub fn of_addr(addr: &IpAddr) -> Af {
        match addr {
            IpAddr::V4(_) => Af::Ip4,
            IpAddr::V6(_) => Af::Ip6,
        }
    }

    pub fn is_ip6(self) -> bool {
        self == Af::Ip6
    }

    fn bits(self) -> u8 {
        match self {
            Af::Ip4 => 32,
            Af::Ip6 => 128,
        }
    }
}

impl fmt::Display for Af {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Af::Ip4 => "ipv4",
            Af::Ip6 => "ipv6",
        })
    }
}

/// Who put an entry's paths there. The order is VPP's priority (see [`source`]): the
/// first present wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// The table's own special entries (multicast and class E drops, IPv6 link-local).
    Special,
    /// Interface addresses.
    Interface,
    /// `ip_route_add_del`.
    Api,
    /// Neighbours (ARP / ND).
    Adjacency,
    /// The default route and VPP's other drop entries.
    DefaultRoute,
    /// A source registered with `fib_source_add`, or a built-in one the simulator keeps
    /// only by id.
    Registered { id: u8, priority: u8 },
}

/// A path's type, with VPP's wire values (`fib_path_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PathType {
    Normal,
    Local,
    Drop,
    /// A type the simulator does not model, kept as sent.
    Other(u32),
}

impl PathType {
    pub fn from_wire(v: u32) -> PathType {
        match v {
            0 => PathType::Normal,
            1 => PathType::Local,
            2 => PathType::Drop,
            v => PathType::Other(v),
        }
    }

    pub fn to_wire(self) -> u32 {
        match self {
            PathType::Normal => 0,
            PathType::Local => 1,
            PathType::Drop => 2,
            PathType::Other(v) => v,
        }
    }
}

/// One path of an entry. On the wire, `sw_if_index` `None` is `~0` and `next_hop` `None`
/// is the zero address of the prefix's family.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FibPath {
    pub path_type: PathType,
    pub sw_if_index: Option<u32>,
    pub next_hop: Option<IpAddr>,
    /// The table a recursive next hop is looked up in.
    pub table_id: u32,
    pub weight: u8,
    pub preference: u8,
}

impl FibPath {
    /// A normal path with weight 1, preference 0.
    pub fn via(next_hop: Option<IpAddr>, sw_if_index: Option<u32>) -> FibPath {
        FibPath {
            path_type: PathType::Normal,
            sw_if_index,
            next_hop,
            table_id: 0,
            weight: 1,
            preference: 0,
        }
    }

    pub fn drop() -> FibPath {
        FibPath {
            path_type: PathType::Drop,
            ..FibPath::via(None, None)
        }
    }

    fn local(addr: IpAddr, sw_if_index: u32) -> FibPath {
        FibPath {
            path_type: PathType::Local,
            ..FibPath::via(Some(addr), Some(sw_if_index))
        }
    }

    /// The same path, whatever its weight and preference: what a multipath add updates
    /// and a multipath remove removes.
    fn same_path(&self, other: &FibPath) -> bool {
        self.path_type == other.path_type
            && self.sw_if_index == other.sw_if_index
            && self.next_hop == other.next_hop
            && self.table_id == other.table_id
    }
}

/// Why the FIB refused a request. [`FibError::retval`] is what VPP answers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FibError {
    #[error("no such table: {af} table {table_id}")]
    NoSuchFib { af: Af, table_id: u32 },
    #[error("no paths in route")]
    NoPathsInRoute,
    #[error(transparent)]
    Source(#[from] SourceError),
}

impl FibError {
    /// VPP's `retval` for this error.
    pub fn retval(&self) -> i32 {
        match self {
            // VNET_API_ERROR_NO_SUCH_FIB
            FibError::NoSuchFib { .. } => -3,
            // VNET_API_ERROR_NO_PATHS_IN_ROUTE
            FibError::NoPathsInRoute => -52,
            FibError::Source(_) => source::INVALID_VALUE,
        }
    }
}

/// A table, as `ip_table_dump` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableInfo {
    pub af: Af,
    pub table_id: u32,
    pub name: String,
}

/// An entry as dumps and lookups show it: the paths of its best source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteRef<'a> {
    pub table_id: u32,
    /// The network.
    pub prefix: IpNet,
    /// The prefix as VPP's details carry it: an entry an interface address made keeps that
    /// address (`198.18.0.1/24`), as VPP keeps the prefix it was given; others are
    /// networks.
    pub given: IpNet,
    pub stats_index: u32,
    pub source: Source,
    pub paths: &'a [FibPath],
}

type Hasher = BuildHasherDefault<DefaultHasher>;

struct Entry {
    stats_index: u32,
    /// The host bits of the prefix the entry was made with (see [`RouteRef::given`]).
    host: u128,
    /// Sorted by source, never empty, no source twice, no empty path list.
    sources: Vec<(Source, Vec<FibPath>)>,
}

impl Entry {
    fn best(&self) -> Option<&(Source, Vec<FibPath>)> {
        self.sources.first()
    }

    fn source_mut(&mut self, source: Source) -> Option<&mut Vec<FibPath>> {
        self.sources
            .iter_mut()
            .find(|(s, _)| *s == source)
            .map(|(_, p)| p)
    }

    fn set(&mut self, source: Source, paths: Vec<FibPath>) {
        match self.sources.binary_search_by_key(&source, |(s, _)| *s) {
            Ok(i) => {
                if let Some(slot) = self.sources.get_mut(i) {
                    slot.1 = paths;
                }
            }
            Err(i) => self.sources.insert(i, (source, paths)),
        }
    }

    fn remove(&mut self, source: Source) {
        self.sources.retain(|(s, p)| *s != source && !p.is_empty());
    }
}

struct Table {
    name: String,
    /// Index: prefix length. Keys: the network address as a number.
    by_len: Vec<HashMap<u128, Entry, Hasher>>,
}

impl Table {
    fn new(af: Af, name: String) -> Table {
        Table {
            name,
            by_len: (0..=af.bits()).map(|_| HashMap::default()).collect(),
        }
    }

    fn len(&self) -> usize {
        self.by_len.iter().map(HashMap::len).sum()
    }
}

/// Numbers an address; IPv4 in the low 32 bits.
fn addr_key(addr: &IpAddr) -> u128 {
    match addr {
        IpAddr::V4(a) => u128::from(u32::from(*a)),
        IpAddr::V6(a) => u128::from(*a),
    }
}

/// The key of `addr` masked to `len` bits of a `bits`-bit address.
fn masked(key: u128, len: u8, bits: u8) -> u128 {
    if len == 0 {
        return 0;
    }
    let host_bits = u32::from(bits.saturating_sub(len));
    let mask = u128::MAX.checked_shl(host_bits).unwrap_or(0);
    key & mask
}

fn key_addr(af: Af, key: u128) -> IpAddr {
    match af {
        // The key of an IPv4 address has only its low 32 bits set.
        Af::Ip4 => IpAddr::V4(Ipv4Addr::from(key as u32)),
        Af::Ip6 => IpAddr::V6(Ipv6Addr::from(key)),
    }
}

fn net(af: Af, key: u128, len: u8) -> IpNet {
    // `len` comes from a table of this family's lengths, so it is valid.
    IpNet::new(key_addr(af, key), len).unwrap_or_else(|_| IpNet::from(key_addr(af, key)))
}

#[derive(Default)]
struct StatsPool {
    next: u32,
    free: Vec<u32>,
    /// Indexes handed out again since [`Fib::take_reused`] last asked: their counters must
    /// start from zero.
    reused: Vec<u32>,
}

impl StatsPool {
    fn get(&mut self) -> u32 {
        if let Some(i) = self.free.pop() {
            self.reused.push(i);
            return i;
        }
        // Index 0 is never handed out (VPP's first load-balance object is not a route's).
        self.next += 1;
        self.next
    }

    fn put(&mut self, i: u32) {
        self.free.push(i);
    }
}

/// What tells one adjacency from another: the interface, the link's family and, for a
/// neighbour's, the next hop (`None`: the interface's glean adjacency).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AdjKey {
    pub sw_if_index: u32,
    pub af: Af,
    pub next_hop: Option<IpAddr>,
}

impl AdjKey {
    /// The adjacency a path of an entry of family `af` holds: a normal path through an
    /// interface does; local, drop and recursive paths do not.
    pub fn of_path(af: Af, path: &FibPath) -> Option<AdjKey> {
        match (path.path_type, path.sw_if_index) {
            (PathType::Normal, Some(sw_if_index)) => Some(AdjKey {
                sw_if_index,
                af,
                next_hop: path.next_hop,
            }),
            _ => None,
        }
    }
}

/// The adjacencies paths hold, counted: an adjacency goes (and its index is free again)
/// with the last path that holds it.
#[derive(Default)]
struct AdjPool {
    /// key → (index, paths holding it).
    by_key: HashMap<AdjKey, (u32, u32), Hasher>,
    next: u32,
    free: Vec<u32>,
    /// Indexes handed out again since [`Fib::take_reused_adjacencies`] last asked.
    reused: Vec<u32>,
}

impl AdjPool {
    fn lock_paths(&mut self, af: Af, paths: &[FibPath]) {
        for key in paths.iter().filter_map(|p| AdjKey::of_path(af, p)) {
            match self.by_key.entry(key) {
                MapEntry::Occupied(mut o) => o.get_mut().1 += 1,
                MapEntry::Vacant(v) => {
                    let index = match self.free.pop() {
                        Some(i) => {
                            self.reused.push(i);
                            i
                        }
                        None => {
                            self.next += 1;
                            self.next - 1
                        }
                    };
                    v.insert((index, 1));
                }
            }
        }
    }

    fn unlock_paths(&mut self, af: Af, paths: &[FibPath]) {
        for key in paths.iter().filter_map(|p| AdjKey::of_path(af, p)) {
            if let MapEntry::Occupied(mut o) = self.by_key.entry(key) {
                let (index, refs) = o.get_mut();
                *refs -= 1;
                if *refs == 0 {
                    self.free.push(*index);
                    o.remove();
                }
            }
        }
    }
}

/// The FIB of one simulated VPP.
pub struct Fib {
    v4: BTreeMap<u32, Table>,
    v6: BTreeMap<u32, Table>,
    stats: StatsPool,
    adjs: AdjPool,
    /// How many addresses of one interface share one connected prefix.
    if_prefixes: HashMap<(u32, u32, IpNet), u32>,
    /// The FIB sources VPP knows (built-in and registered).
    pub sources: Sources,
}

impl Default for Fib {
    fn default() -> Self {
        Fib::new()
    }
}

impl fmt::Debug for Fib {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fib")
            .field("ipv4_tables", &self.v4.keys().collect::<Vec<_>>())
            .field("ipv6_tables", &self.v6.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Fib {
    /// A FIB with table 0 of each family and their default entries.
    pub fn new() -> Fib {
        let mut fib = Fib {
            v4: BTreeMap::new(),
            v6: BTreeMap::new(),
            stats: StatsPool::default(),
            adjs: AdjPool::default(),
            if_prefixes: HashMap::new(),
            sources: Sources::new(),
        };
        fib.add_table(Af::Ip4, 0, "");
        fib.add_table(Af::Ip6, 0, "");
        fib
    }

    fn tables(&self, af: Af) -> &BTreeMap<u32, Table> {
        match af {
            Af::Ip4 => &self.v4,
            Af::Ip6 => &self.v6,
        }
    }

    fn table(&self, af: Af, table_id: u32) -> Result<&Table, FibError> {
        self.tables(af)
            .get(&table_id)
            .ok_or(FibError::NoSuchFib { af, table_id })
    }

    /// Creates a table with VPP's default entries; an existing table is left as it is.
    /// An empty name becomes `ipv4-VRF:N` / `ipv6-VRF:N`.
    pub fn add_table(&mut self, af: Af, table_id: u32, name: &str) {
        if self.has_table(af, table_id) {
            return;
        }
        let name = if name.is_empty() {
            format!("{af}-VRF:{table_id}")
        } else {
            name.to_string()
        };
        let tables = match af {
            Af::Ip4 => &mut self.v4,
            Af::Ip6 => &mut self.v6,
        };
        tables.insert(table_id, Table::new(af, name));
        let defaults: &[(&str, Source, FibPath)] = match af {
            Af::Ip4 => &[
                ("0.0.0.0/0", Source::DefaultRoute, DROP),
                ("0.0.0.0/32", Source::DefaultRoute, DROP),
                ("240.0.0.0/4", Source::Special, DROP),
                ("224.0.0.0/4", Source::Special, DROP),
                ("255.255.255.255/32", Source::DefaultRoute, DROP),
            ],
            Af::Ip6 => &[
                ("::/0", Source::DefaultRoute, DROP),
                ("fe80::/10", Source::Special, LINK_LOCAL),
            ],
        };
        for (prefix, source, path) in defaults {
            if let Ok(prefix) = prefix.parse::<IpNet>() {
                // The table was just made.
                let _ = self.set_source(table_id, prefix, *source, vec![path.clone()]);
            }
        }
    }

    /// Deletes a table and its entries. Table 0 stays (VPP keeps it): only the routes the
    /// API added go. A table that does not exist is not an error (VPP answers 0).
    pub fn del_table(&mut self, af: Af, table_id: u32) {
        if table_id == 0 {
            self.flush_source(af, 0, Source::Api);
            return;
        }
        let tables = match af {
            Af::Ip4 => &mut self.v4,
            Af::Ip6 => &mut self.v6,
        };
        if let Some(table) = tables.remove(&table_id) {
            for by_len in table.by_len {
                for entry in by_len.into_values() {
                    self.stats.put(entry.stats_index);
                    for (_, paths) in &entry.sources {
                        self.adjs.unlock_paths(af, paths);
                    }
                }
            }
            self.if_prefixes
                .retain(|(t, _, p), _| !(*t == table_id && Af::of(p) == af));
        }
    }

    pub fn has_table(&self, af: Af, table_id: u32) -> bool {
        self.tables(af).contains_key(&table_id)
    }

    /// All tables, as `ip_table_dump` lists them: IPv4 then IPv6, by table id.
    pub fn table_list(&self) -> Vec<TableInfo> {
        [Af::Ip4, Af::Ip6]
            .into_iter()
            .flat_map(|af| {
                self.tables(af).iter().map(move |(id, t)| TableInfo {
                    af,
                    table_id: *id,
                    name: t.name.clone(),
                })
            })
            .collect()
    }

    /// How many routes the FIB holds: one stats index each.
    pub fn routes(&self) -> usize {
        (self.stats.next as usize).saturating_sub(self.stats.free.len())
    }

    /// One past the highest stats index handed out: the length `/net/route/to` needs.
    pub fn stats_len(&self) -> usize {
        self.stats.next as usize + 1
    }

    /// Stats indexes handed out again since the last call (see [`crate::sim::traffic`]).
    pub fn take_reused(&mut self) -> Vec<u32> {
        std::mem::take(&mut self.stats.reused)
    }

    /// The index of the adjacency `key`, if a path holds it.
    pub fn adjacency(&self, key: &AdjKey) -> Option<u32> {
        self.adjs.by_key.get(key).map(|(i, _)| *i)
    }

    /// One past the highest adjacency index handed out: the length `/net/adjacency` needs.
    pub fn adjacency_len(&self) -> usize {
        self.adjs.next as usize
    }

    /// Adjacency indexes handed out again since the last call: their counters start from
    /// zero, as VPP zeroes an adjacency's counters when it makes one.
    pub fn take_reused_adjacencies(&mut self) -> Vec<u32> {
        std::mem::take(&mut self.adjs.reused)
    }

    /// How many entries a table holds (default and interface entries included).
    pub fn route_count(&self, af: Af, table_id: u32) -> Result<usize, FibError> {
        Ok(self.table(af, table_id)?.len())
    }

    /// Sets one source's paths of an entry, creating the entry; answers its stats index.
    fn set_source(
        &mut self,
        table_id: u32,
        prefix: IpNet,
        source: Source,
        paths: Vec<FibPath>,
    ) -> Result<u32, FibError> {
        self.update_source(table_id, prefix, source, |p| *p = paths)
            .map(|i| i.unwrap_or(u32::MAX))
    }

    /// Changes one source's paths of an entry with `f` (starting from none if the source
    /// is not there). An entry left with no paths from any source is removed. Answers the
    /// entry's stats index, `None` if it is gone. An entry the interface source makes keeps
    /// the host bits of `prefix` (see [`RouteRef::given`]).
    fn update_source(
        &mut self,
        table_id: u32,
        prefix: IpNet,
        source: Source,
        f: impl FnOnce(&mut Vec<FibPath>),
    ) -> Result<Option<u32>, FibError> {
        let af = Af::of(&prefix);
        let host = match source {
            Source::Interface => addr_key(&prefix.addr()),
            _ => 0,
        };
        let prefix = prefix.trunc();
        let len = prefix.prefix_len();
        let key = addr_key(&prefix.addr());
        let host = host & !key;
        let Fib {
            v4,
            v6,
            stats,
            adjs,
            ..
        } = self;
        let tables = match af {
            Af::Ip4 => v4,
            Af::Ip6 => v6,
        };
        let table = tables
            .get_mut(&table_id)
            .ok_or(FibError::NoSuchFib { af, table_id })?;
        let Some(map) = table.by_len.get_mut(usize::from(len)) else {
            return Ok(None);
        };
        match map.entry(key) {
            MapEntry::Occupied(mut o) => {
                let entry = o.get_mut();
                let mut paths = entry
                    .source_mut(source)
                    .map(std::mem::take)
                    .unwrap_or_default();
                let old = paths.clone();
                f(&mut paths);
                // The new paths' adjacencies first, so that those both hold stay.
                adjs.lock_paths(af, &paths);
                adjs.unlock_paths(af, &old);
                if paths.is_empty() {
                    entry.remove(source);
                } else {
                    entry.set(source, paths);
                }
                if entry.sources.is_empty() {
                    stats.put(entry.stats_index);
                    o.remove();
                    Ok(None)
                } else {
                    Ok(Some(entry.stats_index))
                }
            }
            MapEntry::Vacant(v) => {
                let mut paths = Vec::new();
                f(&mut paths);
                if paths.is_empty() {
                    return Ok(None);
                }
                adjs.lock_paths(af, &paths);
                let stats_index = stats.get();
                v.insert(Entry {
                    stats_index,
                    host,
                    sources: vec![(source, paths)],
                });
                Ok(Some(stats_index))
            }
        }
    }

    fn flush_source(&mut self, af: Af, table_id: u32, source: Source) {
        let Fib {
            v4,
            v6,
            stats,
            adjs,
            ..
        } = self;
        let tables = match af {
            Af::Ip4 => v4,
            Af::Ip6 => v6,
        };
        if let Some(table) = tables.get_mut(&table_id) {
            for map in &mut table.by_len {
                map.retain(|_, e| {
                    if let Some(paths) = e.source_mut(source) {
                        adjs.unlock_paths(af, paths);
                    }
                    e.remove(source);
                    let keep = !e.sources.is_empty();
                    if !keep {
                        stats.put(e.stats_index);
                    }
                    keep
                });
            }
        }
    }

    /// `ip_route_add_del` with `is_add = 1, is_multipath = 0`: the route's paths become
    /// `paths`. Answers the stats index. Host bits of `prefix` are ignored, as VPP does.
    pub fn route_add(
        &mut self,
        table_id: u32,
        prefix: IpNet,
        paths: Vec<FibPath>,
    ) -> Result<u32, FibError> {
        self.route_add_src(table_id, prefix, Source::Api, paths)
    }

    fn route_add_src(
        &mut self,
        table_id: u32,
        prefix: IpNet,
        source: Source,
        paths: Vec<FibPath>,
    ) -> Result<u32, FibError> {
        self.table(Af::of(&prefix), table_id)?;
        if paths.is_empty() {
            return Err(FibError::NoPathsInRoute);
        }
        self.set_source(table_id, prefix, source, paths)
    }

    /// `is_add = 1, is_multipath = 1`: adds `paths` to the route's (a path already there,
    /// same type, interface, next hop and table, takes the new weight and preference).
    pub fn route_add_paths(
        &mut self,
        table_id: u32,
        prefix: IpNet,
        paths: Vec<FibPath>,
    ) -> Result<u32, FibError> {
        self.route_add_paths_src(table_id, prefix, Source::Api, paths)
    }

    fn route_add_paths_src(
        &mut self,
        table_id: u32,
        prefix: IpNet,
        source: Source,
        paths: Vec<FibPath>,
    ) -> Result<u32, FibError> {
        self.table(Af::of(&prefix), table_id)?;
        if paths.is_empty() {
            return Err(FibError::NoPathsInRoute);
        }
        self.update_source(table_id, prefix, source, |have| {
            for path in paths {
                match have.iter_mut().find(|p| p.same_path(&path)) {
                    Some(p) => *p = path,
                    None => have.push(path),
                }
            }
        })
        .map(|i| i.unwrap_or(u32::MAX))
    }

    /// `is_add = 0, is_multipath = 0`: removes the route the API added. A missing route is
    /// not an error; entries of other sources (interface, default) stay.
    pub fn route_del(&mut self, table_id: u32, prefix: IpNet) -> Result<(), FibError> {
        self.route_del_src(table_id, prefix, Source::Api)
    }

    fn route_del_src(
        &mut self,
        table_id: u32,
        prefix: IpNet,
        source: Source,
    ) -> Result<(), FibError> {
        self.update_source(table_id, prefix, source, Vec::clear)
            .map(|_| ())
    }

    /// `is_add = 0, is_multipath = 1`: removes `paths` from the route; the route goes with
    /// its last path.
    pub fn route_remove_paths(
        &mut self,
        table_id: u32,
        prefix: IpNet,
        paths: &[FibPath],
    ) -> Result<(), FibError> {
        self.route_remove_paths_src(table_id, prefix, Source::Api, paths)
    }

    fn route_remove_paths_src(
        &mut self,
        table_id: u32,
        prefix: IpNet,
        source: Source,
        paths: &[FibPath],
    ) -> Result<(), FibError> {
        self.update_source(table_id, prefix, source, |have| {
            have.retain(|p| !paths.iter().any(|q| q.same_path(p)))
        })
        .map(|_| ())
    }

    /// `ip_route_add_del` as the message says it. Answers the stats index of an added
    /// route, `None` for a delete (the reply then carries `~0`).
    pub fn ip_route_add_del(
        &mut self,
        table_id: u32,
        prefix: IpNet,
        is_add: bool,
        is_multipath: bool,
        paths: Vec<FibPath>,
    ) -> Result<Option<u32>, FibError> {
        self.ip_route_add_del_src(table_id, prefix, Source::Api, is_add, is_multipath, paths)
    }

    /// `ip_route_add_del_v2`: the same for one source's contribution; other sources'
    /// contributions to the prefix stay as they are.
    pub fn ip_route_add_del_src(
        &mut self,
        table_id: u32,
        prefix: IpNet,
        source: Source,
        is_add: bool,
        is_multipath: bool,
        paths: Vec<FibPath>,
    ) -> Result<Option<u32>, FibError> {
        match (is_add, is_multipath) {
            (true, false) => self
                .route_add_src(table_id, prefix, source, paths)
                .map(Some),
            (true, true) => self
                .route_add_paths_src(table_id, prefix, source, paths)
                .map(Some),
            (false, false) => self.route_del_src(table_id, prefix, source).map(|()| None),
            (false, true) => self
                .route_remove_paths_src(table_id, prefix, source, &paths)
                .map(|()| None),
        }
    }

    /// The entries `source` contributes to, with its own paths (not the best source's),
    /// in dump order: `ip_route_v2_dump` with `src` set.
    pub fn dump_source(
        &self,
        af: Af,
        table_id: u32,
        source: Source,
    ) -> Result<impl Iterator<Item = RouteRef<'_>> + '_, FibError> {
        let table = self.table(af, table_id)?;
        Ok(table.by_len.iter().enumerate().flat_map(move |(len, map)| {
            map.iter().filter_map(move |(key, e)| {
                let (_, paths) = e.sources.iter().find(|(s, _)| *s == source)?;
                // `len` indexes a vector of at most 129 lengths.
                let len = len as u8;
                Some(RouteRef {
                    table_id,
                    prefix: net(af, *key, len),
                    given: net(af, *key | e.host, len),
                    stats_index: e.stats_index,
                    source,
                    paths,
                })
            })
        }))
    }

    fn view<'a>(&self, table_id: u32, prefix: IpNet, entry: &'a Entry) -> Option<RouteRef<'a>> {
        let (source, paths) = entry.best()?;
        let af = Af::of(&prefix);
        let given = net(
            af,
            addr_key(&prefix.addr()) | entry.host,
            prefix.prefix_len(),
        );
        Some(RouteRef {
            table_id,
            prefix,
            given,
            stats_index: entry.stats_index,
            source: *source,
            paths,
        })
    }

    /// The entry for exactly `prefix` (host bits ignored), as `ip_route_lookup` with
    /// `exact = 1`.
    pub fn lookup_exact(
        &self,
        table_id: u32,
        prefix: IpNet,
    ) -> Result<Option<RouteRef<'_>>, FibError> {
        let af = Af::of(&prefix);
        let prefix = prefix.trunc();
        let table = self.table(af, table_id)?;
        let key = addr_key(&prefix.addr());
        Ok(table
            .by_len
            .get(usize::from(prefix.prefix_len()))
            .and_then(|m| m.get(&key))
            .and_then(|e| self.view(table_id, prefix, e)))
    }

    /// The longest prefix holding `addr`. Every table has a `/0` entry, so there is
    /// always an answer for an existing table.
    pub fn lookup(&self, table_id: u32, addr: IpAddr) -> Result<Option<RouteRef<'_>>, FibError> {
        let af = Af::of_addr(&addr);
        let table = self.table(af, table_id)?;
        let key = addr_key(&addr);
        for (len, map) in table.by_len.iter().enumerate().rev() {
            if map.is_empty() {
                continue;
            }
            // `len` indexes a vector of at most 129 lengths.
            let len = len as u8;
            let k = masked(key, len, af.bits());
            if let Some(e) = map.get(&k) {
                return Ok(self.view(table_id, net(af, k, len), e));
            }
        }
        Ok(None)
    }

    /// Every entry of a table in VPP's dump order: by prefix length, shortest first, in
    /// hash order within a length.
    pub fn dump(
        &self,
        af: Af,
        table_id: u32,
    ) -> Result<impl Iterator<Item = RouteRef<'_>> + '_, FibError> {
        let table = self.table(af, table_id)?;
        Ok(table.by_len.iter().enumerate().flat_map(move |(len, map)| {
            map.iter().filter_map(move |(key, e)| {
                // `len` indexes a vector of at most 129 lengths.
                self.view(table_id, net(af, *key, len as u8), e)
            })
        }))
    }

    /// Installs what VPP installs for an interface address `addr` (address and length,
    /// host bits set) on `sw_if_index` in `table_id`; see the module docs.
    pub fn add_interface_address(
        &mut self,
        table_id: u32,
        sw_if_index: u32,
        addr: IpNet,
    ) -> Result<(), FibError> {
        self.table(Af::of(&addr), table_id)?;
        let a = addr.addr();
        let network = addr.trunc();
        let count = self
            .if_prefixes
            .entry((table_id, sw_if_index, network))
            .or_insert(0);
        *count += 1;
        let first = *count == 1;
        // The local entry first: VPP makes it before the prefix's (their stats indexes show
        // the order).
        let host = IpNet::from(a);
        self.set_source(
            table_id,
            host,
            Source::Interface,
            vec![FibPath::local(a, sw_if_index)],
        )?;
        if first {
            for (prefix, path) in prefix_entries(sw_if_index, addr) {
                let source = Source::Interface;
                self.set_source(table_id, prefix, source, vec![path])?;
            }
        }
        Ok(())
    }

    /// Removes what [`Fib::add_interface_address`] installed for `addr`; the prefix's
    /// entries stay while another address of the interface is in the same prefix.
    pub fn del_interface_address(
        &mut self,
        table_id: u32,
        sw_if_index: u32,
        addr: IpNet,
    ) -> Result<(), FibError> {
        self.table(Af::of(&addr), table_id)?;
        let network = addr.trunc();
        let key = (table_id, sw_if_index, network);
        let last = match self.if_prefixes.get_mut(&key) {
            Some(count) if *count > 1 => {
                *count -= 1;
                false
            }
            Some(_) => {
                self.if_prefixes.remove(&key);
                true
            }
            None => false,
        };
        if last {
            for (prefix, _) in prefix_entries(sw_if_index, addr) {
                self.update_source(table_id, prefix, Source::Interface, Vec::clear)?;
            }
        }
        let host = IpNet::from(addr.addr());
        self.update_source(table_id, host, Source::Interface, Vec::clear)?;
        Ok(())
    }

    /// Installs the host route VPP adds for a resolved neighbour (ARP / ND entry).
    pub fn add_neighbour(
        &mut self,
        table_id: u32,
        sw_if_index: u32,
        ip: IpAddr,
    ) -> Result<u32, FibError> {
        let path = FibPath::via(Some(ip), Some(sw_if_index));
        self.set_source(table_id, IpNet::from(ip), Source::Adjacency, vec![path])
    }

    pub fn del_neighbour(&mut self, table_id: u32, ip: IpAddr) -> Result<(), FibError> {
        self.update_source(table_id, IpNet::from(ip), Source::Adjacency, Vec::clear)
            .map(|_| ())
    }

    /// Removes every path through `sw_if_index`, of every source in every table (for an
    /// interface being deleted); entries left without paths go. Answers how many entries
    /// went.
    pub fn purge_interface(&mut self, sw_if_index: u32) -> usize {
        let mut removed = 0;
        let Fib {
            v4,
            v6,
            stats,
            adjs,
            if_prefixes,
            ..
        } = self;
        if_prefixes.retain(|(_, sw, _), _| *sw != sw_if_index);
        let tables = v4
            .values_mut()
            .map(|t| (Af::Ip4, t))
            .chain(v6.values_mut().map(|t| (Af::Ip6, t)));
        for (af, table) in tables {
            for map in &mut table.by_len {
                map.retain(|_, e| {
                    for (_, paths) in &mut e.sources {
                        let (gone, kept) = std::mem::take(paths)
                            .into_iter()
                            .partition::<Vec<_>, _>(|p| p.sw_if_index == Some(sw_if_index));
                        adjs.unlock_paths(af, &gone);
                        *paths = kept;
                    }
                    e.sources.retain(|(_, p)| !p.is_empty());
                    let keep = !e.sources.is_empty();
                    if !keep {
                        stats.put(e.stats_index);
                        removed += 1;
                    }
                    keep
                });
            }
        }
        removed
    }
}

const DROP: FibPath = FibPath {
    path_type: PathType::Drop,
    sw_if_index: None,
    next_hop: None,
    table_id: 0,
    weight: 1,
    preference: 0,
};

/// VPP's `fe80::/10` entry dumps as a normal path with no interface and no next hop.
const LINK_LOCAL: FibPath = FibPath {
    path_type: PathType::Normal,
    ..DROP
};

/// The entries an interface address's prefix brings (not the local host route).
fn prefix_entries(sw_if_index: u32, addr: IpNet) -> Vec<(IpNet, FibPath)> {
    let a = addr.addr();
    let len = addr.prefix_len();
    let mut out = Vec::new();
    match addr {
        IpNet::V4(v4) => {
            if len <= 30 {
                out.push((addr, FibPath::via(None, Some(sw_if_index))));
                for special in [IpAddr::V4(v4.network()), IpAddr::V4(v4.broadcast())] {
                    if special != a {
                        out.push((IpNet::from(special), DROP));
                    }
                }
            } else if len == 31 {
                let other = Ipv4Addr::from(u32::from(v4.addr()) ^ 1);
                let other = IpAddr::V4(other);
                out.push((
                    IpNet::from(other),
                    FibPath::via(Some(other), Some(sw_if_index)),
                ));
            }
        }
        IpNet::V6(_) => {
            if len < 128 {
                out.push((addr, FibPath::via(None, Some(sw_if_index))));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
