#![doc = include_str!("../README.md")]
// docs.rs (`--cfg docsrs`) labels each item behind a feature with it.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

// The tree shows the design: `client` is the handle and what configures it, `call` the one
// request path every call takes, `files` uploads and downloads, `generated` the code built from
// the document and what it stands on, `webhooks` what the service sends. `error` and
// `safe_text` serve them all.
mod call;
mod client;
mod error;
mod files;
mod generated;
mod safe_text;
pub mod webhooks;

/// The runtime surface the generated code uses, and nothing else does.
#[doc(hidden)]
pub use generated::rt as __rt;

pub use call::cancel::CancelToken;
pub use call::options::RequestOptions;
pub use call::outcome::Outcome;
pub use call::response::{EXCERPT_LEN, ResponseValue};
pub use call::retry::RetryPolicy;
pub use client::Client;
pub use client::auth::{JwtScope, Secret};
pub use client::builder::{ClientBuilder, MAX_JWT_LIFETIME, MIN_JWT_LIFETIME};
pub use client::config::{
    DEFAULT_MAX_DOWNLOAD_BYTES, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_UPLOAD_BYTES, MAX_TIMEOUT,
    Region, Timeouts,
};
pub use error::{
    ApiError, ApiErrorDetail, CertificateProblem, DecodeKind, Error, FileRefusal, TimeoutPhase,
    TransportError, TransportErrorKind,
};
pub use files::attachments::{Attachment, MediaTokens};
#[cfg(sunco_helper = "upload")]
pub use files::batch::UploadBatch;
pub use files::batch::{
    BatchProgress, BatchSummary, DEFAULT_BATCH_WORKERS, DownloadBatch, FileResult, FileStatus,
    MAX_BATCH_WORKERS,
};
pub use files::download::{Download, Downloaded, MediaReader};
pub use files::file_check::ALLOWED_EXTENSIONS;
pub use files::file_part::FilePart;
pub use files::filename::{file_name_from_url, sanitize_file_name};
pub use files::upload::{Access, For, Upload};
#[cfg(feature = "mock")]
#[cfg_attr(docsrs, doc(cfg(feature = "mock")))]
pub use generated::mock;
pub use generated::open::{UnknownArm, UnknownValue};
pub use generated::pagination::{Items, ListPage, MAX_PAGES, Pages};
pub use generated::{operations, types};
pub use safe_text::printable;

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
#[cfg_attr(docsrs, doc(cfg(feature = "unstable-ureq")))]
pub use ureq as unstable_ureq;
