//! Plain-English summaries of a policy for lists and review screens.

use crate::{AccessPackageAssignmentPolicy, AllowedTargetScope, ExpirationPatternType, SubjectSet};

/// Who can request (or is given) access through the policy, e.g.
/// "All members (excluding guests)" or "2 specific users and 1 group".
pub fn who_can_request(policy: &AccessPackageAssignmentPolicy) -> String {
    let Some(scope) = policy.allowed_target_scope() else {
        return "Not set (no allowed target scope)".to_owned();
    };
    let targets = policy.specific_allowed_targets();
    let has_rule = targets
        .iter()
        .any(|target| matches!(target, SubjectSet::AttributeRuleMembers(_)));
    if policy.is_auto_assignment() || has_rule {
        return "Automatically assigned: users matching a rule".to_owned();
    }
    match scope {
        AllowedTargetScope::NotSpecified => "No one (administrator direct assignments only)".to_owned(),
        AllowedTargetScope::SpecificDirectoryUsers => specific_users_and_groups(targets),
        AllowedTargetScope::SpecificConnectedOrganizationUsers => {
            let count = count(targets, |target| {
                matches!(target, SubjectSet::ConnectedOrganizationMembers(_))
            });
            format!("Members of {}", plural(count, "connected organization", "connected organizations"))
        }
        AllowedTargetScope::SpecificDirectoryServicePrincipals => {
            let count = count(targets, |target| matches!(target, SubjectSet::SingleServicePrincipal(_)));
            plural(count, "specific service principal", "specific service principals")
        }
        AllowedTargetScope::AllMemberUsers => "All members (excluding guests)".to_owned(),
        AllowedTargetScope::AllDirectoryUsers => "All users including guests".to_owned(),
        AllowedTargetScope::AllDirectoryServicePrincipals => "All service principals".to_owned(),
        AllowedTargetScope::AllConfiguredConnectedOrganizationUsers => {
            "Users from any connected organization".to_owned()
        }
        AllowedTargetScope::AllExternalUsers => {
            "All external users (any connected organization, and new external organizations)".to_owned()
        }
        AllowedTargetScope::AllDirectoryAgentIdentities => "All agent identities".to_owned(),
        AllowedTargetScope::UnknownFutureValue => {
            "Unrecognised scope (unknownFutureValue); check it in the Microsoft Entra admin center".to_owned()
        }
        AllowedTargetScope::Unknown(value) => format!(
            "Unrecognised scope \"{value}\"; check it in the Microsoft Entra admin center (it is kept unchanged)"
        ),
    }
}

/// Whether requests need approval, e.g. "No approval needed" or "2 approval stages".
pub fn approval(policy: &AccessPackageAssignmentPolicy) -> String {
    if policy.is_auto_assignment() {
        return "Assigned automatically (no requests)".to_owned();
    }
    if !policy.is_approval_required() {
        return "No approval needed".to_owned();
    }
    let stages = policy
        .request_approval_settings
        .as_option()
        .map_or(0, |settings| settings.stages.items().len());
    plural(stages, "approval stage", "approval stages")
}

/// When assignments end, e.g. "Never expires", "After 365 days", "On 2026-12-31".
pub fn expiration(policy: &AccessPackageAssignmentPolicy) -> String {
    let Some(expiration) = policy.expiration.as_option() else {
        return "Not specified".to_owned();
    };
    match expiration.kind.as_option() {
        None | Some(ExpirationPatternType::NotSpecified) => "Not specified".to_owned(),
        Some(ExpirationPatternType::NoExpiration) => "Never expires".to_owned(),
        Some(ExpirationPatternType::AfterDuration) => match expiration.duration.as_option() {
            Some(duration) => match duration.to_std() {
                Ok(length) if length.as_secs() % 86_400 == 0 && length.as_secs() > 0 => {
                    format!(
                        "After {}",
                        plural((length.as_secs() / 86_400) as usize, "day", "days")
                    )
                }
                Ok(length) if length.as_secs() % 3_600 == 0 && length.as_secs() > 0 => {
                    format!(
                        "After {}",
                        plural((length.as_secs() / 3_600) as usize, "hour", "hours")
                    )
                }
                _ => format!("After {duration}"),
            },
            None => "After a duration (not set)".to_owned(),
        },
        Some(ExpirationPatternType::AfterDateTime) => match expiration.end_date_time.as_deref() {
            Some(end) => format!("On {}", end.get(..10).unwrap_or(end)),
            None => "On a date (not set)".to_owned(),
        },
        Some(ExpirationPatternType::Unknown(kind)) => format!("Unrecognised expiration \"{kind}\""),
    }
}

