//! Step 3, lower: every selected operation becomes plain data (`Operation`) that the emitter
//! can turn into code without looking at the document again.
//!
//! Inline object schemas (a response declared as `type: object` with properties, a deepObject
//! filter, an `allOf` body) are lifted out as named models so typify can generate them next to
//! the document's own components.

use std::collections::{BTreeMap, HashMap, HashSet};

use indexmap::IndexMap;
use openapiv3::{
    AdditionalProperties, Components, OpenAPI, Parameter, ParameterSchemaOrContent, PathStyle,
    QueryStyle, ReferenceOr, RequestBody, Response as DocResponse, Schema, SchemaKind, StatusCode,
    StringFormat, Type, VariantOrUnknownOrEmpty,
};

use super::error::{Error, pointer, ref_pointer};
use super::names;
use super::select::Selected;

/// Everything the emitter needs, free of openapiv3 types except the lifted schemas.
pub struct Api {
    /// `info.title` of the document.
    pub title: String,
    /// `info.version` of the document.
    pub version: String,
    /// The selected operations, lowered, in document order.
    pub operations: Vec<Operation>,
    /// Inline schemas lifted out as named models: name → (pointer, schema).
    pub lifted: BTreeMap<String, (String, Schema)>,
}

/// One operation as plain data.
#[derive(Debug, Clone)]
pub struct Operation {
    /// `operationId` as the document spells it.
    pub id: String,
    /// The method name: `operationId` in snake case.
    pub name: String,
    /// HTTP method, lower case.
    pub method: &'static str,
    /// Path template as in the document.
    pub path: String,
    /// The template split into literal text and parameters.
    pub path_parts: Vec<PathPart>,
    /// `summary`, if any.
    pub summary: Option<String>,
    /// `description`, if any.
    pub description: Option<String>,
    /// Path parameters (in template order), then query parameters (in document order).
    pub params: Vec<Param>,
    /// The request body, if the operation takes one.
    pub body: Option<Body>,
    /// The documented responses.
    pub responses: Vec<Response>,
    /// Accepted security requirements, e.g. `basicAuth (app, account)`.
    pub security: Vec<String>,
    /// JSON pointer of the operation in the document.
    pub pointer: String,
}

/// A piece of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathPart {
    /// Literal text, including its slashes.
    Literal(String),
    /// A path parameter, by its index in `Operation::params`.
    Param(usize),
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// One path segment.
    Path,
    /// The query string.
    Query,
}

/// How a query parameter is serialised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `name=value`; arrays repeat the name when exploded, else join with commas.
    Form {
        /// Whether arrays repeat the name.
        explode: bool,
    },
    /// `name[key]=value` for each property of an object.
    DeepObject,
}

/// A path or query parameter.
#[derive(Debug, Clone)]
pub struct Param {
    /// The name on the wire.
    pub name: String,
    /// The Rust argument name.
    pub ident: String,
    /// Path or query.
    pub location: Location,
    /// Whether the caller must give it.
    pub required: bool,
    /// Its type.
    pub ty: TypeRef,
    /// How it is serialised.
    pub style: Style,
    /// `description`, if any.
    pub description: Option<String>,
}

/// The Rust type of a value, before names are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeRef {
    /// `String`.
    String,
    /// `i64`.
    Integer,
    /// `f64`.
    Number,
    /// `bool`.
    Boolean,
    /// Any JSON value.
    Json,
    /// A free-form JSON object.
    JsonObject,
    /// A list.
    Array(Box<TypeRef>),
    /// A string-keyed map.
    Map(Box<TypeRef>),
    /// A generated model, by its schema name (component key or lifted name).
    Model(String),
}

/// A request body.
#[derive(Debug, Clone)]
pub enum Body {
    /// A JSON document.
    Json {
        /// Its type.
        ty: TypeRef,
    },
    /// A `multipart/form-data` form.
    Multipart {
        /// The form's fields in document order.
        fields: Vec<FormField>,
    },
}

/// One field of a multipart form.
#[derive(Debug, Clone)]
pub struct FormField {
    /// The part name on the wire.
    pub name: String,
    /// The Rust field name.
    pub ident: String,
    /// A streamed file part (`format: binary`) rather than a text value.
    pub file: bool,
    /// Type of a text field.
    pub ty: TypeRef,
    /// Whether the field must be present.
    pub required: bool,
    /// `description`, if any.
    pub description: Option<String>,
}

