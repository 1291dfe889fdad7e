//! The one request loop. Every call — a generated operation ([`operation.rs`]) and a download
//! ([`download`]) alike — is [`run`] here: the loop starts each attempt within the call's
//! deadline (or ends it, cancelled or out of time), builds the headers every request gets,
//! holds the log guard, sends through the transport, writes the log line, and judges the
//! answer: done, done by an earlier attempt whose answer was lost, a redirect to follow, or a
//! failure worth repeating after the retry policy's wait (the one rule, `retry::worth_repeating`,
//! which [`Error::is_retryable`](crate::Error::is_retryable) asks too). What it learns goes into
//! one [`Outcome`], which every answer and every error of the call carries.
//!
//! What differs between kinds of call is an [`Exchange`]: how it sends its attempt (a body, a
//! multipart upload, a plain `GET`), which credentials go with it, and what an answer means.
//!
//! [`operation.rs`]: crate::call::operation
//! [`download`]: crate::files::download
//!
//! Its modules are the rest of that path: the transport to the wire, the retry rule and the
//! limits every thread shares, cancellation, per-call options, the outcome, answers, the log
//! guard and tracing.

pub(crate) mod cancel;
pub(crate) mod limits;
pub(crate) mod log_guard;
pub(crate) mod operation;
pub(crate) mod options;
pub(crate) mod outcome;
pub(crate) mod request;
pub(crate) mod response;
pub(crate) mod retry;
pub(crate) mod trace;
pub(crate) mod transport;

use std::time::{Duration, Instant, SystemTime};

use ureq::http::{self, HeaderName, HeaderValue, header};

use crate::call::cancel::CancelToken;
use crate::call::limits::{Limits, NotAdmitted, sleep_until};
use crate::call::log_guard::LogGuard;
use crate::call::outcome::Outcome;
use crate::call::request::OperationInfo;
use crate::call::retry::{Failed, RetryPolicy, worth_repeating};
use crate::call::trace::CallSpan;
use crate::client::Client;
use crate::error::{Error, TimeoutPhase, TransportError};

/// What an attempt could not do before or while sending.
pub(crate) enum SendError {
    /// Refused in the input, or by the source of the body, before or while sending: an error
    /// of its own.
    Input(Error),
    /// The transport failed.
    Transport(ureq::Error),
    /// The call was cancelled while it sent or read.
    Cancelled,
}

/// What one answer means to the call.
pub(crate) enum Reply<A> {
    /// An answer with `status`: a success ends the call; a failure the rule judges, and it ends
    /// the call when no retry follows.
    Answer {
        status: u16,
        retry_after: Option<Duration>,
        answer: A,
    },
    /// An earlier attempt, whose answer was lost, did what the call asked (a retried delete
    /// finds the attachment gone): the call ends with this answer.
    DoneEarlier(A),
    /// A redirect the exchange follows: the next attempt goes where it now points, and does not
    /// count as a retry.
    Redirect,
}

/// The timeouts of one attempt beyond the client's own.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    /// What is left of the call's deadline (`None`: no deadline).
    pub(crate) remaining: Option<Duration>,
    /// Whether this is the first attempt of a call with the client's usual deadline, which the
    /// client's own agent applies without a setting of its own on the request.
    pub(crate) usual: bool,
}

/// What a kind of call brings to the loop.
pub(crate) trait Exchange {
    /// What an answer is read into.
    type Answer;
    /// What the call gives.
    type Output;

