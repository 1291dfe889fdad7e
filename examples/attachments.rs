//! A small command-line tool over the attachments API.
//!
//! ```text
//! cargo run --example attachments                      # round trip: upload, download, token, cookie, delete
//! cargo run --example attachments -- upload FILE [--access public|private] [--for message]
//!                                                      [--conversation-id ID] [--no-file-check]
//!                                                      [--quiet]
//! cargo run --example attachments -- delete MEDIA_URL
//! cargo run --example attachments -- download MEDIA_URL [-o PATH] [--force] [--quiet]
//! cargo run --example attachments -- token PATH...
//! cargo run --example attachments -- cookie MEDIA_TOKEN
//! ```
//!
//! Configuration comes from the environment: `SUNCO_APP_ID`, `SUNCO_KEY_ID`,
//! `SUNCO_KEY_SECRET`, `SUNCO_AUTH=basic|jwt`, the host from `SUNCO_BASE_URL`, `SUNCO_REGION`
//! or `SUNCO_SUBDOMAIN`, `SUNCO_TIMEOUT_SECS`, `SUNCO_MAX_UPLOAD_BYTES`, and `SUNCO_CA_FILE`
//! (a PEM file of extra root certificates, for a company CA; missing, unreadable or without a
//! certificate: exit 2).
//!
//! The round trip (no argument) with none of `SUNCO_APP_ID`, `SUNCO_BASE_URL`, `SUNCO_REGION`
//! and `SUNCO_SUBDOMAIN` set runs against a local stand-in server on 127.0.0.1 that answers like
//! the API, and says so on stderr. Nothing else ever does: a subcommand without an app id, or an
//! empty `SUNCO_APP_ID` next to a configured host, is a usage error and sends nothing.
//!
//! `upload` checks the file against the service's file validation before sending (its
//! extension and the type of its first bytes; a refused file is exit 2 with nothing sent);
//! `--no-file-check` skips that. `download` saves to PATH (default: the URL's last path
//! segment, made safe, in the current directory); an existing PATH is exit 2 without
//! `--force`; a failed download (exit 1) leaves no file behind; the size limit comes from
//! `SUNCO_MAX_DOWNLOAD_BYTES` (default 50 MiB). `SIGINT` (Ctrl-C) or `SIGTERM` ends a download
//! at its next read, removes its temporary file and exits with 130 or 143; a second one ends
//! the process at once (which can leave a `.sunco-XXXXXXXX.part` file).
//!
//! On a terminal (stderr is a TTY), `upload` and `download` show one progress line on stderr,
//! redrawn in place at most 10 times a second; `--quiet` turns it off, and without a terminal
//! nothing extra is printed. stdout carries only the answer's JSON either way.
//!
//! The round trip uploads a small file, downloads it back and compares it byte for byte (when
//! its media URL is on the configured host; otherwise it says it skips the download),
//! exchanges a media token for a cookie where the API has them, and deletes the file.
//!
//! Exit status: 0 on success, 1 when a call fails, 2 for a usage error (nothing was sent), 130
//! or 143 for a download ended by `SIGINT` or `SIGTERM`.

#[path = "common/logger.rs"]
mod logger;
#[path = "common/progress.rs"]
mod progress;
#[path = "common/stand_in.rs"]
mod stand_in;

use std::process::ExitCode;

use sunshine_conversations_client::{Access, Client, Error, For, Secret, Upload, printable};

const USAGE: &str = "usage: attachments [upload FILE [--access public|private] [--for message] \
[--conversation-id ID] [--no-file-check] [--quiet] | delete MEDIA_URL | download MEDIA_URL \
[-o PATH] [--force] [--quiet] | token PATH... | cookie MEDIA_TOKEN]
  --no-file-check  skip the check of the file's extension and type before sending (the service \
still refuses what it does not accept)
  --quiet          no progress line on a terminal";

enum Command {
    RoundTrip,
    Upload {
        file: String,
        access: Access,
        intended_for: Option<For>,
        conversation_id: Option<String>,
        file_check: bool,
        quiet: bool,
    },
    Delete(String),
    Download {
        url: String,
        path: Option<String>,
        force: bool,
        quiet: bool,
    },
    Token(Vec<String>),
    Cookie(String),
}

