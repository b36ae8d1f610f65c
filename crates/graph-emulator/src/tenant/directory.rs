//! Users, groups, service principals and connected organizations of the
//! sample tenant (Contoso, with the names of Microsoft's demo tenants).

use super::ids::stable_id;
use serde_json::{json, Value};

pub const ALEX_WILBER: &str = "7deff43e-1f17-44ef-9e5f-d516b0ba11d4";
pub const MEGAN_BOWEN: &str = "46184453-e63b-4f20-86c2-c557ed5d5df9";
pub const SALES_GROUP: &str = "1623f912-5e86-41c2-af47-39dd67582b66";

const DOMAIN: &str = "contoso.com";

/// (display name, job title, department, office)
const MEMBERS: &[(&str, &str, &str, &str)] = &[
    (
        "Alex Wilber",
        "Marketing Assistant",
        "Marketing",
        "131/1104",
    ),
    ("Megan Bowen", "Marketing Manager", "Marketing", "12/1110"),
    ("Adele Vance", "Retail Manager", "Retail", "18/2111"),
    ("Allan Deyoung", "IT Admin", "IT", "131/1104"),
    ("Christie Cline", "Buyer", "Sales", "131/2103"),
    ("Diego Siciliani", "HR Manager", "HR", "14/1108"),
    (
        "Grady Archie",
        "Designer",
        "Research & Development",
        "19/2109",
    ),
    (
        "Henrietta Mueller",
        "Developer",
        "Research & Development",
        "18/1106",
    ),
    ("Isaiah Langer", "Sales Rep", "Sales", "20/1101"),
    (
        "Johanna Lorenz",
        "Senior Engineer",
        "Engineering",
        "23/2102",
    ),
    ("Joni Sherman", "Paralegal", "Legal", "20/1109"),
    ("Lee Gu", "Director", "Manufacturing", "23/3101"),
    (
        "Lidia Holloway",
        "Product Manager",
        "Engineering",
        "20/2107",
    ),
    ("Lynne Robbins", "Planner", "Retail", "20/1104"),
    ("Miriam Graham", "Director", "Sales", "131/2105"),
    ("Nestor Wilke", "Director", "Operations", "36/2121"),
    (
        "Patti Fernandez",
        "President",
        "Executive Management",
        "15/1102",
    ),
    ("Pradeep Gupta", "Accountant", "Finance", "98/2202"),
    (
        "Irvin Sayers",
        "Identity Governance Administrator",
        "IT",
        "131/1101",
    ),
    ("Enrico Cattaneo", "Attorney", "Legal", "14/1102"),
];

/// (display name, home domain, job title, department) of B2B guests.
const GUESTS: &[(&str, &str, &str, &str)] = &[
    (
        "Kai Nakamura",
        "fabrikam.com",
        "Supply Chain Analyst",
        "Procurement",
    ),
    (
        "Sofia Alvarez",
        "fabrikam.com",
        "Account Executive",
        "Sales",
    ),
    (
        "Liam O'Connor",
        "woodgrovebank.com",
        "External Auditor",
        "Audit",
    ),
    (
        "Amara Okafor",
        "woodgrovebank.com",
        "Risk Consultant",
        "Risk",
    ),
    (
        "Mateo Rossi",
        "tailspintoys.com",
        "Contract Developer",
        "Engineering",
    ),
];

pub fn users() -> Vec<Value> {
    let members = MEMBERS.iter().map(|&(name, title, department, office)| {
        let (given, surname) = name.split_once(' ').unwrap_or((name, ""));
        let alias = given.to_lowercase();
        let upn = format!("{alias}@{DOMAIN}");
        json!({
            "id": user_id(name),
            "displayName": name,
            "givenName": given,
            "surname": surname,
            "userPrincipalName": upn,
            "mail": upn,
            "jobTitle": title,
            "department": department,
            "officeLocation": office,
            "businessPhones": ["+1 425 555 0109"],
            "mobilePhone": null,
            "preferredLanguage": "en-US",
            "userType": "Member",
            "accountEnabled": true,
        })
    });
    let guests = GUESTS.iter().map(|&(name, home, title, department)| {
        let (given, surname) = name.split_once(' ').unwrap_or((name, ""));
        let home_mail = format!(
            "{}.{}@{home}",
            given.to_lowercase(),
            surname.to_lowercase().replace('\'', "")
        );
        json!({
            "id": user_id(name),
            "displayName": name,
            "givenName": given,
            "surname": surname,
            "userPrincipalName": format!("{}#EXT#@contoso.onmicrosoft.com", home_mail.replace('@', "_")),
            "mail": home_mail,
            "jobTitle": title,
            "department": department,
            "officeLocation": null,
            "businessPhones": [],
            "mobilePhone": null,
            "preferredLanguage": null,
            "userType": "Guest",
            "accountEnabled": true,
        })
    });
    members.chain(guests).collect()
}

