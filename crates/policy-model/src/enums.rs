//! The eleven enum types of the assignment-policy schema, member for member.

use crate::graph_enum::graph_enum;

graph_enum! {
    /// `allowedTargetScope`: who may be assigned through the policy.
    pub enum AllowedTargetScope {
        /// No one requests; administrators assign directly.
        NotSpecified = "notSpecified",
        SpecificDirectoryUsers = "specificDirectoryUsers",
        SpecificConnectedOrganizationUsers = "specificConnectedOrganizationUsers",
        SpecificDirectoryServicePrincipals = "specificDirectoryServicePrincipals",
        /// Member users, guests excluded.
        AllMemberUsers = "allMemberUsers",
        /// All users in the directory, guests included.
        AllDirectoryUsers = "allDirectoryUsers",
        AllDirectoryServicePrincipals = "allDirectoryServicePrincipals",
        AllConfiguredConnectedOrganizationUsers = "allConfiguredConnectedOrganizationUsers",
        /// Any external user; unknown organizations become proposed connected organizations.
        AllExternalUsers = "allExternalUsers",
        AllDirectoryAgentIdentities = "allDirectoryAgentIdentities",
        UnknownFutureValue = "unknownFutureValue",
    }
}

impl AllowedTargetScope {
    /// Scopes for users from connected organizations (where internal and
    /// external sponsors are meaningful approvers).
    pub fn is_connected_organization_scope(&self) -> bool {
        matches!(
            self,
            Self::SpecificConnectedOrganizationUsers
                | Self::AllConfiguredConnectedOrganizationUsers
                | Self::AllExternalUsers
        )
    }

    /// `specific*` scopes, which list their targets in `specificAllowedTargets`.
    pub fn is_specific(&self) -> bool {
        matches!(
            self,
            Self::SpecificDirectoryUsers
                | Self::SpecificConnectedOrganizationUsers
                | Self::SpecificDirectoryServicePrincipals
        )
    }

    /// `all*` scopes, which take no `specificAllowedTargets`.
    pub fn is_all(&self) -> bool {
        matches!(
            self,
            Self::AllMemberUsers
                | Self::AllDirectoryUsers
                | Self::AllDirectoryServicePrincipals
                | Self::AllConfiguredConnectedOrganizationUsers
                | Self::AllExternalUsers
                | Self::AllDirectoryAgentIdentities
        )
    }
}

graph_enum! {
    /// `expirationPatternType`: how an assignment (or review) ends.
    pub enum ExpirationPatternType {
        NotSpecified = "notSpecified",
        NoExpiration = "noExpiration",
        AfterDateTime = "afterDateTime",
        AfterDuration = "afterDuration",
    }
}

graph_enum! {
    /// `accessReviewExpirationBehavior`: what happens when reviewers do not answer.
    pub enum AccessReviewExpirationBehavior {
        KeepAccess = "keepAccess",
        RemoveAccess = "removeAccess",
        AcceptAccessRecommendation = "acceptAccessRecommendation",
        UnknownFutureValue = "unknownFutureValue",
    }
}

graph_enum! {
    /// `approverInformationVisibility` of an approval stage.
    pub enum ApproverInformationVisibility {
        Default = "default",
        NotVisible = "notVisible",
        Visible = "visible",
        UnknownFutureValue = "unknownFutureValue",
    }
}

graph_enum! {
    /// `accessPackageCustomExtensionStage`: when a custom extension runs.
    pub enum AccessPackageCustomExtensionStage {
        AssignmentRequestCreated = "assignmentRequestCreated",
        AssignmentRequestApproved = "assignmentRequestApproved",
        AssignmentRequestGranted = "assignmentRequestGranted",
        AssignmentRequestRemoved = "assignmentRequestRemoved",
        AssignmentFourteenDaysBeforeExpiration = "assignmentFourteenDaysBeforeExpiration",
        AssignmentOneDayBeforeExpiration = "assignmentOneDayBeforeExpiration",
        UnknownFutureValue = "unknownFutureValue",
    }
}

graph_enum! {
    /// `recurrencePatternType`. Access reviews accept only `weekly` and `absoluteMonthly`.
    pub enum RecurrencePatternType {
        Daily = "daily",
        Weekly = "weekly",
        AbsoluteMonthly = "absoluteMonthly",
        RelativeMonthly = "relativeMonthly",
        AbsoluteYearly = "absoluteYearly",
        RelativeYearly = "relativeYearly",
    }
}

graph_enum! {
    /// `recurrenceRangeType`.
    pub enum RecurrenceRangeType {
        EndDate = "endDate",
        NoEnd = "noEnd",
        Numbered = "numbered",
    }
}

graph_enum! {
    /// `dayOfWeek`.
    pub enum DayOfWeek {
        Sunday = "sunday",
        Monday = "monday",
        Tuesday = "tuesday",
        Wednesday = "wednesday",
        Thursday = "thursday",
        Friday = "friday",
        Saturday = "saturday",
    }
}

graph_enum! {
    /// `weekIndex`.
    pub enum WeekIndex {
        First = "first",
        Second = "second",
        Third = "third",
        Fourth = "fourth",
        Last = "last",
    }
}

graph_enum! {
    /// `accessPackageCatalogType`.
    pub enum AccessPackageCatalogType {
        UserManaged = "userManaged",
        ServiceDefault = "serviceDefault",
        ServiceManaged = "serviceManaged",
        UnknownFutureValue = "unknownFutureValue",
    }
}

graph_enum! {
    /// `accessPackageCatalogState`.
    pub enum AccessPackageCatalogState {
        Unpublished = "unpublished",
        Published = "published",
        UnknownFutureValue = "unknownFutureValue",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_round_trip() {
        for scope in AllowedTargetScope::KNOWN {
            let json = serde_json::to_string(scope).unwrap();
            let back: AllowedTargetScope = serde_json::from_str(&json).unwrap();
            assert_eq!(&back, scope);
            assert!(!back.is_unknown());
        }
    }

    #[test]
    fn unknown_value_is_kept_verbatim() {
        let scope: AllowedTargetScope = serde_json::from_str(r#""allMartians""#).unwrap();
        assert_eq!(scope, AllowedTargetScope::Unknown("allMartians".into()));
        assert_eq!(serde_json::to_string(&scope).unwrap(), r#""allMartians""#);
    }

    #[test]
    fn schema_counts_match() {
        assert_eq!(AllowedTargetScope::KNOWN.len(), 11);
        assert_eq!(AccessPackageCustomExtensionStage::KNOWN.len(), 7);
        assert_eq!(DayOfWeek::KNOWN.len(), 7);
    }
}
