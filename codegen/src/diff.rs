//! The regeneration report: what changes in the generated Rust API (everything a `full-api`
//! build has, the webhook payload included) from one document to another, one entry per
//! change, each naming the item as code that uses the crate writes it (`Client::set_cookie`,
//! `types::AppSettings::attachments_access`, `types::ClientType::Apple ("apple")`) and the
//! JSON pointer of its place in the document: the old document's for what is removed, the new
//! one's for everything else.
//!
//! What is breaking is what a caller's code sees: code that compiled against the old document
//! may fail to compile against the new one, or a type it uses changes. Removing anything is
//! breaking (an enum value too: a sender or a `match` may name it), and so is any type that
//! changes: a parameter's, a field's (an optional field that becomes required is a `T`, no
//! longer an `Option<T>`), the request body's, or what an operation's `send()` gives; so is a
//! parameter or a multipart part added as required (an argument more), or one that becomes
//! required. Because every model, enum and union is `#[non_exhaustive]` and built through its
//! builder, and every operation is a request builder whatever its parameters, adding an
//! optional field, a field to an answer, a value, an arm, an operation, an optional parameter
//! or part, or a response status is not, nor is deprecating. One addition breaks at run time
//! instead: a required field in a request body's model, which a builder of the old code leaves
//! unset (`try_into()` then fails before anything is sent): it is breaking. An `operationId`
//! whose case changes but whose Rust name does not is no change at all. An operation that
//! enters or leaves the `Attachments` tag changes the default build, and is listed as added to
//! or removed from it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::select::DEFAULT_TAG;
use crate::surface::{Model, ModelKind, Operation, Surface};

/// What kind of change an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    OperationAdded,
    OperationRemoved,
    ParameterAdded,
    ParameterRemoved,
    ParameterChanged,
    FieldAdded,
    FieldRemoved,
    FieldChanged,
    EnumValueAdded,
    EnumValueRemoved,
    VariantAdded,
    VariantRemoved,
    ModelAdded,
    ModelRemoved,
    ResponseAdded,
    ResponseRemoved,
    AnswerChanged,
    Deprecated,
}

impl Kind {
    /// The kind as the JSON report names it (`operation_removed`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::OperationAdded => "operation_added",
            Kind::OperationRemoved => "operation_removed",
            Kind::ParameterAdded => "parameter_added",
            Kind::ParameterRemoved => "parameter_removed",
            Kind::ParameterChanged => "parameter_changed",
            Kind::FieldAdded => "field_added",
            Kind::FieldRemoved => "field_removed",
            Kind::FieldChanged => "field_changed",
            Kind::EnumValueAdded => "enum_value_added",
            Kind::EnumValueRemoved => "enum_value_removed",
            Kind::VariantAdded => "variant_added",
            Kind::VariantRemoved => "variant_removed",
            Kind::ModelAdded => "model_added",
            Kind::ModelRemoved => "model_removed",
            Kind::ResponseAdded => "response_added",
            Kind::ResponseRemoved => "response_removed",
            Kind::AnswerChanged => "answer_changed",
            Kind::Deprecated => "deprecated",
        }
    }

    /// The kind in words, for the Markdown report (`operation removed`).
    fn words(self) -> String {
        self.as_str().replace('_', " ")
    }

    /// The section of a changelog the entry goes to.
    fn section(self, breaking: bool) -> &'static str {
        let added = matches!(
            self,
            Kind::OperationAdded
                | Kind::ParameterAdded
                | Kind::FieldAdded
                | Kind::EnumValueAdded
                | Kind::VariantAdded
                | Kind::ModelAdded
                | Kind::ResponseAdded
        );
        let removed = matches!(
            self,
            Kind::OperationRemoved
                | Kind::ParameterRemoved
                | Kind::FieldRemoved
                | Kind::EnumValueRemoved
                | Kind::VariantRemoved
                | Kind::ModelRemoved
                | Kind::ResponseRemoved
        );
        match (self, breaking) {
            (Kind::Deprecated, _) => "Deprecated",
            _ if removed => "Removed",
            (_, true) => "Changed (breaking)",
            _ if added => "Added",
            _ => "Changed",
        }
    }
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: Kind,
    pub breaking: bool,
    /// The item as code names it.
    pub item: String,
    /// Its place: in the old document for what is removed, else in the new one.
    pub pointer: String,
    /// What changed, in words.
    pub detail: String,
}

