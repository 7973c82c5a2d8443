//! ACLs (VPP's acl plugin) in operators' terms: rules written as words, ACLs known by name,
//! applied to interfaces by name. Shared by `vppx acl` and the agent's `/acls` endpoints.
//!
//! # Rules
//!
//! ```text
//! deny src 10.0.0.0/8
//! permit src 198.51.100.0/24 dst 0.0.0.0/0 proto tcp dport 80-443
//! deny src 2001:db8:bad::/48
//! permit any
//! ```
//!
//! A rule is an action, `deny` or `permit`, then any of these, each at most once, in any
//! order:
//!
//! - `src PREFIX`, `dst PREFIX`: IPv4 or IPv6 (`10.0.0.0/8`, `2001:db8::/32`), both of one
//!   family; host bits must be clear (`10.1.2.3/8` is an error naming `10.0.0.0/8`); `any`
//!   (or leaving it out) matches every address.
//! - `proto NAME|NUMBER`: `tcp`, `udp`, `icmp`, `icmp6`, `sctp`, `gre`, `esp`, `ah`, `any`,
//!   or 0-255 (0 is any).
//! - `sport PORT[-PORT]`, `dport PORT[-PORT]`: port ranges, for `proto tcp`, `udp` or `sctp`
//!   only (VPP ignores ports without a protocol).
//! - `tcp-flags VALUE/MASK`: with `proto tcp`, the flags under MASK must equal VALUE.
//!
//! `any` alone (`permit any`) says no address at all. A rule that names no address is made
//! for both families: VPP keeps rules per family, so `permit any` is one IPv4 and one IPv6
//! rule (see docs/design.md, “ACLs”), and so is `permit proto tcp dport 22`. `proto icmp` is IPv4
//! only, `proto icmp6` IPv6 only.
//!
//! Every ACL ends with an implicit deny: a packet no rule matches is dropped. Rules match in
//! order, first match wins. On the command line rules follow one another (each starts at
//! its action word, so quoting each rule is optional); in a file (`--file`) there is one
//! rule a line, `#` starts a comment. A bad rule is an error naming the rule (by position:
//! `rule 2`, `line 7`), its text and the word at fault, and nothing is sent.
//!
//! # Names
//!
//! vppx keeps an ACL's name in the ACL's tag (at most 63 bytes; see docs/design.md, “ACLs”):
//! letters, digits, `-`, `_`, `.` and `:`. `acl set` with a name that exists replaces that ACL's
//! rules in place (`acl_add_replace` with its index), so its index, and where it is applied, stay.
//! An ACL made without a tag (by another tool) is named `#INDEX`, and any ACL can be named so.

use std::collections::BTreeMap;
use std::fmt;

use ipnet::IpNet;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use super::error::{OpsError, Result};
use super::routes::spec::parse_prefix;
use super::routes::vpp::InterfaceNames;
use crate::binapi::acl::{
    AclAddReplace, AclAddReplaceReply, AclDel, AclDelReply, AclDetails, AclDump,
    AclInterfaceListDetails, AclInterfaceListDump, AclInterfaceSetAclList,
    AclInterfaceSetAclListReply,
};
use crate::binapi::acl_types::AclRule;
use crate::binapi::interface::{SwInterfaceDetails, SwInterfaceDump};
use crate::client::Client;
use crate::wire::{Message, VppEnum};

/// The messages ACL commands use, checked against VPP at connect time (see docs/design.md,
/// “Compatibility with the running VPP”).
pub const MESSAGES: &[&str] = &[
    AclAddReplace::NAME_CRC,
    AclAddReplaceReply::NAME_CRC,
    AclDel::NAME_CRC,
    AclDelReply::NAME_CRC,
    AclDump::NAME_CRC,
    AclDetails::NAME_CRC,
    AclInterfaceSetAclList::NAME_CRC,
    AclInterfaceSetAclListReply::NAME_CRC,
    AclInterfaceListDump::NAME_CRC,
    AclInterfaceListDetails::NAME_CRC,
    SwInterfaceDump::NAME_CRC,
    SwInterfaceDetails::NAME_CRC,
];

/// The longest name: the tag is a 64-byte string with its NUL (see docs/design.md, “ACLs”).
pub const MAX_NAME: usize = 63;

/// `~0`: a new ACL, or every ACL / interface in a dump.
const ANY: u32 = u32::MAX;

