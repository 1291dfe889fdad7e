//! A blocking webhook receiver: checks the shared secret, answers at once, prints each event,
//! and downloads the files customers send on a small pool of workers.
//!
//! ```text
//! SUNCO_WEBHOOK_SECRET=... cargo run --example webhook_receiver --features webhooks
//! ```
//!
//! - `SUNCO_WEBHOOK_SECRET` (required): the webhook's secret, which the service sends as the
//!   `X-API-Key` header;
//! - `SUNCO_WEBHOOK_ADDR` (default `127.0.0.1:8080`; port 0 picks a free one);
//! - `SUNCO_WEBHOOK_DIR`: where files are saved (default: a new directory it names on stderr);
//! - `SUNCO_WEBHOOK_WORKERS` (default 4, at most 64): files downloaded at once;
//! - `SUNCO_WEBHOOK_DOWNLOAD_SECS` (default 120): the deadline of each file's download;
//! - `SUNCO_KEY_ID`, `SUNCO_KEY_SECRET`, `SUNCO_APP_ID` and the host variables of the
//!   `attachments` example: the client that downloads private media. Without a key, media is
//!   downloaded without credentials (public attachments only). `SUNCO_TIMEOUT_SECS` sets its
//!   stall timeout, among others.
//!
//! The first line on stderr is `listening on http://HOST:PORT`. Each accepted event prints
//! `event TYPE EVENT_ID` on stdout, once per event id (the service redelivers an event whose
//! answer was late); an image or file message is downloaded into the directory, then prints
//! `file PATH BYTES`, or `error: download of event EVENT_ID failed: ...` on stderr. Everything
//! taken from a payload or a URL is printed escaped ([`printable`]): no event can write a line
//! of its own. A file is named after its event id, a digest of that id and the media's name
//! ([`webhooks::media_file_name`]), and never replaces a file that is already there.
//!
//! Answers: `200` accepted, at once, before any download (the service's retry policy redelivers
//! a call answered late); `401` a wrong or missing key (nothing processed, nothing printed);
//! `400` a body that is not a webhook payload, or an event id over 256 bytes; `413` a body over
//! 1 MiB; `411` no `Content-Length`; `405` not a `POST`; `503` when every connection slot is
//! taken by a request being processed (the service retries it).
//!
//! The server is the standard library's: the service sends one `POST` with a `Content-Length`
//! per call, which needs no HTTP framework, and the example compiles nothing beyond the crate.
//! It survives whoever connects: at most 256 connections are served at once, each on its own
//! thread and closed after one answer; a connection must send its request head within 5 s
//! and its body within 10 s more; when all 256 are taken, the one that has waited longest for
//! its head is closed to make room; a failed accept (out of file descriptors, say) waits
//! 100 ms and goes on. Event ids are remembered as fixed-size digests
//! ([`webhooks::SeenEvents`]), so memory stays bounded.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use sunshine_conversations_client::webhooks::{self, Event, SeenEvents, WebhookError};
use sunshine_conversations_client::{Client, Secret, printable, types};

/// Connections served at once.
const MAX_OPEN: usize = 256;
/// How long a connection may take to send its request head, from when it was accepted.
const HEAD_DEADLINE: Duration = Duration::from_secs(5);
/// How long it may then take to send its body.
const BODY_DEADLINE: Duration = Duration::from_secs(10);
/// The longest request head read.
const MAX_HEAD_BYTES: u64 = 16 * 1024;
/// Event ids remembered to recognise a redelivery.
const REMEMBERED: usize = 100_000;
/// Downloads waiting for a worker at most; an event's file beyond that is skipped, with an
/// `error` line.
const QUEUE: usize = 1024;
/// The pause after a failed accept.
const ACCEPT_PAUSE: Duration = Duration::from_millis(100);

/// A file to fetch: its media URL and the event it came with.
struct Job {
    url: String,
    event_id: String,
}

/// What every connection's thread shares.
struct Shared {
    secret: Secret,
    seen: Mutex<SeenEvents>,
    jobs: SyncSender<Job>,
    connections: Connections,
}

