//! A blocking client for the [Sunshine Conversations](https://developer.zendesk.com/api-reference/conversations/)
//! REST API v2 (Zendesk, formerly Smooch): upload, delete and protect attachments from
//! synchronous programs, with no async runtime in the dependency tree.
//!
//! The operations and models are generated at build time from the OpenAPI document in
//! `openapi/` (API version 12.5.1); a small hand-written layer adds authentication, streamed
//! multipart uploads, retries, timeouts and typed errors. HTTP is [`ureq`].
//!
//! # Quickstart
//!
//! ```no_run
//! use sunshine_conversations_client::{Client, Upload};
//!
//! let client = Client::builder()
//!     .basic_auth("app_5d8cff3cd55b040010928b5c", "your-key-secret")
//!     .app_id("5d8cff3cd55b040010928b5b")
//!     .build()?;
//! let attachment = client.upload(Upload::path("photo.png")?)?;
//! println!("uploaded to {}", attachment.media_url);
//! client.delete(&attachment.media_url)?;
//! # Ok::<(), sunshine_conversations_client::Error>(())
//! ```
//!
//! Or configure everything from the `SUNCO_*` environment variables with
//! [`Client::from_env`] (see [`ClientBuilder::from_env`] for the list).
//!
//! # Authentication
//!
//! Every API key has an id and a secret. Pick one of:
//!
//! ```no_run
//! use sunshine_conversations_client::{Client, JwtScope};
//! # fn main() -> Result<(), sunshine_conversations_client::Error> {
//! // HTTP Basic with the key itself.
//! let basic = Client::builder().basic_auth("app_5d8c...", "secret").build()?;
//! // A JWT you signed elsewhere.
//! let bearer = Client::builder().bearer_token("eyJhbGciOiJIUzI1NiJ9...").build()?;
//! // HS256 JWTs signed locally from the key: `kid` header = key id, `scope` claim = the key's
//! // scope. With a lifetime they carry `exp` and are signed again before they expire.
//! let jwt = Client::builder()
//!     .jwt("app_5d8c...", "secret", JwtScope::App)
//!     .jwt_lifetime(std::time::Duration::from_secs(3600))
//!     .build()?;
//! # Ok(()) }
//! ```
//!
//! Secrets are held in [`Secret`], whose `Debug` prints `[redacted]`; no secret appears in any
//! `Debug` or `Display` output of this crate, in its errors or in its log lines. Credentials
//! with control characters are refused when the client is built.
//!
//! # Regions and Zendesk subdomains
//!
//! Licensed Zendesk customers use their subdomain; others pick a region:
//!
//! ```no_run
//! use sunshine_conversations_client::{Client, Region};
//! # fn main() -> Result<(), sunshine_conversations_client::Error> {
//! let zendesk = Client::builder().zendesk_subdomain("acme") // https://acme.zendesk.com/sc
//!     .basic_auth("k", "s").build()?;
//! let eu = Client::builder().region(Region::Eu) // https://api.eu-1.smooch.io
//!     .basic_auth("k", "s").build()?;
//! let local = Client::builder().base_url("http://127.0.0.1:8080") // tests, proxies
//!     .basic_auth("k", "s").build()?;
//! # Ok(()) }
//! ```
//!
//! The default is [`Region::Us`] (`https://api.smooch.io`). Plain `http` is refused for any
//! host but loopback, unless [`ClientBuilder::allow_plain_http`] is set for a TLS-terminating
//! proxy.
//!
//! # Uploads
//!
//! An [`Upload`] streams a file from a path (never read into memory; opened at once, so a
//! missing file, a directory or an unreadable file fail before any connection), sends bytes
//! from memory, or reads any [`std::io::Read`]:
//!
//! ```no_run
//! use sunshine_conversations_client::{Access, Client, Upload};
//! # fn main() -> Result<(), sunshine_conversations_client::Error> {
//! # let client = Client::from_env()?;
//! let from_path = Upload::path("report.pdf")?.access(Access::Private).for_message();
//! let from_bytes = Upload::bytes("note.txt", b"hello".to_vec());
//! let from_stdin = Upload::reader("stdin.bin", std::io::stdin(), None);
//! let with_progress = Upload::path("video.mp4")?
//!     .on_progress(|sent, total| eprintln!("{sent} of {total:?} bytes"));
//! let attachment = client.upload(with_progress)?;
//! # Ok(()) }
//! ```
//!
//! The part's file name is sanitised (quotes, backslashes, control and non-ASCII characters
//! are replaced, see [`sanitize_file_name`]); its content type comes from the file name,
//! falling back to `application/octet-stream`, or from [`FilePart::with_content_type`]. Files
//! over the upload limit (50 MB, the API's maximum, by default) are refused before sending. A
//! source that shrinks or grows while it is sent ends the upload with [`Error::Source`].
//!
//! # Media tokens and cookies
//!
//! `Client::media_tokens` issues a media token per attachment path;
//! `Client::media_cookie` exchanges one for the `Set-Cookie` values that let a browser read
//! private attachments (the media token, not your key, authenticates that call). Both exist
//! in API versions up to 12.8 only.
//!
//! # Errors
//!
//! Every call returns [`Error`]. What to do about each variant:
//!
//! - [`Error::InvalidInput`]: an argument or setting was refused and nothing was sent; fix the
//!   input (the message names it).
//! - [`Error::File`] / [`Error::Source`]: the file is missing, unreadable, or changed while
//!   being sent; check it and upload again.
//! - [`Error::Api`]: the API answered an error status. [`ApiError`] has the status, the
//!   API's `errors[]` codes and titles, `Retry-After`, the request id and a bounded excerpt of
//!   the body. 400: check the arguments; 401: check the key id, secret and auth method; 403:
//!   the key's scope does not allow the call; 404: check the app id and the ids you passed;
//!   429 and 5xx: retry later ([`Error::is_retryable`]). Redirects are never followed and show
//!   up here too.
//! - [`Error::Timeout`] / [`Error::Transport`]: the network or the server did not cooperate;
//!   retryable.
//! - [`Error::Decode`]: a success response did not match the documented type; the error names
//!   the JSON path.
//!
//! ```no_run
//! use sunshine_conversations_client::{Client, Error};
//! # fn main() -> Result<(), Error> {
//! # let client = Client::from_env()?;
//! match client.delete("https://media.smooch.io/...") {
//!     Ok(()) => {}
//!     Err(Error::Api(api)) if api.status == 404 => eprintln!("already gone"),
//!     Err(e) if e.is_retryable() => eprintln!("try again later: {e}"),
//!     Err(e) => return Err(e),
//! }
//! # Ok(()) }
//! ```
//!
//! # Retries, timeouts and limits
//!
//! Defaults (each documented on its setting):
//!
//! - [`RetryPolicy::default`]: up to 4 attempts within 120 s. `429` is retried honouring
//!   `Retry-After` (capped at 60 s), otherwise after exponential backoff with full jitter
//!   (500 ms doubling up to 8 s); connection failures where nothing was sent are retried;
//!   `502`/`503`/`504` and dropped connections only for operations that are harmless to
//!   repeat, and never for a body read from a one-shot reader. The final error says how many
//!   attempts were made. [`RetryPolicy::none`] turns retries off.
//! - [`Timeouts::default`]: 10 s to connect, 60 s for the response to start, 30 s for any
//!   stalled read or write. Slow uploads are not cut off while bytes still move.
//! - Uploads up to [`DEFAULT_MAX_UPLOAD_BYTES`]; response bodies up to
//!   [`DEFAULT_MAX_RESPONSE_BYTES`].
//! - Proxies from the environment (`HTTPS_PROXY`, `ALL_PROXY`, ...) are honoured except for
//!   loopback hosts; [`ClientBuilder::proxy`] sets one explicitly.
//!
//! # Logging
//!
//! The crate logs through the [`log`](https://docs.rs/log) facade: one debug line per request
//! (method, route with ids, status, elapsed time, attempt) and one per retry; nothing secret at
//! any level. ureq's HTTP layer hex-dumps every byte at trace level, credentials included, so
//! while a request is in flight the process-wide maximum level is held at debug (see
//! [`ClientBuilder::allow_transport_trace`]). With `env_logger`:
//! `RUST_LOG=debug cargo run --example attachments`.
//!
//! # Testing your code
//!
//! The `mock` feature adds typed [httpmock](https://docs.rs/httpmock) helpers for every
//! operation: matchers for its path, query and body, and answers with the typed models.
//!
//! ```no_run
//! # #[cfg(feature = "mock")]
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use sunshine_conversations_client::mock::MockServerExt;
//! use sunshine_conversations_client::{Access, Client, Upload, types};
//!
//! let server = httpmock::MockServer::start();
//! let answer: types::AttachmentResponse = serde_json::from_str(
//!     r#"{"attachment": {"mediaUrl": "https://media.example/q3.pdf"}}"#,
//! )?;
//! let mock = server.upload_attachment(|when, then| {
//!     when.app_id("test-app").access(&Access::Public).source_file_name("q3.pdf");
//!     then.created(&answer);
//! });
//! let client = Client::builder()
//!     .base_url(server.base_url())
//!     .basic_auth("key", "secret")
//!     .app_id("test-app")
//!     .build()?;
//! client.upload(Upload::bytes("q3.pdf", b"%PDF".to_vec()))?; // your code, really
//! mock.assert();
//! # Ok(()) }
//! # #[cfg(not(feature = "mock"))]
//! # fn main() {}
//! ```
//!
//! See `examples/typed_mocks.rs` for a complete test.
//!
//! # Regenerating against another version of the API
//!
//! `build.rs` generates the operations from `openapi/sunshine-conversations.yaml`, or from the
//! document named by the `SUNSHINE_OPENAPI` environment variable:
//!
//! ```text
//! SUNSHINE_OPENAPI=/path/to/openapi.yaml cargo build
//! ```
//!
//! The crate then has exactly the Attachments operations of that document: each generated
//! operation sets `cfg(sunco_op = "<method name>")`, and a helper is compiled only when its
//! operation exists (documents from 13.1 on have no token and cookie operations, so no
//! `Client::media_tokens` and `Client::media_cookie`). [`OPENAPI_VERSION`] and
//! [`operations::OPERATION_IDS`] tell which document a build came from. A document the
//! generator cannot use stops the build with a message naming the file and the JSON pointer;
//! known quirks are repaired with a build warning naming the pointer.
//!
//! # Cargo features
//!
//! - `full-api`: generate every operation of the document (conversations, messages, users,
//!   webhooks, integrations...) with their models, not only the Attachments ones.
//! - `mock`: the typed httpmock helpers in [`mock`](crate#testing-your-code).
//! - `native-tls`: TLS through the platform's library and roots instead of rustls.
//! - `platform-verifier`: rustls with the platform's certificate verifier and roots instead of
//!   the bundled Mozilla roots.
//!
//! By default TLS is rustls with bundled Mozilla roots: no system dependency, the same roots
//! everywhere. Pick `platform-verifier` when a corporate CA is installed in the system store,
//! `native-tls` when policy requires the platform's TLS library.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod attachments;
mod auth;
mod builder;
mod client;
mod config;
mod error;
mod filename;
mod generated;
mod log_guard;
#[cfg(feature = "mock")]
mod mock_support;
pub(crate) mod multipart;
pub(crate) mod pagination;
pub(crate) mod request;
mod response;
mod retry;
mod transport;
mod upload;

pub use attachments::{Attachment, MediaTokens};
pub use auth::{JwtScope, Secret};
pub use builder::ClientBuilder;
pub use client::Client;
pub use config::{
    DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_UPLOAD_BYTES, MAX_TIMEOUT, Region, Timeouts,
};
pub use error::{
    ApiError, ApiErrorDetail, DecodeKind, Error, TimeoutPhase, TransportError, TransportErrorKind,
};
pub use filename::sanitize_file_name;
#[cfg(feature = "mock")]
pub use generated::mock;
pub use generated::{operations, types};
pub use multipart::FilePart;
pub use pagination::{Items, MAX_PAGES, Pages};
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

/// The HTTP layer itself, for [`ClientBuilder::unstable_ureq_agent`] and
/// [`TransportError::unstable_ureq_error`]. It follows ureq's versions, not this crate's:
/// behind the `unstable-ureq` feature.
#[cfg(feature = "unstable-ureq")]
pub use ureq as unstable_ureq;
