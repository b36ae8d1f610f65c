//! The create form's state: the policy itself, edited in place, plus the names of what the admin
//! picked. Holding the model (not a copy of its fields) is what makes the round trip exact:
//! members the form does not show, unknown members (`extra`), `null` versus absent and the text of
//! every duration all stay as they were read, and the body is `create_body` of the same value.

use std::collections::BTreeMap;

use policy_model::{
    requests::create_body, AccessPackage, AccessPackageApprovalStage,
    AccessPackageAssignmentApprovalSettings, AccessPackageAssignmentPolicy,
    AccessPackageAssignmentRequestorSettings, AccessPackageAssignmentReviewSettings,
    AccessPackageAutomaticRequestSettings, AccessReviewExpirationBehavior, AllowedTargetScope,
    ExpirationPattern, ExpirationPatternType, GraphDuration, Nullable, SubjectSet,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// How a picked object is shown: its name and a second line (mail, UPN, catalog…).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Everything the create form edits.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PolicyDraft {
    /// The policy exactly as it will be POSTed (minus what `create_body` strips).
    pub policy: AccessPackageAssignmentPolicy,
    /// Id → name of what was picked (principals, the access package, custom extensions), only
    /// for display; never sent.
    pub labels: BTreeMap<String, Label>,
    /// What a change of "who can request" took out of the policy, kept to be put back when a
    /// choice it fits is made again; never sent.
    pub set_aside: SetAside,
}

/// Targets and auto-assignment settings that do not fit the current "who can request" choice.
/// Switching scopes to look at them must not lose the people picked or the rule typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SetAside {
    pub targets: Vec<SubjectSet>,
    pub automatic: Option<AccessPackageAutomaticRequestSettings>,
}

impl SetAside {
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty() && self.automatic.is_none()
    }
}

impl PolicyDraft {
    /// A draft that edits `policy`.
    pub fn from_policy(policy: AccessPackageAssignmentPolicy) -> Self {
        Self {
            policy,
            ..Self::default()
        }
    }

