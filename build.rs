//! Generates the client's operations and models from the OpenAPI document.
//!
//! The document is `openapi/sunshine-conversations.yaml`, or the file named by the
//! `SUNSHINE_OPENAPI` environment variable. The code is written to `OUT_DIR` and included by
//! `src/generated.rs`. Each generated operation is announced as a `sunco_op="<method name>"`
//! cfg, so the hand-written helpers compile only when their operation exists.
//!
//! A document the generator cannot use stops the build with a message naming the file, the
//! JSON pointer and the operation or schema; the generator never panics on a document.

#[path = "src/codegen/mod.rs"]
mod codegen;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Helpers whose operations `src/` may ask about with `cfg(sunco_op = "...")`.
const KNOWN_OPERATIONS: &[&str] = &[
    "upload_attachment",
    "delete_attachment",
    "generate_media_json_web_token",
    "set_cookie",
];

const DEFAULT_DOCUMENT: &str = "openapi/sunshine-conversations.yaml";

fn main() -> ExitCode {
    println!("cargo::rerun-if-env-changed=SUNSHINE_OPENAPI");
    println!("cargo::rerun-if-changed=src/codegen");
    println!("cargo::rerun-if-changed=build.rs");

    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let (path, display) = match std::env::var("SUNSHINE_OPENAPI") {
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
            manifest_dir.join(DEFAULT_DOCUMENT),
            DEFAULT_DOCUMENT.to_owned(),
        ),
    };
    println!("cargo::rerun-if-changed={}", path.display());

    let selection = if std::env::var_os("CARGO_FEATURE_FULL_API").is_some() {
        codegen::Selection::All
    } else {
        codegen::Selection::Tags(vec!["Attachments".to_owned()])
    };

    let generated = match codegen::generate(&path, &display, &selection) {
        Ok(generated) => generated,
        Err(error) => {
            eprintln!("error: cannot generate the client from the OpenAPI document");
            eprintln!("  {error}");
            eprintln!(
                "  (set SUNSHINE_OPENAPI to another document, or report the construct above)"
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

    let names = KNOWN_OPERATIONS
        .iter()
        .map(|s| s.to_string())
        .chain(generated.operations.iter().cloned())
        .map(|name| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join(", ");
    println!("cargo::rustc-check-cfg=cfg(sunco_op, values({names}))");
    for operation in &generated.operations {
        println!("cargo::rustc-cfg=sunco_op=\"{operation}\"");
    }
    println!(
        "cargo::rustc-env=SUNSHINE_OPENAPI_VERSION={}",
        generated.version
    );
    println!("cargo::rustc-env=SUNSHINE_OPENAPI_SOURCE={display}");

    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let timings: String = generated
        .timings
        .iter()
        .map(|(step, took)| format!("{step}\t{:.3} ms\n", took.as_secs_f64() * 1e3))
        .collect();
    let written = write_if_changed(&out_dir.join("sunshine_conversations.rs"), &generated.code)
        .and_then(|()| std::fs::write(out_dir.join("codegen-timings.txt"), timings));
    if let Err(error) = written {
        eprintln!("error: cannot write the generated code to OUT_DIR: {error}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Writes only when the content differs, so an unchanged document does not recompile the crate.
fn write_if_changed(path: &Path, content: &str) -> std::io::Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == content) {
        return Ok(());
    }
    std::fs::write(path, content)
}
