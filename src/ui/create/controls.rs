//! The create form's few generic controls: one text box, one check box, one drop-down (each
//! driven by a field value from `create::fields`), one search box that every picker uses, and
//! one subject picker for every list of people. Each shows the validation messages at its path.

use std::time::Duration;

use leptos::{prelude::*, task::spawn_local};
use policy_model::detail::{subject_kind_label, subject_phrase};

use super::Form;
use crate::{
    create::{
        manager_levels, Choice, Flag, Label, SearchHit, SearchKind, SubjectKind, SubjectList, Text,
    },
    graph::create::search_directory,
};

/// The findings at `path` (and below it, unless `exact`).
#[component]
pub fn Issues(path: String, #[prop(optional)] exact: bool) -> impl IntoView {
    let form = Form::get();
    let path_attr = path.clone();
    let items = move || {
        form.report.with(|report| {
            report
                .issues
                .iter()
                .filter(|issue| {
                    issue.path == path
                        || (!exact
                            && issue
                                .path
                                .strip_prefix(path.as_str())
                                .is_some_and(|rest| rest.starts_with(['.', '['])))
                })
                .map(|issue| {
                    let error = issue.severity == policy_model::validate::Severity::Error;
                    // The rule's stable name, so tests can tell which rule spoke.
                    (error, format!("{:?}", issue.rule), issue.message.clone())
                })
                .collect::<Vec<_>>()
        })
    };
    let id = issues_id(&path_attr);
    view! {
        <ul class="field-issues" id=id data-testid="field-issues" data-path=path_attr>
            {move || {
                items()
                    .into_iter()
                    .map(|(error, rule, message)| {
                        view! {
                            <li class=if error { "issue error" } else { "issue warning" } data-rule=rule>
                                {if error { "Error: " } else { "Warning: " }}
                                {message}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

/// The id of a field's findings list, for `aria-describedby`.
fn issues_id(path: &str) -> String {
    format!("issues-{path}")
}

fn has_error_at(form: Form, path: &str) -> bool {
    form.report
        .with(|report| report.errors().any(|issue| issue.path == path))
}

/// A text box for one field.
#[component]
pub fn TextField(field: Text) -> impl IntoView {
    let form = Form::get();
    let path = field.path();
    let id = format!("field-{path}");
    let invalid = {
        let path = path.clone();
        move || has_error_at(form, &path).then_some("true")
    };
    // What the admin typed, and what the draft read back right after. A field that normalises
    // (blank lines, spaces around `|` and `:`) would otherwise rewrite the box on every key and
    // swallow a new line or a space just typed; the typed text stays on screen for as long as
    // the draft still holds what it made, and gives way when something else (a template, an
    // import, another field) changes this value.
    let typed = StoredValue::new(None::<(String, String)>);
    let value = move || {
        let current = form.draft.with(|draft| field.get(draft));
        typed.with_value(|typed| match typed {
            Some((text, read_back)) if *read_back == current => text.clone(),
            _ => current,
        })
    };
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        form.edit(move |draft| {
            field.set(draft, &text);
            // Recorded before the box is redrawn from the draft.
            typed.set_value(Some((text, field.get(draft))));
        });
    };
    let control = if field.multiline() {
        view! {
            <textarea id=id.clone() data-field=path.clone() rows="3" prop:value=value on:input=on_input
                aria-describedby=issues_id(&path)
                aria-invalid=invalid></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" data-field=path.clone() prop:value=value on:input=on_input
                aria-describedby=issues_id(&path)
                aria-invalid=invalid autocomplete="off"/>
        }
        .into_any()
    };
    view! {
        <div class="cf-field">
            <label for=id>{move || form.draft.with(|draft| field.label(draft))}</label>
            {control}
            <Issues path=path/>
        </div>
    }
}

/// A check box for one field.
#[component]
pub fn CheckField(flag: Flag) -> impl IntoView {
    let form = Form::get();
    let path = flag.path();
    view! {
        <div class="cf-check">
            <label>
                <input type="checkbox" data-field=path.clone() aria-describedby=issues_id(&path)
                    prop:checked=move || form.draft.with(|draft| flag.get(draft))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        form.edit(move |draft| flag.set(draft, on));
                    }/>
                {flag.label()}
            </label>
            <Issues path=path exact=true/>
        </div>
    }
}

/// A drop-down for one field.
#[component]
pub fn ChoiceField(choice: Choice) -> impl IntoView {
    let form = Form::get();
    let path = choice.path();
    let id = format!("field-{path}");
    let options = Memo::new(move |_| form.draft.with(|draft| choice.options(draft)));
    let current = move || form.draft.with(|draft| choice.get(draft));
    view! {
        <div class="cf-field">
            <label for=id.clone()>{choice.label()}</label>
            <select id=id data-field=path.clone() aria-describedby=issues_id(&path)
                on:change=move |ev| {
                    let key = event_target_value(&ev);
                    form.edit(move |draft| choice.set(draft, &key));
                }>
                {move || {
                    let selected = current();
                    options
                        .get()
                        .into_iter()
                        .map(|(key, label)| {
                            let is_selected = key == selected;
                            view! { <option value=key selected=is_selected>{label}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <Issues path=path exact=true/>
        </div>
    }
}

/// A search box over Graph (debounced); picking a row calls `on_pick`. With `list_on_focus`,
/// focusing the empty box lists the first rows (access packages, a catalog's extensions).
#[component]
pub fn SearchBox(
    #[prop(into)] kind: Signal<Option<SearchKind>>,
    #[prop(into)] label: Signal<String>,
    testid: &'static str,
    on_pick: Callback<SearchHit>,
    #[prop(optional)] list_on_focus: bool,
) -> impl IntoView {
    let form = Form::get();
    let text = RwSignal::new(String::new());
    let hits = RwSignal::new(Vec::<SearchHit>::new());
    let status = RwSignal::new(String::new());
    let generation = StoredValue::new(0u32);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let search = move |value: String, delay: u64| {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        let current = generation.get_value() + 1;
        generation.set_value(current);
        let Some(kind) = kind.get_untracked() else {
            status.set("Choose the access package first.".into());
            return;
        };
        let handle = set_timeout_with_handle(
            move || {
                status.set("Searching…".into());
                let client = form.client();
                spawn_local(async move {
                    let result = search_directory(&client, &kind, &value).await;
                    if generation.get_value() != current {
                        return;
                    }
                    match result {
                        Ok(found) => {
                            status.set(if found.is_empty() && !value.trim().is_empty() {
                                "No matches.".into()
                            } else {
                                String::new()
                            });
                            hits.set(found);
                        }
                        Err(e) => {
                            status.set(e.to_string());
                            hits.set(Vec::new());
                        }
                    }
                });
            },
            Duration::from_millis(delay),
        )
        .ok();
        timer.set_value(handle);
    };
    let id = format!("search-{}", generation_id());
    view! {
        <div class="picker-search">
            <label for=id.clone()>{move || label.get()}</label>
            <input id=id type="search" data-testid=testid autocomplete="off"
                prop:value=move || text.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    text.set(value.clone());
                    search(value, 300);
                }
                on:focus=move |_| {
                    if list_on_focus && text.get_untracked().is_empty() && hits.with_untracked(Vec::is_empty) {
                        search(String::new(), 0);
                    }
                }/>
            <p class="picker-status" role="status">{move || status.get()}</p>
            <ul class="picker-results">
                {move || {
                    hits.get()
                        .into_iter()
                        .map(|hit| {
                            let picked = hit.clone();
                            view! {
                                <li>
                                    <button type="button" class="picker-option" data-testid="pick-option"
                                        data-id=hit.id.clone()
                                        on:click=move |_| {
                                            on_pick.run(picked.clone());
                                            hits.set(Vec::new());
                                            text.set(String::new());
                                            status.set(String::new());
                                        }>
                                        <span>{hit.name.clone()}</span>
                                        <small>{hit.detail.clone().unwrap_or_default()}</small>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// A unique suffix for ids on the page.
fn generation_id() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Which manager decides or may request: level 1 is the direct manager, 2 the manager's
/// manager, and so on up to what Graph accepts for this kind.
fn manager_level_select(
    list: SubjectList,
    index: usize,
    levels: std::ops::RangeInclusive<i32>,
    current: i32,
    kind: &str,
) -> impl IntoView {
    let form = Form::get();
    let label = format!("Level of the {}", kind.to_lowercase());
    let options = levels
        .map(|level| {
            let text = match level {
                1 => "Direct manager".to_owned(),
                2 => "Second level".to_owned(),
                3 => "Third level".to_owned(),
                4 => "Fourth level".to_owned(),
                n => format!("Level {n}"),
            };
            view! { <option value=level.to_string() selected=level == current>{text}</option> }
        })
        .collect_view();
    view! {
        <select class="chip-level" data-testid="manager-level" aria-label=label
            on:change=move |ev| {
                if let Ok(level) = event_target_value(&ev).parse::<i32>() {
                    form.edit(move |draft| list.set_manager_level(&mut draft.policy, index, level));
                }
            }>
            {options}
        </select>
    }
}

fn search_kind_of(kind: SubjectKind) -> Option<SearchKind> {
    match kind {
        SubjectKind::User => Some(SearchKind::User),
        SubjectKind::Group => Some(SearchKind::Group),
        SubjectKind::ServicePrincipal => Some(SearchKind::ServicePrincipal),
        SubjectKind::ConnectedOrganization => Some(SearchKind::ConnectedOrganization),
        _ => None,
    }
}

/// Every list of people in the policy: what is in it (by name), and adding one of the kinds
/// Graph accepts there.
#[component]
pub fn SubjectPicker(list: SubjectList, label: &'static str) -> impl IntoView {
    let form = Form::get();
    let path = list.path();
    let kinds = Memo::new(move |_| list.kinds(&form.who.get()));
    let chosen = RwSignal::new(None::<SubjectKind>);
    let current = Memo::new(move |_| {
        let kinds = kinds.get();
        chosen
            .get()
            .filter(|kind| kinds.contains(kind))
            .or_else(|| kinds.first().copied())
    });
    let search_kind = Signal::derive(move || current.get().and_then(search_kind_of));
    let chips = move || {
        form.draft.with(|draft| {
            list.items(&draft.policy)
                .iter()
                .enumerate()
                .map(|(index, subject)| {
                    let lookup = |id: &str| draft.label(id).map(|label| label.name.clone());
                    let phrase = subject_phrase(subject, &lookup);
                    let detail = crate::create::subject_id(subject)
                        .and_then(|id| draft.label(id))
                        .and_then(|label| label.detail.clone());
                    let kind = subject_kind_label(subject);
                    let remove_label = format!("Remove {phrase}");
                    let level = manager_levels(subject).map(|(levels, current)| {
                        manager_level_select(list, index, levels, current, kind)
                    });
                    view! {
                        <li class="chip" data-testid="chip">
                            <span class="chip-name">{phrase}</span>
                            <small>{detail.unwrap_or_else(|| kind.to_owned())}</small>
                            {level}
                            <button type="button" class="link" aria-label=remove_label
                                on:click=move |_| form.edit(move |draft| draft.remove_subject(list, index))>
                                "×"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let kind_id = format!("kind-{}", generation_id());
    let list_attr = path.clone();
    view! {
        <fieldset class="picker" data-testid="picker" data-list=list_attr>
            <legend>{label}</legend>
            <ul class="chips">{chips}</ul>
            <div class="picker-add">
                <label for=kind_id.clone()>"Add"</label>
                <select id=kind_id data-testid="picker-kind"
                    on:change=move |ev| {
                        let key = event_target_value(&ev);
                        chosen.set(kinds.get_untracked().into_iter().find(|kind| kind.label() == key));
                    }>
                    {move || {
                        let selected = current.get();
                        kinds
                            .get()
                            .into_iter()
                            .map(|kind| {
                                view! {
                                    <option value=kind.label() selected=Some(kind) == selected>
                                        {kind.label()}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
                {move || match current.get() {
                    Some(kind) if kind.is_searched() => {
                        let pick = Callback::new(move |hit: SearchHit| {
                            let label = Label { name: hit.name, detail: hit.detail };
                            let id = hit.id;
                            form.edit(move |draft| draft.add_subject(list, kind.subject(&id), Some(label)));
                        });
                        view! {
                            <SearchBox kind=search_kind label=format!("Search for a {}", kind.label().to_lowercase())
                                testid="picker-search" on_pick=pick/>
                        }
                        .into_any()
                    }
                    Some(kind) => view! {
                        <button type="button" data-testid="picker-add"
                            on:click=move |_| form.edit(move |draft| draft.add_subject(list, kind.subject(""), None))>
                            {format!("Add {}", kind.label().to_lowercase())}
                        </button>
                    }
                    .into_any(),
                    None => ().into_any(),
                }}
            </div>
            <Issues path=path/>
        </fieldset>
    }
}
