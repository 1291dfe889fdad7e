//! Receiving webhook calls: the check of the shared secret, parsing bounded in size that
//! refuses a payload of another webhook version, remembering the events seen, and the typed
//! payload generated from the document's `x-webhooks` (`parse`, `Event`: cargo feature
//! `webhooks`, part of `full-api`, in a build from a document that has `x-webhooks`). Without
//! the feature, [`events_json`] gives the events as JSON.
//!
//! How the service delivers (the document's Webhooks section): the webhook's secret arrives as
//! the `X-API-Key` header; a call is retried up to 5 times over 15 minutes unless the target
//! answers `2xx` or a non-recoverable `400`, `401`, `403`, `404` or `406`; no answer within 20
//! seconds counts as a failure and is retried, so the same event can arrive twice (its `id`
//! tells). So: check the key ([`verify_api_key`]), parse (`parse`), answer at once, and do
//! slow work (downloads) afterwards, skipping event ids already seen.
//!
//! ```
//! # #[cfg(feature = "webhooks")] {
//! use sunshine_conversations_client::Secret;
//! use sunshine_conversations_client::webhooks::{self, Event};
//!
//! let secret = Secret::new("the webhook's secret");
//! let body = br#"{"events": [{"id": "1", "type": "conversation:message", "payload": {}}]}"#;
//! // In a server: the `X-API-Key` header of the request, and its body.
//! webhooks::verify_api_key(Some("the webhook's secret"), &secret).expect("the right key");
//! let payload = webhooks::parse(body, webhooks::DEFAULT_MAX_BODY_BYTES).expect("a payload");
//! for event in &payload.events {
//!     println!("{} {:?}", event.event_type(), event.schema());
//! }
//! # }
//! ```

use std::fmt;

use crate::client::auth::Secret;

#[cfg(sunco_webhooks)]
#[cfg_attr(docsrs, doc(cfg(feature = "webhooks")))]
pub use crate::generated::webhooks::{EVENT_TYPES, Event, WebhookPayload};

/// The header the service sends the webhook's secret in.
pub const API_KEY_HEADER: &str = "X-API-Key";

/// The largest body `parse` accepts by default: 1 MiB, far above any documented payload.
pub const DEFAULT_MAX_BODY_BYTES: usize = 1024 * 1024;

/// Why a webhook call is refused; [`WebhookError::status`] is the status to answer with.
/// Never shows the secret or the key that was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WebhookError {
    /// No `X-API-Key` header.
    MissingKey,
    /// An `X-API-Key` header that is not the webhook's secret.
    WrongKey,
    /// A body over the size limit.
    TooLarge {
        /// The body's size, or a lower bound of it.
        len: usize,
        /// The limit.
        limit: usize,
    },
    /// A body that is not a JSON payload of the documented shape.
    Malformed {
        /// What the JSON parser said (line and column included).
        message: String,
    },
    /// A payload of another webhook version than `v2`, the one this crate reads: `v1` and
    /// `v1.1` payloads (`trigger`, `messages`, `appUser`) carry no `events`, and reading one
    /// as `v2` would drop what it says. The webhook's version is set in the app's settings
    /// (or with the API's `updateWebhook`).
    UnsupportedVersion {
        /// The payload's `version`, when it has one.
        version: Option<String>,
    },
}

