//! Access packages, catalogs, custom workflow extensions and connected organizations.

mod common;

use common::*;

const EM: &str = "/v1.0/identityGovernance/entitlementManagement";
const PACKAGE: &str = "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b";

#[tokio::test]
async fn access_packages_expand_their_assignment_policies() {
    let app = sample_app();
    let reply = get(
        &app,
        &format!("{EM}/accessPackages?$expand=assignmentPolicies&$filter=id%20eq%20'{PACKAGE}'"),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.json);
    let package = &reply.json["value"][0];
    assert_eq!(package["displayName"], "External Partner Workspace");
    let policies = package["assignmentPolicies"].as_array().unwrap();
    assert_eq!(policies.len(), 3);
    assert!(policies.iter().all(|p| p.get("accessPackage").is_none()));
    assert!(package.get("catalog").is_none());
}

#[tokio::test]
async fn access_package_by_id_expands_its_catalog() {
    let reply = get(
        &sample_app(),
        &format!("{EM}/accessPackages/{PACKAGE}?$expand=catalog"),
    )
    .await;
    assert_eq!(
        reply.json["catalog"]["displayName"],
        "Partner Collaboration"
    );
}

#[tokio::test]
async fn catalogs_and_their_custom_workflow_extensions() {
    let app = sample_app();
    let catalogs = get(
        &app,
        &format!("{EM}/catalogs?$filter=displayName%20eq%20'Partner%20Collaboration'"),
    )
    .await
    .json;
    let id = catalogs["value"][0]["id"].as_str().unwrap().to_owned();
    let extensions = get(
        &app,
        &format!("{EM}/catalogs/{id}/customWorkflowExtensions"),
    )
    .await;
    assert_eq!(extensions.status, 200);
    let first = &extensions.json["value"][0];
    assert_eq!(first["displayName"], "Notify partner manager");
    assert_eq!(
        first["@odata.type"],
        "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension"
    );
    assert!(first.get("catalog").is_none());
    let one = get(
        &app,
        &format!(
            "{EM}/catalogs/{id}/customWorkflowExtensions/{}",
            first["id"].as_str().unwrap()
        ),
    )
    .await;
    assert_eq!(one.json["displayName"], "Notify partner manager");
    let missing = get(
        &app,
        &format!("{EM}/catalogs/00000000-0000-0000-0000-000000000000/customWorkflowExtensions"),
    )
    .await;
    assert_eq!(missing.status, 404);
}

#[tokio::test]
async fn connected_organizations_are_listed_with_their_state() {
    let reply = get(&sample_app(), &format!("{EM}/connectedOrganizations")).await;
    let orgs = reply.json["value"].as_array().unwrap();
    assert_eq!(orgs.len(), 4);
    assert!(orgs.iter().any(|o| o["state"] == "proposed"));
    assert_eq!(
        orgs[0]["identitySources"][0]["@odata.type"],
        "#microsoft.graph.azureActiveDirectoryTenant"
    );
}

#[tokio::test]
async fn paging_works_on_access_packages_of_the_large_tenant() {
    let app = app(graph_emulator::Settings {
        tenant: graph_emulator::tenant::TenantKind::Large,
        ..Default::default()
    });
    let (items, pages) = collect_all(&app, &format!("{EM}/accessPackages")).await;
    assert_eq!(items.len(), 500);
    assert_eq!(pages, 5);
}
