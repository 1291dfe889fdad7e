//! Rust types for [`TypeRef`]s, as the emitters write them: the value type, the type a required
//! argument is borrowed as, and the type an optional setter stores.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::TypeRef;

/// Rust names of the models, by schema name.
pub type ModelNames = BTreeMap<String, String>;

/// `use super::types;` when one of `types` (those a generated module writes in its code, not
/// only in its docs) is or contains a generated model, nothing otherwise: a module that names
/// no model must compile without an unused import.
pub fn models_import<'a>(
    types: impl IntoIterator<Item = &'a TypeRef>,
    models: &ModelNames,
) -> TokenStream {
    let mut named = Vec::new();
    for ty in types {
        ty.models(&mut named);
    }
    let generated = |name: &String| models.get(name).is_some_and(|p| p.starts_with("types::"));
    if named.iter().any(generated) {
        quote! { use super::types; }
    } else {
        TokenStream::new()
    }
}

/// The Rust type of a value, as the crate's own code names it.
pub fn value_type(ty: &TypeRef, models: &ModelNames) -> Result<TokenStream, String> {
    value_type_from(ty, models, "crate")
}

/// The Rust type of a value, as code that reaches the crate through `root` names it: the
/// paths the generator writes as `crate::…` start with `root::…` instead.
pub fn value_type_from(
    ty: &TypeRef,
    models: &ModelNames,
    root: &str,
) -> Result<TokenStream, String> {
    let path = |path: &str, what: &str| {
        let rooted = match path.strip_prefix("crate::") {
            Some(rest) => format!("{root}::{rest}"),
            None => path.to_owned(),
        };
        rooted
            .parse::<TokenStream>()
            .map_err(|e| format!("{what} path `{path}` does not parse: {e}"))
    };
    Ok(match ty {
        TypeRef::String => quote! { ::std::string::String },
        TypeRef::Integer => quote! { i64 },
        TypeRef::Number => quote! { f64 },
        TypeRef::Boolean => quote! { bool },
        TypeRef::Json => quote! { ::serde_json::Value },
        TypeRef::JsonObject => path("crate::JsonObject", "type")?,
        TypeRef::Array(inner) => {
            let inner = value_type_from(inner, models, root)?;
            quote! { ::std::vec::Vec<#inner> }
        }
        TypeRef::Map(inner) => {
            let inner = value_type_from(inner, models, root)?;
            quote! { ::std::collections::BTreeMap<::std::string::String, #inner> }
        }
        TypeRef::Model(key) | TypeRef::StringEnum(key) => {
            let model = models
                .get(key)
                .ok_or_else(|| format!("schema `{key}` has no generated model"))?;
            path(model, "model")?
        }
        TypeRef::Crate(crate_path) => path(crate_path, "type")?,
    })
}

/// The type a required argument takes, as a request builder holds it: plain numbers and
/// booleans by value, everything else borrowed for the builder's `'a` (`&'a str`, `&'a [T]`,
/// `&'a Model`).
pub fn borrowed_type(ty: &TypeRef, models: &ModelNames) -> Result<TokenStream, String> {
    let lifetime = quote! { 'a };
    Ok(match ty {
        TypeRef::String => quote! { &#lifetime str },
        TypeRef::Integer | TypeRef::Number | TypeRef::Boolean => value_type(ty, models)?,
        TypeRef::Array(inner) => {
            let inner = value_type(inner, models)?;
            quote! { &#lifetime [#inner] }
        }
        other => {
            let ty = value_type(other, models)?;
            quote! { &#lifetime #ty }
        }
    })
}
