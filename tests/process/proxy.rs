//! A proxy configured in the environment is not used for loopback hosts, and an explicitly
//! configured proxy is; SOCKS proxies work, from `proxy()` and from `ALL_PROXY`. It takes the
//! process: it changes the environment.

use crate::support;

use std::net::SocketAddr;

use sunshine_conversations_client::Error;
use support::{RawServer, Reply, builder, proxies, response};

#[test]
fn environment_proxies_are_skipped_for_loopback_and_explicit_ones_are_used() {
    let _process = crate::process();
    let proxy = RawServer::start(vec![Reply::Bytes(response(200, &[], "{}"))]);
    let target = RawServer::start(vec![Reply::Bytes(response(200, &[], "{}"))]);
    // SAFETY: every test of this binary that sends a request or touches the environment holds
    // the process (`crate::process`), so no other thread reads the environment.
    unsafe {
        for name in [
            "HTTP_PROXY",
            "http_proxy",
            "HTTPS_PROXY",
            "https_proxy",
            "ALL_PROXY",
        ] {
            std::env::set_var(name, proxy.url());
        }
    }

    builder(&target.url()).build().unwrap().delete("u").unwrap();
    assert_eq!(
        target.requests().len(),
        1,
        "loopback calls connect directly"
    );
    assert!(
        proxy.requests().is_empty(),
        "the environment's proxy saw nothing"
    );

    // The stand-in proxy does not tunnel, so the call itself fails; what matters is where it
    // went.
    let _ = builder(&target.url())
        .proxy(proxy.url())
        .build()
        .unwrap()
        .delete("u");
    let seen = proxy.requests();
    // The first request the proxy sees asks for the target (a CONNECT); what ureq then sends
    // through the would-be tunnel may show up as a second one.
    assert!(!seen.is_empty(), "an explicit proxy is used");
    let authority = target.url().trim_start_matches("http://").to_owned();
    assert!(
        seen[0].request_line().contains(&authority),
        "the proxy was asked for the target: {}",
        seen[0].request_line()
    );
    assert_eq!(
        target.requests().len(),
        1,
        "and the target was not contacted directly"
    );

    socks_proxies_are_used();
}

fn socks_proxies_are_used() {
    let target = RawServer::start(vec![Reply::Bytes(response(200, &[], "{}"))]);
    let address: SocketAddr = format!("127.0.0.1:{}", target.port).parse().unwrap();

    // Explicit: the tunnel goes through the SOCKS server.
    let socks = proxies::socks5(address);
    builder(&target.url())
        .proxy(format!("socks5://127.0.0.1:{}", socks.port))
        .build()
        .unwrap()
        .delete("u")
        .unwrap();
    assert_eq!(socks.asked(), vec![format!("127.0.0.1:{}", target.port)]);
    assert_eq!(target.requests().len(), 1);

    // A SOCKS proxy that is not there is an error, not a panic and not a direct connection.
    let err = builder(&target.url())
        .proxy("socks5://127.0.0.1:9")
        .build()
        .unwrap()
        .delete("u")
        .unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_eq!(target.requests().len(), 1, "nothing went around the proxy");

    // From the environment: ALL_PROXY names a SOCKS proxy that resolves the host itself.
    let socks = proxies::socks5(address);
    // SAFETY: every test of this binary that sends a request or touches the environment holds
    // the process (`crate::process`), so no other thread reads the environment.
    unsafe {
        for name in ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"] {
            std::env::remove_var(name);
        }
        std::env::set_var("ALL_PROXY", format!("socks5h://127.0.0.1:{}", socks.port));
    }
    builder("http://attachments.sunco.test")
        .allow_plain_http(true)
        .build()
        .unwrap()
        .delete("u")
        .unwrap();
    assert_eq!(socks.asked(), vec!["attachments.sunco.test:80".to_owned()]);
    assert_eq!(target.requests().len(), 2);

    // An unusable proxy in the environment is refused by name, not skipped.
    // SAFETY: as above.
    unsafe { std::env::set_var("ALL_PROXY", "gopher://127.0.0.1:70") };
    let err = builder("https://attachments.sunco.test")
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("ALL_PROXY"), "{err}");
}
