//! `SIGINT` and `SIGTERM` while files move: the first cancels what is under way (the library
//! removes a download's temporary file; a batch starts no new file), the second ends the
//! process as the signal would. signal-hook sees them on a thread of its own, so no handler
//! code of ours runs in a signal's context.

use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};

use sunshine_conversations_client::CancelToken;

/// What the first signal cancels, and which signal it was.
#[derive(Clone)]
pub struct Interrupts {
    token: CancelToken,
    signal: Arc<AtomicI32>,
}

impl Interrupts {
    /// Nothing cancelled yet.
    fn new() -> Interrupts {
        Interrupts {
            token: CancelToken::new(),
            signal: Arc::new(AtomicI32::new(0)),
        }
    }

    /// The token the first `SIGINT` or `SIGTERM` cancels.
    pub fn token(&self) -> &CancelToken {
        &self.token
    }

    /// 128 + the signal that cancelled the work: 130 for `SIGINT`, 143 for `SIGTERM`.
    pub fn exit_code(&self) -> u8 {
        #[cfg(unix)]
        if self.signal.load(Ordering::SeqCst) == signal_hook::consts::SIGTERM {
            return 143;
        }
        130
    }
}

/// Starts watching `SIGINT` and `SIGTERM`.
#[cfg(unix)]
pub fn watch() -> Interrupts {
    use signal_hook::consts::{SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    let interrupts = Interrupts::new();
    // Without the watcher (a system that refuses it), signals keep their default effect.
    if let Ok(mut signals) = Signals::new([SIGINT, SIGTERM]) {
        let watching = interrupts.clone();
        let _ = std::thread::Builder::new()
            .name("signals".to_owned())
            .spawn(move || {
                for signal in signals.forever() {
                    if watching.signal.swap(signal, Ordering::SeqCst) != 0 {
                        // The second one: what the signal does by default, at once.
                        let _ = signal_hook::low_level::emulate_default_handler(signal);
                    }
                    watching.token.cancel();
                }
            });
    }
    interrupts
}

/// Elsewhere, the work ends as the platform ends the process.
#[cfg(not(unix))]
pub fn watch() -> Interrupts {
    Interrupts::new()
}
