//! vppx: a client, stats reader and simulator for FD.io VPP's binary API.

pub mod sim;
