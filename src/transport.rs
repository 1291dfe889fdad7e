//! The one request path: every generated operation ends in [`Transport::execute`], where
//! authentication, limits and logging live. One attempt sends the request through ureq and
//! reads the whole response body (up to the cap); the call's deadline and its retries, as the
//! [`RetryPolicy`](crate::RetryPolicy) and the operation's facts allow, are a
//! [`Call`](crate::call::Call)'s.

use std::io::Read as _;
use std::time::{Duration, Instant, SystemTime};

use ureq::http::{self, HeaderValue, header};
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};
use ureq::{Agent, SendBody};

use crate::auth::Auth;
use crate::call::Call;
use crate::config::Config;
use crate::error::{DecodeKind, Error};
use crate::log_guard::LogGuard;
use crate::multipart::{self, SourceMismatch};
use crate::request::{Body, Request};
use crate::response::RawResponse;
use crate::retry::Verdict;

/// The HTTP agent. Every request gets the settings the request path relies on, so a caller's
/// agent works as the client's own does.
pub(crate) struct Transport {
    agent: Agent,
}

/// What went wrong in one attempt, before it becomes an [`Error`].
enum Failure {
    /// Found before sending, or in the answer.
    Input(Error),
    /// From the transport.
    Transport(ureq::Error),
}

impl Transport {
    /// The client's own agent: the TLS of the crate features with `extra_roots` trusted too,
    /// and `proxy`. What the request path relies on (no redirects, status codes as values,
    /// the timeouts) is set on every request, as for a caller's agent.
    pub(crate) fn own(
        proxy: Option<ureq::Proxy>,
        extra_roots: Vec<ureq::tls::Certificate<'static>>,
    ) -> Transport {
        let settings = Agent::config_builder()
            .tls_config(crate::tls::config(extra_roots))
            .proxy(proxy)
            .build();
        let agent = Agent::with_parts(
            settings,
            DefaultConnector::default(),
            SystemResolver::default(),
        );
        Transport { agent }
    }

    /// A caller's agent: its connection pool, TLS and proxy are used as they are; the settings
    /// the request path relies on are applied to every request.
    #[cfg(feature = "unstable-ureq")]
    pub(crate) fn caller(agent: Agent) -> Transport {
        Transport { agent }
    }

    /// Whether requests go through a proxy whose URL has a user name, which ureq's debug lines
    /// show the first letter of (see `log_guard.rs`).
    pub(crate) fn proxy_user(&self) -> bool {
        self.agent
            .config()
            .proxy()
            .is_some_and(|proxy| proxy.username().is_some())
    }

