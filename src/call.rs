//! One call's attempts: its deadline, the retry budget and what earlier attempts may have done,
//! with the retry decision beside them. Both request paths (the generated operations, in
//! [`Transport::execute`](crate::transport::Transport::execute), and downloads) step through a
//! [`Call`]: [`begin`](Call::begin) an attempt, send it, then ask [`retry`](Call::retry)
//! whether and when to send it again.

use std::time::{Duration, Instant};

use crate::error::{Error, TimeoutPhase, TransportError};
use crate::request::OperationInfo;
use crate::retry::{RetryPolicy, Verdict};

/// The attempts of one call.
pub(crate) struct Call {
    operation: &'static OperationInfo,
    policy: RetryPolicy,
    started: Instant,
    /// When the whole call must have ended (`None`: an upload or a download without one).
    deadline: Option<Instant>,
    /// Whether the request can be sent again at all (a one-shot reader cannot).
    replayable: bool,
    /// The attempt under way, from 1.
    attempt: u32,
    /// Whether an earlier attempt may have been acted on although it failed.
    maybe_processed: bool,
    /// Whether errors say what the server may have done: not for a download, which changes
    /// nothing on the server.
    reports_processing: bool,
}

impl Call {
    /// A call of `operation` that must end within `deadline` (from now), retried as `policy`
    /// allows when `replayable`.
    pub(crate) fn new(
        operation: &'static OperationInfo,
        policy: RetryPolicy,
        deadline: Option<Duration>,
        replayable: bool,
    ) -> Call {
        let started = Instant::now();
        Call {
            operation,
            policy,
            started,
            deadline: deadline.and_then(|d| started.checked_add(d)),
            replayable,
            attempt: 0,
            maybe_processed: false,
            reports_processing: true,
        }
    }

    /// The same call, whose errors never say the server may have acted on it: a download
    /// changes nothing there.
    pub(crate) fn changing_nothing(mut self) -> Call {
        self.reports_processing = false;
        self
    }

    /// Starts the next attempt: what is left of the deadline for it (`None`: no deadline), or
    /// the deadline's error when it has passed.
    pub(crate) fn begin(&mut self) -> Result<Option<Duration>, Error> {
        let left = match self.deadline {
            None => None,
            Some(deadline) => match deadline.checked_duration_since(Instant::now()) {
                Some(left) if !left.is_zero() => Some(left),
                _ => return Err(self.deadline_passed()),
            },
        };
        self.attempt += 1;
        Ok(left)
    }

    /// The attempt under way does not count against the policy's attempts (a redirect that
    /// was followed).
    pub(crate) fn uncount(&mut self) {
        self.attempt = self.attempt.saturating_sub(1);
    }

    /// The attempt under way (from 1), or the attempts made once the call has ended.
    pub(crate) fn attempts(&self) -> u32 {
        self.attempt
    }

    /// Whether an earlier attempt may have been acted on by the server.
    pub(crate) fn maybe_processed(&self) -> bool {
        self.maybe_processed
    }

    /// What the policy says after an answer with `status`.
    pub(crate) fn after_status(&self, status: u16, retry_after: Option<Duration>) -> Verdict {
        self.policy
            .after_status(self.operation, status, retry_after)
    }

    /// What the policy says after a transport failure.
    pub(crate) fn after_transport(&self, error: &ureq::Error) -> Verdict {
        self.policy.after_transport(self.operation, error)
    }

    /// After an attempt judged `verdict`: the wait before the next attempt when there is to
    /// be one (attempts left, a replayable request, the wait ending within the budget and
    /// before the deadline), or `None` to end the call with what this attempt gave.
    pub(crate) fn retry(&mut self, verdict: Verdict) -> Option<Duration> {
        let Verdict::Retry {
            retry_after,
            reason,
            maybe_processed,
        } = verdict
        else {
            return None;
        };
        if !self.replayable {
            return None;
        }
        let wait = self.policy.wait(self.attempt, retry_after);
        if !self.allows(wait) {
            return None;
        }
        self.maybe_processed |= maybe_processed;
        log::debug!(
            "retrying {} in {:.1?} after {reason} (attempt {} of {})",
            self.operation.id,
            wait,
            self.attempt,
            self.policy.max_attempts()
        );
        Some(wait)
    }

    /// Whether another attempt may start after `wait`: attempts left, and the wait ending
    /// within the budget (counted from the start of the call) and before the deadline.
    fn allows(&self, wait: Duration) -> bool {
        let within_budget = self
            .started
            .elapsed()
            .checked_add(wait)
            .is_some_and(|end| end <= self.policy.budget());
        let within_deadline = self.deadline.is_none_or(|deadline| {
            Instant::now()
                .checked_add(wait)
                .is_some_and(|end| end < deadline)
        });
        self.attempt < self.policy.max_attempts() && within_budget && within_deadline
    }

