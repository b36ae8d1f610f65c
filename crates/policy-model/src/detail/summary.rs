//! A policy in plain words, for the detail page: who can request, each
//! approval stage with its approvers by name, expiration, access reviews,
//! questions, custom extensions and notifications.
//!
//! Names come from the caller (`NameLookup`), so this stays pure: the page
//! passes the names it resolved, the tests pass a table. An id the lookup does
//! not know is shown as its kind and the id's first characters.

use crate::{
    AccessPackageApprovalStage, AccessPackageAssignmentPolicy, AccessPackageCustomExtensionStage,
    AccessPackageQuestion, AccessReviewExpirationBehavior, AllowedTargetScope,
    CustomCalloutExtension, ExpirationPattern, ExpirationPatternType, GraphDuration,
    RecurrencePatternType, SubjectSet,
};

/// Turns an object id (user, group, service principal, connected
/// organization) into the name to show, or `None` when it is not known.
pub type NameLookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The summary as sentences, in reading order.
pub fn summarize(policy: &AccessPackageAssignmentPolicy, names: NameLookup) -> Vec<String> {
    let mut sentences = vec![who_can_request(policy, names)];
    sentences.extend(requestor_rules(policy, names));
    sentences.extend(approval(policy, names));
    sentences.extend(expiration(policy));
    sentences.extend(access_review(policy, names));
    sentences.extend(questions(policy));
    sentences.extend(custom_extensions(policy));
    if policy
        .notification_settings
        .as_option()
        .and_then(|n| n.is_assignment_notification_disabled.as_option())
        == Some(&true)
    {
        sentences.push("Assignment notifications are turned off.".to_owned());
    }
    sentences
}

/// One subject in words, e.g. "Alex Wilber", "members of Sales", "the
/// requestor's internal sponsor", "users from Fabrikam".
pub fn subject_phrase(subject: &SubjectSet, names: NameLookup) -> String {
    let named = |id: &Option<&str>, kind: &str| match id {
        Some(id) => names(id).unwrap_or_else(|| format!("{kind} {}", short_id(id))),
        None => format!("a {kind} without an id"),
    };
    match subject {
        SubjectSet::SingleUser(s) => named(&s.user_id.as_deref(), "user"),
        SubjectSet::GroupMembers(s) => {
            format!("members of {}", named(&s.group_id.as_deref(), "group"))
        }
        SubjectSet::SingleServicePrincipal(s) => {
            named(&s.service_principal_id.as_deref(), "service principal")
        }
        SubjectSet::ConnectedOrganizationMembers(s) => format!(
            "users from {}",
            named(
                &s.connected_organization_id.as_deref(),
                "connected organization"
            )
        ),
        SubjectSet::AttributeRuleMembers(s) => match s.membership_rule.as_deref() {
            Some(rule) => format!("users matching {rule}"),
            None => "users matching a rule (not set)".to_owned(),
        },
        SubjectSet::RequestorManager(s) => {
            manager("the requestor's", s.manager_level.as_option().copied())
        }
        SubjectSet::TargetManager(s) => {
            manager("the target user's", s.manager_level.as_option().copied())
        }
        SubjectSet::InternalSponsors(_) => "the requestor's internal sponsor".to_owned(),
        SubjectSet::ExternalSponsors(_) => "the requestor's external sponsor".to_owned(),
        SubjectSet::TargetUserSponsors(_) => "the requestor's sponsors".to_owned(),
        SubjectSet::TargetApplicationOwners(_) => "the owners of the target application".to_owned(),
        SubjectSet::TargetAgentIdentitySponsorsOrOwners(_) => {
            "the agent identity's sponsors or owners".to_owned()
        }
        SubjectSet::GroupBasedSubjectSet(s) => {
            format!(
                "members of {}",
                count(s.groups.items().len(), "group", "groups")
            )
        }
        SubjectSet::RuleBasedSubjectSet(s) => match s.rule.as_deref() {
            Some(rule) => format!("users matching {rule}"),
            None => "users matching a rule (not set)".to_owned(),
        },
        SubjectSet::Unknown(_) => format!(
            "a subject of a kind Policy Desk does not recognise ({})",
            subject.odata_type().unwrap_or("no @odata.type")
        ),
    }
}

