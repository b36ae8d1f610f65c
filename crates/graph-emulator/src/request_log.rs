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

/// What is known of a request before its answer: everything an entry holds but the outcome.
struct Received {
    request_id: Option<String>,
    method: String,
    path: String,
    query: String,
    /// Every header but Authorization, which is kept apart and only ever logged summarized.
    headers: Map<String, Value>,
    authorization: Option<String>,
    body: Value,
}

impl Received {
    /// The entry without its outcome; `verdict` is the token check's, when one ran.
    fn entry(&self, verdict: Option<TokenVerdict>) -> Map<String, Value> {
        let mut headers = self.headers.clone();
        if let Some(value) = &self.authorization {
            headers.insert("authorization".to_owned(), json!(summarize(value, verdict)));
        }
        let entry = json!({
            "timestamp": Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true),
            "requestId": self.request_id,
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "headers": headers,
            "body": self.body,
        });
        match entry {
            Value::Object(map) => map,
            _ => unreachable!("json! of an object literal is an object"),
        }
    }
}

/// Handed to every logged request (as an extension) so that a `drop` or `dropAfterCommit` fault
/// can log it: those close the connection before [`record`] gets a response, and a request the
/// log silently lost would hide exactly what such a test is about.
#[derive(Clone)]
pub struct DropRecorder {
    log: RequestLog,
    received: Arc<Received>,
}

impl DropRecorder {
    /// Logs the request as answered by a closed connection: `status` null, `connectionDropped`
    /// true, and whether the emulator had handled it first (`committed`; a write took effect when
    /// `committedStatus`, the answer that was never sent, is 2xx). Call it before closing, so the
    /// entry is there by the time the client sees the connection end.
    pub fn record(&self, committed: Option<&Response>) {
        let verdict = committed.and_then(|r| r.extensions().get::<TokenVerdict>().copied());
        let mut entry = self.received.entry(verdict);
        entry.insert("status".to_owned(), Value::Null);
        entry.insert("connectionDropped".to_owned(), json!(true));
        entry.insert("committed".to_owned(), json!(committed.is_some()));
        if let Some(response) = committed {
            entry.insert(
                "committedStatus".to_owned(),
                json!(response.status().as_u16()),
            );
        }
        self.log.push(Value::Object(entry));
    }
}

/// Records Graph traffic; `/_emulator/*` calls are the test's own and stay out.
pub async fn record(State(log): State<RequestLog>, request: Request, next: Next) -> Response {
    if request.uri().path().starts_with("/_emulator/") {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
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
    let mut headers = Map::new();
    for (name, value) in &parts.headers {
        if name != AUTHORIZATION {
            headers.insert(
                name.to_string(),
                json!(String::from_utf8_lossy(value.as_bytes())),
            );
        }
    }
    let received = Arc::new(Received {
        request_id: parts
            .extensions
            .get::<RequestIds>()
            .map(|ids| ids.request_id.clone()),
        method: parts.method.to_string(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().unwrap_or_default().to_owned(),
        headers,
        authorization: parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        body: body_for_log,
    });
    parts.extensions.insert(DropRecorder {
        log: log.clone(),
        received: received.clone(),
    });

    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;

    let verdict = response.extensions().get::<TokenVerdict>().copied();
    let mut entry = received.entry(verdict);
    entry.insert("status".to_owned(), json!(response.status().as_u16()));
    entry.insert("connectionDropped".to_owned(), json!(false));
    log.push(Value::Object(entry));
    response
}
