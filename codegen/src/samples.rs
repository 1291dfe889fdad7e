//! Minimal valid values synthesised from the document's schemas: required properties, the
//! first value of an enum, a value of the declared format, the document's own examples where a
//! schema has one. Tests use them to build requests and models the document accepts, so that a
//! newer document gets its tests with no hand-written case.

use openapiv3::{OpenAPI, Schema};
use serde_json::{Map, Value, json};

use crate::keywords::{Keywords, first_enum_value};
use crate::resolve::{Node, SchemaRefs};

/// How deep references and nested schemas are followed before giving up with `null`.
const MAX_DEPTH: usize = 24;

/// The most items an array sample has, and the longest string sample, whatever a document's
/// `minItems` and `minLength` ask: a sample stays small.
const MAX_ITEMS: usize = 64;
const MAX_LENGTH: usize = 4096;

/// Synthesises values from the schemas of one document.
pub struct Samples<'a> {
    refs: SchemaRefs<'a>,
}

impl<'a> Samples<'a> {
    /// Samples for the document `doc`.
    pub fn new(doc: &'a OpenAPI) -> Self {
        Samples {
            refs: SchemaRefs::of(doc),
        }
    }

    /// A minimal valid value of `schema`.
    pub fn value<'s>(&self, schema: impl Into<Node<'s>>) -> Value
    where
        'a: 's,
    {
        self.sample(schema.into(), 0)
    }

    fn sample<'s>(&self, node: Node<'s>, depth: usize) -> Value
    where
        'a: 's,
    {
        if depth > MAX_DEPTH {
            return Value::Null;
        }
        let schema = match node {
            Node::Schema(schema) => schema,
            Node::Ref(_) => {
                return match self.refs.schema(node) {
                    Some(target) => self.sample(Node::Schema(target), depth + 1),
                    None => Value::Null,
                };
            }
        };
        if let Some(first) = first_enum_value(schema) {
            return first;
        }
        let keywords = Keywords::of(schema);
        if let Some(members) = keywords.all_of {
            let mut merged: Option<Map<String, Value>> = None;
            let mut other = None;
            for member in members {
                match self.sample(member.into(), depth + 1) {
                    Value::Object(part) => merged.get_or_insert_with(Map::new).extend(part),
                    value => {
                        other.get_or_insert(value);
                    }
                }
            }
            // `allOf` over a single plain schema (a string with a description of its own).
            if let (None, Some(value)) = (&merged, other) {
                return value;
            }
            let mut merged = merged.unwrap_or_default();
            if let Value::Object(own) = self.object(schema, depth) {
                merged.extend(own);
            }
            return Value::Object(merged);
        }
        for members in [keywords.one_of, keywords.any_of] {
            if let Some(first) = members.first() {
                return self.sample(first.into(), depth + 1);
            }
        }
        let kind = keywords.typ.unwrap_or(if keywords.properties.is_some() {
            "object"
        } else if keywords.items.is_some() {
            "array"
        } else {
            ""
        });
        let data = &schema.schema_data;
        match kind {
            "object" => self.object(schema, depth),
            "array" => {
                // One item (or as many as `minItems` asks), so that a request says something.
                let wanted = keywords.min_items.unwrap_or(1).max(1);
                let allowed = keywords.max_items.unwrap_or(usize::MAX);
                match keywords.items {
                    Some(items) if allowed > 0 => {
                        let item = self.sample(items.into(), depth + 1);
                        Value::Array(vec![item; wanted.min(MAX_ITEMS)])
                    }
                    _ => Value::Array(Vec::new()),
                }
            }
            "string" => string(schema, &keywords),
            "integer" | "number" => number(schema, &keywords, kind == "integer"),
            "boolean" => data.default.clone().unwrap_or(Value::Bool(true)),
            _ => data
                .example
                .as_ref()
                .or(data.default.as_ref())
                .cloned()
                .unwrap_or_else(|| json!({})),
        }
    }

    fn object(&self, schema: &Schema, depth: usize) -> Value {
        let mut out = Map::new();
        for name in Keywords::of(schema).required {
            if let Some(property) = self.property(schema, name, depth) {
                out.insert(name.clone(), self.sample(property, depth + 1));
            }
        }
        Value::Object(out)
    }

    /// The schema of property `name`: the object's own, or one of its `allOf` members' (a
    /// `required` list may name properties its members declare).
    fn property<'s>(&self, schema: &'s Schema, name: &str, depth: usize) -> Option<Node<'s>>
    where
        'a: 's,
    {
        let keywords = Keywords::of(schema);
        if let Some(property) = keywords.properties.and_then(|p| p.get(name)) {
            return Some(property.into());
        }
        if depth > MAX_DEPTH {
            return None;
        }
        keywords.all_of?.iter().find_map(|member| {
            let member = self.refs.schema(member.into())?;
            self.property(member, name, depth + 1)
        })
    }

    /// A minimal value of `schema` with the value at `path` (a pointer into the schema, such as
    /// `/properties/key/properties/secret`) set to `leaf`, through `properties`, `allOf`,
    /// `items` and references.
    pub fn with_value_at<'s>(
        &self,
        schema: impl Into<Node<'s>>,
        path: &str,
        leaf: Value,
    ) -> Option<Value>
    where
        'a: 's,
    {
        let schema = schema.into();
        let mut value = self.sample(schema, 0);
        let tokens: Vec<String> = path
            .split('/')
            .skip(1)
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .collect();
        self.place(schema, &tokens, &mut value, leaf, 0)?;
        Some(value)
    }

    fn place<'s>(
        &self,
        node: Node<'s>,
        tokens: &[String],
        value: &mut Value,
        leaf: Value,
        depth: usize,
    ) -> Option<()>
    where
        'a: 's,
    {
        if depth > MAX_DEPTH {
            return None;
        }
        let schema = self.refs.schema(node)?;
        let Some((first, rest)) = tokens.split_first() else {
            *value = leaf;
            return Some(());
        };
        let keywords = Keywords::of(schema);
        match first.as_str() {
            "properties" => {
                let (name, rest) = rest.split_first()?;
                let property = Node::from(keywords.properties?.get(name)?);
                if !value.is_object() {
                    *value = json!({});
                }
                let object = value.as_object_mut()?;
                let child = object
                    .entry(name.clone())
                    .or_insert_with(|| self.sample(property, depth + 1));
                self.place(property, rest, child, leaf, depth + 1)
            }
            "allOf" => {
                let (index, rest) = rest.split_first()?;
                let member = keywords.all_of?.get(index.parse::<usize>().ok()?)?;
                self.place(member.into(), rest, value, leaf, depth + 1)
            }
            "items" => {
                let items = Node::from(keywords.items?);
                if !value.is_array() {
                    *value = json!([]);
                }
                let array = value.as_array_mut()?;
                if array.is_empty() {
                    array.push(self.sample(items, depth + 1));
                }
                self.place(items, rest, &mut array[0], leaf, depth + 1)
            }
            _ => None,
        }
    }
}

