//! Files both ways: what the service would refuse is refused before the first byte is sent,
//! and media comes back with credentials only where they belong.

use crate::support;

use sunshine_conversations_client::{Error, FileRefusal, Upload};
use support::{RawServer, Reply, json_text, response};

const UPLOADED: &str = r#"{"attachment":{"mediaUrl":"https://media.example/a"}}"#;
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01";
const EXE: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0\xb8\0\0\0\0\0\0\0@\0\0\0";

/// Uploads `upload` to a server that would take it, expecting the file check to refuse it by
/// `rule`; returns the message.
fn refused(upload: Upload, rule: fn(&FileRefusal) -> bool) -> String {
    let server = RawServer::start(vec![json_text(201, UPLOADED)]);
    let err = support::client(&server.url()).upload(upload).unwrap_err();
    assert!(err.nothing_sent(), "{err:?}");
    assert_eq!(server.heads(), 0, "nothing was sent");
    let Error::FileRefused { refusal, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(rule(refusal), "{refusal:?}");
    let reason = err.to_string();
    assert!(reason.contains("without_file_check"), "{reason}");
    assert!(
        reason.contains("webm webp wmv xls xlsx xml yaml yml zip"),
        "{reason}"
    );
    err.to_string()
}

/// Sends `upload` to a server that takes it, and returns the part's headers and content.
fn sent(upload: Upload) -> (String, Vec<u8>) {
    let server = RawServer::start(vec![json_text(201, UPLOADED)]);
    support::client(&server.url()).upload(upload).unwrap();
    let body = server.only().body;
    let start = body.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    let end = body.windows(4).rposition(|w| w == b"\r\n--").unwrap();
    (
        String::from_utf8_lossy(&body[..start]).into_owned(),
        body[start..end].to_vec(),
    )
}

#[test]
fn what_the_service_refuses_is_refused_before_sending() {
    let by_extension =
        |r: &FileRefusal| matches!(r, FileRefusal::Extension { extension } if extension == "sh");
    let by_content = |r: &FileRefusal| {
        matches!(
            r,
            FileRefusal::Content {
                extension: "exe",
                ..
            }
        )
    };
    assert!(
        refused(
            Upload::bytes("run.sh", b"#!/bin/sh\n".to_vec()),
            by_extension
        )
        .contains("`.sh`")
    );
    assert!(
        refused(Upload::bytes("Makefile", b"all:\n".to_vec()), |r| {
            *r == FileRefusal::NoExtension
        })
        .contains("no extension")
    );
    // An executable renamed .pdf.
    assert!(
        refused(Upload::bytes("invoice.pdf", EXE.to_vec()), by_content).contains("not allowed")
    );
    // Binary of no known type.
    assert!(
        refused(
            Upload::bytes("data.zip", vec![0u8, 1, 2, 3, 250, 251]),
            |r| { *r == FileRefusal::Unidentified }
        )
        .contains("cannot be identified")
    );
    // From a path and from a reader alike.
    let dir = support::TempDir::new();
    let exe = dir.path().join("setup.PDF");
    std::fs::write(&exe, EXE).unwrap();
    refused(Upload::path(&exe).unwrap(), by_content);
    refused(
        Upload::reader("setup.pdf", std::io::Cursor::new(EXE.to_vec()), None),
        by_content,
    );
}

#[test]
fn what_the_service_takes_is_sent_whole_with_the_type_of_its_bytes() {
    // Plain text under a text name.
    let (head, content) = sent(Upload::bytes("server.LOG", b"GET / 200\n".to_vec()));
    assert!(head.contains("filename=\"server.LOG\""), "{head}");
    assert_eq!(content, b"GET / 200\n");
    // A PNG named .jpg goes as what it is.
    let (head, _) = sent(Upload::bytes("photo.jpg", PNG.to_vec()));
    assert!(head.contains("Content-Type: image/png"), "{head}");
    // A reader is checked without losing its first bytes, whatever its size.
    let mut big = PNG.to_vec();
    big.extend((0..100_000u32).map(|i| (i % 253) as u8));
    let (_, content) = sent(Upload::reader(
        "photo.png",
        std::io::Cursor::new(big.clone()),
        Some(big.len() as u64),
    ));
    assert_eq!(content, big);
    let (_, content) = sent(Upload::reader(
        "photo.png",
        std::io::Cursor::new(big.clone()),
        None,
    ));
    assert_eq!(content, big);
    // A path is rewound after its first bytes are read.
    let dir = support::TempDir::new();
    let path = dir.path().join("photo.png");
    std::fs::write(&path, &big).unwrap();
    let (_, content) = sent(Upload::path(&path).unwrap());
    assert_eq!(content, big);
}

#[test]
fn the_check_can_be_skipped_and_a_415_says_what_it_means() {
    let server = RawServer::start(vec![Reply::Bytes(response(
        415,
        &[("content-type", "application/json")],
        r#"{"errors":[{"code":"unsupported_media_type","title":"File extension not allowed"}]}"#,
    ))]);
    let err = support::client(&server.url())
        .upload(Upload::bytes("run.sh", b"#!/bin/sh\n".to_vec()).without_file_check())
        .unwrap_err();
    assert_eq!(server.heads(), 1, "sent without the check");
    assert_eq!(err.status(), Some(415));
    let message = err.to_string();
    assert!(message.contains("File extension not allowed"), "{message}");
    assert!(message.contains("ALLOWED_EXTENSIONS"), "{message}");
}

// Downloads.

use std::time::{Duration, Instant};

use sunshine_conversations_client::{CancelToken, Client, Secret, Timeouts};
use support::media::{MediaHost, Route};

const PDF: &[u8] = b"%PDF-1.4\n%private attachment\n";

fn file(bytes: &[u8], authorization: Option<String>) -> Route {
    Route::File {
        bytes: bytes.to_vec(),
        content_type: "application/pdf",
        authorization,
    }
}

/// A client whose API origin is `host`.
fn client_of(host: &MediaHost) -> Client {
    support::builder(&host.url("")).build().unwrap()
}

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn credentials_go_to_the_apis_origin_and_nowhere_else() {
    let key = support::basic_header();
    let other = MediaHost::start(vec![
        ("/private/b.pdf", file(PDF, Some(key.clone()))),
        ("/public/b.pdf", file(PDF, None)),
    ]);
    let api = MediaHost::start(vec![
        ("/private/a.pdf", file(PDF, Some(key.clone()))),
        ("/away", Route::Redirect(other.url("/public/b.pdf"))),
        (
            "/away-private",
            Route::Redirect(other.url("/private/b.pdf")),
        ),
        ("/here", Route::Redirect("/private/a.pdf".to_owned())),
        (
            "/cookie.pdf",
            file(PDF, Some("smooch-media-token=t0ken".to_owned())),
        ),
    ]);
    let client = client_of(&api);
    assert!(client.sends_credentials_to(&api.url("/private/a.pdf")));
    assert!(!client.sends_credentials_to(&other.url("/private/b.pdf")));

    // The API's origin gets them; the reader says what the server said.
    let progress = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = std::sync::Arc::clone(&progress);
    let mut reader = client
        .download(&api.url("/private/a.pdf"))
        .on_progress(move |got, total| seen.lock().unwrap().push((got, total)))
        .reader()
        .unwrap();
    assert_eq!(reader.content_type(), Some("application/pdf"));
    assert_eq!(reader.content_length(), Some(PDF.len() as u64));
    let mut body = Vec::new();
    std::io::Read::read_to_end(&mut reader, &mut body).unwrap();
    assert_eq!(body, PDF);
    let total = PDF.len() as u64;
    assert_eq!(progress.lock().unwrap().last(), Some(&(total, Some(total))));
    // A redirect within the origin keeps them.
    let dir = support::TempDir::new();
    let saved = client
        .download(&api.url("/here"))
        .to_path(dir.path().join("a.pdf"))
        .unwrap();
    assert_eq!(saved.bytes, total);
    assert_eq!(std::fs::read(&saved.path).unwrap(), PDF);

    // Another origin never sees them: directly, or through a redirect.
    let err = client
        .download(&other.url("/private/b.pdf"))
        .reader()
        .unwrap_err();
    assert_eq!(err.status(), Some(401));
    assert!(err.to_string().contains("needs credentials"), "{err}");
    client.download(&api.url("/away")).reader().unwrap();
    let err = client
        .download(&api.url("/away-private"))
        .reader()
        .unwrap_err();
    assert_eq!(err.status(), Some(401), "{err}");
    let seen_elsewhere = other.seen();
    assert_eq!(seen_elsewhere.len(), 3);
    assert!(
        seen_elsewhere
            .iter()
            .all(|s| s.authorization.is_none() && s.cookie.is_none()),
        "{seen_elsewhere:?}"
    );

    // Media cookies (API 12.x) go to the same hosts as the key would.
    let cookies = vec![Secret::new("smooch-media-token=t0ken; Path=/; HttpOnly")];
    client
        .download(&api.url("/cookie.pdf"))
        .media_cookies(cookies.clone())
        .reader()
        .unwrap();
    let _ = client
        .download(&other.url("/public/b.pdf"))
        .media_cookies(cookies)
        .reader()
        .unwrap();
    assert!(other.seen().iter().all(|s| s.cookie.is_none()));
    // And none at all when asked.
    let err = client
        .download(&api.url("/private/a.pdf"))
        .without_credentials()
        .reader()
        .unwrap_err();
    assert_eq!(err.status(), Some(401));
}

#[test]
fn a_cut_or_slow_download_leaves_no_file() {
    let host = MediaHost::start(vec![
        (
            "/cut.pdf",
            Route::Cut {
                declared: 100_000,
                sent: vec![b'x'; 50_000],
            },
        ),
        (
            "/slow.pdf",
            Route::Drip {
                bytes: vec![b'x'; 100],
                every: Duration::from_millis(100),
            },
        ),
    ]);
    let dir = support::TempDir::new();
    let err = client_of(&host)
        .download(&host.url("/cut.pdf"))
        .to_path(dir.path().join("cut.pdf"))
        .unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert!(
        files_in(dir.path()).is_empty(),
        "{:?}",
        files_in(dir.path())
    );

    let client = support::builder(&host.url(""))
        .timeouts(Timeouts::default().with_download(Some(Duration::from_secs(1))))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client
        .download(&host.url("/slow.pdf"))
        .to_path(dir.path().join("slow.pdf"))
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(
        files_in(dir.path()).is_empty(),
        "{:?}",
        files_in(dir.path())
    );
}

#[test]
fn a_download_over_the_limit_is_refused_without_reading_past_it() {
    let host = MediaHost::start(vec![
        ("/declared.pdf", file(&vec![b'x'; 4096], None)),
        ("/chunked.pdf", Route::Chunked(vec![b'y'; 300_000])),
    ]);
    let client = support::builder(&host.url(""))
        .max_download_bytes(1000)
        .build()
        .unwrap();
    let dir = support::TempDir::new();
    let refused_to_path = |path: &str, file: &str| {
        let err = client
            .download(&host.url(path))
            .to_path(dir.path().join(file))
            .unwrap_err();
        let too_large = matches!(
            err,
            Error::TooLarge {
                limit: 1000,
                status: 200,
                ..
            }
        );
        assert!(too_large, "{err:?}");
        assert!(err.to_string().contains("max_download_bytes"), "{err}");
    };
    // Announced larger than the limit: refused before reading.
    refused_to_path("/declared.pdf", "d.pdf");
    // Not announced: read up to the limit, no byte past it handed out.
    let mut reader = client
        .download(&host.url("/chunked.pdf"))
        .max_bytes(100_000)
        .reader()
        .unwrap();
    let mut got = Vec::new();
    let mut buffer = [0u8; 8192];
    let err = loop {
        match std::io::Read::read(&mut reader, &mut buffer) {
            Ok(0) => panic!("ended without the limit"),
            Ok(n) => got.extend_from_slice(&buffer[..n]),
            Err(e) => break e,
        }
    };
    assert!(got.len() <= 100_000, "{}", got.len());
    assert!(err.to_string().contains("download limit"), "{err}");
    refused_to_path("/chunked.pdf", "c.pdf");
    assert!(
        files_in(dir.path()).is_empty(),
        "{:?}",
        files_in(dir.path())
    );
}

#[test]
fn an_existing_file_is_kept_unless_replacing_is_asked() {
    let host = MediaHost::start(vec![("/a.pdf", file(PDF, None))]);
    let client = client_of(&host);
    let dir = support::TempDir::new();
    let path = dir.path().join("a.pdf");
    std::fs::write(&path, b"mine").unwrap();
    let err = client
        .download(&host.url("/a.pdf"))
        .to_path(&path)
        .unwrap_err();
    assert!(err.nothing_sent(), "{err:?}");
    assert!(host.seen().is_empty(), "nothing was sent");
    assert_eq!(std::fs::read(&path).unwrap(), b"mine");
    client
        .download(&host.url("/a.pdf"))
        .overwrite(true)
        .to_path(&path)
        .unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), PDF);
    assert_eq!(files_in(dir.path()), vec!["a.pdf"]);
}

