//! A batch of downloads: each URL named in its directory, planned against the journal, then
//! saved on the workers through a temporary file the journal names.

use std::collections::{HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

use super::journal::{Index, Journal, Record};
use super::{
    BatchProgress, BatchSummary, Common, Event, FileResult, FileStatus, Shared, not_utf8, run_pool,
};
use crate::call::cancel::CancelToken;
use crate::client::Client;
use crate::error::Error;
use crate::files::directory_of;
use crate::safe_text::shown_url;

/// A batch of downloads, from [`Client::download_batch`]: URLs saved to paths, recorded in a
/// journal. [`run`](Self::run) downloads them.
#[must_use = "a batch does nothing until `run` is called"]
pub struct DownloadBatch<'c> {
    common: Common<'c>,
    items: Vec<(String, PathBuf)>,
    /// Directories, each with the URLs to download into it.
    into_dir: Vec<(PathBuf, Vec<String>)>,
}

impl Client {
    /// A batch of downloads recorded in the journal at `journal`. See [`DownloadBatch`].
    pub fn download_batch(&self, journal: impl AsRef<Path>) -> DownloadBatch<'_> {
        DownloadBatch {
            common: Common::new(self, journal.as_ref()),
            items: Vec::new(),
            into_dir: Vec::new(),
        }
    }
}

impl<'c> DownloadBatch<'c> {
    common_settings!();

    /// Adds a download of `url` saved to `path`.
    pub fn download(mut self, url: impl Into<String>, path: impl Into<PathBuf>) -> Self {
        self.items.push((url.into(), path.into()));
        self
    }

    /// Adds a download of each of `urls` into the directory `dir`, each named as
    /// [`file_name_from_url`](crate::file_name_from_url) names it and made unique within the
    /// directory (`photo-2.png` next to another `photo.png`); a URL an earlier run of the
    /// journal downloaded keeps its name.
    pub fn into_dir<I, U>(mut self, dir: impl AsRef<Path>, urls: I) -> Self
    where
        I: IntoIterator<Item = U>,
        U: Into<String>,
    {
        self.into_dir.push((
            dir.as_ref().to_owned(),
            urls.into_iter().map(Into::into).collect(),
        ));
        self
    }

    /// Downloads the files. A file recorded as downloaded and present with its size is
    /// skipped; the temporary file a killed run left is removed before its download starts
    /// again; nothing but the files is left once the batch completes; a URL given twice is
    /// downloaded once. Fails when the batch cannot run, before anything is sent (settings; the
    /// journal locked by another process, not a journal, not writable), or with
    /// [`Error::Journal`] when the journal can no longer be written: no file starts after that,
    /// and those that ended were handed to `on_file`.
    pub fn run(mut self) -> Result<BatchSummary, Error> {
        self.common.check()?;
        let (journal, index) = Journal::open(&self.common.journal)?;
        let items = self.assign_names(&index);
        let mut summary = BatchSummary::default();
        let mut jobs = VecDeque::new();
        for (digest, url, path) in items {
            let last = index.downloads.get(digest.as_str());
            let shown = shown_url(&url);
            if path.to_str().is_none() {
                self.common.end(
                    &mut summary,
                    FileResult {
                        url: Some(shown),
                        ..FileResult::failed(path, not_utf8("downloaded"))
                    },
                );
                continue;
            }
            let done = last.filter(|last| {
                &*last.state == "downloaded"
                    && last.path.as_deref() == Some(path.as_path())
                    && std::fs::metadata(&path).is_ok_and(|m| Some(m.len()) == last.bytes)
            });
            if let Some(done) = done {
                self.common.end(
                    &mut summary,
                    FileResult {
                        url: Some(shown),
                        bytes: done.bytes,
                        ..FileResult::new(path, FileStatus::Skipped)
                    },
                );
                continue;
            }
            // A killed run's temporary file goes before the download starts again.
            if let Some(part) = last.and_then(|last| last.part.as_deref()) {
                let _ = std::fs::remove_file(part);
            }
            // A file at `path` is this journal's own when an earlier run downloaded it there,
            // or was killed after moving it there: it may be replaced. One that was there
            // before (a download that failed because the path was taken) is the user's.
            let ours = last.is_some_and(|last| {
                matches!(&*last.state, "downloaded" | "downloading")
                    && last.path.as_deref() == Some(path.as_path())
            });
            jobs.push_back(DownloadJob {
                url,
                shown,
                digest,
                path,
                overwrite: ours,
            });
        }
        let shared = Shared::new(journal, self.common.cancel.clone());
        let client = self.common.client;
        run_pool(
            &mut self.common,
            &shared,
            summary,
            jobs,
            None,
            |job, events| download_one(client, &shared, job, events),
        )
    }

