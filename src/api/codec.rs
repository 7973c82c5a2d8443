//! The model-driven codec: JSON ⇄ bytes for any message of an [`Api`], by
//! walking apigen's model and calling the same `crate::wire` rules the
//! generated code calls. Its JSON is the generated types' JSON: enums by name
//! (or number), flags as numbers, addresses, prefixes and MACs as text, `u8`
//! arrays as lowercase hex, a union as an object of members (every member that
//! decodes on output, exactly one on input), count fields left out, omitted
//! fields taking the `.api.json` default, else zero.
//!
//! One file, past 600 lines: encoding and decoding walk the same model and must stay mirror
//! images of each other.
//!
//! It must not grow encoding rules of its own: where the generated code
//! calls a `wire` function, this calls the same one, so the two cannot drift.
//! Every error names the message and the field path.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use apigen::model::{
    default_as_bool, Api, EnumDef, Field, MessageDef, Module, Scalar, Shape, StructDef, TypeDef,
    TypeRef, UnionDef,
};
use ipnet::{IpNet, Ipv4Net, Ipv6Net};
use serde_json::{Map, Value};

use crate::wire::enums::{decode_width, encode_width};
use crate::wire::{
    from_hex, to_hex, Decode, Encode, MacAddress, Reader, Result, WireError, WireErrorKind, Writer,
};

/// What a named type finally is, after aliases.
#[derive(Debug, Clone, Copy)]
enum Kind<'a> {
    Scalar(Scalar),
    Address,
    Ip4Address,
    Ip6Address,
    Prefix,
    Ip4Prefix,
    Ip6Prefix,
    Mac,
    /// An alias of a fixed `u8` array.
    Bytes(usize),
    Enum(&'a EnumDef),
    Union(&'a Module, &'a UnionDef, usize),
    Struct(&'a Module, &'a StructDef),
}

/// The types vppx gives a standard Rust form (as apigen's emitter does), by
/// name and wire size; VPP declares each of them once, in ip_types and
/// ethernet_types, and every other module carries copies.
fn special<'a>(name: &str) -> Option<(Kind<'a>, usize)> {
    Some(match name {
        "address" => (Kind::Address, 17),
        "ip4_address" => (Kind::Ip4Address, 4),
        "ip6_address" => (Kind::Ip6Address, 16),
        "prefix" => (Kind::Prefix, 18),
        "ip4_prefix" => (Kind::Ip4Prefix, 5),
        "ip6_prefix" => (Kind::Ip6Prefix, 17),
        "mac_address" => (Kind::Mac, 6),
        _ => return None,
    })
}

fn invalid(what: impl Into<String>) -> WireError {
    WireError::invalid(what)
}

/// A short description of a JSON value, for "expected X, got Y".
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("boolean {b}"),
        Value::Number(n) => format!("number {n}"),
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "an array".to_string(),
        Value::Object(_) => "an object".to_string(),
    }
}

fn wrong(expected: &str, v: &Value) -> WireError {
    invalid(format!("expected {expected}, got {}", describe(v)))
}

/// The codec over one set of definitions.
#[derive(Debug, Clone, Copy)]
pub struct Codec<'a> {
    api: &'a Api,
}

impl<'a> Codec<'a> {
    pub fn new(api: &'a Api) -> Self {
        Codec { api }
    }

    /// Builds a message body (after `_vl_msg_id`) from JSON; `null` is `{}`.
    pub fn encode(&self, module: &Module, msg: &MessageDef, json: &Value) -> Result<Vec<u8>> {
        let mut w = Writer::with_capacity(64);
        let empty = Value::Object(Map::new());
        let json = if json.is_null() { &empty } else { json };
        self.encode_struct(&mut w, &module.name, &msg.fields, Some(json))
            .map_err(|e| e.in_message(&msg.name))?;
        Ok(w.into_inner())
    }

