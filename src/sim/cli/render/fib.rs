//! `show ip fib` and `show ip6 fib`.
//!
//! One file, past 600 lines: both families' `show ip fib` texts share the rendering of
//! entries, paths and load-balance lines.
//!
//! VPP prints every table of the family (or the one asked for), each under a header line.
//! Listing a table prints each entry briefly: its prefix and its forwarding chain, a
//! load-balance object with one bucket per path. Asking for a prefix prints VPP's detailed form
//! of the entry that covers it: the sources that added it, their path list and paths, and the
//! forwarding chain.
//!
//! The views carry VPP's object indices (entry, path-list, path, load-balance, uRPF list) and
//! the graph-arc numbers VPP shows as `[@N]`, because the simulator must make them up
//! consistently and a renderer cannot. What only the golden capture shows (attached next-hop
//! paths, glean, receive, incomplete-adjacency and drop objects) is byte-exact; the other path
//! and object kinds follow VPP's format code as far as it is known here.

use std::net::IpAddr;

use ipnet::IpNet;

use super::super::parse::FibProto;

/// One FIB table and the entries to show from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FibTableView {
    pub proto: FibProto,
    /// `ipv4-VRF:0`, or the name the table was created with (see [`FibTableView::default_name`]).
    pub name: String,
    pub fib_index: u32,
    /// Who holds the table and how often: `[("default-route", 1)]` for table 0.
    pub locks: Vec<(String, u32)>,
    /// Every entry when listing, the longest-prefix match when a prefix was asked for.
    pub entries: Vec<FibEntryView>,
}

impl FibTableView {
    /// The name VPP gives a table created without one: `ipv4-VRF:5`, `ipv6-VRF:5`.
    pub fn default_name(proto: FibProto, table_id: u32) -> String {
        match proto {
            FibProto::Ip4 => format!("ipv4-VRF:{table_id}"),
            FibProto::Ip6 => format!("ipv6-VRF:{table_id}"),
        }
    }
}

/// One FIB entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FibEntryView {
    /// The prefix, host bits clear.
    pub prefix: IpNet,
    /// The entry's index (`index:16` in the detailed form).
    pub entry_index: u32,
    pub locks: u32,
    /// The sources that contributed the entry, best first (detailed form only).
    pub sources: Vec<FibSourceView>,
    /// The forwarding chain; `None` prints `UNRESOLVED`.
    pub forwarding: Option<LoadBalanceView>,
}

/// One source of an entry: `CLI`, `API`, `interface`, `default-route`, ...
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FibSourceView {
    pub name: String,
    pub refs: u32,
    /// e.g. `["connected", "attached"]`; printed only when non-empty.
    pub entry_flags: Vec<String>,
    /// e.g. `["added", "contributing", "active"]`; printed only when non-empty.
    pub src_flags: Vec<String>,
    pub path_list: Option<PathListView>,
}

/// A source's path list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathListView {
    pub index: u32,
    pub locks: u32,
    /// e.g. `["shared", "popular"]`; printed only when non-empty.
    pub flags: Vec<String>,
    pub urpf_index: u32,
    /// The uRPF list's interfaces (sw_if_index).
    pub urpf_itfs: Vec<u32>,
    pub paths: Vec<FibPathView>,
}

/// One path of a path list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FibPathView {
    pub index: u32,
    pub weight: u32,
    pub preference: u32,
    pub kind: FibPathKind,
    /// e.g. `["resolved"]`; printed only when non-empty.
    pub oper_flags: Vec<String>,
    /// e.g. `["drop"]`; printed only when non-empty.
    pub cfg_flags: Vec<String>,
    /// The object the path resolves through; `None` while unresolved.
    pub dpo: Option<DpoView>,
}

/// What a path points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FibPathKind {
    /// `via NEXT_HOP IFACE`.
    AttachedNexthop { via: IpAddr, iface: String },
    /// `via IFACE` (a connected subnet).
    Attached { iface: String },
    /// `via NEXT_HOP` in `table_id`, resolved through entry `via_fib`'s load-balance `via_lb`.
    Recursive {
        via: IpAddr,
        table_id: u32,
        via_fib: u32,
        via_lb: u32,
    },
    /// A drop, punt or other special route.
    Special,
    /// A local address.
    Receive,
    /// A lookup in another table.
    Deag,
}

