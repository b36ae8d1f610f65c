//! Component tests of the policy detail page in headless Chromium: the summary and every
//! principal rendered from a policy and the names resolved so far.
#![cfg(target_arch = "wasm32")]

use std::collections::HashMap;

use leptos::prelude::*;
use policy_desk::{
    graph::{PolicyDetail, Resolution},
    ui::{Names, PolicyDetailView},
};
use policy_model::detail::referenced_principals;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ALEX: &str = "7deff43e-1f17-44ef-9e5f-d516b0ba11d4";
const MEGAN: &str = "46184453-e63b-4f20-86c2-c557ed5d5df9";
const SALES: &str = "1623f912-5e86-41c2-af47-39dd67582b66";

fn mount_in_fresh_div<F, V>(view: F) -> web_sys::HtmlElement
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    std::mem::forget(leptos::mount::mount_to(host.clone(), view));
    host
}

fn seed_detail() -> PolicyDetail {
    let mut raw: serde_json::Value =
        serde_json::from_str(include_str!("../../shared/graph/seed-request.json")).unwrap();
    raw["id"] = "5d6b5f38-9a4f-4f0e-8d43-7b2a0e6c1f01".into();
    raw["accessPackage"]["displayName"] = "External Partner Workspace".into();
    raw["accessPackage"]["catalog"] = serde_json::json!({"id": "c1", "displayName": "Partners"});
    PolicyDetail::from_text(&raw.to_string()).unwrap()
}

fn named(name: &str, detail: Option<&str>) -> Resolution {
    Resolution::Named {
        name: name.to_owned(),
        detail: detail.map(str::to_owned),
    }
}

fn text_of(host: &web_sys::HtmlElement, selector: &str) -> String {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is not rendered"))
        .text_content()
        .unwrap()
}

fn principals(host: &web_sys::HtmlElement) -> Vec<web_sys::Element> {
    let list = host.query_selector_all("[data-testid=principal]").unwrap();
    (0..list.length())
        .map(|i| list.get(i).unwrap().unchecked_into())
        .collect()
}

#[wasm_bindgen_test]
async fn names_fill_in_and_deleted_principals_are_flagged() {
    let detail = seed_detail();
    let names = RwSignal::new(Names {
        loading: true,
        ..Names::for_principals(&referenced_principals(&detail.policy))
    });
    let host =
        mount_in_fresh_div(move || view! { <PolicyDetailView detail=detail names=names.into()/> });
    leptos::task::tick().await;

    // While the look-up is on its way: ids, never a false "deleted".
    assert!(text_of(&host, "h1").contains("policy for external access requests"));
    assert_eq!(
        text_of(&host, "[data-testid=detail-package]"),
        "External Partner Workspace"
    );
    assert_eq!(text_of(&host, "[data-testid=detail-catalog]"), "Partners");
    assert!(principals(&host)
        .iter()
        .all(|p| p.get_attribute("data-deleted").is_none()));

    // Megan Bowen was deleted: getByIds did not return her.
    names.update(|n| {
        n.known = HashMap::from([
            (
                ALEX.to_owned(),
                named("Alex Wilber", Some("alex@contoso.com")),
            ),
            (SALES.to_owned(), named("Sales", None)),
            (MEGAN.to_owned(), Resolution::Deleted),
        ]);
        n.loading = false;
    });
    leptos::task::tick().await;

    let summary = text_of(&host, "[data-testid=detail-summary]");
    assert!(
        summary.contains("Users from any connected organization can request."),
        "{summary}"
    );
    assert!(
        summary.contains("1) the requestor's internal sponsor, or if none, Alex Wilber or members of Sales; denied automatically after 14 days"),
        "{summary}"
    );
    assert!(
        summary.contains("deleted or inaccessible user 46184453…"),
        "{summary}"
    );

    let all = principals(&host);
    assert_eq!(
        all.len(),
        6,
        "internal sponsors, then 2 + 2 fallback approvers and 1 reviewer"
    );
    let by_id = |id: &str| -> Vec<&web_sys::Element> {
        all.iter()
            .filter(|p| p.get_attribute("data-principal-id").as_deref() == Some(id))
            .collect()
    };
    let alex = by_id(ALEX);
    assert_eq!(alex.len(), 1);
    assert!(alex[0].text_content().unwrap().contains("Alex Wilber"));
    assert!(alex[0].text_content().unwrap().contains("alex@contoso.com"));
    assert!(alex[0].text_content().unwrap().contains("User"));
    assert_eq!(alex[0].get_attribute("data-deleted"), None);
    let megan = by_id(MEGAN);
    assert_eq!(
        megan[0].get_attribute("data-deleted").as_deref(),
        Some("true")
    );
    assert!(megan[0]
        .text_content()
        .unwrap()
        .contains("Deleted or inaccessible user 46184453…"));
    assert_eq!(by_id(SALES).len(), 3);
    assert!(all[0].text_content().unwrap().contains("internal sponsor"));
    assert_eq!(all[0].get_attribute("data-principal-id"), None);

    let raw: serde_json::Value =
        serde_json::from_str(&text_of(&host, "[data-testid=detail-raw-json]")).unwrap();
    assert_eq!(raw["id"], "5d6b5f38-9a4f-4f0e-8d43-7b2a0e6c1f01");
    assert_eq!(
        text_of(&host, "[data-testid=copy-json]").trim(),
        "Copy JSON"
    );
}
