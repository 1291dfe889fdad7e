//! Doc comments from the document's prose. The document is written for a web page: its
//! descriptions hold code blocks without a language (which rustdoc would compile as doctests),
//! raw HTML asides, placeholders such as `<subdomain>` that look like tags, bare URLs, and
//! anchors of the web reference (`#operation/createApp`, `#section/...`). Everything here turns
//! that prose into Markdown that rustdoc renders as meant, with no doctest and no dead link:
//!
//! - code blocks are fenced as `text`, or keep a language they declare that is not Rust;
//!   indented blocks become fenced `text` blocks;
//! - `#operation/<id>` anchors become intra-doc links to the generated method, or plain text
//!   naming the operation when it was not generated; `#section/...` and `#tag/...` anchors
//!   become links to the public API reference;
//! - the HTML the document uses becomes Markdown (`<code>`, `<strong>`, `<a>`, `<aside>`,
//!   `<p>`, `<br>`), other tags are shown as text, and bare URLs become autolinks.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::ir::{Api, Body, Operation, Payload};
use crate::rust_types::ModelNames;

/// The public API reference, which the document's `#section/...` and `#tag/...` anchors point
/// into.
pub const REFERENCE: &str = "https://developer.zendesk.com/api-reference/conversations/";

/// Languages a fenced block may keep: rustdoc neither compiles nor tests them.
const KEPT_LANGUAGES: &[&str] = &[
    "text",
    "json",
    "javascript",
    "js",
    "shell",
    "sh",
    "bash",
    "html",
    "http",
    "yaml",
    "xml",
    "console",
];

/// What the links of a description may point at: the generated operations, by `operationId`
/// (case-insensitively).
#[derive(Debug, Default, Clone)]
pub struct Links {
    methods: HashMap<String, String>,
}

impl Links {
    /// The links for the operations of `api`.
    pub fn of(api: &Api) -> Links {
        Links {
            methods: api
                .operations
                .iter()
                .map(|op| (op.id.to_ascii_lowercase(), op.name.clone()))
                .collect(),
        }
    }

    fn method(&self, operation_id: &str) -> Option<&str> {
        self.methods
            .get(&operation_id.to_ascii_lowercase())
            .map(String::as_str)
    }
}

/// The document's Markdown, made safe for rustdoc (see the module docs).
pub fn markdown(text: &str, links: &Links) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::with_capacity(text.len() + 64);
    // Whether the line before was paragraph text, which an indented line continues (anything
    // else — nothing, a blank line, a heading, a fence — lets an indented line start code).
    let mut in_paragraph = false;
    let mut in_list = false;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        // A fence indented as code is code (but list items may indent theirs).
        let fence = fence_marker(trimmed).filter(|_| !is_indented(line) || in_list);
        if let Some(marker) = fence {
            let info = trimmed[marker.len()..].trim();
            let language = info
                .split([' ', ','])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let language = if KEPT_LANGUAGES.contains(&language.as_str()) {
                language
            } else {
                "text".to_owned()
            };
            let _ = writeln!(out, "{marker}{language}");
            i += 1;
            while i < lines.len() && !closes(lines[i], &marker) {
                out.push_str(lines[i]);
                out.push('\n');
                i += 1;
            }
            let _ = writeln!(out, "{marker}");
            i += 1;
            in_paragraph = false;
            continue;
        }
        if is_indented(line) && !in_paragraph && !in_list && !line.trim().is_empty() {
            // An indented code block: as far as lines stay indented or blank.
            let mut end = i;
            while end < lines.len() && (lines[end].trim().is_empty() || is_indented(lines[end])) {
                end += 1;
            }
            let mut last = end;
            while last > i && lines[last - 1].trim().is_empty() {
                last -= 1;
            }
            let block: Vec<&str> = lines[i..last].iter().map(|l| dedent(l)).collect();
            // A fence longer than any backtick run inside, so nothing in it can close it.
            let longest = block.iter().map(|l| backtick_run(l)).max().unwrap_or(0);
            let fence = "`".repeat(longest.max(2) + 1);
            let _ = writeln!(out, "{fence}text");
            for code in block {
                out.push_str(code);
                out.push('\n');
            }
            let _ = writeln!(out, "{fence}\n");
            i = end;
            in_paragraph = false;
            continue;
        }
        let blank = line.trim().is_empty();
        if blank {
            in_list = false;
            in_paragraph = false;
        } else if is_list_item(trimmed) {
            in_list = true;
            in_paragraph = false;
        } else {
            in_paragraph = !trimmed.starts_with('#');
        }
        out.push_str(&inline(line, links));
        out.push('\n');
        i += 1;
    }
    out.trim_end().to_owned()
}

