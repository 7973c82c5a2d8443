//! The simulator's stats segment against vpp_papi and VPP's layout, and the `ops::stats`
//! views against the golden segment of a real VPP.

mod common;

use std::io::Write;
use std::time::Duration;

use serde_json::{json, Value};
use vppx::ops::stats as views;
use vppx::sim::{SimConfig, Simulator};
use vppx::stats::{Segment, Snapshot, StatValue, StatsClient};

/// A simulator with pg0 → pg1 traffic running (pg0 up, pg1 up and addressed).
fn running_sim(dir: &tempfile::TempDir) -> Simulator {
    let sim = Simulator::start(SimConfig {
        socket: dir.path().join("api.sock"),
        stats_socket: Some(dir.path().join("stats.sock")),
        interfaces: vec!["pg0".into(), "pg1".into()],
        ..Default::default()
    })
    .unwrap();
    for line in [
        "set interface state pg0 up",
        "set interface state pg1 up",
        "set interface ip address pg1 198.18.1.1/24",
        "sim traffic pg0 5000pps 128B",
    ] {
        assert_eq!(sim.cli(line).0, 0, "{line}");
    }
    sim
}

#[test]
fn vpp_papi_reads_the_running_simulator_as_we_do() {
    let dir = tempfile::tempdir().unwrap();
    let sim = running_sim(&dir);
    // Some unrouted traffic too, so errors and drops are non-zero.
    assert_eq!(
        sim.cli("sim traffic pg1 700pps 64B dst 203.0.113.0/24").0,
        0
    );
    std::thread::sleep(Duration::from_millis(400));
    // A still moment: nothing writes to the segment until ticking resumes.
    sim.set_ticking(false);
    let socket = dir.path().join("stats.sock");
    let Some(theirs) = common::papi_read_stats(&socket) else {
        return;
    };
    let theirs = &theirs;
    let mut client = StatsClient::connect_with_timeout(&socket, Duration::from_secs(5)).unwrap();
    let snap = client.scrape::<&str>(&[]).unwrap();
    let ours = common::papi_json(&snap);

    common::assert_same_paths(&ours, theirs);
    // And the reading is of a segment with traffic in it.
    let rx = &theirs["/interfaces/pg0/rx"]["value"];
    let total: u64 = rx
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t[0].as_u64().unwrap())
        .sum();
    assert!(total > 500, "pg0 rx {rx}");
    assert!(theirs["/err/ip4-input/dst_lookup_miss"]["value"]
        .as_array()
        .unwrap()
        .iter()
        .any(|v| v.as_u64() > Some(0)));
    assert!(theirs.len() > 4000, "{} paths", theirs.len());
    // vpp_papi reads the per-route counters too, and sees the flow on one route.
    let busy_routes = theirs["/net/route/to"]["value"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t.as_array().unwrap().iter().enumerate())
        .filter(|(_, v)| v[0].as_u64() > Some(0))
        .map(|(i, _)| i)
        .collect::<std::collections::BTreeSet<_>>();
    assert_eq!(
        busy_routes.len(),
        2,
        "two flows, two routes: {busy_routes:?}"
    );
    // And the adjacency counters: the routed flow's rewrite (pg1's glean adjacency, for
    // its attached subnet); the unrouted one reaches no rewrite.
    let busy_adjacencies: Vec<u64> = theirs["/net/adjacency"]["value"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t.as_array().unwrap().iter().enumerate())
        .filter(|(_, v)| v[0].as_u64() > Some(0))
        .map(|(i, v)| {
            assert_eq!(v[1].as_u64(), v[0].as_u64().map(|p| p * 128), "{i}: {v}");
            i as u64
        })
        .collect();
    assert!(
        !busy_adjacencies.is_empty() && busy_adjacencies.iter().all(|i| *i == busy_adjacencies[0]),
        "one adjacency carries the routed flow: {busy_adjacencies:?}"
    );
    sim.set_ticking(true);
    sim.stop();
}