impl WebhookError {
    /// The status to answer the service with: `401` for a missing or wrong key, `413` for a
    /// body over the limit, `400` for a malformed one. The service does not retry these.
    pub fn status(&self) -> u16 {
        match self {
            WebhookError::MissingKey | WebhookError::WrongKey => 401,
            WebhookError::TooLarge { .. } => 413,
            WebhookError::Malformed { .. } | WebhookError::UnsupportedVersion { .. } => 400,
        }
    }
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WebhookError::MissingKey => write!(f, "the {API_KEY_HEADER} header is missing"),
            WebhookError::WrongKey => {
                write!(f, "the {API_KEY_HEADER} header is not the webhook's secret")
            }
            WebhookError::TooLarge { len, limit } => write!(
                f,
                "the body ({len} bytes or more) is over the limit of {limit} bytes"
            ),
            WebhookError::Malformed { message } => write!(
                f,
                "the body is not a webhook payload: {}",
                crate::safe_text::printable(message)
            ),
            WebhookError::UnsupportedVersion { version } => {
                match version {
                    Some(version) => write!(
                        f,
                        "the payload is of webhook version {}, which this client cannot read",
                        crate::safe_text::printable(version)
                    )?,
                    None => f.write_str("the payload has no `events`: it is not a v2 payload")?,
                }
                f.write_str(
                    "; set the webhook's version to v2 in the app's settings, so that its calls \
                     carry `events`",
                )
            }
        }
    }
}

impl std::error::Error for WebhookError {}

/// Checks the `X-API-Key` header of a webhook call (`None` when absent) against the webhook's
/// secret, in constant time: both are hashed (SHA-256) and the digests compared without an
/// early exit, so neither the time taken nor an error tells how much of a key was right.
pub fn verify_api_key(header: Option<&str>, secret: &Secret) -> Result<(), WebhookError> {
    let Some(sent) = header else {
        return Err(WebhookError::MissingKey);
    };
    let digest = |text: &str| ring::digest::digest(&ring::digest::SHA256, text.as_bytes());
    let (sent, wanted) = (digest(sent.trim()), digest(secret.expose()));
    let difference = sent
        .as_ref()
        .iter()
        .zip(wanted.as_ref())
        .fold(0u8, |acc, (a, b)| acc | (a ^ b));
    if difference == 0 {
        Ok(())
    } else {
        Err(WebhookError::WrongKey)
    }
}

/// Parses a webhook call's body: at most `max_bytes` (see [`DEFAULT_MAX_BODY_BYTES`]), JSON
/// nested at most 128 deep (serde_json's limit), never a panic. Events of types the document
/// does not know are kept as [`Event::Unknown`]. A payload of another webhook version (`v1`,
/// `v1.1`), or any without `events`, is refused ([`WebhookError::UnsupportedVersion`]) rather
/// than read as a payload of no event.
#[cfg(sunco_webhooks)]
#[cfg_attr(docsrs, doc(cfg(feature = "webhooks")))]
pub fn parse(body: &[u8], max_bytes: usize) -> Result<WebhookPayload, WebhookError> {
    bounded_object(body, max_bytes)?;
    let payload: WebhookPayload = serde_json::from_slice(body).map_err(malformed)?;
    if payload.events.is_empty() {
        // `events` defaults to none: tell an empty list from a payload that has no such field.
        #[derive(serde::Deserialize)]
        struct Shape {
            events: Option<serde::de::IgnoredAny>,
            version: Option<serde_json::Value>,
        }
        let shape: Shape = serde_json::from_slice(body).map_err(malformed)?;
        if shape.events.is_none() {
            return Err(unsupported(shape.version));
        }
    }
    Ok(payload)
}

/// The events of a webhook call's body as JSON, for a receiver that reads a few of their
/// fields (`type`, `id`, a message's `content`) without the typed payload of the `webhooks`
/// feature. Refuses what `parse` refuses: a body over `max_bytes`, one that is not a JSON
/// object, and a payload of another webhook version or without `events`.
///
/// ```
/// use sunshine_conversations_client::webhooks;
///
/// let body = br#"{"events": [{"id": "1", "type": "conversation:message", "payload": {}}]}"#;
/// let events = webhooks::events_json(body, webhooks::DEFAULT_MAX_BODY_BYTES).unwrap();
/// assert_eq!(events[0]["type"], "conversation:message");
/// let v1 = br#"{"trigger": "message:appUser", "messages": [], "version": "v1.1"}"#;
/// assert!(webhooks::events_json(v1, 1024).is_err());
/// ```
pub fn events_json(body: &[u8], max_bytes: usize) -> Result<Vec<serde_json::Value>, WebhookError> {
    bounded_object(body, max_bytes)?;
    let mut payload: serde_json::Value = serde_json::from_slice(body).map_err(malformed)?;
    match payload.get_mut("events").map(serde_json::Value::take) {
        Some(serde_json::Value::Array(events)) => Ok(events),
        Some(_) => Err(WebhookError::Malformed {
            message: "`events` is not a list".to_owned(),
        }),
        None => Err(unsupported(payload.get("version").cloned())),
    }
}