/// Whether `line` closes a fence opened with `marker`: the same character, at least as many,
/// nothing else.
fn closes(line: &str, marker: &str) -> bool {
    let trimmed = line.trim();
    let c = marker.chars().next().unwrap_or('`');
    trimmed.len() >= marker.len() && trimmed.chars().all(|x| x == c)
}

/// The longest run of backticks in `line`.
fn backtick_run(line: &str) -> usize {
    line.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// A description on one line (for lists): made safe, then its whitespace collapsed.
pub fn one_line(text: &str) -> String {
    one_line_linked(text, &Links::default())
}

/// Like [`one_line`], with links to the generated operations.
pub fn one_line_linked(text: &str, links: &Links) -> String {
    inline(
        &text.split_whitespace().collect::<Vec<_>>().join(" "),
        links,
    )
}

fn fence_marker(trimmed: &str) -> Option<String> {
    for c in ['`', '~'] {
        let run = trimmed.chars().take_while(|x| *x == c).count();
        if run >= 3 {
            return Some(c.to_string().repeat(run));
        }
    }
    None
}

fn is_indented(line: &str) -> bool {
    line.starts_with("    ") || line.starts_with('\t')
}

fn dedent(line: &str) -> &str {
    line.strip_prefix("    ")
        .or_else(|| line.strip_prefix('\t'))
        .unwrap_or(line.trim_start())
}

fn is_list_item(trimmed: &str) -> bool {
    trimmed.starts_with("- ")
        || trimmed.starts_with("* ")
        || trimmed.starts_with("+ ")
        || trimmed
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// One line outside code blocks: code spans are kept as they are; everything else has its
/// links, HTML and bare URLs rewritten.
fn inline(line: &str, links: &Links) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find('`') {
        let run = rest[start..].chars().take_while(|c| *c == '`').count();
        let ticks = &rest[start..start + run];
        let after = &rest[start + run..];
        match after.find(ticks) {
            Some(end) => {
                out.push_str(&prose(&rest[..start], links));
                out.push_str(&rest[start..start + run + end + run]);
                rest = &after[end + run..];
            }
            None => {
                out.push_str(&prose(&rest[..start + run], links));
                rest = after;
            }
        }
    }
    out.push_str(&prose(rest, links));
    out
}

/// Prose without code spans.
fn prose(text: &str, links: &Links) -> String {
    autolinks(&anchors(&html(text), links))
}

/// Rewrites `(#operation/...)`, `(#section/...)`, `(#tag/...)` and other bare anchors of
/// Markdown links.
fn anchors(text: &str, links: &Links) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("](#") {
        let Some(open) = rest[..at].rfind('[') else {
            out.push_str(&rest[..at + 3]);
            rest = &rest[at + 3..];
            continue;
        };
        let Some(close) = rest[at + 3..].find(')') else {
            break;
        };
        let label = &rest[open + 1..at];
        let anchor = &rest[at + 3..at + 3 + close];
        out.push_str(&rest[..open]);
        if let Some(id) = anchor.strip_prefix("operation/") {
            match links.method(id) {
                Some(method) => {
                    let _ = write!(out, "[{label}](crate::Client::{method})");
                }
                None => {
                    let _ = write!(out, "{label} (operation `{id}`)");
                }
            }
        } else if anchor.starts_with("section/") || anchor.starts_with("tag/") {
            let _ = write!(out, "[{label}]({REFERENCE}#{anchor})");
        } else {
            out.push_str(label);
        }
        rest = &rest[at + 3 + close + 1..];
    }
    out.push_str(rest);
    out
}

