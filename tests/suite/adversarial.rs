//! Hostile input and misbehaving servers, all on loopback with bounded loops. Each case asserts
//! a typed error (or the correct success), and for invalid input that nothing was sent.

use crate::support;

use std::io::Write;
use std::time::{Duration, Instant};

use sunshine_conversations_client::{
    Access, Client, Error, FilePart, For, RetryPolicy, Timeouts, Upload, operations, types,
};
use support::{APP, RawServer, Reply, builder, json_text, response};

fn delete_body() -> types::AttachmentDeleteBody {
    types::AttachmentDeleteBody::builder()
        .media_url("https://media.example/a.png")
        .try_into()
        .unwrap()
}

/// [`support::quick_retries`] within a budget of 10 s.
fn budgeted_retries() -> RetryPolicy {
    support::quick_retries().with_budget(Duration::from_secs(10))
}

/// A client that retries as [`budgeted_retries`] says.
fn retrying_client(base_url: &str) -> Client {
    builder(base_url)
        .retry_policy(budgeted_retries())
        .build()
        .unwrap()
}

fn short_timeouts() -> Timeouts {
    Timeouts::default()
        .with_connect(Duration::from_millis(500))
        .with_response(Duration::from_millis(400))
        .with_stall(Duration::from_millis(400))
}

// 1. Ids are encoded as exactly one segment.
#[test]
fn hostile_ids_reach_the_route_as_one_segment() {
    let server = RawServer::start(vec![json_text(200, "{}")]);
    let client = support::client(&server.url());
    let cases = [
        ("a/b", "a%2Fb"),
        ("a?x=1", "a%3Fx%3D1"),
        ("a#frag", "a%23frag"),
        ("a b", "a%20b"),
        ("50%", "50%25"),
        ("日本", "%E6%97%A5%E6%9C%AC"),
        ("../x", "..%2Fx"),
    ];
    for (id, _) in cases {
        client.delete_attachment(id, &delete_body()).send().unwrap();
    }
    let lines: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.request_line().trim_end().to_owned())
        .collect();
    let expected: Vec<String> = cases
        .iter()
        .map(|(_, enc)| format!("POST /v2/apps/{enc}/attachments/remove HTTP/1.1"))
        .collect();
    assert_eq!(lines, expected);
}

// 2. Ids and credentials that cannot be sent are refused before anything is.
#[test]
fn invalid_ids_and_credentials_send_nothing_and_do_not_echo_secrets() {
    let server = RawServer::start(vec![json_text(200, "{}")]);
    let client = support::client(&server.url());
    for id in ["", ".", "..", "a\rb", "a\nb", "a\0b"] {
        let err = client
            .delete_attachment(id, &delete_body())
            .send()
            .unwrap_err();
        assert!(matches!(err, Error::InvalidInput { .. }), "{id:?}: {err:?}");
    }
    let secret = "TOPSECRET\r\ninjected: yes";
    for built in [
        Client::builder()
            .base_url(server.url())
            .basic_auth("key\r\nid", "s")
            .build(),
        Client::builder()
            .base_url(server.url())
            .basic_auth("key", secret)
            .build(),
        Client::builder()
            .base_url(server.url())
            .bearer_token(secret)
            .build(),
        Client::builder()
            .base_url(server.url())
            .jwt("key", secret, sunshine_conversations_client::JwtScope::App)
            .build(),
    ] {
        let err = built.unwrap_err();
        assert!(matches!(err, Error::InvalidInput { .. }), "{err:?}");
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains("TOPSECRET"), "{shown}");
    }
    assert!(server.requests().is_empty(), "nothing reached the server");
}

