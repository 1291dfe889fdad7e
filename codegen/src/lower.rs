//! Step 3, lower: every selected operation becomes plain data ([`crate::ir::Operation`]), in
//! named steps: its id, its parameters, its path template, its request body, its responses,
//! its credentials, its facts and its pagination; and, for the contract cases, a value the
//! document accepts for each parameter and JSON body (its example, or a sample).

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;
use openapiv3::{
    MediaType, Parameter, ParameterSchemaOrContent, PathStyle, QueryStyle, ReferenceOr,
    RequestBody, Response as DocResponse, Schema, SchemaKind, StatusCode, Type,
};

use crate::error::{Error, pointer, pointer_join};
use crate::facts::Facts;
use crate::ir::{
    Api, Body, FormField, Location, Operation, Param, PathPart, Payload, Response, Status, Style,
    TypeRef,
};
use crate::names;
use crate::pagination;
use crate::resolve::{Resolver, is_binary, is_json, unbox};
use crate::samples::Samples;
use crate::select::Selected;

/// Names the generated method bodies use for themselves; parameters with these names get a
/// trailing underscore.
const RESERVED: &[&str] = &[
    "body", "request", "response", "value", "item", "client", "send", "pages", "items",
];

/// Lowers the selected operations.
pub fn lower(doc: &openapiv3::OpenAPI, selected: &[Selected<'_>]) -> Result<Api, Error> {
    let mut resolver = Resolver::new(doc);
    let mut operations = Vec::with_capacity(selected.len());
    let mut seen = HashMap::new();
    for sel in selected {
        let op = operation(&mut resolver, sel)?;
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
        lifted: resolver.lifted,
    })
}

/// One operation, step by step; any error names the operation.
fn operation<'b>(resolver: &mut Resolver<'b>, sel: &Selected<'b>) -> Result<Operation, Error> {
    let id = operation_id(sel)?;
    let about = |e: Error| {
        if e.subject.is_none() {
            e.about(id.clone())
        } else {
            e
        }
    };
    let name = names::snake(&id);
    let declared = declared_params(resolver, sel).map_err(about)?;
    let (params, path_parts) = params_and_path(resolver, sel, &id, &declared).map_err(about)?;
    let body = request_body(resolver, sel, &name).map_err(about)?;
    let (responses, success_schema) = responses(resolver, sel, &id).map_err(about)?;
    let page = declared
        .get(&("page".to_owned(), false))
        .map(|(parameter, _)| *parameter);
    let mut op = Operation {
        facts: Facts::of(&id, sel.method),
        pagination: None,
        security: security(resolver.doc(), sel),
        id,
        name,
        method: sel.method,
        path: sel.path.to_owned(),
        path_parts,
        tags: sel.operation.tags.clone(),
        summary: sel.operation.summary.clone(),
        description: sel.operation.description.clone(),
        deprecated: sel.operation.deprecated,
        params,
        body,
        responses,
        pointer: sel.pointer.clone(),
    };
    op.pagination = pagination::detect(resolver, &op, page, success_schema);
    Ok(op)
}

/// The `operationId`, which every generated operation needs for its method name.
fn operation_id(sel: &Selected<'_>) -> Result<String, Error> {
    sel.operation.operation_id.clone().ok_or_else(|| {
        Error::at(sel.pointer.clone(), "the operation has no operationId").about(format!(
            "{} {}",
            sel.method.to_uppercase(),
            sel.path
        ))
    })
}

/// Parameters keyed by (name, is a path parameter): path-level ones first, overridden by
/// operation-level ones of the same name and location (OpenAPI 3.0, "Path Item Object").
type Declared<'b> = IndexMap<(String, bool), (&'b Parameter, String)>;

fn declared_params<'b>(resolver: &Resolver<'b>, sel: &Selected<'b>) -> Result<Declared<'b>, Error> {
    let mut declared = IndexMap::new();
    let levels = [
        (
            &sel.item.parameters,
            pointer(["paths", sel.path, "parameters"]),
        ),
        (
            &sel.operation.parameters,
            format!("{}/parameters", sel.pointer),
        ),
    ];
    for (list, base) in levels {
        for (index, item) in list.iter().enumerate() {
            let at = format!("{base}/{index}");
            let (parameter, at) = resolver.resolve(item, &at, "parameters", |c| &c.parameters)?;
            let data = parameter.parameter_data_ref();
            let is_path = matches!(parameter, Parameter::Path { .. });
            declared.insert((data.name.clone(), is_path), (parameter, at));
        }
    }
    Ok(declared)
}

