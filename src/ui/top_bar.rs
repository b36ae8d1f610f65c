//! The bar across the top: product name, which tenant this is, who is signed in, sign-out.

use leptos::{prelude::*, task::spawn_local};

use crate::session::use_session;

#[component]
pub fn TopBar() -> impl IntoView {
    let session = use_session();
    let account = session.account;
    let sign_out_error = RwSignal::new(None::<String>);
    // MSAL's client is not Send; a local StoredValue lets the reactive view below hold it.
    let auth = StoredValue::new_local(session.auth.clone());
    let sign_out = move |_| {
        let Some(auth) = auth.get_value() else { return };
        spawn_local(async move {
            if let Err(e) = auth.sign_out().await {
                sign_out_error.set(Some(e.message));
            }
        });
    };
    let demo = session.is_demo();
    view! {
        <header class="top-bar">
            <a class="brand" href="./" rel="external">"Policy Desk"</a>
            <Show when=move || demo>
                <span class="badge demo" data-testid="demo-banner" title="Data from the built-in emulator, not a Microsoft tenant">
                    "Sample tenant · demo, no sign-in"
                </span>
            </Show>
            <span class="spacer"></span>
            {move || account.get().map(|a| view! {
                <span class="account" title=a.username.clone()>
                    <span class="visually-hidden">"Signed in as "</span>
                    <span data-testid="account-name">{a.name.clone()}</span>
                </span>
                <button class="link" data-testid="sign-out" on:click=sign_out>"Sign out"</button>
            })}
            {move || sign_out_error.get().map(|m| view! { <span class="error-message" role="alert">{m}</span> })}
        </header>
    }
}
