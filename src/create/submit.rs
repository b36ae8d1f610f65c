//! Submitting the form: exactly one POST per create, whatever the network does.
//!
//! ```text
//! Idle ─send→ Sending ─201→ Created(id)
//!                     ─4xx→ Rejected(error)            (form kept; may send again)
//!                     ─no answer / 5xx→ Ambiguous ─→ Checking ─found→ Found(id)   (never POST again)
//!                                                              ─none→  NotFound    (retry only when asked)
//!                                                              ─GET failed→ CheckFailed (check again)
//! ```
//! A POST is not idempotent, so nothing here ever sends it twice on its own: after an ambiguous
//! failure the policy is looked for (same display name on the same access package, and not one
//! of those that existed before the POST) before a retry is even offered.

use std::collections::BTreeSet;

use policy_model::{error::GraphError, AccessPackageAssignmentPolicy};
use serde_json::Value;

/// One POST: what was sent, and what tells the new policy apart from those already there.
/// Kept in sessionStorage while it is unsettled, so a reload in the middle looks before it
/// lets anyone create again.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Attempt {
    pub body: Value,
    pub access_package_id: String,
    pub display_name: String,
    /// Sent as `client-request-id`; Graph echoes it, support can trace the call by it.
    pub client_request_id: String,
    /// Ids of policies that already had this name on this package before the POST; `None` when
    /// they could not be read (then creation times decide).
    pub existing: Option<BTreeSet<String>>,
    /// When the POST left (browser clock, ms since the epoch).
    pub sent_at_ms: f64,
    /// 1 for the first POST, 2 after one explicit retry, …
    pub number: u32,
}

/// What the POST came to, as `graph::create` reports it.
#[derive(Clone, Debug, PartialEq)]
pub enum SubmitOutcome {
    /// 201 with the new policy's id.
    Created(String),
    /// Graph answered with an error.
    Rejected(GraphError),
    /// Nothing was sent (no token, the body could not be built).
    NotSent(String),
    /// Sent, but no usable answer came back (connection dropped, timed out, or 2xx without an id).
    NoResponse(String),
}

/// Where the submit is.
#[derive(Clone, Debug, PartialEq)]
pub enum SubmitState {
    Idle,
    Sending(Attempt),
    Created {
        id: String,
    },
    /// Graph refused; nothing was created. The form is kept for fixing and sending again.
    Rejected {
        error: GraphError,
    },
    /// Nothing left the browser.
    NotSent {
        message: String,
    },
    /// The POST may or may not have been applied.
    Ambiguous {
        attempt: Attempt,
        reason: String,
    },
    Checking {
        attempt: Attempt,
        reason: String,
    },
    /// The check found the policy: it was created; treated exactly like `Created`.
    Found {
        id: String,
    },
    /// The check found nothing: creating again is offered, explicitly.
    NotFound {
        attempt: Attempt,
        reason: String,
    },
    /// The check itself failed; checking again is offered, never a blind POST.
    CheckFailed {
        attempt: Attempt,
        reason: String,
        error: String,
    },
}

/// Statuses after which the POST may have been applied (the server or a gateway failed while
/// or after handling it).
pub fn is_ambiguous_status(status: u16) -> bool {
    matches!(status, 500 | 502 | 503 | 504)
}

/// Why a transition was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// A POST is in flight or its outcome is being settled.
    Busy,
    /// The policy exists (created or found); it must never be POSTed again.
    AlreadyCreated,
    /// After "not found" a new POST needs the explicit retry.
    NeedsExplicitRetry,
    /// Nothing to check.
    NothingToCheck,
}

impl SubmitState {
    /// True when "Create policy" may send (the form must also be valid).
    pub fn may_send(&self) -> bool {
        matches!(
            self,
            Self::Idle | Self::Rejected { .. } | Self::NotSent { .. }
        )
    }