/// The parameters (path ones in template order, then query ones) and the path template split
/// at its parameters.
fn params_and_path(
    resolver: &mut Resolver<'_>,
    sel: &Selected<'_>,
    id: &str,
    declared: &Declared<'_>,
) -> Result<(Vec<Param>, Vec<PathPart>), Error> {
    let (parts, path_names) =
        split_template(sel.path).map_err(|m| Error::at(pointer(["paths", sel.path]), m))?;

    let mut params = Vec::new();
    for wanted in &path_names {
        let Some((parameter, at)) = declared.get(&(wanted.clone(), true)) else {
            return Err(Error::at(
                sel.pointer.clone(),
                format!("the path has `{{{wanted}}}` but no path parameter of that name"),
            ));
        };
        params.push(param(resolver, id, parameter, at)?);
    }
    for ((name, is_path), (parameter, at)) in declared {
        if *is_path {
            if !path_names.contains(name) {
                return Err(Error::at(
                    at.clone(),
                    format!("path parameter `{name}` does not appear in the path"),
                ));
            }
            continue;
        }
        params.push(param(resolver, id, parameter, at)?);
    }
    let mut idents = HashSet::new();
    for param in &mut params {
        while RESERVED.contains(&param.ident.as_str()) || !idents.insert(param.ident.clone()) {
            param.ident.push('_');
        }
    }

    let path_parts = parts
        .into_iter()
        .map(|part| match part {
            Part::Literal(text) => PathPart::Literal(text),
            Part::Param(name) => PathPart::Param(
                params
                    .iter()
                    .position(|p| p.location == Location::Path && p.name == name)
                    .unwrap_or_default(),
            ),
        })
        .collect();
    Ok((params, path_parts))
}

/// One path or query parameter: where it goes, how it is serialised, its type.
fn param(
    resolver: &mut Resolver<'_>,
    operation_id: &str,
    parameter: &Parameter,
    at: &str,
) -> Result<Param, Error> {
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
    let schema_at = format!("{at}/schema");
    let hint = match style {
        Style::DeepObject => data.name.clone(),
        Style::Form { .. } => format!("{}Param", data.name),
    };
    let mut ty = resolver.type_of(schema, &schema_at, &hint)?;
    if let Some(path) = Facts::param_type(operation_id, &data.name) {
        if !ty.is_scalar() {
            return Err(Error::at(
                schema_at,
                format!(
                    "parameter `{}`: the facts table gives it the type `{path}`, but its schema \
                     is not a plain value",
                    data.name
                ),
            ));
        }
        ty = TypeRef::Crate(path);
    }
    let fits = match (location, style, &ty) {
        (_, Style::DeepObject, TypeRef::Model(_) | TypeRef::JsonObject) => true,
        (_, Style::DeepObject, _) => false,
        (Location::Path, _, ty) => ty.is_scalar(),
        (Location::Query, _, TypeRef::Array(inner)) => inner.is_scalar(),
        (Location::Query, _, ty) => ty.is_scalar(),
    };
    if !fits {
        return Err(Error::at(
            schema_at,
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
        deprecated: data.deprecated.unwrap_or(false),
        sample: data
            .example
            .clone()
            .unwrap_or_else(|| Samples::new(resolver.doc()).value(schema)),
    })
}

/// The request body, if any: JSON, or a multipart form of files and plain values.
fn request_body(
    resolver: &mut Resolver<'_>,
    sel: &Selected<'_>,
    op_name: &str,
) -> Result<Option<Body>, Error> {
    let Some(body) = &sel.operation.request_body else {
        return Ok(None);
    };
    let at = format!("{}/requestBody", sel.pointer);
    let (body, at) = resolver.resolve(body, &at, "requestBodies", |c| &c.request_bodies)?;
    let body: RequestBody = body.clone();
    let content_at = |media: &str| pointer_join(&at, ["content", media]);
    if let Some((media, content)) = body.content.iter().find(|(m, _)| is_json(m)) {
        let schema_at = pointer_join(&content_at(media), ["schema"]);
        let ty = match &content.schema {
            Some(schema) => resolver.type_of(schema, &schema_at, &format!("{op_name}Body"))?,
            None => TypeRef::Json,
        };
        return Ok(Some(Body::Json {
            ty,
            sample: body_sample(resolver, content),
        }));
    }
    if let Some(content) = body.content.get("multipart/form-data") {
        return multipart(
            resolver,
            content,
            &content_at("multipart/form-data"),
            op_name,
        )
        .map(Some);
    }
    let media: Vec<&str> = body.content.keys().map(String::as_str).collect();
    Err(Error::at(
        format!("{at}/content"),
        format!(
            "request body media type(s) {media:?} not supported (JSON and multipart/form-data are)"
        ),
    ))
}

fn multipart(
    resolver: &mut Resolver<'_>,
    content: &openapiv3::MediaType,
    at: &str,
    op_name: &str,
) -> Result<Body, Error> {
    let schema_at = pointer_join(at, ["schema"]);
    let schema = content
        .schema
        .as_ref()
        .ok_or_else(|| Error::at(schema_at.clone(), "a multipart body needs a schema"))?;
    let (schema, schema_at) = resolver.schema(schema, &schema_at)?;
    let SchemaKind::Type(Type::Object(object)) = &schema.schema_kind else {
        return Err(Error::at(
            schema_at,
            "a multipart body schema must be an object with properties",
        ));
    };
    let mut fields = Vec::new();
    let mut idents = HashSet::new();
    for (name, property) in &object.properties {
        let prop_at = pointer_join(&schema_at, ["properties", name]);
        let property = unbox(property);
        let (resolved, _) = resolver.schema(&property, &prop_at)?;
        let file = is_binary(resolved);
        let description = resolved.schema_data.description.clone();
        let ty = if file {
            TypeRef::String
        } else {
            resolver.type_of(
                &property,
                &prop_at,
                &format!("{op_name}{}", names::pascal(name)),
            )?
        };
        if !file && !ty.is_scalar() {
            return Err(Error::at(
                prop_at,
                format!("multipart field `{name}`: only files and plain values are supported"),
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
            description,
        });
    }
    Ok(Body::Multipart { fields })
}

/// The documented responses, `default` last, and the schema of the JSON success answer when
/// exactly one success answer has one.
fn responses<'b>(
    resolver: &mut Resolver<'b>,
    sel: &Selected<'b>,
    id: &str,
) -> Result<(Vec<Response>, Option<&'b ReferenceOr<Schema>>), Error> {
    let documented = sel
        .operation
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
            sel.operation
                .responses
                .default
                .iter()
                .map(|r| (Status::Default, "default".to_owned(), r)),
        );
    let mut out = Vec::new();
    let mut success_schemas = Vec::new();
    for (status, key, response) in documented {
        let at = format!("{}/responses/{key}", sel.pointer);
        let (response, at) = resolver.resolve(response, &at, "responses", |c| &c.responses)?;
        if status.is_success()
            && let Some((_, content)) = response.content.iter().find(|(m, _)| is_json(m))
        {
            success_schemas.extend(content.schema.as_ref());
        }
        let hint = match status {
            Status::Code(c) if (200..300).contains(&c) => format!("{id}Response"),
            _ => format!("{id}Response{key}"),
        };
        out.push(response_payload(resolver, status, response, &at, &hint)?);
    }
    let success_schema = match success_schemas.as_slice() {
        [schema] => Some(*schema),
        _ => None,
    };
    Ok((out, success_schema))
}

