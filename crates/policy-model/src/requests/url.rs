//! URL building with correctly encoded OData query options.

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

/// The tenant-wide assignment policy collection, relative to the Graph base.
pub const POLICIES_PATH: &str = "/identityGovernance/entitlementManagement/assignmentPolicies";

/// Default `$expand` for lists: the access package and its catalog, so a list
/// can show package and catalog names without one request per row.
pub const DEFAULT_LIST_EXPAND: &str = "accessPackage($expand=catalog)";

/// `$expand` for a single policy: questions and custom extension stages are
/// contained navigation properties that are not returned by default, and a
/// PUT without them would delete them.
pub const GET_POLICY_EXPAND: &str =
    "questions,customExtensionStageSettings($expand=customExtension)";

// Characters that would end or corrupt a query value. OData punctuation
// ($ ( ) , = ' / :) is legal in a query component and left readable.
const QUERY_VALUE: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'&')
    .add(b'+')
    .add(b'<')
    .add(b'>')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

// A path segment additionally must not contain '/', '?' or quotes.
const PATH_SEGMENT: &AsciiSet = &QUERY_VALUE.add(b'/').add(b'?').add(b'\'');

/// Options for listing policies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListPoliciesOptions {
    /// `$expand` items; defaults to [`DEFAULT_LIST_EXPAND`]. Empty sends none.
    pub expand: Vec<String>,
    /// Only the policies of this access package (`$filter=accessPackage/id eq '…'`).
    pub filter_access_package_id: Option<String>,
    /// `$select` members; empty selects Graph's default set.
    pub select: Vec<String>,
    /// `$top`: page size hint.
    pub top: Option<u32>,
}

impl Default for ListPoliciesOptions {
    fn default() -> Self {
        Self {
            expand: vec![DEFAULT_LIST_EXPAND.to_owned()],
            filter_access_package_id: None,
            select: Vec::new(),
            top: None,
        }
    }
}

/// `{graph_base}/identityGovernance/entitlementManagement/assignmentPolicies?…`.
/// `graph_base` is like `https://graph.microsoft.com/v1.0`; a trailing slash is fine.
pub fn list_policies_url(graph_base: &str, options: &ListPoliciesOptions) -> String {
    let mut query: Vec<(&str, String)> = Vec::new();
    if !options.expand.is_empty() {
        query.push(("$expand", options.expand.join(",")));
    }
    if let Some(access_package_id) = &options.filter_access_package_id {
        query.push((
            "$filter",
            format!("accessPackage/id eq {}", odata_string(access_package_id)),
        ));
    }
    if !options.select.is_empty() {
        query.push(("$select", options.select.join(",")));
    }
    if let Some(top) = options.top {
        query.push(("$top", top.to_string()));
    }
    with_query(policies_collection_url(graph_base), &query)
}

/// `{graph_base}/…/assignmentPolicies/{id}` (for PUT and DELETE).
pub fn policy_url(graph_base: &str, policy_id: &str) -> String {
    format!(
        "{}/{}",
        policies_collection_url(graph_base),
        utf8_percent_encode(policy_id, PATH_SEGMENT)
    )
}

/// `{graph_base}/…/assignmentPolicies/{id}?$expand=questions,customExtensionStageSettings($expand=customExtension)`.
pub fn get_policy_url(graph_base: &str, policy_id: &str) -> String {
    with_query(
        policy_url(graph_base, policy_id),
        &[("$expand", GET_POLICY_EXPAND.to_owned())],
    )
}

/// The access packages the caller can read, each with its policies and catalog:
/// `{graph_base}/identityGovernance/entitlementManagement/accessPackages?$expand=assignmentPolicies,catalog`.
///
/// Graph documents this as the way for catalog owners and access package
/// managers to read policies, since the tenant-wide list answers them 403.
pub fn access_packages_with_policies_url(graph_base: &str) -> String {
    with_query(
        format!("{}{ACCESS_PACKAGES_PATH}", graph_base.trim_end_matches('/')),
        &[("$expand", "assignmentPolicies,catalog".to_owned())],
    )
}

/// The tenant-wide access package collection, relative to the Graph base.
pub const ACCESS_PACKAGES_PATH: &str = "/identityGovernance/entitlementManagement/accessPackages";

pub(crate) fn policies_collection_url(graph_base: &str) -> String {
    format!("{}{POLICIES_PATH}", graph_base.trim_end_matches('/'))
}

fn with_query(mut url: String, query: &[(&str, String)]) -> String {
    for (index, (name, value)) in query.iter().enumerate() {
        url.push(if index == 0 { '?' } else { '&' });
        url.push_str(name);
        url.push('=');
        url.extend(utf8_percent_encode(value, QUERY_VALUE));
    }
    url
}

// An OData string literal: single quotes doubled inside quotes.
fn odata_string(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://graph.microsoft.com/v1.0";

    #[test]
    fn access_packages_with_policies_for_catalog_owners() {
        assert_eq!(
            access_packages_with_policies_url("https://graph.microsoft.com/v1.0/"),
            "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/accessPackages?$expand=assignmentPolicies,catalog"
        );
    }

    #[test]
    fn default_list_expands_package_and_catalog() {
        assert_eq!(
            list_policies_url(BASE, &ListPoliciesOptions::default()),
            "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentPolicies?$expand=accessPackage($expand=catalog)"
        );
    }

    #[test]
    fn trailing_slash_and_every_option() {
        let options = ListPoliciesOptions {
            expand: vec!["accessPackage".into()],
            filter_access_package_id: Some("a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b".into()),
            select: vec!["id".into(), "displayName".into()],
            top: Some(50),
        };
        assert_eq!(
            list_policies_url("https://graph.microsoft.com/v1.0/", &options),
            "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentPolicies\
             ?$expand=accessPackage\
             &$filter=accessPackage/id%20eq%20'a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b'\
             &$select=id,displayName&$top=50"
        );
    }

    #[test]
    fn hostile_values_are_escaped() {
        let options = ListPoliciesOptions {
            expand: vec![],
            filter_access_package_id: Some("x' or 1 eq 1&$top=1#é".into()),
            select: vec![],
            top: None,
        };
        let url = list_policies_url(BASE, &options);
        assert!(
            url.ends_with(
                "?$filter=accessPackage/id%20eq%20'x''%20or%201%20eq%201%26$top=1%23%C3%A9'"
            ),
            "{url}"
        );
        assert_eq!(url.matches('&').count(), 0);
    }

    #[test]
    fn never_uses_the_nested_path() {
        let url = list_policies_url(BASE, &ListPoliciesOptions::default());
        assert!(!url.contains("accessPackages/"));
        assert!(url.contains(POLICIES_PATH));
    }

    #[test]
    fn get_url_expands_questions_and_extensions() {
        assert_eq!(
            get_policy_url(BASE, "p/1"),
            "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentPolicies/p%2F1\
             ?$expand=questions,customExtensionStageSettings($expand=customExtension)"
        );
    }
}
