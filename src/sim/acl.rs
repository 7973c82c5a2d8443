//! The simulated acl plugin: ACLs by index, the input and output ACL lists of each
//! interface, and the first-match classification the data plane asks for.
//!
//! Plain data, no wire types, like [`super::model`]: every change answers VPP's retval, as the
//! acl plugin of a real VPP 26.10 answers it (`tests/golden/api/session2.jsonl` and the
//! plugin's documented behaviour):
//!
//! - `acl_add_replace` with index `~0` creates an ACL at the lowest free index; with an
//!   existing index it replaces the rules and the tag in place (the index stays); with any
//!   other index it is `VNET_API_ERROR_NO_SUCH_ENTRY (-6)` and the reply echoes the index.
//!   Before that, every rule is checked: a source prefix with host bits set is
//!   `VNET_API_ERROR_INVALID_SRC_ADDRESS (-57)`, a destination one
//!   `VNET_API_ERROR_INVALID_DST_ADDRESS (-58)`, a port or ICMP range whose first value is
//!   above its last `VNET_API_ERROR_INVALID_VALUE_2 (-8)`. A tag that fills all 64 bytes of
//!   its field (no terminating NUL) is `VNET_API_ERROR_INVALID_VALUE (-7)` (see docs/design.md,
//!   “ACLs”).
//! - `acl_del` of a missing ACL is `-6`; of one applied as input on some interface
//!   `VNET_API_ERROR_ACL_IN_USE_INBOUND (-142)`, as output
//!   `VNET_API_ERROR_ACL_IN_USE_OUTBOUND (-143)`.
//! - `acl_interface_set_acl_list` replaces both lists of an interface (the first `n_input`
//!   indexes are its input ACLs, the rest its output ACLs, each in the order given). An
//!   undefined ACL anywhere in the list is `-6` and nothing changes. VPP then sets the output
//!   list before the input list and reports a list that names one ACL twice with retval 1
//!   (not a `VNET_API_ERROR_*`): a repeated output ACL changes nothing, a repeated input ACL
//!   leaves the new output list in place. The simulator does the same.
//! - Dumps go by index (`acl_dump`) and by interface index (`acl_interface_list_dump`, one
//!   details message per interface, with empty lists included).
//! - A deleted interface loses its ACL lists.
//!
//! Matching ([`Acls::classify`]) is the plugin's: the rules of the interface's ACLs, in list
//! order, first match wins, and a packet no rule matches is denied (the implicit deny at the
//! end of every ACL; see docs/design.md, “ACLs”). A rule matches a packet of its address family
//! (taken from the rule's source prefix) whose source and destination fall in its prefixes; a rule
//! with a protocol also needs that protocol, the ports within its ranges (the ICMP type and code
//! for ICMP) and, for TCP, the flags under its mask.

use std::collections::BTreeMap;
use std::net::IpAddr;

use ipnet::IpNet;

use super::model::{INVALID_VALUE, NO_SUCH_ENTRY};

/// `VNET_API_ERROR_INVALID_VALUE_2`
pub const INVALID_VALUE_2: i32 = -8;
/// `VNET_API_ERROR_INVALID_SRC_ADDRESS`
pub const INVALID_SRC_ADDRESS: i32 = -57;
/// `VNET_API_ERROR_INVALID_DST_ADDRESS`
pub const INVALID_DST_ADDRESS: i32 = -58;
/// `VNET_API_ERROR_ACL_IN_USE_INBOUND`
pub const ACL_IN_USE_INBOUND: i32 = -142;
/// `VNET_API_ERROR_ACL_IN_USE_OUTBOUND`
pub const ACL_IN_USE_OUTBOUND: i32 = -143;
/// What VPP answers for a list naming one ACL twice (see the module docs).
pub const REPEATED_ACL: i32 = 1;

/// The tag field's size on the wire, NUL included.
pub const TAG_SIZE: usize = 64;

/// `~0`: "a new ACL" in `acl_add_replace`, "all" in the dumps.
pub const ANY: u32 = u32::MAX;

