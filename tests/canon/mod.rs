//! One canonical JSON form for a message, whoever decoded it, so that vppx's
//! `decode_json` can be compared with vpp_papi's decoding (golden frames) and
//! with values built for vpp_papi (the cross-check).
//!
//! The walk follows apigen's model of the message, so every rule applies to
//! the field kind it is about, not to whatever happens to look alike:
//! - count fields are dropped (vpp_papi prints them; vppx derives them), after
//!   checking they equal their array's length;
//! - enums become numbers (vppx prints names, vpp_papi numbers); flags are numbers;
//! - `prefix`, `ip4_prefix`, `ip6_prefix` are masked (vpp_papi prints them as
//!   networks); `address_with_prefix` keeps its host bits on both sides;
//! - addresses are re-printed by Rust, MACs and byte arrays lower-cased;
//! - integers become plain integers, `bool` a boolean, `f64` a float;
//! - a union becomes `{"$union": {member: value}}`, which [`diff`] compares as
//!   "every member of the expected side is on ours, equal".
//!
//! [`input_form`] turns vppx's decoding into something `encode_json` accepts
//! again: each union keeps its widest member, which holds all of its bytes.

#![allow(dead_code)]

use std::net::IpAddr;

use apigen::model::{Api, Field, Module, Scalar, Shape, StructDef, TypeDef, TypeRef};
use ipnet::IpNet;
use serde_json::{Map, Value};

/// The walk over one API definition set.
pub struct Canon<'a> {
    pub api: &'a Api,
}

