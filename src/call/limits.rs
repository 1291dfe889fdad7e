//! What every clone of a client shares, whichever thread calls: the waits servers announced
//! with `429` (no thread sends to that host before they pass), the retry quota (a total
//! outage costs its calls plus a bounded number of retries, not a multiple of them), and the
//! client's own pace ([`ClientBuilder::max_requests_per_second`](crate::ClientBuilder::max_requests_per_second)).
//! The request loop asks it before each attempt and after each answer.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::{Duration, Instant};

use ureq::http::Uri;

use crate::call::cancel::CancelToken;
use crate::call::retry::RetryPolicy;

/// The longest wait a server's `429` holds a host for.
const MAX_HOLD: Duration = Duration::from_secs(60 * 60);

/// The second a pace of `n` requests a second spreads them over: 2 % longer, so that a
/// server's one-second window, which sees the requests with the network's jitter, counts `n`
/// at most rather than now and then `n + 1`.
const PACED_SECOND: Duration = Duration::from_millis(1020);

/// How many times one attempt waits out a newly announced wait before it starts regardless
/// (each round waits out a later one, so a server that keeps announcing waits meets the
/// deadline first).
const MAX_ROUNDS: usize = 16;

/// How long one wait sleeps at most before it looks at the cancel token again.
const SLICE: Duration = Duration::from_millis(50);

/// The shared limits of one client and its clones.
pub(crate) struct Limits {
    /// Host → when a server's announced wait ends.
    holds: Mutex<HashMap<String, Instant>>,
    /// Whether any host was ever held: until then, no attempt looks at `holds`.
    held: AtomicBool,
    /// Tokens left in the retry quota.
    quota: AtomicU32,
    /// The quota's size, and what a retry costs.
    capacity: u32,
    retry_cost: u32,
    timeout_retry_cost: u32,
    /// The client's own pace: the earliest start of the next request (GCRA's "theoretical
    /// arrival time") and the interval between requests.
    pace: Option<(Mutex<Instant>, Duration)>,
}

/// Why an attempt may not start in time.
pub(crate) enum NotAdmitted {
    /// The wait would pass the call's deadline.
    Deadline,
    /// The call was cancelled while it waited.
    Cancelled,
}

impl Limits {
    pub(crate) fn new(policy: &RetryPolicy, max_requests_per_second: Option<u32>) -> Limits {
        Limits {
            holds: Mutex::new(HashMap::new()),
            held: AtomicBool::new(false),
            quota: AtomicU32::new(policy.retry_quota()),
            capacity: policy.retry_quota(),
            retry_cost: policy.retry_cost(),
            timeout_retry_cost: policy.timeout_retry_cost(),
            pace: max_requests_per_second
                .filter(|n| *n > 0)
                .map(|n| (Mutex::new(Instant::now()), PACED_SECOND / n)),
        }
    }

    /// Waits until an attempt to `url`'s host may start: past any wait a server announced for
    /// it, and at the client's pace. Fails when the start would come after `deadline` (taking
    /// no turn of the pace), or when `cancel` is cancelled meanwhile.
    ///
    /// A server can announce a wait while an attempt waits for its turn (another thread's
    /// request met a `429`): the attempt then waits that out too and takes a new turn, so no
    /// turn taken before the announcement sends into it.
    pub(crate) fn admit(
        &self,
        url: &Uri,
        deadline: Option<Instant>,
        cancel: Option<&CancelToken>,
    ) -> Result<(), NotAdmitted> {
        // The host's key is worked out once, and only when some host has been held.
        let mut key = None;
        for _ in 0..MAX_ROUNDS {
            if let Some(until) = self.held_until(url, &mut key) {
                wait_until(until, deadline, cancel)?;
            }
            if let Some((next, interval)) = &self.pace {
                let start = {
                    let mut next = next.lock().unwrap_or_else(|p| p.into_inner());
                    let now = Instant::now();
                    let start = (*next).max(now);
                    if deadline.is_some_and(|deadline| start >= deadline) {
                        return Err(NotAdmitted::Deadline);
                    }
                    *next = start + *interval;
                    start
                };
                wait_until(start, deadline, cancel)?;
            }
            if self
                .held_until(url, &mut key)
                .is_none_or(|until| until <= Instant::now())
            {
                return Ok(());
            }
        }
        Ok(())
    }

    /// When the wait a server announced for `url`'s host ends, if it ever announced one.
    /// `key` keeps `url`'s host key between the rounds of one admission.
    fn held_until(&self, url: &Uri, key: &mut Option<String>) -> Option<Instant> {
        if !self.held.load(Ordering::Acquire) {
            return None;
        }
        let key = key.get_or_insert_with(|| host(url));
        self.holds
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(key.as_str())
            .copied()
    }

