//! Holds `vppx serve`'s answers to its OpenAPI document (`src/agent/openapi.json`).
//!
//! Every answer the serve tests get for a documented operation goes through [`check`]: its
//! status and content type must be documented for that operation, and a JSON body must
//! match the documented schema. Stricter than OpenAPI itself on one point, on purpose: an
//! object schema that lists properties documents all of them, so a field the agent sends
//! but the document does not name fails (unless `additionalProperties` allows it). The
//! unit test beside the router checks the other direction: every route is documented and
//! every documented route is served.

use std::sync::LazyLock;

use serde_json::Value;

/// The document, as the agent embeds and serves it.
pub static DOC: LazyLock<Value> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../src/agent/openapi.json"))
        .expect("src/agent/openapi.json is JSON")
});

/// The documented operation for `method` on a concrete `path` (query ignored): the path
/// template matched segment by segment, `{param}` matching any one segment.
fn operation(method: &str, path: &str) -> Option<(&'static str, &'static Value)> {
    let path = path.split('?').next().unwrap_or_default();
    let want: Vec<&str> = path.split('/').collect();
    let paths = DOC["paths"].as_object().expect("paths");
    paths.iter().find_map(|(template, ops)| {
        let have: Vec<&str> = template.split('/').collect();
        let matches = have.len() == want.len()
            && have
                .iter()
                .zip(&want)
                .all(|(t, w)| (t.starts_with('{') && t.ends_with('}') && !w.is_empty()) || t == w);
        let op = ops.get(method.to_lowercase())?;
        matches.then_some((template.as_str(), op))
    })
}

/// Asserts that one answer is what the document says `method path` may answer. Paths and
/// methods the document does not have (the fallback 404, 405) are not checked here.
pub fn check(method: &str, path: &str, status: u16, content_type: &str, body: &str) {
    let Some((template, op)) = operation(method, path) else {
        return;
    };
    let response = op["responses"]
        .get(status.to_string())
        .unwrap_or_else(|| {
            panic!("{method} {path} answered {status}, which openapi.json does not document for {method} {template}:\n{body}")
        });
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let media = response["content"].get(&essence).unwrap_or_else(|| {
        panic!(
            "{method} {path} answered {status} as {content_type:?}; openapi.json documents {}",
            response["content"]
        )
    });
    if essence == "application/json" {
        let v: Value = serde_json::from_str(body).unwrap_or_else(|e| {
            panic!("{method} {path}: {status} body is not JSON ({e}):\n{body}")
        });
        if let Err(e) = validate(&media["schema"], &v, "$") {
            panic!("{method} {path} answered {status} against openapi.json ({method} {template}): {e}\nbody: {body}");
        }
    }
}

/// Asserts that one `/events` data object matches the documented `EventLine` (the JSON
/// that the documented event's `data` holds).
pub fn check_event(data: &Value) {
    let event = &DOC["paths"]["/events"]["get"]["responses"]["200"]["content"]["text/event-stream"]
        ["schema"];
    let schema = &event["properties"]["data"]["contentSchema"];
    assert!(
        schema.is_object(),
        "openapi.json: an event's data names no contentSchema"
    );
    if let Err(e) = validate(schema, data, "$") {
        panic!("an /events data line does not match openapi.json: {e}\n{data}");
    }
}

fn resolve(schema: &'static Value) -> &'static Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r
                .strip_prefix("#/components/schemas/")
                .unwrap_or_else(|| panic!("unsupported $ref {r} in openapi.json"));
            let target = &DOC["components"]["schemas"][name];
            assert!(target.is_object(), "openapi.json: dangling $ref {r}");
            resolve(target)
        }
        None => schema,
    }
}

