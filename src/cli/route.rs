//! `vppx route ...`.

use super::args::{Pipelining, RouteCommand, TableCommand};
use super::context::Context;
use super::exit::CliError;
use crate::client::Client;
use crate::ops::routes::load::{self, LoadPlan, LoadSummary, Progress};
use crate::ops::routes::vpp::{self, Route, Table};
use crate::ops::routes::{
    parse_prefix, parse_route_key_words, parse_route_words, LoadOptions, RouteSource,
};

const HEADERS: &[&str] = &[
    "table",
    "prefix",
    "type",
    "next hop",
    "interface",
    "weight",
    "pref",
    "source",
];

fn rows(routes: &[Route]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for r in routes {
        for (i, p) in r.paths.iter().enumerate() {
            let (table, prefix) = if i == 0 {
                (r.table.to_string(), r.prefix.to_string())
            } else {
                (String::new(), String::new())
            };
            out.push(vec![
                table,
                prefix,
                p.r#type.clone(),
                p.next_hop.map(|a| a.to_string()).unwrap_or_default(),
                p.interface.clone().unwrap_or_default(),
                p.weight.to_string(),
                p.preference.to_string(),
                if i == 0 {
                    r.source.clone().unwrap_or_default()
                } else {
                    String::new()
                },
            ]);
        }
    }
    out
}

fn table_rows(tables: &[Table]) -> Vec<Vec<String>> {
    tables
        .iter()
        .map(|t| vec![t.family.to_string(), t.table.to_string(), t.name.clone()])
        .collect()
}

pub fn run(ctx: &mut Context, cmd: RouteCommand) -> anyhow::Result<()> {
    match cmd {
        RouteCommand::Add {
            words,
            create_tables,
        } => {
            let spec = parse_route_words(&words).map_err(|e| CliError::bad_input(e.to_string()))?;
            let mut client = ctx.client(&[vpp::MESSAGES])?;
            if create_tables {
                vpp::table_add_del(&mut client, spec.table, spec.is_ipv6(), true)?;
            }
            let route = vpp::add(&mut client, &spec)?;
            ctx.out
                .print(&route, HEADERS, rows(std::slice::from_ref(&route)));
            client.close()?;
        }
        RouteCommand::Del { words } => {
            let key =
                parse_route_key_words(&words).map_err(|e| CliError::bad_input(e.to_string()))?;
            let mut client = ctx.client(&[vpp::MESSAGES])?;
            let route = vpp::del(&mut client, &key)?;
            ctx.out
                .print(&route, HEADERS, rows(std::slice::from_ref(&route)));
            client.close()?;
        }
        RouteCommand::Load {
            file,
            delete,
            replace,
            source_priority,
            dry_run,
            keep_going,
            create_tables,
            pipelining:
                Pipelining {
                    window,
                    connections,
                },
            table,
        } => {
            if !replace && table.len() > 1 {
                return Err(CliError::bad_input(
                    "--table may be given once (several only with --replace)",
                )
                .into());
            }
            let default_table = table.first().copied().unwrap_or(0);
            let plan = LoadPlan {
                delete,
                keep_going,
                create_tables,
                connections: connections.into(),
                window: window.into(),
                options: LoadOptions {
                    default_table,
                    ..LoadOptions::default()
                },
            };
            if replace {
                return super::replace::run(ctx, &file, dry_run, &plan, &table, source_priority);
            }
            return load(ctx, &file, dry_run, &plan);
        }
        RouteCommand::List { table, prefix } => {
            let prefix = match prefix {
                Some(p) => Some(parse_prefix(&p).map_err(|e| CliError::bad_input(e.to_string()))?),
                None => None,
            };
            let mut client = ctx.client(&[vpp::MESSAGES])?;
            let routes = vpp::list(&mut client, table, prefix)?;
            ctx.out.print(&routes, HEADERS, rows(&routes));
            client.close()?;
        }
        RouteCommand::Table { command } => {
            let mut client = ctx.client(&[vpp::MESSAGES])?;
            match command {
                TableCommand::Add { table, family } | TableCommand::Del { table, family } => {
                    let is_add = matches!(command, TableCommand::Add { .. });
                    for is_ip6 in family.selected() {
                        vpp::table_add_del(&mut client, table, is_ip6, is_add)?;
                    }
                }
                TableCommand::List => {}
            }
            let tables = vpp::tables(&mut client)?;
            ctx.out
                .print(&tables, &["family", "table", "name"], table_rows(&tables));
            client.close()?;
        }
    }
    Ok(())
}

