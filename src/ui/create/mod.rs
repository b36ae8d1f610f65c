//! `/policies/new`: the create form. Every field edits one `PolicyDraft`; validation from
//! policy-model shows at each field and in a summary; the preview is the exact POST body; the
//! draft is kept in sessionStorage per tenant and account; "Create policy" sends exactly one POST
//! (see `create::SubmitState`) and opens the new policy.

mod controls;
mod sections;

use std::rc::Rc;

use leptos::{prelude::*, task::spawn_local};
use leptos_router::hooks::use_query_map;
use policy_model::{
    detail::referenced_principals,
    requests::{export_create_request, ExportFormat},
    validate::{validate, ValidationContext, ValidationReport},
};
use wasm_bindgen::{JsCast, JsValue};

use crate::ui::clipboard::write_clipboard;
use wasm_bindgen_futures::JsFuture;

use super::{ErrorPanel, SignInPage};
use crate::{
    create::{
        copy_policy, draft_storage_key, duplicates_of, import_policy, pending_storage_key,
        restore_draft, restore_pending, save_draft, save_pending, Attempt, Label, PolicyDraft,
        SubmitState, Template, WhoCanRequest,
    },
    graph::{
        create::{access_package_catalog, delete_policy, policies_named, post_policy},
        new_request_id, resolve_principals, GraphClient, GraphClientError, ReadPost, Resolution,
        TokenSource,
    },
    session::{use_session, Session},
};
use controls::{Issues, SearchBox};
use sections::Sections;

/// What every control of the form shares (all `Copy`).
#[derive(Clone, Copy)]
pub(crate) struct Form {
    pub draft: RwSignal<PolicyDraft>,
    pub report: Memo<ValidationReport>,
    pub who: Memo<WhoCanRequest>,
    /// The chosen access package and its catalog (for its custom extensions).
    pub catalog: RwSignal<Option<(String, String)>>,
    /// The created policy and the extra copies the browser committed, when it re-sent the POST.
    pub duplicates: RwSignal<Option<(String, Vec<String>)>>,
    /// The sessionStorage key of this tenant's and account's draft.
    pub draft_key: StoredValue<String>,
    session: StoredValue<Session, LocalStorage>,
}

impl Form {
    pub fn get() -> Form {
        expect_context::<Form>()
    }

    /// Changes the draft; what the form always needs filled is filled.
    pub fn edit(self, change: impl FnOnce(&mut PolicyDraft)) {
        let now = js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default();
        self.draft.update(|draft| {
            change(draft);
            draft.fill_defaults(&now);
        });
    }

    pub fn client(self) -> GraphClient {
        self.session.get_value().graph_client(Rc::new(|_| {}))
    }

    fn token(self) -> TokenSource {
        self.session.get_value().token_source()
    }
}

/// The route: the form once signed in (or in demo mode), the sign-in page otherwise.
#[component]
pub fn CreatePolicyPage() -> impl IntoView {
    let session = use_session();
    let account = session.account;
    let demo = session.is_demo();
    move || {
        if demo || account.with(Option::is_some) {
            view! { <CreateForm/> }.into_any()
        } else {
            view! { <SignInPage/> }.into_any()
        }
    }
}

/// Question patterns are checked by the browser's own `RegExp`, the dialect answers are
/// checked in (through `Reflect`, so a bad pattern is an error value, not an exception).
fn browser_regex(pattern: &str) -> Result<(), String> {
    let constructor = js_sys::Reflect::get(&js_sys::global(), &"RegExp".into())
        .ok()
        .and_then(|value| value.dyn_into::<js_sys::Function>().ok());
    let Some(constructor) = constructor else {
        return Ok(());
    };
    let args = js_sys::Array::of1(&JsValue::from_str(pattern));
    js_sys::Reflect::construct(&constructor, &args)
        .map(|_| ())
        .map_err(|error| {
            js_sys::Reflect::get(&error, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "invalid pattern".into())
        })
}

fn storage_key(session: &Session) -> String {
    match session.account.get_untracked() {
        Some(account) if !session.is_demo() => {
            draft_storage_key(&account.tenant_id, &account.home_account_id)
        }
        _ => draft_storage_key("demo", "sample"),
    }
}

