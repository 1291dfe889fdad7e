//! Step 3b, pagination: which lowered operations are cursor-paginated lists. A list takes a
//! deepObject `page` parameter with `after` and `before`, and answers an object with `meta`
//! (`hasMore` and `afterCursor`/`beforeCursor`) next to one array of entries. Lists page
//! forwards unless the facts table says backwards.

use serde_json::Value;

use crate::error::schema_key;
use crate::ir::{Field, Location, Operation, Pagination, Payload, Style, TypeRef};
use crate::names;
use crate::samples::Samples;

/// Finds the pagination of every operation that is a cursor-paginated list.
pub fn detect(operations: &mut [Operation], tree: &Value) {
    let samples = Samples::new(tree);
    for op in operations.iter_mut() {
        op.pagination = list(op, tree, &samples);
    }
}

/// A schema, through its `$ref` when it is one.
fn resolved<'a>(schema: &'a Value, samples: &Samples<'a>) -> Option<&'a Value> {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => samples.resolve(reference),
        None => Some(schema),
    }
}

fn object<'a>(
    schema: &'a Value,
    samples: &Samples<'a>,
) -> Option<&'a serde_json::Map<String, Value>> {
    resolved(schema, samples)?.get("properties")?.as_object()
}

/// How typify holds property `name` of object `schema`: an `Option` unless required or with a
/// default. `None` when the generator would have to guess: a nullable property (typify wraps
/// it in an `Option` of its own), a name that is not plain ASCII, or no such property.
fn field(schema: &Value, name: &str, samples: &Samples<'_>) -> Option<Field> {
    let schema = resolved(schema, samples)?;
    let property = schema.get("properties")?.get(name)?;
    let nullable = |s: &Value| s.get("nullable").and_then(Value::as_bool) == Some(true);
    if nullable(property) || resolved(property, samples).is_none_or(nullable) {
        return None;
    }
    if !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let required = schema
        .get("required")
        .and_then(Value::as_array)
        .is_some_and(|names| names.iter().any(|n| n.as_str() == Some(name)));
    let default = property.get("default").is_some();
    Some(Field {
        ident: names::snake(name),
        optional: !required && !default,
    })
}

fn list(op: &Operation, tree: &Value, samples: &Samples<'_>) -> Option<Pagination> {
    let page = op.params.iter().find(|p| {
        p.name == "page" && p.location == Location::Query && p.style == Style::DeepObject
    })?;
    let page_properties = object(tree.pointer(&page.schema_pointer)?, samples)?;
    let (cursor_key, cursor_field) = if op.facts.pages_backwards {
        ("before", "beforeCursor")
    } else {
        ("after", "afterCursor")
    };
    if !page_properties.contains_key(cursor_key) {
        return None;
    }
    let [
        Payload::Json {
            schema_pointer,
            ty: TypeRef::Model(answer_model),
            ..
        },
    ] = op.success_payloads().as_slice()
    else {
        return None;
    };
    let answer_schema = tree.pointer(schema_pointer)?;
    let answer = object(answer_schema, samples)?;
    let meta_schema = answer.get("meta")?;
    let meta = field(answer_schema, "meta", samples)?;
    let has_more = field(meta_schema, "hasMore", samples)?;
    let cursor = field(meta_schema, cursor_field, samples)?;
    let mut arrays = answer.iter().filter(|(name, schema)| {
        *name != "meta"
            && *name != "links"
            && schema.get("type").and_then(Value::as_str) == Some("array")
    });
    let (items_field, items) = arrays.next()?;
    if arrays.next().is_some() {
        return None;
    }
    let entries = field(answer_schema, items_field, samples)?;
    // The entries are typed as their model: an inline item schema has a name only typify knows.
    let reference = items.get("items")?.get("$ref")?.as_str()?;
    let item_ty = TypeRef::Model(schema_key(reference)?.to_owned());
    Some(Pagination {
        page_param: page.ident.clone(),
        cursor_key,
        cursor_field,
        items_field: items_field.clone(),
        item_ty,
        answer: answer_model.clone(),
        meta,
        has_more,
        cursor,
        entries: entries.ident,
    })
}
