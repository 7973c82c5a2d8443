//! `vppx apply`: read the document, call [`crate::ops::desired::execute::apply`] (or
//! [`crate::ops::desired::export::export`]), render the report.

use std::path::Path;

use super::args::ApplyArgs;
use super::context::Context;
use super::exit::{self, CliError};
use crate::client::Client;
use crate::error::ErrorClass;
use crate::ops::desired::document::Document;
use crate::ops::desired::execute::{self, ApplyOptions};
use crate::ops::desired::export;
use crate::ops::desired::report::{Kind, Report};
use crate::ops::input::{read_text, MAX_INPUT};
use crate::ops::routes::program::Stop;

/// Route changes a text plan lists one by one; above that it gives counts per table.
pub const TEXT_ROUTES: usize = 50;

/// The largest document read (route files aside: those are streamed).
const MAX_DOCUMENT: u64 = MAX_INPUT;

pub fn run(ctx: &mut Context, args: &ApplyArgs) -> crate::error::Result<u8> {
    if let Some(to) = &args.export {
        return run_export(ctx, to).map(|()| exit::OK);
    }
    let file = args.file.as_deref().unwrap_or("-");
    let (text, name, base) = read_document(file)?;
    let doc = Document::parse(&text, &name, Some(&base))?;
    let flag = super::interrupt::install()?;
    let stop = Stop::on_interrupt(flag);
    let messages = execute::messages();
    let mut client = ctx.client(&[&messages])?;
    let socket = ctx.socket.clone();
    let copts = ctx.connect.clone();
    let connect = move || {
        let c = Client::connect(&socket, &copts)?;
        c.require(crate::ops::desired::routes::MESSAGES)?;
        Ok(c)
    };
    let opts = ApplyOptions {
        dry_run: args.plan,
        priority: args.source_priority,
        connections: usize::from(args.pipelining.connections),
        window: usize::from(args.pipelining.window),
    };
    let outcome = execute::apply(&mut client, &doc, &opts, &connect, &stop)?;
    let _ = client.close();
    print(ctx, &outcome.report)?;
    if let Some(e) = outcome.error {
        if outcome.report.interrupted {
            return Err(CliError::new(ErrorClass::Interrupted, "interrupted").into());
        }
        return Err(e.into());
    }
    if args.exit_code && outcome.report.summary.total > 0 {
        return Ok(1);
    }
    Ok(exit::OK)
}

/// The document's text, its name in messages, and the directory its route files are
/// read from.
fn read_document(file: &str) -> crate::error::Result<(String, String, std::path::PathBuf)> {
    let text = read_text(file, MAX_DOCUMENT).map_err(|e| {
        CliError::bad_input(format!(
            "cannot read {file}: {e} (put routes in route files)"
        ))
    })?;
    let (name, base) = if file == "-" {
        (
            "<stdin>".to_string(),
            std::env::current_dir().unwrap_or_default(),
        )
    } else {
        let dir = Path::new(file)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| Path::new(".").to_path_buf(), Path::to_path_buf);
        (file.to_string(), dir)
    };
    Ok((text, name, base))
}

fn run_export(ctx: &mut Context, to: &str) -> crate::error::Result<()> {
    let messages = execute::messages();
    let mut client = ctx.client(&[&messages])?;
    let yaml = export::export(&mut client)?.to_yaml()?;
    let _ = client.close();
    if to == "-" {
        return ctx.out.text(&yaml);
    }
    std::fs::write(to, yaml)
        .map_err(|e| CliError::bad_input(format!("cannot write {to}: {e}")).into())
}

/// The lines of a report as text: each change, route changes one by one up to
/// [`TEXT_ROUTES`] and as counts per table beyond, then the totals.
pub fn text(r: &Report) -> String {
    let routes = (r.summary.total as usize)
        .saturating_sub(r.changes.iter().filter(|c| c.kind != Kind::Route).count());
    let mut out = String::new();
    let mut counted = false;
    for c in &r.changes {
        if c.kind == Kind::Route && routes > TEXT_ROUTES {
            if !counted {
                counted = true;
                for t in &r.routes {
                    out.push_str(&format!(
                        "± routes of table {}: +{} ~{} -{}\n",
                        t.table, t.add, t.change, t.remove
                    ));
                }
            }
            continue;
        }
        out.push_str(&c.line());
        out.push('\n');
    }
    let s = &r.summary;
    let verb = if r.dry_run {
        "Plan"
    } else if r.applied {
        "Applied"
    } else {
        "Done before the failure"
    };
    if s.total == 0 && r.error.is_none() {
        out.push_str(if r.dry_run {
            "No changes: the node is as the document says.\n"
        } else {
            "No changes made: the node was as the document says.\n"
        });
    } else {
        let (a, c, d) = if r.dry_run {
            ("to add", "to change", "to remove")
        } else {
            ("added", "changed", "removed")
        };
        out.push_str(&format!(
            "{verb}: {} {a}, {} {c}, {} {d}; {} routes unchanged.\n",
            s.add, s.change, s.remove, r.routes_unchanged
        ));
    }
    out
}

fn print(ctx: &Context, r: &Report) -> crate::error::Result<()> {
    if ctx.out.json {
        return ctx.out.json_line(r);
    }
    ctx.out.text(&text(r))?;
    if let Some(f) = &r.failed {
        eprintln!("failed: {}", f.line());
    }
    for f in r.route_failures.iter().take(20) {
        eprintln!("failed: route table {} {}: {}", f.table, f.prefix, f.error);
    }
    if r.route_failures.len() > 20 {
        eprintln!("failed: {} more routes", r.route_failures.len() - 20);
    }
    if r.routes_unknown > 0 {
        eprintln!(
            "unknown: {} route changes in flight when the connection dropped",
            r.routes_unknown
        );
    }
    for c in &r.not_done {
        eprintln!("not done: {}", c.line());
    }
    for t in &r.tables_not_done {
        eprintln!("not done: routes of table {t}");
    }
    Ok(())
}
