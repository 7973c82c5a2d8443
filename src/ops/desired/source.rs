//! vppx's own FIB source: how managed routes are told apart from everyone else's.
//!
//! VPP keeps each source's contribution to a prefix apart; routes added with
//! `ip_route_add_del_v2` under our source are ours, and only ours are ever replaced or
//! removed by `route load --replace` and `vppx apply` (see docs/design.md, “FIB sources”).
//!
//! Registration is not idempotent by name and does not survive a VPP restart, so the
//! source is looked up by name with `fib_source_dump` on every connection and registered
//! only when absent; after registering, the new id is checked against a second dump
//! before any route uses it. A route is never sent with an id VPP did not list: a real
//! VPP crashes on one.

use serde::Serialize;

use crate::binapi::fib::{FibSource, FibSourceAdd, FibSourceDump};
use crate::client::Client;
use crate::ops::error::{OpsError, Result};

/// The name vppx registers its source under.
pub const NAME: &str = "vppx";

/// The priority vppx registers its source with (lower wins): ahead of the API (128) and
/// CLI (129) sources, behind interface (3) and special (0) entries, so a managed route
/// is what forwards when a plain `route add` names the same prefix, and an interface's
/// connected prefix always stays.
pub const DEFAULT_PRIORITY: u8 = 100;

/// The messages this module uses.
pub const MESSAGES: &[&str] = crate::needs![request FibSourceAdd, dump FibSourceDump];

/// Our source as VPP knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OwnSource {
    pub id: u8,
    pub priority: u8,
    /// Whether this run registered it (first use since VPP started).
    pub registered: bool,
}

/// The source named [`NAME`] if VPP has one: the lowest id of that name (two may exist
/// if two clients registered at once; the first is the one every vppx uses).
pub fn find(client: &mut Client) -> Result<Option<OwnSource>> {
    Ok(client
        .dump(FibSourceDump::default())?
        .into_iter()
        .filter(|d| d.src.name == NAME)
        .min_by_key(|d| d.src.id)
        .map(|d| OwnSource {
            id: d.src.id,
            priority: d.src.priority,
            registered: false,
        }))
}

/// Our source, registered with `priority` if VPP has none. A source already there keeps
/// the priority it was registered with (VPP cannot change it).
pub fn ensure(client: &mut Client, priority: u8) -> Result<OwnSource> {
    if let Some(s) = find(client)? {
        return Ok(s);
    }
    let reply = client.request(FibSourceAdd {
        src: FibSource {
            priority,
            id: 0,
            name: NAME.into(),
        },
        ..Default::default()
    })?;
    match find(client)? {
        Some(s) if s.id == reply.id => Ok(OwnSource {
            registered: true,
            ..s
        }),
        Some(s) => Ok(s),
        None => Err(OpsError::Refused(format!(
            "VPP answered fib_source_add with id {} but does not list a source named {NAME}",
            reply.id
        ))),
    }
}
