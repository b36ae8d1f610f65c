//! What the pickers ask Graph, and how the answers become rows (name, second line, id).
//!
//! - Users, groups and service principals: Graph's directory `$search` (an advanced query, so it
//!   needs `ConsistencyLevel: eventual`). It matches the start of any word of `displayName`, so
//!   typing "wilber" finds "Alex Wilber"; `mail` and `userPrincipalName` match from their start.
//!   <https://learn.microsoft.com/graph/search-query-parameter#using-search-on-directory-object-collections>
//! - Access packages: `contains(tolower(displayName),'…')`, the name search the v1.0 "List
//!   accessPackages" page documents ("to search for access packages with a particular name,
//!   include a filter such as `$filter=contains(tolower(displayName),'team')`"); it documents
//!   `$select`, `$filter` and `$expand`, not `$search`.
//!   <https://learn.microsoft.com/graph/api/entitlementmanagement-list-accesspackages?view=graph-rest-1.0>
//! - Connected organizations: `startswith(displayName,'…')`. The v1.0 "List connectedOrganizations"
//!   page documents `$select` and `$filter` with `eq` examples only; neither `contains` nor
//!   `$search`, so nothing wider is relied on.
//!   <https://learn.microsoft.com/graph/api/entitlementmanagement-list-connectedorganizations?view=graph-rest-1.0>

use serde_json::Value;

/// What a picker searches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SearchKind {
    AccessPackage,
    User,
    Group,
    ServicePrincipal,
    ConnectedOrganization,
    /// The custom extensions of one catalog (listed, then filtered here: catalogs have few).
    CustomExtension {
        catalog_id: String,
    },
}

/// One row of a picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit {
    pub id: String,
    pub name: String,
    /// Mail or sign-in name, app id, state, catalog…
    pub detail: Option<String>,
    /// `@odata.type`, when Graph sent one (custom extensions need it).
    pub odata_type: Option<String>,
    /// The access package's catalog (for its custom extensions).
    pub catalog_id: Option<String>,
}

/// How many rows a picker shows.
pub const SEARCH_TOP: u32 = 10;

const EM: &str = "/identityGovernance/entitlementManagement";

/// One picker search: the GET and whether it is an advanced query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchRequest {
    pub url: String,
    /// Send `ConsistencyLevel: eventual`: Graph answers a directory `$search` without it with
    /// 400 `Request_UnsupportedQuery`.
    pub consistency_eventual: bool,
}

/// The GET for `text` (`None` when the kind needs text and there is none).
pub fn search_request(graph_base: &str, kind: &SearchKind, text: &str) -> Option<SearchRequest> {
    let base = graph_base.trim_end_matches('/');
    let text = text.trim();
    let top = format!("$top={SEARCH_TOP}");
    let plain = |url: String| SearchRequest {
        url,
        consistency_eventual: false,
    };
    let directory = |path: &str, properties: &[&str], select: &str| SearchRequest {
        url: format!(
            "{base}/{path}?$search={}{select}&{top}",
            encode(&directory_search(properties, text))
        ),
        consistency_eventual: true,
    };
    let request = match kind {
        SearchKind::AccessPackage if text.is_empty() => {
            plain(format!("{base}{EM}/accessPackages?$expand=catalog&{top}"))
        }
        SearchKind::AccessPackage => plain(format!(
            "{base}{EM}/accessPackages?$filter={}&$expand=catalog&{top}",
            encode(&format!(
                "contains(tolower(displayName),{})",
                odata_string(&text.to_lowercase())
            ))
        )),
        SearchKind::CustomExtension { catalog_id } => plain(format!(
            "{base}{EM}/catalogs/{}/customWorkflowExtensions",
            encode_segment(catalog_id)
        )),
        _ if text.is_empty() => return None,
        SearchKind::User => directory(
            "users",
            &["displayName", "mail", "userPrincipalName"],
            "&$select=id,displayName,userPrincipalName,mail",
        ),
        SearchKind::Group => directory("groups", &["displayName", "mail"], ""),
        SearchKind::ServicePrincipal => directory("servicePrincipals", &["displayName"], ""),
        SearchKind::ConnectedOrganization => plain(format!(
            "{base}{EM}/connectedOrganizations?$filter={}&{top}",
            encode(&format!("startswith(displayName,{})", odata_string(text)))
        )),
    };
    Some(request)
}

