//! `GET /metrics`: VPP's counters and the agent's own, in Prometheus' text exposition
//! (OpenMetrics), encoded by `prometheus-client`.
//!
//! One file, past 600 lines: every series the agent exports, so names, labels and help
//! texts are read together.
//!
//! [`render`] is a pure function of one stats-segment [`Snapshot`], whether VPP is up,
//! and the agent's own metrics: the HTTP layer only fetches the snapshot and serves the
//! text. Names follow Prometheus' conventions: a `vpp_` prefix for VPP's counters,
//! `vppx_` for the agent's, base units in the name (`_bytes`, `_seconds`), and `_total`
//! on counters (added by the encoder). Error counters are exported once non-zero, as
//! `show errors` lists them; nodes once they have run. The acl plugin's deny and permit
//! counters are exported per node from the start, zero or not, so that a rate of ACL
//! denies exists before the first one.

use std::collections::BTreeMap;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};

use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeLabelSet, EncodeMetric};
use prometheus_client::metrics::counter::{ConstCounter, Counter};
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

use super::metrics_routes::RouteSample;
use crate::ops::stats;
use crate::stats::{Snapshot, StatValue};

/// The content type of what [`render`] produces.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// The stats-segment paths `/metrics` reads.
pub const PATHS: &[&str] = &["/if/", "/sys/", "/err/", "/buffer-pools/", "/mem/"];

#[derive(Clone, Debug, Hash, PartialEq, Eq, PartialOrd, Ord, EncodeLabelSet)]
pub struct RequestLabels {
    pub method: String,
    /// The route's pattern (`/interfaces/{name}`), never the raw path: bounded labels.
    pub route: String,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, PartialOrd, Ord, EncodeLabelSet)]
pub struct RouteLabels {
    pub route: String,
}

fn latency_histogram() -> Histogram {
    // 0.25 ms .. ~4 s
    Histogram::new(exponential_buckets(0.000_25, 2.0, 15))
}

/// The agent's own metrics; cheap to clone (shared handles). Label sets are kept
/// sorted, so the exposition is in a stable order.
#[derive(Clone, Debug, Default)]
pub struct AgentMetrics {
    requests: Arc<Mutex<BTreeMap<RequestLabels, Counter>>>,
    latency: Arc<Mutex<BTreeMap<RouteLabels, Histogram>>>,
    pub reconnects: Counter<u64, AtomicU64>,
    pub stats_scrapes: Counter<u64, AtomicU64>,
    /// `/metrics` texts rendered (requests within the share window share one).
    pub renders: Counter<u64, AtomicU64>,
    /// Interface dumps made for the shared interface reads.
    pub interface_dumps: Counter<u64, AtomicU64>,
    /// ACL dumps made for the shared ACL reads.
    pub acl_dumps: Counter<u64, AtomicU64>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl AgentMetrics {
    /// Counts one answered request.
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let key = RequestLabels {
            method: method.to_string(),
            route: route.to_string(),
            status,
        };
        lock(&self.requests).entry(key).or_default().inc();
        let key = RouteLabels {
            route: route.to_string(),
        };
        lock(&self.latency)
            .entry(key)
            .or_insert_with(latency_histogram)
            .observe(seconds);
    }
}

/// VPP's counters from one snapshot, as a collector the registry calls while encoding.
#[derive(Debug)]
struct VppCollector {
    up: bool,
    snapshot: Option<std::sync::Arc<Snapshot>>,
    /// The chosen routes' counters (see [`crate::agent::metrics_routes`]).
    routes: Vec<RouteSample>,
}

fn counter(
    enc: &mut DescriptorEncoder,
    name: &str,
    help: &str,
    samples: &[(Vec<(&str, &str)>, u64)],
) -> Result<(), std::fmt::Error> {
    if samples.is_empty() {
        return Ok(());
    }
    let mut m = enc.encode_descriptor(
        name,
        help,
        None,
        prometheus_client::metrics::MetricType::Counter,
    )?;
    for (labels, v) in samples {
        ConstCounter::new(*v).encode(m.encode_family(labels)?)?;
    }
    Ok(())
}

