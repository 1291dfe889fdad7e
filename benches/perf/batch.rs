//! Batches: what workers buy against a distant service, and what a file costs in memory.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::server::{self, Server};
use crate::{TempDir, median};

/// How long the stand-in service takes to answer an upload.
const SERVICE_DELAY: Duration = Duration::from_millis(40);
/// Files in the speed figure's batch.
const SPEED_FILES: usize = 150;

/// `count` files of 1 KiB of text in a directory `name` under `dir`.
fn small_files(dir: &Path, name: &str, count: usize) -> Option<Vec<PathBuf>> {
    let files = dir.join(name);
    std::fs::create_dir_all(&files).ok()?;
    let content = server::text(1024);
    (0..count)
        .map(|n| {
            let path = files.join(format!("file-{n:05}.txt"));
            std::fs::write(&path, &content).ok()?;
            Some(path)
        })
        .collect()
}

/// One batch of `files` with `workers` and a new journal: its wall time, once every file is
/// uploaded.
fn timed_batch(url: &str, dir: &Path, files: &[PathBuf], workers: usize) -> Option<Duration> {
    let journal = dir.join(format!("journal-{workers}.jsonl"));
    let _ = std::fs::remove_file(&journal);
    let client = crate::client(url);
    let started = Instant::now();
    let summary = client
        .upload_batch(&journal)
        .files(files.to_vec())
        .workers(workers)
        .run()
        .ok()?;
    let elapsed = started.elapsed();
    (summary.uploaded == files.len()).then_some(elapsed)
}

/// Figure 9, what workers buy: 150 uploads of 1 KiB against a service that answers each
/// 40 ms after reading it, with 4 workers and with 1, in 3 interleaved rounds. Returns the
/// median of the rounds' 4-workers/1-worker ratios (budget <= 0.35).
pub fn speedup() -> Option<f64> {
    let server = Server::answering_uploads_after(SERVICE_DELAY);
    let dir = TempDir::new()?;
    let files = small_files(dir.path(), "speed", SPEED_FILES)?;
    let (mut one, mut four, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..3 {
        let single = timed_batch(&server.url(), dir.path(), &files, 1)?;
        let parallel = timed_batch(&server.url(), dir.path(), &files, 4)?;
        ratios.push(parallel.as_secs_f64() / single.as_secs_f64());
        one.push(single.as_secs_f64());
        four.push(parallel.as_secs_f64());
    }
    let ratio = median(ratios);
    println!(
        "batch: {SPEED_FILES} uploads, {} ms a request: 1 worker {:.2} s, 4 workers {:.2} s \
         (medians): ratio {ratio:.3} (budget <= 0.35)",
        SERVICE_DELAY.as_millis(),
        median(one),
        median(four)
    );
    Some(ratio)
}

/// Figure 10, what a file costs in memory: peak RSS of `sunco upload-batch` over 10,000
/// files minus over 1,000, divided by the 9,000 files between them, for the run that uploads
/// them and for the run that resumes the complete journal (every file skipped, the journal's
/// index of 10,000 records read). Returns the uploading run's bytes per file.
pub fn bytes_per_file(url: &str) -> Option<f64> {
    let binary = crate::rss_sunco("batch memory")?;
    let dir = TempDir::new()?;
    let mut peaks = Vec::new();
    for count in [1_000, 10_000] {
        let name = format!("memory-{count}");
        small_files(dir.path(), &name, count)?;
        let journal = dir.path().join(format!("{name}.jsonl"));
        let files = dir.path().join(&name);
        let args = [
            "upload-batch".as_ref(),
            "--quiet".as_ref(),
            "--journal".as_ref(),
            journal.as_os_str(),
            files.as_os_str(),
        ];
        let uploading = crate::peak_rss_kib(&binary, url, &args)?;
        let resuming = crate::peak_rss_kib(&binary, url, &args)?;
        peaks.push((uploading, resuming, std::fs::metadata(&journal).ok()?.len()));
    }
    let per_file = |small: u64, large: u64| (large as f64 - small as f64) * 1024.0 / 9_000.0;
    let (uploading, resuming) = (
        per_file(peaks[0].0, peaks[1].0),
        per_file(peaks[0].1, peaks[1].1),
    );
    println!(
        "batch memory: sunco upload-batch peak RSS {} KiB for 1,000 files, {} KiB for 10,000: \
         {uploading:.0} bytes a file; resumed (all skipped): {} KiB and {} KiB, {resuming:.0} \
         bytes a file; the journal {:.0} bytes a file on disk",
        peaks[0].0,
        peaks[1].0,
        peaks[0].1,
        peaks[1].1,
        peaks[1].2 as f64 / 10_000.0
    );
    Some(uploading)
}
