//! Step 2, select: which operations of the document become methods.

use openapiv3::{OpenAPI, Operation, PathItem, ReferenceOr};

use crate::error::{Error, pointer};

/// The tag of the operations a default build of the client has; the others come with its
/// `full-api` feature.
pub const DEFAULT_TAG: &str = "Attachments";

/// Which operations to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Operations carrying at least one of these tags (the default: `Attachments`).
    Tags(Vec<String>),
    /// Every operation of the document.
    All,
}

impl Selection {
    fn wants(&self, operation: &Operation) -> bool {
        match self {
            Selection::All => true,
            Selection::Tags(tags) => operation.tags.iter().any(|t| tags.contains(t)),
        }
    }
}

/// A selected operation with the path item it lives in.
pub struct Selected<'a> {
    /// The path template, e.g. `/v2/apps/{appId}/attachments`.
    pub path: &'a str,
    /// The HTTP method, lower case as in the document.
    pub method: &'static str,
    /// The path item, for its path-level parameters.
    pub item: &'a PathItem,
    /// The operation itself.
    pub operation: &'a Operation,
    /// JSON pointer of the operation, e.g. `/paths/~1v2~1apps~1{appId}~1attachments/post`.
    pub pointer: String,
}

/// Lists the selected operations in document order.
///
/// Path items given as `$ref` cannot be inspected; they are an error only when every operation
/// is wanted, since an unselected part of the document must never break the build.
pub fn select<'a>(doc: &'a OpenAPI, selection: &Selection) -> Result<Vec<Selected<'a>>, Error> {
    let mut selected = Vec::new();
    for (path, item) in &doc.paths.paths {
        let item = match item {
            ReferenceOr::Item(item) => item,
            ReferenceOr::Reference { reference } => {
                if *selection == Selection::All {
                    return Err(Error::at(
                        pointer(["paths", path.as_str()]),
                        format!("path item is a reference (`{reference}`), which is not supported"),
                    ));
                }
                continue;
            }
        };
        for (method, operation) in item.iter() {
            if selection.wants(operation) {
                selected.push(Selected {
                    path,
                    method: method_name(method),
                    item,
                    operation,
                    pointer: pointer(["paths", path.as_str(), method]),
                });
            }
        }
    }
    Ok(selected)
}

/// openapiv3 hands out method names as borrowed strings; keep a static copy.
fn method_name(method: &str) -> &'static str {
    match method {
        "get" => "get",
        "put" => "put",
        "post" => "post",
        "delete" => "delete",
        "options" => "options",
        "head" => "head",
        "patch" => "patch",
        _ => "trace",
    }
}
