//! `upload-batch` and `download-batch`: many files in one run, each recorded in a journal, a
//! JSON line per file on stdout as it ends, a progress line on a terminal, a one-line summary
//! on stderr. Exit status: 0 when every file is uploaded, downloaded or skipped; 1 when any is
//! in doubt or failed; 130 or 143 when `SIGINT` or `SIGTERM` stopped the batch (no file starts
//! after the signal; those in flight are cancelled, and their records are on disk).

use std::cell::Cell;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use sunshine_conversations_client::{
    BatchProgress, BatchSummary, Client, Error, FileResult, printable,
};

use crate::args::{DownloadBatchArgs, UploadBatchArgs};
use crate::failure::Failure;
use crate::progress::BatchLine;

/// `upload-batch --journal FILE [...] PATH...`: a JSON line per file,
/// `{"path", "status", "mediaUrl"?, "mediaType"?, "error"?, "note"?}`.
pub fn upload(client: &Client, args: UploadBatchArgs) -> Result<(), Failure> {
    let files = expand(&args.paths)?;
    let interrupts = crate::signals::watch();
    let mut line = BatchLine::on_terminal(args.quiet);
    let ended = Cell::new(false);
    let mut batch = client
        .upload_batch(&args.journal)
        .files(files)
        .workers(args.workers)
        .resend_in_doubt(args.resend_in_doubt)
        .access(args.settings.access())
        .cancel_with(interrupts.token())
        .on_file(report(&ended, upload_line))
        .on_progress(draw(&mut line));
    if let Some(intended_for) = args.settings.intended_for() {
        batch = batch.intended_for(intended_for);
    }
    if let Some(id) = args.settings.conversation_id {
        batch = batch.conversation_id(id);
    }
    if args.settings.no_file_check {
        batch = batch.without_file_check();
    }
    let result = batch.run();
    conclude(result, ended, line, Way::Up, &interrupts)
}

/// `download-batch --journal FILE --to DIR [...] [URL...]`: a JSON line per file,
/// `{"url", "path", "status", "bytes"?, "error"?}`.
pub fn download(client: &Client, args: DownloadBatchArgs) -> Result<(), Failure> {
    // Checked before the URLs are read: a wrong directory does not wait for stdin.
    if !args.to.is_dir() {
        return Err(Failure::usage(format!(
            "--to: {} is not a directory; nothing was sent",
            printable(&args.to.display().to_string())
        )));
    }
    let urls = if args.urls.is_empty() {
        let mut urls = Vec::new();
        for line in std::io::stdin().lock().lines() {
            let line = line.map_err(|e| Failure::Other(format!("reading stdin: {e}")))?;
            if !line.trim().is_empty() {
                urls.push(line.trim().to_owned());
            }
        }
        urls
    } else {
        args.urls
    };
    let interrupts = crate::signals::watch();
    let mut line = BatchLine::on_terminal(args.quiet);
    let ended = Cell::new(false);
    let result = client
        .download_batch(&args.journal)
        .into_dir(&args.to, urls)
        .workers(args.workers)
        .cancel_with(interrupts.token())
        .on_file(report(&ended, download_line))
        .on_progress(draw(&mut line))
        .run();
    conclude(result, ended, line, Way::Down, &interrupts)
}

/// Prints each file's JSON line as it ends, and notes that one did.
fn report(
    ended: &Cell<bool>,
    to_json: fn(&FileResult) -> serde_json::Value,
) -> impl FnMut(&FileResult) + '_ {
    move |file| {
        ended.set(true);
        print_line(&to_json(file));
    }
}

/// Draws the progress line, when there is one.
fn draw(line: &mut Option<BatchLine>) -> impl FnMut(BatchProgress) + '_ {
    move |progress| {
        if let Some(line) = line {
            line.update(progress);
        }
    }
}

/// The end of a batch: its error (see [`refused`]), or its progress line ended and its
/// summary (see [`finish`]).
fn conclude(
    result: Result<BatchSummary, Error>,
    ended: Cell<bool>,
    line: Option<BatchLine>,
    way: Way,
    interrupts: &crate::signals::Interrupts,
) -> Result<(), Failure> {
    let summary = result.map_err(|e| refused(e, ended.get()))?;
    drop(line);
    finish(&summary, way, interrupts)
}