/// A body within `max_bytes` that is a JSON object (serde would also take a JSON array for a
/// struct's fields).
fn bounded_object(body: &[u8], max_bytes: usize) -> Result<(), WebhookError> {
    if body.len() > max_bytes {
        return Err(WebhookError::TooLarge {
            len: body.len(),
            limit: max_bytes,
        });
    }
    if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(WebhookError::Malformed {
            message: "the body is not a JSON object".to_owned(),
        });
    }
    Ok(())
}

fn malformed(error: serde_json::Error) -> WebhookError {
    WebhookError::Malformed {
        message: error.to_string(),
    }
}

/// The refusal of a payload without `events`, naming its `version` when it has one.
fn unsupported(version: Option<serde_json::Value>) -> WebhookError {
    WebhookError::UnsupportedVersion {
        version: version.map(|v| match v {
            serde_json::Value::String(text) => text,
            other => other.to_string(),
        }),
    }
}

/// The event ids a receiver has processed, to skip redeliveries: the service redelivers an
/// event whose answer came late, so the same id can arrive twice.
///
/// Memory is bounded whatever the ids are: each id is kept as a 16-byte digest (the start of
/// its SHA-256), never as the id itself, and only the last `capacity` ids are remembered
/// (the oldest is forgotten first). That is at most about 64 bytes per id remembered: 100,000
/// ids (what `sunco receive` remembers) take about 6 MiB, however long they are.
///
/// ```
/// use sunshine_conversations_client::webhooks::SeenEvents;
///
/// let mut seen = SeenEvents::new(2);
/// assert!(seen.first_time("a"));
/// assert!(!seen.first_time("a"));
/// assert!(seen.first_time("b") && seen.first_time("c"));
/// assert!(seen.first_time("a"), "forgotten: only the last two are remembered");
/// ```
#[derive(Debug, Clone)]
pub struct SeenEvents {
    digests: std::collections::HashSet<IdDigest>,
    order: std::collections::VecDeque<IdDigest>,
    capacity: usize,
}

/// The start of an id's SHA-256.
type IdDigest = [u8; 16];

fn id_digest(id: &str) -> IdDigest {
    let digest = ring::digest::digest(&ring::digest::SHA256, id.as_bytes());
    let mut start = [0u8; 16];
    start.copy_from_slice(&digest.as_ref()[..16]);
    start
}

impl SeenEvents {
    /// Remembers the last `capacity` ids (at least one).
    pub fn new(capacity: usize) -> Self {
        SeenEvents {
            digests: Default::default(),
            order: Default::default(),
            capacity: capacity.max(1),
        }
    }

    /// Whether `id` is new; it is remembered from now on.
    pub fn first_time(&mut self, id: &str) -> bool {
        let digest = id_digest(id);
        if !self.digests.insert(digest) {
            return false;
        }
        self.order.push_back(digest);
        if self.order.len() > self.capacity
            && let Some(oldest) = self.order.pop_front()
        {
            self.digests.remove(&oldest);
        }
        true
    }

