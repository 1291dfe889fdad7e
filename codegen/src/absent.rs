//! Step 5c, what was not sent stays unsent: typify gives a property with a documented
//! `default` the default's type and `#[serde(default = ..)]`, so a model decoded from an answer
//! that did not carry the property holds the default, and encoding it again sends a value the
//! service never sent (17.12.1's `showAIDisclaimer: true` on every integration of a listing
//! read and written back). Such a field becomes an `Option` that is skipped when absent, and
//! its struct gets an accessor that gives the documented default in its place
//! (`show_ai_disclaimer_or_default()`); the builder's field and setter follow.
//!
//! A union's tag keeps its default: it is the constant that tells the arm apart, which a model
//! built to be sent must carry.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote};
use syn::{Attribute, Expr, Fields, ImplItem, Item, ItemImpl, ItemStruct, Type};

use crate::error::Error;
use crate::open::{self_name, serde_value, wire_name};

/// A field with a documented default, made optional.
pub(crate) struct Defaulted {
    ident: syn::Ident,
    wire: String,
    /// The type typify gave it: what the accessor returns.
    ty: Type,
    /// How typify makes the default: a call of its `defaults` function, or `Default::default()`.
    default: TokenStream,
}

impl Defaulted {
    /// The field's Rust name, as typify's builder names its setter.
    pub(crate) fn name(&self) -> String {
        self.ident.to_string()
    }
}

/// Whether a field holds a documented default: typify's `#[serde(default ..)]` without a
/// `skip_serializing_if` (which an optional array or map gets, and keeps).
pub(crate) fn has_documented_default(attrs: &[Attribute]) -> bool {
    crate::open::has_serde_flag(attrs, "default")
        && !crate::open::has_serde_flag(attrs, "skip_serializing_if")
}

/// The tag property of every struct that is an arm of a tagged union: struct → wire name.
pub(crate) fn tags(tagged: &crate::open::TaggedUnions) -> Tags {
    let mut tags = Tags::default();
    for (property, arms) in tagged.values() {
        for (_, arm) in arms {
            tags.0
                .entry(arm.clone())
                .or_default()
                .insert(property.clone());
        }
    }
    tags
}

/// The tag properties of union arms, by struct name.
#[derive(Default)]
pub(crate) struct Tags(BTreeMap<String, BTreeSet<String>>);

impl Tags {
    /// Whether `wire` is a tag of the struct `name`.
    pub(crate) fn is_tag(&self, name: &str, wire: &str) -> bool {
        self.0.get(name).is_some_and(|tags| tags.contains(wire))
    }

    /// Whether the field `wire` of the struct `name`, with typify's `attrs`, becomes an
    /// `Option` that keeps its absence: a documented default that is not a union's tag.
    pub(crate) fn keeps_absent(&self, name: &str, wire: &str, attrs: &[Attribute]) -> bool {
        has_documented_default(attrs) && !self.is_tag(name, wire)
    }
}

/// The fields of `s` whose absence must stay absent (see the module docs).
pub(crate) fn defaulted(s: &ItemStruct, tags: &Tags) -> Result<Vec<Defaulted>, Error> {
    let Fields::Named(fields) = &s.fields else {
        return Ok(Vec::new());
    };
    let name = s.ident.to_string();
    let mut found = Vec::new();
    for field in &fields.named {
        let Some(ident) = &field.ident else { continue };
        let wire = wire_name(ident, &field.attrs);
        if !tags.keeps_absent(&name, &wire, &field.attrs) {
            continue;
        }
        found.push(Defaulted {
            ident: ident.clone(),
            wire,
            ty: field.ty.clone(),
            default: default_expr(&field.attrs)?,
        });
    }
    Ok(found)
}

