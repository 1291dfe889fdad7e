//! Running the generator from a build script: which document and which operations, where the
//! code goes, and what cargo is told (repairs as warnings, one `cfg` per generated operation
//! and helper, the document's version).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::{Selection, facts, names};

/// The build script's settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// The vendored document, relative to the package root.
    pub default_document: &'static str,
    /// The environment variable naming another document.
    pub document_variable: &'static str,
    /// The file written into `OUT_DIR`.
    pub output: &'static str,
}

/// The variable that asks for the sources of the crate's own tests: set to `1` by the
/// repository's `.cargo/config.toml`, so that its `cargo test` has them and a dependent's build
/// neither computes nor writes them.
pub const TEST_SUPPORT_VARIABLE: &str = "SUNSHINE_TEST_SUPPORT";

/// Generates the client into `OUT_DIR` and tells cargo about it. A document the generator
/// cannot use fails the build with a message naming the file, the JSON pointer and the
/// operation or schema.
///
/// Next to the code go, when [`TEST_SUPPORT_VARIABLE`] is `1`, the sources of the crate's own
/// tests (see [`crate::Generated::test_support`]) and the generator's timings
/// (`codegen-timings.txt`). Cargo learns: `cfg(sunco_op = "<method>")` for each generated operation and
/// `cfg(sunco_helper = "<helper>")` for each helper those operations enable (see
/// `facts::Row::helper`); `cfg(sunco_vendored_attachments)` when the build is of the vendored
/// document's default selection (the one the reviewed snapshot shows); the environment
/// variables `SUNSHINE_OPENAPI_VERSION` and `SUNSHINE_OPENAPI_SOURCE`; `cfg(sunco_webhooks)` when
/// the typed webhook payload was generated.
///
/// A build from another document than the vendored one compares the two (see [`crate::diff()`]):
/// the report goes into `OUT_DIR/changes.md` with `cfg(sunco_changes)`, for the crate docs'
/// "Changes from the vendored document", and one warning gives the counts and the command that
/// shows the rest.
pub fn run(options: &Options) -> ExitCode {
    println!("cargo::rerun-if-env-changed={}", options.document_variable);
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let (path, display) = match std::env::var(options.document_variable) {
        Ok(path) if !path.trim().is_empty() => {
            let given = PathBuf::from(&path);
            let full = if given.is_absolute() {
                given
            } else {
                manifest_dir.join(given)
            };
            (full, path)
        }
        _ => (
            manifest_dir.join(options.default_document),
            options.default_document.to_owned(),
        ),
    };
    if display.chars().any(char::is_control) {
        eprintln!(
            "error: {} names a path with a control character",
            options.document_variable
        );
        return ExitCode::FAILURE;
    }
    println!("cargo::rerun-if-changed={}", path.display());

    let full_api = std::env::var_os("CARGO_FEATURE_FULL_API").is_some();
    let selection = if full_api {
        Selection::All
    } else {
        Selection::Tags(vec![crate::DEFAULT_TAG.to_owned()])
    };

    println!("cargo::rerun-if-env-changed={TEST_SUPPORT_VARIABLE}");
    let test_support = std::env::var_os(TEST_SUPPORT_VARIABLE).is_some_and(|v| v == "1");
    let extras = crate::Extras {
        webhooks: std::env::var_os("CARGO_FEATURE_WEBHOOKS").is_some(),
        test_support,
    };
    let generated = match crate::generate_with(&path, &display, &selection, extras) {
        Ok(generated) => generated,
        Err(error) => {
            eprintln!("error: cannot generate the client from the OpenAPI document");
            eprintln!("  {error}");
            eprintln!(
                "  (set {} to another document, or report the construct above)",
                options.document_variable
            );
            return ExitCode::FAILURE;
        }
    };
    for repair in &generated.repairs {
        println!(
            "cargo::warning={display}: repaired #{}: {}",
            repair.pointer, repair.what
        );
    }

    let known_ops = facts::TABLE
        .iter()
        .map(|row| names::snake(row.id))
        .chain(generated.operations.iter().cloned());
    println!(
        "cargo::rustc-check-cfg=cfg(sunco_op, values({}))",
        quoted(known_ops)
    );
    for operation in &generated.operations {
        println!("cargo::rustc-cfg=sunco_op=\"{operation}\"");
    }
    println!(
        "cargo::rustc-check-cfg=cfg(sunco_helper, values({}))",
        quoted(facts::helpers().map(str::to_owned))
    );
    for helper in &generated.helpers {
        println!("cargo::rustc-cfg=sunco_helper=\"{helper}\"");
    }
    println!("cargo::rustc-check-cfg=cfg(sunco_vendored_attachments)");
    if display == options.default_document && !full_api {
        println!("cargo::rustc-cfg=sunco_vendored_attachments");
    }
    println!(
        "cargo::rustc-env=SUNSHINE_OPENAPI_VERSION={}",
        generated.version
    );
    println!("cargo::rustc-env=SUNSHINE_OPENAPI_SOURCE={display}");
    println!("cargo::rustc-check-cfg=cfg(sunco_webhooks)");
    if generated.webhook_events.is_some() {
        println!("cargo::rustc-cfg=sunco_webhooks");
    }

    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    println!("cargo::rustc-check-cfg=cfg(sunco_changes)");
    if display != options.default_document {
        let vendored = manifest_dir.join(options.default_document);
        match crate::diff(&vendored, options.default_document, &path, &display) {
            Ok(report) if !report.changes.is_empty() => {
                println!(
                    "cargo::warning={display} ({}) changes {} item(s) of the generated API from \
                     the vendored {} ({}), {} breaking: see the crate docs' `changes` module, or \
                     `cargo run -p sunshine-conversations-codegen -- diff {} {display}`",
                    report.to,
                    report.changes.len(),
                    options.default_document,
                    report.from,
                    report.breaking(),
                    options.default_document,
                );
                let text = format!(
                    "Changes from the vendored document: what a `full-api` build of `{display}` \
                     ({}) has otherwise than one of the vendored `{}` ({}).\n\n{}",
                    report.to,
                    options.default_document,
                    report.from,
                    report.markdown().replacen("# ", "## ", 1)
                );
                if let Err(error) = write_if_changed(&out_dir.join("changes.md"), &text) {
                    eprintln!("error: cannot write the changes report to OUT_DIR: {error}");
                    return ExitCode::FAILURE;
                }
                println!("cargo::rustc-cfg=sunco_changes");
            }
            Ok(_) => {}
            Err(error) => println!(
                "cargo::warning=the changes from the vendored document are not listed: {error}"
            ),
        }
    }
    let mut written = write_if_changed(&out_dir.join(options.output), &generated.code);
    if test_support {
        let timings: String = generated
            .timings
            .iter()
            .map(|(step, took)| format!("{step}\t{:.3} ms\n", took.as_secs_f64() * 1e3))
            .collect();
        written = written
            .and_then(|()| {
                generated
                    .test_support
                    .iter()
                    .try_for_each(|(name, source)| write_if_changed(&out_dir.join(name), source))
            })
            .and_then(|()| std::fs::write(out_dir.join("codegen-timings.txt"), timings));
    }
    if let Err(error) = written {
        eprintln!("error: cannot write the generated code to OUT_DIR: {error}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn quoted(values: impl Iterator<Item = String>) -> String {
    let mut values: Vec<String> = values.map(|v| format!("\"{v}\"")).collect();
    values.sort();
    values.dedup();
    values.join(", ")
}

/// Writes only when the content differs, so an unchanged document does not recompile the crate.
fn write_if_changed(path: &Path, content: &str) -> std::io::Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == content) {
        return Ok(());
    }
    std::fs::write(path, content)
}
