//! A batch of uploads: each file's identity (path, size, modification time) planned against
//! the journal, then sent on the workers with its `sending` record on disk before its body.

use std::collections::{HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};

use super::journal::{Entry, Journal, Record, mtime_text};
use super::{
    BatchProgress, BatchSummary, Common, Event, FileResult, FileStatus, Shared, not_utf8, run_pool,
};
use crate::call::cancel::CancelToken;
use crate::call::retry::Failed;
use crate::client::Client;
use crate::error::Error;
use crate::files::upload::{Access, For, Upload};

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
    settings: UploadSettings,
    resend_in_doubt: bool,
}

/// How each file of a batch is uploaded.
struct UploadSettings {
    access: Access,
    intended_for: Option<For>,
    conversation_id: Option<String>,
    file_check: bool,
}

impl Client {
    /// A batch of uploads recorded in the journal at `journal` (created if it does not exist;
    /// an earlier run's journal resumes that run). See [`UploadBatch`].
    pub fn upload_batch(&self, journal: impl AsRef<Path>) -> UploadBatch<'_> {
        UploadBatch {
            common: Common::new(self, journal.as_ref()),
            files: Vec::new(),
            settings: UploadSettings {
                access: Access::Public,
                intended_for: None,
                conversation_id: None,
                file_check: true,
            },
            resend_in_doubt: false,
        }
    }
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
        self.settings.access = access;
        self
    }

    /// What the attachments are for.
    pub fn intended_for(mut self, intended_for: For) -> Self {
        self.settings.intended_for = Some(intended_for);
        self
    }

    /// The attachments are for messages.
    pub fn for_message(self) -> Self {
        self.intended_for(For::Message)
    }

    /// The conversation the attachments are for.
    pub fn conversation_id(mut self, id: impl Into<String>) -> Self {
        self.settings.conversation_id = Some(id.into());
        self
    }

    /// Skips the check of each file against the service's file validation
    /// ([`Upload::without_file_check`]).
    pub fn without_file_check(mut self) -> Self {
        self.settings.file_check = false;
        self
    }

    /// Sends again the files in doubt (default: not: the service may have stored them, and a
    /// second upload would store them twice).
    pub fn resend_in_doubt(mut self, resend: bool) -> Self {
        self.resend_in_doubt = resend;
        self
    }

    /// Uploads the files; each file's end is in its [`FileResult`], and the counts in the
    /// [`BatchSummary`]. A path given twice is sent once. Fails when the batch cannot run,
    /// before anything is sent (settings; the journal locked by another process, not a
    /// journal, not writable), or with [`Error::Journal`] when the journal can no longer be
    /// written: no file starts after that, and those that ended were handed to `on_file`.
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
            if path.to_str().is_none() {
                self.common
                    .end(&mut summary, FileResult::failed(path, not_utf8("sent")));
                continue;
            }
            let metadata = match std::fs::metadata(&path) {
                Ok(metadata) if metadata.is_file() => metadata,
                Ok(_) => {
                    self.common.end(
                        &mut summary,
                        FileResult::failed(path, "not a regular file".to_owned()),
                    );
                    continue;
                }
                Err(e) => {
                    self.common.end(
                        &mut summary,
                        FileResult::failed(path, format!("cannot read it: {e}")),
                    );
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
                    self.common.end(&mut summary, result);
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
        let shared = Arc::new(Shared::new(journal, self.common.cancel.clone()));
        let client = self.common.client;
        let settings = &self.settings;
        run_pool(
            &mut self.common,
            &shared,
            summary,
            jobs,
            Some(bytes_total),
            |job, events| upload_one(client, settings, &shared, job, events),
        )
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
        "sending" | "in_doubt" => Plan::Send(Some(
            "sent: it changed since an earlier run, which may have stored its earlier content"
                .to_owned(),
        )),
        _ => Plan::Send(None),
    }
}

