//! How stored entitlement objects look on the wire: navigation properties
//! are absent unless `$expand`ed, exactly as Graph returns them.

use crate::error::GraphError;
use crate::odata::ExpandItem;
use crate::tenant::Tenant;
use serde_json::{json, Value};

pub const POLICY_TYPE: &str = "microsoft.graph.accessPackageAssignmentPolicy";
pub const ACCESS_PACKAGE_TYPE: &str = "microsoft.graph.accessPackage";

/// Structural properties of a v1.0 policy (navigation properties excluded).
pub const POLICY_PROPERTIES: &[&str] = &[
    "id",
    "displayName",
    "description",
    "allowedTargetScope",
    "specificAllowedTargets",
    "expiration",
    "requestorSettings",
    "requestApprovalSettings",
    "reviewSettings",
    "automaticRequestSettings",
    "notificationSettings",
    "createdDateTime",
    "modifiedDateTime",
];

/// Expandable navigations of a policy and what each may nest.
const POLICY_EXPANDS: &[(&str, &[&str])] = &[
    ("accessPackage", &["catalog"]),
    ("catalog", &[]),
    ("questions", &[]),
    ("customExtensionStageSettings", &["customExtension"]),
];
const POLICY_NAVIGATIONS: &[&str] = &[
    "accessPackage",
    "catalog",
    "questions",
    "customExtensionStageSettings",
];

const ACCESS_PACKAGE_EXPANDS: &[(&str, &[&str])] = &[("assignmentPolicies", &[]), ("catalog", &[])];

fn unknown_property(name: &str, type_name: &str) -> GraphError {
    GraphError::bad_request(format!(
        "Parsing OData Select and Expand failed: Could not find a property named '{name}' on type '{type_name}'."
    ))
}

fn validate_expand(
    items: &[ExpandItem],
    allowed: &[(&str, &[&str])],
    type_name: &str,
) -> Result<(), GraphError> {
    for item in items {
        let Some((_, nested)) = allowed
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(&item.name))
        else {
            return Err(unknown_property(&item.name, type_name));
        };
        for inner in &item.nested {
            if !nested.iter().any(|n| n.eq_ignore_ascii_case(&inner.name)) {
                return Err(unknown_property(
                    &inner.name,
                    "the expanded navigation property",
                ));
            }
        }
    }
    Ok(())
}

pub fn validate_policy_expand(items: &[ExpandItem]) -> Result<(), GraphError> {
    validate_expand(items, POLICY_EXPANDS, POLICY_TYPE)
}

pub fn validate_access_package_expand(items: &[ExpandItem]) -> Result<(), GraphError> {
    validate_expand(items, ACCESS_PACKAGE_EXPANDS, ACCESS_PACKAGE_TYPE)
}

pub fn policy_select_properties() -> Vec<String> {
    POLICY_PROPERTIES
        .iter()
        .chain(POLICY_NAVIGATIONS)
        .map(|s| (*s).to_owned())
        .collect()
}

/// Names of the expanded navigations, which `$select` must not strip.
pub fn expanded_names(items: &[ExpandItem]) -> Vec<String> {
    items.iter().map(|i| i.name.clone()).collect()
}

pub fn render_policy(stored: &Value, expand: &[ExpandItem], tenant: &Tenant) -> Value {
    let mut policy = stored.clone();
    let Some(object) = policy.as_object_mut() else {
        return policy;
    };
    let package_id = stored["accessPackage"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    for navigation in POLICY_NAVIGATIONS {
        object.remove(*navigation);
    }
    for item in expand {
        match item.name.to_ascii_lowercase().as_str() {
            "accesspackage" => {
                let package = tenant
                    .access_package(&package_id)
                    .map(|p| render_access_package(p, &item.nested, tenant));
                object.insert("accessPackage".into(), package.unwrap_or(Value::Null));
            }
            "catalog" => {
                object.insert("catalog".into(), catalog_of_package(&package_id, tenant));
            }
            "questions" => {
                object.insert(
                    "questions".into(),
                    stored
                        .get("questions")
                        .cloned()
                        .unwrap_or_else(|| json!([])),
                );
            }
            "customextensionstagesettings" => {
                let with_extension = ExpandItem::find(&item.nested, "customExtension").is_some();
                let settings = stored["customExtensionStageSettings"]
                    .as_array()
                    .map(|all| {
                        all.iter()
                            .map(|s| render_stage_setting(s, with_extension, tenant))
                            .collect()
                    })
                    .unwrap_or_default();
                object.insert(
                    "customExtensionStageSettings".into(),
                    Value::Array(settings),
                );
            }
            _ => {}
        }
    }
    policy
}

fn render_stage_setting(stored: &Value, with_extension: bool, tenant: &Tenant) -> Value {
    let mut setting = stored.clone();
    let extension_id = stored["customExtension"]["id"].as_str().unwrap_or_default();
    if with_extension {
        setting["customExtension"] = tenant
            .custom_workflow_extension(extension_id)
            .map(render_custom_extension)
            .unwrap_or_else(|| stored["customExtension"].clone());
    } else if let Some(object) = setting.as_object_mut() {
        object.remove("customExtension");
    }
    setting
}

fn catalog_of_package(package_id: &str, tenant: &Tenant) -> Value {
    tenant
        .access_package(package_id)
        .and_then(|p| p["catalog"]["id"].as_str())
        .and_then(|id| tenant.catalog(id))
        .cloned()
        .unwrap_or(Value::Null)
}

pub fn render_access_package(stored: &Value, expand: &[ExpandItem], tenant: &Tenant) -> Value {
    let mut package = stored.clone();
    let Some(object) = package.as_object_mut() else {
        return package;
    };
    object.remove("catalog");
    let id = stored["id"].as_str().unwrap_or_default();
    for item in expand {
        match item.name.to_ascii_lowercase().as_str() {
            "catalog" => {
                object.insert("catalog".into(), catalog_of_package(id, tenant));
            }
            "assignmentpolicies" => {
                let policies = tenant
                    .policies
                    .iter()
                    .filter(|p| {
                        p["accessPackage"]["id"]
                            .as_str()
                            .is_some_and(|v| v.eq_ignore_ascii_case(id))
                    })
                    .map(|p| render_policy(p, &[], tenant))
                    .collect();
                object.insert("assignmentPolicies".into(), Value::Array(policies));
            }
            _ => {}
        }
    }
    package
}

/// Custom extensions store their catalog as a reference; Graph does not show it inline.
pub fn render_custom_extension(stored: &Value) -> Value {
    let mut extension = stored.clone();
    if let Some(object) = extension.as_object_mut() {
        object.remove("catalog");
    }
    extension
}
