//! Which proxy a client uses: the one it was given, or the one the environment names for the
//! scheme of its base URL.
//!
//! ureq's own reading of the environment (`Proxy::try_from_env`) takes the first of
//! `ALL_PROXY`, `HTTPS_PROXY`, `HTTP_PROXY` whatever the target's scheme, skips a value it
//! cannot parse without a word, and takes `HTTP_PROXY` even in a CGI program, where a request's
//! `Proxy:` header arrives as `HTTP_PROXY` ("httpoxy"). This module reads it as curl does:
//!
//! - an `https` base URL uses `HTTPS_PROXY` / `https_proxy`, else `ALL_PROXY` / `all_proxy`;
//!   `HTTP_PROXY` names a proxy for plain-http URLs only and is not used for https;
//! - an `http` base URL uses `http_proxy`, `HTTP_PROXY` (not in a CGI program: when
//!   `REQUEST_METHOD` is set, `HTTP_PROXY` may come from a request header), else `ALL_PROXY` /
//!   `all_proxy`;
//! - `NO_PROXY` / `no_proxy` lists hosts reached directly (`example.com`, `.example.com`,
//!   `*`); loopback hosts are always reached directly;
//! - empty values are ignored; a value that is set but unusable is an error that names the
//!   variable, never a silent direct connection.
//!
//! Proxies may be `http://`, `https://`, `socks4://`, `socks4a://`, `socks5://` or `socks5h://`
//! URLs, with optional `user:password@` (never shown).

use ureq::Proxy;
use ureq::http::Uri;

use crate::error::Error;
use crate::safe_text::redact_url;

/// The proxy named by the environment for a base URL of `scheme`, if any, with the
/// environment's `NO_PROXY` entries (ureq checks them on every request).
pub(crate) fn from_environment(scheme: &str) -> Result<Option<Proxy>, Error> {
    from_variables(scheme, |name| std::env::var(name).ok())
}

/// [`from_environment`] over any source of variables (tests pass a map).
fn from_variables(
    scheme: &str,
    var: impl Fn(&str) -> Option<String>,
) -> Result<Option<Proxy>, Error> {
    let set = |name: &str| var(name).filter(|value| !value.trim().is_empty());
    let cgi = set("REQUEST_METHOD").is_some();
    let names: &[&str] = match scheme {
        "https" => &["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"],
        _ if cgi => &["http_proxy", "ALL_PROXY", "all_proxy"],
        _ => &["http_proxy", "HTTP_PROXY", "ALL_PROXY", "all_proxy"],
    };
    let Some((name, url)) = names
        .iter()
        .find_map(|name| set(name).map(|value| (*name, value)))
    else {
        return Ok(None);
    };
    let no_proxy = set("NO_PROXY")
        .or_else(|| set("no_proxy"))
        .unwrap_or_default();
    let no_proxy: Vec<&str> = no_proxy
        .split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .collect();
    parse(&url, &no_proxy).map(Some).map_err(|reason| {
        Error::invalid(
            name,
            format!("`{}` cannot be used as a proxy: {reason}", redact_url(&url)),
        )
    })
}

/// An explicitly configured proxy.
pub(crate) fn from_url(url: &str) -> Result<Proxy, Error> {
    parse(url, &[]).map_err(|reason| {
        Error::invalid(
            "proxy URL",
            format!("`{}` cannot be used: {reason}", redact_url(url)),
        )
    })
}