    /// The operation, for log lines, the retry rule and errors.
    fn operation(&self) -> &'static OperationInfo;
    /// The call's deadline, from its start (`None`: the stall timeout only).
    fn deadline(&self) -> Option<Duration>;
    /// Whether the deadline is the client's usual one for a call without a file.
    fn usual_deadline(&self) -> bool {
        false
    }
    /// Whether the request can be sent again (a one-shot reader cannot).
    fn replayable(&self) -> bool {
        true
    }
    /// Whether the call changes anything on the server (a download does not): its errors then
    /// say whether the server may have processed it.
    fn changes_the_server(&self) -> bool {
        true
    }
    /// The token that cancels the call, if any.
    fn cancel(&self) -> Option<&CancelToken> {
        None
    }
    /// Where the next attempt goes.
    fn url(&self) -> &http::Uri;
    /// The route as a log line shows it (ids filled in, never a query).
    fn route(&self) -> String;
    /// The caller's headers, sent with every attempt.
    fn headers(&self) -> &[(HeaderName, HeaderValue)] {
        &[]
    }
    /// The credential header the next attempt carries, if any.
    fn credentials(&self, client: &Client) -> Result<Option<(HeaderName, HeaderValue)>, Error>;
    /// Sends one attempt: `head` has the method, the URL and the headers every request gets.
    fn send(
        &mut self,
        client: &Client,
        head: http::request::Builder,
        bounds: Bounds,
    ) -> Result<http::Response<ureq::Body>, SendError>;
    /// What an answer means; `outcome` is what the attempts so far did.
    fn read(
        &mut self,
        response: http::Response<ureq::Body>,
        outcome: &Outcome,
    ) -> Result<Reply<Self::Answer>, SendError>;
    /// What the call gives for its last answer, with the record of its attempts: a value, or the
    /// error of a status that is not a success.
    fn finish(&mut self, answer: Self::Answer, outcome: Outcome) -> Result<Self::Output, Error>;
}

/// Runs `exchange` to its end: the one loop of every call.
pub(crate) fn run<E: Exchange>(client: &Client, mut exchange: E) -> Result<E::Output, Error> {
    let config = client.config();
    let operation = exchange.operation();
    let mut call = Attempts::new(
        operation,
        config.retry,
        exchange.deadline(),
        exchange.changes_the_server(),
    );
    let replayable = exchange.replayable();
    let limits = client.transport().limits();
    let span = CallSpan::new(operation, exchange.url());
    let ended = run_attempts(client, &mut exchange, &mut call, replayable, limits, &span);
    match &ended {
        Ok(_) => {}
        // An answer's status is on the span already.
        Err(Error::Api(_)) => {}
        Err(e) => span.failed(error_type(e)),
    }
    ended
}

