//! Every call goes through one request loop: a generated operation and a download, each
//! answered `503` with `Retry-After` and then `200`, write the same log lines (an attempt's,
//! the retry's, the next attempt's) and end with the same outcome record.

use crate::support;

use sunshine_conversations_client::types;
use support::{RawServer, Reply, response};

use crate::RECORDER;

/// The client's own lines, with what differs between the two calls (method, route, operation,
/// times) taken out.
fn shapes(lines: &[String], method: &str, route: &str, id: &str) -> Vec<String> {
    lines
        .iter()
        .filter(|line| line.starts_with("DEBUG sunshine_conversations_client"))
        .filter_map(|line| line.splitn(4, ' ').nth(3))
        .map(|line| {
            let line = line
                .replace(method, "METHOD")
                .replace(route, "ROUTE")
                .replace(id, "ID");
            // Durations: `in 1.2ms`, `in 0.0ns`.
            line.split(' ')
                .map(|word| {
                    if word.starts_with(|c: char| c.is_ascii_digit()) && word.ends_with('s') {
                        "TIME"
                    } else {
                        word
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn an_operation_and_a_download_go_through_the_same_loop() {
    let _process = crate::process();
    RECORDER.set_filter(Some("debug,ureq=off,ureq_proto=off"));
    log::set_max_level(log::LevelFilter::Debug);
    let unavailable = || Reply::Bytes(response(503, &[("retry-after", "0")], ""));
    let server = RawServer::start(vec![
        unavailable(),
        Reply::Bytes(response(200, &[("content-type", "application/json")], "{}")),
        unavailable(),
        Reply::Bytes(response(200, &[("content-type", "image/png")], "png")),
    ]);
    let client = support::retrying_client(&server.url());

    RECORDER.clear();
    let body = types::AttachmentDeleteBody::builder()
        .media_url(format!("{}/media/a.png", server.url()))
        .try_into()
        .unwrap();
    let deleted = client.delete_attachment("app", &body).send().unwrap();
    // `deleteAttachment`, or `DeleteAttachment` in later documents.
    let id = sunshine_conversations_client::operations::OPERATION_IDS
        .iter()
        .find(|id| id.eq_ignore_ascii_case("deleteAttachment"))
        .unwrap();
    let operation = shapes(
        &RECORDER.lines(),
        "POST",
        "/v2/apps/app/attachments/remove",
        id,
    );

    RECORDER.clear();
    let media = format!("{}/media/a.png", server.url());
    let reader = client.download(&media).reader().unwrap();
    let download = shapes(&RECORDER.lines(), "GET", &media, "download");

    assert_eq!(operation.len(), 3, "{operation:#?}");
    assert_eq!(operation, download, "the same lines");
    assert!(
        operation[0].ends_with("-> 503 in TIME (attempt 1, ID)"),
        "{operation:?}"
    );
    assert!(operation[1].starts_with("retrying ID in"), "{operation:?}");
    assert_eq!(deleted.outcome(), reader.outcome(), "the same record");
    assert_eq!(deleted.outcome().attempts, 2);
    assert!(!deleted.outcome().may_have_been_processed);
}
