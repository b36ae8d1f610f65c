//! What the policy detail page needs beyond the policy itself: the principals
//! it names ([`principals`]), the requests that read the policy and resolve
//! those principals to names ([`requests`]), and a plain-language summary
//! ([`summary`]).

pub mod principals;
pub mod requests;
pub mod summary;

pub use principals::{referenced_principals, PrincipalKind, PrincipalRef, PrincipalRole};
pub use summary::{subject_kind_label, subject_phrase, summarize, NameLookup};
