//! The `vppx` binary against `vppx sim`: one test binary, one fixture that
//! starts the simulator on a private socket, a builder that runs vppx.

mod acl;
mod acl_serve;
mod api;
mod apply;
mod capacity;
#[path = "../common/mod.rs"]
mod common;
mod completions;
mod desired;
mod edges;
mod fleet;
mod harness;
mod iface;
mod openapi;
mod route;
mod route_golden;
mod route_load;
mod route_traffic;
mod serve;
mod serve_metrics;
mod serve_routes;
mod stats;
mod system;
mod watch;