    /// True for a form nothing was entered in (no member, no label).
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
            && self
                .body()
                .as_object()
                .is_some_and(|members| members.is_empty())
    }

    /// The policy the form describes.
    pub fn to_policy(&self) -> AccessPackageAssignmentPolicy {
        self.policy.clone()
    }

    /// The exact POST body.
    pub fn body(&self) -> Value {
        // Model types always serialize; an empty object is the faithful answer if one ever did not.
        create_body(&self.policy).unwrap_or_else(|_| Value::Object(Default::default()))
    }

    /// The POST body as the preview shows it (and Copy copies it).
    pub fn body_text(&self) -> String {
        serde_json::to_string_pretty(&self.body()).unwrap_or_default()
    }

    /// Sets the policy's name; an empty name is left out.
    pub fn set_display_name(&mut self, name: &str) {
        self.policy.display_name = text_member(name);
    }

    /// Sets the description; an empty one is left out.
    pub fn set_description(&mut self, description: &str) {
        self.policy.description = text_member(description);
    }

    /// The chosen access package's id.
    pub fn access_package_id(&self) -> Option<&str> {
        self.policy.access_package_id()
    }

    /// Points the policy at an access package (keeping any other members of the reference).
    pub fn set_access_package(&mut self, id: &str, label: Option<Label>) {
        match self.policy.access_package.as_option_mut() {
            Some(package) => package.id = Nullable::Value(id.to_owned()),
            None => self.policy.access_package = Nullable::Value(AccessPackage::reference(id)),
        }
        if let Some(label) = label {
            self.labels.insert(id.to_owned(), label);
        }
    }

    /// The name to show for an id, if the admin picked it (or it was resolved).
    pub fn label(&self, id: &str) -> Option<&Label> {
        self.labels.get(id)
    }

    /// Who can request, as the form's single choice.
    pub fn who_can_request(&self) -> WhoCanRequest {
        WhoCanRequest::of(&self.policy)
    }

    /// Changes who can request: the scope, auto-assignment settings, and the targets that no
    /// longer fit the new scope (others are kept).
    pub fn set_who_can_request(&mut self, choice: WhoCanRequest) {
        let policy = &mut self.policy;
        let set_aside = &mut self.set_aside;
        if choice == WhoCanRequest::AutomaticByRule {
            policy.allowed_target_scope =
                Nullable::Value(AllowedTargetScope::SpecificDirectoryUsers);
            if policy.automatic_request_settings.as_option().is_none() {
                let settings = set_aside.automatic.take().unwrap_or_else(|| {
                    AccessPackageAutomaticRequestSettings {
                        request_access_for_allowed_targets: Nullable::Value(true),
                        remove_access_when_target_leaves_allowed_targets: Nullable::Value(true),
                        grace_period_before_access_removal: Nullable::Value(GraphDuration::days(7)),
                        ..Default::default()
                    }
                });
                policy.automatic_request_settings = Nullable::Value(settings);
            }
        } else {
            if let Nullable::Value(settings) =
                std::mem::take(&mut policy.automatic_request_settings)
            {
                set_aside.automatic = Some(settings);
            }
            policy.allowed_target_scope = match choice.scope() {
                Some(scope) => Nullable::Value(scope),
                None => Nullable::Absent,
            };
        }
        if choice != WhoCanRequest::NotChosen {
            // The admin center always sends the list, empty for the "all …" scopes.
            let targets = policy.specific_allowed_targets.get_or_insert_default();
            let (fitting, other): (Vec<_>, Vec<_>) = std::mem::take(targets)
                .into_iter()
                .partition(|target| choice.fits_target(target));
            *targets = fitting;
            let (back, still_aside): (Vec<_>, Vec<_>) = std::mem::take(&mut set_aside.targets)
                .into_iter()
                .partition(|target| choice.fits_target(target));
            push_missing(targets, back);
            set_aside.targets = still_aside;
            push_missing(&mut set_aside.targets, other);
        }
    }

    /// What is set aside, in words, for the note under "who can request".
    pub fn set_aside_summary(&self) -> Option<String> {
        if self.set_aside.is_empty() {
            return None;
        }
        let mut parts = Vec::new();
        let targets = &self.set_aside.targets;
        let count = |wanted: fn(&SubjectSet) -> bool| targets.iter().filter(|t| wanted(t)).count();
        let people =
            count(|t| matches!(t, SubjectSet::SingleUser(_) | SubjectSet::GroupMembers(_)));
        let organizations = count(|t| matches!(t, SubjectSet::ConnectedOrganizationMembers(_)));
        let principals = count(|t| matches!(t, SubjectSet::SingleServicePrincipal(_)));
        let rule = count(|t| matches!(t, SubjectSet::AttributeRuleMembers(_)));
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        for (n, one, many, choice) in [
            (
                people,
                "user or group",
                "users and groups",
                "specific users and groups",
            ),
            (
                organizations,
                "connected organization",
                "connected organizations",
                "specific connected organizations",
            ),
            (
                principals,
                "service principal",
                "service principals",
                "specific service principals",
            ),
        ] {
            if n > 0 {
                parts.push(format!("{} ({choice})", plural(n, one, many)));
            }
        }
        if rule > 0 || self.set_aside.automatic.is_some() {
            parts.push("the membership rule and its settings (automatic assignment)".to_owned());
        }
        Some(format!(
            "Kept aside, not sent: {}. Choose that option again to bring them back.",
            parts.join("; ")
        ))
    }

    /// The auto-assignment rule (the first `attributeRuleMembers` target), if any.
    pub fn membership_rule(&self) -> String {
        self.policy
            .specific_allowed_targets()
            .iter()
            .find_map(|target| match target {
                SubjectSet::AttributeRuleMembers(rule) => rule.membership_rule.as_deref(),
                _ => None,
            })
            .unwrap_or_default()
            .to_owned()
    }

    /// Sets the auto-assignment rule, adding the `attributeRuleMembers` target when there is none.
    pub fn set_membership_rule(&mut self, rule: &str) {
        let targets = self.policy.specific_allowed_targets.get_or_insert_default();
        let existing = targets.iter_mut().find_map(|target| match target {
            SubjectSet::AttributeRuleMembers(members) => Some(members),
            _ => None,
        });
        match existing {
            Some(members) => members.membership_rule = Nullable::Value(rule.to_owned()),
            None => targets.push(SubjectSet::attribute_rule_members(rule)),
        }
    }

    /// Adds an approval stage shaped like the Entra admin center's (deny after 14 days, no
    /// escalation, empty approver lists). At most three: more is refused.
    pub fn add_stage(&mut self) -> bool {
        let approval = approval_settings(&mut self.policy);
        let stages = approval.stages.get_or_insert_default();
        if stages.len() >= 3 {
            return false;
        }
        stages.push(AccessPackageApprovalStage {
            duration_before_automatic_denial: Nullable::Value(GraphDuration::days(14)),
            is_approver_justification_required: Nullable::Value(false),
            is_escalation_enabled: Nullable::Value(false),
            duration_before_escalation: Nullable::Value(GraphDuration::new("PT0S")),
            primary_approvers: Nullable::Value(Vec::new()),
            fallback_primary_approvers: Nullable::Value(Vec::new()),
            escalation_approvers: Nullable::Value(Vec::new()),
            fallback_escalation_approvers: Nullable::Value(Vec::new()),
            ..Default::default()
        });
        true
    }

    /// Removes approval stage `index` (if it exists).
    pub fn remove_stage(&mut self, index: usize) {
        if let Some(stages) = self
            .policy
            .request_approval_settings
            .as_option_mut()
            .and_then(|approval| approval.stages.as_option_mut())
        {
            if index < stages.len() {
                stages.remove(index);
            }
        }
    }

    /// The approval stages (empty when there are none).
    pub fn stages(&self) -> &[AccessPackageApprovalStage] {
        self.policy
            .request_approval_settings
            .as_option()
            .map(|approval| approval.stages.items())
            .unwrap_or(&[])
    }

    /// Approval stage `index`, for editing.
    pub fn stage_mut(&mut self, index: usize) -> Option<&mut AccessPackageApprovalStage> {
        self.policy
            .request_approval_settings
            .as_option_mut()?
            .stages
            .as_option_mut()?
            .get_mut(index)
    }

    /// Turns approval for new requests on or off; turning it on with no stage adds one.
    pub fn set_approval_required(&mut self, required: bool) {
        let approval = approval_settings(&mut self.policy);
        approval.is_approval_required_for_add = Nullable::Value(required);
        if approval.stages.is_absent() || approval.stages.is_null() {
            approval.stages = Nullable::Value(Vec::new());
        }
        if required && self.stages().is_empty() {
            self.add_stage();
        }
    }

    /// Adds `subject` to a list (once: an id already there is not added again), remembering its
    /// label.
    pub fn add_subject(&mut self, list: SubjectList, subject: SubjectSet, label: Option<Label>) {
        let Some(items) = list.items_mut(&mut self.policy) else {
            return;
        };
        push_missing(items, [subject.clone()]);
        if let (Some(id), Some(label)) = (subject_id(&subject), label) {
            self.labels.insert(id.to_owned(), label);
        }
    }

    /// Removes item `index` of a list.
    pub fn remove_subject(&mut self, list: SubjectList, index: usize) {
        if let Some(items) = list.items_mut(&mut self.policy) {
            if index < items.len() {
                items.remove(index);
            }
        }
    }
}

