//! One classification of failures for every layer and both edges.
//!
//! Each layer's error type (client, `vppx api`, stats, ops, the CLI's own) says which
//! [`ErrorClass`] each of its errors belongs to ([`Classify`]). The class alone decides
//! the exit code ([`ErrorClass::exit_code`]) and the HTTP status
//! ([`ErrorClass::http_status`]): one table, in one place, so the CLI and the agent
//! cannot disagree (see docs/design.md, "Exit codes and HTTP statuses").
//!
//! [`Error`] is what reaches an edge: any classified error with its causes. Its text is
//! the chain of causes joined by `": "`; each layer's message leaves its source out, so
//! every cause is said once by construction.

use std::fmt;

/// What kind of failure an error is, as operators and HTTP clients see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorClass {
    /// Malformed input — flags, prefixes, files, JSON bodies — found before anything
    /// was sent.
    BadInput,
    /// A name given by the user (interface, route, ACL, table) that VPP does not have.
    NotFound,
    /// VPP answered with a non-zero retval, or a CLI command VPP ran failed.
    Refused,
    /// The request contradicts VPP's current state as vppx checked it (already exists,
    /// in use).
    Conflict,
    /// No usable VPP: the socket is missing or refused, the connection dropped, or a
    /// socket another server holds.
    Unavailable,
    /// VPP lacks a message (or this version of it) the command needs.
    Incompatible,
    /// VPP did not answer within `--api-timeout`.
    Timeout,
    /// VPP answered something that does not decode or breaks the protocol, or more than
    /// vppx's bounded queues hold.
    BadAnswer,
    /// A wait the user asked for ran out (`watch --until ... --timeout`).
    WaitExpired,
    /// Stopped by SIGINT or SIGTERM.
    Interrupted,
    /// Standard output was closed by its reader (`vppx ... | head`).
    OutputClosed,
    /// A failure of vppx or its host (a temporary file, a thread), not of the input or VPP.
    Internal,
}

impl ErrorClass {
    /// Every class, for the tables in the docs and tests.
    pub const ALL: [ErrorClass; 12] = [
        ErrorClass::BadInput,
        ErrorClass::NotFound,
        ErrorClass::Refused,
        ErrorClass::Conflict,
        ErrorClass::Unavailable,
        ErrorClass::Incompatible,
        ErrorClass::Timeout,
        ErrorClass::BadAnswer,
        ErrorClass::WaitExpired,
        ErrorClass::Interrupted,
        ErrorClass::OutputClosed,
        ErrorClass::Internal,
    ];

    /// The exit code of a command that failed this way: the one mapping.
    pub const fn exit_code(self) -> u8 {
        match self {
            ErrorClass::OutputClosed => 0,
            ErrorClass::NotFound
            | ErrorClass::Refused
            | ErrorClass::Conflict
            | ErrorClass::Internal => 1,
            ErrorClass::BadInput => 2,
            ErrorClass::Unavailable
            | ErrorClass::Incompatible
            | ErrorClass::Timeout
            | ErrorClass::BadAnswer => 3,
            ErrorClass::WaitExpired => 4,
            ErrorClass::Interrupted => 130,
        }
    }

    /// The HTTP status of a request that failed this way: the one mapping.
    pub const fn http_status(self) -> u16 {
        match self {
            ErrorClass::BadInput => 400,
            ErrorClass::NotFound => 404,
            ErrorClass::Refused | ErrorClass::Conflict => 409,
            // A VPP silent past `--api-timeout` is an unavailable one to an HTTP client (the
            // agent's own `--request-timeout` is another matter: 504, see
            // `agent::error::ApiError::timeout`).
            ErrorClass::Unavailable | ErrorClass::Timeout | ErrorClass::Interrupted => 503,
            ErrorClass::Incompatible => 501,
            ErrorClass::BadAnswer => 502,
            ErrorClass::WaitExpired => 504,
            ErrorClass::OutputClosed | ErrorClass::Internal => 500,
        }
    }

    /// The short, stable name the agent puts in an error body's `error` field.
    pub const fn kind(self) -> &'static str {
        match self {
            ErrorClass::BadInput => "bad request",
            ErrorClass::NotFound => "not found",
            ErrorClass::Refused => "vpp refused",
            ErrorClass::Conflict => "conflict",
            ErrorClass::Unavailable => "vpp unavailable",
            ErrorClass::Incompatible => "vpp incompatible",
            ErrorClass::Timeout => "vpp timeout",
            ErrorClass::BadAnswer => "bad gateway",
            ErrorClass::WaitExpired => "wait expired",
            ErrorClass::Interrupted => "interrupted",
            ErrorClass::OutputClosed | ErrorClass::Internal => "internal error",
        }
    }
}

/// An error type that knows its class.
pub trait Classify {
    fn class(&self) -> ErrorClass;

    /// VPP's retval and error name, when the error is VPP refusing (class `Refused`).
    fn vpp_refusal(&self) -> Option<(i32, Option<&'static str>)> {
        None
    }
}

/// Any classified error on its way to an edge (the CLI's exit, the agent's answer).
pub struct Error {
    class: ErrorClass,
    inner: Box<dyn std::error::Error + Send + Sync + 'static>,
}