impl FibPathKind {
    fn vpp_name(&self) -> &'static str {
        match self {
            FibPathKind::AttachedNexthop { .. } => "attached-nexthop",
            FibPathKind::Attached { .. } => "attached",
            FibPathKind::Recursive { .. } => "recursive",
            FibPathKind::Special => "special",
            FibPathKind::Receive => "receive",
            FibPathKind::Deag => "deag",
        }
    }
}

/// An entry's load-balance object: `dpo-load-balance: [...]` and its buckets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadBalanceView {
    pub index: u32,
    pub urpf_index: u32,
    /// Packets and bytes forwarded through it (`to:[P:B]`).
    pub to_packets: u64,
    pub to_bytes: u64,
    /// One object per bucket; several paths give several buckets.
    pub buckets: Vec<DpoView>,
}

/// A data-path object with the arc VPP reaches it by (`[@N]`: the next-node index from the
/// lookup node, e.g. 0 drop, 3 ip4-arp, 4 ip4-glean, 11 ip4-receive, 14 ip6-link-local in the
/// capture).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DpoView {
    pub next: u32,
    pub kind: DpoKind,
}

/// The kinds of data-path objects the simulator can show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DpoKind {
    /// `dpo-drop ip4`
    Drop,
    /// `dpo-receive: ADDR on IFACE`
    Receive { addr: IpAddr, iface: String },
    /// `ipv4-glean: [src:SUBNET] IFACE: mtu:M next:N flags:[] REWRITE`: ARP/ND for a connected
    /// subnet; the rewrite is a broadcast from `mac`.
    Glean {
        subnet: IpNet,
        iface: String,
        mtu: u32,
        adj_next: u32,
        mac: [u8; 6],
    },
    /// `arp-ipv4: via NH IFACE`: a neighbour not resolved yet.
    Incomplete { via: IpAddr, iface: String },
    /// `ipv4 via NH IFACE: mtu:M next:N flags:[] REWRITE`: a resolved neighbour.
    Adjacency {
        via: IpAddr,
        iface: String,
        mtu: u32,
        adj_next: u32,
        src_mac: [u8; 6],
        dst_mac: [u8; 6],
    },
    /// `ip6-link-local`
    Ip6LinkLocal,
    /// Any other object, as text.
    Text(String),
}

fn dpo_proto(p: FibProto) -> &'static str {
    match p {
        FibProto::Ip4 => "ip4",
        FibProto::Ip6 => "ip6",
    }
}

fn link_type(p: FibProto) -> &'static str {
    match p {
        FibProto::Ip4 => "ipv4",
        FibProto::Ip6 => "ipv6",
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn ethertype(p: FibProto) -> &'static str {
    match p {
        FibProto::Ip4 => "0800",
        FibProto::Ip6 => "86dd",
    }
}

fn render_dpo(d: &DpoView, p: FibProto) -> String {
    let body = match &d.kind {
        DpoKind::Drop => format!("dpo-drop {}", dpo_proto(p)),
        DpoKind::Receive { addr, iface } => format!("dpo-receive: {addr} on {iface}"),
        DpoKind::Glean {
            subnet,
            iface,
            mtu,
            adj_next,
            mac,
        } => {
            // ARP is its own ethertype; IPv6 solicits over IPv6.
            let ethertype = match p {
                FibProto::Ip4 => "0806",
                FibProto::Ip6 => "86dd",
            };
            format!(
                "{}-glean: [src:{subnet}] {iface}: mtu:{mtu} next:{adj_next} flags:[] ffffffffffff{}{ethertype}",
                link_type(p),
                hex(mac)
            )
        }
        DpoKind::Incomplete { via, iface } => format!("arp-{}: via {via} {iface}", link_type(p)),
        DpoKind::Adjacency {
            via,
            iface,
            mtu,
            adj_next,
            src_mac,
            dst_mac,
        } => format!(
            "{} via {via} {iface}: mtu:{mtu} next:{adj_next} flags:[] {}{}{}",
            link_type(p),
            hex(dst_mac),
            hex(src_mac),
            ethertype(p)
        ),
        DpoKind::Ip6LinkLocal => "ip6-link-local".to_owned(),
        DpoKind::Text(t) => t.clone(),
    };
    format!("[@{}]: {body}", d.next)
}

