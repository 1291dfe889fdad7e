//! Building a request: the route with every path parameter encoded as exactly one segment, the
//! query string, and the body. Generated operations fill a [`Request`]; the client sends it.

use std::fmt;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use crate::error::Error;
use crate::files::multipart::Parts;

/// Everything but RFC 3986 "unreserved" characters is percent-encoded, in path segments and in
/// query names and values: a `/`, `?`, `#`, `%` or space in an id can never change the route.
const ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// HTTP methods an operation can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `GET`
    Get,
    /// `PUT`
    Put,
    /// `POST`
    Post,
    /// `DELETE`
    Delete,
    /// `OPTIONS`
    Options,
    /// `HEAD`
    Head,
    /// `PATCH`
    Patch,
    /// `TRACE`
    Trace,
}

impl Method {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Options => "OPTIONS",
            Method::Head => "HEAD",
            Method::Patch => "PATCH",
            Method::Trace => "TRACE",
        }
    }
}

/// How a request may be sent again after a failure: what the generator's facts table says of
/// each operation, which its `OperationInfo` carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// Sending it twice has the effect of sending it once: it may be retried after any failure
    /// that can be transient (`502`, `503`, `504`, a dropped connection, a timeout).
    Idempotent,
    /// Retried only when the server surely did not act on it: the connection was never made,
    /// the answer was `429`, or `503` with `Retry-After`. Never after the body may have been
    /// processed (`500`, `502`, `504`, a connection cut after sending).
    OnlyIfNotProcessed,
}

/// What the generator knows about an operation, for routing, logging, retries and errors.
/// One constant per operation is generated (`operations::info`).
#[derive(Debug)]
pub struct OperationInfo {
    /// `operationId` as the document spells it.
    pub id: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path template, e.g. `/v2/apps/{appId}/attachments`.
    pub path: &'static str,
    /// The `Accept` header: the documented answers' media types, JSON last.
    pub accept: &'static str,
    /// How the request may be sent again.
    pub repeat: Repeat,
    /// A `404` on a retry that says this subject (`attachment`) is absent, after an earlier
    /// attempt may have been processed, means the operation already did its job (a delete
    /// whose answer was lost). A `404` about anything else is an error.
    pub absent_after_retry: Option<&'static str>,
    /// Whether answers carry secrets (tokens, key secrets, cookies): errors then quote nothing
    /// of the body.
    pub secret_response: bool,
}

impl OperationInfo {
    /// An operation with defaults for every fact: JSON answers, repeated as HTTP says of its
    /// method (`POST` and `PATCH` only if not processed), no absent subject, answers without
    /// secrets. For the crate's own requests and tests; generated code spells every fact.
    pub const fn new(id: &'static str, method: Method, path: &'static str) -> Self {
        OperationInfo {
            id,
            method,
            path,
            accept: "application/json",
            repeat: match method {
                Method::Post | Method::Patch => Repeat::OnlyIfNotProcessed,
                _ => Repeat::Idempotent,
            },
            absent_after_retry: None,
            secret_response: false,
        }
    }

    /// The same operation, sent again as `repeat` says.
    pub const fn with_repeat(mut self, repeat: Repeat) -> Self {
        self.repeat = repeat;
        self
    }

    /// The same operation, with this `Accept` header.
    pub const fn with_accept(mut self, accept: &'static str) -> Self {
        self.accept = accept;
        self
    }

    /// Whether sending the request again is harmless even if the server acted on it.
    pub(crate) fn harmless_to_repeat(&self) -> bool {
        self.repeat == Repeat::Idempotent
    }
}

/// The body of a request.
pub(crate) enum Body {
    None,
    Json(Vec<u8>),
    Multipart(Parts),
}

/// A request being built by a generated operation.
pub struct Request {
    pub(crate) operation: &'static OperationInfo,
    /// The encoded path, starting with `/`.
    pub(crate) path: String,
    /// The encoded query string, without the `?`.
    pub(crate) query: String,
    pub(crate) body: Body,
    /// The caller's settings of this call (a request builder's `with_*` and `cancel_with`).
    pub(crate) options: crate::RequestOptions,
}

impl Request {
    /// An empty request for `operation`: no path yet, no query, no body.
    pub fn new(operation: &'static OperationInfo) -> Self {
        Request {
            operation,
            path: String::with_capacity(operation.path.len() + 32),
            query: String::new(),
            body: Body::None,
            options: crate::RequestOptions::default(),
        }
    }

    /// The caller's settings of this call.
    pub fn options(&mut self, options: crate::RequestOptions) {
        self.options = options;
    }

    /// Appends literal text of the path template.
    pub fn path_literal(&mut self, text: &str) {
        self.path.push_str(text);
    }

    /// Appends a path parameter as one percent-encoded segment. Values that would address
    /// another resource even when encoded (empty, `.`, `..`) or that carry control characters
    /// are refused before anything is sent.
    pub fn path_param(&mut self, name: &str, value: &str) -> Result<(), Error> {
        crate::client::config::check_id(name, value)?;
        self.path.extend(encode(value));
        Ok(())
    }

    /// Appends `name=value` to the query string.
    pub fn query(&mut self, name: &str, value: impl fmt::Display) {
        self.push_query_name(name);
        self.push_query_value(&value.to_string());
    }

    /// Appends `name=a,b,c` (form style, not exploded).
    pub fn query_joined<I>(&mut self, name: &str, values: I)
    where
        I: IntoIterator,
        I::Item: fmt::Display,
    {
        let joined: Vec<String> = values.into_iter().map(|v| v.to_string()).collect();
        self.query(name, joined.join(","));
    }

