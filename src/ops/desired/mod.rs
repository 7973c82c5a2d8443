//! Desired state: what a node should look like, made so — no more, no less.
//!
//! - [`source`]: vppx's own FIB source, found by name or registered once per VPP
//!   lifetime.
//! - [`routes`]: the routes of that source in the managed tables made exactly a list
//!   (`route load --replace`, and the routes of `vppx apply`).

pub mod routes;
pub mod source;
