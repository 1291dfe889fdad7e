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

/// How many turns of the pace given back (by calls cancelled, or overtaken by a server's wait)
/// are kept for the next callers; a turn given back beyond them is lost, as it was before it
/// could be given.
const MAX_FREED_TURNS: usize = 64;

/// The shared limits of one client and its clones.
pub(crate) struct Limits {
    /// Host → when a server's announced wait ends; a host is forgotten once its wait has passed.
    holds: Mutex<HashMap<String, Instant>>,
    /// Whether any host is held: while none is, no attempt looks at `holds`.
    held: AtomicBool,
    /// Tokens left in the retry quota.
    quota: AtomicU32,
    /// The quota's size, and what a retry costs.
    capacity: u32,
    retry_cost: u32,
    timeout_retry_cost: u32,
    /// The client's own pace, if it has one.
    pace: Option<Pace>,
}

/// Even spacing: one request every `interval`, with no burst allowance (a client idle for a
/// while does not get to send several requests at once).
struct Pace {
    interval: Duration,
    turns: Mutex<Turns>,
}

/// The turns of the pace handed out.
struct Turns {
    /// The earliest start of the next turn.
    next: Instant,
    /// Turns handed out and then given back unused, still ahead: the next callers take them
    /// first.
    freed: Vec<Instant>,
}

/// Why an attempt may not start in time.
pub(crate) enum NotAdmitted {
    /// The client's pace has no turn before the call's deadline.
    Deadline,
    /// A server asked that nothing be sent to the host until `until`, later than the call may
    /// wait.
    Held { until: Instant },
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
            pace: max_requests_per_second.filter(|n| *n > 0).map(|n| Pace {
                interval: PACED_SECOND / n,
                turns: Mutex::new(Turns {
                    next: Instant::now(),
                    freed: Vec::new(),
                }),
            }),
        }
    }

    /// Waits until an attempt to `url`'s host may start: past any wait a server announced for
    /// it, and at the client's pace. Fails at once, sending nothing and taking no turn, when a
    /// server's wait ends after `latest` (what the call may wait: its deadline, or the retry
    /// policy's longest `Retry-After`), or when the pace has no turn before `deadline`; fails
    /// when `cancel` is cancelled meanwhile, giving its turn back.
    ///
    /// A server can announce a wait while an attempt waits for its turn (another thread's
    /// request met a `429`): the attempt then gives its turn back, waits that out too and takes
    /// a new turn, so no turn taken before the announcement sends into it.
    pub(crate) fn admit(
        &self,
        url: &Uri,
        deadline: Option<Instant>,
        latest: Instant,
        cancel: Option<&CancelToken>,
    ) -> Result<(), NotAdmitted> {
        // The host's key is worked out once, and only when some host is held.
        let mut key = None;
        for _ in 0..MAX_ROUNDS {
            if let Some(until) = self.held_until(url, &mut key) {
                if until > latest {
                    return Err(NotAdmitted::Held { until });
                }
                sleep_until(until, cancel)?;
            }
            if let Some(pace) = &self.pace {
                let start = pace.take(deadline)?;
                if let Err(stopped) = sleep_until(start, cancel) {
                    pace.give_back(start);
                    return Err(stopped);
                }
                if self.held_until(url, &mut key).is_some() {
                    // Announced while this attempt waited for its turn: not sent into it.
                    pace.give_back(start);
                    continue;
                }
                return Ok(());
            }
            if self.held_until(url, &mut key).is_none() {
                return Ok(());
            }
        }
        Ok(())
    }

    /// When the wait a server announced for `url`'s host ends, while it has not passed (one
    /// that has is forgotten). `key` keeps `url`'s host key between the rounds of one
    /// admission.
    fn held_until(&self, url: &Uri, key: &mut Option<String>) -> Option<Instant> {
        if !self.held.load(Ordering::Acquire) {
            return None;
        }
        let key = key.get_or_insert_with(|| host(url));
        let mut holds = self.holds.lock().unwrap_or_else(|p| p.into_inner());
        let until = holds.get(key.as_str()).copied()?;
        if until <= Instant::now() {
            // Passed: forgotten, so that the map holds only the hosts held now.
            holds.remove(key.as_str());
            if holds.is_empty() {
                self.held.store(false, Ordering::Release);
            }
            return None;
        }
        Some(until)
    }

    /// A server answered `429`: no attempt to `host` starts before `wait` has passed (an hour
    /// at most: a longer wait ends the calls that meet it, as its `Retry-After` says). Hosts
    /// whose waits have passed are forgotten, so the map holds only the hosts held now.
    pub(crate) fn hold(&self, url: &Uri, wait: Duration) {
        let now = Instant::now();
        let Some(until) = now.checked_add(wait.min(MAX_HOLD)) else {
            return;
        };
        let mut holds = self.holds.lock().unwrap_or_else(|p| p.into_inner());
        holds.retain(|_, held| *held > now);
        let held = holds.entry(host(url)).or_insert(until);
        *held = (*held).max(until);
        self.held.store(true, Ordering::Release);
    }

    /// How many hosts are held now (or were, until the next look prunes them).
    #[cfg(test)]
    fn hosts_remembered(&self) -> usize {
        self.holds.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    /// Takes what a retry costs from the quota (more after a timeout): the tokens taken, or
    /// `None` when the quota cannot pay and the retry is held back.
    pub(crate) fn take_retry(&self, after_timeout: bool) -> Option<u32> {
        let cost = if after_timeout {
            self.timeout_retry_cost
        } else {
            self.retry_cost
        };
        self.quota
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |left| {
                left.checked_sub(cost)
            })
            .ok()
            .map(|_| cost)
    }

    /// A call succeeded, as in AWS's standard retry mode: when a retry paid for it, what that
    /// retry cost comes back; a success at the first attempt adds one token. Never past the
    /// quota's size. So the quota drains only while retries fail: in an outage.
    pub(crate) fn succeeded(&self, retry_paid: Option<u32>) {
        let (capacity, refund) = (self.capacity, retry_paid.unwrap_or(1));
        let _ = self
            .quota
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |left| {
                (left < capacity).then(|| left.saturating_add(refund).min(capacity))
            });
    }
}

