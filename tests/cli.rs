//! The example CLI from the outside: its subcommands, output and exit codes (0 success, 1 a
//! failed call, 2 a usage error), with no panic and no secret on stderr. `cargo test` builds
//! the examples next to the tests; this suite runs the built binary.

mod support;

use std::path::PathBuf;
use std::process::{Command, Output};

use support::{RawServer, Reply, response};

fn binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target dir");
    let binary = dir.join("examples").join("attachments");
    assert!(
        binary.exists(),
        "{} is missing: run the whole suite (`cargo test`), which builds the examples",
        binary.display()
    );
    binary
}

/// Runs the CLI with no `SUNCO_*` configuration: the local stand-in server.
fn stand_in(args: &[&str]) -> Output {
    let mut command = Command::new(binary());
    for (name, _) in std::env::vars() {
        if name.starts_with("SUNCO_") {
            command.env_remove(name);
        }
    }
    command.args(args).output().expect("run the example")
}

/// Runs the CLI configured for `url` with a key whose secret must never be printed.
fn against(url: &str, args: &[&str]) -> Output {
    Command::new(binary())
        .env("SUNCO_APP_ID", "app")
        .env("SUNCO_KEY_ID", "key")
        .env("SUNCO_KEY_SECRET", "cli-secret-never-printed")
        .env("SUNCO_BASE_URL", url)
        .env("SUNCO_TIMEOUT_SECS", "5")
        .env_remove("SUNCO_AUTH")
        .env_remove("SUNCO_REGION")
        .env_remove("SUNCO_SUBDOMAIN")
        .args(args)
        .output()
        .expect("run the example")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn round_trip_against_the_stand_in() {
    let output = stand_in(&[]);
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        text(&output.stderr)
    );
    assert!(stdout.contains("upload: hello.txt"), "{stdout}");
    assert!(stdout.contains("delete: "), "{stdout}");
    assert!(
        stdout.trim_end().ends_with("round trip complete"),
        "{stdout}"
    );
    assert!(text(&output.stderr).contains("stand-in server"));
}

#[test]
fn upload_prints_the_response_json() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "hello").unwrap();
    let output = stand_in(&[
        "upload",
        file.to_str().unwrap(),
        "--access",
        "private",
        "--for",
        "message",
        "--conversation-id",
        "c1",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        json["attachment"]["mediaUrl"]
            .as_str()
            .unwrap()
            .ends_with("/notes.txt")
    );
    assert_eq!(json["attachment"]["mediaType"], "text/plain");
}

#[test]
fn delete_token_and_cookie_subcommands() {
    let output = stand_in(&["delete", "https://media.example/a.png"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout).trim(), "{}");

    let output = stand_in(&["token", "/apps/a", "/apps/b"]);
    let has_tokens = cfg!(sunco_helper = "media_tokens");
    if has_tokens {
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert!(
            json["/apps/a"].is_string() && json["/apps/b"].is_string(),
            "{json}"
        );
    } else {
        assert_eq!(
            output.status.code(),
            Some(2),
            "no token operation in this build"
        );
    }

    let output = stand_in(&["cookie", "stand-in-media-token"]);
    if cfg!(sunco_helper = "media_cookie") {
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        assert!(text(&output.stdout).starts_with("smooch-media-token="));
    } else {
        assert_eq!(
            output.status.code(),
            Some(2),
            "no cookie operation in this build"
        );
    }
}

#[test]
fn usage_errors_exit_with_2() {
    for args in [
        &["frobnicate"][..],
        &["upload"],
        &["upload", "a.txt", "--access", "secret"],
        &["delete"],
        &["token"],
        &["cookie", "a", "b"],
    ] {
        let output = stand_in(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = text(&output.stderr);
        assert!(
            stderr.starts_with("error: ") && stderr.contains("usage:"),
            "{stderr}"
        );
    }
    let output = stand_in(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(text(&output.stdout).starts_with("usage:"));
}

#[test]
fn failed_calls_exit_with_1_without_secrets() {
    let server = RawServer::start(vec![Reply::Bytes(response(
        401,
        &[("content-type", "application/json")],
        r#"{"errors":[{"code":"unauthorized","title":"Authorization is required"}]}"#,
    ))]);
    let output = against(&server.url(), &["delete", "https://media.example/a.png"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with("error: ") && stderr.contains("401"),
        "{stderr}"
    );
    assert!(!stderr.contains("cli-secret-never-printed") && !stderr.contains("panicked"));

    let output = against(&server.url(), &["upload", "/no/such/file.png"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("no such file"));
    assert_eq!(server.requests().len(), 1, "the missing file sent nothing");

    let output = against("http://example.com", &["delete", "u"]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "plain http to a remote host is refused"
    );
    assert!(text(&output.stderr).contains("https"));
}
