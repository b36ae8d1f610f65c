//! The `large` tenant: the sample tenant grown to exactly 5,000 policies over
//! 500 access packages, for paging and performance tests. Generated policies
//! are copies of the sample ones (so every kind stays represented) with their
//! own ids, names and access packages; the output is the same on every run.

use super::ids::stable_id;
use super::packages::catalog_id;
use super::{sample_policies, Tenant};
use serde_json::{json, Value};

pub const ACCESS_PACKAGE_COUNT: usize = 500;
pub const POLICY_COUNT: usize = 5_000;

const DEPARTMENTS: &[&str] = &[
    "Finance",
    "Sales",
    "Engineering",
    "HR",
    "Legal",
    "Marketing",
    "Operations",
    "Procurement",
    "Research",
    "Support",
];
const RESOURCES: &[&str] = &[
    "SharePoint site",
    "Teams workspace",
    "Power BI workspace",
    "ERP module",
    "Git repositories",
    "Test lab",
    "Data warehouse",
    "CRM view",
    "Ticket queue",
    "Wiki",
];
const REGIONS: &[&str] = &["EMEA", "Americas", "APAC", "Global", "Nordics"];
const CATALOGS: &[&str] = &[
    "Sales and Marketing",
    "Engineering Resources",
    "Partner Collaboration",
    "Finance",
    "General",
];

pub fn grow(tenant: &mut Tenant) {
    let names = DEPARTMENTS.iter().flat_map(|department| {
        RESOURCES.iter().flat_map(move |resource| {
            REGIONS
                .iter()
                .map(move |region| format!("{department} {resource} ({region})"))
        })
    });
    let missing_packages = ACCESS_PACKAGE_COUNT - tenant.access_packages.len();
    for (index, name) in names.take(missing_packages).enumerate() {
        tenant.access_packages.push(json!({
            "id": stable_id("accessPackage", &name),
            "displayName": name,
            "description": format!("Generated access package {} of the large tenant", index + 1),
            "isHidden": index % 17 == 0,
            "createdDateTime": "2025-11-03T12:00:00Z",
            "modifiedDateTime": "2025-11-03T12:00:00Z",
            "catalog": { "id": catalog_id(CATALOGS[index % CATALOGS.len()]) },
        }));
    }

    let templates = sample_policies::policies();
    let packages: Vec<(String, String)> = tenant
        .access_packages
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap_or_default().to_owned(),
                p["displayName"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let missing_policies = POLICY_COUNT - tenant.policies.len();
    for k in 0..missing_policies {
        let (package_id, package_name) = &packages[k % packages.len()];
        let template = &templates[(k / packages.len()) % templates.len()];
        tenant
            .policies
            .push(generated_policy(template, k, package_id, package_name));
    }
}

fn generated_policy(template: &Value, k: usize, package_id: &str, package_name: &str) -> Value {
    let mut policy = template.clone();
    let kind = template["displayName"].as_str().unwrap_or("Policy");
    policy["id"] = json!(stable_id("largePolicy", &k.to_string()));
    policy["displayName"] = json!(format!("{kind} - {package_name}"));
    let stamp = format!(
        "2026-{:02}-{:02}T{:02}:{:02}:00Z",
        1 + k % 12,
        1 + k % 28,
        k % 24,
        k % 60
    );
    policy["createdDateTime"] = json!(stamp);
    policy["modifiedDateTime"] = json!(stamp);
    policy["accessPackage"] = json!({ "id": package_id });
    // Contained entities need ids of their own, not the template's.
    for (field, kind) in [
        ("questions", "largeQuestion"),
        ("customExtensionStageSettings", "largeExtensionStage"),
    ] {
        if let Some(items) = policy[field].as_array_mut() {
            for (i, item) in items.iter_mut().enumerate() {
                item["id"] = json!(stable_id(kind, &format!("{k}/{i}")));
            }
        }
    }
    policy
}
