//! apigen's stages on small fixtures: parse (`.api.json` → model) and emit
//! (model → Rust). Each case is a folder under `tests/fixtures/` holding
//! `*.api.json` inputs and `expected/`, the files apigen generates from them
//! (vppx's `tests/apigen_fixtures.rs` compiles and runs those).
//! `VPPX_BLESS=1 cargo test -p apigen` rewrites `expected/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use apigen::model::{MessageKind, Scalar, Shape, TypeDef, TypeRef};
use apigen::Api;
use serde_json::json;

fn fixture(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case)
}

fn parse(case: &str) -> Api {
    apigen::parse_dir(&fixture(case)).unwrap_or_else(|e| panic!("{case}: {e}"))
}

const ERRORS: &str = "value\tname\tdescription\n-1\tVNET_API_ERROR_UNSPECIFIED\tUnspecified\n\
                      -2\tVNET_API_ERROR_INVALID_SW_IF_INDEX\tInvalid sw_if_index\n";

fn emit(api: &Api, default: &[&str]) -> BTreeMap<String, String> {
    let errors = apigen::emit::parse_errors(ERRORS).unwrap();
    apigen::emit::emit(api, default, &errors).unwrap_or_else(|e| panic!("{e}"))
}

// ---- parse -----------------------------------------------------------------

#[test]
fn parse_reads_field_shapes() {
    let api = parse("fields");
    let m = api.module("demo").expect("module named after the file");
    assert_eq!(m.file, "demo.api.json");
    assert_eq!(m.version, "1.2.3");
    assert_eq!(m.crc, "0x12345678");
    let set = m.message("demo_set").unwrap();
    assert_eq!(set.crc, 0x1111_1111);
    assert_eq!(set.name_crc(), "demo_set_11111111");
    assert_eq!(
        set.fields.fields[0].name, "client_index",
        "_vl_msg_id is dropped"
    );
    let f = |n: &str| set.fields.field(n).unwrap_or_else(|| panic!("field {n}"));
    assert_eq!(f("limit").ty, TypeRef::Scalar(Scalar::U32));
    assert_eq!(f("limit").shape, Shape::Single);
    assert_eq!(f("name").ty, TypeRef::String);
    assert_eq!(f("name").shape, Shape::Fixed(16));
    assert_eq!(f("note").shape, Shape::Variable);
    assert_eq!(f("key").shape, Shape::Fixed(4));
    assert_eq!(f("data").shape, Shape::Counted("count".into()));
    assert_eq!(f("color").ty, TypeRef::Named("color".into()));
    assert_eq!(f("holder").ty, TypeRef::Named("holder".into()));
    assert_eq!(
        set.fields.count_fields().into_iter().collect::<Vec<_>>(),
        ["count"]
    );
    let details = m.message("demo_details").unwrap();
    assert_eq!(
        details.fields.field("values").unwrap().shape,
        Shape::Variable
    );
}

#[test]
fn parse_keeps_defaults_as_written() {
    let api = parse("fields");
    let set = api.module("demo").unwrap().message("demo_set").unwrap();
    let d = |n: &str| set.fields.field(n).unwrap().default.clone();
    assert_eq!(d("enable"), Some(json!("true")));
    assert_eq!(d("odd"), Some(json!(4294967295u32)));
    assert_eq!(d("limit"), Some(json!(1500)));
    assert_eq!(d("color"), Some(json!(2)));
    assert_eq!(d("ratio"), Some(json!(0.5)));
    assert_eq!(d("name"), None);
}

#[test]
fn parse_reads_enums_unions_and_aliases() {
    let api = parse("fields");
    let m = api.module("demo").unwrap();
    let Some(TypeDef::Enum(color)) = m.type_def("color") else {
        panic!("color is an enum")
    };
    assert_eq!(color.width, Scalar::U8);
    assert!(!color.flags);
    assert_eq!(color.values[2], ("COLOR_BLUE".to_string(), 2));
    let Some(TypeDef::Enum(mode)) = m.type_def("mode") else {
        panic!("mode is an enum")
    };
    assert_eq!(mode.width, Scalar::U32, "u32 when no enumtype is given");
    let Some(TypeDef::Enum(flags)) = m.type_def("demo_flags") else {
        panic!("demo_flags is an enum")
    };
    assert!(flags.flags);
    let Some(TypeDef::Union(u)) = m.type_def("choice") else {
        panic!("choice is a union")
    };
    assert_eq!(u.members.len(), 3);
    assert_eq!(
        api.type_size("demo", "choice"),
        Some(5),
        "largest member: pair"
    );
    assert_eq!(
        api.type_size("demo", "holder"),
        None,
        "a counted array has no fixed size"
    );
    let Some(TypeDef::Alias(mac)) = m.type_def("mac") else {
        panic!("mac is an alias")
    };
    assert_eq!(mac.length, Some(6));
    assert_eq!(api.type_size("demo", "mac"), Some(6));
}

