//! The code `build.rs` generates from the OpenAPI document: the `types` module (models, by
//! typify), the `operations` module (one method on [`Client`](crate::Client) per operation)
//! and, with the `mock` feature, the `mock` module. Review it in `tests/snapshots/`; it is
//! never edited by hand.

// Generated code keeps typify's derives and the document's field names: clippy's style lints
// and `missing_docs` (fields the document leaves undescribed) would flag the document and
// typify's output, not anything this crate can fix at the source.
#![allow(clippy::all, missing_docs)]

include!(concat!(env!("OUT_DIR"), "/sunshine_conversations.rs"));
