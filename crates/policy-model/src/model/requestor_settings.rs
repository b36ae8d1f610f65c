//! `accessPackageAssignmentRequestorSettings`: what targets and on-behalf
//! requestors may ask for.

use crate::graph_object::graph_object;
use crate::SubjectSet;

graph_object! {
    /// `accessPackageAssignmentRequestorSettings`.
    pub struct AccessPackageAssignmentRequestorSettings {
        allow_custom_assignment_schedule: bool,
        enable_on_behalf_requestors_to_add_access: bool,
        enable_on_behalf_requestors_to_remove_access: bool,
        enable_on_behalf_requestors_to_update_access: bool,
        enable_targets_to_self_add_access: bool,
        enable_targets_to_self_remove_access: bool,
        enable_targets_to_self_update_access: bool,
        on_behalf_requestors: Vec<SubjectSet>,
    }
}