    /// True while a request is in flight or an outcome is being settled.
    pub fn in_flight(&self) -> bool {
        matches!(
            self,
            Self::Sending(_) | Self::Ambiguous { .. } | Self::Checking { .. }
        )
    }

    /// The new policy's id once it exists.
    pub fn created_id(&self) -> Option<&str> {
        match self {
            Self::Created { id } | Self::Found { id } => Some(id),
            _ => None,
        }
    }

    /// The last attempt, when one is being settled.
    pub fn attempt(&self) -> Option<&Attempt> {
        match self {
            Self::Sending(attempt)
            | Self::Ambiguous { attempt, .. }
            | Self::Checking { attempt, .. }
            | Self::NotFound { attempt, .. }
            | Self::CheckFailed { attempt, .. } => Some(attempt),
            _ => None,
        }
    }

    /// Starts a POST from "Create policy".
    pub fn send(&mut self, mut attempt: Attempt) -> Result<(), Refused> {
        if !self.may_send() {
            return Err(self.refusal());
        }
        attempt.number = attempt.number.max(1);
        *self = Self::Sending(attempt);
        Ok(())
    }

    /// Starts a POST again after the check found nothing, when the admin asks for it.
    pub fn retry_after_not_found(&mut self, mut attempt: Attempt) -> Result<(), Refused> {
        let Self::NotFound {
            attempt: previous, ..
        } = self
        else {
            return Err(self.refusal());
        };
        attempt.number = previous.number + 1;
        *self = Self::Sending(attempt);
        Ok(())
    }

    fn refusal(&self) -> Refused {
        match self {
            Self::Created { .. } | Self::Found { .. } => Refused::AlreadyCreated,
            Self::NotFound { .. } => Refused::NeedsExplicitRetry,
            _ => Refused::Busy,
        }
    }

    /// The POST's outcome. Only meaningful while sending; ignored otherwise.
    pub fn finish_send(&mut self, outcome: SubmitOutcome) {
        let Self::Sending(attempt) = self else { return };
        let attempt = attempt.clone();
        *self = match outcome {
            SubmitOutcome::Created(id) => Self::Created { id },
            SubmitOutcome::Rejected(error) if is_ambiguous_status(error.status()) => {
                Self::Ambiguous {
                    attempt,
                    reason: format!(
                        "Microsoft Graph answered {} ({}) while creating the policy, so it may or may not have been created.",
                        error.status(),
                        error.code()
                    ),
                }
            }
            SubmitOutcome::Rejected(error) => Self::Rejected { error },
            SubmitOutcome::NotSent(message) => Self::NotSent { message },
            SubmitOutcome::NoResponse(reason) => Self::Ambiguous { attempt, reason },
        };
    }

    /// The page came back (reload, sign-in redirect) while `attempt` was unsettled: nothing is
    /// known, so it is ambiguous and must be looked for before anything else.
    pub fn resume(attempt: Attempt) -> Self {
        Self::Ambiguous {
            attempt,
            reason: "The page was reloaded while the policy was being created, so it may or may not exist.".to_owned(),
        }
    }

    /// Starts looking for the policy (after an ambiguous outcome, or to check again: looking is
    /// always safe).
    pub fn begin_check(&mut self) -> Result<Attempt, Refused> {
        let (attempt, reason) = match self {
            Self::Ambiguous { attempt, reason }
            | Self::CheckFailed {
                attempt, reason, ..
            }
            | Self::NotFound { attempt, reason } => (attempt.clone(), reason.clone()),
            _ => return Err(Refused::NothingToCheck),
        };
        *self = Self::Checking {
            attempt: attempt.clone(),
            reason,
        };
        Ok(attempt)
    }