#[test]
fn parse_derives_message_kinds_from_services() {
    let api = parse("fields");
    let m = api.module("demo").unwrap();
    let kind = |n: &str| m.message(n).unwrap().kind;
    assert_eq!(kind("demo_set"), MessageKind::Request);
    assert_eq!(kind("demo_set_reply"), MessageKind::Reply);
    assert_eq!(kind("demo_dump"), MessageKind::Request);
    assert_eq!(kind("demo_details"), MessageKind::Details);
    assert_eq!(kind("demo_get"), MessageKind::Request);
    assert_eq!(kind("demo_get_reply"), MessageKind::Reply);
    assert_eq!(kind("demo_entry"), MessageKind::Details);
    assert_eq!(kind("want_demo_events"), MessageKind::Request);
    assert_eq!(kind("demo_event"), MessageKind::Event);
    assert_eq!(kind("demo_fire"), MessageKind::Request);
    let fire = m
        .services
        .iter()
        .find(|s| s.request == "demo_fire")
        .unwrap();
    assert_eq!(fire.reply, None, "\"null\" means no reply");
    let get = m.services.iter().find(|s| s.request == "demo_get").unwrap();
    assert!(get.stream);
    assert_eq!(get.stream_msg.as_deref(), Some("demo_entry"));
}

#[test]
fn parse_finds_each_types_home_module() {
    let api = parse("imports");
    let user = api.module("user").unwrap();
    assert_eq!(user.imports, ["base"]);
    assert!(user.type_def("point").is_some(), "the copy is parsed");
    assert_eq!(api.home_of("user", "point").as_deref(), Some("base"));
    assert_eq!(api.home_of("user", "shape").as_deref(), Some("base"));
    assert_eq!(api.home_of("user", "handle").as_deref(), Some("base"));
    assert_eq!(api.home_of("user", "segment").as_deref(), Some("user"));
    assert_eq!(api.home_of("base", "point").as_deref(), Some("base"));
    assert_eq!(
        api.home_of("base", "segment"),
        None,
        "base does not import user"
    );
    assert_eq!(api.type_size("user", "segment"), Some(8));
}

#[test]
fn parse_errors_name_the_file() {
    let bad = json!({"messages": [["m", ["u32", "x"], {"crc": "0x1"}]]});
    let e = apigen::parse_module("core/bad.api.json", &bad).unwrap_err();
    let text = e.to_string();
    assert!(
        text.contains("core/bad.api.json") && text.contains("_vl_msg_id"),
        "{text}"
    );
    let bad = json!({"messages": [["m", ["u16", "_vl_msg_id"]]]});
    let e = apigen::parse_module("x.api.json", &bad).unwrap_err();
    assert!(e.to_string().contains("no crc"), "{e}");
    let bad = json!({"types": [["t", ["u8", "a", 4, "n"]]]});
    assert!(apigen::parse_module("x.api.json", &bad).is_err());
    let bad = json!({"enums": [["e", ["A", 1], {"enumtype": "f64"}]]});
    assert!(apigen::parse_module("x.api.json", &bad).is_err());
    assert!(apigen::parse_dir(&fixture("no-such-case")).is_err());
}

#[test]
fn parse_modules_reads_get_api_json_arrays() {
    let text = std::fs::read_to_string(fixture("fields").join("demo.api.json")).unwrap();
    let mut one: serde_json::Value = serde_json::from_str(&text).unwrap();
    one["module"] = json!("demo");
    let api = apigen::parse_modules("get_api_json", &json!([one])).unwrap();
    assert_eq!(api.modules.len(), 1);
    assert_eq!(api.modules[0].name, "demo");
    assert_eq!(api.modules[0].messages.len(), 11);
    assert!(apigen::parse_modules("x", &json!({})).is_err());
}

// ---- emit ------------------------------------------------------------------

fn check_case(case: &str, default: &[&str]) {
    let api = parse(case);
    let files = emit(&api, default);
    let dir = fixture(case).join("expected");
    if std::env::var_os("VPPX_BLESS").is_some() {
        apigen::write::write(&dir, &files).unwrap();
        return;
    }
    let diff = apigen::write::compare(&dir, &files).unwrap();
    if let Some(name) = diff.first().and_then(|d| d.split(' ').next()) {
        let got = files.get(name).map(String::as_str).unwrap_or("");
        let want = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        let line = got
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| got.lines().count().min(want.lines().count()));
        panic!(
            "{case}: {diff:?}\nfirst difference in {name} at line {}:\n  got:  {:?}\n  want: {:?}\n\
             (VPPX_BLESS=1 rewrites {})",
            line + 1,
            got.lines().nth(line),
            want.lines().nth(line),
            dir.display()
        );
    }
}

#[test]
fn emit_fields_case() {
    check_case("fields", &["demo"]);
}

#[test]
fn emit_imports_case() {
    check_case("imports", &["user"]);
}

