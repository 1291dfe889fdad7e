//! The crate's one error type, and how what a server sent is shown safely.

use std::fmt;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use crate::call::outcome::Outcome;
use crate::call::retry::{Failed, worth_repeating};
use crate::safe_text::printable;

/// Everything that can go wrong when calling the API.
///
/// Each variant says when it happens. Messages never contain credentials, show what a server
/// sent with its control characters escaped, and say what to do next. Use [`Error::status`],
/// [`Error::attempts`] and [`Error::is_retryable`] to decide in code.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// An argument or setting was rejected before anything was sent (an empty or `..` id, a
    /// control character in a credential, an upload over the size limit, a missing app id, a
    /// zero timeout).
    #[non_exhaustive]
    InvalidInput {
        /// What was rejected: the parameter, field, setting or environment variable.
        field: String,
        /// Why.
        reason: String,
    },
    /// A file to upload could not be used: it is missing, a directory or unreadable, or its size
    /// changed between choosing it and opening it for an attempt. Nothing was sent. (A change
    /// while it is being sent is an [`Error::Source`].)
    #[non_exhaustive]
    File {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
        /// The underlying I/O error, if any.
        source: Option<std::io::Error>,
    },
    /// An upload the service's file validation would refuse with `415`, refused before
    /// anything was sent: which rule is [`FileRefusal`]; the rules and the list are
    /// [`ALLOWED_EXTENSIONS`](crate::ALLOWED_EXTENSIONS)'s.
    /// [`Upload::without_file_check`](crate::Upload::without_file_check) skips the check.
    #[non_exhaustive]
    FileRefused {
        /// The part's file name, as it would have been sent.
        file_name: String,
        /// Which rule refused it.
        refusal: FileRefusal,
    },
    /// A helper this build cannot do: its operation is not in the OpenAPI document the build
    /// was generated from (media tokens and cookies are not in documents from API 13.1 on).
    /// Nothing was sent.
    #[non_exhaustive]
    Unsupported {
        /// The helper (`media_tokens`, `media_cookie`).
        helper: &'static str,
        /// The operation it needs, by its `operationId`.
        operation: &'static str,
    },
    /// A batch's journal could not be used: another process holds its lock, or it cannot be
    /// opened, read or written. A batch that cannot write a file's record does not send that
    /// file, and starts no other.
    #[non_exhaustive]
    Journal {
        /// The journal.
        path: PathBuf,
        /// What is wrong.
        reason: String,
        /// The underlying I/O error, if any.
        source: Option<std::io::Error>,
    },
    /// Root certificates to trust besides the bundled ones could not be used: a CA file that
    /// cannot be read, or PEM that does not parse or holds no certificate. Nothing was sent.
    #[non_exhaustive]
    RootCertificates {
        /// Where they came from: `SUNCO_CA_FILE` (read by
        /// [`ClientBuilder::from_env`](crate::ClientBuilder::from_env)) or `root certificates`
        /// ([`ClientBuilder::add_root_certificates_pem`](crate::ClientBuilder::add_root_certificates_pem)).
        setting: &'static str,
        /// What is wrong, naming the file or the PEM text.
        reason: String,
    },
    /// A download could not be saved: its temporary file could not be created or written, or
    /// could not be moved to the path asked for. Nothing is left under that path.
    #[non_exhaustive]
    Save {
        /// The file.
        path: PathBuf,
        /// What failed.
        reason: String,
        /// The underlying I/O error, if any.
        source: Option<std::io::Error>,
        /// What the download's attempts did (none when the temporary file, created before
        /// sending, could not be).
        outcome: Outcome,
    },
    /// An upload source (a reader or file) produced a different number of bytes than declared,
    /// or failed while being read. The request was abandoned.
    #[non_exhaustive]
    Source {
        /// What happened.
        reason: String,
        /// The underlying I/O error, if any.
        source: Option<std::io::Error>,
        /// What the call's attempts did: the abandoned one was sent in part.
        outcome: Outcome,
    },
    /// The request could not be sent or the response could not be received: DNS, connection
    /// refused or reset, TLS, protocol errors.
    #[non_exhaustive]
    Transport {
        /// The operation, by its `operationId`.
        operation: &'static str,
        /// What failed.
        source: TransportError,
        /// What the call's attempts did: how many, and whether the server may have processed
        /// the request although no answer came (see [`Error::may_have_been_processed`]).
        outcome: Outcome,
    },
    /// A timeout fired: connecting, waiting for the response to start, a stalled body, or the
    /// call's deadline. See [`Timeouts`](crate::Timeouts).
    #[non_exhaustive]
    Timeout {
        /// The operation, by its `operationId`.
        operation: &'static str,
        /// Which timeout fired.
        phase: TimeoutPhase,
        /// What the call's attempts did: whether the request may have reached the server whole
        /// before the timeout fired (waiting for the answer, say).
        outcome: Outcome,
    },
    /// The API answered with a status that is not a success (4xx, 5xx, or a redirect: an API
    /// call follows none; a download follows up to 5 and gets here only for one it cannot
    /// use, see [`Error::Redirect`]).
    Api(Box<ApiError>),
    /// A download's redirect was refused after a request had been sent: more than 5
    /// redirects (a loop, say), one from https to plain http, or one whose `Location` is not
    /// a usable URL. Nothing was downloaded.
    #[non_exhaustive]
    Redirect {
        /// The operation (`download`).
        operation: &'static str,
        /// What the call's attempts did (every redirect followed is one).
        outcome: Outcome,
        /// The redirect's status (`301`, `302`, ...).
        status: u16,
        /// Where the refused redirect pointed, as it may be shown: without user info, query or
        /// fragment; `None` when it named no usable URL.
        location: Option<String>,
        /// Why it was refused.
        reason: String,
    },
    /// A server asked this client to send nothing to its host until `until` (a `429`'s
    /// `Retry-After`, met by this call or by another call of any clone of the client), and that
    /// is later than this call may wait: past its deadline, or longer than the retry policy's
    /// [`max_retry_after`](crate::RetryPolicy::max_retry_after). The call ended at once
    /// without sending its next attempt ([`Error::attempts`] says how many it sent before:
    /// none, when the wait was announced before it started). Send it again after `until`.
    #[non_exhaustive]
    RateLimited {
        /// The operation, by its `operationId` (`download` for a download).
        operation: &'static str,
        /// When the server's wait ends.
        until: SystemTime,
        /// What the call's attempts did before it met the wait.
        outcome: Outcome,
    },
    /// The call was cancelled through its [`CancelToken`](crate::CancelToken). A download
    /// to a file left no file behind, its temporary one included.
    #[non_exhaustive]
    Cancelled {
        /// The operation, by its `operationId` (`download` for a download).
        operation: &'static str,
        /// What the call's attempts did before it was cancelled (no attempt: nothing was sent).
        outcome: Outcome,
    },
    /// Iterating the pages of a list stopped: the server handed back a cursor it had already
    /// given (a loop), the page limit was reached with pages left, or a cursor or the entries
    /// of a page did not decode. The pages before it were returned.
    #[non_exhaustive]
    Pagination {
        /// The operation, by its `operationId`.
        operation: &'static str,
        /// How many pages were fetched.
        pages: usize,
        /// Why it stopped.
        reason: String,
        /// What the attempts of the last page's call did.
        outcome: Outcome,
    },
    /// An answer's body is larger than its limit: a download over its size limit
    /// ([`ClientBuilder::max_download_bytes`](crate::ClientBuilder::max_download_bytes),
    /// [`Download::max_bytes`](crate::Download::max_bytes)), or a success answer of the API
    /// over the response cap. No byte past the limit was handed out.
    #[non_exhaustive]
    TooLarge {
        /// The operation, by its `operationId` (`download` for a download).
        operation: &'static str,
        /// The HTTP status.
        status: u16,
        /// The limit, in bytes.
        limit: u64,
        /// The size the server announced (`Content-Length`), when it announced one.
        announced: Option<u64>,
        /// What the call's attempts did.
        outcome: Outcome,
    },
    /// A success answer lacks a value the call needs: an upload's answer without the
    /// attachment's `mediaUrl`. The server has acted on the request.
    #[non_exhaustive]
    Incomplete {
        /// The operation, by its `operationId`.
        operation: &'static str,
        /// The HTTP status.
        status: u16,
        /// Where the value should have been, as a JSON path (`.attachment.mediaUrl`).
        missing: &'static str,
        /// What the call's attempts did.
        outcome: Outcome,
    },
    /// A success response could not be decoded into the documented type.
    #[non_exhaustive]
    Decode {
        /// The operation, by its `operationId`.
        operation: &'static str,
        /// The HTTP status.
        status: u16,
        /// What kind of failure.
        kind: DecodeKind,
        /// Where in the JSON the decoding failed (`.attachment.mediaUrl`), or `.` for the whole
        /// body.
        path: String,
        /// What failed, as the JSON parser said it.
        message: String,
        /// The start of the body, at most [`EXCERPT_LEN`](crate::EXCERPT_LEN) bytes; empty for
        /// operations whose answers carry secrets.
        excerpt: String,
        /// What the call's attempts did.
        outcome: Outcome,
    },
}

