//! Space management inside the simulator's segment.
//!
//! VPP runs a real allocator in the segment; the simulator needs far less, but it grows and
//! frees vectors for as long as it runs (interfaces come and go), so freed blocks are reused:
//! first fit over an offset-ordered free list, merging neighbours on free.

use std::collections::BTreeMap;

#[derive(Debug)]
pub(super) struct Heap {
    /// Free blocks: start offset → length. Never adjacent (merged on free).
    free: BTreeMap<usize, usize>,
    in_use: usize,
}

impl Heap {
    pub fn new(start: usize, end: usize) -> Self {
        let mut free = BTreeMap::new();
        if end > start {
            free.insert(start, end - start);
        }
        Self { free, in_use: 0 }
    }

    /// Finds `size` bytes starting at a multiple of `align` (a power of two).
    pub fn alloc(&mut self, size: usize, align: usize) -> Option<usize> {
        let (start, len, at) = self.free.iter().find_map(|(&start, &len)| {
            let at = start.checked_next_multiple_of(align)?;
            (at.checked_add(size)? <= start + len).then_some((start, len, at))
        })?;
        self.free.remove(&start);
        if at > start {
            self.free.insert(start, at - start);
        }
        let end = start + len;
        if at + size < end {
            self.free.insert(at + size, end - at - size);
        }
        self.in_use += size;
        Some(at)
    }

    pub fn free(&mut self, start: usize, size: usize) {
        self.in_use -= size;
        let mut start = start;
        let mut size = size;
        if let Some((&prev, &prev_len)) = self.free.range(..start).next_back() {
            if prev + prev_len == start {
                self.free.remove(&prev);
                start = prev;
                size += prev_len;
            }
        }
        if let Some(next_len) = self.free.remove(&(start + size)) {
            size += next_len;
        }
        self.free.insert(start, size);
    }

    pub fn in_use(&self) -> usize {
        self.in_use
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_fit_aligned_and_merging() {
        let mut heap = Heap::new(4096, 4096 + 1024);
        let a = heap.alloc(100, 64).unwrap();
        assert_eq!(a % 64, 0);
        let b = heap.alloc(200, 8).unwrap();
        let c = heap.alloc(300, 8).unwrap();
        assert!(b >= a + 100 && c >= b + 200);
        assert!(heap.alloc(1000, 8).is_none());
        heap.free(b, 200);
        heap.free(a, 100);
        heap.free(c, 300);
        assert_eq!(heap.in_use(), 0);
        // Everything merged back into one block.
        assert_eq!(heap.alloc(1024, 8), Some(4096));
    }
}
