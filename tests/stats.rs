//! The stats reader against ground truth: the golden segment captured from a real VPP, and
//! FD.io's vpp_papi reading a segment the simulator serves.

mod common;

use std::io::Write;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use vppx::sim::statseg::{SegmentOptions, StatSegment};
use vppx::stats::{CombinedCounter, Segment, StatValue, StatsClient};

fn open_golden() -> (StatsClient, Value) {
    let segment = common::golden("stats/segment.bin.gz");
    let expected = common::golden("stats/expected.json.gz");
    let expected: Value = serde_json::from_slice(&expected).expect("expected.json parses");
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(&segment).unwrap();
    let client = StatsClient::open(Segment::open_file(file.path()).unwrap()).unwrap();
    (client, expected)
}

#[test]
fn golden_segment_reads_as_vpp_papi_read_it() {
    let (mut client, expected) = open_golden();
    let meta = &expected["meta"];
    let header = client.header().unwrap();
    assert_eq!(json!(header.version), meta["version"]);
    assert_eq!(json!(header.base), meta["base"]);
    assert_eq!(json!(header.epoch), meta["epoch"]);
    assert_eq!(json!(header.in_progress), meta["in_progress"]);
    assert_eq!(json!(header.directory), meta["directory_vector"]);
    assert_eq!(meta["unreadable_by_vpp_papi"], json!({}));

    let snapshot = client.scrape::<&str>(&[]).unwrap();
    assert_eq!(json!(snapshot.len()), meta["entries"]);
    let theirs = expected["counters"].as_object().unwrap();
    common::assert_same_paths(&common::papi_json(&snapshot), theirs);

    // Spot checks of what the capture teaches (see golden/README.md).
    assert_eq!(
        snapshot.get("/interfaces/pg0/rx"),
        Some(&StatValue::CombinedElement(vec![CombinedCounter {
            packets: 3072,
            bytes: 196608
        }]))
    );
    let Some(StatValue::Simple(mem)) = snapshot.get("/mem/main heap") else {
        panic!("/mem/main heap is not a simple vector");
    };
    assert_eq!(mem[0].len(), 7);
    assert_eq!(client.heartbeat().unwrap(), Some(1));
}

#[test]
fn golden_directory_and_patterns() {
    let (mut client, _) = open_golden();
    let dir = client.directory().unwrap();
    let rx = dir
        .iter()
        .find(|e| e.name() == "/interfaces/pg0/rx")
        .unwrap();
    let (target, element) = rx.symlink_target().unwrap();
    assert_eq!(
        dir.iter().find(|e| e.index() == target).unwrap().name(),
        "/if/rx"
    );
    assert_eq!(element, 1);
    let names = client.ls(&["/if/"]).unwrap();
    assert!(names.contains(&"/if/names".to_owned()));
    assert!(names.iter().all(|n| n.starts_with("/if/")));
    let errors = client.scrape(&["/err/"]).unwrap();
    assert!(errors.len() > 100);
    let deny = errors
        .get("/err/acl-plugin-in-ip4-fa/ACL deny packets")
        .and_then(StatValue::sum);
    assert!(deny.is_some());
    // The acl plugin's counters per node, as VPP names its nodes: the fa (IP) and l2
    // nodes, both directions and families, zero in this capture.
    let acl = vppx::ops::stats::acl_counters(&errors);
    let nodes: Vec<&str> = acl.iter().map(|c| c.node.as_str()).collect();
    assert_eq!(
        nodes,
        [
            "acl-plugin-in-ip4-fa",
            "acl-plugin-in-ip4-l2",
            "acl-plugin-in-ip6-fa",
            "acl-plugin-in-ip6-l2",
            "acl-plugin-out-ip4-fa",
            "acl-plugin-out-ip4-l2",
            "acl-plugin-out-ip6-fa",
            "acl-plugin-out-ip6-l2",
        ]
    );
    assert!(acl.iter().all(|c| c.deny == 0 && c.permit == 0));
}

