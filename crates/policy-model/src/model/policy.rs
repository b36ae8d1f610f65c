//! `accessPackageAssignmentPolicy`: the resource Policy Desk lists and creates.

use crate::graph_object::graph_object;
use crate::model::{
    AccessPackage, AccessPackageAssignmentApprovalSettings,
    AccessPackageAssignmentRequestorSettings, AccessPackageAssignmentReviewSettings,
    AccessPackageAutomaticRequestSettings, AccessPackageCatalog, AccessPackageNotificationSettings,
    AccessPackageQuestion, CustomExtensionStageSetting, ExpirationPattern,
};
use crate::{AllowedTargetScope, SubjectSet};

graph_object! {
    /// `accessPackageAssignmentPolicy`, every member of the v1.0 schema.
    ///
    /// Read-only members (`id`, `createdDateTime`, `modifiedDateTime`,
    /// `catalog`) are kept when read; the request builders leave them out of
    /// create and update bodies.
    pub struct AccessPackageAssignmentPolicy {
        /// Read-only.
        id: String,
        allowed_target_scope: AllowedTargetScope,
        /// Present only on an auto-assignment policy.
        automatic_request_settings: AccessPackageAutomaticRequestSettings,
        /// Read-only (server-set).
        created_date_time: String,
        description: String,
        display_name: String,
        expiration: ExpirationPattern,
        /// Read-only (server-set).
        modified_date_time: String,
        notification_settings: AccessPackageNotificationSettings,
        request_approval_settings: AccessPackageAssignmentApprovalSettings,
        requestor_settings: AccessPackageAssignmentRequestorSettings,
        review_settings: AccessPackageAssignmentReviewSettings,
        specific_allowed_targets: Vec<SubjectSet>,
        /// `{"id": …}` on create; expanded with `$expand=accessPackage`.
        access_package: AccessPackage,
        /// Read-only.
        catalog: AccessPackageCatalog,
        /// Returned only with `$expand=customExtensionStageSettings($expand=customExtension)`.
        custom_extension_stage_settings: Vec<CustomExtensionStageSetting>,
        questions: Vec<AccessPackageQuestion>,
    }
}

/// JSON names of the members Graph sets and a create or update must not send.
pub const READ_ONLY_MEMBERS: &[&str] = &["id", "createdDateTime", "modifiedDateTime", "catalog"];

impl AccessPackageAssignmentPolicy {
    /// The policy's id (absent before it is created).
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The policy's name.
    pub fn display_name(&self) -> Option<&str> {
        self.display_name.as_deref()
    }

    /// The policy's description.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The id of the access package the policy belongs to.
    pub fn access_package_id(&self) -> Option<&str> {
        self.access_package.as_option()?.id.as_deref()
    }

    /// The access package's name, when read with `$expand=accessPackage`.
    pub fn access_package_name(&self) -> Option<&str> {
        self.access_package.as_option()?.display_name.as_deref()
    }

    /// The catalog's name, from `accessPackage.catalog` (expanded with
    /// `$expand=accessPackage($expand=catalog)`) or else the policy's own
    /// `catalog`.
    pub fn catalog_name(&self) -> Option<&str> {
        let through_package = self
            .access_package
            .as_option()
            .and_then(|package| package.catalog.as_option())
            .and_then(|catalog| catalog.display_name.as_deref());
        through_package.or_else(|| self.catalog.as_option()?.display_name.as_deref())
    }

    /// Who may be assigned through the policy.
    pub fn allowed_target_scope(&self) -> Option<&AllowedTargetScope> {
        self.allowed_target_scope.as_option()
    }

    /// When the policy was created (ISO 8601 text as Graph sent it).
    pub fn created_date_time(&self) -> Option<&str> {
        self.created_date_time.as_deref()
    }

    /// When the policy was last changed (ISO 8601 text as Graph sent it).
    pub fn modified_date_time(&self) -> Option<&str> {
        self.modified_date_time.as_deref()
    }

    /// `specificAllowedTargets`, empty when absent or `null`.
    pub fn specific_allowed_targets(&self) -> &[SubjectSet] {
        self.specific_allowed_targets.items()
    }

    /// True for an auto-assignment policy (one with `automaticRequestSettings`).
    pub fn is_auto_assignment(&self) -> bool {
        self.automatic_request_settings.as_option().is_some()
    }

    /// True when new assignments need approval.
    pub fn is_approval_required(&self) -> bool {
        self.request_approval_settings
            .as_option()
            .and_then(|settings| settings.is_approval_required_for_add.as_option())
            .copied()
            .unwrap_or(false)
    }
}