/// IP protocol numbers the matcher treats specially.
pub const PROTO_ICMP: u8 = 1;
pub const PROTO_TCP: u8 = 6;
pub const PROTO_ICMP6: u8 = 58;

/// What a rule does with a packet it matches: VPP's `acl_action`. `permit+reflect`
/// permits (its sessions are not modelled); a value VPP does not define is kept, so a
/// dump gives back what was sent.
pub use crate::binapi::acl_types::AclAction as Action;

/// Whether a packet a rule with `action` matches goes on. VPP treats any non-zero
/// action as a permit.
pub fn permits(action: Action) -> bool {
    action != Action::Deny
}

/// One rule, as `acl_rule` carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub action: Action,
    pub src: IpNet,
    pub dst: IpNet,
    /// 0: any protocol.
    pub proto: u8,
    /// Source port range, or ICMP type range.
    pub sport: (u16, u16),
    /// Destination port range, or ICMP code range.
    pub dport: (u16, u16),
    pub tcp_flags_mask: u8,
    pub tcp_flags_value: u8,
}

/// A packet's 5-tuple (and TCP flags), as the matcher sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Packet {
    pub src: IpAddr,
    pub dst: IpAddr,
    pub proto: u8,
    /// Source port, or ICMP type.
    pub sport: u16,
    /// Destination port, or ICMP code.
    pub dport: u16,
    pub tcp_flags: u8,
}

impl Rule {
    /// Whether this rule matches `p`.
    pub fn matches(&self, p: &Packet) -> bool {
        let in_range = |v: u16, (lo, hi): (u16, u16)| lo <= v && v <= hi;
        if self.src.addr().is_ipv6() != p.src.is_ipv6() {
            return false;
        }
        if !self.src.contains(&p.src) || !self.dst.contains(&p.dst) {
            return false;
        }
        if self.proto == 0 {
            return true;
        }
        if self.proto != p.proto {
            return false;
        }
        if !in_range(p.sport, self.sport) || !in_range(p.dport, self.dport) {
            return false;
        }
        self.proto != PROTO_TCP
            || self.tcp_flags_mask == 0
            || p.tcp_flags & self.tcp_flags_mask == self.tcp_flags_value
    }

    /// The retval VPP gives for this rule in an `acl_add_replace`, 0 if it is fine.
    fn check(&self) -> i32 {
        if !normal(&self.src) {
            INVALID_SRC_ADDRESS
        } else if !normal(&self.dst) {
            INVALID_DST_ADDRESS
        } else if self.sport.0 > self.sport.1 || self.dport.0 > self.dport.1 {
            INVALID_VALUE_2
        } else {
            0
        }
    }
}

/// No host bits set.
fn normal(p: &IpNet) -> bool {
    p.addr() == p.network()
}

/// One ACL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acl {
    pub tag: String,
    pub rules: Vec<Rule>,
}

/// What an interface's ACLs decided about a packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Permit,
    Deny,
}

/// Every ACL and where it is applied.
#[derive(Debug, Clone, Default)]
pub struct Acls {
    /// By index; `None` marks a free index.
    pool: Vec<Option<Acl>>,
    /// sw_if_index → its input ACLs, in order (no entry: none).
    input: BTreeMap<u32, Vec<u32>>,
    /// sw_if_index → its output ACLs, in order.
    output: BTreeMap<u32, Vec<u32>>,
}

impl Acls {
    pub fn new() -> Acls {
        Acls::default()
    }

    pub fn get(&self, index: u32) -> Option<&Acl> {
        self.pool.get(index as usize)?.as_ref()
    }

