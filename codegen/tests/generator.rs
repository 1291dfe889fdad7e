//! The generator on its own: both shared documents, the errors it gives for documents it cannot
//! use (with the JSON pointer), tolerance of what unselected operations contain, and no panic
//! on mangled documents; the reviewed golden output of one small fixture document per feature.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use sunshine_conversations_codegen::{self as codegen, Error, Selection};

/// The repository root: the documents live next to the library, one level up.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The vendored document (12.5.1) or the newest upstream one kept as a test fixture.
fn shared(version: &str) -> PathBuf {
    if version == "12.5.1" {
        return vendored();
    }
    root()
        .join("tests/fixtures")
        .join(format!("sunshine-conversations-{version}.yaml"))
}

fn vendored() -> PathBuf {
    root().join("openapi/sunshine-conversations.yaml")
}

fn attachments() -> Selection {
    Selection::Tags(vec!["Attachments".to_owned()])
}

#[test]
fn vendored_document_gives_the_four_attachment_operations() {
    let generated = codegen::generate(
        &vendored(),
        "openapi/sunshine-conversations.yaml",
        &attachments(),
    )
    .expect("the vendored document generates");
    assert_eq!(
        generated.operations,
        [
            "upload_attachment",
            "delete_attachment",
            "generate_media_json_web_token",
            "set_cookie"
        ]
    );
    assert_eq!(generated.version, "12.5.1");
    assert!(generated.repairs.is_empty());
    assert!(generated.code.starts_with(
        "// generated from openapi/sunshine-conversations.yaml (Sunshine Conversations API 12.5.1) by build.rs; do not edit."
    ));
    // Only the reachable models: the four attachment schemas that are not replaced (the media
    // token response is `crate::MediaTokens`; the multipart body is not a model).
    let start = generated.code.find("pub mod types {").unwrap();
    let end = generated.code.find("pub mod operations {").unwrap();
    let types = &generated.code[start..end];
    let models: Vec<&str> = types
        .lines()
        .filter_map(|line| line.strip_prefix("    pub struct "))
        .map(|rest| rest.split([' ', '(', '{']).next().unwrap_or(""))
        .collect();
    assert_eq!(
        models,
        [
            "AttachmentDeleteBody",
            "AttachmentMediaTokenBody",
            "AttachmentResponse",
            "AttachmentSchema"
        ]
    );
    // About 3 KB a model with its builder (about 11 KB for the four, 2026-11).
    assert!(types.len() < 16_000, "{} bytes of models", types.len());
}

#[test]
fn newest_document_has_no_token_or_cookie_and_reports_its_repair() {
    let path = shared("17.12.1");
    let generated = codegen::generate(&path, "17.12.1.yaml", &attachments()).unwrap();
    assert_eq!(
        generated.operations,
        ["upload_attachment", "delete_attachment"]
    );
    assert_eq!(generated.repairs.len(), 1);
    assert_eq!(
        generated.repairs[0].pointer,
        "/components/parameters/userFilterQuery/schema/properties/identities.email/required"
    );
}

#[test]
fn the_whole_api_generates_for_both_documents_and_every_facts_row_names_one_of_their_operations() {
    let mut ids = Vec::new();
    for version in ["12.5.1", "17.12.1"] {
        let path = shared(version);
        let generated = codegen::generate(&path, version, &Selection::All).unwrap();
        ids.extend(generated.operation_ids.iter().cloned());
        assert!(
            generated.operations.len() > 60,
            "{version}: {}",
            generated.operations.len()
        );
        for expected in [
            "list_apps",
            "list_conversations",
            "post_message",
            "create_webhook",
            "get_user",
        ] {
            assert!(
                generated.operations.iter().any(|o| o == expected),
                "{version}: {expected}"
            );
        }
        // Every list reads its pages as the typed answers they are.
        assert!(generated.code.contains("request.query_page(\"page\""));
        assert!(
            generated
                .code
                .contains("impl crate::ListPage for types::MessageListResponse")
        );
    }
    let unmatched = codegen::unmatched_facts_rows(ids.iter().map(String::as_str));
    assert!(
        unmatched.is_empty(),
        "facts rows that match no operation of any known document (misspelt?): {unmatched:?}"
    );
    // The check itself: a row is unmatched when no document has its operation.
    assert!(codegen::unmatched_facts_rows(["UPLOADATTACHMENT"]).contains(&"deleteAttachment"));
    assert!(!codegen::unmatched_facts_rows(["UPLOADATTACHMENT"]).contains(&"uploadAttachment"));
}

