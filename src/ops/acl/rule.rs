//! The rule grammar: what a rule is as an operator writes it (`deny src 10.0.0.0/8`), its
//! words on the command line and in a rule file, and ACL names. Nothing here talks to VPP.

use std::fmt;

use ipnet::IpNet;

use crate::ops::error::{OpsError, Result};
use crate::ops::routes::spec::parse_prefix;

/// The longest name: the tag is a 64-byte string with its NUL (see docs/design.md, “ACLs”).
pub const MAX_NAME: usize = 63;

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
pub(super) const ALL_PORTS: (u16, u16) = (0, u16::MAX);

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

pub(super) fn range(r: (u16, u16)) -> String {
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
pub(super) fn located(position: &str, text: &str, e: &RuleError) -> String {
    format!("{position} \"{text}\": {e}")
}

pub(super) fn finish(rules: Vec<Rule>, errors: Vec<String>) -> Result<Vec<Rule>> {
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
