//! `vppx api call | list | show`: the whole binary API from the shell, with
//! the definitions taken from the VPP in front of us (or `--schema FILE`).

use std::time::Duration;

use apigen::model::{Field, Shape, TypeRef};
use serde::Serialize;
use serde_json::Value;

use crate::api::{self, ApiError, Binding, Caller, Msg, Schema};
use crate::binapi::retval::retval_name;
use crate::client::Client;

use super::args::{ApiArgs, ApiCommand};
use super::context::Context;
use super::exit::CliError;
use super::output::write_out;
use crate::error::{Error, ErrorClass};
use crate::ops::input::{read_text, MAX_INPUT};

pub fn run(ctx: &mut Context, args: ApiArgs) -> crate::error::Result<()> {
    match args.command {
        ApiCommand::List { pattern } => {
            let pattern = match pattern {
                Some(p) => Some(
                    regex::Regex::new(&p)
                        .map_err(|e| CliError::bad_input(format!("bad pattern '{p}': {e}")))?,
                ),
                None => None,
            };
            let (schema, _client) = schema(ctx, args.schema.as_deref(), args.refresh)?;
            list(ctx, &schema, pattern.as_ref())?;
            Ok(())
        }
        ApiCommand::Show { message } => {
            let (schema, _client) = schema(ctx, args.schema.as_deref(), args.refresh)?;
            show(ctx, &schema, &message)
        }
        ApiCommand::Call {
            message,
            request,
            follow,
            count,
        } => {
            let input = read_input(request.as_deref())?;
            let (schema, client) = schema(ctx, args.schema.as_deref(), args.refresh)?;
            let mut client = match client {
                Some(client) => client,
                None => ctx.client(&[])?,
            };
            call(ctx, &schema, &mut client, &message, &input, follow, count)
        }
    }
}

/// The request JSON: an argument, `-` for stdin, or nothing for `{}`.
fn read_input(arg: Option<&str>) -> crate::error::Result<Value> {
    let text = match arg {
        None => return Ok(Value::Object(Default::default())),
        Some("-") => read_text("-", MAX_INPUT)
            .map_err(|e| CliError::bad_input(format!("cannot read stdin: {e}")))?,
        Some(s) => s.to_string(),
    };
    if text.trim().is_empty() {
        return Ok(Value::Object(Default::default()));
    }
    let v: Value = serde_json::from_str(&text)
        .map_err(|e| CliError::bad_input(format!("the request is not valid JSON: {e}")))?;
    if !v.is_object() {
        return Err(CliError::bad_input("the request must be a JSON object").into());
    }
    Ok(v)
}

/// The definitions: from `--schema FILE` without connecting, else from VPP,
/// with the connection that asked it.
fn schema(
    ctx: &mut Context,
    file: Option<&std::path::Path>,
    refresh: bool,
) -> crate::error::Result<(Schema, Option<Client>)> {
    if let Some(file) = file {
        return Ok((Schema::from_file(file)?, None));
    }
    let mut client = ctx.client(&[])?;
    let (schema, notice) = api::fetch_schema(&mut client, refresh)?;
    if let Some(notice) = notice {
        eprintln!("vppx: {notice}");
    }
    Ok((schema, Some(client)))
}

fn refused(message: &str, rv: i32) -> CliError {
    let name = retval_name(rv).unwrap_or("unknown error");
    CliError {
        class: ErrorClass::Refused,
        message: format!("{message}: {name} ({rv})"),
    }
}

fn call(
    ctx: &Context,
    schema: &Schema,
    client: &mut Client,
    message: &str,
    input: &Value,
    follow: bool,
    count: Option<u64>,
) -> crate::error::Result<()> {
    let mut caller = Caller::new(client, schema, ctx.connect.timeout);
    let outcome = caller.call(message, input)?;
    if let Some(rv) = outcome.retval {
        // What VPP said is still worth seeing (cli_inband's reply text, for one).
        if !follow {
            print_json(&outcome.answer)?;
        }
        return Err(refused(message, rv).into());
    }
    if !follow {
        if !outcome.answer.is_null() {
            print_json(&outcome.answer)?;
        }
        return Ok(());
    }
    // The first SIGINT/SIGTERM stops the stream: every line read so far is printed
    // (each is flushed as it goes), and the command ends with exit 130.
    super::interrupt::install()?;
    let mut seen = 0u64;
    while count.is_none_or(|c| seen < c) {
        if super::interrupt::interrupted() {
            eprintln!("vppx: interrupted after {seen} messages");
            return Err(super::interrupt::error());
        }
        if let Some((_name, fields)) = caller.next_event(Duration::from_millis(200))? {
            let line = serde_json::to_string(&fields)
                .map_err(|e| Error::wrap(ErrorClass::Internal, "cannot encode JSON", e))?;
            write_out(&format!("{line}\n"))?;
            seen += 1;
        }
    }
    Ok(())
}

fn print_json(v: &Value) -> crate::error::Result<()> {
    let s = serde_json::to_string_pretty(v)
        .map_err(|e| Error::wrap(ErrorClass::Internal, "cannot encode JSON", e))?;
    write_out(&format!("{s}\n"))
}

#[derive(Serialize)]
struct Row {
    name: String,
    crc: String,
    kind: &'static str,
    module: String,
    /// Whether this vppx has a typed binding: `yes`, `no`, or `not_matching`
    /// (one of this name with another CRC).
    typed: &'static str,
    /// The typed binding's CRC, where it differs.
    typed_crc: Option<String>,
}