/// Appends the subjects `list` does not hold yet (a list names each subject once).
fn push_missing(list: &mut Vec<SubjectSet>, subjects: impl IntoIterator<Item = SubjectSet>) {
    for subject in subjects {
        if !list.contains(&subject) {
            list.push(subject);
        }
    }
}

/// `requestorSettings`, created as the Entra admin center writes it (every flag off, no
/// on-behalf requestors) when the policy has none.
pub(crate) fn requestor_settings(
    policy: &mut AccessPackageAssignmentPolicy,
) -> &mut AccessPackageAssignmentRequestorSettings {
    if policy.requestor_settings.as_option().is_none() {
        let off = || Nullable::Value(false);
        policy.requestor_settings = Nullable::Value(AccessPackageAssignmentRequestorSettings {
            enable_targets_to_self_add_access: off(),
            enable_targets_to_self_update_access: off(),
            enable_targets_to_self_remove_access: off(),
            allow_custom_assignment_schedule: off(),
            enable_on_behalf_requestors_to_add_access: off(),
            enable_on_behalf_requestors_to_update_access: off(),
            enable_on_behalf_requestors_to_remove_access: off(),
            on_behalf_requestors: Nullable::Value(Vec::new()),
            ..Default::default()
        });
    }
    policy.requestor_settings.get_or_insert_default()
}

/// `requestApprovalSettings`, created with approval off and no stages when absent.
pub(crate) fn approval_settings(
    policy: &mut AccessPackageAssignmentPolicy,
) -> &mut AccessPackageAssignmentApprovalSettings {
    if policy.request_approval_settings.as_option().is_none() {
        policy.request_approval_settings =
            Nullable::Value(AccessPackageAssignmentApprovalSettings {
                is_approval_required_for_add: Nullable::Value(false),
                is_approval_required_for_update: Nullable::Value(false),
                stages: Nullable::Value(Vec::new()),
                ..Default::default()
            });
    }
    policy.request_approval_settings.get_or_insert_default()
}

/// `reviewSettings`, created as the admin center writes it (off, keep access, no reviewers)
/// when absent.
pub(crate) fn review_settings(
    policy: &mut AccessPackageAssignmentPolicy,
) -> &mut AccessPackageAssignmentReviewSettings {
    if policy.review_settings.as_option().is_none() {
        policy.review_settings = Nullable::Value(AccessPackageAssignmentReviewSettings {
            is_enabled: Nullable::Value(false),
            expiration_behavior: Nullable::Value(AccessReviewExpirationBehavior::KeepAccess),
            is_recommendation_enabled: Nullable::Value(false),
            is_reviewer_justification_required: Nullable::Value(false),
            is_self_review: Nullable::Value(false),
            primary_reviewers: Nullable::Value(Vec::new()),
            fallback_reviewers: Nullable::Value(Vec::new()),
            ..Default::default()
        });
    }
    policy.review_settings.get_or_insert_default()
}

