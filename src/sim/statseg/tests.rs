//! Writer ↔ reader round trips: whatever the simulator writes, vppx's reader must read back.

use std::time::Duration;

use super::*;
use crate::stats::{StatValue, StatsClient};

fn small() -> StatSegment {
    StatSegment::create(&SegmentOptions {
        size: 1 << 20,
        ..SegmentOptions::default()
    })
    .unwrap()
}

fn c(packets: u64, bytes: u64) -> CombinedCounter {
    CombinedCounter { packets, bytes }
}

#[test]
fn every_entry_type_round_trips() {
    let mut w = small();
    let hb = w.add_scalar("/sys/heartbeat", 1).unwrap();
    let rate = w.add_gauge("/sys/vector_rate", 3).unwrap();
    let drops = w.add_simple("/if/drops", 2, 3).unwrap();
    let rx = w.add_combined("/if/rx", 2, 3).unwrap();
    w.add_names("/if/names", &["local0", "pg0", "pg1"]).unwrap();
    w.add_symlink("/interfaces/pg0/drops", drops, 1).unwrap();
    w.add_symlink("/interfaces/pg1/rx", rx, 2).unwrap();
    w.set_scalar(hb, 5).unwrap();
    w.set_scalar(rate, 9).unwrap();
    w.set_simple(drops, 0, 1, 10).unwrap();
    w.add_to_simple(drops, 1, 1, 7).unwrap();
    w.add_to_simple(drops, 1, 1, 1).unwrap();
    w.set_combined(rx, 1, 2, c(4, 256)).unwrap();
    w.add_to_combined(rx, 0, 2, c(1, 60)).unwrap();

    let mut r = StatsClient::open(w.reader().unwrap()).unwrap();
    let snap = r.scrape::<&str>(&[]).unwrap();
    assert_eq!(snap.epoch, w.epoch());
    assert_eq!(snap.get("/sys/heartbeat"), Some(&StatValue::Scalar(5)));
    assert_eq!(snap.get("/sys/vector_rate"), Some(&StatValue::Gauge(9)));
    assert_eq!(
        snap.get("/if/drops"),
        Some(&StatValue::Simple(vec![vec![0, 10, 0], vec![0, 8, 0]]))
    );
    assert_eq!(
        snap.get("/interfaces/pg0/drops"),
        Some(&StatValue::SimpleElement(vec![10, 8]))
    );
    assert_eq!(
        snap.get("/interfaces/pg1/rx"),
        Some(&StatValue::CombinedElement(vec![c(1, 60), c(4, 256)]))
    );
    assert_eq!(
        snap.get("/if/names"),
        Some(&StatValue::Names(vec![
            Some("local0".into()),
            Some("pg0".into()),
            Some("pg1".into())
        ]))
    );
    assert_eq!(snap.len(), 7);
}

#[test]
fn counter_updates_do_not_bump_the_epoch() {
    let mut w = small();
    let drops = w.add_simple("/if/drops", 1, 2).unwrap();
    let epoch = w.epoch();
    for i in 0..100 {
        w.add_to_simple(drops, 0, i % 2, 1).unwrap();
    }
    assert_eq!(w.epoch(), epoch);
    let mut r = StatsClient::open(w.reader().unwrap()).unwrap();
    assert_eq!(
        r.get("/if/drops").unwrap(),
        Some(StatValue::Simple(vec![vec![50, 50]]))
    );
}

