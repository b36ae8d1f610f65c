//! Every field of the create form as a value: where it sits in the policy (the validation path
//! its messages come from), how it reads and how it writes. The UI renders three generic
//! components (text, check box, choice) over these, so each field is data, not code.

use policy_model::{
    AccessPackageAnswerChoice, AccessPackageApprovalStage, AccessPackageAssignmentPolicy,
    AccessPackageAssignmentRequestorSettings, AccessPackageAssignmentReviewSettings,
    AccessPackageCustomExtensionStage, AccessPackageLocalizedText,
    AccessPackageMultipleChoiceQuestion, AccessPackageQuestion, AccessPackageTextInputQuestion,
    AccessReviewExpirationBehavior, ApproverInformationVisibility, CustomExtensionStageSetting,
    EntitlementManagementSchedule, ExpirationPattern, Nullable, PatternedRecurrence,
    RecurrencePattern, RecurrencePatternType, RecurrenceRange, RecurrenceRangeType,
};

use super::{
    draft::{
        approval_settings, duration_field_text, duration_from_field, requestor_settings,
        review_settings,
    },
    ExpirationChoice, PolicyDraft, WhoCanRequest,
};

/// A check box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    SelfAdd,
    SelfUpdate,
    SelfRemove,
    CustomSchedule,
    OnBehalfAdd,
    OnBehalfUpdate,
    OnBehalfRemove,
    ApprovalForAdd,
    ApprovalForUpdate,
    RequestorJustification,
    StageApproverJustification(usize),
    StageEscalation(usize),
    AutoRemoveWhenOutOfScope,
    ReviewEnabled,
    ReviewSelf,
    ReviewRecommendations,
    ReviewerJustification,
    NotificationsOff,
    QuestionRequired(usize),
    QuestionEditable(usize),
    QuestionMultipleSelection(usize),
}

/// A text box (one line or several).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    DisplayName,
    Description,
    MembershipRule,
    /// Days or hours, by the expiration choice.
    ExpirationAmount,
    ExpirationEnd,
    GracePeriodDays,
    StageDenialDays(usize),
    StageEscalationDays(usize),
    ReviewStart,
    ReviewDurationDays,
    QuestionText(usize),
    QuestionRegex(usize),
    /// One answer per line: `value | text` (or just the text).
    QuestionChoices(usize),
    /// One translation per line: `fr: text`.
    QuestionLocalizations(usize),
}

/// A drop-down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    WhoCanRequest,
    Expiration,
    ReviewRecurrence,
    ReviewExpirationBehavior,
    StageVisibility(usize),
    QuestionKind(usize),
    ExtensionStage(usize),
}

fn flag_value(member: &Nullable<bool>) -> bool {
    member.as_option().copied().unwrap_or(false)
}

fn requestor(
    policy: &AccessPackageAssignmentPolicy,
) -> Option<&AccessPackageAssignmentRequestorSettings> {
    policy.requestor_settings.as_option()
}

fn review(
    policy: &AccessPackageAssignmentPolicy,
) -> Option<&AccessPackageAssignmentReviewSettings> {
    policy.review_settings.as_option()
}

fn stage(
    policy: &AccessPackageAssignmentPolicy,
    index: usize,
) -> Option<&AccessPackageApprovalStage> {
    policy
        .request_approval_settings
        .as_option()?
        .stages
        .items()
        .get(index)
}

fn question(
    policy: &AccessPackageAssignmentPolicy,
    index: usize,
) -> Option<&AccessPackageQuestion> {
    policy.questions.items().get(index)
}

fn question_mut(
    policy: &mut AccessPackageAssignmentPolicy,
    index: usize,
) -> Option<&mut AccessPackageQuestion> {
    policy.questions.as_option_mut()?.get_mut(index)
}

