//! One assignment policy (`/policies/:id`): a plain-language summary, every part of the policy
//! with approvers, reviewers and targets by name, and the JSON Graph returned.
//!
//! Two requests for a typical policy: the policy (package, catalog, questions and extensions
//! expanded) and one `getByIds` for every user, group and service principal it names; connected
//! organizations add one GET each. Names are cached for the page's life (`graph::directory`).

mod names;
mod raw_json;
mod sections;

use std::rc::Rc;

use leptos::{prelude::*, task::spawn_local};
use leptos_router::hooks::use_params_map;
use policy_model::detail::{referenced_principals, summarize};
use wasm_bindgen::JsValue;

pub use names::{Names, Principal};
use raw_json::RawJson;
use sections::{
    About, AccessReview, Approval, CustomExtensions, Lifecycle, Notifications, Questions,
    WhoCanRequest,
};

use super::{ErrorPanel, SignInPage};
use crate::{
    graph::{
        cached_names, get_policy_detail, resolve_principals, GraphClientError, PolicyDetail,
        ReadPost, RetryWait,
    },
    session::use_session,
};

#[derive(Debug, Clone)]
enum Load {
    Loading,
    NotFound,
    Failed(GraphClientError),
    Loaded(Box<PolicyDetail>),
}

/// The route: the policy once signed in (or in demo mode), the sign-in page otherwise.
#[component]
pub fn PolicyDetailPage() -> impl IntoView {
    let session = use_session();
    let account = session.account;
    let demo = session.is_demo();
    move || {
        if demo || account.with(Option::is_some) {
            view! { <PolicyDetailLoader/> }.into_any()
        } else {
            view! { <SignInPage/> }.into_any()
        }
    }
}

#[component]
fn PolicyDetailLoader() -> impl IntoView {
    let session = StoredValue::new_local(use_session());
    let params = use_params_map();
    let policy_id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let load = RwSignal::new(Load::Loading);
    let names = RwSignal::new(Names::default());
    let waiting = RwSignal::new(None::<RetryWait>);

    Effect::new(move |_| {
        let id = policy_id.get();
        load.set(Load::Loading);
        names.set(Names::default());
        let session = session.get_value();
        let on_wait = Rc::new(move |w| waiting.set(w));
        let client = session.graph_client(on_wait.clone());
        let post = ReadPost::new(session.token_source(), Some(on_wait));
        let still_current = {
            let id = id.clone();
            move || policy_id.get_untracked() == id
        };
        spawn_local(async move {
            let detail = match get_policy_detail(&client, &id).await {
                Ok(detail) => detail,
                Err(GraphClientError::Graph(e)) if e.status() == 404 => {
                    if still_current() {
                        load.set(Load::NotFound);
                    }
                    return;
                }
                Err(e) => {
                    if still_current() {
                        load.set(Load::Failed(e));
                    }
                    return;
                }
            };
            if !still_current() {
                return;
            }
            let principals = referenced_principals(&detail.policy);
            let mut known = Names::for_principals(&principals);
            known.known = cached_names(client.base_url(), &principals);
            known.loading = known.known.len() < principals.len();
            let needs_lookup = known.loading;
            names.set(known);
            load.set(Load::Loaded(Box::new(detail)));
            if needs_lookup {
                let resolved = resolve_principals(&client, &post, &principals).await;
                if still_current() {
                    names.update(|n| {
                        n.known.extend(resolved.names);
                        n.failure = resolved.failure;
                        n.loading = false;
                    });
                }
            }
        });
    });

    view! {
        <main class="page policy-detail" data-testid="detail-page">
            <BackLink/>
            {move || waiting.get().map(|w| view! {
                <p class="notice" role="status">
                    {format!("Microsoft Graph asked us to wait ({}); trying again in {} s…", w.status, w.seconds)}
                </p>
            })}
            {move || match load.get() {
                Load::Loading => view! {
                    <h1>"Policy"</h1>
                    <p class="loading" data-testid="loading" role="status">
                        <span class="spinner" aria-hidden="true"></span>
                        "Loading the policy from Microsoft Graph…"
                    </p>
                }
                .into_any(),
                Load::NotFound => view! {
                    <h1>"Policy not found"</h1>
                    <p data-testid="detail-not-found">
                        "There is no assignment policy with the id " <code>{policy_id.get_untracked()}</code>
                        ". It may have been deleted, or the link is incomplete."
                    </p>
                }
                .into_any(),
                Load::Failed(error) => view! {
                    <h1>"Policy"</h1>
                    <ErrorPanel error=error/>
                }
                .into_any(),
                Load::Loaded(detail) => view! { <PolicyDetailView detail=*detail names=names.into()/> }.into_any(),
            }}
        </main>
    }
}

