//! The form's sections, in the order the Entra admin center uses, written as data (`Item`s)
//! and drawn by one function: Leptos generates code per distinct view type, so a form of many
//! fields costs little more than one field. Structure (how many stages, questions, extensions;
//! which choice is made) is read through memos so typing never rebuilds the field typed in.

use leptos::prelude::*;

use super::{
    controls::{CheckField, ChoiceField, Issues, SearchBox, SubjectPicker, TextField},
    AccessPackagePicker, Form,
};
use crate::create::{
    Choice, ExpirationChoice, Flag, Label, PolicyDraft, SearchHit, SearchKind, StageList,
    SubjectList, Text, WhoCanRequest,
};

/// One piece of a section.
#[derive(Clone)]
enum Item {
    Text(Text),
    Flag(Flag),
    Choice(Choice),
    People(SubjectList, &'static str),
    /// The findings at a path (exactly there, or below it too).
    Issues(&'static str, bool),
    Heading(&'static str),
    /// A sentence of explanation.
    Note(&'static str),
    /// A sentence about the draft, shown while there is one to say.
    DraftNote(&'static str, fn(&PolicyDraft) -> Option<String>),
    Package,
    Extension(usize),
    /// A button that changes the draft; disabled while `disabled` holds.
    Button {
        label: String,
        testid: &'static str,
        class: &'static str,
        change: fn(&mut PolicyDraft, usize),
        index: usize,
        disabled: Option<Signal<bool>>,
    },
    /// Shown only while `when` holds.
    When(Signal<bool>, Vec<Item>),
    /// A fieldset.
    Group {
        legend: String,
        class: &'static str,
        testid: &'static str,
        items: Vec<Item>,
    },
    /// One group per index below `count`.
    Each(Memo<usize>, fn(usize) -> Item),
}

fn button(
    label: impl Into<String>,
    testid: &'static str,
    change: fn(&mut PolicyDraft, usize),
    index: usize,
) -> Item {
    Item::Button {
        label: label.into(),
        testid,
        class: "link",
        change,
        index,
        disabled: None,
    }
}

fn draw(items: Vec<Item>) -> AnyView {
    items.into_iter().map(draw_one).collect_view().into_any()
}

fn draw_one(item: Item) -> AnyView {
    match item {
        Item::Text(field) => view! { <TextField field=field/> }.into_any(),
        Item::Flag(flag) => view! { <CheckField flag=flag/> }.into_any(),
        Item::Choice(choice) => view! { <ChoiceField choice=choice/> }.into_any(),
        Item::People(list, label) => view! { <SubjectPicker list=list label=label/> }.into_any(),
        Item::Issues(path, exact) => {
            view! { <Issues path=path.to_owned() exact=exact/> }.into_any()
        }
        Item::Heading(text) => view! { <h3>{text}</h3> }.into_any(),
        Item::Note(text) => view! { <p class="hint" data-testid="note">{text}</p> }.into_any(),
        Item::DraftNote(testid, say) => {
            let form = Form::get();
            (move || {
                form.draft.with(say).map(
                    |text| view! { <p class="hint" data-testid=testid role="status">{text}</p> },
                )
            })
            .into_any()
        }
        Item::Package => view! { <AccessPackagePicker/> }.into_any(),
        Item::Extension(index) => view! { <ExtensionEditor index=index/> }.into_any(),
        Item::Button {
            label,
            testid,
            class,
            change,
            index,
            disabled,
        } => {
            let form = Form::get();
            let disabled = move || disabled.is_some_and(|d| d.get());
            view! {
                <button type="button" class=class data-testid=testid disabled=disabled
                    on:click=move |_| form.edit(|d| change(d, index))>
                    {label}
                </button>
            }
            .into_any()
        }
        Item::When(when, items) => {
            let items = StoredValue::new(items);
            (move || when.get().then(|| untrack(|| draw(items.get_value())))).into_any()
        }
        Item::Group {
            legend,
            class,
            testid,
            items,
        } => view! {
            <fieldset class=class data-testid=testid>
                <legend>{legend}</legend>
                {draw(items)}
            </fieldset>
        }
        .into_any(),
        Item::Each(count, group) => (move || {
            (0..count.get())
                .map(|index| draw_one(group(index)))
                .collect_view()
        })
        .into_any(),
    }
}

fn section(id: &'static str, title: &'static str, items: Vec<Item>) -> AnyView {
    view! {
        <section class="create-section" aria-labelledby=id>
            <h2 id=id>{title}</h2>
            {draw(items)}
        </section>
    }
    .into_any()
}

/// Every section of the form.
#[component]
pub fn Sections() -> impl IntoView {
    let form = Form::get();
    let who = form.who;
    let draft = form.draft;
    let takes_requests = Signal::derive(move || who.with(WhoCanRequest::takes_requests));
    let specific = Signal::derive(move || who.with(WhoCanRequest::has_specific_targets));
    let automatic = Signal::derive(move || who.get() == WhoCanRequest::AutomaticByRule);
    let stages = Memo::new(move |_| draft.with(|d| d.stages().len()));
    let questions = Memo::new(move |_| draft.with(|d| d.policy.questions.items().len()));
    let extensions =
        Memo::new(move |_| draft.with(|d| d.policy.custom_extension_stage_settings.items().len()));
    let expiration = Memo::new(move |_| draft.with(|d| ExpirationChoice::of(&d.policy.expiration)));
    let by_amount = Signal::derive(move || {
        matches!(
            expiration.get(),
            ExpirationChoice::AfterDays | ExpirationChoice::AfterHours
        )
    });
    let by_date = Signal::derive(move || expiration.get() == ExpirationChoice::OnDate);
    let reviews = Signal::from(Memo::new(move |_| {
        draft.with(|d| Flag::ReviewEnabled.get(d))
    }));
    let named_reviewers =
        Signal::from(Memo::new(move |_| !draft.with(|d| Flag::ReviewSelf.get(d))));
    let three_stages = Signal::derive(move || stages.get() >= 3);

    let mut add_stage = button(
        "Add approval stage",
        "add-stage",
        |d, _| {
            d.add_stage();
        },
        0,
    );
    if let Item::Button {
        class, disabled, ..
    } = &mut add_stage
    {
        *class = "";
        *disabled = Some(three_stages);
    }
    let mut add_question = button("Add question", "add-question", |d, _| d.add_question(), 0);
    let mut add_extension = button(
        "Add custom extension",
        "add-extension",
        |d, _| d.add_custom_extension(),
        0,
    );
    for item in [&mut add_question, &mut add_extension] {
        if let Item::Button { class, .. } = item {
            *class = "";
        }
    }

    let sections = vec![
        section(
            "sec-basics",
            "Basics",
            vec![
                Item::Text(Text::DisplayName),
                Item::Text(Text::Description),
                Item::Package,
            ],
        ),
        section(
            "sec-who",
            "Who can request",
            vec![
                Item::Choice(Choice::WhoCanRequest),
                Item::DraftNote("set-aside", PolicyDraft::set_aside_summary),
                Item::When(
                    specific,
                    vec![Item::People(SubjectList::AllowedTargets, "Who can request")],
                ),
                Item::When(
                    automatic,
                    vec![
                        Item::Text(Text::MembershipRule),
                        Item::Text(Text::GracePeriodDays),
                        Item::Flag(Flag::AutoRemoveWhenOutOfScope),
                        Item::Issues("automaticRequestSettings", false),
                    ],
                ),
            ],
        ),
    ];
    let requests = move || {
        takes_requests.get().then(|| {
            untrack(|| {
                vec![
                    section(
                        "sec-requests",
                        "Requests",
                        vec![
                            Item::Flag(Flag::SelfAdd),
                            Item::Flag(Flag::SelfUpdate),
                            Item::Flag(Flag::SelfRemove),
                            Item::Flag(Flag::CustomSchedule),
                            Item::Flag(Flag::OnBehalfAdd),
                            Item::Flag(Flag::OnBehalfUpdate),
                            Item::Flag(Flag::OnBehalfRemove),
                            Item::People(SubjectList::OnBehalfRequestors, "On-behalf requestors"),
                        ],
                    ),
                    section(
                        "sec-approval",
                        "Approval",
                        vec![
                            Item::Flag(Flag::ApprovalForAdd),
                            Item::Flag(Flag::ApprovalForUpdate),
                            Item::Flag(Flag::RequestorJustification),
                            Item::Issues("requestApprovalSettings.stages", true),
                            Item::Each(stages, stage_editor),
                            add_stage.clone(),
                        ],
                    ),
                    section(
                        "sec-questions",
                        "Requestor information",
                        vec![Item::Each(questions, question_editor), add_question.clone()],
                    ),
                ]
            })
        })
    };
    let later = vec![
        section(
            "sec-lifecycle",
            "Lifecycle",
            vec![
                Item::Choice(Choice::Expiration),
                Item::When(by_amount, vec![Item::Text(Text::ExpirationAmount)]),
                Item::When(by_date, vec![Item::Text(Text::ExpirationEnd)]),
                Item::Issues("expiration", false),
                Item::Heading("Access reviews"),
                Item::Flag(Flag::ReviewEnabled),
                Item::When(
                    reviews,
                    vec![
                        Item::Choice(Choice::ReviewRecurrence),
                        Item::Issues("reviewSettings.schedule.recurrence", false),
                        Item::Text(Text::ReviewStart),
                        Item::Text(Text::ReviewDurationDays),
                        Item::Flag(Flag::ReviewSelf),
                        Item::When(
                            named_reviewers,
                            vec![Item::People(SubjectList::PrimaryReviewers, "Reviewers")],
                        ),
                        Item::People(SubjectList::FallbackReviewers, "Fallback reviewers"),
                        Item::Choice(Choice::ReviewExpirationBehavior),
                        Item::Flag(Flag::ReviewRecommendations),
                        Item::Flag(Flag::ReviewerJustification),
                    ],
                ),
            ],
        ),
        section(
            "sec-extensions",
            "Custom extensions and notifications",
            vec![
                Item::Each(extensions, Item::Extension),
                add_extension,
                Item::Flag(Flag::NotificationsOff),
            ],
        ),
    ];
    view! { {sections} {requests} {later} }
}

fn stage_editor(index: usize) -> Item {
    let form = Form::get();
    let escalation = Signal::from(Memo::new(move |_| {
        form.draft.with(|d| Flag::StageEscalation(index).get(d))
    }));
    let dynamic = Signal::from(Memo::new(move |_| {
        form.draft.with(|d| {
            d.stages()
                .get(index)
                .is_some_and(|stage| stage.is_dynamic())
        })
    }));
    Item::Group {
        legend: format!("Stage {}", index + 1),
        class: "stage",
        testid: "stage",
        items: vec![
            // Graph v1.0 has the type but no documented way to set up the extension that decides
            // (that stage value is beta-only), so the form keeps such a stage and makes none.
            Item::When(
                dynamic,
                vec![Item::Note(
                    "A dynamic approval stage: a custom extension may decide its approvers when a request arrives. It is kept exactly as imported; stages added here are ordinary stages.",
                )],
            ),
            Item::People(SubjectList::Stage(index, StageList::Primary), "Approvers"),
            Item::People(
                SubjectList::Stage(index, StageList::FallbackPrimary),
                "Fallback approvers",
            ),
            Item::Text(Text::StageDenialDays(index)),
            Item::Flag(Flag::StageApproverJustification(index)),
            Item::Choice(Choice::StageVisibility(index)),
            Item::Flag(Flag::StageEscalation(index)),
            Item::When(
                escalation,
                vec![
                    Item::Text(Text::StageEscalationDays(index)),
                    Item::People(
                        SubjectList::Stage(index, StageList::Escalation),
                        "Alternate approvers",
                    ),
                    Item::People(
                        SubjectList::Stage(index, StageList::FallbackEscalation),
                        "Fallback alternate approvers",
                    ),
                ],
            ),
            button(
                format!("Remove stage {}", index + 1),
                "remove-stage",
                |d, i| d.remove_stage(i),
                index,
            ),
        ],
    }
}

fn question_editor(index: usize) -> Item {
    let form = Form::get();
    let kind = Memo::new(move |_| form.draft.with(|d| Choice::QuestionKind(index).get(d)));
    let text = Signal::derive(move || matches!(kind.get().as_str(), "short" | "long"));
    let multiple = Signal::derive(move || kind.get() == "multipleChoice");
    Item::Group {
        legend: format!("Question {}", index + 1),
        class: "question",
        testid: "question",
        items: vec![
            Item::Text(Text::QuestionText(index)),
            Item::Choice(Choice::QuestionKind(index)),
            Item::Flag(Flag::QuestionRequired(index)),
            Item::Flag(Flag::QuestionEditable(index)),
            Item::When(text, vec![Item::Text(Text::QuestionRegex(index))]),
            Item::When(
                multiple,
                vec![
                    Item::Text(Text::QuestionChoices(index)),
                    Item::Flag(Flag::QuestionMultipleSelection(index)),
                ],
            ),
            Item::Text(Text::QuestionLocalizations(index)),
            button(
                format!("Remove question {}", index + 1),
                "remove-question",
                |d, i| d.remove_question(i),
                index,
            ),
        ],
    }
}

#[component]
fn ExtensionEditor(index: usize) -> impl IntoView {
    let form = Form::get();
    let chosen = move || {
        form.draft.with(|d| {
            let id = d
                .policy
                .custom_extension_stage_settings
                .items()
                .get(index)
                .and_then(|s| s.custom_extension.as_option())
                .and_then(|e| e.id())
                .map(str::to_owned)?;
            Some(d.label(&id).map(|l| l.name.clone()).unwrap_or(id))
        })
    };
    let kind = Signal::derive(move || {
        let package = form
            .draft
            .with(|d| d.access_package_id().map(str::to_owned))?;
        form.catalog.with(|c| {
            c.as_ref()
                .filter(|(p, _)| *p == package)
                .map(|(_, catalog)| SearchKind::CustomExtension {
                    catalog_id: catalog.clone(),
                })
        })
    });
    let pick = Callback::new(move |hit: SearchHit| {
        let label = Label {
            name: hit.name,
            detail: hit.detail,
        };
        form.edit(move |d| {
            d.set_custom_extension(index, hit.odata_type.as_deref(), &hit.id, Some(label))
        });
    });
    view! {
        <fieldset class="extension" data-testid="extension">
            <legend>{format!("Custom extension {}", index + 1)}</legend>
            <ChoiceField choice=Choice::ExtensionStage(index)/>
            <p class="chosen">
                {move || chosen().unwrap_or_else(|| "No extension chosen yet.".to_owned())}
            </p>
            <SearchBox kind=kind label="Search the catalog's custom extensions".to_owned()
                testid="extension-search" on_pick=pick list_on_focus=true/>
            <Issues path=format!("customExtensionStageSettings[{index}].customExtension")/>
            <button type="button" class="link" on:click=move |_| form.edit(|d| d.remove_custom_extension(index))>
                {format!("Remove custom extension {}", index + 1)}
            </button>
        </fieldset>
    }
}
