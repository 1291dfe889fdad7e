//! Files arriving: the typed webhook payload generated from the document's `x-webhooks` parses
//! every documented example into the variant of its own name, keeps unknown events, bounds
//! what it reads; and the receiver example answers as the service's retry policy wants,
//! processes a redelivered event once, and downloads the files customers send.

use crate::support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use sunshine_conversations_client::types;
use sunshine_conversations_client::webhooks::{self, EVENT_TYPES, EXAMPLES, Event, WebhookError};

#[test]
fn every_documented_example_parses_into_the_variant_of_its_own_name() {
    eprintln!(
        "{} ({}): {} webhook events, {} documented examples",
        sunshine_conversations_client::OPENAPI_SOURCE,
        sunshine_conversations_client::OPENAPI_VERSION,
        EVENT_TYPES.len(),
        EXAMPLES.len()
    );
    assert!(!EVENT_TYPES.is_empty());
    assert_eq!(
        webhooks::DOCUMENTED_EVENTS,
        Some(EVENT_TYPES.len().to_string().as_str())
    );
    // Every event has its example, named by its type.
    for (event_type, schema) in EVENT_TYPES {
        assert!(
            EXAMPLES.iter().any(|(example, _)| example == event_type),
            "no example for {event_type} ({schema})"
        );
    }
    for (name, json) in EXAMPLES {
        let payload = webhooks::parse(json.as_bytes(), webhooks::DEFAULT_MAX_BODY_BYTES)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!payload.events.is_empty(), "{name}: no events");
        for event in &payload.events {
            if let Event::Unknown(unknown) = event {
                panic!(
                    "{name}: not decoded as documented: {:?}",
                    unknown.decode_error()
                );
            }
            assert_eq!(event.event_type(), *name);
            let schema = EVENT_TYPES.iter().find(|(t, _)| t == name).unwrap().1;
            assert_eq!(event.schema(), Some(schema), "{name}");
            assert!(event.id().is_some(), "{name}: the example has an id");
        }
    }
}

#[test]
fn unknown_events_are_kept_and_a_files_place_is_one_match() {
    let body = br#"{"events": [
        {"id": "e1", "type": "future:event", "createdAt": "2030-01-01T00:00:00.000Z", "payload": {"x": 1}},
        {"id": "e2", "type": "conversation:message", "payload": {"message": {"id": "m1",
            "content": {"type": "image", "mediaUrl": "https://media.smooch.io/apps/a/photo.png"}}}},
        {"id": "e3", "type": "conversation:message", "payload": {"message": {"id": "m2",
            "content": {"type": "file", "mediaUrl": "https://media.smooch.io/apps/a/cv.pdf"}}}},
        {"id": "e4", "type": "conversation:message", "payload": {"message": {"id": "m3",
            "content": {"type": "text", "text": "hello"}}}}
    ]}"#;
    let payload = webhooks::parse(body, webhooks::DEFAULT_MAX_BODY_BYTES).unwrap();
    let Event::Unknown(unknown) = &payload.events[0] else {
        panic!("{:?}", payload.events[0])
    };
    assert_eq!(unknown.event_type(), "future:event");
    assert_eq!(unknown.id(), Some("e1"));
    assert_eq!(unknown.created_at(), Some("2030-01-01T00:00:00.000Z"));
    assert_eq!(unknown.raw()["payload"]["x"], 1);
    let media: Vec<Option<String>> = payload
        .events
        .iter()
        .map(|event| {
            let Event::ConversationMessage(message) = event else {
                return None;
            };
            match message
                .payload
                .as_ref()?
                .message
                .as_ref()?
                .content
                .as_ref()?
            {
                types::Content::ImageMessage(image) => Some(image.media_url.clone()),
                types::Content::FileMessage(file) => Some(file.media_url.clone()),
                _ => None,
            }
        })
        .collect();
    assert_eq!(
        media,
        vec![
            None,
            Some("https://media.smooch.io/apps/a/photo.png".to_owned()),
            Some("https://media.smooch.io/apps/a/cv.pdf".to_owned()),
            None
        ]
    );
}

