//! The issuer's signing keys, fetched over HTTP(S) and cached by `kid`.
//! An unknown `kid` triggers exactly one refetch (the issuer may have rotated).

use super::AuthError;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::DecodingKey;
use std::collections::HashMap;
use std::sync::RwLock;

pub struct JwksCache {
    uri: String,
    client: reqwest::Client,
    keys: RwLock<HashMap<String, DecodingKey>>,
}

impl std::fmt::Debug for JwksCache {
    // Keys themselves are not Debug (and not interesting); the source is.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JwksCache")
            .field("uri", &self.uri)
            .finish_non_exhaustive()
    }
}

impl JwksCache {
    pub fn new(uri: String, client: reqwest::Client) -> Self {
        Self {
            uri,
            client,
            keys: RwLock::new(HashMap::new()),
        }
    }

    pub fn uri(&self) -> &str {
        &self.uri
    }

    /// A token without `kid` is accepted only when the JWKS holds a single key.
    pub async fn key_for(&self, kid: Option<&str>) -> Result<DecodingKey, AuthError> {
        if let Some(key) = self.cached(kid) {
            return Ok(key);
        }
        self.refresh().await?;
        self.cached(kid).ok_or_else(|| {
            AuthError::Rejected(format!(
                "The signing key '{}' is not in the issuer's JWKS.",
                kid.unwrap_or("(no kid)")
            ))
        })
    }

    fn cached(&self, kid: Option<&str>) -> Option<DecodingKey> {
        let keys = self
            .keys
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match kid {
            Some(kid) => keys.get(kid).cloned(),
            None if keys.len() == 1 => keys.values().next().cloned(),
            None => None,
        }
    }

    async fn refresh(&self) -> Result<(), AuthError> {
        let failed = |reason: String| AuthError::Jwks {
            uri: self.uri.clone(),
            reason,
        };
        let set: JwkSet = self
            .client
            .get(&self.uri)
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(|e| failed(with_causes(&e)))?
            .json()
            .await
            .map_err(|e| failed(with_causes(&e)))?;
        let mut fresh = HashMap::new();
        for jwk in &set.keys {
            let key = DecodingKey::from_jwk(jwk).map_err(|e| failed(e.to_string()))?;
            fresh.insert(jwk.common.key_id.clone().unwrap_or_default(), key);
        }
        *self
            .keys
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = fresh;
        Ok(())
    }
}

/// reqwest's Display hides the cause ("error sending request"); TLS and
/// connection problems are only visible further down the chain.
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
