//! Cursor pagination of the generated list requests (`full-api`): pages are fetched one at a
//! time as the iterator asks, each with the cursor the previous page gave, until `hasMore` is
//! false; a server that loops a cursor ends the iteration with an error instead of spinning.

#[cfg(feature = "full-api")]
mod full_api {
    use serde_json::json;
    use sunshine_conversations_client::{Error, types};

    use crate::support::{self, RawServer, json_reply};

    /// Cursors are record ids: 24 characters, as the document's `page` requires.
    const C1: &str = "5e1606762556d93e9c176f61";
    const C2: &str = "5e1606762556d93e9c176f62";

    fn apps_page(ids: &[&str], next: Option<&str>) -> support::Reply {
        let apps: Vec<_> = ids
            .iter()
            .map(|id| json!({"id": id, "displayName": id}))
            .collect();
        json_reply(
            200,
            json!({"apps": apps, "meta": {"hasMore": next.is_some(), "afterCursor": next}}),
        )
    }

    /// The request targets the server received, in order.
    fn targets(server: &RawServer) -> Vec<String> {
        server
            .requests()
            .iter()
            .map(|r| r.target().to_owned())
            .collect()
    }

    #[test]
    fn three_pages_forwards() {
        let server = RawServer::start(vec![
            apps_page(&["a1", "a2"], Some(C1)),
            apps_page(&["a3"], Some(C2)),
            apps_page(&["a4"], None),
        ]);
        let client = support::client(&server.url());
        let mut items = client.list_apps().items();
        let first = items.next().unwrap().unwrap();
        assert_eq!(first.id.as_deref(), Some("a1"));
        assert_eq!(server.requests().len(), 1, "one page fetched so far");
        let rest: Vec<String> = items
            .map(|app| app.unwrap().id.unwrap_or_default())
            .collect();
        assert_eq!(rest, ["a2", "a3", "a4"]);
        let targets = targets(&server);
        assert_eq!(
            targets,
            [
                "/v2/apps".to_owned(),
                format!("/v2/apps?page%5Bafter%5D={C1}"),
                format!("/v2/apps?page%5Bafter%5D={C2}"),
            ]
        );
    }

    #[test]
    fn messages_page_backwards() {
        let page = |ids: &[&str], before: Option<&str>| {
            let messages: Vec<_> = ids
                .iter()
                .map(|id| json!({"id": id, "received": "2024-01-01T00:00:00.000Z", "author": {"type": "user"}, "content": {"type": "text", "text": id}}))
                .collect();
            json_reply(
                200,
                json!({"messages": messages, "meta": {"hasMore": before.is_some(), "beforeCursor": before}}),
            )
        };
        let server = RawServer::start(vec![page(&["m3"], Some(C1)), page(&["m2", "m1"], None)]);
        let client = support::client(&server.url());
        let pages: Vec<_> = client
            .list_messages("app", "conv")
            .pages()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(pages.len(), 2);
        assert_eq!(
            server.requests()[1].target(),
            format!("/v2/apps/app/conversations/conv/messages?page%5Bbefore%5D={C1}")
        );
    }

    /// A page with one item of a kind no document lists yet: `items()` yields it as its
    /// unknown arm and goes on, the others typed.
    #[test]
    fn an_item_of_a_new_kind_is_yielded_and_paging_goes_on() {
        let message = |id: &str, content: serde_json::Value| json!({"id": id, "author": {"type": "user"}, "content": content});
        let first = json_reply(
            200,
            json!({"messages": [
                message("m4", json!({"type": "text", "text": "four"})),
                message("m3", json!({"type": "hologram", "frames": 24}))
            ], "meta": {"hasMore": true, "beforeCursor": C1}}),
        );
        let second = json_reply(
            200,
            json!({"messages": [message("m2", json!({"type": "text", "text": "two"}))],
                   "meta": {"hasMore": false}}),
        );
        let server = RawServer::start(vec![first, second]);
        let client = support::client(&server.url());
        let kinds: Vec<String> = client
            .list_messages("app", "conv")
            .items()
            .map(|message| {
                let content = message.unwrap().content.unwrap();
                match content {
                    types::Content::TextMessage(text) => format!("text {}", *text.text.unwrap()),
                    types::Content::Unknown(arm) => format!("unknown {}", arm.tag().unwrap()),
                    other => format!("{other:?}"),
                }
            })
            .collect();
        assert_eq!(kinds, ["text four", "unknown hologram", "text two"]);
    }

    #[test]
    fn the_callers_page_is_kept_and_only_the_cursor_changes() {
        let server = RawServer::start(vec![apps_page(&["a1"], Some(C1)), apps_page(&["a2"], None)]);
        let client = support::client(&server.url());
        let page: types::Page = types::Page::builder()
            .size(5i64)
            .before(Some(C2.parse().unwrap()))
            .try_into()
            .unwrap();
        let ids: Vec<String> = client
            .list_apps()
            .page(page)
            .items()
            .map(|app| app.unwrap().id.unwrap_or_default())
            .collect();
        assert_eq!(ids, ["a1", "a2"]);
        let targets = targets(&server);
        assert_eq!(
            targets,
            [
                format!("/v2/apps?page%5Bbefore%5D={C2}&page%5Bsize%5D=5"),
                format!("/v2/apps?page%5Bafter%5D={C1}&page%5Bsize%5D=5"),
            ]
        );
    }

    #[test]
    fn a_looping_cursor_stops_with_an_error() {
        let server = RawServer::start(vec![apps_page(&["again"], Some(C1))]);
        let client = support::client(&server.url());
        let results: Vec<_> = client.list_apps().pages().collect();
        assert_eq!(
            server.requests().len(),
            2,
            "the loop is seen on the second page"
        );
        assert_eq!(results.len(), 3);
        assert!(
            matches!(&results[2], Err(Error::Pagination { pages: 2, .. })),
            "{:?}",
            results[2].as_ref().err()
        );
    }
}

#[cfg(not(feature = "full-api"))]
#[test]
#[ignore = "the list operations are in the full-api build (.ci/run runs it)"]
fn pagination_of_the_full_api() {}
