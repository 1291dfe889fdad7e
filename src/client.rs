//! The client and its one request path: every generated operation ends in
//! [`Client::execute`], where authentication, retries, limits and logging live.

use std::fmt;
use std::io::Read as _;
use std::sync::Arc;
use std::time::{Instant, SystemTime};

use ureq::http::{self, HeaderValue, header};
use ureq::{Agent, SendBody};

use crate::auth::{Auth, Credentials, Secret};
use crate::builder::{ClientBuilder, Timeouts};
use crate::error::Error;
use crate::multipart::{self, SourceMismatch};
use crate::request::{Body, Request};
use crate::response::RawResponse;
use crate::retry::{self, RetryPolicy};

/// A blocking client for the Sunshine Conversations API.
///
/// Cheap to clone: clones share one connection pool. `Send + Sync`, so one client can serve
/// every thread of a program. Build it with [`Client::builder`] or [`Client::from_env`].
///
/// The generated operations (one method per operation of the OpenAPI document, e.g.
/// [`Client::upload_attachment`]) take every parameter the document defines; the helpers
/// ([`Client::upload`], [`Client::delete`], [`Client::media_tokens`],
/// [`Client::media_cookie`]) take the app id from the client and return plain values.
#[derive(Clone)]
pub struct Client {
    shared: Arc<Shared>,
    auth: Arc<Auth>,
}

/// Applies what the request path relies on to a ureq config builder, of an agent or of one
/// request (the same methods exist on both scopes): status codes are not errors, redirects are
/// not followed, and the client's timeouts hold.
macro_rules! relied_on {
    ($config:expr, $timeouts:expr) => {
        $config
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .timeout_connect(Some($timeouts.connect))
            .timeout_recv_response(Some($timeouts.response))
            .timeout_per_read(Some($timeouts.stall))
            .timeout_per_write(Some($timeouts.stall))
    };
}
pub(crate) use relied_on;

/// What every clone of a client shares.
#[derive(Clone)]
pub(crate) struct Shared {
    pub(crate) agent: Agent,
    /// Whether `agent` was configured by the builder; a caller's agent gets the settings this
    /// client relies on per request.
    pub(crate) own_agent: bool,
    pub(crate) base_url: String,
    pub(crate) user_agent: HeaderValue,
    pub(crate) app_id: Option<String>,
    pub(crate) timeouts: Timeouts,
    pub(crate) retry: RetryPolicy,
    pub(crate) max_upload_bytes: u64,
    pub(crate) max_response_bytes: u64,
    pub(crate) allow_transport_trace: bool,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.shared.base_url)
            .field("app_id", &self.shared.app_id)
            .field("auth", &self.auth)
            .field("timeouts", &self.shared.timeouts)
            .field("retry", &self.shared.retry)
            .finish_non_exhaustive()
    }
}

/// What went wrong in one attempt, before it becomes an [`Error`].
enum Failure {
    /// Found before sending.
    Input(Error),
    /// From the transport.
    Transport(ureq::Error),
}

impl Client {
    /// A builder with the defaults described on [`ClientBuilder`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from the `SUNCO_*` environment variables: see
    /// [`ClientBuilder::from_env`].
    pub fn from_env() -> Result<Client, Error> {
        ClientBuilder::from_env()?.build()
    }

    pub(crate) fn from_parts(shared: Arc<Shared>, auth: Arc<Auth>) -> Client {
        Client { shared, auth }
    }

