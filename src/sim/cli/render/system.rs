//! `show version`, `show errors`, `show runtime`, `show buffers` and `show memory main-heap`:
//! the views of VPP itself rather than of its interfaces and tables.

use super::{center, left, right};

/// What VPP was built from and by whom, and the running process.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VersionView {
    /// `v26.10-rc0~374-gb575ec2c56d`, with the leading `v`.
    pub version: String,
    pub build_user: String,
    pub build_host: String,
    pub build_date: String,
    /// Empty in release builds.
    pub build_location: String,
    pub compiler: String,
    pub pid: u32,
}

/// `show version [verbose]`.
pub fn render_version(v: &VersionView, verbose: bool) -> String {
    if !verbose {
        return format!(
            "vpp {} built by {} on {} at {}\n",
            v.version, v.build_user, v.build_host, v.build_date
        );
    }
    let pid = v.pid.to_string();
    let rows = [
        ("Version:", v.version.as_str()),
        ("Compiled by:", &v.build_user),
        ("Compile host:", &v.build_host),
        ("Compile date:", &v.build_date),
        ("Compile location:", &v.build_location),
        ("Compiler:", &v.compiler),
        ("Current PID:", &pid),
    ];
    rows.iter()
        .map(|(label, value)| format!("{}{value}\n", left(label, 26)))
        .collect()
}

/// How bad an error counter is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    fn vpp_name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warn",
            Severity::Info => "info",
        }
    }
}

/// One node error counter (`/err/<node>/<reason>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorCounterView {
    pub count: u64,
    pub node: String,
    pub reason: String,
    pub severity: Severity,
}

/// `show errors`: the non-zero counters in the order given (VPP's: by node, then by error).
pub fn render_errors(errors: &[ErrorCounterView]) -> String {
    let mut s = center("Count", 10)
        + &center("Node", 35)
        + &center("Reason", 35)
        + &center("Severity", 10)
        + "\n";
    for e in errors.iter().filter(|e| e.count != 0) {
        s += &right(&e.count.to_string(), 10);
        s += &center(&e.node, 35);
        s += &center(&e.reason, 35);
        s += &center(e.severity.vpp_name(), 10);
        s += "\n";
    }
    s
}

/// A graph node's state. Process nodes' states are shown quoted, as VPP does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeState {
    Active,
    Polling,
    InterruptWait,
    Disabled,
    EventWait,
    AnyWait,
    TimeWait,
    Running,
    Suspended,
    NotStarted,
    Done,
}

impl NodeState {
    fn vpp_text(self) -> &'static str {
        match self {
            NodeState::Active => "active",
            NodeState::Polling => "polling",
            NodeState::InterruptWait => "interrupt wait",
            NodeState::Disabled => "disabled",
            NodeState::EventWait => "\"event wait\"",
            NodeState::AnyWait => "\"any wait\"",
            NodeState::TimeWait => "\"time wait\"",
            NodeState::Running => "\"running\"",
            NodeState::Suspended => "\"suspended\"",
            NodeState::NotStarted => "\"not started\"",
            NodeState::Done => "\"done\"",
        }
    }
}

/// One graph node's totals since the last clear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeRuntimeView {
    pub name: String,
    pub state: NodeState,
    pub calls: u64,
    pub vectors: u64,
    pub suspends: u64,
    /// CPU clocks spent in the node.
    pub clocks: u64,
}

/// `show runtime` for one (main) thread.
#[derive(Debug, Clone, PartialEq)]
pub struct RuntimeView {
    /// Seconds since VPP started.
    pub time: f64,
    /// The window the rates below were measured over (VPP uses 10 seconds).
    pub window_secs: f64,
    /// Average vectors per node call in the window.
    pub vector_rate: f64,
    pub loops_per_sec: f64,
    /// Packets per second into the graph, out of it, dropped and punted.
    pub input_rate: f64,
    pub output_rate: f64,
    pub drop_rate: f64,
    pub punt_rate: f64,
    pub nodes: Vec<NodeRuntimeView>,
}