fn render_lb(lb: &LoadBalanceView, p: FibProto) -> String {
    let mut s = format!(
        "[@0]: dpo-load-balance: [proto:{} index:{} buckets:{} uRPF:{} to:[{}:{}]]",
        dpo_proto(p),
        lb.index,
        lb.buckets.len(),
        lb.urpf_index,
        lb.to_packets,
        lb.to_bytes
    );
    for (i, b) in lb.buckets.iter().enumerate() {
        s += &format!("\n    [{i}] {}", render_dpo(b, p));
    }
    s
}

/// `flags,` repeated, as VPP prints flag sets.
fn flag_list(flags: &[String]) -> String {
    flags.iter().map(|f| format!("{f},")).collect()
}

fn render_path(path: &FibPathView, pl_index: u32, p: FibProto) -> String {
    let mut s = format!(
        "      path:[{}] pl-index:{pl_index} {} weight={} pref={} {}: ",
        path.index,
        dpo_proto(p),
        path.weight,
        path.preference,
        path.kind.vpp_name()
    );
    if !path.oper_flags.is_empty() {
        s += &format!(" oper-flags:{}", flag_list(&path.oper_flags));
    }
    if !path.cfg_flags.is_empty() {
        s += &format!(" cfg-flags:{}", flag_list(&path.cfg_flags));
    }
    s += "\n        ";
    match &path.kind {
        FibPathKind::AttachedNexthop { via, iface } => {
            s += &format!("{via} {iface}");
            match &path.dpo {
                Some(d) => s += &format!("\n      {}", render_dpo(d, p)),
                None => s += "\n       unresolved",
            }
        }
        FibPathKind::Attached { iface } => s += &format!(" {iface}"),
        FibPathKind::Recursive {
            via,
            table_id,
            via_fib,
            via_lb,
        } => {
            s += &format!(
                "via {via} in fib:{table_id} via-fib:{via_fib} via-dpo:[dpo-load-balance:{via_lb}]"
            );
        }
        FibPathKind::Special | FibPathKind::Receive | FibPathKind::Deag => {
            if let Some(d) = &path.dpo {
                s += &render_dpo(d, p);
            }
        }
    }
    s
}

fn render_entry(e: &FibEntryView, t: &FibTableView, detail: bool) -> String {
    let mut s = e.prefix.to_string();
    if detail {
        s += &format!(
            " fib:{} index:{} locks:{}",
            t.fib_index, e.entry_index, e.locks
        );
        for src in &e.sources {
            s += &format!("\n  {} refs:{}", src.name, src.refs);
            if !src.entry_flags.is_empty() {
                s += &format!(" entry-flags:{}", flag_list(&src.entry_flags));
            }
            if !src.src_flags.is_empty() {
                s += &format!(" src-flags:{}", flag_list(&src.src_flags));
            }
            s += "\n";
            if let Some(pl) = &src.path_list {
                let itfs: String = pl.urpf_itfs.iter().map(|i| format!("{i}, ")).collect();
                s += &format!("    path-list:[{}] locks:{}", pl.index, pl.locks);
                if !pl.flags.is_empty() {
                    s += &format!(" flags:{}", flag_list(&pl.flags));
                }
                s += &format!(
                    " uPRF-list:{} len:{} itfs:[{itfs}]",
                    pl.urpf_index,
                    pl.urpf_itfs.len()
                );
                for path in &pl.paths {
                    s += "\n";
                    s += &render_path(path, pl.index, t.proto);
                }
                s += "\n";
            }
        }
        s += "\n forwarding: ";
    } else {
        s += "\n";
    }
    match &e.forwarding {
        None => s += "  UNRESOLVED\n",
        Some(lb) => {
            s += &format!(
                "  unicast-{}-chain\n  {}\n",
                dpo_proto(t.proto),
                render_lb(lb, t.proto)
            );
        }
    }
    s
}

fn render_header(t: &FibTableView) -> String {
    let locks: String = t.locks.iter().map(|(n, c)| format!("{n}:{c}, ")).collect();
    format!(
        "{}, fib_index:{}, flow hash:[src dst sport dport proto flowlabel ] epoch:0 flags:none locks:[{locks}]\n",
        t.name, t.fib_index
    )
}