impl Pace {
    /// Takes the next turn: a turn given back that is still ahead, else the next one after the
    /// last handed out. `Deadline` (taking none) when it would start at or after `deadline`.
    fn take(&self, deadline: Option<Instant>) -> Result<Instant, NotAdmitted> {
        let mut turns = self.turns.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        turns.freed.retain(|at| *at >= now);
        let earliest = (0..turns.freed.len()).min_by_key(|i| turns.freed[*i]);
        let start = match earliest {
            Some(i) => turns.freed[i],
            None => turns.next.max(now),
        };
        if deadline.is_some_and(|deadline| start >= deadline) {
            return Err(NotAdmitted::Deadline);
        }
        match earliest {
            Some(i) => {
                turns.freed.swap_remove(i);
            }
            None => turns.next = start + self.interval,
        }
        Ok(start)
    }

    /// Gives back a turn that was not used (its call was cancelled, or a server's wait came
    /// first): the next caller takes it instead of a later one.
    fn give_back(&self, start: Instant) {
        let mut turns = self.turns.lock().unwrap_or_else(|p| p.into_inner());
        if turns.next == start + self.interval {
            // The last turn handed out: the next one starts where it did, and so on back
            // through turns given back before it.
            turns.next = start;
            while let Some(i) = turns
                .freed
                .iter()
                .position(|at| *at + self.interval == turns.next)
            {
                turns.next = turns.freed.swap_remove(i);
            }
        } else if turns.freed.len() < MAX_FREED_TURNS {
            turns.freed.push(start);
        }
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

    /// Far enough ahead that no wait in these tests reaches it.
    fn whenever() -> Instant {
        Instant::now() + Duration::from_secs(3600)
    }

    #[test]
    fn retries_that_succeed_pay_themselves_back() {
        let policy = RetryPolicy::default().with_retry_quota(12);
        let limits = Limits::new(&policy, None);
        assert_eq!(limits.take_retry(false), Some(5));
        assert_eq!(
            limits.take_retry(true),
            None,
            "7 left, a timeout's retry costs 10"
        );
        // The retry succeeded: its 5 tokens come back.
        limits.succeeded(Some(5));
        assert_eq!(limits.take_retry(true), Some(10), "12 again");
        assert_eq!(limits.take_retry(false), None, "2 left");
        for _ in 0..20 {
            // Successes at the first attempt: one token each, up to the quota's size.
            limits.succeeded(None);
        }
        assert_eq!(
            limits.take_retry(true),
            Some(10),
            "refilled to 12, no further"
        );
        assert_eq!(limits.take_retry(false), None);
        limits.succeeded(Some(10));
        limits.succeeded(Some(10));
        assert_eq!(
            limits.quota.load(Ordering::Acquire),
            12,
            "never past its size"
        );
    }

    #[test]
    fn the_pace_spaces_requests_and_a_deadline_is_kept() {
        let limits = Limits::new(&RetryPolicy::default(), Some(20));
        let started = Instant::now();
        let h: Uri = "http://h/".parse().unwrap();
        for _ in 0..5 {
            assert!(limits.admit(&h, None, whenever(), None).is_ok());
        }
        let took = started.elapsed();
        assert!(took >= Duration::from_millis(190), "{took:?}");
        let soon = Some(Instant::now() + Duration::from_millis(10));
        limits.admit(&h, None, whenever(), None).ok();
        assert!(matches!(
            limits.admit(&h, soon, whenever(), None),
            Err(NotAdmitted::Deadline)
        ));
    }

    #[test]
    fn a_turn_given_back_goes_to_the_next_caller() {
        // One turn every 204 ms.
        let limits = Limits::new(&RetryPolicy::default(), Some(5));
        let h: Uri = "http://h/".parse().unwrap();
        let started = Instant::now();
        assert!(limits.admit(&h, None, whenever(), None).is_ok());
        // A second caller waits for its turn, and is cancelled meanwhile.
        let token = CancelToken::new();
        let cancelling = {
            let token = token.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(50));
                token.cancel();
            })
        };
        assert!(matches!(
            limits.admit(&h, None, whenever(), Some(&token)),
            Err(NotAdmitted::Cancelled)
        ));
        cancelling.join().unwrap();
        // A third, reserving a turn ahead, and a fourth: the cancelled turn is not lost.
        let pace = limits.pace.as_ref().unwrap();
        let third = pace.take(None).ok().unwrap();
        let fourth = pace.take(None).ok().unwrap();
        assert_eq!(fourth - third, pace.interval);
        assert!(
            third < started + pace.interval * 3 / 2,
            "the third took the cancelled turn, the one after the first"
        );
        // A turn given back that is not the last is kept for the next caller.
        pace.give_back(third);
        assert_eq!(pace.take(None).ok(), Some(third));
    }

    #[test]
    fn a_hold_keeps_every_thread_back_until_it_passes() {
        let limits = Limits::new(&RetryPolicy::default(), None);
        let (h, other): (Uri, Uri) = ("http://h/".parse().unwrap(), "http://o/".parse().unwrap());
        limits.hold(&h, Duration::from_millis(200));
        let started = Instant::now();
        assert!(limits.admit(&other, None, whenever(), None).is_ok());
        assert!(started.elapsed() < Duration::from_millis(100));
        assert!(limits.admit(&h, None, whenever(), None).is_ok());
        assert!(started.elapsed() >= Duration::from_millis(190));
        let token = CancelToken::new();
        limits.hold(&h, Duration::from_secs(5));
        token.cancel();
        assert!(matches!(
            limits.admit(&h, None, whenever(), Some(&token)),
            Err(NotAdmitted::Cancelled)
        ));
    }

    #[test]
    fn a_hold_past_what_a_call_may_wait_ends_it_at_once() {
        let limits = Limits::new(&RetryPolicy::default(), Some(1));
        let h: Uri = "http://h/".parse().unwrap();
        limits.hold(&h, Duration::from_secs(3600));
        let started = Instant::now();
        let latest = started + Duration::from_secs(60);
        let Err(NotAdmitted::Held { until }) = limits.admit(&h, None, latest, None) else {
            panic!("admitted into an hour's wait");
        };
        assert!(started.elapsed() < Duration::from_millis(50));
        assert!(until >= started + Duration::from_secs(3599));
        // No turn of the pace was taken.
        let pace = limits.pace.as_ref().unwrap();
        assert!(pace.take(None).ok().unwrap() <= Instant::now());
    }

    #[test]
    fn hosts_are_forgotten_once_their_wait_has_passed() {
        let limits = Limits::new(&RetryPolicy::default(), None);
        for n in 0..1000 {
            let url: Uri = format!("http://h{n}/").parse().unwrap();
            limits.hold(&url, Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_millis(5));
        let h: Uri = "http://h/".parse().unwrap();
        limits.hold(&h, Duration::from_millis(1));
        assert_eq!(limits.hosts_remembered(), 1);
        std::thread::sleep(Duration::from_millis(5));
        assert!(limits.admit(&h, None, whenever(), None).is_ok());
        assert_eq!(limits.hosts_remembered(), 0);
        assert!(
            !limits.held.load(Ordering::Acquire),
            "back to the fast path"
        );
    }
}
