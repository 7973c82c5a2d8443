//! `POST /apply`: the desired-state document as JSON, through the same engine as
//! `vppx apply` ([`crate::ops::desired::execute::apply`]), answered with the same report.
//! `?dry_run=true` answers the plan and changes nothing. Route files are for the command
//! line only: the agent reads no file a request names.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use super::AppState;
use crate::agent::error::ApiError;
use crate::error::{Classify, ErrorClass};
use crate::ops::desired::document::Document;
use crate::ops::desired::execute::{self, ApplyOptions};
use crate::ops::routes::program::Stop;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplyQuery {
    #[serde(default)]
    pub dry_run: bool,
}

pub async fn apply(
    State(app): State<AppState>,
    Query(q): Query<ApplyQuery>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| ApiError::bad_request("invalid JSON body: not UTF-8"))?;
    // The body must be JSON (then read as the YAML it also is), and an object.
    let v: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| ApiError::bad_request(format!("invalid JSON body: {e}")))?;
    if !v.is_object() {
        return Err(ApiError::bad_request(
            "invalid JSON body: the document is an object",
        ));
    }
    // The YAML reader takes JSON as it is, but for UTF-16 surrogate pairs written as
    // escapes and characters YAML keeps out of a stream (C0 and C1 controls): a body with
    // any is read as the same JSON with every character past printable ASCII escaped
    // (same fields; the columns of its one line).
    let rewritten;
    let text = if yaml_takes(text) {
        text
    } else {
        rewritten = escaped(&v);
        rewritten.as_str()
    };
    let doc = Document::parse(text, "body", None)?;
    let connect = app.vpp.connector();
    let opts = ApplyOptions {
        dry_run: q.dry_run,
        ..ApplyOptions::default()
    };
    let r = app
        .vpp
        .call(move |c| {
            c.require(&execute::messages())?;
            execute::apply(c, &doc, &opts, &connect, &Stop::new())
        })
        .await;
    if !q.dry_run {
        app.vpp.interfaces.invalidate();
        app.vpp.acls.invalidate();
    }
    let outcome = r?;
    match outcome.error {
        None => Ok(Json(outcome.report).into_response()),
        // VPP refused a step: the error carries the report (what was done, what failed,
        // what was not).
        Some(e)
            if matches!(
                e.class(),
                ErrorClass::Refused | ErrorClass::Conflict | ErrorClass::NotFound
            ) =>
        {
            let err = ApiError::from(e);
            let mut body = serde_json::json!({
                "error": ErrorClass::Refused.kind(),
                "detail": err.detail,
                "vpp_error": err.vpp_error,
                "retval": err.retval,
                "report": outcome.report,
            });
            if let Some(m) = body.as_object_mut() {
                m.retain(|_, v| !v.is_null());
            }
            Ok((StatusCode::CONFLICT, Json(body)).into_response())
        }
        Some(e) => {
            let mut err = ApiError::from(e);
            err.detail = format!(
                "{}; {} changes were made before it",
                err.detail, outcome.report.summary.total
            );
            Err(err)
        }
    }
}

/// Whether the YAML reader reads `text` as the JSON it is (see [`escaped`]).
fn yaml_takes(text: &str) -> bool {
    let printable = |c: char| {
        matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}')
            || matches!(c, '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
    };
    text.chars().all(printable) && !text.contains("\\ud") && !text.contains("\\uD")
}

/// `v` as one line of JSON that is also plain YAML: strings escape every character past
/// printable ASCII (`\\uXXXX`, or YAML's `\\UXXXXXXXX` beyond the first plane).
fn escaped(v: &serde_json::Value) -> String {
    use serde_json::Value;
    use std::fmt::Write;
    fn string(out: &mut String, s: &str) {
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                ' '..='~' => out.push(c),
                c if u32::from(c) > 0xffff => {
                    let _ = write!(out, "\\U{:08x}", u32::from(c));
                }
                c => {
                    let _ = write!(out, "\\u{:04x}", u32::from(c));
                }
            }
        }
        out.push('"');
    }
    fn value(out: &mut String, v: &Value) {
        match v {
            Value::String(s) => string(out, s),
            Value::Array(a) => {
                out.push('[');
                for (i, x) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    value(out, x);
                }
                out.push(']');
            }
            Value::Object(m) => {
                out.push('{');
                for (i, (k, x)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    string(out, k);
                    out.push(':');
                    value(out, x);
                }
                out.push('}');
            }
            other => out.push_str(&other.to_string()),
        }
    }
    let mut out = String::new();
    value(&mut out, v);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_yaml_cannot_take_as_it_is_reads_escaped() {
        let body = r#"{"interfaces": [{"name": "\uda59\udcbb\u009cé\u0001", "mtu": 0}]}"#;
        assert!(!yaml_takes(body));
        let v: serde_json::Value = serde_json::from_str(body).unwrap();
        let e = Document::parse(&escaped(&v), "body", None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("interfaces[0].mtu: mtu '0'"), "{e}");
        let ok = r#"{"interfaces": [{"name": "\u00e9\ud83d\ude00\u0085x", "admin": "up"}]}"#;
        let v: serde_json::Value = serde_json::from_str(ok).unwrap();
        let doc = Document::parse(&escaped(&v), "body", None).unwrap();
        assert_eq!(doc.interfaces[0].name.value, "é😀\u{85}x");
        assert!(yaml_takes(r#"{"interfaces": [{"name": "pg0"}]}"#));
    }
}
