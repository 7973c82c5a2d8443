//! `show interface`, `show interface address`, `show hardware-interfaces` and the reply of
//! `create loopback interface`.
//!
//! All three views list interfaces in the order given; VPP sorts by name when listing every
//! interface (byte order: `pg-1` before `pg0`), which [`sort_like_vpp`] reproduces. When the
//! operator names interfaces, VPP keeps the order they were named in.

use ipnet::IpNet;

use super::{center, left, mac, right};

/// One interface, software and hardware sides together (the simulator has one of each per
/// interface).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IfaceView {
    pub sw_if_index: u32,
    pub hw_if_index: u32,
    pub name: String,
    pub admin_up: bool,
    pub link_up: bool,
    /// L3, IP4, IP6 and MPLS MTUs, as `show interface` prints them.
    pub mtu: [u32; 4],
    /// `None` for `local0`, which has no Ethernet address.
    pub mac: Option<[u8; 6]>,
    /// 0 when unknown (as for VPP's pg and loopback interfaces).
    pub link_speed_kbps: u64,
    /// Interface addresses with their lengths (host bits kept).
    pub addrs: Vec<IpNet>,
    pub ip4_fib: FibRef,
    pub ip6_fib: FibRef,
    pub counters: IfaceCounters,
}

/// The FIB an interface is bound to for one address family.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FibRef {
    pub table_id: u32,
    pub fib_index: u32,
}

/// A packets-and-bytes counter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Combined {
    pub packets: u64,
    pub bytes: u64,
}

/// The interface counters VPP keeps (the `/if/*` stats), in its display order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IfaceCounters {
    pub rx: Combined,
    pub rx_unicast: Combined,
    pub rx_multicast: Combined,
    pub rx_broadcast: Combined,
    pub tx: Combined,
    pub tx_unicast: Combined,
    pub tx_multicast: Combined,
    pub tx_broadcast: Combined,
    pub drops: u64,
    pub punt: u64,
    pub ip4: u64,
    pub ip6: u64,
    pub rx_no_buf: u64,
    pub rx_miss: u64,
    pub rx_error: u64,
    pub tx_error: u64,
    pub mpls: u64,
}

impl IfaceCounters {
    /// `(name, value)` of every non-zero counter, in VPP's order: the combined counters (as
    /// `packets` and `bytes` lines, shown when packets are non-zero), then the simple ones.
    fn non_zero(&self) -> Vec<(String, u64)> {
        let combined = [
            ("rx", self.rx),
            ("rx-unicast", self.rx_unicast),
            ("rx-multicast", self.rx_multicast),
            ("rx-broadcast", self.rx_broadcast),
            ("tx", self.tx),
            ("tx-unicast", self.tx_unicast),
            ("tx-multicast", self.tx_multicast),
            ("tx-broadcast", self.tx_broadcast),
        ];
        let simple = [
            ("drops", self.drops),
            ("punt", self.punt),
            ("ip4", self.ip4),
            ("ip6", self.ip6),
            ("rx-no-buf", self.rx_no_buf),
            ("rx-miss", self.rx_miss),
            ("rx-error", self.rx_error),
            ("tx-error", self.tx_error),
            ("mpls", self.mpls),
        ];
        let mut out = Vec::new();
        for (name, c) in combined.into_iter().filter(|(_, c)| c.packets != 0) {
            out.push((format!("{name} packets"), c.packets));
            out.push((format!("{name} bytes"), c.bytes));
        }
        for (name, v) in simple.into_iter().filter(|(_, v)| *v != 0) {
            out.push((name.to_owned(), v));
        }
        out
    }
}

/// Sorts interfaces by name, as VPP does when it lists every interface.
pub fn sort_like_vpp(ifaces: &mut [IfaceView]) {
    ifaces.sort_by(|a, b| a.name.as_bytes().cmp(b.name.as_bytes()));
}

fn up_down(up: bool) -> &'static str {
    if up {
        "up"
    } else {
        "down"
    }
}

/// Column where the counters start on continuation lines: 32 + 5 + 10 + 21.
const COUNTER_INDENT: usize = 68;