#[test]
fn simulator_segment_has_vpps_paths_types_and_threads() {
    let dir = tempfile::tempdir().unwrap();
    let sim = running_sim(&dir);
    std::thread::sleep(Duration::from_millis(300));
    sim.set_ticking(false);
    let mut client = StatsClient::connect(dir.path().join("stats.sock")).unwrap();
    let snap = client.scrape::<&str>(&[]).unwrap();
    let ty = |p: &str| {
        snap.iter()
            .find(|e| e.name.as_ref() == p)
            .map(|e| e.stat_type.as_str())
            .unwrap_or_else(|| panic!("{p} missing"))
    };
    for (path, want) in [
        ("/sys/heartbeat", "scalar"),
        ("/sys/boottime", "scalar"),
        ("/sys/last_update", "scalar"),
        ("/sys/last_stats_clear", "scalar"),
        ("/sys/vector_rate", "gauge"),
        ("/sys/input_rate", "gauge"),
        ("/sys/num_worker_threads", "gauge"),
        ("/sys/loops_per_worker", "counter_vector_simple"),
        ("/sys/vector_rate_per_worker", "counter_vector_simple"),
        ("/if/names", "name_vector"),
        ("/if/rx", "counter_vector_combined"),
        ("/if/tx-broadcast", "counter_vector_combined"),
        ("/if/rx-miss", "counter_vector_simple"),
        ("/if/mpls", "counter_vector_simple"),
        ("/interfaces/pg1/tx", "symlink"),
        ("/sys/node/names", "name_vector"),
        ("/sys/node/suspends", "counter_vector_simple"),
        ("/nodes/ip4-lookup/vectors", "symlink"),
        ("/nodes/pg1-tx/calls", "symlink"),
        ("/node/errors", "counter_vector_simple"),
        ("/err/ip4-input/dst_lookup_miss", "symlink"),
        ("/err/pg0-output/interface is down", "symlink"),
        ("/buffer-pools/default-numa-0/available", "gauge"),
        ("/mem/main heap", "counter_vector_simple"),
        ("/mem/stat segment/used", "symlink"),
    ] {
        assert_eq!(ty(path), want, "{path}");
    }
    assert_eq!(
        snap.get("/sys/num_worker_threads"),
        Some(&StatValue::Gauge(2))
    );
    // Three threads; the workers carry the packets; totals are sums.
    let Some(StatValue::Combined(rx)) = snap.get("/if/rx") else {
        panic!("/if/rx");
    };
    assert_eq!(rx.len(), 3);
    assert_eq!(rx[0][1].packets, 0);
    assert!(rx[1][1].packets > 0 && rx[2][1].packets > 0);
    let ifaces = views::interfaces(&snap);
    let pg0 = ifaces.iter().find(|i| i.name == "pg0").unwrap();
    assert_eq!(pg0.rx_packets, rx[1][1].packets + rx[2][1].packets);
    assert_eq!(pg0.rx_bytes, pg0.rx_packets * 128);
    let pg1 = ifaces.iter().find(|i| i.name == "pg1").unwrap();
    assert_eq!(pg1.tx_packets, pg0.rx_packets);
    let nodes = views::nodes(&snap);
    let lookup = nodes.iter().find(|n| n.name == "ip4-lookup").unwrap();
    assert_eq!(lookup.vectors, pg0.rx_packets);
    assert!(lookup.clocks_per_vector > 0.0);
    let Some(StatValue::Simple(mem)) = snap.get("/mem/main heap") else {
        panic!("/mem/main heap");
    };
    assert_eq!(mem[0].len(), 7);

    // A new interface: names, counters and symlinks, with an epoch bump.
    let epoch = client.header().unwrap().epoch;
    assert_eq!(sim.cli("create loopback interface").1, "loop0\n");
    let header = client.header().unwrap();
    assert!(header.epoch > epoch);
    let snap = client.scrape::<&str>(&[]).unwrap();
    assert!(snap.get("/interfaces/loop0/rx").is_some());
    assert!(snap.get("/err/loop0-output/interface is down").is_some());
    assert!(views::interfaces(&snap).iter().any(|i| i.name == "loop0"));
    sim.stop();
}

fn golden_snapshot() -> (Snapshot, Value) {
    let segment = common::golden("stats/segment.bin.gz");
    let expected = common::golden("stats/expected.json.gz");
    let expected: Value = serde_json::from_slice(&expected).expect("expected.json parses");
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(&segment).unwrap();
    let mut client = StatsClient::open(Segment::open_file(file.path()).unwrap()).unwrap();
    (client.scrape::<&str>(&[]).unwrap(), expected)
}

