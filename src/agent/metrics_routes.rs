//! Per-route series in `/metrics`: `vpp_route_packets_total{table,prefix}` and
//! `vpp_route_bytes_total{table,prefix}`, from `/net/route/to` at each route's stats index
//! (summed over threads), for the routes the operator names (`--route-metrics`) and the
//! `--route-metrics-top N` busiest, and no other: a FIB of a million routes adds at most
//! that many series (see docs/design.md, “Per-route metrics”).
//!
//! Which routes, and at which stats index, is decided by the agent's route watcher from a
//! route dump, redone on a bounded schedule ([`RouteMetrics::refresh`]), when
//! `/net/route/to` changes length, and after VPP reconnects; a scrape reads only the
//! chosen indexes. [`select`] is the pure part of that choice.

use std::collections::BTreeSet;
use std::time::Duration;

use ipnet::IpNet;

use crate::ops::routes::list::RouteIndex;
use crate::ops::routes::spec::{parse_route_key_words, RouteKey};
use crate::ops::stats::route_traffic;
use crate::stats::CombinedCounter;

/// Which routes get series, and how often the choice is made again.
#[derive(Debug, Clone)]
pub struct RouteMetrics {
    /// Routes named with `--route-metrics` (networks; table 0 unless given).
    pub named: Vec<RouteKey>,
    /// The busiest N besides (`--route-metrics-top`; 0 for none).
    pub top: usize,
    /// Dump the routes again (and re-rank the top N) this often.
    pub refresh: Duration,
}

impl Default for RouteMetrics {
    fn default() -> Self {
        RouteMetrics {
            named: Vec::new(),
            top: 0,
            refresh: Duration::from_secs(60),
        }
    }
}

impl RouteMetrics {
    /// Whether any route is to get series (else the watcher does not run at all).
    pub fn enabled(&self) -> bool {
        !self.named.is_empty() || self.top > 0
    }
}

/// `--route-metrics` words: `PREFIX` or `PREFIX table N`, as `vppx route show` takes them.
/// A prefix with host bits set is refused, naming its network.
pub fn parse_route(s: &str) -> Result<RouteKey, String> {
    let words: Vec<String> = s.split_whitespace().map(str::to_string).collect();
    let key = parse_route_key_words(&words).map_err(|e| e.to_string())?;
    Ok(RouteKey {
        table: key.table,
        prefix: key.prefix.trunc(),
    })
}

/// One route that gets series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct RouteSeries {
    pub table: u32,
    pub prefix: IpNet,
    pub stats_index: u32,
}

/// One route's counters as `/metrics` exports them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteSample {
    pub table: u32,
    pub prefix: IpNet,
    pub packets: u64,
    pub bytes: u64,
}

/// The routes of `index` that get series: every named one that is in the FIB, and the
/// `top` busiest — by packets per second since `old` (the totals `secs` earlier) when
/// given, else by packets — out of `totals` (`/net/route/to` summed over threads). In
/// (table, prefix) order, each once.
pub fn select(
    config: &RouteMetrics,
    index: &RouteIndex,
    totals: &[CombinedCounter],
    old: Option<(&[CombinedCounter], f64)>,
) -> Vec<RouteSeries> {
    let named: BTreeSet<(u32, IpNet)> = config
        .named
        .iter()
        .map(|k| (k.table, k.prefix.trunc()))
        .collect();
    let mut chosen: BTreeSet<RouteSeries> = index
        .routes
        .iter()
        .filter(|(_, table, prefix)| named.contains(&(*table, *prefix)))
        .map(|&(stats_index, table, prefix)| RouteSeries {
            table,
            prefix,
            stats_index,
        })
        .collect();
    if config.top > 0 {
        chosen.extend(
            route_traffic(index, totals, old, config.top)
                .into_iter()
                .map(|r| RouteSeries {
                    table: r.table,
                    prefix: r.prefix,
                    stats_index: r.stats_index,
                }),
        );
    }
    let mut out: Vec<RouteSeries> = Vec::with_capacity(chosen.len());
    for s in chosen {
        // One series per (table, prefix), even if a dump listed a prefix twice.
        if out
            .last()
            .is_none_or(|l| (l.table, l.prefix) != (s.table, s.prefix))
        {
            out.push(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(s: &str) -> IpNet {
        s.parse().unwrap()
    }

    fn cc(packets: u64) -> CombinedCounter {
        CombinedCounter {
            packets,
            bytes: packets * 64,
        }
    }

    fn index() -> RouteIndex {
        RouteIndex {
            routes: vec![
                (0, 0, net("0.0.0.0/0")),
                (1, 0, net("10.0.0.0/8")),
                (2, 0, net("172.16.0.0/12")),
                (3, 5, net("10.0.0.0/8")),
                (4, 0, net("192.0.2.0/24")),
            ],
        }
    }

    #[test]
    fn route_words_are_a_prefix_and_an_optional_table() {
        assert_eq!(
            parse_route("10.0.0.0/8").unwrap(),
            RouteKey {
                table: 0,
                prefix: net("10.0.0.0/8")
            }
        );
        assert_eq!(
            parse_route(" 2001:db8::/32 table 7 ").unwrap(),
            RouteKey {
                table: 7,
                prefix: net("2001:db8::/32")
            }
        );
        for bad in [
            "",
            "banana",
            "198.18.0.1/24",
            "10.0.0.0/8 table",
            "10.0.0.0/8 table x",
            "10.0.0.0/8 via",
        ] {
            assert!(parse_route(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn only_named_routes_in_the_fib_are_chosen() {
        let config = RouteMetrics {
            named: vec![
                parse_route("10.0.0.0/8 table 5").unwrap(),
                parse_route("192.0.2.0/24").unwrap(),
                parse_route("198.51.100.0/24").unwrap(),
            ],
            ..RouteMetrics::default()
        };
        let totals = [cc(9), cc(100), cc(50), cc(1), cc(0)];
        let got = select(&config, &index(), &totals, None);
        assert_eq!(
            got,
            vec![
                RouteSeries {
                    table: 0,
                    prefix: net("192.0.2.0/24"),
                    stats_index: 4
                },
                RouteSeries {
                    table: 5,
                    prefix: net("10.0.0.0/8"),
                    stats_index: 3
                },
            ]
        );
    }

    #[test]
    fn top_routes_by_rate_then_named_without_duplicates() {
        let config = RouteMetrics {
            named: vec![parse_route("10.0.0.0/8").unwrap()],
            top: 2,
            ..RouteMetrics::default()
        };
        let old = [cc(0), cc(100), cc(0), cc(0), cc(0)];
        let new = [cc(5), cc(110), cc(50), cc(30), cc(0)];
        // By rate: 172.16/12 (50), table 5's 10/8 (30); 10/8 (10) only as a named route.
        let got = select(&config, &index(), &new, Some((&old, 1.0)));
        let keys: Vec<(u32, String)> = got
            .iter()
            .map(|s| (s.table, s.prefix.to_string()))
            .collect();
        assert_eq!(
            keys,
            vec![
                (0, "10.0.0.0/8".to_string()),
                (0, "172.16.0.0/12".to_string()),
                (5, "10.0.0.0/8".to_string()),
            ]
        );
        // Without an earlier reading: by packets (10/8 with 110 is both top and named).
        let got = select(&config, &index(), &new, None);
        let keys: Vec<String> = got.iter().map(|s| s.prefix.to_string()).collect();
        assert_eq!(keys, vec!["10.0.0.0/8", "172.16.0.0/12"]);
    }
}
