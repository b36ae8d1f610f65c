//! Request builders: method, URL and body for each operation.

use policy_model::requests::{
    create_policy, delete_policy, get_policy, list_policies, update_policy, ListPoliciesOptions,
    Method, RequestError,
};
use policy_model::AccessPackageAssignmentPolicy;
use serde_json::{json, Value};
use std::path::Path;

const BASE: &str = "https://graph.microsoft.com/v1.0/";
const COLLECTION: &str =
    "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentPolicies";

fn shared(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/graph")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn policy(body: Value) -> AccessPackageAssignmentPolicy {
    serde_json::from_value(body).unwrap()
}

#[test]
fn list_is_a_get_of_the_tenant_wide_collection() {
    let request = list_policies(BASE, &ListPoliciesOptions::default());
    assert_eq!(request.method, Method::Get);
    assert_eq!(
        request.url,
        format!("{COLLECTION}?$expand=accessPackage($expand=catalog)")
    );
    assert_eq!(request.body, None);
}

#[test]
fn get_expands_questions_and_custom_extensions() {
    let request = get_policy(BASE, "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187");
    assert_eq!(request.method.as_str(), "GET");
    assert_eq!(
        request.url,
        format!("{COLLECTION}/87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187?$expand=questions,customExtensionStageSettings($expand=customExtension)")
    );
}

#[test]
fn create_posts_the_seed_unchanged() {
    let seed = shared("seed-request.json");
    let request = create_policy(BASE, &policy(seed.clone())).unwrap();
    assert_eq!(request.method, Method::Post);
    assert_eq!(request.url, COLLECTION);
    assert_eq!(request.body, Some(seed));
}

#[test]
fn create_from_a_read_policy_leaves_out_read_only_members() {
    let read = shared("examples/get-policy.response.json");
    let body = create_policy(BASE, &policy(read.clone()))
        .unwrap()
        .body
        .unwrap();
    for read_only in ["id", "createdDateTime", "modifiedDateTime", "catalog"] {
        assert!(body.get(read_only).is_none(), "{read_only} sent");
    }
    assert_eq!(body["displayName"], read["displayName"]);
    assert_eq!(body["requestorSettings"], read["requestorSettings"]);
}

#[test]
fn update_puts_the_whole_policy_at_its_id() {
    let mut read = shared("examples/get-policy.response.json");
    read["accessPackage"] =
        json!({"id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b", "displayName": "Sales"});
    read["expiration"]["endDateTime"] = Value::Null;
    let request = update_policy(BASE, &policy(read.clone())).unwrap();
    assert_eq!(request.method, Method::Put);
    assert_eq!(
        request.url,
        format!("{COLLECTION}/87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187")
    );
    let body = request.body.unwrap();
    let mut expected = read;
    for read_only in ["id", "createdDateTime", "modifiedDateTime"] {
        expected.as_object_mut().unwrap().remove(read_only);
    }
    expected["accessPackage"] = json!({"id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"});
    // Everything else — including an explicit null — goes back as read.
    assert_eq!(body, expected);
}

#[test]
fn update_needs_an_id() {
    let error = update_policy(BASE, &policy(shared("seed-request.json"))).unwrap_err();
    assert!(matches!(error, RequestError::MissingPolicyId));
    assert!(error.to_string().contains("no id"));
}

#[test]
fn delete_addresses_the_policy() {
    let request = delete_policy(BASE, "p1");
    assert_eq!(request.method, Method::Delete);
    assert_eq!(request.url, format!("{COLLECTION}/p1"));
    assert_eq!(request.body, None);
}
