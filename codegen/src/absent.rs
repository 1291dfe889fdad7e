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
use crate::open::serde_rename;

/// A field with a documented default, made optional.
#[derive(Clone)]
pub(crate) struct Defaulted {
    ident: syn::Ident,
    wire: String,
    /// The type typify gave it: what the accessor returns.
    ty: Type,
    /// How typify makes the default: a call of its `defaults` function, or `Default::default()`.
    default: TokenStream,
    deprecated: Vec<Attribute>,
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
        if !has_documented_default(&field.attrs) {
            continue;
        }
        let wire =
            serde_rename(&field.attrs).unwrap_or_else(|| ident.to_string().replace("r#", ""));
        if tags.is_tag(&name, &wire) {
            continue;
        }
        found.push(Defaulted {
            ident: ident.clone(),
            wire,
            ty: field.ty.clone(),
            default: default_expr(&field.attrs)?,
            deprecated: field
                .attrs
                .iter()
                .filter(|a| a.path().is_ident("deprecated"))
                .cloned()
                .collect(),
        });
    }
    Ok(found)
}

/// `path()` for `#[serde(default = "path")]`, `Default::default()` for a bare `default`.
fn default_expr(attrs: &[Attribute]) -> Result<TokenStream, Error> {
    let mut function = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("default") && meta.input.peek(syn::Token![=]) {
                let path: syn::LitStr = meta.value()?.parse()?;
                function = Some(path.parse::<syn::ExprPath>()?);
            } else if meta.input.peek(syn::Token![=]) {
                let _: Expr = meta.value()?.parse()?;
            }
            Ok(())
        })
        .map_err(|e| Error::whole(format!("typify's serde attribute does not parse: {e}")))?;
    }
    Ok(match function {
        Some(path) => quote! { #path() },
        None => quote! { ::std::default::Default::default() },
    })
}

/// Makes the fields `defaulted` of `s` optional and skipped when absent; returns the accessors
/// that give their defaults.
pub(crate) fn keep_absent(s: &mut ItemStruct, defaulted: &[Defaulted]) -> TokenStream {
    let Fields::Named(fields) = &mut s.fields else {
        return TokenStream::new();
    };
    let changed: BTreeSet<&syn::Ident> = defaulted.iter().map(|d| &d.ident).collect();
    for field in &mut fields.named {
        if !field.ident.as_ref().is_some_and(|i| changed.contains(i)) {
            continue;
        }
        let rename = serde_rename(&field.attrs);
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
        let (ty, default, deprecated) = (&d.ty, &d.default, &d.deprecated);
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
    let Type::Path(ty) = i.self_ty.as_ref() else {
        return None;
    };
    ty.path.segments.last().map(|s| s.ident.to_string())
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
                    {
                        wrap_first_argument(&mut field.ty);
                    }
                }
            }
            Item::Impl(i) => {
                let Some(name) = self_name(i) else { continue };
                let Some(fields) = changed.get(&name) else {
                    continue;
                };
                if default_impl_of(i).is_some() {
                    default_starts_absent(i, fields);
                    continue;
                }
                if i.trait_.is_some() {
                    continue;
                }
                for member in &mut i.items {
                    let ImplItem::Fn(setter) = member else {
                        continue;
                    };
                    if !fields.contains(&setter.sig.ident.to_string()) {
                        continue;
                    }
                    // `where T: TryInto<X>` becomes `TryInto<Option<X>>`.
                    if let Some(clause) = &mut setter.sig.generics.where_clause {
                        for predicate in &mut clause.predicates {
                            let syn::WherePredicate::Type(bound) = predicate else {
                                continue;
                            };
                            for bound in &mut bound.bounds {
                                if let syn::TypeParamBound::Trait(t) = bound
                                    && t.path.segments.last().is_some_and(|s| s.ident == "TryInto")
                                    && let Some(segment) = t.path.segments.last_mut()
                                    && let syn::PathArguments::AngleBracketed(args) =
                                        &mut segment.arguments
                                    && let Some(syn::GenericArgument::Type(ty)) =
                                        args.args.first_mut()
                                {
                                    *ty = syn::parse_quote!(::std::option::Option<#ty>);
                                }
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// `Result<T, E>` → `Result<Option<T>, E>`.
fn wrap_first_argument(ty: &mut Type) {
    if let Type::Path(path) = ty
        && let Some(segment) = path.path.segments.last_mut()
        && let syn::PathArguments::AngleBracketed(args) = &mut segment.arguments
        && let Some(syn::GenericArgument::Type(inner)) = args.args.first_mut()
    {
        *inner = syn::parse_quote!(::std::option::Option<#inner>);
    }
}

fn self_name(i: &ItemImpl) -> Option<String> {
    let Type::Path(path) = i.self_ty.as_ref() else {
        return None;
    };
    path.path.segments.last().map(|s| s.ident.to_string())
}
