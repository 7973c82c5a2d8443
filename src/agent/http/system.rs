//! Health, readiness, the OpenAPI document and `/metrics`.

use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::{AppState, OPENAPI};
use crate::agent::error::ApiError;
use crate::agent::metrics;

pub async fn healthz() -> Json<serde_json::Value> {
    Json(serde_json::json!({"status": "ok"}))
}

pub async fn readyz(State(app): State<AppState>) -> Result<Json<serde_json::Value>, ApiError> {
    if app.vpp.is_up() {
        Ok(Json(
            serde_json::json!({"status": "ready", "vpp": "connected"}),
        ))
    } else {
        Err(ApiError::unavailable(app.vpp.last_error()))
    }
}

pub async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

pub async fn metrics_text(State(app): State<AppState>) -> Response {
    let body = app.vpp.metrics_body().await;
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static(metrics::CONTENT_TYPE),
        )],
        body.text.clone(),
    )
        .into_response()
}
