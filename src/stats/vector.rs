//! VPP's memory model inside the segment: the shared header, pointers, vectors.
//!
//! Every pointer in the segment is an address in *VPP's* mapping; this module turns it into
//! an offset in ours and checks that the object behind it fits, so that code above it reads
//! entries and counters without thinking about bounds.

use super::error::{Result, StatsError};
use super::layout::{
    HDR_BASE, HDR_DIRECTORY, HDR_EPOCH, HDR_IN_PROGRESS, HDR_VERSION, HEADER_LEN, SEGMENT_VERSION,
    VEC_HEADER_LEN, VEC_LEN_BEFORE,
};
use super::segment::Segment;

/// The shared header's fields as read at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SegmentHeader {
    pub version: u64,
    /// Where VPP mapped the segment; pointers are relative to it.
    pub base: u64,
    pub epoch: u64,
    pub in_progress: u64,
    pub directory: u64,
}

impl SegmentHeader {
    pub fn read(seg: &Segment) -> Result<Self> {
        Ok(Self {
            version: seg.u64("header version", HDR_VERSION)?,
            base: seg.u64("header base", HDR_BASE)?,
            epoch: seg.u64("header epoch", HDR_EPOCH)?,
            in_progress: seg.u64("header in_progress", HDR_IN_PROGRESS)?,
            directory: seg.u64("header directory_vector", HDR_DIRECTORY)?,
        })
    }

    pub(crate) fn check_version(&self) -> Result<()> {
        if self.version == SEGMENT_VERSION {
            Ok(())
        } else {
            Err(StatsError::Version(self.version))
        }
    }
}

/// A vector found in the segment: where its elements start (an offset in our mapping) and
/// how many there are. The whole element range has been checked to fit.
#[derive(Debug, Clone, Copy)]
pub(crate) struct VecRef {
    pub offset: usize,
    pub len: usize,
}

/// The segment seen through VPP's base address.
#[derive(Clone, Copy)]
pub(crate) struct View<'a> {
    pub seg: &'a Segment,
    pub base: u64,
}

impl<'a> View<'a> {
    /// Translates a VPP pointer to the offset of an object of `len` bytes, checking that it
    /// lies past the shared header and inside the mapping.
    pub fn offset(&self, what: &'static str, ptr: u64, len: usize, align: usize) -> Result<usize> {
        let bad = || StatsError::BadPointer {
            what,
            ptr,
            base: self.base,
            size: self.seg.len(),
        };
        let offset = ptr
            .checked_sub(self.base)
            .and_then(|o| usize::try_from(o).ok())
            .filter(|&o| o >= HEADER_LEN && o < self.seg.len())
            .ok_or_else(bad)?;
        self.seg.check(what, offset, len, align)?;
        Ok(offset)
    }

    /// Follows a vector pointer: reads the length from the header before element 0 and checks
    /// that `len * elem_size` bytes fit. Elements must be `align`-aligned.
    pub fn vector(
        &self,
        what: &'static str,
        ptr: u64,
        elem_size: usize,
        align: usize,
    ) -> Result<VecRef> {
        let offset = self.offset(what, ptr, 0, align.max(4))?;
        if offset < HEADER_LEN + VEC_HEADER_LEN {
            return Err(StatsError::BadPointer {
                what,
                ptr,
                base: self.base,
                size: self.seg.len(),
            });
        }
        let len = self.seg.u32(what, offset - VEC_LEN_BEFORE)? as usize;
        let bytes = len.checked_mul(elem_size).ok_or(StatsError::Truncated {
            what,
            offset,
            len: usize::MAX,
            size: self.seg.len(),
        })?;
        self.seg.check(what, offset, bytes, align)?;
        Ok(VecRef { offset, len })
    }

    /// Loads element `index` of a vector of u64 (or of pointers).
    pub fn u64_elem(&self, what: &'static str, vec: VecRef, index: usize) -> Result<u64> {
        if index >= vec.len {
            return Err(StatsError::OutOfRange {
                what: what.to_owned(),
                index,
                len: vec.len,
            });
        }
        self.seg.u64(what, vec.offset + index * 8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::testseg::TestSegment;

    #[test]
    fn pointers_outside_the_segment_are_errors() {
        let mut t = TestSegment::new();
        let v = t.vector(&[1, 2, 3], 8, 8);
        let seg = t.finish();
        let view = View {
            seg: &seg,
            base: TestSegment::BASE,
        };
        let vec = view.vector("v", v, 8, 8).unwrap();
        assert_eq!(vec.len, 3);
        assert_eq!(view.u64_elem("v", vec, 2).unwrap(), 3);
        assert!(matches!(
            view.u64_elem("v", vec, 3),
            Err(StatsError::OutOfRange { .. })
        ));
        for ptr in [
            0,
            1,
            TestSegment::BASE,
            TestSegment::BASE + 8,
            u64::MAX,
            v + (1 << 40),
        ] {
            assert!(
                matches!(
                    view.vector("v", ptr, 8, 8),
                    Err(StatsError::BadPointer { .. })
                ),
                "{ptr:#x}"
            );
        }
        assert!(matches!(
            view.vector("v", v + 4, 8, 8),
            Err(StatsError::Misaligned { .. })
        ));
    }

    #[test]
    fn vector_length_past_the_end_is_truncation() {
        let mut t = TestSegment::new();
        let v = t.vector(&[1], 8, 8);
        t.set_vec_len(v, u32::MAX);
        let seg = t.finish();
        let view = View {
            seg: &seg,
            base: TestSegment::BASE,
        };
        assert!(matches!(
            view.vector("v", v, 8, 8),
            Err(StatsError::Truncated { .. })
        ));
    }
}
