//! The webhook receiver under a crowd: how long a delivery waits for its `200` while 800 idle
//! and 200 dripping connections are open, with `ulimit -n 1024` (the goal: within a second).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Deliveries timed.
const DELIVERIES: usize = 20;

/// One delivery: its status and how long its answer took.
fn deliver(port: u16, n: usize) -> Option<(u16, Duration)> {
    let body = format!(
        r#"{{"events": [{{"id": "bench-{n}", "type": "conversation:message", "payload": {{}}}}]}}"#
    );
    let started = Instant::now();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .ok()?;
    write!(
        stream,
        "POST /w HTTP/1.1\r\nhost: x\r\nx-api-key: bench\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .ok()?;
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    let status = answer.split(' ').nth(1)?.parse().ok()?;
    Some((status, started.elapsed()))
}

/// The median and the longest wait of a delivery, in milliseconds, among the crowd.
pub fn delivery_ms() -> Option<(f64, f64)> {
    let binary = crate::sunco_binary()?;
    let mut command = Command::new(binary);
    command
        .arg("receive")
        .env("SUNCO_WEBHOOK_SECRET", "bench")
        .env("SUNCO_WEBHOOK_ADDR", "127.0.0.1:0")
        .env("SUNCO_WEBHOOK_DIR", std::env::temp_dir())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: between fork and exec only setrlimit, async-signal-safe, is called.
        unsafe {
            command.pre_exec(|| {
                let limit = libc::rlimit {
                    rlim_cur: 1024,
                    rlim_max: 1024,
                };
                libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
                Ok(())
            });
        }
    }
    let mut child = command.spawn().ok()?;
    let mut first = String::new();
    {
        use std::io::BufRead;
        let mut stderr = std::io::BufReader::new(child.stderr.take()?);
        stderr.read_line(&mut first).ok()?;
        std::thread::spawn(move || for _ in stderr.lines() {});
    }
    let port: u16 = first.trim().rsplit(':').next()?.parse().ok()?;
    let connect = || TcpStream::connect(("127.0.0.1", port)).ok();
    let idle: Vec<TcpStream> = (0..800).filter_map(|_| connect()).collect();
    let dripping: Vec<TcpStream> = (0..200).filter_map(|_| connect()).collect();
    let mut waits = Vec::new();
    let mut next_drip = Instant::now();
    for n in 0..DELIVERIES {
        if Instant::now() >= next_drip {
            for mut stream in &dripping {
                let _ = stream.write(b"P");
            }
            next_drip = Instant::now() + Duration::from_millis(300);
        }
        match deliver(port, n) {
            Some((200, wait)) => waits.push(wait.as_secs_f64() * 1000.0),
            other => eprintln!("receiver: delivery {n} got {other:?}"),
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    drop((idle, dripping));
    if waits.len() < DELIVERIES {
        return None;
    }
    let longest = waits.iter().copied().fold(0.0, f64::max);
    Some((crate::median(waits), longest))
}
