//! The simulator's stats segment: a memfd laid out exactly as VPP lays out its own, so that
//! vppx's reader and FD.io's `vpp_papi` read it unchanged.
//!
//! One file, past 600 lines: the segment is written where its layout is defined, so the
//! offsets VPP's readers rely on are in one place.
//!
//! Layout, as in VPP: the shared header at offset 0; vectors from one page in, each with its
//! 8-byte header just before element 0; every pointer an address in a pretend VPP mapping
//! (`base + offset`), names with their trailing NUL. Counter updates write straight into the
//! mapping; anything that changes the directory's shape (adding, growing, renaming,
//! removing) happens with `in_progress` set and ends with an `epoch` bump, which is what
//! readers key their caches on. The server that hands the memfd out lives in [`server`].

mod heap;
pub mod server;

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{fence, Ordering};

use crate::stats::layout::*;
use crate::stats::{CombinedCounter, Result, Segment, SegmentMut, StatsError};
use heap::Heap;
pub use server::StatsServer;

/// How the segment is made.
#[derive(Debug, Clone)]
pub struct SegmentOptions {
    /// Bytes in the memfd; VPP's default is 32 MiB.
    pub size: usize,
    /// The address VPP would have mapped the segment at: pointers are `base + offset`.
    pub base: u64,
}

impl Default for SegmentOptions {
    fn default() -> Self {
        Self {
            size: 32 << 20,
            // The base of the golden capture's segment: a real VPP's kind of address.
            base: 0x7f97_9184_5000,
        }
    }
}

/// A handle on one entry. Carries a generation so that a handle to a removed entry cannot
/// write into whatever later reuses its directory slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EntryId {
    index: u32,
    generation: u32,
}

impl EntryId {
    /// The entry's directory index (what symlinks refer to).
    pub fn index(self) -> u32 {
        self.index
    }
}

/// A vector allocated in the segment.
#[derive(Debug, Clone, Copy)]
struct Vector {
    /// Start of the allocated block (header region included).
    block: usize,
    block_len: usize,
    /// Offset of element 0.
    data: usize,
    capacity: usize,
    elem_size: usize,
}

#[derive(Debug)]
struct Counters {
    /// The per-thread pointer vector the entry's union points at; sized once, never moves.
    threads: Vector,
    data: Vec<Vector>,
    len: usize,
}

#[derive(Debug)]
struct Names {
    slots: Vector,
    names: Vec<Option<Vector>>,
}

#[derive(Debug)]
enum Kind {
    Free,
    Scalar,
    Gauge,
    Simple(Counters),
    Combined(Counters),
    Names(Names),
    Symlink { target: u32 },
}

impl Kind {
    fn stat_type(&self) -> StatType {
        match self {
            Kind::Free => StatType::Empty,
            Kind::Scalar => StatType::ScalarIndex,
            Kind::Gauge => StatType::Gauge,
            Kind::Simple(_) => StatType::CounterVectorSimple,
            Kind::Combined(_) => StatType::CounterVectorCombined,
            Kind::Names(_) => StatType::NameVector,
            Kind::Symlink { .. } => StatType::Symlink,
        }
    }
}

#[derive(Debug)]
struct Slot {
    generation: u32,
    name: String,
    kind: Kind,
}

/// The writer. One owner (the simulator's model) mutates it; readers live in other
/// processes or threads and see it only through the mapping.
#[derive(Debug)]
pub struct StatSegment {
    seg: SegmentMut,
    base: u64,
    heap: Heap,
    directory: Vector,
    slots: Vec<Slot>,
    free_slots: BTreeSet<u32>,
    by_name: HashMap<String, u32>,
    epoch: u64,
}

/// Vectors of counters are cache-line aligned in VPP, so threads do not share lines.
const COUNTER_ALIGN: usize = 64;
const WORD: usize = 8;
const WHAT: &str = "simulator stats segment";

