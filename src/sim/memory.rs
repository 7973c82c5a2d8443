//! The simulated VPP's two heaps — the main heap and the stats segment — as far as routes
//! use them (see docs/design.md, “The simulator's heaps”).
//!
//! Each route costs what a real VPP measured: [`MAIN_HEAP_PER_ROUTE`] bytes of main heap,
//! and [`STATS_PER_ROUTE`] bytes of stats segment per slot of its counter vectors. Those
//! vectors grow by doubling; while one is copied to its new place both copies exist, so at
//! that moment the stats segment needs twice the vectors. A real VPP aborts when an
//! allocation fails: when either heap would be exhausted, [`Memory::account`] says so and
//! the simulator dies (see `server`).
//!
//! The stats segment's other content (directory, interface and node counters) is what the
//! segment really holds; only the route counters are charged at the measured rate, because
//! the simulator keeps counters for three threads where the measured VPP had fewer.

/// Main-heap bytes one route takes (a real VPP held ~357 MB more after 1M /24 routes).
pub const MAIN_HEAP_PER_ROUTE: u64 = 350;
/// Stats-segment bytes one route's counters take (a real VPP's stats segment held ~39 MB
/// more after 1M /24 routes).
pub const STATS_PER_ROUTE: u64 = 40;
/// VPP's main heap when `memory { main-heap-size }` is not given: 1 GiB.
pub const DEFAULT_MAIN_HEAP: u64 = 1 << 30;
/// What an idle simulated VPP has in use of its main heap (the golden capture's figure).
pub const MAIN_HEAP_IDLE: u64 = 31_333_312;
/// Main-heap bytes each interface slot takes.
pub const MAIN_HEAP_PER_INTERFACE: u64 = 65_536;
/// The smallest room the route counter vectors are given.
const MIN_ROUTE_SLOTS: u64 = 64;

/// A heap that ran out: what VPP would have aborted on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the simulated VPP's {heap} is exhausted: {need} bytes needed of {total} \
     ({routes} routes); a real VPP aborts here (raise {setting})"
)]
pub struct Exhausted {
    /// `main heap` or `stat segment`, as the `/mem/` gauges name them.
    pub heap: &'static str,
    pub need: u64,
    pub total: u64,
    pub routes: u64,
    /// The `vppx sim` flag (and startup.conf setting) that sizes it.
    pub setting: &'static str,
}

/// What the FIB and the stats segment hold now, as [`Memory::account`] is told.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// Routes the FIB holds (each one's main-heap objects).
    pub routes: u64,
    /// Slots the route counter vectors must have (one past the highest stats index).
    pub route_slots: u64,
    /// Interface slots (sw_if_index + 1 of the highest).
    pub if_slots: u64,
    /// Bytes of the stats segment in use for everything but the route counters.
    pub stats_other: u64,
}

/// Both heaps' sizes and how much of them routes use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Memory {
    main_total: u64,
    stats_total: u64,
    /// The room of the route counter vectors, in slots: doubles when outgrown.
    route_room: u64,
    last: Usage,
}

impl Memory {
    /// Heaps of `main_total` and `stats_total` bytes (what VPP's gauges report as total).
    pub fn new(main_total: u64, stats_total: u64) -> Memory {
        Memory {
            main_total,
            stats_total,
            route_room: MIN_ROUTE_SLOTS,
            last: Usage::default(),
        }
    }

    /// Main-heap bytes in use.
    pub fn main_used(&self) -> u64 {
        let u = &self.last;
        MAIN_HEAP_IDLE
            .saturating_add(u.if_slots.saturating_mul(MAIN_HEAP_PER_INTERFACE))
            .saturating_add(u.routes.saturating_mul(MAIN_HEAP_PER_ROUTE))
    }

    /// Stats-segment bytes in use.
    pub fn stats_used(&self) -> u64 {
        self.last
            .stats_other
            .saturating_add(self.route_slots_bytes(self.last.route_slots))
    }

