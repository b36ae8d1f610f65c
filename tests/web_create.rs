//! Component tests of the create form (`/policies/new`) in headless Chromium: the form is mounted
//! as the create page mounts it (a demo-mode session in context, inside a `<Router>`) and driven
//! through the DOM with the hooks the end-to-end tests use (`data-testid`, `data-field`,
//! `data-path`, `data-list`).
//!
//! There is no Graph here: the session's Graph URL is a port Chromium refuses, so what the form
//! looks up on its own (names, the access package's catalog) fails (after the client's few quick
//! network retries) and nothing below waits for it. Each test starts from an empty sessionStorage and unmounts its forms when it ends.
#![cfg(target_arch = "wasm32")]

use std::{any::Any, rc::Rc};

use leptos::prelude::*;
use leptos_router::components::Router;
use policy_desk::{
    config::parse_config,
    create::{draft_storage_key, restore_draft},
    session::Session,
    ui::create::CreatePolicyPage,
};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../../shared/graph/seed-request.json");

/// Port 9 (discard) is on Chromium's list of refused ports: every Graph request fails at once.
const NO_GRAPH: &str = "http://127.0.0.1:9/v1.0";

const PRIMARY_APPROVERS_OF_STAGE_1: &str = "requestApprovalSettings.stages[0].primaryApprovers";

fn seed() -> Value {
    serde_json::from_str(SEED).expect("seed-request.json is JSON")
}

/// The session the app provides once started, in demo mode (no sign-in, no token).
fn demo_session() -> Session {
    let config = parse_config(&json!({ "mode": "demo", "graphBaseUrl": NO_GRAPH }).to_string())
        .expect("a valid demo config");
    Session {
        config: Rc::new(config),
        auth: None,
        account: RwSignal::new_local(None),
    }
}

fn session_storage() -> web_sys::Storage {
    web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .expect("sessionStorage")
}

fn demo_draft_key() -> String {
    draft_storage_key("demo", "sample")
}

// ---- waiting without fixed sleeps ------------------------------------------------------------

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Polls `check` every 10 ms for up to 3 s; `Err` says what is seen instead, for the failure.
async fn eventually<T>(what: &str, mut check: impl FnMut() -> Result<T, String>) -> T {
    let mut last = String::new();
    for _ in 0..300 {
        match check() {
            Ok(value) => return value,
            Err(seen) => last = seen,
        }
        sleep_ms(10).await;
    }
    panic!("timed out after 3 s waiting for {what}; last seen: {last}");
}

fn expect(ok: bool, seen: impl FnOnce() -> String) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(seen())
    }
}

// ---- the mounted form ------------------------------------------------------------------------

/// One create form in its own `<div>`; removed and unmounted (its reactive owner disposed, so
/// its effects stop writing sessionStorage) when dropped.
struct CreateFormUnderTest {
    host: web_sys::HtmlElement,
    _handle: Box<dyn Any>,
}

impl Drop for CreateFormUnderTest {
    fn drop(&mut self) {
        self.host.remove();
    }
}

impl CreateFormUnderTest {
    /// An empty form: no saved draft from an earlier test.
    async fn fresh() -> Self {
        session_storage().clear().unwrap();
        Self::mount().await
    }