/// Which statuses a documented response covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Exactly this code.
    Code(u16),
    /// `2XX` and friends: the hundreds digit.
    Range(u16),
    /// `default`.
    Default,
}

/// What a response carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payload {
    /// Nothing worth decoding.
    Empty,
    /// JSON of this type.
    Json(TypeRef),
    /// Bytes of a non-JSON media type.
    Bytes(String),
}

/// One documented response.
#[derive(Debug, Clone)]
pub struct Response {
    /// The statuses it covers.
    pub status: Status,
    /// Its description.
    pub description: String,
    /// Its body.
    pub payload: Payload,
}

/// Lowers the selected operations.
pub fn lower(doc: &OpenAPI, selected: &[Selected<'_>]) -> Result<Api, Error> {
    let mut lowerer = Lowerer {
        doc,
        lifted: BTreeMap::new(),
        lifted_by_pointer: HashMap::new(),
        taken: doc
            .components
            .iter()
            .flat_map(|c| c.schemas.keys())
            .map(|k| names::pascal(k))
            .collect(),
    };
    let mut operations = Vec::with_capacity(selected.len());
    let mut seen = HashMap::new();
    for sel in selected {
        let op = lowerer.operation(sel)?;
        if let Some(other) = seen.insert(op.name.clone(), op.pointer.clone()) {
            return Err(Error::at(
                sel.pointer.clone(),
                format!(
                    "method name `{}` is also used by the operation at #{other}",
                    op.name
                ),
            )
            .about(&op.id));
        }
        operations.push(op);
    }
    Ok(Api {
        title: doc.info.title.clone(),
        version: doc.info.version.clone(),
        operations,
        lifted: lowerer.lifted,
    })
}

struct Lowerer<'a> {
    doc: &'a OpenAPI,
    lifted: BTreeMap<String, (String, Schema)>,
    lifted_by_pointer: HashMap<String, String>,
    taken: HashSet<String>,
}

/// Names the generated method bodies use for themselves; parameters with these names get a
/// trailing underscore.
const RESERVED: &[&str] = &["body", "request", "response", "value", "item"];

/// Media types decoded as JSON.
fn is_json(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or("").trim();
    essence == "application/json" || essence.ends_with("+json")
}

