//! Step 6, emit: plain data to Rust tokens. Every generated operation is a method on
//! `crate::Client` that builds a `crate::request::Request` and hands it to the client's one
//! request path; nothing here knows about HTTP beyond what the lowered data says.

use std::collections::BTreeMap;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};

use super::error::Error;
use super::lower::{
    Api, Body, FormField, Location, Operation, Param, PathPart, Payload, Status, Style, TypeRef,
};
use super::names;

/// Rust names of the models, by schema name.
pub type ModelNames = BTreeMap<String, String>;

/// Emits the `operations` module: one method per operation and the multipart form types.
pub fn operations(api: &Api, models: &ModelNames) -> Result<TokenStream, Error> {
    let mut items = Vec::new();
    for op in &api.operations {
        items.push(operation(op, models)?);
    }
    let ids = api.operations.iter().map(|op| &op.id);
    Ok(quote! {
        #[allow(unused_imports)]
        use super::types;
        use crate::request::{Method, OperationInfo, Request};

        #(#items)*

        /// The `operationId` of every operation this build generated, in document order.
        pub const OPERATION_IDS: &[&str] = &[#(#ids),*];
    })
}

fn operation(op: &Operation, models: &ModelNames) -> Result<TokenStream, Error> {
    let fail = |message: String| Error::at(op.pointer.clone(), message).about(op.id.clone());
    let name = Ident::new(&op.name, Span::call_site());
    let id = &op.id;
    let path = &op.path;
    let method = format_ident!("{}", heck::ToUpperCamelCase::to_upper_camel_case(op.method));

    // Arguments: parameters in order, then the body.
    let mut args = Vec::new();
    for param in &op.params {
        let ident = Ident::new(&param.ident, Span::call_site());
        let ty = param_type(param, models).map_err(&fail)?;
        args.push(quote! { #ident: #ty });
    }

    let mut form_item = TokenStream::new();
    let body_setup = match &op.body {
        None => TokenStream::new(),
        Some(Body::Json { ty }) => {
            let ty = rust_type(ty, models).map_err(&fail)?;
            args.push(quote! { body: &#ty });
            quote! { request.json(body)?; }
        }
        Some(Body::Multipart { fields }) => {
            let form = format_ident!("{}Form", names::pascal(&op.name));
            form_item = form_type(op, &form, fields)?;
            args.push(quote! { body: #form });
            quote! { request.multipart(body.into_parts()); }
        }
    };

    let path_steps = op.path_parts.iter().map(|part| match part {
        PathPart::Literal(text) => quote! { request.path_literal(#text); },
        PathPart::Param(index) => {
            let param = &op.params[*index];
            let wire = &param.name;
            let ident = Ident::new(&param.ident, Span::call_site());
            if param.ty == TypeRef::String {
                quote! { request.path_param(#wire, #ident)?; }
            } else {
                quote! { request.path_param(#wire, &#ident.to_string())?; }
            }
        }
    });
    let query_steps = op
        .params
        .iter()
        .filter(|p| p.location == Location::Query)
        .map(query_step);

    let (success_ty, decode) = success(op, models).map_err(&fail)?;
    // A success body that carries secrets is never quoted in a decode error.
    let sensitive = op.responses.iter().any(|r| {
        matches!(&r.payload, Payload::Json(TypeRef::Model(key))
            if models.get(key).is_some_and(|path| super::models::is_redacting(path)))
    });
    let error_arms = op.responses.iter().filter_map(|r| match r.status {
        Status::Code(code) if !(200..300).contains(&code) => {
            let code = Literal::u16_unsuffixed(code);
            let description = r.description.trim();
            Some(quote! { #code => Err(response.error(#description)), })
        }
        _ => None,
    });

    let doc = docs(op, models);
    Ok(quote! {
        #form_item

        impl crate::Client {
            #(#[doc = #doc])*
            pub fn #name(&self, #(#args),*) -> Result<crate::ResponseValue<#success_ty>, crate::Error> {
                const OPERATION: OperationInfo = OperationInfo {
                    id: #id,
                    method: Method::#method,
                    path: #path,
                    sensitive: #sensitive,
                };
                let mut request = Request::new(&OPERATION);
                #(#path_steps)*
                #(#query_steps)*
                #body_setup
                let response = self.execute(request)?;
                match response.status() {
                    200..=299 => #decode,
                    #(#error_arms)*
                    _ => Err(response.error("")),
                }
            }
        }
    })
}

fn query_step(param: &Param) -> TokenStream {
    let wire = &param.name;
    let ident = Ident::new(&param.ident, Span::call_site());
    let value = if param.required {
        quote! { #ident }
    } else {
        quote! { value }
    };
    let push = match (&param.style, &param.ty) {
        (Style::DeepObject, _) => quote! { request.query_deep_object(#wire, #value)?; },
        (Style::Form { explode: true }, TypeRef::Array(_)) => {
            quote! { for item in #value { request.query(#wire, item); } }
        }
        (Style::Form { explode: false }, TypeRef::Array(_)) => {
            quote! { request.query_joined(#wire, #value); }
        }
        _ => quote! { request.query(#wire, #value); },
    };
    if param.required {
        push
    } else {
        quote! { if let Some(value) = #ident { #push } }
    }
}

/// The type a parameter takes in the method signature.
fn param_type(param: &Param, models: &ModelNames) -> Result<TokenStream, String> {
    let ty = match &param.ty {
        TypeRef::String => quote! { &str },
        TypeRef::Integer => quote! { i64 },
        TypeRef::Number => quote! { f64 },
        TypeRef::Boolean => quote! { bool },
        TypeRef::Array(inner) => {
            let inner = rust_type(inner, models)?;
            quote! { &[#inner] }
        }
        other => {
            let ty = rust_type(other, models)?;
            quote! { &#ty }
        }
    };
    Ok(if param.required {
        ty
    } else {
        quote! { Option<#ty> }
    })
}

/// The Rust type of a value.
pub fn rust_type(ty: &TypeRef, models: &ModelNames) -> Result<TokenStream, String> {
    Ok(match ty {
        TypeRef::String => quote! { ::std::string::String },
        TypeRef::Integer => quote! { i64 },
        TypeRef::Number => quote! { f64 },
        TypeRef::Boolean => quote! { bool },
        TypeRef::Json => quote! { ::serde_json::Value },
        TypeRef::JsonObject => quote! { crate::JsonObject },
        TypeRef::Array(inner) => {
            let inner = rust_type(inner, models)?;
            quote! { ::std::vec::Vec<#inner> }
        }
        TypeRef::Map(inner) => {
            let inner = rust_type(inner, models)?;
            quote! { ::std::collections::BTreeMap<::std::string::String, #inner> }
        }
        TypeRef::Model(key) => {
            let path = models
                .get(key)
                .ok_or_else(|| format!("schema `{key}` has no generated model"))?;
            path.parse::<TokenStream>()
                .map_err(|e| format!("model path `{path}` does not parse: {e}"))?
        }
    })
}

/// The success type and the expression that decodes it from `response`.
fn success(op: &Operation, models: &ModelNames) -> Result<(TokenStream, TokenStream), String> {
    let mut payloads: Vec<&Payload> = op
        .responses
        .iter()
        .filter(|r| match r.status {
            Status::Code(code) => (200..300).contains(&code),
            Status::Range(hundreds) => hundreds == 2,
            Status::Default => false,
        })
        .map(|r| &r.payload)
        .collect();
    payloads.dedup();
    Ok(match payloads.as_slice() {
        [] | [Payload::Empty] => (quote! { () }, quote! { Ok(response.empty()) }),
        [Payload::Json(ty)] => {
            let ty = rust_type(ty, models)?;
            (quote! { #ty }, quote! { response.json::<#ty>() })
        }
        [Payload::Bytes(_)] => (
            quote! { ::std::vec::Vec<u8> },
            quote! { Ok(response.bytes()) },
        ),
        _ => (
            quote! { ::serde_json::Value },
            quote! { response.json::<::serde_json::Value>() },
        ),
    })
}

/// The multipart form struct of an operation and its conversion into parts.
fn form_type(op: &Operation, form: &Ident, fields: &[FormField]) -> Result<TokenStream, Error> {
    let doc = format!(
        " The `multipart/form-data` body of [`Client::{}`](crate::Client::{}).",
        op.name, op.name
    );
    let mut decls = Vec::new();
    let mut pushes = Vec::new();
    for field in fields {
        let ident = Ident::new(&field.ident, Span::call_site());
        let wire = &field.name;
        let base = if field.file {
            quote! { crate::FilePart }
        } else {
            rust_type(&field.ty, &ModelNames::new())
                .map_err(|m| Error::at(op.pointer.clone(), m).about(op.id.clone()))?
        };
        let ty = if field.required {
            base
        } else {
            quote! { Option<#base> }
        };
        let field_doc = field
            .description
            .as_deref()
            .map(|d| format!(" {}", d.trim()))
            .unwrap_or_else(|| format!(" The `{wire}` part."));
        decls.push(quote! { #[doc = #field_doc] pub #ident: #ty, });
        let value = if field.required {
            quote! { self.#ident }
        } else {
            quote! { value }
        };
        let push = if field.file {
            quote! { parts.file(#wire, #value); }
        } else {
            quote! { parts.text(#wire, #value.to_string()); }
        };
        pushes.push(if field.required {
            push
        } else {
            quote! { if let Some(value) = self.#ident { #push } }
        });
    }
    Ok(quote! {
        #[doc = #doc]
        #[derive(Debug)]
        pub struct #form {
            #(#decls)*
        }

        impl #form {
            fn into_parts(self) -> crate::multipart::Parts {
                let mut parts = crate::multipart::Parts::new();
                #(#pushes)*
                parts
            }
        }
    })
}

/// Doc lines for a method, built from the document: summary, description, the request it
/// sends, its arguments, responses and accepted credentials.
fn docs(op: &Operation, models: &ModelNames) -> Vec<String> {
    let mut text = String::new();
    if let Some(summary) = &op.summary {
        text.push_str(summary.trim());
        text.push_str("\n\n");
    }
    if let Some(description) = &op.description {
        text.push_str(description.trim());
        text.push_str("\n\n");
    }
    text.push_str(&format!(
        "Sends `{} {}`.\n",
        op.method.to_uppercase(),
        op.path
    ));
    let mut args = Vec::new();
    for param in &op.params {
        let place = match (param.location, param.style) {
            (Location::Path, _) => "path segment",
            (Location::Query, Style::DeepObject) => "deepObject query",
            (Location::Query, _) => "query",
        };
        let need = if param.required {
            "required"
        } else {
            "optional"
        };
        let description = param
            .description
            .as_deref()
            .map(|d| format!(": {}", one_line(d)))
            .unwrap_or_default();
        args.push(format!(
            "- `{}` ({place} `{}`, {need}){description}",
            param.ident, param.name
        ));
    }
    match &op.body {
        Some(Body::Json { ty }) => args.push(format!(
            "- `body`: the JSON request body{}",
            model_link(ty, models)
        )),
        Some(Body::Multipart { fields }) => {
            let parts: Vec<String> = fields
                .iter()
                .map(|f| format!("`{}` ({})", f.name, if f.file { "file" } else { "text" }))
                .collect();
            args.push(format!(
                "- `body`: the `multipart/form-data` request body: {}",
                parts.join(", ")
            ));
        }
        None => {}
    }
    if !args.is_empty() {
        text.push_str("\nArguments:\n");
        text.push_str(&args.join("\n"));
        text.push('\n');
    }
    if !op.responses.is_empty() {
        text.push_str("\nResponses:\n");
        for response in &op.responses {
            let status = match response.status {
                Status::Code(code) => code.to_string(),
                Status::Range(hundreds) => format!("{hundreds}XX"),
                Status::Default => "default".to_owned(),
            };
            let payload = match &response.payload {
                Payload::Json(ty) => model_link(ty, models),
                Payload::Bytes(media) => format!(" (`{media}`)"),
                Payload::Empty => String::new(),
            };
            text.push_str(&format!(
                "- `{status}`: {}{payload}\n",
                one_line(&response.description)
            ));
        }
    }
    if !op.security.is_empty() {
        let accepted: Vec<String> = op.security.iter().map(|s| format!("`{s}`")).collect();
        text.push_str(&format!("\nCredentials: {}.\n", accepted.join(" or ")));
    }
    text.push_str(&format!(
        "\nGenerated from `#{}` (operation `{}`).",
        op.pointer, op.id
    ));
    text.lines().map(|line| format!(" {line}")).collect()
}

fn model_link(ty: &TypeRef, models: &ModelNames) -> String {
    match ty {
        TypeRef::Model(key) => models
            .get(key)
            .map(|path| format!(" ([`{path}`])"))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
