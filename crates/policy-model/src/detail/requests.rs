//! Requests of the detail page: the policy with everything it shows expanded,
//! and the look-ups that turn the ids it names into names, in as few calls as
//! Graph allows (`directoryObjects/getByIds` takes up to 1,000 ids).

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use serde::Deserialize;
use serde_json::json;

use super::principals::{PrincipalKind, PrincipalRef};
use crate::requests::{policy_url, GraphRequest, Method};

/// `$expand` for the detail page: the access package and its catalog (for the
/// heading), plus what [`crate::requests::GET_POLICY_EXPAND`] expands (questions and custom
/// extension stages, which Graph leaves out unless asked).
pub const POLICY_DETAIL_EXPAND: &str = "accessPackage($expand=catalog),questions,customExtensionStageSettings($expand=customExtension)";

/// Most ids one `directoryObjects/getByIds` call accepts.
pub const GET_BY_IDS_LIMIT: usize = 1000;

/// The `types` sent to `getByIds`: the kinds a subject set can name.
pub const GET_BY_IDS_TYPES: [&str; 3] = ["user", "group", "servicePrincipal"];

const ENTITLEMENT_MANAGEMENT: &str = "/identityGovernance/entitlementManagement";

// A path segment: controls, space, and anything that would end or split it.
const PATH_SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'?')
    .add(b'\'')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'{')
    .add(b'}');

fn base(graph_base: &str) -> &str {
    graph_base.trim_end_matches('/')
}

/// `GET …/assignmentPolicies/{id}?$expand=accessPackage($expand=catalog),questions,customExtensionStageSettings($expand=customExtension)`.
pub fn policy_detail_url(graph_base: &str, policy_id: &str) -> String {
    format!(
        "{}?$expand={POLICY_DETAIL_EXPAND}",
        policy_url(graph_base, policy_id)
    )
}

/// `GET …/assignmentPolicies/{id}?$select=id&$expand=accessPackage($expand=catalog)`: only the
/// policy's access package and catalog, for a service that will not combine the detail expands.
pub fn policy_access_package_url(graph_base: &str, policy_id: &str) -> String {
    format!(
        "{}?$select=id&$expand=accessPackage($expand=catalog)",
        policy_url(graph_base, policy_id)
    )
}

/// `GET …/connectedOrganizations/{id}`.
pub fn connected_organization_url(graph_base: &str, organization_id: &str) -> String {
    format!(
        "{}{ENTITLEMENT_MANAGEMENT}/connectedOrganizations/{}",
        base(graph_base),
        utf8_percent_encode(organization_id, PATH_SEGMENT)
    )
}

/// `POST /directoryObjects/getByIds` for the users, groups and service
/// principals among `principals` (connected organizations are skipped),
/// each id once, in batches of [`GET_BY_IDS_LIMIT`]. No ids, no requests.
pub fn get_by_ids(graph_base: &str, principals: &[PrincipalRef]) -> Vec<GraphRequest> {
    let mut seen = std::collections::HashSet::new();
    let ids: Vec<&str> = principals
        .iter()
        .filter(|p| p.kind.directory_type().is_some())
        .map(|p| p.id.as_str())
        .filter(|id| seen.insert(*id))
        .collect();
    ids.chunks(GET_BY_IDS_LIMIT)
        .map(|batch| GraphRequest {
            method: Method::Post,
            url: format!("{}/directoryObjects/getByIds", base(graph_base)),
            body: Some(json!({ "ids": batch, "types": GET_BY_IDS_TYPES })),
        })
        .collect()
}

/// A user, group or service principal as `getByIds` returns it (only the
/// members the page shows).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DirectoryObject {
    #[serde(rename = "@odata.type", default)]
    pub odata_type: Option<String>,
    pub id: String,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub user_principal_name: Option<String>,
    #[serde(default)]
    pub mail: Option<String>,
    #[serde(default)]
    pub app_id: Option<String>,
}

impl DirectoryObject {
    /// The kind named by `@odata.type`, when it is one a subject set can name.
    pub fn kind(&self) -> Option<PrincipalKind> {
        match self
            .odata_type
            .as_deref()?
            .trim_start_matches('#')
            .trim_start_matches("microsoft.graph.")
        {
            "user" => Some(PrincipalKind::User),
            "group" => Some(PrincipalKind::Group),
            "servicePrincipal" => Some(PrincipalKind::ServicePrincipal),
            _ => None,
        }
    }

