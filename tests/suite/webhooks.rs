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

#[test]
fn a_payload_of_another_webhook_version_is_refused_not_read_as_empty() {
    // What a v1 webhook delivers (Smooch's v1 format): a trigger, messages, the app user.
    let v1 = br#"{
        "trigger": "message:appUser",
        "app": {"_id": "5d8cff3cd55b040010928b5b"},
        "messages": [{"_id": "55c8c1498590aa1900b9b9b1", "type": "image",
            "mediaUrl": "https://media.smooch.io/apps/x/photo.png", "role": "appUser"}],
        "appUser": {"_id": "c7f6e6d6c3a637261bd9656f"},
        "version": "v1"
    }"#;
    let v1_1 = br#"{
        "trigger": "message:appUser",
        "app": {"_id": "5d8cff3cd55b040010928b5b"},
        "messages": [{"_id": "55c8c1498590aa1900b9b9b1", "type": "file",
            "mediaUrl": "https://media.smooch.io/apps/x/report.pdf", "role": "appUser"}],
        "appUser": {"_id": "c7f6e6d6c3a637261bd9656f"},
        "conversation": {"_id": "105e47578be874292d365ee8"},
        "version": "v1.1"
    }"#;
    for (body, version) in [(&v1[..], "v1"), (&v1_1[..], "v1.1")] {
        let refused = webhooks::parse(body, webhooks::DEFAULT_MAX_BODY_BYTES).unwrap_err();
        assert_eq!(
            refused,
            WebhookError::UnsupportedVersion {
                version: Some(version.to_owned())
            }
        );
        assert_eq!(refused.status(), 400);
        let message = refused.to_string();
        assert!(message.contains(&format!("version {version}")), "{message}");
        assert!(message.contains("v2 in the app's settings"), "{message}");
    }
    // No `events` at all, and no version: refused too; an empty list of events is a payload.
    let bare = webhooks::parse(br#"{"app": {"id": "a"}}"#, 1024).unwrap_err();
    assert_eq!(bare, WebhookError::UnsupportedVersion { version: None });
    assert!(bare.to_string().contains("no `events`"), "{bare}");
    let empty = webhooks::parse(br#"{"events": []}"#, 1024).unwrap();
    assert!(empty.events.is_empty());
}
