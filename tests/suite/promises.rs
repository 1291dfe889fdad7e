//! The promises of the crate docs ("What this client promises") under hostile servers and odd
//! settings: every call ends by its deadline, odd settings are refused before anything is
//! sent, no URL credentials or raw server control characters are ever shown, empty successes
//! are successes, and nothing that may have been acted on is sent twice.

use crate::support;

use std::time::{Duration, Instant};

use sunshine_conversations_client::{
    Client, ClientBuilder, DecodeKind, Error, JwtScope, MAX_JWT_LIFETIME, MIN_JWT_LIFETIME,
    TimeoutPhase, Timeouts, Upload,
};
use support::{RawServer, Reply, builder, json_text, quick_retries, response, retrying_client};

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
    let upload = Upload::bytes("big.bin", vec![0u8; 32 * 1024 * 1024]).without_file_check();
    let started = Instant::now();
    let err = client.upload(upload).unwrap_err();
    let took = started.elapsed();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    // Ended by the 1 s deadline, well before the server would have read the body (5 s); the
    // margin is for a loaded machine running the other tests alongside.
    assert!(took < Duration::from_millis(4000), "{took:?}");
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
fn odd_limits_and_jwt_lifetimes_are_refused() {
    let server = RawServer::start(vec![Reply::Bytes(response(200, &[], "{}"))]);
    let refused = |configure: fn(ClientBuilder) -> ClientBuilder, field: &str| {
        let err = configure(builder(&server.url())).build().unwrap_err();
        assert!(
            matches!(&err, Error::InvalidInput { field: f, .. } if f == field),
            "{err:?}"
        );
    };
    refused(|b| b.max_response_bytes(0), "response limit");
    refused(|b| b.max_upload_bytes(0), "upload limit");
    fn jwt(b: ClientBuilder) -> ClientBuilder {
        b.jwt("key", "secret", JwtScope::App)
    }
    refused(|b| jwt(b).jwt_lifetime(Duration::ZERO), "jwt lifetime");
    refused(
        |b| jwt(b).jwt_lifetime(Duration::from_millis(500)),
        "jwt lifetime",
    );
    refused(|b| jwt(b).jwt_lifetime(Duration::MAX), "jwt lifetime");
    assert!(
        jwt(builder(&server.url()))
            .jwt_lifetime(MIN_JWT_LIFETIME)
            .build()
            .is_ok()
    );
    assert!(
        jwt(builder(&server.url()))
            .jwt_lifetime(MAX_JWT_LIFETIME)
            .build()
            .is_ok()
    );
    assert_eq!(server.heads(), 0, "nothing was sent");
}

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

/// The error of a delete answered by a redirect to `location`.
fn redirected_to(location: &str) -> Error {
    let server = RawServer::start(vec![Reply::Bytes(response(
        302,
        &[("location", location)],
        "",
    ))]);
    support::client(&server.url()).delete("u").unwrap_err()
}

#[test]
fn a_redirects_location_loses_its_user_info() {
    let err = redirected_to("https://u:p4ssw0rd@elsewhere.example/x");
    let api = err.api().unwrap();
    assert_eq!(
        api.location.as_deref(),
        Some("https://***@elsewhere.example/x")
    );
    assert!(!err.to_string().contains("p4ssw0rd"));
}

#[test]
fn a_scheme_relative_location_with_a_url_in_its_query_loses_its_user_info() {
    let err = redirected_to("//user:p4ssw0rd@host/x?n=https://a");
    assert_eq!(
        err.api().unwrap().location.as_deref(),
        Some("//***@host/x?n=https://a")
    );
    assert!(!err.to_string().contains("p4ssw0rd"), "{err}");
    assert!(!format!("{err:?}").contains("p4ssw0rd"), "{err:?}");
    // The same text as a base URL: the parse error does not show it either.
    let err = builder("x")
        .base_url("user:p4ssw0rd@host/x?n=https://a")
        .build()
        .unwrap_err();
    assert!(!err.to_string().contains("p4ssw0rd"), "{err}");
    assert!(!format!("{err:?}").contains("p4ssw0rd"), "{err:?}");
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
        let client = retrying_client(&server.url());
        client.delete("u").unwrap();
        assert_eq!(server.requests().len(), 2);
    }
    // A 404 without an earlier lost answer is still an error.
    let server = RawServer::start(vec![gone]);
    let err = retrying_client(&server.url()).delete("u").unwrap_err();
    assert_eq!(err.status(), Some(404));
}

#[test]
fn a_404_about_something_else_after_a_lost_answer_stays_an_error() {
    let unknown_app = json_text(
        404,
        r#"{"errors":[{"code":"app_not_found","title":"App not found"}]}"#,
    );
    let server = RawServer::start(vec![Reply::Bytes(response(504, &[], "")), unknown_app]);
    let err = retrying_client(&server.url()).delete("u").unwrap_err();
    assert_eq!(err.status(), Some(404));
    assert_eq!(server.requests().len(), 2);
    // A 404 without a body, after a lost answer, is the attachment gone.
    let server = RawServer::start(vec![
        Reply::Bytes(response(504, &[], "")),
        Reply::Bytes(response(404, &[], "")),
    ]);
    retrying_client(&server.url()).delete("u").unwrap();
}

