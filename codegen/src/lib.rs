//! The generator behind `sunshine-conversations-client`: an OpenAPI document in, the client's
//! operations, models and typed mocks out, as Rust source for its build script to write into
//! `OUT_DIR`.
//!
//! The entry points: [`build::run`], for a build script; [`generate`] and [`generate_with`]
//! for a document file, [`generate_tree`] and [`generate_tree_with`] for one already read (with
//! [`read_tree`]), with what they take and give ([`Selection`], [`Extras`], [`Generated`]) and
//! [`unmatched_facts_rows`] for the facts table's test; [`diff()`] (and the crate's command,
//! `sunshine-conversations-codegen diff OLD NEW`) for what a new document changes in the
//! generated API, read from the same steps. The steps are private, each a module:
//!
//! 1. `read`: the document (YAML or JSON) into an ordered tree, `repair` known quirks there,
//!    parse it with openapiv3, and make a base that names its subtypes in a discriminator
//!    mapping their union (`unions`). From here on, openapiv3's document is the only form of
//!    the document every step reads (`keywords` reads its schemas keyword by keyword);
//! 2. `select`: the operations to generate (one tag, or all of them);
//! 3. `lower`: each operation to plain data (`ir`), resolving schemas with `resolve`, adding
//!    what the `facts` table knows about it, with `pagination`, how a list pages, and with
//!    `samples`, the values the contract cases send;
//! 4. `prune`: only the schemas those operations reach; `secrets`: mark the properties that
//!    carry secrets;
//! 5. `models`: Rust types for them through progenitor's generator (typify), with their
//!    descriptions made safe for rustdoc by `docs`, then opened by `open` (enums and unions
//!    keep what the document does not list; how each union is told apart is `unions`'s);
//! 6. `emit`: one blocking method per operation; `mock`: typed httpmock helpers; `webhooks`:
//!    the typed payload of `x-webhooks`, when asked for;
//! 7. format with prettyplease.
//!
//! Nothing here panics on a document: whatever the generator cannot handle comes back as an
//! [`Error`] naming the file, the JSON pointer and the operation or schema.

pub mod build;
mod contract;
pub mod diff;
mod docs;
mod emit;
mod error;
mod examples;
mod facts;
mod ir;
mod keywords;
mod lower;
mod mock;
mod models;
mod names;
mod open;
mod pagination;
mod prune;
mod read;
mod repair;
mod resolve;
mod rust_types;
mod samples;
mod secrets;
mod select;
mod surface;
mod unions;
mod walk;
mod webhooks;

use std::path::Path;
use std::time::{Duration, Instant};

use indexmap::IndexMap;
use openapiv3::{OpenAPI, ReferenceOr, Schema};
use quote::quote;

pub use diff::Report;
pub use error::Error;
pub use facts::unmatched_facts_rows;
pub use read::read_tree;
pub use repair::Repair;
pub use secrets::SecretField;
pub use select::Selection;

