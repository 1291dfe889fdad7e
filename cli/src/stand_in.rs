//! A local stand-in for the API, so `sunco demo` runs with no account: an HTTP/1.1 server on
//! 127.0.0.1 that answers the attachment operations in the shapes the OpenAPI document gives.
//!
//! It keeps the files uploaded in memory, serves them at their media URLs to the stand-in's own
//! credentials (or its media cookie) only, and accepts any credentials for the API's routes (but
//! requires that some are sent).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The app id the stand-in serves.
pub const APP_ID: &str = "stand-in-app";

/// The media token the stand-in issues, and accepts for the cookie.
pub const MEDIA_TOKEN: &str = "stand-in-media-token";

/// Connections and requests per connection served at most: the loops are bounded.
const MAX_CONNECTIONS: usize = 10_000;
const MAX_REQUESTS: usize = 10_000;

/// A running stand-in; it stops with the process.
pub struct StandIn {
    base_url: String,
}

/// The key the stand-in's client uses; its media answer to these credentials only.
const KEY_ID: &str = "app_stand_in";
const KEY_SECRET: &str = "stand-in-secret";

/// The media cookie the stand-in sets, and accepts for its media.
const MEDIA_COOKIE: &str = "smooch-media-token=stand-in";

/// What the stand-in keeps: the files uploaded, by media path, with content type and bytes.
type Files = Mutex<HashMap<String, (String, Vec<u8>)>>;

/// One answer: status line, extra header lines, content type, body.
type Answer = (&'static str, String, String, Vec<u8>);

impl StandIn {
    /// Starts the server on a free loopback port.
    pub fn start() -> std::io::Result<StandIn> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let base_url = format!("http://{}", listener.local_addr()?);
        let files = Arc::new(Files::default());
        let media_base = base_url.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().take(MAX_CONNECTIONS) {
                let Ok(stream) = stream else { continue };
                let (media_base, files) = (media_base.clone(), Arc::clone(&files));
                std::thread::spawn(move || serve(stream, &media_base, &files));
            }
        });
        Ok(StandIn { base_url })
    }

    /// Where it listens, e.g. `http://127.0.0.1:41234`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Starts the stand-in, says so on stderr, and returns it with a client of it.
    pub fn client() -> Result<(StandIn, sunshine_conversations_client::Client), String> {
        let server =
            StandIn::start().map_err(|e| format!("cannot start the local stand-in server: {e}"))?;
        eprintln!(
            "SUNCO_APP_ID and the host are not set: using a local stand-in server at {} \
             (nothing is sent to the API)",
            server.base_url()
        );
        let client = sunshine_conversations_client::Client::builder()
            .base_url(server.base_url())
            .basic_auth(KEY_ID, KEY_SECRET)
            .app_id(APP_ID)
            .max_upload_bytes(1 << 30)
            .build()
            .map_err(|e| e.to_string())?;
        Ok((server, client))
    }
}

struct Request {
    method: String,
    path: String,
    query: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

fn serve(stream: TcpStream, media_base: &str, files: &Files) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
    let mut reader = BufReader::new(stream);
    for _ in 0..MAX_REQUESTS {
        let Some(request) = read_request(&mut reader) else {
            return;
        };
        let (status, extra, content_type, body) = match media(&request, files) {
            Some(answer) => answer,
            None => json_answer(api(&request, media_base, files)),
        };
        let response = format!(
            "HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\n{extra}\r\n",
            body.len()
        );
        let stream = reader.get_mut();
        if stream.write_all(response.as_bytes()).is_err() || stream.write_all(&body).is_err() {
            return;
        }
    }
}

/// The answer to a `GET` of a stored file's media path: the file to the stand-in's own
/// credentials or media cookie, `401` to anyone else. `None` for other requests.
fn media(request: &Request, files: &Files) -> Option<Answer> {
    if request.method != "GET" {
        return None;
    }
    let files = files.lock().unwrap_or_else(|p| p.into_inner());
    let (content_type, bytes) = files.get(&request.path)?;
    let basic = {
        use base64::Engine as _;
        let pair = format!("{KEY_ID}:{KEY_SECRET}");
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(pair)
        )
    };
    let by_key = request.header("authorization") == Some(basic.as_str());
    let by_cookie = request
        .header("cookie")
        .is_some_and(|c| c.split(';').any(|pair| pair.trim() == MEDIA_COOKIE));
    if !(by_key || by_cookie) {
        return Some(json_answer(error(
            "401 Unauthorized",
            "unauthorized",
            "This attachment is private",
        )));
    }
    Some(("200 OK", String::new(), content_type.clone(), bytes.clone()))
}

/// The file of a `multipart/form-data` body: its name, content type and bytes.
fn uploaded_file(request: &Request) -> Option<(String, String, Vec<u8>)> {
    let boundary = request
        .header("content-type")?
        .split("boundary=")
        .nth(1)?
        .trim_matches('"')
        .to_owned();
    let body = &request.body;
    let head_end = body.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    let head = String::from_utf8_lossy(&body[..head_end]);
    let name = head
        .split("filename=\"")
        .nth(1)?
        .split('"')
        .next()?
        .to_owned();
    let content_type = head
        .split("Content-Type: ")
        .nth(1)
        .and_then(|rest| rest.split("\r\n").next())
        .unwrap_or("application/octet-stream")
        .to_owned();
    let closing = format!("\r\n--{boundary}");
    let end = body[head_end..]
        .windows(closing.len())
        .position(|w| w == closing.as_bytes())?;
    Some((name, content_type, body[head_end..head_end + end].to_vec()))
}

fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Request> {
    let mut line = String::new();
    reader.read_line(&mut line).ok().filter(|n| *n > 0)?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_owned();
    let target = parts.next()?.to_owned();
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).ok().filter(|n| *n > 0)?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
        if headers.len() > 100 {
            return None;
        }
    }
    let mut request = Request {
        method,
        path: path.to_owned(),
        query: query.to_owned(),
        headers,
        body: Vec::new(),
    };
    if let Some(len) = request
        .header("content-length")
        .and_then(|v| v.parse::<u64>().ok())
    {
        reader.take(len).read_to_end(&mut request.body).ok()?;
    } else if request
        .header("transfer-encoding")
        .is_some_and(|v| v.eq_ignore_ascii_case("chunked"))
    {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).ok()?;
            let size = u64::from_str_radix(size.trim(), 16).ok()?;
            let mut chunk = Vec::new();
            reader.take(size + 2).read_to_end(&mut chunk).ok()?;
            if size == 0 {
                break;
            }
            chunk.truncate(chunk.len().saturating_sub(2));
            request.body.extend_from_slice(&chunk);
        }
    }
    Some(request)
}

fn json(value: serde_json::Value) -> String {
    value.to_string()
}

/// A JSON answer: status line, extra header lines, JSON body.
fn json_answer((status, extra, body): (&'static str, String, String)) -> Answer {
    (
        status,
        extra,
        "application/json".to_owned(),
        body.into_bytes(),
    )
}

fn error(status: &'static str, code: &str, title: &str) -> (&'static str, String, String) {
    let body = json(serde_json::json!({"errors": [{"code": code, "title": title}]}));
    (status, String::new(), body)
}

/// The answer to one request of the API: status line, extra header lines, JSON body.
fn api(request: &Request, media_base: &str, files: &Files) -> (&'static str, String, String) {
    let Some(authorization) = request.header("authorization") else {
        return error(
            "401 Unauthorized",
            "unauthorized",
            "Authorization is required",
        );
    };
    let app = format!("/v2/apps/{APP_ID}");
    let Some(route) = request.path.strip_prefix(&app) else {
        return error("404 Not Found", "app_not_found", "App not found");
    };
    let segments: Vec<&str> = route.split('/').filter(|s| !s.is_empty()).collect();
    match (request.method.as_str(), segments.as_slice()) {
        ("POST", ["attachments"]) => {
            if !request
                .query
                .split('&')
                .any(|pair| pair.starts_with("access="))
            {
                return error("400 Bad Request", "bad_request", "access is required");
            }
            let Some((name, media_type, bytes)) = uploaded_file(request) else {
                return error("400 Bad Request", "bad_request", "no file in the body");
            };
            let mut files = files.lock().unwrap_or_else(|p| p.into_inner());
            // Each upload gets a path of its own, as the API's media URLs do.
            let name: String = name
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            let path = format!("/apps/{APP_ID}/attachments/{}/{name}", files.len() + 1);
            let url = format!("{media_base}{path}");
            files.insert(path, (media_type.clone(), bytes));
            let body =
                json(serde_json::json!({"attachment": {"mediaUrl": url, "mediaType": media_type}}));
            ("201 Created", String::new(), body)
        }
        ("POST", ["attachments", "remove"]) => {
            let url = serde_json::from_slice::<serde_json::Value>(&request.body)
                .ok()
                .and_then(|v| v["mediaUrl"].as_str().map(str::to_owned))
                .unwrap_or_default();
            let path = url.strip_prefix(media_base).unwrap_or(&url);
            let mut files = files.lock().unwrap_or_else(|p| p.into_inner());
            match files.remove(path) {
                Some(_) => ("200 OK", String::new(), "{}".to_owned()),
                None => error("404 Not Found", "not_found", "Attachment not found"),
            }
        }
        ("POST", ["attachments", "token"]) => {
            let paths: Vec<String> = serde_json::from_slice::<serde_json::Value>(&request.body)
                .ok()
                .and_then(|v| serde_json::from_value(v["paths"].clone()).ok())
                .unwrap_or_default();
            let tokens: serde_json::Map<String, serde_json::Value> =
                paths.into_iter().map(|p| (p, MEDIA_TOKEN.into())).collect();
            (
                "200 OK",
                String::new(),
                json(serde_json::json!({ "tokens": tokens })),
            )
        }
        ("GET", ["attachments", "cookie"]) => {
            if authorization != format!("Bearer {MEDIA_TOKEN}") {
                return error(
                    "401 Unauthorized",
                    "unauthorized",
                    "A media token is required",
                );
            }
            let cookie =
                format!("set-cookie: {MEDIA_COOKIE}; Path=/apps/{APP_ID}; HttpOnly; Secure\r\n");
            ("200 OK", cookie, "{}".to_owned())
        }
        _ => error(
            "404 Not Found",
            "not_found",
            "The stand-in does not serve this route",
        ),
    }
}
