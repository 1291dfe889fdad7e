//! Property: for any id string, the request is either refused before sending or reaches the
//! right route with the id decoded back exactly. 256 generated ids, from a fixed seed (set
//! `IDS_SEED` to try others), mixing printable Unicode, the characters that matter to a URL,
//! control characters, and dot segments.

use crate::support;

use sunshine_conversations_client::{Error, types};
use support::{RawServer, Reply, response};

const CASES: usize = 256;

fn refusable(id: &str) -> bool {
    id.is_empty() || id == "." || id == ".." || id.chars().any(char::is_control)
}

/// One generated id.
fn id(rng: &mut fastrand::Rng) -> String {
    match rng.u8(0..10) {
        0 => ".".to_owned(),
        1 => "..".to_owned(),
        2..=5 => {
            // The characters a URL path or query could misread, controls included.
            const ALPHABET: &[char] = &[
                '.', '/', '%', '?', '#', '&', ' ', '\\', '\r', '\n', '\0', 'a', 'b', 'z',
            ];
            (0..rng.usize(0..=6))
                .map(|_| ALPHABET[rng.usize(..ALPHABET.len())])
                .collect()
        }
        _ => (0..rng.usize(0..=12))
            .map(|_| {
                loop {
                    let c = match rng.u8(0..4) {
                        0 => rng.char(' '..='~'),
                        1 => rng.char('\u{a0}'..='\u{2fff}'),
                        2 => rng.char('\u{3000}'..='\u{9fff}'),
                        _ => rng.char('\u{1f300}'..='\u{1faff}'),
                    };
                    if !c.is_control() {
                        break c;
                    }
                }
            })
            .collect(),
    }
}

#[test]
fn any_id_is_refused_or_routed_exactly() {
    let seed = std::env::var("IDS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x1d5_u64);
    let mut rng = fastrand::Rng::with_seed(seed);
    let server = RawServer::start(vec![Reply::Bytes(response(200, &[], "{}"))]);
    // One client for every case: its kept-alive connection serves them all.
    let client = support::client(&server.url());
    let body: types::AttachmentDeleteBody = types::AttachmentDeleteBody::builder()
        .media_url("u")
        .try_into()
        .unwrap();
    for case in 0..CASES {
        let id = id(&mut rng);
        let context = format!("case {case} (IDS_SEED={seed}): {id:?}");
        let before = server.requests().len();
        match client.delete_attachment(&id, &body).send() {
            Err(Error::InvalidInput { .. }) => {
                assert!(refusable(&id), "refused a sendable id, {context}");
                assert_eq!(
                    server.requests().len(),
                    before,
                    "nothing was sent, {context}"
                );
            }
            Err(other) => panic!("unexpected error {other}, {context}"),
            Ok(_) => {
                assert!(
                    !refusable(&id),
                    "sent an id that should be refused, {context}"
                );
                let requests = server.requests();
                assert_eq!(requests.len(), before + 1, "{context}");
                let target = requests[before].target().to_owned();
                let segment = target
                    .strip_prefix("/v2/apps/")
                    .and_then(|rest| rest.strip_suffix("/attachments/remove"))
                    .unwrap_or_else(|| panic!("route changed: {target}, {context}"));
                assert!(!segment.contains('/'), "one segment: {segment}, {context}");
                let decoded = percent_encoding::percent_decode_str(segment)
                    .decode_utf8()
                    .unwrap();
                assert_eq!(decoded.as_ref(), id.as_str(), "{context}");
            }
        }
    }
}
