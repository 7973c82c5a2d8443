//! How a failed command ends: the exit code of its error's class (one table, in
//! `crate::error`; see docs/design.md, "Exit codes and HTTP statuses"), its message with
//! each cause once, and a hint where one helps.

use crate::error::{Classify, Error, ErrorClass};

pub const OK: u8 = 0;

/// An error the CLI raises itself, with its class.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct CliError {
    pub class: ErrorClass,
    pub message: String,
}

impl CliError {
    pub fn new(class: ErrorClass, message: impl Into<String>) -> Self {
        CliError {
            class,
            message: message.into(),
        }
    }

    pub fn bad_input(message: impl Into<String>) -> Self {
        Self::new(ErrorClass::BadInput, message)
    }
}

impl Classify for CliError {
    fn class(&self) -> ErrorClass {
        self.class
    }
}

/// Prints a failed command's error (nothing for a closed output) and returns its exit code.
pub fn report(err: &Error) -> u8 {
    if err.class() != ErrorClass::OutputClosed {
        eprintln!("vppx: {}", err.message());
        if let Some(hint) = hint_for(err.class()) {
            eprintln!("{hint}");
        }
    }
    err.class().exit_code()
}

/// A hint printed under errors of the "cannot reach VPP" kind. Not for a VPP that
/// answered but lacks a message: it is running, the hint would mislead.
pub fn hint_for(class: ErrorClass) -> Option<&'static str> {
    matches!(class, ErrorClass::Unavailable | ErrorClass::Timeout).then_some(
        "hint: is VPP running? Point --socket / --stats-socket (or VPPX_SOCKET / VPPX_STATS_SOCKET) at its sockets, or add --sim to use the built-in simulator",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::ClientError;

    #[test]
    fn message_says_each_cause_once() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file");
        let err = Error::from(ClientError::Connect {
            path: "/tmp/x.sock".into(),
            source: io,
        });
        let text = err.message();
        assert_eq!(text.matches("No such file").count(), 1, "{text}");
        assert!(text.contains("/tmp/x.sock"), "{text}");
        assert_eq!(report(&err), 3);
    }
}
