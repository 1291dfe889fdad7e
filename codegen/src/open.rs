//! Step 5b, opening the models: typify's types accept only what the document lists, and the
//! service sends more than any document lists (a new client type, a new message content). The
//! items typify generated are rewritten so that a value newer than the document is kept:
//!
//! - every string enum gets an `Unknown(crate::UnknownValue)` variant, `as_str()`, `From<&str>`
//!   and `From<String>` (so a new value can be sent), `Display` and serde impls through the
//!   wire value;
//! - every union gets an `Unknown(crate::UnknownArm)` arm that keeps the raw JSON. A union whose
//!   arms are told apart by a property (see `unions.rs`) decodes the arm that property names,
//!   never the first whose shape fits; one that is not stays untagged, with the unknown arm
//!   last;
//! - a string with a length constraint decodes whatever its length (the constraint is checked
//!   where a value is built to be sent);
//! - a property the document marks `deprecated` gets `#[deprecated]`, on its field and its
//!   builder's setter;
//! - a property with a documented default keeps its absence (see `absent.rs`);
//! - every struct with named fields, string enum and union is `#[non_exhaustive]`: a newer
//!   document adds fields, values and arms, and a caller's struct literal or exhaustive `match`
//!   would stop compiling. Structs are built through their builders (`Foo::builder()`), or
//!   with `Default` and field assignment where they have one.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Ident, TokenStream};
use quote::{ToTokens, quote};
use syn::punctuated::Punctuated;
use syn::{Attribute, Fields, ImplItem, Item, ItemEnum, ItemImpl, Token, Type};

use crate::absent;
use crate::error::Error;
use crate::names;
use crate::unions::Tagged;

/// Unions told apart by a property, by Rust type name: the property's name, and each arm's
/// value with the arm's type.
pub type TaggedUnions = BTreeMap<String, (String, Vec<(String, String)>)>;

/// What the schemas say that typify's types do not carry, by Rust type name.
#[derive(Debug, Default)]
pub struct Facts {
    /// Unions told apart by a property: its name, and each arm's value with the arm's type.
    pub tagged: TaggedUnions,
    /// Deprecated properties of each struct: wire name → note.
    pub deprecated: BTreeMap<String, BTreeMap<String, String>>,
    /// The members each struct declares, when it keeps no others.
    pub members: BTreeMap<String, BTreeSet<String>>,
}

impl Facts {
    /// The facts of `tagged` unions and `deprecated` properties found by schema key, named as
    /// typify names the schemas' types (`names`: schema key → `types::Name`).
    pub fn of(
        tagged: BTreeMap<String, Tagged>,
        deprecated: BTreeMap<String, BTreeMap<String, String>>,
        members: BTreeMap<String, BTreeSet<String>>,
        names: &BTreeMap<String, String>,
    ) -> Facts {
        let rust = |key: &str| {
            names
                .get(key)
                .and_then(|path| path.strip_prefix("types::"))
                .map(str::to_owned)
        };
        let tagged = tagged
            .into_iter()
            .filter_map(|(key, union)| {
                let arms: Option<Vec<(String, String)>> = union
                    .arms
                    .into_iter()
                    .map(|(value, arm)| Some((value, rust(&arm)?)))
                    .collect();
                Some((rust(&key)?, (union.property, arms?)))
            })
            .collect();
        let deprecated = deprecated
            .into_iter()
            .filter_map(|(key, properties)| Some((rust(&key)?, properties)))
            .collect();
        let members = members
            .into_iter()
            .filter_map(|(key, members)| Some((rust(&key)?, members)))
            .collect();
        Facts {
            tagged,
            deprecated,
            members,
        }
    }
}