    /// Decodes a message body (after `_vl_msg_id`) to JSON. Trailing bytes are
    /// ignored, as the generated code does.
    pub fn decode(&self, module: &Module, msg: &MessageDef, body: &[u8]) -> Result<Value> {
        let mut r = Reader::new(body);
        self.decode_struct(&mut r, &module.name, &msg.fields)
            .map_err(|e| e.in_message(&msg.name))
    }

    fn kind(&self, from: &str, ty: &TypeRef) -> Result<Kind<'a>> {
        let mut from = from.to_string();
        let mut cur = ty.clone();
        for _ in 0..16 {
            let name = match &cur {
                TypeRef::Scalar(s) => return Ok(Kind::Scalar(*s)),
                TypeRef::String => return Err(invalid("a string where a type was expected")),
                TypeRef::Named(n) => n.clone(),
            };
            let (module, def) = self
                .api
                .resolve(&from, &name)
                .ok_or_else(|| invalid(format!("unknown type {name}")))?;
            if let Some((kind, size)) = special(&name) {
                if self.api.type_size(&module.name, &name) == Some(size) {
                    return Ok(kind);
                }
            }
            match def {
                TypeDef::Alias(a) => match (a.length, &a.target) {
                    (None, target) => {
                        from = module.name.clone();
                        cur = target.clone();
                    }
                    (Some(n), TypeRef::Scalar(Scalar::U8)) => return Ok(Kind::Bytes(n as usize)),
                    (Some(_), _) => {
                        return Err(invalid(format!("alias {name}: arrays of non-u8 types")))
                    }
                },
                TypeDef::Enum(e) => return Ok(Kind::Enum(e)),
                TypeDef::Union(u) => {
                    let size = self.api.type_size(&module.name, &name).ok_or_else(|| {
                        invalid(format!("union {name}: members of variable size"))
                    })?;
                    return Ok(Kind::Union(module, u, size));
                }
                TypeDef::Struct(s) => return Ok(Kind::Struct(module, s)),
            }
        }
        Err(invalid(format!("aliases of {ty:?} nest too deeply")))
    }

    /// The integer scalar a count field finally is.
    fn count_scalar(&self, from: &str, f: &Field) -> Result<Scalar> {
        match self.kind(from, &f.ty)? {
            Kind::Scalar(s) if s.is_integer() => Ok(s),
            _ => Err(invalid("count field is not an integer").in_field(&f.name)),
        }
    }

    // ---- encoding -------------------------------------------------------------------

    fn encode_struct(
        &self,
        w: &mut Writer,
        from: &str,
        def: &StructDef,
        json: Option<&Value>,
    ) -> Result<()> {
        let empty = Map::new();
        let obj = match json {
            None => &empty,
            Some(Value::Object(o)) => o,
            Some(other) => return Err(wrong("an object", other)),
        };
        let counts = def.count_fields();
        for key in obj.keys() {
            if counts.contains(key.as_str()) {
                return Err(
                    invalid("is a count field: it is set from the length of its array")
                        .in_field(key),
                );
            }
            if def.field(key).is_none() {
                let names: Vec<&str> = def
                    .fields
                    .iter()
                    .map(|f| f.name.as_str())
                    .filter(|n| !counts.contains(n))
                    .collect();
                return Err(invalid(format!(
                    "unknown field, expected one of: {}",
                    names.join(", ")
                ))
                .in_field(key));
            }
        }
        for f in &def.fields {
            if counts.contains(f.name.as_str()) {
                // The array measured by this count field (the last one, as apigen's emitter).
                let Some(arr) = def
                    .fields
                    .iter()
                    .rev()
                    .find(|a| matches!(&a.shape, Shape::Counted(c) if *c == f.name))
                else {
                    continue;
                };
                let len = self.array_len(arr, obj.get(&arr.name))?;
                let scalar = self.count_scalar(from, f)?;
                put_count(w, &f.name, scalar, len)?;
                continue;
            }
            self.encode_field(w, from, f, obj.get(&f.name))?;
        }
        Ok(())
    }

    /// The element count of a counted array's JSON value (absent: empty).
    fn array_len(&self, f: &Field, v: Option<&Value>) -> Result<usize> {
        match (v, &f.ty) {
            (None, _) => Ok(0),
            (Some(v), TypeRef::Scalar(Scalar::U8)) => {
                Ok(hex_bytes(v).map_err(|e| e.in_field(&f.name))?.len())
            }
            (Some(Value::Array(a)), _) => Ok(a.len()),
            (Some(v), _) => Err(wrong("an array", v).in_field(&f.name)),
        }
    }

    fn encode_field(&self, w: &mut Writer, from: &str, f: &Field, v: Option<&Value>) -> Result<()> {
        let name = f.name.as_str();
        match (&f.ty, &f.shape) {
            (TypeRef::String, Shape::Fixed(n)) => {
                let s = string_value(v, f.default.as_ref()).map_err(|e| e.in_field(name))?;
                w.fixed_string(name, &s, *n as usize)
            }
            (TypeRef::String, Shape::Variable) => {
                let s = string_value(v, f.default.as_ref()).map_err(|e| e.in_field(name))?;
                w.var_string(name, &s)
            }
            (TypeRef::String, _) => Err(invalid("unsupported string shape").in_field(name)),
            (TypeRef::Scalar(Scalar::U8), Shape::Fixed(n)) => {
                let bytes = match v {
                    Some(v) => hex_bytes(v).map_err(|e| e.in_field(name))?,
                    None => Vec::new(),
                };
                put_fixed_bytes(w, &bytes, *n as usize).map_err(|e| e.in_field(name))
            }
            (TypeRef::Scalar(Scalar::U8), Shape::Counted(_) | Shape::Variable) => {
                let bytes = match v {
                    Some(v) => hex_bytes(v).map_err(|e| e.in_field(name))?,
                    None => Vec::new(),
                };
                w.put(&bytes);
                Ok(())
            }
            (ty, Shape::Single) => {
                let kind = self.kind(from, ty).map_err(|e| e.in_field(name))?;
                let v = v.or(f.default.as_ref());
                self.encode_elem(w, kind, v, f.default.is_some() && v == f.default.as_ref())
                    .map_err(|e| e.in_field(name))
            }
            (ty, shape) => {
                let kind = self.kind(from, ty).map_err(|e| e.in_field(name))?;
                let items: Vec<Option<&Value>> = match v {
                    Some(Value::Array(a)) => a.iter().map(Some).collect(),
                    Some(other) => return Err(wrong("an array", other).in_field(name)),
                    None => match shape {
                        Shape::Fixed(n) => vec![None; *n as usize],
                        _ => Vec::new(),
                    },
                };
                if let Shape::Fixed(n) = shape {
                    if items.len() != *n as usize {
                        return Err(WireError::new(WireErrorKind::WrongLength {
                            len: items.len(),
                            expected: *n as usize,
                        })
                        .in_field(name));
                    }
                }
                for (i, item) in items.into_iter().enumerate() {
                    self.encode_elem(w, kind, item, false)
                        .map_err(|e| e.in_field(&format!("{name}[{i}]")))?;
                }
                Ok(())
            }
        }
    }

    /// One value of a type. `v` is `None` for "absent: zero, or the nested
    /// defaults"; `declared` marks a default from the definition, whose JSON
    /// type varies (`"true"`, `4294967295` for a bool) and is normalised.
    fn encode_elem(
        &self,
        w: &mut Writer,
        kind: Kind<'_>,
        v: Option<&Value>,
        declared: bool,
    ) -> Result<()> {
        match kind {
            Kind::Scalar(s) => put_scalar(w, s, v, declared),
            Kind::Address => put_parsed::<IpAddr>(w, v, "an IP address", 17),
            Kind::Ip4Address => put_parsed::<Ipv4Addr>(w, v, "an IPv4 address", 4),
            Kind::Ip6Address => put_parsed::<Ipv6Addr>(w, v, "an IPv6 address", 16),
            Kind::Prefix => put_parsed::<IpNet>(w, v, "a prefix (address/length)", 18),
            Kind::Ip4Prefix => put_parsed::<Ipv4Net>(w, v, "an IPv4 prefix", 5),
            Kind::Ip6Prefix => put_parsed::<Ipv6Net>(w, v, "an IPv6 prefix", 17),
            Kind::Mac => put_parsed::<MacAddress>(w, v, "a MAC address", 6),
            Kind::Bytes(n) => {
                let bytes = match v {
                    Some(v) => hex_bytes(v)?,
                    None => Vec::new(),
                };
                put_fixed_bytes(w, &bytes, n)
            }
            Kind::Enum(e) => {
                let raw = match v {
                    None => 0,
                    Some(v) => enum_raw(e, v, declared)?,
                };
                put_enum(w, e.width, raw)
            }
            Kind::Union(module, u, size) => {
                let Some(v) = v else {
                    w.put(&vec![0u8; size]);
                    return Ok(());
                };
                let obj = v
                    .as_object()
                    .ok_or_else(|| wrong("an object with one union member", v))?;
                let members: Vec<&str> = u.members.iter().map(|m| m.name.as_str()).collect();
                let mut it = obj.iter();
                let (Some((key, value)), None) = (it.next(), it.next()) else {
                    return Err(invalid(format!(
                        "a union takes exactly one member, one of: {}",
                        members.join(", ")
                    )));
                };
                let member = u.members.iter().find(|m| m.name == *key).ok_or_else(|| {
                    invalid(format!(
                        "unknown union member, expected one of: {}",
                        members.join(", ")
                    ))
                    .in_field(key)
                })?;
                let mut inner = Writer::new();
                self.encode_field(&mut inner, &module.name, member, Some(value))?;
                let b = inner.as_slice();
                if b.len() > size {
                    return Err(WireError::new(WireErrorKind::TooLong {
                        len: b.len(),
                        max: size,
                    })
                    .in_field(key));
                }
                w.put(b);
                w.put(&vec![0u8; size - b.len()]);
                Ok(())
            }
            Kind::Struct(module, s) => self.encode_struct(w, &module.name, s, v),
        }
    }

    // ---- decoding -------------------------------------------------------------------

    fn decode_struct(&self, r: &mut Reader<'_>, from: &str, def: &StructDef) -> Result<Value> {
        let counts = def.count_fields();
        let mut lens: Vec<(&str, usize)> = Vec::new();
        let mut out = Map::new();
        for f in &def.fields {
            let name = f.name.as_str();
            if counts.contains(name) {
                let scalar = self.count_scalar(from, f)?;
                lens.push((name, get_count(r, name, scalar)?));
                continue;
            }
            let counted = |c: &str| {
                lens.iter()
                    .rev()
                    .find(|(n, _)| *n == c)
                    .map(|(_, l)| *l)
                    .ok_or_else(|| invalid(format!("count field {c} not found")).in_field(name))
            };
            let value = match (&f.ty, &f.shape) {
                (TypeRef::String, Shape::Fixed(n)) => {
                    Value::from(r.fixed_string(name, *n as usize)?)
                }
                (TypeRef::String, Shape::Variable) => Value::from(r.var_string(name)?),
                (TypeRef::String, _) => {
                    return Err(invalid("unsupported string shape").in_field(name))
                }
                (TypeRef::Scalar(Scalar::U8), Shape::Fixed(n)) => {
                    Value::from(to_hex(r.take(*n as usize).map_err(|e| e.in_field(name))?))
                }
                (TypeRef::Scalar(Scalar::U8), Shape::Counted(c)) => {
                    Value::from(to_hex(&r.bytes(name, counted(c)?)?))
                }
                (TypeRef::Scalar(Scalar::U8), Shape::Variable) => {
                    Value::from(to_hex(&r.rest_bytes(name)?))
                }
                (ty, Shape::Single) => {
                    let kind = self.kind(from, ty).map_err(|e| e.in_field(name))?;
                    self.decode_elem(r, kind).map_err(|e| e.in_field(name))?
                }
                (ty, shape) => {
                    let kind = self.kind(from, ty).map_err(|e| e.in_field(name))?;
                    let n = match shape {
                        Shape::Fixed(n) => Some(*n as usize),
                        Shape::Counted(c) => Some(counted(c)?),
                        _ => None,
                    };
                    let mut items = Vec::new();
                    match n {
                        Some(n) => {
                            // Each element takes at least a byte: refuse a count the input cannot hold.
                            if n > r.remaining() {
                                return Err(WireError::new(WireErrorKind::Short {
                                    need: n,
                                    have: r.remaining(),
                                })
                                .in_field(name));
                            }
                            for i in 0..n {
                                items.push(
                                    self.decode_elem(r, kind)
                                        .map_err(|e| e.in_field(&format!("{name}[{i}]")))?,
                                );
                            }
                        }
                        None => {
                            while r.remaining() > 0 {
                                let i = items.len();
                                items.push(
                                    self.decode_elem(r, kind)
                                        .map_err(|e| e.in_field(&format!("{name}[{i}]")))?,
                                );
                            }
                        }
                    }
                    Value::Array(items)
                }
            };
            out.insert(f.name.clone(), value);
        }
        Ok(Value::Object(out))
    }

    fn decode_elem(&self, r: &mut Reader<'_>, kind: Kind<'_>) -> Result<Value> {
        Ok(match kind {
            Kind::Scalar(s) => get_scalar(r, s)?,
            Kind::Address => Value::from(IpAddr::decode(r)?.to_string()),
            Kind::Ip4Address => Value::from(Ipv4Addr::decode(r)?.to_string()),
            Kind::Ip6Address => Value::from(Ipv6Addr::decode(r)?.to_string()),
            Kind::Prefix => Value::from(IpNet::decode(r)?.to_string()),
            Kind::Ip4Prefix => Value::from(Ipv4Net::decode(r)?.to_string()),
            Kind::Ip6Prefix => Value::from(Ipv6Net::decode(r)?.to_string()),
            Kind::Mac => Value::from(MacAddress::decode(r)?.to_string()),
            Kind::Bytes(n) => Value::from(to_hex(r.take(n)?)),
            Kind::Enum(e) => {
                let raw = get_enum(r, e.width)?;
                match e.values.iter().find(|(_, v)| *v == raw) {
                    Some((name, _)) if !e.flags => Value::from(name.clone()),
                    _ => Value::from(raw),
                }
            }
            Kind::Union(module, u, size) => {
                let bytes = r.take(size)?;
                let mut out = Map::new();
                for m in &u.members {
                    let mut inner = Reader::new(bytes);
                    let one = StructDef {
                        name: u.name.clone(),
                        fields: vec![m.clone()],
                    };
                    if let Ok(Value::Object(mut o)) =
                        self.decode_struct(&mut inner, &module.name, &one)
                    {
                        if let Some(v) = o.remove(&m.name) {
                            out.insert(m.name.clone(), v);
                        }
                    }
                }
                Value::Object(out)
            }
            Kind::Struct(module, s) => self.decode_struct(r, &module.name, s)?,
        })
    }
}

