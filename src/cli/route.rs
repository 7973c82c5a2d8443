//! `vppx route ...`.
//!
//! One file, past 600 lines: every `vppx route` subcommand's parse, call and render, which
//! share the load report and its progress bar.

use super::args::{Pipelining, RouteCommand, TableCommand};
use super::context::Context;
use super::exit::CliError;
use super::interrupt;
use super::stream_table::StreamTable;
use crate::client::Client;
use crate::ops::routes::capacity;
use crate::ops::routes::csv::MAX_TABLES;
use crate::ops::routes::list;
use crate::ops::routes::load::{self, LoadPlan, LoadSummary};
use crate::ops::routes::program::{Progress, Stop, StopReason};
use crate::ops::routes::vpp::{self, Route, Table};
use crate::ops::routes::{
    parse_route_key_words, parse_route_words, LoadOptions, RouteSource, Validation,
};
use crate::stats::StatsClient;

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

pub fn run(ctx: &mut Context, cmd: RouteCommand) -> crate::error::Result<()> {
    match cmd {
        RouteCommand::Add {
            words,
            create_tables,
        } => {
            let spec = parse_route_words(&words).map_err(|e| CliError::bad_input(e.to_string()))?;
            let mut client = ctx.client(&[vpp::MESSAGES])?;
            let route = vpp::add(&mut client, &spec, create_tables)?;
            ctx.out
                .print(&route, HEADERS, rows(std::slice::from_ref(&route)))?;
            client.close()?;
        }
        RouteCommand::Del { words } => {
            let mut client = ctx.client(&[vpp::MESSAGES])?;
            let key = match parse_route_key_words(&words) {
                Ok(key) => key,
                // A connected route as VPP's details carry it (198.18.0.1/24) names the
                // route; any other prefix with host bits set is a mistake.
                Err(e) => list::connected_key(&mut client, &words)?
                    .ok_or_else(|| CliError::bad_input(e.to_string()))?,
            };
            let route = vpp::del(&mut client, &key)?;
            ctx.out
                .print(&route, HEADERS, rows(std::slice::from_ref(&route)))?;
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
            force,
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
            return load(ctx, &file, dry_run, force, &plan);
        }
        RouteCommand::List {
            table,
            prefix,
            counters,
        } => {
            let prefix = prefix.as_deref().map(any_prefix).transpose()?;
            let mut client = ctx.client(&[vpp::MESSAGES])?;
            let mut listing = list::Listing::read(&mut client, list::ListQuery { table, prefix })?;
            client.close()?;
            listing.sort();
            let totals = if counters {
                Some(route_totals(ctx)?)
            } else {
                None
            };
            print_listing(ctx, &listing, totals.as_deref())?;
        }
        RouteCommand::Show { words } => {
            let key = match parse_route_key_words(&words) {
                Ok(key) => key,
                Err(e) => parse_route_key_words(&list::network_words(&words))
                    .map_err(|_| CliError::bad_input(e.to_string()))?,
            };
            let mut client = ctx.client(&[vpp::MESSAGES])?;
            let mut route = list::show(&mut client, &key)?;
            client.close()?;
            // The route is worth showing even when its counters cannot be read.
            match route_totals(ctx) {
                Ok(totals) => {
                    route.counters = Some(list::RouteCounters::at(&totals, route.stats_index))
                }
                Err(e) => eprintln!("vppx: no counters: {e:#}"),
            }
            let mut headers = HEADERS.to_vec();
            headers.extend(["packets", "bytes"]);
            let rows = with_counters(&route);
            ctx.out.print(&route, &headers, rows)?;
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
                .print(&tables, &["family", "table", "name"], table_rows(&tables))?;
            client.close()?;
        }
    }
    Ok(())
}

/// A prefix to filter on: see [`list::any_prefix`].
fn any_prefix(word: &str) -> Result<ipnet::IpNet, CliError> {
    list::any_prefix(word).map_err(|e| CliError::bad_input(e.to_string()))
}

/// `/net/route/to` summed over threads, by stats index.
fn route_totals(ctx: &Context) -> crate::error::Result<Vec<crate::stats::CombinedCounter>> {
    let mut stats = crate::stats::StatsClient::connect(&ctx.stats_socket)?;
    Ok(stats.combined_totals(list::ROUTE_TO)?.unwrap_or_default())
}

