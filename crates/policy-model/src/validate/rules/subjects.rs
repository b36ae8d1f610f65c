//! Rules about individual approvers, reviewers and requestors: manager
//! levels, sponsors only for connected organizations, relatives that the
//! requestors in scope have, and fallbacks for approvers who may not exist
//! for a given requestor.

use super::kind_name;
use crate::validate::subject_lists::{subject_lists, SubjectList, SubjectListRole};
use crate::validate::{Rule, ValidationReport};
use crate::{AccessPackageAssignmentPolicy, AllowedTargetScope, SubjectSet};

/// Who requests, as far as relatives (managers, sponsors, owners) are concerned.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Requestors {
    Users,
    ServicePrincipals,
    AgentIdentities,
}

impl Requestors {
    /// `None` when nobody requests (direct assignment) or the scope is unknown.
    fn of(scope: &AllowedTargetScope) -> Option<Self> {
        use AllowedTargetScope::*;
        match scope {
            SpecificDirectoryUsers
            | AllMemberUsers
            | AllDirectoryUsers
            | SpecificConnectedOrganizationUsers
            | AllConfiguredConnectedOrganizationUsers
            | AllExternalUsers => Some(Self::Users),
            SpecificDirectoryServicePrincipals | AllDirectoryServicePrincipals => {
                Some(Self::ServicePrincipals)
            }
            AllDirectoryAgentIdentities => Some(Self::AgentIdentities),
            _ => None,
        }
    }

    fn plural(self) -> &'static str {
        match self {
            Self::Users => "users",
            Self::ServicePrincipals => "service principals",
            Self::AgentIdentities => "agent identities",
        }
    }
}

pub(crate) fn check(policy: &AccessPackageAssignmentPolicy, report: &mut ValidationReport) {
    let lists = subject_lists(policy);
    let connected_scope = policy
        .allowed_target_scope()
        .filter(|scope| {
            !scope.is_unknown() && **scope != crate::AllowedTargetScope::UnknownFutureValue
        })
        .map(|scope| scope.is_connected_organization_scope());
    let requestors = policy.allowed_target_scope().and_then(Requestors::of);
    for list in &lists {
        for (index, subject) in list.items.iter().enumerate() {
            let path = format!("{}[{index}]", list.path);
            check_manager_level(subject, &path, report);
            if let Some(requestors) = requestors {
                check_fits_requestors(subject, requestors, &path, report);
            }
            let is_sponsor = matches!(
                subject,
                SubjectSet::InternalSponsors(_) | SubjectSet::ExternalSponsors(_)
            );
            if is_sponsor && list.role.is_decider() && connected_scope == Some(false) {
                report.error(
                    Rule::SponsorsNeedConnectedOrganizationScope,
                    path,
                    format!(
                        "{} only exist for users from connected organizations; choose a connected-organization scope, or use specific approvers instead.",
                        capitalise(kind_name(subject))
                    ),
                );
            }
        }
    }
    check_fallbacks(&lists, report);
}

// Managers and a user's sponsors exist for users only; application owners for service
// principals, and an agent's sponsors or owners for agent identities. Graph documents each kind
// for its requestors but not what it does with the others, so this is a warning.
fn check_fits_requestors(
    subject: &SubjectSet,
    requestors: Requestors,
    path: &str,
    report: &mut ValidationReport,
) {
    let belongs_to = match subject {
        SubjectSet::RequestorManager(_)
        | SubjectSet::TargetManager(_)
        | SubjectSet::TargetUserSponsors(_) => Requestors::Users,
        SubjectSet::TargetApplicationOwners(_) => Requestors::ServicePrincipals,
        SubjectSet::TargetAgentIdentitySponsorsOrOwners(_) => Requestors::AgentIdentities,
        _ => return,
    };
    if belongs_to != requestors {
        report.warning(
            Rule::SubjectDoesNotFitRequestors,
            path.to_owned(),
            format!(
                "This policy is for {}, and the {} applies only to {}: it would find no one. Remove it, or name people instead.",
                requestors.plural(),
                kind_name(subject),
                belongs_to.plural()
            ),
        );
    }
}

fn check_manager_level(subject: &SubjectSet, path: &str, report: &mut ValidationReport) {
    let Some((levels, Some(level))) = subject.manager_level() else {
        return;
    };
    if !levels.contains(&level) {
        report.error(
            Rule::ManagerLevelRange,
            format!("{path}.managerLevel"),
            format!(
                "The {} level must be between 1 (direct manager) and {}; it is {level}.",
                kind_name(subject),
                levels.end()
            ),
        );
    }
}

// Pairs each list that may contain a relative approver with the list that
// must then hold someone concrete (a user or group).
fn check_fallbacks(lists: &[SubjectList<'_>], report: &mut ValidationReport) {
    use SubjectListRole::*;
    for list in lists {
        let fallback_role = match list.role {
            PrimaryApprovers => FallbackPrimaryApprovers,
            EscalationApprovers => FallbackEscalationApprovers,
            PrimaryReviewers => FallbackReviewers,
            _ => continue,
        };
        let Some(relative) = list.items.iter().find(|subject| subject.needs_fallback()) else {
            continue;
        };
        let fallback_path = sibling_path(&list.path, fallback_member(fallback_role));
        // Unknown kinds count as concrete: the model cannot judge them.
        let has_concrete_fallback = lists
            .iter()
            .find(|other| other.role == fallback_role && other.path == fallback_path)
            .is_some_and(|fallback| {
                fallback
                    .items
                    .iter()
                    .any(|subject| !subject.needs_fallback())
            });
        if !has_concrete_fallback {
            report.error(
                Rule::FallbackApproverRequired,
                fallback_path,
                format!(
                    "Add a fallback user or group: the {} may not exist for every requestor, and the request would then have no one to decide it.",
                    kind_name(relative)
                ),
            );
        }
    }
}

fn fallback_member(role: SubjectListRole) -> &'static str {
    match role {
        SubjectListRole::FallbackPrimaryApprovers => "fallbackPrimaryApprovers",
        SubjectListRole::FallbackEscalationApprovers => "fallbackEscalationApprovers",
        _ => "fallbackReviewers",
    }
}

fn sibling_path(path: &str, member: &str) -> String {
    match path.rsplit_once('.') {
        Some((parent, _)) => format!("{parent}.{member}"),
        None => member.to_owned(),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