impl<'a> Lowerer<'a> {
    fn operation(&mut self, sel: &Selected<'a>) -> Result<Operation, Error> {
        let op = sel.operation;
        let id = op.operation_id.clone().ok_or_else(|| {
            Error::at(sel.pointer.clone(), "the operation has no operationId").about(format!(
                "{} {}",
                sel.method.to_uppercase(),
                sel.path
            ))
        })?;
        let name = names::snake(&id);
        let wrap = |e: Error| {
            if e.subject.is_none() {
                e.about(id.clone())
            } else {
                e
            }
        };

        // Path-level parameters first, overridden by operation-level ones of the same name and
        // location (OpenAPI 3.0, "Path Item Object").
        let mut declared: IndexMap<(String, bool), (&Parameter, String)> = IndexMap::new();
        let levels = [
            (
                &sel.item.parameters,
                pointer(["paths", sel.path, "parameters"]),
            ),
            (&op.parameters, format!("{}/parameters", sel.pointer)),
        ];
        for (list, base) in levels {
            for (index, item) in list.iter().enumerate() {
                let at = format!("{base}/{index}");
                let (parameter, at) = self
                    .resolve(item, &at, "parameters", |c| &c.parameters)
                    .map_err(wrap)?;
                let data = parameter.parameter_data_ref();
                let is_path = matches!(parameter, Parameter::Path { .. });
                declared.insert((data.name.clone(), is_path), (parameter, at));
            }
        }

        let (path_parts, path_names) = split_template(sel.path)
            .map_err(|m| Error::at(pointer(["paths", sel.path]), m))
            .map_err(wrap)?;

        let mut params = Vec::new();
        for wanted in &path_names {
            let Some((parameter, at)) = declared.get(&(wanted.clone(), true)) else {
                return Err(wrap(Error::at(
                    sel.pointer.clone(),
                    format!("the path has `{{{wanted}}}` but no path parameter of that name"),
                )));
            };
            params.push(self.param(parameter, at).map_err(wrap)?);
        }
        for ((pname, is_path), (parameter, at)) in &declared {
            if *is_path {
                if !path_names.contains(pname) {
                    return Err(wrap(Error::at(
                        at.clone(),
                        format!("path parameter `{pname}` does not appear in the path"),
                    )));
                }
                continue;
            }
            params.push(self.param(parameter, at).map_err(wrap)?);
        }
        let mut idents = HashSet::new();
        for param in &mut params {
            while RESERVED.contains(&param.ident.as_str()) || !idents.insert(param.ident.clone()) {
                param.ident.push('_');
            }
        }
        let path_parts = path_parts
            .into_iter()
            .map(|part| match part {
                Part::Literal(text) => PathPart::Literal(text),
                Part::Param(pname) => PathPart::Param(
                    params
                        .iter()
                        .position(|p| p.location == Location::Path && p.name == pname)
                        .unwrap_or_default(),
                ),
            })
            .collect();

        let body = match &op.request_body {
            None => None,
            Some(body) => {
                let at = format!("{}/requestBody", sel.pointer);
                let (body, at) = self
                    .resolve(body, &at, "requestBodies", |c| &c.request_bodies)
                    .map_err(wrap)?;
                Some(self.body(body, &at, &name).map_err(wrap)?)
            }
        };

        let mut responses = Vec::new();
        let documented = op
            .responses
            .responses
            .iter()
            .map(|(code, r)| {
                let status = match code {
                    StatusCode::Code(c) => Status::Code(*c),
                    StatusCode::Range(r) => Status::Range(*r),
                };
                (status, code.to_string(), r)
            })
            .chain(
                op.responses
                    .default
                    .iter()
                    .map(|r| (Status::Default, "default".to_owned(), r)),
            );
        for (status, key, response) in documented {
            let at = format!("{}/responses/{key}", sel.pointer);
            let (response, at) = self
                .resolve(response, &at, "responses", |c| &c.responses)
                .map_err(wrap)?;
            let hint = match status {
                Status::Code(c) if (200..300).contains(&c) => format!("{id}Response"),
                _ => format!("{id}Response{key}"),
            };
            responses.push(self.response(status, response, &at, &hint).map_err(wrap)?);
        }

        let security = op
            .security
            .as_ref()
            .or(self.doc.security.as_ref())
            .map(|requirements| {
                requirements
                    .iter()
                    .map(|req| {
                        req.iter()
                            .map(|(scheme, scopes)| {
                                if scopes.is_empty() {
                                    scheme.clone()
                                } else {
                                    format!("{scheme} ({})", scopes.join(", "))
                                }
                            })
                            .collect::<Vec<_>>()
                            .join(" and ")
                    })
                    .collect()
            })
            .unwrap_or_default();

        Ok(Operation {
            id: id.clone(),
            name,
            method: sel.method,
            path: sel.path.to_owned(),
            path_parts,
            summary: op.summary.clone(),
            description: op.description.clone(),
            params,
            body,
            responses,
            security,
            pointer: sel.pointer.clone(),
        })
    }