impl Flag {
    /// The validation path of the member.
    pub fn path(self) -> String {
        match self {
            Self::SelfAdd => "requestorSettings.enableTargetsToSelfAddAccess".into(),
            Self::SelfUpdate => "requestorSettings.enableTargetsToSelfUpdateAccess".into(),
            Self::SelfRemove => "requestorSettings.enableTargetsToSelfRemoveAccess".into(),
            Self::CustomSchedule => "requestorSettings.allowCustomAssignmentSchedule".into(),
            Self::OnBehalfAdd => "requestorSettings.enableOnBehalfRequestorsToAddAccess".into(),
            Self::OnBehalfUpdate => {
                "requestorSettings.enableOnBehalfRequestorsToUpdateAccess".into()
            }
            Self::OnBehalfRemove => {
                "requestorSettings.enableOnBehalfRequestorsToRemoveAccess".into()
            }
            Self::ApprovalForAdd => "requestApprovalSettings.isApprovalRequiredForAdd".into(),
            Self::ApprovalForUpdate => "requestApprovalSettings.isApprovalRequiredForUpdate".into(),
            Self::RequestorJustification => {
                "requestApprovalSettings.isRequestorJustificationRequired".into()
            }
            Self::StageApproverJustification(i) => {
                format!("requestApprovalSettings.stages[{i}].isApproverJustificationRequired")
            }
            Self::StageEscalation(i) => {
                format!("requestApprovalSettings.stages[{i}].isEscalationEnabled")
            }
            Self::AutoRemoveWhenOutOfScope => {
                "automaticRequestSettings.removeAccessWhenTargetLeavesAllowedTargets".into()
            }
            Self::ReviewEnabled => "reviewSettings.isEnabled".into(),
            Self::ReviewSelf => "reviewSettings.isSelfReview".into(),
            Self::ReviewRecommendations => "reviewSettings.isRecommendationEnabled".into(),
            Self::ReviewerJustification => "reviewSettings.isReviewerJustificationRequired".into(),
            Self::NotificationsOff => {
                "notificationSettings.isAssignmentNotificationDisabled".into()
            }
            Self::QuestionRequired(i) => format!("questions[{i}].isRequired"),
            Self::QuestionEditable(i) => format!("questions[{i}].isAnswerEditable"),
            Self::QuestionMultipleSelection(i) => {
                format!("questions[{i}].isMultipleSelectionAllowed")
            }
        }
    }

