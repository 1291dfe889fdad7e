//! A stand-in for the upload endpoint that keeps a ledger of what it stored: each upload is
//! known by the file name in its multipart part header. It answers after a delay of its own,
//! and by the file name's prefix: `lost-` is stored and then the connection is dropped (the
//! answer is lost), `busy-` is refused with `503` and `Retry-After: 0` (nothing stored), `wait-`
//! likewise with `Retry-After: 5`.

use std::collections::{HashMap, HashSet};
use std::io::{BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the server saw and stored.
#[derive(Debug, Default, Clone)]
pub struct Ledger {
    /// File name → how many times it was stored.
    pub stored: HashMap<String, u32>,
    /// File names whose part header arrived (stored or not).
    pub seen: HashSet<String>,
    /// Requests whose head arrived.
    pub requests: usize,
    /// Requests whose body never arrived whole.
    pub cut: usize,
    /// Requests whose head arrived, and whose body ended before its part header (a sender that
    /// died between the two).
    pub nameless: usize,
}

pub struct StoreServer {
    port: u16,
    ledger: Arc<Mutex<Ledger>>,
}

impl StoreServer {
    /// A server answering each upload `delay` after reading it.
    pub fn start(delay: Duration) -> StoreServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().unwrap().port();
        let ledger = Arc::new(Mutex::new(Ledger::default()));
        let record = Arc::clone(&ledger);
        std::thread::spawn(move || {
            for stream in listener.incoming().take(100_000) {
                let Ok(stream) = stream else { break };
                let ledger = Arc::clone(&record);
                std::thread::spawn(move || {
                    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
                    let mut reader = BufReader::new(stream);
                    for _ in 0..10_000 {
                        let Some(head) = super::read_head(&mut reader) else {
                            return;
                        };
                        ledger.lock().unwrap().requests += 1;
                        let length: usize = head
                            .lines()
                            .find_map(|l| {
                                let (name, value) = l.split_once(':')?;
                                name.eq_ignore_ascii_case("content-length")
                                    .then(|| value.trim().parse().ok())?
                            })
                            .unwrap_or(0);
                        let mut body = Vec::with_capacity(length);
                        let whole = (&mut reader)
                            .take(length as u64)
                            .read_to_end(&mut body)
                            .is_ok_and(|n| n == length);
                        let name = file_name(&body);
                        {
                            let mut ledger = ledger.lock().unwrap();
                            match &name {
                                Some(name) => _ = ledger.seen.insert(name.clone()),
                                None => ledger.nameless += 1,
                            }
                            if !whole {
                                ledger.cut += 1;
                                return;
                            }
                        }
                        let name = name.unwrap_or_default();
                        std::thread::sleep(delay);
                        let answer = if name.starts_with("busy-") {
                            super::response(503, &[("retry-after", "0")], "")
                        } else if name.starts_with("wait-") {
                            super::response(503, &[("retry-after", "5")], "")
                        } else {
                            *ledger
                                .lock()
                                .unwrap()
                                .stored
                                .entry(name.clone())
                                .or_default() += 1;
                            if name.starts_with("lost-") {
                                return;
                            }
                            let body = format!(
                                r#"{{"attachment":{{"mediaUrl":"https://media.example/{name}","mediaType":"text/plain"}}}}"#
                            );
                            super::response(201, &[("content-type", "application/json")], &body)
                        };
                        if reader.get_mut().write_all(&answer).is_err() {
                            return;
                        }
                    }
                });
            }
        });
        StoreServer { port, ledger }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn ledger(&self) -> Ledger {
        self.ledger.lock().unwrap().clone()
    }
}

/// The file name of a multipart part header in `body`.
fn file_name(body: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(&body[..body.len().min(4096)]);
    let rest = text.split("filename=\"").nth(1)?;
    Some(rest.split('"').next()?.to_owned())
}
