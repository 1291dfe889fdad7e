//! The client handle: its settings, its credentials and its transport, shared by every clone.
//! Every call goes through the one request loop, `call::run`, and from there through the
//! transport (`call/transport.rs`) to the wire. Its modules configure it: the builder, the
//! settings every request reads, credentials, TLS and proxies.

pub(crate) mod auth;
pub(crate) mod builder;
pub(crate) mod config;
pub(crate) mod proxy;
pub(crate) mod tls;

use std::fmt;
use std::sync::Arc;

use crate::call::transport::Transport;
use crate::client::auth::{Auth, Credentials, Secret};
use crate::client::config::{Config, check_id};
use crate::error::Error;

/// A blocking client for the Sunshine Conversations API.
///
/// Cheap to clone: clones share one connection pool. `Send + Sync`, so one client can serve
/// every thread of a program. Build it with [`Client::builder`] or [`Client::from_env`].
///
/// The generated operations (one method per operation of the OpenAPI document, e.g.
/// [`Client::upload_attachment`]) take every parameter the document defines; the helpers
/// ([`Client::upload`], [`Client::delete`], `Client::media_tokens`,
/// `Client::media_cookie`) take the app id from the client and return plain values.
#[derive(Clone)]
pub struct Client {
    config: Arc<Config>,
    auth: Arc<Auth>,
    transport: Arc<Transport>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.config.base_url)
            .field("app_id", &self.config.app_id)
            .field("auth", &self.auth)
            .field("timeouts", &self.config.timeouts)
            .field("retry", &self.config.retry)
            .finish_non_exhaustive()
    }
}

impl Client {
    pub(crate) fn new(config: Config, auth: Auth, transport: Transport) -> Client {
        Client {
            config: Arc::new(config),
            auth: Arc::new(auth),
            transport: Arc::new(transport),
        }
    }

    /// The base URL requests go to, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.config.base_url
    }

    /// The app id the attachment helpers use, if one was configured.
    pub fn app_id(&self) -> Option<&str> {
        self.config.app_id.as_deref()
    }

    /// A client sharing this one's connections and settings that works on another app.
    pub fn with_app_id(&self, app_id: impl Into<String>) -> Result<Client, Error> {
        let app_id = app_id.into();
        check_id("app id", &app_id)?;
        let config = Config {
            app_id: Some(app_id),
            ..Config::clone(&self.config)
        };
        Ok(Client {
            config: Arc::new(config),
            auth: Arc::clone(&self.auth),
            transport: Arc::clone(&self.transport),
        })
    }

    /// A client sharing this one's connections and settings that authenticates with `token`
    /// as a bearer token (used to send a media token to the cookie endpoint).
    pub fn with_bearer_token(&self, token: impl Into<Secret>) -> Result<Client, Error> {
        let auth = Credentials::Bearer(token.into()).into_auth()?;
        Ok(Client {
            config: Arc::clone(&self.config),
            auth: Arc::new(auth),
            transport: Arc::clone(&self.transport),
        })
    }

    /// A client sharing this one's connections, settings and limits whose every call gets
    /// `options` (a deadline of its own, extra headers, a [`CancelToken`](crate::CancelToken)):
    /// the generated operations and the helpers alike. This client is left as it is. A setting
    /// that cannot be sent is refused here, with nothing sent.
    ///
    /// ```no_run
    /// # use sunshine_conversations_client::{Client, RequestOptions};
    /// # let client = Client::from_env()?;
    /// let quick = client.with_options(
    ///     RequestOptions::new()
    ///         .timeout(std::time::Duration::from_secs(5))
    ///         .header("x-correlation-id", "order-4711"),
    /// )?;
    /// quick.delete("https://media.smooch.io/apps/.../photo.png")?;
    /// # Ok::<(), sunshine_conversations_client::Error>(())
    /// ```
    pub fn with_options(&self, options: crate::RequestOptions) -> Result<Client, Error> {
        options.check()?;
        let config = Config {
            options,
            ..Config::clone(&self.config)
        };
        Ok(Client {
            config: Arc::new(config),
            auth: Arc::clone(&self.auth),
            transport: Arc::clone(&self.transport),
        })
    }

    /// The configured app id, or the error that says how to set one. The attachment helpers
    /// ask for it, and a document may have none of their operations.
    #[cfg_attr(
        not(any(
            sunco_helper = "upload",
            sunco_helper = "delete",
            sunco_helper = "media_tokens",
            sunco_helper = "media_cookie"
        )),
        allow(dead_code)
    )]
    pub(crate) fn require_app_id(&self) -> Result<&str, Error> {
        self.app_id().ok_or_else(|| {
            Error::invalid(
                "app id",
                "none configured; call app_id on the builder or set SUNCO_APP_ID",
            )
        })
    }

    pub(crate) fn config(&self) -> &Config {
        &self.config
    }

    pub(crate) fn auth(&self) -> &Auth {
        &self.auth
    }

    pub(crate) fn transport(&self) -> &Transport {
        &self.transport
    }
}
