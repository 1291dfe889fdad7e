//! A download's request as the request loop runs it: a `GET` of the media URL with the
//! credentials that may go there, redirects followed (without credentials once they leave the
//! origin), and what a refusal means for media.

use std::io::Read;
use std::time::{Duration, SystemTime};

use ureq::http::{HeaderName, HeaderValue, StatusCode, Uri, header};

use crate::call::cancel::CancelToken;
use crate::call::outcome::Outcome;
use crate::call::request::OperationInfo;
use crate::call::{self, Bounds, Exchange, Reply, SendError};
use crate::client::Client;
use crate::client::auth::Secret;
use crate::error::{ApiError, Error};
use crate::safe_text::shown_url;

use super::{Credentials, DOWNLOAD, MAX_REDIRECTS};

/// A download as the request loop runs it: a `GET` of the media URL, with the credentials
/// that may go there, following redirects (without credentials once they leave the origin it
/// started on, never from https to plain http, at most [`MAX_REDIRECTS`]).
pub(super) struct Fetch {
    pub(super) url: Uri,
    /// The origin the download started on: credentials go only there.
    pub(super) origin: Option<crate::files::media_hosts::Origin>,
    /// Whether the request is still on that origin.
    pub(super) credentials_allowed: bool,
    pub(super) redirects: u32,
    pub(super) credentials: Credentials,
    pub(super) deadline: Option<Duration>,
    pub(super) cancel: Option<CancelToken>,
    /// The caller's headers.
    pub(super) headers: Vec<(HeaderName, HeaderValue)>,
}

impl Exchange for Fetch {
    type Answer = ureq::http::Response<ureq::Body>;
    type Output = (ureq::http::response::Parts, ureq::Body, Outcome);

    fn operation(&self) -> &'static OperationInfo {
        &DOWNLOAD
    }

    fn deadline(&self) -> Option<Duration> {
        self.deadline
    }

    fn changes_the_server(&self) -> bool {
        false
    }

    fn cancel(&self) -> Option<&CancelToken> {
        self.cancel.as_ref()
    }

    fn url(&self) -> &Uri {
        &self.url
    }

    fn headers(&self) -> &[(HeaderName, HeaderValue)] {
        &self.headers
    }

    fn route(&self) -> String {
        shown_url(&self.url.to_string())
    }

    fn credentials(&self, client: &Client) -> Result<Option<(HeaderName, HeaderValue)>, Error> {
        if !self.credentials_allowed
            || !crate::files::media_hosts::may_see_credentials(&client.config().base_uri, &self.url)
        {
            return Ok(None);
        }
        Ok(match &self.credentials {
            Credentials::Client => Some((header::AUTHORIZATION, client.auth().header()?)),
            Credentials::Cookies(cookies) => Some((header::COOKIE, cookie_header(cookies)?)),
            Credentials::None => None,
        })
    }

    fn send(
        &mut self,
        client: &Client,
        head: ureq::http::request::Builder,
        bounds: Bounds,
    ) -> Result<ureq::http::Response<ureq::Body>, SendError> {
        client
            .transport()
            .send(client.config(), head, (), bounds, None)
            .map_err(SendError::Transport)
    }

    fn read(
        &mut self,
        response: ureq::http::Response<ureq::Body>,
        outcome: &Outcome,
    ) -> Result<Reply<Self::Answer>, SendError> {
        let status = response.status();
        if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
            let refused = |location: Option<String>, reason: String| {
                SendError::Input(Error::Redirect {
                    operation: DOWNLOAD.id,
                    status: status.as_u16(),
                    location,
                    reason,
                    outcome: *outcome,
                })
            };
            let next = redirect(&self.url, response.headers())
                .map_err(|(location, reason)| refused(location, reason))?;
            if self.redirects >= MAX_REDIRECTS {
                return Err(refused(
                    Some(shown_url(&next.to_string())),
                    format!("more than {MAX_REDIRECTS} redirects (a loop?)"),
                ));
            }
            self.redirects += 1;
            self.credentials_allowed &= crate::files::media_hosts::Origin::of(&next) == self.origin;
            self.url = next;
            return Ok(Reply::Redirect);
        }
        Ok(Reply::Answer {
            status: status.as_u16(),
            retry_after: call::retry_after(response.headers()),
            answer: response,
        })
    }

    fn finish(&mut self, response: Self::Answer, outcome: Outcome) -> Result<Self::Output, Error> {
        if !response.status().is_success() {
            return Err(refused(response, outcome));
        }
        let (parts, body) = response.into_parts();
        Ok((parts, body, outcome))
    }
}

/// The error for a download the server refused, saying what the status means for media.
pub(super) fn refused(response: ureq::http::Response<ureq::Body>, outcome: Outcome) -> Error {
    let (parts, mut body) = response.into_parts();
    let status = parts.status.as_u16();
    // Some of the body, for the API's `errors[]`; the rest is dropped.
    let mut bytes = Vec::new();
    let _ = body.as_reader().take(64 * 1024).read_to_end(&mut bytes);
    let errors = crate::call::response::api_errors(&bytes);
    let hint = match status {
        401 => {
            "the media needs credentials (a private attachment); this client sends its own only \
             to the API's origin and its media hosts, see Client::download"
        }
        403 => {
            "the credentials may not read this media: another app's attachment, a key without \
             access to it, or a signed URL that expired"
        }
        404 => {
            "no media at this URL: deleted (a deleted attachment can stay cached for up to 15 \
             minutes), expired, or mistyped"
        }
        _ => "",
    };
    let retry_after = crate::call::response::retry_after(&parts.headers, SystemTime::now());
    Error::Api(Box::new(ApiError {
        operation: DOWNLOAD.id,
        status,
        documented: "",
        hint,
        errors,
        retry_after,
        request_id: None,
        // Media error bodies are not the API's; nothing of them is quoted.
        excerpt: String::new(),
        location: None,
        outcome,
    }))
}

