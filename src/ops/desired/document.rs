//! The desired-state document of `vppx apply` and `POST /apply`: its model, how it is read
//! (YAML; JSON is YAML) and every check that needs no VPP. Checks that do (an interface
//! VPP must have, an ACL a binding names) are in [`super::plan`], and report through
//! [`Document::error_at`] just the same: `FILE:LINE:COLUMN: FIELD.PATH: why`.
//!
//! One file, past 600 lines: the document as written (the serde forms), the checked model
//! and the one walk that turns the first into the second, collecting every error with its
//! field path and position; split, each raw form would sit apart from the only code that
//! reads it, and the walk from the paths it reports.
//!
//! ```yaml
//! interfaces:
//!   - name: loop0
//!     create: loopback        # made if missing; never deleted
//!     admin: up               # up | down
//!     mtu: 9000               # the L3 MTU
//!     addresses: [10.10.10.1/24, 2001:db8:10::1/64]   # exactly these
//!     acls: {input: [edge-in], output: []}            # exactly these, in order
//! tables:
//!   - table: 5                # family: ipv4 | ipv6; both when left out
//! routes:
//!   tables:
//!     - table: 0              # our routes in table 0 (both families) become exactly:
//!       routes:
//!         - {prefix: 10.1.0.0/24, next_hop: 10.10.10.2, interface: loop0}
//!         - prefix: 10.2.0.0/24
//!           paths: [{next_hop: 10.10.10.2, weight: 3}, {next_hop: 10.10.10.3}]
//!       files: [routes.csv]   # route files, relative to the document
//! acls:
//!   - name: edge-in
//!     rules: ["deny src 10.0.0.0/8", {action: permit, proto: tcp, dport: 443}]
//! ```
//!
//! A field left out is left alone; a field given is the whole truth for what it names
//! (see docs/design.md, “Desired state”).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use ipnet::IpNet;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::spot::{self, Num, Spot, WordSpot};
use crate::ops::acl::{self, RuleFields, RuleInput, Word};
use crate::ops::error::{OpsError, Result};
use crate::ops::input::present;
use crate::ops::routes::spec::{
    add_path, parse_path, parse_preference, parse_prefix, parse_weight, LineSpan, RouteSpec,
};

/// The most errors one document reports (each costs one more reading of it).
const MAX_ERRORS: usize = 20;

/// The highest MTU an interface can take (VPP's link MTU is 16 bits).
pub const MAX_MTU: u32 = 65535;

