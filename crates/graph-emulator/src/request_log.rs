//! In-memory log of every request, for tests to assert on what a client
//! actually sent (`GET /_emulator/requests`). Credentials are summarized,
//! never stored.

use crate::auth::summary::summarize;
use crate::auth::TokenVerdict;
use crate::request_context::RequestIds;
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{SecondsFormat, Utc};
use serde_json::{json, Map, Value};
use std::sync::{Arc, Mutex};

/// A demo left running for days must not grow without bound; tests that
/// need the log clear it first and never come near this.
const MAX_ENTRIES: usize = 10_000;

/// Bodies above this are not plausible Graph requests; refuse rather than buffer.
const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

#[derive(Clone, Default)]
pub struct RequestLog {
    entries: Arc<Mutex<Vec<Value>>>,
}

impl RequestLog {
    pub fn entries(&self) -> Vec<Value> {
        self.entries
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    pub fn clear(&self) {
        self.entries
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }

    fn push(&self, entry: Value) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= MAX_ENTRIES {
            entries.remove(0);
        }
        entries.push(entry);
    }
}

/// Records Graph traffic; `/_emulator/*` calls are the test's own and stay out.
pub async fn record(State(log): State<RequestLog>, request: Request, next: Next) -> Response {
    if request.uri().path().starts_with("/_emulator/") {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let bytes = match to_bytes(body, MAX_BODY_BYTES).await {
        Ok(bytes) => bytes,
        Err(error) => {
            return crate::error::GraphError::new(
                axum::http::StatusCode::PAYLOAD_TOO_LARGE,
                "RequestEntityTooLarge",
                format!("The request body could not be read: {error}"),
            )
            .into_response()
        }
    };
    let body_for_log = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
    };
    let request_id = parts
        .extensions
        .get::<RequestIds>()
        .map(|ids| ids.request_id.clone());
    let method = parts.method.to_string();
    let path = parts.uri.path().to_owned();
    let query = parts.uri.query().unwrap_or_default().to_owned();
    let authorization = parts
        .headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let mut headers = Map::new();
    for (name, value) in &parts.headers {
        if name != AUTHORIZATION {
            headers.insert(
                name.to_string(),
                json!(String::from_utf8_lossy(value.as_bytes())),
            );
        }
    }

    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;

    if let Some(value) = authorization {
        let verdict = response.extensions().get::<TokenVerdict>().copied();
        headers.insert(
            "authorization".to_owned(),
            json!(summarize(&value, verdict)),
        );
    }
    log.push(json!({
        "timestamp": Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true),
        "requestId": request_id,
        "method": method,
        "path": path,
        "query": query,
        "headers": headers,
        "body": body_for_log,
        "status": response.status().as_u16(),
    }));
    response
}
