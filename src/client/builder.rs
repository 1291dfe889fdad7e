//! Configuring a [`Client`]: where to send requests, which credentials, timeouts, retries,
//! limits and proxy. Every setting has a documented default; [`ClientBuilder::build`] checks
//! them all and produces the client's one [`Config`] record.

use std::fmt;
use std::time::Duration;

use ureq::http::{HeaderValue, Uri};

use crate::call::retry::RetryPolicy;
use crate::call::transport::Transport;
use crate::client::Client;
use crate::client::auth::{Credentials, JwtScope, Secret};
use crate::client::config::{
    Config, DEFAULT_MAX_DOWNLOAD_BYTES, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_UPLOAD_BYTES,
    MAX_TIMEOUT, Region, Timeouts, check_id, is_loopback,
};
use crate::error::Error;
use crate::safe_text::redact_url;

/// The shortest JWT lifetime accepted: 10 s. A token is signed again when a tenth of its
/// lifetime (at least a second) is left; shorter tokens would be signed for every request and
/// could expire in flight.
pub const MIN_JWT_LIFETIME: Duration = Duration::from_secs(10);

/// The longest JWT lifetime accepted: 365 days (no lifetime at all is the default).
pub const MAX_JWT_LIFETIME: Duration = Duration::from_secs(365 * 24 * 60 * 60);

impl Client {
    /// A builder with the defaults described on [`ClientBuilder`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from the `SUNCO_*` environment variables: see
    /// [`ClientBuilder::from_env`].
    pub fn from_env() -> Result<Client, Error> {
        ClientBuilder::from_env()?.build()
    }
}

enum Host {
    Region(Region),
    Subdomain(String),
    BaseUrl(String),
}

enum ProxyChoice {
    FromEnvironment,
    None,
    Url(String),
}

/// Builds a [`Client`]. Start with [`Client::builder`] or [`ClientBuilder::from_env`].
///
/// Defaults: region [`Region::Us`]; no credentials (one of [`basic_auth`](Self::basic_auth),
/// [`bearer_token`](Self::bearer_token) or [`jwt`](Self::jwt) is required); no app id;
/// [`Timeouts::default`]; [`RetryPolicy::default`]; uploads up to
/// [`DEFAULT_MAX_UPLOAD_BYTES`]; downloads up to [`DEFAULT_MAX_DOWNLOAD_BYTES`]; responses up to
/// [`DEFAULT_MAX_RESPONSE_BYTES`]; https required
/// except for loopback hosts; the proxy from the environment (`HTTPS_PROXY`, `ALL_PROXY`, ...),
/// never for loopback hosts.
///
/// What the built client promises is listed in the crate docs, [What this client
/// promises](crate#what-this-client-promises).
#[must_use = "a builder does nothing until `build` is called"]
pub struct ClientBuilder {
    host: Host,
    credentials: Option<Credentials>,
    jwt_lifetime: Option<Duration>,
    app_id: Option<String>,
    timeouts: Timeouts,
    retry: RetryPolicy,
    max_requests_per_second: Option<u32>,
    user_agent_suffix: Option<String>,
    #[cfg(feature = "unstable-ureq")]
    agent: Option<ureq::Agent>,
    max_upload_bytes: u64,
    max_download_bytes: u64,
    max_response_bytes: u64,
    allow_plain_http: bool,
    allow_transport_trace: bool,
    proxy: ProxyChoice,
    /// PEM text of root certificates trusted besides the bundled ones.
    extra_roots: Vec<crate::client::tls::RootsPem>,
}

