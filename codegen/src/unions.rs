//! The document's unions: a base with a discriminator mapping and no `oneOf` made a union of
//! its subtypes (step 1c, right after reading), and how each union's arms are told apart (for
//! the opening of the models, step 5b).
//!
//! OpenAPI 3.0 says "this is one of those" in several ways. A `oneOf`/`anyOf` with a
//! `discriminator`, with or without a `mapping` (without one, an arm's value is its schema's
//! name); arms whose tag property has one allowed value or a `default`; and the inheritance
//! style, where a base schema names its subtypes in a `discriminator` mapping and each
//! subtype `allOf`s the base, with no `oneOf` anywhere (the document's `integration`).

use std::collections::{BTreeMap, BTreeSet};

use indexmap::IndexMap;
use openapiv3::{OpenAPI, ReferenceOr, Schema, SchemaData, SchemaKind, Type};

use crate::error::schema_key;

/// The property that tells arms apart when no `discriminator` names one.
const TAG: &str = "type";

/// A union whose arms are told apart by a property.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tagged {
    /// The property (`type`).
    pub property: String,
    /// Each arm's value of it, with the arm's schema key, in the union's order.
    pub arms: Vec<(String, String)>,
}

/// Makes every base with a discriminator mapping whose mapped subtypes all `allOf` it a union
/// of those subtypes: the base's own schema moves to a new key (`integrationBase`), which the
/// subtypes `allOf` instead, and the base's key becomes a `oneOf` of the subtypes with the same
/// discriminator. What referred to the base (an answer, a request body) now takes any subtype,
/// with its own fields. Returns `(base key, key its schema moved to)` for each.
pub fn bases_to_unions(doc: &mut OpenAPI) -> Vec<(String, String)> {
    let Some(components) = doc.components.as_mut() else {
        return Vec::new();
    };
    let schemas = &mut components.schemas;
    let bases: Vec<String> = schemas
        .iter()
        .filter_map(|(key, schema)| {
            let ReferenceOr::Item(schema) = schema else {
                return None;
            };
            let mapped = schema
                .schema_data
                .discriminator
                .as_ref()
                .is_some_and(|d| !d.mapping.is_empty());
            (mapped && !is_union(schema)).then(|| key.clone())
        })
        .collect();
    let mut moved = Vec::new();
    for key in bases {
        let base_ref = format!("#/components/schemas/{key}");
        let Some(ReferenceOr::Item(base)) = schemas.get(&key).cloned() else {
            continue;
        };
        let Some(discriminator) = base.schema_data.discriminator.clone() else {
            continue;
        };
        let subtypes: Option<Vec<String>> = discriminator
            .mapping
            .values()
            .map(|reference| {
                let sub = schema_key(reference)?;
                let inherits = all_of(schemas.get(sub)?)?.iter().any(
                    |part| matches!(part, ReferenceOr::Reference { reference } if *reference == base_ref),
                );
                inherits.then(|| sub.to_owned())
            })
            .collect();
        let Some(mut subtypes) = subtypes else {
            continue;
        };
        let mut seen = BTreeSet::new();
        subtypes.retain(|sub| seen.insert(sub.clone()));
        let moved_to = (1..)
            .map(|n| match n {
                1 => format!("{key}Base"),
                n => format!("{key}Base{n}"),
            })
            .find(|name| !schemas.contains_key(name))
            .unwrap_or_default();
        let moved_ref = format!("#/components/schemas/{moved_to}");
        let mut own = base.clone();
        own.schema_data.discriminator = None;
        schemas.insert(moved_to.clone(), ReferenceOr::Item(own));
        for sub in &subtypes {
            if let Some(ReferenceOr::Item(schema)) = schemas.get_mut(sub)
                && let Some(parts) = all_of_mut(schema)
            {
                for part in parts {
                    if let ReferenceOr::Reference { reference } = part
                        && *reference == base_ref
                    {
                        *reference = moved_ref.clone();
                    }
                }
            }
        }
        let union = Schema {
            schema_data: SchemaData {
                description: base.schema_data.description.clone(),
                discriminator: Some(discriminator),
                ..Default::default()
            },
            schema_kind: SchemaKind::OneOf {
                one_of: subtypes
                    .iter()
                    .map(|sub| ReferenceOr::ref_(&format!("#/components/schemas/{sub}")))
                    .collect(),
            },
        };
        schemas.insert(key.clone(), ReferenceOr::Item(union));
        moved.push((key, moved_to));
    }
    moved
}

fn is_union(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::OneOf { .. } | SchemaKind::AnyOf { .. } => true,
        SchemaKind::Any(any) => !any.one_of.is_empty() || !any.any_of.is_empty(),
        _ => false,
    }
}