    /// The form as `app::create_page` mounts it, with whatever sessionStorage holds.
    async fn mount() -> Self {
        let document = web_sys::window().unwrap().document().unwrap();
        let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&host).unwrap();
        let session = demo_session();
        let handle = leptos::mount::mount_to(host.clone(), move || {
            provide_context(StoredValue::new_local(session));
            view! { <Router><CreatePolicyPage/></Router> }
        });
        let form = Self {
            host,
            _handle: Box::new(handle),
        };
        eventually("the create form", || {
            form.find("[data-testid=create-page] [data-testid=create-submit]")
                .map(drop)
                .ok_or_else(|| "no create form yet".to_owned())
        })
        .await;
        form
    }

    fn find(&self, selector: &str) -> Option<web_sys::Element> {
        self.host.query_selector(selector).unwrap()
    }

    fn get(&self, selector: &str) -> web_sys::Element {
        self.find(selector)
            .unwrap_or_else(|| panic!("{selector} is not rendered"))
    }

    fn all(&self, selector: &str) -> Vec<web_sys::Element> {
        let list = self.host.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.get(i).unwrap().unchecked_into())
            .collect()
    }

    fn click(&self, selector: &str) {
        self.get(selector)
            .unchecked_into::<web_sys::HtmlElement>()
            .click();
    }

    /// Types `value` into a text box or text area, as the browser reports typing.
    fn type_into(&self, selector: &str, value: &str) {
        let element = self.get(selector);
        set_property(&element, "value", &value.into());
        fire(&element, "input");
    }

    /// Chooses the `<option value=key>` of a `<select>`.
    fn choose(&self, selector: &str, key: &str) {
        let element = self.get(selector);
        set_property(&element, "value", &key.into());
        assert_eq!(
            property(&element, "value").as_string().as_deref(),
            Some(key),
            "{selector} has no option {key:?}"
        );
        fire(&element, "change");
    }

    fn value_of(&self, selector: &str) -> String {
        property(&self.get(selector), "value")
            .as_string()
            .unwrap_or_default()
    }

    /// Waits for a control to show `expected` (tachys sets a `value` property on its next
    /// flush, not while the view is built).
    async fn value_becomes(&self, selector: &str, expected: &str) {
        eventually(&format!("{selector} to show {expected:?}"), || {
            let value = self.value_of(selector);
            expect(value == expected, || format!("{value:?}"))
        })
        .await;
    }

    fn text_of(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default()
    }

    /// The live preview: the exact POST body.
    fn preview(&self) -> Value {
        let text = self.text_of("[data-testid=create-preview]");
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("the preview is not JSON ({e}): {text}"))
    }

    fn submit_disabled(&self) -> bool {
        property(&self.get("[data-testid=create-submit]"), "disabled")
            .as_bool()
            .unwrap_or(false)
    }

    /// The messages shown at a field (its own list, not the summary at the top).
    fn issues_at(&self, path: &str) -> Vec<String> {
        self.all(&format!(
            "[data-testid=field-issues][data-path=\"{path}\"] li"
        ))
        .iter()
        .map(|li| li.text_content().unwrap_or_default())
        .collect()
    }

    /// The approver kinds a picker offers (its `<select data-testid=picker-kind>` options).
    fn picker_kinds(&self, list: &str) -> Option<Vec<String>> {
        let picker = self.find(&format!("[data-testid=picker][data-list=\"{list}\"]"))?;
        let options = picker
            .query_selector_all("[data-testid=picker-kind] option")
            .unwrap();
        Some(
            (0..options.length())
                .map(|i| {
                    let option: web_sys::Element = options.get(i).unwrap().unchecked_into();
                    option.get_attribute("value").unwrap_or_default()
                })
                .collect(),
        )
    }

    /// The name and who-can-request fields show `body`'s values.
    async fn fields_show(&self, body: &Value) {
        for (selector, member) in [
            ("[data-field=displayName]", "displayName"),
            ("[data-field=allowedTargetScope]", "allowedTargetScope"),
        ] {
            self.value_becomes(selector, body[member].as_str().unwrap())
                .await;
        }
    }

    async fn preview_becomes(&self, what: &str, expected: &Value) {
        eventually(what, || {
            let body = self.preview();
            expect(body == *expected, || body.to_string())
        })
        .await;
    }
}

fn property(target: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(target, &name.into()).unwrap()
}

fn set_property(target: &JsValue, name: &str, value: &JsValue) {
    js_sys::Reflect::set(target, &name.into(), value).unwrap();
}

/// Dispatches a bubbling DOM event of this type (what the browser sends on typing and choosing).
fn fire(target: &web_sys::Element, kind: &str) {
    let dispatch = js_sys::Function::new_with_args(
        "target, kind",
        "return target.dispatchEvent(new Event(kind, { bubbles: true }));",
    );
    dispatch
        .call2(&JsValue::NULL, target, &JsValue::from_str(kind))
        .unwrap();
}

