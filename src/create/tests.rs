use std::collections::BTreeSet;

use policy_model::{
    error::GraphError,
    validate::{validate, Rule, ValidationContext},
    AccessPackageAssignmentPolicy, GraphDuration, Nullable, SubjectSet,
};
use serde_json::{json, Value};

use super::submit::epoch_ms_for_test;
use super::*;

const SEED_PACKAGE: &str = "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b";

fn seed_json() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/graph/seed-request.json"
    );
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|_| include_str!("seed-template.json").to_owned());
    serde_json::from_str(&text).unwrap()
}

fn context() -> ValidationContext {
    ValidationContext::default()
}

#[test]
fn the_seed_template_is_the_shared_seed_exactly() {
    let bundled: Value = serde_json::from_str(include_str!("seed-template.json")).unwrap();
    assert_eq!(
        bundled,
        seed_json(),
        "src/create/seed-template.json is a copy of the seed"
    );
    let draft = Template::ExternalTwoStageApproval.fill(&PolicyDraft::default());
    assert_eq!(draft.body(), seed_json());
    let report = validate(&draft.policy, &context());
    assert!(report.is_valid(), "{:?}", report.issues);
}

#[test]
fn every_template_reads_and_all_but_the_unfinished_ones_validate_once_a_package_is_chosen() {
    let mut chosen = PolicyDraft::default();
    chosen.set_access_package(
        SEED_PACKAGE,
        Some(Label {
            name: "External Partner Workspace".into(),
            detail: None,
        }),
    );
    for template in Template::ALL {
        let draft = template.fill(&chosen);
        assert_eq!(
            draft.access_package_id(),
            Some(SEED_PACKAGE),
            "{template:?}"
        );
        assert_eq!(
            draft.label(SEED_PACKAGE).map(|l| l.name.as_str()),
            Some("External Partner Workspace")
        );
        let report = validate(&draft.policy, &context());
        let errors: Vec<_> = report.errors().collect();
        if *template == Template::WithCustomExtension {
            // The extension is catalog-specific: the admin picks it.
            assert!(errors.iter().all(|e| e.rule == Rule::CustomExtensionStage
                && e.path == "customExtensionStageSettings[0].customExtension"));
            assert_eq!(errors.len(), 1);
        } else {
            assert!(errors.is_empty(), "{template:?}: {errors:?}");
        }
    }
    // The template keeps the package already chosen, even the seed's template.
    let other = "0e7b4b8c-7d6e-4c9a-9f0a-5b3f2c1d0e9f";
    let mut picked = PolicyDraft::default();
    picked.set_access_package(other, None);
    let draft = Template::ExternalTwoStageApproval.fill(&picked);
    assert_eq!(draft.access_package_id(), Some(other));
    // Without one, only the seed carries a package.
    assert!(Template::DirectAssignmentOnly
        .fill(&PolicyDraft::default())
        .access_package_id()
        .is_none());
}

#[test]
fn import_of_the_seed_gives_the_seed_back() {
    let text = serde_json::to_string_pretty(&seed_json()).unwrap();
    let imported = import_policy(&text).unwrap();
    assert!(imported.dropped.is_empty());
    assert_eq!(imported.draft.body(), seed_json());
    // and through a saved draft (reload) too
    let restored = restore_draft(&save_draft(&imported.draft)).unwrap();
    assert_eq!(restored, imported.draft);
    assert_eq!(restored.body(), seed_json());
}

#[test]
fn import_keeps_unknown_members_nulls_and_settings_the_form_does_not_show() {
    let mut body = seed_json();
    body["futureMember"] = json!({"kept": [1, 2]});
    body["requestApprovalSettings"]["stages"][0]["approverInformationVisibility"] =
        json!("notVisible");
    body["requestApprovalSettings"]["stages"][0]["futureStageFlag"] = json!(true);
    body["requestApprovalSettings"]["stages"][1]["@odata.type"] =
        json!("#microsoft.graph.accessPackageDynamicApprovalStage");
    body["notificationSettings"] = json!({"isAssignmentNotificationDisabled": true});
    body["expiration"] = json!({"type": "noExpiration", "endDateTime": null, "duration": null});
    body["specificAllowedTargets"] = json!([]);
    body["reviewSettings"]["primaryReviewers"]
        .as_array_mut()
        .unwrap()
        .push(json!({"@odata.type": "#microsoft.graph.somethingNew", "x": 1}));
    body["reviewSettings"]["schedule"]["expiration"]["duration"] = json!("PT336H");
    let imported = import_policy(&body.to_string()).unwrap();
    assert_eq!(imported.draft.body(), body);
    // editing a shown field leaves every other member alone
    let mut draft = imported.draft;
    draft.set_display_name("renamed");
    let mut expected = body.clone();
    expected["displayName"] = json!("renamed");
    assert_eq!(draft.body(), expected);
}