// ---------------------------------------------------------------------------------------
// The document as written.

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDoc {
    #[serde(default)]
    interfaces: Vec<RawIface>,
    #[serde(default)]
    tables: Vec<RawTable>,
    #[serde(default, deserialize_with = "present")]
    routes: Option<RawRoutes>,
    #[serde(default)]
    acls: Vec<RawAcl>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIface {
    name: Spot,
    #[serde(default, deserialize_with = "present")]
    create: Option<Spot>,
    #[serde(default, deserialize_with = "present")]
    admin: Option<Spot>,
    #[serde(default, deserialize_with = "present")]
    mtu: Option<Num>,
    #[serde(default, deserialize_with = "present")]
    addresses: Option<Vec<Spot>>,
    #[serde(default, deserialize_with = "present")]
    acls: Option<RawBindings>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBindings {
    #[serde(default, deserialize_with = "present")]
    input: Option<Vec<Spot>>,
    #[serde(default, deserialize_with = "present")]
    output: Option<Vec<Spot>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    table: Num,
    #[serde(default, deserialize_with = "present")]
    family: Option<Spot>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoutes {
    tables: Vec<RawRouteTable>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRouteTable {
    table: Num,
    #[serde(default)]
    routes: Vec<RawRoute>,
    #[serde(default)]
    files: Vec<Spot>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoute {
    prefix: Spot,
    #[serde(default, deserialize_with = "present")]
    next_hop: Option<Spot>,
    #[serde(default, deserialize_with = "present")]
    interface: Option<Spot>,
    #[serde(default, deserialize_with = "present")]
    weight: Option<Num>,
    #[serde(default, deserialize_with = "present")]
    preference: Option<Num>,
    #[serde(default, deserialize_with = "present")]
    paths: Option<Vec<RawPath>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPath {
    #[serde(default, deserialize_with = "present")]
    next_hop: Option<Spot>,
    #[serde(default, deserialize_with = "present")]
    interface: Option<Spot>,
    #[serde(default, deserialize_with = "present")]
    weight: Option<Num>,
    #[serde(default, deserialize_with = "present")]
    preference: Option<Num>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAcl {
    name: Spot,
    rules: Vec<RawRule>,
}

/// A rule: its words, or an object of them (the ACL endpoints' JSON form).
#[derive(Debug)]
enum RawRule {
    Text(Spot),
    Fields(Box<RawRuleFields>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRuleFields {
    action: Spot,
    #[serde(default, deserialize_with = "present")]
    src: Option<Spot>,
    #[serde(default, deserialize_with = "present")]
    dst: Option<Spot>,
    #[serde(default, deserialize_with = "present")]
    proto: Option<WordSpot>,
    #[serde(default, deserialize_with = "present")]
    sport: Option<WordSpot>,
    #[serde(default, deserialize_with = "present")]
    dport: Option<WordSpot>,
    /// `null` is no flags, as the ACL endpoints take it.
    #[serde(default)]
    tcp_flags: Option<Spot>,
    /// What `GET /acls/{name}` answers is accepted back; its text is ignored.
    #[serde(default, deserialize_with = "present")]
    #[allow(dead_code)]
    text: Option<Spot>,
}

impl<'de> Deserialize<'de> for RawRule {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<RawRule, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawRule;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a rule's words (a string) or an object of them")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<RawRule, E> {
                Spot::deserialize(de::value::StrDeserializer::<E>::new(v)).map(RawRule::Text)
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<RawRule, A::Error> {
                RawRuleFields::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|f| RawRule::Fields(Box::new(f)))
            }
        }
        d.deserialize_any(V)
    }
}

impl RawRule {
    /// The spot an error about the rule is reported at.
    fn spot(&self) -> &Spot {
        match self {
            RawRule::Text(s) => s,
            RawRule::Fields(f) => &f.action,
        }
    }

    fn input(&self) -> RuleInput {
        let text = |s: &Option<Spot>| s.as_ref().map(|s| s.text.clone());
        let word = |s: &Option<WordSpot>| s.as_ref().map(|s| Word::Text(s.0.text.clone()));
        match self {
            RawRule::Text(s) => RuleInput::Text(s.text.clone()),
            RawRule::Fields(f) => RuleInput::Fields(RuleFields {
                action: f.action.text.clone(),
                src: text(&f.src),
                dst: text(&f.dst),
                proto: word(&f.proto),
                sport: word(&f.sport),
                dport: word(&f.dport),
                tcp_flags: text(&f.tcp_flags),
                text: None,
            }),
        }
    }
}

// ---------------------------------------------------------------------------------------
// The document as checked.

/// A value with the spot it was written at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At<T> {
    pub value: T,
    pub at: u32,
}

/// What `create` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Create {
    Loopback,
}

/// One interface as wanted; `None` leaves that part alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterfaceWant {
    pub name: At<String>,
    /// The loopback's instance (`loop3` → 3) when the document creates it.
    pub loopback: Option<u32>,
    pub admin_up: Option<bool>,
    pub mtu: Option<u32>,
    pub addresses: Option<Vec<IpNet>>,
    pub input: Option<Vec<At<String>>>,
    pub output: Option<Vec<At<String>>>,
}

/// A table of one family to have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct TableWant {
    pub table: u32,
    pub is_ip6: bool,
}

/// A route file of a managed table, with where it was named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteFile {
    pub path: PathBuf,
    pub at: u32,
}

/// A table whose routes of our source become exactly these (both families).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteTableWant {
    pub table: At<u32>,
    pub routes: Vec<RouteSpec>,
    /// For each inline route, where its interfaces are named (to report one VPP lacks).
    pub interface_spots: Vec<Vec<(String, u32)>>,
    pub files: Vec<RouteFile>,
}

/// An ACL as wanted: exactly these rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AclWant {
    pub name: At<String>,
    pub rules: Vec<acl::Rule>,
}

