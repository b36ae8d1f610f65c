//! Catalogs, access packages and catalog custom workflow extensions of the
//! sample tenant.

use super::ids::stable_id;
use serde_json::{json, Value};

/// The access package of the founding seed policy.
pub const SEED_ACCESS_PACKAGE: &str = "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b";

/// (display name, description, catalog type, externally visible)
const CATALOGS: &[(&str, &str, &str, bool)] = &[
    ("General", "Built-in catalog.", "serviceDefault", true),
    (
        "Sales and Marketing",
        "Sites, teams and apps used by sales and marketing",
        "userManaged",
        false,
    ),
    (
        "Engineering Resources",
        "Repositories, build systems and test labs",
        "userManaged",
        false,
    ),
    (
        "Partner Collaboration",
        "Resources shared with connected organizations",
        "userManaged",
        true,
    ),
    (
        "Finance",
        "Finance applications and reporting",
        "userManaged",
        false,
    ),
];

pub fn catalogs() -> Vec<Value> {
    CATALOGS
        .iter()
        .map(|&(name, description, kind, external)| {
            json!({
                "id": catalog_id(name),
                "displayName": name,
                "description": description,
                "catalogType": kind,
                "state": "published",
                "isExternallyVisible": external,
                "createdDateTime": "2025-09-15T10:00:00Z",
                "modifiedDateTime": "2025-09-15T10:00:00Z",
            })
        })
        .collect()
}

pub fn catalog_id(display_name: &str) -> String {
    stable_id("catalog", display_name)
}

/// (display name, description, catalog)
pub const ACCESS_PACKAGES: &[(&str, &str, &str)] = &[
    (
        "External Partner Workspace",
        "Teams site and SharePoint library shared with partner organizations",
        "Partner Collaboration",
    ),
    (
        "Sales Team Essentials",
        "CRM, sales SharePoint site and the Sales team",
        "Sales and Marketing",
    ),
    (
        "Marketing Campaign Tools",
        "Campaign planner, brand assets library and social scheduling app",
        "Sales and Marketing",
    ),
    (
        "Engineering Onboarding",
        "Source repositories, build pipeline and engineering wiki",
        "Engineering Resources",
    ),
    (
        "Production Support On-Call",
        "Break-glass access to production diagnostics",
        "Engineering Resources",
    ),
    (
        "Finance Reporting",
        "Power BI finance workspace and ledger read access",
        "Finance",
    ),
    (
        "Payroll Integration",
        "Payroll API access for automation accounts",
        "Finance",
    ),
    (
        "Contractor Starter Kit",
        "Basic collaboration access for contractors",
        "General",
    ),
    (
        "Supplier Portal",
        "Procurement portal for supplier contacts",
        "Partner Collaboration",
    ),
    (
        "Audit Evidence Room",
        "Read-only evidence library for external auditors",
        "Finance",
    ),
    (
        "Legal Matter Workspace",
        "Confidential legal matter sites",
        "General",
    ),
];

pub fn access_packages() -> Vec<Value> {
    ACCESS_PACKAGES
        .iter()
        .map(|&(name, description, catalog)| {
            json!({
                "id": access_package_id(name),
                "displayName": name,
                "description": description,
                "isHidden": false,
                "createdDateTime": "2025-11-03T12:00:00Z",
                "modifiedDateTime": "2025-11-03T12:00:00Z",
                "catalog": { "id": catalog_id(catalog) },
            })
        })
        .collect()
}

pub fn access_package_id(display_name: &str) -> String {
    match display_name {
        "External Partner Workspace" => SEED_ACCESS_PACKAGE.to_owned(),
        other => stable_id("accessPackage", other),
    }
}

pub fn custom_workflow_extensions() -> Vec<Value> {
    [
        (
            "Notify partner manager",
            "Posts new partner requests to the partner managers' Teams channel",
            "Partner Collaboration",
        ),
        (
            "Provision lab account",
            "Creates a test-lab account once engineering access is granted",
            "Engineering Resources",
        ),
    ]
    .iter()
    .map(|&(name, description, catalog)| {
        json!({
            "@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension",
            "id": custom_workflow_extension_id(name),
            "displayName": name,
            "description": description,
            "createdDateTime": "2025-12-01T09:00:00Z",
            "lastModifiedDateTime": "2025-12-01T09:00:00Z",
            "createdBy": "irvin@contoso.com",
            "lastModifiedBy": "irvin@contoso.com",
            "endpointConfiguration": {
                "@odata.type": "#microsoft.graph.logicAppTriggerEndpointConfiguration",
                "subscriptionId": "38ab2ccc-3747-4567-b36b-9478f5602f0d",
                "resourceGroupName": "rg-identity-governance",
                "logicAppWorkflowName": name.to_lowercase().replace(' ', "-"),
                "url": format!(
                    "https://prod-07.westus.logic.azure.com/workflows/{}/triggers/manual/run",
                    stable_id("logicApp", name).replace('-', "")
                ),
            },
            "authenticationConfiguration": {
                "@odata.type": "#microsoft.graph.azureAdPopTokenAuthentication",
            },
            "clientConfiguration": {
                "@odata.type": "#microsoft.graph.customExtensionClientConfiguration",
                "maximumRetries": 1,
                "timeoutInMilliseconds": 10000,
            },
            "catalog": { "id": catalog_id(catalog) },
        })
    })
    .collect()
}

pub fn custom_workflow_extension_id(display_name: &str) -> String {
    stable_id("customWorkflowExtension", display_name)
}