// ---- the tests -------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn template_external_two_stage_fills_the_form_and_previews_the_seed() {
    let form = CreateFormUnderTest::fresh().await;
    assert_eq!(
        form.preview(),
        json!({}),
        "an empty form previews an empty body"
    );
    assert!(form.submit_disabled(), "an empty form cannot be created");

    let button = form.get("[data-testid=template-external-two-stage]");
    assert_eq!(
        button.text_content().unwrap().trim(),
        "External access, two-stage approval"
    );
    form.click("[data-testid=template-external-two-stage]");

    let seed = seed();
    form.preview_becomes("the preview to be the seed request, exactly", &seed)
        .await;
    // The form itself shows the template, not only the preview.
    form.fields_show(&seed).await;
    let stages = seed["requestApprovalSettings"]["stages"]
        .as_array()
        .unwrap()
        .len();
    eventually("one stage editor per approval stage", || {
        let shown = form.all("[data-testid=stage]").len();
        expect(shown == stages, || format!("{shown} stage editors"))
    })
    .await;
    eventually("Create policy to be enabled for the seed", || {
        expect(!form.submit_disabled(), || "still disabled".into())
    })
    .await;
}

#[wasm_bindgen_test]
async fn create_is_disabled_while_the_name_is_missing_and_typing_updates_the_preview() {
    let form = CreateFormUnderTest::fresh().await;
    let name_issues = eventually("a message at the empty name", || {
        let issues = form.issues_at("displayName");
        expect(!issues.is_empty(), || "no message at displayName".into()).map(|_| issues)
    })
    .await;
    assert!(
        name_issues
            .iter()
            .any(|m| m.to_lowercase().contains("name")),
        "{name_issues:?}"
    );
    assert!(form.submit_disabled(), "an empty form cannot be created");

    // Valid, then the name is emptied: disabled again, and the message is at the name field.
    form.click("[data-testid=template-external-two-stage]");
    eventually("Create policy to be enabled", || {
        expect(!form.submit_disabled(), || {
            format!("disabled; name issues {:?}", form.issues_at("displayName"))
        })
    })
    .await;
    assert_eq!(form.issues_at("displayName"), Vec::<String>::new());

    form.type_into("[data-field=displayName]", "");
    eventually(
        "the emptied name flagged at its field, out of the body, and Create policy disabled",
        || {
            let issues = form.issues_at("displayName");
            let body = form.preview();
            let disabled = form.submit_disabled();
            expect(
                !issues.is_empty() && body.get("displayName").is_none() && disabled,
                || format!("issues {issues:?}, disabled {disabled}, body {body}"),
            )
        },
    )
    .await;
    // The list is the name field's own: the text box points at it.
    let issues_id = form
        .get("[data-testid=field-issues][data-path=displayName]")
        .id();
    let described_by = form
        .get("[data-field=displayName]")
        .get_attribute("aria-describedby")
        .unwrap_or_default();
    assert!(
        described_by.split_whitespace().any(|id| id == issues_id),
        "the name's text box is described by {described_by:?}, not by its messages {issues_id:?}"
    );

    form.type_into("[data-field=displayName]", "Partner access (typed)");
    let mut expected = seed();
    expected["displayName"] = "Partner access (typed)".into();
    form.preview_becomes("the preview to carry the typed name", &expected)
        .await;
    eventually(
        "the name's message to go and Create policy to be enabled",
        || {
            let issues = form.issues_at("displayName");
            expect(issues.is_empty() && !form.submit_disabled(), || {
                format!("issues {issues:?}, disabled {}", form.submit_disabled())
            })
        },
    )
    .await;
}

