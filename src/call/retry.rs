//! When to try a request again, and how long to wait first.
//!
//! The API asks callers to retry `429 Too Many Requests` with exponential backoff; a
//! `Retry-After` header, when valid, says how long. What else is retried depends on what the
//! generator's facts say about the operation (`Repeat`): server errors (`502`, `503`, `504`)
//! and dropped connections only where repeating the request is harmless, and never when the
//! body cannot be sent again.

use std::time::Duration;

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
/// Retries are paid from a quota every clone of a client shares, as in AWS's standard retry
/// mode: it holds [`retry_quota`](Self::retry_quota) tokens (500), a retry costs
/// [`retry_cost`](Self::retry_cost) (5), or [`timeout_retry_cost`](Self::timeout_retry_cost)
/// (10) after a timeout. A retry that succeeds gives its cost back, and a call that succeeds
/// at its first attempt adds one token (up to the quota's size): the quota drains only while
/// retries fail. When it cannot pay, a failure is returned at once, and its error says retries
/// were held back: in a total outage a client sends its calls and about 100 retries, not
/// several times its calls, while a service that fails now and then costs nothing.
///
/// Waits follow `Retry-After` when the server sends one (delay-seconds, with a fraction if
/// the server gives one, or an HTTP date); one longer than
/// [`max_retry_after`](Self::max_retry_after) is not cut short: the call gives up and the error
/// carries the server's `Retry-After`, so the caller can schedule. A `429`'s wait holds back
/// every clone's calls to that host: a call that would have to wait past its deadline or
/// longer than `max_retry_after` ends at once with [`Error::RateLimited`](crate::Error::RateLimited),
/// sending nothing. Otherwise waits grow
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
    retry_quota: u32,
    retry_cost: u32,
    timeout_retry_cost: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
            budget: Duration::from_secs(120),
            retry_quota: 500,
            retry_cost: 5,
            timeout_retry_cost: 10,
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

    /// The tokens of the retry quota every clone of a client shares. Default: 500.
    pub fn retry_quota(&self) -> u32 {
        self.retry_quota
    }

    /// Sets the retry quota's tokens (0: no retry is ever paid for).
    pub fn with_retry_quota(mut self, tokens: u32) -> Self {
        self.retry_quota = tokens;
        self
    }

    /// What a retry costs from the quota. Default: 5.
    pub fn retry_cost(&self) -> u32 {
        self.retry_cost
    }

    /// Sets what a retry costs.
    pub fn with_retry_cost(mut self, tokens: u32) -> Self {
        self.retry_cost = tokens;
        self
    }

    /// What a retry after a timeout costs from the quota. Default: 10.
    pub fn timeout_retry_cost(&self) -> u32 {
        self.timeout_retry_cost
    }

    /// Sets what a retry after a timeout costs.
    pub fn with_timeout_retry_cost(mut self, tokens: u32) -> Self {
        self.timeout_retry_cost = tokens;
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

/// What went wrong in one attempt, as the retry rule reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Failed {
    /// An answer with this status, and whether it said when to come back (`Retry-After`).
    Status { status: u16, retry_after: bool },
    /// No connection was made: nothing was sent.
    NotSent,
    /// Stalled, or cancelled, while sending: the request never reached the server whole.
    CutWhileSending,
    /// Sent, then the connection broke.
    Dropped,
    /// Sent, then no answer came in time (or it stopped coming).
    NoAnswer,
    /// The call's deadline passed.
    Deadline,
    /// A failure that would come again (TLS, a proxy, a bad URL), after the request may or may
    /// not have been sent whole.
    Final { sent: bool },
}

