//! Runtime fault injection through `/_emulator/faults`.

mod common;

use axum::http::Method;
use common::*;
use graph_emulator::{router, serve, AppState, Settings};
use serde_json::json;
use std::time::{Duration, Instant};

async fn add(app: &axum::Router, rule: serde_json::Value) {
    let reply = send(app, Method::POST, "/_emulator/faults", &[], Some(rule)).await;
    assert_eq!(reply.status, 201, "{}", reply.json);
}

#[tokio::test]
async fn throttle_answers_429_with_retry_after_then_recovers() {
    let app = sample_app();
    add(&app, json!({"match": {"method": "GET", "pathContains": "assignmentPolicies"}, "count": 2, "fault": {"kind": "throttle", "retryAfterSeconds": 3}})).await;
    for _ in 0..2 {
        let reply = get(&app, POLICIES).await;
        assert_eq!(reply.status, 429);
        assert_eq!(error_code(&reply), "TooManyRequests");
        assert_eq!(reply.headers["retry-after"], "3");
    }
    assert_eq!(get(&app, POLICIES).await.status, 200);
    let rules = get(&app, "/_emulator/faults").await.json;
    assert_eq!(rules.as_array().unwrap().len(), 0, "spent rules disappear");
}

#[tokio::test]
async fn faults_only_hit_matching_requests() {
    let app = sample_app();
    add(
        &app,
        json!({"match": {"method": "POST"}, "count": 1, "fault": {"kind": "unavailable"}}),
    )
    .await;
    assert_eq!(get(&app, POLICIES).await.status, 200);
    assert_eq!(
        get(&app, "/_emulator/tenant").await.status,
        200,
        "control endpoints are never faulted"
    );
    let reply = send(&app, Method::POST, POLICIES, &[], Some(json!({}))).await;
    assert_eq!(reply.status, 503);
    assert_eq!(error_code(&reply), "serviceNotAvailable");
    assert!(reply.headers.contains_key("retry-after"));
}

#[tokio::test]
async fn delay_slows_the_request_down() {
    let app = sample_app();
    add(
        &app,
        json!({"count": 1, "fault": {"kind": "delay", "milliseconds": 300}}),
    )
    .await;
    let started = Instant::now();
    assert_eq!(get(&app, POLICIES).await.status, 200);
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn rules_can_be_listed_and_cleared() {
    let app = sample_app();
    add(&app, json!({"fault": {"kind": "throttle"}})).await;
    let listed = get(&app, "/_emulator/faults").await.json;
    assert_eq!(listed[0]["fault"]["kind"], "throttle");
    assert!(listed[0]["id"].is_string());
    assert_eq!(
        send(&app, Method::DELETE, "/_emulator/faults", &[], None)
            .await
            .status,
        204
    );
    assert_eq!(get(&app, POLICIES).await.status, 200);
}

#[tokio::test]
async fn query_contains_hits_only_later_pages() {
    let app = sample_app();
    add(&app, json!({"match": {"method": "GET", "pathContains": "assignmentPolicies", "queryContains": "skiptoken"}, "count": 1, "fault": {"kind": "throttle", "retryAfterSeconds": 2}})).await;
    let first = get(&app, &format!("{POLICIES}?$top=5")).await;
    assert_eq!(first.status, 200, "the first page has no $skiptoken");
    let next = path_of(first.json["@odata.nextLink"].as_str().unwrap());
    let throttled = get(&app, &next).await;
    assert_eq!(throttled.status, 429);
    assert_eq!(throttled.headers["retry-after"], "2");
    assert_eq!(
        get(&app, &next).await.status,
        200,
        "count 1: the retry succeeds"
    );
}

#[tokio::test]
async fn unauthorized_answers_like_an_expired_token() {
    let app = sample_app();
    add(&app, json!({"match": {"pathContains": "assignmentPolicies"}, "count": 1, "fault": {"kind": "unauthorized"}})).await;
    let reply = get(&app, POLICIES).await;
    assert_eq!(reply.status, 401);
    assert_eq!(error_code(&reply), "InvalidAuthenticationToken");
    assert_eq!(
        reply.json["error"]["message"],
        "Lifetime validation failed, the token is expired."
    );
    assert!(reply.headers.contains_key("www-authenticate"));
    assert!(reply.json["error"]["innerError"]["request-id"].is_string());
    assert_eq!(get(&app, POLICIES).await.status, 200);
}

#[tokio::test]
async fn forbidden_answers_with_the_area_s_403() {
    let app = sample_app();
    add(
        &app,
        json!({"match": {"pathContains": "assignmentPolicies"}, "fault": {"kind": "forbidden"}}),
    )
    .await;
    add(
        &app,
        json!({"match": {"pathContains": "/users"}, "count": 1, "fault": {"kind": "forbidden"}}),
    )
    .await;
    let reply = get(&app, POLICIES).await;
    assert_eq!(reply.status, 403);
    assert_eq!(error_code(&reply), "UnAuthorized");
    assert_eq!(
        reply.json["error"]["message"],
        "User is not authorized to perform the operation. Reason: Unauthorized"
    );
    assert_eq!(
        get(&app, POLICIES).await.status,
        403,
        "no count: until cleared"
    );
    let packages = get(
        &app,
        "/v1.0/identityGovernance/entitlementManagement/accessPackages?$expand=assignmentPolicies,catalog",
    )
    .await;
    assert_eq!(packages.status, 200, "the path, not the query, is matched");
    let users = get(&app, "/v1.0/users").await;
    assert_eq!(users.status, 403);
    assert_eq!(error_code(&users), "Authorization_RequestDenied");
}

#[tokio::test]
async fn a_malformed_rule_is_rejected() {
    let app = sample_app();
    let reply = send(
        &app,
        Method::POST,
        "/_emulator/faults",
        &[],
        Some(json!({"fault": {"kind": "explode"}})),
    )
    .await;
    assert_eq!(reply.status, 400);
}

/// Drops need a real connection, so these run a real server.
async fn start_server() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let app = router(AppState::new(Settings::default()).unwrap());
    tokio::spawn(async move { serve(listener, app, std::future::pending()).await.unwrap() });
    url
}

