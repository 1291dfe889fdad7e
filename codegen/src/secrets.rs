//! Step 4b, secrets: string properties that carry secrets (named like one, see
//! [`crate::facts::is_secret_name`], or marked `format: password`, or `writeOnly` unless named
//! like an identifier) are given a
//! format of their own, [`SECRET_FORMAT`], which the models step maps to `crate::Secret`: their
//! `Debug` prints `[redacted]`. The step also tells which schemas reach a secret, so that an
//! operation answering with one never quotes its body in an error.

use std::collections::{BTreeMap, BTreeSet};

use indexmap::IndexMap;
use openapiv3::{ReferenceOr, Schema};
use serde_json::Value;

use crate::error::{Error, pointer};
use crate::facts;

/// The format given to secret strings; the models step maps it to `crate::Secret`.
pub const SECRET_FORMAT: &str = "x-sunco-secret";

/// A secret property found in a schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretField {
    /// The schema (component key or lifted name) it was found in, at any depth.
    pub schema: String,
    /// The property's name.
    pub property: String,
    /// Where, relative to the schema: a JSON pointer such as `/properties/key/properties/secret`.
    pub at: String,
}

/// What the step found.
#[derive(Debug, Default)]
pub struct Secrets {
    /// Every secret property, in schema order.
    pub fields: Vec<SecretField>,
    /// The schemas that hold a secret, directly or through the schemas they refer to.
    pub reaching: BTreeSet<String>,
}

/// Marks the secret properties of `schemas` in place.
pub fn mark(schemas: &mut IndexMap<String, ReferenceOr<Schema>>) -> Result<Secrets, Error> {
    let mut secrets = Secrets::default();
    let mut refers: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (name, schema) in schemas.iter_mut() {
        let at = pointer(["components", "schemas", name.as_str()]);
        let mut tree = serde_json::to_value(&*schema).map_err(|e| Error::at(&at, e.to_string()))?;
        let mut found = Vec::new();
        walk(&mut tree, &mut String::new(), &mut found);
        let mut targets = BTreeSet::new();
        collect_refs(&tree, &mut targets);
        refers.insert(name.clone(), targets);
        if !found.is_empty() {
            secrets.reaching.insert(name.clone());
            for (property, path) in found {
                secrets.fields.push(SecretField {
                    schema: name.clone(),
                    property,
                    at: path,
                });
            }
            *schema = serde_json::from_value(tree)
                .map_err(|e| Error::at(&at, format!("cannot mark its secrets: {e}")))?;
        }
    }
    // Whatever refers to a schema that reaches a secret reaches it too.
    loop {
        let before = secrets.reaching.len();
        for (name, targets) in &refers {
            if targets.iter().any(|t| secrets.reaching.contains(t)) {
                secrets.reaching.insert(name.clone());
            }
        }
        if secrets.reaching.len() == before {
            break;
        }
    }
    Ok(secrets)
}

/// Rewrites secret string properties below `node`, recording (property, pointer) pairs.
fn walk(node: &mut Value, path: &mut String, found: &mut Vec<(String, String)>) {
    match node {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get_mut("properties") {
                for (name, property) in properties.iter_mut() {
                    if is_secret_string(name, property) {
                        make_secret(property);
                        found.push((
                            name.clone(),
                            format!("{path}{}", pointer(["properties", name.as_str()])),
                        ));
                    }
                }
            }
            for (key, child) in map.iter_mut() {
                let len = path.len();
                path.push_str(&pointer([key.as_str()]));
                walk(child, path, found);
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter_mut().enumerate() {
                let len = path.len();
                path.push_str(&format!("/{index}"));
                walk(child, path, found);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

fn is_secret_string(name: &str, property: &Value) -> bool {
    let Some(map) = property.as_object() else {
        return false;
    };
    if map.contains_key("$ref") || map.get("format").and_then(Value::as_str) == Some(SECRET_FORMAT)
    {
        return false;
    }
    let is_string = map.get("type").and_then(Value::as_str) == Some("string");
    let format = map.get("format").and_then(Value::as_str);
    let binary = matches!(format, Some("binary" | "byte"));
    let write_only = map.get("writeOnly").and_then(Value::as_bool) == Some(true);
    let marked = format == Some("password") || (write_only && !facts::is_identifier_name(name));
    is_string && !binary && !map.contains_key("enum") && (marked || facts::is_secret_name(name))
}

/// Keeps what documents the property (description, nullability, default); drops constraints
/// that would stop typify from recognising the secret format.
fn make_secret(property: &mut Value) {
    let Some(map) = property.as_object_mut() else {
        return;
    };
    map.retain(|key, _| matches!(key.as_str(), "description" | "nullable" | "title"));
    map.insert("type".to_owned(), Value::String("string".to_owned()));
    map.insert("format".to_owned(), Value::String(SECRET_FORMAT.to_owned()));
}

fn collect_refs(node: &Value, out: &mut BTreeSet<String>) {
    match node {
        Value::Object(map) => {
            if let Some(key) = map
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
            {
                out.insert(key.to_owned());
            }
            map.values().for_each(|v| collect_refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn marks_named_and_write_only_strings_and_follows_references() {
        let mut schemas: IndexMap<String, ReferenceOr<Schema>> = serde_json::from_value(json!({
            "appKey": {"type": "object", "properties": {
                "id": {"type": "string"},
                "secret": {"type": "string", "minLength": 1, "description": "The secret."},
                "tokenType": {"type": "string"}
            }},
            "appKeyResponse": {"type": "object", "properties": {"key": {"$ref": "#/components/schemas/appKey"}}},
            "twilio": {"type": "object", "properties": {
                "sid": {"type": "string", "writeOnly": true},
                "userExternalId": {"type": "string", "writeOnly": true},
                "nested": {"type": "object", "properties": {"password": {"type": "string", "nullable": true}}}
            }},
            "plain": {"type": "object", "properties": {"name": {"type": "string"}}}
        }))
        .unwrap();
        let secrets = mark(&mut schemas).unwrap();
        let fields: Vec<(&str, &str)> = secrets
            .fields
            .iter()
            .map(|f| (f.schema.as_str(), f.at.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("appKey", "/properties/secret"),
                ("twilio", "/properties/sid"),
                ("twilio", "/properties/nested/properties/password")
            ]
        );
        assert_eq!(
            secrets
                .reaching
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
            ["appKey", "appKeyResponse", "twilio"]
        );
        let secret = serde_json::to_value(&schemas["appKey"]).unwrap();
        assert_eq!(
            secret["properties"]["secret"],
            json!({"type": "string", "format": SECRET_FORMAT, "description": "The secret."})
        );
    }
}
