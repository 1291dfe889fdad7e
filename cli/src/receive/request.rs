//! One webhook call: its request read within its deadlines, its answer, then its events.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::sync::mpsc::TrySendError;
use std::time::{Duration, Instant};

use serde_json::Value;
use sunshine_conversations_client::printable;
use sunshine_conversations_client::webhooks::{self, WebhookError};

use super::connections::Slot;
use super::downloads::{Job, MAX_EVENT_ID_BYTES};
use super::{QUEUE, Shared};

/// How long a connection may take to send its request head, from when it was accepted.
const HEAD_DEADLINE: Duration = Duration::from_secs(5);
/// How long it may then take to send its body.
const BODY_DEADLINE: Duration = Duration::from_secs(10);
/// The longest request head read.
const MAX_HEAD_BYTES: u64 = 16 * 1024;

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
pub(super) fn serve(stream: &TcpStream, slot: &Slot, shared: &Shared) {
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
    let events = match webhooks::events_json(&body, webhooks::DEFAULT_MAX_BODY_BYTES) {
        Ok(events) => events,
        Err(refused) => {
            if matches!(refused, WebhookError::UnsupportedVersion { .. }) {
                // A webhook set to another version: every call of it is refused until the
                // app's settings change, so say so where the operator looks.
                eprintln!("error: a webhook call was refused: {refused}");
            }
            answer(refused.status(), &refused.to_string());
            return;
        }
    };
    if events.iter().any(|event| {
        event["id"]
            .as_str()
            .is_some_and(|id| id.len() > MAX_EVENT_ID_BYTES)
    }) {
        answer(
            400,
            &format!("an event id is longer than {MAX_EVENT_ID_BYTES} bytes"),
        );
        return;
    }
    // Acknowledged before anything slow: the service waits 20 s at most.
    answer(200, "accepted");
    for event in &events {
        let id = event_id(event);
        if !shared
            .seen
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .first_time(&id)
        {
            continue;
        }
        let event_type = event["type"].as_str().unwrap_or_default();
        println!("event {} {}", printable(event_type), printable(&id));
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
fn event_id(event: &Value) -> String {
    event["id"]
        .as_str()
        .filter(|id| !id.is_empty())
        .unwrap_or("-")
        .to_owned()
}

/// Where the file of an image or file message is: its content's `mediaUrl`.
fn media_url(event: &Value) -> Option<String> {
    if event["type"] != "conversation:message" {
        return None;
    }
    let content = &event["payload"]["message"]["content"];
    match content["type"].as_str() {
        Some("image" | "file") => content["mediaUrl"].as_str().map(str::to_owned),
        _ => None,
    }
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