/// Which timeout fired (see [`Timeouts`](crate::Timeouts)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeoutPhase {
    /// Opening the connection.
    Connect,
    /// Waiting for the response to start.
    Response,
    /// No byte moved for the stall timeout while sending or receiving.
    Stall,
    /// The call's deadline passed (all attempts and waits included).
    Deadline,
}

impl fmt::Display for TimeoutPhase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimeoutPhase::Connect => "connecting",
            TimeoutPhase::Response => "waiting for the response",
            TimeoutPhase::Stall => "no data moved for the stall timeout",
            TimeoutPhase::Deadline => "the call's deadline passed",
        })
    }
}

/// Why a success response could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeKind {
    /// The body is not well-formed JSON (cut short, or not JSON at all).
    Malformed,
    /// Well-formed JSON that does not have the documented shape.
    Shape,
}

/// Which rule of the service's file validation refused an upload (see
/// [`Error::FileRefused`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FileRefusal {
    /// The file name has no extension.
    NoExtension,
    /// The extension is not one of [`ALLOWED_EXTENSIONS`](crate::ALLOWED_EXTENSIONS).
    Extension {
        /// The extension, lower case, without its dot.
        extension: String,
    },
    /// The first bytes are binary content of no type the check knows.
    Unidentified,
    /// The first bytes show a type whose extension is not allowed (an executable renamed
    /// `.pdf`).
    Content {
        /// The media type the first bytes show (`application/x-executable`).
        mime: &'static str,
        /// Its extension (`elf`).
        extension: &'static str,
    },
}

