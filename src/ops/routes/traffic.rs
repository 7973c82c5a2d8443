//! `stats routes`: which route each stats index belongs to, and the busiest routes of an
//! interval, read and ranked within a fixed memory however many routes there are.
//!
//! A million routes must be read and ranked in well under a second and 128 MiB (README,
//! "Traffic per route"): the map keeps a route in 16 bytes (IPv4) or 28 (IPv6), not as a
//! formatted prefix; the counters are read into a buffer the caller keeps between
//! intervals; the ranking keeps only the `top` best in a bounded heap, so it needs no
//! per-route memory of its own, and builds the output rows for those alone.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::net::{Ipv4Addr, Ipv6Addr};

use ipnet::IpNet;

use super::list::ListQuery;
use super::vpp;
use crate::binapi::ip::{IpRouteDump, IpTable};
use crate::client::Client;
use crate::ops::error::Result;
use crate::ops::stats::RouteTraffic;
use crate::stats::CombinedCounter;

#[derive(Debug, Clone, Copy)]
struct Route4 {
    stats_index: u32,
    table: u32,
    addr: u32,
    len: u8,
}

#[derive(Debug, Clone, Copy)]
struct Route6 {
    stats_index: u32,
    table: u32,
    addr: [u8; 16],
    len: u8,
}

/// Which route each stats index belongs to, built from one route dump of the routes a
/// query selects: networks, not strings, so a million IPv4 routes take 16 MB.
#[derive(Debug, Clone, Default)]
pub struct RouteMap {
    v4: Vec<Route4>,
    v6: Vec<Route6>,
}

impl RouteMap {
    /// Adds a route: its stats index, table and prefix (host bits dropped).
    pub fn push(&mut self, stats_index: u32, table: u32, prefix: IpNet) {
        match prefix.trunc() {
            IpNet::V4(n) => self.v4.push(Route4 {
                stats_index,
                table,
                addr: u32::from(n.addr()),
                len: n.prefix_len(),
            }),
            IpNet::V6(n) => self.v6.push(Route6 {
                stats_index,
                table,
                addr: n.addr().octets(),
                len: n.prefix_len(),
            }),
        }
    }

    pub fn len(&self) -> usize {
        self.v4.len() + self.v6.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The route in `slot` (IPv4 routes first): stats index, table, network.
    fn route(&self, slot: usize) -> Option<(u32, u32, IpNet)> {
        let net = |addr, len| IpNet::new(addr, len).unwrap_or_else(|_| IpNet::from(addr));
        match self.v4.get(slot) {
            Some(r) => Some((
                r.stats_index,
                r.table,
                net(Ipv4Addr::from(r.addr).into(), r.len),
            )),
            None => self.v6.get(slot - self.v4.len()).map(|r| {
                (
                    r.stats_index,
                    r.table,
                    net(Ipv6Addr::from(r.addr).into(), r.len),
                )
            }),
        }
    }

    /// Every route's stats index, by slot.
    fn stats_indexes(&self) -> impl Iterator<Item = u32> + '_ {
        let v4 = self.v4.iter().map(|r| r.stats_index);
        v4.chain(self.v6.iter().map(|r| r.stats_index))
    }

    /// Dumps the routes `query` selects (`ip_table_dump`, then `ip_route_dump` per table).
    pub fn read(client: &mut Client, query: ListQuery) -> Result<RouteMap> {
        let mut map = RouteMap::default();
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
                if query.prefix.is_none_or(|p| p.trunc().contains(&network)) {
                    map.push(d.route.stats_index, d.route.table_id, network);
                }
            })?;
        }
        map.v4.shrink_to_fit();
        map.v6.shrink_to_fit();
        Ok(map)
    }
}

