//! How responses that are not a success become errors, and how bad input is refused before
//! anything is sent. Against a scripted server on loopback.

use crate::support;

use serde_json::json;
use std::time::Duration;
use sunshine_conversations_client::{Client, Error, Upload};
use support::{RawServer, Reply, client, response};

fn failing(status: u16, headers: &[(&str, &str)], body: &str) -> Error {
    let server = RawServer::start(vec![Reply::Bytes(response(status, headers, body))]);
    client(&server.url())
        .delete("https://media.example/x.png")
        .unwrap_err()
}

#[test]
fn errors_array_is_parsed_with_the_documented_description() {
    let err = failing(
        404,
        &[
            ("content-type", "application/json"),
            ("x-zendesk-request-id", "r-42"),
        ],
        r#"{"errors":[{"code":"not_found","title":"Attachment not found"}]}"#,
    );
    let api = err.api().expect("api error");
    assert_eq!(api.status, 404);
    // The description the document gives the 404 of deleteAttachment.
    let documented = if sunshine_conversations_client::OPENAPI_VERSION.starts_with("12.") {
        "Attachment not found"
    } else {
        "Not found"
    };
    assert_eq!(api.documented, documented);
    assert_eq!(api.errors.len(), 1);
    assert_eq!(api.errors[0].code, "not_found");
    assert_eq!(api.request_id.as_deref(), Some("r-42"));
    let message = err.to_string();
    assert!(
        message.contains("404") && message.contains("not_found"),
        "{message}"
    );
    assert!(
        message.contains("check the app id"),
        "says what to do: {message}"
    );
    assert!(!err.is_retryable());
}

#[test]
fn bad_request_with_several_errors() {
    let err = failing(
        400,
        &[],
        r#"{"errors":[{"code":"bad_request","title":"a"},{"code":"bad_request","title":"b"}]}"#,
    );
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.api().unwrap().errors.len(), 2);
}

#[test]
fn unauthorized_says_to_check_credentials() {
    let err = failing(
        401,
        &[],
        r#"{"errors":[{"code":"unauthorized","title":"Authorization is required"}]}"#,
    );
    assert!(err.to_string().contains("key id and secret"), "{err}");
}

#[test]
fn unsupported_media_type() {
    let err = failing(415, &[], "");
    assert_eq!(err.status(), Some(415));
    assert!(err.api().unwrap().errors.is_empty());
    assert!(err.to_string().contains("ALLOWED_EXTENSIONS"), "{err}");
    assert!(err.to_string().contains("without_file_check"), "{err}");
}

#[test]
fn rate_limit_carries_retry_after() {
    let err = failing(
        429,
        &[("retry-after", "7")],
        r#"{"errors":[{"code":"too_many_requests","title":"slow down"}]}"#,
    );
    let api = err.api().unwrap();
    assert_eq!(api.retry_after, Some(Duration::from_secs(7)));
    assert!(err.is_retryable());
    assert!(err.to_string().contains("retry after 7 s"), "{err}");
}

#[test]
fn server_error_with_html_keeps_a_bounded_excerpt() {
    let html = format!("<html><body>{}</body></html>", "Bad gateway ".repeat(200));
    let err = failing(500, &[("content-type", "text/html")], &html);
    let api = err.api().unwrap();
    assert!(api.errors.is_empty());
    assert!(api.excerpt.starts_with("<html><body>Bad gateway"));
    assert!(api.excerpt.len() <= sunshine_conversations_client::EXCERPT_LEN);
    assert!(err.is_retryable());
}

