//! The tests that change what a process has only once: its logger (the log guard, secrets in
//! trace logs, the soak at trace level) and its environment (proxy variables). One binary, so
//! that `cargo test` links it once, whose tests take the process in turn ([`process`]) and
//! share its one logger ([`RECORDER`]).

#[path = "../support/mod.rs"]
mod support;

mod log_filters;
mod log_guard;
mod one_loop;
mod proxy;
mod secrets;
mod soak;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, Once};

/// The process's logger: records every line as `LEVEL target ThreadId(n) message` that its
/// filter lets through (none: every line), unless told to record nothing.
pub struct Recorder {
    filter: Mutex<Option<Filter>>,
    recording: AtomicBool,
    lines: Mutex<Vec<String>>,
    /// The log guard's warnings that it holds the level at debug (with the filter to add)
    /// since the process started, recorded or not: the guard warns once a process, whichever
    /// test makes it.
    guard_warnings: AtomicUsize,
}

/// A filter as `RUST_LOG` gives one to env_logger: a default level and `target=level`
/// directives, the longest target that starts the line's target deciding (`ureq` covers
/// `ureq_proto` too, as env_logger matches).
#[derive(Clone)]
pub struct Filter {
    default: log::LevelFilter,
    directives: Vec<(String, log::LevelFilter)>,
}

impl Filter {
    /// `trace`, `debug,ureq=info`, `trace,ureq=debug,ureq_proto=debug`, ...
    pub fn parse(spec: &str) -> Filter {
        let mut filter = Filter {
            default: log::LevelFilter::Off,
            directives: Vec::new(),
        };
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part.split_once('=') {
                Some((target, level)) => filter
                    .directives
                    .push((target.to_owned(), level.parse().expect("a level"))),
                None => filter.default = part.parse().expect("a level"),
            }
        }
        filter
            .directives
            .sort_by_key(|(target, _)| std::cmp::Reverse(target.len()));
        filter
    }

    fn level(&self, target: &str) -> log::LevelFilter {
        self.directives
            .iter()
            .find(|(prefix, _)| target.starts_with(prefix.as_str()))
            .map_or(self.default, |(_, level)| *level)
    }

    /// The most verbose level of any target: what env_logger sets as the maximum level.
    pub fn max(&self) -> log::LevelFilter {
        self.directives
            .iter()
            .map(|(_, level)| *level)
            .fold(self.default, std::cmp::max)
    }
}

impl Recorder {
    /// How many times the log guard has warned in this process.
    pub fn guard_warnings(&self) -> usize {
        self.guard_warnings.load(Ordering::SeqCst)
    }

    /// Filters lines as `RUST_LOG=spec` would; `None` lets every line through.
    pub fn set_filter(&self, spec: Option<&str>) {
        *self.filter.lock().unwrap() = spec.map(Filter::parse);
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
        match &*self.filter.lock().unwrap() {
            Some(filter) => metadata.level() <= filter.level(metadata.target()),
            None => true,
        }
    }
    fn log(&self, record: &log::Record<'_>) {
        if record.level() == log::Level::Warn
            && record.args().to_string().contains(RECOMMENDED_FILTER)
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

/// The filter the README recommends (and the log guard's warning names): ureq's lines at debug
/// at most, so that none shows a URL's path and query, a header or a byte.
pub const RECOMMENDED_FILTER: &str = "trace,ureq=debug,ureq_proto=debug";

/// A finer safe filter, which keeps ureq's other trace lines (the resolver's, say): only the
/// byte dumps and the target whose trace level makes ureq show whole URLs are filtered.
pub const FINER_FILTER: &str = "trace,ureq_proto=debug,ureq::util=debug";

/// The process's one logger.
pub static RECORDER: Recorder = Recorder {
    filter: Mutex::new(None),
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
    RECORDER.set_filter(None);
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
