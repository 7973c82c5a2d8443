//! A node's state written as a desired-state document (`vppx apply --export`): what a
//! user starts from, and what applied to a fresh VPP gives the same state back.
//!
//! It holds every interface but `local0` (admin state, MTU, addresses; loopbacks with
//! `create: loopback`), tables other than table 0, the routes of our FIB source (never
//! another source's: those are not ours to give), ACLs that have a name, and each
//! interface's ACL lists. A list naming an ACL without a name is left out whole: a
//! document cannot name it (see docs/design.md, “Desired state”).

use std::collections::BTreeMap;

use serde::Serialize;

use super::plan::Current;
use super::source;
use crate::binapi::fib_types::FibPathType;
use crate::binapi::ip::{IpRouteV2Dump, IpTable};
use crate::client::Client;
use crate::ops::error::{OpsError, Result};
use crate::ops::routes::vpp::route_from;

#[derive(Debug, Serialize)]
pub struct Exported {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interfaces: Vec<OutIface>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<OutTable>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub routes: Option<OutRoutes>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub acls: Vec<OutAcl>,
}

#[derive(Debug, Serialize)]
pub struct OutIface {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub create: Option<&'static str>,
    pub admin: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mtu: Option<u32>,
    pub addresses: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acls: Option<OutBindings>,
}

#[derive(Debug, Serialize)]
pub struct OutBindings {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<Vec<String>>,
}

#[derive(Debug, Serialize)]
pub struct OutTable {
    pub table: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct OutRoutes {
    pub tables: Vec<OutRouteTable>,
}

#[derive(Debug, Serialize)]
pub struct OutRouteTable {
    pub table: u32,
    pub routes: Vec<OutRoute>,
}

#[derive(Debug, Serialize)]
pub struct OutRoute {
    pub prefix: String,
    #[serde(flatten)]
    pub path: Option<OutPath>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paths: Option<Vec<OutPath>>,
}

#[derive(Debug, Serialize)]
pub struct OutPath {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_hop: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interface: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preference: Option<u8>,
}

#[derive(Debug, Serialize)]
pub struct OutAcl {
    pub name: String,
    pub rules: Vec<String>,
}

/// Routes sort by family, address, then length, as `route list` shows them.
type SortKey = (bool, [u8; 16], u8);

fn is_loopback(name: &str, dev_type: &str) -> bool {
    dev_type == "Loopback"
        && name
            .strip_prefix("loop")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The state of the node as a document.
pub fn export(client: &mut Client) -> Result<Exported> {
    let current = Current::read(client)?;
    let acls = current.acls.list();
    let named = |n: &String| !n.starts_with('#');
    let mut interfaces = Vec::new();
    for i in current.interfaces.iter().filter(|i| i.sw_if_index != 0) {
        let lists = current.acls.interface_acls_of(&i.name)?;
        let keep = |l: Vec<String>| (!l.is_empty() && l.iter().all(named)).then_some(l);
        let (input, output) = (keep(lists.input), keep(lists.output));
        interfaces.push(OutIface {
            name: i.name.clone(),
            create: is_loopback(&i.name, &i.dev_type).then_some("loopback"),
            admin: if i.admin_up { "up" } else { "down" },
            mtu: (i.mtu != 0).then_some(i.mtu),
            addresses: i.addresses.iter().map(|a| a.to_string()).collect(),
            acls: (input.is_some() || output.is_some()).then_some(OutBindings { input, output }),
        });
    }
    let mut families: BTreeMap<u32, Vec<bool>> = BTreeMap::new();
    for t in &current.tables {
        families.entry(t.table).or_default().push(t.is_ip6);
    }
    let tables = families
        .iter()
        .filter(|(t, _)| **t != 0)
        .map(|(&table, f)| OutTable {
            table,
            family: match f.as_slice() {
                [false] => Some("ipv4"),
                [true] => Some("ipv6"),
                _ => None,
            },
        })
        .collect();
    let mut routes: BTreeMap<u32, Vec<(SortKey, OutRoute)>> = BTreeMap::new();
    if let Some(own) = source::find(client)? {
        for t in &current.tables {
            let details = client.dump(IpRouteV2Dump {
                src: own.id,
                table: IpTable {
                    table_id: t.table,
                    is_ip6: t.is_ip6,
                    name: String::new(),
                },
                ..Default::default()
            })?;
            for d in details.into_iter().filter(|d| d.route.src == own.id) {
                let drop = d.route.paths.iter().any(|p| p.r#type == FibPathType::Drop);
                let v1 = crate::binapi::ip::IpRoute {
                    table_id: d.route.table_id,
                    stats_index: 0,
                    prefix: d.route.prefix,
                    paths: d.route.paths.clone(),
                };
                let r = route_from(&v1, &current.names);
                let mut paths: Vec<OutPath> = r
                    .paths
                    .iter()
                    .map(|p| OutPath {
                        next_hop: if drop {
                            Some("drop".into())
                        } else {
                            p.next_hop.map(|a| a.to_string())
                        },
                        interface: p.interface.clone().filter(|_| !drop),
                        weight: (p.weight != 1).then_some(p.weight),
                        preference: (p.preference != 0).then_some(p.preference),
                    })
                    .collect();
                if drop {
                    paths.truncate(1);
                }
                let (path, paths) = if paths.len() == 1 {
                    (paths.pop(), None)
                } else {
                    (None, Some(paths))
                };
                let mut addr = [0u8; 16];
                match r.prefix.addr() {
                    std::net::IpAddr::V4(a) => addr[..4].copy_from_slice(&a.octets()),
                    std::net::IpAddr::V6(a) => addr = a.octets(),
                }
                routes.entry(r.table).or_default().push((
                    (r.prefix.addr().is_ipv6(), addr, r.prefix.prefix_len()),
                    OutRoute {
                        prefix: r.prefix.to_string(),
                        path,
                        paths,
                    },
                ));
            }
        }
    }
    let routes = (!routes.is_empty()).then(|| OutRoutes {
        tables: routes
            .into_iter()
            .map(|(table, mut rs)| {
                rs.sort_by_key(|r| r.0);
                OutRouteTable {
                    table,
                    routes: rs.into_iter().map(|r| r.1).collect(),
                }
            })
            .collect(),
    });
    let acls = acls
        .into_iter()
        .filter(|a| named(&a.name))
        .map(|a| OutAcl {
            name: a.name,
            rules: a.rules.iter().map(|r| r.to_string()).collect(),
        })
        .collect();
    Ok(Exported {
        interfaces,
        tables,
        routes,
        acls,
    })
}

impl Exported {
    /// The document as YAML.
    pub fn to_yaml(&self) -> Result<String> {
        serde_norway::to_string(self)
            .map_err(|e| OpsError::Refused(format!("cannot write the document: {e}")))
    }
}