/// What a named type finally is, for the purpose of comparing JSON.
enum Resolved<'a> {
    Address,
    /// `true` when host bits are masked away.
    Prefix(bool),
    Mac,
    Scalar(Scalar),
    Bytes,
    List(&'a Module, TypeRef, u32),
    Enum(&'a apigen::model::EnumDef),
    Union(&'a Module, &'a apigen::model::UnionDef),
    Struct(&'a Module, &'a StructDef),
    Str,
}

fn lower_hex(v: &Value) -> Value {
    match v {
        Value::String(s) => Value::String(s.trim_start_matches("0x").to_ascii_lowercase()),
        other => other.clone(),
    }
}

impl<'a> Canon<'a> {
    pub fn new(api: &'a Api) -> Self {
        Canon { api }
    }

    /// The module and definition of a message, by `name_crc`.
    pub fn message(&self, name_crc: &str) -> Option<(&'a Module, &'a apigen::model::MessageDef)> {
        self.api.messages_by_name_crc().get(name_crc).copied()
    }

    fn resolve(&self, from: &str, ty: &TypeRef) -> Option<Resolved<'a>> {
        let n = match ty {
            TypeRef::Scalar(s) => return Some(Resolved::Scalar(*s)),
            TypeRef::String => return Some(Resolved::Str),
            TypeRef::Named(n) => n,
        };
        let (home, def) = self.api.resolve(from, n)?;
        match (home.name.as_str(), n.as_str()) {
            ("ip_types", "address" | "ip4_address" | "ip6_address") => {
                return Some(Resolved::Address)
            }
            ("ip_types", "prefix" | "ip4_prefix" | "ip6_prefix") => {
                return Some(Resolved::Prefix(true))
            }
            (
                "ip_types",
                "address_with_prefix" | "ip4_address_with_prefix" | "ip6_address_with_prefix",
            ) => return Some(Resolved::Prefix(false)),
            ("ethernet_types", "mac_address") => return Some(Resolved::Mac),
            _ => {}
        }
        Some(match def {
            TypeDef::Struct(s) => Resolved::Struct(home, s),
            TypeDef::Union(u) => Resolved::Union(home, u),
            TypeDef::Enum(e) => Resolved::Enum(e),
            TypeDef::Alias(a) => match (a.length, &a.target) {
                (Some(_), TypeRef::Scalar(Scalar::U8)) => Resolved::Bytes,
                (Some(len), t) => Resolved::List(home, t.clone(), len),
                (None, t) => return self.resolve(&home.name, t),
            },
        })
    }

    /// The canonical form of a struct's (or message's) JSON object.
    pub fn canon_struct(
        &self,
        module: &str,
        def: &StructDef,
        v: &Value,
        path: &str,
        errs: &mut Vec<String>,
    ) -> Value {
        let Some(obj) = v.as_object() else {
            errs.push(format!("{path}: expected an object, got {v}"));
            return v.clone();
        };
        let counts = def.count_fields();
        let mut out = Map::new();
        for (k, x) in obj {
            if k == "_0" || k == "_vl_msg_id" {
                continue;
            }
            let p = format!("{path}.{k}");
            let Some(f) = def.field(k) else {
                errs.push(format!("{p}: no such field in {}", def.name));
                continue;
            };
            if counts.contains(k.as_str()) {
                // Checked against the array it measures.
                let arr = def
                    .fields
                    .iter()
                    .find(|a| a.shape == Shape::Counted(k.clone()))
                    .and_then(|a| obj.get(&a.name));
                let len = arr.map(|a| match a {
                    Value::Array(l) => l.len() as u64,
                    Value::String(s) => s.trim_start_matches("0x").len() as u64 / 2,
                    _ => u64::MAX,
                });
                if let Some(len) = len {
                    if x.as_u64() != Some(len) {
                        errs.push(format!("{p}: count {x} but the array has {len} elements"));
                    }
                }
                continue;
            }
            out.insert(k.clone(), self.canon_field(module, f, x, &p, errs));
        }
        Value::Object(out)
    }

    fn canon_field(
        &self,
        module: &str,
        f: &Field,
        v: &Value,
        path: &str,
        errs: &mut Vec<String>,
    ) -> Value {
        match (&f.ty, &f.shape) {
            (TypeRef::String, _) => v.clone(),
            (
                TypeRef::Scalar(Scalar::U8),
                Shape::Fixed(_) | Shape::Counted(_) | Shape::Variable,
            ) => lower_hex(v),
            (ty, Shape::Single) => self.canon_value(module, ty, v, path, errs),
            (ty, _) => match v {
                Value::Array(items) => Value::Array(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, x)| {
                            self.canon_value(module, ty, x, &format!("{path}[{i}]"), errs)
                        })
                        .collect(),
                ),
                other => {
                    errs.push(format!("{path}: expected a list, got {other}"));
                    other.clone()
                }
            },
        }
    }

    fn canon_value(
        &self,
        module: &str,
        ty: &TypeRef,
        v: &Value,
        path: &str,
        errs: &mut Vec<String>,
    ) -> Value {
        let Some(r) = self.resolve(module, ty) else {
            errs.push(format!("{path}: unknown type {ty:?}"));
            return v.clone();
        };
        match r {
            Resolved::Str => v.clone(),
            Resolved::Bytes => lower_hex(v),
            Resolved::Mac => match v {
                Value::String(s) => Value::String(s.to_ascii_lowercase()),
                other => other.clone(),
            },
            Resolved::Address => match v.as_str().map(str::parse::<IpAddr>) {
                Some(Ok(a)) => Value::String(a.to_string()),
                _ => {
                    errs.push(format!("{path}: not an address: {v}"));
                    v.clone()
                }
            },
            Resolved::Prefix(mask) => match v.as_str().map(str::parse::<IpNet>) {
                Some(Ok(n)) => Value::String(if mask { n.trunc() } else { n }.to_string()),
                _ => {
                    errs.push(format!("{path}: not a prefix: {v}"));
                    v.clone()
                }
            },
            Resolved::Scalar(s) => canon_scalar(s, v, path, errs),
            Resolved::Enum(e) => match v {
                Value::String(name) => match e.values.iter().find(|(n, _)| n == name) {
                    Some((_, val)) => Value::from(*val),
                    None if e.flags => {
                        errs.push(format!("{path}: flags {} printed as a name: {v}", e.name));
                        v.clone()
                    }
                    None => {
                        errs.push(format!("{path}: {name} is not a value of {}", e.name));
                        v.clone()
                    }
                },
                Value::Number(_) => canon_scalar(Scalar::U32, v, path, errs),
                other => {
                    errs.push(format!("{path}: enum {} as {other}", e.name));
                    other.clone()
                }
            },
            Resolved::List(home, t, _) => match v {
                Value::Array(items) => Value::Array(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, x)| {
                            self.canon_value(&home.name, &t, x, &format!("{path}[{i}]"), errs)
                        })
                        .collect(),
                ),
                other => {
                    errs.push(format!("{path}: expected a list, got {other}"));
                    other.clone()
                }
            },
            Resolved::Struct(home, s) => self.canon_struct(&home.name, s, v, path, errs),
            Resolved::Union(home, u) => {
                let Some(obj) = v.as_object() else {
                    errs.push(format!("{path}: union {} as {v}", u.name));
                    return v.clone();
                };
                let mut out = Map::new();
                for (k, x) in obj {
                    let p = format!("{path}.{k}");
                    match u.members.iter().find(|m| m.name == *k) {
                        Some(m) => {
                            out.insert(k.clone(), self.canon_field(&home.name, m, x, &p, errs));
                        }
                        None => errs.push(format!("{p}: no such member of {}", u.name)),
                    }
                }
                let mut wrap = Map::new();
                wrap.insert("$union".to_string(), Value::Object(out));
                Value::Object(wrap)
            }
        }
    }

    /// vppx's decoded JSON, made acceptable to `encode_json`: every union
    /// keeps only its widest member (which covers every byte of it).
    pub fn input_form(&self, module: &str, def: &StructDef, v: &Value) -> Value {
        let Some(obj) = v.as_object() else {
            return v.clone();
        };
        let mut out = Map::new();
        for (k, x) in obj {
            let y = match def.field(k) {
                Some(f) => self.input_field(module, f, x),
                None => x.clone(),
            };
            out.insert(k.clone(), y);
        }
        Value::Object(out)
    }

    fn input_field(&self, module: &str, f: &Field, v: &Value) -> Value {
        match (&f.ty, &f.shape, v) {
            (TypeRef::Named(_), Shape::Single, _) => self.input_value(module, &f.ty, v),
            (TypeRef::Named(_), _, Value::Array(items)) => Value::Array(
                items
                    .iter()
                    .map(|x| self.input_value(module, &f.ty, x))
                    .collect(),
            ),
            _ => v.clone(),
        }
    }

    fn input_value(&self, module: &str, ty: &TypeRef, v: &Value) -> Value {
        match self.resolve(module, ty) {
            Some(Resolved::Struct(home, s)) => self.input_form(&home.name, s, v),
            Some(Resolved::List(home, t, _)) => match v {
                Value::Array(items) => Value::Array(
                    items
                        .iter()
                        .map(|x| self.input_value(&home.name, &t, x))
                        .collect(),
                ),
                other => other.clone(),
            },
            Some(Resolved::Union(home, u)) => {
                let Some(obj) = v.as_object() else {
                    return v.clone();
                };
                let widest = u
                    .members
                    .iter()
                    .filter(|m| obj.contains_key(&m.name))
                    .max_by_key(|m| {
                        // Ties go to the first member, as max_by_key keeps the last.
                        let size = self.api.field_size(&home.name, m).unwrap_or(0);
                        (size, std::cmp::Reverse(m.name.clone()))
                    });
                let mut out = Map::new();
                if let Some(m) = widest {
                    out.insert(
                        m.name.clone(),
                        self.input_field(&home.name, m, &obj[&m.name]),
                    );
                }
                Value::Object(out)
            }
            _ => v.clone(),
        }
    }
}

