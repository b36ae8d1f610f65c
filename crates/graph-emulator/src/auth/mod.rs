//! Bearer-token checks for `/v1.0`, active only when `--issuer` is given.
//!
//! Tokens are RS256 JWTs verified against the issuer's JWKS (iss, aud,
//! exp/nbf), then the delegated `scp` (or application `roles`) must grant
//! the permission the endpoint needs. Failures use Graph's codes and
//! messages. Token values are never logged.

mod jwks;
mod middleware;
mod permissions;
pub mod summary;
mod trusted_issuer_tls;

pub use jwks::JwksCache;
pub use middleware::require_token;
pub(crate) use permissions::requirement;
pub use trusted_issuer_tls::{client_config as trusted_issuer_tls_config, TrustError};

use crate::error::GraphError;
use axum::http::header::WWW_AUTHENTICATE;
use axum::http::{HeaderValue, StatusCode};
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, Validation};
use serde_json::Value;

/// Audiences Graph tokens carry: the resource URI and Graph's app id.
pub const DEFAULT_AUDIENCES: &[&str] = &[
    "https://graph.microsoft.com",
    "00000003-0000-0000-c000-000000000000",
];

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("Access token is empty.")]
    Empty,
    #[error("CompactToken parsing failed with error code: 80049217")]
    Malformed,
    #[error("Access token validation failure. Invalid audience.")]
    Audience,
    #[error("Access token validation failure. Invalid issuer.")]
    Issuer,
    #[error("Lifetime validation failed, the token is expired.")]
    Expired,
    #[error("Lifetime validation failed, the token is not yet valid.")]
    NotYetValid,
    #[error("Access token validation failure. Invalid signature.")]
    Signature,
    #[error("Access token validation failure. {0}")]
    Rejected(String),
    #[error("The emulator could not load the JWKS from {uri}: {reason}")]
    Jwks { uri: String, reason: String },
}

impl From<AuthError> for GraphError {
    fn from(error: AuthError) -> Self {
        match error {
            AuthError::Jwks { .. } => {
                GraphError::new(StatusCode::INTERNAL_SERVER_ERROR, "UnknownError", error.to_string())
            }
            other => GraphError::new(
                StatusCode::UNAUTHORIZED,
                "InvalidAuthenticationToken",
                other.to_string(),
            )
            .with_header(
                WWW_AUTHENTICATE,
                HeaderValue::from_static(
                    "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"",
                ),
            ),
        }
    }
}

/// Verifies tokens for one issuer and set of audiences.
#[derive(Debug)]
pub struct Authenticator {
    pub issuer: String,
    pub audiences: Vec<String>,
    pub jwks: JwksCache,
}

impl Authenticator {
    /// Returns the token's claims when signature, issuer, audience and lifetime hold.
    pub async fn verify(&self, token: &str) -> Result<Value, AuthError> {
        let header = jsonwebtoken::decode_header(token).map_err(|_| AuthError::Malformed)?;
        if header.alg != Algorithm::RS256 {
            return Err(AuthError::Rejected(format!(
                "Unsupported algorithm {:?}.",
                header.alg
            )));
        }
        let key = self.jwks.key_for(header.kid.as_deref()).await?;
        let mut validation = Validation::new(Algorithm::RS256);
        // `--issuer https://op/` and a token's `https://op` name the same issuer.
        let bare = self.issuer.trim_end_matches('/');
        validation.set_issuer(&[bare.to_owned(), format!("{bare}/")]);
        validation.set_audience(&self.audiences);
        validation.validate_nbf = true;
        validation.set_required_spec_claims(&["exp", "iss", "aud"]);
        jsonwebtoken::decode::<Value>(token, &key, &validation)
            .map(|data| data.claims)
            .map_err(|error| match error.kind() {
                ErrorKind::InvalidAudience => AuthError::Audience,
                ErrorKind::InvalidIssuer => AuthError::Issuer,
                ErrorKind::ExpiredSignature => AuthError::Expired,
                ErrorKind::ImmatureSignature => AuthError::NotYetValid,
                ErrorKind::InvalidSignature => AuthError::Signature,
                ErrorKind::InvalidToken
                | ErrorKind::Base64(_)
                | ErrorKind::Json(_)
                | ErrorKind::Utf8(_) => AuthError::Malformed,
                _ => AuthError::Rejected(error.to_string()),
            })
    }
}

/// What the auth middleware concluded, left on the response for the request log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenVerdict {
    Valid,
    Invalid,
}
