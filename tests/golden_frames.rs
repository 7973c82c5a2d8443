//! Every frame of the two captured binary-API sessions
//! (`tests/golden/api/session.jsonl`, `session2.jsonl`) decodes with
//! the generated types to what vpp_papi decoded, and encodes back to the
//! identical bytes.

mod canon;
mod common;

use std::collections::BTreeMap;

use canon::{diff, hex, unhex, Canon};
use serde_json::Value;
use vppx::wire::{MessageInfo, WireErrorKind};

const SESSIONS: &[&str] = &["api/session.jsonl", "api/session2.jsonl"];

fn tables() -> BTreeMap<&'static str, MessageInfo> {
    vppx::binapi::message_tables()
        .into_iter()
        .flat_map(|t| t.iter().map(|i| (i.name_crc, *i)))
        .collect()
}

fn load_api() -> apigen::Api {
    apigen::parse_dir(&common::vpp_api_dir()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_golden_frame_decodes_and_reencodes() {
    let api = load_api();
    let canon = Canon::new(&api);
    let tables = tables();
    let mut failures = Vec::new();
    let mut decoded = 0;
    let mut per_session = Vec::new();
    for session in SESSIONS {
        let text = common::golden(session);
        let text = String::from_utf8(text).expect("jsonl is UTF-8");
        let mut n = 0;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let frame: Value = serde_json::from_str(line).expect("a JSON line");
            let seq = &frame["seq"];
            let name_crc = frame["msg"].as_str().expect("msg");
            let at = format!("{session} seq {seq} ({name_crc})");
            let body = unhex(frame["hex"].as_str().expect("hex"));
            let id = u16::from_be_bytes([body[0], body[1]]);
            assert_eq!(Some(u64::from(id)), frame["id"].as_u64(), "{at}: id");
            let Some(info) = tables.get(name_crc) else {
                failures.push(format!(
                    "{at}: not in the default build's message tables (its module is missing \
                     from apigen's DEFAULT_MODULES, or the CRC changed)"
                ));
                continue;
            };
            if frame.get("truncated_from_bytes").is_some() {
                check_truncated(info, &frame, &body[2..], &at, &mut failures);
                n += 1;
                continue;
            }
            let ours = match (info.decode_json)(&body[2..]) {
                Ok(v) => v,
                Err(e) => {
                    failures.push(format!("{at}: decode failed: {e}"));
                    continue;
                }
            };
            let (module, def) = canon.message(name_crc).expect("message in the model");
            let mut errs = Vec::new();
            let a = canon.canon_struct(&module.name, &def.fields, &ours, "", &mut errs);
            let b = canon.canon_struct(&module.name, &def.fields, &frame["fields"], "", &mut errs);
            diff(&a, &b, "", &mut errs);
            for e in errs {
                failures.push(format!("{at}: {e}"));
            }
            let input = canon.input_form(&module.name, &def.fields, &ours);
            match (info.encode_json)(input) {
                Ok(bytes) if bytes == body[2..] => {}
                Ok(bytes) => failures.push(format!(
                    "{at}: re-encoded to different bytes\n  ours     {}\n  captured {}",
                    hex(&bytes),
                    hex(&body[2..])
                )),
                Err(e) => failures.push(format!("{at}: re-encode failed: {e}")),
            }
            n += 1;
        }
        per_session.push(format!("{session}: {n} frames"));
        decoded += n;
    }
    eprintln!(
        "golden frames decoded: {decoded} ({})",
        per_session.join(", ")
    );
    assert!(
        failures.is_empty(),
        "{} of {decoded} frames disagree:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(decoded >= 200, "only {decoded} frames found");
}

/// `get_api_json_reply`'s capture keeps the first 64 bytes: the header
/// fields must decode, the string's length must be what VPP sent, and
/// decoding the whole must fail naming the message and the field.
fn check_truncated(
    info: &MessageInfo,
    frame: &Value,
    body: &[u8],
    at: &str,
    failures: &mut Vec<String>,
) {
    let full = frame["truncated_from_bytes"].as_u64().expect("a length") as usize;
    match (info.decode_json)(body) {
        Ok(v) => failures.push(format!("{at}: a truncated frame decoded: {v}")),
        Err(e) => {
            let short = matches!(e.kind, WireErrorKind::Short { .. });
            if !short || e.message.as_deref() != Some(info.name) || e.path != ["json"] {
                failures.push(format!(
                    "{at}: unexpected error for a truncated frame: {e:?}"
                ));
            }
        }
    }
    // context u32, retval i32, then the string's u32 length.
    let fields = &frame["fields"];
    let u32_at = |i: usize| u32::from_be_bytes([body[i], body[i + 1], body[i + 2], body[i + 3]]);
    if Some(u64::from(u32_at(0))) != fields["context"].as_u64() {
        failures.push(format!("{at}: context"));
    }
    if Some(i64::from(u32_at(4) as i32)) != fields["retval"].as_i64() {
        failures.push(format!("{at}: retval"));
    }
    // VPP sends one byte more than the string: the C string's NUL, which
    // the length does not count (and decoding ignores, as trailing bytes).
    let len = u32_at(8) as usize;
    if 2 + 4 + 4 + 4 + len + 1 != full {
        failures.push(format!(
            "{at}: string length {len} does not add up to the {full} bytes VPP sent"
        ));
    }
}

/// A frame that is not in the default build is named, not silently skipped:
/// the check above fails for it. Here: every captured message name resolves.
#[test]
fn captured_message_table_matches_generated_crcs() {
    let text = common::golden("api/message_table.json");
    let table: BTreeMap<String, u64> = serde_json::from_slice(&text).expect("name_crc → id");
    let ours = tables();
    // Every message of the default build whose name VPP knows has VPP's CRC.
    let vpp_names: BTreeMap<&str, &str> = table
        .keys()
        .filter_map(|k| k.rsplit_once('_').map(|(n, _)| (n, k.as_str())))
        .collect();
    let mut differing = Vec::new();
    let mut same = 0;
    for info in ours.values() {
        if let Some(vpp) = vpp_names.get(info.name) {
            if *vpp == info.name_crc {
                same += 1;
            } else {
                differing.push(format!("{} (VPP has {vpp})", info.name_crc));
            }
        }
    }
    assert!(differing.is_empty(), "CRCs differ: {differing:?}");
    assert!(
        same > 300,
        "only {same} messages in common with VPP's table"
    );
}

/// The comparison is live: a changed value, a missing union member, a wrong
/// count and an unmasked prefix difference are each reported.
#[test]
fn comparison_notices_differences() {
    let api = load_api();
    let canon = Canon::new(&api);
    let (module, def) = canon
        .message("ip_route_details_bda8f315")
        .expect("ip_route_details in the model");
    let papi: Value = serde_json::json!({
        "_0": 454, "context": 11,
        "route": {"table_id": 0, "stats_index": 1, "prefix": "10.0.0.0/8", "n_paths": 1,
            "paths": [{"sw_if_index": 1, "table_id": 0, "rpf_id": 0, "weight": 1,
                "preference": 0, "type": 2, "flags": 0, "proto": 0,
                "nh": {"address": {"ip4": "0.0.0.0", "ip6": "::"}, "via_label": 0,
                       "obj_id": 0, "classify_table_index": 0},
                "n_labels": 0, "label_stack": []}]}
    });
    let check = |ours: Value| {
        let mut errs = Vec::new();
        let a = canon.canon_struct(&module.name, &def.fields, &ours, "", &mut errs);
        let b = canon.canon_struct(&module.name, &def.fields, &papi, "", &mut errs);
        diff(&a, &b, "", &mut errs);
        errs
    };
    let same = serde_json::json!({
        "context": 11,
        "route": {"table_id": 0, "stats_index": 1, "prefix": "10.1.2.3/8",
            "paths": [{"sw_if_index": 1, "table_id": 0, "rpf_id": 0, "weight": 1,
                "preference": 0, "type": "FIB_API_PATH_TYPE_DROP", "flags": 0,
                "proto": "FIB_API_PATH_NH_PROTO_IP4",
                "nh": {"address": {"ip4": "0.0.0.0", "ip6": "0::0"}, "via_label": 0,
                       "obj_id": 0, "classify_table_index": 0},
                "n_labels": 0, "label_stack": []}]}
    });
    assert_eq!(check(same.clone()), Vec::<String>::new());
    let mut changed = same.clone();
    changed["route"]["paths"][0]["weight"] = 2.into();
    assert_eq!(check(changed).len(), 1);
    let mut changed = same.clone();
    changed["route"]["paths"][0]["type"] = "FIB_API_PATH_TYPE_LOCAL".into();
    assert_eq!(check(changed).len(), 1);
    let mut changed = same.clone();
    changed["route"]["paths"][0]["nh"]["address"] = serde_json::json!({"ip6": "::"});
    assert_eq!(check(changed).len(), 1);
    let mut changed = same.clone();
    changed["route"]["prefix"] = "10.1.2.3/16".into();
    assert_eq!(check(changed).len(), 1);
    let mut changed = same;
    changed["route"]["paths"] = serde_json::json!([]);
    assert!(!check(changed).is_empty());
}
