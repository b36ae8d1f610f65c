//! Runtime fault injection (`/_emulator/faults`): make the next N matching
//! requests fail the way Graph and networks fail, so clients' retry and
//! recovery paths can be tested end to end.

use crate::auth::{requirement, AuthError};
use crate::error::GraphError;
use crate::request_log::DropRecorder;
use crate::server::ConnectionKill;
use axum::extract::{Request, State};
use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultMatch {
    /// HTTP method, case-insensitive; any when absent.
    pub method: Option<String>,
    /// Substring of the path; any when absent.
    pub path_contains: Option<String>,
    /// Substring of the raw (still percent-encoded) query string, e.g. `skiptoken` to hit only
    /// the pages after the first; any when absent. A request without a query never matches it.
    pub query_contains: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Fault {
    /// 429 TooManyRequests with Retry-After.
    Throttle { retry_after_seconds: Option<u64> },
    /// 503 serviceNotAvailable with Retry-After.
    Unavailable { retry_after_seconds: Option<u64> },
    /// Wait, then serve normally.
    Delay { milliseconds: u64 },
    /// Close the connection without any response.
    Drop,
    /// Serve the request (so a POST takes effect), then close without a response.
    DropAfterCommit,
    /// Serve the request (so a POST takes effect), then answer 504 GatewayTimeout instead of the
    /// handler's answer: Graph's front end gave up waiting while the service went on and applied
    /// it. The 5xx a client must not take for "nothing happened".
    TimeoutAfterCommit,
    /// 401 InvalidAuthenticationToken "Lifetime validation failed, the token is expired." with
    /// Graph's WWW-Authenticate header: what an expired access token gets, whatever the token.
    Unauthorized,
    /// 403 with the answer Graph gives that path when the caller's role or permission is
    /// missing: `UnAuthorized` for entitlement management, `Authorization_RequestDenied` for the
    /// directory.
    Forbidden,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultRule {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default, rename = "match")]
    pub matcher: FaultMatch,
    /// How many matching requests to fault; absent = every one until cleared.
    #[serde(default)]
    pub count: Option<u32>,
    pub fault: Fault,
}

#[derive(Clone, Default)]
pub struct FaultStore {
    rules: Arc<Mutex<Vec<FaultRule>>>,
}

impl FaultStore {
    pub fn add(&self, mut rule: FaultRule) -> FaultRule {
        rule.id = Some(uuid::Uuid::new_v4().to_string());
        self.lock().push(rule.clone());
        rule
    }

    pub fn list(&self) -> Vec<FaultRule> {
        self.lock().clone()
    }

    pub fn clear(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<FaultRule>> {
        self.rules.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Takes one use of the first rule matching the request, dropping spent rules.
    fn take(&self, method: &str, path: &str, query: Option<&str>) -> Option<Fault> {
        let mut rules = self.lock();
        let index = rules.iter().position(|rule| {
            let m = &rule.matcher;
            m.method
                .as_deref()
                .is_none_or(|wanted| wanted.eq_ignore_ascii_case(method))
                && m.path_contains
                    .as_deref()
                    .is_none_or(|part| path.contains(part))
                && m.query_contains
                    .as_deref()
                    .is_none_or(|part| query.is_some_and(|q| q.contains(part)))
        })?;
        let fault = rules[index].fault.clone();
        if let Some(count) = rules[index].count.as_mut() {
            *count = count.saturating_sub(1);
            if *count == 0 {
                rules.remove(index);
            }
        }
        Some(fault)
    }
}

pub async fn inject(State(faults): State<FaultStore>, request: Request, next: Next) -> Response {
    if request.uri().path().starts_with("/_emulator/") {
        return next.run(request).await;
    }
    let Some(fault) = faults.take(
        request.method().as_str(),
        request.uri().path(),
        request.uri().query(),
    ) else {
        return next.run(request).await;
    };
    let kill = request.extensions().get::<ConnectionKill>().cloned();
    let recorder = request.extensions().get::<DropRecorder>().cloned();
    match fault {
        Fault::Throttle {
            retry_after_seconds,
        } => {
            let seconds = retry_after_seconds.unwrap_or(1);
            retry_later(
                StatusCode::TOO_MANY_REQUESTS,
                "TooManyRequests",
                &format!("Too many requests. Please retry after {seconds} seconds."),
                seconds,
            )
        }
        Fault::Unavailable {
            retry_after_seconds,
        } => {
            let seconds = retry_after_seconds.unwrap_or(1);
            retry_later(
                StatusCode::SERVICE_UNAVAILABLE,
                "serviceNotAvailable",
                "The service is temporarily unavailable. Please retry later.",
                seconds,
            )
        }
        Fault::Delay { milliseconds } => {
            tokio::time::sleep(Duration::from_millis(milliseconds)).await;
            next.run(request).await
        }
        Fault::Drop => drop_connection(kill, recorder, None).await,
        Fault::Unauthorized => GraphError::from(AuthError::Expired).into_response(),
        Fault::Forbidden => requirement(request.method(), request.uri().path())
            .denied()
            .into_response(),
        Fault::DropAfterCommit => {
            // The handler runs to completion; its response is logged, then discarded on purpose.
            let committed = next.run(request).await;
            drop_connection(kill, recorder, Some(committed)).await
        }
        Fault::TimeoutAfterCommit => {
            // The handler's answer is discarded on purpose: only the timeout reaches the client.
            drop(next.run(request).await);
            GraphError::new(
                StatusCode::GATEWAY_TIMEOUT,
                "GatewayTimeout",
                "The request timed out before the service answered.",
            )
            .into_response()
        }
    }
}

fn retry_later(status: StatusCode, code: &str, message: &str, seconds: u64) -> Response {
    GraphError::new(status, code, message)
        .with_header(RETRY_AFTER, HeaderValue::from(seconds))
        .into_response()
}

/// Logs the request as dropped (with the handler's unsent answer for `dropAfterCommit`), then
/// closes the connection; never returns while the connection lives.
async fn drop_connection(
    kill: Option<ConnectionKill>,
    recorder: Option<DropRecorder>,
    committed: Option<Response>,
) -> Response {
    match kill {
        Some(kill) => {
            // Logged first, so the entry exists before the client can see the connection end.
            if let Some(recorder) = recorder {
                recorder.record(committed.as_ref());
            }
            drop(committed);
            kill.fire();
            std::future::pending().await
        }
        None => GraphError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "UnknownError",
            "A drop fault needs a real connection; this request was served in-process.",
        )
        .into_response(),
    }
}