/// Shows the settings; credentials and any user info in URLs are never shown.
impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let host = match &self.host {
            Host::Region(region) => region.base_url().to_owned(),
            Host::Subdomain(sub) => format!("zendesk subdomain {sub}"),
            Host::BaseUrl(url) => redact_url(url),
        };
        let credentials = match &self.credentials {
            None => "none",
            Some(Credentials::Basic { .. }) => "basic ([redacted])",
            Some(Credentials::Bearer(_)) => "bearer ([redacted])",
            Some(Credentials::Jwt { .. }) => "jwt ([redacted])",
        };
        let proxy = match &self.proxy {
            ProxyChoice::FromEnvironment => "from the environment".to_owned(),
            ProxyChoice::None => "none".to_owned(),
            ProxyChoice::Url(url) => redact_url(url),
        };
        f.debug_struct("ClientBuilder")
            .field("host", &host)
            .field("credentials", &credentials)
            .field("app_id", &self.app_id)
            .field("timeouts", &self.timeouts)
            .field("retry", &self.retry)
            .field("max_upload_bytes", &self.max_upload_bytes)
            .field("max_download_bytes", &self.max_download_bytes)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("proxy", &proxy)
            .field("extra_roots", &self.extra_roots.len())
            .finish_non_exhaustive()
    }
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            host: Host::Region(Region::Us),
            credentials: None,
            jwt_lifetime: None,
            app_id: None,
            timeouts: Timeouts::default(),
            retry: RetryPolicy::default(),
            max_requests_per_second: None,
            user_agent_suffix: None,
            #[cfg(feature = "unstable-ureq")]
            agent: None,
            max_upload_bytes: DEFAULT_MAX_UPLOAD_BYTES,
            max_download_bytes: DEFAULT_MAX_DOWNLOAD_BYTES,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            allow_plain_http: false,
            allow_transport_trace: false,
            proxy: ProxyChoice::FromEnvironment,
            extra_roots: Vec::new(),
        }
    }
}

/// A `SUNCO_*` variable, unless unset or blank.
fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// A `SUNCO_*` variable holding a whole number within `range`; the error names the variable.
fn env_number(
    name: &str,
    unit: &str,
    range: std::ops::RangeInclusive<u64>,
) -> Result<Option<u64>, Error> {
    let Some(text) = env(name) else {
        return Ok(None);
    };
    match text.trim().parse::<u64>() {
        Ok(value) if range.contains(&value) => Ok(Some(value)),
        _ => Err(Error::invalid(
            name,
            format!(
                "must be a whole number of {unit} from {} to {}",
                range.start(),
                range.end()
            ),
        )),
    }
}

