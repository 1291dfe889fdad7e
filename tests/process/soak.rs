//! Soak: eight threads share one client and make a bounded number of calls (deletes and small
//! uploads) against a local server that answers at random with 429, 503, 502, dropped
//! connections and slow bodies. Every call ends within its deadline, no upload the server may
//! have stored is sent again, every success is counted once, memory stays flat, and the
//! process-wide log level is what it was.

use std::collections::HashMap;
use std::io::{BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sunshine_conversations_client::{Client, RetryPolicy, Timeouts, Upload};

use crate::support;

const THREADS: usize = 8;
const WARM_UP_CALLS: usize = 6;
const CALLS: usize = 24;
const DEADLINE: Duration = Duration::from_secs(3);
/// The retry quota's tokens: half the default, so that this short soak would drain it if
/// retries that succeed did not pay themselves back.
const QUOTA: u32 = 250;

/// What the server did with the uploads it received, by the token in their body.
#[derive(Default)]
struct Ledger {
    /// Receptions the server may have acted on (stored the file), by token.
    stored: HashMap<String, u32>,
    /// Tokens the server answered `201` for.
    created: Vec<String>,
    requests: usize,
}

/// A small deterministic generator, so a failure can be replayed.
struct Dice(u64);

impl Dice {
    fn roll(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % 100
    }
}

fn chaos_server(ledger: Arc<Mutex<Ledger>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for (connection, stream) in listener.incoming().take(2000).enumerate() {
            let Ok(stream) = stream else { break };
            let ledger = Arc::clone(&ledger);
            std::thread::spawn(move || {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
                let mut dice = Dice(0x9e37_79b9_7f4a_7c15 ^ (connection as u64 + 1));
                let mut reader = BufReader::new(stream);
                for _ in 0..1000 {
                    let Some(head) = support::read_head(&mut reader) else {
                        return;
                    };
                    let roll = dice.roll();
                    if roll < 5 {
                        // Dropped before the body was read: nothing was acted on.
                        return;
                    }
                    let body = support::read_body(&mut reader, &head);
                    let upload = head.starts_with("POST") && head.contains("/attachments?");
                    let token = String::from_utf8_lossy(&body)
                        .split("token-")
                        .nth(1)
                        .and_then(|rest| rest.split('\r').next())
                        .map(str::to_owned);
                    let answer = |status: u16, extra: &str, body: &str| {
                        format!(
                            "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\n\
                             content-length: {}\r\n{extra}\r\n{body}",
                            body.len()
                        )
                        .into_bytes()
                    };
                    let ok_body = if upload {
                        r#"{"attachment":{"mediaUrl":"https://media.example/a.txt"}}"#
                    } else {
                        "{}"
                    };
                    let ok_status = if upload { 201 } else { 200 };
                    // (bytes to write, whether the server acted on the request, drip the body)
                    let (reply, acted, drip) = match roll {
                        5..=14 => (answer(429, "retry-after: 0\r\n", ""), false, false),
                        15..=24 => (answer(503, "retry-after: 0\r\n", ""), false, false),
                        25..=32 => (answer(503, "", ""), true, false),
                        33..=40 => (answer(502, "", ""), true, false),
                        41..=45 => (Vec::new(), true, false),
                        46..=52 => (answer(ok_status, "", ok_body), true, true),
                        _ => (answer(ok_status, "", ok_body), true, false),
                    };
                    {
                        let mut ledger = ledger.lock().unwrap();
                        ledger.requests += 1;
                        if let (true, Some(token)) = (upload && acted, &token) {
                            *ledger.stored.entry(token.clone()).or_default() += 1;
                            if reply.starts_with(b"HTTP/1.1 201") {
                                ledger.created.push(token.clone());
                            }
                        }
                    }
                    if reply.is_empty() {
                        return; // dropped after the body: the server may have stored it
                    }
                    let stream = reader.get_mut();
                    if drip {
                        let split = reply.len() - ok_body.len();
                        let _ = stream.write_all(&reply[..split]);
                        for byte in &reply[split..] {
                            std::thread::sleep(Duration::from_millis(10));
                            if stream.write_all(&[*byte]).is_err() {
                                return;
                            }
                        }
                    } else if stream.write_all(&reply).is_err() {
                        return;
                    }
                }
            });
        }
    });
    url
}

/// Resident memory of this process, in KiB (`VmRSS` of `/proc/self/status`).
fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux's /proc/self/status");
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("a VmRSS line")
}

