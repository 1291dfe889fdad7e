//! The command line: every subcommand, argument and flag, with the help they print.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use sunshine_conversations_client::{Access, DEFAULT_BATCH_WORKERS, For, MAX_BATCH_WORKERS};

/// What `--help` ends with: where the configuration comes from, and what the exit codes mean.
const ENVIRONMENT: &str = "\
Environment:
  SUNCO_APP_ID                      the app (a subcommand needs it)
  SUNCO_KEY_ID, SUNCO_KEY_SECRET    an API key
  SUNCO_AUTH                        basic (default) or jwt (app-scoped tokens signed locally)
  SUNCO_BASE_URL, SUNCO_SUBDOMAIN,
  SUNCO_REGION                      any URL, a Zendesk subdomain, or us (default) / eu
  SUNCO_TIMEOUT_SECS                1 to 604800: one timeout for connecting, answers and stalls
  SUNCO_MAX_UPLOAD_BYTES,
  SUNCO_MAX_DOWNLOAD_BYTES          the size limits (default 50 MiB each)
  SUNCO_CA_FILE                     a PEM file of root certificates trusted besides the bundled ones
  RUST_LOG                          debug: one line per request; nothing secret at any level

Exit status: 0 success, 1 a failed call, 2 a usage error (nothing was sent), 130 or 143 when
SIGINT or SIGTERM ended a download or a batch.";

/// Upload, download, delete and protect Sunshine Conversations attachments, and receive the
/// files customers send.
#[derive(Debug, Parser)]
#[command(
    name = "sunco",
    version,
    arg_required_else_help = true,
    after_help = ENVIRONMENT
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Upload a file as an attachment of the app; prints the answer's JSON
    Upload(UploadArgs),
    /// Save a media URL's file; prints what was saved as JSON
    Download(DownloadArgs),
    /// Delete an attachment by its media URL; prints `{}`
    Delete {
        /// The attachment's mediaUrl
        media_url: String,
    },
    /// Issue a media token for each attachment path (API versions up to 12.8); prints the
    /// tokens as JSON, by path
    Token {
        /// Attachment paths, e.g. /apps/{appId}/attachments/...
        #[arg(required = true)]
        paths: Vec<String>,
    },
    /// Exchange a media token for the cookie that reads private attachments (API versions up
    /// to 12.8); prints each Set-Cookie value on a line
    Cookie {
        /// A media token from `sunco token`
        media_token: String,
    },
    /// Upload many files, each recorded in a journal: a second run with the journal resumes,
    /// and sends nothing twice that may be stored; prints a JSON line per file
    UploadBatch(UploadBatchArgs),
    /// Download many media URLs into a directory, each recorded in a journal: a second run
    /// with the journal resumes; prints a JSON line per file
    DownloadBatch(DownloadBatchArgs),
    /// Receive webhook calls: answer them, print each event, and download the files customers
    /// send (configured by SUNCO_WEBHOOK_* variables)
    #[command(after_help = crate::receive::ENVIRONMENT)]
    Receive,
    /// The round trip: upload a small file, download it back, get a media token and its
    /// cookie, delete the file. With nothing configured, against a local stand-in server
    Demo,
    /// Print a shell's completion script for sunco
    Completions {
        /// The shell
        shell: Shell,
    },
}

#[derive(Debug, Args)]
pub struct UploadArgs {
    /// The file to upload
    pub file: PathBuf,
    #[command(flatten)]
    pub settings: UploadSettings,
    /// No progress line on a terminal
    #[arg(short, long)]
    pub quiet: bool,
}

/// What `upload` and `upload-batch` send with a file.
#[derive(Debug, Args)]
pub struct UploadSettings {
    /// Who may read the attachment
    #[arg(long, value_enum, default_value_t = AccessArg::Public)]
    pub access: AccessArg,
    /// What the attachment is for, so the API deletes it with its container
    #[arg(long = "for", value_enum)]
    pub intended_for: Option<ForArg>,
    /// The conversation the attachment is for (with --for message)
    #[arg(long)]
    pub conversation_id: Option<String>,
    /// Skip the check of the file's extension and type before sending (the service still
    /// refuses what it does not accept)
    #[arg(long)]
    pub no_file_check: bool,
}

impl UploadSettings {
    pub fn access(&self) -> Access {
        match self.access {
            AccessArg::Public => Access::Public,
            AccessArg::Private => Access::Private,
        }
    }

    pub fn intended_for(&self) -> Option<For> {
        self.intended_for.map(|ForArg::Message| For::Message)
    }
}

#[derive(Debug, Args)]
pub struct DownloadArgs {
    /// The media URL (an attachment's, or a file a customer sent)
    pub media_url: String,
    /// Where to save it (default: the URL's last path segment, made safe)
    #[arg(short, long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Replace PATH if it exists
    #[arg(long)]
    pub force: bool,
    /// No progress line on a terminal
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct UploadBatchArgs {
    /// The journal: created if it does not exist, resumed if it does
    #[arg(long, value_name = "FILE")]
    pub journal: PathBuf,
    /// Files uploaded at once
    #[arg(long, default_value_t = DEFAULT_BATCH_WORKERS, value_parser = workers)]
    pub workers: usize,
    /// Send again the files in doubt (the service may have stored them: a second upload
    /// stores them twice)
    #[arg(long)]
    pub resend_in_doubt: bool,
    #[command(flatten)]
    pub settings: UploadSettings,
    /// No progress line on a terminal
    #[arg(short, long)]
    pub quiet: bool,
    /// Files, or directories: a directory means its regular files, recursively, in sorted
    /// order, hidden ones skipped
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DownloadBatchArgs {
    /// The journal: created if it does not exist, resumed if it does
    #[arg(long, value_name = "FILE")]
    pub journal: PathBuf,
    /// The directory the files are saved into, each named as `download` names it, made
    /// unique within it
    #[arg(long, value_name = "DIR")]
    pub to: PathBuf,
    /// Files downloaded at once
    #[arg(long, default_value_t = DEFAULT_BATCH_WORKERS, value_parser = workers)]
    pub workers: usize,
    /// No progress line on a terminal
    #[arg(short, long)]
    pub quiet: bool,
    /// Media URLs (none: one per line on stdin)
    pub urls: Vec<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AccessArg {
    /// Anyone with the media URL
    Public,
    /// Only holders of a media token
    Private,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ForArg {
    /// A message: deleted with the message, its conversation or its user
    Message,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

/// `--workers`: from 1 to the library's most.
fn workers(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if (1..=MAX_BATCH_WORKERS).contains(&n) => Ok(n),
        _ => Err(format!("a number from 1 to {MAX_BATCH_WORKERS}")),
    }
}
