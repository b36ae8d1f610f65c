//! `accessPackageAssignmentReviewSettings` and the schedule types it uses.

use crate::graph_object::graph_object;
use crate::{
    AccessReviewExpirationBehavior, DayOfWeek, ExpirationPattern, RecurrencePatternType,
    RecurrenceRangeType, SubjectSet, WeekIndex,
};

graph_object! {
    /// `accessPackageAssignmentReviewSettings`: recurring access reviews.
    pub struct AccessPackageAssignmentReviewSettings {
        expiration_behavior: AccessReviewExpirationBehavior,
        fallback_reviewers: Vec<SubjectSet>,
        is_enabled: bool,
        is_recommendation_enabled: bool,
        is_reviewer_justification_required: bool,
        is_self_review: bool,
        primary_reviewers: Vec<SubjectSet>,
        schedule: EntitlementManagementSchedule,
    }
}

graph_object! {
    /// `entitlementManagementSchedule`.
    pub struct EntitlementManagementSchedule {
        expiration: ExpirationPattern,
        recurrence: PatternedRecurrence,
        start_date_time: String,
    }
}

graph_object! {
    /// `patternedRecurrence`.
    pub struct PatternedRecurrence {
        pattern: RecurrencePattern,
        range: RecurrenceRange,
    }
}

graph_object! {
    /// `recurrencePattern`. Access reviews use only `type` (weekly or
    /// absoluteMonthly), `interval` and `dayOfMonth`.
    pub struct RecurrencePattern {
        day_of_month: i32,
        days_of_week: Vec<DayOfWeek>,
        first_day_of_week: DayOfWeek,
        index: WeekIndex,
        interval: i32,
        month: i32,
        /// JSON name: `type`.
        kind: RecurrencePatternType,
    }
}

graph_object! {
    /// `recurrenceRange`.
    pub struct RecurrenceRange {
        /// `Edm.Date`, e.g. `2026-12-31`.
        end_date: String,
        number_of_occurrences: i32,
        recurrence_time_zone: String,
        /// `Edm.Date`.
        start_date: String,
        /// JSON name: `type`.
        kind: RecurrenceRangeType,
    }
}
