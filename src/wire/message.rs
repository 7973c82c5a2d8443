//! What every generated message knows about itself, and how a request is
//! paired with its answer. The client resolves messages by `NAME_CRC` against
//! the table VPP sends at connect time; the pairing traits let it know, from
//! the type alone, whether to wait for one reply, a stream of details, or a
//! get-stream ended by its own reply.

use serde::{de::DeserializeOwned, Serialize};

use super::codec::{Decode, Encode, Reader, Writer};
use super::error::{Result, WireError};

/// A message's role, from the `services` section of its `.api.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MessageKind {
    Request,
    Reply,
    Details,
    Event,
}

impl MessageKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MessageKind::Request => "request",
            MessageKind::Reply => "reply",
            MessageKind::Details => "details",
            MessageKind::Event => "event",
        }
    }
}

/// A typed VPP binary-API message. `Encode`/`Decode` cover the body after
/// `_vl_msg_id`, which is assigned per connection and so is not a field.
pub trait Message:
    Encode
    + Decode
    + Default
    + Clone
    + std::fmt::Debug
    + Serialize
    + DeserializeOwned
    + Send
    + Sync
    + 'static
{
    /// The message name, e.g. `show_version`.
    const NAME: &'static str;
    /// The definition's CRC.
    const CRC: u32;
    /// `name_crc` as it appears in VPP's message table, e.g. `show_version_51077d14`.
    const NAME_CRC: &'static str;
    const KIND: MessageKind;

    /// The `context` field, if the message has one.
    fn context(&self) -> Option<u32>;
    fn set_context(&mut self, context: u32);
    /// Sets `client_index`, if the message has one.
    fn set_client_index(&mut self, client_index: u32);
    /// The `retval` field, if the message has one.
    fn retval(&self) -> Option<i32>;
}

/// A request answered by exactly one reply.
pub trait Request: Message {
    type Reply: Message;
}

/// A `*_dump`: details until the control_ping reply that the client sends after it.
pub trait Dump: Message {
    type Details: Message;
}

/// A get-stream: details, then `Reply` (carrying a retval and a cursor) ends it.
pub trait GetStream: Message {
    type Details: Message;
    type Reply: Message;
}

/// A message body: `_vl_msg_id` then the fields.
pub fn encode_message<M: Message>(id: u16, msg: &M) -> Result<Vec<u8>> {
    let mut w = Writer::with_capacity(64);
    id.encode(&mut w)?;
    msg.encode(&mut w).map_err(|e| e.in_message(M::NAME))?;
    Ok(w.into_inner())
}

/// Decodes a message body (starting with `_vl_msg_id`). Trailing bytes are
/// ignored, as VPP's own clients do.
pub fn decode_message<M: Message>(body: &[u8]) -> Result<M> {
    let mut r = Reader::new(body);
    let _id: u16 = r.field("_vl_msg_id").map_err(|e| e.in_message(M::NAME))?;
    M::decode(&mut r).map_err(|e| e.in_message(M::NAME))
}

/// The `_vl_msg_id` of a message body.
pub fn message_id(body: &[u8]) -> Result<u16> {
    Reader::new(body).field("_vl_msg_id")
}

/// A generated message, for code that picks messages by name at run time
/// (the simulator's table, `vppx api`, conformance tests).
#[derive(Debug, Clone, Copy)]
pub struct MessageInfo {
    pub name: &'static str,
    pub crc: u32,
    pub name_crc: &'static str,
    pub kind: MessageKind,
    /// The `.api` module that declares it.
    pub module: &'static str,
    /// Decodes a body (after `_vl_msg_id`) to JSON.
    pub decode_json: fn(&[u8]) -> Result<serde_json::Value>,
    /// Builds a body (after `_vl_msg_id`) from JSON.
    pub encode_json: fn(serde_json::Value) -> Result<Vec<u8>>,
    /// Decodes a body (after `_vl_msg_id`) into the typed message and encodes that value
    /// again: the bytes a decoded value stands for (the fuzzers' round trip).
    pub reencode: fn(&[u8]) -> Result<Vec<u8>>,
}

/// Decodes a body without its id into `M`, then into JSON.
pub fn decode_json<M: Message>(body: &[u8]) -> Result<serde_json::Value> {
    let mut r = Reader::new(body);
    let m = M::decode(&mut r).map_err(|e| e.in_message(M::NAME))?;
    serde_json::to_value(&m).map_err(|e| WireError::invalid(e.to_string()).in_message(M::NAME))
}

/// Builds `M` from JSON (omitted fields take their declared defaults), then encodes it.
pub fn encode_json<M: Message>(v: serde_json::Value) -> Result<Vec<u8>> {
    let m: M = serde_json::from_value(v)
        .map_err(|e| WireError::invalid(e.to_string()).in_message(M::NAME))?;
    let mut w = Writer::new();
    m.encode(&mut w).map_err(|e| e.in_message(M::NAME))?;
    Ok(w.into_inner())
}

/// Decodes a body without its id into `M` and encodes that value again.
pub fn reencode<M: Message>(body: &[u8]) -> Result<Vec<u8>> {
    let mut r = Reader::new(body);
    let m = M::decode(&mut r).map_err(|e| e.in_message(M::NAME))?;
    let mut w = Writer::with_capacity(body.len());
    m.encode(&mut w).map_err(|e| e.in_message(M::NAME))?;
    Ok(w.into_inner())
}

/// The [`MessageInfo`] of a generated message.
pub const fn info<M: Message>(module: &'static str) -> MessageInfo {
    MessageInfo {
        name: M::NAME,
        crc: M::CRC,
        name_crc: M::NAME_CRC,
        kind: M::KIND,
        module,
        decode_json: decode_json::<M>,
        encode_json: encode_json::<M>,
        reencode: reencode::<M>,
    }
}