impl ClientBuilder {
    /// A builder configured from the environment:
    ///
    /// - `SUNCO_KEY_ID`, `SUNCO_KEY_SECRET`: the API key (required);
    /// - `SUNCO_AUTH`: `basic` (default) or `jwt` (app-scoped tokens signed locally);
    /// - `SUNCO_APP_ID`: the app the attachment helpers work on;
    /// - the host: `SUNCO_BASE_URL`, else `SUNCO_SUBDOMAIN` (Zendesk), else
    ///   `SUNCO_REGION=us|eu` (default `us`);
    /// - `SUNCO_TIMEOUT_SECS`: 1 to 604800; one timeout for connecting, the response, stalls
    ///   and the deadline of a call without a file (see [`Timeouts::all`]): such a call ends
    ///   within about that many seconds;
    /// - `SUNCO_MAX_UPLOAD_BYTES`: the upload limit (see
    ///   [`max_upload_bytes`](Self::max_upload_bytes));
    /// - `SUNCO_MAX_DOWNLOAD_BYTES`: the download limit (see
    ///   [`max_download_bytes`](Self::max_download_bytes));
    /// - `SUNCO_CA_FILE`: a PEM file of root certificates to trust besides the bundled ones
    ///   (see [`add_root_certificates_pem`](Self::add_root_certificates_pem)), read now; its
    ///   certificates are checked by [`build`](Self::build), whose error names the variable.
    ///
    /// A variable that cannot be used is an [`Error::InvalidInput`] naming it, except a CA
    /// file that is missing or unreadable, or (from [`build`](Self::build)) holds no
    /// certificate: that is an [`Error::RootCertificates`].
    pub fn from_env() -> Result<ClientBuilder, Error> {
        let required = |name: &str| {
            env(name).ok_or_else(|| {
                Error::invalid(
                    name,
                    "is not set; set it to your Sunshine Conversations API key id and secret",
                )
            })
        };
        let key_id = required("SUNCO_KEY_ID")?;
        let secret = Secret::new(required("SUNCO_KEY_SECRET")?);
        let mut builder = match env("SUNCO_AUTH").as_deref().map(str::to_ascii_lowercase) {
            None => ClientBuilder::default().basic_auth(key_id, secret),
            Some(auth) if auth == "basic" => ClientBuilder::default().basic_auth(key_id, secret),
            Some(auth) if auth == "jwt" => {
                ClientBuilder::default().jwt(key_id, secret, JwtScope::App)
            }
            Some(other) => {
                return Err(Error::invalid(
                    "SUNCO_AUTH",
                    format!("`{other}` is not `basic` or `jwt`"),
                ));
            }
        };
        if let Some(app_id) = env("SUNCO_APP_ID") {
            builder = builder.app_id(app_id);
        }
        if let Some(url) = env("SUNCO_BASE_URL") {
            builder = builder.base_url(url);
        } else if let Some(sub) = env("SUNCO_SUBDOMAIN") {
            builder = builder.zendesk_subdomain(sub);
        } else if let Some(region) = env("SUNCO_REGION") {
            builder = builder.region(match region.to_ascii_lowercase().as_str() {
                "us" => Region::Us,
                "eu" => Region::Eu,
                other => {
                    return Err(Error::invalid(
                        "SUNCO_REGION",
                        format!("`{other}` is not `us` or `eu`"),
                    ));
                }
            });
        }
        if let Some(secs) = env_number("SUNCO_TIMEOUT_SECS", "seconds", 1..=MAX_TIMEOUT.as_secs())?
        {
            builder = builder.timeouts(Timeouts::all(Duration::from_secs(secs)));
        }
        if let Some(limit) = env_number("SUNCO_MAX_UPLOAD_BYTES", "bytes", 1..=u64::MAX)? {
            builder = builder.max_upload_bytes(limit);
        }
        if let Some(limit) = env_number("SUNCO_MAX_DOWNLOAD_BYTES", "bytes", 1..=u64::MAX)? {
            builder = builder.max_download_bytes(limit);
        }
        if let Some(path) = env("SUNCO_CA_FILE") {
            let pem = std::fs::read(&path).map_err(|e| Error::RootCertificates {
                setting: "SUNCO_CA_FILE",
                reason: format!("cannot read {path}: {e}"),
            })?;
            builder.extra_roots.push(crate::client::tls::RootsPem {
                field: "SUNCO_CA_FILE",
                what: path,
                pem,
            });
        }
        Ok(builder)
    }

    /// Sends requests to a region's host.
    pub fn region(mut self, region: Region) -> Self {
        self.host = Host::Region(region);
        self
    }

    /// Sends requests to a Zendesk account's host, `https://{subdomain}.zendesk.com/sc`.
    pub fn zendesk_subdomain(mut self, subdomain: impl Into<String>) -> Self {
        self.host = Host::Subdomain(subdomain.into());
        self
    }