/// An empty text field leaves the member out.
fn text_member(text: &str) -> Nullable<String> {
    if text.is_empty() {
        Nullable::Absent
    } else {
        Nullable::Value(text.to_owned())
    }
}

/// The object id a subject names (user, group, service principal, connected organization).
pub fn subject_id(subject: &SubjectSet) -> Option<&str> {
    match subject {
        SubjectSet::SingleUser(s) => s.user_id.as_deref(),
        SubjectSet::GroupMembers(s) => s.group_id.as_deref(),
        SubjectSet::SingleServicePrincipal(s) => s.service_principal_id.as_deref(),
        SubjectSet::ConnectedOrganizationMembers(s) => s.connected_organization_id.as_deref(),
        _ => None,
    }
}

/// "Who can request", as the Entra admin center offers it: one choice that sets
/// `allowedTargetScope` (and `automaticRequestSettings` for auto-assignment).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WhoCanRequest {
    /// Nothing chosen yet (`allowedTargetScope` absent).
    NotChosen,
    /// None: administrators assign directly (`notSpecified`).
    AdminDirectAssignmentsOnly,
    SpecificDirectoryUsers,
    AllMemberUsers,
    AllDirectoryUsers,
    SpecificConnectedOrganizations,
    AllConfiguredConnectedOrganizations,
    AllExternalUsers,
    SpecificServicePrincipals,
    AllServicePrincipals,
    AllAgentIdentities,
    /// Assigned automatically to users matching a membership rule.
    AutomaticByRule,
    /// A scope this version does not know (kept as read).
    Other(String),
}

