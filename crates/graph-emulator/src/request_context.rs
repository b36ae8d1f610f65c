//! Per-request identity and the headers Graph puts on every response.
//!
//! Graph stamps each response with a fresh `request-id`, echoes the caller's
//! `client-request-id`, and sends `Date`. Errors carry the same ids inside
//! `innerError`, which is why error bodies are rendered here rather than in
//! the handlers.

use crate::error::PendingGraphError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::header::{CONTENT_TYPE, DATE};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use chrono::{SecondsFormat, Utc};
use serde_json::json;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("request-id");
pub const CLIENT_REQUEST_ID: HeaderName = HeaderName::from_static("client-request-id");
const ODATA_VERSION: HeaderName = HeaderName::from_static("odata-version");
const GRAPH_JSON: &str =
    "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

/// The ids of the request being served, available to handlers as an extension.
#[derive(Debug, Clone)]
pub struct RequestIds {
    pub request_id: String,
    pub client_request_id: Option<String>,
}

pub async fn request_context(mut request: Request, next: Next) -> Response {
    let ids = RequestIds {
        request_id: uuid::Uuid::new_v4().to_string(),
        client_request_id: request
            .headers()
            .get(&CLIENT_REQUEST_ID)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
    };
    request.extensions_mut().insert(ids.clone());
    let is_graph = request.uri().path().starts_with("/v1.0/");
    let response = next.run(request).await;
    let status = response.status();
    let mut response = render_pending_error(response, &ids);
    let headers = response.headers_mut();
    // Graph labels successful JSON with its OData parameters; clients must
    // not expect a bare `application/json`.
    if headers
        .get(CONTENT_TYPE)
        .is_some_and(|v| v == "application/json")
        && status.is_success()
    {
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(GRAPH_JSON));
    }
    if is_graph {
        headers.insert(ODATA_VERSION, HeaderValue::from_static("4.0"));
    }
    if let Ok(value) = HeaderValue::from_str(&ids.request_id) {
        headers.insert(REQUEST_ID, value);
    }
    if let Some(client_id) = ids.client_request_id.as_deref() {
        if let Ok(value) = HeaderValue::from_str(client_id) {
            headers.insert(CLIENT_REQUEST_ID, value);
        }
    }
    let date = Utc::now().format("%a, %d %b %Y %H:%M:%S GMT").to_string();
    if let Ok(value) = HeaderValue::from_str(&date) {
        headers.insert(DATE, value);
    }
    response
}

/// Replaces the body of a [`PendingGraphError`] response with Graph's envelope.
fn render_pending_error(response: Response, ids: &RequestIds) -> Response {
    let Some(PendingGraphError(mut error)) = response.extensions().get().cloned() else {
        return response;
    };
    let mut inner = json!({
        "date": Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true),
        "request-id": ids.request_id,
    });
    if let Some(client_id) = &ids.client_request_id {
        inner["client-request-id"] = json!(client_id);
    }
    error["innerError"] = inner;
    let body = json!({ "error": error }).to_string();
    let (mut parts, _) = response.into_parts();
    parts.extensions.remove::<PendingGraphError>();
    parts
        .headers
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(body))
}
