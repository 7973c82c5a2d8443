//! The byte layout of VPP's stats segment, shared by the reader and the simulator's writer.
//!
//! Only constants and the directory type codes live here: both sides must agree on them, and
//! keeping them in one place means a layout mistake shows up in the writer ↔ reader tests
//! rather than hiding in two copies. Everything in the segment is in host byte order.

/// The only segment version this reader understands (VPP 20.x onwards).
pub const SEGMENT_VERSION: u64 = 2;

/// Shared header fields, at the start of the mapping. Each is 8 bytes.
pub const HDR_VERSION: usize = 0;
pub const HDR_BASE: usize = 8;
pub const HDR_EPOCH: usize = 16;
pub const HDR_IN_PROGRESS: usize = 24;
pub const HDR_DIRECTORY: usize = 32;
/// Older VPP kept an error vector pointer here; it is written as zero so that clients which
/// still read six words (vpp_papi does) see a null pointer.
pub const HDR_ERROR_VECTOR: usize = 40;
/// Bytes of shared header a segment must at least hold.
pub const HEADER_LEN: usize = 48;

/// VPP starts its heap inside the segment one page after the header.
pub const HEAP_START: usize = 4096;

/// A directory entry: `u32 type`, 4 bytes padding, an 8-byte union, then the name.
pub const ENTRY_SIZE: usize = 144;
pub const ENTRY_TYPE: usize = 0;
pub const ENTRY_VALUE: usize = 8;
pub const ENTRY_NAME: usize = 16;
/// Room for the name including its terminating NUL.
pub const NAME_LEN: usize = 128;

/// A VPP vector pointer points at element 0; the header sits just before it.
pub const VEC_HEADER_LEN: usize = 8;
/// The element count is the `u32` at the start of the vector header.
pub const VEC_LEN_BEFORE: usize = 8;

/// Size of one combined counter: `u64 packets`, `u64 bytes`.
pub const COMBINED_SIZE: usize = 16;

/// What a directory entry holds.
///
/// Unknown codes are kept in [`StatType::Other`] so that a newer VPP's directory still
/// lists, rather than failing to parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatType {
    Illegal,
    ScalarIndex,
    CounterVectorSimple,
    CounterVectorCombined,
    NameVector,
    Empty,
    Symlink,
    HistogramLog2,
    RingBuffer,
    Gauge,
    Other(u32),
}

impl StatType {
    pub fn from_code(code: u32) -> Self {
        match code {
            0 => Self::Illegal,
            1 => Self::ScalarIndex,
            2 => Self::CounterVectorSimple,
            3 => Self::CounterVectorCombined,
            4 => Self::NameVector,
            5 => Self::Empty,
            6 => Self::Symlink,
            7 => Self::HistogramLog2,
            8 => Self::RingBuffer,
            9 => Self::Gauge,
            other => Self::Other(other),
        }
    }

    pub fn code(self) -> u32 {
        match self {
            Self::Illegal => 0,
            Self::ScalarIndex => 1,
            Self::CounterVectorSimple => 2,
            Self::CounterVectorCombined => 3,
            Self::NameVector => 4,
            Self::Empty => 5,
            Self::Symlink => 6,
            Self::HistogramLog2 => 7,
            Self::RingBuffer => 8,
            Self::Gauge => 9,
            Self::Other(code) => code,
        }
    }

    /// The snake_case name vpp_papi-based tools and our JSON output use.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Illegal => "illegal",
            Self::ScalarIndex => "scalar",
            Self::CounterVectorSimple => "counter_vector_simple",
            Self::CounterVectorCombined => "counter_vector_combined",
            Self::NameVector => "name_vector",
            Self::Empty => "empty",
            Self::Symlink => "symlink",
            Self::HistogramLog2 => "histogram_log2",
            Self::RingBuffer => "ring_buffer",
            Self::Gauge => "gauge",
            Self::Other(_) => "other",
        }
    }
}

/// Packs a symlink's union: `index1` (target directory index) in the low half, `index2`
/// (element index) in the high half, as the C struct lays them out on a little-endian host.
pub fn symlink_value(target: u32, index: u32) -> u64 {
    u64::from(target) | (u64::from(index) << 32)
}

/// Splits a symlink's union into (target directory index, element index).
pub fn symlink_parts(value: u64) -> (u32, u32) {
    // Truncation is the point: each half is one u32 of the union.
    (value as u32, (value >> 32) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_codes_round_trip() {
        for code in 0..12 {
            assert_eq!(StatType::from_code(code).code(), code);
        }
        assert_eq!(StatType::from_code(9), StatType::Gauge);
        assert_eq!(StatType::from_code(42), StatType::Other(42));
    }

    #[test]
    fn symlink_union_matches_golden() {
        // From golden/stats/segment.bin: `/mem/stat segment/used` holds 0x1_0000_0003,
        // i.e. entry 3, element 1.
        assert_eq!(symlink_parts(0x1_0000_0003), (3, 1));
        assert_eq!(symlink_value(3, 1), 0x1_0000_0003);
    }
}
