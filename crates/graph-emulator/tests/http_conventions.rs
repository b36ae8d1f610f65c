//! What every response carries: CORS for browsers, request ids, Date, and
//! Graph's error envelope.

mod common;

use axum::http::Method;
use common::*;

#[tokio::test]
async fn preflight_allows_the_headers_a_graph_spa_sends() {
    let app = sample_app();
    let reply = send(
        &app,
        Method::OPTIONS,
        POLICIES,
        &[
            ("origin", "http://localhost:8080"),
            ("access-control-request-method", "POST"),
            (
                "access-control-request-headers",
                "authorization,content-type,consistencylevel,client-request-id,prefer",
            ),
        ],
        None,
    )
    .await;
    assert!(reply.status.is_success());
    let header = |name: &str| {
        reply
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    assert_eq!(
        header("access-control-allow-origin"),
        "http://localhost:8080"
    );
    for allowed in [
        "authorization",
        "content-type",
        "consistencylevel",
        "client-request-id",
        "prefer",
    ] {
        assert!(
            header("access-control-allow-headers").contains(allowed),
            "{allowed} not allowed"
        );
    }
    assert!(header("access-control-allow-methods").contains("post"));
    assert!(reply.headers.contains_key("request-id"));
}

#[tokio::test]
async fn responses_expose_ids_and_retry_headers_to_any_origin() {
    let app = sample_app();
    let reply = send(
        &app,
        Method::GET,
        POLICIES,
        &[("origin", "https://policy-desk.example")],
        None,
    )
    .await;
    let expose = reply.headers["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    for exposed in [
        "request-id",
        "client-request-id",
        "retry-after",
        "location",
        "etag",
    ] {
        assert!(expose.contains(exposed), "{exposed} not exposed");
    }
    assert_eq!(
        reply.headers["access-control-allow-origin"],
        "https://policy-desk.example"
    );
}

#[tokio::test]
async fn every_response_has_a_fresh_request_id_a_date_and_the_echoed_client_id() {
    let app = sample_app();
    let first = send(
        &app,
        Method::GET,
        POLICIES,
        &[("client-request-id", "c0ffee00-0000-4000-8000-000000000001")],
        None,
    )
    .await;
    let second = get(&app, POLICIES).await;
    let id = |r: &Reply| r.headers["request-id"].to_str().unwrap().to_owned();
    assert!(uuid::Uuid::parse_str(&id(&first)).is_ok());
    assert_ne!(id(&first), id(&second));
    assert_eq!(
        first.headers["client-request-id"],
        "c0ffee00-0000-4000-8000-000000000001"
    );
    assert!(second.headers.get("client-request-id").is_none());
    assert!(first.headers["date"].to_str().unwrap().ends_with(" GMT"));
}

#[tokio::test]
async fn errors_use_graphs_envelope_with_inner_error_ids() {
    let app = sample_app();
    let reply = send(
        &app,
        Method::GET,
        &format!("{POLICIES}/not-a-policy"),
        &[("client-request-id", "abc-123")],
        None,
    )
    .await;
    assert_eq!(reply.status, 404);
    assert_eq!(error_code(&reply), "ResourceNotFound");
    assert_eq!(
        reply.json["error"]["innerError"]["client-request-id"],
        "abc-123"
    );
    assert_eq!(reply.headers["content-type"], "application/json");
}

#[tokio::test]
async fn unknown_segments_and_methods_are_graph_errors_too() {
    let app = sample_app();
    let unknown = get(
        &app,
        "/v1.0/identityGovernance/entitlementManagement/nonsense",
    )
    .await;
    assert_eq!(unknown.status, 400);
    assert_eq!(error_code(&unknown), "BadRequest");
    assert!(unknown.json["error"]["message"]
        .as_str()
        .unwrap()
        .contains("'nonsense'"));
    let patch = send(&app, Method::PATCH, POLICIES, &[], None).await;
    assert_eq!(patch.status, 405);
    assert_eq!(error_code(&patch), "Request_BadRequest");
}

#[tokio::test]
async fn success_json_carries_graphs_odata_content_type() {
    let reply = get(&sample_app(), POLICIES).await;
    let content_type = reply.headers["content-type"].to_str().unwrap();
    assert!(
        content_type.starts_with("application/json;odata.metadata=minimal"),
        "{content_type}"
    );
    assert_eq!(reply.headers["odata-version"], "4.0");
}
