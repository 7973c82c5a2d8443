//! Making a document so: the plan's steps, taken in order, routes through the replace
//! engine of [`super::routes`]. The first failure stops the apply; the report says what
//! was done, what failed and what was not done (see docs/design.md, “Desired state”).

use super::document::Document;
use super::plan::{plan, Current, Plan, Step, StepOp};
use super::report::{Change, Kind, Report};
use super::routes::{self as managed, ReplaceOptions};
use super::source::{self, OwnSource};
use crate::client::{Client, ClientError};
use crate::ops::acl;
use crate::ops::error::{OpsError, Result};
use crate::ops::iface;
use crate::ops::routes::csv::{LoadOptions, RouteSource};
use crate::ops::routes::program::Stop;
use crate::ops::routes::vpp::{self, InterfaceNames};
use crate::ops::routes::RouteSpec;

/// How to apply.
#[derive(Debug, Clone)]
pub struct ApplyOptions {
    /// Work out the changes and send nothing.
    pub dry_run: bool,
    /// The priority our FIB source is registered with if VPP has none.
    pub priority: u8,
    /// Route connections and window (as `route load`).
    pub connections: usize,
    pub window: usize,
}

impl Default for ApplyOptions {
    fn default() -> Self {
        ApplyOptions {
            dry_run: false,
            priority: source::DEFAULT_PRIORITY,
            connections: 1,
            window: 64,
        }
    }
}

/// The report, and the error that stopped the apply (its class gives the exit code).
pub struct Outcome {
    pub report: Report,
    pub error: Option<OpsError>,
}

/// The messages an apply may use.
pub fn messages() -> Vec<&'static str> {
    let mut m: Vec<&'static str> = Vec::new();
    for l in [
        iface::MESSAGES,
        vpp::MESSAGES,
        acl::MESSAGES,
        source::MESSAGES,
        managed::MESSAGES,
    ] {
        m.extend(l.iter().copied());
    }
    m.sort_unstable();
    m.dedup();
    m
}

/// Checks `doc` against VPP (an error names where in the document it is, and nothing is
/// sent), then makes it so, or with `dry_run` only says what that would change.
/// `connect` opens one more connection for routes.
pub fn apply(
    client: &mut Client,
    doc: &Document,
    opts: &ApplyOptions,
    connect: &(dyn Fn() -> std::result::Result<Client, ClientError> + Sync),
    stop: &Stop,
) -> Result<Outcome> {
    let current = Current::read(client)?;
    let plan = plan(doc, &current)?;
    let mut report = Report::default();
    report.dry_run = opts.dry_run;
    let mut run = Run {
        report: &mut report,
        opts,
        stop,
    };
    let error = run.all(client, doc, &current, &plan, connect);
    report.applied = !opts.dry_run && error.is_none();
    if let Some(e) = &error {
        report.error = Some(crate::error::Classify::class(e).kind());
        report.detail = Some(crate::error::chain(e));
    }
    Ok(Outcome { report, error })
}

struct Run<'a> {
    report: &'a mut Report,
    opts: &'a ApplyOptions,
    stop: &'a Stop,
}

