//! Step 6b, mocks: typed httpmock helpers for each operation, from the same plain data as the
//! operations, so that users can test code that calls this client without a network.
//!
//! For an operation `upload_attachment` it emits `UploadAttachmentWhen` (a matcher per path
//! parameter, query parameter and body), `UploadAttachmentThen` (a response per documented
//! status, with the typed model as body) and a `MockServerExt::upload_attachment` method.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use super::emit::{ModelNames, rust_type};
use super::error::Error;
use super::lower::{
    Api, Body, Location, Operation, Param, PathPart, Payload, Status, Style, TypeRef,
};
use super::names;

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
    Ok(quote! {
        #[allow(unused_imports)]
        use super::types;
        #[allow(unused_imports)]
        use crate::mock_support::{self as support, Segment};
        use httpmock::{Mock, MockServer, Then, When};

        /// One typed mock per generated operation, on an [`httpmock::MockServer`].
        pub trait MockServerExt {
            #(#trait_methods)*
        }

        impl MockServerExt for MockServer {
            #(#impl_methods)*
        }

        #(#types)*
    })
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
    let any_path = path_regex(op, None);
    let mock_doc = format!(
        " Mocks `{} {}` ([`Client::{}`](crate::Client::{})): `config` sets what to match and what to answer.",
        op.method.to_uppercase(),
        op.path,
        op.name,
        op.name
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
                let when = when.method(httpmock::Method::#method).path_matches(support::path_regex(&#any_path));
                config(#when_ty(when), #then_ty(then));
            })
        }
    };

    let mut matchers = Vec::new();
    for (index, param) in op.params.iter().enumerate() {
        matchers.push(param_matcher(op, index, param, models)?);
    }
    match &op.body {
        Some(Body::Json { ty }) => {
            let ty = rust_type(ty, models)?;
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
                        " Matches the file name of the `{wire}` part (as sent: sanitised, see [`crate::sanitize_file_name`])."
                    );
                    matchers.push(quote! {
                        #[doc = #doc]
                        pub fn #ident(self, file_name: &str) -> Self {
                            Self(self.0.body_includes(support::file_part_header(#wire, file_name)))
                        }
                    });
                } else {
                    let ident = Ident::new(&field.ident, Span::call_site());
                    let doc = format!(" Matches the value of the `{wire}` part.");
                    matchers.push(quote! {
                        #[doc = #doc]
                        pub fn #ident(self, value: impl ::std::fmt::Display) -> Self {
                            Self(self.0.body_includes(support::text_part(#wire, &value.to_string())))
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
        let description = response.description.trim();
        if (200..300).contains(&code) {
            answers.push(match &response.payload {
                Payload::Json(ty) => {
                    let ty = rust_type(ty, models)?;
                    let doc = format!(" Answers `{code}` ({description}) with this JSON body.");
                    quote! {
                        #[doc = #doc]
                        pub fn #fn_name(self, value: &#ty) -> Self {
                            Self(self.0.status(#code).header("content-type", "application/json").json_body_obj(value))
                        }
                    }
                }
                Payload::Bytes(media) => {
                    let doc = format!(" Answers `{code}` ({description}) with this `{media}` body.");
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
                    Self(self.0.status(#code).header("content-type", "application/json").body(support::errors_body(code, title)))
                }
            });
        }
    }

    let when_doc = format!(
        " What a mock of [`Client::{}`](crate::Client::{}) matches, besides the method and path.",
        op.name, op.name
    );
    let then_doc = format!(
        " What a mock of [`Client::{}`](crate::Client::{}) answers.",
        op.name, op.name
    );
    let items = quote! {
        #[doc = #when_doc]
        pub struct #when_ty(When);

        impl #when_ty {
            /// The underlying httpmock matcher, for anything not covered here.
            pub fn into_inner(self) -> When {
                self.0
            }

            #(#matchers)*
        }

        #[doc = #then_doc]
        pub struct #then_ty(Then);

        impl #then_ty {
            /// The underlying httpmock responder, for anything not covered here.
            pub fn into_inner(self) -> Then {
                self.0
            }

            #(#answers)*

            /// Answers `status` with the API's `errors` array holding one entry.
            pub fn error(self, status: u16, code: &str, title: &str) -> Self {
                Self(self.0.status(status).header("content-type", "application/json").body(support::errors_body(code, title)))
            }
        }
    };
    Ok((declaration, definition, items))
}

/// The path as `Segment`s: literals, the value of parameter `fixed` (as the variable `value`),
/// and any single segment for the other parameters.
fn path_regex(op: &Operation, fixed: Option<usize>) -> TokenStream {
    let parts = op.path_parts.iter().map(|part| match part {
        PathPart::Literal(text) => quote! { Segment::Literal(#text) },
        PathPart::Param(index) if Some(*index) == fixed => quote! { Segment::Value(&value) },
        PathPart::Param(_) => quote! { Segment::Any },
    });
    quote! { [#(#parts),*] }
}

fn param_matcher(
    op: &Operation,
    index: usize,
    param: &Param,
    models: &ModelNames,
) -> Result<TokenStream, String> {
    let ident = Ident::new(&param.ident, Span::call_site());
    let wire = &param.name;
    Ok(match (param.location, param.style, &param.ty) {
        (Location::Path, _, ty) => {
            let regex = path_regex(op, Some(index));
            let (arg, conversion) = scalar(ty);
            let doc = format!(" Matches the `{wire}` path segment.");
            quote! {
                #[doc = #doc]
                pub fn #ident(self, value: #arg) -> Self {
                    let value = #conversion;
                    Self(self.0.path_matches(support::path_regex(&#regex)))
                }
            }
        }
        (Location::Query, Style::DeepObject, ty) => {
            let ty = rust_type(ty, models)?;
            let doc = format!(" Matches each `{wire}[...]` query parameter the value has.");
            quote! {
                #[doc = #doc]
                pub fn #ident(self, value: &#ty) -> Self {
                    let mut when = self.0;
                    for (name, value) in support::deep_object_pairs(#wire, value) {
                        when = when.query_param(name, value);
                    }
                    Self(when)
                }
            }
        }
        (Location::Query, Style::Form { explode }, TypeRef::Array(inner)) => {
            let inner = rust_type(inner, models)?;
            let doc = format!(" Matches the `{wire}` query parameter values.");
            let body = if explode {
                quote! {
                    let mut when = self.0;
                    for item in values {
                        when = when.query_param(#wire, item.to_string());
                    }
                    Self(when)
                }
            } else {
                quote! {
                    let joined: Vec<String> = values.iter().map(|v| v.to_string()).collect();
                    Self(self.0.query_param(#wire, joined.join(",")))
                }
            };
            quote! {
                #[doc = #doc]
                pub fn #ident(self, values: &[#inner]) -> Self {
                    #body
                }
            }
        }
        (Location::Query, _, ty) => {
            let (arg, conversion) = scalar(ty);
            let doc = format!(" Matches the `{wire}` query parameter.");
            quote! {
                #[doc = #doc]
                pub fn #ident(self, value: #arg) -> Self {
                    let value = #conversion;
                    Self(self.0.query_param(#wire, value))
                }
            }
        }
    })
}

/// The argument type of a scalar matcher and how it becomes a `String` named `value`.
fn scalar(ty: &TypeRef) -> (TokenStream, TokenStream) {
    match ty {
        TypeRef::String => (quote! { &str }, quote! { value.to_owned() }),
        TypeRef::Integer => (quote! { i64 }, quote! { value.to_string() }),
        TypeRef::Number => (quote! { f64 }, quote! { value.to_string() }),
        _ => (quote! { bool }, quote! { value.to_string() }),
    }
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
        429 => "too_many_requests",
        500 => "internal_server_error",
        502 => "bad_gateway",
        503 => "service_unavailable",
        504 => "gateway_timeout",
        other => return format!("status_{other}"),
    }
    .to_owned()
}