#[wasm_bindgen_test]
async fn import_json_locates_a_syntax_error_keeps_the_text_and_fills_from_a_valid_body() {
    let form = CreateFormUnderTest::fresh().await;
    form.click("[data-testid=import-open]");
    eventually("the import panel", || {
        form.find("[data-testid=import-text]")
            .map(drop)
            .ok_or_else(|| "no import text box".into())
    })
    .await;

    // A missing comma after line 2: the parser stops at the start of line 3's member.
    let malformed = "{\n  \"displayName\": \"Partner access\"\n  \"description\": \"x\"\n}";
    form.type_into("[data-testid=import-text]", malformed);
    form.click("[data-testid=import-apply]");
    let error = eventually("the import error", || {
        form.find("[data-testid=import-error]")
            .map(|e| e.text_content().unwrap_or_default())
            .ok_or_else(|| "no import error".into())
    })
    .await;
    assert!(
        error.contains("line 3") && error.contains("column 3"),
        "the error says where: {error}"
    );
    assert_eq!(
        form.value_of("[data-testid=import-text]"),
        malformed,
        "the pasted text is kept to be fixed"
    );
    assert_eq!(form.preview(), json!({}), "nothing was filled");
    assert!(form.find("[data-testid=import-done]").is_none());

    // A policy as Graph returns it: what Graph sets itself (`id`) is left out.
    let mut returned = seed();
    returned["id"] = "5d6b5f38-9a4f-4f0e-8d43-7b2a0e6c1f01".into();
    form.type_into("[data-testid=import-text]", &returned.to_string());
    form.click("[data-testid=import-apply]");
    eventually("the import to be done", || {
        expect(form.find("[data-testid=import-done]").is_some(), || {
            format!(
                "import-error: {:?}",
                form.find("[data-testid=import-error]")
                    .and_then(|e| e.text_content())
            )
        })
    })
    .await;
    assert!(form.find("[data-testid=import-error]").is_none());
    let seed = seed();
    form.preview_becomes("the preview to be the imported body", &seed)
        .await;
    form.fields_show(&seed).await;
}

#[wasm_bindgen_test]
async fn the_draft_is_kept_in_session_storage_and_a_second_mount_restores_it() {
    let key = demo_draft_key();
    assert!(key.starts_with("policy-desk.create-draft"), "{key}");
    let mut expected = seed();
    expected["displayName"] = "Partner access (kept)".into();
    {
        let form = CreateFormUnderTest::fresh().await;
        assert!(
            form.find("[data-testid=draft-restored]").is_none(),
            "nothing to restore in an empty sessionStorage"
        );
        form.click("[data-testid=template-external-two-stage]");
        form.type_into("[data-field=displayName]", "Partner access (kept)");
        form.preview_becomes("the typed name in the preview", &expected)
            .await;
        eventually("the draft in sessionStorage under the demo key", || {
            let stored = session_storage().get_item(&key).unwrap();
            let body = stored
                .as_deref()
                .and_then(|text| restore_draft(text).ok())
                .map(|draft| draft.body());
            expect(body.as_ref() == Some(&expected), || format!("{stored:?}"))
        })
        .await;
    } // unmounted

    let again = CreateFormUnderTest::mount().await;
    eventually("the restored notice", || {
        expect(again.find("[data-testid=draft-restored]").is_some(), || {
            "no draft-restored notice".into()
        })
    })
    .await;
    assert_eq!(again.preview(), expected, "the draft came back as typed");
    again
        .value_becomes("[data-field=displayName]", "Partner access (kept)")
        .await;
}

#[wasm_bindgen_test]
async fn sponsors_approve_only_requestors_from_connected_organizations() {
    let form = CreateFormUnderTest::fresh().await;
    let sponsors = ["Internal sponsors", "External sponsors"];

    form.choose(
        "[data-field=allowedTargetScope]",
        "specificConnectedOrganizationUsers",
    );
    eventually("the approval section", || {
        expect(form.find("[data-testid=add-stage]").is_some(), || {
            "no Add approval stage button".into()
        })
    })
    .await;
    if form.picker_kinds(PRIMARY_APPROVERS_OF_STAGE_1).is_none() {
        form.click("[data-testid=add-stage]");
    }

    for (scope, offered) in [
        ("specificConnectedOrganizationUsers", true),
        ("allDirectoryUsers", false),
        ("allConfiguredConnectedOrganizationUsers", true),
        ("specificDirectoryUsers", false),
    ] {
        form.choose("[data-field=allowedTargetScope]", scope);
        eventually(&format!("{scope} in the body"), || {
            let sent = form.preview()["allowedTargetScope"].clone();
            expect(sent == scope, || sent.to_string())
        })
        .await;
        eventually(&format!("stage 1's approver kinds for {scope}"), || {
            let kinds = form.picker_kinds(PRIMARY_APPROVERS_OF_STAGE_1);
            let ok = kinds.as_ref().is_some_and(|kinds| {
                kinds.iter().any(|k| k == "User")
                    && sponsors
                        .iter()
                        .all(|s| kinds.iter().any(|k| k == s) == offered)
            });
            expect(ok, || format!("{kinds:?}"))
        })
        .await;
    }
}
