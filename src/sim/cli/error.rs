//! The errors a `cli_inband` command can answer, worded exactly as VPP words them.
//!
//! VPP answers a failed debug-CLI command with `retval` -1 and one line of text: the command's
//! path, a colon, the handler's complaint and, between a backtick and an apostrophe, the rest of
//! the input from where parsing stopped (``set interface state: unknown interface `nosuch0 up'``).
//! The parser produces most of these; the executor, which alone knows the interface names,
//! builds the rest through the constructors here (or [`CliCommand::unknown_interface`]).
//!
//! [`CliCommand::unknown_interface`]: super::CliCommand::unknown_interface

use thiserror::Error;

/// The `retval` VPP puts in a `cli_inband_reply` for any failed command.
pub const CLI_ERROR_RETVAL: i32 = -1;

/// One failed command. `Display` gives VPP's text without the trailing newline; [`reply`]
/// gives what goes into `cli_inband_reply.reply`.
///
/// [`reply`]: CliError::reply
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CliError {
    /// No command or option matched the input. At the root VPP names no path.
    #[error("{}unknown input `{rest}'", path_prefix(.path))]
    UnknownInput { path: String, rest: String },
    /// The interface name at the start of `rest` names no interface.
    #[error("{path}: unknown interface `{rest}'")]
    UnknownInterface { path: String, rest: String },
    /// `set interface ip address` without a valid `ADDRESS/LENGTH`.
    #[error("{path}: expected IP4/IP6 address/length `{rest}'")]
    ExpectedAddress { path: String, rest: String },
    /// `set interface state` (and `sim link`) without `up` or `down`.
    #[error("{path}: unknown flags `{rest}'")]
    UnknownFlags { path: String, rest: String },
    /// A malformed argument of the simulator's own commands; `what` says what was expected.
    #[error("{path}: expected {what} `{rest}'")]
    Expected {
        path: String,
        what: String,
        rest: String,
    },
    /// The command parsed but could not be carried out; `message` is VPP's complaint.
    #[error("{path}: {message}")]
    Failed { path: String, message: String },
}

fn path_prefix(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!("{path}: ")
    }
}

impl CliError {
    /// ``PATH: unknown input `REST'`` (just ``unknown input `REST'`` when `path` is empty).
    pub fn unknown_input(path: &str, rest: &str) -> Self {
        CliError::UnknownInput {
            path: path.to_owned(),
            rest: rest.to_owned(),
        }
    }

    /// ``PATH: unknown interface `REST'``, `rest` starting with the unknown name.
    pub fn unknown_interface(path: &str, rest: &str) -> Self {
        CliError::UnknownInterface {
            path: path.to_owned(),
            rest: rest.to_owned(),
        }
    }

    /// `PATH: MESSAGE`, for failures found while executing a well-formed command.
    pub fn failed(path: &str, message: &str) -> Self {
        CliError::Failed {
            path: path.to_owned(),
            message: message.to_owned(),
        }
    }

    /// What VPP says when `delete loopback interface intfc NAME` names no interface.
    pub fn interface_not_specified() -> Self {
        Self::failed("delete loopback interface", "interface not specified")
    }

    /// What VPP says when a loopback cannot be created (e.g. its instance is taken).
    pub fn loopback_create_failed() -> Self {
        Self::failed(
            "create loopback interface",
            "vnet_create_loopback_interface failed",
        )
    }

    /// What VPP says when the interface to delete is not a loopback.
    pub fn loopback_delete_failed() -> Self {
        Self::failed(
            "delete loopback interface",
            "vnet_delete_loopback_interface failed",
        )
    }

    /// The `retval` of the reply: always [`CLI_ERROR_RETVAL`].
    pub fn retval(&self) -> i32 {
        CLI_ERROR_RETVAL
    }

    /// The `reply` text: the message and a newline, as VPP sends it.
    pub fn reply(&self) -> String {
        format!("{self}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_unknown_input_has_no_path() {
        assert_eq!(
            CliError::unknown_input("", "frobnicate").to_string(),
            "unknown input `frobnicate'"
        );
    }

    #[test]
    fn fixed_failures() {
        assert_eq!(
            CliError::interface_not_specified().reply(),
            "delete loopback interface: interface not specified\n"
        );
        assert_eq!(
            CliError::loopback_create_failed().to_string(),
            "create loopback interface: vnet_create_loopback_interface failed"
        );
        assert_eq!(
            CliError::loopback_delete_failed().to_string(),
            "delete loopback interface: vnet_delete_loopback_interface failed"
        );
        assert_eq!(CliError::failed("x", "y").retval(), -1);
    }
}
