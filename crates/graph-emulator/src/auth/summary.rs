//! The request log's stand-in for an Authorization header: who issued the
//! token, for whom, with which scopes and whether it verified, never the
//! token itself.

use super::TokenVerdict;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::Value;

/// Reads the (unverified) payload of a JWT, for display only.
pub fn unverified_claims(token: &str) -> Option<Value> {
    let payload = token.split('.').nth(1)?;
    let bytes = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Granted permissions: delegated `scp` (space separated) plus app `roles`.
pub fn granted_permissions(claims: &Value) -> Vec<String> {
    let mut granted: Vec<String> = claims["scp"]
        .as_str()
        .map(|s| s.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default();
    if let Some(roles) = claims["roles"].as_array() {
        granted.extend(roles.iter().filter_map(Value::as_str).map(str::to_owned));
    }
    granted
}

pub fn summarize(header_value: &str, verdict: Option<TokenVerdict>) -> String {
    let valid = match verdict {
        Some(TokenVerdict::Valid) => "true",
        Some(TokenVerdict::Invalid) => "false",
        None => "unchecked",
    };
    let Some(token) = header_value.strip_prefix("Bearer ").map(str::trim) else {
        return format!("<redacted non-bearer credential; valid={valid}>");
    };
    match unverified_claims(token) {
        Some(claims) => {
            let text = |v: &Value| match v {
                Value::String(s) => s.clone(),
                Value::Null => "-".to_owned(),
                other => other.to_string(),
            };
            format!(
                "Bearer <redacted; iss={}, aud={}, scp={}, valid={valid}>",
                text(&claims["iss"]),
                text(&claims["aud"]),
                text(&claims["scp"]),
            )
        }
        None => format!("Bearer <redacted; not a JWT; valid={valid}>"),
    }
}
