//! `CONTRIBUTING.md` names the tests that check each promise of the README ("Promises and the
//! tests that check them"): every file named there exists, and every test named after a file
//! is a test of that file, so a renamed or moved test cannot leave a promise pointing at
//! nothing. Its picture of how the pieces fit together names files that exist.

use std::path::Path;

/// The contributor notes, `CONTRIBUTING.md`.
fn contributing() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("CONTRIBUTING.md"))
        .expect("CONTRIBUTING.md")
}

/// The text of the contributor notes' section `## Promises and the tests that check them`.
fn promises_section() -> String {
    let notes = contributing();
    let lines: Vec<&str> = notes.lines().collect();
    let start = lines
        .iter()
        .position(|line| *line == "## Promises and the tests that check them")
        .expect("CONTRIBUTING.md has a section `## Promises and the tests that check them`");
    lines[start + 1..]
        .iter()
        .take_while(|line| !line.starts_with("## "))
        .copied()
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `code` spans of a text, in order.
fn code_spans(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// What the section names: each test (a lower-case identifier with an underscore) with the
/// file named last before it.
fn named_tests(section: &str) -> Vec<(String, String)> {
    let mut file: Option<&str> = None;
    let mut named = Vec::new();
    for span in code_spans(section) {
        if span.ends_with(".rs") {
            file = Some(span);
        } else if span.contains('_')
            && span
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            let file = file.unwrap_or_else(|| panic!("`{span}` is named before any test file"));
            named.push((file.to_owned(), span.to_owned()));
        }
    }
    named
}

#[test]
fn every_test_the_contributor_notes_name_exists_in_the_file_they_name() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let section = promises_section();
    for file in code_spans(&section)
        .into_iter()
        .filter(|s| s.ends_with(".rs"))
    {
        assert!(
            root.join(file).is_file(),
            "CONTRIBUTING.md names `{file}`, which does not exist"
        );
    }
    let named = named_tests(&section);
    assert!(named.len() >= 20, "the section names {} tests", named.len());
    for (file, test) in named {
        let source = std::fs::read_to_string(root.join(&file)).expect("named file");
        assert!(
            is_test(&source, &test),
            "CONTRIBUTING.md names `{test}` in `{file}`, which has no such test"
        );
    }
}

/// Whether `source` has a test function `name`: `fn name(` with `#[test]` among the lines
/// right above it (its docs and attributes, up to a blank line or the end of another item).
fn is_test(source: &str, name: &str) -> bool {
    let Some(at) = source.find(&format!("fn {name}(")) else {
        return false;
    };
    let line_start = source[..at].rfind('\n').map_or(0, |newline| newline + 1);
    source[..line_start]
        .lines()
        .rev()
        .take_while(|line| {
            let line = line.trim();
            !line.is_empty() && line != "}" && !line.starts_with("fn ")
        })
        .any(|line| line.trim() == "#[test]")
}

#[test]
fn the_check_finds_a_misnamed_test() {
    let named =
        named_tests("(`tests/suite/promises.rs`: `a_test`, `Debug`, `b_test`; `x.rs`: `c_d`)");
    assert_eq!(
        named,
        [
            ("tests/suite/promises.rs".to_owned(), "a_test".to_owned()),
            ("tests/suite/promises.rs".to_owned(), "b_test".to_owned()),
            ("x.rs".to_owned(), "c_d".to_owned()),
        ]
    );
    assert!(is_test(
        "#[test]\n#[cfg_attr(\n    not(unix),\n    ignore = \"x\"\n)]\nfn a_test() {}",
        "a_test"
    ));
    assert!(!is_test("/// A helper.\nfn a_test() {}", "a_test"));
}

/// The contributor notes' "How it fits together" picture.
fn pipeline_picture() -> String {
    let notes = contributing();
    let section = notes
        .split("## How it fits together")
        .nth(1)
        .expect("CONTRIBUTING.md has a section `How it fits together`");
    section
        .split("```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the section opens with a text picture")
        .to_owned()
}

#[test]
fn the_pipeline_picture_is_written_once_and_names_files_that_exist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let picture = pipeline_picture();
    let named: Vec<&str> = picture
        .split(|c: char| c.is_whitespace() || "(),:".contains(c))
        .filter(|word| {
            (word.starts_with("src/")
                || word.starts_with("codegen/")
                || word.starts_with("openapi/"))
                || *word == "build.rs"
        })
        .collect();
    assert!(named.len() >= 8, "{named:?}");
    for path in named {
        assert!(
            root.join(path).exists(),
            "the picture names `{path}`, which does not exist"
        );
    }
    // The generator's steps, the line that would be copied with the picture.
    let steps = picture
        .lines()
        .find(|line| line.contains("read → repair → select"))
        .expect("the picture shows the generator's steps")
        .trim_start_matches([' ', '│'])
        .to_owned();
    for file in [
        "README.md",
        "src/lib.rs",
        "codegen/src/lib.rs",
        "openapi/README.md",
    ] {
        let text = std::fs::read_to_string(root.join(file)).expect("a file of the repository");
        assert!(
            !text.contains(&steps),
            "`{file}` repeats the picture of CONTRIBUTING.md"
        );
    }
}