    /// The base URL requests go to, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.shared.base_url
    }

    /// The app id the attachment helpers use, if one was configured.
    pub fn app_id(&self) -> Option<&str> {
        self.shared.app_id.as_deref()
    }

    /// A client sharing this one's connections and settings that works on another app.
    pub fn with_app_id(&self, app_id: impl Into<String>) -> Result<Client, Error> {
        let app_id = app_id.into();
        crate::builder::check_app_id(&app_id)?;
        let shared = Shared {
            app_id: Some(app_id),
            ..Shared::clone(&self.shared)
        };
        Ok(Client {
            shared: Arc::new(shared),
            auth: Arc::clone(&self.auth),
        })
    }

    /// A client sharing this one's connections and settings that authenticates with `token`
    /// as a bearer token (used to send a media token to the cookie endpoint).
    pub fn with_bearer_token(&self, token: impl Into<Secret>) -> Result<Client, Error> {
        let auth = Credentials::Bearer(token.into()).into_auth()?;
        Ok(Client {
            shared: Arc::clone(&self.shared),
            auth: Arc::new(auth),
        })
    }

    /// The configured app id, or the error that says how to set one.
    pub(crate) fn require_app_id(&self) -> Result<&str, Error> {
        self.app_id().ok_or_else(|| {
            Error::invalid(
                "app id",
                "none configured; call app_id on the builder or set SUNCO_APP_ID",
            )
        })
    }

    /// Sends a request built by a generated operation: the one request path. Validates what
    /// can be validated before anything is sent, then attempts the request, retrying as the
    /// [`RetryPolicy`] allows, and reads the response body (up to the configured cap).
    pub(crate) fn execute(&self, mut request: Request) -> Result<RawResponse, Error> {
        let operation = request.operation;
        let limit = self.shared.max_upload_bytes;
        let (replayable, upload) = match &request.body {
            Body::Multipart(parts) => {
                parts.validate(limit)?;
                (parts.is_replayable(), true)
            }
            _ => (true, false),
        };
        // A one-shot reader cannot be sent twice, whatever the reason to retry.
        let harmless = retry::repeat_is_harmless(operation);
        // A connection dropped during an upload is most likely the server refusing the body
        // (too large, not authorised) without reading it: sending it again would not help.
        let resend_after_drop = harmless && !upload;
        let url = request.url(&self.shared.base_url);
        let policy = self.shared.retry;
        let started = Instant::now();
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let attempt_started = Instant::now();
            let outcome = self.attempt(&url, &mut request);
            let elapsed = attempt_started.elapsed();
            let (retry_after, reason) = match &outcome {
                Ok(response) => {
                    log::debug!(
                        "{} {} -> {} in {:.1?} (attempt {attempt}, {})",
                        operation.method.as_str(),
                        request.path,
                        response.status,
                        elapsed,
                        operation.id
                    );
                    match response.status {
                        429 => (
                            crate::response::retry_after(&response.headers, SystemTime::now()),
                            Some("rate limited (429)"),
                        ),
                        502..=504 if harmless => (None, Some("server error")),
                        _ => (None, None),
                    }
                }
                Err(Failure::Transport(e)) => {
                    log::debug!(
                        "{} {} failed in {:.1?} (attempt {attempt}, {}): {e}",
                        operation.method.as_str(),
                        request.path,
                        elapsed,
                        operation.id
                    );
                    let again = retry::nothing_was_sent(e)
                        || (resend_after_drop && retry::connection_dropped(e));
                    (None, again.then_some("connection failure"))
                }
                Err(Failure::Input(_)) => (None, None),
            };
            if let Some(reason) = reason.filter(|_| replayable) {
                let wait = policy.wait(attempt, retry_after);
                let fits = started
                    .elapsed()
                    .checked_add(wait)
                    .is_some_and(|end| end <= policy.budget());
                if attempt < policy.max_attempts() && fits {
                    log::debug!(
                        "retrying {} in {:.1?} after {reason} (attempt {attempt} of {})",
                        operation.id,
                        wait,
                        policy.max_attempts()
                    );
                    std::thread::sleep(wait);
                    continue;
                }
            }
            return match outcome {
                Ok(mut response) => {
                    response.attempts = attempt;
                    Ok(response)
                }
                Err(Failure::Input(e)) => Err(e),
                Err(Failure::Transport(e)) => Err(transport_error(operation.id, attempt, e)),
            };
        }
    }

    /// One attempt: send, then read the whole response body.
    fn attempt(&self, url: &str, request: &mut Request) -> Result<RawResponse, Failure> {
        let shared = &*self.shared;
        let operation = request.operation;
        let _quiet = crate::quiet::QuietTransport::enter(!shared.allow_transport_trace);
        let auth = self.auth.header().map_err(Failure::Input)?;
        let mut builder = http::Request::builder()
            .method(operation.method.as_str())
            .uri(url)
            .header(header::AUTHORIZATION, auth)
            .header(header::USER_AGENT, shared.user_agent.clone())
            .header(header::ACCEPT, HeaderValue::from_static("application/json"));

        let sent = match &mut request.body {
            Body::None => self.send(builder, ()),
            Body::Json(bytes) => {
                builder = builder.header(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                );
                self.send(builder, bytes.as_slice())
            }
            Body::Multipart(parts) => {
                let mut body = parts
                    .body(&multipart::boundary(), shared.max_upload_bytes)
                    .map_err(Failure::Input)?;
                builder = builder.header(header::CONTENT_TYPE, body.content_type.as_str());
                if let Some(len) = body.len {
                    builder = builder.header(header::CONTENT_LENGTH, len);
                }
                self.send(builder, SendBody::from_reader(&mut body))
            }
        };
        let response = sent.map_err(|e| match source_mismatch(e) {
            Ok(mismatch) => Failure::Input(Error::Source {
                reason: mismatch.reason,
                source: mismatch.source,
            }),
            Err(e) => Failure::Transport(e),
        })?;

        let (parts, mut body) = response.into_parts();
        let status = parts.status.as_u16();
        let cap = shared.max_response_bytes;
        let bytes = if parts.status.is_success() {
            body.with_config()
                .limit(cap)
                .read_to_vec()
                .map_err(|e| match e {
                    ureq::Error::BodyExceedsLimit(_) => Failure::Input(Error::Decode {
                        operation: operation.id,
                        status,
                        path: ".".to_owned(),
                        message: format!("the response body is larger than the {cap}-byte cap"),
                        excerpt: String::new(),
                    }),
                    other => Failure::Transport(other),
                })?
        } else {
            // An error body only feeds the error's details: read up to the cap, drop the rest,
            // and keep the status whatever the size.
            let mut bytes = Vec::new();
            if let Err(e) = body.as_reader().take(cap).read_to_end(&mut bytes) {
                log::debug!("{}: reading the {status} body failed: {e}", operation.id);
            }
            bytes
        };
        Ok(RawResponse {
            operation,
            status,
            headers: parts.headers,
            body: bytes,
            attempts: 1,
        })
    }

    /// Sends the request with `body`. The client's own agent is configured already; a
    /// caller's agent gets the settings the request path relies on for this request.
    fn send<B: ureq::AsSendBody>(
        &self,
        builder: http::request::Builder,
        body: B,
    ) -> Result<http::Response<ureq::Body>, ureq::Error> {
        let shared = &*self.shared;
        let request = builder.body(body)?;
        if shared.own_agent {
            return shared.agent.run(request);
        }
        let request = relied_on!(shared.agent.configure_request(request), shared.timeouts).build();
        shared.agent.run(request)
    }
}

/// The upload source's own failure, if that is what this transport error is. ureq hands the
/// reader's `io::Error` back as `Error::Io` (without exposing it as `source()`).
fn source_mismatch(error: ureq::Error) -> Result<SourceMismatch, ureq::Error> {
    match error {
        ureq::Error::Io(io) if io.get_ref().is_some_and(|i| i.is::<SourceMismatch>()) => {
            let kind = io.kind();
            match io
                .into_inner()
                .map(|inner| inner.downcast::<SourceMismatch>())
            {
                Some(Ok(mismatch)) => Ok(*mismatch),
                Some(Err(other)) => Err(ureq::Error::Io(std::io::Error::new(kind, other))),
                None => Err(ureq::Error::Io(kind.into())),
            }
        }
        other => Err(other),
    }
}

fn transport_error(operation: &'static str, attempts: u32, source: ureq::Error) -> Error {
    match source {
        ureq::Error::Timeout(_) => Error::Timeout {
            operation,
            attempts,
            source,
        },
        source => Error::Transport {
            operation,
            attempts,
            source,
        },
    }
}
