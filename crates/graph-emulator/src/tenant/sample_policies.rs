//! The sample tenant's assignment policies (besides the founding seed), one
//! or more of each kind an administrator meets: direct assignment, members,
//! specific users/groups, connected organizations, all external users,
//! service principals, auto-assignment, questions, multi-stage approval,
//! reviews and the four kinds of expiration.

use super::directory::{connected_organization_id as org, group_id as group, user_id as user};
use super::directory::{service_principal_id, ALEX_WILBER, MEGAN_BOWEN, SALES_GROUP};
use super::ids::stable_id;
use super::packages::{access_package_id, custom_workflow_extension_id};
use super::policy_parts::*;
use serde_json::{json, Value};

/// A policy being described; [`Draft::finish`] turns it into stored JSON.
pub struct Draft {
    pub package: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub scope: &'static str,
    pub targets: Vec<Value>,
    pub expiration: Value,
    pub requestors: Requestors,
    pub approval: Value,
    pub review: Value,
    pub automatic: Option<Value>,
    pub questions: Vec<Value>,
    pub extension_stages: Vec<Value>,
    pub notifications_disabled: bool,
}

pub fn draft(
    package: &'static str,
    name: &'static str,
    description: &'static str,
    scope: &'static str,
) -> Draft {
    Draft {
        package,
        name,
        description,
        scope,
        targets: Vec::new(),
        expiration: expires_after("P365D"),
        requestors: Requestors::self_service(),
        approval: no_approval(),
        review: Value::Null,
        automatic: None,
        questions: Vec::new(),
        extension_stages: Vec::new(),
        notifications_disabled: false,
    }
}

impl Draft {
    /// `index` only staggers the timestamps so lists look like real history.
    pub fn finish(self, index: usize) -> Value {
        let day = 1 + index % 28;
        let month = 1 + (index / 28) % 12;
        let stamp = format!(
            "2026-{month:02}-{day:02}T{:02}:{:02}:00Z",
            8 + index % 10,
            index % 60
        );
        let mut policy = json!({
            "id": stable_id("policy", &format!("{}/{}", self.package, self.name)),
            "displayName": self.name,
            "description": self.description,
            "allowedTargetScope": self.scope,
            "specificAllowedTargets": self.targets,
            "expiration": self.expiration,
            "requestorSettings": self.requestors.to_json(),
            "requestApprovalSettings": self.approval,
            "reviewSettings": self.review,
            "notificationSettings": { "isAssignmentNotificationDisabled": self.notifications_disabled },
            "createdDateTime": stamp,
            "modifiedDateTime": stamp,
            "accessPackage": { "id": access_package_id(self.package) },
            "questions": self.questions,
            "customExtensionStageSettings": self.extension_stages,
        });
        if let Some(automatic) = self.automatic {
            policy["automaticRequestSettings"] = automatic;
        }
        policy
    }
}

fn auto_assignment(rule: &str, grace: &str) -> (Vec<Value>, Value) {
    (
        vec![attribute_rule(rule)],
        json!({
            "requestAccessForAllowedTargets": true,
            "removeAccessWhenTargetLeavesAllowedTargets": true,
            "gracePeriodBeforeAccessRemoval": grace,
        }),
    )
}

pub fn policies() -> Vec<Value> {
    drafts()
        .into_iter()
        .enumerate()
        .map(|(index, draft)| draft.finish(index + 1))
        .collect()
}

