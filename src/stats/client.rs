//! The stats API the CLI and the agent use: connect once, then poll cheaply.
//!
//! A poll follows VPP's optimistic protocol: note the epoch, wait (bounded) while
//! `in_progress` is set, read, then check that neither moved, retrying otherwise. The
//! mapping, the parsed directory and the set of entries a pattern list selects are all kept
//! between polls; a poll of an unchanged directory makes no system call and reads only
//! values. Restarts are the caller's to notice through [`StatsClient::socket_replaced`] and
//! [`StatsClient::heartbeat`] (see docs/design.md, “VPP restarts”), after which it calls
//! [`StatsClient::reconnect`].

use std::path::{Path, PathBuf};
use std::sync::atomic::{fence, Ordering};
use std::time::{Duration, Instant};

use super::decode::{combined_totals, combined_totals_at, read_value};
use super::directory::{DirEntry, Directory};
use super::error::{Result, StatsError};
use super::pattern::Patterns;
use super::segment::{socket_inode, Segment};
use super::value::{CombinedCounter, Snapshot, SnapshotEntry, StatValue};
use super::vector::{SegmentHeader, View};

/// Where VPP puts its stats socket unless `statseg { socket-name }` says otherwise.
pub const DEFAULT_SOCKET: &str = "/run/vpp/stats.sock";

/// How long a poll waits for VPP to finish a directory change, and a connect for the
/// descriptor. VPP holds `in_progress` for microseconds; a second means it is stuck.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(1);

#[derive(Debug)]
struct SocketIdentity {
    path: PathBuf,
    inode: u64,
}

/// The entries one pattern list selected from one directory.
#[derive(Debug)]
struct Selection {
    patterns: Patterns,
    generation: u64,
    indices: Vec<usize>,
}

#[derive(Debug)]
pub struct StatsClient {
    segment: Segment,
    base: u64,
    socket: Option<SocketIdentity>,
    timeout: Duration,
    directory: Option<Directory>,
    /// Bumped whenever `directory` is replaced, so a cached selection knows it is stale.
    generation: u64,
    selection: Option<Selection>,
}

impl StatsClient {
    /// Connects to VPP's stats socket and maps the segment.
    pub fn connect(socket: impl AsRef<Path>) -> Result<Self> {
        Self::connect_with_timeout(socket, DEFAULT_TIMEOUT)
    }

    pub fn connect_with_timeout(socket: impl AsRef<Path>, timeout: Duration) -> Result<Self> {
        let path = socket.as_ref();
        // The inode is taken before connecting: if VPP replaces the socket in between, the
        // next `socket_replaced` says so rather than missing it.
        let inode = socket_inode(path).map_err(|source| StatsError::Socket {
            path: path.to_owned(),
            source,
        })?;
        let mut client = Self::open(Segment::connect(path, timeout)?)?;
        client.timeout = timeout;
        client.socket = Some(SocketIdentity {
            path: path.to_owned(),
            inode,
        });
        Ok(client)
    }

    /// Reads an already mapped segment (a captured file, or one received elsewhere).
    pub fn open(segment: Segment) -> Result<Self> {
        let header = SegmentHeader::read(&segment)?;
        header.check_version()?;
        Ok(Self {
            segment,
            base: header.base,
            socket: None,
            timeout: DEFAULT_TIMEOUT,
            directory: None,
            generation: 0,
            selection: None,
        })
    }

    /// Bounds every wait for a consistent read.
    pub fn set_timeout(&mut self, timeout: Duration) {
        self.timeout = timeout;
    }

    /// Maps the segment afresh from the same socket, e.g. after a VPP restart. A client
    /// made with [`StatsClient::open`] has no socket, and this does nothing.
    pub fn reconnect(&mut self) -> Result<()> {
        let Some(socket) = &self.socket else {
            return Ok(());
        };
        let fresh = Self::connect_with_timeout(&socket.path, self.timeout)?;
        *self = fresh;
        Ok(())
    }

    /// The shared header as it is now.
    pub fn header(&self) -> Result<SegmentHeader> {
        SegmentHeader::read(&self.segment)
    }

    /// The stats socket's inode when we connected (`None` for a segment opened otherwise).
    pub fn socket_inode(&self) -> Option<u64> {
        self.socket.as_ref().map(|s| s.inode)
    }

    /// True when the stats socket file is gone or is another file than the one we connected
    /// through: VPP restarted, and this mapping is frozen.
    pub fn socket_replaced(&self) -> bool {
        self.socket
            .as_ref()
            .is_some_and(|s| socket_inode(&s.path).map_or(true, |inode| inode != s.inode))
    }

    /// `/sys/heartbeat`, which VPP bumps about every ten seconds; a value that stops moving
    /// means VPP is gone or hung. `None` if the segment has no heartbeat.
    pub fn heartbeat(&mut self) -> Result<Option<u64>> {
        Ok(self.get("/sys/heartbeat")?.and_then(|v| v.sum()))
    }

    /// Every live entry (deleted slots left out), sorted by name.
    pub fn directory(&mut self) -> Result<Vec<DirEntry>> {
        self.consistent(|_, dir| Ok(dir.listed().cloned().collect()))
    }

    /// Names of the entries the patterns select (see [`Patterns`]), sorted.
    pub fn ls<S: AsRef<str>>(&mut self, patterns: &[S]) -> Result<Vec<String>> {
        let patterns = Patterns::new(patterns)?;
        self.consistent(|_, dir| {
            Ok(dir
                .listed()
                .filter(|e| patterns.is_match(e.name()))
                .map(|e| e.name().to_owned())
                .collect())
        })
    }

    /// One entry's value; `Ok(None)` if there is no such entry or it holds no value.
    pub fn get(&mut self, name: &str) -> Result<Option<StatValue>> {
        self.consistent(|view, dir| match dir.find(name) {
            Some(entry) => read_value(view, dir, entry),
            None => Ok(None),
        })
    }

