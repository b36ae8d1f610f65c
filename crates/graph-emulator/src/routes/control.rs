//! `/_emulator/*`: test and demo controls. Never behind a token.

use crate::error::GraphError;
use crate::faults::FaultRule;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use serde_json::Value;

pub async fn tenant(State(state): State<AppState>) -> Json<Value> {
    Json(state.tenant().summary())
}

pub async fn requests(State(state): State<AppState>) -> Json<Vec<Value>> {
    Json(state.log.entries())
}

pub async fn clear_requests(State(state): State<AppState>) -> StatusCode {
    state.log.clear();
    StatusCode::NO_CONTENT
}

pub async fn faults(State(state): State<AppState>) -> Json<Vec<FaultRule>> {
    Json(state.faults.list())
}

pub async fn add_fault(
    State(state): State<AppState>,
    body: Bytes,
) -> Result<impl IntoResponse, GraphError> {
    let rule: FaultRule = serde_json::from_slice(&body)
        .map_err(|e| GraphError::bad_request(format!("Not a fault rule: {e}")))?;
    Ok((StatusCode::CREATED, Json(state.faults.add(rule))))
}

pub async fn clear_faults(State(state): State<AppState>) -> StatusCode {
    state.faults.clear();
    StatusCode::NO_CONTENT
}