fn list(
    ctx: &Context,
    schema: &Schema,
    pattern: Option<&regex::Regex>,
) -> crate::error::Result<()> {
    let rows: Vec<Row> = schema
        .messages()
        .into_iter()
        .filter(|m| pattern.is_none_or(|p| p.is_match(m.name())))
        .map(|m| {
            let b = schema.binding(m.def);
            Row {
                name: m.def.name.clone(),
                crc: format!("0x{:08x}", m.def.crc),
                kind: m.def.kind.as_str(),
                module: m.module.name.clone(),
                typed: b.as_str(),
                typed_crc: match b {
                    Binding::NotMatching(c) => Some(format!("0x{c:08x}")),
                    _ => None,
                },
            }
        })
        .collect();
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let typed = match &r.typed_crc {
                Some(c) => format!("not matching (typed {c})"),
                None => r.typed.to_string(),
            };
            vec![
                r.name.clone(),
                r.crc.clone(),
                r.kind.to_string(),
                r.module.clone(),
                typed,
            ]
        })
        .collect();
    ctx.out
        .print(&rows, &["message", "crc", "kind", "module", "typed"], table)?;
    Ok(())
}

/// A field's type as one would write it: `u32`, `string[64]`, `fib_path[n_paths]`.
fn type_text(f: &Field) -> String {
    let base = match &f.ty {
        TypeRef::Scalar(s) => s.name().to_string(),
        TypeRef::String => "string".to_string(),
        TypeRef::Named(n) => n.clone(),
    };
    match &f.shape {
        Shape::Single => base,
        Shape::Fixed(n) => format!("{base}[{n}]"),
        Shape::Counted(c) => format!("{base}[{c}]"),
        Shape::Variable => format!("{base}[]"),
    }
}

/// A declared default as the codec reads it: VPP writes a bool's as the string
/// `"true"`.
fn shown_default(f: &Field, d: &Value) -> Value {
    match (&f.ty, d) {
        (TypeRef::Scalar(s), Value::String(text)) if s.name() == "bool" => match text.as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => d.clone(),
        },
        _ => d.clone(),
    }
}

#[derive(Serialize)]
struct FieldRow {
    name: String,
    #[serde(rename = "type")]
    ty: String,
    default: Option<Value>,
    /// Filled in by vppx (context, client_index) or from an array's length.
    automatic: bool,
}

#[derive(Serialize)]
struct Shown {
    name: String,
    crc: String,
    kind: &'static str,
    module: String,
    /// As in `api list`: `yes`, `no` or `not_matching`.
    typed: &'static str,
    fields: Vec<FieldRow>,
    /// The reply (or, for a get-stream, the reply that ends it).
    reply: Option<String>,
    /// The details a dump or get-stream sends.
    details: Option<String>,
    /// What ends a dump: vppx's control_ping.
    dump: bool,
    events: Vec<String>,
}

fn show(ctx: &Context, schema: &Schema, name: &str) -> crate::error::Result<()> {
    let msg: Msg<'_> = schema
        .message(name)
        .ok_or_else(|| ApiError::Unknown(name.to_string()))?;
    let counts = msg.def.fields.count_fields();
    let fields = msg
        .def
        .fields
        .fields
        .iter()
        .map(|f| FieldRow {
            name: f.name.clone(),
            ty: type_text(f),
            default: f.default.as_ref().map(|d| shown_default(f, d)),
            automatic: counts.contains(f.name.as_str())
                || f.name == "context"
                || (f.name == "client_index"
                    && msg.def.kind == apigen::model::MessageKind::Request),
        })
        .collect::<Vec<_>>();
    let service = schema.service(&msg);
    let dump = service.is_some_and(|s| s.stream && s.stream_msg.is_none());
    let shown = Shown {
        name: msg.def.name.clone(),
        crc: format!("0x{:08x}", msg.def.crc),
        kind: msg.def.kind.as_str(),
        module: msg.module.name.clone(),
        typed: schema.binding(msg.def).as_str(),
        reply: service.and_then(|s| if dump { None } else { s.reply.clone() }),
        details: service.and_then(|s| {
            if dump {
                s.reply.clone()
            } else {
                s.stream_msg.clone()
            }
        }),
        dump,
        events: service.map(|s| s.events.clone()).unwrap_or_default(),
        fields,
    };
    if ctx.out.json {
        ctx.out.json_line(&shown)?;
        return Ok(());
    }
    let mut text = format!(
        "{} (crc {}, {}, module {}, typed binding {})\n",
        shown.name,
        shown.crc,
        shown.kind,
        shown.module,
        shown.typed.replace('_', " ")
    );
    let rows = shown
        .fields
        .iter()
        .map(|f| {
            vec![
                f.name.clone(),
                f.ty.clone(),
                f.default.as_ref().map(Value::to_string).unwrap_or_default(),
                if f.automatic { "filled in by vppx" } else { "" }.to_string(),
            ]
        })
        .collect();
    text.push_str(&format!(
        "{}\n",
        super::output::table(&["field", "type", "default", "note"], rows)
    ));
    if let Some(r) = &shown.reply {
        text.push_str(&format!("reply: {r}\n"));
    }
    if let Some(d) = &shown.details {
        let end = if shown.dump {
            "until control_ping_reply"
        } else {
            "until the reply"
        };
        text.push_str(&format!("details: {d} ({end})\n"));
    }
    if !shown.events.is_empty() {
        text.push_str(&format!("events: {}\n", shown.events.join(", ")));
    }
    if service.is_some_and(|s| s.reply.is_none()) {
        text.push_str("VPP sends no reply to it\n");
    }
    ctx.out.text(&text)?;
    Ok(())
}
