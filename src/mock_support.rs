//! What the generated typed mocks (cargo feature `mock`) share: the request details they match
//! are produced exactly as the client produces them.

use serde::Serialize;

use crate::request;

/// A piece of a path to match.
pub(crate) enum Segment<'a> {
    /// Literal text of the template.
    Literal(&'static str),
    /// A parameter's value, matched as the client encodes it.
    Value(&'a str),
    /// Any single segment.
    Any,
}

/// An anchored regular expression for a path.
pub(crate) fn path_regex(segments: &[Segment<'_>]) -> String {
    let mut out = String::from("^");
    for segment in segments {
        match segment {
            Segment::Literal(text) => out.push_str(&escape(text)),
            Segment::Value(value) => {
                out.push_str(&escape(&request::encode(value).collect::<String>()))
            }
            Segment::Any => out.push_str("[^/]+"),
        }
    }
    out.push('$');
    out
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[allow(dead_code)] // used by the mocks of deepObject parameters (the full API)
/// The query pairs of a deepObject parameter, as the client sends them (before encoding).
pub(crate) fn deep_object_pairs<T: Serialize + ?Sized>(
    name: &str,
    value: &T,
) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    if let Ok(value) = serde_json::to_value(value) {
        request::deep_object_pairs(name, &value, &mut pairs);
    }
    pairs
}

/// The start of a file part's header, as the client writes it.
pub(crate) fn file_part_header(field: &str, file_name: &str) -> String {
    format!(
        "Content-Disposition: form-data; name=\"{field}\"; filename=\"{}\"\r\n",
        crate::sanitize_file_name(file_name)
    )
}

#[allow(dead_code)] // used by the mocks of forms with text fields
/// A text part, as the client writes it.
pub(crate) fn text_part(field: &str, value: &str) -> String {
    format!("Content-Disposition: form-data; name=\"{field}\"\r\n\r\n{value}\r\n")
}

/// The API's error envelope with one entry.
pub(crate) fn errors_body(code: &str, title: &str) -> String {
    serde_json::json!({"errors": [{"code": code, "title": title}]}).to_string()
}
