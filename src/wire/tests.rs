//! Byte-exact tests of every field kind the codec knows, of the socket
//! framing, and of malformed input (an error naming the message and the
//! field, never a panic).
//!
//! Tests of every field kind, one file as the codec is one module (past 600 lines).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use ipnet::{IpNet, Ipv4Net, Ipv6Net};
use serde_json::json;

use super::*;
use crate::binapi;

fn hex(s: &str) -> Vec<u8> {
    let s: String = s.split_whitespace().collect();
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

fn enc<T: Encode + ?Sized>(v: &T) -> Vec<u8> {
    let mut w = Writer::new();
    v.encode(&mut w).unwrap();
    w.into_inner()
}

fn dec<T: Decode>(b: &[u8]) -> T {
    let mut r = Reader::new(b);
    let v = T::decode(&mut r).unwrap();
    assert_eq!(r.remaining(), 0, "bytes left over");
    v
}

fn roundtrip<T: Encode + Decode + PartialEq + std::fmt::Debug>(v: T, bytes: &str) {
    let b = hex(bytes);
    assert_eq!(enc(&v), b, "encoding {v:?}");
    assert_eq!(dec::<T>(&b), v, "decoding {bytes}");
}

// ---- scalars -------------------------------------------------------------

#[test]
fn integers_are_big_endian() {
    roundtrip(0xabu8, "ab");
    roundtrip(-2i8, "fe");
    roundtrip(0x1234u16, "1234");
    roundtrip(-2i16, "fffe");
    roundtrip(0x1234_5678u32, "12345678");
    roundtrip(-2i32, "fffffffe");
    roundtrip(0x0102_0304_0506_0708u64, "0102030405060708");
    roundtrip(i64::MIN, "8000000000000000");
}

#[test]
fn f64_is_little_endian() {
    // session2.jsonl, get_f64_endian_value: 1.0 travels as 000000000000f03f.
    roundtrip(1.0f64, "000000000000f03f");
    roundtrip(42.5f64, "0000000000404540");
    roundtrip(-0.0f64, "0000000000000080");
}

#[test]
fn bool_is_one_byte_and_any_nonzero_is_true() {
    roundtrip(true, "01");
    roundtrip(false, "00");
    assert!(dec::<bool>(&[0x02]));
    assert!(dec::<bool>(&[0xff]));
}

#[test]
fn short_scalars_are_errors() {
    let e = Reader::new(&[1, 2, 3]).field::<u32>("x").unwrap_err();
    assert_eq!(e.kind, WireErrorKind::Short { need: 4, have: 3 });
    assert_eq!(e.path, ["x"]);
    assert!(Reader::new(&[]).field::<bool>("b").is_err());
    assert!(Reader::new(&[0; 7]).field::<f64>("f").is_err());
}

// ---- strings -------------------------------------------------------------

#[test]
fn fixed_string_is_nul_padded() {
    let mut w = Writer::new();
    w.fixed_string("s", "ab", 4).unwrap();
    w.fixed_string("t", "", 2).unwrap();
    w.fixed_string("u", "abc", 4).unwrap();
    assert_eq!(w.as_slice(), hex("61620000 0000 61626300"));
    let mut r = Reader::new(w.as_slice());
    assert_eq!(r.fixed_string("s", 4).unwrap(), "ab");
    assert_eq!(r.fixed_string("t", 2).unwrap(), "");
    assert_eq!(r.fixed_string("u", 4).unwrap(), "abc");
    assert_eq!(r.remaining(), 0);
}

#[test]
fn fixed_string_too_long_is_an_error() {
    // One byte is kept for the terminating NUL, as vpp_papi does.
    let mut w = Writer::new();
    let e = w.fixed_string("tag", "abcd", 4).unwrap_err();
    assert_eq!(e.kind, WireErrorKind::TooLong { len: 4, max: 3 });
    assert_eq!(e.path, ["tag"]);
    assert!(w.is_empty(), "nothing written on error");
}

#[test]
fn fixed_string_reads_to_the_first_nul_or_the_end() {
    let b = hex("61 00 62 63");
    assert_eq!(Reader::new(&b).fixed_string("s", 4).unwrap(), "a");
    let b = hex("61 62 63 64");
    assert_eq!(Reader::new(&b).fixed_string("s", 4).unwrap(), "abcd");
    let e = Reader::new(&b).fixed_string("s", 5).unwrap_err();
    assert_eq!(e.path, ["s"]);
}

#[test]
fn variable_string_has_a_u32_length() {
    let mut w = Writer::new();
    w.var_string("s", "abc").unwrap();
    w.var_string("e", "").unwrap();
    assert_eq!(w.as_slice(), hex("00000003 616263 00000000"));
    let mut r = Reader::new(w.as_slice());
    assert_eq!(r.var_string("s").unwrap(), "abc");
    assert_eq!(r.var_string("e").unwrap(), "");
    // A length beyond the input.
    let b = hex("00000004 616263");
    let e = Reader::new(&b).var_string("reply").unwrap_err();
    assert_eq!(e.kind, WireErrorKind::Short { need: 4, have: 3 });
    assert_eq!(e.path, ["reply"]);
    // A huge length is refused without allocating for it.
    let b = hex("ffffffff 61");
    assert!(Reader::new(&b).var_string("reply").is_err());
}

// ---- byte arrays ---------------------------------------------------------

#[test]
fn fixed_bytes_pad_and_refuse_too_long() {
    roundtrip(FixedBytes::<4>(vec![1, 2, 3, 4]), "01020304");
    assert_eq!(enc(&FixedBytes::<4>(vec![1, 2])), hex("01020000"));
    assert_eq!(enc(&FixedBytes::<4>::default()), hex("00000000"));
    let mut w = Writer::new();
    let e = w
        .field("mask", &FixedBytes::<2>(vec![1, 2, 3]))
        .unwrap_err();
    assert_eq!(e.kind, WireErrorKind::TooLong { len: 3, max: 2 });
    assert_eq!(e.path, ["mask"]);
    // Decoding keeps all N bytes, so re-encoding gives them back.
    assert_eq!(dec::<FixedBytes<3>>(&[0, 5, 0]).0, vec![0, 5, 0]);
}

#[test]
fn byte_arrays_are_lowercase_hex_in_json() {
    let v = FixedBytes::<4>(vec![0xab, 0xcd, 0, 1]);
    assert_eq!(serde_json::to_value(&v).unwrap(), json!("abcd0001"));
    let back: FixedBytes<4> = serde_json::from_value(json!("ABCD0001")).unwrap();
    assert_eq!(back, v);
    assert!(serde_json::from_value::<FixedBytes<2>>(json!("010203")).is_err());
    assert!(serde_json::from_value::<Bytes>(json!("012")).is_err());
    assert!(serde_json::from_value::<Bytes>(json!("zz")).is_err());
    let b: Bytes = serde_json::from_value(json!("0x0102")).unwrap();
    assert_eq!(b.0, vec![1, 2]);
    assert_eq!(serde_json::to_value(Bytes(vec![])).unwrap(), json!(""));
}

// ---- counted and trailing arrays ----------------------------------------

#[test]
fn counted_arrays_write_their_count_from_the_length() {
    let mut w = Writer::new();
    let v: Vec<u16> = vec![1, 2, 3];
    w.count::<u8>("n", v.len()).unwrap();
    w.list("v", &v).unwrap();
    w.count::<u32>("m", 2).unwrap();
    w.field("b", &Bytes(vec![9, 8])).unwrap();
    assert_eq!(w.as_slice(), hex("03 0001 0002 0003 00000002 0908"));
    let mut r = Reader::new(w.as_slice());
    let n = r.count::<u8>("n").unwrap();
    assert_eq!(r.list::<u16>("v", n).unwrap(), v);
    let m = r.count::<u32>("m").unwrap();
    assert_eq!(r.bytes("b", m).unwrap().0, vec![9, 8]);
    assert_eq!(r.remaining(), 0);
}

#[test]
fn a_count_that_does_not_fit_its_field_is_an_error() {
    let mut w = Writer::new();
    let e = w.count::<u8>("n_paths", 256).unwrap_err();
    assert_eq!(e.path, ["n_paths"]);
    assert!(matches!(e.kind, WireErrorKind::Invalid(_)));
    assert!(w.is_empty());
    let e = Writer::new().count::<u16>("count", 70000).unwrap_err();
    assert_eq!(e.path, ["count"]);
    assert!(Writer::new().count::<u8>("n", 255).is_ok());

    // Through a generated message: 256 paths overflow ip_route's u8 n_paths.
    let mut m = binapi::ip::IpRouteAddDel::default();
    m.route.paths = vec![Default::default(); 256];
    let e = encode_message(1, &m).unwrap_err();
    assert_eq!(e.message.as_deref(), Some("ip_route_add_del"));
    assert_eq!(e.path, ["route", "n_paths"]);
}

#[test]
fn a_count_beyond_the_input_is_refused_before_allocating() {
    let b = hex("0001 0002");
    let e = Reader::new(&b).list::<u32>("acls", 1_000_000).unwrap_err();
    assert_eq!(e.path, ["acls"]);
    let e = Reader::new(&b).list::<u32>("acls", 2).unwrap_err();
    assert_eq!(e.path, ["acls[1]"]);
    assert!(Reader::new(&b).bytes("data", 5).is_err());
}

#[test]
fn fixed_lists_need_exactly_their_size() {
    let mut w = Writer::new();
    w.fixed_list("mtu", &[1u32, 2, 3, 4], 4).unwrap();
    assert_eq!(w.as_slice(), hex("00000001 00000002 00000003 00000004"));
    let e = Writer::new().fixed_list("mtu", &[1u32], 4).unwrap_err();
    assert_eq!(
        e.kind,
        WireErrorKind::WrongLength {
            len: 1,
            expected: 4
        }
    );
    assert_eq!(e.path, ["mtu"]);
}

#[test]
fn trailing_arrays_run_to_the_end() {
    let b = hex("0001 0002 0003");
    let mut r = Reader::new(&b);
    assert_eq!(r.rest::<u16>("v").unwrap(), vec![1, 2, 3]);
    assert!(Reader::new(&[]).rest::<u16>("v").unwrap().is_empty());
    // An element cut short names its index.
    let b = hex("0001 00");
    let e = Reader::new(&b).rest::<u16>("v").unwrap_err();
    assert_eq!(e.path, ["v[1]"]);
    let mut r = Reader::new(&b);
    assert_eq!(r.rest_bytes("data").unwrap().0, b);
    assert_eq!(r.remaining(), 0);
}

// ---- enums and flags -----------------------------------------------------

crate::vpp_enum! {
    /// A u8-wide test enum.
    enum Small("small", u8) {
        Zero = 0 => "SMALL_ZERO",
        Seven = 7 => "SMALL_SEVEN",
    }
}

crate::vpp_enum! {
    /// A u32-wide test enum.
    enum Wide("wide", u32) {
        One = 1 => "WIDE_ONE",
        Big = 0x10000 => "WIDE_BIG",
    }
}

crate::vpp_flags! {
    /// Test flags.
    struct Bits("bits", u8) {
        A = 1,
        B = 2,
        C = 0x80,
    }
}

crate::vpp_flags! {
    /// Wide test flags.
    struct WideBits("wide_bits", u32) {
        HIGH = 0x8000_0000,
    }
}

#[test]
fn enums_keep_their_width() {
    roundtrip(Small::Seven, "07");
    roundtrip(Small::Zero, "00");
    roundtrip(Wide::One, "00000001");
    roundtrip(Wide::Big, "00010000");
    assert_eq!(Small::default(), Small::Zero);
}

#[test]
fn unknown_enum_values_decode_to_other_and_back() {
    roundtrip(Small::Other(9), "09");
    assert_eq!(dec::<Small>(&[0xff]), Small::Other(255));
    roundtrip(Wide::Other(0xdead_beef), "deadbeef");
    // Other(v) with v too wide for the field is refused, not truncated.
    let mut w = Writer::new();
    assert!(Small::Other(256).encode(&mut w).is_err());
    assert!(w.is_empty());
    // A short input is an error.
    assert!(Reader::new(&[0, 0, 1]).field::<Wide>("w").is_err());
}

#[test]
fn enums_are_names_in_json_and_numbers_when_unnamed() {
    assert_eq!(
        serde_json::to_value(Small::Seven).unwrap(),
        json!("SMALL_SEVEN")
    );
    assert_eq!(serde_json::to_value(Small::Other(9)).unwrap(), json!(9));
    let s: Small = serde_json::from_value(json!("SMALL_SEVEN")).unwrap();
    assert_eq!(s, Small::Seven);
    let s: Small = serde_json::from_value(json!(7)).unwrap();
    assert_eq!(s, Small::Seven);
    let s: Small = serde_json::from_value(json!(9)).unwrap();
    assert_eq!(s, Small::Other(9));
    let e = serde_json::from_value::<Small>(json!("SMALL_EIGHT")).unwrap_err();
    assert!(e.to_string().contains("SMALL_SEVEN"), "{e}");
    assert!(serde_json::from_value::<Small>(json!(["SMALL_ZERO"])).is_err());
    assert!(serde_json::from_value::<Wide>(json!(1u64 << 40)).is_err());
}

#[test]
fn flags_are_bit_sets() {
    roundtrip(Bits::A | Bits::C, "81");
    roundtrip(Bits(0x7f), "7f");
    roundtrip(WideBits::HIGH, "80000000");
    assert!(WideBits(u32::MAX).contains(WideBits::HIGH));
    assert!((Bits::A | Bits::B).contains(Bits::B));
    assert!(!Bits::A.contains(Bits::B));
    assert_eq!((Bits::A | Bits::B) & Bits::B, Bits::B);
    assert!(Bits(0x100).encode(&mut Writer::new()).is_err());
}

#[test]
fn flags_are_numbers_in_json_and_read_from_names() {
    assert_eq!(
        serde_json::to_value(Bits::A | Bits::C).unwrap(),
        json!(0x81)
    );
    let f: Bits = serde_json::from_value(json!(3)).unwrap();
    assert_eq!(f, Bits::A | Bits::B);
    let f: Bits = serde_json::from_value(json!("A|C")).unwrap();
    assert_eq!(f, Bits::A | Bits::C);
    let f: Bits = serde_json::from_value(json!(["B", "C"])).unwrap();
    assert_eq!(f, Bits::B | Bits::C);
    let f: Bits = serde_json::from_value(json!("")).unwrap();
    assert_eq!(f, Bits(0));
    assert!(serde_json::from_value::<Bits>(json!("A|D")).is_err());
}

// ---- unions --------------------------------------------------------------

#[test]
fn union_members_are_left_aligned_and_zero_padded() {
    let u = UnionBytes::<16>::from_member("ip4", &Ipv4Addr::new(10, 0, 0, 1)).unwrap();
    assert_eq!(enc(&u), hex("0a000001 00000000 00000000 00000000"));
    assert_eq!(
        u.member::<Ipv4Addr>("ip4").unwrap(),
        Ipv4Addr::new(10, 0, 0, 1)
    );
    assert_eq!(
        u.member::<Ipv6Addr>("ip6").unwrap(),
        "a00:1::".parse::<Ipv6Addr>().unwrap()
    );
    let e = UnionBytes::<2>::from_member("x", &7u32).unwrap_err();
    assert_eq!(e.kind, WireErrorKind::TooLong { len: 4, max: 2 });
    assert_eq!(e.path, ["x"]);
    // Reading a member wider than the union is an error, not a panic.
    assert!(UnionBytes::<2>([0; 2]).member::<u32>("x").is_err());
}

#[test]
fn generated_unions_in_json() {
    use binapi::ip_types::AddressUnion;
    let u: AddressUnion = serde_json::from_value(json!({"ip4": "1.2.3.4"})).unwrap();
    assert_eq!(enc(&u), hex("01020304 00000000 00000000 00000000"));
    // Output: every member the bytes decode as.
    assert_eq!(
        serde_json::to_value(&u).unwrap(),
        json!({"ip4": "1.2.3.4", "ip6": "102:304::"})
    );
    let u: AddressUnion = serde_json::from_value(json!({"ip6": "::1"})).unwrap();
    assert_eq!(enc(&u), hex("00000000 00000000 00000000 00000001"));
    // Input: exactly one member.
    assert!(serde_json::from_value::<AddressUnion>(json!({})).is_err());
    assert!(serde_json::from_value::<AddressUnion>(json!({"ip5": "::1"})).is_err());
}

// ---- addresses -----------------------------------------------------------

#[test]
fn addresses_are_family_and_16_byte_union() {
    roundtrip(
        IpAddr::V4(Ipv4Addr::new(10, 10, 10, 2)),
        "00 0a0a0a02 00000000 00000000 00000000",
    );
    roundtrip(
        "2001:db8::1".parse::<IpAddr>().unwrap(),
        "01 20010db8 00000000 00000000 00000001",
    );
    roundtrip(Ipv4Addr::new(192, 168, 0, 1), "c0a80001");
    roundtrip(
        "fe80::1".parse::<Ipv6Addr>().unwrap(),
        "fe800000 00000000 00000000 00000001",
    );
    let b = hex("02 00000000 00000000 00000000 00000000");
    let e = Reader::new(&b).field::<IpAddr>("address").unwrap_err();
    assert_eq!(e.path, ["address", "af"]);
    let e = Reader::new(&b[..10])
        .field::<IpAddr>("address")
        .unwrap_err();
    assert_eq!(e.path, ["address", "un"]);
}

#[test]
fn prefixes_are_address_and_length() {
    // session.jsonl, sw_interface_add_del_address: 10.10.10.1/24 keeps its host bits.
    roundtrip(
        "10.10.10.1/24".parse::<IpNet>().unwrap(),
        "00 0a0a0a01 00000000 00000000 00000000 18",
    );
    roundtrip(
        "2001:db8::/32".parse::<IpNet>().unwrap(),
        "01 20010db8 00000000 00000000 00000000 20",
    );
    roundtrip("10.0.0.0/8".parse::<Ipv4Net>().unwrap(), "0a000000 08");
    roundtrip(
        "::1/128".parse::<Ipv6Net>().unwrap(),
        "00000000 00000000 00000000 00000001 80",
    );
    let b = hex("00 0a000000 00000000 00000000 00000000 21");
    let e = Reader::new(&b).field::<IpNet>("prefix").unwrap_err();
    assert_eq!(e.path, ["prefix", "len"]);
    assert!(Reader::new(&hex("0a000000 21"))
        .field::<Ipv4Net>("p")
        .is_err());
    assert!(Reader::new(&hex("0a000000")).field::<Ipv4Net>("p").is_err());
    let b = [&[0u8; 16][..], &[129]].concat();
    assert!(Reader::new(&b).field::<Ipv6Net>("p").is_err());
}

#[test]
fn mac_addresses() {
    let m: MacAddress = "de:ad:00:00:00:01".parse().unwrap();
    roundtrip(m, "dead00000001");
    assert_eq!(m.to_string(), "de:ad:00:00:00:01");
    assert_eq!("DE-AD-00-00-00-01".parse::<MacAddress>().unwrap(), m);
    for bad in [
        "",
        "de:ad:00:00:00",
        "de:ad:00:00:00:01:02",
        "dead:00:00:00:01",
        "zz:ad:00:00:00:01",
    ] {
        assert!(bad.parse::<MacAddress>().is_err(), "{bad}");
    }
    assert_eq!(serde_json::to_value(m).unwrap(), json!("de:ad:00:00:00:01"));
    assert!(serde_json::from_value::<MacAddress>(json!("nope")).is_err());
}

// ---- nested typedefs and whole messages ----------------------------------

/// session.jsonl seq 25: ip_route_add_del of 10.20.0.0/16 via 10.10.10.2 on sw_if_index 4.
const IP_ROUTE_ADD_DEL: &str = "01c0800000010000000901000000000000000000000a14000000000000000000\
0000000000100100000004000000000000000001000000000000000000000000\
000a0a0a02000000000000000000000000000000000000000000000000000000\
0000000000000000000000000000000000000000000000000000000000000000\
0000000000000000000000000000000000000000000000000000000000000000\
0000000000000000000000000000000000000000000000000000000000000000\
0000000000000000000000000000";

/// session.jsonl seq 31: ip_route_details of the default route (a drop path).
const IP_ROUTE_DETAILS: &str = "01c60000000b0000000000000001000000000000000000000000000000000000\
01ffffffff000000000000000001000000000200000000000000000000000000\
0000000000000000000000000000000000000000000000000000000000000000\
0000000000000000000000000000000000000000000000000000000000000000\
0000000000000000000000000000000000000000000000000000000000000000\
0000000000000000000000000000000000000000000000000000000000000000\
0000000000000000";

/// session.jsonl seq 8: sw_interface_details of local0.
const SW_INTERFACE_DETAILS: &str =
    "00df000000030000000000000000000000000000000000000000000000000000\
0000000000000000000000000000000000000000000000000000000000000000\
0000000000000000000000000000000000000000000000000000000000000000\
000000000000006c6f63616c3000000000000000000000000000000000000000\
0000000000000000000000000000000000000000000000000000000000000000\
000000000000006c6f63616c0000000000000000000000000000000000000000\
0000000000000000000000000000000000000000000000000000000000000000\
0000000000000000000000000000000000000000000000000000000000000000\
0000000000000000000000000000000000000000000000000000000000000000\
00000000000000";

#[test]
fn golden_bytes_have_the_expected_lengths() {
    assert_eq!(hex(IP_ROUTE_ADD_DEL).len(), 206);
    assert_eq!(hex(IP_ROUTE_DETAILS).len(), 200);
    assert_eq!(hex(SW_INTERFACE_DETAILS).len(), 295);
}

#[test]
fn nested_types_decode_and_reencode() {
    let body = hex(IP_ROUTE_ADD_DEL);
    let m: binapi::ip::IpRouteAddDel = decode_message(&body).unwrap();
    assert_eq!(message_id(&body).unwrap(), 0x01c0);
    assert_eq!(m.client_index, 0x8000_0001);
    assert_eq!(m.context, 9);
    assert!(m.is_add && !m.is_multipath);
    assert_eq!(m.route.prefix, "10.20.0.0/16".parse::<IpNet>().unwrap());
    assert_eq!(m.route.paths.len(), 1);
    let p = &m.route.paths[0];
    assert_eq!(p.sw_if_index, 4);
    assert_eq!(p.weight, 1);
    assert_eq!(p.nh.address.ip4().unwrap(), Ipv4Addr::new(10, 10, 10, 2));
    assert_eq!(p.label_stack.len(), 16);
    assert_eq!(encode_message(0x01c0, &m).unwrap(), body);

    let body = hex(IP_ROUTE_DETAILS);
    let d: binapi::ip::IpRouteDetails = decode_message(&body).unwrap();
    assert_eq!(d.route.prefix, "0.0.0.0/0".parse::<IpNet>().unwrap());
    assert_eq!(d.route.paths[0].sw_if_index, u32::MAX);
    assert_eq!(
        d.route.paths[0].r#type,
        binapi::fib_types::FibPathType::Drop
    );
    assert_eq!(encode_message(0x01c6, &d).unwrap(), body);

    let body = hex(SW_INTERFACE_DETAILS);
    let s: binapi::interface::SwInterfaceDetails = decode_message(&body).unwrap();
    assert_eq!(s.interface_name, "local0");
    assert_eq!(s.interface_dev_type, "local");
    assert_eq!(s.mtu, vec![0; 4]);
    assert_eq!(encode_message(0x00df, &s).unwrap(), body);
}

/// Cutting a real message at every byte gives an error naming the message
/// and the field it was in, never a panic and never a success.
fn check_truncations<M: Message>(body: &[u8]) {
    for cut in 0..body.len() {
        let e = match decode_message::<M>(&body[..cut]) {
            Ok(_) => panic!("{} cut to {cut} bytes decoded", M::NAME),
            Err(e) => e,
        };
        assert_eq!(e.message.as_deref(), Some(M::NAME), "cut {cut}: {e}");
        assert!(!e.path.is_empty(), "cut {cut}: no field named: {e}");
        assert!(
            matches!(e.kind, WireErrorKind::Short { .. }),
            "cut {cut}: {e}"
        );
        let text = e.to_string();
        assert!(text.starts_with(&format!("{}.", M::NAME)), "{text}");
        // The JSON path names the message too.
        let info = info::<M>("test");
        if cut >= 2 {
            let e = (info.decode_json)(&body[2..cut]).unwrap_err();
            assert_eq!(e.message.as_deref(), Some(M::NAME));
        }
    }
}

#[test]
fn truncated_messages_are_errors_naming_message_and_field() {
    check_truncations::<binapi::ip::IpRouteAddDel>(&hex(IP_ROUTE_ADD_DEL));
    check_truncations::<binapi::ip::IpRouteDetails>(&hex(IP_ROUTE_DETAILS));
    check_truncations::<binapi::interface::SwInterfaceDetails>(&hex(SW_INTERFACE_DETAILS));
}

#[test]
fn error_paths_read_outermost_first() {
    let body = hex(IP_ROUTE_DETAILS);
    // Cut inside the first path's next hop.
    let e = decode_message::<binapi::ip::IpRouteDetails>(&body[..70]).unwrap_err();
    assert_eq!(e.path[..3], ["route", "paths[0]", "nh"]);
    assert!(
        e.to_string()
            .starts_with("ip_route_details.route.paths[0].nh."),
        "{e}"
    );
    let e = decode_message::<binapi::ip::IpRouteDetails>(&body[..1]).unwrap_err();
    assert_eq!(e.path, ["_vl_msg_id"]);
}

#[test]
fn invalid_values_inside_messages_name_the_field() {
    let mut body = hex(IP_ROUTE_DETAILS);
    // route.prefix.len for 0.0.0.0/0 sits after context, table_id,
    // stats_index and the 17-byte address.
    let at = 2 + 4 + 4 + 4 + 17;
    assert_eq!(body[at], 0);
    body[at] = 33;
    let e = decode_message::<binapi::ip::IpRouteDetails>(&body).unwrap_err();
    assert_eq!(e.path, ["route", "prefix", "len"]);
    assert_eq!(e.message.as_deref(), Some("ip_route_details"));
}

// ---- framing -------------------------------------------------------------

#[test]
fn frame_header_carries_the_body_length() {
    let mut out = Vec::new();
    write_frame(&mut out, &[0xaa, 0xbb, 0xcc]).unwrap();
    assert_eq!(out, hex("0000000000000000 00000003 00000000 aabbcc"));
    let mut h = [0u8; HEADER_LEN];
    h.copy_from_slice(&out[..HEADER_LEN]);
    assert_eq!(body_len(&h).unwrap(), 3);
    let mut h = [0u8; HEADER_LEN];
    h[8..12].copy_from_slice(&u32::try_from(MAX_BODY_LEN + 1).unwrap().to_be_bytes());
    let e = body_len(&h).unwrap_err();
    assert!(matches!(e.kind, WireErrorKind::FrameTooLarge { .. }));
    let mut out = Vec::new();
    assert!(write_frame(&mut out, &vec![0; MAX_BODY_LEN + 1]).is_err());
    assert!(out.is_empty());
}

fn frames(bodies: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    for b in bodies {
        write_frame(&mut out, b).unwrap();
    }
    out
}

#[test]
fn frame_buffer_splits_merged_frames() {
    let stream = frames(&[b"one", b"", b"three"]);
    let mut fb = FrameBuffer::new();
    fb.extend(&stream);
    assert_eq!(fb.next_frame().unwrap().unwrap(), b"one");
    assert_eq!(fb.next_frame().unwrap().unwrap(), b"");
    assert_eq!(fb.next_frame().unwrap().unwrap(), b"three");
    assert_eq!(fb.next_frame().unwrap(), None);
    assert_eq!(fb.pending(), 0);
}

#[test]
fn frame_buffer_joins_split_frames() {
    let stream = frames(&[b"hello", b"world!", &[7u8; 300]]);
    for chunk in [1, 2, 3, 7, 16, 17, 100] {
        let mut fb = FrameBuffer::new();
        let mut got = Vec::new();
        for piece in stream.chunks(chunk) {
            fb.extend(piece);
            while let Some(f) = fb.next_frame().unwrap() {
                got.push(f);
            }
        }
        assert_eq!(
            got,
            vec![b"hello".to_vec(), b"world!".to_vec(), vec![7u8; 300]],
            "chunks of {chunk}"
        );
        assert_eq!(fb.pending(), 0);
    }
    let mut fb = FrameBuffer::new();
    fb.extend(&stream[..20]);
    assert_eq!(fb.next_frame().unwrap(), None);
    assert_eq!(fb.pending(), 20);
}

#[test]
fn frame_buffer_refuses_oversized_frames() {
    let mut h = vec![0u8; HEADER_LEN];
    h[8..12].copy_from_slice(&u32::MAX.to_be_bytes());
    let mut fb = FrameBuffer::new();
    fb.extend(&h);
    let e = fb.next_frame().unwrap_err();
    assert!(matches!(e.kind, WireErrorKind::FrameTooLarge { .. }), "{e}");
}

// ---- every generated message ---------------------------------------------

/// A small xorshift generator: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Random bytes into every generated message's decoder: errors are fine,
/// panics are not; whatever decodes must encode again and decode the same.
#[test]
fn random_bytes_never_panic_any_decoder() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut decoded = 0;
    let mut messages = 0;
    for table in binapi::message_tables() {
        for info in table {
            messages += 1;
            for round in 0..40 {
                let len = match round % 4 {
                    0 => (rng.next() % 8) as usize,
                    1 => (rng.next() % 64) as usize,
                    _ => (rng.next() % 600) as usize,
                };
                // Mostly small bytes, so that counts and enums stay in range.
                let bytes: Vec<u8> = (0..len)
                    .map(|_| {
                        let x = rng.next();
                        if x % 3 == 0 {
                            (x >> 8) as u8
                        } else {
                            (x >> 8) as u8 & 0x03
                        }
                    })
                    .collect();
                match (info.decode_json)(&bytes) {
                    Err(e) => assert_eq!(e.message.as_deref(), Some(info.name), "{e}"),
                    Ok(_) => decoded += 1,
                }
            }
        }
    }
    assert!(messages > 300, "{messages} messages");
    assert!(decoded > 0);
}