/// The attempts of a call, until one ends it.
fn run_attempts<E: Exchange>(
    client: &Client,
    exchange: &mut E,
    call: &mut Attempts,
    replayable: bool,
    limits: &Limits,
    span: &CallSpan,
) -> Result<E::Output, Error> {
    let config = client.config();
    let operation = exchange.operation();
    loop {
        if exchange.cancel().is_some_and(CancelToken::is_cancelled) {
            return Err(call.cancelled());
        }
        // Every thread of every clone waits out what a server announced, and the client's pace.
        match limits.admit(
            exchange.url(),
            call.deadline,
            call.latest_start(),
            exchange.cancel(),
        ) {
            Ok(()) => {}
            Err(NotAdmitted::Deadline) => return Err(call.deadline_passed()),
            Err(NotAdmitted::Held { until }) => return Err(call.held(until)),
            Err(NotAdmitted::Cancelled) => return Err(call.cancelled()),
        }
        let remaining = call.begin()?;
        let bounds = Bounds {
            remaining,
            usual: call.outcome.attempts == 1 && exchange.usual_deadline(),
        };
        let guard = LogGuard::enter(config.transport_trace, client.transport().proxy_user());
        let mut head = http::Request::builder()
            .method(operation.method.as_str())
            .uri(exchange.url().clone())
            .header(header::USER_AGENT, config.user_agent.clone())
            .header(header::ACCEPT, accept(operation.accept));
        for (name, value) in exchange.headers() {
            head = head.header(name, value);
        }
        if let Some((name, value)) = exchange.credentials(client)? {
            head = head.header(name, value);
        }
        let started = Instant::now();
        let attempt_span = span.attempt(call.outcome.attempts);
        let replied = attempt_span.run(|| {
            exchange.send(client, head, bounds).and_then(|response| {
                attempt_span.answered(response.status().as_u16(), response.headers());
                span.answered(response.status().as_u16(), response.headers());
                exchange.read(response, &call.outcome)
            })
        });
        drop(guard);
        let elapsed = started.elapsed();
        let attempt = call.outcome.attempts;
        let failed = match replied {
            Ok(Reply::Answer {
                status,
                retry_after,
                answer,
            }) => {
                log::debug!(
                    "{} {} -> {status} in {elapsed:.1?} (attempt {attempt}, {})",
                    operation.method.as_str(),
                    exchange.route(),
                    operation.id
                );
                if (200..300).contains(&status) {
                    limits.succeeded(call.retry_paid);
                    return exchange.finish(answer, call.outcome);
                }
                let failed = Failed::Status {
                    status,
                    retry_after: retry_after.is_some(),
                };
                let next = call.after_failure(failed, retry_after, replayable, limits);
                if let Some(wait) = next.hold {
                    // The server's wait holds back every thread's next attempt to this host.
                    limits.hold(exchange.url(), wait);
                }
                match next.retry {
                    Some(wait) => {
                        call.sleep(wait, exchange.cancel())?;
                        continue;
                    }
                    None => return exchange.finish(answer, call.outcome),
                }
            }
            Ok(Reply::DoneEarlier(answer)) => {
                log::debug!(
                    "{} {} found nothing left to do in {elapsed:.1?} (attempt {attempt}, \
                     {}): an earlier attempt whose answer was lost did it",
                    operation.method.as_str(),
                    exchange.route(),
                    operation.id
                );
                call.outcome.done_by_earlier_attempt = true;
                limits.succeeded(call.retry_paid);
                return exchange.finish(answer, call.outcome);
            }
            Ok(Reply::Redirect) => {
                log::debug!(
                    "{} {} -> redirect in {elapsed:.1?} (attempt {attempt}, {})",
                    operation.method.as_str(),
                    exchange.route(),
                    operation.id
                );
                call.redirected();
                continue;
            }
            Err(SendError::Input(e)) => return Err(e.with_outcome(call.outcome)),
            Err(SendError::Cancelled) => {
                // Cancelled while its body was on its way: the attempt ended cut while sending
                // (a batch records such an upload as in doubt; cancelled between attempts, it
                // keeps what its last attempt ended by).
                call.outcome.ended_by = Some(Failed::CutWhileSending);
                return Err(call.cancelled());
            }
            Err(SendError::Transport(e)) => {
                log::debug!(
                    "{} {} failed in {elapsed:.1?} (attempt {attempt}, {}): {e}",
                    operation.method.as_str(),
                    exchange.route(),
                    operation.id
                );
                (Failed::of_transport(&e), e)
            }
        };
        let (failed, error) = failed;
        attempt_span.failed(failed_type(failed));
        if let Some(wait) = call.after_failure(failed, None, replayable, limits).retry {
            call.sleep(wait, exchange.cancel())?;
            continue;
        }
        return Err(transport_error(operation.id, call.outcome, error));
    }
}

/// The attempts of one call: its deadline, the retry policy and the record of what they did.
struct Attempts {
    operation: &'static OperationInfo,
    policy: RetryPolicy,
    started: Instant,
    /// When the whole call must have ended (`None`: an upload or a download without one).
    deadline: Option<Instant>,
    /// Whether the record says what the server may have done: not for a download.
    changes_the_server: bool,
    /// Redirects followed, which count as attempts sent but not as retries.
    redirects: u32,
    /// What the retry under way cost the shared quota: it comes back if the retry succeeds.
    retry_paid: Option<u32>,
    outcome: Outcome,
}

/// What follows a failed attempt: a wait that holds back every thread's next attempt to the
/// host (after a `429`), and the wait before this call's retry, if it retries. After a `429`
/// without `Retry-After` both are one draw of the backoff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct AfterFailure {
    hold: Option<Duration>,
    retry: Option<Duration>,
}

