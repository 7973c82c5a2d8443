//! vppx's codec against FD.io's own client: `tests/py/papi_vectors.py` builds
//! a value for every message of the modules vppx uses and packs it with
//! vpp_papi. Our `encode_json` of the value must give vpp_papi's bytes, and
//! our `decode_json` of those bytes must give the value back.

mod canon;
mod common;

use std::collections::BTreeMap;

use canon::{diff, hex, unhex, Canon};
use serde_json::Value;
use vppx::wire::MessageInfo;

#[test]
fn every_product_message_matches_vpp_papi() {
    let api_dir = common::vpp_api_dir();
    let Some(vectors) = common::papi_vectors(&api_dir, &[]) else {
        return;
    };
    let api = apigen::parse_dir(&api_dir).unwrap_or_else(|e| panic!("{e}"));
    let canon = Canon::new(&api);
    let tables: BTreeMap<&str, MessageInfo> = vppx::binapi::message_tables()
        .into_iter()
        .flat_map(|t| t.iter().map(|i| (i.name_crc, *i)))
        .collect();

    let mut failures = Vec::new();
    let mut per_module: BTreeMap<String, usize> = BTreeMap::new();
    let mut names = std::collections::BTreeSet::new();
    for v in &vectors {
        let name_crc = v["name_crc"].as_str().expect("name_crc");
        let mode = v["mode"].as_str().unwrap_or("random");
        let module = v["module"].as_str().expect("module");
        let papi_bytes = unhex(v["hex"].as_str().expect("hex"));
        let Some(info) = tables.get(name_crc) else {
            failures.push(format!("{name_crc} ({mode}): not in the default build"));
            continue;
        };
        assert_eq!(info.module, module, "{name_crc}: module");
        match (info.encode_json)(v["json"].clone()) {
            Ok(ours) if ours == papi_bytes => {}
            Ok(ours) => failures.push(format!(
                "{name_crc}: encode_json differs from vpp_papi\n  json {}\n  ours {}\n  papi {}",
                v["json"],
                hex(&ours),
                hex(&papi_bytes)
            )),
            Err(e) => failures.push(format!("{name_crc} ({mode}): encode_json failed: {e}")),
        }
        match (info.decode_json)(&papi_bytes) {
            Ok(ours) => {
                let (m, def) = canon.message(name_crc).expect("in the model");
                let mut errs = Vec::new();
                let a = canon.canon_struct(&m.name, &def.fields, &ours, "", &mut errs);
                // Fields the vector left out took their declared defaults,
                // which `ours` shows: compare what the vector holds.
                let b = canon.canon_struct(&m.name, &def.fields, &v["json"], "", &mut errs);
                let a = only_keys_of(a, &b);
                diff(&a, &b, "", &mut errs);
                failures.extend(
                    errs.into_iter()
                        .map(|e| format!("{name_crc} ({mode}): {e}")),
                );
            }
            Err(e) => failures.push(format!("{name_crc} ({mode}): decode_json failed: {e}")),
        }
        *per_module.entry(module.to_string()).or_default() += 1;
        names.insert(name_crc);
    }
    let total = names.len();
    eprintln!(
        "cross-checked with vpp_papi: {total} messages, {} vectors {per_module:?}",
        vectors.len()
    );
    assert!(
        failures.is_empty(),
        "{} disagreements with vpp_papi:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // Every message of every default module is covered.
    let expected: usize = tables
        .values()
        .filter(|i| per_module.contains_key(i.module))
        .count();
    assert_eq!(
        total, expected,
        "messages compared vs messages in those modules"
    );
    assert!(total > 300, "only {total} messages compared");
}

/// `a` restricted to the object keys `b` has, at every level. The encoding
/// check above already covers omitted fields: their defaults must give
/// vpp_papi's bytes.
fn only_keys_of(a: Value, b: &Value) -> Value {
    match (a, b) {
        (Value::Object(a), Value::Object(b)) if !b.contains_key("$union") => Value::Object(
            a.into_iter()
                .filter_map(|(k, x)| b.get(&k).map(|y| (k, only_keys_of(x, y))))
                .collect(),
        ),
        (Value::Object(mut a), Value::Object(b)) => {
            if let (Some(x), Some(y)) = (a.remove("$union"), b.get("$union")) {
                let x = match (x, y) {
                    (Value::Object(x), Value::Object(y)) => Value::Object(
                        x.into_iter()
                            .map(|(k, v)| {
                                let v = match y.get(&k) {
                                    Some(w) => only_keys_of(v, w),
                                    None => v,
                                };
                                (k, v)
                            })
                            .collect(),
                    ),
                    (x, _) => x,
                };
                a.insert("$union".to_string(), x);
            }
            Value::Object(a)
        }
        (Value::Array(a), Value::Array(b)) => Value::Array(
            a.into_iter()
                .zip(b.iter().chain(std::iter::repeat(&Value::Null)))
                .map(|(x, y)| only_keys_of(x, y))
                .collect(),
        ),
        (a, _) => a,
    }
}