fn all_of(schema: &ReferenceOr<Schema>) -> Option<&[ReferenceOr<Schema>]> {
    let ReferenceOr::Item(schema) = schema else {
        return None;
    };
    match &schema.schema_kind {
        SchemaKind::AllOf { all_of } => Some(all_of),
        SchemaKind::Any(any) if !any.all_of.is_empty() => Some(&any.all_of),
        _ => None,
    }
}

fn all_of_mut(schema: &mut Schema) -> Option<&mut Vec<ReferenceOr<Schema>>> {
    match &mut schema.schema_kind {
        SchemaKind::AllOf { all_of } => Some(all_of),
        SchemaKind::Any(any) if !any.all_of.is_empty() => Some(&mut any.all_of),
        _ => None,
    }
}

/// The members of a union schema, `oneOf` or `anyOf`.
fn members(schema: &Schema) -> Option<&[ReferenceOr<Schema>]> {
    match &schema.schema_kind {
        SchemaKind::OneOf { one_of } => Some(one_of),
        SchemaKind::AnyOf { any_of } => Some(any_of),
        SchemaKind::Any(any) if !any.one_of.is_empty() => Some(&any.one_of),
        SchemaKind::Any(any) if !any.any_of.is_empty() => Some(&any.any_of),
        _ => None,
    }
}

/// The top-level unions of `schemas` whose arms (all references) are told apart by a property,
/// by schema key. A union whose arms cannot all be given distinct values is left out: it stays
/// untagged, decoded by shape.
pub fn tagged(schemas: &IndexMap<String, ReferenceOr<Schema>>) -> BTreeMap<String, Tagged> {
    let mut found = BTreeMap::new();
    for (key, schema) in schemas {
        let ReferenceOr::Item(schema) = schema else {
            continue;
        };
        let Some(members) = members(schema) else {
            continue;
        };
        let arms: Option<Vec<&str>> = members
            .iter()
            .map(|member| match member {
                ReferenceOr::Reference { reference } => schema_key(reference),
                ReferenceOr::Item(_) => None,
            })
            .collect();
        let Some(arms) = arms.filter(|arms| !arms.is_empty()) else {
            continue;
        };
        let discriminator = schema.schema_data.discriminator.as_ref();
        let property = discriminator.map_or(TAG, |d| d.property_name.as_str());
        let values: Option<Vec<String>> = arms
            .iter()
            .map(|arm| {
                let mapped = discriminator.and_then(|d| {
                    d.mapping
                        .iter()
                        .find(|(_, target)| schema_key(target) == Some(arm))
                        .map(|(value, _)| value.clone())
                });
                mapped
                    .or_else(|| fixed_value(schemas, arm, property, &mut BTreeSet::new()))
                    // Without a mapping, a discriminator's value for an arm is its name.
                    .or_else(|| discriminator.map(|_| (*arm).to_owned()))
            })
            .collect();
        let Some(values) = values else { continue };
        let distinct: BTreeSet<&String> = values.iter().collect();
        if distinct.len() != values.len() {
            continue;
        }
        found.insert(
            key.clone(),
            Tagged {
                property: property.to_owned(),
                arms: values
                    .into_iter()
                    .zip(arms.iter().map(|arm| (*arm).to_owned()))
                    .collect(),
            },
        );
    }
    found
}

/// The one value the schema `key` allows for `property`: a one-value `enum` or a `default`, on
/// the schema's own properties or those of what it `allOf`s.
fn fixed_value(
    schemas: &IndexMap<String, ReferenceOr<Schema>>,
    key: &str,
    property: &str,
    visited: &mut BTreeSet<String>,
) -> Option<String> {
    if !visited.insert(key.to_owned()) {
        return None;
    }
    let ReferenceOr::Item(schema) = schemas.get(key)? else {
        return None;
    };
    fixed_in(schemas, schema, property, visited)
}

fn fixed_in(
    schemas: &IndexMap<String, ReferenceOr<Schema>>,
    schema: &Schema,
    property: &str,
    visited: &mut BTreeSet<String>,
) -> Option<String> {
    let own = match &schema.schema_kind {
        SchemaKind::Type(Type::Object(object)) => object.properties.get(property),
        SchemaKind::Any(any) => any.properties.get(property),
        _ => None,
    };
    if let Some(ReferenceOr::Item(tag)) = own
        && let Some(value) = one_value(tag)
    {
        return Some(value);
    }
    for part in all_of_parts(schema) {
        let value = match part {
            ReferenceOr::Reference { reference } => {
                fixed_value(schemas, schema_key(reference)?, property, visited)
            }
            ReferenceOr::Item(inline) => fixed_in(schemas, inline, property, visited),
        };
        if value.is_some() {
            return value;
        }
    }
    None
}

