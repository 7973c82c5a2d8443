//! `vppx watch`: interface link events as they happen, one line each (NDJSON
//! with `--json`, flushed at once), surviving VPP restarts.
//!
//! At start it prints the current state of the watched interfaces (marked
//! `initial`), subscribes, and then prints every change. When VPP goes away
//! it says so, reconnects with backoff, subscribes again and prints a
//! `resync` line for every watched interface whose state changed meanwhile.

use std::collections::BTreeMap;
use std::time::{Duration, Instant, SystemTime};

use serde::Serialize;

use super::args::{UntilState, WatchArgs};
use super::context::Context;
use super::exit::CliError;
use super::output::write_out;
use crate::client::{Backoff, Client};
use crate::error::ErrorClass;
use crate::ops::events::{self, LinkState};
use crate::ops::OpsError;

/// One printed line.
#[derive(Serialize)]
struct Line<'a> {
    timestamp: String,
    /// `initial`, `change`, `resync`, `disconnected` or `reconnected`.
    event: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    sw_if_index: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    interface: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    admin: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deleted: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
}

fn now() -> String {
    humantime::format_rfc3339_millis(SystemTime::now()).to_string()
}

fn updown(b: bool) -> &'static str {
    if b {
        "up"
    } else {
        "down"
    }
}

struct Printer {
    json: bool,
}

impl Printer {
    fn state(&self, event: &str, s: &LinkState) -> crate::error::Result<()> {
        let line = Line {
            timestamp: now(),
            event,
            sw_if_index: Some(s.sw_if_index),
            interface: Some(&s.name),
            admin: Some(updown(s.admin_up)),
            link: Some(updown(s.link_up)),
            deleted: Some(s.deleted),
            detail: None,
        };
        if self.json {
            self.json_line(&line)?;
        } else {
            let tail = if s.deleted { "  deleted" } else { "" };
            write_out(&format!(
                "{}  {:<8} {:<16} admin {:<4}  link {:<4}{tail}\n",
                line.timestamp,
                event,
                s.name,
                updown(s.admin_up),
                updown(s.link_up)
            ))?;
        }
        Ok(())
    }

    fn note(&self, event: &str, detail: String) -> crate::error::Result<()> {
        let line = Line {
            timestamp: now(),
            event,
            sw_if_index: None,
            interface: None,
            admin: None,
            link: None,
            deleted: None,
            detail: Some(detail),
        };
        if self.json {
            self.json_line(&line)?;
        } else {
            write_out(&format!(
                "{}  {:<8} {}\n",
                line.timestamp,
                event,
                line.detail.unwrap_or_default()
            ))?;
        }
        Ok(())
    }

    fn json_line(&self, line: &Line<'_>) -> crate::error::Result<()> {
        if let Ok(s) = serde_json::to_string(line) {
            write_out(&format!("{s}\n"))?;
        }
        Ok(())
    }
}

fn holds(s: &LinkState, until: UntilState) -> bool {
    let up = s.admin_up && s.link_up && !s.deleted;
    match until {
        UntilState::Up => up,
        UntilState::Down => !up,
    }
}

/// Connects, subscribes and reads the current state, in that order, so no
/// change can fall between the snapshot and the subscription.
fn attach(ctx: &Context) -> Result<(Client, BTreeMap<u32, LinkState>), OpsError> {
    let mut client = Client::connect(&ctx.socket, &ctx.connect)?;
    client.require(events::MESSAGES)?;
    events::subscribe(&mut client, true)?;
    let known = events::current(&mut client)?;
    Ok((client, known))
}

pub fn run(ctx: &mut Context, args: WatchArgs) -> crate::error::Result<()> {
    // Ctrl-C is the normal end of an open-ended watch: it stops and exits 0.
    super::interrupt::install()?;
    let p = Printer { json: ctx.out.json };
    let watched = |s: &LinkState| args.ifaces.is_empty() || args.ifaces.contains(&s.name);
    let deadline = args.until.map(|_| Instant::now() + args.timeout);

    let (mut client, mut known) = attach(ctx)?;
    for name in &args.ifaces {
        if !known.values().any(|s| &s.name == name) && args.until.is_some() {
            return Err(OpsError::NotFound {
                what: "interface",
                name: name.clone(),
            }
            .into());
        }
    }
    for s in known.values().filter(|s| watched(s)) {
        p.state("initial", s)?;
    }
    let reached = |known: &BTreeMap<u32, LinkState>| {
        args.until.is_some_and(|u| {
            args.ifaces
                .iter()
                .all(|n| known.values().any(|s| &s.name == n && holds(s, u)))
        })
    };
    if reached(&known) {
        return Ok(());
    }
    let mut seen = 0u64;
    let tick = Duration::from_millis(200);
    loop {
        if super::interrupt::interrupted() {
            let _ = events::subscribe(&mut client, false);
            let _ = client.close();
            return Ok(());
        }
        let wait = match deadline {
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                if left.is_zero() {
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
        match events::next(&mut client, &mut known, wait) {
            Ok(None) => {}
            Ok(Some(s)) => {
                if watched(&s) {
                    p.state("change", &s)?;
                    seen += 1;
                }
                if reached(&known) || args.count.is_some_and(|c| seen >= c) {
                    let _ = events::subscribe(&mut client, false);
                    let _ = client.close();
                    return Ok(());
                }
            }
            Err(OpsError::Client(e)) if e.is_unreachable() => {
                p.note("disconnected", e.to_string())?;
                let Some((c, now_known)) = reconnect(ctx, deadline)? else {
                    return Ok(());
                };
                p.note("reconnected", ctx.socket.display().to_string())?;
                for s in now_known.values().filter(|s| watched(s)) {
                    if known.get(&s.sw_if_index) != Some(s) {
                        p.state("resync", s)?;
                    }
                }
                for s in known.values().filter(|s| watched(s)) {
                    if !now_known.contains_key(&s.sw_if_index) {
                        let mut gone = s.clone();
                        gone.deleted = true;
                        p.state("resync", &gone)?;
                    }
                }
                client = c;
                known = now_known;
                if reached(&known) {
                    return Ok(());
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// Retries with exponential backoff until VPP answers again, Ctrl-C, or the
/// `--until` deadline.
fn reconnect(
    ctx: &Context,
    deadline: Option<Instant>,
) -> crate::error::Result<Option<(Client, BTreeMap<u32, LinkState>)>> {
    let backoff = Backoff::default();
    let mut failures = 0;
    loop {
        match attach(ctx) {
            Ok(x) => return Ok(Some(x)),
            Err(OpsError::Client(e)) if e.is_unreachable() => {
                let _ = e;
                failures += 1;
                let delay = backoff.delay(failures);
                let until = Instant::now() + delay;
                while Instant::now() < until {
                    if super::interrupt::interrupted() {
                        return Ok(None);
                    }
                    if deadline.is_some_and(|d| Instant::now() >= d) {
                        return Err(CliError {
                            class: ErrorClass::WaitExpired,
                            message: "timed out while VPP was unreachable".into(),
                        }
                        .into());
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
}