/// The changes from one document to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The old document's `info.version`.
    pub from: String,
    /// The new document's.
    pub to: String,
    /// Breaking entries first, then in the kinds' order, then by item.
    pub changes: Vec<Change>,
}

impl Report {
    /// How many entries are breaking.
    pub fn breaking(&self) -> usize {
        self.changes.iter().filter(|c| c.breaking).count()
    }

    /// The report in Markdown: a header with both versions, the counts, then one line per
    /// entry, breaking ones first.
    pub fn markdown(&self) -> String {
        let mut out = format!(
            "# Changes of the generated API from {} to {}\n\n{} change(s), {} breaking.\n",
            self.from,
            self.to,
            self.changes.len(),
            self.breaking()
        );
        if !self.changes.is_empty() {
            out.push('\n');
        }
        for change in &self.changes {
            let mark = if change.breaking { "**breaking** " } else { "" };
            let _ = writeln!(
                out,
                "- {mark}{}: `{}`: {} (`#{}`)",
                change.kind.words(),
                change.item,
                change.detail,
                change.pointer
            );
        }
        out
    }

    /// The report as JSON: `{"from", "to", "changes": [{"kind", "breaking", "item",
    /// "pointer", "detail"}]}`.
    pub fn json(&self) -> String {
        let changes: Vec<serde_json::Value> = self
            .changes
            .iter()
            .map(|c| {
                serde_json::json!({
                    "kind": c.kind.as_str(),
                    "breaking": c.breaking,
                    "item": c.item,
                    "pointer": c.pointer,
                    "detail": c.detail,
                })
            })
            .collect();
        let report = serde_json::json!({"from": self.from, "to": self.to, "changes": changes});
        serde_json::to_string_pretty(&report).unwrap_or_default()
    }

    /// Lines for `CHANGELOG.md`, under Keep a Changelog's headings.
    pub fn changelog(&self) -> String {
        let mut sections: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for change in &self.changes {
            sections
                .entry(change.kind.section(change.breaking))
                .or_default()
                .push(format!(
                    "- `{}`: {} ({}, document {})",
                    change.item,
                    change.detail,
                    change.kind.words(),
                    self.to
                ));
        }
        let mut out = String::new();
        for heading in [
            "Changed (breaking)",
            "Removed",
            "Added",
            "Changed",
            "Deprecated",
        ] {
            if let Some(lines) = sections.get(heading) {
                let _ = writeln!(out, "### {heading}\n");
                for line in lines {
                    let _ = writeln!(out, "{line}");
                }
                out.push('\n');
            }
        }
        out
    }
}

/// The changes from `old` to `new`.
pub fn compare(old: &Surface, new: &Surface) -> Report {
    let mut changes = Vec::new();
    let mut push = |kind: Kind, breaking: bool, item: String, pointer: &str, detail: String| {
        changes.push(Change {
            kind,
            breaking,
            item,
            pointer: pointer.to_owned(),
            detail,
        });
    };
    for (name, before) in &old.operations {
        let item = format!("Client::{name}");
        match new.operations.get(name) {
            None => push(
                Kind::OperationRemoved,
                true,
                item,
                &before.pointer,
                format!("the operation `{}` is gone", before.id),
            ),
            Some(after) => operation(&mut push, &item, before, after),
        }
    }
    for (name, after) in &new.operations {
        if !old.operations.contains_key(name) {
            let default = if after.default_build {
                ", in the default build"
            } else {
                ""
            };
            push(
                Kind::OperationAdded,
                false,
                format!("Client::{name}"),
                &after.pointer,
                format!("the operation `{}`{default}", after.id),
            );
        }
    }
    for (name, before) in &old.models {
        let item = format!("types::{name}");
        match new.models.get(name) {
            None => push(
                Kind::ModelRemoved,
                true,
                item,
                &before.pointer,
                "the model is gone".to_owned(),
            ),
            Some(after) => model(&mut push, &item, before, after),
        }
    }
    for (name, after) in &new.models {
        if !old.models.contains_key(name) {
            push(
                Kind::ModelAdded,
                false,
                format!("types::{name}"),
                &after.pointer,
                format!("a new {}", kind_name(&after.kind)),
            );
        }
    }
    for (event, (variant, at)) in &old.events {
        if !new.events.contains_key(event) {
            push(
                Kind::VariantRemoved,
                true,
                format!("webhooks::Event::{variant}"),
                at,
                format!("the webhook event `{event}` is gone"),
            );
        }
    }
    for (event, (variant, at)) in &new.events {
        if !old.events.contains_key(event) {
            push(
                Kind::VariantAdded,
                false,
                format!("webhooks::Event::{variant}"),
                at,
                format!("the webhook event `{event}`"),
            );
        }
    }
    changes.sort_by(|a, b| {
        (!a.breaking, a.kind, &a.item, &a.detail).cmp(&(!b.breaking, b.kind, &b.item, &b.detail))
    });
    changes.dedup();
    Report {
        from: old.version.clone(),
        to: new.version.clone(),
        changes,
    }
}

