//! `sunco`'s subcommands, output and exit codes (0 success, 1 a failed call, 2 a usage error),
//! when it may use its local stand-in server (only for the demo with nothing configured), and no
//! panic and no secret on stderr.

use crate::support;

use std::process::{Command, Output};
use std::time::{Duration, Instant};

use support::{RawServer, Reply, json_reply, response};

const SECRET: &str = "cli-secret-never-printed";

/// The CLI's command with no `SUNCO_*` variable but those given.
fn command(vars: &[(&str, &str)]) -> Command {
    let mut command = crate::sunco();
    command.envs(vars.iter().copied());
    command
}

/// The CLI with no `SUNCO_*` variable but those given.
fn cli(vars: &[(&str, &str)], args: &[&str]) -> Output {
    command(vars).args(args).output().expect("run sunco")
}

/// The CLI with nothing configured.
fn unconfigured(args: &[&str]) -> Output {
    cli(&[], args)
}

/// The CLI's command configured for `url`, with a key whose secret must never be printed.
fn against_command(url: &str) -> Command {
    command(&[
        ("SUNCO_APP_ID", "app"),
        ("SUNCO_KEY_ID", "key"),
        ("SUNCO_KEY_SECRET", SECRET),
        ("SUNCO_BASE_URL", url),
        ("SUNCO_TIMEOUT_SECS", "5"),
    ])
}

/// The CLI configured for `url`.
fn against(url: &str, args: &[&str]) -> Output {
    against_command(url).args(args).output().expect("run sunco")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn assert_exit(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout: {}\nstderr: {}",
        text(&output.stdout),
        text(&output.stderr)
    );
}

#[test]
fn the_demo_runs_against_the_stand_in() {
    let output = unconfigured(&["demo"]);
    assert_exit(&output, 0);
    let stdout = text(&output.stdout);
    assert!(stdout.contains("upload: hello.txt"), "{stdout}");
    assert!(
        stdout.contains("download: 47 bytes, identical to the upload"),
        "{stdout}"
    );
    assert!(stdout.contains("delete: "), "{stdout}");
    assert!(
        stdout.trim_end().ends_with("round trip complete"),
        "{stdout}"
    );
    assert!(text(&output.stderr).contains("stand-in server"));
}

/// The subcommands, against a server configured with `SUNCO_BASE_URL`.
#[test]
fn upload_prints_the_response_json() {
    let dir = support::TempDir::new();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "hello").unwrap();
    let server = RawServer::start(vec![json_reply(
        201,
        serde_json::json!({"attachment": {"mediaUrl": "https://media.example/apps/app/notes.txt", "mediaType": "text/plain"}}),
    )]);
    let output = against(
        &server.url(),
        &[
            "upload",
            file.to_str().unwrap(),
            "--access",
            "private",
            "--for",
            "message",
            "--conversation-id",
            "c1",
        ],
    );
    assert_exit(&output, 0);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        json["attachment"]["mediaUrl"]
            .as_str()
            .unwrap()
            .ends_with("/notes.txt")
    );
    assert_eq!(json["attachment"]["mediaType"], "text/plain");
    assert_eq!(
        server.only().target(),
        "/v2/apps/app/attachments?access=private&for=message&conversationId=c1"
    );
}

#[test]
fn delete_token_and_cookie_subcommands() {
    let server = RawServer::start(vec![
        json_reply(200, serde_json::json!({})),
        json_reply(
            200,
            serde_json::json!({"tokens": {"/apps/a": "token-a", "/apps/b": "token-b"}}),
        ),
        Reply::Bytes(response(
            200,
            &[("set-cookie", "smooch-media-token=t; Path=/apps/app")],
            "{}",
        )),
    ]);
    let output = against(&server.url(), &["delete", "https://media.example/a.png"]);
    assert_exit(&output, 0);
    assert_eq!(text(&output.stdout).trim(), "{}");

    let output = against(&server.url(), &["token", "/apps/a", "/apps/b"]);
    if media_tokens_in_this_build() {
        assert_exit(&output, 0);
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(json["/apps/a"], "token-a");
        assert_eq!(json["/apps/b"], "token-b");
    } else {
        assert_exit(&output, 2);
    }

    let output = against(&server.url(), &["cookie", "token-a"]);
    if media_tokens_in_this_build() {
        assert_exit(&output, 0);
        assert!(text(&output.stdout).starts_with("smooch-media-token="));
    } else {
        assert_exit(&output, 2);
    }
}

