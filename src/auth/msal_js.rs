//! wasm-bindgen bindings to the parts of msal-browser's browser bundle (`window.msal`) that the app uses.
//!
//! Only `src/auth/` may use these. Every async call is `catch`: MSAL rejects with an `AuthError`-shaped
//! object (`errorCode`, `errorMessage`, `subError`), which `AuthError::from_js` turns into a typed error.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `msal.PublicClientApplication`.
    #[wasm_bindgen(js_namespace = msal)]
    pub type PublicClientApplication;

    #[wasm_bindgen(constructor, js_namespace = msal)]
    pub fn new(configuration: &JsValue) -> PublicClientApplication;

    #[wasm_bindgen(method, catch)]
    pub async fn initialize(this: &PublicClientApplication) -> Result<JsValue, JsValue>;

    /// Resolves to an `AuthenticationResult` after a redirect sign-in, or `null` on a normal page load.
    #[wasm_bindgen(method, catch, js_name = handleRedirectPromise)]
    pub async fn handle_redirect_promise(
        this: &PublicClientApplication,
    ) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch, js_name = loginRedirect)]
    pub async fn login_redirect(
        this: &PublicClientApplication,
        request: &JsValue,
    ) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch, js_name = loginPopup)]
    pub async fn login_popup(
        this: &PublicClientApplication,
        request: &JsValue,
    ) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch, js_name = acquireTokenSilent)]
    pub async fn acquire_token_silent(
        this: &PublicClientApplication,
        request: &JsValue,
    ) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch, js_name = acquireTokenRedirect)]
    pub async fn acquire_token_redirect(
        this: &PublicClientApplication,
        request: &JsValue,
    ) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch, js_name = logoutRedirect)]
    pub async fn logout_redirect(
        this: &PublicClientApplication,
        request: &JsValue,
    ) -> Result<JsValue, JsValue>;

    /// The account set with `setActiveAccount`, or `null`.
    #[wasm_bindgen(method, js_name = getActiveAccount)]
    pub fn get_active_account(this: &PublicClientApplication) -> JsValue;

    #[wasm_bindgen(method, js_name = setActiveAccount)]
    pub fn set_active_account(this: &PublicClientApplication, account: &JsValue);

    #[wasm_bindgen(method, js_name = getAllAccounts)]
    pub fn get_all_accounts(this: &PublicClientApplication) -> js_sys::Array;
}

/// Whether `window.msal` is there yet (the bundle is loaded on demand, see `loader`).
pub fn bundle_present() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("msal"))
        .map(|v| v.is_object())
        .unwrap_or(false)
}
