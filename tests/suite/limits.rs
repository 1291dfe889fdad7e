//! Every thread of a client shares its limits: a server's `429` holds back every thread's next
//! attempt to it, `max_requests_per_second` keeps 16 threads under a server's quota, and the
//! retry quota bounds what an outage costs. Any call takes its own timeout, headers and
//! cancellation.

use crate::support;

use std::io::{BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sunshine_conversations_client::{CancelToken, Error, RequestOptions, RetryPolicy, Upload};
use support::{RawServer, Reply, response};

/// What the quota server answers.
#[derive(Clone, Copy)]
enum Behaviour {
    /// At most `per_window` requests within any `window` (a sliding window); beyond that
    /// `429` with a `Retry-After` of the window's length, and nothing but `429` until that
    /// window has passed.
    Quota { per_window: usize, window: Duration },
    /// `503` without `Retry-After`, always: an outage.
    Outage,
    /// A degraded service: the first request for 2 paths in 5 answers `503` without
    /// `Retry-After`, every other `200`.
    Degraded,
    /// `429` with `Retry-After: 3600` to the first request, `200` to any other.
    LongWait,
}

/// A loopback server with keep-alive connections that records when each request arrived and
/// what it answered.
struct QuotaServer {
    port: u16,
    log: Arc<Mutex<Vec<(Instant, u16)>>>,
    stop: Arc<AtomicBool>,
}

/// What the quota server shares between its connections.
#[derive(Default)]
struct Shared {
    /// Until when a quota server answers nothing but `429`.
    closed_until: Mutex<Option<Instant>>,
    /// The paths a degraded server has seen.
    seen: Mutex<std::collections::HashSet<String>>,
}

impl QuotaServer {
    fn start(behaviour: Behaviour) -> QuotaServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let shared: Arc<Shared> = Arc::default();
        let log = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (record, stopped) = (Arc::clone(&log), Arc::clone(&stop));
        std::thread::spawn(move || {
            for stream in listener.incoming().take(20_000) {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { break };
                let (shared, record) = (Arc::clone(&shared), Arc::clone(&record));
                std::thread::spawn(move || serve(stream, behaviour, &shared, &record));
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
    shared: &Shared,
    log: &Mutex<Vec<(Instant, u16)>>,
) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(20)));
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    for _ in 0..10_000 {
        let Some(head) = support::read_head(&mut reader) else {
            return;
        };
        let body = support::read_body(&mut reader, &head);
        let now = Instant::now();
        let status = {
            let mut log = log.lock().unwrap();
            let status = match behaviour {
                Behaviour::Outage => 503,
                Behaviour::LongWait => {
                    if log.is_empty() {
                        429
                    } else {
                        200
                    }
                }
                Behaviour::Degraded => {
                    // The deleted URL names the call: `.../<thread>-<call>`.
                    let path = String::from_utf8_lossy(&body).into_owned();
                    let first = shared.seen.lock().unwrap().insert(path.clone());
                    let unlucky = path.bytes().map(u64::from).sum::<u64>() % 5 < 2;
                    if first && unlucky { 503 } else { 200 }
                }
                Behaviour::Quota { per_window, window } => {
                    let mut closed = shared.closed_until.lock().unwrap();
                    let recent = log
                        .iter()
                        .filter(|(at, status)| *status == 200 && now.duration_since(*at) < window)
                        .count();
                    if closed.is_some_and(|until| now < until) {
                        429
                    } else if recent >= per_window {
                        *closed = Some(now + window);
                        429
                    } else {
                        200
                    }
                }
            };
            log.push((now, status));
            status
        };
        let window = match behaviour {
            Behaviour::Quota { window, .. } => format!("{:.3}", window.as_secs_f64()),
            _ => "3600".to_owned(),
        };
        let answer = match status {
            200 => response(200, &[("content-type", "application/json")], "{}"),
            429 => response(429, &[("retry-after", &window)], ""),
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
            .map(|thread| {
                let client = client.clone();
                scope.spawn(move || {
                    (0..calls)
                        .filter_map(|n| {
                            client
                                .delete(&format!("https://media.example/{thread}-{n}"))
                                .err()
                        })
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

/// A policy whose backoff waits a millisecond or two.
fn instant_retries() -> RetryPolicy {
    support::quick_retries()
        .with_initial_backoff(Duration::from_millis(1))
        .with_max_backoff(Duration::from_millis(2))
}

#[test]
fn a_pace_at_the_servers_quota_meets_no_429() {
    // 40 requests in any 250 ms: 160 a second.
    let server = QuotaServer::start(Behaviour::Quota {
        per_window: 40,
        window: Duration::from_millis(250),
    });
    let client = support::builder(&server.url())
        .retry_policy(support::quick_retries())
        .max_requests_per_second(160)
        .build()
        .unwrap();
    let errors = delete_from_threads(&client, 16, 8);
    let log = server.log();
    let refused = log.iter().filter(|(_, status)| *status == 429).count();
    eprintln!("128 calls at 160/s against a quota of 40 in 250 ms: {refused} answers of 429");
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
    // At 90 a second, 16 threads hold turns up to about 180 ms ahead when the first 429 comes,
    // within the 400 ms it announces.
    let (requests, refused, into_the_window) = sends_into_the_first_wait(Some(90));
    eprintln!(
        "at 90/s: {requests} requests, {refused} answers of 429, {into_the_window} sent into the announced wait"
    );
    assert_eq!(into_the_window, 0);
}

/// 16 threads delete 6 attachments each against a server that lets 32 requests through in any
/// 400 ms (80 a second) and then announces a wait of 400 ms (`Retry-After: 0.400`), at `pace`
/// if given: how many requests it saw, how many it refused, and how many arrived within the
/// wait its first `429` announced (after 100 ms, for requests already on their way).
fn sends_into_the_first_wait(pace: Option<u32>) -> (usize, usize, usize) {
    let window = Duration::from_millis(400);
    let server = QuotaServer::start(Behaviour::Quota {
        per_window: 32,
        window,
    });
    let mut builder = support::builder(&server.url()).retry_policy(
        RetryPolicy::default()
            .with_max_attempts(6)
            .with_max_retry_after(Duration::from_secs(2)),
    );
    if let Some(pace) = pace {
        builder = builder.max_requests_per_second(pace);
    }
    let client = builder.build().unwrap();
    let errors = delete_from_threads(&client, 16, 6);
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
            after > Duration::from_millis(100) && after < window - Duration::from_millis(20)
        })
        .count();
    let refused = log.iter().filter(|(_, status)| *status == 429).count();
    (log.len(), refused, into_the_window)
}

#[test]
fn an_outage_costs_the_calls_and_the_quotas_retries() {
    let server = QuotaServer::start(Behaviour::Outage);
    let client = support::builder(&server.url())
        .retry_policy(instant_retries())
        .build()
        .unwrap();
    let errors = delete_from_threads(&client, 16, 40);
    let requests = server.log().len();
    let held_back = errors
        .iter()
        .filter(|e| e.outcome().is_some_and(|o| o.retries_held_back))
        .count();
    eprintln!("640 calls in an outage: {requests} requests, {held_back} errors held back retries");
    assert_eq!(errors.len(), 640);
    // The quota's 500 tokens pay for 100 retries of 5 tokens; without it, 4 attempts a call.
    assert!(requests <= 640 + 116, "{requests} requests");
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
fn a_degraded_service_fails_no_call_that_a_retry_saves() {
    let server = QuotaServer::start(Behaviour::Degraded);
    let client = support::builder(&server.url())
        .retry_policy(instant_retries())
        .build()
        .unwrap();
    let errors = delete_from_threads(&client, 16, 100);
    let log = server.log();
    let failed_first = log.iter().filter(|(_, status)| *status == 503).count();
    eprintln!(
        "1600 deletes, {failed_first} of them answered 503 first: {} requests, {} calls failed",
        log.len(),
        errors.len()
    );
    assert!(failed_first > 400, "{failed_first} first attempts failed");
    assert!(errors.is_empty(), "{} failed: {}", errors.len(), errors[0]);
}

#[test]
fn a_wait_longer_than_a_call_may_wait_ends_it_at_once_without_sending() {
    let server = QuotaServer::start(Behaviour::LongWait);
    let client = support::builder(&server.url())
        .retry_policy(RetryPolicy::default())
        .build()
        .unwrap();
    // The first call meets the 429 and its hour: it gives up at once (the policy honours a
    // minute at most) and says why.
    let started = Instant::now();
    let first = client.delete("https://media.example/a").unwrap_err();
    assert_eq!(first.status(), Some(429), "{first:?}");
    assert_eq!(first.retry_after(), Some(Duration::from_secs(3600)));
    // A later delete from another thread: it waits for nothing, sends nothing, and says the
    // server asked to wait, until when.
    let later = {
        let client = client.clone();
        std::thread::spawn(move || {
            let started = Instant::now();
            (client.delete("https://media.example/b"), started.elapsed())
        })
        .join()
        .unwrap()
    };
    let (later, took) = (later.0.unwrap_err(), later.1);
    let Error::RateLimited { until, outcome, .. } = &later else {
        panic!("{later:?}");
    };
    let wait = until.duration_since(std::time::SystemTime::now()).unwrap();
    assert!(wait > Duration::from_secs(3590) && wait <= Duration::from_secs(3600));
    assert_eq!(outcome.attempts, 0);
    assert!(later.nothing_sent() && later.is_retryable(), "{later:?}");
    assert!(later.retry_after().unwrap() > Duration::from_secs(3590));
    assert!(
        later
            .to_string()
            .contains("asked this client to send nothing"),
        "{later}"
    );
    assert!(!later.to_string().contains("timed out"), "{later}");
    // An upload, which has no deadline: ends the same way, at once, rather than in an hour.
    let (done, receiving) = std::sync::mpsc::channel();
    {
        let client = client.clone();
        std::thread::spawn(move || {
            let started = Instant::now();
            let upload = client.upload(Upload::bytes("a.txt", "hello"));
            let _ = done.send((upload, started.elapsed()));
        });
    }
    let (upload, upload_took) = receiving
        .recv_timeout(Duration::from_secs(5))
        .expect("the upload ends at once, not after the server's hour");
    let upload = upload.unwrap_err();
    assert!(
        matches!(&upload, Error::RateLimited { outcome, .. } if outcome.attempts == 0),
        "{upload:?}"
    );
    eprintln!(
        "under a 3600 s wait: a later delete ended in {took:?}, an upload in {upload_took:?}; \
         {} request(s) sent",
        server.log().len()
    );
    assert!(took < Duration::from_millis(100), "{took:?}");
    assert!(upload_took < Duration::from_millis(100), "{upload_took:?}");
    assert_eq!(server.log().len(), 1, "only the first call was sent");
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn a_turn_of_the_pace_a_cancelled_call_took_goes_to_the_next_caller() {
    let server = RawServer::start(vec![Reply::Bytes(response(200, &[], "{}"))]);
    // One turn every 510 ms.
    let client = support::builder(&server.url())
        .max_requests_per_second(2)
        .build()
        .unwrap();
    let started = Instant::now();
    client.delete("https://media.example/first").unwrap();
    // The second call takes the turn at about 510 ms, and is cancelled at 100 ms.
    let token = CancelToken::new();
    let cancelling = support::cancel_after(&token, 100);
    let cancelled = client
        .with_options(RequestOptions::new().cancel_with(&token))
        .unwrap()
        .delete("https://media.example/cancelled")
        .unwrap_err();
    cancelling.join().unwrap();
    assert!(cancelled.nothing_sent(), "{cancelled:?}");
    // The third, giving up at its deadline (at 300 ms) before its turn.
    let late = client
        .with_options(RequestOptions::new().timeout(Duration::from_millis(200)))
        .unwrap()
        .delete("https://media.example/late")
        .unwrap_err();
    assert!(late.nothing_sent(), "{late:?}");
    // The next caller takes the cancelled call's turn, not one after it.
    client.delete("https://media.example/next").unwrap();
    let took = started.elapsed();
    eprintln!("the next caller's call ended {took:?} after the first began (turns 510 ms apart)");
    assert!(took < Duration::from_millis(850), "{took:?}");
    assert_eq!(server.requests().len(), 2);
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
