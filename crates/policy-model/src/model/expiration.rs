//! `expirationPattern`: when an assignment (or an access review) ends.

use crate::graph_object::graph_object;
use crate::{ExpirationPatternType, GraphDuration, Nullable};

graph_object! {
    /// `expirationPattern`. With `duration` the type must be `afterDuration`
    /// and `endDateTime` absent; with `endDateTime` the type is `afterDateTime`.
    pub struct ExpirationPattern {
        duration: GraphDuration,
        end_date_time: String,
        /// JSON name: `type`.
        kind: ExpirationPatternType,
    }
}

impl ExpirationPattern {
    /// Assignments never expire.
    pub fn no_expiration() -> Self {
        Self {
            kind: Nullable::Value(ExpirationPatternType::NoExpiration),
            ..Default::default()
        }
    }

    /// Assignments last `duration` (for example `P365D`).
    pub fn after_duration(duration: GraphDuration) -> Self {
        Self {
            duration: Nullable::Value(duration),
            kind: Nullable::Value(ExpirationPatternType::AfterDuration),
            ..Default::default()
        }
    }

    /// Assignments end at `end_date_time` (ISO 8601 date-time, UTC).
    pub fn after_date_time(end_date_time: impl Into<String>) -> Self {
        Self {
            end_date_time: Nullable::Value(end_date_time.into()),
            kind: Nullable::Value(ExpirationPatternType::AfterDateTime),
            ..Default::default()
        }
    }
}
