//! The one place that sends HTTP: adds the bearer token and a client-request-id, honours Retry-After
//! on 429/503, renews an expired token once, and decodes Graph's error envelope.

use std::{future::Future, pin::Pin, rc::Rc, time::Duration};

use gloo_net::http::{Request, Response};
use policy_model::error::GraphError;
use serde::de::DeserializeOwned;

use super::{sleep::sleep, GraphClientError};
use crate::auth::AuthError;

/// Supplies a bearer token (`None` in demo mode); the flag asks for a fresh one, not the cached one.
pub type TokenSource =
    Rc<dyn Fn(bool) -> Pin<Box<dyn Future<Output = Result<Option<String>, AuthError>>>>>;

/// Told when the client is waiting before a retry, so the page can say why it is paused.
pub type WaitNotice = Rc<dyn Fn(Option<RetryWait>)>;

/// Why and for how long the client is waiting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryWait {
    pub status: u16,
    /// Whole seconds, rounded up: what the page shows.
    pub seconds: u64,
    pub attempt: u32,
}

/// How often one request is tried when Graph throttles or is briefly unavailable.
const MAX_ATTEMPTS: u32 = 6;
/// How often one GET is tried when no answer comes back at all.
const NETWORK_ATTEMPTS: u32 = 3;
/// A Retry-After longer than this is not waited out silently; the error is shown instead.
const LONGEST_WAIT: Duration = Duration::from_secs(120);

#[derive(Clone)]
pub struct GraphClient {
    base_url: String,
    token: TokenSource,
    on_wait: Option<WaitNotice>,
}

impl GraphClient {
    pub fn new(base_url: &str, token: TokenSource) -> Self {
        GraphClient {
            base_url: base_url.trim_end_matches('/').to_owned(),
            token,
            on_wait: None,
        }
    }

    pub fn with_wait_notice(mut self, notice: WaitNotice) -> Self {
        self.on_wait = Some(notice);
        self
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// GETs an absolute URL (as built by policy-model, or an `@odata.nextLink`) and decodes the JSON.
    /// GET is safe to repeat, so throttling, 503 and dropped connections are retried.
    pub async fn get_json<T: DeserializeOwned>(&self, url: &str) -> Result<T, GraphClientError> {
        self.send_repeatable(url, None).await
    }

    /// POSTs a request that only reads (such as `directoryObjects/getByIds`), so it is retried
    /// exactly like a GET. Never use it for a POST that creates something.
    pub async fn post_read_json<T: DeserializeOwned>(
        &self,
        url: &str,
        body: &serde_json::Value,
    ) -> Result<T, GraphClientError> {
        self.send_repeatable(url, Some(body.to_string())).await
    }

    /// One request loop for everything that may be sent again: GET without a body, read-only POST
    /// with one.
    async fn send_repeatable<T: DeserializeOwned>(
        &self,
        url: &str,
        body: Option<String>,
    ) -> Result<T, GraphClientError> {
        let mut force_refresh = false;
        let mut attempt = 1;
        loop {
            let token = (self.token)(force_refresh).await?;
            let mut builder = match body {
                None => Request::get(url),
                Some(_) => Request::post(url).header("Content-Type", "application/json"),
            }
            .header("client-request-id", &new_request_id())
            .header("Accept", "application/json");
            if let Some(token) = &token {
                builder = builder.header("Authorization", &format!("Bearer {token}"));
            }
            let outcome = match &body {
                None => builder.send().await,
                Some(text) => match builder.body(text.clone()) {
                    Ok(request) => request.send().await,
                    Err(e) => return Err(GraphClientError::Network(e.to_string())),
                },
            };
            let response = match outcome {
                // A dropped connection or a blip; a CORS refusal looks the same, so give up sooner.
                Err(_) if attempt < NETWORK_ATTEMPTS => {
                    self.wait(0, backoff(attempt), attempt).await;
                    attempt += 1;
                    continue;
                }
                Err(e) => return Err(GraphClientError::Network(e.to_string())),
                Ok(r) => r,
            };
            if response.ok() {
                self.notify(None);
                let text = response
                    .text()
                    .await
                    .map_err(|e| GraphClientError::Network(e.to_string()))?;
                return serde_json::from_str(&text)
                    .map_err(|e| GraphClientError::Decode(e.to_string()));
            }
            let error = decode_error(response).await;
            // An expired or revoked token: get a fresh one once before giving up.
            if error.status() == 401 && token.is_some() && !force_refresh {
                force_refresh = true;
                continue;
            }
            if error.is_retryable() && attempt < MAX_ATTEMPTS {
                let wait = retry_delay(&error).unwrap_or_else(|| backoff(attempt));
                if wait <= LONGEST_WAIT {
                    self.wait(error.status(), wait, attempt).await;
                    attempt += 1;
                    continue;
                }
            }
            self.notify(None);
            return Err(error.into());
        }
    }

    async fn wait(&self, status: u16, duration: Duration, attempt: u32) {
        self.notify(Some(RetryWait {
            status,
            seconds: duration.as_millis().div_ceil(1000) as u64,
            attempt,
        }));
        sleep(duration).await;
    }

    fn notify(&self, wait: Option<RetryWait>) {
        if let Some(on_wait) = &self.on_wait {
            on_wait(wait);
        }
    }
}

async fn decode_error(response: Response) -> GraphError {
    let status = response.status();
    let retry_after = response.headers().get("retry-after");
    let body = response.text().await.unwrap_or_default();
    GraphError::from_response(status, retry_after.as_deref(), &body)
}

/// Retry-After as seconds or as an HTTP date; a date needs the browser's clock (wasm32 has no
/// system clock, so the model cannot read one itself).
fn retry_delay(error: &GraphError) -> Option<Duration> {
    let now = std::time::UNIX_EPOCH + Duration::from_millis(js_sys::Date::now() as u64);
    error.retry_after_from(now)
}

/// 1 s, 2 s, 4 s … when Graph gives no Retry-After.
fn backoff(attempt: u32) -> Duration {
    Duration::from_secs(1u64 << attempt.saturating_sub(1).min(5))
}

/// A fresh id per request: Graph echoes it, and support can trace the call by it.
pub fn new_request_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_default()
}
