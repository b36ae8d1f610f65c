//! The policy's JSON as Graph sent it, with a button that copies it.

use crate::ui::clipboard::write_clipboard;
use leptos::{prelude::*, task::spawn_local};

/// Graph's JSON indented by the browser's own `JSON`, which keeps members in the order Graph
/// sent them (serde_json's map would sort them). Left as sent if the browser cannot read it.
pub fn indented(text: &str) -> String {
    js_sys::JSON::parse(text)
        .and_then(|value| {
            js_sys::JSON::stringify_with_replacer_and_space(
                &value,
                &wasm_bindgen::JsValue::NULL,
                &wasm_bindgen::JsValue::from_f64(2.0),
            )
        })
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| text.to_owned())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copy {
    Idle,
    Copied,
    Failed,
}

#[component]
pub fn RawJson(json: String) -> impl IntoView {
    let state = RwSignal::new(Copy::Idle);
    let text = StoredValue::new(json.clone());
    let copy = move |_| {
        let text = text.get_value();
        spawn_local(async move {
            state.set(match write_clipboard(&text).await {
                Ok(()) => Copy::Copied,
                Err(_) => Copy::Failed,
            });
        });
    };
    view! {
        <section class="detail-section raw-json" aria-labelledby="detail-raw">
            <div class="raw-json-head">
                <h2 id="detail-raw">"Raw JSON"</h2>
                <button type="button" data-testid="copy-json" on:click=copy aria-describedby="copy-status">
                    "Copy JSON"
                </button>
                <span id="copy-status" class="copy-status" role="status" aria-live="polite">
                    {move || match state.get() {
                        Copy::Idle => "",
                        Copy::Copied => "Copied",
                        Copy::Failed => "Could not copy: select the text and copy it instead.",
                    }}
                </span>
            </div>
            <pre data-testid="detail-raw-json" tabindex="0" aria-label="The policy as Microsoft Graph returned it">{json}</pre>
        </section>
    }
}
