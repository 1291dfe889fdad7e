//! The command line: every subcommand, argument and flag, with the help they print.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
SIGINT or SIGTERM ended a download.";

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
    /// No progress line on a terminal
    #[arg(short, long)]
    pub quiet: bool,
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
