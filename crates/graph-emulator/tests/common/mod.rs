//! Helpers shared by the integration tests: an in-process emulator and a
//! one-call request function that returns status, headers and JSON.

#![allow(dead_code)] // Each test binary uses a different subset.

use axum::body::{to_bytes, Body};
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use graph_emulator::{router, AppState, Settings};
use serde_json::Value;
use tower::ServiceExt;

pub const POLICIES: &str = "/v1.0/identityGovernance/entitlementManagement/assignmentPolicies";
pub const HOST: &str = "emulator.test";

pub fn app(settings: Settings) -> Router {
    router(AppState::new(settings).expect("settings are valid"))
}

pub fn sample_app() -> Router {
    app(Settings::default())
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub json: Value,
}

/// Sends one request; `body` is JSON when given.
pub async fn send(
    app: &Router,
    method: Method,
    uri: &str,
    headers: &[(&str, &str)],
    body: Option<Value>,
) -> Reply {
    let mut request = Request::builder()
        .method(method)
        .uri(uri)
        .header("host", HOST);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let body = match body {
        Some(json) => {
            request = request.header("content-type", "application/json");
            Body::from(json.to_string())
        }
        None => Body::empty(),
    };
    let response = app
        .clone()
        .oneshot(request.body(body).expect("valid request"))
        .await
        .expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body reads");
    let json = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).expect("response is JSON")
    };
    Reply {
        status,
        headers,
        json,
    }
}

pub async fn get(app: &Router, uri: &str) -> Reply {
    send(app, Method::GET, uri, &[], None).await
}

/// Turns an absolute nextLink back into a path the in-process app accepts.
pub fn path_of(link: &str) -> String {
    link.strip_prefix(&format!("http://{HOST}"))
        .expect("nextLink points back at us")
        .to_owned()
}

/// Follows nextLinks from `first` and returns every item of every page.
pub async fn collect_all(app: &Router, first: &str) -> (Vec<Value>, usize) {
    let mut items = Vec::new();
    let mut pages = 0;
    let mut next = Some(first.to_owned());
    while let Some(uri) = next {
        let reply = get(app, &uri).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
        pages += 1;
        items.extend(
            reply.json["value"]
                .as_array()
                .expect("value array")
                .iter()
                .cloned(),
        );
        next = reply.json["@odata.nextLink"].as_str().map(path_of);
    }
    (items, pages)
}

/// Asserts Graph's error envelope and returns `error.code`.
pub fn error_code(reply: &Reply) -> String {
    let error = &reply.json["error"];
    assert!(error["message"].is_string(), "no message in {}", reply.json);
    let inner = &error["innerError"];
    assert!(
        inner["date"].as_str().is_some_and(|d| d.ends_with('Z')),
        "bad date in {}",
        reply.json
    );
    assert_eq!(
        inner["request-id"].as_str(),
        reply
            .headers
            .get("request-id")
            .and_then(|v| v.to_str().ok()),
        "innerError request-id must match the header"
    );
    error["code"].as_str().expect("code").to_owned()
}

pub fn shared_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}