// 3. Files that cannot be uploaded; a zero-byte file; a file over the limit.
#[test]
fn unusable_files_fail_before_sending_and_empty_files_upload() {
    let server = RawServer::start(vec![json_text(
        201,
        r#"{"attachment":{"mediaUrl":"u","mediaType":"text/plain"}}"#,
    )]);
    let dir = support::TempDir::new();
    assert!(matches!(
        Upload::path(dir.path().join("missing.txt")),
        Err(Error::File { .. })
    ));
    let err = Upload::path(dir.path()).unwrap_err();
    assert!(err.to_string().contains("directory"), "{err}");
    let err = Upload::path("/dev/null").unwrap_err();
    assert!(err.to_string().contains("not a regular file"), "{err}");
    let locked = dir.path().join("locked.txt");
    std::fs::write(&locked, "x").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::File::open(&locked).is_err() {
            assert!(matches!(Upload::path(&locked), Err(Error::File { .. })));
        } else {
            eprintln!("running as root: permissions do not stop reads, unreadable case skipped");
        }
    }
    let big = dir.path().join("big.txt");
    std::fs::write(&big, vec![b'a'; 2048]).unwrap();
    let limited = builder(&server.url())
        .max_upload_bytes(1024)
        .build()
        .unwrap();
    let err = limited.upload(Upload::path(&big).unwrap()).unwrap_err();
    assert!(
        matches!(&err, Error::InvalidInput { reason, .. } if reason.contains("upload limit")),
        "{err:?}"
    );
    assert!(server.requests().is_empty(), "nothing reached the server");

    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    support::client(&server.url())
        .upload(Upload::path(&empty).unwrap())
        .unwrap();
    let request = &server.requests()[0];
    let boundary = support::multipart_boundary(&request.header("content-type").unwrap());
    let expected = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"source\"; filename=\"empty.txt\"\r\n\
         Content-Type: text/plain\r\n\r\n\r\n--{boundary}--\r\n"
    );
    assert_eq!(String::from_utf8_lossy(&request.body), expected);
    assert_eq!(
        request.header("content-length"),
        Some(expected.len().to_string())
    );
}

// 4. A file that shrinks or grows while it is being sent.
fn change_during_upload(grow: bool) -> (Error, Duration, Duration) {
    let dir = support::TempDir::new();
    let path = dir.path().join("changing.bin");
    let size = 32 * 1024 * 1024;
    std::fs::write(&path, vec![1u8; size]).unwrap();
    let server = std::sync::Arc::new(RawServer::start(vec![Reply::SlowBody(
        Duration::from_millis(600),
        response(201, &[], r#"{"attachment":{"mediaUrl":"u"}}"#),
    )]));
    let client = builder(&server.url()).build().unwrap();
    let part = FilePart::from_path(&path).unwrap();
    let changer = {
        let path = path.clone();
        let server = std::sync::Arc::clone(&server);
        std::thread::spawn(move || {
            // Change the file once the upload is under way: the server has the request head and
            // is not reading the body yet, so the client is blocked mid-file.
            let deadline = Instant::now() + Duration::from_secs(10);
            while server.heads() == 0 && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(5));
            }
            std::thread::sleep(Duration::from_millis(100));
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .append(grow)
                .open(&path)
                .unwrap();
            if grow {
                file.write_all(&[2u8; 1024 * 1024]).unwrap();
            } else {
                file.set_len(1024).unwrap();
            }
        })
    };
    let cpu = support::cpu_time();
    let started = Instant::now();
    let err = client
        .upload(Upload::file(part).without_file_check())
        .unwrap_err();
    let (wall, cpu) = (started.elapsed(), support::cpu_time() - cpu);
    changer.join().unwrap();
    (err, wall, cpu)
}

#[test]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "measures CPU time through Linux's /proc"
)]
fn a_file_that_shrinks_during_upload_fails_promptly() {
    let (err, wall, cpu) = change_during_upload(false);
    eprintln!("shrink: {err}; wall {wall:.2?}, cpu {cpu:.2?}");
    assert!(
        matches!(&err, Error::Source { reason, .. } if reason.contains("ended after")),
        "{err:?}"
    );
    assert!(wall < Duration::from_secs(10), "no hang: {wall:?}");
    assert!(cpu < Duration::from_secs(3), "no spinning: {cpu:?} of CPU");
}

