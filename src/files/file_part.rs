//! A file to send as one part of a multipart body: where its bytes come from (a path, bytes,
//! a reader), the identity of a file on disk between attempts, its first bytes for the file
//! check, the progress callback, and the reader of each attempt, held to the declared size.

use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::call::outcome::Outcome;
use crate::error::Error;

/// A file to send as one part of a multipart body: from a path (streamed from disk), from bytes
/// in memory, or from any reader.
///
/// The part's file name is sanitised before it is written (see [`FilePart::sent_file_name`]);
/// its `Content-Type` is guessed from the file name unless set, falling back to
/// `application/octet-stream`.
#[must_use = "a file part is sent as part of a request"]
pub struct FilePart {
    file_name: String,
    content_type: Option<String>,
    source: Source,
    progress: Option<Progress>,
    before_first_read: Option<FirstRead>,
}

/// A progress callback, shared with the reader of each attempt.
type Progress = Arc<Mutex<Box<dyn FnMut(u64, Option<u64>) + Send>>>;

/// What runs once, before the file's first byte is read for the connection (the request's
/// head is on the wire by then, and nothing of the body); its error abandons the upload.
pub(crate) type FirstRead = Arc<Mutex<Option<Box<dyn FnOnce() -> io::Result<()> + Send>>>>;

enum Source {
    Path {
        path: PathBuf,
        /// What the file was when the part was made: its size, and where the platform has
        /// them its device, inode and modification time.
        identity: FileIdentity,
        /// The handle opened when the part was made; later attempts reopen the path.
        file: Option<File>,
    },
    Bytes(Arc<[u8]>),
    Reader {
        reader: Option<Box<dyn Read + Send>>,
        len: Option<u64>,
    },
}

/// What identifies a file between attempts: a replaced file of the same size is not the file
/// that was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileIdentity {
    len: u64,
    modified: Option<std::time::SystemTime>,
    /// Device and inode, where the platform has them.
    node: Option<(u64, u64)>,
}

impl FileIdentity {
    fn of(metadata: &std::fs::Metadata) -> FileIdentity {
        #[cfg(unix)]
        let node = {
            use std::os::unix::fs::MetadataExt as _;
            Some((metadata.dev(), metadata.ino()))
        };
        #[cfg(not(unix))]
        let node = None;
        FileIdentity {
            len: metadata.len(),
            modified: metadata.modified().ok(),
            node,
        }
    }

    /// How `now` differs from `self`, said for an error.
    fn change_to(&self, now: &FileIdentity) -> Option<String> {
        if self.node.is_some() && now.node.is_some() && self.node != now.node {
            Some("was replaced by another file".to_owned())
        } else if now.len != self.len {
            Some(format!(
                "changed size ({} bytes, now {})",
                self.len, now.len
            ))
        } else if self.modified.is_some() && now.modified.is_some() && self.modified != now.modified
        {
            Some("was modified".to_owned())
        } else {
            None
        }
    }
}

impl fmt::Debug for FilePart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = match &self.source {
            Source::Path { path, .. } => format!("path {}", path.display()),
            Source::Bytes(_) => "bytes".to_owned(),
            Source::Reader { .. } => "reader".to_owned(),
        };
        f.debug_struct("FilePart")
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type())
            .field("len", &self.len())
            .field("source", &source)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

impl FilePart {
    /// A file on disk, streamed when sent (never read into memory). The file is opened now, so
    /// a missing file, a directory or an unreadable file is an error before any connection is
    /// made. The part's file name is the path's last component.
    pub fn from_path(path: impl AsRef<Path>) -> Result<FilePart, Error> {
        let path = path.as_ref();
        let file_error = |reason: String, source: Option<io::Error>| Error::File {
            path: path.to_owned(),
            reason,
            source,
        };
        let metadata = std::fs::metadata(path).map_err(|e| {
            let reason = match e.kind() {
                io::ErrorKind::NotFound => "no such file".to_owned(),
                io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
                _ => format!("cannot read its metadata: {e}"),
            };
            file_error(reason, Some(e))
        })?;
        if metadata.is_dir() {
            return Err(file_error("it is a directory".to_owned(), None));
        }
        if !metadata.is_file() {
            return Err(file_error("it is not a regular file".to_owned(), None));
        }
        let file = File::open(path).map_err(|e| {
            let reason = match e.kind() {
                io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
                _ => format!("cannot open it: {e}"),
            };
            file_error(reason, Some(e))
        })?;
        // The identity of what was opened, not of what the path named a moment before.
        let metadata = file.metadata().unwrap_or(metadata);
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(FilePart {
            file_name,
            content_type: None,
            progress: None,
            before_first_read: None,
            source: Source::Path {
                path: path.to_owned(),
                identity: FileIdentity::of(&metadata),
                file: Some(file),
            },
        })
    }

