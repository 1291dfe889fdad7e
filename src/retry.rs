//! When to try a request again, and how long to wait first.
//!
//! The API asks callers to retry `429 Too Many Requests` with exponential backoff; a
//! `Retry-After` header, when valid, says how long. Server errors (`502`, `503`, `504`) and
//! dropped connections are retried only where repeating the request is harmless, and only when
//! the body can be sent again.

use std::time::Duration;

use crate::request::OperationInfo;

/// How failed requests are retried. The default is on; [`RetryPolicy::none`] turns it off.
///
/// A request is retried when the API answers `429` (waiting as `Retry-After` asks, capped by
/// [`max_retry_after`](Self::max_retry_after)), when a connection could not be made (nothing
/// was sent), and — for operations whose repetition is harmless (deleting, media tokens,
/// cookies, uploads whose body can be replayed, and every GET/PUT/DELETE) — when the server
/// answers `502`, `503` or `504` or drops the connection. Otherwise waits grow exponentially
/// with full jitter. Retries stop after [`max_attempts`](Self::max_attempts) attempts or once
/// the next wait would pass the [`budget`](Self::budget).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use = "a RetryPolicy is a value: use the returned policy"]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_retry_after: Duration,
    budget: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
            budget: Duration::from_secs(120),
        }
    }
}

impl RetryPolicy {
    /// No retries: every request is sent once.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..Default::default()
        }
    }

    /// Attempts in all, the first included. Default: 4.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// Sets the number of attempts in all (at least 1).
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The cap of the first backoff wait; each retry doubles it. Default: 500 ms.
    pub fn initial_backoff(&self) -> Duration {
        self.initial_backoff
    }

    /// Sets the first backoff cap.
    pub fn with_initial_backoff(mut self, wait: Duration) -> Self {
        self.initial_backoff = wait;
        self
    }

    /// The largest backoff wait. Default: 8 s.
    pub fn max_backoff(&self) -> Duration {
        self.max_backoff
    }

    /// Sets the largest backoff wait.
    pub fn with_max_backoff(mut self, wait: Duration) -> Self {
        self.max_backoff = wait;
        self
    }

    /// The longest `Retry-After` honoured; longer requests are waited this long. Default: 60 s.
    pub fn max_retry_after(&self) -> Duration {
        self.max_retry_after
    }

    /// Sets the longest `Retry-After` honoured.
    pub fn with_max_retry_after(mut self, wait: Duration) -> Self {
        self.max_retry_after = wait;
        self
    }

    /// Total time for one call, attempts and waits included: no retry starts whose wait would
    /// end past it. Default: 120 s.
    pub fn budget(&self) -> Duration {
        self.budget
    }

    /// Sets the total time budget of one call.
    pub fn with_budget(mut self, budget: Duration) -> Self {
        self.budget = budget;
        self
    }

    /// The wait before retry number `retry` (1 for the first retry): full jitter over a capped
    /// exponential, or the server's `Retry-After`, capped.
    pub(crate) fn wait(&self, retry: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(asked) = retry_after {
            return asked.min(self.max_retry_after);
        }
        let exponent = retry.saturating_sub(1).min(20);
        let cap = self
            .initial_backoff
            .saturating_mul(1u32 << exponent)
            .min(self.max_backoff);
        let nanos = u64::try_from(cap.as_nanos()).unwrap_or(u64::MAX);
        Duration::from_nanos(fastrand::u64(0..=nanos))
    }
}

/// POST operations whose repetition is harmless: deleting twice deletes once, a media token
/// can be issued again, and a repeated upload leaves at most an unused duplicate.
const HARMLESS_POSTS: &[&str] = &[
    "deleteAttachment",
    "generateMediaJsonWebToken",
    "uploadAttachment",
];

/// Whether sending this operation twice does no harm.
pub(crate) fn repeat_is_harmless(operation: &OperationInfo) -> bool {
    operation.method.is_idempotent()
        || HARMLESS_POSTS
            .iter()
            .any(|id| id.eq_ignore_ascii_case(operation.id))
}

/// Whether a transport error happened before anything was sent.
pub(crate) fn nothing_was_sent(error: &ureq::Error) -> bool {
    match error {
        ureq::Error::ConnectionFailed => true,
        ureq::Error::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => true,
        ureq::Error::Io(e) => e.kind() == std::io::ErrorKind::ConnectionRefused,
        _ => false,
    }
}

/// Whether a transport error is a dropped connection (worth retrying when repeating is
/// harmless).
pub(crate) fn connection_dropped(error: &ureq::Error) -> bool {
    match error {
        ureq::Error::Io(e) => matches!(
            e.kind(),
            std::io::ErrorKind::ConnectionReset
                | std::io::ErrorKind::ConnectionAborted
                | std::io::ErrorKind::BrokenPipe
                | std::io::ErrorKind::UnexpectedEof
        ),
        ureq::Error::Protocol(_) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::Method;

    #[test]
    fn waits_are_capped_and_jittered() {
        let policy = RetryPolicy::default();
        for retry in 1..30 {
            assert!(policy.wait(retry, None) <= policy.max_backoff());
        }
        assert!(policy.wait(1, None) <= policy.initial_backoff());
        assert_eq!(
            policy.wait(1, Some(Duration::from_secs(3600))),
            policy.max_retry_after()
        );
        assert_eq!(
            policy.wait(1, Some(Duration::from_secs(1))),
            Duration::from_secs(1)
        );
    }

    #[test]
    fn harmless_operations() {
        let op = |id, method| OperationInfo {
            id,
            method,
            path: "/",
            sensitive: false,
        };
        assert!(repeat_is_harmless(&op("DeleteAttachment", Method::Post)));
        assert!(repeat_is_harmless(&op("setCookie", Method::Get)));
        assert!(!repeat_is_harmless(&op("postMessage", Method::Post)));
    }
}