/// A candidate in the ranking: greater is busier; at equal rates the lower stats index
/// ranks first.
#[derive(Debug, Clone, Copy)]
struct Ranked {
    rate: f64,
    stats_index: u32,
    slot: usize,
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.rate
            .total_cmp(&other.rate)
            .then_with(|| other.stats_index.cmp(&self.stats_index))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ranked {}

/// The `top` items (all of them for 0) of `(stats_index, slot)` by `rate(stats_index)`,
/// busiest first, ties in stats-index order: a heap of `top` entries, so ranking a million
/// costs one pass and no memory per item.
pub fn top_slots(
    items: impl Iterator<Item = (u32, usize)>,
    rate: impl Fn(u32) -> f64,
    top: usize,
) -> Vec<(u32, usize)> {
    let ranked = items.map(|(stats_index, slot)| Ranked {
        rate: rate(stats_index),
        stats_index,
        slot,
    });
    let mut best: Vec<Ranked> = if top == 0 {
        ranked.collect()
    } else {
        let mut heap: BinaryHeap<Reverse<Ranked>> = BinaryHeap::with_capacity(top + 1);
        for r in ranked {
            if heap.len() < top {
                heap.push(Reverse(r));
            } else if heap.peek().is_some_and(|Reverse(worst)| r > *worst) {
                heap.pop();
                heap.push(Reverse(r));
            }
        }
        heap.into_iter().map(|Reverse(r)| r).collect()
    };
    best.sort_unstable_by(|a, b| b.cmp(a));
    best.into_iter().map(|r| (r.stats_index, r.slot)).collect()
}

fn total_at(totals: &[CombinedCounter], i: u32) -> CombinedCounter {
    totals.get(i as usize).copied().unwrap_or_default()
}

fn per_sec(new: u64, old: u64, secs: f64) -> f64 {
    if secs <= 0.0 {
        return 0.0;
    }
    // A counter that went backwards was cleared: count from zero.
    let delta = if new >= old { new - old } else { new };
    delta as f64 / secs
}

/// One route's row: its counters in `new` and, with `old` (the totals `secs` earlier),
/// its rates.
pub fn traffic_row(
    (stats_index, table, prefix): (u32, u32, IpNet),
    new: &[CombinedCounter],
    old: Option<(&[CombinedCounter], f64)>,
) -> RouteTraffic {
    let n = total_at(new, stats_index);
    let (pps, bps) = match old {
        Some((old, secs)) => {
            let o = total_at(old, stats_index);
            (
                Some(per_sec(n.packets, o.packets, secs)),
                Some(per_sec(n.bytes, o.bytes, secs) * 8.0),
            )
        }
        None => (None, None),
    };
    RouteTraffic {
        table,
        prefix,
        stats_index,
        packets: n.packets,
        bytes: n.bytes,
        pps,
        bps,
    }
}

/// The packets per second (or, without `old`, the packets) of stats index `i`.
pub fn rate_of<'a>(
    new: &'a [CombinedCounter],
    old: Option<(&'a [CombinedCounter], f64)>,
) -> impl Fn(u32) -> f64 + 'a {
    move |i| {
        let n = total_at(new, i);
        match old {
            Some((old, secs)) => per_sec(n.packets, total_at(old, i).packets, secs),
            None => n.packets as f64,
        }
    }
}

/// The `top` routes of `map` (all for 0) by packets, or with `old` by packets per second,
/// busiest first; `new` and `old` are summed `/net/route/to` vectors.
pub fn rank(
    map: &RouteMap,
    new: &[CombinedCounter],
    old: Option<(&[CombinedCounter], f64)>,
    top: usize,
) -> Vec<RouteTraffic> {
    let items = map.stats_indexes().enumerate().map(|(slot, i)| (i, slot));
    top_slots(items, rate_of(new, old), top)
        .into_iter()
        .filter_map(|(_, slot)| map.route(slot))
        .map(|r| traffic_row(r, new, old))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(packets: u64) -> CombinedCounter {
        CombinedCounter {
            packets,
            bytes: packets * 100,
        }
    }

    fn map() -> RouteMap {
        let mut m = RouteMap::default();
        m.push(3, 0, "10.0.0.0/8".parse().unwrap());
        m.push(1, 0, "198.18.0.1/24".parse().unwrap());
        m.push(2, 5, "2001:db8::/32".parse().unwrap());
        m.push(4, 0, "192.0.2.0/24".parse().unwrap());
        m
    }

    #[test]
    fn ranks_by_rate_then_stats_index_within_top() {
        let m = map();
        assert_eq!(m.len(), 4);
        let old = [c(0), c(10), c(0), c(5), c(0)];
        let new = [c(0), c(10), c(50), c(25), c(20)];
        let all = rank(&m, &new, Some((&old, 2.0)), 0);
        let order: Vec<(String, f64)> = all
            .iter()
            .map(|r| (r.prefix.to_string(), r.pps.unwrap()))
            .collect();
        assert_eq!(
            order,
            [
                ("2001:db8::/32".to_string(), 25.0),
                ("10.0.0.0/8".into(), 10.0),
                ("192.0.2.0/24".into(), 10.0),
                // The host bits the dump carried are gone.
                ("198.18.0.0/24".into(), 0.0),
            ]
        );
        assert_eq!(all[0].table, 5);
        assert_eq!(all[0].bps, Some(25.0 * 100.0 * 8.0));
        let top2 = rank(&m, &new, Some((&old, 2.0)), 2);
        assert_eq!(top2, all[..2]);
        // Without an interval: by packets; a stats index past the vector reads zero.
        let counts = rank(&m, &new[..4], None, 3);
        let order: Vec<u32> = counts.iter().map(|r| r.stats_index).collect();
        assert_eq!(order, [2, 3, 1]);
        assert_eq!(counts[0].pps, None);
    }

    #[test]
    fn a_cleared_counter_counts_from_zero() {
        let m = map();
        let old = [c(0), c(0), c(0), c(1000), c(0)];
        let new = [c(0), c(0), c(0), c(30), c(0)];
        let r = rank(&m, &new, Some((&old, 1.0)), 1);
        assert_eq!((r[0].stats_index, r[0].pps), (3, Some(30.0)));
    }
}
