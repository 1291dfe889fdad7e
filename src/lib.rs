//! A blocking client for the [Sunshine Conversations](https://developer.zendesk.com/api-reference/conversations/)
//! REST API v2 (Zendesk, formerly Smooch): upload, delete and protect attachments from
//! synchronous programs, with no async runtime in the dependency tree.
//!
//! The operations and models are generated at build time from the OpenAPI document in
//! `openapi/`; a small hand-written layer adds authentication, streamed multipart uploads,
//! retries and typed errors.
//!
//! # Quickstart
//!
//! ```no_run
//! use sunshine_conversations_client::{Client, Upload};
//!
//! let client = Client::builder()
//!     .basic_auth("app_5d8cff3cd55b040010928b5b", "your-key-secret")
//!     .app_id("5d8cff3cd55b040010928b5b")
//!     .build()?;
//! let attachment = client.upload(Upload::path("photo.png")?)?;
//! println!("uploaded to {}", attachment.media_url);
//! client.delete(&attachment.media_url)?;
//! # Ok::<(), sunshine_conversations_client::Error>(())
//! ```
//!
//! Or configure everything from `SUNCO_*` environment variables with [`Client::from_env`].
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod attachments;
mod auth;
mod builder;
mod client;
mod error;
mod generated;
pub(crate) mod multipart;
mod quiet;
pub(crate) mod request;
mod response;
mod retry;
mod upload;

pub use attachments::{Attachment, MediaTokens};
pub use auth::{JwtScope, Secret};
pub use builder::{
    ClientBuilder, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_UPLOAD_BYTES, Region, Timeouts,
};
pub use client::Client;
pub use error::{ApiError, ApiErrorDetail, Error};
pub use generated::{operations, types};
pub use multipart::{FilePart, sanitize_file_name};
pub use response::{EXCERPT_LEN, ResponseValue};
pub use retry::RetryPolicy;
pub use upload::{Access, For, Upload};

/// `info.version` of the OpenAPI document this build was generated from, e.g. `12.5.1`.
pub const OPENAPI_VERSION: &str = env!("SUNSHINE_OPENAPI_VERSION");

/// The OpenAPI document this build was generated from, as given to the build (the vendored
/// `openapi/sunshine-conversations.yaml` unless `SUNSHINE_OPENAPI` named another).
pub const OPENAPI_SOURCE: &str = env!("SUNSHINE_OPENAPI_SOURCE");

/// A free-form JSON object, as the document declares `type: object` without properties.
pub type JsonObject = serde_json::Map<String, serde_json::Value>;

/// Re-exported so callers can name ureq types (an [`ureq::Agent`] for
/// [`ClientBuilder::agent`], a proxy) without a version mismatch.
pub use ureq;