/// A batch that could not run, or stopped: a journal another process uses, or one that cannot
/// be opened, before any file ended is a usage error (nothing was sent); a journal that could
/// no longer be written once files had ended (`ended`), a failure.
fn refused(e: Error, ended: bool) -> Failure {
    match e {
        Error::Journal { .. } if ended => Failure::Other(format!(
            "{e}; the batch stopped (the lines above say how far)"
        )),
        Error::Journal { .. } | Error::InvalidInput { .. } => {
            Failure::usage(format!("{e}; nothing was sent"))
        }
        other => other.into(),
    }
}

/// Which way a batch moves files, as its summary line says.
#[derive(Clone, Copy)]
enum Way {
    Up,
    Down,
}

/// The summary on stderr (`N uploaded` or `N downloaded`, then `N skipped, N in doubt, N
/// failed`), and the exit status.
fn finish(
    summary: &BatchSummary,
    way: Way,
    interrupts: &crate::signals::Interrupts,
) -> Result<(), Failure> {
    let moved = match way {
        Way::Up => format!("{} uploaded", summary.uploaded),
        Way::Down => format!("{} downloaded", summary.downloaded),
    };
    let counts = [
        moved,
        format!("{} skipped", summary.skipped),
        format!("{} in doubt", summary.in_doubt),
        format!("{} failed", summary.failed),
    ];
    // Read once: the summary line and the exit status say the same.
    let stopped = interrupts.token().is_cancelled();
    let by_signal = if stopped {
        " (stopped by a signal: no file started after it)"
    } else {
        ""
    };
    eprintln!("{}{by_signal}", counts.join(", "));
    if stopped {
        return Err(Failure::Exit(interrupts.exit_code()));
    }
    if summary.complete() {
        Ok(())
    } else {
        Err(Failure::Exit(1))
    }
}

fn print_line(value: &serde_json::Value) {
    println!("{value}");
}

fn upload_line(file: &FileResult) -> serde_json::Value {
    let mut line = serde_json::json!({
        "path": file.path.display().to_string(),
        "status": file.status.as_str(),
    });
    for (key, value) in [
        ("mediaUrl", &file.media_url),
        ("mediaType", &file.media_type),
        ("error", &file.error),
        ("note", &file.note),
    ] {
        if let Some(value) = value {
            line[key] = value.as_str().into();
        }
    }
    line
}

fn download_line(file: &FileResult) -> serde_json::Value {
    let mut line = serde_json::json!({
        "url": file.url.as_deref().unwrap_or_default(),
        "path": file.path.display().to_string(),
        "status": file.status.as_str(),
    });
    if let Some(bytes) = file.bytes {
        line["bytes"] = bytes.into();
    }
    if let Some(error) = &file.error {
        line["error"] = error.as_str().into();
    }
    line
}

/// The files of `paths`: a file as given, a directory's regular files, recursively, in
/// sorted order, hidden ones (a name starting with `.`) skipped. A path that is neither is a
/// usage error.
fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut files = Vec::new();
    for path in paths {
        let metadata = std::fs::metadata(path).map_err(|e| {
            Failure::usage(format!(
                "{}: {e}; nothing was sent",
                printable(&path.display().to_string())
            ))
        })?;
        if metadata.is_dir() {
            walk(path, &mut files).map_err(|e| Failure::usage(format!("{e}; nothing was sent")))?;
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// Adds the regular files under `dir` to `files`, in sorted order, skipping hidden names and
/// symbolic links. Bounded in depth, so that a cycle cannot make it loop.
fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    fn inner(dir: &Path, files: &mut Vec<PathBuf>, depth: usize) -> Result<(), String> {
        if depth > 64 {
            return Err(format!(
                "{}: more than 64 directories deep",
                printable(&dir.display().to_string())
            ));
        }
        let entries = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", printable(&dir.display().to_string())))?;
        let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
        entries.sort_by_key(|entry| entry.file_name());
        for entry in entries {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                inner(&entry.path(), files, depth + 1)?;
            } else if kind.is_file() {
                files.push(entry.path());
            }
        }
        Ok(())
    }
    inner(dir, files, 0)
}
