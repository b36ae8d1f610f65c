//! Access reviews: supported recurrences and someone to review.

use crate::validate::{Rule, ValidationReport};
use crate::{AccessPackageAssignmentPolicy, RecurrencePatternType};

pub(crate) fn check(policy: &AccessPackageAssignmentPolicy, report: &mut ValidationReport) {
    let Some(review) = policy.review_settings.as_option() else {
        return;
    };
    let enabled = review.is_enabled.as_option() == Some(&true);
    let pattern = review
        .schedule
        .as_option()
        .and_then(|schedule| schedule.recurrence.as_option())
        .and_then(|recurrence| recurrence.pattern.as_option());
    const PATH: &str = "reviewSettings.schedule.recurrence.pattern";
    match pattern.and_then(|pattern| pattern.kind.as_option()) {
        Some(RecurrencePatternType::Weekly | RecurrencePatternType::AbsoluteMonthly) => {}
        Some(other) => report.error(
            Rule::ReviewRecurrence,
            format!("{PATH}.type"),
            format!("Access reviews repeat only \"weekly\" or \"absoluteMonthly\", not \"{other}\"; for quarterly use absoluteMonthly with interval 3, for yearly interval 12."),
        ),
        None if enabled => report.error(
            Rule::ReviewRecurrence,
            format!("{PATH}.type"),
            "Choose how often access is reviewed: \"weekly\" or \"absoluteMonthly\" (with an interval, e.g. 3 for quarterly).",
        ),
        None => {}
    }
    if let Some(interval) = pattern.and_then(|pattern| pattern.interval.as_option()) {
        if *interval < 1 {
            report.error(
                Rule::ReviewRecurrence,
                format!("{PATH}.interval"),
                format!("The review interval must be 1 or more (it is {interval}); e.g. 3 with absoluteMonthly is quarterly."),
            );
        }
    }
    let self_review = review.is_self_review.as_option() == Some(&true);
    if enabled && !self_review && review.primary_reviewers.items().is_empty() {
        report.error(
            Rule::ReviewNeedsReviewers,
            "reviewSettings.primaryReviewers",
            "Reviews are on but no reviewer is named; add reviewers, or make it a self-review.",
        );
    }
}
