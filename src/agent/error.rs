//! The agent's one error answer: a status and a JSON body `{"error", "detail"}`, with
//! VPP's error name beside them when VPP refused (409).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use crate::client::ClientError;
use crate::error::Classify;
use crate::ops::OpsError;

/// An error as the HTTP API reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    /// A short, stable kind: `bad request`, `not found`, `vpp refused`, ...
    pub error: &'static str,
    /// What exactly went wrong, for people.
    pub detail: String,
    /// VPP's error name (`VNET_API_ERROR_...`) and retval, for a 409.
    pub vpp_error: Option<&'static str>,
    pub retval: Option<i32>,
}

#[derive(Serialize)]
struct Body<'a> {
    error: &'a str,
    detail: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    vpp_error: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    retval: Option<i32>,
}

impl ApiError {
    pub fn new(status: StatusCode, error: &'static str, detail: impl Into<String>) -> Self {
        ApiError {
            status,
            error,
            detail: detail.into(),
            vpp_error: None,
            retval: None,
        }
    }

    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad request", detail)
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not found", detail)
    }

    pub fn unavailable(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::SERVICE_UNAVAILABLE, "vpp unavailable", detail)
    }

    /// The agent's own limit, not VPP, turned the request away.
    pub fn busy(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::SERVICE_UNAVAILABLE, "busy", detail)
    }

    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized", detail)
    }

    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", detail)
    }

    pub fn misdirected(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::MISDIRECTED_REQUEST,
            "misdirected request",
            detail,
        )
    }

    pub fn unsupported_media_type(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported media type",
            detail,
        )
    }

    pub fn method_not_allowed(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::METHOD_NOT_ALLOWED, "method not allowed", detail)
    }

    /// A request that ran past `--request-timeout`: what it started may still finish.
    pub fn timeout() -> Self {
        Self::new(
            StatusCode::GATEWAY_TIMEOUT,
            "timeout",
            "the change may still complete; read the state to see",
        )
    }

    pub fn internal(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error", detail)
    }

    /// The stable kind for a status the agent's own handlers never produce (framework
    /// answers such as 405 or 413, rewritten into this shape).
    pub fn kind_of(status: StatusCode) -> &'static str {
        match status {
            StatusCode::BAD_REQUEST => "bad request",
            StatusCode::UNAUTHORIZED => "unauthorized",
            StatusCode::FORBIDDEN => "forbidden",
            StatusCode::MISDIRECTED_REQUEST => "misdirected request",
            StatusCode::GATEWAY_TIMEOUT => "timeout",
            StatusCode::NOT_FOUND => "not found",
            StatusCode::METHOD_NOT_ALLOWED => "method not allowed",
            StatusCode::REQUEST_TIMEOUT => "request timeout",
            StatusCode::CONFLICT => "vpp refused",
            StatusCode::PAYLOAD_TOO_LARGE => "payload too large",
            StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported media type",
            StatusCode::UNPROCESSABLE_ENTITY => "bad request",
            StatusCode::SERVICE_UNAVAILABLE => "vpp unavailable",
            s if s.is_client_error() => "client error",
            _ => "internal error",
        }
    }
}

impl ApiError {
    /// Any classified error: its class's status and kind (see docs/design.md, "Exit codes
    /// and HTTP statuses"), its causes once, and VPP's error name when VPP refused.
    pub fn classified<E: Classify + std::error::Error + 'static>(e: &E) -> Self {
        let class = e.class();
        let vpp = e.vpp_refusal();
        ApiError {
            status: StatusCode::from_u16(class.http_status())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            error: class.kind(),
            detail: crate::error::chain(e),
            vpp_error: vpp.and_then(|(_, name)| name),
            retval: vpp.map(|(rv, _)| rv),
        }
    }
}

impl From<ClientError> for ApiError {
    fn from(e: ClientError) -> Self {
        ApiError::classified(&e)
    }
}

impl From<OpsError> for ApiError {
    fn from(e: OpsError) -> Self {
        ApiError::classified(&e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Body {
            error: self.error,
            detail: &self.detail,
            vpp_error: self.vpp_error,
            retval: self.retval,
        };
        let mut resp = (self.status, Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            resp.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        resp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vpp_refusal_is_409_with_vpp_error_name() {
        let e: ApiError = OpsError::Client(ClientError::vpp("ip_route_add_del", -3)).into();
        assert_eq!(e.status, StatusCode::CONFLICT);
        assert_eq!(e.vpp_error, Some("VNET_API_ERROR_NO_SUCH_FIB"));
        assert_eq!(e.retval, Some(-3));
    }

    #[test]
    fn kinds_map_to_statuses() {
        let nf: ApiError = OpsError::NotFound {
            what: "interface",
            name: "x".into(),
        }
        .into();
        assert_eq!(nf.status, StatusCode::NOT_FOUND);
        let bad: ApiError = OpsError::BadInput("b".into()).into();
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        let down: ApiError = OpsError::Client(ClientError::Disconnected).into();
        assert_eq!(down.status, StatusCode::SERVICE_UNAVAILABLE);
    }
}
