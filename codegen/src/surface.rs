//! The Rust API a document gives a `full-api` build, as plain data a diff compares: every
//! `Client` method with its parameters, body and answers; every model with its fields, enum
//! values or union arms; every webhook event. Each item keeps the JSON pointer of the place in
//! the document it comes from.

use std::collections::{BTreeMap, BTreeSet};

use indexmap::IndexMap;
use openapiv3::{OpenAPI, ReferenceOr, Schema};
use quote::ToTokens;
use syn::{Fields, Item};

use crate::error::{pointer, pointer_join, schema_key};
use crate::ir::{self, Body, Location, Payload};
use crate::keywords::Keywords;
use crate::resolve::{Node, SchemaRefs};
use crate::rust_types::{ModelNames, value_type};
use crate::webhooks::Webhooks;

/// The API of one document.
#[derive(Debug, Clone, Default)]
pub struct Surface {
    /// `info.version`.
    pub version: String,
    /// `Client` methods, by name.
    pub operations: BTreeMap<String, Operation>,
    /// Models, by Rust type name.
    pub models: BTreeMap<String, Model>,
    /// Webhook events, by `type`: the `webhooks::Event` variant and its pointer.
    pub events: BTreeMap<String, (String, String)>,
}

/// A `Client` method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    /// `operationId`.
    pub id: String,
    pub pointer: String,
    /// Whether the default build has it (the `Attachments` tag).
    pub default_build: bool,
    pub deprecated: bool,
    /// Parameters by wire name.
    pub params: BTreeMap<String, Param>,
    /// The JSON request body's type.
    pub body: Option<String>,
    /// A `multipart/form-data` body's parts, by name: whether required (an argument of the
    /// form's `new`, else a setter), and the part's type.
    pub form: Option<BTreeMap<String, (bool, String)>>,
    /// Documented answers: status → what it decodes into (empty for no body).
    pub responses: BTreeMap<String, String>,
    /// What `send()` gives: the type of the success answers together.
    pub answer: String,
}

/// A parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// The Rust name (argument or setter).
    pub ident: String,
    pub ty: String,
    pub required: bool,
    pub deprecated: bool,
    pub pointer: String,
}

/// A model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub pointer: String,
    /// The place of each union arm (by variant), where the document's union lists it.
    pub arms: BTreeMap<String, String>,
    /// Whether a request body reaches it: a field it requires must be given.
    pub request: bool,
    pub kind: ModelKind,
}

/// What a model is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelKind {
    /// Fields by wire name.
    Struct(BTreeMap<String, Field>),
    /// Values: wire value → variant.
    Enum(BTreeMap<String, String>),
    /// Arms: variant → its type (`{..}` for an inline one).
    Union(BTreeMap<String, String>),
    /// A newtype or an alias: its type.
    Other(String),
}

/// A struct's field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub ident: String,
    pub ty: String,
    pub required: bool,
    pub deprecated: bool,
    pub pointer: String,
}

/// The surface of a document whose operations (all of them) and webhooks went through the
/// generator's first steps.
pub fn of(
    doc: &OpenAPI,
    api: &ir::Api,
    hooks: Option<&Webhooks>,
    names: &ModelNames,
    typify: Option<&[Item]>,
) -> Surface {
    let mut surface = Surface {
        version: doc.info.version.clone(),
        ..Surface::default()
    };
    for op in &api.operations {
        surface
            .operations
            .insert(op.name.clone(), operation(doc, op, names));
    }
    if let Some(items) = typify {
        surface.models = models(doc, items, names);
    }
    mark_requests(&mut surface, api, names);
    if let Some(hooks) = hooks {
        for event in &hooks.events {
            let variant = event.variant();
            let at = pointer(["components", "schemas", event.schema.as_str()]);
            surface
                .events
                .insert(event.event_type.clone(), (variant, at));
        }
    }
    surface
}

