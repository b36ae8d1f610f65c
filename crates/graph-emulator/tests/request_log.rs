//! The in-memory request log behind `/_emulator/requests`.

mod common;

use axum::http::Method;
use common::*;
use serde_json::json;

#[tokio::test]
async fn requests_are_recorded_with_query_headers_and_json_body() {
    let app = sample_app();
    get(&app, &format!("{POLICIES}?$top=2")).await;
    let body = json!({ "displayName": "x" });
    send(
        &app,
        Method::POST,
        POLICIES,
        &[
            ("authorization", "Bearer not.a-token"),
            ("client-request-id", "log-1"),
        ],
        Some(body.clone()),
    )
    .await;

    let log = get(&app, "/_emulator/requests").await.json;
    let entries = log.as_array().unwrap();
    assert_eq!(entries.len(), 2, "control calls are not logged: {log}");
    assert_eq!(entries[0]["method"], "GET");
    assert_eq!(entries[0]["path"], POLICIES);
    assert_eq!(entries[0]["query"], "$top=2");
    assert_eq!(entries[0]["status"], 200);
    assert_eq!(entries[1]["body"], body);
    assert_eq!(entries[1]["headers"]["client-request-id"], "log-1");
    let authorization = entries[1]["headers"]["authorization"].as_str().unwrap();
    assert!(
        authorization.starts_with("Bearer <redacted"),
        "{authorization}"
    );
    assert!(!authorization.contains("not.a-token"));
}

#[tokio::test]
async fn jwt_summaries_name_issuer_audience_and_scopes_but_not_the_token() {
    let app = sample_app();
    let payload = base64_url(
        r#"{"iss":"https://login.example/","aud":"https://graph.microsoft.com","scp":"EntitlementManagement.Read.All"}"#,
    );
    let token = format!("eyJhbGciOiJSUzI1NiJ9.{payload}.c2lnbmF0dXJl");
    send(
        &app,
        Method::GET,
        POLICIES,
        &[("authorization", &format!("Bearer {token}"))],
        None,
    )
    .await;
    let log = get(&app, "/_emulator/requests").await.json;
    let summary = log[0]["headers"]["authorization"].as_str().unwrap();
    assert_eq!(
        summary,
        "Bearer <redacted; iss=https://login.example/, aud=https://graph.microsoft.com, scp=EntitlementManagement.Read.All, valid=unchecked>"
    );
    assert!(!log.to_string().contains(&token));
}

#[tokio::test]
async fn delete_clears_the_log() {
    let app = sample_app();
    get(&app, POLICIES).await;
    assert_eq!(
        send(&app, Method::DELETE, "/_emulator/requests", &[], None)
            .await
            .status,
        204
    );
    let log = get(&app, "/_emulator/requests").await.json;
    assert_eq!(log.as_array().unwrap().len(), 0);
}

fn base64_url(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text)
}
