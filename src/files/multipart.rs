//! Streamed `multipart/form-data` bodies.
//!
//! ureq's own multipart writer puts file names into the part header as given (a `"` or CR/LF
//! in a name injects headers) and keeps reading a source that ends early. This writer quotes a
//! sanitised name, always sends a part `Content-Type`, computes the exact `Content-Length` when
//! every source has a known size, and holds each source to its declared size.

use std::io::{self, Read};

use crate::error::Error;
use crate::files::file_part::FilePart;

enum Value {
    Text(String),
    File(FilePart),
}

/// The parts of a multipart form, in order. Generated form types convert into this.
#[derive(Default)]
pub struct Parts {
    parts: Vec<(&'static str, Value)>,
}

impl Parts {
    /// A form without parts.
    pub fn new() -> Self {
        Parts::default()
    }

    /// Adds a file part.
    pub fn file(&mut self, name: &'static str, part: FilePart) {
        self.parts.push((name, Value::File(part)));
    }

    /// Adds a text part.
    pub fn text(&mut self, name: &'static str, value: String) {
        self.parts.push((name, Value::Text(value)));
    }

    /// Checks what can be checked before sending: content types, and declared sizes against
    /// `limit`.
    pub(crate) fn validate(&self, limit: u64) -> Result<(), Error> {
        for (name, value) in &self.parts {
            if let Value::File(part) = value {
                let content_type = part.content_type();
                if content_type.is_empty()
                    || content_type
                        .chars()
                        .any(|c| c.is_control() || !c.is_ascii())
                {
                    return Err(Error::invalid(
                        format!("content type of part `{name}`"),
                        "must be non-empty printable ASCII",
                    ));
                }
                if let Some(len) = part.len().filter(|len| *len > limit) {
                    return Err(Error::invalid(
                        format!("file of part `{name}`"),
                        format!("{len} bytes is over the upload limit of {limit} bytes"),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Whether every part can be sent again.
    pub(crate) fn is_replayable(&self) -> bool {
        self.parts.iter().all(|(_, value)| match value {
            Value::File(part) => part.is_replayable(),
            Value::Text(_) => true,
        })
    }

    /// The body for one attempt: its reader and, when every size is known, its length.
    pub(crate) fn body(&mut self, boundary: &str, limit: u64) -> Result<MultipartBody, Error> {
        let mut segments = Vec::with_capacity(self.parts.len() * 2 + 1);
        // The body's exact size while every part's size is known; `None` once one is not.
        let mut len = Some(0u64);
        let too_large = || {
            Error::invalid(
                "upload",
                "the declared sizes add up to more than 2^64 bytes",
            )
        };
        let add = |total: Option<u64>, more: Option<u64>| -> Result<Option<u64>, Error> {
            match (total, more) {
                (Some(total), Some(more)) => {
                    total.checked_add(more).map(Some).ok_or_else(too_large)
                }
                _ => Ok(None),
            }
        };
        for (name, value) in &mut self.parts {
            match value {
                Value::Text(text) => {
                    let head = format!(
                        "--{boundary}\r\n{}\r\n\r\n{text}\r\n",
                        disposition(name, None)
                    );
                    len = add(len, Some(head.len() as u64))?;
                    segments.push(Segment::Bytes(io::Cursor::new(head.into_bytes())));
                }
                Value::File(part) => {
                    let head = format!(
                        "--{boundary}\r\n{}\r\nContent-Type: {}\r\n\r\n",
                        disposition(name, Some(&part.sent_file_name())),
                        part.content_type()
                    );
                    len = add(len, Some(head.len() as u64 + 2))?;
                    len = add(len, part.len())?;
                    segments.push(Segment::Bytes(io::Cursor::new(head.into_bytes())));
                    segments.push(Segment::Reader(part.open(limit)?));
                    segments.push(Segment::Bytes(io::Cursor::new(b"\r\n".to_vec())));
                }
            }
        }
        let tail = format!("--{boundary}--\r\n");
        len = add(len, Some(tail.len() as u64))?;
        segments.push(Segment::Bytes(io::Cursor::new(tail.into_bytes())));
        segments.reverse();
        Ok(MultipartBody {
            content_type: format!("multipart/form-data; boundary={boundary}"),
            len,
            segments,
        })
    }
}

/// A part's `Content-Disposition` line, without its line end: written here only, for the body
/// and for the typed mocks that match it.
pub(crate) fn disposition(name: &str, file_name: Option<&str>) -> String {
    match file_name {
        Some(file_name) => {
            format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"")
        }
        None => format!("Content-Disposition: form-data; name=\"{name}\""),
    }
}

/// A boundary that does not occur in any sane payload: `sunco-` and 32 random hex digits.
pub(crate) fn boundary() -> String {
    format!("sunco-{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..))
}

enum Segment {
    Bytes(io::Cursor<Vec<u8>>),
    Reader(Box<dyn Read + Send>),
}

/// One attempt's body: header bytes, sources and separators, read in order.
pub(crate) struct MultipartBody {
    pub(crate) content_type: String,
    pub(crate) len: Option<u64>,
    /// Remaining segments, last first.
    segments: Vec<Segment>,
}

/// Reads fill `buf` across segments: the bytes of a part header and the start of its file go
/// out in one write rather than the header alone first.
impl Read for MultipartBody {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut filled = 0;
        while filled < buf.len() {
            let Some(segment) = self.segments.last_mut() else {
                break;
            };
            let n = match segment {
                Segment::Bytes(cursor) => cursor.read(&mut buf[filled..])?,
                Segment::Reader(reader) => reader.read(&mut buf[filled..])?,
            };
            if n == 0 {
                self.segments.pop();
                continue;
            }
            filled += n;
            // A source read returns what it has; hand it on rather than wait for more.
            if matches!(segment, Segment::Reader(_)) {
                break;
            }
        }
        Ok(filled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    fn read_all(body: &mut MultipartBody) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        body.read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn body_layout_and_length() {
        let mut parts = Parts::new();
        parts.text("note", "hi".to_owned());
        parts.file("source", FilePart::from_bytes("a.png", b"PNG".to_vec()));
        let mut body = parts.body("B", 1 << 20).unwrap();
        let bytes = read_all(&mut body).unwrap();
        let expected = "--B\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n\
             --B\r\nContent-Disposition: form-data; name=\"source\"; filename=\"a.png\"\r\n\
             Content-Type: image/png\r\n\r\nPNG\r\n--B--\r\n";
        assert_eq!(String::from_utf8(bytes.clone()).unwrap(), expected);
        assert_eq!(body.len, Some(bytes.len() as u64));
    }

    #[test]
    fn short_and_long_readers_fail() {
        let mut parts = Parts::new();
        parts.file(
            "f",
            FilePart::from_reader("a", io::Cursor::new(vec![1u8; 3]), Some(5)),
        );
        let err = read_all(&mut parts.body("B", 100).unwrap()).unwrap_err();
        assert!(err.to_string().contains("ended after 3"), "{err}");

        // A reader is read up to its declared length and no further.
        let mut parts = Parts::new();
        parts.file(
            "f",
            FilePart::from_reader("a", OpenAfter(vec![7u8; 9], 5), Some(5)),
        );
        let body = read_all(&mut parts.body("B", 100).unwrap()).unwrap();
        assert!(body.windows(7).any(|w| w == b"\r\n\r\n\x07\x07\x07"));
        assert_eq!(body.iter().filter(|b| **b == 7).count(), 5);

        let mut parts = Parts::new();
        parts.file(
            "f",
            FilePart::from_reader("a", io::Cursor::new(vec![1u8; 200]), None),
        );
        let err = read_all(&mut parts.body("B", 100).unwrap()).unwrap_err();
        assert!(err.to_string().contains("upload limit"), "{err}");
    }

    /// A stream that gives its first `.1` bytes and then fails the test when read again, as a
    /// socket that stays open would block.
    struct OpenAfter(Vec<u8>, usize);

    impl Read for OpenAfter {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            assert!(self.1 > 0, "read past the declared length");
            let n = buf.len().min(self.1);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0.drain(..n);
            self.1 -= n;
            Ok(n)
        }
    }

    #[test]
    fn progress_counts_file_bytes() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        let mut parts = Parts::new();
        parts.file(
            "f",
            FilePart::from_reader("a", io::Cursor::new(vec![1u8; 10]), Some(10))
                .with_progress(move |sent, total| log.lock().unwrap().push((sent, total))),
        );
        let mut body = parts.body("B", 100).unwrap();
        read_all(&mut body).unwrap();
        let seen = seen.lock().unwrap();
        assert_eq!(seen.last(), Some(&(10, Some(10))));
        assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0));
    }

    #[test]
    fn a_reader_is_sent_once() {
        let mut parts = Parts::new();
        parts.file("f", FilePart::from_reader("a", io::empty(), Some(0)));
        assert!(!parts.is_replayable());
        assert!(parts.body("B", 10).is_ok());
        assert!(matches!(parts.body("B", 10), Err(Error::Source { .. })));
    }
}
