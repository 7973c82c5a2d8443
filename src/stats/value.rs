//! What a poll returns: typed values per entry, and the sums callers need most.
//!
//! Values are plain owned data, copied out of the segment during the consistent read, so a
//! snapshot stays valid however VPP changes the segment afterwards.

use std::sync::Arc;

use super::layout::StatType;

/// One combined counter element.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct CombinedCounter {
    pub packets: u64,
    pub bytes: u64,
}

impl std::ops::Add for CombinedCounter {
    type Output = Self;
    fn add(self, other: Self) -> Self {
        Self {
            packets: self.packets.wrapping_add(other.packets),
            bytes: self.bytes.wrapping_add(other.bytes),
        }
    }
}

/// A log2 histogram: per thread, bins for powers of two starting at `2^min_exp`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Log2Histogram {
    pub min_exp: u64,
    /// `[thread][bin]`; a thread without a bin vector has none.
    pub bins: Vec<Vec<u64>>,
}

/// The value of one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatValue {
    Scalar(u64),
    Gauge(u64),
    /// `[thread][index]`.
    Simple(Vec<Vec<u64>>),
    /// `[thread][index]`.
    Combined(Vec<Vec<CombinedCounter>>),
    /// Names by index; `None` is an empty slot (vpp_papi drops those, shifting indices).
    Names(Vec<Option<String>>),
    Histogram(Log2Histogram),
    /// What a symlink into a simple vector reads: its element, per thread.
    SimpleElement(Vec<u64>),
    /// What a symlink into a combined vector reads: its element, per thread.
    CombinedElement(Vec<CombinedCounter>),
}

impl StatValue {
    /// A single number for counters that have one: a scalar or gauge, or a simple counter
    /// summed over threads and indices (what vpp_papi's `.sum()` gives).
    pub fn sum(&self) -> Option<u64> {
        match self {
            Self::Scalar(v) | Self::Gauge(v) => Some(*v),
            Self::Simple(threads) => Some(
                threads
                    .iter()
                    .flatten()
                    .fold(0u64, |a, &v| a.wrapping_add(v)),
            ),
            Self::SimpleElement(per_thread) => {
                Some(per_thread.iter().fold(0u64, |a, &v| a.wrapping_add(v)))
            }
            _ => None,
        }
    }

    /// Packets and bytes summed over threads (and indices) of a combined counter.
    pub fn sum_combined(&self) -> Option<CombinedCounter> {
        match self {
            Self::Combined(threads) => Some(
                threads
                    .iter()
                    .flatten()
                    .fold(CombinedCounter::default(), |a, &c| a + c),
            ),
            Self::CombinedElement(per_thread) => Some(
                per_thread
                    .iter()
                    .fold(CombinedCounter::default(), |a, &c| a + c),
            ),
            _ => None,
        }
    }

    /// Per index (e.g. per sw_if_index), summed over threads, for a simple vector.
    pub fn simple_by_index(&self) -> Option<Vec<u64>> {
        match self {
            Self::Simple(threads) => Some(sum_threads(threads, 0u64, |a, &v| a.wrapping_add(v))),
            _ => None,
        }
    }

    /// Per index, summed over threads, for a combined vector.
    pub fn combined_by_index(&self) -> Option<Vec<CombinedCounter>> {
        match self {
            Self::Combined(threads) => {
                Some(sum_threads(threads, CombinedCounter::default(), |a, &c| {
                    a + c
                }))
            }
            _ => None,
        }
    }
}

/// Adds up `[thread][index]` into `[index]`; threads may differ in length.
fn sum_threads<T: Copy>(threads: &[Vec<T>], zero: T, add: impl Fn(T, &T) -> T) -> Vec<T> {
    let width = threads.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = vec![zero; width];
    for thread in threads {
        for (acc, v) in out.iter_mut().zip(thread) {
            *acc = add(*acc, v);
        }
    }
    out
}

/// One entry of a snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotEntry {
    pub name: Arc<str>,
    /// The entry's own type (a symlink stays `Symlink`; its value is the target's element).
    pub stat_type: StatType,
    pub value: StatValue,
}

/// The values of every matching entry, read in one consistent pass, sorted by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// The segment epoch the values were read under.
    pub epoch: u64,
    pub entries: Vec<SnapshotEntry>,
}

impl Snapshot {
    pub fn get(&self, name: &str) -> Option<&StatValue> {
        self.entries
            .binary_search_by(|e| (*e.name).cmp(name))
            .ok()
            .map(|i| &self.entries[i].value)
    }

    pub fn iter(&self) -> impl Iterator<Item = &SnapshotEntry> {
        self.entries.iter()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(packets: u64, bytes: u64) -> CombinedCounter {
        CombinedCounter { packets, bytes }
    }

    #[test]
    fn sums_over_threads() {
        let simple = StatValue::Simple(vec![vec![1, 2, 3], vec![10, 20]]);
        assert_eq!(simple.sum(), Some(36));
        assert_eq!(simple.simple_by_index(), Some(vec![11, 22, 3]));
        assert_eq!(simple.sum_combined(), None);

        let combined = StatValue::Combined(vec![vec![c(1, 64)], vec![c(2, 128), c(5, 5)]]);
        assert_eq!(combined.sum_combined(), Some(c(8, 197)));
        assert_eq!(combined.combined_by_index(), Some(vec![c(3, 192), c(5, 5)]));
        assert_eq!(combined.sum(), None);

        assert_eq!(StatValue::SimpleElement(vec![4, 5]).sum(), Some(9));
        assert_eq!(
            StatValue::CombinedElement(vec![c(1, 2), c(3, 4)]).sum_combined(),
            Some(c(4, 6))
        );
        assert_eq!(StatValue::Gauge(7).sum(), Some(7));
    }

    #[test]
    fn snapshot_lookup_by_name() {
        let entry = |name: &str, v| SnapshotEntry {
            name: name.into(),
            stat_type: StatType::Gauge,
            value: StatValue::Gauge(v),
        };
        let snap = Snapshot {
            epoch: 1,
            entries: vec![entry("/a", 1), entry("/b", 2), entry("/c", 3)],
        };
        assert_eq!(snap.get("/b"), Some(&StatValue::Gauge(2)));
        assert_eq!(snap.get("/d"), None);
    }
}