/// What the calls of a round did.
#[derive(Default)]
struct Round {
    /// The tokens of the successful uploads.
    uploaded: Vec<String>,
    deletes: usize,
    deleted: usize,
    /// The errors whose retries the shared quota held back.
    held_back: Vec<String>,
}

/// `calls` calls on each of the threads.
fn round(client: &Client, round: &str, calls: usize) -> Round {
    let workers: Vec<_> = (0..THREADS)
        .map(|thread| {
            let client = client.clone();
            let round = round.to_owned();
            std::thread::spawn(move || {
                let mut done = Round::default();
                for call in 0..calls {
                    let started = Instant::now();
                    let failed = if call % 2 == 0 {
                        let token = format!("{round}-{thread}-{call}");
                        let body = format!("token-{token}\r\n");
                        match client.upload(Upload::bytes("a.txt", body)) {
                            Ok(_) => {
                                done.uploaded.push(token);
                                None
                            }
                            Err(e) => Some(e),
                        }
                    } else {
                        done.deletes += 1;
                        let deleted = client.delete("https://media.example/a.txt");
                        done.deleted += usize::from(deleted.is_ok());
                        deleted.err()
                    };
                    if let Some(e) =
                        failed.filter(|e| e.outcome().is_some_and(|o| o.retries_held_back))
                    {
                        done.held_back.push(e.to_string());
                    }
                    let took = started.elapsed();
                    assert!(
                        took < DEADLINE + Duration::from_millis(500),
                        "call {call} of thread {thread} took {took:?}"
                    );
                }
                done
            })
        })
        .collect();
    let mut all = Round::default();
    for worker in workers {
        let done = worker.join().expect("no thread panicked");
        all.uploaded.extend(done.uploaded);
        all.deletes += done.deletes;
        all.deleted += done.deleted;
        all.held_back.extend(done.held_back);
    }
    all
}

#[test]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "measures memory through Linux's /proc"
)]
fn eight_threads_against_a_hostile_server() {
    // Every line at trace reaches the logger, which keeps none: memory is measured.
    let _process = crate::process();
    crate::RECORDER.set_recording(false);
    let ledger = Arc::new(Mutex::new(Ledger::default()));
    let url = chaos_server(Arc::clone(&ledger));
    let client = Client::builder()
        .base_url(&url)
        .basic_auth("key", "secret")
        .app_id("app")
        .timeouts(
            Timeouts::default()
                .with_call(DEADLINE)
                .with_upload(Some(DEADLINE))
                .with_stall(Duration::from_secs(1)),
        )
        .retry_policy(
            RetryPolicy::default()
                .with_initial_backoff(Duration::from_millis(5))
                .with_max_backoff(Duration::from_millis(40))
                .with_retry_quota(QUOTA),
        )
        .build()
        .unwrap();

    let warm = round(&client, "warm", WARM_UP_CALLS);
    let before = rss_kib();
    let soak = round(&client, "soak", CALLS);
    let after = rss_kib();
    let mut uploaded = warm.uploaded;
    uploaded.extend(soak.uploaded);
    let (deletes, deleted) = (warm.deletes + soak.deletes, warm.deleted + soak.deleted);
    // The server fails about half of the attempts, and never for long: the quota holds back
    // no retry that would have saved a call.
    let held_back: Vec<_> = warm.held_back.iter().chain(&soak.held_back).collect();
    assert!(held_back.is_empty(), "{held_back:?}");

    let ledger = ledger.lock().unwrap();
    assert!(ledger.requests >= THREADS * (WARM_UP_CALLS + CALLS));
    for (token, times) in &ledger.stored {
        assert_eq!(*times, 1, "upload {token} reached the server {times} times");
    }
    let mut created = ledger.created.clone();
    created.sort();
    uploaded.sort();
    assert_eq!(
        uploaded, created,
        "each upload the server created is one success"
    );
    assert!(!uploaded.is_empty() && uploaded.len() < THREADS * (WARM_UP_CALLS + CALLS) / 2);
    assert!(
        after.saturating_sub(before) < 8 * 1024,
        "memory grew from {before} KiB to {after} KiB"
    );
    assert_eq!(
        log::max_level(),
        log::LevelFilter::Trace,
        "the application's level is back once no request is in flight"
    );
    eprintln!(
        "soak: {} requests, {} uploads stored, {} created, {deleted} of {deletes} deletes done; \
         RSS {before} -> {after} KiB",
        ledger.requests,
        ledger.stored.len(),
        uploaded.len()
    );
}
