//! Graph error responses: decoding the envelope
//! `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}`
//! into a typed error that says what went wrong and what the administrator
//! can do about it.

mod advice;
mod retry_after;

pub use advice::GraphErrorKind;
pub use retry_after::RetryAfter;

use serde_json::Value;
use std::time::{Duration, SystemTime};

/// A failed Graph call, as the SPA shows it.
///
/// `Display` gives `code: message`. `request_id` and `client_request_id` are
/// kept for support tickets.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{code}: {message}")]
pub struct GraphError {
    status: u16,
    code: String,
    code_from_graph: bool,
    message: String,
    request_id: Option<String>,
    client_request_id: Option<String>,
    date: Option<String>,
    retry_after: Option<RetryAfter>,
    body: String,
}

impl GraphError {
    /// Decodes a non-success response. Never fails: an empty or non-JSON body
    /// (a proxy's HTML page, a dropped connection) still yields an error with
    /// the status and a readable message.
    pub fn from_response(status: u16, retry_after: Option<&str>, body: &str) -> GraphError {
        let envelope = serde_json::from_str::<Value>(body).ok();
        let error = envelope.as_ref().and_then(|value| value.get("error"));
        let text_of = |value: Option<&Value>, name: &str| {
            value
                .and_then(|value| value.get(name))
                .and_then(Value::as_str)
                .map(str::to_owned)
                .filter(|text| !text.is_empty())
        };
        // Graph spells it `innerError` in v1.0 and `innererror` in older services.
        let inner =
            error.and_then(|error| error.get("innerError").or_else(|| error.get("innererror")));
        let graph_code = text_of(error, "code");
        let message = text_of(error, "message").unwrap_or_else(|| fallback_message(status, body));
        GraphError {
            status,
            code_from_graph: graph_code.is_some(),
            code: graph_code.unwrap_or_else(|| status_code_name(status)),
            message,
            request_id: text_of(inner, "request-id"),
            client_request_id: text_of(inner, "client-request-id"),
            date: text_of(inner, "date"),
            retry_after: retry_after.and_then(RetryAfter::parse),
            body: body.to_owned(),
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Graph's error code, or a name for the HTTP status when the body had none
    /// (for example `NotFound`).
    pub fn code(&self) -> &str {
        &self.code
    }

    /// True when `code()` came from Graph's body rather than from the status.
    pub fn has_graph_code(&self) -> bool {
        self.code_from_graph
    }

    /// Graph's message, or a short description when the body had none.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// `innerError.request-id`, for support tickets.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// `innerError.client-request-id`, for support tickets.
    pub fn client_request_id(&self) -> Option<&str> {
        self.client_request_id.as_deref()
    }

    /// `innerError.date`.
    pub fn date(&self) -> Option<&str> {
        self.date.as_deref()
    }

    /// The raw response body.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// The `Retry-After` header as sent (delay or date).
    pub fn retry_after_header(&self) -> Option<&RetryAfter> {
        self.retry_after.as_ref()
    }

    /// How long to wait before retrying, measured from the system clock.
    ///
    /// On `wasm32-unknown-unknown` there is no system clock, so a
    /// `Retry-After` given as an HTTP date yields `None` here: the SPA should
    /// call [`GraphError::retry_after_from`] with the browser's `Date.now()`.
    pub fn retry_after(&self) -> Option<Duration> {
        match &self.retry_after {
            Some(RetryAfter::Delay(delay)) => Some(*delay),
            Some(RetryAfter::At(_)) => {
                retry_after::system_now().and_then(|now| self.retry_after_from(now))
            }
            None => None,
        }
    }

    /// How long to wait before retrying, measured from `now`. A date in the
    /// past means "retry now" (zero).
    pub fn retry_after_from(&self, now: SystemTime) -> Option<Duration> {
        self.retry_after
            .as_ref()
            .map(|header| header.delay_from(now))
    }

    /// True for throttling (429) and a temporarily unavailable service (503):
    /// the same request may succeed later, after `retry_after()`.
    pub fn is_retryable(&self) -> bool {
        matches!(self.status, 429 | 503)
    }

    /// What kind of failure this is, for the codes administrators meet.
    pub fn kind(&self) -> GraphErrorKind {
        GraphErrorKind::classify(self.status, &self.code)
    }

    /// A plain-English explanation of what went wrong.
    pub fn explanation(&self) -> &str {
        self.kind().explanation()
    }

    /// What the administrator can do next.
    pub fn next_step(&self) -> String {
        advice::next_step(self)
    }
}

// A body that is not Graph's envelope is shown only when short and plain;
// an HTML error page from a proxy would be noise.
fn fallback_message(status: u16, body: &str) -> String {
    let trimmed = body.trim();
    let looks_plain = !trimmed.is_empty()
        && trimmed.len() <= 300
        && !trimmed.starts_with('<')
        && !trimmed.starts_with('{');
    if looks_plain {
        trimmed.to_owned()
    } else {
        format!("Microsoft Graph answered HTTP {status} without an error description.")
    }
}

fn status_code_name(status: u16) -> String {
    match status {
        400 => "BadRequest".into(),
        401 => "Unauthorized".into(),
        403 => "Forbidden".into(),
        404 => "NotFound".into(),
        409 => "Conflict".into(),
        412 => "PreconditionFailed".into(),
        429 => "TooManyRequests".into(),
        500 => "InternalServerError".into(),
        502 => "BadGateway".into(),
        503 => "ServiceUnavailable".into(),
        504 => "GatewayTimeout".into(),
        other => format!("Http{other}"),
    }
}
