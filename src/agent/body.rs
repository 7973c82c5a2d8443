//! Request bodies: JSON in, validated operator types out, before anything is sent to
//! VPP (see docs/design.md, “Exit codes”). Pure functions, tested without a server.

use ipnet::IpNet;
use serde::Deserialize;

use crate::ops::input::present;
use crate::ops::routes::spec::{
    add_path, parse_path, parse_prefix, PathSpec, RouteSpec, SpecError,
};

/// One route line of `POST /routes`: the route file's columns (see `ops::routes`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteLine {
    pub prefix: String,
    /// An address of the prefix's family, or `drop`.
    #[serde(default, deserialize_with = "present")]
    pub next_hop: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub interface: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub table: Option<u32>,
    #[serde(default, deserialize_with = "present")]
    pub weight: Option<u8>,
    #[serde(default, deserialize_with = "present")]
    pub preference: Option<u8>,
}

/// `POST /routes` takes one route or a list.
#[derive(Debug, Clone)]
pub enum RoutesBody {
    One(RouteLine),
    Many(Vec<RouteLine>),
}

impl RoutesBody {
    /// Parses a body, naming what is wrong with it (an untagged enum would only say that
    /// neither form matched).
    pub fn parse(bytes: &[u8]) -> Result<Self, String> {
        let v: serde_json::Value = json(bytes)?;
        let bad = |e: serde_json::Error| format!("invalid route: {e}");
        if v.is_array() {
            serde_json::from_value(v).map(RoutesBody::Many).map_err(bad)
        } else {
            serde_json::from_value(v).map(RoutesBody::One).map_err(bad)
        }
    }
}

/// `POST /interfaces/{name}/state`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateBody {
    pub admin: AdminState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AdminState {
    Up,
    Down,
}

/// `POST /interfaces/{name}/addresses`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddressBody {
    /// With its prefix length, e.g. `10.0.0.1/24`.
    pub address: String,
}

/// Parses a JSON body, naming what is wrong with it.
pub fn json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON body: {e}"))
}

fn path(line: &RouteLine, prefix: &IpNet) -> Result<PathSpec, SpecError> {
    // The one path grammar of every route form (`drop` in any case, as in a route file).
    let mut p = parse_path(
        line.next_hop.as_deref().unwrap_or(""),
        line.interface.as_deref().unwrap_or(""),
        prefix,
    )?;
    if let Some(w) = line.weight {
        if w == 0 {
            return Err(SpecError::BadWeight { word: "0".into() });
        }
        p.weight = w;
    }
    if let Some(pref) = line.preference {
        p.preference = pref;
    }
    Ok(p)
}

