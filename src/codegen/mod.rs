//! The generator behind `build.rs`: an OpenAPI document in, the client's operations and models
//! out, in named steps:
//!
//! 1. [`read`]: the document (YAML or JSON) into a JSON tree, [`repair`] known quirks, parse
//!    it with openapiv3;
//! 2. [`select`]: the operations to generate (one tag, or all of them);
//! 3. [`lower`]: each operation to plain data;
//! 4. [`prune`]: only the schemas those operations reach;
//! 5. [`models`]: Rust types for them through progenitor's generator (typify);
//! 6. [`emit`]: one blocking method per operation;
//! 7. format with prettyplease.
//!
//! Nothing here panics on a document: whatever the generator cannot handle comes back as an
//! [`Error`] naming the file, the JSON pointer and the operation or schema.

pub mod emit;
pub mod error;
pub mod lower;
pub mod mock;
pub mod models;
pub mod names;
pub mod prune;
pub mod read;
pub mod repair;
pub mod select;

use std::path::Path;
use std::time::{Duration, Instant};

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
    /// The quirks repaired on the way.
    pub repairs: Vec<Repair>,
    /// Wall time of each step, in order.
    pub timings: Vec<(&'static str, Duration)>,
}

/// Runs every step on the document at `path`. `display` is how the source is named in the
/// generated file's first line and in errors.
pub fn generate(path: &Path, display: &str, selection: &Selection) -> Result<Generated, Error> {
    let started = Instant::now();
    let tree = read::read_tree(path).map_err(|e| e.in_file(display))?;
    let read = started.elapsed();
    let mut generated = generate_tree(tree, display, selection)?;
    if let Some((_, first)) = generated.timings.first_mut() {
        *first += read;
    }
    Ok(generated)
}

/// Runs every step after reading, on a document already parsed into a JSON tree.
pub fn generate_tree(
    tree: serde_json::Value,
    display: &str,
    selection: &Selection,
) -> Result<Generated, Error> {
    run(tree, display, selection).map_err(|e| e.in_file(display))
}

fn run(
    mut tree: serde_json::Value,
    display: &str,
    selection: &Selection,
) -> Result<Generated, Error> {
    let mut timings = Vec::new();
    let mut step = |name: &'static str, started: Instant| timings.push((name, started.elapsed()));

    let started = Instant::now();
    let repairs = repair::repair(&mut tree);
    let doc = read::parse(tree)?;
    step("read", started);

    let started = Instant::now();
    let selected = select::select(&doc, selection)?;
    step("select", started);

    let started = Instant::now();
    let api = lower::lower(&doc, &selected)?;
    step("lower", started);

    let started = Instant::now();
    let schemas = prune::reachable(&doc, &api)?;
    step("prune", started);

    let started = Instant::now();
    let models = models::generate(schemas)?;
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

    Ok(Generated {
        code,
        version: api.version.clone(),
        operations: api.operations.iter().map(|op| op.name.clone()).collect(),
        repairs,
        timings,
    })
}
