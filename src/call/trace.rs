//! Spans for the `tracing` feature: one per call and one per attempt, with fields named as
//! OpenTelemetry's HTTP conventions name them. Without the feature every type here is empty
//! and every call does nothing. No field holds a secret or a query string: the route is the
//! template (`/v2/apps/{appId}/attachments`), the host has no user info.

use crate::call::request::OperationInfo;

/// The span of a call.
pub(crate) struct CallSpan {
    #[cfg(feature = "tracing")]
    span: tracing::Span,
}

/// The span of one attempt, entered while it runs.
pub(crate) struct AttemptSpan {
    #[cfg(feature = "tracing")]
    span: tracing::Span,
}

impl CallSpan {
    /// A call of `operation` to `url`'s host.
    #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
    pub(crate) fn new(operation: &OperationInfo, url: &ureq::http::Uri) -> CallSpan {
        #[cfg(feature = "tracing")]
        {
            let template = if operation.path.is_empty() {
                "{mediaUrl}"
            } else {
                operation.path
            };
            let span = tracing::info_span!(
                "sunshine_conversations.call",
                "http.request.method" = operation.method.as_str(),
                "url.template" = template,
                "server.address" = tracing::field::Empty,
                "server.port" = tracing::field::Empty,
                "sunshine_conversations.operation" = operation.id,
                "http.response.status_code" = tracing::field::Empty,
                "http.request.resend_count" = tracing::field::Empty,
                "error.type" = tracing::field::Empty,
                "sunshine_conversations.request_id" = tracing::field::Empty,
            );
            // Without a subscriber that wants the span, nothing more is worked out.
            if !span.is_disabled() {
                // `Uri::host` leaves out any user info.
                span.record("server.address", url.host().unwrap_or_default());
                if let Some(port) = url.port_u16() {
                    span.record("server.port", port);
                }
            }
            CallSpan { span }
        }
        #[cfg(not(feature = "tracing"))]
        CallSpan {}
    }

    /// Attempt number `attempt` (from 1) starts.
    #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
    pub(crate) fn attempt(&self, attempt: u32) -> AttemptSpan {
        #[cfg(feature = "tracing")]
        {
            if self.span.is_disabled() {
                return AttemptSpan {
                    span: tracing::Span::none(),
                };
            }
            let resends = attempt.saturating_sub(1);
            self.span.record("http.request.resend_count", resends);
            let span = tracing::info_span!(
                parent: &self.span,
                "sunshine_conversations.attempt",
                "http.request.resend_count" = resends,
                "http.response.status_code" = tracing::field::Empty,
                "error.type" = tracing::field::Empty,
                "sunshine_conversations.request_id" = tracing::field::Empty,
            );
            AttemptSpan { span }
        }
        #[cfg(not(feature = "tracing"))]
        AttemptSpan {}
    }

    /// The call ended without an answer: `error` says what kind of failure.
    #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
    pub(crate) fn failed(&self, error: &str) {
        #[cfg(feature = "tracing")]
        if !self.span.is_disabled() {
            self.span.record("error.type", error);
        }
    }

    /// The call ended with an answer of `status`.
    #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
    pub(crate) fn answered(&self, status: u16, headers: &ureq::http::HeaderMap) {
        #[cfg(feature = "tracing")]
        record_answer(&self.span, status, headers);
    }
}

impl AttemptSpan {
    /// Runs `f` inside the attempt's span.
    pub(crate) fn run<T>(&self, f: impl FnOnce() -> T) -> T {
        #[cfg(feature = "tracing")]
        if !self.span.is_disabled() {
            return self.span.in_scope(f);
        }
        f()
    }

    /// The attempt got an answer of `status`.
    #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
    pub(crate) fn answered(&self, status: u16, headers: &ureq::http::HeaderMap) {
        #[cfg(feature = "tracing")]
        record_answer(&self.span, status, headers);
    }

    /// The attempt failed without an answer.
    #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
    pub(crate) fn failed(&self, error: &str) {
        #[cfg(feature = "tracing")]
        if !self.span.is_disabled() {
            self.span.record("error.type", error);
        }
    }
}

/// Records an answer of `status` on `span`: its status, the API's request id, and the status as
/// the error type when it is one.
#[cfg(feature = "tracing")]
fn record_answer(span: &tracing::Span, status: u16, headers: &ureq::http::HeaderMap) {
    if span.is_disabled() {
        return;
    }
    span.record("http.response.status_code", status);
    if let Some(id) = request_id(headers) {
        span.record("sunshine_conversations.request_id", id);
    }
    if status >= 400 {
        span.record("error.type", status.to_string().as_str());
    }
}

/// The API's request id of an answer, when it names one.
#[cfg(feature = "tracing")]
fn request_id(headers: &ureq::http::HeaderMap) -> Option<&str> {
    ["x-zendesk-request-id", "x-request-id"]
        .iter()
        .find_map(|name| headers.get(*name)?.to_str().ok())
}
