//! Credentials: HTTP Basic with an API key, a bearer token, or JWTs signed locally from an API
//! key. Nothing here implements `Debug` or `Display` in a way that shows a secret.

use std::fmt;
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ureq::http::HeaderValue;

use crate::error::Error;

/// The scope claim of a locally signed JWT: which API key type signed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum JwtScope {
    /// An app-scoped key: access to one app.
    App,
    /// An account-scoped key: access to every app of the account.
    Account,
    /// An integration-scoped key.
    Integration,
}

impl JwtScope {
    /// The claim value: `app`, `account` or `integration`.
    pub fn as_str(self) -> &'static str {
        match self {
            JwtScope::App => "app",
            JwtScope::Account => "account",
            JwtScope::Integration => "integration",
        }
    }
}

/// A string that must not be shown — a key secret, a token, a cookie: `Debug` prints
/// `"[redacted]"`, there is no `Display`, and [`Secret::expose`] is the one way to read it.
/// It serialises as the plain string, for callers who choose to write it out.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself; the name is a reminder that it leaves the wrapper here.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"[redacted]\"")
    }
}

impl serde::Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}

/// Credentials as configured on the builder, before validation.
pub(crate) enum Credentials {
    Basic {
        key_id: String,
        secret: Secret,
    },
    Bearer(Secret),
    Jwt {
        key_id: String,
        secret: Secret,
        scope: JwtScope,
        lifetime: Option<Duration>,
    },
}

/// Credentials ready to use: the `Authorization` header value, or how to make it.
pub(crate) enum Auth {
    Static(HeaderValue),
    Jwt(Box<JwtSigner>),
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Auth::Static(_) => f.write_str("Auth([redacted])"),
            Auth::Jwt(signer) => f
                .debug_struct("JwtAuth")
                .field("key_id", &signer.key_id)
                .field("scope", &signer.scope)
                .field("lifetime", &signer.lifetime)
                .finish_non_exhaustive(),
        }
    }
}

fn check_key_id(key_id: &str) -> Result<(), Error> {
    if key_id.is_empty() {
        return Err(Error::invalid("key id", "must not be empty"));
    }
    if key_id
        .chars()
        .any(|c| c.is_control() || c == ':' || c.is_whitespace())
    {
        return Err(Error::invalid(
            "key id",
            "must not contain control characters, whitespace or `:`",
        ));
    }
    Ok(())
}

fn check_secret(what: &str, secret: &Secret) -> Result<(), Error> {
    if secret.expose().is_empty() {
        return Err(Error::invalid(what, "must not be empty"));
    }
    if secret.expose().chars().any(char::is_control) {
        return Err(Error::invalid(
            what,
            "contains a control character (CR, LF, NUL, ...); the value is not shown",
        ));
    }
    Ok(())
}

fn sensitive(value: &str) -> Result<HeaderValue, Error> {
    let mut header = HeaderValue::from_str(value).map_err(|_| {
        Error::invalid(
            "credentials",
            "not valid in an HTTP header (use printable ASCII); the value is not shown",
        )
    })?;
    header.set_sensitive(true);
    Ok(header)
}

impl Credentials {
    /// Validates the credentials and prepares the header (or signer).
    pub(crate) fn into_auth(self) -> Result<Auth, Error> {
        match self {
            Credentials::Basic { key_id, secret } => {
                check_key_id(&key_id)?;
                check_secret("key secret", &secret)?;
                let encoded = STANDARD.encode(format!("{key_id}:{}", secret.expose()));
                Ok(Auth::Static(sensitive(&format!("Basic {encoded}"))?))
            }
            Credentials::Bearer(token) => {
                check_secret("bearer token", &token)?;
                Ok(Auth::Static(sensitive(&format!(
                    "Bearer {}",
                    token.expose()
                ))?))
            }
            Credentials::Jwt {
                key_id,
                secret,
                scope,
                lifetime,
            } => {
                check_key_id(&key_id)?;
                check_secret("key secret", &secret)?;
                let signer = JwtSigner {
                    key: ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret.expose().as_bytes()),
                    key_id,
                    scope,
                    lifetime,
                    cached: Mutex::new(None),
                };
                // Sign once now, so a bad key id fails at build time, not at the first call.
                signer.header()?;
                Ok(Auth::Jwt(Box::new(signer)))
            }
        }
    }
}

