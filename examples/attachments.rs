//! A small command-line tool over the attachments API.
//!
//! ```text
//! cargo run --example attachments                      # round trip: upload, token, cookie, delete
//! cargo run --example attachments -- upload FILE [--access public|private] [--for message]
//!                                                      [--conversation-id ID]
//! cargo run --example attachments -- delete MEDIA_URL
//! cargo run --example attachments -- token PATH...
//! cargo run --example attachments -- cookie MEDIA_TOKEN
//! ```
//!
//! Configuration comes from the environment: `SUNCO_APP_ID`, `SUNCO_KEY_ID`,
//! `SUNCO_KEY_SECRET`, `SUNCO_AUTH=basic|jwt`, the host from `SUNCO_BASE_URL`, `SUNCO_REGION`
//! or `SUNCO_SUBDOMAIN`, and `SUNCO_TIMEOUT_SECS`. Without `SUNCO_APP_ID` the tool starts a
//! local stand-in server on 127.0.0.1 that answers like the API, so it works with no account.
//!
//! Exit status: 0 on success, 1 when a call fails, 2 for a usage error.

use std::process::ExitCode;

use sunshine_conversations_client::{Access, Client, Error, For, Secret, Upload};

const USAGE: &str = "usage: attachments [upload FILE [--access public|private] [--for message] \
[--conversation-id ID] | delete MEDIA_URL | token PATH... | cookie MEDIA_TOKEN]";

enum Command {
    RoundTrip,
    Upload {
        file: String,
        access: Access,
        intended_for: Option<For>,
        conversation_id: Option<String>,
    },
    Delete(String),
    Token(Vec<String>),
    Cookie(String),
}

fn parse(args: &[String]) -> Result<Command, String> {
    let Some((command, rest)) = args.split_first() else {
        return Ok(Command::RoundTrip);
    };
    match command.as_str() {
        "upload" => {
            let mut file = None;
            let mut access = Access::Public;
            let mut intended_for = None;
            let mut conversation_id = None;
            let mut rest = rest.iter();
            while let Some(arg) = rest.next() {
                let mut value = |flag: &str| {
                    rest.next()
                        .cloned()
                        .ok_or_else(|| format!("{flag} needs a value"))
                };
                match arg.as_str() {
                    "--access" => {
                        access = match value("--access")?.as_str() {
                            "public" => Access::Public,
                            "private" => Access::Private,
                            other => {
                                return Err(format!(
                                    "--access: `{other}` is not public or private"
                                ));
                            }
                        }
                    }
                    "--for" => {
                        intended_for = match value("--for")?.as_str() {
                            "message" => Some(For::Message),
                            other => return Err(format!("--for: `{other}` is not message")),
                        }
                    }
                    "--conversation-id" => conversation_id = Some(value("--conversation-id")?),
                    flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
                    path if file.is_none() => file = Some(path.to_owned()),
                    extra => return Err(format!("unexpected argument {extra}")),
                }
            }
            Ok(Command::Upload {
                file: file.ok_or("upload needs a FILE")?,
                access,
                intended_for,
                conversation_id,
            })
        }
        "delete" => match rest {
            [url] => Ok(Command::Delete(url.clone())),
            _ => Err("delete needs exactly one MEDIA_URL".to_owned()),
        },
        "token" if !rest.is_empty() => Ok(Command::Token(rest.to_vec())),
        "token" => Err("token needs at least one PATH".to_owned()),
        "cookie" => match rest {
            [token] => Ok(Command::Cookie(token.clone())),
            _ => Err("cookie needs exactly one MEDIA_TOKEN".to_owned()),
        },
        other => Err(format!("unknown command {other}")),
    }
}