    /// What the admin reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::SelfAdd => "Requestors can ask for access",
            Self::SelfUpdate => "Requestors can ask to extend their access",
            Self::SelfRemove => "Requestors can remove their own access",
            Self::CustomSchedule => "Requestors can choose a custom start and end",
            Self::OnBehalfAdd => "On-behalf requestors can ask for access for others",
            Self::OnBehalfUpdate => "On-behalf requestors can extend others' access",
            Self::OnBehalfRemove => "On-behalf requestors can remove others' access",
            Self::ApprovalForAdd => "Require approval for new requests",
            Self::ApprovalForUpdate => "Require approval for extensions and updates",
            Self::RequestorJustification => "Require the requestor's justification",
            Self::StageApproverJustification(_) => "Require the approver's justification",
            Self::StageEscalation(_) => "Forward to alternate approvers if no decision",
            Self::AutoRemoveWhenOutOfScope => {
                "Remove access when a user no longer matches the rule"
            }
            Self::ReviewEnabled => "Review access regularly",
            Self::ReviewSelf => "Users review their own access (self-review)",
            Self::ReviewRecommendations => "Show reviewers recommendations",
            Self::ReviewerJustification => "Require the reviewer's justification",
            Self::NotificationsOff => "Turn off assignment notifications",
            Self::QuestionRequired(_) => "Answer required",
            Self::QuestionEditable(_) => "Answer can be edited later",
            Self::QuestionMultipleSelection(_) => "Several answers may be chosen",
        }
    }

    pub fn get(self, draft: &PolicyDraft) -> bool {
        let p = &draft.policy;
        let value = |member: Option<&Nullable<bool>>| member.is_some_and(flag_value);
        match self {
            Self::SelfAdd => value(requestor(p).map(|r| &r.enable_targets_to_self_add_access)),
            Self::SelfUpdate => {
                value(requestor(p).map(|r| &r.enable_targets_to_self_update_access))
            }
            Self::SelfRemove => {
                value(requestor(p).map(|r| &r.enable_targets_to_self_remove_access))
            }
            Self::CustomSchedule => {
                value(requestor(p).map(|r| &r.allow_custom_assignment_schedule))
            }
            Self::OnBehalfAdd => {
                value(requestor(p).map(|r| &r.enable_on_behalf_requestors_to_add_access))
            }
            Self::OnBehalfUpdate => {
                value(requestor(p).map(|r| &r.enable_on_behalf_requestors_to_update_access))
            }
            Self::OnBehalfRemove => {
                value(requestor(p).map(|r| &r.enable_on_behalf_requestors_to_remove_access))
            }
            Self::ApprovalForAdd => value(
                p.request_approval_settings
                    .as_option()
                    .map(|a| &a.is_approval_required_for_add),
            ),
            Self::ApprovalForUpdate => value(
                p.request_approval_settings
                    .as_option()
                    .map(|a| &a.is_approval_required_for_update),
            ),
            Self::RequestorJustification => value(
                p.request_approval_settings
                    .as_option()
                    .map(|a| &a.is_requestor_justification_required),
            ),
            Self::StageApproverJustification(i) => {
                value(stage(p, i).map(|s| &s.is_approver_justification_required))
            }
            Self::StageEscalation(i) => value(stage(p, i).map(|s| &s.is_escalation_enabled)),
            Self::AutoRemoveWhenOutOfScope => value(
                p.automatic_request_settings
                    .as_option()
                    .map(|a| &a.remove_access_when_target_leaves_allowed_targets),
            ),
            Self::ReviewEnabled => value(review(p).map(|r| &r.is_enabled)),
            Self::ReviewSelf => value(review(p).map(|r| &r.is_self_review)),
            Self::ReviewRecommendations => value(review(p).map(|r| &r.is_recommendation_enabled)),
            Self::ReviewerJustification => {
                value(review(p).map(|r| &r.is_reviewer_justification_required))
            }
            Self::NotificationsOff => value(
                p.notification_settings
                    .as_option()
                    .map(|n| &n.is_assignment_notification_disabled),
            ),
            Self::QuestionRequired(i) => match question(p, i) {
                Some(AccessPackageQuestion::TextInput(q)) => flag_value(&q.is_required),
                Some(AccessPackageQuestion::MultipleChoice(q)) => flag_value(&q.is_required),
                _ => false,
            },
            Self::QuestionEditable(i) => match question(p, i) {
                Some(AccessPackageQuestion::TextInput(q)) => flag_value(&q.is_answer_editable),
                Some(AccessPackageQuestion::MultipleChoice(q)) => flag_value(&q.is_answer_editable),
                _ => false,
            },
            Self::QuestionMultipleSelection(i) => match question(p, i) {
                Some(AccessPackageQuestion::MultipleChoice(q)) => {
                    flag_value(&q.is_multiple_selection_allowed)
                }
                _ => false,
            },
        }
    }

    pub fn set(self, draft: &mut PolicyDraft, on: bool) {
        let value = Nullable::Value(on);
        let p = &mut draft.policy;
        match self {
            Self::SelfAdd => requestor_settings(p).enable_targets_to_self_add_access = value,
            Self::SelfUpdate => requestor_settings(p).enable_targets_to_self_update_access = value,
            Self::SelfRemove => requestor_settings(p).enable_targets_to_self_remove_access = value,
            Self::CustomSchedule => requestor_settings(p).allow_custom_assignment_schedule = value,
            Self::OnBehalfAdd => {
                requestor_settings(p).enable_on_behalf_requestors_to_add_access = value
            }
            Self::OnBehalfUpdate => {
                requestor_settings(p).enable_on_behalf_requestors_to_update_access = value
            }
            Self::OnBehalfRemove => {
                requestor_settings(p).enable_on_behalf_requestors_to_remove_access = value
            }
            Self::ApprovalForAdd => draft.set_approval_required(on),
            Self::ApprovalForUpdate => approval_settings(p).is_approval_required_for_update = value,
            Self::RequestorJustification => {
                approval_settings(p).is_requestor_justification_required = value
            }
            Self::StageApproverJustification(i) => {
                if let Some(stage) = draft.stage_mut(i) {
                    stage.is_approver_justification_required = value;
                }
            }
            Self::StageEscalation(i) => {
                if let Some(stage) = draft.stage_mut(i) {
                    stage.is_escalation_enabled = value;
                    if on
                        && stage
                            .duration_before_escalation
                            .as_option()
                            .is_none_or(|d| d.as_str() == "PT0S")
                    {
                        stage.duration_before_escalation = duration_from_field("7", false);
                    }
                }
            }
            Self::AutoRemoveWhenOutOfScope => {
                p.automatic_request_settings
                    .get_or_insert_default()
                    .remove_access_when_target_leaves_allowed_targets = value
            }
            Self::ReviewEnabled => {
                let review = review_settings(p);
                review.is_enabled = value;
                if on && review.schedule.as_option().is_none() {
                    review.schedule = Nullable::Value(default_review_schedule());
                }
            }
            Self::ReviewSelf => review_settings(p).is_self_review = value,
            Self::ReviewRecommendations => review_settings(p).is_recommendation_enabled = value,
            Self::ReviewerJustification => {
                review_settings(p).is_reviewer_justification_required = value
            }
            Self::NotificationsOff => {
                p.notification_settings
                    .get_or_insert_default()
                    .is_assignment_notification_disabled = value
            }
            Self::QuestionRequired(i) => match question_mut(p, i) {
                Some(AccessPackageQuestion::TextInput(q)) => q.is_required = value,
                Some(AccessPackageQuestion::MultipleChoice(q)) => q.is_required = value,
                _ => {}
            },
            Self::QuestionEditable(i) => match question_mut(p, i) {
                Some(AccessPackageQuestion::TextInput(q)) => q.is_answer_editable = value,
                Some(AccessPackageQuestion::MultipleChoice(q)) => q.is_answer_editable = value,
                _ => {}
            },
            Self::QuestionMultipleSelection(i) => {
                if let Some(AccessPackageQuestion::MultipleChoice(q)) = question_mut(p, i) {
                    q.is_multiple_selection_allowed = value;
                }
            }
        }
    }
}

