//! Principal look-ups: users, groups, service principals and getByIds.

mod common;

use axum::http::Method;
use common::*;
use serde_json::json;

const EVENTUAL: (&str, &str) = ("consistencylevel", "eventual");

#[tokio::test]
async fn search_needs_consistency_level_eventual() {
    let app = sample_app();
    let without = get(&app, "/v1.0/users?$search=%22displayName:meg%22").await;
    assert_eq!(without.status, 400);
    assert_eq!(error_code(&without), "Request_UnsupportedQuery");
    let with = send(
        &app,
        Method::GET,
        "/v1.0/users?$search=%22displayName:meg%22",
        &[EVENTUAL],
        None,
    )
    .await;
    assert_eq!(with.status, 200);
    let names: Vec<_> = with.json["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["displayName"].clone())
        .collect();
    assert_eq!(names, ["Megan Bowen"]);
}

#[tokio::test]
async fn search_matches_word_prefixes_across_terms() {
    let app = sample_app();
    let reply = send(
        &app,
        Method::GET,
        "/v1.0/groups?$search=%22displayName:sal%22%20OR%20%22displayName:fin%22",
        &[EVENTUAL],
        None,
    )
    .await;
    let mut names: Vec<_> = reply.json["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["displayName"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["Finance", "Sales"]);
}

#[tokio::test]
async fn users_come_with_graphs_default_properties_unless_selected() {
    let app = sample_app();
    let plain = get(&app, "/v1.0/users?$top=1").await.json;
    let user = &plain["value"][0];
    assert!(user["userPrincipalName"].is_string() && user.get("department").is_none());
    let selected = get(
        &app,
        "/v1.0/users?$select=displayName,department,userType&$filter=userType%20eq%20'Guest'",
    )
    .await
    .json;
    let guests = selected["value"].as_array().unwrap();
    assert_eq!(guests.len(), 5);
    assert!(guests
        .iter()
        .all(|g| g["department"].is_string() && g["userType"] == "Guest"));
    assert!(guests
        .iter()
        .all(|g| g["userPrincipalName"].as_str().is_none()));
}

#[tokio::test]
async fn filter_startswith_and_top_page_through_users() {
    let app = sample_app();
    let (users, pages) = collect_all(
        &app,
        "/v1.0/users?$filter=startswith(displayName,'l')&$top=2",
    )
    .await;
    let names: Vec<_> = users
        .iter()
        .map(|u| u["displayName"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Lee Gu", "Lidia Holloway", "Lynne Robbins", "Liam O'Connor"]
    );
    assert_eq!(pages, 2);
}

#[tokio::test]
async fn unknown_select_property_is_a_bad_request() {
    let reply = get(&sample_app(), "/v1.0/users?$select=shoeSize").await;
    assert_eq!(reply.status, 400);
    assert_eq!(error_code(&reply), "BadRequest");
}

#[tokio::test]
async fn missing_user_is_request_resource_not_found() {
    let reply = get(
        &sample_app(),
        "/v1.0/users/00000000-0000-0000-0000-000000000000",
    )
    .await;
    assert_eq!(reply.status, 404);
    assert_eq!(error_code(&reply), "Request_ResourceNotFound");
}

#[tokio::test]
async fn service_principals_are_listed() {
    let reply = get(
        &sample_app(),
        "/v1.0/servicePrincipals?$filter=startswith(displayName,'Contoso')",
    )
    .await;
    assert_eq!(
        reply.json["value"][0]["displayName"],
        "Contoso Payroll Sync"
    );
    assert!(reply.json["value"][0]["appId"].is_string());
}

#[tokio::test]
async fn get_by_ids_resolves_mixed_objects_with_their_types() {
    let app = sample_app();
    let body = json!({ "ids": [
        "7deff43e-1f17-44ef-9e5f-d516b0ba11d4",
        "1623f912-5e86-41c2-af47-39dd67582b66",
        "00000000-0000-0000-0000-000000000000",
    ]});
    let reply = send(
        &app,
        Method::POST,
        "/v1.0/directoryObjects/getByIds",
        &[],
        Some(body),
    )
    .await;
    assert_eq!(reply.status, 200);
    let value = reply.json["value"].as_array().unwrap();
    assert_eq!(value.len(), 2);
    assert_eq!(value[0]["@odata.type"], "#microsoft.graph.user");
    assert_eq!(value[0]["displayName"], "Alex Wilber");
    assert_eq!(value[1]["@odata.type"], "#microsoft.graph.group");

    let only_groups =
        json!({ "ids": ["7deff43e-1f17-44ef-9e5f-d516b0ba11d4"], "types": ["group"] });
    let reply = send(
        &app,
        Method::POST,
        "/v1.0/directoryObjects/getByIds",
        &[],
        Some(only_groups),
    )
    .await;
    assert_eq!(reply.json["value"].as_array().unwrap().len(), 0);

    let empty = send(
        &app,
        Method::POST,
        "/v1.0/directoryObjects/getByIds",
        &[],
        Some(json!({})),
    )
    .await;
    assert_eq!(empty.status, 400);
}
