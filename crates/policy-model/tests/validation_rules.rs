//! Each validation rule: one test that triggers it, one that passes.
//! Cases start from the seed body (which must pass) and change one thing.

use policy_model::validate::{validate, Rule, Severity, ValidationContext, ValidationReport};
use policy_model::AccessPackageAssignmentPolicy;
use serde_json::{json, Value};
use std::path::Path;

fn seed() -> Value {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/graph/seed-request.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn report(body: &Value) -> ValidationReport {
    let policy: AccessPackageAssignmentPolicy = serde_json::from_value(body.clone()).unwrap();
    validate(&policy, &ValidationContext::default())
}

#[track_caller]
fn assert_triggers(body: &Value, rule: Rule, path: &str) {
    let report = report(body);
    assert!(
        report
            .issues
            .iter()
            .any(|issue| issue.rule == rule && issue.path == path),
        "expected {rule:?} at {path}, got {:#?}",
        report.issues
    );
}

#[track_caller]
fn assert_passes(body: &Value, rule: Rule) {
    let report = report(body);
    assert!(
        !report.has(rule),
        "did not expect {rule:?}: {:#?}",
        report.issues
    );
}

/// A seed with one member replaced (by JSON pointer).
fn seed_with(pointer: &str, value: Value) -> Value {
    let mut body = seed();
    *body
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in seed")) = value;
    body
}

fn stage0(pointer: &str) -> String {
    format!("/requestApprovalSettings/stages/0/{pointer}")
}

fn user(id: &str) -> Value {
    json!({"@odata.type": "#microsoft.graph.singleUser", "userId": id})
}

fn group(id: &str) -> Value {
    json!({"@odata.type": "#microsoft.graph.groupMembers", "groupId": id})
}

fn kind(name: &str) -> Value {
    json!({"@odata.type": format!("#microsoft.graph.{name}")})
}

fn manager(name: &str, level: i64) -> Value {
    json!({"@odata.type": format!("#microsoft.graph.{name}"), "managerLevel": level})
}

/// A valid request-based policy for specific directory users.
fn specific_users(targets: Value) -> Value {
    let mut body = seed();
    body["allowedTargetScope"] = json!("specificDirectoryUsers");
    body["specificAllowedTargets"] = targets;
    body["requestApprovalSettings"]["stages"][0]["primaryApprovers"] = json!([user("u-approver")]);
    body
}

/// A valid auto-assignment policy.
fn auto_assignment() -> Value {
    json!({
        "displayName": "Sales auto-assignment",
        "description": "Everyone in Sales",
        "allowedTargetScope": "specificDirectoryUsers",
        "specificAllowedTargets": [{
            "@odata.type": "#microsoft.graph.attributeRuleMembers",
            "description": "Sales",
            "membershipRule": "(user.department -eq \"Sales\")"
        }],
        "automaticRequestSettings": {
            "requestAccessForAllowedTargets": true,
            "removeAccessWhenTargetLeavesAllowedTargets": true,
            "gracePeriodBeforeAccessRemoval": "P7D"
        },
        "accessPackage": {"id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"}
    })
}

#[test]
fn seed_passes_with_no_error() {
    let report = report(&seed());
    assert!(report.is_valid(), "{:#?}", report.issues);
    assert_eq!(report.warnings().count(), 0, "{:#?}", report.issues);
}

#[test]
fn documented_direct_assignment_example_passes() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/graph/examples/create-direct-assignment.request.json");
    let body: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let report = report(&body);
    assert!(report.is_valid(), "{:#?}", report.issues);
}

#[test]
fn auto_assignment_example_passes() {
    let report = report(&auto_assignment());
    assert!(report.is_valid(), "{:#?}", report.issues);
}

#[test]
fn rule_display_name_required() {
    assert_triggers(
        &seed_with("/displayName", json!("  ")),
        Rule::DisplayNameRequired,
        "displayName",
    );
    let mut absent = seed();
    absent.as_object_mut().unwrap().remove("displayName");
    assert_triggers(&absent, Rule::DisplayNameRequired, "displayName");
    assert_passes(&seed(), Rule::DisplayNameRequired);
}

