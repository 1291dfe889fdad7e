//! Batches: many files on a few workers, each state change in a journal, and a second run that
//! resumes without sending twice what may be stored: what is done is skipped (an upload's media
//! URL comes from the journal), what may have been stored is in doubt and not sent again unless
//! asked, what failed without being stored is sent again, a changed file is uploaded again;
//! a torn last line is cut off; one journal serves one process at a time; a download resumed
//! after a killed run removes that run's temporary file, and a batch leaves nothing else.

use crate::support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use sunshine_conversations_client::{
    BatchProgress, CancelToken, Client, Error, FileResult, FileStatus, RetryPolicy,
};
use support::media::{MediaHost, Route};
use support::store::StoreServer;

fn client(url: &str) -> Client {
    support::builder(url)
        .retry_policy(
            RetryPolicy::default()
                .with_max_attempts(2)
                .with_initial_backoff(Duration::from_millis(1)),
        )
        .build()
        .unwrap()
}

/// Files named `names` in `dir`, each with content of its own.
fn files(dir: &Path, names: &[&str]) -> Vec<PathBuf> {
    names
        .iter()
        .map(|name| {
            let path = dir.join(name);
            std::fs::write(&path, format!("the content of {name}\n")).unwrap();
            path
        })
        .collect()
}

/// Uploads `paths` with the journal at `journal`: the summary, and each file's result.
fn upload(
    client: &Client,
    journal: &Path,
    paths: &[PathBuf],
    resend_in_doubt: bool,
) -> (sunshine_conversations_client::BatchSummary, Vec<FileResult>) {
    let mut results = Vec::new();
    let summary = client
        .upload_batch(journal)
        .files(paths.iter().cloned())
        .resend_in_doubt(resend_in_doubt)
        .on_file(|file| results.push(file.clone()))
        .run()
        .unwrap();
    results.sort_by(|a, b| a.path.cmp(&b.path));
    (summary, results)
}

fn statuses(results: &[FileResult]) -> Vec<FileStatus> {
    results.iter().map(|r| r.status).collect()
}

/// Every line of the journal is a JSON object.
fn journal_lines(journal: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(journal)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{line:?}: {e}")))
        .collect()
}