/// The routes of a `POST /routes` body: adjacent lines with the same table and prefix
/// are one route with several paths, as in a route file (see docs/design.md, “Routes”). Every error
/// is reported, by line index (0-based), before anything is sent.
pub fn routes(body: RoutesBody) -> Result<Vec<RouteSpec>, String> {
    let lines = match body {
        RoutesBody::One(l) => vec![l],
        RoutesBody::Many(v) => v,
    };
    if lines.is_empty() {
        return Err("no routes in the body".into());
    }
    let mut out: Vec<RouteSpec> = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        // Left out is the way to say "none" (as an empty column is in a route file).
        let empty = [("next_hop", &line.next_hop), ("interface", &line.interface)]
            .into_iter()
            .find(|(_, v)| v.as_deref().is_some_and(|s| s.trim().is_empty()));
        if let Some((field, _)) = empty {
            errors.push(format!(
                "route {i}: {field} is empty (leave it out instead)"
            ));
            continue;
        }
        let parsed =
            parse_prefix(&line.prefix).and_then(|prefix| Ok((prefix, path(line, &prefix)?)));
        let (prefix, p) = match parsed {
            Ok(x) => x,
            Err(e) => {
                errors.push(format!("route {i}: {e}"));
                continue;
            }
        };
        let table = line.table.unwrap_or(0);
        match out.last_mut() {
            Some(r) if r.table == table && r.prefix == prefix => {
                if let Err(e) = add_path(&mut r.paths, p, prefix) {
                    errors.push(format!("route {i}: {e}"));
                }
            }
            _ => out.push(RouteSpec {
                table,
                prefix,
                paths: vec![p],
                lines: Default::default(),
            }),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Vec<RouteSpec>, String> {
        routes(RoutesBody::parse(s.as_bytes())?)
    }

    #[test]
    fn one_route_or_a_list() {
        let one = parse(r#"{"prefix":"10.20.0.0/16","next_hop":"10.10.10.2"}"#).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].paths[0].weight, 1);
        let many = parse(
            r#"[{"prefix":"10.20.0.0/16","next_hop":"10.10.10.2","interface":"pg0","weight":2},
                {"prefix":"10.20.0.0/16","next_hop":"10.10.10.3"},
                {"prefix":"192.0.2.0/24","next_hop":"drop","table":5}]"#,
        )
        .unwrap();
        assert_eq!(
            many.len(),
            2,
            "adjacent lines of one prefix are one multipath route"
        );
        assert_eq!(many[0].paths.len(), 2);
        assert_eq!(many[0].paths[0].interface.as_deref(), Some("pg0"));
        assert_eq!(many[0].paths[0].weight, 2);
        assert!(many[1].is_drop());
        assert_eq!(many[1].table, 5);
    }

    #[test]
    fn every_bad_line_is_reported() {
        let err = parse(
            r#"[{"prefix":"10.1.2.3/16","next_hop":"10.0.0.1"},
                {"prefix":"10.2.0.0/16"},
                {"prefix":"10.3.0.0/16","next_hop":"2001:db8::1"},
                {"prefix":"10.4.0.0/16","next_hop":"10.0.0.1","weight":0}]"#,
        )
        .unwrap_err();
        assert!(err.contains("route 0: host bits set"), "{err}");
        assert!(err.contains("10.1.0.0/16"), "{err}");
        assert!(err.contains("route 1: a route needs"), "{err}");
        assert!(err.contains("route 2: next hop"), "{err}");
        assert!(err.contains("route 3: weight"), "{err}");
    }

    #[test]
    fn malformed_json_and_unknown_fields_are_refused() {
        assert!(parse("{").unwrap_err().contains("invalid JSON"));
        assert!(parse(r#"{"prefix":"10.0.0.0/8","nexthop":"1.2.3.4"}"#).is_err());
        assert!(parse("[]").unwrap_err().contains("no routes"));
        assert!(json::<StateBody>(br#"{"admin":"sideways"}"#).is_err());
        assert_eq!(
            json::<StateBody>(br#"{"admin":"up"}"#).unwrap().admin,
            AdminState::Up
        );
    }

    /// The document says a route's fields are strings and numbers, never null, and that a
    /// next hop or interface is left out rather than given empty: schema-violating bodies
    /// the agent used to accept.
    #[test]
    fn null_or_empty_route_fields_are_refused() {
        for body in [
            r#"{"prefix":"10.0.0.0/8","next_hop":null,"interface":"pg0"}"#,
            r#"{"prefix":"10.0.0.0/8","next_hop":"10.0.0.1","table":null}"#,
            r#"{"prefix":"10.0.0.0/8","next_hop":"10.0.0.1","weight":null}"#,
        ] {
            assert!(parse(body).unwrap_err().contains("null"), "{body}");
        }
        let err =
            parse(r#"{"prefix":"10.0.0.0/8","next_hop":"10.0.0.1","interface":""}"#).unwrap_err();
        assert!(err.contains("route 0: interface is empty"), "{err}");
        let err = parse(r#"[{"prefix":"10.20.0.0/16","next_hop":"","interface":""}]"#).unwrap_err();
        assert!(err.contains("route 0: next_hop is empty"), "{err}");
        assert!(parse(r#"{"prefix":"10.0.0.0/8","interface":"pg0"}"#).is_ok());
    }
}
