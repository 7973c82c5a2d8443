//! The definitions `vppx api` works from: what the running VPP's
//! `get_api_json` returned (or a file given with `--schema`), plus memclnt,
//! which VPP leaves out of that answer and vppx knows in advance from the
//! definitions apigen emitted beside the generated bindings.
//!
//! A message is encoded and decoded by its generated type when one with the
//! same name and CRC exists, else by the model-driven [`Codec`]; both follow
//! one set of rules, so the JSON is the same either way.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use apigen::model::{Api, Field, MessageDef, Module, Service, Shape, TypeRef};
use serde_json::Value;

use crate::wire::{MessageInfo, WireError};

use super::codec::Codec;
use super::ApiError;

/// The embedded definitions, parsed once.
pub fn embedded() -> &'static Api {
    static API: OnceLock<Api> = OnceLock::new();
    API.get_or_init(|| {
        serde_json::from_str(crate::binapi::SCHEMA_JSON)
            .ok()
            .and_then(|v| apigen::parse_modules("schema.json", &v).ok())
            .unwrap_or(Api {
                modules: Vec::new(),
                vpp_version: None,
            })
    })
}

/// How a message relates to vppx's generated bindings.
#[derive(Debug, Clone, Copy)]
pub enum Binding {
    /// A generated type with this name and CRC.
    Typed(&'static MessageInfo),
    /// A generated type of this name, but with another CRC (the typed
    /// binding's): it does not match, the model-driven codec is used.
    NotMatching(u32),
    /// No generated type of this name in this build.
    None,
}

impl Binding {
    pub fn as_str(self) -> &'static str {
        match self {
            Binding::Typed(_) => "yes",
            Binding::NotMatching(_) => "not_matching",
            Binding::None => "no",
        }
    }
}

/// One message and where it was defined.
#[derive(Debug, Clone, Copy)]
pub struct Msg<'s> {
    pub api: &'s Api,
    pub module: &'s Module,
    pub def: &'s MessageDef,
}

impl Msg<'_> {
    pub fn name(&self) -> &str {
        &self.def.name
    }

    pub fn name_crc(&self) -> String {
        self.def.name_crc()
    }
}

/// The definitions of one VPP.
#[derive(Debug)]
pub struct Schema {
    api: Api,
    typed: BTreeMap<&'static str, &'static MessageInfo>,
}

impl Schema {
    /// A schema from `get_api_json`'s answer (or a file of that shape: a JSON
    /// array of modules; one module object is accepted too).
    pub fn from_json(origin: &str, text: &str) -> Result<Schema, ApiError> {
        let value: Value = serde_json::from_str(text)
            .map_err(|e| ApiError::Schema(format!("{origin}: not valid JSON: {e}")))?;
        let value = match value {
            Value::Object(_) => Value::Array(vec![value]),
            other => other,
        };
        let api =
            apigen::parse_modules(origin, &value).map_err(|e| ApiError::Schema(e.to_string()))?;
        check_sizes(&api).map_err(|e| ApiError::Schema(format!("{origin}: {e}")))?;
        Ok(Schema::new(api))
    }

    /// Reads `--schema FILE`.
    pub fn from_file(path: &Path) -> Result<Schema, ApiError> {
        let text =
            read_whole(path).map_err(|e| ApiError::Schema(format!("{}: {e}", path.display())))?;
        Schema::from_json(&path.display().to_string(), &text)
    }

    pub fn new(api: Api) -> Schema {
        let typed = crate::binapi::message_tables()
            .into_iter()
            .flat_map(|t| t.iter())
            .map(|i| (i.name, i))
            .collect();
        Schema { api, typed }
    }