#[test]
fn a_second_run_skips_what_is_done_and_says_where_it_is() {
    let server = StoreServer::start(Duration::ZERO);
    let dir = support::TempDir::new();
    let paths = files(dir.path(), &["a.txt", "b.txt", "c.txt"]);
    let journal = dir.path().join("batch.journal");
    let client = client(&server.url());
    let mut first_progress = None;
    let summary = client
        .upload_batch(&journal)
        .files(paths.clone())
        .on_progress(|progress: BatchProgress| {
            first_progress.get_or_insert(progress);
        })
        .run()
        .unwrap();
    assert_eq!((summary.uploaded, summary.skipped), (3, 0));
    assert!(summary.complete());
    // The total is known before the first byte.
    let total: u64 = paths
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    let first = first_progress.unwrap();
    assert_eq!((first.files_total, first.bytes_total), (3, Some(total)));
    assert_eq!(first.bytes_done, 0);
    let states: Vec<String> = journal_lines(&journal)
        .iter()
        .map(|r| r["state"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(states.iter().filter(|s| *s == "sending").count(), 3);
    assert_eq!(states.iter().filter(|s| *s == "uploaded").count(), 3);

    let (summary, results) = upload(&client, &journal, &paths, false);
    assert_eq!((summary.uploaded, summary.skipped), (0, 3));
    assert_eq!(statuses(&results), [FileStatus::Skipped; 3]);
    assert_eq!(
        results[0].media_url.as_deref(),
        Some("https://media.example/a.txt")
    );
    let ledger = server.ledger();
    assert_eq!(ledger.requests, 3, "nothing sent again");
    assert!(ledger.stored.values().all(|times| *times == 1));
}

#[test]
fn a_torn_journal_is_read_up_to_its_last_whole_line() {
    let server = StoreServer::start(Duration::ZERO);
    let dir = support::TempDir::new();
    let paths = files(dir.path(), &["a.txt", "b.txt", "c.txt"]);
    let journal = dir.path().join("batch.journal");
    let client = client(&server.url());
    upload(&client, &journal, &paths[..2], false);
    // A crash while writing: the last line ends halfway.
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&journal)
        .unwrap();
    std::io::Write::write_all(&mut file, br#"{"v":1,"kind":"upload","state":"sen"#).unwrap();
    drop(file);
    let (summary, results) = upload(&client, &journal, &paths, false);
    assert_eq!((summary.skipped, summary.uploaded), (2, 1), "{results:?}");
    // The torn line is gone, and the records after it are whole lines of their own.
    assert_eq!(journal_lines(&journal).len(), 6);
}

#[test]
fn a_changed_file_is_uploaded_again_and_said() {
    let server = StoreServer::start(Duration::ZERO);
    let dir = support::TempDir::new();
    let paths = files(dir.path(), &["report.txt"]);
    let journal = dir.path().join("batch.journal");
    let client = client(&server.url());
    upload(&client, &journal, &paths, false);
    std::fs::write(&paths[0], "the report, longer now\n").unwrap();
    let (summary, results) = upload(&client, &journal, &paths, false);
    assert_eq!(summary.uploaded, 1);
    assert!(
        results[0].note.as_deref().unwrap_or("").contains("changed"),
        "{results:?}"
    );
    assert_eq!(server.ledger().stored["report.txt"], 2);
}

#[test]
fn a_file_that_may_be_stored_is_in_doubt_and_not_sent_again_unless_asked() {
    let server = StoreServer::start(Duration::ZERO);
    let dir = support::TempDir::new();
    let paths = files(dir.path(), &["lost-answer.txt", "fine.txt"]);
    let journal = dir.path().join("batch.journal");
    let client = client(&server.url());
    let (summary, results) = upload(&client, &journal, &paths, false);
    assert_eq!((summary.uploaded, summary.in_doubt), (1, 1), "{results:?}");
    assert!(!summary.complete());
    assert_eq!(results[1].status, FileStatus::InDoubt);
    // Resumed: still in doubt, nothing sent.
    let before = server.ledger().requests;
    let (summary, _) = upload(&client, &journal, &paths, false);
    assert_eq!((summary.skipped, summary.in_doubt), (1, 1));
    assert_eq!(server.ledger().requests, before);
    assert_eq!(server.ledger().stored["lost-answer.txt"], 1);
    // Asked to: sent again (and, the answer lost again, still in doubt).
    let (summary, _) = upload(&client, &journal, &paths, true);
    assert_eq!(summary.in_doubt, 1);
    assert_eq!(server.ledger().stored["lost-answer.txt"], 2);
    // Changed since: sent, and said why, with what an earlier run may have stored.
    std::fs::write(&paths[0], "another content, longer than the first\n").unwrap();
    let (summary, results) = upload(&client, &journal, &paths, false);
    assert_eq!(summary.in_doubt, 1);
    let note = results[1].note.as_deref().unwrap_or_default();
    assert!(
        note.contains("changed") && note.contains("may have stored"),
        "{results:?}"
    );
    assert_eq!(server.ledger().stored["lost-answer.txt"], 3);
}

/// Cancelled while it waits out a `503`'s `Retry-After` after a body the service refused: it
/// was not stored, so it failed (a later run sends it), not in doubt.
#[test]
fn a_file_cancelled_between_attempts_failed_and_is_sent_again() {
    let server = StoreServer::start(Duration::ZERO);
    let dir = support::TempDir::new();
    let paths = files(dir.path(), &["wait-for-it.txt"]);
    let journal = dir.path().join("batch.journal");
    let client = client(&server.url());
    let token = CancelToken::new();
    let canceller = token.clone();
    let cancel = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        canceller.cancel();
    });
    let mut results = Vec::new();
    let summary = client
        .upload_batch(&journal)
        .files(paths.clone())
        .cancel_with(&token)
        .on_file(|file| results.push(file.clone()))
        .run()
        .unwrap();
    cancel.join().unwrap();
    assert_eq!(results[0].status, FileStatus::Failed, "{results:?}");
    assert_eq!((summary.failed, summary.in_doubt), (1, 0));
    assert_eq!(server.ledger().requests, 1);
    let last = journal_lines(&journal).pop().unwrap();
    assert_eq!(last["state"], "failed");
}