type Push<'p> = dyn FnMut(Kind, bool, String, &str, String) + 'p;

fn operation(push: &mut Push<'_>, item: &str, before: &Operation, after: &Operation) {
    match (before.default_build, after.default_build) {
        (true, false) => push(
            Kind::OperationRemoved,
            true,
            item.to_owned(),
            &after.pointer,
            format!(
                "leaves the {DEFAULT_TAG} tag: no longer in the default build (still with `full-api`)"
            ),
        ),
        (false, true) => push(
            Kind::OperationAdded,
            false,
            item.to_owned(),
            &after.pointer,
            format!("joins the {DEFAULT_TAG} tag: now in the default build"),
        ),
        _ => {}
    }
    if after.deprecated && !before.deprecated {
        push(
            Kind::Deprecated,
            false,
            item.to_owned(),
            &after.pointer,
            "the operation is deprecated".to_owned(),
        );
    }
    for (name, param) in &before.params {
        let item = format!("{item}({})", param.ident);
        match after.params.get(name) {
            None => push(
                Kind::ParameterRemoved,
                true,
                item,
                &param.pointer,
                format!("the parameter `{name}` is gone"),
            ),
            Some(now) => {
                if now.ty != param.ty {
                    push(
                        Kind::ParameterChanged,
                        true,
                        item.clone(),
                        &now.pointer,
                        format!("`{name}` is a `{}`, not a `{}`", now.ty, param.ty),
                    );
                }
                if now.required != param.required {
                    let what = if now.required {
                        "required (an argument, no longer a setter)"
                    } else {
                        "optional (a setter of the request, no longer an argument)"
                    };
                    push(
                        Kind::ParameterChanged,
                        true,
                        item.clone(),
                        &now.pointer,
                        format!("`{name}` is {what}"),
                    );
                }
                if now.deprecated && !param.deprecated {
                    push(
                        Kind::Deprecated,
                        false,
                        item,
                        &now.pointer,
                        format!("the parameter `{name}` is deprecated"),
                    );
                }
            }
        }
    }
    for (name, param) in &after.params {
        if !before.params.contains_key(name) {
            let what = if param.required {
                "required"
            } else {
                "optional"
            };
            push(
                Kind::ParameterAdded,
                param.required,
                format!("{item}({})", param.ident),
                &param.pointer,
                format!("the {what} parameter `{name}` (`{}`)", param.ty),
            );
        }
    }
    let body_at = format!("{}/requestBody", after.pointer);
    match (&before.body, &after.body) {
        (Some(old), None) => push(
            Kind::ParameterRemoved,
            true,
            format!("{item}(body)"),
            &format!("{}/requestBody", before.pointer),
            format!("the request body (`{old}`) is gone"),
        ),
        (None, Some(new)) => push(
            Kind::ParameterAdded,
            true,
            format!("{item}(body)"),
            &body_at,
            format!("a request body (`{new}`)"),
        ),
        (Some(old), Some(new)) if old != new => push(
            Kind::ParameterChanged,
            true,
            format!("{item}(body)"),
            &body_at,
            format!("the request body is a `{new}`, not a `{old}`"),
        ),
        _ => {}
    }
    form(
        push,
        item,
        &body_at,
        before.form.as_ref(),
        after.form.as_ref(),
    );
    // What `send()` gives decides for the answers: a status documented or not changes no code
    // that compiled, unless the success type changes with it.
    if before.answer != after.answer {
        push(
            Kind::AnswerChanged,
            true,
            item.to_owned(),
            &format!("{}/responses", after.pointer),
            format!(
                "`send()` gives a `{}`, not a `{}`",
                after.answer, before.answer
            ),
        );
    }
    for (status, payload) in &before.responses {
        let at = format!("{}/responses/{status}", before.pointer);
        match after.responses.get(status) {
            None => push(
                Kind::ResponseRemoved,
                false,
                item.to_owned(),
                &at,
                format!("the `{status}` answer is no longer documented"),
            ),
            Some(now) if now != payload => push(
                Kind::ResponseRemoved,
                false,
                item.to_owned(),
                &format!("{}/responses/{status}", after.pointer),
                format!(
                    "the `{status}` answer decodes into `{}`, not `{}`",
                    shown(now),
                    shown(payload)
                ),
            ),
            Some(_) => {}
        }
    }
    for (status, payload) in &after.responses {
        if !before.responses.contains_key(status) {
            let into = if payload.is_empty() {
                String::new()
            } else {
                format!(" (`{payload}`)")
            };
            push(
                Kind::ResponseAdded,
                false,
                item.to_owned(),
                &format!("{}/responses/{status}", after.pointer),
                format!("a documented `{status}` answer{into}"),
            );
        }
    }
}