#[test]
fn malformed_success_json_is_a_decode_error_with_excerpt() {
    let server = RawServer::start(vec![Reply::Bytes(response(
        201,
        &[],
        r#"{"attachment": {"mediaUrl": "#,
    ))]);
    let err = client(&server.url())
        .upload(Upload::bytes("a.txt", b"x".to_vec()))
        .unwrap_err();
    match &err {
        Error::Decode {
            status, excerpt, ..
        } => {
            assert_eq!(*status, 201);
            assert!(excerpt.contains("mediaUrl"));
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[test]
fn wrongly_shaped_success_names_the_json_path() {
    let server = RawServer::start(vec![Reply::Bytes(response(
        201,
        &[],
        r#"{"attachment": {"mediaUrl": 42}}"#,
    ))]);
    let err = client(&server.url())
        .upload(Upload::bytes("a.txt", b"x".to_vec()))
        .unwrap_err();
    match &err {
        Error::Decode { path, .. } => assert_eq!(path, ".attachment.mediaUrl"),
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[test]
fn success_without_media_url_is_an_incomplete_answer() {
    let server = RawServer::start(vec![Reply::Bytes(response(
        201,
        &[],
        r#"{"attachment": {}}"#,
    ))]);
    let err = client(&server.url())
        .upload(Upload::bytes("a.txt", b"x".to_vec()))
        .unwrap_err();
    assert!(
        matches!(
            &err,
            Error::Incomplete {
                missing: ".attachment.mediaUrl",
                status: 201,
                ..
            }
        ),
        "{err:?}"
    );
    // The upload was stored: sending it again would store it twice.
    assert!(err.may_have_been_processed(), "{err:?}");
    assert!(!err.is_retryable(), "{err:?}");
}

#[test]
fn hostile_app_ids_stay_one_segment() {
    let server = RawServer::start(vec![support::json_reply(200, json!({}))]);
    let base = client(&server.url());
    for (id, encoded) in [
        ("a/b", "a%2Fb"),
        ("a?b=c", "a%3Fb%3Dc"),
        ("a#b", "a%23b"),
        ("a b", "a%20b"),
        ("100%", "100%25"),
        ("ü", "%C3%BC"),
        ("...", "..."),
    ] {
        base.with_app_id(id).unwrap().delete("u").unwrap();
        let request = server.requests().pop().unwrap();
        assert_eq!(
            request.target(),
            format!("/v2/apps/{encoded}/attachments/remove"),
            "id {id:?}"
        );
    }
}

#[test]
fn invalid_input_sends_nothing() {
    let server = RawServer::start(vec![Reply::Bytes(response(200, &[], "{}"))]);
    let client = client(&server.url());
    for id in ["", ".", "..", "a\r\nb", "a\0b"] {
        let err = client
            .delete_attachment(
                id,
                &sunshine_conversations_client::types::AttachmentDeleteBody::builder()
                    .media_url("u")
                    .try_into()
                    .unwrap(),
            )
            .send()
            .unwrap_err();
        assert!(matches!(err, Error::InvalidInput { .. }), "{id:?}: {err:?}");
        assert!(err.nothing_sent());
    }
    assert!(matches!(client.delete(""), Err(Error::InvalidInput { .. })));
    #[cfg(sunco_helper = "media_tokens")]
    assert!(matches!(
        client.media_tokens(Vec::<String>::new()),
        Err(Error::InvalidInput { .. })
    ));
    let missing = Upload::path("/definitely/not/here.png").unwrap_err();
    assert!(matches!(missing, Error::File { .. }), "{missing:?}");
    let dir = support::TempDir::new();
    assert!(matches!(Upload::path(dir.path()), Err(Error::File { .. })));
    let too_big = support::builder(&server.url())
        .max_upload_bytes(4)
        .build()
        .unwrap()
        .upload(Upload::bytes("a.txt", b"hello".to_vec()))
        .unwrap_err();
    assert!(
        matches!(&too_big, Error::InvalidInput { reason, .. } if reason.contains("upload limit")),
        "{too_big:?}"
    );
    let no_app = Client::builder()
        .base_url(server.url())
        .basic_auth("k", "s")
        .build()
        .unwrap()
        .delete("u")
        .unwrap_err();
    assert!(no_app.to_string().contains("app id"), "{no_app}");
    assert!(server.requests().is_empty(), "nothing reached the server");
}

#[cfg(sunco_helper = "media_tokens")]
#[test]
fn a_malformed_token_response_is_never_quoted() {
    for body in [
        r#"{"tokens": "eyJsecret.token.value"}"#,
        r#"{"tokens": {"/apps/a": "eyJsecret.token.value", "/apps/b": 7}}"#,
        r#"{"tokens": {"/apps/a": "eyJsecret.token.value"}} trailing"#,
    ] {
        let server = RawServer::start(vec![Reply::Bytes(response(200, &[], body))]);
        let err = client(&server.url()).media_tokens(["/apps/a"]).unwrap_err();
        assert!(matches!(err, Error::Decode { .. }), "{err:?}");
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains("eyJ"), "{shown}");
    }
}

#[test]
fn an_error_after_a_send_keeps_the_record_of_its_attempts() {
    let upload = |script: Vec<Reply>, max_response: Option<u64>| {
        let server = RawServer::start(script);
        let mut builder = support::builder(&server.url()).retry_policy(support::quick_retries());
        if let Some(limit) = max_response {
            builder = builder.max_response_bytes(limit);
        }
        let error = builder
            .build()
            .unwrap()
            .upload(Upload::bytes("a.txt", "hello"))
            .unwrap_err();
        (error, server.requests().len())
    };
    let unavailable = || Reply::Bytes(response(503, &[("retry-after", "0")], ""));
    // Answered 503 (not done, come back at once), then 201 with a body that does not decode.
    let (decode, sent) = upload(
        vec![
            unavailable(),
            support::json_text(201, r#"{"attachment": 7}"#),
        ],
        None,
    );
    assert!(matches!(decode, Error::Decode { .. }), "{decode:?}");
    assert_eq!((decode.attempts(), sent), (Some(2), 2), "{decode:?}");
    assert!(!decode.nothing_sent() && !decode.is_retryable());
    // The same with an answer over the response cap, and one without its mediaUrl.
    let (too_large, _) = upload(
        vec![
            unavailable(),
            support::json_text(201, &format!(r#"{{"pad": "{}"}}"#, "x".repeat(200))),
        ],
        Some(100),
    );
    assert!(matches!(too_large, Error::TooLarge { .. }), "{too_large:?}");
    assert_eq!(too_large.attempts(), Some(2), "{too_large:?}");
    let (incomplete, _) = upload(
        vec![
            unavailable(),
            support::json_text(201, r#"{"attachment": {}}"#),
        ],
        None,
    );
    assert!(
        matches!(incomplete, Error::Incomplete { .. }),
        "{incomplete:?}"
    );
    assert_eq!(incomplete.attempts(), Some(2), "{incomplete:?}");
    assert!(incomplete.may_have_been_processed());
}

#[test]
fn a_download_never_answered_is_retried_and_its_error_says_retryable() {
    let server = RawServer::start(vec![Reply::Silent(Duration::from_secs(3))]);
    let client = support::builder(&server.url())
        .retry_policy(support::quick_retries())
        .timeouts(
            sunshine_conversations_client::Timeouts::default()
                .with_response(Duration::from_millis(200)),
        )
        .build()
        .unwrap();
    let error = client
        .download(&format!("{}/media/photo.png", server.url()))
        .reader()
        .unwrap_err();
    // The loop retried a harmless GET after each silence: the error says what it judged.
    assert!(matches!(error, Error::Timeout { .. }), "{error:?}");
    assert_eq!(error.attempts(), Some(4), "{error:?}");
    assert!(error.is_retryable(), "{error:?}");
}

#[test]
fn library_messages_name_the_librarys_own_api() {
    use sunshine_conversations_client::FileRefusal;
    let dir = support::TempDir::new();
    let existing = dir.path().join("taken.png");
    std::fs::write(&existing, b"x").unwrap();
    let server = RawServer::start(vec![Reply::Bytes(response(
        200,
        &[],
        "twenty bytes of body",
    ))]);
    let client = client(&server.url());
    let exists = client
        .download(&format!("{}/media/a.png", server.url()))
        .to_path(&existing)
        .unwrap_err();
    let refused = client
        .upload(Upload::bytes("tool.exe", b"MZ\x90\0".to_vec()))
        .unwrap_err();
    assert!(matches!(
        &refused,
        Error::FileRefused {
            refusal: FileRefusal::Extension { .. },
            ..
        }
    ));
    let too_large = client
        .download(&format!("{}/media/b.png", server.url()))
        .max_bytes(10)
        .reader()
        .unwrap_err();
    for (error, api) in [
        (&exists, "Download::overwrite"),
        (&refused, "Upload::without_file_check"),
        (&too_large, "Download::max_bytes"),
    ] {
        let message = error.to_string();
        assert!(message.contains(api), "{message}");
        for cli in [
            "example",
            "--force",
            "--no-file-check",
            "SUNCO_MAX_DOWNLOAD_BYTES in",
        ] {
            assert!(!message.contains(cli), "{message}");
        }
    }
}