#[test]
fn parsing_is_bounded_and_never_panics() {
    let big = vec![b' '; 2048];
    assert_eq!(
        webhooks::parse(&big, 1024).unwrap_err(),
        WebhookError::TooLarge {
            len: 2048,
            limit: 1024
        }
    );
    for bad in [
        &b"{"[..],
        b"[]",
        b"null",
        b"{\"events\": 3}",
        b"\xff\xfe",
        &[b'['; 100_000][..],
    ] {
        let err = webhooks::parse(bad, webhooks::DEFAULT_MAX_BODY_BYTES).unwrap_err();
        assert_eq!(err.status(), 400, "{err}");
    }
    // An event that is not an object is kept as unknown, not an error.
    let payload = webhooks::parse(br#"{"events": [1, "x", {"type": 7}]}"#, 1024).unwrap();
    assert!(
        payload
            .events
            .iter()
            .all(|e| matches!(e, Event::Unknown(_)))
    );
}

// The receiver example, driven over HTTP.

const SECRET: &str = "webhook-shared-s3cret";

struct Receiver_ {
    child: Child,
    port: u16,
    stdout: Receiver<String>,
}

impl Drop for Receiver_ {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_receiver(vars: &[(&str, &str)]) -> Receiver_ {
    let mut child = support::example_command("webhook_receiver")
        .envs([
            ("SUNCO_WEBHOOK_SECRET", SECRET),
            ("SUNCO_WEBHOOK_ADDR", "127.0.0.1:0"),
        ])
        .envs(vars.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the receiver");
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut first = String::new();
    stderr.read_line(&mut first).unwrap();
    let port = first
        .trim()
        .strip_prefix("listening on http://127.0.0.1:")
        .unwrap_or_else(|| panic!("first stderr line: {first:?}"))
        .parse()
        .unwrap();
    std::thread::spawn(move || for _ in stderr.lines() {});
    let (lines, stdout) = channel();
    let out = BufReader::new(child.stdout.take().unwrap());
    std::thread::spawn(move || {
        for line in out.lines() {
            let Ok(line) = line else { break };
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    Receiver_ {
        child,
        port,
        stdout,
    }
}

/// POSTs `body` with `key`; returns the status.
fn post(port: u16, key: Option<&str>, body: &[u8]) -> u16 {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let key = key
        .map(|k| format!("x-api-key: {k}\r\n"))
        .unwrap_or_default();
    let head = format!(
        "POST /webhooks HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n\
         {key}content-length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    let _ = stream.write_all(body);
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {answer:?}"))
}

/// The stdout lines printed until one starting with `last` (or for at most `limit`), then
/// those printed within `settle` after it.
fn lines_until(receiver: &Receiver_, last: &str, limit: Duration, settle: Duration) -> Vec<String> {
    let end = Instant::now() + limit;
    let mut lines = Vec::new();
    while let Some(left) = end.checked_duration_since(Instant::now()) {
        let Ok(line) = receiver.stdout.recv_timeout(left) else {
            break;
        };
        let done = line.starts_with(last);
        lines.push(line);
        if done {
            break;
        }
    }
    lines.extend(lines_within(receiver, settle));
    lines
}

/// The stdout lines printed within `wait`.
fn lines_within(receiver: &Receiver_, wait: Duration) -> Vec<String> {
    let mut lines = Vec::new();
    while let Ok(line) = receiver.stdout.recv_timeout(wait) {
        lines.push(line);
    }
    lines
}

#[test]
fn the_receiver_answers_as_the_retry_policy_wants_and_fetches_files() {
    let pdf = b"%PDF-1.4 from a customer".to_vec();
    let media = support::media::MediaHost::start(vec![(
        "/apps/app/attachments/cv.pdf",
        support::media::Route::File {
            bytes: pdf.clone(),
            content_type: "application/pdf",
            authorization: Some(support::basic_header_for("key", "key-secret")),
        },
    )]);
    let dir = support::TempDir::new();
    let receiver = start_receiver(&[
        ("SUNCO_WEBHOOK_DIR", dir.path().to_str().unwrap()),
        ("SUNCO_APP_ID", "app"),
        ("SUNCO_KEY_ID", "key"),
        ("SUNCO_KEY_SECRET", "key-secret"),
        ("SUNCO_BASE_URL", &media.url("")),
    ]);
    let port = receiver.port;

    // Wrong and missing keys: 401, nothing processed or printed.
    let (_, example) = EXAMPLES[0];
    assert_eq!(post(port, Some("not-the-secret"), example.as_bytes()), 401);
    assert_eq!(post(port, None, example.as_bytes()), 401);
    // Broken and oversized bodies.
    assert_eq!(post(port, Some(SECRET), b"{\"events\": ["), 400);
    assert_eq!(post(port, Some(SECRET), &vec![b' '; 1024 * 1024 + 1]), 413);
    assert!(lines_within(&receiver, Duration::from_millis(300)).is_empty());

    // Every documented example, each event given an id of its own (the examples share a few):
    // 200, one line per event.
    let mut expected = Vec::new();
    let mut bodies = Vec::new();
    for (name, json) in EXAMPLES {
        let mut example: serde_json::Value = serde_json::from_str(json).unwrap();
        for (index, event) in example["events"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .enumerate()
        {
            let id = format!("{name}-{index}");
            expected.push(format!("event {name} {id}"));
            event["id"] = id.into();
        }
        let body = example.to_string();
        assert_eq!(post(port, Some(SECRET), body.as_bytes()), 200, "{name}");
        bodies.push(body);
    }
    // A redelivery: processed once.
    assert_eq!(post(port, Some(SECRET), bodies[0].as_bytes()), 200);
    // A customer's file, downloaded with the client's credentials.
    let file_event = format!(
        r#"{{"events": [{{"id": "file-event-1", "type": "conversation:message", "payload":
            {{"message": {{"id": "m1", "content": {{"type": "file",
            "mediaUrl": "{}"}}}}}}}}]}}"#,
        media.url("/apps/app/attachments/cv.pdf")
    );
    assert_eq!(post(port, Some(SECRET), file_event.as_bytes()), 200);
    expected.push("event conversation:message file-event-1".to_owned());

    // The events are printed before their answers; the file once it has been downloaded.
    let lines = lines_until(
        &receiver,
        "file ",
        Duration::from_secs(10),
        Duration::from_millis(300),
    );
    let events: Vec<&String> = lines.iter().filter(|l| l.starts_with("event ")).collect();
    assert_eq!(events, expected.iter().collect::<Vec<_>>());
    let files: Vec<&String> = lines.iter().filter(|l| l.starts_with("file ")).collect();
    assert_eq!(files.len(), 1, "{lines:?}");
    let mut words = files[0].split(' ').skip(1);
    let (path, bytes) = (words.next().unwrap(), words.next().unwrap());
    assert_eq!(bytes, pdf.len().to_string());
    assert_eq!(std::fs::read(path).unwrap(), pdf);
    assert!(std::path::Path::new(path).starts_with(dir.path()));
}

#[test]
fn the_receiver_needs_its_secret() {
    let output = support::example_command("webhook_receiver")
        .env("SUNCO_WEBHOOK_ADDR", "127.0.0.1:0")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("SUNCO_WEBHOOK_SECRET"));
}
