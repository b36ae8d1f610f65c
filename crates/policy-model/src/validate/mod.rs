//! Pre-flight validation of a policy before POST or PUT.
//!
//! Each rule encodes a documented Graph constraint or service limit
//! (graph-api-research.md §1.8 and §2.5) and reports a field path in the
//! JSON's own names, e.g. `requestApprovalSettings.stages[1].primaryApprovers`,
//! with a message that says how to fix it. Warnings flag legal but risky
//! settings. The validator never panics, whatever the policy holds.

mod context;
mod report;
mod rules;
mod subject_lists;

pub use context::{PatternChecker, ValidationContext};
pub use report::{Rule, Severity, ValidationIssue, ValidationReport};
pub use subject_lists::SubjectListRole;

use crate::AccessPackageAssignmentPolicy;

/// Checks `policy` against every rule.
pub fn validate(
    policy: &AccessPackageAssignmentPolicy,
    context: &ValidationContext,
) -> ValidationReport {
    let mut report = ValidationReport::default();
    rules::basics::check(policy, &mut report);
    rules::targets::check(policy, &mut report);
    rules::subjects::check(policy, &mut report);
    rules::approval::check(policy, &mut report);
    rules::durations::check(policy, &mut report);
    rules::review::check(policy, &mut report);
    rules::questions::check(policy, context, &mut report);
    rules::custom_extensions::check(policy, &mut report);
    rules::risk::check(policy, &mut report);
    report
}
