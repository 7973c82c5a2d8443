//! The agent's ACL endpoints: `/acls`, `/acls/{name}` and `/interfaces/{name}/acls`. Thin, as
//! the other handlers: parse and validate the body (400 naming the bad rule by its index in
//! the list, before anything is sent), call `ops::acl` through [`Vpp::call`], serialise.
//!
//! The acl plugin's messages are checked per request, not at connect time: a VPP without
//! the plugin still serves everything else, and these endpoints answer 501 naming what it
//! lacks.

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use super::AppState;
use crate::agent::error::ApiError;
use crate::agent::vpp::Access;
use crate::client::Client;
use crate::ops::acl::{self, Direction, RuleInput};
use crate::ops::input::present;

/// `PUT /acls/{name}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AclBody {
    /// In order; each a rule's words (`"deny src 10.0.0.0/8"`) or an object of them, read
    /// one by one so that an error names the rule (see [`RuleInput::from_value`]).
    pub rules: Vec<serde_json::Value>,
}

/// `PUT /interfaces/{name}/acls`: a direction left out stays as it is.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterfaceAclsBody {
    #[serde(default, deserialize_with = "present")]
    pub input: Option<Vec<String>>,
    #[serde(default, deserialize_with = "present")]
    pub output: Option<Vec<String>>,
}

/// Parses and checks a `PUT /acls/{name}` body: the rules, every bad one named.
pub fn parse_acl_body(name: &str, bytes: &[u8]) -> Result<Vec<acl::Rule>, ApiError> {
    acl::validate_name(name)?;
    let body: AclBody = crate::agent::body::json(bytes).map_err(ApiError::bad_request)?;
    let inputs = body
        .rules
        .into_iter()
        .enumerate()
        .map(|(i, v)| RuleInput::from_value(i, v))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(acl::parse_inputs(&inputs)?)
}

/// Parses and checks a `PUT /interfaces/{name}/acls` body.
pub fn parse_interface_body(bytes: &[u8]) -> Result<InterfaceAclsBody, ApiError> {
    let body: InterfaceAclsBody = crate::agent::body::json(bytes).map_err(ApiError::bad_request)?;
    if body.input.is_none() && body.output.is_none() {
        return Err(ApiError::bad_request(
            "give \"input\", \"output\" or both: lists of ACL names",
        ));
    }
    for (dir, list) in [
        (Direction::Input, &body.input),
        (Direction::Output, &body.output),
    ] {
        if let Some(l) = list {
            acl::check_list(dir, l)?;
        }
    }
    Ok(body)
}

/// 501 when this VPP lacks the acl plugin's messages (or has other versions of them).
fn acl_plugin(c: &Client) -> Result<(), ApiError> {
    c.require(acl::MESSAGES).map_err(|e| {
        ApiError::new(
            StatusCode::NOT_IMPLEMENTED,
            "not implemented",
            format!("this VPP cannot do ACLs: {e}"),
        )
    })
}

/// Runs `op` with the acl plugin's messages checked first.
async fn with_acl<T, F>(app: &AppState, access: Access, op: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut Client) -> crate::ops::Result<T> + Send + 'static,
{
    app.vpp
        .run(access, move |c| match acl_plugin(c) {
            Ok(()) => op(c).map(Ok),
            Err(e) => Ok(Err(e)),
        })
        .await?
}

/// Every ACL and interface list, from a dump at most the share window old (dropped by any
/// change made through the agent, and by VPP's interface events): a burst of ACL reads
/// costs one dump per window, not one each (see docs/design.md, “Agent security”).
async fn cached_state(app: &AppState) -> Result<std::sync::Arc<acl::State>, ApiError> {
    let a = app.clone();
    app.vpp
        .acls
        .get(|| async move {
            a.vpp.metrics.acl_dumps.inc();
            with_acl(&a, Access::Read, acl::State::load).await
        })
        .await
}

/// Runs a change, then forgets the shared ACL dump (whether or not the change went
/// through: a failed one may have done part of its work).
async fn change<T, F>(app: &AppState, op: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut Client) -> crate::ops::Result<T> + Send + 'static,
{
    let r = with_acl(app, Access::Write, op).await;
    app.vpp.acls.invalidate();
    r
}

pub async fn list_acls(State(app): State<AppState>) -> Result<Response, ApiError> {
    let all = cached_state(&app).await?.list();
    Ok(Json(all).into_response())
}

pub async fn get_acl(
    State(app): State<AppState>,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    let a = cached_state(&app).await?.acl_named(&name)?;
    Ok(Json(a).into_response())
}