/// IP protocol numbers with names.
const PROTOCOLS: &[(&str, u8)] = &[
    ("icmp", 1),
    ("tcp", 6),
    ("udp", 17),
    ("gre", 47),
    ("esp", 50),
    ("ah", 51),
    ("icmp6", 58),
    ("sctp", 132),
];
const PROTO_ICMP: u8 = 1;
const PROTO_TCP: u8 = 6;
const PROTO_ICMP6: u8 = 58;
/// Protocols with ports.
const PORTED: &[u8] = &[6, 17, 132];
const ALL_PORTS: (u16, u16) = (0, u16::MAX);

/// What a rule does with the packets it matches: VPP's `acl_action`
/// (`permit+reflect` is made by other tools; unknown values are kept).
pub use crate::binapi::acl_types::AclAction as Action;

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Action::Deny => f.write_str("deny"),
            Action::Permit => f.write_str("permit"),
            Action::PermitReflect => f.write_str("permit+reflect"),
            Action::Other(n) => write!(f, "action-{n}"),
        }
    }
}

/// One rule of one address family, as VPP keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub action: Action,
    pub src: IpNet,
    pub dst: IpNet,
    /// 0: any protocol.
    pub proto: u8,
    /// Source ports (ICMP types for ICMP).
    pub sport: (u16, u16),
    /// Destination ports (ICMP codes for ICMP).
    pub dport: (u16, u16),
    /// `(value, mask)` of the TCP flags, `(0, 0)` for none.
    pub tcp_flags: (u8, u8),
}

/// Every address of a family: `0.0.0.0/0` or `::/0`.
fn any_of(v6: bool) -> IpNet {
    if v6 {
        IpNet::V6(ipnet::Ipv6Net::default())
    } else {
        IpNet::V4(ipnet::Ipv4Net::default())
    }
}

/// A protocol as rules write it: `any`, `tcp`, ..., or its number.
pub fn proto_name(p: u8) -> String {
    if p == 0 {
        return "any".to_string();
    }
    match PROTOCOLS.iter().find(|(_, n)| *n == p) {
        Some((name, _)) => (*name).to_string(),
        None => p.to_string(),
    }
}

fn range(r: (u16, u16)) -> String {
    if r.0 == r.1 {
        r.0.to_string()
    } else {
        format!("{}-{}", r.0, r.1)
    }
}

impl Rule {
    pub fn is_ipv6(&self) -> bool {
        self.src.addr().is_ipv6()
    }

    fn from_wire(r: &AclRule) -> Rule {
        Rule {
            action: r.is_permit,
            src: r.src_prefix,
            dst: r.dst_prefix,
            proto: r.proto.to_raw() as u8,
            sport: (r.srcport_or_icmptype_first, r.srcport_or_icmptype_last),
            dport: (r.dstport_or_icmpcode_first, r.dstport_or_icmpcode_last),
            tcp_flags: (r.tcp_flags_value, r.tcp_flags_mask),
        }
    }

    fn to_wire(&self) -> AclRule {
        AclRule {
            is_permit: self.action,
            src_prefix: self.src,
            dst_prefix: self.dst,
            proto: VppEnum::from_raw(u32::from(self.proto)),
            srcport_or_icmptype_first: self.sport.0,
            srcport_or_icmptype_last: self.sport.1,
            dstport_or_icmpcode_first: self.dport.0,
            dstport_or_icmpcode_last: self.dport.1,
            tcp_flags_mask: self.tcp_flags.1,
            tcp_flags_value: self.tcp_flags.0,
        }
    }
}

/// The rule in the words `acl set` reads (`deny src 10.0.0.0/8`): only what narrows it.
impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} src {}", self.action, self.src)?;
        if self.dst.prefix_len() != 0 {
            write!(f, " dst {}", self.dst)?;
        }
        if self.proto != 0 {
            write!(f, " proto {}", proto_name(self.proto))?;
            if self.sport != ALL_PORTS {
                write!(f, " sport {}", range(self.sport))?;
            }
            if self.dport != ALL_PORTS {
                write!(f, " dport {}", range(self.dport))?;
            }
        }
        if self.tcp_flags != (0, 0) {
            write!(f, " tcp-flags {}/{}", self.tcp_flags.0, self.tcp_flags.1)?;
        }
        Ok(())
    }
}

