//! Download a media URL to a file, with a progress line, in flat memory.
//!
//! ```text
//! cargo run --example download -- https://media.smooch.io/apps/.../photo.png photo.png
//! ```
//!
//! With an API key in the `SUNCO_*` variables (`Client::from_env`), the client's credentials go
//! to the API's own media hosts, so private attachments download too; without one, the media is
//! fetched without credentials (public attachments and any other URL).

use std::io::Write;

use sunshine_conversations_client::{Client, Error};

fn main() -> Result<(), Error> {
    let mut args = std::env::args().skip(1);
    let (Some(url), Some(path)) = (args.next(), args.next()) else {
        eprintln!("usage: download MEDIA_URL PATH");
        std::process::exit(2);
    };
    let keyed = std::env::var("SUNCO_KEY_ID").is_ok_and(|key| !key.is_empty());
    let client = if keyed {
        Client::from_env()?
    } else {
        Client::builder().bearer_token("not sent").build()?
    };

    let mut download = client.download(&url).on_progress(|got, total| {
        match total {
            Some(total) if total > 0 => {
                eprint!("\r{got} of {total} bytes ({} %)", got * 100 / total)
            }
            _ => eprint!("\r{got} bytes"),
        }
        let _ = std::io::stderr().flush();
    });
    if !keyed {
        download = download.without_credentials();
    }
    // A temporary file next to PATH, renamed when complete: a failed download leaves nothing.
    let saved = download.to_path(&path)?;
    eprintln!();
    println!(
        "{}: {} bytes ({})",
        saved.path.display(),
        saved.bytes,
        saved.content_type.as_deref().unwrap_or("no content type")
    );
    Ok(())
}
