//! The VPP simulator behind `vppx sim`.

pub mod cli;
