//! The policy's JSON as Graph sent it, with a button that copies it.

use leptos::{prelude::*, task::spawn_local};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

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

/// `navigator.clipboard.writeText(text)`, through `Reflect` (no extra web-sys features).
async fn write_clipboard(text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let navigator = js_sys::Reflect::get(&window, &"navigator".into())?;
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())?;
    if clipboard.is_undefined() {
        return Err(JsValue::from_str("no clipboard (not a secure context?)"));
    }
    let write: js_sys::Function =
        js_sys::Reflect::get(&clipboard, &"writeText".into())?.dyn_into()?;
    let promise: js_sys::Promise = write
        .call1(&clipboard, &JsValue::from_str(text))?
        .dyn_into()?;
    JsFuture::from(promise).await.map(|_| ())
}
