//! Many files in one run, none sent twice: a batch of uploads ([`UploadBatch`]) or downloads
//! ([`DownloadBatch`]) on a few workers, every state change of every file recorded in a journal
//! that survives a crash at any instant (see `journal.rs` for its format). A second run with
//! the same journal resumes: it skips what is done, reports what was being sent when the
//! process died as in doubt (the service may have stored it; it has no idempotency keys and no
//! way to list attachments), and sends again what failed without being stored.
//!
//! The workers are threads sharing the client, so they share its limits: the retry quota, a
//! `429`'s wait and the pace. The callbacks run on the thread that runs the batch.

mod journal;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::{Sender, channel};

use crate::call::cancel::CancelToken;
use crate::client::Client;
use crate::error::Error;

use journal::{Journal, Record};

/// Why a file whose path is not UTF-8 is not sent: the journal, JSON, holds text only.
/// Why a file whose path is not UTF-8 fails alone, `not_done` ("sent", "downloaded").
fn not_utf8(not_done: &str) -> String {
    format!("its path is not UTF-8, which the journal cannot record; not {not_done}")
}

/// Workers a batch runs on unless told otherwise.
pub const DEFAULT_BATCH_WORKERS: usize = 4;

/// The most workers a batch runs on.
pub const MAX_BATCH_WORKERS: usize = 64;

/// How one file of a batch ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FileStatus {
    /// Uploaded in this run.
    Uploaded,
    /// Downloaded in this run.
    Downloaded,
    /// Done in an earlier run, as the journal says (an upload's media URL is the journal's).
    Skipped,
    /// The service may have stored it, and it is not sent again unless asked: it was being
    /// sent when a run died, its answer was lost after it may have been stored, or it was
    /// cancelled while its bytes may have reached the service.
    InDoubt,
    /// It failed, and was not stored: a later run sends it again.
    Failed,
}

impl FileStatus {
    /// The status as the command line and the journal's readers name it: `uploaded`,
    /// `downloaded`, `skipped`, `in_doubt`, `failed`.
    pub fn as_str(self) -> &'static str {
        match self {
            FileStatus::Uploaded => "uploaded",
            FileStatus::Downloaded => "downloaded",
            FileStatus::Skipped => "skipped",
            FileStatus::InDoubt => "in_doubt",
            FileStatus::Failed => "failed",
        }
    }
}

/// One file's end, handed to [`UploadBatch::on_file`] or [`DownloadBatch::on_file`] as it
/// ends.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FileResult {
    /// The file: the one uploaded, or where a download is saved.
    pub path: PathBuf,
    /// A download's URL, as it may be shown: without user info or query.
    pub url: Option<String>,
    /// How it ended.
    pub status: FileStatus,
    /// An upload's media URL: this run's, or the journal's for a skipped one.
    pub media_url: Option<String>,
    /// An upload's media type, likewise.
    pub media_type: Option<String>,
    /// A download's size.
    pub bytes: Option<u64>,
    /// What went wrong, for a file in doubt or failed.
    pub error: Option<String>,
    /// What else to know: a file uploaded again because it changed since it was done, one in
    /// doubt sent again, or a result the journal could not record.
    pub note: Option<String>,
}

impl FileResult {
    fn new(path: PathBuf, status: FileStatus) -> FileResult {
        FileResult {
            path,
            url: None,
            status,
            media_url: None,
            media_type: None,
            bytes: None,
            error: None,
            note: None,
        }
    }

    /// A file that failed with `error`.
    fn failed(path: PathBuf, error: String) -> FileResult {
        FileResult {
            error: Some(error),
            ..FileResult::new(path, FileStatus::Failed)
        }
    }
}

/// How far a batch is: files and bytes done, out of the totals (an upload batch knows its bytes
/// before the first is sent; a download batch learns them as answers announce them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct BatchProgress {
    /// Files ended, skipped ones included.
    pub files_done: usize,
    /// Files in the batch.
    pub files_total: usize,
    /// Bytes sent or received in this run.
    pub bytes_done: u64,
    /// Bytes this run moves in all, when known.
    pub bytes_total: Option<u64>,
}

/// What a batch did: how many files ended each way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct BatchSummary {
    /// Uploaded in this run.
    pub uploaded: usize,
    /// Downloaded in this run.
    pub downloaded: usize,
    /// Done in an earlier run.
    pub skipped: usize,
    /// May have been stored; not sent again unless asked.
    pub in_doubt: usize,
    /// Failed without being stored.
    pub failed: usize,
    /// Whether the batch was cancelled: the files it did not start are in no count.
    pub cancelled: bool,
}

