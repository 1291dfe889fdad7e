//! Upload a file as an attachment, and print its media URL.
//!
//! ```text
//! SUNCO_APP_ID=... SUNCO_KEY_ID=... SUNCO_KEY_SECRET=... cargo run --example upload -- photo.png
//! ```
//!
//! `Client::from_env` reads the `SUNCO_*` variables (the README lists them; `SUNCO_BASE_URL`
//! points the client at any host, a contract mock for instance). Before the first byte is sent,
//! the file is checked as the service's file validation would: a file it refuses never crosses
//! the wire.

use sunshine_conversations_client::{Access, Client, Error, Upload};

fn main() -> Result<(), Error> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "README.md".to_owned());
    let client = Client::from_env()?;

    let upload = Upload::path(&path)?
        .access(Access::Public)
        // Deleted with the message it is sent in (`.conversation_id(..)` names the conversation).
        .for_message();
    match client.upload(upload) {
        Ok(attachment) => {
            println!("{path}: {}", attachment.media_url);
            println!("media type: {:?}", attachment.media_type);
            Ok(())
        }
        // Refused before sending: the extension, or what the first bytes show, is not allowed.
        Err(Error::FileRefused { refusal, .. }) => {
            eprintln!("{path} was not sent: {refusal:?}");
            std::process::exit(2);
        }
        // An upload that may have been stored is never sent again by the client itself: say so.
        Err(e) if e.may_have_been_processed() => {
            eprintln!("{e}\ncheck the conversation before uploading {path} again");
            Err(e)
        }
        Err(e) => Err(e),
    }
}