// ---- scalar helpers: each one the `wire` rule the generated code uses ----------------

fn put_count(w: &mut Writer, name: &str, s: Scalar, len: usize) -> Result<()> {
    match s {
        Scalar::U8 => w.count::<u8>(name, len),
        Scalar::I8 => w.count::<i8>(name, len),
        Scalar::U16 => w.count::<u16>(name, len),
        Scalar::I16 => w.count::<i16>(name, len),
        Scalar::U32 => w.count::<u32>(name, len),
        Scalar::I32 => w.count::<i32>(name, len),
        Scalar::U64 => w.count::<u64>(name, len),
        Scalar::I64 => w.count::<i64>(name, len),
        Scalar::F64 | Scalar::Bool => Err(invalid("count field is not an integer").in_field(name)),
    }
}

fn get_count(r: &mut Reader<'_>, name: &str, s: Scalar) -> Result<usize> {
    match s {
        Scalar::U8 => r.count::<u8>(name),
        Scalar::I8 => r.count::<i8>(name),
        Scalar::U16 => r.count::<u16>(name),
        Scalar::I16 => r.count::<i16>(name),
        Scalar::U32 => r.count::<u32>(name),
        Scalar::I32 => r.count::<i32>(name),
        Scalar::U64 => r.count::<u64>(name),
        Scalar::I64 => r.count::<i64>(name),
        Scalar::F64 | Scalar::Bool => Err(invalid("count field is not an integer").in_field(name)),
    }
}

