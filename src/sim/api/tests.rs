use serde_json::{json, Value};

use super::*;
use crate::sim::golden;
use crate::wire::FrameBuffer;
use ipnet::IpNet;

const CLIENT: u32 = 0x8000_0001;

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// Our frames as `(name, fields)`.
fn decode_all(api: &Api, frames: &[u8]) -> Vec<(String, Value)> {
    let mut fb = FrameBuffer::new();
    fb.extend(frames);
    let mut out = Vec::new();
    while let Some(body) = fb.next_frame().unwrap() {
        let info = api.table.info(wire::message_id(&body).unwrap()).unwrap();
        out.push((
            info.name.to_owned(),
            (info.decode_json)(&body[2..]).unwrap(),
        ));
    }
    out
}

/// Handles one body as the server does: the answers, then the events for this client.
fn handle(api: &Api, model: &mut Model, body: &[u8]) -> Vec<(String, Value)> {
    let mut frames = Vec::new();
    api.handle(model, CLIENT, body, &mut frames);
    for ev in model.take_events() {
        for (_, f) in api.event_frames(model, ev) {
            frames.extend_from_slice(&f);
        }
    }
    decode_all(api, &frames)
}

#[test]
fn memclnt_ids_are_vpps() {
    let t = MessageTable::new();
    let frames = golden::api_frames("session.jsonl");
    // Every memclnt message the capture used has the id VPP gave it.
    for f in &frames {
        let name = f["msg"].as_str().unwrap();
        let id = f["id"].as_u64().unwrap() as u16;
        if id <= 28 {
            assert_eq!(t.id(name), Some(id), "{name}");
        }
    }
    assert_eq!(t.id(memclnt::SockclntCreate::NAME_CRC), Some(15));
    assert_eq!(t.id(memclnt::SockclntCreateReply::NAME_CRC), Some(16));
    assert_eq!(t.first_id("memclnt"), Some(1));
    let ip = t.first_id("ip").unwrap();
    assert_eq!(t.info(ip).unwrap().module, "ip");
    assert_eq!(t.first_id(&format!("ip_{:08x}", 0x1234u32)), Some(ip));
    assert_eq!(t.first_id("nosuchmodule"), None);
    assert!(t.entries().all(|(id, name)| t.id(name) == Some(id)));
}

#[test]
fn handshake_answers_the_whole_table() {
    let api = Api::new();
    let mut model = Model::new(&[]);
    let frames = golden::api_frames("session.jsonl");
    let req = hex(frames[0]["hex"].as_str().unwrap());
    let out = handle(&api, &mut model, &req);
    assert_eq!(out.len(), 1);
    let (name, f) = &out[0];
    assert_eq!(name, "sockclnt_create_reply");
    let want = &frames[1]["fields"];
    for k in ["client_index", "context", "response"] {
        assert_eq!(f[k], want[k], "{k}");
    }
    assert_eq!(f["index"], json!(CLIENT));
    let table = f["message_table"].as_array().unwrap();
    assert_eq!(table.len(), api.table.len());
    assert!(table.contains(&json!({"index": 23, "name": "control_ping_51077d14"})));
}

#[test]
fn unknown_ids_and_short_messages_get_no_answer() {
    let api = Api::new();
    let mut model = Model::new(&[]);
    let mut frames = Vec::new();
    let unknown = (api.table.len() as u16 + 1).to_be_bytes();
    assert_eq!(
        api.handle(&mut model, CLIENT, &unknown, &mut frames),
        After::Continue
    );
    assert_eq!(
        api.handle(&mut model, CLIENT, &[0], &mut frames),
        After::Continue
    );
    // show_version with its context cut short.
    let id = api.table.id(vpe::ShowVersion::NAME_CRC).unwrap();
    let mut short = id.to_be_bytes().to_vec();
    short.extend_from_slice(&[0, 0, 0, 1, 0, 0]);
    api.handle(&mut model, CLIENT, &short, &mut frames);
    assert!(frames.is_empty());
}

#[test]
fn unsimulated_requests_answer_unimplemented() {
    let api = Api::new();
    let mut model = Model::new(&[]);
    let body = wire::encode_message(
        api.table
            .id(interface::HwInterfaceSetMtu::NAME_CRC)
            .unwrap(),
        &interface::HwInterfaceSetMtu {
            context: 9,
            ..Default::default()
        },
    )
    .unwrap();
    let out = handle(&api, &mut model, &body);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].0, "hw_interface_set_mtu_reply");
    assert_eq!(out[0].1["retval"], json!(-9));
    assert_eq!(out[0].1["context"], json!(9));
}

#[test]
fn sockclnt_delete_answers_1_and_closes() {
    let api = Api::new();
    let mut model = Model::new(&[]);
    let body = wire::encode_message(
        17,
        &memclnt::SockclntDelete {
            client_index: CLIENT,
            context: 5,
            index: CLIENT,
        },
    )
    .unwrap();
    let mut frames = Vec::new();
    assert_eq!(
        api.handle(&mut model, CLIENT, &body, &mut frames),
        After::Close
    );
    let out = decode_all(&api, &frames);
    assert_eq!(out[0].1, json!({"context": 5, "response": 1}));
}

