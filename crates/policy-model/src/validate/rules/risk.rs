//! Warnings: legal settings that deserve a second look, and values Policy
//! Desk does not recognise (kept and sent back unchanged).

use crate::validate::{Rule, ValidationReport};
use crate::{
    AccessPackageAssignmentPolicy, AllowedTargetScope, ExpirationPatternType, FindUnknown,
    UnknownKind,
};

pub(crate) fn check(policy: &AccessPackageAssignmentPolicy, report: &mut ValidationReport) {
    check_unrecognised(policy, report);
    let Some(scope) = policy.allowed_target_scope() else {
        return;
    };
    let reviewed = policy
        .review_settings
        .as_option()
        .is_some_and(|review| review.is_enabled.as_option() == Some(&true));
    let never_expires = match policy
        .expiration
        .as_option()
        .and_then(|expiration| expiration.kind.as_option())
    {
        None | Some(ExpirationPatternType::NoExpiration | ExpirationPatternType::NotSpecified) => {
            true
        }
        Some(_) => false,
    };
    if scope.is_connected_organization_scope() && never_expires && !reviewed {
        report.warning(
            Rule::ExternalAccessWithoutExpiryOrReview,
            "expiration",
            "External users would keep access forever: set an expiration (for example P365D) or turn on access reviews.",
        );
    }
    let broad = matches!(
        scope,
        AllowedTargetScope::AllDirectoryUsers
            | AllowedTargetScope::AllExternalUsers
            | AllowedTargetScope::AllConfiguredConnectedOrganizationUsers
    );
    if broad && !policy.is_approval_required() && !policy.is_auto_assignment() {
        report.warning(
            Rule::BroadAccessWithoutApproval,
            "requestApprovalSettings.isApprovalRequiredForAdd",
            "Anyone in this scope, guests or external users included, gets access without approval; consider requiring approval.",
        );
    }
}

fn check_unrecognised(policy: &AccessPackageAssignmentPolicy, report: &mut ValidationReport) {
    for part in policy.unknown_parts() {
        let message = match &part.what {
            UnknownKind::Member => format!(
                "\"{}\" is not a Graph v1.0 member of this object (beta-only members such as canExtend make Graph answer InvalidModel); Policy Desk keeps it and sends it back unchanged. Remove it if Graph rejects the policy.",
                part.path.rsplit(['.', ']']).next().unwrap_or_default()
            ),
            UnknownKind::EnumValue(value) => format!("\"{value}\" is a value Policy Desk does not recognise; it is kept and sent back unchanged. Check it in the Microsoft Entra admin center."),
            UnknownKind::Kind(kind) => format!(
                "An entry of kind {} that Policy Desk does not recognise; it is kept and sent back unchanged. Check it in the Microsoft Entra admin center.",
                kind.as_deref().unwrap_or("(no @odata.type)")
            ),
        };
        report.warning(Rule::UnrecognisedValue, part.path, message);
    }
}
