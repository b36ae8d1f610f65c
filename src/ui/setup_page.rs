//! Shown instead of a blank screen when `config.json` is missing or wrong: it names each bad field.

use leptos::prelude::*;

use crate::config::ConfigProblem;

#[component]
pub fn SetupPage(
    /// Why the configuration could not be used at all (e.g. the file is missing), if that is the case.
    #[prop(optional, into)]
    headline: Option<String>,
    #[prop(optional)] problems: Vec<ConfigProblem>,
) -> impl IntoView {
    view! {
        <main class="page setup" data-testid="setup-page">
            <h1>"Policy Desk needs its configuration"</h1>
            <p class="lead">
                {headline.unwrap_or_else(|| "config.json has problems that stop the app from starting:".into())}
            </p>
            <ul class="setup-problems">
                {problems
                    .into_iter()
                    .map(|p| {
                        let label = if p.field.is_empty() { "config.json".to_owned() } else { p.field.clone() };
                        view! {
                            <li data-testid="setup-problem" data-field=p.field.clone()>
                                <code>{label}</code>
                                ": "
                                {p.message}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p>
                "Put a config.json beside index.html. For the sample tenant use "
                <code>"{\"mode\": \"demo\", \"graphBaseUrl\": \"http://127.0.0.1:8081/v1.0\"}"</code>
                "; for your tenant see “Use with your tenant” in the README (clientId, authority, redirectUri, scopes)."
            </p>
        </main>
    }
}