/// The models typify generated, opened as the module docs say.
/// Items typify made are kept as they were parsed; only what is written anew is parsed again.
pub fn open(file: syn::File, facts: &Facts) -> Result<Vec<Item>, Error> {
    let mut enums = BTreeSet::new();
    let mut lenient = BTreeSet::new();
    for item in &file.items {
        match item {
            Item::Enum(e) if string_enum(e).is_some() => {
                enums.insert(e.ident.to_string());
            }
            Item::Struct(s) if is_string_newtype(&s.fields) => {
                lenient.insert(s.ident.to_string());
            }
            _ => {}
        }
    }
    // The fields whose absence stays absent, by struct, before any item is rewritten: the
    // structs' `Default` impls and builders follow them.
    let tags = absent::tags(&facts.tagged);
    let mut defaulted = BTreeMap::new();
    for item in &file.items {
        if let Item::Struct(s) = item {
            let fields = absent::defaulted(s, &tags)?;
            if !fields.is_empty() {
                defaulted.insert(s.ident.to_string(), fields);
            }
        }
    }
    let changed: BTreeMap<String, BTreeSet<String>> = defaulted
        .iter()
        .map(|(name, fields)| (name.clone(), fields.iter().map(|f| f.name()).collect()))
        .collect();
    let mut out = Vec::new();
    // What is written anew goes where typify's item was, parsed on its own.
    let push = |out: &mut Vec<Item>, written: TokenStream| -> Result<(), Error> {
        let written = syn::parse2::<syn::File>(written)
            .map_err(|e| Error::whole(format!("the opened models do not parse: {e}")))?;
        out.extend(written.items);
        Ok(())
    };
    for item in file.items {
        match item {
            Item::Enum(e) if enums.contains(&e.ident.to_string()) => {
                push(&mut out, open_enum(&e))?;
            }
            Item::Enum(e) if has_serde_flag(&e.attrs, "untagged") => {
                let tagged = facts.tagged.get(&e.ident.to_string());
                push(&mut out, open_union(e, tagged, &facts.members)?)?;
            }
            // typify's conversions of the enums are replaced by open ones.
            Item::Impl(i) if replaced_conversion(&i, &enums) => {}
            Item::Impl(i) if deserializes(&i).is_some_and(|ty| lenient.contains(&ty)) => {
                push(&mut out, lenient_deserialize(&i)?)?;
            }
            Item::Struct(mut s) => {
                let name = s.ident.to_string();
                if let Some(deprecated) = facts.deprecated.get(&name) {
                    deprecate_fields(&mut s.fields, deprecated);
                }
                let accessors = match defaulted.get(&name) {
                    Some(fields) => absent::keep_absent(&mut s, fields),
                    None => TokenStream::new(),
                };
                if matches!(s.fields, Fields::Named(_)) {
                    s.attrs.push(syn::parse_quote!(#[non_exhaustive]));
                }
                out.push(Item::Struct(s));
                push(&mut out, accessors)?;
            }
            Item::Impl(mut i) => {
                if let Some(fields) = absent::default_impl_of(&i).and_then(|n| changed.get(&n)) {
                    absent::default_starts_absent(&mut i, fields);
                }
                out.push(Item::Impl(i));
            }
            Item::Mod(mut m) if m.ident == "builder" => {
                if let Some((_, items)) = &mut m.content {
                    deprecate_setters(items, &facts.deprecated);
                    absent::builder_keeps_absent(items, &changed);
                }
                out.push(Item::Mod(m));
            }
            other => out.push(other),
        }
    }
    // A model built with its builder (`Foo::builder()..try_into()?`) in a function that returns
    // the crate's error: a builder's error is an `Error::InvalidInput`.
    if out
        .iter()
        .any(|item| matches!(item, Item::Mod(m) if m.ident == "error"))
    {
        push(
            &mut out,
            quote! {
                impl ::std::convert::From<error::ConversionError> for crate::Error {
                    fn from(error: error::ConversionError) -> Self {
                        crate::__rt::model_not_built(error.to_string())
                    }
                }
            },
        )?;
    }
    Ok(out)
}

/// The variants and wire values of an enum typify made of a string `enum`: unit variants
/// only, deserialised by serde's derive.
fn string_enum(e: &ItemEnum) -> Option<Vec<(Ident, String)>> {
    if !derives(&e.attrs).iter().any(|d| d == "Deserialize") || e.variants.is_empty() {
        return None;
    }
    e.variants
        .iter()
        .map(|v| match v.fields {
            Fields::Unit => Some((
                v.ident.clone(),
                serde_value(&v.attrs, "rename").unwrap_or_else(|| v.ident.to_string()),
            )),
            _ => None,
        })
        .collect()
}

/// An open string enum: the named variants, `Unknown`, and its conversions.
fn open_enum(e: &ItemEnum) -> TokenStream {
    let name = &e.ident;
    let docs = doc_attrs(&e.attrs);
    let variants = string_enum(e).unwrap_or_default();
    let (idents, values): (Vec<&Ident>, Vec<&String>) =
        variants.iter().map(|(ident, value)| (ident, value)).unzip();
    let variant_docs: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
    quote! {
        #(#docs)*
        ///
        /// A value this build's document does not list decodes as `Unknown`, keeps the value
        /// and is sent back unchanged; `From<&str>` makes any value, named or not, and
        /// `as_str()` (or `Display`) gives it as sent.
        ///
        /// A later document may list more values: a `match` needs a wildcard arm.
        #[derive(Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
        #[non_exhaustive]
        pub enum #name {
            #(#[doc = #variant_docs] #idents,)*
            /// A value this build's document does not list, kept as it arrived.
            Unknown(crate::UnknownValue),
        }
        impl #name {
            /// The values this build's document lists.
            pub const VALUES: &'static [&'static str] = &[#(#values),*];

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#idents => #values,)*
                    Self::Unknown(value) => value.as_str(),
                }
            }
        }
        impl ::std::convert::From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #(#values => Self::#idents,)*
                    _ => Self::Unknown(crate::__rt::unknown_value(value.to_owned())),
                }
            }
        }
        impl ::std::convert::From<&::std::string::String> for #name {
            fn from(value: &::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::convert::From<::std::string::String> for #name {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    #(#values => Self::#idents,)*
                    _ => Self::Unknown(crate::__rt::unknown_value(value)),
                }
            }
        }
        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                crate::__rt::deserialize_open_str(deserializer)
            }
        }
    }
}