/// A review schedule like the Entra admin center's default: quarterly, no end, 14 days to
/// decide. The start is the UI's (today).
fn default_review_schedule() -> EntitlementManagementSchedule {
    EntitlementManagementSchedule {
        expiration: Nullable::Value(ExpirationPattern::after_duration(
            policy_model::GraphDuration::days(14),
        )),
        recurrence: Nullable::Value(PatternedRecurrence {
            pattern: Nullable::Value(RecurrencePattern {
                kind: Nullable::Value(RecurrencePatternType::AbsoluteMonthly),
                interval: Nullable::Value(3),
                month: Nullable::Value(0),
                day_of_month: Nullable::Value(0),
                days_of_week: Nullable::Value(Vec::new()),
                ..Default::default()
            }),
            range: Nullable::Value(RecurrenceRange {
                kind: Nullable::Value(RecurrenceRangeType::NoEnd),
                number_of_occurrences: Nullable::Value(0),
                ..Default::default()
            }),
            ..Default::default()
        }),
        ..Default::default()
    }
}

impl Text {
    pub fn path(self) -> String {
        match self {
            Self::DisplayName => "displayName".into(),
            Self::Description => "description".into(),
            Self::MembershipRule => "specificAllowedTargets".into(),
            Self::ExpirationAmount => "expiration.duration".into(),
            Self::ExpirationEnd => "expiration.endDateTime".into(),
            Self::GracePeriodDays => {
                "automaticRequestSettings.gracePeriodBeforeAccessRemoval".into()
            }
            Self::StageDenialDays(i) => {
                format!("requestApprovalSettings.stages[{i}].durationBeforeAutomaticDenial")
            }
            Self::StageEscalationDays(i) => {
                format!("requestApprovalSettings.stages[{i}].durationBeforeEscalation")
            }
            Self::ReviewStart => "reviewSettings.schedule.startDateTime".into(),
            Self::ReviewDurationDays => "reviewSettings.schedule.expiration".into(),
            Self::QuestionText(i) => format!("questions[{i}].text"),
            Self::QuestionRegex(i) => format!("questions[{i}].regexPattern"),
            Self::QuestionChoices(i) => format!("questions[{i}].choices"),
            Self::QuestionLocalizations(i) => format!("questions[{i}].localizations"),
        }
    }