/// The seed's two users keep the ids of the founding example.
pub fn user_id(display_name: &str) -> String {
    match display_name {
        "Alex Wilber" => ALEX_WILBER.to_owned(),
        "Megan Bowen" => MEGAN_BOWEN.to_owned(),
        other => stable_id("user", other),
    }
}

/// (display name, description, security enabled, mail nickname)
const GROUPS: &[(&str, &str, bool, &str)] = &[
    ("Sales", "Everyone in the sales organisation", true, "sales"),
    ("Finance", "Finance and accounting staff", true, "finance"),
    ("Engineering", "Product engineering", true, "engineering"),
    ("IT Helpdesk", "First-line IT support", true, "ithelpdesk"),
    (
        "Access Approvers",
        "People who approve access package requests",
        true,
        "accessapprovers",
    ),
    (
        "Legal Reviewers",
        "Reviews access to legal matters",
        true,
        "legalreviewers",
    ),
    (
        "Partner Managers",
        "Owners of B2B partner relationships",
        true,
        "partnermanagers",
    ),
    ("All Company", "Every employee", false, "allcompany"),
];

pub fn groups() -> Vec<Value> {
    GROUPS
        .iter()
        .map(|&(name, description, security, nickname)| {
            let unified = !security;
            json!({
                "id": group_id(name),
                "displayName": name,
                "description": description,
                "mail": if unified { json!(format!("{nickname}@{DOMAIN}")) } else { Value::Null },
                "mailEnabled": unified,
                "mailNickname": nickname,
                "securityEnabled": security,
                "groupTypes": if unified { json!(["Unified"]) } else { json!([]) },
                "visibility": if unified { json!("Public") } else { Value::Null },
                "createdDateTime": "2025-09-01T08:00:00Z",
            })
        })
        .collect()
}

pub fn group_id(display_name: &str) -> String {
    match display_name {
        "Sales" => SALES_GROUP.to_owned(),
        other => stable_id("group", other),
    }
}

/// (display name, service principal type, publisher)
const SERVICE_PRINCIPALS: &[(&str, &str)] = &[
    ("Contoso Payroll Sync", "Application"),
    ("HR Provisioning Agent", "Application"),
    ("Build Pipeline (GitHub Actions)", "Application"),
    ("Expense Reporting Bot", "Application"),
];

pub fn service_principals() -> Vec<Value> {
    SERVICE_PRINCIPALS
        .iter()
        .map(|&(name, kind)| {
            json!({
                "id": service_principal_id(name),
                "appId": stable_id("app", name),
                "displayName": name,
                "appDisplayName": name,
                "servicePrincipalType": kind,
                "accountEnabled": true,
                "appOwnerOrganizationId": "dcd219dd-bc68-4b9b-bf0b-4a33a796be35",
                "tags": ["WindowsAzureActiveDirectoryIntegratedApp"],
            })
        })
        .collect()
}

pub fn service_principal_id(display_name: &str) -> String {
    stable_id("servicePrincipal", display_name)
}

/// (display name, domain, state)
const CONNECTED_ORGANIZATIONS: &[(&str, &str, &str)] = &[
    ("Fabrikam", "fabrikam.com", "configured"),
    ("Woodgrove Bank", "woodgrovebank.com", "configured"),
    ("Tailspin Toys", "tailspintoys.com", "configured"),
    ("Northwind Traders", "northwindtraders.com", "proposed"),
];

pub fn connected_organizations() -> Vec<Value> {
    CONNECTED_ORGANIZATIONS
        .iter()
        .map(|&(name, domain, state)| {
            json!({
                "id": connected_organization_id(name),
                "displayName": name,
                "description": format!("Partner organisation {name} ({domain})"),
                "state": state,
                "createdDateTime": "2025-10-06T14:00:00Z",
                "modifiedDateTime": "2025-10-06T14:00:00Z",
                "identitySources": [{
                    "@odata.type": "#microsoft.graph.azureActiveDirectoryTenant",
                    "displayName": name,
                    "tenantId": stable_id("tenant", domain),
                }],
            })
        })
        .collect()
}

pub fn connected_organization_id(display_name: &str) -> String {
    stable_id("connectedOrganization", display_name)
}