/// `show runtime`: the rates, then each node that has run (calls, vectors or suspends non-zero),
/// by name, with clocks per packet (per call, or per suspend, when it had no packets) and
/// vectors per call.
pub fn render_runtime(r: &RuntimeView) -> String {
    let mut s = format!(
        "Time {:.1}, {:.6} sec internal node vector rate {:.2} loops/sec {:.2}\n",
        r.time, r.window_secs, r.vector_rate, r.loops_per_sec
    );
    s += &format!(
        "  vector rates in {:.4e}, out {:.4e}, drop {:.4e}, punt {:.4e}\n",
        r.input_rate, r.output_rate, r.drop_rate, r.punt_rate
    );
    s += &center("Name", 30);
    s += &center("State", 12);
    for h in [
        "Calls",
        "Vectors",
        "Suspends",
        "Packet-Clocks",
        "Vectors/Call",
    ] {
        s += &center(h, 16);
    }
    s += "\n";
    let mut nodes: Vec<&NodeRuntimeView> = r
        .nodes
        .iter()
        .filter(|n| n.calls != 0 || n.vectors != 0 || n.suspends != 0)
        .collect();
    nodes.sort_by(|a, b| a.name.as_bytes().cmp(b.name.as_bytes()));
    for n in nodes {
        let per = [n.vectors, n.calls, n.suspends]
            .into_iter()
            .find(|d| *d != 0)
            .unwrap_or(1);
        let clocks = n.clocks as f64 / per as f64;
        let per_call = if n.calls == 0 {
            0.0
        } else {
            n.vectors as f64 / n.calls as f64
        };
        s += &left(&n.name, 30);
        s += &center(n.state.vpp_text(), 12);
        s += &right(&n.calls.to_string(), 16);
        s += &right(&n.vectors.to_string(), 16);
        s += &right(&n.suspends.to_string(), 16);
        s += &right(&format!("{clocks:.2e}"), 16);
        s += &right(&format!("{per_call:.2}"), 16);
        s += "\n";
    }
    s
}

/// One buffer pool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BufferPoolView {
    pub name: String,
    pub index: u32,
    pub numa: u32,
    /// Bytes per buffer, metadata and headroom included.
    pub size: u32,
    pub data_size: u32,
    pub total: u32,
    pub avail: u32,
    pub cached: u32,
    pub used: u32,
}

/// `show buffers`.
pub fn render_buffers(pools: &[BufferPoolView]) -> String {
    let columns = [
        ("Index", 6),
        ("NUMA", 6),
        ("Size", 6),
        ("Data Size", 11),
        ("Total", 6),
        ("Avail", 8),
        ("Cached", 8),
        ("Used", 8),
    ];
    let mut s = left("Pool Name", 20);
    for (h, w) in columns {
        s += &center(h, w);
    }
    s += "\n";
    for p in pools {
        s += &left(&p.name, 20);
        let values = [
            p.index,
            p.numa,
            p.size,
            p.data_size,
            p.total,
            p.avail,
            p.cached,
            p.used,
        ];
        for (v, (_, w)) in values.into_iter().zip(columns) {
            s += &center(&v.to_string(), w);
        }
        s += "\n";
    }
    s
}

/// The main heap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeapView {
    pub base: u64,
    /// Bytes reserved for the heap.
    pub size: u64,
    /// e.g. `["locked", "unmap-on-destroy"]`.
    pub flags: Vec<String>,
    /// `main heap`.
    pub name: String,
    pub page_size: u64,
    pub pages_total: u64,
    pub pages_populated: u64,
    /// Populated pages per NUMA node.
    pub numa_pages: Vec<(u32, u64)>,
    pub total: u64,
    pub used: u64,
    pub free: u64,
    pub trimmable: u64,
}

