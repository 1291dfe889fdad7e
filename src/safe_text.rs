//! How text from elsewhere is shown: escaped so that it cannot start or disguise a line
//! ([`printable`], for what a server, a URL or a webhook payload says), and URLs without what
//! may be secret in them ([`redact_url`] hides user info; [`shown_url`] also the query, where
//! signed URLs carry their signatures). Every message of the crate shows such text through
//! these.

use std::borrow::Cow;

/// Text from elsewhere (a server's answer, a webhook payload, a URL), safe to print as part
/// of one line: control characters (escape sequences, line breaks, `NEL`), the Unicode line
/// and paragraph separators, and the invisible characters that reorder text are escaped as
/// `\u{..}`, so that nothing in it can start a new line or disguise one. Every message of
/// [`Error`](crate::Error) shows such text this way; use it for what a program prints of it too.
///
/// ```
/// use sunshine_conversations_client::printable;
///
/// assert_eq!(printable("photo.png"), "photo.png");
/// assert_eq!(printable("a\nfile /etc/passwd 1"), "a\\u{a}file /etc/passwd 1");
/// ```
pub fn printable(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(
                c,
                '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
            )
    };
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A URL as it may be shown: any user info (`user:password@`) replaced by `***@`. Works on
/// text that does not parse as a URL too, so that an error can quote what it refused. The
/// authority starts after a scheme at the very start (`https://`), or after a leading `//`;
/// text with neither is all treated as authority. A `://` later on (in a query, say) starts
/// nothing. A password may hold a `/`, `?` or `#` (invalid, but typed), so everything from the
/// start of the authority to the last `@` is hidden: an `@` in a path or query hides a little
/// more than it must, never less.
pub(crate) fn redact_url(url: &str) -> String {
    let authority = scheme_len(url)
        .map(|len| len + 3)
        .or_else(|| url.starts_with("//").then_some(2))
        .unwrap_or(0);
    let (scheme, rest) = url.split_at(authority);
    match rest.rfind('@') {
        Some(at) => format!("{scheme}***@{}", &rest[at + 1..]),
        None => url.to_owned(),
    }
}

/// The length of a URL's scheme when the text starts with `scheme://` (RFC 3986: a letter,
/// then letters, digits, `+`, `-` or `.`).
fn scheme_len(url: &str) -> Option<usize> {
    let end = url.find("://")?;
    let scheme = &url[..end];
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(end)
}

/// A URL as it may be shown: without user info, query or fragment (signed URLs carry
/// secrets in their query), and with its control characters escaped (a URL from a webhook
/// is anybody's text).
pub(crate) fn shown_url(url: &str) -> String {
    let cut = url.find(['?', '#']).unwrap_or(url.len());
    let mut text = printable(&redact_url(&url[..cut])).into_owned();
    if cut < url.len() {
        text.push_str("?…");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_info_is_never_shown() {
        assert_eq!(
            redact_url("https://user:hunter2@example.com/sc"),
            "https://***@example.com/sc"
        );
        assert_eq!(redact_url("http://a:b@c@host:8/x"), "http://***@host:8/x");
        assert_eq!(redact_url("user:pw@host"), "***@host");
        assert_eq!(redact_url("//user:pw@host/x"), "//***@host/x");
        assert_eq!(redact_url("https://u:p/w@h/x"), "https://***@h/x");
        assert_eq!(
            redact_url("http://u:p#w@proxy:3128"),
            "http://***@proxy:3128"
        );
        assert_eq!(redact_url("https://example.com/a"), "https://example.com/a");
        // A `://` in the query starts nothing: the user info before it is still hidden.
        assert_eq!(
            redact_url("//user:pw@host/x?n=https://a"),
            "//***@host/x?n=https://a"
        );
        assert_eq!(
            redact_url("user:pw@host/x?n=https://a"),
            "***@host/x?n=https://a"
        );
        assert_eq!(
            redact_url("https://u:pw@host/x?n=https://a"),
            "https://***@host/x?n=https://a"
        );
    }

    #[test]
    fn urls_are_shown_without_their_query() {
        assert_eq!(
            shown_url("https://u:p@cdn.example/a.png?X-Amz-Signature=secret"),
            "https://***@cdn.example/a.png?…"
        );
        assert_eq!(
            shown_url("https://cdn.example/a.png"),
            "https://cdn.example/a.png"
        );
        assert_eq!(
            shown_url("https://cdn.example/a\nfile /etc/passwd 1"),
            "https://cdn.example/a\\u{a}file /etc/passwd 1"
        );
    }
}
