//! Responses: what a call returns, and how a raw response becomes a value or an error.

use std::fmt;
use std::ops::Deref;
use std::time::{Duration, SystemTime};

use http::HeaderMap;
use serde::de::DeserializeOwned;

use crate::call::outcome::Outcome;
use crate::call::request::OperationInfo;
use crate::error::{ApiError, ApiErrorDetail, DecodeKind, Error};
use crate::safe_text::redact_url;

/// How many bytes of a body an error message quotes.
pub const EXCERPT_LEN: usize = 512;

/// A decoded response: the value, with the status and headers it came with. Derefs to the
/// value; [`ResponseValue::into_inner`] takes it out.
#[derive(Clone)]
pub struct ResponseValue<T> {
    inner: T,
    status: u16,
    headers: HeaderMap,
    outcome: Outcome,
}

impl<T> ResponseValue<T> {
    /// The decoded value.
    pub fn into_inner(self) -> T {
        self.inner
    }

    /// The HTTP status of the last answer, as the server sent it (a `404` when
    /// [`done_by_earlier_attempt`](Self::done_by_earlier_attempt)).
    pub fn status(&self) -> u16 {
        self.status
    }

    /// What the call's attempts did: how many there were, and whether an earlier attempt, whose
    /// answer was lost, did what the call asked (a retried delete that found the attachment
    /// gone, whose value is then the empty one of a success).
    pub fn outcome(&self) -> &Outcome {
        &self.outcome
    }

    /// Whether an earlier attempt, whose answer was lost, did what the call asked: the last
    /// answer (a `404` for a delete) says it is done.
    pub fn done_by_earlier_attempt(&self) -> bool {
        self.outcome.done_by_earlier_attempt
    }

    /// The response headers (the [`http`](https://docs.rs/http/1) crate's type).
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The value, the status and the headers.
    pub fn into_parts(self) -> (T, u16, HeaderMap) {
        (self.inner, self.status, self.headers)
    }
}

impl<T> Deref for ResponseValue<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.inner
    }
}

/// Shows the value and status, and only the names of the headers (a `Set-Cookie` value may
/// carry a token).
impl<T: fmt::Debug> fmt::Debug for ResponseValue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.keys().map(|k| k.as_str()).collect();
        f.debug_struct("ResponseValue")
            .field("status", &self.status)
            .field("headers", &names)
            .field("inner", &self.inner)
            .finish()
    }
}

/// A response read in full (up to the configured cap), not yet decoded.
pub struct RawResponse {
    pub(crate) operation: &'static OperationInfo,
    pub(crate) status: u16,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Vec<u8>,
    /// What the call's attempts did.
    pub(crate) outcome: Outcome,
}

impl RawResponse {
    /// The status of the answer, as the server sent it.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Whether an earlier attempt, whose answer was lost, did what the call asked (see
    /// `OperationInfo::absent_after_retry`): the generated code then decodes the empty value
    /// of a success.
    pub fn done_by_earlier_attempt(&self) -> bool {
        self.outcome.done_by_earlier_attempt
    }

    /// Decodes a JSON body whose schema requires nothing: an empty body (a `204`, or a `200`
    /// without content) is decoded as `{}`.
    pub(crate) fn json_allow_empty<T: DeserializeOwned>(
        mut self,
    ) -> Result<ResponseValue<T>, Error> {
        if self.body.iter().all(u8::is_ascii_whitespace) || self.done_by_earlier_attempt() {
            self.body = b"{}".to_vec();
        }
        self.json()
    }

    /// Decodes a JSON body, naming the JSON path of any mismatch.
    pub(crate) fn json<T: DeserializeOwned>(self) -> Result<ResponseValue<T>, Error> {
        let mut deserializer = serde_json::Deserializer::from_slice(&self.body);
        let decoded = serde_path_to_error::deserialize::<_, T>(&mut deserializer)
            .map_err(|e| (json_path(e.path()), e.into_inner()))
            .and_then(|value| {
                deserializer
                    .end()
                    .map(|()| value)
                    .map_err(|e| (".".to_owned(), e))
            });
        match decoded {
            Ok(inner) => Ok(ResponseValue {
                inner,
                status: self.status,
                headers: self.headers,
                outcome: self.outcome,
            }),
            Err((path, e)) => {
                let kind = if e.is_syntax() || e.is_eof() {
                    DecodeKind::Malformed
                } else {
                    DecodeKind::Shape
                };
                let (message, excerpt) = if self.operation.secret_response {
                    // serde's message can quote the offending value: a secret, here.
                    (
                        "the body carries secrets and is not shown".to_owned(),
                        String::new(),
                    )
                } else {
                    (e.to_string(), excerpt(&self.body))
                };
                Err(Error::Decode {
                    operation: self.operation.id,
                    status: self.status,
                    kind,
                    path,
                    message,
                    excerpt,
                    outcome: self.outcome,
                })
            }
        }
    }

