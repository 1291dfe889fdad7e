//! The client's settings as one record: what [`ClientBuilder`](crate::ClientBuilder) produces
//! and every request reads. Also the rules a setting must follow (the id rule, loopback hosts,
//! timeout bounds) and how a URL is shown without its credentials.

use std::net::IpAddr;
use std::time::Duration;

use ureq::http::{HeaderValue, Uri};

use crate::call::retry::RetryPolicy;
use crate::error::Error;

/// The Sunshine Conversations regions for customers who are not licensed Zendesk customers.
/// Zendesk customers use [`ClientBuilder::zendesk_subdomain`](crate::ClientBuilder::zendesk_subdomain)
/// instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Region {
    /// United States: `https://api.smooch.io` (the default).
    #[default]
    Us,
    /// European Union: `https://api.eu-1.smooch.io`.
    Eu,
}

impl Region {
    /// The API host of the region.
    pub fn base_url(self) -> &'static str {
        match self {
            Region::Us => "https://api.smooch.io",
            Region::Eu => "https://api.eu-1.smooch.io",
        }
    }
}

/// The longest any timeout may be: 7 days. Longer values are refused when the client is built
/// (they would overflow the clock arithmetic of the HTTP layer).
pub const MAX_TIMEOUT: Duration = Duration::from_secs(7 * 24 * 60 * 60);

/// How long a call may take. ureq has no timeout by default: a stalled server would hang a
/// script forever.
///
/// Every call ends within a deadline, all attempts and the waits between them included (a name
/// lookup is bounded by the system resolver's own timeouts, see [`connect`](Self::connect)):
///
/// - a call without a file ("JSON call") within [`call`](Self::call), 120 s by default;
/// - an upload within [`upload`](Self::upload) when set (1 hour by default), and in any case as
///   soon as no byte moves for [`stall`](Self::stall). A large upload is never cut off for being
///   slow as long as bytes keep moving. What the default allows: a 50 MiB file (the API's
///   maximum) over a link of 1 Mbit/s takes 50 × 8 / 1 = 400 s; an hour is enough down to
///   about 111 kbit/s (50 × 8 / 3600 Mbit/s). Raise it for slower links, or set `None` to rely
///   on the stall timeout alone.
///
/// Within one attempt, [`connect`](Self::connect), [`response`](Self::response) and
/// [`stall`](Self::stall) bound each phase.
///
/// Zero is refused, and so is anything over [`MAX_TIMEOUT`]: [`ClientBuilder::build`]
/// fails with [`Error::InvalidInput`] and nothing is sent.
///
/// [`ClientBuilder::build`]: crate::ClientBuilder::build
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Timeouts {
    /// Opening the connection, TLS included. Default: 10 s.
    ///
    /// Name resolution is left to the system resolver and its own timeouts: with a resolve
    /// timeout, ureq 3.5 starts a thread to resolve the host on every request, pooled
    /// connections included, which costs more than the request itself on a fast network.
    pub connect: Duration,
    /// From the end of the request to the start of the response. Default: 60 s.
    pub response: Duration,
    /// The longest wait for any single read or write of the connection: a stalled body.
    /// Default: 30 s.
    pub stall: Duration,
    /// The deadline of a whole call without a file, every attempt and wait included. Default:
    /// 120 s. Also bounds reading the answer to an upload.
    pub call: Duration,
    /// The deadline of a whole upload, every attempt and wait included; `None` leaves uploads
    /// bounded by [`stall`](Self::stall) only. Default: 1 hour.
    pub upload: Option<Duration>,
    /// The deadline of a whole download ([`Client::download`](crate::Client::download)), from
    /// the request to the last byte read; `None` leaves downloads bounded by
    /// [`stall`](Self::stall) only. Default: 1 hour (50 MiB at about 111 kbit/s).
    pub download: Option<Duration>,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(10),
            response: Duration::from_secs(60),
            stall: Duration::from_secs(30),
            call: Duration::from_secs(120),
            upload: Some(Duration::from_secs(60 * 60)),
            download: Some(Duration::from_secs(60 * 60)),
        }
    }
}

impl Timeouts {
    /// Sets the connect timeout.
    #[must_use]
    pub fn with_connect(mut self, timeout: Duration) -> Self {
        self.connect = timeout;
        self
    }

    /// Sets the timeout for the response to start.
    #[must_use]
    pub fn with_response(mut self, timeout: Duration) -> Self {
        self.response = timeout;
        self
    }

    /// Sets the stall timeout.
    #[must_use]
    pub fn with_stall(mut self, timeout: Duration) -> Self {
        self.stall = timeout;
        self
    }

    /// Sets the deadline of a call without a file.
    #[must_use]
    pub fn with_call(mut self, deadline: Duration) -> Self {
        self.call = deadline;
        self
    }