/// `show interface`: a header and, per interface, its name, index, admin state, MTUs and its
/// non-zero counters, one per line.
pub fn render_interfaces(ifaces: &[IfaceView]) -> String {
    let mut s = center("Name", 32)
        + &center("Idx", 5)
        + &center("State", 10)
        + &center("MTU (L3/IP4/IP6/MPLS)", 21)
        + &center("Counter", 16)
        + &center("Count", 16)
        + "\n";
    for i in ifaces {
        let [l3, ip4, ip6, mpls] = i.mtu;
        s += &left(&i.name, 32);
        s += &center(&i.sw_if_index.to_string(), 5);
        s += &center(up_down(i.admin_up), 10);
        s += &center(&format!("{l3}/{ip4}/{ip6}/{mpls}"), 21);
        let cells: Vec<String> = i
            .counters
            .non_zero()
            .into_iter()
            .map(|(name, v)| left(&name, 16) + &right(&v.to_string(), 16))
            .collect();
        s += &cells.join(&format!("\n{}", " ".repeat(COUNTER_INDENT)));
        s += "\n";
    }
    s
}

/// `show interface address`: per interface `NAME (up|dn):` and its addresses, IPv4 first. An
/// address in a non-default table names the table and the FIB index.
pub fn render_interface_addresses(ifaces: &[IfaceView]) -> String {
    let mut s = String::new();
    for i in ifaces {
        let state = if i.admin_up { "up" } else { "dn" };
        s += &format!("{} ({state}):\n", i.name);
        let v4 = i.addrs.iter().filter(|a| matches!(a, IpNet::V4(_)));
        let v6 = i.addrs.iter().filter(|a| matches!(a, IpNet::V6(_)));
        for a in v4.chain(v6) {
            let (family, fib) = match a {
                IpNet::V4(_) => ("ip4", i.ip4_fib),
                IpNet::V6(_) => ("ip6", i.ip6_fib),
            };
            s += &format!("  L3 {}/{}", a.addr(), a.prefix_len());
            if fib.table_id != 0 {
                s += &format!(
                    " {family} table-id {} fib-idx {}",
                    fib.table_id, fib.fib_index
                );
            }
            s += "\n";
        }
    }
    s
}

/// VPP's link speed text: `unknown`, or the speed in the largest whole unit.
fn link_speed(kbps: u64) -> String {
    match kbps {
        0 => "unknown".to_owned(),
        k if k % 1_000_000 == 0 => format!("{} Gbps", k / 1_000_000),
        k if k % 1_000 == 0 => format!("{} Mbps", k / 1_000),
        k => format!("{k} Kbps"),
    }
}

/// `show hardware-interfaces` (brief): name, hardware index, link state and device name, then
/// the link speed and the Ethernet address (`local` for `local0`).
pub fn render_hardware(ifaces: &[IfaceView]) -> String {
    let mut s = center("Name", 32) + &center("Idx", 6) + &center("Link", 8) + "Hardware\n";
    for i in ifaces {
        s += &left(&i.name, 32);
        s += &center(&i.hw_if_index.to_string(), 6);
        s += &center(up_down(i.link_up), 8);
        s += &i.name;
        s += &format!("\n  Link speed: {}\n", link_speed(i.link_speed_kbps));
        match &i.mac {
            Some(m) => s += &format!("  Ethernet address {}\n", mac(m)),
            None => s += "  local\n",
        }
    }
    s
}

