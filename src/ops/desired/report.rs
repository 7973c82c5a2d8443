//! What an apply reports: every change, in the order made (or, for a plan, to make), and
//! their counts. The JSON form is a contract scripts rely on (the README, “Desired
//! state”): `{"applied", "changes": [{"action", "kind", "target", ...}], "summary"}`.
//!
//! Routes are many: every route change is counted (per table, in `routes`), but only the
//! first [`LISTED_ROUTES`] are listed in `changes`; `routes_not_listed` says how many more
//! there are (see docs/design.md, “Desired state”).

use serde::Serialize;
use serde_json::{Map, Value};

pub use super::routes::Op as Action;

/// How many route changes one report lists; the rest are counted only.
pub const LISTED_ROUTES: u64 = 10_000;

/// What a change is to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Interface,
    Address,
    Table,
    Route,
    Acl,
    Binding,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub action: Action,
    pub kind: Kind,
    /// What it is to, in operators' words: `pg0`, `pg0 10.0.0.1/24`, `table 0 10.1.0.0/24`.
    pub target: String,
    /// The details of the change (`field`, `from`, `to`, `table`, `prefix`, ...).
    #[serde(flatten)]
    pub details: Map<String, Value>,
    /// The change in one line of a plan, after its mark.
    #[serde(skip)]
    pub text: String,
}

impl Change {
    pub fn new(action: Action, kind: Kind, target: impl Into<String>) -> Change {
        let target = target.into();
        Change {
            action,
            kind,
            text: format!("{} {target}", kind_word(kind)),
            target,
            details: Map::new(),
        }
    }

    /// Adds a detail.
    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Change {
        self.details.insert(key.to_string(), value.into());
        self
    }

    /// Sets the plan line's text after the kind and target.
    pub fn note(mut self, note: impl AsRef<str>) -> Change {
        self.text = format!("{} {}{}", kind_word(self.kind), self.target, note.as_ref());
        self
    }

    /// `+ interface loop0 (loopback)`.
    pub fn line(&self) -> String {
        format!("{} {}", self.action.mark(), self.text)
    }
}

fn kind_word(k: Kind) -> &'static str {
    match k {
        Kind::Interface => "interface",
        Kind::Address => "address",
        Kind::Table => "table",
        Kind::Route => "route",
        Kind::Acl => "acl",
        Kind::Binding => "binding",
    }
}

/// Counts of a report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub add: u64,
    pub change: u64,
    pub remove: u64,
    pub total: u64,
}

impl Summary {
    pub fn count(&mut self, a: Action, n: u64) {
        match a {
            Action::Add => self.add += n,
            Action::Change => self.change += n,
            Action::Remove => self.remove += n,
        }
        self.total += n;
    }
}

/// The route changes of one managed table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TableCounts {
    pub table: u32,
    pub add: u64,
    pub change: u64,
    pub remove: u64,
}

/// A route VPP refused, or whose fate is unknown because its connection dropped.
pub use super::routes::Failure as RouteFailure;

/// What an apply did, or (a plan) would do.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// True when this run made its changes and finished: not a plan, no failure.
    pub applied: bool,
    pub dry_run: bool,
    /// The changes made (a plan: to make), in the order made.
    pub changes: Vec<Change>,
    pub summary: Summary,
    /// Route changes per managed table (every one counted).
    pub routes: Vec<TableCounts>,
    /// Route changes counted but not listed in `changes`.
    pub routes_not_listed: u64,
    /// Our FIB source's id; `None` when VPP has none yet (a plan registers nothing).
    pub source_id: Option<u8>,
    /// When the apply stopped: the kind of error (`vpp refused`, `not found`, ...; as the
    /// agent's errors), and `detail` what exactly.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The change that failed, when one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failed: Option<Change>,
    /// Routes VPP refused (the apply stopped after the routes).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub route_failures: Vec<RouteFailure>,
    /// Route changes whose fate is unknown (a connection dropped with them in flight).
    #[serde(skip_serializing_if = "is_zero")]
    pub routes_unknown: u64,
    /// On failure: the planned changes that were not made, in order (route changes
    /// not made are not listed one by one).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_done: Vec<Change>,
    /// On failure before the routes: the tables whose routes were not compared.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tables_not_done: Vec<u32>,
    /// Routes of ours already as the document gives them.
    pub routes_unchanged: u64,
    /// Stopped by an interrupt.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub interrupted: bool,
    /// Route changes listed so far.
    #[serde(skip)]
    listed: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Report {
    /// Records a change made (or, for a plan, to make).
    pub fn push(&mut self, c: Change) {
        self.summary.count(c.action, 1);
        self.changes.push(c);
    }

    /// Lists a route change while fewer than [`LISTED_ROUTES`] are, else counts it in
    /// `routes_not_listed` (its counts are kept by [`Report::count_route`]).
    pub fn list_route(&mut self, c: Change) {
        if self.listed < LISTED_ROUTES {
            self.listed += 1;
            self.changes.push(c);
        } else {
            self.routes_not_listed += 1;
        }
    }

    /// Counts `n` route changes of one table in the summary and per table.
    pub fn count_route(&mut self, a: Action, table: u32, n: u64) {
        self.summary.count(a, n);
        let t = self.table(table);
        match a {
            Action::Add => t.add += n,
            Action::Change => t.change += n,
            Action::Remove => t.remove += n,
        }
    }

    /// Takes back one route change counted by [`Report::count_route`] (VPP refused it).
    pub fn uncount_route(&mut self, a: Action, table: u32) {
        let t = self.table(table);
        let n = match a {
            Action::Add => &mut t.add,
            Action::Change => &mut t.change,
            Action::Remove => &mut t.remove,
        };
        if *n > 0 {
            *n -= 1;
            let s = &mut self.summary;
            match a {
                Action::Add => s.add -= 1,
                Action::Change => s.change -= 1,
                Action::Remove => s.remove -= 1,
            }
            s.total -= 1;
        }
    }

    /// The counts of `table`, made on first use.
    pub fn table(&mut self, table: u32) -> &mut TableCounts {
        let i = match self.routes.iter().position(|t| t.table == table) {
            Some(i) => i,
            None => {
                self.routes.push(TableCounts {
                    table,
                    ..Default::default()
                });
                self.routes.len() - 1
            }
        };
        &mut self.routes[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_changes_are_all_counted_but_listed_only_up_to_the_bound() {
        let mut r = Report::default();
        r.push(Change::new(Action::Add, Kind::Table, "5 ipv4"));
        let n = LISTED_ROUTES + 7;
        for i in 0..n {
            let table = (i % 2) as u32;
            r.count_route(Action::Add, table, 1);
            r.list_route(Change::new(
                Action::Add,
                Kind::Route,
                format!("table {table} {i}"),
            ));
        }
        r.uncount_route(Action::Add, 1);
        assert_eq!(r.changes.len() as u64, 1 + LISTED_ROUTES);
        assert_eq!(r.routes_not_listed, 7);
        assert_eq!(r.summary.total, 1 + n - 1);
        let per_table: Vec<u64> = r.routes.iter().map(|t| t.add).collect();
        assert_eq!(per_table, [n.div_ceil(2), n / 2 - 1]);
    }
}
