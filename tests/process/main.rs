//! The tests that change what a process has only once: its logger (the log guard, secrets in
//! trace logs, the soak at trace level) and its environment (proxy variables). One binary, so
//! that `cargo test` links it once, whose tests take the process in turn ([`process`]) and
//! share its one logger ([`RECORDER`]).

#[path = "../support/mod.rs"]
mod support;

mod log_guard;
mod proxy;
mod secrets;
mod soak;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, Once};

/// The process's logger: records every line as `LEVEL target ThreadId(n) message`, unless told
/// to filter the `ureq_proto` targets above debug (as `RUST_LOG=trace,ureq_proto=debug` does)
/// or to record nothing.
pub struct Recorder {
    filter_ureq_proto: AtomicBool,
    recording: AtomicBool,
    lines: Mutex<Vec<String>>,
    /// The log guard's warnings (to filter `ureq_proto` at debug) since the process started,
    /// recorded or not: the guard warns once a process, whichever test makes it.
    guard_warnings: AtomicUsize,
}

impl Recorder {
    /// How many times the log guard has warned in this process.
    pub fn guard_warnings(&self) -> usize {
        self.guard_warnings.load(Ordering::SeqCst)
    }

    /// Whether `ureq_proto` lines above debug are filtered out, as the recommended filter does.
    pub fn filter_ureq_proto(&self, filter: bool) {
        self.filter_ureq_proto.store(filter, Ordering::SeqCst);
    }

    /// Whether lines are kept (the soak turns it off: it measures memory).
    pub fn set_recording(&self, recording: bool) {
        self.recording.store(recording, Ordering::SeqCst);
    }

    /// Every line recorded since the last [`clear`](Self::clear).
    pub fn lines(&self) -> Vec<String> {
        self.lines.lock().unwrap().clone()
    }

    /// Forgets the lines recorded so far.
    pub fn clear(&self) {
        self.lines.lock().unwrap().clear();
    }
}

impl log::Log for Recorder {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        !(self.filter_ureq_proto.load(Ordering::SeqCst)
            && metadata.target().starts_with("ureq_proto")
            && metadata.level() > log::Level::Debug)
    }
    fn log(&self, record: &log::Record<'_>) {
        if record.level() == log::Level::Warn
            && record.args().to_string().contains("ureq_proto=debug")
        {
            self.guard_warnings.fetch_add(1, Ordering::SeqCst);
        }
        if self.enabled(record.metadata()) && self.recording.load(Ordering::SeqCst) {
            let line = format!(
                "{} {} {:?} {}",
                record.level(),
                record.target(),
                std::thread::current().id(),
                record.args()
            );
            self.lines.lock().unwrap().push(line);
        }
    }
    fn flush(&self) {}
}

/// The process's one logger.
pub static RECORDER: Recorder = Recorder {
    filter_ureq_proto: AtomicBool::new(false),
    recording: AtomicBool::new(true),
    lines: Mutex::new(Vec::new()),
    guard_warnings: AtomicUsize::new(0),
};

/// Takes the process for one test, until the guard is dropped: the logger installed (once),
/// recording every line with nothing filtered, nothing recorded yet, the level at trace, and
/// no proxy variable set. No other test of this binary runs meanwhile, so none sees its level
/// or environment change.
pub fn process() -> MutexGuard<'static, ()> {
    static LOGGER: Once = Once::new();
    static PROCESS: Mutex<()> = Mutex::new(());
    LOGGER.call_once(|| log::set_logger(&RECORDER).expect("the only logger of this binary"));
    // A failed test poisons the lock; the next one still runs.
    let guard = PROCESS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    RECORDER.filter_ureq_proto(false);
    RECORDER.set_recording(true);
    RECORDER.clear();
    log::set_max_level(log::LevelFilter::Trace);
    for name in PROXY_VARIABLES {
        // SAFETY: every test of this binary that sends a request or touches the environment
        // holds the process while it runs (the one that does neither, a pure function's test,
        // reads nothing of it), and no thread this binary starts reads the environment.
        unsafe { std::env::remove_var(name) };
    }
    guard
}

/// The variables a client reads its proxy from.
const PROXY_VARIABLES: [&str; 8] = [
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
];
