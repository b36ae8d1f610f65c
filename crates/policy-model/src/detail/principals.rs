//! Every directory object a policy refers to by id: allowed targets,
//! on-behalf requestors, approvers of every stage and reviewers.

use crate::{AccessPackageAssignmentPolicy, SubjectSet};

/// What kind of object an id names, which decides how it is resolved:
/// users, groups and service principals through `directoryObjects/getByIds`,
/// connected organizations through entitlement management.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PrincipalKind {
    User,
    Group,
    ServicePrincipal,
    ConnectedOrganization,
}

impl PrincipalKind {
    /// Lower-case noun, e.g. "service principal".
    pub fn noun(self) -> &'static str {
        match self {
            PrincipalKind::User => "user",
            PrincipalKind::Group => "group",
            PrincipalKind::ServicePrincipal => "service principal",
            PrincipalKind::ConnectedOrganization => "connected organization",
        }
    }

    /// The `types` value of `directoryObjects/getByIds`; `None` for
    /// connected organizations, which are not directory objects.
    pub fn directory_type(self) -> Option<&'static str> {
        match self {
            PrincipalKind::User => Some("user"),
            PrincipalKind::Group => Some("group"),
            PrincipalKind::ServicePrincipal => Some("servicePrincipal"),
            PrincipalKind::ConnectedOrganization => None,
        }
    }
}

/// One object id and what it is.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PrincipalRef {
    pub kind: PrincipalKind,
    pub id: String,
}

/// Where in the policy a subject appears.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrincipalRole {
    AllowedTarget,
    OnBehalfRequestor,
    PrimaryApprover { stage: usize },
    FallbackPrimaryApprover { stage: usize },
    EscalationApprover { stage: usize },
    FallbackEscalationApprover { stage: usize },
    PrimaryReviewer,
    FallbackReviewer,
}

impl PrincipalRef {
    /// The id-bearing principal of a subject set, if it names one.
    pub fn of_subject(subject: &SubjectSet) -> Option<PrincipalRef> {
        let (kind, id) = match subject {
            SubjectSet::SingleUser(s) => (PrincipalKind::User, s.user_id.as_deref()),
            SubjectSet::GroupMembers(s) => (PrincipalKind::Group, s.group_id.as_deref()),
            SubjectSet::SingleServicePrincipal(s) => (
                PrincipalKind::ServicePrincipal,
                s.service_principal_id.as_deref(),
            ),
            SubjectSet::ConnectedOrganizationMembers(s) => (
                PrincipalKind::ConnectedOrganization,
                s.connected_organization_id.as_deref(),
            ),
            _ => return None,
        };
        let id = id?.trim();
        (!id.is_empty()).then(|| PrincipalRef {
            kind,
            id: id.to_owned(),
        })
    }
}

/// Every subject of the policy with where it appears, in page order
/// (targets, on-behalf requestors, stages, reviewers).
pub fn subjects_by_role(
    policy: &AccessPackageAssignmentPolicy,
) -> Vec<(PrincipalRole, &SubjectSet)> {
    let mut found: Vec<(PrincipalRole, &SubjectSet)> = Vec::new();
    fn add<'a>(
        found: &mut Vec<(PrincipalRole, &'a SubjectSet)>,
        role: PrincipalRole,
        subjects: &'a [SubjectSet],
    ) {
        found.extend(subjects.iter().map(|s| (role, s)));
    }
    add(
        &mut found,
        PrincipalRole::AllowedTarget,
        policy.specific_allowed_targets(),
    );
    if let Some(requestors) = policy.requestor_settings.as_option() {
        add(
            &mut found,
            PrincipalRole::OnBehalfRequestor,
            requestors.on_behalf_requestors.items(),
        );
    }
    if let Some(approval) = policy.request_approval_settings.as_option() {
        for (index, stage) in approval.stages.items().iter().enumerate() {
            let n = index + 1;
            add(
                &mut found,
                PrincipalRole::PrimaryApprover { stage: n },
                stage.primary_approvers.items(),
            );
            add(
                &mut found,
                PrincipalRole::FallbackPrimaryApprover { stage: n },
                stage.fallback_primary_approvers.items(),
            );
            add(
                &mut found,
                PrincipalRole::EscalationApprover { stage: n },
                stage.escalation_approvers.items(),
            );
            add(
                &mut found,
                PrincipalRole::FallbackEscalationApprover { stage: n },
                stage.fallback_escalation_approvers.items(),
            );
        }
    }
    if let Some(review) = policy.review_settings.as_option() {
        add(
            &mut found,
            PrincipalRole::PrimaryReviewer,
            review.primary_reviewers.items(),
        );
        add(
            &mut found,
            PrincipalRole::FallbackReviewer,
            review.fallback_reviewers.items(),
        );
    }
    found
}

/// Every user, group, service principal and connected organization the
/// policy names, each once, in the order they first appear.
pub fn referenced_principals(policy: &AccessPackageAssignmentPolicy) -> Vec<PrincipalRef> {
    let mut seen = std::collections::HashSet::new();
    subjects_by_role(policy)
        .into_iter()
        .filter_map(|(_, subject)| PrincipalRef::of_subject(subject))
        .filter(|principal| seen.insert(principal.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn collects_every_role_once_in_order() {
        let policy: AccessPackageAssignmentPolicy = serde_json::from_value(json!({
            "specificAllowedTargets": [
                {"@odata.type": "#microsoft.graph.connectedOrganizationMembers", "connectedOrganizationId": "org1"},
                {"@odata.type": "#microsoft.graph.singleServicePrincipal", "servicePrincipalId": "sp1"}
            ],
            "requestorSettings": {"onBehalfRequestors": [
                {"@odata.type": "#microsoft.graph.singleUser", "userId": "u0"}
            ]},
            "requestApprovalSettings": {"stages": [{
                "primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}],
                "fallbackPrimaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "u1"}],
                "escalationApprovers": [{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "g1"}],
                "fallbackEscalationApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "u1"}]
            }]},
            "reviewSettings": {
                "primaryReviewers": [{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "g1"}],
                "fallbackReviewers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": " "}]
            }
        }))
        .unwrap();
        let ids: Vec<(PrincipalKind, String)> = referenced_principals(&policy)
            .into_iter()
            .map(|p| (p.kind, p.id))
            .collect();
        let expected = [
            (PrincipalKind::ConnectedOrganization, "org1"),
            (PrincipalKind::ServicePrincipal, "sp1"),
            (PrincipalKind::User, "u0"),
            (PrincipalKind::User, "u1"),
            (PrincipalKind::Group, "g1"),
        ]
        .map(|(kind, id)| (kind, id.to_owned()));
        assert_eq!(ids, expected);
        let roles = subjects_by_role(&policy);
        assert_eq!(roles.len(), 9);
        assert_eq!(roles[3].0, PrincipalRole::PrimaryApprover { stage: 1 });
    }

    #[test]
    fn seed_names_two_users_and_one_group() {
        let policy = crate::detail::summary::tests::seed();
        let principals = referenced_principals(&policy);
        assert_eq!(principals.len(), 3, "{principals:?}");
        assert_eq!(
            principals
                .iter()
                .filter(|p| p.kind == PrincipalKind::Group)
                .count(),
            1
        );
    }
}
