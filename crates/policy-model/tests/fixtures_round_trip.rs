//! Every JSON body under ../shared/graph parses and serializes back with no
//! difference.

use policy_model::AccessPackageAssignmentPolicy;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn shared_graph_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/graph")
}

fn policy_bodies() -> Vec<PathBuf> {
    let dir = shared_graph_dir();
    let mut files = vec![dir.join("seed-request.json")];
    let examples =
        std::fs::read_dir(dir.join("examples")).expect("shared/graph/examples is readable");
    for entry in examples {
        let path = entry.expect("directory entry").path();
        if path
            .extension()
            .is_some_and(|extension| extension == "json")
        {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[test]
fn every_shared_body_round_trips_unchanged() {
    let files = policy_bodies();
    assert!(
        files.len() >= 4,
        "expected the seed and the examples, found {files:?}"
    );
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let original: Value = serde_json::from_str(&text).unwrap();
        let policy: AccessPackageAssignmentPolicy = serde_json::from_str(&text)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let written = serde_json::to_value(&policy).unwrap();
        assert_eq!(
            written,
            original,
            "{} changed on the way back out",
            path.display()
        );
    }
}

#[test]
fn seed_is_read_into_typed_members() {
    let text = std::fs::read_to_string(shared_graph_dir().join("seed-request.json")).unwrap();
    let policy: AccessPackageAssignmentPolicy = serde_json::from_str(&text).unwrap();
    assert_eq!(
        policy.display_name(),
        Some("policy for external access requests")
    );
    assert_eq!(
        policy.access_package_id(),
        Some("a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b")
    );
    let stages = policy
        .request_approval_settings
        .as_option()
        .unwrap()
        .stages
        .items();
    assert_eq!(stages.len(), 2);
    assert!(matches!(
        stages[0].primary_approvers.items()[0],
        policy_model::SubjectSet::InternalSponsors(_)
    ));
    assert!(
        policy.extra.is_empty(),
        "unexpected unknown members {:?}",
        policy.extra
    );
    assert!(stages.iter().all(|stage| stage.extra.is_empty()));
}

#[test]
fn read_only_members_survive_a_read() {
    let text =
        std::fs::read_to_string(shared_graph_dir().join("examples/get-policy.response.json"))
            .unwrap();
    let policy: AccessPackageAssignmentPolicy = serde_json::from_str(&text).unwrap();
    assert_eq!(policy.id(), Some("87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187"));
    assert_eq!(policy.created_date_time(), Some("2020-12-18T20:18:02.587Z"));
    assert_eq!(policy.modified_date_time(), Some("2020-12-18T20:18:02.65Z"));
}