#[component]
fn CreateForm() -> impl IntoView {
    let session = use_session();
    let key = StoredValue::new(storage_key(&session));
    let restored = super::tab_storage()
        .and_then(|s| s.get_item(&key.get_value()).ok().flatten())
        .and_then(|text| restore_draft(&text).ok());
    let was_restored = restored.is_some();
    let draft = RwSignal::new(restored.unwrap_or_default());
    let report = Memo::new(move |_| {
        let context = ValidationContext::new().with_pattern_checker(browser_regex);
        draft.with(|d| validate(&d.policy, &context))
    });
    let who = Memo::new(move |_| draft.with(PolicyDraft::who_can_request));
    let form = Form {
        draft,
        report,
        who,
        catalog: RwSignal::new(None),
        duplicates: RwSignal::new(None),
        draft_key: key,
        session: StoredValue::new_local(session),
    };
    provide_context(form);

    // `/policies/new?accessPackageId=…` (from an access package's row) starts on that package.
    let query = use_query_map();
    if let Some(id) = query.with_untracked(|q| q.get("accessPackageId")) {
        if draft.with_untracked(|d| d.access_package_id().is_none()) {
            form.edit(|d| d.set_access_package(&id, None));
        }
    }

    // `/policies/new?from={id}` ("Copy to a new policy" on a policy's page) starts from a copy.
    let copy = RwSignal::new(CopyState::None);
    if let Some(source) = query.with_untracked(|q| q.get("from")) {
        forget_from_in_address();
        copy.set(CopyState::Reading);
        spawn_local(start_from_copy(form, copy, source));
    }

    // Keep the draft for a reload or the sign-in redirect; an empty form keeps nothing.
    let submit = RwSignal::new(SubmitState::Idle);
    Effect::new(move |_| {
        let text = draft.with(|d| (!d.is_empty()).then(|| save_draft(d)));
        if submit.with_untracked(|s| s.created_id().is_some()) {
            return;
        }
        if let Some(storage) = super::tab_storage() {
            let _ = match text {
                Some(text) => storage.set_item(&key.get_value(), &text),
                None => storage.remove_item(&key.get_value()),
            };
        }
    });

    name_what_is_unnamed(form);
    find_the_catalog(form);

    let restored_notice = RwSignal::new(was_restored);
    let discard = move |_| {
        if let Some(storage) = super::tab_storage() {
            let _ = storage.remove_item(&key.get_value());
        }
        draft.set(PolicyDraft::default());
        reset_unless_in_flight(submit);
        restored_notice.set(false);
    };

    let navigate = open_page;
    // A POST that was in flight when the page went away is looked for before anything else.
    let pending = super::tab_storage()
        .and_then(|s| {
            s.get_item(&pending_storage_key(&key.get_value()))
                .ok()
                .flatten()
        })
        .and_then(|text| restore_pending(&text));
    if let Some(attempt) = pending {
        submit.set(SubmitState::resume(attempt.clone()));
        spawn_local(settle(form, submit, attempt, key.get_value(), navigate));
    }
    let create = move || start_create(form, submit, key.get_value(), navigate);

    view! {
        <main class="page create-policy" data-testid="create-page">
            <p class="back"><a href="./" rel="external">"← Back to policies"</a></p>
            <h1>"New assignment policy"</h1>
            <Show when=move || restored_notice.get()>
                <p class="notice" role="status" data-testid="draft-restored">
                    "Your unsaved draft was restored. "
                    <button type="button" class="link" on:click=discard data-testid="discard-draft-restored">
                        "Discard it and start over"
                    </button>
                </p>
            </Show>
            <CopyNotice copy=copy restored_notice=restored_notice/>
            <Tools submit=submit/>
            <Summary/>
            <div class="create-layout">
                <form class="create-form" on:submit=|ev| ev.prevent_default() novalidate>
                    <Sections/>
                </form>
                <aside class="create-side">
                    <SubmitPanel submit=submit create=create/>
                    <Preview/>
                    <p>
                        <button type="button" data-testid="discard-draft" on:click=discard>
                            "Discard draft"
                        </button>
                    </p>
                </aside>
            </div>
        </main>
    }
}

