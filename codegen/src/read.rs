//! Step 1, read: the document (YAML or JSON) into an ordered tree, then into openapiv3.
//!
//! YAML (and JSON, which `yaml-rust2`, a maintained pure-Rust YAML 1.2 parser, reads as well)
//! is loaded into yaml-rust2's ordered tree, where quirks are repaired (see `repair`). The tree
//! is then written out as JSON text, in document order, which openapiv3 parses into its
//! order-keeping maps; the typed parse records the JSON path of any failure. Working on the
//! ordered tree keeps the generated code in document order without asking `serde_json` to keep
//! the order of its own maps.

use std::path::Path;

use openapiv3::OpenAPI;
use serde_json::Value;
use yaml_rust2::{Yaml, YamlLoader};

use crate::error::{Error, pointer, pointer_join};
use crate::repair::{self, Repair};
use crate::unions;

/// Reads a document from disk into its ordered tree.
pub fn load(path: &Path) -> Result<Yaml, Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::whole(format!("cannot read the document: {e}")))?;
    let looks_json =
        path.extension().is_some_and(|ext| ext == "json") || text.trim_start().starts_with('{');
    if looks_json {
        // Checked as JSON first, for JSON's own error positions.
        serde_json::from_str::<serde::de::IgnoredAny>(&text).map_err(|e| {
            Error::whole(format!(
                "invalid JSON at line {}, column {}: {e}",
                e.line(),
                e.column()
            ))
        })?;
    }
    let mut documents = YamlLoader::load_from_str(&text).map_err(|e| {
        Error::whole(format!(
            "invalid YAML at line {}, column {}: {}",
            e.marker().line(),
            e.marker().col() + 1,
            e.info()
        ))
    })?;
    if documents.len() != 1 {
        return Err(Error::whole(format!(
            "expected exactly one YAML document, found {}",
            documents.len()
        )));
    }
    Ok(documents.remove(0))
}

/// The whole step on an ordered tree: its quirks repaired (`repair`), parsed as the openapiv3
/// document every later step reads, a base that names its subtypes in a discriminator mapping
/// made their union (`unions`), and its title and version checked. Gives the document and the
/// repairs made.
pub fn openapi(mut tree: Yaml) -> Result<(OpenAPI, Vec<Repair>), Error> {
    let repairs = repair::repair(&mut tree);
    let text = to_json_text(&tree)?;
    let mut doc = parse(&text)?;
    // Step 1c: a base that names its subtypes in a discriminator mapping is their union.
    unions::bases_to_unions(&mut doc);
    // The title and version go into a comment and a compiler environment variable.
    for (at, value) in [
        ("/info/title", &doc.info.title),
        ("/info/version", &doc.info.version),
    ] {
        if value.chars().any(char::is_control) {
            return Err(Error::at(
                at,
                "holds a control character (a line break, say)",
            ));
        }
    }
    Ok((doc, repairs))
}

/// Reads a document from disk into a plain JSON value (for looking at, not for generating).
pub fn read_tree(path: &Path) -> Result<Value, Error> {
    let text = to_json_text(&load(path)?)?;
    serde_json::from_str(&text).map_err(|e| Error::whole(e.to_string()))
}

/// A JSON value as an ordered tree, in the value's own order.
pub fn from_value(value: &Value) -> Yaml {
    match value {
        Value::Null => Yaml::Null,
        Value::Bool(b) => Yaml::Boolean(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Yaml::Integer(i),
            None => Yaml::Real(n.to_string()),
        },
        Value::String(s) => Yaml::String(s.clone()),
        Value::Array(items) => Yaml::Array(items.iter().map(from_value).collect()),
        Value::Object(map) => Yaml::Hash(
            map.iter()
                .map(|(k, v)| (Yaml::String(k.clone()), from_value(v)))
                .collect(),
        ),
    }
}

/// The text of a mapping key: scalar keys become strings (an unquoted `200:` is the same
/// response code as `'200':`).
pub fn key_text(key: &Yaml) -> Option<String> {
    match key {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        Yaml::Null => Some("null".to_owned()),
        _ => None,
    }
}

/// The tree as JSON text, in its order. Anything JSON cannot hold is an error at its pointer.
pub fn to_json_text(tree: &Yaml) -> Result<String, Error> {
    let mut out = Vec::with_capacity(1 << 16);
    let mut path = Vec::new();
    write_json(tree, &mut path, &mut out)?;
    String::from_utf8(out).map_err(|e| Error::whole(e.to_string()))
}

/// Writes `text` as a JSON string.
fn write_str(text: &str, out: &mut Vec<u8>) {
    // Writing into a Vec cannot fail.
    let _ = serde_json::to_writer(out, text);
}

fn write_json(node: &Yaml, path: &mut Vec<String>, out: &mut Vec<u8>) -> Result<(), Error> {
    use std::io::Write as _;
    match node {
        Yaml::Null => out.extend_from_slice(b"null"),
        Yaml::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Yaml::Integer(i) => {
            let _ = write!(out, "{i}");
        }
        Yaml::Real(text) => {
            let number = text
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .ok_or_else(|| {
                    Error::at(
                        pointer(path.iter()),
                        format!("`{text}` is not a finite number"),
                    )
                })?;
            let _ = write!(out, "{number}");
        }
        Yaml::String(s) => write_str(s, out),
        Yaml::Array(items) => {
            out.push(b'[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                path.push(index.to_string());
                write_json(item, path, out)?;
                path.pop();
            }
            out.push(b']');
        }
        Yaml::Hash(entries) => {
            out.push(b'{');
            let mut seen = std::collections::HashSet::new();
            for (index, (key, value)) in entries.iter().enumerate() {
                let key = key_text(key).ok_or_else(|| {
                    Error::at(pointer(path.iter()), "a mapping key is not a scalar")
                })?;
                if !seen.insert(key.clone()) {
                    return Err(Error::at(
                        pointer(path.iter().chain([&key])),
                        "duplicate mapping key",
                    ));
                }
                if index > 0 {
                    out.push(b',');
                }
                write_str(&key, out);
                out.push(b':');
                path.push(key);
                write_json(value, path, out)?;
                path.pop();
            }
            out.push(b'}');
        }
        Yaml::Alias(_) | Yaml::BadValue => {
            return Err(Error::at(
                pointer(path.iter()),
                "unresolvable YAML alias or value",
            ));
        }
    }
    Ok(())
}

/// Parses the (repaired) document text as an OpenAPI 3.0 document. A node openapiv3 rejects
/// is reported at its JSON pointer.
pub fn parse(text: &str) -> Result<OpenAPI, Error> {
    typed(&mut serde_json::Deserializer::from_str(text), "")
}

/// Reads one node of the document (at `at`) as openapiv3 reads it; a failure is reported at
/// the pointer of the node inside it that was rejected.
pub fn typed<'de, D, T>(node: D, at: &str) -> Result<T, Error>
where
    D: serde::Deserializer<'de, Error = serde_json::Error>,
    T: serde::Deserialize<'de>,
{
    serde_path_to_error::deserialize(node).map_err(|e| {
        let tokens = e.path().iter().filter_map(|segment| match segment {
            serde_path_to_error::Segment::Seq { index } => Some(index.to_string()),
            serde_path_to_error::Segment::Map { key } => Some(key.clone()),
            _ => None,
        });
        Error::at(
            pointer_join(at, tokens),
            format!("not a valid OpenAPI 3.0 node: {}", e.inner()),
        )
    })
}
