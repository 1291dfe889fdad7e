//! Helpers shared by the integration tests: clients pointed at loopback servers, a raw TCP
//! server that records what it receives and answers as scripted (well or badly), and temporary
//! directories. Standard library only.
#![allow(dead_code)] // each test binary uses a different subset

pub mod hmac_sha256;
pub mod media;
pub mod proxies;
pub mod store;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

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

/// The `Authorization` value Basic auth with `key_id` and `secret` sends.
pub fn basic_header_for(key_id: &str, secret: &str) -> String {
    use base64::Engine as _;
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{key_id}:{secret}"))
    )
}

/// A directory under the system's temporary directory, removed when dropped.
pub struct TempDir(std::path::PathBuf);

impl TempDir {
    pub fn new() -> TempDir {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let path = std::env::temp_dir().join(format!("sunco-test-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&path).expect("create a temporary directory");
        TempDir(path)
    }

    pub fn path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A JSON answer with `status`.
pub fn json_reply(status: u16, body: serde_json::Value) -> Reply {
    json_text(status, &body.to_string())
}

/// An answer with `status` whose body, declared JSON, is `body` as it is (cut off or
/// malformed when a test wants it so).
pub fn json_text(status: u16, body: &str) -> Reply {
    Reply::Bytes(response(
        status,
        &[("content-type", "application/json")],
        body,
    ))
}

/// Retries quick enough for tests: four attempts, backoff of 20 to 50 ms, a `Retry-After` of
/// up to 2 s honoured.
pub fn quick_retries() -> RetryPolicy {
    RetryPolicy::default()
        .with_max_attempts(4)
        .with_initial_backoff(Duration::from_millis(20))
        .with_max_backoff(Duration::from_millis(50))
        .with_max_retry_after(Duration::from_secs(2))
}

/// A client of `base_url` that retries as [`quick_retries`] says.
pub fn retrying_client(base_url: &str) -> Client {
    builder(base_url)
        .retry_policy(quick_retries())
        .build()
        .unwrap()
}

/// The boundary of a `multipart/form-data` content type.
pub fn multipart_boundary(content_type: &str) -> String {
    content_type
        .strip_prefix("multipart/form-data; boundary=")
        .expect("multipart content type")
        .to_owned()
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
    /// Reads the request, writes `head`, then `body` one byte at a time, `every` apart.
    Drip {
        head: Vec<u8>,
        body: Vec<u8>,
        every: Duration,
    },
    /// Reads the whole request, body included, then closes without answering (the server
    /// may have acted on it).
    CloseAfterBody,
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

    pub fn method(&self) -> &str {
        self.request_line().split(' ').next().unwrap_or("")
    }

    /// The request target (path and query) exactly as received.
    pub fn target(&self) -> &str {
        self.request_line().split(' ').nth(1).unwrap_or("")
    }

    pub fn body_string(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
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

/// Cancels `token` from another thread after `ms` milliseconds; join the handle to know it did.
pub fn cancel_after(token: &sunshine_conversations_client::CancelToken, ms: u64) -> JoinHandle<()> {
    let token = token.clone();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(ms));
        token.cancel();
    })
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
                        Reply::CloseAfterBody => break,
                        Reply::Drip { head, body, every } => {
                            let _ = stream.write_all(&head);
                            for byte in body {
                                std::thread::sleep(every);
                                if stream.write_all(&[byte]).is_err() {
                                    break;
                                }
                            }
                        }
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

    /// The one request received.
    pub fn only(&self) -> RawRequest {
        let all = self.requests();
        assert_eq!(all.len(), 1, "expected exactly one request");
        all.into_iter().next().unwrap()
    }
}

pub fn read_head(reader: &mut BufReader<TcpStream>) -> Option<String> {
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

pub fn read_body(reader: &mut BufReader<TcpStream>, head: &str) -> Vec<u8> {
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

/// `program`, to run with no `SUNCO_*` variable of the test's environment.
pub fn command_without_sunco_vars(program: &str) -> std::process::Command {
    let mut command = std::process::Command::new(program);
    for (name, _) in std::env::vars() {
        if name.starts_with("SUNCO_") {
            command.env_remove(name);
        }
    }
    command
}
