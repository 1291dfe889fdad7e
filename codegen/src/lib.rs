//! The generator behind `sunshine-conversations-client`: an OpenAPI document in, the client's
//! operations, models and typed mocks out, as Rust source for its build script to write into
//! `OUT_DIR`.
//!
//! The entry points: [`build::run`], for a build script; [`generate`] and [`generate_with`]
//! for a document file, [`generate_tree`] and [`generate_tree_with`] for one already read (with
//! [`read_tree`]), with what they take and give ([`Selection`], [`Extras`], [`Generated`]) and
//! [`unmatched_facts_rows`] for the facts table's test; [`diff()`] (and the crate's command,
//! `sunshine-conversations-codegen diff OLD NEW`) for what a new document changes in the
//! generated API, read from the same steps. Those are private, each a module, and `front`
//! (steps 1 to 5, which a diff shares) and `run` (all of them) call them in this order, timing
//! each ([`Generated::timings`]):
//!
//! 1. `read`: the document (YAML or JSON) into an ordered tree, `repair` known quirks there,
//!    parse it with openapiv3, and make a base that names its subtypes in a discriminator
//!    mapping their union (`unions`). From here on, openapiv3's document is the only form of
//!    the document every step reads (`keywords` reads its schemas keyword by keyword);
//! 2. `select`: the operations to generate (one tag, or all of them);
//! 3. `lower`: each operation to plain data (`ir`), resolving schemas with `resolve`, adding
//!    what the `facts` table knows about it, with `pagination`, how a list pages, and with
//!    `samples`, the values the contract cases send; `webhooks`: the events of `x-webhooks`,
//!    when asked for;
//! 4. `prune`: only the schemas those operations (and events) reach; `secrets`: mark the
//!    properties that carry secrets, and the operations that answer with them;
//! 5. `prepare`: the schemas as typify should see them, their descriptions made safe for
//!    rustdoc by `docs`; `models`: Rust types for them through progenitor's generator
//!    (typify), then opened by `open` (enums and unions keep what the document does not list;
//!    how each union is told apart is `unions`'s);
//! 6. `emit`: one blocking method per operation; `mock`: typed httpmock helpers; `webhooks`:
//!    the typed payload of the events; `assemble`: the parts put into one file;
//! 7. format: `assemble` again, the models spliced into the file, formatted with prettyplease.
//!
//! Then, when [`Extras::test_support`] asks for them, `test_support` writes the sources of the
//! crate's own tests from what the steps produced.
//!
//! Nothing here panics on a document: whatever the generator cannot handle comes back as an
//! [`Error`] naming the file, the JSON pointer and the operation or schema.

mod absent;
mod assemble;
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
mod prepare;
mod prune;
mod read;
mod repair;
mod resolve;
mod rust_types;
mod samples;
mod secrets;
mod select;
mod surface;
mod test_support;
mod unions;
mod walk;
mod webhooks;

use std::path::Path;
use std::time::{Duration, Instant};

use openapiv3::OpenAPI;

pub use diff::Report;
pub use error::Error;
pub use facts::unmatched_facts_rows;
pub use read::read_tree;
pub use repair::Repair;
pub use secrets::SecretField;
pub use select::{DEFAULT_TAG, Selection};
pub use test_support::SECRET_SENTINEL;

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

/// The wall time of each step, as [`Generated::timings`] lists them: a step's time is the
/// time since the step before it ended.
struct Timings {
    steps: Vec<(&'static str, Duration)>,
    since: Instant,
}

impl Timings {
    fn start() -> Timings {
        Timings {
            steps: Vec::new(),
            since: Instant::now(),
        }
    }

    /// Step `name` has ended.
    fn done(&mut self, name: &'static str) {
        let now = Instant::now();
        self.steps.push((name, now - self.since));
        self.since = now;
    }
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
    timings: Timings,
}

/// Steps 1 to 5: read, select, lower, prune and the models. `keep_typify`: the models keep
/// typify's own items, which a diff reads.
fn front(
    document: yaml_rust2::Yaml,
    selection: &Selection,
    extras: Extras,
    keep_typify: bool,
) -> Result<Front, Error> {
    let mut timings = Timings::start();
    let (doc, mut repairs) = read::openapi(document)?;
    timings.done("read");

    let selected = select::select(&doc, selection)?;
    timings.done("select");

    let mut api = lower::lower(&doc, &selected)?;
    let hooks = if extras.webhooks {
        webhooks::find(&doc, &mut repairs, extras.test_support)?
    } else {
        None
    };
    timings.done("lower");

    let roots = hooks.as_ref().map(webhooks::Webhooks::roots);
    let mut reachable = prune::reachable(&doc, &api, &roots.unwrap_or_default())?;
    let found = secrets::mark(&mut reachable.schemas, &reachable.refers);
    secrets::mark_responses(&mut api, &found.reaching);
    timings.done("prune");

    let links = docs::Links::of(&api);
    let schemas = prepare::for_typify(reachable.schemas, &links);
    let models = models::generate(schemas, keep_typify)?;
    timings.done("models");
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

/// Every step: those of [`front`], then 6 and 7, emit and format; then, when asked for, the
/// sources of the crate's own tests.
fn run(
    document: yaml_rust2::Yaml,
    display: &str,
    selection: &Selection,
    extras: Extras,
) -> Result<Generated, Error> {
    let mut front = front(document, selection, extras, false)?;
    let (api, names, hooks) = (&front.api, &front.models.names, front.hooks.as_ref());

    let file = assemble::Parts {
        operations: emit::operations(api, names, &front.links)?,
        operations_doc: docs::operations_by_tag(api),
        mocks: mock::mocks(api, names)?,
        webhooks: hooks
            .map(|hooks| webhooks::emit(hooks, names))
            .transpose()?,
        deprecated: front.models.deprecated,
    }
    .file();
    front.timings.done("emit");

    let models = std::mem::take(&mut front.models.items);
    let code = assemble::format(file, models, display, &front.api)?;
    front.timings.done("format");

    let test_support = if extras.test_support {
        test_support::sources(
            &front.doc,
            &front.api,
            &front.found.fields,
            &front.models.names,
            front.hooks.as_ref(),
            &mut front.repairs,
        )?
    } else {
        Vec::new()
    };
    Ok(front.into_generated(code, test_support))
}

impl Front {
    /// What the generator gives, from the steps' results: the formatted `code`, and the
    /// `test_support` sources.
    fn into_generated(self, code: String, test_support: Vec<(&'static str, String)>) -> Generated {
        let Front {
            api,
            hooks,
            found,
            repairs,
            timings,
            ..
        } = self;
        Generated {
            code,
            version: api.version.clone(),
            operations: api.operations.iter().map(|op| op.name.clone()).collect(),
            operation_ids: api.operations.iter().map(|op| op.id.clone()).collect(),
            helpers: api.helpers(),
            secrets: found.fields,
            test_support,
            repairs,
            webhook_events: hooks.map(|h| h.events.len()),
            timings: timings.steps,
        }
    }
}
