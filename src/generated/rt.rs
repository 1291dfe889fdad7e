//! The runtime surface of the generated code: everything `build.rs`'s output uses of this
//! crate besides its public API, and nothing else. Not part of the public API: it follows the
//! generator, not semantic versioning, and is hidden from the docs.
//!
//! Naming it in one place is the contract between the generator and the hand-written crate:
//! the generator emits `crate::__rt::…` and nothing deeper, and what a document does not need
//! (a deepObject parameter, a text part, a paginated list) is still part of this surface, so
//! it compiles, and is checked, whatever the document.

pub use crate::call::request::{Method, OperationInfo, Repeat, Request};
pub use crate::call::response::RawResponse;
pub use crate::files::multipart::Parts;
pub use crate::generated::pagination::{items, pages};

use crate::{Client, Error, UnknownArm, UnknownValue};

pub use crate::generated::open::deserialize_open_str;

/// A value an open enum does not list.
pub fn unknown_value(value: String) -> UnknownValue {
    UnknownValue::new(value)
}

/// An arm an open union does not describe, told apart by `tag_property`.
pub fn unknown_arm(raw: serde_json::Value, tag_property: &'static str) -> UnknownArm {
    UnknownArm::tagged(raw, tag_property)
}

/// The error of a model whose builder could not make it (a required field left unset, a value
/// that does not convert): nothing was sent.
pub fn model_not_built(reason: String) -> Error {
    Error::invalid("model", reason)
}

/// Sends a request built by a generated operation through the client's one request loop.
pub fn execute(client: &Client, request: Request) -> Result<RawResponse, Error> {
    crate::call::operation::execute(client, request)
}

/// What the generated typed mocks (cargo feature `mock`) use.
#[cfg(feature = "mock")]
pub mod mock {
    pub(crate) use crate::generated::mock_support::wrappers;
    pub use crate::generated::mock_support::{
        Segment, deep_object, errors, file_part, json, path_param, query_values, route, text_part,
    };
}

/// What the generated webhook payload (cargo feature `webhooks`) uses.
#[cfg(sunco_webhooks)]
pub use crate::webhooks::UnknownEvent;
