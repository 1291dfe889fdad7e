//! The HTTP agent every call's attempts go through (the loop is `call/mod.rs`'s): the client's own,
//! or a caller's, with the settings the request loop relies on. One attempt is one
//! [`Transport::send`].

use std::time::Duration;

use ureq::Agent;
use ureq::http;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};

use crate::call::Bounds;

/// What the request loop relies on, on a configuration builder of an agent or of one request
/// (two types of ureq's with the same methods): status codes as values, no redirect followed,
/// the client's `timeouts`, and `global` as the bound of the whole request.
macro_rules! loop_settings {
    ($builder:expr, $timeouts:expr, $global:expr) => {{
        let timeouts: &Timeouts = $timeouts;
        $builder
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .timeout_connect(Some(timeouts.connect))
            .timeout_recv_response(Some(timeouts.response))
            .timeout_per_read(Some(timeouts.stall))
            .timeout_per_write(Some(timeouts.stall))
            .timeout_global($global)
    }};
}
use crate::call::limits::Limits;
use crate::client::config::{Config, Timeouts};

/// The HTTP agent.
pub(crate) struct Transport {
    agent: Agent,
    /// Whether the agent is the client's own, whose configuration already holds the client's
    /// timeouts and what the request loop relies on.
    own: bool,
    /// What every clone of the client shares: rate-limit waits, the retry quota, the pace.
    limits: Limits,
}

impl Transport {
    /// The client's own agent: the TLS of the crate features with `extra_roots` trusted too,
    /// `proxy`, and what the request loop relies on (status codes as values, no redirects
    /// followed, the client's timeouts, the usual deadline of a call), so that the first attempt
    /// of a usual call needs no setting of its own.
    pub(crate) fn own(
        proxy: Option<ureq::Proxy>,
        extra_roots: Vec<ureq::tls::Certificate<'static>>,
        timeouts: &Timeouts,
        limits: Limits,
    ) -> Transport {
        let settings = Agent::config_builder()
            .tls_config(crate::client::tls::config(extra_roots))
            .proxy(proxy);
        let settings = loop_settings!(settings, timeouts, Some(timeouts.call)).build();
        let agent = Agent::with_parts(
            settings,
            DefaultConnector::default(),
            SystemResolver::default(),
        );
        Transport {
            agent,
            own: true,
            limits,
        }
    }

    /// A caller's agent (the `unstable-ureq` feature): every request gets the settings the
    /// request loop relies on.
    #[cfg(feature = "unstable-ureq")]
    pub(crate) fn caller(agent: Agent, limits: Limits) -> Transport {
        Transport {
            agent,
            own: false,
            limits,
        }
    }

    /// The limits every clone of the client shares.
    pub(crate) fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Whether requests go through a proxy whose URL has a user name, which ureq's debug lines
    /// show the first letter of (see `log_guard.rs`).
    pub(crate) fn proxy_user(&self) -> bool {
        self.agent
            .config()
            .proxy()
            .is_some_and(|proxy| proxy.username().is_some())
    }

    /// Sends one attempt: `head` with `body`, status codes as values and no redirect followed,
    /// within the client's timeouts and `bounds` (what is left of the call's deadline), the
    /// answer's body read within `recv_body` when given. The first attempt of a usual call
    /// through the client's own agent sends the request as it is: the agent holds all of that
    /// already, and a request with settings of its own carries a copy of the agent's whole
    /// configuration.
    pub(crate) fn send<B: ureq::AsSendBody>(
        &self,
        config: &Config,
        head: http::request::Builder,
        body: B,
        bounds: Bounds,
        recv_body: Option<Duration>,
    ) -> Result<http::Response<ureq::Body>, ureq::Error> {
        let request = head.body(body)?;
        if self.own && bounds.usual && recv_body.is_none() {
            return self.agent.run(request);
        }
        let request = self.agent.configure_request(request);
        let request = loop_settings!(request, &config.timeouts, bounds.remaining)
            .timeout_recv_body(recv_body)
            .build();
        self.agent.run(request)
    }
}

/// Resolves host names on the calling thread. ureq 3.5 resolves the host on every request,
/// pooled connections included, and starts a thread for each lookup whenever a timeout applies
/// to it, which the call's deadline always does: on a fast network that thread costs more than
/// the request itself. The system resolver's own timeouts bound a lookup instead.
#[derive(Debug, Default)]
struct SystemResolver(DefaultResolver);

impl Resolver for SystemResolver {
    fn resolve(
        &self,
        uri: &http::Uri,
        config: &ureq::config::Config,
        _timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        self.0.resolve(uri, config, NextTimeout::default())
    }
}