#[test]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "measures CPU time through Linux's /proc"
)]
fn a_file_that_grows_during_upload_fails_promptly() {
    let (err, wall, cpu) = change_during_upload(true);
    eprintln!("grow: {err}; wall {wall:.2?}, cpu {cpu:.2?}");
    assert!(
        matches!(&err, Error::Source { reason, .. } if reason.contains("grew")),
        "{err:?}"
    );
    assert!(wall < Duration::from_secs(10), "no hang: {wall:?}");
    assert!(cpu < Duration::from_secs(3), "no spinning: {cpu:?} of CPU");
}

// 5. Hostile file names cannot inject part headers.
#[test]
fn hostile_file_names_give_exactly_one_clean_part_header() {
    let server = RawServer::start(vec![json_text(201, r#"{"attachment":{"mediaUrl":"u"}}"#)]);
    let client = support::client(&server.url());
    let names = [
        "a\"b.txt",
        "evil\r\nContent-Type: text/html\r\n\r\n.txt",
        "line\nfeed.txt",
        "back\\slash.txt",
        "semi;colon=equals.txt",
        "ñandú 日本.png",
        "\"; name=\"other",
    ];
    for name in names {
        client
            .upload(Upload::bytes(name, b"data".to_vec()).without_file_check())
            .unwrap();
    }
    for (request, name) in server.requests().iter().zip(names) {
        let body = String::from_utf8_lossy(&request.body);
        let head = body.split("\r\n\r\n").next().unwrap();
        let lines: Vec<&str> = head.lines().collect();
        assert_eq!(
            lines.len(),
            3,
            "boundary, disposition, type for {name:?}: {lines:?}"
        );
        assert_eq!(body.matches("Content-Disposition").count(), 1, "{name:?}");
        assert!(
            lines[1].starts_with("Content-Disposition: form-data; name=\"source\"; filename=\"")
        );
        let filename =
            &lines[1]["Content-Disposition: form-data; name=\"source\"; filename=\"".len()..];
        let filename = filename.strip_suffix('"').expect("closing quote");
        assert!(
            !filename.contains('"') && !filename.contains('\\'),
            "{filename:?}"
        );
        assert!(
            filename.is_ascii() && !filename.chars().any(|c| c.is_control()),
            "{filename:?}"
        );
        assert!(lines[2].starts_with("Content-Type: "), "{lines:?}");
    }
}

// 6. Rate limiting.
#[test]
fn rate_limited_then_created_after_one_retry() {
    let server = RawServer::start(vec![
        Reply::Bytes(response(429, &[("retry-after", "0.3")], "")),
        json_text(201, r#"{"attachment":{"mediaUrl":"u"}}"#),
    ]);
    let client = retrying_client(&server.url());
    let started = Instant::now();
    client
        .upload(Upload::bytes("a.txt", b"x".to_vec()))
        .unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(290),
        "waited as Retry-After asked"
    );
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn retry_after_as_http_date_garbage_or_huge() {
    let date = httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(1));
    for retry_after in [date.as_str(), "soon, maybe"] {
        let server = RawServer::start(vec![
            Reply::Bytes(response(429, &[("retry-after", retry_after)], "")),
            json_text(200, "{}"),
        ]);
        let policy = budgeted_retries().with_max_retry_after(Duration::from_secs(2));
        let client = builder(&server.url()).retry_policy(policy).build().unwrap();
        let started = Instant::now();
        client.delete("u").unwrap();
        let waited = started.elapsed();
        assert!(
            waited < Duration::from_secs(2),
            "{retry_after:?}: waited as asked, took {waited:?}"
        );
        assert_eq!(server.requests().len(), 2, "{retry_after:?}");
    }
    // A wait longer than the cap is not cut short: the call gives up at once and hands the
    // server's Retry-After to the caller.
    let server = RawServer::start(vec![
        Reply::Bytes(response(429, &[("retry-after", "99999999")], "")),
        json_text(200, "{}"),
    ]);
    let policy = budgeted_retries().with_max_retry_after(Duration::from_millis(300));
    let client = builder(&server.url()).retry_policy(policy).build().unwrap();
    let started = Instant::now();
    let err = client.delete("u").unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(err.status(), Some(429));
    assert_eq!(
        err.api().and_then(|api| api.retry_after),
        Some(Duration::from_secs(99_999_999))
    );
    assert_eq!(
        server.requests().len(),
        1,
        "not retried before the server's time"
    );
}

#[test]
fn rate_limited_forever_gives_up_within_the_budget() {
    let server = RawServer::start(vec![Reply::Bytes(response(
        429,
        &[("retry-after", "0.2")],
        r#"{"errors":[{"code":"too_many_requests","title":"slow down"}]}"#,
    ))]);
    let policy = budgeted_retries()
        .with_max_attempts(10)
        .with_budget(Duration::from_millis(500));
    let client = builder(&server.url()).retry_policy(policy).build().unwrap();
    let started = Instant::now();
    let err = client.delete("u").unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "stopped at the budget"
    );
    assert_eq!(err.status(), Some(429));
    let attempts = err.attempts().unwrap();
    assert!((2..10).contains(&attempts), "{attempts} attempts");
    assert_eq!(server.requests().len() as u32, attempts);
    assert!(
        err.to_string()
            .contains(&format!("after {attempts} attempts")),
        "{err}"
    );
}

// 7. Server errors.
#[test]
fn bad_gateway_then_ok_is_retried_for_delete_but_not_for_a_reader_upload() {
    let server = RawServer::start(vec![
        Reply::Bytes(response(
            502,
            &[("content-type", "text/html")],
            "<html>bad gateway</html>",
        )),
        json_text(200, "{}"),
    ]);
    let client = retrying_client(&server.url());
    client.delete("u").unwrap();
    assert_eq!(server.requests().len(), 2);

    let server = RawServer::start(vec![
        Reply::Bytes(response(502, &[], "")),
        json_text(201, r#"{"attachment":{"mediaUrl":"u"}}"#),
    ]);
    let client = retrying_client(&server.url());
    let err = client
        .upload(Upload::reader(
            "a.txt",
            std::io::Cursor::new(b"once".to_vec()),
            Some(4),
        ))
        .unwrap_err();
    assert_eq!(err.status(), Some(502), "{err}");
    assert_eq!(
        server.requests().len(),
        1,
        "a one-shot reader is never sent twice"
    );
    client
        .upload(Upload::bytes("a.txt", b"again".to_vec()))
        .unwrap();
}

#[test]
fn empty_bad_request_is_an_api_error() {
    let server = RawServer::start(vec![Reply::Bytes(response(400, &[], ""))]);
    let err = support::client(&server.url()).delete("u").unwrap_err();
    let api = err.api().expect("api error");
    assert_eq!(api.status, 400);
    assert!(api.errors.is_empty() && api.excerpt.is_empty());
}

// 8. Broken success bodies.
#[test]
fn truncated_and_oversized_bodies_are_typed_errors() {
    let truncated = b"HTTP/1.1 201 Created\r\ncontent-length: 100\r\n\r\n{\"attachment\":".to_vec();
    let server = RawServer::start(vec![Reply::BytesThenClose(truncated)]);
    let err = support::client(&server.url())
        .upload(Upload::bytes("a.txt", b"x".to_vec()))
        .unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");

    let huge = format!("{{\"pad\":\"{}\"}}", "x".repeat(11 * 1024 * 1024));
    let server = RawServer::start(vec![json_text(200, &huge)]);
    let err = support::client(&server.url()).delete("u").unwrap_err();
    assert!(
        matches!(
            &err,
            Error::TooLarge { limit, status: 200, .. }
                if *limit == sunshine_conversations_client::DEFAULT_MAX_RESPONSE_BYTES
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("max_response_bytes"), "{err}");
}

// 9. Servers that stall or drop the connection.

/// A delete against a server behaving as `reply` ends in a timeout well within 3 s.
fn assert_times_out(reply: Reply) {
    let server = RawServer::start(vec![reply]);
    let client = builder(&server.url())
        .timeouts(short_timeouts())
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client.delete("u").unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    let took = started.elapsed();
    assert!(took < Duration::from_secs(3), "{took:?}");
}

#[test]
fn a_server_that_never_answers_times_out() {
    assert_times_out(Reply::Silent(Duration::from_secs(5)));
}

#[test]
fn a_server_that_stalls_after_the_headers_times_out() {
    let partial = b"HTTP/1.1 200 OK\r\ncontent-length: 50\r\n\r\n{\"a\":".to_vec();
    assert_times_out(Reply::BytesThenStall(partial, Duration::from_secs(5)));
}

#[test]
fn a_reset_mid_upload_is_a_transport_error() {
    let server = RawServer::start(vec![Reply::CloseAfterHead]);
    let client = support::client(&server.url());
    let started = Instant::now();
    let err = client
        .upload(Upload::bytes("big.bin", vec![0u8; 16 * 1024 * 1024]).without_file_check())
        .unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn a_slow_upload_that_keeps_moving_is_not_cut_off() {
    struct Trickle(u32);
    impl std::io::Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.0 == 0 {
                return Ok(0);
            }
            self.0 -= 1;
            std::thread::sleep(Duration::from_millis(100));
            buf[0] = b'x';
            Ok(1)
        }
    }
    let server = RawServer::start(vec![json_text(201, r#"{"attachment":{"mediaUrl":"u"}}"#)]);
    let client = builder(&server.url())
        .timeouts(short_timeouts())
        .build()
        .unwrap();
    // 12 bytes over ~1.2 s, with a 400 ms stall timeout: slow, never stalled.
    client
        .upload(Upload::reader("slow.txt", Trickle(12), Some(12)))
        .unwrap();
    assert!(String::from_utf8_lossy(&server.requests()[0].body).contains("xxxxxxxxxxxx"));
}

#[test]
fn nothing_listening_is_retried_then_reported_with_the_attempts() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = builder(&format!("http://127.0.0.1:{port}"))
        .retry_policy(budgeted_retries().with_max_attempts(3))
        .build()
        .unwrap();
    let err = client.delete("u").unwrap_err();
    assert!(
        matches!(err, Error::Transport { .. }) && err.attempts() == Some(3),
        "{err:?}"
    );
}

// 10. An API call's redirects are never followed.
#[test]
fn redirects_are_errors_and_credentials_never_follow() {
    let elsewhere = RawServer::start(vec![json_text(200, "{}")]);
    for status in [301u16, 302, 307, 308] {
        let location = format!("{}/v2/apps/{APP}/attachments/remove", elsewhere.url());
        let server = RawServer::start(vec![Reply::Bytes(response(
            status,
            &[("location", &location)],
            "",
        ))]);
        let err = support::client(&server.url()).delete("u").unwrap_err();
        let api = err.api().unwrap_or_else(|| panic!("{status}: {err:?}"));
        assert_eq!(api.status, status);
        assert_eq!(api.location.as_deref(), Some(location.as_str()));
        assert!(err.to_string().contains("not followed"), "{err}");
    }
    // A downgrade to plain http elsewhere is refused the same way.
    let server = RawServer::start(vec![Reply::Bytes(response(
        302,
        &[(
            "location",
            "http://example.invalid/v2/apps/x/attachments/remove",
        )],
        "",
    ))]);
    assert_eq!(
        support::client(&server.url())
            .delete("u")
            .unwrap_err()
            .status(),
        Some(302)
    );
    assert!(
        elsewhere.requests().is_empty(),
        "the redirect target saw nothing"
    );
}

#[test]
fn a_generated_upload_sends_the_declared_form() {
    let server = RawServer::start(vec![json_text(201, r#"{"attachment":{"mediaUrl":"u"}}"#)]);
    support::client(&server.url())
        .upload_attachment(
            APP,
            &Access::Public,
            operations::UploadAttachmentForm::new(FilePart::from_reader(
                "r.txt",
                std::io::Cursor::new(b"abc".to_vec()),
                None,
            )),
        )
        .for_(For::Message)
        .send()
        .unwrap();
    let request = &server.requests()[0];
    assert_eq!(
        request.header("transfer-encoding").as_deref(),
        Some("chunked")
    );
    assert!(String::from_utf8_lossy(&request.body).contains("\r\n\r\nabc\r\n--"));
}

#[test]
fn an_oversized_error_body_keeps_the_status() {
    let huge = "x".repeat(3 * 1024 * 1024);
    let server = RawServer::start(vec![Reply::Bytes(response(503, &[], &huge))]);
    let err = support::client(&server.url()).delete("u").unwrap_err();
    let api = err.api().expect("still an API error");
    assert_eq!(api.status, 503);
    assert!(err.is_retryable());
    assert!(api.excerpt.len() <= sunshine_conversations_client::EXCERPT_LEN);
}

#[test]
fn a_dropped_upload_is_not_sent_again() {
    let server = RawServer::start(vec![Reply::CloseAfterHead]);
    let client = retrying_client(&server.url());
    let err = client
        .upload(Upload::bytes("big.bin", vec![0u8; 16 * 1024 * 1024]).without_file_check())
        .unwrap_err();
    assert!(
        matches!(err, Error::Transport { .. }) && err.attempts() == Some(1),
        "{err:?}"
    );
    assert_eq!(server.heads(), 1, "the body was not sent a second time");
}

#[test]
fn reader_errors_keep_their_cause_and_interruptions_are_retried() {
    struct Flaky {
        calls: u32,
    }
    impl std::io::Read for Flaky {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.calls += 1;
            match self.calls {
                1 => Err(std::io::ErrorKind::Interrupted.into()),
                2 => {
                    buf[0] = b'a';
                    Ok(1)
                }
                _ => Err(std::io::Error::other("disk on fire")),
            }
        }
    }
    let server = RawServer::start(vec![json_text(201, r#"{"attachment":{"mediaUrl":"u"}}"#)]);
    let err = support::client(&server.url())
        .upload(Upload::reader("a.bin", Flaky { calls: 0 }, Some(5)).without_file_check())
        .unwrap_err();
    let Error::Source { reason, .. } = &err else {
        panic!("expected a source error, got {err:?}")
    };
    assert!(reason.contains("disk on fire"), "{reason}");
    let cause = std::error::Error::source(&err).expect("the reader's own error");
    assert_eq!(cause.to_string(), "disk on fire");
}

#[test]
fn absurd_sizes_and_waits_do_not_panic() {
    let server = RawServer::start(vec![Reply::Bytes(response(
        429,
        &[("retry-after", "18446744073709551615")],
        "",
    ))]);
    let client = builder(&server.url())
        .max_upload_bytes(u64::MAX)
        .retry_policy(
            budgeted_retries()
                .with_max_retry_after(Duration::MAX)
                .with_budget(Duration::from_secs(5)),
        )
        .build()
        .unwrap();
    let err = client
        .upload(Upload::reader("a.bin", std::io::empty(), Some(u64::MAX)).without_file_check())
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { .. }), "{err:?}");
    let err = client.delete("u").unwrap_err();
    assert_eq!(
        err.status(),
        Some(429),
        "gave up instead of waiting forever"
    );
}
