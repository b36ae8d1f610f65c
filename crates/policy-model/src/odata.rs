//! OData collection responses.

use serde::{Deserialize, Serialize};

/// One page of a Graph collection. Follow `next_link` (an absolute URL,
/// used as is) until it is `None`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct ODataPage<T> {
    /// The items of this page.
    pub value: Vec<T>,
    /// `@odata.nextLink`: the URL of the next page, when there is one.
    #[serde(
        rename = "@odata.nextLink",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub next_link: Option<String>,
    /// `@odata.count`, when the request asked for `$count=true`.
    #[serde(
        rename = "@odata.count",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub count: Option<u64>,
    /// `@odata.deltaLink`, on the last page of a delta query.
    #[serde(
        rename = "@odata.deltaLink",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delta_link: Option<String>,
    /// `@odata.context`.
    #[serde(
        rename = "@odata.context",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub context: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AccessPackageAssignmentPolicy;

    #[test]
    fn reads_value_and_next_link() {
        let body = r#"{
            "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identityGovernance/entitlementManagement/assignmentPolicies",
            "@odata.nextLink": "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentPolicies?$skiptoken=abc",
            "value": [{"id": "p1", "displayName": "One"}]
        }"#;
        let page: ODataPage<AccessPackageAssignmentPolicy> = serde_json::from_str(body).unwrap();
        assert_eq!(page.value.len(), 1);
        assert_eq!(page.value[0].display_name(), Some("One"));
        assert!(page.next_link.unwrap().ends_with("$skiptoken=abc"));
    }

    #[test]
    fn last_page_has_no_next_link() {
        let page: ODataPage<serde_json::Value> = serde_json::from_str(r#"{"value": []}"#).unwrap();
        assert!(page.value.is_empty());
        assert_eq!(page.next_link, None);
    }
}
