//! `sunco` from the outside, as a script or a user runs it: its subcommands, output and exit
//! codes, the stand-in it may use, signals, the progress line on a terminal (`cli.rs`), and the
//! webhook receiver over HTTP (`receive.rs`), batches
//! and their journal (`batch.rs`). One binary: the built `sunco` is run for each
//! case, with no `SUNCO_*` variable of the test's own environment.

#[path = "../../../tests/support/mod.rs"]
mod support;

mod batch;
mod cli;
#[cfg(unix)]
mod receive;

/// `sunco`, built by cargo for these tests, with no `SUNCO_*` variable of the test's own.
fn sunco() -> std::process::Command {
    support::command_without_sunco_vars(env!("CARGO_BIN_EXE_sunco"))
}
