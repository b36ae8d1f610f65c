//! Property tests: generated policies round-trip exactly, and neither the
//! parser nor the validator panics on arbitrary or policy-shaped JSON.

use policy_model::validate::{validate, ValidationContext};
use policy_model::{describe, requests, AccessPackageAssignmentPolicy, AllowedTargetScope};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

// ---------- generic JSON ----------

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|number| json!(number)),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |number| number.is_finite())
            .prop_map(|number| json!(number)),
        ".{0,12}".prop_map(Value::String),
        member_name().prop_map(Value::String),
        odata_type().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((member_name(), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// Names from the schema (so arbitrary JSON often hits real members) and a few others.
fn member_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "@odata.type",
            "id",
            "displayName",
            "description",
            "allowedTargetScope",
            "specificAllowedTargets",
            "expiration",
            "duration",
            "endDateTime",
            "type",
            "requestorSettings",
            "onBehalfRequestors",
            "requestApprovalSettings",
            "isApprovalRequiredForAdd",
            "stages",
            "primaryApprovers",
            "fallbackPrimaryApprovers",
            "escalationApprovers",
            "isEscalationEnabled",
            "managerLevel",
            "userId",
            "groupId",
            "reviewSettings",
            "isEnabled",
            "schedule",
            "recurrence",
            "pattern",
            "interval",
            "questions",
            "choices",
            "localizations",
            "languageCode",
            "text",
            "regexPattern",
            "accessPackage",
            "catalog",
            "automaticRequestSettings",
            "customExtensionStageSettings",
            "customExtension",
            "stage",
        ])
        .prop_map(str::to_owned),
        "[a-zA-Z@.]{1,10}",
    ]
}

fn odata_type() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
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
            "accessPackageTextInputQuestion",
            "accessPackageMultipleChoiceQuestion",
            "accessPackageAssignmentRequestWorkflowExtension",
            "futureKind",
        ])
        .prop_map(|name| format!("#microsoft.graph.{name}")),
        "#?[a-z.]{1,12}",
    ]
}

// ---------- policy-shaped JSON with the right member types ----------

/// A member that is absent (`None`), `null`, or a value.
fn tri(value: BoxedStrategy<Value>) -> BoxedStrategy<Option<Value>> {
    prop_oneof![1 => Just(None), 1 => Just(Some(Value::Null)), 4 => value.prop_map(Some)].boxed()
}