/// A minimal document with one operation per tag given, to be mangled by each test.
fn document(paths: Value) -> Value {
    json!({
        "openapi": "3.0.2",
        "info": {"title": "t", "version": "1"},
        "paths": paths,
        "components": {"schemas": {"thing": {"type": "object", "properties": {"a": {"type": "string"}}}}}
    })
}

fn generate(doc: Value, selection: &Selection) -> Result<codegen::Generated, Error> {
    codegen::generate_tree(doc, "doc.yaml", selection)
}

fn attachment_op(extra: Value) -> Value {
    let mut op = json!({
        "tags": ["Attachments"],
        "operationId": "doIt",
        "responses": {"200": {"description": "Ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/thing"}}}}}
    });
    if let (Some(op), Some(extra)) = (op.as_object_mut(), extra.as_object()) {
        for (k, v) in extra {
            op.insert(k.clone(), v.clone());
        }
    }
    op
}

#[test]
fn a_minimal_operation_generates() {
    let doc = document(json!({"/x/{id}": {"post": attachment_op(json!({
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}]
    }))}}));
    let generated = generate(doc, &attachments()).unwrap();
    assert_eq!(generated.operations, ["do_it"]);
    assert!(generated.code.contains("request.path_param(\"id\", id)?;"));
}

#[test]
fn errors_name_the_file_pointer_and_operation() {
    let cases: Vec<(Value, &str, &str)> = vec![
        (
            document(json!({"/x": {"post": attachment_op(json!({
                "requestBody": {"content": {"application/xml": {"schema": {"type": "string"}}}}
            }))}})),
            "#/paths/~1x/post/requestBody/content",
            "not supported",
        ),
        (
            document(json!({"/x": {"get": attachment_op(json!({
                "responses": {"200": {"description": "Ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/missing"}}}}}
            }))}})),
            "#/paths/~1x/get/responses/200/content/application~1json/schema",
            "points at nothing",
        ),
        (
            document(json!({"/x": {"get": attachment_op(json!({
                "parameters": [{"name": "X-Id", "in": "header", "schema": {"type": "string"}}]
            }))}})),
            "#/paths/~1x/get/parameters/0",
            "header",
        ),
        (
            document(json!({"/x/{id}": {"get": attachment_op(json!({}))}})),
            "#/paths/~1x~1{id}/get",
            "no path parameter",
        ),
        (
            document(
                json!({"/x": {"get": {"tags": ["Attachments"], "responses": {"200": {"description": "Ok"}}}}}),
            ),
            "#/paths/~1x/get",
            "no operationId",
        ),
        (
            json!({"openapi": "3.0.2", "info": {"title": "t"}, "paths": {}}),
            "#/info",
            "version",
        ),
    ];
    for (doc, pointer, words) in cases {
        let err = generate(doc, &attachments()).expect_err(pointer);
        let message = err.to_string();
        assert!(message.starts_with("doc.yaml at "), "{message}");
        assert!(
            message.contains(pointer),
            "expected {pointer} in: {message}"
        );
        assert!(message.contains(words), "expected {words:?} in: {message}");
    }
}

#[test]
fn unselected_operations_may_use_anything() {
    let other = json!({
        "tags": ["Other"],
        "operationId": "weird",
        "parameters": [{"name": "X", "in": "header", "schema": {"type": "string"}},
                       {"name": "q", "in": "query", "style": "pipeDelimited", "schema": {"type": "array", "items": {"type": "string"}}}],
        "requestBody": {"content": {"application/xml": {"schema": {"type": "string"}}}},
        "responses": {"200": {"description": "Ok", "content": {"text/csv": {}}}}
    });
    let doc = document(json!({
        "/x": {"get": attachment_op(json!({}))},
        "/y": {"post": other}
    }));
    let generated = generate(doc.clone(), &attachments()).unwrap();
    assert_eq!(generated.operations, ["do_it"]);
    assert!(
        generate(doc, &Selection::All).is_err(),
        "selected, the same operation fails"
    );
}