/// Sums a `[thread][index]` (or `[thread][index][packets, bytes]`) value of expected.json.
fn sum_at(expected: &Value, path: &str, index: usize, part: Option<usize>) -> u64 {
    expected["counters"][path]["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let v = &t[index];
            part.map_or(v, |p| &v[p]).as_u64().unwrap()
        })
        .sum()
}

#[test]
fn golden_views_match_what_vpp_papi_read() {
    let (snap, expected) = golden_snapshot();
    let c = &expected["counters"];
    let names: Vec<&str> = c["/if/names"]["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let ifaces = views::interfaces(&snap);
    assert_eq!(
        ifaces.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(),
        names
    );
    for (i, iface) in ifaces.iter().enumerate() {
        assert_eq!(iface.sw_if_index as usize, i);
        assert_eq!(iface.rx_packets, sum_at(&expected, "/if/rx", i, Some(0)));
        assert_eq!(iface.rx_bytes, sum_at(&expected, "/if/rx", i, Some(1)));
        assert_eq!(iface.tx_packets, sum_at(&expected, "/if/tx", i, Some(0)));
        assert_eq!(iface.tx_bytes, sum_at(&expected, "/if/tx", i, Some(1)));
        assert_eq!(iface.drops, sum_at(&expected, "/if/drops", i, None));
    }
    // The capture: pg0 received 3072 packets of 64 bytes, pg1 sent 3004, loop0 dropped 3.
    assert_eq!((ifaces[1].rx_packets, ifaces[1].rx_bytes), (3072, 196_608));
    assert_eq!(ifaces[2].tx_packets, 3004);
    assert_eq!(ifaces[4].drops, 3);

    // Nodes: every one that ran, with totals over both threads of /sys/node/*.
    let node_names = c["/sys/node/names"]["value"].as_array().unwrap();
    let nodes = views::nodes(&snap);
    let mut want = 0;
    for (i, name) in node_names.iter().enumerate() {
        let calls = sum_at(&expected, "/sys/node/calls", i, None);
        let vectors = sum_at(&expected, "/sys/node/vectors", i, None);
        let clocks = sum_at(&expected, "/sys/node/clocks", i, None);
        let suspends = sum_at(&expected, "/sys/node/suspends", i, None);
        if calls + vectors + clocks + suspends == 0 {
            continue;
        }
        want += 1;
        let n = nodes
            .iter()
            .find(|n| json!(n.name) == *name)
            .unwrap_or_else(|| panic!("node {name} missing"));
        assert_eq!(
            (n.calls, n.vectors, n.clocks, n.suspends),
            (calls, vectors, clocks, suspends)
        );
    }
    assert_eq!(nodes.len(), want);
    let api = nodes.iter().find(|n| n.name == "api-rx-from-ring").unwrap();
    assert_eq!(api.clocks, 7_327_620);

    // Errors: exactly the non-zero /err/ paths.
    let errors = views::errors(&snap);
    let mut nonzero: Vec<(String, u64)> = c
        .as_object()
        .unwrap()
        .iter()
        .filter(|(p, _)| p.starts_with("/err/"))
        .filter_map(|(p, v)| {
            let sum: u64 = v["value"]
                .as_array()?
                .iter()
                .filter_map(Value::as_u64)
                .sum();
            (sum > 0).then(|| (p.clone(), sum))
        })
        .collect();
    nonzero.sort();
    let mut ours: Vec<(String, u64)> = errors
        .iter()
        .map(|e| (format!("/err/{}/{}", e.node, e.reason), e.count))
        .collect();
    ours.sort();
    assert_eq!(ours, nonzero);
    assert!(ours.contains(&("/err/arp-reply/l3_src_address_is_local".into(), 1)));

    let pools = views::buffers(&snap);
    assert_eq!(pools.len(), 1);
    assert_eq!(pools[0].name, "default-numa-0");
    assert_eq!(
        (pools[0].cached, pools[0].used, pools[0].available),
        (0, 0, 16383)
    );

    let heaps = views::memory(&snap);
    let names: Vec<&str> = heaps.iter().map(|h| h.name.as_str()).collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&"main heap") && names.contains(&"stat segment"));
    let main = heaps.iter().find(|h| h.name == "main heap").unwrap();
    assert_eq!(
        [
            main.total,
            main.used,
            main.free,
            main.used_mmap,
            main.total_alloc,
            main.free_chunks,
            main.releasable
        ],
        [
            1_073_741_824,
            31_333_312,
            1_042_408_512,
            0,
            1_073_741_824,
            5,
            1_042_404_784
        ]
    );

    let system = views::system(&snap);
    assert_eq!(system.get("/sys/boottime"), Some(&1_795_370_402));
    assert_eq!(system.get("/sys/heartbeat"), Some(&1));
    assert_eq!(system.get("/sys/num_worker_threads"), Some(&0));

    let dump = views::dump(&snap);
    assert_eq!(dump.len(), c.as_object().unwrap().len());
    let rx = dump.iter().find(|(p, _)| p == "/if/rx").unwrap();
    assert_eq!(rx.1, c["/if/rx"]["value"]);
}

