//! Step 4b, secrets: string properties that carry secrets (named like one, see
//! [`crate::facts::is_secret_name`], or marked `format: password`, or `writeOnly` unless named
//! like an identifier) are given a
//! format of their own, [`SECRET_FORMAT`], which the models step maps to `crate::Secret`: their
//! `Debug` prints `[redacted]`. The step also tells which schemas reach a secret, so that an
//! operation answering with one never quotes its body in an error.

use std::collections::{BTreeMap, BTreeSet};

use indexmap::IndexMap;
use openapiv3::{
    ReferenceOr, Schema, SchemaKind, StringFormat, StringType, Type, VariantOrUnknownOrEmpty,
};

use crate::error::pointer_join;
use crate::{facts, ir, walk};

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

/// Marks the secret properties of `schemas` in place. `refers` names, for each schema, the
/// schemas it refers to (as the prune step found them): what tells which schemas reach a
/// secret through another.
pub fn mark(
    schemas: &mut IndexMap<String, ReferenceOr<Schema>>,
    refers: &BTreeMap<String, BTreeSet<String>>,
) -> Secrets {
    let mut secrets = Secrets::default();
    for (name, schema) in schemas.iter_mut() {
        let ReferenceOr::Item(schema) = schema else {
            continue;
        };
        let mut found = Vec::new();
        walk::schemas_mut(schema, "", &mut |node, at| {
            mark_properties(node, at, &mut found)
        });
        if !found.is_empty() {
            secrets.reaching.insert(name.clone());
            for (property, path) in found {
                secrets.fields.push(SecretField {
                    schema: name.clone(),
                    property,
                    at: path,
                });
            }
        }
    }
    // Whatever refers to a schema that reaches a secret reaches it too.
    loop {
        let before = secrets.reaching.len();
        for (name, targets) in refers {
            if targets.iter().any(|t| secrets.reaching.contains(t)) {
                secrets.reaching.insert(name.clone());
            }
        }
        if secrets.reaching.len() == before {
            break;
        }
    }
    secrets
}

/// Marks every operation that answers with a schema in `reaching` (see [`Secrets::reaching`])
/// as `secret_response`: its body is never quoted in an error.
pub fn mark_responses(api: &mut ir::Api, reaching: &BTreeSet<String>) {
    for op in &mut api.operations {
        let mut reached = Vec::new();
        for payload in op.success_payloads() {
            if let ir::Payload::Json { ty, .. } = payload {
                ty.models(&mut reached);
            }
        }
        if reached.iter().any(|name| reaching.contains(name)) {
            op.facts.secret_response = true;
        }
    }
}

/// Rewrites the secret string properties of one schema, recording (property, pointer) pairs.
fn mark_properties(schema: &mut Schema, at: &str, found: &mut Vec<(String, String)>) {
    let properties = match &mut schema.schema_kind {
        SchemaKind::Type(Type::Object(object)) => &mut object.properties,
        SchemaKind::Any(any) => &mut any.properties,
        _ => return,
    };
    for (name, property) in properties.iter_mut() {
        if let ReferenceOr::Item(property) = property
            && is_secret_string(name, property)
        {
            make_secret(property);
            found.push((
                name.clone(),
                pointer_join(at, ["properties", name.as_str()]),
            ));
        }
    }
}

fn is_secret_string(name: &str, property: &Schema) -> bool {
    let SchemaKind::Type(Type::String(string)) = &property.schema_kind else {
        return false;
    };
    let (password, not_text) = match &string.format {
        VariantOrUnknownOrEmpty::Item(StringFormat::Password) => (true, false),
        VariantOrUnknownOrEmpty::Item(StringFormat::Binary | StringFormat::Byte) => (false, true),
        VariantOrUnknownOrEmpty::Unknown(format) => (false, format == SECRET_FORMAT),
        _ => (false, false),
    };
    let write_only = property.schema_data.write_only;
    let marked = password || (write_only && !facts::is_identifier_name(name));
    !not_text && string.enumeration.is_empty() && (marked || facts::is_secret_name(name))
}

/// Keeps what documents the property (description, nullability, title); drops constraints
/// that would stop typify from recognising the secret format.
fn make_secret(property: &mut Schema) {
    let data = std::mem::take(&mut property.schema_data);
    property.schema_data.description = data.description;
    property.schema_data.nullable = data.nullable;
    property.schema_data.title = data.title;
    property.schema_kind = SchemaKind::Type(Type::String(StringType {
        format: VariantOrUnknownOrEmpty::Unknown(SECRET_FORMAT.to_owned()),
        ..Default::default()
    }));
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
        let refers = BTreeMap::from([(
            "appKeyResponse".to_owned(),
            BTreeSet::from(["appKey".to_owned()]),
        )]);
        let secrets = mark(&mut schemas, &refers);
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