    /// The error of a call whose deadline passed before its next attempt could start.
    fn deadline_passed(&self) -> Error {
        Error::Timeout {
            operation: self.operation.id,
            attempts: self.attempt,
            phase: TimeoutPhase::Deadline,
            may_have_been_processed: self.reports_processing && self.maybe_processed,
            harmless_to_repeat: self.operation.harmless_to_repeat(),
        }
    }

    /// The error of a call whose last attempt failed with `source`.
    pub(crate) fn failed(&self, source: ureq::Error) -> Error {
        let processed = self.reports_processing
            && (self.maybe_processed || crate::retry::may_have_been_processed(&source));
        transport_error(self.operation, self.attempt, processed, source)
    }
}

/// The error of a failed call. `may_have_been_processed`: whether this attempt or an earlier one
/// may have reached the server whole.
pub(crate) fn transport_error(
    operation: &OperationInfo,
    attempts: u32,
    may_have_been_processed: bool,
    source: ureq::Error,
) -> Error {
    let harmless_to_repeat = operation.harmless_to_repeat();
    let operation = operation.id;
    match source {
        ureq::Error::Timeout(timeout) => Error::Timeout {
            operation,
            attempts,
            may_have_been_processed,
            harmless_to_repeat,
            phase: match timeout {
                ureq::Timeout::Connect | ureq::Timeout::Resolve => TimeoutPhase::Connect,
                ureq::Timeout::SendRequest | ureq::Timeout::RecvResponse => TimeoutPhase::Response,
                ureq::Timeout::PerRead | ureq::Timeout::PerWrite | ureq::Timeout::SendBody => {
                    TimeoutPhase::Stall
                }
                _ => TimeoutPhase::Deadline,
            },
        },
        source => Error::Transport {
            operation,
            attempts,
            source: TransportError::new(source),
            may_have_been_processed,
            harmless_to_repeat,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::{Method, Repeat};

    static DELETE: OperationInfo =
        OperationInfo::new("deleteThing", Method::Post, "/t").with_repeat(Repeat::Idempotent);
    static UPLOAD: OperationInfo = OperationInfo::new("uploadThing", Method::Post, "/t");

    fn quick() -> RetryPolicy {
        RetryPolicy::default()
            .with_max_attempts(3)
            .with_initial_backoff(Duration::ZERO)
    }

    fn server_error() -> Verdict {
        Verdict::Retry {
            retry_after: None,
            reason: "server error",
            maybe_processed: true,
        }
    }

    #[test]
    fn attempts_stop_at_the_policy_and_remember_what_may_have_been_processed() {
        let mut call = Call::new(&DELETE, quick(), Some(Duration::from_secs(60)), true);
        assert!(call.begin().unwrap().is_some());
        assert_eq!(call.retry(server_error()), Some(Duration::ZERO));
        assert!(call.maybe_processed());
        call.begin().unwrap();
        assert!(call.retry(server_error()).is_some());
        call.begin().unwrap();
        assert_eq!(call.attempts(), 3);
        assert_eq!(call.retry(server_error()), None, "three attempts at most");
        assert_eq!(call.retry(Verdict::Done), None);
    }

    #[test]
    fn a_request_that_cannot_be_sent_again_is_not() {
        let mut call = Call::new(&UPLOAD, quick(), None, false);
        assert_eq!(call.begin().unwrap(), None, "no deadline");
        assert_eq!(call.retry(server_error()), None);
        assert!(!call.maybe_processed());
    }

    #[test]
    fn a_passed_deadline_ends_the_call_with_the_attempts_made() {
        let mut call = Call::new(&DELETE, quick(), Some(Duration::ZERO), true);
        match call.begin() {
            Err(Error::Timeout {
                attempts: 0,
                phase: TimeoutPhase::Deadline,
                may_have_been_processed: false,
                harmless_to_repeat: true,
                ..
            }) => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_download_never_says_the_server_may_have_acted() {
        let mut call = Call::new(&DELETE, quick(), Some(Duration::ZERO), true).changing_nothing();
        assert!(matches!(
            call.begin(),
            Err(Error::Timeout {
                may_have_been_processed: false,
                ..
            })
        ));
        let failed = call.failed(ureq::Error::ConnectionFailed);
        assert!(!failed.may_have_been_processed());
        let mut call = Call::new(&DELETE, quick(), None, true).changing_nothing();
        call.begin().unwrap();
        call.retry(server_error());
        assert!(
            !call
                .failed(ureq::Error::Io(std::io::ErrorKind::ConnectionReset.into()))
                .may_have_been_processed()
        );
    }

    #[test]
    fn a_followed_redirect_does_not_count() {
        let mut call = Call::new(&DELETE, quick(), None, true);
        call.begin().unwrap();
        call.uncount();
        call.begin().unwrap();
        assert_eq!(call.attempts(), 1);
    }
}
