//! `sunco`: the Sunshine Conversations attachments API from the command line.
//!
//! ```text
//! sunco upload FILE [--access public|private] [--for message] [--conversation-id ID]
//!                   [--no-file-check] [--quiet]
//! sunco download MEDIA_URL [-o PATH] [--force] [--quiet]
//! sunco delete MEDIA_URL
//! sunco token PATH...
//! sunco cookie MEDIA_TOKEN
//! sunco upload-batch --journal FILE [--workers N] [--resend-in-doubt] [upload's flags] PATH...
//! sunco download-batch --journal FILE --to DIR [--workers N] [URL...]
//! sunco receive
//! sunco demo
//! sunco completions bash|zsh|fish
//! ```
//!
//! Configuration comes from the `SUNCO_*` variables (`sunco --help` lists them), read by the
//! client library's `Client::from_env`. stdout carries the answer (JSON for most subcommands),
//! stderr the messages; text from a server or a payload is printed escaped. Exit status: 0
//! success, 1 a failed call, 2 a usage error with nothing sent, 130 or 143 when `SIGINT` or
//! `SIGTERM` ended a download or a batch.

mod args;
mod commands;
mod connect;
mod failure;
mod logger;
mod progress;
mod receive;
mod signals;
mod stand_in;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};
use crate::failure::Failure;

fn main() -> ExitCode {
    // `RUST_LOG=debug` shows one line per request (and each retry); nothing secret is logged.
    logger::init();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version on stdout with 0; a usage error on stderr with 2.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.exit(),
    }
}

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Completions { shell } => {
            commands::completions(shell);
            Ok(())
        }
        Command::Receive => receive::run(),
        Command::Demo => {
            // The stand-in, when it serves, lives until the demo ends.
            let (client, _stand_in) = connect::for_demo()?;
            commands::demo::run(&client)
        }
        Command::Upload(args) => commands::upload(&connect::from_env()?, args),
        Command::Download(args) => commands::download(&connect::from_env()?, args),
        Command::Delete { media_url } => commands::delete(&connect::from_env()?, &media_url),
        Command::Token { paths } => commands::token(&connect::from_env()?, paths),
        Command::Cookie { media_token } => commands::cookie(&connect::from_env()?, media_token),
        Command::UploadBatch(args) => commands::batch::upload(&connect::from_env()?, args),
        Command::DownloadBatch(args) => commands::batch::download(&connect::from_env()?, args),
    }
}
