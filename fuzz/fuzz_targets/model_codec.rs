//! `vppx api`'s model-driven codec: an arbitrary schema (what `get_api_json` or a cache file
//! could hold) read as `Schema::from_json` reads it, then, for its messages, arbitrary bytes
//! decoded and arbitrary request JSON encoded, through the model-driven codec and through
//! the schema's own choice (the generated type where name and CRC match).
//!
//! Input: schema JSON, a 0xFF byte, request JSON, a 0xFF byte, body bytes (0xFF never
//! occurs in UTF-8 text, so the parts need no escaping).
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use vppx::api::{Codec, Schema};

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |&b| b == 0xff);
    let (Some(schema), Some(request), Some(body)) = (parts.next(), parts.next(), parts.next())
    else {
        return;
    };
    let Ok(schema) = std::str::from_utf8(schema) else {
        return;
    };
    let Ok(schema) = Schema::from_json("fuzz", schema) else {
        return;
    };
    let request: Value = serde_json::from_slice(request).unwrap_or(Value::Null);
    for msg in schema.messages().into_iter().take(32) {
        let codec = Codec::new(msg.api);
        if let Ok(v) = codec.decode(msg.module, msg.def, body) {
            // What decoded is JSON the codec may be given back; it need not accept it
            // (unions), but must not fail in any other way than an error.
            let _ = codec.encode(msg.module, msg.def, &v);
        }
        let _ = codec.encode(msg.module, msg.def, &request);
        let _ = schema.decode(&msg, body);
        let _ = schema.encode(&msg, &request);
        if let Some(reply) = schema.service(&msg).and_then(|s| s.reply.as_deref()) {
            let _ = schema.related(&msg, reply);
        }
    }
});
