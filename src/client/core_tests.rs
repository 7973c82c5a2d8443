//! The protocol core fed with the frames of two sessions a real VPP had with vpp_papi
//! (`golden/api/session.jsonl`, `session2.jsonl`), without a socket. Requests are built
//! from the captured bodies and must come out byte for byte as vpp_papi sent them;
//! VPP's answers are fed back in the captured order.

use serde_json::Value;

use crate::binapi::interface::{
    SwInterfaceDetails, SwInterfaceDump, SwInterfaceEvent, SwInterfaceSetFlags,
    SwInterfaceTxPlacementDetails, SwInterfaceTxPlacementGet, SwInterfaceTxPlacementGetReply,
};
use crate::binapi::ip::{IpAddressDetails, IpAddressDump};
use crate::binapi::memclnt::{
    ControlPing, ControlPingReply, MemclntKeepalive, MemclntKeepaliveReply, SockclntDelete,
    SockclntDeleteReply,
};
use crate::binapi::vpe::{ShowVersion, ShowVersionReply};
use crate::wire::{decode_message, encode_message, write_frame, FrameBuffer, Message};

use super::protocol::check_retval;
use super::{ClientError, Protocol};

/// One captured session: its frames by `seq`.
struct Session {
    frames: Vec<Value>,
}

impl Session {
    fn load(name: &str) -> Session {
        Session {
            frames: crate::sim::golden::api_frames(name),
        }
    }

    fn frame(&self, seq: usize) -> &Value {
        let f = &self.frames[seq];
        assert_eq!(f["seq"].as_u64(), Some(seq as u64), "frames out of order");
        f
    }

    fn body(&self, seq: usize) -> Vec<u8> {
        unhex(self.frame(seq)["hex"].as_str().expect("hex"))
    }

    /// A request as vpp_papi sent it, as a typed message.
    fn request<M: Message>(&self, seq: usize) -> M {
        assert_eq!(self.frame(seq)["msg"].as_str(), Some(M::NAME_CRC));
        decode_message(&self.body(seq)).expect("golden request decodes")
    }

    /// The core after this session's handshake, numbering contexts from `next` as
    /// vpp_papi did at that point.
    fn core(&self, next: u32) -> Protocol {
        let mut p = Protocol::from_handshake_reply(&self.body(1)).expect("handshake reply");
        p.set_next_context(next);
        p
    }

    fn feed(&self, p: &mut Protocol, seqs: std::ops::RangeInclusive<usize>) {
        for seq in seqs {
            assert_eq!(self.frame(seq)["dir"], "from_vpp", "seq {seq}");
            p.handle_frame(&self.body(seq))
                .expect("golden frame routes");
        }
    }
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex digit"))
        .collect()
}

/// The frames vpp_papi wrote for these `seq`s, with their socket headers.
fn framed(s: &Session, seqs: &[usize]) -> Vec<u8> {
    let mut out = Vec::new();
    for &seq in seqs {
        assert_eq!(s.frame(seq)["dir"], "to_vpp", "seq {seq}");
        write_frame(&mut out, &s.body(seq)).expect("frame");
    }
    out
}

#[test]
fn handshake_request_is_vpp_papis_apart_from_the_name_and_context() {
    let s = Session::load("session.jsonl");
    let ours = Protocol::handshake_request("golden", 124).expect("encodes");
    assert_eq!(ours, s.body(0));
    // Long names are cut to what VPP keeps, never refused.
    let long = Protocol::handshake_request(&"é".repeat(40), 1).expect("encodes");
    assert_eq!(long.len(), s.body(0).len());
}

#[test]
fn handshake_reply_gives_the_table_and_client_index() {
    let s = Session::load("session.jsonl");
    let p = Protocol::from_handshake_reply(&s.body(1)).expect("handshake reply");
    assert_eq!(p.table().len(), 927);
    assert_eq!(p.client_index(), 0x8000_0001);
    assert_eq!(p.table().id("show_version_51077d14"), Some(902));
    assert_eq!(p.table().id("sockclnt_create_455fb9c4"), Some(15));
    assert_eq!(p.table().id("sockclnt_create_reply_35166268"), Some(16));
    assert_eq!(p.table().name(220), Some("sw_interface_event_2d3d95a7"));
    // The same as the table captured beside the session.
    let text = crate::sim::golden::text("api/message_table.json");
    let table: std::collections::BTreeMap<String, u16> = serde_json::from_str(&text).expect("json");
    assert_eq!(p.table().map(), &table);

    // Anything but a well-formed id-16 answer is an error, never a panic.
    let body = s.body(1);
    for cut in [0, 1, 2, 7, 20, body.len() - 1] {
        assert!(
            Protocol::from_handshake_reply(&body[..cut]).is_err(),
            "cut {cut}"
        );
    }
    let err = Protocol::from_handshake_reply(&s.body(3))
        .err()
        .expect("not id 16");
    assert!(matches!(err, ClientError::Protocol(_)), "{err}");
}