#[test]
fn rule_access_package_id_required() {
    assert_triggers(
        &seed_with("/accessPackage", json!({})),
        Rule::AccessPackageIdRequired,
        "accessPackage.id",
    );
    assert_triggers(
        &seed_with("/accessPackage/id", json!("sales")),
        Rule::AccessPackageIdRequired,
        "accessPackage.id",
    );
    assert_passes(&seed(), Rule::AccessPackageIdRequired);
}

#[test]
fn rule_allowed_target_scope_required() {
    assert_triggers(
        &seed_with("/allowedTargetScope", Value::Null),
        Rule::AllowedTargetScopeRequired,
        "allowedTargetScope",
    );
    assert_passes(&seed(), Rule::AllowedTargetScopeRequired);
}

#[test]
fn rule_max_approval_stages() {
    let mut body = seed();
    let stage = body["requestApprovalSettings"]["stages"][1].clone();
    let stages = body["requestApprovalSettings"]["stages"]
        .as_array_mut()
        .unwrap();
    stages.push(stage.clone());
    assert_passes(&body, Rule::MaxApprovalStages);
    body["requestApprovalSettings"]["stages"]
        .as_array_mut()
        .unwrap()
        .push(stage);
    assert_triggers(
        &body,
        Rule::MaxApprovalStages,
        "requestApprovalSettings.stages",
    );
}

#[test]
fn rule_approval_stages_required() {
    let body = seed_with("/requestApprovalSettings/stages", json!([]));
    assert_triggers(
        &body,
        Rule::ApprovalStagesRequired,
        "requestApprovalSettings.stages",
    );
    let mut not_required = body.clone();
    not_required["requestApprovalSettings"]["isApprovalRequiredForAdd"] = json!(false);
    assert_passes(&not_required, Rule::ApprovalStagesRequired);
}

#[test]
fn rule_stage_needs_approver() {
    let body = seed_with(
        "/requestApprovalSettings/stages/1/fallbackPrimaryApprovers",
        json!([]),
    );
    assert_triggers(
        &body,
        Rule::StageNeedsApprover,
        "requestApprovalSettings.stages[1].primaryApprovers",
    );
    // Fallback approvers alone are enough (stage 2 of the seed).
    assert_passes(&seed(), Rule::StageNeedsApprover);
}

#[test]
fn rule_escalation_needs_approvers() {
    let body = seed_with(&stage0("isEscalationEnabled"), json!(true));
    assert_triggers(
        &body,
        Rule::EscalationNeedsApprovers,
        "requestApprovalSettings.stages[0].escalationApprovers",
    );
    let mut with_approver = body.clone();
    with_approver["requestApprovalSettings"]["stages"][0]["escalationApprovers"] =
        json!([user("u-alt")]);
    assert_passes(&with_approver, Rule::EscalationNeedsApprovers);
}

#[test]
fn rule_manager_level_range() {
    let body = seed_with(
        &stage0("primaryApprovers"),
        json!([manager("requestorManager", 3)]),
    );
    assert_triggers(
        &body,
        Rule::ManagerLevelRange,
        "requestApprovalSettings.stages[0].primaryApprovers[0].managerLevel",
    );
    assert_passes(
        &seed_with(
            &stage0("primaryApprovers"),
            json!([manager("requestorManager", 2)]),
        ),
        Rule::ManagerLevelRange,
    );

    let on_behalf = |level| {
        seed_with(
            "/requestorSettings/onBehalfRequestors",
            json!([manager("targetManager", level)]),
        )
    };
    assert_triggers(
        &on_behalf(5),
        Rule::ManagerLevelRange,
        "requestorSettings.onBehalfRequestors[0].managerLevel",
    );
    assert_triggers(
        &on_behalf(0),
        Rule::ManagerLevelRange,
        "requestorSettings.onBehalfRequestors[0].managerLevel",
    );
    assert_passes(&on_behalf(4), Rule::ManagerLevelRange);
}