/// The golden capture's `{path: {type, value}}`, read from the repository.
fn golden_expected() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/stats/expected.json.gz"
    );
    let file = std::fs::File::open(path).expect("golden expected.json.gz");
    serde_json::from_reader(flate2::read::GzDecoder::new(file)).expect("expected.json parses")
}

/// The simulator in the state of the golden capture (local0, pg0, pg1, pg-1, loop0; no
/// traffic yet) publishes exactly the real VPP's paths, each with VPP's type.
#[test]
fn simulator_path_set_and_types_equal_a_real_vpps() {
    let expected = golden_expected();
    let theirs: std::collections::BTreeSet<(String, String)> = expected["counters"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(p, v)| (p.clone(), v["type"].as_str().unwrap().to_owned()))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let sim = Simulator::start(SimConfig {
        socket: dir.path().join("api.sock"),
        stats_socket: Some(dir.path().join("stats.sock")),
        interfaces: vec!["pg0".into(), "pg1".into(), "pg-1".into()],
        ..Default::default()
    })
    .unwrap();
    assert_eq!(sim.cli("create loopback interface").1, "loop0\n");
    let mut client = StatsClient::connect(dir.path().join("stats.sock")).unwrap();
    let ours: std::collections::BTreeSet<(String, String)> = client
        .directory()
        .unwrap()
        .iter()
        .map(|e| (e.name().to_owned(), e.stat_type().as_str().to_owned()))
        .collect();
    sim.stop();
    let missing: Vec<_> = theirs.difference(&ours).collect();
    let extra: Vec<_> = ours.difference(&theirs).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{} paths missing: {:?}\n{} paths extra: {:?}",
        missing.len(),
        &missing[..missing.len().min(20)],
        extra.len(),
        &extra[..extra.len().min(20)]
    );
}

/// `/net/route/to` counts a flow at the stats index of the route that carries it (the
/// connected 198.18.1.0/24 here), which is what `ip_route_dump` says; other routes stay at
/// zero.
#[test]
fn route_counters_count_at_the_routes_stats_index() {
    let dir = tempfile::tempdir().unwrap();
    let sim = running_sim(&dir);
    std::thread::sleep(Duration::from_millis(400));
    sim.set_ticking(false);
    let mut api = vppx::client::Client::connect(
        &dir.path().join("api.sock"),
        &vppx::client::ConnectOptions::default(),
    )
    .unwrap();
    let routes = api.dump(vppx::binapi::ip::IpRouteDump::default()).unwrap();
    let _ = api.close();
    let connected = routes
        .iter()
        .find(|d| d.route.prefix.to_string() == "198.18.1.1/24")
        .expect("the connected route, with the interface's address as VPP has it")
        .route
        .stats_index;
    let mut client = StatsClient::connect(dir.path().join("stats.sock")).unwrap();
    let snap = client
        .scrape(&["^/net/route/", "^/if/rx$", "^/if/names$"])
        .unwrap();
    sim.stop();
    let Some(StatValue::Combined(to)) = snap.get("/net/route/to") else {
        panic!("/net/route/to");
    };
    assert_eq!(to.len(), 3, "one vector per thread");
    let rx: u64 = views::interfaces(&snap)
        .iter()
        .find(|i| i.name == "pg0")
        .unwrap()
        .rx_packets;
    let per_index = snap
        .get("/net/route/to")
        .and_then(StatValue::combined_by_index)
        .unwrap();
    let busy: Vec<usize> = (0..per_index.len())
        .filter(|&i| per_index[i].packets > 0)
        .collect();
    assert_eq!(busy, [connected as usize]);
    let carried = per_index[busy[0]];
    assert_eq!(carried.packets, rx);
    assert_eq!(carried.bytes, rx * 128);
}
