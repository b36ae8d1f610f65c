//! `customExtensionStageSetting` and the custom (callout) extensions it
//! references, with their authentication, endpoint, client, callback and
//! on-error configuration types.

use crate::graph_object::{graph_object, odata_union};
use crate::{AccessPackageCustomExtensionStage, GraphDuration};

graph_object! {
    /// `customExtensionStageSetting`: run a custom extension at a stage.
    /// Read only with `$expand=customExtensionStageSettings($expand=customExtension)`.
    pub struct CustomExtensionStageSetting {
        id: String,
        stage: AccessPackageCustomExtensionStage,
        custom_extension: CustomCalloutExtension,
    }
}

graph_object! {
    /// `accessPackageAssignmentRequestWorkflowExtension` and
    /// `accessPackageAssignmentWorkflowExtension` (same members).
    pub struct AccessPackageWorkflowExtension {
        id: String,
        authentication_configuration: CustomExtensionAuthenticationConfiguration,
        client_configuration: CustomExtensionClientConfiguration,
        description: String,
        display_name: String,
        endpoint_configuration: CustomExtensionEndpointConfiguration,
        callback_configuration: CustomExtensionCallbackConfiguration,
        created_by: String,
        created_date_time: String,
        last_modified_by: String,
        last_modified_date_time: String,
    }
}

/// Schema name: `accessPackageAssignmentRequestWorkflowExtension`.
pub type AccessPackageAssignmentRequestWorkflowExtension = AccessPackageWorkflowExtension;
/// Schema name: `accessPackageAssignmentWorkflowExtension`.
pub type AccessPackageAssignmentWorkflowExtension = AccessPackageWorkflowExtension;

graph_object! {
    /// `customAuthenticationExtension` (abstract) and the derived types that
    /// add no members: onAttributeCollectionStart, onAttributeCollectionSubmit,
    /// onOtpSend, onPasswordSubmit and onVerifiedIdClaimValidation.
    pub struct CustomAuthenticationExtension {
        id: String,
        authentication_configuration: CustomExtensionAuthenticationConfiguration,
        client_configuration: CustomExtensionClientConfiguration,
        description: String,
        display_name: String,
        endpoint_configuration: CustomExtensionEndpointConfiguration,
        behavior_on_error: CustomExtensionBehaviorOnError,
    }
}

/// Schema name: `onAttributeCollectionStartCustomExtension`.
pub type OnAttributeCollectionStartCustomExtension = CustomAuthenticationExtension;
/// Schema name: `onAttributeCollectionSubmitCustomExtension`.
pub type OnAttributeCollectionSubmitCustomExtension = CustomAuthenticationExtension;
/// Schema name: `onOtpSendCustomExtension`.
pub type OnOtpSendCustomExtension = CustomAuthenticationExtension;
/// Schema name: `onPasswordSubmitCustomExtension`.
pub type OnPasswordSubmitCustomExtension = CustomAuthenticationExtension;
/// Schema name: `onVerifiedIdClaimValidationCustomExtension`.
pub type OnVerifiedIdClaimValidationCustomExtension = CustomAuthenticationExtension;

graph_object! {
    /// `onTokenIssuanceStartCustomExtension`.
    pub struct OnTokenIssuanceStartCustomExtension {
        id: String,
        authentication_configuration: CustomExtensionAuthenticationConfiguration,
        client_configuration: CustomExtensionClientConfiguration,
        description: String,
        display_name: String,
        endpoint_configuration: CustomExtensionEndpointConfiguration,
        behavior_on_error: CustomExtensionBehaviorOnError,
        claims_for_token_configuration: Vec<OnTokenIssuanceStartReturnClaim>,
    }
}

graph_object! {
    /// `onTokenIssuanceStartReturnClaim`.
    pub struct OnTokenIssuanceStartReturnClaim {
        claim_id_in_api_response: String,
    }
}

graph_object! {
    /// `identityGovernance.customTaskExtension` (Lifecycle Workflows).
    pub struct CustomTaskExtension {
        id: String,
        authentication_configuration: CustomExtensionAuthenticationConfiguration,
        client_configuration: CustomExtensionClientConfiguration,
        description: String,
        display_name: String,
        endpoint_configuration: CustomExtensionEndpointConfiguration,
        callback_configuration: CustomExtensionCallbackConfiguration,
        created_date_time: String,
        last_modified_date_time: String,
        /// Navigation property (a user), kept as JSON.
        created_by: serde_json::Value,
        /// Navigation property (a user), kept as JSON.
        last_modified_by: serde_json::Value,
    }
}