impl Attempts {
    fn new(
        operation: &'static OperationInfo,
        policy: RetryPolicy,
        deadline: Option<Duration>,
        changes_the_server: bool,
    ) -> Attempts {
        let started = Instant::now();
        Attempts {
            operation,
            policy,
            started,
            deadline: deadline.and_then(|d| started.checked_add(d)),
            changes_the_server,
            redirects: 0,
            retry_paid: None,
            outcome: Outcome::new(operation.harmless_to_repeat()),
        }
    }

    /// Starts the next attempt: what is left of the deadline for it (`None`: no deadline), or
    /// the deadline's error when it has passed.
    fn begin(&mut self) -> Result<Option<Duration>, Error> {
        let left = match self.deadline {
            None => None,
            Some(deadline) => match deadline.checked_duration_since(Instant::now()) {
                Some(left) if !left.is_zero() => Some(left),
                _ => return Err(self.deadline_passed()),
            },
        };
        self.outcome.attempts += 1;
        Ok(left)
    }

    /// The error of a call whose deadline passed before its next attempt could start.
    fn deadline_passed(&mut self) -> Error {
        self.outcome.ended_by = Some(Failed::Deadline);
        Error::Timeout {
            operation: self.operation.id,
            phase: TimeoutPhase::Deadline,
            outcome: self.outcome,
        }
    }

    /// The latest a server's announced wait may end for this call to wait it out: within the
    /// policy's longest `Retry-After`, and before the call's deadline.
    fn latest_start(&self) -> Instant {
        let now = Instant::now();
        let longest = now
            .checked_add(self.policy.max_retry_after())
            .unwrap_or(now);
        self.deadline
            .map_or(longest, |deadline| deadline.min(longest))
    }

    /// The error of a call that a server's announced wait, until `until`, holds back for
    /// longer than it may wait: it ends without sending its next attempt.
    fn held(&self, until: Instant) -> Error {
        let wait = until.saturating_duration_since(Instant::now());
        Error::RateLimited {
            operation: self.operation.id,
            until: SystemTime::now()
                .checked_add(wait)
                .unwrap_or_else(SystemTime::now),
            outcome: self.outcome,
        }
    }

    /// Waits before the next attempt, unless the call is cancelled meanwhile.
    fn sleep(&self, wait: Duration, cancel: Option<&CancelToken>) -> Result<(), Error> {
        let until = Instant::now()
            .checked_add(wait)
            .unwrap_or_else(Instant::now);
        sleep_until(until, cancel).map_err(|_| self.cancelled())
    }

    /// The attempt under way was a redirect that was followed.
    fn redirected(&mut self) {
        self.redirects += 1;
    }

    /// After a failed attempt: records it, and says what follows (see [`AfterFailure`]). The
    /// call retries when the rule says the failure is worth repeating, the request can be sent
    /// again, the server's wait is one the policy honours, attempts are left, the wait ends
    /// within the budget and before the deadline, and the shared quota pays for it; otherwise
    /// it ends with what this attempt gave.
    fn after_failure(
        &mut self,
        failed: Failed,
        retry_after: Option<Duration>,
        replayable: bool,
        limits: &Limits,
    ) -> AfterFailure {
        if self.changes_the_server {
            self.outcome.may_have_been_processed |= failed.may_have_been_processed();
        }
        self.outcome.ended_by = Some(failed);
        self.retry_paid = None;
        let retries = self.outcome.attempts - self.redirects;
        // One wait, drawn once: the retry's, and the hold's after a `429`.
        let wait = self.policy.wait(retries, retry_after);
        let rate_limited = matches!(failed, Failed::Status { status: 429, .. });
        let hold = rate_limited.then_some(wait);
        let retry = self.retry(failed, retry_after, retries, wait, replayable, limits);
        AfterFailure { hold, retry }
    }

