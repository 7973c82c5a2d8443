//! From a checked document and what VPP has, the steps that make one the other, in
//! dependency order: loopbacks to create → admin state, MTU and addresses → tables →
//! routes → ACLs → ACL bindings (see docs/design.md, “Desired state”).
//!
//! Everything that needs VPP to be checked is checked here, before a step is taken: an
//! interface the document configures but neither VPP has nor the document creates, a
//! route's interface, a table a route needs, an ACL a binding names, route files' lines.
//! Each error names where in the document it is.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use ipnet::IpNet;
use serde_json::Value;

use super::document::{Document, TableWant};
use super::report::{Action, Change, Kind};
use super::routes::ManagedTable;
use crate::client::Client;
use crate::ops::acl::{self, Rule};
use crate::ops::error::Result;
use crate::ops::iface::{self, Interface};
use crate::ops::routes::csv::{validate_with, LoadOptions, RouteSource, TableRef};
use crate::ops::routes::vpp::{self, InterfaceNames};

/// What VPP has, as far as a document can name it.
pub struct Current {
    pub interfaces: Vec<Interface>,
    pub tables: BTreeSet<TableWant>,
    pub acls: acl::State,
    pub names: InterfaceNames,
}

impl Current {
    /// Reads interfaces (with addresses), tables, ACLs and ACL bindings.
    pub fn read(client: &mut Client) -> Result<Current> {
        let interfaces = iface::list(client)?;
        let tables = vpp::tables(client)?
            .into_iter()
            .map(|t| TableWant {
                table: t.table,
                is_ip6: t.family == "ipv6",
            })
            .collect();
        let acls = acl::State::load(client)?;
        let names = InterfaceNames::load(client)?;
        Ok(Current {
            interfaces,
            tables,
            acls,
            names,
        })
    }

    fn interface(&self, name: &str) -> Option<&Interface> {
        self.interfaces.iter().find(|i| i.name == name)
    }

    fn has_table(&self, t: TableWant) -> bool {
        t.table == 0 || self.tables.contains(&t)
    }
}

/// One step, and the change it makes.
#[derive(Debug, Clone)]
pub struct Step {
    pub op: StepOp,
    pub change: Change,
}

/// What a step sends.
#[derive(Debug, Clone)]
pub enum StepOp {
    CreateLoopback {
        instance: u32,
    },
    Admin {
        iface: String,
        up: bool,
    },
    Mtu {
        iface: String,
        mtu: u32,
    },
    Address {
        iface: String,
        prefix: IpNet,
        add: bool,
    },
    Table(TableWant),
    Acl {
        name: String,
        rules: Vec<Rule>,
    },
    Bindings {
        iface: String,
        input: Option<Vec<String>>,
        output: Option<Vec<String>>,
    },
}

/// The steps of an apply: those before the routes, the route tables, those after.
#[derive(Debug, Clone)]
pub struct Plan {
    pub before_routes: Vec<Step>,
    /// The tables whose routes of our source the document gives (both families of each
    /// that exists, or will once the tables are made).
    pub managed: BTreeSet<ManagedTable>,
    pub after_routes: Vec<Step>,
}

fn list_text(l: &[String]) -> String {
    format!("[{}]", l.join(", "))
}