    /// Follows local `$ref`s into a `components` section, returning the item and its pointer.
    fn resolve<'b, T>(
        &self,
        item: &'b ReferenceOr<T>,
        at: &str,
        section: &str,
        get: fn(&'a Components) -> &'a IndexMap<String, ReferenceOr<T>>,
    ) -> Result<(&'b T, String), Error>
    where
        'a: 'b,
    {
        let mut current = item;
        let mut at = at.to_owned();
        for _ in 0..16 {
            match current {
                ReferenceOr::Item(item) => return Ok((item, at)),
                ReferenceOr::Reference { reference } => {
                    let prefix = format!("#/components/{section}/");
                    let key = reference.strip_prefix(&prefix).ok_or_else(|| {
                        Error::at(
                            at.clone(),
                            format!("`{reference}` is not a reference into components/{section}"),
                        )
                    })?;
                    current = self
                        .doc
                        .components
                        .as_ref()
                        .and_then(|c| get(c).get(key))
                        .ok_or_else(|| {
                            Error::at(at.clone(), format!("`{reference}` points at nothing"))
                        })?;
                    at = ref_pointer(reference).to_owned();
                }
            }
        }
        Err(Error::at(at, "a chain of more than 16 references"))
    }

    fn schema_ref<'b>(
        &self,
        item: &'b ReferenceOr<Schema>,
        at: &str,
    ) -> Result<(&'b Schema, String), Error>
    where
        'a: 'b,
    {
        self.resolve(item, at, "schemas", |c| &c.schemas)
    }

    fn param(&mut self, parameter: &Parameter, at: &str) -> Result<Param, Error> {
        let data = parameter.parameter_data_ref();
        let (location, style) = match parameter {
            Parameter::Path { style, .. } => {
                if !matches!(style, PathStyle::Simple) {
                    return Err(Error::at(
                        at.to_owned(),
                        format!("path parameter style `{style:?}` is not supported"),
                    ));
                }
                (Location::Path, Style::Form { explode: false })
            }
            Parameter::Query { style, .. } => {
                let style = match style {
                    QueryStyle::Form => Style::Form {
                        explode: data.explode.unwrap_or(true),
                    },
                    QueryStyle::DeepObject => Style::DeepObject,
                    other => {
                        return Err(Error::at(
                            at.to_owned(),
                            format!("query parameter style `{other:?}` is not supported"),
                        ));
                    }
                };
                (Location::Query, style)
            }
            Parameter::Header { .. } | Parameter::Cookie { .. } => {
                return Err(Error::at(
                    at.to_owned(),
                    format!(
                        "parameter `{}`: header and cookie parameters are not supported",
                        data.name
                    ),
                ));
            }
        };
        let schema = match &data.format {
            ParameterSchemaOrContent::Schema(schema) => schema,
            ParameterSchemaOrContent::Content(_) => {
                return Err(Error::at(
                    at.to_owned(),
                    format!(
                        "parameter `{}` uses `content`, which is not supported",
                        data.name
                    ),
                ));
            }
        };
        let hint = match style {
            Style::DeepObject => data.name.clone(),
            Style::Form { .. } => format!("{}Param", data.name),
        };
        let ty = self.type_of(schema, &format!("{at}/schema"), &hint)?;
        let plain = |ty: &TypeRef| {
            matches!(
                ty,
                TypeRef::String | TypeRef::Integer | TypeRef::Number | TypeRef::Boolean
            )
        };
        let fits = match (location, style, &ty) {
            (_, Style::DeepObject, TypeRef::Model(_) | TypeRef::JsonObject) => true,
            (_, Style::DeepObject, _) => false,
            (Location::Path, _, ty) => plain(ty),
            (Location::Query, _, TypeRef::Array(inner)) => plain(inner),
            (Location::Query, _, ty) => plain(ty),
        };
        if !fits {
            return Err(Error::at(
                format!("{at}/schema"),
                format!(
                    "parameter `{}`: a {ty:?} cannot be sent with this parameter style",
                    data.name
                ),
            ));
        }
        Ok(Param {
            name: data.name.clone(),
            ident: names::snake(&data.name),
            location,
            required: data.required || location == Location::Path,
            ty,
            style,
            description: data.description.clone(),
        })
    }

    fn body(&mut self, body: &RequestBody, at: &str, op_name: &str) -> Result<Body, Error> {
        let content_at = |media: &str| pointer_join(at, &["content", media]);
        if let Some((media, content)) = body.content.iter().find(|(m, _)| is_json(m)) {
            let ty = match &content.schema {
                Some(schema) => self.type_of(
                    schema,
                    &pointer_join(&content_at(media), &["schema"]),
                    &format!("{op_name}Body"),
                )?,
                None => TypeRef::Json,
            };
            return Ok(Body::Json { ty });
        }
        if let Some(content) = body.content.get("multipart/form-data") {
            let schema_at = pointer_join(&content_at("multipart/form-data"), &["schema"]);
            let schema = content
                .schema
                .as_ref()
                .ok_or_else(|| Error::at(schema_at.clone(), "a multipart body needs a schema"))?;
            let (schema, schema_at) = self.schema_ref(schema, &schema_at)?;
            let SchemaKind::Type(Type::Object(object)) = &schema.schema_kind else {
                return Err(Error::at(
                    schema_at,
                    "a multipart body schema must be an object with properties",
                ));
            };
            let mut fields = Vec::new();
            let mut idents = HashSet::new();
            for (name, property) in &object.properties {
                let prop_at = pointer_join(&schema_at, &["properties", name]);
                let property = unbox(property);
                let (resolved, _) = self.schema_ref(&property, &prop_at)?;
                let file = is_binary(resolved);
                let ty = if file {
                    TypeRef::String
                } else {
                    self.type_of(&property, &prop_at, &format!("{op_name}{name}"))?
                };
                if !file
                    && !matches!(
                        ty,
                        TypeRef::String | TypeRef::Integer | TypeRef::Number | TypeRef::Boolean
                    )
                {
                    return Err(Error::at(
                        prop_at,
                        format!(
                            "multipart field `{name}`: only files and plain values are supported"
                        ),
                    ));
                }
                let mut ident = names::snake(name);
                while !idents.insert(ident.clone()) {
                    ident.push('_');
                }
                fields.push(FormField {
                    name: name.clone(),
                    ident,
                    file,
                    ty,
                    required: object.required.contains(name),
                    description: resolved.schema_data.description.clone(),
                });
            }
            return Ok(Body::Multipart { fields });
        }
        let media: Vec<&str> = body.content.keys().map(String::as_str).collect();
        Err(Error::at(
            format!("{at}/content"),
            format!(
                "request body media type(s) {media:?} not supported (JSON and multipart/form-data are)"
            ),
        ))
    }

    fn response(
        &mut self,
        status: Status,
        response: &DocResponse,
        at: &str,
        hint: &str,
    ) -> Result<Response, Error> {
        let payload =
            if let Some((media, content)) = response.content.iter().find(|(m, _)| is_json(m)) {
                match &content.schema {
                    Some(schema) => Payload::Json(self.type_of(
                        schema,
                        &pointer_join(at, &["content", media, "schema"]),
                        hint,
                    )?),
                    None => Payload::Json(TypeRef::Json),
                }
            } else if let Some(media) = response.content.keys().next() {
                Payload::Bytes(media.clone())
            } else {
                Payload::Empty
            };
        Ok(Response {
            status,
            description: response.description.clone(),
            payload,
        })
    }

    /// The type of a schema. References become models; plain scalars, arrays and free-form
    /// objects map to Rust types; anything else is lifted out as a named model.
    fn type_of(
        &mut self,
        schema: &ReferenceOr<Schema>,
        at: &str,
        hint: &str,
    ) -> Result<TypeRef, Error> {
        let schema = match schema {
            ReferenceOr::Reference { reference } => {
                let key = reference
                    .strip_prefix("#/components/schemas/")
                    .ok_or_else(|| {
                        Error::at(
                            at.to_owned(),
                            format!("`{reference}` is not a reference into components/schemas"),
                        )
                    })?;
                let exists = self
                    .doc
                    .components
                    .as_ref()
                    .is_some_and(|c| c.schemas.contains_key(key));
                if !exists {
                    return Err(Error::at(
                        at.to_owned(),
                        format!("`{reference}` points at nothing"),
                    ));
                }
                return Ok(TypeRef::Model(key.to_owned()));
            }
            ReferenceOr::Item(schema) => schema,
        };
        Ok(match &schema.schema_kind {
            SchemaKind::Type(Type::String(s)) if s.enumeration.is_empty() => TypeRef::String,
            SchemaKind::Type(Type::Integer(i)) if i.enumeration.is_empty() => TypeRef::Integer,
            SchemaKind::Type(Type::Number(n)) if n.enumeration.is_empty() => TypeRef::Number,
            SchemaKind::Type(Type::Boolean(_)) => TypeRef::Boolean,
            SchemaKind::Type(Type::Array(array)) => match &array.items {
                None => TypeRef::Array(Box::new(TypeRef::Json)),
                Some(items) => {
                    let items = unbox(items);
                    let inner = self.type_of(
                        &items,
                        &pointer_join(at, &["items"]),
                        &format!("{hint}Item"),
                    )?;
                    TypeRef::Array(Box::new(inner))
                }
            },
            SchemaKind::Type(Type::Object(object)) if object.properties.is_empty() => {
                match &object.additional_properties {
                    None | Some(AdditionalProperties::Any(true)) => TypeRef::JsonObject,
                    Some(AdditionalProperties::Schema(inner)) => {
                        let inner = self.type_of(
                            inner,
                            &pointer_join(at, &["additionalProperties"]),
                            &format!("{hint}Value"),
                        )?;
                        TypeRef::Map(Box::new(inner))
                    }
                    Some(AdditionalProperties::Any(false)) => self.lift(schema, at, hint),
                }
            }
            SchemaKind::Any(any) if any == &Default::default() => TypeRef::Json,
            _ => self.lift(schema, at, hint),
        })
    }

    /// Names an inline schema so typify generates it as a model. The same node lifted twice
    /// (a shared `components/parameters` entry) gets one name.
    fn lift(&mut self, schema: &Schema, at: &str, hint: &str) -> TypeRef {
        if let Some(name) = self.lifted_by_pointer.get(at) {
            return TypeRef::Model(name.clone());
        }
        let base = schema
            .schema_data
            .title
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(hint);
        let mut name = names::pascal(base);
        let mut n = 2;
        while self.taken.contains(&name) {
            name = format!("{}{n}", names::pascal(base));
            n += 1;
        }
        self.taken.insert(name.clone());
        self.lifted_by_pointer.insert(at.to_owned(), name.clone());
        self.lifted
            .insert(name.clone(), (at.to_owned(), schema.clone()));
        TypeRef::Model(name)
    }
}

fn is_binary(schema: &Schema) -> bool {
    matches!(
        &schema.schema_kind,
        SchemaKind::Type(Type::String(s))
            if matches!(s.format, VariantOrUnknownOrEmpty::Item(StringFormat::Binary))
    )
}

fn unbox(schema: &ReferenceOr<Box<Schema>>) -> ReferenceOr<Schema> {
    match schema {
        ReferenceOr::Reference { reference } => ReferenceOr::Reference {
            reference: reference.clone(),
        },
        ReferenceOr::Item(schema) => ReferenceOr::Item((**schema).clone()),
    }
}

fn pointer_join(base: &str, tokens: &[&str]) -> String {
    format!("{base}{}", pointer(tokens.iter()))
}

enum Part {
    Literal(String),
    Param(String),
}

/// Splits `/v2/apps/{appId}/attachments` into literal text and parameter names.
fn split_template(template: &str) -> Result<(Vec<Part>, Vec<String>), String> {
    if !template.starts_with('/') {
        return Err(format!("path `{template}` does not start with `/`"));
    }
    let mut parts = Vec::new();
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let close = rest[open..]
            .find('}')
            .map(|c| open + c)
            .ok_or_else(|| format!("unclosed `{{` in path `{template}`"))?;
        if open > 0 {
            parts.push(Part::Literal(rest[..open].to_owned()));
        }
        let name = &rest[open + 1..close];
        if name.is_empty() || name.contains('{') {
            return Err(format!("malformed parameter in path `{template}`"));
        }
        if names.iter().any(|n| n == name) {
            return Err(format!(
                "parameter `{name}` appears twice in path `{template}`"
            ));
        }
        names.push(name.to_owned());
        parts.push(Part::Param(name.to_owned()));
        rest = &rest[close + 1..];
    }
    if rest.contains('}') {
        return Err(format!("stray `}}` in path `{template}`"));
    }
    if !rest.is_empty() {
        parts.push(Part::Literal(rest.to_owned()));
    }
    Ok((parts, names))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_templates() {
        let (parts, names) = split_template("/v2/apps/{appId}/attachments").unwrap();
        assert_eq!(names, ["appId"]);
        assert!(matches!(&parts[0], Part::Literal(l) if l == "/v2/apps/"));
        assert!(matches!(&parts[1], Part::Param(p) if p == "appId"));
        assert!(matches!(&parts[2], Part::Literal(l) if l == "/attachments"));
        assert!(split_template("/a/{b").is_err());
        assert!(split_template("/a/{b}/{b}").is_err());
        assert!(split_template("a").is_err());
    }

    #[test]
    fn json_media_types() {
        assert!(is_json("application/json"));
        assert!(is_json("application/problem+json; charset=utf-8"));
        assert!(!is_json("text/plain"));
    }
}