fn int_in<T: TryFrom<i128>>(v: &Value, s: Scalar) -> Result<T> {
    let n: i128 = match v {
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => i128::from(u),
            (None, Some(i)) => i128::from(i),
            _ => return Err(wrong(&format!("an integer ({})", s.name()), v)),
        },
        other => return Err(wrong(&format!("an integer ({})", s.name()), other)),
    };
    T::try_from(n).map_err(|_| invalid(format!("{n} is out of range for {}", s.name())))
}

fn put_scalar(w: &mut Writer, s: Scalar, v: Option<&Value>, declared: bool) -> Result<()> {
    let Some(v) = v else {
        w.put(&vec![0u8; s.size()]);
        return Ok(());
    };
    match s {
        Scalar::U8 => int_in::<u8>(v, s)?.encode(w),
        Scalar::I8 => int_in::<i8>(v, s)?.encode(w),
        Scalar::U16 => int_in::<u16>(v, s)?.encode(w),
        Scalar::I16 => int_in::<i16>(v, s)?.encode(w),
        Scalar::U32 => int_in::<u32>(v, s)?.encode(w),
        Scalar::I32 => int_in::<i32>(v, s)?.encode(w),
        Scalar::U64 => int_in::<u64>(v, s)?.encode(w),
        Scalar::I64 => int_in::<i64>(v, s)?.encode(w),
        Scalar::F64 => v
            .as_f64()
            .ok_or_else(|| wrong("a number (f64)", v))?
            .encode(w),
        Scalar::Bool => {
            let b = match v {
                Value::Bool(b) => *b,
                other if declared => {
                    default_as_bool(other).ok_or_else(|| wrong("a boolean", other))?
                }
                other => return Err(wrong("true or false", other)),
            };
            b.encode(w)
        }
    }
}

