//! The browser's back/forward cache brings a page back exactly as it was left, which makes Back to
//! the list instant (no reload of 5,000 policies). After a policy was created or deleted, a list
//! shown that way would be out of date: the create page marks the change, and a list restored after
//! a later change loads again.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

const CHANGED_AT: &str = "policy-desk.policies-changed-at";

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Records that policies may have changed now (a create or delete was sent). Per tab, like the
/// back/forward history it is about.
pub fn mark_policies_changed() {
    if let Some(storage) = session_storage() {
        let _ = storage.set_item(CHANGED_AT, &js_sys::Date::now().to_string());
    }
}

/// Reloads this page when the browser restores it from its back/forward cache and policies changed
/// after it was loaded.
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
        let changed_at = session_storage()
            .and_then(|s| s.get_item(CHANGED_AT).ok().flatten())
            .and_then(|text| text.parse::<f64>().ok());
        if restored && changed_at.is_some_and(|at| at > loaded_at) {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    });
    let _ = window.add_event_listener_with_callback("pageshow", on_show.as_ref().unchecked_ref());
    // The page lives as long as the listener is needed.
    on_show.forget();
}