/// `path()` for `#[serde(default = "path")]`, `Default::default()` for a bare `default`.
fn default_expr(attrs: &[Attribute]) -> Result<TokenStream, Error> {
    Ok(match serde_value(attrs, "default") {
        Some(function) => {
            let path = syn::parse_str::<syn::ExprPath>(&function).map_err(|e| {
                Error::whole(format!(
                    "typify's serde default `{function}` does not parse: {e}"
                ))
            })?;
            quote! { #path() }
        }
        None => quote! { ::std::default::Default::default() },
    })
}

/// Makes the fields `defaulted` of `s` optional and skipped when absent; returns the accessors
/// that give their defaults, deprecated with their field.
pub(crate) fn keep_absent(s: &mut ItemStruct, defaulted: &[Defaulted]) -> TokenStream {
    let Fields::Named(fields) = &mut s.fields else {
        return TokenStream::new();
    };
    let changed: BTreeSet<&syn::Ident> = defaulted.iter().map(|d| &d.ident).collect();
    // The field's `#[deprecated]` (the document's, added before), for its accessor too.
    let mut deprecated: BTreeMap<String, Vec<Attribute>> = BTreeMap::new();
    for field in &mut fields.named {
        let Some(ident) = field.ident.as_ref().filter(|i| changed.contains(i)) else {
            continue;
        };
        let attrs = field
            .attrs
            .iter()
            .filter(|a| a.path().is_ident("deprecated"));
        deprecated.insert(ident.to_string(), attrs.cloned().collect());
        let rename = serde_value(&field.attrs, "rename");
        field.attrs.retain(|a| !a.path().is_ident("serde"));
        let skip = "::std::option::Option::is_none";
        field.attrs.push(match rename {
            Some(wire) => {
                syn::parse_quote!(#[serde(rename = #wire, default, skip_serializing_if = #skip)])
            }
            None => syn::parse_quote!(#[serde(default, skip_serializing_if = #skip)]),
        });
        let ty = &field.ty;
        field.ty = syn::parse_quote!(::std::option::Option<#ty>);
    }
    let name = &s.ident;
    let accessors = defaulted.iter().map(|d| {
        let field = &d.ident;
        let accessor = format_ident!("{}_or_default", field.to_string().trim_start_matches("r#"));
        let (ty, default) = (&d.ty, &d.default);
        let deprecated = deprecated.get(&d.name()).into_iter().flatten();
        let doc = format!(
            " `{}`, or the default the document gives it when it is absent (the field keeps \
             what was sent: `None` is sent as nothing).",
            d.wire
        );
        quote! {
            #[doc = #doc]
            #(#deprecated)*
            pub fn #accessor(&self) -> #ty {
                match &self.#field {
                    ::std::option::Option::Some(value) => ::std::clone::Clone::clone(value),
                    ::std::option::Option::None => #default,
                }
            }
        }
    });
    quote! {
        impl #name {
            #(#accessors)*
        }
    }
}

/// Whether `i` is typify's `impl Default for` a struct; its name.
pub(crate) fn default_impl_of(i: &ItemImpl) -> Option<String> {
    let (path, _) = i.trait_.as_ref()?;
    if path.segments.last().is_none_or(|s| s.ident != "Default") {
        return None;
    }
    self_name(i)
}

/// In an `impl Default` (the model's, or its builder's): the fields `changed` start as
/// `None` (`Ok(None)` in a builder) instead of their default. typify's `default()` ends with
/// the struct expression `Self { .. }`.
pub(crate) fn default_starts_absent(i: &mut ItemImpl, changed: &BTreeSet<String>) {
    for member in &mut i.items {
        let ImplItem::Fn(function) = member else {
            continue;
        };
        let Some(syn::Stmt::Expr(Expr::Struct(init), None)) = function.block.stmts.last_mut()
        else {
            continue;
        };
        for field in &mut init.fields {
            let syn::Member::Named(ident) = &field.member else {
                continue;
            };
            if !changed.contains(&ident.to_string()) {
                continue;
            }
            let in_builder = matches!(&field.expr, Expr::Call(call)
                if call.func.to_token_stream().to_string() == "Ok");
            field.expr = if in_builder {
                syn::parse_quote!(Ok(::std::option::Option::None))
            } else {
                syn::parse_quote!(::std::option::Option::None)
            };
        }
    }
}

/// In typify's `builder` module: the builder of each struct with `changed` fields holds
/// `Result<Option<T>, String>` for them, starts them absent, and its setters take anything
/// that converts into the `Option` (`T` itself included).
pub(crate) fn builder_keeps_absent(
    items: &mut [Item],
    changed: &BTreeMap<String, BTreeSet<String>>,
) {
    for item in items {
        match item {
            Item::Struct(s) => {
                let Some(fields) = changed.get(&s.ident.to_string()) else {
                    continue;
                };
                let Fields::Named(named) = &mut s.fields else {
                    continue;
                };
                for field in &mut named.named {
                    if field
                        .ident
                        .as_ref()
                        .is_some_and(|i| fields.contains(&i.to_string()))
                        && let Type::Path(ty) = &mut field.ty
                    {
                        wrap_first_argument(&mut ty.path);
                    }
                }
            }
            Item::Impl(i) => {
                let Some(fields) = self_name(i).and_then(|name| changed.get(&name)) else {
                    continue;
                };
                if default_impl_of(i).is_some() {
                    default_starts_absent(i, fields);
                } else if i.trait_.is_none() {
                    setters_take_option(i, fields);
                }
            }
            _ => {}
        }
    }
}

/// The setters of `fields` in a builder's `impl`: `where T: TryInto<X>` becomes
/// `TryInto<Option<X>>`.
fn setters_take_option(i: &mut ItemImpl, fields: &BTreeSet<String>) {
    for member in &mut i.items {
        let ImplItem::Fn(setter) = member else {
            continue;
        };
        if !fields.contains(&setter.sig.ident.to_string()) {
            continue;
        }
        let predicates = setter
            .sig
            .generics
            .where_clause
            .iter_mut()
            .flat_map(|clause| clause.predicates.iter_mut());
        for predicate in predicates {
            let syn::WherePredicate::Type(bound) = predicate else {
                continue;
            };
            for bound in &mut bound.bounds {
                if let syn::TypeParamBound::Trait(t) = bound
                    && t.path.segments.last().is_some_and(|s| s.ident == "TryInto")
                {
                    wrap_first_argument(&mut t.path);
                }
            }
        }
    }
}

/// `Result<T, E>` → `Result<Option<T>, E>`; `TryInto<T>` → `TryInto<Option<T>>`.
fn wrap_first_argument(path: &mut syn::Path) {
    if let Some(segment) = path.segments.last_mut()
        && let syn::PathArguments::AngleBracketed(args) = &mut segment.arguments
        && let Some(syn::GenericArgument::Type(inner)) = args.args.first_mut()
    {
        *inner = syn::parse_quote!(::std::option::Option<#inner>);
    }
}
