//! The generated code of the modules `api_codec.rs` compares the model-driven
//! codec with, from `src/binapi` (outside vppx's default build).

#![allow(dead_code, non_snake_case, clippy::all)]

pub use vppx::binapi::{ethernet_types, interface_types, ip_types};
#[path = "../../src/binapi/bfd.rs"] pub mod bfd;
#[path = "../../src/binapi/ipsec.rs"] pub mod ipsec;
#[path = "../../src/binapi/ipsec_types.rs"] pub mod ipsec_types;
#[path = "../../src/binapi/l2.rs"] pub mod l2;
#[path = "../../src/binapi/lb.rs"] pub mod lb;
#[path = "../../src/binapi/lb_types.rs"] pub mod lb_types;
#[path = "../../src/binapi/nat44_ed.rs"] pub mod nat44_ed;
#[path = "../../src/binapi/nat_types.rs"] pub mod nat_types;
#[path = "../../src/binapi/sr.rs"] pub mod sr;
#[path = "../../src/binapi/sr_types.rs"] pub mod sr_types;
#[path = "../../src/binapi/tunnel_types.rs"] pub mod tunnel_types;
#[path = "../../src/binapi/wireguard.rs"] pub mod wireguard;

/// The messages of the modules of `OUTSIDE`.
pub fn outside() -> [&'static [crate::wire::MessageInfo]; 7] {
    [
        nat44_ed::MESSAGES,
        lb::MESSAGES,
        ipsec::MESSAGES,
        l2::MESSAGES,
        sr::MESSAGES,
        bfd::MESSAGES,
        wireguard::MESSAGES,
    ]
}
