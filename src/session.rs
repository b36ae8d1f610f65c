//! What the app knows once it has started: its configuration, how it signs in, and who is signed in.

use std::rc::Rc;

use leptos::prelude::*;

use crate::{
    auth::{Account, MsalAuth},
    config::RuntimeConfig,
    graph::{GraphClient, TokenSource, WaitNotice},
};

/// Shared by every page through context (as a `StoredValue`, since MSAL's client is not `Send`).
#[derive(Clone)]
pub struct Session {
    pub config: Rc<RuntimeConfig>,
    /// `None` in demo mode: no sign-in, no token.
    pub auth: Option<Rc<MsalAuth>>,
    pub account: RwSignal<Option<Account>, LocalStorage>,
}

impl Session {
    pub fn is_demo(&self) -> bool {
        self.auth.is_none()
    }

    /// Bearer tokens from MSAL (none in demo mode), for Graph calls.
    pub fn token_source(&self) -> TokenSource {
        let auth = self.auth.clone();
        Rc::new(move |force_refresh| {
            let auth = auth.clone();
            Box::pin(async move {
                match auth {
                    Some(auth) => auth.access_token(force_refresh).await.map(Some),
                    None => Ok(None),
                }
            })
        })
    }

    /// A Graph client whose token comes from MSAL (or none in demo mode).
    pub fn graph_client(&self, on_wait: WaitNotice) -> GraphClient {
        GraphClient::new(&self.config.graph_base_url, self.token_source()).with_wait_notice(on_wait)
    }
}

/// The session from context; every page below the boot screen has one.
pub fn use_session() -> Session {
    expect_context::<StoredValue<Session, LocalStorage>>().get_value()
}
