//! Version and CLI passthrough.

use serde::Serialize;

use super::error::{OpsError, Result};
use crate::binapi::vlib::CliInband;
use crate::binapi::vpe::ShowVersion;
use crate::client::Client;

pub const VERSION_MESSAGES: &[&str] = crate::needs![request ShowVersion];
pub const CLI_MESSAGES: &[&str] = crate::needs![request CliInband];

/// What `vppx version` reports.
#[derive(Debug, Clone, Serialize)]
pub struct VersionInfo {
    pub vppx: &'static str,
    /// The VPP version vppx's bindings were generated from.
    pub bindings: &'static str,
    pub vpp_program: String,
    pub vpp_version: String,
    pub vpp_build_date: String,
    /// How many of vppx's typed messages this VPP has with the same CRC.
    pub bindings_matched: usize,
    pub bindings_total: usize,
}

pub fn version(client: &mut Client) -> Result<VersionInfo> {
    let v = client.request(ShowVersion::default())?;
    let mut total = 0;
    let mut matched = 0;
    for table in crate::binapi::message_tables() {
        for m in table {
            total += 1;
            if client.has_message(m.name_crc) {
                matched += 1;
            }
        }
    }
    Ok(VersionInfo {
        vppx: env!("CARGO_PKG_VERSION"),
        bindings: crate::binapi::VPP_VERSION,
        vpp_program: v.program,
        vpp_version: v.version,
        vpp_build_date: v.build_date,
        bindings_matched: matched,
        bindings_total: total,
    })
}

/// Runs a debug-CLI command; VPP's reply text comes back verbatim. A command
/// VPP rejects is an error carrying VPP's own message.
pub fn cli(client: &mut Client, cmd: &str) -> Result<String> {
    let reply = client.request_unchecked(CliInband {
        cmd: cmd.to_string(),
        ..Default::default()
    })?;
    if reply.retval != 0 {
        let text = reply.reply.trim_end().to_string();
        let name = crate::binapi::retval::retval_name(reply.retval).unwrap_or("error");
        return Err(OpsError::Refused(if text.is_empty() {
            format!("{name} ({})", reply.retval)
        } else {
            text
        }));
    }
    Ok(reply.reply)
}
