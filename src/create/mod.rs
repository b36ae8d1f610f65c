//! Creating a policy, in pure Rust (natively tested): the form's state ([`PolicyDraft`]), the
//! templates that fill it, Import JSON, drafts kept in sessionStorage, and the submit state machine
//! that sends exactly one POST. The UI (`ui::create`) and the HTTP (`graph::create`) sit on top.

mod draft;
mod fields;
mod import;
mod persist;
mod search;
mod submit;
mod templates;
#[cfg(test)]
mod tests;

pub use draft::{
    duration_field_text, duration_from_field, manager_levels, subject_id, ExpirationChoice, Label,
    PolicyDraft, SetAside, StageList, SubjectKind, SubjectList, WhoCanRequest,
};
pub use fields::{Choice, Flag, Text};
pub use import::{copy_policy, import_policy, ImportError, Imported};
pub use persist::{
    draft_storage_key, pending_storage_key, restore_draft, restore_pending, save_draft,
    save_pending, RestoreError, DRAFT_VERSION,
};
pub use search::{encode_segment, search_hits, search_request, SearchHit, SearchKind, SEARCH_TOP};
pub use submit::{
    duplicates_of, is_ambiguous_status, match_created, new_same_named, Attempt, CheckOutcome,
    Refused, SubmitOutcome, SubmitState,
};
pub use templates::Template;