#[test]
fn rule_sponsors_need_connected_organization_scope() {
    let body = seed_with("/allowedTargetScope", json!("allMemberUsers"));
    assert_triggers(
        &body,
        Rule::SponsorsNeedConnectedOrganizationScope,
        "requestApprovalSettings.stages[0].primaryApprovers[0]",
    );
    let external = seed_with(
        &stage0("primaryApprovers"),
        json!([kind("externalSponsors")]),
    );
    assert_passes(&external, Rule::SponsorsNeedConnectedOrganizationScope);
    assert_passes(
        &seed_with("/allowedTargetScope", json!("allExternalUsers")),
        Rule::SponsorsNeedConnectedOrganizationScope,
    );
}

#[test]
fn rule_subject_does_not_fit_requestors() {
    let odata = |name: &str| json!({"@odata.type": format!("#microsoft.graph.{name}")});
    // A service principal has no manager.
    let mut body = seed_with(
        &stage0("primaryApprovers"),
        json!([manager("requestorManager", 1)]),
    );
    body["allowedTargetScope"] = json!("allDirectoryServicePrincipals");
    assert_triggers(
        &body,
        Rule::SubjectDoesNotFitRequestors,
        "requestApprovalSettings.stages[0].primaryApprovers[0]",
    );
    // A warning (Graph documents each kind for its requestors, not what it does with others).
    let finding = report(&body)
        .issues
        .into_iter()
        .find(|issue| issue.rule == Rule::SubjectDoesNotFitRequestors)
        .unwrap();
    assert_eq!(finding.severity, Severity::Warning);
    assert!(finding.message.contains("service principals"));
    // Application owners request only for service principals; an agent's sponsors only for agents.
    let mut users = seed_with(
        "/requestorSettings/onBehalfRequestors",
        json!([odata("targetApplicationOwners")]),
    );
    assert_triggers(
        &users,
        Rule::SubjectDoesNotFitRequestors,
        "requestorSettings.onBehalfRequestors[0]",
    );
    users["allowedTargetScope"] = json!("specificDirectoryServicePrincipals");
    users["specificAllowedTargets"] = json!([{"@odata.type": "#microsoft.graph.singleServicePrincipal", "servicePrincipalId": "sp1"}]);
    users["requestApprovalSettings"]["stages"][0]["primaryApprovers"] = json!([]);
    assert_passes(&users, Rule::SubjectDoesNotFitRequestors);
    let mut agents = seed_with(
        &stage0("primaryApprovers"),
        json!([odata("targetAgentIdentitySponsorsOrOwners")]),
    );
    assert_triggers(
        &agents,
        Rule::SubjectDoesNotFitRequestors,
        "requestApprovalSettings.stages[0].primaryApprovers[0]",
    );
    agents["allowedTargetScope"] = json!("allDirectoryAgentIdentities");
    assert_passes(&agents, Rule::SubjectDoesNotFitRequestors);
    // Users have managers; direct assignment has no requestors to judge.
    assert_passes(
        &seed_with(
            &stage0("primaryApprovers"),
            json!([manager("requestorManager", 1)]),
        ),
        Rule::SubjectDoesNotFitRequestors,
    );
}

#[test]
fn rule_fallback_approver_required() {
    let body = seed_with(&stage0("fallbackPrimaryApprovers"), json!([]));
    assert_triggers(
        &body,
        Rule::FallbackApproverRequired,
        "requestApprovalSettings.stages[0].fallbackPrimaryApprovers",
    );
    // Another relative approver is no fallback.
    let manager_only = seed_with(
        &stage0("fallbackPrimaryApprovers"),
        json!([manager("requestorManager", 2)]),
    );
    assert_triggers(
        &manager_only,
        Rule::FallbackApproverRequired,
        "requestApprovalSettings.stages[0].fallbackPrimaryApprovers",
    );
    // Reviews too.
    let review = seed_with(
        "/reviewSettings/primaryReviewers",
        json!([manager("requestorManager", 1)]),
    );
    assert_triggers(
        &review,
        Rule::FallbackApproverRequired,
        "reviewSettings.fallbackReviewers",
    );
    let mut review_ok = review.clone();
    review_ok["reviewSettings"]["fallbackReviewers"] = json!([group("g-reviewers")]);
    assert_passes(&review_ok, Rule::FallbackApproverRequired);
    assert_passes(&seed(), Rule::FallbackApproverRequired);
}

