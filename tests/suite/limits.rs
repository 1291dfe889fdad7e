//! Every thread of a client shares its limits: a server's `429` holds back every thread's next
//! attempt to it, `max_requests_per_second` keeps 16 threads under a server's quota, and the
//! retry quota bounds what an outage costs. Any call takes its own timeout, headers and
//! cancellation.

use crate::support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sunshine_conversations_client::{CancelToken, Error, RequestOptions, RetryPolicy, Upload};
use support::{RawServer, Reply, response};

/// What the quota server answers.
#[derive(Clone, Copy)]
enum Behaviour {
    /// At most `per_second` requests a second (a sliding window); beyond that `429` with
    /// `Retry-After: 1`, and nothing but `429` until that second has passed.
    Quota { per_second: usize },
    /// `503` without `Retry-After`, always: an outage.
    Outage,
}

/// A loopback server with keep-alive connections that records when each request arrived and
/// what it answered.
struct QuotaServer {
    port: u16,
    log: Arc<Mutex<Vec<(Instant, u16)>>>,
    stop: Arc<AtomicBool>,
}

impl QuotaServer {
    fn start(behaviour: Behaviour) -> QuotaServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let log: Arc<Mutex<Vec<(Instant, u16)>>> = Arc::default();
        let closed_until: Arc<Mutex<Option<Instant>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let (record, stopped) = (Arc::clone(&log), Arc::clone(&stop));
        std::thread::spawn(move || {
            for stream in listener.incoming().take(256) {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { break };
                let (record, closed_until) = (Arc::clone(&record), Arc::clone(&closed_until));
                std::thread::spawn(move || serve(stream, behaviour, &record, &closed_until));
            }
        });
        QuotaServer { port, log, stop }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn log(&self) -> Vec<(Instant, u16)> {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for QuotaServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(
    stream: TcpStream,
    behaviour: Behaviour,
    log: &Mutex<Vec<(Instant, u16)>>,
    closed_until: &Mutex<Option<Instant>>,
) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(20)));
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    for _ in 0..10_000 {
        let mut length = 0usize;
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 {
                return;
            }
            if header == "\r\n" {
                break;
            }
            if let Some((name, value)) = header.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0u8; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let now = Instant::now();
        let status = {
            let mut log = log.lock().unwrap();
            let status = match behaviour {
                Behaviour::Outage => 503,
                Behaviour::Quota { per_second } => {
                    let mut closed = closed_until.lock().unwrap();
                    let recent = log
                        .iter()
                        .filter(|(at, status)| {
                            *status == 200 && now.duration_since(*at) < Duration::from_secs(1)
                        })
                        .count();
                    if closed.is_some_and(|until| now < until) {
                        429
                    } else if recent >= per_second {
                        *closed = Some(now + Duration::from_secs(1));
                        429
                    } else {
                        200
                    }
                }
            };
            log.push((now, status));
            status
        };
        let answer = match status {
            200 => response(200, &[("content-type", "application/json")], "{}"),
            429 => response(429, &[("retry-after", "1")], ""),
            _ => response(status, &[], ""),
        };
        if writer.write_all(&answer).is_err() {
            return;
        }
    }
}

/// Deletes `calls` attachments from each of `threads` threads of one client; the errors.
fn delete_from_threads(
    client: &sunshine_conversations_client::Client,
    threads: usize,
    calls: usize,
) -> Vec<Error> {
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let client = client.clone();
                scope.spawn(move || {
                    (0..calls)
                        .filter_map(|n| client.delete(&format!("https://media.example/{n}")).err())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    })
}

#[test]
fn a_pace_at_the_servers_quota_meets_no_429() {
    let server = QuotaServer::start(Behaviour::Quota { per_second: 40 });
    let client = support::builder(&server.url())
        .retry_policy(support::quick_retries())
        .max_requests_per_second(40)
        .build()
        .unwrap();
    let errors = delete_from_threads(&client, 16, 8);
    let log = server.log();
    let refused = log.iter().filter(|(_, status)| *status == 429).count();
    eprintln!("128 calls at 40/s against a quota of 40/s: {refused} answers of 429");
    assert!(errors.is_empty(), "{errors:?}");
    assert!(refused <= 2, "{refused} answers of 429");
}

#[test]
fn after_a_429_no_thread_sends_before_its_retry_after() {
    let (requests, refused, into_the_window) = sends_into_the_first_wait(None);
    eprintln!(
        "{requests} requests, {refused} answers of 429, {into_the_window} sent into the announced wait"
    );
    assert_eq!(into_the_window, 0);
}

#[test]
fn a_turn_of_the_pace_taken_before_a_429_waits_out_its_retry_after() {
    // At 45 a second, 16 threads hold turns up to about 350 ms ahead when the first 429 comes.
    let (requests, refused, into_the_window) = sends_into_the_first_wait(Some(45));
    eprintln!(
        "at 45/s: {requests} requests, {refused} answers of 429, {into_the_window} sent into the announced wait"
    );
    assert_eq!(into_the_window, 0);
}