/// Checks `doc` against `current` and works out the steps. Nothing is sent.
pub fn plan(doc: &Document, current: &Current) -> Result<Plan> {
    let created = doc.created();
    // Names VPP lacks (not found), and everything else (bad input).
    let mut errors: Vec<(u32, String)> = Vec::new();
    let mut bad: Vec<(u32, String)> = Vec::new();
    let known = |n: &str| current.interface(n).is_some() || created.contains_key(n);

    // Interfaces: the loopbacks first, then each interface's state, MTU and addresses.
    let mut creates = Vec::new();
    let mut state = Vec::new();
    for i in &doc.interfaces {
        let name = i.name.value.as_str();
        let have = current.interface(name);
        if have.is_none() && i.loopback.is_none() {
            errors.push((
                i.name.at,
                format!("VPP has no interface '{name}' (and the document does not create it)"),
            ));
            continue;
        }
        if let (None, Some(instance)) = (have, i.loopback) {
            creates.push(Step {
                op: StepOp::CreateLoopback { instance },
                change: Change::new(Action::Add, Kind::Interface, name)
                    .with("create", "loopback")
                    .note(" (loopback)"),
            });
        }
        // A new loopback is admin down, with VPP's default MTU and no address.
        let (admin_up, mtu, addresses) = match have {
            Some(h) => (h.admin_up, Some(h.mtu), h.addresses.clone()),
            None => (false, None, Vec::new()),
        };
        if let Some(up) = i.admin_up.filter(|&up| up != admin_up) {
            let word = |b: bool| if b { "up" } else { "down" };
            state.push(Step {
                op: StepOp::Admin {
                    iface: name.to_string(),
                    up,
                },
                change: Change::new(Action::Change, Kind::Interface, name)
                    .with("field", "admin")
                    .with("from", word(admin_up))
                    .with("to", word(up))
                    .note(format!(" admin: {} → {}", word(admin_up), word(up))),
            });
        }
        if let Some(want) = i.mtu.filter(|&m| Some(m) != mtu) {
            let from = mtu.map_or(Value::Null, Value::from);
            state.push(Step {
                op: StepOp::Mtu {
                    iface: name.to_string(),
                    mtu: want,
                },
                change: Change::new(Action::Change, Kind::Interface, name)
                    .with("field", "mtu")
                    .with("from", from.clone())
                    .with("to", want)
                    .note(format!(
                        " mtu: {} → {want}",
                        mtu.map_or("default".to_string(), |m| m.to_string())
                    )),
            });
        }
        if let Some(want) = &i.addresses {
            for p in addresses.iter().filter(|p| !want.contains(p)) {
                state.push(address_step(name, *p, false));
            }
            for p in want.iter().filter(|p| !addresses.contains(p)) {
                state.push(address_step(name, *p, true));
            }
        }
    }

    // Tables.
    let mut tables = Vec::new();
    for t in &doc.tables {
        if !current.has_table(*t) {
            let family = if t.is_ip6 { "ipv6" } else { "ipv4" };
            tables.push(Step {
                op: StepOp::Table(*t),
                change: Change::new(Action::Add, Kind::Table, format!("{} {family}", t.table))
                    .with("table", t.table)
                    .with("family", family),
            });
        }
    }
    let will_have = |t: TableWant| current.has_table(t) || doc.tables.contains(&t);

    // Routes: every table named must exist (or be made), inline routes' interfaces must
    // be known, route files must be good and hold only their table's routes.
    let mut managed = BTreeSet::new();
    for rt in &doc.routes {
        let table = rt.table.value;
        let fams: Vec<bool> = [false, true]
            .into_iter()
            .filter(|&is_ip6| will_have(TableWant { table, is_ip6 }))
            .collect();
        if fams.is_empty() {
            errors.push((
                rt.table.at,
                format!("table {table} does not exist in VPP; name it under tables to create it"),
            ));
            continue;
        }
        managed.extend(fams.iter().map(|&is_ip6| ManagedTable { table, is_ip6 }));
        for (route, spots) in rt.routes.iter().zip(&rt.interface_spots) {
            if !will_have(TableWant {
                table,
                is_ip6: route.is_ipv6(),
            }) {
                let fam = if route.is_ipv6() { "ipv6" } else { "ipv4" };
                errors.push((
                    rt.table.at,
                    format!(
                        "{} needs table {table} ({fam}), which VPP lacks; name it under tables",
                        route.prefix
                    ),
                ));
            }
            for (name, at) in spots {
                if !known(name) {
                    errors.push((*at, format!("VPP has no interface '{name}'")));
                }
            }
        }
        for f in &rt.files {
            if let Err(e) = check_file(&f.path, table, current, &created, &will_have) {
                bad.push((f.at, e));
            }
        }
    }

    // ACLs: created, or their rules replaced in place, when they differ.
    let mut acls = Vec::new();
    for a in &doc.acls {
        let name = a.name.value.as_str();
        match current.acls.acl_named(name) {
            Ok(have) if have.rules == a.rules => {}
            Ok(have) => acls.push(Step {
                op: StepOp::Acl {
                    name: name.to_string(),
                    rules: a.rules.clone(),
                },
                change: Change::new(Action::Change, Kind::Acl, name)
                    .with("rules", a.rules.len())
                    .note(format!(": {} → {} rules", have.rules.len(), a.rules.len())),
            }),
            Err(crate::ops::OpsError::NotFound { .. }) => acls.push(Step {
                op: StepOp::Acl {
                    name: name.to_string(),
                    rules: a.rules.clone(),
                },
                change: Change::new(Action::Add, Kind::Acl, name)
                    .with("rules", a.rules.len())
                    .note(format!(" ({} rules)", a.rules.len())),
            }),
            Err(e) => bad.push((a.name.at, e.to_string())),
        }
    }

    // Bindings: each direction given is the interface's whole list, in order.
    let acl_known =
        |n: &str| doc.acls.iter().any(|a| a.name.value == n) || current.acls.acl_named(n).is_ok();
    let mut bindings = Vec::new();
    for i in &doc.interfaces {
        if i.input.is_none() && i.output.is_none() {
            continue;
        }
        let name = i.name.value.as_str();
        let (have_in, have_out) = match current.acls.interface_acls_of(name) {
            Ok(h) => (h.input, h.output),
            Err(_) => (Vec::new(), Vec::new()),
        };
        let mut input = None;
        let mut output = None;
        for (want, have, slot, dir) in [
            (&i.input, &have_in, &mut input, "input"),
            (&i.output, &have_out, &mut output, "output"),
        ] {
            let Some(want) = want else { continue };
            for n in want {
                if !acl_known(&n.value) {
                    errors.push((
                        n.at,
                        format!("no ACL '{}' in VPP or in the document", n.value),
                    ));
                }
            }
            let want: Vec<String> = want.iter().map(|n| n.value.clone()).collect();
            if &want != have {
                bindings.push(
                    Change::new(Action::Change, Kind::Binding, format!("{name} {dir}"))
                        .with("interface", name)
                        .with("direction", dir)
                        .with("from", have.clone())
                        .with("to", want.clone())
                        .note(format!(": {} → {}", list_text(have), list_text(&want))),
                );
                *slot = Some(want);
            }
        }
        if input.is_some() || output.is_some() {
            // One message sets both lists: the first change sends it, a second (the other
            // direction) sends nothing more.
            let mut op = Some(StepOp::Bindings {
                iface: name.to_string(),
                input,
                output,
            });
            for change in bindings.drain(..) {
                let op = op.take().unwrap_or(StepOp::Bindings {
                    iface: name.to_string(),
                    input: None,
                    output: None,
                });
                acls.push(Step { op, change });
            }
        }
    }
    if !bad.is_empty() {
        bad.extend(errors);
        return Err(doc.errors_at(&bad, false));
    }
    if !errors.is_empty() {
        return Err(doc.errors_at(&errors, true));
    }
    let mut before_routes = creates;
    before_routes.extend(state);
    before_routes.extend(tables);
    Ok(Plan {
        before_routes,
        managed,
        after_routes: acls,
    })
}

