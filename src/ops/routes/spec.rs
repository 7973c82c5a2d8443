//! The route model that `route add`, `route del` and `route load` share, and the parsers
//! for its pieces (prefix, next hop, table, weight, preference) and for the command-line
//! form of a route.
//!
//! One file, past 600 lines: the route model and the grammar of its pieces, shared by
//! command words, CSV lines and JSON bodies; split, a type would sit apart from its only
//! parser.
//!
//! This module owns *what a route is* as an operator writes it: a table, a prefix and its
//! paths, each path naming a next hop and/or an interface by name. It knows nothing about
//! VPP's messages (the codec turns a [`RouteSpec`] into `ip_route_add_del`) and does not
//! resolve interface names (the caller does, against VPP, see
//! [`crate::ops::routes::csv::RouteReader::with_interfaces`]).
//!
//! Prefixes are strict: a prefix with host bits set (`10.1.2.3/16`) is refused with a hint
//! naming the network (`10.1.0.0/16`), because VPP would silently mask it and two
//! spellings of one route must never race on two connections (see docs/design.md, “Routes” and
//! “Route programming”).

use std::fmt;
use std::net::IpAddr;

use ipnet::IpNet;

/// VPP carries a route's paths in a vector with a `u8` length.
pub const MAX_PATHS: usize = 255;

/// The lines of a file a route came from (1-based, inclusive). Both are 0 for a route
/// that did not come from a file (the command line).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct LineSpan {
    pub first: u64,
    pub last: u64,
}

impl LineSpan {
    /// A span of one line.
    pub fn one(line: u64) -> Self {
        LineSpan {
            first: line,
            last: line,
        }
    }

    /// How many lines the span covers (comments and blank lines inside a multipath group
    /// included).
    pub fn len(&self) -> u64 {
        if self.first == 0 {
            0
        } else {
            self.last - self.first + 1
        }
    }

    /// True for a route that did not come from a file.
    pub fn is_empty(&self) -> bool {
        self.first == 0
    }
}

impl fmt::Display for LineSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}-{}", self.first, self.last)
        }
    }
}

/// What a path does with a packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PathKind {
    /// Forward through a next hop and/or an interface (VPP path type 0, normal).
    Forward,
    /// Drop the packet (VPP path type 2); such a path has no next hop and no interface.
    Drop,
}

/// One path of a route.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PathSpec {
    pub kind: PathKind,
    /// Same address family as the route's prefix (checked by the parsers).
    pub next_hop: Option<IpAddr>,
    /// An interface name as the operator wrote it; the caller resolves it to a
    /// sw_if_index.
    pub interface: Option<String>,
    /// 1..=255, default 1.
    pub weight: u8,
    /// Lower is preferred, default 0.
    pub preference: u8,
    /// The line this path came from (0 on the command line).
    pub line: u64,
}

impl PathSpec {
    /// A forwarding path with the default weight and preference.
    pub fn via(next_hop: Option<IpAddr>, interface: Option<String>) -> Self {
        PathSpec {
            kind: PathKind::Forward,
            next_hop,
            interface,
            weight: 1,
            preference: 0,
            line: 0,
        }
    }

    /// The one path of a drop route.
    pub fn drop_path() -> Self {
        PathSpec {
            kind: PathKind::Drop,
            next_hop: None,
            interface: None,
            weight: 1,
            preference: 0,
            line: 0,
        }
    }
}

/// What identifies a route: VPP keeps one entry per table and prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RouteKey {
    pub table: u32,
    pub prefix: IpNet,
}

impl RouteKey {
    /// The connection (0..connections) that carries this route during a load: a stable
    /// hash of (table, prefix), so every line for one prefix goes through one connection
    /// in file order (see docs/design.md, “Route programming”). Stable across runs, platforms and
    /// Rust versions (FNV-1a).
    pub fn connection(&self, connections: usize) -> usize {
        if connections <= 1 {
            return 0;
        }
        const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
        const PRIME: u64 = 0x0000_0100_0000_01b3;
        let mut hash = OFFSET;
        let mut eat = |bytes: &[u8]| {
            for b in bytes {
                hash ^= u64::from(*b);
                hash = hash.wrapping_mul(PRIME);
            }
        };
        eat(&self.table.to_be_bytes());
        match self.prefix.addr() {
            IpAddr::V4(a) => eat(&a.octets()),
            IpAddr::V6(a) => eat(&a.octets()),
        }
        eat(&[self.prefix.prefix_len()]);
        // u64 → usize: the modulus is below `connections`, which is a usize.
        (hash % connections as u64) as usize
    }
}

