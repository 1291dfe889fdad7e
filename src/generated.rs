//! The code `build.rs` generates from the OpenAPI document: the `types` module (models, by
//! typify) and the `operations` module (one method on [`Client`](crate::Client) per operation).
//! Review it in `tests/snapshots/`; it is never edited by hand.

// Generated code keeps the document's prose and typify's derives as they are: the lints below
// would flag the document's markdown (bare URLs, HTML asides, `[text](#anchor)` links) and
// typify's style, not anything this crate can fix at the source.
#![allow(
    clippy::all,
    missing_docs,
    rustdoc::bare_urls,
    rustdoc::broken_intra_doc_links,
    rustdoc::invalid_html_tags
)]

include!(concat!(env!("OUT_DIR"), "/sunshine_conversations.rs"));
