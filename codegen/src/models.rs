//! Step 5, models: the pruned schemas become Rust types through progenitor's generator (typify
//! inside). Only its type space is used: progenitor's client code is async and reqwest-based,
//! and cannot express this crate's blocking, multipart and deepObject operations.

use std::collections::{BTreeMap, HashSet};

use indexmap::IndexMap;
use openapiv3::{Components, Info, OpenAPI, ReferenceOr, Schema};
use progenitor_impl::{GenerationSettings, Generator, InterfaceStyle, TypeImpl};
use schemars::schema::{InstanceType, SchemaObject};

use crate::error::{Error, pointer};
use crate::facts;
use crate::names;
use crate::open;
use crate::secrets::SECRET_FORMAT;
use crate::unions;

/// The models and the Rust name of every schema the operations refer to.
pub struct Models {
    /// The items of the `types` module (none when typify's own were kept instead).
    pub items: Vec<syn::Item>,
    /// Schema name (component key or lifted name) → Rust path of its type, relative to the
    /// `operations` module (`types::AttachmentResponse`, `crate::MediaTokens`).
    pub names: BTreeMap<String, String>,
    /// Whether a field is `#[deprecated]`: the module then allows the models' own uses of it.
    pub deprecated: bool,
    /// typify's own declarations, not opened, when asked for: what a diff reads.
    pub typify: Option<Vec<syn::Item>>,
}

/// String formats typify would map to `chrono` or `uuid` types. They stay `String`s so the
/// crate carries no date or uuid dependency; callers parse them if they need to.
const STRING_FORMATS: &[&str] = &["date-time", "date", "time", "uuid"];

/// Generates the models for `schemas`, opened (see `open`); or, with `keep_typify`, typify's
/// own items only, for a diff.
pub fn generate(
    schemas: IndexMap<String, ReferenceOr<Schema>>,
    keep_typify: bool,
) -> Result<Models, Error> {
    if schemas.is_empty() {
        return Ok(Models {
            items: Vec::new(),
            names: BTreeMap::new(),
            deprecated: false,
            typify: None,
        });
    }
    let keys: Vec<String> = schemas.keys().cloned().collect();
    let tagged = unions::tagged(&schemas);
    let deprecated = unions::deprecated_properties(&schemas);
    let members = unions::declared_members(&schemas);
    let spec = OpenAPI {
        openapi: "3.0.3".to_owned(),
        info: Info {
            title: "models".to_owned(),
            version: "0".to_owned(),
            ..Default::default()
        },
        components: Some(Components {
            schemas,
            ..Default::default()
        }),
        ..Default::default()
    };

    let mut generator = Generator::new(&settings());
    // Only the side effect matters: the generator fills its type space from the components.
    // The client it returns is discarded. typify has panicking paths of its own; a document
    // must never crash the build, so a panic is reported like any other failure.
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        generator.generate_tokens(&spec).map(drop)
    }));
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            return Err(Error::at(
                "/components/schemas",
                format!("model generation failed: {e}"),
            ));
        }
        Err(panic) => {
            let what = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("no message");
            return Err(Error::at(
                "/components/schemas",
                format!("model generation failed (typify panicked: {what})"),
            ));
        }
    }
    let space = generator.get_type_space();
    if space.uses_chrono() || space.uses_uuid() {
        return Err(Error::at(
            "/components/schemas",
            "a date or uuid string carries constraints typify maps to chrono/uuid types, \
             which this crate does not depend on",
        ));
    }
    if space.uses_regress() {
        return Err(Error::at(
            "/components/schemas",
            "a string `pattern` needs the regress crate, which this crate does not depend on",
        ));
    }

    let produced: HashSet<String> = space.iter_types().map(|t| t.name()).collect();
    let mut names = BTreeMap::new();
    for key in keys {
        let name = names::pascal(&key);
        let path = if let Some((_, replacement)) =
            facts::replacements().find(|(model, _)| *model == name)
        {
            replacement.to_owned()
        } else if produced.contains(&name) {
            format!("types::{name}")
        } else {
            return Err(Error::at(
                pointer(["components", "schemas", key.as_str()]),
                format!("typify produced no type named `{name}` for this schema"),
            ));
        };
        names.insert(key, path);
    }
    let facts = open::Facts::of(tagged, deprecated, members, &names);
    let deprecated = !facts.deprecated.is_empty();
    let (items, typify) = if keep_typify {
        (Vec::new(), Some(declarations(space.to_stream())?))
    } else {
        let typify = syn::parse2::<syn::File>(space.to_stream())
            .map_err(|e| Error::whole(format!("typify's models do not parse: {e}")))?;
        (open::open(typify, &facts)?, None)
    };
    Ok(Models {
        items,
        names,
        deprecated,
        typify,
    })
}

/// typify's type declarations (structs, enums, aliases), parsed; its impls and modules, most of
/// its output, are skipped unparsed: a diff reads only the declarations.
fn declarations(stream: proc_macro2::TokenStream) -> Result<Vec<syn::Item>, Error> {
    use proc_macro2::{Delimiter, TokenTree};
    let mut items = Vec::new();
    let mut current: Vec<TokenTree> = Vec::new();
    let mut keyword: Option<String> = None;
    for tree in stream {
        let ends = match &tree {
            TokenTree::Punct(p) if p.as_char() == ';' => true,
            TokenTree::Group(g) if g.delimiter() == Delimiter::Brace => {
                // `struct X { .. }` and every `impl`, `mod` and `fn` end at their body; a
                // brace in an alias or a tuple struct does not occur at this level.
                keyword.is_some()
            }
            TokenTree::Ident(ident) if keyword.is_none() => {
                let word = ident.to_string();
                if matches!(
                    word.as_str(),
                    "struct" | "enum" | "type" | "impl" | "mod" | "fn" | "trait" | "const"
                ) {
                    keyword = Some(word);
                }
                false
            }
            _ => false,
        };
        current.push(tree);
        if ends {
            if matches!(keyword.as_deref(), Some("struct" | "enum" | "type")) {
                let tokens: proc_macro2::TokenStream = current.drain(..).collect();
                let item = syn::parse2::<syn::Item>(tokens)
                    .map_err(|e| Error::whole(format!("typify's models do not parse: {e}")))?;
                items.push(item);
            }
            current.clear();
            keyword = None;
        }
    }
    Ok(items)
}

/// typify's settings: `PartialEq` on every model, a builder for every struct
/// (`types::Foo::builder()`, as progenitor's builder interface has), date and uuid strings as
/// `String`, secrets as `crate::Secret`, and the replacements of the facts table.
fn settings() -> GenerationSettings {
    let mut settings = GenerationSettings::new();
    settings.with_derive("PartialEq");
    // Builders come with progenitor's builder interface; its client code is not used.
    settings.with_interface(InterfaceStyle::Builder);
    let string = |format: &str| SchemaObject {
        instance_type: Some(InstanceType::String.into()),
        format: Some(format.to_owned()),
        ..Default::default()
    };
    for format in STRING_FORMATS {
        settings.with_conversion(
            string(format),
            "::std::string::String",
            [TypeImpl::Display, TypeImpl::FromStr].into_iter(),
        );
    }
    settings.with_conversion(
        string(SECRET_FORMAT),
        "crate::Secret",
        [TypeImpl::Default].into_iter(),
    );
    for (model, replacement) in facts::replacements() {
        settings.with_replacement(model, replacement, std::iter::empty());
    }
    settings
}
