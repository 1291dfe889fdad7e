//! Downloading media: the file of an attachment, or of a message a customer sent, streamed
//! from its media URL to a reader or a file, with credentials only where they belong (see
//! `media_hosts.rs`).

use std::fmt;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use ureq::http::{HeaderName, HeaderValue, StatusCode, Uri, header};

use crate::call::cancel::CancelToken;
use crate::call::log_guard::LogGuard;
use crate::call::outcome::Outcome;
use crate::call::request::{Method, OperationInfo};
use crate::call::{self, Bounds, Exchange, Reply, SendError};
use crate::client::Client;
use crate::client::auth::Secret;
use crate::error::{ApiError, Error};
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
            return Err(too_large(status, limit, Some(length)));
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
        let path = path.as_ref().to_owned();
        let overwrite = self.overwrite;
        if !overwrite && path.symlink_metadata().is_ok() {
            return Err(Error::invalid(
                "download path",
                format!(
                    "{} exists; choose another path, or allow replacing it (overwrite, \
                     `--force` in the example)",
                    path.display()
                ),
            ));
        }
        let directory = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
            _ => PathBuf::from("."),
        };
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
        let temporary = Temporary::create(&directory)?;
        let mut reader = self.reader()?;
        let bytes = copy(&mut reader, &temporary.file, &temporary.path)?;
        temporary.keep_as(&path, overwrite)?;
        Ok(Downloaded {
            path,
            bytes,
            content_type: reader.content_type.clone(),
            content_length: reader.content_length,
            outcome: reader.outcome,
        })
    }
}

/// A download as the request loop runs it: a `GET` of the media URL, with the credentials
/// that may go there, following redirects (without credentials once they leave the origin it
/// started on, never from https to plain http, at most [`MAX_REDIRECTS`]).
struct Fetch {
    url: Uri,
    /// The origin the download started on: credentials go only there.
    origin: Option<crate::files::media_hosts::Origin>,
    /// Whether the request is still on that origin.
    credentials_allowed: bool,
    redirects: u32,
    credentials: Credentials,
    deadline: Option<Duration>,
    cancel: Option<CancelToken>,
    /// The caller's headers.
    headers: Vec<(HeaderName, HeaderValue)>,
}

impl Exchange for Fetch {
    type Answer = ureq::http::Response<ureq::Body>;
    type Output = (ureq::http::response::Parts, ureq::Body, Outcome);

    fn operation(&self) -> &'static OperationInfo {
        &DOWNLOAD
    }

    fn deadline(&self) -> Option<Duration> {
        self.deadline
    }

    fn changes_the_server(&self) -> bool {
        false
    }

    fn cancel(&self) -> Option<&CancelToken> {
        self.cancel.as_ref()
    }

    fn url(&self) -> &Uri {
        &self.url
    }

    fn headers(&self) -> &[(HeaderName, HeaderValue)] {
        &self.headers
    }

    fn route(&self) -> String {
        shown_url(&self.url.to_string())
    }

    fn credentials(&self, client: &Client) -> Result<Option<(HeaderName, HeaderValue)>, Error> {
        if !self.credentials_allowed
            || !crate::files::media_hosts::may_see_credentials(&client.config().base_uri, &self.url)
        {
            return Ok(None);
        }
        Ok(match &self.credentials {
            Credentials::Client => Some((header::AUTHORIZATION, client.auth().header()?)),
            Credentials::Cookies(cookies) => Some((header::COOKIE, cookie_header(cookies)?)),
            Credentials::None => None,
        })
    }

    fn send(
        &mut self,
        client: &Client,
        head: ureq::http::request::Builder,
        bounds: Bounds,
    ) -> Result<ureq::http::Response<ureq::Body>, SendError> {
        client
            .transport()
            .send(client.config(), head, (), bounds, None)
            .map_err(SendError::Transport)
    }

    fn read(
        &mut self,
        response: ureq::http::Response<ureq::Body>,
        outcome: &Outcome,
    ) -> Result<Reply<Self::Answer>, SendError> {
        let status = response.status();
        if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
            let refused = |location: Option<String>, reason: String| {
                SendError::Input(Error::Redirect {
                    operation: DOWNLOAD.id,
                    status: status.as_u16(),
                    location,
                    reason,
                    outcome: *outcome,
                })
            };
            let next = redirect(&self.url, response.headers())
                .map_err(|(location, reason)| refused(location, reason))?;
            if self.redirects >= MAX_REDIRECTS {
                return Err(refused(
                    Some(shown_url(&next.to_string())),
                    format!("more than {MAX_REDIRECTS} redirects (a loop?)"),
                ));
            }
            self.redirects += 1;
            self.credentials_allowed &= crate::files::media_hosts::Origin::of(&next) == self.origin;
            self.url = next;
            return Ok(Reply::Redirect);
        }
        Ok(Reply::Answer {
            status: status.as_u16(),
            retry_after: call::retry_after(response.headers()),
            answer: response,
        })
    }

    fn finish(&mut self, response: Self::Answer, outcome: Outcome) -> Result<Self::Output, Error> {
        if !response.status().is_success() {
            return Err(refused(response, outcome));
        }
        let (parts, body) = response.into_parts();
        Ok((parts, body, outcome))
    }
}