/// An object with the given optional members plus, sometimes, one unknown member.
fn object(members: Vec<(&'static str, BoxedStrategy<Value>)>) -> BoxedStrategy<Value> {
    let parts: Vec<BoxedStrategy<Option<(String, Value)>>> = members
        .into_iter()
        .map(|(name, value)| {
            tri(value)
                .prop_map(move |value| value.map(|value| (name.to_owned(), value)))
                .boxed()
        })
        .collect();
    let extra = prop::option::of(("x[A-Z][a-z]{1,6}", arbitrary_json()));
    (parts, extra)
        .prop_map(|(parts, extra)| {
            let mut object: Map<String, Value> = parts.into_iter().flatten().collect();
            if let Some((name, value)) = extra {
                object.insert(name, value);
            }
            Value::Object(object)
        })
        .boxed()
}

fn text() -> BoxedStrategy<Value> {
    "[ -~]{0,10}".prop_map(Value::String).boxed()
}

fn boolean() -> BoxedStrategy<Value> {
    any::<bool>().prop_map(Value::Bool).boxed()
}

fn int() -> BoxedStrategy<Value> {
    (-3i32..40).prop_map(|number| json!(number)).boxed()
}

fn one_of(values: &[&'static str]) -> BoxedStrategy<Value> {
    prop_oneof![
        4 => prop::sample::select(values.to_vec()).prop_map(|value| json!(value)),
        1 => "[a-z]{1,8}".prop_map(Value::String),
    ]
    .boxed()
}

fn duration() -> BoxedStrategy<Value> {
    prop_oneof![
        (0u32..400).prop_map(|days| json!(format!("P{days}D"))),
        (0u32..48).prop_map(|hours| json!(format!("PT{hours}H"))),
        prop::sample::select(vec!["P1M", "P1Y", "P2W", "PT0S", "nonsense", ""])
            .prop_map(|text| json!(text)),
    ]
    .boxed()
}

fn vec_of(item: BoxedStrategy<Value>, most: usize) -> BoxedStrategy<Value> {
    prop::collection::vec(item, 0..most)
        .prop_map(Value::Array)
        .boxed()
}

fn subject_set() -> BoxedStrategy<Value> {
    let kind = prop::sample::select(vec![
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
        "somethingNew",
    ]);
    let members = object(vec![
        ("userId", text()),
        ("groupId", text()),
        ("description", text()),
        ("managerLevel", int()),
        ("membershipRule", text()),
    ]);
    (kind, members)
        .prop_map(|(kind, mut members)| {
            let object = members.as_object_mut().unwrap();
            // Only members that exist on the kind, so the body is well-typed.
            let allowed: &[&str] = match kind {
                "singleUser" => &["userId", "description"],
                "groupMembers" => &["groupId", "description"],
                "attributeRuleMembers" => &["membershipRule", "description"],
                "requestorManager" | "targetManager" => &["managerLevel"],
                _ => &[],
            };
            object.retain(|name, _| allowed.contains(&name.as_str()) || name.starts_with('x'));
            object.insert(
                "@odata.type".into(),
                json!(format!("#microsoft.graph.{kind}")),
            );
            members
        })
        .boxed()
}

fn expiration() -> BoxedStrategy<Value> {
    object(vec![
        (
            "type",
            one_of(&[
                "notSpecified",
                "noExpiration",
                "afterDateTime",
                "afterDuration",
            ]),
        ),
        ("duration", duration()),
        (
            "endDateTime",
            prop_oneof![Just(json!("2026-12-31T23:59:59Z")), text()].boxed(),
        ),
    ])
}

fn stage() -> BoxedStrategy<Value> {
    object(vec![
        ("durationBeforeAutomaticDenial", duration()),
        ("durationBeforeEscalation", duration()),
        ("isApproverJustificationRequired", boolean()),
        ("isEscalationEnabled", boolean()),
        (
            "approverInformationVisibility",
            one_of(&["default", "notVisible", "visible", "unknownFutureValue"]),
        ),
        ("primaryApprovers", vec_of(subject_set(), 4)),
        ("fallbackPrimaryApprovers", vec_of(subject_set(), 3)),
        ("escalationApprovers", vec_of(subject_set(), 3)),
        ("fallbackEscalationApprovers", vec_of(subject_set(), 2)),
    ])
}

fn review_settings() -> BoxedStrategy<Value> {
    let pattern = object(vec![
        (
            "type",
            one_of(&[
                "daily",
                "weekly",
                "absoluteMonthly",
                "relativeMonthly",
                "absoluteYearly",
            ]),
        ),
        ("interval", int()),
        ("month", int()),
        ("dayOfMonth", int()),
        ("daysOfWeek", vec_of(one_of(&["monday", "friday"]), 3)),
    ]);
    let range = object(vec![
        ("type", one_of(&["endDate", "noEnd", "numbered"])),
        ("numberOfOccurrences", int()),
    ]);
    let recurrence = object(vec![("pattern", pattern), ("range", range)]);
    let schedule = object(vec![
        ("startDateTime", text()),
        ("expiration", expiration()),
        ("recurrence", recurrence),
    ]);
    object(vec![
        ("isEnabled", boolean()),
        ("isSelfReview", boolean()),
        (
            "expirationBehavior",
            one_of(&["keepAccess", "removeAccess", "acceptAccessRecommendation"]),
        ),
        ("primaryReviewers", vec_of(subject_set(), 3)),
        ("fallbackReviewers", vec_of(subject_set(), 2)),
        ("schedule", schedule),
    ])
}

fn localizations() -> BoxedStrategy<Value> {
    vec_of(
        object(vec![
            ("languageCode", one_of(&["en", "fr-CA", "xx"])),
            ("text", text()),
        ]),
        3,
    )
}

fn question() -> BoxedStrategy<Value> {
    let text_input = object(vec![
        ("text", text()),
        ("sequence", int()),
        ("isRequired", boolean()),
        ("localizations", localizations()),
        (
            "regexPattern",
            prop_oneof![Just(json!("^[0-9]+$")), Just(json!("(")), text()].boxed(),
        ),
    ])
    .prop_map(|mut question| {
        question["@odata.type"] = json!("#microsoft.graph.accessPackageTextInputQuestion");
        question
    });
    let choice = object(vec![
        ("actualValue", text()),
        ("text", text()),
        ("localizations", localizations()),
    ]);
    let multiple_choice =
        object(vec![("text", text()), ("choices", vec_of(choice, 3))]).prop_map(|mut question| {
            question["@odata.type"] = json!("#microsoft.graph.accessPackageMultipleChoiceQuestion");
            question
        });
    prop_oneof![text_input, multiple_choice].boxed()
}

fn policy_shaped() -> BoxedStrategy<Value> {
    let scopes: Vec<&'static str> = AllowedTargetScope::KNOWN
        .iter()
        .map(|scope| scope_name(scope))
        .collect();
    object(vec![
        ("id", text()),
        ("displayName", text()),
        ("description", text()),
        ("createdDateTime", text()),
        ("allowedTargetScope", one_of(&scopes)),
        ("specificAllowedTargets", vec_of(subject_set(), 5)),
        ("expiration", expiration()),
        (
            "requestorSettings",
            object(vec![
                ("enableTargetsToSelfAddAccess", boolean()),
                ("allowCustomAssignmentSchedule", boolean()),
                ("onBehalfRequestors", vec_of(subject_set(), 3)),
            ]),
        ),
        (
            "requestApprovalSettings",
            object(vec![
                ("isApprovalRequiredForAdd", boolean()),
                ("isApprovalRequiredForUpdate", boolean()),
                ("stages", vec_of(stage(), 5)),
            ]),
        ),
        ("reviewSettings", review_settings()),
        (
            "automaticRequestSettings",
            object(vec![
                ("requestAccessForAllowedTargets", boolean()),
                ("gracePeriodBeforeAccessRemoval", duration()),
            ]),
        ),
        (
            "notificationSettings",
            object(vec![("isAssignmentNotificationDisabled", boolean())]),
        ),
        ("questions", vec_of(question(), 3)),
        (
            "accessPackage",
            object(vec![(
                "id",
                prop_oneof![Just(json!("a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b")), text()].boxed(),
            )]),
        ),
        (
            "catalog",
            object(vec![
                ("displayName", text()),
                ("state", one_of(&["published", "unpublished"])),
            ]),
        ),
    ])
}

fn scope_name(scope: &AllowedTargetScope) -> &'static str {
    // `as_str` borrows; the known names are static strings, so leak-free via match on KNOWN.
    match scope {
        AllowedTargetScope::NotSpecified => "notSpecified",
        AllowedTargetScope::SpecificDirectoryUsers => "specificDirectoryUsers",
        AllowedTargetScope::SpecificConnectedOrganizationUsers => {
            "specificConnectedOrganizationUsers"
        }
        AllowedTargetScope::SpecificDirectoryServicePrincipals => {
            "specificDirectoryServicePrincipals"
        }
        AllowedTargetScope::AllMemberUsers => "allMemberUsers",
        AllowedTargetScope::AllDirectoryUsers => "allDirectoryUsers",
        AllowedTargetScope::AllDirectoryServicePrincipals => "allDirectoryServicePrincipals",
        AllowedTargetScope::AllConfiguredConnectedOrganizationUsers => {
            "allConfiguredConnectedOrganizationUsers"
        }
        AllowedTargetScope::AllExternalUsers => "allExternalUsers",
        AllowedTargetScope::AllDirectoryAgentIdentities => "allDirectoryAgentIdentities",
        _ => "unknownFutureValue",
    }
}

/// Everything the SPA does with a parsed policy; none of it may panic.
fn exercise(policy: &AccessPackageAssignmentPolicy) {
    let report = validate(policy, &ValidationContext::default());
    for issue in &report.issues {
        assert!(
            !issue.path.is_empty() || issue.message.is_empty(),
            "issue without a path: {issue:?}"
        );
        assert!(!issue.message.is_empty());
    }
    let _ = describe::who_can_request(policy);
    let _ = requests::create_policy("https://graph.microsoft.com/v1.0", policy);
    let _ = requests::update_policy("https://graph.microsoft.com/v1.0", policy);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn generated_policies_round_trip(body in policy_shaped()) {
        let policy: AccessPackageAssignmentPolicy = serde_json::from_value(body.clone())
            .map_err(|error| TestCaseError::fail(format!("{error}: {body}")))?;
        prop_assert_eq!(serde_json::to_value(&policy).unwrap(), body);
        let reparsed: AccessPackageAssignmentPolicy = serde_json::from_value(serde_json::to_value(&policy).unwrap()).unwrap();
        prop_assert_eq!(&reparsed, &policy);
        exercise(&policy);
    }

    #[test]
    fn arbitrary_json_never_panics(body in arbitrary_json()) {
        if let Ok(policy) = serde_json::from_value::<AccessPackageAssignmentPolicy>(body.clone()) {
            // Whatever parses must come back exactly.
            prop_assert_eq!(serde_json::to_value(&policy).unwrap(), body);
            exercise(&policy);
        }
    }

    #[test]
    fn corrupted_policy_shaped_json_never_panics(
        body in policy_shaped(),
        pointer_choice in any::<prop::sample::Index>(),
        replacement in arbitrary_json(),
    ) {
        // Replace one member anywhere in the tree with arbitrary JSON.
        let mut body = body;
        let pointers = member_pointers(&body, String::new());
        if !pointers.is_empty() {
            let pointer = pointer_choice.get(&pointers);
            if let Some(slot) = body.pointer_mut(pointer) {
                *slot = replacement;
            }
        }
        // Through text, as the SPA reads bodies. Compare with serde_json's own
        // reading of the same text: without its `float_roundtrip` feature
        // the last digit of a float may differ from `body`, and Graph
        // policies carry no floats.
        let text = body.to_string();
        let as_read: Value = serde_json::from_str(&text).unwrap();
        if let Ok(policy) = serde_json::from_str::<AccessPackageAssignmentPolicy>(&text) {
            prop_assert_eq!(serde_json::to_value(&policy).unwrap(), as_read);
            exercise(&policy);
        }
    }
}

fn member_pointers(value: &Value, prefix: String) -> Vec<String> {
    let mut pointers = Vec::new();
    let escape = |name: &str| name.replace('~', "~0").replace('/', "~1");
    match value {
        Value::Object(members) => {
            for (name, member) in members {
                let pointer = format!("{prefix}/{}", escape(name));
                pointers.push(pointer.clone());
                pointers.extend(member_pointers(member, pointer));
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let pointer = format!("{prefix}/{index}");
                pointers.push(pointer.clone());
                pointers.extend(member_pointers(item, pointer));
            }
        }
        _ => {}
    }
    pointers
}