/// A route with all its paths, as it will be sent (`is_multipath = 0`; see docs/design.md,
/// “Routes”).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteSpec {
    pub table: u32,
    /// Always a network address (no host bits).
    pub prefix: IpNet,
    /// At least one; a drop route has exactly one [`PathKind::Drop`] path.
    pub paths: Vec<PathSpec>,
    pub lines: LineSpan,
}

impl RouteSpec {
    pub fn key(&self) -> RouteKey {
        RouteKey {
            table: self.table,
            prefix: self.prefix,
        }
    }

    pub fn is_ipv6(&self) -> bool {
        matches!(self.prefix, IpNet::V6(_))
    }

    pub fn is_drop(&self) -> bool {
        self.paths.iter().any(|p| p.kind == PathKind::Drop)
    }

    /// See [`RouteKey::connection`].
    pub fn connection(&self, connections: usize) -> usize {
        self.key().connection(connections)
    }
}

/// Why a route, or one piece of it, is not acceptable. The texts name the offending word.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpecError {
    #[error("missing prefix")]
    MissingPrefix,
    #[error("'{word}' is not a prefix (expected ADDRESS/LENGTH, e.g. 10.0.0.0/8)")]
    BadPrefix { word: String },
    #[error("'{word}' has no prefix length; did you mean {host}?")]
    NoPrefixLength { word: String, host: IpNet },
    #[error("prefix length of '{word}' is more than {max}")]
    PrefixTooLong { word: String, max: u8 },
    #[error("host bits set in '{word}'; did you mean {network}?")]
    HostBits { word: String, network: IpNet },
    #[error("'{word}' is not an IP address")]
    BadNextHop { word: String },
    #[error("next hop {next_hop} is {} but prefix {prefix} is {}", family(next_hop), family(&prefix.addr()))]
    FamilyMismatch { next_hop: IpAddr, prefix: IpNet },
    #[error("'{word}' is not a table id (0-4294967295)")]
    BadTable { word: String },
    #[error("weight '{word}' is not 1-255")]
    BadWeight { word: String },
    #[error("preference '{word}' is not 0-255")]
    BadPreference { word: String },
    #[error("a route needs a next hop or an interface (or drop)")]
    NoPath,
    #[error("a drop route takes no interface")]
    DropWithInterface,
    #[error("{prefix} mixes drop with other paths")]
    MixedDrop { prefix: IpNet },
    #[error("{prefix} has more than {MAX_PATHS} paths")]
    TooManyPaths { prefix: IpNet },
    #[error("unknown interface '{name}'")]
    UnknownInterface { name: String },
}

fn family(a: &IpAddr) -> &'static str {
    match a {
        IpAddr::V4(_) => "IPv4",
        IpAddr::V6(_) => "IPv6",
    }
}

/// Whether `word` is the drop keyword, in any case (`drop`, `DROP`): the same in a route
/// file's `next_hop` column, a JSON body's `next_hop` and the command line.
pub fn is_drop_word(word: &str) -> bool {
    word.eq_ignore_ascii_case("drop")
}

/// The one path grammar of every route form (a route file line, a JSON body, the command
/// line): `next_hop` is an address of the prefix's family or `drop`; `interface` an
/// interface name; an empty string is absent. A drop path takes no interface; any other
/// needs a next hop or an interface.
pub fn parse_path(next_hop: &str, interface: &str, prefix: &IpNet) -> Result<PathSpec, SpecError> {
    let (next_hop, interface) = (next_hop.trim(), interface.trim());
    if is_drop_word(next_hop) {
        if !interface.is_empty() {
            return Err(SpecError::DropWithInterface);
        }
        return Ok(PathSpec::drop_path());
    }
    if next_hop.is_empty() && interface.is_empty() {
        return Err(SpecError::NoPath);
    }
    let next_hop = match next_hop {
        "" => None,
        nh => Some(parse_next_hop(nh, prefix)?),
    };
    let interface = (!interface.is_empty()).then(|| interface.to_string());
    Ok(PathSpec::via(next_hop, interface))
}

