//! Creating a policy over HTTP: the POST, sent once and never retried on its own (a POST is not
//! idempotent), the listing that tells a new policy from those already there, and the pickers'
//! searches.

use gloo_net::http::Request;
use policy_model::{
    error::GraphError,
    requests::{list_policies_url, policy_url, ListPoliciesOptions, POLICIES_PATH},
    AccessPackage, AccessPackageAssignmentPolicy, ODataPage,
};
use serde_json::Value;

use super::{GraphClient, GraphClientError, TokenSource};
use crate::create::{
    encode_segment, search_hits, search_url, Attempt, SearchHit, SearchKind, SubmitOutcome,
};

/// Sends `POST …/assignmentPolicies` with the attempt's body and `client-request-id`.
///
/// Sent once. The only second send is after a 401 with a token (Graph refused the token, so
/// nothing was applied): one fresh token, one more try, as every other call does. A connection
/// that drops after sending, or a 2xx without an id, is [`SubmitOutcome::NoResponse`]: the
/// caller then looks for the policy before anything else.
pub async fn post_policy(base_url: &str, token: &TokenSource, attempt: &Attempt) -> SubmitOutcome {
    let url = format!("{}{POLICIES_PATH}", base_url.trim_end_matches('/'));
    let text = attempt.body.to_string();
    let mut force_refresh = false;
    loop {
        let token_value = match token(force_refresh).await {
            Ok(value) => value,
            Err(e) => return SubmitOutcome::NotSent(format!("{} ({})", e.message, e.code)),
        };
        let mut builder = Request::post(&url)
            .header("client-request-id", &attempt.client_request_id)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json");
        if let Some(value) = &token_value {
            builder = builder.header("Authorization", &format!("Bearer {value}"));
        }
        let request = match builder.body(text.clone()) {
            Ok(request) => request,
            Err(e) => return SubmitOutcome::NotSent(e.to_string()),
        };
        let response = match request.send().await {
            Ok(response) => response,
            Err(e) => {
                return SubmitOutcome::NoResponse(format!(
                    "the connection ended without an answer ({e})"
                ))
            }
        };
        let status = response.status();
        if response.ok() {
            let answer = response.text().await.ok();
            let id = answer
                .as_deref()
                .and_then(|text| serde_json::from_str::<Value>(text).ok())
                .and_then(|value| value.get("id").and_then(Value::as_str).map(str::to_owned));
            return match id {
                Some(id) => SubmitOutcome::Created(id),
                None => SubmitOutcome::NoResponse(format!(
                    "Graph answered {status} but its answer did not name the new policy"
                )),
            };
        }
        let retry_after = response.headers().get("retry-after");
        let body = response.text().await.unwrap_or_default();
        let error = GraphError::from_response(status, retry_after.as_deref(), &body);
        if status == 401 && token_value.is_some() && !force_refresh {
            force_refresh = true;
            continue;
        }
        return SubmitOutcome::Rejected(error);
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

/// One picker search (debounced by the caller).
pub async fn search_directory(
    client: &GraphClient,
    kind: &SearchKind,
    text: &str,
) -> Result<Vec<SearchHit>, GraphClientError> {
    let Some(url) = search_url(client.base_url(), kind, text) else {
        return Ok(Vec::new());
    };
    let answer: Value = client.get_json(&url).await?;
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
/// policy the browser created twice). A 404 means it is already gone, which is what was asked.
pub async fn delete_policy(
    base_url: &str,
    token: &TokenSource,
    policy_id: &str,
) -> Result<(), GraphClientError> {
    let url = policy_url(base_url, policy_id);
    let mut force_refresh = false;
    loop {
        let token_value = token(force_refresh).await?;
        let mut builder = Request::delete(&url).header("Accept", "application/json");
        if let Some(value) = &token_value {
            builder = builder.header("Authorization", &format!("Bearer {value}"));
        }
        let response = builder
            .send()
            .await
            .map_err(|e| GraphClientError::Network(e.to_string()))?;
        let status = response.status();
        if response.ok() || status == 404 {
            return Ok(());
        }
        if status == 401 && token_value.is_some() && !force_refresh {
            force_refresh = true;
            continue;
        }
        let retry_after = response.headers().get("retry-after");
        let body = response.text().await.unwrap_or_default();
        return Err(GraphError::from_response(status, retry_after.as_deref(), &body).into());
    }
}
