//! Each generated operation on the wire: method, path, query, auth, content type, body, and
//! the decoded response, against a recording server on loopback.

use crate::support;

use serde_json::json;
use sunshine_conversations_client::{Access, Client, FilePart, JwtScope, Upload, operations};
use support::{
    APP, KEY_ID, RawRequest, RawServer, SECRET, basic_header, client, json_reply,
    multipart_boundary,
};

#[test]
fn upload_sends_one_multipart_part_with_query_and_basic_auth() {
    let media_url = "https://media.smooch.io/apps/x/report.pdf";
    let server = RawServer::start(vec![json_reply(
        201,
        json!({"attachment": {"mediaUrl": media_url, "mediaType": "application/pdf"}}),
    )]);
    let client = client(&server.url());
    let content = b"%PDF-1.7 \x00\x01\xff binary".to_vec();
    let attachment = client
        .upload(
            Upload::bytes("report.pdf", content.clone())
                .access(Access::Private)
                .for_message()
                .conversation_id("c616a583e4c240a871818541"),
        )
        .unwrap();

    assert_eq!(attachment.media_url, media_url);
    assert_eq!(attachment.media_type.as_deref(), Some("application/pdf"));

    let request = server.only();
    assert_eq!(request.method(), "POST");
    assert_eq!(
        request.target(),
        format!(
            "/v2/apps/{APP}/attachments?access=private&for=message&conversationId=c616a583e4c240a871818541"
        )
    );
    assert_eq!(request.header("authorization"), Some(basic_header()));
    assert_eq!(
        request.header("user-agent"),
        Some(format!(
            "sunshine-conversations-client/{}",
            env!("CARGO_PKG_VERSION")
        ))
    );
    let content_type = request.header("content-type").unwrap();
    let boundary = multipart_boundary(&content_type);
    let mut expected = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"source\"; filename=\"report.pdf\"\r\n\
         Content-Type: application/pdf\r\n\r\n"
    )
    .into_bytes();
    expected.extend_from_slice(&content);
    expected.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    assert_eq!(request.body, expected);
    assert_eq!(
        request.header("content-length"),
        Some(expected.len().to_string()),
        "a body of known size has a Content-Length"
    );
}

#[test]
fn upload_from_a_path_streams_the_file_with_its_guessed_type() {
    let dir = support::TempDir::new();
    let path = dir.path().join("photo.png");
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend((0..70_000u32).map(|i| (i % 251) as u8));
    std::fs::write(&path, &bytes).unwrap();

    let server = RawServer::start(vec![json_reply(
        201,
        json!({"attachment": {"mediaUrl": "u", "mediaType": "image/png"}}),
    )]);
    client(&server.url())
        .upload(Upload::path(&path).unwrap())
        .unwrap();
    let request = server.only();
    assert_eq!(
        request.target(),
        format!("/v2/apps/{APP}/attachments?access=public"),
        "access defaults to public; optional parameters are left out"
    );
    let body = &request.body;
    let head_end = body.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    let head = String::from_utf8_lossy(&body[..head_end]);
    assert!(
        head.contains("name=\"source\"; filename=\"photo.png\"\r\nContent-Type: image/png"),
        "{head}"
    );
    assert_eq!(&body[head_end..head_end + bytes.len()], bytes.as_slice());
}

#[test]
fn unknown_extensions_fall_back_to_octet_stream_and_explicit_types_win() {
    let server = RawServer::start(vec![json_reply(
        201,
        json!({"attachment": {"mediaUrl": "u"}}),
    )]);
    let client = client(&server.url());
    client
        .upload(Upload::bytes("README", b"x".to_vec()).without_file_check())
        .unwrap();
    client
        .upload(
            Upload::file(
                FilePart::from_bytes("data.bin", b"x".to_vec()).with_content_type("image/webp"),
            )
            .without_file_check(),
        )
        .unwrap();
    let all = server.requests();
    assert!(
        all[0]
            .body_string()
            .contains("Content-Type: application/octet-stream\r\n")
    );
    assert!(
        all[1]
            .body_string()
            .contains("Content-Type: image/webp\r\n")
    );
}

