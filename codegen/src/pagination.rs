//! Step 3b, pagination: which lowered operations are cursor-paginated lists. A list takes a
//! deepObject `page` parameter with `after` and `before`, and answers an object with `meta`
//! (`hasMore` and `afterCursor`/`beforeCursor`) next to one array of entries. Lists page
//! forwards unless the facts table says backwards.

use serde_json::Value;

use crate::error::schema_key;
use crate::ir::{Location, Operation, Pagination, Payload, Style, TypeRef};
use crate::samples::Samples;

/// Finds the pagination of every operation that is a cursor-paginated list.
pub fn detect(operations: &mut [Operation], tree: &Value) {
    let samples = Samples::new(tree);
    for op in operations.iter_mut() {
        op.pagination = list(op, tree, &samples);
    }
}

fn object<'a>(
    schema: &'a Value,
    samples: &Samples<'a>,
) -> Option<&'a serde_json::Map<String, Value>> {
    let schema = match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => samples.resolve(reference)?,
        None => schema,
    };
    schema.get("properties")?.as_object()
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
    let [Payload::Json { schema_pointer, .. }] = op.success_payloads().as_slice() else {
        return None;
    };
    let answer = object(tree.pointer(schema_pointer)?, samples)?;
    let meta = object(answer.get("meta")?, samples)?;
    if !meta.contains_key("hasMore") || !meta.contains_key(cursor_field) {
        return None;
    }
    let mut arrays = answer.iter().filter(|(name, schema)| {
        *name != "meta"
            && *name != "links"
            && schema.get("type").and_then(Value::as_str) == Some("array")
    });
    let (items_field, items) = arrays.next()?;
    if arrays.next().is_some() {
        return None;
    }
    let item_ty = match items
        .get("items")
        .and_then(|i| i.get("$ref"))
        .and_then(Value::as_str)
    {
        Some(reference) => TypeRef::Model(schema_key(reference)?.to_owned()),
        None => TypeRef::Json,
    };
    Some(Pagination {
        page_param: page.ident.clone(),
        cursor_key,
        cursor_field,
        items_field: items_field.clone(),
        item_ty,
    })
}
