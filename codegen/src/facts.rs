//! What the generator knows about individual operations beyond what the document says, reviewed
//! in one place: whether sending twice is harmless, whether answers carry secrets, which models
//! are replaced by hand-written types, which parameters take the crate's own types, and which
//! hand-written helper an operation enables.
//!
//! Rows are keyed by `operationId`, matched case-insensitively (`uploadAttachment` in 12.x
//! documents, `UploadAttachment` later). The facts reach run time as data: every generated
//! operation carries them in its `OperationInfo`, and no hand-written code matches an
//! operation id.

/// How a request may be sent again after a failure, as the facts table says it: the generated
/// code names the runtime's `Repeat` (`crate::__rt::Repeat`) of the same name and variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// Sending it twice has the effect of sending it once.
    Idempotent,
    /// Retried only when the server surely did not act on it.
    OnlyIfNotProcessed,
}

impl Repeat {
    /// HTTP's own answer: `GET`, `PUT`, `DELETE`, `HEAD`, `OPTIONS` and `TRACE` are idempotent.
    pub fn for_method(method: &str) -> Repeat {
        match method {
            "post" | "patch" => Repeat::OnlyIfNotProcessed,
            _ => Repeat::Idempotent,
        }
    }
}

/// One row of the table.
#[derive(Debug)]
pub struct Row {
    /// `operationId`, matched case-insensitively.
    pub id: &'static str,
    /// Overrides what the method implies about repeating the request.
    pub repeat: Option<Repeat>,
    /// When a retried attempt answers `404` saying this subject is absent (no `errors[]`, or
    /// errors naming it, as the document's "Attachment not found") after an earlier attempt
    /// may have been processed, the operation has done its job (a delete that worked, whose
    /// answer was lost). A `404` about anything else (an unknown app) stays an error.
    pub absent_after_retry: Option<&'static str>,
    /// Whether answers carry secrets beyond what the model step finds in the schemas (the
    /// `Set-Cookie` of the cookie call, say): nothing of the body is ever quoted in an error.
    pub secret_response: bool,
    /// Parameters that take one of the crate's own types instead of a string:
    /// (parameter name on the wire, Rust path).
    pub params: &'static [(&'static str, &'static str)],
    /// Models replaced by hand-written types of the crate: (schema name, Rust path).
    pub replacements: &'static [(&'static str, &'static str)],
    /// The hand-written helper this operation enables, announced as
    /// `cfg(sunco_helper = "...")`.
    pub helper: Option<&'static str>,
    /// A cursor-paginated list that pages backwards (`page[before]` from
    /// `meta.beforeCursor`) rather than forwards.
    pub pages_backwards: bool,
    /// Why the row says what it says.
    pub why: &'static str,
}

/// The table.
pub const TABLE: &[Row] = &[
    Row {
        id: "uploadAttachment",
        repeat: Some(Repeat::OnlyIfNotProcessed),
        absent_after_retry: None,
        secret_response: false,
        params: &[("access", "crate::Access"), ("for", "crate::For")],
        replacements: &[],
        helper: Some("upload"),
        pages_backwards: false,
        why: "an upload sent twice may store the file twice: an orphan, public by default, whose \
              URL the caller never learns",
    },
    Row {
        id: "deleteAttachment",
        repeat: Some(Repeat::Idempotent),
        absent_after_retry: Some("attachment"),
        secret_response: false,
        params: &[],
        replacements: &[],
        helper: Some("delete"),
        pages_backwards: false,
        why: "deleting twice deletes once; a 404 after a lost answer means the first one worked",
    },
    Row {
        id: "generateMediaJsonWebToken",
        repeat: Some(Repeat::Idempotent),
        absent_after_retry: None,
        secret_response: true,
        params: &[],
        replacements: &[("AttachmentMediaTokenResponse", "crate::MediaTokens")],
        helper: Some("media_tokens"),
        pages_backwards: false,
        why: "a media token can be issued again; the answer is a map of tokens, held in \
              `MediaTokens`, whose `Debug` shows only the paths",
    },
    Row {
        id: "setCookie",
        repeat: None,
        absent_after_retry: None,
        secret_response: true,
        params: &[],
        replacements: &[],
        helper: Some("media_cookie"),
        pages_backwards: false,
        why: "the answer's `Set-Cookie` carries the media token",
    },
    Row {
        id: "listMessages",
        repeat: None,
        absent_after_retry: None,
        secret_response: false,
        params: &[],
        replacements: &[],
        helper: None,
        pages_backwards: true,
        why: "the document: messages are paginated backwards, the most recent page first; \
              `page[before]` from `meta.beforeCursor` goes back in the history",
    },
];

/// The row for an operation, if the table has one.
pub fn row(operation_id: &str) -> Option<&'static Row> {
    TABLE
        .iter()
        .find(|row| row.id.eq_ignore_ascii_case(operation_id))
}

/// The `operationId`s of the table's rows that match none of `operation_ids`, as the table
/// matches them. Run over the operations of every known document, it finds a row whose id is
/// misspelt, which would otherwise silently match nothing.
pub fn unmatched_facts_rows<'a>(
    operation_ids: impl IntoIterator<Item = &'a str>,
) -> Vec<&'static str> {
    let matched: Vec<&str> = operation_ids
        .into_iter()
        .filter_map(row)
        .map(|row| row.id)
        .collect();
    TABLE
        .iter()
        .map(|row| row.id)
        .filter(|id| !matched.contains(id))
        .collect()
}