/// Whether this build's document has the media token and cookie operations (up to API 12.8).
fn media_tokens_in_this_build() -> bool {
    sunshine_conversations_client::operations::OPERATION_IDS
        .iter()
        .any(|id| id.eq_ignore_ascii_case("generateMediaJsonWebToken"))
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
        let output = unconfigured(args);
        assert_exit(&output, 2);
        let stderr = text(&output.stderr);
        // The error, then the usage line or where the help is.
        assert!(
            stderr.starts_with("error: ")
                && (stderr.contains("Usage: sunco") || stderr.contains("try '--help'")),
            "{stderr}"
        );
        assert!(output.stdout.is_empty(), "{}", text(&output.stdout));
    }
    // `--help` on every subcommand, and `--version`, on stdout with 0.
    for args in [
        &["--help"][..],
        &["upload", "--help"],
        &["download", "--help"],
        &["delete", "--help"],
        &["token", "--help"],
        &["cookie", "--help"],
        &["receive", "--help"],
        &["demo", "--help"],
        &["completions", "--help"],
    ] {
        let output = unconfigured(args);
        assert_exit(&output, 0);
        assert!(text(&output.stdout).contains("Usage: sunco"), "{args:?}");
    }
    let version = unconfigured(&["--version"]);
    assert_exit(&version, 0);
    assert_eq!(
        text(&version.stdout).trim(),
        format!("sunco {}", env!("CARGO_PKG_VERSION"))
    );
    // No argument at all: the help, as a usage error.
    let bare = unconfigured(&[]);
    assert_exit(&bare, 2);
    assert!(
        text(&bare.stderr).contains("Commands:"),
        "{}",
        text(&bare.stderr)
    );
}

/// `completions bash|zsh|fish` prints a script that names the subcommands.
#[test]
fn completions_for_three_shells() {
    for shell in ["bash", "zsh", "fish"] {
        let output = unconfigured(&["completions", shell]);
        assert_exit(&output, 0);
        let script = text(&output.stdout);
        for subcommand in ["upload", "download", "receive", "demo"] {
            assert!(script.contains(subcommand), "{shell}: {subcommand}");
        }
    }
    assert_exit(&unconfigured(&["completions", "tcsh"]), 2);
}

/// A case of the CLI's configuration: what it is, its variables, its arguments.
type Case<'a> = (&'a str, Vec<(&'static str, String)>, Vec<&'a str>);