#[test]
fn rule_attribute_rule_only_in_auto_assignment() {
    let mut not_auto = auto_assignment();
    not_auto
        .as_object_mut()
        .unwrap()
        .remove("automaticRequestSettings");
    assert_triggers(
        &not_auto,
        Rule::AttributeRuleOnlyInAutoAssignment,
        "specificAllowedTargets[0]",
    );
    let as_approver = seed_with(
        &stage0("fallbackPrimaryApprovers"),
        json!([{"@odata.type": "#microsoft.graph.attributeRuleMembers", "membershipRule": "(user.department -eq \"IT\")"}]),
    );
    assert_triggers(
        &as_approver,
        Rule::AttributeRuleOnlyInAutoAssignment,
        "requestApprovalSettings.stages[0].fallbackPrimaryApprovers[0]",
    );
    assert_passes(&auto_assignment(), Rule::AttributeRuleOnlyInAutoAssignment);
}

#[test]
fn rule_auto_assignment_needs_rule() {
    let body = {
        let mut body = auto_assignment();
        body["specificAllowedTargets"] = json!([user("u1")]);
        body
    };
    assert_triggers(
        &body,
        Rule::AutoAssignmentNeedsRule,
        "specificAllowedTargets",
    );
    assert_passes(&auto_assignment(), Rule::AutoAssignmentNeedsRule);
}

#[test]
fn rule_targets_match_scope() {
    // specific* needs a target of the right kind …
    assert_triggers(
        &specific_users(json!([])),
        Rule::TargetsMatchScope,
        "specificAllowedTargets",
    );
    let wrong_kind = specific_users(
        json!([user("u1"), {"@odata.type": "#microsoft.graph.connectedOrganizationMembers", "connectedOrganizationId": "o1"}]),
    );
    assert_triggers(
        &wrong_kind,
        Rule::TargetsMatchScope,
        "specificAllowedTargets[1]",
    );
    assert_passes(
        &specific_users(json!([user("u1"), group("g1")])),
        Rule::TargetsMatchScope,
    );
    let mut organizations = seed();
    organizations["allowedTargetScope"] = json!("specificConnectedOrganizationUsers");
    assert_triggers(
        &organizations,
        Rule::TargetsMatchScope,
        "specificAllowedTargets",
    );
    organizations["specificAllowedTargets"] = json!([{"@odata.type": "#microsoft.graph.connectedOrganizationMembers", "connectedOrganizationId": "o1"}]);
    assert_passes(&organizations, Rule::TargetsMatchScope);
    // … and all* takes none.
    assert_triggers(
        &seed_with("/specificAllowedTargets", json!([user("u1")])),
        Rule::TargetsMatchScope,
        "specificAllowedTargets",
    );
    assert_passes(&seed(), Rule::TargetsMatchScope);
}

#[test]
fn rule_subject_limit() {
    let many_users: Vec<Value> = (0..501).map(|index| user(&format!("u{index}"))).collect();
    assert_triggers(
        &specific_users(Value::Array(many_users.clone())),
        Rule::SubjectLimit,
        "specificAllowedTargets",
    );
    assert_passes(
        &specific_users(Value::Array(many_users[..500].to_vec())),
        Rule::SubjectLimit,
    );

    let organization = |index: usize| json!({"@odata.type": "#microsoft.graph.connectedOrganizationMembers", "connectedOrganizationId": format!("o{index}")});
    let mut body = seed();
    body["allowedTargetScope"] = json!("specificConnectedOrganizationUsers");
    body["specificAllowedTargets"] = Value::Array((0..1001).map(organization).collect());
    assert_triggers(&body, Rule::SubjectLimit, "specificAllowedTargets");
    body["specificAllowedTargets"] = Value::Array((0..1000).map(organization).collect());
    assert_passes(&body, Rule::SubjectLimit);
}

