//! The receiver's downloads: the files of image and file messages, fetched by a pool of
//! workers into the directory, each under a name of its own.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::Receiver;
use std::time::Duration;

use sunshine_conversations_client::{Client, printable, sanitize_file_name};

/// The longest event id taken: the service's ids are 24 hex digits, so an id over 256 bytes is
/// no delivery of the service (answered `400`).
pub(super) const MAX_EVENT_ID_BYTES: usize = 256;

/// A file to fetch: its media URL and the event it came with.
pub(super) struct Job {
    pub(super) url: String,
    pub(super) event_id: String,
}

/// The download workers' shared state: each takes the next job when it is free.
pub(super) struct Pool {
    pub(super) client: Client,
    pub(super) with_key: bool,
    pub(super) directory: PathBuf,
    pub(super) deadline: Duration,
    pub(super) queue: Mutex<Receiver<Job>>,
}

impl Pool {
    /// Downloads jobs until the queue closes.
    pub(super) fn work(&self) {
        loop {
            let job = self.queue.lock().unwrap_or_else(|p| p.into_inner()).recv();
            let Ok(job) = job else { return };
            self.fetch(&job);
        }
    }

    /// Downloads one job's media into the directory, under a name of its own; an existing
    /// file is never replaced. A stuck download ends at the deadline.
    fn fetch(&self, job: &Job) {
        let path = self
            .directory
            .join(media_file_name(&job.event_id, &job.url));
        let mut download = self.client.download(&job.url).deadline(self.deadline);
        if !self.with_key {
            download = download.without_credentials();
        }
        match download.to_path(&path) {
            Ok(saved) => println!("file {} {}", shown(&saved.path), saved.bytes),
            Err(e) => eprintln!(
                "error: download of event {} failed: {e}",
                printable(&job.event_id)
            ),
        }
    }
}

/// The client that downloads media: from the `SUNCO_*` variables when a key is set.
pub(super) fn downloader() -> Result<(Client, bool), String> {
    if crate::connect::configured("SUNCO_KEY_ID") {
        return Client::from_env()
            .map(|client| (client, true))
            .map_err(|e| e.to_string());
    }
    // No key: a client whose credentials are never sent (every download is made
    // `without_credentials`).
    Client::builder()
        .bearer_token("unused")
        .build()
        .map(|client| (client, false))
        .map_err(|e| e.to_string())
}

/// A name for the file of an event's media: unique per event id, safe on every file system,
/// and recognisable. It is the event id and the media URL's last path segment, both made safe
/// by `sanitize_file_name`, with a digest of the id between them (16 hex digits): ids that read
/// alike once made safe (`a/x` and `a_x`) still get names of their own. At most 200 bytes; the
/// extension is kept.
pub(super) fn media_file_name(event_id: &str, media_url: &str) -> String {
    let segment = media_url
        .split(['?', '#'])
        .next()
        .and_then(|path| path.rsplit('/').next())
        .filter(|segment| !segment.is_empty())
        .unwrap_or("media");
    let segment = percent_encoding::percent_decode_str(segment).decode_utf8_lossy();
    let mut id = sanitize_file_name(event_id);
    // 64 bytes of the id at most, so that the digest and the media's name always fit (the id
    // is ASCII once made safe).
    id.truncate(64);
    let digest = ring::digest::digest(&ring::digest::SHA256, event_id.as_bytes());
    let digest: String = digest.as_ref()[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    sanitize_file_name(&format!("{id}-{digest}-{segment}"))
}

fn shown(path: &Path) -> String {
    printable(&path.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_file_names_are_unique_per_id_and_bounded() {
        let url = "https://media.smooch.io/apps/a/attachments/photo%20one.png?X-Amz-Signature=s";
        let names: std::collections::HashSet<String> = ["e/x", "e_x", "e\\x", "e\nx"]
            .iter()
            .map(|id| media_file_name(id, url))
            .collect();
        assert_eq!(names.len(), 4, "{names:?}");
        for name in &names {
            assert!(name.ends_with("-photo one.png"), "{name}");
            assert!(!name.contains(['/', '\\', '\n']), "{name}");
        }
        let long = media_file_name(
            &"i".repeat(300),
            &format!("https://h/{}.pdf", "n".repeat(300)),
        );
        assert!(long.len() <= 200 && long.ends_with(".pdf"), "{long}");
        assert!(
            long.contains(&"i".repeat(64)),
            "the id's start and its digest stay: {long}"
        );
        assert_eq!(
            media_file_name("e", "https://h/"),
            media_file_name("e", "https://h/media")
        );
    }
}
