//! `sunco demo`: the round trip. It uploads a small file, downloads it back and compares it
//! byte for byte (when its media URL is on the configured host; otherwise it says it skips the
//! download), exchanges a media token for a cookie where the API has them, and deletes the
//! file. Every line says what one step did; text from the answers is printed escaped.

use sunshine_conversations_client::{Client, Error, Upload, printable};

use crate::failure::Failure;

pub fn run(client: &Client) -> Result<(), Failure> {
    let content = format!(
        "hello from sunshine-conversations-client {}\n",
        env!("CARGO_PKG_VERSION")
    );
    let size = content.len();
    let attachment = client.upload(Upload::bytes("hello.txt", content.clone()))?;
    let media_url = printable(&attachment.media_url);
    println!(
        "upload: hello.txt ({size} bytes) -> {media_url} ({})",
        printable(attachment.media_type.as_deref().unwrap_or("no media type"))
    );

    if client.sends_credentials_to(&attachment.media_url) {
        let mut reader = client.download(&attachment.media_url).reader()?;
        let mut received = Vec::new();
        std::io::Read::read_to_end(&mut reader, &mut received)
            .map_err(|e| Failure::Other(format!("download: reading {media_url} failed: {e}")))?;
        if received != content.as_bytes() {
            return Err(Failure::Other(format!(
                "download: {media_url} gave {} bytes that differ from the {size} uploaded",
                received.len()
            )));
        }
        println!(
            "download: {} bytes, identical to the upload ({})",
            received.len(),
            printable(reader.content_type().unwrap_or("no content type"))
        );
    } else {
        println!(
            "download: skipped (the media URL is not on the configured host or its media \
             hosts, which are the only ones that see this client's credentials)"
        );
    }

    let path = attachment_path(&attachment.media_url);
    match client.media_tokens([path.clone()]) {
        Err(Error::Unsupported { .. }) => {
            println!("token, cookie: skipped (not in this build's OpenAPI document)");
        }
        Err(e) => return Err(e.into()),
        Ok(tokens) => {
            let token = match (tokens.get(&path), tokens.iter().next()) {
                (Some(token), _) => {
                    println!("token: issued a media token for {}", printable(&path));
                    token.clone()
                }
                (None, Some((keyed, token))) if tokens.len() == 1 => {
                    println!(
                        "token: asked for {}; the API keyed its one token by {}; using that one",
                        printable(&path),
                        printable(keyed)
                    );
                    token.clone()
                }
                _ => {
                    return Err(Failure::Other(format!(
                        "the API issued no media token for {} (it issued {})",
                        printable(&path),
                        tokens.len()
                    )));
                }
            };
            let cookies = client.media_cookie(&token)?;
            println!("cookie: received {} Set-Cookie value(s)", cookies.len());
        }
    }

    client.delete(&attachment.media_url)?;
    println!("delete: {media_url} deleted");
    println!("round trip complete");
    Ok(())
}

/// The attachment path media tokens are issued for, in the documented form
/// `/apps/{appId}/...`: the media URL's path from its `/apps/` segment on (media hosts may put
/// a bucket name before it), or the whole path when it has none.
fn attachment_path(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme
        .find('/')
        .map_or("/", |slash| &after_scheme[slash..]);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    match path.find("/apps/") {
        Some(at) => path[at..].to_owned(),
        None => path.to_owned(),
    }
}
