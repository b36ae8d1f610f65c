//! Approval stages: how many, and that each has someone to decide.

use crate::validate::{Rule, ValidationReport};
use crate::AccessPackageAssignmentPolicy;

/// "The decision of the main approvers must time out after at least four
/// days" before requests can be forwarded to alternate approvers (admin
/// center, request-policy page).
pub const MIN_DAYS_BEFORE_DENIAL_WITH_ESCALATION: u64 = 4;

/// "If approval is required, the one, two or three elements of this
/// collection define each of the stages of approval."
pub const MAX_APPROVAL_STAGES: usize = 3;

pub(crate) fn check(policy: &AccessPackageAssignmentPolicy, report: &mut ValidationReport) {
    let Some(approval) = policy.request_approval_settings.as_option() else {
        return;
    };
    let stages = approval.stages.items();
    if stages.len() > MAX_APPROVAL_STAGES {
        report.error(
            Rule::MaxApprovalStages,
            "requestApprovalSettings.stages",
            format!(
                "A policy can have at most {MAX_APPROVAL_STAGES} approval stages; remove {}.",
                stages.len() - MAX_APPROVAL_STAGES
            ),
        );
    }
    let required = [
        &approval.is_approval_required_for_add,
        &approval.is_approval_required_for_update,
    ]
    .iter()
    .any(|flag| flag.as_option() == Some(&true));
    if required && stages.is_empty() {
        report.error(
            Rule::ApprovalStagesRequired,
            "requestApprovalSettings.stages",
            "Approval is required, so add at least one approval stage with an approver (or turn approval off).",
        );
    }
    for (index, stage) in stages.iter().enumerate() {
        let path = format!("requestApprovalSettings.stages[{index}]");
        if required
            && stage.primary_approvers.items().is_empty()
            && stage.fallback_primary_approvers.items().is_empty()
        {
            report.error(
                Rule::StageNeedsApprover,
                format!("{path}.primaryApprovers"),
                format!(
                    "Stage {} has no approver; add a user, a group or the requestor's manager.",
                    index + 1
                ),
            );
        }
        let escalation_on = stage.is_escalation_enabled.as_option() == Some(&true);
        let denial_days = stage
            .duration_before_automatic_denial
            .as_option()
            .and_then(|duration| duration.to_std().ok())
            .map(|length| length.as_secs() as f64 / 86_400.0);
        if let Some(days) = denial_days
            .filter(|days| escalation_on && *days < MIN_DAYS_BEFORE_DENIAL_WITH_ESCALATION as f64)
        {
            report.warning(
                Rule::EscalationTiming,
                format!("{path}.durationBeforeAutomaticDenial"),
                format!("Stage {} forwards to alternate approvers but times out after {days:.1} days; the Entra admin center needs at least {MIN_DAYS_BEFORE_DENIAL_WITH_ESCALATION} days (for example P14D).", index + 1),
            );
        }
        if escalation_on
            && stage.escalation_approvers.items().is_empty()
            && stage.fallback_escalation_approvers.items().is_empty()
        {
            report.error(
                Rule::EscalationNeedsApprovers,
                format!("{path}.escalationApprovers"),
                format!("Stage {} forwards to alternate approvers but names none; add one, or turn forwarding off.", index + 1),
            );
        }
    }
}