/// A checked document, with its text kept to report later errors where they are.
#[derive(Debug, Clone)]
pub struct Document {
    pub interfaces: Vec<InterfaceWant>,
    pub tables: Vec<TableWant>,
    pub routes: Vec<RouteTableWant>,
    pub acls: Vec<AclWant>,
    name: String,
    text: String,
}

/// Errors of a document: each `FILE:LINE:COLUMN: FIELD.PATH: why`, all found before
/// anything is sent (exit 2, HTTP 400).
pub fn bad(errors: Vec<String>) -> OpsError {
    OpsError::BadInput(errors.join("\n"))
}

/// Reads the YAML error's parts: `NAME:LINE:COLUMN: PATH: message`.
fn located(name: &str, e: &serde_norway::Error) -> String {
    let full = e.to_string();
    let msg = full
        .rfind(" at line ")
        .map_or(full.as_str(), |i| &full[..i]);
    match e.location() {
        Some(l) => format!("{name}:{}:{}: {msg}", l.line(), l.column()),
        None => format!("{name}: {msg}"),
    }
}

fn read(
    text: &str,
    fail: Option<(u32, String)>,
) -> std::result::Result<RawDoc, serde_norway::Error> {
    let _reading = spot::reading(fail);
    if text.trim().is_empty() {
        return Ok(RawDoc::default());
    }
    serde_norway::from_str(text)
}

impl Document {
    /// Reads and checks a document named `name` (a file name, `-`, or `body`). Route files
    /// are read relative to `base`; without one (the agent) they are refused.
    pub fn parse(text: &str, name: &str, base: Option<&Path>) -> Result<Document> {
        super::expansion::check(text).map_err(|e| bad(vec![located(name, &e)]))?;
        let raw = read(text, None).map_err(|e| bad(vec![located(name, &e)]))?;
        let mut c = Checker::default();
        let mut doc = c.check(raw, base);
        doc.name = name.to_string();
        doc.text = text.to_string();
        if c.errors.is_empty() {
            return Ok(doc);
        }
        Err(bad(c
            .errors
            .into_iter()
            .take(MAX_ERRORS)
            .map(|(at, msg)| doc.error_text(at, &msg))
            .collect()))
    }

    /// The error `msg` about the scalar at spot `at`, with its line, column and field path.
    pub fn error_text(&self, at: u32, msg: &str) -> String {
        match read(&self.text, Some((at, msg.to_string()))) {
            Err(e) => located(&self.name, &e),
            // Cannot happen (the same text read the same way); still say what is wrong.
            Ok(_) => format!("{}: {msg}", self.name),
        }
    }

    /// The error (class bad input) `msg` about the scalar at spot `at`.
    pub fn error_at(&self, at: u32, msg: &str) -> OpsError {
        bad(vec![self.error_text(at, msg)])
    }

    /// Errors about several spots at once (at most a handful are reported): names VPP
    /// lacks when `unknown` (not found: exit 1, HTTP 404), else bad input.
    pub fn errors_at(&self, errors: &[(u32, String)], unknown: bool) -> OpsError {
        let text: Vec<String> = errors
            .iter()
            .take(MAX_ERRORS)
            .map(|(at, m)| self.error_text(*at, m))
            .collect();
        if unknown {
            OpsError::Unknown(text.join("\n"))
        } else {
            bad(text)
        }
    }

    /// The document's name in messages.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The interfaces the document creates, by name.
    pub fn created(&self) -> BTreeMap<&str, u32> {
        self.interfaces
            .iter()
            .filter_map(|i| i.loopback.map(|n| (i.name.value.as_str(), n)))
            .collect()
    }
}

#[derive(Default)]
struct Checker {
    errors: Vec<(u32, String)>,
}

impl Checker {
    fn err(&mut self, at: &Spot, msg: impl Into<String>) {
        self.errors.push((at.at, msg.into()));
    }

    fn number<T: TryFrom<u64>>(&mut self, s: &Spot, what: &str, lo: u64, hi: u64) -> Option<T> {
        match s.text.parse::<u64>() {
            Ok(n) if (lo..=hi).contains(&n) => T::try_from(n).ok(),
            _ => {
                self.err(s, format!("{what} '{}' is not a number {lo}-{hi}", s.text));
                None
            }
        }
    }