/// A union with an unknown arm: decoded by its tag when it has one, else untagged with the
/// unknown arm last.
fn open_union(
    mut e: ItemEnum,
    tagged: Option<&(String, Vec<(String, String)>)>,
    members: &BTreeMap<String, BTreeSet<String>>,
) -> Result<TokenStream, Error> {
    let unknown: syn::Variant = syn::parse_quote! {
        /// An arm this build's document does not describe (or a documented one that did not
        /// decode as documented), kept as the JSON it arrived as.
        Unknown(crate::UnknownArm)
    };
    let note = "An arm this build's document does not describe decodes as `Unknown`, which keeps \
                the JSON it arrived as and sends it back unchanged. A later document may add \
                arms: a `match` needs a wildcard arm.";
    e.attrs.push(syn::parse_quote!(#[non_exhaustive]));
    let arms = tagged.and_then(|(property, arms)| {
        let found: Option<Vec<(String, Ident, Type)>> = arms
            .iter()
            .map(|(value, arm)| {
                let variant = e
                    .variants
                    .iter()
                    .find(|v| newtype_of(v).as_deref() == Some(arm.as_str()))?;
                let Fields::Unnamed(fields) = &variant.fields else {
                    return None;
                };
                let ty = fields.unnamed.first()?.ty.clone();
                Some((value.clone(), variant.ident.clone(), ty))
            })
            .collect();
        found
            .filter(|found| found.len() == e.variants.len())
            .map(|found| (property, found))
    });
    let Some((property, arms)) = arms else {
        return open_untagged(e, unknown, note, members);
    };
    // Told apart by `property`: serde's derive goes, the impls below decode the named arm.
    e.attrs.retain(|a| !a.path().is_ident("serde"));
    without_derives(&mut e.attrs, &["Serialize", "Deserialize"])?;
    let tagged_note = format!(
        "The arms are told apart by `{property}`: an answer decodes as the arm its `{property}` \
         names. {note}"
    );
    add_docs(&mut e.attrs, &tagged_note);
    e.variants.push(unknown);
    let name = &e.ident;
    let values: Vec<&String> = arms.iter().map(|(value, _, _)| value).collect();
    let variants: Vec<&Ident> = arms.iter().map(|(_, variant, _)| variant).collect();
    let types: Vec<&Type> = arms.iter().map(|(_, _, ty)| ty).collect();
    let tag_doc = format!("The value of `{property}` that tells this arm apart, as sent.");
    Ok(quote! {
        #e
        impl #name {
            #[doc = #tag_doc]
            pub fn tag(&self) -> ::std::option::Option<&str> {
                match self {
                    #(Self::#variants(_) => Some(#values),)*
                    Self::Unknown(arm) => arm.tag(),
                }
            }
        }
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                match self {
                    #(Self::#variants(arm) => arm.serialize(serializer),)*
                    Self::Unknown(arm) => arm.serialize(serializer),
                }
            }
        }
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let raw = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                let arm = match raw.get(#property).and_then(::serde_json::Value::as_str) {
                    #(Some(#values) => <#types as ::serde::Deserialize>::deserialize(&raw)
                        .ok()
                        .map(Self::#variants),)*
                    _ => None,
                };
                Ok(arm.unwrap_or_else(|| Self::Unknown(crate::__rt::unknown_arm(raw, #property))))
            }
        }
    })
}

/// A union whose arms nothing tells apart but their members: its value decodes as the first
/// arm that declares every member it has (so that no member is lost to an earlier arm whose
/// shape also fits, as serde's untagged enums would), else as the first arm that decodes,
/// else as `Unknown`. It is encoded as serde's untagged enums are.
fn open_untagged(
    mut e: ItemEnum,
    unknown: syn::Variant,
    note: &str,
    members: &BTreeMap<String, BTreeSet<String>>,
) -> Result<TokenStream, Error> {
    add_docs(&mut e.attrs, note);
    let readable = e.variants.iter().all(|v| match &v.fields {
        Fields::Unnamed(fields) => fields.unnamed.len() == 1,
        Fields::Named(_) => true,
        Fields::Unit => false,
    });
    if !readable {
        // Anything else keeps serde's own reading, the unknown arm last.
        e.variants.push(unknown);
        return Ok(e.into_token_stream());
    }
    without_derives(&mut e.attrs, &["Deserialize"])?;
    let name = e.ident.clone();
    let mut helpers = Vec::new();
    let mut covering = Vec::new();
    let mut decoding = Vec::new();
    for (index, variant) in e.variants.iter().enumerate() {
        let ident = &variant.ident;
        let (decode, declared) = match &variant.fields {
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                let ty = &fields.unnamed[0].ty;
                let declared = newtype_of(variant).and_then(|arm| members.get(&arm).cloned());
                (
                    quote! { <#ty as ::serde::Deserialize>::deserialize(&raw).map(Self::#ident) },
                    declared,
                )
            }
            Fields::Named(fields) => {
                let helper =
                    syn::Ident::new(&format!("Arm{index}"), proc_macro2::Span::call_site());
                let named: Vec<&syn::Field> = fields.named.iter().collect();
                let idents: Vec<&Ident> = named.iter().filter_map(|f| f.ident.as_ref()).collect();
                let serde_attrs: Vec<Vec<&Attribute>> = named
                    .iter()
                    .map(|f| {
                        f.attrs
                            .iter()
                            .filter(|a| a.path().is_ident("serde"))
                            .collect()
                    })
                    .collect();
                let types: Vec<&Type> = named.iter().map(|f| &f.ty).collect();
                helpers.push(quote! {
                    #[derive(::serde::Deserialize)]
                    struct #helper { #(#(#serde_attrs)* #idents: #types,)* }
                });
                let declared: BTreeSet<String> = named
                    .iter()
                    .filter_map(|f| Some(wire_name(f.ident.as_ref()?, &f.attrs)))
                    .collect();
                (
                    quote! {
                        <#helper as ::serde::Deserialize>::deserialize(&raw)
                            .map(|arm| Self::#ident { #(#idents: arm.#idents),* })
                    },
                    Some(declared),
                )
            }
            _ => continue,
        };
        decoding.push(quote! {
            if let Ok(arm) = #decode {
                return Ok(arm);
            }
        });
        if let Some(declared) = declared {
            let declared: Vec<String> = declared.into_iter().collect();
            covering.push(quote! {
                if keys.iter().all(|key| [#(#declared),*].contains(key))
                    && let Ok(arm) = #decode
                {
                    return Ok(arm);
                }
            });
        }
    }
    e.variants.push(unknown);
    Ok(quote! {
        #e
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                #(#helpers)*
                let raw = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                let keys: ::std::vec::Vec<&str> = raw
                    .as_object()
                    .map(|object| object.keys().map(::std::string::String::as_str).collect())
                    .unwrap_or_default();
                #(#covering)*
                #(#decoding)*
                Ok(Self::Unknown(<crate::UnknownArm as ::serde::Deserialize>::deserialize(raw)
                    .map_err(<D::Error as ::serde::de::Error>::custom)?))
            }
        }
    })
}

/// Takes the traits `names` out of the item's `#[derive(..)]`.
fn without_derives(attrs: &mut [Attribute], names: &[&str]) -> Result<(), Error> {
    for attr in attrs {
        if attr.path().is_ident("derive") {
            let kept: Vec<syn::Path> = attr
                .parse_args_with(Punctuated::<syn::Path, Token![,]>::parse_terminated)
                .map_err(|e| Error::whole(format!("typify's derive does not parse: {e}")))?
                .into_iter()
                .filter(|path| {
                    !path
                        .segments
                        .last()
                        .is_some_and(|s| names.iter().any(|name| s.ident == name))
                })
                .collect();
            *attr = syn::parse_quote!(#[derive(#(#kept),*)]);
        }
    }
    Ok(())
}

/// The type name of a one-field tuple variant (`TextMessage(TextMessage)` → `TextMessage`).
fn newtype_of(variant: &syn::Variant) -> Option<String> {
    let Fields::Unnamed(fields) = &variant.fields else {
        return None;
    };
    if fields.unnamed.len() != 1 {
        return None;
    }
    let Type::Path(path) = &fields.unnamed.first()?.ty else {
        return None;
    };
    path.path.segments.last().map(|s| s.ident.to_string())
}

/// Whether `fields` is one private `String`: typify's newtype for a string with a length
/// constraint, which it checks in its `Deserialize`.
fn is_string_newtype(fields: &Fields) -> bool {
    let Fields::Unnamed(fields) = fields else {
        return false;
    };
    let [field] = fields.unnamed.iter().collect::<Vec<_>>()[..] else {
        return false;
    };
    matches!(field.vis, syn::Visibility::Inherited) && is_string(&field.ty)
}

fn is_string(ty: &Type) -> bool {
    matches!(ty, Type::Path(path) if path.path.segments.last().is_some_and(|s| s.ident == "String"))
}

/// The type an `impl Deserialize for T` is for.
fn deserializes(i: &ItemImpl) -> Option<String> {
    let (path, _) = i.trait_.as_ref()?;
    let last = path.segments.last()?;
    (last.ident == "Deserialize").then(|| self_name(i))?
}

/// The name of the type an `impl` is for.
pub(crate) fn self_name(i: &ItemImpl) -> Option<String> {
    let Type::Path(path) = i.self_ty.as_ref() else {
        return None;
    };
    path.path.segments.last().map(|s| s.ident.to_string())
}

/// A constrained string's `Deserialize`, taking any string: the constraint describes what may
/// be sent, and a value the service sends comes back whole.
fn lenient_deserialize(i: &ItemImpl) -> Result<TokenStream, Error> {
    let name = self_name(i).ok_or_else(|| Error::whole("a Deserialize impl without a type"))?;
    let name = syn::Ident::new(&name, proc_macro2::Span::call_site());
    Ok(quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                Ok(Self(<::std::string::String as ::serde::Deserialize>::deserialize(
                    deserializer,
                )?))
            }
        }
    })
}

