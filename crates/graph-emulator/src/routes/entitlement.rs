//! The other entitlement-management collections a policy editor needs:
//! access packages, catalogs (with their custom workflow extensions) and
//! connected organizations.

use super::listing::{base_url, collection_body, known_properties, page, parse_query};
use super::views::{
    expanded_names, render_access_package, render_custom_extension, validate_access_package_expand,
};
use crate::error::GraphError;
use crate::odata::select::{project, validate as validate_select};
use crate::odata::QueryOptions;
use crate::state::AppState;
use crate::tenant::{find_by_id, Tenant};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, Uri};
use axum::Json;
use serde_json::{json, Value};

const EM: &str = "identityGovernance/entitlementManagement";
const LIST_OPTIONS: &[&str] = &[
    "$top",
    "$skiptoken",
    "$expand",
    "$filter",
    "$select",
    "$count",
    "$search",
    "$orderby",
];
const ITEM_OPTIONS: &[&str] = &["$expand", "$select"];

/// Parses, then checks `$select` against what the collection's items carry.
fn options(
    raw: Option<&str>,
    allowed: &[&str],
    items: &[Value],
    navigations: &[&str],
    type_name: &str,
) -> Result<QueryOptions, GraphError> {
    let options = parse_query(raw, allowed)?;
    if let Some(fields) = &options.select {
        validate_select(fields, &known_properties(items, navigations), type_name)?;
    }
    Ok(options)
}

fn select(item: Value, options: &QueryOptions) -> Value {
    match &options.select {
        Some(fields) => project(item, fields, &expanded_names(&options.expand)),
        None => item,
    }
}

fn no_expand(options: &QueryOptions, type_name: &str) -> Result<(), GraphError> {
    match options.expand.first() {
        Some(item) => Err(GraphError::bad_request(format!(
            "Parsing OData Select and Expand failed: Could not find a property named '{}' on type '{type_name}'.",
            item.name
        ))),
        None => Ok(()),
    }
}

/// A navigation-free collection (catalogs, extensions, connected organizations).
struct Plain<'a, R: Fn(&Value) -> Value> {
    items: &'a [Value],
    render: R,
    type_name: &'a str,
    entity_set: String,
}

impl<R: Fn(&Value) -> Value> Plain<'_, R> {
    fn list(
        &self,
        headers: &HeaderMap,
        uri: &Uri,
        raw: Option<&str>,
        page_size: usize,
    ) -> Result<Json<Value>, GraphError> {
        let options = options(raw, LIST_OPTIONS, self.items, &[], self.type_name)?;
        no_expand(&options, self.type_name)?;
        let page = page(self.items, &options, page_size);
        let values = page
            .items
            .iter()
            .map(|item| select((self.render)(item), &options))
            .collect();
        Ok(Json(collection_body(
            headers,
            uri.path(),
            &self.entity_set,
            &options,
            values,
            &page,
        )))
    }

    fn item(
        &self,
        id: &str,
        headers: &HeaderMap,
        raw: Option<&str>,
    ) -> Result<Json<Value>, GraphError> {
        let options = options(raw, ITEM_OPTIONS, self.items, &[], self.type_name)?;
        no_expand(&options, self.type_name)?;
        let kind = self.type_name.trim_start_matches("microsoft.graph.");
        let item = find_by_id(self.items, id)
            .ok_or_else(|| GraphError::entitlement_not_found(kind, id))?;
        let mut body = select((self.render)(item), &options);
        body["@odata.context"] = json!(format!(
            "{}/v1.0/$metadata#{}/$entity",
            base_url(headers),
            self.entity_set
        ));
        Ok(Json(body))
    }
}

fn catalogs(tenant: &Tenant) -> Plain<'_, fn(&Value) -> Value> {
    Plain {
        items: &tenant.catalogs,
        render: Value::clone,
        type_name: "microsoft.graph.accessPackageCatalog",
        entity_set: format!("{EM}/catalogs"),
    }
}

fn connected_organizations(tenant: &Tenant) -> Plain<'_, fn(&Value) -> Value> {
    Plain {
        items: &tenant.connected_organizations,
        render: Value::clone,
        type_name: "microsoft.graph.connectedOrganization",
        entity_set: format!("{EM}/connectedOrganizations"),
    }
}

fn extensions<'a>(items: &'a [Value], catalog_id: &str) -> Plain<'a, fn(&Value) -> Value> {
    Plain {
        items,
        render: render_custom_extension,
        type_name: "microsoft.graph.customCalloutExtension",
        entity_set: format!("{EM}/catalogs('{catalog_id}')/customWorkflowExtensions"),
    }
}

pub async fn list_access_packages(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    let tenant = state.tenant();
    let options = options(
        raw.as_deref(),
        LIST_OPTIONS,
        &tenant.access_packages,
        &["assignmentPolicies", "catalog"],
        "microsoft.graph.accessPackage",
    )?;
    validate_access_package_expand(&options.expand)?;
    let page = page(&tenant.access_packages, &options, state.page_size);
    let values = page
        .items
        .iter()
        .map(|p| select(render_access_package(p, &options.expand, &tenant), &options))
        .collect();
    Ok(Json(collection_body(
        &headers,
        uri.path(),
        &format!("{EM}/accessPackages"),
        &options,
        values,
        &page,
    )))
}

pub async fn get_access_package(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    let tenant = state.tenant();
    let options = options(
        raw.as_deref(),
        ITEM_OPTIONS,
        &tenant.access_packages,
        &["assignmentPolicies", "catalog"],
        "microsoft.graph.accessPackage",
    )?;
    validate_access_package_expand(&options.expand)?;
    let stored = tenant
        .access_package(&id)
        .ok_or_else(|| GraphError::entitlement_not_found("access package", &id))?;
    let mut body = select(
        render_access_package(stored, &options.expand, &tenant),
        &options,
    );
    body["@odata.context"] = json!(format!(
        "{}/v1.0/$metadata#{EM}/accessPackages/$entity",
        base_url(&headers)
    ));
    Ok(Json(body))
}

pub async fn list_catalogs(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    catalogs(&state.tenant()).list(&headers, &uri, raw.as_deref(), state.page_size)
}

pub async fn get_catalog(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    catalogs(&state.tenant()).item(&id, &headers, raw.as_deref())
}

fn extensions_of(tenant: &Tenant, catalog_id: &str) -> Result<Vec<Value>, GraphError> {
    let catalog = tenant
        .catalog(catalog_id)
        .ok_or_else(|| GraphError::entitlement_not_found("catalog", catalog_id))?;
    let id = catalog["id"].clone();
    Ok(tenant
        .custom_workflow_extensions
        .iter()
        .filter(|e| e["catalog"]["id"] == id)
        .cloned()
        .collect())
}

pub async fn list_custom_workflow_extensions(
    State(state): State<AppState>,
    Path(catalog_id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    let items = extensions_of(&state.tenant(), &catalog_id)?;
    extensions(&items, &catalog_id).list(&headers, &uri, raw.as_deref(), state.page_size)
}

pub async fn get_custom_workflow_extension(
    State(state): State<AppState>,
    Path((catalog_id, id)): Path<(String, String)>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    let items = extensions_of(&state.tenant(), &catalog_id)?;
    extensions(&items, &catalog_id).item(&id, &headers, raw.as_deref())
}

pub async fn list_connected_organizations(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    connected_organizations(&state.tenant()).list(&headers, &uri, raw.as_deref(), state.page_size)
}

pub async fn get_connected_organization(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    connected_organizations(&state.tenant()).item(&id, &headers, raw.as_deref())
}
