//! Search and filters above the policy list. Every control writes the shared `ListView`, which the
//! URL mirrors; the choices come from the rows loaded so far.
//!
//! All filters go through one `FilterSelect` component: Leptos generates render code per distinct
//! view type, so one shared shape keeps the wasm small.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::listing::{Audience, ListView, PolicyRow};

/// `(value, label)` pairs of a select; the empty value means "no filter".
type Choices = Vec<(String, String)>;

#[component]
pub fn ListToolbar(rows: RwSignal<Vec<PolicyRow>>, view: RwSignal<ListView>) -> impl IntoView {
    let catalogs = Signal::derive(move || {
        rows.with(|all| {
            let mut names: Vec<String> = all
                .iter()
                .map(|r| r.catalog.clone())
                .filter(|c| !c.is_empty())
                .collect();
            names.sort_by_key(|n| n.to_lowercase());
            names.dedup();
            with_any(
                "All catalogs",
                names.into_iter().map(|n| (n.clone(), n)).collect(),
            )
        })
    });
    let packages = Signal::derive(move || {
        rows.with(|all| {
            let by_id: BTreeMap<String, String> = all
                .iter()
                .filter(|r| !r.package_id.is_empty())
                .map(|r| (r.package_id.clone(), r.package.clone()))
                .collect();
            let mut list: Choices = by_id.into_iter().collect();
            list.sort_by_key(|(_, name)| name.to_lowercase());
            with_any("All access packages", list)
        })
    });
    let audiences = Signal::stored(with_any(
        "Anyone",
        Audience::ALL
            .into_iter()
            .map(|a| (a.slug().to_owned(), a.label().to_owned()))
            .collect(),
    ));
    let approval = Signal::stored(yes_no_choices("Required", "Not required"));
    let review = Signal::stored(yes_no_choices("On", "Off"));
    // "Clear filters" removes itself; focus goes to the search box rather than being lost.
    let search_box = NodeRef::<leptos::html::Input>::new();

    view! {
        <form class="toolbar" role="search" on:submit=|e| e.prevent_default()>
            <label class="field search">
                <span>"Search"</span>
                <input
                    node_ref=search_box
                    type="search"
                    data-testid="search"
                    placeholder="Name, description or access package"
                    prop:value=move || view.with(|v| v.search.clone())
                    on:input=move |e| {
                        let text = event_target_value(&e);
                        view.update(|v| v.search = text);
                    }
                />
            </label>
            <FilterSelect
                label="Catalog" test_id="filter-catalog" choices=catalogs
                value=Signal::derive(move || view.with(|v| v.catalog.clone().unwrap_or_default()))
                on_pick=Callback::new(move |s: String| view.update(|v| v.catalog = non_empty(s)))
            />
            <FilterSelect
                label="Access package" test_id="filter-package" choices=packages
                value=Signal::derive(move || view.with(|v| v.package.clone().unwrap_or_default()))
                on_pick=Callback::new(move |s: String| view.update(|v| v.package = non_empty(s)))
            />
            <FilterSelect
                label="Who can request" test_id="filter-who" choices=audiences
                value=Signal::derive(move || view.with(|v| v.audience.map(Audience::slug).unwrap_or_default().to_owned()))
                on_pick=Callback::new(move |s: String| view.update(|v| v.audience = Audience::from_slug(&s)))
            />
            <FilterSelect
                label="Approval" test_id="filter-approval" choices=approval
                value=Signal::derive(move || view.with(|v| yes_no_value(v.needs_approval)))
                on_pick=Callback::new(move |s: String| view.update(|v| v.needs_approval = parse_yes_no(&s)))
            />
            <FilterSelect
                label="Access review" test_id="filter-review" choices=review
                value=Signal::derive(move || view.with(|v| yes_no_value(v.has_review)))
                on_pick=Callback::new(move |s: String| view.update(|v| v.has_review = parse_yes_no(&s)))
            />
            <Show when=move || view.with(ListView::is_filtered)>
                <button
                    type="button"
                    class="link"
                    data-testid="clear-filters"
                    on:click=move |_| {
                        view.update(|v| {
                            *v = ListView { sort: v.sort, descending: v.descending, ..Default::default() }
                        });
                        if let Some(input) = search_box.get_untracked() {
                            let _ = input.focus();
                        }
                    }
                >
                    "Clear filters"
                </button>
            </Show>
        </form>
    }
}

#[component]
fn FilterSelect(
    label: &'static str,
    test_id: &'static str,
    choices: Signal<Choices>,
    value: Signal<String>,
    on_pick: Callback<String>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <select
                data-testid=test_id
                prop:value=move || value.get()
                on:change=move |e| on_pick.run(event_target_value(&e))
            >
                {move || {
                    let current = value.get();
                    choices
                        .get()
                        .into_iter()
                        .map(|(v, text)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

fn with_any(any_label: &str, mut choices: Choices) -> Choices {
    choices.insert(0, (String::new(), any_label.to_owned()));
    choices
}

fn yes_no_choices(yes: &str, no: &str) -> Choices {
    with_any(
        "Any",
        vec![("yes".into(), yes.into()), ("no".into(), no.into())],
    )
}

fn yes_no_value(b: Option<bool>) -> String {
    match b {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    }
    .to_owned()
}

fn parse_yes_no(s: &str) -> Option<bool> {
    match s {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

fn non_empty(s: String) -> Option<String> {
    Some(s).filter(|s| !s.is_empty())
}