/// JSON: `{action, src, dst, proto, sport, dport, tcp_flags, text}`, all strings, in the
/// words a rule is written with (`"proto": "tcp"`, `"dport": "80-443"`), so a rule read back
/// can be sent again as it is.
impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Rule", 8)?;
        st.serialize_field("action", &self.action.to_string())?;
        st.serialize_field("src", &self.src.to_string())?;
        st.serialize_field("dst", &self.dst.to_string())?;
        st.serialize_field("proto", &proto_name(self.proto))?;
        st.serialize_field("sport", &range(self.sport))?;
        st.serialize_field("dport", &range(self.dport))?;
        let flags = (self.tcp_flags != (0, 0))
            .then(|| format!("{}/{}", self.tcp_flags.0, self.tcp_flags.1));
        st.serialize_field("tcp_flags", &flags)?;
        st.serialize_field("text", &self.to_string())?;
        st.end()
    }
}

/// What is wrong with one rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct RuleError(pub String);

fn bad(msg: impl Into<String>) -> RuleError {
    RuleError(msg.into())
}

fn parse_port_range(key: &str, word: &str) -> std::result::Result<(u16, u16), RuleError> {
    let err = || {
        bad(format!(
            "{key} '{word}' is not a port or a range of ports (0-65535, e.g. 80 or 80-443)"
        ))
    };
    let port = |s: &str| -> std::result::Result<u16, RuleError> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        s.parse().map_err(|_| err())
    };
    let r = match word.split_once('-') {
        Some((a, b)) => (port(a)?, port(b)?),
        None => {
            let p = port(word)?;
            (p, p)
        }
    };
    if r.0 > r.1 {
        return Err(bad(format!(
            "{key} '{word}' is an empty range (the first port is above the last)"
        )));
    }
    Ok(r)
}

fn parse_proto(word: &str) -> std::result::Result<u8, RuleError> {
    let lower = word.to_ascii_lowercase();
    if lower == "any" {
        return Ok(0);
    }
    if let Some((_, n)) = PROTOCOLS.iter().find(|(name, _)| *name == lower) {
        return Ok(*n);
    }
    if lower == "ipv6-icmp" {
        return Ok(PROTO_ICMP6);
    }
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(n) = word.parse::<u8>() {
            return Ok(n);
        }
    }
    let names: Vec<&str> = PROTOCOLS.iter().map(|(n, _)| *n).collect();
    Err(bad(format!(
        "proto '{word}' is not a protocol (expected {}, any, or 0-255)",
        names.join(", ")
    )))
}

fn parse_flags(word: &str) -> std::result::Result<(u8, u8), RuleError> {
    let err = || {
        bad(format!(
            "tcp-flags '{word}' is not VALUE/MASK (each 0-255, e.g. 2/18 for SYN without ACK)"
        ))
    };
    let (v, m) = word.split_once('/').ok_or_else(err)?;
    let n = |s: &str| -> std::result::Result<u8, RuleError> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        s.parse().map_err(|_| err())
    };
    let (v, m) = (n(v)?, n(m)?);
    if v & !m != 0 {
        return Err(bad(format!(
            "tcp-flags '{word}': the value has bits outside the mask"
        )));
    }
    Ok((v, m))
}

fn parse_addr(key: &str, word: &str) -> std::result::Result<Option<IpNet>, RuleError> {
    if word.eq_ignore_ascii_case("any") {
        return Ok(None);
    }
    parse_prefix(word)
        .map(Some)
        .map_err(|e| bad(format!("{key} {e}")))
}

