use policy_model::AccessPackageAssignmentPolicy;
use serde_json::json;

use super::*;

fn policy(value: serde_json::Value) -> AccessPackageAssignmentPolicy {
    serde_json::from_value(value).expect("test policy parses")
}

fn seed_row() -> PolicyRow {
    let mut seed: serde_json::Value =
        serde_json::from_str(include_str!("../../../shared/graph/seed-request.json")).unwrap();
    seed["id"] = "seed".into();
    seed["createdDateTime"] = "2026-01-05T10:00:00Z".into();
    seed["accessPackage"] = json!({
        "id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b",
        "displayName": "External Partner Workspace",
        "catalog": {"id": "c1", "displayName": "Partner Collaboration"}
    });
    PolicyRow::from_policy(0, &policy(seed))
}

fn rows() -> Vec<PolicyRow> {
    let direct = policy(json!({
        "id": "direct", "displayName": "Admin-only direct assignment", "description": "Helpdesk assigns",
        "allowedTargetScope": "notSpecified", "createdDateTime": "2025-03-01T00:00:00Z",
        "accessPackage": {"id": "p2", "displayName": "Contractor Starter Kit", "catalog": {"displayName": "General"}},
        "requestApprovalSettings": {"isApprovalRequiredForAdd": false, "stages": []}
    }));
    let auto = policy(json!({
        "id": "auto", "displayName": "Sales department (automatic)",
        "allowedTargetScope": "specificDirectoryUsers",
        "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.attributeRuleMembers", "membershipRule": "(user.department -eq \"Sales\")"}],
        "automaticRequestSettings": {"requestAccessForAllowedTargets": true},
        "createdDateTime": "2025-06-01T00:00:00Z",
        "accessPackage": {"id": "p3", "displayName": "Sales Team Essentials", "catalog": {"displayName": "Sales and Marketing"}}
    }));
    vec![
        seed_row(),
        PolicyRow::from_policy(1, &direct),
        PolicyRow::from_policy(2, &auto),
    ]
}

fn keys(rows: &[PolicyRow], shown: Vec<usize>) -> Vec<&str> {
    shown.into_iter().map(|i| rows[i].key.as_str()).collect()
}

#[test]
fn seed_row_is_named_and_in_plain_words() {
    let row = seed_row();
    assert_eq!(row.name, "policy for external access requests");
    assert_eq!(row.package, "External Partner Workspace");
    assert_eq!(row.catalog, "Partner Collaboration");
    assert_eq!(row.audience, Audience::ConnectedOrganizations);
    assert_eq!(row.who, "Users from any connected organization");
    assert_eq!(row.approval_stages, 2);
    assert_eq!(row.approval, "2 stages");
    assert_eq!(row.expiration, "Never expires");
    assert!(row.review);
}

#[test]
fn a_policy_without_expanded_package_shows_its_id_not_nothing() {
    let row = PolicyRow::from_policy(
        7,
        &policy(json!({"displayName": "x", "accessPackage": {"id": "p-123"}})),
    );
    assert_eq!(row.package, "p-123");
    assert_eq!(row.key, "row-7");
}

#[test]
fn search_matches_every_word_in_name_description_or_package() {
    let rows = rows();
    let view = ListView {
        search: "helpdesk KIT".into(),
        ..Default::default()
    };
    assert_eq!(keys(&rows, view.apply(&rows)), vec!["direct"]);
    let none = ListView {
        search: "helpdesk sales".into(),
        ..Default::default()
    };
    assert!(none.apply(&rows).is_empty());
}

#[test]
fn filters_combine() {
    let rows = rows();
    let approval = ListView {
        needs_approval: Some(true),
        ..Default::default()
    };
    assert_eq!(keys(&rows, approval.apply(&rows)), vec!["seed"]);
    let automatic = ListView {
        audience: Some(Audience::Automatic),
        has_review: Some(false),
        ..Default::default()
    };
    assert_eq!(keys(&rows, automatic.apply(&rows)), vec!["auto"]);
    let catalog = ListView {
        catalog: Some("General".into()),
        ..Default::default()
    };
    assert_eq!(keys(&rows, catalog.apply(&rows)), vec!["direct"]);
    let package = ListView {
        package: Some("a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b".into()),
        ..Default::default()
    };
    assert_eq!(keys(&rows, package.apply(&rows)), vec!["seed"]);
}

#[test]
fn sorts_by_any_column_both_ways() {
    let rows = rows();
    let by_name = ListView::default();
    assert_eq!(
        keys(&rows, by_name.apply(&rows)),
        vec!["direct", "seed", "auto"]
    );
    let newest_first = ListView {
        sort: SortColumn::Created,
        descending: true,
        ..Default::default()
    };
    assert_eq!(
        keys(&rows, newest_first.apply(&rows)),
        vec!["seed", "auto", "direct"]
    );
    let by_approval = ListView {
        sort: SortColumn::Approval,
        ..Default::default()
    };
    // Ties keep load order.
    assert_eq!(
        keys(&rows, by_approval.apply(&rows)),
        vec!["direct", "auto", "seed"]
    );
}

#[test]
fn url_round_trip_keeps_the_whole_view() {
    let view = ListView {
        search: "partner access".into(),
        catalog: Some("Partner Collaboration".into()),
        package: Some("p1".into()),
        audience: Some(Audience::ConnectedOrganizations),
        needs_approval: Some(true),
        has_review: Some(false),
        sort: SortColumn::Modified,
        descending: true,
    };
    let pairs = view.to_query_pairs();
    let back = ListView::from_query_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
    assert_eq!(back, view);
    assert!(ListView::default().to_query_pairs().is_empty());
}

#[test]
fn malformed_url_values_are_ignored() {
    let view = ListView::from_query_pairs([
        ("who", "martians"),
        ("approval", "maybe"),
        ("sort", "colour"),
        ("q", "  "),
        ("utm", "x"),
    ]);
    assert_eq!(view, ListView::default());
}
