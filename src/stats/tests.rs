//! Reader tests on hand-built segments: every entry type, and every way a segment can be
//! broken.

use std::time::{Duration, Instant};

use super::layout::*;
use super::testseg::TestSegment;
use super::*;

fn c(packets: u64, bytes: u64) -> CombinedCounter {
    CombinedCounter { packets, bytes }
}

/// A segment with one entry of every type, two threads where it matters.
fn every_type() -> TestSegment {
    let mut t = TestSegment::new();
    t.entry(StatType::ScalarIndex, 42, "/sys/heartbeat");
    t.entry(StatType::Gauge, 7, "/sys/vector_rate");
    let simple = t.simple(&[&[1, 2, 3], &[10, 20, 30]]);
    let drops = t.entry(StatType::CounterVectorSimple, simple, "/if/drops");
    let comb = t.combined_threads(&[&[(1, 64), (2, 128)], &[(3, 192), (4, 256)]]);
    let rx = t.entry(StatType::CounterVectorCombined, comb, "/if/rx");
    let local0 = t.string("local0");
    let pg0 = t.string("pg 0");
    let names = t.vector(&[local0, 0, pg0], 8, 8);
    t.entry(StatType::NameVector, names, "/if/names");
    t.entry(StatType::Empty, 0, "");
    t.entry(
        StatType::Symlink,
        symlink_value(drops, 2),
        "/interfaces/pg 0/drops",
    );
    t.entry(
        StatType::Symlink,
        symlink_value(rx, 1),
        "/interfaces/pg0/rx",
    );
    let bins0 = t.vector(&[3, 5, 6], 8, 8);
    let hist = t.vector(&[bins0, 0], 8, 8);
    t.entry(StatType::HistogramLog2, hist, "/h");
    t.entry(StatType::RingBuffer, 0, "/ring");
    t
}

fn client(t: TestSegment) -> StatsClient {
    StatsClient::open(t.finish()).unwrap()
}

#[test]
fn reads_every_type() {
    let mut client = client(every_type());
    let snap = client.scrape::<&str>(&[]).unwrap();
    assert_eq!(snap.epoch, 1);
    assert_eq!(snap.get("/sys/heartbeat"), Some(&StatValue::Scalar(42)));
    assert_eq!(snap.get("/sys/vector_rate"), Some(&StatValue::Gauge(7)));
    assert_eq!(
        snap.get("/if/drops"),
        Some(&StatValue::Simple(vec![vec![1, 2, 3], vec![10, 20, 30]]))
    );
    assert_eq!(
        snap.get("/if/rx"),
        Some(&StatValue::Combined(vec![
            vec![c(1, 64), c(2, 128)],
            vec![c(3, 192), c(4, 256)]
        ]))
    );
    assert_eq!(
        snap.get("/if/names"),
        Some(&StatValue::Names(vec![
            Some("local0".into()),
            None,
            Some("pg 0".into())
        ]))
    );
    assert_eq!(
        snap.get("/interfaces/pg 0/drops"),
        Some(&StatValue::SimpleElement(vec![3, 30]))
    );
    assert_eq!(
        snap.get("/interfaces/pg0/rx"),
        Some(&StatValue::CombinedElement(vec![c(2, 128), c(4, 256)]))
    );
    assert_eq!(
        snap.get("/h"),
        Some(&StatValue::Histogram(Log2Histogram {
            min_exp: 3,
            bins: vec![vec![5, 6], vec![]]
        }))
    );
    // Ring buffers are listed but not decoded; deleted slots are neither.
    assert_eq!(snap.get("/ring"), None);
    assert_eq!(snap.len(), 8);
    let names: Vec<String> = client
        .directory()
        .unwrap()
        .iter()
        .map(|e| e.name().to_owned())
        .collect();
    assert_eq!(names.len(), 9);
    assert!(names.windows(2).all(|w| w[0] < w[1]), "{names:?}");
    assert_eq!(client.heartbeat().unwrap(), Some(42));
}

#[test]
fn patterns_select_entries() {
    let mut client = client(every_type());
    assert_eq!(
        client.ls(&["/if/"]).unwrap(),
        ["/if/drops", "/if/names", "/if/rx"]
    );
    let snap = client.scrape(&["/interfaces/", "/sys/h"]).unwrap();
    let names: Vec<&str> = snap.iter().map(|e| &*e.name).collect();
    assert_eq!(
        names,
        [
            "/interfaces/pg 0/drops",
            "/interfaces/pg0/rx",
            "/sys/heartbeat"
        ]
    );
    assert_eq!(snap.entries[0].stat_type, StatType::Symlink);
    // Same patterns again reuse the cached selection and give the same answer.
    assert_eq!(client.scrape(&["/interfaces/", "/sys/h"]).unwrap(), snap);
    assert!(client.scrape(&["("]).is_err());
}

#[test]
fn values_change_without_epoch_and_directory_changes_with_it() {
    let mut t = every_type();
    t.entry(StatType::Gauge, 1, "/g");
    let (writer, seg) = t.finish_mut();
    let mut client = StatsClient::open(seg).unwrap();
    assert_eq!(client.get("/g").unwrap(), Some(StatValue::Gauge(1)));

    // The gauge is entry 10; its union sits in the directory, found through the header.
    let dir = writer.load_u64("t", HDR_DIRECTORY).unwrap() - TestSegment::BASE;
    let gauge = dir as usize + 10 * ENTRY_SIZE;
    writer.store_u64("t", gauge + ENTRY_VALUE, 99).unwrap();
    assert_eq!(client.get("/g").unwrap(), Some(StatValue::Gauge(99)));

    // Renaming it under an epoch bump is seen at the next poll.
    writer
        .store_u64(
            "t",
            gauge + ENTRY_NAME,
            u64::from_ne_bytes(*b"/h2\0\0\0\0\0"),
        )
        .unwrap();
    writer.store_u64("t", HDR_EPOCH, 2).unwrap();
    assert_eq!(client.get("/g").unwrap(), None);
    assert_eq!(client.get("/h2").unwrap(), Some(StatValue::Gauge(99)));
    assert_eq!(client.header().unwrap().epoch, 2);
}