impl BatchSummary {
    /// Whether every file was uploaded, downloaded or skipped (and none left unstarted).
    pub fn complete(&self) -> bool {
        self.in_doubt == 0 && self.failed == 0 && !self.cancelled
    }

    fn total(&self) -> usize {
        self.uploaded + self.downloaded + self.skipped + self.in_doubt + self.failed
    }

    fn count(&mut self, status: FileStatus) {
        match status {
            FileStatus::Uploaded => self.uploaded += 1,
            FileStatus::Downloaded => self.downloaded += 1,
            FileStatus::Skipped => self.skipped += 1,
            FileStatus::InDoubt => self.in_doubt += 1,
            FileStatus::Failed => self.failed += 1,
        }
    }
}

type OnFile<'c> = Box<dyn FnMut(&FileResult) + 'c>;
type OnProgress<'c> = Box<dyn FnMut(BatchProgress) + 'c>;

/// What the workers tell the thread that runs the batch.
enum Event {
    /// Bytes moved.
    Bytes(u64),
    /// A download announced its size.
    Announced(u64),
    /// A file ended.
    Done(FileResult),
}

/// What both kinds of batch are configured with.
struct Common<'c> {
    client: &'c Client,
    journal: PathBuf,
    workers: usize,
    on_file: Option<OnFile<'c>>,
    on_progress: Option<OnProgress<'c>>,
    cancel: Option<CancelToken>,
}

impl<'c> Common<'c> {
    fn new(client: &'c Client, journal: &Path) -> Common<'c> {
        Common {
            client,
            journal: journal.to_owned(),
            workers: DEFAULT_BATCH_WORKERS,
            on_file: None,
            on_progress: None,
            cancel: None,
        }
    }

    /// Reports a file that ended, counting it: as soon as it does (one that ended before any
    /// work, too: skipped, in doubt, refused), so that a batch keeps no result of its own,
    /// whatever its number of files.
    fn end(&mut self, summary: &mut BatchSummary, result: FileResult) {
        summary.count(result.status);
        if let Some(on_file) = &mut self.on_file {
            on_file(&result);
        }
    }

    fn check(&self) -> Result<(), Error> {
        if !(1..=MAX_BATCH_WORKERS).contains(&self.workers) {
            return Err(Error::invalid(
                "workers",
                format!("must be 1 to {MAX_BATCH_WORKERS}, not {}", self.workers),
            ));
        }
        Ok(())
    }
}

/// Runs `jobs` on `common.workers` threads, `work` doing one each, and hands what they report
/// to the callbacks; `summary` already counts the files that ended before any work (skipped,
/// in doubt, refused), which were reported as they were planned, and `bytes_total` is what
/// the jobs will move when it is known before they start. No job starts once `shared` says
/// to stop (the batch was cancelled, or its journal broke); a broken journal is the batch's
/// error.
fn run_pool<J: Send>(
    common: &mut Common<'_>,
    shared: &Shared,
    mut summary: BatchSummary,
    jobs: VecDeque<J>,
    bytes_total: Option<u64>,
    work: impl Fn(J, &Sender<Event>) -> FileResult + Sync,
) -> Result<BatchSummary, Error> {
    let mut progress = BatchProgress {
        files_done: summary.total(),
        files_total: summary.total() + jobs.len(),
        bytes_total,
        ..BatchProgress::default()
    };
    let report = |event: Event,
                  progress: &mut BatchProgress,
                  summary: &mut BatchSummary,
                  common: &mut Common<'_>| {
        match event {
            Event::Bytes(n) => progress.bytes_done += n,
            Event::Announced(n) => {
                progress.bytes_total = Some(progress.bytes_total.unwrap_or(0) + n);
            }
            Event::Done(result) => {
                progress.files_done += 1;
                common.end(summary, result);
            }
        }
        if let Some(on_progress) = &mut common.on_progress {
            on_progress(*progress);
        }
    };
    if let Some(on_progress) = &mut common.on_progress {
        on_progress(progress);
    }
    let workers = common.workers.min(jobs.len()).max(1);
    let queue = Mutex::new(jobs);
    let (sender, events) = channel();
    let run_worker = |sender: Sender<Event>| {
        loop {
            if shared.stopping() {
                return;
            }
            let job = queue.lock().unwrap_or_else(|p| p.into_inner()).pop_front();
            let Some(job) = job else { return };
            let _ = sender.send(Event::Done(work(job, &sender)));
        }
    };
    std::thread::scope(|scope| {
        let mut started = 0;
        for _ in 0..workers {
            let sender = sender.clone();
            let spawned = std::thread::Builder::new()
                .name("batch worker".to_owned())
                .spawn_scoped(scope, move || run_worker(sender));
            if spawned.is_err() {
                // No thread to be had (a process limit): the batch runs on fewer workers.
                break;
            }
            started += 1;
        }
        if started == 0 {
            // Not one: the calling thread works through the queue itself.
            run_worker(sender);
        } else {
            drop(sender);
        }
        for event in events {
            report(event, &mut progress, &mut summary, common);
        }
    });
    summary.cancelled =
        shared.cancel.is_cancelled() && !queue.lock().unwrap_or_else(|p| p.into_inner()).is_empty();
    match shared.take_error() {
        Some(e) => Err(e),
        None => Ok(summary),
    }
}

