//! The integration tests that share a process: one binary, so that `cargo test` links the
//! crate and its dependencies once for all of them. Each module is one subject.
//!
//! The tests that change what a process has only once (the global logger, the environment's
//! proxy variables) are in `tests/process/`, a binary whose tests take the process in turn.
//! Nothing here changes either.

#[path = "../support/mod.rs"]
mod support;

mod adversarial;
mod agent;
mod cli;
mod contract;
mod docs;
mod errors;
mod files;
mod forward;
mod ids;
mod limits;
#[cfg(feature = "mock")]
mod mock;
mod operations;
mod pagination;
mod promises;
#[cfg(all(feature = "webhooks", unix))]
mod receiver;
mod regeneration;
mod secret_models;
mod snapshot;
mod tls;
#[cfg(feature = "tracing")]
mod tracing;
#[cfg(feature = "webhooks")]
mod webhooks;
