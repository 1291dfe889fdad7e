//! A generated operation's call, as the request loop (`call/mod.rs`) runs it: the request the
//! generated code built, with the client's credentials; its body (none, JSON, or a multipart
//! upload streamed from its sources); and its whole answer read into memory, up to the cap.

use std::io::Read as _;
use std::time::Duration;

use ureq::SendBody;
use ureq::http::{self, HeaderName, HeaderValue, header};

use crate::call::cancel::{CancelToken, Pumped};
use crate::call::outcome::Outcome;
use crate::call::request::{Body, OperationInfo, Request};
use crate::call::response::RawResponse;
use crate::call::{self, Bounds, Exchange, Reply, SendError};
use crate::client::Client;
use crate::error::Error;
use crate::files::file_part::SourceMismatch;
use crate::files::multipart;

/// Sends a request built by a generated operation through the request loop. What can be
/// checked before anything is sent is checked first (an upload's sources and size).
pub(crate) fn execute(client: &Client, mut request: Request) -> Result<RawResponse, Error> {
    let config = client.config();
    // The handle's settings, then the request's own on top.
    let options = config.options.and(std::mem::take(&mut request.options));
    options.check()?;
    request.options = options;
    let (replayable, upload) = match &request.body {
        Body::Multipart(parts) => {
            parts.validate(config.max_upload_bytes)?;
            (parts.is_replayable(), true)
        }
        _ => (true, false),
    };
    let url: http::Uri = request
        .url(&config.base_url)
        .parse()
        .map_err(|_| Error::invalid("request URL", "the base URL and the route make no URL"))?;
    let deadline = match request.options.timeout {
        Some(timeout) => Some(timeout),
        None if upload => config.timeouts.upload,
        None => Some(config.timeouts.call),
    };
    let usual = !upload && request.options.timeout.is_none();
    call::run(
        client,
        OperationCall {
            request,
            url,
            deadline,
            upload,
            usual,
            replayable,
            recv_body: config.timeouts.call,
            cap: config.max_response_bytes,
            max_upload_bytes: config.max_upload_bytes,
        },
    )
}

/// A generated operation's call.
struct OperationCall {
    request: Request,
    url: http::Uri,
    deadline: Option<Duration>,
    upload: bool,
    /// Whether the deadline is the client's usual one for a call without a file.
    usual: bool,
    replayable: bool,
    /// How long reading an upload's answer may take (its deadline may be long or none).
    recv_body: Duration,
    /// The largest answer read.
    cap: u64,
    max_upload_bytes: u64,
}

impl Exchange for OperationCall {
    type Answer = RawResponse;
    type Output = RawResponse;

    fn operation(&self) -> &'static OperationInfo {
        self.request.operation
    }

    fn deadline(&self) -> Option<Duration> {
        self.deadline
    }

    fn usual_deadline(&self) -> bool {
        self.usual
    }

    fn cancel(&self) -> Option<&CancelToken> {
        self.request.options.cancel.as_ref()
    }

    fn headers(&self) -> &[(HeaderName, HeaderValue)] {
        &self.request.options.headers
    }

    fn replayable(&self) -> bool {
        self.replayable
    }

    fn url(&self) -> &http::Uri {
        &self.url
    }

    fn route(&self) -> String {
        self.request.path.clone()
    }

    fn credentials(&self, client: &Client) -> Result<Option<(HeaderName, HeaderValue)>, Error> {
        Ok(Some((header::AUTHORIZATION, client.auth().header()?)))
    }

    fn send(
        &mut self,
        client: &Client,
        head: http::request::Builder,
        bounds: Bounds,
    ) -> Result<http::Response<ureq::Body>, SendError> {
        let transport = client.transport();
        let config = client.config();
        // Reading an upload's answer is bounded by a call's own timeout.
        let recv_body = self.upload.then_some(self.recv_body);
        let cancel = self.request.options.cancel.clone();
        let sent = match &mut self.request.body {
            Body::None => transport.send(config, head, (), bounds, recv_body),
            Body::Json(bytes) => {
                let head = head.header(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                );
                transport.send(config, head, bytes.as_slice(), bounds, recv_body)
            }
            Body::Multipart(parts) => {
                let mut body = parts
                    .body(&multipart::boundary(), self.max_upload_bytes)
                    .map_err(SendError::Input)?;
                let mut head = head.header(header::CONTENT_TYPE, body.content_type.as_str());
                if let Some(len) = body.len {
                    head = head.header(header::CONTENT_LENGTH, len);
                }
                // A cancellable upload reads its sources on a thread of their own, so that a
                // source that stalls cannot hold the call past its cancellation.
                match cancel {
                    Some(token) => {
                        let body = SendBody::from_owned_reader(Pumped::new(body, token));
                        transport.send(config, head, body, bounds, recv_body)
                    }
                    None => {
                        let body = SendBody::from_reader(&mut body);
                        transport.send(config, head, body, bounds, recv_body)
                    }
                }
            }
        };
        sent.map_err(|e| match e {
            ureq::Error::Io(io) if crate::call::cancel::is_cancelled(&io) => SendError::Cancelled,
            e => match source_mismatch(e) {
                Ok(mismatch) => SendError::Input(Error::Source {
                    reason: mismatch.reason,
                    source: mismatch.source,
                    outcome: Outcome::unsent(),
                }),
                Err(e) => SendError::Transport(e),
            },
        })
    }

    fn read(
        &mut self,
        response: http::Response<ureq::Body>,
        outcome: &Outcome,
    ) -> Result<Reply<RawResponse>, SendError> {
        let operation = self.request.operation;
        let (parts, mut body) = response.into_parts();
        let status = parts.status.as_u16();
        let cap = self.cap;
        let bytes = if parts.status.is_success() {
            body.with_config()
                .limit(cap)
                .read_to_vec()
                .map_err(|e| match e {
                    ureq::Error::BodyExceedsLimit(_) => SendError::Input(Error::TooLarge {
                        operation: operation.id,
                        status,
                        limit: cap,
                        announced: None,
                        outcome: *outcome,
                    }),
                    other => SendError::Transport(other),
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
        let retry_after = call::retry_after(&parts.headers);
        let answer = RawResponse {
            operation,
            status,
            headers: parts.headers,
            body: bytes,
            outcome: *outcome,
        };
        // A delete retried after a lost answer that finds its subject gone: done.
        let done_earlier = status == 404
            && outcome.may_have_been_processed
            && operation
                .absent_after_retry
                .is_some_and(|subject| answer.is_absent(subject));
        Ok(if done_earlier {
            Reply::DoneEarlier(answer)
        } else {
            Reply::Answer {
                status,
                retry_after,
                answer,
            }
        })
    }

    fn finish(&mut self, mut answer: RawResponse, outcome: Outcome) -> Result<RawResponse, Error> {
        answer.outcome = outcome;
        Ok(answer)
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