    /// The check's outcome: the policies named like the attempt on its package, or why they
    /// could not be read.
    pub fn finish_check(&mut self, listed: Result<Vec<AccessPackageAssignmentPolicy>, String>) {
        let Self::Checking { attempt, reason } = self else {
            return;
        };
        let (attempt, reason) = (attempt.clone(), reason.clone());
        *self = match listed {
            Ok(policies) => match match_created(&attempt, &policies) {
                CheckOutcome::Found(id) => Self::Found { id },
                CheckOutcome::NotFound => Self::NotFound { attempt, reason },
            },
            Err(error) => Self::CheckFailed {
                attempt,
                reason,
                error,
            },
        };
    }
}

/// Whether the attempt's policy is among those listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckOutcome {
    Found(String),
    NotFound,
}

/// How far the browser's clock may be from Graph's when creation times decide.
const CLOCK_SKEW_MS: f64 = 10.0 * 60.0 * 1000.0;

/// The policies an attempt may have created, oldest first: same display name, same access
/// package (when the listing says), not one of those that existed before the POST; when those
/// were unknown, created after the POST left (within clock skew).
pub fn new_same_named(
    attempt: &Attempt,
    policies: &[AccessPackageAssignmentPolicy],
) -> Vec<String> {
    let mut candidates: Vec<&AccessPackageAssignmentPolicy> = policies
        .iter()
        .filter(|policy| {
            let Some(id) = policy.id() else { return false };
            let same_name = policy.display_name() == Some(attempt.display_name.as_str());
            let same_package = policy
                .access_package_id()
                .is_none_or(|package| package.eq_ignore_ascii_case(&attempt.access_package_id));
            let new = match &attempt.existing {
                Some(existing) => !existing.contains(id),
                None => policy
                    .created_date_time()
                    .and_then(epoch_ms)
                    .is_none_or(|created| created >= attempt.sent_at_ms - CLOCK_SKEW_MS),
            };
            same_name && same_package && new
        })
        .collect();
    let when = |policy: &AccessPackageAssignmentPolicy| {
        policy
            .created_date_time()
            .and_then(epoch_ms)
            .unwrap_or(f64::MAX)
    };
    candidates.sort_by(|a, b| when(a).total_cmp(&when(b)));
    candidates
        .into_iter()
        .filter_map(|policy| policy.id().map(str::to_owned))
        .collect()
}

/// Finds the policy an attempt created (the oldest new one with its name; see [`new_same_named`]).
pub fn match_created(
    attempt: &Attempt,
    policies: &[AccessPackageAssignmentPolicy],
) -> CheckOutcome {
    match new_same_named(attempt, policies).into_iter().next() {
        Some(id) => CheckOutcome::Found(id),
        None => CheckOutcome::NotFound,
    }
}

/// After the policy exists (`created`): other policies the same attempt produced. A browser
/// re-sends a POST by itself when a reused connection closes before any answer (Chromium does),
/// so one click can commit twice without the page ever seeing the first. Only meaningful when the
/// policies from before the POST are known.
pub fn duplicates_of(
    attempt: &Attempt,
    created: &str,
    policies: &[AccessPackageAssignmentPolicy],
) -> Vec<String> {
    if attempt.existing.is_none() {
        return Vec::new();
    }
    new_same_named(attempt, policies)
        .into_iter()
        .filter(|id| id != created)
        .collect()
}

/// Milliseconds since the epoch of an ISO 8601 UTC date-time such as
/// `2026-12-04T21:45:14.123Z` (the form Graph writes).
fn epoch_ms(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<i64> { text.get(range)?.parse().ok() };
    if bytes.len() < 19 || bytes[4] != b'-' || bytes[7] != b'-' || bytes[13] != b':' {
        return None;
    }
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    let fraction = text[19..]
        .strip_prefix('.')
        .map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            format!("0.{digits}").parse::<f64>().unwrap_or(0.0)
        })
        .unwrap_or(0.0);
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second;
    Some(seconds as f64 * 1000.0 + fraction * 1000.0)
}

#[cfg(test)]
pub(super) fn epoch_ms_for_test(text: &str) -> Option<f64> {
    epoch_ms(text)
}
