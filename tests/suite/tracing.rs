//! The `tracing` feature: one span per call and one per attempt, with OpenTelemetry's HTTP
//! field names, and no secret or query string in any field. The subscriber records every
//! span's fields; it is this thread's default only, not the process's.

use crate::support;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use support::{RawServer, Reply, response};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

type Spans = Arc<Mutex<Vec<(String, BTreeMap<String, String>)>>>;

/// Records each span's name and fields.
struct Recording {
    next: AtomicU64,
    spans: Spans,
}

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.insert(
            field.name().to_owned(),
            format!("{value:?}").trim_matches('"').to_owned(),
        );
    }
}

impl Subscriber for Recording {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let mut fields = BTreeMap::new();
        span.record(&mut Fields(&mut fields));
        let mut spans = self.spans.lock().unwrap();
        spans.push((span.metadata().name().to_owned(), fields));
        let id = self.next.fetch_add(1, Ordering::SeqCst);
        Id::from_u64(id + 1)
    }
    fn record(&self, span: &Id, values: &Record<'_>) {
        let mut spans = self.spans.lock().unwrap();
        if let Some((_, fields)) = spans.get_mut(span.into_u64() as usize - 1) {
            values.record(&mut Fields(fields));
        }
    }
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, _: &Event<'_>) {}
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

#[test]
fn a_call_and_its_attempts_are_spans_without_secrets() {
    let server = RawServer::start(vec![
        Reply::Bytes(response(503, &[("retry-after", "0")], "")),
        Reply::Bytes(response(
            200,
            &[
                ("content-type", "application/json"),
                ("x-zendesk-request-id", "req-42"),
            ],
            "{}",
        )),
        Reply::Bytes(response(200, &[("content-type", "image/png")], "png")),
    ]);
    let client = support::retrying_client(&server.url());
    let spans: Spans = Arc::default();
    let subscriber = Recording {
        next: AtomicU64::new(0),
        spans: Arc::clone(&spans),
    };
    tracing::subscriber::with_default(subscriber, || {
        client.delete("https://media.example/a.png").unwrap();
        let mut body = Vec::new();
        std::io::Read::read_to_end(
            &mut client
                .download(&format!(
                    "{}/media/a.png?X-Amz-Signature=s3cret",
                    server.url()
                ))
                .reader()
                .unwrap(),
            &mut body,
        )
        .unwrap();
    });
    let spans = spans.lock().unwrap().clone();
    let names: Vec<&str> = spans.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "sunshine_conversations.call",
            "sunshine_conversations.attempt",
            "sunshine_conversations.attempt",
            "sunshine_conversations.call",
            "sunshine_conversations.attempt",
        ]
    );
    let (_, call) = &spans[0];
    assert_eq!(call["http.request.method"], "POST");
    assert_eq!(call["url.template"], "/v2/apps/{appId}/attachments/remove");
    assert_eq!(call["server.address"], "127.0.0.1");
    assert!(call["server.port"].parse::<u16>().is_ok(), "{call:?}");
    assert_eq!(call["http.response.status_code"], "200");
    assert_eq!(call["http.request.resend_count"], "1");
    assert_eq!(call["sunshine_conversations.request_id"], "req-42");
    assert!(call["sunshine_conversations.operation"].eq_ignore_ascii_case("deleteAttachment"));
    assert_eq!(spans[1].1["http.response.status_code"], "503");
    assert_eq!(spans[1].1["error.type"], "503");
    assert_eq!(spans[2].1["http.request.resend_count"], "1");
    let (_, download) = &spans[3];
    assert_eq!(download["url.template"], "{mediaUrl}");
    let all = format!("{spans:?}");
    for secret in [support::SECRET, "s3cret", "X-Amz-Signature", "Basic "] {
        assert!(!all.contains(secret), "{secret} in {all}");
    }
}
