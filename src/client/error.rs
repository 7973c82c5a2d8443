//! The client's one error type. Each variant is a kind the CLI maps to an exit code
//! (see docs/design.md, “Exit codes”): [`ClientError::is_unreachable`] is the "no usable VPP" class
//! (exit 3), a [`ClientError::Vpp`] is VPP saying no (exit 1).

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::time::Duration;

use crate::error::{Classify, ErrorClass};
use crate::wire::WireError;

/// What can go wrong talking to VPP over its binary-API socket.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The socket is missing, refused the connection, or is not a socket.
    #[error("cannot connect to VPP's API socket {}", path.display())]
    Connect {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// VPP did not answer within the configured time.
    #[error("no answer from VPP within {} waiting for {what}", fmt_duration(*after))]
    Timeout { what: String, after: Duration },
    /// VPP closed the connection (or it broke) while we were talking to it.
    #[error("VPP closed the API connection")]
    Disconnected,
    /// VPP lacks messages (or message versions) a command needs (see docs/design.md, “Compatibility
    /// with the running VPP”).
    #[error("{}", fmt_incompatible(missing, changed, vpp_version.as_deref()))]
    Incompatible {
        /// Messages whose name this VPP does not know.
        missing: Vec<String>,
        /// Messages this VPP has under the same name with another CRC.
        changed: Vec<String>,
        /// VPP's version, when it could be read.
        vpp_version: Option<String>,
    },
    /// A message this VPP's table lacks; it was never sent (see docs/design.md, “Socket
    /// transport”).
    #[error("this VPP has no message {0} (not in its message table)")]
    NotInTable(String),
    /// VPP answered with a non-zero retval.
    #[error("{message}: {}", fmt_retval(*retval, *name))]
    Vpp {
        /// The request VPP refused, e.g. `sw_interface_set_flags`.
        message: &'static str,
        retval: i32,
        /// The `VNET_API_ERROR_*` name, when the retval is a known one.
        name: Option<&'static str>,
    },
    /// A message from VPP did not decode (or one of ours did not encode).
    #[error(transparent)]
    Wire(#[from] WireError),
    /// VPP broke the protocol (e.g. an unexpected handshake answer).
    #[error("protocol error: {0}")]
    Protocol(String),
    /// A bounded queue is full: the reader fell behind VPP, or too much is in flight.
    /// Nothing was dropped quietly; the connection should not be trusted further.
    #[error("too many {what} (limit {limit})")]
    Overflow { what: &'static str, limit: String },
    /// Any other I/O error on the socket.
    #[error("API socket")]
    Io(#[from] io::Error),
}

impl Classify for ClientError {
    fn class(&self) -> ErrorClass {
        match self {
            ClientError::Connect { .. } | ClientError::Disconnected | ClientError::Io(_) => {
                ErrorClass::Unavailable
            }
            ClientError::Timeout { .. } => ErrorClass::Timeout,
            ClientError::Incompatible { .. } | ClientError::NotInTable(_) => {
                ErrorClass::Incompatible
            }
            ClientError::Vpp { .. } => ErrorClass::Refused,
            ClientError::Wire(_) | ClientError::Protocol(_) | ClientError::Overflow { .. } => {
                ErrorClass::BadAnswer
            }
        }
    }

    fn vpp_refusal(&self) -> Option<(i32, Option<&'static str>)> {
        match self {
            ClientError::Vpp { retval, name, .. } => Some((*retval, *name)),
            _ => None,
        }
    }
}

impl ClientError {
    /// The "no usable VPP" class (exit 3; see docs/design.md, “Exit codes”): the socket is missing
    /// or refused, VPP did not answer in time, the connection dropped, or VPP lacks a message we
    /// need.
    pub fn is_unreachable(&self) -> bool {
        matches!(
            self,
            ClientError::Connect { .. }
                | ClientError::Timeout { .. }
                | ClientError::Disconnected
                | ClientError::Incompatible { .. }
                | ClientError::NotInTable(_)
                | ClientError::Overflow { .. }
        )
    }

    /// VPP's retval, for a [`ClientError::Vpp`].
    pub fn vpp_retval(&self) -> Option<i32> {
        match self {
            ClientError::Vpp { retval, .. } => Some(*retval),
            _ => None,
        }
    }

    /// The error for a non-zero retval answering `message`.
    pub fn vpp(message: &'static str, retval: i32) -> Self {
        ClientError::Vpp {
            message,
            retval,
            name: crate::binapi::retval::retval_name(retval),
        }
    }

    /// Whether trying again later may help: the socket is missing or refused, VPP was
    /// silent, or the connection dropped. Backoff retries only these.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            ClientError::Connect { .. } | ClientError::Timeout { .. } | ClientError::Disconnected
        )
    }
}

/// `VNET_API_ERROR_INVALID_SW_IF_INDEX (-2)`, or `unknown retval (-999)`.
fn fmt_retval(retval: i32, name: Option<&str>) -> String {
    match name {
        Some(name) => format!("{name} ({retval})"),
        None => format!("unknown retval ({retval})"),
    }
}

fn fmt_duration(d: Duration) -> impl fmt::Display {
    let ms = d.as_millis();
    if ms % 1000 == 0 {
        format!("{}s", ms / 1000)
    } else {
        format!("{ms}ms")
    }
}

fn fmt_incompatible(missing: &[String], changed: &[String], version: Option<&str>) -> String {
    let mut out = match version {
        Some(v) => format!("VPP {v} lacks messages this command needs"),
        None => "VPP lacks messages this command needs".to_string(),
    };
    if !missing.is_empty() {
        out.push_str(&format!("; missing: {}", missing.join(", ")));
    }
    if !changed.is_empty() {
        out.push_str(&format!("; changed (other CRC): {}", changed.join(", ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vpp_error_names_the_request_and_the_retval() {
        let e = ClientError::vpp("sw_interface_set_flags", -2);
        assert_eq!(
            e.to_string(),
            "sw_interface_set_flags: VNET_API_ERROR_INVALID_SW_IF_INDEX (-2)"
        );
        assert_eq!(e.vpp_retval(), Some(-2));
        assert!(!e.is_unreachable());
        let e = ClientError::vpp("x", -9999);
        assert_eq!(e.to_string(), "x: unknown retval (-9999)");
    }

    #[test]
    fn unreachable_class() {
        assert!(ClientError::Disconnected.is_unreachable());
        assert!(ClientError::NotInTable("a_1".into()).is_unreachable());
        let t = ClientError::Timeout {
            what: "the reply to show_version".into(),
            after: Duration::from_millis(1500),
        };
        assert!(t.is_unreachable());
        assert_eq!(
            t.to_string(),
            "no answer from VPP within 1500ms waiting for the reply to show_version"
        );
        assert!(!ClientError::Protocol("x".into()).is_unreachable());
        let i = ClientError::Incompatible {
            missing: vec!["a_00000001".into()],
            changed: vec!["b_00000002".into()],
            vpp_version: Some("26.10".into()),
        };
        assert!(i.is_unreachable());
        assert_eq!(
            i.to_string(),
            "VPP 26.10 lacks messages this command needs; missing: a_00000001; \
             changed (other CRC): b_00000002"
        );
    }
}