/// What the generator produced.
#[derive(Debug)]
pub struct Generated {
    /// The formatted Rust source, starting with its "do not edit" line.
    pub code: String,
    /// `info.version` of the document.
    pub version: String,
    /// Method names of the generated operations (snake case), in document order.
    pub operations: Vec<String>,
    /// Their `operationId`s, as the document spells them.
    pub operation_ids: Vec<String>,
    /// The hand-written helpers the generated operations enable (see `facts::Row::helper`).
    pub helpers: Vec<&'static str>,
    /// The secret properties found in the generated models.
    pub secrets: Vec<secrets::SecretField>,
    /// Rust sources for the crate's own tests, by file name (written next to the code and
    /// `include!`d by the tests): a sample of every model with a secret field
    /// (`secret_samples.rs`), one contract case per operation (`contract_cases.rs`), and every
    /// documented example with its mutations (`example_cases.rs`), and the webhook payload's
    /// examples (`webhook_examples.rs`). Empty unless [`Extras::test_support`] asks for them.
    pub test_support: Vec<(&'static str, String)>,
    /// The quirks repaired on the way.
    pub repairs: Vec<Repair>,
    /// How many webhook events the typed payload has, when it was generated.
    pub webhook_events: Option<usize>,
    /// Wall time of each step, in order.
    pub timings: Vec<(&'static str, Duration)>,
}

/// What is generated besides the selected operations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Extras {
    /// The typed webhook payload of `x-webhooks` (module `webhooks`), with the models its
    /// events need.
    pub webhooks: bool,
    /// The sources of the crate's own tests ([`Generated::test_support`]); without it that
    /// list is empty and the documents' examples are not read.
    pub test_support: bool,
}

/// Runs every step on the document at `path`. `display` is how the source is named in the
/// generated file's first line and in errors.
pub fn generate(path: &Path, display: &str, selection: &Selection) -> Result<Generated, Error> {
    generate_with(path, display, selection, Extras::default())
}

/// [`generate`], with `extras`.
pub fn generate_with(
    path: &Path,
    display: &str,
    selection: &Selection,
    extras: Extras,
) -> Result<Generated, Error> {
    let started = Instant::now();
    let document = read::load(path).map_err(|e| e.in_file(display))?;
    let read = started.elapsed();
    let mut generated =
        run(document, display, selection, extras).map_err(|e| e.in_file(display))?;
    if let Some((_, first)) = generated.timings.first_mut() {
        *first += read;
    }
    Ok(generated)
}

/// What changes in the generated Rust API (a `full-api` build, webhooks included) from the
/// document at `old` to the one at `new` (`*_display`: how each is named in errors). See
/// [the `diff` module](mod@diff) for what counts as breaking.
pub fn diff(old: &Path, old_display: &str, new: &Path, new_display: &str) -> Result<Report, Error> {
    // The two documents are read side by side.
    let (old, new) = std::thread::scope(|scope| {
        let old = scope.spawn(|| surface(old, old_display));
        let new = surface(new, new_display);
        let old = old
            .join()
            .unwrap_or_else(|_| Err(Error::whole("reading the old document panicked")));
        (old, new)
    });
    Ok(diff::compare(&old?, &new?))
}

/// The Rust API of a `full-api` build of the document at `path`.
fn surface(path: &Path, display: &str) -> Result<surface::Surface, Error> {
    let document = read::load(path).map_err(|e| e.in_file(display))?;
    let extras = Extras {
        webhooks: true,
        test_support: false,
    };
    let front = front(document, &Selection::All, extras, true).map_err(|e| e.in_file(display))?;
    Ok(surface::of(
        &front.doc,
        &front.api,
        front.hooks.as_ref(),
        &front.models.names,
        front.models.typify.as_deref(),
    ))
}

/// Runs every step on a document already loaded as a JSON value (whose maps serde_json orders
/// by key): the repairs and the openapiv3 parse of step 1, and all the steps after it.
pub fn generate_tree(
    tree: serde_json::Value,
    display: &str,
    selection: &Selection,
) -> Result<Generated, Error> {
    generate_tree_with(tree, display, selection, Extras::default())
}

/// [`generate_tree`], with `extras`.
pub fn generate_tree_with(
    tree: serde_json::Value,
    display: &str,
    selection: &Selection,
    extras: Extras,
) -> Result<Generated, Error> {
    run(read::from_value(&tree), display, selection, extras).map_err(|e| e.in_file(display))
}

/// What the steps up to the models give: what `run` emits code from, and what a diff compares.
struct Front {
    doc: OpenAPI,
    api: ir::Api,
    hooks: Option<webhooks::Webhooks>,
    models: models::Models,
    found: secrets::Secrets,
    links: docs::Links,
    repairs: Vec<Repair>,
    timings: Vec<(&'static str, Duration)>,
}

/// Steps 1 to 5: read, select, lower, prune and the models. `keep_typify`: the models keep
/// typify's own items, which a diff reads.
fn front(
    mut document: yaml_rust2::Yaml,
    selection: &Selection,
    extras: Extras,
    keep_typify: bool,
) -> Result<Front, Error> {
    let mut timings = Vec::new();
    let mut step = |name: &'static str, started: Instant| timings.push((name, started.elapsed()));

    let started = Instant::now();
    let mut repairs = repair::repair(&mut document);
    let text = read::to_json_text(&document)?;
    let mut doc = read::parse(&text)?;
    // Step 1c: a base that names its subtypes in a discriminator mapping is their union.
    unions::bases_to_unions(&mut doc);
    // The title and version go into a comment and a compiler environment variable.
    for (at, value) in [
        ("/info/title", &doc.info.title),
        ("/info/version", &doc.info.version),
    ] {
        if value.chars().any(char::is_control) {
            return Err(Error::at(
                at,
                "holds a control character (a line break, say)",
            ));
        }
    }
    step("read", started);

    let started = Instant::now();
    let selected = select::select(&doc, selection)?;
    step("select", started);

    let started = Instant::now();
    let mut api = lower::lower(&doc, &selected)?;
    let hooks = if extras.webhooks {
        webhooks::find(&doc, &mut repairs, extras.test_support)?
    } else {
        None
    };
    step("lower", started);

    let started = Instant::now();
    let extra_roots = hooks
        .as_ref()
        .map(webhooks::Webhooks::roots)
        .unwrap_or_default();
    let prune::Reachable {
        mut schemas,
        refers,
    } = prune::reachable(&doc, &api, &extra_roots)?;
    let found = secrets::mark(&mut schemas, &refers);
    for op in &mut api.operations {
        let mut reached = Vec::new();
        for payload in op.success_payloads() {
            if let ir::Payload::Json { ty, .. } = payload {
                ty.models(&mut reached);
            }
        }
        if reached.iter().any(|name| found.reaching.contains(name)) {
            op.facts.secret_response = true;
        }
    }
    step("prune", started);

    let started = Instant::now();
    let links = docs::Links::of(&api);
    let models = models::generate(prepared_for_typify(schemas, &links), keep_typify)?;
    step("models", started);
    Ok(Front {
        doc,
        api,
        hooks,
        models,
        found,
        links,
        repairs,
        timings,
    })
}

fn run(
    document: yaml_rust2::Yaml,
    display: &str,
    selection: &Selection,
    extras: Extras,
) -> Result<Generated, Error> {
    let Front {
        doc,
        api,
        hooks,
        models,
        found,
        links,
        mut repairs,
        mut timings,
    } = front(document, selection, extras, false)?;
    let mut step = |name: &'static str, started: Instant| timings.push((name, started.elapsed()));

    let started = Instant::now();
    let operations = emit::operations(&api, &models.names, &links)?;
    let operations_doc = docs::operations_by_tag(&api);
    let mocks = mock::mocks(&api, &models.names)?;
    let webhooks_module = match &hooks {
        Some(hooks) => {
            let items = webhooks::emit(hooks, &models.names)?;
            quote! {
                /// The typed payload of the document's webhook calls (`x-webhooks`), re-exported
                /// with the hand-written verification in the crate's `webhooks` module.
                pub mod webhooks {
                    use super::types;
                    #items
                }
            }
        }
        None => quote! {},
    };
    // Fields the document marks deprecated are `#[deprecated]` for the code that uses them; the
    // models' own conversions set them all.
    let allow_deprecated = models.deprecated.then(|| quote!(#[allow(deprecated)]));
    let file = quote! {
        /// Models: the request and response types of the generated operations.
        #allow_deprecated
        pub mod types {}

        #(#[doc = #operations_doc])*
        pub mod operations {
            #operations
        }

        /// Typed [httpmock](https://docs.rs/httpmock) helpers, one per operation, for testing
        /// code that uses this client (cargo feature `mock`).
        #[cfg(feature = "mock")]
        pub mod mock {
            #mocks
        }

        #webhooks_module
    };
    step("emit", started);

    let started = Instant::now();
    let mut syntax = syn::parse2::<syn::File>(file)
        .map_err(|e| Error::whole(format!("generated code does not parse: {e}")))?;
    // The models, parsed already, go into `types` as they are: the largest part of the code is
    // not parsed twice.
    if let Some(syn::Item::Mod(types)) = syntax
        .items
        .iter_mut()
        .find(|item| matches!(item, syn::Item::Mod(m) if m.ident == "types"))
        && let Some((_, content)) = &mut types.content
    {
        *content = models.items;
    }
    let code = format!(
        "// generated from {display} ({} {}) by build.rs; do not edit.\n\n{}",
        api.title,
        api.version,
        prettyplease::unparse(&syntax)
    );
    step("format", started);

    let mut helpers: Vec<&'static str> = api
        .operations
        .iter()
        .filter_map(|op| op.facts.helper)
        .collect();
    helpers.sort_unstable();
    helpers.dedup();
    let test_support = if extras.test_support {
        test_support(
            &doc,
            &api,
            &found.fields,
            &models.names,
            hooks.as_ref(),
            &mut repairs,
        )?
    } else {
        Vec::new()
    };
    Ok(Generated {
        webhook_events: hooks.map(|h| h.events.len()),
        code,
        version: api.version.clone(),
        operations: api.operations.iter().map(|op| op.name.clone()).collect(),
        operation_ids: api.operations.iter().map(|op| op.id.clone()).collect(),
        helpers,
        secrets: found.fields,
        test_support,
        repairs,
        timings,
    })
}

/// The schemas as typify should see them:
///
/// - every `description` made safe for rustdoc (typify turns them into the models' doc
///   comments);
/// - no nested schema titled like a top-level one: typify names an inline schema after its
///   `title` and, when that name is already a model's, uses that model for the property (an
///   inline object titled `Target` became the `target` string of another schema). Without the
///   title, typify names it after its parent and property (`ClientCreateTarget`);
/// - unions that can be told apart: see [`tagged_unions`];
/// - no integer with a positive minimum, which typify would make a `NonZeroU64`.
fn prepared_for_typify(
    mut schemas: IndexMap<String, ReferenceOr<Schema>>,
    links: &docs::Links,
) -> IndexMap<String, ReferenceOr<Schema>> {
    tagged_unions(&mut schemas);
    let top_level: std::collections::HashSet<String> =
        schemas.keys().map(|key| names::pascal(key)).collect();
    for schema in schemas.values_mut() {
        if let ReferenceOr::Item(schema) = schema {
            walk::schemas_mut(schema, "", &mut |node, at| {
                if let Some(text) = &mut node.schema_data.description {
                    *text = docs::markdown(text, links);
                }
                // typify types an integer with a positive minimum as `NonZeroU64`, which would
                // refuse a zero the service sends; the bound is the document's word on what may
                // be sent, and an unsigned integer keeps the rest of it.
                if let openapiv3::SchemaKind::Type(openapiv3::Type::Integer(integer)) =
                    &mut node.schema_kind
                    && integer.minimum.is_some_and(|minimum| minimum > 0)
                {
                    integer.minimum = Some(0);
                    integer.exclusive_minimum = false;
                }
                if !at.is_empty()
                    && node
                        .schema_data
                        .title
                        .as_deref()
                        .is_some_and(|title| top_level.contains(&names::pascal(title)))
                {
                    node.schema_data.title = None;
                }
            });
        }
    }
    schemas
}

/// A `oneOf` of objects that each give their `type` property a different `default` (`text`,
/// `image`, `file` for message contents) is a tagged union in all but name. typify makes it an
/// untagged enum whose first object variant accepts every member (their other properties are
/// optional, unknown ones ignored), so an image message would decode as a text message and
/// lose its `mediaUrl`. Each member's `type` gets its default as its only allowed value, which
/// lets the enum tell the members apart.
fn tagged_unions(schemas: &mut IndexMap<String, ReferenceOr<Schema>>) {
    use openapiv3::{SchemaKind, StringType, Type};
    const TAG: &str = "type";
    // The members of every `oneOf` whose members are all references.
    let mut unions: Vec<Vec<String>> = Vec::new();
    for schema in schemas.values_mut() {
        if let ReferenceOr::Item(schema) = schema {
            walk::schemas_mut(schema, "", &mut |node, _| {
                if let SchemaKind::OneOf { one_of } = &node.schema_kind {
                    let members: Option<Vec<String>> = one_of
                        .iter()
                        .map(|m| match m {
                            ReferenceOr::Reference { reference } => {
                                error::schema_key(reference).map(str::to_owned)
                            }
                            ReferenceOr::Item(_) => None,
                        })
                        .collect();
                    if let Some(members) = members.filter(|m| m.len() > 1) {
                        unions.push(members);
                    }
                }
            });
        }
    }
    let tag_default = |schema: Option<&ReferenceOr<Schema>>| -> Option<String> {
        let ReferenceOr::Item(schema) = schema? else {
            return None;
        };
        let SchemaKind::Type(Type::Object(object)) = &schema.schema_kind else {
            return None;
        };
        let ReferenceOr::Item(tag) = object.properties.get(TAG)? else {
            return None;
        };
        match &tag.schema_kind {
            SchemaKind::Type(Type::String(StringType { enumeration, .. }))
                if enumeration.is_empty() =>
            {
                tag.schema_data
                    .default
                    .as_ref()?
                    .as_str()
                    .map(str::to_owned)
            }
            _ => None,
        }
    };
    for members in unions {
        let tags: Option<Vec<String>> = members
            .iter()
            .map(|name| tag_default(schemas.get(name)))
            .collect();
        let Some(tags) = tags else { continue };
        let mut distinct = tags.clone();
        distinct.sort();
        distinct.dedup();
        if distinct.len() != tags.len() {
            continue;
        }
        for (name, tag) in members.iter().zip(tags) {
            if let Some(ReferenceOr::Item(schema)) = schemas.get_mut(name)
                && let SchemaKind::Type(Type::Object(object)) = &mut schema.schema_kind
                && let Some(ReferenceOr::Item(property)) = object.properties.get_mut(TAG)
                && let SchemaKind::Type(Type::String(string)) = &mut property.schema_kind
            {
                string.enumeration = vec![Some(tag)];
            }
        }
    }
}

/// The value put into every secret field of the secret samples.
pub const SECRET_SENTINEL: &str = "sunco-secret-sentinel";

/// The sources of [`Generated::test_support`].
fn test_support(
    doc: &OpenAPI,
    api: &ir::Api,
    fields: &[secrets::SecretField],
    models: &rust_types::ModelNames,
    hooks: Option<&webhooks::Webhooks>,
    repairs: &mut Vec<Repair>,
) -> Result<Vec<(&'static str, String)>, Error> {
    Ok(vec![
        (
            "secret_samples.rs",
            secret_samples(doc, api, fields, models),
        ),
        ("contract_cases.rs", contract::cases(api, models)?),
        (
            "example_cases.rs",
            examples::cases(doc, api, models, hooks, repairs)?,
        ),
        ("webhook_examples.rs", webhooks::examples_source(hooks)),
    ])
}

/// `secret_samples()`: for every model with a secret field, a minimal valid JSON value with the
/// field set to [`SECRET_SENTINEL`], checked by `check::<Model>` (which the including test
/// defines).
fn secret_samples(
    doc: &OpenAPI,
    api: &ir::Api,
    fields: &[secrets::SecretField],
    models: &rust_types::ModelNames,
) -> String {
    let samples = samples::Samples::new(doc);
    let mut cases = String::new();
    for field in fields {
        let Some(path) = models
            .get(&field.schema)
            .filter(|p| p.starts_with("types::"))
        else {
            continue;
        };
        let root = match api.lifted.get(&field.schema) {
            Some((_, schema)) => Some(resolve::Node::Schema(schema)),
            None => doc
                .components
                .as_ref()
                .and_then(|c| c.schemas.get(&field.schema))
                .map(resolve::Node::from),
        };
        let sample = root.and_then(|schema| {
            samples.with_value_at(
                schema,
                &field.at,
                serde_json::Value::String(SECRET_SENTINEL.to_owned()),
            )
        });
        let json = sample.map(|v| v.to_string()).unwrap_or_default();
        cases.push_str(&format!(
            "        SecretSample {{ model: {path:?}, field: {:?}, json: {json:?}, decoded: check::<{path}>({json:?}) }},\n",
            field.at
        ));
    }
    format!(
        "// generated by build.rs for the crate's tests; do not edit.\n\n\
         /// Every model with a secret field, with a sample that sets the field.\n\
         fn secret_samples() -> Vec<SecretSample> {{\n    vec![\n{cases}    ]\n}}\n"
    )
}
