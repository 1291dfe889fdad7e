//! A small logger: `RUST_LOG` as a comma-separated list of a default level and `target=level`
//! pairs (`RUST_LOG=debug`, `RUST_LOG=trace,ureq=debug,ureq_proto=debug`), lines to stderr.

use log::{LevelFilter, Log, Metadata, Record};

struct Logger {
    default: LevelFilter,
    /// `(target prefix, level)`, longest prefix first.
    targets: Vec<(String, LevelFilter)>,
}

impl Logger {
    fn level_for(&self, target: &str) -> LevelFilter {
        self.targets
            .iter()
            .find(|(prefix, _)| {
                target == prefix
                    || target
                        .strip_prefix(prefix.as_str())
                        .is_some_and(|rest| rest.starts_with("::"))
            })
            .map_or(self.default, |(_, level)| *level)
    }
}

impl Log for Logger {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.level() <= self.level_for(metadata.target())
    }

    fn log(&self, record: &Record<'_>) {
        if self.enabled(record.metadata()) {
            eprintln!("[{} {}] {}", record.level(), record.target(), record.args());
        }
    }

    fn flush(&self) {}
}

/// Installs the logger as `RUST_LOG` asks; without `RUST_LOG`, warnings and errors only.
pub fn init() {
    let spec = std::env::var("RUST_LOG").unwrap_or_default();
    let mut logger = Logger {
        default: LevelFilter::Warn,
        targets: Vec::new(),
    };
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('=') {
            Some((target, level)) => {
                if let Ok(level) = level.parse() {
                    logger.targets.push((target.replace('-', "_"), level));
                }
            }
            None => {
                if let Ok(level) = part.parse() {
                    logger.default = level;
                }
            }
        }
    }
    logger
        .targets
        .sort_by_key(|(target, _)| std::cmp::Reverse(target.len()));
    let max = logger
        .targets
        .iter()
        .map(|(_, level)| *level)
        .fold(logger.default, Ord::max);
    if log::set_logger(Box::leak(Box::new(logger))).is_ok() {
        log::set_max_level(max);
    }
}