    /// How many ids are remembered.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether no id is remembered.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

/// An event of a type the document does not describe (the service adds events before a
/// document is regenerated), or one that does not decode as documented: its type, id, creation
/// time and raw JSON stay reachable.
#[cfg(sunco_webhooks)]
#[cfg_attr(docsrs, doc(cfg(feature = "webhooks")))]
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownEvent {
    event_type: String,
    raw: serde_json::Value,
    decode_error: Option<String>,
}

#[cfg(sunco_webhooks)]
impl UnknownEvent {
    /// An event of a type the document does not describe.
    pub(crate) fn unknown(raw: serde_json::Value) -> Self {
        UnknownEvent {
            event_type: field(&raw, "type").unwrap_or_default().to_owned(),
            raw,
            decode_error: None,
        }
    }

    /// A documented event that does not decode as documented.
    pub(crate) fn undecoded(raw: serde_json::Value, error: serde_json::Error) -> Self {
        UnknownEvent {
            decode_error: Some(error.to_string()),
            ..UnknownEvent::unknown(raw)
        }
    }

    /// The event's `type` (empty when it has none).
    pub fn event_type(&self) -> &str {
        &self.event_type
    }

    /// The event's `id`, which tells a redelivered event.
    pub fn id(&self) -> Option<&str> {
        field(&self.raw, "id")
    }

    /// The event's `createdAt`.
    pub fn created_at(&self) -> Option<&str> {
        field(&self.raw, "createdAt")
    }

    /// The event as it arrived.
    pub fn raw(&self) -> &serde_json::Value {
        &self.raw
    }

    /// Why a documented event did not decode as documented; `None` for an unknown type.
    pub fn decode_error(&self) -> Option<&str> {
        self.decode_error.as_deref()
    }
}

#[cfg(sunco_webhooks)]
fn field<'a>(value: &'a serde_json::Value, name: &str) -> Option<&'a str> {
    value.get(name).and_then(serde_json::Value::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_check_tells_missing_from_wrong_and_shows_neither() {
        let secret = Secret::new("s3cret-webhook-key");
        assert_eq!(verify_api_key(Some("s3cret-webhook-key"), &secret), Ok(()));
        assert_eq!(verify_api_key(None, &secret), Err(WebhookError::MissingKey));
        let wrong = verify_api_key(Some("s3cret-webhook-kez"), &secret).unwrap_err();
        assert_eq!(wrong, WebhookError::WrongKey);
        assert_eq!(wrong.status(), 401);
        let shown = format!("{wrong} {wrong:?}");
        assert!(
            !shown.contains("s3cret") && !shown.contains("kez"),
            "{shown}"
        );
        assert_eq!(
            verify_api_key(Some(""), &secret),
            Err(WebhookError::WrongKey)
        );
    }

    #[test]
    fn seen_ids_are_bounded_whatever_their_length() {
        let mut seen = SeenEvents::new(1000);
        let long = "x".repeat(512 * 1024);
        assert!(seen.first_time(&long));
        assert!(!seen.first_time(&long));
        for n in 0..5000 {
            assert!(seen.first_time(&format!("{long}{n}")));
        }
        assert_eq!(seen.len(), 1000);
        assert_eq!(seen.digests.len(), 1000);
        // What is kept is the digest: 16 bytes per id, not the id.
        assert_eq!(std::mem::size_of::<IdDigest>(), 16);
        assert!(
            !seen.first_time(&format!("{long}4999")),
            "the newest is remembered"
        );
        assert!(seen.first_time(&long), "the oldest was forgotten");
        assert!(SeenEvents::new(0).first_time("a"));
    }

    #[cfg(sunco_webhooks)]
    #[test]
    fn unknown_events_keep_what_they_carry() {
        let event = UnknownEvent::unknown(serde_json::json!({
            "id": "e1", "type": "future:thing", "createdAt": "2030-01-01T00:00:00.000Z", "x": 1
        }));
        assert_eq!(event.event_type(), "future:thing");
        assert_eq!(event.id(), Some("e1"));
        assert_eq!(event.created_at(), Some("2030-01-01T00:00:00.000Z"));
        assert_eq!(event.raw()["x"], 1);
        assert_eq!(event.decode_error(), None);
    }
}