fn print_summary(ctx: &Context, s: &LoadSummary) {
    if ctx.out.json {
        ctx.out.json_line(s);
        return;
    }
    for f in &s.failures {
        eprintln!("{}:{}: {}: {}", s.file, f.lines, f.prefix, f.error);
    }
    let done = if s.delete { "removed" } else { "programmed" };
    let mut text = format!(
        "{} routes ({} lines): {} {}, {} failed",
        s.requested, s.lines, s.programmed, done, s.failed
    );
    if s.unknown > 0 {
        text.push_str(&format!(", {} unknown (connection lost)", s.unknown));
    }
    if s.not_sent > 0 {
        text.push_str(&format!(", {} not sent", s.not_sent));
    }
    if s.dry_run {
        text.push_str(" (dry run: nothing sent)");
    } else {
        text.push_str(&format!(
            " in {:.3}s, {:.0} routes/s over {} connections, window {}",
            s.elapsed_seconds, s.routes_per_second, s.connections, s.window
        ));
    }
    ctx.out.text(&format!("{text}\n"));
}

fn load(ctx: &mut Context, file: &str, dry_run: bool, plan: &LoadPlan) -> anyhow::Result<()> {
    let source =
        RouteSource::open(file).map_err(|e| CliError::bad_input(format!("{file}: {e}")))?;
    let mut client = ctx.client(&[vpp::MESSAGES])?;
    let (validation, names) = load::check(&mut client, &source, plan)?;
    for e in &validation.errors {
        eprintln!("{e}");
    }
    if validation.bad_lines as usize > validation.errors.len() {
        eprintln!(
            "{}: {} more bad lines not shown",
            source.name(),
            validation.bad_lines as usize - validation.errors.len()
        );
    }
    if dry_run || (!validation.is_ok() && !plan.keep_going) {
        let summary = LoadSummary {
            file: source.name().to_string(),
            dry_run: true,
            delete: plan.delete,
            requested: validation.routes + validation.failed_routes,
            lines: validation.route_lines + validation.bad_lines,
            failed: validation.failed_routes,
            bad_lines: validation.bad_lines,
            connections: plan.connections,
            window: plan.window,
            ..Default::default()
        };
        print_summary(ctx, &summary);
        client.close()?;
        if !validation.is_ok() {
            return Err(CliError::bad_input(format!(
                "{}: {} bad lines; nothing was programmed (--keep-going programs the rest)",
                source.name(),
                validation.bad_lines
            ))
            .into());
        }
        return Ok(());
    }
    let socket = ctx.socket.clone();
    let opts = ctx.connect.clone();
    let connect = move || {
        let c = Client::connect(&socket, &opts)?;
        c.require(vpp::MESSAGES)?;
        Ok(c)
    };
    let progress = Progress::default();
    let total = validation.routes;
    let stop = std::sync::atomic::AtomicBool::new(false);
    let result = std::thread::scope(|s| {
        let bar = progress_bar(total);
        if let Some(bar) = &bar {
            let (bar, stop, progress) = (bar.clone(), &stop, &progress);
            s.spawn(move || {
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    bar.set_position(progress.done.load(std::sync::atomic::Ordering::Relaxed));
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                bar.finish_and_clear();
            });
        }
        let r = load::program(
            &mut client,
            &source,
            plan,
            validation,
            names,
            &connect,
            &progress,
        );
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        r
    })?;
    print_summary(ctx, &result.summary);
    let _ = client.close();
    if let Some(e) = result.disconnected {
        return Err(e.into());
    }
    if result.summary.failed > 0 {
        return Err(CliError {
            code: super::exit::REFUSED,
            message: format!("{} routes failed", result.summary.failed),
        }
        .into());
    }
    Ok(())
}

/// A bar on a terminal only: scripts and pipes get the summary alone.
fn progress_bar(total: u64) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} routes {per_sec} eta {eta}")
    {
        bar.set_style(style);
    }
    Some(bar)
}
