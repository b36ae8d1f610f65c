//! One policy as the list shows it: names and plain words computed once, when its page arrives, so
//! filtering and sorting 5,000 rows never re-reads JSON.

use policy_model::{
    describe::{expiration, who_can_request},
    AccessPackageAssignmentPolicy, AllowedTargetScope,
};

/// The "who can request" families the list filters by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    /// Specific users and groups in the directory.
    DirectorySpecific,
    AllMembers,
    AllDirectoryUsers,
    ConnectedOrganizations,
    AllExternal,
    ServicePrincipals,
    AgentIdentities,
    Automatic,
    /// Administrator direct assignments only.
    NoOne,
    Other,
}

impl Audience {
    pub const ALL: [Audience; 10] = [
        Audience::DirectorySpecific,
        Audience::AllMembers,
        Audience::AllDirectoryUsers,
        Audience::ConnectedOrganizations,
        Audience::AllExternal,
        Audience::ServicePrincipals,
        Audience::AgentIdentities,
        Audience::Automatic,
        Audience::NoOne,
        Audience::Other,
    ];

    /// The short name used in the URL (`?who=…`).
    pub fn slug(self) -> &'static str {
        match self {
            Audience::DirectorySpecific => "specific-users",
            Audience::AllMembers => "all-members",
            Audience::AllDirectoryUsers => "all-users",
            Audience::ConnectedOrganizations => "connected-organizations",
            Audience::AllExternal => "all-external",
            Audience::ServicePrincipals => "service-principals",
            Audience::AgentIdentities => "agent-identities",
            Audience::Automatic => "automatic",
            Audience::NoOne => "direct-assignment-only",
            Audience::Other => "other",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.slug() == slug)
    }

    /// What the filter menu says.
    pub fn label(self) -> &'static str {
        match self {
            Audience::DirectorySpecific => "Specific users and groups",
            Audience::AllMembers => "All members (excluding guests)",
            Audience::AllDirectoryUsers => "All users including guests",
            Audience::ConnectedOrganizations => "Connected organizations",
            Audience::AllExternal => "All external users",
            Audience::ServicePrincipals => "Service principals",
            Audience::AgentIdentities => "Agent identities",
            Audience::Automatic => "Automatic assignment",
            Audience::NoOne => "Direct assignment only",
            Audience::Other => "Other",
        }
    }

    fn of(policy: &AccessPackageAssignmentPolicy) -> Audience {
        if policy.is_auto_assignment() {
            return Audience::Automatic;
        }
        match policy.allowed_target_scope() {
            Some(AllowedTargetScope::SpecificDirectoryUsers) => Audience::DirectorySpecific,
            Some(AllowedTargetScope::AllMemberUsers) => Audience::AllMembers,
            Some(AllowedTargetScope::AllDirectoryUsers) => Audience::AllDirectoryUsers,
            Some(
                AllowedTargetScope::SpecificConnectedOrganizationUsers
                | AllowedTargetScope::AllConfiguredConnectedOrganizationUsers,
            ) => Audience::ConnectedOrganizations,
            Some(AllowedTargetScope::AllExternalUsers) => Audience::AllExternal,
            Some(
                AllowedTargetScope::SpecificDirectoryServicePrincipals
                | AllowedTargetScope::AllDirectoryServicePrincipals,
            ) => Audience::ServicePrincipals,
            Some(AllowedTargetScope::AllDirectoryAgentIdentities) => Audience::AgentIdentities,
            Some(AllowedTargetScope::NotSpecified) => Audience::NoOne,
            _ => Audience::Other,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PolicyRow {
    /// The policy id (unique; also the row's key).
    pub key: String,
    pub name: String,
    pub description: String,
    pub package: String,
    pub package_id: String,
    pub catalog: String,
    pub who: String,
    pub audience: Audience,
    pub approval: String,
    /// 0 when no approval is needed.
    pub approval_stages: usize,
    pub expiration: String,
    pub review: bool,
    /// ISO 8601 as Graph sent it, which also sorts correctly as text.
    pub created: String,
    pub modified: String,
    /// Lower-cased name, description and package: what the search box matches.
    pub search_text: String,
}

/// Short enough for a column: "None", "1 stage", "2 stages", "Automatic".
fn approval_label(automatic: bool, stages: usize) -> String {
    match (automatic, stages) {
        (true, _) => "Automatic".to_owned(),
        (false, 0) => "None".to_owned(),
        (false, 1) => "1 stage".to_owned(),
        (false, n) => format!("{n} stages"),
    }
}

impl PolicyRow {
    pub fn from_policy(index: usize, policy: &AccessPackageAssignmentPolicy) -> Self {
        let name = policy.display_name().unwrap_or("(no name)").to_owned();
        let description = policy.description().unwrap_or_default().to_owned();
        let package_id = policy.access_package_id().unwrap_or_default().to_owned();
        let package = policy
            .access_package_name()
            .map(str::to_owned)
            .unwrap_or_else(|| {
                if package_id.is_empty() {
                    "(no access package)".to_owned()
                } else {
                    package_id.clone()
                }
            });
        let approval_stages = if policy.is_approval_required() {
            policy
                .request_approval_settings
                .as_option()
                .map_or(0, |s| s.stages.items().len())
        } else {
            0
        };
        let review = policy
            .review_settings
            .as_option()
            .and_then(|r| r.is_enabled.as_option().copied())
            .unwrap_or(false);
        let search_text = format!("{name}\n{description}\n{package}").to_lowercase();
        PolicyRow {
            key: policy
                .id()
                .map(str::to_owned)
                .unwrap_or_else(|| format!("row-{index}")),
            catalog: policy.catalog_name().unwrap_or_default().to_owned(),
            who: who_can_request(policy),
            audience: Audience::of(policy),
            approval: approval_label(policy.is_auto_assignment(), approval_stages),
            approval_stages,
            expiration: expiration(policy),
            review,
            created: policy.created_date_time().unwrap_or_default().to_owned(),
            modified: policy.modified_date_time().unwrap_or_default().to_owned(),
            name,
            description,
            package,
            package_id,
            search_text,
        }
    }
}
