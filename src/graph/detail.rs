//! Reading one assignment policy for the detail page: the policy with its
//! access package, catalog, questions and custom extension stages, in one GET.

use policy_model::{
    detail::requests::{policy_access_package_url, policy_detail_url},
    requests::get_policy_url,
    AccessPackageAssignmentPolicy,
};
use serde_json::Value;

use super::{GraphClient, GraphClientError};

/// The policy as the page shows it, and the JSON exactly as Graph sent it.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyDetail {
    pub policy: AccessPackageAssignmentPolicy,
    pub raw: Value,
}

impl PolicyDetail {
    /// Reads the policy model out of Graph's JSON.
    pub fn from_raw(raw: Value) -> Result<PolicyDetail, serde_json::Error> {
        let policy = serde_json::from_value(raw.clone())?;
        Ok(PolicyDetail { policy, raw })
    }
}

/// `GET …/assignmentPolicies/{id}?$expand=accessPackage($expand=catalog),questions,customExtensionStageSettings($expand=customExtension)`.
///
/// Should a service refuse to combine those expands (400), the policy is read with the expands a
/// PUT needs, and its access package and catalog in a second, `$select=id` GET.
pub async fn get_policy_detail(
    client: &GraphClient,
    policy_id: &str,
) -> Result<PolicyDetail, GraphClientError> {
    let base = client.base_url();
    let raw = match client
        .get_json::<Value>(&policy_detail_url(base, policy_id))
        .await
    {
        Err(GraphClientError::Graph(e)) if e.status() == 400 => {
            let mut raw: Value = client.get_json(&get_policy_url(base, policy_id)).await?;
            let package: Value = client
                .get_json(&policy_access_package_url(base, policy_id))
                .await?;
            if let (Some(object), Some(package)) =
                (raw.as_object_mut(), package.get("accessPackage"))
            {
                object.insert("accessPackage".to_owned(), package.clone());
            }
            raw
        }
        other => other?,
    };
    PolicyDetail::from_raw(raw).map_err(|e| GraphClientError::Decode(e.to_string()))
}
