//! Durations (days and time only) and expiration patterns that agree with
//! their type.

use crate::validate::{Rule, ValidationReport};
use crate::{
    AccessPackageAssignmentPolicy, DurationError, ExpirationPattern, ExpirationPatternType,
    GraphDuration, Nullable,
};

pub(crate) fn check(policy: &AccessPackageAssignmentPolicy, report: &mut ValidationReport) {
    for (path, duration) in durations(policy) {
        if let Err(error) = duration.to_std() {
            let advice = match error {
                DurationError::CalendarUnits { .. } => {
                    "Write it in days or hours instead, for example P30D or PT12H."
                }
                DurationError::Invalid { .. } => {
                    "Write it as an ISO 8601 duration in days or hours, for example P14D or PT4H."
                }
            };
            report.error(
                Rule::DurationDaysAndTimeOnly,
                path,
                format!("{error}. {advice}"),
            );
        }
    }
    if let Some(expiration) = policy.expiration.as_option() {
        check_expiration(expiration, "expiration", report);
    }
    let review_expiration = policy
        .review_settings
        .as_option()
        .and_then(|review| review.schedule.as_option())
        .and_then(|schedule| schedule.expiration.as_option());
    if let Some(expiration) = review_expiration {
        check_expiration(expiration, "reviewSettings.schedule.expiration", report);
    }
}

fn durations(policy: &AccessPackageAssignmentPolicy) -> Vec<(String, &GraphDuration)> {
    let mut found = Vec::new();
    fn add<'a>(
        found: &mut Vec<(String, &'a GraphDuration)>,
        path: String,
        duration: &'a Nullable<GraphDuration>,
    ) {
        if let Some(duration) = duration.as_option() {
            found.push((path, duration));
        }
    }
    if let Some(expiration) = policy.expiration.as_option() {
        add(
            &mut found,
            "expiration.duration".into(),
            &expiration.duration,
        );
    }
    if let Some(approval) = policy.request_approval_settings.as_option() {
        for (index, stage) in approval.stages.items().iter().enumerate() {
            let path = format!("requestApprovalSettings.stages[{index}]");
            add(
                &mut found,
                format!("{path}.durationBeforeAutomaticDenial"),
                &stage.duration_before_automatic_denial,
            );
            add(
                &mut found,
                format!("{path}.durationBeforeEscalation"),
                &stage.duration_before_escalation,
            );
        }
    }
    if let Some(automatic) = policy.automatic_request_settings.as_option() {
        add(
            &mut found,
            "automaticRequestSettings.gracePeriodBeforeAccessRemoval".into(),
            &automatic.grace_period_before_access_removal,
        );
    }
    let review_expiration = policy
        .review_settings
        .as_option()
        .and_then(|review| review.schedule.as_option())
        .and_then(|schedule| schedule.expiration.as_option());
    if let Some(expiration) = review_expiration {
        add(
            &mut found,
            "reviewSettings.schedule.expiration.duration".into(),
            &expiration.duration,
        );
    }
    found
}

fn check_expiration(expiration: &ExpirationPattern, path: &str, report: &mut ValidationReport) {
    let has_duration = expiration.duration.as_option().is_some();
    let end = expiration.end_date_time.as_deref();
    let mut problem = |member: &str, message: String| {
        report.error(
            Rule::ExpirationConsistent,
            format!("{path}.{member}"),
            message,
        );
    };
    match expiration.kind.as_option() {
        None if has_duration || end.is_some() => problem(
            "type",
            "Set the expiration type: \"afterDuration\" for a duration, \"afterDateTime\" for an end date.".into(),
        ),
        None => {}
        Some(ExpirationPatternType::AfterDuration) => {
            if !has_duration {
                problem("duration", "Expiration is \"after a duration\", so give the duration (for example P365D).".into());
            }
            if end.is_some() {
                problem("endDateTime", "Expiration is \"after a duration\", so remove the end date (or choose \"on a date\").".into());
            }
        }
        Some(ExpirationPatternType::AfterDateTime) => {
            match end {
                None => problem("endDateTime", "Expiration is \"on a date\", so give the end date.".into()),
                Some(end) if !looks_like_date_time(end) => problem(
                    "endDateTime",
                    format!("\"{end}\" is not a date and time; use ISO 8601 such as 2026-12-31T23:59:59Z."),
                ),
                Some(_) => {}
            }
            if has_duration {
                problem("duration", "Expiration is \"on a date\", so remove the duration (or choose \"after a duration\").".into());
            }
        }
        Some(kind @ (ExpirationPatternType::NoExpiration | ExpirationPatternType::NotSpecified)) => {
            if has_duration {
                problem("duration", format!("Expiration type is \"{kind}\", so remove the duration (or choose \"afterDuration\")."));
            }
            if end.is_some() {
                problem("endDateTime", format!("Expiration type is \"{kind}\", so remove the end date (or choose \"afterDateTime\")."));
            }
        }
        Some(ExpirationPatternType::Unknown(_)) => {}
    }
}

// Enough to catch typos without a date library: `YYYY-MM-DDThh:mm`, then anything.
fn looks_like_date_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|part| part.iter().all(u8::is_ascii_digit))
    };
    digits(0..4)
        && bytes.get(4) == Some(&b'-')
        && digits(5..7)
        && bytes.get(7) == Some(&b'-')
        && digits(8..10)
        && matches!(bytes.get(10), Some(b'T' | b't'))
        && digits(11..13)
        && bytes.get(13) == Some(&b':')
        && digits(14..16)
}
