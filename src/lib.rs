#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[doc(hidden)]
pub mod __rt;
mod attachments;
mod auth;
mod builder;
mod call;
mod cancel;
mod client;
mod config;
mod download;
mod error;
mod file_check;
mod filename;
mod generated;
mod limits;
mod log_guard;
mod media_hosts;
#[cfg(feature = "mock")]
mod mock_support;
pub(crate) mod multipart;
mod open;
mod operation;
mod options;
mod outcome;
pub(crate) mod pagination;
mod proxy;
pub(crate) mod request;
mod response;
mod retry;
mod tls;
mod trace;
mod transport;
mod upload;
#[cfg(sunco_webhooks)]
pub mod webhooks;

pub use attachments::{Attachment, MediaTokens};
pub use auth::{JwtScope, Secret};
pub use builder::{ClientBuilder, MAX_JWT_LIFETIME, MIN_JWT_LIFETIME};
pub use cancel::CancelToken;
pub use client::Client;
pub use config::{
    DEFAULT_MAX_DOWNLOAD_BYTES, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_UPLOAD_BYTES, MAX_TIMEOUT,
    Region, Timeouts,
};
pub use download::{Download, Downloaded, MediaReader};
pub use error::{
    ApiError, ApiErrorDetail, CertificateProblem, DecodeKind, Error, FileRefusal, TimeoutPhase,
    TransportError, TransportErrorKind, printable,
};
pub use file_check::ALLOWED_EXTENSIONS;
pub use filename::sanitize_file_name;
#[cfg(feature = "mock")]
pub use generated::mock;
pub use generated::{operations, types};
pub use multipart::FilePart;
pub use open::{UnknownArm, UnknownValue};
pub use options::RequestOptions;
pub use outcome::Outcome;
pub use pagination::{Items, ListPage, MAX_PAGES, Pages};
pub use response::{EXCERPT_LEN, ResponseValue};
pub use retry::RetryPolicy;
pub use upload::{Access, For, Upload};

/// `info.version` of the OpenAPI document this build was generated from, e.g. `12.5.1`.
pub const OPENAPI_VERSION: &str = env!("SUNSHINE_OPENAPI_VERSION");

/// The OpenAPI document this build was generated from, as given to the build (the vendored
/// `openapi/sunshine-conversations.yaml` unless `SUNSHINE_OPENAPI` named another).
pub const OPENAPI_SOURCE: &str = env!("SUNSHINE_OPENAPI_SOURCE");

/// What this build's document changes in the generated API, from the vendored document: in a
/// build from another document (`SUNSHINE_OPENAPI`) only.
#[cfg(sunco_changes)]
pub mod changes {
    #![doc = include_str!(concat!(env!("OUT_DIR"), "/changes.md"))]

    /// The report above, as Markdown.
    pub const REPORT: &str = include_str!(concat!(env!("OUT_DIR"), "/changes.md"));
}

/// A free-form JSON object, as the document declares `type: object` without properties.
pub type JsonObject = serde_json::Map<String, serde_json::Value>;

/// The HTTP layer itself, for [`ClientBuilder::unstable_ureq_agent`] and
/// [`TransportError::unstable_ureq_error`]. It follows ureq's versions, not this crate's:
/// behind the `unstable-ureq` feature.
#[cfg(feature = "unstable-ureq")]
pub use ureq as unstable_ureq;