    /// Sets the deadline of a download (`None`: bounded by the stall timeout only).
    #[must_use]
    pub fn with_download(mut self, deadline: Option<Duration>) -> Self {
        self.download = deadline;
        self
    }

    /// Sets the deadline of an upload (`None`: bounded by the stall timeout only).
    #[must_use]
    pub fn with_upload(mut self, deadline: Option<Duration>) -> Self {
        self.upload = deadline;
        self
    }

    /// The same timeout for connecting, the response, stalls and the deadline of a call
    /// without a file: such a call then ends within about `timeout`, retries included. The
    /// upload and download deadlines keep their defaults.
    #[must_use]
    pub fn all(timeout: Duration) -> Self {
        Timeouts {
            connect: timeout,
            response: timeout,
            stall: timeout,
            call: timeout,
            ..Timeouts::default()
        }
    }

    /// Refuses zero and anything over [`MAX_TIMEOUT`].
    pub(crate) fn check(&self) -> Result<(), Error> {
        let named = [
            ("connect timeout", Some(self.connect)),
            ("response timeout", Some(self.response)),
            ("stall timeout", Some(self.stall)),
            ("call deadline", Some(self.call)),
            ("upload deadline", self.upload),
            ("download deadline", self.download),
        ];
        for (name, value) in named {
            if let Some(value) = value {
                check_timeout(name, value)?;
            }
        }
        Ok(())
    }
}

/// Refuses a zero timeout and one over [`MAX_TIMEOUT`].
pub(crate) fn check_timeout(name: &str, value: Duration) -> Result<(), Error> {
    if value.is_zero() {
        return Err(Error::invalid(
            name,
            "must be more than zero (a zero timeout would fail every call)",
        ));
    }
    if value > MAX_TIMEOUT {
        return Err(Error::invalid(
            name,
            format!(
                "{} s is over the maximum of {} s (7 days)",
                value.as_secs(),
                MAX_TIMEOUT.as_secs()
            ),
        ));
    }
    Ok(())
}

/// The API's documented maximum attachment size, 50 MiB; the default upload limit.
pub const DEFAULT_MAX_UPLOAD_BYTES: u64 = 50 * 1024 * 1024;

/// The default download limit: 50 MiB, the largest attachment the API stores (media a
/// customer sends through a channel can be larger: raise it then).
pub const DEFAULT_MAX_DOWNLOAD_BYTES: u64 = 50 * 1024 * 1024;

/// The default cap on a response body read into memory: 1 MiB.
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 1024 * 1024;

/// The settings every request reads, as the builder checked them.
#[derive(Clone)]
pub(crate) struct Config {
    /// Without a trailing slash, without credentials.
    pub(crate) base_url: String,
    /// `base_url`, parsed: whose origin may see the client's credentials.
    pub(crate) base_uri: Uri,
    pub(crate) user_agent: HeaderValue,
    pub(crate) app_id: Option<String>,
    pub(crate) timeouts: Timeouts,
    pub(crate) retry: RetryPolicy,
    pub(crate) max_upload_bytes: u64,
    pub(crate) max_download_bytes: u64,
    pub(crate) max_response_bytes: u64,
    /// Whether ureq's trace-level hex dumps may be emitted while requests are in flight.
    pub(crate) transport_trace: bool,
    /// The settings every call of this handle gets ([`Client::with_options`](crate::Client::with_options)).
    pub(crate) options: crate::RequestOptions,
}

/// The one rule for ids that become a path segment (the app id and every path parameter):
/// not empty, not `.` or `..` (which would address another resource even when encoded), and
/// free of control characters.
pub(crate) fn check_id(name: &str, value: &str) -> Result<(), Error> {
    let reason = if value.is_empty() {
        "must not be empty"
    } else if value == "." || value == ".." {
        "must not be `.` or `..`"
    } else if value.chars().any(char::is_control) {
        "must not contain control characters (CR, LF, NUL, ...)"
    } else {
        return Ok(());
    };
    Err(Error::invalid(name, reason))
}

/// `localhost`, `127.0.0.0/8` and `::1`.
pub(crate) fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        assert!(is_loopback("127.0.0.1"));
        assert!(is_loopback("[::1]"));
        assert!(is_loopback("LOCALHOST"));
        assert!(!is_loopback("10.0.0.1"));
        assert!(!is_loopback("example.com"));
    }

    #[test]
    fn timeouts_are_bounded() {
        assert!(Timeouts::default().check().is_ok());
        assert!(Timeouts::all(Duration::ZERO).check().is_err());
        assert!(Timeouts::all(Duration::MAX).check().is_err());
        assert!(Timeouts::default().with_upload(None).check().is_ok());
        assert!(Timeouts::all(MAX_TIMEOUT).check().is_ok());
    }
}
