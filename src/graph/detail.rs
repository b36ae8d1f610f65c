//! Reading one assignment policy for the detail page: the policy with its
//! access package, catalog, questions and custom extension stages, in one GET.

use policy_model::{
    detail::requests::{policy_access_package_url, policy_detail_url},
    requests::get_policy_url,
    AccessPackageAssignmentPolicy,
};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::{GraphClient, GraphClientError};

/// The policy as the page shows it, and the JSON exactly as Graph sent it.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyDetail {
    pub policy: AccessPackageAssignmentPolicy,
    /// Graph's text, members in Graph's order (a `Value` would sort them): for the raw JSON view
    /// and for copying the policy.
    pub raw_text: String,
}

impl PolicyDetail {
    /// Reads the policy model out of Graph's text, keeping the text.
    pub fn from_text(text: &str) -> Result<PolicyDetail, serde_json::Error> {
        Ok(PolicyDetail {
            policy: serde_json::from_str(text)?,
            raw_text: text.to_owned(),
        })
    }
}

/// The second GET's answer: only its access package, as sent.
#[derive(Deserialize)]
struct PackageOnly {
    #[serde(rename = "accessPackage")]
    access_package: Option<Box<RawValue>>,
}

/// Adds `"accessPackage": …` as the last member of a policy's JSON text.
fn with_access_package(policy: &str, package: &RawValue) -> String {
    let body = policy.trim_end();
    let body = body.strip_suffix('}').unwrap_or(body).trim_end();
    let separator = if body.ends_with('{') { "" } else { "," };
    format!("{body}{separator}\"accessPackage\":{}}}", package.get())
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
        .get_json::<Box<RawValue>>(&policy_detail_url(base, policy_id))
        .await
    {
        Err(GraphClientError::Graph(e)) if e.status() == 400 => {
            let policy: Box<RawValue> = client.get_json(&get_policy_url(base, policy_id)).await?;
            let package: PackageOnly = client
                .get_json(&policy_access_package_url(base, policy_id))
                .await?;
            match package.access_package {
                Some(package) => with_access_package(policy.get(), &package),
                None => policy.get().to_owned(),
            }
        }
        other => other?.get().to_owned(),
    };
    PolicyDetail::from_text(&raw).map_err(|e| GraphClientError::Decode(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_access_package_is_added_last_and_graph_order_is_kept() {
        let package = RawValue::from_string(r#"{"id":"p1","displayName":"Sales"}"#.into()).unwrap();
        let text = with_access_package(r#"{"id":"x","displayName":"A"} "#, &package);
        assert_eq!(
            text,
            r#"{"id":"x","displayName":"A","accessPackage":{"id":"p1","displayName":"Sales"}}"#
        );
        assert_eq!(
            with_access_package("{ }", &package),
            r#"{"accessPackage":{"id":"p1","displayName":"Sales"}}"#
        );
        let detail = PolicyDetail::from_text(&text).unwrap();
        assert_eq!(
            detail.raw_text, text,
            "kept as sent, not written out again (sorted)"
        );
        assert_eq!(detail.policy.access_package_name(), Some("Sales"));
    }
}
