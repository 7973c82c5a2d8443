//! The model of VPP's API definitions: modules with their types, unions,
//! enums, aliases, messages and services, in declaration order.
//!
//! Both the generator and vppx's run-time codec (for messages known only from
//! a live VPP's `get_api_json`) work from this one model, so the encoding
//! rules cannot drift apart.

use std::collections::{BTreeMap, BTreeSet};

/// A scalar wire type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scalar {
    U8,
    I8,
    U16,
    I16,
    U32,
    I32,
    U64,
    I64,
    F64,
    Bool,
}

impl Scalar {
    pub fn parse(s: &str) -> Option<Scalar> {
        Some(match s {
            "u8" => Scalar::U8,
            "i8" => Scalar::I8,
            "u16" => Scalar::U16,
            "i16" => Scalar::I16,
            "u32" => Scalar::U32,
            "i32" => Scalar::I32,
            "u64" => Scalar::U64,
            "i64" => Scalar::I64,
            "f64" => Scalar::F64,
            "bool" => Scalar::Bool,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Scalar::U8 => "u8",
            Scalar::I8 => "i8",
            Scalar::U16 => "u16",
            Scalar::I16 => "i16",
            Scalar::U32 => "u32",
            Scalar::I32 => "i32",
            Scalar::U64 => "u64",
            Scalar::I64 => "i64",
            Scalar::F64 => "f64",
            Scalar::Bool => "bool",
        }
    }

    pub fn size(self) -> usize {
        match self {
            Scalar::U8 | Scalar::I8 | Scalar::Bool => 1,
            Scalar::U16 | Scalar::I16 => 2,
            Scalar::U32 | Scalar::I32 => 4,
            Scalar::U64 | Scalar::I64 | Scalar::F64 => 8,
        }
    }

    pub fn is_integer(self) -> bool {
        !matches!(self, Scalar::F64 | Scalar::Bool)
    }
}

/// What a field holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeRef {
    Scalar(Scalar),
    String,
    /// A type, union, enum, enumflags or alias, by its VPP name without the
    /// `vl_api_` prefix and `_t` suffix.
    Named(String),
}

/// How many of it, and how its length is known.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Shape {
    /// One value.
    Single,
    /// A fixed array, or for `string` a fixed, NUL-padded string.
    Fixed(u32),
    /// A variable array whose length is the earlier field named here.
    Counted(String),
    /// For `string`: a `u32` length then the bytes. Otherwise a legacy
    /// array without a count field, running to the end of the message.
    Variable,
}