/// What the contract cases send as a JSON body: its `example`, or of its `examples` the first
/// by name (through a reference), or a minimal value of its schema.
fn body_sample(resolver: &Resolver<'_>, content: &MediaType) -> serde_json::Value {
    if let Some(example) = &content.example {
        return example.clone();
    }
    let first = content.examples.iter().min_by(|a, b| a.0.cmp(b.0));
    if let Some((_, first)) = first
        && let Ok((example, _)) = resolver.resolve(first, "", "examples", |c| &c.examples)
        && let Some(value) = &example.value
    {
        return value.clone();
    }
    match &content.schema {
        Some(schema) => Samples::new(resolver.doc()).value(schema),
        None => serde_json::Value::Object(Default::default()),
    }
}

fn response_payload(
    resolver: &mut Resolver<'_>,
    status: Status,
    response: &DocResponse,
    at: &str,
    hint: &str,
) -> Result<Response, Error> {
    let payload = if let Some((media, content)) = response.content.iter().find(|(m, _)| is_json(m))
    {
        let schema_pointer = pointer_join(at, ["content", media, "schema"]);
        match &content.schema {
            Some(schema) => Payload::Json {
                ty: resolver.type_of(schema, &schema_pointer, hint)?,
                empty_ok: resolver.empty_ok(schema, &schema_pointer),
            },
            None => Payload::Json {
                ty: TypeRef::Json,
                empty_ok: true,
            },
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

/// The accepted security requirements, as `scheme (scopes)` joined by `and`.
fn security(doc: &openapiv3::OpenAPI, sel: &Selected<'_>) -> Vec<String> {
    sel.operation
        .security
        .as_ref()
        .or(doc.security.as_ref())
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
        .unwrap_or_default()
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
}
