//! What the pickers ask Graph, and how the answers become rows (name, second line, id). Plain
//! `startswith` filters: they need no `ConsistencyLevel: eventual` header and are what Graph
//! supports on every one of these collections.

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

/// The GET for `text` (`None` when the kind needs text and there is none).
pub fn search_url(graph_base: &str, kind: &SearchKind, text: &str) -> Option<String> {
    let base = graph_base.trim_end_matches('/');
    let text = text.trim();
    let prefix = |property: &str| format!("startswith({property},{})", odata_string(text));
    let top = format!("$top={SEARCH_TOP}");
    let url = match kind {
        SearchKind::AccessPackage if text.is_empty() => {
            format!("{base}{EM}/accessPackages?$expand=catalog&{top}")
        }
        SearchKind::AccessPackage => format!(
            "{base}{EM}/accessPackages?$filter={}&$expand=catalog&{top}",
            encode(&prefix("displayName"))
        ),
        SearchKind::CustomExtension { catalog_id } => format!(
            "{base}{EM}/catalogs/{}/customWorkflowExtensions",
            encode_segment(catalog_id)
        ),
        _ if text.is_empty() => return None,
        SearchKind::User => format!(
            "{base}/users?$filter={}&$select=id,displayName,userPrincipalName,mail&{top}",
            encode(&format!(
                "{} or {} or {}",
                prefix("displayName"),
                prefix("userPrincipalName"),
                prefix("mail")
            ))
        ),
        SearchKind::Group => format!(
            "{base}/groups?$filter={}&{top}",
            encode(&format!("{} or {}", prefix("displayName"), prefix("mail")))
        ),
        SearchKind::ServicePrincipal => format!(
            "{base}/servicePrincipals?$filter={}&{top}",
            encode(&prefix("displayName"))
        ),
        SearchKind::ConnectedOrganization => format!(
            "{base}{EM}/connectedOrganizations?$filter={}&{top}",
            encode(&prefix("displayName"))
        ),
    };
    Some(url)
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
    fn urls_filter_by_prefix_and_escape_quotes() {
        assert_eq!(
            search_url(BASE, &SearchKind::User, "o'br").unwrap(),
            "https://graph.microsoft.com/v1.0/users?$filter=startswith(displayName,'o''br')%20or%20startswith(userPrincipalName,'o''br')%20or%20startswith(mail,'o''br')&$select=id,displayName,userPrincipalName,mail&$top=10"
        );
        assert_eq!(search_url(BASE, &SearchKind::Group, "  "), None);
        assert!(search_url(BASE, &SearchKind::AccessPackage, "")
            .unwrap()
            .ends_with("/accessPackages?$expand=catalog&$top=10"));
        assert!(search_url(BASE, &SearchKind::AccessPackage, "Ext & co")
            .unwrap()
            .contains("$filter=startswith(displayName,'Ext%20%26%20co')"));
        assert!(search_url(
            BASE,
            &SearchKind::CustomExtension {
                catalog_id: "c/1".into()
            },
            ""
        )
        .unwrap()
        .ends_with("/catalogs/c%2F1/customWorkflowExtensions"));
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