/// Every model replacement of the table: (schema name, Rust path).
pub fn replacements() -> impl Iterator<Item = (&'static str, &'static str)> {
    TABLE
        .iter()
        .flat_map(|row| row.replacements.iter().copied())
}

/// Every helper the table names.
pub fn helpers() -> impl Iterator<Item = &'static str> {
    TABLE.iter().filter_map(|row| row.helper)
}

/// The facts of one lowered operation, as the emitters use them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    /// How a request may be sent again.
    pub repeat: Repeat,
    /// See [`Row::absent_after_retry`].
    pub absent_after_retry: Option<&'static str>,
    /// Whether a success answer carries secrets: from the table, or found by the secrets step in
    /// the response's schema.
    pub secret_response: bool,
    /// The helper it enables, if any.
    pub helper: Option<&'static str>,
    /// See [`Row::pages_backwards`].
    pub pages_backwards: bool,
    /// Why the table's row says what it says, when there is one.
    pub why: Option<&'static str>,
}

impl Facts {
    /// The facts of an operation: the table's row over what its method implies.
    pub fn of(operation_id: &str, method: &str) -> Facts {
        let row = row(operation_id);
        Facts {
            repeat: row
                .and_then(|r| r.repeat)
                .unwrap_or_else(|| Repeat::for_method(method)),
            absent_after_retry: row.and_then(|r| r.absent_after_retry),
            secret_response: row.is_some_and(|r| r.secret_response),
            helper: row.and_then(|r| r.helper),
            pages_backwards: row.is_some_and(|r| r.pages_backwards),
            why: row.map(|r| r.why),
        }
    }

    /// The crate type a parameter of this operation takes instead of a string, if any.
    pub fn param_type(operation_id: &str, param: &str) -> Option<&'static str> {
        row(operation_id)?
            .params
            .iter()
            .find(|(name, _)| *name == param)
            .map(|(_, path)| *path)
    }
}

/// Property names that carry secrets, compared with a property's name lower-cased and without
/// `_` or `-`: a name that contains one of `SECRET_PARTS`, ends with one of `SECRET_ENDINGS`, or
/// is one of `SECRET_NAMES`. Besides these, a string the document marks `format: password` is
/// a secret, and so is one marked `writeOnly: true` unless its name says it is an identifier
/// (see [`is_identifier_name`]). Their model fields become `crate::Secret`, whose `Debug`
/// prints `[redacted]`.
pub const SECRET_PARTS: &[&str] = &["secret", "password"];

/// See [`SECRET_PARTS`]: `token`, `accessToken`, `pageAccessToken`, `authToken`...
pub const SECRET_ENDINGS: &[&str] = &["token"];

/// See [`SECRET_PARTS`]: credentials of third-party channels that are named "key".
pub const SECRET_NAMES: &[&str] = &[
    "apikey",
    "serverkey",
    "privatekey",
    "signingkey",
    "accesskey",
    "consumerkey",
    "accesstokenkey",
];

/// Whether a property of this name names something rather than unlocking it: it ends with
/// `Id` (`userExternalId`, `quotedMessageId`, `projectId`). The document marks such ids
/// `writeOnly` because they are only sent, not because they are secret.
pub fn is_identifier_name(name: &str) -> bool {
    name.ends_with("Id") || name.ends_with("_id") || name == "id"
}

/// Whether a property of this name carries a secret (see [`SECRET_PARTS`]).
pub fn is_secret_name(name: &str) -> bool {
    let plain: String = name
        .chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    SECRET_PARTS.iter().any(|part| plain.contains(part))
        || SECRET_ENDINGS.iter().any(|end| plain.ends_with(end))
        || SECRET_NAMES.contains(&plain.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_match_case_insensitively() {
        assert_eq!(
            row("UploadAttachment").map(|r| r.id),
            Some("uploadAttachment")
        );
        assert!(row("postMessage").is_none());
        let facts = Facts::of("DeleteAttachment", "post");
        assert_eq!(facts.repeat, Repeat::Idempotent);
        assert_eq!(facts.absent_after_retry, Some("attachment"));
        assert_eq!(
            Facts::of("postMessage", "post").repeat,
            Repeat::OnlyIfNotProcessed
        );
        assert_eq!(Facts::of("getApp", "get").repeat, Repeat::Idempotent);
        assert_eq!(
            Facts::param_type("uploadattachment", "for"),
            Some("crate::For")
        );
    }

    #[test]
    fn secret_names() {
        for name in [
            "secret",
            "appSecret",
            "client_secret",
            "password",
            "access_token",
            "pageAccessToken",
            "authToken",
            "apiKey",
            "accessTokenSecret",
            "accessTokenKey",
        ] {
            assert!(is_secret_name(name), "{name}");
        }
        for name in [
            "token_type",
            "keyId",
            "key",
            "tokens",
            "attachmentsTokenExpirationSeconds",
        ] {
            assert!(!is_secret_name(name), "{name}");
        }
    }
}
