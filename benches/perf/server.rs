//! The benchmark's own loopback HTTP/1.1 server: one thread per connection, keep-alive, reads
//! and discards every request body as it streams in, and answers each attachment operation
//! with the API's JSON. It behaves the same for every client measured against it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

/// Connections served at most, and requests per connection at most: the loops are bounded.
const MAX_CONNECTIONS: usize = 100_000;
const MAX_REQUESTS_PER_CONNECTION: usize = 10_000_000;

pub struct Server {
    pub port: u16,
}

impl Server {
    pub fn start() -> Server {
        Server::answering_uploads_after(Duration::ZERO)
    }

    /// A server that answers each upload `delay` after reading it, as a distant service would.
    pub fn answering_uploads_after(delay: Duration) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().expect("local address").port();
        std::thread::spawn(move || {
            for stream in listener.incoming().take(MAX_CONNECTIONS) {
                let Ok(stream) = stream else { continue };

                std::thread::spawn(move || serve(stream, delay));
            }
        });
        Server { port }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

fn serve(stream: TcpStream, upload_delay: Duration) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(60)));
    let mut reader = BufReader::with_capacity(256 * 1024, stream);
    let mut sink = vec![0u8; 256 * 1024];
    for _ in 0..MAX_REQUESTS_PER_CONNECTION {
        let Some(head) = read_head(&mut reader) else {
            return;
        };
        if discard_body(&mut reader, &head, &mut sink).is_err() {
            return;
        }
        let target = head.split(' ').nth(1).unwrap_or("/");
        let path = target.split('?').next().unwrap_or("/");
        if let Some(size) = path
            .strip_prefix("/media/")
            .and_then(|n| n.parse::<u64>().ok())
        {
            if serve_media(reader.get_mut(), size).is_err() {
                return;
            }
            continue;
        }
        let (status, extra, body) = if path.ends_with("/attachments") {
            std::thread::sleep(upload_delay);
            (
                "201 Created",
                "",
                r#"{"attachment":{"mediaUrl":"https://media.example/apps/app/attachments/file.bin","mediaType":"application/octet-stream"}}"#,
            )
        } else if path.ends_with("/attachments/token") {
            ("200 OK", "", r#"{"tokens":{"/apps/app":"token"}}"#)
        } else if path.ends_with("/attachments/cookie") {
            (
                "200 OK",
                "set-cookie: media=token; Path=/apps/app\r\n",
                "{}",
            )
        } else {
            ("200 OK", "", "{}")
        };
        let response = format!(
            "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n{extra}\r\n{body}",
            body.len()
        );
        if reader.get_mut().write_all(response.as_bytes()).is_err() {
            return;
        }
    }
}

/// `len` bytes of text: letters in lines of 64. What the benchmark uploads and downloads, which
/// the check before an upload accepts as text.
pub fn text(len: usize) -> Vec<u8> {
    (0..len)
        .map(|i| {
            if i % 64 == 63 {
                b'\n'
            } else {
                b'a' + (i % 26) as u8
            }
        })
        .collect()
}

/// `GET /media/{size}`: `size` bytes of text, written from one 1 MiB buffer.
fn serve_media(stream: &mut TcpStream, size: u64) -> std::io::Result<()> {
    let chunk = text(1024 * 1024);
    let head =
        format!("HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: {size}\r\n\r\n");
    stream.write_all(head.as_bytes())?;
    let mut left = size;
    while left > 0 {
        let n = left.min(chunk.len() as u64) as usize;
        stream.write_all(&chunk[..n])?;
        left -= n as u64;
    }
    Ok(())
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
        if head.len() > 64 * 1024 {
            return None;
        }
        head.push_str(&line);
    }
}

fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines().skip(1).find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.trim().eq_ignore_ascii_case(name).then(|| value.trim())
    })
}

fn discard_body(
    reader: &mut BufReader<TcpStream>,
    head: &str,
    sink: &mut [u8],
) -> std::io::Result<()> {
    if let Some(len) = header(head, "content-length").and_then(|v| v.parse::<u64>().ok()) {
        return discard(reader, len, sink);
    }
    if header(head, "transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        loop {
            let mut size = String::new();
            if reader.read_line(&mut size)? == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            let size = u64::from_str_radix(size.trim().split(';').next().unwrap_or("0"), 16)
                .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidData))?;
            // The chunk and its CRLF.
            discard(reader, size + 2, sink)?;
            if size == 0 {
                return Ok(());
            }
        }
    }
    Ok(())
}

/// Reads and drops exactly `len` bytes.
fn discard(reader: &mut BufReader<TcpStream>, len: u64, sink: &mut [u8]) -> std::io::Result<()> {
    let mut left = len;
    while left > 0 {
        let want = sink.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        let n = reader.read(&mut sink[..want])?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        left -= n as u64;
    }
    Ok(())
}