/// HTML the document uses, as Markdown; any other `<...>` shown as text.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            out.push_str("&lt;");
            rest = &rest[open + 1..];
            continue;
        };
        let tag = &rest[open + 1..open + close];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let closing = tag.starts_with('/');
        let after = &rest[open + close + 1..];
        match name.as_str() {
            "code" => out.push('`'),
            "strong" | "b" => out.push_str("**"),
            "em" | "i" => out.push('*'),
            "br" => out.push_str("<br/>"),
            "p" | "aside" | "div" | "span" if closing => out.push(' '),
            "p" | "aside" | "div" | "span" => {}
            "img" => {
                if let Some(alt) = attribute(tag, "alt") {
                    out.push_str(&alt);
                }
            }
            "a" if !closing => {
                // `<a href="u">text</a>` becomes `[text](u)`.
                let end = after.to_ascii_lowercase().find("</a>");
                if let (Some(href), Some(end)) = (attribute(tag, "href"), end) {
                    let label = html(&after[..end]);
                    let label = if label.trim().is_empty() {
                        href.clone()
                    } else {
                        label
                    };
                    let _ = write!(out, "[{}]({href})", label.trim());
                    rest = &after[end + 4..];
                    continue;
                }
            }
            "a" => {}
            _ => {
                out.push_str("&lt;");
                out.push_str(tag);
                out.push_str("&gt;");
            }
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}=\""))? + name.len() + 2;
    let end = tag[at..].find('"')?;
    Some(tag[at..at + end].to_owned())
}

/// Bare `http(s)://` URLs as `<...>` autolinks; URLs already in a link, an autolink or an
/// attribute are left alone.
fn autolinks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("http") {
        let url_start = &rest[at..];
        if !(url_start.starts_with("https://") || url_start.starts_with("http://")) {
            out.push_str(&rest[..at + 4]);
            rest = &rest[at + 4..];
            continue;
        }
        let before = rest[..at].chars().next_back();
        let in_link = matches!(before, Some('(' | '<' | '"' | '\'' | '[' | '/' | '='));
        let len = url_start
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | '>' | '"' | '\'' | '`' | ']'))
            .unwrap_or(url_start.len());
        let mut url = &url_start[..len];
        while url.ends_with(['.', ',', ';', ':', '!', '?']) {
            url = &url[..url.len() - 1];
        }
        out.push_str(&rest[..at]);
        if in_link {
            out.push_str(url);
        } else {
            let _ = write!(out, "<{url}>");
        }
        rest = &url_start[url.len()..];
    }
    out.push_str(rest);
    out
}

/// Doc lines of the `operations` module: what it holds, and every operation of this build by
/// the document's tags, each linked to its method.
pub fn operations_by_tag(api: &Api) -> Vec<String> {
    let mut tags: Vec<(String, Vec<&Operation>)> = Vec::new();
    for op in &api.operations {
        let tag = op
            .tags
            .first()
            .cloned()
            .unwrap_or_else(|| "Other".to_owned());
        match tags.iter_mut().find(|(name, _)| *name == tag) {
            Some((_, ops)) => ops.push(op),
            None => tags.push((tag, vec![op])),
        }
    }
    let mut text = format!(
        "Operations: one blocking method on [`Client`](crate::Client) per operation of the \
         document ({} {}), with the request builders and multipart forms they use.\n\n\
         # By tag\n\n\
         The document's tags, in its order, and the methods of each (a method named after the \
         operation's `operationId`, in snake case):\n",
        api.title, api.version
    );
    for (tag, ops) in &tags {
        let methods: Vec<String> = ops
            .iter()
            .map(|op| format!("[`{0}`](crate::Client::{0})", op.name))
            .collect();
        let _ = write!(text, "\n- **{tag}**: {}", methods.join(", "));
    }
    text.lines().map(|line| format!(" {line}")).collect()
}

