//! `sunco upload-batch` and `sunco download-batch`: a JSON line per file, a summary, the exit
//! status; directories expanded; two processes refused one journal; and a batch killed with
//! `SIGKILL` at random instants, resumed until done, that stores nothing twice.

use crate::support;

use std::collections::HashSet;
use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use support::media::{MediaHost, Route};
use support::store::StoreServer;

/// `sunco` configured for `url`, in `dir`.
fn sunco(url: &str, dir: &Path) -> std::process::Command {
    let mut command = crate::sunco();
    command
        .current_dir(dir)
        .env("SUNCO_APP_ID", "app")
        .env("SUNCO_KEY_ID", "key")
        .env("SUNCO_KEY_SECRET", "batch-secret")
        .env("SUNCO_BASE_URL", url);
    command
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A directory `files` in `dir` holding `names`, each with content of its own.
fn files(dir: &Path, names: &[String]) -> std::path::PathBuf {
    let files = dir.join("files");
    std::fs::create_dir(&files).unwrap();
    for name in names {
        std::fs::write(
            files.join(name),
            format!("the content of {name}\n").repeat(50),
        )
        .unwrap();
    }
    files
}

/// `sunco upload-batch --journal j.jsonl --workers WORKERS files` started in `dir`, its
/// output piped.
fn spawn_batch(url: &str, dir: &Path, workers: u8) -> std::process::Child {
    sunco(url, dir)
        .args(["upload-batch", "--journal", "j.jsonl", "--workers"])
        .arg(workers.to_string())
        .arg("files")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// The JSON lines of stdout.
fn lines(output: &Output) -> Vec<serde_json::Value> {
    text(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{line:?}: {e}")))
        .collect()
}

#[test]
fn upload_batch_prints_a_line_per_file_and_resumes() {
    let server = StoreServer::start(Duration::ZERO);
    let dir = support::TempDir::new();
    let tree = dir.path().join("tree");
    std::fs::create_dir_all(tree.join("b/deeper")).unwrap();
    std::fs::create_dir_all(tree.join(".hidden")).unwrap();
    for name in [
        "a.txt",
        "b/deeper/c.txt",
        "b/b.txt",
        ".skipped.txt",
        ".hidden/x.txt",
    ] {
        std::fs::write(tree.join(name), format!("{name}\n")).unwrap();
    }
    let run = || {
        sunco(&server.url(), dir.path())
            .args([
                "upload-batch",
                "--journal",
                "j.jsonl",
                "--workers",
                "2",
                "tree",
            ])
            .output()
            .unwrap()
    };
    let output = run();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let first = lines(&output);
    let mut paths: Vec<String> = first
        .iter()
        .map(|l| l["path"].as_str().unwrap().to_owned())
        .collect();
    paths.sort();
    let expected: Vec<String> = ["a.txt", "b/b.txt", "b/deeper/c.txt"]
        .iter()
        .map(|name| {
            std::fs::canonicalize(tree.join(name))
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(paths, expected, "hidden files skipped, directories walked");
    assert!(
        first
            .iter()
            .all(|l| l["status"] == "uploaded" && l["mediaUrl"].is_string())
    );
    assert!(
        text(&output.stderr).contains("3 uploaded, 0 skipped, 0 in doubt, 0 failed"),
        "{}",
        text(&output.stderr)
    );
    // Again: all skipped, each with its media URL from the journal; nothing sent.
    let again = run();
    assert_eq!(again.status.code(), Some(0));
    assert!(
        lines(&again)
            .iter()
            .all(|l| l["status"] == "skipped" && l["mediaUrl"].as_str().is_some())
    );
    assert_eq!(server.ledger().requests, 3);
    // A file in doubt makes the exit status 1.
    std::fs::write(tree.join("lost-z.txt"), "z\n").unwrap();
    let doubt = run();
    assert_eq!(doubt.status.code(), Some(1));
    assert!(lines(&doubt).iter().any(|l| l["status"] == "in_doubt"));
}

#[test]
fn two_processes_are_refused_one_journal() {
    let server = StoreServer::start(Duration::from_millis(800));
    let dir = support::TempDir::new();
    std::fs::write(dir.path().join("slow.txt"), "slow\n").unwrap();
    let args = ["upload-batch", "--journal", "j.jsonl", "slow.txt"];
    let first = sunco(&server.url(), dir.path())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.ledger().requests == 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    let second = sunco(&server.url(), dir.path())
        .args(args)
        .output()
        .unwrap();
    assert_eq!(second.status.code(), Some(2), "{}", text(&second.stderr));
    assert!(
        text(&second.stderr).contains("another process"),
        "{}",
        text(&second.stderr)
    );
    assert!(second.stdout.is_empty());
    let first = first.wait_with_output().unwrap();
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    assert_eq!(server.ledger().requests, 1);
}

/// Killed with `SIGKILL` at random instants, then run again, until a run completes: nothing is
/// stored twice, a file reported uploaded or skipped was stored once, a file the server stored
/// is never reported failed, and only files that were in flight when a run died are in doubt
/// (at most one a worker a kill) and that the server may have seen: its part header arrived,
/// or the request's head did and its body did not (the journal records a file as sent once its
/// request's head is on the wire, before its body).
#[cfg(unix)]
#[test]
fn a_batch_killed_at_random_instants_resumes_without_sending_twice() {
    // 200 files, 10 ms each, 4 at a time: a whole run takes half a second or more, and each
    // run is killed within its first 200 ms, so at least two runs die mid-batch.
    let server = StoreServer::start(Duration::from_millis(10));
    let dir = support::TempDir::new();
    let files = dir.path().join("files");
    std::fs::create_dir(&files).unwrap();
    let names: Vec<String> = (0..200).map(|n| format!("file-{n:03}.txt")).collect();
    for name in &names {
        std::fs::write(
            files.join(name),
            format!("the content of {name}\n").repeat(50),
        )
        .unwrap();
    }
    let seed = std::env::var("BATCH_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    let mut rng = fastrand::Rng::with_seed(seed);
    let run = || spawn_batch(&server.url(), dir.path(), 4);
    let mut kills = 0;
    for _ in 0..8 {
        let mut child = run();
        std::thread::sleep(Duration::from_millis(rng.u64(20..200)));
        if child.try_wait().unwrap().is_some() {
            break;
        }
        child.kill().unwrap();
        child.wait().unwrap();
        kills += 1;
    }
    // The run that completes, and its lines.
    let output = run().wait_with_output().unwrap();
    let results = lines(&output);
    let ledger = server.ledger();
    eprintln!(
        "killed {kills} times (BATCH_KILL_SEED={seed}); the server saw {} requests ({} without \
         a body), stored {} files; the last run: {}",
        ledger.requests,
        ledger.nameless,
        ledger.stored.len(),
        text(&output.stderr).trim()
    );
    assert!(kills >= 2, "BATCH_KILL_SEED={seed}");
    assert_eq!(results.len(), names.len(), "{}", text(&output.stderr));
    for (name, times) in &ledger.stored {
        assert_eq!(
            *times, 1,
            "{name} was stored {times} times (BATCH_KILL_SEED={seed})"
        );
    }
    let mut in_doubt = HashSet::new();
    for line in &results {
        let path = line["path"].as_str().unwrap();
        let name = Path::new(path)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        match line["status"].as_str().unwrap() {
            "uploaded" | "skipped" => {
                assert_eq!(
                    ledger.stored.get(&name),
                    Some(&1),
                    "{name} (BATCH_KILL_SEED={seed})"
                );
            }
            "in_doubt" => {
                in_doubt.insert(name);
            }
            other => panic!("{name} ended {other} (BATCH_KILL_SEED={seed})"),
        }
    }
    let unseen = in_doubt
        .iter()
        .filter(|name| !ledger.seen.contains(*name))
        .count();
    assert!(
        unseen <= ledger.nameless,
        "{unseen} files in doubt the server never saw, {} requests without a body \
         (BATCH_KILL_SEED={seed})",
        ledger.nameless
    );
    assert!(
        in_doubt.len() <= 4 * kills,
        "{} in doubt after {kills} kills (BATCH_KILL_SEED={seed})",
        in_doubt.len()
    );
    // Every file the server stored is accounted for: uploaded, skipped or in doubt.
    for name in ledger.stored.keys() {
        assert!(names.contains(name));
    }
    let code = output.status.code();
    assert_eq!(code, Some(if in_doubt.is_empty() { 0 } else { 1 }));
}

#[test]
fn download_batch_reads_urls_from_stdin_and_names_them() {
    let host = MediaHost::start(vec![
        (
            "/x/photo.png",
            Route::File {
                bytes: vec![1; 500],
                content_type: "image/png",
                authorization: None,
            },
        ),
        (
            "/y/photo.png",
            Route::File {
                bytes: vec![2; 700],
                content_type: "image/png",
                authorization: None,
            },
        ),
    ]);
    let dir = support::TempDir::new();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    // One URL twice: downloaded once.
    let urls = format!(
        "{}\n\n{}\n{}\n",
        host.url("/x/photo.png?sig=s3cret"),
        host.url("/y/photo.png"),
        host.url("/y/photo.png")
    );
    let run = |to: &str| {
        let mut child = sunco(&host.url(""), dir.path())
            .args(["download-batch", "--journal", "d.jsonl", "--to", to])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(child.stdin.as_mut().unwrap(), urls.as_bytes()).unwrap();
        drop(child.stdin.take());
        child.wait_with_output().unwrap()
    };
    let output = run("out");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let mut results = lines(&output);
    results.sort_by_key(|l| l["path"].as_str().unwrap().to_owned());
    assert_eq!(results.len(), 2);
    let out = std::fs::canonicalize(dir.path().join("out")).unwrap();
    assert_eq!(
        results[0]["path"],
        out.join("photo-2.png").display().to_string()
    );
    assert_eq!(
        results[1]["path"],
        out.join("photo.png").display().to_string()
    );
    assert!(results.iter().all(|l| l["status"] == "downloaded"));
    assert!(
        text(&output.stderr).ends_with("2 downloaded, 0 skipped, 0 in doubt, 0 failed\n"),
        "{}",
        text(&output.stderr)
    );
    assert!(
        !text(&output.stdout).contains("s3cret"),
        "no query is shown"
    );
    assert_eq!(
        std::fs::read_dir(dir.path().join("out")).unwrap().count(),
        2,
        "nothing else is left"
    );
    // The same directory spelled another way: the same files, skipped.
    let again = run("./out/");
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stderr));
    assert!(lines(&again).iter().all(|l| l["status"] == "skipped"));
    assert_eq!(
        std::fs::read_dir(dir.path().join("out")).unwrap().count(),
        2
    );
    // `--to` that is no directory: a usage error.
    let refused = sunco(&host.url(""), dir.path())
        .args([
            "download-batch",
            "--journal",
            "d.jsonl",
            "--to",
            "missing",
            "u",
        ])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
}

/// `SIGINT` during a batch: no file starts after it, those in flight end, their records are on
/// disk, and the exit status is 130.
#[cfg(unix)]
#[test]
fn a_signal_stops_a_batch_with_its_records_on_disk() {
    let server = StoreServer::start(Duration::from_millis(100));
    let dir = support::TempDir::new();
    files(
        dir.path(),
        &(0..40).map(|n| format!("f-{n:02}.txt")).collect::<Vec<_>>(),
    );
    let child = spawn_batch(&server.url(), dir.path(), 2);
    std::thread::sleep(Duration::from_millis(500));
    // SAFETY: kill only sends a signal to the child this test started.
    assert_eq!(
        unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) },
        0
    );
    let started = Instant::now();
    let output = child.wait_with_output().unwrap();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(output.status.code(), Some(130), "{}", text(&output.stderr));
    let done = lines(&output).len();
    assert!(done < 40, "it stopped: {done} files ended");
    // Every file that ended has its last record on disk; no file is left "sending".
    let journal = std::fs::read_to_string(dir.path().join("j.jsonl")).unwrap();
    let mut last = std::collections::HashMap::new();
    for line in journal.lines() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        last.insert(
            record["path"].as_str().unwrap().to_owned(),
            record["state"].clone(),
        );
    }
    assert!(last.values().all(|state| state != "sending"), "{journal}");
    assert!(text(&output.stderr).contains("stopped by a signal"));
}
