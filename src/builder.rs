//! Configuring a [`Client`]: where to send requests, which credentials, timeouts, retries and
//! limits. Every setting has a documented default.

use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use ureq::http::{HeaderValue, Uri};
use ureq::{Agent, Proxy};

use crate::auth::{Credentials, JwtScope, Secret};
use crate::client::{Client, Shared};
use crate::error::Error;
use crate::retry::RetryPolicy;

/// The Sunshine Conversations regions for customers who are not licensed Zendesk customers.
/// Zendesk customers use [`ClientBuilder::zendesk_subdomain`] instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Region {
    /// United States: `https://api.smooch.io` (the default).
    #[default]
    Us,
    /// European Union: `https://api.eu-1.smooch.io`.
    Eu,
}

impl Region {
    /// The API host of the region.
    pub fn base_url(self) -> &'static str {
        match self {
            Region::Us => "https://api.smooch.io",
            Region::Eu => "https://api.eu-1.smooch.io",
        }
    }
}

/// Timeouts of one attempt. ureq has none by default: a stalled server would hang a script
/// forever.
///
/// A large upload is never cut off for being slow as long as bytes keep moving: the stall
/// timeout restarts with every read and write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Timeouts {
    /// Opening the connection, TLS included. Default: 10 s.
    ///
    /// Name resolution is left to the system resolver and its own timeouts: with a resolve
    /// timeout, ureq 3.5 starts a thread to resolve the host on every request, pooled
    /// connections included, which costs more than the request itself on a fast network.
    pub connect: Duration,
    /// From the end of the request to the start of the response. Default: 60 s.
    pub response: Duration,
    /// The longest wait for any single read or write of the connection: a stalled body.
    /// Default: 30 s.
    pub stall: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(10),
            response: Duration::from_secs(60),
            stall: Duration::from_secs(30),
        }
    }
}

impl Timeouts {
    /// Sets the connect timeout.
    #[must_use]
    pub fn with_connect(mut self, timeout: Duration) -> Self {
        self.connect = timeout;
        self
    }

    /// Sets the timeout for the response to start.
    #[must_use]
    pub fn with_response(mut self, timeout: Duration) -> Self {
        self.response = timeout;
        self
    }

    /// Sets the stall timeout.
    #[must_use]
    pub fn with_stall(mut self, timeout: Duration) -> Self {
        self.stall = timeout;
        self
    }

    /// The same timeout for every phase.
    pub fn all(timeout: Duration) -> Self {
        Timeouts {
            connect: timeout,
            response: timeout,
            stall: timeout,
        }
    }
}

/// The API's documented maximum attachment size, 50 MB; the default upload limit.
pub const DEFAULT_MAX_UPLOAD_BYTES: u64 = 50 * 1024 * 1024;

/// The default cap on a response body read into memory: 1 MiB.
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 1024 * 1024;

enum Host {
    Region(Region),
    Subdomain(String),
    BaseUrl(String),
}

enum ProxyChoice {
    FromEnvironment,
    Fixed(Option<Proxy>),
}

