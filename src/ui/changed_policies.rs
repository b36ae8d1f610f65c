//! The browser's back/forward cache brings a page back exactly as it was left, which makes Back to
//! the list instant (no reload of 5,000 policies). After a policy was created or deleted, a list
//! shown that way would be out of date: the create page marks the change, and a list restored after
//! a later change loads again.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

const CHANGED_AT: &str = "policy-desk.policies-changed-at";

/// Records that policies may have changed now (a create or delete was sent). Per tab, like the
/// back/forward history it is about.
pub fn mark_policies_changed() {
    let recorded = super::tab_storage().is_some_and(|s| {
        s.set_item(CHANGED_AT, &js_sys::Date::now().to_string())
            .is_ok()
    });
    if !recorded {
        // Nothing else breaks; only a list restored by Back may show the policies as they were.
        web_sys::console::warn_1(
            &"Policy Desk: sessionStorage refused the change mark; a list restored by Back may be out of date until reloaded".into(),
        );
    }
}

/// Reloads this page when the browser restores it from its back/forward cache and policies changed
/// after it was loaded. Called once per page load (a listener per call).
pub fn reload_when_restored_out_of_date() {
    let loaded_at = js_sys::Date::now();
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_show = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
        let restored = js_sys::Reflect::get(&event, &"persisted".into())
            .ok()
            .and_then(|value| value.as_bool())
            .unwrap_or(false);
        let changed_at = super::tab_storage()
            .and_then(|s| s.get_item(CHANGED_AT).ok().flatten())
            .and_then(|text| text.parse::<f64>().ok());
        if restored && changed_at.is_some_and(|at| at > loaded_at) {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    });
    if window
        .add_event_listener_with_callback("pageshow", on_show.as_ref().unchecked_ref())
        .is_err()
    {
        web_sys::console::warn_1(
            &"Policy Desk: no pageshow listener; a list restored by Back may be out of date until reloaded".into(),
        );
    }
    // The page lives as long as the listener is needed.
    on_show.forget();
}
