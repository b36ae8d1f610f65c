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

fn names(reply: &Reply) -> Vec<String> {
    let mut names: Vec<String> = reply.json["value"]
        .as_array()
        .unwrap_or_else(|| panic!("no value in {}", reply.json))
        .iter()
        .map(|item| item["displayName"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

/// The picker searches the SPA sends (src/create/search.rs), with and without the header.
#[tokio::test]
async fn picker_searches_match_word_starts_and_need_eventual_consistency() {
    let app = sample_app();
    let user_search = |text: &str| {
        format!("/v1.0/users?$search=%22displayName:{text}%22%20OR%20%22mail:{text}%22%20OR%20%22userPrincipalName:{text}%22&$select=id,displayName,userPrincipalName,mail&$top=10")
    };
    let searches = [
        user_search("wilber"),
        "/v1.0/groups?$search=%22displayName:sal%22%20OR%20%22mail:sal%22&$top=10".to_owned(),
        "/v1.0/servicePrincipals?$search=%22displayName:actions%22&$top=10".to_owned(),
    ];
    for uri in &searches {
        let without = get(&app, uri).await;
        assert_eq!(without.status, 400, "{uri}");
        assert_eq!(error_code(&without), "Request_UnsupportedQuery", "{uri}");
        assert!(without.json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("ConsistencyLevel: eventual"));
    }
    let search = |uri: String| {
        let app = app.clone();
        async move {
            let reply = send(&app, Method::GET, &uri, &[EVENTUAL], None).await;
            assert_eq!(reply.status, 200, "{uri}: {}", reply.json);
            names(&reply)
        }
    };
    // A later word of the display name: what startswith could not find.
    assert_eq!(search(user_search("wilber")).await, ["Alex Wilber"]);
    assert_eq!(
        search(user_search("WIL")).await,
        ["Alex Wilber", "Nestor Wilke"]
    );
    // mail and userPrincipalName match from their start only.
    assert_eq!(search(user_search("alex%40")).await, ["Alex Wilber"]);
    assert!(search(user_search("contoso")).await.is_empty());
    assert_eq!(search(searches[1].clone()).await, ["Sales"]);
    assert_eq!(
        search(searches[2].clone()).await,
        ["Build Pipeline (GitHub Actions)"]
    );
    // An escaped double quote and backslash parse (and match nothing here).
    assert!(search(
        "/v1.0/servicePrincipals?$search=%22displayName:say%20%5C%22hi%5C%22%20%5C%5C%22&$top=10"
            .to_owned()
    )
    .await
    .is_empty());
    // An unescaped quote inside a clause is a syntax error, as in Graph.
    let broken = send(
        &app,
        Method::GET,
        "/v1.0/users?$search=%22displayName:a%22b%22",
        &[EVENTUAL],
        None,
    )
    .await;
    assert_eq!(broken.status, 400);
}

#[tokio::test]
async fn access_packages_are_searched_with_contains_tolower() {
    let app = sample_app();
    let search = |text: &str| {
        format!("/v1.0/identityGovernance/entitlementManagement/accessPackages?$filter=contains(tolower(displayName),'{text}')&$expand=catalog&$top=10")
    };
    let reply = get(&app, &search("partner")).await;
    assert_eq!(reply.status, 200, "{}", reply.json);
    assert_eq!(names(&reply), ["External Partner Workspace"]);
    assert_eq!(
        reply.json["value"][0]["catalog"]["displayName"],
        "Partner Collaboration"
    );
    // Anywhere in the name, not only at a word's start.
    assert_eq!(
        names(&get(&app, &search("rtner%20work")).await),
        ["External Partner Workspace"]
    );
    // tolower makes it case-insensitive; without it, contains is ordinal.
    assert!(names(&get(&app, &search("Partner")).await).is_empty());
}
