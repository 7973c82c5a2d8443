//! The stats layer's one error type.
//!
//! Anything read from the segment may be garbage (a buggy or restarting VPP, a truncated
//! file), so every failure to make sense of it is a value here, never a panic. Errors about
//! a place in the segment say what was being read, so a report names the entry.

use std::io;

use crate::error::{Classify, ErrorClass};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum StatsError {
    #[error("cannot open stats segment {path}")]
    Open { path: PathBuf, source: io::Error },

    #[error("stats socket {path}")]
    Socket { path: PathBuf, source: io::Error },

    #[error("stats socket {path} answered without a file descriptor")]
    NoDescriptor { path: PathBuf },

    #[error("cannot map or create the stats segment")]
    Map(#[source] io::Error),

    #[error("stats segment of {size} bytes is too small to hold its header")]
    TooSmall { size: usize },

    #[error("unsupported stats segment version {0} (this reader knows version 2)")]
    Version(u64),

    #[error("{what}: pointer {ptr:#x} is outside the segment (base {base:#x}, {size} bytes)")]
    BadPointer {
        what: &'static str,
        ptr: u64,
        base: u64,
        size: usize,
    },

    #[error(
        "{what}: {len} bytes at offset {offset:#x} run past the end of the segment ({size} bytes)"
    )]
    Truncated {
        what: &'static str,
        offset: usize,
        len: usize,
        size: usize,
    },

    #[error("{what}: offset {offset:#x} is not aligned to {align} bytes")]
    Misaligned {
        what: &'static str,
        offset: usize,
        align: usize,
    },

    #[error("entry {name}")]
    Entry {
        name: String,
        #[source]
        source: Box<StatsError>,
    },

    #[error("symlink {name} is broken: {reason}")]
    BadSymlink { name: String, reason: String },

    #[error("the segment's directory kept changing (in_progress or epoch) for {0:?}")]
    InProgress(Duration),

    #[error("invalid stats pattern")]
    Pattern(#[from] regex::Error),

    #[error("stats name {name:?} is longer than {max} bytes")]
    NameTooLong { name: String, max: usize },

    #[error("stats entry {0} already exists")]
    Duplicate(String),

    #[error("no such stats entry (it was removed, or the id belongs to another segment)")]
    NoSuchEntry,

    #[error("stats entry {name} is {actual}, not {expected}")]
    WrongType {
        name: String,
        expected: &'static str,
        actual: &'static str,
    },

    #[error("{what}: index {index} is beyond its length {len}")]
    OutOfRange {
        what: String,
        index: usize,
        len: usize,
    },

    #[error("stats entry {0} is the target of a symlink; remove the symlinks first")]
    InUse(String),

    #[error("stats segment is full: {needed} more bytes do not fit")]
    Full { needed: usize },

    #[error("stats server")]
    Server(#[source] io::Error),
}

impl Classify for StatsError {
    fn class(&self) -> ErrorClass {
        match self {
            StatsError::Pattern(_) | StatsError::NameTooLong { .. } => ErrorClass::BadInput,
            StatsError::Open { .. }
            | StatsError::Socket { .. }
            | StatsError::NoDescriptor { .. }
            | StatsError::Map(_)
            | StatsError::InProgress(_)
            | StatsError::Server(_) => ErrorClass::Unavailable,
            StatsError::Entry { source, .. } => source.class(),
            StatsError::Duplicate(_) | StatsError::InUse(_) => ErrorClass::Conflict,
            StatsError::NoSuchEntry => ErrorClass::NotFound,
            StatsError::Full { .. } => ErrorClass::Internal,
            StatsError::TooSmall { .. }
            | StatsError::Version(_)
            | StatsError::BadPointer { .. }
            | StatsError::Truncated { .. }
            | StatsError::Misaligned { .. }
            | StatsError::BadSymlink { .. }
            | StatsError::WrongType { .. }
            | StatsError::OutOfRange { .. } => ErrorClass::BadAnswer,
        }
    }
}

impl StatsError {
    /// Wraps an error with the name of the directory entry being read.
    pub(crate) fn in_entry(self, name: &str) -> Self {
        Self::Entry {
            name: name.to_owned(),
            source: Box::new(self),
        }
    }
}

pub type Result<T, E = StatsError> = std::result::Result<T, E>;