/// Parses one rule (its words), giving one rule per address family it covers.
pub fn parse_rule(words: &[&str]) -> std::result::Result<Vec<Rule>, RuleError> {
    let Some((first, rest)) = words.split_first() else {
        return Err(bad("empty rule"));
    };
    let action = match first.to_ascii_lowercase().as_str() {
        "deny" => Action::Deny,
        "permit" => Action::Permit,
        _ => return Err(bad(format!("'{first}': a rule starts with deny or permit"))),
    };
    let mut src: Option<Option<IpNet>> = None;
    let mut dst: Option<Option<IpNet>> = None;
    let mut proto: Option<u8> = None;
    let mut sport: Option<(u16, u16)> = None;
    let mut dport: Option<(u16, u16)> = None;
    let mut flags: Option<(u8, u8)> = None;
    let mut any = false;
    let mut i = 0;
    while i < rest.len() {
        let key = rest[i].to_ascii_lowercase();
        if key == "any" {
            if any {
                return Err(bad("'any' is given twice"));
            }
            any = true;
            i += 1;
            continue;
        }
        let known = ["src", "dst", "proto", "sport", "dport", "tcp-flags"];
        if !known.contains(&key.as_str()) {
            return Err(bad(format!(
                "unknown word '{}' (expected src, dst, proto, sport, dport, tcp-flags or any)",
                rest[i]
            )));
        }
        let Some(value) = rest.get(i + 1) else {
            return Err(bad(format!("'{}' needs a value", rest[i])));
        };
        let twice = || bad(format!("'{}' is given twice", rest[i]));
        match key.as_str() {
            "src" if src.is_some() => return Err(twice()),
            "src" => src = Some(parse_addr("src", value)?),
            "dst" if dst.is_some() => return Err(twice()),
            "dst" => dst = Some(parse_addr("dst", value)?),
            "proto" if proto.is_some() => return Err(twice()),
            "proto" => proto = Some(parse_proto(value)?),
            "sport" if sport.is_some() => return Err(twice()),
            "sport" => sport = Some(parse_port_range("sport", value)?),
            "dport" if dport.is_some() => return Err(twice()),
            "dport" => dport = Some(parse_port_range("dport", value)?),
            _ if flags.is_some() => return Err(twice()),
            _ => flags = Some(parse_flags(value)?),
        }
        i += 2;
    }
    let (src, dst) = (src.flatten(), dst.flatten());
    if any && (src.is_some() || dst.is_some()) {
        return Err(bad(
            "'any' means every address: it goes without src and dst prefixes",
        ));
    }
    let proto = proto.unwrap_or(0);
    for (key, given) in [("sport", sport.is_some()), ("dport", dport.is_some())] {
        if given && !PORTED.contains(&proto) {
            return Err(bad(format!(
                "'{key}' needs proto tcp, udp or sctp (VPP ignores ports otherwise)"
            )));
        }
    }
    if flags.is_some() && proto != PROTO_TCP {
        return Err(bad("'tcp-flags' needs proto tcp"));
    }
    let families: Vec<bool> = match (src, dst) {
        (Some(s), Some(d)) if s.addr().is_ipv6() != d.addr().is_ipv6() => {
            return Err(bad(format!(
                "src {s} and dst {d} are of different address families"
            )))
        }
        (Some(p), _) | (None, Some(p)) => vec![p.addr().is_ipv6()],
        (None, None) if proto == PROTO_ICMP => vec![false],
        (None, None) if proto == PROTO_ICMP6 => vec![true],
        (None, None) => vec![false, true],
    };
    if let Some(&v6) = families.first() {
        if families.len() == 1 && (proto == PROTO_ICMP && v6 || proto == PROTO_ICMP6 && !v6) {
            let (p, fam) = if v6 {
                ("icmp", "IPv6")
            } else {
                ("icmp6", "IPv4")
            };
            return Err(bad(format!(
                "proto {p} does not go with {fam} addresses (use {})",
                if v6 { "icmp6" } else { "icmp" }
            )));
        }
    }
    Ok(families
        .into_iter()
        .map(|v6| Rule {
            action,
            src: src.unwrap_or_else(|| any_of(v6)),
            dst: dst.unwrap_or_else(|| any_of(v6)),
            proto,
            sport: sport.unwrap_or(ALL_PORTS),
            dport: dport.unwrap_or(ALL_PORTS),
            tcp_flags: flags.unwrap_or((0, 0)),
        })
        .collect())
}

/// A rule that did not parse, where it was and why.
fn located(position: &str, text: &str, e: &RuleError) -> String {
    format!("{position} \"{text}\": {e}")
}

fn finish(rules: Vec<Rule>, errors: Vec<String>) -> Result<Vec<Rule>> {
    if !errors.is_empty() {
        return Err(OpsError::BadInput(errors.join("\n")));
    }
    if rules.is_empty() {
        return Err(OpsError::BadInput(
            "no rules given (an ACL that drops everything is `deny any`)".into(),
        ));
    }
    Ok(rules)
}

/// The rules of `vppx acl set NAME RULE...`: the words of every argument, a new rule at
/// each action word. Every bad rule is reported (`rule N "TEXT": why`), nothing is
/// returned unless all are good.
pub fn parse_args<S: AsRef<str>>(args: &[S]) -> Result<Vec<Rule>> {
    let words: Vec<&str> = args
        .iter()
        .flat_map(|a| a.as_ref().split_whitespace())
        .collect();
    let mut groups: Vec<Vec<&str>> = Vec::new();
    for w in words {
        let starts = matches!(w.to_ascii_lowercase().as_str(), "deny" | "permit");
        match groups.last_mut() {
            Some(g) if !starts => g.push(w),
            _ => groups.push(vec![w]),
        }
    }
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        match parse_rule(g) {
            Ok(r) => rules.extend(r),
            Err(e) => errors.push(located(&format!("rule {}", i + 1), &g.join(" "), &e)),
        }
    }
    finish(rules, errors)
}

