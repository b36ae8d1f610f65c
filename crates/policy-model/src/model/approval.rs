//! `accessPackageAssignmentApprovalSettings` and its stages.

use crate::graph_object::graph_object;
use crate::{ApproverInformationVisibility, GraphDuration, SubjectSet};

graph_object! {
    /// `accessPackageAssignmentApprovalSettings`: one to three stages when
    /// approval is required, an empty list otherwise.
    pub struct AccessPackageAssignmentApprovalSettings {
        is_approval_required_for_add: bool,
        is_approval_required_for_update: bool,
        is_requestor_justification_required: bool,
        stages: Vec<AccessPackageApprovalStage>,
    }
}

graph_object! {
    /// `accessPackageApprovalStage`, and `accessPackageDynamicApprovalStage`
    /// when `@odata.type` says so: the derived type adds no members, so one
    /// struct serves both and keeps the tag it was read with.
    pub struct AccessPackageApprovalStage {
        /// Usually absent (the base type); `#microsoft.graph.accessPackageDynamicApprovalStage`
        /// for a dynamic stage.
        /// JSON name: `@odata.type`.
        odata_type: String,
        approver_information_visibility: ApproverInformationVisibility,
        duration_before_automatic_denial: GraphDuration,
        duration_before_escalation: GraphDuration,
        escalation_approvers: Vec<SubjectSet>,
        fallback_escalation_approvers: Vec<SubjectSet>,
        fallback_primary_approvers: Vec<SubjectSet>,
        is_approver_justification_required: bool,
        is_escalation_enabled: bool,
        primary_approvers: Vec<SubjectSet>,
    }
}

/// `@odata.type` of a dynamic approval stage.
pub const DYNAMIC_APPROVAL_STAGE_ODATA_TYPE: &str =
    "#microsoft.graph.accessPackageDynamicApprovalStage";

/// Schema name of `accessPackageDynamicApprovalStage`: the same shape as a stage.
pub type AccessPackageDynamicApprovalStage = AccessPackageApprovalStage;

impl AccessPackageApprovalStage {
    /// True when the stage was read (or built) as a dynamic approval stage.
    pub fn is_dynamic(&self) -> bool {
        self.odata_type.as_deref().is_some_and(|tag| {
            tag.trim_start_matches('#') == &DYNAMIC_APPROVAL_STAGE_ODATA_TYPE[1..]
        })
    }
}
