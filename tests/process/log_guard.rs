//! The log guard leaves the application's logging alone: with the recommended filter it never
//! touches the process-wide level, even while threads make requests and the application logs
//! at trace and changes its level; without it, secrets stay out and a level the application
//! sets is never overwritten. It takes the process: the level is the process's.

use crate::support;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use log::LevelFilter;

use crate::RECORDER;
use support::{RawServer, Reply, response};

const SECRET: &str = "log-guard-secret-value";

fn client(url: &str) -> sunshine_conversations_client::Client {
    support::builder(url)
        .basic_auth("key", SECRET)
        .build()
        .unwrap()
}

#[test]
fn the_application_keeps_its_logging() {
    let _process = crate::process();
    with_the_recommended_filter_nothing_changes();
    without_it_secrets_stay_out_and_the_applications_level_wins();
    overlapping_requests_never_let_a_dump_through();
}

/// The bytes of ureq-proto's hex dump rows, reassembled per thread in the order they were
/// logged: a secret split over two 16-byte rows is whole again.
pub fn reassembled_dumps(lines: &[String]) -> Vec<Vec<u8>> {
    let mut by_thread: std::collections::BTreeMap<String, Vec<u8>> = Default::default();
    for line in lines {
        let mut words = line.splitn(4, ' ');
        let (Some(_level), Some(target), Some(thread), Some(row)) =
            (words.next(), words.next(), words.next(), words.next())
        else {
            continue;
        };
        if !target.starts_with("ureq_proto") {
            continue;
        }
        let hex: String = row.split(' ').take(8).collect::<String>().replace("--", "");
        let bytes = by_thread.entry(thread.to_owned()).or_default();
        for pair in hex.as_bytes().chunks(2) {
            if let Ok(byte) = u8::from_str_radix(std::str::from_utf8(pair).unwrap_or("zz"), 16) {
                bytes.push(byte);
            }
        }
    }
    by_thread.into_values().collect()
}

#[test]
fn reassembly_finds_a_secret_split_over_rows() {
    let rows = [
        "TRACE ureq_proto::util ThreadId(7) 4175 7468 6f72 697a 6174 696f 6e3a 2042 Authorization:.B",
        "TRACE ureq_proto::util ThreadId(7) 6173 6963 ---- ---- ---- ---- ---- ---- asic........",
    ];
    let rows: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
    let dumps = reassembled_dumps(&rows);
    assert_eq!(dumps, vec![b"Authorization: Basic".to_vec()]);
}

/// Requests that start while others hold the level, and outlive them, are guarded too: the
/// decision is taken under the guard's lock, from the logger itself.
fn overlapping_requests_never_let_a_dump_through() {
    RECORDER.set_filter(None);
    RECORDER.clear();
    log::set_max_level(LevelFilter::Trace);
    let server = Arc::new(RawServer::start(vec![Reply::SlowBody(
        Duration::from_millis(7),
        response(200, &[], "{}"),
    )]));
    let workers: Vec<_> = (0..6u64)
        .map(|n| {
            let server = Arc::clone(&server);
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(3 * n));
                let client = client(&server.url());
                for _ in 0..15 {
                    client.delete("u").unwrap();
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }
    assert_eq!(log::max_level(), LevelFilter::Trace, "put back at the end");
    let lines = RECORDER.lines();
    let logged = lines
        .iter()
        .filter(|l| l.contains("/attachments/remove -> 200"))
        .count();
    assert_eq!(logged, 90, "every request was logged");
    let dumps: Vec<&String> = lines
        .iter()
        .filter(|l| l.starts_with("TRACE ureq_proto"))
        .collect();
    assert!(
        dumps.is_empty(),
        "no byte dump while the guard is on: {dumps:?}"
    );
    let encoded = {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode(format!("key:{SECRET}"))
    };
    for bytes in reassembled_dumps(&lines) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(SECRET) && !text.contains(&encoded), "{text}");
    }
}