fn gauge<N>(
    enc: &mut DescriptorEncoder,
    name: &str,
    help: &str,
    samples: &[(Vec<(&str, &str)>, N)],
) -> Result<(), std::fmt::Error>
where
    N: prometheus_client::encoding::EncodeGaugeValue + Copy + std::fmt::Debug,
{
    if samples.is_empty() {
        return Ok(());
    }
    let mut m = enc.encode_descriptor(
        name,
        help,
        None,
        prometheus_client::metrics::MetricType::Gauge,
    )?;
    for (labels, v) in samples {
        ConstGauge::new(*v).encode(m.encode_family(labels)?)?;
    }
    Ok(())
}

impl Collector for VppCollector {
    fn encode(&self, mut enc: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let up = ConstGauge::new(i64::from(self.up));
        up.encode(enc.encode_descriptor(
            "vpp_up",
            "1 when the agent is connected to VPP's binary API, else 0.",
            None,
            up.metric_type(),
        )?)?;
        let Some(snap) = self.snapshot.as_deref() else {
            return Ok(());
        };

        let ifs = stats::interfaces(snap);
        type Field = fn(&stats::InterfaceCounters) -> u64;
        let if_counters: [(&str, &str, Field); 7] = [
            ("vpp_interface_rx_packets", "Packets received.", |c| {
                c.rx_packets
            }),
            ("vpp_interface_rx_bytes", "Bytes received.", |c| c.rx_bytes),
            ("vpp_interface_tx_packets", "Packets sent.", |c| {
                c.tx_packets
            }),
            ("vpp_interface_tx_bytes", "Bytes sent.", |c| c.tx_bytes),
            ("vpp_interface_drops", "Packets dropped.", |c| c.drops),
            ("vpp_interface_rx_errors", "Receive errors.", |c| {
                c.rx_errors
            }),
            ("vpp_interface_tx_errors", "Transmit errors.", |c| {
                c.tx_errors
            }),
        ];
        for (name, help, field) in if_counters {
            let samples: Vec<_> = ifs
                .iter()
                .map(|c| (vec![("interface", c.name.as_str())], field(c)))
                .collect();
            counter(&mut enc, name, help, &samples)?;
        }

        let nodes = stats::nodes(snap);
        type NodeField = fn(&stats::NodeCounters) -> u64;
        let node_counters: [(&str, &str, NodeField); 4] = [
            ("vpp_node_calls", "Times the node was called.", |n| n.calls),
            (
                "vpp_node_vectors",
                "Packets (vector elements) the node processed.",
                |n| n.vectors,
            ),
            ("vpp_node_suspends", "Times the node suspended.", |n| {
                n.suspends
            }),
            ("vpp_node_clocks", "CPU clocks the node used.", |n| n.clocks),
        ];
        for (name, help, field) in node_counters {
            let samples: Vec<_> = nodes
                .iter()
                .map(|n| (vec![("node", n.name.as_str())], field(n)))
                .collect();
            counter(&mut enc, name, help, &samples)?;
        }
        let vpc: Vec<_> = nodes
            .iter()
            .map(|n| (vec![("node", n.name.as_str())], n.vectors_per_call))
            .collect();
        gauge(
            &mut enc,
            "vpp_node_vectors_per_call",
            "Vectors per call since start (rate(vpp_node_vectors_total) / rate(vpp_node_calls_total) for an interval).",
            &vpc,
        )?;

        let errors = stats::errors(snap);
        let samples: Vec<_> = errors
            .iter()
            .map(|e| {
                (
                    vec![("node", e.node.as_str()), ("reason", e.reason.as_str())],
                    e.count,
                )
            })
            .collect();
        counter(
            &mut enc,
            "vpp_errors",
            "Error counters (show errors), once non-zero.",
            &samples,
        )?;

        let acl = stats::acl_counters(snap);
        type AclField = fn(&stats::AclCounters) -> u64;
        let acl_counters: [(&str, &str, AclField); 2] = [
            (
                "vpp_acl_deny_packets",
                "Packets the acl plugin's node denied (/err/<node>/ACL deny packets; the implicit deny included).",
                |c| c.deny,
            ),
            (
                "vpp_acl_permit_packets",
                "Packets the acl plugin's node permitted (/err/<node>/ACL permit packets).",
                |c| c.permit,
            ),
        ];
        for (name, help, field) in acl_counters {
            let samples: Vec<_> = acl
                .iter()
                .map(|c| (vec![("node", c.node.as_str())], field(c)))
                .collect();
            counter(&mut enc, name, help, &samples)?;
        }

        let pools = stats::buffers(snap);
        type PoolField = fn(&stats::BufferPool) -> u64;
        let pool_gauges: [(&str, &str, PoolField); 3] = [
            (
                "vpp_buffer_pool_cached_buffers",
                "Buffers in per-thread caches.",
                |p| p.cached,
            ),
            ("vpp_buffer_pool_used_buffers", "Buffers in use.", |p| {
                p.used
            }),
            ("vpp_buffer_pool_available_buffers", "Buffers free.", |p| {
                p.available
            }),
        ];
        for (name, help, field) in pool_gauges {
            let samples: Vec<_> = pools
                .iter()
                .map(|p| (vec![("pool", p.name.as_str())], clamp(field(p))))
                .collect();
            gauge(&mut enc, name, help, &samples)?;
        }

        let heaps = stats::memory(snap);
        type HeapField = fn(&stats::Heap) -> u64;
        let heap_gauges: [(&str, &str, HeapField); 3] = [
            ("vpp_memory_total_bytes", "Heap size.", |h| h.total),
            ("vpp_memory_used_bytes", "Heap bytes in use.", |h| h.used),
            ("vpp_memory_free_bytes", "Heap bytes free.", |h| h.free),
        ];
        for (name, help, field) in heap_gauges {
            let samples: Vec<_> = heaps
                .iter()
                .map(|h| (vec![("heap", h.name.as_str())], clamp(field(h))))
                .collect();
            gauge(&mut enc, name, help, &samples)?;
        }

        let labels: Vec<(String, String)> = self
            .routes
            .iter()
            .map(|r| (r.table.to_string(), r.prefix.to_string()))
            .collect();
        type RouteField = fn(&RouteSample) -> u64;
        let route_counters: [(&str, &str, RouteField); 2] = [
            (
                "vpp_route_packets",
                "Packets VPP's lookup sent by this route (/net/route/to), for the routes named \
                 with --route-metrics and the --route-metrics-top busiest.",
                |r| r.packets,
            ),
            (
                "vpp_route_bytes",
                "Bytes VPP's lookup sent by this route (/net/route/to).",
                |r| r.bytes,
            ),
        ];
        for (name, help, field) in route_counters {
            let samples: Vec<_> = self
                .routes
                .iter()
                .zip(&labels)
                .map(|(r, (table, prefix))| {
                    (
                        vec![("table", table.as_str()), ("prefix", prefix.as_str())],
                        field(r),
                    )
                })
                .collect();
            counter(&mut enc, name, help, &samples)?;
        }

        if let Some(v) = snap.get("/sys/vector_rate").and_then(StatValue::sum) {
            let g = ConstGauge::new(clamp(v));
            g.encode(enc.encode_descriptor(
                "vpp_vector_rate",
                "Average vector size over the last interval (/sys/vector_rate).",
                None,
                g.metric_type(),
            )?)?;
        }
        Ok(())
    }
}