    /// Bytes in memory, sent under `file_name`.
    pub fn from_bytes(file_name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> FilePart {
        FilePart {
            file_name: file_name.into(),
            content_type: None,
            progress: None,
            before_first_read: None,
            source: Source::Bytes(Arc::from(bytes.into())),
        }
    }

    /// Any reader, sent under `file_name`. With a known `len` the body has a
    /// `Content-Length` and the reader must produce exactly that many bytes; without, the body
    /// is sent chunked. A reader can be sent once: a request using it is never retried.
    pub fn from_reader(
        file_name: impl Into<String>,
        reader: impl Read + Send + 'static,
        len: Option<u64>,
    ) -> FilePart {
        FilePart {
            file_name: file_name.into(),
            content_type: None,
            progress: None,
            before_first_read: None,
            source: Source::Reader {
                reader: Some(Box::new(reader)),
                len,
            },
        }
    }

    /// Replaces the file name sent in the part header.
    pub fn with_file_name(mut self, file_name: impl Into<String>) -> FilePart {
        self.file_name = file_name.into();
        self
    }

    /// Sets the part's `Content-Type` instead of guessing it from the file name. A value
    /// containing control characters is refused when the request is made, before sending.
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> FilePart {
        self.content_type = Some(content_type.into());
        self
    }

    /// Calls `progress(sent, total)` as the file's bytes are handed to the connection: `sent`
    /// counts this file's bytes so far, `total` is its size when known. A retried upload starts
    /// again from zero.
    pub fn with_progress(
        mut self,
        progress: impl FnMut(u64, Option<u64>) + Send + 'static,
    ) -> Self {
        self.progress = Some(Arc::new(Mutex::new(Box::new(progress))));
        self
    }

    /// Runs `hook` once, when the file's first byte is read to be sent (after the request's
    /// head went out, before any byte of the file): a batch writes there the record that the file
    /// is being sent. Its error abandons the upload, whose body the server never got whole.
    #[cfg_attr(not(sunco_helper = "upload"), allow(dead_code))]
    pub(crate) fn before_first_read(
        mut self,
        hook: impl FnOnce() -> io::Result<()> + Send + 'static,
    ) -> Self {
        self.before_first_read = Some(Arc::new(Mutex::new(Some(Box::new(hook)))));
        self
    }

    /// The file name as given.
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// The file name as written into the part header: see [`sanitize_file_name`](crate::sanitize_file_name).
    pub fn sent_file_name(&self) -> String {
        crate::files::filename::sanitize_file_name(&self.file_name)
    }

    /// The part's `Content-Type`: as set, or guessed from the file name's extension.
    pub fn content_type(&self) -> String {
        match &self.content_type {
            Some(ct) => ct.clone(),
            None => mime_guess::from_path(&self.file_name)
                .first_raw()
                .unwrap_or("application/octet-stream")
                .to_owned(),
        }
    }

    /// The size in bytes, when known.
    pub fn len(&self) -> Option<u64> {
        match &self.source {
            Source::Path { identity, .. } => Some(identity.len),
            Source::Bytes(bytes) => Some(bytes.len() as u64),
            Source::Reader { len, .. } => *len,
        }
    }

    /// When the file on disk was last modified, as it was when it was opened (a file's only).
    pub(crate) fn modified(&self) -> Option<std::time::SystemTime> {
        match &self.source {
            Source::Path { identity, .. } => identity.modified,
            Source::Bytes(_) | Source::Reader { .. } => None,
        }
    }

    /// Whether the size is known to be zero.
    pub fn is_empty(&self) -> bool {
        self.len() == Some(0)
    }

    /// Whether the part can be sent again (paths and bytes can; readers cannot).
    pub fn is_replayable(&self) -> bool {
        !matches!(self.source, Source::Reader { .. })
    }

    /// Sets the content type in place.
    #[cfg_attr(not(sunco_helper = "upload"), allow(dead_code))]
    pub(crate) fn set_content_type(&mut self, content_type: &str) {
        self.content_type = Some(content_type.to_owned());
    }

    /// Whether a content type was set (rather than guessed from the file name).
    #[cfg_attr(not(sunco_helper = "upload"), allow(dead_code))]
    pub(crate) fn has_content_type(&self) -> bool {
        self.content_type.is_some()
    }

    /// Up to `n` first bytes of the source, without taking them from what is sent: a file is
    /// read and rewound, a reader gets its first bytes put back in front of the rest. A reader
    /// is read no further than its declared length.
    #[cfg_attr(not(sunco_helper = "upload"), allow(dead_code))]
    pub(crate) fn head(&mut self, n: usize) -> Result<Vec<u8>, Error> {
        let mut head = Vec::with_capacity(n.min(64 * 1024));
        match &mut self.source {
            Source::Path { path, file, .. } => {
                let path = path.clone();
                let failed = |e: io::Error| Error::File {
                    path: path.clone(),
                    reason: format!("cannot read its first bytes: {e}"),
                    source: Some(e),
                };
                if let Some(file) = file {
                    use std::io::Seek as _;
                    (&mut *file)
                        .take(n as u64)
                        .read_to_end(&mut head)
                        .map_err(failed)?;
                    file.seek(io::SeekFrom::Start(0)).map_err(failed)?;
                }
            }
            Source::Bytes(bytes) => head.extend_from_slice(&bytes[..bytes.len().min(n)]),
            Source::Reader { reader, len } => {
                let Some(mut inner) = reader.take() else {
                    return Ok(head);
                };
                let want = len.map_or(n as u64, |len| len.min(n as u64));
                let read = (&mut inner).take(want).read_to_end(&mut head);
                // The bytes read so far go back in front of the rest, even after an error,
                // which the upload then meets again.
                *reader = Some(Box::new(io::Cursor::new(head.clone()).chain(inner)));
                read.map_err(|e| Error::Source {
                    reason: format!("reading the source's first bytes failed: {e}"),
                    source: Some(e),
                    outcome: Outcome::unsent(),
                })?;
            }
        }
        Ok(head)
    }

    /// A reader for one attempt, held to the declared size.
    pub(crate) fn open(&mut self, limit: u64) -> Result<Box<dyn Read + Send>, Error> {
        let declared = self.len();
        let inner: Box<dyn Read + Send> = match &mut self.source {
            Source::Path {
                path,
                identity,
                file,
            } => match file.take() {
                // The first attempt sends the handle opened when the part was made.
                Some(file) => Box::new(file),
                // A later attempt reopens the path: an earlier attempt was sent, so a file
                // that cannot be reopened or is no longer the same file ends the upload as an
                // `Error::Source`, never as "nothing was sent".
                None => {
                    let replaced = |reason: String, source: Option<io::Error>| Error::Source {
                        reason: format!(
                            "{} {reason} before it could be sent again; an earlier attempt was \
                             sent and may have been stored",
                            path.display()
                        ),
                        source,
                        outcome: Outcome::unsent(),
                    };
                    let file = File::open(&*path)
                        .map_err(|e| replaced(format!("could not be reopened ({e})"), Some(e)))?;
                    let now = file
                        .metadata()
                        .map(|m| FileIdentity::of(&m))
                        .map_err(|e| replaced(format!("could not be checked ({e})"), Some(e)))?;
                    if let Some(change) = identity.change_to(&now) {
                        return Err(replaced(change, None));
                    }
                    Box::new(file)
                }
            },
            Source::Bytes(bytes) => Box::new(io::Cursor::new(Arc::clone(bytes))),
            Source::Reader { reader, .. } => reader.take().ok_or_else(|| Error::Source {
                reason: "a reader source can be sent only once".to_owned(),
                source: None,
                outcome: Outcome::unsent(),
            })?,
        };
        Ok(Box::new(Exact {
            inner,
            declared,
            // A file is checked for growth past its size with one more read, which returns at
            // once; a reader (a socket, a pipe) may block there, and the byte would be taken
            // from its stream: it is read up to its declared length and no further.
            check_growth: matches!(self.source, Source::Path { .. }),
            limit,
            read: 0,
            progress: self.progress.clone(),
            before_first_read: self.before_first_read.clone(),
        }))
    }
}

/// A reader held to its declared size: ending early or running long is an error (ureq keeps
/// polling a source that ends before its `Content-Length`, spinning a CPU), and an undeclared
/// size is held to the upload limit.
struct Exact {
    inner: Box<dyn Read + Send>,
    declared: Option<u64>,
    /// Whether to read once more after the declared size, to see that the source ended there.
    check_growth: bool,
    limit: u64,
    read: u64,
    progress: Option<Progress>,
    before_first_read: Option<FirstRead>,
}

impl Exact {
    fn report(&self) {
        if let Some(progress) = &self.progress {
            let mut callback = progress.lock().unwrap_or_else(|p| p.into_inner());
            callback(self.read, self.declared);
        }
    }
}

/// Why a source was abandoned; travels inside an `io::Error` through ureq.
#[derive(Debug)]
pub(crate) struct SourceMismatch {
    pub(crate) reason: String,
    /// The source's own read error, when that is what ended the upload.
    pub(crate) source: Option<io::Error>,
}

impl fmt::Display for SourceMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for SourceMismatch {}

fn mismatch(reason: String) -> io::Error {
    io::Error::other(SourceMismatch {
        reason,
        source: None,
    })
}

/// A read error of the source itself, told apart from network errors; the original error
/// travels along.
fn failed(error: io::Error) -> io::Error {
    io::Error::other(SourceMismatch {
        reason: format!("reading the source failed: {error}"),
        source: Some(error),
    })
}

/// Reads from `inner`, trying again when a signal interrupted the read.
fn read_retrying(inner: &mut (dyn Read + Send), buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match inner.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other.map_err(failed),
        }
    }
}