/// Builds a [`Client`]. Start with [`Client::builder`] or [`ClientBuilder::from_env`].
#[must_use = "a builder does nothing until `build` is called"]
///
/// Defaults: region [`Region::Us`]; no credentials (one of [`basic_auth`](Self::basic_auth),
/// [`bearer_token`](Self::bearer_token) or [`jwt`](Self::jwt) is required); no app id;
/// [`Timeouts::default`]; [`RetryPolicy::default`]; uploads up to
/// [`DEFAULT_MAX_UPLOAD_BYTES`]; responses up to [`DEFAULT_MAX_RESPONSE_BYTES`]; https required
/// except for loopback hosts; the proxy from the environment (`HTTPS_PROXY`, `ALL_PROXY`, ...),
/// never for loopback hosts.
pub struct ClientBuilder {
    host: Host,
    credentials: Option<Credentials>,
    jwt_lifetime: Option<Duration>,
    app_id: Option<String>,
    timeouts: Timeouts,
    retry: RetryPolicy,
    user_agent_suffix: Option<String>,
    agent: Option<Agent>,
    max_upload_bytes: u64,
    max_response_bytes: u64,
    allow_plain_http: bool,
    allow_transport_trace: bool,
    proxy: ProxyChoice,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let host = match &self.host {
            Host::Region(region) => region.base_url().to_owned(),
            Host::Subdomain(sub) => format!("zendesk subdomain {sub}"),
            Host::BaseUrl(url) => url.clone(),
        };
        let credentials = match &self.credentials {
            None => "none",
            Some(Credentials::Basic { .. }) => "basic ([redacted])",
            Some(Credentials::Bearer(_)) => "bearer ([redacted])",
            Some(Credentials::Jwt { .. }) => "jwt ([redacted])",
        };
        f.debug_struct("ClientBuilder")
            .field("host", &host)
            .field("credentials", &credentials)
            .field("app_id", &self.app_id)
            .field("timeouts", &self.timeouts)
            .field("retry", &self.retry)
            .field("max_upload_bytes", &self.max_upload_bytes)
            .field("max_response_bytes", &self.max_response_bytes)
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
            user_agent_suffix: None,
            agent: None,
            max_upload_bytes: DEFAULT_MAX_UPLOAD_BYTES,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            allow_plain_http: false,
            allow_transport_trace: false,
            proxy: ProxyChoice::FromEnvironment,
        }
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl ClientBuilder {
    /// A builder configured from the environment:
    ///
    /// - `SUNCO_KEY_ID`, `SUNCO_KEY_SECRET`: the API key (required);
    /// - `SUNCO_AUTH`: `basic` (default) or `jwt` (app-scoped tokens signed locally);
    /// - `SUNCO_APP_ID`: the app the attachment helpers work on;
    /// - the host: `SUNCO_BASE_URL`, else `SUNCO_SUBDOMAIN` (Zendesk), else
    ///   `SUNCO_REGION=us|eu` (default `us`);
    /// - `SUNCO_TIMEOUT_SECS`: one timeout for every phase (see [`Timeouts::all`]);
    /// - `SUNCO_MAX_UPLOAD_BYTES`: the upload limit (see
    ///   [`max_upload_bytes`](Self::max_upload_bytes)).
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
        if let Some(secs) = env("SUNCO_TIMEOUT_SECS") {
            let secs: u64 = secs.trim().parse().map_err(|_| {
                Error::invalid("SUNCO_TIMEOUT_SECS", "must be a whole number of seconds")
            })?;
            builder = builder.timeouts(Timeouts::all(Duration::from_secs(secs.max(1))));
        }
        if let Some(limit) = env("SUNCO_MAX_UPLOAD_BYTES") {
            let limit: u64 = limit.trim().parse().map_err(|_| {
                Error::invalid("SUNCO_MAX_UPLOAD_BYTES", "must be a whole number of bytes")
            })?;
            builder = builder.max_upload_bytes(limit);
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
    /// [`allow_plain_http`](Self::allow_plain_http) is set.
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
    /// other credentials, [`build`](Self::build) fails.
    pub fn jwt_lifetime(mut self, lifetime: Duration) -> Self {
        self.jwt_lifetime = Some(lifetime);
        self
    }

    /// The app the attachment helpers ([`Client::upload`] and friends) work on.
    pub fn app_id(mut self, app_id: impl Into<String>) -> Self {
        self.app_id = Some(app_id.into());
        self
    }

    /// Sets the timeouts. Default: [`Timeouts::default`].
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

    /// Appends `suffix` to the `User-Agent` header
    /// (`sunshine-conversations-client/<version> <suffix>`).
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent_suffix = Some(suffix.into());
        self
    }

    /// Uses your own ureq agent (its connection pool, TLS and proxy settings). Each request
    /// still overrides what this client relies on: status codes are not errors, redirects are
    /// not followed, and the client's timeouts apply.
    pub fn agent(mut self, agent: Agent) -> Self {
        self.agent = Some(agent);
        self
    }

    /// The largest upload accepted, checked before sending. Default:
    /// [`DEFAULT_MAX_UPLOAD_BYTES`] (the API's documented maximum).
    pub fn max_upload_bytes(mut self, limit: u64) -> Self {
        self.max_upload_bytes = limit;
        self
    }

    /// The largest response body read. Default: [`DEFAULT_MAX_RESPONSE_BYTES`].
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

    /// Lets ureq's trace-level hex dumps of every byte sent and received through, the
    /// `Authorization` header and media tokens included. Default: off — while a request is in
    /// flight the process-wide log level is held at debug (see the crate docs on logging).
    pub fn allow_transport_trace(mut self, allow: bool) -> Self {
        self.allow_transport_trace = allow;
        self
    }

    /// Uses this proxy (or none) instead of the one from the environment.
    pub fn proxy(mut self, proxy: Option<Proxy>) -> Self {
        self.proxy = ProxyChoice::Fixed(proxy);
        self
    }

    /// Checks the configuration and builds the client. Fails with
    /// [`Error::InvalidInput`] for a bad base URL, plain http to a remote host, missing or
    /// malformed credentials, or a bad user agent suffix.
    pub fn build(self) -> Result<Client, Error> {
        let base_url = match self.host {
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
        let uri: Uri = base_url
            .parse()
            .map_err(|e| Error::invalid("base URL", format!("`{base_url}` is not a URL: {e}")))?;
        if uri.authority().is_some_and(|a| a.as_str().contains('@')) {
            return Err(Error::invalid(
                "base URL",
                "must not carry credentials (`user:password@`); use basic_auth, bearer_token or \
                 jwt (the URL is not shown)",
            ));
        }
        let scheme = uri.scheme_str().unwrap_or("");
        let host = uri.host().unwrap_or("");
        if !matches!(scheme, "http" | "https") || host.is_empty() {
            return Err(Error::invalid(
                "base URL",
                format!("`{base_url}` must be an absolute http(s) URL with a host"),
            ));
        }
        if uri.query().is_some() || base_url.contains('#') {
            return Err(Error::invalid(
                "base URL",
                "must not contain a query or fragment",
            ));
        }
        let loopback = is_loopback(host);
        if scheme == "http" && !loopback && !self.allow_plain_http {
            return Err(Error::invalid(
                "base URL",
                format!(
                    "`{base_url}` uses plain http to a remote host, which would send credentials \
                     unencrypted; use https (or allow_plain_http for a TLS-terminating proxy)"
                ),
            ));
        }

        let mut credentials = self.credentials.ok_or_else(|| {
            Error::invalid(
                "credentials",
                "none configured; call basic_auth, bearer_token or jwt on the builder",
            )
        })?;
        if let Some(wanted) = self.jwt_lifetime {
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
            check_app_id(app_id)?;
        }

        let proxy = match self.proxy {
            ProxyChoice::Fixed(proxy) => proxy,
            ProxyChoice::FromEnvironment if loopback => None,
            ProxyChoice::FromEnvironment => Proxy::try_from_env(),
        };
        let (agent, own_agent) = match self.agent {
            Some(agent) => (agent, false),
            None => {
                let config = crate::client::relied_on!(Agent::config_builder(), self.timeouts)
                    .tls_config(tls_config())
                    .proxy(proxy)
                    .build();
                (config.new_agent(), true)
            }
        };

        Ok(Client::from_parts(
            Arc::new(Shared {
                agent,
                own_agent,
                base_url,
                user_agent,
                app_id: self.app_id,
                timeouts: self.timeouts,
                retry: self.retry,
                max_upload_bytes: self.max_upload_bytes,
                max_response_bytes: self.max_response_bytes,
                allow_transport_trace: self.allow_transport_trace,
            }),
            Arc::new(auth),
        ))
    }
}

/// TLS as the crate features ask: rustls with bundled Mozilla roots by default, the platform's
/// verifier with `platform-verifier`, the platform's TLS library and roots with `native-tls`.
fn tls_config() -> ureq::tls::TlsConfig {
    #[allow(unused_mut)] // mutated only under some TLS features
    let mut tls = ureq::tls::TlsConfig::builder();
    #[cfg(feature = "native-tls")]
    {
        tls = tls
            .provider(ureq::tls::TlsProvider::NativeTls)
            .root_certs(ureq::tls::RootCerts::PlatformVerifier);
    }
    #[cfg(all(feature = "platform-verifier", not(feature = "native-tls")))]
    {
        tls = tls.root_certs(ureq::tls::RootCerts::PlatformVerifier);
    }
    tls.build()
}

/// An app id must be able to stand as one path segment: not empty, not `.` or `..`, and free
/// of control characters (the same rule every path parameter follows).
pub(crate) fn check_app_id(app_id: &str) -> Result<(), Error> {
    if app_id.is_empty() || app_id == "." || app_id == ".." || app_id.chars().any(char::is_control)
    {
        return Err(Error::invalid(
            "app id",
            "must be non-empty, not `.` or `..`, and free of control characters",
        ));
    }
    Ok(())
}

/// `localhost`, `127.0.0.0/8` and `::1`.
pub(crate) fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
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

    #[test]
    fn loopback_hosts() {
        assert!(is_loopback("127.0.0.1"));
        assert!(is_loopback("[::1]"));
        assert!(is_loopback("LOCALHOST"));
        assert!(!is_loopback("10.0.0.1"));
        assert!(!is_loopback("example.com"));
    }
}