/// A failure of the connection itself: what kind, and the underlying error's message.
pub struct TransportError {
    kind: TransportErrorKind,
    certificate: Option<CertificateProblem>,
    inner: ureq::Error,
}

/// Why the server's TLS certificate was refused (see [`TransportError::certificate_problem`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CertificateProblem {
    /// No trusted root signs it: a private CA, or a proxy that inspects TLS.
    UnknownIssuer,
    /// It has expired.
    Expired,
    /// It is not valid yet.
    NotValidYet,
    /// It is for another host name.
    WrongHost,
    /// The server presented a CA certificate as its own.
    CaAsServerCertificate,
    /// Anything else (revoked, malformed, an unsupported algorithm).
    Other,
}

impl CertificateProblem {
    fn of(error: &rustls::Error) -> Option<CertificateProblem> {
        use rustls::CertificateError as C;
        let rustls::Error::InvalidCertificate(error) = error else {
            return None;
        };
        Some(match error {
            C::UnknownIssuer => CertificateProblem::UnknownIssuer,
            C::Expired | C::ExpiredContext { .. } => CertificateProblem::Expired,
            C::NotValidYet | C::NotValidYetContext { .. } => CertificateProblem::NotValidYet,
            C::NotValidForName | C::NotValidForNameContext { .. } => CertificateProblem::WrongHost,
            C::Other(other)
                if matches!(
                    other.0.downcast_ref::<webpki::Error>(),
                    Some(webpki::Error::CaUsedAsEndEntity)
                ) =>
            {
                CertificateProblem::CaAsServerCertificate
            }
            _ => CertificateProblem::Other,
        })
    }

    /// What is wrong, and what to do about it.
    fn explain(self) -> &'static str {
        match self {
            CertificateProblem::UnknownIssuer => {
                "the server's certificate is signed by a CA this client does not trust; if a \
                 private CA or a TLS-inspecting proxy signs it, add that CA's root certificate \
                 (ClientBuilder::add_root_certificates_pem, or SUNCO_CA_FILE with \
                 ClientBuilder::from_env) or build with the `platform-verifier` feature to use \
                 the system's store"
            }
            CertificateProblem::Expired => {
                "the server's certificate has expired; check this machine's clock, and tell \
                 the server's operator"
            }
            CertificateProblem::NotValidYet => {
                "the server's certificate is not valid yet; check this machine's clock"
            }
            CertificateProblem::WrongHost => {
                "the server's certificate is for another host name; check the host of the \
                 base URL (or the proxy in between)"
            }
            CertificateProblem::CaAsServerCertificate => {
                "the server presents a CA certificate as its own certificate; it must present \
                 a certificate issued by that CA (add the CA with \
                 ClientBuilder::add_root_certificates_pem, not the server's certificate)"
            }
            CertificateProblem::Other => {
                "the server's certificate was refused; check the base URL, or the CA roots \
                 this client trusts"
            }
        }
    }
}