/// typify's `Display`, `FromStr` and `TryFrom` impls of the string enums, which the open enums
/// replace.
fn replaced_conversion(i: &ItemImpl, enums: &BTreeSet<String>) -> bool {
    let Some((path, _)) = &i.trait_ else {
        return false;
    };
    let replaced = path.segments.last().is_some_and(|s| {
        matches!(
            s.ident.to_string().as_str(),
            "Display" | "FromStr" | "TryFrom"
        )
    });
    replaced && self_name(i).is_some_and(|name| enums.contains(&name))
}

/// Adds `#[deprecated]` to the fields whose wire names are in `deprecated`.
fn deprecate_fields(fields: &mut Fields, deprecated: &BTreeMap<String, String>) {
    let Fields::Named(fields) = fields else {
        return;
    };
    for field in &mut fields.named {
        let Some(ident) = &field.ident else { continue };
        if let Some(note) = deprecated.get(&wire_name(ident, &field.attrs)) {
            field
                .attrs
                .push(syn::parse_quote!(#[deprecated(note = #note)]));
        }
    }
}

/// Adds `#[deprecated]` to the builder setters of deprecated fields (`builder::Android::
/// server_key`), named as typify names them: the field's snake-case name.
fn deprecate_setters(items: &mut [Item], deprecated: &BTreeMap<String, BTreeMap<String, String>>) {
    for item in items {
        let Item::Impl(i) = item else { continue };
        if i.trait_.is_some() {
            continue;
        }
        let Some(properties) = self_name(i).and_then(|name| deprecated.get(&name)) else {
            continue;
        };
        let setters: BTreeMap<String, &String> = properties
            .iter()
            .map(|(wire, note)| (names::snake(wire), note))
            .collect();
        for member in &mut i.items {
            let ImplItem::Fn(method) = member else {
                continue;
            };
            let setter = method.sig.ident.to_string();
            if let Some(note) = setters.get(setter.trim_start_matches("r#")) {
                let note: &str = note;
                method
                    .attrs
                    .push(syn::parse_quote!(#[deprecated(note = #note)]));
            }
        }
    }
}

/// The last segment of every path a `#[derive(..)]` names.
fn derives(attrs: &[Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("derive"))
        .filter_map(|a| {
            a.parse_args_with(Punctuated::<syn::Path, Token![,]>::parse_terminated)
                .ok()
        })
        .flatten()
        .filter_map(|path| path.segments.last().map(|s| s.ident.to_string()))
        .collect()
}

/// Whether a `#[serde(..)]` attribute holds `name` (`untagged`, `default`), with a value or
/// without.
pub(crate) fn has_serde_flag(attrs: &[Attribute], name: &str) -> bool {
    let mut found = false;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident(name) {
                found = true;
            }
            if meta.input.peek(Token![=]) {
                let _: syn::Expr = meta.value()?.parse()?;
            }
            Ok(())
        });
    }
    found
}

/// The value of `#[serde(key = "..")]` (`rename`, `default`), when it is given one.
pub(crate) fn serde_value(attrs: &[Attribute], key: &str) -> Option<String> {
    let mut found = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.input.peek(Token![=]) {
                let value: syn::Expr = meta.value()?.parse()?;
                if meta.path.is_ident(key)
                    && let syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(text),
                        ..
                    }) = value
                {
                    found = Some(text.value());
                }
            }
            Ok(())
        });
    }
    found
}

/// A field's name on the wire: its `#[serde(rename)]`, or its Rust name.
pub(crate) fn wire_name(ident: &syn::Ident, attrs: &[Attribute]) -> String {
    serde_value(attrs, "rename").unwrap_or_else(|| ident.to_string().replace("r#", ""))
}

/// Adds a paragraph to an item's docs, after the docs it has (before its other attributes).
fn add_docs(attrs: &mut Vec<Attribute>, paragraph: &str) {
    let at = attrs
        .iter()
        .rposition(|a| a.path().is_ident("doc"))
        .map_or(0, |last| last + 1);
    let added: [Attribute; 2] = [
        syn::parse_quote!(#[doc = ""]),
        syn::parse_quote!(#[doc = #paragraph]),
    ];
    attrs.splice(at..at, added);
}

fn doc_attrs(attrs: &[Attribute]) -> Vec<&Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("doc")).collect()
}
