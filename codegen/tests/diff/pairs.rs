//! The fixture pairs `tests/diff.rs` checks the report of and `tests/semver.rs` checks the
//! verdict of.

/// Each fixture pair (`tests/diff/<name>.yaml` against `base.yaml`) and the kind of change it
/// shows.
pub const PAIRS: &[(&str, &str)] = &[
    ("operation_added", "operation_added"),
    ("operation_removed", "operation_removed"),
    ("parameter_added", "parameter_added"),
    ("parameter_added_first_optional", "parameter_added"),
    ("parameter_added_required", "parameter_added"),
    ("parameter_removed", "parameter_removed"),
    ("parameter_changed", "parameter_changed"),
    ("field_added", "field_added"),
    ("field_added_to_an_answer", "field_added"),
    ("field_added_required", "field_added"),
    ("field_removed", "field_removed"),
    ("field_changed", "field_changed"),
    ("field_optional_to_required", "field_changed"),
    ("enum_value_added", "enum_value_added"),
    ("enum_value_removed", "enum_value_removed"),
    ("variant_added", "variant_added"),
    ("variant_removed", "variant_removed"),
    ("model_added", "model_added"),
    ("model_removed", "model_removed"),
    ("response_added", "response_added"),
    ("response_removed", "response_removed"),
    ("answer_changed", "answer_changed"),
    ("deprecated", "deprecated"),
    ("default_build", "operation_removed"),
];