#[test]
fn download_errors_say_what_they_mean_and_never_quote_the_query() {
    let host = MediaHost::start(vec![
        ("/gone.pdf", Route::Status(404)),
        ("/denied.pdf", Route::Status(403)),
    ]);
    let client = client_of(&host);
    let err = client
        .download(&host.url("/gone.pdf?X-Amz-Signature=t0psecret"))
        .reader()
        .unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(text.contains("deleted"), "{text}");
    assert!(!text.contains("t0psecret"), "{text}");
    let err = client
        .download(&host.url("/denied.pdf"))
        .reader()
        .unwrap_err();
    assert!(err.to_string().contains("may not read this media"), "{err}");
    let err = client.download("not a url").reader().unwrap_err();
    assert!(err.nothing_sent(), "{err:?}");
}

/// A refused redirect comes after a request was sent: it is a failed call of its own kind,
/// never `InvalidInput` ("nothing was sent").
#[test]
fn refused_redirects_are_failed_calls() {
    let host = MediaHost::start(vec![
        (
            "/loop.pdf",
            Route::Redirect("/loop.pdf?sig=s3cret".to_owned()),
        ),
        ("/nowhere.pdf", Route::Redirect("/caf\u{e9}.pdf".to_owned())),
    ]);
    let client = client_of(&host);
    let err = client
        .download(&host.url("/loop.pdf"))
        .reader()
        .unwrap_err();
    let Error::Redirect {
        status,
        ref location,
        ..
    } = err
    else {
        panic!("{err:?}")
    };
    assert_eq!((status, err.attempts()), (302, Some(6)), "{err}");
    assert_eq!(host.seen().len(), 6, "the first request and five redirects");
    assert_eq!(
        location.as_deref(),
        Some(&*format!("{}?…", host.url("/loop.pdf")))
    );
    assert!(!err.nothing_sent() && !err.is_retryable() && !err.may_have_been_processed());
    let text = err.to_string();
    assert!(text.contains("more than 5 redirects"), "{text}");
    assert!(
        !text.contains("nothing was sent") && !text.contains("s3cret"),
        "{text}"
    );

    let err = client
        .download(&host.url("/nowhere.pdf"))
        .reader()
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Redirect {
                status: 302,
                location: None,
                ..
            }
        ) && err.attempts() == Some(1),
        "{err:?}"
    );
}