#[test]
fn require_sorts_missing_and_changed() {
    let s = Session::load("session.jsonl");
    let p = s.core(1);
    let (missing, changed) = p.table().check(&[
        "show_version_51077d14",
        "show_version_deadbeef",
        "no_such_message_12345678",
        "control_ping_reply_f6b0b8ca",
    ]);
    assert_eq!(missing, ["no_such_message_12345678"]);
    assert_eq!(changed, ["show_version_deadbeef"]);
}

#[test]
fn show_version_is_paired_by_context() {
    let s = Session::load("session.jsonl");
    let mut p = s.core(1);
    let mut out = Vec::new();
    let ctx = p
        .send_request(ShowVersion::default(), &mut out)
        .expect("send");
    assert_eq!(ctx, 1);
    assert_eq!(out, framed(&s, &[2]));
    assert!(!p.is_done(ctx));
    s.feed(&mut p, 3..=3);
    let reply: ShowVersionReply = p.take_reply(ctx).expect("done").expect("decodes");
    assert_eq!(
        reply.version,
        s.frame(3)["fields"]["version"].as_str().unwrap()
    );
    assert_eq!(reply.retval, 0);
    assert_eq!(p.in_flight(), 0);
    assert_eq!(p.events_queued(), 0);
    // Taken once.
    assert!(p.take_reply::<ShowVersionReply>(ctx).is_none());
}