/// The page body for a policy that has been read; `names` fills in as look-ups answer.
#[component]
pub fn PolicyDetailView(detail: PolicyDetail, names: Signal<Names>) -> impl IntoView {
    let policy = detail.policy;
    let title = policy
        .display_name()
        .unwrap_or("(unnamed policy)")
        .to_owned();
    let package = policy.access_package_name().map(str::to_owned);
    let catalog = policy.catalog_name().map(str::to_owned);
    let description = policy
        .description()
        .filter(|d| !d.trim().is_empty())
        .map(str::to_owned);
    let raw = raw_json::indented(&detail.raw_text);
    // Relative to the document base (the site root): the create page, wherever the site is deployed.
    let copy_href = policy.id().map(|id| {
        format!(
            "policies/new?from={}",
            js_sys::encode_uri_component(id)
                .as_string()
                .unwrap_or_default()
        )
    });
    let summary = {
        let policy = policy.clone();
        move || names.with(|n| summarize(&policy, &|id| n.lookup(id)))
    };
    let name_notice = move || {
        names.with(|n| {
            n.failure.as_ref().map(|e| {
                let why = match e {
                    GraphClientError::Graph(g) if g.status() == 403 => {
                        "the signed-in account may not read the directory (it needs Directory.Read.All in config.json's scopes)".to_owned()
                    }
                    other => other.to_string(),
                };
                format!("Some names could not be looked up, so their ids are shown: {why}.")
            })
        })
    };
    view! {
        <header class="page-head detail-head">
            <h1>{title}</h1>
            <p class="detail-context">
                "Access package " <strong data-testid="detail-package">{package.unwrap_or_else(|| "(not expanded)".to_owned())}</strong>
                {catalog.map(|c| view! { " in catalog " <strong data-testid="detail-catalog">{c}</strong> })}
            </p>
            {copy_href.map(|href| view! {
                <p class="detail-actions">
                    <a href=href rel="external" class="button" data-testid="copy-to-new">"Copy to a new policy"</a>
                </p>
            })}
        </header>
        {description.map(|d| view! { <p class="lead">{d}</p> })}
        <section class="detail-section detail-summary" aria-labelledby="detail-summary-heading">
            <h2 id="detail-summary-heading">"Summary"</h2>
            <div data-testid="detail-summary" aria-busy=move || names.with(|n| n.loading).to_string()>
                {move || summary().into_iter().map(|s| view! { <p>{s}</p> }).collect_view()}
            </div>
            {move || name_notice().map(|m| view! { <p class="notice" role="status" data-testid="names-notice">{m}</p> })}
        </section>
        <WhoCanRequest policy=policy.clone() names=names/>
        <Approval policy=policy.clone() names=names/>
        <Lifecycle policy=policy.clone()/>
        <AccessReview policy=policy.clone() names=names/>
        <Questions policy=policy.clone()/>
        <CustomExtensions policy=policy.clone()/>
        <Notifications policy=policy.clone()/>
        <About policy=policy/>
        <RawJson json=raw/>
    }
}

/// "Back to policies": back through the history when the list led here in this tab (the browser
/// then restores the list as it was left, at once, from its back/forward cache), else the list the
/// browser came from (its filters and sort are in its address), else the plain list.
#[component]
fn BackLink() -> impl IntoView {
    let from_list = referring_list();
    let came_from_list = from_list.is_some();
    let href = from_list.unwrap_or_else(|| "./".to_owned());
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
            return;
        };
        // One step back is the list only when this page has not moved to another policy since.
        if came_from_list && history.length().unwrap_or(0) > 1 && !moved_since_load() {
            ev.prevent_default();
            let _ = history.back();
        }
    };
    view! {
        <nav class="back" aria-label="Breadcrumb">
            <a href=href rel="external" data-testid="back-to-policies" on:click=on_click>"← Back to policies"</a>
        </nav>
    }
}

/// The list's address (with its query) when the browser arrived here from it.
fn referring_list() -> Option<String> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let referrer = document.referrer();
    let origin = window.location().origin().ok()?;
    let rest = referrer.strip_prefix(&origin)?;
    let base = crate::ui::site_base_path();
    let path = rest.split(['?', '#']).next().unwrap_or_default();
    (path == base || format!("{path}/") == base).then(|| rest.to_owned())
}

/// True when this page has moved (inside its own bundle) to another address since the browser
/// loaded it, so one step back is no longer where the browser came from.
fn moved_since_load() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let loaded = (|| -> Result<String, JsValue> {
        let performance = js_sys::Reflect::get(&window, &"performance".into())?;
        let by_type: js_sys::Function =
            js_sys::Reflect::get(&performance, &"getEntriesByType".into())?.into();
        let entries: js_sys::Array = by_type.call1(&performance, &"navigation".into())?.into();
        js_sys::Reflect::get(&entries.get(0), &"name".into())?
            .as_string()
            .ok_or(JsValue::NULL)
    })();
    let here = window.location().href().unwrap_or_default();
    matches!(loaded, Ok(first) if first != here)
}