/// A download cancelled through its token ends with `Error::Cancelled` at its next read, from
/// the download's own thread or another, and leaves no file, the temporary one included; a
/// token cancelled beforehand sends nothing.
#[test]
fn a_cancelled_download_ends_and_leaves_no_file() {
    let host = MediaHost::start(vec![(
        "/slow.pdf",
        Route::Drip {
            bytes: vec![b'x'; 500],
            every: Duration::from_millis(20),
        },
    )]);
    let client = client_of(&host);
    let dir = support::TempDir::new();

    // From the progress callback, after ten bytes.
    let token = CancelToken::new();
    let canceller = token.clone();
    let err = client
        .download(&host.url("/slow.pdf"))
        .cancel_with(&token)
        .on_progress(move |got, _| {
            if got >= 10 {
                canceller.cancel();
            }
        })
        .to_path(dir.path().join("slow.pdf"))
        .unwrap_err();
    let cancelled = matches!(err, Error::Cancelled { .. })
        && err.attempts() == Some(1)
        && !err.may_have_been_processed();
    assert!(cancelled, "{err:?}");
    assert!(!err.nothing_sent() && !err.is_retryable());
    assert!(
        files_in(dir.path()).is_empty(),
        "{:?}",
        files_in(dir.path())
    );

    // From another thread, while a read waits: the whole body would take 10 s.
    let token = CancelToken::new();
    let cancelling = support::cancel_after(&token, 300);
    let err = client
        .download(&host.url("/slow.pdf"))
        .cancel_with(&token)
        .to_path(dir.path().join("slow.pdf"))
        .unwrap_err();
    cancelling.join().unwrap();
    assert!(matches!(err, Error::Cancelled { .. }), "{err:?}");
    assert!(
        files_in(dir.path()).is_empty(),
        "{:?}",
        files_in(dir.path())
    );

    // Cancelled before it starts: nothing sent, no file.
    let sent = host.seen().len();
    let err = client
        .download(&host.url("/slow.pdf"))
        .cancel_with(&token)
        .to_path(dir.path().join("slow.pdf"))
        .unwrap_err();
    assert!(err.nothing_sent(), "{err:?}");
    assert_eq!(host.seen().len(), sent);
    assert!(files_in(dir.path()).is_empty());
}