/// What kind of [`TransportError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// The host could not be resolved or the connection could not be opened: nothing was sent.
    Connect,
    /// The connection broke while sending or receiving (reset, closed early, cut short).
    Io,
    /// The server spoke something that is not valid HTTP/1.1.
    Protocol,
    /// TLS failed (certificate, handshake).
    Tls,
    /// A proxy refused or failed.
    Proxy,
    /// Anything else (a bad URL, an unsupported setting).
    Other,
}

/// The rustls error behind a transport error. ureq 3.5 hands a handshake failure back as
/// `Error::Io` wrapping the `rustls::Error`, rarely as `Error::Rustls`.
fn rustls_error(error: &ureq::Error) -> Option<&rustls::Error> {
    match error {
        ureq::Error::Rustls(error) => Some(error),
        ureq::Error::Io(io) => io.get_ref()?.downcast_ref::<rustls::Error>(),
        _ => None,
    }
}

impl TransportError {
    pub(crate) fn new(inner: ureq::Error) -> Self {
        let tls = rustls_error(&inner);
        let kind = match &inner {
            _ if tls.is_some() => TransportErrorKind::Tls,
            ureq::Error::ConnectionFailed | ureq::Error::HostNotFound => {
                TransportErrorKind::Connect
            }
            ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
                TransportErrorKind::Connect
            }
            ureq::Error::Io(_) => TransportErrorKind::Io,
            ureq::Error::Protocol(_) => TransportErrorKind::Protocol,
            ureq::Error::Tls(_) => TransportErrorKind::Tls,
            ureq::Error::ConnectProxyFailed(_) | ureq::Error::InvalidProxyUrl => {
                TransportErrorKind::Proxy
            }
            _ => TransportErrorKind::Other,
        };
        TransportError {
            kind,
            certificate: tls.and_then(CertificateProblem::of),
            inner,
        }
    }

    /// Why the server's certificate was refused, for a TLS failure that is about it.
    pub fn certificate_problem(&self) -> Option<CertificateProblem> {
        self.certificate
    }

    /// What to do next, for the message of an [`Error::Transport`].
    pub(crate) fn hint(&self) -> &'static str {
        match (self.certificate, self.kind) {
            (Some(problem), _) => problem.explain(),
            (None, TransportErrorKind::Tls) => {
                "TLS failed; check the base URL and the TLS settings (CA roots, TLS feature)"
            }
            (None, TransportErrorKind::Proxy) => "check the proxy URL and that the proxy is up",
            _ => "check the base URL and the network",
        }
    }

    /// What kind of failure.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// The HTTP layer's own error. Follows ureq's versions, not this crate's: behind the
    /// `unstable-ureq` feature.
    #[cfg(feature = "unstable-ureq")]
    #[cfg_attr(docsrs, doc(cfg(feature = "unstable-ureq")))]
    pub fn unstable_ureq_error(&self) -> &ureq::Error {
        &self.inner
    }
}

impl fmt::Debug for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportError")
            .field("kind", &self.kind)
            .field("certificate", &self.certificate)
            .field("message", &self.inner.to_string())
            .finish()
    }
}

/// A refused certificate is said in words ("its issuer is not trusted"), not as rustls' enum.
impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.certificate {
            Some(CertificateProblem::UnknownIssuer) => {
                f.write_str("TLS: the server's certificate has an untrusted issuer")
            }
            Some(CertificateProblem::Expired) => {
                f.write_str("TLS: the server's certificate has expired")
            }
            Some(CertificateProblem::NotValidYet) => {
                f.write_str("TLS: the server's certificate is not valid yet")
            }
            Some(CertificateProblem::WrongHost) => {
                f.write_str("TLS: the server's certificate does not match the host name")
            }
            Some(CertificateProblem::CaAsServerCertificate) => {
                f.write_str("TLS: the server's certificate is a CA certificate")
            }
            Some(CertificateProblem::Other) | None => fmt::Display::fmt(&self.inner, f),
        }
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.inner {
            ureq::Error::Io(io) => Some(io),
            _ => None,
        }
    }
}

