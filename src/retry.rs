//! When to try a request again, and how long to wait first.
//!
//! The API asks callers to retry `429 Too Many Requests` with exponential backoff; a
//! `Retry-After` header, when valid, says how long. What else is retried depends on what the
//! generator's facts say about the operation (`Repeat`): server errors (`502`, `503`, `504`)
//! and dropped connections only where repeating the request is harmless, and never when the
//! body cannot be sent again.

use std::time::Duration;

use crate::request::OperationInfo;

/// How failed requests are retried. The default is on; [`RetryPolicy::none`] turns it off.
///
/// A request is retried when the API answers `429` or `503` with a `Retry-After` (waiting as
/// it asks), or `429` without one, and when a connection could not be made (nothing was sent).
/// For operations whose repetition is harmless (deleting, media tokens, cookies, and every
/// GET/PUT/DELETE) it is also retried when the server answers `502`, `503` or `504` or drops
/// the connection; a delete retried this way that then finds the attachment gone reports
/// success. Other operations — uploads, messages — are never sent again once the server may
/// have acted on them: a second upload could store the file twice. A body read from a one-shot
/// reader is never sent twice.
///
/// Waits follow `Retry-After` when the server sends one; one longer than
/// [`max_retry_after`](Self::max_retry_after) is not cut short: the call gives up and the error
/// carries the server's `Retry-After`, so the caller can schedule. Otherwise waits grow
/// exponentially with full jitter. Retries stop after [`max_attempts`](Self::max_attempts)
/// attempts, once the next wait would pass the [`budget`](Self::budget), or once it would pass
/// the call's deadline ([`Timeouts`](crate::Timeouts)).
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

    /// The longest `Retry-After` waited for; a server asking for longer gets no retry, and the
    /// error carries its `Retry-After`. Default: 60 s.
    pub fn max_retry_after(&self) -> Duration {
        self.max_retry_after
    }

    /// Sets the longest `Retry-After` honoured.
    pub fn with_max_retry_after(mut self, wait: Duration) -> Self {
        self.max_retry_after = wait;
        self
    }

    /// How long after the start of a call a retry may still start: no retry starts whose wait
    /// would end past it. Default: 120 s. The call as a whole also ends at its deadline (see
    /// [`Timeouts`](crate::Timeouts)).
    pub fn budget(&self) -> Duration {
        self.budget
    }

    /// Sets how long after the start of a call a retry may still start.
    pub fn with_budget(mut self, budget: Duration) -> Self {
        self.budget = budget;
        self
    }

    /// The wait before retry number `retry` (1 for the first retry): the server's
    /// `Retry-After`, or full jitter over a capped exponential.
    pub(crate) fn wait(&self, retry: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(asked) = retry_after {
            return asked;
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

/// What to do after one attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Return what the attempt gave.
    Done,
    /// Try again after the policy's wait.
    Retry {
        /// The server's `Retry-After`, if it asked.
        retry_after: Option<Duration>,
        /// Why, for the log.
        reason: &'static str,
        /// Whether the attempt may have been acted on by the server.
        maybe_processed: bool,
    },
}

impl RetryPolicy {
    /// After an answer with `status`.
    pub(crate) fn after_status(
        &self,
        operation: &OperationInfo,
        status: u16,
        retry_after: Option<Duration>,
    ) -> Verdict {
        let honoured = |reason| match retry_after {
            Some(wait) if wait > self.max_retry_after => Verdict::Done,
            _ => Verdict::Retry {
                retry_after,
                reason,
                maybe_processed: false,
            },
        };
        match status {
            429 => honoured("rate limited (429)"),
            503 if retry_after.is_some() => honoured("unavailable (503 with Retry-After)"),
            502..=504 if operation.harmless_to_repeat() => Verdict::Retry {
                retry_after: None,
                reason: "server error",
                maybe_processed: status_may_have_been_processed(status, retry_after),
            },
            _ => Verdict::Done,
        }
    }

    /// After a transport failure.
    pub(crate) fn after_transport(
        &self,
        operation: &OperationInfo,
        error: &ureq::Error,
    ) -> Verdict {
        if nothing_was_sent(error) {
            return Verdict::Retry {
                retry_after: None,
                reason: "connection failure",
                maybe_processed: false,
            };
        }
        if connection_dropped(error) && operation.harmless_to_repeat() {
            return Verdict::Retry {
                retry_after: None,
                reason: "dropped connection",
                maybe_processed: true,
            };
        }
        Verdict::Done
    }
}

/// Whether a transport error happened before anything was sent.
fn nothing_was_sent(error: &ureq::Error) -> bool {
    match error {
        ureq::Error::ConnectionFailed => true,
        ureq::Error::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => true,
        ureq::Error::Io(e) => e.kind() == std::io::ErrorKind::ConnectionRefused,
        _ => false,
    }
}

/// Whether an answer with `status` says the server may have acted on the request: a server
/// error (`500`, `502`, `504`), or `503` without `Retry-After` (with one, the server says it
/// did not and when to come back).
pub(crate) fn status_may_have_been_processed(status: u16, retry_after: Option<Duration>) -> bool {
    match status {
        500 | 502 | 504 => true,
        503 => retry_after.is_none(),
        _ => false,
    }
}

/// Whether the server may have acted on a request that failed with `error`: anything but a
/// failure before the request was sent whole (no connection, or stalled while sending).
pub(crate) fn may_have_been_processed(error: &ureq::Error) -> bool {
    !nothing_was_sent(error)
        && !matches!(
            error,
            ureq::Error::Timeout(ureq::Timeout::PerWrite | ureq::Timeout::SendBody)
        )
}

/// Whether a transport error is a dropped connection.
fn connection_dropped(error: &ureq::Error) -> bool {
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
    use crate::request::{Method, Repeat};

    #[test]
    fn waits_are_capped_and_jittered() {
        let policy = RetryPolicy::default();
        for retry in 1..30 {
            assert!(policy.wait(retry, None) <= policy.max_backoff());
        }
        assert!(policy.wait(1, None) <= policy.initial_backoff());
        assert_eq!(
            policy.wait(1, Some(Duration::from_secs(1))),
            Duration::from_secs(1)
        );
    }

    const fn op(repeat: Repeat) -> OperationInfo {
        OperationInfo::new("op", Method::Post, "/").with_repeat(repeat)
    }

    #[test]
    fn what_is_retried() {
        let policy = RetryPolicy::default();
        let once = op(Repeat::OnlyIfNotProcessed);
        let twice = op(Repeat::Idempotent);
        let retried = |v: Verdict| matches!(v, Verdict::Retry { .. });
        for status in [500, 502, 504] {
            assert!(
                !retried(policy.after_status(&once, status, None)),
                "{status}"
            );
        }
        assert!(!retried(policy.after_status(&once, 503, None)));
        assert!(retried(policy.after_status(
            &once,
            503,
            Some(Duration::from_secs(1))
        )));
        assert!(retried(policy.after_status(&once, 429, None)));
        assert!(retried(policy.after_status(&twice, 502, None)));
        assert!(!retried(policy.after_status(&twice, 500, None)));
        let too_long = policy.max_retry_after() + Duration::from_secs(1);
        assert_eq!(
            policy.after_status(&twice, 429, Some(too_long)),
            Verdict::Done
        );
        let reset = ureq::Error::Io(std::io::ErrorKind::ConnectionReset.into());
        assert!(!retried(policy.after_transport(&once, &reset)));
        assert!(retried(policy.after_transport(&twice, &reset)));
        assert!(retried(
            policy.after_transport(&once, &ureq::Error::ConnectionFailed)
        ));
    }
}
