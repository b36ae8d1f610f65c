//! Listing assignment policies: paging, $top, $expand, $filter, $select and
//! query option validation.

mod common;

use common::*;
use graph_emulator::tenant::TenantKind;
use graph_emulator::Settings;
use serde_json::Value;
use std::collections::HashSet;

fn ids(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|p| p["id"].as_str().expect("id").to_owned())
        .collect()
}

#[tokio::test]
async fn following_next_links_returns_every_policy_exactly_once() {
    let app = app(Settings {
        page_size: 4,
        ..Settings::default()
    });
    let (items, pages) = collect_all(&app, POLICIES).await;
    let tenant = get(&app, "/_emulator/tenant").await.json;
    let total = tenant["counts"]["assignmentPolicies"].as_u64().unwrap() as usize;
    assert_eq!(items.len(), total);
    assert_eq!(ids(&items).into_iter().collect::<HashSet<_>>().len(), total);
    assert_eq!(pages, total.div_ceil(4));
}

#[tokio::test]
async fn large_tenant_pages_through_five_thousand_policies() {
    let app = app(Settings {
        tenant: TenantKind::Large,
        ..Settings::default()
    });
    let (items, pages) = collect_all(&app, POLICIES).await;
    assert_eq!(items.len(), 5_000);
    assert_eq!(ids(&items).into_iter().collect::<HashSet<_>>().len(), 5_000);
    assert_eq!(pages, 50);
    let packages = get(&app, "/_emulator/tenant").await.json["counts"]["accessPackages"].clone();
    assert_eq!(packages, 500);
}

#[tokio::test]
async fn large_tenant_is_deterministic() {
    let first = get(
        &app(Settings {
            tenant: TenantKind::Large,
            ..Settings::default()
        }),
        "/_emulator/tenant",
    )
    .await
    .json;
    let second = get(
        &app(Settings {
            tenant: TenantKind::Large,
            ..Settings::default()
        }),
        "/_emulator/tenant",
    )
    .await
    .json;
    assert_eq!(first, second);
}

#[tokio::test]
async fn next_link_is_absolute_and_keeps_other_options() {
    let app = sample_app();
    let reply = get(
        &app,
        &format!("{POLICIES}?$top=3&$select=displayName&$expand=accessPackage"),
    )
    .await;
    assert_eq!(reply.json["value"].as_array().unwrap().len(), 3);
    let link = reply.json["@odata.nextLink"].as_str().expect("more pages");
    assert!(
        link.starts_with(&format!("http://{HOST}{POLICIES}?")),
        "{link}"
    );
    for kept in [
        "$top=3",
        "$select=displayName",
        "$expand=accessPackage",
        "$skiptoken=",
    ] {
        assert!(link.contains(kept), "{link} lacks {kept}");
    }
    let second = get(&app, &path_of(link)).await;
    assert_eq!(second.json["value"].as_array().unwrap().len(), 3);
    assert!(second.json["value"][0]["accessPackage"]["displayName"].is_string());
}

#[tokio::test]
async fn top_sets_the_page_size() {
    let app = sample_app();
    let (items, pages) = collect_all(&app, &format!("{POLICIES}?$top=5")).await;
    assert_eq!(pages, items.len().div_ceil(5));
}

#[tokio::test]
async fn access_package_is_absent_unless_expanded() {
    let app = sample_app();
    let plain = get(&app, POLICIES).await.json;
    for policy in plain["value"].as_array().unwrap() {
        for hidden in [
            "accessPackage",
            "catalog",
            "questions",
            "customExtensionStageSettings",
        ] {
            assert!(
                policy.get(hidden).is_none(),
                "{hidden} leaked into {policy}"
            );
        }
        assert!(policy["displayName"].is_string() && policy["createdDateTime"].is_string());
    }
    let expanded = get(&app, &format!("{POLICIES}?$expand=accessPackage,catalog"))
        .await
        .json;
    let first = &expanded["value"][0];
    assert_eq!(
        first["accessPackage"]["id"],
        "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"
    );
    assert!(first["accessPackage"].get("catalog").is_none());
    assert_eq!(first["catalog"]["displayName"], "Partner Collaboration");
}

