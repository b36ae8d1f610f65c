//! Graph requests for assignment policies, as plain values (method, URL,
//! body) that the SPA sends with its own HTTP client.
//!
//! Every URL uses the tenant-wide
//! `/identityGovernance/entitlementManagement/assignmentPolicies` collection,
//! never `accessPackages/{id}/assignmentPolicies`, which users report answers 404.

mod body;
mod export;
mod url;

pub use body::{create_body, update_body};
pub use export::{export_create_request, ExportFormat};
pub use url::{
    access_packages_with_policies_url, get_policy_url, list_policies_url, policy_url,
    ListPoliciesOptions, ACCESS_PACKAGES_PATH, DEFAULT_LIST_EXPAND, GET_POLICY_EXPAND,
    POLICIES_PATH,
};

use crate::AccessPackageAssignmentPolicy;
use serde_json::Value;

/// HTTP method of a Graph request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    /// The method's name, as `fetch` wants it.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// A request ready to send: method, absolute URL and optional JSON body.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphRequest {
    pub method: Method,
    pub url: String,
    pub body: Option<Value>,
}

/// Why a request could not be built.
#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    /// Update and delete address a policy by id.
    #[error("the policy has no id; only a policy read from Graph can be updated or deleted")]
    MissingPolicyId,
    /// The policy could not be turned into JSON (not expected for model types).
    #[error("the policy could not be serialized: {0}")]
    Serialize(#[from] serde_json::Error),
}

/// `GET …/assignmentPolicies` with the list options.
pub fn list_policies(graph_base: &str, options: &ListPoliciesOptions) -> GraphRequest {
    GraphRequest {
        method: Method::Get,
        url: list_policies_url(graph_base, options),
        body: None,
    }
}

/// `GET …/assignmentPolicies/{id}?$expand=questions,customExtensionStageSettings($expand=customExtension)`:
/// everything a faithful edit-then-PUT needs.
pub fn get_policy(graph_base: &str, policy_id: &str) -> GraphRequest {
    GraphRequest {
        method: Method::Get,
        url: get_policy_url(graph_base, policy_id),
        body: None,
    }
}

/// `POST …/assignmentPolicies` with the policy minus read-only members.
pub fn create_policy(
    graph_base: &str,
    policy: &AccessPackageAssignmentPolicy,
) -> Result<GraphRequest, RequestError> {
    Ok(GraphRequest {
        method: Method::Post,
        url: url::policies_collection_url(graph_base),
        body: Some(create_body(policy)?),
    })
}

/// `PUT …/assignmentPolicies/{id}` with the whole policy minus read-only
/// members. PUT replaces the policy: start from a full GET (see [`get_policy`]).
pub fn update_policy(
    graph_base: &str,
    policy: &AccessPackageAssignmentPolicy,
) -> Result<GraphRequest, RequestError> {
    let policy_id = policy.id().ok_or(RequestError::MissingPolicyId)?;
    Ok(GraphRequest {
        method: Method::Put,
        url: policy_url(graph_base, policy_id),
        body: Some(update_body(policy)?),
    })
}

/// `DELETE …/assignmentPolicies/{id}`.
pub fn delete_policy(graph_base: &str, policy_id: &str) -> GraphRequest {
    GraphRequest {
        method: Method::Delete,
        url: policy_url(graph_base, policy_id),
        body: None,
    }
}