    pub fn label(self, draft: &PolicyDraft) -> &'static str {
        match self {
            Self::DisplayName => "Name",
            Self::Description => "Description",
            Self::MembershipRule => "Membership rule (for example user.department -eq \"Sales\")",
            Self::ExpirationAmount => {
                if ExpirationChoice::of(&draft.policy.expiration) == ExpirationChoice::AfterHours {
                    "Hours"
                } else {
                    "Days"
                }
            }
            Self::ExpirationEnd => "Ends on (UTC, e.g. 2026-12-31T23:59:59Z)",
            Self::GracePeriodDays => "Days before access is removed",
            Self::StageDenialDays(_) => "Denied automatically after (days)",
            Self::StageEscalationDays(_) => "Forward after (days)",
            Self::ReviewStart => "Starts (UTC, e.g. 2026-01-01T00:00:00Z)",
            Self::ReviewDurationDays => "Reviewers have (days)",
            Self::QuestionText(_) => "Question",
            Self::QuestionRegex(_) => "Answers must match (regular expression, optional)",
            Self::QuestionChoices(_) => {
                "Answers, one per line: value | text | translations (fr: Oui; de: Ja); or just the text"
            }
            Self::QuestionLocalizations(_) => "Translations, one per line (language code: text)",
        }
    }

    /// True for text boxes of several lines.
    pub fn multiline(self) -> bool {
        matches!(
            self,
            Self::Description | Self::QuestionChoices(_) | Self::QuestionLocalizations(_)
        )
    }

    pub fn get(self, draft: &PolicyDraft) -> String {
        let p = &draft.policy;
        let text = |member: Option<&Nullable<String>>| {
            member
                .and_then(|m| m.as_deref())
                .unwrap_or_default()
                .to_owned()
        };
        match self {
            Self::DisplayName => text(Some(&p.display_name)),
            Self::Description => text(Some(&p.description)),
            Self::MembershipRule => draft.membership_rule(),
            Self::ExpirationAmount => p
                .expiration
                .as_option()
                .map(|e| duration_field_text(&e.duration))
                .unwrap_or_default(),
            Self::ExpirationEnd => text(p.expiration.as_option().map(|e| &e.end_date_time)),
            Self::GracePeriodDays => p
                .automatic_request_settings
                .as_option()
                .map(|a| duration_field_text(&a.grace_period_before_access_removal))
                .unwrap_or_default(),
            Self::StageDenialDays(i) => stage(p, i)
                .map(|s| duration_field_text(&s.duration_before_automatic_denial))
                .unwrap_or_default(),
            Self::StageEscalationDays(i) => stage(p, i)
                .map(|s| duration_field_text(&s.duration_before_escalation))
                .unwrap_or_default(),
            Self::ReviewStart => text(
                review(p)
                    .and_then(|r| r.schedule.as_option())
                    .map(|s| &s.start_date_time),
            ),
            Self::ReviewDurationDays => review(p)
                .and_then(|r| r.schedule.as_option())
                .and_then(|s| s.expiration.as_option())
                .map(|e| duration_field_text(&e.duration))
                .unwrap_or_default(),
            Self::QuestionText(i) => match question(p, i) {
                Some(q) => q.text().as_deref().unwrap_or_default().to_owned(),
                None => String::new(),
            },
            Self::QuestionRegex(i) => match question(p, i) {
                Some(AccessPackageQuestion::TextInput(q)) => text(Some(&q.regex_pattern)),
                _ => String::new(),
            },
            Self::QuestionChoices(i) => match question(p, i) {
                Some(AccessPackageQuestion::MultipleChoice(q)) => q
                    .choices
                    .items()
                    .iter()
                    .map(choice_line)
                    .collect::<Vec<_>>()
                    .join("\n"),
                _ => String::new(),
            },
            Self::QuestionLocalizations(i) => question(p, i)
                .map(|q| {
                    q.localizations()
                        .iter()
                        .map(localized_text_line)
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .unwrap_or_default(),
        }
    }

    pub fn set(self, draft: &mut PolicyDraft, value: &str) {
        match self {
            Self::DisplayName => draft.set_display_name(value),
            Self::Description => draft.set_description(value),
            Self::MembershipRule => draft.set_membership_rule(value),
            Self::ExpirationAmount => {
                let hours =
                    ExpirationChoice::of(&draft.policy.expiration) == ExpirationChoice::AfterHours;
                draft.policy.expiration.get_or_insert_default().duration =
                    duration_from_field(value, hours);
            }
            Self::ExpirationEnd => {
                draft
                    .policy
                    .expiration
                    .get_or_insert_default()
                    .end_date_time = text_member(value)
            }
            Self::GracePeriodDays => {
                draft
                    .policy
                    .automatic_request_settings
                    .get_or_insert_default()
                    .grace_period_before_access_removal = duration_from_field(value, false)
            }
            Self::StageDenialDays(i) => {
                if let Some(stage) = draft.stage_mut(i) {
                    stage.duration_before_automatic_denial = duration_from_field(value, false);
                }
            }
            Self::StageEscalationDays(i) => {
                if let Some(stage) = draft.stage_mut(i) {
                    stage.duration_before_escalation = duration_from_field(value, false);
                }
            }
            Self::ReviewStart => {
                review_settings(&mut draft.policy)
                    .schedule
                    .get_or_insert_default()
                    .start_date_time = text_member(value)
            }
            Self::ReviewDurationDays => {
                let schedule = review_settings(&mut draft.policy)
                    .schedule
                    .get_or_insert_default();
                let expiration = schedule.expiration.get_or_insert_default();
                expiration.kind =
                    Nullable::Value(policy_model::ExpirationPatternType::AfterDuration);
                expiration.duration = duration_from_field(value, false);
            }
            Self::QuestionText(i) => match question_mut(&mut draft.policy, i) {
                Some(AccessPackageQuestion::TextInput(q)) => q.text = text_member(value),
                Some(AccessPackageQuestion::MultipleChoice(q)) => q.text = text_member(value),
                _ => {}
            },
            Self::QuestionRegex(i) => {
                if let Some(AccessPackageQuestion::TextInput(q)) =
                    question_mut(&mut draft.policy, i)
                {
                    q.regex_pattern = text_member(value);
                }
            }
            Self::QuestionChoices(i) => {
                if let Some(AccessPackageQuestion::MultipleChoice(q)) =
                    question_mut(&mut draft.policy, i)
                {
                    let old = q.choices.as_option().cloned().unwrap_or_default();
                    let choices = value
                        .lines()
                        .map(str::trim)
                        .filter(|line| !line.is_empty())
                        .enumerate()
                        .map(|(n, line)| {
                            let mut parts = line.splitn(3, '|').map(str::trim);
                            let actual = parts.next().unwrap_or_default();
                            let shown = parts.next().unwrap_or(actual);
                            // Members this form does not show stay as they were.
                            let mut choice = old.get(n).cloned().unwrap_or_default();
                            choice.actual_value = Nullable::Value(actual.to_owned());
                            choice.text = Nullable::Value(shown.to_owned());
                            choice.localizations = match parts.next() {
                                Some(translations) => Nullable::Value(
                                    split_translations(translations)
                                        .into_iter()
                                        .map(localized_text)
                                        .collect(),
                                ),
                                // Graph's own bodies carry `localizations: []`; keep whichever
                                // of empty or absent the answer had.
                                None if choice.localizations.items().is_empty() => {
                                    choice.localizations
                                }
                                None => Nullable::Value(Vec::new()),
                            };
                            choice
                        })
                        .collect();
                    q.choices = Nullable::Value(choices);
                }
            }
            Self::QuestionLocalizations(i) => {
                let localizations: Vec<AccessPackageLocalizedText> = value
                    .lines()
                    .map(str::trim)
                    .filter(|line| !line.is_empty())
                    .map(localized_text)
                    .collect();
                match question_mut(&mut draft.policy, i) {
                    Some(AccessPackageQuestion::TextInput(q)) => {
                        q.localizations = Nullable::Value(localizations)
                    }
                    Some(AccessPackageQuestion::MultipleChoice(q)) => {
                        q.localizations = Nullable::Value(localizations)
                    }
                    _ => {}
                }
            }
        }
    }
}

/// An answer as its line: `value`, `value | text`, or `value | text | fr: Oui; de: Ja`.
fn choice_line(choice: &AccessPackageAnswerChoice) -> String {
    let value = choice.actual_value.as_deref().unwrap_or_default();
    let shown = choice.text.as_deref().unwrap_or_default();
    let translations = choice.localizations.items();
    if !translations.is_empty() {
        let translations = translations
            .iter()
            .map(localized_text_line)
            .collect::<Vec<_>>()
            .join("; ");
        format!("{value} | {shown} | {translations}")
    } else if value == shown {
        shown.to_owned()
    } else {
        format!("{value} | {shown}")
    }
}

/// `fr-CA: texte` → a localized text (the code is checked by validation, at its field).
/// `fr: Oui; de: Ja` into `["fr: Oui", "de: Ja"]`. A `;` separates translations only where a
/// language code and `:` follow it, so a translation may itself contain `;`
/// (`fr: Oui; bien sûr; de: Ja` is two translations).
fn split_translations(text: &str) -> Vec<&str> {
    let starts_translation = |rest: &str| {
        rest.split_once(':').is_some_and(|(code, _)| {
            let code = code.trim();
            !code.is_empty()
                && code.len() <= 20
                && code.starts_with(|c: char| c.is_ascii_alphabetic())
                && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
    };
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(';') {
        if starts_translation(&text[at + 1..]) {
            parts.push(&text[start..at]);
            start = at + 1;
        }
    }
    parts.push(&text[start..]);
    parts
        .into_iter()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect()
}

fn localized_text(line: &str) -> AccessPackageLocalizedText {
    let (code, text) = line.split_once(':').unwrap_or((line, ""));
    AccessPackageLocalizedText {
        language_code: Nullable::Value(code.trim().to_owned()),
        text: Nullable::Value(text.trim().to_owned()),
        ..Default::default()
    }
}

fn localized_text_line(text: &AccessPackageLocalizedText) -> String {
    format!(
        "{}: {}",
        text.language_code.as_deref().unwrap_or_default(),
        text.text.as_deref().unwrap_or_default()
    )
}

fn text_member(text: &str) -> Nullable<String> {
    if text.is_empty() {
        Nullable::Absent
    } else {
        Nullable::Value(text.to_owned())
    }
}

/// Review recurrences the admin center offers, as (key, label, pattern type, interval).
const RECURRENCES: &[(&str, &str, RecurrencePatternType, i32)] = &[
    ("weekly", "Weekly", RecurrencePatternType::Weekly, 1),
    (
        "monthly",
        "Monthly",
        RecurrencePatternType::AbsoluteMonthly,
        1,
    ),
    (
        "quarterly",
        "Quarterly",
        RecurrencePatternType::AbsoluteMonthly,
        3,
    ),
    (
        "semiAnnually",
        "Semi-annually",
        RecurrencePatternType::AbsoluteMonthly,
        6,
    ),
    (
        "annually",
        "Annually",
        RecurrencePatternType::AbsoluteMonthly,
        12,
    ),
];

impl Choice {
    pub fn path(self) -> String {
        match self {
            Self::WhoCanRequest => "allowedTargetScope".into(),
            Self::Expiration => "expiration.type".into(),
            Self::ReviewRecurrence => "reviewSettings.schedule.recurrence".into(),
            Self::ReviewExpirationBehavior => "reviewSettings.expirationBehavior".into(),
            Self::StageVisibility(i) => {
                format!("requestApprovalSettings.stages[{i}].approverInformationVisibility")
            }
            Self::QuestionKind(i) => format!("questions[{i}]"),
            Self::ExtensionStage(i) => format!("customExtensionStageSettings[{i}].stage"),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::WhoCanRequest => "Who can request access",
            Self::Expiration => "Access expires",
            Self::ReviewRecurrence => "How often",
            Self::ReviewExpirationBehavior => "If reviewers don't respond",
            Self::StageVisibility(_) => "Approver information shown to requestors",
            Self::QuestionKind(_) => "Answer format",
            Self::ExtensionStage(_) => "Runs when",
        }
    }

    /// (key, label) of every option; the current value is always among them.
    pub fn options(self, draft: &PolicyDraft) -> Vec<(String, String)> {
        let owned = |pairs: &mut dyn Iterator<Item = (&str, &str)>| -> Vec<(String, String)> {
            pairs.map(|(k, l)| (k.to_owned(), l.to_owned())).collect()
        };
        let mut options = match self {
            Self::WhoCanRequest => WhoCanRequest::CHOICES
                .iter()
                .map(|c| (c.key().to_owned(), c.label().to_owned()))
                .collect(),
            Self::Expiration => owned(
                &mut ExpirationChoice::CHOICES
                    .iter()
                    .map(|c| (c.key(), c.label())),
            ),
            Self::ReviewRecurrence => owned(&mut RECURRENCES.iter().map(|(k, l, _, _)| (*k, *l))),
            Self::ReviewExpirationBehavior => owned(
                &mut [
                    ("keepAccess", "Keep access"),
                    ("removeAccess", "Remove access"),
                    ("acceptAccessRecommendation", "Take the recommendations"),
                ]
                .into_iter(),
            ),
            Self::StageVisibility(_) => owned(
                &mut [
                    ("default", "Default"),
                    ("visible", "Visible"),
                    ("notVisible", "Not visible"),
                ]
                .into_iter(),
            ),
            Self::QuestionKind(_) => owned(
                &mut [
                    ("short", "Short text"),
                    ("long", "Long text"),
                    ("multipleChoice", "Multiple choice"),
                ]
                .into_iter(),
            ),
            Self::ExtensionStage(_) => AccessPackageCustomExtensionStage::KNOWN
                .iter()
                .filter(|s| **s != AccessPackageCustomExtensionStage::UnknownFutureValue)
                .map(|s| {
                    (
                        s.as_str().to_owned(),
                        policy_model::detail::summary::extension_stage_words(s),
                    )
                })
                .collect(),
        };
        let current = self.get(draft);
        if current.is_empty() {
            options.insert(0, (String::new(), "Choose…".to_owned()));
        } else if !options.iter().any(|(key, _)| *key == current) {
            options.push((current.clone(), format!("{current} (as imported)")));
        }
        options
    }

    pub fn get(self, draft: &PolicyDraft) -> String {
        let p = &draft.policy;
        match self {
            Self::WhoCanRequest => draft.who_can_request().key().to_owned(),
            Self::Expiration => ExpirationChoice::of(&p.expiration).key().to_owned(),
            Self::ReviewRecurrence => {
                let pattern = review(p)
                    .and_then(|r| r.schedule.as_option())
                    .and_then(|s| s.recurrence.as_option())
                    .and_then(|r| r.pattern.as_option());
                let Some(pattern) = pattern else {
                    return String::new();
                };
                let kind = pattern.kind.as_option();
                let interval = pattern.interval.as_option().copied().unwrap_or(1);
                RECURRENCES
                    .iter()
                    .find(|(_, _, k, i)| Some(k) == kind && *i == interval)
                    .map(|(key, ..)| (*key).to_owned())
                    .unwrap_or_else(|| {
                        format!("{}/{interval}", kind.map(|k| k.as_str()).unwrap_or("none"))
                    })
            }
            Self::ReviewExpirationBehavior => review(p)
                .and_then(|r| r.expiration_behavior.as_option())
                .map(|b| b.as_str().to_owned())
                .unwrap_or_default(),
            Self::StageVisibility(i) => stage(p, i)
                .and_then(|s| s.approver_information_visibility.as_option())
                .map(|v| v.as_str().to_owned())
                .unwrap_or_default(),
            Self::QuestionKind(i) => match question(p, i) {
                Some(AccessPackageQuestion::TextInput(q)) => {
                    if q.is_single_line_question.as_option() == Some(&false) {
                        "long".into()
                    } else {
                        "short".into()
                    }
                }
                Some(AccessPackageQuestion::MultipleChoice(_)) => "multipleChoice".into(),
                Some(AccessPackageQuestion::Unknown(raw)) => raw
                    .get("@odata.type")
                    .and_then(|t| t.as_str())
                    .unwrap_or("unknown")
                    .to_owned(),
                None => String::new(),
            },
            Self::ExtensionStage(i) => p
                .custom_extension_stage_settings
                .items()
                .get(i)
                .and_then(|s| s.stage.as_option())
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default(),
        }
    }

    pub fn set(self, draft: &mut PolicyDraft, key: &str) {
        match self {
            Self::WhoCanRequest => draft.set_who_can_request(WhoCanRequest::from_key(key)),
            Self::Expiration => ExpirationChoice::from_key(key).apply(&mut draft.policy.expiration),
            Self::ReviewRecurrence => {
                let Some((_, _, kind, interval)) = RECURRENCES.iter().find(|(k, ..)| *k == key)
                else {
                    return;
                };
                let pattern = review_settings(&mut draft.policy)
                    .schedule
                    .get_or_insert_default()
                    .recurrence
                    .get_or_insert_default()
                    .pattern
                    .get_or_insert_default();
                pattern.kind = Nullable::Value(kind.clone());
                pattern.interval = Nullable::Value(*interval);
            }
            Self::ReviewExpirationBehavior => {
                review_settings(&mut draft.policy).expiration_behavior =
                    Nullable::Value(AccessReviewExpirationBehavior::from_wire(key))
            }
            Self::StageVisibility(i) => {
                if let Some(stage) = draft.stage_mut(i) {
                    stage.approver_information_visibility = if key.is_empty() {
                        Nullable::Absent
                    } else {
                        Nullable::Value(ApproverInformationVisibility::from_wire(key))
                    };
                }
            }
            Self::QuestionKind(i) => {
                if let Some(question) = question_mut(&mut draft.policy, i) {
                    convert_question(question, key);
                }
            }
            Self::ExtensionStage(i) => {
                if let Some(setting) = draft
                    .policy
                    .custom_extension_stage_settings
                    .as_option_mut()
                    .and_then(|s| s.get_mut(i))
                {
                    setting.stage =
                        Nullable::Value(AccessPackageCustomExtensionStage::from_wire(key));
                }
            }
        }
    }
}

/// Changes a question's format, keeping what both formats share.
fn convert_question(question: &mut AccessPackageQuestion, key: &str) {
    match (key, &mut *question) {
        ("short" | "long", AccessPackageQuestion::TextInput(q)) => {
            q.is_single_line_question = Nullable::Value(key == "short");
        }
        ("short" | "long", AccessPackageQuestion::MultipleChoice(q)) => {
            *question = AccessPackageQuestion::TextInput(AccessPackageTextInputQuestion {
                id: q.id.clone(),
                is_answer_editable: q.is_answer_editable.clone(),
                is_required: q.is_required.clone(),
                localizations: q.localizations.clone(),
                sequence: q.sequence.clone(),
                text: q.text.clone(),
                is_single_line_question: Nullable::Value(key == "short"),
                ..Default::default()
            });
        }
        ("multipleChoice", AccessPackageQuestion::TextInput(q)) => {
            *question =
                AccessPackageQuestion::MultipleChoice(AccessPackageMultipleChoiceQuestion {
                    id: q.id.clone(),
                    is_answer_editable: q.is_answer_editable.clone(),
                    is_required: q.is_required.clone(),
                    localizations: q.localizations.clone(),
                    sequence: q.sequence.clone(),
                    text: q.text.clone(),
                    choices: Nullable::Value(Vec::new()),
                    is_multiple_selection_allowed: Nullable::Value(false),
                    ..Default::default()
                });
        }
        _ => {}
    }
}

impl PolicyDraft {
    /// Adds a short-text question at the end (numbered in sequence).
    pub fn add_question(&mut self) {
        let questions = self.policy.questions.get_or_insert_default();
        let sequence = questions.len() as i32 + 1;
        questions.push(AccessPackageQuestion::TextInput(
            AccessPackageTextInputQuestion {
                sequence: Nullable::Value(sequence),
                is_required: Nullable::Value(true),
                is_answer_editable: Nullable::Value(true),
                is_single_line_question: Nullable::Value(true),
                localizations: Nullable::Value(Vec::new()),
                ..Default::default()
            },
        ));
    }

    /// Removes question `index`.
    pub fn remove_question(&mut self, index: usize) {
        if let Some(questions) = self.policy.questions.as_option_mut() {
            if index < questions.len() {
                questions.remove(index);
            }
        }
    }

    /// Adds a custom extension stage (the extension is picked next).
    pub fn add_custom_extension(&mut self) {
        self.policy
            .custom_extension_stage_settings
            .get_or_insert_default()
            .push(CustomExtensionStageSetting {
                stage: Nullable::Value(AccessPackageCustomExtensionStage::AssignmentRequestGranted),
                ..Default::default()
            });
    }

    /// Removes custom extension stage `index`.
    pub fn remove_custom_extension(&mut self, index: usize) {
        if let Some(settings) = self.policy.custom_extension_stage_settings.as_option_mut() {
            if index < settings.len() {
                settings.remove(index);
            }
        }
    }

    /// Sets the extension run at stage `index` (by its `@odata.type` and id).
    pub fn set_custom_extension(
        &mut self,
        index: usize,
        odata_type: Option<&str>,
        id: &str,
        label: Option<super::Label>,
    ) {
        let Some(setting) = self
            .policy
            .custom_extension_stage_settings
            .as_option_mut()
            .and_then(|s| s.get_mut(index))
        else {
            return;
        };
        let mut reference = serde_json::json!({ "id": id });
        if let Some(kind) = odata_type {
            reference["@odata.type"] = kind.into();
        }
        if let Ok(extension) = policy_model::CustomCalloutExtension::from_value(reference) {
            setting.custom_extension = Nullable::Value(extension);
        }
        if let Some(label) = label {
            self.labels.insert(id.to_owned(), label);
        }
    }

    /// Fills what the form needs but Graph does not default: a review start (now) once reviews
    /// are on. `now` is an ISO 8601 UTC date-time from the browser.
    pub fn fill_defaults(&mut self, now: &str) {
        if let Some(review) = self.policy.review_settings.as_option_mut() {
            if review.is_enabled.as_option() == Some(&true) {
                if let Some(schedule) = review.schedule.as_option_mut() {
                    if schedule.start_date_time.is_absent() {
                        schedule.start_date_time = Nullable::Value(now.to_owned());
                    }
                }
            }
        }
    }
}
