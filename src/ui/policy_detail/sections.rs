//! The structured sections of the detail page, one per part of the policy.

use leptos::prelude::*;
use policy_model::{
    describe,
    detail::summary::{duration_words, extension_name, extension_stage_words, question_text},
    AccessPackageApprovalStage, AccessPackageAssignmentPolicy, AccessPackageQuestion,
    AccessReviewExpirationBehavior, CustomCalloutExtension, CustomExtensionEndpointConfiguration,
    GraphDuration, Nullable, RecurrencePatternType,
};

use super::names::{Names, PrincipalList};

fn yes_no(value: &Nullable<bool>) -> &'static str {
    match value.as_option() {
        Some(true) => "Yes",
        Some(false) => "No",
        None => "Not set",
    }
}

fn duration(value: &Nullable<GraphDuration>) -> String {
    value
        .as_option()
        .map_or_else(|| "Not set".to_owned(), duration_words)
}

/// An ISO 8601 date-time as "2025-10-06 14:00 UTC".
pub fn date_time(text: &str) -> String {
    let trimmed = text.trim_end_matches('Z');
    let (date, time) = trimmed.split_once('T').unwrap_or((trimmed, ""));
    let time = time.get(..5).unwrap_or(time);
    let zone = if text.ends_with('Z') { " UTC" } else { "" };
    if time.is_empty() {
        date.to_owned()
    } else {
        format!("{date} {time}{zone}")
    }
}

/// One `<dt>`/`<dd>` pair.
#[component]
fn Row(label: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="detail-row">
            <dt>{label}</dt>
            <dd>{children()}</dd>
        </div>
    }
}

#[component]
pub fn WhoCanRequest(policy: AccessPackageAssignmentPolicy, names: Signal<Names>) -> impl IntoView {
    let targets = policy.specific_allowed_targets().to_vec();
    let requestor = policy
        .requestor_settings
        .as_option()
        .cloned()
        .unwrap_or_default();
    let auto = policy.automatic_request_settings.as_option().cloned();
    view! {
        <section class="detail-section" aria-labelledby="detail-who">
            <h2 id="detail-who">"Who can request"</h2>
            <dl>
                <Row label="Scope">{describe::who_can_request(&policy)}</Row>
                {(!targets.is_empty()).then(|| view! {
                    <Row label="Allowed targets">
                        <PrincipalList subjects=targets names=names/>
                    </Row>
                })}
                {auto.map(|auto| view! {
                    <Row label="Assigned automatically">"Yes"</Row>
                    <Row label="Remove access when users no longer match">
                        {yes_no(&auto.remove_access_when_target_leaves_allowed_targets)}
                    </Row>
                    <Row label="Grace period before removal">{duration(&auto.grace_period_before_access_removal)}</Row>
                })}
                <Row label="Users can request for themselves">{yes_no(&requestor.enable_targets_to_self_add_access)}</Row>
                <Row label="Users can extend their access">{yes_no(&requestor.enable_targets_to_self_update_access)}</Row>
                <Row label="Users can remove their access">{yes_no(&requestor.enable_targets_to_self_remove_access)}</Row>
                <Row label="Requests on behalf of others">{yes_no(&requestor.enable_on_behalf_requestors_to_add_access)}</Row>
                <Row label="On-behalf requestors">
                    <PrincipalList subjects=requestor.on_behalf_requestors.items().to_vec() names=names/>
                </Row>
            </dl>
        </section>
    }
}

#[component]
pub fn Approval(policy: AccessPackageAssignmentPolicy, names: Signal<Names>) -> impl IntoView {
    let settings = policy
        .request_approval_settings
        .as_option()
        .cloned()
        .unwrap_or_default();
    let stages = settings.stages.items().to_vec();
    view! {
        <section class="detail-section" aria-labelledby="detail-approval">
            <h2 id="detail-approval">"Approval"</h2>
            <dl>
                <Row label="Approval">{describe::approval(&policy)}</Row>
                <Row label="Approval needed to extend or change">{yes_no(&settings.is_approval_required_for_update)}</Row>
                <Row label="Requestor must give a reason">{yes_no(&settings.is_requestor_justification_required)}</Row>
            </dl>
            {stages
                .into_iter()
                .enumerate()
                .map(|(index, stage)| view! { <Stage number=index + 1 stage=stage names=names/> })
                .collect_view()}
        </section>
    }
}