/// The parts of a multipart body: a part removed, added as required, made required, or of
/// another type is breaking (the form's `new` or a setter changes); an optional part added is a
/// setter more.
fn form(
    push: &mut Push<'_>,
    item: &str,
    at: &str,
    before: Option<&BTreeMap<String, (bool, String)>>,
    after: Option<&BTreeMap<String, (bool, String)>>,
) {
    let item = format!("{item}(body)");
    match (before, after) {
        (Some(_), None) => push(
            Kind::ParameterRemoved,
            true,
            item,
            at,
            "the multipart body is gone".to_owned(),
        ),
        (None, Some(_)) => push(
            Kind::ParameterAdded,
            true,
            item,
            at,
            "a multipart body".to_owned(),
        ),
        (Some(old), Some(new)) => {
            for (name, (required, ty)) in old {
                match new.get(name) {
                    None => push(
                        Kind::ParameterRemoved,
                        true,
                        item.clone(),
                        at,
                        format!("the part `{name}` is gone"),
                    ),
                    Some((_, now_ty)) if now_ty != ty => push(
                        Kind::ParameterChanged,
                        true,
                        item.clone(),
                        at,
                        format!("the part `{name}` is a `{now_ty}`, not a `{ty}`"),
                    ),
                    Some((now_required, _)) if now_required != required => push(
                        Kind::ParameterChanged,
                        true,
                        item.clone(),
                        at,
                        format!(
                            "the part `{name}` is {}",
                            if *now_required {
                                "required"
                            } else {
                                "optional"
                            }
                        ),
                    ),
                    Some(_) => {}
                }
            }
            for (name, (required, ty)) in new {
                if !old.contains_key(name) {
                    push(
                        Kind::ParameterAdded,
                        *required,
                        item.clone(),
                        at,
                        format!(
                            "the {} part `{name}` (`{ty}`)",
                            if *required { "required" } else { "optional" }
                        ),
                    );
                }
            }
        }
        (None, None) => {}
    }
}

fn shown(payload: &str) -> &str {
    if payload.is_empty() {
        "nothing"
    } else {
        payload
    }
}

fn kind_name(kind: &ModelKind) -> &'static str {
    match kind {
        ModelKind::Struct(_) => "struct",
        ModelKind::Enum(_) => "enum",
        ModelKind::Union(_) => "union",
        ModelKind::Other(_) => "type",
    }
}