/// Where a copy of an existing policy stands.
#[derive(Clone)]
enum CopyState {
    None,
    Reading,
    /// The form holds the copy; the draft it replaced (if any) can be put back.
    Copied {
        original: String,
        replaced: Option<Box<PolicyDraft>>,
    },
    Failed(GraphClientError),
}

/// Reads the policy to copy (as its page does) and fills the form with the copy. A draft that was
/// in the form is not lost: the notice offers to put it back.
async fn start_from_copy(form: Form, copy: RwSignal<CopyState>, source: String) {
    let outcome = crate::graph::get_policy_detail(&form.client(), &source).await;
    let detail = match outcome {
        Ok(detail) => detail,
        Err(error) => {
            copy.set(CopyState::Failed(error));
            return;
        }
    };
    let original = detail
        .policy
        .display_name()
        .unwrap_or("(unnamed policy)")
        .to_owned();
    let copied = serde_json::from_str(&detail.raw_text)
        .map_err(|e| e.to_string())
        .and_then(|raw| copy_policy(raw).map_err(|e| e.to_string()));
    match copied {
        Ok(imported) => {
            let previous = form.draft.get_untracked();
            let replaced = (!previous.is_empty()).then(|| Box::new(previous));
            form.draft.set(imported.draft);
            copy.set(CopyState::Copied { original, replaced });
        }
        Err(error) => copy.set(CopyState::Failed(GraphClientError::Decode(error))),
    }
}

/// Drops `from` from the address, so a reload keeps the draft (edits included) instead of
/// copying the policy again.
fn forget_from_in_address() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(path) = window.location().pathname() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
}

#[component]
fn CopyNotice(copy: RwSignal<CopyState>, restored_notice: RwSignal<bool>) -> impl IntoView {
    let form = Form::get();
    // One notice at a time: the copy's says what became of a restored draft.
    Effect::new(move |_| {
        if matches!(copy.get(), CopyState::Copied { .. }) {
            restored_notice.set(false);
        }
    });
    let put_back = move |_| {
        let replaced = copy.with_untracked(|c| match c {
            CopyState::Copied { replaced, .. } => replaced.clone(),
            _ => None,
        });
        if let Some(previous) = replaced {
            form.draft.set(*previous);
        }
        copy.set(CopyState::None);
    };
    move || {
        match copy.get() {
        CopyState::None => ().into_any(),
        CopyState::Reading => view! {
            <p class="notice" role="status" data-testid="copy-reading">"Reading the policy to copy…"</p>
        }
        .into_any(),
        CopyState::Copied { original, replaced } => {
            let had_draft = replaced.is_some();
            view! {
                <p class="notice" role="status" data-testid="copy-done">
                    {format!("This form is a copy of “{original}”: change its name, its access package or anything else, then create it. ")}
                    {had_draft.then(|| view! {
                        "The draft you had was set aside. "
                        <button type="button" class="link" data-testid="copy-put-back" on:click=put_back>
                            "Put my draft back instead"
                        </button>
                    })}
                </p>
            }
            .into_any()
        }
        CopyState::Failed(error) => view! {
            <div data-testid="copy-failed">
                <p class="notice">"The policy to copy could not be read; the form is as it was."</p>
                <ErrorPanel error=error/>
            </div>
        }
        .into_any(),
    }
    }
}

/// Starts the one POST: reads which same-named policies already exist (so a later check can
/// tell the new one apart), sends, and settles an ambiguous outcome by looking before anything
/// else.
fn start_create(
    form: Form,
    submit: RwSignal<SubmitState>,
    key: String,
    navigate: impl Fn(&str, leptos_router::NavigateOptions) + Clone + 'static,
) {
    if form.report.with_untracked(ValidationReport::has_errors) {
        return;
    }
    let draft = form.draft.get_untracked();
    let mut attempt = Attempt {
        body: draft.body(),
        access_package_id: draft.access_package_id().unwrap_or_default().to_owned(),
        display_name: draft.policy.display_name().unwrap_or_default().to_owned(),
        client_request_id: new_request_id(),
        existing: None,
        sent_at_ms: 0.0,
        number: 1,
    };
    let mut started = false;
    submit.update(|state| {
        started = match state {
            SubmitState::NotFound { .. } => state.retry_after_not_found(attempt.clone()).is_ok(),
            _ => state.send(attempt.clone()).is_ok(),
        }
    });
    if !started {
        return;
    }
    spawn_local(async move {
        let client = form.client();
        attempt.number = submit.with_untracked(|s| s.attempt().map_or(1, |a| a.number));
        attempt.existing =
            policies_named(&client, &attempt.access_package_id, &attempt.display_name)
                .await
                .ok()
                .map(|found| {
                    found
                        .iter()
                        .filter_map(|p| p.id().map(str::to_owned))
                        .collect()
                });
        attempt.sent_at_ms = js_sys::Date::now();
        submit.update(|state| {
            if let SubmitState::Sending(current) = state {
                *current = attempt.clone();
            }
        });
        if let Some(storage) = super::tab_storage() {
            let _ = storage.set_item(&pending_storage_key(&key), &save_pending(&attempt));
        }
        crate::ui::mark_policies_changed();
        let outcome = post_policy(&client, &attempt).await;
        submit.update(|state| state.finish_send(outcome));
        settle(form, submit, attempt, key, navigate).await;
    });
}