/// Adds a fault rule to a running server.
async fn add_fault_over_http(client: &reqwest::Client, url: &str, rule: &serde_json::Value) {
    let status = client
        .post(format!("{url}/_emulator/faults"))
        .json(rule)
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 201, "the fault rule is accepted");
}

/// GETs a path of a running server as JSON.
async fn get_json_over_http(client: &reqwest::Client, url: &str, path: &str) -> serde_json::Value {
    client
        .get(format!("{url}{path}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn drop_closes_the_connection_without_a_response() {
    let url = start_server().await;
    let client = reqwest::Client::new();
    let rule = json!({"match": {"pathContains": "assignmentPolicies"}, "count": 1, "fault": {"kind": "drop"}});
    add_fault_over_http(&client, &url, &rule).await;
    let dropped = client.get(format!("{url}{POLICIES}")).send().await;
    assert!(
        dropped.is_err(),
        "expected a connection error, got {dropped:?}"
    );
    let next = client.get(format!("{url}{POLICIES}")).send().await.unwrap();
    assert_eq!(next.status(), 200);
}

#[tokio::test]
async fn drop_after_commit_applies_the_post_then_drops() {
    let url = start_server().await;
    let client = reqwest::Client::new();
    let rule = json!({"match": {"method": "POST", "pathContains": "assignmentPolicies"}, "count": 1, "fault": {"kind": "dropAfterCommit"}});
    add_fault_over_http(&client, &url, &rule).await;
    let body = json!({"displayName": "Committed but unanswered", "accessPackage": {"id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"}});
    let dropped = client
        .post(format!("{url}{POLICIES}"))
        .json(&body)
        .send()
        .await;
    assert!(
        dropped.is_err(),
        "expected a connection error, got {dropped:?}"
    );
    let listed = get_json_over_http(
        &client,
        &url,
        &format!("{POLICIES}?$filter=displayName%20eq%20'Committed%20but%20unanswered'"),
    )
    .await;
    assert_eq!(
        listed["value"].as_array().unwrap().len(),
        1,
        "the create took effect"
    );
}

#[tokio::test]
async fn timeout_after_commit_applies_the_post_then_answers_504() {
    let app = sample_app();
    add(&app, json!({"match": {"method": "POST", "pathContains": "assignmentPolicies"}, "count": 1, "fault": {"kind": "timeoutAfterCommit"}})).await;
    let body = json!({"displayName": "Committed behind a timeout", "accessPackage": {"id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"}});
    let reply = send(&app, Method::POST, POLICIES, &[], Some(body)).await;
    assert_eq!(reply.status, 504);
    assert_eq!(error_code(&reply), "GatewayTimeout");
    let listed = get(
        &app,
        &format!("{POLICIES}?$filter=displayName%20eq%20'Committed%20behind%20a%20timeout'"),
    )
    .await;
    assert_eq!(
        listed.json["value"].as_array().unwrap().len(),
        1,
        "the create took effect behind the 504"
    );
}

#[tokio::test]
async fn dropped_connections_are_logged_and_marked() {
    let url = start_server().await;
    let client = reqwest::Client::new();
    for kind in ["drop", "dropAfterCommit"] {
        let rule = json!({"match": {"method": "POST", "pathContains": "assignmentPolicies"}, "count": 1, "fault": {"kind": kind}});
        add_fault_over_http(&client, &url, &rule).await;
        let body = json!({"displayName": format!("Dropped ({kind})"), "accessPackage": {"id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"}});
        let dropped = client
            .post(format!("{url}{POLICIES}"))
            .header("client-request-id", kind)
            .json(&body)
            .send()
            .await;
        assert!(
            dropped.is_err(),
            "{kind}: expected a connection error, got {dropped:?}"
        );
    }
    let answered = client
        .get(format!("{url}{POLICIES}?$top=1"))
        .send()
        .await
        .unwrap();
    assert_eq!(answered.status(), 200);

    let log = get_json_over_http(&client, &url, "/_emulator/requests").await;
    let entries = log.as_array().unwrap();
    assert_eq!(
        entries.len(),
        3,
        "both dropped POSTs and the GET: {entries:?}"
    );
    let (drop, after_commit, get) = (&entries[0], &entries[1], &entries[2]);
    assert_eq!(drop["method"], "POST");
    assert_eq!(drop["headers"]["client-request-id"], "drop");
    assert_eq!(drop["body"]["displayName"], "Dropped (drop)");
    assert!(drop["requestId"].is_string());
    assert_eq!(
        drop["status"],
        serde_json::Value::Null,
        "no answer was sent"
    );
    assert_eq!(drop["connectionDropped"], true);
    assert_eq!(drop["committed"], false, "dropped before the handler ran");
    assert!(drop.get("committedStatus").is_none());

    assert_eq!(
        after_commit["headers"]["client-request-id"],
        "dropAfterCommit"
    );
    assert_eq!(after_commit["status"], serde_json::Value::Null);
    assert_eq!(after_commit["connectionDropped"], true);
    assert_eq!(after_commit["committed"], true, "the handler ran first");
    assert_eq!(
        after_commit["committedStatus"], 201,
        "and created the policy"
    );

    assert_eq!(get["status"], 200);
    assert_eq!(get["connectionDropped"], false);

    let tenant = get_json_over_http(&client, &url, "/_emulator/tenant").await;
    let named = |name: &str| {
        tenant["assignmentPolicies"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["displayName"] == name)
            .count()
    };
    assert_eq!(named("Dropped (drop)"), 0, "a drop applies nothing");
    assert_eq!(
        named("Dropped (dropAfterCommit)"),
        1,
        "dropAfterCommit applies it once"
    );
}

#[tokio::test]
async fn an_in_process_drop_is_logged_as_the_500_it_answers() {
    let app = sample_app();
    add(&app, json!({"count": 1, "fault": {"kind": "drop"}})).await;
    assert_eq!(get(&app, POLICIES).await.status, 500);
    let log = get(&app, "/_emulator/requests").await.json;
    assert_eq!(log.as_array().unwrap().len(), 1, "{log}");
    assert_eq!(log[0]["status"], 500);
    assert_eq!(log[0]["connectionDropped"], false);
}
