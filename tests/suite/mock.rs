//! The typed mocks (cargo feature `mock`): each matcher and answer of the generated helpers,
//! checked against what the client really sends.

use httpmock::MockServer;
use serde_json::json;
use sunshine_conversations_client::mock::MockServerExt;
use sunshine_conversations_client::{Access, Client, Error, For, RetryPolicy, Upload, types};

fn client(server: &MockServer, app_id: &str) -> Client {
    Client::builder()
        .base_url(server.base_url())
        .basic_auth("key", "secret")
        .app_id(app_id)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap()
}

fn attachment(url: &str) -> types::AttachmentResponse {
    serde_json::from_value(json!({"attachment": {"mediaUrl": url, "mediaType": "image/png"}}))
        .unwrap()
}

#[test]
fn upload_matchers_and_typed_answer() {
    let server = MockServer::start();
    let mock = server.upload_attachment(|when, then| {
        when.app_id("app 1/x")
            .access(&Access::Private)
            .for_(&For::Message)
            .conversation_id("c 1")
            .source_file_name("café \"menu\".png");
        then.created(&attachment("https://media.example/menu.png"));
    });
    let uploaded = client(&server, "app 1/x")
        .upload(
            Upload::bytes("café \"menu\".png", b"png".to_vec())
                .access(Access::Private)
                .for_message()
                .conversation_id("c 1"),
        )
        .unwrap();
    mock.assert_calls(1);
    assert_eq!(uploaded.media_url, "https://media.example/menu.png");
}

#[test]
fn a_matcher_that_differs_does_not_match() {
    let server = MockServer::start();
    let mock = server.upload_attachment(|when, then| {
        when.app_id("app").access(&Access::Private);
        then.created(&attachment("u"));
    });
    let err = client(&server, "app")
        .upload(Upload::bytes("a.txt", b"x".to_vec()))
        .unwrap_err();
    assert_eq!(
        err.status(),
        Some(404),
        "httpmock answers 404 when nothing matches"
    );
    mock.assert_calls(0);
}

#[test]
fn delete_body_and_documented_error_answer() {
    let server = MockServer::start();
    let mock = server.delete_attachment(|when, then| {
        when.app_id("app").body(
            &types::AttachmentDeleteBody::builder()
                .media_url("https://media.example/gone.png")
                .try_into()
                .unwrap(),
        );
        then.not_found("not_found", "Attachment not found");
    });
    let err = client(&server, "app")
        .delete("https://media.example/gone.png")
        .unwrap_err();
    mock.assert_calls(1);
    let Error::Api(api) = err else {
        panic!("expected an API error")
    };
    assert_eq!(api.status, 404);
    assert_eq!(api.errors[0].code, "not_found");
}

#[cfg(all(sunco_helper = "media_tokens", sunco_helper = "media_cookie"))]
#[test]
fn tokens_and_cookie() {
    let server = MockServer::start();
    let tokens: sunshine_conversations_client::MediaTokens =
        serde_json::from_value(json!({"tokens": {"/apps/app": "tok"}})).unwrap();
    server.generate_media_json_web_token(|when, then| {
        when.app_id("app").body(
            &types::AttachmentMediaTokenBody::builder()
                .paths(vec!["/apps/app".into()])
                .try_into()
                .unwrap(),
        );
        then.ok(&tokens);
    });
    server.set_cookie(|when, then| {
        let when = when.app_id("app").into_inner();
        when.header("authorization", "Bearer tok");
        then.into_inner()
            .status(200)
            .header("set-cookie", "media=tok; Path=/apps/app")
            .body("{}");
    });
    let client = client(&server, "app");
    let issued = client.media_tokens(["/apps/app"]).unwrap();
    let cookies = client
        .media_cookie(issued.get("/apps/app").unwrap())
        .unwrap();
    assert_eq!(cookies[0].expose(), "media=tok; Path=/apps/app");
}

#[test]
fn rate_limit_answer_through_the_generic_error() {
    let server = MockServer::start();
    server.delete_attachment(|when, then| {
        when.app_id("app");
        then.error(429, "too_many_requests", "slow down")
            .into_inner()
            .header("retry-after", "3");
    });
    let err = client(&server, "app").delete("u").unwrap_err();
    assert_eq!(
        err.api().unwrap().retry_after,
        Some(std::time::Duration::from_secs(3))
    );
}