    /// Sends a request built by a generated operation. Validates what can be validated before
    /// anything is sent, then attempts the request, retrying as the policy and the operation's
    /// facts allow, within the call's deadline.
    pub(crate) fn execute(
        &self,
        config: &Config,
        auth: &Auth,
        mut request: Request,
    ) -> Result<RawResponse, Error> {
        let operation = request.operation;
        let (replayable, upload) = match &request.body {
            Body::Multipart(parts) => {
                parts.validate(config.max_upload_bytes)?;
                (parts.is_replayable(), true)
            }
            _ => (true, false),
        };
        let url = request.url(&config.base_url);
        let deadline = if upload {
            config.timeouts.upload
        } else {
            Some(config.timeouts.call)
        };
        let mut call = Call::new(operation, config.retry, deadline, replayable);
        loop {
            let remaining = call.begin()?;
            let attempt_started = Instant::now();
            let mut outcome = self.attempt(config, auth, &url, &mut request, remaining);
            let elapsed = attempt_started.elapsed();
            let attempt = call.attempts();
            let verdict = match &mut outcome {
                Ok(response) => {
                    log::debug!(
                        "{} {} -> {} in {:.1?} (attempt {attempt}, {})",
                        operation.method.as_str(),
                        request.path,
                        response.status,
                        elapsed,
                        operation.id
                    );
                    if response.status == 404
                        && call.maybe_processed()
                        && operation
                            .absent_after_retry
                            .is_some_and(|subject| response.is_absent(subject))
                    {
                        log::debug!(
                            "{}: attempt {attempt} found nothing left to do: an earlier attempt \
                             whose answer was lost did it",
                            operation.id
                        );
                        response.done_by_earlier_attempt = true;
                        Verdict::Done
                    } else {
                        let asked =
                            crate::response::retry_after(&response.headers, SystemTime::now());
                        call.after_status(response.status, asked)
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
                    call.after_transport(e)
                }
                Err(Failure::Input(_)) => Verdict::Done,
            };
            if let Some(wait) = call.retry(verdict) {
                std::thread::sleep(wait);
                continue;
            }
            return match outcome {
                Ok(mut response) => {
                    response.attempts = attempt;
                    response.maybe_processed_before = call.maybe_processed();
                    Ok(response)
                }
                Err(Failure::Input(e)) => Err(e),
                Err(Failure::Transport(e)) => Err(call.failed(e)),
            };
        }
    }

    /// One attempt: send, then read the whole response body. `remaining` is what is left of the
    /// call's deadline.
    fn attempt(
        &self,
        config: &Config,
        auth: &Auth,
        url: &str,
        request: &mut Request,
        remaining: Option<Duration>,
    ) -> Result<RawResponse, Failure> {
        let operation = request.operation;
        let _guard = LogGuard::enter(config.transport_trace, self.proxy_user());
        let auth = auth.header().map_err(Failure::Input)?;
        let mut builder = http::Request::builder()
            .method(operation.method.as_str())
            .uri(url)
            .header(header::AUTHORIZATION, auth)
            .header(header::USER_AGENT, config.user_agent.clone())
            .header(header::ACCEPT, accept(operation.accept));

        // Every attempt is bounded by what is left of the call's deadline; reading an upload's
        // answer, by a call's own timeout (the upload's deadline may be long or none).
        let per_request = PerRequest {
            global: remaining,
            recv_body: matches!(request.body, Body::Multipart(_)).then_some(config.timeouts.call),
        };
        let sent = match &mut request.body {
            Body::None => self.send(config, builder, (), per_request),
            Body::Json(bytes) => {
                builder = builder.header(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                );
                self.send(config, builder, bytes.as_slice(), per_request)
            }
            Body::Multipart(parts) => {
                let mut body = parts
                    .body(&multipart::boundary(), config.max_upload_bytes)
                    .map_err(Failure::Input)?;
                builder = builder.header(header::CONTENT_TYPE, body.content_type.as_str());
                if let Some(len) = body.len {
                    builder = builder.header(header::CONTENT_LENGTH, len);
                }
                self.send(
                    config,
                    builder,
                    SendBody::from_reader(&mut body),
                    per_request,
                )
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
        let cap = config.max_response_bytes;
        let bytes = if parts.status.is_success() {
            body.with_config()
                .limit(cap)
                .read_to_vec()
                .map_err(|e| match e {
                    ureq::Error::BodyExceedsLimit(_) => Failure::Input(Error::Decode {
                        operation: operation.id,
                        status,
                        kind: DecodeKind::TooLarge,
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
            done_by_earlier_attempt: false,
            maybe_processed_before: false,
        })
    }

    /// Sends one `GET` whose body is read by the caller, streamed: the request path's settings
    /// with `remaining` (what is left of the caller's deadline) as the bound on the whole
    /// exchange, the body's reading included.
    pub(crate) fn get_streamed(
        &self,
        config: &Config,
        url: &http::Uri,
        headers: &[(header::HeaderName, HeaderValue)],
        remaining: Option<Duration>,
    ) -> Result<http::Response<ureq::Body>, ureq::Error> {
        let mut builder = http::Request::builder()
            .method("GET")
            .uri(url.clone())
            .header(header::USER_AGENT, config.user_agent.clone())
            .header(header::ACCEPT, HeaderValue::from_static("*/*"));
        for (name, value) in headers {
            builder = builder.header(name, value);
        }
        let per_request = PerRequest {
            global: remaining,
            recv_body: None,
        };
        self.send(config, builder, (), per_request)
    }

    /// Sends the request with `body` and the settings the request path relies on: status
    /// codes are not errors, redirects are not followed, and the client's timeouts hold, with
    /// `per_request`'s bounds.
    fn send<B: ureq::AsSendBody>(
        &self,
        config: &Config,
        builder: http::request::Builder,
        body: B,
        per_request: PerRequest,
    ) -> Result<http::Response<ureq::Body>, ureq::Error> {
        let request = builder.body(body)?;
        let timeouts = &config.timeouts;
        let request = self
            .agent
            .configure_request(request)
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .timeout_connect(Some(timeouts.connect))
            .timeout_recv_response(Some(timeouts.response))
            .timeout_per_read(Some(timeouts.stall))
            .timeout_per_write(Some(timeouts.stall))
            .timeout_global(per_request.global)
            .timeout_recv_body(per_request.recv_body)
            .build();
        self.agent.run(request)
    }
}

/// Resolves host names on the calling thread. ureq 3.5 resolves the host on every request,
/// pooled connections included, and starts a thread for each lookup whenever a timeout applies
/// to it, which the call's deadline always does: on a fast network that thread costs more than
/// the request itself. The system resolver's own timeouts bound a lookup instead.
#[derive(Debug, Default)]
struct SystemResolver(DefaultResolver);

impl Resolver for SystemResolver {
    fn resolve(
        &self,
        uri: &http::Uri,
        config: &ureq::config::Config,
        _timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        self.0.resolve(uri, config, NextTimeout::default())
    }
}

/// Timeouts set on one request rather than on the agent.
#[derive(Clone, Copy)]
struct PerRequest {
    /// What is left of the call's deadline.
    global: Option<Duration>,
    /// The bound on reading the answer (of an upload).
    recv_body: Option<Duration>,
}

/// The `Accept` header of an operation (the generator lists printable media types only).
fn accept(value: &'static str) -> HeaderValue {
    HeaderValue::from_str(value).unwrap_or(HeaderValue::from_static("application/json"))
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
