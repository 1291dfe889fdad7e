//! Example cases: every documented example the generated models can decode (a component
//! schema's own `example`, a success answer's or a request body's examples, the webhook
//! events' examples), each with mutated copies that carry what a document cannot know yet:
//!
//! - a value no string `enum` lists;
//! - a `type` no arm of a union names (for unions told apart by a property, see `unions.rs`);
//! - a string past its `maxLength` or short of its `minLength`, an integer outside its
//!   `minimum` or `maximum` (what may be sent, never a reason to refuse an answer).
//!
//! The crate's tests decode each case into its model and check that encoding it again gives
//! the same JSON, and that a webhook payload keeps its events typed. The cases are Rust source
//! for the tests to `include!`: an `example_cases()` function listing `ExampleCase { at, what,
//! json, check }`, where `check` is `model::<T>` or `webhook`, which the including test defines.
//! A mutation is listed once for each place of the schemas it mutates, whichever example
//! reaches it first. An example that contradicts its own schema where typing cannot absorb it
//! (a number where the schema says string) is made to fit first, as the webhook examples are,
//! and the repair is reported with its pointer.

use std::collections::BTreeSet;

use openapiv3::{OpenAPI, ReferenceOr, Schema, SchemaKind, StatusCode, Type};
use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value;

use crate::error::{Error, pointer, schema_key};
use crate::ir::{Api, Body, Payload, Status, TypeRef};
use crate::keywords::Keywords;
use crate::repair::Repair;
use crate::resolve::{Node, SchemaRefs};
use crate::rust_types::{ModelNames, value_type_from};
use crate::unions::{self, Tagged};
use crate::webhooks::Webhooks;

/// The value every mutated enum or tag carries: no document lists it.
const UNKNOWN: &str = "sunco-unknown-value";

/// Arrays are walked this far: the first items show each kind of mutation.
const ITEMS_WALKED: usize = 2;

/// One case: a JSON value at a documented place, the model that must keep it, and what the
/// model gives back: the same, but for members the schemas do not declare (a model keeps only
/// what its schema declares, unless it allows more).
struct Case {
    at: String,
    what: String,
    json: Value,
    expected: Value,
    check: TokenStream,
}