/// A proxy from its URL, with `NO_PROXY` entries that ureq checks on each request.
fn parse(url: &str, no_proxy: &[&str]) -> Result<Proxy, String> {
    let uri: Uri = url.trim().parse().map_err(|e| format!("not a URL ({e})"))?;
    let scheme = uri.scheme_str().unwrap_or("http");
    let protocol = ureq::ProxyProtocol::try_from(scheme).map_err(|_| {
        format!("`{scheme}` is not a proxy scheme (http, https, socks4, socks4a, socks5, socks5h)")
    })?;
    let authority = uri.authority().ok_or("it names no host")?;
    let host = authority.host();
    if host.is_empty() {
        return Err("it names no host".to_owned());
    }
    let mut builder = Proxy::builder(protocol).host(host);
    if let Some(port) = authority.port_u16() {
        builder = builder.port(port);
    }
    if let Some((user_info, _)) = authority.as_str().rsplit_once('@') {
        let decode = |text: &str| {
            percent_encoding::percent_decode_str(text)
                .decode_utf8()
                .map(|t| t.into_owned())
                .map_err(|_| "its user info is not UTF-8".to_owned())
        };
        let (user, password) = match user_info.split_once(':') {
            Some((user, password)) => (user, Some(password)),
            None => (user_info, None),
        };
        builder = builder.username(&decode(user)?);
        if let Some(password) = password {
            builder = builder.password(&decode(password)?);
        }
    }
    for entry in no_proxy {
        builder = builder.no_proxy(entry);
    }
    builder.build().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn chosen(scheme: &str, host: &str, vars: &[(&str, &str)]) -> Result<Option<String>, Error> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        // The proxy a request to `host` goes through: none where `NO_PROXY` covers it.
        let target: ureq::http::Uri = format!("{scheme}://{host}/").parse().unwrap();
        from_variables(scheme, |name| vars.get(name).cloned()).map(|p| {
            p.filter(|p| !p.is_no_proxy(&target))
                .map(|p| format!("{}:{}", p.host(), p.port()))
        })
    }

    #[test]
    fn the_variable_follows_the_scheme() {
        let all = [
            ("HTTPS_PROXY", "http://secure:1"),
            ("HTTP_PROXY", "http://plain:2"),
            ("ALL_PROXY", "socks5://any:3"),
        ];
        assert_eq!(chosen("https", "h", &all).unwrap().unwrap(), "secure:1");
        assert_eq!(chosen("http", "h", &all).unwrap().unwrap(), "plain:2");
        // HTTP_PROXY is not used for https.
        let plain = [("HTTP_PROXY", "http://plain:2")];
        assert_eq!(chosen("https", "h", &plain).unwrap(), None);
        assert_eq!(
            chosen("https", "h", &[("ALL_PROXY", "socks5://any:3")])
                .unwrap()
                .unwrap(),
            "any:3"
        );
    }

    #[test]
    fn a_cgi_program_does_not_take_http_proxy_from_a_request_header() {
        let vars = [("REQUEST_METHOD", "GET"), ("HTTP_PROXY", "http://evil:1")];
        assert_eq!(chosen("http", "h", &vars).unwrap(), None);
        let vars = [("REQUEST_METHOD", "GET"), ("http_proxy", "http://ok:1")];
        assert_eq!(chosen("http", "h", &vars).unwrap().unwrap(), "ok:1");
    }

    #[test]
    fn no_proxy_and_empty_values() {
        let vars = [
            ("HTTPS_PROXY", "http://p:1"),
            ("NO_PROXY", "x.org, .example.com"),
        ];
        assert_eq!(chosen("https", "api.example.com", &vars).unwrap(), None);
        assert_eq!(chosen("https", "x.org", &vars).unwrap(), None);
        assert!(chosen("https", "example.org", &vars).unwrap().is_some());
        assert_eq!(chosen("https", "h", &[("HTTPS_PROXY", " ")]).unwrap(), None);
    }

    #[test]
    fn an_unusable_value_names_its_variable_and_hides_its_password() {
        let err = chosen("https", "h", &[("HTTPS_PROXY", "gopher://u:hunter2@p:1")]).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("HTTPS_PROXY"), "{text}");
        assert!(!text.contains("hunter2"), "{text}");
        assert!(from_url("socks5://u:p%40ss@127.0.0.1:9").is_ok());
        assert_eq!(
            from_url("socks5://u:p%40ss@127.0.0.1:9")
                .unwrap()
                .password(),
            Some("p@ss")
        );
    }
}
