//! Helpers shared by the integration tests: clients pointed at loopback servers, a recorder for
//! what an httpmock server received, and a raw TCP server for misbehaving peers.
#![allow(dead_code)] // each test binary uses a different subset

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use httpmock::{HttpMockRequest, HttpMockResponse};
use sunshine_conversations_client::{Client, ClientBuilder, RetryPolicy};

pub const APP: &str = "app_5d8cff3cd55b";
pub const KEY_ID: &str = "app_key_1";
pub const SECRET: &str = "s3cr3t-value-never-shown";

/// A builder for `base_url` with Basic auth, the test app and no retries.
pub fn builder(base_url: &str) -> ClientBuilder {
    Client::builder()
        .base_url(base_url)
        .basic_auth(KEY_ID, SECRET)
        .app_id(APP)
        .retry_policy(RetryPolicy::none())
}

pub fn client(base_url: &str) -> Client {
    builder(base_url).build().expect("client builds")
}

/// The `Authorization` value Basic auth with the test key sends.
pub fn basic_header() -> String {
    use base64::Engine as _;
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{KEY_ID}:{SECRET}"))
    )
}

/// Requests an httpmock responder saw, in order.
#[derive(Clone, Default)]
pub struct Recorded(Arc<Mutex<Vec<HttpMockRequest>>>);

impl Recorded {
    /// A responder that records each request and answers with `response()`.
    pub fn responder(
        &self,
        response: impl Fn() -> HttpMockResponse + Send + Sync + 'static,
    ) -> impl Fn(&HttpMockRequest) -> HttpMockResponse + Send + Sync + 'static {
        let seen = Arc::clone(&self.0);
        move |request| {
            seen.lock().unwrap().push(request.clone());
            response()
        }
    }

    pub fn all(&self) -> Vec<HttpMockRequest> {
        self.0.lock().unwrap().clone()
    }

    pub fn only(&self) -> HttpMockRequest {
        let all = self.all();
        assert_eq!(all.len(), 1, "expected exactly one request");
        all.into_iter().next().unwrap()
    }
}

pub fn json_response(status: u16, body: serde_json::Value) -> HttpMockResponse {
    HttpMockResponse::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(body.to_string())
        .build()
}

pub fn header(request: &HttpMockRequest, name: &str) -> Option<String> {
    request
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// What a raw server does with one connection.
#[derive(Clone)]
pub enum Reply {
    /// Reads the request, writes these bytes, keeps the connection open for reuse.
    Bytes(Vec<u8>),
    /// Reads the request, writes these bytes and closes.
    BytesThenClose(Vec<u8>),
    /// Accepts and never answers (for `hold`).
    Silent(Duration),
    /// Reads the request, writes these bytes, then stalls without closing.
    BytesThenStall(Vec<u8>, Duration),
    /// Reads only the request head, then closes the connection (a reset mid-upload).
    CloseAfterHead,
    /// Reads the request head, waits, then reads the body and writes these bytes (a slow
    /// reader: the client's writes block meanwhile).
    SlowBody(Duration, Vec<u8>),
}

/// A loopback server that answers each request with the next scripted reply and records the
/// raw request head and body.
pub struct RawServer {
    pub port: u16,
    requests: Arc<Mutex<Vec<RawRequest>>>,
    heads: Arc<std::sync::atomic::AtomicUsize>,
    _thread: JoinHandle<()>,
}

#[derive(Clone, Debug)]
pub struct RawRequest {
    pub head: String,
    pub body: Vec<u8>,
}

impl RawRequest {
    pub fn request_line(&self) -> &str {
        self.head.lines().next().unwrap_or("")
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim()
                .eq_ignore_ascii_case(name)
                .then(|| value.trim().to_owned())
        })
    }
}

/// CPU time (user + system) the calling thread has used so far: the thread that does the work
/// of a blocking call, whatever other tests run meanwhile.
pub fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/stat")
        .expect("per-thread CPU time needs Linux's /proc/thread-self");
    // Fields after the command name (which may contain spaces) start after the last ')'.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // utime and stime are fields 14 and 15 of the whole line: 11 and 12 after the ')'.
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}

