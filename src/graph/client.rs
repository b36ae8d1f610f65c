//! The one place that sends HTTP: adds the bearer token and a client-request-id, honours Retry-After
//! on 429/503, renews an expired token once, and decodes Graph's error envelope. Reads go through
//! [`GraphClient::get_json`] (retried); writes through [`GraphClient::send_once`] (never repeated).

use std::{future::Future, pin::Pin, rc::Rc, time::Duration};

use gloo_net::http::{Method, Request, RequestBuilder, Response};
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

/// What a request sent by [`GraphClient::send_once`] came to.
pub enum SentOnce {
    /// Graph answered, with any status (a 401 that survived the one token renewal included).
    Answered(Response),
    /// Nothing left the browser, so nothing can have been applied.
    NotSent(NotSent),
    /// The request left, but no answer came back (the connection dropped, or the browser gave up):
    /// Graph may or may not have applied it. Carries the browser's error text.
    NoResponse(String),
}

/// Why [`SentOnce::NotSent`].
pub enum NotSent {
    /// No token could be had.
    Token(AuthError),
    /// The request could not be built (e.g. a body the browser refused).
    Request(String),
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
        self.send_repeatable(url, None, &[]).await
    }

    /// [`get_json`](Self::get_json) with extra request headers, e.g. `ConsistencyLevel: eventual`
    /// for Graph's advanced directory queries (`$search`, `$count`).
    pub async fn get_json_with_headers<T: DeserializeOwned>(
        &self,
        url: &str,
        headers: &[(&str, &str)],
    ) -> Result<T, GraphClientError> {
        self.send_repeatable(url, None, headers).await
    }

    /// POSTs a request that only reads (such as `directoryObjects/getByIds`), so it is retried
    /// exactly like a GET. Never use it for a POST that creates something.
    pub async fn post_read_json<T: DeserializeOwned>(
        &self,
        url: &str,
        body: &serde_json::Value,
    ) -> Result<T, GraphClientError> {
        self.send_repeatable(url, Some(body.to_string()), &[]).await
    }

    /// Sends a request that must not be repeated (a POST that creates, a DELETE) and hands back the
    /// raw answer for the caller to read.
    ///
    /// Sent once. The only second send is after a 401 to a request that carried a token: Graph
    /// refused the token before doing anything, so one fresh token and one more send cannot apply
    /// it twice. Nothing else is retried, not throttling and not a dropped connection: after
    /// those, whether Graph applied the request is unknown, and only the caller can find out
    /// (by looking) before anything is sent again.
    ///
    /// `client_request_id` is sent as `client-request-id` (the caller keeps it, to find the
    /// request in Graph's logs or to match its result); `json_body` with
    /// `Content-Type: application/json`.
    pub async fn send_once(
        &self,
        method: Method,
        url: &str,
        client_request_id: &str,
        json_body: Option<&str>,
    ) -> SentOnce {
        let outgoing = Outgoing {
            method,
            url,
            headers: &[],
            json_body,
        };
        let mut force_refresh = false;
        loop {
            let token = match (self.token)(force_refresh).await {
                Ok(token) => token,
                Err(e) => return SentOnce::NotSent(NotSent::Token(e)),
            };
            let request = match outgoing.build(client_request_id, token.as_deref()) {
                Ok(request) => request,
                Err(e) => return SentOnce::NotSent(NotSent::Request(e)),
            };
            let response = match request.send().await {
                Ok(response) => response,
                Err(e) => return SentOnce::NoResponse(e.to_string()),
            };
            if renews_token(response.status(), &token, force_refresh) {
                force_refresh = true;
                continue;
            }
            return SentOnce::Answered(response);
        }
    }

    /// One request loop for everything that may be sent again: GET without a body, read-only POST
    /// with one.
    async fn send_repeatable<T: DeserializeOwned>(
        &self,
        url: &str,
        body: Option<String>,
        headers: &[(&str, &str)],
    ) -> Result<T, GraphClientError> {
        let outgoing = Outgoing {
            method: if body.is_some() {
                Method::POST
            } else {
                Method::GET
            },
            url,
            headers,
            json_body: body.as_deref(),
        };
        let mut force_refresh = false;
        let mut attempt = 1;
        loop {
            let token = (self.token)(force_refresh).await?;
            let request = outgoing
                .build(&new_request_id(), token.as_deref())
                .map_err(GraphClientError::Network)?;
            let response = match request.send().await {
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
            if renews_token(response.status(), &token, force_refresh) {
                force_refresh = true;
                continue;
            }
            let error = decode_error(response).await;
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

/// One request as both send loops build it, afresh for every send (a fresh token, and for
/// repeatable requests a fresh request id).
struct Outgoing<'a> {
    method: Method,
    url: &'a str,
    headers: &'a [(&'a str, &'a str)],
    json_body: Option<&'a str>,
}

impl Outgoing<'_> {
    fn build(&self, request_id: &str, token: Option<&str>) -> Result<Request, String> {
        let mut builder = RequestBuilder::new(self.url)
            .method(self.method.clone())
            .header("Accept", "application/json")
            .header("client-request-id", request_id);
        for (name, value) in self.headers {
            builder = builder.header(name, value);
        }
        if let Some(token) = token {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        match self.json_body {
            Some(text) => builder
                .header("Content-Type", "application/json")
                .body(text.to_owned()),
            None => builder.build(),
        }
        .map_err(|e| e.to_string())
    }
}

/// An expired or revoked token: Graph refused it before doing anything, so one fresh token and
/// one more send are safe, once, for any request.
fn renews_token(status: u16, token: &Option<String>, already_renewed: bool) -> bool {
    status == 401 && token.is_some() && !already_renewed
}

/// Graph's error envelope (and Retry-After) of an answer that is not a success.
pub(super) async fn decode_error(response: Response) -> GraphError {
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