/// The stand-in answers the demo with nothing configured, and nothing else: without a usable app
/// id every other combination is a usage error that sends nothing.
#[test]
fn without_an_app_id_nothing_is_faked_and_nothing_sent() {
    let server = RawServer::start(vec![json_reply(200, serde_json::json!({}))]);
    let url = server.url();
    let key = [("SUNCO_KEY_ID", "key"), ("SUNCO_KEY_SECRET", SECRET)];
    let with = |extra: &[(&'static str, &str)]| -> Vec<(&'static str, String)> {
        key.iter()
            .chain(extra)
            .map(|(n, v)| (*n, (*v).to_owned()))
            .collect()
    };
    let cases: Vec<Case<'_>> = vec![
        (
            "a subcommand, nothing configured",
            vec![],
            vec!["delete", "https://m/a.png"],
        ),
        (
            "a subcommand, a host but no app",
            with(&[("SUNCO_BASE_URL", &url)]),
            vec!["delete", "u"],
        ),
        (
            "a subcommand, an empty app id",
            with(&[("SUNCO_BASE_URL", &url), ("SUNCO_APP_ID", "")]),
            vec!["token", "/apps/a"],
        ),
        (
            "the demo, an empty app id and a host",
            with(&[("SUNCO_BASE_URL", &url), ("SUNCO_APP_ID", "")]),
            vec!["demo"],
        ),
        (
            "the demo, a region but no app",
            with(&[("SUNCO_REGION", "eu")]),
            vec!["demo"],
        ),
        (
            "the demo, a subdomain but no app",
            with(&[("SUNCO_SUBDOMAIN", "acme")]),
            vec!["demo"],
        ),
        (
            "the demo, a host but no app",
            with(&[("SUNCO_BASE_URL", &url)]),
            vec!["demo"],
        ),
    ];
    for (case, vars, args) in cases {
        let vars: Vec<(&str, &str)> = vars.iter().map(|(n, v)| (*n, v.as_str())).collect();
        let output = cli(&vars, &args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{case}: {}",
            text(&output.stderr)
        );
        let stderr = text(&output.stderr);
        assert!(stderr.contains("SUNCO_APP_ID"), "{case}: {stderr}");
        assert!(!stderr.contains("stand-in"), "{case}: {stderr}");
        assert!(
            output.stdout.is_empty(),
            "{case}: printed {}",
            text(&output.stdout)
        );
    }
    assert!(server.requests().is_empty(), "nothing reached the server");
}

#[test]
fn failed_calls_exit_with_1_without_secrets() {
    let server = RawServer::start(vec![Reply::Bytes(response(
        401,
        &[("content-type", "application/json")],
        r#"{"errors":[{"code":"unauthorized","title":"Authorization is required"}]}"#,
    ))]);
    let output = against(&server.url(), &["delete", "https://media.example/a.png"]);
    assert_exit(&output, 1);
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with("error: ") && stderr.contains("401"),
        "{stderr}"
    );
    assert!(!stderr.contains(SECRET) && !stderr.contains("panicked"));

    let output = against(&server.url(), &["upload", "/no/such/file.png"]);
    assert_exit(&output, 1);
    assert!(text(&output.stderr).contains("no such file"));
    assert_eq!(server.requests().len(), 1, "the missing file sent nothing");

    let output = against("http://example.com", &["delete", "u"]);
    assert_exit(&output, 1);
    assert!(
        text(&output.stderr).contains("https"),
        "plain http to a remote host is refused"
    );
}

/// `SUNCO_TIMEOUT_SECS=T` bounds a call's whole duration to about T, a server dripping its
/// answer included; values that cannot be used are refused, naming the variable.
#[test]
fn the_timeout_variable_bounds_a_call_and_is_checked() {
    let server = RawServer::start(vec![Reply::Drip {
        head: b"HTTP/1.1 200 OK\r\ncontent-length: 200\r\n\r\n".to_vec(),
        body: vec![b' '; 200],
        every: Duration::from_millis(400),
    }]);
    let configured = |timeout: &str, args: &[&str]| {
        cli(
            &[
                ("SUNCO_APP_ID", "app"),
                ("SUNCO_KEY_ID", "key"),
                ("SUNCO_KEY_SECRET", SECRET),
                ("SUNCO_BASE_URL", &server.url()),
                ("SUNCO_TIMEOUT_SECS", timeout),
            ],
            args,
        )
    };
    let started = Instant::now();
    let output = configured("1", &["delete", "u"]);
    let took = started.elapsed();
    assert_exit(&output, 1);
    assert!(
        text(&output.stderr).contains("timed out"),
        "{}",
        text(&output.stderr)
    );
    assert!(took < Duration::from_secs(4), "{took:?}");

    let before = server.requests().len();
    for value in ["18446744073709551615", "0", "soon"] {
        let output = configured(value, &["delete", "u"]);
        assert_exit(&output, 1);
        let stderr = text(&output.stderr);
        assert!(stderr.contains("SUNCO_TIMEOUT_SECS"), "{value}: {stderr}");
        assert!(!stderr.contains("panicked"), "{value}: {stderr}");
    }
    assert_eq!(server.requests().len(), before, "nothing was sent");
}

