//! The generated code for the vendored document, compared with the reviewed copy in
//! `tests/snapshots/attachments.rs`. A change to the generator or the document shows up here as
//! a readable diff; after reviewing it, refresh the copy with
//! `UPDATE_SNAPSHOTS=1 cargo test --test suite snapshot`.
//!
//! The snapshot is of the default build (the vendored document's Attachments operations); a
//! build from another document or with `full-api` reports the test as ignored.

const GENERATED: &str = include_str!(concat!(env!("OUT_DIR"), "/sunshine_conversations.rs"));
const SNAPSHOT: &str = "tests/snapshots/attachments.rs";

#[test]
#[cfg_attr(
    not(sunco_vendored_attachments),
    ignore = "the snapshot is of the vendored document's Attachments operations (default build)"
)]
fn generated_code_matches_the_reviewed_snapshot() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SNAPSHOT);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, GENERATED).expect("write the snapshot");
        eprintln!("refreshed {SNAPSHOT}");
        return;
    }
    let reviewed = std::fs::read_to_string(&path).unwrap_or_default();
    if reviewed != GENERATED {
        let first = reviewed
            .lines()
            .zip(GENERATED.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| reviewed.lines().count().min(GENERATED.lines().count()));
        panic!(
            "the generated code differs from {SNAPSHOT}, first at line {}:\n  reviewed:  {:?}\n  generated: {:?}\n\
             review the change, then run `UPDATE_SNAPSHOTS=1 cargo test --test suite snapshot`",
            first + 1,
            reviewed.lines().nth(first).unwrap_or("<end of file>"),
            GENERATED.lines().nth(first).unwrap_or("<end of file>"),
        );
    }
}

/// What the snapshot must show: typed parameters, a builder for every request body, no
/// blanket allows.
#[test]
#[cfg_attr(
    not(sunco_vendored_attachments),
    ignore = "the snapshot is of the vendored document's Attachments operations (default build)"
)]
fn the_generated_code_is_clean() {
    for unwanted in ["allow(unused_imports)", "#[allow("] {
        assert!(
            !GENERATED.contains(unwanted),
            "the generated code has {unwanted}"
        );
    }
    assert!(GENERATED.contains("access: &'a crate::Access"));
    assert!(GENERATED.contains("for_: Option<crate::For>"));
    for body in ["AttachmentDeleteBody", "AttachmentMediaTokenBody"] {
        assert!(GENERATED.contains(&format!("pub fn builder() -> builder::{body}")));
    }
}
