//! Sign-in and tokens. This module is the only code that touches MSAL.

mod error;
mod loader;
mod msal_js;

use serde_json::json;
use wasm_bindgen::JsValue;

pub use error::AuthError;

use crate::config::MsalSettings;
use msal_js::PublicClientApplication;

/// The signed-in administrator as MSAL knows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Display name from the ID token (`name`), falling back to the username.
    pub name: String,
    /// Sign-in name (`preferred_username`).
    pub username: String,
    pub home_account_id: String,
    pub tenant_id: String,
}

impl Account {
    fn from_js(value: &JsValue) -> Option<Account> {
        if value.is_null() || value.is_undefined() {
            return None;
        }
        let field = |name: &str| {
            js_sys::Reflect::get(value, &JsValue::from_str(name))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        let username = field("username");
        let name = Some(field("name"))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| username.clone());
        Some(Account {
            name,
            username,
            home_account_id: field("homeAccountId"),
            tenant_id: field("tenantId"),
        })
    }
}

/// A started MSAL client plus the settings it was made from.
pub struct MsalAuth {
    pca: PublicClientApplication,
    settings: MsalSettings,
}

impl MsalAuth {
    /// Loads the bundle, initializes MSAL and completes a redirect sign-in if this page load is the
    /// return from one. Returns the signed-in account, if any.
    pub async fn start(settings: MsalSettings) -> Result<(MsalAuth, Option<Account>), AuthError> {
        loader::load_msal_bundle().await?;
        let configuration = js_sys::JSON::parse(&msal_configuration(&settings).to_string())
            .map_err(|_| AuthError::config("The MSAL configuration could not be built."))?;
        let pca = PublicClientApplication::new(&configuration);
        pca.initialize().await.map_err(|e| AuthError::from_js(&e))?;
        let auth = MsalAuth { pca, settings };
        let redirect_result = auth
            .pca
            .handle_redirect_promise()
            .await
            .map_err(|e| AuthError::from_js(&e))?;
        if let Some(account) = account_of_result(&redirect_result) {
            auth.pca.set_active_account(&account);
        }
        let account = auth.active_account_js().and_then(|a| Account::from_js(&a));
        Ok((auth, account))
    }

    /// The active account, or the only cached one (set active so token calls find it).
    fn active_account_js(&self) -> Option<JsValue> {
        let active = self.pca.get_active_account();
        if !active.is_null() && !active.is_undefined() {
            return Some(active);
        }
        let all = self.pca.get_all_accounts();
        if all.length() >= 1 {
            let first = all.get(0);
            self.pca.set_active_account(&first);
            return Some(first);
        }
        None
    }

    fn login_request(&self) -> JsValue {
        js_value(&json!({ "scopes": self.settings.scopes }))
    }

    /// Leaves the page for the sign-in page; the app resumes in `start` on the way back.
    pub async fn sign_in_redirect(&self) -> Result<(), AuthError> {
        self.pca
            .login_redirect(&self.login_request())
            .await
            .map(|_| ())
            .map_err(|e| AuthError::from_js(&e))
    }

    pub async fn sign_in_popup(&self) -> Result<Account, AuthError> {
        let result = self
            .pca
            .login_popup(&self.login_request())
            .await
            .map_err(|e| AuthError::from_js(&e))?;
        let account = account_of_result(&result)
            .ok_or_else(|| AuthError::config("Sign-in finished without an account."))?;
        self.pca.set_active_account(&account);
        Account::from_js(&account)
            .ok_or_else(|| AuthError::config("Sign-in finished without an account."))
    }

    /// Signs out at the identity provider too; MSAL does not send `id_token_hint` unless we pass it,
    /// and without it providers ignore the post-logout redirect.
    pub async fn sign_out(&self) -> Result<(), AuthError> {
        let account = self.active_account_js().unwrap_or(JsValue::NULL);
        let id_token = js_sys::Reflect::get(&account, &JsValue::from_str("idToken"))
            .ok()
            .and_then(|v| v.as_string());
        let request = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| {
            let _ = js_sys::Reflect::set(&request, &JsValue::from_str(k), v);
        };
        set("account", &account);
        set(
            "postLogoutRedirectUri",
            &JsValue::from_str(&self.settings.post_logout_redirect_uri),
        );
        if let Some(token) = id_token {
            set("idTokenHint", &JsValue::from_str(&token));
        }
        self.pca
            .logout_redirect(&request)
            .await
            .map(|_| ())
            .map_err(|e| AuthError::from_js(&e))
    }

    /// A Graph access token for the active account. When MSAL needs the user (consent, expired
    /// session) it continues with a redirect, which leaves the page: callers treat that as pending.
    pub async fn access_token(&self, force_refresh: bool) -> Result<String, AuthError> {
        let account = self.active_account_js().ok_or_else(|| AuthError {
            code: "no_account_error".into(),
            message: "You are signed out. Sign in again to continue.".into(),
        })?;
        let request = self.login_request();
        let _ = js_sys::Reflect::set(&request, &JsValue::from_str("account"), &account);
        let _ = js_sys::Reflect::set(
            &request,
            &JsValue::from_str("forceRefresh"),
            &JsValue::from_bool(force_refresh),
        );
        match self.pca.acquire_token_silent(&request).await {
            Ok(result) => js_sys::Reflect::get(&result, &JsValue::from_str("accessToken"))
                .ok()
                .and_then(|v| v.as_string())
                .ok_or_else(|| AuthError::config("MSAL returned no access token.")),
            Err(e) => {
                let error = AuthError::from_js(&e);
                if error.needs_interaction() {
                    self.pca
                        .acquire_token_redirect(&request)
                        .await
                        .map_err(|e| AuthError::from_js(&e))?;
                }
                Err(error)
            }
        }
    }
}

fn account_of_result(result: &JsValue) -> Option<JsValue> {
    if result.is_null() || result.is_undefined() {
        return None;
    }
    js_sys::Reflect::get(result, &JsValue::from_str("account"))
        .ok()
        .filter(|a| a.is_object())
}

fn js_value(value: &serde_json::Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
}

/// MSAL v5 configuration. Tokens stay in MSAL's default sessionStorage cache (gone when the tab
/// closes); `protocolMode` lives under `system` in v5 (under `auth` it is silently ignored).
fn msal_configuration(settings: &MsalSettings) -> serde_json::Value {
    let mut auth = json!({
        "clientId": settings.client_id,
        "authority": settings.authority,
        "redirectUri": settings.redirect_uri,
        "postLogoutRedirectUri": settings.post_logout_redirect_uri,
    });
    if !settings.known_authorities.is_empty() {
        auth["knownAuthorities"] = json!(settings.known_authorities);
    }
    json!({
        "auth": auth,
        "cache": { "cacheLocation": "sessionStorage" },
        "system": { "protocolMode": settings.protocol_mode.as_msal_str() },
    })
}