/// The one grouping rule of every route form: adds `path` to the paths of one route
/// (adjacent lines or list items of one table and prefix): at most [`MAX_PATHS`], and a
/// drop path only alone.
pub fn add_path(paths: &mut Vec<PathSpec>, path: PathSpec, prefix: IpNet) -> Result<(), SpecError> {
    if paths.len() >= MAX_PATHS {
        return Err(SpecError::TooManyPaths { prefix });
    }
    if !paths.is_empty()
        && (path.kind == PathKind::Drop || paths.iter().any(|p| p.kind == PathKind::Drop))
    {
        return Err(SpecError::MixedDrop { prefix });
    }
    paths.push(path);
    Ok(())
}

/// Parses `ADDRESS/LENGTH`, refusing host bits (with a hint naming the network) and a
/// missing length (with a hint naming the host route).
pub fn parse_prefix(word: &str) -> Result<IpNet, SpecError> {
    let word = word.trim();
    if word.is_empty() {
        return Err(SpecError::MissingPrefix);
    }
    let bad = || SpecError::BadPrefix {
        word: word.to_string(),
    };
    let Some((addr, len)) = word.split_once('/') else {
        let addr: IpAddr = word.parse().map_err(|_| bad())?;
        return Err(SpecError::NoPrefixLength {
            word: word.to_string(),
            host: IpNet::from(addr),
        });
    };
    let addr: IpAddr = addr.parse().map_err(|_| bad())?;
    if len.is_empty() || !len.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let max = match addr {
        IpAddr::V4(_) => 32,
        IpAddr::V6(_) => 128,
    };
    let too_long = || SpecError::PrefixTooLong {
        word: word.to_string(),
        max,
    };
    let len: u8 = len.parse().map_err(|_| too_long())?;
    let net = IpNet::new(addr, len).map_err(|_| too_long())?;
    if net.network() != addr {
        return Err(SpecError::HostBits {
            word: word.to_string(),
            network: net.trunc(),
        });
    }
    Ok(net)
}

/// Parses a next hop and checks that its family is the prefix's.
pub fn parse_next_hop(word: &str, prefix: &IpNet) -> Result<IpAddr, SpecError> {
    let word = word.trim();
    let next_hop: IpAddr = word.parse().map_err(|_| SpecError::BadNextHop {
        word: word.to_string(),
    })?;
    if next_hop.is_ipv4() != matches!(prefix, IpNet::V4(_)) {
        return Err(SpecError::FamilyMismatch {
            next_hop,
            prefix: *prefix,
        });
    }
    Ok(next_hop)
}

pub fn parse_table(word: &str) -> Result<u32, SpecError> {
    let word = word.trim();
    digits(word)
        .and_then(|w| w.parse().ok())
        .ok_or_else(|| SpecError::BadTable {
            word: word.to_string(),
        })
}

pub fn parse_weight(word: &str) -> Result<u8, SpecError> {
    let word = word.trim();
    digits(word)
        .and_then(|w| w.parse().ok())
        .filter(|w| *w >= 1)
        .ok_or_else(|| SpecError::BadWeight {
            word: word.to_string(),
        })
}

pub fn parse_preference(word: &str) -> Result<u8, SpecError> {
    let word = word.trim();
    digits(word)
        .and_then(|w| w.parse().ok())
        .ok_or_else(|| SpecError::BadPreference {
            word: word.to_string(),
        })
}

/// `str::parse` accepts a leading `+`; operators' numbers are plain digits.
fn digits(word: &str) -> Option<&str> {
    (!word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())).then_some(word)
}

/// Why the words of a command-line route are not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArgError {
    #[error("missing prefix")]
    MissingPrefix,
    #[error("unexpected '{word}' (expected via, dev, table, weight, preference or drop)")]
    Unexpected { word: String },
    #[error("'{keyword}' needs a value")]
    MissingValue { keyword: String },
    #[error("'{keyword}' given twice")]
    Repeated { keyword: String },
    #[error("'{keyword}' must follow 'via' or 'dev'")]
    NoPathYet { keyword: String },
    #[error(transparent)]
    Spec(#[from] SpecError),
}