fn main() -> ExitCode {
    let settings = match Settings::from_env() {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let listener = match TcpListener::bind(settings.address.trim()) {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!(
                "error: cannot listen on {} (SUNCO_WEBHOOK_ADDR): {e}",
                settings.address
            );
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
    let (jobs, queue) = std::sync::mpsc::sync_channel::<Job>(QUEUE);
    let pool = Arc::new(Pool {
        client,
        with_key,
        directory,
        deadline: settings.download_deadline,
        queue: Mutex::new(queue),
    });
    for n in 0..settings.workers {
        let pool = Arc::clone(&pool);
        let started = std::thread::Builder::new()
            .name(format!("download-{n}"))
            .spawn(move || pool.work());
        if let Err(e) = started {
            eprintln!("error: cannot start the download workers: {e}");
            return ExitCode::from(1);
        }
    }

    let shared = Arc::new(Shared {
        secret: settings.secret,
        seen: Mutex::new(SeenEvents::new(REMEMBERED)),
        jobs,
        connections: Connections::default(),
    });
    accept_forever(&listener, &shared)
}

/// Serves every connection, each on its own thread. Never returns: a failed accept waits and
/// goes on.
fn accept_forever(listener: &TcpListener, shared: &Arc<Shared>) -> ExitCode {
    let mut last_warning: Option<Instant> = None;
    let mut warn = |message: String| {
        // At most one warning a second: a flood of refused connections is not a flood of lines.
        if last_warning.is_none_or(|at| at.elapsed() >= Duration::from_secs(1)) {
            eprintln!("warning: {message}");
            last_warning = Some(Instant::now());
        }
    };
    loop {
        let stream = match listener.accept() {
            Ok((stream, _)) => Arc::new(stream),
            // The peer gave up before it was accepted, or a signal interrupted the call.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::ConnectionAborted
                        | io::ErrorKind::ConnectionReset
                        | io::ErrorKind::Interrupted
                ) =>
            {
                continue;
            }
            // Out of file descriptors (EMFILE, ENFILE), buffers or memory, or anything else the
            // system refuses for now: make room, wait, go on.
            Err(e) => {
                warn(format!(
                    "accepting a connection failed ({e}); closing the connection that waited \
                     longest for its request, and waiting {} ms",
                    ACCEPT_PAUSE.as_millis()
                ));
                shared.connections.close_oldest_waiting();
                std::thread::sleep(ACCEPT_PAUSE);
                continue;
            }
        };
        let Some(slot) = shared.connections.admit(&stream, shared) else {
            busy(&stream);
            continue;
        };
        let shared = Arc::clone(shared);
        let started = std::thread::Builder::new()
            .name("webhook-connection".to_owned())
            .spawn(move || serve(&stream, &slot, &shared));
        if let Err(e) = started {
            // The connection and its slot went with the closure: it is closed.
            warn(format!(
                "cannot start a thread for a connection ({e}); closed it"
            ));
        }
    }
}

/// The receiver's settings from the environment; a message naming the variable when one is
/// unusable.
struct Settings {
    secret: Secret,
    address: String,
    workers: usize,
    download_deadline: Duration,
}

impl Settings {
    fn from_env() -> Result<Settings, String> {
        let Some(secret) = std::env::var("SUNCO_WEBHOOK_SECRET")
            .ok()
            .filter(|s| !s.trim().is_empty())
        else {
            return Err("SUNCO_WEBHOOK_SECRET is not set: set it to the webhook's secret".into());
        };
        let number = |name: &str, default: u64, max: u64| -> Result<u64, String> {
            match std::env::var(name) {
                Ok(text) if !text.trim().is_empty() => text
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|n| (1..=max).contains(n))
                    .ok_or_else(|| {
                        format!("{name} is `{}`: it must be 1 to {max}", printable(&text))
                    }),
                _ => Ok(default),
            }
        };
        Ok(Settings {
            secret: Secret::new(secret),
            address: std::env::var("SUNCO_WEBHOOK_ADDR")
                .unwrap_or_else(|_| "127.0.0.1:8080".into()),
            workers: usize::try_from(number("SUNCO_WEBHOOK_WORKERS", 4, 64)?).unwrap_or(4),
            download_deadline: Duration::from_secs(number(
                "SUNCO_WEBHOOK_DOWNLOAD_SECS",
                120,
                7 * 24 * 60 * 60,
            )?),
        })
    }
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
        std::fs::create_dir_all(&dir).map_err(|e| {
            format!(
                "cannot create {} (SUNCO_WEBHOOK_DIR): {e}",
                printable(&dir.display().to_string())
            )
        })?;
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

/// The open connections: how many, and which are still sending their request head (the ones
/// closed to make room, oldest first).
#[derive(Default)]
struct Connections {
    open: Mutex<Open>,
}

#[derive(Default)]
struct Open {
    count: usize,
    next_id: u64,
    waiting_for_head: BTreeMap<u64, Arc<TcpStream>>,
}

/// A connection's place among the open ones; gives it back when dropped.
struct Slot {
    id: u64,
    shared: Arc<Shared>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self.shared.connections.lock();
        open.count -= 1;
        open.waiting_for_head.remove(&self.id);
    }
}

