//! Creating, reading, replacing and deleting assignment policies, and the
//! errors Graph answers bad bodies with.

mod common;

use axum::http::Method;
use common::*;
use graph_emulator::Settings;
use serde_json::{json, Value};

const PACKAGE: &str = "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b";

fn direct_assignment() -> Value {
    let path = shared_dir().join("graph/examples/create-direct-assignment.request.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn seed_request() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(shared_dir().join("graph/seed-request.json")).unwrap(),
    )
    .unwrap()
}

async fn post(app: &axum::Router, body: Value) -> Reply {
    send(app, Method::POST, POLICIES, &[], Some(body)).await
}

#[tokio::test]
async fn post_creates_with_server_fields_and_location() {
    let app = sample_app();
    let reply = post(&app, direct_assignment()).await;
    assert_eq!(reply.status, 201, "{}", reply.json);
    let id = reply.json["id"].as_str().expect("id");
    assert!(uuid::Uuid::parse_str(id).is_ok());
    assert!(reply.json["createdDateTime"]
        .as_str()
        .unwrap()
        .ends_with('Z'));
    assert_eq!(
        reply.json["createdDateTime"],
        reply.json["modifiedDateTime"]
    );
    assert_eq!(reply.json["displayName"], "New Policy");
    assert_eq!(
        reply.headers["location"].to_str().unwrap(),
        format!("http://{HOST}{POLICIES}/{id}")
    );

    let fetched = get(&app, &format!("{POLICIES}/{id}?$expand=accessPackage")).await;
    assert_eq!(fetched.status, 200);
    assert_eq!(fetched.json["accessPackage"]["id"], PACKAGE);
    assert_eq!(
        fetched.json["requestorSettings"],
        direct_assignment()["requestorSettings"]
    );
    let listed = get(&app, &format!("{POLICIES}?$filter=id%20eq%20'{id}'")).await;
    assert_eq!(listed.json["value"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn the_seed_request_itself_can_be_posted() {
    let reply = post(&sample_app(), seed_request()).await;
    assert_eq!(reply.status, 201, "{}", reply.json);
}

#[tokio::test]
async fn get_by_id_expands_questions_and_custom_extensions() {
    let app = sample_app();
    let tenant = get(&app, "/_emulator/tenant").await.json;
    let policy = tenant["assignmentPolicies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["displayName"] == "All configured partner organizations")
        .unwrap()
        .clone();
    let id = policy["id"].as_str().unwrap();
    let plain = get(&app, &format!("{POLICIES}/{id}")).await.json;
    assert!(
        plain.get("questions").is_none() && plain.get("customExtensionStageSettings").is_none()
    );

    let expanded = get(&app, &format!("{POLICIES}/{id}?$expand=questions,customExtensionStageSettings($expand=customExtension)")).await;
    assert_eq!(expanded.status, 200, "{}", expanded.json);
    let question = &expanded.json["questions"][0];
    assert_eq!(
        question["@odata.type"],
        "#microsoft.graph.accessPackageMultipleChoiceQuestion"
    );
    let setting = &expanded.json["customExtensionStageSettings"][0];
    assert_eq!(setting["stage"], "assignmentRequestCreated");
    assert_eq!(
        setting["customExtension"]["displayName"],
        "Notify partner manager"
    );
    assert!(
        setting["customExtension"]["endpointConfiguration"]["logicAppWorkflowName"].is_string()
    );

    let shallow = get(
        &app,
        &format!("{POLICIES}/{id}?$expand=customExtensionStageSettings"),
    )
    .await
    .json;
    assert!(shallow["customExtensionStageSettings"][0]
        .get("customExtension")
        .is_none());
}

#[tokio::test]
async fn put_replaces_the_whole_policy() {
    let app = sample_app();
    let created = post(&app, seed_request()).await.json;
    let id = created["id"].as_str().unwrap();
    let replacement = direct_assignment();
    let reply = send(
        &app,
        Method::PUT,
        &format!("{POLICIES}/{id}"),
        &[],
        Some(replacement),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.json);
    assert_eq!(reply.json["id"], id);
    assert_eq!(reply.json["createdDateTime"], created["createdDateTime"]);
    let fetched = get(&app, &format!("{POLICIES}/{id}")).await.json;
    assert_eq!(fetched["displayName"], "New Policy");
    // Properties the PUT body omitted are gone, as Graph's PUT does.
    assert!(fetched.get("reviewSettings").is_none(), "{fetched}");
}

#[tokio::test]
async fn put_and_delete_of_a_missing_policy_are_404() {
    let app = sample_app();
    let missing = format!("{POLICIES}/00000000-0000-0000-0000-000000000000");
    let put = send(&app, Method::PUT, &missing, &[], Some(direct_assignment())).await;
    assert_eq!(put.status, 404);
    assert_eq!(error_code(&put), "ResourceNotFound");
    let delete = send(&app, Method::DELETE, &missing, &[], None).await;
    assert_eq!(delete.status, 404);
}

#[tokio::test]
async fn delete_removes_the_policy() {
    let app = sample_app();
    let id = post(&app, direct_assignment()).await.json["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let reply = send(&app, Method::DELETE, &format!("{POLICIES}/{id}"), &[], None).await;
    assert_eq!(reply.status, 204);
    assert_eq!(reply.json, Value::Null);
    assert_eq!(get(&app, &format!("{POLICIES}/{id}")).await.status, 404);
}

fn invalid_model_targets(reply: &Reply) -> Vec<String> {
    assert_eq!(reply.status, 400, "{}", reply.json);
    assert_eq!(error_code(reply), "InvalidModel");
    assert_eq!(reply.json["error"]["message"], "The model is invalid.");
    reply.json["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["target"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn missing_display_name_and_access_package_are_invalid_model() {
    let mut body = direct_assignment();
    body.as_object_mut().unwrap().remove("displayName");
    body.as_object_mut().unwrap().remove("accessPackage");
    let targets = invalid_model_targets(&post(&sample_app(), body).await);
    assert_eq!(targets, ["displayName", "accessPackage.id"]);
}

#[tokio::test]
async fn more_than_three_stages_is_invalid_model() {
    let mut body = seed_request();
    let stage = body["requestApprovalSettings"]["stages"][0].clone();
    body["requestApprovalSettings"]["stages"] =
        json!([stage.clone(), stage.clone(), stage.clone(), stage]);
    let targets = invalid_model_targets(&post(&sample_app(), body).await);
    assert_eq!(targets, ["requestApprovalSettings.stages"]);
}

#[tokio::test]
async fn powershell_style_string_booleans_are_invalid_model() {
    let mut body = direct_assignment();
    body["requestorSettings"]["enableTargetsToSelfAddAccess"] = json!("true");
    let targets = invalid_model_targets(&post(&sample_app(), body).await);
    assert_eq!(targets, ["requestorSettings.enableTargetsToSelfAddAccess"]);
}

#[tokio::test]
async fn bad_enums_subjects_and_manager_levels_are_invalid_model() {
    let mut body = seed_request();
    body["allowedTargetScope"] = json!("everyone");
    body["requestApprovalSettings"]["stages"][0]["primaryApprovers"] = json!([{ "@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 3 }, { "@odata.type": "#microsoft.graph.userSet" }]);
    let targets = invalid_model_targets(&post(&sample_app(), body).await);
    assert_eq!(
        targets,
        [
            "allowedTargetScope",
            "requestApprovalSettings.stages[0].primaryApprovers[0].managerLevel",
            "requestApprovalSettings.stages[0].primaryApprovers[1]"
        ]
    );
}

#[tokio::test]
async fn beta_properties_are_rejected_like_odata_does() {
    let mut body = direct_assignment();
    body["canExtend"] = json!(true);
    let reply = post(&sample_app(), body).await;
    assert_eq!(reply.status, 400);
    assert_eq!(error_code(&reply), "BadRequest");
    assert!(reply.json["error"]["message"]
        .as_str()
        .unwrap()
        .contains("'canExtend' does not exist"));
}

#[tokio::test]
async fn unknown_access_package_is_404() {
    let mut body = direct_assignment();
    body["accessPackage"]["id"] = json!("11111111-2222-3333-4444-555555555555");
    let reply = post(&sample_app(), body).await;
    assert_eq!(reply.status, 404);
    assert_eq!(error_code(&reply), "ResourceNotFound");
}

#[tokio::test]
async fn malformed_json_is_a_bad_request() {
    let app = sample_app();
    let request = axum::http::Request::post(POLICIES)
        .header("host", HOST)
        .body(axum::body::Body::from("{nope"))
        .unwrap();
    let response = tower::ServiceExt::oneshot(app, request).await.unwrap();
    assert_eq!(response.status(), 400);
}

fn schema_app() -> axum::Router {
    let schema =
        std::fs::read_to_string(shared_dir().join("graph/assignment-policy.schema.json")).unwrap();
    app(Settings {
        schema: Some(serde_json::from_str(&schema).unwrap()),
        ..Settings::default()
    })
}

#[tokio::test]
async fn with_a_schema_valid_bodies_still_create() {
    let app = schema_app();
    assert_eq!(post(&app, seed_request()).await.status, 201);
    assert_eq!(post(&app, direct_assignment()).await.status, 201);
}

#[tokio::test]
async fn with_a_schema_type_errors_are_invalid_model_details() {
    let mut body = seed_request();
    body["reviewSettings"]["isEnabled"] = json!("yes");
    let reply = post(&schema_app(), body).await;
    let targets = invalid_model_targets(&reply);
    assert!(
        targets.iter().any(|t| t.starts_with("/reviewSettings")),
        "schema detail missing: {targets:?}"
    );
    assert!(
        targets.iter().any(|t| t == "reviewSettings.isEnabled"),
        "{targets:?}"
    );
}

#[tokio::test]
async fn documented_expiration_review_and_rule_limits_are_invalid_model() {
    let mut body = seed_request();
    body["expiration"] = json!({ "type": "noExpiration", "duration": "P30D" });
    body["reviewSettings"]["schedule"]["recurrence"]["pattern"]["type"] = json!("daily");
    body["reviewSettings"]["primaryReviewers"] = json!([{ "@odata.type": "#microsoft.graph.attributeRuleMembers", "membershipRule": "(user.department -eq \"Sales\")" }]);
    let targets = invalid_model_targets(&post(&sample_app(), body).await);
    assert_eq!(
        targets,
        [
            "expiration.type",
            "reviewSettings.schedule.recurrence.pattern.type",
            "reviewSettings.primaryReviewers[0]"
        ]
    );
}

#[tokio::test]
async fn every_sample_policy_passes_the_emulators_own_validation() {
    // PUT each stored policy back onto itself: the sample must be valid input.
    let app = sample_app();
    let tenant = get(&app, "/_emulator/tenant").await.json;
    for policy in tenant["assignmentPolicies"].as_array().unwrap() {
        let id = policy["id"].as_str().unwrap();
        let reply = send(
            &app,
            Method::PUT,
            &format!("{POLICIES}/{id}"),
            &[],
            Some(policy.clone()),
        )
        .await;
        assert_eq!(
            reply.status, 200,
            "{}: {}",
            policy["displayName"], reply.json
        );
    }
}

#[tokio::test]
async fn every_sample_policy_satisfies_the_shared_schema() {
    let app = schema_app();
    let tenant = get(&app, "/_emulator/tenant").await.json;
    for policy in tenant["assignmentPolicies"].as_array().unwrap() {
        let reply = post(&app, policy.clone()).await;
        assert_eq!(
            reply.status, 201,
            "{}: {}",
            policy["displayName"], reply.json
        );
    }
}