    /// A response whose body does not matter.
    pub fn empty(self) -> ResponseValue<()> {
        ResponseValue {
            inner: (),
            status: self.status,
            headers: self.headers,
            outcome: self.outcome,
        }
    }

    /// A non-JSON body, as bytes.
    pub fn bytes(self) -> ResponseValue<Vec<u8>> {
        ResponseValue {
            inner: self.body,
            status: self.status,
            headers: self.headers,
            outcome: self.outcome,
        }
    }

    /// Whether this `404` says that `subject` (`attachment`) is absent: a body without
    /// `errors[]`, or one whose every error names the subject in its code or title. A `404`
    /// about something else (an unknown app) does not.
    pub(crate) fn is_absent(&self, subject: &str) -> bool {
        let errors = api_errors(&self.body);
        let names = |text: &str| text.to_ascii_lowercase().contains(subject);
        errors.iter().all(|e| names(&e.code) || names(&e.title))
    }

    /// The error for a status that is not a success. `documented` is the response description
    /// the document gives this status, if any.
    pub fn error(self, documented: &'static str) -> Error {
        let errors = api_errors(&self.body);
        let retry_after = retry_after(&self.headers, SystemTime::now());
        let header = |name: &str| {
            self.headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        Error::Api(Box::new(ApiError {
            operation: self.operation.id,
            status: self.status,
            documented,
            hint: "",
            errors,
            retry_after,
            request_id: header("x-zendesk-request-id").or_else(|| header("x-request-id")),
            excerpt: if self.operation.secret_response {
                String::new()
            } else {
                excerpt(&self.body)
            },
            location: header("location").map(|l| redact_url(&l)),
            outcome: self.outcome,
        }))
    }
}

/// The API's `errors[]` in a body, or none when the body has another shape.
pub(crate) fn api_errors(body: &[u8]) -> Vec<ApiErrorDetail> {
    #[derive(serde::Deserialize)]
    struct Envelope {
        errors: Vec<ApiErrorDetail>,
    }
    serde_json::from_slice::<Envelope>(body)
        .map(|e| e.errors)
        .unwrap_or_default()
}

/// A JSON path as `.attachment.mediaUrl`, or `.` for the whole body.
fn json_path(path: &serde_path_to_error::Path) -> String {
    let text = path.to_string();
    if text.starts_with('.') {
        text
    } else {
        format!(".{text}")
    }
}

/// The start of a body as text, at most [`EXCERPT_LEN`] bytes, cut at a character boundary.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(EXCERPT_LEN)]);
    let mut text = text.trim_end_matches('\u{fffd}').trim().to_owned();
    // Each invalid byte became a 3-byte replacement character: cut again.
    if text.len() > EXCERPT_LEN {
        let mut cut = EXCERPT_LEN;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
    }
    text
}

/// `Retry-After` as a wait: delay-seconds or an HTTP date. Delay-seconds may carry a
/// fraction (`0.25`), as some servers and proxies send it. Anything else is ignored.
pub(crate) fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers.get("retry-after")?.to_str().ok()?.trim();
    if let Some(wait) = delay_seconds(value) {
        return Some(wait);
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

/// `DIGITS` or `DIGITS.DIGITS` as seconds (a fraction past nanoseconds is dropped); `None`
/// for anything else, signs and exponents included.
fn delay_seconds(value: &str) -> Option<Duration> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    let digits = |text: &str| text.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || value.ends_with('.') {
        return None;
    }
    let seconds = whole.parse::<u64>().ok()?;
    let nanos = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(9)
        .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    Some(Duration::new(seconds, nanos))
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    #[test]
    fn retry_after_forms() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers, now), None);
        headers.insert("retry-after", HeaderValue::from_static("7"));
        assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(7)));
        let later = httpdate::fmt_http_date(now + Duration::from_secs(30));
        headers.insert("retry-after", HeaderValue::from_str(&later).unwrap());
        assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(30)));
        headers.insert("retry-after", HeaderValue::from_static("soon-ish"));
        assert_eq!(retry_after(&headers, now), None);
        headers.insert("retry-after", HeaderValue::from_static("0.25"));
        assert_eq!(retry_after(&headers, now), Some(Duration::from_millis(250)));
        headers.insert("retry-after", HeaderValue::from_static("1.0000000019"));
        assert_eq!(retry_after(&headers, now), Some(Duration::new(1, 1)));
        for refused in ["-1", "1e3", "inf", "NaN", ".5", "5.", "1.2.3", "+1", ""] {
            headers.insert("retry-after", HeaderValue::from_static(refused));
            assert_eq!(retry_after(&headers, now), None, "{refused}");
        }
    }

    #[test]
    fn excerpts_are_bounded() {
        let body = "é".repeat(EXCERPT_LEN);
        let cut = excerpt(body.as_bytes());
        assert!(cut.len() <= EXCERPT_LEN);
        assert!(cut.chars().all(|c| c == 'é'));
        let binary = vec![0xffu8; 4 * EXCERPT_LEN];
        assert!(excerpt(&binary).len() <= EXCERPT_LEN);
    }
}
