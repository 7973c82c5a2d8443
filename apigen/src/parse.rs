//! Reading `.api.json` files into the model. Anything the generator would
//! have to guess about is an error naming the file and the definition.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::model::*;

#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not valid JSON: {source}")]
    Json {
        path: String,
        source: serde_json::Error,
    },
    #[error("{path}: {what}")]
    Invalid { path: String, what: String },
    #[error("no .api.json files below {0}")]
    Empty(PathBuf),
}

fn invalid(path: &str, what: impl Into<String>) -> ParseError {
    ParseError::Invalid {
        path: path.to_string(),
        what: what.into(),
    }
}

/// Reads every `.api.json` below `dir`.
pub fn parse_dir(dir: &Path) -> Result<Api, ParseError> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.sort();
    if files.is_empty() {
        return Err(ParseError::Empty(dir.to_path_buf()));
    }
    let mut modules = Vec::new();
    for f in &files {
        let rel = f
            .strip_prefix(dir)
            .unwrap_or(f)
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(f).map_err(|source| ParseError::Io {
            path: f.clone(),
            source,
        })?;
        let value: Value = serde_json::from_str(&text).map_err(|source| ParseError::Json {
            path: rel.clone(),
            source,
        })?;
        modules.push(parse_module(&rel, &value)?);
    }
    let vpp_version = std::fs::read_to_string(dir.join("VERSION"))
        .ok()
        .and_then(|v| version_from(&v));
    Ok(build_api(modules, vpp_version))
}

/// Reads a JSON array of modules, as VPP's `get_api_json` returns it.
pub fn parse_modules(origin: &str, value: &Value) -> Result<Api, ParseError> {
    let list = value
        .as_array()
        .ok_or_else(|| invalid(origin, "expected a JSON array of modules"))?;
    let modules = list
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let name = m
                .get("module")
                .and_then(Value::as_str)
                .map(str::to_string)
                .unwrap_or_else(|| format!("{origin}[{i}]"));
            parse_module(&name, m)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(build_api(modules, None))
}

fn build_api(mut modules: Vec<Module>, vpp_version: Option<String>) -> Api {
    modules.sort_by(|a, b| a.name.cmp(&b.name).then(a.file.cmp(&b.file)));
    Api {
        modules,
        vpp_version,
    }
}