fn parse(args: &[String]) -> Result<Command, String> {
    let Some((command, rest)) = args.split_first() else {
        return Ok(Command::RoundTrip);
    };
    match command.as_str() {
        "upload" => {
            let mut file = None;
            let mut access = Access::Public;
            let mut intended_for = None;
            let mut conversation_id = None;
            let mut file_check = true;
            let mut quiet = false;
            let mut rest = rest.iter();
            while let Some(arg) = rest.next() {
                let mut value = |flag: &str| {
                    rest.next()
                        .cloned()
                        .ok_or_else(|| format!("{flag} needs a value"))
                };
                match arg.as_str() {
                    "--access" => {
                        access = match value("--access")?.as_str() {
                            "public" => Access::Public,
                            "private" => Access::Private,
                            other => {
                                return Err(format!(
                                    "--access: `{other}` is not public or private"
                                ));
                            }
                        }
                    }
                    "--for" => {
                        intended_for = match value("--for")?.as_str() {
                            "message" => Some(For::Message),
                            other => return Err(format!("--for: `{other}` is not message")),
                        }
                    }
                    "--conversation-id" => conversation_id = Some(value("--conversation-id")?),
                    "--no-file-check" => file_check = false,
                    "--quiet" | "-q" => quiet = true,
                    flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
                    path if file.is_none() => file = Some(path.to_owned()),
                    extra => return Err(format!("unexpected argument {extra}")),
                }
            }
            Ok(Command::Upload {
                file: file.ok_or("upload needs a FILE")?,
                access,
                intended_for,
                conversation_id,
                file_check,
                quiet,
            })
        }
        "download" => {
            let mut url = None;
            let mut path = None;
            let mut force = false;
            let mut quiet = false;
            let mut rest = rest.iter();
            while let Some(arg) = rest.next() {
                match arg.as_str() {
                    "-o" | "--output" => {
                        path = Some(rest.next().cloned().ok_or("-o needs a PATH")?);
                    }
                    "--force" => force = true,
                    "--quiet" | "-q" => quiet = true,
                    flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
                    text if url.is_none() => url = Some(text.to_owned()),
                    extra => return Err(format!("unexpected argument {extra}")),
                }
            }
            Ok(Command::Download {
                url: url.ok_or("download needs a MEDIA_URL")?,
                path,
                force,
                quiet,
            })
        }
        "delete" => match rest {
            [url] => Ok(Command::Delete(url.clone())),
            _ => Err("delete needs exactly one MEDIA_URL".to_owned()),
        },
        "token" if !rest.is_empty() => Ok(Command::Token(rest.to_vec())),
        "token" => Err("token needs at least one PATH".to_owned()),
        "cookie" => match rest {
            [token] => Ok(Command::Cookie(token.clone())),
            _ => Err("cookie needs exactly one MEDIA_TOKEN".to_owned()),
        },
        other => Err(format!("unknown command {other}")),
    }
}

