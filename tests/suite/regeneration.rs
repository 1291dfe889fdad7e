//! A build exposes exactly the Attachments operations of the document it was generated from,
//! and the helpers of missing operations are compiled out.

use sunshine_conversations_client::{OPENAPI_VERSION, operations::OPERATION_IDS};

fn version() -> (u32, u32) {
    let mut parts = OPENAPI_VERSION
        .split('.')
        .map(|p| p.parse::<u32>().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

#[test]
#[cfg_attr(
    feature = "full-api",
    ignore = "a full-api build exposes every operation; see the contract suite"
)]
fn exposes_exactly_the_documents_attachment_operations() {
    let ids: Vec<String> = OPERATION_IDS
        .iter()
        .map(|id| id.to_ascii_lowercase())
        .collect();
    let expected: &[&str] = if version() < (13, 1) {
        &[
            "uploadattachment",
            "deleteattachment",
            "generatemediajsonwebtoken",
            "setcookie",
        ]
    } else {
        &["uploadattachment", "deleteattachment"]
    };
    assert_eq!(ids, expected, "document {OPENAPI_VERSION}");
}

#[test]
fn helper_cfgs_follow_the_generated_operations() {
    let has = |id: &str| OPERATION_IDS.iter().any(|o| o.eq_ignore_ascii_case(id));
    assert_eq!(
        cfg!(sunco_op = "upload_attachment"),
        has("uploadAttachment")
    );
    assert_eq!(
        cfg!(sunco_op = "delete_attachment"),
        has("deleteAttachment")
    );
    assert_eq!(
        cfg!(sunco_op = "generate_media_json_web_token"),
        has("generateMediaJsonWebToken")
    );
    assert_eq!(cfg!(sunco_op = "set_cookie"), has("setCookie"));
    // Each helper follows the operation the facts table ties it to.
    assert_eq!(cfg!(sunco_helper = "upload"), has("uploadAttachment"));
    assert_eq!(cfg!(sunco_helper = "delete"), has("deleteAttachment"));
    assert_eq!(
        cfg!(sunco_helper = "media_tokens"),
        has("generateMediaJsonWebToken")
    );
    assert_eq!(cfg!(sunco_helper = "media_cookie"), has("setCookie"));
}

/// A build from another document than the vendored one says what it changes in the generated
/// API (`changes`, in the crate docs); a build of the vendored document has no such module.
#[test]
fn a_build_from_another_document_lists_what_it_changes() {
    let vendored =
        sunshine_conversations_client::OPENAPI_SOURCE == "openapi/sunshine-conversations.yaml";
    assert_eq!(cfg!(sunco_changes), !vendored && version() != (12, 5));
    #[cfg(sunco_changes)]
    {
        let report = sunshine_conversations_client::changes::REPORT;
        assert!(report.contains("from 12.5.1 to"), "{report}");
        if version() >= (13, 1) {
            assert!(
                report.contains("**breaking** operation removed: `Client::set_cookie`"),
                "{report}"
            );
        }
    }
}
