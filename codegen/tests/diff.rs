//! The regeneration report (`diff`): for each kind of change, a fixture pair (`tests/diff/
//! base.yaml` and the document of that kind) gives the report in the reviewed golden file
//! `tests/diff/<kind>.json`; the real pair 12.5.1 → 17.12.1; a document against itself; and
//! the command's exit status. Refresh the golden files after reviewing a change with
//! `UPDATE_GOLDEN=1 cargo test -p sunshine-conversations-codegen --test diff`.

use std::path::{Path, PathBuf};
use std::process::Command;

use sunshine_conversations_codegen as codegen;

fn here(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

fn diff(old: &Path, new: &Path) -> codegen::Report {
    codegen::diff(old, "old.yaml", new, "new.yaml").expect("both documents are read")
}

#[path = "diff/pairs.rs"]
mod pairs;
use pairs::PAIRS;

#[test]
fn each_kind_of_change_gives_its_reviewed_report() {
    let base = here("tests/diff/base.yaml");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for (name, kind) in PAIRS.iter().copied() {
        let report = diff(&base, &here(&format!("tests/diff/{name}.yaml")));
        let json = format!("{}\n", report.json());
        let golden = here(&format!("tests/diff/{name}.json"));
        if update {
            std::fs::write(&golden, &json).expect("write the golden file");
        } else if std::fs::read_to_string(&golden).unwrap_or_default() != json {
            failures.push(format!(
                "{name}: the report differs from {name}.json:\n{json}"
            ));
        }
        // The pair of a kind shows that kind.
        assert!(
            report.changes.iter().any(|c| c.kind.as_str() == kind),
            "{name}: {json}"
        );
        // Breaking entries come first.
        let first_plain = report.changes.iter().position(|c| !c.breaking);
        assert!(
            first_plain.is_none_or(|at| report.changes[at..].iter().all(|c| !c.breaking)),
            "{name}: {json}"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn what_is_breaking_follows_the_rule() {
    let base = here("tests/diff/base.yaml");
    let breaking = |name: &str| -> Vec<(String, bool)> {
        diff(&base, &here(&format!("tests/diff/{name}.yaml")))
            .changes
            .into_iter()
            .map(|c| (format!("{} {}", c.kind.as_str(), c.item), c.breaking))
            .collect()
    };
    assert_eq!(
        breaking("parameter_added_required"),
        [("parameter_added Client::list_pets(owner)".into(), true)]
    );
    assert_eq!(
        breaking("parameter_added"),
        [("parameter_added Client::list_pets(color)".into(), false)]
    );
    // A first optional parameter adds a setter to the request the method returns already.
    assert_eq!(
        breaking("parameter_added_first_optional"),
        [("parameter_added Client::delete_pet(reason)".into(), false)]
    );
    assert_eq!(
        breaking("field_added_required"),
        [("field_added types::Pet::species".into(), true)]
    );
    assert!(breaking("field_added").iter().all(|(_, b)| !*b));
    assert!(
        breaking("field_added_to_an_answer")
            .iter()
            .all(|(_, b)| !*b)
    );
    assert!(
        breaking("field_optional_to_required")
            .iter()
            .all(|(_, b)| *b)
    );
    assert!(
        breaking("answer_changed")
            .iter()
            .any(|(c, b)| c.starts_with("answer_changed") && *b)
    );
    assert!(breaking("enum_value_removed").iter().all(|(_, b)| *b));
    assert!(breaking("enum_value_added").iter().all(|(_, b)| !*b));
    assert!(breaking("variant_added").iter().all(|(_, b)| !*b));
    assert!(breaking("response_added").iter().all(|(_, b)| !*b));
    assert!(breaking("deprecated").iter().all(|(_, b)| !*b));
    // An operationId whose case changes is no change; deletePet's removal is.
    let removed = breaking("operation_removed");
    assert_eq!(
        removed,
        [("operation_removed Client::delete_pet".to_owned(), true)],
        "{removed:?}"
    );
    let moved = breaking("default_build");
    assert_eq!(
        moved,
        [("operation_removed Client::delete_pet".to_owned(), true)]
    );
}

#[test]
fn a_document_against_itself_changes_nothing() {
    let vendored = here("../openapi/sunshine-conversations.yaml");
    let report = diff(&vendored, &vendored);
    assert_eq!(report.changes, []);
    assert_eq!(report.breaking(), 0);
}

#[test]
fn from_the_vendored_to_the_newest_document() {
    let report = diff(
        &here("../openapi/sunshine-conversations.yaml"),
        &here("../tests/fixtures/sunshine-conversations-17.12.1.yaml"),
    );
    assert_eq!(
        (report.from.as_str(), report.to.as_str()),
        ("12.5.1", "17.12.1")
    );
    let entry = |kind: &str, item: &str| {
        report
            .changes
            .iter()
            .find(|c| c.kind.as_str() == kind && c.item == item)
            .unwrap_or_else(|| panic!("no {kind} {item}:\n{}", report.markdown()))
    };
    for removed in [
        "Client::generate_media_json_web_token",
        "Client::set_cookie",
    ] {
        let change = entry("operation_removed", removed);
        assert!(change.breaking);
        assert!(change.pointer.starts_with("/paths/"), "{change:?}");
    }
    let added = entry("operation_added", "Client::list_users");
    assert!(!added.breaking);
    assert!(entry("field_removed", "types::AppSettings::attachments_access").breaking);
    // Every operationId changed case between the two; none of that is listed.
    let operations: Vec<&str> = report
        .changes
        .iter()
        .filter(|c| c.kind.as_str().starts_with("operation_"))
        .map(|c| c.item.as_str())
        .collect();
    assert!(operations.len() < 12, "{operations:?}");
    let added: Vec<String> = report
        .changes
        .iter()
        .filter(|c| c.kind.as_str() == "operation_added")
        .map(|c| c.item.to_ascii_lowercase())
        .collect();
    for change in report
        .changes
        .iter()
        .filter(|c| c.kind.as_str() == "operation_removed")
    {
        assert!(
            !added.contains(&change.item.to_ascii_lowercase()),
            "{change:?}"
        );
    }
    // The changelog has the breaking ones under their heading.
    let changelog = report.changelog();
    assert!(
        changelog.contains("### Removed\n\n- `Client::generate_media_json_web_token`"),
        "{changelog}"
    );
}

fn command(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sunshine-conversations-codegen"))
        .args(args)
        .current_dir(here(""))
        .output()
        .expect("run the generator's command")
}

#[test]
fn the_command_exits_by_what_it_found() {
    let same = command(&["diff", "tests/diff/base.yaml", "tests/diff/base.yaml"]);
    assert_eq!(same.status.code(), Some(0));
    let markdown = String::from_utf8_lossy(&same.stdout);
    assert!(
        markdown.starts_with("# Changes of the generated API from 1.0.0 to 1.0.0"),
        "{markdown}"
    );

    let breaking = command(&[
        "diff",
        "tests/diff/base.yaml",
        "tests/diff/field_removed.yaml",
        "--json",
    ]);
    assert_eq!(breaking.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&breaking.stdout).expect("JSON");
    assert_eq!(json["from"], "1.0.0");
    assert_eq!(json["changes"][0]["kind"], "field_removed");
    assert_eq!(
        json["changes"][0]["pointer"],
        "/components/schemas/pet/properties/nickname"
    );

    let plain = command(&[
        "diff",
        "tests/diff/base.yaml",
        "tests/diff/enum_value_added.yaml",
        "--format",
        "changelog",
    ]);
    assert_eq!(plain.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&plain.stdout).starts_with("### Added"));

    for usage in [
        &["diff", "tests/diff/base.yaml"][..],
        &["merge", "a", "b"],
        &["diff", "a", "b", "--format", "xml"],
    ] {
        let output = command(usage);
        assert_eq!(output.status.code(), Some(2), "{usage:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("usage:"));
    }

    // A document the generator cannot read: its file and the pointer.
    let dir = std::env::temp_dir().join(format!("sunco-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.yaml");
    std::fs::write(
        &broken,
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      responses: {'200': {description: ok}}\n",
    )
    .unwrap();
    let output = command(&["diff", "tests/diff/base.yaml", broken.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("broken.yaml") && stderr.contains("/paths/~1x/get"),
        "{stderr}"
    );
}
