//! A webhook handler: check the key, answer `200` at once, then download the files customers
//! send. On tiny_http, a small blocking HTTP server.
//!
//! ```text
//! SUNCO_WEBHOOK_SECRET=... cargo run --example webhook_handler --features webhooks
//! ```
//!
//! The service retries a call that gets no `2xx` within 20 s, so the answer goes first and the
//! download after it; `SeenEvents` skips an event delivered twice. `sunco receive` is the same
//! handler hardened for the open internet (connection limits, deadlines, a download pool).

use sunshine_conversations_client::webhooks::{self, Event, SeenEvents};
use sunshine_conversations_client::{Client, Secret, printable, types};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let secret = Secret::new(std::env::var("SUNCO_WEBHOOK_SECRET")?);
    let address = std::env::var("SUNCO_WEBHOOK_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".into());
    let server = tiny_http::Server::http(&address).map_err(|e| e.to_string())?;
    eprintln!("listening on http://{}", server.server_addr());
    let client = Client::builder().bearer_token("not sent").build()?;
    let mut seen = SeenEvents::new(10_000);

    for mut request in server.incoming_requests() {
        let key = request
            .headers()
            .iter()
            .find(|h| h.field.equiv(webhooks::API_KEY_HEADER))
            .map(|h| h.value.as_str().to_owned());
        let mut body = Vec::new();
        let read = std::io::Read::read_to_end(
            &mut std::io::Read::take(
                request.as_reader(),
                webhooks::DEFAULT_MAX_BODY_BYTES as u64 + 1,
            ),
            &mut body,
        );
        // A refusal answers with its own status: 401 for the key, 413 for the size, 400 else.
        let parsed = match read {
            Err(e) => Err((400, e.to_string())),
            Ok(_) => webhooks::verify_api_key(key.as_deref(), &secret)
                .and_then(|()| webhooks::parse(&body, webhooks::DEFAULT_MAX_BODY_BYTES))
                .map_err(|e| (e.status(), e.to_string())),
        };
        let payload = match parsed {
            Ok(payload) => payload,
            Err((status, refused)) => {
                let _ = request
                    .respond(tiny_http::Response::from_string(refused).with_status_code(status));
                continue;
            }
        };
        // Answer first: the downloads below may take longer than the service waits.
        let _ = request.respond(tiny_http::Response::from_string("accepted"));
        for event in &payload.events {
            let id = event.id().unwrap_or_default();
            if !seen.first_time(&id) {
                continue;
            }
            println!("event {} {}", printable(event.event_type()), printable(&id));
            let Event::ConversationMessage(message) = event else {
                continue;
            };
            let content = message
                .payload
                .as_ref()
                .and_then(|p| p.message.as_ref())
                .and_then(|m| m.content.as_ref());
            let url = match content {
                Some(types::Content::ImageMessage(image)) => &image.media_url,
                Some(types::Content::FileMessage(file)) => &file.media_url,
                _ => continue,
            };
            let name = format!(
                "{}.download",
                sunshine_conversations_client::sanitize_file_name(&id)
            );
            match client.download(url).without_credentials().to_path(&name) {
                Ok(saved) => println!("file {} {}", saved.path.display(), saved.bytes),
                Err(e) => eprintln!("error: {e}"),
            }
        }
    }
    Ok(())
}
