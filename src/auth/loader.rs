//! Loads msal-browser's bundle only when the site is configured to sign in, so demo mode and the
//! setup page never download it.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{msal_js, AuthError};

/// Served beside index.html; the build copies it from `node_modules/@azure/msal-browser/lib/`.
const BUNDLE_PATH: &str = "msal-browser.min.js";

pub async fn load_msal_bundle() -> Result<(), AuthError> {
    if msal_js::bundle_present() {
        return Ok(());
    }
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| AuthError::bundle("the page has no document"))?;
    let script: web_sys::HtmlScriptElement = document
        .create_element("script")
        .map_err(|_| AuthError::bundle("could not create a script element"))?
        .unchecked_into();
    script.set_src(BUNDLE_PATH);
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    let head = document
        .head()
        .ok_or_else(|| AuthError::bundle("the page has no <head>"))?;
    head.append_child(&script)
        .map_err(|_| AuthError::bundle("could not add the script element"))?;
    JsFuture::from(loaded)
        .await
        .map_err(|_: JsValue| AuthError::bundle(&format!("{BUNDLE_PATH} did not load")))?;
    if msal_js::bundle_present() {
        Ok(())
    } else {
        Err(AuthError::bundle(&format!(
            "{BUNDLE_PATH} loaded but did not define window.msal"
        )))
    }
}