/// `SUNCO_CA_FILE` that is missing or holds no certificate is a usage error: exit 2, nothing
/// sent.
#[test]
fn a_ca_file_that_cannot_be_used_exits_with_2() {
    let server = RawServer::start(vec![Reply::Bytes(response(200, &[], "{}"))]);
    let dir = support::TempDir::new();
    let empty = dir.path().join("empty.pem");
    std::fs::write(&empty, "no certificate here").unwrap();
    let missing = dir.path().join("missing.pem");
    for file in [&missing, &empty] {
        let output = cli(
            &[
                ("SUNCO_APP_ID", "app"),
                ("SUNCO_KEY_ID", "key"),
                ("SUNCO_KEY_SECRET", SECRET),
                ("SUNCO_BASE_URL", &server.url()),
                ("SUNCO_CA_FILE", file.to_str().unwrap()),
            ],
            &["delete", "u"],
        );
        assert_exit(&output, 2);
        assert!(
            text(&output.stderr).contains("SUNCO_CA_FILE"),
            "{}",
            text(&output.stderr)
        );
    }
    assert_eq!(server.heads(), 0, "nothing was sent");
}

/// `download MEDIA_URL [-o PATH] [--force]`: saves the media and prints what it saved; an
/// existing PATH is exit 2 with nothing sent unless `--force`; a failed download is exit 1 and
/// leaves no file.
#[test]
fn download_saves_refuses_to_overwrite_and_leaves_nothing_when_it_fails() {
    use support::media::{MediaHost, Route};
    let host = MediaHost::start(vec![
        (
            "/apps/app/attachments/r%C3%A9sum%C3%A9.pdf",
            Route::File {
                bytes: b"%PDF-1.4 cv".to_vec(),
                content_type: "application/pdf",
                authorization: Some(support::basic_header_for("key", SECRET)),
            },
        ),
        (
            "/cut.pdf",
            Route::Cut {
                declared: 1000,
                sent: vec![b'x'; 10],
            },
        ),
    ]);
    let dir = support::TempDir::new();
    let url = host.url("/apps/app/attachments/r%C3%A9sum%C3%A9.pdf?sig=abc");
    let run = |args: &[&str]| {
        against_command(&host.url(""))
            .current_dir(dir.path())
            .args(args)
            .output()
            .expect("run sunco")
    };
    // The default path: the URL's last segment, decoded and made safe.
    let output = run(&["download", &url]);
    assert_exit(&output, 0);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["download"]["bytes"], 11);
    assert_eq!(json["download"]["contentType"], "application/pdf");
    assert_eq!(
        std::fs::read(dir.path().join("resume.pdf")).unwrap(),
        b"%PDF-1.4 cv"
    );
    let requests = host.seen().len();
    // It exists now: exit 2, nothing sent, unless --force.
    let output = run(&["download", &url, "-o", "resume.pdf"]);
    assert_exit(&output, 2);
    assert!(
        text(&output.stderr).contains("--force"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(host.seen().len(), requests, "nothing was sent");
    assert_exit(&run(&["download", &url, "-o", "resume.pdf", "--force"]), 0);
    // A failed download: exit 1, no file, and the query is not shown.
    let output = run(&[
        "download",
        &host.url("/cut.pdf?sig=s3cret-query"),
        "-o",
        "cut.pdf",
    ]);
    assert_exit(&output, 1);
    assert!(!text(&output.stderr).contains("s3cret-query"));
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, vec!["resume.pdf"]);
}