fn address_step(iface: &str, p: IpNet, add: bool) -> Step {
    Step {
        op: StepOp::Address {
            iface: iface.to_string(),
            prefix: p,
            add,
        },
        change: Change::new(
            if add { Action::Add } else { Action::Remove },
            Kind::Address,
            format!("{iface} {p}"),
        )
        .with("interface", iface)
        .with("address", p.to_string()),
    }
}

/// Checks a route file of `table`: every line good, interfaces known (or created by the
/// document), tables there (or made by it), and no line for another table.
fn check_file(
    path: &Path,
    table: u32,
    current: &Current,
    created: &BTreeMap<&str, u32>,
    will_have: &dyn Fn(TableWant) -> bool,
) -> std::result::Result<(), String> {
    let shown = path.display().to_string();
    let src = RouteSource::open(&shown).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let opts = LoadOptions {
        default_table: table,
        max_errors: 5,
    };
    let resolve = |n: &str| {
        current
            .names
            .index(n)
            .or_else(|| created.get(n).map(|_| u32::MAX))
    };
    let exists = |t: TableRef| {
        will_have(TableWant {
            table: t.table,
            is_ip6: t.is_ip6,
        })
    };
    let v = validate_with(&src, &opts, Some(&resolve), Some(&exists), &|| false)
        .map_err(|e| format!("cannot read {shown}: {e}"))?;
    if let Some(t) = v.missing_tables.values().next() {
        return Err(format!(
            "{shown}: table {} ({}) does not exist: {} lines, the first at line {}",
            t.table, t.family, t.lines, t.first_line
        ));
    }
    if !v.errors.is_empty() {
        let lines: Vec<String> = v.errors.iter().map(|e| e.to_string()).collect();
        let more = v.bad_lines.saturating_sub(v.errors.len() as u64);
        return Err(format!(
            "{} bad lines: {}{}",
            v.bad_lines,
            lines.join("; "),
            if more > 0 {
                format!("; {more} more")
            } else {
                String::new()
            }
        ));
    }
    if let Some(t) = v.tables.iter().find(|t| t.table != table) {
        return Err(format!(
            "{shown} has routes for table {}; a file under table {table} holds only its routes",
            t.table
        ));
    }
    Ok(())
}
