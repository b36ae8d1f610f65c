//! Finding members, enum values and kinds the model does not recognise.

use policy_model::{AccessPackageAssignmentPolicy, FindUnknown, UnknownKind, UnknownPart};
use serde_json::json;

#[test]
fn reports_beta_members_unknown_values_and_kinds() {
    let policy: AccessPackageAssignmentPolicy = serde_json::from_value(json!({
        "@odata.context": "ignored annotation",
        "displayName": "x",
        "canExtend": true,
        "allowedTargetScope": "allMartians",
        "requestApprovalSettings": {
            "isApprovalRequiredForAdd": true,
            "stages": [{
                "approverInformationVisibility": "sometimes",
                "primaryApprovers": [{"@odata.type": "#microsoft.graph.futureApprover"}, {"userId": "u"}],
                "fallbackPrimaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "u", "isBackup": true}]
            }]
        }
    }))
    .unwrap();
    let parts = policy.unknown_parts();
    let expected = vec![
        UnknownPart {
            path: "canExtend".into(),
            what: UnknownKind::Member,
        },
        UnknownPart {
            path: "allowedTargetScope".into(),
            what: UnknownKind::EnumValue("allMartians".into()),
        },
        UnknownPart {
            path: "requestApprovalSettings.stages[0].approverInformationVisibility".into(),
            what: UnknownKind::EnumValue("sometimes".into()),
        },
        UnknownPart {
            path: "requestApprovalSettings.stages[0].fallbackPrimaryApprovers[0].isBackup".into(),
            what: UnknownKind::Member,
        },
        UnknownPart {
            path: "requestApprovalSettings.stages[0].primaryApprovers[0]".into(),
            what: UnknownKind::Kind(Some("#microsoft.graph.futureApprover".into())),
        },
        UnknownPart {
            path: "requestApprovalSettings.stages[0].primaryApprovers[1]".into(),
            what: UnknownKind::Kind(None),
        },
    ];
    let mut sorted = parts.clone();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut expected_sorted = expected;
    expected_sorted.sort_by(|a, b| a.path.cmp(&b.path));
    assert_eq!(sorted, expected_sorted);
}

#[test]
fn seed_has_nothing_unknown() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/graph/seed-request.json");
    let policy: AccessPackageAssignmentPolicy =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(policy.unknown_parts(), vec![]);
}
