//! Routes to and from VPP's messages, and the single-route operations
//! behind `vppx route add|del|list` and `vppx route table`.

use std::collections::BTreeMap;
use std::net::IpAddr;

use ipnet::IpNet;
use serde::Serialize;

use super::spec::{PathKind, PathSpec, RouteKey, RouteSpec};
use crate::binapi::fib::FibSourceDump;
use crate::binapi::fib_types::{FibPath, FibPathNh, FibPathNhProto, FibPathType};
use crate::binapi::interface::SwInterfaceDump;
use crate::binapi::ip::{
    IpRoute, IpRouteAddDel, IpRouteDump, IpRouteLookup, IpRouteV2, IpRouteV2Dump, IpTable,
    IpTableAddDel, IpTableDump,
};
use crate::binapi::ip_types::AddressUnion;
use crate::client::Client;
use crate::ops::error::{OpsError, Result};

pub use crate::ops::names::InterfaceNames;
use crate::ops::names::NO_INTERFACE;

/// The messages route commands use (see docs/design.md, “Compatibility with the running VPP”).
pub const MESSAGES: &[&str] = crate::needs![
    request IpRouteAddDel,
    request IpRouteLookup,
    request IpTableAddDel,
    dump IpRouteDump,
    dump IpTableDump,
    dump IpRouteV2Dump,
    dump FibSourceDump,
    dump SwInterfaceDump,
];

/// One path of a route as vppx shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoutePath {
    /// `normal`, `local`, `drop`, ... (VPP's path type, lower-case, without its prefix).
    pub r#type: String,
    pub next_hop: Option<IpAddr>,
    pub interface: Option<String>,
    pub weight: u8,
    pub preference: u8,
}

/// A route as vppx shows it (`route list`, `GET /routes`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Route {
    pub table: u32,
    /// Always the network (host bits clear), whatever VPP sent.
    pub prefix: IpNet,
    /// The index of the route's counters in `/net/route/to`.
    pub stats_index: u32,
    /// `connected`, `local`, `default` or `neighbor` for VPP's own entries; `null` for
    /// routes someone added (see `list`).
    pub vpp_entry: Option<&'static str>,
    pub paths: Vec<RoutePath>,
    /// Packets and bytes the route carried, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counters: Option<super::list::RouteCounters>,
    /// Packets and bits per second, where a reader has two readings of the counters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rates: Option<super::list::RouteRates>,
    /// The FIB source whose paths these are (the best one for the prefix): `API` for
    /// `route add`/`load`, `vppx` for managed routes, `interface`, `default-route`, ...
    /// (see the README, "Desired state"). `None` where VPP's answer does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

fn nh_proto(is_ip6: bool) -> FibPathNhProto {
    if is_ip6 {
        FibPathNhProto::Ip6
    } else {
        FibPathNhProto::Ip4
    }
}

fn nh_address(addr: Option<IpAddr>) -> Result<AddressUnion> {
    let u = match addr {
        None => Ok(AddressUnion::default()),
        Some(IpAddr::V4(a)) => AddressUnion::from_ip4(&a),
        Some(IpAddr::V6(a)) => AddressUnion::from_ip6(&a),
    };
    u.map_err(|e| OpsError::BadInput(e.to_string()))
}

/// A path as VPP takes it; the interface name must already be known to `names`.
pub fn fib_path(p: &PathSpec, is_ip6: bool, names: &InterfaceNames) -> Result<FibPath> {
    let sw_if_index = match &p.interface {
        None => NO_INTERFACE,
        Some(n) => names.index(n).ok_or_else(|| OpsError::NotFound {
            what: "interface",
            name: n.clone(),
        })?,
    };
    Ok(FibPath {
        sw_if_index,
        weight: p.weight,
        preference: p.preference,
        r#type: match p.kind {
            PathKind::Forward => FibPathType::Normal,
            PathKind::Drop => FibPathType::Drop,
        },
        proto: nh_proto(is_ip6),
        nh: FibPathNh {
            address: nh_address(p.next_hop)?,
            ..Default::default()
        },
        ..Default::default()
    })
}

/// The `ip_route_add_del` for a route: all its paths, `is_multipath = 0`, so
/// that sending it twice gives the same FIB (see docs/design.md, “Routes”).
pub fn add_del_request(
    route: &RouteSpec,
    is_add: bool,
    names: &InterfaceNames,
) -> Result<IpRouteAddDel> {
    let is_ip6 = route.is_ipv6();
    let paths = if is_add {
        route
            .paths
            .iter()
            .map(|p| fib_path(p, is_ip6, names))
            .collect::<Result<Vec<_>>>()?
    } else {
        Vec::new()
    };
    Ok(IpRouteAddDel {
        is_add,
        is_multipath: false,
        route: IpRoute {
            table_id: route.table,
            prefix: route.prefix,
            paths,
            ..Default::default()
        },
        ..Default::default()
    })
}

pub(super) fn path_type_name(t: FibPathType) -> String {
    match crate::wire::enums::name_of(t) {
        Some(n) => n
            .trim_start_matches("FIB_API_PATH_TYPE_")
            .to_ascii_lowercase(),
        None => format!("{}", crate::wire::VppEnum::to_raw(t)),
    }
}

