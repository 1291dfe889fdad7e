//! Testing your own code that uses this client, without a network, with the typed mocks of the
//! `mock` feature (helpers on top of httpmock, generated for every operation).
//!
//! ```text
//! cargo run --example typed_mocks --features mock
//! ```
//!
//! In your project: `sunshine-conversations-client = { version = "0.1", features = ["mock"] }`
//! under `[dev-dependencies]`, plus `httpmock`.

use httpmock::MockServer;
use sunshine_conversations_client::mock::MockServerExt;
use sunshine_conversations_client::{Access, Client, Error, For, Upload, types};

/// The code under test: uploads a report and returns the URL to send in a message.
fn publish_report(client: &Client, name: &str, pdf: Vec<u8>) -> Result<String, Error> {
    let attachment = client.upload(Upload::bytes(name, pdf).for_message())?;
    Ok(attachment.media_url)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let server = MockServer::start();
    let attachment: types::AttachmentSchema = types::AttachmentSchema::builder()
        .media_url("https://media.example/q3.pdf".to_owned())
        .media_type("application/pdf".to_owned())
        .try_into()?;
    let answer: types::AttachmentResponse = types::AttachmentResponse::builder()
        .attachment(Some(attachment))
        .try_into()?;
    let upload = server.upload_attachment(|when, then| {
        when.app_id("test-app")
            .access(&Access::Public)
            .for_(&For::Message)
            .source_file_name("q3.pdf");
        then.created(&answer);
    });

    let client = Client::builder()
        .base_url(server.base_url())
        .basic_auth("test-key", "test-secret")
        .app_id("test-app")
        .build()?;
    let url = publish_report(&client, "q3.pdf", b"%PDF-1.7".to_vec())?;

    upload.assert();
    assert_eq!(url, "https://media.example/q3.pdf");
    println!("publish_report sent the expected upload and returned {url}");
    Ok(())
}
