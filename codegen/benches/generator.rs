//! The generator on the vendored document, timed step by step: the median of 11 runs, and the
//! summary line `codegen_ms=W` (budget: 200 ms).
//!
//! ```text
//! cargo bench -p sunshine-conversations-codegen
//! ```

use std::path::Path;
use std::time::Instant;

use sunshine_conversations_codegen::{Selection, generate};

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let document =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi/sunshine-conversations.yaml");
    for (label, selection) in [
        (
            "attachments",
            Selection::Tags(vec!["Attachments".to_owned()]),
        ),
        ("full-api", Selection::All),
    ] {
        let mut totals = Vec::new();
        let mut last = None;
        for _ in 0..11 {
            let started = Instant::now();
            let generated = generate(&document, "openapi/sunshine-conversations.yaml", &selection)
                .expect("the vendored document generates");
            totals.push(started.elapsed().as_secs_f64() * 1e3);
            last = Some(generated);
        }
        let total = median(totals);
        if let Some(generated) = last {
            let steps: Vec<String> = generated
                .timings
                .iter()
                .map(|(step, took)| format!("{step} {:.1}", took.as_secs_f64() * 1e3))
                .collect();
            println!(
                "codegen ({label}): {total:.1} ms for the vendored document (steps, ms: {}), \
                 {} bytes, {} operations (budget <= 200 for attachments)",
                steps.join(", "),
                generated.code.len(),
                generated.operations.len()
            );
        }
        if label == "attachments" {
            println!("codegen_ms={total:.1}");
        }
    }
}