impl WhoCanRequest {
    /// The choices the form offers, in the admin center's order.
    pub const CHOICES: &'static [WhoCanRequest] = &[
        WhoCanRequest::SpecificDirectoryUsers,
        WhoCanRequest::AllMemberUsers,
        WhoCanRequest::AllDirectoryUsers,
        WhoCanRequest::SpecificConnectedOrganizations,
        WhoCanRequest::AllConfiguredConnectedOrganizations,
        WhoCanRequest::AllExternalUsers,
        WhoCanRequest::SpecificServicePrincipals,
        WhoCanRequest::AllServicePrincipals,
        WhoCanRequest::AllAgentIdentities,
        WhoCanRequest::AdminDirectAssignmentsOnly,
        WhoCanRequest::AutomaticByRule,
    ];

    /// Reads the choice from a policy.
    pub fn of(policy: &AccessPackageAssignmentPolicy) -> Self {
        if policy.is_auto_assignment() {
            return Self::AutomaticByRule;
        }
        let Some(scope) = policy.allowed_target_scope() else {
            return Self::NotChosen;
        };
        match scope {
            AllowedTargetScope::NotSpecified => Self::AdminDirectAssignmentsOnly,
            AllowedTargetScope::SpecificDirectoryUsers => Self::SpecificDirectoryUsers,
            AllowedTargetScope::AllMemberUsers => Self::AllMemberUsers,
            AllowedTargetScope::AllDirectoryUsers => Self::AllDirectoryUsers,
            AllowedTargetScope::SpecificConnectedOrganizationUsers => {
                Self::SpecificConnectedOrganizations
            }
            AllowedTargetScope::AllConfiguredConnectedOrganizationUsers => {
                Self::AllConfiguredConnectedOrganizations
            }
            AllowedTargetScope::AllExternalUsers => Self::AllExternalUsers,
            AllowedTargetScope::SpecificDirectoryServicePrincipals => {
                Self::SpecificServicePrincipals
            }
            AllowedTargetScope::AllDirectoryServicePrincipals => Self::AllServicePrincipals,
            AllowedTargetScope::AllDirectoryAgentIdentities => Self::AllAgentIdentities,
            other => Self::Other(other.as_str().to_owned()),
        }
    }

    /// The `allowedTargetScope` the choice sends.
    pub fn scope(&self) -> Option<AllowedTargetScope> {
        Some(match self {
            Self::NotChosen => return None,
            Self::AdminDirectAssignmentsOnly => AllowedTargetScope::NotSpecified,
            Self::SpecificDirectoryUsers | Self::AutomaticByRule => {
                AllowedTargetScope::SpecificDirectoryUsers
            }
            Self::AllMemberUsers => AllowedTargetScope::AllMemberUsers,
            Self::AllDirectoryUsers => AllowedTargetScope::AllDirectoryUsers,
            Self::SpecificConnectedOrganizations => {
                AllowedTargetScope::SpecificConnectedOrganizationUsers
            }
            Self::AllConfiguredConnectedOrganizations => {
                AllowedTargetScope::AllConfiguredConnectedOrganizationUsers
            }
            Self::AllExternalUsers => AllowedTargetScope::AllExternalUsers,
            Self::SpecificServicePrincipals => {
                AllowedTargetScope::SpecificDirectoryServicePrincipals
            }
            Self::AllServicePrincipals => AllowedTargetScope::AllDirectoryServicePrincipals,
            Self::AllAgentIdentities => AllowedTargetScope::AllDirectoryAgentIdentities,
            Self::Other(value) => AllowedTargetScope::from_wire(value),
        })
    }

    /// A stable key for the form's `<select>`.
    pub fn key(&self) -> &str {
        match self {
            Self::NotChosen => "",
            Self::AutomaticByRule => "automatic",
            Self::Other(value) => value,
            other => match other.scope() {
                Some(scope) => match scope {
                    AllowedTargetScope::NotSpecified => "notSpecified",
                    AllowedTargetScope::SpecificDirectoryUsers => "specificDirectoryUsers",
                    AllowedTargetScope::AllMemberUsers => "allMemberUsers",
                    AllowedTargetScope::AllDirectoryUsers => "allDirectoryUsers",
                    AllowedTargetScope::SpecificConnectedOrganizationUsers => {
                        "specificConnectedOrganizationUsers"
                    }
                    AllowedTargetScope::AllConfiguredConnectedOrganizationUsers => {
                        "allConfiguredConnectedOrganizationUsers"
                    }
                    AllowedTargetScope::AllExternalUsers => "allExternalUsers",
                    AllowedTargetScope::SpecificDirectoryServicePrincipals => {
                        "specificDirectoryServicePrincipals"
                    }
                    AllowedTargetScope::AllDirectoryServicePrincipals => {
                        "allDirectoryServicePrincipals"
                    }
                    AllowedTargetScope::AllDirectoryAgentIdentities => {
                        "allDirectoryAgentIdentities"
                    }
                    _ => "",
                },
                None => "",
            },
        }
    }

    /// The choice for a `<select>` key.
    pub fn from_key(key: &str) -> Self {
        Self::CHOICES
            .iter()
            .find(|choice| choice.key() == key)
            .cloned()
            .unwrap_or_else(|| {
                if key.is_empty() {
                    Self::NotChosen
                } else {
                    Self::Other(key.to_owned())
                }
            })
    }

    /// What the admin reads.
    pub fn label(&self) -> &str {
        match self {
            Self::NotChosen => "Choose…",
            Self::AdminDirectAssignmentsOnly => "None (administrator direct assignments only)",
            Self::SpecificDirectoryUsers => "Users in your directory: specific users and groups",
            Self::AllMemberUsers => "Users in your directory: all members (excluding guests)",
            Self::AllDirectoryUsers => "Users in your directory: all users (including guests)",
            Self::SpecificConnectedOrganizations => {
                "Users not in your directory: specific connected organizations"
            }
            Self::AllConfiguredConnectedOrganizations => {
                "Users not in your directory: all configured connected organizations"
            }
            Self::AllExternalUsers => "Users not in your directory: all users (any organization)",
            Self::SpecificServicePrincipals => "Specific service principals",
            Self::AllServicePrincipals => "All service principals",
            Self::AllAgentIdentities => "All agent identities",
            Self::AutomaticByRule => "Automatic assignment by a membership rule",
            Self::Other(value) => value,
        }
    }

    /// True when the choice lists its targets (users and groups, organizations, service principals).
    pub fn has_specific_targets(&self) -> bool {
        matches!(
            self,
            Self::SpecificDirectoryUsers
                | Self::SpecificConnectedOrganizations
                | Self::SpecificServicePrincipals
        )
    }

    /// True for requestors from connected organizations, whose sponsors can approve.
    pub fn is_connected_organization(&self) -> bool {
        self.scope()
            .is_some_and(|scope| scope.is_connected_organization_scope())
    }

    /// True for service principals (specific or all): no manager, no sponsors.
    pub fn is_service_principal(&self) -> bool {
        matches!(
            self,
            Self::SpecificServicePrincipals | Self::AllServicePrincipals
        )
    }

    /// True when the requestors are applications or agents, which have no manager (and no
    /// sponsors of a user) for approvers and reviewers to be found through.
    pub fn is_non_human(&self) -> bool {
        self.is_service_principal() || *self == Self::AllAgentIdentities
    }

    /// True for requests that go through approval (auto-assignment and direct assignment do not).
    pub fn takes_requests(&self) -> bool {
        !matches!(
            self,
            Self::AdminDirectAssignmentsOnly | Self::AutomaticByRule | Self::NotChosen
        )
    }

    /// Whether a target may stay when this choice is made. Unrecognised kinds are kept.
    pub fn fits_target(&self, target: &SubjectSet) -> bool {
        match target {
            SubjectSet::Unknown(_) => true,
            SubjectSet::AttributeRuleMembers(_) => *self == Self::AutomaticByRule,
            SubjectSet::SingleUser(_) | SubjectSet::GroupMembers(_) => {
                *self == Self::SpecificDirectoryUsers
            }
            SubjectSet::ConnectedOrganizationMembers(_) => {
                *self == Self::SpecificConnectedOrganizations
            }
            SubjectSet::SingleServicePrincipal(_) => *self == Self::SpecificServicePrincipals,
            _ => false,
        }
    }
}

