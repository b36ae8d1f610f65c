//! The access package and catalog a policy points at. On a policy these are
//! references: `{"id": …}` on create, expanded objects when read with
//! `$expand=accessPackage($expand=catalog)`.

use crate::graph_object::graph_object;
use crate::model::AccessPackageAssignmentPolicy;
use crate::{AccessPackageCatalogState, AccessPackageCatalogType, Nullable};

graph_object! {
    /// `accessPackage` (entity). Navigation members are typed where Policy
    /// Desk reads them and kept as JSON otherwise.
    pub struct AccessPackage {
        id: String,
        created_date_time: String,
        description: String,
        display_name: String,
        is_hidden: bool,
        modified_date_time: String,
        access_packages_incompatible_with: Vec<serde_json::Value>,
        /// Filled by `accessPackages?$expand=assignmentPolicies`, the listing
        /// route for catalog owners and access package managers.
        assignment_policies: Vec<AccessPackageAssignmentPolicy>,
        catalog: AccessPackageCatalog,
        incompatible_access_packages: Vec<serde_json::Value>,
        incompatible_groups: Vec<serde_json::Value>,
        resource_role_scopes: Vec<serde_json::Value>,
    }
}

impl AccessPackage {
    /// A bare `{"id": …}` reference, as a create body needs.
    pub fn reference(id: impl Into<String>) -> Self {
        Self {
            id: Nullable::Value(id.into()),
            ..Default::default()
        }
    }
}

graph_object! {
    /// `accessPackageCatalog` (entity); read-only on a policy.
    pub struct AccessPackageCatalog {
        id: String,
        catalog_type: AccessPackageCatalogType,
        created_date_time: String,
        description: String,
        display_name: String,
        is_externally_visible: bool,
        modified_date_time: String,
        state: AccessPackageCatalogState,
        access_packages: Vec<serde_json::Value>,
        custom_workflow_extensions: Vec<serde_json::Value>,
        resource_roles: Vec<serde_json::Value>,
        resources: Vec<serde_json::Value>,
        resource_scopes: Vec<serde_json::Value>,
    }
}
