//! Settings of one call rather than of the client: a deadline of its own, extra headers, and a
//! token that cancels it.

use std::fmt;
use std::time::Duration;

use ureq::http::{HeaderName, HeaderValue};

use crate::call::cancel::CancelToken;
use crate::error::Error;

/// The headers a caller may not set: credentials (the client sends its own, and only where
/// they belong) and what the request loop sets itself.
const REFUSED: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "cookie",
    "x-api-key",
    "host",
    "content-length",
    "content-type",
    "transfer-encoding",
    "connection",
];

/// Settings of one call: a deadline of its own instead of the client's
/// ([`Timeouts`](crate::Timeouts)), headers sent besides the client's (a trace or correlation
/// id, say), and a [`CancelToken`]. None of them touches the client.
///
/// Give them to any call: to a generated request builder (`with_timeout`, `with_header`,
/// `cancel_with`), to a [`Download`](crate::Download) or an [`Upload`](crate::Upload), or to
/// every call of a handle with [`Client::with_options`](crate::Client::with_options), which the
/// helpers (`delete`, `media_tokens`, ...) use like any other call.
///
/// A header must be valid, and may not be a credential (`Authorization`, `Cookie`,
/// `X-API-Key`, `Proxy-Authorization`) or one the client sets itself (`Host`,
/// `Content-Type`, `Content-Length`, `Transfer-Encoding`, `Connection`); a timeout must be more
/// than zero and at most [`MAX_TIMEOUT`](crate::MAX_TIMEOUT). What is refused fails the call
/// with [`Error::InvalidInput`] before anything is sent.
///
/// ```
/// use std::time::Duration;
/// use sunshine_conversations_client::{CancelToken, RequestOptions};
///
/// let token = CancelToken::new();
/// let options = RequestOptions::new()
///     .timeout(Duration::from_secs(5))
///     .header("x-correlation-id", "order-4711")
///     .cancel_with(&token);
/// # let _ = options;
/// ```
#[derive(Clone, Default)]
pub struct RequestOptions {
    pub(crate) timeout: Option<Duration>,
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    pub(crate) cancel: Option<CancelToken>,
    /// The first setting refused, reported when the call is made.
    refused: Option<(String, String)>,
}

impl RequestOptions {
    /// No setting of its own: the client's.
    pub fn new() -> Self {
        RequestOptions::default()
    }

    /// The call's deadline, every attempt and wait included, instead of the client's.
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// A header sent with every attempt of the call (a later one of the same name is sent too).
    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Self {
        match checked_header(name, value) {
            Ok(header) => self.headers.push(header),
            Err(reason) => {
                self.refused.get_or_insert_with(|| {
                    (format!("header `{}`", crate::printable(name)), reason)
                });
            }
        }
        self
    }

    /// Cancels the call once `token` is cancelled (see [`CancelToken`]).
    #[must_use]
    pub fn cancel_with(mut self, token: &CancelToken) -> Self {
        self.cancel = Some(token.clone());
        self
    }

    /// These settings, then `more`'s on top: its timeout and token where it has them, and its
    /// headers after these. Without settings of its own (a client's usual case) it is `more`.
    pub(crate) fn and(&self, mut more: RequestOptions) -> RequestOptions {
        if self.is_empty() {
            return more;
        }
        let mut merged = self.clone();
        if more.timeout.is_some() {
            merged.timeout = more.timeout;
        }
        if more.cancel.is_some() {
            merged.cancel = more.cancel.take();
        }
        merged.headers.append(&mut more.headers);
        if merged.refused.is_none() {
            merged.refused = more.refused.take();
        }
        merged
    }

    /// No setting at all.
    fn is_empty(&self) -> bool {
        self.timeout.is_none()
            && self.headers.is_empty()
            && self.cancel.is_none()
            && self.refused.is_none()
    }

    /// Refuses what cannot be sent: a header refused when it was set, a zero or endless
    /// timeout.
    pub(crate) fn check(&self) -> Result<(), Error> {
        if let Some((field, reason)) = &self.refused {
            return Err(Error::invalid(field.clone(), reason.clone()));
        }
        if let Some(timeout) = self.timeout {
            crate::client::config::check_timeout("request timeout", timeout)?;
        }
        Ok(())
    }
}

/// `name: value` as a header, or why it may not be sent.
fn checked_header(name: &str, value: &str) -> Result<(HeaderName, HeaderValue), String> {
    let name = HeaderName::from_bytes(name.trim().as_bytes())
        .map_err(|_| "is not a valid header name".to_owned())?;
    if REFUSED.contains(&name.as_str()) {
        return Err(
            "may not be set per request: credentials are the client's own, and this header \
             is the client's to set"
                .to_owned(),
        );
    }
    let mut value = HeaderValue::from_str(value).map_err(|_| {
        "has a value that is not valid in a header (control characters?)".to_owned()
    })?;
    value.set_sensitive(true);
    Ok((name, value))
}

/// Shows the settings with the headers' names only (a value may be anything).
impl fmt::Debug for RequestOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("RequestOptions")
            .field("timeout", &self.timeout)
            .field("headers", &names)
            .field("cancel", &self.cancel)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_and_bad_headers_are_refused_before_sending() {
        for (name, value) in [
            ("Authorization", "Basic eA=="),
            ("cookie", "a=b"),
            ("X-API-Key", "k"),
            ("content-length", "1"),
            ("bad name", "v"),
            ("x-ok", "line\nbreak"),
        ] {
            let options = RequestOptions::new().header(name, value);
            let err = options.check().unwrap_err();
            assert!(err.nothing_sent(), "{name}: {err}");
            assert!(!err.to_string().contains("eA=="), "{err}");
        }
        let fine = RequestOptions::new()
            .header("x-correlation-id", "a-1")
            .timeout(Duration::from_secs(3));
        assert!(fine.check().is_ok());
        assert!(
            RequestOptions::new()
                .timeout(Duration::ZERO)
                .check()
                .is_err()
        );
        let only_the_request = RequestOptions::new().and(fine.clone());
        assert_eq!(only_the_request.headers.len(), 1);
        assert_eq!(only_the_request.timeout, Some(Duration::from_secs(3)));
        let merged = fine.and(RequestOptions::new().header("x-more", "b"));
        assert_eq!(merged.headers.len(), 2);
        assert_eq!(merged.timeout, Some(Duration::from_secs(3)));
        assert!(
            !format!("{merged:?}").contains("a-1"),
            "values are not shown"
        );
    }
}