#[test]
fn emit_is_deterministic() {
    for case in ["fields", "imports"] {
        let a = emit(&parse(case), &["demo"]);
        let b = emit(&parse(case), &["demo"]);
        assert_eq!(a, b, "{case}");
    }
}

#[test]
fn emit_normalises_defaults_per_field_type() {
    let files = emit(&parse("fields"), &["demo"]);
    let demo = &files["demo.rs"];
    for line in [
        "enable: true,",
        "odd: true,",
        "limit: 1500,",
        "ratio: 0.5,",
        "color: <Color as crate::wire::VppEnum>::from_raw(2),",
    ] {
        assert!(demo.contains(line), "missing `{line}`");
    }
}

#[test]
fn emit_refers_to_types_in_their_home_module() {
    let files = emit(&parse("imports"), &["user"]);
    let user = &files["user.rs"];
    assert!(user.contains("pub from: super::base::Point,"), "{user}");
    assert!(user.contains("pub shape: super::base::Shape,"));
    assert!(user.contains("pub handle: super::base::Handle,"));
    assert!(
        !user.contains("pub struct Point"),
        "copies are not generated"
    );
    assert!(files["base.rs"].contains("pub struct Point"));
    // Default modules pull in their imports; the rest sit behind the feature.
    let m = &files["mod.rs"];
    assert!(
        m.contains("\npub mod base;") && m.contains("\npub mod user;"),
        "{m}"
    );
    let files = emit(&parse("imports"), &["base"]);
    assert!(files["mod.rs"].contains("#[cfg(feature = \"all-apis\")]\npub mod user;"));
}

#[test]
fn emit_refuses_what_it_cannot_generate() {
    let mut api = parse("imports");
    let user = api.modules.iter_mut().find(|m| m.name == "user").unwrap();
    user.messages[0].fields.fields[5].shape = Shape::Counted("missing".into());
    let errors = apigen::emit::parse_errors(ERRORS).unwrap();
    let e = apigen::emit::emit(&api, &[], &errors).unwrap_err();
    assert_eq!(e.module, "user");
    assert!(e.what.contains("missing"), "{e}");

    let mut api = parse("fields");
    let demo = api.modules.iter_mut().find(|m| m.name == "demo").unwrap();
    let f = demo.messages[0]
        .fields
        .fields
        .iter_mut()
        .find(|f| f.name == "limit")
        .unwrap();
    f.default = Some(json!(-1));
    let e = apigen::emit::emit(&api, &[], &errors).unwrap_err();
    assert!(e.what.contains("limit"), "{e}");
}

#[test]
fn retval_names_from_api_errors() {
    let errors = apigen::emit::parse_errors(ERRORS).unwrap();
    assert_eq!(
        errors,
        [
            (-1, "VNET_API_ERROR_UNSPECIFIED".to_string()),
            (-2, "VNET_API_ERROR_INVALID_SW_IF_INDEX".to_string())
        ]
    );
    assert!(apigen::emit::parse_errors("h\nx\ty\n").is_err());
    assert!(apigen::emit::parse_errors("h\nonly-one-column\n").is_err());
}

#[test]
fn names_become_rust_identifiers() {
    use apigen::emit::{camel, ident};
    assert_eq!(camel("ip_route_add_del"), "IpRouteAddDel");
    assert_eq!(camel("ip4_address"), "Ip4Address");
    assert_eq!(camel("6rd"), "V6rd");
    assert_eq!(ident("type"), "r#type");
    assert_eq!(ident("name"), "name");
}

// ---- schema ----------------------------------------------------------------

/// The emitted `.api.json`-shaped schema reads back as the same model
/// (counters and file names aside), for every fixture case.
#[test]
fn schema_round_trips_through_parse() {
    for case in ["fields", "imports"] {
        let api = parse(case);
        let names: Vec<&str> = api.modules.iter().map(|m| m.name.as_str()).collect();
        let text = apigen::schema::schema_text(&api, names);
        let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        let back = apigen::parse_modules("schema", &value).unwrap_or_else(|e| panic!("{e}"));
        let with_messages: Vec<_> = api
            .modules
            .iter()
            .filter(|m| !m.messages.is_empty())
            .collect();
        assert_eq!(back.modules.len(), with_messages.len(), "{case}");
        for (a, b) in with_messages.iter().zip(&back.modules) {
            assert_eq!(a.name, b.name);
            assert_eq!(a.types, b.types, "{case}/{}", a.name);
            assert_eq!(a.unions, b.unions, "{case}/{}", a.name);
            assert_eq!(a.enums, b.enums, "{case}/{}", a.name);
            assert_eq!(a.aliases, b.aliases, "{case}/{}", a.name);
            assert_eq!(a.messages, b.messages, "{case}/{}", a.name);
            assert_eq!(a.services, b.services, "{case}/{}", a.name);
            assert_eq!(a.imports, b.imports, "{case}/{}", a.name);
            assert_eq!((&a.version, &a.crc), (&b.version, &b.crc));
        }
    }
}
