//! The promises of the crate docs ("What this client promises") under hostile servers and odd
//! settings: every call ends by its deadline, odd settings are refused before anything is
//! sent, no URL credentials or raw server control characters are ever shown, empty successes
//! are successes, and nothing that may have been acted on is sent twice.

mod support;

use std::time::{Duration, Instant};

use sunshine_conversations_client::{Client, DecodeKind, Error, TimeoutPhase, Timeouts, Upload};
use support::{RawServer, Reply, builder, json_text, quick_retries, response};

const UPLOADED: &str = r#"{"attachment":{"mediaUrl":"https://media.example/a.txt"}}"#;

// 1. Every call ends within its deadline.

/// A body dripped one byte every 400 ms: no read ever stalls, yet the call ends at its
/// deadline.
fn dripping(len: usize) -> Reply {
    Reply::Drip {
        head: format!("HTTP/1.1 200 OK\r\ncontent-length: {len}\r\n\r\n").into_bytes(),
        body: vec![b' '; len],
        every: Duration::from_millis(400),
    }
}

#[test]
fn a_dripping_body_ends_at_the_calls_deadline() {
    let server = RawServer::start(vec![dripping(200)]);
    let client = builder(&server.url())
        .timeouts(Timeouts::all(Duration::from_secs(1)))
        .retry_policy(quick_retries())
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client.delete("u").unwrap_err();
    let took = started.elapsed();
    assert!(
        matches!(
            err,
            Error::Timeout {
                phase: TimeoutPhase::Deadline,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_millis(2500),
        "{took:?}"
    );
}

#[test]
fn the_answer_to_an_upload_is_bounded_too() {
    let server = RawServer::start(vec![dripping(200)]);
    let client = builder(&server.url())
        .timeouts(Timeouts::default().with_call(Duration::from_secs(1)))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client
        .upload(Upload::bytes("a.txt", b"x".to_vec()))
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(started.elapsed() < Duration::from_millis(2500));
}

#[test]
fn an_upload_deadline_ends_a_slow_upload() {
    let server = RawServer::start(vec![Reply::SlowBody(
        Duration::from_secs(5),
        response(201, &[], UPLOADED),
    )]);
    let client = builder(&server.url())
        .timeouts(Timeouts::default().with_upload(Some(Duration::from_secs(1))))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client
        .upload(Upload::bytes("big.bin", vec![0u8; 32 * 1024 * 1024]))
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(started.elapsed() < Duration::from_millis(2500));
}

#[test]
fn retries_stop_at_the_deadline() {
    let server = RawServer::start(vec![Reply::Bytes(response(
        429,
        &[("retry-after", "1")],
        "",
    ))]);
    let client = builder(&server.url())
        .timeouts(Timeouts::default().with_call(Duration::from_millis(1500)))
        .retry_policy(quick_retries().with_max_attempts(10))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client.delete("u").unwrap_err();
    assert_eq!(err.status(), Some(429));
    assert!(started.elapsed() < Duration::from_millis(1600));
    assert_eq!(server.requests().len(), 2, "one retry fits in the deadline");
}

// 2. Odd settings are refused before anything is sent.

#[test]
fn zero_and_endless_timeouts_are_refused() {
    let server = RawServer::start(vec![json_text(200, "{}")]);
    for timeouts in [
        Timeouts::all(Duration::MAX),
        Timeouts::all(Duration::ZERO),
        Timeouts::default().with_stall(Duration::ZERO),
        Timeouts::default().with_upload(Some(Duration::from_secs(u64::MAX))),
    ] {
        let err = builder(&server.url())
            .timeouts(timeouts)
            .build()
            .unwrap_err();
        assert!(matches!(err, Error::InvalidInput { .. }), "{err:?}");
    }
    let longest = builder(&server.url())
        .timeouts(Timeouts::all(sunshine_conversations_client::MAX_TIMEOUT))
        .build()
        .unwrap();
    longest.delete("u").unwrap();
    assert_eq!(server.requests().len(), 1, "only the valid client sent");
}

// 4. A URL's user info is never shown.

#[test]
fn url_credentials_are_never_shown() {
    let with_user = Client::builder()
        .base_url("https://user:hunter2@api.example")
        .basic_auth("key", "secret")
        .proxy("http://proxyuser:proxypass@127.0.0.1:3128");
    let shown = format!("{with_user:?}");
    assert!(
        !shown.contains("hunter2") && !shown.contains("proxypass"),
        "{shown}"
    );
    let err = with_user.build().unwrap_err();
    assert!(!err.to_string().contains("hunter2"), "{err}");

    for unparsable in [
        "http://user:hunter2@exa mple.com/",
        "https://user:hun/ter2@example.com/",
        "https://user:hun#ter2@example.com/",
    ] {
        let builder = Client::builder()
            .base_url(unparsable)
            .basic_auth("key", "secret");
        let debug = format!("{builder:?}");
        let err = builder.build().unwrap_err();
        let shown = format!("{debug} {err} {err:?}");
        assert!(!shown.contains("ter2"), "{shown}");
    }

    let bad_proxy = Client::builder()
        .basic_auth("key", "secret")
        .proxy("gopher://user:proxypass@127.0.0.1:70")
        .build()
        .unwrap_err();
    let shown = format!("{bad_proxy} {bad_proxy:?}");
    assert!(!shown.contains("proxypass"), "{shown}");
}

#[test]
fn a_redirects_location_loses_its_user_info() {
    let server = RawServer::start(vec![Reply::Bytes(response(
        302,
        &[("location", "https://u:p4ssw0rd@elsewhere.example/x")],
        "",
    ))]);
    let err = support::client(&server.url()).delete("u").unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(
        api.location.as_deref(),
        Some("https://***@elsewhere.example/x")
    );
    assert!(!err.to_string().contains("p4ssw0rd"));
}

// 5. Server text reaches the terminal escaped; programs still get it raw.

#[test]
fn control_characters_from_the_server_are_escaped() {
    let title = "\u{1b}[31mred\u{1b}[0m\r\nerror: forged line";
    let body = serde_json::json!({"errors": [{"code": "bad\nrequest", "title": title}]});
    let server = RawServer::start(vec![
        Reply::Bytes(response(
            400,
            &[
                ("content-type", "application/json"),
                ("x-request-id", "r-1"),
            ],
            &body.to_string(),
        )),
        json_text(
            201,
            "{\"attachment\": {\"mediaUrl\": 7, \"x\": \"\u{1b}[2J\"}}",
        ),
    ]);
    let client = support::client(&server.url());
    let err = client.delete("u").unwrap_err();
    let shown = err.to_string();
    assert!(!shown.chars().any(char::is_control), "{shown:?}");
    assert!(shown.contains("\\u{1b}[31mred"), "{shown}");
    assert_eq!(err.api().unwrap().errors[0].title, title, "kept raw");

    let err = client
        .upload(Upload::bytes("a.txt", b"x".to_vec()))
        .unwrap_err();
    let shown = err.to_string();
    assert!(!shown.chars().any(char::is_control), "{shown:?}");
}

// 6. A success without a body is a success.

#[test]
fn empty_successes_are_successes() {
    let server = RawServer::start(vec![
        Reply::Bytes(response(200, &[], "")),
        Reply::Bytes(b"HTTP/1.1 204 No Content\r\n\r\n".to_vec()),
    ]);
    let client = support::client(&server.url());
    client.delete("u").unwrap();
    client.delete("u").unwrap();
    assert_eq!(server.requests().len(), 2);
}

#[cfg(sunco_helper = "media_cookie")]
#[test]
fn a_cookie_without_a_body_keeps_its_set_cookie() {
    let server = RawServer::start(vec![Reply::Bytes(response(
        200,
        &[("set-cookie", "media=token-value; Path=/apps/x; HttpOnly")],
        "",
    ))]);
    let cookies = support::client(&server.url())
        .media_cookie(&sunshine_conversations_client::Secret::new("media.token"))
        .unwrap();
    assert_eq!(cookies.len(), 1);
    assert_eq!(
        cookies[0].expose(),
        "media=token-value; Path=/apps/x; HttpOnly"
    );
}

// 7. Retries that tell the truth, and nothing sent twice where that could do harm.

#[test]
fn a_delete_whose_answer_was_lost_is_a_success() {
    let gone = json_text(
        404,
        r#"{"errors":[{"code":"not_found","title":"Attachment not found"}]}"#,
    );
    for first in [Reply::Bytes(response(504, &[], "")), Reply::CloseAfterBody] {
        let server = RawServer::start(vec![first, gone.clone()]);
        let client = builder(&server.url())
            .retry_policy(quick_retries())
            .build()
            .unwrap();
        client.delete("u").unwrap();
        assert_eq!(server.requests().len(), 2);
    }
    // A 404 without an earlier lost answer is still an error.
    let server = RawServer::start(vec![gone]);
    let err = builder(&server.url())
        .retry_policy(quick_retries())
        .build()
        .unwrap()
        .delete("u")
        .unwrap_err();
    assert_eq!(err.status(), Some(404));
}

#[test]
fn an_upload_that_may_have_been_stored_is_never_sent_again() {
    for first in [
        Reply::Bytes(response(500, &[], "")),
        Reply::Bytes(response(502, &[], "")),
        Reply::Bytes(response(504, &[], "")),
        Reply::Bytes(response(503, &[], "")),
        Reply::CloseAfterBody,
    ] {
        let server = RawServer::start(vec![first, json_text(201, UPLOADED)]);
        let client = builder(&server.url())
            .retry_policy(quick_retries())
            .build()
            .unwrap();
        assert!(
            client
                .upload(Upload::bytes("a.txt", b"once".to_vec()))
                .is_err()
        );
        assert_eq!(server.requests().len(), 1, "sent once");
    }
}

#[test]
fn an_upload_the_server_refused_to_take_is_retried() {
    for first in [
        Reply::Bytes(response(429, &[], "")),
        Reply::Bytes(response(503, &[("retry-after", "0")], "")),
    ] {
        let server = RawServer::start(vec![first, json_text(201, UPLOADED)]);
        let client = builder(&server.url())
            .retry_policy(quick_retries())
            .build()
            .unwrap();
        client
            .upload(Upload::bytes("a.txt", b"twice".to_vec()))
            .unwrap();
        assert_eq!(server.requests().len(), 2);
    }
}

#[test]
fn cut_json_is_malformed_not_misshapen() {
    let server = RawServer::start(vec![json_text(201, r#"{"attachment": {"mediaUrl": "#)]);
    let err = support::client(&server.url())
        .upload(Upload::bytes("a.txt", b"x".to_vec()))
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Decode {
                kind: DecodeKind::Malformed,
                ..
            }
        ),
        "{err:?}"
    );
    let shown = err.to_string();
    assert!(shown.contains("not well-formed JSON"), "{shown}");
    assert!(!shown.contains("documented type"), "{shown}");
}
