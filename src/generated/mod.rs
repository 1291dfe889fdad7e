//! The code generated from the OpenAPI document, and what it stands on: the runtime surface
//! it calls (`rt`, re-exported as the hidden `crate::__rt`), the open enums' and unions' unknown
//! values (`open`), typed pages of a list (`pagination`) and the typed mocks' matchers
//! (`mock_support`). Nothing here is written by hand but those four.

// Generated code keeps typify's derives and the document's field names: clippy's style lints
// and `missing_docs` (fields the document leaves undescribed) would flag the document and
// typify's output, not anything this crate can fix at the source.
#[allow(clippy::all, missing_docs)]
mod code;
#[cfg(feature = "mock")]
mod mock_support;
pub(crate) mod open;
pub(crate) mod pagination;
pub mod rt;

#[cfg(feature = "mock")]
pub use code::mock;
#[cfg(sunco_webhooks)]
pub use code::webhooks;
pub use code::{operations, types};