impl StatSegment {
    pub fn create(options: &SegmentOptions) -> Result<Self> {
        let seg = SegmentMut::create_memfd("stat segment", options.size)?;
        let size = seg.len();
        let mut this = Self {
            seg,
            base: options.base,
            heap: Heap::new(HEAP_START, size),
            directory: Vector {
                block: 0,
                block_len: 0,
                data: 0,
                capacity: 0,
                elem_size: ENTRY_SIZE,
            },
            slots: Vec::new(),
            free_slots: BTreeSet::new(),
            by_name: HashMap::new(),
            epoch: 0,
        };
        this.directory = this.alloc_vector(ENTRY_SIZE, 64, WORD)?;
        this.write_vec_header(&this.directory, 0)?;
        let store = |at, v| this.seg.store_u64(WHAT, at, v);
        store(HDR_VERSION, SEGMENT_VERSION)?;
        store(HDR_BASE, this.base)?;
        store(HDR_DIRECTORY, this.ptr(this.directory.data))?;
        store(HDR_ERROR_VECTOR, 0)?;
        this.lock()?;
        this.unlock()?;
        Ok(this)
    }

    /// A read-only mapping of the same memory, as a client would get it.
    pub fn reader(&self) -> Result<Segment> {
        let fd = self
            .seg
            .fd()
            .try_clone_to_owned()
            .map_err(StatsError::Map)?;
        Segment::from_fd(fd)
    }

    /// Starts serving the memfd on a `SOCK_SEQPACKET` socket at `path`.
    pub fn serve(&self, path: impl AsRef<std::path::Path>) -> Result<StatsServer> {
        let fd = self
            .seg
            .fd()
            .try_clone_to_owned()
            .map_err(StatsError::Server)?;
        StatsServer::start(path, fd)
    }

    pub fn base(&self) -> u64 {
        self.base
    }

    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// Bytes of the heap in use, for a `/mem/stat segment`-style report.
    pub fn heap_in_use(&self) -> usize {
        self.heap.in_use()
    }

    pub fn find(&self, name: &str) -> Option<EntryId> {
        self.by_name.get(name).map(|&index| EntryId {
            index,
            generation: self.slots[index as usize].generation,
        })
    }

    // ----- adding entries -----

    pub fn add_scalar(&mut self, name: &str, value: u64) -> Result<EntryId> {
        self.add(name, Kind::Scalar, value)
    }

    pub fn add_gauge(&mut self, name: &str, value: u64) -> Result<EntryId> {
        self.add(name, Kind::Gauge, value)
    }

    /// A simple counter vector: `threads` threads (thread 0 is main), `len` zeroed counters
    /// each.
    pub fn add_simple(&mut self, name: &str, threads: usize, len: usize) -> Result<EntryId> {
        let counters = self.alloc_counters(threads, len, WORD)?;
        let ptr = self.ptr(counters.threads.data);
        self.add(name, Kind::Simple(counters), ptr)
    }

    pub fn add_combined(&mut self, name: &str, threads: usize, len: usize) -> Result<EntryId> {
        let counters = self.alloc_counters(threads, len, COMBINED_SIZE)?;
        let ptr = self.ptr(counters.threads.data);
        self.add(name, Kind::Combined(counters), ptr)
    }

    /// A name vector (e.g. `/if/names`, indexed by sw_if_index).
    pub fn add_names(&mut self, name: &str, names: &[&str]) -> Result<EntryId> {
        let slots = self.alloc_vector(WORD, names.len().max(4), WORD)?;
        self.write_vec_header(&slots, names.len())?;
        let mut entry = Names {
            slots,
            names: Vec::with_capacity(names.len()),
        };
        for (i, n) in names.iter().enumerate() {
            let string = self.alloc_string(n)?;
            self.seg
                .store_u64(WHAT, slots.data + i * WORD, self.ptr(string.data))?;
            entry.names.push(Some(string));
        }
        let ptr = self.ptr(slots.data);
        self.add(name, Kind::Names(entry), ptr)
    }