#[test]
fn rule_duration_days_and_time_only() {
    for bad in ["P1M", "P1Y", "P2W", "fourteen days"] {
        let body = seed_with(&stage0("durationBeforeAutomaticDenial"), json!(bad));
        assert_triggers(
            &body,
            Rule::DurationDaysAndTimeOnly,
            "requestApprovalSettings.stages[0].durationBeforeAutomaticDenial",
        );
    }
    let grace = {
        let mut body = auto_assignment();
        body["automaticRequestSettings"]["gracePeriodBeforeAccessRemoval"] = json!("P1Y");
        body
    };
    assert_triggers(
        &grace,
        Rule::DurationDaysAndTimeOnly,
        "automaticRequestSettings.gracePeriodBeforeAccessRemoval",
    );
    assert_passes(
        &seed_with(&stage0("durationBeforeAutomaticDenial"), json!("PT36H")),
        Rule::DurationDaysAndTimeOnly,
    );
    assert_passes(&seed(), Rule::DurationDaysAndTimeOnly);
}

#[test]
fn rule_expiration_consistent() {
    let cases = [
        (json!({"type": "afterDuration"}), "expiration.duration"),
        (
            json!({"type": "afterDuration", "duration": "P30D", "endDateTime": "2026-12-31T00:00:00Z"}),
            "expiration.endDateTime",
        ),
        (json!({"type": "afterDateTime"}), "expiration.endDateTime"),
        (
            json!({"type": "afterDateTime", "endDateTime": "31/12/2026"}),
            "expiration.endDateTime",
        ),
        (
            json!({"type": "noExpiration", "duration": "P30D"}),
            "expiration.duration",
        ),
        (json!({"duration": "P30D"}), "expiration.type"),
    ];
    for (expiration, path) in cases {
        assert_triggers(
            &seed_with("/expiration", expiration),
            Rule::ExpirationConsistent,
            path,
        );
    }
    let review = seed_with(
        "/reviewSettings/schedule/expiration/type",
        json!("afterDateTime"),
    );
    assert_triggers(
        &review,
        Rule::ExpirationConsistent,
        "reviewSettings.schedule.expiration.endDateTime",
    );
    for good in [
        json!({"type": "afterDuration", "duration": "P365D"}),
        json!({"type": "afterDateTime", "endDateTime": "2026-12-31T23:59:59Z"}),
        json!({"type": "noExpiration", "duration": null, "endDateTime": null}),
    ] {
        assert_passes(&seed_with("/expiration", good), Rule::ExpirationConsistent);
    }
}

#[test]
fn rule_review_recurrence() {
    let pattern = "/reviewSettings/schedule/recurrence/pattern";
    for bad in ["daily", "absoluteYearly", "relativeMonthly", "fortnightly"] {
        let body = seed_with(&format!("{pattern}/type"), json!(bad));
        assert_triggers(
            &body,
            Rule::ReviewRecurrence,
            "reviewSettings.schedule.recurrence.pattern.type",
        );
    }
    assert_triggers(
        &seed_with(&format!("{pattern}/interval"), json!(0)),
        Rule::ReviewRecurrence,
        "reviewSettings.schedule.recurrence.pattern.interval",
    );
    assert_passes(
        &seed_with(&format!("{pattern}/type"), json!("weekly")),
        Rule::ReviewRecurrence,
    );
    assert_passes(&seed(), Rule::ReviewRecurrence);
}

#[test]
fn rule_review_needs_reviewers() {
    let body = seed_with("/reviewSettings/primaryReviewers", json!([]));
    assert_triggers(
        &body,
        Rule::ReviewNeedsReviewers,
        "reviewSettings.primaryReviewers",
    );
    let mut self_review = body.clone();
    self_review["reviewSettings"]["isSelfReview"] = json!(true);
    assert_passes(&self_review, Rule::ReviewNeedsReviewers);
}

