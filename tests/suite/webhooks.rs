//! Files arriving: the typed webhook payload generated from the document's `x-webhooks` parses
//! every documented example into the variant of its own name, keeps unknown events, bounds
//! what it reads. The receiver example is driven over HTTP in `receiver.rs`.

use crate::webhook_examples::EXAMPLES;
use sunshine_conversations_client::types;
use sunshine_conversations_client::webhooks::{self, EVENT_TYPES, Event, WebhookError};

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
