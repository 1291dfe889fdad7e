//! Which hosts may see the client's credentials when it downloads media: the one reviewed
//! place that decides it.
//!
//! A media URL comes from anywhere: an upload's answer, a message a customer sent, a webhook.
//! The client's key (its `Authorization` header) or media cookies are sent with a download
//! only when the URL is on
//!
//! - the API's own origin (scheme, host and port of the base URL): Zendesk accounts serve
//!   attachments there (`https://{subdomain}.zendesk.com/sc/attachments/v2/...`, the document's
//!   own example of a `mediaUrl` since 17.x), and a local stand-in or proxy serves both; or
//! - a media host of [`MEDIA_HOSTS`] for the API's host, over https on its default port;
//!
//! and never over plain http except to a loopback host. Any other URL (a file a customer
//! linked, a CDN) is fetched without credentials, and a redirect to another origin drops them.

use ureq::http::Uri;

use crate::client::config::is_loopback;

/// The media hosts of each API host, with why they may see its credentials. Upload answers of
/// the service carry media URLs on these hosts (`https://media.smooch.io/apps/{appId}/...`);
/// the document's notes since 14.3.4 say an authorization header is required to read them
/// when private attachments are enabled. The header scheme (the same `Authorization` as the
/// API's) follows that note and is not verified against the live service by this crate's
/// tests.
pub(crate) const MEDIA_HOSTS: &[(&str, &str, &str)] = &[
    (
        "api.smooch.io",
        "media.smooch.io",
        "the US region's attachments are served from media.smooch.io",
    ),
    (
        "api.eu-1.smooch.io",
        "media.eu-1.smooch.io",
        "the EU region's attachments are served from media.eu-1.smooch.io",
    ),
];

/// An origin: scheme, lower-case host and port (the scheme's default when absent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Origin {
    pub(crate) scheme: String,
    pub(crate) host: String,
    pub(crate) port: u16,
}

impl Origin {
    /// The origin of an absolute http(s) URL.
    pub(crate) fn of(uri: &Uri) -> Option<Origin> {
        let scheme = uri.scheme_str()?.to_ascii_lowercase();
        let default_port = match scheme.as_str() {
            "https" => 443,
            "http" => 80,
            _ => return None,
        };
        let host = uri.host()?.to_ascii_lowercase();
        if host.is_empty() {
            return None;
        }
        Some(Origin {
            port: uri.port_u16().unwrap_or(default_port),
            scheme,
            host,
        })
    }
}

/// Whether a download from `media` may carry the credentials of a client whose base URL is
/// `base`.
pub(crate) fn may_see_credentials(base: &Uri, media: &Uri) -> bool {
    let (Some(base), Some(media)) = (Origin::of(base), Origin::of(media)) else {
        return false;
    };
    let encrypted = media.scheme == "https" || is_loopback(&media.host);
    let same_origin = base == media;
    // A media host on its scheme's default port only, as the API's origin is matched with
    // its port: another port of the same host may be another service.
    let media_host = media.scheme == "https"
        && media.port == 443
        && MEDIA_HOSTS
            .iter()
            .any(|(api, host, _)| base.host == *api && media.host == *host);
    encrypted && (same_origin || media_host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(base: &str, media: &str) -> bool {
        may_see_credentials(&base.parse().unwrap(), &media.parse().unwrap())
    }

    #[test]
    fn credentials_go_only_where_they_belong() {
        let us = "https://api.smooch.io";
        assert!(allowed(us, "https://media.smooch.io/apps/a/x.png"));
        assert!(allowed(us, "https://api.smooch.io/x"));
        assert!(
            !allowed(us, "http://media.smooch.io/apps/a/x.png"),
            "plain http"
        );
        assert!(
            !allowed(us, "https://media.eu-1.smooch.io/x"),
            "another region's host"
        );
        assert!(!allowed(us, "https://media.smooch.io.evil.example/x"));
        assert!(!allowed(us, "https://evil.example/media.smooch.io"));
        assert!(!allowed(us, "https://api.smooch.io:8443/x"), "another port");
        assert!(
            !allowed(us, "https://media.smooch.io:8443/apps/a/x.png"),
            "another port of a media host"
        );
        assert!(allowed(us, "https://media.smooch.io:443/apps/a/x.png"));
        let eu = "https://api.eu-1.smooch.io";
        assert!(allowed(eu, "https://media.eu-1.smooch.io/x"));
        assert!(!allowed(eu, "https://media.smooch.io/x"));
        let zendesk = "https://acme.zendesk.com/sc";
        assert!(allowed(
            zendesk,
            "https://ACME.zendesk.com/sc/attachments/v2/01J/f.jpeg"
        ));
        assert!(!allowed(
            zendesk,
            "https://other.zendesk.com/sc/attachments/v2/01J/f.jpeg"
        ));
        let local = "http://127.0.0.1:8080";
        assert!(allowed(local, "http://127.0.0.1:8080/media/a.txt"));
        assert!(!allowed(local, "http://127.0.0.1:8081/media/a.txt"));
        let proxied = "http://proxy.internal";
        assert!(
            !allowed(proxied, "http://proxy.internal/x"),
            "plain http to a remote host"
        );
    }
}