    /// A symlink to element `index` of a simple or combined vector, as VPP makes
    /// `/interfaces/<if>/rx` → `/if/rx` at the interface's sw_if_index.
    pub fn add_symlink(&mut self, name: &str, target: EntryId, index: u32) -> Result<EntryId> {
        let slot = self.slot(target)?;
        if !matches!(slot.kind, Kind::Simple(_) | Kind::Combined(_)) {
            return Err(StatsError::WrongType {
                name: slot.name.clone(),
                expected: "a counter vector",
                actual: slot.kind.stat_type().as_str(),
            });
        }
        self.add(
            name,
            Kind::Symlink {
                target: target.index,
            },
            symlink_value(target.index, index),
        )
    }

    // ----- the hot path: values -----

    /// Sets a scalar or gauge.
    pub fn set_scalar(&self, id: EntryId, value: u64) -> Result<()> {
        let slot = self.slot(id)?;
        match slot.kind {
            Kind::Scalar | Kind::Gauge => {
                self.seg
                    .store_u64(WHAT, self.entry_offset(id.index) + ENTRY_VALUE, value)
            }
            _ => Err(wrong(slot, "a scalar or gauge")),
        }
    }

    pub fn set_simple(&self, id: EntryId, thread: usize, index: usize, value: u64) -> Result<()> {
        let at = self.element(id, thread, index, WORD)?;
        self.seg.store_u64(WHAT, at, value)
    }

    pub fn add_to_simple(
        &self,
        id: EntryId,
        thread: usize,
        index: usize,
        delta: u64,
    ) -> Result<()> {
        let at = self.element(id, thread, index, WORD)?;
        self.seg.add_u64(WHAT, at, delta)
    }

    pub fn set_combined(
        &self,
        id: EntryId,
        thread: usize,
        index: usize,
        value: CombinedCounter,
    ) -> Result<()> {
        let at = self.element(id, thread, index, COMBINED_SIZE)?;
        self.seg.store_u64(WHAT, at, value.packets)?;
        self.seg.store_u64(WHAT, at + WORD, value.bytes)
    }

    pub fn add_to_combined(
        &self,
        id: EntryId,
        thread: usize,
        index: usize,
        delta: CombinedCounter,
    ) -> Result<()> {
        let at = self.element(id, thread, index, COMBINED_SIZE)?;
        self.seg.add_u64(WHAT, at, delta.packets)?;
        self.seg.add_u64(WHAT, at + WORD, delta.bytes)
    }

    // ----- changing the shape -----

    /// Grows (or shrinks) a simple or combined vector on every thread; new elements are
    /// zero. Done under `in_progress` with an epoch bump, as VPP does when it validates a
    /// counter for a new interface.
    pub fn resize(&mut self, id: EntryId, len: usize) -> Result<()> {
        let current = self.slot(id)?;
        let elem = match current.kind {
            Kind::Simple(_) => WORD,
            Kind::Combined(_) => COMBINED_SIZE,
            _ => return Err(wrong(current, "a counter vector")),
        };
        let slot = id.index as usize;
        let mut counters = match std::mem::replace(&mut self.slots[slot].kind, Kind::Free) {
            Kind::Simple(c) | Kind::Combined(c) => c,
            other => {
                self.slots[slot].kind = other;
                return Ok(());
            }
        };
        self.lock()?;
        let result = self.resize_counters(&mut counters, len);
        self.slots[slot].kind = if elem == WORD {
            Kind::Simple(counters)
        } else {
            Kind::Combined(counters)
        };
        self.unlock()?;
        result
    }

    /// Sets (or clears, with `None`) the name at `index` of a name vector, growing it.
    pub fn set_name(&mut self, id: EntryId, index: usize, name: Option<&str>) -> Result<()> {
        let slot = self.slot(id)?;
        if !matches!(slot.kind, Kind::Names(_)) {
            return Err(wrong(slot, "a name vector"));
        }
        let string = name.map(|n| self.alloc_string(n)).transpose()?;
        let Kind::Names(mut names) =
            std::mem::replace(&mut self.slots[id.index as usize].kind, Kind::Free)
        else {
            return Ok(());
        };
        self.lock()?;
        let result = self.store_name(&mut names, index, string);
        let ptr = self.ptr(names.slots.data);
        self.slots[id.index as usize].kind = Kind::Names(names);
        let stored = self
            .seg
            .store_u64(WHAT, self.entry_offset(id.index) + ENTRY_VALUE, ptr);
        self.unlock()?;
        result.and(stored)
    }

