//! Minimal valid values synthesised from the document's schemas: required properties, the
//! first value of an enum, a value of the declared format, the document's own examples where a
//! schema has one. Tests use them to build requests and models the document accepts, so that a
//! newer document gets its tests with no hand-written case.

use serde_json::{Map, Value, json};

/// How deep references and nested schemas are followed before giving up with `null`.
const MAX_DEPTH: usize = 24;

/// The most items an array sample has, and the longest string sample, whatever a document's
/// `minItems` and `minLength` ask: a sample stays small.
const MAX_ITEMS: usize = 64;
const MAX_LENGTH: u64 = 4096;

/// Synthesises values from the schemas of one document (its JSON tree).
pub struct Samples<'a> {
    schemas: Option<&'a Map<String, Value>>,
}

impl<'a> Samples<'a> {
    /// Samples for the document `tree`.
    pub fn new(tree: &'a Value) -> Self {
        Samples {
            schemas: tree
                .pointer("/components/schemas")
                .and_then(Value::as_object),
        }
    }

    /// The schema `reference` (`#/components/schemas/x`) points at.
    pub fn resolve(&self, reference: &str) -> Option<&'a Value> {
        let key = crate::error::schema_key(reference)?;
        self.schemas?.get(key)
    }

    /// A minimal valid value of `schema`.
    pub fn value(&self, schema: &Value) -> Value {
        self.sample(schema, 0)
    }

    fn sample(&self, schema: &Value, depth: usize) -> Value {
        if depth > MAX_DEPTH {
            return Value::Null;
        }
        let Some(map) = schema.as_object() else {
            return Value::Null;
        };
        if let Some(reference) = map.get("$ref").and_then(Value::as_str) {
            return match self.resolve(reference) {
                Some(target) => self.sample(target, depth + 1),
                None => Value::Null,
            };
        }
        if let Some(Value::Array(values)) = map.get("enum")
            && let Some(first) = values.iter().find(|v| !v.is_null())
        {
            return first.clone();
        }
        if let Some(Value::Array(members)) = map.get("allOf") {
            let mut merged: Option<Map<String, Value>> = None;
            let mut other = None;
            for member in members {
                match self.sample(member, depth + 1) {
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
            if let Value::Object(own) = self.object(map, depth) {
                merged.extend(own);
            }
            return Value::Object(merged);
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(Value::Array(members)) = map.get(key)
                && let Some(first) = members.first()
            {
                return self.sample(first, depth + 1);
            }
        }
        let kind = map.get("type").and_then(Value::as_str).unwrap_or_else(|| {
            if map.contains_key("properties") {
                "object"
            } else if map.contains_key("items") {
                "array"
            } else {
                ""
            }
        });
        match kind {
            "object" => self.object(map, depth),
            "array" => {
                // One item (or as many as `minItems` asks), so that a request says something.
                let wanted = map
                    .get("minItems")
                    .and_then(Value::as_u64)
                    .unwrap_or(1)
                    .max(1);
                let allowed = map
                    .get("maxItems")
                    .and_then(Value::as_u64)
                    .unwrap_or(u64::MAX);
                match map.get("items") {
                    Some(items) if allowed > 0 => {
                        let item = self.sample(items, depth + 1);
                        let count = usize::try_from(wanted).unwrap_or(MAX_ITEMS).min(MAX_ITEMS);
                        Value::Array(vec![item; count])
                    }
                    _ => Value::Array(Vec::new()),
                }
            }
            "string" => string(map),
            "integer" | "number" => number(map, kind == "integer"),
            "boolean" => map.get("default").cloned().unwrap_or(Value::Bool(true)),
            _ => map
                .get("example")
                .or_else(|| map.get("default"))
                .cloned()
                .unwrap_or_else(|| json!({})),
        }
    }

    fn object(&self, map: &Map<String, Value>, depth: usize) -> Value {
        let mut out = Map::new();
        let required: Vec<&str> = map
            .get("required")
            .and_then(Value::as_array)
            .map(|names| names.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for name in required {
            if let Some(property) = self.property(map, name, depth) {
                out.insert(name.to_owned(), self.sample(property, depth + 1));
            }
        }
        Value::Object(out)
    }

    /// The schema of property `name`: the object's own, or one of its `allOf` members' (a
    /// `required` list may name properties its members declare).
    fn property(&self, map: &'a Map<String, Value>, name: &str, depth: usize) -> Option<&'a Value>
    where
        Self: 'a,
    {
        if let Some(property) = map.get("properties").and_then(|p| p.get(name)) {
            return Some(property);
        }
        if depth > MAX_DEPTH {
            return None;
        }
        map.get("allOf")?.as_array()?.iter().find_map(|member| {
            let member = match member.get("$ref").and_then(Value::as_str) {
                Some(reference) => self.resolve(reference)?,
                None => member,
            };
            self.property(member.as_object()?, name, depth + 1)
        })
    }

    /// A minimal value of `schema` with the value at `path` (a pointer into the schema, such as
    /// `/properties/key/properties/secret`) set to `leaf`, through `properties`, `allOf`,
    /// `items` and references.
    pub fn with_value_at(&self, schema: &Value, path: &str, leaf: Value) -> Option<Value> {
        let mut value = self.value(schema);
        let tokens: Vec<String> = path
            .split('/')
            .skip(1)
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .collect();
        self.place(schema, &tokens, &mut value, leaf, 0)?;
        Some(value)
    }

    fn place(
        &self,
        schema: &Value,
        tokens: &[String],
        value: &mut Value,
        leaf: Value,
        depth: usize,
    ) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        let schema = match schema.get("$ref").and_then(Value::as_str) {
            Some(reference) => self.resolve(reference)?,
            None => schema,
        };
        let Some((first, rest)) = tokens.split_first() else {
            *value = leaf;
            return Some(());
        };
        match first.as_str() {
            "properties" => {
                let (name, rest) = rest.split_first()?;
                let property = schema.get("properties")?.get(name)?;
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
                let member = schema.get("allOf")?.get(index.parse::<usize>().ok()?)?;
                self.place(member, rest, value, leaf, depth + 1)
            }
            "items" => {
                let items = schema.get("items")?;
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

fn string(map: &Map<String, Value>) -> Value {
    if let Some(example) = map.get("example").filter(|e| e.is_string()) {
        return example.clone();
    }
    if let Some(default) = map.get("default").filter(|d| d.is_string()) {
        return default.clone();
    }
    let text = match map.get("format").and_then(Value::as_str) {
        Some("date-time") => "2024-01-01T00:00:00.000Z".to_owned(),
        Some("date") => "2024-01-01".to_owned(),
        Some("time") => "00:00:00".to_owned(),
        Some("email") => "user@example.com".to_owned(),
        Some("uri" | "url") => "https://example.com/".to_owned(),
        Some("uuid") => "00000000-0000-4000-8000-000000000000".to_owned(),
        _ => "sample".to_owned(),
    };
    let min = map
        .get("minLength")
        .and_then(Value::as_u64)
        .unwrap_or(0)
        .min(MAX_LENGTH);
    let max = map.get("maxLength").and_then(Value::as_u64);
    let mut text = text;
    while (text.len() as u64) < min {
        text.push('x');
    }
    if let Some(max) = max {
        text.truncate(usize::try_from(max).unwrap_or(usize::MAX));
    }
    Value::String(text)
}

fn number(map: &Map<String, Value>, integer: bool) -> Value {
    for key in ["example", "default"] {
        if let Some(value) = map.get(key).filter(|v| v.is_number()) {
            return value.clone();
        }
    }
    let exclusive = |key: &str| map.get(key).and_then(Value::as_bool) == Some(true);
    let step = if integer { 1.0 } else { 0.5 };
    let value = match (
        map.get("minimum").and_then(Value::as_f64),
        map.get("maximum").and_then(Value::as_f64),
    ) {
        (Some(min), _) if exclusive("exclusiveMinimum") => min + step,
        (Some(min), _) => min,
        (None, Some(max)) if exclusive("exclusiveMaximum") => (max - step).min(1.0),
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
        let doc = json!({"components": {"schemas": {
            "key": {"type": "object", "required": ["id"], "properties": {
                "id": {"type": "string", "minLength": 10},
                "secret": {"type": "string"},
                "kind": {"type": "string", "enum": ["app", "account"]}
            }},
            "response": {"type": "object", "properties": {"key": {"$ref": "#/components/schemas/key"}}},
            "both": {"allOf": [{"$ref": "#/components/schemas/key"}, {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer", "minimum": 3}}}]}
        }}});
        let samples = Samples::new(&doc);
        let key = doc.pointer("/components/schemas/key").unwrap();
        assert_eq!(samples.value(key), json!({"id": "samplexxxx"}));
        let both = doc.pointer("/components/schemas/both").unwrap();
        assert_eq!(samples.value(both), json!({"id": "samplexxxx", "n": 3}));
        let response = doc.pointer("/components/schemas/response").unwrap();
        assert_eq!(
            samples.with_value_at(response, "/properties/key/properties/secret", json!("S")),
            Some(json!({"key": {"id": "samplexxxx", "secret": "S"}}))
        );
    }
}
