//! The real use of an attachment, end to end: upload a file, post it into a conversation as an
//! image or file message (`postMessage` with the `mediaUrl` the upload returned), then list the
//! conversation's last messages. Needs the whole API: `--features full-api`.
//!
//! ```text
//! SUNCO_CONVERSATION_ID=... cargo run --features full-api --example send_file -- [FILE]
//! ```
//!
//! Configured by the `SUNCO_*` variables (`Client::from_env`), plus `SUNCO_CONVERSATION_ID`,
//! the conversation to post into. Without FILE it sends a 1×1 PNG image it makes itself. The
//! messages are built with the models' builders: a required field left unset is an
//! `Error::InvalidInput`, not a panic.

use sunshine_conversations_client::{Client, Error, Upload, types};

/// A 1×1 PNG, so the example has an image to send without a file.
const PIXEL_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
    0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

fn main() -> Result<(), Error> {
    let client = Client::from_env()?;
    let app_id = client.app_id().unwrap_or_default().to_owned();
    let conversation = std::env::var("SUNCO_CONVERSATION_ID").unwrap_or_default();

    // 1. Upload, meant for a message of this conversation.
    let upload = match std::env::args().nth(1) {
        Some(path) => Upload::path(path)?,
        None => Upload::bytes("pixel.png", PIXEL_PNG.to_vec()),
    };
    let attachment = client.upload(upload.for_message().conversation_id(&conversation))?;
    let media_type = attachment.media_type.clone().unwrap_or_default();
    println!("upload: {} ({media_type})", attachment.media_url);

    // 2. Post it: an image message for images, a file message otherwise.
    let content: types::Content = if media_type.starts_with("image/") {
        let image: types::ImageMessage = types::ImageMessage::builder()
            .type_("image")
            .media_url(attachment.media_url.clone())
            .try_into()?;
        image.into()
    } else {
        let file: types::FileMessage = types::FileMessage::builder()
            .type_("file")
            .media_url(attachment.media_url.clone())
            .try_into()?;
        file.into()
    };
    let message: types::MessagePost = types::MessagePost::builder()
        .author(types::Author::builder().type_("business"))
        .content(content)
        .try_into()?;
    let posted = client
        .post_message(&app_id, &conversation, &message)
        .send()?;
    let ids: Vec<&str> = posted
        .messages
        .iter()
        .filter_map(|m| m.id.as_deref())
        .collect();
    println!("message: posted ({})", ids.join(", "));

    // 3. The conversation's last messages; `items()` would page through all of them.
    let listed = client.list_messages(&app_id, &conversation).send()?;
    for message in listed.messages.iter().rev().take(5) {
        let kind = match &message.content {
            Some(types::Content::ImageMessage(_)) => "image",
            Some(types::Content::FileMessage(_)) => "file",
            Some(_) => "other",
            None => "?",
        };
        println!("  {} {kind}", message.id.as_deref().unwrap_or("?"));
    }
    Ok(())
}
