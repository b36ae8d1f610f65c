//! Every assignment policy in the tenant, named, loaded page by page with visible progress.

use std::rc::Rc;

use leptos::{prelude::*, task::spawn_local};
use policy_model::{describe::who_can_request, AccessPackageAssignmentPolicy};

use super::error_panel::ErrorPanel;
use crate::{
    graph::{list_all_policies, GraphClientError, RetryWait},
    session::use_session,
};

/// One row as shown: names, never bare ids where a name is known.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyRow {
    pub key: String,
    pub name: String,
    pub package: String,
    pub catalog: String,
    pub who: String,
}

impl PolicyRow {
    pub fn from_policy(index: usize, policy: &AccessPackageAssignmentPolicy) -> Self {
        PolicyRow {
            key: policy
                .id()
                .map(str::to_owned)
                .unwrap_or_else(|| format!("row-{index}")),
            name: policy.display_name().unwrap_or("(no name)").to_owned(),
            package: policy
                .access_package_name()
                .or(policy.access_package_id())
                .unwrap_or("(no access package)")
                .to_owned(),
            catalog: policy.catalog_name().unwrap_or_default().to_owned(),
            who: who_can_request(policy),
        }
    }
}

#[derive(Debug, Clone)]
enum Progress {
    Loading,
    Done,
    Failed(GraphClientError),
}

#[component]
pub fn PolicyListPage() -> impl IntoView {
    let session = use_session();
    let rows = RwSignal::new(Vec::<PolicyRow>::new());
    let progress = RwSignal::new(Progress::Loading);
    let waiting = RwSignal::new(None::<RetryWait>);

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
            Ok(()) => Progress::Done,
            Err(e) => Progress::Failed(e),
        });
    });

    let count_text = move || {
        let n = rows.with(Vec::len);
        let noun = if n == 1 { "policy" } else { "policies" };
        match progress.get() {
            Progress::Loading => format!("{n} {noun} loaded, more coming…"),
            _ => format!("{n} {noun}"),
        }
    };

    view! {
        <main class="page policies">
            <header class="page-head">
                <h1>"Assignment policies"</h1>
                <p class="count" data-testid="policy-count" aria-live="polite">{count_text}</p>
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
                Progress::Done if rows.with(Vec::is_empty) => view! {
                    <p class="empty" data-testid="empty">
                        "This tenant has no access package assignment policies yet, or none you are allowed to read."
                    </p>
                }
                .into_any(),
                Progress::Done => ().into_any(),
            }}
            <Show when=move || rows.with(|r| !r.is_empty())>
                <table class="policy-table" data-testid="policy-table">
                    <thead>
                        <tr>
                            <th scope="col">"Policy"</th>
                            <th scope="col">"Access package"</th>
                            <th scope="col">"Catalog"</th>
                            <th scope="col">"Who can request"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|row| row.key.clone() let:row>
                            <tr data-testid="policy-row" data-policy-id=row.key.clone()>
                                <td data-col="name">{row.name}</td>
                                <td data-col="package">{row.package}</td>
                                <td data-col="catalog">{row.catalog}</td>
                                <td data-col="who">{row.who}</td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </Show>
        </main>
    }
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
