//! The CLI's progress line for uploads and downloads: on a terminal only (stderr is a TTY), one
//! line redrawn in place at most 10 times a second, with the bytes so far, the total, the rate
//! and the time left. Nothing is printed otherwise, so a script that reads the CLI's output
//! sees what it always saw; stdout never carries it.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// The shortest time between two drawings of the line.
pub const REDRAW: Duration = Duration::from_millis(100);

/// One progress line, drawn on `out`.
pub struct Progress<W: Write> {
    out: W,
    verb: &'static str,
    started: Instant,
    /// When the line was last drawn.
    drawn_at: Option<Instant>,
    /// The latest count not drawn yet, and when it came: drawn when the progress ends.
    pending: Option<(Instant, u64, Option<u64>)>,
}

impl Progress<std::io::Stderr> {
    /// The progress of `verb` (`upload`, `download`) on stderr, or `None` when `quiet` asks
    /// for silence or stderr is not a terminal.
    pub fn on_terminal(verb: &'static str, quiet: bool) -> Option<Self> {
        let stderr = std::io::stderr();
        (!quiet && stderr.is_terminal()).then(|| Progress::new(stderr, verb, Instant::now()))
    }
}

impl<W: Write> Progress<W> {
    /// A progress line of `verb` on `out`, counting time from `started`.
    pub fn new(out: W, verb: &'static str, started: Instant) -> Self {
        Progress {
            out,
            verb,
            started,
            drawn_at: None,
            pending: None,
        }
    }

    /// `done` of `total` bytes, now.
    pub fn update(&mut self, done: u64, total: Option<u64>) {
        self.update_at(Instant::now(), done, total);
    }

    /// `done` of `total` bytes at `now`: drawn at once the first time and when complete,
    /// otherwise only once [`REDRAW`] has passed since the last drawing.
    pub fn update_at(&mut self, now: Instant, done: u64, total: Option<u64>) {
        let complete = total == Some(done);
        if !complete
            && self
                .drawn_at
                .is_some_and(|at| now.duration_since(at) < REDRAW)
        {
            self.pending = Some((now, done, total));
            return;
        }
        self.draw(now, done, total);
    }

    fn draw(&mut self, now: Instant, done: u64, total: Option<u64>) {
        let text = line(self.verb, done, total, now.duration_since(self.started));
        // `\r` back to the start of the line, `ESC [K` clears what a longer line left.
        let _ = write!(self.out, "\r{text}\x1b[K");
        let _ = self.out.flush();
        self.drawn_at = Some(now);
        self.pending = None;
    }
}

/// The last count is drawn, and the line ended, when the transfer is over.
impl<W: Write> Drop for Progress<W> {
    fn drop(&mut self) {
        if let Some((at, done, total)) = self.pending {
            self.draw(at, done, total);
        }
        if self.drawn_at.is_some() {
            let _ = writeln!(self.out);
        }
    }
}

/// The line's text: `upload 12.0 MiB of 50.0 MiB (24 %), 8.0 MiB/s, 5 s left`; without a
/// total, `download 12.0 MiB, 8.0 MiB/s`.
pub fn line(verb: &str, done: u64, total: Option<u64>, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 { done as f64 / secs } else { 0.0 };
    let mut text = format!("{verb} {}", size(done as f64));
    if let Some(total) = total {
        let percent = done.saturating_mul(100) / total.max(1);
        text.push_str(&format!(" of {} ({percent} %)", size(total as f64)));
    }
    if rate > 0.0 {
        text.push_str(&format!(", {}/s", size(rate)));
        if let Some(total) = total.filter(|&total| total > done) {
            let left = ((total - done) as f64 / rate).ceil();
            text.push_str(&format!(", {left:.0} s left"));
        }
    }
    text
}

/// A byte count in binary units: `512 B`, `1.5 KiB`, `12.0 MiB`.
fn size(bytes: f64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024.0 {
        return format!("{bytes:.0} B");
    }
    let mut value = bytes / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}