fn canon_scalar(s: Scalar, v: &Value, path: &str, errs: &mut Vec<String>) -> Value {
    match s {
        Scalar::Bool => match v {
            Value::Bool(b) => Value::Bool(*b),
            Value::Number(n) => Value::Bool(n.as_f64().is_some_and(|x| x != 0.0)),
            other => {
                errs.push(format!("{path}: bool as {other}"));
                other.clone()
            }
        },
        Scalar::F64 => match v.as_f64() {
            Some(x) => Value::from(x),
            None => {
                errs.push(format!("{path}: f64 as {v}"));
                v.clone()
            }
        },
        _ => match (v.as_i64(), v.as_u64()) {
            (Some(i), _) => Value::from(i),
            (None, Some(u)) => Value::from(u),
            _ => {
                errs.push(format!("{path}: integer as {v}"));
                v.clone()
            }
        },
    }
}

/// Differences between two canonical values: `ours` must equal `expected`,
/// except that a union on our side may hold members the expected side lacks.
pub fn diff(ours: &Value, expected: &Value, path: &str, out: &mut Vec<String>) {
    match (ours, expected) {
        (Value::Object(a), Value::Object(b)) => {
            if let (Some(Value::Object(ua)), Some(Value::Object(ub))) =
                (a.get("$union"), b.get("$union"))
            {
                for (k, y) in ub {
                    match ua.get(k) {
                        Some(x) => diff(x, y, &format!("{path}.{k}"), out),
                        None => out.push(format!("{path}.{k}: union member missing on our side")),
                    }
                }
                return;
            }
            for (k, y) in b {
                match a.get(k) {
                    Some(x) => diff(x, y, &format!("{path}.{k}"), out),
                    None => out.push(format!("{path}.{k}: missing on our side (expected {y})")),
                }
            }
            for (k, x) in a {
                if !b.contains_key(k) {
                    out.push(format!("{path}.{k}: only on our side ({x})"));
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                out.push(format!(
                    "{path}: {} elements, expected {}",
                    a.len(),
                    b.len()
                ));
            }
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                diff(x, y, &format!("{path}[{i}]"), out);
            }
        }
        (a, b) if a == b => {}
        (Value::Number(a), Value::Number(b))
            if (a.is_f64() || b.is_f64()) && a.as_f64() == b.as_f64() => {}
        (a, b) => out.push(format!("{path}: ours {a}, expected {b}")),
    }
}

/// Hex → bytes, by the library's own decoder (a test's hex is always valid).
pub fn unhex(s: &str) -> Vec<u8> {
    vppx::wire::from_hex(s).expect("valid hex")
}

pub use vppx::wire::to_hex as hex;
