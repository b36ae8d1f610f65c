//! The emulated tenant: directory objects, catalogs, access packages and
//! assignment policies, all held as Graph-shaped JSON.
//!
//! Navigation properties are stored as `{"id": ...}` references (a policy's
//! `accessPackage`, an access package's `catalog`) and are only rendered in
//! full when a request asks for them with `$expand`, as Graph does.

mod directory;
pub mod ids;
mod large;
mod packages;
mod policy_parts;
mod sample_policies;

use serde_json::{json, Value};

/// Which deterministic tenant to build at start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TenantKind {
    /// ~20 hand-written policies over ~10 access packages.
    Sample,
    /// 5,000 policies over 500 access packages (the sample ones included).
    Large,
}

#[derive(Debug, Clone, Default)]
pub struct Tenant {
    pub users: Vec<Value>,
    pub groups: Vec<Value>,
    pub service_principals: Vec<Value>,
    pub connected_organizations: Vec<Value>,
    pub catalogs: Vec<Value>,
    /// Each stores `catalog: {"id"}` as its navigation reference.
    pub access_packages: Vec<Value>,
    /// Each stores `catalog: {"id"}`; listed under the catalog's `customWorkflowExtensions`.
    pub custom_workflow_extensions: Vec<Value>,
    /// Stored with `accessPackage: {"id"}`, `questions` and
    /// `customExtensionStageSettings` inline; rendering strips what was not expanded.
    pub policies: Vec<Value>,
}

/// The id of the founding seed policy (body = shared/graph/seed-request.json).
pub const SEED_POLICY_ID: &str = "5d6b5f38-9a4f-4f0e-8d43-7b2a0e6c1f01";

/// The founding example request body, kept byte-for-byte in the crate.
pub const SEED_REQUEST_JSON: &str = include_str!("seed-request.json");

impl Tenant {
    pub fn build(kind: TenantKind) -> Self {
        let mut tenant = Self::sample();
        if kind == TenantKind::Large {
            large::grow(&mut tenant);
        }
        tenant
    }

    pub fn sample() -> Self {
        let mut tenant = Tenant {
            users: directory::users(),
            groups: directory::groups(),
            service_principals: directory::service_principals(),
            connected_organizations: directory::connected_organizations(),
            catalogs: packages::catalogs(),
            access_packages: packages::access_packages(),
            custom_workflow_extensions: packages::custom_workflow_extensions(),
            policies: Vec::new(),
        };
        tenant.policies.push(seed_policy());
        tenant.policies.extend(sample_policies::policies());
        tenant
    }

    pub fn policy(&self, id: &str) -> Option<&Value> {
        find_by_id(&self.policies, id)
    }

    pub fn access_package(&self, id: &str) -> Option<&Value> {
        find_by_id(&self.access_packages, id)
    }

    pub fn catalog(&self, id: &str) -> Option<&Value> {
        find_by_id(&self.catalogs, id)
    }

    pub fn custom_workflow_extension(&self, id: &str) -> Option<&Value> {
        find_by_id(&self.custom_workflow_extensions, id)
    }

    /// A compact overview for tests and the demo (`GET /_emulator/tenant`).
    pub fn summary(&self) -> Value {
        json!({
            "counts": {
                "users": self.users.len(),
                "groups": self.groups.len(),
                "servicePrincipals": self.service_principals.len(),
                "connectedOrganizations": self.connected_organizations.len(),
                "catalogs": self.catalogs.len(),
                "accessPackages": self.access_packages.len(),
                "customWorkflowExtensions": self.custom_workflow_extensions.len(),
                "assignmentPolicies": self.policies.len(),
            },
            "seedPolicyId": SEED_POLICY_ID,
            "users": self.users,
            "groups": self.groups,
            "servicePrincipals": self.service_principals,
            "connectedOrganizations": self.connected_organizations,
            "catalogs": self.catalogs,
            "accessPackages": self.access_packages,
            "customWorkflowExtensions": self.custom_workflow_extensions,
            "assignmentPolicies": self.policies,
        })
    }
}

pub fn find_by_id<'a>(items: &'a [Value], id: &str) -> Option<&'a Value> {
    items.iter().find(|item| {
        item["id"]
            .as_str()
            .is_some_and(|v| v.eq_ignore_ascii_case(id))
    })
}

/// The seed request body as Graph would store it after the create.
fn seed_policy() -> Value {
    let mut policy: Value =
        serde_json::from_str(SEED_REQUEST_JSON).expect("the embedded seed request is valid JSON");
    policy["id"] = json!(SEED_POLICY_ID);
    policy["createdDateTime"] = json!("2026-01-12T09:30:00Z");
    policy["modifiedDateTime"] = json!("2026-01-12T09:30:00Z");
    policy
}