    /// Deletes an entry: its slot becomes EMPTY (and is reused by a later add), its memory
    /// is freed. Entries that symlinks point at must lose those first, as in VPP.
    pub fn remove(&mut self, id: EntryId) -> Result<()> {
        let name = self.slot(id)?.name.clone();
        let linked = self
            .slots
            .iter()
            .any(|s| matches!(s.kind, Kind::Symlink { target } if target == id.index));
        if linked {
            return Err(StatsError::InUse(name));
        }
        self.lock()?;
        let slot = &mut self.slots[id.index as usize];
        let kind = std::mem::replace(&mut slot.kind, Kind::Free);
        slot.generation = slot.generation.wrapping_add(1);
        slot.name.clear();
        self.by_name.remove(&name);
        self.free_slots.insert(id.index);
        let written = self.write_entry(id.index, StatType::Empty, 0, "");
        self.unlock()?;
        match kind {
            Kind::Simple(c) | Kind::Combined(c) => {
                for v in c.data.iter().chain([&c.threads]) {
                    self.heap.free(v.block, v.block_len);
                }
            }
            Kind::Names(n) => {
                for v in n.names.iter().flatten().chain([&n.slots]) {
                    self.heap.free(v.block, v.block_len);
                }
            }
            Kind::Free | Kind::Scalar | Kind::Gauge | Kind::Symlink { .. } => {}
        }
        written
    }

    // ----- internals -----

    fn add(&mut self, name: &str, kind: Kind, value: u64) -> Result<EntryId> {
        if name.len() >= NAME_LEN {
            return Err(StatsError::NameTooLong {
                name: name.to_owned(),
                max: NAME_LEN - 1,
            });
        }
        if self.by_name.contains_key(name) {
            return Err(StatsError::Duplicate(name.to_owned()));
        }
        self.lock()?;
        let result = self.place(name, kind, value);
        self.unlock()?;
        result
    }

    fn place(&mut self, name: &str, kind: Kind, value: u64) -> Result<EntryId> {
        let stat_type = kind.stat_type();
        let index = match self.free_slots.pop_first() {
            Some(index) => index,
            None => {
                let index = self.slots.len();
                if index == self.directory.capacity {
                    self.grow_directory()?;
                }
                self.write_vec_header(&self.directory, index + 1)?;
                self.slots.push(Slot {
                    generation: 0,
                    name: String::new(),
                    kind: Kind::Free,
                });
                index as u32
            }
        };
        let slot = &mut self.slots[index as usize];
        slot.name = name.to_owned();
        slot.kind = kind;
        let generation = slot.generation;
        self.by_name.insert(name.to_owned(), index);
        self.write_entry(index, stat_type, value, name)?;
        Ok(EntryId { index, generation })
    }

    fn grow_directory(&mut self) -> Result<()> {
        let old = self.directory;
        let new = self.alloc_vector(ENTRY_SIZE, old.capacity * 2, WORD)?;
        for w in (0..old.capacity * ENTRY_SIZE).step_by(WORD) {
            let word = self.seg.load_u64(WHAT, old.data + w)?;
            self.seg.store_u64(WHAT, new.data + w, word)?;
        }
        self.seg
            .store_u64(WHAT, HDR_DIRECTORY, self.ptr(new.data))?;
        self.directory = new;
        self.heap.free(old.block, old.block_len);
        Ok(())
    }

