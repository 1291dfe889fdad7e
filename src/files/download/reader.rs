//! A download's body as it streams: held to the size limit, cancellable, reporting progress.

use std::fmt;
use std::io::{self, Read};

use crate::call::cancel::CancelToken;
use crate::call::log_guard::LogGuard;
use crate::call::outcome::Outcome;
use crate::error::Error;

use super::{DOWNLOAD, Progress};

/// A download's body, streamed: read it to the end. Reports what the server said of it.
pub struct MediaReader {
    pub(super) body: Box<dyn Read + Send>,
    /// The status of the answer (a success).
    pub(super) status: u16,
    pub(super) content_type: Option<String>,
    pub(super) content_length: Option<u64>,
    pub(super) received: u64,
    pub(super) limit: u64,
    pub(super) progress: Option<Progress>,
    pub(super) cancel: Option<CancelToken>,
    /// What the download's attempts did, for the errors of its body.
    pub(super) outcome: Outcome,
    /// Keeps the HTTP layer's byte dumps out of the logs while the body is read.
    pub(super) _guard: LogGuard,
}

impl fmt::Debug for MediaReader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MediaReader")
            .field("content_type", &self.content_type)
            .field("content_length", &self.content_length)
            .field("received", &self.received)
            .field("limit", &self.limit)
            .finish_non_exhaustive()
    }
}

impl MediaReader {
    /// The `Content-Type` the server gave.
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The `Content-Length` the server gave (none for a chunked body).
    pub fn content_length(&self) -> Option<u64> {
        self.content_length
    }

    /// The bytes read so far.
    pub fn bytes_read(&self) -> u64 {
        self.received
    }

    /// What the download's attempts did (how many, redirects followed included).
    pub fn outcome(&self) -> &Outcome {
        &self.outcome
    }
}

/// Why a download's body was abandoned; travels inside an `io::Error` to [`Download::to_path`].
#[derive(Debug)]
pub(super) struct TooLarge {
    pub(super) limit: u64,
}

impl fmt::Display for TooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the media is larger than the download limit of {} bytes",
            self.limit
        )
    }
}

impl std::error::Error for TooLarge {}

impl Read for MediaReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.cancel.as_ref().is_some_and(CancelToken::is_cancelled) {
            return Err(io::Error::other(crate::call::cancel::Cancelled));
        }
        // One byte more than the limit allows is asked for, to tell "exactly the limit" from
        // "more", and is never handed out.
        let room = self.limit.saturating_sub(self.received).saturating_add(1);
        let want = buf.len().min(usize::try_from(room).unwrap_or(usize::MAX));
        let n = self.body.read(&mut buf[..want])?;
        if self.received + n as u64 > self.limit {
            return Err(io::Error::other(TooLarge { limit: self.limit }));
        }
        self.received += n as u64;
        if n > 0
            && let Some(progress) = &mut self.progress
        {
            progress(self.received, self.content_length);
        }
        Ok(n)
    }
}

/// The error of a body that could not be read to its end.
pub(super) fn read_error(error: io::Error, reader: &MediaReader) -> Error {
    if error.get_ref().is_some_and(|e| e.is::<TooLarge>()) {
        return too_large(reader.status, reader.limit, None, reader.outcome);
    }
    if crate::call::cancel::is_cancelled(&error) {
        return Error::Cancelled {
            operation: DOWNLOAD.id,
            outcome: reader.outcome,
        };
    }
    // ureq hands its own errors (a timeout, say) back inside an `io::Error`.
    let kind = error.kind();
    let source = match error
        .into_inner()
        .map(|inner| inner.downcast::<ureq::Error>())
    {
        Some(Ok(ureq)) => *ureq,
        Some(Err(other)) => ureq::Error::Io(io::Error::new(kind, other)),
        None => ureq::Error::Io(kind.into()),
    };
    crate::call::transport_error(DOWNLOAD.id, reader.outcome, source)
}

pub(super) fn too_large(
    status: u16,
    limit: u64,
    announced: Option<u64>,
    outcome: Outcome,
) -> Error {
    Error::TooLarge {
        operation: DOWNLOAD.id,
        status,
        limit,
        announced,
        outcome,
    }
}
