//! Creating a policy over HTTP: the POST, sent once and never retried on its own (a POST is not
//! idempotent), the listing that tells a new policy from those already there, and the pickers'
//! searches.

use gloo_net::http::Method;
use policy_model::{
    requests::{list_policies_url, policy_url, ListPoliciesOptions, POLICIES_PATH},
    AccessPackage, AccessPackageAssignmentPolicy, ODataPage,
};
use serde_json::Value;

use super::{
    client::{decode_error, NotSent, SentOnce},
    GraphClient, GraphClientError,
};
use crate::create::{
    encode_segment, search_hits, search_request, Attempt, SearchHit, SearchKind, SubmitOutcome,
};

/// Sends `POST …/assignmentPolicies` with the attempt's body and `client-request-id`.
///
/// Sent once ([`GraphClient::send_once`]): a POST is not idempotent, so it is never retried on its
/// own; the only second send is after a 401 with a token (Graph refused the token, so nothing was
/// applied). A connection that drops after sending, or a 2xx without an id, is
/// [`SubmitOutcome::NoResponse`]: the caller then looks for the policy before anything else.
pub async fn post_policy(client: &GraphClient, attempt: &Attempt) -> SubmitOutcome {
    let url = format!("{}{POLICIES_PATH}", client.base_url());
    let text = attempt.body.to_string();
    let sent = client
        .send_once(Method::POST, &url, &attempt.client_request_id, Some(&text))
        .await;
    let response = match sent {
        SentOnce::Answered(response) => response,
        SentOnce::NotSent(NotSent::Token(e)) => {
            return SubmitOutcome::NotSent(format!("{} ({})", e.message, e.code))
        }
        SentOnce::NotSent(NotSent::Request(e)) => return SubmitOutcome::NotSent(e),
        SentOnce::NoResponse(e) => {
            return SubmitOutcome::NoResponse(format!(
                "the connection ended without an answer ({e})"
            ))
        }
    };
    let status = response.status();
    if !response.ok() {
        return SubmitOutcome::Rejected(decode_error(response).await);
    }
    // Graph applied it; without the new id in hand, the caller looks for the policy instead.
    let text = match response.text().await {
        Ok(text) => text,
        Err(e) => {
            return SubmitOutcome::NoResponse(format!(
                "Graph answered {status} but its answer could not be read ({e})"
            ))
        }
    };
    let id = serde_json::from_str::<Value>(&text)
        .ok()
        .and_then(|value| value.get("id").and_then(Value::as_str).map(str::to_owned));
    match id {
        Some(id) => SubmitOutcome::Created(id),
        None => SubmitOutcome::NoResponse(format!(
            "Graph answered {status} but its answer did not name the new policy"
        )),
    }
}

/// The policies on `access_package_id` named `display_name`: every page of
/// `assignmentPolicies?$filter=accessPackage/id eq '…'`, matched by name here. Catalog owners and
/// access package managers cannot list tenant-wide (403); for them the package's own
/// `accessPackages/{id}?$expand=assignmentPolicies` is read instead.
pub async fn policies_named(
    client: &GraphClient,
    access_package_id: &str,
    display_name: &str,
) -> Result<Vec<AccessPackageAssignmentPolicy>, GraphClientError> {
    let named = |policies: Vec<AccessPackageAssignmentPolicy>| {
        policies
            .into_iter()
            .filter(|policy| policy.display_name() == Some(display_name))
            .collect::<Vec<_>>()
    };
    let options = ListPoliciesOptions {
        expand: Vec::new(),
        filter_access_package_id: Some(access_package_id.to_owned()),
        ..ListPoliciesOptions::default()
    };
    let mut url = Some(list_policies_url(client.base_url(), &options));
    let mut found = Vec::new();
    while let Some(current) = url {
        let page: ODataPage<AccessPackageAssignmentPolicy> = match client.get_json(&current).await {
            Ok(page) => page,
            Err(GraphClientError::Graph(e)) if e.status() == 403 && found.is_empty() => {
                let package_url = format!(
                        "{}/identityGovernance/entitlementManagement/accessPackages/{}?$expand=assignmentPolicies",
                        client.base_url(),
                        encode_segment(access_package_id)
                    );
                let package: AccessPackage = client.get_json(&package_url).await?;
                return Ok(named(
                    package
                        .assignment_policies
                        .into_option()
                        .unwrap_or_default(),
                ));
            }
            Err(e) => return Err(e),
        };
        url = page.next_link;
        found.extend(named(page.value));
    }
    Ok(found)
}

/// One picker search (debounced by the caller); what it asks is [`search_request`]'s to decide.
pub async fn search_directory(
    client: &GraphClient,
    kind: &SearchKind,
    text: &str,
) -> Result<Vec<SearchHit>, GraphClientError> {
    let Some(request) = search_request(client.base_url(), kind, text) else {
        return Ok(Vec::new());
    };
    // Directory `$search` is an advanced query: without this header Graph answers 400.
    let headers: &[(&str, &str)] = if request.consistency_eventual {
        &[("ConsistencyLevel", "eventual")]
    } else {
        &[]
    };
    let answer: Value = client.get_json_with_headers(&request.url, headers).await?;
    Ok(search_hits(kind, &answer, text))
}

/// The catalog (id and name) of an access package, for listing its custom extensions when the
/// package came from a template, an import or a saved draft rather than the picker.
pub async fn access_package_catalog(
    client: &GraphClient,
    access_package_id: &str,
) -> Result<Option<(String, Option<String>)>, GraphClientError> {
    let url = format!(
        "{}/identityGovernance/entitlementManagement/accessPackages/{}?$expand=catalog",
        client.base_url(),
        encode_segment(access_package_id)
    );
    let package: Value = client.get_json(&url).await?;
    Ok(package.get("catalog").and_then(|catalog| {
        let id = catalog.get("id")?.as_str()?.to_owned();
        let name = package
            .get("displayName")
            .and_then(Value::as_str)
            .map(str::to_owned);
        Some((id, name))
    }))
}

/// `DELETE …/assignmentPolicies/{id}`: only ever on the admin's explicit request (removing a
/// policy the browser created twice). Sent once ([`GraphClient::send_once`]) like the POST: the
/// admin sees the outcome and decides whether to try again. A 404 means it is already gone, which
/// is what was asked.
pub async fn delete_policy(client: &GraphClient, policy_id: &str) -> Result<(), GraphClientError> {
    let url = policy_url(client.base_url(), policy_id);
    // Its own request id, so the deletion can be found in Graph's logs like every other call.
    let request_id = super::new_request_id();
    let response = match client
        .send_once(Method::DELETE, &url, &request_id, None)
        .await
    {
        SentOnce::Answered(response) => response,
        SentOnce::NotSent(NotSent::Token(e)) => return Err(e.into()),
        SentOnce::NotSent(NotSent::Request(e)) | SentOnce::NoResponse(e) => {
            return Err(GraphClientError::Network(e))
        }
    };
    if response.ok() || response.status() == 404 {
        return Ok(());
    }
    Err(decode_error(response).await.into())
}
