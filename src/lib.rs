//! vppx: a client, stats reader and simulator for FD.io VPP's binary API.
#[rustfmt::skip]
pub mod binapi;
pub mod wire;
