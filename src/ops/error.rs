//! The operations layer's error: the client's errors plus what only makes
//! sense in operators' terms (a name that matches nothing).

use std::path::PathBuf;

use crate::client::ClientError;
use crate::error::{Classify, ErrorClass};

#[derive(Debug, thiserror::Error)]
pub enum OpsError {
    #[error(transparent)]
    Client(#[from] ClientError),
    /// A name given by the user that VPP does not know.
    #[error("no such {what}: '{name}'")]
    NotFound { what: &'static str, name: String },
    /// Input rejected before anything was sent.
    #[error("{0}")]
    BadInput(String),
    /// Names in a document that VPP does not have (an interface, an ACL, a table), each
    /// located in the document; nothing was sent.
    #[error("{0}")]
    Unknown(String),
    /// A file the user named that cannot be read. Only for such files: an internal I/O
    /// failure is not the user's input (no `From<io::Error>` on purpose).
    #[error("cannot read {}", path.display())]
    File {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The CLI command VPP ran answered with an error.
    #[error("{0}")]
    Refused(String),
    /// The request contradicts VPP's state as checked (already exists, in use).
    #[error("{0}")]
    Conflict(String),
}

impl Classify for OpsError {
    fn class(&self) -> ErrorClass {
        match self {
            OpsError::Client(c) => c.class(),
            OpsError::NotFound { .. } | OpsError::Unknown(_) => ErrorClass::NotFound,
            OpsError::BadInput(_) | OpsError::File { .. } => ErrorClass::BadInput,
            OpsError::Refused(_) => ErrorClass::Refused,
            OpsError::Conflict(_) => ErrorClass::Conflict,
        }
    }

    fn vpp_refusal(&self) -> Option<(i32, Option<&'static str>)> {
        match self {
            OpsError::Client(c) => c.vpp_refusal(),
            _ => None,
        }
    }
}

pub type Result<T, E = OpsError> = std::result::Result<T, E>;
