//! Files both ways: what the service would refuse is refused before the first byte is sent,
//! and media comes back with credentials only where they belong.

mod support;

use sunshine_conversations_client::{Error, Upload};
use support::{RawServer, Reply, json_text, response};

const UPLOADED: &str = r#"{"attachment":{"mediaUrl":"https://media.example/a"}}"#;
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01";
const EXE: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0\xb8\0\0\0\0\0\0\0@\0\0\0";

fn refused(upload: Upload) -> String {
    let server = RawServer::start(vec![json_text(201, UPLOADED)]);
    let err = support::client(&server.url()).upload(upload).unwrap_err();
    assert!(err.nothing_sent(), "{err:?}");
    assert_eq!(server.heads(), 0, "nothing was sent");
    let Error::InvalidInput { field, reason, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(field, "file");
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
    assert!(refused(Upload::bytes("run.sh", b"#!/bin/sh\n".to_vec())).contains("`.sh`"));
    assert!(refused(Upload::bytes("Makefile", b"all:\n".to_vec())).contains("no extension"));
    // An executable renamed .pdf.
    assert!(refused(Upload::bytes("invoice.pdf", EXE.to_vec())).contains("not allowed"));
    // Binary of no known type.
    assert!(
        refused(Upload::bytes("data.zip", vec![0u8, 1, 2, 3, 250, 251]))
            .contains("cannot be identified")
    );
    // From a path and from a reader alike.
    let dir = support::TempDir::new();
    let exe = dir.path().join("setup.PDF");
    std::fs::write(&exe, EXE).unwrap();
    refused(Upload::path(&exe).unwrap());
    refused(Upload::reader(
        "setup.pdf",
        std::io::Cursor::new(EXE.to_vec()),
        None,
    ));
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
