//! MSAL failures as a typed error with a message an admin can act on.

use wasm_bindgen::JsValue;

/// Why signing in or getting a token failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} ({code})")]
pub struct AuthError {
    /// MSAL's `errorCode` (e.g. `popup_window_error`), or our own code for failures before MSAL runs.
    pub code: String,
    /// What happened and what to do, in plain words.
    pub message: String,
}

impl AuthError {
    pub(crate) fn bundle(detail: &str) -> Self {
        AuthError {
            code: "msal_bundle_unavailable".into(),
            message: format!(
                "The sign-in library could not be loaded: {detail}. Check that msal-browser.min.js is deployed beside index.html."
            ),
        }
    }

    pub(crate) fn config(detail: &str) -> Self {
        AuthError {
            code: "msal_configuration".into(),
            message: detail.to_owned(),
        }
    }

    /// Reads an MSAL error object; MSAL v5 puts only a docs link in `message`, so we branch on `errorCode`.
    pub(crate) fn from_js(value: &JsValue) -> Self {
        let field = |name: &str| {
            js_sys::Reflect::get(value, &JsValue::from_str(name))
                .ok()
                .and_then(|v| v.as_string())
                .filter(|s| !s.is_empty())
        };
        let code = field("errorCode").unwrap_or_else(|| "unknown_error".into());
        let detail = field("errorMessage").or_else(|| field("message"));
        AuthError {
            message: explain(&code, detail.as_deref()),
            code,
        }
    }

    /// MSAL says the user has to sign in again (consent, expired session, no cached refresh token).
    pub fn needs_interaction(&self) -> bool {
        matches!(
            self.code.as_str(),
            "interaction_required"
                | "consent_required"
                | "login_required"
                | "bad_token"
                | "no_tokens_found"
                | "refresh_token_expired"
                | "native_account_unavailable"
                | "ui_not_allowed"
                | "interrupted_user"
                | "no_account_error"
        )
    }
}

fn explain(code: &str, detail: Option<&str>) -> String {
    let advice = match code {
        "popup_window_error" | "empty_window_error" => {
            "The browser blocked the sign-in window. Allow pop-ups for this site, or use “Sign in” instead."
        }
        "user_cancelled" => "Sign-in was cancelled before it finished. Start it again when you are ready.",
        "interaction_in_progress" => {
            "Another sign-in is still open in this browser. Finish or close it, then try again."
        }
        "endpoints_resolution_error" => {
            "The sign-in authority could not be reached or is not trusted. Check `authority` and `knownAuthorities` in config.json."
        }
        "authority_uri_insecure" => "The authority in config.json must use https://.",
        "timed_out" => "The sign-in page did not answer in time. Check that redirect.html is deployed and registered as a redirect URI.",
        "no_network_connectivity" => "The browser is offline. Reconnect, then try again.",
        c if c.contains("consent") => {
            "The app has not been granted the Graph permission it needs. Ask an administrator to grant consent for EntitlementManagement.Read.All."
        }
        _ => "",
    };
    match (advice.is_empty(), detail) {
        (false, _) => advice.to_owned(),
        (true, Some(d)) => format!("Sign-in failed: {d}"),
        (true, None) => format!("Sign-in failed with MSAL error “{code}”."),
    }
}