#[test]
fn growing_keeps_values_and_bumps_the_epoch() {
    let mut w = small();
    let rx = w.add_combined("/if/rx", 2, 1).unwrap();
    let names = w.add_names("/if/names", &["local0"]).unwrap();
    w.set_combined(rx, 1, 0, c(3, 300)).unwrap();
    let mut r = StatsClient::open(w.reader().unwrap()).unwrap();
    let before = r.scrape::<&str>(&[]).unwrap();

    let epoch = w.epoch();
    w.resize(rx, 100).unwrap();
    assert!(w.epoch() > epoch);
    w.set_combined(rx, 0, 99, c(1, 1)).unwrap();
    for i in 1..40 {
        w.set_name(names, i, Some(&format!("loop{i}"))).unwrap();
    }
    w.set_name(names, 5, None).unwrap();

    let after = r.scrape::<&str>(&[]).unwrap();
    assert!(after.epoch > before.epoch);
    let Some(StatValue::Combined(threads)) = after.get("/if/rx") else {
        panic!("{after:?}");
    };
    assert_eq!(threads[0].len(), 100);
    assert_eq!(threads[1][0], c(3, 300));
    assert_eq!(threads[0][99], c(1, 1));
    assert!(threads[1][1..].iter().all(|&v| v == c(0, 0)));
    let Some(StatValue::Names(list)) = after.get("/if/names") else {
        panic!();
    };
    assert_eq!(list.len(), 40);
    assert_eq!(list[5], None);
    assert_eq!(list[39].as_deref(), Some("loop39"));

    // Shrinking then growing exposes zeroes, not old values.
    w.resize(rx, 1).unwrap();
    w.resize(rx, 100).unwrap();
    let Some(StatValue::Combined(threads)) = r.get("/if/rx").unwrap() else {
        panic!();
    };
    assert_eq!(threads[0][99], c(0, 0));
    assert_eq!(threads[1][0], c(3, 300));
}

#[test]
fn removal_empties_the_slot_and_reuses_it() {
    let mut w = small();
    let a = w.add_gauge("/a", 1).unwrap();
    let v = w.add_simple("/v", 1, 4).unwrap();
    let link = w.add_symlink("/v/link", v, 3).unwrap();
    assert!(matches!(w.remove(v), Err(StatsError::InUse(_))));
    w.remove(link).unwrap();
    let in_use = w.heap_in_use();
    w.remove(v).unwrap();
    assert!(w.heap_in_use() < in_use);
    assert!(matches!(
        w.set_simple(v, 0, 0, 1),
        Err(StatsError::NoSuchEntry)
    ));

    let mut r = StatsClient::open(w.reader().unwrap()).unwrap();
    assert_eq!(r.ls::<&str>(&[]).unwrap(), ["/a"]);

    // The freed slot is reused; the stale id does not write into the newcomer.
    let b = w.add_gauge("/b", 2).unwrap();
    assert_eq!(b.index(), v.index());
    assert!(w.set_scalar(v, 99).is_err());
    assert_eq!(r.get("/b").unwrap(), Some(StatValue::Gauge(2)));
    w.set_scalar(a, 11).unwrap();
    assert_eq!(r.get("/a").unwrap(), Some(StatValue::Gauge(11)));
    assert_eq!(w.find("/b"), Some(b));
}

#[test]
fn directory_grows_past_its_first_allocation() {
    let mut w = small();
    let ids: Vec<_> = (0..300)
        .map(|i| w.add_gauge(&format!("/g/{i:03}"), i).unwrap())
        .collect();
    w.set_scalar(ids[299], 1234).unwrap();
    let mut r = StatsClient::open(w.reader().unwrap()).unwrap();
    let snap = r.scrape(&["/g/"]).unwrap();
    assert_eq!(snap.len(), 300);
    assert_eq!(snap.get("/g/000"), Some(&StatValue::Gauge(0)));
    assert_eq!(snap.get("/g/299"), Some(&StatValue::Gauge(1234)));
}

#[test]
fn bad_calls_are_errors() {
    let mut w = small();
    let g = w.add_gauge("/g", 0).unwrap();
    let v = w.add_simple("/v", 2, 2).unwrap();
    assert!(matches!(
        w.add_gauge("/g", 0),
        Err(StatsError::Duplicate(_))
    ));
    assert!(matches!(
        w.add_gauge(&"x".repeat(128), 0),
        Err(StatsError::NameTooLong { .. })
    ));
    assert!(w.add_symlink("/l", g, 0).is_err());
    assert!(matches!(
        w.set_simple(v, 2, 0, 1),
        Err(StatsError::OutOfRange { .. })
    ));
    assert!(matches!(
        w.set_simple(v, 0, 2, 1),
        Err(StatsError::OutOfRange { .. })
    ));
    assert!(matches!(
        w.set_combined(v, 0, 0, c(1, 1)),
        Err(StatsError::WrongType { .. })
    ));
    assert!(w.set_scalar(v, 1).is_err());
    assert!(w.resize(g, 3).is_err());
    assert!(w.set_name(g, 0, Some("x")).is_err());
    // A name of exactly 127 bytes fits with its NUL.
    w.add_gauge(&"y".repeat(127), 0).unwrap();
}