#[test]
fn boolean_required_in_properties_is_repaired_with_a_warning() {
    let mut doc = document(json!({"/x": {"get": attachment_op(json!({}))}}));
    doc["components"]["schemas"]["thing"]["properties"]["a"]["required"] = json!(true);
    let generated = generate(doc, &attachments()).unwrap();
    assert_eq!(
        generated.repairs[0].pointer,
        "/components/schemas/thing/properties/a/required"
    );
    assert!(
        generated.code.contains("pub a: ::std::string::String"),
        "`a` became required"
    );
}

#[test]
fn invalid_yaml_names_the_line() {
    let path = std::env::temp_dir().join(format!("sunco-bad-{}.yaml", std::process::id()));
    std::fs::write(&path, "openapi: 3.0.2\ninfo: [unclosed\n").unwrap();
    let err = codegen::generate(&path, "bad.yaml", &attachments()).unwrap_err();
    let _ = std::fs::remove_file(&path);
    let message = err.to_string();
    assert!(
        message.starts_with("bad.yaml") && message.contains("line"),
        "{message}"
    );
}

/// Mangles the vendored document at random places (bounded: 300 documents, each with 1-4
/// replacements) and checks the generator answers with a result, never a panic.
#[test]
fn mangled_documents_never_panic() {
    let text = std::fs::read_to_string(vendored()).unwrap();
    let tree = codegen::read_tree(&vendored()).unwrap();
    assert!(!text.is_empty());
    let mut pointers = Vec::new();
    collect_pointers(&tree, String::new(), &mut pointers);
    // Bias towards the parts the attachment operations use.
    let focus: Vec<&String> = pointers
        .iter()
        .filter(|p| p.contains("attachment") || p.contains("appId") || p.contains("Query"))
        .collect();
    let mut rng = fastrand::Rng::with_seed(0x5eed);
    let replacements = [
        json!(null),
        json!(true),
        json!(7),
        json!("x"),
        json!({}),
        json!([]),
        json!({"$ref": "#/components/schemas/nope"}),
        json!({"type": "object", "properties": {"p": {"type": "string", "format": "binary"}}}),
    ];
    let started = std::time::Instant::now();
    let (mut ok, mut failed) = (0, 0);
    for _ in 0..300 {
        let mut doc = tree.clone();
        for _ in 0..rng.usize(1..=4) {
            let pool: &[&String] = &focus;
            let pointer = pool[rng.usize(..pool.len())];
            if let Some(node) = doc.pointer_mut(pointer) {
                *node = replacements[rng.usize(..replacements.len())].clone();
            }
        }
        let outcome = std::panic::catch_unwind(|| generate(doc, &attachments()));
        match outcome {
            Ok(Ok(_)) => ok += 1,
            Ok(Err(_)) => failed += 1,
            Err(_) => panic!("the generator panicked on a mangled document"),
        }
        if started.elapsed() > std::time::Duration::from_secs(120) {
            break;
        }
    }
    assert!(ok + failed > 0);
    eprintln!("mangled documents: {ok} generated, {failed} refused with an error");
}

