//! `subjectSet` and all of its derived types: the "who" of a policy —
//! allowed targets, on-behalf requestors, approvers and reviewers.

use crate::graph_object::{graph_object, odata_union};
use crate::Nullable;

graph_object! {
    /// `#microsoft.graph.singleUser`: one user.
    pub struct SingleUser {
        user_id: String,
        /// Read-only in the v1.0 docs, yet sent in their request examples.
        description: String,
    }
}

graph_object! {
    /// `#microsoft.graph.groupMembers`: the members of one group.
    pub struct GroupMembers {
        group_id: String,
        description: String,
    }
}

graph_object! {
    /// `#microsoft.graph.singleServicePrincipal`: one service principal.
    pub struct SingleServicePrincipal {
        service_principal_id: String,
        description: String,
    }
}

graph_object! {
    /// `#microsoft.graph.connectedOrganizationMembers`: users of one connected organization.
    pub struct ConnectedOrganizationMembers {
        connected_organization_id: String,
        description: String,
    }
}

graph_object! {
    /// `#microsoft.graph.attributeRuleMembers`: users matching a dynamic-membership
    /// rule; only in `specificAllowedTargets` of an auto-assignment policy.
    pub struct AttributeRuleMembers {
        membership_rule: String,
        description: String,
    }
}

graph_object! {
    /// `#microsoft.graph.requestorManager`: the requestor's manager (level 1–2) as approver.
    pub struct RequestorManager {
        manager_level: i32,
    }
}

graph_object! {
    /// `#microsoft.graph.targetManager`: the target's manager (level 1–4) as on-behalf requestor.
    pub struct TargetManager {
        manager_level: i32,
    }
}

graph_object! {
    /// `#microsoft.graph.internalSponsors`: a connected organization's internal sponsors.
    pub struct InternalSponsors {}
}

graph_object! {
    /// `#microsoft.graph.externalSponsors`: a connected organization's external sponsors.
    pub struct ExternalSponsors {}
}

graph_object! {
    /// `#microsoft.graph.targetUserSponsors`: the requesting user's own sponsors.
    pub struct TargetUserSponsors {}
}

graph_object! {
    /// `#microsoft.graph.targetApplicationOwners`: owners of the target application.
    pub struct TargetApplicationOwners {}
}

graph_object! {
    /// `#microsoft.graph.targetAgentIdentitySponsorsOrOwners`: sponsors or owners of an agent identity.
    pub struct TargetAgentIdentitySponsorsOrOwners {}
}

graph_object! {
    /// `#microsoft.graph.identityGovernance.groupBasedSubjectSet` (Lifecycle Workflows).
    pub struct GroupBasedSubjectSet {
        /// Navigation property: group objects, kept as JSON.
        groups: Vec<serde_json::Value>,
    }
}

graph_object! {
    /// `#microsoft.graph.identityGovernance.ruleBasedSubjectSet` (Lifecycle Workflows).
    pub struct RuleBasedSubjectSet {
        rule: String,
    }
}

odata_union! {
    /// `subjectSet`: a set of principals, dispatched on `@odata.type`.
    pub enum SubjectSet {
        SingleUser(SingleUser) = "#microsoft.graph.singleUser",
        GroupMembers(GroupMembers) = "#microsoft.graph.groupMembers",
        SingleServicePrincipal(SingleServicePrincipal) = "#microsoft.graph.singleServicePrincipal",
        ConnectedOrganizationMembers(ConnectedOrganizationMembers) = "#microsoft.graph.connectedOrganizationMembers",
        AttributeRuleMembers(AttributeRuleMembers) = "#microsoft.graph.attributeRuleMembers",
        RequestorManager(RequestorManager) = "#microsoft.graph.requestorManager",
        InternalSponsors(InternalSponsors) = "#microsoft.graph.internalSponsors",
        ExternalSponsors(ExternalSponsors) = "#microsoft.graph.externalSponsors",
        TargetUserSponsors(TargetUserSponsors) = "#microsoft.graph.targetUserSponsors",
        TargetManager(TargetManager) = "#microsoft.graph.targetManager",
        TargetApplicationOwners(TargetApplicationOwners) = "#microsoft.graph.targetApplicationOwners",
        TargetAgentIdentitySponsorsOrOwners(TargetAgentIdentitySponsorsOrOwners) = "#microsoft.graph.targetAgentIdentitySponsorsOrOwners",
        GroupBasedSubjectSet(GroupBasedSubjectSet) = "#microsoft.graph.identityGovernance.groupBasedSubjectSet",
        RuleBasedSubjectSet(RuleBasedSubjectSet) = "#microsoft.graph.identityGovernance.ruleBasedSubjectSet",
    }
}

impl SubjectSet {
    /// A single user by object id.
    pub fn single_user(user_id: impl Into<String>) -> Self {
        Self::SingleUser(SingleUser {
            user_id: Nullable::Value(user_id.into()),
            ..Default::default()
        })
    }