/// A client of a server that reads each request whole and never answers.
fn never_answered() -> (RawServer, Client) {
    let server = RawServer::start(vec![Reply::BytesThenStall(
        Vec::new(),
        Duration::from_secs(3),
    )]);
    let client = builder(&server.url())
        .timeouts(
            Timeouts::default()
                .with_response(Duration::from_millis(300))
                .with_call(Duration::from_millis(600)),
        )
        .build()
        .unwrap();
    (server, client)
}

#[test]
fn an_upload_whose_answer_never_came_is_not_retryable() {
    // The body arrives whole; the answer never comes.
    let (_server, client) = never_answered();
    let err = client
        .upload(Upload::bytes("a.txt", b"stored?".to_vec()))
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(err.may_have_been_processed(), "{err:?}");
    assert!(
        !err.is_retryable(),
        "an upload that may be stored must not be resent"
    );
    assert!(err.to_string().contains("may have processed"), "{err}");
    // The same for a delete is harmless to repeat.
    let (_server, client) = never_answered();
    let err = client.delete("u").unwrap_err();
    assert!(
        err.may_have_been_processed() && err.is_retryable(),
        "{err:?}"
    );
    // A 502 to an upload may have stored it; a 429 did not.
    let upload_answered = |status: u16| {
        let server = RawServer::start(vec![Reply::Bytes(response(status, &[], ""))]);
        support::client(&server.url())
            .upload(Upload::bytes("a.txt", b"x".to_vec()))
            .unwrap_err()
    };
    let err = upload_answered(502);
    assert!(
        err.may_have_been_processed() && !err.is_retryable(),
        "{err:?}"
    );
    let err = upload_answered(429);
    assert!(
        !err.may_have_been_processed() && err.is_retryable(),
        "{err:?}"
    );
}

#[test]
fn a_reader_that_stays_open_ends_at_its_declared_length() {
    let (reader, mut writer) = std::io::pipe().unwrap();
    std::io::Write::write_all(&mut writer, b"12345").unwrap();
    // `writer` stays open: a read past the fifth byte would block forever.
    let server = RawServer::start(vec![json_text(201, UPLOADED)]);
    let url = server.url();
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let result = support::client(&url).upload(Upload::reader("a.txt", reader, Some(5)));
        let _ = done.send(result.map(|_| ()).map_err(|e| e.to_string()));
    });
    let result = finished
        .recv_timeout(Duration::from_secs(20))
        .expect("the upload ended");
    result.unwrap();
    assert!(server.only().body_string().contains("\r\n\r\n12345\r\n"));
    drop(writer);
}

#[test]
fn a_decomposed_name_is_sent_as_its_composed_spelling() {
    let server = RawServer::start(vec![json_text(201, UPLOADED)]);
    support::client(&server.url())
        .upload(Upload::bytes(
            "re\u{301}sume\u{301}.pdf",
            b"%PDF-1.4".to_vec(),
        ))
        .unwrap();
    assert!(
        server
            .only()
            .body_string()
            .contains("filename=\"resume.pdf\""),
        "{}",
        server.only().body_string()
    );
}

#[test]
fn a_file_replaced_between_attempts_is_not_sent_and_the_error_says_what_was() {
    let dir = support::TempDir::new();
    let path = dir.path().join("report.txt");
    std::fs::write(&path, b"first version").unwrap();
    let server = RawServer::start(vec![
        Reply::Bytes(response(429, &[("retry-after", "0")], "")),
        json_text(201, UPLOADED),
    ]);
    let client = retrying_client(&server.url());
    let replace = path.clone();
    let staged = dir.path().join("staged.txt");
    let upload = Upload::path(&path)
        .unwrap()
        .on_progress(move |sent, total| {
            if Some(sent) == total && !staged.exists() {
                // Same size, another file: only its identity tells.
                std::fs::write(&staged, b"other version").unwrap();
                std::fs::rename(&staged, &replace).unwrap();
                std::fs::write(&staged, b"").unwrap();
            }
        });
    let err = client.upload(upload).unwrap_err();
    assert!(matches!(err, Error::Source { .. }), "{err:?}");
    assert!(!err.nothing_sent(), "an earlier attempt was sent");
    let message = err.to_string();
    assert!(message.contains("replaced"), "{message}");
    assert!(message.contains("earlier attempt was sent"), "{message}");
    assert!(!message.contains("nothing was sent"), "{message}");
    assert_eq!(server.requests().len(), 1, "the replaced file was not sent");
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
        let client = retrying_client(&server.url());
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
        let client = retrying_client(&server.url());
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