/// A short label for the kind of subject, for lists of approvers and targets.
pub fn subject_kind_label(subject: &SubjectSet) -> &'static str {
    match subject {
        SubjectSet::SingleUser(_) => "User",
        SubjectSet::GroupMembers(_) => "Group",
        SubjectSet::SingleServicePrincipal(_) => "Service principal",
        SubjectSet::ConnectedOrganizationMembers(_) => "Connected organization",
        SubjectSet::AttributeRuleMembers(_) => "Membership rule",
        SubjectSet::RequestorManager(_) => "Manager",
        SubjectSet::TargetManager(_) => "Target user's manager",
        SubjectSet::InternalSponsors(_) => "Internal sponsors",
        SubjectSet::ExternalSponsors(_) => "External sponsors",
        SubjectSet::TargetUserSponsors(_) => "Requestor's sponsors",
        SubjectSet::TargetApplicationOwners(_) => "Application owners",
        SubjectSet::TargetAgentIdentitySponsorsOrOwners(_) => "Agent identity sponsors or owners",
        SubjectSet::GroupBasedSubjectSet(_) => "Groups",
        SubjectSet::RuleBasedSubjectSet(_) => "Rule",
        SubjectSet::Unknown(_) => "Unrecognised kind",
    }
}

/// "14 days", "4 hours", "1 day"; the ISO text when it is not whole hours.
pub fn duration_words(duration: &GraphDuration) -> String {
    match duration.to_std() {
        Ok(length) if length.as_secs() > 0 && length.as_secs() % 86_400 == 0 => {
            count((length.as_secs() / 86_400) as usize, "day", "days")
        }
        Ok(length) if length.as_secs() > 0 && length.as_secs() % 3_600 == 0 => {
            count((length.as_secs() / 3_600) as usize, "hour", "hours")
        }
        Ok(length) if length.as_secs() > 0 && length.as_secs() % 60 == 0 => {
            count((length.as_secs() / 60) as usize, "minute", "minutes")
        }
        _ => duration.as_str().to_owned(),
    }
}

/// When a custom extension runs, e.g. "when a request is approved".
pub fn extension_stage_words(stage: &AccessPackageCustomExtensionStage) -> String {
    match stage {
        AccessPackageCustomExtensionStage::AssignmentRequestCreated => "when a request is created",
        AccessPackageCustomExtensionStage::AssignmentRequestApproved => {
            "when a request is approved"
        }
        AccessPackageCustomExtensionStage::AssignmentRequestGranted => "when access is granted",
        AccessPackageCustomExtensionStage::AssignmentRequestRemoved => "when access is removed",
        AccessPackageCustomExtensionStage::AssignmentFourteenDaysBeforeExpiration => {
            "14 days before access expires"
        }
        AccessPackageCustomExtensionStage::AssignmentOneDayBeforeExpiration => {
            "1 day before access expires"
        }
        AccessPackageCustomExtensionStage::UnknownFutureValue => "at an unrecognised stage",
        AccessPackageCustomExtensionStage::Unknown(value) => {
            return format!("at the stage \"{value}\"")
        }
    }
    .to_owned()
}

/// A custom extension's name (its id when it has none).
pub fn extension_name(extension: &CustomCalloutExtension) -> String {
    let name = match extension {
        CustomCalloutExtension::AccessPackageAssignmentRequestWorkflowExtension(e)
        | CustomCalloutExtension::AccessPackageAssignmentWorkflowExtension(e) => {
            e.display_name.as_deref()
        }
        CustomCalloutExtension::OnTokenIssuanceStartCustomExtension(e) => e.display_name.as_deref(),
        CustomCalloutExtension::CustomTaskExtension(e) => e.display_name.as_deref(),
        CustomCalloutExtension::OnAttributeCollectionStartCustomExtension(e)
        | CustomCalloutExtension::OnAttributeCollectionSubmitCustomExtension(e)
        | CustomCalloutExtension::OnOtpSendCustomExtension(e)
        | CustomCalloutExtension::OnPasswordSubmitCustomExtension(e)
        | CustomCalloutExtension::OnVerifiedIdClaimValidationCustomExtension(e) => {
            e.display_name.as_deref()
        }
        CustomCalloutExtension::Unknown(raw) => raw.get("displayName").and_then(|v| v.as_str()),
    };
    name.map(str::to_owned)
        .or_else(|| {
            extension
                .id()
                .map(|id| format!("extension {}", short_id(id)))
        })
        .unwrap_or_else(|| "an unnamed extension".to_owned())
}