    fn write_entry(&self, index: u32, stat_type: StatType, value: u64, name: &str) -> Result<()> {
        let at = self.entry_offset(index);
        self.seg
            .store_u64(WHAT, at + ENTRY_TYPE, u64::from(stat_type.code()))?;
        self.seg.store_u64(WHAT, at + ENTRY_VALUE, value)?;
        let mut field = [0u8; NAME_LEN];
        field[..name.len()].copy_from_slice(name.as_bytes());
        self.store_bytes(at + ENTRY_NAME, &field)
    }

    fn entry_offset(&self, index: u32) -> usize {
        self.directory.data + index as usize * ENTRY_SIZE
    }

    fn slot(&self, id: EntryId) -> Result<&Slot> {
        self.slots
            .get(id.index as usize)
            .filter(|s| s.generation == id.generation && !matches!(s.kind, Kind::Free))
            .ok_or(StatsError::NoSuchEntry)
    }

    /// Offset of one counter element, every index checked.
    fn element(&self, id: EntryId, thread: usize, index: usize, elem: usize) -> Result<usize> {
        let slot = self.slot(id)?;
        let counters = match (&slot.kind, elem) {
            (Kind::Simple(c), WORD) | (Kind::Combined(c), COMBINED_SIZE) => c,
            _ => {
                let expected = if elem == WORD {
                    "a simple counter"
                } else {
                    "a combined counter"
                };
                return Err(wrong(slot, expected));
            }
        };
        let data = counters
            .data
            .get(thread)
            .ok_or_else(|| StatsError::OutOfRange {
                what: format!("{} thread", slot.name),
                index: thread,
                len: counters.data.len(),
            })?;
        if index >= counters.len {
            return Err(StatsError::OutOfRange {
                what: slot.name.clone(),
                index,
                len: counters.len,
            });
        }
        Ok(data.data + index * elem)
    }

    fn alloc_counters(&mut self, threads: usize, len: usize, elem: usize) -> Result<Counters> {
        let thread_vec = self.alloc_vector(WORD, threads, WORD)?;
        self.write_vec_header(&thread_vec, threads)?;
        let mut counters = Counters {
            threads: thread_vec,
            data: Vec::with_capacity(threads),
            len,
        };
        for t in 0..threads {
            let v = self.alloc_vector(elem, len, COUNTER_ALIGN)?;
            self.write_vec_header(&v, len)?;
            self.seg
                .store_u64(WHAT, thread_vec.data + t * WORD, self.ptr(v.data))?;
            counters.data.push(v);
        }
        Ok(counters)
    }

    fn resize_counters(&mut self, counters: &mut Counters, len: usize) -> Result<()> {
        for t in 0..counters.data.len() {
            let old = counters.data[t];
            if len <= old.capacity {
                // Expose zeroes, not what a shrink left behind.
                for i in counters.len.min(len)..len {
                    for w in (0..old.elem_size).step_by(WORD) {
                        self.seg
                            .store_u64(WHAT, old.data + i * old.elem_size + w, 0)?;
                    }
                }
                self.write_vec_header(&old, len)?;
                continue;
            }
            let new = self.alloc_vector(old.elem_size, len.next_power_of_two(), COUNTER_ALIGN)?;
            for w in (0..counters.len.min(len) * old.elem_size).step_by(WORD) {
                let word = self.seg.load_u64(WHAT, old.data + w)?;
                self.seg.store_u64(WHAT, new.data + w, word)?;
            }
            self.write_vec_header(&new, len)?;
            self.seg
                .store_u64(WHAT, counters.threads.data + t * WORD, self.ptr(new.data))?;
            counters.data[t] = new;
            self.heap.free(old.block, old.block_len);
        }
        counters.len = len;
        Ok(())
    }

