//! A loopback media host for the download tests: routes by path, a file that answers only to
//! given credentials, redirects, bodies cut short, dripped or chunked; it records the
//! credentials every request carried. One request per connection; at most 64 connections.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What a path answers.
#[derive(Clone)]
pub enum Route {
    /// The bytes, with `Content-Length`; when `authorization` is set, only to a request whose
    /// `Authorization` or `Cookie` header is exactly it (`401` otherwise).
    File {
        bytes: Vec<u8>,
        content_type: &'static str,
        authorization: Option<String>,
    },
    /// `302` to this location.
    Redirect(String),
    /// Declares `declared` bytes, sends `sent`, closes.
    Cut { declared: usize, sent: Vec<u8> },
    /// The bytes one at a time, `every` apart.
    Drip { bytes: Vec<u8>, every: Duration },
    /// The bytes chunked, without a `Content-Length`.
    Chunked(Vec<u8>),
    /// A status with an empty body.
    Status(u16),
}

/// What a request carried.
#[derive(Debug, Clone)]
pub struct Seen {
    pub target: String,
    pub authorization: Option<String>,
    pub cookie: Option<String>,
}

pub struct MediaHost {
    pub port: u16,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl MediaHost {
    pub fn start(routes: Vec<(&str, Route)>) -> MediaHost {
        let routes: HashMap<String, Route> = routes
            .into_iter()
            .map(|(path, route)| (path.to_owned(), route))
            .collect();
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let record = Arc::clone(&seen);
        std::thread::spawn(move || {
            for stream in listener.incoming().take(64) {
                let Ok(stream) = stream else { break };
                let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
                let (routes, record) = (routes.clone(), Arc::clone(&record));
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(stream);
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let target = line.split(' ').nth(1).unwrap_or("").to_owned();
                    let (mut authorization, mut cookie) = (None, None);
                    loop {
                        let mut header = String::new();
                        if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
                            break;
                        }
                        if let Some((name, value)) = header.trim_end().split_once(':') {
                            match name.to_ascii_lowercase().as_str() {
                                "authorization" => authorization = Some(value.trim().to_owned()),
                                "cookie" => cookie = Some(value.trim().to_owned()),
                                _ => {}
                            }
                        }
                    }
                    record.lock().unwrap().push(Seen {
                        target: target.clone(),
                        authorization: authorization.clone(),
                        cookie: cookie.clone(),
                    });
                    let path = target.split('?').next().unwrap_or("");
                    let stream = reader.get_mut();
                    let head = |status: &str, extra: &str| {
                        format!("HTTP/1.1 {status}\r\nconnection: close\r\n{extra}\r\n")
                    };
                    let _ = match routes.get(path).cloned() {
                        None => stream
                            .write_all(head("404 Not Found", "content-length: 0\r\n").as_bytes()),
                        Some(Route::File {
                            bytes,
                            content_type,
                            authorization: wanted,
                        }) => {
                            let allowed = wanted.as_ref().is_none_or(|wanted| {
                                authorization.as_ref() == Some(wanted)
                                    || cookie.as_ref() == Some(wanted)
                            });
                            if allowed {
                                let extra = format!(
                                    "content-type: {content_type}\r\ncontent-length: {}\r\n",
                                    bytes.len()
                                );
                                stream
                                    .write_all(head("200 OK", &extra).as_bytes())
                                    .and_then(|()| stream.write_all(&bytes))
                            } else {
                                stream.write_all(
                                    head("401 Unauthorized", "content-length: 0\r\n").as_bytes(),
                                )
                            }
                        }
                        Some(Route::Redirect(location)) => stream.write_all(
                            head(
                                "302 Found",
                                &format!("location: {location}\r\ncontent-length: 0\r\n"),
                            )
                            .as_bytes(),
                        ),
                        Some(Route::Cut { declared, sent }) => stream
                            .write_all(
                                head("200 OK", &format!("content-length: {declared}\r\n"))
                                    .as_bytes(),
                            )
                            .and_then(|()| stream.write_all(&sent)),
                        Some(Route::Drip { bytes, every }) => {
                            let extra = format!("content-length: {}\r\n", bytes.len());
                            let mut result = stream.write_all(head("200 OK", &extra).as_bytes());
                            for byte in bytes {
                                std::thread::sleep(every);
                                result = stream.write_all(&[byte]);
                                if result.is_err() {
                                    break;
                                }
                            }
                            result
                        }
                        Some(Route::Chunked(bytes)) => {
                            let mut result = stream.write_all(
                                head("200 OK", "transfer-encoding: chunked\r\n").as_bytes(),
                            );
                            for chunk in bytes.chunks(64 * 1024) {
                                if result.is_err() {
                                    break;
                                }
                                result = stream
                                    .write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
                                    .and_then(|()| stream.write_all(chunk))
                                    .and_then(|()| stream.write_all(b"\r\n"));
                            }
                            result.and_then(|()| stream.write_all(b"0\r\n\r\n"))
                        }
                        Some(Route::Status(status)) => stream.write_all(
                            head(&format!("{status} Status"), "content-length: 0\r\n").as_bytes(),
                        ),
                    };
                    let _ = stream.flush();
                });
            }
        });
        MediaHost { port, seen }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}
