//! The generator's one error type: what went wrong, and where in the document.

use std::fmt;

/// A document the generator cannot turn into code.
///
/// Every error names the document and, where it can, the JSON pointer of the offending node
/// and the operation or schema it belongs to, so a failed build points at the exact place.
#[derive(Debug)]
pub struct Error {
    /// The document, as given to the generator.
    pub file: String,
    /// JSON pointer (RFC 6901) of the node at fault, when known.
    pub pointer: Option<String>,
    /// The operation or schema the node belongs to, when known.
    pub subject: Option<String>,
    /// What is wrong, in words.
    pub message: String,
}

impl Error {
    /// An error at a known place in the document.
    pub fn at(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            file: String::new(),
            pointer: Some(pointer.into()),
            subject: None,
            message: message.into(),
        }
    }

    /// An error about the document as a whole.
    pub fn whole(message: impl Into<String>) -> Self {
        Error {
            file: String::new(),
            pointer: None,
            subject: None,
            message: message.into(),
        }
    }

    /// Names the operation or schema the error belongs to.
    pub fn about(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }

    /// Names the document the error was found in.
    pub fn in_file(mut self, file: &str) -> Self {
        file.clone_into(&mut self.file);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(pointer) = &self.pointer {
            write!(f, " at #{pointer}")?;
        }
        if let Some(subject) = &self.subject {
            write!(f, " ({subject})")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for Error {}

/// Builds JSON pointers (RFC 6901) from reference tokens.
pub fn pointer<I, S>(tokens: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out = String::new();
    for token in tokens {
        out.push('/');
        out.push_str(&token.as_ref().replace('~', "~0").replace('/', "~1"));
    }
    out
}

/// `base` with more reference tokens appended.
pub fn pointer_join<S: AsRef<str>>(base: &str, tokens: impl IntoIterator<Item = S>) -> String {
    format!("{base}{}", pointer(tokens))
}

/// The component key a schema reference names: `page` for `#/components/schemas/page`;
/// `None` for a reference elsewhere.
pub fn schema_key(reference: &str) -> Option<&str> {
    reference.strip_prefix("#/components/schemas/")
}

/// The pointer of a local `$ref` such as `#/components/schemas/page`.
pub fn ref_pointer(reference: &str) -> &str {
    reference.strip_prefix('#').unwrap_or(reference)
}
