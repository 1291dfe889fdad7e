//! The real use of an attachment, end to end: upload a file, post it into a conversation as an
//! image or file message (`postMessage` with the `mediaUrl` the upload returned), then list the
//! conversation's last messages. Needs the whole API: `--features full-api`.
//!
//! ```text
//! cargo run --features full-api --example send_file -- [FILE]
//! ```
//!
//! Configured like the `attachments` example by the `SUNCO_*` variables, plus
//! `SUNCO_CONVERSATION_ID`, the conversation to post into. With none of `SUNCO_APP_ID`,
//! `SUNCO_BASE_URL`, `SUNCO_REGION` and `SUNCO_SUBDOMAIN` set it runs against a local stand-in
//! server (and says so); with `SUNCO_BASE_URL` it talks to that host, a contract mock of the
//! document for instance. Without FILE it sends a small PNG image it makes itself.
//!
//! Exit status: 0 on success, 1 when a call fails, 2 for a usage error.

#[path = "common/logger.rs"]
mod logger;
#[path = "common/stand_in.rs"]
mod stand_in;

use std::process::ExitCode;

use sunshine_conversations_client::{Client, Error, Upload, types};

/// The conversation the stand-in serves (any id works there).
const STAND_IN_CONVERSATION: &str = "c616a583e4c240a871818541";

/// How many of the last messages to show.
const SHOWN: usize = 5;

/// A 1×1 PNG, so the example has an image to send without a file.
const PIXEL_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
    0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

enum Failure {
    Usage(String),
    Call(Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Call(e)
    }
}

fn main() -> ExitCode {
    logger::init();
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Call(e)) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn run() -> Result<(), Failure> {
    let file = std::env::args().nth(1);
    let _stand_in;
    let (client, conversation) = if stand_in::nothing_configured() {
        let (server, client) = stand_in::StandIn::client().map_err(Failure::Usage)?;
        _stand_in = server;
        (client, STAND_IN_CONVERSATION.to_owned())
    } else {
        if !stand_in::configured("SUNCO_APP_ID") {
            return Err(Failure::Usage(
                "SUNCO_APP_ID is not set: the example posts into a conversation of your app"
                    .to_owned(),
            ));
        }
        let conversation = std::env::var("SUNCO_CONVERSATION_ID")
            .ok()
            .filter(|v| !v.trim().is_empty())
            .ok_or_else(|| {
                Failure::Usage(
                    "SUNCO_CONVERSATION_ID is not set: the conversation to post into".to_owned(),
                )
            })?;
        (Client::from_env()?, conversation)
    };
    let app_id = client
        .app_id()
        .ok_or_else(|| Failure::Usage("no app id".to_owned()))?
        .to_owned();

    // 1. Upload, meant for a message of this conversation.
    let upload = match &file {
        Some(path) => Upload::path(path)?,
        None => Upload::bytes("pixel.png", PIXEL_PNG.to_vec()),
    };
    let attachment = client.upload(upload.for_message().conversation_id(&conversation))?;
    let media_type = attachment
        .media_type
        .clone()
        .unwrap_or_else(|| "application/octet-stream".to_owned());
    println!("upload: {} ({media_type})", attachment.media_url);

    // 2. Post it: an image message for images, a file message otherwise, built with the
    //    models' builders (a required field left unset is an error, not a panic).
    let media_url = attachment.media_url.clone();
    let (content, kind, article): (types::Content, _, _) = if media_type.starts_with("image/") {
        let image: types::ImageMessage = types::ImageMessage::builder()
            .type_(types::ImageMessageType::Image)
            .media_url(media_url)
            .try_into()
            .map_err(unfit)?;
        (image.into(), "image", "an")
    } else {
        let file: types::FileMessage = types::FileMessage::builder()
            .type_(types::FileMessageType::File)
            .media_url(media_url)
            .try_into()
            .map_err(unfit)?;
        (file.into(), "file", "a")
    };
    let message: types::MessagePost = types::MessagePost::builder()
        .author(types::Author::builder().type_(types::AuthorType::Business))
        .content(content)
        .try_into()
        .map_err(unfit)?;
    let posted = client
        .post_message(&app_id, &conversation, &message)
        .send()?;
    let ids: Vec<&str> = posted
        .messages
        .iter()
        .filter_map(|m| m.id.as_deref())
        .collect();
    println!(
        "message: posted {article} {kind} message ({})",
        ids.join(", ")
    );

    // 3. The conversation's last messages.
    let listed = client
        .list_messages(&app_id, &conversation)
        .send()?
        .into_inner();
    let messages = listed.messages;
    println!(
        "messages: the conversation's last {} of {}:",
        messages.len().min(SHOWN),
        messages.len()
    );
    for message in messages.iter().rev().take(SHOWN).rev() {
        let (kind, shown) = match &message.content {
            Some(types::Content::ImageMessage(image)) => ("image", image.media_url.as_str()),
            Some(types::Content::FileMessage(file)) => ("file", file.media_url.as_str()),
            Some(_) => ("other", ""),
            None => ("?", ""),
        };
        println!("  {} {kind} {shown}", message.id.as_deref().unwrap_or("?"));
    }
    println!("sent");
    Ok(())
}

/// A message the models refuse: the build's document does not fit what the example sends.
fn unfit(e: types::error::ConversionError) -> Failure {
    Failure::Usage(format!("this build's message model does not fit: {e}"))
}