fn drafts() -> Vec<Draft> {
    let (sales_rule, sales_auto) = auto_assignment("(user.department -eq \"Sales\")", "P7D");
    let (legal_rule, legal_auto) = auto_assignment("(user.department -eq \"Legal\")", "P14D");
    vec![
        Draft {
            targets: vec![
                connected_organization_members(&org("Fabrikam")),
                connected_organization_members(&org("Woodgrove Bank")),
            ],
            expiration: expires_after("P180D"),
            approval: approval(
                true,
                vec![stage(14, vec![typed("externalSponsors")], vec![group_members(&group("Partner Managers"))])],
            ),
            ..draft(
                "External Partner Workspace",
                "Fabrikam and Woodgrove collaborators",
                "Named partner organizations request access; their external sponsor approves.",
                "specificConnectedOrganizationUsers",
            )
        },
        Draft {
            requestors: Requestors { custom_schedule: true, ..Requestors::nobody() },
            expiration: expires_after("P90D"),
            ..draft(
                "External Partner Workspace",
                "Direct assignment by partner managers",
                "Administrators assign partner users directly; nobody can request.",
                "notSpecified",
            )
        },
        Draft {
            targets: sales_rule,
            automatic: Some(sales_auto),
            requestors: Requestors::nobody(),
            expiration: no_expiration(),
            ..draft(
                "Sales Team Essentials",
                "Sales department (automatic)",
                "Everyone whose department is Sales gets the package automatically.",
                "specificDirectoryUsers",
            )
        },
        Draft {
            approval: approval(
                true,
                vec![stage(14, vec![requestor_manager(1)], vec![single_user(MEGAN_BOWEN)])],
            ),
            questions: vec![
                choice_question(
                    &stable_id("question", "sales-region"),
                    1,
                    "Which sales region will you work in?",
                    false,
                    &[("emea", "Europe, Middle East and Africa"), ("amer", "Americas"), ("apac", "Asia Pacific")],
                ),
                text_question(&stable_id("question", "sales-justification"), 2, "Which accounts do you need to see?", None),
            ],
            ..draft(
                "Sales Team Essentials",
                "Employees outside Sales",
                "Any member can ask; their manager approves, Megan Bowen if they have none.",
                "allMemberUsers",
            )
        },
        Draft {
            targets: vec![single_user(MEGAN_BOWEN), single_user(ALEX_WILBER), group_members(SALES_GROUP)],
            expiration: expires_after("P90D"),
            ..draft(
                "Marketing Campaign Tools",
                "Marketing and sales staff",
                "Named marketers and the Sales group can request without approval.",
                "specificDirectoryUsers",
            )
        },
        Draft {
            expiration: expires_after("P30D"),
            approval: approval(
                true,
                vec![
                    stage(7, vec![typed("targetUserSponsors")], vec![single_user(MEGAN_BOWEN)]),
                    stage(7, vec![single_user(&user("Miriam Graham"))], vec![]),
                ],
            ),
            review: review("absoluteMonthly", 1, "removeAccess", vec![], vec![]),
            ..draft(
                "Marketing Campaign Tools",
                "Agency contractors",
                "Any external user; sponsor then marketing director approve; monthly self-review.",
                "allExternalUsers",
            )
        },
        Draft {
            requestors: Requestors { custom_schedule: true, ..Requestors::self_service() },
            review: review(
                "absoluteMonthly",
                3,
                "keepAccess",
                vec![requestor_manager(1)],
                vec![single_user(&user("Johanna Lorenz"))],
            ),
            extension_stages: vec![extension_stage(
                &stable_id("extensionStage", "engineering-onboarding"),
                "assignmentRequestGranted",
                &custom_workflow_extension_id("Provision lab account"),
            )],
            ..draft(
                "Engineering Onboarding",
                "New engineers",
                "Members request freely; managers review quarterly; a lab account is provisioned on grant.",
                "allMemberUsers",
            )
        },
        Draft {
            targets: vec![connected_organization_members(&org("Tailspin Toys"))],
            expiration: expires_after("P90D"),
            approval: approval(
                true,
                vec![
                    escalate(
                        stage(14, vec![typed("internalSponsors")], vec![single_user(&user("Johanna Lorenz"))]),
                        "P7D",
                        vec![single_user(&user("Lidia Holloway"))],
                    ),
                    stage(14, vec![typed("externalSponsors")], vec![single_user(&user("Lee Gu"))]),
                    stage(7, vec![group_members(&group("Engineering"))], vec![]),
                ],
            ),
            questions: vec![text_question(
                &stable_id("question", "tailspin-contract"),
                1,
                "Contract number",
                Some("^TS-[0-9]{5}$"),
            )],
            ..draft(
                "Engineering Onboarding",
                "Tailspin contract developers",
                "Three approval stages: internal sponsor, external sponsor, then Engineering.",
                "specificConnectedOrganizationUsers",
            )
        },
        Draft {
            targets: vec![group_members(&group("Engineering"))],
            expiration: expires_after("PT8H"),
            approval: approval(
                true,
                vec![with(
                    escalate(
                        stage(1, vec![group_members(&group("IT Helpdesk"))], vec![]),
                        "PT4H",
                        vec![single_user(&user("Irvin Sayers"))],
                    ),
                    "isApproverJustificationRequired",
                    json!(true),
                )],
            ),
            ..draft(
                "Production Support On-Call",
                "On-call engineers (8 hours)",
                "Engineers get eight hours of production access after Helpdesk approval.",
                "specificDirectoryUsers",
            )
        },
        Draft {
            targets: vec![single_user(&user("Allan Deyoung")), single_user(&user("Irvin Sayers"))],
            expiration: expires_on("2026-12-31T23:59:59Z"),
            ..draft(
                "Production Support On-Call",
                "Break-glass administrators",
                "Two named administrators, valid until the end of 2026.",
                "specificDirectoryUsers",
            )
        },
        Draft {
            approval: approval(
                true,
                vec![
                    stage(14, vec![requestor_manager(2)], vec![single_user(&user("Pradeep Gupta"))]),
                    stage(14, vec![group_members(&group("Finance"))], vec![]),
                ],
            ),
            review: review(
                "absoluteMonthly",
                6,
                "removeAccess",
                vec![group_members(&group("Finance"))],
                vec![single_user(&user("Pradeep Gupta"))],
            ),
            ..draft(
                "Finance Reporting",
                "Finance analysts",
                "Second-level manager, then Finance approve; reviewed twice a year.",
                "allMemberUsers",
            )
        },
        Draft {
            expiration: expires_after("P30D"),
            notifications_disabled: true,
            ..draft(
                "Finance Reporting",
                "Read-only dashboards for everyone",
                "All users including guests; no approval; assignment e-mails disabled.",
                "allDirectoryUsers",
            )
        },
        Draft {
            targets: vec![
                single_service_principal(&service_principal_id("Contoso Payroll Sync")),
                single_service_principal(&service_principal_id("HR Provisioning Agent")),
            ],
            requestors: Requestors { on_behalf: vec![typed("targetApplicationOwners")], ..Requestors::nobody() },
            expiration: no_expiration(),
            approval: approval(true, vec![stage(14, vec![single_user(&user("Pradeep Gupta"))], vec![])]),
            ..draft(
                "Payroll Integration",
                "Payroll automation accounts",
                "Application owners request for the payroll service principals.",
                "specificDirectoryServicePrincipals",
            )
        },
        Draft {
            requestors: Requestors { on_behalf: vec![typed("targetApplicationOwners")], ..Requestors::nobody() },
            expiration: expires_after("P180D"),
            approval: approval(
                true,
                vec![stage(14, vec![single_user(&user("Pradeep Gupta"))], vec![single_user(&user("Nestor Wilke"))])],
            ),
            ..draft(
                "Payroll Integration",
                "Any workload identity",
                "Owners of any service principal may request; Finance approves.",
                "allDirectoryServicePrincipals",
            )
        },
        Draft {
            requestors: Requestors { on_behalf: vec![target_manager(1)], ..Requestors::self_service() },
            expiration: expires_after("P90D"),
            approval: approval(false, vec![stage(14, vec![single_user(&user("Diego Siciliani"))], vec![])]),
            ..draft(
                "Contractor Starter Kit",
                "Managers request for their contractors",
                "Members or their managers request; HR approves.",
                "allMemberUsers",
            )
        },
        Draft {
            requestors: Requestors { custom_schedule: true, ..Requestors::nobody() },
            expiration: expires_after("P180D"),
            ..draft(
                "Contractor Starter Kit",
                "Admin-only direct assignment",
                "Administrators assign directly with a custom schedule.",
                "notSpecified",
            )
        },
        Draft {
            approval: approval(
                true,
                vec![stage(14, vec![typed("internalSponsors")], vec![single_user(&user("Christie Cline"))])],
            ),
            review: with(
                review("absoluteMonthly", 12, "acceptAccessRecommendation", vec![typed("internalSponsors")], vec![single_user(&user("Christie Cline"))]),
                "isReviewerJustificationRequired",
                json!(false),
            ),
            questions: vec![choice_question(
                &stable_id("question", "supplier-category"),
                1,
                "What do you supply?",
                true,
                &[("hardware", "Hardware"), ("software", "Software"), ("services", "Professional services")],
            )],
            extension_stages: vec![extension_stage(
                &stable_id("extensionStage", "supplier-portal"),
                "assignmentRequestCreated",
                &custom_workflow_extension_id("Notify partner manager"),
            )],
            ..draft(
                "Supplier Portal",
                "All configured partner organizations",
                "Users of any configured connected organization; internal sponsor approves; yearly review.",
                "allConfiguredConnectedOrganizationUsers",
            )
        },
        Draft {
            targets: vec![connected_organization_members(&org("Woodgrove Bank"))],
            expiration: expires_on("2026-06-30T23:59:59Z"),
            approval: approval(
                true,
                vec![with(
                    stage(5, vec![single_user(&user("Pradeep Gupta")), group_members(&group("Finance"))], vec![]),
                    "approverInformationVisibility",
                    json!("notVisible"),
                )],
            ),
            review: review("weekly", 1, "removeAccess", vec![group_members(&group("Legal Reviewers"))], vec![]),
            ..draft(
                "Audit Evidence Room",
                "Woodgrove Bank auditors",
                "The audit firm's staff, until the end of the audit; reviewed weekly.",
                "specificConnectedOrganizationUsers",
            )
        },
        Draft {
            targets: vec![
                group_members(&group("Legal Reviewers")),
                single_user(&user("Joni Sherman")),
                single_user(&user("Enrico Cattaneo")),
            ],
            expiration: expires_after("P60D"),
            approval: approval(
                true,
                vec![with(
                    with(
                        stage(3, vec![single_user(&user("Enrico Cattaneo"))], vec![]),
                        "isApproverJustificationRequired",
                        json!(true),
                    ),
                    "approverInformationVisibility",
                    json!("visible"),
                )],
            ),
            questions: vec![text_question(
                &stable_id("question", "legal-matter"),
                1,
                "Matter number",
                Some("^LM-[0-9]{6}$"),
            )],
            ..draft(
                "Legal Matter Workspace",
                "Legal team by matter",
                "Legal staff request per matter; the attorney approves with a justification.",
                "specificDirectoryUsers",
            )
        },
        Draft {
            targets: legal_rule,
            automatic: Some(legal_auto),
            requestors: Requestors::nobody(),
            expiration: no_expiration(),
            ..draft(
                "Legal Matter Workspace",
                "Legal department (automatic)",
                "Everyone whose department is Legal, removed 14 days after leaving it.",
                "specificDirectoryUsers",
            )
        },
    ]
}
