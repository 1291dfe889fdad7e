//! Step 1, read: the document (YAML or JSON) into a plain JSON tree, then into openapiv3.
//!
//! YAML goes through `yaml-rust2`, a maintained pure-Rust YAML 1.2 parser, and is converted to
//! a `serde_json::Value` so that quirks can be repaired on a plain tree before openapiv3 sees
//! the document (see `repair`). The typed parse records the JSON path of any failure.

use std::path::Path;

use openapiv3::OpenAPI;
use serde_json::{Map, Number, Value};
use yaml_rust2::{Yaml, YamlLoader};

use crate::error::{Error, pointer};

/// Reads a document from disk into a JSON tree. JSON is recognised by its extension or by a
/// leading `{`; everything else is read as YAML.
pub fn read_tree(path: &Path) -> Result<Value, Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::whole(format!("cannot read the document: {e}")))?;
    let looks_json =
        path.extension().is_some_and(|ext| ext == "json") || text.trim_start().starts_with('{');
    if looks_json {
        return serde_json::from_str(&text).map_err(|e| {
            Error::whole(format!(
                "invalid JSON at line {}, column {}: {e}",
                e.line(),
                e.column()
            ))
        });
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
    let mut path = Vec::new();
    yaml_to_json(documents.remove(0), &mut path)
}

/// Converts a YAML node to JSON. Scalar mapping keys become strings (an unquoted `200:` is the
/// same response code as `'200':`); anything JSON cannot hold is an error at its pointer.
fn yaml_to_json(node: Yaml, path: &mut Vec<String>) -> Result<Value, Error> {
    Ok(match node {
        Yaml::Null => Value::Null,
        Yaml::Boolean(b) => Value::Bool(b),
        Yaml::Integer(i) => Value::Number(i.into()),
        Yaml::String(s) => Value::String(s),
        Yaml::Real(text) => {
            let number = text
                .parse::<f64>()
                .ok()
                .and_then(Number::from_f64)
                .ok_or_else(|| {
                    Error::at(
                        pointer(path.iter()),
                        format!("`{text}` is not a finite number"),
                    )
                })?;
            Value::Number(number)
        }
        Yaml::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (index, item) in items.into_iter().enumerate() {
                path.push(index.to_string());
                out.push(yaml_to_json(item, path)?);
                path.pop();
            }
            Value::Array(out)
        }
        Yaml::Hash(entries) => {
            let mut out = Map::with_capacity(entries.len());
            for (key, value) in entries {
                let key = match key {
                    Yaml::String(s) | Yaml::Real(s) => s,
                    Yaml::Integer(i) => i.to_string(),
                    Yaml::Boolean(b) => b.to_string(),
                    Yaml::Null => "null".to_owned(),
                    _ => {
                        return Err(Error::at(
                            pointer(path.iter()),
                            "a mapping key is not a scalar",
                        ));
                    }
                };
                path.push(key);
                let value = yaml_to_json(value, path)?;
                let key = path.pop().unwrap_or_default();
                if out.insert(key.clone(), value).is_some() {
                    return Err(Error::at(
                        pointer(path.iter().chain([&key])),
                        "duplicate mapping key",
                    ));
                }
            }
            Value::Object(out)
        }
        Yaml::Alias(_) | Yaml::BadValue => {
            return Err(Error::at(
                pointer(path.iter()),
                "unresolvable YAML alias or value",
            ));
        }
    })
}

/// Parses the (repaired) tree as an OpenAPI 3.0 document. A node openapiv3 rejects is reported
/// at its JSON pointer.
pub fn parse(tree: Value) -> Result<OpenAPI, Error> {
    serde_path_to_error::deserialize::<_, OpenAPI>(tree).map_err(|e| {
        let tokens = e.path().iter().filter_map(|segment| match segment {
            serde_path_to_error::Segment::Seq { index } => Some(index.to_string()),
            serde_path_to_error::Segment::Map { key } => Some(key.clone()),
            _ => None,
        });
        Error::at(
            pointer(tokens),
            format!("not a valid OpenAPI 3.0 node: {}", e.inner()),
        )
    })
}
