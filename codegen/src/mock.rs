//! Step 6b, mocks: typed httpmock helpers for each operation, from the same plain data as the
//! operations, so that users can test code that calls this client without a network.
//!
//! For an operation `upload_attachment` it emits `UploadAttachmentWhen` (a matcher per path
//! parameter, query parameter and body), `UploadAttachmentThen` (an answer per documented
//! status, with the typed model as body) and a `MockServerExt::upload_attachment` method. What
//! every mock shares (routes, matching a value as the client encodes it, the error envelope)
//! lives in the crate's `mock_support` module; the generated code only names it.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::error::Error;
use crate::ir::{
    Api, Body, Location, Operation, Param, PathPart, Payload, Status, Style, TypeRef, TypeUse,
};
use crate::names;
use crate::rust_types::{ModelNames, models_import, value_type};

/// Emits the items of the `mock` module.
pub fn mocks(api: &Api, models: &ModelNames) -> Result<TokenStream, Error> {
    let mut trait_methods = Vec::new();
    let mut impl_methods = Vec::new();
    let mut types = Vec::new();
    for op in &api.operations {
        let (declaration, definition, items) = operation(op, models)
            .map_err(|m| Error::at(op.pointer.clone(), m).about(op.id.clone()))?;
        trait_methods.push(declaration);
        impl_methods.push(definition);
        types.push(items);
    }
    let types = quote! { #(#types)* };
    let import_types = models_import(api.operations.iter().flat_map(code_types), models);
    Ok(quote! {
        #import_types
        use crate::__rt::mock::{self as support, Segment};
        use httpmock::{Mock, MockServer};

        /// One typed mock per generated operation, on an [`httpmock::MockServer`].
        pub trait MockServerExt {
            #(#trait_methods)*
        }

        impl MockServerExt for MockServer {
            #(#impl_methods)*
        }

        #types
    })
}

fn route_const(op: &Operation) -> Ident {
    format_ident!("{}_ROUTE", op.name.to_uppercase())
}

fn operation(
    op: &Operation,
    models: &ModelNames,
) -> Result<(TokenStream, TokenStream, TokenStream), String> {
    let name = Ident::new(&op.name, Span::call_site());
    let base = names::pascal(&op.name);
    let when_ty = format_ident!("{base}When");
    let then_ty = format_ident!("{base}Then");
    let method = Ident::new(&op.method.to_uppercase(), Span::call_site());
    let route = route_const(op);
    let segments = op.path_parts.iter().map(|part| match part {
        PathPart::Literal(text) => quote! { Segment::Literal(#text) },
        PathPart::Param(index) => {
            let wire = &op.params[*index].name;
            quote! { Segment::Param(#wire) }
        }
    });
    let mock_doc = format!(
        " Mocks `{} {}` ([`Client::{2}`](crate::Client::{2})): `config` sets what to match and what to answer.",
        op.method.to_uppercase(),
        op.path,
        op.name,
    );
    let declaration = quote! {
        #[doc = #mock_doc]
        fn #name<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(#when_ty, #then_ty);
    };
    let definition = quote! {
        fn #name<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(#when_ty, #then_ty),
        {
            self.mock(|when, then| {
                let when = support::route(when, httpmock::Method::#method, #route);
                config(#when_ty(when), #then_ty(then));
            })
        }
    };

    let mut matchers = Vec::new();
    for param in &op.params {
        matchers.push(param_matcher(op, param, models)?);
    }
    match &op.body {
        Some(Body::Json { ty, .. }) => {
            let ty = value_type(ty, models)?;
            matchers.push(quote! {
                /// Matches the JSON request body exactly.
                pub fn body(self, value: &#ty) -> Self {
                    Self(self.0.json_body_obj(value))
                }
            });
        }
        Some(Body::Multipart { fields }) => {
            for field in fields {
                let wire = &field.name;
                if field.file {
                    let ident = format_ident!("{}_file_name", field.ident);
                    let doc = format!(
                        " Matches the file name of the `{wire}` part (as sent: made safe, see [`crate::sanitize_file_name`])."
                    );
                    matchers.push(quote! {
                        #[doc = #doc]
                        pub fn #ident(self, file_name: &str) -> Self {
                            Self(support::file_part(self.0, #wire, file_name))
                        }
                    });
                } else {
                    let ident = Ident::new(&field.ident, Span::call_site());
                    let doc = format!(" Matches the value of the `{wire}` part.");
                    matchers.push(quote! {
                        #[doc = #doc]
                        pub fn #ident(self, value: impl ::std::fmt::Display) -> Self {
                            Self(support::text_part(self.0, #wire, value))
                        }
                    });
                }
            }
        }
        None => {}
    }

    let mut answers = Vec::new();
    for response in &op.responses {
        let Status::Code(code) = response.status else {
            continue;
        };
        let fn_name = format_ident!("{}", status_name(code));
        let description = response
            .description
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if (200..300).contains(&code) {
            answers.push(match &response.payload {
                Payload::Json { ty, .. } => {
                    let ty = value_type(ty, models)?;
                    let doc = format!(" Answers `{code}` ({description}) with this JSON body.");
                    quote! {
                        #[doc = #doc]
                        pub fn #fn_name(self, value: &#ty) -> Self {
                            Self(support::json(self.0, #code, value))
                        }
                    }
                }
                Payload::Bytes(media) => {
                    let doc =
                        format!(" Answers `{code}` ({description}) with this `{media}` body.");
                    quote! {
                        #[doc = #doc]
                        pub fn #fn_name(self, body: &[u8]) -> Self {
                            Self(self.0.status(#code).header("content-type", #media).body(body))
                        }
                    }
                }
                Payload::Empty => {
                    let doc = format!(" Answers `{code}` ({description}) with no body.");
                    quote! {
                        #[doc = #doc]
                        pub fn #fn_name(self) -> Self {
                            Self(self.0.status(#code))
                        }
                    }
                }
            });
        } else {
            let doc = format!(
                " Answers `{code}` ({description}) with the API's `errors` array holding one entry."
            );
            answers.push(quote! {
                #[doc = #doc]
                pub fn #fn_name(self, code: &str, title: &str) -> Self {
                    self.error(#code, code, title)
                }
            });
        }
    }

    let when_doc = format!(
        " What a mock of [`Client::{0}`](crate::Client::{0}) matches, besides the method and path.",
        op.name
    );
    let then_doc = format!(
        " What a mock of [`Client::{0}`](crate::Client::{0}) answers.",
        op.name
    );
    let route_doc = format!(" The route of `{}`.", op.path);
    let items = quote! {
        #[doc = #route_doc]
        const #route: &[Segment] = &[#(#segments),*];

        crate::__rt::mock::wrappers!(#when_ty, #when_doc, #then_ty, #then_doc);

        impl #when_ty {
            #(#matchers)*
        }

        impl #then_ty {
            #(#answers)*
        }
    };
    Ok((declaration, definition, items))
}

fn param_matcher(
    op: &Operation,
    param: &Param,
    models: &ModelNames,
) -> Result<TokenStream, String> {
    let ident = Ident::new(&param.ident, Span::call_site());
    let wire = &param.name;
    let route = route_const(op);
    Ok(match (param.location, param.style, &param.ty) {
        (Location::Path, _, ty) => {
            let arg = scalar_arg(ty, models)?;
            let doc = format!(" Matches the `{wire}` path segment.");
            quote! {
                #[doc = #doc]
                pub fn #ident(self, value: #arg) -> Self {
                    Self(support::path_param(self.0, #route, #wire, &value.to_string()))
                }
            }
        }
        (Location::Query, Style::DeepObject, ty) => {
            let ty = value_type(ty, models)?;
            let doc = format!(" Matches each `{wire}[...]` query parameter the value has.");
            quote! {
                #[doc = #doc]
                pub fn #ident(self, value: &#ty) -> Self {
                    Self(support::deep_object(self.0, #wire, value))
                }
            }
        }
        (Location::Query, Style::Form { explode }, TypeRef::Array(inner)) => {
            let inner = value_type(inner, models)?;
            let doc = format!(" Matches the `{wire}` query parameter values.");
            quote! {
                #[doc = #doc]
                pub fn #ident(self, values: &[#inner]) -> Self {
                    Self(support::query_values(self.0, #wire, values, #explode))
                }
            }
        }
        (Location::Query, _, ty) => {
            let arg = scalar_arg(ty, models)?;
            let doc = format!(" Matches the `{wire}` query parameter.");
            quote! {
                #[doc = #doc]
                pub fn #ident(self, value: #arg) -> Self {
                    Self(self.0.query_param(#wire, value.to_string()))
                }
            }
        }
    })
}

/// The types an operation's mock names in its code: its parameters, its JSON body, and the
/// answers of its documented success codes.
fn code_types(op: &Operation) -> Vec<&TypeRef> {
    op.types()
        .into_iter()
        .filter(|(used, _)| {
            matches!(
                used,
                TypeUse::Param | TypeUse::JsonBody | TypeUse::Answer(Status::Code(200..=299))
            )
        })
        .map(|(_, ty)| ty)
        .collect()
}

/// The argument type of a scalar matcher: plain values by value, the rest borrowed.
fn scalar_arg(ty: &TypeRef, models: &ModelNames) -> Result<TokenStream, String> {
    Ok(match ty {
        TypeRef::String => quote! { &str },
        TypeRef::Integer => quote! { i64 },
        TypeRef::Number => quote! { f64 },
        TypeRef::Boolean => quote! { bool },
        other => {
            let ty = value_type(other, models)?;
            quote! { &#ty }
        }
    })
}

/// A method name for a status: the reason phrase in snake case, e.g. `created`, `not_found`.
fn status_name(code: u16) -> String {
    match code {
        200 => "ok",
        201 => "created",
        202 => "accepted",
        204 => "no_content",
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        410 => "gone",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "unprocessable_entity",
        423 => "locked",
        429 => "too_many_requests",
        500 => "internal_server_error",
        502 => "bad_gateway",
        503 => "service_unavailable",
        504 => "gateway_timeout",
        other => return format!("status_{other}"),
    }
    .to_owned()
}