    /// The members of a group by object id.
    pub fn group_members(group_id: impl Into<String>) -> Self {
        Self::GroupMembers(GroupMembers {
            group_id: Nullable::Value(group_id.into()),
            ..Default::default()
        })
    }

    /// A single service principal by object id.
    pub fn single_service_principal(service_principal_id: impl Into<String>) -> Self {
        Self::SingleServicePrincipal(SingleServicePrincipal {
            service_principal_id: Nullable::Value(service_principal_id.into()),
            ..Default::default()
        })
    }

    /// The users of a connected organization by its id.
    pub fn connected_organization_members(connected_organization_id: impl Into<String>) -> Self {
        Self::ConnectedOrganizationMembers(ConnectedOrganizationMembers {
            connected_organization_id: Nullable::Value(connected_organization_id.into()),
            ..Default::default()
        })
    }

    /// Users matching a membership rule such as `(user.department -eq "Sales")`.
    pub fn attribute_rule_members(membership_rule: impl Into<String>) -> Self {
        Self::AttributeRuleMembers(AttributeRuleMembers {
            membership_rule: Nullable::Value(membership_rule.into()),
            ..Default::default()
        })
    }

    /// The requestor's manager at `manager_level` (1 = direct manager).
    pub fn requestor_manager(manager_level: i32) -> Self {
        Self::RequestorManager(RequestorManager {
            manager_level: Nullable::Value(manager_level),
            ..Default::default()
        })
    }

    /// The target's manager at `manager_level` (1 = direct manager).
    pub fn target_manager(manager_level: i32) -> Self {
        Self::TargetManager(TargetManager {
            manager_level: Nullable::Value(manager_level),
            ..Default::default()
        })
    }

    /// The manager levels Graph accepts and the level set (`None` when absent), for the two
    /// subjects that have one: `requestorManager` 1–2 ("Possible values ... range from 1 to 2")
    /// and `targetManager` 1–4 ("between 1 and 4").
    pub fn manager_level(&self) -> Option<(std::ops::RangeInclusive<i32>, Option<i32>)> {
        match self {
            Self::RequestorManager(m) => Some((1..=2, m.manager_level.as_option().copied())),
            Self::TargetManager(m) => Some((1..=4, m.manager_level.as_option().copied())),
            _ => None,
        }
    }

    /// Sets the manager level of a `requestorManager` or `targetManager` (the caller keeps it
    /// within [`manager_level`](Self::manager_level)'s range; validation reports one outside it).
    /// False, and nothing changed, for a subject that has no level.
    pub fn set_manager_level(&mut self, level: i32) -> bool {
        match self {
            Self::RequestorManager(m) => m.manager_level = Nullable::Value(level),
            Self::TargetManager(m) => m.manager_level = Nullable::Value(level),
            _ => return false,
        }
        true
    }

    /// True for users and groups, which count towards the 500-per-policy limit.
    pub fn is_user_or_group(&self) -> bool {
        matches!(self, Self::SingleUser(_) | Self::GroupMembers(_))
    }

    /// True for approvers resolved relative to the request (manager, sponsors),
    /// which may not exist for a given requestor and so need a fallback.
    pub fn needs_fallback(&self) -> bool {
        matches!(
            self,
            Self::RequestorManager(_)
                | Self::InternalSponsors(_)
                | Self::ExternalSponsors(_)
                | Self::TargetUserSponsors(_)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn known_kind_round_trips_with_extra_members() {
        let raw = json!({
            "@odata.type": "#microsoft.graph.singleUser",
            "userId": "7deff43e-1f17-44ef-9e5f-d516b0ba11d4",
            "description": null,
            "isBackup": false
        });
        let subject: SubjectSet = serde_json::from_value(raw.clone()).unwrap();
        let SubjectSet::SingleUser(user) = &subject else {
            panic!("expected singleUser, got {subject:?}");
        };
        assert_eq!(
            user.user_id.as_deref(),
            Some("7deff43e-1f17-44ef-9e5f-d516b0ba11d4")
        );
        assert!(user.description.is_null());
        assert_eq!(serde_json::to_value(&subject).unwrap(), raw);
    }

    #[test]
    fn tag_without_hash_is_typed_and_kept_as_spelled() {
        let raw = json!({"@odata.type": "microsoft.graph.groupMembers", "groupId": "g1"});
        let subject: SubjectSet = serde_json::from_value(raw.clone()).unwrap();
        assert!(matches!(subject, SubjectSet::GroupMembers(_)));
        assert_eq!(serde_json::to_value(&subject).unwrap(), raw);
    }

    #[test]
    fn unknown_kind_is_kept_raw() {
        let raw = json!({"@odata.type": "#microsoft.graph.somethingNew", "x": [1, 2]});
        let subject: SubjectSet = serde_json::from_value(raw.clone()).unwrap();
        assert!(matches!(subject, SubjectSet::Unknown(_)));
        assert_eq!(subject.odata_type(), Some("#microsoft.graph.somethingNew"));
        assert_eq!(serde_json::to_value(&subject).unwrap(), raw);
    }
}