/// Whether an upload's body started, recorded as `sending`, and whether its result is known
/// (after which the body's first read records nothing).
#[derive(Default)]
struct Gate {
    started: bool,
    closed: bool,
}

/// A result's note when the journal could not record it.
fn unrecorded(note: Option<String>) -> String {
    let lost = "not recorded: the journal could not be written, and the batch stopped";
    match note {
        Some(note) => format!("{note}; {lost}"),
        None => lost.to_owned(),
    }
}

/// Uploads one file: its `sending` record goes to disk once the request's head is on the wire
/// and before any byte of the file (a crash before it leaves a request the service could not
/// have stored; one after it, a file in doubt that the service has seen), then its result's
/// record.
fn upload_one(
    client: &Client,
    settings: &UploadSettings,
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
    let upload = Upload::path(&path);
    // Its identity as it is now, the opened file's: it may have changed while it waited its
    // turn. A file that cannot be opened keeps the one it was planned with.
    let (size, mtime) = match &upload {
        Ok(upload) => (
            upload.file.len().unwrap_or(size),
            mtime_text(upload.file.modified()),
        ),
        Err(_) => (size, mtime),
    };
    let record = |state: &str| Record {
        path: Some(path.clone()),
        size: Some(size),
        mtime: Some(mtime.clone()),
        ..Record::new("upload", state)
    };
    let UploadSettings {
        access,
        intended_for,
        conversation_id,
        file_check,
    } = settings;
    let mut upload = match upload {
        Ok(upload) => upload.access(access.clone()),
        Err(e) => {
            let result = FileResult::failed(path.clone(), e.to_string());
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
    // Whether the body started: only then can the service have stored the file. The gate
    // orders the `sending` record, written on the thread that reads the file, before the
    // result's: once this thread has the result, a late first read writes nothing.
    let gate = Arc::new(Mutex::new(Gate::default()));
    let (journal, sending, hook_gate) = (Arc::clone(shared), record("sending"), Arc::clone(&gate));
    upload.file = upload.file.before_first_read(move || {
        let mut gate = hook_gate.lock().unwrap_or_else(|p| p.into_inner());
        if gate.closed {
            return Err(std::io::Error::other("the upload already ended"));
        }
        if journal.record(&sending) {
            gate.started = true;
            Ok(())
        } else {
            Err(std::io::Error::other("the journal could not be written"))
        }
    });
    let answer = client.upload(upload);
    let started = {
        let mut gate = gate.lock().unwrap_or_else(|p| p.into_inner());
        gate.closed = true;
        gate.started
    };
    let (state, mut result) = match answer {
        Ok(attachment) => (
            Record {
                media_url: Some(attachment.media_url.clone()),
                media_type: attachment.media_type.clone(),
                ..record("uploaded")
            },
            FileResult {
                media_url: Some(attachment.media_url),
                media_type: attachment.media_type,
                ..FileResult::new(path, FileStatus::Uploaded)
            },
        ),
        Err(e) => {
            // Stored or not: what the error knows, once the body started. An answer lost
            // after the request was sent, or a cancel while its bytes were on their way, may
            // have left it stored; a request refused before its body (a `429`, the file check,
            // a cancel between attempts after a `503`) did not.
            let cut_by_cancel = matches!(&e, Error::Cancelled { outcome, .. }
                if outcome.ended_by == Some(Failed::CutWhileSending));
            let in_doubt = started && (e.may_have_been_processed() || cut_by_cancel);
            let status = if in_doubt {
                FileStatus::InDoubt
            } else {
                FileStatus::Failed
            };
            let error = e.to_string();
            (
                Record {
                    error: Some(error.clone()),
                    ..record(status.as_str())
                },
                FileResult {
                    error: Some(error),
                    ..FileResult::new(path, status)
                },
            )
        }
    };
    if !shared.record(&state) {
        result.note = Some(unrecorded(note));
        return result;
    }
    result.note = note;
    result
}