/// Parses the command-line form of a route:
///
/// ```text
/// PREFIX via NEXTHOP [dev IFACE] [weight W] [preference P] [via ...]... [table N]
/// PREFIX dev IFACE [weight W] [preference P] [table N]
/// PREFIX drop [table N]
/// ```
///
/// `table` may appear anywhere after the prefix, once. `weight` and `preference` apply to
/// the path opened by the last `via` (or `dev`). The route has no lines ([`LineSpan`] 0).
pub fn parse_route_words(words: &[String]) -> Result<RouteSpec, ArgError> {
    let (prefix_word, rest) = words.split_first().ok_or(ArgError::MissingPrefix)?;
    let prefix = parse_prefix(prefix_word)?;
    let mut table: Option<u32> = None;
    let mut paths: Vec<PathSpec> = Vec::new();
    let mut drop = false;
    let mut it = rest.iter();
    while let Some(word) = it.next() {
        let keyword = word.as_str();
        let mut value = || {
            it.next().ok_or_else(|| ArgError::MissingValue {
                keyword: keyword.to_string(),
            })
        };
        let lower = keyword.to_ascii_lowercase();
        match lower.as_str() {
            "table" => {
                let v = parse_table(value()?)?;
                if table.replace(v).is_some() {
                    return Err(ArgError::Repeated {
                        keyword: keyword.to_string(),
                    });
                }
            }
            "via" => {
                let next_hop = parse_next_hop(value()?, &prefix)?;
                paths.push(PathSpec::via(Some(next_hop), None));
            }
            "dev" => {
                let name = value()?.to_string();
                match paths.last_mut() {
                    Some(p) if p.kind == PathKind::Forward && p.interface.is_none() => {
                        p.interface = Some(name)
                    }
                    _ => paths.push(PathSpec::via(None, Some(name))),
                }
            }
            "weight" | "preference" => {
                let v = value()?;
                let Some(path) = paths.last_mut().filter(|p| p.kind == PathKind::Forward) else {
                    return Err(ArgError::NoPathYet {
                        keyword: keyword.to_string(),
                    });
                };
                if lower == "weight" {
                    path.weight = parse_weight(v)?;
                } else {
                    path.preference = parse_preference(v)?;
                }
            }
            "drop" => {
                if drop {
                    return Err(ArgError::Repeated {
                        keyword: keyword.to_string(),
                    });
                }
                drop = true;
            }
            _ => {
                return Err(ArgError::Unexpected {
                    word: word.to_string(),
                })
            }
        }
    }
    if paths.is_empty() && !drop {
        return Err(SpecError::NoPath.into());
    }
    // The paths go through the same grouping rule as a file's lines and a body's items.
    let mut grouped = Vec::with_capacity(paths.len() + 1);
    if drop {
        grouped.push(PathSpec::drop_path());
    }
    for p in paths {
        add_path(&mut grouped, p, prefix)?;
    }
    Ok(RouteSpec {
        table: table.unwrap_or(0),
        prefix,
        paths: grouped,
        lines: LineSpan::default(),
    })
}

