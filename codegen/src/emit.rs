//! Step 6, emit: plain data to Rust tokens. Every generated operation is a method on
//! `crate::Client` that fills a `crate::__rt::Request` and hands it to the client's one
//! request path; nothing here knows about HTTP beyond what the lowered data says.
//!
//! Every operation has one shape, whatever its parameters: `client.operation(required…)` returns
//! a request builder with one setter per optional parameter and the call's options, and its
//! `send()` runs it (for cursor-paginated lists, `pages()` and `items()` too). Required
//! parameters stay required at compile time, no call is a row of `None`s, and a newer document
//! that adds an optional parameter adds a setter and changes nothing else.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};

use crate::docs;
use crate::error::Error;
use crate::facts::Repeat;
use crate::ir::{
    Api, Body, FormField, Location, Operation, Pagination, Param, PathPart, Payload, Status, Style,
    TypeRef, TypeUse,
};
use crate::names;
use crate::rust_types::{ModelNames, borrowed_type, models_import, value_type};

/// Emits the `operations` module: one method per operation, the request builders and the
/// multipart form types, and what each operation is (`info`).
pub fn operations(
    api: &Api,
    models: &ModelNames,
    links: &docs::Links,
) -> Result<TokenStream, Error> {
    let mut items = Vec::new();
    let mut infos = Vec::new();
    for op in &api.operations {
        let fail = |message: String| Error::at(op.pointer.clone(), message).about(op.id.clone());
        infos.push(info(op));
        items.push(operation(op, models, links).map_err(fail)?);
    }
    let ids = api.operations.iter().map(|op| &op.id);
    let list_pages = list_pages(api, models)?;
    let items = quote! { #(#items)* #list_pages };
    let types = models_import(api.operations.iter().flat_map(code_types), models);
    Ok(quote! {
        #types

        /// What each operation is, for the request path: its route, and the facts that decide
        /// retries and what an error may quote.
        pub(crate) mod info {
            use crate::__rt::{Method, OperationInfo, Repeat};

            #(#infos)*
        }

        #items

        /// The `operationId` of every operation this build generated, in document order.
        pub const OPERATION_IDS: &[&str] = &[#(#ids),*];
    })
}

/// The types an operation's generated code names: its parameters, its JSON body and text form
/// fields, its success answers and its list entries.
fn code_types(op: &Operation) -> Vec<&TypeRef> {
    op.types()
        .into_iter()
        .filter(|(used, _)| match used {
            TypeUse::FormField { file } => !file,
            TypeUse::Answer(status) => status.is_success(),
            TypeUse::Param | TypeUse::JsonBody | TypeUse::Entry => true,
        })
        .map(|(_, ty)| ty)
        .collect()
}

/// The name of an operation's `info` constant.
pub fn info_const(op: &Operation) -> Ident {
    format_ident!("{}", op.name.to_uppercase())
}

fn info(op: &Operation) -> TokenStream {
    let name = info_const(op);
    let id = &op.id;
    let path = &op.path;
    let method = format_ident!("{}", heck::ToUpperCamelCase::to_upper_camel_case(op.method));
    let repeat = match op.facts.repeat {
        Repeat::Idempotent => quote! { Repeat::Idempotent },
        Repeat::OnlyIfNotProcessed => quote! { Repeat::OnlyIfNotProcessed },
    };
    let absent = match op.facts.absent_after_retry {
        Some(subject) => quote! { Some(#subject) },
        None => quote! { None },
    };
    let secret = op.facts.secret_response;
    let accept = op.accept();
    let doc = format!(" `{} {}` (`{id}`).", op.method.to_uppercase(), op.path);
    let why = op
        .facts
        .why
        .map(|why| format!(" The facts table: {why}."))
        .into_iter();
    quote! {
        #[doc = #doc]
        #(#[doc = ""] #[doc = #why])*
        pub(crate) const #name: OperationInfo = OperationInfo {
            id: #id,
            method: Method::#method,
            path: #path,
            accept: #accept,
            repeat: #repeat,
            absent_after_retry: #absent,
            secret_response: #secret,
        };
    }
}

fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// The request builder type of an operation.
pub fn builder_name(op: &Operation) -> Ident {
    format_ident!("{}Request", names::pascal(&op.name))
}

fn operation(
    op: &Operation,
    models: &ModelNames,
    links: &docs::Links,
) -> Result<TokenStream, String> {
    let name = ident(&op.name);
    let (success_ty, _) = success(op, models)?;
    let paged = paged(op);
    let send = request_code(op, models, paged)?;
    let mut form_item = TokenStream::new();
    let body_arg = match &op.body {
        None => None,
        Some(Body::Json { ty, .. }) => Some(borrowed_type(ty, models)?),
        Some(Body::Multipart { fields }) => {
            let form = form_name(op);
            form_item = form_type(op, &form, fields, models)?;
            Some(quote! { #form })
        }
    };
    let doc = docs::operation(links, op, models);
    let result = quote! { Result<crate::ResponseValue<#success_ty>, crate::Error> };
    let deprecated = deprecated(op.deprecated, "the operation");
    // docs.rs documents the whole API: an operation a default build lacks says so.
    let feature = (!op.in_default_build())
        .then(|| quote! { #[cfg_attr(docsrs, doc(cfg(feature = "full-api")))] });

    // Every operation: a builder.
    let builder = builder_name(op);
    let mut args = Vec::new();
    let mut fields = Vec::new();
    let mut inits = Vec::new();
    let mut setters = Vec::new();
    let mut names = Vec::new();
    for param in op.required_params() {
        let ident = ident(&param.ident);
        let ty = borrowed_type(&param.ty, models)?;
        args.push(quote! { #ident: #ty });
        fields.push(quote! { #ident: #ty });
        inits.push(quote! { #ident });
        names.push(ident);
    }
    if let Some(ty) = &body_arg {
        args.push(quote! { body: #ty });
        fields.push(quote! { body: #ty });
        inits.push(quote! { body });
        names.push(ident("body"));
    }
    for param in op.optional_params() {
        let ident = ident(&param.ident);
        let ty = value_type(&param.ty, models)?;
        fields.push(quote! { #ident: Option<#ty> });
        inits.push(quote! { #ident: None });
        names.push(ident.clone());
        setters.push(setter(param, &ty));
    }
    fields.push(quote! { options: crate::RequestOptions });
    inits.push(quote! { options: crate::RequestOptions::default() });
    names.push(ident("options"));
    setters.push(quote! {
        /// Ends this call at `timeout`, every attempt and wait included, instead of at the
        /// client's deadline.
        pub fn with_timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.options = self.options.timeout(timeout);
            self
        }

        /// Sends `name: value` with this call (a credential, or a header the client sets
        /// itself, is refused when it is sent, before anything goes out).
        pub fn with_header(mut self, name: &str, value: &str) -> Self {
            self.options = self.options.header(name, value);
            self
        }

        /// Cancels this call once `token` is cancelled.
        pub fn cancel_with(mut self, token: &crate::CancelToken) -> Self {
            self.options = self.options.cancel_with(token);
            self
        }

        /// These settings of the call, on top of the client's.
        pub fn with_options(mut self, options: crate::RequestOptions) -> Self {
            self.options = options;
            self
        }
    });
    let builder_doc = format!(
        " A [`Client::{0}`](crate::Client::{0}) request: set its optional parameters, then \
         [`send`]({1}::send) it.",
        op.name, builder
    );
    let send_body = quote! {
        let #builder { client, #(#names),* } = self;
        #send
    };
    let (send, send_at, pages) = match paged {
        Some(pagination) => (
            quote! { self.send_at(None) },
            quote! {
                /// Sends the request for the page that follows `cursor` in the list's direction
                /// (the page before it for a list that pages backwards; the first page without one).
                fn send_at(self, cursor: Option<&str>) -> #result {
                    #send_body
                }
            },
            pages_methods(op, pagination, &success_ty),
        ),
        None => (send_body, TokenStream::new(), TokenStream::new()),
    };
    let send_fn = quote! {
        /// Sends the request.
        pub fn send(self) -> #result {
            #send
        }

        #send_at
    };
    // A builder without a file can be sent again: `pages()` sends it once per page.
    let derive = if matches!(op.body, Some(Body::Multipart { .. })) {
        TokenStream::new()
    } else {
        quote! { #[derive(Clone)] }
    };
    Ok(quote! {
        #form_item

        impl crate::Client {
            #(#[doc = #doc])*
            #deprecated
            #feature
            pub fn #name<'a>(&'a self, #(#args),*) -> #builder<'a> {
                #builder { client: self, #(#inits),* }
            }
        }

        #[doc = #builder_doc]
        #[must_use = "a request does nothing until `send` is called"]
        #derive
        #feature
        pub struct #builder<'a> {
            client: &'a crate::Client,
            #(#fields,)*
        }

        impl<'a> #builder<'a> {
            #(#setters)*

            #send_fn

            #pages
        }
    })
}

/// The setter of an optional parameter.
fn setter(param: &Param, ty: &TokenStream) -> TokenStream {
    let ident = ident(&param.ident);
    let mut doc = format!(" Sets `{}` ({}).", param.name, place(param));
    if let Some(description) = &param.description {
        doc.push_str(&format!(" {}", docs::one_line(description)));
    }
    let (arg, value) = match &param.ty {
        TypeRef::String => (
            quote! { impl Into<::std::string::String> },
            quote! { value.into() },
        ),
        TypeRef::Array(_) => (quote! { impl Into<#ty> }, quote! { value.into() }),
        _ => (quote! { #ty }, quote! { value }),
    };
    let deprecated = deprecated(param.deprecated, "the parameter");
    quote! {
        #[doc = #doc]
        #deprecated
        pub fn #ident(mut self, value: #arg) -> Self {
            self.#ident = Some(#value);
            self
        }
    }
}

/// `#[deprecated]` for what the document marks `deprecated: true` (`what`: the operation, the
/// parameter), or nothing.
fn deprecated(marked: bool, what: &str) -> TokenStream {
    if !marked {
        return TokenStream::new();
    }
    let note = format!("{what} is deprecated in the OpenAPI document");
    quote! { #[deprecated(note = #note)] }
}

/// Where a parameter goes, in words.
pub fn place(param: &Param) -> &'static str {
    match (param.location, param.style) {
        (Location::Path, _) => "path segment",
        (Location::Query, Style::DeepObject) => "deepObject query",
        (Location::Query, _) => "query",
    }
}

/// The statements that build, send and decode the request, with every parameter in scope as a
/// local of its own name (required ones borrowed, optional ones as `Option`s) and `client`.
/// A list's request asks for the page that follows the local `cursor` (see [`paged`]).
fn request_code(
    op: &Operation,
    models: &ModelNames,
    paged: Option<&Pagination>,
) -> Result<TokenStream, String> {
    let info = info_const(op);
    let path_steps = op.path_parts.iter().map(|part| match part {
        PathPart::Literal(text) => quote! { request.path_literal(#text); },
        PathPart::Param(index) => {
            let param = &op.params[*index];
            let wire = &param.name;
            let ident = ident(&param.ident);
            if param.ty == TypeRef::String {
                quote! { request.path_param(#wire, #ident)?; }
            } else {
                quote! { request.path_param(#wire, &#ident.to_string())?; }
            }
        }
    });
    let query_steps: Vec<TokenStream> = op
        .params
        .iter()
        .filter(|p| p.location == Location::Query)
        .map(|param| match paged {
            Some(pagination) if param.ident == pagination.page_param => {
                page_step(param, pagination)
            }
            _ => query_step(param),
        })
        .collect();
    let body_setup = match &op.body {
        None => TokenStream::new(),
        Some(Body::Json { .. }) => quote! { request.json(body)?; },
        Some(Body::Multipart { .. }) => quote! { request.multipart(body.into_parts()); },
    };
    let (_, decode) = success(op, models)?;
    let redirects = op.redirect_answers();
    let redirect_arms = redirects.iter().map(|code| {
        let code = Literal::u16_unsuffixed(*code);
        quote! { #code => Ok(response.empty()), }
    });
    let error_arms = op.responses.iter().filter_map(|r| match r.status {
        Status::Code(code) if !(200..300).contains(&code) && !redirects.contains(&code) => {
            let code = Literal::u16_unsuffixed(code);
            let description = docs::one_line(&r.description);
            Some(quote! { #code => Err(response.error(#description)), })
        }
        _ => None,
    });
    // A retried attempt that finds its subject gone after a lost answer: a success.
    let done_earlier = op
        .facts
        .absent_after_retry
        .is_some()
        .then(|| quote! { _ if response.done_by_earlier_attempt() => #decode, });
    Ok(quote! {
        let mut request = crate::__rt::Request::new(&info::#info);
        #(#path_steps)*
        #(#query_steps)*
        #body_setup
        request.options(options);
        let response = crate::__rt::execute(client, request)?;
        match response.status() {
            #done_earlier
            200..=299 => #decode,
            #(#redirect_arms)*
            #(#error_arms)*
            _ => Err(response.error("")),
        }
    })
}

fn query_step(param: &Param) -> TokenStream {
    let wire = &param.name;
    let ident = ident(&param.ident);
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
        quote! { if let Some(value) = &#ident { #push } }
    }
}

/// The `page` parameter of a list, with the cursor of the page to fetch.
fn page_step(param: &Param, pagination: &Pagination) -> TokenStream {
    let wire = &param.name;
    let ident = ident(&param.ident);
    let key = pagination.cursor_key;
    let value = if param.required {
        quote! { Some(#ident) }
    } else {
        quote! { #ident.as_ref() }
    };
    quote! { request.query_page(#wire, #value, #key, cursor)?; }
}

/// The success type and the expression that decodes it from `response`.
pub fn success(op: &Operation, models: &ModelNames) -> Result<(TokenStream, TokenStream), String> {
    let payloads = op.success_payloads();
    // A `204` next to a JSON answer: the JSON type, with an empty body allowed.
    let json: Vec<&Payload> = payloads
        .iter()
        .copied()
        .filter(|p| matches!(p, Payload::Json { .. }))
        .collect();
    let has_empty = payloads.iter().any(|p| matches!(p, Payload::Empty));
    Ok(match (json.as_slice(), payloads.as_slice()) {
        (_, []) | (_, [Payload::Empty]) => (quote! { () }, quote! { Ok(response.empty()) }),
        ([Payload::Json { ty, empty_ok, .. }], _)
            if json.len() + usize::from(has_empty) == payloads.len() =>
        {
            let ty = value_type(ty, models)?;
            if *empty_ok || has_empty {
                (
                    quote! { #ty },
                    quote! { response.json_allow_empty::<#ty>() },
                )
            } else {
                (quote! { #ty }, quote! { response.json::<#ty>() })
            }
        }
        (_, [Payload::Bytes(_)]) => (
            quote! { ::std::vec::Vec<u8> },
            quote! { Ok(response.bytes()) },
        ),
        _ => (
            quote! { ::serde_json::Value },
            quote! { response.json_allow_empty::<::serde_json::Value>() },
        ),
    })
}

/// The name of an operation's multipart form type.
pub fn form_name(op: &Operation) -> Ident {
    format_ident!("{}Form", names::pascal(&op.name))
}

/// The multipart form struct of an operation: its required parts given to `new`, its optional
/// ones set by setters (so that a newer document's optional part adds a setter), and its
/// conversion into parts.
fn form_type(
    op: &Operation,
    form: &Ident,
    fields: &[FormField],
    models: &ModelNames,
) -> Result<TokenStream, String> {
    let doc = format!(
        " The `multipart/form-data` body of [`Client::{0}`](crate::Client::{0}): \
         [`{1}::new`] with its required parts, then a setter per optional one.",
        op.name, form
    );
    let mut decls = Vec::new();
    let mut pushes = Vec::new();
    let mut args = Vec::new();
    let mut inits = Vec::new();
    let mut setters = Vec::new();
    for field in fields {
        let ident = ident(&field.ident);
        let wire = &field.name;
        let base = if field.file {
            quote! { crate::FilePart }
        } else {
            value_type(&field.ty, models)?
        };
        let ty = if field.required {
            base.clone()
        } else {
            quote! { Option<#base> }
        };
        let field_doc = field
            .description
            .as_deref()
            .map(|d| format!(" {}", docs::one_line(d)))
            .unwrap_or_else(|| format!(" The `{wire}` part."));
        decls.push(quote! { #[doc = #field_doc] pub #ident: #ty, });
        if field.required {
            args.push(quote! { #ident: #base });
            inits.push(quote! { #ident });
        } else {
            inits.push(quote! { #ident: None });
            let setter_doc = format!(" Sets the `{wire}` part.");
            setters.push(quote! {
                #[doc = #setter_doc]
                pub fn #ident(mut self, value: #base) -> Self {
                    self.#ident = Some(value);
                    self
                }
            });
        }
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
        #[non_exhaustive]
        pub struct #form {
            #(#decls)*
        }

        impl #form {
            /// The form with its required parts; the optional ones are unset.
            pub fn new(#(#args),*) -> Self {
                Self { #(#inits),* }
            }

            #(#setters)*

            fn into_parts(self) -> crate::__rt::Parts {
                let mut parts = crate::__rt::Parts::new();
                #(#pushes)*
                parts
            }
        }
    })
}

/// The pagination an operation's request builder gets: a cursor-paginated list without a file
/// (its builder is sent again for every page).
fn paged(op: &Operation) -> Option<&Pagination> {
    op.pagination
        .as_ref()
        .filter(|_| !matches!(op.body, Some(Body::Multipart { .. })))
}

/// `pages()` and `items()` of a cursor-paginated list's request.
fn pages_methods(op: &Operation, pagination: &Pagination, answer: &TokenStream) -> TokenStream {
    let info = info_const(op);
    let key = pagination.cursor_key;
    let field = pagination.cursor_field;
    let items = &pagination.items_field;
    let pages_doc = format!(
        " Every page, fetched lazily: the first as set up, then each asking for `page[{key}]` \
         = the previous page's `meta.{field}` while its `meta.hasMore` is true. At most \
         [`MAX_PAGES`](crate::MAX_PAGES) pages unless [`Pages::max_pages`](crate::Pages::max_pages) \
         says otherwise; an error (a failed call, a cursor given twice) is the last item."
    );
    let items_doc = format!(
        " Every entry of `{items}` on every page, fetched lazily as [`pages`](Self::pages) does."
    );
    quote! {
        #[doc = #pages_doc]
        pub fn pages(self) -> crate::Pages<'a, #answer> {
            let first = self;
            crate::__rt::pages(info::#info.id, move |cursor: Option<&str>| {
                first.clone().send_at(cursor)
            })
        }

        #[doc = #items_doc]
        pub fn items(self) -> crate::Items<'a, #answer> {
            crate::__rt::items(self.pages())
        }
    }
}

/// `ListPage` for the answer model of every paginated list: its cursor and entries, read as
/// the fields they are. Lists sharing an answer model share its impl, and must read it alike.
fn list_pages(api: &Api, models: &ModelNames) -> Result<TokenStream, Error> {
    let mut done: std::collections::BTreeMap<&str, &Pagination> = Default::default();
    let mut impls = Vec::new();
    for op in &api.operations {
        let Some(pagination) = paged(op) else {
            continue;
        };
        let fail = |message: String| Error::at(op.pointer.clone(), message).about(op.id.clone());
        if let Some(first) = done.insert(&pagination.answer, pagination) {
            if (first.cursor_field, &first.items_field)
                != (pagination.cursor_field, &pagination.items_field)
            {
                return Err(fail(format!(
                    "lists answering `{}` page it differently (`{}` and `{}`, entries `{}` and \
                     `{}`): one `ListPage` cannot read both",
                    pagination.answer,
                    first.cursor_field,
                    pagination.cursor_field,
                    first.items_field,
                    pagination.items_field
                )));
            }
            continue;
        }
        let answer =
            value_type(&TypeRef::Model(pagination.answer.clone()), models).map_err(fail)?;
        let entry = value_type(&pagination.item_ty, models).map_err(fail)?;
        let meta = ident(&pagination.meta.ident);
        let meta = if pagination.meta.optional {
            quote! { self.#meta.as_ref() }
        } else {
            quote! { Some(&self.#meta) }
        };
        let has_more = ident(&pagination.has_more.ident);
        let has_more = if pagination.has_more.optional {
            quote! { meta.#has_more }
        } else {
            quote! { Some(meta.#has_more) }
        };
        let cursor = ident(&pagination.cursor.ident);
        let cursor = if pagination.cursor.optional {
            quote! { meta.#cursor.as_ref().map(|c| c.as_str()) }
        } else {
            quote! { Some(meta.#cursor.as_str()) }
        };
        let entries = ident(&pagination.entries);
        let cursor_doc = format!("meta.{}", pagination.cursor_field);
        impls.push(quote! {
            impl crate::ListPage for #answer {
                type Entry = #entry;
                const CURSOR: &'static str = #cursor_doc;
                fn has_more(&self) -> bool {
                    #meta.and_then(|meta| #has_more).unwrap_or(false)
                }
                fn next_cursor(&self) -> Option<&str> {
                    #meta.and_then(|meta| #cursor)
                }
                fn into_entries(self) -> Vec<#entry> {
                    self.#entries
                }
            }
        });
    }
    Ok(quote! { #(#impls)* })
}
