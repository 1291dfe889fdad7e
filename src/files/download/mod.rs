//! Downloading media: the file of an attachment, or of a message a customer sent, streamed
//! from its media URL to a reader or a file, with credentials only where they belong (see
//! `media_hosts.rs`). Here the download as it is configured ([`Download`]); `fetch`, each
//! request as the request loop runs it (credentials by host, redirects, refusals); `reader`,
//! the body as it streams; `save`, the temporary file that becomes the target.

mod fetch;
mod reader;
mod save;

use fetch::{Fetch, parse};
use reader::too_large;
use save::{Temporary, copy};

pub use reader::MediaReader;
pub use save::Downloaded;

use std::fmt;
use std::path::Path;
use std::time::Duration;

use ureq::http::{Uri, header};

use crate::call;
use crate::call::cancel::CancelToken;
use crate::call::log_guard::LogGuard;
use crate::call::request::{Method, OperationInfo};
use crate::client::Client;
use crate::client::auth::Secret;
use crate::error::Error;
use crate::safe_text::shown_url;

/// What a download is called in errors and logs, and how it may be repeated (a `GET`).
pub(crate) static DOWNLOAD: OperationInfo =
    OperationInfo::new("download", Method::Get, "").with_accept("*/*");

/// Redirects followed at most.
const MAX_REDIRECTS: u32 = 5;

/// Which credentials a download sends to the hosts that may see them.
enum Credentials {
    /// The client's own (its `Authorization` header).
    Client,
    /// Media cookies (the `Set-Cookie` values of `Client::media_cookie`), as a `Cookie` header.
    Cookies(Vec<Secret>),
    /// None.
    None,
}

type Progress = Box<dyn FnMut(u64, Option<u64>) + Send>;

/// A download being configured: from [`Client::download`], finished by
/// [`reader`](Download::reader) or [`to_path`](Download::to_path).
#[must_use = "a download is sent by `reader` or `to_path`"]
pub struct Download<'c> {
    client: &'c Client,
    url: String,
    max_bytes: u64,
    /// The deadline of this download (`None`: the stall timeout only).
    deadline: Option<Duration>,
    overwrite: bool,
    credentials: Credentials,
    progress: Option<Progress>,
    cancel: Option<CancelToken>,
    options: crate::RequestOptions,
}

impl fmt::Debug for Download<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Download")
            .field("url", &shown_url(&self.url))
            .field("max_bytes", &self.max_bytes)
            .field("deadline", &self.deadline)
            .field("overwrite", &self.overwrite)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Whether [`download`](Self::download) would send this client's credentials with a
    /// request for `media_url`: the API's own origin, or a media host of its host over https
    /// (loopback excepted). A redirect to another origin drops them all the same.
    pub fn sends_credentials_to(&self, media_url: &str) -> bool {
        let Ok(media) = media_url.trim().parse::<Uri>() else {
            return false;
        };
        crate::files::media_hosts::may_see_credentials(&self.config().base_uri, &media)
    }

    /// Downloads media from `media_url`: an attachment's `mediaUrl`, or that of an image or
    /// file message a customer sent.
    ///
    /// The body is streamed (memory stays flat at any size), bounded by the download deadline
    /// ([`Timeouts::download`](crate::Timeouts::download)), the stall timeout and a size
    /// limit ([`ClientBuilder::max_download_bytes`](crate::ClientBuilder::max_download_bytes),
    /// 50 MiB by default; [`Download::max_bytes`] for one download).
    ///
    /// **Credentials.** Private attachments need them. The client's own (its
    /// `Authorization`) are sent only to the API's own origin and to the media hosts of its
    /// host over https (`media.smooch.io` for the US region, `media.eu-1.smooch.io` for the EU,
    /// the account's own host for Zendesk subdomains), never over plain http except to
    /// loopback, and never across a redirect to another origin: redirects are followed (up
    /// to 5) without credentials once they leave the origin, and never from https to plain
    /// http. Any other URL is fetched without credentials. On API versions up to 12.8 a
    /// key that may not read media can use a media token instead: exchange it for cookies
    /// with `Client::media_cookie` and pass them with [`Download::media_cookies`]. The header
    /// scheme follows the document's note ("an authorization header is required to access
    /// the mediaUrl when private attachments are enabled") and is not verified against the
    /// live service by this crate's tests.
    ///
    /// Errors never quote the URL's query string (signed URLs carry secrets there). A `401`,
    /// `403` or `404` says what it means for a download.
    ///
    /// ```no_run
    /// use sunshine_conversations_client::Client;
    ///
    /// let client = Client::from_env()?;
    /// let saved = client
    ///     .download("https://media.smooch.io/apps/5d8c.../photo.png")
    ///     .on_progress(|got, total| eprintln!("{got} of {total:?} bytes"))
    ///     .to_path("photo.png")?;
    /// println!("{} bytes, {:?}", saved.bytes, saved.content_type);
    /// # Ok::<(), sunshine_conversations_client::Error>(())
    /// ```
    pub fn download(&self, media_url: &str) -> Download<'_> {
        Download {
            client: self,
            url: media_url.trim().to_owned(),
            max_bytes: self.config().max_download_bytes,
            deadline: self.config().timeouts.download,
            overwrite: false,
            credentials: Credentials::Client,
            progress: None,
            cancel: None,
            options: crate::RequestOptions::default(),
        }
    }
}

