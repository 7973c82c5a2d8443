//! Reading VPP's shared-memory stats segment.
//!
//! VPP publishes its counters in a memfd it hands out over a Unix socket; we map it
//! read-only and read it in place, following VPP's epoch protocol. The layers, bottom up:
//! [`segment`] (the mapping: the only unsafe code), `vector` (VPP pointers and vectors),
//! `directory` (entries, cached per epoch), `decode` (values by type), and [`StatsClient`],
//! the API for callers. [`layout`] holds the byte layout, which the simulator's writer
//! shares. Nothing here panics on what the segment holds: a corrupt segment is a
//! [`StatsError`].

mod client;
mod decode;
mod directory;
mod error;
pub mod layout;
mod pattern;
pub mod segment;
mod value;
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