/// `"displayName:text" OR "mail:text"`: one clause per property, each in double quotes with a
/// double quote or backslash inside escaped by a backslash, as the `$search` docs require.
fn directory_search(properties: &[&str], text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('"', "\\\"");
    properties
        .iter()
        .map(|property| format!("\"{property}:{escaped}\""))
        .collect::<Vec<_>>()
        .join(" OR ")
}

/// The rows of a collection answer (`{"value": [...]}`); for custom extensions only those whose
/// name starts with (or contains) `text`.
pub fn search_hits(kind: &SearchKind, answer: &Value, text: &str) -> Vec<SearchHit> {
    let needle = text.trim().to_lowercase();
    let string = |item: &Value, name: &str| {
        item.get(name)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    answer
        .get("value")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|item| {
            let id = string(item, "id")?;
            let name = string(item, "displayName").unwrap_or_else(|| id.clone());
            let detail = match kind {
                SearchKind::User => {
                    string(item, "mail").or_else(|| string(item, "userPrincipalName"))
                }
                SearchKind::Group => string(item, "mail").or_else(|| string(item, "description")),
                SearchKind::ServicePrincipal => {
                    string(item, "appId").map(|a| format!("App id {a}"))
                }
                SearchKind::ConnectedOrganization => string(item, "state"),
                SearchKind::AccessPackage => item
                    .get("catalog")
                    .and_then(|c| string(c, "displayName"))
                    .map(|c| format!("Catalog: {c}")),
                SearchKind::CustomExtension { .. } => string(item, "description"),
            };
            Some(SearchHit {
                catalog_id: item.get("catalog").and_then(|c| string(c, "id")),
                odata_type: string(item, "@odata.type"),
                id,
                name,
                detail,
            })
        })
        .filter(|hit| {
            !matches!(kind, SearchKind::CustomExtension { .. })
                || needle.is_empty()
                || hit.name.to_lowercase().contains(&needle)
        })
        .collect()
}