#[test]
fn every_default_message_encodes_and_decodes() {
    // The zero value of every message: encode_json of `{}` (every field at
    // its declared default), then decode_json gives a value that encodes to
    // the same bytes.
    for table in binapi::message_tables() {
        for info in table {
            let bytes =
                (info.encode_json)(json!({})).unwrap_or_else(|e| panic!("{}: {e}", info.name));
            let v = (info.decode_json)(&bytes).unwrap_or_else(|e| panic!("{}: {e}", info.name));
            assert!(v.is_object(), "{}", info.name);
            assert!(
                (info.encode_json)(json!({"no_such_field": 1})).is_err(),
                "{}: unknown fields are refused",
                info.name
            );
        }
    }
}

#[test]
fn fixed_bytes_compare_as_their_wire_form() {
    // Default is N zero bytes: what decoding an all-zero field gives.
    assert_eq!(FixedBytes::<4>::default().0, vec![0; 4]);
    assert_eq!(
        serde_json::to_value(FixedBytes::<2>::default()).unwrap(),
        json!("0000")
    );
    let short = FixedBytes::<4>(vec![0xde, 0xad]);
    assert_eq!(short, FixedBytes(vec![0xde, 0xad, 0, 0]));
    assert_eq!(dec::<FixedBytes<4>>(&enc(&short)), short);
    assert_ne!(short, FixedBytes(vec![0xde, 0xad, 0, 1]));
    let s = RandomStateOnce::default();
    assert_eq!(
        s.hash(&short),
        s.hash(&FixedBytes::<4>(vec![0xde, 0xad, 0, 0]))
    );
}

/// One hasher state for comparing hashes.
#[derive(Default)]
struct RandomStateOnce(std::hash::RandomState);

impl RandomStateOnce {
    fn hash<T: std::hash::Hash>(&self, v: &T) -> u64 {
        use std::hash::BuildHasher;
        self.0.hash_one(v)
    }
}

#[test]
fn default_messages_survive_a_round_trip() {
    // Generated defaults equal what decoding their encoding gives, fixed
    // u8 arrays included (mfib_signal_details carries a u8[256]).
    let m = binapi::ip::MfibSignalDetails::default();
    let b = encode_message(1, &m).unwrap();
    assert_eq!(
        decode_message::<binapi::ip::MfibSignalDetails>(&b).unwrap(),
        m
    );
}