#[test]
fn sw_interface_dump_collects_until_the_ping_reply_with_its_context() {
    let s = Session::load("session.jsonl");
    let mut p = s.core(3);
    let mut out = Vec::new();
    let ctx = p
        .send_dump(s.request::<SwInterfaceDump>(6), &mut out)
        .expect("send");
    assert_eq!(ctx, 3);
    // The dump and its control_ping (same context), as vpp_papi sent them.
    assert_eq!(out, framed(&s, &[6, 7]));
    s.feed(&mut p, 8..=11);
    assert!(!p.is_done(ctx), "details alone do not end a dump");
    s.feed(&mut p, 12..=12);
    let details: Vec<SwInterfaceDetails> = p.take_dump(ctx).expect("done").expect("decodes");
    let names: Vec<&str> = details.iter().map(|d| d.interface_name.as_str()).collect();
    let expected: Vec<&str> = (8..=11)
        .map(|seq| s.frame(seq)["fields"]["interface_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, expected);
    assert_eq!(names.len(), 4);
    assert_eq!(p.events_queued(), 0);
    assert_eq!(p.in_flight(), 0);
}

#[test]
fn a_dump_whose_ping_has_its_own_context() {
    let s = Session::load("session.jsonl");
    let mut p = s.core(8);
    p.set_separate_ping_context(true);
    let mut out = Vec::new();
    let ctx = p
        .send_dump(s.request::<IpAddressDump>(21), &mut out)
        .expect("send");
    assert_eq!(ctx, 8);
    let mut frames = FrameBuffer::new();
    frames.extend(&out);
    assert_eq!(frames.next_frame().unwrap(), Some(s.body(21)));
    let ping: ControlPing = decode_message(&frames.next_frame().unwrap().expect("ping")).unwrap();
    assert_eq!(ping.context, 9);
    s.feed(&mut p, 23..=23);
    // The golden ping reply carries the dump's context; ours must carry the ping's.
    let mut reply: ControlPingReply = decode_message(&s.body(24)).unwrap();
    reply.context = 9;
    let id = p.table().id(ControlPingReply::NAME_CRC).unwrap();
    p.handle_frame(&encode_message(id, &reply).unwrap())
        .unwrap();
    let details: Vec<IpAddressDetails> = p.take_dump(ctx).expect("done").expect("decodes");
    assert_eq!(details.len(), 1);
    assert_eq!(p.in_flight(), 0);
    assert_eq!(p.events_queued(), 0);
}

#[test]
fn the_event_after_a_reply_goes_to_the_event_queue() {
    let s = Session::load("session.jsonl");
    let mut p = s.core(18);
    let mut out = Vec::new();
    let ctx = p
        .send_request(s.request::<SwInterfaceSetFlags>(70), &mut out)
        .expect("send");
    assert_eq!(out, framed(&s, &[70]));
    s.feed(&mut p, 71..=72);
    let reply = p
        .take_reply::<<SwInterfaceSetFlags as crate::wire::Request>::Reply>(ctx)
        .expect("done")
        .expect("decodes");
    assert_eq!(reply.retval, 0);
    let ev = p.pop_event().expect("the event is queued");
    assert_eq!(ev.name_crc, "sw_interface_event_2d3d95a7");
    assert_eq!(ev.body, s.body(72));
    assert!(ev.decode::<ShowVersionReply>().unwrap().is_none());
    let e: SwInterfaceEvent = ev.decode().unwrap().expect("an interface event");
    assert_eq!(
        e.sw_if_index,
        s.frame(72)["fields"]["sw_if_index"].as_u64().unwrap() as u32
    );
    assert!(p.pop_event().is_none());
}

#[test]
fn events_around_a_reply_keep_their_order() {
    let s = Session::load("session2.jsonl");
    // session2: admin up → event, reply, event; then admin down → reply, event.
    let mut p = s.core(23);
    let mut out = Vec::new();
    let up = p
        .send_request(s.request::<SwInterfaceSetFlags>(71), &mut out)
        .unwrap();
    let down = p
        .send_request(s.request::<SwInterfaceSetFlags>(75), &mut out)
        .unwrap();
    assert_eq!(out, framed(&s, &[71, 75]));
    s.feed(&mut p, 72..=74);
    s.feed(&mut p, 76..=77);
    for ctx in [up, down] {
        let r = p
            .take_reply::<<SwInterfaceSetFlags as crate::wire::Request>::Reply>(ctx)
            .expect("done")
            .unwrap();
        assert_eq!(r.retval, 0);
    }
    let bodies: Vec<Vec<u8>> = std::iter::from_fn(|| p.pop_event())
        .map(|e| e.body)
        .collect();
    assert_eq!(bodies, [s.body(72), s.body(74), s.body(77)]);
}

#[test]
fn a_negative_retval_is_a_vpp_error_with_its_name() {
    let s = Session::load("session.jsonl");
    let mut p = s.core(13);
    let mut out = Vec::new();
    let ctx = p
        .send_request(s.request::<SwInterfaceSetFlags>(60), &mut out)
        .unwrap();
    assert_eq!(out, framed(&s, &[60]));
    s.feed(&mut p, 61..=61);
    let reply = p
        .take_reply::<<SwInterfaceSetFlags as crate::wire::Request>::Reply>(ctx)
        .expect("done")
        .expect("decodes");
    assert_eq!(reply.retval, -2);
    let err = check_retval(SwInterfaceSetFlags::NAME, reply).unwrap_err();
    assert!(matches!(
        err,
        ClientError::Vpp {
            message: "sw_interface_set_flags",
            retval: -2,
            name: Some("VNET_API_ERROR_INVALID_SW_IF_INDEX"),
        }
    ));
    assert_eq!(
        err.to_string(),
        "sw_interface_set_flags: VNET_API_ERROR_INVALID_SW_IF_INDEX (-2)"
    );
}

#[test]
fn sockclnt_delete_reply_answers_one() {
    let s = Session::load("session.jsonl");
    let mut p = s.core(22);
    let mut out = Vec::new();
    let index = p.client_index();
    let ctx = p
        .send_request(
            SockclntDelete {
                index,
                ..Default::default()
            },
            &mut out,
        )
        .unwrap();
    assert_eq!(out, framed(&s, &[79]));
    s.feed(&mut p, 80..=80);
    let reply: SockclntDeleteReply = p.take_reply(ctx).expect("done").unwrap();
    assert_eq!(reply.response, 1);
}

#[test]
fn a_get_stream_ends_with_its_own_reply() {
    let s = Session::load("session2.jsonl");
    let mut p = s.core(20);
    let mut out = Vec::new();
    let ctx = p
        .send_get_stream(s.request::<SwInterfaceTxPlacementGet>(65), &mut out)
        .unwrap();
    assert_eq!(out, framed(&s, &[65]));
    s.feed(&mut p, 66..=66);
    let (details, reply) = p
        .take_stream::<SwInterfaceTxPlacementDetails, SwInterfaceTxPlacementGetReply>(ctx)
        .expect("done")
        .unwrap();
    assert!(details.is_empty());
    assert_eq!(reply.retval, -6);
}

#[test]
fn a_message_missing_from_the_table_is_never_sent() {
    let s = Session::load("session.jsonl");
    let reply = s.core(1).table().id(ShowVersionReply::NAME_CRC).unwrap();
    // A table without show_version: the request must fail before anything is written.
    let table = super::MessageTable::new([(reply, ShowVersionReply::NAME_CRC.to_string())]);
    let mut p = Protocol::new(std::sync::Arc::new(table), 7);
    let mut out = Vec::new();
    let err = p
        .send_request(ShowVersion::default(), &mut out)
        .unwrap_err();
    assert!(matches!(&err, ClientError::NotInTable(n) if n == "show_version_51077d14"));
    assert!(out.is_empty());
    assert_eq!(p.in_flight(), 0);
    let err = p
        .send_dump(SwInterfaceDump::default(), &mut out)
        .unwrap_err();
    assert!(matches!(err, ClientError::NotInTable(_)));
    assert!(out.is_empty());
}

#[test]
fn keepalive_is_answered_with_its_context() {
    let s = Session::load("session.jsonl");
    let mut p = s.core(1);
    let id = p.table().id(MemclntKeepalive::NAME_CRC).unwrap();
    let reply_id = p.table().id(MemclntKeepaliveReply::NAME_CRC).unwrap();
    let ka = MemclntKeepalive {
        client_index: 0,
        context: 0x1234,
    };
    p.handle_frame(&encode_message(id, &ka).unwrap()).unwrap();
    let mut out = Vec::new();
    p.take_outgoing(&mut out);
    let mut expected = Vec::new();
    let answer = MemclntKeepaliveReply {
        context: 0x1234,
        retval: 0,
    };
    write_frame(&mut expected, &encode_message(reply_id, &answer).unwrap()).unwrap();
    assert_eq!(out, expected);
    assert_eq!(p.events_queued(), 0);
}

#[test]
fn a_bad_answer_fails_its_request_only() {
    let s = Session::load("session.jsonl");
    let mut p = s.core(1);
    let mut out = Vec::new();
    let first = p.send_request(ShowVersion::default(), &mut out).unwrap();
    let second = p.send_request(ShowVersion::default(), &mut out).unwrap();
    // The first answer cut short: it fails the oldest show_version, naming message and field.
    let good = s.body(3);
    p.handle_frame(&good[..40]).unwrap();
    let err = p
        .take_reply::<ShowVersionReply>(first)
        .expect("done")
        .unwrap_err();
    assert!(matches!(err, ClientError::Wire(_)));
    assert!(
        err.to_string()
            .starts_with("show_version_reply.program: message too short"),
        "{err}"
    );
    // The second still pairs.
    let mut body = good.clone();
    body[2..6].copy_from_slice(&second.to_be_bytes());
    p.handle_frame(&body).unwrap();
    assert!(p
        .take_reply::<ShowVersionReply>(second)
        .expect("done")
        .is_ok());
    // Bodies too short for an id, and garbage nobody waits for, never panic.
    assert!(p.handle_frame(&[]).is_err());
    assert!(p.handle_frame(&[1]).is_err());
    assert!(p.handle_frame(&good[..40]).is_err());
    p.handle_frame(&[0xff, 0xff, 1, 2]).unwrap();
    assert_eq!(p.pop_event().unwrap().name_crc, "unknown_msg_65535");
}

#[test]
fn an_abandoned_request_drops_its_late_answer() {
    let s = Session::load("session.jsonl");
    let mut p = s.core(3);
    let mut out = Vec::new();
    let ctx = p
        .send_dump(s.request::<SwInterfaceDump>(6), &mut out)
        .unwrap();
    s.feed(&mut p, 8..=9);
    p.abandon(ctx);
    s.feed(&mut p, 10..=12);
    assert!(!p.is_done(ctx));
    assert_eq!(p.in_flight(), 0);
    assert_eq!(p.events_queued(), 0);
    // A reply to a context nobody ever sent is not swallowed: it is an event.
    s.feed(&mut p, 3..=3);
    assert_eq!(p.pop_event().unwrap().name_crc, ShowVersionReply::NAME_CRC);
}

#[test]
fn the_event_queue_is_bounded_and_overflow_is_an_error() {
    use super::protocol::MAX_EVENTS_QUEUED;
    use crate::client::MessageTable;
    let mut p = Protocol::new(std::sync::Arc::new(MessageTable::new([])), 1);
    let event = [0xff, 0xfe, 0, 0, 0, 0];
    for _ in 0..MAX_EVENTS_QUEUED {
        p.handle_frame(&event).expect("room for it");
    }
    let err = p.handle_frame(&event).expect_err("one past the bound");
    assert!(matches!(err, ClientError::Overflow { .. }), "{err}");
    assert!(err.to_string().contains("unread events"), "{err}");
    assert_eq!(p.events_queued(), MAX_EVENTS_QUEUED);
    // Reading makes room again; nothing queued before the overflow was lost.
    assert!(p.pop_event().is_some());
    p.handle_frame(&event).expect("room again");
    assert_eq!(p.events_queued(), MAX_EVENTS_QUEUED);
}

#[test]
fn requests_in_flight_are_bounded() {
    use super::protocol::MAX_IN_FLIGHT;
    let s = Session::load("session.jsonl");
    let mut p = s.core(1);
    let mut out = Vec::new();
    for _ in 0..MAX_IN_FLIGHT {
        p.send_request(ShowVersion::default(), &mut out).unwrap();
    }
    let written = out.len();
    let err = p
        .send_request(ShowVersion::default(), &mut out)
        .expect_err("one past the bound");
    assert!(matches!(err, ClientError::Overflow { .. }), "{err}");
    assert_eq!(
        out.len(),
        written,
        "nothing is written for a refused request"
    );
}