#[test]
fn generated_upload_operation_takes_every_documented_parameter() {
    let server = RawServer::start(vec![json_reply(
        201,
        json!({"attachment": {"mediaUrl": "u", "mediaType": "text/plain"}}),
    )]);
    let response = client(&server.url())
        .upload_attachment(
            "other app",
            &Access::Public,
            operations::UploadAttachmentForm::new(FilePart::from_bytes("a.txt", b"hi".to_vec())),
        )
        .conversation_id("conv 1")
        .send()
        .unwrap();
    assert_eq!(response.status(), 201);
    let attachment = response.into_inner().attachment.unwrap();
    assert_eq!(attachment.media_type.as_deref(), Some("text/plain"));
    assert_eq!(
        server.only().target(),
        "/v2/apps/other%20app/attachments?access=public&conversationId=conv%201"
    );
}

#[test]
fn delete_posts_the_media_url_as_json() {
    let server = RawServer::start(vec![json_reply(200, json!({}))]);
    client(&server.url())
        .delete("https://media.smooch.io/a b.png")
        .unwrap();
    let request = server.only();
    assert_eq!(request.method(), "POST");
    assert_eq!(
        request.target(),
        format!("/v2/apps/{APP}/attachments/remove")
    );
    assert_eq!(
        request.header("content-type").as_deref(),
        Some("application/json")
    );
    assert_eq!(request.header("authorization"), Some(basic_header()));
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(body, json!({"mediaUrl": "https://media.smooch.io/a b.png"}));
}

#[cfg(sunco_helper = "media_tokens")]
#[test]
fn media_tokens_send_paths_and_decode_the_map_without_showing_tokens() {
    let server = RawServer::start(vec![json_reply(
        200,
        json!({"tokens": {"/apps/a": "tok.en.one", "/apps/b": "tok.en.two"}}),
    )]);
    let tokens = client(&server.url())
        .media_tokens(["/apps/a", "/apps/b"])
        .unwrap();
    let request = server.only();
    assert_eq!(
        request.target(),
        format!("/v2/apps/{APP}/attachments/token")
    );
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(body, json!({"paths": ["/apps/a", "/apps/b"]}));
    assert_eq!(tokens.len(), 2);
    assert_eq!(tokens.get("/apps/a").unwrap().expose(), "tok.en.one");
    let shown = format!("{tokens:?}");
    assert!(
        shown.contains("/apps/a") && !shown.contains("tok.en"),
        "{shown}"
    );
}

#[cfg(sunco_helper = "media_cookie")]
#[test]
fn cookie_uses_the_media_token_as_bearer_and_returns_set_cookie_values() {
    let server = RawServer::start(vec![support::Reply::Bytes(support::response(
        200,
        &[
            ("content-type", "application/json"),
            ("set-cookie", "media=abc; Path=/apps/x; HttpOnly"),
            ("set-cookie", "other=def; Secure"),
        ],
        "{}",
    ))]);
    let cookies = client(&server.url())
        .media_cookie(&sunshine_conversations_client::Secret::new(
            "media.jwt.token",
        ))
        .unwrap();
    let request = server.only();
    assert_eq!(request.method(), "GET");
    assert_eq!(
        request.target(),
        format!("/v2/apps/{APP}/attachments/cookie")
    );
    assert_eq!(
        request.header("authorization").as_deref(),
        Some("Bearer media.jwt.token"),
        "the media token, not the client's key, authenticates the cookie call"
    );
    assert!(request.body.is_empty());
    let values: Vec<&str> = cookies
        .iter()
        .map(sunshine_conversations_client::Secret::expose)
        .collect();
    assert_eq!(
        values,
        ["media=abc; Path=/apps/x; HttpOnly", "other=def; Secure"]
    );
}

/// Sends one delete through a client configured by `configure` (base URL and app id set) and
/// returns what the server received.
fn sent_by(
    configure: impl FnOnce(
        sunshine_conversations_client::ClientBuilder,
    ) -> sunshine_conversations_client::ClientBuilder,
) -> RawRequest {
    let server = RawServer::start(vec![json_reply(200, json!({}))]);
    configure(Client::builder().base_url(server.url()).app_id(APP))
        .build()
        .unwrap()
        .delete("u")
        .unwrap();
    server.only()
}

#[test]
fn bearer_auth_sends_the_token() {
    let request = sent_by(|builder| builder.bearer_token("a.jwt.here"));
    assert_eq!(
        request.header("authorization").as_deref(),
        Some("Bearer a.jwt.here")
    );
}

