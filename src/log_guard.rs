//! Keeps credentials out of trace logs.
//!
//! ureq's HTTP/1.1 layer (ureq-proto) logs every byte it writes and reads as a hex dump at
//! trace level, under the `ureq_proto` target: the `Authorization` header, and response bodies
//! carrying media tokens. The `log` facade has no per-library switch, so whenever a request of
//! a client starts, a process-wide maximum level above debug is lowered to debug; it is put
//! back when the last request in flight ends (unless someone changed it meanwhile). Debug-level lines, ours
//! and ureq's, which redact sensitive headers, are unaffected. Opt out with
//! [`ClientBuilder::allow_transport_trace`](crate::ClientBuilder::allow_transport_trace).

use std::sync::Mutex;

use log::LevelFilter;

/// In-flight requests, and the level to restore when the last one ends.
static STATE: Mutex<(usize, Option<LevelFilter>)> = Mutex::new((0, None));

/// Held for the duration of one attempt.
pub(crate) struct LogGuard {
    active: bool,
}

impl LogGuard {
    pub(crate) fn enter(enabled: bool) -> Self {
        if !enabled {
            return LogGuard { active: false };
        }
        let mut state = STATE.lock().unwrap_or_else(|p| p.into_inner());
        if state.0 == 0 {
            state.1 = None;
        }
        // Checked on every entry, not only the first: the program may have raised the level
        // while other requests were in flight.
        let current = log::max_level();
        if current > LevelFilter::Debug {
            log::set_max_level(LevelFilter::Debug);
            state.1.get_or_insert(current);
        }
        state.0 += 1;
        LogGuard { active: true }
    }
}

impl Drop for LogGuard {
    fn drop(&mut self) {
        if !self.active {
            return;
        }
        let mut state = STATE.lock().unwrap_or_else(|p| p.into_inner());
        state.0 = state.0.saturating_sub(1);
        if state.0 == 0
            && let Some(saved) = state.1.take()
            && log::max_level() == LevelFilter::Debug
        {
            log::set_max_level(saved);
        }
    }
}