fn all_of_parts(schema: &Schema) -> &[ReferenceOr<Schema>] {
    match &schema.schema_kind {
        SchemaKind::AllOf { all_of } => all_of,
        SchemaKind::Any(any) => &any.all_of,
        _ => &[],
    }
}

/// A string schema's one allowed value, or its default.
fn one_value(schema: &Schema) -> Option<String> {
    if let SchemaKind::Type(Type::String(string)) = &schema.schema_kind
        && let [Some(only)] = string.enumeration.as_slice()
    {
        return Some(only.clone());
    }
    schema
        .schema_data
        .default
        .as_ref()?
        .as_str()
        .map(str::to_owned)
}

/// The members a model of each top-level object schema declares (its own properties and those
/// of what it `allOf`s), by schema key; left out when it keeps members it does not declare
/// (`additionalProperties`, or no property at all).
pub fn declared_members(
    schemas: &IndexMap<String, ReferenceOr<Schema>>,
) -> BTreeMap<String, BTreeSet<String>> {
    let mut found = BTreeMap::new();
    for key in schemas.keys() {
        let mut members = BTreeSet::new();
        if declared_in_key(schemas, key, &mut members, &mut BTreeSet::new()) && !members.is_empty()
        {
            found.insert(key.clone(), members);
        }
    }
    found
}

/// Adds what `key` declares to `out`; false when it keeps more (or is no object).
fn declared_in_key(
    schemas: &IndexMap<String, ReferenceOr<Schema>>,
    key: &str,
    out: &mut BTreeSet<String>,
    visited: &mut BTreeSet<String>,
) -> bool {
    if !visited.insert(key.to_owned()) {
        return true;
    }
    match schemas.get(key) {
        Some(ReferenceOr::Item(schema)) => declared_in(schemas, schema, out, visited),
        Some(ReferenceOr::Reference { reference }) => {
            schema_key(reference).is_some_and(|next| declared_in_key(schemas, next, out, visited))
        }
        None => false,
    }
}

fn declared_in(
    schemas: &IndexMap<String, ReferenceOr<Schema>>,
    schema: &Schema,
    out: &mut BTreeSet<String>,
    visited: &mut BTreeSet<String>,
) -> bool {
    let (properties, more) = match &schema.schema_kind {
        SchemaKind::Type(Type::Object(object)) => {
            (&object.properties, object.additional_properties.is_some())
        }
        SchemaKind::Any(any) => (&any.properties, any.additional_properties.is_some()),
        SchemaKind::AllOf { .. } => {
            return all_of_parts(schema).iter().all(|part| match part {
                ReferenceOr::Reference { reference } => schema_key(reference)
                    .is_some_and(|key| declared_in_key(schemas, key, out, visited)),
                ReferenceOr::Item(inline) => declared_in(schemas, inline, out, visited),
            });
        }
        _ => return false,
    };
    if more {
        return false;
    }
    out.extend(properties.keys().cloned());
    all_of_parts(schema).iter().all(|part| match part {
        ReferenceOr::Reference { reference } => {
            schema_key(reference).is_some_and(|key| declared_in_key(schemas, key, out, visited))
        }
        ReferenceOr::Item(inline) => declared_in(schemas, inline, out, visited),
    })
}

/// The properties marked `deprecated: true` of each top-level schema, its own or those of what
/// it `allOf`s, by schema key: property name → the note for `#[deprecated]`.
pub fn deprecated_properties(
    schemas: &IndexMap<String, ReferenceOr<Schema>>,
) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut found = BTreeMap::new();
    for key in schemas.keys() {
        let mut properties = BTreeMap::new();
        deprecated_in_key(schemas, key, &mut properties, &mut BTreeSet::new());
        if !properties.is_empty() {
            found.insert(key.clone(), properties);
        }
    }
    found
}

fn deprecated_in_key(
    schemas: &IndexMap<String, ReferenceOr<Schema>>,
    key: &str,
    out: &mut BTreeMap<String, String>,
    visited: &mut BTreeSet<String>,
) {
    if !visited.insert(key.to_owned()) {
        return;
    }
    if let Some(ReferenceOr::Item(schema)) = schemas.get(key) {
        deprecated_in(schemas, schema, out, visited);
    }
}

fn deprecated_in(
    schemas: &IndexMap<String, ReferenceOr<Schema>>,
    schema: &Schema,
    out: &mut BTreeMap<String, String>,
    visited: &mut BTreeSet<String>,
) {
    let properties = match &schema.schema_kind {
        SchemaKind::Type(Type::Object(object)) => Some(&object.properties),
        SchemaKind::Any(any) => Some(&any.properties),
        _ => None,
    };
    for (name, property) in properties.into_iter().flatten() {
        if let ReferenceOr::Item(property) = property
            && property.schema_data.deprecated
        {
            out.insert(name.clone(), deprecation_note(&property.schema_data));
        }
    }
    for part in all_of_parts(schema) {
        match part {
            ReferenceOr::Reference { reference } => {
                if let Some(key) = schema_key(reference) {
                    deprecated_in_key(schemas, key, out, visited);
                }
            }
            ReferenceOr::Item(inline) => deprecated_in(schemas, inline, out, visited),
        }
    }
}

