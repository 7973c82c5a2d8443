//! `vppx route load --replace`: parse, call [`crate::ops::desired::routes::replace`],
//! render.

use std::collections::BTreeSet;

use super::context::Context;
use super::exit::CliError;
use crate::client::Client;
use crate::ops::desired::routes::{self, ManagedTable, ReplaceOptions, ReplaceSummary};
use crate::ops::desired::source;
use crate::ops::routes::load::{self, LoadPlan};
use crate::ops::routes::program::Stop;
use crate::ops::routes::vpp;
use crate::ops::routes::RouteSource;

fn messages() -> [&'static [&'static str]; 3] {
    [vpp::MESSAGES, source::MESSAGES, routes::MESSAGES]
}

pub fn run(
    ctx: &mut Context,
    file: &str,
    dry_run: bool,
    plan: &LoadPlan,
    tables: &[u32],
    priority: u8,
) -> crate::error::Result<()> {
    let flag = super::interrupt::install()?;
    let stop = Stop::on_interrupt(flag);
    let src = RouteSource::open(file).map_err(|e| CliError::bad_input(format!("{file}: {e}")))?;
    let mut client = ctx.client(&messages())?;
    let (validation, checked) = load::check(&mut client, &src, plan, &stop)?;
    let names = &checked.names;
    for line in super::route::bad_line_text(src.name(), &validation) {
        eprintln!("{line}");
    }
    if !validation.is_ok() {
        return Err(CliError::bad_input(format!(
            "{}: {} bad lines; nothing was changed",
            src.name(),
            validation.bad_lines
        ))
        .into());
    }
    // The managed tables: those given, both families; else those the file names.
    let managed: BTreeSet<ManagedTable> = if tables.is_empty() {
        validation
            .tables
            .iter()
            .map(|t| ManagedTable {
                table: t.table,
                is_ip6: t.is_ip6,
            })
            .collect()
    } else {
        let given: BTreeSet<u32> = tables.iter().copied().collect();
        if let Some(t) = validation.tables.iter().find(|t| !given.contains(&t.table)) {
            return Err(CliError::bad_input(format!(
                "{}: names table {}, which is not one of the --table given; nothing was changed",
                src.name(),
                t.table
            ))
            .into());
        }
        let existing = vpp::tables(&mut client)?;
        given
            .iter()
            .flat_map(|&table| {
                [false, true]
                    .into_iter()
                    .map(move |is_ip6| ManagedTable { table, is_ip6 })
            })
            .filter(|m| {
                existing
                    .iter()
                    .any(|t| t.table == m.table && (t.family == "ipv6") == m.is_ip6)
            })
            .collect()
    };
    let own = if dry_run {
        source::find(&mut client)?
    } else {
        Some(source::ensure(&mut client, priority)?)
    };
    let socket = ctx.socket.clone();
    let opts = ctx.connect.clone();
    let connect = move || {
        let c = Client::connect(&socket, &opts)?;
        c.require(routes::MESSAGES)?;
        Ok(c)
    };
    let reader = src
        .routes(&plan.options)
        .map_err(|e| CliError::bad_input(format!("{file}: {e}")))?;
    let resolve = |n: &str| names.index(n);
    let mut specs = reader.with_interfaces(&resolve).flatten();
    let result = routes::replace(
        &mut client,
        &mut specs,
        &managed,
        names,
        own,
        &ReplaceOptions {
            dry_run,
            connections: plan.connections,
            window: plan.window,
        },
        &connect,
        &stop,
    )?;
    print(ctx, src.name(), &result.summary)?;
    let _ = client.close();
    if result.summary.interrupted {
        return Err(CliError {
            class: crate::error::ErrorClass::Interrupted,
            message: "interrupted".to_string(),
        }
        .into());
    }
    if let Some(e) = result.disconnected {
        return Err(e.into());
    }
    if result.summary.failed > 0 {
        return Err(CliError {
            class: crate::error::ErrorClass::Refused,
            message: format!("{} routes failed", result.summary.failed),
        }
        .into());
    }
    Ok(())
}

fn print(ctx: &Context, file: &str, s: &ReplaceSummary) -> crate::error::Result<()> {
    if ctx.out.json {
        ctx.out.print(s, &[], Vec::new())?;
        return Ok(());
    }
    for f in &s.failures {
        eprintln!(
            "{file}: {:?} {} table {}: {}",
            f.op, f.prefix, f.table, f.error
        );
    }
    if s.dry_run {
        let rows = s
            .changes
            .iter()
            .map(|c| {
                vec![
                    c.op.mark().to_string(),
                    c.table.to_string(),
                    c.prefix.to_string(),
                    c.line.map(|l| l.to_string()).unwrap_or_default(),
                ]
            })
            .collect::<Vec<_>>();
        if !rows.is_empty() {
            ctx.out.text(&format!(
                "{}\n",
                super::output::table(&["", "table", "prefix", "line"], rows)
            ))?;
        }
    }
    let verb = if s.dry_run { "would be " } else { "" };
    ctx.out.text(&format!(
        "{file}: {} added, {} changed, {} removed, {} unchanged ({verb}in {} tables){}{}\n",
        s.added,
        s.changed,
        s.removed,
        s.unchanged,
        s.tables.len(),
        if s.failed > 0 {
            format!(", {} failed", s.failed)
        } else {
            String::new()
        },
        if s.dry_run {
            String::new()
        } else {
            format!(
                "; {:.2} s, {} connections × window {}",
                s.elapsed_seconds, s.connections, s.window
            )
        }
    ))?;
    Ok(())
}
