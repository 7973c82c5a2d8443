//! The capacity guard of `route load`: VPP's main heap and stats segment, read from the
//! `/mem/` gauges VPP publishes in its stats segment, against what the new routes will
//! need (see docs/design.md, “VPP's memory”).
//!
//! VPP aborts when either heap runs out, so a load that would exhaust one is refused
//! before anything is sent (unless forced), and a load that runs one low is stopped.

use crate::stats::{StatValue, StatsClient};

/// Main-heap bytes one new route takes (measured: 1M /24 routes took ~357 MB).
pub const MAIN_HEAP_PER_ROUTE: u64 = 350;
/// Stats-segment bytes one new route takes (measured: 1M /24 routes took ~39 MB).
pub const STATS_PER_ROUTE: u64 = 40;
/// The per-route counter vectors grow by doubling: while one is resized, the old and the
/// new vector are both there, so the stats segment needs up to twice the vector.
pub const STATS_RESIZE_FACTOR: u64 = 2;

/// One of VPP's heaps as its `/mem/<name>` gauge says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heap {
    /// `main heap` or `stat segment`, as VPP names them.
    pub name: &'static str,
    pub total: u64,
    pub used: u64,
    pub free: u64,
}

impl Heap {
    /// Free space under which a load stops, and which a load must leave: 1/16 of the heap,
    /// at least 1 MiB.
    pub fn floor(&self) -> u64 {
        (self.total / 16).max(1 << 20)
    }

    /// The startup.conf setting that sizes this heap.
    pub fn setting(&self) -> &'static str {
        if self.name == STATS {
            "statseg { size }"
        } else {
            "memory { main-heap-size }"
        }
    }

    /// What `routes` new routes need of this heap.
    pub fn need(&self, routes: u64) -> u64 {
        if self.name == STATS {
            routes
                .saturating_mul(STATS_PER_ROUTE)
                .saturating_mul(STATS_RESIZE_FACTOR)
        } else {
            routes.saturating_mul(MAIN_HEAP_PER_ROUTE)
        }
    }
}

const MAIN: &str = "main heap";
const STATS: &str = "stat segment";

/// Both heaps, as far as the stats segment publishes them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gauges {
    pub heaps: Vec<Heap>,
}

/// Reads `/mem/main heap` and `/mem/stat segment` (vectors of total, used, free, ...).
pub fn read(stats: &mut StatsClient) -> crate::stats::Result<Gauges> {
    let mut heaps = Vec::new();
    for name in [MAIN, STATS] {
        if let Some(StatValue::Simple(threads)) = stats.get(&format!("/mem/{name}"))? {
            if let Some([total, used, free, ..]) = threads.first().map(Vec::as_slice) {
                heaps.push(Heap {
                    name,
                    total: *total,
                    used: *used,
                    free: *free,
                });
            }
        }
    }
    Ok(Gauges { heaps })
}

/// A heap the new routes would run out of.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "VPP's {} has {} free of {}; {} new routes need about {} ({}) and {} must stay free: \
     nothing was sent. Raise {} in VPP's startup.conf, load fewer routes, or use --force",
    heap.name, mib(heap.free), mib(heap.total), routes, mib(*need), per_route(heap.name),
    mib(heap.floor()), heap.setting()
)]
pub struct Shortfall {
    pub heap: Heap,
    pub routes: u64,
    pub need: u64,
}

fn per_route(name: &str) -> String {
    if name == STATS {
        format!("{STATS_PER_ROUTE} B a route, twice that while counter vectors double")
    } else {
        format!("{MAIN_HEAP_PER_ROUTE} B a route")
    }
}

/// `33550336` → `32.0 MiB`.
pub fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / f64::from(1 << 20))
}

/// `Ok` if every heap can take `routes` new routes and keep its floor free.
pub fn check(g: &Gauges, routes: u64) -> Result<(), Shortfall> {
    for heap in &g.heaps {
        let need = heap.need(routes);
        if need.saturating_add(heap.floor()) > heap.free {
            return Err(Shortfall {
                heap: *heap,
                routes,
                need,
            });
        }
    }
    Ok(())
}

/// The first heap whose free space has fallen under its floor.
pub fn low(g: &Gauges) -> Option<Heap> {
    g.heaps.iter().find(|h| h.free < h.floor()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(total: u64, used: u64) -> Gauges {
        Gauges {
            heaps: vec![
                Heap {
                    name: MAIN,
                    total: 1 << 30,
                    used: 31_333_312,
                    free: (1 << 30) - 31_333_312,
                },
                Heap {
                    name: STATS,
                    total,
                    used,
                    free: total - used,
                },
            ],
        }
    }

    #[test]
    fn a_load_that_would_exhaust_the_stats_segment_is_refused() {
        // VPP's default 32 MiB segment, as the golden capture has it.
        let g = stats(33_550_336, 877_520);
        assert!(check(&g, 100_000).is_ok());
        let e = check(&g, 1_000_000).unwrap_err();
        assert_eq!(e.heap.name, "stat segment");
        assert_eq!(e.need, 80_000_000);
        let text = e.to_string();
        assert!(text.contains("statseg { size }"), "{text}");
        assert!(text.contains("31.2 MiB free of 32.0 MiB"), "{text}");
        assert!(
            text.contains("1000000 new routes need about 76.3 MiB"),
            "{text}"
        );
    }

    #[test]
    fn the_main_heap_is_checked_too() {
        let g = stats(1 << 30, 1 << 20);
        let e = check(&g, 3_000_000).unwrap_err();
        assert_eq!(e.heap.name, "main heap");
        assert!(e.to_string().contains("memory { main-heap-size }"));
    }

    #[test]
    fn the_simulator_charges_what_the_guard_estimates() {
        use crate::sim::memory;
        assert_eq!(MAIN_HEAP_PER_ROUTE, memory::MAIN_HEAP_PER_ROUTE);
        assert_eq!(STATS_PER_ROUTE, memory::STATS_PER_ROUTE);
    }

    #[test]
    fn low_names_the_heap_under_its_floor() {
        assert_eq!(low(&stats(32 << 20, 1 << 20)), None);
        let h = low(&stats(32 << 20, 31 << 20)).unwrap();
        assert_eq!(h.name, "stat segment");
        assert_eq!(h.floor(), 2 << 20);
    }
}
