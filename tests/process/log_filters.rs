//! Signed URLs, a URL's user info and a proxy's user name stay out of every log line under every
//! filter the README mentions, `RUST_LOG=debug` and `RUST_LOG=trace` included. The upstream
//! behaviour the log guard works around (ureq 3.5): `ureq::run` logs each request's URL at
//! debug, with its path and query (and a redirect's `Location`) in full whenever the target
//! `ureq::util` is enabled at trace; `ureq::pool` logs a proxy's URL with the first letter of its
//! user name; `ureq_proto` dumps every byte at trace.

use crate::support;

use std::io::Read;

use sunshine_conversations_client::Client;
use support::media::{MediaHost, Route};

use crate::{FINER_FILTER, Filter, RECOMMENDED_FILTER, RECORDER};

const SIGNATURE: &str = "Sig-S3cret-Value";
const TOKEN: &str = "Tok-S3cret-Value";
const LOCATION_SECRET: &str = "Loc-S3cret-Value";
const URL_USER: &str = "urlUserName";
const URL_PASSWORD: &str = "Url-Pa55word";
const PROXY_USER: &str = "proxyUserName";
const PROXY_PASSWORD: &str = "Proxy-Pa55word";

/// What no line may show: the secrets, and the masked forms ureq gives user names.
const NEEDLES: [&str; 9] = [
    SIGNATURE,
    TOKEN,
    LOCATION_SECRET,
    URL_USER,
    URL_PASSWORD,
    PROXY_USER,
    PROXY_PASSWORD,
    "u*****",
    "p*****",
];

/// Every filter the README and the guard's warnings name, and the two plain levels.
const FILTERS: [&str; 6] = [
    "debug",
    "trace",
    "trace,ureq_proto=debug",
    RECOMMENDED_FILTER,
    FINER_FILTER,
    "debug,ureq::pool=info",
];

/// Downloads a signed URL, one with user info, a redirect to a signed URL and, through a
/// proxy with a user name, another signed URL; returns the lines logged meanwhile.
fn download_all(host: &MediaHost, allow_transport_trace: bool) -> Vec<String> {
    RECORDER.clear();
    let fetch = |client: &Client, url: &str| {
        let mut body = Vec::new();
        client
            .download(url)
            .reader()
            .unwrap()
            .read_to_end(&mut body)
            .unwrap();
        assert_eq!(body, b"png");
    };
    let direct = support::builder(&host.url(""))
        .allow_transport_trace(allow_transport_trace)
        .build()
        .unwrap();
    let signed = format!("/media/a.png?X-Amz-Signature={SIGNATURE}&token={TOKEN}");
    fetch(&direct, &host.url(&signed));
    fetch(
        &direct,
        &format!(
            "http://{URL_USER}:{URL_PASSWORD}@127.0.0.1:{}/media/a.png",
            host.port
        ),
    );
    fetch(&direct, &host.url("/signed-redirect"));
    let target = std::net::SocketAddr::from(([127, 0, 0, 1], host.port));
    let proxy = support::proxies::http_connect(target);
    let proxied = support::builder(&host.url(""))
        .proxy(format!(
            "http://{PROXY_USER}:{PROXY_PASSWORD}@127.0.0.1:{}",
            proxy.port
        ))
        .allow_transport_trace(allow_transport_trace)
        .build()
        .unwrap();
    fetch(&proxied, &format!("http://localhost:{}{signed}", host.port));
    assert_eq!(
        proxy.asked().len(),
        1,
        "the download went through the proxy"
    );
    RECORDER.lines()
}

fn media_host() -> MediaHost {
    MediaHost::start(vec![
        (
            "/media/a.png",
            Route::File {
                bytes: b"png".to_vec(),
                content_type: "image/png",
                authorization: None,
            },
        ),
        (
            "/signed-redirect",
            Route::Redirect(format!("/media/a.png?X-Amz-Signature={LOCATION_SECRET}")),
        ),
    ])
}

fn shown_secrets(lines: &[String]) -> Vec<String> {
    let mut found: Vec<String> = lines
        .iter()
        .filter(|line| NEEDLES.iter().any(|needle| line.contains(needle)))
        .cloned()
        .collect();
    for bytes in crate::log_guard::reassembled_dumps(lines) {
        let text = String::from_utf8_lossy(&bytes);
        if NEEDLES.iter().any(|needle| text.contains(needle)) {
            found.push(format!("a byte dump: {text}"));
        }
    }
    found
}

#[test]
fn signed_urls_and_user_names_stay_out_of_every_log_line() {
    let _process = crate::process();
    let host = media_host();
    for filter in FILTERS {
        RECORDER.set_filter(Some(filter));
        let level = Filter::parse(filter).max();
        log::set_max_level(level);
        let lines = download_all(&host, false);
        let shown = shown_secrets(&lines);
        assert!(shown.is_empty(), "RUST_LOG={filter}: {shown:#?}");
        assert!(
            lines
                .iter()
                .any(|line| line.contains("sunshine_conversations_client")
                    && line.contains("download")),
            "RUST_LOG={filter}: the client's own debug lines come through: {lines:#?}"
        );
        assert_eq!(
            log::max_level(),
            level,
            "RUST_LOG={filter}: the level is back"
        );
    }

    // What the guard keeps out, shown with it off: the query and the proxy's masked user name.
    // (A URL's user info never reaches ureq: downloads drop it.)
    RECORDER.set_filter(Some("trace,ureq_proto=debug"));
    log::set_max_level(log::LevelFilter::Trace);
    let shown = shown_secrets(&download_all(&host, true)).join("\n");
    for needle in [SIGNATURE, LOCATION_SECRET, "p*****"] {
        assert!(
            shown.contains(needle),
            "without the guard, {needle} is shown:\n{shown}"
        );
    }
}
