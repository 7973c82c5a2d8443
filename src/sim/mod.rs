//! The simulator: a stand-in for VPP that answers the binary API and
//! publishes a stats segment as a real VPP does.

pub mod cli;
pub mod fib;
#[cfg(test)]
pub(crate) mod golden;
pub mod statseg;
