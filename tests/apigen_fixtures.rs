//! The code apigen generates for its own fixtures (`apigen/tests/fixtures/*/expected/`)
//! compiles against vppx's codec and encodes byte for byte as the rules say:
//! defaults, unions, counted and trailing arrays, imported types, pairing traits.

// What generated code expects at its crate's root.
mod wire {
    pub use vppx::wire::*;
}
#[allow(unused_imports)]
use vppx::{vpp_enum, vpp_flags};

#[allow(dead_code)]
#[rustfmt::skip]
#[path = "../apigen/tests/fixtures/fields/expected/mod.rs"]
mod fields;

#[allow(dead_code)]
#[rustfmt::skip]
#[path = "../apigen/tests/fixtures/imports/expected/mod.rs"]
mod imports;

use fields::demo::*;
use serde_json::json;
use vppx::wire::{decode_message, encode_message, Dump, GetStream, Message, MessageKind, Request};

/// Hex with spaces between bytes → bytes, by the library's decoder.
fn hex(s: &str) -> Vec<u8> {
    let s: String = s.split_whitespace().collect();
    vppx::wire::from_hex(&s).expect("valid hex")
}

fn body<M: Message>(m: &M) -> Vec<u8> {
    encode_message(0x0102, m).unwrap()[2..].to_vec()
}

const DEMO_SET_DEFAULT: &str = "
    00000000 00000000       client_index, context
    01 01 000005dc 02       enable (\"true\"), odd (4294967295), limit 1500, color 2 (u8)
    000000000000e03f        ratio 0.5, little-endian
    00000000                flags
    000000000000            mac (u8[6] alias)
    00000000                index (u32 alias)
    0000000000              choice: 5 bytes, its widest member (pair)
    00000000000000000000000000000000  name[16]
    00000000                note: empty variable string
    00000000                key: u8[4]
    00000000                count of data (nothing follows)
    0000000000000000        holder.label[8]
    00000000000000000000    holder.pairs[2]
    00                      holder.n_items";

fn strip_comments(s: &str) -> String {
    s.lines()
        .map(|l| {
            l.split_whitespace()
                .take_while(|w| w.chars().all(|c| c.is_ascii_hexdigit()))
                .collect::<String>()
        })
        .collect()
}

#[test]
fn defaults_are_declared_values() {
    let want = hex(&strip_comments(DEMO_SET_DEFAULT));
    assert_eq!(body(&DemoSet::default()), want);
    // Omitted JSON fields take the same defaults.
    let info = fields::message_tables()[0]
        .iter()
        .find(|i| i.name == "demo_set")
        .copied()
        .unwrap();
    assert_eq!((info.encode_json)(json!({})).unwrap(), want);
}

#[test]
fn every_field_kind_round_trips() {
    let m = DemoSet {
        client_index: 1,
        context: 2,
        enable: false,
        odd: false,
        limit: 9000,
        color: Color::Red,
        ratio: 1.0,
        flags: DemoFlags::DEMO_FLAG_X | DemoFlags::DEMO_FLAG_Y,
        mac: vec![1, 2, 3, 4, 5, 6].into(),
        index: 7,
        choice: Choice::from_small(&0xab).unwrap(),
        name: "eth0".into(),
        note: "hi".into(),
        key: vec![0xde, 0xad].into(),
        data: vec![9, 8, 7].into(),
        holder: Holder {
            label: "lbl".into(),
            pairs: vec![Pair { a: 1, b: -1 }, Pair { a: 2, b: -2 }],
            items: vec![Pair { a: 3, b: 3 }],
        },
    };
    let want = hex(&strip_comments(
        "
        00000001 00000002
        00 00 00002328 00
        000000000000f03f
        00000005
        010203040506
        00000007
        ab00000000              choice.small, left-aligned
        65746830000000000000000000000000
        00000002 6869
        dead0000                key, zero-padded
        00000003 090807         count from data's length
        6c626c0000000000
        00000001ff 00000002fe
        01 0000000303           n_items from items' length",
    ));
    let b = body(&m);
    assert_eq!(b, want);
    let mut framed = vec![0x01, 0x02];
    framed.extend_from_slice(&b);
    assert_eq!(decode_message::<DemoSet>(&framed).unwrap(), m);
    let j = serde_json::to_value(&m).unwrap();
    assert_eq!(j["color"], json!("COLOR_RED"));
    assert_eq!(j["flags"], json!(5));
    assert_eq!(j["data"], json!("090807"));
    assert!(j.get("count").is_none(), "count fields are not in JSON");
    assert_eq!(j["choice"]["small"], json!(0xab));
    assert_eq!(j["choice"]["big"], json!(0xab00_0000u32));
    assert_eq!(j["choice"]["pair"], json!({"a": 0xab00_0000u32, "b": 0}));
}

#[test]
fn trailing_arrays_take_the_rest() {
    let d = DemoDetails {
        context: 5,
        values: vec![1, 0xffff],
    };
    assert_eq!(body(&d), hex("00000005 0001 ffff"));
    let e = DemoEntry {
        context: 5,
        blob: vec![1, 2, 3].into(),
    };
    assert_eq!(body(&e), hex("00000005 010203"));
    assert_eq!(
        decode_message::<DemoEntry>(&hex("0000 00000005 010203")).unwrap(),
        e
    );
}

#[test]
fn message_constants_and_pairing() {
    assert_eq!(DemoSet::NAME, "demo_set");
    assert_eq!(DemoSet::CRC, 0x1111_1111);
    assert_eq!(DemoSet::NAME_CRC, "demo_set_11111111");
    assert_eq!(DemoSet::KIND, MessageKind::Request);
    assert_eq!(DemoDetails::KIND, MessageKind::Details);
    assert_eq!(DemoEntry::KIND, MessageKind::Details);
    assert_eq!(DemoGetReply::KIND, MessageKind::Reply);
    assert_eq!(DemoEvent::KIND, MessageKind::Event);

    fn request<Q: Request<Reply = R>, R>() {}
    fn dump<Q: Dump<Details = D>, D>() {}
    fn get_stream<Q: GetStream<Details = D, Reply = R>, D, R>() {}
    request::<DemoSet, DemoSetReply>();
    request::<WantDemoEvents, WantDemoEventsReply>();
    dump::<DemoDump, DemoDetails>();
    get_stream::<DemoGet, DemoEntry, DemoGetReply>();

    let mut m = DemoSet::default();
    m.set_context(9);
    m.set_client_index(3);
    assert_eq!((m.context(), m.client_index), (Some(9), 3));
    assert_eq!(
        DemoSetReply {
            context: 1,
            retval: -2
        }
        .retval(),
        Some(-2)
    );
    assert_eq!(DemoEvent::default().context(), None);
    let names: Vec<&str> = fields::message_tables()[0].iter().map(|i| i.name).collect();
    assert_eq!(names.len(), 11);
    assert!(names.contains(&"demo_fire"));
}

#[test]
fn imported_types_come_from_their_home_module() {
    use imports::base::{Point, Shape};
    use imports::user::{Draw, Segment};
    let d = Draw {
        client_index: 0,
        context: 1,
        shape: Shape::Line,
        handle: 0x0a0b_0c0d,
        segments: vec![Segment {
            from: Point { x: -1, y: 2 },
            to: Point { x: 3, y: -4 },
        }],
    };
    assert_eq!(
        body(&d),
        hex("00000000 00000001 01 0a0b0c0d 01 ffff0002 0003fffc")
    );
    assert_eq!(imports::message_tables().len(), 2);
}
