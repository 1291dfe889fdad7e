//! A caller's own ureq agent (`ClientBuilder::unstable_ureq_agent`, feature `unstable-ureq`):
//! what still applies — status handling, no redirects, timeouts — and what does not — the
//! builder's proxy (refused) and TLS features (the agent's own).

#[cfg(feature = "unstable-ureq")]
mod with_the_feature {
    use std::time::{Duration, Instant};

    use sunshine_conversations_client::{Error, Timeouts, unstable_ureq};

    use crate::support::{self, RawServer, Reply, response};

    /// An agent as a caller might configure it: ureq's defaults, under which error statuses
    /// are errors, redirects are followed and nothing times out.
    fn callers_agent() -> unstable_ureq::Agent {
        unstable_ureq::Agent::new_with_defaults()
    }

    #[test]
    fn statuses_redirects_and_timeouts_still_apply() {
        let elsewhere = RawServer::start(vec![Reply::Bytes(response(200, &[], "{}"))]);
        let location = format!("{}/v2/apps/x/attachments/remove", elsewhere.url());
        let server = RawServer::start(vec![
            Reply::Bytes(response(
                404,
                &[("content-type", "application/json")],
                r#"{"errors":[{"code":"not_found","title":"Attachment not found"}]}"#,
            )),
            Reply::Bytes(response(302, &[("location", &location)], "")),
            Reply::BytesThenStall(
                b"HTTP/1.1 200 OK\r\ncontent-length: 50\r\n\r\n{".to_vec(),
                Duration::from_secs(5),
            ),
        ]);
        let client = support::builder(&server.url())
            .unstable_ureq_agent(callers_agent())
            .timeouts(Timeouts::all(Duration::from_millis(400)))
            .build()
            .unwrap();

        let err = client.delete("u").unwrap_err();
        let api = err
            .api()
            .expect("a 404 is the API's answer, not a ureq error");
        assert_eq!(api.errors[0].code, "not_found");

        let err = client.delete("u").unwrap_err();
        assert_eq!(
            err.status(),
            Some(302),
            "the redirect is not followed: {err}"
        );
        assert!(elsewhere.requests().is_empty());

        let started = Instant::now();
        let err = client.delete("u").unwrap_err();
        assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
        assert!(started.elapsed() < Duration::from_secs(3));
    }

    #[test]
    fn the_builders_proxy_does_not_combine_with_an_agent() {
        let err = support::builder("http://127.0.0.1:9")
            .unstable_ureq_agent(callers_agent())
            .proxy("http://user:pw@127.0.0.1:3128")
            .build()
            .unwrap_err();
        assert!(matches!(err, Error::InvalidInput { .. }), "{err:?}");
        assert!(err.to_string().contains("agent"), "{err}");
        assert!(!err.to_string().contains("pw"), "{err}");
    }
}

#[cfg(not(feature = "unstable-ureq"))]
#[test]
#[ignore = "needs the unstable-ureq feature (.ci/run runs it)"]
fn a_callers_agent() {}