fn specific_users_and_groups(targets: &[SubjectSet]) -> String {
    let users = count(targets, |target| {
        matches!(target, SubjectSet::SingleUser(_))
    });
    let groups = count(targets, |target| {
        matches!(target, SubjectSet::GroupMembers(_))
    });
    match (users, groups) {
        (0, 0) => "Specific users and groups (none chosen yet)".to_owned(),
        (users, 0) => plural(users, "specific user", "specific users"),
        (0, groups) => plural(groups, "specific group", "specific groups"),
        (users, groups) => format!(
            "{} and {}",
            plural(users, "specific user", "specific users"),
            plural(groups, "group", "groups")
        ),
    }
}

fn count(targets: &[SubjectSet], kind: impl Fn(&SubjectSet) -> bool) -> usize {
    targets.iter().filter(|target| kind(target)).count()
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AccessPackageAutomaticRequestSettings, Nullable};

    fn policy(scope: &str, targets: Vec<SubjectSet>) -> AccessPackageAssignmentPolicy {
        AccessPackageAssignmentPolicy {
            allowed_target_scope: Nullable::Value(AllowedTargetScope::from_wire(scope)),
            specific_allowed_targets: Nullable::Value(targets),
            ..Default::default()
        }
    }

    #[test]
    fn describes_every_scope() {
        let cases = [
            (
                "notSpecified",
                "No one (administrator direct assignments only)",
            ),
            ("allMemberUsers", "All members (excluding guests)"),
            ("allDirectoryUsers", "All users including guests"),
            ("allDirectoryServicePrincipals", "All service principals"),
            (
                "allConfiguredConnectedOrganizationUsers",
                "Users from any connected organization",
            ),
            ("allDirectoryAgentIdentities", "All agent identities"),
        ];
        for (scope, expected) in cases {
            assert_eq!(who_can_request(&policy(scope, vec![])), expected, "{scope}");
        }
        assert!(
            who_can_request(&policy("allExternalUsers", vec![])).starts_with("All external users")
        );
        assert!(who_can_request(&policy("allPlanets", vec![])).contains("\"allPlanets\""));
        assert!(who_can_request(&policy("unknownFutureValue", vec![])).starts_with("Unrecognised"));
        assert!(who_can_request(&AccessPackageAssignmentPolicy::default()).starts_with("Not set"));
    }

    #[test]
    fn counts_specific_targets() {
        let users_and_group = policy(
            "specificDirectoryUsers",
            vec![
                SubjectSet::single_user("u1"),
                SubjectSet::single_user("u2"),
                SubjectSet::group_members("g1"),
            ],
        );
        assert_eq!(
            who_can_request(&users_and_group),
            "2 specific users and 1 group"
        );
        let organizations = policy(
            "specificConnectedOrganizationUsers",
            vec![
                SubjectSet::connected_organization_members("o1"),
                SubjectSet::connected_organization_members("o2"),
            ],
        );
        assert_eq!(
            who_can_request(&organizations),
            "Members of 2 connected organizations"
        );
        let one_user = policy(
            "specificDirectoryUsers",
            vec![SubjectSet::single_user("u1")],
        );
        assert_eq!(who_can_request(&one_user), "1 specific user");
    }

    #[test]
    fn describes_approval_and_expiration() {
        let seed: AccessPackageAssignmentPolicy = serde_json::from_value(serde_json::json!({
            "requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{}, {}]},
            "expiration": {"type": "noExpiration"}
        }))
        .unwrap();
        assert_eq!(approval(&seed), "2 approval stages");
        assert_eq!(expiration(&seed), "Never expires");
        let mut other = seed.clone();
        other.request_approval_settings = Nullable::Null;
        other.expiration =
            Nullable::Value(crate::ExpirationPattern::after_duration("P365D".into()));
        assert_eq!(approval(&other), "No approval needed");
        assert_eq!(expiration(&other), "After 365 days");
        other.expiration = Nullable::Value(crate::ExpirationPattern::after_duration("PT4H".into()));
        assert_eq!(expiration(&other), "After 4 hours");
        other.expiration = Nullable::Value(crate::ExpirationPattern::after_date_time(
            "2026-12-31T23:59:59Z",
        ));
        assert_eq!(expiration(&other), "On 2026-12-31");
        assert_eq!(
            expiration(&AccessPackageAssignmentPolicy::default()),
            "Not specified"
        );
    }

    #[test]
    fn auto_assignment_is_described_by_rule() {
        let mut auto = policy(
            "specificDirectoryUsers",
            vec![SubjectSet::attribute_rule_members(
                "(user.department -eq \"Sales\")",
            )],
        );
        auto.automatic_request_settings =
            Nullable::Value(AccessPackageAutomaticRequestSettings::default());
        assert_eq!(
            who_can_request(&auto),
            "Automatically assigned: users matching a rule"
        );
    }
}
