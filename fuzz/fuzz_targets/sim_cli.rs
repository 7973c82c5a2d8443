//! The simulator's debug CLI as clients reach it: `cli_inband` requests carrying arbitrary
//! strings, handled by the simulator's API (the parser, then the command run against a
//! model with pg0 and pg1). Each line of the input is one request, in order, on one model.
//! Every request is answered with exactly one `cli_inband_reply`.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use vppx::binapi::vlib::{CliInband, CliInbandReply};
use vppx::sim::api::Api;
use vppx::sim::model::Model;
use vppx::wire::{decode_message, encode_message, FrameBuffer, Message};

fn api() -> &'static Api {
    static API: OnceLock<Api> = OnceLock::new();
    API.get_or_init(Api::new)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Also the parser on its own, on the whole input (newlines and all).
    let _ = vppx::sim::cli::parse(&text);
    let api = api();
    let id = api
        .table
        .id(CliInband::NAME_CRC)
        .expect("cli_inband in the table");
    let reply_id = api.table.id(CliInbandReply::NAME_CRC).expect("its reply");
    let mut model = Model::new(&["pg0".to_string(), "pg1".to_string()]);
    for (n, line) in text.split('\n').take(16).enumerate() {
        let req = CliInband {
            client_index: 0,
            context: n as u32 + 1,
            cmd: line.to_string(),
        };
        let body = encode_message(id, &req).expect("encodes");
        let mut frames = Vec::new();
        let _ = api.handle(&mut model, 0, &body, &mut frames);
        let mut buf = FrameBuffer::new();
        buf.extend(&frames);
        let reply = buf
            .next_frame()
            .expect("the simulator frames its answers")
            .unwrap_or_else(|| panic!("no answer to {line:?}"));
        assert_eq!(vppx::wire::message_id(&reply).unwrap(), reply_id);
        let reply: CliInbandReply = decode_message(&reply).expect("the reply decodes");
        assert_eq!(reply.context, n as u32 + 1);
    }
});
