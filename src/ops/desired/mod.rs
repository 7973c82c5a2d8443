//! Desired state: what a node should look like, made so — no more, no less.
//!
//! - [`source`]: vppx's own FIB source, found by name or registered once per VPP
//!   lifetime.
//! - [`routes`]: the routes of that source in the managed tables made exactly a list
//!   (`route load --replace`, and the routes of `vppx apply`).
//! - [`document`]: the document of `vppx apply` / `POST /apply`, read and checked, errors
//!   naming line, column and field ([`spot`] is how), its YAML aliases bounded
//!   ([`expansion`]).
//! - [`plan`]: the document against VPP: the steps, in dependency order.
//! - [`execute`]: the steps taken (or, dry, only reported), into a [`report::Report`].
//! - [`export`]: a node's state written as a document.

pub mod document;
pub mod execute;
mod expansion;
pub mod export;
pub mod plan;
pub mod report;
pub mod routes;
pub mod source;
mod spot;