/// The rows of one route with its counters on the first row.
fn with_counters(route: &Route) -> Vec<Vec<String>> {
    let mut out = rows(std::slice::from_ref(route));
    for (i, row) in out.iter_mut().enumerate() {
        match (i, route.counters) {
            (0, Some(c)) => row.extend([c.packets.to_string(), c.bytes.to_string()]),
            _ => row.extend([String::new(), String::new()]),
        }
    }
    out
}

/// How many failures and bad lines the text output shows before it only counts.
const SHOWN: usize = 20;

/// `1999980` → `1,999,980`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The bad lines of a validation, grouped: missing tables once each, then the first
/// [`SHOWN`] other bad lines, then how many more.
pub(super) fn bad_line_text(file: &str, v: &Validation) -> Vec<String> {
    let mut out = Vec::new();
    for t in v.missing_tables.values().take(SHOWN) {
        out.push(format!(
            "{file}: table {} ({}) does not exist in VPP: {} lines, the first at line {} (--create-tables creates it)",
            t.table,
            t.family,
            thousands(t.lines),
            t.first_line
        ));
    }
    if v.missing_tables.len() > SHOWN {
        out.push(format!(
            "{file}: {} more missing tables",
            thousands((v.missing_tables.len() - SHOWN) as u64)
        ));
    }
    if v.too_many_tables {
        out.push(format!(
            "{file}: more than {} distinct tables in one load",
            thousands(MAX_TABLES as u64)
        ));
    }
    for e in v.errors.iter().take(SHOWN) {
        out.push(e.to_string());
    }
    let in_tables: u64 = v.missing_tables.values().map(|t| t.lines).sum();
    let shown = v.errors.len().min(SHOWN) as u64;
    let more = v.bad_lines.saturating_sub(in_tables).saturating_sub(shown);
    if more > 0 {
        out.push(format!("{file}: {} more bad lines", thousands(more)));
    }
    out
}

/// Refusals, grouped: the first [`SHOWN`] in file order, then a count per error name.
fn failure_text(s: &LoadSummary) -> Vec<String> {
    let shown = &s.failures[..s.failures.len().min(SHOWN)];
    let mut out: Vec<String> = shown
        .iter()
        .map(|f| format!("{}:{}: {}: {}", s.file, f.lines, f.prefix, f.error))
        .collect();
    for (name, n) in &s.failures_by_error {
        let left = n.saturating_sub(shown.iter().filter(|f| &f.error_name == name).count() as u64);
        if left > 0 {
            out.push(format!("{}: {} more: {name}", s.file, thousands(left)));
        }
    }
    out
}

/// Prints a listing route by route (a JSON array, or a table measured in a first pass),
/// so that a million routes never exist as strings at once. A closed pipe ends it quietly.
fn print_listing(
    ctx: &Context,
    listing: &list::Listing,
    totals: Option<&[crate::stats::CombinedCounter]>,
) -> crate::error::Result<()> {
    use std::io::Write;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = (|| -> std::io::Result<()> {
        if ctx.out.json {
            out.write_all(b"[")?;
            for (i, r) in listing.routes(totals).enumerate() {
                out.write_all(if i == 0 { b"\n  " } else { b",\n  " })?;
                serde_json::to_writer(&mut out, &r)?;
            }
            out.write_all(if listing.is_empty() { b"]\n" } else { b"\n]\n" })?;
            return out.flush();
        }
        let mut headers = HEADERS.to_vec();
        if totals.is_some() {
            headers.extend(["packets", "bytes"]);
        }
        let mut table = StreamTable::new(&headers);
        for r in listing.routes(totals) {
            for row in with_counters(&r) {
                table.measure(&row);
            }
        }
        table.head(&mut out)?;
        for r in listing.routes(totals) {
            let rows = if totals.is_some() {
                with_counters(&r)
            } else {
                rows(std::slice::from_ref(&r))
            };
            for row in rows {
                table.row(&mut out, &row)?;
            }
        }
        table.foot(&mut out)?;
        out.flush()
    })();
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(crate::error::Error::wrap(
            crate::error::ErrorClass::Internal,
            "cannot write output",
            e,
        )),
        _ => Ok(()),
    }
}

