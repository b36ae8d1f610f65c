//! Drafts kept in sessionStorage (the storage call is the UI's): one per tenant and account, so
//! the form survives a reload and the sign-in redirect, and one admin's draft never appears for
//! another.

use std::collections::BTreeMap;

use policy_model::{AccessPackageAutomaticRequestSettings, SubjectSet};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Attempt, Label, PolicyDraft, SetAside};

/// Bumped when the stored shape changes; an older draft is then not restored.
pub const DRAFT_VERSION: u32 = 1;

/// The sessionStorage key for a tenant and account (demo mode passes its own pair).
pub fn draft_storage_key(tenant_id: &str, account_id: &str) -> String {
    format!("policy-desk.create-draft.v{DRAFT_VERSION}:{tenant_id}:{account_id}")
}

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    /// The whole policy as the model writes it (not the POST body), so nothing is lost.
    policy: Value,
    #[serde(default)]
    labels: BTreeMap<String, Label>,
    /// What a change of "who can request" set aside (absent in drafts saved before it existed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    set_aside_targets: Vec<SubjectSet>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    set_aside_automatic: Option<AccessPackageAutomaticRequestSettings>,
}

/// Why a stored draft was not restored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RestoreError {
    #[error("the saved draft could not be read: {0}")]
    Unreadable(String),
    #[error("the saved draft is from another version of Policy Desk ({0})")]
    OtherVersion(u32),
}

/// The draft as stored text.
pub fn save_draft(draft: &PolicyDraft) -> String {
    let stored = Stored {
        version: DRAFT_VERSION,
        policy: serde_json::to_value(&draft.policy).unwrap_or(Value::Null),
        labels: draft.labels.clone(),
        set_aside_targets: draft.set_aside.targets.clone(),
        set_aside_automatic: draft.set_aside.automatic.clone(),
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

/// The draft from stored text.
pub fn restore_draft(text: &str) -> Result<PolicyDraft, RestoreError> {
    let stored: Stored =
        serde_json::from_str(text).map_err(|e| RestoreError::Unreadable(e.to_string()))?;
    if stored.version != DRAFT_VERSION {
        return Err(RestoreError::OtherVersion(stored.version));
    }
    let policy = serde_json::from_value(stored.policy)
        .map_err(|e| RestoreError::Unreadable(e.to_string()))?;
    let set_aside = SetAside {
        targets: stored.set_aside_targets,
        automatic: stored.set_aside_automatic,
    };
    Ok(PolicyDraft {
        policy,
        labels: stored.labels,
        set_aside,
    })
}

/// The sessionStorage key of the POST in flight for a draft key (see [`draft_storage_key`]).
pub fn pending_storage_key(draft_key: &str) -> String {
    format!("{draft_key}:pending-create")
}

/// An attempt as stored text, written just before its POST leaves.
pub fn save_pending(attempt: &Attempt) -> String {
    serde_json::to_string(attempt).unwrap_or_default()
}

/// The attempt that was in flight when the page went away, if the text is one.
pub fn restore_pending(text: &str) -> Option<Attempt> {
    serde_json::from_str(text).ok()
}
