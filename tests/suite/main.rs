//! The integration tests that share a process: one binary, so that `cargo test` links the
//! crate and its dependencies once for all of them. Each module is one subject.
//!
//! Tests that change what a process has only once stay in binaries of their own: the global
//! logger (`tests/log_guard.rs`, `tests/secrets.rs`, `tests/soak.rs`) and the proxy variables
//! of the environment (`tests/proxy.rs`). Nothing here changes either.

#[path = "../support/mod.rs"]
mod support;

mod adversarial;
mod agent;
mod cli;
mod contract;
mod docs;
mod errors;
mod files;
mod ids;
#[cfg(feature = "mock")]
mod mock;
mod operations;
mod pagination;
mod promises;
mod regeneration;
mod secret_models;
mod snapshot;
mod tls;
#[cfg(feature = "webhooks")]
mod webhooks;
