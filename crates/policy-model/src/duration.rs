//! `Edm.Duration` values (ISO 8601 durations such as `P14D` or `PT4H`).
//!
//! The original text is what travels: `P14D` and `PT336H` are the same
//! length of time but not the same JSON, and a read-then-PUT must not rewrite
//! a member the administrator never touched. Parsing goes through the
//! `iso8601` crate on demand.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Why a duration cannot be sent to Graph.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    /// Not ISO 8601 at all.
    #[error("\"{text}\" is not an ISO 8601 duration (for example P14D or PT4H)")]
    Invalid {
        /// The text as read.
        text: String,
        /// The parser's reason.
        reason: String,
    },
    /// Uses years, months or weeks, which Graph's `Edm.Duration` pattern
    /// (`^-?P([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+([.][0-9]+)?S)?)?$`) rejects.
    #[error("\"{text}\" uses years, months or weeks; Graph accepts only days and time (for example P30D, not P1M)")]
    CalendarUnits {
        /// The text as read.
        text: String,
    },
}

/// An ISO 8601 duration exactly as written in the JSON.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GraphDuration {
    text: String,
}

impl GraphDuration {
    /// Wraps duration text without checking it (validation reports problems).
    pub fn new(text: impl Into<String>) -> Self {
        Self { text: text.into() }
    }

    /// A whole number of days, written `P{days}D` as the Entra admin center does.
    pub fn days(days: u32) -> Self {
        Self::new(format!("P{days}D"))
    }

    /// A whole number of hours, written `PT{hours}H`.
    pub fn hours(hours: u32) -> Self {
        Self::new(format!("PT{hours}H"))
    }

    /// The text as it will be sent.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The parsed ISO 8601 value (years, months and weeks included).
    pub fn parse(&self) -> Result<iso8601::Duration, DurationError> {
        iso8601::duration(&self.text).map_err(|reason| DurationError::Invalid {
            text: self.text.clone(),
            reason,
        })
    }

    /// The length of time, for durations Graph accepts (days and time only).
    pub fn to_std(&self) -> Result<std::time::Duration, DurationError> {
        let parsed = self.parse()?;
        if self.uses_calendar_units(&parsed) {
            return Err(DurationError::CalendarUnits {
                text: self.text.clone(),
            });
        }
        Ok(parsed.into())
    }

    /// Whole days, when the duration is valid (partial days round down).
    pub fn whole_days(&self) -> Option<u64> {
        self.to_std().ok().map(|length| length.as_secs() / 86_400)
    }

    // A zero count (`P0Y`) still uses a designator Graph's pattern rejects,
    // so look at the text as well as the parsed numbers.
    fn uses_calendar_units(&self, parsed: &iso8601::Duration) -> bool {
        let date_part = self.text.split(['T', 't']).next().unwrap_or_default();
        let calendar_in_text = date_part.contains(['Y', 'y', 'M', 'm', 'W', 'w']);
        let calendar_in_value = match parsed {
            iso8601::Duration::Weeks(_) => true,
            iso8601::Duration::YMDHMS { year, month, .. } => *year > 0 || *month > 0,
        };
        calendar_in_text || calendar_in_value
    }
}

impl fmt::Display for GraphDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl From<&str> for GraphDuration {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

impl Serialize for GraphDuration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for GraphDuration {
    /// Accepts any string: a malformed duration is a validation finding, not
    /// a reason to refuse a whole policy list.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_text_and_parses_days_and_time() {
        let fourteen_days = GraphDuration::new("P14D");
        assert_eq!(fourteen_days.as_str(), "P14D");
        assert_eq!(fourteen_days.whole_days(), Some(14));
        assert_eq!(
            GraphDuration::new("PT4H").to_std().unwrap().as_secs(),
            4 * 3600
        );
        assert_eq!(GraphDuration::new("PT0S").to_std().unwrap().as_secs(), 0);
        assert_eq!(
            serde_json::to_string(&GraphDuration::new("PT336H")).unwrap(),
            r#""PT336H""#
        );
    }

    #[test]
    fn rejects_calendar_units_and_garbage() {
        for text in ["P1Y", "P1M", "P2W", "P0Y3D"] {
            assert!(
                matches!(
                    GraphDuration::new(text).to_std(),
                    Err(DurationError::CalendarUnits { .. })
                ),
                "{text}"
            );
        }
        assert!(matches!(
            GraphDuration::new("14 days").to_std(),
            Err(DurationError::Invalid { .. })
        ));
        // PT1M is one minute, not one month.
        assert_eq!(GraphDuration::new("PT1M").to_std().unwrap().as_secs(), 60);
    }
}
