//! Keeps secrets out of the HTTP layer's log lines without taking over the application's
//! logging.
//!
//! What ureq 3.5 and ureq-proto 0.7 log that may be secret, read from their source:
//!
//! - `ureq_proto::util`, trace: a hex dump of every byte written and read (`log_data`), the
//!   `Authorization` header and answers carrying media tokens and key secrets included.
//! - `ureq::run`, debug: each request's method and URL (`call_run`), the request's URL and
//!   headers (`DebugRequest`) and the answer's headers (`DebugResponse`). Their URLs go through
//!   ureq's `DebugUri` and `DebugHeaders` (`ureq::util`), which show a URL's path and query
//!   (a signed URL's `X-Amz-Signature`, a `token`) and a redirect's `Location` in full when
//!   `log_enabled!(Trace)` holds for the target `ureq::util`, and `/******` otherwise.
//! - `ureq::pool`, debug: the connection's pool key (`Use pooled`, `Return to pool`, `Close`)
//!   with its proxy's URL through the same `DebugUri`, and the first letter of the proxy's user
//!   name (`DebugAuthority` masks the rest and the password).
//!
//! The URLs this crate hands ureq never carry user info (downloads drop it, a base URL with
//! it is refused). The `log` facade has no per-library switch, so:
//!
//! - when the application's logger filters those targets (the recommended setup, e.g.
//!   `RUST_LOG=trace,ureq=debug`, which covers the `ureq_proto` targets too), or the maximum
//!   level is low enough, nothing is changed: the guard only asks the logger (`Log::enabled`);
//! - only when one of them would really print something secret, the process-wide maximum
//!   level is held at the most verbose level that prints nothing secret (debug, or info for a
//!   proxy with a user name) while requests of this crate are in flight, and a warning naming
//!   the filter to add is logged once. When the last request ends, the level the application
//!   asked for is put back: the one it had, or the one it set meanwhile, which is never
//!   overwritten (unless it set exactly the held level, which cannot be told from the guard's
//!   own setting).
//!
//! [`ClientBuilder::allow_transport_trace`](crate::ClientBuilder::allow_transport_trace) turns
//! the guard off.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use log::{Level, LevelFilter};

/// Requests in flight, and what the guard changed.
struct State {
    in_flight: usize,
    /// When the guard lowered the maximum level: the level it holds, and the level the
    /// application wants back.
    held: Option<(LevelFilter, LevelFilter)>,
}

static STATE: Mutex<State> = Mutex::new(State {
    in_flight: 0,
    held: None,
});

/// Whether the guard has warned that it holds the level at debug, and at info (a proxy's user).
static WARNED: AtomicBool = AtomicBool::new(false);
static WARNED_PROXY: AtomicBool = AtomicBool::new(false);

/// Whether the application's logger would print `target` at `level` if the maximum level let
/// it through. The logger itself is asked: `log::log_enabled!` would also check the maximum
/// level, which the guard itself lowers while another request is in flight.
fn logger_prints(level: Level, target: &str) -> bool {
    let metadata = log::Metadata::builder().level(level).target(target).build();
    log::logger().enabled(&metadata)
}

/// The most verbose level at which ureq's lines show nothing secret, for a request through a
/// proxy with a user name (`proxy_user`) or not; [`LevelFilter::Trace`] when the logger
/// filters every target that would.
fn safe_level(proxy_user: bool) -> LevelFilter {
    let pool = logger_prints(Level::Debug, "ureq::pool");
    if proxy_user && pool {
        return LevelFilter::Info;
    }
    let dumps = logger_prints(Level::Trace, "ureq_proto::util");
    let whole_urls = logger_prints(Level::Trace, "ureq::util")
        && (pool || logger_prints(Level::Debug, "ureq::run"));
    if dumps || whole_urls {
        LevelFilter::Debug
    } else {
        LevelFilter::Trace
    }
}

/// Held for the duration of one attempt.
pub(crate) struct LogGuard {
    active: bool,
}

impl LogGuard {
    /// Enters a request; `allow_trace` lets everything through (no guard); `proxy_user`: the
    /// request goes through a proxy whose URL has a user name.
    pub(crate) fn enter(allow_trace: bool, proxy_user: bool) -> Self {
        if allow_trace {
            return LogGuard { active: false };
        }
        let held = {
            let mut state = STATE.lock().unwrap_or_else(|p| p.into_inner());
            state.in_flight += 1;
            let current = log::max_level();
            if let Some((held, wanted)) = &mut state.held
                && current != *held
            {
                // The application set a level while requests were in flight: that is the level
                // it wants back.
                *wanted = current;
            }
            // Decided under the lock, from the level the application wants (not the one the
            // guard holds for another request) and from the logger itself: a request that
            // starts while another holds the level, and outlives it, is guarded too.
            let wanted = state.held.map_or(current, |(_, wanted)| wanted);
            // At info and below nothing of ureq's is secret: the logger need not be asked.
            let safe = if wanted <= LevelFilter::Info {
                LevelFilter::Trace
            } else {
                safe_level(proxy_user)
            };
            let unsafe_ahead = wanted > safe;
            if unsafe_ahead && current > safe {
                log::set_max_level(safe);
                state.held = Some((safe, wanted));
            }
            unsafe_ahead.then_some(safe)
        };
        // Warned after the lock is released: a logger that logs over HTTP with this client
        // would otherwise wait for itself.
        match held {
            Some(LevelFilter::Info) if !WARNED_PROXY.swap(true, Ordering::Relaxed) => log::warn!(
                "ureq's debug lines would show the first letter of the proxy's user name: the \
                 log level is held at info while requests are in flight; filter `ureq::pool` at \
                 info (e.g. RUST_LOG=debug,ureq::pool=info) to keep your logging untouched"
            ),
            Some(LevelFilter::Debug) if !WARNED.swap(true, Ordering::Relaxed) => log::warn!(
                "ureq's trace output would show credentials and signed URLs: the log level is \
                 held at debug while requests are in flight; filter the `ureq` targets at \
                 debug (e.g. RUST_LOG=trace,ureq=debug,ureq_proto=debug) to keep your logging \
                 untouched"
            ),
            _ => {}
        }
        LogGuard { active: true }
    }
}

impl Drop for LogGuard {
    fn drop(&mut self) {
        if !self.active {
            return;
        }
        let mut state = STATE.lock().unwrap_or_else(|p| p.into_inner());
        state.in_flight = state.in_flight.saturating_sub(1);
        if state.in_flight > 0 {
            return;
        }
        if let Some((held, wanted)) = state.held.take() {
            // Put back what the application wants, unless it set a level itself meanwhile.
            if log::max_level() == held {
                log::set_max_level(wanted);
            }
        }
    }
}
