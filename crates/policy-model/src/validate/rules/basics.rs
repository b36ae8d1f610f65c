//! Members every policy needs: a name, an access package, a scope.

use crate::validate::{Rule, ValidationReport};
use crate::AccessPackageAssignmentPolicy;

pub(crate) fn check(policy: &AccessPackageAssignmentPolicy, report: &mut ValidationReport) {
    if policy
        .display_name()
        .is_none_or(|name| name.trim().is_empty())
    {
        report.error(
            Rule::DisplayNameRequired,
            "displayName",
            "Give the policy a name; requestors see it in My Access.",
        );
    }
    match policy.access_package_id().map(str::trim) {
        None | Some("") => report.error(
            Rule::AccessPackageIdRequired,
            "accessPackage.id",
            "Choose the access package this policy belongs to.",
        ),
        Some(id) if uuid::Uuid::try_parse(id).is_err() => report.error(
            Rule::AccessPackageIdRequired,
            "accessPackage.id",
            format!("\"{id}\" is not an access package id; pick the access package again (ids look like a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b)."),
        ),
        Some(_) => {}
    }
    if policy.allowed_target_scope().is_none() {
        report.error(
            Rule::AllowedTargetScopeRequired,
            "allowedTargetScope",
            "Choose who can request access (for example all members, specific users and groups, or connected organizations).",
        );
    }
}
