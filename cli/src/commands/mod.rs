//! The subcommands that make one call each: what they send, and what they print (the answer as
//! JSON on stdout; anything from a server printed escaped).

pub mod batch;
pub mod demo;

use std::path::PathBuf;

use clap::CommandFactory;
use sunshine_conversations_client::{Client, Error, Secret, Upload, file_name_from_url};

use crate::args::{Cli, DownloadArgs, Shell, UploadArgs};
use crate::failure::Failure;
use crate::progress::Progress;

/// `upload FILE ...`: uploads the file, prints `{"attachment": {"mediaUrl", "mediaType"}}`.
pub fn upload(client: &Client, args: UploadArgs) -> Result<(), Failure> {
    let settings = args.settings;
    let mut upload = Upload::path(&args.file)?.access(settings.access());
    if let Some(mut progress) = Progress::on_terminal("upload", args.quiet) {
        upload = upload.on_progress(move |sent, total| progress.update(sent, total));
    }
    if settings.no_file_check {
        upload = upload.without_file_check();
    }
    if let Some(intended_for) = settings.intended_for() {
        upload = upload.intended_for(intended_for);
    }
    if let Some(id) = settings.conversation_id {
        upload = upload.conversation_id(id);
    }
    let attachment = client.upload(upload).map_err(|e| match e {
        // The file check refused it: nothing was sent.
        Error::FileRefused { .. } => {
            Failure::usage(format!("{e}; `--no-file-check` skips the check"))
        }
        other => other.into(),
    })?;
    print_json(&serde_json::json!({ "attachment": attachment }));
    Ok(())
}

/// `download MEDIA_URL [-o PATH] [--force] [--quiet]`: saves the media, prints
/// `{"download": {"path", "bytes", "contentType", "contentLength"}}`. `SIGINT` or `SIGTERM`
/// ends it at its next read, with no file left.
pub fn download(client: &Client, args: DownloadArgs) -> Result<(), Failure> {
    let path = args
        .output
        .unwrap_or_else(|| PathBuf::from(file_name_from_url(&args.media_url)));
    let interrupts = crate::signals::watch();
    let mut download = client
        .download(&args.media_url)
        .overwrite(args.force)
        .cancel_with(interrupts.token());
    if let Some(mut progress) = Progress::on_terminal("download", args.quiet) {
        download = download.on_progress(move |got, total| progress.update(got, total));
    }
    let saved = download.to_path(&path).map_err(|e| match e {
        // Refused before sending: an existing file without --force, a bad URL.
        Error::InvalidInput { .. } if !args.force && path.exists() => {
            Failure::usage(format!("{e}; `--force` replaces it"))
        }
        Error::InvalidInput { .. } => Failure::usage(e.to_string()),
        Error::Cancelled { .. } => {
            let code = interrupts.exit_code();
            Failure::Interrupted(e, code)
        }
        other => other.into(),
    })?;
    print_json(&serde_json::json!({
        "download": {
            "path": saved.path.display().to_string(),
            "bytes": saved.bytes,
            "contentType": saved.content_type,
            "contentLength": saved.content_length,
        }
    }));
    Ok(())
}

/// `delete MEDIA_URL`: prints `{}`.
pub fn delete(client: &Client, media_url: &str) -> Result<(), Failure> {
    client.delete(media_url)?;
    print_json(&serde_json::json!({}));
    Ok(())
}

/// `token PATH...`: prints the tokens as a JSON object, by path.
pub fn token(client: &Client, paths: Vec<String>) -> Result<(), Failure> {
    let tokens = client.media_tokens(paths)?;
    let map: serde_json::Map<String, serde_json::Value> = tokens
        .iter()
        .map(|(path, token)| (path.to_owned(), token.expose().into()))
        .collect();
    print_json(&serde_json::Value::Object(map));
    Ok(())
}

/// `cookie MEDIA_TOKEN`: prints each `Set-Cookie` value on a line of its own.
pub fn cookie(client: &Client, media_token: String) -> Result<(), Failure> {
    for value in client.media_cookie(&Secret::new(media_token))? {
        println!("{}", value.expose());
    }
    Ok(())
}

/// `completions SHELL`: the shell's completion script on stdout.
pub fn completions(shell: Shell) {
    let shell = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    clap_complete::generate(shell, &mut Cli::command(), "sunco", &mut std::io::stdout());
}

/// `value` as pretty JSON on stdout.
pub fn print_json(value: &serde_json::Value) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
    );
}