pub async fn put_acl(
    State(app): State<AppState>,
    Path(name): Path<String>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let rules = parse_acl_body(&name, &bytes)?;
    let r = change(&app, move |c| acl::set(c, &name, &rules)).await?;
    let status = if r.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(r)).into_response())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeleteQuery {
    #[serde(default)]
    force: bool,
}

pub async fn delete_acl(
    State(app): State<AppState>,
    Path(name): Path<String>,
    Query(q): Query<DeleteQuery>,
) -> Result<Response, ApiError> {
    let force = q.force;
    let d = change(&app, move |c| acl::delete(c, &name, force)).await?;
    Ok(Json(d).into_response())
}

pub async fn get_interface_acls(
    State(app): State<AppState>,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    let i = cached_state(&app).await?.interface_acls_of(&name)?;
    Ok(Json(i).into_response())
}

pub async fn put_interface_acls(
    State(app): State<AppState>,
    Path(name): Path<String>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let b = parse_interface_body(&bytes)?;
    let i = change(&app, move |c| {
        acl::set_interface_acls(c, &name, b.input.as_deref(), b.output.as_deref())
    })
    .await?;
    Ok(Json(i).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acl_bodies_are_checked_before_anything_is_sent() {
        let rules = parse_acl_body(
            "rfc1918-drop",
            br#"{"rules": ["deny src 10.0.0.0/8", {"action": "permit", "src": "::/0"}, "permit any"]}"#,
        )
        .unwrap();
        assert_eq!(rules.len(), 4);
        let e = parse_acl_body(
            "x",
            br#"{"rules": ["permit any", "deny src 10.0.0.0/8", "deny src 10.1.2.3/8"]}"#,
        )
        .unwrap_err();
        assert_eq!(e.status, StatusCode::BAD_REQUEST);
        assert!(
            e.detail.starts_with("rule 2 \"deny src 10.1.2.3/8\""),
            "{}",
            e.detail
        );
        let e = parse_acl_body(
            "x",
            br#"{"rules": ["permit any", {"action": "deny", "port": 5}]}"#,
        )
        .unwrap_err();
        assert!(
            e.detail.starts_with("rule 1: unknown field `port`"),
            "{}",
            e.detail
        );
        let e = parse_acl_body("x", br#"{"rules": [7]}"#).unwrap_err();
        assert!(e.detail.starts_with("rule 0: 7 is neither"), "{}", e.detail);
        for (name, body) in [
            ("bad name", r#"{"rules": ["permit any"]}"#),
            ("x", r#"{"rules": []}"#),
            ("x", r#"{"rule": ["permit any"]}"#),
            ("x", r#"{"rules": [{"action": "permit", "port": 1}]}"#),
            ("x", "not json"),
        ] {
            let e = parse_acl_body(name, body.as_bytes()).unwrap_err();
            assert_eq!(e.status, StatusCode::BAD_REQUEST, "{name} {body}");
        }
    }

    #[test]
    fn interface_bodies() {
        let b = parse_interface_body(br#"{"input": ["a", "b"]}"#).unwrap();
        assert_eq!(
            b.input.as_deref(),
            Some(&["a".to_string(), "b".to_string()][..])
        );
        assert!(b.output.is_none());
        for body in [
            r#"{}"#,
            r#"{"input": ["a", "a"]}"#,
            r#"{"inputs": []}"#,
            r#"{"output": "a"}"#,
        ] {
            let e = parse_interface_body(body.as_bytes()).unwrap_err();
            assert_eq!(e.status, StatusCode::BAD_REQUEST, "{body}");
        }
    }

    /// `{"input": null, "output": []}` was taken as "leave input as it is": the document
    /// says each direction is a list when given.
    #[test]
    fn interface_acls_null_direction_is_refused() {
        let e = parse_interface_body(br#"{"input": null, "output": []}"#).unwrap_err();
        assert_eq!(e.status, StatusCode::BAD_REQUEST);
        assert!(e.detail.contains("null"), "{}", e.detail);
        let b = parse_interface_body(br#"{"output": []}"#).unwrap();
        assert!(b.input.is_none() && b.output == Some(vec![]));
        let e =
            parse_acl_body("x", br#"{"rules": [{"action": "deny", "src": null}]}"#).unwrap_err();
        assert!(
            e.detail.starts_with("rule 0:") && e.detail.contains("null"),
            "{}",
            e.detail
        );
    }
}
