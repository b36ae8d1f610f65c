//! Start-up (config, then sign-in state) and the routes.

use std::rc::Rc;

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::{
    auth::{AuthError, MsalAuth},
    config::{parse_config, ConfigProblem, Mode},
    graph::fetch_site_text,
    session::{use_session, Session},
    ui::{PolicyListPage, SetupPage, SignInPage, TopBar},
};

/// Where the app is in starting up.
#[derive(Clone)]
enum Boot {
    Starting,
    /// The configuration is missing or wrong: the setup page says which field.
    NeedsSetup {
        headline: Option<String>,
        problems: Vec<ConfigProblem>,
    },
    /// MSAL could not start (bundle missing, authority unreachable).
    AuthFailed(AuthError),
    Ready,
}

/// Mounts the app with one page. Each page is its own wasm bundle (`src/main.rs` for the list,
/// `src/bin/*.rs` for the others): a bundle links only the page it names, so the first load
/// downloads the list alone, and the detail and create pages only when they are opened.
pub fn mount(page: fn() -> AnyView) {
    // A panic aborts the wasm instance; say why in the console (debug builds; release site builds
    // abort at once, see scripts/build-site.sh).
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Policy Desk stopped: {info}").into());
    }));
    leptos::mount::mount_to_body(move || view! { <App page=page/> });
}

/// The list of policies (`/`). Its links to other pages are ordinary navigations, so it needs no
/// client-side router.
pub fn list_page() -> AnyView {
    // Once for the page: the list component mounts again when the account changes.
    crate::ui::reload_when_restored_out_of_date();
    view! { <TopBar/><Home/> }.into_any()
}

/// Routes match below the path the site is served under (`""` at the root, `"/desk"` under
/// `/desk/`), so one build works wherever it was built to be served.
fn router_base() -> String {
    crate::ui::site_base_path().trim_end_matches('/').to_owned()
}

/// One policy (`/policies/{id}`).
pub fn detail_page() -> AnyView {
    view! {
        <TopBar/>
        <Router base=router_base()>
            <Routes fallback=|| view! { <NotFound/> }>
                <Route path=path!("/policies/:id") view=crate::ui::PolicyDetailPage/>
            </Routes>
        </Router>
    }
    .into_any()
}

/// The create form (`/policies/new`).
pub fn create_page() -> AnyView {
    view! {
        <TopBar/>
        <Router base=router_base()>
            <Routes fallback=|| view! { <NotFound/> }>
                <Route path=path!("/policies/new") view=crate::ui::create::CreatePolicyPage/>
            </Routes>
        </Router>
    }
    .into_any()
}

#[component]
fn App(page: fn() -> AnyView) -> impl IntoView {
    let boot = RwSignal::new(Boot::Starting);
    let session = StoredValue::new_local(None::<Session>);

    spawn_local(async move {
        let next = match start().await {
            Ok(s) => {
                session.set_value(Some(s));
                Boot::Ready
            }
            Err(b) => b,
        };
        boot.set(next);
    });

    move || {
        match boot.get() {
        Boot::Starting => view! {
            <p class="boot" data-testid="loading" role="status">"Starting Policy Desk…"</p>
        }
        .into_any(),
        Boot::NeedsSetup { headline, problems } => match headline {
            Some(h) => view! { <SetupPage headline=h problems=problems/> }.into_any(),
            None => view! { <SetupPage problems=problems/> }.into_any(),
        },
        Boot::AuthFailed(e) => view! {
            <SetupPage
                headline="Sign-in could not start."
                problems=vec![ConfigProblem { field: "authority".into(), message: format!("{} ({})", e.message, e.code) }]
            />
        }
        .into_any(),
        Boot::Ready => {
            let s = session.get_value().expect("session is set before Ready");
            provide_context(StoredValue::new_local(s));
            page()
        }
    }
    }
}

/// Reads config.json, then (in MSAL mode) starts MSAL and finishes any redirect sign-in.
async fn start() -> Result<Session, Boot> {
    let text = fetch_site_text("config.json").await.map_err(|e| Boot::NeedsSetup {
        headline: Some(format!("The configuration could not be read: {e}")),
        problems: vec![ConfigProblem {
            field: String::new(),
            message: "Deploy a config.json beside index.html (see the README's “Use with your tenant”).".into(),
        }],
    })?;
    let config = parse_config(&text).map_err(|problems| Boot::NeedsSetup {
        headline: None,
        problems,
    })?;
    let account = RwSignal::new_local(None);
    let auth = match (config.mode, config.msal.clone()) {
        (Mode::Msal, Some(settings)) => {
            let (auth, signed_in) = MsalAuth::start(settings).await.map_err(Boot::AuthFailed)?;
            account.set(signed_in);
            Some(Rc::new(auth))
        }
        _ => None,
    };
    Ok(Session {
        config: Rc::new(config),
        auth,
        account,
    })
}

/// The policy list once signed in (or in demo mode); the sign-in page otherwise.
#[component]
fn Home() -> impl IntoView {
    let session = use_session();
    let account = session.account;
    let demo = session.is_demo();
    move || {
        if demo || account.with(Option::is_some) {
            view! { <PolicyListPage/> }.into_any()
        } else {
            view! { <SignInPage/> }.into_any()
        }
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <main class="page">
            <h1>"Page not found"</h1>
            <p><a href="./" rel="external">"Go to the policy list"</a></p>
        </main>
    }
}