/// Builds a segment shaped like a small VPP's: two threads, interfaces, nodes, errors,
/// heaps, gauges, scalars, symlinks, a deleted entry and an empty name slot.
fn simulated_vpp() -> StatSegment {
    let mut w = StatSegment::create(&SegmentOptions::default()).unwrap();
    let threads = 2;
    let ifaces = ["local0", "pg0", "pg1", "host-eth 0"];
    w.add_scalar("/sys/heartbeat", 17).unwrap();
    w.add_scalar("/sys/boottime", 1_795_370_402).unwrap();
    w.add_scalar("/sys/last_update", 0).unwrap();
    w.add_gauge("/sys/vector_rate", 3).unwrap();
    w.add_gauge("/sys/num_worker_threads", 1).unwrap();
    w.add_gauge("/buffer-pools/default-numa-0/available", 16383)
        .unwrap();
    let names = w.add_names("/if/names", &ifaces[..2]).unwrap();

    let mut simple = Vec::new();
    for counter in ["drops", "rx-error", "ip4"] {
        let id = w.add_simple(&format!("/if/{counter}"), threads, 2).unwrap();
        simple.push((counter, id));
    }
    let mut combined = Vec::new();
    for counter in ["rx", "tx"] {
        let id = w
            .add_combined(&format!("/if/{counter}"), threads, 2)
            .unwrap();
        combined.push((counter, id));
    }
    // Interfaces created after the counters exist: vectors grow, names are added.
    for (i, name) in ifaces.iter().enumerate().skip(2) {
        w.set_name(names, i, Some(name)).unwrap();
        for (_, id) in simple.iter().chain(&combined) {
            w.resize(*id, i + 1).unwrap();
        }
    }
    for (sw_if_index, name) in ifaces.iter().enumerate() {
        for (counter, id) in simple.iter().chain(&combined) {
            w.add_symlink(
                &format!("/interfaces/{name}/{counter}"),
                *id,
                sw_if_index as u32,
            )
            .unwrap();
        }
    }
    for t in 0..threads {
        for i in 0..ifaces.len() {
            let n = (t * 10 + i) as u64;
            for (k, (_, id)) in simple.iter().enumerate() {
                w.set_simple(*id, t, i, n * 1000 + k as u64).unwrap();
            }
            w.set_combined(
                combined[0].1,
                t,
                i,
                CombinedCounter {
                    packets: n,
                    bytes: n * 64,
                },
            )
            .unwrap();
        }
    }
    // Beyond 2^53: JSON numbers must stay exact on both sides.
    w.set_combined(
        combined[1].1,
        1,
        1,
        CombinedCounter {
            packets: u64::MAX - 1,
            bytes: (1 << 60) + 1,
        },
    )
    .unwrap();

    let nodes = ["ip4-input", "ip4-lookup", "pg-input"];
    w.add_names("/sys/node/names", &nodes).unwrap();
    for counter in ["calls", "vectors"] {
        let id = w
            .add_simple(&format!("/sys/node/{counter}"), threads, nodes.len())
            .unwrap();
        for (i, node) in nodes.iter().enumerate() {
            w.set_simple(id, 1, i, 5 + i as u64).unwrap();
            w.add_symlink(&format!("/nodes/{node}/{counter}"), id, i as u32)
                .unwrap();
        }
    }
    let errors = w.add_simple("/node/errors", 1, 3).unwrap();
    w.set_simple(errors, 0, 2, 42).unwrap();
    w.add_symlink(
        "/err/ip4-input/ip4 spoofed local-address packet dropped",
        errors,
        2,
    )
    .unwrap();

    for heap in ["main heap", "stat segment"] {
        let id = w.add_simple(&format!("/mem/{heap}"), 1, 7).unwrap();
        for i in 0..7 {
            w.set_simple(id, 0, i, 1 << (20 + i)).unwrap();
        }
        for (i, part) in ["total", "used", "free"].iter().enumerate() {
            w.add_symlink(&format!("/mem/{heap}/{part}"), id, i as u32)
                .unwrap();
        }
    }

    let gone = w.add_gauge("/tmp/gone", 1).unwrap();
    w.remove(gone).unwrap();
    let sparse = w.add_names("/test/sparse-names", &["a", "b", "c"]).unwrap();
    w.set_name(sparse, 1, None).unwrap();
    w
}

#[test]
fn vpp_papi_reads_the_simulated_segment_as_we_do() {
    let w = simulated_vpp();
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("stats.sock");
    let _server = w.serve(&socket).unwrap();

    let Some(theirs) = common::papi_read_stats(&socket) else {
        return;
    };

    let mut client = StatsClient::connect_with_timeout(&socket, Duration::from_secs(5)).unwrap();
    let ours = common::papi_json(&client.scrape::<&str>(&[]).unwrap());
    common::assert_same_paths(&ours, &theirs);
    assert!(theirs["/interfaces/host-eth 0/rx"].is_object());
    assert_eq!(theirs["/test/sparse-names"]["value"], json!(["a", "c"]));
    assert_eq!(
        theirs["/interfaces/pg0/tx"]["value"][1],
        json!([u64::MAX - 1, (1u64 << 60) + 1])
    );
}

/// Scrape cost on a directory the size of the golden one. Run with
/// `cargo test --release --test stats -- --ignored --nocapture`.
#[test]
#[ignore = "timing; run in release"]
fn bench_full_scrape() {
    let mut w = StatSegment::create(&SegmentOptions::default()).unwrap();
    let threads = 2;
    let mut vectors = Vec::new();
    for v in 0..40 {
        vectors.push(w.add_simple(&format!("/v/{v}"), threads, 100).unwrap());
    }
    for i in 0..5000 {
        let target = vectors[i % vectors.len()];
        w.add_symlink(&format!("/links/{i}"), target, (i % 100) as u32)
            .unwrap();
    }
    let mut client = StatsClient::open(w.reader().unwrap()).unwrap();
    let first = Instant::now();
    let n = client.scrape::<&str>(&[]).unwrap().len();
    let first = first.elapsed();
    let rounds = 50;
    let start = Instant::now();
    for _ in 0..rounds {
        assert_eq!(client.scrape::<&str>(&[]).unwrap().len(), n);
    }
    let per = start.elapsed() / rounds;
    println!("{n} entries: first scrape (directory parse) {first:?}, then {per:?} per scrape");

    let (mut golden, _) = open_golden();
    let start = Instant::now();
    for _ in 0..rounds {
        golden.scrape::<&str>(&[]).unwrap();
    }
    println!("golden segment: {:?} per scrape", start.elapsed() / rounds);
}
