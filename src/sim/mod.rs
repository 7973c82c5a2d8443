//! The VPP simulator.

pub mod statseg;
