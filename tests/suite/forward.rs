//! The service is ahead of the document. Every documented example of this build's document (a
//! component schema's own, a success answer's, a request body's, a webhook event's) decodes
//! into its model and encodes back to the same JSON; and so does each copy the generator made
//! of them carrying what no document lists yet: a value no enum lists, a `type` no arm of a
//! union names, a string past its length limits, a number outside its bounds. A webhook
//! payload carrying such a copy keeps its event typed. The cases come from the build
//! (`example_cases.rs`), for whichever document it was generated from.

use std::collections::BTreeMap;

use serde_json::Value;

#[allow(unused_imports)] // the cases of a full-api build name the models
use sunshine_conversations_client as crate_;
#[allow(unused_imports)]
use sunshine_conversations_client::types;

struct ExampleCase {
    at: &'static str,
    what: &'static str,
    json: &'static str,
    /// What the model gives back: `json` without the members its schemas do not declare.
    expected: &'static str,
    check: fn(&str, &str) -> Result<(), String>,
}

/// JSON as a model gives it back: members that are `null` and empty lists or objects are
/// left out when encoding (a model holds them as absent), and a number is its value, whether
/// written `1` or `1.0`.
fn normalized(value: &Value) -> Value {
    match value {
        Value::Object(object) => Value::Object(
            object
                .iter()
                .filter(|(_, v)| !is_empty(v))
                .map(|(k, v)| (k.clone(), normalized(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(normalized).collect()),
        Value::Number(n) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 9e15 => Value::from(f as i64),
            _ => value.clone(),
        },
        other => other.clone(),
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(object) => object.is_empty(),
        _ => false,
    }
}

/// Decodes `json` into `T` and checks that encoding it again gives `expected`.
#[allow(dead_code)] // a build without models with examples lists no case
fn model<T: serde::de::DeserializeOwned + serde::Serialize>(
    json: &str,
    expected: &str,
) -> Result<(), String> {
    let value: T = serde_json::from_str(json).map_err(|e| format!("does not decode: {e}"))?;
    let again = serde_json::to_value(&value).map_err(|e| format!("does not encode: {e}"))?;
    let expected: Value = serde_json::from_str(expected).map_err(|e| e.to_string())?;
    if normalized(&again) == normalized(&expected) {
        Ok(())
    } else {
        Err(format!("encodes back as {again}"))
    }
}

/// Parses a webhook payload and checks that no event fell back to `Event::Unknown`.
#[cfg(feature = "webhooks")]
fn webhook(json: &str, _: &str) -> Result<(), String> {
    use sunshine_conversations_client::webhooks::{self, Event};
    let payload = webhooks::parse(json.as_bytes(), webhooks::DEFAULT_MAX_BODY_BYTES)
        .map_err(|e| e.to_string())?;
    for event in &payload.events {
        if let Event::Unknown(unknown) = event {
            return Err(format!(
                "the {} event is Event::Unknown: {}",
                unknown.event_type(),
                unknown.decode_error().unwrap_or("an unknown type")
            ));
        }
    }
    Ok(())
}

#[cfg(not(feature = "webhooks"))]
#[allow(dead_code)] // only builds with webhooks list webhook cases
fn webhook(_: &str, _: &str) -> Result<(), String> {
    Ok(())
}

include!(concat!(env!("OUT_DIR"), "/example_cases.rs"));

#[test]
fn every_documented_example_and_what_no_document_lists_yet_decode_and_encode_back() {
    let cases = example_cases();
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for case in &cases {
        let kind = if case.what == "as documented" {
            "as documented"
        } else if case.what.contains("no enum lists") {
            "unknown enum value"
        } else if case.what.contains("no arm names") {
            "unknown union arm"
        } else {
            "past a constraint"
        };
        *kinds.entry(kind).or_default() += 1;
        if let Err(e) = (case.check)(case.json, case.expected) {
            failures.push(format!(
                "{} ({}): {e}\n    {}",
                case.at, case.what, case.json
            ));
        }
    }
    eprintln!(
        "{} ({}): {} example cases {kinds:?}",
        crate_::OPENAPI_SOURCE,
        crate_::OPENAPI_VERSION,
        cases.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    if cfg!(feature = "full-api") {
        for kind in [
            "as documented",
            "unknown enum value",
            "unknown union arm",
            "past a constraint",
        ] {
            assert!(
                kinds.get(kind).is_some_and(|n| *n > 0),
                "no case {kind}: {kinds:?}"
            );
        }
    }
}

/// The cases the upstream history shows: values the service sent before any document listed
/// them, and the data the typed models used to lose.
#[cfg(feature = "full-api")]
mod ahead_of_the_document {
    use super::*;
    use sunshine_conversations_client::{UnknownArm, UnknownValue};

    fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(json: &Value) -> T {
        let decoded: T = serde_json::from_value(json.clone()).expect("decodes");
        assert_eq!(
            normalized(&serde_json::to_value(&decoded).unwrap()),
            normalized(json),
            "encodes back unchanged"
        );
        decoded
    }

    #[test]
    fn a_new_client_type_and_status_keep_their_page() {
        let page = serde_json::json!({"clients": [
            {"id": "c1", "type": "newchannel2027", "status": "suspended"},
            {"id": "c2", "type": "telegram", "status": "active"}
        ], "meta": {"hasMore": false}});
        let decoded: types::ClientListResponse = round_trip(&page);
        let new = &decoded.clients[0];
        assert!(
            matches!(new.type_, Some(types::ClientType::Unknown(_))),
            "{new:?}"
        );
        assert_eq!(new.type_.as_ref().unwrap().as_str(), "newchannel2027");
        assert_eq!(new.status.as_ref().unwrap().to_string(), "suspended");
        assert_eq!(decoded.clients[1].type_, Some(types::ClientType::Telegram));
        // A value newer than the document can be sent, and a listed one is its own variant.
        assert_eq!(
            serde_json::to_value(types::ClientType::from("newchannel2027")).unwrap(),
            "newchannel2027"
        );
        assert_eq!(
            types::ClientType::from("telegram"),
            types::ClientType::Telegram
        );
        assert!(types::ClientType::VALUES.contains(&"telegram"));
        let unknown: &UnknownValue = match &new.status {
            Some(types::ClientStatus::Unknown(value)) => value,
            other => panic!("{other:?}"),
        };
        assert_eq!(unknown.as_str(), "suspended");
    }

    #[test]
    fn a_new_content_type_keeps_its_page_and_its_json() {
        let video = serde_json::json!({"type": "video", "mediaUrl": "https://media.example/v.mp4",
                                       "duration": 12});
        let page = serde_json::json!({"messages": [
            {"id": "m1", "author": {"type": "user"}, "content": {"type": "text", "text": "hi"}},
            {"id": "m2", "author": {"type": "user"}, "content": video},
            {"id": "m3", "author": {"type": "user"},
             "content": {"type": "image", "mediaUrl": "https://media.example/p.png"}}
        ]});
        let decoded: types::MessageListResponse = round_trip(&page);
        let contents: Vec<&types::Content> = decoded
            .messages
            .iter()
            .map(|m| m.content.as_ref().unwrap())
            .collect();
        assert!(matches!(contents[0], types::Content::TextMessage(_)));
        let types::Content::Unknown(arm) = contents[1] else {
            panic!("{:?}", contents[1])
        };
        assert_eq!(arm.tag(), Some("video"));
        assert_eq!(contents[1].tag(), Some("video"));
        assert_eq!(arm.raw(), &video);
        assert!(matches!(contents[2], types::Content::ImageMessage(_)));
        // A new kind can be sent as it is.
        let sent = types::Content::Unknown(UnknownArm::new(video.clone()));
        assert_eq!(serde_json::to_value(&sent).unwrap(), video);
    }

    #[test]
    fn actions_decode_as_the_arm_their_type_names_with_nothing_lost() {
        let actions = serde_json::json!([
            {"type": "postback", "text": "Select", "payload": "TACOS"},
            {"type": "reply", "text": "Yes", "payload": "yes", "iconUrl": "https://x/i.png"},
            {"type": "webview", "text": "Open", "uri": "https://x", "fallback": "https://y"},
            {"type": "locationRequest", "text": "Where?"}
        ]);
        let decoded: Vec<types::Action> = round_trip(&actions);
        let types::Action::Postback(postback) = &decoded[0] else {
            panic!("{:?}", decoded[0])
        };
        assert_eq!(postback.payload, "TACOS");
        assert!(matches!(decoded[1], types::Action::Reply(_)));
        assert!(matches!(decoded[2], types::Action::Webview(_)));
        assert!(matches!(decoded[3], types::Action::LocationRequest(_)));
    }

    #[test]
    fn constraints_bound_what_is_sent_never_what_is_decoded() {
        let long = "x".repeat(5000);
        let page = serde_json::json!({"messages": [
            {"id": "m1", "content": {"type": "text", "text": long}}
        ]});
        let decoded: types::MessageListResponse = round_trip(&page);
        let Some(types::Content::TextMessage(text)) = &decoded.messages[0].content else {
            panic!("{decoded:?}")
        };
        assert_eq!(
            text.text.as_deref().map(|t| t.len()),
            Some(5000),
            "kept whole"
        );
        let name = "n".repeat(300);
        let integration = serde_json::json!({"integration": {"id": "i1", "type": "web",
                                             "displayName": name}});
        // (A web integration's defaults are given back too: only the name is compared.)
        let decoded: types::IntegrationResponse = serde_json::from_value(integration).unwrap();
        let again = serde_json::to_value(&decoded).unwrap();
        assert_eq!(
            again["integration"]["displayName"].as_str().map(str::len),
            Some(300)
        );
        // Building a value to send still checks the document's limits.
        assert!(types::TextMessageText::try_from(long).is_err());
        assert!(types::TextMessageText::try_from("hello".to_owned()).is_ok());
    }

    #[test]
    fn integrations_decode_as_their_own_type_and_keep_their_secrets_hidden() {
        let listed = serde_json::json!({"integrations": [
            {"id": "i1", "type": "android", "status": "active", "projectId": "p",
             "clientEmail": "e@x", "privateKey": "pk-s3cret", "canUserCreateMoreConversations": true},
            {"id": "i2", "type": "newchannel", "status": "active", "extra": {"a": 1}}
        ], "meta": {"hasMore": false}});
        // (Defaults of an android integration differ between documents: decoded, not
        // compared whole; the unknown one is compared below.)
        let decoded: types::IntegrationListResponse =
            serde_json::from_value(listed.clone()).unwrap();
        assert_eq!(
            serde_json::to_value(&decoded.integrations[1]).unwrap(),
            listed["integrations"][1]
        );
        let types::Integration::Android(android) = &decoded.integrations[0] else {
            panic!("{:?}", decoded.integrations[0])
        };
        assert_eq!(android.can_user_create_more_conversations, Some(true));
        assert!(!format!("{android:?}").contains("pk-s3cret"));
        assert_eq!(decoded.integrations[1].tag(), Some("newchannel"));
        // The request body of create_integration takes the union: each type's fields can be
        // sent.
        let body = types::Integration::Android(android.clone());
        let sent = serde_json::to_value(&body).unwrap();
        assert_eq!(sent["privateKey"], "pk-s3cret");
        assert_eq!(sent["type"], "android");
    }
}

#[cfg(all(feature = "full-api", feature = "webhooks"))]
#[test]
fn a_message_with_new_surrounding_types_stays_a_typed_message() {
    use sunshine_conversations_client::webhooks::{self, Event};
    let body = serde_json::json!({"app": {"id": "a"}, "webhook": {"id": "w", "version": "v2"},
    "events": [{"id": "e1", "type": "conversation:message", "createdAt": "2030-01-01T00:00:00Z",
    "payload": {
        "conversation": {"id": "c1", "type": "groupchat2030"},
        "message": {"id": "m1", "received": "2030-01-01T00:00:00Z",
            "author": {"type": "robot2030", "userId": "u"},
            "source": {"type": "newchannel2030", "integrationId": "i"},
            "content": {"type": "image", "mediaUrl": "https://media.smooch.io/apps/a/p.png"}}
    }}]})
    .to_string();
    let payload = webhooks::parse(body.as_bytes(), webhooks::DEFAULT_MAX_BODY_BYTES).unwrap();
    let Event::ConversationMessage(event) = &payload.events[0] else {
        panic!("{:?}", payload.events[0])
    };
    let message = event.payload.as_ref().unwrap().message.as_ref().unwrap();
    let Some(types::Content::ImageMessage(image)) = &message.content else {
        panic!("{message:?}")
    };
    assert_eq!(image.media_url, "https://media.smooch.io/apps/a/p.png");
    // An event whose own type is new is the one that is unknown.
    let body = br#"{"events": [{"id": "e2", "type": "conversation:hologram", "payload": {}}]}"#;
    let payload = webhooks::parse(body, webhooks::DEFAULT_MAX_BODY_BYTES).unwrap();
    assert!(matches!(payload.events[0], Event::Unknown(_)));
}

/// A property the document gives a default, absent from an answer, stays absent when the model
/// is encoded again; the default is there to read.
#[cfg(feature = "full-api")]
#[test]
fn a_default_the_answer_did_not_carry_is_not_sent_back() {
    let received = serde_json::json!({
        "type": "web",
        "id": "5e4af71a81966cfff3ef6550",
        "displayName": "Web Messenger"
    });
    let web: types::Web = serde_json::from_value(received.clone()).unwrap();
    assert_eq!(web.brand_color, None);
    assert_eq!(web.brand_color_or_default(), "65758e");
    assert!(!web.fixed_intro_pane_or_default());
    assert_eq!(serde_json::to_value(&web).unwrap(), received);
    // A value that was sent is kept, and sent back.
    let mut sent = received.clone();
    sent["brandColor"] = "ff0000".into();
    let web: types::Web = serde_json::from_value(sent.clone()).unwrap();
    assert_eq!(web.brand_color_or_default(), "ff0000");
    assert_eq!(serde_json::to_value(&web).unwrap(), sent);
    // A model built to be sent carries what was set, no default besides.
    let built: types::Web = types::Web::builder().type_("web").try_into().unwrap();
    assert_eq!(
        serde_json::to_value(&built).unwrap(),
        serde_json::json!({"type": "web"})
    );
}