/// The journal, shared by the workers; a failure to write it stops the batch, and is its
/// error. `cancel` is the caller's token, which the calls in flight watch.
struct Shared {
    journal: Mutex<Journal>,
    broken: Mutex<Option<Error>>,
    cancel: CancelToken,
}

impl Shared {
    fn new(journal: Journal, cancel: Option<CancelToken>) -> Shared {
        Shared {
            journal: Mutex::new(journal),
            broken: Mutex::new(None),
            cancel: cancel.unwrap_or_default(),
        }
    }

    /// Whether no file should start: the batch was cancelled, or its journal broke.
    fn stopping(&self) -> bool {
        self.cancel.is_cancelled() || self.is_broken()
    }

    /// Whether the journal could not be written.
    fn is_broken(&self) -> bool {
        self.broken
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_some()
    }

    /// Records `record`; `false` when the journal cannot be written (the batch then stops, and
    /// nothing more is written to it).
    fn record(&self, record: &Record) -> bool {
        let mut journal = self.journal.lock().unwrap_or_else(|p| p.into_inner());
        if self.is_broken() {
            return false;
        }
        let written = journal.append(record);
        match written {
            Ok(()) => true,
            Err(e) => {
                let mut broken = self.broken.lock().unwrap_or_else(|p| p.into_inner());
                if broken.is_none() {
                    *broken = Some(e);
                }
                false
            }
        }
    }

    fn take_error(&self) -> Option<Error> {
        self.broken.lock().unwrap_or_else(|p| p.into_inner()).take()
    }
}

/// The settings both kinds of batch take, on their `common` (in scope of the modules declared
/// below it).
macro_rules! common_settings {
    () => {
        /// Runs the batch on `workers` threads (default [`DEFAULT_BATCH_WORKERS`](crate::DEFAULT_BATCH_WORKERS), at most
        /// [`MAX_BATCH_WORKERS`](crate::MAX_BATCH_WORKERS)).
        pub fn workers(mut self, workers: usize) -> Self {
            self.common.workers = workers;
            self
        }

        /// Calls `on_file` as each file ends (skipped ones first), on the thread that runs
        /// the batch.
        pub fn on_file(mut self, on_file: impl FnMut(&FileResult) + 'c) -> Self {
            self.common.on_file = Some(Box::new(on_file));
            self
        }

        /// Calls `on_progress` as files and bytes move, on the thread that runs the batch.
        pub fn on_progress(mut self, on_progress: impl FnMut(BatchProgress) + 'c) -> Self {
            self.common.on_progress = Some(Box::new(on_progress));
            self
        }

        /// Once `token` is cancelled, no file starts, and the files in flight are cancelled:
        /// a download leaves no file, an upload whose bytes may have reached the service is
        /// in doubt. Their records are on disk when [`run`](Self::run) returns.
        pub fn cancel_with(mut self, token: &CancelToken) -> Self {
            self.common.cancel = Some(token.clone());
            self
        }
    };
}

mod download;
// Uploads need the document's upload operation (the helper `Client::upload`).
#[cfg(sunco_helper = "upload")]
mod upload;

pub use download::DownloadBatch;
#[cfg(sunco_helper = "upload")]
pub use upload::UploadBatch;