/// A question's text (the first localization when it has no default text).
pub fn question_text(question: &AccessPackageQuestion) -> String {
    question
        .text()
        .as_deref()
        .or_else(|| {
            question
                .localizations()
                .first()
                .and_then(|l| l.text.as_deref())
        })
        .unwrap_or("(no text)")
        .to_owned()
}

fn who_can_request(policy: &AccessPackageAssignmentPolicy, names: NameLookup) -> String {
    let targets = policy.specific_allowed_targets();
    let phrases = |keep: fn(&SubjectSet) -> bool| -> Vec<String> {
        targets
            .iter()
            .filter(|t| keep(t))
            .map(|t| subject_phrase(t, names))
            .collect()
    };
    if let Some(auto) = policy.automatic_request_settings.as_option() {
        let rules = join_or(&phrases(|_| true));
        let mut text = format!("Assigned automatically to {rules}; no one needs to request");
        if auto
            .remove_access_when_target_leaves_allowed_targets
            .as_option()
            == Some(&true)
        {
            text.push_str(", and access is removed when they no longer match");
            if let Some(grace) = auto.grace_period_before_access_removal.as_option() {
                text.push_str(&format!(" (after {})", duration_words(grace)));
            }
        }
        return capitalize(&format!("{text}."));
    }
    let Some(scope) = policy.allowed_target_scope() else {
        return "Who can request is not set.".to_owned();
    };
    match scope {
        AllowedTargetScope::NotSpecified => {
            "No one can request: administrators assign access directly.".to_owned()
        }
        AllowedTargetScope::SpecificDirectoryUsers => {
            let who = phrases(|_| true);
            if who.is_empty() {
                "Specific users and groups can request, but none are chosen.".to_owned()
            } else {
                capitalize(&format!("{} can request.", join_and(&who)))
            }
        }
        AllowedTargetScope::SpecificConnectedOrganizationUsers => {
            let organizations: Vec<String> = phrases(|_| true)
                .into_iter()
                .map(|p| p.trim_start_matches("users from ").to_owned())
                .collect();
            if organizations.is_empty() {
                "Users from specific connected organizations can request, but none are chosen."
                    .to_owned()
            } else {
                format!("Users from {} can request.", join_or(&organizations))
            }
        }
        AllowedTargetScope::SpecificDirectoryServicePrincipals => {
            let who = phrases(|_| true);
            if who.is_empty() {
                "Specific service principals can request, but none are chosen.".to_owned()
            } else {
                format!(
                    "The {} {} can request.",
                    if who.len() == 1 {
                        "service principal"
                    } else {
                        "service principals"
                    },
                    join_and(&who)
                )
            }
        }
        AllowedTargetScope::AllMemberUsers => {
            "All member users (not guests) can request.".to_owned()
        }
        AllowedTargetScope::AllDirectoryUsers => {
            "All users in the directory, guests included, can request.".to_owned()
        }
        AllowedTargetScope::AllDirectoryServicePrincipals => {
            "All service principals in the directory can request.".to_owned()
        }
        AllowedTargetScope::AllConfiguredConnectedOrganizationUsers => {
            "Users from any connected organization can request.".to_owned()
        }
        AllowedTargetScope::AllExternalUsers => {
            "Any external user can request, from a connected organization or a new one.".to_owned()
        }
        AllowedTargetScope::AllDirectoryAgentIdentities => {
            "All agent identities can request.".to_owned()
        }
        AllowedTargetScope::UnknownFutureValue => {
            "Who can request is \"unknownFutureValue\", which Policy Desk does not recognise."
                .to_owned()
        }
        AllowedTargetScope::Unknown(value) => {
            format!("Who can request is \"{value}\", which Policy Desk does not recognise.")
        }
    }
}