    /// A combined counter vector (e.g. `/net/route/to`) summed over threads, by index, read
    /// consistently; `Ok(None)` if there is no such entry or it is another type.
    pub fn combined_totals(&mut self, name: &str) -> Result<Option<Vec<CombinedCounter>>> {
        self.consistent(|view, dir| match dir.find(name) {
            Some(entry) => combined_totals(view, dir, entry),
            None => Ok(None),
        })
    }

    /// A combined counter vector's length and its counters at `indexes`, summed over
    /// threads, read consistently (e.g. a few routes of `/net/route/to` without reading a
    /// million); `Ok(None)` if there is no such entry or it is another type.
    pub fn combined_totals_at(
        &mut self,
        name: &str,
        indexes: &[u32],
    ) -> Result<Option<(usize, Vec<CombinedCounter>)>> {
        self.consistent(|view, dir| match dir.find(name) {
            Some(entry) => combined_totals_at(view, dir, entry, indexes),
            None => Ok(None),
        })
    }

    /// Reads every entry the patterns select, in one consistent pass.
    ///
    /// Compiling the patterns is skipped when they equal the previous call's, so polling
    /// with the same list costs only the reads.
    pub fn scrape<S: AsRef<str>>(&mut self, patterns: &[S]) -> Result<Snapshot> {
        let reuse = self
            .selection
            .as_ref()
            .is_some_and(|s| s.patterns.same_as(patterns));
        let patterns = match (reuse, &self.selection) {
            (true, Some(s)) => s.patterns.clone(),
            _ => Patterns::new(patterns)?,
        };
        self.scrape_matching(&patterns)
    }

    /// Like [`StatsClient::scrape`] with patterns compiled once by the caller.
    pub fn scrape_matching(&mut self, patterns: &Patterns) -> Result<Snapshot> {
        let start = Instant::now();
        let mut attempt = 0u32;
        loop {
            let epoch = self.begin(start)?;
            self.select(patterns);
            let snapshot = self.read_selected(epoch);
            if self.unchanged(epoch)? {
                return snapshot;
            }
            self.backoff(start, &mut attempt)?;
        }
    }

    fn read_selected(&self, epoch: u64) -> Result<Snapshot> {
        let (Some(dir), Some(sel)) = (&self.directory, &self.selection) else {
            return Ok(Snapshot::default());
        };
        let view = self.view();
        let mut entries = Vec::with_capacity(sel.indices.len());
        for &index in &sel.indices {
            let entry = &dir.entries[index];
            if let Some(value) = read_value(view, dir, entry)? {
                entries.push(SnapshotEntry {
                    name: entry.shared_name().clone(),
                    stat_type: entry.stat_type(),
                    value,
                });
            }
        }
        Ok(Snapshot { epoch, entries })
    }

    /// Makes `selection` hold what `patterns` select from the current directory.
    fn select(&mut self, patterns: &Patterns) {
        let fresh = self.selection.as_ref().is_some_and(|s| {
            s.generation == self.generation && s.patterns.same_as(patterns.sources())
        });
        if fresh {
            return;
        }
        let indices = self.directory.as_ref().map_or_else(Vec::new, |dir| {
            dir.sorted
                .iter()
                .copied()
                .filter(|&i| patterns.is_match(dir.entries[i].name()))
                .collect()
        });
        self.selection = Some(Selection {
            patterns: patterns.clone(),
            generation: self.generation,
            indices,
        });
    }

    /// Runs `read` against a directory and values that were consistent with each other.
    fn consistent<T>(&mut self, read: impl Fn(View<'_>, &Directory) -> Result<T>) -> Result<T> {
        let start = Instant::now();
        let mut attempt = 0u32;
        loop {
            let epoch = self.begin(start)?;
            let result = match &self.directory {
                Some(dir) => read(self.view(), dir),
                None => Err(StatsError::InProgress(self.timeout)),
            };
            if self.unchanged(epoch)? {
                return result;
            }
            self.backoff(start, &mut attempt)?;
        }
    }

    /// Waits for a quiet segment, refreshes the cached directory if the epoch moved, and
    /// returns the epoch the following reads must be checked against.
    fn begin(&mut self, start: Instant) -> Result<u64> {
        let mut attempt = 0u32;
        loop {
            let header = self.header()?;
            if header.in_progress == 0 {
                fence(Ordering::Acquire);
                if self
                    .directory
                    .as_ref()
                    .is_some_and(|d| d.epoch == header.epoch)
                {
                    return Ok(header.epoch);
                }
                let read = Directory::read(self.view(), header.directory, header.epoch);
                if self.unchanged(header.epoch)? {
                    self.directory = Some(read?);
                    self.generation += 1;
                    return Ok(header.epoch);
                }
            }
            self.backoff(start, &mut attempt)?;
        }
    }

    /// True if nothing changed the directory since `epoch` was read.
    fn unchanged(&self, epoch: u64) -> Result<bool> {
        fence(Ordering::Acquire);
        let header = self.header()?;
        Ok(header.in_progress == 0 && header.epoch == epoch)
    }

    /// Waits a little before retrying; spins first, as VPP's changes are short.
    fn backoff(&self, start: Instant, attempt: &mut u32) -> Result<()> {
        if start.elapsed() >= self.timeout {
            return Err(StatsError::InProgress(self.timeout));
        }
        *attempt += 1;
        if *attempt < 64 {
            std::thread::yield_now();
        } else {
            std::thread::sleep(Duration::from_micros(200));
        }
        Ok(())
    }

    fn view(&self) -> View<'_> {
        View {
            seg: &self.segment,
            base: self.base,
        }
    }
}
