//! Small builders for the nested pieces of an assignment policy, so the
//! sample policies read as "who / approval / lifecycle" rather than as walls
//! of JSON. Every builder emits exactly the v1.0 shape Graph returns.

use serde_json::{json, Value};

pub fn single_user(user_id: &str) -> Value {
    json!({ "@odata.type": "#microsoft.graph.singleUser", "userId": user_id, "description": null })
}

pub fn group_members(group_id: &str) -> Value {
    json!({ "@odata.type": "#microsoft.graph.groupMembers", "groupId": group_id, "description": null })
}

pub fn single_service_principal(service_principal_id: &str) -> Value {
    json!({
        "@odata.type": "#microsoft.graph.singleServicePrincipal",
        "servicePrincipalId": service_principal_id,
        "description": null,
    })
}

pub fn connected_organization_members(connected_organization_id: &str) -> Value {
    json!({
        "@odata.type": "#microsoft.graph.connectedOrganizationMembers",
        "connectedOrganizationId": connected_organization_id,
        "description": null,
    })
}

pub fn attribute_rule(membership_rule: &str) -> Value {
    json!({
        "@odata.type": "#microsoft.graph.attributeRuleMembers",
        "membershipRule": membership_rule,
        "description": null,
    })
}

pub fn requestor_manager(manager_level: u8) -> Value {
    json!({ "@odata.type": "#microsoft.graph.requestorManager", "managerLevel": manager_level })
}

pub fn target_manager(manager_level: u8) -> Value {
    json!({ "@odata.type": "#microsoft.graph.targetManager", "managerLevel": manager_level })
}

pub fn typed(odata_type: &str) -> Value {
    json!({ "@odata.type": format!("#microsoft.graph.{odata_type}") })
}

pub fn no_expiration() -> Value {
    json!({ "type": "noExpiration", "duration": null, "endDateTime": null })
}

pub fn expires_after(duration: &str) -> Value {
    json!({ "type": "afterDuration", "duration": duration, "endDateTime": null })
}

pub fn expires_on(end_date_time: &str) -> Value {
    json!({ "type": "afterDateTime", "duration": null, "endDateTime": end_date_time })
}

/// Who may ask: the three self-service flags, a custom schedule, and on-behalf requestors.
pub struct Requestors {
    pub self_add: bool,
    pub self_update: bool,
    pub self_remove: bool,
    pub custom_schedule: bool,
    pub on_behalf: Vec<Value>,
}

impl Requestors {
    pub const fn self_service() -> Self {
        Self {
            self_add: true,
            self_update: true,
            self_remove: true,
            custom_schedule: false,
            on_behalf: Vec::new(),
        }
    }

    /// Administrator direct assignment only: nobody requests.
    pub const fn nobody() -> Self {
        Self {
            self_add: false,
            self_update: false,
            self_remove: false,
            custom_schedule: false,
            on_behalf: Vec::new(),
        }
    }

    pub fn to_json(&self) -> Value {
        let on_behalf = !self.on_behalf.is_empty();
        json!({
            "enableTargetsToSelfAddAccess": self.self_add,
            "enableTargetsToSelfUpdateAccess": self.self_update,
            "enableTargetsToSelfRemoveAccess": self.self_remove,
            "allowCustomAssignmentSchedule": self.custom_schedule,
            "enableOnBehalfRequestorsToAddAccess": on_behalf,
            "enableOnBehalfRequestorsToUpdateAccess": on_behalf,
            "enableOnBehalfRequestorsToRemoveAccess": false,
            "onBehalfRequestors": self.on_behalf,
        })
    }
}

pub fn no_approval() -> Value {
    json!({
        "isApprovalRequiredForAdd": false,
        "isApprovalRequiredForUpdate": false,
        "isRequestorJustificationRequired": false,
        "stages": [],
    })
}

pub fn approval(requestor_justification: bool, stages: Vec<Value>) -> Value {
    json!({
        "isApprovalRequiredForAdd": true,
        "isApprovalRequiredForUpdate": false,
        "isRequestorJustificationRequired": requestor_justification,
        "stages": stages,
    })
}

/// One approval stage; escalation is added with [`escalate`].
pub fn stage(days_to_deny: u8, primary: Vec<Value>, fallback: Vec<Value>) -> Value {
    json!({
        "durationBeforeAutomaticDenial": format!("P{days_to_deny}D"),
        "isApproverJustificationRequired": false,
        "isEscalationEnabled": false,
        "durationBeforeEscalation": "PT0S",
        "approverInformationVisibility": "default",
        "primaryApprovers": primary,
        "fallbackPrimaryApprovers": fallback,
        "escalationApprovers": [],
        "fallbackEscalationApprovers": [],
    })
}

pub fn escalate(mut stage: Value, after: &str, approvers: Vec<Value>) -> Value {
    stage["isEscalationEnabled"] = json!(true);
    stage["durationBeforeEscalation"] = json!(after);
    stage["escalationApprovers"] = json!(approvers);
    stage
}

pub fn with(mut value: Value, key: &str, field: Value) -> Value {
    value[key] = field;
    value
}

/// Recurring access review; `interval` months of type absoluteMonthly, or weeks for weekly.
pub fn review(
    recurrence_type: &str,
    interval: u8,
    behavior: &str,
    reviewers: Vec<Value>,
    fallback: Vec<Value>,
) -> Value {
    json!({
        "isEnabled": true,
        "expirationBehavior": behavior,
        "isRecommendationEnabled": true,
        "isReviewerJustificationRequired": true,
        "isSelfReview": reviewers.is_empty(),
        "schedule": {
            "startDateTime": "2026-02-01T08:00:00Z",
            "expiration": { "duration": "P14D", "type": "afterDuration", "endDateTime": null },
            "recurrence": {
                "pattern": {
                    "type": recurrence_type,
                    "interval": interval,
                    "month": 0,
                    "dayOfMonth": 0,
                    "daysOfWeek": [],
                },
                "range": { "type": "noEnd", "numberOfOccurrences": 0 },
            },
        },
        "primaryReviewers": reviewers,
        "fallbackReviewers": fallback,
    })
}

pub fn text_question(id: &str, sequence: u8, text: &str, regex: Option<&str>) -> Value {
    json!({
        "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
        "id": id,
        "sequence": sequence,
        "isRequired": true,
        "isAnswerEditable": true,
        "text": text,
        "localizations": [],
        "isSingleLineQuestion": true,
        "regexPattern": regex,
    })
}

pub fn choice_question(
    id: &str,
    sequence: u8,
    text: &str,
    multiple: bool,
    choices: &[(&str, &str)],
) -> Value {
    json!({
        "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
        "id": id,
        "sequence": sequence,
        "isRequired": true,
        "isAnswerEditable": true,
        "text": text,
        "localizations": [],
        "isMultipleSelectionAllowed": multiple,
        "choices": choices
            .iter()
            .map(|(value, text)| json!({ "actualValue": value, "text": text, "localizations": [] }))
            .collect::<Vec<_>>(),
    })
}

pub fn extension_stage(id: &str, stage: &str, extension_id: &str) -> Value {
    json!({
        "id": id,
        "stage": stage,
        "customExtension": {
            "@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension",
            "id": extension_id,
        },
    })
}