/// `upload` refuses what the service would refuse, with exit 2 and nothing sent, unless
/// `--no-file-check`.
#[test]
fn upload_checks_the_file_unless_told_not_to() {
    let dir = support::TempDir::new();
    let file = dir.path().join("tool.exe");
    std::fs::write(&file, b"MZ\x90\0\x03\0\0\0").unwrap();
    let server = RawServer::start(vec![json_reply(
        201,
        serde_json::json!({"attachment": {"mediaUrl": "https://media.example/tool.exe"}}),
    )]);
    let output = against(&server.url(), &["upload", file.to_str().unwrap()]);
    assert_exit(&output, 2);
    assert!(
        text(&output.stderr).contains("--no-file-check"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(server.heads(), 0, "nothing was sent");
    let output = against(
        &server.url(),
        &["upload", file.to_str().unwrap(), "--no-file-check"],
    );
    assert_exit(&output, 0);
    assert_eq!(server.heads(), 1);
    let usage = unconfigured(&["upload", "--help"]);
    assert!(text(&usage.stdout).contains("--no-file-check"));
}

/// A refused redirect (a loop here) comes after a request was sent: exit 1, a failed call, not
/// a usage error that says nothing was sent.
#[test]
fn a_refused_redirect_is_a_failed_call() {
    use support::media::{MediaHost, Route};
    let host = MediaHost::start(vec![("/loop.pdf", Route::Redirect("/loop.pdf".to_owned()))]);
    let dir = support::TempDir::new();
    let output = against_command(&host.url(""))
        .current_dir(dir.path())
        .args(["download", &host.url("/loop.pdf"), "-o", "loop.pdf"])
        .output()
        .expect("run sunco");
    assert_exit(&output, 1);
    let stderr = text(&output.stderr);
    assert!(stderr.contains("redirect"), "{stderr}");
    assert!(!stderr.contains("nothing was sent"), "{stderr}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// `SIGINT` or `SIGTERM` during a download ends it, removes its temporary file and exits with
/// 130 or 143.
#[cfg(unix)]
#[test]
fn an_interrupted_download_leaves_no_file_and_says_by_what() {
    use support::media::{MediaHost, Route};
    let host = MediaHost::start(vec![(
        "/slow.pdf",
        Route::Drip {
            bytes: vec![b'x'; 2000],
            every: Duration::from_millis(20),
        },
    )]);
    for (signal, code) in [(libc::SIGINT, 130), (libc::SIGTERM, 143)] {
        let dir = support::TempDir::new();
        let sent = host.seen().len();
        let child = against_command(&host.url(""))
            .current_dir(dir.path())
            .args(["download", &host.url("/slow.pdf"), "-o", "slow.pdf"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run sunco");
        // The request is under way (so the handler is in place), and bytes are arriving.
        let end = Instant::now() + Duration::from_secs(10);
        while host.seen().len() == sent && Instant::now() < end {
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(300));
        let temporary = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(temporary, 1, "the temporary file is being written");
        // SAFETY: kill only sends a signal to the child this test started.
        assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, signal) }, 0);
        let output = child.wait_with_output().unwrap();
        assert_exit(&output, code);
        assert!(
            text(&output.stderr).contains("cancelled"),
            "{}",
            text(&output.stderr)
        );
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.is_empty(), "{left:?}");
    }
}

/// Runs `command` with its stderr on a new pseudo-terminal and its stdout on a pipe: what the
/// CLI writes to a terminal and to a script at once.
#[cfg(unix)]
fn on_a_terminal(mut command: Command) -> Output {
    use std::io::Read;
    use std::os::fd::{FromRawFd, OwnedFd};
    let (mut master, mut slave) = (-1, -1);
    // SAFETY: openpty only writes the two descriptors it opens into the two integers.
    let opened = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(opened, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: both descriptors were just opened, and nothing else owns them.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    // A terminal that says what it is: without `TERM`, the progress line stays hidden.
    let child = command
        .env("TERM", "xterm")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::from(slave))
        .spawn()
        .expect("run sunco");
    // This process's copy of the terminal's other end closes with the command, so that reading
    // ends (with EIO) once the child has exited.
    drop(command);
    let reading = std::thread::spawn(move || {
        let mut seen = Vec::new();
        let _ = std::fs::File::from(master).read_to_end(&mut seen);
        seen
    });
    let output = child.wait_with_output().expect("sunco ends");
    Output {
        stderr: reading.join().expect("the terminal is read"),
        ..output
    }
}

#[test]
#[cfg(unix)]
fn uploads_and_downloads_show_progress_on_a_terminal_only() {
    let dir = support::TempDir::new();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "hello progress").unwrap();
    let answer = || {
        json_reply(
            201,
            serde_json::json!({"attachment": {"mediaUrl": "https://media.example/notes.txt"}}),
        )
    };
    let server = RawServer::start(vec![answer(), answer(), answer()]);
    let upload = |extra: &[&str]| {
        let mut command = against_command(&server.url());
        command.args(["upload", file.to_str().unwrap()]).args(extra);
        command
    };

    // On a terminal: one progress line on stderr, redrawn in place; stdout is the JSON alone.
    let output = on_a_terminal(upload(&[]));
    assert_exit(&output, 0);
    let stderr = text(&output.stderr);
    assert!(stderr.contains("upload "), "{stderr:?}");
    assert!(stderr.contains("of 14 B (100 %)"), "{stderr:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(json["attachment"]["mediaUrl"].is_string(), "{json}");
    // `--quiet`, or no terminal: nothing of it.
    let output = on_a_terminal(upload(&["--quiet"]));
    assert_exit(&output, 0);
    assert!(
        !text(&output.stderr).contains("upload "),
        "{:?}",
        text(&output.stderr)
    );
    let output = upload(&[]).output().unwrap();
    assert_exit(&output, 0);
    assert!(
        !text(&output.stderr).contains("upload "),
        "{:?}",
        text(&output.stderr)
    );

    // A download likewise.
    use support::media::{MediaHost, Route};
    let host = MediaHost::start(vec![(
        "/photo.png",
        Route::File {
            bytes: vec![7u8; 300_000],
            content_type: "image/png",
            authorization: None,
        },
    )]);
    let mut download = against_command(&host.url(""));
    download
        .current_dir(dir.path())
        .args(["download", &host.url("/photo.png"), "-o", "photo.png"]);
    let output = on_a_terminal(download);
    assert_exit(&output, 0);
    let stderr = text(&output.stderr);
    assert!(stderr.contains("download "), "{stderr:?}");
    assert!(stderr.contains("of 292.97 KiB (100 %)"), "{stderr:?}");
    assert_eq!(
        std::fs::metadata(dir.path().join("photo.png"))
            .unwrap()
            .len(),
        300_000
    );

    // A download that takes a second and a half: redrawn in place, at most 10 times a second
    // (and once more as it ends), one line in all.
    let slow = MediaHost::start(vec![(
        "/slow.txt",
        Route::Drip {
            bytes: vec![b'x'; 75],
            every: Duration::from_millis(20),
        },
    )]);
    let mut download = against_command(&slow.url(""));
    download
        .current_dir(dir.path())
        .args(["download", &slow.url("/slow.txt"), "-o", "slow.txt"]);
    let started = Instant::now();
    let output = on_a_terminal(download);
    let took = started.elapsed();
    assert_exit(&output, 0);
    let stderr = text(&output.stderr);
    let drawings = stderr.matches('\r').count();
    let allowed = (took.as_secs_f64() * 10.0).ceil() as usize + 2;
    assert!(
        drawings >= 5 && drawings <= allowed,
        "{drawings} drawings in {took:?}: {stderr:?}"
    );
    assert_eq!(stderr.matches('\n').count(), 1, "{stderr:?}");
    assert!(
        stderr.contains("download 75 B of 75 B (100 %)"),
        "{stderr:?}"
    );

    // A download cut short: its last drawing is the count it reached, not the whole
    // (indicatif's `finish` would draw the whole).
    let cut = MediaHost::start(vec![(
        "/cut.bin",
        Route::Cut {
            declared: 1000,
            sent: vec![1u8; 400],
        },
    )]);
    let mut download = against_command(&cut.url(""));
    download
        .current_dir(dir.path())
        .args(["download", &cut.url("/cut.bin"), "-o", "cut.bin"]);
    let output = on_a_terminal(download);
    assert_exit(&output, 1);
    let stderr = text(&output.stderr);
    assert!(stderr.contains("400 B of 1000 B (40 %)"), "{stderr:?}");
    assert!(!stderr.contains("(100 %)"), "{stderr:?}");
}