fn with_the_recommended_filter_nothing_changes() {
    RECORDER.set_filter(Some(crate::FINER_FILTER));
    let server = Arc::new(RawServer::start(vec![Reply::Bytes(response(
        200,
        &[],
        "{}",
    ))]));
    let done = Arc::new(AtomicBool::new(false));
    let calls = Arc::new(AtomicUsize::new(0));
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (server, calls) = (Arc::clone(&server), Arc::clone(&calls));
            std::thread::spawn(move || {
                let client = client(&server.url());
                for _ in 0..40 {
                    client.delete("u").unwrap();
                    calls.fetch_add(1, Ordering::SeqCst);
                }
            })
        })
        .collect();
    // The application logs at trace and changes its level while the requests run; every level
    // it sets stays set.
    let watcher = {
        let done = Arc::clone(&done);
        std::thread::spawn(move || {
            let mut seen_debug = 0;
            while !done.load(Ordering::SeqCst) {
                if log::max_level() == LevelFilter::Debug {
                    seen_debug += 1;
                }
            }
            seen_debug
        })
    };
    let mut logged = 0;
    let started = Instant::now();
    while calls.load(Ordering::SeqCst) < 160 && started.elapsed() < Duration::from_secs(30) {
        for level in [LevelFilter::Trace, LevelFilter::Info, LevelFilter::Trace] {
            log::set_max_level(level);
            log::trace!(target: "application", "application trace {logged}");
            if level == LevelFilter::Trace {
                logged += 1;
            }
            assert_eq!(log::max_level(), level, "the level the application set");
        }
    }
    for worker in workers {
        worker.join().unwrap();
    }
    done.store(true, Ordering::SeqCst);
    assert_eq!(
        watcher.join().unwrap(),
        0,
        "the level was never lowered to debug"
    );
    assert_eq!(log::max_level(), LevelFilter::Trace);
    let lines = RECORDER.lines();
    let application = lines
        .iter()
        .filter(|l| l.contains("application trace"))
        .count();
    assert_eq!(
        application, logged,
        "every application trace line got through"
    );
    assert!(
        !lines.iter().any(|l| l.contains("is held at")),
        "no warning"
    );
    assert!(!lines.iter().any(|l| l.starts_with("TRACE ureq_proto")));
    // ureq resolves on every request; the client's resolver does it on the calling thread
    // instead of starting one per request (which ureq does whenever a timeout applies).
    assert!(
        lines.iter().any(|l| l.contains("Resolve: 127.0.0.1")),
        "{lines:?}"
    );
    assert!(!lines.iter().any(|l| l.contains("Resolve with timeout")));
}

fn without_it_secrets_stay_out_and_the_applications_level_wins() {
    RECORDER.set_filter(None);
    RECORDER.clear();
    let warned_before = RECORDER.guard_warnings();
    log::set_max_level(LevelFilter::Trace);
    // The first answer is slow, so that the application can change its level meanwhile; the
    // next ones are not.
    let server = Arc::new(RawServer::start(vec![
        Reply::SlowBody(Duration::from_millis(600), response(200, &[], "{}")),
        Reply::Bytes(response(200, &[], "{}")),
    ]));
    // One request in flight; meanwhile the application asks for info.
    let request = {
        let server = Arc::clone(&server);
        std::thread::spawn(move || client(&server.url()).delete("u").unwrap())
    };
    let started = Instant::now();
    while server.heads() == 0 && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(
        log::max_level(),
        LevelFilter::Debug,
        "held at debug in flight"
    );
    log::set_max_level(LevelFilter::Info);
    request.join().unwrap();
    assert_eq!(
        log::max_level(),
        LevelFilter::Info,
        "the level the application set in flight is not overwritten"
    );

    log::set_max_level(LevelFilter::Trace);
    client(&server.url()).delete("u").unwrap();
    assert_eq!(
        log::max_level(),
        LevelFilter::Trace,
        "put back after the request"
    );
    let lines = RECORDER.lines();
    assert_eq!(
        RECORDER.guard_warnings(),
        1,
        "one warning a process, with the filter to add (given here or by an earlier test)"
    );
    if warned_before == 0 {
        assert!(
            lines.iter().any(|l| l.contains(crate::RECOMMENDED_FILTER)),
            "this scenario's own warning, with the filter to add: {lines:?}"
        );
    }
    assert!(
        !lines.iter().any(|l| l.starts_with("TRACE ureq_proto")),
        "no byte dump, so no Authorization header, got through"
    );
    for line in &lines {
        assert!(!line.contains(SECRET), "{line}");
    }
}
