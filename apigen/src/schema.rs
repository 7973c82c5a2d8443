//! The model → `.api.json`-shaped JSON, the form VPP's `get_api_json` answers with.
//!
//! The simulator answers `get_api_json` from this (apigen writes it as
//! `src/binapi/schema.json`), and `vppx api` knows memclnt's definitions from
//! it, since VPP leaves memclnt out of its answer. Reading the output back
//! with [`crate::parse_modules`] gives the same model, counters aside.

use serde_json::{json, Map, Value};

use crate::model::*;

fn type_name(t: &TypeRef) -> String {
    match t {
        TypeRef::Scalar(s) => s.name().to_string(),
        TypeRef::String => "string".to_string(),
        TypeRef::Named(n) => format!("vl_api_{n}_t"),
    }
}

fn field(f: &Field) -> Value {
    let mut out = vec![Value::from(type_name(&f.ty)), Value::from(f.name.clone())];
    match &f.shape {
        Shape::Single => {}
        Shape::Fixed(n) => out.push(Value::from(*n)),
        Shape::Counted(c) => {
            out.push(Value::from(0));
            out.push(Value::from(c.clone()));
        }
        Shape::Variable => out.push(Value::from(0)),
    }
    if let Some(d) = &f.default {
        out.push(json!({ "default": d }));
    }
    Value::Array(out)
}

fn def(name: &str, fields: &[Field]) -> Vec<Value> {
    std::iter::once(Value::from(name))
        .chain(fields.iter().map(field))
        .collect()
}

fn enum_def(e: &EnumDef) -> Value {
    let mut out = vec![Value::from(e.name.clone())];
    out.extend(e.values.iter().map(|(n, v)| json!([n, v])));
    out.push(json!({ "enumtype": e.width.name() }));
    Value::Array(out)
}

/// One module in `.api.json` shape.
pub fn module_json(m: &Module) -> Value {
    let types: Vec<Value> = m
        .types
        .iter()
        .map(|t| Value::Array(def(&t.name, &t.fields)))
        .collect();
    let unions: Vec<Value> = m
        .unions
        .iter()
        .map(|u| Value::Array(def(&u.name, &u.members)))
        .collect();
    let messages: Vec<Value> = m
        .messages
        .iter()
        .map(|msg| {
            let mut d = vec![Value::from(msg.name.clone()), json!(["u16", "_vl_msg_id"])];
            d.extend(msg.fields.fields.iter().map(field));
            d.push(json!({ "crc": format!("0x{:08x}", msg.crc) }));
            Value::Array(d)
        })
        .collect();
    let enums: Vec<Value> = m.enums.iter().filter(|e| !e.flags).map(enum_def).collect();
    let enumflags: Vec<Value> = m.enums.iter().filter(|e| e.flags).map(enum_def).collect();
    let aliases: Map<String, Value> = m
        .aliases
        .iter()
        .map(|a| {
            let mut o = Map::new();
            o.insert("type".into(), Value::from(type_name(&a.target)));
            if let Some(l) = a.length {
                o.insert("length".into(), Value::from(l));
            }
            (a.name.clone(), Value::Object(o))
        })
        .collect();
    let services: Map<String, Value> = m
        .services
        .iter()
        .map(|s| {
            let mut o = Map::new();
            o.insert(
                "reply".into(),
                Value::from(s.reply.clone().unwrap_or_else(|| "null".to_string())),
            );
            if s.stream {
                o.insert("stream".into(), Value::from(true));
            }
            if let Some(d) = &s.stream_msg {
                o.insert("stream_msg".into(), Value::from(d.clone()));
            }
            if !s.events.is_empty() {
                o.insert("events".into(), Value::from(s.events.clone()));
            }
            (s.request.clone(), Value::Object(o))
        })
        .collect();
    json!({
        "module": m.name,
        "types": types,
        "messages": messages,
        "unions": unions,
        "enums": enums,
        "enumflags": enumflags,
        "services": services,
        "options": { "version": m.version },
        "aliases": aliases,
        "vl_api_version": m.crc,
        "imports": m.imports.iter().map(|i| format!("{i}.api")).collect::<Vec<_>>(),
    })
}

/// The modules named in `modules` that declare messages, as a JSON array with
/// one module a line (readable diffs for a committed file).
pub fn schema_text<'a>(api: &Api, modules: impl IntoIterator<Item = &'a str>) -> String {
    let wanted: std::collections::BTreeSet<&str> = modules.into_iter().collect();
    let lines: Vec<String> = api
        .modules
        .iter()
        .filter(|m| wanted.contains(m.name.as_str()) && !m.messages.is_empty())
        .map(|m| module_json(m).to_string())
        .collect();
    format!("[\n{}\n]\n", lines.join(",\n"))
}
