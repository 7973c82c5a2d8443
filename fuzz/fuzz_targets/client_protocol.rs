//! The client's protocol core with a request, a dump and a get-stream in flight, fed an
//! arbitrary sequence of frames (replies, details, events, unknown ids, short and
//! malformed bodies) through the socket framing. Whatever came before, once each request's
//! ending message arrives the request is over (a result or an error), nothing stays in
//! flight, and what the core queued (events, keepalive answers) is bounded by what it read.
#![no_main]

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use vppx::binapi::interface::{
    SwInterfaceDetails, SwInterfaceDump, SwInterfaceTxPlacementDetails, SwInterfaceTxPlacementGet,
    SwInterfaceTxPlacementGetReply,
};
use vppx::binapi::memclnt::{ControlPingReply, MemclntKeepalive};
use vppx::binapi::vpe::{ShowVersion, ShowVersionReply};
use vppx::client::{MessageTable, Protocol};
use vppx::wire::{encode_message, write_frame, FrameBuffer, Message};

fn table() -> &'static Arc<MessageTable> {
    static TABLE: OnceLock<Arc<MessageTable>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let sim = vppx::sim::api::MessageTable::new();
        Arc::new(MessageTable::new(
            sim.entries().map(|(id, name)| (id, name.to_string())),
        ))
    })
}

fn id_of<M: Message>() -> u16 {
    table().id(M::NAME_CRC).expect("in the simulator's table")
}

fn frame_of<M: Message>(mut m: M, context: u32, out: &mut Vec<u8>) {
    m.set_context(context);
    let body = encode_message(id_of::<M>(), &m).expect("encodes");
    write_frame(out, &body).expect("frames");
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, mut rest)) = data.split_first() else {
        return;
    };
    let mut core = Protocol::new(Arc::clone(table()), 0x8000_0001);
    core.set_separate_ping_context(flags & 1 != 0);
    let mut sent = Vec::new();
    let request = core
        .send_request(ShowVersion::default(), &mut sent)
        .unwrap();
    let dump = core
        .send_dump(SwInterfaceDump::default(), &mut sent)
        .unwrap();
    // With its own context, the dump's control_ping took the next one.
    let ping = if flags & 1 != 0 { dump + 1 } else { dump };
    let stream = core
        .send_get_stream(SwInterfaceTxPlacementGet::default(), &mut sent)
        .unwrap();
    let ids = [
        id_of::<ShowVersionReply>(),
        id_of::<SwInterfaceDetails>(),
        id_of::<ControlPingReply>(),
        id_of::<SwInterfaceTxPlacementDetails>(),
        id_of::<SwInterfaceTxPlacementGetReply>(),
        id_of::<MemclntKeepalive>(),
    ];
    let contexts = [request, dump, ping, stream];

    // Chunks: [message][context][length][payload]. The message byte picks one of the
    // answers above or, past them, is an id of its own; the context byte one of the
    // requests' contexts or a stray one; its top bit leaves the context out (a short body).
    let mut stream_bytes = Vec::new();
    let mut frames = 0usize;
    while let [m, c, len, tail @ ..] = rest {
        let n = usize::from(*len).min(tail.len());
        let (payload, next) = tail.split_at(n);
        rest = next;
        let id = ids
            .get(usize::from(*m))
            .copied()
            .unwrap_or(u16::from(*m) << 4 | u16::from(*c & 0x0f));
        let mut body = id.to_be_bytes().to_vec();
        if *c & 0x80 == 0 {
            let context = contexts
                .get(usize::from(*c & 0x7f))
                .copied()
                .unwrap_or(u32::from(*c));
            body.extend_from_slice(&context.to_be_bytes());
        }
        body.extend_from_slice(payload);
        write_frame(&mut stream_bytes, &body).unwrap();
        frames += 1;
    }
    if flags & 2 != 0 {
        core.abandon(stream);
    }

    // The ending messages, after whatever came before.
    frame_of(ShowVersionReply::default(), request, &mut stream_bytes);
    frame_of(ControlPingReply::default(), ping, &mut stream_bytes);
    frame_of(
        SwInterfaceTxPlacementGetReply::default(),
        stream,
        &mut stream_bytes,
    );
    frames += 3;

    let mut buf = FrameBuffer::new();
    let piece = usize::from(flags >> 2).max(1) * 7;
    for chunk in stream_bytes.chunks(piece) {
        buf.extend(chunk);
        while let Some(body) = buf.next_frame().expect("our own frames are well formed") {
            // An error belongs to no request (a body too short for its id, say): the
            // connection goes on.
            let _ = core.handle_frame(&body);
        }
    }
    assert_eq!(buf.pending(), 0);

    assert_eq!(
        core.in_flight(),
        0,
        "a request is still waiting after its end"
    );
    assert!(core.take_reply::<ShowVersionReply>(request).is_some());
    assert!(core.take_dump::<SwInterfaceDetails>(dump).is_some());
    if flags & 2 == 0 {
        assert!(core
            .take_stream::<SwInterfaceTxPlacementDetails, SwInterfaceTxPlacementGetReply>(stream)
            .is_some());
    } else {
        assert!(
            !core.is_done(stream),
            "an abandoned request kept its answer"
        );
    }
    assert!(core.events_queued() <= frames);
    let mut out = Vec::new();
    core.take_outgoing(&mut out);
    assert!(
        out.len() <= frames * 64,
        "keepalive answers beyond one per frame"
    );
    while core.pop_event().is_some() {}
});
