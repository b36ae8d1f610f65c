//! Every list of subject sets in a policy, with its JSON path and role, so
//! rules about "who" are written once.

use crate::{AccessPackageAssignmentPolicy, SubjectSet};

/// What a list of subject sets is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubjectListRole {
    AllowedTargets,
    OnBehalfRequestors,
    PrimaryApprovers,
    FallbackPrimaryApprovers,
    EscalationApprovers,
    FallbackEscalationApprovers,
    PrimaryReviewers,
    FallbackReviewers,
}

impl SubjectListRole {
    /// Approver or reviewer lists (where sponsors and the manager may appear).
    pub fn is_decider(self) -> bool {
        !matches!(
            self,
            SubjectListRole::AllowedTargets | SubjectListRole::OnBehalfRequestors
        )
    }
}

/// One list: its path, role and items.
pub(crate) struct SubjectList<'a> {
    pub path: String,
    pub role: SubjectListRole,
    pub items: &'a [SubjectSet],
}

pub(crate) fn subject_lists(policy: &AccessPackageAssignmentPolicy) -> Vec<SubjectList<'_>> {
    let mut lists = vec![SubjectList {
        path: "specificAllowedTargets".into(),
        role: SubjectListRole::AllowedTargets,
        items: policy.specific_allowed_targets.items(),
    }];
    if let Some(requestor) = policy.requestor_settings.as_option() {
        lists.push(SubjectList {
            path: "requestorSettings.onBehalfRequestors".into(),
            role: SubjectListRole::OnBehalfRequestors,
            items: requestor.on_behalf_requestors.items(),
        });
    }
    if let Some(approval) = policy.request_approval_settings.as_option() {
        for (index, stage) in approval.stages.items().iter().enumerate() {
            let stage_path = format!("requestApprovalSettings.stages[{index}]");
            for (member, role, items) in [
                (
                    "primaryApprovers",
                    SubjectListRole::PrimaryApprovers,
                    stage.primary_approvers.items(),
                ),
                (
                    "fallbackPrimaryApprovers",
                    SubjectListRole::FallbackPrimaryApprovers,
                    stage.fallback_primary_approvers.items(),
                ),
                (
                    "escalationApprovers",
                    SubjectListRole::EscalationApprovers,
                    stage.escalation_approvers.items(),
                ),
                (
                    "fallbackEscalationApprovers",
                    SubjectListRole::FallbackEscalationApprovers,
                    stage.fallback_escalation_approvers.items(),
                ),
            ] {
                lists.push(SubjectList {
                    path: format!("{stage_path}.{member}"),
                    role,
                    items,
                });
            }
        }
    }
    if let Some(review) = policy.review_settings.as_option() {
        lists.push(SubjectList {
            path: "reviewSettings.primaryReviewers".into(),
            role: SubjectListRole::PrimaryReviewers,
            items: review.primary_reviewers.items(),
        });
        lists.push(SubjectList {
            path: "reviewSettings.fallbackReviewers".into(),
            role: SubjectListRole::FallbackReviewers,
            items: review.fallback_reviewers.items(),
        });
    }
    lists
}