fn get_scalar(r: &mut Reader<'_>, s: Scalar) -> Result<Value> {
    Ok(match s {
        Scalar::U8 => Value::from(u8::decode(r)?),
        Scalar::I8 => Value::from(i8::decode(r)?),
        Scalar::U16 => Value::from(u16::decode(r)?),
        Scalar::I16 => Value::from(i16::decode(r)?),
        Scalar::U32 => Value::from(u32::decode(r)?),
        Scalar::I32 => Value::from(i32::decode(r)?),
        Scalar::U64 => Value::from(u64::decode(r)?),
        Scalar::I64 => Value::from(i64::decode(r)?),
        Scalar::F64 => Value::from(f64::decode(r)?),
        Scalar::Bool => Value::from(bool::decode(r)?),
    })
}

fn put_enum(w: &mut Writer, width: Scalar, raw: u32) -> Result<()> {
    match width {
        Scalar::U8 => encode_width::<u8>(raw, w),
        Scalar::I8 => encode_width::<i8>(raw, w),
        Scalar::U16 => encode_width::<u16>(raw, w),
        Scalar::I16 => encode_width::<i16>(raw, w),
        Scalar::U32 => encode_width::<u32>(raw, w),
        Scalar::I32 => encode_width::<i32>(raw, w),
        other => Err(invalid(format!(
            "enums of width {} are not supported",
            other.name()
        ))),
    }
}

