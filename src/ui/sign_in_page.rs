//! The signed-out start page.

use leptos::{prelude::*, task::spawn_local};

use crate::{auth::AuthError, session::use_session};

#[component]
pub fn SignInPage() -> impl IntoView {
    let session = use_session();
    let error = RwSignal::new(None::<AuthError>);
    let busy = RwSignal::new(false);

    let redirect = {
        let session = session.clone();
        move |_| {
            let Some(auth) = session.auth.clone() else {
                return;
            };
            busy.set(true);
            spawn_local(async move {
                // On success the browser leaves for the sign-in page; only failures come back here.
                if let Err(e) = auth.sign_in_redirect().await {
                    error.set(Some(e));
                    busy.set(false);
                }
            });
        }
    };
    let popup = move |_| {
        let Some(auth) = session.auth.clone() else {
            return;
        };
        let account = session.account;
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match auth.sign_in_popup().await {
                Ok(a) => account.set(Some(a)),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };

    view! {
        <main class="page sign-in">
            <h1>"Sign in to manage access package policies"</h1>
            <p class="lead">
                "Sign in with a Microsoft Entra account that has an entitlement management role (for example "
                "Identity Governance Administrator, Catalog owner or Access package manager)."
            </p>
            <div class="actions">
                <button class="primary" data-testid="sign-in" on:click=redirect disabled=move || busy.get()>
                    "Sign in"
                </button>
                <button data-testid="sign-in-popup" on:click=popup disabled=move || busy.get()>
                    "Sign in with a pop-up window"
                </button>
            </div>
            {move || error.get().map(|e| view! {
                <p class="error-message" role="alert" data-testid="auth-error">
                    {e.message} " " <code>{e.code}</code>
                </p>
            })}
        </main>
    }
}