/// Self-service and on-behalf rules, when they differ from the usual.
fn requestor_rules(policy: &AccessPackageAssignmentPolicy, names: NameLookup) -> Vec<String> {
    let Some(settings) = policy.requestor_settings.as_option() else {
        return Vec::new();
    };
    let requests = !policy.is_auto_assignment()
        && !matches!(
            policy.allowed_target_scope(),
            None | Some(AllowedTargetScope::NotSpecified)
        );
    let mut sentences = Vec::new();
    if requests && settings.enable_targets_to_self_add_access.as_option() == Some(&false) {
        sentences.push("Users cannot request access for themselves.".to_owned());
    }
    if settings
        .enable_on_behalf_requestors_to_add_access
        .as_option()
        == Some(&true)
    {
        let who: Vec<String> = settings
            .on_behalf_requestors
            .items()
            .iter()
            .map(|s| subject_phrase(s, names))
            .collect();
        if !who.is_empty() {
            sentences.push(capitalize(&format!(
                "{} can also request on behalf of others.",
                join_or(&who)
            )));
        }
    }
    sentences
}

fn approval(policy: &AccessPackageAssignmentPolicy, names: NameLookup) -> Vec<String> {
    if policy.is_auto_assignment()
        || matches!(
            policy.allowed_target_scope(),
            Some(AllowedTargetScope::NotSpecified)
        )
    {
        return Vec::new();
    }
    let Some(settings) = policy
        .request_approval_settings
        .as_option()
        .filter(|_| policy.is_approval_required())
    else {
        return vec!["No approval is needed.".to_owned()];
    };
    let stages = settings.stages.items();
    let mut sentences = vec![match stages.len() {
        0 => "Approval is required, but no approval stages are set.".to_owned(),
        1 => format!("One approval stage: {}.", stage_phrase(&stages[0], names)),
        n => format!(
            "{} approval stages: {}.",
            capitalize(number_word(n)),
            stages
                .iter()
                .enumerate()
                .map(|(i, stage)| format!("{}) {}", i + 1, stage_phrase(stage, names)))
                .collect::<Vec<_>>()
                .join(". ")
        ),
    }];
    if settings.is_requestor_justification_required.as_option() == Some(&true) {
        sentences.push("Requestors must give a reason.".to_owned());
    }
    if settings.is_approval_required_for_update.as_option() == Some(&true) {
        sentences.push("Extending or changing access also needs approval.".to_owned());
    }
    sentences
}

fn stage_phrase(stage: &AccessPackageApprovalStage, names: NameLookup) -> String {
    let words = |subjects: &[SubjectSet]| -> Vec<String> {
        subjects.iter().map(|s| subject_phrase(s, names)).collect()
    };
    let primary = words(stage.primary_approvers.items());
    let fallback = words(stage.fallback_primary_approvers.items());
    let mut parts = vec![match (primary.is_empty(), fallback.is_empty()) {
        (false, true) => join_or(&primary),
        (false, false) => format!("{}, or if none, {}", join_or(&primary), join_or(&fallback)),
        (true, false) => format!("{} (set only as fallback approvers)", join_or(&fallback)),
        (true, true) if stage.is_dynamic() => "approvers chosen by a custom extension".to_owned(),
        (true, true) => "no approvers set".to_owned(),
    }];
    if stage.is_escalation_enabled.as_option() == Some(&true) {
        let escalation = words(stage.escalation_approvers.items());
        let fallback = words(stage.fallback_escalation_approvers.items());
        let after = stage
            .duration_before_escalation
            .as_option()
            .map(|d| format!(" after {}", duration_words(d)))
            .unwrap_or_default();
        let to = match (escalation.is_empty(), fallback.is_empty()) {
            (false, true) => join_or(&escalation),
            (false, false) => {
                format!(
                    "{}, or if none, {}",
                    join_or(&escalation),
                    join_or(&fallback)
                )
            }
            (true, false) => join_or(&fallback),
            (true, true) => "no one (no escalation approvers set)".to_owned(),
        };
        parts.push(format!("escalated{after} to {to}"));
    }
    if let Some(denial) = stage.duration_before_automatic_denial.as_option() {
        parts.push(format!(
            "denied automatically after {}",
            duration_words(denial)
        ));
    }
    if stage.is_approver_justification_required.as_option() == Some(&true) {
        parts.push("approvers must give a reason".to_owned());
    }
    parts.join("; ")
}

