//! A failed Graph or sign-in call, shown with what happened, what to do, and the ids support asks for.

use leptos::prelude::*;

use crate::graph::GraphClientError;

#[component]
pub fn ErrorPanel(error: GraphClientError) -> impl IntoView {
    let (code, message, next_step, request_id, client_request_id) = match &error {
        GraphClientError::Graph(e) => (
            e.code().to_owned(),
            e.message().to_owned(),
            format!("{} {}", e.explanation(), e.next_step()),
            e.request_id().unwrap_or_default().to_owned(),
            e.client_request_id().unwrap_or_default().to_owned(),
        ),
        GraphClientError::Auth(e) => (e.code.clone(), e.message.clone(), String::new(), String::new(), String::new()),
        GraphClientError::Network(detail) => (
            "NetworkError".to_owned(),
            format!("Graph could not be reached ({detail})."),
            "Check your connection. If this keeps happening, check graphBaseUrl in config.json and that the site's origin is allowed.".to_owned(),
            String::new(),
            String::new(),
        ),
        GraphClientError::Decode(detail) => (
            "UnreadableResponse".to_owned(),
            format!("Graph answered with data this app cannot read ({detail})."),
            "Check that graphBaseUrl points at Microsoft Graph v1.0.".to_owned(),
            String::new(),
            String::new(),
        ),
    };
    let has_ids = !request_id.is_empty();
    view! {
        <section class="error-panel" role="alert" data-testid="graph-error">
            <h2>"Something went wrong"</h2>
            <p class="error-message" data-testid="error-message">{message}</p>
            <Show when={
                let next_step = next_step.clone();
                move || !next_step.trim().is_empty()
            }>
                <p class="error-next">{next_step.clone()}</p>
            </Show>
            <dl class="error-ids">
                <dt>"Error code"</dt>
                <dd><code data-testid="error-code">{code}</code></dd>
                <Show when=move || has_ids>
                    <dt>"request-id"</dt>
                    <dd><code data-testid="error-request-id">{request_id.clone()}</code></dd>
                    <dt>"client-request-id"</dt>
                    <dd><code>{client_request_id.clone()}</code></dd>
                </Show>
            </dl>
        </section>
    }
}