    /// Whether the call retries after `failed`, with `retries` attempts made (redirects not
    /// counted), in `wait` (see [`Attempts::after_failure`]).
    fn retry(
        &mut self,
        failed: Failed,
        retry_after: Option<Duration>,
        retries: u32,
        wait: Duration,
        replayable: bool,
        limits: &Limits,
    ) -> Option<Duration> {
        let processed_before = self.outcome.may_have_been_processed;
        let reason = worth_repeating(failed, self.outcome.harmless_to_repeat, processed_before)?;
        if !replayable || retry_after.is_some_and(|asked| asked > self.policy.max_retry_after()) {
            return None;
        }
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
        if retries >= self.policy.max_attempts() || !within_budget || !within_deadline {
            return None;
        }
        // Paid from the quota every clone shares; when it cannot pay, the failure stands.
        let Some(paid) = limits.take_retry(matches!(failed, Failed::NoAnswer)) else {
            self.outcome.retries_held_back = true;
            log::debug!(
                "{}: not retried after {reason}: the retry quota is spent",
                self.operation.id
            );
            return None;
        };
        self.retry_paid = Some(paid);
        log::debug!(
            "retrying {} in {:.1?} after {reason} (attempt {} of {})",
            self.operation.id,
            wait,
            retries,
            self.policy.max_attempts()
        );
        Some(wait)
    }

    fn cancelled(&self) -> Error {
        Error::Cancelled {
            operation: self.operation.id,
            outcome: self.outcome,
        }
    }
}

/// The error of a call whose last attempt (or the body of its answer) failed with `source`.
pub(crate) fn transport_error(
    operation: &'static str,
    mut outcome: Outcome,
    source: ureq::Error,
) -> Error {
    outcome.ended_by = Some(Failed::of_transport(&source));
    match source {
        ureq::Error::Timeout(timeout) => Error::Timeout {
            operation,
            outcome,
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
            source: TransportError::new(source),
            outcome,
        },
    }
}

/// `error.type` of a failure without an answer.
fn failed_type(failed: Failed) -> &'static str {
    match failed {
        Failed::Status { .. } => "http",
        Failed::NotSent => "connect",
        Failed::CutWhileSending | Failed::NoAnswer | Failed::Deadline => "timeout",
        Failed::Dropped => "connection_dropped",
        Failed::Final { .. } => "transport",
    }
}

/// `error.type` of a call's error.
fn error_type(error: &Error) -> &'static str {
    match error {
        Error::Timeout { .. } => "timeout",
        Error::Transport { .. } => "transport",
        Error::Cancelled { .. } => "cancelled",
        Error::Redirect { .. } => "redirect",
        Error::RateLimited { .. } => "rate_limited",
        Error::InvalidInput { .. }
        | Error::File { .. }
        | Error::Source { .. }
        | Error::Unsupported { .. } => "input",
        _ => "other",
    }
}

/// The `Retry-After` of an answer, as a wait from now.
pub(crate) fn retry_after(headers: &http::HeaderMap) -> Option<Duration> {
    crate::call::response::retry_after(headers, SystemTime::now())
}

/// The `Accept` header of an operation, without a copy (the generator lists printable media
/// types only; anything else falls back to JSON rather than panicking).
fn accept(value: &'static str) -> HeaderValue {
    let visible = value
        .bytes()
        .all(|b| b == b'\t' || (b' '..=b'~').contains(&b));
    HeaderValue::from_static(if visible { value } else { "application/json" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::download::DOWNLOAD;

    #[test]
    fn after_a_429_the_hold_and_the_retry_wait_alike() {
        let policy = RetryPolicy::default().with_initial_backoff(Duration::from_secs(8));
        let limits = Limits::new(&policy, None);
        let after = |status, retry_after: Option<Duration>| {
            let mut call = Attempts::new(&DOWNLOAD, policy, None, false);
            call.outcome.attempts = 1;
            let failed = Failed::Status {
                status,
                retry_after: retry_after.is_some(),
            };
            call.after_failure(failed, retry_after, true, &limits)
        };
        // Without `Retry-After`: one draw of the backoff, up to 8 s, for both.
        for _ in 0..40 {
            let next = after(429, None);
            assert!(next.retry.is_some());
            assert_eq!(next.hold, next.retry);
        }
        let asked = Some(Duration::from_millis(1500));
        assert_eq!(
            after(429, asked),
            AfterFailure {
                hold: asked,
                retry: asked
            }
        );
        // Only a 429 holds the host.
        assert_eq!(after(503, asked).hold, None);
    }
}
