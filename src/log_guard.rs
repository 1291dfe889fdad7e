//! Keeps credentials out of trace logs without taking over the application's logging.
//!
//! ureq's HTTP/1.1 layer (ureq-proto) logs every byte it writes and reads as a hex dump at
//! trace level, under the `ureq_proto` targets: the `Authorization` header, and response bodies
//! carrying media tokens and key secrets. The `log` facade has no per-library switch, so:
//!
//! - when the application's logger already filters those targets below trace (the recommended
//!   setup, e.g. `RUST_LOG=trace,ureq_proto=debug`), or the maximum level is at most debug,
//!   nothing is changed: the guard only asks the logger (`Log::enabled`);
//! - only when the dumps would really be emitted, the process-wide maximum level is held at
//!   debug while requests of this crate are in flight, and a warning naming the filter to add is
//!   logged once. When the last request ends, the level the application asked for is put back:
//!   the one it had, or the one it set meanwhile, which is never overwritten (unless it set
//!   exactly debug, which cannot be told from the guard's own setting).
//!
//! [`ClientBuilder::allow_transport_trace`](crate::ClientBuilder::allow_transport_trace) turns
//! the guard off.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use log::LevelFilter;

/// The target under which ureq-proto dumps bytes.
const DUMP_TARGET: &str = "ureq_proto::util";

/// The level the guard holds the maximum at while requests are in flight.
const HELD: LevelFilter = LevelFilter::Debug;

/// Requests in flight, and what the guard changed.
struct State {
    in_flight: usize,
    /// When the guard lowered the maximum level to [`HELD`]: the level the application wants
    /// back.
    wanted: Option<LevelFilter>,
}

static STATE: Mutex<State> = Mutex::new(State {
    in_flight: 0,
    wanted: None,
});

static WARNED: AtomicBool = AtomicBool::new(false);

/// Whether the application's logger would print ureq-proto's hex dumps if the maximum level
/// let them through. The logger itself is asked: `log::log_enabled!` would also check the
/// maximum level, which the guard itself lowers while another request is in flight.
fn logger_would_print_dumps() -> bool {
    let dump = log::Metadata::builder()
        .level(log::Level::Trace)
        .target(DUMP_TARGET)
        .build();
    log::logger().enabled(&dump)
}

/// Held for the duration of one attempt.
pub(crate) struct LogGuard {
    active: bool,
}

impl LogGuard {
    /// Enters a request; `allow_trace` lets the dumps through (no guard).
    pub(crate) fn enter(allow_trace: bool) -> Self {
        if allow_trace {
            return LogGuard { active: false };
        }
        let held = {
            let mut state = STATE.lock().unwrap_or_else(|p| p.into_inner());
            state.in_flight += 1;
            let current = log::max_level();
            if let Some(wanted) = &mut state.wanted
                && current != HELD
            {
                // The application set a level while requests were in flight: that is the level
                // it wants back.
                *wanted = current;
            }
            // Decided under the lock, from the level the application wants (not the one the
            // guard holds for another request) and from the logger itself: a request that
            // starts while another holds the level, and outlives it, is guarded too.
            let wanted = state.wanted.unwrap_or(current);
            let dumps = wanted > HELD && logger_would_print_dumps();
            if dumps && current > HELD {
                log::set_max_level(HELD);
                state.wanted = Some(wanted);
            }
            dumps
        };
        // Warned after the lock is released: a logger that logs over HTTP with this client
        // would otherwise wait for itself.
        if held && !WARNED.swap(true, Ordering::Relaxed) {
            log::warn!(
                "ureq's trace output would show credentials: the log level is held at debug \
                 while requests are in flight; filter the `ureq_proto` targets at debug \
                 (e.g. RUST_LOG=trace,ureq_proto=debug) to keep trace logging untouched"
            );
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
        if let Some(wanted) = state.wanted.take() {
            // Put back what the application wants, unless it set a level itself meanwhile.
            if log::max_level() == HELD {
                log::set_max_level(wanted);
            }
        }
    }
}
