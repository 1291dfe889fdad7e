//! `diff`'s verdict is what a caller's code sees. For every fixture pair of `tests/diff/`
//! (`base.yaml` against one document with one kind of change), the client is built from both
//! documents, in its default build and with `full-api`, as rustdoc JSON; then
//!
//! - cargo-semver-checks compares the two APIs (`check-release --release-type minor`: a change
//!   that needs a major release fails it);
//! - the public signatures are compared where cargo-semver-checks has no lint: every method's
//!   and function's parameters, return type and bounds, and every public field's type, of every
//!   item the old build has (an item gone counts too);
//!
//! and `diff` must call the pair breaking exactly when one of them does. The one kind of change
//! neither can see is a required field added to a request body's model: the old code's builder
//! leaves it unset and fails at run time, before sending. `diff` calls it breaking, and this test
//! checks that the compile-time tools do not (it would have to change if they learned to).
//!
//! It needs cargo-semver-checks (`cargo install --locked cargo-semver-checks@0.51.0`) and builds
//! the client about fifty times (about a second each after the first): `.ci/run` runs it with
//! `cargo test -p sunshine-conversations-codegen --test semver -- --ignored --nocapture`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use sunshine_conversations_codegen as codegen;

#[path = "diff/pairs.rs"]
mod pairs;
use pairs::PAIRS;

/// The pairs whose change breaks callers at run time only (see the module docs).
const RUNTIME_ONLY: &[&str] = &["field_added_required"];

/// The builds each document is compared in: the default one and the whole API.
const BUILDS: &[(&str, &str)] = &[("default", ""), ("full-api", "full-api")];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the generator lives in the workspace")
        .to_owned()
}