/// One list of subject sets in the policy, addressed the way validation names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SubjectList {
    AllowedTargets,
    OnBehalfRequestors,
    Stage(usize, StageList),
    PrimaryReviewers,
    FallbackReviewers,
}

/// The four approver lists of a stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StageList {
    Primary,
    FallbackPrimary,
    Escalation,
    FallbackEscalation,
}

impl StageList {
    fn member(self) -> &'static str {
        match self {
            Self::Primary => "primaryApprovers",
            Self::FallbackPrimary => "fallbackPrimaryApprovers",
            Self::Escalation => "escalationApprovers",
            Self::FallbackEscalation => "fallbackEscalationApprovers",
        }
    }
}

/// What a picker can add to a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SubjectKind {
    User,
    Group,
    ServicePrincipal,
    ConnectedOrganization,
    /// `requestorManager`, added at level 1; the chip then offers level 2.
    RequestorManager,
    InternalSponsors,
    ExternalSponsors,
    TargetUserSponsors,
    /// `targetManager`, added at level 1; the chip then offers levels 2 to 4.
    TargetManager,
    /// `targetApplicationOwners`: the owners of the application a service principal stands for.
    ApplicationOwners,
    /// `targetAgentIdentitySponsorsOrOwners`: the agent identity's sponsors or owners.
    AgentSponsorsOrOwners,
}

impl SubjectKind {
    /// True for kinds found by searching the directory (they carry an id).
    pub fn is_searched(self) -> bool {
        matches!(
            self,
            Self::User | Self::Group | Self::ServicePrincipal | Self::ConnectedOrganization
        )
    }

    /// What the admin reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::User => "User",
            Self::Group => "Group",
            Self::ServicePrincipal => "Service principal",
            Self::ConnectedOrganization => "Connected organization",
            Self::RequestorManager => "Requestor's manager",
            Self::InternalSponsors => "Internal sponsors",
            Self::ExternalSponsors => "External sponsors",
            Self::TargetUserSponsors => "Requestor's sponsors",
            Self::TargetManager => "Target's manager",
            Self::ApplicationOwners => "Application owners",
            Self::AgentSponsorsOrOwners => "Agent's sponsors or owners",
        }
    }

    /// The subject for a picked id (ignored by the kinds that have none).
    pub fn subject(self, id: &str) -> SubjectSet {
        match self {
            Self::User => SubjectSet::single_user(id),
            Self::Group => SubjectSet::group_members(id),
            Self::ServicePrincipal => SubjectSet::single_service_principal(id),
            Self::ConnectedOrganization => SubjectSet::connected_organization_members(id),
            Self::RequestorManager => SubjectSet::requestor_manager(1),
            Self::TargetManager => SubjectSet::target_manager(1),
            Self::InternalSponsors => SubjectSet::InternalSponsors(Default::default()),
            Self::ExternalSponsors => SubjectSet::ExternalSponsors(Default::default()),
            Self::TargetUserSponsors => SubjectSet::TargetUserSponsors(Default::default()),
            Self::ApplicationOwners => SubjectSet::TargetApplicationOwners(Default::default()),
            Self::AgentSponsorsOrOwners => {
                SubjectSet::TargetAgentIdentitySponsorsOrOwners(Default::default())
            }
        }
    }
}

/// The manager levels Graph accepts for a subject (policy-model's bounds, the ones validation
/// checks) and its current level; `None` for subjects that have no level.
pub fn manager_levels(subject: &SubjectSet) -> Option<(std::ops::RangeInclusive<i32>, i32)> {
    let (levels, level) = subject.manager_level()?;
    // Graph's default when the level is absent is 1 (requestorManager's documentation).
    Some((levels, level.unwrap_or(1)))
}

impl SubjectList {
    /// The JSON path validation reports findings at.
    pub fn path(self) -> String {
        match self {
            Self::AllowedTargets => "specificAllowedTargets".into(),
            Self::OnBehalfRequestors => "requestorSettings.onBehalfRequestors".into(),
            Self::Stage(index, list) => {
                format!("requestApprovalSettings.stages[{index}].{}", list.member())
            }
            Self::PrimaryReviewers => "reviewSettings.primaryReviewers".into(),
            Self::FallbackReviewers => "reviewSettings.fallbackReviewers".into(),
        }
    }

