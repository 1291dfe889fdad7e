//! Step 3b, pagination: which lowered operations are cursor-paginated lists. A list takes a
//! deepObject `page` parameter with `after` and `before`, and answers an object with `meta`
//! (`hasMore` and `afterCursor`/`beforeCursor`) next to one array of entries. Lists page
//! forwards unless the facts table says backwards. Read from the parsed document while the
//! operation is lowered, through the lowering's resolver.

use openapiv3::{
    ObjectType, Parameter, ParameterSchemaOrContent, ReferenceOr, Schema, SchemaKind, Type,
};

use crate::error::schema_key;
use crate::ir::{Field, Location, Operation, Pagination, Payload, Style, TypeRef};
use crate::names;
use crate::resolve::{Resolver, unbox};

/// The pagination of a lowered operation, if it is a cursor-paginated list. `page` is its
/// `page` parameter as declared, `answer` the schema of its one JSON success answer.
pub fn detect(
    resolver: &Resolver<'_>,
    op: &Operation,
    page: Option<&Parameter>,
    answer: Option<&ReferenceOr<Schema>>,
) -> Option<Pagination> {
    let param = op.params.iter().find(|p| {
        p.name == "page" && p.location == Location::Query && p.style == Style::DeepObject
    })?;
    let ParameterSchemaOrContent::Schema(page_schema) = &page?.parameter_data_ref().format else {
        return None;
    };
    let (cursor_key, cursor_field) = if op.facts.pages_backwards {
        ("before", "beforeCursor")
    } else {
        ("after", "afterCursor")
    };
    if !object(resolver, page_schema)?
        .properties
        .contains_key(cursor_key)
    {
        return None;
    }
    let [
        Payload::Json {
            ty: TypeRef::Model(answer_model),
            ..
        },
    ] = op.success_payloads().as_slice()
    else {
        return None;
    };
    let answer = object(resolver, answer?)?;
    let meta_schema = unbox(answer.properties.get("meta")?);
    let meta_object = object(resolver, &meta_schema)?;
    let meta = field(resolver, answer, "meta")?;
    let has_more = field(resolver, meta_object, "hasMore")?;
    let cursor = field(resolver, meta_object, cursor_field)?;
    let mut arrays = answer.properties.iter().filter(|(name, schema)| {
        *name != "meta"
            && *name != "links"
            && matches!(schema, ReferenceOr::Item(s) if matches!(s.schema_kind, SchemaKind::Type(Type::Array(_))))
    });
    let (items_field, items) = arrays.next()?;
    if arrays.next().is_some() {
        return None;
    }
    // An array typify holds as a `Vec` whether required or not: only its name, and that it is
    // not nullable, matter.
    let entries = field(resolver, answer, items_field)?;
    // The entries are typed as their model: an inline item schema has a name only typify knows.
    let ReferenceOr::Item(items) = items else {
        return None;
    };
    let SchemaKind::Type(Type::Array(array)) = &items.schema_kind else {
        return None;
    };
    let Some(ReferenceOr::Reference { reference }) = &array.items else {
        return None;
    };
    Some(Pagination {
        page_param: param.ident.clone(),
        cursor_key,
        cursor_field,
        items_field: items_field.clone(),
        item_ty: TypeRef::Model(schema_key(reference)?.to_owned()),
        answer: answer_model.clone(),
        meta,
        has_more,
        cursor,
        entries: entries.ident,
    })
}

/// An object schema, through its references.
fn object<'b>(resolver: &Resolver<'b>, schema: &'b ReferenceOr<Schema>) -> Option<&'b ObjectType> {
    let (schema, _) = resolver.schema(schema, "").ok()?;
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(object)) => Some(object),
        _ => None,
    }
}

/// How typify holds property `name` of `object`: an `Option` unless required or with a
/// default. `None` when the generator would have to guess: a nullable property (typify wraps
/// it in an `Option` of its own), a name that is not plain ASCII, or no such property.
fn field(resolver: &Resolver<'_>, object: &ObjectType, name: &str) -> Option<Field> {
    let property = unbox(object.properties.get(name)?);
    let (schema, _) = resolver.schema(&property, "").ok()?;
    let nullable = match &property {
        ReferenceOr::Item(item) => item.schema_data.nullable || schema.schema_data.nullable,
        ReferenceOr::Reference { .. } => schema.schema_data.nullable,
    };
    if nullable || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let default = match &property {
        ReferenceOr::Item(item) => item.schema_data.default.is_some(),
        ReferenceOr::Reference { .. } => false,
    };
    Some(Field {
        ident: names::snake(name),
        optional: !object.required.iter().any(|r| r == name) && !default,
    })
}