/// The `Cookie` header of media cookies: each `Set-Cookie` value's `name=value`.
pub(super) fn cookie_header(set_cookies: &[Secret]) -> Result<HeaderValue, Error> {
    let pairs: Vec<&str> = set_cookies
        .iter()
        .filter_map(|c| c.expose().split(';').next())
        .map(str::trim)
        .filter(|pair| pair.contains('='))
        .collect();
    if pairs.is_empty() {
        return Err(Error::invalid(
            "media cookies",
            "none has a name=value pair; pass the values Client::media_cookie returns",
        ));
    }
    let mut value = HeaderValue::from_str(&pairs.join("; "))
        .map_err(|_| Error::invalid("media cookies", "must be printable ASCII"))?;
    value.set_sensitive(true);
    Ok(value)
}

/// A media URL, checked: absolute http(s) with a host. Any user info is dropped: the HTTP
/// layer sends none of it, and ureq's debug lines would show a user name's first letter.
pub(super) fn parse(url: &str) -> Result<Uri, String> {
    let uri: Uri = url
        .parse()
        .map_err(|_| format!("`{}` is not a URL", shown_url(url)))?;
    if crate::files::media_hosts::Origin::of(&uri).is_none() {
        return Err(format!(
            "`{}` must be an absolute http(s) URL with a host",
            shown_url(url)
        ));
    }
    without_user_info(uri).map_err(|_| format!("`{}` is not a URL", shown_url(url)))
}

/// `uri` without the `user:password@` of its authority.
pub(super) fn without_user_info(uri: Uri) -> Result<Uri, ureq::http::Error> {
    let Some(authority) = uri.authority() else {
        return Ok(uri);
    };
    let Some((_, host)) = authority.as_str().rsplit_once('@') else {
        return Ok(uri);
    };
    let host = host.to_owned();
    let mut parts = uri.into_parts();
    parts.authority = Some(host.parse()?);
    Ok(Uri::from_parts(parts)?)
}

/// Where a redirect points, resolved against `from`; from https to plain http only on
/// loopback. A refusal gives where it pointed, as it may be shown, and why.
pub(super) fn redirect(
    from: &Uri,
    headers: &ureq::http::HeaderMap,
) -> Result<Uri, (Option<String>, String)> {
    let location = headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .ok_or((None, "it has no usable Location".to_owned()))?;
    let scheme = from.scheme_str().unwrap_or("https");
    let authority = from.authority().map(|a| a.as_str()).unwrap_or("");
    let absolute = if location.contains("://")
        && location.parse::<Uri>().is_ok_and(|u| u.scheme().is_some())
    {
        location.to_owned()
    } else if let Some(rest) = location.strip_prefix("//") {
        format!("{scheme}://{rest}")
    } else if location.starts_with('/') {
        format!("{scheme}://{authority}{location}")
    } else {
        let path = from.path();
        let directory = &path[..path.rfind('/').map_or(0, |i| i + 1)];
        format!("{scheme}://{authority}{directory}{location}")
    };
    let next = parse(&absolute).map_err(|reason| (None, format!("its Location {reason}")))?;
    let downgrade = scheme == "https"
        && next.scheme_str() == Some("http")
        && !next.host().is_some_and(crate::client::config::is_loopback);
    if downgrade {
        return Err((
            Some(shown_url(&absolute)),
            "it leads from https to plain http".to_owned(),
        ));
    }
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_info_never_reaches_the_http_layer() {
        let url = parse("https://user:pw@cdn.example:8443/a.png?x=1").unwrap();
        assert_eq!(url.to_string(), "https://cdn.example:8443/a.png?x=1");
        assert_eq!(
            parse("https://cdn.example/a").unwrap().to_string(),
            "https://cdn.example/a"
        );
    }

    #[test]
    fn redirects_resolve_and_never_downgrade() {
        let from: Uri = "https://h.example/a/b.png?x=1".parse().unwrap();
        let at = |location: &str| {
            let mut headers = ureq::http::HeaderMap::new();
            headers.insert(header::LOCATION, HeaderValue::from_str(location).unwrap());
            redirect(&from, &headers).map(|u| u.to_string())
        };
        assert_eq!(at("https://o.example/x").unwrap(), "https://o.example/x");
        assert_eq!(at("//o.example/x").unwrap(), "https://o.example/x");
        assert_eq!(at("/x?y=1").unwrap(), "https://h.example/x?y=1");
        assert_eq!(at("c.png").unwrap(), "https://h.example/a/c.png");
        assert_eq!(
            at("http://o.example/x?sig=1").unwrap_err(),
            (
                Some("http://o.example/x?…".to_owned()),
                "it leads from https to plain http".to_owned()
            )
        );
        assert!(at("http://127.0.0.1:9/x").is_ok());
    }

    #[test]
    fn cookies_become_one_header() {
        let header = cookie_header(&[
            Secret::new("media=abc; Path=/apps/x; HttpOnly"),
            Secret::new("other=def; Secure"),
        ])
        .unwrap();
        assert_eq!(header.to_str().unwrap(), "media=abc; other=def");
        assert!(header.is_sensitive());
        assert!(cookie_header(&[Secret::new("; Path=/")]).is_err());
    }
}
