//! The simulator: a stand-in for VPP that answers the binary API and
//! publishes a stats segment as a real VPP does.
//!
//! [`Simulator::start`] serves a [`SimConfig`]; [`model`] holds the simulated state (with
//! [`fib`] its tables and [`acl`] the acl plugin's ACLs), [`api`] the message handlers, [`cli`]
//! and `cli_exec` the debug CLI behind `cli_inband`.

pub mod acl;
pub mod api;
pub mod cli;
mod cli_exec;
pub mod fib;
#[cfg(test)]
pub(crate) mod golden;
pub mod memory;
pub mod model;
mod server;
mod stats;
pub mod statseg;
pub mod traffic;

pub use server::{SimConfig, SimError, Simulator};
