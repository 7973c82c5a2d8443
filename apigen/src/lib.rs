//! apigen: VPP's `.api.json` definitions → a model → Rust code.
//!
//! The parse and model stages are a library because vppx itself uses them
//! at run time, for messages it only learns from a live VPP.

#![forbid(unsafe_code)]

pub mod emit;
pub mod model;
pub mod parse;
pub mod schema;
pub mod write;

pub use model::Api;
pub use parse::{parse_dir, parse_module, parse_modules, ParseError};
