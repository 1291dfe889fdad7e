//! A proxy configured in the environment is not used for loopback hosts, and an explicitly
//! configured proxy is. One test in its own binary: it changes the process environment.

mod support;

use support::{RawServer, Reply, builder, response};

#[test]
fn environment_proxies_are_skipped_for_loopback_and_explicit_ones_are_used() {
    let proxy = RawServer::start(vec![Reply::Bytes(response(200, &[], "{}"))]);
    let target = RawServer::start(vec![Reply::Bytes(response(200, &[], "{}"))]);
    // SAFETY: this binary has exactly one test, so no other thread reads the environment.
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
        std::env::remove_var("NO_PROXY");
        std::env::remove_var("no_proxy");
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
}
