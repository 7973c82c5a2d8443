//! `vppx watch`: interface link events as they happen, one line each (NDJSON
//! with `--json`, flushed at once), surviving VPP restarts.
//!
//! The events, their JSON and the reconnect/resync rules are [`crate::ops::events`]'s,
//! shared with the agent's `/events`; this file chooses the interfaces, prints, and
//! decides when to stop (`--count`, `--until`, `--timeout`, Ctrl-C).

use std::time::{Duration, Instant};

use super::args::{UntilState, WatchArgs};
use super::context::Context;
use super::exit::CliError;
use super::output::write_out;
use crate::client::Backoff;
use crate::error::ErrorClass;
use crate::ops::events::{Event, EventKind, LinkState, Watcher};
use crate::ops::OpsError;

fn updown(b: bool) -> &'static str {
    if b {
        "up"
    } else {
        "down"
    }
}

/// One event: its JSON, or a line of text.
fn print(json: bool, e: &Event) -> crate::error::Result<()> {
    if json {
        if let Ok(s) = serde_json::to_string(e) {
            write_out(&format!("{s}\n"))?;
        }
        return Ok(());
    }
    let event = e.event.as_str();
    match &e.state {
        Some(s) => {
            let tail = if s.deleted { "  deleted" } else { "" };
            write_out(&format!(
                "{}  {event:<8} {:<16} admin {:<4}  link {:<4}{tail}\n",
                e.timestamp,
                s.name,
                updown(s.admin_up),
                updown(s.link_up)
            ))?;
        }
        None => write_out(&format!(
            "{}  {event:<8} {}\n",
            e.timestamp,
            e.detail.as_deref().unwrap_or_default()
        ))?,
    }
    Ok(())
}

fn holds(s: &LinkState, until: UntilState) -> bool {
    match until {
        UntilState::Up => s.is_up(),
        UntilState::Down => !s.is_up(),
    }
}

pub fn run(ctx: &mut Context, args: WatchArgs) -> crate::error::Result<()> {
    // Ctrl-C is the normal end of an open-ended watch: it stops and exits 0.
    super::interrupt::install()?;
    let json = ctx.out.json;
    let watched = |s: &LinkState| args.ifaces.is_empty() || args.ifaces.contains(&s.name);
    let deadline = args.until.map(|_| Instant::now() + args.timeout);
    let tick = Duration::from_millis(200);

    let mut w = Watcher::new(&ctx.socket, &ctx.connect, Backoff::default());
    // The first attach: failing it is the command's error.
    let initial = w.next(tick)?;
    for name in &args.ifaces {
        if !w.known().values().any(|s| &s.name == name) && args.until.is_some() {
            return Err(OpsError::NotFound {
                what: "interface",
                name: name.clone(),
            }
            .into());
        }
    }
    let reached = |w: &Watcher| {
        args.until.is_some_and(|u| {
            args.ifaces
                .iter()
                .all(|n| w.known().values().any(|s| &s.name == n && holds(s, u)))
        })
    };
    let mut batch = initial;
    let mut seen = 0u64;
    loop {
        for e in &batch {
            if e.state.as_ref().is_some_and(|s| !watched(s)) {
                continue;
            }
            print(json, e)?;
            if e.event == EventKind::Change {
                seen += 1;
            }
        }
        if reached(&w) || args.count.is_some_and(|c| seen >= c) || super::interrupt::interrupted() {
            w.close();
            return Ok(());
        }
        let wait = match deadline {
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    w.close();
                    return Err(CliError {
                        class: ErrorClass::WaitExpired,
                        message: format!(
                            "timed out after {} waiting for {} to be {}",
                            humantime::format_duration(args.timeout),
                            args.ifaces.join(", "),
                            if args.until == Some(UntilState::Up) {
                                "up"
                            } else {
                                "down"
                            }
                        ),
                    }
                    .into());
                }
                left.min(tick)
            }
            None => tick,
        };
        batch = w.next(wait)?;
    }
}