fn with_questions(questions: Value) -> Value {
    let mut body = seed();
    body["questions"] = questions;
    body
}

fn text_question(text: &str, pattern: Option<&str>) -> Value {
    json!({
        "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
        "sequence": 1,
        "isRequired": true,
        "isAnswerEditable": true,
        "text": text,
        "localizations": [{"languageCode": "fr-CA", "text": "Quel est votre numéro d'employé ?"}],
        "isSingleLineQuestion": true,
        "regexPattern": pattern
    })
}

fn choice_question(choices: Value) -> Value {
    json!({
        "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
        "sequence": 2,
        "isRequired": false,
        "text": "Which region?",
        "choices": choices,
        "isMultipleSelectionAllowed": false
    })
}

#[test]
fn rule_question_text() {
    assert_triggers(
        &with_questions(json!([text_question(" ", None)])),
        Rule::QuestionText,
        "questions[0].text",
    );
    let mut blank_translation = text_question("Employee number?", None);
    blank_translation["localizations"][0]["text"] = json!("");
    assert_triggers(
        &with_questions(json!([blank_translation])),
        Rule::QuestionText,
        "questions[0].localizations[0].text",
    );
    assert_passes(
        &with_questions(json!([text_question("Employee number?", None)])),
        Rule::QuestionText,
    );
}

#[test]
fn rule_question_choices() {
    assert_triggers(
        &with_questions(json!([choice_question(json!([]))])),
        Rule::QuestionChoices,
        "questions[0].choices",
    );
    let no_value = choice_question(json!([{"text": "Europe"}]));
    assert_triggers(
        &with_questions(json!([no_value])),
        Rule::QuestionChoices,
        "questions[0].choices[0].actualValue",
    );
    let good = choice_question(
        json!([{"actualValue": "eu", "text": "Europe", "localizations": [{"languageCode": "de", "text": "Europa"}]}]),
    );
    assert_passes(&with_questions(json!([good])), Rule::QuestionChoices);
}

#[test]
fn rule_language_code() {
    let mut question = text_question("Employee number?", None);
    question["localizations"][0]["languageCode"] = json!("french");
    assert_triggers(
        &with_questions(json!([question])),
        Rule::LanguageCode,
        "questions[0].localizations[0].languageCode",
    );
    let choice = choice_question(
        json!([{"actualValue": "eu", "text": "Europe", "localizations": [{"languageCode": "xx-YY", "text": "?"}]}]),
    );
    assert_triggers(
        &with_questions(json!([choice])),
        Rule::LanguageCode,
        "questions[0].choices[0].localizations[0].languageCode",
    );
    assert_passes(
        &with_questions(json!([text_question("Employee number?", None)])),
        Rule::LanguageCode,
    );
}

#[cfg(feature = "regex")]
#[test]
fn rule_regex_pattern_with_the_regex_crate() {
    let bad = with_questions(json!([text_question("Employee number?", Some("^[0-9]{6"))]));
    assert_triggers(&bad, Rule::RegexPattern, "questions[0].regexPattern");
    let good = with_questions(json!([text_question(
        "Employee number?",
        Some("^[0-9]{6}$")
    )]));
    assert_passes(&good, Rule::RegexPattern);
}

#[test]
fn rule_regex_pattern_through_the_hook() {
    let body = with_questions(json!([text_question("Employee number?", Some("anything"))]));
    let policy: AccessPackageAssignmentPolicy = serde_json::from_value(body).unwrap();
    let rejecting = ValidationContext::new()
        .with_pattern_checker(|pattern| Err(format!("RegExp rejected {pattern}")));
    let report = validate(&policy, &rejecting);
    let issue = report
        .issues
        .iter()
        .find(|issue| issue.rule == Rule::RegexPattern)
        .expect("regex issue");
    assert_eq!(issue.path, "questions[0].regexPattern");
    assert!(issue.message.contains("RegExp rejected anything"));
    let accepting = ValidationContext::new().with_pattern_checker(|_| Ok(()));
    assert!(!validate(&policy, &accepting).has(Rule::RegexPattern));
    assert!(
        !validate(&policy, &ValidationContext::new().without_pattern_checker())
            .has(Rule::RegexPattern)
    );
}