#[component]
fn Stage(number: usize, stage: AccessPackageApprovalStage, names: Signal<Names>) -> impl IntoView {
    let heading_id = format!("detail-stage-{number}");
    let labelled_by = heading_id.clone();
    let escalation = stage.is_escalation_enabled.as_option() == Some(&true);
    view! {
        <section class="detail-stage" aria-labelledby=labelled_by data-testid="approval-stage">
            <h3 id=heading_id>{format!("Stage {number}")}{stage.is_dynamic().then_some(" (dynamic)")}</h3>
            <dl>
                <Row label="Approvers">
                    <PrincipalList subjects=stage.primary_approvers.items().to_vec() names=names/>
                </Row>
                <Row label="Fallback approvers">
                    <PrincipalList subjects=stage.fallback_primary_approvers.items().to_vec() names=names/>
                </Row>
                <Row label="Denied automatically after">{duration(&stage.duration_before_automatic_denial)}</Row>
                <Row label="Approver must give a reason">{yes_no(&stage.is_approver_justification_required)}</Row>
                <Row label="Escalation">{if escalation { "On" } else { "Off" }}</Row>
                {escalation.then(|| view! {
                    <Row label="Escalates after">{duration(&stage.duration_before_escalation)}</Row>
                    <Row label="Escalation approvers">
                        <PrincipalList subjects=stage.escalation_approvers.items().to_vec() names=names/>
                    </Row>
                    <Row label="Fallback escalation approvers">
                        <PrincipalList subjects=stage.fallback_escalation_approvers.items().to_vec() names=names/>
                    </Row>
                })}
            </dl>
        </section>
    }
}

#[component]
pub fn Lifecycle(policy: AccessPackageAssignmentPolicy) -> impl IntoView {
    let custom = policy
        .requestor_settings
        .as_option()
        .map(|r| yes_no(&r.allow_custom_assignment_schedule))
        .unwrap_or("Not set");
    view! {
        <section class="detail-section" aria-labelledby="detail-lifecycle">
            <h2 id="detail-lifecycle">"Lifecycle"</h2>
            <dl>
                <Row label="Access ends">{describe::expiration(&policy)}</Row>
                <Row label="Requestors may choose dates">{custom}</Row>
            </dl>
        </section>
    }
}

