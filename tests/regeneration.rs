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
fn exposes_exactly_the_documents_attachment_operations() {
    if cfg!(feature = "full-api") {
        eprintln!("skipped: a full-api build exposes every operation");
        return;
    }
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
}