/// VPP's `format_memory_size`: the largest unit of at most 2^30 under the size, two decimals
/// unless exact, lower-case `k`/`m`/`g`.
fn memory_size(size: u64) -> String {
    let log2 = if size == 0 {
        0
    } else {
        63 - size.leading_zeros()
    };
    let shift = match log2 {
        0..=9 => 0,
        10..=19 => 10,
        20..=29 => 20,
        _ => 30,
    };
    let unit = 1u64 << shift;
    let mut s = if size % unit != 0 {
        format!("{:.2}", size as f64 / unit as f64)
    } else {
        (size >> shift).to_string()
    };
    if let Some(c) = [None, Some('k'), Some('m'), Some('g')][shift as usize / 10] {
        s.push(c);
    }
    s
}

/// VPP's `format_msize`: the size in the largest of K, M, G, T it reaches, two decimals.
fn msize(size: u64) -> String {
    let mut v = size as f64;
    let mut unit = None;
    for u in ['K', 'M', 'G', 'T'] {
        if v < 1024.0 {
            break;
        }
        v /= 1024.0;
        unit = Some(u);
    }
    match unit {
        Some(u) => format!("{v:.2}{u}"),
        None => size.to_string(),
    }
}

/// A page size as VPP names it: `4K`, `2M`, `1G`.
fn page_size(bytes: u64) -> String {
    for (shift, unit) in [(30, 'G'), (20, 'M'), (10, 'K')] {
        if bytes >= 1 << shift && bytes % (1 << shift) == 0 {
            return format!("{}{unit}", bytes >> shift);
        }
    }
    bytes.to_string()
}