/// The rules of a rule file: one a line, `#` to the end of a line is a comment, blank
/// lines are skipped. Errors name the line (`line N "TEXT": why`).
pub fn parse_file(text: &str) -> Result<Vec<Rule>> {
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        match parse_rule(&words) {
            Ok(r) => rules.extend(r),
            Err(e) => errors.push(located(&format!("line {}", i + 1), line, &e)),
        }
    }
    finish(rules, errors)
}

/// A rule as a JSON body gives it: the words as one string, or an object of the same
/// words (`{"action": "permit", "src": "198.51.100.0/24", "proto": "tcp", "dport":
/// "80-443"}`; ports and protocols may also be numbers).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RuleInput {
    Text(String),
    Fields(RuleFields),
}

/// The object form of [`RuleInput`]; what `GET /acls/{name}` answers is accepted back
/// (its `text` is ignored).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFields {
    pub action: String,
    #[serde(default, deserialize_with = "crate::ops::input::present")]
    pub src: Option<String>,
    #[serde(default, deserialize_with = "crate::ops::input::present")]
    pub dst: Option<String>,
    #[serde(default, deserialize_with = "crate::ops::input::present")]
    pub proto: Option<Word>,
    #[serde(default, deserialize_with = "crate::ops::input::present")]
    pub sport: Option<Word>,
    #[serde(default, deserialize_with = "crate::ops::input::present")]
    pub dport: Option<Word>,
    #[serde(default)]
    pub tcp_flags: Option<String>,
    #[serde(default, deserialize_with = "crate::ops::input::present")]
    pub text: Option<String>,
}

/// A value written as a string or a number.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Word {
    Text(String),
    Number(u64),
}

impl fmt::Display for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Word::Text(s) => f.write_str(s),
            Word::Number(n) => write!(f, "{n}"),
        }
    }
}

impl RuleInput {
    /// The rule's words.
    pub fn text(&self) -> String {
        match self {
            RuleInput::Text(s) => s.clone(),
            RuleInput::Fields(f) => {
                let mut words = vec![f.action.clone()];
                let pairs = [
                    ("src", f.src.clone()),
                    ("dst", f.dst.clone()),
                    ("proto", f.proto.as_ref().map(Word::to_string)),
                    ("sport", f.sport.as_ref().map(Word::to_string)),
                    ("dport", f.dport.as_ref().map(Word::to_string)),
                    ("tcp-flags", f.tcp_flags.clone()),
                ];
                for (key, value) in pairs {
                    let Some(v) = value else { continue };
                    // What GET gives back for "no constraint" needs no word.
                    let open = match key {
                        "proto" => v == "any" || v == "0",
                        "sport" | "dport" => v == "0-65535",
                        _ => false,
                    };
                    if !open {
                        words.push(key.to_string());
                        words.push(v);
                    }
                }
                words.join(" ")
            }
        }
    }
}

impl RuleInput {
    /// One rule of a JSON list, at `index`: a string or an object, the error naming the
    /// rule by its index (`rule 2: unknown field ...`).
    pub fn from_value(index: usize, v: serde_json::Value) -> Result<RuleInput> {
        match v {
            serde_json::Value::String(s) => Ok(RuleInput::Text(s)),
            v @ serde_json::Value::Object(_) => serde_json::from_value(v)
                .map(RuleInput::Fields)
                .map_err(|e| OpsError::BadInput(format!("rule {index}: {e}"))),
            other => Err(OpsError::BadInput(format!(
                "rule {index}: {other} is neither a rule's words (a string) nor an object of them"
            ))),
        }
    }
}

/// The rules of a JSON body; errors name each bad rule by its index in the list (from 0,
/// as `rule 0 "TEXT": why`).
pub fn parse_inputs(inputs: &[RuleInput]) -> Result<Vec<Rule>> {
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let text = input.text();
        let words: Vec<&str> = text.split_whitespace().collect();
        match parse_rule(&words) {
            Ok(r) => rules.extend(r),
            Err(e) => errors.push(located(&format!("rule {i}"), &text, &e)),
        }
    }
    finish(rules, errors)
}

/// Checks a name for `acl set` before anything is sent.
pub fn validate_name(name: &str) -> Result<()> {
    let ok_chars = name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'));
    if name.is_empty() || name.len() > MAX_NAME || !ok_chars {
        return Err(OpsError::BadInput(format!(
            "invalid ACL name '{name}': use 1-{MAX_NAME} letters, digits, '-', '_', '.' or ':' \
             (VPP keeps the name in the ACL's 64-byte tag)"
        )));
    }
    Ok(())
}

