//! The progress lines of `upload` and `download`, and of a batch: on a terminal only (stderr
//! is a TTY), unless `--quiet`; redrawn in place at most 10 times a second, bytes, total, rate
//! and time left. stdout carries only the answer either way.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Redraws a second at most.
const REDRAWS_PER_SECOND: u8 = 10;

/// The least time between two counts handed to the line: indicatif's own limit lets a burst of
/// 20 redraws through before it holds to its rate.
const BETWEEN_COUNTS: Duration = Duration::from_millis(1000 / REDRAWS_PER_SECOND as u64);

/// One progress line on stderr, drawn by indicatif; it ends (with a line break) when dropped.
pub struct Progress {
    bar: ProgressBar,
    /// When a count was last handed to the line, and the last count seen.
    shown_at: Option<Instant>,
    done: u64,
}

impl Progress {
    /// A line for `verb` (`upload`, `download`) when stderr is a terminal and not `quiet`.
    pub fn on_terminal(verb: &'static str, quiet: bool) -> Option<Progress> {
        let bar = terminal_bar(quiet, "{msg} {binary_bytes}, {binary_bytes_per_sec}")?;
        bar.set_message(verb);
        bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(REDRAWS_PER_SECOND));
        Some(Progress {
            bar,
            shown_at: None,
            done: 0,
        })
    }

    /// `done` bytes of `total` (when known).
    pub fn update(&mut self, done: u64, total: Option<u64>) {
        if total != self.bar.length()
            && let Some(total) = total
        {
            self.bar.set_length(total);
            self.bar.set_style(style(
                "{msg} {binary_bytes} of {binary_total_bytes} ({percent} %), \
                 {binary_bytes_per_sec}, {eta} left",
            ));
        }
        self.done = done;
        let finished = total == Some(done);
        if finished
            || self
                .shown_at
                .is_none_or(|at| at.elapsed() >= BETWEEN_COUNTS)
        {
            self.shown_at = Some(Instant::now());
            self.bar.set_position(done);
        }
    }
}

impl Drop for Progress {
    /// The last count (a count drawn already is not drawn again), then the line break.
    fn drop(&mut self) {
        if self.bar.position() != self.done {
            self.bar.set_position(self.done);
        }
        end(&self.bar);
    }
}

/// The progress line of a batch: files and bytes done out of the totals.
pub struct BatchLine {
    bar: ProgressBar,
    shown_at: Option<Instant>,
}

impl BatchLine {
    /// A line when stderr is a terminal and not `quiet`.
    pub fn on_terminal(quiet: bool) -> Option<BatchLine> {
        let bar = terminal_bar(
            quiet,
            "{msg}, {binary_bytes} of {binary_total_bytes}, {binary_bytes_per_sec}, {eta} left",
        )?;
        bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(REDRAWS_PER_SECOND));
        Some(BatchLine {
            bar,
            shown_at: None,
        })
    }

    /// Where the batch is.
    pub fn update(&mut self, progress: sunshine_conversations_client::BatchProgress) {
        let finished = progress.files_done == progress.files_total;
        if !finished
            && self
                .shown_at
                .is_some_and(|at| at.elapsed() < BETWEEN_COUNTS)
        {
            return;
        }
        self.shown_at = Some(Instant::now());
        self.bar.set_message(format!(
            "files {} of {}",
            progress.files_done, progress.files_total
        ));
        self.bar
            .set_length(progress.bytes_total.unwrap_or(progress.bytes_done));
        self.bar.set_position(progress.bytes_done);
    }
}

impl Drop for BatchLine {
    fn drop(&mut self) {
        end(&self.bar);
    }
}

/// A hidden bar of `template` when stderr is a terminal and not `quiet`: set up hidden and
/// shown once ready (one first drawing, not one per setting).
fn terminal_bar(quiet: bool, template: &str) -> Option<ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    Some(ProgressBar::hidden().with_style(style(template)))
}

/// The last drawing as the count stands, then the line break. indicatif's `finish` would draw
/// the whole length as done, a transfer that failed included; `abandon` keeps the count.
fn end(bar: &ProgressBar) {
    bar.abandon();
    // indicatif leaves its last drawing without a line break: the shell's prompt, or the
    // next message, goes on a line of its own.
    if !bar.is_hidden() {
        eprintln!();
    }
}

/// A style of `template`; the templates above are valid, and a bad one falls back to the
/// default style rather than failing the transfer.
fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar())
}