/// After an ambiguous outcome: look for the policy (never POST). Once it exists, make sure the
/// browser did not commit the POST twice (it re-sends by itself after a dropped connection), then
/// open it.
async fn settle(
    form: Form,
    submit: RwSignal<SubmitState>,
    attempt: Attempt,
    key: String,
    navigate: impl Fn(&str, leptos_router::NavigateOptions) + Clone + 'static,
) {
    let mut checking = None;
    submit.update(|state| {
        if matches!(state, SubmitState::Ambiguous { .. }) {
            checking = state.begin_check().ok();
        }
    });
    if let Some(attempt) = checking {
        look_for(form, submit, &attempt).await;
    }
    forget_pending_if_settled(submit, &key);
    let created = submit.with_untracked(|s| s.created_id().map(str::to_owned));
    let Some(id) = created else { return };
    if let Some(storage) = super::tab_storage() {
        let _ = storage.remove_item(&key);
    }
    if attempt.existing.is_some() {
        if let Ok(listed) = policies_named(
            &form.client(),
            &attempt.access_package_id,
            &attempt.display_name,
        )
        .await
        {
            let extra = duplicates_of(&attempt, &id, &listed);
            if !extra.is_empty() {
                form.duplicates.set(Some((id, extra)));
                return;
            }
        }
    }
    navigate(&format!("/policies/{id}"), Default::default());
}

/// Once the outcome is known (created, found, refused, not found) the attempt is no longer kept;
/// while it is unknown (a check failed) it stays, so a reload looks again.
fn forget_pending_if_settled(submit: RwSignal<SubmitState>, key: &str) {
    let settled =
        submit.with_untracked(|s| !s.in_flight() && !matches!(s, SubmitState::CheckFailed { .. }));
    if settled {
        if let Some(storage) = super::tab_storage() {
            let _ = storage.remove_item(&pending_storage_key(key));
        }
    }
}

/// A new form (template, import, discard) starts a new create, unless one is still being sent
/// or settled: its outcome must land, and a second POST must not start beside it.
fn reset_unless_in_flight(submit: RwSignal<SubmitState>) {
    submit.update(|state| {
        if !state.in_flight() {
            *state = SubmitState::Idle;
        }
    });
}

/// Names for the ids a template, import or saved draft brought without labels, in one
/// `getByIds` (plus one GET per connected organization).
fn name_what_is_unnamed(form: Form) {
    let unnamed = Memo::new(move |_| {
        form.draft.with(|draft| {
            let mut ids: Vec<_> = referenced_principals(&draft.policy)
                .into_iter()
                .filter(|p| draft.label(&p.id).is_none())
                .collect();
            ids.sort_by(|a, b| a.id.cmp(&b.id));
            ids.dedup_by(|a, b| a.id == b.id);
            ids
        })
    });
    let asked = StoredValue::new(std::collections::BTreeSet::<String>::new());
    Effect::new(move |_| {
        let principals: Vec<_> = unnamed
            .get()
            .into_iter()
            .filter(|p| !asked.with_value(|a| a.contains(&p.id)))
            .collect();
        if principals.is_empty() {
            return;
        }
        asked.update_value(|a| a.extend(principals.iter().map(|p| p.id.clone())));
        let client = form.client();
        let post = ReadPost::new(form.token(), None);
        spawn_local(async move {
            let resolved = resolve_principals(&client, &post, &principals).await;
            form.draft.update(|draft| {
                for (id, resolution) in resolved.names {
                    if let Resolution::Named { name, detail } = resolution {
                        draft.labels.entry(id).or_insert(Label { name, detail });
                    }
                }
            });
        });
    });
}