/// Which way an ACL filters on an interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Input,
    Output,
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Direction::Input => "input",
            Direction::Output => "output",
        })
    }
}

/// The interfaces an ACL is applied to, by direction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Applied {
    pub input: Vec<String>,
    pub output: Vec<String>,
}

impl Applied {
    pub fn is_empty(&self) -> bool {
        self.input.is_empty() && self.output.is_empty()
    }

    /// `pg0 (input), pg1 (output)`.
    pub fn describe(&self) -> String {
        let dir = |l: &[String], d: &str| l.iter().map(|i| format!("{i} ({d})")).collect();
        let mut all: Vec<String> = dir(&self.input, "input");
        all.extend(dir(&self.output, "output"));
        all.join(", ")
    }
}

/// One ACL as vppx shows it (`acl list`, `acl show`, `GET /acls`). Field names are part of
/// the `--json` contract (README).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Acl {
    /// Its tag, or `#INDEX` when it has none.
    pub name: String,
    pub acl_index: u32,
    pub rules: Vec<Rule>,
    pub applied: Applied,
}

/// An interface's ACLs, in the order VPP runs them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InterfaceAcls {
    pub interface: String,
    pub sw_if_index: u32,
    pub input: Vec<String>,
    pub output: Vec<String>,
}

/// The name of an ACL with tag `tag` at `index`.
fn display_name(tag: &str, index: u32) -> String {
    if tag.is_empty() {
        format!("#{index}")
    } else {
        tag.to_string()
    }
}

/// What VPP has: every ACL, every interface's lists, interface names. Read once, it
/// answers every ACL read ([`State::list`], [`State::acl`], [`State::interface_acls_of`]),
/// so that the agent can share one dump between requests.
#[derive(Debug)]
pub struct State {
    acls: Vec<AclDetails>,
    /// sw_if_index → (input, output).
    lists: BTreeMap<u32, (Vec<u32>, Vec<u32>)>,
    names: InterfaceNames,
}

impl State {
    /// Dumps every ACL, every interface's lists and the interface names.
    pub fn load(client: &mut Client) -> Result<State> {
        let mut acls = client.dump(AclDump {
            acl_index: ANY,
            ..Default::default()
        })?;
        acls.sort_by_key(|a| a.acl_index);
        let mut lists = BTreeMap::new();
        for d in client.dump(AclInterfaceListDump {
            sw_if_index: ANY,
            ..Default::default()
        })? {
            lists.insert(d.sw_if_index, split_list(&d));
        }
        let names = InterfaceNames::load(client)?;
        Ok(State { acls, lists, names })
    }

    /// The ACL called `name` (its tag, or `#INDEX`); an unknown name is exit 1 / 404, a
    /// tag several ACLs share is refused with their indexes.
    fn find(&self, name: &str) -> Result<&AclDetails> {
        if let Some(i) = name.strip_prefix('#').and_then(|n| n.parse::<u32>().ok()) {
            if let Some(a) = self.acls.iter().find(|a| a.acl_index == i) {
                return Ok(a);
            }
        }
        let found: Vec<&AclDetails> = self.acls.iter().filter(|a| a.tag == name).collect();
        match found.as_slice() {
            [] => Err(OpsError::NotFound {
                what: "ACL",
                name: name.to_string(),
            }),
            [one] => Ok(one),
            many => {
                let idx: Vec<String> = many.iter().map(|a| format!("#{}", a.acl_index)).collect();
                Err(OpsError::Refused(format!(
                    "{} ACLs are tagged '{name}' ({}); name one by its index, e.g. {}",
                    many.len(),
                    idx.join(", "),
                    idx[0]
                )))
            }
        }
    }

    fn acl_name(&self, index: u32) -> String {
        let tag = self
            .acls
            .iter()
            .find(|a| a.acl_index == index)
            .map_or("", |a| a.tag.as_str());
        display_name(tag, index)
    }

    fn iface_name(&self, sw_if_index: u32) -> String {
        self.names
            .name(sw_if_index)
            .map_or_else(|| format!("sw_if_index {sw_if_index}"), str::to_string)
    }

    fn applied(&self, index: u32) -> Applied {
        let mut a = Applied::default();
        for (sw, (input, output)) in &self.lists {
            if input.contains(&index) {
                a.input.push(self.iface_name(*sw));
            }
            if output.contains(&index) {
                a.output.push(self.iface_name(*sw));
            }
        }
        a
    }

    fn acl(&self, d: &AclDetails) -> Acl {
        Acl {
            name: display_name(&d.tag, d.acl_index),
            acl_index: d.acl_index,
            rules: d.r.iter().map(Rule::from_wire).collect(),
            applied: self.applied(d.acl_index),
        }
    }