impl Download<'_> {
    /// The largest body accepted for this download; a larger one is refused without reading
    /// (or writing) past the limit. Default: the client's
    /// [`max_download_bytes`](crate::ClientBuilder::max_download_bytes).
    pub fn max_bytes(mut self, limit: u64) -> Self {
        self.max_bytes = limit;
        self
    }

    /// The deadline of this download, from the request to the last byte read, every attempt
    /// and redirect included. Default: the client's
    /// [`Timeouts::download`](crate::Timeouts::download) (1 hour). Zero and anything over
    /// [`MAX_TIMEOUT`](crate::MAX_TIMEOUT) are refused when the download starts, before
    /// anything is sent.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// Ends the download with [`Error::Cancelled`] once `token` is cancelled: before each
    /// attempt, and between the reads of its body (a read waiting on a stalled server ends at
    /// the stall timeout at the latest). [`to_path`](Self::to_path) then removes its temporary
    /// file.
    pub fn cancel_with(mut self, token: &CancelToken) -> Self {
        self.cancel = Some(token.clone());
        self
    }

    /// Settings of this download's call, on top of the client's: a deadline (as
    /// [`deadline`](Self::deadline)), extra headers, a [`CancelToken`] (as
    /// [`cancel_with`](Self::cancel_with)).
    pub fn options(mut self, options: crate::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Lets [`to_path`](Self::to_path) replace an existing file. Default: an existing file is
    /// an error, and nothing is sent.
    pub fn overwrite(mut self, overwrite: bool) -> Self {
        self.overwrite = overwrite;
        self
    }

    /// Sends no credentials at all (public media).
    pub fn without_credentials(mut self) -> Self {
        self.credentials = Credentials::None;
        self
    }

    /// Sends these media cookies (the `Set-Cookie` values `Client::media_cookie` returns, API
    /// versions up to 12.8) instead of the client's credentials, to the same hosts.
    pub fn media_cookies(mut self, set_cookies: Vec<Secret>) -> Self {
        self.credentials = Credentials::Cookies(set_cookies);
        self
    }

    /// Calls `progress(received, total)` as bytes arrive: bytes so far, and the size the
    /// server announced, if any.
    pub fn on_progress(mut self, progress: impl FnMut(u64, Option<u64>) + Send + 'static) -> Self {
        self.progress = Some(Box::new(progress));
        self
    }

    /// Sends the request and returns the body as a reader, once the server answered with a
    /// success. The reader ends with an error when the body passes the size limit (no byte
    /// past it is handed out), stalls, is cut, or outlives the deadline.
    pub fn reader(self) -> Result<MediaReader, Error> {
        let limit = self.max_bytes;
        if limit == 0 {
            return Err(Error::invalid(
                "download limit",
                "must be more than zero bytes",
            ));
        }
        if let Some(deadline) = self.deadline {
            crate::client::config::check_timeout("download deadline", deadline)?;
        }
        let client = self.client;
        let options = client.config().options.and(self.options);
        options.check()?;
        let deadline = options.timeout.or(self.deadline);
        let cancel = self.cancel.or(options.cancel);
        let url = parse(&self.url).map_err(|reason| Error::invalid("media URL", reason))?;
        let origin = crate::files::media_hosts::Origin::of(&url);
        let fetch = Fetch {
            url,
            origin,
            credentials_allowed: true,
            redirects: 0,
            credentials: self.credentials,
            deadline,
            cancel: cancel.clone(),
            headers: options.headers,
        };
        let (parts, body, outcome) = call::run(client, fetch)?;
        let content_type = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let content_length = parts
            .headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        let status = parts.status.as_u16();
        if let Some(length) = content_length.filter(|length| *length > limit) {
            return Err(too_large(status, limit, Some(length), outcome));
        }
        let config = client.config();
        Ok(MediaReader {
            body: Box::new(body.into_reader()),
            status,
            content_type,
            content_length,
            received: 0,
            limit,
            progress: self.progress,
            cancel,
            outcome,
            _guard: LogGuard::enter(config.transport_trace, client.transport().proxy_user()),
        })
    }

    /// Downloads into the file at `path`. The body goes to a temporary file in the same
    /// directory, created before anything is sent and renamed to `path` once complete: a
    /// failed, cut or cancelled download leaves no partial file under `path`, nor the
    /// temporary one. Only a process killed outright (`SIGKILL`, a power cut) can leave the
    /// temporary file, named `.sunco-XXXXXXXX.part` (eight hex digits). An existing `path` is
    /// an error before anything is sent, unless [`overwrite`](Self::overwrite) is set.
    pub fn to_path(self, path: impl AsRef<Path>) -> Result<Downloaded, Error> {
        self.save(path.as_ref(), None)
    }

    /// [`to_path`](Self::to_path), through the temporary file `part` when given, created (or
    /// emptied) before anything is sent, instead of one of a name of its own: a batch records
    /// the name, so that the file a killed run left can be removed.
    pub(crate) fn save(self, path: &Path, part: Option<&Path>) -> Result<Downloaded, Error> {
        let path = path.to_owned();
        let overwrite = self.overwrite;
        if !overwrite && path.symlink_metadata().is_ok() {
            return Err(Error::invalid(
                "download path",
                format!(
                    "{} exists; choose another path, or allow replacing it \
                     (Download::overwrite)",
                    path.display()
                ),
            ));
        }
        let directory = crate::files::directory_of(&path);
        if path.file_name().is_none() {
            return Err(Error::invalid("download path", "names no file"));
        }
        if !directory.is_dir() {
            return Err(Error::invalid(
                "download path",
                format!("{} is not a directory", directory.display()),
            ));
        }
        // Created before the request is sent: a directory that takes no new file fails here.
        // On an error `temporary` is removed as it drops.
        let temporary = match part {
            Some(part) => Temporary::at(part)?,
            None => Temporary::create(directory)?,
        };
        // A batch's journal will vouch for the file: its bytes reach the disk before its name.
        let durable = part.is_some();
        let mut reader = self.reader()?;
        let bytes = copy(&mut reader, &temporary.file, &temporary.path)
            .and_then(|bytes| temporary.keep_as(&path, overwrite, durable).map(|()| bytes))
            .map_err(|e| e.with_outcome(reader.outcome))?;
        Ok(Downloaded {
            path,
            bytes,
            content_type: reader.content_type.clone(),
            content_length: reader.content_length,
            outcome: reader.outcome,
        })
    }
}