impl Failed {
    /// What a transport error says of the attempt.
    pub(crate) fn of_transport(error: &ureq::Error) -> Failed {
        match error {
            ureq::Error::ConnectionFailed
            | ureq::Error::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => {
                Failed::NotSent
            }
            ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
                Failed::NotSent
            }
            ureq::Error::Timeout(ureq::Timeout::PerWrite | ureq::Timeout::SendBody) => {
                Failed::CutWhileSending
            }
            ureq::Error::Timeout(ureq::Timeout::Global) => Failed::Deadline,
            ureq::Error::Timeout(_) => Failed::NoAnswer,
            ureq::Error::Io(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::ConnectionReset
                        | std::io::ErrorKind::ConnectionAborted
                        | std::io::ErrorKind::BrokenPipe
                        | std::io::ErrorKind::UnexpectedEof
                ) =>
            {
                Failed::Dropped
            }
            ureq::Error::Protocol(_) => Failed::Dropped,
            ureq::Error::HostNotFound => Failed::Final { sent: false },
            _ => Failed::Final { sent: true },
        }
    }

    /// Whether the server may have processed the request: an answer that does not rule it out
    /// (`500`, `502`, `504`, `503` without `Retry-After`; with one, the server says it did not
    /// and when to come back), or anything after the request was sent whole.
    pub(crate) fn may_have_been_processed(self) -> bool {
        match self {
            Failed::Status {
                status,
                retry_after,
            } => match status {
                500 | 502 | 504 => true,
                503 => !retry_after,
                _ => false,
            },
            Failed::Dropped | Failed::NoAnswer | Failed::Deadline => true,
            Failed::Final { sent } => sent,
            Failed::NotSent | Failed::CutWhileSending => false,
        }
    }
}

/// The one rule of what is worth sending again, which the request loop and
/// [`Error::is_retryable`](crate::Error::is_retryable) both ask: why trying again may succeed
/// **and** cannot do harm, or `None`. Never when the server may have processed the request (now
/// or in an earlier attempt) unless repeating it is harmless; then for `429`, `503` with
/// `Retry-After`, a connection that was never made, and, where repeating is harmless, `500`,
/// `502`, `503`, `504`, a dropped connection and an answer that did not come in time. Not for a
/// failure that would come again, or a passed deadline.
pub(crate) fn worth_repeating(
    failed: Failed,
    harmless_to_repeat: bool,
    processed_before: bool,
) -> Option<&'static str> {
    if (processed_before || failed.may_have_been_processed()) && !harmless_to_repeat {
        return None;
    }
    match failed {
        Failed::Status { status: 429, .. } => Some("rate limited (429)"),
        Failed::Status {
            status: 503,
            retry_after: true,
        } => Some("unavailable (503 with Retry-After)"),
        Failed::Status {
            status: 500 | 502..=504,
            ..
        } => Some("server error"),
        Failed::NotSent => Some("connection failure"),
        Failed::Dropped => Some("dropped connection"),
        Failed::NoAnswer => Some("no answer in time"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn what_is_worth_repeating() {
        let status = |status, retry_after: Option<Duration>| Failed::Status {
            status,
            retry_after: retry_after.is_some(),
        };
        let again = |failed, harmless| worth_repeating(failed, harmless, false).is_some();
        for code in [500, 502, 504] {
            assert!(!again(status(code, None), false), "{code}");
        }
        assert!(again(status(500, None), true));
        assert!(!again(status(503, None), false));
        assert!(again(status(503, Some(Duration::from_secs(1))), false));
        assert!(again(status(429, None), false));
        assert!(again(status(502, None), true));
        assert!(!again(status(404, None), true));
        let reset =
            Failed::of_transport(&ureq::Error::Io(std::io::ErrorKind::ConnectionReset.into()));
        assert!(!again(reset, false));
        assert!(again(reset, true));
        assert!(again(
            Failed::of_transport(&ureq::Error::ConnectionFailed),
            false
        ));
        assert!(!again(Failed::of_transport(&ureq::Error::Tls("x")), true));
        assert!(!again(Failed::Deadline, true));
        assert!(!again(Failed::NoAnswer, false));
        assert!(again(Failed::NoAnswer, true));
        // An earlier attempt that may have been processed rules out anything but the harmless.
        assert!(worth_repeating(Failed::NotSent, false, true).is_none());
        assert!(worth_repeating(Failed::NotSent, true, true).is_some());
    }
}
