//! Step 5a, prepare: the pruned schemas as typify should see them, before the models step
//! hands them over. Every change here works around how typify reads a schema; the document's
//! meaning stays as it was.

use std::collections::HashSet;

use indexmap::IndexMap;
use openapiv3::{ReferenceOr, Schema, SchemaKind, StringType, Type};

use crate::{docs, error, names, walk};

/// The schemas as typify should see them:
///
/// - every `description` made safe for rustdoc (typify turns them into the models' doc
///   comments);
/// - no nested schema titled like a top-level one: typify names an inline schema after its
///   `title` and, when that name is already a model's, uses that model for the property (an
///   inline object titled `Target` became the `target` string of another schema). Without the
///   title, typify names it after its parent and property (`ClientCreateTarget`);
/// - unions that can be told apart: see [`tagged_unions`];
/// - no integer with a positive minimum, which typify would make a `NonZeroU64`.
pub fn for_typify(
    mut schemas: IndexMap<String, ReferenceOr<Schema>>,
    links: &docs::Links,
) -> IndexMap<String, ReferenceOr<Schema>> {
    tagged_unions(&mut schemas);
    let top_level: HashSet<String> = schemas.keys().map(|key| names::pascal(key)).collect();
    for schema in schemas.values_mut() {
        if let ReferenceOr::Item(schema) = schema {
            walk::schemas_mut(schema, "", &mut |node, at| {
                if let Some(text) = &mut node.schema_data.description {
                    *text = docs::markdown(text, links);
                }
                // typify types an integer with a positive minimum as `NonZeroU64`, which would
                // refuse a zero the service sends; the bound is the document's word on what may
                // be sent, and an unsigned integer keeps the rest of it.
                if let SchemaKind::Type(Type::Integer(integer)) = &mut node.schema_kind
                    && integer.minimum.is_some_and(|minimum| minimum > 0)
                {
                    integer.minimum = Some(0);
                    integer.exclusive_minimum = false;
                }
                if !at.is_empty()
                    && node
                        .schema_data
                        .title
                        .as_deref()
                        .is_some_and(|title| top_level.contains(&names::pascal(title)))
                {
                    node.schema_data.title = None;
                }
            });
        }
    }
    schemas
}

/// A `oneOf` of objects that each give their `type` property a different `default` (`text`,
/// `image`, `file` for message contents) is a tagged union in all but name. typify makes it an
/// untagged enum whose first object variant accepts every member (their other properties are
/// optional, unknown ones ignored), so an image message would decode as a text message and
/// lose its `mediaUrl`. Each member's `type` gets its default as its only allowed value, which
/// lets the enum tell the members apart.
fn tagged_unions(schemas: &mut IndexMap<String, ReferenceOr<Schema>>) {
    const TAG: &str = "type";
    // The members of every `oneOf` whose members are all references.
    let mut unions: Vec<Vec<String>> = Vec::new();
    for schema in schemas.values_mut() {
        if let ReferenceOr::Item(schema) = schema {
            walk::schemas_mut(schema, "", &mut |node, _| {
                if let SchemaKind::OneOf { one_of } = &node.schema_kind {
                    let members: Option<Vec<String>> = one_of
                        .iter()
                        .map(|m| match m {
                            ReferenceOr::Reference { reference } => {
                                error::schema_key(reference).map(str::to_owned)
                            }
                            ReferenceOr::Item(_) => None,
                        })
                        .collect();
                    if let Some(members) = members.filter(|m| m.len() > 1) {
                        unions.push(members);
                    }
                }
            });
        }
    }
    let tag_default = |schema: Option<&ReferenceOr<Schema>>| -> Option<String> {
        let ReferenceOr::Item(schema) = schema? else {
            return None;
        };
        let SchemaKind::Type(Type::Object(object)) = &schema.schema_kind else {
            return None;
        };
        let ReferenceOr::Item(tag) = object.properties.get(TAG)? else {
            return None;
        };
        match &tag.schema_kind {
            SchemaKind::Type(Type::String(StringType { enumeration, .. }))
                if enumeration.is_empty() =>
            {
                tag.schema_data
                    .default
                    .as_ref()?
                    .as_str()
                    .map(str::to_owned)
            }
            _ => None,
        }
    };
    for members in unions {
        let tags: Option<Vec<String>> = members
            .iter()
            .map(|name| tag_default(schemas.get(name)))
            .collect();
        let Some(tags) = tags else { continue };
        let mut distinct = tags.clone();
        distinct.sort();
        distinct.dedup();
        if distinct.len() != tags.len() {
            continue;
        }
        for (name, tag) in members.iter().zip(tags) {
            if let Some(ReferenceOr::Item(schema)) = schemas.get_mut(name)
                && let SchemaKind::Type(Type::Object(object)) = &mut schema.schema_kind
                && let Some(ReferenceOr::Item(property)) = object.properties.get_mut(TAG)
                && let SchemaKind::Type(Type::String(string)) = &mut property.schema_kind
            {
                string.enumeration = vec![Some(tag)];
            }
        }
    }
}
