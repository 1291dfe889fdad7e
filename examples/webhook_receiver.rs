//! A blocking webhook receiver: checks the shared secret, answers at once, prints each event,
//! and downloads the files customers send on a worker thread.
//!
//! ```text
//! SUNCO_WEBHOOK_SECRET=... cargo run --example webhook_receiver --features webhooks
//! ```
//!
//! - `SUNCO_WEBHOOK_SECRET` (required): the webhook's secret, which the service sends as the
//!   `X-API-Key` header;
//! - `SUNCO_WEBHOOK_ADDR` (default `127.0.0.1:8080`; port 0 picks a free one);
//! - `SUNCO_WEBHOOK_DIR`: where files are saved (default: a new directory it names on stderr);
//! - `SUNCO_KEY_ID`, `SUNCO_KEY_SECRET`, `SUNCO_APP_ID` and the host variables of the
//!   `attachments` example: the client that downloads private media. Without a key, media is
//!   downloaded without credentials (public attachments only).
//!
//! The first line on stderr is `listening on http://HOST:PORT`. Each accepted event prints
//! `event TYPE EVENT_ID` on stdout, once per event id (the service redelivers an event whose
//! answer was late); an image or file message is downloaded into the directory, then prints
//! `file PATH BYTES`.
//!
//! Answers: `200` accepted, at once, before any download (the service's retry policy redelivers
//! a call answered late); `401` a wrong or missing key (nothing processed, nothing printed); `400` a body that is not a
//! webhook payload; `413` a body over 1 MiB; `411` no `Content-Length`; `405` not a `POST`.
//!
//! The server is the standard library's: the service sends one `POST` with a `Content-Length`
//! per call, which needs no HTTP framework, and the example compiles nothing beyond the crate.
//! Each connection is served on its own thread, with a 10 s read timeout, and closed after one
//! answer.

