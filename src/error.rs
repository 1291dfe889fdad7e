//! The crate's one error type.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

/// Everything that can go wrong when calling the API.
///
/// Each variant says when it happens. Messages never contain credentials, and say what to do
/// next. Use [`Error::status`], [`Error::attempts`] and [`Error::is_retryable`] to decide in
/// code.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// An argument or setting was rejected before anything was sent (an empty or `..` id, a
    /// control character in a credential, an upload over the size limit, a missing app id).
    #[non_exhaustive]
    InvalidInput {
        /// What was rejected: the parameter, field or setting name.
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
    /// An upload source (a reader or file) produced a different number of bytes than declared,
    /// or failed while being read. The request was abandoned.
    #[non_exhaustive]
    Source {
        /// What happened.
        reason: String,
        /// The underlying I/O error, if any.
        source: Option<std::io::Error>,
    },
    /// The request could not be sent or the response could not be received: DNS, connection
    /// refused or reset, TLS, protocol errors.
    #[non_exhaustive]
    Transport {
        /// The operation, by its `operationId`.
        operation: &'static str,
        /// How many attempts were made.
        attempts: u32,
        /// What ureq reported.
        source: ureq::Error,
    },
    /// No progress within a configured timeout (connecting, waiting for the response to start,
    /// or a stalled body). See [`Timeouts`](crate::Timeouts).
    #[non_exhaustive]
    Timeout {
        /// The operation, by its `operationId`.
        operation: &'static str,
        /// How many attempts were made.
        attempts: u32,
        /// The timeout that fired.
        source: ureq::Error,
    },
    /// The API answered with a status that is not a success (4xx, 5xx, or a redirect, which is
    /// never followed).
    Api(Box<ApiError>),
    /// A success response could not be decoded into the documented type.
    #[non_exhaustive]
    Decode {
        /// The operation, by its `operationId`.
        operation: &'static str,
        /// The HTTP status.
        status: u16,
        /// Where in the JSON the decoding failed (`.attachment.mediaUrl`), or `.` for the whole
        /// body.
        path: String,
        /// What failed.
        message: String,
        /// The start of the body, at most [`EXCERPT_LEN`](crate::EXCERPT_LEN) bytes.
        excerpt: String,
    },
}

/// An error status from the API, with what it said.
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
    /// The `errors[]` the API returned, when the body had that shape.
    pub errors: Vec<ApiErrorDetail>,
    /// The wait the server asked for in `Retry-After`, when present and valid.
    pub retry_after: Option<Duration>,
    /// The server's request id (`x-zendesk-request-id` or `x-request-id`), for support.
    pub request_id: Option<String>,
    /// The start of the body, at most [`EXCERPT_LEN`](crate::EXCERPT_LEN) bytes.
    pub excerpt: String,
    /// Where a redirect pointed (redirects are never followed).
    pub location: Option<String>,
    /// How many attempts were made.
    pub attempts: u32,
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

    /// The HTTP status, for [`Error::Api`] and [`Error::Decode`].
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(api) => Some(api.status),
            Error::Decode { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// How many attempts were made before this error, for errors of a sent request.
    pub fn attempts(&self) -> Option<u32> {
        match self {
            Error::Transport { attempts, .. } | Error::Timeout { attempts, .. } => Some(*attempts),
            Error::Api(api) => Some(api.attempts),
            _ => None,
        }
    }

    /// Whether the error was found in the input before anything was sent
    /// ([`Error::InvalidInput`] and [`Error::File`]).
    pub fn nothing_sent(&self) -> bool {
        matches!(self, Error::InvalidInput { .. } | Error::File { .. })
    }

    /// Whether trying again later may succeed: rate limiting, server errors, timeouts, and
    /// network failures (not TLS, URL or configuration errors, which would fail again).
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Api(api) => matches!(api.status, 429 | 500..=599),
            Error::Timeout { .. } => true,
            Error::Transport { source, .. } => matches!(
                source,
                ureq::Error::Io(_)
                    | ureq::Error::ConnectionFailed
                    | ureq::Error::HostNotFound
                    | ureq::Error::Protocol(_)
                    | ureq::Error::Timeout(_)
            ),
            _ => false,
        }
    }

    /// The API error details, for [`Error::Api`].
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(api) => Some(api),
            _ => None,
        }
    }
}

fn attempts_note(attempts: u32) -> String {
    if attempts > 1 {
        format!(" after {attempts} attempts")
    } else {
        String::new()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidInput { field, reason } => {
                write!(f, "invalid {field}: {reason} (nothing was sent)")
            }
            Error::File { path, reason, .. } => {
                write!(
                    f,
                    "cannot upload {}: {reason}; check the path and its permissions",
                    path.display()
                )
            }
            Error::Source { reason, .. } => {
                write!(f, "the upload was abandoned: {reason}")
            }
            Error::Transport {
                operation,
                attempts,
                source,
            } => write!(
                f,
                "{operation}: the request failed{}: {source}; check the base URL and the network",
                attempts_note(*attempts)
            ),
            Error::Timeout {
                operation,
                attempts,
                source,
            } => write!(
                f,
                "{operation}: timed out{}: {source}; the server may be slow or unreachable, \
                 or raise the timeout",
                attempts_note(*attempts)
            ),
            Error::Api(api) => api.fmt(f),
            Error::Decode {
                operation,
                status,
                path,
                message,
                excerpt,
            } => write!(
                f,
                "{operation}: the {status} response does not match the documented type at \
                 `{path}`: {message}; body starts with {excerpt:?}"
            ),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: the API answered {}", self.operation, self.status)?;
        if !self.documented.is_empty() {
            write!(f, " ({})", self.documented)?;
        }
        write!(f, "{}", attempts_note(self.attempts))?;
        if self.errors.is_empty() {
            if !self.excerpt.is_empty() {
                write!(f, ": {:?}", self.excerpt)?;
            }
        } else {
            let details: Vec<String> = self
                .errors
                .iter()
                .map(|e| format!("{}: {}", e.code, e.title))
                .collect();
            write!(f, ": {}", details.join("; "))?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        let hint = match self.status {
            300..=399 => match &self.location {
                Some(location) => format!(
                    "redirects are not followed (to {location}); use the final https URL as the base URL"
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
            415 => "the API does not accept this media type".to_owned(),
            429 => match self.retry_after {
                Some(wait) => format!("rate limited; retry after {} s", wait.as_secs()),
                None => "rate limited; retry later with backoff".to_owned(),
            },
            500..=599 => "a server-side failure; retry later".to_owned(),
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
            Error::File { source, .. } | Error::Source { source, .. } => {
                source.as_ref().map(|e| e as _)
            }
            Error::Transport { source, .. } | Error::Timeout { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_network_failures_are_retryable() {
        let transport = |source| Error::Transport {
            operation: "op",
            attempts: 1,
            source,
        };
        assert!(transport(ureq::Error::ConnectionFailed).is_retryable());
        assert!(
            transport(ureq::Error::Io(std::io::ErrorKind::ConnectionReset.into())).is_retryable()
        );
        assert!(!transport(ureq::Error::Tls("bad certificate")).is_retryable());
        assert!(!transport(ureq::Error::BadUri("x".into())).is_retryable());
    }
}