/// `show memory main-heap`.
pub fn render_memory(h: &HeapView) -> String {
    let flags: String = h.flags.iter().map(|f| format!(", {f}")).collect();
    let mut s = format!(
        "  base 0x{:x}, size {}{flags}, name '{}'\n",
        h.base,
        memory_size(h.size),
        h.name
    );
    s += &format!(
        "    page stats: page-size {}, total {}, populated {}, not-populated {}\n",
        page_size(h.page_size),
        h.pages_total,
        h.pages_populated,
        h.pages_total.saturating_sub(h.pages_populated)
    );
    for (node, pages) in &h.numa_pages {
        s += &format!(
            "      numa {node}: {pages} pages, {} bytes\n",
            memory_size(pages.saturating_mul(h.page_size))
        );
    }
    s += &format!(
        "    total: {}, used: {}, free: {}, trimmable: {}\n",
        msize(h.total),
        msize(h.used),
        msize(h.free),
        msize(h.trimmable)
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::golden;

    fn version() -> VersionView {
        // The build of golden/cli/cli.json.
        VersionView {
            version: "v26.10-rc0~374-gb575ec2c56d".into(),
            build_user: "root".into(),
            build_host: "vm".into(),
            build_date: "2026-11-23T07:40:04".into(),
            build_location: String::new(),
            compiler: "GCC 12.2.0".into(),
            pid: 22309,
        }
    }

    #[test]
    fn show_version_matches_capture() {
        let g = golden::cli_golden();
        assert_eq!(render_version(&version(), false), g.reply("show version"));
        assert_eq!(
            render_version(&version(), true),
            g.reply("show version verbose")
        );
    }

    #[test]
    fn show_errors_matches_capture() {
        let g = golden::cli_golden();
        let e = |count, node: &str, reason: &str, severity| ErrorCounterView {
            count,
            node: node.into(),
            reason: reason.into(),
            severity,
        };
        let acl = "acl-plugin-in-ip4-fa";
        let errors = [
            e(301, "null-node", "blackholed packets", Severity::Error),
            e(4037, acl, "ACL deny packets", Severity::Error),
            e(4, acl, "ACL permit packets", Severity::Error),
            e(0, acl, "new sessions added", Severity::Info),
            e(4041, acl, "checked packets", Severity::Error),
            e(372890, "ip4-arp", "ARP requests throttled", Severity::Info),
            e(625017, "ip4-arp", "ARP requests sent", Severity::Info),
        ];
        assert_eq!(render_errors(&errors), g.reply("show errors"));
    }

    #[test]
    fn show_buffers_matches_capture() {
        let g = golden::cli_golden();
        let pool = BufferPoolView {
            name: "default-numa-0".into(),
            index: 0,
            numa: 0,
            size: 2304,
            data_size: 2048,
            total: 16383,
            avail: 15903,
            cached: 332,
            used: 148,
        };
        assert_eq!(render_buffers(&[pool]), g.reply("show buffers"));
    }

    #[test]
    fn show_memory_main_heap_matches_capture() {
        let g = golden::cli_golden();
        let mib = |m: f64| (m * 1048576.0) as u64;
        let heap = HeapView {
            base: 0x7fb114787000,
            size: 1 << 30,
            flags: vec!["locked".into(), "unmap-on-destroy".into()],
            name: "main heap".into(),
            page_size: 4096,
            pages_total: 262144,
            pages_populated: 79004,
            numa_pages: vec![(0, 79004)],
            total: 1 << 30,
            used: mib(257.31),
            free: mib(766.69),
            trimmable: mib(715.40),
        };
        assert_eq!(render_memory(&heap), g.reply("show memory main-heap"));
    }

    /// Reads one row of the captured `show runtime` table back into a view. Names and states
    /// come from VPP's fixed columns (cut to 30 and 12 characters, so the long names stay cut);
    /// clocks are rebuilt from the clocks-per-packet column.
    fn row_to_view(line: &str) -> NodeRuntimeView {
        let name = line.get(..30).unwrap().trim_end().to_owned();
        let state = match line.get(30..42).unwrap().trim() {
            "active" => NodeState::Active,
            "polling" => NodeState::Polling,
            "interrupt wa" => NodeState::InterruptWait,
            "\"event wait\"" => NodeState::EventWait,
            "\"any wait\"" => NodeState::AnyWait,
            "\"running\"" => NodeState::Running,
            "\"suspended\"" => NodeState::Suspended,
            "\"not started" => NodeState::NotStarted,
            other => panic!("state {other:?}"),
        };
        let nums: Vec<&str> = line.get(42..).unwrap().split_whitespace().collect();
        let [calls, vectors, suspends]: [u64; 3] =
            std::array::from_fn(|i| nums[i].parse().unwrap());
        let per_packet: f64 = nums[3].parse().unwrap();
        let per = [vectors, calls, suspends]
            .into_iter()
            .find(|d| *d != 0)
            .unwrap_or(1);
        NodeRuntimeView {
            name,
            state,
            calls,
            vectors,
            suspends,
            clocks: (per_packet * per as f64).round() as u64,
        }
    }

    #[test]
    fn show_runtime_matches_capture() {
        // Byte for byte, with the node rows read back from the capture itself (reversed, and
        // with an idle node added, to show the renderer sorts and filters).
        let g = golden::cli_golden();
        let captured = g.reply("show runtime");
        let mut nodes: Vec<NodeRuntimeView> = captured.lines().skip(3).map(row_to_view).collect();
        nodes.reverse();
        nodes.push(NodeRuntimeView {
            name: "idle-node".into(),
            state: NodeState::Disabled,
            calls: 0,
            vectors: 0,
            suspends: 0,
            clocks: 0,
        });
        let r = RuntimeView {
            time: 1032.8,
            window_secs: 10.0,
            vector_rate: 1.01,
            loops_per_sec: 8213799.53,
            input_rate: 992.33,
            output_rate: 627.08,
            drop_rate: 970.42,
            punt_rate: 0.0,
            nodes,
        };
        assert_eq!(render_runtime(&r), captured);
    }

    #[test]
    fn size_formats() {
        assert_eq!(memory_size(1 << 30), "1g");
        assert_eq!(memory_size(79004 * 4096), "308.61m");
        assert_eq!(memory_size(512), "512");
        assert_eq!(memory_size(0), "0");
        assert_eq!(memory_size(1536), "1.50k");
        assert_eq!(msize(1 << 30), "1.00G");
        assert_eq!(msize(1000), "1000");
        assert_eq!(page_size(4096), "4K");
        assert_eq!(page_size(2 << 20), "2M");
        assert_eq!(page_size(1 << 30), "1G");
    }
}