    /// Sends requests to any base URL, e.g. a proxy or a local test server
    /// (`http://127.0.0.1:8080`). Plain `http` is accepted only for loopback hosts unless
    /// [`allow_plain_http`](Self::allow_plain_http) is set. A URL carrying credentials
    /// (`user:password@`) is refused, and never shown.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.host = Host::BaseUrl(url.into());
        self
    }

    /// Authenticates with HTTP Basic: an API key's id and secret.
    pub fn basic_auth(mut self, key_id: impl Into<String>, secret: impl Into<Secret>) -> Self {
        self.credentials = Some(Credentials::Basic {
            key_id: key_id.into(),
            secret: secret.into(),
        });
        self
    }

    /// Authenticates with a bearer token, e.g. a JWT signed elsewhere.
    pub fn bearer_token(mut self, token: impl Into<Secret>) -> Self {
        self.credentials = Some(Credentials::Bearer(token.into()));
        self
    }

    /// Authenticates with HS256 JWTs signed locally from an API key: header `kid` is the key
    /// id, claim `scope` is `scope`. Tokens carry no expiry unless
    /// [`jwt_lifetime`](Self::jwt_lifetime) is set.
    pub fn jwt(
        mut self,
        key_id: impl Into<String>,
        secret: impl Into<Secret>,
        scope: JwtScope,
    ) -> Self {
        self.credentials = Some(Credentials::Jwt {
            key_id: key_id.into(),
            secret: secret.into(),
            scope,
            lifetime: None,
        });
        self
    }

    /// Gives locally signed JWTs (see [`jwt`](Self::jwt)) an `exp` claim `lifetime` after
    /// signing; a token is signed again shortly before it expires. Default: no expiry. With
    /// other credentials, or outside [`MIN_JWT_LIFETIME`] to [`MAX_JWT_LIFETIME`],
    /// [`build`](Self::build) fails.
    pub fn jwt_lifetime(mut self, lifetime: Duration) -> Self {
        self.jwt_lifetime = Some(lifetime);
        self
    }

    /// The app the attachment helpers ([`Client::upload`] and friends) work on.
    pub fn app_id(mut self, app_id: impl Into<String>) -> Self {
        self.app_id = Some(app_id.into());
        self
    }

    /// Sets the timeouts and deadlines. Default: [`Timeouts::default`]. Zero and anything over
    /// [`MAX_TIMEOUT`] are refused by [`build`](Self::build).
    pub fn timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = timeouts;
        self
    }

    /// Sets the retry policy. Default: [`RetryPolicy::default`]; [`RetryPolicy::none`] turns
    /// retries off.
    pub fn retry_policy(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Spaces this client's requests evenly, at most `n` a second, whichever thread of whichever
    /// clone sends them: one request every `1/n` s, with no burst allowance (a client idle for
    /// a while still sends one request per turn). Set it to the service's quota and threads
    /// keep under it instead of meeting `429`s. The spacing is 2 % wider than `1/n` s, so that
    /// a server's one-second window, which sees the requests with the network's jitter, counts
    /// `n` at most. A turn taken before a server's `429` waits out its `Retry-After` too. A
    /// call waits its turn within its deadline; one whose deadline would pass before its turn
    /// fails at once with [`Error::Timeout`](crate::Error::Timeout), sending nothing, and a
    /// call cancelled while it waits gives its turn to the next caller. Default: off. Zero is
    /// refused by [`build`](Self::build).
    pub fn max_requests_per_second(mut self, n: u32) -> Self {
        self.max_requests_per_second = Some(n);
        self
    }

    /// Appends `suffix` to the `User-Agent` header
    /// (`sunshine-conversations-client/<version> <suffix>`).
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent_suffix = Some(suffix.into());
        self
    }

    /// Sends every request through your own ureq agent (its connection pool, TLS and proxy).
    ///
    /// What still applies: every timeout and deadline of [`Timeouts`], status codes handled by
    /// this client (never as ureq errors), an API call's redirects never followed (a download's followed as
    /// [`Client::download`] says), retries, limits,
    /// authentication and the log guard. What does not: [`proxy`](Self::proxy) and
    /// [`no_proxy`](Self::no_proxy) (combining them with an agent fails in
    /// [`build`](Self::build)), and the TLS features of this crate (the agent's own TLS
    /// settings are used).
    ///
    /// ureq's types follow ureq's versions, not this crate's: this method exists with the
    /// `unstable-ureq` feature only, and may change with any ureq release.
    #[cfg(feature = "unstable-ureq")]
    #[cfg_attr(docsrs, doc(cfg(feature = "unstable-ureq")))]
    pub fn unstable_ureq_agent(mut self, agent: ureq::Agent) -> Self {
        self.agent = Some(agent);
        self
    }

    /// The largest upload accepted, checked before sending. Default:
    /// [`DEFAULT_MAX_UPLOAD_BYTES`] (the API's documented maximum). Zero is refused by
    /// [`build`](Self::build).
    pub fn max_upload_bytes(mut self, limit: u64) -> Self {
        self.max_upload_bytes = limit;
        self
    }

    /// The largest download accepted ([`Client::download`]): a larger one is refused without
    /// writing past the limit. Default: [`DEFAULT_MAX_DOWNLOAD_BYTES`]. Zero is refused by [`build`](Self::build).
    pub fn max_download_bytes(mut self, limit: u64) -> Self {
        self.max_download_bytes = limit;
        self
    }

    /// The largest response body read. Default: [`DEFAULT_MAX_RESPONSE_BYTES`]. Zero is
    /// refused by [`build`](Self::build).
    pub fn max_response_bytes(mut self, limit: u64) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// Accepts a plain `http` base URL for a non-loopback host, for deployments behind a
    /// TLS-terminating proxy. Credentials then cross the network unencrypted. Default: off.
    pub fn allow_plain_http(mut self, allow: bool) -> Self {
        self.allow_plain_http = allow;
        self
    }

    /// Lets ureq's own log lines through whatever they show, when the application's logger
    /// would print them: the trace-level hex dumps of every byte sent and received (the
    /// `Authorization` header and media tokens included), signed URLs' queries, and the first
    /// letter of a proxy's user name. Default: off.
    ///
    /// While it is off, the client asks the application's logger (`Log::enabled`) whether it
    /// would print any of that: ureq's `ureq_proto` targets at trace (the byte dumps), its
    /// `ureq::util` target at trace (each URL's query, a redirect's `Location` in full), its
    /// `ureq::pool` debug lines when a proxy has a user name. Filter ureq's targets at debug
    /// (with `env_logger`: `RUST_LOG=trace,ureq=debug,ureq_proto=debug`) and the client never
    /// touches logging. Otherwise it warns once with the filter to add, and holds the
    /// process-wide maximum level at debug (at info for a proxy with a user name) while its
    /// requests are in flight, then puts back the level it found; a level the application sets
    /// meanwhile is never overwritten (unless it is the held level itself, which the client
    /// cannot tell from its own setting).
    pub fn allow_transport_trace(mut self, allow: bool) -> Self {
        self.allow_transport_trace = allow;
        self
    }

    /// Sends every request through this proxy instead of the one from the environment:
    /// `http://host:port` or `https://...` (HTTP `CONNECT`), `socks4://...`, `socks4a://...`,
    /// `socks5://...` or `socks5h://...` (the proxy resolves the host), with optional
    /// `user:password@` (never shown). An unusable URL fails in [`build`](Self::build).
    ///
    /// Without this, the proxy comes from the environment: `HTTPS_PROXY` for an https base
    /// URL, `http_proxy` or `HTTP_PROXY` for plain http (`HTTP_PROXY` is ignored in a CGI
    /// program, where a request header can set it), else `ALL_PROXY`; `NO_PROXY` is honoured,
    /// and loopback hosts are always reached directly. A variable that is set but unusable
    /// fails in [`build`](Self::build) naming it.
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = ProxyChoice::Url(url.into());
        self
    }

    /// Trusts the root certificates in `pem` (one or more `-----BEGIN CERTIFICATE-----`
    /// blocks) besides the bundled Mozilla roots: a company CA that re-signs TLS at a proxy, or
    /// the CA of a private deployment. May be called more than once. Text with no certificate
    /// in it, or a certificate that does not parse, fails in [`build`](Self::build).
    ///
    /// With the `platform-verifier` or `native-tls` feature, extra roots replace the
    /// platform's roots by the bundled roots plus these (a CA installed in the system store
    /// needs no extra root there).
    pub fn add_root_certificates_pem(mut self, pem: impl AsRef<[u8]>) -> Self {
        let what = format!("PEM text {}", self.extra_roots.len() + 1);
        self.extra_roots.push(crate::client::tls::RootsPem {
            field: "root certificates",
            what,
            pem: pem.as_ref().to_vec(),
        });
        self
    }

    /// Uses no proxy, whatever the environment says.
    pub fn no_proxy(mut self) -> Self {
        self.proxy = ProxyChoice::None;
        self
    }

    /// Checks the configuration and builds the client. Fails with [`Error::InvalidInput`] for
    /// a bad base URL, plain http to a remote host, missing or malformed credentials, a bad
    /// user agent suffix, an app id that cannot be a path segment, a zero or over-long
    /// timeout, or a bad proxy URL. Nothing is sent.
    pub fn build(self) -> Result<Client, Error> {
        let (base_url, uri) = base_url(self.host, self.allow_plain_http)?;
        self.timeouts.check()?;

        let mut credentials = self.credentials.ok_or_else(|| {
            Error::invalid(
                "credentials",
                "none configured; call basic_auth, bearer_token or jwt on the builder",
            )
        })?;
        if let Some(wanted) = self.jwt_lifetime {
            if !(MIN_JWT_LIFETIME..=MAX_JWT_LIFETIME).contains(&wanted) {
                return Err(Error::invalid(
                    "jwt lifetime",
                    format!(
                        "{:?} is outside {} s to {} s (a shorter token would be signed again for \
                         every request, a longer one is no expiry at all)",
                        wanted,
                        MIN_JWT_LIFETIME.as_secs(),
                        MAX_JWT_LIFETIME.as_secs()
                    ),
                ));
            }
            match &mut credentials {
                Credentials::Jwt { lifetime, .. } => *lifetime = Some(wanted),
                _ => {
                    return Err(Error::invalid(
                        "jwt lifetime",
                        "applies to locally signed JWTs only (the jwt credentials)",
                    ));
                }
            }
        }
        let auth = credentials.into_auth()?;

        let mut user_agent = format!(
            "sunshine-conversations-client/{}",
            env!("CARGO_PKG_VERSION")
        );
        if let Some(suffix) = &self.user_agent_suffix {
            user_agent.push(' ');
            user_agent.push_str(suffix);
        }
        let user_agent = HeaderValue::from_str(&user_agent)
            .map_err(|_| Error::invalid("user agent suffix", "must be printable ASCII"))?;

        if let Some(app_id) = &self.app_id {
            check_id("app id", app_id)?;
        }
        if self.max_requests_per_second == Some(0) {
            return Err(Error::invalid(
                "max requests per second",
                "must be at least 1 (zero would send nothing)",
            ));
        }
        let limits = crate::call::limits::Limits::new(&self.retry, self.max_requests_per_second);
        for (name, limit) in [
            ("upload limit", self.max_upload_bytes),
            ("download limit", self.max_download_bytes),
            ("response limit", self.max_response_bytes),
        ] {
            if limit == 0 {
                return Err(Error::invalid(
                    name,
                    "must be more than zero bytes (zero would refuse every call)",
                ));
            }
        }
        let extra_roots = crate::client::tls::parse_roots(&self.extra_roots)?;

        #[cfg(feature = "unstable-ureq")]
        let proxy_set = !matches!(self.proxy, ProxyChoice::FromEnvironment);
        let proxy = match self.proxy {
            ProxyChoice::None => None,
            ProxyChoice::FromEnvironment => {
                // Both are set: `base_url` checked them.
                let (scheme, host) = (uri.scheme_str().unwrap_or(""), uri.host().unwrap_or(""));
                if is_loopback(host) {
                    None
                } else {
                    crate::client::proxy::from_environment(scheme)?
                }
            }
            ProxyChoice::Url(url) => Some(crate::client::proxy::from_url(&url)?),
        };
        let config = Config {
            base_url,
            base_uri: uri,
            user_agent,
            app_id: self.app_id,
            timeouts: self.timeouts,
            retry: self.retry,
            max_upload_bytes: self.max_upload_bytes,
            max_download_bytes: self.max_download_bytes,
            max_response_bytes: self.max_response_bytes,
            transport_trace: self.allow_transport_trace,
            options: crate::RequestOptions::default(),
        };
        #[cfg(feature = "unstable-ureq")]
        if let Some(agent) = self.agent {
            if proxy_set {
                return Err(Error::invalid(
                    "proxy",
                    "applies to the client's own agent only; configure the proxy on your ureq \
                     agent instead",
                ));
            }
            return Ok(Client::new(config, auth, Transport::caller(agent, limits)));
        }
        let transport = Transport::own(proxy, extra_roots, &config.timeouts, limits);
        Ok(Client::new(config, auth, transport))
    }
}