#[test]
fn full_segment_is_an_error_not_a_panic() {
    let mut w = small();
    let err = w.add_simple("/big", 1, 1 << 20).unwrap_err();
    assert!(matches!(err, StatsError::Full { .. }), "{err}");
}

#[test]
fn served_over_the_socket() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stats.sock");
    let mut w = small();
    let hb = w.add_scalar("/sys/heartbeat", 1).unwrap();
    let server = w.serve(&path).unwrap();

    let mut r = StatsClient::connect_with_timeout(&path, Duration::from_secs(5)).unwrap();
    assert_eq!(r.heartbeat().unwrap(), Some(1));
    w.set_scalar(hb, 2).unwrap();
    assert_eq!(r.heartbeat().unwrap(), Some(2));
    assert!(!r.socket_replaced());
    assert!(r.socket_inode().is_some());

    // Several clients, each gets the descriptor.
    for _ in 0..5 {
        let mut other = StatsClient::connect_with_timeout(&path, Duration::from_secs(5)).unwrap();
        assert_eq!(other.heartbeat().unwrap(), Some(2));
    }

    // A "restarted VPP": new segment, new socket file at the same path.
    server.stop();
    assert!(!path.exists());
    assert!(r.socket_replaced());
    let mut w2 = small();
    w2.add_scalar("/sys/heartbeat", 100).unwrap();
    let _server2 = w2.serve(&path).unwrap();
    // The old mapping is frozen but still readable.
    assert_eq!(r.heartbeat().unwrap(), Some(2));
    r.reconnect().unwrap();
    assert_eq!(r.heartbeat().unwrap(), Some(100));
    assert!(!r.socket_replaced());
}

#[test]
fn connecting_to_nothing_is_a_socket_error() {
    let dir = tempfile::tempdir().unwrap();
    let err = StatsClient::connect(dir.path().join("missing.sock")).unwrap_err();
    assert!(matches!(err, StatsError::Socket { .. }), "{err}");
}

#[test]
fn scrapes_stay_consistent_while_the_shape_changes() {
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    use std::sync::Arc;

    let mut w = small();
    let rx = w.add_combined("/if/rx", 2, 1).unwrap();
    let names = w.add_names("/if/names", &["local0"]).unwrap();
    let mut r = StatsClient::open(w.reader().unwrap()).unwrap();
    r.set_timeout(Duration::from_secs(10));
    let stop = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicU64::new(0));
    let writer = {
        let (stop, done) = (stop.clone(), done.clone());
        std::thread::spawn(move || {
            let mut changes = 0u64;
            while !stop.load(Ordering::Relaxed) {
                // Grow to 200 interfaces, then start again from one.
                let i = (changes % 200) as usize + 1;
                w.resize(rx, i + 1).unwrap();
                w.set_combined(rx, 1, i, c(i as u64, 1)).unwrap();
                w.set_name(names, i, Some(&format!("if{i}"))).unwrap();
                let link = w.add_symlink("/interfaces/x/rx", rx, i as u32).unwrap();
                w.remove(link).unwrap();
                changes += 1;
                done.store(changes, Ordering::Relaxed);
                // A writer that never pauses starves every optimistic reader (vpp_papi's
                // too); VPP changes its directory at human rates.
                std::thread::sleep(Duration::from_micros(100));
            }
            changes
        })
    };
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let mut scrapes = 0;
    while scrapes < 100 || done.load(Ordering::Relaxed) < 500 {
        assert!(
            std::time::Instant::now() < deadline,
            "writer made no progress"
        );
        scrapes += 1;
        let snap = r.scrape::<&str>(&[]).unwrap();
        let Some(StatValue::Combined(threads)) = snap.get("/if/rx") else {
            panic!("no /if/rx");
        };
        // Both threads' vectors change together, under one epoch.
        assert_eq!(threads[0].len(), threads[1].len());
        for (i, v) in threads[1].iter().enumerate().skip(1) {
            assert!(*v == c(i as u64, 1) || *v == c(0, 0), "{i}: {v:?}");
        }
    }
    stop.store(true, Ordering::Relaxed);
    assert!(writer.join().unwrap() >= 500);
}
