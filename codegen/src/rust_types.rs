//! Rust types for [`TypeRef`]s, as the emitters write them: the value type, the type a required
//! argument is borrowed as, and the type an optional setter stores.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::TypeRef;

/// Rust names of the models, by schema name.
pub type ModelNames = BTreeMap<String, String>;

/// `use super::types;` when `code` names a model, nothing otherwise: a generated module that
/// names no model must compile without an unused import.
pub fn models_import(code: &TokenStream) -> TokenStream {
    if code.to_string().contains("types ::") {
        quote! { use super::types; }
    } else {
        TokenStream::new()
    }
}

/// The Rust type of a value.
pub fn value_type(ty: &TypeRef, models: &ModelNames) -> Result<TokenStream, String> {
    Ok(match ty {
        TypeRef::String => quote! { ::std::string::String },
        TypeRef::Integer => quote! { i64 },
        TypeRef::Number => quote! { f64 },
        TypeRef::Boolean => quote! { bool },
        TypeRef::Json => quote! { ::serde_json::Value },
        TypeRef::JsonObject => quote! { crate::JsonObject },
        TypeRef::Array(inner) => {
            let inner = value_type(inner, models)?;
            quote! { ::std::vec::Vec<#inner> }
        }
        TypeRef::Map(inner) => {
            let inner = value_type(inner, models)?;
            quote! { ::std::collections::BTreeMap<::std::string::String, #inner> }
        }
        TypeRef::Model(key) | TypeRef::StringEnum(key) => {
            let path = models
                .get(key)
                .ok_or_else(|| format!("schema `{key}` has no generated model"))?;
            path.parse::<TokenStream>()
                .map_err(|e| format!("model path `{path}` does not parse: {e}"))?
        }
        TypeRef::Crate(path) => path
            .parse::<TokenStream>()
            .map_err(|e| format!("type path `{path}` does not parse: {e}"))?,
    })
}

/// The type a required argument takes: plain numbers and booleans by value, everything else
/// borrowed (`&str`, `&[T]`, `&Model`), for `'a` when `named` (the fields of a request
/// builder), with an elided lifetime otherwise.
pub fn borrowed_type(
    ty: &TypeRef,
    models: &ModelNames,
    named: bool,
) -> Result<TokenStream, String> {
    let lifetime = if named {
        quote! { 'a }
    } else {
        TokenStream::new()
    };
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