/// The key a details message is compared by (dump order within a length is hash order).
fn details_key(name: &str, f: &Value) -> String {
    match name {
        "sw_interface_details" => format!(
            "{} {} {} {}",
            f["sw_if_index"], f["interface_name"], f["flags"], f["link_mtu"]
        ),
        "ip_route_details" => {
            let paths = f["route"]["paths"].as_array().map_or(0, Vec::len);
            // vpp_papi gives the path type as a number, our JSON as its name.
            let ty = match &f["route"]["paths"][0]["type"] {
                Value::String(s) => match s.as_str() {
                    "FIB_API_PATH_TYPE_NORMAL" => 0,
                    "FIB_API_PATH_TYPE_LOCAL" => 1,
                    "FIB_API_PATH_TYPE_DROP" => 2,
                    _ => 99,
                },
                v => v.as_u64().unwrap_or(99),
            };
            // vpp_papi prints a connected prefix as its network though the bytes carry the
            // interface's address (as ours do): compare networks.
            let prefix = f["route"]["prefix"]
                .as_str()
                .and_then(|p| p.parse::<IpNet>().ok())
                .map(|p| p.trunc().to_string());
            format!("{prefix:?} {paths} {ty}")
        }
        _ => {
            let mut f = f.clone();
            if let Some(o) = f.as_object_mut() {
                o.remove("_0");
            }
            f.to_string()
        }
    }
}

/// A comparable summary: non-details frames in order as (name, context, retval); each
/// dump's details sorted.
fn summary(frames: &[(String, Value)]) -> Vec<String> {
    let mut out = Vec::new();
    let mut details: Vec<String> = Vec::new();
    for (name, f) in frames {
        if name.ends_with("_details") {
            details.push(format!("{name} {}", details_key(name, f)));
            continue;
        }
        details.sort();
        out.append(&mut details);
        let context = if name.ends_with("_event") {
            Value::Null
        } else {
            f["context"].clone()
        };
        let deleted = f.get("deleted").cloned().unwrap_or(Value::Null);
        out.push(format!(
            "{name} ctx={context} retval={} deleted={deleted}",
            f["retval"]
        ));
    }
    details.sort();
    out.append(&mut details);
    out
}

/// The state the golden session found VPP in: pg0, pg1, pg-1 up, addressed, one route
/// and one resolved neighbour.
fn golden_model() -> Model {
    let names: Vec<String> = ["pg0", "pg1", "pg-1"].map(String::from).to_vec();
    let mut m = Model::new(&names);
    for i in 1..=3 {
        m.set_admin(i, true);
    }
    m.add_del_address(1, true, false, "198.18.0.1/24".parse().unwrap());
    m.add_del_address(2, true, false, "198.18.1.1/24".parse().unwrap());
    let nh: IpAddr = "198.18.1.2".parse().unwrap();
    m.fib.add_neighbour(0, 2, nh).unwrap();
    let path = vec![FibPath::via(Some(nh), Some(2))];
    m.route_add_del(0, "198.19.0.0/16".parse().unwrap(), true, false, path)
        .unwrap();
    m.take_events();
    m
}

/// Replays every request of a real VPP session (ids mapped to ours) and compares what
/// comes back: message order, contexts, retvals, events after replies, dump contents.
#[test]
fn golden_session_replays() {
    let frames = golden::api_frames("session.jsonl");
    let api = Api::new();
    let mut model = golden_model();
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    for f in &frames {
        let name_crc = f["msg"].as_str().unwrap();
        if f["dir"] == "from_vpp" {
            let name = api
                .table
                .info(api.table.id(name_crc).unwrap())
                .unwrap()
                .name;
            theirs.push((name.to_owned(), f["fields"].clone()));
            continue;
        }
        let mut body = hex(f["hex"].as_str().unwrap());
        let id = api.table.id(name_crc).expect("request in our table");
        body[..2].copy_from_slice(&id.to_be_bytes());
        ours.extend(handle(&api, &mut model, &body));
    }
    // The handshake's table differs (ids, plugins): compare it apart.
    assert_eq!(ours[0].0, "sockclnt_create_reply");
    let (ours, theirs) = (summary(&ours[1..]), summary(&theirs[1..]));
    assert_eq!(ours, theirs);
}

