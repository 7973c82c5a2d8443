//! The stats reader on an arbitrary segment: the bytes are placed in a memfd and mapped
//! read-only, as VPP's segment is, then read through every view the CLI and the agent
//! use (header, directory, ls, get of each entry, a scrape of everything, and the
//! interface, node, error, ACL, system, buffer, memory and dump views of it).
//!
//! Input: one byte, then either the segment's bytes (even first byte) or patches to a
//! small well-formed segment written by the simulator (odd first byte): groups of a
//! 16-bit word index and an 8-byte value, so that corruptions deep inside a valid
//! directory are reached without having to grow one from nothing.
#![no_main]

use std::io::Write;
use std::sync::OnceLock;
use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use vppx::ops::stats as views;
use vppx::sim::statseg::{SegmentOptions, StatSegment};
use vppx::stats::{CombinedCounter, Segment, StatsClient};

/// A 64 KiB segment holding one entry of each type, with values.
fn template() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let mut s = StatSegment::create(&SegmentOptions {
            size: 64 << 10,
            ..SegmentOptions::default()
        })
        .expect("a simulator segment");
        s.add_scalar("/sys/heartbeat", 42).unwrap();
        s.add_gauge("/sys/num_worker_threads", 1).unwrap();
        s.add_names("/if/names", &["local0", "pg0", "pg1"]).unwrap();
        let rx = s.add_combined("/if/rx", 2, 3).unwrap();
        s.set_combined(
            rx,
            1,
            2,
            CombinedCounter {
                packets: 10,
                bytes: 1000,
            },
        )
        .unwrap();
        let drops = s.add_simple("/if/drops", 2, 3).unwrap();
        s.set_simple(drops, 0, 1, 7).unwrap();
        let err = s
            .add_simple("/err/ip4-input/ip4 ttl expired", 1, 1)
            .unwrap();
        s.set_simple(err, 0, 0, 3).unwrap();
        s.add_symlink("/interfaces/pg1/rx", rx, 2).unwrap();
        s.add_simple("/nodes/ip4-lookup/calls", 1, 2).unwrap();
        s.add_gauge("/mem/stat segment/used", 4096).unwrap();
        s.add_gauge("/buffer-pools/default-numa-0/cached", 16)
            .unwrap();
        let reader = s.reader().expect("a reader");
        let mut bytes = Vec::new();
        reader
            .bytes("template", 0, reader.len(), &mut bytes)
            .expect("the whole segment");
        bytes
    })
}

fn segment_bytes(data: &[u8]) -> Option<Vec<u8>> {
    let (&mode, rest) = data.split_first()?;
    if mode & 1 == 0 {
        return Some(rest.to_vec());
    }
    let mut bytes = template().to_vec();
    let words = bytes.len() / 8;
    for patch in rest.chunks_exact(10) {
        let word = usize::from(u16::from_le_bytes([patch[0], patch[1]])) % words;
        bytes[word * 8..word * 8 + 8].copy_from_slice(&patch[2..10]);
    }
    Some(bytes)
}

fuzz_target!(|data: &[u8]| {
    let Some(bytes) = segment_bytes(data) else {
        return;
    };
    let fd = rustix::fs::memfd_create("fuzz segment", rustix::fs::MemfdFlags::CLOEXEC)
        .expect("memfd_create");
    let mut file = std::fs::File::from(fd);
    file.write_all(&bytes).expect("memfd write");
    let Ok(segment) = Segment::from_fd(file.into()) else {
        return;
    };
    let Ok(mut stats) = StatsClient::open(segment) else {
        return;
    };
    // A segment whose writer never finishes (in_progress stuck) is an error at the first
    // look: with no time to wait the reader tries once and gives up, which exercises the
    // same path as a real timeout without sleeping on every such input.
    stats.set_timeout(Duration::ZERO);
    let _ = stats.header();
    let _ = stats.heartbeat();
    if let Ok(entries) = stats.directory() {
        for e in entries.iter().take(64) {
            let _ = e.stat_type();
            let _ = e.symlink_target();
            let _ = stats.get(e.name());
        }
    }
    let _ = stats.ls(&["/if/", "/err/.*drop"]);
    if let Ok(snap) = stats.scrape::<&str>(&[]) {
        let _ = views::interfaces(&snap);
        let _ = views::nodes(&snap);
        let _ = views::errors(&snap);
        let _ = views::acl_counters(&snap);
        let _ = views::system(&snap);
        let _ = views::buffers(&snap);
        let _ = views::memory(&snap);
        let _ = views::dump(&snap);
        for entry in snap.iter() {
            let _ = entry.value.sum();
            let _ = entry.value.sum_combined();
            let _ = entry.value.simple_by_index();
            let _ = entry.value.combined_by_index();
        }
    }
});