impl Connections {
    fn lock(&self) -> MutexGuard<'_, Open> {
        self.open.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A slot for a new connection, closing the one that has waited longest for its head when
    /// all are taken; `None` when every slot serves a request past its head.
    fn admit(&self, stream: &Arc<TcpStream>, shared: &Arc<Shared>) -> Option<Slot> {
        let mut open = self.lock();
        if open.count >= MAX_OPEN && !close_oldest(&mut open) {
            return None;
        }
        open.count += 1;
        open.next_id += 1;
        let id = open.next_id;
        open.waiting_for_head.insert(id, Arc::clone(stream));
        Some(Slot {
            id,
            shared: Arc::clone(shared),
        })
    }

    /// The connection of `slot` has sent its head: it is no longer the first to be closed.
    fn head_received(&self, slot: &Slot) {
        self.lock().waiting_for_head.remove(&slot.id);
    }

    fn close_oldest_waiting(&self) {
        close_oldest(&mut self.lock());
    }
}

/// Shuts down the connection that has waited longest for its head (its thread then answers
/// nobody and ends); whether there was one.
fn close_oldest(open: &mut Open) -> bool {
    match open.waiting_for_head.pop_first() {
        Some((_, stream)) => {
            let _ = stream.shutdown(Shutdown::Both);
            true
        }
        None => false,
    }
}

/// Answers `503` to a connection there is no room for.
fn busy(stream: &TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_millis(100)));
    let mut stream = stream;
    let body = "busy; try again\n";
    let _ = write!(
        stream,
        "HTTP/1.1 503 Service Unavailable\r\nretry-after: 1\r\ncontent-type: text/plain\r\n\
         content-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
}

/// Reads from a connection until a deadline: each read waits at most for what is left of it,
/// so a client that sends a byte now and then cannot stretch it.
struct Until<'a> {
    stream: &'a TcpStream,
    deadline: Instant,
}

impl Read for Until<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        let mut stream = self.stream;
        stream.read(buf)
    }
}