#[test]
fn a_copy_is_a_new_policy_named_as_a_copy_with_names_kept() {
    let mut answer = seed_json();
    answer["id"] = json!("5d6b5f38-9a4f-4f0e-8d43-7b2a0e6c1f01");
    answer["createdDateTime"] = json!("2026-01-01T00:00:00Z");
    answer["accessPackage"] = json!({"id": SEED_PACKAGE, "displayName": "External Partner Workspace",
        "catalog": {"id": "c1", "displayName": "Partners"}});
    answer["questions"] = json!([{
        "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
        "id": "q-original", "text": "Why?", "isRequired": true, "sequence": 1
    }]);
    answer["customExtensionStageSettings"] = json!([{
        "id": "s-original", "stage": "assignmentRequestCreated",
        "customExtension": {"@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension",
            "id": "e1", "displayName": "Notify Slack", "description": "Posts to #access"}
    }]);
    let copy = copy_policy(answer).unwrap();
    let body = copy.draft.body();
    assert_eq!(
        body["displayName"],
        format!("{} (copy)", seed_json()["displayName"].as_str().unwrap())
    );
    assert!(body.get("id").is_none() && body.get("createdDateTime").is_none());
    assert!(
        body["questions"][0].get("id").is_none(),
        "the question is the copy's own"
    );
    assert_eq!(body["questions"][0]["text"], "Why?");
    assert_eq!(
        body["customExtensionStageSettings"][0],
        json!({"stage": "assignmentRequestCreated", "customExtension": {
            "@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension", "id": "e1"}})
    );
    assert_eq!(copy.draft.label("e1").unwrap().name, "Notify Slack");
    assert_eq!(
        copy.draft.label(SEED_PACKAGE).unwrap().name,
        "External Partner Workspace"
    );
    // everything else is the original's
    let mut expected = seed_json();
    for member in ["displayName", "questions", "customExtensionStageSettings"] {
        expected.as_object_mut().unwrap().remove(member);
    }
    let mut compared = body.clone();
    for member in ["displayName", "questions", "customExtensionStageSettings"] {
        compared.as_object_mut().unwrap().remove(member);
    }
    assert_eq!(compared, expected);
    assert!(copy_policy(json!([1])).is_err());
}

#[test]
fn import_of_a_get_response_drops_what_graph_owns_and_keeps_the_package_name() {
    let mut response = seed_json();
    response["@odata.context"] = json!("https://graph.microsoft.com/v1.0/$metadata#x/$entity");
    response["id"] = json!("5d6b5f38-9a4f-4f0e-8d43-7b2a0e6c1f01");
    response["createdDateTime"] = json!("2026-01-01T00:00:00Z");
    response["modifiedDateTime"] = json!("2026-01-01T00:00:00Z");
    response["accessPackage"] = json!({
        "id": SEED_PACKAGE,
        "displayName": "External Partner Workspace",
        "catalog": {"id": "c1", "displayName": "Partners"}
    });
    let imported = import_policy(&response.to_string()).unwrap();
    assert_eq!(imported.draft.body(), seed_json());
    assert!(imported.draft.policy.id.is_absent());
    for member in [
        "id",
        "createdDateTime",
        "modifiedDateTime",
        "@odata.context",
    ] {
        assert!(
            imported.dropped.iter().any(|d| d == member),
            "{member}: {:?}",
            imported.dropped
        );
    }
    let label = imported.draft.label(SEED_PACKAGE).unwrap();
    assert_eq!(label.name, "External Partner Workspace");
    assert_eq!(label.detail.as_deref(), Some("Partners"));
}