impl Auth {
    /// The `Authorization` header value for the next request.
    pub(crate) fn header(&self) -> Result<HeaderValue, Error> {
        match self {
            Auth::Static(header) => Ok(header.clone()),
            Auth::Jwt(signer) => signer.header(),
        }
    }
}

/// Signs HS256 JWTs for an API key: header `{"alg":"HS256","typ":"JWT","kid":<key id>}`, claim
/// `scope`, and with a lifetime also `iat` and `exp`. A token with a lifetime is re-signed once
/// less than a tenth of its lifetime (at most a minute) remains.
pub(crate) struct JwtSigner {
    key_id: String,
    key: ring::hmac::Key,
    scope: JwtScope,
    lifetime: Option<Duration>,
    cached: Mutex<Option<(HeaderValue, Option<u64>)>>,
}

impl JwtSigner {
    fn header(&self) -> Result<HeaderValue, Error> {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let mut cached = self.cached.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((header, expires)) = cached.as_ref() {
            let fresh = match (expires, self.lifetime) {
                (None, _) => true,
                (Some(exp), Some(lifetime)) => {
                    let margin = (lifetime.as_secs() / 10).clamp(1, 60);
                    now.saturating_add(margin) < *exp
                }
                (Some(_), None) => false,
            };
            if fresh {
                return Ok(header.clone());
            }
        }
        let (token, expires) = self.sign(now)?;
        let header = sensitive(&format!("Bearer {token}"))?;
        *cached = Some((header.clone(), expires));
        Ok(header)
    }

    fn sign(&self, now: u64) -> Result<(String, Option<u64>), Error> {
        let header = serde_json::json!({"alg": "HS256", "typ": "JWT", "kid": self.key_id});
        let mut claims = serde_json::json!({"scope": self.scope.as_str()});
        let expires = self
            .lifetime
            .map(|l| now.saturating_add(l.as_secs().max(1)));
        if let Some(exp) = expires {
            claims["iat"] = now.into();
            claims["exp"] = exp.into();
        }
        let encode = |value: &serde_json::Value| {
            serde_json::to_vec(value)
                .map(|bytes| URL_SAFE_NO_PAD.encode(bytes))
                .map_err(|e| Error::invalid("jwt", e.to_string()))
        };
        let signing_input = format!("{}.{}", encode(&header)?, encode(&claims)?);
        let signature = ring::hmac::sign(&self.key, signing_input.as_bytes());
        Ok((
            format!(
                "{signing_input}.{}",
                URL_SAFE_NO_PAD.encode(signature.as_ref())
            ),
            expires,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_secrets() {
        let secret = Secret::new("hunter2");
        assert_eq!(format!("{secret:?}"), "\"[redacted]\"");
        let auth = Credentials::Basic {
            key_id: "app_1".into(),
            secret,
        }
        .into_auth()
        .unwrap();
        let shown = format!("{auth:?}");
        assert!(
            !shown.contains("hunter2") && !shown.contains("YXBw"),
            "{shown}"
        );
    }

    #[test]
    fn control_characters_are_refused_without_echo() {
        let err = Credentials::Basic {
            key_id: "id".into(),
            secret: Secret::new("top\r\nsecret"),
        }
        .into_auth()
        .unwrap_err();
        assert!(!err.to_string().contains("top"), "{err}");
        assert!(
            Credentials::Basic {
                key_id: "a\nb".into(),
                secret: Secret::new("s"),
            }
            .into_auth()
            .is_err()
        );
    }

    #[test]
    fn jwt_with_lifetime_is_resigned_when_stale() {
        let signer = JwtSigner {
            key_id: "k".into(),
            key: ring::hmac::Key::new(ring::hmac::HMAC_SHA256, b"s"),
            scope: JwtScope::App,
            lifetime: Some(Duration::from_secs(100)),
            cached: Mutex::new(None),
        };
        let first = signer.header().unwrap();
        assert_eq!(signer.header().unwrap(), first, "fresh token is reused");
        // Pretend the cached token expires now: the next call signs a new one.
        if let Some((_, exp)) = signer.cached.lock().unwrap().as_mut() {
            *exp = Some(0);
        }
        let (token, _) = signer.sign(0).unwrap();
        assert!(token.split('.').count() == 3);
        signer.header().unwrap();
        let cached_exp = signer.cached.lock().unwrap().as_ref().and_then(|c| c.1);
        assert!(cached_exp.is_some_and(|exp| exp > 0));
    }
}