fn operation(doc: &OpenAPI, op: &ir::Operation, names: &ModelNames) -> Operation {
    let ty = |ty: &ir::TypeRef| {
        value_type(ty, names)
            .map(|t| type_text(&t.to_string()))
            .unwrap_or_else(|_| format!("{ty:?}"))
    };
    let params = op
        .params
        .iter()
        .map(|param| {
            let at = parameter_pointer(doc, op, param).unwrap_or_else(|| op.pointer.clone());
            (
                param.name.clone(),
                Param {
                    ident: param.ident.clone(),
                    ty: ty(&param.ty),
                    required: param.required,
                    deprecated: param.deprecated,
                    pointer: at,
                },
            )
        })
        .collect();
    let body = match &op.body {
        Some(Body::Json { ty: body, .. }) => Some(ty(body)),
        _ => None,
    };
    let form = match &op.body {
        Some(Body::Multipart { fields }) => Some(
            fields
                .iter()
                .map(|f| {
                    let part = if f.file {
                        "FilePart".to_owned()
                    } else {
                        ty(&f.ty)
                    };
                    (f.name.clone(), (f.required, part))
                })
                .collect(),
        ),
        _ => None,
    };
    let answer = crate::emit::success(op, names)
        .map(|(answer, _)| type_text(&answer.to_string()))
        .unwrap_or_default();
    let responses = op
        .responses
        .iter()
        .map(|response| {
            let status = response.status.to_string();
            let payload = match &response.payload {
                Payload::Json { ty: payload, .. } => ty(payload),
                Payload::Bytes(media) => media.clone(),
                Payload::Empty => String::new(),
            };
            (status, payload)
        })
        .collect();
    Operation {
        id: op.id.clone(),
        pointer: op.pointer.clone(),
        default_build: op.in_default_build(),
        deprecated: op.deprecated,
        params,
        body,
        form,
        responses,
        answer,
    }
}

/// Where a parameter is declared: in the operation's `parameters`, else its path's.
fn parameter_pointer(doc: &OpenAPI, op: &ir::Operation, param: &ir::Param) -> Option<String> {
    let ReferenceOr::Item(item) = doc.paths.paths.get(&op.path)? else {
        return None;
    };
    let location = match param.location {
        Location::Path => "path",
        Location::Query => "query",
    };
    let find = |list: &[ReferenceOr<openapiv3::Parameter>]| {
        list.iter().position(|p| {
            let data = match p {
                ReferenceOr::Item(p) => Some(p),
                ReferenceOr::Reference { reference } => reference
                    .strip_prefix("#/components/parameters/")
                    .and_then(|key| doc.components.as_ref()?.parameters.get(key))
                    .and_then(|p| match p {
                        ReferenceOr::Item(p) => Some(p),
                        ReferenceOr::Reference { .. } => None,
                    }),
            };
            data.is_some_and(|p| {
                let data = p.parameter_data_ref();
                let here = match p {
                    openapiv3::Parameter::Path { .. } => "path",
                    openapiv3::Parameter::Query { .. } => "query",
                    openapiv3::Parameter::Header { .. } => "header",
                    openapiv3::Parameter::Cookie { .. } => "cookie",
                };
                data.name == param.name && here == location
            })
        })
    };
    let (_, operation) = item
        .iter()
        .find(|(method, _)| method.eq_ignore_ascii_case(op.method))?;
    if let Some(index) = find(&operation.parameters) {
        return Some(pointer_join(
            &op.pointer,
            ["parameters", &index.to_string()],
        ));
    }
    let index = find(&item.parameters)?;
    Some(pointer([
        "paths",
        op.path.as_str(),
        "parameters",
        &index.to_string(),
    ]))
}

