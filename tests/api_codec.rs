//! The model-driven codec (`vppx::api::Codec`) against vpp_papi and against the
//! generated code: one model, one set of encoding rules.
//!
//! - Messages outside the typed set (plugin modules the default build does not
//!   compile): the codec's bytes equal vpp_papi's and those of the generated
//!   code of these modules (compiled into this test from `src/binapi`), and
//!   its decoding of them gives the value back and the generated code's JSON.
//! - Messages of the typed set: the codec's bytes and JSON equal the generated
//!   code's exactly, with definitions read from the `.api.json` files and from
//!   a real VPP's `get_api_json` answer (where modules carry copies of every
//!   type and no import resolves).

mod canon;
mod common;

// The generated code of modules outside the default build, compiled into this
// test as it is into vppx with `--features all-apis`: `crate::wire` and the
// modules they import resolve to vppx's.
mod wire {
    pub use vppx::wire::*;
}
pub(crate) use vppx::{vpp_enum, vpp_flags};
#[rustfmt::skip]
#[path = "outside/mod.rs"]
mod binapi;

use std::collections::BTreeMap;

use apigen::model::Api;
use canon::{diff, hex, unhex, Canon};
use serde_json::Value;
use vppx::api::Codec;
use vppx::wire::MessageInfo;

/// Plugin modules outside the default build, with unions, enums, flags,
/// counted arrays of types, strings and addresses between them.
const OUTSIDE: &[&str] = &["nat44_ed", "lb", "ipsec", "l2", "sr", "bfd", "wireguard"];

fn typed() -> BTreeMap<&'static str, MessageInfo> {
    vppx::binapi::message_tables()
        .into_iter()
        .flat_map(|t| t.iter().map(|i| (i.name_crc, *i)))
        .collect()
}

fn find<'a>(
    api: &'a Api,
    name_crc: &str,
) -> Option<(&'a apigen::model::Module, &'a apigen::model::MessageDef)> {
    api.modules.iter().find_map(|m| {
        m.messages
            .iter()
            .find(|d| d.name_crc() == name_crc)
            .map(|d| (m, d))
    })
}