fn print_summary(ctx: &Context, s: &LoadSummary) -> crate::error::Result<()> {
    if ctx.out.json {
        ctx.out.json_line(s)?;
        return Ok(());
    }
    for line in failure_text(s) {
        eprintln!("{line}");
    }
    let done = if s.delete { "removed" } else { "programmed" };
    let mut text = format!(
        "{} routes ({} lines): {} {}, {} failed",
        s.requested, s.lines, s.programmed, done, s.failed
    );
    if s.unknown > 0 {
        text.push_str(&format!(", {} unknown (connection lost)", s.unknown));
    }
    if s.not_sent > 0 || s.interrupted || s.file_changed {
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
    if s.interrupted {
        text.push_str(" (interrupted)");
    }
    ctx.out.text(&format!("{text}\n"))?;
    Ok(())
}

fn interrupted_error() -> crate::error::Error {
    CliError {
        class: crate::error::ErrorClass::Interrupted,
        message: "interrupted".to_string(),
    }
    .into()
}

/// The stats segment, for the capacity guard; `None` (with a notice) if it cannot be read.
fn gauges_reader(ctx: &Context) -> Option<StatsClient> {
    match StatsClient::connect_with_timeout(&ctx.stats_socket, ctx.connect.timeout) {
        Ok(s) => Some(s),
        Err(e) => {
            eprintln!("vppx: cannot read VPP's memory gauges ({e}); capacity not checked");
            None
        }
    }
}

fn load(
    ctx: &mut Context,
    file: &str,
    dry_run: bool,
    force: bool,
    plan: &LoadPlan,
) -> crate::error::Result<()> {
    let flag = interrupt::install()?;
    let stop = Stop::on_interrupt(flag);
    let source =
        RouteSource::open(file).map_err(|e| CliError::bad_input(format!("{file}: {e}")))?;
    let mut client = ctx.client(&[vpp::MESSAGES])?;
    let (validation, checked) = load::check(&mut client, &source, plan, &stop)?;
    for line in bad_line_text(source.name(), &validation) {
        eprintln!("{line}");
    }
    let interrupted = stop.reason() == Some(StopReason::Interrupted);
    if dry_run || interrupted || (!validation.is_ok() && !plan.keep_going) {
        let mut summary = LoadSummary::of_validation(&source, plan, &validation);
        summary.dry_run = !interrupted;
        summary.interrupted = interrupted;
        print_summary(ctx, &summary)?;
        let _ = client.close();
        if interrupted {
            return Err(interrupted_error());
        }
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
    // The capacity guard: refuse what would exhaust one of VPP's heaps.
    let mut gauges = if force || plan.delete {
        None
    } else {
        gauges_reader(ctx)
    };
    if let Some(stats) = gauges.as_mut() {
        match capacity::read(stats) {
            Ok(g) => {
                if let Err(short) = capacity::check(&g, validation.routes) {
                    let summary = LoadSummary::of_validation(&source, plan, &validation);
                    print_summary(ctx, &summary)?;
                    let _ = client.close();
                    return Err(CliError {
                        class: crate::error::ErrorClass::Refused,
                        message: short.to_string(),
                    }
                    .into());
                }
            }
            Err(e) => {
                eprintln!("vppx: cannot read VPP's memory gauges ({e}); capacity not checked")
            }
        }
    }
    let low: std::sync::Mutex<Option<capacity::Heap>> = std::sync::Mutex::new(None);
    let socket = ctx.socket.clone();
    let opts = ctx.connect.clone();
    let connect = move || {
        let c = Client::connect(&socket, &opts)?;
        c.require(vpp::MESSAGES)?;
        Ok(c)
    };
    let progress = Progress::default();
    let total = validation.routes;
    let done = std::sync::atomic::AtomicBool::new(false);
    let result = std::thread::scope(|s| {
        let bar = progress_bar(total);
        if let Some(bar) = &bar {
            let (bar, done, progress) = (bar.clone(), &done, &progress);
            s.spawn(move || {
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    bar.set_position(progress.done.load(std::sync::atomic::Ordering::Relaxed));
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                bar.finish_and_clear();
            });
        }
        if let Some(mut stats) = gauges.take() {
            // VPP refreshes the gauges every few seconds; reading them twice a second
            // sees each refresh.
            let (done, stop, low) = (&done, &stop, &low);
            s.spawn(move || {
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    if let Ok(g) = capacity::read(&mut stats) {
                        if let Some(h) = capacity::low(&g) {
                            if let Ok(mut l) = low.lock() {
                                l.get_or_insert(h);
                            }
                            stop.request(StopReason::LowMemory);
                            return;
                        }
                    }
                    std::thread::sleep(std::time::Duration::from_millis(500));
                }
            });
        }
        let r = load::program(
            &mut client,
            &source,
            plan,
            validation,
            &checked,
            &connect,
            &progress,
            &stop,
        );
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        r
    })?;
    print_summary(ctx, &result.summary)?;
    let _ = client.close();
    if result.stopped == Some(StopReason::Interrupted) {
        return Err(interrupted_error());
    }
    if result.stopped == Some(StopReason::LowMemory) {
        let heap = low.lock().ok().and_then(|l| *l);
        let what = heap.map_or_else(
            || "one of VPP's heaps ran low".to_string(),
            |h| {
                format!(
                    "VPP's {} fell to {} free (under {}); raise {} in VPP's startup.conf",
                    h.name,
                    capacity::mib(h.free),
                    capacity::mib(h.floor()),
                    h.setting()
                )
            },
        );
        return Err(CliError {
            class: crate::error::ErrorClass::Refused,
            message: format!(
                "{what}: stopped, {} routes not sent",
                thousands(result.summary.not_sent)
            ),
        }
        .into());
    }
    if let Some(e) = result.changed {
        return Err(CliError::bad_input(e.to_string()).into());
    }
    if let Some(e) = result.disconnected {
        return Err(e.into());
    }
    if result.summary.failed > 0 {
        return Err(CliError {
            class: crate::error::ErrorClass::Refused,
            message: format!("{} routes failed", thousands(result.summary.failed)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::routes::program::{Failure, Failures};

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_999_980), "1,999,980");
    }

    /// 100,000 refusals: twenty lines, then one count per error name; the JSON keeps at
    /// most 10,000 of them.
    #[test]
    fn many_failures_print_a_bounded_text_and_json() {
        let mut failures = Failures::default();
        for i in 0..100_000u64 {
            let name = if i % 10 == 0 {
                "VNET_API_ERROR_NO_MATCHING_INTERFACE"
            } else {
                "VNET_API_ERROR_NO_SUCH_FIB"
            };
            failures.push(Failure {
                line: i + 2,
                lines: (i + 2).to_string(),
                table: 9,
                prefix: "10.0.0.0/32".parse().unwrap(),
                error: format!("ip_route_add_del: {name}"),
                error_name: name.to_string(),
            });
        }
        let by_error = failures.by_error().clone();
        let (kept, truncated) = failures.into_sorted();
        let s = LoadSummary {
            file: "f.csv".into(),
            failed: 100_000,
            failures: kept,
            failures_truncated: truncated,
            failures_by_error: by_error,
            ..Default::default()
        };
        let text = failure_text(&s);
        assert!(text.len() <= 25, "{text:#?}");
        assert_eq!(
            text[0],
            "f.csv:2: 10.0.0.0/32: ip_route_add_del: VNET_API_ERROR_NO_MATCHING_INTERFACE"
        );
        // Of the first 20 lines, 2 are NO_MATCHING_INTERFACE and 18 NO_SUCH_FIB.
        assert!(
            text.contains(&"f.csv: 9,998 more: VNET_API_ERROR_NO_MATCHING_INTERFACE".to_string()),
            "{text:#?}"
        );
        assert!(
            text.contains(&"f.csv: 89,982 more: VNET_API_ERROR_NO_SUCH_FIB".to_string()),
            "{text:#?}"
        );
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["failures"].as_array().unwrap().len(), 10_000);
        assert_eq!(json["failures_truncated"], true);
        assert_eq!(
            json["failures_by_error"]["VNET_API_ERROR_NO_SUCH_FIB"],
            90_000
        );
    }
}
