//! No secret — key secret, Basic header, JWT, media token — appears in `Debug`, `Display`,
//! errors, or any log line down to trace level (ureq's own logging included).

use crate::support;

use std::time::Duration;

use base64::Engine as _;
use sunshine_conversations_client::{Client, JwtScope, RetryPolicy, Secret, Timeouts, Upload};
use support::{RawServer, Reply, response};

const KEY_ID: &str = "app_key_visible";
const SECRET: &str = "Very-Secret-Value-123";
const MEDIA_TOKEN: &str = "media-token-value-456";

fn assert_no_secret(what: &str, text: &str) {
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{KEY_ID}:{SECRET}"));
    for needle in [SECRET, basic.as_str(), MEDIA_TOKEN, "eyJ"] {
        assert!(
            !text.contains(needle),
            "{what} contains {needle:?}:\n{text}"
        );
    }
}

fn clients(url: &str) -> Vec<Client> {
    let quick = RetryPolicy::default()
        .with_max_attempts(2)
        .with_initial_backoff(Duration::from_millis(10));
    let base = || {
        Client::builder()
            .base_url(url)
            .app_id("app")
            .retry_policy(quick)
            .timeouts(Timeouts::all(Duration::from_millis(500)))
    };
    vec![
        base().basic_auth(KEY_ID, SECRET).build().unwrap(),
        base().jwt(KEY_ID, SECRET, JwtScope::App).build().unwrap(),
        base()
            .jwt(KEY_ID, SECRET, JwtScope::Account)
            .jwt_lifetime(Duration::from_secs(60))
            .build()
            .unwrap(),
        base().bearer_token(SECRET).build().unwrap(),
    ]
}

#[test]
fn secrets_stay_out_of_debug_display_errors_and_logs() {
    let _process = crate::process();

    let unauthorized = response(
        401,
        &[("content-type", "application/json")],
        r#"{"errors":[{"code":"unauthorized","title":"Authorization is required"}]}"#,
    );
    let server = RawServer::start(vec![
        Reply::Bytes(response(503, &[], "")),
        Reply::Bytes(unauthorized),
    ]);
    let mut shown = String::new();
    let builder = Client::builder().basic_auth(KEY_ID, SECRET).app_id("app");
    shown.push_str(&format!("{builder:?}\n"));
    for client in clients(&server.url()) {
        shown.push_str(&format!("{client:?}\n"));
        let err = client.delete("u").unwrap_err();
        shown.push_str(&format!("{err}\n{err:?}\n"));
        let err = client
            .upload(Upload::bytes("a.txt", b"x".to_vec()))
            .unwrap_err();
        shown.push_str(&format!("{err}\n{err:?}\n"));
        #[cfg(sunco_helper = "media_cookie")]
        {
            let err = client.media_cookie(&Secret::new(MEDIA_TOKEN)).unwrap_err();
            shown.push_str(&format!("{err}\n{err:?}\n"));
        }
        let bearer = client.with_bearer_token(MEDIA_TOKEN).unwrap();
        shown.push_str(&format!("{bearer:?}\n"));
    }
    // A transport failure and a timeout, too: the clients wait out their deadline together.
    let silent = RawServer::start(vec![Reply::Silent(Duration::from_secs(3))]);
    std::thread::scope(|scope| {
        let calls: Vec<_> = clients(&silent.url())
            .into_iter()
            .map(|client| scope.spawn(move || client.delete("u").unwrap_err()))
            .collect();
        for call in calls {
            let err = call.join().unwrap();
            shown.push_str(&format!("{err}\n{err:?}\n"));
        }
    });
    shown.push_str(&format!("{:?}\n", Secret::new(MEDIA_TOKEN)));
    let tokens: sunshine_conversations_client::MediaTokens =
        serde_json::from_value(serde_json::json!({"tokens": {"/apps/a": MEDIA_TOKEN}})).unwrap();
    shown.push_str(&format!("{tokens:?}\n"));

    assert_no_secret("Debug and Display output", &shown);
    let log = crate::RECORDER.lines().join("\n");
    assert!(log.contains("DEBUG"), "debug lines were captured:\n{log}");
    assert!(
        // The operationId is `deleteAttachment` in 12.x documents, `DeleteAttachment` later.
        log.to_lowercase().contains("retrying deleteattachment"),
        "retries are logged:\n{log}"
    );
    assert!(
        log.contains("ureq"),
        "ureq's own lines were captured too:\n{log}"
    );
    assert_no_secret("the trace log", &log);
    assert_eq!(
        log::max_level(),
        log::LevelFilter::Trace,
        "the trace level is back once no request is in flight"
    );

    // The upstream behaviour the client works around: with the guard off, ureq-proto's
    // hex dump carries the Authorization header.
    crate::RECORDER.clear();
    let server = RawServer::start(vec![Reply::Bytes(response(200, &[], "{}"))]);
    Client::builder()
        .base_url(server.url())
        .basic_auth(KEY_ID, SECRET)
        .app_id("app")
        .allow_transport_trace(true)
        .build()
        .unwrap()
        .delete("u")
        .unwrap();
    let dump: String = crate::RECORDER
        .lines()
        .iter()
        .filter(|line| line.starts_with("TRACE ureq_proto"))
        .filter_map(|line| line.rsplit(' ').next())
        .collect();
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{KEY_ID}:{SECRET}"));
    assert!(
        dump.contains(&basic),
        "ureq-proto dumps the Authorization header at trace level when allowed"
    );
}
