//! What the CLI and the agent share: operations on VPP expressed in operators' terms.

pub mod routes;