#[test]
fn in_progress_stuck_is_a_bounded_error() {
    let (writer, seg) = every_type().finish_mut();
    writer.store_u64("t", HDR_IN_PROGRESS, 1).unwrap();
    let mut client = StatsClient::open(seg).unwrap();
    client.set_timeout(Duration::from_millis(50));
    let start = Instant::now();
    let err = client.scrape::<&str>(&[]).unwrap_err();
    assert!(matches!(err, StatsError::InProgress(_)), "{err}");
    assert!(start.elapsed() < Duration::from_secs(2));

    writer.store_u64("t", HDR_IN_PROGRESS, 0).unwrap();
    assert_eq!(client.scrape::<&str>(&[]).unwrap().len(), 8);
}

#[test]
fn wrong_version_is_refused() {
    let mut t = every_type();
    t.put(HDR_VERSION, 1);
    let err = StatsClient::open(t.finish()).unwrap_err();
    assert!(matches!(err, StatsError::Version(1)), "{err}");
}

#[test]
fn bad_directory_pointer_is_an_error() {
    for ptr in [
        0,
        1,
        TestSegment::BASE + (1 << 20),
        TestSegment::BASE - 4096,
    ] {
        let mut t = every_type();
        let (writer, seg) = {
            t.put(HDR_EPOCH, 5);
            t.finish_mut()
        };
        writer.store_u64("t", HDR_DIRECTORY, ptr).unwrap();
        let mut client = StatsClient::open(seg).unwrap();
        let err = client.directory().unwrap_err();
        assert!(
            matches!(err, StatsError::BadPointer { .. }),
            "{ptr:#x}: {err}"
        );
    }
}

#[test]
fn bad_counter_pointers_name_the_entry() {
    let mut t = TestSegment::new();
    t.entry(StatType::CounterVectorSimple, 0xdead_beef, "/bad/simple");
    let inner = t.vector(&[TestSegment::BASE + (1 << 30)], 8, 8);
    t.entry(StatType::CounterVectorCombined, inner, "/bad/combined");
    let names = t.vector(&[TestSegment::BASE + 3], 8, 8);
    t.entry(StatType::NameVector, names, "/bad/names");
    let mut client = client(t);
    for name in ["/bad/simple", "/bad/combined", "/bad/names"] {
        let err = client.get(name).unwrap_err();
        let StatsError::Entry { name: got, .. } = &err else {
            panic!("{name}: {err}");
        };
        assert_eq!(got, name);
        assert!(err.to_string().contains(name));
    }
    assert!(client.scrape::<&str>(&[]).is_err());
}

#[test]
fn broken_symlinks_are_errors() {
    let mut t = TestSegment::new();
    let simple = t.simple(&[&[1]]);
    let v = t.entry(StatType::CounterVectorSimple, simple, "/v");
    let g = t.entry(StatType::Gauge, 0, "/g");
    t.entry(StatType::Symlink, symlink_value(v, 1), "/beyond-element");
    t.entry(StatType::Symlink, symlink_value(99, 0), "/beyond-directory");
    t.entry(StatType::Symlink, symlink_value(g, 0), "/to-gauge");
    let mut client = client(t);
    for name in ["/beyond-element", "/beyond-directory", "/to-gauge"] {
        assert!(client.get(name).is_err(), "{name}");
    }
}

#[test]
fn oversized_vector_lengths_are_truncation() {
    let mut t = TestSegment::new();
    let data = t.vector(&[1, 2], 8, 8);
    let threads = t.vector(&[data], 8, 8);
    t.set_vec_len(data, 1 << 28);
    t.entry(StatType::CounterVectorSimple, threads, "/huge");
    let long = t.string("x");
    t.set_vec_len(long, u32::MAX);
    let names = t.vector(&[long], 8, 8);
    t.entry(StatType::NameVector, names, "/huge-name");
    let mut client = client(t);
    for name in ["/huge", "/huge-name"] {
        let err = client.get(name).unwrap_err();
        assert!(
            crate::error::chain(&err).contains("past the end"),
            "{name}: {err}"
        );
    }
}

#[test]
fn truncated_segments_never_panic() {
    let bytes = every_type().into_bytes();
    // Cut the segment at many places, including inside the header and the directory.
    for cut in (0..bytes.len()).step_by(509).chain([48, 56, 4096, 4100]) {
        let mut file = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut file, &bytes[..cut]).unwrap();
        let Ok(seg) = Segment::from_fd(file.into()) else {
            continue;
        };
        if let Ok(mut client) = StatsClient::open(seg) {
            client.set_timeout(Duration::from_millis(5));
            let _ = client.scrape::<&str>(&[]);
        }
    }
}

#[test]
fn garbage_never_panics() {
    // A deterministic scramble of a valid segment: flip words in the heap.
    let bytes = every_type().into_bytes();
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..200 {
        let mut b = bytes.clone();
        for _ in 0..8 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let at = (HEAP_START + (state as usize % (2048 - 8))) & !7;
            b[at..at + 8].copy_from_slice(&(state >> 3).to_ne_bytes());
        }
        let mut file = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut file, &b).unwrap();
        let mut client = StatsClient::open(Segment::from_fd(file.into()).unwrap()).unwrap();
        client.set_timeout(Duration::from_millis(5));
        let _ = client.scrape::<&str>(&[]);
    }
}
