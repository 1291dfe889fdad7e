//! The generator behind `sunshine-conversations-client`: an OpenAPI document in, the client's
//! operations, models and typed mocks out, as Rust source for its build script to write into
//! `OUT_DIR`.
//!
//! The steps, each a module:
//!
//! 1. [`read`]: the document (YAML or JSON) into a JSON tree, [`repair`] known quirks, parse it
//!    with openapiv3;
//! 2. [`select`]: the operations to generate (one tag, or all of them);
//! 3. [`lower`]: each operation to plain data ([`ir`]), resolving schemas with [`resolve`] and
//!    adding what the [`facts`] table knows about it;
//! 4. [`prune`]: only the schemas those operations reach; [`secrets`]: mark the properties that
//!    carry secrets;
//! 5. [`models`]: Rust types for them through progenitor's generator (typify), with their
//!    descriptions made safe for rustdoc by [`docs`];
//! 6. [`emit`]: one blocking method per operation; [`mock`]: typed httpmock helpers;
//! 7. format with prettyplease.
//!
//! Nothing here panics on a document: whatever the generator cannot handle comes back as an
//! [`Error`] naming the file, the JSON pointer and the operation or schema.

pub mod build;
pub mod docs;
pub mod emit;
pub mod error;
pub mod facts;
pub mod ir;
pub mod lower;
pub mod mock;
pub mod models;
pub mod names;
pub mod prune;
pub mod read;
pub mod repair;
pub mod resolve;
pub mod rust_types;
pub mod samples;
pub mod secrets;
pub mod select;
pub mod walk;

use std::path::Path;
use std::time::{Duration, Instant};

use indexmap::IndexMap;
use openapiv3::{ReferenceOr, Schema};
use quote::quote;

pub use error::Error;
pub use repair::Repair;
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
    /// The hand-written helpers the generated operations enable (see [`facts::Row::helper`]).
    pub helpers: Vec<&'static str>,
    /// The secret properties found in the generated models.
    pub secrets: Vec<secrets::SecretField>,
    /// Rust source for the crate's own tests (`include!`d from `OUT_DIR`): data the tests
    /// check the generated code against, such as a sample of every model with a secret field.
    pub test_support: String,
    /// The quirks repaired on the way.
    pub repairs: Vec<Repair>,
    /// Wall time of each step, in order.
    pub timings: Vec<(&'static str, Duration)>,
}

/// Runs every step on the document at `path`. `display` is how the source is named in the
/// generated file's first line and in errors.
pub fn generate(path: &Path, display: &str, selection: &Selection) -> Result<Generated, Error> {
    let started = Instant::now();
    let document = read::load(path).map_err(|e| e.in_file(display))?;
    let read = started.elapsed();
    let mut generated = run(document, display, selection).map_err(|e| e.in_file(display))?;
    if let Some((_, first)) = generated.timings.first_mut() {
        *first += read;
    }
    Ok(generated)
}

/// Runs every step after reading, on a document given as a JSON tree (in the tree's order).
pub fn generate_tree(
    tree: serde_json::Value,
    display: &str,
    selection: &Selection,
) -> Result<Generated, Error> {
    run(read::from_value(&tree), display, selection).map_err(|e| e.in_file(display))
}

fn run(
    mut document: yaml_rust2::Yaml,
    display: &str,
    selection: &Selection,
) -> Result<Generated, Error> {
    let mut timings = Vec::new();
    let mut step = |name: &'static str, started: Instant| timings.push((name, started.elapsed()));

    let started = Instant::now();
    let repairs = repair::repair(&mut document);
    let text = read::to_json_text(&document)?;
    let doc = read::parse(&text)?;
    step("read", started);

    let started = Instant::now();
    let selected = select::select(&doc, selection)?;
    step("select", started);

    let started = Instant::now();
    let mut api = lower::lower(&doc, &selected)?;
    step("lower", started);

    let started = Instant::now();
    let mut schemas = prune::reachable(&doc, &api)?;
    let found = secrets::mark(&mut schemas)?;
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
    let models = models::generate(with_safe_descriptions(schemas, &links))?;
    step("models", started);

    let started = Instant::now();
    let operations = emit::operations(&api, &models.names)?;
    let mocks = mock::mocks(&api, &models.names)?;
    let types = models.tokens;
    let file = quote! {
        /// Models: the request and response types of the generated operations.
        pub mod types {
            #types
        }

        /// Operations: one blocking method on [`Client`](crate::Client) per operation.
        pub mod operations {
            #operations
        }

        /// Typed [httpmock](https://docs.rs/httpmock) helpers, one per operation, for testing
        /// code that uses this client (cargo feature `mock`).
        #[cfg(feature = "mock")]
        pub mod mock {
            #mocks
        }
    };
    step("emit", started);

    let started = Instant::now();
    let syntax = syn::parse2::<syn::File>(file)
        .map_err(|e| Error::whole(format!("generated code does not parse: {e}")))?;
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
    let test_support = secret_samples(&text, &api, &found.fields, &models.names)?;
    Ok(Generated {
        code,
        version: api.version.clone(),
        operations: api.operations.iter().map(|op| op.name.clone()).collect(),
        helpers,
        secrets: found.fields,
        test_support,
        repairs,
        timings,
    })
}

/// The schemas with every `description` made safe for rustdoc (typify turns them into the
/// models' doc comments).
fn with_safe_descriptions(
    mut schemas: IndexMap<String, ReferenceOr<Schema>>,
    links: &docs::Links,
) -> IndexMap<String, ReferenceOr<Schema>> {
    for schema in schemas.values_mut() {
        if let ReferenceOr::Item(schema) = schema {
            walk::schemas_mut(schema, "", &mut |node, _| {
                if let Some(text) = &mut node.schema_data.description {
                    *text = docs::markdown(text, links);
                }
            });
        }
    }
    schemas
}

/// The value put into every secret field of the secret samples.
pub const SECRET_SENTINEL: &str = "sunco-secret-sentinel";

/// `secret_samples()`: for every model with a secret field, a minimal valid JSON value with the
/// field set to [`SECRET_SENTINEL`], checked by `check::<Model>` (which the including test
/// defines).
fn secret_samples(
    document: &str,
    api: &ir::Api,
    fields: &[secrets::SecretField],
    models: &rust_types::ModelNames,
) -> Result<String, Error> {
    // A plain view of the document (only needed when there are secrets to sample).
    let tree: serde_json::Value = if fields.is_empty() {
        serde_json::Value::Null
    } else {
        serde_json::from_str(document).map_err(|e| Error::whole(e.to_string()))?
    };
    let tree = &tree;
    let samples = samples::Samples::new(tree);
    let mut cases = String::new();
    for field in fields {
        let Some(path) = models
            .get(&field.schema)
            .filter(|p| p.starts_with("types::"))
        else {
            continue;
        };
        let root = match api.lifted.get(&field.schema) {
            Some((pointer, _)) => pointer.clone(),
            None => error::pointer(["components", "schemas", field.schema.as_str()]),
        };
        let sample = tree.pointer(&root).and_then(|schema| {
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
    Ok(format!(
        "// generated by build.rs for the crate's tests; do not edit.\n\n\
         /// Every model with a secret field, with a sample that sets the field.\n\
         fn secret_samples() -> Vec<SecretSample> {{\n    vec![\n{cases}    ]\n}}\n"
    ))
}
