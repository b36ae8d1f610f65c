//! Checks on POST/PUT bodies that Graph's entitlement-management service
//! makes, answered with its error shapes: unknown properties are OData 400s,
//! semantic problems are `InvalidModel` with one detail per problem.

use crate::error::{ErrorDetail, GraphError};
use crate::routes::views::{POLICY_PROPERTIES, POLICY_TYPE};
use crate::tenant::Tenant;
use serde_json::Value;

const WRITABLE_NAVIGATIONS: &[&str] = &[
    "accessPackage",
    "questions",
    "customExtensionStageSettings",
    "catalog",
];

const TARGET_SCOPES: &[&str] = &[
    "notSpecified",
    "specificDirectoryUsers",
    "specificConnectedOrganizationUsers",
    "specificDirectoryServicePrincipals",
    "allMemberUsers",
    "allDirectoryUsers",
    "allDirectoryServicePrincipals",
    "allConfiguredConnectedOrganizationUsers",
    "allExternalUsers",
    "allDirectoryAgentIdentities",
];

const SUBJECT_SET_TYPES: &[&str] = &[
    "singleUser",
    "groupMembers",
    "singleServicePrincipal",
    "connectedOrganizationMembers",
    "attributeRuleMembers",
    "requestorManager",
    "internalSponsors",
    "externalSponsors",
    "targetUserSponsors",
    "targetManager",
    "targetApplicationOwners",
    "targetAgentIdentitySponsorsOrOwners",
];

const MAX_STAGES: usize = 3;

fn detail(target: &str, message: impl Into<String>) -> ErrorDetail {
    ErrorDetail {
        code: "InvalidModel".into(),
        message: message.into(),
        target: target.into(),
    }
}

/// Validates `body` for a create or a full replacement.
pub fn validate(
    body: &Value,
    tenant: &Tenant,
    schema: Option<&jsonschema::Validator>,
) -> Result<(), GraphError> {
    let object = body
        .as_object()
        .ok_or_else(|| GraphError::bad_request("The request body must be a JSON object."))?;
    for key in object.keys() {
        let known = key.starts_with("@odata.")
            || POLICY_PROPERTIES.contains(&key.as_str())
            || WRITABLE_NAVIGATIONS.contains(&key.as_str());
        if !known {
            return Err(GraphError::bad_request(format!(
                "The property '{key}' does not exist on type '{POLICY_TYPE}'. Make sure to only use \
                 property names that are defined by the type or mark the type as open type."
            )));
        }
    }

    let mut problems = Vec::new();
    if let Some(schema) = schema {
        problems.extend(schema.iter_errors(body).map(|e| {
            let target = e.instance_path.to_string();
            detail(if target.is_empty() { "/" } else { &target }, e.to_string())
        }));
    }
    match body["displayName"].as_str() {
        Some(name) if !name.trim().is_empty() => {}
        _ => problems.push(detail("displayName", "The DisplayName field is required.")),
    }
    let package_id = body["accessPackage"]["id"]
        .as_str()
        .filter(|id| !id.is_empty());
    if package_id.is_none() {
        problems.push(detail(
            "accessPackage.id",
            "The AccessPackage.Id field is required.",
        ));
    }
    if let Some(scope) = body.get("allowedTargetScope").filter(|v| !v.is_null()) {
        if !scope.as_str().is_some_and(|s| TARGET_SCOPES.contains(&s)) {
            problems.push(detail(
                "allowedTargetScope",
                format!("The value {scope} is not a valid allowedTargetScope."),
            ));
        }
    }
    check_booleans(body, "requestorSettings", &mut problems);
    check_booleans(body, "requestApprovalSettings", &mut problems);
    check_booleans(body, "reviewSettings", &mut problems);
    check_booleans(body, "notificationSettings", &mut problems);
    check_expiration(&body["expiration"], "expiration", &mut problems);
    check_expiration(
        &body["reviewSettings"]["schedule"]["expiration"],
        "reviewSettings.schedule.expiration",
        &mut problems,
    );
    // Documented on recurrencePattern: access reviews support only these two.
    let recurrence = &body["reviewSettings"]["schedule"]["recurrence"]["pattern"]["type"];
    if let Some(kind) = recurrence.as_str() {
        if !["weekly", "absoluteMonthly"].contains(&kind) {
            problems.push(detail(
                "reviewSettings.schedule.recurrence.pattern.type",
                format!(
                    "'{kind}' is not supported for access reviews; use weekly or absoluteMonthly."
                ),
            ));
        }
    }
    if let Some(stages) = body["requestApprovalSettings"]["stages"].as_array() {
        if stages.len() > MAX_STAGES {
            problems.push(detail(
                "requestApprovalSettings.stages",
                format!(
                    "A policy can have at most {MAX_STAGES} approval stages; {} were given.",
                    stages.len()
                ),
            ));
        }
        for (i, stage) in stages.iter().enumerate() {
            for list in [
                "primaryApprovers",
                "fallbackPrimaryApprovers",
                "escalationApprovers",
                "fallbackEscalationApprovers",
            ] {
                check_subjects(
                    &stage[list],
                    &format!("requestApprovalSettings.stages[{i}].{list}"),
                    &mut problems,
                );
            }
        }
    }
    check_subjects(
        &body["specificAllowedTargets"],
        "specificAllowedTargets",
        &mut problems,
    );
    check_subjects(
        &body["requestorSettings"]["onBehalfRequestors"],
        "requestorSettings.onBehalfRequestors",
        &mut problems,
    );
    check_subjects(
        &body["reviewSettings"]["primaryReviewers"],
        "reviewSettings.primaryReviewers",
        &mut problems,
    );
    check_subjects(
        &body["reviewSettings"]["fallbackReviewers"],
        "reviewSettings.fallbackReviewers",
        &mut problems,
    );

    if !problems.is_empty() {
        return Err(GraphError::invalid_model(problems));
    }
    if let Some(id) = package_id {
        if tenant.access_package(id).is_none() {
            return Err(GraphError::entitlement_not_found("access package", id));
        }
    }
    Ok(())
}