/// The ACL steps of the second golden session, replayed: every answer (creation at index 0,
/// replace in place, -6 for an unknown index, both dumps, the interface lists with one
/// details message per interface, -142 deleting an applied ACL, 0 after detaching, -6
/// again) decodes to exactly what the real VPP sent.
#[test]
fn golden_acl_session_replays() {
    let frames = golden::api_frames("session2.jsonl");
    let api = Api::new();
    let mut model = golden_model();
    let decode = |name_crc: &str, hex_body: &str| {
        let info = api.table.info(api.table.id(name_crc).unwrap()).unwrap();
        let body = hex(hex_body);
        let mut v = (info.decode_json)(&body[2..]).unwrap();
        if let Some(o) = v.as_object_mut() {
            // Who asked and VPP's pid differ between the sessions.
            o.remove("client_index");
            o.remove("vpe_pid");
        }
        (info.name.to_owned(), v)
    };
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    let acl_steps = frames
        .iter()
        .filter(|f| f["step"].as_str().is_some_and(|s| s.starts_with("acl_")));
    for f in acl_steps {
        let name_crc = f["msg"].as_str().unwrap();
        let hex_body = f["hex"].as_str().unwrap();
        if f["dir"] == "from_vpp" {
            theirs.push(decode(name_crc, hex_body));
            continue;
        }
        let mut body = hex(hex_body);
        let id = api.table.id(name_crc).expect("request in our table");
        body[..2].copy_from_slice(&id.to_be_bytes());
        let mut out = Vec::new();
        api.handle(&mut model, CLIENT, &body, &mut out);
        let mut fb = FrameBuffer::new();
        fb.extend(&out);
        while let Some(b) = fb.next_frame().unwrap() {
            let info = api.table.info(wire::message_id(&b).unwrap()).unwrap();
            let encoded: String = b.iter().map(|x| format!("{x:02x}")).collect();
            ours.push(decode(info.name_crc, &encoded));
        }
    }
    assert_eq!(theirs.len(), 17, "the capture's ACL answers");
    assert_eq!(ours, theirs);
}

#[test]
fn get_api_json_describes_every_message_of_the_table_but_memclnt() {
    let api = Api::new();
    let mut model = Model::new(&[]);
    let body = wire::encode_message(
        api.table.id(memclnt::GetApiJson::NAME_CRC).unwrap(),
        &memclnt::GetApiJson {
            context: 5,
            ..Default::default()
        },
    )
    .unwrap();
    let out = handle(&api, &mut model, &body);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].0, "get_api_json_reply");
    assert_eq!(out[0].1["retval"], json!(0));
    let text = out[0].1["json"].as_str().unwrap();
    let modules: Value = serde_json::from_str(text).unwrap();
    let defs = apigen::parse_modules("get_api_json", &modules).unwrap();
    assert!(defs.module("memclnt").is_none(), "VPP leaves memclnt out");
    let described = defs.messages_by_name_crc();
    for (_, name_crc) in api.table.entries() {
        let info = api.table.info(api.table.id(name_crc).unwrap()).unwrap();
        if info.module == "memclnt" {
            continue;
        }
        assert!(
            described.contains_key(name_crc),
            "{name_crc} is not described"
        );
    }
    assert!(described.contains_key(interface::SwInterfaceDump::NAME_CRC));
}

#[test]
fn tx_placement_get_streams_in_batches_with_a_cursor() {
    let api = Api::new();
    let mut model = Model::new(&["pg0".to_string(), "pg1".to_string(), "pg2".to_string()]);
    let get = |model: &mut Model, cursor: u32, sw_if_index: u32| {
        let body = wire::encode_message(
            api.table
                .id(interface::SwInterfaceTxPlacementGet::NAME_CRC)
                .unwrap(),
            &interface::SwInterfaceTxPlacementGet {
                context: 7,
                cursor,
                sw_if_index,
                ..Default::default()
            },
        )
        .unwrap();
        handle(&api, model, &body)
    };
    let indexes = |out: &[(String, Value)]| -> Vec<u64> {
        out.iter()
            .filter(|(n, _)| n == "sw_interface_tx_placement_details")
            .map(|(_, f)| f["sw_if_index"].as_u64().unwrap())
            .collect()
    };
    // local0, pg0..pg2: two batches of TX_PLACEMENT_BATCH, the first ending in EAGAIN.
    let first = get(&mut model, 0, ANY_INDEX);
    assert_eq!(indexes(&first), [0, 1]);
    let (name, reply) = first.last().unwrap();
    assert_eq!(name, "sw_interface_tx_placement_get_reply");
    assert_eq!(reply["retval"], json!(RETVAL_EAGAIN));
    assert_eq!(reply["cursor"], json!(2));
    assert_eq!(reply["context"], json!(7));
    let second = get(&mut model, 2, ANY_INDEX);
    assert_eq!(indexes(&second), [2, 3]);
    assert_eq!(second.last().unwrap().1["retval"], json!(0));
    assert_eq!(second.last().unwrap().1["cursor"], json!(ANY_INDEX));
    assert_eq!(second[0].1["threads"], json!([0]));
    // One interface; an unknown one.
    let one = get(&mut model, 0, 2);
    assert_eq!(indexes(&one), [2]);
    assert_eq!(one.last().unwrap().1["retval"], json!(0));
    let none = get(&mut model, 0, 99);
    assert_eq!(indexes(&none), Vec::<u64>::new());
    assert_eq!(none[0].1["retval"], json!(-2));
}
