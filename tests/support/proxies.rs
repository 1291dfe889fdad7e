//! Loopback proxies for the tests: a SOCKS5 server and an HTTP `CONNECT` proxy, each sending
//! every tunnel to one fixed target (whatever host the client asked for) and recording what it
//! was asked. Standard library only; each serves at most 16 connections.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A proxy that has been started, and what clients asked it for.
pub struct Proxy {
    pub port: u16,
    /// The `host:port` each client asked to reach, in order.
    pub asked: Arc<Mutex<Vec<String>>>,
}

impl Proxy {
    pub fn asked(&self) -> Vec<String> {
        self.asked.lock().unwrap().clone()
    }
}

/// Copies both ways between `a` and `b` until either side closes.
fn pipe(a: TcpStream, b: TcpStream) {
    let (a2, b2) = (a.try_clone().unwrap(), b.try_clone().unwrap());
    let forward = std::thread::spawn(move || copy(a, b2));
    copy(b, a2);
    let _ = forward.join();
}

fn copy(mut from: TcpStream, mut to: TcpStream) {
    let _ = from.set_read_timeout(Some(Duration::from_secs(10)));
    let _ = std::io::copy(&mut from, &mut to);
    let _ = to.shutdown(std::net::Shutdown::Write);
}

/// A SOCKS5 server without authentication that tunnels every `CONNECT` to `target`.
pub fn socks5(target: SocketAddr) -> Proxy {
    serve(target, |stream| {
        let mut greeting = [0u8; 2];
        stream.read_exact(&mut greeting).ok()?;
        let mut methods = vec![0u8; usize::from(greeting[1])];
        stream.read_exact(&mut methods).ok()?;
        stream.write_all(&[5, 0]).ok()?;
        let mut head = [0u8; 4];
        stream.read_exact(&mut head).ok()?;
        let host = match head[3] {
            1 => {
                let mut ip = [0u8; 4];
                stream.read_exact(&mut ip).ok()?;
                std::net::Ipv4Addr::from(ip).to_string()
            }
            3 => {
                let mut len = [0u8; 1];
                stream.read_exact(&mut len).ok()?;
                let mut name = vec![0u8; usize::from(len[0])];
                stream.read_exact(&mut name).ok()?;
                String::from_utf8(name).ok()?
            }
            _ => return None,
        };
        let mut port = [0u8; 2];
        stream.read_exact(&mut port).ok()?;
        stream.write_all(&[5, 0, 0, 1, 127, 0, 0, 1, 0, 0]).ok()?;
        Some(format!("{host}:{}", u16::from_be_bytes(port)))
    })
}

/// An HTTP proxy that answers `CONNECT host:port` with `200` and tunnels to `target`.
pub fn http_connect(target: SocketAddr) -> Proxy {
    serve(target, |stream| {
        let mut reader = BufReader::new(stream.try_clone().ok()?);
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        let mut header = String::new();
        while reader.read_line(&mut header).ok()? > 2 {
            header.clear();
        }
        let authority = line.strip_prefix("CONNECT ")?.split(' ').next()?.to_owned();
        stream
            .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
            .ok()?;
        Some(authority)
    })
}

/// Accepts up to 16 connections; `handshake` reads the proxy protocol and says what was asked.
fn serve(target: SocketAddr, handshake: fn(&mut TcpStream) -> Option<String>) -> Proxy {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let port = listener.local_addr().unwrap().port();
    let asked = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&asked);
    std::thread::spawn(move || {
        for stream in listener.incoming().take(16) {
            let Ok(mut stream) = stream else { break };
            let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
            let seen = Arc::clone(&seen);
            std::thread::spawn(move || {
                let Some(wanted) = handshake(&mut stream) else {
                    return;
                };
                seen.lock().unwrap().push(wanted);
                if let Ok(upstream) = TcpStream::connect(target) {
                    pipe(stream, upstream);
                }
            });
        }
    });
    Proxy { port, asked }
}
