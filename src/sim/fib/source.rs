//! FIB sources as VPP keeps them: a built-in list with ids and priorities, and the
//! sources clients register with `fib_source_add` for the lifetime of the process.
//!
//! What a real VPP was seen to do (`tests/golden/api/session3.jsonl`):
//!
//! - `fib_source_dump` lists every source: `invalid` (0), `special` (1), ... `API` (8),
//!   `CLI` (9), ... `path-mtu` (22), then the registered ones in the order they came.
//! - `fib_source_add` hands out the next id, whatever the name: adding `vppx` twice
//!   gives two sources (23 and 24). Nothing removes a source; a restart forgets them.
//! - A lower priority number wins when several sources contribute to one prefix.
//! - `ip_route_v2_dump` for an id never handed out answers no details.
//! - `ip_route_add_del_v2` with an id never handed out crashes VPP (a SIGSEGV in
//!   `fib_entry_src_find_or_create`). The simulator refuses it instead, loudly: it logs
//!   the request to standard error and answers `VNET_API_ERROR_INVALID_VALUE`, so that a
//!   test catches any client that would send one.

use super::Source;

/// `VNET_API_ERROR_INVALID_VALUE`: what the simulator answers where VPP would crash.
pub const INVALID_VALUE: i32 = -1;

/// VPP's built-in sources in id order: (id, name, priority), as `fib_source_dump` lists
/// them.
pub const BUILTIN: &[(u8, &str, u8)] = &[
    (0, "invalid", 255),
    (1, "special", 0),
    (2, "classify", 1),
    (3, "proxy", 2),
    (4, "interface", 3),
    (5, "SR", 16),
    (6, "BIER", 32),
    (7, "6RD", 48),
    (8, "API", 128),
    (9, "CLI", 129),
    (10, "LISP", 144),
    (11, "MAP", 160),
    (12, "DHCP", 176),
    (13, "IPv6-proxy-nd", 192),
    (14, "IPv6-nd", 193),
    (15, "adjacency", 208),
    (16, "mpls", 224),
    (17, "attached_export", 240),
    (18, "recursive-resolution", 251),
    (19, "urpf-exempt", 252),
    (20, "default-route", 253),
    (21, "interpose", 254),
    (22, "path-mtu", 16),
];

/// One source as `fib_source_dump` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInfo {
    pub id: u8,
    pub name: String,
    pub priority: u8,
}

/// Every source one simulated VPP knows.
#[derive(Debug, Clone)]
pub struct Sources {
    registered: Vec<SourceInfo>,
}

impl Default for Sources {
    fn default() -> Self {
        Sources::new()
    }
}

/// Why a source id cannot be used to add or remove routes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    #[error("FIB source {0} was never registered: a real VPP would crash (SIGSEGV)")]
    Unregistered(u8),
    #[error("no more FIB source ids")]
    Full,
}

impl Sources {
    pub fn new() -> Sources {
        Sources {
            registered: Vec::new(),
        }
    }

    /// Every source, built-in then registered, in id order.
    pub fn list(&self) -> Vec<SourceInfo> {
        BUILTIN
            .iter()
            .map(|&(id, name, priority)| SourceInfo {
                id,
                name: name.into(),
                priority,
            })
            .chain(self.registered.iter().cloned())
            .collect()
    }

    /// `fib_source_add`: a new id every time, even for a name already known.
    pub fn add(&mut self, name: &str, priority: u8) -> Result<u8, SourceError> {
        let next = BUILTIN.len() + self.registered.len();
        let id = u8::try_from(next).map_err(|_| SourceError::Full)?;
        self.registered.push(SourceInfo {
            id,
            name: name.into(),
            priority,
        });
        Ok(id)
    }

    /// The source a wire id names, for adding or removing routes. The built-in sources
    /// the FIB models by name are those; other built-in ones and registered ones are
    /// kept by id and priority. `invalid` (0) and ids never handed out are refused.
    pub fn resolve(&self, id: u8) -> Result<Source, SourceError> {
        match id {
            0 => Err(SourceError::Unregistered(0)),
            1 => Ok(Source::Special),
            4 => Ok(Source::Interface),
            8 => Ok(Source::Api),
            15 => Ok(Source::Adjacency),
            20 => Ok(Source::DefaultRoute),
            _ => self
                .list()
                .into_iter()
                .find(|s| s.id == id)
                .map(|s| Source::Registered {
                    id: s.id,
                    priority: s.priority,
                })
                .ok_or(SourceError::Unregistered(id)),
        }
    }

    /// Whether `id` is a source VPP knows (built-in or registered).
    pub fn known(&self, id: u8) -> bool {
        usize::from(id) < BUILTIN.len() + self.registered.len()
    }

    /// A source's name, as `show ip fib` prints it.
    pub fn name(&self, source: Source) -> String {
        let id = source.id();
        self.list()
            .into_iter()
            .find(|s| s.id == id)
            .map_or_else(|| format!("source-{id}"), |s| s.name)
    }
}

impl Source {
    /// The source's id on the wire (`fib_source`).
    pub fn id(self) -> u8 {
        match self {
            Source::Special => 1,
            Source::Interface => 4,
            Source::Api => 8,
            Source::Adjacency => 15,
            Source::DefaultRoute => 20,
            Source::Registered { id, .. } => id,
        }
    }

    /// The source's priority: the lowest number wins.
    pub fn priority(self) -> u8 {
        match self {
            Source::Registered { priority, .. } => priority,
            s => BUILTIN
                .iter()
                .find(|(id, _, _)| *id == s.id())
                .map_or(255, |(_, _, p)| *p),
        }
    }
}

