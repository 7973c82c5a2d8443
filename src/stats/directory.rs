//! The directory: every entry's name, type and union word, parsed once per epoch.
//!
//! Reading 5,000 names is the expensive part of a poll, and VPP only changes names and
//! types under an epoch bump, so the parsed directory is cached by the client and rebuilt
//! only when the epoch moves. Values are never cached here.

use std::collections::HashMap;
use std::sync::Arc;

use super::error::{Result, StatsError};
use super::layout::{
    symlink_parts, StatType, ENTRY_NAME, ENTRY_SIZE, ENTRY_TYPE, ENTRY_VALUE, NAME_LEN,
};
use super::vector::{VecRef, View};

/// One directory entry as of the cached epoch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    name: Arc<str>,
    stat_type: StatType,
    index: usize,
    /// The union word when the directory was read; values re-read it on every poll.
    value: u64,
}

impl DirEntry {
    pub fn name(&self) -> &str {
        &self.name
    }

    pub(crate) fn shared_name(&self) -> &Arc<str> {
        &self.name
    }

    pub fn stat_type(&self) -> StatType {
        self.stat_type
    }

    /// Position in VPP's directory vector; symlinks refer to targets by it.
    pub fn index(&self) -> usize {
        self.index
    }

    /// For a symlink: (target directory index, element index in the target).
    pub fn symlink_target(&self) -> Option<(usize, u32)> {
        (self.stat_type == StatType::Symlink).then(|| {
            let (target, element) = symlink_parts(self.value);
            (target as usize, element)
        })
    }

    /// Entries a listing shows: deleted and illegal slots are holes, not counters.
    fn listed(&self) -> bool {
        !matches!(self.stat_type, StatType::Empty | StatType::Illegal)
    }
}

#[derive(Debug)]
pub(crate) struct Directory {
    pub epoch: u64,
    /// The directory vector as found in the header for this epoch.
    pub vector: VecRef,
    pub entries: Vec<DirEntry>,
    /// Indices of listed entries, sorted by name, one per name (the last entry of a
    /// duplicated name wins, as in vpp_papi).
    pub sorted: Vec<usize>,
    by_name: HashMap<Arc<str>, usize>,
}

impl Directory {
    pub fn read(view: View<'_>, directory_ptr: u64, epoch: u64) -> Result<Self> {
        let vector = view.vector("directory vector", directory_ptr, ENTRY_SIZE, 8)?;
        let mut entries = Vec::with_capacity(vector.len);
        let mut by_name = HashMap::with_capacity(vector.len);
        let mut raw = Vec::with_capacity(NAME_LEN);
        for index in 0..vector.len {
            let at = vector.offset + index * ENTRY_SIZE;
            let code = view.seg.u32("directory entry type", at + ENTRY_TYPE)?;
            let value = view.seg.u64("directory entry value", at + ENTRY_VALUE)?;
            raw.clear();
            view.seg
                .bytes("directory entry name", at + ENTRY_NAME, NAME_LEN, &mut raw)?;
            // VPP NUL-terminates; a name filling all 128 bytes is taken whole rather than
            // rejected, so one odd entry cannot hide the rest of the directory.
            let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
            let name: Arc<str> = String::from_utf8_lossy(&raw[..end]).into();
            let entry = DirEntry {
                name: name.clone(),
                stat_type: StatType::from_code(code),
                index,
                value,
            };
            if entry.listed() {
                by_name.insert(name, index);
            }
            entries.push(entry);
        }
        let mut sorted: Vec<usize> = by_name.values().copied().collect();
        sorted.sort_unstable_by(|&a, &b| entries[a].name.cmp(&entries[b].name));
        Ok(Self {
            epoch,
            vector,
            entries,
            sorted,
            by_name,
        })
    }

    pub fn find(&self, name: &str) -> Option<&DirEntry> {
        self.by_name.get(name).map(|&i| &self.entries[i])
    }

    pub fn listed(&self) -> impl Iterator<Item = &DirEntry> {
        self.sorted.iter().map(|&i| &self.entries[i])
    }

    /// Re-reads an entry's union word: scalars and gauges change in place, and VPP may
    /// move a vector it grows.
    pub fn current_value(&self, view: View<'_>, index: usize) -> Result<u64> {
        view.seg.u64(
            "directory entry value",
            self.vector.offset + index * ENTRY_SIZE + ENTRY_VALUE,
        )
    }

    /// The entry a symlink points at, checked to exist.
    pub fn symlink_target(&self, entry: &DirEntry) -> Result<(&DirEntry, u32)> {
        let (target, element) = entry
            .symlink_target()
            .ok_or_else(|| StatsError::BadSymlink {
                name: entry.name.to_string(),
                reason: "not a symlink".into(),
            })?;
        let target = self
            .entries
            .get(target)
            .ok_or_else(|| StatsError::BadSymlink {
                name: entry.name.to_string(),
                reason: format!(
                    "target index {target} is beyond the directory ({})",
                    self.entries.len()
                ),
            })?;
        Ok((target, element))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::testseg::TestSegment;
    use crate::stats::vector::SegmentHeader;

    fn read(t: TestSegment) -> Directory {
        let seg = t.finish();
        let header = SegmentHeader::read(&seg).unwrap();
        let view = View {
            seg: &seg,
            base: header.base,
        };
        Directory::read(view, header.directory, header.epoch).unwrap()
    }

    #[test]
    fn lists_sorted_without_holes_and_last_duplicate_wins() {
        let mut t = TestSegment::new();
        t.entry(StatType::Gauge, 1, "/b");
        t.entry(StatType::Empty, 0, "");
        t.entry(StatType::ScalarIndex, 2, "/a");
        t.entry(StatType::Gauge, 3, "/b");
        let long = "x".repeat(200);
        t.entry(StatType::Other(77), 0, &long);
        let dir = read(t);
        let names: Vec<_> = dir.listed().map(|e| (e.name().len(), e.index())).collect();
        assert_eq!(names, [(2, 2), (2, 3), (128, 4)]);
        assert_eq!(dir.find("/b").unwrap().index(), 3);
        assert_eq!(dir.find("/a").unwrap().stat_type(), StatType::ScalarIndex);
        assert!(dir.find("").is_none());
    }

    #[test]
    fn symlink_to_missing_index_is_reported() {
        let mut t = TestSegment::new();
        t.entry(
            StatType::Symlink,
            crate::stats::layout::symlink_value(9, 0),
            "/l",
        );
        let dir = read(t);
        let link = dir.find("/l").unwrap();
        assert_eq!(link.symlink_target(), Some((9, 0)));
        assert!(matches!(
            dir.symlink_target(link),
            Err(StatsError::BadSymlink { .. })
        ));
    }
}