fn expiration(policy: &AccessPackageAssignmentPolicy) -> Vec<String> {
    let mut sentences = vec![match policy.expiration.as_option() {
        Some(pattern) => assignment_ends(pattern),
        None => "When access ends is not set.".to_owned(),
    }];
    if policy
        .requestor_settings
        .as_option()
        .and_then(|s| s.allow_custom_assignment_schedule.as_option())
        == Some(&true)
    {
        sentences.push("Requestors may choose their own start and end dates.".to_owned());
    }
    sentences
}

fn assignment_ends(pattern: &ExpirationPattern) -> String {
    match pattern.kind.as_option() {
        Some(ExpirationPatternType::NoExpiration) => "Access never expires.".to_owned(),
        Some(ExpirationPatternType::AfterDuration) => match pattern.duration.as_option() {
            Some(d) => format!("Access expires after {}.", duration_words(d)),
            None => "Access expires after a duration that is not set.".to_owned(),
        },
        Some(ExpirationPatternType::AfterDateTime) => match pattern.end_date_time.as_deref() {
            Some(end) => format!("Access ends on {}.", end.get(..10).unwrap_or(end)),
            None => "Access ends on a date that is not set.".to_owned(),
        },
        Some(ExpirationPatternType::Unknown(kind)) => {
            format!("Access ends by the rule \"{kind}\", which Policy Desk does not recognise.")
        }
        Some(ExpirationPatternType::NotSpecified) | None => {
            "When access ends is not specified.".to_owned()
        }
    }
}

fn access_review(policy: &AccessPackageAssignmentPolicy, names: NameLookup) -> Vec<String> {
    let Some(review) = policy
        .review_settings
        .as_option()
        .filter(|r| r.is_enabled.as_option() == Some(&true))
    else {
        return vec!["Access is not reviewed.".to_owned()];
    };
    let schedule = review.schedule.as_option();
    let how_often = schedule
        .and_then(|s| s.recurrence.as_option())
        .and_then(|r| r.pattern.as_option())
        .map(|pattern| {
            let interval = pattern.interval.as_option().copied().unwrap_or(1).max(1) as usize;
            match pattern.kind.as_option() {
                Some(RecurrencePatternType::Weekly) if interval == 1 => "every week".to_owned(),
                Some(RecurrencePatternType::Weekly) => format!("every {interval} weeks"),
                Some(RecurrencePatternType::AbsoluteMonthly) if interval == 1 => {
                    "every month".to_owned()
                }
                Some(RecurrencePatternType::AbsoluteMonthly) => {
                    format!("every {interval} months")
                }
                Some(other) => format!("on a \"{}\" schedule", other.as_str()),
                None => "on a schedule that is not set".to_owned(),
            }
        })
        .unwrap_or_else(|| "on a schedule that is not set".to_owned());
    let mut text = format!("Access is reviewed {how_often}");
    if let Some(start) = schedule.and_then(|s| s.start_date_time.as_deref()) {
        text.push_str(&format!(", starting {}", start.get(..10).unwrap_or(start)));
    }
    // A reviewer relative to the assignment ("manager") is the reviewed user's, not a requestor's.
    let reviewer_words = |subjects: &[SubjectSet]| -> Vec<String> {
        subjects
            .iter()
            .map(|s| subject_phrase(s, names).replace("the requestor's", "each user's"))
            .collect()
    };
    let reviewers = reviewer_words(review.primary_reviewers.items());
    let fallback = reviewer_words(review.fallback_reviewers.items());
    if review.is_self_review.as_option() == Some(&true) {
        text.push_str(", by the users themselves");
    } else if !reviewers.is_empty() {
        text.push_str(&format!(", by {}", join_or(&reviewers)));
        if !fallback.is_empty() {
            text.push_str(&format!(", or if none, {}", join_or(&fallback)));
        }
    } else if !fallback.is_empty() {
        text.push_str(&format!(
            ", by {} (set only as fallback reviewers)",
            join_or(&fallback)
        ));
    } else {
        text.push_str(" (no reviewers set)");
    }
    let mut clauses = Vec::new();
    if let Some(open) = schedule
        .and_then(|s| s.expiration.as_option())
        .and_then(|e| e.duration.as_option())
    {
        clauses.push(format!(
            "each review stays open for {}",
            duration_words(open)
        ));
    }
    if let Some(behavior) = review.expiration_behavior.as_option() {
        let outcome = match behavior {
            AccessReviewExpirationBehavior::KeepAccess => "access is kept".to_owned(),
            AccessReviewExpirationBehavior::RemoveAccess => "access is removed".to_owned(),
            AccessReviewExpirationBehavior::AcceptAccessRecommendation => {
                "the recommendation is applied".to_owned()
            }
            other => format!("\"{}\" applies", other.as_str()),
        };
        clauses.push(format!("if reviewers don't respond, {outcome}"));
    }
    if !clauses.is_empty() {
        text.push_str("; ");
        text.push_str(&clauses.join(", and "));
    }
    text.push('.');
    let mut sentences = vec![text];
    let justification = review.is_reviewer_justification_required.as_option() == Some(&true);
    let recommendations = review.is_recommendation_enabled.as_option() == Some(&true);
    sentences.extend(
        match (justification, recommendations) {
            (true, true) => Some("Reviewers must give a reason and see recommendations."),
            (true, false) => Some("Reviewers must give a reason."),
            (false, true) => Some("Reviewers see recommendations."),
            (false, false) => None,
        }
        .map(str::to_owned),
    );
    sentences
}

