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

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};

use crate::call::cancel::CancelToken;
use crate::client::Client;
use crate::error::Error;
use crate::files::upload::{Access, For, Upload};
use crate::safe_text::shown_url;

use journal::{Entry, Index, Journal, Record, mtime_text};

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
    /// What else to know: a file uploaded again because it changed since it was done.
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

    /// Reports a file that ended before any work (skipped, or refused): at once, so that a
    /// batch keeps no result of its own, whatever its number of files.
    fn end_early(&mut self, summary: &mut BatchSummary, result: FileResult) {
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
/// to the callbacks; `summary` and `progress` already count the files that ended before any
/// work (skipped, in doubt, refused), which were reported as they were planned. No job
/// starts once `shared` says to stop (the batch was cancelled, or its journal broke).
fn run_pool<J: Send>(
    common: &mut Common<'_>,
    shared: &Shared,
    mut summary: BatchSummary,
    jobs: VecDeque<J>,
    mut progress: BatchProgress,
    work: impl Fn(J, &Sender<Event>) -> FileResult + Sync,
) -> BatchSummary {
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
                summary.count(result.status);
                if let Some(on_file) = &mut common.on_file {
                    on_file(&result);
                }
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
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let (sender, queue, work) = (sender.clone(), &queue, &work);
            scope.spawn(move || {
                loop {
                    if shared.stopping() {
                        return;
                    }
                    let job = queue.lock().unwrap_or_else(|p| p.into_inner()).pop_front();
                    let Some(job) = job else { return };
                    let _ = sender.send(Event::Done(work(job, &sender)));
                }
            });
        }
        drop(sender);
        for event in events {
            report(event, &mut progress, &mut summary, common);
        }
    });
    summary.cancelled =
        shared.cancel.is_cancelled() && !queue.lock().unwrap_or_else(|p| p.into_inner()).is_empty();
    summary
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

    /// Records `record`; `false` when the journal cannot be written (the batch then stops).
    fn record(&self, record: &Record) -> bool {
        let written = self
            .journal
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .append(record);
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

/// A batch of uploads, from [`Client::upload_batch`]: every file with the same settings (access,
/// what it is for, the conversation, the file check), recorded in a journal. [`run`](Self::run)
/// uploads them.
///
/// ```no_run
/// use sunshine_conversations_client::{Client, FileStatus};
///
/// let client = Client::from_env()?;
/// let summary = client
///     .upload_batch("tonight.journal")
///     .files(["a.pdf", "b.pdf"])
///     .for_message()
///     .on_file(|file| println!("{} {}", file.path.display(), file.status.as_str()))
///     .run()?;
/// println!("{} uploaded, {} in doubt", summary.uploaded, summary.in_doubt);
/// # Ok::<(), sunshine_conversations_client::Error>(())
/// ```
#[must_use = "a batch does nothing until `run` is called"]
pub struct UploadBatch<'c> {
    common: Common<'c>,
    files: Vec<PathBuf>,
    access: Access,
    intended_for: Option<For>,
    conversation_id: Option<String>,
    file_check: bool,
    resend_in_doubt: bool,
}

/// A batch of downloads, from [`Client::download_batch`]: URLs saved to paths, recorded in a
/// journal. [`run`](Self::run) downloads them.
#[must_use = "a batch does nothing until `run` is called"]
pub struct DownloadBatch<'c> {
    common: Common<'c>,
    items: Vec<(String, PathBuf)>,
    into_dir: Vec<(PathBuf, String)>,
}

impl Client {
    /// A batch of uploads recorded in the journal at `journal` (created if it does not exist;
    /// an earlier run's journal resumes that run). See [`UploadBatch`].
    pub fn upload_batch(&self, journal: impl AsRef<Path>) -> UploadBatch<'_> {
        UploadBatch {
            common: Common::new(self, journal.as_ref()),
            files: Vec::new(),
            access: Access::Public,
            intended_for: None,
            conversation_id: None,
            file_check: true,
            resend_in_doubt: false,
        }
    }

    /// A batch of downloads recorded in the journal at `journal`. See [`DownloadBatch`].
    pub fn download_batch(&self, journal: impl AsRef<Path>) -> DownloadBatch<'_> {
        DownloadBatch {
            common: Common::new(self, journal.as_ref()),
            items: Vec::new(),
            into_dir: Vec::new(),
        }
    }
}