    /// A server answered `429`: no attempt to `host` starts before `wait` has passed (an hour
    /// at most: a longer wait ends the calls that meet it, as its `Retry-After` says).
    pub(crate) fn hold(&self, url: &Uri, wait: Duration) {
        let Some(until) = Instant::now().checked_add(wait.min(MAX_HOLD)) else {
            return;
        };
        let mut holds = self.holds.lock().unwrap_or_else(|p| p.into_inner());
        let held = holds.entry(host(url)).or_insert(until);
        *held = (*held).max(until);
        self.held.store(true, Ordering::Release);
    }

    /// Takes what a retry costs from the quota (more after a timeout); `false` when the quota
    /// cannot pay: the retry is held back.
    pub(crate) fn take_retry(&self, after_timeout: bool) -> bool {
        let cost = if after_timeout {
            self.timeout_retry_cost
        } else {
            self.retry_cost
        };
        self.quota
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |left| {
                left.checked_sub(cost)
            })
            .is_ok()
    }

    /// A call succeeded: one token back, up to the quota's size.
    pub(crate) fn succeeded(&self) {
        let capacity = self.capacity;
        let _ = self
            .quota
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |left| {
                (left < capacity).then_some(left + 1)
            });
    }
}

/// The host (and port) of `url`: what a server's announced wait applies to.
pub(crate) fn host(url: &Uri) -> String {
    url.authority()
        .map(|a| {
            a.as_str()
                .rsplit('@')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase()
        })
        .unwrap_or_default()
}

/// Sleeps until `until` in slices, looking at `cancel` between them; fails at once when
/// `until` is past `deadline`.
fn wait_until(
    until: Instant,
    deadline: Option<Instant>,
    cancel: Option<&CancelToken>,
) -> Result<(), NotAdmitted> {
    if deadline.is_some_and(|deadline| until >= deadline) {
        return Err(NotAdmitted::Deadline);
    }
    sleep_until(until, cancel)
}

/// Sleeps until `until` in slices of at most 50 ms, looking at `cancel` between them.
pub(crate) fn sleep_until(until: Instant, cancel: Option<&CancelToken>) -> Result<(), NotAdmitted> {
    loop {
        if cancel.is_some_and(CancelToken::is_cancelled) {
            return Err(NotAdmitted::Cancelled);
        }
        let Some(left) = until.checked_duration_since(Instant::now()) else {
            return Ok(());
        };
        if left.is_zero() {
            return Ok(());
        }
        std::thread::sleep(left.min(SLICE));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quota_pays_for_retries_and_successes_refill_it() {
        let policy = RetryPolicy::default().with_retry_quota(12);
        let limits = Limits::new(&policy, None);
        assert!(limits.take_retry(false));
        assert!(
            !limits.take_retry(true),
            "7 left, a timeout's retry costs 10"
        );
        assert!(limits.take_retry(false));
        assert!(!limits.take_retry(false), "2 left");
        for _ in 0..20 {
            limits.succeeded();
        }
        assert!(limits.take_retry(true), "refilled to 12, no further");
        assert!(!limits.take_retry(false));
    }

    #[test]
    fn the_pace_spaces_requests_and_a_deadline_is_kept() {
        let limits = Limits::new(&RetryPolicy::default(), Some(20));
        let started = Instant::now();
        let h: Uri = "http://h/".parse().unwrap();
        for _ in 0..5 {
            assert!(limits.admit(&h, None, None).is_ok());
        }
        let took = started.elapsed();
        assert!(took >= Duration::from_millis(190), "{took:?}");
        let soon = Some(Instant::now() + Duration::from_millis(10));
        limits.admit(&h, None, None).ok();
        assert!(matches!(
            limits.admit(&h, soon, None),
            Err(NotAdmitted::Deadline)
        ));
    }

    #[test]
    fn a_hold_keeps_every_thread_back_until_it_passes() {
        let limits = Limits::new(&RetryPolicy::default(), None);
        let (h, other): (Uri, Uri) = ("http://h/".parse().unwrap(), "http://o/".parse().unwrap());
        limits.hold(&h, Duration::from_millis(200));
        let started = Instant::now();
        assert!(limits.admit(&other, None, None).is_ok());
        assert!(started.elapsed() < Duration::from_millis(100));
        assert!(limits.admit(&h, None, None).is_ok());
        assert!(started.elapsed() >= Duration::from_millis(190));
        let token = CancelToken::new();
        limits.hold(&h, Duration::from_secs(5));
        token.cancel();
        assert!(matches!(
            limits.admit(&h, None, Some(&token)),
            Err(NotAdmitted::Cancelled)
        ));
    }
}