fn questions(policy: &AccessPackageAssignmentPolicy) -> Option<String> {
    let mut questions: Vec<&AccessPackageQuestion> = policy.questions.items().iter().collect();
    if questions.is_empty() {
        return None;
    }
    questions.sort_by_key(|q| sequence(q));
    let listed: Vec<String> = questions
        .iter()
        .map(|q| {
            let required = match q {
                AccessPackageQuestion::TextInput(t) => t.is_required.as_option() == Some(&true),
                AccessPackageQuestion::MultipleChoice(m) => {
                    m.is_required.as_option() == Some(&true)
                }
                AccessPackageQuestion::Unknown(_) => false,
            };
            let mut text = format!("“{}”", question_text(q));
            if required {
                text.push_str(" (required)");
            }
            text
        })
        .collect();
    Some(format!(
        "Requestors answer {}: {}.",
        count(listed.len(), "question", "questions"),
        join_and(&listed)
    ))
}

fn sequence(question: &AccessPackageQuestion) -> i32 {
    match question {
        AccessPackageQuestion::TextInput(q) => q.sequence.as_option().copied(),
        AccessPackageQuestion::MultipleChoice(q) => q.sequence.as_option().copied(),
        AccessPackageQuestion::Unknown(_) => None,
    }
    .unwrap_or(i32::MAX)
}

fn custom_extensions(policy: &AccessPackageAssignmentPolicy) -> Option<String> {
    let runs: Vec<String> = policy
        .custom_extension_stage_settings
        .items()
        .iter()
        .map(|setting| {
            let name = setting
                .custom_extension
                .as_option()
                .map(extension_name)
                .unwrap_or_else(|| "a custom extension".to_owned());
            let when = setting
                .stage
                .as_option()
                .map(extension_stage_words)
                .unwrap_or_else(|| "at a stage that is not set".to_owned());
            format!("“{name}” runs {when}")
        })
        .collect();
    match runs.len() {
        0 => None,
        1 => Some(format!("The custom extension {}.", runs[0])),
        _ => Some(format!("Custom extensions: {}.", runs.join("; "))),
    }
}

fn manager(whose: &str, level: Option<i32>) -> String {
    match level {
        None | Some(1) => format!("{whose} manager"),
        Some(2) => format!("{whose} second-level manager"),
        Some(3) => format!("{whose} third-level manager"),
        Some(4) => format!("{whose} fourth-level manager"),
        Some(n) => format!("{whose} manager at level {n}"),
    }
}