    /// Every ACL with its index, by index.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &Acl)> {
        self.pool
            .iter()
            .enumerate()
            .filter_map(|(i, a)| Some((i as u32, a.as_ref()?)))
    }

    /// `acl_add_replace`: `(retval, acl_index)`, see the module docs.
    pub fn add_replace(&mut self, index: u32, tag: &str, rules: Vec<Rule>) -> (i32, u32) {
        if tag.len() >= TAG_SIZE {
            return (INVALID_VALUE, index);
        }
        if let Some(rv) = rules.iter().map(Rule::check).find(|rv| *rv != 0) {
            return (rv, index);
        }
        let acl = Acl {
            tag: tag.to_owned(),
            rules,
        };
        if index == ANY {
            let free = self.pool.iter().position(Option::is_none);
            let i = free.unwrap_or(self.pool.len());
            match self.pool.get_mut(i) {
                Some(slot) => *slot = Some(acl),
                None => self.pool.push(Some(acl)),
            }
            return (0, i as u32);
        }
        match self.pool.get_mut(index as usize) {
            Some(slot @ Some(_)) => {
                *slot = Some(acl);
                (0, index)
            }
            _ => (NO_SUCH_ENTRY, index),
        }
    }

    fn applied(lists: &BTreeMap<u32, Vec<u32>>, index: u32) -> bool {
        lists.values().any(|l| l.contains(&index))
    }

    /// `acl_del`.
    pub fn del(&mut self, index: u32) -> i32 {
        if self.get(index).is_none() {
            return NO_SUCH_ENTRY;
        }
        if Self::applied(&self.input, index) {
            return ACL_IN_USE_INBOUND;
        }
        if Self::applied(&self.output, index) {
            return ACL_IN_USE_OUTBOUND;
        }
        self.pool[index as usize] = None;
        while matches!(self.pool.last(), Some(None)) {
            self.pool.pop();
        }
        0
    }

    /// `acl_interface_set_acl_list` for an interface that exists (the caller checks).
    pub fn set_interface(&mut self, sw_if_index: u32, n_input: usize, acls: &[u32]) -> i32 {
        if acls.iter().any(|a| self.get(*a).is_none()) {
            return NO_SUCH_ENTRY;
        }
        let n_input = n_input.min(acls.len());
        let (input, output) = acls.split_at(n_input);
        let repeats = |l: &[u32]| l.iter().enumerate().any(|(i, a)| l[..i].contains(a));
        if repeats(output) {
            return REPEATED_ACL;
        }
        Self::set_list(&mut self.output, sw_if_index, output);
        if repeats(input) {
            return REPEATED_ACL;
        }
        Self::set_list(&mut self.input, sw_if_index, input);
        0
    }

    fn set_list(lists: &mut BTreeMap<u32, Vec<u32>>, sw_if_index: u32, acls: &[u32]) {
        if acls.is_empty() {
            lists.remove(&sw_if_index);
        } else {
            lists.insert(sw_if_index, acls.to_vec());
        }
    }

    /// An interface's `(input, output)` ACL lists.
    pub fn interface(&self, sw_if_index: u32) -> (&[u32], &[u32]) {
        let input = self.input.get(&sw_if_index).map_or(&[][..], Vec::as_slice);
        let output = self.output.get(&sw_if_index).map_or(&[][..], Vec::as_slice);
        (input, output)
    }

    /// An interface went: so do its ACL lists.
    pub fn interface_removed(&mut self, sw_if_index: u32) {
        self.input.remove(&sw_if_index);
        self.output.remove(&sw_if_index);
    }

    /// What the interface's input (or output) ACLs decide about `p`: `None` when it has no
    /// ACL in that direction (the plugin is not on the packet's path).
    pub fn classify(&self, sw_if_index: u32, input: bool, p: &Packet) -> Option<Verdict> {
        let (i, o) = self.interface(sw_if_index);
        let list = if input { i } else { o };
        if list.is_empty() {
            return None;
        }
        let hit = list
            .iter()
            .filter_map(|a| self.get(*a))
            .flat_map(|a| &a.rules)
            .find(|r| r.matches(p));
        Some(match hit {
            Some(r) if permits(r.action) => Verdict::Permit,
            _ => Verdict::Deny,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(action: Action, src: &str, dst: &str) -> Rule {
        Rule {
            action,
            src: src.parse().unwrap(),
            dst: dst.parse().unwrap(),
            proto: 0,
            sport: (0, 65535),
            dport: (0, 65535),
            tcp_flags_mask: 0,
            tcp_flags_value: 0,
        }
    }

    fn udp(src: &str, dst: &str, dport: u16) -> Packet {
        Packet {
            src: src.parse().unwrap(),
            dst: dst.parse().unwrap(),
            proto: 17,
            sport: 1024,
            dport,
            tcp_flags: 0,
        }
    }

    fn rfc1918() -> Vec<Rule> {
        vec![
            rule(Action::Deny, "10.0.0.0/8", "0.0.0.0/0"),
            rule(Action::Deny, "172.16.0.0/12", "0.0.0.0/0"),
            rule(Action::Deny, "192.168.0.0/16", "0.0.0.0/0"),
            rule(Action::Permit, "0.0.0.0/0", "0.0.0.0/0"),
            rule(Action::Permit, "::/0", "::/0"),
        ]
    }

    #[test]
    fn create_replace_in_place_and_reuse_the_lowest_free_index() {
        let mut a = Acls::new();
        assert_eq!(a.add_replace(ANY, "one", rfc1918()), (0, 0));
        assert_eq!(a.add_replace(ANY, "two", vec![]), (0, 1));
        assert_eq!(
            a.add_replace(0, "one", vec![rule(Action::Permit, "::/0", "::/0")]),
            (0, 0)
        );
        assert_eq!(a.get(0).unwrap().rules.len(), 1);
        assert_eq!(a.add_replace(999, "nope", vec![]), (NO_SUCH_ENTRY, 999));
        assert_eq!(a.del(0), 0);
        assert_eq!(a.del(0), NO_SUCH_ENTRY);
        assert_eq!(a.add_replace(ANY, "three", vec![]), (0, 0));
        let tags: Vec<_> = a.iter().map(|(i, x)| (i, x.tag.as_str())).collect();
        assert_eq!(tags, [(0, "three"), (1, "two")]);
    }

    #[test]
    fn bad_rules_and_tags_are_refused_with_vpps_retvals() {
        let mut a = Acls::new();
        let host_bits = rule(Action::Deny, "10.1.2.3/8", "0.0.0.0/0");
        assert_eq!(
            a.add_replace(ANY, "x", vec![host_bits]).0,
            INVALID_SRC_ADDRESS
        );
        let dst = rule(Action::Deny, "10.0.0.0/8", "192.0.2.1/24");
        assert_eq!(a.add_replace(ANY, "x", vec![dst]).0, INVALID_DST_ADDRESS);
        let mut ports = rule(Action::Deny, "10.0.0.0/8", "0.0.0.0/0");
        ports.dport = (443, 80);
        assert_eq!(a.add_replace(ANY, "x", vec![ports]).0, INVALID_VALUE_2);
        assert_eq!(a.add_replace(ANY, &"t".repeat(64), vec![]).0, INVALID_VALUE);
        assert_eq!(a.add_replace(ANY, &"t".repeat(63), vec![]), (0, 0));
        assert_eq!(a.iter().count(), 1, "refused ACLs are not created");
    }

    #[test]
    fn applied_acls_cannot_be_deleted() {
        let mut a = Acls::new();
        a.add_replace(ANY, "in", vec![]);
        a.add_replace(ANY, "out", vec![]);
        assert_eq!(a.set_interface(1, 1, &[0, 1]), 0);
        assert_eq!(a.interface(1), (&[0][..], &[1][..]));
        assert_eq!(a.del(0), ACL_IN_USE_INBOUND);
        assert_eq!(a.del(1), ACL_IN_USE_OUTBOUND);
        assert_eq!(a.set_interface(1, 0, &[]), 0);
        assert_eq!(a.interface(1), (&[][..], &[][..]));
        assert_eq!(a.del(0), 0);
        assert_eq!(a.del(1), 0);
    }

    #[test]
    fn set_list_checks_like_vpp() {
        let mut a = Acls::new();
        a.add_replace(ANY, "a", vec![]);
        a.add_replace(ANY, "b", vec![]);
        assert_eq!(a.set_interface(1, 1, &[0, 7]), NO_SUCH_ENTRY);
        assert_eq!(a.interface(1), (&[][..], &[][..]));
        // A repeated output ACL: nothing changes.
        assert_eq!(a.set_interface(1, 0, &[1, 1]), REPEATED_ACL);
        assert_eq!(a.interface(1), (&[][..], &[][..]));
        // A repeated input ACL: the output list is set all the same.
        assert_eq!(a.set_interface(1, 2, &[0, 0, 1]), REPEATED_ACL);
        assert_eq!(a.interface(1), (&[][..], &[1][..]));
        // n_input beyond the list: all input.
        assert_eq!(a.set_interface(2, 9, &[1, 0]), 0);
        assert_eq!(a.interface(2), (&[1, 0][..], &[][..]));
        a.interface_removed(2);
        assert_eq!(a.interface(2), (&[][..], &[][..]));
    }

    #[test]
    fn first_match_wins_and_nothing_matched_is_denied() {
        let mut a = Acls::new();
        a.add_replace(ANY, "rfc1918", rfc1918());
        assert_eq!(
            a.classify(1, true, &udp("10.1.0.1", "198.18.1.1", 53)),
            None
        );
        a.set_interface(1, 1, &[0]);
        let v = |a: &Acls, s: &str, d: &str| a.classify(1, true, &udp(s, d, 53));
        assert_eq!(v(&a, "10.1.0.1", "198.18.1.1"), Some(Verdict::Deny));
        assert_eq!(v(&a, "172.31.255.1", "198.18.1.1"), Some(Verdict::Deny));
        assert_eq!(v(&a, "172.32.0.1", "198.18.1.1"), Some(Verdict::Permit));
        assert_eq!(v(&a, "203.0.113.1", "198.18.1.1"), Some(Verdict::Permit));
        assert_eq!(v(&a, "2001:db8::1", "2001:db8:1::1"), Some(Verdict::Permit));
        assert_eq!(a.classify(1, false, &udp("10.1.0.1", "1.1.1.1", 53)), None);

        // Only a v4 permit: v6 falls through to the implicit deny.
        a.add_replace(
            0,
            "v4",
            vec![rule(Action::Permit, "0.0.0.0/0", "0.0.0.0/0")],
        );
        assert_eq!(v(&a, "2001:db8::1", "2001:db8:1::1"), Some(Verdict::Deny));
        // An empty ACL denies everything.
        a.add_replace(0, "empty", vec![]);
        assert_eq!(v(&a, "203.0.113.1", "198.18.1.1"), Some(Verdict::Deny));
    }

    #[test]
    fn protocols_ports_and_tcp_flags() {
        let mut web = rule(Action::Permit, "0.0.0.0/0", "0.0.0.0/0");
        web.proto = PROTO_TCP;
        web.dport = (80, 443);
        let tcp = |dport, flags| Packet {
            proto: PROTO_TCP,
            tcp_flags: flags,
            ..udp("203.0.113.1", "198.18.1.1", dport)
        };
        assert!(web.matches(&tcp(80, 0)));
        assert!(web.matches(&tcp(443, 0)));
        assert!(!web.matches(&tcp(444, 0)));
        assert!(!web.matches(&udp("203.0.113.1", "198.18.1.1", 80)));
        let mut syn = web.clone();
        syn.tcp_flags_mask = 0x12;
        syn.tcp_flags_value = 0x02;
        assert!(syn.matches(&tcp(80, 0x02)));
        assert!(!syn.matches(&tcp(80, 0x12)));
        // Ports are ignored without a protocol.
        let mut any = rule(Action::Permit, "0.0.0.0/0", "0.0.0.0/0");
        any.dport = (1, 1);
        assert!(any.matches(&udp("203.0.113.1", "198.18.1.1", 53)));
    }
}
