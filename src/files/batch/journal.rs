//! The journal of a batch: an append-only JSON Lines file, one record per state change of one
//! file, each on disk (written and `fsync`ed) before the batch goes on. It is the source of
//! truth of what was sent: the service has no idempotency keys and no way to list attachments.
//!
//! A record is a JSON object with `v` (1), `kind` (`upload` or `download`), `state`, `at` (when,
//! RFC 3339) and:
//!
//! - an upload: `path` (absolute), `size` and `mtime` (seconds since the epoch, with
//!   nanoseconds: `"1733620923.123456789"`), the file's identity; `sending` before its first
//!   byte; then `uploaded` with `mediaUrl` and `mediaType`, `failed` with `error` (nothing was
//!   stored), or `in_doubt` with `error` (the service may have stored it);
//! - a download: `url` (without user info or query), `urlSha256` (of the whole URL, its
//!   identity) and `path`; `downloading` with `part`, the temporary file, before its first
//!   request; then `downloaded` with `bytes`, or `failed` with `error`.
//!
//! Opening takes an exclusive lock on the file (the operating system's, released when the
//! process ends, however it ends): a second process is refused. A last line torn by a crash
//! is cut off, and any line that is not a record is skipped.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// The format's version, in every record's `v`.
const VERSION: u32 = 1;

/// One record: one state change of one file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Record {
    pub(super) v: u32,
    pub(super) kind: String,
    pub(super) state: String,
    #[serde(default)]
    pub(super) at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) path: Option<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) size: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) mtime: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) media_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) media_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) url_sha256: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) part: Option<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) bytes: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) error: Option<String>,
}

impl Record {
    /// A record of `kind` in `state`, stamped now.
    pub(super) fn new(kind: &str, state: &str) -> Record {
        Record {
            v: VERSION,
            kind: kind.to_owned(),
            state: state.to_owned(),
            at: rfc3339(SystemTime::now()),
            ..Record::default()
        }
    }
}

/// What the journal says of one file, from its last record: what a later run needs of it and
/// no more, so that the index of a journal of many files stays small.
#[derive(Debug, Default)]
#[cfg_attr(not(sunco_helper = "upload"), allow(dead_code))]
pub(super) struct Entry {
    pub(super) state: Box<str>,
    /// An upload's identity.
    pub(super) size: Option<u64>,
    pub(super) mtime: Option<Box<str>>,
    /// An upload's answer, reported again when it is skipped.
    pub(super) media_url: Option<Box<str>>,
    pub(super) media_type: Option<Box<str>>,
    /// Why an upload is in doubt.
    pub(super) error: Option<Box<str>>,
    /// A download's file, its size and its temporary file.
    pub(super) path: Option<Box<Path>>,
    pub(super) bytes: Option<u64>,
    pub(super) part: Option<Box<Path>>,
}

impl Entry {
    fn of(record: Record) -> Entry {
        let kept = |text: Option<String>| text.map(String::into_boxed_str);
        Entry {
            error: kept(record.error.filter(|_| record.state == "in_doubt")),
            state: record.state.into_boxed_str(),
            size: record.size,
            mtime: kept(record.mtime),
            media_url: kept(record.media_url),
            media_type: kept(record.media_type),
            path: record.path.map(PathBuf::into_boxed_path),
            bytes: record.bytes,
            part: record.part.map(PathBuf::into_boxed_path),
        }
    }
}

/// What the journal says of each file: uploads by path, downloads by their URL's digest.
#[derive(Debug, Default)]
pub(super) struct Index {
    pub(super) uploads: HashMap<Box<Path>, Entry>,
    pub(super) downloads: HashMap<Box<str>, Entry>,
}

impl Index {
    /// Keeps `record` as its file's last: an upload's path is its key alone.
    fn add(&mut self, mut record: Record) {
        match record.kind.as_str() {
            "upload" => {
                if let Some(path) = record.path.take() {
                    self.uploads
                        .insert(path.into_boxed_path(), Entry::of(record));
                }
            }
            "download" => {
                if let Some(digest) = record.url_sha256.take() {
                    self.downloads
                        .insert(digest.into_boxed_str(), Entry::of(record));
                }
            }
            _ => {}
        }
    }
}

/// How every record starts, as it is written (`v` first): a file that starts otherwise is no
/// journal, and is refused rather than cut.
const RECORD_START: &[u8] = br#"{"v":"#;

/// An open, locked journal.
pub(super) struct Journal {
    path: PathBuf,
    file: File,
    /// The length of its whole records: where a failed write is cut back to.
    length: u64,
}

