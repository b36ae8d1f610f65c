//! Keeps the list's view in the address bar (so a link or a reload reproduces it) and remembers
//! the scroll position per view for the reload.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::listing::ListView;

/// The view read from the current URL; later changes are written back with `replaceState`, so
/// typing in the search box does not fill the history with one entry per key.
pub fn use_list_view() -> RwSignal<ListView> {
    let view = RwSignal::new(read_view_from_url());
    Effect::new(move |_| {
        let query = view.with(query_string);
        if let Some(window) = web_sys::window() {
            let path = window.location().pathname().unwrap_or_default();
            let url = if query.is_empty() {
                path
            } else {
                format!("{path}?{query}")
            };
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
            }
        }
    });
    view
}

fn read_view_from_url() -> ListView {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return ListView::default();
    };
    let pairs: Vec<(String, String)> = [
        "q", "catalog", "package", "who", "approval", "review", "sort", "dir",
    ]
    .into_iter()
    .filter_map(|k| params.get(k).map(|v| (k.to_owned(), v)))
    .collect();
    ListView::from_query_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

fn query_string(view: &ListView) -> String {
    view.to_query_pairs()
        .into_iter()
        .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(&v))))
        .collect::<Vec<_>>()
        .join("&")
}

/// Scroll position of the list per view (search, filters, sort), in sessionStorage (per tab,
/// gone when it closes), so a reload puts the admin back where they were.
#[derive(Clone, Copy)]
pub struct ScrollMemory;

const SCROLL_KEY: &str = "policy-desk.list-scroll?";

impl ScrollMemory {
    fn key(view: &ListView) -> String {
        format!("{SCROLL_KEY}{}", query_string(view))
    }

    pub fn saved(view: &ListView) -> Option<u32> {
        super::tab_storage()?
            .get_item(&Self::key(view))
            .ok()??
            .parse()
            .ok()
            .filter(|v: &u32| *v > 0)
    }

    pub fn save(view: &ListView, scroll_top: u32) {
        if let Some(storage) = super::tab_storage() {
            let _ = storage.set_item(&Self::key(view), &scroll_top.to_string());
        }
    }
}