/// Serves one connection: one request, one answer, then the events.
fn serve(stream: &TcpStream, slot: &Slot, shared: &Shared) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(Until {
        stream,
        deadline: Instant::now() + HEAD_DEADLINE,
    });
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
        let mut writer = stream;
        let _ = write!(
            writer,
            "HTTP/1.1 {status} {reason}\r\ncontent-type: text/plain\r\ncontent-length: {}\r\n\
             connection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = writer.flush();
    };
    let head = read_head(&mut reader);
    shared.connections.head_received(slot);
    let Some(head) = head else {
        answer(400, "not an HTTP request, or not within 5 s");
        return;
    };
    reader.get_mut().deadline = Instant::now() + BODY_DEADLINE;
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
        linger(reader, length);
        return;
    }
    // The key is checked before the body is parsed: nothing of a call with a wrong key is
    // processed.
    if let Err(refused) = webhooks::verify_api_key(head.api_key.as_deref(), &shared.secret) {
        answer(refused.status(), &refused.to_string());
        linger(reader, length);
        return;
    }
    let mut body = vec![0u8; length];
    if reader.read_exact(&mut body).is_err() {
        answer(
            400,
            "the body is shorter than its Content-Length, or not within 10 s",
        );
        return;
    }
    let payload = match webhooks::parse(&body, webhooks::DEFAULT_MAX_BODY_BYTES) {
        Ok(payload) => payload,
        Err(refused) => {
            if matches!(refused, webhooks::WebhookError::UnsupportedVersion { .. }) {
                // A webhook set to another version: every call of it is refused until the
                // app's settings change, so say so where the operator looks.
                eprintln!("error: a webhook call was refused: {refused}");
            }
            answer(refused.status(), &refused.to_string());
            return;
        }
    };
    if payload.events.iter().any(|event| {
        event
            .id()
            .is_some_and(|id| id.len() > webhooks::MAX_EVENT_ID_BYTES)
    }) {
        answer(
            400,
            &format!(
                "an event id is longer than {} bytes",
                webhooks::MAX_EVENT_ID_BYTES
            ),
        );
        return;
    }
    // Acknowledged before anything slow: the service waits 20 s at most.
    answer(200, "accepted");
    for event in &payload.events {
        let id = event_id(event);
        if !shared
            .seen
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .first_time(&id)
        {
            continue;
        }
        println!("event {} {}", printable(event.event_type()), printable(&id));
        if let Some(url) = media_url(event) {
            let job = Job { url, event_id: id };
            if let Err(TrySendError::Full(job)) = shared.jobs.try_send(job) {
                eprintln!(
                    "error: download of event {} skipped: {QUEUE} downloads are waiting",
                    printable(&job.event_id)
                );
            }
        }
    }
}

/// After an answer given before the body was read: the body still on its way is read and
/// dropped (at most `length` bytes, for at most a second in all), so that closing the
/// connection does not reset it before the client has read the answer.
fn linger(mut reader: BufReader<Until<'_>>, length: usize) {
    let _ = reader.get_ref().stream.shutdown(Shutdown::Write);
    reader.get_mut().deadline = Instant::now() + Duration::from_secs(1);
    let mut left = length;
    let mut buffer = [0u8; 16 * 1024];
    while left > 0 {
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

/// The download workers' shared state: each takes the next job when it is free.
struct Pool {
    client: Client,
    with_key: bool,
    directory: PathBuf,
    deadline: Duration,
    queue: Mutex<Receiver<Job>>,
}

impl Pool {
    /// Downloads jobs until the queue closes.
    fn work(&self) {
        loop {
            let job = self.queue.lock().unwrap_or_else(|p| p.into_inner()).recv();
            let Ok(job) = job else { return };
            self.fetch(&job);
        }
    }

    /// Downloads one job's media into the directory, under a name of its own; an existing
    /// file is never replaced. A stuck download ends at the deadline.
    fn fetch(&self, job: &Job) {
        let path = self
            .directory
            .join(webhooks::media_file_name(&job.event_id, &job.url));
        let mut download = self.client.download(&job.url).deadline(self.deadline);
        if !self.with_key {
            download = download.without_credentials();
        }
        match download.to_path(&path) {
            Ok(saved) => println!("file {} {}", shown(&saved.path), saved.bytes),
            Err(e) => eprintln!(
                "error: download of event {} failed: {e}",
                printable(&job.event_id)
            ),
        }
    }
}

fn shown(path: &Path) -> String {
    printable(&path.display().to_string()).into_owned()
}

/// What the receiver needs of a request head.
struct Head {
    method: String,
    content_length: Option<usize>,
    api_key: Option<String>,
}

/// The request line and headers, at most [`MAX_HEAD_BYTES`].
fn read_head(reader: &mut BufReader<Until<'_>>) -> Option<Head> {
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