    /// A message by name (or `name_crc`): VPP's definition first, then memclnt's.
    pub fn message(&self, name: &str) -> Option<Msg<'_>> {
        let find = |api: &'static Api| -> Option<Msg<'static>> {
            api.module("memclnt").and_then(|m| {
                m.messages
                    .iter()
                    .find(|d| d.name == name || d.name_crc() == name)
                    .map(|def| Msg {
                        api,
                        module: m,
                        def,
                    })
            })
        };
        self.api
            .modules
            .iter()
            .find_map(|m| {
                m.messages
                    .iter()
                    .find(|d| d.name == name || d.name_crc() == name)
                    .map(|def| Msg {
                        api: &self.api,
                        module: m,
                        def,
                    })
            })
            .or_else(|| find(embedded()))
    }

    /// Every message, memclnt's included, sorted by name.
    pub fn messages(&self) -> Vec<Msg<'_>> {
        let mut out: BTreeMap<&str, Msg<'_>> = BTreeMap::new();
        let memclnt = embedded()
            .module("memclnt")
            .map(|m| (embedded(), m))
            .into_iter();
        let vpp = self.api.modules.iter().map(|m| (&self.api, m));
        for (api, m) in memclnt.chain(vpp) {
            for def in &m.messages {
                out.insert(
                    &def.name,
                    Msg {
                        api,
                        module: m,
                        def,
                    },
                );
            }
        }
        out.into_values().collect()
    }

    /// The service a request belongs to, from its own module.
    pub fn service<'s>(&self, msg: &Msg<'s>) -> Option<&'s Service> {
        msg.module
            .services
            .iter()
            .find(|s| s.request == msg.def.name)
    }

    /// A message named by a service, looked up beside `msg` first.
    pub fn related<'s>(&'s self, msg: &Msg<'s>, name: &str) -> Option<Msg<'s>> {
        msg.module
            .messages
            .iter()
            .find(|d| d.name == name)
            .map(|def| Msg {
                api: msg.api,
                module: msg.module,
                def,
            })
            .or_else(|| self.message(name))
    }

    /// The generated binding of a message, if its name and CRC match.
    pub fn binding(&self, def: &MessageDef) -> Binding {
        match self.typed.get(def.name.as_str()) {
            Some(i) if i.crc == def.crc => Binding::Typed(i),
            Some(i) => Binding::NotMatching(i.crc),
            None => Binding::None,
        }
    }

    /// A message body without `_vl_msg_id` from JSON. The generated type does
    /// the work where it matches; an input it refuses is refused again by the
    /// model-driven codec, whose errors name the field.
    pub fn encode(&self, msg: &Msg<'_>, json: &Value) -> Result<Vec<u8>, WireError> {
        let codec = Codec::new(msg.api);
        match self.binding(msg.def) {
            Binding::Typed(info) => {
                let json = if json.is_null() {
                    Value::Object(Default::default())
                } else {
                    json.clone()
                };
                (info.encode_json)(json.clone()).or_else(|typed_err| {
                    codec.encode(msg.module, msg.def, &json).and(Err(typed_err))
                })
            }
            _ => codec.encode(msg.module, msg.def, json),
        }
    }

    /// A message body (after `_vl_msg_id`) as JSON.
    pub fn decode(&self, msg: &Msg<'_>, body: &[u8]) -> Result<Value, WireError> {
        match self.binding(msg.def) {
            Binding::Typed(info) => (info.decode_json)(body),
            _ => Codec::new(msg.api).decode(msg.module, msg.def, body),
        }
    }
}

/// The cache key of a VPP (see docs/design.md, “Schema cache”): a hash of its message table's names
/// and CRCs, so two builds of one version that load other plugins differ.
pub fn cache_key<'a>(name_crcs: impl IntoIterator<Item = &'a String>) -> String {
    // FNV-1a, 64 bits: stable across Rust releases, unlike std's hasher.
    let mut names: Vec<&String> = name_crcs.into_iter().collect();
    names.sort();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for n in names {
        for b in n.bytes().chain(std::iter::once(b'\n')) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// `$XDG_CACHE_HOME/vppx`, else `~/.cache/vppx`.
pub fn cache_dir() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME").filter(|v| !v.is_empty())?).join(".cache"),
    };
    Some(base.join("vppx"))
}

/// The cache file for a key.
pub fn cache_file(key: &str) -> Option<PathBuf> {
    cache_dir().map(|d| d.join(format!("api-{key}.json")))
}

