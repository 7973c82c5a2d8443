//! The socket framing and dispatch by message id: bytes as they come off an API socket are
//! cut into frames by `FrameBuffer`, each body's `_vl_msg_id` picks a generated message (the
//! simulator's message table), and whatever decodes is encoded again and must decode to the
//! same value.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use vppx::sim::api::MessageTable;
use vppx::wire::{message_id, FrameBuffer, MessageInfo, WireErrorKind};

fn table() -> &'static MessageTable {
    static TABLE: OnceLock<MessageTable> = OnceLock::new();
    TABLE.get_or_init(MessageTable::new)
}

fn check(info: &MessageInfo, body: &[u8]) {
    let Ok(first) = (info.decode_json)(body) else {
        return;
    };
    let again = match (info.reencode)(body) {
        Ok(again) => again,
        // The one asymmetry the codec keeps on purpose, as vpp_papi does: a fixed-size
        // string is read to its end even without a NUL, but written with room for one,
        // so that VPP always finds it terminated.
        Err(e) if matches!(e.kind, WireErrorKind::TooLong { .. }) => return,
        Err(e) => panic!("{}: decoded but cannot be encoded again: {e}", info.name),
    };
    let second = (info.decode_json)(&again)
        .unwrap_or_else(|e| panic!("{}: re-encoded bytes do not decode: {e}", info.name));
    assert_eq!(first, second, "{}: re-encoded value differs", info.name);
}

fuzz_target!(|data: &[u8]| {
    // The first byte says how the stream arrives: in one read or in small pieces, so that
    // headers and bodies split across reads are exercised too.
    let Some((&split, stream)) = data.split_first() else {
        return;
    };
    let piece = usize::from(split).max(1);
    let mut frames = FrameBuffer::new();
    let mut bodies = Vec::new();
    for chunk in stream.chunks(piece) {
        frames.extend(chunk);
        loop {
            match frames.next_frame() {
                Ok(Some(body)) => bodies.push(body),
                Ok(None) => break,
                // A bad header ends the connection; what came before stands.
                Err(_) => break,
            }
        }
    }
    assert!(frames.pending() <= stream.len());
    // Stream bytes that do not form one frame are also tried as a body by themselves, so
    // the decoders see inputs without having to grow a valid header first.
    if bodies.is_empty() {
        bodies.push(stream.to_vec());
    }
    for body in &bodies {
        let Ok(id) = message_id(body) else {
            continue;
        };
        let table = table();
        // The id as the simulator's table has it, and (ids being per connection) the same
        // bytes read as any message: the id modulo the table's size.
        if let Some(info) = table.info(id) {
            check(info, &body[2..]);
        }
        let len = table.len() as u16;
        if len > 0 {
            if let Some(info) = table.info(id % len + 1) {
                check(info, &body[2..]);
            }
        }
    }
});