/// The base URL of a host setting, checked: an absolute http(s) URL with a host, no
/// credentials, query or fragment, and https unless the host is loopback or plain http is
/// allowed; and the URL parsed. Errors never show a URL's user info.
fn base_url(host: Host, allow_plain_http: bool) -> Result<(String, Uri), Error> {
    let base_url = match host {
        Host::Region(region) => region.base_url().to_owned(),
        Host::Subdomain(sub) => {
            let valid = !sub.is_empty()
                && sub.len() <= 63
                && sub.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !sub.starts_with('-')
                && !sub.ends_with('-');
            if !valid {
                return Err(Error::invalid(
                    "zendesk subdomain",
                    "must be letters, digits and inner hyphens, e.g. `acme` for acme.zendesk.com",
                ));
            }
            format!("https://{}.zendesk.com/sc", sub.to_ascii_lowercase())
        }
        Host::BaseUrl(url) => url.trim_end_matches('/').to_owned(),
    };
    let shown = redact_url(&base_url);
    let uri: Uri = base_url
        .parse()
        .map_err(|e| Error::invalid("base URL", format!("`{shown}` is not a URL: {e}")))?;
    if shown != base_url || uri.authority().is_some_and(|a| a.as_str().contains('@')) {
        return Err(Error::invalid(
            "base URL",
            format!(
                "`{shown}` carries credentials (`user:password@`); use basic_auth, bearer_token \
                 or jwt instead"
            ),
        ));
    }
    let scheme = uri.scheme_str().unwrap_or("");
    let host = uri.host().unwrap_or("");
    if !matches!(scheme, "http" | "https") || host.is_empty() {
        return Err(Error::invalid(
            "base URL",
            format!("`{shown}` must be an absolute http(s) URL with a host"),
        ));
    }
    if uri.query().is_some() || base_url.contains('#') {
        return Err(Error::invalid(
            "base URL",
            "must not contain a query or fragment",
        ));
    }
    let loopback = is_loopback(host);
    if scheme == "http" && !loopback && !allow_plain_http {
        return Err(Error::invalid(
            "base URL",
            format!(
                "`{shown}` uses plain http to a remote host, which would send credentials \
                 unencrypted; use https (or allow_plain_http for a TLS-terminating proxy)"
            ),
        ));
    }
    Ok((base_url, uri))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn basic() -> ClientBuilder {
        ClientBuilder::default().basic_auth("app_1", "secret")
    }

    #[test]
    fn hosts() {
        let url = |b: ClientBuilder| b.build().map(|c| c.base_url().to_owned());
        assert_eq!(url(basic()).unwrap(), "https://api.smooch.io");
        assert_eq!(
            url(basic().region(Region::Eu)).unwrap(),
            "https://api.eu-1.smooch.io"
        );
        assert_eq!(
            url(basic().zendesk_subdomain("acme")).unwrap(),
            "https://acme.zendesk.com/sc"
        );
        assert!(url(basic().zendesk_subdomain("a.b/c")).is_err());
        assert_eq!(
            url(basic().base_url("http://127.0.0.1:9/")).unwrap(),
            "http://127.0.0.1:9"
        );
        assert!(url(basic().base_url("http://example.com")).is_err());
        assert!(
            url(basic()
                .base_url("http://example.com")
                .allow_plain_http(true))
            .is_ok()
        );
        assert!(url(basic().base_url("ftp://example.com")).is_err());
        assert!(url(basic().base_url("https://example.com/?a=b")).is_err());
        let with_password = basic().base_url("https://user:hunter2@example.com").build();
        let err = with_password.unwrap_err().to_string();
        assert!(!err.contains("hunter2"), "{err}");
        assert!(basic().app_id("..").build().is_err());
    }

    #[test]
    fn credentials_are_required() {
        assert!(matches!(
            ClientBuilder::default().build(),
            Err(Error::InvalidInput { .. })
        ));
    }
}