#[test]
fn messages_outside_the_typed_set_encode_as_vpp_papi_does() {
    let api_dir = common::vpp_api_dir();
    let Some(vectors) = common::papi_vectors(&api_dir, OUTSIDE) else {
        return;
    };
    let api = apigen::parse_dir(&api_dir).unwrap_or_else(|e| panic!("{e}"));
    let codec = Codec::new(&api);
    let canon = Canon::new(&api);
    let typed = typed();
    let generated_here: BTreeMap<&str, MessageInfo> = binapi::outside()
        .into_iter()
        .flatten()
        .map(|i| (i.name_crc, *i))
        .collect();
    let mut failures = Vec::new();
    let mut outside = 0;
    for v in &vectors {
        let name_crc = v["name_crc"].as_str().expect("name_crc");
        let mode = v["mode"].as_str().unwrap_or("random");
        let papi = unhex(v["hex"].as_str().expect("hex"));
        let (m, def) = find(&api, name_crc).expect("in the model");
        if !cfg!(feature = "all-apis") {
            assert!(
                !typed.contains_key(name_crc),
                "{name_crc} is in the default build"
            );
        }
        let generated = generated_here
            .get(name_crc)
            .unwrap_or_else(|| panic!("{name_crc}: no generated code compiled here"));
        outside += 1;
        match codec.encode(m, def, &v["json"]) {
            Ok(ours) if ours == papi => {}
            Ok(ours) => failures.push(format!(
                "{name_crc} ({mode}): differs from vpp_papi\n  ours {}\n  papi {}",
                hex(&ours),
                hex(&papi)
            )),
            Err(e) => failures.push(format!("{name_crc} ({mode}): encode failed: {e}")),
        }
        match codec.decode(m, def, &papi) {
            Ok(ours) => {
                let mut errs = Vec::new();
                let a = canon.canon_struct(&m.name, &def.fields, &ours, "", &mut errs);
                let b = canon.canon_struct(&m.name, &def.fields, &v["json"], "", &mut errs);
                let a = only_keys_of(a, &b);
                diff(&a, &b, "", &mut errs);
                failures.extend(
                    errs.into_iter()
                        .map(|e| format!("{name_crc} ({mode}): {e}")),
                );
                // The generated code of the same module agrees, bytes and JSON.
                let gen_bytes = (generated.encode_json)(v["json"].clone());
                if gen_bytes.as_ref().ok() != Some(&papi) {
                    failures.push(format!(
                        "{name_crc} ({mode}): the generated code encodes {:?}, vpp_papi {}",
                        gen_bytes.map(|b| hex(&b)),
                        hex(&papi)
                    ));
                }
                let gen_json = (generated.decode_json)(&papi);
                if gen_json.as_ref().ok() != Some(&ours) {
                    failures.push(format!(
                        "{name_crc} ({mode}): decoded JSON differs\n  codec     {ours}\n  generated {gen_json:?}"
                    ));
                }
                if let Some(info) = typed.get(name_crc) {
                    // --features all-apis: vppx's own copy of that code agrees too.
                    assert_eq!(
                        (info.encode_json)(v["json"].clone()).ok(),
                        Some(papi.clone())
                    );
                }
            }
            Err(e) => failures.push(format!("{name_crc} ({mode}): decode failed: {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} disagreements with vpp_papi:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(outside > 500, "only {outside} vectors compared");
}

/// Every vector of the typed modules: codec bytes == generated bytes (== vpp_papi's),
/// codec JSON == generated JSON, for definitions from `api`.
fn agrees_with_generated(api: &Api, vectors: &[Value], what: &str) -> usize {
    let codec = Codec::new(api);
    let typed = typed();
    let mut failures = Vec::new();
    let mut compared = 0;
    for v in vectors {
        let name_crc = v["name_crc"].as_str().expect("name_crc");
        let Some((m, def)) = find(api, name_crc) else {
            continue;
        };
        let info = typed.get(name_crc).expect("a typed message");
        let papi = unhex(v["hex"].as_str().expect("hex"));
        compared += 1;
        let ours = codec.encode(m, def, &v["json"]);
        let gen = (info.encode_json)(v["json"].clone());
        match (&ours, &gen) {
            (Ok(a), Ok(b)) if a == b && *a == papi => {}
            _ => failures.push(format!(
                "{name_crc}: encode: codec {:?} generated {:?} papi {}",
                ours.as_ref().map(|b| hex(b)),
                gen.as_ref().map(|b| hex(b)),
                hex(&papi)
            )),
        }
        let ours = codec.decode(m, def, &papi);
        let gen = (info.decode_json)(&papi);
        match (&ours, &gen) {
            (Ok(a), Ok(b)) if a == b => {}
            _ => failures.push(format!(
                "{name_crc}: decode: codec {ours:?}\n  generated {gen:?}"
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{what}: {} disagreements with the generated code:\n{}",
        failures.len(),
        failures.join("\n")
    );
    compared
}

#[test]
fn typed_messages_agree_with_the_generated_code() {
    let api_dir = common::vpp_api_dir();
    let Some(vectors) = common::papi_vectors(&api_dir, &[]) else {
        return;
    };
    let files = apigen::parse_dir(&api_dir).unwrap_or_else(|e| panic!("{e}"));
    let n = agrees_with_generated(&files, &vectors, ".api.json files");
    assert!(n > 900, "only {n} vectors compared");

    // A real VPP's get_api_json answer: no imports resolve, every module has copies.
    let raw = common::golden("api/get_api_json.json");
    let value: Value = serde_json::from_slice(&raw).expect("JSON");
    let golden = apigen::parse_modules("get_api_json", &value).unwrap_or_else(|e| panic!("{e}"));
    let n = agrees_with_generated(&golden, &vectors, "get_api_json");
    assert!(
        n > 500,
        "only {n} vectors compared with get_api_json's definitions"
    );
}

#[test]
fn input_errors_name_the_field() {
    let api = vppx::api::schema::embedded();
    let codec = Codec::new(api);
    let (m, def) = api
        .modules
        .iter()
        .find_map(|m| m.message("sw_interface_set_flags").map(|d| (m, d)))
        .expect("sw_interface_set_flags");
    let err = |json: Value| {
        codec
            .encode(m, def, &json)
            .expect_err("refused")
            .to_string()
    };
    let e = err(serde_json::json!({"sw_if_index": "one"}));
    assert!(
        e.contains("sw_if_index") && e.contains("expected an integer"),
        "{e}"
    );
    let e = err(serde_json::json!({"sw_if_index": 1, "flagz": 1}));
    assert!(e.contains("flagz") && e.contains("unknown field"), "{e}");
    let e = err(serde_json::json!({"sw_if_index": 4294967296u64}));
    assert!(
        e.contains("sw_if_index") && e.contains("out of range"),
        "{e}"
    );
    let e = err(serde_json::json!({"flags": "NOT_A_FLAG"}));
    assert!(e.contains("flags") && e.contains("NOT_A_FLAG"), "{e}");
    // Omitted fields are zero; flags by name.
    let ok = codec
        .encode(
            m,
            def,
            &serde_json::json!({"sw_if_index": 1, "flags": "IF_STATUS_API_FLAG_ADMIN_UP"}),
        )
        .expect("encodes");
    assert_eq!(hex(&ok), "00000000000000000000000100000001");
}

/// `a` restricted to the keys `b` has (vectors leave defaulted fields out).
fn only_keys_of(a: Value, b: &Value) -> Value {
    match (a, b) {
        (Value::Object(a), Value::Object(b)) => Value::Object(
            a.into_iter()
                .filter_map(|(k, x)| b.get(&k).map(|y| (k, only_keys_of(x, y))))
                .collect(),
        ),
        (Value::Array(a), Value::Array(b)) => Value::Array(
            a.into_iter()
                .zip(b.iter().chain(std::iter::repeat(&Value::Null)))
                .map(|(x, y)| only_keys_of(x, y))
                .collect(),
        ),
        (a, _) => a,
    }
}