#[tokio::test]
async fn nested_expand_brings_the_catalog_inside_the_access_package() {
    let app = sample_app();
    let reply = get(
        &app,
        &format!("{POLICIES}?$expand=accessPackage($expand=catalog)"),
    )
    .await;
    assert_eq!(
        reply.json["value"][0]["accessPackage"]["catalog"]["displayName"],
        "Partner Collaboration"
    );
}

#[tokio::test]
async fn filter_by_access_package_id() {
    let app = sample_app();
    let package = "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b";
    let reply = get(
        &app,
        &format!("{POLICIES}?$filter=accessPackage/id%20eq%20'{package}'&$expand=accessPackage"),
    )
    .await;
    let value = reply.json["value"].as_array().unwrap();
    assert_eq!(value.len(), 3);
    assert!(value.iter().all(|p| p["accessPackage"]["id"] == package));
    // Graph's own docs spell the path in lower case.
    let lower = get(
        &app,
        &format!("{POLICIES}?$filter=accesspackage/id+eq+'{package}'"),
    )
    .await;
    assert_eq!(lower.json["value"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn filter_by_display_name() {
    let app = sample_app();
    let reply = get(
        &app,
        &format!("{POLICIES}?$filter=displayName%20eq%20'Agency%20contractors'"),
    )
    .await;
    assert_eq!(reply.json["value"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn select_keeps_only_named_properties_and_id() {
    let app = sample_app();
    let reply = get(
        &app,
        &format!("{POLICIES}?$select=displayName,allowedTargetScope"),
    )
    .await;
    let first = reply.json["value"][0].as_object().unwrap();
    let mut keys: Vec<_> = first.keys().cloned().collect();
    keys.sort();
    assert_eq!(keys, ["allowedTargetScope", "displayName", "id"]);
    assert!(reply.json["@odata.context"]
        .as_str()
        .unwrap()
        .ends_with("assignmentPolicies(displayName,allowedTargetScope)"));
}

#[tokio::test]
async fn unknown_or_unsupported_query_options_are_bad_requests() {
    let app = sample_app();
    for query in [
        "$foo=1",
        "$search=%22x%22",
        "$expand=owner",
        "$select=canExtend",
        "$top=abc",
        "$filter=displayName%20gt%20'a'",
    ] {
        let reply = get(&app, &format!("{POLICIES}?{query}")).await;
        assert_eq!(reply.status, 400, "{query}");
        assert_eq!(error_code(&reply), "BadRequest", "{query}");
    }
    // Custom (non-$) parameters are ignored, as Graph does.
    assert_eq!(get(&app, &format!("{POLICIES}?foo=1")).await.status, 200);
}

#[tokio::test]
async fn every_kind_of_policy_is_in_the_sample() {
    let tenant = get(&sample_app(), "/_emulator/tenant").await.json;
    let policies = tenant["assignmentPolicies"].as_array().unwrap();
    let scopes: HashSet<&str> = policies
        .iter()
        .filter_map(|p| p["allowedTargetScope"].as_str())
        .collect();
    for scope in [
        "notSpecified",
        "allMemberUsers",
        "specificDirectoryUsers",
        "specificConnectedOrganizationUsers",
        "allConfiguredConnectedOrganizationUsers",
        "allExternalUsers",
        "specificDirectoryServicePrincipals",
        "allDirectoryServicePrincipals",
        "allDirectoryUsers",
    ] {
        assert!(scopes.contains(scope), "no {scope} policy");
    }
    assert!(policies
        .iter()
        .any(|p| p["automaticRequestSettings"].is_object()));
    assert!(policies
        .iter()
        .any(|p| p["questions"].as_array().is_some_and(|q| !q.is_empty())));
    assert!(policies
        .iter()
        .any(|p| p["requestApprovalSettings"]["stages"]
            .as_array()
            .is_some_and(|s| s.len() == 3)));
    let users = tenant["users"].as_array().unwrap();
    assert!(users.len() >= 25 && users.iter().any(|u| u["userType"] == "Guest"));
    assert!(tenant["connectedOrganizations"].as_array().unwrap().len() >= 3);
}