use std::collections::{HashSet, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sunshine_conversations_client::webhooks::{self, Event, WebhookError};
use sunshine_conversations_client::{Client, Secret, sanitize_file_name, types};

/// Connections served at most: the accept loop is bounded.
const MAX_CONNECTIONS: usize = 10_000_000;
/// Event ids remembered to recognise a redelivery.
const REMEMBERED: usize = 100_000;
/// The longest request head read.
const MAX_HEAD_BYTES: u64 = 16 * 1024;

/// A file to fetch: its media URL and the event it came with.
struct Job {
    url: String,
    event_id: String,
}

/// Event ids already processed, oldest first.
#[derive(Default)]
struct Seen {
    ids: HashSet<String>,
    order: VecDeque<String>,
}

impl Seen {
    /// Whether `id` is new (and remember it).
    fn first_time(&mut self, id: &str) -> bool {
        if !self.ids.insert(id.to_owned()) {
            return false;
        }
        self.order.push_back(id.to_owned());
        if self.order.len() > REMEMBERED
            && let Some(oldest) = self.order.pop_front()
        {
            self.ids.remove(&oldest);
        }
        true
    }
}

fn main() -> ExitCode {
    let Some(secret) = std::env::var("SUNCO_WEBHOOK_SECRET")
        .ok()
        .filter(|s| !s.trim().is_empty())
    else {
        eprintln!("error: SUNCO_WEBHOOK_SECRET is not set: set it to the webhook's secret");
        return ExitCode::from(2);
    };
    let secret = Secret::new(secret);
    let address = std::env::var("SUNCO_WEBHOOK_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".into());
    let listener = match TcpListener::bind(address.trim()) {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("error: cannot listen on {address} (SUNCO_WEBHOOK_ADDR): {e}");
            return ExitCode::from(2);
        }
    };
    let local = match listener.local_addr() {
        Ok(local) => local,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    eprintln!("listening on http://{local}");

    let (client, with_key) = match downloader() {
        Ok(pair) => pair,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    if !with_key {
        eprintln!("SUNCO_KEY_ID is not set: media is downloaded without credentials");
    }
    let directory = match files_directory() {
        Ok(directory) => directory,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let (jobs, queue) = std::sync::mpsc::channel::<Job>();
    std::thread::spawn(move || worker(&client, with_key, &directory, &queue));

    let secret = Arc::new(secret);
    let seen = Arc::new(Mutex::new(Seen::default()));
    for stream in listener.incoming().take(MAX_CONNECTIONS) {
        let Ok(stream) = stream else { continue };
        let (secret, seen, jobs) = (Arc::clone(&secret), Arc::clone(&seen), jobs.clone());
        std::thread::spawn(move || serve(stream, &secret, &seen, &jobs));
    }
    ExitCode::SUCCESS
}

/// The client that downloads media: from the `SUNCO_*` variables when a key is set.
fn downloader() -> Result<(Client, bool), String> {
    let key_set = std::env::var("SUNCO_KEY_ID").is_ok_and(|k| !k.trim().is_empty());
    if key_set {
        return Client::from_env()
            .map(|client| (client, true))
            .map_err(|e| e.to_string());
    }
    // No key: a client whose credentials are never sent (every download is made
    // `without_credentials`).
    Client::builder()
        .bearer_token("unused")
        .build()
        .map(|client| (client, false))
        .map_err(|e| e.to_string())
}

/// `SUNCO_WEBHOOK_DIR`, or a new directory under the system's temporary one.
fn files_directory() -> Result<PathBuf, String> {
    if let Ok(dir) = std::env::var("SUNCO_WEBHOOK_DIR")
        && !dir.trim().is_empty()
    {
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {} (SUNCO_WEBHOOK_DIR): {e}", dir.display()))?;
        return Ok(dir);
    }
    let dir = std::env::temp_dir().join(format!("sunco-webhook-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    eprintln!(
        "saving files to {} (created; set SUNCO_WEBHOOK_DIR to choose)",
        dir.display()
    );
    Ok(dir)
}

/// Serves one connection: one request, one answer, then the events.
fn serve(stream: TcpStream, secret: &Secret, seen: &Mutex<Seen>, jobs: &Sender<Job>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(10)));
    let Ok(writer) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    let answer = |status: u16, message: &str| {
        let reason = match status {
            200 => "OK",
            400 => "Bad Request",
            401 => "Unauthorized",
            405 => "Method Not Allowed",
            411 => "Length Required",
            413 => "Content Too Large",
            _ => "Error",
        };
        let body = format!("{message}\n");
        let mut writer = &writer;
        let _ = write!(
            writer,
            "HTTP/1.1 {status} {reason}\r\ncontent-type: text/plain\r\ncontent-length: {}\r\n\
             connection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = writer.flush();
    };
    let Some(head) = read_head(&mut reader) else {
        answer(400, "not an HTTP request");
        return;
    };
    if !head.method.eq_ignore_ascii_case("POST") {
        answer(405, "webhooks are POSTed");
        return;
    }
    let Some(length) = head.content_length else {
        answer(411, "a Content-Length is required");
        return;
    };
    if length > webhooks::DEFAULT_MAX_BODY_BYTES {
        answer(
            413,
            &WebhookError::TooLarge {
                len: length,
                limit: webhooks::DEFAULT_MAX_BODY_BYTES,
            }
            .to_string(),
        );
        linger(reader, &writer, length);
        return;
    }
    // The key is checked before the body is parsed: nothing of a call with a wrong key is
    // processed.
    if let Err(refused) = webhooks::verify_api_key(head.api_key.as_deref(), secret) {
        answer(refused.status(), &refused.to_string());
        linger(reader, &writer, length);
        return;
    }
    let mut body = vec![0u8; length];
    if reader.read_exact(&mut body).is_err() {
        answer(400, "the body is shorter than its Content-Length");
        return;
    }
    let payload = match webhooks::parse(&body, webhooks::DEFAULT_MAX_BODY_BYTES) {
        Ok(payload) => payload,
        Err(refused) => {
            answer(refused.status(), &refused.to_string());
            return;
        }
    };
    // Acknowledged before anything slow: the service waits 20 s at most.
    answer(200, "accepted");
    for event in &payload.events {
        let id = event_id(event);
        if !seen
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .first_time(&id)
        {
            continue;
        }
        println!("event {} {id}", event.event_type());
        if let Some(url) = media_url(event) {
            let _ = jobs.send(Job { url, event_id: id });
        }
    }
}

/// After an answer given before the body was read: the body still on its way is read and
/// dropped (at most `length` bytes, for at most a second in all), so that closing the
/// connection does not reset it before the client has read the answer.
fn linger(mut reader: BufReader<TcpStream>, writer: &TcpStream, length: usize) {
    let _ = writer.shutdown(std::net::Shutdown::Write);
    let deadline = Instant::now() + Duration::from_secs(1);
    let mut left = length;
    let mut buffer = [0u8; 16 * 1024];
    while left > 0 {
        let wait = deadline.saturating_duration_since(Instant::now());
        if wait.is_zero() || writer.set_read_timeout(Some(wait)).is_err() {
            break;
        }
        let want = left.min(buffer.len());
        match reader.read(&mut buffer[..want]) {
            Ok(0) | Err(_) => break,
            Ok(read) => left -= read,
        }
    }
}

/// An event's id (or `-` when it has none).
fn event_id(event: &Event) -> String {
    event
        .id()
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| "-".to_owned())
}

/// Where the file of an image or file message is: one `match` on the typed content.
fn media_url(event: &Event) -> Option<String> {
    let Event::ConversationMessage(message) = event else {
        return None;
    };
    let content = message
        .payload
        .as_ref()?
        .message
        .as_ref()?
        .content
        .as_ref()?;
    match content {
        types::Content::ImageMessage(image) => Some(image.media_url.clone()),
        types::Content::FileMessage(file) => Some(file.media_url.clone()),
        _ => None,
    }
}

/// Downloads each job's media into `directory`, one at a time.
fn worker(client: &Client, with_key: bool, directory: &Path, queue: &Receiver<Job>) {
    while let Ok(job) = queue.recv() {
        let name = job
            .url
            .split(['?', '#'])
            .next()
            .and_then(|path| path.rsplit('/').next())
            .filter(|segment| !segment.is_empty())
            .unwrap_or("media");
        let path = directory.join(format!(
            "{}-{}",
            sanitize_file_name(&job.event_id),
            sanitize_file_name(name)
        ));
        let mut download = client.download(&job.url).overwrite(true);
        if !with_key {
            download = download.without_credentials();
        }
        match download.to_path(&path) {
            Ok(saved) => println!("file {} {}", saved.path.display(), saved.bytes),
            Err(e) => eprintln!("download of event {} failed: {e}", job.event_id),
        }
    }
}

/// What the receiver needs of a request head.
struct Head {
    method: String,
    content_length: Option<usize>,
    api_key: Option<String>,
}

/// The request line and headers, at most [`MAX_HEAD_BYTES`].
fn read_head(reader: &mut BufReader<TcpStream>) -> Option<Head> {
    let mut limited = reader.take(MAX_HEAD_BYTES);
    let mut line = String::new();
    limited.read_line(&mut line).ok().filter(|n| *n > 0)?;
    let method = line.split_whitespace().next()?.to_owned();
    let mut head = Head {
        method,
        content_length: None,
        api_key: None,
    };
    loop {
        let mut header = String::new();
        if limited.read_line(&mut header).ok()? == 0 {
            return None;
        }
        let header = header.trim_end();
        if header.is_empty() {
            return Some(head);
        }
        let (name, value) = header.split_once(':')?;
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            head.content_length = Some(value.parse().ok()?);
        } else if name.eq_ignore_ascii_case(webhooks::API_KEY_HEADER) {
            head.api_key = Some(value.to_owned());
        }
    }
}