    /// Every download once (a URL given twice is downloaded once, under its first name), with
    /// its URL's digest and its path: those given, then those into a directory, named there.
    fn assign_names(&mut self, index: &Index) -> Vec<Planned> {
        // Paths as the journal records them, whatever way they were given (`out/a.png`,
        // `./out/a.png`), so that a later run finds them.
        let given: Vec<(String, PathBuf)> = std::mem::take(&mut self.items)
            .into_iter()
            .map(|(url, path)| (url, resolved(&path)))
            .collect();
        // Names already given: the journal's, and those of this run.
        let mut taken: HashSet<PathBuf> = index
            .downloads
            .values()
            .filter_map(|entry| entry.path.as_deref().map(Path::to_path_buf))
            .chain(given.iter().map(|(_, path)| path.clone()))
            .collect();
        let mut seen = HashSet::new();
        let mut items: Vec<Planned> = given
            .into_iter()
            .filter_map(|(url, path)| {
                let digest = url_digest(&url);
                seen.insert(digest.clone()).then_some((digest, url, path))
            })
            .collect();
        for (dir, urls) in std::mem::take(&mut self.into_dir) {
            let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
            for url in urls {
                let digest = url_digest(&url);
                if !seen.insert(digest.clone()) {
                    continue;
                }
                let recorded = index
                    .downloads
                    .get(digest.as_str())
                    .and_then(|entry| entry.path.as_deref())
                    .filter(|path| path.parent() == Some(&dir));
                if let Some(path) = recorded {
                    let path = path.to_path_buf();
                    items.push((digest, url, path));
                    continue;
                }
                let name = crate::files::filename::file_name_from_url(&url);
                let (stem, extension) = match name.rsplit_once('.') {
                    Some((stem, extension)) if !stem.is_empty() => (stem, format!(".{extension}")),
                    _ => (name.as_str(), String::new()),
                };
                let mut path = dir.join(&name);
                let mut n = 2;
                while taken.contains(&path) || path.symlink_metadata().is_ok() {
                    path = dir.join(format!("{stem}-{n}{extension}"));
                    n += 1;
                }
                taken.insert(path.clone());
                items.push((digest, url, path));
            }
        }
        items
    }
}

/// A download as planned: its URL's digest, its URL, its path.
type Planned = (String, String, PathBuf);

/// `path` with its directory made absolute and resolved (`./out/a.png` and `out/a.png` are
/// one path); as given when the directory cannot be resolved.
fn resolved(path: &Path) -> PathBuf {
    let Some(name) = path.file_name() else {
        return path.to_owned();
    };
    std::fs::canonicalize(directory_of(path)).map_or_else(|_| path.to_owned(), |d| d.join(name))
}

/// A file to download.
struct DownloadJob {
    url: String,
    shown: String,
    digest: String,
    path: PathBuf,
    /// Whether an earlier run of the journal chose `path` (a file there is its own).
    overwrite: bool,
}

/// The hex SHA-256 of a URL: its identity in the journal, which never holds a signed URL's
/// query.
fn url_digest(url: &str) -> String {
    ring::digest::digest(&ring::digest::SHA256, url.as_bytes())
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Downloads one file: its `downloading` record (with its temporary file) on disk first, then
/// the download, then its result's record.
fn download_one(
    client: &Client,
    shared: &Shared,
    job: DownloadJob,
    events: &Sender<Event>,
) -> FileResult {
    let DownloadJob {
        url,
        shown,
        digest,
        path,
        overwrite,
    } = job;
    let part = directory_of(&path).join(format!(".sunco-{}.part", &digest[..16]));
    let record = |state: &str| Record {
        url: Some(shown.clone()),
        url_sha256: Some(digest.clone()),
        path: Some(path.clone()),
        ..Record::new("download", state)
    };
    let result = |status: FileStatus| FileResult {
        url: Some(shown.clone()),
        ..FileResult::new(path.clone(), status)
    };
    if !shared.record(&Record {
        part: Some(part.clone()),
        ..record("downloading")
    }) {
        return FileResult {
            error: Some("the journal could not be written: not downloaded".to_owned()),
            ..result(FileStatus::Failed)
        };
    }
    let sender = events.clone();
    let (mut got, mut announced) = (0u64, false);
    let download = client
        .download(&url)
        .overwrite(overwrite)
        .cancel_with(&shared.cancel)
        .on_progress(move |now, total| {
            if !announced && let Some(total) = total {
                announced = true;
                let _ = sender.send(Event::Announced(total));
            }
            if now > got {
                let _ = sender.send(Event::Bytes(now - got));
                got = now;
            }
        });
    match download.save(&path, Some(&part)) {
        Ok(saved) => {
            shared.record(&Record {
                bytes: Some(saved.bytes),
                ..record("downloaded")
            });
            FileResult {
                bytes: Some(saved.bytes),
                ..result(FileStatus::Downloaded)
            }
        }
        Err(e) => {
            let error = e.to_string();
            shared.record(&Record {
                error: Some(error.clone()),
                ..record("failed")
            });
            FileResult {
                error: Some(error),
                ..result(FileStatus::Failed)
            }
        }
    }
}
