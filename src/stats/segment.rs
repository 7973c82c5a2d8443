//! Mapping the stats segment, and the only place in vppx that touches raw shared memory.
//!
//! VPP (or the simulator) writes the segment while we read it, from another process, so no
//! Rust reference to its bytes may ever exist: every access is a relaxed atomic load or
//! store of one aligned word, after a bounds and alignment check. Ordering between words
//! (the epoch protocol) is the caller's business, done with fences. This module knows
//! nothing about directories or counters; it hands out checked words and bytes.

use std::fs::File;
use std::io;
use std::mem::MaybeUninit;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::path::Path;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::Duration;

use memmap2::{MmapOptions, MmapRaw};
use rustix::net::{RecvAncillaryBuffer, RecvAncillaryMessage, RecvFlags, SocketType};

use super::error::{Result, StatsError};

/// A bounds-checked window on a mapping. Both the read-only reader mapping and the
/// writer's read-write one go through it, so the unsafe code exists once.
#[derive(Debug)]
struct Words {
    map: MmapRaw,
    /// Usable length: the mapping rounded down to whole 8-byte words, so that any in-bounds
    /// byte lies inside a word we may load.
    len: usize,
}

impl Words {
    fn new(map: MmapRaw) -> Self {
        let len = map.len() & !7;
        Self { map, len }
    }

    fn check(&self, what: &'static str, offset: usize, len: usize, align: usize) -> Result<()> {
        let fits = offset.checked_add(len).is_some_and(|end| end <= self.len);
        if !fits {
            return Err(StatsError::Truncated {
                what,
                offset,
                len,
                size: self.len,
            });
        }
        if offset % align != 0 {
            return Err(StatsError::Misaligned {
                what,
                offset,
                align,
            });
        }
        Ok(())
    }

    fn u64_at(&self, what: &'static str, offset: usize) -> Result<&AtomicU64> {
        self.check(what, offset, 8, 8)?;
        // SAFETY: `check` proved offset..offset+8 lies inside the mapping and is 8-aligned
        // (the mapping itself is page-aligned). The mapping lives as long as `self`, which
        // the returned borrow cannot outlive. AtomicU64 has u64's size and alignment, and
        // atomics are the sound way to share memory that another process mutates. Relaxed
        // word-sized loads are permitted on read-only mappings.
        Ok(unsafe { &*self.map.as_ptr().add(offset).cast::<AtomicU64>() })
    }

    /// `count` aligned words from `offset`, checked once: what a long counter vector is read
    /// through, one relaxed load per word as everywhere else.
    fn u64s_at(&self, what: &'static str, offset: usize, count: usize) -> Result<&[AtomicU64]> {
        let len = count.checked_mul(8).ok_or(StatsError::Truncated {
            what,
            offset,
            len: usize::MAX,
            size: self.len,
        })?;
        self.check(what, offset, len, 8)?;
        // SAFETY: as in `u64_at`, for every word of the range: `check` proved
        // offset..offset+8*count lies inside the live mapping and is 8-aligned, and a slice of
        // AtomicU64 has the layout of `count` u64s. The borrow cannot outlive `self`.
        Ok(unsafe {
            std::slice::from_raw_parts(self.map.as_ptr().add(offset).cast::<AtomicU64>(), count)
        })
    }

    fn u32_at(&self, what: &'static str, offset: usize) -> Result<&AtomicU32> {
        self.check(what, offset, 4, 4)?;
        // SAFETY: as in `u64_at`: checked to lie inside the live mapping, 4-aligned, and
        // AtomicU32 has u32's layout.
        Ok(unsafe { &*self.map.as_ptr().add(offset).cast::<AtomicU32>() })
    }

    /// Appends `len` bytes at `offset` to `out`, one aligned word load at a time.
    fn read_bytes(
        &self,
        what: &'static str,
        offset: usize,
        len: usize,
        out: &mut Vec<u8>,
    ) -> Result<()> {
        self.check(what, offset, len, 1)?;
        out.reserve(len);
        let end = offset + len;
        let mut word_start = offset & !7;
        while word_start < end {
            let word = self.u64_at(what, word_start)?.load(Ordering::Relaxed);
            let bytes = word.to_ne_bytes();
            let from = offset.saturating_sub(word_start);
            let to = (end - word_start).min(8);
            out.extend_from_slice(&bytes[from..to]);
            word_start += 8;
        }
        Ok(())
    }
}

/// A read-only view of a stats segment: VPP's memfd, the simulator's, or a file holding a
/// captured one.
#[derive(Debug)]
pub struct Segment {
    words: Words,
}

impl Segment {
    /// Maps a regular file holding a captured segment (e.g. the golden capture).
    pub fn open_file(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let file = File::open(path).map_err(|source| StatsError::Open {
            path: path.to_owned(),
            source,
        })?;
        Self::from_fd(file.into())
    }

