//! `/v1.0/identityGovernance/entitlementManagement/assignmentPolicies`:
//! list, get, create (POST), replace (PUT) and delete.

use super::listing::{base_url, collection_body, page, parse_json_body, parse_query};
use super::policy_validation::validate;
use super::views::{
    expanded_names, policy_select_properties, render_policy, validate_policy_expand, POLICY_TYPE,
};
use crate::error::GraphError;
use crate::odata::select::{project, validate as validate_select};
use crate::odata::QueryOptions;
use crate::state::AppState;
use crate::tenant::Tenant;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::header::LOCATION;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{SecondsFormat, Utc};
use serde_json::{json, Value};

pub const COLLECTION_PATH: &str =
    "/v1.0/identityGovernance/entitlementManagement/assignmentPolicies";
const ENTITY_SET: &str = "identityGovernance/entitlementManagement/assignmentPolicies";

const LIST_OPTIONS: &[&str] = &[
    "$top",
    "$skiptoken",
    "$expand",
    "$filter",
    "$select",
    "$count",
];
const ITEM_OPTIONS: &[&str] = &["$expand", "$select"];

fn parse(raw: Option<&str>, allowed: &[&str]) -> Result<QueryOptions, GraphError> {
    let options = parse_query(raw, allowed)?;
    validate_policy_expand(&options.expand)?;
    if let Some(fields) = &options.select {
        validate_select(fields, &policy_select_properties(), POLICY_TYPE)?;
    }
    Ok(options)
}

/// The policy as the request asked to see it: expanded, then selected.
fn shape(stored: &Value, options: &QueryOptions, tenant: &Tenant) -> Value {
    let rendered = render_policy(stored, &options.expand, tenant);
    match &options.select {
        Some(fields) => project(rendered, fields, &expanded_names(&options.expand)),
        None => rendered,
    }
}

pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    let options = parse(raw.as_deref(), LIST_OPTIONS)?;
    let tenant = state.tenant();
    let page = page(&tenant.policies, &options, state.page_size);
    let values = page
        .items
        .iter()
        .map(|stored| shape(stored, &options, &tenant))
        .collect();
    Ok(Json(collection_body(
        &headers,
        uri.path(),
        ENTITY_SET,
        &options,
        values,
        &page,
    )))
}

pub async fn get_one(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    let options = parse(raw.as_deref(), ITEM_OPTIONS)?;
    let tenant = state.tenant();
    let stored = tenant.policy(&id).ok_or_else(|| not_found(&id))?;
    Ok(Json(entity_body(
        shape(stored, &options, &tenant),
        &headers,
    )))
}

pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, GraphError> {
    let body = parse_json_body(&body)?;
    validate(&body, &state.tenant(), state.schema.as_deref())?;
    let now = now();
    let id = uuid::Uuid::new_v4().to_string();
    let stored = to_stored(body, &id, &now, &now);
    let rendered = {
        let mut tenant = state.tenant_mut();
        tenant.policies.push(stored.clone());
        shape(&stored, &QueryOptions::default(), &tenant)
    };
    let location = format!("{}{COLLECTION_PATH}/{id}", base_url(&headers));
    let mut response = (StatusCode::CREATED, Json(entity_body(rendered, &headers))).into_response();
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(LOCATION, value);
    }
    Ok(response)
}

pub async fn replace(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, GraphError> {
    let body = parse_json_body(&body)?;
    validate(&body, &state.tenant(), state.schema.as_deref())?;
    let mut tenant = state.tenant_mut();
    let slot = tenant
        .policies
        .iter_mut()
        .find(|p| {
            p["id"]
                .as_str()
                .is_some_and(|v| v.eq_ignore_ascii_case(&id))
        })
        .ok_or_else(|| not_found(&id))?;
    // PUT replaces the whole object: whatever the body omits is gone; only
    // the server-owned id and creation time survive.
    let stored_id = slot["id"].as_str().unwrap_or(&id).to_owned();
    let created = slot["createdDateTime"]
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(now);
    *slot = to_stored(body, &stored_id, &created, &now());
    let stored = slot.clone();
    let rendered = shape(&stored, &QueryOptions::default(), &tenant);
    Ok(Json(entity_body(rendered, &headers)))
}

pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, GraphError> {
    let mut tenant = state.tenant_mut();
    let before = tenant.policies.len();
    tenant.policies.retain(|p| {
        !p["id"]
            .as_str()
            .is_some_and(|v| v.eq_ignore_ascii_case(&id))
    });
    if tenant.policies.len() == before {
        return Err(not_found(&id));
    }
    Ok(StatusCode::NO_CONTENT)
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// A single entity carries its own `@odata.context`, as in Graph.
fn entity_body(mut body: Value, headers: &HeaderMap) -> Value {
    body["@odata.context"] = json!(format!(
        "{}/v1.0/$metadata#{ENTITY_SET}/$entity",
        base_url(headers)
    ));
    body
}

fn not_found(id: &str) -> GraphError {
    GraphError::entitlement_not_found("assignment policy", id)
}

/// Server-owned fields win over the body; contained entities get ids.
fn to_stored(mut body: Value, id: &str, created: &str, modified: &str) -> Value {
    if let Some(object) = body.as_object_mut() {
        object.retain(|key, _| !key.starts_with("@odata.") && key != "catalog");
        object.insert("id".into(), json!(id));
        object.insert("createdDateTime".into(), json!(created));
        object.insert("modifiedDateTime".into(), json!(modified));
        object.insert(
            "accessPackage".into(),
            json!({ "id": body_package_id(object) }),
        );
        for field in ["questions", "customExtensionStageSettings"] {
            if let Some(items) = object.get_mut(field).and_then(Value::as_array_mut) {
                for item in items {
                    if item.get("id").and_then(Value::as_str).is_none() {
                        item["id"] = json!(uuid::Uuid::new_v4().to_string());
                    }
                }
            }
        }
    }
    body
}

fn body_package_id(object: &serde_json::Map<String, Value>) -> String {
    object
        .get("accessPackage")
        .and_then(|p| p["id"].as_str())
        .unwrap_or_default()
        .to_owned()
}