/// A route from VPP's details (one alone: a host route at a connected subnet's edge is not
/// recognised as VPP's own here, only in a listing).
pub fn route_from(r: &IpRoute, names: &InterfaceNames) -> Route {
    let paths = r
        .paths
        .iter()
        .map(|p| {
            let next_hop = match p.proto {
                FibPathNhProto::Ip4 => p.nh.address.ip4().ok().map(IpAddr::V4),
                FibPathNhProto::Ip6 => p.nh.address.ip6().ok().map(IpAddr::V6),
                _ => None,
            }
            .filter(|a| !a.is_unspecified());
            RoutePath {
                r#type: path_type_name(p.r#type),
                next_hop,
                interface: names.label(p.sw_if_index),
                weight: p.weight,
                preference: p.preference,
            }
        })
        .collect();
    Route {
        table: r.table_id,
        prefix: r.prefix.trunc(),
        stats_index: r.stats_index,
        vpp_entry: super::list::OwnEntries::default().classify(r),
        paths,
        counters: None,
        rates: None,
        source: None,
    }
}

/// A route from `ip_route_v2_details`, its source named through `sources` (id → name).
pub fn route_from_v2(
    r: &IpRouteV2,
    names: &InterfaceNames,
    sources: &BTreeMap<u8, String>,
) -> Route {
    let v1 = IpRoute {
        table_id: r.table_id,
        stats_index: r.stats_index,
        prefix: r.prefix,
        paths: r.paths.clone(),
    };
    Route {
        source: Some(
            sources
                .get(&r.src)
                .cloned()
                .unwrap_or_else(|| format!("source-{}", r.src)),
        ),
        ..route_from(&v1, names)
    }
}

/// Every FIB source VPP knows, id → name (`fib_source_dump`).
pub fn source_names(client: &mut Client) -> Result<BTreeMap<u8, String>> {
    Ok(client
        .dump(FibSourceDump::default())?
        .into_iter()
        .map(|d| (d.src.id, d.src.name))
        .collect())
}

/// A FIB table as `route table list` shows it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Table {
    pub family: &'static str,
    pub table: u32,
    pub name: String,
}

pub fn tables(client: &mut Client) -> Result<Vec<Table>> {
    let mut out: Vec<Table> = client
        .dump(IpTableDump::default())?
        .into_iter()
        .map(|d| Table {
            family: if d.table.is_ip6 { "ipv6" } else { "ipv4" },
            table: d.table.table_id,
            name: d.table.name,
        })
        .collect();
    out.sort();
    Ok(out)
}

/// Creates (or, with `is_add` false, deletes) a table for one family.
/// Adding an existing table changes nothing (VPP answers 0).
pub fn table_add_del(client: &mut Client, table: u32, is_ip6: bool, is_add: bool) -> Result<()> {
    client.request(IpTableAddDel {
        is_add,
        table: IpTable {
            table_id: table,
            is_ip6,
            name: String::new(),
        },
        ..Default::default()
    })?;
    Ok(())
}

/// Every route `table` and `prefix` select, sorted by table, then address, then length
/// (see [`super::list`] and docs/design.md, “Routes”).
pub fn list(client: &mut Client, table: Option<u32>, prefix: Option<IpNet>) -> Result<Vec<Route>> {
    let mut listing = super::list::Listing::read(client, super::list::ListQuery { table, prefix })?;
    listing.sort();
    Ok(listing.routes(None).collect())
}

/// Adds one route (all its paths, replacing what the table had for the prefix) through
/// the one programming function, and reads it back. Tables as in
/// [`super::program::add_routes`].
pub fn add(client: &mut Client, route: &RouteSpec, create_tables: bool) -> Result<Route> {
    let added = super::program::add_routes(client, std::slice::from_ref(route), create_tables)?;
    if let Some(r) = added.refused {
        return Err(r.error.into());
    }
    let names = InterfaceNames::load(client)?;
    lookup(client, &route.key(), &names)?.ok_or_else(|| OpsError::NotFound {
        what: "route",
        name: route.prefix.to_string(),
    })
}

fn lookup(client: &mut Client, key: &RouteKey, names: &InterfaceNames) -> Result<Option<Route>> {
    Ok(lookup_details(client, key)?.map(|r| route_from(&r, names)))
}

/// The route exactly at `key`, as VPP holds it (`ip_route_lookup`, exact).
pub(super) fn lookup_details(client: &mut Client, key: &RouteKey) -> Result<Option<IpRoute>> {
    let reply = client.request_unchecked(IpRouteLookup {
        table_id: key.table,
        exact: 1,
        prefix: key.prefix,
        ..Default::default()
    })?;
    if reply.retval != 0 {
        return Ok(None);
    }
    Ok(Some(reply.route))
}

/// Deletes a route; one that is not there is an error (`no such route`), which
/// VPP itself would not say (it answers 0; see docs/design.md, “Routes”).
///
/// VPP's own connected, local and default entries are refused: VPP would answer 0 and
/// keep them, as they are not the API's to remove.
pub fn del(client: &mut Client, key: &RouteKey) -> Result<Route> {
    let names = InterfaceNames::load(client)?;
    let existing = lookup(client, key, &names)?.ok_or_else(|| OpsError::NotFound {
        what: "route",
        name: format!("{} in table {}", key.prefix, key.table),
    })?;
    if let Some(kind @ ("connected" | "local" | "default")) = existing.vpp_entry {
        let via = existing
            .paths
            .iter()
            .find_map(|p| p.interface.as_deref())
            .map(|i| format!(" ({i})"))
            .unwrap_or_default();
        return Err(OpsError::Refused(format!(
            "{} in table {} is VPP's own {kind} entry{via}, not a route to delete: \
             it goes with the interface address or neighbour that made it",
            key.prefix, key.table
        )));
    }
    let spec = RouteSpec {
        table: key.table,
        prefix: key.prefix,
        paths: Vec::new(),
        lines: Default::default(),
    };
    client.request(add_del_request(&spec, false, &names)?)?;
    Ok(existing)
}
