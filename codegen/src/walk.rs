//! Walking a schema and every schema nested in it, in place and in document order: what the
//! secrets step and the description step share.

use indexmap::IndexMap;
use openapiv3::{AdditionalProperties, ReferenceOr, Schema, SchemaKind, Type};

use crate::error::pointer_join;

/// Calls `visit` on `schema`, then on every schema nested in it (properties, items,
/// `additionalProperties`, `allOf`, `oneOf`, `anyOf`, `not`), parents first. `at` is the
/// schema's pointer relative to the root being walked (`""` for the root).
pub fn schemas_mut(schema: &mut Schema, at: &str, visit: &mut dyn FnMut(&mut Schema, &str)) {
    visit(schema, at);
    match &mut schema.schema_kind {
        SchemaKind::Type(Type::Object(object)) => {
            properties(&mut object.properties, at, visit);
            additional(
                &mut object.additional_properties,
                &pointer_join(at, ["additionalProperties"]),
                visit,
            );
        }
        SchemaKind::Type(Type::Array(array)) => {
            if let Some(ReferenceOr::Item(items)) = &mut array.items {
                schemas_mut(items, &pointer_join(at, ["items"]), visit);
            }
        }
        SchemaKind::OneOf { one_of } => members(one_of, at, "oneOf", visit),
        SchemaKind::AllOf { all_of } => members(all_of, at, "allOf", visit),
        SchemaKind::AnyOf { any_of } => members(any_of, at, "anyOf", visit),
        SchemaKind::Not { not } => {
            if let ReferenceOr::Item(inner) = not.as_mut() {
                schemas_mut(inner, &pointer_join(at, ["not"]), visit);
            }
        }
        SchemaKind::Any(any) => {
            properties(&mut any.properties, at, visit);
            additional(
                &mut any.additional_properties,
                &pointer_join(at, ["additionalProperties"]),
                visit,
            );
            if let Some(ReferenceOr::Item(items)) = &mut any.items {
                schemas_mut(items, &pointer_join(at, ["items"]), visit);
            }
            members(&mut any.all_of, at, "allOf", visit);
            members(&mut any.one_of, at, "oneOf", visit);
            members(&mut any.any_of, at, "anyOf", visit);
            if let Some(not) = &mut any.not
                && let ReferenceOr::Item(inner) = not.as_mut()
            {
                schemas_mut(inner, &pointer_join(at, ["not"]), visit);
            }
        }
        SchemaKind::Type(_) => {}
    }
}

fn properties(
    properties: &mut IndexMap<String, ReferenceOr<Box<Schema>>>,
    at: &str,
    visit: &mut dyn FnMut(&mut Schema, &str),
) {
    for (name, property) in properties.iter_mut() {
        if let ReferenceOr::Item(property) = property {
            let at = pointer_join(at, ["properties", name.as_str()]);
            schemas_mut(property, &at, visit);
        }
    }
}

fn additional(
    additional: &mut Option<AdditionalProperties>,
    at: &str,
    visit: &mut dyn FnMut(&mut Schema, &str),
) {
    if let Some(AdditionalProperties::Schema(inner)) = additional
        && let ReferenceOr::Item(inner) = inner.as_mut()
    {
        schemas_mut(inner, at, visit);
    }
}

fn members(
    list: &mut [ReferenceOr<Schema>],
    at: &str,
    key: &str,
    visit: &mut dyn FnMut(&mut Schema, &str),
) {
    for (index, member) in list.iter_mut().enumerate() {
        if let ReferenceOr::Item(member) = member {
            let at = pointer_join(at, [key, &index.to_string()]);
            schemas_mut(member, &at, visit);
        }
    }
}