    pub fn main_total(&self) -> u64 {
        self.main_total
    }

    pub fn stats_total(&self) -> u64 {
        self.stats_total
    }

    fn route_slots_bytes(&self, slots: u64) -> u64 {
        slots.saturating_mul(STATS_PER_ROUTE)
    }

    /// Takes in what the FIB and the segment hold now. `Err` when a heap cannot hold it: the
    /// main heap, or the stats segment at its peak (both copies of the counter vectors, if
    /// they had to grow).
    pub fn account(&mut self, now: Usage) -> Result<(), Exhausted> {
        let main_need = {
            let probe = Memory {
                last: now,
                ..self.clone()
            };
            probe.main_used()
        };
        if main_need > self.main_total {
            return Err(Exhausted {
                heap: "main heap",
                need: main_need,
                total: self.main_total,
                routes: now.routes,
                setting: "--heap-size, memory { main-heap-size }",
            });
        }
        let mut room = self.route_room;
        let mut peak = now
            .stats_other
            .saturating_add(self.route_slots_bytes(now.route_slots));
        if now.route_slots > room {
            while room < now.route_slots {
                room = room.saturating_mul(2);
            }
            // While the vectors are copied, the old ones are still there.
            peak = peak.saturating_add(self.route_slots_bytes(now.route_slots));
        }
        if peak > self.stats_total {
            return Err(Exhausted {
                heap: "stat segment",
                need: peak,
                total: self.stats_total,
                routes: now.routes,
                setting: "--statseg-size, statseg { size }",
            });
        }
        self.route_room = room;
        self.last = now;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usage(routes: u64) -> Usage {
        Usage {
            routes,
            route_slots: routes + 1,
            if_slots: 3,
            stats_other: 1 << 20,
        }
    }

    #[test]
    fn routes_cost_the_measured_bytes() {
        let mut m = Memory::new(DEFAULT_MAIN_HEAP, 32 << 20);
        m.account(usage(10_000)).unwrap();
        assert_eq!(
            m.main_used(),
            MAIN_HEAP_IDLE + 3 * MAIN_HEAP_PER_INTERFACE + 10_000 * 350
        );
        assert_eq!(m.stats_used(), (1 << 20) + 10_001 * 40);
    }

    #[test]
    fn the_stats_segment_dies_when_its_counter_vectors_double() {
        // 4 MiB: 1 MiB of other content leaves room for ~78k slots at 40 B, but the copy
        // at a doubling needs 80 B a slot.
        let mut m = Memory::new(DEFAULT_MAIN_HEAP, 4 << 20);
        let mut routes = 0;
        let e = loop {
            routes += 1000;
            if let Err(e) = m.account(usage(routes)) {
                break e;
            }
        };
        assert_eq!(e.heap, "stat segment");
        assert!(e.need > 4 << 20 && e.need <= (1 << 20) + 2 * 40 * (routes + 1));
        assert!(e.to_string().contains("statseg { size }"), "{e}");
        // The steady state at this count would have fitted: it is the copy that does not.
        assert!((1 << 20) + 40 * (routes + 1) < 4 << 20, "{routes}");
        // Nothing was taken in: the gauges still show the last state that fitted.
        assert!(m.stats_used() <= 4 << 20);
    }

    #[test]
    fn the_main_heap_dies_past_its_size() {
        let mut m = Memory::new(64 << 20, 1 << 30);
        let fits = ((64 << 20) - MAIN_HEAP_IDLE - 3 * MAIN_HEAP_PER_INTERFACE) / 350;
        m.account(usage(fits)).unwrap();
        let e = m.account(usage(fits + 1)).unwrap_err();
        assert_eq!(e.heap, "main heap");
        assert!(e.to_string().contains("main-heap-size"), "{e}");
        assert!(m.main_used() <= m.main_total());
    }
}