/// Doc lines for a method, built from the document: summary, description, the request it
/// sends, its arguments, responses and accepted credentials.
pub fn operation(links: &Links, op: &Operation, models: &ModelNames) -> Vec<String> {
    let mut text = String::new();
    if let Some(summary) = &op.summary {
        text.push_str(&one_line_linked(summary, links));
        text.push_str("\n\n");
    }
    if let Some(description) = &op.description {
        text.push_str(&markdown(description.trim(), links));
        text.push_str("\n\n");
    }
    let _ = writeln!(
        text,
        "Returns the request; its `send()` sends `{} {}`.",
        op.method.to_uppercase(),
        op.path
    );
    let mut args = Vec::new();
    for param in &op.params {
        let need = match (param.required, param.deprecated) {
            (true, false) => "required",
            (true, true) => "required, deprecated in the document",
            (false, false) => "optional, a setter of the request",
            (false, true) => "optional, a setter of the request, deprecated in the document",
        };
        let description = param
            .description
            .as_deref()
            .map(|d| format!(": {}", one_line_linked(d, links)))
            .unwrap_or_default();
        let place = crate::emit::place(param);
        args.push(format!(
            "- `{}` ({place} `{}`, {need}){description}",
            param.ident, param.name
        ));
    }
    match &op.body {
        Some(Body::Json { ty, .. }) => args.push(format!(
            "- `body`: the JSON request body{}",
            model_link(ty, models)
        )),
        Some(Body::Multipart { fields }) => {
            let parts: Vec<String> = fields
                .iter()
                .map(|f| format!("`{}` ({})", f.name, if f.file { "file" } else { "text" }))
                .collect();
            args.push(format!(
                "- `body`: the `multipart/form-data` request body: {}",
                parts.join(", ")
            ));
        }
        None => {}
    }
    if !args.is_empty() {
        text.push_str("\nArguments:\n");
        text.push_str(&args.join("\n"));
        text.push('\n');
    }
    if !op.responses.is_empty() {
        text.push_str("\nResponses:\n");
        for response in &op.responses {
            let status = response.status.to_string();
            let payload = match &response.payload {
                Payload::Json { ty, .. } => model_link(ty, models),
                Payload::Bytes(media) => format!(" (`{media}`)"),
                Payload::Empty => String::new(),
            };
            let _ = writeln!(
                text,
                "- `{status}`: {}{payload}",
                one_line_linked(&response.description, links)
            );
        }
    }
    if !op.security.is_empty() {
        let accepted: Vec<String> = op.security.iter().map(|s| format!("`{s}`")).collect();
        let _ = writeln!(text, "\nCredentials: {}.", accepted.join(" or "));
    }
    let _ = write!(
        text,
        "\nGenerated from `#{}` (operation `{}`).",
        op.pointer, op.id
    );
    text.lines().map(|line| format!(" {line}")).collect()
}

fn model_link(ty: &crate::ir::TypeRef, models: &ModelNames) -> String {
    let mut names = Vec::new();
    ty.models(&mut names);
    match (ty, names.as_slice()) {
        (crate::ir::TypeRef::Model(_) | crate::ir::TypeRef::StringEnum(_), [key]) => models
            .get(key)
            .map(|path| format!(" ([`{path}`])"))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links() -> Links {
        Links {
            methods: [("createapp".to_owned(), "create_app".to_owned())]
                .into_iter()
                .collect(),
        }
    }

    #[test]
    fn code_blocks_never_become_doctests() {
        let text = "Call it:\n\n```\nGET https://x/v2\n```\n\n```javascript\n{\"a\": 1}\n```\n\n```rust\nfn main() {}\n```\n\nIndented:\n\n    curl https://x\n    -u key\n\nAfter.";
        let out = markdown(text, &links());
        assert_eq!(
            out,
            "Call it:\n\n```text\nGET https://x/v2\n```\n\n```javascript\n{\"a\": 1}\n```\n\n```text\nfn main() {}\n```\n\nIndented:\n\n```text\ncurl https://x\n-u key\n```\n\nAfter."
        );
    }

    #[test]
    fn indented_code_is_found_wherever_it_starts_and_never_closed_early() {
        let out = markdown(
            "# Heading\n    heading code\n\nText\n    continues text\n\n    ```\n    fn x() {}",
            &links(),
        );
        assert_eq!(
            out,
            "# Heading\n```text\nheading code\n```\n\nText\n    continues text\n\n````text\n```\nfn x() {}\n````"
        );
    }

    #[test]
    fn anchors_become_links_or_text() {
        let out = markdown(
            "See [App Settings](#operation/createApp), [delete](#operation/deleteUser), \
             [Attachments](#section/Attachments-for-Messages), [Users](#tag/Users) and \
             [service account](#service-accounts).",
            &links(),
        );
        assert_eq!(
            out,
            "See [App Settings](crate::Client::create_app), delete (operation `deleteUser`), \
             [Attachments](https://developer.zendesk.com/api-reference/conversations/#section/Attachments-for-Messages), \
             [Users](https://developer.zendesk.com/api-reference/conversations/#tag/Users) and service account."
        );
    }

    #[test]
    fn html_and_urls() {
        let out = markdown(
            "<aside class=\"notice\"><strong>Note:</strong> use <code>https</code>, see \
             <a href=\"https://a.example/x\">the guide</a>.</aside> Host `https://<subdomain>.zendesk.com` \
             or https://b.example/y. Key: <server-key>",
            &links(),
        );
        assert_eq!(
            out,
            "**Note:** use `https`, see [the guide](https://a.example/x).  Host \
             `https://<subdomain>.zendesk.com` or <https://b.example/y>. Key: &lt;server-key&gt;"
        );
    }
}
