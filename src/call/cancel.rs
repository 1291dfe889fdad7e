//! Cancelling a call from elsewhere: another thread (a GUI's cancel button, a service shutting
//! down) or a signal handler.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// A switch that cancels the calls it is given to: set it once with
/// [`cancel`](Self::cancel), from any thread, and every call watching it ends with
/// [`Error::Cancelled`](crate::Error::Cancelled) at its next check: before each attempt, and
/// between the reads of a download's body (a read waiting on a stalled server ends at the stall
/// timeout at the latest). A cancelled download to a file removes its temporary file.
///
/// Clones share the switch. It cannot be reset: use a new token for the next call.
///
/// ```
/// use sunshine_conversations_client::CancelToken;
///
/// let token = CancelToken::new();
/// let for_the_button = token.clone();
/// std::thread::spawn(move || for_the_button.cancel());
/// // client.download(url).cancel_with(&token).to_path("photo.png")
/// # let _ = token;
/// ```
///
/// A signal handler may only touch what is async-signal-safe; it can set a static flag, which
/// [`CancelToken::from_flag`] watches:
///
/// ```
/// use std::sync::atomic::{AtomicBool, Ordering};
/// use sunshine_conversations_client::CancelToken;
///
/// static INTERRUPTED: AtomicBool = AtomicBool::new(false);
/// // In the handler of SIGINT: INTERRUPTED.store(true, Ordering::SeqCst);
/// let token = CancelToken::from_flag(&INTERRUPTED);
/// assert!(!token.is_cancelled());
/// INTERRUPTED.store(true, Ordering::SeqCst);
/// assert!(token.is_cancelled());
/// ```
#[derive(Clone)]
pub struct CancelToken(Flag);

#[derive(Clone)]
enum Flag {
    Shared(Arc<AtomicBool>),
    Static(&'static AtomicBool),
}

impl CancelToken {
    /// A token not cancelled yet.
    pub fn new() -> Self {
        CancelToken(Flag::Shared(Arc::new(AtomicBool::new(false))))
    }

    /// A token that is cancelled when `flag` is `true`, e.g. a static set by a signal handler.
    pub fn from_flag(flag: &'static AtomicBool) -> Self {
        CancelToken(Flag::Static(flag))
    }

    fn flag(&self) -> &AtomicBool {
        match &self.0 {
            Flag::Shared(flag) => flag,
            Flag::Static(flag) => flag,
        }
    }

    /// Cancels every call given this token (or a clone of it), now and later.
    pub fn cancel(&self) {
        self.flag().store(true, Ordering::SeqCst);
    }

    /// Whether [`cancel`](Self::cancel) was called.
    pub fn is_cancelled(&self) -> bool {
        self.flag().load(Ordering::SeqCst)
    }
}

impl Default for CancelToken {
    fn default() -> Self {
        CancelToken::new()
    }
}

impl fmt::Debug for CancelToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CancelToken")
            .field("cancelled", &self.is_cancelled())
            .finish()
    }
}

/// What a read returns once the call is cancelled; travels inside an `io::Error` to the code
/// that ends the call.
#[derive(Debug)]
pub(crate) struct Cancelled;

impl fmt::Display for Cancelled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the call was cancelled")
    }
}

impl std::error::Error for Cancelled {}

/// Whether an I/O error is a cancelled read's.
pub(crate) fn is_cancelled(error: &std::io::Error) -> bool {
    error.get_ref().is_some_and(|e| e.is::<Cancelled>())
}

/// A source read on a thread of its own, so that a call can be cancelled while the source
/// stalls (a pipe or a socket that gives nothing): reads wait for the next chunk at most
/// 50 ms at a time, and end with [`Cancelled`] once the token is cancelled. The thread starts
/// at the first read, once the request's head is sent (a source is not read before the
/// request goes out: a batch's journal records a file as sent at its first read), and ends
/// when the source does, or at its next chunk once nobody reads any more.
pub(crate) struct Pumped {
    /// The source and the sending end of its chunks, until the first read starts the thread.
    waiting: Option<(
        Box<dyn std::io::Read + Send>,
        std::sync::mpsc::SyncSender<Chunk>,
    )>,
    chunks: std::sync::mpsc::Receiver<Chunk>,
    current: std::io::Cursor<Vec<u8>>,
    token: CancelToken,
    done: bool,
}

/// What the source's thread hands over: a chunk (empty at the end), or its error.
type Chunk = std::io::Result<Vec<u8>>;

impl Pumped {
    pub(crate) fn new(source: impl std::io::Read + Send + 'static, token: CancelToken) -> Self {
        let (send, chunks) = std::sync::mpsc::sync_channel(2);
        Pumped {
            waiting: Some((Box::new(source), send)),
            chunks,
            current: std::io::Cursor::new(Vec::new()),
            token,
            done: false,
        }
    }

    /// Starts the source's thread, at the first call. No thread to be had (a process limit):
    /// the body cannot be read, and the upload fails as a source that fails does (the next
    /// read finds the source gone: the end).
    fn start(&mut self) -> std::io::Result<()> {
        let Some((mut source, send)) = self.waiting.take() else {
            return Ok(());
        };
        std::thread::Builder::new().spawn(move || {
            loop {
                let mut chunk = vec![0u8; 64 * 1024];
                let read = match source.read(&mut chunk) {
                    Ok(n) => {
                        chunk.truncate(n);
                        Ok(chunk)
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => Err(e),
                };
                let last = !matches!(&read, Ok(chunk) if !chunk.is_empty());
                if send.send(read).is_err() || last {
                    return;
                }
            }
        })?;
        Ok(())
    }
}

impl std::io::Read for Pumped {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            if self.token.is_cancelled() {
                return Err(std::io::Error::other(Cancelled));
            }
            let n = self.current.read(buf)?;
            if n > 0 || buf.is_empty() || self.done {
                return Ok(n);
            }
            self.start()?;
            match self
                .chunks
                .recv_timeout(std::time::Duration::from_millis(50))
            {
                Ok(Ok(chunk)) => {
                    self.done = chunk.is_empty();
                    self.current = std::io::Cursor::new(chunk);
                }
                Ok(Err(e)) => return Err(e),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => self.done = true,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A source that counts its reads.
    struct Counted(std::sync::Arc<std::sync::atomic::AtomicUsize>);

    impl std::io::Read for Counted {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Ok(0)
        }
    }

    #[test]
    fn a_pumped_source_is_not_read_before_its_first_read() {
        use std::io::Read as _;
        let reads = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let mut pumped = Pumped::new(Counted(reads.clone()), CancelToken::new());
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert_eq!(reads.load(std::sync::atomic::Ordering::SeqCst), 0);
        let mut buf = [0u8; 8];
        assert_eq!(pumped.read(&mut buf).unwrap(), 0);
        assert_eq!(reads.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    #[test]
    fn clones_share_the_switch() {
        let token = CancelToken::new();
        let clone = token.clone();
        assert!(!clone.is_cancelled());
        token.cancel();
        assert!(clone.is_cancelled());
        assert!(!CancelToken::default().is_cancelled());
    }
}