impl PartialOrd for Source {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Source {
    /// VPP's precedence: priority, then id.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.priority(), self.id()).cmp(&(other.priority(), other.id()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The frames of the FIB-source capture, from the repository.
    pub(crate) fn session3() -> Vec<serde_json::Value> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/golden/api/session3.jsonl"
        );
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    /// The built-in list is the one `fib_source_dump` answered on a real VPP, and two
    /// registrations of one name give two ids, as there.
    #[test]
    fn builtin_sources_and_registration_follow_the_capture() {
        let frames = session3();
        let dumped = |step: &str| -> Vec<(u8, String, u8)> {
            frames
                .iter()
                .filter(|f| f["step"] == step && f["dir"] == "from_vpp")
                .filter(|f| f["msg"].as_str().unwrap().starts_with("fib_source_details"))
                .map(|f| {
                    let s = &f["fields"]["src"];
                    (
                        s["id"].as_u64().unwrap() as u8,
                        s["name"].as_str().unwrap().to_string(),
                        s["priority"].as_u64().unwrap() as u8,
                    )
                })
                .collect()
        };
        let mut sources = Sources::new();
        let list = |s: &Sources| -> Vec<(u8, String, u8)> {
            s.list()
                .into_iter()
                .map(|i| (i.id, i.name, i.priority))
                .collect()
        };
        assert_eq!(list(&sources), dumped("fib_source_dump_builtin"));
        assert_eq!(sources.add("vppx", 100), Ok(23));
        assert_eq!(sources.add("vppx", 100), Ok(24));
        assert_eq!(list(&sources), dumped("fib_source_dump_after"));
        assert_eq!(
            sources.resolve(23),
            Ok(Source::Registered {
                id: 23,
                priority: 100
            })
        );
        assert_eq!(sources.resolve(200), Err(SourceError::Unregistered(200)));
        assert_eq!(sources.resolve(0), Err(SourceError::Unregistered(0)));
        assert_eq!(sources.resolve(8), Ok(Source::Api));
        assert!(
            Source::Registered {
                id: 23,
                priority: 100
            } < Source::Api
        );
        assert!(
            Source::Interface
                < Source::Registered {
                    id: 23,
                    priority: 100
                }
        );
    }

    /// session3's steps on the simulated FIB: routes of the new source and of the API
    /// for one prefix, dumps by source, the best source, deleting our contribution.
    #[test]
    fn contributions_are_independent_as_captured() {
        use crate::sim::fib::{Af, Fib, FibPath};
        use crate::sim::model::Model;
        let net = |s: &str| -> ipnet::IpNet { s.parse().unwrap() };
        let via = || vec![FibPath::via(Some("198.18.1.2".parse().unwrap()), Some(2))];
        let mut m = Model::new(&["pg0".to_string(), "pg1".to_string()]);
        let fib: &mut Fib = &mut m.fib;
        let ours = fib.sources.add("vppx", 100).unwrap();
        assert_eq!(ours, 23);
        assert_eq!(
            m.route_add_del_v2(0, net("60.0.0.0/24"), ours, true, false, via())
                .map(|i| i.is_some()),
            Ok(true)
        );
        m.route_add_del_v2(0, net("60.0.2.0/24"), ours, true, false, via())
            .unwrap();
        m.route_add_del(0, net("60.0.1.0/24"), true, false, via())
            .unwrap();
        m.route_add_del(0, net("60.0.0.0/24"), true, false, via())
            .unwrap();
        let src = m.fib.sources.resolve(ours).unwrap();
        let mut by_source: Vec<String> = m
            .fib
            .dump_source(Af::Ip4, 0, src)
            .unwrap()
            .map(|r| r.prefix.to_string())
            .collect();
        by_source.sort();
        assert_eq!(by_source, ["60.0.0.0/24", "60.0.2.0/24"]);
        // Ours (priority 100) wins over the API's (128) while both are there.
        let best = m.fib.lookup_exact(0, net("60.0.0.0/24")).unwrap().unwrap();
        assert_eq!(best.source.id(), 23);
        // Deleting our contribution leaves the API's route (src 8), as captured.
        m.route_add_del_v2(0, net("60.0.0.0/24"), ours, false, false, vec![])
            .unwrap();
        let left = m.fib.lookup_exact(0, net("60.0.0.0/24")).unwrap().unwrap();
        assert_eq!(left.source.id(), 8);
        // Deleting a missing route of a source answers 0; a missing table -3.
        assert_eq!(
            m.route_add_del_v2(0, net("61.0.0.0/24"), ours, false, false, via()),
            Ok(None)
        );
        assert_eq!(
            m.route_add_del_v2(77, net("63.0.0.0/24"), ours, true, false, via()),
            Err(-3)
        );
        // An id never handed out: refused (a real VPP crashes), and nothing changes.
        let before = m.fib.route_count(Af::Ip4, 0).unwrap();
        assert_eq!(
            m.route_add_del_v2(0, net("62.0.0.0/24"), 200, true, false, via()),
            Err(INVALID_VALUE)
        );
        assert_eq!(m.fib.route_count(Af::Ip4, 0).unwrap(), before);
        // The capture's own steps agree on the ids.
        let frames = session3();
        let src_of = |step: &str| -> Vec<u64> {
            frames
                .iter()
                .filter(|f| f["step"] == step && f["dir"] == "from_vpp")
                .filter_map(|f| f["fields"]["route"]["src"].as_u64())
                .collect()
        };
        assert_eq!(src_of("route_v2_dump_by_source_shared_prefix"), [23, 23]);
        assert!(src_of("route_v2_dump_all_after_del").contains(&8));
        assert!(src_of("route_v2_dump_unregistered_source").is_empty());
    }
}