impl Journal {
    /// Opens (or creates) the journal at `path`, locks it, and reads its index: the last
    /// record of each file. A torn last line is cut off; a file that is not a journal is
    /// refused untouched.
    pub(super) fn open(path: &Path) -> Result<(Journal, Index), Error> {
        let fail = |reason: &str, source: std::io::Error| Error::Journal {
            path: path.to_owned(),
            reason: reason.to_owned(),
            source: Some(source),
        };
        let created = path.symlink_metadata().is_err();
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(|e| fail("cannot open it", e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(Error::Journal {
                    path: path.to_owned(),
                    reason: "another process is using it (it holds the journal's lock); wait \
                             for it to end, or give this batch another journal"
                        .to_owned(),
                    source: None,
                });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(fail("cannot lock it", e)),
        }
        if created {
            // The new file's name on disk too, so that a power cut cannot lose the journal.
            sync_directory_of(path).map_err(|e| fail("cannot create it durably", e))?;
        }
        // Read a line at a time: the journal of a large batch holds a few records a file, and
        // only the index of their last ones is kept.
        let mut index = Index::default();
        let mut complete = 0u64;
        let mut line = Vec::new();
        let mut reader = std::io::BufReader::new(&mut file);
        let start = reader.fill_buf().map_err(|e| fail("cannot read it", e))?;
        let start = &start[..start.len().min(RECORD_START.len())];
        if !RECORD_START.starts_with(start) {
            return Err(Error::Journal {
                path: path.to_owned(),
                reason: "it is not a batch's journal (its first line is no record); nothing \
                         in it was changed: give the batch another path"
                    .to_owned(),
                source: None,
            });
        }
        loop {
            line.clear();
            let read = reader
                .read_until(b'\n', &mut line)
                .map_err(|e| fail("cannot read it", e))?;
            if read == 0 || line.last() != Some(&b'\n') {
                break;
            }
            complete += read as u64;
            if let Ok(record) = serde_json::from_slice::<Record>(&line) {
                index.add(record);
            }
        }
        let length = file
            .seek(SeekFrom::End(0))
            .map_err(|e| fail("cannot read it", e))?;
        if complete < length {
            // A line a crash cut short: gone, so that the next record starts a line of its own.
            // (Opened to append: the next write goes to the new end.)
            file.set_len(complete)
                .map_err(|e| fail("cannot cut its torn last line", e))?;
        }
        let journal = Journal {
            path: path.to_owned(),
            file,
            length: complete,
        };
        Ok((journal, index))
    }

    /// Appends `record` and waits until it is on disk. A write that fails is cut back off, so
    /// that no fragment is left for the next record to be glued to.
    pub(super) fn append(&mut self, record: &Record) -> Result<(), Error> {
        let mut line = serde_json::to_vec(record).map_err(|e| Error::Journal {
            path: self.path.clone(),
            reason: format!("cannot write a record: {e}"),
            source: None,
        })?;
        line.push(b'\n');
        let fail = |e: std::io::Error| Error::Journal {
            path: self.path.clone(),
            reason: "cannot write it".to_owned(),
            source: Some(e),
        };
        let written = self
            .file
            .write_all(&line)
            .and_then(|()| self.file.sync_data());
        match written {
            Ok(()) => {
                self.length += line.len() as u64;
                Ok(())
            }
            Err(e) => {
                let _ = self.file.set_len(self.length);
                Err(fail(e))
            }
        }
    }
}

/// Flushes the directory entry of `path` to disk (Unix; elsewhere, the file system's own
/// guarantees).
fn sync_directory_of(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        File::open(crate::files::directory_of(path))?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// A modification time as the journal writes it: seconds since the epoch, a dot, nanoseconds.
#[cfg_attr(not(sunco_helper = "upload"), allow(dead_code))]
pub(super) fn mtime_text(modified: Option<SystemTime>) -> String {
    let since = modified
        .and_then(|m| m.duration_since(UNIX_EPOCH).ok())
        .unwrap_or(Duration::ZERO);
    format!("{}.{:09}", since.as_secs(), since.subsec_nanos())
}

/// `when` in RFC 3339, UTC, to the second.
fn rfc3339(when: SystemTime) -> String {
    let seconds = when
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    // The civil date of a day count (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_rfc3339() {
        assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let when = UNIX_EPOCH + Duration::from_secs(1_733_620_923);
        assert_eq!(rfc3339(when), "2024-12-08T01:22:03Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400);
        assert_eq!(rfc3339(leap), "2000-02-29T00:00:00Z");
    }
}