/// `VPP 26.10-rc0~374-gb575ec2c56d (git describe: ...)` → the version.
fn version_from(text: &str) -> Option<String> {
    let first = text.lines().next()?;
    let rest = first.strip_prefix("VPP ")?;
    rest.split_whitespace().next().map(str::to_string)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), ParseError> {
    let entries = std::fs::read_dir(dir).map_err(|source| ParseError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    for e in entries {
        let e = e.map_err(|source| ParseError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let p = e.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.to_string_lossy().ends_with(".api.json") {
            out.push(p);
        }
    }
    Ok(())
}

/// Parses one module object; `file` names it in errors and in the model.
pub fn parse_module(file: &str, v: &Value) -> Result<Module, ParseError> {
    let obj = v
        .as_object()
        .ok_or_else(|| invalid(file, "expected a JSON object"))?;
    let name = match obj.get("module").and_then(Value::as_str) {
        Some(n) => n.to_string(),
        None => file
            .rsplit('/')
            .next()
            .unwrap_or(file)
            .trim_end_matches(".api.json")
            .to_string(),
    };
    let list = |key: &str| -> &[Value] {
        obj.get(key)
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    };
    let imports = list("imports")
        .iter()
        .filter_map(Value::as_str)
        .map(|p| {
            p.rsplit('/')
                .next()
                .unwrap_or(p)
                .trim_end_matches(".api")
                .to_string()
        })
        .collect();

    let mut types = Vec::new();
    for t in list("types") {
        let (n, fields, _) = parse_def(file, t)?;
        types.push(StructDef { name: n, fields });
    }
    let mut unions = Vec::new();
    for u in list("unions") {
        let (n, members, _) = parse_def(file, u)?;
        unions.push(UnionDef { name: n, members });
    }
    let mut enums = Vec::new();
    for (key, flags) in [("enums", false), ("enumflags", true)] {
        for e in list(key) {
            enums.push(parse_enum(file, e, flags)?);
        }
    }
    let mut aliases = Vec::new();
    if let Some(a) = obj.get("aliases").and_then(Value::as_object) {
        for (n, def) in a {
            let ty = def
                .get("type")
                .and_then(Value::as_str)
                .ok_or_else(|| invalid(file, format!("alias {n}: no type")))?;
            let length = match def.get("length") {
                None => None,
                Some(l) => Some(
                    l.as_u64()
                        .and_then(|l| u32::try_from(l).ok())
                        .ok_or_else(|| invalid(file, format!("alias {n}: bad length")))?,
                ),
            };
            aliases.push(AliasDef {
                name: n.clone(),
                target: type_ref(ty),
                length,
            });
        }
    }
    let mut services = Vec::new();
    if let Some(s) = obj.get("services").and_then(Value::as_object) {
        for (req, def) in s {
            let reply = match def.get("reply").and_then(Value::as_str) {
                Some("null") | None => None,
                Some(r) => Some(r.to_string()),
            };
            services.push(Service {
                request: req.clone(),
                reply,
                stream: def.get("stream").and_then(Value::as_bool).unwrap_or(false),
                stream_msg: def
                    .get("stream_msg")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                events: def
                    .get("events")
                    .and_then(Value::as_array)
                    .map(|e| {
                        e.iter()
                            .filter_map(Value::as_str)
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default(),
            });
        }
    }
    let mut messages = Vec::new();
    for m in list("messages") {
        let (n, mut fields, crc) = parse_def(file, m)?;
        let crc = crc.ok_or_else(|| invalid(file, format!("message {n}: no crc")))?;
        match fields.first() {
            Some(f) if f.name == "_vl_msg_id" => {
                fields.remove(0);
            }
            _ => {
                return Err(invalid(
                    file,
                    format!("message {n}: does not start with _vl_msg_id"),
                ))
            }
        }
        let kind = message_kind(&n, &fields, &services);
        messages.push(MessageDef {
            name: n.clone(),
            crc,
            fields: StructDef { name: n, fields },
            kind,
        });
    }
    let counters = list("counters")
        .iter()
        .map(|c| CounterSet {
            name: str_of(c, "name"),
            elements: c
                .get("elements")
                .and_then(Value::as_array)
                .map(|els| {
                    els.iter()
                        .map(|e| Counter {
                            name: str_of(e, "name"),
                            severity: str_of(e, "severity"),
                            description: str_of(e, "description"),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect();
    // `paths` is a list of lists of {path, counter}.
    let paths = list("paths")
        .iter()
        .flat_map(|p| p.as_array().cloned().unwrap_or_default())
        .map(|p| CounterPath {
            path: str_of(&p, "path"),
            counter: str_of(&p, "counter"),
        })
        .collect();
    Ok(Module {
        name,
        file: file.to_string(),
        version: obj
            .get("options")
            .and_then(|o| o.get("version"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        crc: obj
            .get("vl_api_version")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        imports,
        types,
        unions,
        enums,
        aliases,
        messages,
        services,
        counters,
        paths,
    })
}

fn str_of(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

fn type_ref(s: &str) -> TypeRef {
    if s == "string" {
        return TypeRef::String;
    }
    if let Some(sc) = Scalar::parse(s) {
        return TypeRef::Scalar(sc);
    }
    let n = s.strip_prefix("vl_api_").unwrap_or(s);
    let n = n.strip_suffix("_t").unwrap_or(n);
    TypeRef::Named(n.to_string())
}

/// `[name, field, ..., {options}]` → name, fields, crc.
fn parse_def(file: &str, v: &Value) -> Result<(String, Vec<Field>, Option<u32>), ParseError> {
    let arr = v
        .as_array()
        .ok_or_else(|| invalid(file, "definition is not an array"))?;
    let name = arr
        .first()
        .and_then(Value::as_str)
        .ok_or_else(|| invalid(file, "definition without a name"))?
        .to_string();
    let mut fields = Vec::new();
    let mut crc = None;
    for item in &arr[1..] {
        match item {
            Value::Object(o) => {
                if let Some(c) = o.get("crc").and_then(Value::as_str) {
                    let hex = c.trim_start_matches("0x");
                    crc = Some(
                        u32::from_str_radix(hex, 16)
                            .map_err(|_| invalid(file, format!("{name}: bad crc {c}")))?,
                    );
                }
            }
            Value::Array(f) => fields.push(parse_field(file, &name, f)?),
            _ => return Err(invalid(file, format!("{name}: unexpected {item}"))),
        }
    }
    Ok((name, fields, crc))
}

fn parse_field(file: &str, owner: &str, f: &[Value]) -> Result<Field, ParseError> {
    let bad = |what: &str| {
        invalid(
            file,
            format!("{owner}: {what}: {}", Value::from(f.to_vec())),
        )
    };
    let mut plain: Vec<&Value> = Vec::new();
    let mut default = None;
    for x in f {
        match x {
            Value::Object(o) => default = o.get("default").cloned(),
            other => plain.push(other),
        }
    }
    let ty = plain
        .first()
        .and_then(|v| v.as_str())
        .ok_or_else(|| bad("field without a type"))?;
    let name = plain
        .get(1)
        .and_then(|v| v.as_str())
        .ok_or_else(|| bad("field without a name"))?;
    let ty = type_ref(ty);
    let shape = match (plain.get(2), plain.get(3)) {
        (None, _) => Shape::Single,
        (Some(n), count) => {
            let n = n
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| bad("bad array length"))?;
            match (n, count) {
                (0, Some(c)) => Shape::Counted(
                    c.as_str()
                        .ok_or_else(|| bad("bad count field"))?
                        .to_string(),
                ),
                (0, None) => Shape::Variable,
                (n, None) => Shape::Fixed(n),
                (_, Some(_)) => return Err(bad("fixed array with a count field")),
            }
        }
    };
    Ok(Field {
        name: name.to_string(),
        ty,
        shape,
        default,
    })
}

fn parse_enum(file: &str, v: &Value, flags: bool) -> Result<EnumDef, ParseError> {
    let arr = v
        .as_array()
        .ok_or_else(|| invalid(file, "enum is not an array"))?;
    let name = arr
        .first()
        .and_then(Value::as_str)
        .ok_or_else(|| invalid(file, "enum without a name"))?
        .to_string();
    let mut width = Scalar::U32;
    let mut values = Vec::new();
    for item in &arr[1..] {
        match item {
            Value::Object(o) => {
                if let Some(t) = o.get("enumtype").and_then(Value::as_str) {
                    width = Scalar::parse(t)
                        .filter(|s| s.is_integer())
                        .ok_or_else(|| invalid(file, format!("enum {name}: bad enumtype {t}")))?;
                }
            }
            Value::Array(pair) => {
                let (Some(n), Some(val)) = (
                    pair.first().and_then(Value::as_str),
                    pair.get(1).and_then(Value::as_u64),
                ) else {
                    return Err(invalid(file, format!("enum {name}: bad value {item}")));
                };
                let val = u32::try_from(val)
                    .map_err(|_| invalid(file, format!("enum {name}: {n} out of range")))?;
                values.push((n.to_string(), val));
            }
            _ => return Err(invalid(file, format!("enum {name}: unexpected {item}"))),
        }
    }
    Ok(EnumDef {
        name,
        width,
        values,
        flags,
    })
}

/// A message's role: from the services where it appears there, else from its
/// name and header fields.
fn message_kind(name: &str, fields: &[Field], services: &[Service]) -> MessageKind {
    for s in services {
        if s.request == name {
            return MessageKind::Request;
        }
        if s.stream_msg.as_deref() == Some(name) {
            return MessageKind::Details;
        }
        if s.reply.as_deref() == Some(name) {
            return if s.stream && s.stream_msg.is_none() {
                MessageKind::Details
            } else {
                MessageKind::Reply
            };
        }
        if s.events.iter().any(|e| e == name) {
            return MessageKind::Event;
        }
    }
    let has = |n: &str| fields.iter().any(|f| f.name == n);
    if name.ends_with("_reply") {
        MessageKind::Reply
    } else if name.ends_with("_details") {
        MessageKind::Details
    } else if has("client_index") && has("context") {
        MessageKind::Request
    } else {
        MessageKind::Event
    }
}