/// An error status from the API, with what it said. The fields hold the server's text as it
/// was sent; `Display` escapes its control characters.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ApiError {
    /// The operation, by its `operationId`.
    pub operation: &'static str,
    /// The HTTP status.
    pub status: u16,
    /// The response description the document gives this status, if any (`Attachment not
    /// found`).
    pub documented: &'static str,
    /// What the status means for this call where the client knows more than the document
    /// (a download's `401`: a private attachment), and what to do; empty otherwise.
    pub hint: &'static str,
    /// The `errors[]` the API returned, when the body had that shape.
    pub errors: Vec<ApiErrorDetail>,
    /// The wait the server asked for in `Retry-After`, when present and valid.
    pub retry_after: Option<Duration>,
    /// The server's request id (`x-zendesk-request-id` or `x-request-id`), for support.
    pub request_id: Option<String>,
    /// The start of the body, at most [`EXCERPT_LEN`](crate::EXCERPT_LEN) bytes; empty for
    /// operations whose answers carry secrets.
    pub excerpt: String,
    /// Where a redirect pointed (an API call follows none), without any user info.
    pub location: Option<String>,
    /// What the call's attempts did: how many, and whether the server may have processed the
    /// request (an answer that does not rule it out: `500`, `502`, `504`, `503` without
    /// `Retry-After`; or an earlier attempt whose answer was lost). `429` and `503` with
    /// `Retry-After` say the server did not.
    pub outcome: Outcome,
}

/// One entry of the API's `errors` array.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[non_exhaustive]
pub struct ApiErrorDetail {
    /// A stable machine-readable code, e.g. `unauthorized`.
    #[serde(default)]
    pub code: String,
    /// A human-readable explanation.
    #[serde(default)]
    pub title: String,
}

impl Error {
    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// The HTTP status, for [`Error::Api`], [`Error::Decode`], [`Error::TooLarge`],
    /// [`Error::Incomplete`] and [`Error::Redirect`].
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(api) => Some(api.status),
            Error::Decode { status, .. }
            | Error::TooLarge { status, .. }
            | Error::Incomplete { status, .. }
            | Error::Redirect { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// What the call's attempts did, for an error of a call that got as far as its loop (every
    /// error raised after a request went out carries it): how many were sent, whether the
    /// server may have processed the request, whether repeating it is harmless. `None` for an
    /// error of the input or the settings, found before the call began.
    pub fn outcome(&self) -> Option<&Outcome> {
        match self {
            Error::Transport { outcome, .. }
            | Error::Timeout { outcome, .. }
            | Error::Redirect { outcome, .. }
            | Error::RateLimited { outcome, .. }
            | Error::Cancelled { outcome, .. }
            | Error::Source { outcome, .. }
            | Error::Save { outcome, .. }
            | Error::Pagination { outcome, .. }
            | Error::TooLarge { outcome, .. }
            | Error::Incomplete { outcome, .. }
            | Error::Decode { outcome, .. } => Some(outcome),
            Error::Api(api) => Some(&api.outcome),
            Error::InvalidInput { .. }
            | Error::File { .. }
            | Error::FileRefused { .. }
            | Error::Unsupported { .. }
            | Error::Journal { .. }
            | Error::RootCertificates { .. } => None,
        }
    }

    /// The same error with the loop's record of the call's attempts: an error raised inside an
    /// attempt (its source, a download's save, its answer's size) is made where that record
    /// is not at hand, or not yet final, and the loop's is the one that counts.
    pub(crate) fn with_outcome(mut self, record: Outcome) -> Error {
        match &mut self {
            Error::Source { outcome, .. }
            | Error::Save { outcome, .. }
            | Error::TooLarge { outcome, .. }
            | Error::Incomplete { outcome, .. }
            | Error::Decode { outcome, .. }
            | Error::Redirect { outcome, .. } => *outcome = record,
            _ => {}
        }
        self
    }

    /// How long the server asked to wait before sending again, from now: an
    /// [`Error::Api`]'s `Retry-After`, or what is left of an [`Error::RateLimited`]'s wait.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::Api(api) => api.retry_after,
            Error::RateLimited { until, .. } => {
                Some(until.duration_since(SystemTime::now()).unwrap_or_default())
            }
            _ => None,
        }
    }

    /// How many attempts were made before this error, for errors of a sent request.
    pub fn attempts(&self) -> Option<u32> {
        self.outcome().map(|outcome| outcome.attempts)
    }

    /// Whether the call ended before anything was sent: the input was refused
    /// ([`Error::InvalidInput`], [`Error::File`], [`Error::FileRefused`],
    /// [`Error::RootCertificates`]), the operation is not in this build ([`Error::Unsupported`]),
    /// a batch's journal failed and the file waiting on its record was not sent
    /// ([`Error::Journal`]), or the call ended before its first attempt (its
    /// [`outcome`](Self::outcome) counts none): cancelled ([`Error::Cancelled`]), held back by a
    /// server's wait ([`Error::RateLimited`]), out of time before the client's pace had a turn
    /// for it ([`Error::Timeout`]), or a download whose temporary file could not be made
    /// ([`Error::Save`]).
    pub fn nothing_sent(&self) -> bool {
        self.outcome().is_none_or(|outcome| outcome.attempts == 0)
    }

    /// Whether the server may have acted on the request although the call failed: it may
    /// have stored an upload or posted a message whose answer never came (a timeout while
    /// waiting for the answer, a dropped connection after the request was sent, a `502`,
    /// `504`, a `500` or a `503` without `Retry-After`), or a success answer did not decode.
    /// `false` when the failure shows it did not: nothing was sent, a connection could not be
    /// made, the request was cut before it was sent whole, `429`, or `503` with
    /// `Retry-After`.
    ///
    /// Before sending such a request again, check whether it took effect (list the
    /// conversation's messages, say): a second upload stores the file twice.
    pub fn may_have_been_processed(&self) -> bool {
        match self {
            Error::Decode { .. } | Error::TooLarge { .. } | Error::Incomplete { .. } => true,
            _ => self.outcome().is_some_and(|o| o.may_have_been_processed),
        }
    }

    /// Whether trying again later may succeed **and** sending the request again cannot do harm:
    /// rate limiting, server errors, timeouts and network failures (not TLS, URL or
    /// configuration errors, which would fail again) — except, for an operation that is not
    /// harmless to repeat (an upload, a message), when the server may have processed the
    /// request ([`Error::may_have_been_processed`]): sending it again could store the file
    /// twice. Deletes, media tokens and reads are harmless to repeat.
    pub fn is_retryable(&self) -> bool {
        let Some(outcome) = self.outcome() else {
            return false;
        };
        let failed = match self {
            // What the loop judged when it ended the call: the same rule, the same answer.
            Error::Api(_) | Error::Transport { .. } | Error::Timeout { .. } => {
                match outcome.ended_by {
                    Some(failed) => failed,
                    None => return false,
                }
            }
            // Held back before sending its next attempt.
            Error::RateLimited { .. } => Failed::NotSent,
            _ => return false,
        };
        worth_repeating(
            failed,
            outcome.harmless_to_repeat,
            outcome.may_have_been_processed,
        )
        .is_some()
    }

    /// The API error details, for [`Error::Api`].
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(api) => Some(api),
            _ => None,
        }
    }
}