/// The access package's catalog, when the package was not picked from the list (template,
/// import, saved draft), and its name when unknown.
fn find_the_catalog(form: Form) {
    let package = Memo::new(move |_| {
        form.draft
            .with(|d| d.access_package_id().map(str::to_owned))
    });
    Effect::new(move |_| {
        let Some(id) = package.get() else { return };
        if form
            .catalog
            .with_untracked(|c| c.as_ref().is_some_and(|(p, _)| *p == id))
        {
            return;
        }
        let client = form.client();
        spawn_local(async move {
            if let Ok(Some((catalog, name))) = access_package_catalog(&client, &id).await {
                if package.get_untracked().as_deref() == Some(id.as_str()) {
                    form.catalog.set(Some((id.clone(), catalog)));
                    if let Some(name) = name {
                        form.draft.update(|d| {
                            d.labels.entry(id).or_insert(Label { name, detail: None });
                        });
                    }
                }
            }
        });
    });
}

/// Templates and Import JSON.
#[component]
fn Tools(submit: RwSignal<SubmitState>) -> impl IntoView {
    let form = Form::get();
    let import_open = RwSignal::new(false);
    let import_text = RwSignal::new(String::new());
    let import_result = RwSignal::new(None::<Result<String, String>>);
    let apply_import = move |_| {
        let outcome = import_policy(&import_text.get_untracked());
        import_result.set(Some(match outcome {
            Ok(imported) => {
                form.draft.set(imported.draft);
                reset_unless_in_flight(submit);
                import_open.set(false);
                Ok(if imported.dropped.is_empty() {
                    "The form was filled from the JSON.".to_owned()
                } else {
                    format!(
                        "The form was filled from the JSON. Left out what Graph sets itself: {}.",
                        imported.dropped.join(", ")
                    )
                })
            }
            Err(error) => Err(error.to_string()),
        }));
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(target) = ev.target() else { return };
        spawn_local(async move {
            if let Some(text) = read_first_file(&target).await {
                import_text.set(text);
            }
        });
    };
    view! {
        <section class="create-tools" aria-label="Start from">
            <div class="templates">
                <span class="tools-label">"Start from a template:"</span>
                {Template::ALL
                    .iter()
                    .map(|template| {
                        let template = *template;
                        view! {
                            <button type="button" data-testid=format!("template-{}", template.key())
                                on:click=move |_| {
                                    let filled = form.draft.with_untracked(|d| template.fill(d));
                                    form.draft.set(filled);
                                    reset_unless_in_flight(submit);
                                    import_result.set(None);
                                }>
                                {template.label()}
                            </button>
                        }
                    })
                    .collect_view()}
                <button type="button" data-testid="import-open" aria-expanded=move || import_open.get().to_string()
                    on:click=move |_| import_open.update(|open| *open = !*open)>
                    "Import JSON…"
                </button>
            </div>
            <Show when=move || import_open.get()>
                <div class="import-panel">
                    <label for="import-text">"Paste a policy's JSON (a request body, or a policy as Graph returns it)"</label>
                    <textarea id="import-text" data-testid="import-text" rows="10"
                        prop:value=move || import_text.get()
                        on:input=move |ev| import_text.set(event_target_value(&ev))></textarea>
                    <label for="import-file">"…or load a file"</label>
                    <input id="import-file" type="file" accept=".json,application/json" on:change=on_file/>
                    <p><button type="button" class="primary" data-testid="import-apply" on:click=apply_import>"Fill the form"</button></p>
                </div>
            </Show>
            {move || import_result.get().map(|result| match result {
                Ok(message) => view! { <p class="notice" role="status" data-testid="import-done">{message}</p> }.into_any(),
                Err(message) => view! { <p class="error-message" role="alert" data-testid="import-error">{message}</p> }.into_any(),
            })}
        </section>
    }
}

