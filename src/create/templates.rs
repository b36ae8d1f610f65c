//! Templates that fill the create form with a complete, valid policy shape.

use policy_model::AccessPackageAssignmentPolicy;

use super::PolicyDraft;

/// The founding example: external users from every configured connected organization, two
/// approval stages, quarterly reviews. Byte for byte `shared/graph/seed-request.json`.
const EXTERNAL_TWO_STAGE: &str = include_str!("seed-template.json");

const DIRECT_ASSIGNMENT: &str = r##"{
  "displayName": "Direct assignment",
  "description": "Administrators assign access directly; no one can request it.",
  "allowedTargetScope": "notSpecified",
  "specificAllowedTargets": [],
  "expiration": {"type": "noExpiration"},
  "requestorSettings": {
    "enableTargetsToSelfAddAccess": false,
    "enableTargetsToSelfUpdateAccess": false,
    "enableTargetsToSelfRemoveAccess": false,
    "allowCustomAssignmentSchedule": true,
    "enableOnBehalfRequestorsToAddAccess": false,
    "enableOnBehalfRequestorsToUpdateAccess": false,
    "enableOnBehalfRequestorsToRemoveAccess": false,
    "onBehalfRequestors": []
  },
  "requestApprovalSettings": {
    "isApprovalRequiredForAdd": false,
    "isApprovalRequiredForUpdate": false,
    "stages": []
  }
}"##;

const AUTOMATIC_BY_ATTRIBUTE: &str = r##"{
  "displayName": "Sales department users",
  "description": "Everyone in the Sales department gets access automatically, and loses it a week after leaving the department.",
  "allowedTargetScope": "specificDirectoryUsers",
  "specificAllowedTargets": [
    {
      "@odata.type": "#microsoft.graph.attributeRuleMembers",
      "description": "All users from the Sales department",
      "membershipRule": "(user.department -eq \"Sales\")"
    }
  ],
  "automaticRequestSettings": {
    "requestAccessForAllowedTargets": true,
    "removeAccessWhenTargetLeavesAllowedTargets": true,
    "gracePeriodBeforeAccessRemoval": "P7D"
  }
}"##;

const WITH_QUESTIONS: &str = r##"{
  "displayName": "Members, with requestor questions",
  "description": "Any member can request; requestors say what they need the access for.",
  "allowedTargetScope": "allMemberUsers",
  "specificAllowedTargets": [],
  "expiration": {"type": "afterDuration", "duration": "P365D"},
  "requestorSettings": {
    "enableTargetsToSelfAddAccess": true,
    "enableTargetsToSelfUpdateAccess": true,
    "enableTargetsToSelfRemoveAccess": true,
    "allowCustomAssignmentSchedule": false,
    "enableOnBehalfRequestorsToAddAccess": false,
    "enableOnBehalfRequestorsToUpdateAccess": false,
    "enableOnBehalfRequestorsToRemoveAccess": false,
    "onBehalfRequestors": []
  },
  "requestApprovalSettings": {
    "isApprovalRequiredForAdd": false,
    "isApprovalRequiredForUpdate": false,
    "isRequestorJustificationRequired": true,
    "stages": []
  },
  "questions": [
    {
      "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
      "sequence": 1,
      "isRequired": true,
      "isAnswerEditable": true,
      "text": "What is your role?",
      "localizations": [{"languageCode": "fr", "text": "Quel est votre rôle ?"}],
      "choices": [
        {"actualValue": "employee", "text": "Employee", "localizations": [{"languageCode": "fr", "text": "Employé"}]},
        {"actualValue": "contractor", "text": "Contractor", "localizations": [{"languageCode": "fr", "text": "Prestataire"}]}
      ],
      "isMultipleSelectionAllowed": false
    },
    {
      "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
      "sequence": 2,
      "isRequired": true,
      "isAnswerEditable": true,
      "text": "Which project is this for?",
      "localizations": [],
      "isSingleLineQuestion": true,
      "regexPattern": "^[A-Z]{2,5}-[0-9]+$"
    }
  ]
}"##;

const WITH_CUSTOM_EXTENSION: &str = r##"{
  "displayName": "Members, with a custom extension",
  "description": "Any member can request; a Logic App runs when access is granted.",
  "allowedTargetScope": "allMemberUsers",
  "specificAllowedTargets": [],
  "expiration": {"type": "afterDuration", "duration": "P180D"},
  "requestorSettings": {
    "enableTargetsToSelfAddAccess": true,
    "enableTargetsToSelfUpdateAccess": false,
    "enableTargetsToSelfRemoveAccess": true,
    "allowCustomAssignmentSchedule": false,
    "enableOnBehalfRequestorsToAddAccess": false,
    "enableOnBehalfRequestorsToUpdateAccess": false,
    "enableOnBehalfRequestorsToRemoveAccess": false,
    "onBehalfRequestors": []
  },
  "requestApprovalSettings": {
    "isApprovalRequiredForAdd": false,
    "isApprovalRequiredForUpdate": false,
    "stages": []
  },
  "customExtensionStageSettings": [
    {"stage": "assignmentRequestGranted"}
  ]
}"##;

/// The templates the form offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    ExternalTwoStageApproval,
    DirectAssignmentOnly,
    AutomaticByAttribute,
    WithRequestorQuestions,
    WithCustomExtension,
}

impl Template {
    pub const ALL: &'static [Template] = &[
        Template::ExternalTwoStageApproval,
        Template::DirectAssignmentOnly,
        Template::AutomaticByAttribute,
        Template::WithRequestorQuestions,
        Template::WithCustomExtension,
    ];

    /// The button's text.
    pub fn label(self) -> &'static str {
        match self {
            Self::ExternalTwoStageApproval => "External access, two-stage approval",
            Self::DirectAssignmentOnly => "Direct assignment only",
            Self::AutomaticByAttribute => "Automatic assignment by attribute rule",
            Self::WithRequestorQuestions => "With requestor questions",
            Self::WithCustomExtension => "With a custom extension",
        }
    }

    /// A stable name for tests and `data-` attributes.
    pub fn key(self) -> &'static str {
        match self {
            Self::ExternalTwoStageApproval => "external-two-stage",
            Self::DirectAssignmentOnly => "direct-assignment",
            Self::AutomaticByAttribute => "automatic-by-attribute",
            Self::WithRequestorQuestions => "requestor-questions",
            Self::WithCustomExtension => "custom-extension",
        }
    }

    /// The template's policy, exactly.
    pub fn policy(self) -> AccessPackageAssignmentPolicy {
        let text = match self {
            Self::ExternalTwoStageApproval => EXTERNAL_TWO_STAGE,
            Self::DirectAssignmentOnly => DIRECT_ASSIGNMENT,
            Self::AutomaticByAttribute => AUTOMATIC_BY_ATTRIBUTE,
            Self::WithRequestorQuestions => WITH_QUESTIONS,
            Self::WithCustomExtension => WITH_CUSTOM_EXTENSION,
        };
        // Through `Value`: the policy's reader is then the one every other path already uses.
        serde_json::from_str::<serde_json::Value>(text)
            .and_then(serde_json::from_value)
            .unwrap_or_default()
    }

    /// The form filled from the template. The access package already chosen in `current` is
    /// kept (with its name); otherwise the template's own (only the seed has one) is used.
    pub fn fill(self, current: &PolicyDraft) -> PolicyDraft {
        let mut draft = PolicyDraft::from_policy(self.policy());
        if let Some(id) = current.access_package_id() {
            let label = current.label(id).cloned();
            draft.set_access_package(id, label);
        }
        draft
    }
}