/// What `#[deprecated]` says: the document's own sentence about it where its description has
/// one, else that the document marks it so.
pub fn deprecation_note(data: &SchemaData) -> String {
    data.description
        .as_deref()
        .and_then(|text| {
            text.split_terminator(['.', '\n'])
                .map(str::trim)
                .find(|sentence| sentence.to_ascii_lowercase().contains("deprecat"))
        })
        .map(|sentence| format!("{sentence}."))
        .unwrap_or_else(|| "deprecated in the OpenAPI document".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schemas(json: serde_json::Value) -> IndexMap<String, ReferenceOr<Schema>> {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn every_way_a_document_names_the_arms_counts() {
        let s = schemas(serde_json::json!({
            "mapped": {"oneOf": [{"$ref": "#/components/schemas/a"}, {"$ref": "#/components/schemas/b"}],
                       "discriminator": {"propertyName": "kind", "mapping": {"x": "#/components/schemas/a", "y": "#/components/schemas/b"}}},
            "named": {"oneOf": [{"$ref": "#/components/schemas/a"}, {"$ref": "#/components/schemas/c"}],
                      "discriminator": {"propertyName": "type"}},
            "defaults": {"oneOf": [{"$ref": "#/components/schemas/a"}, {"$ref": "#/components/schemas/b"}]},
            "shapes": {"oneOf": [{"$ref": "#/components/schemas/c"}, {"$ref": "#/components/schemas/d"}]},
            "a": {"type": "object", "properties": {"type": {"type": "string", "default": "first"}}},
            "b": {"allOf": [{"$ref": "#/components/schemas/d"},
                            {"type": "object", "properties": {"type": {"type": "string", "enum": ["second"]}}}]},
            "c": {"type": "object", "properties": {"n": {"type": "integer"}}},
            "d": {"type": "object", "properties": {"m": {"type": "integer"}}}
        }));
        let found = tagged(&s);
        let arms = |key: &str| found[key].arms.clone();
        assert_eq!(found["mapped"].property, "kind");
        assert_eq!(
            arms("mapped"),
            [("x".into(), "a".into()), ("y".into(), "b".into())]
        );
        // Without a mapping: an arm's own one value, else its name.
        assert_eq!(
            arms("named"),
            [("first".into(), "a".into()), ("c".into(), "c".into())]
        );
        assert_eq!(
            arms("defaults"),
            [("first".into(), "a".into()), ("second".into(), "b".into())]
        );
        assert!(!found.contains_key("shapes"), "nothing tells them apart");
    }

    #[test]
    fn a_base_with_a_mapping_becomes_a_union_of_its_subtypes() {
        let mut doc: OpenAPI = serde_json::from_value(serde_json::json!({
            "openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
            "components": {"schemas": {
                "integration": {"type": "object", "description": "The integration.",
                    "properties": {"type": {"type": "string"}, "id": {"type": "string"}},
                    "discriminator": {"propertyName": "type", "mapping": {
                        "android": "#/components/schemas/android", "web": "#/components/schemas/web"}}},
                "android": {"allOf": [{"$ref": "#/components/schemas/integration"},
                    {"type": "object", "properties": {"serverKey": {"type": "string", "deprecated": true}}}]},
                "web": {"allOf": [{"$ref": "#/components/schemas/integration"},
                    {"type": "object", "properties": {"brandColor": {"type": "string"}}}]}
            }}
        }))
        .unwrap();
        let moved = bases_to_unions(&mut doc);
        assert_eq!(
            moved,
            [("integration".to_owned(), "integrationBase".to_owned())]
        );
        let s = &doc.components.as_ref().unwrap().schemas;
        let found = tagged(s);
        assert_eq!(
            found["integration"].arms,
            [
                ("android".into(), "android".into()),
                ("web".into(), "web".into())
            ]
        );
        let text = serde_json::to_string(&s["android"]).unwrap();
        assert!(
            text.contains("#/components/schemas/integrationBase"),
            "{text}"
        );
        assert!(
            serde_json::to_string(&s["integrationBase"])
                .unwrap()
                .contains("\"id\"")
        );
        let deprecated = deprecated_properties(s);
        assert_eq!(
            deprecated["android"].keys().collect::<Vec<_>>(),
            ["serverKey"]
        );
    }
}
