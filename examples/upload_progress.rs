//! Upload a large file with a progress bar.
//!
//! ```text
//! cargo run --example upload_progress -- [FILE]
//! ```
//!
//! With `SUNCO_APP_ID` (and the other `SUNCO_*` variables) set it uploads to the API; without,
//! to a local stand-in server. Without FILE it uploads a 64 MiB temporary file.

use std::io::Write;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
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

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let _stand_in;
    let client = if std::env::var("SUNCO_APP_ID").is_ok_and(|v| !v.is_empty()) {
        Client::from_env()?
    } else {
        let server = httpmock::MockServer::start();
        server.mock(|when, then| {
            when.method(httpmock::Method::POST);
            then.status(201)
                .header("content-type", "application/json")
                .body(r#"{"attachment":{"mediaUrl":"https://media.example/big.bin","mediaType":"application/octet-stream"}}"#);
        });
        eprintln!("SUNCO_APP_ID is not set: uploading to a local stand-in server");
        let client = Client::builder()
            .base_url(server.base_url())
            .basic_auth("app_stand_in", "stand-in-secret")
            .app_id("stand-in-app")
            .max_upload_bytes(1 << 30)
            .build()?;
        _stand_in = server;
        client
    };

    let temporary;
    let path = match std::env::args().nth(1) {
        Some(path) => std::path::PathBuf::from(path),
        None => {
            temporary = tempfile::NamedTempFile::new()?;
            let chunk = vec![0x5au8; 1 << 20];
            let mut file = temporary.as_file();
            for _ in 0..64 {
                file.write_all(&chunk)?;
            }
            temporary.path().to_owned()
        }
    };

    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let progress = bar.clone();
    let upload = Upload::path(&path)?.on_progress(move |sent, total| {
        if let Some(total) = total {
            progress.set_length(total);
        }
        progress.set_position(sent);
    });
    let attachment = client.upload(upload)?;
    bar.finish();
    println!("{}", attachment.media_url);
    Ok(())
}