fn string(schema: &Schema, keywords: &Keywords<'_>) -> Value {
    let data = &schema.schema_data;
    if let Some(example) = data.example.as_ref().filter(|e| e.is_string()) {
        return example.clone();
    }
    if let Some(default) = data.default.as_ref().filter(|d| d.is_string()) {
        return default.clone();
    }
    let mut text = match keywords.format {
        Some("date-time") => "2024-01-01T00:00:00.000Z".to_owned(),
        Some("date") => "2024-01-01".to_owned(),
        Some("time") => "00:00:00".to_owned(),
        Some("email") => "user@example.com".to_owned(),
        Some("uri" | "url") => "https://example.com/".to_owned(),
        Some("uuid") => "00000000-0000-4000-8000-000000000000".to_owned(),
        _ => "sample".to_owned(),
    };
    let min = keywords.min_length.unwrap_or(0).min(MAX_LENGTH);
    while text.len() < min {
        text.push('x');
    }
    if let Some(max) = keywords.max_length {
        text.truncate(max);
    }
    Value::String(text)
}

fn number(schema: &Schema, keywords: &Keywords<'_>, integer: bool) -> Value {
    let data = &schema.schema_data;
    for value in [&data.example, &data.default].into_iter().flatten() {
        if value.is_number() {
            return value.clone();
        }
    }
    let step = if integer { 1.0 } else { 0.5 };
    let value = match (keywords.minimum, keywords.maximum) {
        (Some(min), _) if keywords.exclusive_minimum => min + step,
        (Some(min), _) => min,
        (None, Some(max)) if keywords.exclusive_maximum => (max - step).min(1.0),
        (None, Some(max)) => max.min(1.0),
        (None, None) => 1.0,
    };
    if integer {
        json!(value.ceil() as i64)
    } else {
        json!(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_values_follow_the_schema() {
        let doc: OpenAPI = serde_json::from_value(json!({
            "openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
            "components": {"schemas": {
                "key": {"type": "object", "required": ["id"], "properties": {
                    "id": {"type": "string", "minLength": 10},
                    "secret": {"type": "string"},
                    "kind": {"type": "string", "enum": ["app", "account"]}
                }},
                "response": {"type": "object", "properties": {"key": {"$ref": "#/components/schemas/key"}}},
                "both": {"allOf": [{"$ref": "#/components/schemas/key"}, {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer", "minimum": 3}}}]},
                "mixed": {"required": ["kind", "n"], "allOf": [{"$ref": "#/components/schemas/key"}],
                    "properties": {"kind": {"enum": [null, "b"]}, "n": {"type": "number", "exclusiveMinimum": true, "minimum": 2}}}
            }}
        }))
        .unwrap();
        let schema = |name: &str| &doc.components.as_ref().unwrap().schemas[name];
        let samples = Samples::new(&doc);
        assert_eq!(samples.value(schema("key")), json!({"id": "samplexxxx"}));
        assert_eq!(
            samples.value(schema("both")),
            json!({"id": "samplexxxx", "n": 3})
        );
        // `allOf` next to properties, and an `enum` without a type: openapiv3's `Any` form.
        assert_eq!(
            samples.value(schema("mixed")),
            json!({"id": "samplexxxx", "kind": "b", "n": 2.5})
        );
        assert_eq!(
            samples.with_value_at(
                schema("response"),
                "/properties/key/properties/secret",
                json!("S")
            ),
            Some(json!({"key": {"id": "samplexxxx", "secret": "S"}}))
        );
    }
}
