//! Generates the client's operations and models from the OpenAPI document
//! (`openapi/sunshine-conversations.yaml`, or the file `SUNSHINE_OPENAPI` names) into
//! `OUT_DIR`, where `src/generated/code.rs` includes them. The generator is the
//! `sunshine-conversations-codegen` crate in `codegen/`; see its `build::run` for what cargo is
//! told.

use std::process::ExitCode;

use sunshine_conversations_codegen::build::{Options, run};

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed=build.rs");
    run(&Options {
        default_document: "openapi/sunshine-conversations.yaml",
        document_variable: "SUNSHINE_OPENAPI",
        output: "sunshine_conversations.rs",
    })
}
