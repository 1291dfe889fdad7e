//! `sunco receive`: a blocking webhook receiver. It checks the shared secret, answers at once,
//! prints each event, and downloads the files customers send on a small pool of workers.
//!
//! The first line on stderr is `listening on http://HOST:PORT`. Each accepted event prints
//! `event TYPE EVENT_ID` on stdout, once per event id (the service redelivers an event whose
//! answer was late); an image or file message is downloaded into the directory, then prints
//! `file PATH BYTES`, or `error: download of event EVENT_ID failed: ...` on stderr. Everything
//! taken from a payload or a URL is printed escaped: no event can write a line of its own. A
//! file is named after its event id, a digest of that id and the media's name
//! ([`downloads::media_file_name`]), and never replaces a file that is already there.
//!
//! Answers: `200` accepted, at once, before any download (the service's retry policy
//! redelivers a call answered late); `401` a wrong or missing key (nothing processed, nothing
//! printed); `400` a body that is not a webhook payload (a payload of another webhook version
//! too, said on stderr), or an event id over 256 bytes; `413` a body over 1 MiB; `411` no
//! `Content-Length`; `405` not a `POST`; `503` when every connection slot is taken by a
//! request being processed (the service retries it).
//!
//! The service sends one `POST` with a `Content-Length` per call, which the standard library's
//! listener serves well. It survives whoever connects: at most 256 connections are served at
//! once, each on its own thread and closed after one answer; a connection must send its
//! request head within 5 s and its body within 10 s more; when all 256 are taken, the one that
//! has waited longest for its head is closed to make room; a failed accept (out of file
//! descriptors, say) waits 100 ms and goes on. Event ids are remembered as fixed-size digests
//! (`webhooks::SeenEvents`), so memory stays bounded.

mod connections;
mod downloads;
mod request;
mod settings;

use std::io;
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sunshine_conversations_client::webhooks::SeenEvents;

use crate::failure::Failure;
use connections::Connections;
use downloads::{Job, Pool};
use settings::Settings;

/// What `sunco receive --help` ends with.
pub const ENVIRONMENT: &str = "\
Environment:
  SUNCO_WEBHOOK_SECRET         the webhook's secret, sent by the service as X-API-Key (required)
  SUNCO_WEBHOOK_ADDR           where to listen (default 127.0.0.1:8080; port 0 picks a free one)
  SUNCO_WEBHOOK_DIR            where files are saved (default: a new directory named on stderr)
  SUNCO_WEBHOOK_WORKERS        files downloaded at once (default 4, at most 64)
  SUNCO_WEBHOOK_DOWNLOAD_SECS  the deadline of each file's download (default 120)
  SUNCO_KEY_ID, SUNCO_KEY_SECRET, SUNCO_APP_ID and the host variables: the client that
                               downloads private media; without a key, media is downloaded
                               without credentials (public attachments only)

Output: `event TYPE ID` per new event and `file PATH BYTES` per file saved on stdout;
`listening on http://HOST:PORT` first, then `error: ...` lines on stderr.";

/// Event ids remembered to recognise a redelivery.
const REMEMBERED: usize = 100_000;
/// Downloads waiting for a worker at most; an event's file beyond that is skipped, with an
/// `error` line.
const QUEUE: usize = 1024;
/// The pause after a failed accept.
const ACCEPT_PAUSE: Duration = Duration::from_millis(100);

/// What every connection's thread shares.
struct Shared {
    secret: sunshine_conversations_client::Secret,
    seen: Mutex<SeenEvents>,
    jobs: std::sync::mpsc::SyncSender<Job>,
    connections: Connections,
}

/// Runs the receiver until the process ends.
pub fn run() -> Result<(), Failure> {
    let settings = Settings::from_env().map_err(Failure::usage)?;
    // Made before listening: a setting it refuses ends the receiver before it says it listens.
    let (client, with_key) = downloads::downloader().map_err(Failure::usage)?;
    let listener = TcpListener::bind(settings.address.trim()).map_err(|e| {
        Failure::usage(format!(
            "cannot listen on {} (SUNCO_WEBHOOK_ADDR): {e}",
            settings.address
        ))
    })?;
    let local = listener
        .local_addr()
        .map_err(|e| Failure::Other(e.to_string()))?;
    eprintln!("listening on http://{local}");
    if !with_key {
        eprintln!("SUNCO_KEY_ID is not set: media is downloaded without credentials");
    }
    let directory = settings::files_directory().map_err(Failure::usage)?;
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
        std::thread::Builder::new()
            .name(format!("download-{n}"))
            .spawn(move || pool.work())
            .map_err(|e| Failure::Other(format!("cannot start the download workers: {e}")))?;
    }

    let shared = Arc::new(Shared {
        secret: settings.secret,
        seen: Mutex::new(SeenEvents::new(REMEMBERED)),
        jobs,
        connections: Connections::default(),
    });
    accept_forever(&listener, &shared);
    Ok(())
}

/// Serves every connection, each on its own thread. Never returns: a failed accept waits and
/// goes on.
fn accept_forever(listener: &TcpListener, shared: &Arc<Shared>) {
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
            connections::busy(&stream);
            continue;
        };
        let shared = Arc::clone(shared);
        let started = std::thread::Builder::new()
            .name("webhook-connection".to_owned())
            .spawn(move || request::serve(&stream, &slot, &shared));
        if let Err(e) = started {
            // The connection and its slot went with the closure: it is closed.
            warn(format!(
                "cannot start a thread for a connection ({e}); closed it"
            ));
        }
    }
}