/// The temporary file's name is short and fixed (`.sunco-XXXXXXXX.part`), so any name the
/// file system takes works (249 bytes here, where the temporary name once added 15 to it);
/// and it is created before the request is sent, so a directory that takes no file fails
/// with nothing sent.
#[test]
fn any_name_the_file_system_takes_works() {
    let host = MediaHost::start(vec![("/a.pdf", file(PDF, None))]);
    let client = client_of(&host);
    let dir = support::TempDir::new();
    let name = format!("{}.pdf", "n".repeat(245));
    assert_eq!(name.len(), 249);
    let saved = client
        .download(&host.url("/a.pdf"))
        .to_path(dir.path().join(&name))
        .unwrap();
    assert_eq!(std::fs::read(&saved.path).unwrap(), PDF);
    assert_eq!(files_in(dir.path()), vec![name]);

    // /proc takes no new file, not even from root.
    #[cfg(target_os = "linux")]
    {
        let sent = host.seen().len();
        let err = client
            .download(&host.url("/a.pdf"))
            .to_path("/proc/sunco-download.pdf")
            .unwrap_err();
        assert!(matches!(err, Error::Save { .. }), "{err:?}");
        assert_eq!(host.seen().len(), sent, "nothing was sent");
    }
}

/// A per-download deadline overrides the client's, and is checked before anything is sent.
#[test]
fn a_download_has_a_deadline_of_its_own() {
    let host = MediaHost::start(vec![(
        "/slow.pdf",
        Route::Drip {
            bytes: vec![b'x'; 100],
            every: Duration::from_millis(100),
        },
    )]);
    let client = client_of(&host);
    let dir = support::TempDir::new();
    let err = client
        .download(&host.url("/slow.pdf"))
        .deadline(Duration::ZERO)
        .to_path(dir.path().join("slow.pdf"))
        .unwrap_err();
    assert!(err.nothing_sent(), "{err:?}");
    assert!(host.seen().is_empty());
    let err = client
        .download(&host.url("/slow.pdf"))
        .deadline(Duration::from_millis(500))
        .to_path(dir.path().join("slow.pdf"))
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(files_in(dir.path()).is_empty());
}