/// 16 threads delete 8 attachments each against a server that lets 40 requests a second
/// through, at `pace` if given: how many requests it saw, how many it refused, and how many
/// arrived within the wait its first `429` announced (after 200 ms, for requests already on
/// their way).
fn sends_into_the_first_wait(pace: Option<u32>) -> (usize, usize, usize) {
    let server = QuotaServer::start(Behaviour::Quota { per_second: 40 });
    let mut builder = support::builder(&server.url()).retry_policy(
        RetryPolicy::default()
            .with_max_attempts(6)
            .with_max_retry_after(Duration::from_secs(2)),
    );
    if let Some(pace) = pace {
        builder = builder.max_requests_per_second(pace);
    }
    let client = builder.build().unwrap();
    let errors = delete_from_threads(&client, 16, 8);
    assert!(errors.is_empty(), "{errors:?}");
    let log = server.log();
    let first = log
        .iter()
        .find(|(_, status)| *status == 429)
        .map(|(at, _)| *at);
    let Some(first) = first else {
        panic!(
            "the server's quota was never reached: {} requests",
            log.len()
        );
    };
    let into_the_window = log
        .iter()
        .filter(|(at, _)| {
            let after = at.saturating_duration_since(first);
            after > Duration::from_millis(200) && after < Duration::from_millis(950)
        })
        .count();
    let refused = log.iter().filter(|(_, status)| *status == 429).count();
    (log.len(), refused, into_the_window)
}

#[test]
fn an_outage_costs_the_calls_and_the_quotas_retries() {
    let server = QuotaServer::start(Behaviour::Outage);
    let client = support::builder(&server.url())
        .retry_policy(
            support::quick_retries()
                .with_initial_backoff(Duration::from_millis(1))
                .with_max_backoff(Duration::from_millis(2)),
        )
        .build()
        .unwrap();
    let errors = delete_from_threads(&client, 16, 20);
    let requests = server.log().len();
    let held_back = errors
        .iter()
        .filter(|e| e.outcome().is_some_and(|o| o.retries_held_back))
        .count();
    eprintln!("320 calls in an outage: {requests} requests, {held_back} errors held back retries");
    assert_eq!(errors.len(), 320);
    // The quota's 500 tokens pay for 100 retries of 5 tokens; without it, 4 attempts a call.
    assert!(requests <= 320 + 100, "{requests} requests");
    assert!(held_back > 0);
    assert!(
        errors
            .iter()
            .any(|e| e.to_string().contains("retries held back")),
        "{}",
        errors[0]
    );
}

#[test]
fn a_call_takes_its_own_timeout_and_headers() {
    let server = RawServer::start(vec![
        Reply::Bytes(response(200, &[], "{}")),
        Reply::Silent(Duration::from_secs(5)),
    ]);
    let client = support::client(&server.url());
    let quick = client
        .with_options(
            RequestOptions::new()
                .header("x-correlation-id", "order-4711")
                .header(
                    "traceparent",
                    "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                ),
        )
        .unwrap();
    quick.delete("https://media.example/a").unwrap();
    let sent = server.only();
    assert_eq!(
        sent.header("x-correlation-id").as_deref(),
        Some("order-4711")
    );
    assert!(sent.header("traceparent").is_some());
    // A timeout of its own, far shorter than the client's (120 s).
    let started = Instant::now();
    let err = client
        .with_options(RequestOptions::new().timeout(Duration::from_millis(300)))
        .unwrap()
        .delete("https://media.example/b")
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    // A credential is refused before anything is sent.
    let refused = client
        .with_options(RequestOptions::new().header("Authorization", "Bearer other"))
        .unwrap_err();
    assert!(refused.nothing_sent(), "{refused:?}");
}

/// A reader that gives nothing for a long time: a pipe whose writer went quiet.
struct Stalled;

impl Read for Stalled {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        std::thread::sleep(Duration::from_secs(30));
        Ok(0)
    }
}

#[test]
fn an_upload_of_a_stalled_reader_is_cancelled_from_another_thread() {
    let server = RawServer::start(vec![Reply::Bytes(response(201, &[], "{}"))]);
    let client = support::client(&server.url());
    let token = CancelToken::new();
    let cancelling = support::cancel_after(&token, 300);
    let started = Instant::now();
    let err = client
        .upload(
            Upload::reader("notes.txt", Stalled, Some(1000))
                .without_file_check()
                .options(RequestOptions::new().cancel_with(&token)),
        )
        .unwrap_err();
    let took = started.elapsed();
    cancelling.join().unwrap();
    eprintln!(
        "an upload of a stalled reader ended {took:?} after it started (cancelled at 300 ms)"
    );
    let Error::Cancelled { outcome, .. } = &err else {
        panic!("{err:?}");
    };
    // The request had started: the server may have seen part of it, never all of it.
    assert_eq!(outcome.attempts, 1, "{err:?}");
    assert!(!outcome.harmless_to_repeat, "{err:?}");
    // Within a second of the cancel (the reader itself would hold the upload for 30 s).
    assert!(took < Duration::from_millis(1300), "{took:?}");
}

#[test]
fn a_call_waiting_out_a_retry_after_is_cancelled_from_another_thread() {
    let server = RawServer::start(vec![Reply::Bytes(response(
        429,
        &[("retry-after", "20")],
        "{}",
    ))]);
    let client = support::builder(&server.url())
        .retry_policy(RetryPolicy::default())
        .build()
        .unwrap();
    let token = CancelToken::new();
    let cancelling = support::cancel_after(&token, 300);
    let started = Instant::now();
    let err = client
        .with_options(RequestOptions::new().cancel_with(&token))
        .unwrap()
        .delete("https://media.example/a")
        .unwrap_err();
    let took = started.elapsed();
    cancelling.join().unwrap();
    let Error::Cancelled { outcome, .. } = &err else {
        panic!("{err:?}");
    };
    // One attempt was answered (429: not done); the wait for the next was cut short.
    assert_eq!(outcome.attempts, 1, "{err:?}");
    assert!(!outcome.may_have_been_processed, "{err:?}");
    assert!(took < Duration::from_millis(1300), "{took:?}");
    assert_eq!(server.requests().len(), 1);
}
