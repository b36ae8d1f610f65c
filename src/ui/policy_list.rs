//! Every assignment policy in the tenant: named, searchable, sortable, loaded page by page with
//! visible progress, and virtualized so 5,000 rows scroll like 50.

use std::rc::Rc;

use leptos::{prelude::*, task::spawn_local};

use super::{
    error_panel::ErrorPanel,
    list_toolbar::ListToolbar,
    list_url::{use_list_view, ScrollMemory},
    virtual_rows::{visible_window, ROW_HEIGHT_PX},
};
use crate::{
    graph::{list_all_policies, GraphClientError, ListSource, RetryWait},
    listing::{ListView, PolicyRow, SortColumn},
    session::use_session,
};

#[derive(Debug, Clone)]
enum Progress {
    Loading,
    Done(ListSource),
    Failed(GraphClientError),
}

#[component]
pub fn PolicyListPage() -> impl IntoView {
    let session = use_session();
    let rows = RwSignal::new(Vec::<PolicyRow>::new());
    let progress = RwSignal::new(Progress::Loading);
    let waiting = RwSignal::new(None::<RetryWait>);
    let view_state = use_list_view();

    let client = session.graph_client(Rc::new(move |wait| waiting.set(wait)));
    spawn_local(async move {
        let result = list_all_policies(&client, |page, _more| {
            rows.update(|all| {
                let start = all.len();
                all.extend(
                    page.iter()
                        .enumerate()
                        .map(|(i, p)| PolicyRow::from_policy(start + i, p)),
                );
            });
        })
        .await;
        progress.set(match result {
            Ok(source) => Progress::Done(source),
            Err(e) => Progress::Failed(e),
        });
    });

    // Which rows to show, in order: recomputed when rows arrive or the view changes, not on scroll.
    let shown = Memo::new(move |_| rows.with(|all| view_state.with(|v| v.apply(all))));
    let loading = move || matches!(progress.get(), Progress::Loading);

    let count_text = move || {
        let total = rows.with(Vec::len);
        match progress.get() {
            // "0 policies" above an error would read as an empty tenant.
            Progress::Failed(_) if total == 0 => return String::new(),
            // Neither may a partial count read as the whole tenant.
            Progress::Failed(_) => {
                return format!("{total} loaded before the error below: the list is incomplete")
            }
            Progress::Loading if total == 0 => return String::new(),
            _ => {}
        }
        let showing = shown.with(Vec::len);
        let noun = if total == 1 { "policy" } else { "policies" };
        let base = if view_state.with(ListView::is_filtered) {
            format!("{showing} of {total} {noun}")
        } else {
            format!("{total} {noun}")
        };
        if loading() {
            format!("{base} loaded, more coming…")
        } else {
            base
        }
    };

    view! {
        <main class="page policies">
            <header class="page-head">
                <h1>"Assignment policies"</h1>
                <p class="count" data-testid="policy-count" aria-live="polite">{count_text}</p>
                <span class="spacer"></span>
                // With an access package filter on, the new policy starts on that package.
                <a class="button primary" data-testid="new-policy" href=move || new_policy_href(view_state.with(|v| v.package.clone()))>
                    {move || if view_state.with(|v| v.package.is_some()) { "New policy for this access package" } else { "New policy" }}
                </a>
            </header>
            {move || waiting.get().map(|w| view! { <RetryNotice wait=w/> })}
            {move || match progress.get() {
                Progress::Loading => view! {
                    <p class="loading" data-testid="loading" role="status">
                        <span class="spinner" aria-hidden="true"></span>
                        "Loading policies from Microsoft Graph…"
                    </p>
                }
                .into_any(),
                Progress::Failed(error) => view! { <ErrorPanel error=error/> }.into_any(),
                Progress::Done(ListSource::PerAccessPackage) => view! {
                    <p class="notice" role="status" data-testid="role-notice">
                        "Your role cannot list policies tenant-wide, so these are the policies of the access packages "
                        "you manage (catalog owner or access package manager)."
                    </p>
                }
                .into_any(),
                Progress::Done(_) if rows.with(Vec::is_empty) => view! {
                    <p class="empty" data-testid="empty">
                        "This tenant has no access package assignment policies yet, or none you are allowed to read."
                    </p>
                }
                .into_any(),
                Progress::Done(_) => ().into_any(),
            }}
            <Show when=move || rows.with(|r| !r.is_empty())>
                <ListToolbar rows=rows view=view_state/>
                <PolicyTable rows=rows shown=shown view=view_state loading=Signal::derive(loading)/>
            </Show>
        </main>
    }
}