fn main() -> ExitCode {
    // `RUST_LOG=debug` shows one line per request (and each retry); nothing secret is logged.
    // The stand-in server's own request dumps are kept out.
    env_logger::Builder::from_default_env()
        .filter_module("httpmock", log::LevelFilter::Warn)
        .filter_module("hyper", log::LevelFilter::Warn)
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if matches!(args.first().map(String::as_str), Some("-h" | "--help")) {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let command = match parse(&args) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("error: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };

    // Keep the stand-in server alive for the whole run.
    let (client, _stand_in) = match connect() {
        Ok(pair) => pair,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    match run(&client, command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Call(e)) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
        Err(Failure::Other(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}

enum Failure {
    // Built only when the document lacks the token or cookie operation.
    #[allow(dead_code)]
    Usage(String),
    Call(Error),
    // Built only by the token step of the round trip, which some documents lack.
    #[allow(dead_code)]
    Other(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Call(e)
    }
}

/// The client from the environment, or one pointed at a local stand-in server when
/// `SUNCO_APP_ID` is not set.
fn connect() -> Result<(Client, Option<stand_in::StandIn>), Error> {
    if std::env::var("SUNCO_APP_ID").is_ok_and(|v| !v.is_empty()) {
        return Ok((Client::from_env()?, None));
    }
    let server = stand_in::StandIn::start();
    eprintln!(
        "SUNCO_APP_ID is not set: using a local stand-in server at {}",
        server.base_url()
    );
    let client = Client::builder()
        .base_url(server.base_url())
        .basic_auth("app_stand_in", "stand-in-secret")
        .app_id(stand_in::APP_ID)
        .build()?;
    Ok((client, Some(server)))
}

fn run(client: &Client, command: Command) -> Result<(), Failure> {
    match command {
        Command::RoundTrip => round_trip(client),
        Command::Upload {
            file,
            access,
            intended_for,
            conversation_id,
        } => {
            let mut upload = Upload::path(&file)?.access(access);
            if let Some(intended_for) = intended_for {
                upload = upload.intended_for(intended_for);
            }
            if let Some(id) = conversation_id {
                upload = upload.conversation_id(id);
            }
            let attachment = client.upload(upload)?;
            print_json(&serde_json::json!({ "attachment": attachment }));
            Ok(())
        }
        Command::Delete(url) => {
            client.delete(&url)?;
            print_json(&serde_json::json!({}));
            Ok(())
        }
        Command::Token(paths) => tokens(client, paths),
        Command::Cookie(token) => cookie(client, &Secret::new(token)),
    }
}

fn print_json(value: &serde_json::Value) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
    );
}

#[cfg(sunco_helper = "media_tokens")]
fn tokens(client: &Client, paths: Vec<String>) -> Result<(), Failure> {
    let tokens = client.media_tokens(paths)?;
    let map: serde_json::Map<String, serde_json::Value> = tokens
        .iter()
        .map(|(path, token)| (path.to_owned(), token.expose().into()))
        .collect();
    print_json(&serde_json::Value::Object(map));
    Ok(())
}

#[cfg(not(sunco_helper = "media_tokens"))]
fn tokens(_: &Client, _: Vec<String>) -> Result<(), Failure> {
    Err(Failure::Usage(
        "token: this build's OpenAPI document has no media token operation (removed in API 13.1)"
            .to_owned(),
    ))
}

#[cfg(sunco_helper = "media_cookie")]
fn cookie(client: &Client, token: &Secret) -> Result<(), Failure> {
    for value in client.media_cookie(token)? {
        println!("{}", value.expose());
    }
    Ok(())
}

#[cfg(not(sunco_helper = "media_cookie"))]
fn cookie(_: &Client, _: &Secret) -> Result<(), Failure> {
    Err(Failure::Usage(
        "cookie: this build's OpenAPI document has no cookie operation (removed in API 13.1)"
            .to_owned(),
    ))
}

/// Upload a small file, get a media token for it, exchange the token for a cookie, delete it.
fn round_trip(client: &Client) -> Result<(), Failure> {
    let content = format!(
        "hello from sunshine-conversations-client {}\n",
        env!("CARGO_PKG_VERSION")
    );
    let size = content.len();
    let attachment = client.upload(Upload::bytes("hello.txt", content))?;
    println!(
        "upload: hello.txt ({size} bytes) -> {} ({})",
        attachment.media_url,
        attachment.media_type.as_deref().unwrap_or("no media type")
    );

    #[cfg(all(sunco_helper = "media_tokens", sunco_helper = "media_cookie"))]
    {
        let path = media_path(&attachment.media_url);
        let tokens = client.media_tokens([path.clone()])?;
        let Some(token) = tokens.get(&path) else {
            return Err(Failure::Other(format!(
                "the API issued no media token for {path}"
            )));
        };
        println!("token: issued a media token for {path}");
        let cookies = client.media_cookie(token)?;
        println!("cookie: received {} Set-Cookie value(s)", cookies.len());
    }
    #[cfg(not(all(sunco_helper = "media_tokens", sunco_helper = "media_cookie")))]
    println!("token, cookie: skipped (not in this build's OpenAPI document)");

    client.delete(&attachment.media_url)?;
    println!("delete: {} deleted", attachment.media_url);
    println!("round trip complete");
    Ok(())
}

/// The path of a media URL, which is what media tokens are issued for.
#[cfg(all(sunco_helper = "media_tokens", sunco_helper = "media_cookie"))]
fn media_path(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(slash) => after_scheme[slash..].to_owned(),
        None => "/".to_owned(),
    }
}

/// A local server that answers the four attachment operations like the API does.
mod stand_in {
    use httpmock::Method::{GET, POST};
    use httpmock::{HttpMockResponse, MockServer};

    pub const APP_ID: &str = "stand-in-app";

    pub struct StandIn {
        server: MockServer,
    }

    impl StandIn {
        pub fn start() -> StandIn {
            let server = MockServer::start();
            let base = server.base_url();
            let app = format!("/v2/apps/{APP_ID}/attachments");

            let media_base = base.clone();
            server.mock(|when, then| {
                when.method(POST)
                    .path(app.clone())
                    .query_param_exists("access")
                    .header_exists("authorization");
                then.respond_with(move |request| {
                    let body = request.body_string();
                    let name = body
                        .split("filename=\"")
                        .nth(1)
                        .and_then(|rest| rest.split('"').next())
                        .unwrap_or("file")
                        .to_owned();
                    let media_type = body
                        .split("Content-Type: ")
                        .nth(1)
                        .and_then(|rest| rest.split("\r\n").next())
                        .unwrap_or("application/octet-stream")
                        .to_owned();
                    let url = format!("{media_base}/apps/{APP_ID}/attachments/{name}");
                    json(201, &serde_json::json!({"attachment": {"mediaUrl": url, "mediaType": media_type}}))
                });
            });
            server.mock(|when, then| {
                when.method(POST)
                    .path(format!("{app}/remove"))
                    .header_exists("authorization");
                then.status(200)
                    .header("content-type", "application/json")
                    .body("{}");
            });
            server.mock(|when, then| {
                when.method(POST)
                    .path(format!("{app}/token"))
                    .header_exists("authorization");
                then.respond_with(|request| {
                    let paths: Vec<String> =
                        serde_json::from_slice::<serde_json::Value>(request.body_ref())
                            .ok()
                            .and_then(|v| serde_json::from_value(v["paths"].clone()).ok())
                            .unwrap_or_default();
                    let tokens: serde_json::Map<String, serde_json::Value> = paths
                        .into_iter()
                        .map(|p| (p, "stand-in-media-token".into()))
                        .collect();
                    json(200, &serde_json::json!({ "tokens": tokens }))
                });
            });
            server.mock(|when, then| {
                when.method(GET)
                    .path(format!("{app}/cookie"))
                    .header("authorization", "Bearer stand-in-media-token");
                then.status(200)
                    .header("content-type", "application/json")
                    .header(
                        "set-cookie",
                        format!(
                            "smooch-media-token=stand-in; Path=/apps/{APP_ID}; HttpOnly; Secure"
                        ),
                    )
                    .body("{}");
            });
            StandIn { server }
        }

        pub fn base_url(&self) -> String {
            self.server.base_url()
        }
    }

    fn json(status: u16, value: &serde_json::Value) -> HttpMockResponse {
        HttpMockResponse::builder()
            .status(status)
            .header("content-type", "application/json")
            .body(value.to_string())
            .build()
    }
}
