//! Hand-built segments for unit tests.
//!
//! Deliberately independent of the simulator's writer: a plain byte buffer laid out by hand,
//! so a layout mistake in the writer cannot hide behind the same mistake here.

use std::mem::size_of;

use super::layout::*;
use super::segment::{Segment, SegmentMut};

pub struct TestSegment {
    bytes: Vec<u8>,
    next: usize,
    entries: Vec<(u32, u64, String)>,
}

impl TestSegment {
    /// A plausible VPP mapping address, page-aligned like the golden capture's.
    pub const BASE: u64 = 0x7f00_1234_0000;
    const SIZE: usize = 1 << 16;

    pub fn new() -> Self {
        let mut t = Self {
            bytes: vec![0; Self::SIZE],
            next: HEAP_START,
            entries: Vec::new(),
        };
        t.put(HDR_VERSION, SEGMENT_VERSION);
        t.put(HDR_BASE, Self::BASE);
        t.put(HDR_EPOCH, 1);
        t
    }

    pub fn put(&mut self, offset: usize, value: u64) {
        self.bytes[offset..offset + 8].copy_from_slice(&value.to_ne_bytes());
    }

    fn alloc(&mut self, data: &[u8], len: u32) -> u64 {
        let at = (self.next + VEC_HEADER_LEN).next_multiple_of(8);
        self.bytes[at - 8..at - 4].copy_from_slice(&len.to_ne_bytes());
        self.bytes[at..at + data.len()].copy_from_slice(data);
        self.next = (at + data.len()).next_multiple_of(8);
        Self::BASE + at as u64
    }

    /// A vector of u64s (counters or pointers); the `_elem`/`_align` arguments document intent.
    pub fn vector(&mut self, values: &[u64], _elem: usize, _align: usize) -> u64 {
        let data: Vec<u8> = values.iter().flat_map(|v| v.to_ne_bytes()).collect();
        self.alloc(&data, values.len() as u32)
    }

    pub fn combined(&mut self, values: &[(u64, u64)]) -> u64 {
        let data: Vec<u8> = values
            .iter()
            .flat_map(|(p, b)| [p.to_ne_bytes(), b.to_ne_bytes()])
            .flatten()
            .collect();
        self.alloc(&data, values.len() as u32)
    }

    /// A VPP string vector: the bytes plus a NUL, counted in the length.
    pub fn string(&mut self, s: &str) -> u64 {
        let mut data = s.as_bytes().to_vec();
        data.push(0);
        self.alloc(&data, data.len() as u32)
    }

    pub fn set_vec_len(&mut self, ptr: u64, len: u32) {
        let at = (ptr - Self::BASE) as usize;
        self.bytes[at - 8..at - 4].copy_from_slice(&len.to_ne_bytes());
    }

    pub fn entry(&mut self, stat_type: StatType, value: u64, name: &str) -> u32 {
        self.entries
            .push((stat_type.code(), value, name.to_owned()));
        (self.entries.len() - 1) as u32
    }

    /// Per-thread simple counters: returns the entry value (pointer to the thread vector).
    pub fn simple(&mut self, per_thread: &[&[u64]]) -> u64 {
        let ptrs: Vec<u64> = per_thread.iter().map(|t| self.vector(t, 8, 8)).collect();
        self.vector(&ptrs, 8, 8)
    }

    pub fn combined_threads(&mut self, per_thread: &[&[(u64, u64)]]) -> u64 {
        let ptrs: Vec<u64> = per_thread.iter().map(|t| self.combined(t)).collect();
        self.vector(&ptrs, 8, 8)
    }

    fn layout(mut self) -> Vec<u8> {
        let mut dir = Vec::with_capacity(self.entries.len() * ENTRY_SIZE);
        for (code, value, name) in &self.entries {
            let mut e = [0u8; ENTRY_SIZE];
            e[ENTRY_TYPE..ENTRY_TYPE + 4].copy_from_slice(&code.to_ne_bytes());
            e[ENTRY_VALUE..ENTRY_VALUE + 8].copy_from_slice(&value.to_ne_bytes());
            let n = name.len().min(NAME_LEN);
            e[ENTRY_NAME..ENTRY_NAME + n].copy_from_slice(&name.as_bytes()[..n]);
            dir.extend_from_slice(&e);
        }
        let count = self.entries.len() as u32;
        let ptr = self.alloc(&dir, count);
        self.put(HDR_DIRECTORY, ptr);
        self.bytes
    }

    /// Lays out the directory and maps the result read-only.
    pub fn finish(self) -> Segment {
        self.finish_mut().1
    }

    /// Like `finish`, keeping a writable mapping of the same memory for tests that change
    /// the segment under the reader.
    pub fn finish_mut(self) -> (SegmentMut, Segment) {
        let bytes = self.layout();
        let seg = SegmentMut::create_memfd("vppx-test", bytes.len()).unwrap();
        for (i, word) in bytes.chunks_exact(size_of::<u64>()).enumerate() {
            let word = u64::from_ne_bytes(word.try_into().unwrap());
            if word != 0 {
                seg.store_u64("test", i * 8, word).unwrap();
            }
        }
        let reader = Segment::from_fd(seg.fd().try_clone_to_owned().unwrap()).unwrap();
        (seg, reader)
    }

    /// Raw bytes, for truncation tests.
    pub fn into_bytes(self) -> Vec<u8> {
        self.layout()
    }
}
