//! Property: for any id string, the request is either refused before sending or reaches the
//! right route with the id decoded back exactly.

mod support;

use proptest::prelude::*;
use sunshine_conversations_client::{Error, types};
use support::{RawServer, Reply, response};

fn server() -> &'static RawServer {
    static SERVER: std::sync::OnceLock<RawServer> = std::sync::OnceLock::new();
    SERVER.get_or_init(|| RawServer::start(vec![Reply::Bytes(response(200, &[], "{}"))]))
}

/// One client for every case: its kept-alive connection serves them all.
fn client() -> &'static sunshine_conversations_client::Client {
    static CLIENT: std::sync::OnceLock<sunshine_conversations_client::Client> =
        std::sync::OnceLock::new();
    CLIENT.get_or_init(|| support::client(&server().url()))
}

fn refusable(id: &str) -> bool {
    id.is_empty() || id == "." || id == ".." || id.chars().any(char::is_control)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_id_is_refused_or_routed_exactly(id in prop_oneof![
        "\\PC{0,12}",
        "[./%?#& \\\\\\r\\n\\x00a-z]{0,6}",
        Just(".".to_owned()),
        Just("..".to_owned()),
    ]) {
        let server = server();
        let client = client();
        let before = server.requests().len();
        let body = types::AttachmentDeleteBody { media_url: "u".into() };
        match client.delete_attachment(&id, &body) {
            Err(Error::InvalidInput { .. }) => {
                prop_assert!(refusable(&id), "refused a sendable id {:?}", id);
                prop_assert_eq!(server.requests().len(), before, "nothing was sent");
            }
            Err(other) => prop_assert!(false, "unexpected error for {:?}: {}", id, other),
            Ok(_) => {
                prop_assert!(!refusable(&id), "sent an id that should be refused: {:?}", id);
                let requests = server.requests();
                prop_assert_eq!(requests.len(), before + 1);
                let line = requests[before].request_line().to_owned();
                let target = line.split(' ').nth(1).unwrap_or("");
                let segment = target
                    .strip_prefix("/v2/apps/")
                    .and_then(|rest| rest.strip_suffix("/attachments/remove"))
                    .unwrap_or_else(|| panic!("route changed: {line}"));
                prop_assert!(!segment.contains('/'), "one segment: {}", segment);
                let decoded = percent_encoding::percent_decode_str(segment).decode_utf8().unwrap();
                prop_assert_eq!(decoded.as_ref(), id.as_str());
            }
        }
    }
}
