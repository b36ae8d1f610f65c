//! Who can be assigned: targets that fit the scope, service limits, and
//! attribute rules only in auto-assignment policies.

use super::kind_name;
use crate::validate::subject_lists::{subject_lists, SubjectListRole};
use crate::validate::{Rule, ValidationReport};
use crate::{AccessPackageAssignmentPolicy, AllowedTargetScope, SubjectSet};

/// "Combined number of users and groups explicitly referenced in a single
/// policy: 500" (governance service limits).
pub const MAX_USERS_AND_GROUPS: usize = 500;
/// "Connected Organizations referenced in a single policy: 1,000".
pub const MAX_CONNECTED_ORGANIZATIONS: usize = 1_000;

pub(crate) fn check(policy: &AccessPackageAssignmentPolicy, report: &mut ValidationReport) {
    let targets = policy.specific_allowed_targets();
    if let Some(scope) = policy.allowed_target_scope() {
        check_targets_fit_scope(scope, targets, report);
    }
    check_limits(targets, report);
    check_attribute_rules(policy, report);
}

fn check_targets_fit_scope(
    scope: &AllowedTargetScope,
    targets: &[SubjectSet],
    report: &mut ValidationReport,
) {
    let fits: fn(&SubjectSet) -> bool = match scope {
        AllowedTargetScope::SpecificDirectoryUsers => |target| {
            matches!(
                target,
                SubjectSet::SingleUser(_)
                    | SubjectSet::GroupMembers(_)
                    | SubjectSet::AttributeRuleMembers(_)
            )
        },
        AllowedTargetScope::SpecificConnectedOrganizationUsers => {
            |target| matches!(target, SubjectSet::ConnectedOrganizationMembers(_))
        }
        AllowedTargetScope::SpecificDirectoryServicePrincipals => {
            |target| matches!(target, SubjectSet::SingleServicePrincipal(_))
        }
        AllowedTargetScope::Unknown(_) | AllowedTargetScope::UnknownFutureValue => return,
        _ => {
            if !targets.is_empty() {
                report.error(
                    Rule::TargetsMatchScope,
                    "specificAllowedTargets",
                    format!("With allowedTargetScope \"{scope}\" no specific targets are used; remove them, or choose a \"specific…\" scope."),
                );
            }
            return;
        }
    };
    let wanted = match scope {
        AllowedTargetScope::SpecificDirectoryUsers => "users or groups",
        AllowedTargetScope::SpecificConnectedOrganizationUsers => "connected organizations",
        _ => "service principals",
    };
    if !targets.iter().any(fits) {
        report.error(
            Rule::TargetsMatchScope,
            "specificAllowedTargets",
            format!("Add at least one of the {wanted} who can request access (allowedTargetScope is \"{scope}\")."),
        );
    }
    for (index, target) in targets.iter().enumerate() {
        if !fits(target) && !matches!(target, SubjectSet::Unknown(_)) {
            report.error(
                Rule::TargetsMatchScope,
                format!("specificAllowedTargets[{index}]"),
                format!(
                    "A {} cannot be a target when allowedTargetScope is \"{scope}\"; use {wanted}, or remove it.",
                    kind_name(target)
                ),
            );
        }
    }
}

fn check_limits(targets: &[SubjectSet], report: &mut ValidationReport) {
    let users_and_groups = targets
        .iter()
        .filter(|target| target.is_user_or_group())
        .count();
    if users_and_groups > MAX_USERS_AND_GROUPS {
        report.error(
            Rule::SubjectLimit,
            "specificAllowedTargets",
            format!("A policy can name at most {MAX_USERS_AND_GROUPS} users and groups; this one names {users_and_groups}. Use groups instead of individual users, or split the policy."),
        );
    }
    let organizations = targets
        .iter()
        .filter(|target| matches!(target, SubjectSet::ConnectedOrganizationMembers(_)))
        .count();
    if organizations > MAX_CONNECTED_ORGANIZATIONS {
        report.error(
            Rule::SubjectLimit,
            "specificAllowedTargets",
            format!("A policy can name at most {MAX_CONNECTED_ORGANIZATIONS} connected organizations; this one names {organizations}. Use \"All configured connected organizations\", or split the policy."),
        );
    }
}

fn check_attribute_rules(policy: &AccessPackageAssignmentPolicy, report: &mut ValidationReport) {
    let is_auto = policy.is_auto_assignment();
    for list in subject_lists(policy) {
        for (index, subject) in list.items.iter().enumerate() {
            if !matches!(subject, SubjectSet::AttributeRuleMembers(_)) {
                continue;
            }
            let path = format!("{}[{index}]", list.path);
            if list.role != SubjectListRole::AllowedTargets {
                report.error(
                    Rule::AttributeRuleOnlyInAutoAssignment,
                    path,
                    "An attribute rule can only say who is assigned automatically (specificAllowedTargets); choose users, groups or managers here instead.",
                );
            } else if !is_auto {
                report.error(
                    Rule::AttributeRuleOnlyInAutoAssignment,
                    path,
                    "An attribute rule needs an auto-assignment policy: turn on automatic assignment (automaticRequestSettings), or choose specific users and groups instead.",
                );
            }
        }
    }
    let has_rule = policy
        .specific_allowed_targets()
        .iter()
        .any(|target| matches!(target, SubjectSet::AttributeRuleMembers(_)));
    if is_auto && !has_rule {
        report.error(
            Rule::AutoAssignmentNeedsRule,
            "specificAllowedTargets",
            "An auto-assignment policy needs a rule: add an attribute rule (for example user.department -eq \"Sales\") with allowedTargetScope \"specificDirectoryUsers\".",
        );
    }
}
