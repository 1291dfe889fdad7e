//! The runtime surface of the generated code: everything `build.rs`'s output uses of this
//! crate besides its public API, and nothing else. Not part of the public API: it follows the
//! generator, not semantic versioning, and is hidden from the docs.
//!
//! Naming it in one place is the contract between the generator and the hand-written crate:
//! the generator emits `crate::__rt::…` and nothing deeper, and what a document does not need
//! (a deepObject parameter, a text part, a paginated list) is still part of this surface, so
//! it compiles, and is checked, whatever the document.

pub use crate::multipart::Parts;
pub use crate::pagination::{items, pages};
pub use crate::request::{Method, OperationInfo, Repeat, Request};
pub use crate::response::RawResponse;

use crate::{Client, Error};

/// Sends a request built by a generated operation through the client's one request path.
pub fn execute(client: &Client, request: Request) -> Result<RawResponse, Error> {
    client
        .transport()
        .execute(client.config(), client.auth(), request)
}

/// What the generated typed mocks (cargo feature `mock`) use.
#[cfg(feature = "mock")]
pub mod mock {
    pub(crate) use crate::mock_support::wrappers;
    pub use crate::mock_support::{
        Segment, deep_object, errors, file_part, json, path_param, query_values, route, text_part,
    };
}

/// What the generated webhook payload (cargo feature `webhooks`) uses.
#[cfg(sunco_webhooks)]
pub use crate::webhooks::UnknownEvent;
