//! Graph's error envelope, built in one place so every failure looks like Graph's.
//!
//! Handlers and middleware return [`GraphError`]; its `IntoResponse` only
//! attaches the code/message as a response extension. The request-context
//! middleware (which knows the request ids) turns that extension into the JSON
//! body `{"error":{"code","message","innerError":{...}}}`.

use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

/// One entry of Graph's optional `error.details` array.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
    pub target: String,
}

/// A Graph-shaped error: HTTP status, Graph `code`, human `message`.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{status} {code}: {message}")]
pub struct GraphError {
    pub status: StatusCode,
    pub code: String,
    pub message: String,
    pub details: Vec<ErrorDetail>,
    /// Extra response headers (Retry-After, WWW-Authenticate).
    pub headers: Vec<(HeaderName, HeaderValue)>,
}

impl GraphError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        Self {
            status,
            code: code.to_owned(),
            message: message.into(),
            details: Vec::new(),
            headers: Vec::new(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "BadRequest", message)
    }

    /// Entitlement management answers a bad policy body with `InvalidModel`.
    pub fn invalid_model(details: Vec<ErrorDetail>) -> Self {
        Self {
            details,
            ..Self::new(
                StatusCode::BAD_REQUEST,
                "InvalidModel",
                "The model is invalid.",
            )
        }
    }

    pub fn entitlement_not_found(kind: &str, id: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "ResourceNotFound",
            format!("The {kind} with id '{id}' was not found."),
        )
    }

    /// The directory's (users/groups/servicePrincipals) wording for a missing object.
    pub fn directory_not_found(id: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "Request_ResourceNotFound",
            format!(
                "Resource '{id}' does not exist or one of its queried \
                 reference-property objects are not present."
            ),
        )
    }

    pub fn with_header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    /// The `error` object without `innerError`, which the middleware adds.
    pub fn error_object(&self) -> Value {
        let mut error = json!({ "code": self.code, "message": self.message });
        if !self.details.is_empty() {
            error["details"] = self
                .details
                .iter()
                .map(|d| json!({ "code": d.code, "message": d.message, "target": d.target }))
                .collect();
        }
        error
    }
}

/// Marker left on a response for the request-context middleware to render.
#[derive(Debug, Clone)]
pub struct PendingGraphError(pub Value);

impl IntoResponse for GraphError {
    fn into_response(self) -> Response {
        let mut response = self.status.into_response();
        for (name, value) in &self.headers {
            response.headers_mut().insert(name.clone(), value.clone());
        }
        response
            .extensions_mut()
            .insert(PendingGraphError(self.error_object()));
        response
    }
}

/// Failures that stop the emulator from starting at all.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot read {path}: {source}")]
    ReadFile {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not valid JSON: {source}")]
    InvalidJson {
        path: String,
        source: serde_json::Error,
    },
    #[error("{path} is not a usable JSON Schema: {message}")]
    InvalidSchema { path: String, message: String },
    #[error("{path} is not a usable PEM certificate: {source}")]
    InvalidCertificate {
        path: String,
        source: crate::auth::TrustError,
    },
    #[error("cannot build the JWKS HTTP client: {0}")]
    HttpClient(reqwest::Error),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
    #[error("i/o error while serving: {0}")]
    Serve(std::io::Error),
}