/// `v` against `schema` (the subset of OpenAPI 3.0 the document uses).
pub fn validate(schema: &'static Value, v: &Value, at: &str) -> Result<(), String> {
    let schema = resolve(schema);
    if v.is_null() {
        return if schema["nullable"] == true {
            Ok(())
        } else {
            Err(format!("{at}: null, which the document does not allow"))
        };
    }
    if let Some(all) = schema["allOf"].as_array() {
        for s in all {
            validate(s, v, at)?;
        }
    }
    if let Some(one) = schema["oneOf"].as_array() {
        let n = one.iter().filter(|s| validate(s, v, at).is_ok()).count();
        if n != 1 {
            return Err(format!(
                "{at}: {v} matches {n} of the oneOf schemas, not exactly one"
            ));
        }
    }
    if let Some(t) = schema["type"].as_str() {
        let ok = match t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "integer" => v.is_i64() || v.is_u64(),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            other => return Err(format!("{at}: unknown type {other:?} in the document")),
        };
        if !ok {
            return Err(format!("{at}: {v} is not of type {t}"));
        }
    }
    if let Some(allowed) = schema["enum"].as_array() {
        if !allowed.contains(v) {
            return Err(format!("{at}: {v} is not one of {allowed:?}"));
        }
    }
    if let (Some(min), Some(x)) = (schema["minimum"].as_f64(), v.as_f64()) {
        if x < min {
            return Err(format!("{at}: {x} is below the minimum {min}"));
        }
    }
    if let (Some(max), Some(x)) = (schema["maximum"].as_f64(), v.as_f64()) {
        if x > max {
            return Err(format!("{at}: {x} is above the maximum {max}"));
        }
    }
    if let Some(obj) = v.as_object() {
        for r in schema["required"].as_array().into_iter().flatten() {
            let r = r.as_str().expect("required names are strings");
            if !obj.contains_key(r) {
                return Err(format!("{at}: required field {r:?} is missing"));
            }
        }
        if let Some(props) = schema["properties"].as_object() {
            let extra_ok = schema
                .get("additionalProperties")
                .is_some_and(|a| *a != Value::Bool(false));
            for (k, x) in obj {
                match props.get(k) {
                    Some(s) => validate(s, x, &format!("{at}.{k}"))?,
                    None if extra_ok => {}
                    None => return Err(format!("{at}: field {k:?} is not in the document")),
                }
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            validate(items, x, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}

#[test]
fn serve_openapi_validator_catches_what_it_should() {
    let iface = &DOC["components"]["schemas"]["Interface"];
    let good = serde_json::json!({
        "sw_if_index": 1, "name": "pg0", "admin_up": true, "link_up": true,
        "mac": "02:fe:00:00:00:01", "mtu": 9000, "link_mtu": 9000,
        "addresses": ["10.0.0.1/24"], "dev_type": "pg", "counters": null, "rates": null,
    });
    validate(iface, &good, "$").expect("a documented interface");
    let mut extra = good.clone();
    extra["surprise"] = 1.into();
    assert!(validate(iface, &extra, "$")
        .unwrap_err()
        .contains("surprise"));
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("mac");
    assert!(validate(iface, &missing, "$").unwrap_err().contains("mac"));
    let mut wrong = good.clone();
    wrong["mtu"] = "big".into();
    assert!(validate(iface, &wrong, "$").is_err());
    let mut counters = good;
    counters["counters"] = serde_json::json!({"rx_packets": 1});
    assert!(
        validate(iface, &counters, "$").is_err(),
        "nested required fields are checked"
    );
    assert!(operation("DELETE", "/routes/10.0.0.0%2F8?table=3").is_some());
    assert!(operation("GET", "/routes/10.0.0.0%2F8").is_some());
    assert!(operation("PUT", "/routes/10.0.0.0%2F8").is_none());
    assert!(operation("GET", "/interfaces/pg0").is_some_and(|(t, _)| t == "/interfaces/{name}"));
}

/// The formats the document states for what the agent parses, held to the agent's own
/// parsers: a value the pattern allows is one the parser takes (with the host-bit rule
/// that `ip-prefix` names), and a value it refuses the parser refuses too. Without them
/// the document called `0`, `__main__` and `` valid prefixes and addresses.
#[test]
fn serve_openapi_patterns_agree_with_the_parsers() {
    let pattern = |name: &str| {
        let p = DOC["components"]["schemas"][name]["pattern"]
            .as_str()
            .unwrap_or_else(|| panic!("{name} has a pattern"));
        regex::Regex::new(p).unwrap_or_else(|e| panic!("{name}'s pattern: {e}"))
    };
    let prefix = pattern("IpPrefix");
    let address = pattern("IpInterfaceAddress");
    let name = pattern("AclName");
    for good in [
        "10.0.0.0/8",
        "0.0.0.0/0",
        "192.0.2.1/32",
        "2001:db8::/32",
        "::/0",
        "::1/128",
        "fe80::/10",
        "2001:db8:0:0:0:0:0:0/64",
    ] {
        assert!(prefix.is_match(good), "{good}");
        assert!(vppx::ops::routes::parse_prefix(good).is_ok(), "{good}");
        assert!(address.is_match(good), "{good}");
        assert!(vppx::ops::iface::parse_address(good).is_ok(), "{good}");
        assert!(vppx::ops::routes::list::any_prefix(good).is_ok(), "{good}");
    }
    for bad in [
        "0",
        "",
        "__main__",
        "10.0.0.0",
        "10.0.0.0/33",
        "10.0.0/8",
        "01.0.0.0/8",
        "2001:db8::/129",
        "2001:db8:::/32",
        "10.0.0.0/8 ",
        "10.0.0.0/-1",
        "1:2:3:4:5:6:7:8:9/64",
    ] {
        assert!(!prefix.is_match(bad), "{bad:?}");
        assert!(
            vppx::ops::routes::parse_prefix(bad).is_err() || bad.ends_with(' '),
            "{bad:?}"
        );
        assert!(!address.is_match(bad), "{bad:?}");
        assert!(
            vppx::ops::routes::list::any_prefix(bad).is_err() || bad.ends_with(' '),
            "{bad:?}"
        );
    }
    // Host bits: the pattern's syntax, the `ip-prefix` format's rule.
    assert!(prefix.is_match("10.1.2.3/8"));
    assert!(vppx::ops::routes::parse_prefix("10.1.2.3/8").is_err());
    assert!(vppx::ops::iface::parse_address("10.1.2.3/8").is_ok());
    // A route's prefix where either form of a connected route is taken: the address's
    // pattern, read as its network.
    assert_eq!(
        vppx::ops::routes::list::any_prefix("10.1.2.3/8")
            .ok()
            .map(|p| p.to_string()),
        Some("10.0.0.0/8".to_string())
    );
    for (n, ok) in [
        ("rfc1918-drop", true),
        ("a.b:c_d", true),
        ("", false),
        ("a b", false),
    ] {
        assert_eq!(name.is_match(n), ok, "{n:?}");
        assert_eq!(vppx::ops::acl::validate_name(n).is_ok(), ok, "{n:?}");
    }
    let long = "a".repeat(64);
    assert!(!name.is_match(&long) && vppx::ops::acl::validate_name(&long).is_err());
}