    /// The list's items (empty when absent).
    pub fn items(self, policy: &AccessPackageAssignmentPolicy) -> &[SubjectSet] {
        match self {
            Self::AllowedTargets => policy.specific_allowed_targets.items(),
            Self::OnBehalfRequestors => policy
                .requestor_settings
                .as_option()
                .map(|r| r.on_behalf_requestors.items())
                .unwrap_or(&[]),
            Self::Stage(index, list) => policy
                .request_approval_settings
                .as_option()
                .and_then(|a| a.stages.items().get(index))
                .map(|stage| stage_list(stage, list).items())
                .unwrap_or(&[]),
            Self::PrimaryReviewers => policy
                .review_settings
                .as_option()
                .map(|r| r.primary_reviewers.items())
                .unwrap_or(&[]),
            Self::FallbackReviewers => policy
                .review_settings
                .as_option()
                .map(|r| r.fallback_reviewers.items())
                .unwrap_or(&[]),
        }
    }

    /// The list for editing, created (with its parents) when absent; `None` for a stage that
    /// does not exist.
    pub fn items_mut(
        self,
        policy: &mut AccessPackageAssignmentPolicy,
    ) -> Option<&mut Vec<SubjectSet>> {
        let member = match self {
            Self::AllowedTargets => &mut policy.specific_allowed_targets,
            Self::OnBehalfRequestors => &mut requestor_settings(policy).on_behalf_requestors,
            Self::Stage(index, list) => {
                let stage = policy
                    .request_approval_settings
                    .as_option_mut()?
                    .stages
                    .as_option_mut()?
                    .get_mut(index)?;
                match list {
                    StageList::Primary => &mut stage.primary_approvers,
                    StageList::FallbackPrimary => &mut stage.fallback_primary_approvers,
                    StageList::Escalation => &mut stage.escalation_approvers,
                    StageList::FallbackEscalation => &mut stage.fallback_escalation_approvers,
                }
            }
            Self::PrimaryReviewers => &mut review_settings(policy).primary_reviewers,
            Self::FallbackReviewers => &mut review_settings(policy).fallback_reviewers,
        };
        Some(member.get_or_insert_default())
    }

    /// The kinds Graph accepts in this list, given who can request: sponsors approve only
    /// requestors from connected organizations; service principals and agent identities have
    /// no manager and no sponsors of a user, so their approvers are named (or, for agents,
    /// their own sponsors or owners), and their on-behalf requestors are application owners
    /// or the agent's sponsors or owners.
    pub fn kinds(self, who: &WhoCanRequest) -> Vec<SubjectKind> {
        use SubjectKind::*;
        let relative_approvers = match who {
            _ if who.is_service_principal() => vec![],
            WhoCanRequest::AllAgentIdentities => vec![AgentSponsorsOrOwners],
            _ if who.is_connected_organization() => vec![
                RequestorManager,
                TargetUserSponsors,
                InternalSponsors,
                ExternalSponsors,
            ],
            _ => vec![RequestorManager, TargetUserSponsors],
        };
        // singleServicePrincipal is documented as "allowed as a requestor, approver, or
        // reviewer" (subjectSet), so it is offered last wherever someone decides.
        let named = [User, Group];
        let mut kinds = match self {
            Self::AllowedTargets => match who {
                WhoCanRequest::SpecificConnectedOrganizations => vec![ConnectedOrganization],
                WhoCanRequest::SpecificServicePrincipals => vec![ServicePrincipal],
                _ => named.to_vec(),
            },
            Self::OnBehalfRequestors => {
                let mut kinds = named.to_vec();
                kinds.push(match who {
                    _ if who.is_service_principal() => ApplicationOwners,
                    WhoCanRequest::AllAgentIdentities => AgentSponsorsOrOwners,
                    _ => TargetManager,
                });
                kinds
            }
            Self::Stage(_, StageList::Primary | StageList::Escalation) => {
                let mut kinds = named.to_vec();
                kinds.extend(relative_approvers);
                kinds
            }
            Self::PrimaryReviewers => {
                let mut kinds = named.to_vec();
                if !who.is_non_human() {
                    kinds.push(RequestorManager);
                }
                kinds
            }
            Self::Stage(_, StageList::FallbackPrimary | StageList::FallbackEscalation)
            | Self::FallbackReviewers => named.to_vec(),
        };
        if !matches!(self, Self::AllowedTargets | Self::OnBehalfRequestors) {
            kinds.push(ServicePrincipal);
        }
        kinds
    }

    /// Sets the manager level of item `index` (a `requestorManager` or `targetManager`).
    pub fn set_manager_level(
        self,
        policy: &mut AccessPackageAssignmentPolicy,
        index: usize,
        level: i32,
    ) {
        // The picker offers levels only on manager chips it has just drawn; a chip removed in the
        // meantime has nothing to set.
        if let Some(subject) = self
            .items_mut(policy)
            .and_then(|items| items.get_mut(index))
        {
            subject.set_manager_level(level);
        }
    }
}

