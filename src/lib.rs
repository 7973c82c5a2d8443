//! vppx: a client, stats reader and simulator for FD.io VPP's binary API.
//!
//! Layers, each depending only on those before it: [`wire`] (the codec) →
//! [`binapi`] (generated messages) → `client` and [`stats`] → `ops` → the
//! CLI and the agent. The simulator ([`sim`]) uses the codec, the messages
//! and the stats layout, never the client.

pub mod agent;
#[rustfmt::skip]
pub mod binapi;
pub mod api;
pub mod cli;
pub mod client;
pub mod error;
pub mod ops;
pub mod sim;
pub mod stats;
pub mod wire;
