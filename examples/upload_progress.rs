//! Upload a large file with a progress line.
//!
//! ```text
//! cargo run --example upload_progress -- [FILE]
//! ```
//!
//! With `SUNCO_APP_ID` (and the other `SUNCO_*` variables) set it uploads to the API; with none
//! of `SUNCO_APP_ID`, `SUNCO_BASE_URL`, `SUNCO_REGION` and `SUNCO_SUBDOMAIN` set, to a local
//! stand-in server. Without FILE it uploads a 64 MiB temporary file.

#[path = "common/stand_in.rs"]
mod stand_in;

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use sunshine_conversations_client::{Client, Upload};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Deletes the temporary file when the example ends.
struct Temporary(std::path::PathBuf);

impl Drop for Temporary {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let _stand_in;
    let client = if stand_in::nothing_configured() {
        let (server, client) = stand_in::StandIn::client()?;
        _stand_in = server;
        client
    } else {
        Client::from_env()?
    };

    let _temporary;
    let path = match std::env::args().nth(1) {
        Some(path) => std::path::PathBuf::from(path),
        None => {
            let path =
                std::env::temp_dir().join(format!("upload-progress-{}.txt", std::process::id()));
            let mut file = std::fs::File::create(&path)?;
            _temporary = Temporary(path.clone());
            let chunk = vec![0x5au8; 1 << 20];
            for _ in 0..64 {
                file.write_all(&chunk)?;
            }
            path
        }
    };

    let started = Instant::now();
    let upload = Upload::path(&path)?.on_progress(move |sent, total| {
        let rate = sent as f64 / 1e6 / started.elapsed().as_secs_f64().max(1e-3);
        match total {
            Some(total) => eprint!(
                "\r{:>3} % {sent} of {total} bytes, {rate:.0} MB/s",
                sent * 100 / total.max(1)
            ),
            None => eprint!("\r{sent} bytes, {rate:.0} MB/s"),
        }
    });
    let attachment = client.upload(upload)?;
    eprintln!();
    println!("{}", attachment.media_url);
    Ok(())
}