/// The table itself: sortable headers and only the rows in (or near) the viewport.
#[component]
fn PolicyTable(
    rows: RwSignal<Vec<PolicyRow>>,
    shown: Memo<Vec<usize>>,
    view: RwSignal<ListView>,
    loading: Signal<bool>,
) -> impl IntoView {
    let scroll_top = RwSignal::new(0_u32);
    let viewport_height = RwSignal::new(600_u32);
    let scroller = NodeRef::<leptos::html::Div>::new();

    // Put the scroll position back after a reload, once enough rows are there to scroll to.
    Effect::new(move |restored: Option<bool>| {
        if restored == Some(true) {
            return true;
        }
        let (Some(el), Some(saved)) = (scroller.get(), ScrollMemory::saved(&view.get_untracked()))
        else {
            return false;
        };
        let needed = saved as usize + el.client_height().max(0) as usize;
        if shown.with(Vec::len) * ROW_HEIGHT_PX as usize >= needed || !loading.get() {
            el.set_scroll_top(saved as i32);
            scroll_top.set(saved);
            return true;
        }
        false
    });

    // A new search or filter keeps the table where it is; remember that position for the new view
    // too, so a reload right after the change comes back to it.
    Effect::new(move |first_run_done: Option<()>| {
        let current = view.get();
        // Not on mount: the table is still at the top then, and the saved position is restored above.
        if first_run_done.is_some() {
            if let Some(el) = scroller.get_untracked() {
                ScrollMemory::save(&current, el.scroll_top().max(0) as u32);
            }
        }
    });

    let on_scroll = move |_| {
        if let Some(el) = scroller.get() {
            let top = el.scroll_top().max(0) as u32;
            scroll_top.set(top);
            viewport_height.set(el.client_height().max(0) as u32);
            ScrollMemory::save(&view.get_untracked(), top);
        }
    };

    let window = Memo::new(move |_| {
        visible_window(
            shown.with(Vec::len),
            scroll_top.get(),
            viewport_height.get(),
        )
    });
    let visible_rows = move || {
        let w = window.get();
        shown.with(|order| {
            rows.with(|all| {
                order[w.first..w.last]
                    .iter()
                    .enumerate()
                    // aria-rowindex: the header is row 1, so the first shown row is 2.
                    .map(|(offset, &i)| (w.first + offset + 2, all[i].clone()))
                    .collect::<Vec<_>>()
            })
        })
    };

    let header = move |column: SortColumn| {
        let sort_state = move || {
            view.with(|v| match (v.sort == column, v.descending) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            })
        };
        let on_click = move |_| {
            view.update(|v| {
                v.descending = v.sort == column && !v.descending;
                v.sort = column;
            });
        };
        view! {
            <th scope="col" aria-sort=sort_state data-col=column.slug()>
                <button class="sort" on:click=on_click>
                    {column.label()}
                    <span class="sort-mark" aria-hidden="true">
                        {move || match sort_state() { "ascending" => "▲", "descending" => "▼", _ => "" }}
                    </span>
                </button>
            </th>
        }
    };

    view! {
        <div
            class="table-scroller"
            node_ref=scroller
            on:scroll=on_scroll
            tabindex="0"
            role="region"
            aria-label="Assignment policies"
        >
            <table class="policy-table" data-testid="policy-table" aria-rowcount=move || shown.with(Vec::len) + 1>
                <thead>
                    <tr>{SortColumn::ALL.into_iter().map(header).collect_view()}</tr>
                </thead>
                <tbody>
                    <tr class="spacer" aria-hidden="true" style:height=move || format!("{}px", window.get().space_before)></tr>
                    <For each=visible_rows key=|(index, row)| (*index, row.key.clone()) let:item>
                        <PolicyRowView row=item.1 row_index=item.0/>
                    </For>
                    <tr class="spacer" aria-hidden="true" style:height=move || format!("{}px", window.get().space_after)></tr>
                </tbody>
            </table>
            <Show when=move || shown.with(Vec::is_empty) && !rows.with(Vec::is_empty)>
                <p class="empty" data-testid="no-matches">"No policy matches these filters."</p>
            </Show>
        </div>
    }
}

#[component]
fn PolicyRowView(row: PolicyRow, row_index: usize) -> impl IntoView {
    let review = if row.review { "On" } else { "Off" };
    // "New policy" from the access package's row, as in the Entra admin center.
    let new_policy_action = (!row.package_id.is_empty()).then(|| {
        let label = format!("New policy for {}", row.package);
        view! {
            // The "+" comes from CSS, so the cell's text stays the package name alone.
            <a class="row-action" href=new_policy_href(Some(row.package_id.clone())) title=label.clone() aria-label=label></a>
        }
    });
    view! {
        <tr data-testid="policy-row" data-policy-id=row.key.clone() aria-rowindex=row_index>
            <td data-col="name" title=row.description.clone()>
                <a href=format!("policies/{}", js_sys::encode_uri_component(&row.key)) data-testid="policy-link">
                    {row.name}
                </a>
            </td>
            <td data-col="package" title=row.package.clone()>
                // Before the name: a right float after text that does not wrap drops to a line
                // of its own, below the 40 px row.
                {new_policy_action}
                {row.package.clone()}
            </td>
            <td data-col="catalog">{row.catalog}</td>
            <td data-col="who" title=row.who.clone()>{row.who.clone()}</td>
            <td data-col="approval">{row.approval}</td>
            <td data-col="expiration">{row.expiration}</td>
            <td data-col="review">{review}</td>
            <td data-col="created">{short_date(&row.created)}</td>
            <td data-col="modified">{short_date(&row.modified)}</td>
        </tr>
    }
}

fn new_policy_href(access_package_id: Option<String>) -> String {
    match access_package_id {
        Some(id) => format!(
            "policies/new?accessPackageId={}",
            String::from(js_sys::encode_uri_component(&id))
        ),
        None => "policies/new".to_owned(),
    }
}

/// `2026-01-05T10:00:00Z` → `2026-01-05`: the day is what an admin scans for.
fn short_date(iso: &str) -> String {
    iso.get(..10).unwrap_or(iso).to_owned()
}

/// Graph asked us to slow down (or is briefly unavailable); say so rather than look stuck.
#[component]
fn RetryNotice(wait: RetryWait) -> impl IntoView {
    let reason = match wait.status {
        429 => "Microsoft Graph is throttling requests".to_owned(),
        503 => "Microsoft Graph is briefly unavailable".to_owned(),
        0 => "The connection to Microsoft Graph dropped".to_owned(),
        s => format!("Microsoft Graph answered {s}"),
    };
    view! {
        <p class="notice" role="status" data-testid="retry-notice">
            {format!("{reason}; trying again in {} s (attempt {}). Nothing is lost.", wait.seconds, wait.attempt + 1)}
        </p>
    }
}