/// The first 8 characters of an id and an ellipsis: enough to tell ids apart.
pub fn short_id(id: &str) -> String {
    match id.char_indices().nth(8) {
        Some((end, _)) => format!("{}…", &id[..end]),
        None => id.to_owned(),
    }
}

fn join_with(items: &[String], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., final_item] => format!("{} {last} {final_item}", rest.join(", ")),
    }
}

fn join_or(items: &[String]) -> String {
    join_with(items, "or")
}

fn join_and(items: &[String]) -> String {
    join_with(items, "and")
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn number_word(n: usize) -> &'static str {
    match n {
        1 => "one",
        2 => "two",
        3 => "three",
        4 => "four",
        _ => "several",
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::json;

    const ALEX: &str = "7deff43e-1f17-44ef-9e5f-d516b0ba11d4";
    const MEGAN: &str = "46184453-e63b-4f20-86c2-c557ed5d5df9";
    const SALES: &str = "1623f912-5e86-41c2-af47-39dd67582b66";

    /// `shared/graph/seed-request.json`, the founding example.
    pub(crate) fn seed() -> AccessPackageAssignmentPolicy {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/graph/seed-request.json"
        );
        let text = std::fs::read_to_string(path).expect("read shared/graph/seed-request.json");
        serde_json::from_str(&text).expect("parse the seed policy")
    }

    fn seed_names(id: &str) -> Option<String> {
        match id {
            ALEX => Some("Alex Wilber".to_owned()),
            MEGAN => Some("Megan Bowen".to_owned()),
            SALES => Some("Sales".to_owned()),
            _ => None,
        }
    }

    fn no_names(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn seed_policy_in_plain_words() {
        let sentences = summarize(&seed(), &seed_names);
        assert_eq!(
            sentences,
            [
                "Users from any connected organization can request.",
                "Two approval stages: 1) the requestor's internal sponsor, or if none, Alex Wilber or members of Sales; \
                 denied automatically after 14 days. 2) Megan Bowen or members of Sales (set only as fallback approvers); \
                 denied automatically after 14 days.",
                "Access never expires.",
                "Access is reviewed every 3 months, starting 2022-07-02, by members of Sales; each review stays open \
                 for 14 days, and if reviewers don't respond, access is kept.",
                "Reviewers must give a reason and see recommendations.",
            ]
        );
    }

    #[test]
    fn unknown_ids_show_kind_and_short_id() {
        let text = summarize(&seed(), &no_names).join(" ");
        assert!(
            text.contains("user 7deff43e… or members of group 1623f912…"),
            "{text}"
        );
        assert!(!text.contains("Alex"), "{text}");
    }

    fn policy(value: serde_json::Value) -> AccessPackageAssignmentPolicy {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn specific_targets_escalation_questions_and_extensions() {
        let p = policy(json!({
            "allowedTargetScope": "specificDirectoryUsers",
            "specificAllowedTargets": [
                {"@odata.type": "#microsoft.graph.singleUser", "userId": ALEX},
                {"@odata.type": "#microsoft.graph.groupMembers", "groupId": SALES}
            ],
            "expiration": {"type": "afterDuration", "duration": "P365D"},
            "requestorSettings": {
                "enableTargetsToSelfAddAccess": true,
                "allowCustomAssignmentSchedule": true,
                "enableOnBehalfRequestorsToAddAccess": true,
                "onBehalfRequestors": [{"@odata.type": "#microsoft.graph.targetManager", "managerLevel": 1}]
            },
            "requestApprovalSettings": {
                "isApprovalRequiredForAdd": true,
                "isRequestorJustificationRequired": true,
                "stages": [{
                    "durationBeforeAutomaticDenial": "P7D",
                    "isApproverJustificationRequired": true,
                    "isEscalationEnabled": true,
                    "durationBeforeEscalation": "PT12H",
                    "primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 2}],
                    "escalationApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": MEGAN}]
                }]
            },
            "reviewSettings": {"isEnabled": false},
            "notificationSettings": {"isAssignmentNotificationDisabled": true},
            "questions": [
                {"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "sequence": 2, "text": "Which project?", "isRequired": false},
                {"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "sequence": 1, "text": "Why?", "isRequired": true}
            ],
            "customExtensionStageSettings": [{
                "stage": "assignmentRequestGranted",
                "customExtension": {"@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension", "id": "x1", "displayName": "Notify ticketing"}
            }]
        }));
        let sentences = summarize(&p, &seed_names);
        assert_eq!(
            sentences,
            [
                "Alex Wilber and members of Sales can request.",
                "The target user's manager can also request on behalf of others.",
                "One approval stage: the requestor's second-level manager; escalated after 12 hours to Megan Bowen; \
                 denied automatically after 7 days; approvers must give a reason.",
                "Requestors must give a reason.",
                "Access expires after 365 days.",
                "Requestors may choose their own start and end dates.",
                "Access is not reviewed.",
                "Requestors answer 2 questions: “Why?” (required) and “Which project?”.",
                "The custom extension “Notify ticketing” runs when access is granted.",
                "Assignment notifications are turned off.",
            ]
        );
    }

    #[test]
    fn other_scopes() {
        let orgs = policy(json!({
            "allowedTargetScope": "specificConnectedOrganizationUsers",
            "specificAllowedTargets": [
                {"@odata.type": "#microsoft.graph.connectedOrganizationMembers", "connectedOrganizationId": "o1"},
                {"@odata.type": "#microsoft.graph.connectedOrganizationMembers", "connectedOrganizationId": "o2"}
            ],
            "requestApprovalSettings": {"isApprovalRequiredForAdd": false, "stages": []}
        }));
        let names = |id: &str| (id == "o1").then(|| "Fabrikam".to_owned());
        let sentences = summarize(&orgs, &names);
        assert_eq!(
            sentences[0],
            "Users from Fabrikam or connected organization o2 can request."
        );
        assert_eq!(sentences[1], "No approval is needed.");

        let auto = policy(json!({
            "allowedTargetScope": "specificDirectoryUsers",
            "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.attributeRuleMembers", "membershipRule": "(user.department -eq \"Sales\")"}],
            "automaticRequestSettings": {"removeAccessWhenTargetLeavesAllowedTargets": true, "gracePeriodBeforeAccessRemoval": "P7D"}
        }));
        assert_eq!(
            summarize(&auto, &no_names)[0],
            "Assigned automatically to users matching (user.department -eq \"Sales\"); no one needs to request, \
             and access is removed when they no longer match (after 7 days)."
        );

        let direct = policy(
            json!({"allowedTargetScope": "notSpecified", "requestApprovalSettings": {"isApprovalRequiredForAdd": true}}),
        );
        let sentences = summarize(&direct, &no_names);
        assert_eq!(
            sentences[0],
            "No one can request: administrators assign access directly."
        );
        assert!(
            !sentences.iter().any(|s| s.contains("approval")),
            "{sentences:?}"
        );

        let future = policy(json!({"allowedTargetScope": "allPlanets"}));
        assert!(summarize(&future, &no_names)[0].contains("\"allPlanets\""));
        let weekly = policy(json!({
            "allowedTargetScope": "allMemberUsers",
            "reviewSettings": {"isEnabled": true, "isSelfReview": true, "expirationBehavior": "removeAccess",
                "schedule": {"recurrence": {"pattern": {"type": "weekly", "interval": 2}}}}
        }));
        let text = summarize(&weekly, &no_names).join(" ");
        assert!(
            text.contains("All member users (not guests) can request."),
            "{text}"
        );
        assert!(
            text.contains("Access is reviewed every 2 weeks, by the users themselves; if reviewers don't respond, access is removed."),
            "{text}"
        );
    }

    #[test]
    fn words_for_durations_and_ids() {
        assert_eq!(duration_words(&GraphDuration::new("P1D")), "1 day");
        assert_eq!(duration_words(&GraphDuration::new("PT90M")), "90 minutes");
        assert_eq!(duration_words(&GraphDuration::new("PT0S")), "PT0S");
        assert_eq!(duration_words(&GraphDuration::new("P1M")), "P1M");
        assert_eq!(short_id("1623f912-5e86"), "1623f912…");
        assert_eq!(short_id("abc"), "abc");
    }
}