fn collect_pointers(node: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match node {
        Value::Object(map) => {
            for (k, v) in map {
                collect_pointers(
                    v,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn awkward_names_become_distinct_identifiers() {
    let doc = document(json!({"/x/{request}": {"post": attachment_op(json!({
        "parameters": [
            {"name": "request", "in": "path", "required": true, "schema": {"type": "string"}},
            {"name": "x²", "in": "query", "schema": {"type": "string"}},
            {"name": "x", "in": "query", "schema": {"type": "integer"}}
        ],
        "requestBody": {"content": {"multipart/form-data": {"schema": {
            "type": "object",
            "properties": {
                "file-name": {"type": "string", "format": "binary"},
                "file_name": {"type": "string"}
            }
        }}}}
    }))}}));
    let generated = generate(doc, &attachments()).expect("generates");
    let code = &generated.code;
    assert!(
        code.contains("request_: &'a str"),
        "a parameter never shadows the request"
    );
    assert!(
        code.contains("x: Option<::std::string::String>") && code.contains("x_: Option<i64>"),
        "{code}"
    );
    assert!(
        code.contains("pub file_name: Option<crate::FilePart>"),
        "{code}"
    );
    assert!(
        code.contains("pub file_name_: Option<::std::string::String>"),
        "{code}"
    );
}

/// A real `enum` in a path or query parameter becomes a typed parameter: the generated string
/// enum, inline or referenced, sent through its `Display`.
#[test]
fn enum_parameters_are_typed() {
    let mut doc = document(json!({"/x/{kind}": {"get": attachment_op(json!({
        "parameters": [
            {"name": "kind", "in": "path", "required": true,
             "schema": {"type": "string", "enum": ["photo", "video"]}},
            {"name": "order", "in": "query", "schema": {"$ref": "#/components/schemas/order"}}
        ]
    }))}}));
    doc["components"]["schemas"]["order"] = json!({"type": "string", "enum": ["asc", "desc"]});
    let generated = generate(doc, &attachments()).expect("generates");
    let code = &generated.code;
    assert!(code.contains("pub enum KindParam"), "{code}");
    assert!(code.contains("pub enum Order"), "{code}");
    assert!(code.contains("kind: &'a types::KindParam"), "{code}");
    assert!(code.contains("order: Option<types::Order>"), "{code}");
    assert!(
        code.contains("request.path_param(\"kind\", &kind.to_string())?;"),
        "{code}"
    );
    assert!(code.contains("request.query(\"order\", value);"), "{code}");
}

/// The document's prose never becomes a doctest, and its web anchors point somewhere: code
/// blocks (fenced without a language, fenced as Rust, indented) are fenced as `text`, a
/// declared language other than Rust is kept, HTML becomes Markdown, and `#operation/...` and
/// `#section/...` anchors become intra-doc links, reference links or plain text.
#[test]
fn descriptions_become_safe_docs() {
    let description = "Exchange a code.\n\n```\nPOST https://oauth.example/token\n```\n\n\
        ```rust\nfn main() {}\n```\n\n```json\n{\"a\": 1}\n```\n\nOr indented:\n\n    \
        curl -X POST https://oauth.example\n\n<aside class=\"notice\"><strong>Note:</strong> \
        use <code>https</code> and <a href=\"https://guide.example/x\">the guide</a>.</aside> \
        Host `https://<subdomain>.zendesk.com`, key <server-key>. See \
        [the other call](#operation/doIt), [a missing one](#operation/createApp) and \
        [Attachments for Messages](#section/Attachments-for-Messages).";
    let doc = document(json!({
        "/x": {"post": attachment_op(json!({"description": description}))},
        "/y": {"get": attachment_op(json!({"operationId": "otherCall", "description": "See [doIt](#operation/doIt)."}))}
    }));
    let mut doc = doc;
    doc["components"]["schemas"]["thing"]["properties"]["a"]["description"] =
        json!("Valid for 2 hours, see [App Settings](#operation/createApp):\n\n```\nGET /x\n```");
    let generated = generate(doc, &attachments()).expect("generates");
    let code = &generated.code;
    let docs: String = code
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("///"))
        .map(|line| format!("{line}\n"))
        .collect();
    // No block rustdoc would compile: every fence names a language other than Rust.
    for fence in docs.lines().filter(|l| l.trim_start().starts_with("```")) {
        let info = fence.trim().trim_start_matches('`');
        assert!(
            info.is_empty() || ["text", "json"].contains(&info),
            "fence {fence:?}"
        );
    }
    assert!(
        docs.contains("```text\n POST https://oauth.example/token"),
        "{docs}"
    );
    assert!(docs.contains("```text\n fn main() {}"), "{docs}");
    assert!(docs.contains("```json"), "{docs}");
    assert!(
        docs.contains("```text\n curl -X POST https://oauth.example"),
        "{docs}"
    );
    assert!(
        !docs.contains("<aside") && !docs.contains("<code>"),
        "{docs}"
    );
    assert!(docs.contains("**Note:** use `https` and [the guide](https://guide.example/x)."));
    assert!(docs.contains("`https://<subdomain>.zendesk.com`, key &lt;server-key&gt;"));
    assert!(
        docs.contains("[the other call](crate::Client::do_it)"),
        "{docs}"
    );
    assert!(
        docs.contains("a missing one (operation `createApp`)"),
        "{docs}"
    );
    assert!(docs.contains(
        "[Attachments for Messages](https://developer.zendesk.com/api-reference/conversations/#section/Attachments-for-Messages)"
    ));
    assert!(
        docs.contains("[doIt](crate::Client::do_it)"),
        "links from other operations"
    );
    // The models' docs come from the schemas' descriptions (prettyplease writes multi-line
    // ones as block comments): the same rules apply.
    assert!(
        code.contains("App Settings (operation `createApp`)"),
        "{code}"
    );
    assert!(code.contains("```text\nGET /x\n```"), "{code}");
}

/// A document with an `x-webhooks` payload of two events, the second with `event`.
fn with_webhooks(second_event: Value) -> Value {
    let mut doc = document(json!({"/x": {"post": attachment_op(json!({}))}}));
    doc["x-webhooks"] = json!({"Webhook Event": {"post": {
        "operationId": "eventWebhooks",
        "requestBody": {"content": {"application/json": {
            "schema": {"type": "object", "properties": {
                "app": {"$ref": "#/components/schemas/app"},
                "events": {"type": "array", "items": {"anyOf": [
                    {"$ref": "#/components/schemas/fooEvent"},
                    {"$ref": "#/components/schemas/barEvent"}
                ]}}
            }},
            "examples": {"foo:happened": {"$ref": "#/components/examples/fooEvent"}}
        }}},
        "responses": {"200": {"description": "Ok"}}
    }}});
    let schemas = doc["components"]["schemas"].as_object_mut().unwrap();
    schemas.insert(
        "app".into(),
        json!({"type": "object", "properties": {"id": {"type": "string"}}}),
    );
    schemas.insert(
        "fooEvent".into(),
        json!({"title": "foo:happened", "type": "object", "properties": {
            "id": {"type": "string"}, "type": {"type": "string"}, "count": {"type": "string"}}}),
    );
    schemas.insert("barEvent".into(), second_event);
    doc["components"]["examples"] = json!({"fooEvent": {"value": {"events": [
        {"id": "1", "type": "foo:happened", "count": 7}
    ]}}});
    doc
}

#[test]
fn webhook_events_come_from_the_document_and_a_bad_one_names_its_place() {
    let extras = codegen::Extras {
        webhooks: true,
        test_support: true,
    };
    let bar = json!({"title": "bar:happened", "type": "object", "properties": {"id": {"type": "string"}}});
    let generated =
        codegen::generate_tree_with(with_webhooks(bar), "doc.yaml", &attachments(), extras)
            .unwrap();
    assert_eq!(generated.webhook_events, Some(2));
    assert!(generated.code.contains("pub mod webhooks"));
    assert!(generated.code.contains("FooHappened") || generated.code.contains("Foo("));
    assert!(generated.code.contains("\"bar:happened\""));
    // The example's number where the schema says string is repaired, and said.
    assert!(
        generated
            .repairs
            .iter()
            .any(|r| r.pointer == "/components/examples/fooEvent/value/events/0/count"),
        "{:?}",
        generated.repairs
    );
    // Without the extra, nothing of it.
    let plain = codegen::generate_tree(
        with_webhooks(json!({"title": "bar:happened", "type": "object"})),
        "doc.yaml",
        &attachments(),
    )
    .unwrap();
    assert_eq!(plain.webhook_events, None);
    assert!(!plain.code.contains("pub mod webhooks"));

    // An event without its type as title: the error names the place.
    let err = codegen::generate_tree_with(
        with_webhooks(json!({"type": "object"})),
        "doc.yaml",
        &attachments(),
        extras,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("doc.yaml"), "{err}");
    assert!(err.contains("/components/schemas/barEvent/title"), "{err}");
    // Two events with one type.
    let err = codegen::generate_tree_with(
        with_webhooks(json!({"title": "foo:happened", "type": "object"})),
        "doc.yaml",
        &attachments(),
        extras,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("two webhook events"), "{err}");

    // Only the webhooks' request bodies are read: another webhook without `responses` (which
    // a path item must have) is no error, and the events' body may be a reference.
    let bar = json!({"title": "bar:happened", "type": "object"});
    let mut doc = with_webhooks(bar.clone());
    let body = &mut doc["x-webhooks"]["Webhook Event"]["post"]["requestBody"]["content"]["application/json"]
        ["schema"];
    let inline = body.take();
    *body = json!({"$ref": "#/components/schemas/hookBody"});
    doc["components"]["schemas"]["hookBody"] = inline;
    doc["x-webhooks"]["Ping"] = json!({"post": {"requestBody": {"content": {}}}});
    let generated =
        codegen::generate_tree_with(doc.clone(), "doc.yaml", &attachments(), extras).unwrap();
    assert_eq!(generated.webhook_events, Some(2));
    // Under that reference, an error names the place it is at.
    doc["components"]["schemas"]["hookBody"]["properties"]["events"]["items"] =
        json!({"type": "object"});
    let err = codegen::generate_tree_with(doc, "doc.yaml", &attachments(), extras)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("/components/schemas/hookBody/properties/events/items/anyOf"),
        "{err}"
    );
    // A request body openapiv3 cannot read: the error names the place.
    let mut doc = with_webhooks(bar);
    doc["x-webhooks"]["Webhook Event"]["post"]["requestBody"]["content"] = json!(7);
    let err = codegen::generate_tree_with(doc, "doc.yaml", &attachments(), extras)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("/x-webhooks/Webhook Event/post/requestBody/content"),
        "{err}"
    );
}

/// A list whose answer holds `meta` as required, `hasMore` with a default and the cursor as
/// optional: the generated `ListPage` reads each as typify holds it; a nullable cursor (which
/// typify would wrap in an `Option` of its own) gives the list no `pages()` rather than a guess.
#[test]
fn a_lists_page_is_read_as_typify_holds_its_fields() {
    let list = |cursor: Value| {
        json!({
            "openapi": "3.0.2",
            "info": {"title": "t", "version": "1"},
            "paths": {"/things": {"get": {
                "tags": ["Attachments"],
                "operationId": "listThings",
                "parameters": [{"name": "page", "in": "query", "style": "deepObject",
                    "schema": {"$ref": "#/components/schemas/page"}}],
                "responses": {"200": {"description": "Ok", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/thingList"}}}}}
            }}},
            "components": {"schemas": {
                "page": {"type": "object", "properties": {
                    "after": {"type": "string"}, "size": {"type": "integer"}}},
                "thing": {"type": "object", "properties": {"a": {"type": "string"}}},
                "thingList": {"type": "object", "required": ["meta"], "properties": {
                    "things": {"type": "array", "items": {"$ref": "#/components/schemas/thing"}},
                    "meta": {"type": "object", "properties": {
                        "hasMore": {"type": "boolean", "default": false},
                        "afterCursor": cursor}}}}
            }}
        })
    };
    let generated = generate(list(json!({"type": "string"})), &attachments()).unwrap();
    let code: String = generated.code.split_whitespace().collect();
    for expected in [
        "implcrate::ListPagefortypes::ThingList{typeEntry=types::Thing;",
        "Some(&self.meta).and_then(|meta|Some(meta.has_more))",
        "Some(&self.meta).and_then(|meta|meta.after_cursor.as_ref().map(|c|c.as_str()))",
        "self.things",
        "request.query_page(\"page\",page.as_ref(),\"after\",cursor)?;",
    ] {
        assert!(code.contains(expected), "{expected}");
    }
    let nullable = list(json!({"type": "string", "nullable": true}));
    let generated = generate(nullable, &attachments()).unwrap();
    assert!(!generated.code.contains("ListPage"));
    assert!(!generated.code.contains("pub fn pages"));
}

/// One reviewed golden file: the code generated from the fixture document
/// `tests/fixtures/<name>.yaml`, one generator feature each, is `tests/golden/<name>.rs`.
struct Golden {
    name: &'static str,
    /// What is generated besides the operations.
    extras: codegen::Extras,
    /// What the golden file must show, whatever else changes.
    shows: &'static [&'static str],
    /// What it must not show.
    lacks: &'static [&'static str],
}

const PLAIN: codegen::Extras = codegen::Extras {
    webhooks: false,
    test_support: false,
};

const GOLDENS: &[Golden] = &[
    // The opening of the models: an open enum, a union told apart by `type`, one told apart by
    // its members, a base made a union of its mapped subtypes, a lenient constrained string
    // (the constraint stays on the way out, not on the way in), deprecations (a defaulted
    // property's accessor included).
    Golden {
        name: "open",
        extras: PLAIN,
        shows: &[
            "Unknown(crate::UnknownValue)",
            "pub fn as_str(&self) -> &str",
            "impl ::std::convert::From<&str> for Size",
            "Unknown(crate::UnknownArm)",
            "match raw.get(\"type\")",
            "Some(\"ball\") =>",
            "Some(\"rope\") =>",
            "pub enum Pet {",
            "Cat(Cat)",
            "Dog(Dog)",
            "#[deprecated(note = \"Deprecated since collars have chips.\")]",
            // A deprecated property with a default: its accessor is deprecated too.
            "#[deprecated(note = \"Deprecated since the vet keeps it.\")]\n        pub fn wormed_or_default",
            "#[deprecated(note = \"the operation is deprecated in the OpenAPI document\")]",
            "#[deprecated(note = \"the parameter is deprecated in the OpenAPI document\")]",
            "if keys.iter().all(|key| [\"kennelId\"].contains(key))",
            "longer than 16 characters",
        ],
        // A positive minimum refuses no zero.
        lacks: &["NonZeroU64"],
    },
    // Typed pages: a list paging forwards and one paging backwards (the facts table's
    // `listMessages`), each answer a `ListPage` of its entries.
    Golden {
        name: "pages",
        extras: PLAIN,
        shows: &[
            "pub fn pages(self) -> crate::Pages<'a, types::ConversationListResponse>",
            "pub fn items(self) -> crate::Items<'a, types::ConversationListResponse>",
            "pub fn pages(self) -> crate::Pages<'a, types::MessageListResponse>",
            "pub fn items(self) -> crate::Items<'a, types::MessageListResponse>",
            "request.query_page(\"page\", page.as_ref(), \"after\", cursor)?;",
            "request.query_page(\"page\", page.as_ref(), \"before\", cursor)?;",
            "impl crate::ListPage for types::ConversationListResponse",
            "type Entry = types::Message;",
            "const CURSOR: &'static str = \"meta.beforeCursor\";",
            "self.meta.as_ref().and_then(|meta| meta.has_more).unwrap_or(false)",
        ],
        lacks: &[],
    },
    // deepObject query parameters: a required filter as an argument, an optional one on the
    // request builder.
    Golden {
        name: "deep_object",
        extras: PLAIN,
        shows: &[
            "request.query_deep_object(\"filter\", filter)?;",
            "filter: &'a types::ConversationListFilter,",
            "pub fn filter(mut self, value: types::IntegrationListFilter) -> Self",
            "request.query_deep_object(\"filter\", value)?;",
            "support::deep_object(self.0, \"filter\", value)",
        ],
        lacks: &["pub fn pages("],
    },
    // Multipart bodies: file parts and text parts, required and optional.
    Golden {
        name: "multipart",
        extras: PLAIN,
        shows: &[
            "pub struct UploadAttachmentForm",
            "parts.file(\"source\", self.source);",
            "parts.file(\"thumbnail\", value);",
            "parts.text(\"kind\", self.kind.to_string());",
            "parts.text(\"caption\", value.to_string());",
            "parts.text(\"position\", value.to_string());",
            "request.multipart(body.into_parts());",
            "access: &'a crate::Access,",
            "pub fn for_(mut self, value: crate::For) -> Self",
            "support::file_part(self.0, \"source\", file_name)",
            "support::text_part(self.0, \"kind\", value)",
        ],
        lacks: &[],
    },
    // The typed webhook payload of `x-webhooks`: one variant per event, an open `Unknown`.
    Golden {
        name: "webhooks",
        extras: codegen::Extras {
            webhooks: true,
            test_support: false,
        },
        shows: &[
            "pub struct WebhookPayload {",
            "pub enum Event {",
            "ConversationMessage(::std::boxed::Box<types::ConversationMessageEvent>)",
            "Unknown(crate::webhooks::UnknownEvent)",
            "\"conversation:read\" => {",
            "_ => Event::Unknown(crate::__rt::UnknownEvent::unknown(value)),",
            "pub const EVENT_TYPES: &[(&str, &str)] = &[",
        ],
        lacks: &[],
    },
];

/// Where `reviewed` and `generated` first differ, as a message: the line number and both lines.
fn first_difference(reviewed: &str, generated: &str) -> Option<String> {
    if reviewed == generated {
        return None;
    }
    let line = |text: &str, at: usize| -> String {
        match text.lines().nth(at) {
            Some(line) => format!("{line:?}"),
            None => "<end of file>".to_owned(),
        }
    };
    let at = reviewed
        .lines()
        .zip(generated.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| reviewed.lines().count().min(generated.lines().count()));
    Some(format!(
        "first at line {}:\n  reviewed:  {}\n  generated: {}",
        at + 1,
        line(reviewed, at),
        line(generated, at)
    ))
}

/// The generator's output for each fixture document (see [`GOLDENS`]) is compared byte for byte
/// with its reviewed golden file; after reviewing a change, refresh them with
/// `UPDATE_GOLDEN=1 cargo test -p sunshine-conversations-codegen --test generator golden`.
#[test]
fn golden_outputs() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    // Every fixture document has its golden file.
    let mut fixtures: Vec<String> = std::fs::read_dir(tests.join("fixtures"))
        .expect("tests/fixtures")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".yaml").map(str::to_owned))
        .collect();
    fixtures.sort();
    let mut named: Vec<&str> = GOLDENS.iter().map(|golden| golden.name).collect();
    named.sort();
    assert_eq!(
        fixtures, named,
        "the fixture documents and the golden files listed"
    );
    let mut stale = Vec::new();
    for golden in GOLDENS {
        let fixture = format!("tests/fixtures/{}.yaml", golden.name);
        let path = format!("tests/golden/{}.rs", golden.name);
        let generated = codegen::generate_with(
            &tests.join(format!("fixtures/{}.yaml", golden.name)),
            &fixture,
            &Selection::All,
            golden.extras,
        )
        .unwrap_or_else(|error| panic!("{fixture} does not generate: {error}"));
        let code = &generated.code;
        assert!(
            generated.repairs.is_empty(),
            "{fixture}: {:?}",
            generated.repairs
        );
        for expected in golden.shows {
            assert!(code.contains(expected), "{path} lacks {expected:?}");
        }
        for unwanted in golden.lacks {
            assert!(!code.contains(unwanted), "{path} has {unwanted:?}");
        }
        let file = tests.join(format!("golden/{}.rs", golden.name));
        if update {
            std::fs::write(&file, code).unwrap_or_else(|error| panic!("write {path}: {error}"));
            continue;
        }
        let reviewed = std::fs::read_to_string(&file).unwrap_or_default();
        if let Some(difference) = first_difference(&reviewed, code) {
            stale.push(format!(
                "the code generated from {fixture} differs from {path}, {difference}"
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "{}\nreview the changes, then refresh the golden files with UPDATE_GOLDEN=1 cargo test \
         -p sunshine-conversations-codegen --test generator golden",
        stale.join("\n")
    );
}