#[test]
fn import_errors_say_where() {
    assert_eq!(import_policy("  "), Err(ImportError::Empty));
    match import_policy("{\n  \"displayName\": \"x\",\n  oops\n}") {
        Err(ImportError::Syntax { line, column, .. }) => {
            assert_eq!(line, 3);
            assert!(column >= 3, "{column}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        import_policy("[1]"),
        Err(ImportError::NotAnObject { found: "an array" })
    );
    let mut body = seed_json();
    body["requestApprovalSettings"]["stages"][1]["isEscalationEnabled"] = json!("true");
    match import_policy(&body.to_string()) {
        Err(ImportError::Member { path, message }) => {
            assert_eq!(
                path,
                "requestApprovalSettings.stages[1].isEscalationEnabled"
            );
            assert!(message.contains("boolean"), "{message}");
            let shown = ImportError::Member {
                path: path.clone(),
                message,
            }
            .to_string();
            assert!(shown.starts_with("requestApprovalSettings.stages[1].isEscalationEnabled: "));
        }
        other => panic!("{other:?}"),
    }
    let mut body = seed_json();
    body["displayName"] = json!(42);
    assert!(matches!(
        import_policy(&body.to_string()),
        Err(ImportError::Member { path, .. }) if path == "displayName"
    ));
}

#[test]
fn drafts_are_kept_per_tenant_and_account_and_survive_storage() {
    let a = draft_storage_key("tenant-a", "account-1");
    assert_ne!(a, draft_storage_key("tenant-b", "account-1"));
    assert_ne!(a, draft_storage_key("tenant-a", "account-2"));
    let mut draft = Template::WithRequestorQuestions.fill(&PolicyDraft::default());
    draft.add_subject(
        SubjectList::Stage(0, StageList::FallbackPrimary),
        SubjectSet::single_user("7deff43e-1f17-44ef-9e5f-d516b0ba11d4"),
        Some(Label {
            name: "Alex Wilber".into(),
            detail: Some("AlexW@contoso.com".into()),
        }),
    );
    draft
        .policy
        .extra
        .insert("unknownThing".into(), json!(null));
    let text = save_draft(&draft);
    let back = restore_draft(&text).unwrap();
    assert_eq!(back, draft);
    assert_eq!(back.body(), draft.body());
    assert!(matches!(
        restore_draft("not json"),
        Err(RestoreError::Unreadable(_))
    ));
    let other_version = text.replace("\"version\":1", "\"version\":99");
    assert_eq!(
        restore_draft(&other_version),
        Err(RestoreError::OtherVersion(99))
    );
}

#[test]
fn who_can_request_switches_scope_targets_and_auto_assignment() {
    let mut draft = PolicyDraft::default();
    assert_eq!(draft.who_can_request(), WhoCanRequest::NotChosen);
    draft.set_who_can_request(WhoCanRequest::SpecificDirectoryUsers);
    draft.add_subject(
        SubjectList::AllowedTargets,
        SubjectSet::single_user("u1"),
        None,
    );
    draft.add_subject(
        SubjectList::AllowedTargets,
        SubjectSet::group_members("g1"),
        None,
    );
    draft.add_subject(
        SubjectList::AllowedTargets,
        SubjectSet::group_members("g1"),
        None,
    );
    assert_eq!(
        draft.policy.specific_allowed_targets().len(),
        2,
        "no duplicates"
    );
    assert_eq!(draft.body()["allowedTargetScope"], "specificDirectoryUsers");

    draft.set_who_can_request(WhoCanRequest::AutomaticByRule);
    assert_eq!(draft.who_can_request(), WhoCanRequest::AutomaticByRule);
    assert!(
        draft.policy.specific_allowed_targets().is_empty(),
        "users and groups do not fit a rule"
    );
    draft.set_membership_rule("(user.department -eq \"Sales\")");
    assert_eq!(draft.membership_rule(), "(user.department -eq \"Sales\")");
    let body = draft.body();
    assert_eq!(
        body["automaticRequestSettings"]["gracePeriodBeforeAccessRemoval"],
        "P7D"
    );
    assert_eq!(
        body["specificAllowedTargets"][0]["@odata.type"],
        "#microsoft.graph.attributeRuleMembers"
    );

    draft.set_who_can_request(WhoCanRequest::AllMemberUsers);
    let body = draft.body();
    assert!(body.get("automaticRequestSettings").is_none());
    assert_eq!(body["specificAllowedTargets"], json!([]));
    assert_eq!(body["allowedTargetScope"], "allMemberUsers");

    // Nothing picked or typed is lost by looking at another choice: it is set aside (not sent)
    // and comes back with a choice it fits.
    assert_eq!(draft.set_aside.targets.len(), 3, "two people and the rule");
    let summary = draft.set_aside_summary().unwrap();
    assert!(summary.contains("2 users and groups"), "{summary}");
    assert!(summary.contains("membership rule"), "{summary}");
    let saved = restore_draft(&save_draft(&draft)).unwrap();
    assert_eq!(saved, draft, "what is set aside survives a reload");
    draft.set_who_can_request(WhoCanRequest::SpecificDirectoryUsers);
    assert_eq!(
        draft.body()["specificAllowedTargets"],
        json!([
            {"@odata.type": "#microsoft.graph.singleUser", "userId": "u1"},
            {"@odata.type": "#microsoft.graph.groupMembers", "groupId": "g1"}
        ])
    );
    draft.set_who_can_request(WhoCanRequest::AutomaticByRule);
    assert_eq!(draft.membership_rule(), "(user.department -eq \"Sales\")");
    assert_eq!(draft.policy.specific_allowed_targets().len(), 1);
    assert!(draft.set_aside.automatic.is_none());
    assert_eq!(draft.set_aside.targets.len(), 2);
    draft.set_who_can_request(WhoCanRequest::SpecificDirectoryUsers);
    draft.set_who_can_request(WhoCanRequest::AllMemberUsers);
    assert!(draft.set_aside_summary().is_some());
    assert!(PolicyDraft::default().set_aside_summary().is_none());

    for choice in WhoCanRequest::CHOICES {
        assert_eq!(&WhoCanRequest::from_key(choice.key()), choice);
        let mut d = PolicyDraft::default();
        d.set_who_can_request(choice.clone());
        assert_eq!(&d.who_can_request(), choice);
    }
    // a scope from the future is kept as it was read
    let future = WhoCanRequest::Other("allMartians".into());
    let mut d = PolicyDraft::default();
    d.set_who_can_request(future.clone());
    assert_eq!(d.body()["allowedTargetScope"], "allMartians");
    assert_eq!(d.who_can_request(), future);
}

#[test]
fn approver_kinds_follow_graph_rules() {
    let external = WhoCanRequest::AllConfiguredConnectedOrganizations;
    let members = WhoCanRequest::AllMemberUsers;
    let primary = SubjectList::Stage(0, StageList::Primary);
    assert!(primary
        .kinds(&external)
        .contains(&SubjectKind::InternalSponsors));
    assert!(!primary
        .kinds(&members)
        .contains(&SubjectKind::InternalSponsors));
    assert!(!SubjectList::Stage(0, StageList::FallbackPrimary)
        .kinds(&external)
        .contains(&SubjectKind::InternalSponsors));
    assert_eq!(
        SubjectList::AllowedTargets.kinds(&WhoCanRequest::SpecificConnectedOrganizations),
        vec![SubjectKind::ConnectedOrganization]
    );
    assert_eq!(
        primary.path(),
        "requestApprovalSettings.stages[0].primaryApprovers"
    );
}

#[test]
fn service_principals_and_agents_get_the_approvers_and_on_behalf_requestors_that_fit_them() {
    use SubjectKind::*;
    let primary = SubjectList::Stage(1, StageList::Escalation);
    let apps = WhoCanRequest::AllServicePrincipals;
    let agents = WhoCanRequest::AllAgentIdentities;
    let members = WhoCanRequest::SpecificDirectoryUsers;
    // A service principal has no manager and no sponsors: only named approvers.
    assert_eq!(primary.kinds(&apps), vec![User, Group, ServicePrincipal]);
    assert_eq!(
        primary.kinds(&agents),
        vec![User, Group, AgentSponsorsOrOwners, ServicePrincipal]
    );
    assert_eq!(
        primary.kinds(&members),
        vec![
            User,
            Group,
            RequestorManager,
            TargetUserSponsors,
            ServicePrincipal
        ]
    );
    let on_behalf = SubjectList::OnBehalfRequestors;
    assert_eq!(
        on_behalf.kinds(&WhoCanRequest::SpecificServicePrincipals),
        vec![User, Group, ApplicationOwners]
    );
    assert_eq!(
        on_behalf.kinds(&agents),
        vec![User, Group, AgentSponsorsOrOwners]
    );
    assert_eq!(on_behalf.kinds(&members), vec![User, Group, TargetManager]);
    assert!(!SubjectList::PrimaryReviewers
        .kinds(&apps)
        .contains(&RequestorManager));
    // Every kind offered builds the subject Graph names it by.
    assert_eq!(
        AgentSponsorsOrOwners.subject("").odata_type(),
        Some("#microsoft.graph.targetAgentIdentitySponsorsOrOwners")
    );
    assert_eq!(
        ApplicationOwners.subject("").odata_type(),
        Some("#microsoft.graph.targetApplicationOwners")
    );
}

#[test]
fn manager_levels_are_set_within_what_graph_accepts() {
    let mut d = PolicyDraft::default();
    d.set_who_can_request(WhoCanRequest::AllMemberUsers);
    let on_behalf = SubjectList::OnBehalfRequestors;
    d.add_subject(on_behalf, SubjectKind::TargetManager.subject(""), None);
    on_behalf.set_manager_level(&mut d.policy, 0, 3);
    let manager = &on_behalf.items(&d.policy)[0];
    assert_eq!(manager_levels(manager), Some((1..=4, 3)));
    assert_eq!(
        serde_json::to_value(manager).unwrap(),
        serde_json::json!({"@odata.type": "#microsoft.graph.targetManager", "managerLevel": 3})
    );
    d.set_approval_required(true);
    let primary = SubjectList::Stage(0, StageList::Primary);
    d.add_subject(primary, SubjectKind::RequestorManager.subject(""), None);
    primary.set_manager_level(&mut d.policy, 0, 2);
    assert_eq!(
        manager_levels(&primary.items(&d.policy)[0]),
        Some((1..=2, 2))
    );
    assert_eq!(manager_levels(&SubjectKind::User.subject("u1")), None);
}

#[test]
fn the_seed_built_by_hand_equals_the_seed() {
    // What an admin does in the form, step by step.
    let mut d = PolicyDraft::default();
    d.set_display_name("policy for external access requests");
    d.set_description("policy for users from connected organizations to request access, with two stages of approval.");
    d.set_access_package(SEED_PACKAGE, None);
    d.set_who_can_request(WhoCanRequest::AllConfiguredConnectedOrganizations);
    d.policy.specific_allowed_targets = Nullable::Value(Vec::new());
    ExpirationChoice::Never.apply(&mut d.policy.expiration);
    {
        let r = d.policy.requestor_settings.get_or_insert_default();
        r.enable_targets_to_self_add_access = true.into();
        r.enable_targets_to_self_update_access = true.into();
        r.enable_targets_to_self_remove_access = true.into();
        r.allow_custom_assignment_schedule = false.into();
        r.enable_on_behalf_requestors_to_add_access = false.into();
        r.enable_on_behalf_requestors_to_update_access = false.into();
        r.enable_on_behalf_requestors_to_remove_access = false.into();
        r.on_behalf_requestors = Nullable::Value(Vec::new());
    }
    d.set_approval_required(true);
    d.policy
        .request_approval_settings
        .as_option_mut()
        .unwrap()
        .is_approval_required_for_update = false.into();
    assert!(d.add_stage());
    d.add_subject(
        SubjectList::Stage(0, StageList::Primary),
        SubjectKind::InternalSponsors.subject(""),
        None,
    );
    for stage in 0..2 {
        d.add_subject(
            SubjectList::Stage(stage, StageList::FallbackPrimary),
            SubjectKind::User.subject(if stage == 0 {
                "7deff43e-1f17-44ef-9e5f-d516b0ba11d4"
            } else {
                "46184453-e63b-4f20-86c2-c557ed5d5df9"
            }),
            None,
        );
        d.add_subject(
            SubjectList::Stage(stage, StageList::FallbackPrimary),
            SubjectKind::Group.subject("1623f912-5e86-41c2-af47-39dd67582b66"),
            None,
        );
    }
    {
        let r = d.policy.review_settings.get_or_insert_default();
        r.is_enabled = true.into();
        r.expiration_behavior =
            Nullable::Value(policy_model::AccessReviewExpirationBehavior::KeepAccess);
        r.is_recommendation_enabled = true.into();
        r.is_reviewer_justification_required = true.into();
        r.is_self_review = false.into();
        let schedule = r.schedule.get_or_insert_default();
        schedule.start_date_time = Nullable::Value("2022-07-02T06:59:59.998Z".into());
        ExpirationChoice::AfterDays.apply(&mut schedule.expiration);
        schedule.expiration.as_option_mut().unwrap().duration = duration_from_field("14", false);
        let recurrence = schedule.recurrence.get_or_insert_default();
        let pattern = recurrence.pattern.get_or_insert_default();
        pattern.kind = Nullable::Value(policy_model::RecurrencePatternType::AbsoluteMonthly);
        pattern.interval = 3.into();
        pattern.month = 0.into();
        pattern.day_of_month = 0.into();
        pattern.days_of_week = Nullable::Value(Vec::new());
        let range = recurrence.range.get_or_insert_default();
        range.kind = Nullable::Value(policy_model::RecurrenceRangeType::NoEnd);
        range.number_of_occurrences = 0.into();
    }
    d.add_subject(
        SubjectList::PrimaryReviewers,
        SubjectKind::Group.subject("1623f912-5e86-41c2-af47-39dd67582b66"),
        None,
    );
    d.policy
        .review_settings
        .as_option_mut()
        .unwrap()
        .fallback_reviewers = Nullable::Value(Vec::new());
    assert_eq!(d.body(), seed_json());
}

#[test]
fn stages_expiration_and_durations() {
    let mut d = PolicyDraft::default();
    d.set_approval_required(true);
    assert_eq!(d.stages().len(), 1, "approval on adds a stage");
    assert!(d.add_stage());
    assert!(d.add_stage());
    assert!(!d.add_stage(), "three at most");
    d.remove_stage(1);
    assert_eq!(d.stages().len(), 2);
    assert_eq!(
        d.body()["requestApprovalSettings"]["stages"][0]["durationBeforeAutomaticDenial"],
        "P14D"
    );

    let mut expiration = Nullable::Absent;
    assert_eq!(ExpirationChoice::of(&expiration), ExpirationChoice::NotSet);
    ExpirationChoice::AfterDays.apply(&mut expiration);
    assert_eq!(
        serde_json::to_value(&expiration).unwrap(),
        json!({"duration": "P365D", "type": "afterDuration"})
    );
    ExpirationChoice::AfterHours.apply(&mut expiration);
    assert_eq!(
        ExpirationChoice::of(&expiration),
        ExpirationChoice::AfterHours
    );
    assert_eq!(
        duration_field_text(&expiration.as_option().unwrap().duration),
        "24"
    );
    ExpirationChoice::OnDate.apply(&mut expiration);
    expiration.as_option_mut().unwrap().end_date_time =
        Nullable::Value("2027-01-01T00:00:00Z".into());
    assert_eq!(
        serde_json::to_value(&expiration).unwrap(),
        json!({"endDateTime": "2027-01-01T00:00:00Z", "type": "afterDateTime"})
    );
    ExpirationChoice::Never.apply(&mut expiration);
    assert_eq!(
        serde_json::to_value(&expiration).unwrap(),
        json!({"type": "noExpiration"})
    );
    for choice in ExpirationChoice::CHOICES {
        assert_eq!(ExpirationChoice::from_key(choice.key()), *choice);
    }

    assert_eq!(
        duration_field_text(&Nullable::Value(GraphDuration::new("P14D"))),
        "14"
    );
    assert_eq!(
        duration_field_text(&Nullable::Value(GraphDuration::new("PT0S"))),
        "PT0S"
    );
    assert_eq!(
        duration_field_text(&Nullable::Value(GraphDuration::new("P1M"))),
        "P1M"
    );
    assert_eq!(
        duration_from_field("30", false),
        Nullable::Value(GraphDuration::new("P30D"))
    );
    assert_eq!(
        duration_from_field("12", true),
        Nullable::Value(GraphDuration::new("PT12H"))
    );
    assert_eq!(duration_from_field("", false), Nullable::Absent);
    // what is not a number is kept, and validation says what is wrong with it
    d.stage_mut(0).unwrap().duration_before_automatic_denial =
        duration_from_field("2 weeks", false);
    let report = validate(&d.policy, &context());
    assert!(report
        .at("requestApprovalSettings.stages[0].durationBeforeAutomaticDenial")
        .any(|i| i.rule == Rule::DurationDaysAndTimeOnly));
}

fn attempt(existing: Option<&[&str]>) -> Attempt {
    Attempt {
        body: seed_json(),
        access_package_id: SEED_PACKAGE.into(),
        display_name: "policy for external access requests".into(),
        client_request_id: "c0ffee00-0000-4000-8000-000000000001".into(),
        existing: existing.map(|ids| ids.iter().map(|id| id.to_string()).collect::<BTreeSet<_>>()),
        sent_at_ms: epoch_ms_for_test("2026-12-04T22:00:00Z").unwrap(),
        number: 1,
    }
}

fn listed(id: &str, name: &str, created: &str) -> AccessPackageAssignmentPolicy {
    serde_json::from_value(json!({
        "id": id, "displayName": name, "createdDateTime": created,
        "accessPackage": {"id": SEED_PACKAGE}
    }))
    .unwrap()
}

#[test]
fn exactly_one_post_created() {
    let mut state = SubmitState::Idle;
    assert!(state.may_send());
    state.send(attempt(Some(&[]))).unwrap();
    assert!(state.in_flight());
    assert_eq!(
        state.send(attempt(None)),
        Err(Refused::Busy),
        "no second POST while sending"
    );
    state.finish_send(SubmitOutcome::Created("new-id".into()));
    assert_eq!(state.created_id(), Some("new-id"));
    assert_eq!(state.send(attempt(None)), Err(Refused::AlreadyCreated));
    assert!(state.begin_check().is_err());
}

#[test]
fn rejected_keeps_the_form_and_may_send_again() {
    let mut state = SubmitState::Idle;
    state.send(attempt(None)).unwrap();
    let error = GraphError::from_response(
        400,
        None,
        r#"{"error":{"code":"InvalidModel","message":"The model is invalid."}}"#,
    );
    state.finish_send(SubmitOutcome::Rejected(error.clone()));
    assert_eq!(state, SubmitState::Rejected { error });
    assert!(state.may_send() && !state.in_flight());
    for status in [403, 409, 429] {
        let mut s = SubmitState::Idle;
        s.send(attempt(None)).unwrap();
        s.finish_send(SubmitOutcome::Rejected(GraphError::from_response(
            status, None, "",
        )));
        assert!(matches!(s, SubmitState::Rejected { .. }), "{status}");
    }
    let mut s = SubmitState::Idle;
    s.send(attempt(None)).unwrap();
    s.finish_send(SubmitOutcome::NotSent("no token".into()));
    assert!(s.may_send());
}

#[test]
fn a_dropped_connection_is_checked_and_the_policy_found_is_never_posted_again() {
    let mut state = SubmitState::Idle;
    // the seed already exists on the package before the POST
    state.send(attempt(Some(&["seed-id"]))).unwrap();
    state.finish_send(SubmitOutcome::NoResponse("Failed to fetch".into()));
    assert!(matches!(state, SubmitState::Ambiguous { .. }));
    assert!(state.in_flight() && !state.may_send());
    let checking = state.begin_check().unwrap();
    assert_eq!(checking.display_name, "policy for external access requests");
    state.finish_check(Ok(vec![
        listed(
            "seed-id",
            "policy for external access requests",
            "2026-01-01T00:00:00Z",
        ),
        listed(
            "new-id",
            "policy for external access requests",
            "2026-12-04T22:00:01.5Z",
        ),
        listed("other", "another name", "2026-12-04T22:00:02Z"),
    ]));
    assert_eq!(
        state,
        SubmitState::Found {
            id: "new-id".into()
        }
    );
    assert_eq!(state.created_id(), Some("new-id"));
    assert_eq!(state.send(attempt(None)), Err(Refused::AlreadyCreated));
}

#[test]
fn not_found_offers_an_explicit_retry_only() {
    let mut state = SubmitState::Idle;
    state.send(attempt(Some(&["seed-id"]))).unwrap();
    state.finish_send(SubmitOutcome::Rejected(GraphError::from_response(
        504, None, "",
    )));
    assert!(
        matches!(state, SubmitState::Ambiguous { .. }),
        "a gateway timeout is ambiguous"
    );
    state.begin_check().unwrap();
    state.finish_check(Ok(vec![listed(
        "seed-id",
        "policy for external access requests",
        "2026-01-01T00:00:00Z",
    )]));
    assert!(matches!(state, SubmitState::NotFound { .. }));
    assert!(!state.may_send());
    assert_eq!(state.send(attempt(None)), Err(Refused::NeedsExplicitRetry));
    state.retry_after_not_found(attempt(None)).unwrap();
    assert_eq!(state.attempt().unwrap().number, 2);
}

#[test]
fn a_failed_check_offers_checking_again_not_posting() {
    let mut state = SubmitState::Idle;
    state.send(attempt(None)).unwrap();
    state.finish_send(SubmitOutcome::NoResponse("dropped".into()));
    state.begin_check().unwrap();
    state.finish_check(Err("Graph could not be reached".into()));
    assert!(matches!(state, SubmitState::CheckFailed { .. }));
    assert!(!state.may_send());
    assert_eq!(state.send(attempt(None)), Err(Refused::Busy));
    state.begin_check().unwrap();
    assert!(matches!(state, SubmitState::Checking { .. }));
}

#[test]
fn without_the_list_from_before_creation_times_decide() {
    let a = attempt(None);
    let old = listed("old", &a.display_name, "2025-06-01T10:00:00Z");
    let new = listed("new", &a.display_name, "2026-12-04T22:00:03.123Z");
    assert_eq!(
        match_created(&a, std::slice::from_ref(&old)),
        CheckOutcome::NotFound
    );
    assert_eq!(
        match_created(&a, &[old, new]),
        CheckOutcome::Found("new".into())
    );
    // a different package is never a match
    let mut elsewhere = listed("elsewhere", &a.display_name, "2026-12-04T22:00:03Z");
    elsewhere.access_package = Nullable::Value(policy_model::AccessPackage::reference("other"));
    assert_eq!(match_created(&a, &[elsewhere]), CheckOutcome::NotFound);
    assert_eq!(
        epoch_ms_for_test("1970-01-02T00:00:01.5Z"),
        Some(86_401_500.0)
    );
}

#[test]
fn every_field_reads_back_what_it_wrote() {
    let mut d = Template::WithRequestorQuestions.fill(&PolicyDraft::default());
    d.set_approval_required(true);
    let flags = [
        Flag::SelfAdd,
        Flag::SelfUpdate,
        Flag::SelfRemove,
        Flag::CustomSchedule,
        Flag::OnBehalfAdd,
        Flag::OnBehalfUpdate,
        Flag::OnBehalfRemove,
        Flag::ApprovalForAdd,
        Flag::ApprovalForUpdate,
        Flag::RequestorJustification,
        Flag::StageApproverJustification(0),
        Flag::StageEscalation(0),
        Flag::AutoRemoveWhenOutOfScope,
        Flag::ReviewEnabled,
        Flag::ReviewSelf,
        Flag::ReviewRecommendations,
        Flag::ReviewerJustification,
        Flag::NotificationsOff,
        Flag::QuestionRequired(1),
        Flag::QuestionEditable(1),
        Flag::QuestionMultipleSelection(0),
    ];
    for flag in flags {
        for on in [true, false, true] {
            flag.set(&mut d, on);
            assert_eq!(flag.get(&d), on, "{flag:?}");
        }
        assert!(!flag.path().is_empty());
    }
    let texts = [
        (Text::DisplayName, "A name"),
        (Text::Description, "Line one\nline two"),
        (Text::StageDenialDays(0), "10"),
        (Text::StageEscalationDays(0), "4"),
        (Text::ReviewStart, "2027-01-01T00:00:00Z"),
        (Text::ReviewDurationDays, "21"),
        (Text::QuestionText(1), "Which project?"),
        (Text::QuestionRegex(1), "^[0-9]+$"),
        (
            Text::QuestionChoices(0),
            "employee | Employee | fr: Employé; de: Angestellte\nintern",
        ),
        (
            Text::QuestionLocalizations(0),
            "fr: Quel rôle ?\nde: Welche Rolle?",
        ),
        (Text::GracePeriodDays, "3"),
    ];
    for (field, value) in texts {
        field.set(&mut d, value);
        assert_eq!(field.get(&d), value, "{field:?}");
    }
    // answers carry their translations on their line
    assert_eq!(
        d.body()["questions"][0]["choices"][0]["localizations"],
        json!([{"languageCode": "fr", "text": "Employé"}, {"languageCode": "de", "text": "Angestellte"}])
    );
    // a translation may contain ";": only "; code:" starts the next one, and the line reads back
    let with_semicolon = "employee | Employee | fr: Employé; salarié; de: Angestellte\nintern";
    Text::QuestionChoices(0).set(&mut d, with_semicolon);
    assert_eq!(
        d.body()["questions"][0]["choices"][0]["localizations"],
        json!([{"languageCode": "fr", "text": "Employé; salarié"}, {"languageCode": "de", "text": "Angestellte"}])
    );
    assert_eq!(Text::QuestionChoices(0).get(&d), with_semicolon);
    // a translation typed with a bad code is kept and reported at the answers field
    Text::QuestionChoices(0).set(&mut d, "employee | Employee | french: Employé\nintern");
    let report = validate(&d.policy, &ValidationContext::default());
    assert!(report.errors().any(|issue| issue.path
        == "questions[0].choices[0].localizations[0].languageCode"
        && issue.path.starts_with(&Text::QuestionChoices(0).path())));
    // removing the translations from the line removes them from the body
    Text::QuestionChoices(0).set(&mut d, "employee | Employee\nintern");
    assert_eq!(
        d.body()["questions"][0]["choices"][0]["localizations"],
        json!([])
    );
    Text::QuestionChoices(0).set(
        &mut d,
        "employee | Employee | fr: Employé; de: Angestellte\nintern",
    );
    assert_eq!(
        d.body()["questions"][0]["choices"][1]["actualValue"],
        "intern"
    );
    assert_eq!(
        d.body()["requestApprovalSettings"]["stages"][0]["durationBeforeAutomaticDenial"],
        "P10D"
    );
    ExpirationChoice::AfterHours.apply(&mut d.policy.expiration);
    Text::ExpirationAmount.set(&mut d, "8");
    assert_eq!(
        d.body()["expiration"],
        json!({"duration": "PT8H", "type": "afterDuration"})
    );
    Choice::Expiration.set(&mut d, "onDate");
    Text::ExpirationEnd.set(&mut d, "2027-06-30T00:00:00Z");
    assert_eq!(
        d.body()["expiration"],
        json!({"endDateTime": "2027-06-30T00:00:00Z", "type": "afterDateTime"})
    );

    for choice in [
        Choice::WhoCanRequest,
        Choice::Expiration,
        Choice::ReviewRecurrence,
        Choice::ReviewExpirationBehavior,
        Choice::StageVisibility(0),
        Choice::QuestionKind(1),
    ] {
        let options = choice.options(&d);
        let last = options.last().unwrap().0.clone();
        choice.set(&mut d, &last);
        assert_eq!(choice.get(&d), last, "{choice:?}");
        assert!(choice.options(&d).iter().any(|(k, _)| *k == last));
    }
    // a long-text question became multiple choice and keeps its text
    assert_eq!(Choice::QuestionKind(1).get(&d), "multipleChoice");
    assert_eq!(Text::QuestionText(1).get(&d), "Which project?");
    Choice::QuestionKind(1).set(&mut d, "long");
    assert_eq!(d.body()["questions"][1]["isSingleLineQuestion"], false);
}

#[test]
fn the_seed_reads_as_the_form_shows_it() {
    let d = Template::ExternalTwoStageApproval.fill(&PolicyDraft::default());
    assert_eq!(
        Choice::WhoCanRequest.get(&d),
        "allConfiguredConnectedOrganizationUsers"
    );
    assert_eq!(Choice::Expiration.get(&d), "never");
    assert_eq!(Choice::ReviewRecurrence.get(&d), "quarterly");
    assert_eq!(Choice::ReviewExpirationBehavior.get(&d), "keepAccess");
    assert_eq!(Text::StageDenialDays(1).get(&d), "14");
    assert_eq!(Text::ReviewDurationDays.get(&d), "14");
    assert!(Flag::ApprovalForAdd.get(&d) && !Flag::ApprovalForUpdate.get(&d));
    assert!(Flag::ReviewEnabled.get(&d) && Flag::ReviewRecommendations.get(&d));
    // reading every field changed nothing
    assert_eq!(d.body(), seed_json());
}

#[test]
fn questions_extensions_and_review_defaults() {
    let mut d = PolicyDraft::default();
    d.add_question();
    d.add_question();
    assert_eq!(d.body()["questions"][1]["sequence"], 2);
    d.remove_question(0);
    assert_eq!(d.policy.questions.items().len(), 1);
    d.add_custom_extension();
    let report = validate(&d.policy, &context());
    assert!(report
        .at("customExtensionStageSettings[0].customExtension")
        .any(|i| i.rule == Rule::CustomExtensionStage));
    d.set_custom_extension(
        0,
        Some("#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension"),
        "e1",
        None,
    );
    assert_eq!(
        d.body()["customExtensionStageSettings"][0],
        json!({"stage": "assignmentRequestGranted", "customExtension": {
            "@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension", "id": "e1"}})
    );
    Choice::ExtensionStage(0).set(&mut d, "assignmentRequestCreated");
    assert_eq!(
        d.body()["customExtensionStageSettings"][0]["stage"],
        "assignmentRequestCreated"
    );
    d.remove_custom_extension(0);
    assert_eq!(d.body()["customExtensionStageSettings"], json!([]));

    Flag::ReviewEnabled.set(&mut d, true);
    d.fill_defaults("2026-12-04T22:00:00.000Z");
    let schedule = &d.body()["reviewSettings"]["schedule"];
    assert_eq!(schedule["startDateTime"], "2026-12-04T22:00:00.000Z");
    assert_eq!(schedule["recurrence"]["pattern"]["interval"], 3);
    assert_eq!(schedule["expiration"]["duration"], "P14D");
}

#[test]
fn a_browser_resent_post_is_seen_as_a_duplicate() {
    let a = attempt(Some(&["seed-id"]));
    let listed_now = vec![
        listed("seed-id", &a.display_name, "2026-01-01T00:00:00Z"),
        listed("first", &a.display_name, "2026-12-04T22:00:01Z"),
        listed("again", &a.display_name, "2026-12-04T22:00:01.2Z"),
    ];
    assert_eq!(new_same_named(&a, &listed_now), vec!["first", "again"]);
    assert_eq!(
        match_created(&a, &listed_now),
        CheckOutcome::Found("first".into())
    );
    assert_eq!(duplicates_of(&a, "again", &listed_now), vec!["first"]);
    assert_eq!(
        duplicates_of(&a, "first", &listed_now[..2]),
        Vec::<String>::new()
    );
    // without the list from before, nothing is called a duplicate
    assert!(duplicates_of(&attempt(None), "again", &listed_now).is_empty());
}

#[test]
fn the_seed_through_the_form_fields_equals_the_seed() {
    // Exactly the steps of the end-to-end "by hand" test, through the same field values.
    let mut d = PolicyDraft::default();
    let now = "2026-12-04T22:00:00.000Z";
    let edit = |d: &mut PolicyDraft, change: &dyn Fn(&mut PolicyDraft)| {
        change(d);
        d.fill_defaults(now);
    };
    edit(&mut d, &|d| {
        Text::DisplayName.set(d, "policy for external access requests")
    });
    edit(&mut d, &|d| {
        Text::Description.set(
            d,
            "policy for users from connected organizations to request access, with two stages of approval.",
        )
    });
    edit(&mut d, &|d| d.set_access_package(SEED_PACKAGE, None));
    edit(&mut d, &|d| {
        Choice::WhoCanRequest.set(d, "allConfiguredConnectedOrganizationUsers")
    });
    edit(&mut d, &|d| Choice::Expiration.set(d, "never"));
    for flag in [
        Flag::SelfAdd,
        Flag::SelfUpdate,
        Flag::SelfRemove,
        Flag::ApprovalForAdd,
    ] {
        edit(&mut d, &|d| flag.set(d, true));
    }
    let primary = SubjectList::Stage(0, StageList::Primary);
    assert!(primary
        .kinds(&d.who_can_request())
        .contains(&SubjectKind::InternalSponsors));
    edit(&mut d, &|d| {
        d.add_subject(primary, SubjectKind::InternalSponsors.subject(""), None)
    });
    let alex = "7deff43e-1f17-44ef-9e5f-d516b0ba11d4";
    let megan = "46184453-e63b-4f20-86c2-c557ed5d5df9";
    let sales = "1623f912-5e86-41c2-af47-39dd67582b66";
    let fallback = |stage| SubjectList::Stage(stage, StageList::FallbackPrimary);
    edit(&mut d, &|d| {
        d.add_subject(fallback(0), SubjectKind::User.subject(alex), None)
    });
    edit(&mut d, &|d| {
        d.add_subject(fallback(0), SubjectKind::Group.subject(sales), None)
    });
    edit(&mut d, &|d| {
        d.add_stage();
    });
    edit(&mut d, &|d| {
        d.add_subject(fallback(1), SubjectKind::User.subject(megan), None)
    });
    edit(&mut d, &|d| {
        d.add_subject(fallback(1), SubjectKind::Group.subject(sales), None)
    });
    for flag in [
        Flag::ReviewEnabled,
        Flag::ReviewRecommendations,
        Flag::ReviewerJustification,
    ] {
        edit(&mut d, &|d| flag.set(d, true));
    }
    edit(&mut d, &|d| {
        Text::ReviewStart.set(d, "2022-07-02T06:59:59.998Z")
    });
    edit(&mut d, &|d| {
        d.add_subject(
            SubjectList::PrimaryReviewers,
            SubjectKind::Group.subject(sales),
            None,
        )
    });
    assert_eq!(d.body(), seed_json());
    assert!(validate(&d.policy, &context()).is_valid());
}

#[test]
fn an_attempt_in_flight_survives_a_reload_and_is_looked_for_first() {
    let a = attempt(Some(&["seed-id"]));
    let key = pending_storage_key(&draft_storage_key("t", "a"));
    assert!(key.ends_with(":pending-create"));
    let back = restore_pending(&save_pending(&a)).unwrap();
    assert_eq!(back, a);
    assert_eq!(restore_pending("garbage"), None);
    let mut state = SubmitState::resume(back);
    assert!(state.in_flight() && !state.may_send());
    state.begin_check().unwrap();
    state.finish_check(Ok(vec![listed(
        "new",
        &a.display_name,
        "2026-12-04T22:00:02Z",
    )]));
    assert_eq!(state.created_id(), Some("new"));
}

#[test]
fn an_untouched_form_is_empty() {
    assert!(PolicyDraft::default().is_empty());
    let mut d = PolicyDraft::default();
    d.set_display_name("x");
    assert!(!d.is_empty());
    d.set_display_name("");
    assert!(d.is_empty());
}

/// The pickers and the validator agree: no kind a list offers, whoever can request, draws the
/// validator's "this does not belong here" findings at the item added.
#[test]
fn every_kind_offered_is_one_the_validator_accepts_there() {
    use StageList::*;
    let lists = [
        SubjectList::AllowedTargets,
        SubjectList::OnBehalfRequestors,
        SubjectList::Stage(0, Primary),
        SubjectList::Stage(0, FallbackPrimary),
        SubjectList::Stage(0, Escalation),
        SubjectList::Stage(0, FallbackEscalation),
        SubjectList::PrimaryReviewers,
        SubjectList::FallbackReviewers,
    ];
    let misplaced = [
        Rule::SubjectDoesNotFitRequestors,
        Rule::SponsorsNeedConnectedOrganizationScope,
        Rule::AttributeRuleOnlyInAutoAssignment,
    ];
    let mut checked = 0;
    for who in WhoCanRequest::CHOICES {
        for list in lists {
            for kind in list.kinds(who) {
                let mut draft = Template::ExternalTwoStageApproval.fill(&PolicyDraft::default());
                draft.set_who_can_request(who.clone());
                draft.add_subject(
                    list,
                    kind.subject("00000000-0000-4000-8000-000000000001"),
                    None,
                );
                // Lists the choice hides (no approval stages for direct assignment) take nothing.
                let Some(index) = list.items(&draft.policy).len().checked_sub(1) else {
                    continue;
                };
                let at = format!("{}[{index}]", list.path());
                let report = validate(&draft.policy, &context());
                let wrong: Vec<_> = report
                    .issues
                    .iter()
                    .filter(|issue| misplaced.contains(&issue.rule) && issue.path == at)
                    .collect();
                assert!(wrong.is_empty(), "{who:?}, {list:?}, {kind:?}: {wrong:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} combinations were checked");
}