/// A path the journal (JSON) cannot hold fails alone; the batch goes on.
#[cfg(unix)]
#[test]
fn a_path_that_is_not_utf8_fails_alone() {
    use std::os::unix::ffi::OsStrExt as _;
    let server = StoreServer::start(Duration::ZERO);
    let dir = support::TempDir::new();
    let mut paths = files(dir.path(), &["fine.txt"]);
    let odd = dir
        .path()
        .join(std::ffi::OsStr::from_bytes(b"odd-\xff.txt"));
    std::fs::write(&odd, "odd\n").unwrap();
    paths.push(odd);
    let journal = dir.path().join("batch.journal");
    let (summary, results) = upload(&client(&server.url()), &journal, &paths, false);
    assert_eq!((summary.uploaded, summary.failed), (1, 1), "{results:?}");
    let odd = results
        .iter()
        .find(|r| r.status == FileStatus::Failed)
        .unwrap();
    assert!(odd.error.as_deref().unwrap().contains("UTF-8"), "{odd:?}");
    assert_eq!(
        journal_lines(&journal).len(),
        2,
        "sending and uploaded, of fine.txt"
    );
}

/// A journal path that names another file is refused, and the file is left as it was.
#[test]
fn a_file_that_is_no_journal_is_refused_untouched() {
    let server = StoreServer::start(Duration::ZERO);
    let dir = support::TempDir::new();
    let paths = files(dir.path(), &["a.txt"]);
    let photo = dir.path().join("photo.png");
    let content = b"\x89PNG\r\n\x1a\n and no newline at its end".to_vec();
    std::fs::write(&photo, &content).unwrap();
    let refused = client(&server.url())
        .upload_batch(&photo)
        .files(paths)
        .run();
    let Err(Error::Journal { reason, .. }) = &refused else {
        panic!("{refused:?}");
    };
    assert!(reason.contains("not a batch's journal"), "{reason}");
    assert_eq!(std::fs::read(&photo).unwrap(), content);
    assert_eq!(server.ledger().requests, 0);
}

#[test]
fn a_file_refused_without_being_stored_is_sent_again() {
    let server = StoreServer::start(Duration::ZERO);
    let dir = support::TempDir::new();
    let paths = files(dir.path(), &["busy-service.txt"]);
    let journal = dir.path().join("batch.journal");
    let client = client(&server.url());
    let (summary, results) = upload(&client, &journal, &paths, false);
    assert_eq!(summary.failed, 1, "{results:?}");
    let sent = server.ledger().requests;
    let (summary, _) = upload(&client, &journal, &paths, false);
    assert_eq!(summary.failed, 1);
    assert!(server.ledger().requests > sent, "sent again");
    assert!(server.ledger().stored.is_empty());
}

#[test]
fn one_journal_serves_one_batch_at_a_time() {
    let server = StoreServer::start(Duration::from_millis(400));
    let dir = support::TempDir::new();
    let paths = files(dir.path(), &["a.txt"]);
    let journal = dir.path().join("batch.journal");
    let client = client(&server.url());
    std::thread::scope(|scope| {
        let first = scope.spawn(|| upload(&client, &journal, &paths, false));
        // The first batch holds the journal while its upload waits on the server.
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while server.ledger().requests == 0 && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        let refused = client.upload_batch(&journal).files(paths.clone()).run();
        let Err(Error::Journal { reason, .. }) = &refused else {
            panic!("{refused:?}");
        };
        assert!(reason.contains("another process"), "{reason}");
        assert!(refused.as_ref().unwrap_err().nothing_sent());
        assert_eq!(first.join().unwrap().0.uploaded, 1);
    });
    // Once it is done, the journal is free.
    let (summary, _) = upload(&client, &journal, &paths, false);
    assert_eq!(summary.skipped, 1);
}