/// Builds the client from `document` as rustdoc JSON with `features`; returns where the JSON
/// was copied to.
fn rustdoc(document: &Path, features: &str, name: &str) -> PathBuf {
    let root = workspace();
    let target = root.join("target/semver");
    let mut command = Command::new(env!("CARGO"));
    command
        .current_dir(&root)
        .env("RUSTC_BOOTSTRAP", "1")
        .env("SUNSHINE_OPENAPI", document)
        .env("CARGO_TARGET_DIR", &target)
        .args([
            "rustdoc",
            "--quiet",
            "--locked",
            "-p",
            "sunshine-conversations-client",
            "--lib",
        ]);
    if !features.is_empty() {
        command.args(["--features", features]);
    }
    command.args(["--", "-Z", "unstable-options", "--output-format", "json"]);
    // Broken intra-doc links (a helper's operation missing from a fixture) are only warnings.
    let output = command.output().expect("run cargo rustdoc");
    assert!(
        output.status.success(),
        "rustdoc of {name}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json = target.join("doc/sunshine_conversations_client.json");
    let kept = target.join(format!("json/{name}.json"));
    std::fs::create_dir_all(kept.parent().expect("a directory")).expect("make the directory");
    std::fs::copy(&json, &kept).expect("keep the rustdoc JSON");
    kept
}

/// Whether cargo-semver-checks finds a change that needs a major release.
fn semver_checks_breaking(old: &Path, new: &Path) -> bool {
    let output = Command::new(env!("CARGO"))
        .args(["semver-checks", "check-release", "--release-type", "minor"])
        .arg("--baseline-rustdoc")
        .arg(old)
        .arg("--current-rustdoc")
        .arg(new)
        .output()
        .expect("run cargo semver-checks");
    let text = String::from_utf8_lossy(&output.stderr).into_owned()
        + &String::from_utf8_lossy(&output.stdout);
    assert!(
        !text.contains("no such command") && !text.contains("unrecognized"),
        "cargo-semver-checks is needed: {text}"
    );
    !output.status.success()
}

/// Every public, documented item's signature: `path::Type::method` → its parameters, return
/// type and generics; `path::Type.field` → its type; ids left out (they differ between builds).
fn signatures(json: &Path) -> BTreeMap<String, Value> {
    let doc: Value =
        serde_json::from_slice(&std::fs::read(json).expect("read rustdoc JSON")).expect("JSON");
    let index = doc["index"].as_object().expect("an index");
    let item = |id: &Value| index.get(&id.to_string());
    let mut found = BTreeMap::new();
    let mut modules = vec![(doc["root"].clone(), String::new())];
    let mut visited = std::collections::BTreeSet::new();
    while let Some((id, prefix)) = modules.pop() {
        if !visited.insert(id.to_string()) {
            continue;
        }
        let Some(module) = item(&id) else { continue };
        let Some(children) = module["inner"]["module"]["items"].as_array() else {
            continue;
        };
        for child in children {
            let Some(mut entry) = item(child) else {
                continue;
            };
            if entry["visibility"] != "public" || hidden(entry) {
                continue;
            }
            let mut name = entry["name"].as_str().unwrap_or_default().to_owned();
            // A re-export stands for what it names, under its own name.
            if let Some(used) = entry["inner"].get("use") {
                name = used["name"].as_str().unwrap_or_default().to_owned();
                match item(&used["id"]) {
                    Some(target) if !hidden(target) => entry = target,
                    _ => continue,
                }
            }
            let path = format!("{prefix}::{name}");
            let inner = &entry["inner"];
            if inner.get("module").is_some() {
                modules.push((entry["id"].clone(), path));
            } else if let Some(function) = inner.get("function") {
                found.insert(path, without_ids(function));
            } else if let Some(ty) = inner.get("struct").or_else(|| inner.get("enum")) {
                if let Some(fields) = ty["kind"]["plain"]["fields"].as_array() {
                    for field in fields.iter().filter_map(&item) {
                        if field["visibility"] == "public" {
                            let field_name = field["name"].as_str().unwrap_or_default();
                            found.insert(
                                format!("{path}.{field_name}"),
                                without_ids(&field["inner"]["struct_field"]),
                            );
                        }
                    }
                }
                for implementation in ty["impls"].as_array().into_iter().flatten() {
                    let Some(implementation) = item(implementation) else {
                        continue;
                    };
                    let inner = &implementation["inner"]["impl"];
                    if !inner["trait"].is_null() {
                        continue;
                    }
                    for method in inner["items"].as_array().into_iter().flatten() {
                        let Some(method) = item(method) else { continue };
                        if method["visibility"] != "public" || hidden(method) {
                            continue;
                        }
                        if let Some(function) = method["inner"].get("function") {
                            let method_name = method["name"].as_str().unwrap_or_default();
                            found.insert(format!("{path}::{method_name}"), without_ids(function));
                        }
                    }
                }
            }
        }
    }
    found
}

fn hidden(item: &Value) -> bool {
    item["attrs"].to_string().contains("hidden")
}

fn without_ids(value: &Value) -> Value {
    match value {
        Value::Object(object) => Value::Object(
            object
                .iter()
                .filter(|(key, _)| key.as_str() != "id" && key.as_str() != "has_body")
                .map(|(key, value)| (key.clone(), without_ids(value)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_ids).collect()),
        other => other.clone(),
    }
}

/// The items of `old` whose signature `new` changes, or that `new` lacks.
fn signature_changes(old: &Path, new: &Path) -> Vec<String> {
    let (old, new) = (signatures(old), signatures(new));
    old.iter()
        .filter(|(path, signature)| new.get(*path) != Some(signature))
        .map(|(path, _)| path.clone())
        .collect()
}

#[test]
#[ignore = "builds the client about fifty times and needs cargo-semver-checks; .ci/run runs it"]
fn diff_calls_breaking_what_breaks_a_callers_code() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diff");
    let base = fixtures.join("base.yaml");
    let baselines: Vec<PathBuf> = BUILDS
        .iter()
        .map(|(build, features)| rustdoc(&base, features, &format!("base-{build}")))
        .collect();
    let mut rows = Vec::new();
    let mut disagreements = Vec::new();
    for (pair, _) in PAIRS {
        let document = fixtures.join(format!("{pair}.yaml"));
        let report = codegen::diff(&base, "base.yaml", &document, &format!("{pair}.yaml"))
            .expect("both documents are read");
        let diff_breaking = report.breaking() > 0;
        let (mut semver, mut changed) = (false, Vec::new());
        for ((build, features), baseline) in BUILDS.iter().zip(&baselines) {
            let current = rustdoc(&document, features, &format!("{pair}-{build}"));
            semver |= semver_checks_breaking(baseline, &current);
            changed.extend(
                signature_changes(baseline, &current)
                    .into_iter()
                    .map(|path| format!("{build}: {path}")),
            );
        }
        let signatures = !changed.is_empty();
        let tools = semver || signatures;
        rows.push(format!(
            "| {pair} | {} | {} | {} |",
            verdict(semver),
            if signatures {
                format!("breaking ({})", changed.join(", "))
            } else {
                "same".to_owned()
            },
            verdict(diff_breaking)
        ));
        let agrees = if RUNTIME_ONLY.contains(pair) {
            diff_breaking && !tools
        } else {
            diff_breaking == tools
        };
        if !agrees {
            disagreements.push(format!("{pair}:\n{}", report.markdown()));
        }
    }
    eprintln!(
        "| pair | cargo-semver-checks | signatures | diff |\n| --- | --- | --- | --- |\n{}",
        rows.join("\n")
    );
    assert!(
        disagreements.is_empty(),
        "diff disagrees with what callers see:\n{}",
        disagreements.join("\n")
    );
}

fn verdict(breaking: bool) -> &'static str {
    if breaking { "breaking" } else { "compatible" }
}