/// The source of `example_cases()`.
pub fn cases(
    doc: &OpenAPI,
    api: &Api,
    models: &ModelNames,
    hooks: Option<&Webhooks>,
    repairs: &mut Vec<Repair>,
) -> Result<String, Error> {
    let refs = SchemaRefs::of(doc);
    let tagged = doc
        .components
        .as_ref()
        .map(|c| unions::tagged(&c.schemas))
        .unwrap_or_default();
    let mut walker = Walker {
        refs,
        schemas: doc.components.as_ref().map(|c| &c.schemas),
        tagged: &tagged,
        seen: BTreeSet::new(),
        cases: Vec::new(),
    };
    let model = |ty: &TypeRef| -> Option<TokenStream> {
        let ty = value_type_from(ty, models, "crate_").ok()?;
        Some(quote! { model::<#ty> })
    };

    // Component schemas' own examples, of the models this build has.
    if let Some(components) = &doc.components {
        for (key, schema) in &components.schemas {
            let ReferenceOr::Item(schema) = schema else {
                continue;
            };
            let Some(example) = &schema.schema_data.example else {
                continue;
            };
            let Some(path) = models.get(key).filter(|p| p.starts_with("types::")) else {
                continue;
            };
            let check = model_check(path);
            let at = pointer(["components", "schemas", key.as_str(), "example"]);
            let mut example = example.clone();
            crate::webhooks::coerce(refs, Node::Schema(schema), &mut example, &at, 0, repairs);
            walker.example(&at, &example, Node::Schema(schema), key, &check);
        }
    }

    // Each operation's success answers and JSON request body.
    for op in &api.operations {
        let Some(operation) = operation(doc, &op.path, op.method) else {
            continue;
        };
        let op_at = pointer(["paths", op.path.as_str(), op.method]);
        for (status, response) in &operation.responses.responses {
            let code = match status {
                StatusCode::Code(code) => *code,
                StatusCode::Range(_) => continue,
            };
            let ty = op
                .responses
                .iter()
                .find_map(|r| match (&r.status, &r.payload) {
                    (Status::Code(c), Payload::Json { ty, .. }) if *c == code => Some(ty),
                    _ => None,
                });
            let (Some(ty), ReferenceOr::Item(response)) = (ty, response) else {
                continue;
            };
            let Some(check) = model(ty) else { continue };
            let Some(media) = response.content.get("application/json") else {
                continue;
            };
            let at = format!("{op_at}/responses/{code}/content/application~1json");
            walker.media(doc, media, &at, &check, repairs);
        }
        if let (Some(Body::Json { ty, .. }), Some(ReferenceOr::Item(body))) =
            (&op.body, &operation.request_body)
            && let Some(media) = body.content.get("application/json")
            && let Some(check) = model(ty)
        {
            let at = format!("{op_at}/requestBody/content/application~1json");
            walker.media(doc, media, &at, &check, repairs);
        }
    }

    // The webhook events' examples: each event as its model, and the payload whole.
    if let Some(hooks) = hooks {
        for event in &hooks.events {
            let Some(example) = event.example.as_deref() else {
                continue;
            };
            let Ok(payload) = serde_json::from_str::<Value>(example) else {
                continue;
            };
            let at = format!("{}/examples/{}", hooks.pointer, event.event_type);
            walker.cases.push(Case {
                at: at.clone(),
                what: "as documented".to_owned(),
                json: payload.clone(),
                expected: Value::Null,
                check: quote! { webhook },
            });
            let (Some(path), Some(schema)) =
                (models.get(&event.schema), walker.component(&event.schema))
            else {
                continue;
            };
            let check = model_check(path);
            let node = Node::Schema(schema);
            let events = payload.get("events").and_then(Value::as_array);
            for (index, item) in events.into_iter().flatten().enumerate() {
                let event_at = format!("{at}/events/{index}");
                let before = walker.cases.len();
                walker.example(&event_at, item, node, &event.schema, &check);
                // Each mutated event, in its payload: the event stays typed.
                let wrapped: Vec<Case> = walker.cases[before..]
                    .iter()
                    .filter(|case| case.what != "as documented")
                    .map(|case| {
                        let mut whole = payload.clone();
                        whole["events"] = Value::Array(vec![case.json.clone()]);
                        Case {
                            at: case.at.clone(),
                            what: format!("{}, in its payload", case.what),
                            json: whole,
                            expected: Value::Null,
                            check: quote! { webhook },
                        }
                    })
                    .collect();
                walker.cases.extend(wrapped);
            }
        }
    }

    let cases = walker.cases.iter().map(|case| {
        let (at, what, check) = (&case.at, &case.what, &case.check);
        let json = case.json.to_string();
        let expected = case.expected.to_string();
        quote! {
            ExampleCase { at: #at, what: #what, json: #json, expected: #expected, check: #check }
        }
    });
    let file = quote! {
        /// Every documented example the models of this build decode, and mutated copies of
        /// them carrying values no document lists yet.
        fn example_cases() -> Vec<ExampleCase> {
            vec![#(#cases),*]
        }
    };
    Ok(format!(
        "// generated by build.rs for the crate's tests; do not edit.\n\n{file}\n"
    ))
}

fn model_check(path: &str) -> TokenStream {
    let ty: TokenStream = path.parse().unwrap_or_default();
    quote! { model::<#ty> }
}

/// The operation at `path` and `method` in the document.
fn operation<'d>(doc: &'d OpenAPI, path: &str, method: &str) -> Option<&'d openapiv3::Operation> {
    let ReferenceOr::Item(item) = doc.paths.paths.get(path)? else {
        return None;
    };
    item.iter()
        .find(|(m, _)| m.eq_ignore_ascii_case(method))
        .map(|(_, op)| op)
}

impl<'a> Walker<'a> {
    /// The examples of a media type (at `at`), each made to fit its schema first.
    fn media(
        &mut self,
        doc: &OpenAPI,
        media: &'a openapiv3::MediaType,
        at: &str,
        check: &TokenStream,
        repairs: &mut Vec<Repair>,
    ) {
        let Some(schema) = &media.schema else { return };
        for (example_at, mut example) in media_examples(doc, media, at) {
            crate::webhooks::coerce(
                self.refs,
                Node::from(schema),
                &mut example,
                &example_at,
                0,
                repairs,
            );
            self.example(&example_at, &example, Node::from(schema), "", check);
        }
    }
}

/// A media type's `example` and `examples` (through references into `components/examples`),
/// with where each is.
fn media_examples(doc: &OpenAPI, media: &openapiv3::MediaType, at: &str) -> Vec<(String, Value)> {
    let mut found = Vec::new();
    if let Some(example) = &media.example {
        found.push((format!("{at}/example"), example.clone()));
    }
    for (name, example) in &media.examples {
        let example = match example {
            ReferenceOr::Item(example) => Some(example),
            ReferenceOr::Reference { reference } => reference
                .strip_prefix("#/components/examples/")
                .and_then(|key| doc.components.as_ref()?.examples.get(key))
                .and_then(|e| match e {
                    ReferenceOr::Item(example) => Some(example),
                    ReferenceOr::Reference { .. } => None,
                }),
        };
        if let Some(value) = example.and_then(|e| e.value.clone()) {
            found.push((format!("{at}/examples/{name}"), value));
        }
    }
    found
}

/// Walks examples along their schemas, collecting cases.
struct Walker<'a> {
    refs: SchemaRefs<'a>,
    schemas: Option<&'a indexmap::IndexMap<String, ReferenceOr<Schema>>>,
    tagged: &'a std::collections::BTreeMap<String, Tagged>,
    /// `(place in the schemas, kind)` of the mutations made so far.
    seen: BTreeSet<(String, &'static str)>,
    cases: Vec<Case>,
}

impl<'a> Walker<'a> {
    /// Whether `property` is the tag of a union whose arm is the component `key`.
    fn is_tag(&self, key: &str, property: &str) -> bool {
        self.tagged
            .values()
            .any(|union| union.property == property && union.arms.iter().any(|(_, arm)| arm == key))
    }

    /// The component schema `key`, through references.
    fn component(&self, key: &str) -> Option<&'a Schema> {
        self.refs.schema(Node::from(self.schemas?.get(key)?))
    }

    /// The schema `node` stands for, with its place: through references, and through an
    /// `allOf` of one member and nothing else (a reference given a description of its own).
    fn schema_of(&self, node: Node<'a>, place: &str) -> Option<(String, &'a Schema)> {
        let (mut place, mut schema) = match node {
            Node::Ref(reference) => {
                let key = schema_key(reference)?;
                (key.to_owned(), self.component(key)?)
            }
            Node::Schema(schema) => (place.to_owned(), schema),
        };
        for _ in 0..8 {
            let keywords = Keywords::of(schema);
            let lone = match keywords.all_of {
                Some([only]) if keywords.properties.is_none_or(|p| p.is_empty()) => only,
                _ => break,
            };
            (place, schema) = match lone {
                ReferenceOr::Reference { reference } => {
                    let key = schema_key(reference)?;
                    (key.to_owned(), self.component(key)?)
                }
                ReferenceOr::Item(inline) => (place, inline),
            };
        }
        Some((place, schema))
    }

    /// The example as documented, and its mutations. `place` names the schema when it is a
    /// component given inline.
    fn example(
        &mut self,
        at: &str,
        example: &Value,
        schema: Node<'a>,
        place: &str,
        check: &TokenStream,
    ) {
        self.cases.push(Case {
            at: at.to_owned(),
            what: "as documented".to_owned(),
            json: example.clone(),
            expected: self.expected(schema, example, place, 0),
            check: check.clone(),
        });
        let mut mutations = Vec::new();
        self.walk(schema, example, "", place, &mut mutations);
        for (pointer, what, value) in mutations {
            let mut json = example.clone();
            if let Some(slot) = json.pointer_mut(&pointer) {
                *slot = value;
                let expected = self.expected(schema, &json, place, 0);
                self.cases.push(Case {
                    at: format!("{at}{pointer}"),
                    what,
                    json,
                    expected,
                    check: check.clone(),
                });
            }
        }
    }

    /// `value` as a model of `node` gives it back: without the members its schemas do not
    /// declare, where they declare properties and allow no others. An arm no tag names, and
    /// an untagged union's value, are kept whole.
    fn expected(&self, node: Node<'a>, value: &Value, place: &str, depth: usize) -> Value {
        if depth > 64 {
            return value.clone();
        }
        let Some((place, schema)) = self.schema_of(node, place) else {
            return value.clone();
        };
        let keywords = Keywords::of(schema);
        match value {
            Value::Array(items) => match keywords.items {
                Some(item) => Value::Array(
                    items
                        .iter()
                        .map(|value| self.expected(Node::from(item), value, "", depth + 1))
                        .collect(),
                ),
                None => value.clone(),
            },
            Value::Object(object) => {
                let (arm_key, schema) = match self.tagged.get(&place) {
                    Some(tagged) => {
                        let tag = object.get(&tagged.property).and_then(Value::as_str);
                        let arm = tagged.arms.iter().find(|(v, _)| Some(v.as_str()) == tag);
                        match arm.and_then(|(_, arm)| Some((arm, self.component(arm)?))) {
                            Some((arm, schema)) => (arm.clone(), schema),
                            None => return value.clone(),
                        }
                    }
                    None if !keywords.one_of.is_empty() || !keywords.any_of.is_empty() => {
                        return value.clone();
                    }
                    None => (place.clone(), schema),
                };
                if self.allows_more(schema, 0) {
                    return value.clone();
                }
                let mut kept: serde_json::Map<String, Value> = object
                    .iter()
                    .filter_map(|(name, value)| {
                        let (property, _) = self.property(schema, name, "", 0)?;
                        Some((name.clone(), self.expected(property, value, "", depth + 1)))
                    })
                    .collect();
                // A member left out stays out, its default unsent, but for a union arm's tag:
                // the model holds that constant, and gives it back.
                for (name, default) in self.defaults(schema, 0) {
                    if self.is_tag(&arm_key, &name) {
                        kept.entry(name).or_insert(default);
                    }
                }
                Value::Object(kept)
            }
            other => other.clone(),
        }
    }

    /// The members of `schema` (and of what it `allOf`s) that have a `default`, with it.
    fn defaults(&self, schema: &'a Schema, depth: usize) -> Vec<(String, Value)> {
        if depth > 8 {
            return Vec::new();
        }
        let keywords = Keywords::of(schema);
        let mut found: Vec<(String, Value)> = keywords
            .properties
            .into_iter()
            .flatten()
            .filter_map(|(name, property)| {
                let property = self.refs.schema(Node::from(property))?;
                if property.schema_data.nullable {
                    return None;
                }
                Some((name.clone(), property.schema_data.default.clone()?))
            })
            .collect();
        for part in keywords.all_of.unwrap_or_default() {
            let part = match part {
                ReferenceOr::Reference { reference } => {
                    schema_key(reference).and_then(|key| self.component(key))
                }
                ReferenceOr::Item(inline) => Some(inline),
            };
            if let Some(part) = part {
                found.extend(self.defaults(part, depth + 1));
            }
        }
        found
    }

    /// Whether a model of `schema` keeps members it does not declare: it declares none (a
    /// free-form object), or allows more (`additionalProperties`), itself or in what it
    /// `allOf`s.
    fn allows_more(&self, schema: &'a Schema, depth: usize) -> bool {
        if depth > 8 {
            return true;
        }
        let (additional, declares) = match &schema.schema_kind {
            SchemaKind::Type(Type::Object(object)) => (
                object.additional_properties.is_some(),
                !object.properties.is_empty(),
            ),
            SchemaKind::Any(any) => (
                any.additional_properties.is_some(),
                !any.properties.is_empty(),
            ),
            SchemaKind::AllOf { .. } => (false, false),
            _ => return true,
        };
        if additional {
            return true;
        }
        let parts = Keywords::of(schema).all_of.unwrap_or_default();
        if parts.is_empty() {
            return !declares;
        }
        parts.iter().any(|part| {
            let part = match part {
                ReferenceOr::Reference { reference } => {
                    schema_key(reference).and_then(|key| self.component(key))
                }
                ReferenceOr::Item(inline) => Some(inline),
            };
            part.is_some_and(|part| self.allows_more(part, depth + 1))
        }) && !declares
    }

    /// Whether the mutation `kind` at `place` is new.
    fn first(&mut self, place: &str, kind: &'static str) -> bool {
        self.seen.insert((place.to_owned(), kind))
    }

    /// The mutations of `value` (at `pointer` in the example, `place` in the schemas).
    fn walk(
        &mut self,
        node: Node<'a>,
        value: &Value,
        pointer: &str,
        place: &str,
        out: &mut Vec<(String, String, Value)>,
    ) {
        let Some((place, schema)) = self.schema_of(node, place) else {
            return;
        };
        let keywords = Keywords::of(schema);
        match value {
            Value::String(text) => self.string(schema, &keywords, text, pointer, &place, out),
            Value::Number(_) if keywords.typ == Some("integer") => {
                self.integer(&keywords, pointer, &place, out);
            }
            Value::Object(object) => {
                if let Some(tagged) = self.tagged.get(&place).cloned() {
                    self.union(&tagged, object, pointer, &place, out);
                    return;
                }
                self.object(schema, object, pointer, &place, out);
            }
            Value::Array(items) => {
                if let Some(item) = keywords.items {
                    for (index, value) in items.iter().take(ITEMS_WALKED).enumerate() {
                        let at = format!("{pointer}/{index}");
                        self.walk(Node::from(item), value, &at, &format!("{place}/items"), out);
                    }
                }
            }
            _ => {}
        }
    }

    fn string(
        &mut self,
        schema: &Schema,
        keywords: &Keywords<'_>,
        text: &str,
        pointer: &str,
        place: &str,
        out: &mut Vec<(String, String, Value)>,
    ) {
        let listed = match &schema.schema_kind {
            SchemaKind::Type(Type::String(string)) => !string.enumeration.is_empty(),
            SchemaKind::Any(any) => !any.enumeration.is_empty(),
            _ => false,
        };
        if listed {
            if self.first(place, "enum") {
                out.push((
                    pointer.to_owned(),
                    format!("`{text}` replaced by a value no enum lists"),
                    Value::String(UNKNOWN.to_owned()),
                ));
            }
            return;
        }
        if let Some(max) = keywords.max_length
            && self.first(place, "maxLength")
        {
            out.push((
                pointer.to_owned(),
                format!(
                    "a string of {} characters, past its maxLength {max}",
                    max + 1
                ),
                Value::String("x".repeat(max + 1)),
            ));
        }
        if let Some(min) = keywords.min_length.filter(|min| *min > 0)
            && self.first(place, "minLength")
        {
            out.push((
                pointer.to_owned(),
                format!("an empty string, short of its minLength {min}"),
                Value::String(String::new()),
            ));
        }
    }

    fn integer(
        &mut self,
        keywords: &Keywords<'_>,
        pointer: &str,
        place: &str,
        out: &mut Vec<(String, String, Value)>,
    ) {
        if let Some(min) = keywords.minimum.filter(|min| *min > 0.0)
            && self.first(place, "minimum")
        {
            out.push((
                pointer.to_owned(),
                format!("0, under its minimum {min}"),
                Value::from(0),
            ));
        }
        if let Some(max) = keywords.maximum.filter(|max| *max >= 0.0 && *max < 1e15)
            && self.first(place, "maximum")
        {
            out.push((
                pointer.to_owned(),
                format!("{}, over its maximum {max}", max as i64 + 1),
                Value::from(max as i64 + 1),
            ));
        }
    }

    /// A union told apart by a property: a copy with a tag no arm names, then the arm the
    /// example's own tag names.
    fn union(
        &mut self,
        tagged: &Tagged,
        object: &serde_json::Map<String, Value>,
        pointer: &str,
        place: &str,
        out: &mut Vec<(String, String, Value)>,
    ) {
        let Some(tag) = object.get(&tagged.property).and_then(Value::as_str) else {
            return;
        };
        if self.first(place, "union") {
            let mut unknown = object.clone();
            unknown.insert(tagged.property.clone(), Value::String(UNKNOWN.to_owned()));
            out.push((
                pointer.to_owned(),
                format!(
                    "`{}: {tag}` replaced by a value no arm names",
                    tagged.property
                ),
                Value::Object(unknown),
            ));
        }
        let Some((_, arm)) = tagged.arms.iter().find(|(value, _)| value == tag) else {
            return;
        };
        if let Some(schema) = self.component(arm) {
            self.object(schema, object, pointer, arm, out);
        }
    }

    /// An object's properties, its own and those of what it `allOf`s.
    fn object(
        &mut self,
        schema: &'a Schema,
        object: &serde_json::Map<String, Value>,
        pointer: &str,
        place: &str,
        out: &mut Vec<(String, String, Value)>,
    ) {
        for (name, value) in object {
            let Some((property, owner)) = self.property(schema, name, place, 0) else {
                continue;
            };
            let at = format!("{pointer}/{}", escape(name));
            self.walk(property, value, &at, &format!("{owner}/{name}"), out);
        }
    }

    /// The schema of property `name` of `schema` (or of what it `allOf`s), with the place of
    /// the schema that declares it.
    fn property(
        &self,
        schema: &'a Schema,
        name: &str,
        place: &str,
        depth: usize,
    ) -> Option<(Node<'a>, String)> {
        if depth > 8 {
            return None;
        }
        let keywords = Keywords::of(schema);
        if let Some(property) = keywords.properties.and_then(|p| p.get(name)) {
            return Some((Node::from(property), place.to_owned()));
        }
        for part in keywords.all_of.unwrap_or_default() {
            let (part_place, part_schema) = match part {
                ReferenceOr::Reference { reference } => {
                    let key = schema_key(reference)?;
                    (key.to_owned(), self.component(key)?)
                }
                ReferenceOr::Item(inline) => (place.to_owned(), inline),
            };
            if let Some(found) = self.property(part_schema, name, &part_place, depth + 1) {
                return Some(found);
            }
        }
        None
    }
}

/// A JSON pointer token.
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