impl Read for Exact {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if let Some(hook) = self
            .before_first_read
            .take()
            .and_then(|hook| hook.lock().unwrap_or_else(|p| p.into_inner()).take())
        {
            hook().map_err(|e| mismatch(format!("the upload was stopped before its body: {e}")))?;
        }
        match self.declared {
            Some(declared) if self.read >= declared => {
                // Everything declared was sent. A reader is done; a file must be at its end.
                if !self.check_growth {
                    return Ok(0);
                }
                let mut probe = [0u8; 1];
                match read_retrying(&mut *self.inner, &mut probe)? {
                    0 => Ok(0),
                    _ => Err(mismatch(format!(
                        "the source grew beyond its declared {declared} bytes while being sent"
                    ))),
                }
            }
            Some(declared) => {
                let room = usize::try_from(declared - self.read).unwrap_or(usize::MAX);
                let want = buf.len().min(room);
                let n = read_retrying(&mut *self.inner, &mut buf[..want])?;
                if n == 0 {
                    return Err(mismatch(format!(
                        "the source ended after {} of its declared {declared} bytes",
                        self.read
                    )));
                }
                self.read += n as u64;
                self.report();
                Ok(n)
            }
            None => {
                let n = read_retrying(&mut *self.inner, buf)?;
                self.read += n as u64;
                if self.read > self.limit {
                    return Err(mismatch(format!(
                        "the source is larger than the upload limit of {} bytes",
                        self.limit
                    )));
                }
                if n > 0 {
                    self.report();
                }
                Ok(n)
            }
        }
    }
}
