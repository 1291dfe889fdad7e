//! Walking a schema and every schema nested in it, in document order: in place, as the secrets
//! step and the description step do, or to list the references it holds, as pruning does.

use indexmap::IndexMap;
use openapiv3::{AdditionalProperties, ReferenceOr, Schema, SchemaKind, Type};

use crate::error::pointer_join;
use crate::resolve::Node;

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

/// Every `$ref` in `node` and in the schemas nested in it (properties, items,
/// `additionalProperties`, `allOf`, `oneOf`, `anyOf`, `not`: the children [`schemas_mut`]
/// visits, read rather than changed), not following any.
pub fn references<'s>(node: Node<'s>, out: &mut Vec<&'s str>) {
    let schema = match node {
        Node::Ref(reference) => return out.push(reference),
        Node::Schema(schema) => schema,
    };
    let mut nested: Vec<Node<'s>> = Vec::new();
    let mut object = |properties: &'s IndexMap<String, ReferenceOr<Box<Schema>>>,
                      additional: &'s Option<AdditionalProperties>| {
        nested.extend(properties.values().map(Node::from));
        if let Some(AdditionalProperties::Schema(inner)) = additional {
            nested.push(Node::from(inner.as_ref()));
        }
    };
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(o)) => object(&o.properties, &o.additional_properties),
        SchemaKind::Type(Type::Array(array)) => nested.extend(array.items.as_ref().map(Node::from)),
        SchemaKind::OneOf { one_of: list }
        | SchemaKind::AllOf { all_of: list }
        | SchemaKind::AnyOf { any_of: list } => nested.extend(list.iter().map(Node::from)),
        SchemaKind::Not { not } => nested.push(Node::from(not.as_ref())),
        SchemaKind::Any(any) => {
            object(&any.properties, &any.additional_properties);
            nested.extend(any.items.as_ref().map(Node::from));
            for list in [&any.all_of, &any.one_of, &any.any_of] {
                nested.extend(list.iter().map(Node::from));
            }
            nested.extend(any.not.as_deref().map(Node::from));
        }
        SchemaKind::Type(_) => {}
    }
    for node in nested {
        references(node, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_found_in_every_nested_schema_of_either_form() {
        let schema: ReferenceOr<Schema> = serde_json::from_value(serde_json::json!({
            // `allOf` next to `properties`: openapiv3's `Any` form.
            "allOf": [{"$ref": "#/components/schemas/a"}],
            "properties": {
                "list": {"type": "array", "items": {"$ref": "#/components/schemas/b"}},
                "map": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/c"}},
                "either": {"oneOf": [{"type": "string"}, {"$ref": "#/components/schemas/d"}]}
            },
            "not": {"$ref": "#/components/schemas/e"},
            "example": {"$ref": "not a schema: an example's value"}
        }))
        .unwrap();
        let mut found = Vec::new();
        references(Node::from(&schema), &mut found);
        found.sort_unstable();
        let keys: Vec<&str> = found
            .iter()
            .filter_map(|r| crate::error::schema_key(r))
            .collect();
        assert_eq!(keys, ["a", "b", "c", "d", "e"]);
    }
}