/// An OData string literal: quoted, quotes doubled.
fn odata_string(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Percent-encodes a query value, leaving OData punctuation readable.
fn encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'~'
            | b'\''
            | b'('
            | b')'
            | b','
            | b'/'
            | b':'
            | b'@'
            | b'$'
            | b'*'
            | b'!' => out.push(byte as char),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// Percent-encodes one URL path segment (RFC 3986 unreserved characters stay as they are).
pub fn encode_segment(text: &str) -> String {
    encode(text).replace('\'', "%27").replace('/', "%2F")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const BASE: &str = "https://graph.microsoft.com/v1.0";

    #[test]
    fn principals_use_directory_search_with_eventual_consistency() {
        let user = search_request(BASE, &SearchKind::User, " wil ").unwrap();
        assert_eq!(
            user.url,
            "https://graph.microsoft.com/v1.0/users?$search=%22displayName:wil%22%20OR%20%22mail:wil%22%20OR%20%22userPrincipalName:wil%22&$select=id,displayName,userPrincipalName,mail&$top=10"
        );
        assert!(user.consistency_eventual);
        let group = search_request(BASE, &SearchKind::Group, "Sales").unwrap();
        assert_eq!(
            group.url,
            "https://graph.microsoft.com/v1.0/groups?$search=%22displayName:Sales%22%20OR%20%22mail:Sales%22&$top=10"
        );
        assert!(group.consistency_eventual);
        let app = search_request(BASE, &SearchKind::ServicePrincipal, "Build").unwrap();
        assert_eq!(
            app.url,
            "https://graph.microsoft.com/v1.0/servicePrincipals?$search=%22displayName:Build%22&$top=10"
        );
        assert!(app.consistency_eventual);
        assert_eq!(search_request(BASE, &SearchKind::Group, "  "), None);
        assert_eq!(search_request(BASE, &SearchKind::User, ""), None);
    }

    #[test]
    fn search_text_is_quoted_escaped_and_encoded() {
        // A double quote or backslash is escaped with a backslash inside the clause; everything
        // else that is not URL-safe (space, &, #, +, %) is percent-encoded.
        assert_eq!(
            directory_search(&["displayName", "mail"], r#"a"b\c"#),
            r#""displayName:a\"b\\c" OR "mail:a\"b\\c""#
        );
        let url = search_request(BASE, &SearchKind::ServicePrincipal, r#"say "hi" & 100%+#"#)
            .unwrap()
            .url;
        assert!(
            url.ends_with(
                "?$search=%22displayName:say%20%5C%22hi%5C%22%20%26%20100%25%2B%23%22&$top=10"
            ),
            "{url}"
        );
        let url = search_request(BASE, &SearchKind::User, "o'br").unwrap().url;
        assert!(
            url.contains("$search=%22displayName:o'br%22%20OR%20"),
            "{url}"
        );
    }

    #[test]
    fn entitlement_collections_filter_without_eventual_consistency() {
        let all = search_request(BASE, &SearchKind::AccessPackage, "").unwrap();
        assert!(all.url.ends_with("/accessPackages?$expand=catalog&$top=10"));
        assert!(!all.consistency_eventual);
        let named = search_request(BASE, &SearchKind::AccessPackage, "Ext & O'Co").unwrap();
        assert_eq!(
            named.url,
            "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/accessPackages?$filter=contains(tolower(displayName),'ext%20%26%20o''co')&$expand=catalog&$top=10"
        );
        assert!(!named.consistency_eventual);
        let organization =
            search_request(BASE, &SearchKind::ConnectedOrganization, "o'br").unwrap();
        assert_eq!(
            organization.url,
            "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/connectedOrganizations?$filter=startswith(displayName,'o''br')&$top=10"
        );
        assert!(!organization.consistency_eventual);
        assert_eq!(
            search_request(BASE, &SearchKind::ConnectedOrganization, " "),
            None
        );
        let extensions = search_request(
            BASE,
            &SearchKind::CustomExtension {
                catalog_id: "c/1".into(),
            },
            "",
        )
        .unwrap();
        assert!(extensions
            .url
            .ends_with("/catalogs/c%2F1/customWorkflowExtensions"));
        assert!(!extensions.consistency_eventual);
    }

    #[test]
    fn hits_carry_names_second_lines_and_ids() {
        let answer = json!({"value": [
            {"id": "u1", "displayName": "Alex Wilber", "mail": "AlexW@contoso.com", "userPrincipalName": "AlexW@contoso.com"},
            {"id": "u2", "userPrincipalName": "x@contoso.com"},
            {"displayName": "no id"}
        ]});
        let hits = search_hits(&SearchKind::User, &answer, "a");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].name, "Alex Wilber");
        assert_eq!(hits[0].detail.as_deref(), Some("AlexW@contoso.com"));
        assert_eq!(hits[1].name, "u2");
        let packages = json!({"value": [{"id": "p1", "displayName": "Sales", "catalog": {"id": "c1", "displayName": "General"}}]});
        let hit = &search_hits(&SearchKind::AccessPackage, &packages, "")[0];
        assert_eq!(hit.catalog_id.as_deref(), Some("c1"));
        assert_eq!(hit.detail.as_deref(), Some("Catalog: General"));
        let extensions = json!({"value": [
            {"@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension", "id": "e1", "displayName": "Notify Slack"},
            {"id": "e2", "displayName": "Provision"}
        ]});
        let kind = SearchKind::CustomExtension {
            catalog_id: "c1".into(),
        };
        let hits = search_hits(&kind, &extensions, "slack");
        assert_eq!(hits.len(), 1);
        assert_eq!(
            hits[0].odata_type.as_deref(),
            Some("#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension")
        );
    }
}