    /// Appends an object as `name[key]=value` pairs (OpenAPI `style: deepObject`). Nested
    /// objects nest the brackets; arrays repeat the key; nulls are left out.
    pub fn query_deep_object<T: Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> Result<(), Error> {
        let value = deep_object(name, value)?;
        self.push_deep_object(name, &value);
        Ok(())
    }

    /// Appends a list's deepObject `page` parameter (`value`, when the caller set one) asking
    /// for the page after `cursor`: `key` (`after` or `before`) set to it, the other
    /// direction left out. Without a cursor it is `value` as a deepObject, or nothing.
    pub fn query_page<T: Serialize>(
        &mut self,
        name: &str,
        value: Option<&T>,
        key: &str,
        cursor: Option<&str>,
    ) -> Result<(), Error> {
        let mut value = match value {
            Some(value) => deep_object(name, value)?,
            None => serde_json::Value::Object(serde_json::Map::new()),
        };
        if let (Some(cursor), Some(map)) = (cursor, value.as_object_mut()) {
            map.remove("after");
            map.remove("before");
            map.insert(key.to_owned(), cursor.into());
        }
        self.push_deep_object(name, &value);
        Ok(())
    }

    fn push_deep_object(&mut self, name: &str, value: &serde_json::Value) {
        let mut pairs = Vec::new();
        deep_object_pairs(name, value, &mut pairs);
        for (key, value) in pairs {
            self.query(&key, value);
        }
    }

    fn push_query_name(&mut self, name: &str) {
        if !self.query.is_empty() {
            self.query.push('&');
        }
        self.query.extend(encode(name));
        self.query.push('=');
    }

    fn push_query_value(&mut self, value: &str) {
        self.query.extend(encode(value));
    }

    /// Sets a JSON body.
    pub fn json<T: Serialize + ?Sized>(&mut self, body: &T) -> Result<(), Error> {
        let bytes = serde_json::to_vec(body)
            .map_err(|e| Error::invalid("body", format!("cannot be serialised as JSON: {e}")))?;
        self.body = Body::Json(bytes);
        Ok(())
    }

    /// Sets a multipart body.
    pub fn multipart(&mut self, parts: Parts) {
        self.body = Body::Multipart(parts);
    }

    /// The full URL: `base`, the path, and the query when there is one.
    pub(crate) fn url(&self, base: &str) -> String {
        let mut out = String::with_capacity(base.len() + self.path.len() + self.query.len() + 1);
        out.push_str(base);
        out.push_str(&self.path);
        if !self.query.is_empty() {
            out.push('?');
            out.push_str(&self.query);
        }
        out
    }
}

/// A deepObject parameter's value as JSON: an object, or the reason it cannot be one.
fn deep_object<T: Serialize + ?Sized>(name: &str, value: &T) -> Result<serde_json::Value, Error> {
    let value = serde_json::to_value(value)
        .map_err(|e| Error::invalid(name, format!("cannot be serialised: {e}")))?;
    if !value.is_object() {
        return Err(Error::invalid(
            name,
            "a deepObject parameter must be an object",
        ));
    }
    Ok(value)
}

/// Percent-encodes everything but unreserved characters.
pub(crate) fn encode(value: &str) -> impl Iterator<Item = &str> {
    utf8_percent_encode(value, ENCODE)
}

/// The `name[key]=value` pairs of a deepObject parameter, unencoded: nested objects nest the
/// brackets, arrays repeat the key, nulls are left out.
pub(crate) fn deep_object_pairs(
    key: &str,
    value: &serde_json::Value,
    out: &mut Vec<(String, String)>,
) {
    use serde_json::Value;
    match value {
        Value::Null => {}
        Value::Object(map) => {
            for (k, v) in map {
                deep_object_pairs(&format!("{key}[{k}]"), v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| deep_object_pairs(key, v, out)),
        Value::String(s) => out.push((key.to_owned(), s.clone())),
        other => out.push((key.to_owned(), other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OP: OperationInfo = OperationInfo::new("op", Method::Get, "/a/{id}");

    #[test]
    fn ids_are_one_segment() {
        let mut request = Request::new(&OP);
        request.path_literal("/a/");
        request.path_param("id", "x/../y?z#w %é").unwrap();
        assert_eq!(request.path, "/a/x%2F..%2Fy%3Fz%23w%20%25%C3%A9");
    }

    #[test]
    fn refuses_dot_segments_and_controls() {
        for bad in ["", ".", "..", "a\r\nb", "a\0"] {
            let mut request = Request::new(&OP);
            assert!(request.path_param("id", bad).is_err(), "{bad:?}");
        }
        let mut request = Request::new(&OP);
        assert!(request.path_param("id", "...").is_ok());
    }

    #[test]
    fn query_pairs_and_deep_objects() {
        let mut request = Request::new(&OP);
        request.query("for", "message");
        request.query("q", "a b&c=d");
        request
            .query_deep_object(
                "page",
                &serde_json::json!({"after": "x", "size": 10, "before": null}),
            )
            .unwrap();
        request.query_joined("ids", ["1", "2"]);
        request
            .query_page(
                "page",
                Some(&serde_json::json!({"size": 5, "before": "b"})),
                "after",
                Some("c"),
            )
            .unwrap();
        request
            .query_page::<serde_json::Value>("p", None, "before", None)
            .unwrap();
        assert_eq!(
            request.query,
            "for=message&q=a%20b%26c%3Dd&page%5Bafter%5D=x&page%5Bsize%5D=10&ids=1%2C2\
             &page%5Bafter%5D=c&page%5Bsize%5D=5"
        );
    }
}
