//! The wire codec: VPP's binary-API encoding rules and the socket framing.
//! No I/O and no policy: the client, the simulator and `vppx api` all build
//! on this one set of rules.

mod codec;
pub mod enums;
mod error;
mod frame;
mod message;
mod types;

pub use codec::{Decode, Encode, Reader, Writer};
pub use enums::VppEnum;
pub use error::{Result, WireError, WireErrorKind};
pub use frame::{body_len, write_frame, FrameBuffer, HEADER_LEN, MAX_BODY_LEN};
pub use message::{
    decode_json, decode_message, encode_json, encode_message, info, message_id, Dump, GetStream,
    Message, MessageInfo, MessageKind, Request,
};
pub use types::{from_hex, to_hex, Bytes, FixedBytes, MacAddress, UnionBytes};

#[cfg(test)]
mod tests;