fn stage_list(stage: &AccessPackageApprovalStage, list: StageList) -> &Nullable<Vec<SubjectSet>> {
    match list {
        StageList::Primary => &stage.primary_approvers,
        StageList::FallbackPrimary => &stage.fallback_primary_approvers,
        StageList::Escalation => &stage.escalation_approvers,
        StageList::FallbackEscalation => &stage.fallback_escalation_approvers,
    }
}

/// How assignments end, as the form offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExpirationChoice {
    /// No `expiration` (or no type) in the policy.
    NotSet,
    Never,
    OnDate,
    AfterDays,
    AfterHours,
}

impl ExpirationChoice {
    pub const CHOICES: &'static [ExpirationChoice] = &[
        ExpirationChoice::Never,
        ExpirationChoice::OnDate,
        ExpirationChoice::AfterDays,
        ExpirationChoice::AfterHours,
    ];

    /// Reads the choice from an expiration member.
    pub fn of(expiration: &Nullable<ExpirationPattern>) -> Self {
        let Some(expiration) = expiration.as_option() else {
            return Self::NotSet;
        };
        match expiration.kind.as_option() {
            Some(ExpirationPatternType::NoExpiration) => Self::Never,
            Some(ExpirationPatternType::AfterDateTime) => Self::OnDate,
            Some(ExpirationPatternType::AfterDuration) => {
                let hours = expiration
                    .duration
                    .as_option()
                    .is_some_and(|d| d.as_str().starts_with("PT") && d.as_str().ends_with('H'));
                if hours {
                    Self::AfterHours
                } else {
                    Self::AfterDays
                }
            }
            _ => Self::NotSet,
        }
    }

    /// A stable key for the form's `<select>`.
    pub fn key(self) -> &'static str {
        match self {
            Self::NotSet => "",
            Self::Never => "never",
            Self::OnDate => "onDate",
            Self::AfterDays => "afterDays",
            Self::AfterHours => "afterHours",
        }
    }

    pub fn from_key(key: &str) -> Self {
        Self::CHOICES
            .iter()
            .copied()
            .find(|choice| choice.key() == key)
            .unwrap_or(Self::NotSet)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::NotSet => "Choose…",
            Self::Never => "Never",
            Self::OnDate => "On a date",
            Self::AfterDays => "After a number of days",
            Self::AfterHours => "After a number of hours",
        }
    }

    /// Switches `expiration` to this choice, keeping what still applies (and unknown members);
    /// a new duration starts at 365 days or 24 hours.
    pub fn apply(self, expiration: &mut Nullable<ExpirationPattern>) {
        if self == Self::of(expiration) {
            return;
        }
        if self == Self::NotSet {
            *expiration = Nullable::Absent;
            return;
        }
        let pattern = expiration.get_or_insert_default();
        let (kind, duration, end) = match self {
            Self::Never => (ExpirationPatternType::NoExpiration, None, false),
            Self::OnDate => (ExpirationPatternType::AfterDateTime, None, true),
            Self::AfterDays => (
                ExpirationPatternType::AfterDuration,
                Some(GraphDuration::days(365)),
                false,
            ),
            Self::AfterHours => (
                ExpirationPatternType::AfterDuration,
                Some(GraphDuration::hours(24)),
                false,
            ),
            Self::NotSet => unreachable!("handled above"),
        };
        pattern.kind = Nullable::Value(kind);
        pattern.duration = match duration {
            Some(duration) => Nullable::Value(duration),
            None => Nullable::Absent,
        };
        if !end {
            pattern.end_date_time = Nullable::Absent;
        }
    }
}

/// The number a duration field shows: `14` for `P14D`, `4` for `PT4H`, otherwise the text as it
/// is (so nothing typed or imported is hidden).
pub fn duration_field_text(duration: &Nullable<GraphDuration>) -> String {
    let Some(duration) = duration.as_option() else {
        return String::new();
    };
    let text = duration.as_str();
    let number = text
        .strip_prefix("PT")
        .and_then(|rest| rest.strip_suffix('H'))
        .or_else(|| {
            text.strip_prefix('P')
                .and_then(|rest| rest.strip_suffix('D'))
        });
    match number {
        Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            digits.to_owned()
        }
        _ => text.to_owned(),
    }
}

/// A duration from a field: a whole number is days (or hours), anything else is kept as typed
/// and validation says what is wrong with it; empty leaves the member out.
pub fn duration_from_field(text: &str, hours: bool) -> Nullable<GraphDuration> {
    let text = text.trim();
    if text.is_empty() {
        return Nullable::Absent;
    }
    match text.parse::<u32>() {
        Ok(count) if hours => Nullable::Value(GraphDuration::hours(count)),
        Ok(count) => Nullable::Value(GraphDuration::days(count)),
        Err(_) => Nullable::Value(GraphDuration::new(text)),
    }
}
