//! vppx: a client, stats reader and simulator for FD.io VPP's binary API.
//!
//! Layers, each depending only on those before it: [`wire`] (the codec) →
//! [`binapi`] (generated messages) → `client` and [`stats`] → `ops` → the
//! CLI and the agent. The simulator ([`sim`]) uses the codec, the messages
//! and the stats layout, never the client.
//!
//! Unsafe code is denied crate-wide and forbidden in every module but the
//! stats segment mapping (`stats::segment`), where each use carries its
//! SAFETY argument.

#![deny(unsafe_code)]

// The stats segment is read with 64-bit atomic loads while VPP writes it (see
// `stats::segment`): a target without them cannot read it soundly.
#[cfg(not(target_has_atomic = "64"))]
compile_error!("vppx needs 64-bit atomics: the stats segment is read with 64-bit atomic loads");

#[forbid(unsafe_code)]
pub(crate) mod agent;
/// The agent's request parsers, public only to the fuzz targets (built with `--cfg
/// fuzzing`): the agent stays private to the crate (see docs/design.md, “Fuzzing and the
/// OpenAPI contract”).
#[cfg(fuzzing)]
pub mod agent_parsers {
    pub use crate::agent::body;
    pub use crate::agent::http::parsers::*;
}
#[rustfmt::skip]
#[forbid(unsafe_code)]
pub mod binapi;
#[forbid(unsafe_code)]
pub mod api;
#[forbid(unsafe_code)]
pub mod cli;
#[forbid(unsafe_code)]
pub mod client;
#[forbid(unsafe_code)]
pub mod error;
#[forbid(unsafe_code)]
pub mod ops;
#[forbid(unsafe_code)]
pub mod sim;
pub mod stats;
#[forbid(unsafe_code)]
pub mod wire;
