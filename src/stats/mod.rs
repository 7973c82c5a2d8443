//! Reading VPP's shared-memory stats segment.
//!
//! VPP publishes its counters in a memfd it hands out over a Unix socket; we map it
//! read-only and read it in place, following VPP's epoch protocol. The layers, bottom up:
//! [`segment`] (the mapping: the only unsafe code), `vector` (VPP pointers and vectors),
//! `directory` (entries, cached per epoch), `decode` (values by type), and [`StatsClient`],
//! the API for callers. [`layout`] holds the byte layout, which the simulator's writer
//! shares. Nothing here panics on what the segment holds: a corrupt segment is a
//! [`StatsError`].

#[forbid(unsafe_code)]
mod client;
#[forbid(unsafe_code)]
mod decode;
#[forbid(unsafe_code)]
mod directory;
#[forbid(unsafe_code)]
mod error;
#[forbid(unsafe_code)]
pub mod layout;
#[forbid(unsafe_code)]
mod pattern;
#[allow(unsafe_code)]
pub mod segment;
#[forbid(unsafe_code)]
mod value;
#[forbid(unsafe_code)]
mod vector;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod testseg;

pub use client::{StatsClient, DEFAULT_SOCKET, DEFAULT_TIMEOUT};
pub use directory::DirEntry;
pub use error::{Result, StatsError};
pub use layout::StatType;
pub use pattern::Patterns;
pub use segment::{socket_inode, Segment, SegmentMut};
pub use value::{CombinedCounter, Log2Histogram, Snapshot, SnapshotEntry, StatValue};
pub use vector::SegmentHeader;