impl Run<'_> {
    fn all(
        &mut self,
        client: &mut Client,
        doc: &Document,
        current: &Current,
        plan: &Plan,
        connect: &(dyn Fn() -> std::result::Result<Client, ClientError> + Sync),
    ) -> Option<OpsError> {
        let after: Vec<&Step> = plan.after_routes.iter().collect();
        if let Some(e) = self.steps(client, &plan.before_routes, &after) {
            self.report.tables_not_done = plan.managed.iter().map(|t| t.table).collect();
            self.report.tables_not_done.dedup();
            return Some(e);
        }
        if !plan.managed.is_empty() {
            if let Err(e) = self.routes(client, doc, current, plan, connect) {
                self.not_done(&after);
                return Some(e);
            }
        }
        self.steps(client, &plan.after_routes, &[])
    }

    /// Takes `steps` in order; on the first failure records it, and as not done the
    /// steps after it and `later`.
    fn steps(&mut self, client: &mut Client, steps: &[Step], later: &[&Step]) -> Option<OpsError> {
        for (i, step) in steps.iter().enumerate() {
            let error = if self.stop.is_set() {
                self.report.interrupted = true;
                Some(OpsError::Refused("interrupted".into()))
            } else if self.opts.dry_run {
                None
            } else {
                take(client, &step.op).err()
            };
            if let Some(e) = error {
                if !self.report.interrupted {
                    self.report.failed = Some(step.change.clone());
                } else {
                    self.report.not_done.push(step.change.clone());
                }
                let rest: Vec<&Step> = steps[i + 1..].iter().chain(later.iter().copied()).collect();
                self.not_done(&rest);
                return Some(e);
            }
            self.report.push(step.change.clone());
        }
        None
    }

    fn not_done(&mut self, steps: &[&Step]) {
        self.report
            .not_done
            .extend(steps.iter().map(|s| s.change.clone()));
    }

    fn routes(
        &mut self,
        client: &mut Client,
        doc: &Document,
        current: &Current,
        plan: &Plan,
        connect: &(dyn Fn() -> std::result::Result<Client, ClientError> + Sync),
    ) -> Result<()> {
        // Interfaces made by this apply have their indexes only now.
        let fresh;
        let names: &InterfaceNames = if self.opts.dry_run {
            &current.names
        } else {
            fresh = InterfaceNames::load(client)?;
            &fresh
        };
        let own: Option<OwnSource> = if self.opts.dry_run {
            source::find(client)?
        } else {
            Some(source::ensure(client, self.opts.priority)?)
        };
        self.report.source_id = own.map(|s| s.id);
        let sources: Vec<(u32, RouteSource)> = doc
            .routes
            .iter()
            .flat_map(|rt| rt.files.iter().map(move |f| (rt.table.value, f)))
            .map(|(t, f)| {
                RouteSource::open(&f.path.display().to_string())
                    .map(|s| (t, s))
                    .map_err(|e| OpsError::File {
                        path: f.path.clone(),
                        source: e,
                    })
            })
            .collect::<Result<_>>()?;
        let created = doc.created();
        let resolve = |n: &str| names.index(n).or_else(|| created.get(n).map(|_| u32::MAX));
        let mut readers = Vec::new();
        for (t, s) in &sources {
            let opts = LoadOptions {
                default_table: *t,
                ..Default::default()
            };
            let reader = s.routes(&opts).map_err(|e| OpsError::File {
                path: s.name().into(),
                source: e,
            })?;
            readers.push(reader.with_interfaces(&resolve).flatten());
        }
        let inline = doc.routes.iter().flat_map(|rt| rt.routes.iter().cloned());
        let mut all: Box<dyn Iterator<Item = RouteSpec>> =
            Box::new(inline.chain(readers.into_iter().flatten()));
        let report = &mut *self.report;
        let result = managed::replace_each(
            client,
            &mut all,
            &plan.managed,
            names,
            own,
            &ReplaceOptions {
                dry_run: self.opts.dry_run,
                connections: self.opts.connections,
                window: self.opts.window,
            },
            connect,
            self.stop,
            &mut |c| {
                report.count_route(c.op, c.table, 1);
                report.list_route(
                    Change::new(c.op, Kind::Route, format!("table {} {}", c.table, c.prefix))
                        .with("table", c.table)
                        .with("prefix", c.prefix.to_string()),
                );
            },
        )?;
        let s = result.summary;
        self.report.routes_unchanged = s.unchanged;
        // What VPP refused was not done: counted out again.
        for f in &s.failures {
            self.report.uncount_route(f.op, f.table);
        }
        self.report.routes_unknown = s.unknown;
        self.report.route_failures = s.failures;
        if s.interrupted {
            self.report.interrupted = true;
            return Err(OpsError::Refused("interrupted".into()));
        }
        if let Some(e) = result.disconnected {
            return Err(e.into());
        }
        if s.failed > 0 {
            return Err(OpsError::Refused(format!(
                "VPP refused {} route changes",
                s.failed
            )));
        }
        Ok(())
    }
}

/// Sends one step.
fn take(client: &mut Client, op: &StepOp) -> Result<()> {
    match op {
        StepOp::CreateLoopback { instance } => {
            iface::create_loopback(client, None, Some(*instance))?;
        }
        StepOp::Admin { iface: name, up } => {
            iface::set_admin(client, name, *up)?;
        }
        StepOp::Mtu { iface: name, mtu } => {
            iface::set_mtu(client, name, *mtu)?;
        }
        StepOp::Address {
            iface: name,
            prefix,
            add,
        } => {
            if *add {
                iface::add_address(client, name, *prefix)?;
            } else {
                iface::del_address(client, name, *prefix, iface::IfMissing::Ignore)?;
            }
        }
        StepOp::Table(t) => vpp::table_add_del(client, t.table, t.is_ip6, true)?,
        StepOp::Acl { name, rules } => {
            acl::set(client, name, rules)?;
        }
        StepOp::Bindings {
            iface: name,
            input,
            output,
        } => {
            if input.is_some() || output.is_some() {
                acl::set_interface_acls(client, name, input.as_deref(), output.as_deref())?;
            }
        }
    }
    Ok(())
}