/// Stores VPP's answer `text` under `path` atomically, with the key of the message table
/// it belongs to; a failure only costs a later fetch. The file is the user's, mode 0600.
pub fn store_cache(path: &Path, key: &str, text: &str) {
    let Ok(api) = serde_json::from_str::<Value>(text) else {
        return;
    };
    let doc = serde_json::json!({ "key": key, "api": api });
    let Some(dir) = path.parent() else {
        return;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    // NamedTempFile creates the file with mode 0600.
    if let Ok(mut tmp) = tempfile::NamedTempFile::new_in(dir) {
        if std::io::Write::write_all(&mut tmp, doc.to_string().as_bytes()).is_ok() {
            let _ = tmp.persist(path);
        }
    }
}

/// The most of a schema file read: a `get_api_json` answer is a few MiB; one API message
/// at most 64 MiB.
const MAX_SCHEMA_FILE: u64 = 64 << 20;

/// `path` read whole, refused past [`MAX_SCHEMA_FILE`] (`--schema /dev/zero` is an
/// error, not the machine's memory). `src/api` sits beside `ops`, so it keeps its own.
fn read_whole(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(MAX_SCHEMA_FILE + 1)
        .read_to_string(&mut text)?;
    if text.len() as u64 > MAX_SCHEMA_FILE {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("larger than {} MiB", MAX_SCHEMA_FILE >> 20),
        ));
    }
    Ok(text)
}

/// The cached schema at `path`, if it can be trusted: a regular file (not a link) owned by
/// this user and writable by nobody else, that parses, names the message-table `key` it
/// was stored for, and defines messages. `Ok(None)`: no cache file; `Err`: why it was
/// not trusted.
pub fn read_cache(path: &Path, key: &str) -> Result<Option<Schema>, String> {
    use std::os::unix::fs::MetadataExt;
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    if !meta.file_type().is_file() {
        return Err("not a regular file".into());
    }
    if meta.uid() != rustix::process::geteuid().as_raw() {
        return Err("owned by another user".into());
    }
    if meta.mode() & 0o022 != 0 {
        return Err("writable by others".into());
    }
    let text = read_whole(path).map_err(|e| e.to_string())?;
    let doc: Value = serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))?;
    if doc.get("key").and_then(Value::as_str) != Some(key) {
        return Err("stored for another message table".into());
    }
    let api = doc.get("api").ok_or("no definitions")?;
    let schema = apigen::parse_modules("the cached schema", api).map_err(|e| e.to_string())?;
    check_sizes(&schema)?;
    let schema = Schema::new(schema);
    if schema.messages().is_empty() {
        return Err("defines no messages".into());
    }
    Ok(Some(schema))
}

/// Refuses what would make the codec recurse or loop without end: a type that contains
/// itself (directly or through others), an array of zero-size elements (a count of four
/// billion would decode without consuming a byte), and a type whose fixed part alone is
/// past the frame limit. Each type is sized once (memoised), so a deep chain of types that
/// use each other many times is not walked exponentially often; the walk's depth is at
/// most the number of types.
fn check_sizes(api: &Api) -> Result<(), String> {
    let mut sizes = Sizes {
        api,
        done: HashMap::new(),
        stack: Vec::new(),
    };
    for module in &api.modules {
        for name in module.type_names() {
            sizes.named(&module.name, name)?;
        }
        for m in &module.messages {
            sizes
                .fields(&module.name, &m.fields.fields, false)
                .map_err(|e| format!("message {}: {e}", m.name))?;
        }
    }
    Ok(())
}

/// Minimum wire sizes of named types, with the types being sized on the stack.
struct Sizes<'a> {
    api: &'a Api,
    done: HashMap<(String, String), u64>,
    stack: Vec<String>,
}

