//! `vppx completions SHELL`: completion scripts generated from the clap
//! definitions, the same ones committed under `completions/`.
//!
//! `vppx completions --dynamic SHELL` prints instead a script that asks vppx
//! itself at each TAB (clap_complete's dynamic completion, through the
//! `VPPX_COMPLETE` environment variable), which adds live values: interface
//! names and the messages of the running VPP, asked of the VPP at
//! `$VPPX_SOCKET` (else the default socket) with a short timeout, and silently
//! none when it cannot be reached.

use crate::error::{Error, ErrorClass};
use std::path::PathBuf;
use std::time::Duration;

use clap::CommandFactory;
use clap_complete::engine::CompletionCandidate;
use clap_complete::env::{EnvCompleter, Shells};
use clap_complete::{CompleteEnv, Generator, Shell};

use crate::binapi::interface::SwInterfaceDump;
use crate::client::{Client, ConnectOptions, DEFAULT_SOCKET};
use crate::wire::MessageKind;

use super::args::Cli;
use super::output::write_out;

/// Every shell vppx ships a script for.
pub const SHELLS: &[Shell] = &[
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::Elvish,
    Shell::PowerShell,
];

/// The variable the dynamic scripts set when they ask vppx for completions.
pub const COMPLETE_VAR: &str = "VPPX_COMPLETE";

/// How long a live completion waits for VPP: a TAB must not hang.
pub const LIVE_TIMEOUT: Duration = Duration::from_millis(500);

/// The script for `shell`.
pub fn script(shell: Shell) -> String {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "vppx", &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// The file name the script is installed under (`vppx.bash`, `_vppx`, ...).
pub fn file_name(shell: Shell) -> String {
    shell.file_name("vppx")
}

/// The dynamic script for `shell`: it runs `vppx` (from `PATH`) at each TAB.
pub fn dynamic_script(shell: Shell) -> crate::error::Result<String> {
    let name = shell.to_string();
    let shells = Shells::builtins();
    let completer: &dyn EnvCompleter = shells.completer(&name).ok_or_else(|| {
        Error::new(
            ErrorClass::BadInput,
            format!("no dynamic completion for {name}"),
        )
    })?;
    let mut buf = Vec::new();
    completer
        .write_registration(COMPLETE_VAR, "vppx", "vppx", "vppx", &mut buf)
        .map_err(|e| {
            Error::wrap(
                ErrorClass::Internal,
                "cannot write the completion script",
                e,
            )
        })?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

pub fn print(shell: Shell, dynamic: bool) -> crate::error::Result<()> {
    let text = if dynamic {
        dynamic_script(shell)?
    } else {
        script(shell)
    };
    write_out(&text)?;
    Ok(())
}

/// Answers a dynamic script's request (`VPPX_COMPLETE` set) and exits; returns
/// at once otherwise.
pub fn complete_if_asked() {
    CompleteEnv::with_factory(Cli::command)
        .var(COMPLETE_VAR)
        .complete();
}

/// A connection for live values, or `None` right away when VPP is not there.
fn live_client() -> Option<Client> {
    let socket = std::env::var_os("VPPX_SOCKET")
        .filter(|s| !s.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(DEFAULT_SOCKET));
    let opts = ConnectOptions {
        client_name: "vppx-complete".to_string(),
        timeout: LIVE_TIMEOUT,
    };
    Client::connect(&socket, &opts).ok()
}

/// The running VPP's interface names (for `iface up NAME`, `--iface`, ...).
pub fn iface_names() -> Vec<CompletionCandidate> {
    let Some(mut client) = live_client() else {
        return Vec::new();
    };
    let req = SwInterfaceDump {
        sw_if_index: u32::MAX,
        ..Default::default()
    };
    match client.dump(req) {
        Ok(details) => details
            .into_iter()
            .map(|d| CompletionCandidate::new(d.interface_name))
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// The messages the running VPP has that one can send (for `api call`):
/// its message table without CRCs, replies, details and events left out.
pub fn message_names() -> Vec<CompletionCandidate> {
    let Some(client) = live_client() else {
        return Vec::new();
    };
    let mut names = callable(client.message_table().keys().map(String::as_str));
    names.dedup();
    names.into_iter().map(CompletionCandidate::new).collect()
}

/// Names from `name_crc` entries, sorted, without the messages one does not
/// send: those vppx knows as replies, details or events, and, for the others,
/// names ending as VPP names those.
pub fn callable<'a>(name_crcs: impl Iterator<Item = &'a str>) -> Vec<String> {
    let kinds: std::collections::HashMap<&str, MessageKind> = crate::binapi::message_tables()
        .into_iter()
        .flat_map(|t| t.iter())
        .map(|i| (i.name, i.kind))
        .collect();
    let mut names: Vec<String> = name_crcs
        .map(|nc| match nc.rsplit_once('_') {
            Some((name, crc)) if crc.len() == 8 && crc.bytes().all(|b| b.is_ascii_hexdigit()) => {
                name
            }
            _ => nc,
        })
        .filter(|name| match kinds.get(name) {
            Some(kind) => *kind == MessageKind::Request,
            None => !["_reply", "_details", "_event"]
                .iter()
                .any(|s| name.ends_with(s)),
        })
        .map(str::to_string)
        .collect();
    names.sort();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn callable_messages_drop_crcs_answers_and_events() {
        let table = [
            "sw_interface_dump_aa610c27",
            "sw_interface_details_6c221fc7",
            "sw_interface_event_2d3d95a7",
            "control_ping_51077d14",
            "control_ping_reply_f6b0b8ca",
            "lb_conf_56cd3261",
            "lb_conf_reply_e8d4e804",
            "no_crc",
        ];
        assert_eq!(
            callable(table.into_iter()),
            ["control_ping", "lb_conf", "no_crc", "sw_interface_dump"]
        );
    }

    #[test]
    fn every_shell_has_a_dynamic_script_naming_the_variable() {
        for &shell in SHELLS {
            let s = dynamic_script(shell).unwrap();
            assert!(s.contains(COMPLETE_VAR), "{shell}: {s}");
            assert!(s.contains("vppx"), "{shell}");
        }
    }
}