    fn interface(&self, name: &str) -> Result<u32> {
        self.names.index(name).ok_or_else(|| OpsError::NotFound {
            what: "interface",
            name: name.to_string(),
        })
    }

    fn lists_of(&self, sw_if_index: u32) -> (Vec<u32>, Vec<u32>) {
        self.lists.get(&sw_if_index).cloned().unwrap_or_default()
    }

    fn interface_acls(&self, sw_if_index: u32) -> InterfaceAcls {
        let (input, output) = self.lists_of(sw_if_index);
        InterfaceAcls {
            interface: self.iface_name(sw_if_index),
            sw_if_index,
            input: input.iter().map(|i| self.acl_name(*i)).collect(),
            output: output.iter().map(|i| self.acl_name(*i)).collect(),
        }
    }
}

fn split_list(d: &AclInterfaceListDetails) -> (Vec<u32>, Vec<u32>) {
    let n = usize::from(d.n_input).min(d.acls.len());
    (d.acls[..n].to_vec(), d.acls[n..].to_vec())
}

/// Sets an interface's lists.
fn send_lists(client: &mut Client, sw_if_index: u32, input: &[u32], output: &[u32]) -> Result<()> {
    let n_input = u8::try_from(input.len())
        .map_err(|_| OpsError::BadInput("more than 255 input ACLs on one interface".into()))?;
    let mut acls = input.to_vec();
    acls.extend_from_slice(output);
    if acls.len() > usize::from(u8::MAX) {
        return Err(OpsError::BadInput(
            "more than 255 ACLs on one interface".into(),
        ));
    }
    client.request(AclInterfaceSetAclList {
        sw_if_index,
        n_input,
        acls,
        ..Default::default()
    })?;
    Ok(())
}

impl State {
    /// Every ACL, by index, with where it is applied.
    pub fn list(&self) -> Vec<Acl> {
        self.acls.iter().map(|d| self.acl(d)).collect()
    }

    /// The ACL called `name` (its tag or `#INDEX`).
    pub fn acl_named(&self, name: &str) -> Result<Acl> {
        self.find(name).map(|d| self.acl(d))
    }

    /// The ACLs of the interface called `iface`.
    pub fn interface_acls_of(&self, iface: &str) -> Result<InterfaceAcls> {
        let sw = self.interface(iface)?;
        Ok(self.interface_acls(sw))
    }
}

/// Every ACL, by index, with where it is applied.
pub fn list(client: &mut Client) -> Result<Vec<Acl>> {
    Ok(State::load(client)?.list())
}

/// The ACL called `name`.
pub fn find(client: &mut Client, name: &str) -> Result<Acl> {
    State::load(client)?.acl_named(name)
}

/// What `acl set` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetResult {
    /// `true` for a new ACL, `false` for one replaced in place.
    pub created: bool,
    #[serde(flatten)]
    pub acl: Acl,
}

/// Creates the ACL `name` with `rules`, or replaces the rules of the one that exists, in
/// place: its index and where it is applied stay.
pub fn set(client: &mut Client, name: &str, rules: &[Rule]) -> Result<SetResult> {
    validate_name(name)?;
    let state = State::load(client)?;
    let existing = match state.find(name) {
        Ok(d) => Some(d.acl_index),
        Err(OpsError::NotFound { .. }) => None,
        Err(e) => return Err(e),
    };
    let reply = client.request(AclAddReplace {
        acl_index: existing.unwrap_or(ANY),
        tag: name.to_string(),
        r: rules.iter().map(Rule::to_wire).collect(),
        ..Default::default()
    })?;
    let state = State::load(client)?;
    let d = state
        .acls
        .iter()
        .find(|a| a.acl_index == reply.acl_index)
        .ok_or_else(|| OpsError::NotFound {
            what: "ACL index",
            name: reply.acl_index.to_string(),
        })?;
    Ok(SetResult {
        created: existing.is_none(),
        acl: state.acl(d),
    })
}

/// What `acl delete` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deleted {
    pub name: String,
    pub acl_index: u32,
    /// Where it was taken off first (with force).
    pub detached: Applied,
}

