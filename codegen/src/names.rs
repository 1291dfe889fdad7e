//! Rust names for things the document names.

use heck::{ToPascalCase, ToSnakeCase};

const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// A snake_case identifier for a parameter, field or method: `conversationId` becomes
/// `conversation_id`, `page[after]` becomes `page_after`, and keywords get a trailing
/// underscore (`for` becomes `for_`).
pub fn snake(name: &str) -> String {
    // ASCII only: `char::is_alphanumeric` also accepts characters such as `²` that cannot be
    // part of a Rust identifier.
    let cleaned: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let mut out = cleaned.to_snake_case();
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert_str(0, "p_");
    }
    if KEYWORDS.contains(&out.as_str()) {
        out.push('_');
    }
    out
}

/// The PascalCase type name typify gives a schema named `name` (mirrors typify's own
/// sanitising; the models step checks the result against the types typify produced).
pub fn pascal(name: &str) -> String {
    let cleaned: String = name
        .replace('\'', "")
        .chars()
        .map(|c| if is_ident_continue(c) { c } else { '-' })
        .collect();
    let out = cleaned.to_pascal_case();
    let out = match out.chars().next() {
        None => "X".to_owned(),
        Some(c) if unicode_ident::is_xid_start(c) => out,
        Some(_) => format!("X{out}"),
    };
    if KEYWORDS.contains(&out.as_str()) {
        format!("{out}_")
    } else {
        out
    }
}

fn is_ident_continue(c: char) -> bool {
    unicode_ident::is_xid_continue(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_names() {
        assert_eq!(snake("conversationId"), "conversation_id");
        assert_eq!(snake("for"), "for_");
        assert_eq!(snake("page[after]"), "page_after");
        assert_eq!(snake("UploadAttachment"), "upload_attachment");
        assert_eq!(
            snake("generateMediaJsonWebToken"),
            "generate_media_json_web_token"
        );
        assert_eq!(snake("2fa"), "p_2fa");
        assert_eq!(snake("x²"), "x");
        assert_eq!(snake("٣abc"), "abc");
    }

    #[test]
    fn pascal_names() {
        assert_eq!(pascal("attachmentResponse"), "AttachmentResponse");
        assert_eq!(pascal("identities.email"), "IdentitiesEmail");
        assert_eq!(pascal("2xx"), "X2xx");
    }
}
