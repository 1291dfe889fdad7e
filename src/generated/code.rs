//! The code `build.rs` generates from the OpenAPI document, included as it was written: the
//! `types` module (models, by typify), the `operations` module (one method on
//! [`Client`](crate::Client) per operation), with the `mock` feature the `mock` module, and with
//! the `webhooks` feature the `webhooks` module. Review it in `tests/snapshots/`; it is never
//! edited by hand.

include!(concat!(env!("OUT_DIR"), "/sunshine_conversations.rs"));