/// Parses `PREFIX [table N]`, what `route del` and `route get` take.
pub fn parse_route_key_words(words: &[String]) -> Result<RouteKey, ArgError> {
    let (prefix_word, rest) = words.split_first().ok_or(ArgError::MissingPrefix)?;
    let prefix = parse_prefix(prefix_word)?;
    match rest {
        [] => Ok(RouteKey { table: 0, prefix }),
        [kw, value] if kw == "table" => Ok(RouteKey {
            table: parse_table(value)?,
            prefix,
        }),
        [kw] if kw == "table" => Err(ArgError::MissingValue {
            keyword: kw.to_string(),
        }),
        [word, ..] => Err(ArgError::Unexpected {
            word: word.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    fn net(s: &str) -> IpNet {
        s.parse().unwrap()
    }

    #[test]
    fn prefix_ok_v4_v6() {
        assert_eq!(parse_prefix("10.0.0.0/8"), Ok(net("10.0.0.0/8")));
        assert_eq!(parse_prefix(" 2001:db8::/32 "), Ok(net("2001:db8::/32")));
        assert_eq!(parse_prefix("0.0.0.0/0"), Ok(net("0.0.0.0/0")));
        assert_eq!(parse_prefix("::/0"), Ok(net("::/0")));
    }

    #[test]
    fn prefix_host_bits_hint_names_network() {
        let e = parse_prefix("10.1.2.3/16").unwrap_err();
        assert_eq!(
            e,
            SpecError::HostBits {
                word: "10.1.2.3/16".into(),
                network: net("10.1.0.0/16")
            }
        );
        assert!(e.to_string().contains("did you mean 10.1.0.0/16"), "{e}");
        let e = parse_prefix("2001:db8::1/64").unwrap_err();
        assert!(e.to_string().contains("did you mean 2001:db8::/64"), "{e}");
    }

    #[test]
    fn prefix_errors() {
        assert!(matches!(
            parse_prefix("10.0.0.1"),
            Err(SpecError::NoPrefixLength { host, .. }) if host == net("10.0.0.1/32")
        ));
        assert!(matches!(
            parse_prefix("10.0.0.0/33"),
            Err(SpecError::PrefixTooLong { max: 32, .. })
        ));
        assert!(matches!(
            parse_prefix("::/129"),
            Err(SpecError::PrefixTooLong { max: 128, .. })
        ));
        assert!(matches!(
            parse_prefix("10.0.0.0/999"),
            Err(SpecError::PrefixTooLong { .. })
        ));
        assert!(matches!(
            parse_prefix("10.0.0.0/+8"),
            Err(SpecError::BadPrefix { .. })
        ));
        assert!(matches!(
            parse_prefix("10.0.0/8"),
            Err(SpecError::BadPrefix { .. })
        ));
        assert!(matches!(
            parse_prefix("banana"),
            Err(SpecError::BadPrefix { .. })
        ));
        assert_eq!(parse_prefix(""), Err(SpecError::MissingPrefix));
    }

    #[test]
    fn next_hop_family_must_match() {
        let p4 = net("10.0.0.0/8");
        let p6 = net("2001:db8::/32");
        assert!(parse_next_hop("10.1.1.1", &p4).is_ok());
        assert!(parse_next_hop("fe80::1", &p6).is_ok());
        let e = parse_next_hop("fe80::1", &p4).unwrap_err();
        assert_eq!(
            e.to_string(),
            "next hop fe80::1 is IPv6 but prefix 10.0.0.0/8 is IPv4"
        );
        assert!(matches!(
            parse_next_hop("10.1.1.1", &p6),
            Err(SpecError::FamilyMismatch { .. })
        ));
        assert!(matches!(
            parse_next_hop("10.1.1", &p4),
            Err(SpecError::BadNextHop { .. })
        ));
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_table("4294967295"), Ok(u32::MAX));
        assert!(parse_table("-1").is_err());
        assert!(parse_table("+1").is_err());
        assert_eq!(parse_weight("255"), Ok(255));
        assert!(parse_weight("0").is_err());
        assert!(parse_weight("256").is_err());
        assert_eq!(parse_preference("0"), Ok(0));
        assert!(parse_preference("x").is_err());
    }

    #[test]
    fn words_via_multipath_with_table() {
        let r = parse_route_words(&words(
            "10.20.0.0/16 via 10.10.10.2 dev loop0 weight 3 via 10.10.10.3 preference 1 table 5",
        ))
        .unwrap();
        assert_eq!(r.table, 5);
        assert_eq!(r.prefix, net("10.20.0.0/16"));
        assert_eq!(r.paths.len(), 2);
        assert_eq!(r.paths[0].next_hop, Some("10.10.10.2".parse().unwrap()));
        assert_eq!(r.paths[0].interface.as_deref(), Some("loop0"));
        assert_eq!((r.paths[0].weight, r.paths[0].preference), (3, 0));
        assert_eq!(r.paths[1].interface, None);
        assert_eq!((r.paths[1].weight, r.paths[1].preference), (1, 1));
        assert!(!r.is_drop());
        assert!(r.lines.is_empty());
    }

    #[test]
    fn words_dev_only_and_drop() {
        let r = parse_route_words(&words("2001:db8::/48 dev pg0")).unwrap();
        assert_eq!(r.paths, vec![PathSpec::via(None, Some("pg0".into()))]);
        assert!(r.is_ipv6());
        let r = parse_route_words(&words("10.61.0.0/16 drop")).unwrap();
        assert!(r.is_drop());
        assert_eq!(r.paths, vec![PathSpec::drop_path()]);
    }

    #[test]
    fn words_errors_name_the_word() {
        let e = parse_route_words(&words("10.0.0.0/8 via 10.0.0.1 foo")).unwrap_err();
        assert!(e.to_string().contains("'foo'"), "{e}");
        let e = parse_route_words(&words("10.0.0.0/8 via")).unwrap_err();
        assert_eq!(e.to_string(), "'via' needs a value");
        let e = parse_route_words(&words("10.0.0.0/8 via x")).unwrap_err();
        assert!(e.to_string().contains("'x'"), "{e}");
        let e = parse_route_words(&words("10.0.0.0/8 weight 2 via 1.1.1.1")).unwrap_err();
        assert_eq!(
            e,
            ArgError::NoPathYet {
                keyword: "weight".into()
            }
        );
        let e = parse_route_words(&words("10.0.0.0/8 via 1.1.1.1 table 1 table 2")).unwrap_err();
        assert_eq!(
            e,
            ArgError::Repeated {
                keyword: "table".into()
            }
        );
        let e = parse_route_words(&words("10.0.0.0/8 drop via 1.1.1.1")).unwrap_err();
        assert!(matches!(e, ArgError::Spec(SpecError::MixedDrop { .. })));
        let e = parse_route_words(&words("10.0.0.0/8 table 3")).unwrap_err();
        assert_eq!(e, ArgError::Spec(SpecError::NoPath));
        let e = parse_route_words(&words("10.1.2.3/16 drop")).unwrap_err();
        assert!(e.to_string().contains("10.1.0.0/16"), "{e}");
        assert_eq!(parse_route_words(&[]), Err(ArgError::MissingPrefix));
    }

    #[test]
    fn key_words() {
        assert_eq!(
            parse_route_key_words(&words("10.0.0.0/8 table 7")),
            Ok(RouteKey {
                table: 7,
                prefix: net("10.0.0.0/8")
            })
        );
        assert_eq!(
            parse_route_key_words(&words("10.0.0.0/8")),
            Ok(RouteKey {
                table: 0,
                prefix: net("10.0.0.0/8")
            })
        );
        assert!(parse_route_key_words(&words("10.0.0.0/8 via 1.1.1.1")).is_err());
        assert!(parse_route_key_words(&words("10.0.0.0/8 table")).is_err());
    }

    #[test]
    fn connection_is_stable_and_spreads() {
        let k = RouteKey {
            table: 0,
            prefix: net("10.0.0.0/8"),
        };
        // The hash is part of the contract (every line of one prefix keeps its connection
        // across runs and versions): pin a few values.
        let pinned: Vec<usize> = (1..=8).map(|n| k.connection(n)).collect();
        assert_eq!(pinned, PINNED);
        assert_eq!(k.connection(0), 0);
        let mut counts = [0usize; 4];
        for i in 0..4096u32 {
            let prefix = IpNet::new(IpAddr::from(std::net::Ipv4Addr::from(i << 8)), 24).unwrap();
            counts[RouteKey { table: 0, prefix }.connection(4)] += 1;
        }
        assert!(counts.iter().all(|c| *c > 800), "{counts:?}");
        // The table and the length are part of the hash.
        assert!((1..64u32).any(|t| RouteKey { table: t, ..k }.connection(8) != k.connection(8)));
        let k16 = RouteKey {
            table: 0,
            prefix: net("10.0.0.0/16"),
        };
        assert!((2..64).any(|n| k16.connection(n) != k.connection(n)));
    }

    // FNV-1a of 00000000 0a000000 08, modulo 1..=8.
    const PINNED: [usize; 8] = [0, 1, 0, 1, 0, 3, 5, 5];

    #[test]
    fn line_span() {
        assert_eq!(LineSpan::one(4).to_string(), "4");
        assert_eq!(LineSpan { first: 4, last: 7 }.to_string(), "4-7");
        assert_eq!(LineSpan { first: 4, last: 7 }.len(), 4);
        assert_eq!(LineSpan::default().len(), 0);
    }
}