/// PowerShell users famously send `"true"`; Graph rejects the whole model.
fn check_booleans(body: &Value, field: &str, problems: &mut Vec<ErrorDetail>) {
    let Some(object) = body[field].as_object() else {
        return;
    };
    for (key, value) in object {
        let should_be_bool =
            key.starts_with("is") || key.starts_with("enable") || key.starts_with("allow");
        if should_be_bool && !value.is_boolean() && !value.is_null() {
            problems.push(detail(
                &format!("{field}.{key}"),
                format!("Expected a boolean for {key}, found {value}."),
            ));
        }
    }
}

fn check_expiration(expiration: &Value, target: &str, problems: &mut Vec<ErrorDetail>) {
    if expiration.is_null() {
        return;
    }
    // Documented on expirationPattern: a duration implies type afterDuration.
    let has_duration = expiration["duration"].as_str().is_some();
    if has_duration && expiration["type"].as_str() != Some("afterDuration") {
        problems.push(detail(
            &format!("{target}.type"),
            "When duration is specified the type must be afterDuration.",
        ));
    }
    let duration = expiration["duration"].as_str();
    match expiration["type"].as_str() {
        Some("afterDuration") if !duration.is_some_and(|d| d.starts_with('P') && d.len() > 1) => {
            problems.push(detail(
                &format!("{target}.duration"),
                "An ISO 8601 duration is required when the expiration type is afterDuration.",
            ))
        }
        Some("afterDateTime") if expiration["endDateTime"].as_str().is_none() => {
            problems.push(detail(
                &format!("{target}.endDateTime"),
                "endDateTime is required when the expiration type is afterDateTime.",
            ))
        }
        Some("notSpecified" | "noExpiration" | "afterDuration" | "afterDateTime") | None => {}
        Some(other) => problems.push(detail(
            &format!("{target}.type"),
            format!("'{other}' is not a valid expirationPatternType."),
        )),
    }
}

fn check_subjects(list: &Value, target: &str, problems: &mut Vec<ErrorDetail>) {
    let Some(subjects) = list.as_array() else {
        return;
    };
    // Documented: attribute rules define who is auto-assigned, nothing else.
    let rules_allowed = target == "specificAllowedTargets";
    for (i, subject) in subjects.iter().enumerate() {
        let odata_type = subject["@odata.type"].as_str().unwrap_or_default();
        let name = odata_type
            .trim_start_matches('#')
            .trim_start_matches("microsoft.graph.");
        if !SUBJECT_SET_TYPES.contains(&name) {
            problems.push(detail(
                &format!("{target}[{i}]"),
                format!("'{odata_type}' is not a subjectSet type."),
            ));
            continue;
        }
        if name == "attributeRuleMembers" && !rules_allowed {
            problems.push(detail(
                &format!("{target}[{i}]"),
                "attributeRuleMembers can only be used in specificAllowedTargets.",
            ));
        }
        let level = subject["managerLevel"].as_i64();
        let range = match name {
            "requestorManager" => Some(1..=2),
            "targetManager" => Some(1..=4),
            _ => None,
        };
        if let (Some(range), Some(level)) = (range, level) {
            if !range.contains(&level) {
                problems.push(detail(
                    &format!("{target}[{i}].managerLevel"),
                    format!(
                        "managerLevel must be between {} and {}.",
                        range.start(),
                        range.end()
                    ),
                ));
            }
        }
    }
}