pub fn response(status: u16, headers: &[(&str, &str)], body: &str) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status} X\r\ncontent-length: {}\r\n", body.len());
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    out.push_str(body);
    out.into_bytes()
}

impl RawServer {
    /// Serves `script` in order, one reply per request; after the script ends every request
    /// gets the last reply again. At most 64 connections are served.
    pub fn start(script: Vec<Reply>) -> RawServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&requests);
        let heads = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let heads_seen = Arc::clone(&heads);
        let thread = std::thread::spawn(move || {
            let mut index = 0usize;
            for stream in listener.incoming().take(64) {
                let Ok(stream) = stream else { break };
                let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
                let mut reader = BufReader::new(stream);
                loop {
                    let reply = script[index.min(script.len() - 1)].clone();
                    if let Reply::Silent(hold) = reply {
                        index += 1;
                        std::thread::sleep(hold);
                        break;
                    }
                    let head = match read_head(&mut reader) {
                        Some(head) => head,
                        None => break,
                    };
                    heads_seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    if let Reply::CloseAfterHead = reply {
                        seen.lock().unwrap().push(RawRequest {
                            head,
                            body: Vec::new(),
                        });
                        index += 1;
                        break;
                    }
                    if let Reply::SlowBody(wait, _) = &reply {
                        std::thread::sleep(*wait);
                    }
                    let body = read_body(&mut reader, &head);
                    seen.lock().unwrap().push(RawRequest { head, body });
                    index += 1;
                    let stream = reader.get_mut();
                    match reply {
                        Reply::Bytes(bytes) | Reply::SlowBody(_, bytes) => {
                            let _ = stream.write_all(&bytes);
                        }
                        Reply::BytesThenClose(bytes) => {
                            let _ = stream.write_all(&bytes);
                            break;
                        }
                        Reply::BytesThenStall(bytes, hold) => {
                            let _ = stream.write_all(&bytes);
                            std::thread::sleep(hold);
                            break;
                        }
                        Reply::Silent(_) | Reply::CloseAfterHead => unreachable!(),
                    }
                }
            }
        });
        RawServer {
            port,
            requests,
            heads,
            _thread: thread,
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Request heads read so far (a request counts here before its body is read).
    pub fn heads(&self) -> usize {
        self.heads.load(std::sync::atomic::Ordering::SeqCst)
    }

    pub fn requests(&self) -> Vec<RawRequest> {
        self.requests.lock().unwrap().clone()
    }
}

fn read_head(reader: &mut BufReader<TcpStream>) -> Option<String> {
    let mut head = String::new();
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return None,
            Ok(_) => {}
        }
        if line == "\r\n" {
            return Some(head);
        }
        head.push_str(&line);
    }
}

fn read_body(reader: &mut BufReader<TcpStream>, head: &str) -> Vec<u8> {
    let request = RawRequest {
        head: head.to_owned(),
        body: Vec::new(),
    };
    if let Some(len) = request.header("content-length") {
        let len: usize = len.parse().unwrap_or(0);
        let mut body = vec![0; len];
        let _ = reader.read_exact(&mut body);
        return body;
    }
    if request
        .header("transfer-encoding")
        .is_some_and(|v| v.eq_ignore_ascii_case("chunked"))
    {
        let mut body = Vec::new();
        loop {
            let mut size = String::new();
            if reader.read_line(&mut size).unwrap_or(0) == 0 {
                break;
            }
            let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
            let mut chunk = vec![0; size + 2];
            if reader.read_exact(&mut chunk).is_err() {
                break;
            }
            if size == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..size]);
        }
        return body;
    }
    Vec::new()
}

/// The request target (path and query) exactly as received.
pub fn target(request: &HttpMockRequest) -> String {
    request
        .uri()
        .path_and_query()
        .map(|pq| pq.as_str().to_owned())
        .unwrap_or_default()
}