/// The text of the first file chosen in an `<input type=file>` (`files[0].text()`).
async fn read_first_file(target: &web_sys::EventTarget) -> Option<String> {
    let files = js_sys::Reflect::get(target, &"files".into()).ok()?;
    let file = js_sys::Reflect::get(&files, &JsValue::from(0)).ok()?;
    if file.is_undefined() {
        return None;
    }
    let text: js_sys::Function = js_sys::Reflect::get(&file, &"text".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: js_sys::Promise = text.call0(&file).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()?.as_string()
}

/// Every finding, at the top.
#[component]
fn Summary() -> impl IntoView {
    let form = Form::get();
    let counts = move || {
        form.report
            .with(|r| (r.errors().count(), r.warnings().count()))
    };
    view! {
        <section class="validation-summary" data-testid="validation-summary" aria-live="polite">
            {move || {
                let (errors, warnings) = counts();
                if errors + warnings == 0 {
                    return view! { <p class="ok">"Ready to create: no problems found."</p> }.into_any();
                }
                let items = form.report.with(|r| {
                    r.issues.iter().map(|i| (i.severity == policy_model::validate::Severity::Error, i.path.clone(), i.message.clone())).collect::<Vec<_>>()
                });
                view! {
                    <h2>{format!("{errors} to fix, {warnings} to check")}</h2>
                    <ul>
                        {items.into_iter().map(|(error, path, message)| {
                            let attr = path.clone();
                            view! {
                                <li class=if error { "issue error" } else { "issue warning" } data-path=attr>
                                    <code>{path}</code>": "{message}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

/// "Create policy", and where the create is.
#[component]
fn SubmitPanel(
    submit: RwSignal<SubmitState>,
    create: impl Fn() + Clone + 'static,
) -> impl IntoView {
    let form = Form::get();
    let create = StoredValue::new_local(create);
    let blocked = move || {
        form.report.with(ValidationReport::has_errors) || !submit.with(SubmitState::may_send)
    };
    let status = move || {
        let state = submit.get();
        let (key, view) = match state {
            SubmitState::Idle => ("idle", ().into_any()),
            SubmitState::Sending(attempt) => ("sending", view! {
                <p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>
                    {format!("Creating the policy… (client-request-id {})", attempt.client_request_id)}</p>
            }.into_any()),
            SubmitState::Created { id } | SubmitState::Found { id } => ("created", view! {
                <p role="status">"Created. Opening the policy " <code>{id}</code>"…"</p>
            }.into_any()),
            SubmitState::Rejected { error } => ("rejected", view! {
                <p>"Nothing was created; everything you entered is still here."</p>
                <ErrorPanel error=GraphClientError::Graph(error)/>
            }.into_any()),
            SubmitState::NotSent { message } => ("notsent", view! {
                <p class="error-message" role="alert">{format!("Nothing was sent: {message}")}</p>
            }.into_any()),
            SubmitState::Ambiguous { reason, .. } | SubmitState::Checking { reason, .. } => ("checking", view! {
                <p class="notice" role="status">{reason}" Checking whether the policy now exists before doing anything else…"</p>
            }.into_any()),
            SubmitState::NotFound { reason, .. } => ("notfound", view! {
                <div class="notice" role="alert">
                    <p>{reason}" The policy was not found on the access package, so it was not created."</p>
                    <button type="button" class="primary" data-testid="create-retry"
                        on:click=move |_| create.with_value(|create| create())>"Create it again"</button>
                </div>
            }.into_any()),
            SubmitState::CheckFailed { reason, error, .. } => ("checkfailed", view! {
                <div class="notice" role="alert">
                    <p>{reason}" Checking whether it exists failed too: "{error}</p>
                    <button type="button" data-testid="create-check-again" on:click=move |_| {
                        spawn_local(settle_again(form, submit, form.draft_key.get_value()));
                    }>"Check again"</button>
                </div>
            }.into_any()),
        };
        view! { <div class="submit-status" data-testid="submit-status" data-state=key>{view}</div> }
    };
    view! {
        <section class="submit-panel" aria-label="Create">
            <button type="button" class="primary create-button" data-testid="create-submit"
                disabled=blocked on:click=move |_| create.with_value(|create| create())>
                "Create policy"
            </button>
            <Show when=move || form.report.with(ValidationReport::has_errors)>
                <p class="hint">"Fix the errors listed above to create the policy."</p>
            </Show>
            {status}
            <Duplicates/>
        </section>
    }
}

/// The browser committed the POST twice: say so, and offer (only offer) to delete the extra.
/// Opens another page of the app. The detail page is its own wasm bundle (see `app::mount`), so
/// this is a full navigation; the router would look for the page in this bundle and not find it.
fn open_page(path: &str, _options: leptos_router::NavigateOptions) {
    if let Some(window) = web_sys::window() {
        // Relative to the document's <base>, so a site served under a sub-path works too.
        let _ = window.location().assign(path.trim_start_matches('/'));
    }
}

#[component]
fn Duplicates() -> impl IntoView {
    let form = Form::get();
    let working = RwSignal::new(None::<String>);
    let navigate = StoredValue::new_local(open_page);
    let delete = move |_| {
        let Some((kept, extra)) = form.duplicates.get_untracked() else {
            return;
        };
        working.set(Some("Deleting…".into()));
        spawn_local(async move {
            let client = form.client();
            crate::ui::mark_policies_changed();
            for id in &extra {
                if let Err(e) = delete_policy(&client, id).await {
                    working.set(Some(format!("Could not delete {id}: {e}")));
                    return;
                }
            }
            form.duplicates.set(None);
            navigate
                .with_value(|navigate| navigate(&format!("/policies/{kept}"), Default::default()));
        });
    };
    move || {
        form.duplicates.get().map(|(kept, extra)| {
            let open = format!("./policies/{kept}");
            view! {
                <div class="notice" role="alert" data-testid="duplicates">
                    <p>
                        "The policy was created, but the connection dropped and your browser sent the request again by itself, so Microsoft Graph now also has "
                        {format!("{} more policy with the same name on this access package: ", extra.len())}
                        {extra.iter().map(|id| view! { <code data-testid="duplicate-id">{id.clone()}</code>" " }).collect_view()}
                    </p>
                    <p>
                        <button type="button" class="primary" data-testid="delete-duplicates" on:click=delete>
                            "Delete the extra copy"
                        </button>
                        " "
                        <a href=open rel="external" data-testid="keep-duplicates">"Keep both and open the policy"</a>
                    </p>
                    <p role="status">{move || working.get()}</p>
                </div>
            }
        })
    }
}

/// Looks for the attempted policy (same name on the same access package) and records what was
/// found; the one check behind both the automatic look after an ambiguous failure and "Check again".
async fn look_for(form: Form, submit: RwSignal<SubmitState>, attempt: &Attempt) {
    let listed = policies_named(
        &form.client(),
        &attempt.access_package_id,
        &attempt.display_name,
    )
    .await
    .map_err(|e| e.to_string());
    submit.update(|state| state.finish_check(listed));
}

/// "Check again" after a failed check: looks, never POSTs.
async fn settle_again(form: Form, submit: RwSignal<SubmitState>, key: String) {
    let mut checking = None;
    submit.update(|state| checking = state.begin_check().ok());
    if let Some(attempt) = checking {
        look_for(form, submit, &attempt).await;
    }
    forget_pending_if_settled(submit, &key);
    if let Some(id) = submit.with_untracked(|s| s.created_id().map(str::to_owned)) {
        if let Some(storage) = super::tab_storage() {
            let _ = storage.remove_item(&key);
        }
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_href(&format!("./policies/{id}"));
        }
    }
}

/// The exact POST body, live, with Copy.
#[component]
fn Preview() -> impl IntoView {
    let form = Form::get();
    let body = Memo::new(move |_| form.draft.with(PolicyDraft::body_text));
    view! {
        <section class="create-preview" aria-labelledby="preview-head">
            <div class="raw-json-head">
                <h2 id="preview-head">"Request body"</h2>
                <CopyAndDownload text=body file_name=Signal::stored("assignment-policy.json")
                    media="application/json" test_id="body"/>
            </div>
            <p class="hint">"POST /identityGovernance/entitlementManagement/assignmentPolicies"</p>
            <pre data-testid="create-preview" tabindex="0" aria-label="The JSON that will be sent">{move || body.get()}</pre>
            <Export body=body/>
        </section>
    }
}

/// "Copy" and "Download" for a text, and what became of the copy. `test_id` names the pair
/// (`copy-{test_id}`, `download-{test_id}`).
#[component]
fn CopyAndDownload(
    text: Memo<String>,
    file_name: Signal<&'static str>,
    media: &'static str,
    test_id: &'static str,
) -> impl IntoView {
    let copied = RwSignal::new(String::new());
    // A new text makes the last "Copied" stale.
    Effect::new(move |_| {
        text.track();
        copied.set(String::new());
    });
    let copy = move |_| {
        let text = text.get_untracked();
        spawn_local(async move {
            copied.set(match write_clipboard(&text).await {
                Ok(()) => "Copied".into(),
                Err(_) => "Could not copy: select the text and copy it instead.".into(),
            });
        });
    };
    view! {
        <button type="button" data-testid=format!("copy-{test_id}") on:click=copy>"Copy"</button>
        <a data-testid=format!("download-{test_id}") download=move || file_name.get()
            href=move || format!(
                "data:{media};charset=utf-8,{}",
                String::from(js_sys::encode_uri_component(&text.get())),
            )>
            "Download"
        </a>
        <span class="copy-status" role="status">{move || copied.get()}</span>
    }
}

/// The same create request for another tool (HTTP, curl, PowerShell, Terraform), with Copy and
/// Download: to create the policy from a script, a pipeline or another tenant's shell.
#[component]
fn Export(body: Memo<String>) -> impl IntoView {
    let form = Form::get();
    let base = form.client().base_url().to_owned();
    let format = RwSignal::new(ExportFormat::Http);
    let code = Memo::new(move |_| {
        let name = form
            .draft
            .with(|d| d.policy.display_name().map(str::to_owned));
        export_create_request(format.get(), &base, &body.get(), name.as_deref())
    });
    let options = ExportFormat::ALL
        .into_iter()
        .map(|f| view! { <option value=f.key()>{f.label()}</option> })
        .collect_view();
    view! {
        <details class="export" data-testid="export">
            <summary>"Create it from a script: HTTP, curl, PowerShell, Terraform"</summary>
            <div class="raw-json-head">
                <label>
                    "Format "
                    <select data-testid="export-format" on:change=move |ev| {
                        if let Some(f) = ExportFormat::from_key(&event_target_value(&ev)) {
                            format.set(f);
                        }
                    }>
                        {options}
                    </select>
                </label>
                <CopyAndDownload text=code file_name=Signal::derive(move || format.get().file_name())
                    media="text/plain" test_id="export"/>
            </div>
            <pre data-testid="export-code" tabindex="0" aria-label="The create request for the chosen tool">{move || code.get()}</pre>
        </details>
    }
}

/// The access package: what is chosen, and a search to choose it.
#[component]
fn AccessPackagePicker() -> impl IntoView {
    let form = Form::get();
    let chosen = move || {
        form.draft.with(|d| {
            d.access_package_id().map(|id| match d.label(id) {
                Some(label) => (
                    label.name.clone(),
                    label.detail.clone().unwrap_or_else(|| id.to_owned()),
                ),
                None => (id.to_owned(), "Access package".to_owned()),
            })
        })
    };
    let pick = Callback::new(move |hit: crate::create::SearchHit| {
        if let Some(catalog) = hit.catalog_id.clone() {
            form.catalog.set(Some((hit.id.clone(), catalog)));
        }
        let label = Label {
            name: hit.name,
            detail: hit.detail,
        };
        let id = hit.id;
        form.edit(move |d| d.set_access_package(&id, Some(label)));
    });
    view! {
        <fieldset class="picker" data-testid="package-picker">
            <legend>"Access package"</legend>
            <p class="chosen" data-testid="package-chosen">
                {move || match chosen() {
                    Some((name, detail)) => view! { <span class="chip-name">{name}</span>" "<small>{detail}</small> }.into_any(),
                    None => view! { <span class="none">"None chosen yet."</span> }.into_any(),
                }}
            </p>
            <SearchBox kind=Signal::derive(|| Some(crate::create::SearchKind::AccessPackage))
                label="Search access packages by name".to_owned() testid="package-search" on_pick=pick list_on_focus=true/>
            <Issues path="accessPackage".to_owned()/>
        </fieldset>
    }
}