fn get_enum(r: &mut Reader<'_>, width: Scalar) -> Result<u32> {
    match width {
        Scalar::U8 => decode_width::<u8>(r),
        Scalar::I8 => decode_width::<i8>(r),
        Scalar::U16 => decode_width::<u16>(r),
        Scalar::I16 => decode_width::<i16>(r),
        Scalar::U32 => decode_width::<u32>(r),
        Scalar::I32 => decode_width::<i32>(r),
        other => Err(invalid(format!(
            "enums of width {} are not supported",
            other.name()
        ))),
    }
}

/// An enum or flag set from a number, a name, `"A|B"` (flags) or a list of names (flags).
fn enum_raw(e: &EnumDef, v: &Value, declared: bool) -> Result<u32> {
    let by_name = |n: &str| {
        e.values
            .iter()
            .find(|(name, _)| name == n)
            .map(|(_, v)| *v)
            .ok_or_else(|| {
                let names: Vec<&str> = e.values.iter().map(|(n, _)| n.as_str()).collect();
                invalid(format!(
                    "unknown {} value '{n}', expected one of {}",
                    e.name,
                    names.join(", ")
                ))
            })
    };
    match v {
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                u32::try_from(u).map_err(|_| invalid(format!("{u} is out of range for {}", e.name)))
            } else if let (Some(i), false) = (n.as_i64(), declared) {
                i32::try_from(i)
                    .map(|i| i as u32)
                    .map_err(|_| invalid(format!("{i} is out of range for {}", e.name)))
            } else {
                Err(wrong(&format!("a {} name or number", e.name), v))
            }
        }
        Value::String(s) if e.flags => {
            let mut raw = 0;
            for p in s.split('|').map(str::trim).filter(|p| !p.is_empty()) {
                raw |= by_name(p)?;
            }
            Ok(raw)
        }
        Value::String(s) => by_name(s),
        Value::Array(items) if e.flags => {
            let mut raw = 0;
            for item in items {
                let s = item
                    .as_str()
                    .ok_or_else(|| wrong(&format!("a {} name", e.name), item))?;
                raw |= enum_raw(e, &Value::from(s), false)?;
            }
            Ok(raw)
        }
        other => Err(wrong(&format!("a {} name or number", e.name), other)),
    }
}

