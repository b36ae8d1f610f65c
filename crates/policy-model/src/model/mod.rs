//! Serde types for `accessPackageAssignmentPolicy` and every type reachable
//! from it in the Graph v1.0 schema, named as Graph names them.

mod access_package;
mod approval;
mod automatic_request;
mod custom_extension;
mod expiration;
mod notification;
mod policy;
mod question;
mod requestor_settings;
mod review;
mod subject_set;

pub use access_package::{AccessPackage, AccessPackageCatalog};
pub use approval::{
    AccessPackageApprovalStage, AccessPackageAssignmentApprovalSettings,
    AccessPackageDynamicApprovalStage, DYNAMIC_APPROVAL_STAGE_ODATA_TYPE,
};
pub use automatic_request::AccessPackageAutomaticRequestSettings;
pub use custom_extension::{
    AccessPackageAssignmentRequestWorkflowExtension, AccessPackageAssignmentWorkflowExtension,
    AccessPackageRequestApprovalStageCallbackConfiguration, AccessPackageWorkflowExtension,
    AzureAdPopTokenAuthentication, AzureAdTokenAuthentication, CustomAuthenticationExtension,
    CustomCalloutExtension, CustomExtensionAuthenticationConfiguration,
    CustomExtensionBehaviorOnError, CustomExtensionCallbackConfiguration,
    CustomExtensionClientConfiguration, CustomExtensionEndpointConfiguration,
    CustomExtensionStageSetting, CustomTaskExtension, CustomTaskExtensionCallbackConfiguration,
    FallbackToMicrosoftProviderOnError, HttpRequestEndpoint, LogicAppTriggerEndpointConfiguration,
    OnAttributeCollectionStartCustomExtension, OnAttributeCollectionSubmitCustomExtension,
    OnOtpSendCustomExtension, OnPasswordSubmitCustomExtension, OnTokenIssuanceStartCustomExtension,
    OnTokenIssuanceStartReturnClaim, OnVerifiedIdClaimValidationCustomExtension,
};
pub use expiration::ExpirationPattern;
pub use notification::AccessPackageNotificationSettings;
pub use policy::{AccessPackageAssignmentPolicy, READ_ONLY_MEMBERS};
pub use question::{
    AccessPackageAnswerChoice, AccessPackageLocalizedText, AccessPackageMultipleChoiceQuestion,
    AccessPackageQuestion, AccessPackageTextInputQuestion,
};
pub use requestor_settings::AccessPackageAssignmentRequestorSettings;
pub use review::{
    AccessPackageAssignmentReviewSettings, EntitlementManagementSchedule, PatternedRecurrence,
    RecurrencePattern, RecurrenceRange,
};
pub use subject_set::{
    AttributeRuleMembers, ConnectedOrganizationMembers, ExternalSponsors, GroupBasedSubjectSet,
    GroupMembers, InternalSponsors, RequestorManager, RuleBasedSubjectSet, SingleServicePrincipal,
    SingleUser, SubjectSet, TargetAgentIdentitySponsorsOrOwners, TargetApplicationOwners,
    TargetManager, TargetUserSponsors,
};