#[component]
pub fn AccessReview(policy: AccessPackageAssignmentPolicy, names: Signal<Names>) -> impl IntoView {
    let review = policy.review_settings.as_option().cloned();
    let enabled = review
        .as_ref()
        .is_some_and(|r| r.is_enabled.as_option() == Some(&true));
    let body = review.filter(|_| enabled).map(|review| {
        let schedule = review.schedule.as_option().cloned().unwrap_or_default();
        let pattern = schedule
            .recurrence
            .as_option()
            .and_then(|r| r.pattern.as_option())
            .cloned()
            .unwrap_or_default();
        let interval = pattern.interval.as_option().copied().unwrap_or(1).max(1);
        let how_often = match pattern.kind.as_option() {
            Some(RecurrencePatternType::Weekly) if interval == 1 => "Every week".to_owned(),
            Some(RecurrencePatternType::Weekly) => format!("Every {interval} weeks"),
            Some(RecurrencePatternType::AbsoluteMonthly) if interval == 1 => "Every month".to_owned(),
            Some(RecurrencePatternType::AbsoluteMonthly) => format!("Every {interval} months"),
            Some(other) => other.as_str().to_owned(),
            None => "Not set".to_owned(),
        };
        let open_for = schedule
            .expiration
            .as_option()
            .map(|e| duration(&e.duration))
            .unwrap_or_else(|| "Not set".to_owned());
        let starts = schedule
            .start_date_time
            .as_deref()
            .map(date_time)
            .unwrap_or_else(|| "Not set".to_owned());
        let no_answer = match review.expiration_behavior.as_option() {
            Some(AccessReviewExpirationBehavior::KeepAccess) => "Keep access".to_owned(),
            Some(AccessReviewExpirationBehavior::RemoveAccess) => "Remove access".to_owned(),
            Some(AccessReviewExpirationBehavior::AcceptAccessRecommendation) => {
                "Apply the recommendation".to_owned()
            }
            Some(other) => other.as_str().to_owned(),
            None => "Not set".to_owned(),
        };
        view! {
            <Row label="How often">{how_often}</Row>
            <Row label="First review">{starts}</Row>
            <Row label="Each review open for">{open_for}</Row>
            <Row label="Users review themselves">{yes_no(&review.is_self_review)}</Row>
            <Row label="Reviewers">
                <PrincipalList subjects=review.primary_reviewers.items().to_vec() names=names/>
            </Row>
            <Row label="Fallback reviewers">
                <PrincipalList subjects=review.fallback_reviewers.items().to_vec() names=names/>
            </Row>
            <Row label="If reviewers don't respond">{no_answer}</Row>
            <Row label="Show recommendations">{yes_no(&review.is_recommendation_enabled)}</Row>
            <Row label="Reviewer must give a reason">{yes_no(&review.is_reviewer_justification_required)}</Row>
        }
    });
    view! {
        <section class="detail-section" aria-labelledby="detail-review">
            <h2 id="detail-review">"Access review"</h2>
            <dl>
                <Row label="Access reviews">{if enabled { "On" } else { "Off" }}</Row>
                {body}
            </dl>
        </section>
    }
}