/// Writes text parsed as `T`; absent, the `size` zero bytes every one of
/// these types has as its zero value (`0.0.0.0`, `0.0.0.0/0`, `00:..:00`).
fn put_parsed<T: FromStr + Encode>(
    w: &mut Writer,
    v: Option<&Value>,
    what: &str,
    size: usize,
) -> Result<()> {
    match v {
        None => {
            w.put(&vec![0u8; size]);
            Ok(())
        }
        Some(Value::String(s)) => s
            .parse::<T>()
            .map_err(|_| invalid(format!("invalid {what}: '{s}'")))?
            .encode(w),
        Some(other) => Err(wrong(what, other)),
    }
}

fn hex_bytes(v: &Value) -> Result<Vec<u8>> {
    match v {
        Value::String(s) => from_hex(s).map_err(invalid),
        other => Err(wrong("a hex string", other)),
    }
}

/// A fixed `u8` array: shorter values zero-padded, longer refused (as `FixedBytes`).
fn put_fixed_bytes(w: &mut Writer, bytes: &[u8], n: usize) -> Result<()> {
    if bytes.len() > n {
        return Err(WireError::new(WireErrorKind::TooLong {
            len: bytes.len(),
            max: n,
        }));
    }
    w.put(bytes);
    w.put(&vec![0u8; n - bytes.len()]);
    Ok(())
}

fn string_value(v: Option<&Value>, default: Option<&Value>) -> Result<String> {
    match v.or(default) {
        None => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(wrong("a string", other)),
    }
}
