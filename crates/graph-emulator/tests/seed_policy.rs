//! The founding seed request must be in the sample tenant verbatim.

mod common;

use common::*;
use serde_json::Value;

fn seed_request() -> Value {
    let path = shared_dir().join("graph/seed-request.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("seed request is JSON")
}

fn without_server_fields(mut policy: Value) -> Value {
    let object = policy.as_object_mut().unwrap();
    for key in [
        "id",
        "createdDateTime",
        "modifiedDateTime",
        "@odata.context",
    ] {
        object.remove(key);
    }
    policy
}

#[tokio::test]
async fn stored_seed_equals_the_shared_seed_request() {
    let tenant = get(&sample_app(), "/_emulator/tenant").await.json;
    let seed_id = tenant["seedPolicyId"].as_str().unwrap();
    let stored = tenant["assignmentPolicies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == seed_id)
        .cloned()
        .expect("seed policy present");
    assert_eq!(without_server_fields(stored), seed_request());
}

#[tokio::test]
async fn seed_as_served_equals_the_request_apart_from_server_fields() {
    let app = sample_app();
    let tenant = get(&app, "/_emulator/tenant").await.json;
    let seed_id = tenant["seedPolicyId"].as_str().unwrap();
    let mut served = get(&app, &format!("{POLICIES}/{seed_id}")).await.json;
    assert!(
        served.get("accessPackage").is_none(),
        "not expanded, so absent"
    );
    served["accessPackage"] = serde_json::json!({ "id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b" });
    assert_eq!(without_server_fields(served), seed_request());
}

#[tokio::test]
async fn seed_principals_have_their_names() {
    let app = sample_app();
    let alex = get(&app, "/v1.0/users/7deff43e-1f17-44ef-9e5f-d516b0ba11d4")
        .await
        .json;
    assert_eq!(alex["displayName"], "Alex Wilber");
    let megan = get(&app, "/v1.0/users/46184453-e63b-4f20-86c2-c557ed5d5df9")
        .await
        .json;
    assert_eq!(megan["displayName"], "Megan Bowen");
    let sales = get(&app, "/v1.0/groups/1623f912-5e86-41c2-af47-39dd67582b66")
        .await
        .json;
    assert_eq!(sales["displayName"], "Sales");
}