impl Sizes<'_> {
    fn named(&mut self, from: &str, name: &str) -> Result<u64, String> {
        let Some((module, def)) = self.api.resolve(from, name) else {
            // An unknown type is the codec's error, at the message that uses it.
            return Ok(0);
        };
        let key = (module.name.clone(), name.to_string());
        if let Some(&size) = self.done.get(&key) {
            return Ok(size);
        }
        if let Some(at) = self.stack.iter().position(|n| n == name) {
            let mut cycle = self.stack[at..].to_vec();
            cycle.push(name.to_string());
            return Err(format!(
                "type {name} contains itself ({})",
                cycle.join(" → ")
            ));
        }
        self.stack.push(name.to_string());
        let home = module.name.clone();
        let size = match def {
            apigen::model::TypeDef::Struct(s) => self.fields(&home, &s.fields, false),
            apigen::model::TypeDef::Union(u) => self.fields(&home, &u.members, true),
            apigen::model::TypeDef::Enum(e) => Ok(e.width.size() as u64),
            apigen::model::TypeDef::Alias(a) => {
                let one = self.elem(&home, &a.target)?;
                let n = u64::from(a.length.unwrap_or(1));
                if a.length.is_some() && one == 0 {
                    Err(format!("alias {name}: an array of zero-size elements"))
                } else {
                    Ok(one.saturating_mul(n))
                }
            }
        };
        self.stack.pop();
        let size = size.map_err(|e| {
            if e.starts_with("type ") {
                e
            } else {
                format!("type {name}: {e}")
            }
        })?;
        if size > crate::wire::MAX_BODY_LEN as u64 {
            return Err(format!(
                "type {name}: {size} bytes, past the frame limit of {} bytes",
                crate::wire::MAX_BODY_LEN
            ));
        }
        self.done.insert(key, size);
        Ok(size)
    }

    fn elem(&mut self, from: &str, ty: &TypeRef) -> Result<u64, String> {
        Ok(match ty {
            TypeRef::Scalar(s) => s.size() as u64,
            TypeRef::String => 1,
            TypeRef::Named(n) => self.named(from, n)?,
        })
    }

    /// A struct's fields (summed) or a union's members (the largest).
    fn fields(&mut self, from: &str, fields: &[Field], union: bool) -> Result<u64, String> {
        let mut total: u64 = 0;
        for f in fields {
            let one = self.elem(from, &f.ty)?;
            let size = match (&f.shape, &f.ty) {
                (Shape::Single, _) => one,
                (Shape::Variable, TypeRef::String) => 4,
                (_, _) if one == 0 => {
                    return Err(format!("field {}: an array of zero-size elements", f.name))
                }
                (Shape::Fixed(n), _) => one.saturating_mul(u64::from(*n)),
                (Shape::Counted(_) | Shape::Variable, _) => 0,
            };
            total = if union {
                total.max(size)
            } else {
                total.saturating_add(size)
            };
            if total > crate::wire::MAX_BODY_LEN as u64 {
                return Err(format!(
                    "field {}: past the frame limit of {} bytes",
                    f.name,
                    crate::wire::MAX_BODY_LEN
                ));
            }
        }
        Ok(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_cache_key_is_the_message_table_not_its_order() {
        let a = cache_key(&names(&["a_00000001", "b_00000002"]));
        assert_eq!(a, cache_key(&names(&["b_00000002", "a_00000001"])));
        assert_eq!(a.len(), 16);
        // Another CRC, another plugin loaded: another key.
        assert_ne!(a, cache_key(&names(&["a_00000001", "b_00000003"])));
        assert_ne!(
            a,
            cache_key(&names(&["a_00000001", "b_00000002", "c_00000004"]))
        );
        // Names do not run into each other.
        assert_ne!(
            cache_key(&names(&["ab", "c"])),
            cache_key(&names(&["a", "bc"]))
        );
    }

    #[test]
    fn memclnt_is_known_in_advance_and_bindings_are_by_name_and_crc() {
        let text = r#"[{"types": [], "messages": [
            ["sw_interface_dump", ["u16", "_vl_msg_id"], ["u32", "client_index"],
             ["u32", "context"], {"crc": "0x12345678"}],
            ["lb_conf", ["u16", "_vl_msg_id"], ["u32", "client_index"],
             ["u32", "context"], {"crc": "0x56cd3261"}]],
            "unions": [], "enums": [], "enumflags": [], "services": {},
            "options": {}, "aliases": {}, "vl_api_version": "0x1",
            "imports": [], "counters": [], "paths": []}]"#;
        let schema = Schema::from_json("test", text).expect("a schema");
        let ping = schema.message("control_ping").expect("memclnt's");
        assert_eq!(ping.module.name, "memclnt");
        assert!(matches!(schema.binding(ping.def), Binding::Typed(_)));
        let dump = schema.message("sw_interface_dump").unwrap();
        assert_eq!(dump.name_crc(), "sw_interface_dump_12345678");
        assert!(matches!(
            schema.binding(dump.def),
            Binding::NotMatching(0xaa61_0c27)
        ));
        let lb = schema.message("lb_conf_56cd3261").expect("by name_crc");
        assert!(matches!(schema.binding(lb.def), Binding::None));
        assert!(schema.message("nosuch").is_none());
        let msgs = schema.messages();
        let names: Vec<&str> = msgs.iter().map(|m| m.name()).collect();
        assert!(names.contains(&"control_ping") && names.contains(&"lb_conf"));
        assert!(names.windows(2).all(|w| w[0] <= w[1]), "sorted");
    }

    /// One module with these types and a message `m` holding one `t`.
    fn hostile(types: &str) -> Result<Schema, ApiError> {
        let text = format!(
            r#"[{{"types": [{types}], "messages": [
            ["m", ["u16", "_vl_msg_id"], ["u32", "client_index"], ["u32", "context"],
             ["vl_api_t_t", "x"], {{"crc": "0x12345678"}}]],
            "unions": [], "enums": [], "enumflags": [], "services": {{}},
            "options": {{}}, "aliases": {{}}, "vl_api_version": "0x1",
            "imports": [], "counters": [], "paths": []}}]"#
        );
        Schema::from_json("hostile.json", &text)
    }

    fn refused(types: &str, what: &[&str]) {
        let e = hostile(types).expect_err("refused").to_string();
        for w in what {
            assert!(e.contains(w), "{w} missing: {e}");
        }
        assert!(e.contains("hostile.json"), "{e}");
    }

    #[test]
    fn a_type_that_contains_itself_is_refused_naming_it() {
        refused(
            r#"["t", ["u8", "a"], ["vl_api_t_t", "again"]]"#,
            &["type t contains itself"],
        );
        refused(
            r#"["t", ["vl_api_u_t", "u"]], ["u", ["vl_api_t_t", "t", 2]]"#,
            &["contains itself", "t → u → t"],
        );
        // Through a variable array too: the codec would recurse as long as the input lasts.
        refused(
            r#"["t", ["u32", "n"], ["vl_api_t_t", "more", 0, "n"]]"#,
            &["type t contains itself"],
        );
    }

    #[test]
    fn zero_size_array_elements_are_refused() {
        refused(
            r#"["e"], ["t", ["u32", "n"], ["vl_api_e_t", "many", 0, "n"]]"#,
            &["type t", "field many", "zero-size"],
        );
    }

    #[test]
    fn sizes_past_the_frame_limit_are_refused() {
        refused(
            r#"["t", ["u64", "big", 4294967295]]"#,
            &["field big", "frame limit"],
        );
        // Doubling through 40 types: sized once each, no exponential walk.
        let mut types = vec![r#"["t", ["vl_api_d0_t", "a"], ["vl_api_d0_t", "b"]]"#.to_string()];
        for i in 0..40 {
            types.push(format!(
                r#"["d{i}", ["vl_api_d{}_t", "a"], ["vl_api_d{}_t", "b"]]"#,
                i + 1,
                i + 1
            ));
        }
        types.push(r#"["d40", ["u8", "x"]]"#.to_string());
        refused(&types.join(","), &["frame limit"]);
    }

    #[test]
    fn the_golden_schema_passes() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/api/get_api_json.json");
        let text = std::fs::read_to_string(&path).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        // The capture holds VPP's answer, or a record around it.
        let text = match doc.get("json").and_then(Value::as_str) {
            Some(inner) => inner.to_string(),
            None => text,
        };
        Schema::from_json("golden", &text).expect("VPP's own schema is accepted");
    }

    #[test]
    fn a_schema_that_is_not_api_json_is_an_error_naming_its_origin() {
        let e = Schema::from_json("x.json", "not json").unwrap_err();
        assert!(matches!(e, ApiError::Schema(_)));
        assert!(e.to_string().contains("x.json"), "{e}");
        let e = Schema::from_json("x.json", "[42]").unwrap_err();
        assert!(matches!(e, ApiError::Schema(_)), "{e}");
        let e = Schema::from_file(Path::new("/nonexistent/schema.json")).unwrap_err();
        assert!(e.to_string().contains("/nonexistent/schema.json"), "{e}");
    }
}