#[component]
pub fn Questions(policy: AccessPackageAssignmentPolicy) -> impl IntoView {
    let mut questions = policy.questions.items().to_vec();
    questions.sort_by_key(|q| match q {
        AccessPackageQuestion::TextInput(t) => t.sequence.as_option().copied().unwrap_or(i32::MAX),
        AccessPackageQuestion::MultipleChoice(m) => {
            m.sequence.as_option().copied().unwrap_or(i32::MAX)
        }
        AccessPackageQuestion::Unknown(_) => i32::MAX,
    });
    let body = if questions.is_empty() {
        view! { <p class="none">"Requestors are not asked any questions."</p> }.into_any()
    } else {
        view! {
            <ol class="questions">
                {questions.into_iter().map(|q| {
                    let text = question_text(&q);
                    let (kind, required, choices, pattern) = match &q {
                        AccessPackageQuestion::TextInput(t) => (
                            if t.is_single_line_question.as_option() == Some(&false) { "Text, several lines" } else { "Text" },
                            t.is_required.as_option() == Some(&true),
                            Vec::new(),
                            t.regex_pattern.as_deref().map(str::to_owned),
                        ),
                        AccessPackageQuestion::MultipleChoice(m) => (
                            if m.is_multiple_selection_allowed.as_option() == Some(&true) { "Choose one or more" } else { "Choose one" },
                            m.is_required.as_option() == Some(&true),
                            m.choices.items().iter().map(|c| c.text.as_deref().or(c.actual_value.as_deref()).unwrap_or("").to_owned()).collect(),
                            None,
                        ),
                        AccessPackageQuestion::Unknown(_) => ("Unrecognised kind", false, Vec::new(), None),
                    };
                    view! {
                        <li data-testid="question">
                            <span class="question-text">{text}</span>
                            " "
                            <span class="question-meta">
                                {kind}{if required { ", required" } else { ", optional" }}
                            </span>
                            {pattern.map(|p| view! { <div class="question-pattern">"Answer must match " <code>{p}</code></div> })}
                            {(!choices.is_empty()).then(|| view! {
                                <ul class="choices">{choices.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section class="detail-section" aria-labelledby="detail-questions">
            <h2 id="detail-questions">"Requestor questions"</h2>
            {body}
        </section>
    }
}

#[component]
pub fn CustomExtensions(policy: AccessPackageAssignmentPolicy) -> impl IntoView {
    let settings = policy.custom_extension_stage_settings.items().to_vec();
    let body = if settings.is_empty() {
        view! { <p class="none">"No custom extensions run for this policy."</p> }.into_any()
    } else {
        view! {
            <ul class="extensions">
                {settings.into_iter().map(|setting| {
                    let when = setting.stage.as_option().map(extension_stage_words).unwrap_or_else(|| "stage not set".to_owned());
                    let extension = setting.custom_extension.as_option().cloned();
                    let name = extension.as_ref().map(extension_name).unwrap_or_else(|| "A custom extension".to_owned());
                    let (description, endpoint) = extension.as_ref().map(extension_facts).unwrap_or_default();
                    view! {
                        <li data-testid="custom-extension">
                            <strong>{name}</strong>
                            " runs "
                            {when}
                            {description.map(|d| view! { <div class="extension-description">{d}</div> })}
                            {endpoint.map(|e| view! { <div class="extension-endpoint">"Endpoint: " <code>{e}</code></div> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="detail-section" aria-labelledby="detail-extensions">
            <h2 id="detail-extensions">"Custom extensions"</h2>
            {body}
        </section>
    }
}

/// Description and endpoint (Logic App name or URL) of an access package extension.
fn extension_facts(extension: &CustomCalloutExtension) -> (Option<String>, Option<String>) {
    match extension {
        CustomCalloutExtension::AccessPackageAssignmentRequestWorkflowExtension(e)
        | CustomCalloutExtension::AccessPackageAssignmentWorkflowExtension(e) => {
            let endpoint = e.endpoint_configuration.as_option().and_then(|c| match c {
                CustomExtensionEndpointConfiguration::LogicAppTriggerEndpointConfiguration(l) => l
                    .logic_app_workflow_name
                    .as_deref()
                    .map(|name| format!("Logic App {name}")),
                CustomExtensionEndpointConfiguration::HttpRequestEndpoint(h) => {
                    h.target_url.as_deref().map(str::to_owned)
                }
                CustomExtensionEndpointConfiguration::Unknown(_) => None,
            });
            (e.description.as_deref().map(str::to_owned), endpoint)
        }
        _ => (None, None),
    }
}

#[component]
pub fn Notifications(policy: AccessPackageAssignmentPolicy) -> impl IntoView {
    let disabled = policy
        .notification_settings
        .as_option()
        .and_then(|n| n.is_assignment_notification_disabled.as_option())
        == Some(&true);
    view! {
        <section class="detail-section" aria-labelledby="detail-notifications">
            <h2 id="detail-notifications">"Notifications"</h2>
            <dl>
                <Row label="Assignment notifications">{if disabled { "Off" } else { "On" }}</Row>
            </dl>
        </section>
    }
}

#[component]
pub fn About(policy: AccessPackageAssignmentPolicy) -> impl IntoView {
    let text = |value: Option<&str>| value.map_or_else(|| "Not set".to_owned(), str::to_owned);
    let when = |value: Option<&str>| value.map_or_else(|| "Not set".to_owned(), date_time);
    let created = when(policy.created_date_time());
    let modified = when(policy.modified_date_time());
    let id = text(policy.id());
    let package_id = text(policy.access_package_id());
    view! {
        <section class="detail-section" aria-labelledby="detail-about">
            <h2 id="detail-about">"Record"</h2>
            <dl>
                <Row label="Created">{created}</Row>
                <Row label="Modified">{modified}</Row>
                <Row label="Policy id"><code>{id}</code></Row>
                <Row label="Access package id"><code>{package_id}</code></Row>
            </dl>
        </section>
    }
}