    /// Maps a segment from a descriptor (a memfd received from VPP): `fstat` for the size,
    /// then a read-only shared mapping. The descriptor is closed afterwards; the mapping
    /// keeps the memory alive.
    pub fn from_fd(fd: OwnedFd) -> Result<Self> {
        let size = rustix::fs::fstat(&fd)
            .map_err(|e| StatsError::Map(e.into()))?
            .st_size;
        let size = usize::try_from(size).map_err(|_| StatsError::TooSmall { size: 0 })?;
        if size < super::layout::HEADER_LEN {
            return Err(StatsError::TooSmall { size });
        }
        let map = MmapOptions::new()
            .len(size)
            .map_raw_read_only(&File::from(fd))
            .map_err(StatsError::Map)?;
        Ok(Self {
            words: Words::new(map),
        })
    }

    /// Connects to a stats socket and maps the segment it hands over.
    ///
    /// VPP accepts on a `SOCK_SEQPACKET` socket, sends one message (no data bytes) carrying
    /// the memfd with `SCM_RIGHTS`, and closes. `timeout` bounds the wait for that message.
    pub fn connect(socket: impl AsRef<Path>, timeout: Duration) -> Result<Self> {
        let path = socket.as_ref();
        let socket_err = |e: io::Error| StatsError::Socket {
            path: path.to_owned(),
            source: e,
        };
        let fd = receive_fd(path, timeout).map_err(socket_err)?;
        let fd = fd.ok_or_else(|| StatsError::NoDescriptor {
            path: path.to_owned(),
        })?;
        Self::from_fd(fd)
    }

    /// Mapped size in bytes (whole words).
    pub fn len(&self) -> usize {
        self.words.len
    }

    pub fn is_empty(&self) -> bool {
        self.words.len == 0
    }

    /// Loads the aligned `u64` at `offset`.
    pub fn u64(&self, what: &'static str, offset: usize) -> Result<u64> {
        Ok(self.words.u64_at(what, offset)?.load(Ordering::Relaxed))
    }

    /// The `count` aligned words at `offset`, bounds-checked once; each is read with a
    /// relaxed load (`Ordering::Relaxed`) by the caller.
    pub fn u64s(&self, what: &'static str, offset: usize, count: usize) -> Result<&[AtomicU64]> {
        self.words.u64s_at(what, offset, count)
    }

    /// Loads the aligned `u32` at `offset`.
    pub fn u32(&self, what: &'static str, offset: usize) -> Result<u32> {
        Ok(self.words.u32_at(what, offset)?.load(Ordering::Relaxed))
    }

    /// Appends `len` bytes at `offset` to `out`.
    pub fn bytes(
        &self,
        what: &'static str,
        offset: usize,
        len: usize,
        out: &mut Vec<u8>,
    ) -> Result<()> {
        self.words.read_bytes(what, offset, len, out)
    }

    /// Checks that `len` bytes at `offset` lie inside the segment and are `align`-aligned.
    pub fn check(&self, what: &'static str, offset: usize, len: usize, align: usize) -> Result<()> {
        self.words.check(what, offset, len, align)
    }
}

fn receive_fd(path: &Path, timeout: Duration) -> io::Result<Option<OwnedFd>> {
    use rustix::net::recvmsg;
    use rustix::net::sockopt::{set_socket_timeout, Timeout};

    // A zero timeout would mean "wait forever" to the kernel.
    let timeout = timeout.max(Duration::from_millis(1));
    // Bounded like the API socket's connect: a listener that never accepts is a timeout.
    let sock = crate::client::connect_unix(path, SocketType::SEQPACKET, timeout)?;
    set_socket_timeout(&sock, Timeout::Recv, Some(timeout))?;

    // VPP sends no data bytes; one byte of room tolerates a server that sends some.
    let mut data = [0u8; 1];
    let mut space = [MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(1))];
    let mut control = RecvAncillaryBuffer::new(&mut space);
    recvmsg(
        &sock,
        &mut [io::IoSliceMut::new(&mut data)],
        &mut control,
        RecvFlags::CMSG_CLOEXEC,
    )?;
    let mut first = None;
    for message in control.drain() {
        if let RecvAncillaryMessage::ScmRights(fds) = message {
            for fd in fds {
                // Any extra descriptors are dropped, which closes them.
                first.get_or_insert(fd);
            }
        }
    }
    Ok(first)
}

/// The inode of the stats socket file: VPP replaces the file when it restarts, so a
/// changed inode means the segment we hold is frozen (see docs/design.md, “VPP restarts”).
pub fn socket_inode(path: impl AsRef<Path>) -> io::Result<u64> {
    use std::os::unix::fs::MetadataExt;
    Ok(std::fs::metadata(path)?.ino())
}