fn main() -> ExitCode {
    // `RUST_LOG=debug` shows one line per request (and each retry); nothing secret is logged.
    logger::init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if matches!(args.first().map(String::as_str), Some("-h" | "--help")) {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let command = match parse(&args) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("error: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };

    // Keep the stand-in server alive for the whole run.
    let (client, _stand_in) = match connect(&command) {
        Ok(pair) => pair,
        Err(failure) => return failure.exit(Some(USAGE)),
    };
    match run(&client, command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.exit(None),
    }
}

enum Failure {
    Usage(String),
    Call(Error),
    Other(String),
    /// Ended by a signal: its exit code (130 for `SIGINT`, 143 for `SIGTERM`).
    Interrupted(Error, u8),
}

impl Failure {
    /// Reports the failure on stderr and gives the exit code: 2 for a usage error (followed
    /// by `usage`, when given), 1 for anything else.
    fn exit(self, usage: Option<&str>) -> ExitCode {
        match self {
            Failure::Usage(message) => {
                match usage {
                    Some(usage) => eprintln!("error: {message}\n{usage}"),
                    None => eprintln!("error: {message}"),
                }
                ExitCode::from(2)
            }
            Failure::Call(e) => {
                eprintln!("error: {e}");
                ExitCode::from(1)
            }
            Failure::Other(message) => {
                eprintln!("error: {message}");
                ExitCode::from(1)
            }
            Failure::Interrupted(e, code) => {
                eprintln!("error: {e} (interrupted)");
                ExitCode::from(code)
            }
        }
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Call(e)
    }
}

/// The client from the environment, or, for the round trip with nothing configured, one
/// pointed at a local stand-in server.
fn connect(command: &Command) -> Result<(Client, Option<stand_in::StandIn>), Failure> {
    let round_trip = matches!(command, Command::RoundTrip);
    if round_trip && stand_in::nothing_configured() {
        let (server, client) = stand_in::StandIn::client().map_err(Failure::Other)?;
        return Ok((client, Some(server)));
    }
    if stand_in::configured("SUNCO_APP_ID") {
        return match Client::from_env() {
            Ok(client) => Ok((client, None)),
            // A CA file that cannot be used is a usage error: nothing was sent.
            Err(Error::RootCertificates {
                setting, reason, ..
            }) => Err(Failure::Usage(format!(
                "{setting}: {reason}; nothing was sent"
            ))),
            Err(e) => Err(e.into()),
        };
    }
    let host = stand_in::host_configured();
    let what = if std::env::var_os("SUNCO_APP_ID").is_some() {
        "SUNCO_APP_ID is empty"
    } else {
        "SUNCO_APP_ID is not set"
    };
    let why = match (round_trip, host) {
        (true, Some(host)) => {
            format!("{host} is set, so the round trip talks to that host and needs the app")
        }
        _ => "this command works on an app of your account".to_owned(),
    };
    Err(Failure::Usage(format!(
        "{what}: {why}; set SUNCO_APP_ID (with SUNCO_KEY_ID and SUNCO_KEY_SECRET); nothing was sent"
    )))
}

fn run(client: &Client, command: Command) -> Result<(), Failure> {
    match command {
        Command::RoundTrip => round_trip(client),
        Command::Upload {
            file,
            access,
            intended_for,
            conversation_id,
            file_check,
            quiet,
        } => {
            let mut upload = Upload::path(&file)?.access(access);
            if let Some(mut progress) = progress::Progress::on_terminal("upload", quiet) {
                upload = upload.on_progress(move |sent, total| progress.update(sent, total));
            }
            if !file_check {
                upload = upload.without_file_check();
            }
            if let Some(intended_for) = intended_for {
                upload = upload.intended_for(intended_for);
            }
            if let Some(id) = conversation_id {
                upload = upload.conversation_id(id);
            }
            let attachment = client.upload(upload).map_err(|e| match e {
                // The file check refused it: nothing was sent.
                Error::FileRefused { .. } => {
                    Failure::Usage(format!("{e}; `--no-file-check` skips the check"))
                }
                other => Failure::Call(other),
            })?;
            print_json(&serde_json::json!({ "attachment": attachment }));
            Ok(())
        }
        Command::Download {
            url,
            path,
            force,
            quiet,
        } => download(client, &url, path, force, quiet),
        Command::Delete(url) => {
            client.delete(&url)?;
            print_json(&serde_json::json!({}));
            Ok(())
        }
        Command::Token(paths) => tokens(client, paths),
        Command::Cookie(token) => cookie(client, &Secret::new(token)),
    }
}

/// `download MEDIA_URL [-o PATH] [--force] [--quiet]`: saves the media, prints what was saved.
fn download(
    client: &Client,
    url: &str,
    path: Option<String>,
    force: bool,
    quiet: bool,
) -> Result<(), Failure> {
    let path = match path {
        Some(path) => std::path::PathBuf::from(path),
        None => std::path::PathBuf::from(default_file_name(url)),
    };
    let cancel = signals::cancel_on_sigint_and_sigterm();
    let mut download = client.download(url).overwrite(force).cancel_with(&cancel);
    if let Some(mut progress) = progress::Progress::on_terminal("download", quiet) {
        download = download.on_progress(move |got, total| progress.update(got, total));
    }
    let saved = download.to_path(&path).map_err(|e| match e {
        // Refused before sending: an existing file without --force, a bad URL.
        Error::InvalidInput { .. } if !force && path.exists() => {
            Failure::Usage(format!("{e}; `--force` replaces it"))
        }
        Error::InvalidInput { .. } => Failure::Usage(e.to_string()),
        Error::Cancelled { .. } => Failure::Interrupted(e, signals::exit_code()),
        other => Failure::Call(other),
    })?;
    print_json(&serde_json::json!({
        "download": {
            "path": saved.path.display().to_string(),
            "bytes": saved.bytes,
            "contentType": saved.content_type,
            "contentLength": saved.content_length,
        }
    }));
    Ok(())
}

/// The URL's last path segment, percent-decoded and made safe, or `download`.
fn default_file_name(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let after_scheme = path.split_once("://").map_or(path, |(_, rest)| rest);
    let segment = after_scheme
        .split_once('/')
        .and_then(|(_, path)| path.rsplit('/').next())
        .unwrap_or("");
    let decoded = percent_encoding::percent_decode_str(segment).decode_utf8_lossy();
    if decoded.trim().is_empty() {
        "download".to_owned()
    } else {
        sunshine_conversations_client::sanitize_file_name(&decoded)
    }
}

/// `SIGINT` and `SIGTERM` during a download: the first cancels it (the library removes its
/// temporary file), the second ends the process as the signal would.
#[cfg(unix)]
mod signals {
    use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

    use sunshine_conversations_client::CancelToken;

    static CAUGHT: AtomicBool = AtomicBool::new(false);
    static SIGNAL: AtomicI32 = AtomicI32::new(0);

    extern "C" fn caught(signal: libc::c_int) {
        // Only atomic stores: what a signal handler may do.
        SIGNAL.store(signal, Ordering::SeqCst);
        CAUGHT.store(true, Ordering::SeqCst);
    }

    /// A token cancelled by the first `SIGINT` or `SIGTERM`.
    pub fn cancel_on_sigint_and_sigterm() -> CancelToken {
        for signal in [libc::SIGINT, libc::SIGTERM] {
            // SAFETY: the action is fully initialised (zeroed, an empty mask, the handler and
            // SA_RESETHAND, so that the next such signal has its default effect), and the
            // handler only stores to atomics, which is async-signal-safe.
            unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = caught as extern "C" fn(libc::c_int) as libc::sighandler_t;
                action.sa_flags = libc::SA_RESETHAND;
                libc::sigemptyset(&mut action.sa_mask);
                libc::sigaction(signal, &action, std::ptr::null_mut());
            }
        }
        CancelToken::from_flag(&CAUGHT)
    }

    /// 128 + the signal that cancelled the download.
    pub fn exit_code() -> u8 {
        match SIGNAL.load(Ordering::SeqCst) {
            libc::SIGTERM => 143,
            _ => 130,
        }
    }
}

/// Elsewhere, downloads end as the platform ends the process.
#[cfg(not(unix))]
mod signals {
    use sunshine_conversations_client::CancelToken;

    pub fn cancel_on_sigint_and_sigterm() -> CancelToken {
        CancelToken::new()
    }

    pub fn exit_code() -> u8 {
        130
    }
}

fn print_json(value: &serde_json::Value) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
    );
}