/// A download's body, streamed: read it to the end. Reports what the server said of it.
pub struct MediaReader {
    body: Box<dyn Read + Send>,
    /// The status of the answer (a success).
    status: u16,
    content_type: Option<String>,
    content_length: Option<u64>,
    received: u64,
    limit: u64,
    progress: Option<Progress>,
    cancel: Option<CancelToken>,
    /// What the download's attempts did, for the errors of its body.
    outcome: Outcome,
    /// Keeps the HTTP layer's byte dumps out of the logs while the body is read.
    _guard: LogGuard,
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
struct TooLarge {
    limit: u64,
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

/// A finished download to a file.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Downloaded {
    /// Where the file is.
    pub path: PathBuf,
    /// Its size: the bytes received.
    pub bytes: u64,
    /// The `Content-Type` the server gave.
    pub content_type: Option<String>,
    /// The `Content-Length` the server gave (none for a chunked body).
    pub content_length: Option<u64>,
    /// What the download's attempts did.
    pub outcome: Outcome,
}

/// A file in the target directory that holds the body until it is complete, removed unless
/// kept.
struct Temporary {
    path: PathBuf,
    file: File,
    kept: bool,
}

impl Temporary {
    /// A new file `.sunco-XXXXXXXX.part` in `directory`: 19 bytes whatever the target's name,
    /// so that any name the file system takes for the target works.
    fn create(directory: &Path) -> Result<Temporary, Error> {
        let mut tries = 0;
        loop {
            let path = directory.join(format!(".sunco-{:08x}.part", fastrand::u32(..)));
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(file) => {
                    return Ok(Temporary {
                        path,
                        file,
                        kept: false,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 8 => tries += 1,
                Err(e) => return Err(save_error(&path, "cannot create it", e)),
            }
        }
    }

    /// Moves the complete file to `path`: atomically replacing it when `overwrite`, else only
    /// if nothing is there (a hard link, which fails on an existing name).
    fn keep_as(mut self, path: &Path, overwrite: bool) -> Result<(), Error> {
        self.file
            .flush()
            .map_err(|e| save_error(&self.path, "cannot write it", e))?;
        if overwrite {
            std::fs::rename(&self.path, path)
                .map_err(|e| save_error(path, "cannot move the download there", e))?;
            self.kept = true;
            return Ok(());
        }
        match std::fs::hard_link(&self.path, path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(Error::Save {
                path: path.to_owned(),
                reason: "a file appeared there while downloading; nothing was replaced".to_owned(),
                source: Some(e),
            }),
            // No hard links here (some file systems): a rename after one more check.
            Err(_) if path.symlink_metadata().is_err() => {
                std::fs::rename(&self.path, path)
                    .map_err(|e| save_error(path, "cannot move the download there", e))?;
                self.kept = true;
                Ok(())
            }
            Err(e) => Err(save_error(path, "cannot move the download there", e)),
        }
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Copies the rest of the body into `file`; returns the body's size.
fn copy(reader: &mut MediaReader, mut file: &File, path: &Path) -> Result<u64, Error> {
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let n = match reader.read(&mut buffer) {
            Ok(0) => return Ok(reader.received),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(read_error(e, reader)),
        };
        file.write_all(&buffer[..n])
            .map_err(|e| save_error(path, "cannot write it", e))?;
    }
}

/// The error of a body that could not be read to its end.
fn read_error(error: io::Error, reader: &MediaReader) -> Error {
    if error.get_ref().is_some_and(|e| e.is::<TooLarge>()) {
        return too_large(reader.status, reader.limit, None);
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

fn too_large(status: u16, limit: u64, announced: Option<u64>) -> Error {
    Error::TooLarge {
        operation: DOWNLOAD.id,
        status,
        limit,
        announced,
    }
}

fn save_error(path: &Path, what: &str, error: io::Error) -> Error {
    Error::Save {
        path: path.to_owned(),
        reason: format!("{what}: {error}"),
        source: Some(error),
    }
}

/// The error for a download the server refused, saying what the status means for media.
fn refused(response: ureq::http::Response<ureq::Body>, outcome: Outcome) -> Error {
    let (parts, mut body) = response.into_parts();
    let status = parts.status.as_u16();
    // Some of the body, for the API's `errors[]`; the rest is dropped.
    let mut bytes = Vec::new();
    let _ = body.as_reader().take(64 * 1024).read_to_end(&mut bytes);
    let errors = crate::call::response::api_errors(&bytes);
    let hint = match status {
        401 => {
            "the media needs credentials (a private attachment); this client sends its own only \
             to the API's origin and its media hosts, see Client::download"
        }
        403 => {
            "the credentials may not read this media: another app's attachment, a key without \
             access to it, or a signed URL that expired"
        }
        404 => {
            "no media at this URL: deleted (a deleted attachment can stay cached for up to 15 \
             minutes), expired, or mistyped"
        }
        _ => "",
    };
    let retry_after = crate::call::response::retry_after(&parts.headers, SystemTime::now());
    Error::Api(Box::new(ApiError {
        operation: DOWNLOAD.id,
        status,
        documented: "",
        hint,
        errors,
        retry_after,
        request_id: None,
        // Media error bodies are not the API's; nothing of them is quoted.
        excerpt: String::new(),
        location: None,
        outcome,
    }))
}

/// The `Cookie` header of media cookies: each `Set-Cookie` value's `name=value`.
fn cookie_header(set_cookies: &[Secret]) -> Result<HeaderValue, Error> {
    let pairs: Vec<&str> = set_cookies
        .iter()
        .filter_map(|c| c.expose().split(';').next())
        .map(str::trim)
        .filter(|pair| pair.contains('='))
        .collect();
    if pairs.is_empty() {
        return Err(Error::invalid(
            "media cookies",
            "none has a name=value pair; pass the values Client::media_cookie returns",
        ));
    }
    let mut value = HeaderValue::from_str(&pairs.join("; "))
        .map_err(|_| Error::invalid("media cookies", "must be printable ASCII"))?;
    value.set_sensitive(true);
    Ok(value)
}

/// A media URL, checked: absolute http(s) with a host. Any user info is dropped: the HTTP
/// layer sends none of it, and ureq's debug lines would show a user name's first letter.
fn parse(url: &str) -> Result<Uri, String> {
    let uri: Uri = url
        .parse()
        .map_err(|_| format!("`{}` is not a URL", shown_url(url)))?;
    if crate::files::media_hosts::Origin::of(&uri).is_none() {
        return Err(format!(
            "`{}` must be an absolute http(s) URL with a host",
            shown_url(url)
        ));
    }
    without_user_info(uri).map_err(|_| format!("`{}` is not a URL", shown_url(url)))
}

/// `uri` without the `user:password@` of its authority.
fn without_user_info(uri: Uri) -> Result<Uri, ureq::http::Error> {
    let Some(authority) = uri.authority() else {
        return Ok(uri);
    };
    let Some((_, host)) = authority.as_str().rsplit_once('@') else {
        return Ok(uri);
    };
    let host = host.to_owned();
    let mut parts = uri.into_parts();
    parts.authority = Some(host.parse()?);
    Ok(Uri::from_parts(parts)?)
}

/// Where a redirect points, resolved against `from`; from https to plain http only on
/// loopback. A refusal gives where it pointed, as it may be shown, and why.
fn redirect(from: &Uri, headers: &ureq::http::HeaderMap) -> Result<Uri, (Option<String>, String)> {
    let location = headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .ok_or((None, "it has no usable Location".to_owned()))?;
    let scheme = from.scheme_str().unwrap_or("https");
    let authority = from.authority().map(|a| a.as_str()).unwrap_or("");
    let absolute = if location.contains("://")
        && location.parse::<Uri>().is_ok_and(|u| u.scheme().is_some())
    {
        location.to_owned()
    } else if let Some(rest) = location.strip_prefix("//") {
        format!("{scheme}://{rest}")
    } else if location.starts_with('/') {
        format!("{scheme}://{authority}{location}")
    } else {
        let path = from.path();
        let directory = &path[..path.rfind('/').map_or(0, |i| i + 1)];
        format!("{scheme}://{authority}{directory}{location}")
    };
    let next = parse(&absolute).map_err(|reason| (None, format!("its Location {reason}")))?;
    let downgrade = scheme == "https"
        && next.scheme_str() == Some("http")
        && !next.host().is_some_and(crate::client::config::is_loopback);
    if downgrade {
        return Err((
            Some(shown_url(&absolute)),
            "it leads from https to plain http".to_owned(),
        ));
    }
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_info_never_reaches_the_http_layer() {
        let url = parse("https://user:pw@cdn.example:8443/a.png?x=1").unwrap();
        assert_eq!(url.to_string(), "https://cdn.example:8443/a.png?x=1");
        assert_eq!(
            parse("https://cdn.example/a").unwrap().to_string(),
            "https://cdn.example/a"
        );
    }

    #[test]
    fn redirects_resolve_and_never_downgrade() {
        let from: Uri = "https://h.example/a/b.png?x=1".parse().unwrap();
        let at = |location: &str| {
            let mut headers = ureq::http::HeaderMap::new();
            headers.insert(header::LOCATION, HeaderValue::from_str(location).unwrap());
            redirect(&from, &headers).map(|u| u.to_string())
        };
        assert_eq!(at("https://o.example/x").unwrap(), "https://o.example/x");
        assert_eq!(at("//o.example/x").unwrap(), "https://o.example/x");
        assert_eq!(at("/x?y=1").unwrap(), "https://h.example/x?y=1");
        assert_eq!(at("c.png").unwrap(), "https://h.example/a/c.png");
        assert_eq!(
            at("http://o.example/x?sig=1").unwrap_err(),
            (
                Some("http://o.example/x?…".to_owned()),
                "it leads from https to plain http".to_owned()
            )
        );
        assert!(at("http://127.0.0.1:9/x").is_ok());
    }

    #[test]
    fn cookies_become_one_header() {
        let header = cookie_header(&[
            Secret::new("media=abc; Path=/apps/x; HttpOnly"),
            Secret::new("other=def; Secure"),
        ])
        .unwrap();
        assert_eq!(header.to_str().unwrap(), "media=abc; other=def");
        assert!(header.is_sensitive());
        assert!(cookie_header(&[Secret::new("; Path=/")]).is_err());
    }
}
