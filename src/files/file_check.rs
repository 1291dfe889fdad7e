//! The service's file validation, done before the first byte of an upload is sent.
//!
//! The service checks every upload ("File Validation", docs.smooch.io): the file name's
//! extension must be one of [`ALLOWED_EXTENSIONS`], and the type read from the file's first
//! bytes must correspond to an extension of that list; otherwise it answers `415
//! unsupported_media_type` — after the whole file went over the wire. The same rules here refuse
//! such a file with [`Error::FileRefused`] before anything is sent. The type is identified by
//! the [`infer`](https://docs.rs/infer) crate's magic numbers; content it does not identify
//! passes as text when it is text (a `.log`, a `.csv`) and is refused otherwise, as the service
//! refuses a type it cannot retrieve.
//!
//! The service's list may change before this crate does: [`Upload::without_file_check`]
//! (`--no-file-check` in the example) skips the check for one upload.
//!
//! [`Upload::without_file_check`]: crate::Upload::without_file_check

use crate::error::{Error, FileRefusal};

/// The extensions the service accepts, lower case, as its file validation guide lists them.
pub const ALLOWED_EXTENSIONS: &[&str] = &[
    "3g2", "3gp", "7z", "aac", "amr", "avi", "bmp", "csv", "doc", "docx", "eml", "gif", "heic",
    "heif", "ics", "jfif", "jpeg", "jpg", "key", "log", "m4a", "m4v", "mov", "mp3", "mp4", "mp4a",
    "mpeg", "mpg", "mpga", "neon", "numbers", "odt", "oga", "ogg", "ogv", "opus", "pages", "pdf",
    "png", "pps", "ppsx", "ppt", "pptx", "qt", "svg", "tif", "tiff", "txt", "vcf", "wav", "webm",
    "webp", "wmv", "xls", "xlsx", "xml", "yaml", "yml", "zip",
];

/// How many first bytes are read to identify a file: every magic number `infer` knows sits in
/// the first few hundred bytes, and text is judged on this much.
pub(crate) const HEAD_LEN: usize = 8 * 1024;

/// What the first bytes say a file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Identified {
    /// The extension of the identified type (`pdf`, `txt` for text).
    pub(crate) extension: &'static str,
    /// Its media type (`application/pdf`, `text/plain`).
    pub(crate) mime: &'static str,
}

/// Checks a file named `file_name` whose first bytes are `head` (at most [`HEAD_LEN`]) against
/// the service's rules, and says what its bytes are.
pub(crate) fn check(file_name: &str, head: &[u8]) -> Result<Identified, Error> {
    let refuse = |refusal: FileRefusal| Error::FileRefused {
        file_name: file_name.to_owned(),
        refusal,
    };
    let extension = match file_name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() || file_name.starts_with('.') => {
            extension.to_ascii_lowercase()
        }
        _ => return Err(refuse(FileRefusal::NoExtension)),
    };
    if !ALLOWED_EXTENSIONS.contains(&extension.as_str()) {
        return Err(refuse(FileRefusal::Extension { extension }));
    }
    let identified = identify(head).ok_or_else(|| refuse(FileRefusal::Unidentified))?;
    if !ALLOWED_EXTENSIONS.contains(&identified.extension) {
        return Err(refuse(FileRefusal::Content {
            mime: identified.mime,
            extension: identified.extension,
        }));
    }
    Ok(identified)
}

/// The type of `head`: a magic number `infer` knows, else text when it is text.
fn identify(head: &[u8]) -> Option<Identified> {
    if let Some(kind) = infer::get(head) {
        return Some(Identified {
            extension: kind.extension(),
            mime: kind.mime_type(),
        });
    }
    looks_like_text(head).then_some(Identified {
        extension: "txt",
        mime: "text/plain",
    })
}

/// UTF-8 (a character cut at the end of `head` allowed) without NUL or other control
/// characters than tab, line breaks and form feed.
fn looks_like_text(head: &[u8]) -> bool {
    let valid = match std::str::from_utf8(head) {
        Ok(text) => text,
        // A multi-byte character cut by the end of the head is still text.
        Err(e) if e.error_len().is_none() && head.len() - e.valid_up_to() < 4 => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or("")
        }
        Err(_) => return false,
    };
    !valid
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
}

/// The media type to send: the one the bytes say when the file name's extension says another
/// type (a PNG named `.jpg` is sent as `image/png`), else the one the name says.
pub(crate) fn content_type(file_name: &str, identified: &Identified) -> Option<&'static str> {
    let by_name = mime_guess::from_path(file_name).first_raw();
    match by_name {
        Some(by_name) if by_name == identified.mime => None,
        // Text is text whatever the name says it is (`text/csv`, `application/xml`).
        _ if identified.extension == "txt" => None,
        _ => Some(identified.mime),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
    const ELF: &[u8] = &[
        0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x40,
        0, 0x38, 0, 1, 0, 0, 0, 0, 0, 0, 0,
    ];
    const EXE: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0";

    fn refused(name: &str, head: &[u8]) -> String {
        match check(name, head) {
            Err(err @ Error::FileRefused { .. }) => {
                let reason = err.to_string();
                assert!(reason.contains("without_file_check"), "{reason}");
                assert!(reason.contains("3g2 3gp 7z"), "{reason}");
                reason
            }
            other => panic!("{name}: {other:?}"),
        }
    }

    #[test]
    fn extensions_are_checked_case_insensitively() {
        assert!(check("photo.PNG", PNG).is_ok());
        assert!(check("report.Pdf", PDF).is_ok());
        assert!(refused("script.sh", b"#!/bin/sh\n").contains("`.sh` is not allowed"));
        assert!(refused("README", b"text").contains("no extension"));
        assert!(refused("archive.", b"text").contains("`.` is not allowed"));
    }

    #[test]
    fn the_bytes_must_be_an_allowed_type() {
        assert!(refused("invoice.pdf", ELF).contains("not allowed"));
        assert!(refused("invoice.pdf", EXE).contains("not allowed"));
        assert!(refused("data.zip", b"\0\x01\x02\x03binary").contains("cannot be identified"));
        // Plain text under a text name passes; so does text under another allowed name (the
        // service identifies it as text, which is allowed).
        assert_eq!(
            check("server.log", b"GET / 200\n").unwrap().extension,
            "txt"
        );
        assert_eq!(
            check("list.csv", "a,b\né,ü\n".as_bytes()).unwrap().mime,
            "text/plain"
        );
        assert_eq!(check("empty.txt", b"").unwrap().extension, "txt");
        // A character cut at the end of the head is still text.
        let mut cut = "x".repeat(10).into_bytes();
        cut.extend_from_slice(&"é".as_bytes()[..1]);
        assert!(check("cut.txt", &cut).is_ok());
    }

    #[test]
    fn the_content_type_follows_the_bytes() {
        let png = check("photo.jpg", PNG).unwrap();
        assert_eq!(content_type("photo.jpg", &png), Some("image/png"));
        let png = check("photo.png", PNG).unwrap();
        assert_eq!(content_type("photo.png", &png), None);
        let text = check("data.csv", b"a,b\n").unwrap();
        assert_eq!(content_type("data.csv", &text), None);
    }

    #[test]
    fn the_list_is_sorted_lower_case_and_unique() {
        assert!(ALLOWED_EXTENSIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(ALLOWED_EXTENSIONS.iter().all(|e| {
            e.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        }));
    }
}
