//! How a run ends badly: what stderr says, and the exit status.

use std::process::ExitCode;

use sunshine_conversations_client::Error;

/// Why a run failed.
pub enum Failure {
    /// A usage error: nothing was sent (exit 2). The usage line follows the message when
    /// given.
    Usage {
        message: String,
        usage: Option<String>,
    },
    /// A call failed (exit 1).
    Call(Error),
    /// Anything else that failed (exit 1).
    Other(String),
    /// Ended by a signal: the call's error, and the exit status (130 for `SIGINT`, 143 for
    /// `SIGTERM`).
    Interrupted(Error, u8),
    /// The exit status alone: what happened is said already (a batch's summary).
    Exit(u8),
}

impl Failure {
    /// A usage error without the usage line.
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure::Usage {
            message: message.into(),
            usage: None,
        }
    }

    /// Reports the failure on stderr and gives the exit status.
    pub fn exit(self) -> ExitCode {
        match self {
            Failure::Usage { message, usage } => {
                match usage {
                    Some(usage) => eprintln!("error: {message}\n\n{usage}"),
                    None => eprintln!("error: {message}"),
                }
                ExitCode::from(2)
            }
            Failure::Call(e) => {
                eprintln!("error: {e}");
                ExitCode::from(1)
            }
            Failure::Other(message) => {
                eprintln!("error: {message}");
                ExitCode::from(1)
            }
            Failure::Interrupted(e, code) => {
                eprintln!("error: {e} (interrupted)");
                ExitCode::from(code)
            }
            Failure::Exit(code) => ExitCode::from(code),
        }
    }
}

impl From<Error> for Failure {
    /// A call's error: exit 1, but for what the library refused before sending because this
    /// build cannot do it (exit 2).
    fn from(e: Error) -> Self {
        match e {
            Error::Unsupported { .. } => Failure::usage(e.to_string()),
            e => Failure::Call(e),
        }
    }
}