/// A read-write segment in a fresh memfd, for the simulator's writer.
///
/// Only word stores are offered: readers in other processes load the same words, so byte
/// stores would tear names mid-word; callers pack bytes into words.
#[derive(Debug)]
pub struct SegmentMut {
    words: Words,
    fd: OwnedFd,
}

impl SegmentMut {
    /// Creates a memfd named `name`, sizes it to `size` bytes and maps it shared.
    pub fn create_memfd(name: &str, size: usize) -> Result<Self> {
        use rustix::fs::{ftruncate, memfd_create, MemfdFlags};

        if size < super::layout::HEAP_START * 2 {
            return Err(StatsError::TooSmall { size });
        }
        let fd = memfd_create(name, MemfdFlags::CLOEXEC).map_err(|e| StatsError::Map(e.into()))?;
        ftruncate(&fd, size as u64).map_err(|e| StatsError::Map(e.into()))?;
        let map = MmapOptions::new()
            .len(size)
            .map_raw(&fd)
            .map_err(StatsError::Map)?;
        Ok(Self {
            words: Words::new(map),
            fd,
        })
    }

    /// The memfd, to hand to clients.
    pub fn fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }

    pub fn len(&self) -> usize {
        self.words.len
    }

    pub fn is_empty(&self) -> bool {
        self.words.len == 0
    }

    pub fn load_u64(&self, what: &'static str, offset: usize) -> Result<u64> {
        Ok(self.words.u64_at(what, offset)?.load(Ordering::Relaxed))
    }

    pub fn store_u64(&self, what: &'static str, offset: usize, value: u64) -> Result<()> {
        self.words
            .u64_at(what, offset)?
            .store(value, Ordering::Relaxed);
        Ok(())
    }

    pub fn store_u32(&self, what: &'static str, offset: usize, value: u32) -> Result<()> {
        self.words
            .u32_at(what, offset)?
            .store(value, Ordering::Relaxed);
        Ok(())
    }

    /// Adds to the `u64` at `offset`. A plain load and store, not a locked add: the
    /// simulator has one writer, and VPP's own per-thread counters are not atomic either.
    pub fn add_u64(&self, what: &'static str, offset: usize, delta: u64) -> Result<()> {
        let word = self.words.u64_at(what, offset)?;
        word.store(
            word.load(Ordering::Relaxed).wrapping_add(delta),
            Ordering::Relaxed,
        );
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn file_segment(bytes: &[u8]) -> Segment {
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(bytes).unwrap();
        Segment::from_fd(file.into()).unwrap()
    }

    #[test]
    fn loads_are_bounds_and_alignment_checked() {
        let mut bytes = vec![0u8; 64];
        bytes[8..16].copy_from_slice(&0x1122_3344_5566_7788u64.to_ne_bytes());
        let seg = file_segment(&bytes);
        assert_eq!(seg.u64("t", 8).unwrap(), 0x1122_3344_5566_7788);
        assert_eq!(seg.u32("t", 12).unwrap(), 0x1122_3344);
        assert!(matches!(
            seg.u64("t", 60),
            Err(StatsError::Truncated { .. })
        ));
        assert!(matches!(
            seg.u64("t", usize::MAX - 3),
            Err(StatsError::Truncated { .. })
        ));
        assert!(matches!(
            seg.u64("t", 4),
            Err(StatsError::Misaligned { .. })
        ));
    }

    #[test]
    fn bytes_cross_word_boundaries() {
        let bytes: Vec<u8> = (0..64).collect();
        let seg = file_segment(&bytes);
        let mut out = Vec::new();
        seg.bytes("t", 5, 13, &mut out).unwrap();
        assert_eq!(out, (5..18).collect::<Vec<u8>>());
        out.clear();
        seg.bytes("t", 63, 1, &mut out).unwrap();
        assert_eq!(out, [63]);
        assert!(seg.bytes("t", 60, 5, &mut out).is_err());
    }

    #[test]
    fn odd_sized_files_lose_their_partial_word() {
        let seg = file_segment(&[1u8; 53]);
        assert_eq!(seg.len(), 48);
    }

    #[test]
    fn too_small_file_is_an_error() {
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(&[0u8; 16]).unwrap();
        assert!(matches!(
            Segment::from_fd(file.into()),
            Err(StatsError::TooSmall { size: 16 })
        ));
    }

    #[test]
    fn memfd_writes_are_visible_through_a_second_mapping() {
        let seg = SegmentMut::create_memfd("vppx-test", 1 << 16).unwrap();
        seg.store_u64("t", 16, 7).unwrap();
        seg.add_u64("t", 16, 3).unwrap();
        let reader = Segment::from_fd(seg.fd().try_clone_to_owned().unwrap()).unwrap();
        assert_eq!(reader.u64("t", 16).unwrap(), 10);
        assert_eq!(reader.len(), 1 << 16);
    }
}