/// Checks an HS256 JWT with an HMAC implementation independent of the client's, and returns
/// its header and claims.
fn verify_jwt(authorization: &str) -> (serde_json::Value, serde_json::Value) {
    use base64::Engine as _;
    let token = authorization.strip_prefix("Bearer ").expect("bearer jwt");
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3, "header.claims.signature");
    let decode = |part: &str| {
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(part)
            .expect("base64url without padding")
    };
    let expected = support::hmac_sha256::hmac_sha256(
        SECRET.as_bytes(),
        format!("{}.{}", parts[0], parts[1]).as_bytes(),
    );
    assert_eq!(
        decode(parts[2]),
        expected,
        "the signature verifies with the key secret"
    );
    let header: serde_json::Value = serde_json::from_slice(&decode(parts[0])).unwrap();
    let claims: serde_json::Value = serde_json::from_slice(&decode(parts[1])).unwrap();
    (header, claims)
}

#[test]
fn jwt_auth_signs_hs256_with_kid_and_scope() {
    for (scope, claim) in [
        (JwtScope::App, "app"),
        (JwtScope::Account, "account"),
        (JwtScope::Integration, "integration"),
    ] {
        let request = sent_by(|builder| builder.jwt(KEY_ID, SECRET, scope));
        let (jwt_header, claims) = verify_jwt(&request.header("authorization").unwrap());
        assert_eq!(jwt_header["kid"], KEY_ID);
        assert_eq!(jwt_header["alg"], "HS256");
        assert_eq!(claims["scope"], claim);
        assert_eq!(claims.get("exp"), None, "no expiry unless asked for");
    }
}

#[test]
fn jwt_lifetime_adds_an_expiry() {
    let request = sent_by(|builder| {
        builder
            .jwt(KEY_ID, SECRET, JwtScope::App)
            .jwt_lifetime(std::time::Duration::from_secs(600))
    });
    let (_, claims) = verify_jwt(&request.header("authorization").unwrap());
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let exp = claims["exp"].as_u64().expect("exp claim");
    assert!(exp > now + 500 && exp <= now + 601, "exp {exp}, now {now}");
}

#[cfg(sunco_helper = "media_tokens")]
#[test]
fn generated_operations_return_status_and_headers() {
    let server = RawServer::start(vec![support::Reply::Bytes(support::response(
        200,
        &[
            ("content-type", "application/json"),
            ("x-zendesk-request-id", "req-1"),
        ],
        r#"{"tokens":{"/p":"t"}}"#,
    ))]);
    let response = client(&server.url())
        .generate_media_json_web_token(
            APP,
            &sunshine_conversations_client::types::AttachmentMediaTokenBody::builder()
                .paths(vec!["/p".into()])
                .try_into()
                .unwrap(),
        )
        .send()
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["x-zendesk-request-id"], "req-1");
    assert_eq!(response.get("/p").unwrap().expose(), "t");
}

#[test]
fn client_is_clone_send_sync() {
    fn assert_client<T: Clone + Send + Sync + 'static>() {}
    fn assert_error<T: std::error::Error + Send + Sync + 'static>() {}
    assert_client::<Client>();
    assert_error::<sunshine_conversations_client::Error>();
}

#[test]
fn jwt_lifetime_is_order_independent_and_checked() {
    let request = sent_by(|builder| {
        builder
            .jwt_lifetime(std::time::Duration::from_secs(3600))
            .jwt(KEY_ID, SECRET, JwtScope::App)
    });
    let (_, claims) = verify_jwt(&request.header("authorization").unwrap());
    assert!(
        claims["exp"].is_u64(),
        "a lifetime set before jwt() still applies"
    );
    let err = Client::builder()
        .basic_auth(KEY_ID, SECRET)
        .jwt_lifetime(std::time::Duration::from_secs(60))
        .build()
        .unwrap_err();
    assert!(matches!(
        err,
        sunshine_conversations_client::Error::InvalidInput { .. }
    ));
}

/// The independent HMAC-SHA256 the JWT checks use gives the published answers.
#[test]
fn the_jwt_checks_hmac_is_right() {
    let hex = |bytes: [u8; 32]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    assert_eq!(
        hex(support::hmac_sha256::sha256(b"abc")),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    // RFC 4231, test case 2.
    assert_eq!(
        hex(support::hmac_sha256::hmac_sha256(
            b"Jefe",
            b"what do ya want for nothing?"
        )),
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    );
}
