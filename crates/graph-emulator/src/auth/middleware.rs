//! The `/v1.0` gate: no issuer configured (demo mode) lets everything
//! through; otherwise the bearer token must verify and carry the permission.

use super::permissions::requirement;
use super::summary::granted_permissions;
use super::{AuthError, TokenVerdict};
use crate::error::GraphError;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn require_token(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let Some(authenticator) = state.authenticator.clone() else {
        return next.run(request).await;
    };
    let token = request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
                .unwrap_or(v)
                .trim()
                .to_owned()
        })
        .unwrap_or_default();
    // Decided before awaiting: holding `&request` across an await would need a `Sync` body.
    let needed = requirement(request.method(), request.uri().path());
    let outcome: Result<(), GraphError> = async {
        if token.is_empty() {
            return Err(AuthError::Empty.into());
        }
        let claims = authenticator.verify(&token).await?;
        if !needed.is_met_by(&granted_permissions(&claims)) {
            return Err(needed.denied());
        }
        Ok(())
    }
    .await;
    let (mut response, verdict) = match outcome {
        Ok(()) => (next.run(request).await, TokenVerdict::Valid),
        // A 403 means the token itself was fine.
        Err(error) if error.status.as_u16() == 403 => (error.into_response(), TokenVerdict::Valid),
        Err(error) => (error.into_response(), TokenVerdict::Invalid),
    };
    response.extensions_mut().insert(verdict);
    response
}