macro_rules! common_settings {
    () => {
        /// Runs the batch on `workers` threads (default [`DEFAULT_BATCH_WORKERS`], at most
        /// [`MAX_BATCH_WORKERS`]).
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

impl<'c> UploadBatch<'c> {
    common_settings!();

    /// Adds a file.
    pub fn file(mut self, path: impl Into<PathBuf>) -> Self {
        self.files.push(path.into());
        self
    }

    /// Adds files.
    pub fn files<I, P>(mut self, paths: I) -> Self
    where
        I: IntoIterator<Item = P>,
        P: Into<PathBuf>,
    {
        self.files.extend(paths.into_iter().map(Into::into));
        self
    }

    /// Who may read the attachments (default [`Access::Public`]).
    pub fn access(mut self, access: Access) -> Self {
        self.access = access;
        self
    }

    /// What the attachments are for.
    pub fn intended_for(mut self, intended_for: For) -> Self {
        self.intended_for = Some(intended_for);
        self
    }

    /// The attachments are for messages.
    pub fn for_message(self) -> Self {
        self.intended_for(For::Message)
    }

    /// The conversation the attachments are for.
    pub fn conversation_id(mut self, id: impl Into<String>) -> Self {
        self.conversation_id = Some(id.into());
        self
    }

    /// Skips the check of each file against the service's file validation
    /// ([`Upload::without_file_check`]).
    pub fn without_file_check(mut self) -> Self {
        self.file_check = false;
        self
    }

    /// Sends again the files in doubt (default: not: the service may have stored them, and a
    /// second upload would store them twice).
    pub fn resend_in_doubt(mut self, resend: bool) -> Self {
        self.resend_in_doubt = resend;
        self
    }

    /// Uploads the files. Fails only when the batch cannot run (settings, the journal: locked
    /// by another process, not writable); each file's end is in its [`FileResult`], and the
    /// counts in the [`BatchSummary`].
    pub fn run(mut self) -> Result<BatchSummary, Error> {
        self.common.check()?;
        let (journal, index) = Journal::open(&self.common.journal)?;
        let mut summary = BatchSummary::default();
        let mut jobs = VecDeque::new();
        let mut bytes_total = 0u64;
        let mut seen = HashSet::new();
        for path in std::mem::take(&mut self.files) {
            let path = std::fs::canonicalize(&path).unwrap_or(path);
            if !seen.insert(path.clone()) {
                continue;
            }
            let metadata = match std::fs::metadata(&path) {
                Ok(metadata) if metadata.is_file() => metadata,
                Ok(_) => {
                    self.common
                        .end_early(&mut summary, failed(path, "not a regular file".to_owned()));
                    continue;
                }
                Err(e) => {
                    self.common
                        .end_early(&mut summary, failed(path, format!("cannot read it: {e}")));
                    continue;
                }
            };
            let identity = (metadata.len(), mtime_text(metadata.modified().ok()));
            match plan_upload(
                index.uploads.get(path.as_path()),
                &identity,
                self.resend_in_doubt,
            ) {
                Plan::Ended(mut result) => {
                    result.path = path;
                    self.common.end_early(&mut summary, result);
                }
                Plan::Send(note) => {
                    bytes_total += identity.0;
                    jobs.push_back(UploadJob {
                        path,
                        size: identity.0,
                        mtime: identity.1,
                        note,
                    });
                }
            }
        }
        let files_done = summary.total();
        let files_total = files_done + jobs.len();
        let shared = Arc::new(Shared::new(journal, self.common.cancel.clone()));
        let client = self.common.client;
        let settings = (
            self.access.clone(),
            self.intended_for.clone(),
            self.conversation_id.clone(),
            self.file_check,
        );
        let progress = BatchProgress {
            files_done,
            files_total,
            bytes_total: Some(bytes_total),
            ..BatchProgress::default()
        };
        let summary = run_pool(
            &mut self.common,
            &shared,
            summary,
            jobs,
            progress,
            |job, events| upload_one(client, &settings, &shared, job, events),
        );
        match shared.take_error() {
            Some(e) => Err(e),
            None => Ok(summary),
        }
    }
}

/// A file to upload, with its identity as the journal records it.
struct UploadJob {
    path: PathBuf,
    size: u64,
    mtime: String,
    note: Option<String>,
}

/// What to do with a file, from its last record.
enum Plan {
    /// Nothing: it ended as this says.
    Ended(FileResult),
    /// Send it (the note says why again, when it was done before).
    Send(Option<String>),
}

fn failed(path: PathBuf, error: String) -> FileResult {
    FileResult {
        error: Some(error),
        ..FileResult::new(path, FileStatus::Failed)
    }
}

/// What to do with an upload whose identity is `identity` and whose last record is `last`.
fn plan_upload(last: Option<&Entry>, identity: &(u64, String), resend_in_doubt: bool) -> Plan {
    let Some(last) = last else {
        return Plan::Send(None);
    };
    let same = last.size == Some(identity.0) && last.mtime.as_deref() == Some(identity.1.as_str());
    match &*last.state {
        "uploaded" if same => Plan::Ended(FileResult {
            media_url: last.media_url.as_deref().map(str::to_owned),
            media_type: last.media_type.as_deref().map(str::to_owned),
            ..FileResult::new(PathBuf::new(), FileStatus::Skipped)
        }),
        "uploaded" => Plan::Send(Some(
            "uploaded again: its size or modification time changed since it was uploaded"
                .to_owned(),
        )),
        "sending" | "in_doubt" if same && !resend_in_doubt => Plan::Ended(FileResult {
            error: Some(match (&*last.state, &last.error) {
                ("sending", _) => "it was being sent when an earlier run ended; the service may \
                                   have stored it"
                    .to_owned(),
                (_, Some(error)) => error.to_string(),
                (_, None) => "the service may have stored it".to_owned(),
            }),
            ..FileResult::new(PathBuf::new(), FileStatus::InDoubt)
        }),
        "sending" | "in_doubt" if same => Plan::Send(Some(
            "sent again although the service may have stored it (resend in doubt)".to_owned(),
        )),
        _ => Plan::Send(None),
    }
}

/// Uploads one file: its `sending` record goes to disk once the request's head is on the wire
/// and before any byte of its body (a crash before it leaves a request the service could not
/// have stored; one after it, a file in doubt that the service has seen), then its result's
/// record.
fn upload_one(
    client: &Client,
    settings: &(Access, Option<For>, Option<String>, bool),
    shared: &Arc<Shared>,
    job: UploadJob,
    events: &Sender<Event>,
) -> FileResult {
    let UploadJob {
        path,
        size,
        mtime,
        note,
    } = job;
    let record = |state: &str| Record {
        path: Some(path.clone()),
        size: Some(size),
        mtime: Some(mtime.clone()),
        ..Record::new("upload", state)
    };
    let (access, intended_for, conversation_id, file_check) = settings;
    let mut upload = match Upload::path(&path) {
        Ok(upload) => upload.access(access.clone()),
        Err(e) => {
            let result = failed(path.clone(), e.to_string());
            shared.record(&Record {
                error: result.error.clone(),
                ..record("failed")
            });
            return result;
        }
    };
    if let Some(intended_for) = intended_for {
        upload = upload.intended_for(intended_for.clone());
    }
    if let Some(id) = conversation_id {
        upload = upload.conversation_id(id.clone());
    }
    if !file_check {
        upload = upload.without_file_check();
    }
    let sender = events.clone();
    let mut sent = 0u64;
    upload = upload
        .options(crate::RequestOptions::new().cancel_with(&shared.cancel))
        .on_progress(move |now, _| {
            // Counted once: a retried attempt starts again from 0.
            if now > sent {
                let _ = sender.send(Event::Bytes(now - sent));
                sent = now;
            }
        });
    // Whether the body started: only then can the service have stored the file.
    let started = Arc::new(AtomicBool::new(false));
    let (journal, sending, body) = (Arc::clone(shared), record("sending"), Arc::clone(&started));
    upload.file = upload.file.before_first_read(move || {
        if journal.record(&sending) {
            body.store(true, Ordering::SeqCst);
            Ok(())
        } else {
            Err(std::io::Error::other("the journal could not be written"))
        }
    });
    let mut result = match client.upload(upload) {
        Ok(attachment) => {
            shared.record(&Record {
                media_url: Some(attachment.media_url.clone()),
                media_type: attachment.media_type.clone(),
                ..record("uploaded")
            });
            FileResult {
                media_url: Some(attachment.media_url),
                media_type: attachment.media_type,
                ..FileResult::new(path, FileStatus::Uploaded)
            }
        }
        Err(_) if shared.is_broken() => {
            return failed(
                path,
                "the journal could not be written: not sent".to_owned(),
            );
        }
        Err(e) => {
            // Stored or not: what the error knows, once the body started. A cancelled upload
            // whose bytes went out, or an answer lost after the request was sent, may have been
            // stored; a request refused before its body (a `429`, the file check) was not.
            let in_doubt = started.load(Ordering::SeqCst)
                && !e.nothing_sent()
                && (e.may_have_been_processed() || matches!(e, Error::Cancelled { .. }));
            let (state, status) = if in_doubt {
                ("in_doubt", FileStatus::InDoubt)
            } else {
                ("failed", FileStatus::Failed)
            };
            let error = e.to_string();
            shared.record(&Record {
                error: Some(error.clone()),
                ..record(state)
            });
            FileResult {
                error: Some(error),
                ..FileResult::new(path, status)
            }
        }
    };
    result.note = note;
    result
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
        let dir = dir.as_ref().to_owned();
        self.into_dir
            .extend(urls.into_iter().map(|url| (dir.clone(), url.into())));
        self
    }

    /// Downloads the files. A file recorded as downloaded and present with its size is
    /// skipped; the temporary file a killed run left is removed before its download starts
    /// again; nothing but the files is left once the batch completes. Fails only when the
    /// batch cannot run (settings, the journal).
    pub fn run(mut self) -> Result<BatchSummary, Error> {
        self.common.check()?;
        let (journal, index) = Journal::open(&self.common.journal)?;
        let items = self.assign_names(&index);
        let mut summary = BatchSummary::default();
        let mut jobs = VecDeque::new();
        let mut seen = HashSet::new();
        for (url, path) in items {
            let digest = url_digest(&url);
            if !seen.insert(digest.clone()) {
                continue;
            }
            let last = index.downloads.get(digest.as_str());
            let shown = shown_url(&url);
            let done = last.filter(|last| {
                &*last.state == "downloaded"
                    && last.path.as_deref() == Some(path.as_path())
                    && std::fs::metadata(&path).is_ok_and(|m| Some(m.len()) == last.bytes)
            });
            if let Some(done) = done {
                self.common.end_early(
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
            let ours = last.is_some_and(|last| last.path.as_deref() == Some(path.as_path()));
            jobs.push_back(DownloadJob {
                url,
                shown,
                digest,
                path,
                overwrite: ours,
            });
        }
        let files_done = summary.total();
        let files_total = files_done + jobs.len();
        let shared = Shared::new(journal, self.common.cancel.clone());
        let client = self.common.client;
        let progress = BatchProgress {
            files_done,
            files_total,
            ..BatchProgress::default()
        };
        let summary = run_pool(
            &mut self.common,
            &shared,
            summary,
            jobs,
            progress,
            |job, events| download_one(client, &shared, job, events),
        );
        match shared.take_error() {
            Some(e) => Err(e),
            None => Ok(summary),
        }
    }

    /// Every download with its path: those given, then those into a directory, named there.
    fn assign_names(&mut self, index: &Index) -> Vec<(String, PathBuf)> {
        let mut items = std::mem::take(&mut self.items);
        // Names already given: the journal's, and those of this run.
        let mut taken: HashSet<PathBuf> = index
            .downloads
            .values()
            .filter_map(|entry| entry.path.as_deref().map(Path::to_path_buf))
            .chain(items.iter().map(|(_, path)| path.clone()))
            .collect();
        let recorded: HashMap<&str, &Path> = index
            .downloads
            .iter()
            .filter_map(|(digest, entry)| Some((&**digest, entry.path.as_deref()?)))
            .collect();
        for (dir, url) in std::mem::take(&mut self.into_dir) {
            let digest = url_digest(&url);
            if let Some(path) = recorded
                .get(digest.as_str())
                .filter(|p| p.parent() == Some(&dir))
            {
                items.push((url, path.to_path_buf()));
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
            items.push((url, path));
        }
        items
    }
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
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let part = directory.join(format!(".sunco-{}.part", &digest[..16]));
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