    fn store_name(
        &mut self,
        names: &mut Names,
        index: usize,
        string: Option<Vector>,
    ) -> Result<()> {
        if index >= names.slots.capacity {
            let new = self.alloc_vector(WORD, (index + 1).next_power_of_two(), WORD)?;
            for w in (0..names.names.len() * WORD).step_by(WORD) {
                let word = self.seg.load_u64(WHAT, names.slots.data + w)?;
                self.seg.store_u64(WHAT, new.data + w, word)?;
            }
            self.heap.free(names.slots.block, names.slots.block_len);
            names.slots = new;
        }
        if index >= names.names.len() {
            names.names.resize(index + 1, None);
        }
        self.write_vec_header(&names.slots, names.names.len())?;
        let ptr = string.map_or(0, |s| self.ptr(s.data));
        self.seg
            .store_u64(WHAT, names.slots.data + index * WORD, ptr)?;
        if let Some(old) = std::mem::replace(&mut names.names[index], string) {
            self.heap.free(old.block, old.block_len);
        }
        Ok(())
    }

    /// A VPP string: the bytes and a NUL, the NUL counted in the vector length.
    fn alloc_string(&mut self, s: &str) -> Result<Vector> {
        let mut bytes = s.as_bytes().to_vec();
        bytes.push(0);
        let v = self.alloc_vector(1, bytes.len(), WORD)?;
        self.write_vec_header(&v, bytes.len())?;
        self.store_bytes(v.data, &bytes)?;
        Ok(v)
    }

    /// Allocates a zeroed vector with room for `capacity` elements, its data aligned to
    /// `align`, and the header region (VPP's `hdr_size`) of `align` bytes before it.
    fn alloc_vector(&mut self, elem_size: usize, capacity: usize, align: usize) -> Result<Vector> {
        let header = align.max(VEC_HEADER_LEN);
        let data_len = elem_size
            .checked_mul(capacity)
            .and_then(|n| n.checked_next_multiple_of(WORD))
            .ok_or(StatsError::Full { needed: usize::MAX })?;
        let block_len = header + data_len.max(WORD);
        let block = self
            .heap
            .alloc(block_len, align)
            .ok_or(StatsError::Full { needed: block_len })?;
        for w in (block..block + block_len).step_by(WORD) {
            self.seg.store_u64(WHAT, w, 0)?;
        }
        Ok(Vector {
            block,
            block_len,
            data: block + header,
            capacity,
            elem_size,
        })
    }

    /// VPP's vector header: `u32 len; u8 hdr_size (in 8-byte units); u8 log2_align;
    /// u8 grow_elts; u8 pad`.
    fn write_vec_header(&self, v: &Vector, len: usize) -> Result<()> {
        let hdr_size = ((v.data - v.block) / WORD) as u64;
        let log2_align = u64::from(v.data.trailing_zeros().min(6));
        let grow = v.capacity.saturating_sub(len).min(255) as u64;
        let word = (len as u64 & 0xffff_ffff) | hdr_size << 32 | log2_align << 40 | grow << 48;
        self.seg.store_u64(WHAT, v.data - VEC_HEADER_LEN, word)
    }

    /// Writes bytes as whole native-order words (readers load words; the tail is zero-padded).
    fn store_bytes(&self, at: usize, bytes: &[u8]) -> Result<()> {
        for (i, chunk) in bytes.chunks(WORD).enumerate() {
            let mut word = [0u8; WORD];
            word[..chunk.len()].copy_from_slice(chunk);
            self.seg
                .store_u64(WHAT, at + i * WORD, u64::from_ne_bytes(word))?;
        }
        Ok(())
    }

    fn ptr(&self, offset: usize) -> u64 {
        self.base + offset as u64
    }

    fn lock(&self) -> Result<()> {
        self.seg.store_u64(WHAT, HDR_IN_PROGRESS, 1)?;
        fence(Ordering::Release);
        Ok(())
    }

    fn unlock(&mut self) -> Result<()> {
        fence(Ordering::Release);
        self.epoch += 1;
        self.seg.store_u64(WHAT, HDR_EPOCH, self.epoch)?;
        fence(Ordering::Release);
        self.seg.store_u64(WHAT, HDR_IN_PROGRESS, 0)
    }
}

fn wrong(slot: &Slot, expected: &'static str) -> StatsError {
    StatsError::WrongType {
        name: slot.name.clone(),
        expected,
        actual: slot.kind.stat_type().as_str(),
    }
}

#[cfg(test)]
mod tests;
