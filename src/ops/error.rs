//! The operations layer's error: the client's errors plus what only makes
//! sense in operators' terms (a name that matches nothing).

use crate::client::ClientError;

#[derive(Debug, thiserror::Error)]
pub enum OpsError {
    #[error(transparent)]
    Client(#[from] ClientError),
    /// A name given by the user that VPP does not know (exit 1; see docs/design.md, “Exit codes”).
    #[error("no such {what}: '{name}'")]
    NotFound { what: &'static str, name: String },
    /// Input rejected before anything was sent (exit 2; see docs/design.md, “Exit codes”).
    #[error("{0}")]
    BadInput(String),
    /// A file that cannot be read (exit 2).
    #[error("{0}")]
    File(#[from] std::io::Error),
    /// The CLI command VPP ran answered with an error (exit 1).
    #[error("{0}")]
    Refused(String),
}

pub type Result<T, E = OpsError> = std::result::Result<T, E>;
