//! What can go wrong talking to Graph, typed so the UI can say what to do.

use policy_model::error::GraphError;

use crate::auth::AuthError;

#[derive(Debug, Clone, thiserror::Error)]
pub enum GraphClientError {
    /// Graph answered with its error envelope (or an unexpected status).
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// The request never got an answer: offline, DNS, CORS refusal, or a dropped connection.
    #[error("Graph could not be reached: {0}")]
    Network(String),
    /// No token could be had; `AuthError::needs_interaction` tells whether a sign-in page is on its way.
    #[error(transparent)]
    Auth(#[from] AuthError),
    /// Graph answered 2xx with a body that is not what v1.0 documents.
    #[error("Graph's answer could not be read: {0}")]
    Decode(String),
}