#[cfg(sunco_helper = "media_tokens")]
fn tokens(client: &Client, paths: Vec<String>) -> Result<(), Failure> {
    let tokens = client.media_tokens(paths)?;
    let map: serde_json::Map<String, serde_json::Value> = tokens
        .iter()
        .map(|(path, token)| (path.to_owned(), token.expose().into()))
        .collect();
    print_json(&serde_json::Value::Object(map));
    Ok(())
}

#[cfg(not(sunco_helper = "media_tokens"))]
fn tokens(_: &Client, _: Vec<String>) -> Result<(), Failure> {
    Err(Failure::Usage(
        "token: this build's OpenAPI document has no media token operation (removed in API 13.1)"
            .to_owned(),
    ))
}

#[cfg(sunco_helper = "media_cookie")]
fn cookie(client: &Client, token: &Secret) -> Result<(), Failure> {
    for value in client.media_cookie(token)? {
        println!("{}", value.expose());
    }
    Ok(())
}

#[cfg(not(sunco_helper = "media_cookie"))]
fn cookie(_: &Client, _: &Secret) -> Result<(), Failure> {
    Err(Failure::Usage(
        "cookie: this build's OpenAPI document has no cookie operation (removed in API 13.1)"
            .to_owned(),
    ))
}

/// Upload a small file, get a media token for it, exchange the token for a cookie, delete it.
fn round_trip(client: &Client) -> Result<(), Failure> {
    let content = format!(
        "hello from sunshine-conversations-client {}\n",
        env!("CARGO_PKG_VERSION")
    );
    let size = content.len();
    let attachment = client.upload(Upload::bytes("hello.txt", content.clone()))?;
    // The answer's text is printed escaped: no value of it can start a line of its own.
    let media_url = printable(&attachment.media_url);
    println!(
        "upload: hello.txt ({size} bytes) -> {media_url} ({})",
        printable(attachment.media_type.as_deref().unwrap_or("no media type"))
    );

    if client.sends_credentials_to(&attachment.media_url) {
        let mut reader = client.download(&attachment.media_url).reader()?;
        let mut received = Vec::new();
        std::io::Read::read_to_end(&mut reader, &mut received)
            .map_err(|e| Failure::Other(format!("download: reading {media_url} failed: {e}")))?;
        if received != content.as_bytes() {
            return Err(Failure::Other(format!(
                "download: {media_url} gave {} bytes that differ from the {size} uploaded",
                received.len()
            )));
        }
        println!(
            "download: {} bytes, identical to the upload ({})",
            received.len(),
            printable(reader.content_type().unwrap_or("no content type"))
        );
    } else {
        println!(
            "download: skipped (the media URL is not on the configured host or its media \
             hosts, which are the only ones that see this client's credentials)"
        );
    }

    #[cfg(all(sunco_helper = "media_tokens", sunco_helper = "media_cookie"))]
    {
        let path = attachment_path(&attachment.media_url);
        let tokens = client.media_tokens([path.clone()])?;
        let token = match (tokens.get(&path), tokens.iter().next()) {
            (Some(token), _) => {
                println!("token: issued a media token for {}", printable(&path));
                token.clone()
            }
            (None, Some((keyed, token))) if tokens.len() == 1 => {
                println!(
                    "token: asked for {}; the API keyed its one token by {}; using that one",
                    printable(&path),
                    printable(keyed)
                );
                token.clone()
            }
            _ => {
                return Err(Failure::Other(format!(
                    "the API issued no media token for {} (it issued {})",
                    printable(&path),
                    tokens.len()
                )));
            }
        };
        let cookies = client.media_cookie(&token)?;
        println!("cookie: received {} Set-Cookie value(s)", cookies.len());
    }
    #[cfg(not(all(sunco_helper = "media_tokens", sunco_helper = "media_cookie")))]
    println!("token, cookie: skipped (not in this build's OpenAPI document)");

    client.delete(&attachment.media_url)?;
    println!("delete: {media_url} deleted");
    println!("round trip complete");
    Ok(())
}

/// The attachment path media tokens are issued for, in the documented form
/// `/apps/{appId}/...`: the media URL's path from its `/apps/` segment on (media hosts may put
/// a bucket name before it), or the whole path when it has none.
#[cfg(all(sunco_helper = "media_tokens", sunco_helper = "media_cookie"))]
fn attachment_path(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme
        .find('/')
        .map_or("/", |slash| &after_scheme[slash..]);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    match path.find("/apps/") {
        Some(at) => path[at..].to_owned(),
        None => path.to_owned(),
    }
}