/// Gauges are signed 64-bit in the encoder.
fn clamp(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// The agent's metrics as a collector over shared handles.
#[derive(Debug)]
struct AgentCollector(AgentMetrics);

impl Collector for AgentCollector {
    fn encode(&self, mut enc: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let m = &self.0;
        {
            let requests = lock(&m.requests);
            if !requests.is_empty() {
                let mut e = enc.encode_descriptor(
                    "vppx_http_requests",
                    "HTTP requests answered, by method, route and status.",
                    None,
                    prometheus_client::metrics::MetricType::Counter,
                )?;
                for (labels, c) in requests.iter() {
                    c.encode(e.encode_family(labels)?)?;
                }
            }
        }
        {
            let latency = lock(&m.latency);
            if !latency.is_empty() {
                let mut e = enc.encode_descriptor(
                    "vppx_http_request_duration_seconds",
                    "Time to answer an HTTP request (to its headers), by route.",
                    None,
                    prometheus_client::metrics::MetricType::Histogram,
                )?;
                for (labels, h) in latency.iter() {
                    h.encode(e.encode_family(labels)?)?;
                }
            }
        }
        m.reconnects.encode(enc.encode_descriptor(
            "vppx_vpp_reconnects",
            "Times the agent reconnected to VPP after losing it.",
            None,
            m.reconnects.metric_type(),
        )?)?;
        m.stats_scrapes.encode(enc.encode_descriptor(
            "vppx_stats_scrapes",
            "Stats-segment scrapes made for /metrics (concurrent scrapes share one).",
            None,
            m.stats_scrapes.metric_type(),
        )?)?;
        m.renders.encode(enc.encode_descriptor(
            "vppx_metrics_renders",
            "Times the /metrics text was rendered (requests within the share window share one).",
            None,
            m.renders.metric_type(),
        )?)?;
        let mut e = enc.encode_descriptor(
            "vppx_vpp_dumps",
            "Dumps made for the agent's shared reads, by what (requests within the share \
             window share one).",
            None,
            prometheus_client::metrics::MetricType::Counter,
        )?;
        for (what, c) in [("acls", &m.acl_dumps), ("interfaces", &m.interface_dumps)] {
            c.encode(e.encode_family(&vec![("what", what)])?)?;
        }
        Ok(())
    }
}

/// The `/metrics` text for one snapshot (`None` while VPP is down: then only `vpp_up 0`
/// and the agent's own metrics, never a frozen segment's values; see docs/design.md, “VPP
/// restarts”).
pub fn render(
    snapshot: Option<std::sync::Arc<Snapshot>>,
    up: bool,
    routes: &[RouteSample],
    agent: &AgentMetrics,
) -> String {
    let mut registry = Registry::default();
    registry.register_collector(Box::new(VppCollector {
        up,
        snapshot: if up { snapshot } else { None },
        routes: if up { routes.to_vec() } else { Vec::new() },
    }));
    registry.register_collector(Box::new(AgentCollector(agent.clone())));
    let mut out = String::new();
    // Writing into a String cannot fail; an encoder error would be a bug in a collector.
    if prometheus_client::encoding::text::encode(&mut out, &registry).is_err() {
        out.clear();
        out.push_str("# EOF\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::stats::{CombinedCounter, SnapshotEntry, StatType};

    fn entry(name: &str, stat_type: StatType, value: StatValue) -> SnapshotEntry {
        SnapshotEntry {
            name: Arc::from(name),
            stat_type,
            value,
        }
    }

    fn cc(packets: u64, bytes: u64) -> CombinedCounter {
        CombinedCounter { packets, bytes }
    }

    /// A small segment: two interfaces over two threads, three nodes (one idle), two
    /// error counters (one zero), a buffer pool, a heap and the vector rate.
    fn snapshot() -> Snapshot {
        use StatType::*;
        let mut entries = vec![
            entry(
                "/if/names",
                NameVector,
                StatValue::Names(vec![
                    Some("local0".into()),
                    Some("pg0".into()),
                    Some("pg1".into()),
                ]),
            ),
            entry(
                "/if/rx",
                CounterVectorCombined,
                StatValue::Combined(vec![
                    vec![cc(0, 0), cc(100, 6400), cc(5, 320)],
                    vec![cc(0, 0), cc(50, 3200), cc(0, 0)],
                ]),
            ),
            entry(
                "/if/tx",
                CounterVectorCombined,
                StatValue::Combined(vec![vec![cc(0, 0), cc(7, 448), cc(150, 9600)]]),
            ),
            entry(
                "/if/drops",
                CounterVectorSimple,
                StatValue::Simple(vec![vec![0, 3, 0]]),
            ),
            entry(
                "/if/rx-error",
                CounterVectorSimple,
                StatValue::Simple(vec![vec![0, 1, 0]]),
            ),
            entry(
                "/if/tx-error",
                CounterVectorSimple,
                StatValue::Simple(vec![vec![0, 0, 2]]),
            ),
            entry(
                "/sys/node/names",
                NameVector,
                StatValue::Names(vec![
                    Some("ip4-input".into()),
                    Some("ip4-lookup".into()),
                    Some("idle-node".into()),
                ]),
            ),
            entry(
                "/sys/node/calls",
                CounterVectorSimple,
                StatValue::Simple(vec![vec![10, 20, 0]]),
            ),
            entry(
                "/sys/node/vectors",
                CounterVectorSimple,
                StatValue::Simple(vec![vec![150, 150, 0]]),
            ),
            entry(
                "/sys/node/suspends",
                CounterVectorSimple,
                StatValue::Simple(vec![vec![0, 0, 0]]),
            ),
            entry(
                "/sys/node/clocks",
                CounterVectorSimple,
                StatValue::Simple(vec![vec![3000, 1500, 0]]),
            ),
            entry(
                "/err/ip4-input/ip4 ttl <= 1",
                CounterVectorSimple,
                StatValue::Simple(vec![vec![4], vec![2]]),
            ),
            entry(
                "/err/ip4-input/valid ip4 packets",
                CounterVectorSimple,
                StatValue::Simple(vec![vec![0]]),
            ),
            entry(
                "/err/acl-plugin-in-ip4-fa/ACL deny packets",
                CounterVectorSimple,
                StatValue::Simple(vec![vec![0], vec![40], vec![2]]),
            ),
            entry(
                "/err/acl-plugin-in-ip4-fa/ACL permit packets",
                CounterVectorSimple,
                StatValue::Simple(vec![vec![0], vec![5], vec![0]]),
            ),
            entry(
                "/err/acl-plugin-in-ip6-fa/ACL deny packets",
                CounterVectorSimple,
                StatValue::Simple(vec![vec![0]]),
            ),
            entry(
                "/err/acl-plugin-in-ip6-fa/ACL permit packets",
                CounterVectorSimple,
                StatValue::Simple(vec![vec![0]]),
            ),
            entry(
                "/buffer-pools/default-numa-0/cached",
                Gauge,
                StatValue::Gauge(12),
            ),
            entry(
                "/buffer-pools/default-numa-0/used",
                Gauge,
                StatValue::Gauge(100),
            ),
            entry(
                "/buffer-pools/default-numa-0/available",
                Gauge,
                StatValue::Gauge(16284),
            ),
            entry(
                "/mem/main heap",
                CounterVectorSimple,
                StatValue::Simple(vec![vec![
                    1 << 30,
                    1 << 20,
                    (1 << 30) - (1 << 20),
                    0,
                    0,
                    0,
                    0,
                ]]),
            ),
            entry("/sys/vector_rate", ScalarIndex, StatValue::Scalar(7)),
        ];
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        Snapshot { epoch: 1, entries }
    }

    fn agent() -> AgentMetrics {
        let a = AgentMetrics::default();
        a.observe("GET", "/interfaces", 200, 0.003);
        a.observe("GET", "/interfaces", 200, 0.0001);
        a.observe("DELETE", "/routes/{prefix}", 404, 0.002);
        a.reconnects.inc();
        a
    }

    /// Two routes named or chosen for series.
    fn routes() -> Vec<RouteSample> {
        vec![
            RouteSample {
                table: 0,
                prefix: "10.0.0.0/8".parse().unwrap(),
                packets: 1200,
                bytes: 76800,
            },
            RouteSample {
                table: 5,
                prefix: "2001:db8::/32".parse().unwrap(),
                packets: 0,
                bytes: 0,
            },
        ]
    }

    fn golden_path() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/agent/testdata/metrics.golden")
    }

    #[test]
    fn render_matches_golden() {
        let text = render(Some(Arc::new(snapshot())), true, &routes(), &agent());
        let path = golden_path();
        if std::env::var_os("VPPX_BLESS").is_some() {
            std::fs::write(&path, &text).expect("write golden");
        }
        let golden = std::fs::read_to_string(&path).expect("read golden (VPPX_BLESS=1 writes it)");
        assert_eq!(text, golden, "metrics differ from {}", path.display());
    }

    #[test]
    fn render_has_the_series_operators_query() {
        let text = render(Some(Arc::new(snapshot())), true, &routes(), &agent());
        for line in [
            "vpp_up 1",
            "vpp_interface_rx_packets_total{interface=\"pg0\"} 150",
            "vpp_interface_rx_bytes_total{interface=\"pg0\"} 9600",
            "vpp_interface_tx_packets_total{interface=\"pg1\"} 150",
            "vpp_interface_drops_total{interface=\"pg0\"} 3",
            "vpp_node_vectors_total{node=\"ip4-input\"} 150",
            "vpp_node_vectors_per_call{node=\"ip4-input\"} 15.0",
            "vpp_errors_total{node=\"ip4-input\",reason=\"ip4 ttl <= 1\"} 6",
            "vpp_acl_deny_packets_total{node=\"acl-plugin-in-ip4-fa\"} 42",
            "vpp_acl_permit_packets_total{node=\"acl-plugin-in-ip4-fa\"} 5",
            "vpp_acl_deny_packets_total{node=\"acl-plugin-in-ip6-fa\"} 0",
            "vpp_buffer_pool_used_buffers{pool=\"default-numa-0\"} 100",
            "vpp_memory_used_bytes{heap=\"main heap\"} 1048576",
            "vpp_vector_rate 7",
            "vpp_route_packets_total{table=\"0\",prefix=\"10.0.0.0/8\"} 1200",
            "vpp_route_bytes_total{table=\"0\",prefix=\"10.0.0.0/8\"} 76800",
            "vpp_route_packets_total{table=\"5\",prefix=\"2001:db8::/32\"} 0",
            "vppx_metrics_renders_total 0",
            "vppx_vpp_reconnects_total 1",
            "vppx_http_requests_total{method=\"GET\",route=\"/interfaces\",status=\"200\"} 2",
            "vppx_http_request_duration_seconds_count{route=\"/interfaces\"} 2",
        ] {
            assert!(
                text.lines().any(|l| l == line),
                "missing {line:?} in\n{text}"
            );
        }
        assert!(
            !text.contains("idle-node"),
            "a node that never ran is left out"
        );
        assert!(
            !text.contains("valid ip4 packets"),
            "zero error counters are left out"
        );
        assert!(text.ends_with("# EOF\n"));
    }

    #[test]
    fn down_vpp_exports_only_vpp_up_zero_and_agent_metrics() {
        let text = render(Some(Arc::new(snapshot())), false, &routes(), &agent());
        assert!(text.lines().any(|l| l == "vpp_up 0"));
        assert!(
            !text.contains("vpp_interface_") && !text.contains("vpp_route_"),
            "a frozen segment is not served (see docs/design.md, “VPP restarts”)"
        );
        assert!(text.contains("vppx_vpp_reconnects_total 1"));
    }

    /// The Grafana dashboard in deploy/ has the panels an operator needs: RX and TX
    /// packets/s per interface, vectors per call per node, buffer utilisation and error
    /// rates, each drawn per label, not summed away.
    #[test]
    fn dashboard_has_the_operator_panels() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let dash: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(root.join("deploy/grafana-dashboard.json"))
                .expect("dashboard"),
        )
        .expect("dashboard is JSON");
        let targets: Vec<(String, String)> = dash["panels"]
            .as_array()
            .expect("panels")
            .iter()
            .flat_map(|p| p["targets"].as_array().cloned().unwrap_or_default())
            .map(|t| {
                (
                    t["expr"].as_str().unwrap_or_default().to_string(),
                    t["legendFormat"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect();
        for (what, parts, legend) in [
            (
                "RX packets/s per interface",
                &["rate(vpp_interface_rx_packets_total"][..],
                "{{interface}}",
            ),
            (
                "TX packets/s per interface",
                &["rate(vpp_interface_tx_packets_total"][..],
                "{{interface}}",
            ),
            (
                "vectors per call per node",
                &["rate(vpp_node_vectors_total", "rate(vpp_node_calls_total"][..],
                "{{node}}",
            ),
            (
                "buffer utilisation",
                &[
                    "vpp_buffer_pool_used_buffers",
                    "vpp_buffer_pool_available_buffers",
                ][..],
                "{{pool}}",
            ),
            ("error rates", &["rate(vpp_errors_total"][..], "{{reason}}"),
            (
                "ACL denies per second per node",
                &["rate(vpp_acl_deny_packets_total"][..],
                "{{node}}",
            ),
            (
                "drops per second per interface",
                &["rate(vpp_interface_drops_total"][..],
                "{{interface}}",
            ),
            (
                "top routes by packets per second",
                &["topk(", "rate(vpp_route_packets_total"][..],
                "{{prefix}}",
            ),
        ] {
            assert!(
                targets
                    .iter()
                    .any(|(expr, l)| parts.iter().all(|p| expr.contains(p))
                        && l.contains(legend)
                        && !expr.starts_with("sum(")),
                "the dashboard has no panel for {what} (a query with {parts:?}, legend {legend})"
            );
        }
    }

    /// The Grafana dashboard in deploy/ shows one node, several or all of a fleet: its
    /// `instance` variable (the target label the file_sd example in deploy/prometheus/ sets
    /// to the node's name) lists the agents of the chosen jobs, every panel's query selects
    /// it, and no query uses a variable the dashboard does not define.
    #[test]
    fn dashboard_selects_the_node() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let dash: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(root.join("deploy/grafana-dashboard.json"))
                .expect("dashboard"),
        )
        .expect("dashboard is JSON");
        let vars = dash["templating"]["list"].as_array().expect("variables");
        let names: Vec<&str> = vars.iter().filter_map(|v| v["name"].as_str()).collect();
        let instance = vars
            .iter()
            .find(|v| v["name"] == "instance")
            .expect("an instance variable");
        assert_eq!(
            instance["query"]["query"],
            "label_values(vpp_up{job=~\"$job\"}, instance)"
        );
        assert_eq!(instance["multi"], true);
        assert_eq!(instance["includeAll"], true);
        let var = regex::Regex::new(r"\$([a-z_]+)").expect("regex");
        let mut exprs = 0;
        for panel in dash["panels"].as_array().expect("panels") {
            for target in panel["targets"].as_array().into_iter().flatten() {
                let expr = target["expr"].as_str().expect("expr");
                assert!(
                    expr.contains(r#"instance=~"$instance""#),
                    "{}: {expr} does not select the node",
                    panel["title"]
                );
                for v in var.captures_iter(expr) {
                    assert!(names.contains(&&v[1]), "{expr} uses ${}", &v[1]);
                }
                exprs += 1;
            }
        }
        assert!(exprs > 10, "found only {exprs} queries in the dashboard");
    }

    /// The Grafana dashboard in deploy/ only queries series the agent exports.
    #[test]
    fn dashboard_queries_exported_series() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let dash =
            std::fs::read_to_string(root.join("deploy/grafana-dashboard.json")).expect("dashboard");
        let text = render(Some(Arc::new(snapshot())), true, &routes(), &agent());
        let re = regex::Regex::new(r"\bvppx?_[a-z_]+").expect("regex");
        let mut checked = 0;
        for m in re.find_iter(&dash) {
            let name = m.as_str();
            let exported = text
                .lines()
                .any(|l| l.starts_with(name) && l[name.len()..].starts_with(['{', ' ']));
            assert!(
                exported,
                "the dashboard queries {name}, which /metrics does not export"
            );
            checked += 1;
        }
        assert!(checked > 10, "found only {checked} series in the dashboard");
    }
}