/// The reply of `create loopback interface`: the new interface's name.
pub fn render_created_interface(name: &str) -> String {
    format!("{name}\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::golden;

    fn iface(idx: u32, name: &str, admin_up: bool, link_up: bool, mtu: u32) -> IfaceView {
        IfaceView {
            sw_if_index: idx,
            hw_if_index: idx,
            name: name.to_owned(),
            admin_up,
            link_up,
            mtu: [mtu, 0, 0, 0],
            ..IfaceView::default()
        }
    }

    /// The four interfaces of the capture in `golden/cli/cli.json`, by sw_if_index, with the
    /// counters and addresses visible in its `show interface` and `show interface address`.
    fn captured() -> Vec<IfaceView> {
        let mut local0 = iface(0, "local0", false, false, 0);
        local0.mac = None;
        let mut pg0 = iface(1, "pg0", true, true, 9000);
        pg0.mac = Some([0x02, 0xfe, 0xf7, 0xe0, 0x6d, 0x2c]);
        pg0.addrs = vec!["198.18.0.1/24".parse().unwrap()];
        pg0.counters = IfaceCounters {
            rx: Combined {
                packets: 1025024,
                bytes: 65601536,
            },
            tx: Combined {
                packets: 1,
                bytes: 42,
            },
            drops: 1002240,
            ip4: 1024870,
            ..IfaceCounters::default()
        };
        let mut pg1 = iface(2, "pg1", true, true, 9000);
        pg1.mac = Some([0x02, 0xfe, 0x14, 0x0f, 0x03, 0x1b]);
        pg1.addrs = vec!["198.18.1.1/24".parse().unwrap()];
        pg1.counters.tx = Combined {
            packets: 647646,
            bytes: 28015812,
        };
        let mut pg_1 = iface(3, "pg-1", true, true, 9000);
        pg_1.mac = Some([0x02, 0xfe, 0xc6, 0x6a, 0xc7, 0x0d]);
        vec![local0, pg0, pg1, pg_1]
    }

    fn sorted(mut v: Vec<IfaceView>) -> Vec<IfaceView> {
        sort_like_vpp(&mut v);
        v
    }

    #[test]
    fn show_interface_matches_capture() {
        let g = golden::cli_golden();
        assert_eq!(
            render_interfaces(&sorted(captured())),
            g.reply("show interface")
        );
    }

    #[test]
    fn show_interface_named_matches_capture() {
        let g = golden::cli_golden();
        let loop0 = iface(4, "loop0", true, true, 9000);
        assert_eq!(render_interfaces(&[loop0]), g.reply("show interface loop0"));
    }

    #[test]
    fn show_interface_matches_session_capture() {
        // The `cli_inband_show_interface` step of golden/api/session.jsonl: a loopback that is
        // down but has sent packets, and counters other than those of cli.json.
        let g = golden::session_cli_reply("session.jsonl", "show interface");
        let mut ifaces = captured();
        for i in &mut ifaces {
            i.counters = IfaceCounters::default();
        }
        ifaces[1].counters.rx = Combined {
            packets: 3072,
            bytes: 196608,
        };
        ifaces[1].counters.ip4 = 3004;
        ifaces[2].counters.tx = Combined {
            packets: 3004,
            bytes: 234312,
        };
        let mut loop0 = iface(4, "loop0", false, false, 9000);
        loop0.counters = IfaceCounters {
            tx: Combined {
                packets: 6,
                bytes: 428,
            },
            drops: 3,
            ip6: 2,
            ..IfaceCounters::default()
        };
        ifaces.push(loop0);
        assert_eq!(render_interfaces(&sorted(ifaces)), g);
    }

    #[test]
    fn show_interface_address_matches_capture() {
        let g = golden::cli_golden();
        assert_eq!(
            render_interface_addresses(&sorted(captured())),
            g.reply("show interface address")
        );
    }

    #[test]
    fn show_hardware_matches_capture() {
        let g = golden::cli_golden();
        assert_eq!(
            render_hardware(&sorted(captured())),
            g.reply("show hardware-interfaces")
        );
    }

    #[test]
    fn create_loopback_matches_capture() {
        let g = golden::cli_golden();
        assert_eq!(
            render_created_interface("loop0"),
            g.reply("create loopback interface")
        );
    }

    #[test]
    fn addresses_in_other_tables_name_the_table() {
        let mut i = iface(5, "loop1", true, true, 9000);
        i.addrs = vec![
            "2001:db8::1/64".parse().unwrap(),
            "10.0.0.1/24".parse().unwrap(),
        ];
        i.ip4_fib = FibRef {
            table_id: 7,
            fib_index: 1,
        };
        assert_eq!(
            render_interface_addresses(&[i]),
            "loop1 (up):\n  L3 10.0.0.1/24 ip4 table-id 7 fib-idx 1\n  L3 2001:db8::1/64\n"
        );
    }

    #[test]
    fn long_counter_names_and_indices() {
        let mut i = iface(
            12,
            "a-very-long-interface-name-beyond-32",
            false,
            false,
            1500,
        );
        i.counters.rx_multicast = Combined {
            packets: 5,
            bytes: 300,
        };
        i.counters.tx_error = 1;
        let out = render_interfaces(&[i]);
        let lines: Vec<&str> = out.lines().collect();
        // Every field is cut to its width, as VPP's `format` does.
        let expected = String::from("a-very-long-interface-name-beyon")
            + "  12 "
            + "   down   "
            + "      1500/0/0/0     "
            + "rx-multicast pac"
            + "               5";
        assert_eq!(lines[1], expected);
        assert_eq!(lines[2].len(), COUNTER_INDENT + 32);
        assert!(lines[3].ends_with("tx-error                       1"));
    }

    #[test]
    fn link_speeds() {
        assert_eq!(link_speed(0), "unknown");
        assert_eq!(link_speed(10_000_000), "10 Gbps");
        assert_eq!(link_speed(100_000), "100 Mbps");
        assert_eq!(link_speed(1_500), "1500 Kbps");
    }
}