    fn check(&mut self, raw: RawDoc, base: Option<&Path>) -> Document {
        let interfaces = self.interfaces(raw.interfaces);
        let tables = self.tables(raw.tables);
        let routes = raw.routes.map(|r| self.routes(r, base)).unwrap_or_default();
        let acls = self.acls(raw.acls);
        Document {
            interfaces,
            tables,
            routes,
            acls,
            name: String::new(),
            text: String::new(),
        }
    }

    fn interfaces(&mut self, raw: Vec<RawIface>) -> Vec<InterfaceWant> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for r in raw {
            let name = r.name.text.trim().to_string();
            if name.is_empty() {
                self.err(&r.name, "an interface name cannot be empty");
            } else if !seen.insert(name.clone()) {
                self.err(&r.name, format!("interface '{name}' is named twice"));
            }
            let loopback = r.create.as_ref().and_then(|c| {
                if c.text != "loopback" {
                    self.err(
                        c,
                        format!("create '{}': only 'loopback' can be created", c.text),
                    );
                    return None;
                }
                match name.strip_prefix("loop").and_then(loopback_instance) {
                    Some(n) => Some(n),
                    None => {
                        self.err(
                            &r.name,
                            format!(
                                "a loopback to create is named loopN (N its instance, 0-999999999, \
                                 without leading zeros: loop0, loop12), not '{name}'"
                            ),
                        );
                        None
                    }
                }
            });
            let admin_up = r.admin.as_ref().and_then(|a| match a.text.as_str() {
                "up" => Some(true),
                "down" => Some(false),
                other => {
                    self.err(a, format!("admin '{other}' is not 'up' or 'down'"));
                    None
                }
            });
            let mtu = r
                .mtu
                .as_ref()
                .and_then(|m| self.number::<u32>(m, "mtu", 1, u64::from(MAX_MTU)));
            let addresses = r.addresses.map(|list| {
                let mut out: Vec<IpNet> = Vec::new();
                for a in &list {
                    match crate::ops::iface::parse_address(a.text.trim()) {
                        Ok(p) if out.contains(&p) => {
                            self.err(a, format!("address {p} is listed twice"))
                        }
                        Ok(p) => out.push(p),
                        Err(e) => self.err(a, e.to_string()),
                    }
                }
                out
            });
            let mut list = |l: Option<Vec<Spot>>, dir: &str| {
                l.map(|l| {
                    let mut out: Vec<At<String>> = Vec::new();
                    for s in l {
                        if out.iter().any(|o| o.value == s.text) {
                            self.err(&s, format!("{dir} ACL '{}' is listed twice", s.text));
                        } else if let Err(e) = acl::validate_name(&s.text) {
                            self.err(&s, e.to_string());
                        } else {
                            out.push(At {
                                value: s.text.clone(),
                                at: s.at,
                            });
                        }
                    }
                    out
                })
            };
            let (input, output) = match r.acls {
                Some(b) => (list(b.input, "input"), list(b.output, "output")),
                None => (None, None),
            };
            out.push(InterfaceWant {
                name: At {
                    value: name,
                    at: r.name.at,
                },
                loopback,
                admin_up,
                mtu,
                addresses,
                input,
                output,
            });
        }
        out
    }

    fn tables(&mut self, raw: Vec<RawTable>) -> Vec<TableWant> {
        let mut out: Vec<TableWant> = Vec::new();
        for r in raw {
            let Some(table) = self.number::<u32>(&r.table, "table", 0, u64::from(u32::MAX)) else {
                continue;
            };
            if table == 0 {
                self.err(
                    &r.table,
                    "table 0 always exists; name only tables to create",
                );
                continue;
            }
            let families: &[bool] = match r.family.as_ref().map(|f| f.text.as_str()) {
                None => &[false, true],
                Some("ipv4") => &[false],
                Some("ipv6") => &[true],
                Some(other) => {
                    let f = r.family.as_ref().expect("given");
                    self.err(f, format!("family '{other}' is not 'ipv4' or 'ipv6'"));
                    continue;
                }
            };
            for &is_ip6 in families {
                let t = TableWant { table, is_ip6 };
                if out.contains(&t) {
                    self.err(&r.table, format!("table {table} is named twice"));
                } else {
                    out.push(t);
                }
            }
        }
        out
    }

    fn routes(&mut self, raw: RawRoutes, base: Option<&Path>) -> Vec<RouteTableWant> {
        let mut out: Vec<RouteTableWant> = Vec::new();
        for t in raw.tables {
            let Some(table) = self.number::<u32>(&t.table, "table", 0, u64::from(u32::MAX)) else {
                continue;
            };
            if out.iter().any(|o| o.table.value == table) {
                self.err(
                    &t.table,
                    format!("the routes of table {table} are given twice"),
                );
                continue;
            }
            let mut routes: Vec<RouteSpec> = Vec::new();
            let mut interface_spots = Vec::new();
            let mut prefixes = BTreeSet::new();
            for r in t.routes {
                let Some((route, spots)) = self.route(table, r) else {
                    continue;
                };
                if !prefixes.insert(route.prefix) {
                    // Reported at the route's prefix: every route of a table is one prefix.
                    self.errors.push((
                        spots.prefix,
                        format!("{} is given twice in table {table}", route.prefix),
                    ));
                    continue;
                }
                interface_spots.push(spots.interfaces);
                routes.push(route);
            }
            let mut files = Vec::new();
            for f in t.files {
                match base {
                    None => self.err(
                        &f,
                        "route files are read by the command line only; give the routes inline",
                    ),
                    Some(_) if f.text.trim().is_empty() => {
                        self.err(&f, "a route file name cannot be empty")
                    }
                    Some(dir) => files.push(RouteFile {
                        path: dir.join(f.text.trim()),
                        at: f.at,
                    }),
                }
            }
            out.push(RouteTableWant {
                table: At {
                    value: table,
                    at: t.table.at,
                },
                routes,
                interface_spots,
                files,
            });
        }
        out
    }

    fn path(
        &mut self,
        prefix: &IpNet,
        next_hop: &Option<Spot>,
        interface: &Option<Spot>,
        weight: &Option<Num>,
        preference: &Option<Num>,
        at: &Spot,
    ) -> Option<crate::ops::routes::PathSpec> {
        fn text(s: &Option<Spot>) -> &str {
            s.as_ref().map_or("", |s| s.text.as_str())
        }
        let mut p = match parse_path(text(next_hop), text(interface), prefix) {
            Ok(p) => p,
            Err(e) => {
                let spot = next_hop.as_ref().or(interface.as_ref()).unwrap_or(at);
                self.err(spot, e.to_string());
                return None;
            }
        };
        if let Some(w) = weight {
            match parse_weight(&w.text) {
                Ok(v) => p.weight = v,
                Err(e) => {
                    self.err(w, e.to_string());
                    return None;
                }
            }
        }
        if let Some(w) = preference {
            match parse_preference(&w.text) {
                Ok(v) => p.preference = v,
                Err(e) => {
                    self.err(w, e.to_string());
                    return None;
                }
            }
        }
        Some(p)
    }

    fn route(&mut self, table: u32, r: RawRoute) -> Option<(RouteSpec, RouteSpots)> {
        let prefix = match parse_prefix(&r.prefix.text) {
            Ok(p) => p,
            Err(e) => {
                self.err(&r.prefix, e.to_string());
                return None;
            }
        };
        let mut spots = RouteSpots {
            prefix: r.prefix.at,
            interfaces: Vec::new(),
        };
        let mut paths = Vec::new();
        let inline = r.next_hop.is_some()
            || r.interface.is_some()
            || r.weight.is_some()
            || r.preference.is_some();
        match (&r.paths, inline) {
            (Some(_), true) => {
                self.err(
                    &r.prefix,
                    "give a route's next_hop/interface/weight/preference, or its paths, not both",
                );
                return None;
            }
            (Some(list), false) => {
                if list.is_empty() {
                    self.err(&r.prefix, "paths cannot be empty");
                    return None;
                }
                for p in list {
                    let path = self.path(
                        &prefix,
                        &p.next_hop,
                        &p.interface,
                        &p.weight,
                        &p.preference,
                        &r.prefix,
                    )?;
                    if let Some(i) = &p.interface {
                        spots.interfaces.push((i.text.trim().to_string(), i.at));
                    }
                    if let Err(e) = add_path(&mut paths, path, prefix) {
                        self.err(p.next_hop.as_ref().unwrap_or(&r.prefix), e.to_string());
                        return None;
                    }
                }
            }
            (None, _) => {
                let path = self.path(
                    &prefix,
                    &r.next_hop,
                    &r.interface,
                    &r.weight,
                    &r.preference,
                    &r.prefix,
                )?;
                if let Some(i) = &r.interface {
                    spots.interfaces.push((i.text.trim().to_string(), i.at));
                }
                paths.push(path);
            }
        }
        Some((
            RouteSpec {
                table,
                prefix,
                paths,
                lines: LineSpan::default(),
            },
            spots,
        ))
    }

    fn acls(&mut self, raw: Vec<RawAcl>) -> Vec<AclWant> {
        let mut out: Vec<AclWant> = Vec::new();
        for a in raw {
            if let Err(e) = acl::validate_name(&a.name.text) {
                self.err(&a.name, e.to_string());
                continue;
            }
            if out.iter().any(|o| o.name.value == a.name.text) {
                self.err(&a.name, format!("ACL '{}' is named twice", a.name.text));
                continue;
            }
            if a.rules.is_empty() {
                self.err(
                    &a.name,
                    format!("ACL '{}' needs at least one rule", a.name.text),
                );
                continue;
            }
            let mut rules = Vec::new();
            let mut ok = true;
            for r in &a.rules {
                let text = r.input().text();
                let words: Vec<&str> = text.split_whitespace().collect();
                match acl::parse_rule(&words) {
                    Ok(rs) => rules.extend(rs),
                    Err(e) => {
                        self.err(r.spot(), format!("rule \"{text}\": {e}"));
                        ok = false;
                    }
                }
            }
            if ok {
                out.push(AclWant {
                    name: At {
                        value: a.name.text.clone(),
                        at: a.name.at,
                    },
                    rules,
                });
            }
        }
        out
    }
}

