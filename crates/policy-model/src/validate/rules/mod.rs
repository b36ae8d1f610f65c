//! The validation rules, one file per area of the policy.

pub(crate) mod approval;
pub(crate) mod basics;
pub(crate) mod custom_extensions;
pub(crate) mod durations;
pub(crate) mod questions;
pub(crate) mod review;
pub(crate) mod risk;
pub(crate) mod subjects;
pub(crate) mod targets;

use crate::SubjectSet;

/// A short human name for a subject set kind, for messages.
pub(crate) fn kind_name(subject: &SubjectSet) -> &str {
    match subject {
        SubjectSet::SingleUser(_) => "single user",
        SubjectSet::GroupMembers(_) => "group",
        SubjectSet::SingleServicePrincipal(_) => "service principal",
        SubjectSet::ConnectedOrganizationMembers(_) => "connected organization",
        SubjectSet::AttributeRuleMembers(_) => "attribute rule (attributeRuleMembers)",
        SubjectSet::RequestorManager(_) => "requestor's manager",
        SubjectSet::InternalSponsors(_) => "internal sponsors",
        SubjectSet::ExternalSponsors(_) => "external sponsors",
        SubjectSet::TargetUserSponsors(_) => "requestor's sponsors",
        SubjectSet::TargetManager(_) => "target's manager",
        SubjectSet::TargetApplicationOwners(_) => "application owners",
        SubjectSet::TargetAgentIdentitySponsorsOrOwners(_) => "agent identity sponsors or owners",
        SubjectSet::GroupBasedSubjectSet(_) => "Lifecycle Workflows group set",
        SubjectSet::RuleBasedSubjectSet(_) => "Lifecycle Workflows rule set",
        SubjectSet::Unknown(_) => "unrecognised kind",
    }
}