/// Deletes the ACL `name`. While it is applied that is refused, unless `force`: then it is
/// first taken off every interface (their other ACLs stay, in order).
pub fn delete(client: &mut Client, name: &str, force: bool) -> Result<Deleted> {
    let state = State::load(client)?;
    let acl = state.acl(state.find(name)?);
    if !acl.applied.is_empty() {
        if !force {
            return Err(OpsError::Refused(format!(
                "ACL '{}' is applied to {}, so it was not deleted: detach it first, or force \
                 the delete to detach it everywhere",
                acl.name,
                acl.applied.describe()
            )));
        }
        for (sw, (input, output)) in &state.lists {
            if input.contains(&acl.acl_index) || output.contains(&acl.acl_index) {
                let keep = |l: &[u32]| -> Vec<u32> {
                    l.iter().copied().filter(|i| *i != acl.acl_index).collect()
                };
                send_lists(client, *sw, &keep(input), &keep(output))?;
            }
        }
    }
    client.request(AclDel {
        acl_index: acl.acl_index,
        ..Default::default()
    })?;
    Ok(Deleted {
        name: acl.name,
        acl_index: acl.acl_index,
        detached: acl.applied,
    })
}

/// An interface's ACLs.
pub fn interface_acls(client: &mut Client, iface: &str) -> Result<InterfaceAcls> {
    State::load(client)?.interface_acls_of(iface)
}

/// Applies the ACL `name` to `iface` in `direction`, after the ACLs already there (which
/// stay, in order). Applying it where it is already changes nothing.
pub fn apply(
    client: &mut Client,
    name: &str,
    iface: &str,
    direction: Direction,
) -> Result<InterfaceAcls> {
    let state = State::load(client)?;
    let index = state.find(name)?.acl_index;
    let sw = state.interface(iface)?;
    let (mut input, mut output) = state.lists_of(sw);
    let list = match direction {
        Direction::Input => &mut input,
        Direction::Output => &mut output,
    };
    if !list.contains(&index) {
        list.push(index);
        send_lists(client, sw, &input, &output)?;
    }
    interface_acls(client, iface)
}

/// Takes the ACL `name` off `iface`: in one direction, or (`None`) in both. The other ACLs
/// stay, in order. An ACL that is not applied there is refused (exit 1).
pub fn detach(
    client: &mut Client,
    name: &str,
    iface: &str,
    direction: Option<Direction>,
) -> Result<InterfaceAcls> {
    let state = State::load(client)?;
    let acl = state.find(name)?;
    let (index, acl_name) = (acl.acl_index, display_name(&acl.tag, acl.acl_index));
    let sw = state.interface(iface)?;
    let (input, output) = state.lists_of(sw);
    let take = |l: &[u32], d: Direction| -> Vec<u32> {
        if direction.is_none_or(|want| want == d) {
            l.iter().copied().filter(|i| *i != index).collect()
        } else {
            l.to_vec()
        }
    };
    let (new_in, new_out) = (
        take(&input, Direction::Input),
        take(&output, Direction::Output),
    );
    if new_in == input && new_out == output {
        let where_ = direction.map_or(String::new(), |d| format!(" as {d}"));
        return Err(OpsError::Refused(format!(
            "ACL '{acl_name}' is not applied to {iface}{where_}"
        )));
    }
    send_lists(client, sw, &new_in, &new_out)?;
    interface_acls(client, iface)
}

/// Checks a list of ACL names for an interface before anything is sent: no name twice.
pub fn check_list(direction: Direction, names: &[String]) -> Result<()> {
    for (i, n) in names.iter().enumerate() {
        if names[..i].contains(n) {
            return Err(OpsError::BadInput(format!(
                "{direction} ACL '{n}' is listed twice"
            )));
        }
    }
    Ok(())
}

/// Sets an interface's input and/or output ACLs to the named ones, in order (`None` leaves
/// that direction as it is). Unknown names are refused before anything is sent.
pub fn set_interface_acls(
    client: &mut Client,
    iface: &str,
    input: Option<&[String]>,
    output: Option<&[String]>,
) -> Result<InterfaceAcls> {
    if let Some(l) = input {
        check_list(Direction::Input, l)?;
    }
    if let Some(l) = output {
        check_list(Direction::Output, l)?;
    }
    let state = State::load(client)?;
    let sw = state.interface(iface)?;
    let resolve = |l: &[String]| -> Result<Vec<u32>> {
        l.iter()
            .map(|n| state.find(n).map(|a| a.acl_index))
            .collect()
    };
    let (cur_in, cur_out) = state.lists_of(sw);
    let new_in = input.map(resolve).transpose()?.unwrap_or(cur_in);
    let new_out = output.map(resolve).transpose()?.unwrap_or(cur_out);
    send_lists(client, sw, &new_in, &new_out)?;
    interface_acls(client, iface)
}

#[cfg(test)]
mod tests;