#[test]
fn downloads_resume_remove_a_killed_runs_temporary_file_and_leave_nothing_else() {
    let bytes = |n: u8| vec![n; 1000];
    let host = MediaHost::start(vec![
        ("/a/photo.png", file(bytes(1))),
        ("/b/photo.png", file(bytes(2))),
        ("/c/notes.txt", file(bytes(3))),
    ]);
    let dir = support::TempDir::new();
    let into = dir.path().join("media");
    std::fs::create_dir(&into).unwrap();
    let journal = dir.path().join("downloads.journal");
    let client = client(&host.url(""));
    let urls: Vec<String> = ["/a/photo.png", "/b/photo.png", "/c/notes.txt"]
        .iter()
        .map(|path| host.url(&format!("{path}?signature=s3cret")))
        .collect();
    // A run killed while downloading the notes: its record, and its temporary file.
    let run = |urls: &[String]| {
        let mut results = Vec::new();
        let summary = client
            .download_batch(&journal)
            .into_dir(&into, urls.iter().cloned())
            .on_file(|file| results.push(file.clone()))
            .run()
            .unwrap();
        (summary, results)
    };
    let (summary, _) = run(&urls[..2]);
    assert_eq!(summary.downloaded, 2);
    let digest = sha256_hex(&urls[2]);
    let part = into.join(format!(".sunco-{}.part", &digest[..16]));
    std::fs::write(&part, b"half of it").unwrap();
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&journal)
        .unwrap();
    let record = serde_json::json!({"v": 1, "kind": "download", "state": "downloading",
        "urlSha256": digest, "path": into.join("notes.txt"), "part": part});
    std::io::Write::write_all(&mut file, format!("{record}\n").as_bytes()).unwrap();
    drop(file);

    let (summary, results) = run(&urls);
    assert_eq!((summary.skipped, summary.downloaded), (2, 1), "{results:?}");
    // Names as `download` names them, made unique; no query in any result or record.
    let mut names: Vec<String> = std::fs::read_dir(&into)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["notes.txt", "photo-2.png", "photo.png"]);
    assert_eq!(std::fs::read(into.join("photo-2.png")).unwrap(), bytes(2));
    assert!(
        results
            .iter()
            .all(|r| !r.url.as_deref().unwrap().contains("s3cret"))
    );
    assert!(
        !std::fs::read_to_string(&journal)
            .unwrap()
            .contains("s3cret")
    );
}

/// A download whose path was the user's file before the batch: refused, and never replaced by
/// a later run either.
#[test]
fn a_download_never_replaces_a_file_that_was_there() {
    let host = MediaHost::start(vec![("/a/photo.png", file(vec![7; 100]))]);
    let dir = support::TempDir::new();
    let mine = dir.path().join("photo.png");
    std::fs::write(&mine, "mine").unwrap();
    let journal = dir.path().join("downloads.journal");
    let client = client(&host.url(""));
    for _ in 0..2 {
        let summary = client
            .download_batch(&journal)
            .download(host.url("/a/photo.png"), &mine)
            .run()
            .unwrap();
        assert_eq!(summary.failed, 1);
        assert_eq!(std::fs::read_to_string(&mine).unwrap(), "mine");
    }
}

fn file(bytes: Vec<u8>) -> Route {
    Route::File {
        bytes,
        content_type: "application/octet-stream",
        authorization: None,
    }
}

fn sha256_hex(text: &str) -> String {
    ring::digest::digest(&ring::digest::SHA256, text.as_bytes())
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
