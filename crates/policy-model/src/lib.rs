//! The Microsoft Graph v1.0 contract for access package assignment policies,
//! in pure Rust: serde types, validation, request building and Graph error
//! decoding. Compiled natively for tests and to wasm32 for the Policy Desk SPA,
//! so it carries no web or async dependencies.
//!
//! Reading and writing are faithful: members the model does not know, enum
//! values and `@odata.type` kinds added to Graph later, and the difference
//! between an absent member and `null` all survive a parse → serialize round
//! trip, because an update is a full PUT.
//!
//! ```
//! use policy_model::requests::{create_policy, Method};
//! use policy_model::validate::{validate, ValidationContext};
//! use policy_model::{describe, AccessPackageAssignmentPolicy};
//!
//! let policy: AccessPackageAssignmentPolicy = serde_json::from_str(r#"{
//!     "displayName": "Sales tools",
//!     "allowedTargetScope": "allMemberUsers",
//!     "expiration": {"type": "afterDuration", "duration": "P365D"},
//!     "requestApprovalSettings": {"isApprovalRequiredForAdd": false, "stages": []},
//!     "accessPackage": {"id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"}
//! }"#).unwrap();
//! assert_eq!(describe::who_can_request(&policy), "All members (excluding guests)");
//!
//! let report = validate(&policy, &ValidationContext::default());
//! assert!(report.is_valid(), "{:?}", report.issues);
//!
//! let request = create_policy("https://graph.microsoft.com/v1.0", &policy).unwrap();
//! assert_eq!(request.method, Method::Post);
//! assert!(request.url.ends_with("/identityGovernance/entitlementManagement/assignmentPolicies"));
//! ```

pub mod describe;
pub mod detail;
mod duration;
mod enums;
pub mod error;
mod graph_enum;
mod graph_object;
pub mod model;
mod nullable;
mod odata;
pub mod requests;
pub mod unknown;
pub mod validate;

pub use duration::{DurationError, GraphDuration};
pub use enums::{
    AccessPackageCatalogState, AccessPackageCatalogType, AccessPackageCustomExtensionStage,
    AccessReviewExpirationBehavior, AllowedTargetScope, ApproverInformationVisibility, DayOfWeek,
    ExpirationPatternType, RecurrencePatternType, RecurrenceRangeType, WeekIndex,
};
pub use error::GraphError;
pub use model::*;
pub use nullable::Nullable;
pub use odata::ODataPage;
pub use unknown::{FindUnknown, UnknownKind, UnknownPart};
