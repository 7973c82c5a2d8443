//! The simulator's debug CLI: what it answers to `cli_inband`.
//!
//! This module owns the text side of `cli_inband` and nothing else: [`parse`] turns a command
//! line into a [`CliCommand`] (or VPP's error for it), and the `render_*` functions turn plain
//! view structs into VPP's own output, byte for byte where a real capture shows it. It knows
//! neither the wire protocol nor the simulator's model: the simulator core executes the
//! command against its state, fills the views and sends `(retval, reply)` back. Keeping it pure
//! lets every renderer be tested against real VPP text (`golden/cli/cli.json`).
//!
//! A successful command answers `retval` 0 and its rendered text (empty for `set` and
//! `delete`); a failed one answers [`CliError::retval`] (-1) and [`CliError::reply`].

mod error;
mod parse;
mod render;

pub use error::{CliError, CLI_ERROR_RETVAL};
pub use parse::{
    parse, AddressOp, CliCommand, FibProto, IfaceRef, TrafficSpec, MAX_FRAME_SIZE, MIN_FRAME_SIZE,
};
pub use render::*;
