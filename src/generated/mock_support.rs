//! What the generated typed mocks (cargo feature `mock`) share: routes, matching each value
//! exactly as the client encodes it, and the answers every mock can give. The generated mock
//! code only names these.

use std::fmt::Display;

use httpmock::{Then, When};
use serde::Serialize;

use crate::call::request;
use crate::files::multipart::disposition;

/// A piece of a route.
pub enum Segment {
    /// Literal text of the path template.
    Literal(&'static str),
    /// A path parameter, by its name on the wire.
    Param(&'static str),
}

/// Matches the method and the route, any value in each parameter's segment.
pub fn route(when: When, method: httpmock::Method, route: &[Segment]) -> When {
    when.method(method).path_matches(path_regex(route, None))
}

/// Matches one path parameter's segment, as the client encodes `value`.
pub fn path_param(when: When, route: &[Segment], name: &str, value: &str) -> When {
    when.path_matches(path_regex(route, Some((name, value))))
}

/// An anchored regular expression for a route, with one parameter's value fixed.
fn path_regex(route: &[Segment], fixed: Option<(&str, &str)>) -> String {
    let mut out = String::from("^");
    for segment in route {
        match segment {
            Segment::Literal(text) => out.push_str(&escape(text)),
            Segment::Param(name) => match fixed {
                Some((wanted, value)) if wanted == *name => {
                    out.push_str(&escape(&request::encode(value).collect::<String>()))
                }
                _ => out.push_str("[^/]+"),
            },
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

/// Matches every `name[key]=value` pair of a deepObject parameter, as the client sends them.
pub fn deep_object<T: Serialize + ?Sized>(mut when: When, name: &str, value: &T) -> When {
    let mut pairs = Vec::new();
    if let Ok(value) = serde_json::to_value(value) {
        request::deep_object_pairs(name, &value, &mut pairs);
    }
    for (key, value) in pairs {
        when = when.query_param(key, value);
    }
    when
}

/// Matches an array query parameter: the name repeated (`explode`) or the values joined by
/// commas.
pub fn query_values<T: Display>(mut when: When, name: &str, values: &[T], explode: bool) -> When {
    if explode {
        for value in values {
            when = when.query_param(name, value.to_string());
        }
        when
    } else {
        let joined: Vec<String> = values.iter().map(ToString::to_string).collect();
        when.query_param(name, joined.join(","))
    }
}

/// Matches a file part's header, as the client writes it.
pub fn file_part(when: When, field: &str, file_name: &str) -> When {
    let file_name = crate::sanitize_file_name(file_name);
    when.body_includes(format!("{}\r\n", disposition(field, Some(&file_name))))
}

/// Matches a text part, as the client writes it.
pub fn text_part(when: When, field: &str, value: impl Display) -> When {
    when.body_includes(format!("{}\r\n\r\n{value}\r\n", disposition(field, None)))
}

/// Answers `status` with `value` as JSON.
pub fn json<T: Serialize + ?Sized>(then: Then, status: u16, value: &T) -> Then {
    then.status(status)
        .header("content-type", "application/json")
        .json_body_obj(value)
}

/// Answers `status` with the API's error envelope holding one entry.
pub fn errors(then: Then, status: u16, code: &str, title: &str) -> Then {
    then.status(status)
        .header("content-type", "application/json")
        .body(serde_json::json!({"errors": [{"code": code, "title": title}]}).to_string())
}

/// Declares the matcher and answer wrappers of one operation's mock, with what every mock
/// has: `into_inner` on both, and `error` on the answer.
macro_rules! wrappers {
    ($when:ident, $when_doc:expr, $then:ident, $then_doc:expr) => {
        #[doc = $when_doc]
        pub struct $when(httpmock::When);

        impl $when {
            /// The underlying httpmock matcher, for anything not covered here.
            pub fn into_inner(self) -> httpmock::When {
                self.0
            }
        }

        #[doc = $then_doc]
        pub struct $then(httpmock::Then);

        impl $then {
            /// The underlying httpmock responder, for anything not covered here.
            pub fn into_inner(self) -> httpmock::Then {
                self.0
            }

            /// Answers `status` with the API's `errors` array holding one entry.
            pub fn error(self, status: u16, code: &str, title: &str) -> Self {
                Self($crate::__rt::mock::errors(self.0, status, code, title))
            }
        }
    };
}
pub(crate) use wrappers;
