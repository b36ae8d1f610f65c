//! The `Retry-After` header: either delay-seconds or an HTTP date (RFC 9110 §10.2.3).

use std::time::{Duration, SystemTime};

/// A parsed `Retry-After` header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryAfter {
    /// Wait this long (the header was a number of seconds).
    Delay(Duration),
    /// Wait until this time (the header was an HTTP date).
    At(SystemTime),
}

impl RetryAfter {
    /// Reads the header; `None` when it is neither form. Seconds may carry
    /// a fraction (`1.5`), which some gateways send.
    pub fn parse(header: &str) -> Option<RetryAfter> {
        let header = header.trim();
        if header.is_empty() {
            return None;
        }
        if header
            .bytes()
            .all(|byte| byte.is_ascii_digit() || byte == b'.')
        {
            let seconds: f64 = header.parse().ok()?;
            return Duration::try_from_secs_f64(seconds)
                .ok()
                .map(RetryAfter::Delay);
        }
        httpdate::parse_http_date(header).ok().map(RetryAfter::At)
    }

    /// The wait measured from `now`; zero when the date has passed.
    pub fn delay_from(&self, now: SystemTime) -> Duration {
        match self {
            RetryAfter::Delay(delay) => *delay,
            RetryAfter::At(when) => when.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }
}

/// The system clock, where the target has one.
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub(crate) fn system_now() -> Option<SystemTime> {
    Some(SystemTime::now())
}

/// `wasm32-unknown-unknown` panics on `SystemTime::now()`; the caller passes
/// the browser's clock to `retry_after_from` instead.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub(crate) fn system_now() -> Option<SystemTime> {
    None
}