odata_union! {
    /// `customCalloutExtension` (abstract), dispatched on `@odata.type`.
    pub enum CustomCalloutExtension {
        AccessPackageAssignmentRequestWorkflowExtension(AccessPackageWorkflowExtension) = "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension",
        AccessPackageAssignmentWorkflowExtension(AccessPackageWorkflowExtension) = "#microsoft.graph.accessPackageAssignmentWorkflowExtension",
        OnAttributeCollectionStartCustomExtension(CustomAuthenticationExtension) = "#microsoft.graph.onAttributeCollectionStartCustomExtension",
        OnAttributeCollectionSubmitCustomExtension(CustomAuthenticationExtension) = "#microsoft.graph.onAttributeCollectionSubmitCustomExtension",
        OnOtpSendCustomExtension(CustomAuthenticationExtension) = "#microsoft.graph.onOtpSendCustomExtension",
        OnPasswordSubmitCustomExtension(CustomAuthenticationExtension) = "#microsoft.graph.onPasswordSubmitCustomExtension",
        OnTokenIssuanceStartCustomExtension(OnTokenIssuanceStartCustomExtension) = "#microsoft.graph.onTokenIssuanceStartCustomExtension",
        OnVerifiedIdClaimValidationCustomExtension(CustomAuthenticationExtension) = "#microsoft.graph.onVerifiedIdClaimValidationCustomExtension",
        CustomTaskExtension(CustomTaskExtension) = "#microsoft.graph.identityGovernance.customTaskExtension",
    }
}

impl CustomCalloutExtension {
    /// The extension's id, whatever its kind.
    pub fn id(&self) -> Option<&str> {
        match self {
            Self::AccessPackageAssignmentRequestWorkflowExtension(extension)
            | Self::AccessPackageAssignmentWorkflowExtension(extension) => extension.id.as_deref(),
            Self::OnAttributeCollectionStartCustomExtension(extension)
            | Self::OnAttributeCollectionSubmitCustomExtension(extension)
            | Self::OnOtpSendCustomExtension(extension)
            | Self::OnPasswordSubmitCustomExtension(extension)
            | Self::OnVerifiedIdClaimValidationCustomExtension(extension) => {
                extension.id.as_deref()
            }
            Self::OnTokenIssuanceStartCustomExtension(extension) => extension.id.as_deref(),
            Self::CustomTaskExtension(extension) => extension.id.as_deref(),
            Self::Unknown(raw) => raw.get("id").and_then(serde_json::Value::as_str),
        }
    }
}

graph_object! {
    /// `azureAdTokenAuthentication`.
    pub struct AzureAdTokenAuthentication {
        resource_id: String,
    }
}

graph_object! {
    /// `azureAdPopTokenAuthentication`.
    pub struct AzureAdPopTokenAuthentication {}
}

odata_union! {
    /// `customExtensionAuthenticationConfiguration` (abstract).
    pub enum CustomExtensionAuthenticationConfiguration {
        AzureAdTokenAuthentication(AzureAdTokenAuthentication) = "#microsoft.graph.azureAdTokenAuthentication",
        AzureAdPopTokenAuthentication(AzureAdPopTokenAuthentication) = "#microsoft.graph.azureAdPopTokenAuthentication",
    }
}

graph_object! {
    /// `customExtensionClientConfiguration`.
    pub struct CustomExtensionClientConfiguration {
        maximum_retries: i64,
        timeout_in_milliseconds: i64,
    }
}

graph_object! {
    /// `httpRequestEndpoint`.
    pub struct HttpRequestEndpoint {
        target_url: String,
    }
}

graph_object! {
    /// `logicAppTriggerEndpointConfiguration`.
    pub struct LogicAppTriggerEndpointConfiguration {
        logic_app_workflow_name: String,
        resource_group_name: String,
        subscription_id: String,
        url: String,
    }
}

odata_union! {
    /// `customExtensionEndpointConfiguration` (abstract).
    pub enum CustomExtensionEndpointConfiguration {
        HttpRequestEndpoint(HttpRequestEndpoint) = "#microsoft.graph.httpRequestEndpoint",
        LogicAppTriggerEndpointConfiguration(LogicAppTriggerEndpointConfiguration) = "#microsoft.graph.logicAppTriggerEndpointConfiguration",
    }
}

graph_object! {
    /// `accessPackageRequestApprovalStageCallbackConfiguration`.
    pub struct AccessPackageRequestApprovalStageCallbackConfiguration {
        timeout_duration: GraphDuration,
    }
}

graph_object! {
    /// `identityGovernance.customTaskExtensionCallbackConfiguration`.
    pub struct CustomTaskExtensionCallbackConfiguration {
        timeout_duration: GraphDuration,
        /// Navigation property (applications), kept as JSON.
        authorized_apps: Vec<serde_json::Value>,
    }
}

odata_union! {
    /// `customExtensionCallbackConfiguration` (abstract).
    pub enum CustomExtensionCallbackConfiguration {
        AccessPackageRequestApprovalStageCallbackConfiguration(AccessPackageRequestApprovalStageCallbackConfiguration) = "#microsoft.graph.accessPackageRequestApprovalStageCallbackConfiguration",
        CustomTaskExtensionCallbackConfiguration(CustomTaskExtensionCallbackConfiguration) = "#microsoft.graph.identityGovernance.customTaskExtensionCallbackConfiguration",
    }
}

graph_object! {
    /// `fallbackToMicrosoftProviderOnError`.
    pub struct FallbackToMicrosoftProviderOnError {}
}

odata_union! {
    /// `customExtensionBehaviorOnError` (abstract).
    pub enum CustomExtensionBehaviorOnError {
        FallbackToMicrosoftProviderOnError(FallbackToMicrosoftProviderOnError) = "#microsoft.graph.fallbackToMicrosoftProviderOnError",
    }
}