/// A message of its own, for [`Error::new`].
#[derive(Debug)]
struct Message(String);

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Message {}

impl Error {
    /// An error of `class` saying `message`.
    pub fn new(class: ErrorClass, message: impl Into<String>) -> Self {
        Error {
            class,
            inner: Box::new(Message(message.into())),
        }
    }

    /// `source` (an unclassified error, e.g. from the standard library) as `class`, after
    /// `context`: "context: source".
    pub fn wrap<E>(class: ErrorClass, context: impl Into<String>, source: E) -> Self
    where
        E: std::error::Error + Send + Sync + 'static,
    {
        Error {
            class,
            inner: Box::new(Wrapped {
                context: context.into(),
                source: Box::new(source),
            }),
        }
    }

    pub fn class(&self) -> ErrorClass {
        self.class
    }

    /// The error and each of its causes, once, joined by `": "`.
    pub fn message(&self) -> String {
        chain(self.inner.as_ref())
    }

    /// The error itself, e.g. to look at a layer's fields (VPP's retval).
    pub fn inner(&self) -> &(dyn std::error::Error + Send + Sync + 'static) {
        self.inner.as_ref()
    }
}

#[derive(Debug)]
struct Wrapped {
    context: String,
    source: Box<dyn std::error::Error + Send + Sync + 'static>,
}

impl fmt::Display for Wrapped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.context)
    }
}

impl std::error::Error for Wrapped {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(self.source.as_ref())
    }
}

impl<E> From<E> for Error
where
    E: Classify + std::error::Error + Send + Sync + 'static,
{
    fn from(e: E) -> Self {
        Error {
            class: e.class(),
            inner: Box::new(e),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.class, self.message())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error and its causes joined by `": "`. Every layer's message leaves its source
/// out (thiserror's `transparent`, or a message without `{source}`), so nothing repeats.
pub fn chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut text = err.to_string();
    let mut next = err.source();
    while let Some(cause) = next {
        let part = cause.to_string();
        if !part.is_empty() {
            text.push_str(": ");
            text.push_str(&part);
        }
        next = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::ClientError;
    use crate::ops::OpsError;
    use std::io;

    fn each_cause_once(e: &(dyn std::error::Error + 'static), cause: &str) {
        let text = chain(e);
        assert_eq!(text.matches(cause).count(), 1, "{text}");
    }

    #[test]
    fn causes_are_said_once_in_every_layer() {
        let io = || io::Error::new(io::ErrorKind::NotFound, "No such file or directory");
        each_cause_once(
            &ClientError::Connect {
                path: "/tmp/x.sock".into(),
                source: io(),
            },
            "No such file",
        );
        each_cause_once(&ClientError::Io(io()), "No such file");
        each_cause_once(&OpsError::Client(ClientError::Io(io())), "No such file");
        each_cause_once(
            &OpsError::File {
                path: "r.csv".into(),
                source: io(),
            },
            "No such file",
        );
        each_cause_once(
            &crate::stats::StatsError::Open {
                path: "/dev/shm/x".into(),
                source: io(),
            },
            "No such file",
        );
        each_cause_once(
            &crate::stats::StatsError::Socket {
                path: "/run/vpp/stats.sock".into(),
                source: io(),
            },
            "No such file",
        );
        each_cause_once(&crate::stats::StatsError::Map(io()), "No such file");
        each_cause_once(
            &crate::api::ApiError::Client(ClientError::Io(io())),
            "No such file",
        );
        let e = Error::wrap(ErrorClass::Internal, "cannot create a temporary file", io());
        assert_eq!(
            e.message(),
            "cannot create a temporary file: No such file or directory"
        );
    }

    /// The table in docs/design.md, "Exit codes and HTTP statuses", is this code's.
    #[test]
    fn the_documented_table_is_the_mapping() {
        let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/design.md"))
            .expect("docs/design.md");
        let section = doc
            .split("## Exit codes and HTTP statuses")
            .nth(1)
            .expect("the section exists");
        for class in ErrorClass::ALL {
            let name = format!("| `{class:?}` |");
            let row = section
                .lines()
                .find(|l| l.starts_with(&name))
                .unwrap_or_else(|| panic!("no row for {class:?}"));
            // The last three cells (the meaning may hold an escaped `|`).
            let cells: Vec<&str> = row
                .trim_end_matches('|')
                .rsplitn(4, '|')
                .map(str::trim)
                .collect();
            assert_eq!(cells[2], class.exit_code().to_string(), "{row}");
            assert_eq!(cells[1], class.http_status().to_string(), "{row}");
            assert_eq!(cells[0], format!("`{}`", class.kind()), "{row}");
        }
    }

    #[test]
    fn classes_come_from_the_errors() {
        let e: Error = OpsError::Client(ClientError::vpp("ip_route_add_del", -3)).into();
        assert_eq!(e.class(), ErrorClass::Refused);
        let e: Error = ClientError::Disconnected.into();
        assert_eq!(e.class().exit_code(), 3);
        let e: Error = OpsError::File {
            path: "x".into(),
            source: io::Error::other("x"),
        }
        .into();
        assert_eq!(e.class(), ErrorClass::BadInput);
    }
}
