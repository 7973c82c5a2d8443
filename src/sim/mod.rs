//! The simulator: a stand-in for VPP that answers the binary API as a real VPP does.

pub mod fib;
#[cfg(test)]
pub(crate) mod golden;
