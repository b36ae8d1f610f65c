//! Component tests in headless Chromium (wasm-bindgen-test). Native tests live beside the code.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use policy_desk::{config::ConfigProblem, ui::SetupPage};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_in_fresh_div<F, V>(view: F) -> web_sys::HtmlElement
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), view);
    std::mem::forget(handle);
    host
}

use wasm_bindgen::JsCast;

#[wasm_bindgen_test]
async fn setup_page_names_each_bad_field() {
    let host = mount_in_fresh_div(|| {
        view! {
            <SetupPage problems=vec![
                ConfigProblem { field: "clientId".into(), message: "Missing.".into() },
                ConfigProblem { field: "redirectUri".into(), message: "Must be a full URL.".into() },
            ]/>
        }
    });
    leptos::task::tick().await;
    let items = host
        .query_selector_all("[data-testid=setup-problem]")
        .unwrap();
    assert_eq!(items.length(), 2);
    let first: web_sys::Element = items.get(0).unwrap().unchecked_into();
    assert_eq!(
        first.get_attribute("data-field").as_deref(),
        Some("clientId")
    );
    assert!(first.text_content().unwrap().contains("Missing."));
}

#[wasm_bindgen_test]
async fn error_panel_shows_code_message_and_request_id() {
    use policy_desk::{graph::GraphClientError, ui::ErrorPanel};
    use policy_model::error::GraphError;

    let body = r#"{"error":{"code":"InvalidAuthenticationToken","message":"Access token validation failure. Invalid audience.",
        "innerError":{"date":"2026-12-04T10:00:00","request-id":"5f1c2d3e-0000-4000-8000-000000000001","client-request-id":"abc"}}}"#;
    let error = GraphClientError::Graph(GraphError::from_response(401, None, body));
    let host = mount_in_fresh_div(move || view! { <ErrorPanel error=error/> });
    leptos::task::tick().await;
    let text = |selector: &str| {
        host.query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("{selector} is not rendered"))
            .text_content()
            .unwrap()
    };
    assert_eq!(
        text("[data-testid=error-code]"),
        "InvalidAuthenticationToken"
    );
    assert!(text("[data-testid=error-message]").contains("Invalid audience"));
    assert_eq!(
        text("[data-testid=error-request-id]"),
        "5f1c2d3e-0000-4000-8000-000000000001"
    );
}

#[wasm_bindgen_test]
fn seed_policy_row_uses_names_and_plain_words() {
    use policy_desk::listing::PolicyRow;
    use policy_model::AccessPackageAssignmentPolicy;

    let mut seed: serde_json::Value =
        serde_json::from_str(include_str!("../../shared/graph/seed-request.json")).unwrap();
    seed["id"] = "policy-1".into();
    seed["accessPackage"]["displayName"] = "Partner collaboration".into();
    let policy: AccessPackageAssignmentPolicy = serde_json::from_value(seed).unwrap();
    let row = PolicyRow::from_policy(0, &policy);
    assert_eq!(row.key, "policy-1");
    assert_eq!(row.name, "policy for external access requests");
    assert_eq!(row.package, "Partner collaboration");
    assert!(
        !row.who.contains("allConfiguredConnectedOrganizationUsers"),
        "who-can-request should be plain words, got {:?}",
        row.who
    );
    assert!(
        row.who.to_lowercase().contains("connected organization"),
        "{}",
        row.who
    );
}