fn model(push: &mut Push<'_>, item: &str, before: &Model, after: &Model) {
    match (&before.kind, &after.kind) {
        (ModelKind::Struct(old), ModelKind::Struct(new)) => {
            for (wire, field) in old {
                let item = format!("{item}::{}", field.ident);
                match new.get(wire) {
                    None => push(
                        Kind::FieldRemoved,
                        true,
                        item,
                        &field.pointer,
                        format!("the field `{wire}` is gone"),
                    ),
                    Some(now) => {
                        if now.ty != field.ty {
                            push(
                                Kind::FieldChanged,
                                true,
                                item.clone(),
                                &now.pointer,
                                format!("`{wire}` is a `{}`, not a `{}`", now.ty, field.ty),
                            );
                        } else if now.required && !field.required && after.request {
                            push(
                                Kind::FieldChanged,
                                true,
                                item.clone(),
                                &now.pointer,
                                format!("`{wire}` is required in a request"),
                            );
                        }
                        if now.deprecated && !field.deprecated {
                            push(
                                Kind::Deprecated,
                                false,
                                item,
                                &now.pointer,
                                format!("the field `{wire}` is deprecated"),
                            );
                        }
                    }
                }
            }
            for (wire, field) in new {
                if !old.contains_key(wire) {
                    let breaking = field.required && after.request;
                    let what = if breaking {
                        ", required in a request"
                    } else if field.required {
                        ", required"
                    } else {
                        ", optional"
                    };
                    push(
                        Kind::FieldAdded,
                        breaking,
                        format!("{item}::{}", field.ident),
                        &field.pointer,
                        format!("the field `{wire}` (`{}`){what}", field.ty),
                    );
                }
            }
        }
        (ModelKind::Enum(old), ModelKind::Enum(new)) => {
            for (wire, variant) in old {
                if !new.contains_key(wire) {
                    push(
                        Kind::EnumValueRemoved,
                        true,
                        format!("{item}::{variant} (\"{wire}\")"),
                        &format!("{}/enum", before.pointer),
                        format!("the value `{wire}` is no longer listed"),
                    );
                }
            }
            for (wire, variant) in new {
                if !old.contains_key(wire) {
                    push(
                        Kind::EnumValueAdded,
                        false,
                        format!("{item}::{variant} (\"{wire}\")"),
                        &format!("{}/enum", after.pointer),
                        format!("the value `{wire}`"),
                    );
                }
            }
        }
        (ModelKind::Union(old), ModelKind::Union(new)) => {
            for (variant, ty) in old {
                match new.get(variant) {
                    None => push(
                        Kind::VariantRemoved,
                        true,
                        format!("{item}::{variant}"),
                        before.arms.get(variant).unwrap_or(&before.pointer),
                        format!("the arm `{variant}` is gone"),
                    ),
                    Some(now) if now != ty => push(
                        Kind::VariantRemoved,
                        true,
                        format!("{item}::{variant}"),
                        after.arms.get(variant).unwrap_or(&after.pointer),
                        format!("the arm `{variant}` holds a `{now}`, not a `{ty}`"),
                    ),
                    Some(_) => {}
                }
            }
            for (variant, ty) in new {
                if !old.contains_key(variant) {
                    push(
                        Kind::VariantAdded,
                        false,
                        format!("{item}::{variant}"),
                        after.arms.get(variant).unwrap_or(&after.pointer),
                        format!("the arm `{variant}` (`{ty}`)"),
                    );
                }
            }
        }
        (ModelKind::Other(old), ModelKind::Other(new)) => {
            if old != new {
                push(
                    Kind::FieldChanged,
                    true,
                    item.to_owned(),
                    &after.pointer,
                    format!("holds a `{new}`, not a `{old}`"),
                );
            }
        }
        (old, new) => {
            push(
                Kind::ModelRemoved,
                true,
                item.to_owned(),
                &before.pointer,
                format!(
                    "the {} is gone: a {} of the same name replaces it",
                    kind_name(old),
                    kind_name(new)
                ),
            );
            push(
                Kind::ModelAdded,
                false,
                item.to_owned(),
                &after.pointer,
                format!("a {} replaces the {}", kind_name(new), kind_name(old)),
            );
        }
    }
}
