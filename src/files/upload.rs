//! What to upload: the file, and the options the upload operation takes.

use crate::error::Error;
use crate::files::file_part::FilePart;

/// Who may read an uploaded attachment. The service may add values: a `match` needs a
/// wildcard arm, and a value this crate does not know is [`Access::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Access {
    /// Anyone with the media URL (the API's default; required for licensed Zendesk customers).
    #[default]
    Public,
    /// Only holders of a media token (see `Client::media_tokens`, in API versions up to 12.8).
    Private,
    /// A value this crate does not know yet, sent as given.
    Other(String),
}

impl Access {
    /// The value sent in the `access` query parameter.
    pub fn as_str(&self) -> &str {
        match self {
            Access::Public => "public",
            Access::Private => "private",
            Access::Other(value) => value,
        }
    }
}

/// What an attachment is for, so the API can delete it with its container. The service may
/// add values: a `match` needs a wildcard arm.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum For {
    /// A message: the attachment is deleted with the message, its conversation or its user.
    Message,
    /// A value this crate does not know yet, sent as given.
    Other(String),
}

impl For {
    /// The value sent in the `for` query parameter.
    pub fn as_str(&self) -> &str {
        match self {
            For::Message => "message",
            For::Other(value) => value,
        }
    }
}

impl std::fmt::Display for Access {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Parses `public` and `private`; any other value becomes [`Access::Other`].
impl std::str::FromStr for Access {
    type Err = std::convert::Infallible;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Ok(match value {
            "public" => Access::Public,
            "private" => Access::Private,
            other => Access::Other(other.to_owned()),
        })
    }
}

impl std::fmt::Display for For {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Parses `message`; any other value becomes [`For::Other`].
impl std::str::FromStr for For {
    type Err = std::convert::Infallible;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Ok(match value {
            "message" => For::Message,
            other => For::Other(other.to_owned()),
        })
    }
}

/// An upload: the file and its options. Build one from a path, bytes or a reader, then pass it
/// to [`Client::upload`](crate::Client::upload).
///
/// ```no_run
/// use sunshine_conversations_client::{Access, Upload};
///
/// let upload = Upload::path("report.pdf")?
///     .access(Access::Private)
///     .for_message()
///     .conversation_id("c616a583e4c240a871818541");
/// # Ok::<(), sunshine_conversations_client::Error>(())
/// ```
#[derive(Debug)]
#[must_use = "an upload is sent by `Client::upload`"]
pub struct Upload {
    pub(crate) file: FilePart,
    pub(crate) access: Access,
    pub(crate) intended_for: Option<For>,
    pub(crate) conversation_id: Option<String>,
    /// Whether the service's file validation is checked before sending.
    pub(crate) file_check: bool,
    /// The caller's settings of this call.
    pub(crate) options: crate::RequestOptions,
}

impl Upload {
    /// Uploads a file on disk, streamed. The file is opened now: a missing file, a directory or
    /// an unreadable file fails here, before any connection is made.
    pub fn path(path: impl AsRef<std::path::Path>) -> Result<Upload, Error> {
        FilePart::from_path(path).map(Upload::file)
    }

    /// Uploads bytes from memory under `file_name` (which also decides the content type).
    pub fn bytes(file_name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Upload {
        Upload::file(FilePart::from_bytes(file_name, bytes))
    }

    /// Uploads whatever `reader` produces, under `file_name`. With `len` the reader must
    /// produce exactly that many bytes. A reader is sent once: such an upload is not retried
    /// after a server error.
    pub fn reader(
        file_name: impl Into<String>,
        reader: impl std::io::Read + Send + 'static,
        len: Option<u64>,
    ) -> Upload {
        Upload::file(FilePart::from_reader(file_name, reader, len))
    }

    /// Uploads a prepared [`FilePart`] (to set its content type, say).
    pub fn file(file: FilePart) -> Upload {
        Upload {
            file,
            access: Access::Public,
            intended_for: None,
            conversation_id: None,
            file_check: true,
            options: crate::RequestOptions::default(),
        }
    }

    /// Sets who may read the attachment. Default: [`Access::Public`].
    pub fn access(mut self, access: Access) -> Self {
        self.access = access;
        self
    }

    /// Marks the attachment as meant for a message ([`For::Message`]).
    pub fn for_message(self) -> Self {
        self.intended_for(For::Message)
    }

    /// Sets what the attachment is for. Default: not sent.
    pub fn intended_for(mut self, intended_for: For) -> Self {
        self.intended_for = Some(intended_for);
        self
    }

    /// Links the attachment to a conversation. Default: not sent.
    pub fn conversation_id(mut self, id: impl Into<String>) -> Self {
        self.conversation_id = Some(id.into());
        self
    }

    /// Skips the check of the service's file validation before sending (see
    /// [`ALLOWED_EXTENSIONS`](crate::ALLOWED_EXTENSIONS)): for a type the service accepts
    /// that this crate does not know yet. The service still checks, and answers `415` for a
    /// file it refuses.
    pub fn without_file_check(mut self) -> Self {
        self.file_check = false;
        self
    }

    /// Settings of this upload's call: a deadline of its own instead of
    /// [`Timeouts::upload`](crate::Timeouts::upload), extra headers, a
    /// [`CancelToken`](crate::CancelToken) that ends it (at its next read or write, or within
    /// about 50 ms when a source stalls).
    pub fn options(mut self, options: crate::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Calls `progress(sent, total)` as the file is sent: bytes of the file so far, and its
    /// size when known. See [`FilePart::with_progress`].
    ///
    /// ```no_run
    /// use sunshine_conversations_client::Upload;
    ///
    /// let upload = Upload::path("video.mp4")?.on_progress(|sent, total| {
    ///     if let Some(total) = total {
    ///         eprint!("\r{} %", sent * 100 / total.max(1));
    ///     }
    /// });
    /// # Ok::<(), sunshine_conversations_client::Error>(())
    /// ```
    pub fn on_progress(mut self, progress: impl FnMut(u64, Option<u64>) + Send + 'static) -> Self {
        self.file = self.file.with_progress(progress);
        self
    }

    /// The file to be sent.
    pub fn file_part(&self) -> &FilePart {
        &self.file
    }

    /// Checks the options, and unless turned off the file against the service's file
    /// validation, reading at most its first few KiB (and giving a reader's back). When the
    /// bytes are another type than the name says, the part's content type follows the bytes.
    #[cfg_attr(not(sunco_helper = "upload"), allow(dead_code))]
    pub(crate) fn check(&mut self) -> Result<(), Error> {
        self.check_options()?;
        if self.file_check {
            let head = self.file.head(crate::files::file_check::HEAD_LEN)?;
            let name = self.file.sent_file_name();
            let identified = crate::files::file_check::check(&name, &head)?;
            if !self.file.has_content_type()
                && let Some(content_type) =
                    crate::files::file_check::content_type(&name, &identified)
            {
                self.file.set_content_type(content_type);
            }
        }
        Ok(())
    }

    #[cfg_attr(not(sunco_helper = "upload"), allow(dead_code))]
    fn check_options(&self) -> Result<(), Error> {
        let plain = |field: &str, value: &str| {
            if value.is_empty() || value.chars().any(char::is_control) {
                Err(Error::invalid(
                    field,
                    "must be non-empty and free of control characters",
                ))
            } else {
                Ok(())
            }
        };
        plain("access", self.access.as_str())?;
        if let Some(intended_for) = &self.intended_for {
            plain("for", intended_for.as_str())?;
        }
        if let Some(id) = &self.conversation_id {
            plain("conversation id", id)?;
        }
        Ok(())
    }
}
