//! Custom extension stages: each names a stage and an existing extension.

use crate::validate::{Rule, ValidationReport};
use crate::AccessPackageAssignmentPolicy;

pub(crate) fn check(policy: &AccessPackageAssignmentPolicy, report: &mut ValidationReport) {
    for (index, setting) in policy
        .custom_extension_stage_settings
        .items()
        .iter()
        .enumerate()
    {
        let path = format!("customExtensionStageSettings[{index}]");
        if setting.stage.as_option().is_none() {
            report.error(
                Rule::CustomExtensionStage,
                format!("{path}.stage"),
                "Choose when the custom extension runs (for example when the request is created).",
            );
        }
        let has_extension_id = setting
            .custom_extension
            .as_option()
            .and_then(|extension| extension.id())
            .is_some_and(|id| !id.trim().is_empty());
        if !has_extension_id {
            report.error(
                Rule::CustomExtensionStage,
                format!("{path}.customExtension"),
                "Choose the custom extension (from the catalog's custom extensions) to run at this stage.",
            );
        }
    }
}