/// The models typify generated, with the pointers of the schemas they come from: a component's
/// own, or, for a type typify made of an inline schema, the place of the field that uses it.
fn models(doc: &OpenAPI, items: &[Item], names: &ModelNames) -> BTreeMap<String, Model> {
    let refs = SchemaRefs::of(doc);
    let schemas = doc.components.as_ref().map(|c| &c.schemas);
    // A field with a documented default is an `Option` in the generated code (absent stays
    // absent), but for a union arm's tag; typify's declarations hold the default's type.
    let tags = schemas
        .map(|schemas| {
            let tagged = crate::unions::tagged(schemas);
            let facts =
                crate::open::Facts::of(tagged, Default::default(), Default::default(), names);
            crate::absent::tags(&facts.tagged)
        })
        .unwrap_or_default();
    let mut pointers: BTreeMap<String, String> = names
        .iter()
        .filter_map(|(key, path)| {
            let name = path.strip_prefix("types::")?;
            Some((
                name.to_owned(),
                pointer(["components", "schemas", key.as_str()]),
            ))
        })
        .collect();
    let keys: BTreeMap<String, String> = names
        .iter()
        .filter_map(|(key, path)| Some((path.strip_prefix("types::")?.to_owned(), key.clone())))
        .collect();
    let deprecated = schemas
        .map(crate::unions::deprecated_properties)
        .unwrap_or_default();
    let mut found = BTreeMap::new();
    // Parents before the inline types they name come later in typify's output only by name
    // order; pointers of inline types are filled in a second pass.
    for item in items {
        match item {
            Item::Struct(s) => {
                let name = s.ident.to_string();
                let kind = match &s.fields {
                    Fields::Named(fields) => ModelKind::Struct(
                        fields
                            .named
                            .iter()
                            .filter_map(|f| {
                                let ident = f.ident.as_ref()?;
                                let wire = crate::open::wire_name(ident, &f.attrs);
                                let mut ty = type_text(&f.ty.to_token_stream().to_string());
                                let defaulted = crate::open::has_serde_flag(&f.attrs, "default");
                                if tags.keeps_absent(&name, &wire, &f.attrs) {
                                    ty = format!("Option<{ty}>");
                                }
                                let required = !ty.starts_with("Option<") && !defaulted;
                                Some((
                                    wire,
                                    Field {
                                        ident: ident.to_string(),
                                        ty,
                                        required,
                                        // From the document, below: typify marks none.
                                        deprecated: false,
                                        pointer: String::new(),
                                    },
                                ))
                            })
                            .collect(),
                    ),
                    Fields::Unnamed(fields) => ModelKind::Other(
                        fields
                            .unnamed
                            .iter()
                            .map(|f| type_text(&f.ty.to_token_stream().to_string()))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                    Fields::Unit => ModelKind::Other(String::new()),
                };
                found.insert(name, kind);
            }
            Item::Enum(e) => {
                let name = e.ident.to_string();
                let untagged = crate::open::has_serde_flag(&e.attrs, "untagged");
                let kind = if untagged {
                    ModelKind::Union(
                        e.variants
                            .iter()
                            .map(|v| {
                                let ty = match &v.fields {
                                    Fields::Unnamed(f) => f
                                        .unnamed
                                        .iter()
                                        .map(|f| type_text(&f.ty.to_token_stream().to_string()))
                                        .collect::<Vec<_>>()
                                        .join(", "),
                                    _ => "{..}".to_owned(),
                                };
                                (v.ident.to_string(), ty)
                            })
                            .collect(),
                    )
                } else {
                    ModelKind::Enum(
                        e.variants
                            .iter()
                            .map(|v| {
                                let wire = crate::open::serde_value(&v.attrs, "rename")
                                    .unwrap_or_else(|| v.ident.to_string());
                                (wire, v.ident.to_string())
                            })
                            .collect(),
                    )
                };
                found.insert(name, kind);
            }
            Item::Type(t) => {
                let ty = type_text(&t.ty.to_token_stream().to_string());
                found.insert(t.ident.to_string(), ModelKind::Other(ty));
            }
            _ => {}
        }
    }
    // Inline types get the place of the field that names them, parents first (up to a few
    // levels: an inline object in an inline object).
    for _ in 0..4 {
        for (name, kind) in &found {
            let (Some(at), ModelKind::Struct(fields)) = (pointers.get(name).cloned(), kind) else {
                continue;
            };
            for (wire, field) in fields {
                let field_at = pointer_join(&at, ["properties", wire]);
                for inner in type_names(&field.ty) {
                    if found.contains_key(&inner) && !pointers.contains_key(&inner) {
                        let suffix = if field.ty.contains(&format!("Vec<{inner}>")) {
                            "/items"
                        } else {
                            ""
                        };
                        pointers.insert(inner, format!("{field_at}{suffix}"));
                    }
                }
            }
        }
    }
    found
        .into_iter()
        .map(|(name, mut kind)| {
            let at = pointers.get(&name).cloned().unwrap_or_default();
            let key = keys.get(&name);
            if let ModelKind::Struct(fields) = &mut kind {
                let marked = key.and_then(|key| deprecated.get(key));
                for (wire, field) in fields.iter_mut() {
                    field.pointer = key
                        .and_then(|key| property_pointer(refs, schemas, key, wire))
                        .unwrap_or_else(|| pointer_join(&at, ["properties", wire]));
                    field.deprecated = marked.is_some_and(|m| m.contains_key(wire));
                }
            }
            let arms = match (&kind, key) {
                (ModelKind::Union(variants), Some(key)) => {
                    arm_pointers(refs, schemas, key, variants, names)
                }
                _ => BTreeMap::new(),
            };
            (
                name,
                Model {
                    pointer: at,
                    arms,
                    request: false,
                    kind,
                },
            )
        })
        .collect()
}

/// Where the union `key` lists each arm (`/oneOf/2`), by variant: an arm is a reference to the
/// schema whose type the variant holds.
fn arm_pointers(
    refs: SchemaRefs<'_>,
    schemas: Option<&IndexMap<String, ReferenceOr<Schema>>>,
    key: &str,
    variants: &BTreeMap<String, String>,
    names: &ModelNames,
) -> BTreeMap<String, String> {
    let Some(schema) = schemas
        .and_then(|s| s.get(key))
        .and_then(|s| refs.schema(Node::from(s)))
    else {
        return BTreeMap::new();
    };
    let keywords = Keywords::of(schema);
    let (word, members) = if keywords.one_of.is_empty() {
        ("anyOf", keywords.any_of)
    } else {
        ("oneOf", keywords.one_of)
    };
    let mut found = BTreeMap::new();
    for (index, member) in members.iter().enumerate() {
        let ReferenceOr::Reference { reference } = member else {
            continue;
        };
        let Some(ty) = schema_key(reference)
            .and_then(|arm| names.get(arm))
            .and_then(|path| path.strip_prefix("types::"))
        else {
            continue;
        };
        if let Some((variant, _)) = variants.iter().find(|(_, held)| *held == ty) {
            found.insert(
                variant.clone(),
                pointer(["components", "schemas", key, word, &index.to_string()]),
            );
        }
    }
    found
}

/// Where the component `key` (or a schema it `allOf`s) declares property `wire`.
fn property_pointer(
    refs: SchemaRefs<'_>,
    schemas: Option<&IndexMap<String, ReferenceOr<Schema>>>,
    key: &str,
    wire: &str,
) -> Option<String> {
    let mut visited = BTreeSet::new();
    let mut queue = vec![(pointer(["components", "schemas", key]), key.to_owned())];
    while let Some((at, key)) = queue.pop() {
        if !visited.insert(key.clone()) {
            continue;
        }
        let schema = refs.schema(Node::from(schemas?.get(&key)?))?;
        if let Some(found) = declared_at(schema, &at, wire, &mut queue) {
            return Some(found);
        }
    }
    None
}

fn declared_at(
    schema: &Schema,
    at: &str,
    wire: &str,
    queue: &mut Vec<(String, String)>,
) -> Option<String> {
    let keywords = Keywords::of(schema);
    if keywords.properties.is_some_and(|p| p.contains_key(wire)) {
        return Some(pointer_join(at, ["properties", wire]));
    }
    for (index, part) in keywords.all_of.unwrap_or_default().iter().enumerate() {
        match part {
            ReferenceOr::Reference { reference } => {
                if let Some(key) = schema_key(reference) {
                    queue.push((pointer(["components", "schemas", key]), key.to_owned()));
                }
            }
            ReferenceOr::Item(inline) => {
                let part_at = pointer_join(at, ["allOf", &index.to_string()]);
                if let Some(found) = declared_at(inline, &part_at, wire, queue) {
                    return Some(found);
                }
            }
        }
    }
    None
}

/// Marks the models a request body reaches.
fn mark_requests(surface: &mut Surface, api: &ir::Api, names: &ModelNames) {
    let mut queue: Vec<String> = Vec::new();
    for op in &api.operations {
        if let Some(Body::Json { ty, .. }) = &op.body {
            let mut reached = Vec::new();
            ty.models(&mut reached);
            queue.extend(
                reached
                    .iter()
                    .filter_map(|key| names.get(key)?.strip_prefix("types::"))
                    .map(str::to_owned),
            );
        }
    }
    let mut seen = BTreeSet::new();
    while let Some(name) = queue.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let Some(model) = surface.models.get_mut(&name) else {
            continue;
        };
        model.request = true;
        let inner: Vec<String> = match &model.kind {
            ModelKind::Struct(fields) => fields.values().flat_map(|f| type_names(&f.ty)).collect(),
            ModelKind::Union(arms) => arms.values().flat_map(|ty| type_names(ty)).collect(),
            ModelKind::Other(ty) => type_names(ty),
            ModelKind::Enum(_) => Vec::new(),
        };
        queue.extend(inner);
    }
}

/// The type names a type's text names (`Option<Vec<Foo>>` → `Option`, `Vec`, `Foo`).
fn type_names(ty: &str) -> Vec<String> {
    ty.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|part| part.starts_with(|c: char| c.is_ascii_uppercase()))
        .map(str::to_owned)
        .collect()
}

/// A type as a reader writes it: without spaces, the standard library's paths, `super::` and
/// the crate's root.
pub fn type_text(tokens: &str) -> String {
    let mut text: String = tokens.split_whitespace().collect();
    for (long, short) in [
        ("::std::option::Option", "Option"),
        ("::std::vec::Vec", "Vec"),
        ("::std::string::String", "String"),
        ("::std::collections::HashMap", "HashMap"),
        ("::std::collections::BTreeMap", "BTreeMap"),
        ("::std::num::", ""),
        ("::serde_json::Map", "Map"),
        ("::serde_json::Value", "Value"),
        ("super::", ""),
        ("crate::", ""),
        ("types::", ""),
    ] {
        text = text.replace(long, short);
    }
    text.replace(',', ", ")
}