    /// A second line for the page: the sign-in name, mail or application id.
    pub fn detail(&self) -> Option<&str> {
        self.user_principal_name
            .as_deref()
            .or(self.mail.as_deref())
            .or(self.app_id.as_deref())
    }
}

/// `connectedOrganization` (the members the page shows).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectedOrganization {
    pub id: String,
    #[serde(default)]
    pub display_name: Option<String>,
    /// `configured` or `proposed`.
    #[serde(default)]
    pub state: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::requests::GET_POLICY_EXPAND;

    const BASE: &str = "https://graph.microsoft.com/v1.0/";

    fn principal(kind: PrincipalKind, id: &str) -> PrincipalRef {
        PrincipalRef {
            kind,
            id: id.to_owned(),
        }
    }

    #[test]
    fn detail_url_combines_every_expand() {
        assert_eq!(
            policy_detail_url(BASE, "5d6b5f38-9a4f-4f0e-8d43-7b2a0e6c1f01"),
            "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentPolicies/5d6b5f38-9a4f-4f0e-8d43-7b2a0e6c1f01\
             ?$expand=accessPackage($expand=catalog),questions,customExtensionStageSettings($expand=customExtension)"
        );
        assert!(POLICY_DETAIL_EXPAND.ends_with(GET_POLICY_EXPAND));
        assert!(policy_detail_url(BASE, "a/b?c").contains("/assignmentPolicies/a%2Fb%3Fc?$expand="));
    }

    #[test]
    fn entitlement_urls_escape_ids() {
        assert_eq!(
            connected_organization_url(BASE, "o'1"),
            "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/connectedOrganizations/o%271"
        );
        assert_eq!(
            policy_access_package_url(BASE, "p 1"),
            "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentPolicies/p%201\
             ?$select=id&$expand=accessPackage($expand=catalog)"
        );
    }

    #[test]
    fn get_by_ids_sends_directory_ids_once() {
        let requests = get_by_ids(
            BASE,
            &[
                principal(PrincipalKind::User, "u1"),
                principal(PrincipalKind::ConnectedOrganization, "o1"),
                principal(PrincipalKind::Group, "g1"),
                principal(PrincipalKind::ServicePrincipal, "sp1"),
                principal(PrincipalKind::User, "u1"),
            ],
        );
        assert_eq!(requests.len(), 1);
        assert_eq!(requests[0].method, Method::Post);
        assert_eq!(
            requests[0].url,
            "https://graph.microsoft.com/v1.0/directoryObjects/getByIds"
        );
        assert_eq!(
            requests[0].body,
            Some(
                json!({"ids": ["u1", "g1", "sp1"], "types": ["user", "group", "servicePrincipal"]})
            )
        );
        assert!(get_by_ids(
            BASE,
            &[principal(PrincipalKind::ConnectedOrganization, "o")]
        )
        .is_empty());
    }

    #[test]
    fn get_by_ids_batches_by_a_thousand() {
        let many: Vec<PrincipalRef> = (0..2500)
            .map(|i| principal(PrincipalKind::User, &format!("u{i}")))
            .collect();
        let requests = get_by_ids(BASE, &many);
        let sizes: Vec<usize> = requests
            .iter()
            .map(|r| r.body.as_ref().unwrap()["ids"].as_array().unwrap().len())
            .collect();
        assert_eq!(sizes, [1000, 1000, 500]);
        assert_eq!(requests[2].body.as_ref().unwrap()["ids"][0], "u2000");
    }

    #[test]
    fn directory_objects_know_their_kind() {
        let objects: Vec<DirectoryObject> = serde_json::from_value(json!([
            {"@odata.type": "#microsoft.graph.user", "id": "u", "displayName": "Alex Wilber", "userPrincipalName": "alex@contoso.com"},
            {"@odata.type": "#microsoft.graph.group", "id": "g", "displayName": "Sales", "mail": null},
            {"@odata.type": "#microsoft.graph.servicePrincipal", "id": "s", "displayName": "Bot", "appId": "app"},
            {"@odata.type": "#microsoft.graph.device", "id": "d"}
        ]))
        .unwrap();
        let kinds: Vec<_> = objects.iter().map(DirectoryObject::kind).collect();
        assert_eq!(
            kinds,
            [
                Some(PrincipalKind::User),
                Some(PrincipalKind::Group),
                Some(PrincipalKind::ServicePrincipal),
                None
            ]
        );
        assert_eq!(objects[0].detail(), Some("alex@contoso.com"));
        assert_eq!(objects[2].detail(), Some("app"));
        assert_eq!(objects[1].detail(), None);
    }
}