impl Error {
    /// A warning for the message of an error after which sending again could do harm.
    fn processed_note(&self) -> &'static str {
        match self {
            Error::Transport { outcome, .. } | Error::Timeout { outcome, .. }
                if outcome.may_have_been_processed && !outcome.harmless_to_repeat =>
            {
                " (the server may have processed the request: check before sending it again)"
            }
            _ => "",
        }
    }
}

/// How many attempts a call made, and whether the retry quota held further ones back.
fn attempts_note(outcome: &Outcome) -> String {
    let mut note = if outcome.attempts > 1 {
        format!(" after {} attempts", outcome.attempts)
    } else {
        String::new()
    };
    if outcome.retries_held_back {
        note.push_str(" (retries held back: the client's shared retry quota is spent)");
    }
    note
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidInput { field, reason } => write!(
                f,
                "invalid {}: {} (nothing was sent)",
                printable(field),
                printable(reason)
            ),
            Error::FileRefused { file_name, refusal } => {
                let shown = printable(file_name);
                match refusal {
                    FileRefusal::NoExtension => write!(f, "`{shown}` has no extension")?,
                    FileRefusal::Extension { extension } => write!(
                        f,
                        "`{shown}`: the extension `.{}` is not allowed",
                        printable(extension)
                    )?,
                    FileRefusal::Unidentified => write!(
                        f,
                        "`{shown}`: its type cannot be identified from its first bytes (binary \
                         content of no known type)"
                    )?,
                    FileRefusal::Content { mime, extension } => write!(
                        f,
                        "`{shown}`: its first bytes are {mime} (`.{extension}`), a type that is \
                         not allowed"
                    )?,
                }
                write!(
                    f,
                    "; the service refuses it (415). It accepts these extensions, for files whose \
                     first bytes are of one of these types: {}. Skip this check with \
                     Upload::without_file_check if the service accepts more than this crate \
                     knows (nothing was sent)",
                    crate::ALLOWED_EXTENSIONS.join(" ")
                )
            }
            Error::Unsupported { helper, operation } => write!(
                f,
                "{helper}: this build's OpenAPI document (API {}) has no `{operation}` operation \
                 (removed in API 13.1) (nothing was sent)",
                crate::OPENAPI_VERSION
            ),
            Error::RootCertificates { setting, reason } => write!(
                f,
                "invalid {setting}: {} (nothing was sent)",
                printable(reason)
            ),
            Error::File { path, reason, .. } => {
                write!(
                    f,
                    "cannot upload {}: {reason}; check the path and its permissions",
                    printable(&path.display().to_string())
                )
            }
            Error::Journal { path, reason, .. } => write!(
                f,
                "the journal {}: {}",
                printable(&path.display().to_string()),
                printable(reason)
            ),
            Error::Source { reason, .. } => {
                write!(f, "the upload was abandoned: {}", printable(reason))
            }
            Error::Save { path, reason, .. } => write!(
                f,
                "cannot save the download as {}: {reason}; check the directory and its free space",
                printable(&path.display().to_string())
            ),
            Error::Transport {
                operation,
                source,
                outcome,
            } => write!(
                f,
                "{operation}: the request failed{}: {}; {}{}",
                attempts_note(outcome),
                printable(&source.to_string()),
                source.hint(),
                self.processed_note()
            ),
            Error::Timeout {
                operation,
                phase,
                outcome,
            } => write!(
                f,
                "{operation}: timed out{} ({phase}); the server may be slow or unreachable, \
                 or raise the timeout{}",
                attempts_note(outcome),
                self.processed_note()
            ),
            Error::Api(api) => api.fmt(f),
            Error::Redirect {
                operation,
                outcome,
                status,
                location,
                reason,
            } => {
                write!(
                    f,
                    "{operation}: the {status} redirect was not followed{}: {}",
                    attempts_note(outcome),
                    printable(reason)
                )?;
                if let Some(location) = location {
                    write!(f, " (to {})", printable(location))?;
                }
                f.write_str("; ask for the media URL again, or its owner for a working one")
            }
            Error::RateLimited {
                operation,
                until,
                outcome,
            } => {
                let wait = self.retry_after().unwrap_or_default().as_secs_f64().ceil();
                write!(
                    f,
                    "{operation}: not sent{}: the server asked this client to send nothing to \
                     it until {} ({wait} s from now), longer than this call may wait (its \
                     deadline, or RetryPolicy::max_retry_after); send it again after that",
                    attempts_note(outcome),
                    httpdate::fmt_http_date(*until)
                )
            }
            Error::Cancelled { operation, outcome } => {
                write!(f, "{operation}: cancelled{}", attempts_note(outcome))?;
                if outcome.may_have_been_processed {
                    f.write_str(
                        " (the server may have processed the request: check before sending it \
                         again)",
                    )?;
                }
                Ok(())
            }
            Error::Pagination {
                operation,
                pages,
                reason,
                ..
            } => write!(
                f,
                "{operation}: paging stopped after {pages} page(s): {}",
                printable(reason)
            ),
            Error::TooLarge {
                operation,
                status,
                limit,
                announced,
                ..
            } => {
                write!(
                    f,
                    "{operation}: the {status} response is larger than the limit of {limit} bytes"
                )?;
                if let Some(announced) = announced {
                    write!(f, " (the server announced {announced} bytes)")?;
                }
                if *operation == crate::files::download::DOWNLOAD.id {
                    f.write_str(
                        "; raise it with ClientBuilder::max_download_bytes \
                         (SUNCO_MAX_DOWNLOAD_BYTES with ClientBuilder::from_env) or \
                         Download::max_bytes",
                    )
                } else {
                    f.write_str("; raise it with ClientBuilder::max_response_bytes")
                }
            }
            Error::Incomplete {
                operation,
                status,
                missing,
                ..
            } => write!(
                f,
                "{operation}: the {status} response lacks `{missing}`; the server has acted on \
                 the request"
            ),
            Error::Decode {
                operation,
                status,
                kind,
                path,
                message,
                excerpt,
                ..
            } => {
                let what = match kind {
                    DecodeKind::Malformed => "is not well-formed JSON".to_owned(),
                    DecodeKind::Shape => {
                        format!(
                            "does not match the documented type at `{}`",
                            printable(path)
                        )
                    }
                };
                write!(
                    f,
                    "{operation}: the {status} response {what}: {}",
                    printable(message)
                )?;
                if !excerpt.is_empty() {
                    write!(f, "; body starts with {excerpt:?}")?;
                }
                Ok(())
            }
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: the API answered {}", self.operation, self.status)?;
        if !self.documented.is_empty() {
            write!(f, " ({})", self.documented)?;
        }
        write!(f, "{}", attempts_note(&self.outcome))?;
        if self.errors.is_empty() {
            if !self.excerpt.is_empty() {
                write!(f, ": {:?}", self.excerpt)?;
            }
        } else {
            let details: Vec<String> = self
                .errors
                .iter()
                .map(|e| format!("{}: {}", printable(&e.code), printable(&e.title)))
                .collect();
            write!(f, ": {}", details.join("; "))?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " [request id {}]", printable(id))?;
        }
        let hint = match self.status {
            _ if !self.hint.is_empty() => self.hint.to_owned(),
            300..=399 => match &self.location {
                Some(location) => format!(
                    "redirects are not followed (to {}); use the final https URL as the base URL",
                    printable(location)
                ),
                None => {
                    "redirects are not followed; use the final https URL as the base URL".to_owned()
                }
            },
            400 => "the request was rejected; check the arguments".to_owned(),
            401 => "check the key id and secret (or token) and the auth method".to_owned(),
            403 => "the credentials' scope does not allow this operation".to_owned(),
            404 => "check the app id and the id or URL you passed".to_owned(),
            413 => "the file is too large for the API".to_owned(),
            415 => "the service refused the file: its extension, or the type its first bytes \
                    show, is not one it accepts (see ALLOWED_EXTENSIONS; uploads are checked \
                    before sending unless Upload::without_file_check is set)"
                .to_owned(),
            429 => match self.retry_after {
                Some(wait) => format!("rate limited; retry after {} s", wait.as_secs()),
                None => "rate limited; retry later with backoff".to_owned(),
            },
            500..=599 => match self.retry_after {
                Some(wait) => format!("a server-side failure; retry after {} s", wait.as_secs()),
                None => "a server-side failure; retry later".to_owned(),
            },
            _ => String::new(),
        };
        if !hint.is_empty() {
            write!(f, "; {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::File { source, .. }
            | Error::Source { source, .. }
            | Error::Journal { source, .. }
            | Error::Save { source, .. } => source.as_ref().map(|e| e as _),
            Error::Transport { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    /// The record of a call of one attempt that ended as `ended_by`.
    fn outcome(
        ended_by: Failed,
        may_have_been_processed: bool,
        harmless_to_repeat: bool,
    ) -> Outcome {
        Outcome {
            attempts: 1,
            may_have_been_processed,
            harmless_to_repeat,
            done_by_earlier_attempt: false,
            retries_held_back: false,
            ended_by: Some(ended_by),
        }
    }

    #[test]
    fn only_network_failures_are_retryable() {
        let transport = |source: ureq::Error| {
            let failed = Failed::of_transport(&source);
            Error::Transport {
                operation: "op",
                outcome: outcome(failed, failed.may_have_been_processed(), false),
                source: TransportError::new(source),
            }
        };
        assert!(transport(ureq::Error::ConnectionFailed).is_retryable());
        assert!(!transport(ureq::Error::Tls("bad certificate")).is_retryable());
        assert!(!transport(ureq::Error::BadUri("x".into())).is_retryable());
        let reset = |harmless| {
            let source = ureq::Error::Io(std::io::ErrorKind::ConnectionReset.into());
            Error::Transport {
                operation: "op",
                outcome: outcome(Failed::of_transport(&source), true, harmless),
                source: TransportError::new(source),
            }
        };
        assert!(reset(true).is_retryable());
        assert!(!reset(false).is_retryable());
    }

    #[test]
    fn what_may_have_been_processed_is_retryable_only_where_repeating_is_harmless() {
        let timeout = |may_have_been_processed, harmless_to_repeat| Error::Timeout {
            operation: "op",
            phase: TimeoutPhase::Response,
            outcome: outcome(
                Failed::NoAnswer,
                may_have_been_processed,
                harmless_to_repeat,
            ),
        };
        assert!(!timeout(true, false).is_retryable());
        assert!(timeout(true, false).may_have_been_processed());
        assert!(timeout(true, false).to_string().contains("check before"));
        assert!(timeout(true, true).is_retryable());
        assert!(!timeout(false, false).to_string().contains("check before"));
        // A download (which changes nothing on the server) whose answer never came.
        assert!(timeout(false, true).is_retryable());
    }

    #[test]
    fn server_text_is_printable() {
        assert_eq!(printable("plain é"), "plain é");
        assert_eq!(
            printable("\u{1b}[31mred\r\nforged: line\u{202e}"),
            "\\u{1b}[31mred\\u{d}\\u{a}forged: line\\u{202e}"
        );
        // Whatever can end a line: NEL, the line and paragraph separators, VT and FF.
        assert_eq!(
            printable("a\u{85}b\u{2028}c\u{2029}d\u{b}e\u{c}f"),
            "a\\u{85}b\\u{2028}c\\u{2029}d\\u{b}e\\u{c}f"
        );
    }
}
