//! What the CLI and the agent share: operations on VPP expressed in operators' terms.

pub mod acl;
pub mod desired;
pub mod error;
pub mod events;
pub mod iface;
pub mod input;
pub mod names;
pub mod routes;
pub mod stats;
pub mod system;

pub use error::{OpsError, Result};