#[test]
fn warning_external_access_without_expiry_or_review() {
    let body = seed_with("/reviewSettings/isEnabled", json!(false));
    assert_triggers(
        &body,
        Rule::ExternalAccessWithoutExpiryOrReview,
        "expiration",
    );
    let report = report(&body);
    assert!(report.is_valid(), "a warning must not block saving");
    assert!(report
        .issues
        .iter()
        .all(|issue| issue.severity == Severity::Warning));
    let mut expiring = body.clone();
    expiring["expiration"] = json!({"type": "afterDuration", "duration": "P180D"});
    assert_passes(&expiring, Rule::ExternalAccessWithoutExpiryOrReview);
    assert_passes(&seed(), Rule::ExternalAccessWithoutExpiryOrReview);
}

#[test]
fn warning_broad_access_without_approval() {
    let body = seed_with(
        "/requestApprovalSettings",
        json!({"isApprovalRequiredForAdd": false, "stages": []}),
    );
    assert_triggers(
        &body,
        Rule::BroadAccessWithoutApproval,
        "requestApprovalSettings.isApprovalRequiredForAdd",
    );
    assert_passes(&seed(), Rule::BroadAccessWithoutApproval);
}

#[test]
fn warning_unrecognised_value() {
    let body = seed_with(
        &stage0("primaryApprovers"),
        json!([{"@odata.type": "#microsoft.graph.futureApprover"}]),
    );
    assert_triggers(
        &body,
        Rule::UnrecognisedValue,
        "requestApprovalSettings.stages[0].primaryApprovers[0]",
    );
    assert_triggers(
        &seed_with("/allowedTargetScope", json!("allMartians")),
        Rule::UnrecognisedValue,
        "allowedTargetScope",
    );
    assert_passes(&seed(), Rule::UnrecognisedValue);
}

#[test]
fn report_filters_by_path() {
    let body = seed_with(
        "/requestApprovalSettings/stages/1/fallbackPrimaryApprovers",
        json!([]),
    );
    let report = report(&body);
    assert_eq!(report.at("requestApprovalSettings.stages[1]").count(), 1);
    assert_eq!(report.at("requestApprovalSettings.stages[0]").count(), 0);
    assert_eq!(report.at("requestApprovalSettings").count(), 1);
    assert_eq!(report.at("requestApprovalSettings.stages[1").count(), 0);
}

#[test]
fn warning_escalation_timing() {
    let mut body = seed_with(&stage0("isEscalationEnabled"), json!(true));
    body["requestApprovalSettings"]["stages"][0]["escalationApprovers"] = json!([user("u-alt")]);
    body["requestApprovalSettings"]["stages"][0]["durationBeforeAutomaticDenial"] = json!("P3D");
    assert_triggers(
        &body,
        Rule::EscalationTiming,
        "requestApprovalSettings.stages[0].durationBeforeAutomaticDenial",
    );
    body["requestApprovalSettings"]["stages"][0]["durationBeforeAutomaticDenial"] = json!("P4D");
    assert_passes(&body, Rule::EscalationTiming);
}

#[test]
fn rule_custom_extension_stage() {
    let extension = json!({
        "@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension",
        "id": "219f57b6-7983-45a1-be01-2c228b7a5ed6"
    });
    let mut body = seed();
    body["customExtensionStageSettings"] =
        json!([{"stage": "assignmentRequestCreated", "customExtension": extension}]);
    assert_passes(&body, Rule::CustomExtensionStage);
    body["customExtensionStageSettings"] = json!([{"customExtension": {"@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension"}}]);
    assert_triggers(
        &body,
        Rule::CustomExtensionStage,
        "customExtensionStageSettings[0].stage",
    );
    assert_triggers(
        &body,
        Rule::CustomExtensionStage,
        "customExtensionStageSettings[0].customExtension",
    );
}