/// `show ip fib` / `show ip6 fib`: each table's header, then its entries, briefly, or in
/// detail when the operator asked for a prefix (`detail`).
///
/// Brief listings are ordered by address as VPP orders them; entries with the same address
/// (`198.18.0.0/24` and `198.18.0.0/32`) keep the caller's order, VPP's own order between them
/// being that of an unstable sort.
pub fn render_fib(tables: &[FibTableView], detail: bool) -> String {
    let mut s = String::new();
    for t in tables {
        s += &render_header(t);
        let mut entries: Vec<&FibEntryView> = t.entries.iter().collect();
        entries.sort_by_key(|e| e.prefix.network());
        for e in entries {
            s += &render_entry(e, t, detail);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::golden;

    const PG0_MAC: [u8; 6] = [0x02, 0xfe, 0xf7, 0xe0, 0x6d, 0x2c];
    const PG1_MAC: [u8; 6] = [0x02, 0xfe, 0x14, 0x0f, 0x03, 0x1b];

    fn dpo(next: u32, kind: DpoKind) -> DpoView {
        DpoView { next, kind }
    }

    fn drop() -> DpoView {
        dpo(0, DpoKind::Drop)
    }

    fn entry(prefix: &str, lb: u32, urpf: u32, to: (u64, u64), bucket: DpoView) -> FibEntryView {
        FibEntryView {
            prefix: prefix.parse().unwrap(),
            entry_index: 0,
            locks: 1,
            sources: Vec::new(),
            forwarding: Some(LoadBalanceView {
                index: lb,
                urpf_index: urpf,
                to_packets: to.0,
                to_bytes: to.1,
                buckets: vec![bucket],
            }),
        }
    }

    fn table0(proto: FibProto, entries: Vec<FibEntryView>) -> FibTableView {
        FibTableView {
            proto,
            name: FibTableView::default_name(proto, 0),
            fib_index: 0,
            locks: vec![("default-route".to_owned(), 1)],
            entries,
        }
    }

    fn arp_pg1() -> DpoView {
        dpo(
            3,
            DpoKind::Incomplete {
                via: "198.18.1.2".parse().unwrap(),
                iface: "pg1".to_owned(),
            },
        )
    }

    fn glean(subnet: &str, iface: &str, adj_next: u32, mac: [u8; 6]) -> DpoView {
        dpo(
            4,
            DpoKind::Glean {
                subnet: subnet.parse().unwrap(),
                iface: iface.to_owned(),
                mtu: 9000,
                adj_next,
                mac,
            },
        )
    }

    fn receive(addr: &str, iface: &str) -> DpoView {
        dpo(
            11,
            DpoKind::Receive {
                addr: addr.parse().unwrap(),
                iface: iface.to_owned(),
            },
        )
    }

    /// The IPv4 table of `show ip fib` in golden/cli/cli.json, entries deliberately shuffled:
    /// the renderer orders them. Same-address pairs are given in the capture's order.
    fn captured_ip4() -> FibTableView {
        let z = (0, 0);
        table0(
            FibProto::Ip4,
            vec![
                entry("255.255.255.255/32", 5, 4, z, drop()),
                entry("198.19.0.0/16", 17, 22, (1020834, 65333376), arp_pg1()),
                entry("0.0.0.0/0", 1, 0, z, drop()),
                entry("0.0.0.0/32", 2, 1, z, drop()),
                entry("10.61.0.0/16", 10010, 28, z, drop()),
                entry("198.18.1.255/32", 12, 16, z, drop()),
                entry("198.18.0.0/32", 10, 12, z, drop()),
                entry(
                    "198.18.0.0/24",
                    9,
                    15,
                    z,
                    glean("198.18.0.0/24", "pg0", 1, PG0_MAC),
                ),
                entry("198.18.0.1/32", 8, 10, z, receive("198.18.0.1", "pg0")),
                entry("198.18.0.255/32", 11, 14, z, drop()),
                entry("198.18.1.0/32", 14, 18, z, drop()),
                entry(
                    "198.18.1.0/24",
                    15,
                    21,
                    z,
                    glean("198.18.1.0/24", "pg1", 2, PG1_MAC),
                ),
                entry("198.18.1.1/32", 13, 20, z, receive("198.18.1.1", "pg1")),
                entry("240.0.0.0/4", 3, 2, z, drop()),
                entry("224.0.0.0/4", 4, 3, z, drop()),
            ],
        )
    }

    #[test]
    fn show_ip_fib_matches_capture() {
        let g = golden::cli_golden();
        assert_eq!(render_fib(&[captured_ip4()], false), g.reply("show ip fib"));
    }

    #[test]
    fn show_ip6_fib_matches_capture() {
        let g = golden::cli_golden();
        let t = table0(
            FibProto::Ip6,
            vec![
                entry("fe80::/10", 7, 6, (0, 0), dpo(14, DpoKind::Ip6LinkLocal)),
                entry("::/0", 6, 5, (0, 0), drop()),
            ],
        );
        assert_eq!(render_fib(&[t], false), g.reply("show ip6 fib"));
    }

    #[test]
    fn show_ip_fib_prefix_matches_capture() {
        let g = golden::cli_golden();
        let mut e = entry("198.19.0.0/16", 17, 22, (1020837, 65333568), arp_pg1());
        e.entry_index = 16;
        e.locks = 2;
        e.sources = vec![FibSourceView {
            name: "CLI".to_owned(),
            refs: 1,
            entry_flags: Vec::new(),
            src_flags: vec!["added".into(), "contributing".into(), "active".into()],
            path_list: Some(PathListView {
                index: 22,
                locks: 2,
                flags: vec!["shared".into(), "popular".into()],
                urpf_index: 22,
                urpf_itfs: vec![2],
                paths: vec![FibPathView {
                    index: 26,
                    weight: 1,
                    preference: 0,
                    kind: FibPathKind::AttachedNexthop {
                        via: "198.18.1.2".parse().unwrap(),
                        iface: "pg1".to_owned(),
                    },
                    oper_flags: vec!["resolved".into()],
                    cfg_flags: Vec::new(),
                    dpo: Some(DpoView {
                        next: 0,
                        ..arp_pg1()
                    }),
                }],
            }),
        }];
        let t = table0(FibProto::Ip4, vec![e]);
        assert_eq!(render_fib(&[t], true), g.reply("show ip fib 198.19.0.0/16"));
    }

    #[test]
    fn multipath_and_other_kinds() {
        let mut e = entry("10.0.0.0/8", 20, 30, (0, 0), arp_pg1());
        if let Some(lb) = &mut e.forwarding {
            lb.buckets.push(dpo(
                5,
                DpoKind::Adjacency {
                    via: "198.18.0.2".parse().unwrap(),
                    iface: "pg0".to_owned(),
                    mtu: 9000,
                    adj_next: 1,
                    src_mac: PG0_MAC,
                    dst_mac: [0xde, 0xad, 0, 0, 0, 1],
                },
            ));
        }
        let unresolved = FibEntryView {
            forwarding: None,
            ..entry("10.9.0.0/16", 0, 0, (0, 0), drop())
        };
        let t = table0(FibProto::Ip4, vec![e, unresolved]);
        let out = render_fib(&[t], false);
        assert!(out.contains("buckets:2 uRPF:30"), "{out}");
        assert!(out.contains(
            "\n    [1] [@5]: ipv4 via 198.18.0.2 pg0: mtu:9000 next:1 flags:[] dead0000000102fef7e06d2c0800\n"
        ), "{out}");
        assert!(out.ends_with("10.9.0.0/16\n  UNRESOLVED\n"), "{out}");
    }

    #[test]
    fn recursive_path_detail() {
        let path = FibPathView {
            index: 3,
            weight: 1,
            preference: 0,
            kind: FibPathKind::Recursive {
                via: "10.0.0.1".parse().unwrap(),
                table_id: 0,
                via_fib: 7,
                via_lb: 9,
            },
            oper_flags: vec!["resolved".into()],
            cfg_flags: Vec::new(),
            dpo: None,
        };
        assert_eq!(
            render_path(&path, 4, FibProto::Ip4),
            "      path:[3] pl-index:4 ip4 weight=1 pref=0 recursive:  oper-flags:resolved,\n        via 10.0.0.1 in fib:0 via-fib:7 via-dpo:[dpo-load-balance:9]"
        );
    }
}
