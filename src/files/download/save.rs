//! A download to a file: a temporary file in the target directory, renamed over the target
//! only when complete, removed otherwise.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use crate::call::outcome::Outcome;
use crate::error::Error;

use super::reader::MediaReader;
use super::reader::read_error;

/// A finished download to a file.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Downloaded {
    /// Where the file is.
    pub path: PathBuf,
    /// Its size: the bytes received.
    pub bytes: u64,
    /// The `Content-Type` the server gave.
    pub content_type: Option<String>,
    /// The `Content-Length` the server gave (none for a chunked body).
    pub content_length: Option<u64>,
    /// What the download's attempts did.
    pub outcome: Outcome,
}

/// A file in the target directory that holds the body until it is complete, removed unless
/// kept.
pub(super) struct Temporary {
    pub(super) path: PathBuf,
    pub(super) file: File,
    pub(super) kept: bool,
}

impl Temporary {
    /// A new file `.sunco-XXXXXXXX.part` in `directory`: 19 bytes whatever the target's name,
    /// so that any name the file system takes for the target works.
    pub(super) fn create(directory: &Path) -> Result<Temporary, Error> {
        let mut tries = 0;
        loop {
            let path = directory.join(format!(".sunco-{:08x}.part", fastrand::u32(..)));
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(file) => {
                    return Ok(Temporary {
                        path,
                        file,
                        kept: false,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 8 => tries += 1,
                Err(e) => return Err(save_error(&path, "cannot create it", e)),
            }
        }
    }

    /// The file at `path`, created or emptied: a temporary file whose name the caller chose.
    pub(super) fn at(path: &Path) -> Result<Temporary, Error> {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(path)
            .map_err(|e| save_error(path, "cannot create it", e))?;
        Ok(Temporary {
            path: path.to_owned(),
            file,
            kept: false,
        })
    }

    /// Moves the complete file to `path`: atomically replacing it when `overwrite`, else only
    /// if nothing is there (a hard link, which fails on an existing name). `durable`: its
    /// bytes are on disk (`fsync`) before it is moved.
    pub(super) fn keep_as(
        mut self,
        path: &Path,
        overwrite: bool,
        durable: bool,
    ) -> Result<(), Error> {
        self.file
            .flush()
            .and_then(|()| {
                if durable {
                    self.file.sync_data()
                } else {
                    Ok(())
                }
            })
            .map_err(|e| save_error(&self.path, "cannot write it", e))?;
        if overwrite {
            std::fs::rename(&self.path, path)
                .map_err(|e| save_error(path, "cannot move the download there", e))?;
            self.kept = true;
            return Ok(());
        }
        match std::fs::hard_link(&self.path, path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(Error::Save {
                path: path.to_owned(),
                reason: "a file appeared there while downloading; nothing was replaced".to_owned(),
                source: Some(e),
                outcome: Outcome::new(super::DOWNLOAD.harmless_to_repeat()),
            }),
            // No hard links here (some file systems): a rename after one more check.
            Err(_) if path.symlink_metadata().is_err() => {
                std::fs::rename(&self.path, path)
                    .map_err(|e| save_error(path, "cannot move the download there", e))?;
                self.kept = true;
                Ok(())
            }
            Err(e) => Err(save_error(path, "cannot move the download there", e)),
        }
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Copies the rest of the body into `file`; returns the body's size.
pub(super) fn copy(reader: &mut MediaReader, mut file: &File, path: &Path) -> Result<u64, Error> {
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let n = match reader.read(&mut buffer) {
            Ok(0) => return Ok(reader.received),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(read_error(e, reader)),
        };
        file.write_all(&buffer[..n])
            .map_err(|e| save_error(path, "cannot write it", e))?;
    }
}

pub(super) fn save_error(path: &Path, what: &str, error: io::Error) -> Error {
    Error::Save {
        path: path.to_owned(),
        reason: format!("{what}: {error}"),
        source: Some(error),
        outcome: Outcome::new(super::DOWNLOAD.harmless_to_repeat()),
    }
}
