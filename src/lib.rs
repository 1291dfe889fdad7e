//! A blocking client for the [Sunshine Conversations](https://developer.zendesk.com/api-reference/conversations/)
//! REST API v2 (Zendesk, formerly Smooch): upload, delete and protect attachments from
//! synchronous programs, with no async runtime in the dependency tree — and, with the
//! `full-api` feature, every other operation of the API.
//!
//! The operations and models are generated at build time from the OpenAPI document in
//! `openapi/` (API version 12.5.1); a small hand-written layer adds authentication, streamed
//! multipart uploads, deadlines, retries and typed errors. HTTP is
//! [ureq](https://docs.rs/ureq).
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
//! Secrets are held in [`Secret`], whose `Debug` prints `[redacted]`; see [What this client
//! promises](#what-this-client-promises).
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
//! The part's file name is made safe and kept recognisable: quoted, ASCII, free of control
//! characters, every script transliterated (`résumé – 履歴書.pdf` is sent as
//! `resume - Lu Li Shu.pdf`, a decomposed `re\u{301}sume\u{301}.pdf` as `resume.pdf`), the
//! extension kept (see [`sanitize_file_name`]). Its content type comes from the file name, falling back to
//! `application/octet-stream`, or from [`FilePart::with_content_type`]. Files over the upload
//! limit (50 MB, the API's maximum, by default) are refused before sending. A file that
//! shrinks or grows while it is sent, or a reader that ends before its declared length, ends
//! the upload with [`Error::Source`]; a reader is never read past its declared length.
//!
//! # Downloads
//!
//! [`Client::download`] fetches a media URL (an attachment's, or one a customer sent), streamed
//! to a reader ([`Download::reader`]) or to a file ([`Download::to_path`], which never leaves a
//! partial file nor replaces one unless asked), bounded by [`Timeouts::download`] (or
//! [`Download::deadline`] for one download), the stall timeout and
//! [`ClientBuilder::max_download_bytes`]. A [`CancelToken`] given with
//! [`Download::cancel_with`] ends it from another thread or a signal handler. The client's
//! credentials go only to the API's own origin and its media hosts, over https on the default
//! port, and never across a redirect to another origin; [`Client::sends_credentials_to`] says
//! where they would go. See [`Client::download`] for which credentials to use when.
//!
//! Uploads are checked before sending against the service's file validation
//! ([`ALLOWED_EXTENSIONS`], and the type of the first bytes); [`Upload::without_file_check`]
//! skips it.
//!
//! # Webhooks
//!
//! With the `webhooks` feature (part of `full-api`), the `webhooks` module has the typed
//! payload of the document's `x-webhooks` (one `Event` variant per documented event, unknown
//! ones kept), `webhooks::verify_api_key` (constant time) and a bounded `webhooks::parse`. `examples/webhook_receiver.rs` is a blocking receiver that answers at
//! once and downloads the files customers send.
//!
//! # Media tokens and cookies
//!
//! `Client::media_tokens` issues a media token per attachment path (`/apps/{appId}/...`);
//! `Client::media_cookie` exchanges one for the `Set-Cookie` values that let a browser read
//! private attachments (the media token, not your key, authenticates that call). Both exist
//! in API versions up to 12.8 only.
//!
//! # The whole API
//!
//! With the `full-api` feature the crate has every operation of the document, about 65:
//! apps and their keys, conversations, participants, messages, activities, switchboards,
//! integrations and their keys, webhooks, users, clients, devices and the OAuth endpoints. The
//! [`operations`] module lists them by the document's tags, each linked to its method.
//!
//! Every operation is one method on [`Client`], named after its `operationId` in snake case
//! (`listConversations` is [`Client::list_conversations`](Client) in a `full-api` build). The
//! methods are not grouped by tag (`client.conversations().list()`): the `operationId` is the
//! one name an operation has in the document, the API reference and the official clients; the
//! tags of a document change between versions; and a flat list is what rustdoc searches best.
//!
//! Required parameters are the method's arguments and stay required at compile time. An
//! operation with optional parameters returns a request builder: set what you need, then
//! `send()`:
//!
//! ```no_run
//! # #[cfg(feature = "full-api")]
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # use sunshine_conversations_client::{Client, types};
//! # let client = Client::from_env()?;
//! # let app_id = "5d8cff3cd55b040010928b5b";
//! // In a `full-api` build. Every model has a builder: set its fields, then convert it; a
//! // required field left unset is an error, not a panic.
//! let filter: types::ConversationListFilter = types::ConversationListFilter::builder()
//!     .user_id("42589ad070d43be9b00ff7e5".to_owned())
//!     .try_into()?;
//! let first_page: types::Page = types::Page::builder().size(10u64).try_into()?;
//! let page = client.list_conversations(app_id, &filter).page(first_page).send()?;
//! println!("{} conversations", page.conversations.len());
//! # Ok(()) }
//! # #[cfg(not(feature = "full-api"))]
//! # fn main() {}
//! ```
//!
//! Parameters with a closed set of values take the generated enum, and the attachment
//! parameters `access` and `for` take [`Access`] and [`For`]. Request bodies are the generated
//! models of [`types`], each with a builder (`types::MessagePost::builder()`; a builder of a
//! nested model can be given where the model is expected, and converting checks that every
//! required field was set); values the document marks as secrets (key secrets, webhook
//! secrets, channel credentials, OAuth tokens) are [`Secret`]s there.
//!
//! ## When the service is ahead of the document
//!
//! The models keep what this build's document does not list: a string enum's value in its
//! `Unknown(`[`UnknownValue`]`)` variant, a union's arm in `Unknown(`[`UnknownArm`]`)` with its
//! raw JSON, both sent back unchanged. Unions told apart by a `type` decode as the arm it names.
//! Length and range constraints bound what is sent, never what is decoded; members an object's
//! schema does not declare are dropped. See the README's section of the same name.
//!
//! ## Pagination
//!
//! The cursor-paginated lists (apps, conversations, participants, messages, integrations,
//! clients) have `pages()` and `items()` on their request: lazy iterators that fetch the next
//! page only when asked for it, with the cursor the previous page gave, and stop after the
//! page whose `meta.hasMore` is not true. Messages page backwards (`page[before]`), as the
//! document says; the others forwards. An error ends the iteration as its last item: a failed
//! call, a cursor the server hands back twice (a loop), or more than [`MAX_PAGES`] pages
//! (change with [`Pages::max_pages`]).
//!
//! ```no_run
//! # #[cfg(feature = "full-api")]
//! # fn main() -> Result<(), sunshine_conversations_client::Error> {
//! # let client = sunshine_conversations_client::Client::from_env()?;
//! # let (app_id, conversation_id) = ("5d8cff3cd55b040010928b5b", "c616a583e4c240a871818541");
//! // In a `full-api` build: every message of a conversation, newest first.
//! for message in client.list_messages(app_id, conversation_id).items() {
//!     let message = message?;
//!     println!("{:?}", message.id);
//! }
//! # Ok(()) }
//! # #[cfg(not(feature = "full-api"))]
//! # fn main() {}
//! ```
//!
//! ## Which helpers exist for which document
//!
//! The helpers take the app id from the client and return plain values. [`Client::upload`]
//! and [`Client::delete`] exist for every document version; `Client::media_tokens` and
//! `Client::media_cookie` for documents up to 12.8 (13.1 removed their operations). The
//! generated operations always match the document the crate was built from; see
//! [Regenerating](#regenerating-against-another-version-of-the-api).
//!
//! # Errors
//!
//! Every call returns [`Error`]. What to do about each variant:
//!
//! - [`Error::InvalidInput`]: an argument or setting was refused and nothing was sent; fix the
//!   input (the message names it, or the `SUNCO_*` variable).
//! - [`Error::FileRefused`]: the service's file validation would refuse the upload
//!   ([`FileRefusal`] says by which rule); nothing was sent. Rename or convert the file, or
//!   skip the check with [`Upload::without_file_check`] when the service accepts more.
//! - [`Error::RootCertificates`]: the extra root certificates (`SUNCO_CA_FILE`, say) cannot be
//!   used; nothing was sent.
//! - [`Error::File`] / [`Error::Source`]: the file is missing, unreadable, or changed while
//!   being sent; check it and upload again.
//! - [`Error::Save`]: a download could not be written where asked (the directory takes no
//!   file, the disk is full, a file appeared there meanwhile); nothing is left there.
//! - [`Error::Api`]: the API answered an error status. [`ApiError`] has the status, the
//!   API's `errors[]` codes and titles (as sent; `Display` escapes their control characters),
//!   `Retry-After`, the request id and a bounded excerpt of the body. 400: check the arguments;
//!   401: check the key id, secret and auth method; 403: the key's scope does not allow the
//!   call; 404: check the app id and the ids you passed; 429 and 5xx: retry later
//!   ([`Error::is_retryable`], [`ApiError::retry_after`]). Redirects are never followed and
//!   show up here too; a download's refusal has a [`ApiError::hint`] of what it means for media.
//! - [`Error::Timeout`] ([`TimeoutPhase`] says which) / [`Error::Transport`]
//!   ([`TransportErrorKind`] says what; for a refused TLS certificate,
//!   [`TransportError::certificate_problem`] says why): the network or the server did not
//!   cooperate. [`Error::may_have_been_processed`] says whether the server may have acted on
//!   the request anyway (an upload whose answer never came may be stored);
//!   [`Error::is_retryable`] is true only where sending it again cannot do harm.
//! - [`Error::Decode`]: a success response did not decode ([`DecodeKind`]: not JSON, or not of
//!   the documented shape); the error names the JSON path.
//! - [`Error::TooLarge`]: a download over its limit, or an answer over the response cap.
//! - [`Error::Incomplete`]: a success answer lacks a value the call needs (an upload's
//!   `mediaUrl`); the server has acted.
//! - [`Error::Pagination`]: iterating a list's pages stopped (a loop, the page limit).
//! - [`Error::Redirect`]: a download's redirect was refused after a request was sent (more
//!   than 5, a loop, or from https to plain http).
//! - [`Error::Cancelled`]: the call's [`CancelToken`] was cancelled.
//!
//! ```no_run
//! use sunshine_conversations_client::{Client, Error, Upload};
//! # fn main() -> Result<(), Error> {
//! # let client = Client::from_env()?;
//! match client.delete("https://media.smooch.io/...") {
//!     Ok(()) => {}
//!     Err(Error::Api(api)) if api.status == 404 => eprintln!("already gone"),
//!     Err(e) if e.is_retryable() => eprintln!("try again later: {e}"),
//!     Err(e) => return Err(e),
//! }
//! // An upload that may have been stored is not retryable: sending it again could store the
//! // file twice. Check first (is it in the conversation?), or accept the duplicate knowingly.
//! match client.upload(Upload::path("report.pdf")?) {
//!     Ok(attachment) => println!("{}", attachment.media_url),
//!     Err(e) if e.is_retryable() => eprintln!("not stored; try again later: {e}"),
//!     Err(e) if e.may_have_been_processed() => eprintln!("may be stored; check first: {e}"),
//!     Err(e) => return Err(e),
//! }
//! # Ok(()) }
//! ```
//!
//! # Deadlines, retries and limits
//!
//! Defaults (each documented on its setting):
//!
//! - [`Timeouts::default`]: every call without a file ends within 120 s ([`Timeouts::call`]),
//!   all attempts and waits included; an upload within an hour ([`Timeouts::upload`], with
//!   the arithmetic for a 50 MB file on a slow link), and as soon as no byte moves for 30 s.
//!   Within an attempt: 10 s to connect, 60 s for the response to start, 30 s for any stalled
//!   read or write.
//! - [`RetryPolicy::default`]: up to 4 attempts. `429` and `503` with `Retry-After` are
//!   retried as the server asks, or given up at once with the server's `Retry-After` in the
//!   error when it asks for more than 60 s; connection failures where nothing was sent are
//!   retried; `502`/`503`/`504` and dropped connections only for operations that are harmless
//!   to repeat (the generator's facts table says which), never for an upload that may have
//!   been stored, and never for a body read from a one-shot reader. Waits otherwise grow
//!   exponentially with full jitter. [`RetryPolicy::none`] turns retries off.
//! - Shared by every clone of a client and every thread that calls it:
//!   - a `429`'s wait (its `Retry-After`, or the backoff without one) holds back every next
//!     attempt to that host until it has passed, so no thread sends into a window the server
//!     has just closed;
//!   - a retry quota, as in AWS's standard retry mode: 500 tokens, a retry costs 5 (10 after
//!     a timeout), each success returns 1. Once it is spent, failures come back at once and
//!     say that retries were held back ([`Outcome::retries_held_back`]), so a total outage
//!     costs the calls plus about 100 retries rather than four times the calls
//!     ([`RetryPolicy::with_retry_quota`] and its neighbours change it);
//!   - [`ClientBuilder::max_requests_per_second`], off by default: requests spaced evenly
//!     (GCRA) whichever thread sends them; a call waits its turn within its deadline and fails
//!     with [`Error::Timeout`] when its deadline would pass while waiting.
//! - Per call, never touching the client: [`RequestOptions`] (a timeout of its own, extra
//!   headers, a [`CancelToken`]) on every generated request builder (`with_timeout`,
//!   `with_header`, `cancel_with`, `with_options`), on [`Upload::options`] and
//!   [`Download::options`], and for the helpers through [`Client::with_options`]. A cancelled
//!   call ends within about 100 ms, or at its next read or write when it waits on the
//!   network, with [`Error::Cancelled`], whose [`Outcome`] says whether the server may have
//!   acted; a cancelled download leaves no file.
//! - Uploads up to [`DEFAULT_MAX_UPLOAD_BYTES`]; response bodies up to
//!   [`DEFAULT_MAX_RESPONSE_BYTES`].
//! - Proxies: [`ClientBuilder::proxy`] sets one (HTTP `CONNECT` or SOCKS4/5); otherwise the
//!   environment's: `HTTPS_PROXY` for an https base URL, `http_proxy`/`HTTP_PROXY` for plain
//!   http only (`HTTP_PROXY` is ignored in a CGI program, where a request header can set it),
//!   else `ALL_PROXY`; `NO_PROXY` is honoured, loopback hosts are reached directly, and a
//!   variable that is set but unusable fails [`ClientBuilder::build`] naming it.
//! - TLS: rustls with the bundled Mozilla roots; a company CA (a TLS-inspecting proxy, a
//!   private deployment) is added with [`ClientBuilder::add_root_certificates_pem`]
//!   (`SUNCO_CA_FILE` for [`ClientBuilder::from_env`]). A refused certificate says why
//!   ([`CertificateProblem`]: unknown issuer, expired, wrong host, a CA as the server's
//!   certificate) and what to do.
//!
//! # What this client promises
//!
//! Each promise is checked by the named tests of the repository:
//!
//! - **Bounded time.** Every call ends within its documented deadline, attempts and waits
//!   included (a name lookup is bounded by the system resolver's own timeouts), even against a
//!   server that drips its answer (`tests/suite/promises.rs`:
//!   `a_dripping_body_ends_at_the_calls_deadline`, `the_answer_to_an_upload_is_bounded_too`,
//!   `an_upload_deadline_ends_a_slow_upload`, `retries_stop_at_the_deadline`; the CLI's
//!   `SUNCO_TIMEOUT_SECS` in `tests/suite/cli.rs`: `the_timeout_variable_bounds_a_call_and_is_checked`;
//!   eight threads against a hostile server in `tests/process/soak.rs`).
//! - **Settings are checked before anything is sent.** Zero and endless timeouts, zero limits,
//!   JWT lifetimes outside [`MIN_JWT_LIFETIME`]..=[`MAX_JWT_LIFETIME`], bad base URLs, bad
//!   credentials and ids, unusable proxies (given or from the environment) and root
//!   certificates are refused with [`Error::InvalidInput`] (`tests/suite/promises.rs`:
//!   `zero_and_endless_timeouts_are_refused`, `odd_limits_and_jwt_lifetimes_are_refused`;
//!   `tests/process/proxy.rs`; `tests/suite/tls.rs`: `text_without_a_certificate_is_refused_before_sending`;
//!   `tests/suite/adversarial.rs`; `tests/suite/ids.rs`). A documented setting never panics: SOCKS
//!   proxies work (`tests/process/proxy.rs`:
//!   `environment_proxies_are_skipped_for_loopback_and_explicit_ones_are_used`).
//! - **A source is read no further than it must be.** A reader with a declared length is
//!   read up to it and no further, so a socket or pipe that stays open ends the upload
//!   (`tests/suite/promises.rs`: `a_reader_that_stays_open_ends_at_its_declared_length`); a file
//!   replaced between attempts is not sent, and the error says an earlier attempt was
//!   (`a_file_replaced_between_attempts_is_not_sent_and_the_error_says_what_was`).
//! - **TLS failures say which and what to do** (`tests/suite/tls.rs`:
//!   `an_extra_root_is_trusted_and_refusals_say_why`, `https_goes_through_a_connect_proxy`).
//! - **No secret in any output.** Keys, tokens and the secret fields of every model are
//!   redacted in `Debug`, never in an error, a log line or a URL shown (`tests/process/secrets.rs`,
//!   `tests/suite/secret_models.rs` in `full-api` builds: `every_model_with_a_secret_field_hides_it`
//!   and `a_misshapen_secret_answer_is_not_quoted`, `tests/suite/promises.rs`:
//!   `url_credentials_are_never_shown`, `a_redirects_location_loses_its_user_info`,
//!   `a_scheme_relative_location_with_a_url_in_its_query_loses_its_user_info`), and no byte
//!   dump of the HTTP layer reaches a logger while requests overlap (`tests/process/log_guard.rs`:
//!   `the_application_keeps_its_logging`, with reassembled dump rows); no signed URL's query, no
//!   URL's user info and no proxy's user name reaches one under any filter, `debug` and
//!   `trace` included (`tests/process/log_filters.rs`:
//!   `signed_urls_and_user_names_stay_out_of_every_log_line`).
//! - **Text from elsewhere is shown safely.** Control characters and line separators from a
//!   server, a URL or a webhook payload are escaped in every message ([`printable`]), so no
//!   such text can forge a line; the raw text stays in [`ApiError`] (`tests/suite/promises.rs`:
//!   `control_characters_from_the_server_are_escaped`; `tests/suite/receiver.rs`:
//!   `payload_text_cannot_forge_output_lines`, in `webhooks` builds).
//! - **A download leaves a whole file or none.** A failed, cut or cancelled download removes
//!   its temporary file, which is created before anything is sent and named
//!   `.sunco-XXXXXXXX.part` whatever the target's name (`tests/suite/files.rs`:
//!   `a_cut_or_slow_download_leaves_no_file`, `a_cancelled_download_ends_and_leaves_no_file`,
//!   `any_name_the_file_system_takes_works`; `SIGINT` and `SIGTERM` in the example CLI:
//!   `tests/suite/cli.rs`: `an_interrupted_download_leaves_no_file_and_says_by_what`). A process
//!   killed outright (`SIGKILL`, a power cut) can leave that temporary file: nothing can
//!   remove it then.
//! - **An error says whether anything was sent.** [`Error::InvalidInput`] means nothing was;
//!   a redirect refused after a request was sent is [`Error::Redirect`]
//!   (`tests/suite/files.rs`: `refused_redirects_are_failed_calls`; `tests/suite/cli.rs`:
//!   `a_refused_redirect_is_a_failed_call`).
//! - **No panic** on any input or any answer (`tests/suite/adversarial.rs`, `tests/suite/ids.rs`, and
//!   `codegen/tests/generator.rs`: `mangled_documents_never_panic`).
//! - **Nothing sent twice where that could do harm.** An upload that may have been stored is
//!   never sent again; a delete retried after a lost answer that finds the attachment gone
//!   reports success while a `404` about anything else stays an error; an error after which
//!   the request may have been processed says so ([`Error::may_have_been_processed`]) and is
//!   not [`Error::is_retryable`] for an upload (`tests/suite/promises.rs`:
//!   `an_upload_that_may_have_been_stored_is_never_sent_again`,
//!   `an_upload_whose_answer_never_came_is_not_retryable`,
//!   `a_404_about_something_else_after_a_lost_answer_stays_an_error`,
//!   `a_delete_whose_answer_was_lost_is_a_success`; `tests/process/soak.rs`).
//! - **Empty successes are successes** (`tests/suite/promises.rs`: `empty_successes_are_successes`,
//!   `a_cookie_without_a_body_keeps_its_set_cookie`).
//! - **The host's global state is left alone**, the log level included
//!   (`tests/process/log_guard.rs`: `the_application_keeps_its_logging`; `tests/process/soak.rs`).
//!
//! # Logging
//!
//! The crate logs through the [`log`](https://docs.rs/log) facade: one debug line per request
//! (method, route with ids, status, elapsed time, attempt) and one per retry; nothing secret at
//! any level.
//!
//! ureq's HTTP layer hex-dumps every byte at trace level under the `ureq_proto` targets,
//! credentials included, and when its `ureq::util` target is enabled at trace, its debug lines
//! show each URL's query (a signed URL's signature) and a redirect's `Location` in full. Filter
//! ureq's targets at debug — with `env_logger`: `RUST_LOG=trace,ureq=debug,ureq_proto=debug` —
//! and the client never touches logging. If your logger would print any of that, the client
//! asks it (`Log::enabled`), warns once with the filter to add, and holds the process-wide
//! maximum level at debug while its requests are in flight (at info for a proxy with a user
//! name, whose first letter ureq's `ureq::pool` debug lines show); a level you set meanwhile is
//! never overwritten (unless it is the held level itself, which the client cannot tell from its
//! own setting). [`ClientBuilder::allow_transport_trace`] lets everything through.
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
//! The crate then has exactly the operations of that document (the Attachments ones, or all
//! of them with `full-api`): each generated operation sets `cfg(sunco_op = "<method name>")`
//! and each helper it enables `cfg(sunco_helper = "<helper>")`, so a helper is compiled only
//! when its operation exists. [`OPENAPI_VERSION`] and [`operations::OPERATION_IDS`] tell which
//! document a build came from. A document the generator cannot use stops the build with a
//! message naming the file and the JSON pointer; known quirks are repaired with a build
//! warning naming the pointer.
//!
//! # How it fits together
//!
//! The README's "How it fits together" pictures the path from the document to the wire: the
//! generator's steps, the generated code (which uses this crate's public API and a hidden
//! runtime surface named for it, nothing else), the client, and the one request path where
//! every call's deadline and retries are decided.
//!
//! The per-operation knowledge the document does not carry (which operations are harmless to
//! repeat, which answers carry secrets, which models are replaced by the crate's own types,
//! which parameters take [`Access`] and [`For`], which helper an operation enables, which
//! lists page backwards) is one reviewed table in the generator, `codegen/src/facts.rs`; it
//! reaches run time as the generated `OperationInfo` of each operation.
//!
//! # Cargo features
//!
//! - `full-api`: generate every operation of the document with their models, request
//!   builders and pagination, not only the Attachments ones.
//! - `webhooks` (part of `full-api`): the typed webhook payload of the document's
//!   `x-webhooks`, in `webhooks`.
//! - `mock`: the typed httpmock helpers in [`mock`](crate#testing-your-code).
//! - `native-tls`: TLS through the platform's library and roots instead of rustls.
//! - `platform-verifier`: rustls with the platform's certificate verifier and roots instead of
//!   the bundled Mozilla roots.
//! - `tracing`: one [tracing](https://docs.rs/tracing) span per call
//!   (`sunshine_conversations.call`) and one per attempt (`sunshine_conversations.attempt`),
//!   with OpenTelemetry's HTTP field names: `http.request.method`, `url.template` (the route
//!   with its ids not expanded), `server.address`, `server.port`,
//!   `http.response.status_code`, `http.request.resend_count`, `error.type`, and
//!   `sunshine_conversations.operation` and `sunshine_conversations.request_id`. No field
//!   holds a secret, an id of the route or a query. `log` stays where the debug lines go.
//! - `unstable-ureq`: an escape hatch to ureq itself ([`ClientBuilder`]'s
//!   `unstable_ureq_agent`, [`TransportError`]'s `unstable_ureq_error`, the `unstable_ureq`
//!   re-export). ureq's types follow ureq's versions, not this crate's.
//!
//! By default TLS is rustls with bundled Mozilla roots: no system dependency, the same roots
//! everywhere. Pick `platform-verifier` when a corporate CA is installed in the system store,
//! `native-tls` when policy requires the platform's TLS library.
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