/// A declared default read as a bool: `.api.json` files write them as
/// booleans, numbers or the strings `"true"`/`"false"`. Both the generated
/// code and the model-driven codec read them through this one rule.
pub fn default_as_bool(v: &serde_json::Value) -> Option<bool> {
    use serde_json::Value;
    match v {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => Some(n.as_f64().is_some_and(|x| x != 0.0)),
        Value::String(s) => match s.as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    pub ty: TypeRef,
    pub shape: Shape,
    /// The declared default, as written in the `.api.json`.
    pub default: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessageKind {
    Request,
    Reply,
    Details,
    Event,
}

impl MessageKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MessageKind::Request => "request",
            MessageKind::Reply => "reply",
            MessageKind::Details => "details",
            MessageKind::Event => "event",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct StructDef {
    pub name: String,
    pub fields: Vec<Field>,
}

impl StructDef {
    /// Fields that only carry the length of a later array: the codec writes
    /// them from the array, so they are not part of the typed value.
    pub fn count_fields(&self) -> BTreeSet<&str> {
        self.fields
            .iter()
            .filter_map(|f| match &f.shape {
                Shape::Counted(c) => Some(c.as_str()),
                _ => None,
            })
            .collect()
    }

    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MessageDef {
    pub name: String,
    pub crc: u32,
    /// Every field after `_vl_msg_id`.
    pub fields: StructDef,
    pub kind: MessageKind,
}

impl MessageDef {
    pub fn name_crc(&self) -> String {
        format!("{}_{:08x}", self.name, self.crc)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnionDef {
    pub name: String,
    pub members: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnumDef {
    pub name: String,
    pub width: Scalar,
    pub values: Vec<(String, u32)>,
    /// `enumflags`: values are bits and may be combined.
    pub flags: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AliasDef {
    pub name: String,
    pub target: TypeRef,
    pub length: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    pub request: String,
    /// `None` where VPP sends no reply at all.
    pub reply: Option<String>,
    pub stream: bool,
    /// For get-streams: the details message; `reply` then ends the stream.
    pub stream_msg: Option<String>,
    pub events: Vec<String>,
}

/// One error counter a node declares (from the `counters` section).
#[derive(Debug, Clone, PartialEq)]
pub struct Counter {
    pub name: String,
    pub severity: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CounterSet {
    pub name: String,
    pub elements: Vec<Counter>,
}

/// A stats path (`/err/<node>`) and the counter set it uses.
#[derive(Debug, Clone, PartialEq)]
pub struct CounterPath {
    pub path: String,
    pub counter: String,
}

/// Anything a `TypeRef::Named` can point at.
#[derive(Debug, Clone, Copy)]
pub enum TypeDef<'a> {
    Struct(&'a StructDef),
    Union(&'a UnionDef),
    Enum(&'a EnumDef),
    Alias(&'a AliasDef),
}

/// One `.api` file.
#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    pub name: String,
    /// The source file, relative to the API directory (`core/ip.api.json`).
    pub file: String,
    pub version: String,
    pub crc: String,
    /// Names of the modules this one imports.
    pub imports: Vec<String>,
    pub types: Vec<StructDef>,
    pub unions: Vec<UnionDef>,
    pub enums: Vec<EnumDef>,
    pub aliases: Vec<AliasDef>,
    pub messages: Vec<MessageDef>,
    pub services: Vec<Service>,
    pub counters: Vec<CounterSet>,
    pub paths: Vec<CounterPath>,
}

impl Module {
    pub fn type_def(&self, name: &str) -> Option<TypeDef<'_>> {
        if let Some(t) = self.types.iter().find(|t| t.name == name) {
            return Some(TypeDef::Struct(t));
        }
        if let Some(u) = self.unions.iter().find(|u| u.name == name) {
            return Some(TypeDef::Union(u));
        }
        if let Some(e) = self.enums.iter().find(|e| e.name == name) {
            return Some(TypeDef::Enum(e));
        }
        self.aliases
            .iter()
            .find(|a| a.name == name)
            .map(TypeDef::Alias)
    }

    pub fn message(&self, name: &str) -> Option<&MessageDef> {
        self.messages.iter().find(|m| m.name == name)
    }

    /// Names of every type declared in this file, home or imported copy.
    pub fn type_names(&self) -> impl Iterator<Item = &str> {
        self.types
            .iter()
            .map(|t| t.name.as_str())
            .chain(self.unions.iter().map(|u| u.name.as_str()))
            .chain(self.enums.iter().map(|e| e.name.as_str()))
            .chain(self.aliases.iter().map(|a| a.name.as_str()))
    }
}

/// Every module of one VPP version, sorted by name.
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    pub modules: Vec<Module>,
    /// The VPP version the definitions come from, where known.
    pub vpp_version: Option<String>,
}

impl Api {
    pub fn module(&self, name: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.name == name)
    }

    /// The modules `name` imports, directly or through others, sorted.
    pub fn import_closure(&self, name: &str) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![name.to_string()];
        while let Some(m) = todo.pop() {
            if let Some(module) = self.module(&m) {
                for i in &module.imports {
                    if i != name && seen.insert(i.clone()) {
                        todo.push(i.clone());
                    }
                }
            }
        }
        seen
    }

    /// The module a type is declared in, seen from `from`: `.api.json` files
    /// carry copies of every imported type, so a type's home is the module
    /// that has it without importing it.
    pub fn home_of(&self, from: &str, ty: &str) -> Option<String> {
        let closure = self.import_closure(from);
        let defines = |m: &str| {
            self.module(m)
                .is_some_and(|module| module.type_def(ty).is_some())
        };
        let is_home = |m: &str| !self.import_closure(m).iter().any(|i| defines(i));
        if defines(from) && is_home(from) {
            return Some(from.to_string());
        }
        closure.iter().find(|m| defines(m) && is_home(m)).cloned()
    }

    /// Looks a named type up from `from`, returning its home module and definition.
    pub fn resolve<'a>(&'a self, from: &str, ty: &str) -> Option<(&'a Module, TypeDef<'a>)> {
        let home = self.home_of(from, ty)?;
        let module = self.module(&home)?;
        Some((module, module.type_def(ty)?))
    }

    /// The wire size of a fixed-size field, or `None` for variable ones.
    pub fn field_size(&self, from: &str, field: &Field) -> Option<usize> {
        let one = match &field.ty {
            TypeRef::Scalar(s) => s.size(),
            TypeRef::String => 1,
            TypeRef::Named(n) => self.type_size(from, n)?,
        };
        match &field.shape {
            Shape::Single => Some(one),
            Shape::Fixed(n) => Some(one * *n as usize),
            Shape::Counted(_) | Shape::Variable => None,
        }
    }

    /// The wire size of a fixed-size named type.
    pub fn type_size(&self, from: &str, ty: &str) -> Option<usize> {
        let (module, def) = self.resolve(from, ty)?;
        match def {
            TypeDef::Struct(s) => s
                .fields
                .iter()
                .map(|f| self.field_size(&module.name, f))
                .sum(),
            TypeDef::Union(u) => u
                .members
                .iter()
                .map(|f| self.field_size(&module.name, f))
                .try_fold(0, |acc, s| s.map(|s| acc.max(s))),
            TypeDef::Enum(e) => Some(e.width.size()),
            TypeDef::Alias(a) => {
                let one = match &a.target {
                    TypeRef::Scalar(s) => s.size(),
                    TypeRef::String => return None,
                    TypeRef::Named(n) => self.type_size(&module.name, n)?,
                };
                Some(one * a.length.unwrap_or(1) as usize)
            }
        }
    }

    /// Every message by `name_crc`.
    pub fn messages_by_name_crc(&self) -> BTreeMap<String, (&Module, &MessageDef)> {
        self.modules
            .iter()
            .flat_map(|m| m.messages.iter().map(move |msg| (msg.name_crc(), (m, msg))))
            .collect()
    }
}