/// `N` of `loopN`: 0-999999999, as VPP names it (no leading zero).
fn loopback_instance(n: &str) -> Option<u32> {
    let digits = !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit());
    (digits && (n == "0" || !n.starts_with('0')))
        .then(|| n.parse().ok())
        .flatten()
}

struct RouteSpots {
    prefix: u32,
    interfaces: Vec<(String, u32)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str, base: Option<&Path>) -> String {
        Document::parse(text, "d.yaml", base)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn errors_name_line_column_and_field() {
        let e = err(
            "acls:\n  - name: a\n    rules:\n      - permit any\n      - {action: permit, proto: tcp, dport: 99999}\n",
            None,
        );
        assert!(
            e.starts_with("d.yaml:5:18: acls[0].rules[1].action: rule \"permit proto tcp dport 99999\": dport '99999'"),
            "{e}"
        );
        let e = err(
            "routes:\n  tables:\n    - table: 0\n      files: [r.csv]\n",
            None,
        );
        assert_eq!(
            e,
            "d.yaml:4:15: routes.tables[0].files[0]: route files are read by the command line only; give the routes inline"
        );
        let e = err("tables: [{table: 0}]\nnope: 1\n", None);
        assert!(e.starts_with("d.yaml:2:1: unknown field `nope`"), "{e}");
    }

    #[test]
    fn a_document_reads_the_same_from_json() {
        let yaml = Document::parse(
            "interfaces:\n  - {name: pg0, admin: up, mtu: 1500, addresses: [10.0.0.1/24]}\n",
            "a",
            None,
        )
        .unwrap();
        let json = Document::parse(
            r#"{"interfaces": [{"name": "pg0", "admin": "up", "mtu": 1500, "addresses": ["10.0.0.1/24"]}]}"#,
            "b",
            None,
        )
        .unwrap();
        assert_eq!(yaml.interfaces.len(), 1);
        assert_eq!(
            (json.interfaces[0].admin_up, json.interfaces[0].mtu),
            (yaml.interfaces[0].admin_up, yaml.interfaces[0].mtu)
        );
        assert_eq!(json.interfaces[0].addresses, yaml.interfaces[0].addresses);
    }
}
