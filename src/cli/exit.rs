//! Error kinds → exit codes, in one place (see docs/design.md, “Exit codes”).

use crate::client::ClientError;
use crate::ops::OpsError;

pub const OK: u8 = 0;
pub const REFUSED: u8 = 1;
pub const BAD_INPUT: u8 = 2;
pub const UNREACHABLE: u8 = 3;
pub const WAIT_EXPIRED: u8 = 4;

/// An error the CLI raises itself, with the exit code it means.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct CliError {
    pub code: u8,
    pub message: String,
}

impl CliError {
    pub fn bad_input(message: impl Into<String>) -> Self {
        CliError {
            code: BAD_INPUT,
            message: message.into(),
        }
    }
}

fn client_code(e: &ClientError) -> u8 {
    if e.is_unreachable() {
        UNREACHABLE
    } else {
        REFUSED
    }
}

/// The error and its causes on one line, each said once: several layers'
/// errors repeat their source in their own text, and `{:#}` would print it again.
pub fn message(err: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in err.chain() {
        let part = cause.to_string();
        if text.contains(&part) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&part);
    }
    text
}

/// The exit code for an error that reached `main`.
pub fn code_of(err: &anyhow::Error) -> u8 {
    for cause in err.chain() {
        if let Some(e) = cause.downcast_ref::<CliError>() {
            return e.code;
        }
        if let Some(e) = cause.downcast_ref::<OpsError>() {
            return match e {
                OpsError::Client(c) => client_code(c),
                OpsError::NotFound { .. } | OpsError::Refused(_) => REFUSED,
                OpsError::BadInput(_) | OpsError::File(_) => BAD_INPUT,
            };
        }
        if let Some(e) = cause.downcast_ref::<ClientError>() {
            return client_code(e);
        }
        if let Some(e) = cause.downcast_ref::<crate::api::ApiError>() {
            return if e.is_unreachable() {
                UNREACHABLE
            } else if e.is_bad_input() {
                BAD_INPUT
            } else {
                REFUSED
            };
        }
        if let Some(e) = cause.downcast_ref::<crate::stats::StatsError>() {
            return match e {
                crate::stats::StatsError::Pattern(_) => BAD_INPUT,
                _ => UNREACHABLE,
            };
        }
    }
    REFUSED
}

/// A hint printed under errors of the "cannot reach VPP" kind.
pub fn hint_for(err: &anyhow::Error) -> Option<&'static str> {
    // VPP answered but lacks a message: it is running, the hint would mislead.
    let lacks = err.chain().any(|c| {
        matches!(
            c.downcast_ref::<crate::api::ApiError>(),
            Some(crate::api::ApiError::Unknown(_) | crate::api::ApiError::NotInTable(_))
        )
    });
    (code_of(err) == UNREACHABLE && !lacks).then_some(
        "hint: is VPP running? Point --socket / --stats-socket (or VPPX_SOCKET / VPPX_STATS_SOCKET) at its sockets, or add --sim to use the built-in simulator",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_says_each_cause_once() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file");
        let err = anyhow::Error::new(ClientError::Connect {
            path: "/tmp/x.sock".into(),
            source: io,
        })
        .context("connecting");
        let text = message(&err);
        assert_eq!(text.matches("No such file").count(), 1, "{text}");
        assert!(text.starts_with("connecting: "), "{text}");
        assert!(text.contains("/tmp/x.sock"), "{text}");
    }
}
