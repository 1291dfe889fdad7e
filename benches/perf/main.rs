//! The performance benchmark: this client against a bare ureq agent (and curl) on one loopback
//! server, interleaved, medians of several rounds.
//!
//! ```text
//! cargo bench --bench perf              # every figure, then the summary line
//! cargo bench --bench perf -- --serve   # only the server, for benches/compare-python.sh
//! cargo bench --bench perf -- --json    # only the JSON latency figure
//! cargo bench --bench perf -- --download       # only the download time figure
//! cargo bench --bench perf -- --download-rss   # only the download memory figure
//! cargo bench --bench perf -- --download-curl  # only the download to a file against curl
//! cargo bench --bench perf -- --receiver       # only the webhook receiver's delivery time
//! cargo bench --bench perf -- --per-process    # only the upload of sunco against a ureq program
//! cargo bench --bench perf -- --batch          # only the batch figures: workers, memory
//! ```
//!
//! Figures: JSON call latency (2000 `deleteAttachment` calls on one connection), upload
//! throughput (64 MiB and 512 MiB files), peak RSS of sunco uploading 512 MiB versus
//! 1 MiB, process start plus one call, download time of 512 MiB against a bare ureq GET, peak
//! RSS of sunco downloading 512 MiB versus 1 MiB, a 512 MiB download to a file by
//! sunco against `curl -o`, and how long a delivery to the webhook receiver waits
//! among 1,000 idle and dripping connections; then batches: 150 uploads against a service
//! that takes 40 ms a request with 4 workers against 1, and the memory a file costs a batch.
//! The last line reads `ratio json_vs_ureq=X
//! upload_vs_ureq=Y upload_per_process_vs_ureq=P rss_512m_minus_1m_mib=Z download_vs_ureq=D
//! download_rss_mib=R download_vs_curl=C receiver_delivery_ms=M batch_4_vs_1_workers=W
//! batch_bytes_per_file=B`. The generator's own
//! benchmark is in `codegen/benches/generator.rs`.

mod batch;
mod receiver;
mod server;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use sunshine_conversations_client::{Client, RetryPolicy, Upload, types};

const APP: &str = "app";
const KEY_ID: &str = "key";
const SECRET: &str = "secret";
/// JSON calls per measured block, and blocks per client: each client makes 2000 calls on one
/// connection per pass, and the blocks of the two clients alternate so that drift in the
/// machine's speed reaches both alike.
const CALLS: usize = 2000;
const BLOCK: usize = 250;
const ROUNDS: usize = 5;
const MIB: u64 = 1024 * 1024;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let server = server::Server::start();
    if args.iter().any(|a| a == "--serve") {
        println!("listening {}", server.url());
        let _ = std::io::stdout().flush();
        // Serve for the comparison script, at most half an hour.
        std::thread::sleep(Duration::from_secs(30 * 60));
        return;
    }
    // `--url URL` measures against another server (benches/compare-python.sh runs one).
    let url = match args
        .iter()
        .position(|a| a == "--url")
        .and_then(|i| args.get(i + 1))
    {
        Some(url) => url.clone(),
        None => server.url(),
    };
    if let Some(which) = args
        .iter()
        .position(|a| a == "--profile")
        .and_then(|i| args.get(i + 1))
    {
        // For instruction counts (valgrind --tool=callgrind): one kind of call only.
        profile_calls(&url, which);
        return;
    }
    if args.iter().any(|a| a == "--json") {
        let ratio = json_latency(&url);
        println!("figure {ratio}");
        return;
    }
    if args.iter().any(|a| a == "--upload") {
        let ratio = uploads(&url);
        println!("figure {ratio}");
        return;
    }
    if args.iter().any(|a| a == "--per-process") {
        let ratio = per_process_upload(&url).unwrap_or(f64::NAN);
        println!("figure {ratio}");
        return;
    }
    if args.iter().any(|a| a == "--download-rss") {
        let difference = download_rss_difference(&url).unwrap_or(f64::NAN);
        println!("figure {difference}");
        return;
    }
    if args.iter().any(|a| a == "--receiver") {
        let (median, longest) = receiver::delivery_ms().unwrap_or((f64::NAN, f64::NAN));
        println!(
            "receiver: a delivery among 1000 idle and dripping connections: median {median:.1} ms, longest {longest:.1} ms"
        );
        println!("figure {median}");
        return;
    }
    if args.iter().any(|a| a == "--download-curl") {
        let ratio = download_vs_curl(&url).unwrap_or(f64::NAN);
        println!("figure {ratio}");
        return;
    }
    if args.iter().any(|a| a == "--batch") {
        let ratio = batch::speedup().unwrap_or(f64::NAN);
        let bytes = batch::bytes_per_file(&url).unwrap_or(f64::NAN);
        println!("figure {ratio} {bytes}");
        return;
    }
    if args.iter().any(|a| a == "--download") {
        let ratio = download_time(&url);
        println!("figure {ratio}");
        return;
    }
    let json = pinned("--json").unwrap_or_else(|| json_latency(&url));
    let upload_ratio = pinned("--upload").unwrap_or_else(|| uploads(&url));
    // Adding 0.0 turns a measured -0.0 into 0.0.
    let rss = rss_difference(&url).unwrap_or(f64::NAN) + 0.0;
    let per_process = per_process_upload(&url).unwrap_or(f64::NAN);
    startup(&url);
    let download = pinned("--download").unwrap_or_else(|| download_time(&url));
    let download_rss = download_rss_difference(&url).unwrap_or(f64::NAN) + 0.0;
    let download_curl = download_vs_curl(&url).unwrap_or(f64::NAN);
    let (receiver, longest) = receiver::delivery_ms().unwrap_or((f64::NAN, f64::NAN));
    println!(
        "receiver: a delivery among 1000 idle and dripping connections: median {receiver:.1} ms, longest {longest:.1} ms"
    );
    let batch_ratio = batch::speedup().unwrap_or(f64::NAN);
    let batch_bytes = batch::bytes_per_file(&url).unwrap_or(f64::NAN);
    println!(
        "ratio json_vs_ureq={json:.3} upload_vs_ureq={upload_ratio:.3} upload_per_process_vs_ureq={per_process:.3} rss_512m_minus_1m_mib={rss:.1} download_vs_ureq={download:.3} download_rss_mib={download_rss:.1} download_vs_curl={download_curl:.3} receiver_delivery_ms={receiver:.1} batch_4_vs_1_workers={batch_ratio:.3} batch_bytes_per_file={batch_bytes:.0}"
    );
}

/// A directory for the benchmark's files, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Option<TempDir> {
        let path = std::env::temp_dir().join(format!("sunco-bench-{}", std::process::id()));
        std::fs::create_dir_all(&path).ok()?;
        Some(TempDir(path))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn basic_header() -> String {
    use base64::Engine as _;
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{KEY_ID}:{SECRET}"))
    )
}

fn client(url: &str) -> Client {
    Client::builder()
        .base_url(url)
        .basic_auth(KEY_ID, SECRET)
        .app_id(APP)
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("client")
}

/// A client without an upload limit.
fn upload_client(url: &str) -> Client {
    Client::builder()
        .base_url(url)
        .basic_auth(KEY_ID, SECRET)
        .app_id(APP)
        .retry_policy(RetryPolicy::none())
        .max_upload_bytes(u64::MAX)
        .build()
        .expect("client")
}

/// A bare ureq agent configured like the client's own.
fn bare_agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .timeout_connect(Some(Duration::from_secs(10)))
        .timeout_recv_response(Some(Duration::from_secs(60)))
        .timeout_per_read(Some(Duration::from_secs(30)))
        .timeout_per_write(Some(Duration::from_secs(30)))
        .proxy(None)
        .build()
        .new_agent()
}

/// `--profile client|ureq` makes 2000 JSON calls, `--profile upload-client|upload-ureq FILE`
/// uploads FILE once, for instruction counts under `valgrind --tool=callgrind`, which do not
/// move with the machine's load.
fn profile_calls(url: &str, which: &str) {
    let body = types::AttachmentDeleteBody::builder()
        .media_url("https://media.example/apps/app/attachments/file.bin")
        .try_into()
        .expect("a valid body");
    if let Some(kind) = which.strip_prefix("upload-") {
        let Some(file) = std::env::args().skip_while(|a| a != which).nth(1) else {
            eprintln!("--profile {which} needs a FILE");
            return;
        };
        if kind == "client" {
            upload_client(url)
                .upload(Upload::path(&file).expect("file"))
                .expect("upload");
        } else {
            let form = ureq::unversioned::multipart::Form::new()
                .file("source", &file)
                .expect("form");
            let mut response = bare_agent()
                .post(format!("{url}/v2/apps/{APP}/attachments?access=public"))
                .header("authorization", basic_header())
                .send(form)
                .expect("ureq upload");
            let _ = response.body_mut().read_to_vec();
        }
        return;
    }
    if which == "client" {
        let ours = client(url);
        for _ in 0..CALLS {
            std::hint::black_box(ours.delete_attachment(APP, &body).send().expect("delete"));
        }
    } else {
        let agent = bare_agent();
        let auth = basic_header();
        let remove = format!("{url}/v2/apps/{APP}/attachments/remove");
        for _ in 0..CALLS {
            std::hint::black_box(bare_call(&agent, &remove, &auth, &body));
        }
    }
}

/// The same request as `deleteAttachment`, through a bare agent.
fn bare_call(
    agent: &ureq::Agent,
    url: &str,
    auth: &str,
    body: &types::AttachmentDeleteBody,
) -> serde_json::Map<String, serde_json::Value> {
    let bytes = serde_json::to_vec(body).expect("encode");
    let mut response = agent
        .post(url)
        .header("authorization", auth)
        .header("user-agent", USER_AGENT)
        .header("accept", "application/json")
        .header("content-type", "application/json")
        .send(&bytes[..])
        .expect("bare delete");
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MIB)
        .read_to_vec()
        .expect("body");
    serde_json::from_slice(&bytes).expect("json")
}

const USER_AGENT: &str = concat!("sunshine-conversations-client/", env!("CARGO_PKG_VERSION"));

/// Figure 1, JSON call latency: `deleteAttachment` through the client against the same
/// request through a bare agent, `CALLS` calls per round on one kept-alive connection.
fn json_latency(url: &str) -> f64 {
    let ours = client(url);
    let agent = bare_agent();
    let body = types::AttachmentDeleteBody::builder()
        .media_url("https://media.example/apps/app/attachments/file.bin")
        .try_into()
        .expect("a valid body");
    let auth = basic_header();
    let remove = format!("{url}/v2/apps/{APP}/attachments/remove");

    let run_ours = |calls: usize| {
        let started = Instant::now();
        for _ in 0..calls {
            let response = ours.delete_attachment(APP, &body).send().expect("delete");
            std::hint::black_box(response);
        }
        started.elapsed()
    };
    let run_bare = |calls: usize| {
        let started = Instant::now();
        for _ in 0..calls {
            std::hint::black_box(bare_call(&agent, &remove, &auth, &body));
        }
        started.elapsed()
    };
    run_ours(200);
    run_bare(200);
    let (mut ours_us, mut bare_us) = (Vec::new(), Vec::new());
    let per_call = |d: Duration| d.as_secs_f64() * 1e6 / BLOCK as f64;
    for block in 0..ROUNDS * CALLS / BLOCK {
        if block % 2 == 0 {
            ours_us.push(per_call(run_ours(BLOCK)));
            bare_us.push(per_call(run_bare(BLOCK)));
        } else {
            bare_us.push(per_call(run_bare(BLOCK)));
            ours_us.push(per_call(run_ours(BLOCK)));
        }
    }
    let (ours, bare) = (median(ours_us), median(bare_us));
    let ratio = ours / bare;
    println!(
        "json_call: client {ours:.1} µs/call, bare ureq {bare:.1} µs/call, ratio {ratio:.3} \
         (budget <= 1.05; {CALLS} calls x {ROUNDS} passes in alternating blocks of {BLOCK}, median)"
    );
    ratio
}

/// Both upload sizes; the smaller client/ureq ratio.
fn uploads(url: &str) -> f64 {
    let mut ratio = f64::INFINITY;
    for size in [64 * MIB, 512 * MIB] {
        ratio = ratio.min(upload_throughput(url, size).unwrap_or(f64::NAN));
    }
    ratio
}

/// A phase measured in a child process pinned to one core (`taskset -c 0`), which prints its
/// lines and a final `figure X`. On two cores, where the kernel places the server's threads
/// relative to the client moves single runs by 10-30%; on one core every client gets the same
/// scheduling, and the figures compare the work each does per request and per byte.
fn pinned(phase: &str) -> Option<f64> {
    let exe = std::env::current_exe().ok()?;
    let output = Command::new("taskset")
        .args(["-c", "0"])
        .arg(exe)
        .arg(phase)
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut figure = None;
    for line in text.lines() {
        match line.strip_prefix("figure ") {
            Some(value) => figure = value.trim().parse().ok(),
            None => println!("{line} [one core]"),
        }
    }
    figure
}

/// A temporary file of `size` bytes, or `None` when the disk has no room for it.
fn temp_file(dir: &Path, size: u64) -> Option<PathBuf> {
    // Text, which the check before an upload accepts under a `.txt` name.
    let path = dir.join(format!("upload-{}m.txt", size / MIB));
    let mut file = std::fs::File::create(&path).ok()?;
    let chunk = server::text(MIB as usize);
    for _ in 0..size / MIB {
        if file.write_all(&chunk).is_err() {
            let _ = std::fs::remove_file(&path);
            return None;
        }
    }
    file.sync_all().ok()?;
    Some(path)
}

/// Figure 2, upload throughput: the upload helper against ureq's multipart `Form` (and curl,
/// when installed) on the same file. Returns the client/ureq ratio.
fn upload_throughput(url: &str, size: u64) -> Option<f64> {
    let dir = TempDir::new()?;
    let Some(path) = temp_file(dir.path(), size) else {
        println!(
            "upload_{}m: skipped, no room for the temporary file",
            size / MIB
        );
        return None;
    };
    // Each keeps its connection alive across rounds, served by a server thread of its own that
    // does the same work for both: what differs is only how each builds and streams the body.
    let agent = bare_agent();
    let ours = upload_client(url);
    let auth = basic_header();
    let target = format!("{url}/v2/apps/{APP}/attachments?access=public");
    let curl = Command::new("curl").arg("--version").output().is_ok();
    let rounds = if size > 128 * MIB { 7 } else { 15 };
    let mb_per_s = |d: Duration| size as f64 / 1e6 / d.as_secs_f64();
    let (mut ours_rate, mut bare_rate, mut curl_rate) = (Vec::new(), Vec::new(), Vec::new());
    let upload_ours = || {
        let started = Instant::now();
        ours.upload(Upload::path(&path).expect("file"))
            .expect("upload");
        mb_per_s(started.elapsed())
    };
    let upload_bare = || {
        let started = Instant::now();
        let form = ureq::unversioned::multipart::Form::new()
            .file("source", &path)
            .expect("form");
        let mut response = agent
            .post(&target)
            .header("authorization", &auth)
            .send(form)
            .expect("ureq upload");
        let _ = response.body_mut().read_to_vec();
        mb_per_s(started.elapsed())
    };
    for round in 0..rounds {
        if round % 2 == 0 {
            ours_rate.push(upload_ours());
            bare_rate.push(upload_bare());
        } else {
            bare_rate.push(upload_bare());
            ours_rate.push(upload_ours());
        }

        if curl {
            let started = Instant::now();
            let status = Command::new("curl")
                // No `Expect: 100-continue`: curl would wait a second for a 100 that the
                // server (like many) never sends.
                .args([
                    "-s",
                    "-o",
                    "/dev/null",
                    "-H",
                    "Expect:",
                    "-u",
                    &format!("{KEY_ID}:{SECRET}"),
                    "-F",
                ])
                .arg(format!("source=@{}", path.display()))
                .arg(&target)
                .status();
            if status.is_ok_and(|s| s.success()) {
                curl_rate.push(mb_per_s(started.elapsed()));
            }
        }
    }
    // Throughput is compared on each client's best round: on a shared virtual machine a round
    // can only be slowed down by others, never sped up, and the medians of two identical
    // clients still differ by up to 10% from run to run.
    let best = |rates: &[f64]| rates.iter().copied().fold(0.0, f64::max);
    let (ours, bare) = (best(&ours_rate), best(&bare_rate));
    let (ours_median, bare_median) = (median(ours_rate.clone()), median(bare_rate.clone()));
    let curl_text = if curl_rate.is_empty() {
        "curl not available".to_owned()
    } else {
        let curl = best(&curl_rate);
        format!("curl {curl:.0} MB/s (client/curl {:.2})", ours / curl)
    };
    let ratio = ours / bare;
    println!(
        "upload_{}m: client {ours:.0} MB/s, ureq multipart {bare:.0} MB/s, {curl_text}, ratio {ratio:.3} \
         (budget >= 0.95; best of {rounds}; medians {ours_median:.0} and {bare_median:.0} MB/s)",
        size / MIB
    );
    Some(ratio)
}

/// `sunco`, the command line, built in release mode next to this benchmark.
fn sunco_binary() -> Option<PathBuf> {
    let status = Command::new(env!("CARGO"))
        .args([
            "build",
            "--release",
            "--quiet",
            "-p",
            "sunshine-conversations-cli",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .ok()?;
    if !status.success() {
        return None;
    }
    let exe = std::env::current_exe().ok()?;
    let release = exe.parent()?.parent()?;
    let binary = release.join("sunco");
    binary.exists().then_some(binary)
}

fn sunco(binary: &Path, url: &str) -> Command {
    let mut command = Command::new(binary);
    sunco_env(&mut command, url);
    command
}

/// The `SUNCO_*` variables of the benchmark's server (and none that would name another host).
fn sunco_env(command: &mut Command, url: &str) {
    command
        .env("SUNCO_APP_ID", APP)
        .env("SUNCO_KEY_ID", KEY_ID)
        .env("SUNCO_KEY_SECRET", SECRET)
        .env("SUNCO_BASE_URL", url)
        .env_remove("SUNCO_REGION")
        .env_remove("SUNCO_SUBDOMAIN");
}

/// Peak RSS in KiB of one run of sunco with `args` and the `SUNCO_*` variables of
/// the benchmark's server, from `/usr/bin/time -v`.
fn peak_rss_kib(binary: &Path, url: &str, args: &[&std::ffi::OsStr]) -> Option<u64> {
    let mut command = Command::new("/usr/bin/time");
    sunco_env(&mut command, url);
    let output = command
        .arg("-v")
        .arg(binary)
        .args(args)
        .env("SUNCO_MAX_UPLOAD_BYTES", (1024 * MIB).to_string())
        .env("SUNCO_MAX_DOWNLOAD_BYTES", (1024 * MIB).to_string())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .find_map(|line| {
            line.trim()
                .strip_prefix("Maximum resident set size (kbytes):")
                .and_then(|v| v.trim().parse().ok())
        })
}

/// sunco's release binary, with `/usr/bin/time` there to measure its peak RSS; or
/// nothing, saying why figure `label` is skipped.
fn rss_sunco(label: &str) -> Option<PathBuf> {
    let Some(binary) = sunco_binary() else {
        println!("{label}: skipped, sunco did not build");
        return None;
    };
    if !Path::new("/usr/bin/time").exists() {
        println!("{label}: skipped, /usr/bin/time is not installed");
        return None;
    }
    Some(binary)
}

/// Figure 3, what the file size costs in memory: peak RSS of sunco uploading
/// 512 MiB minus the same for 1 MiB.
fn rss_difference(url: &str) -> Option<f64> {
    let binary = rss_sunco("rss")?;
    let dir = TempDir::new()?;
    let small = temp_file(dir.path(), MIB)?;
    let Some(large) = temp_file(dir.path(), 512 * MIB) else {
        println!("rss: skipped, no room for the temporary file");
        return None;
    };
    let mut small_kib = Vec::new();
    let mut large_kib = Vec::new();
    for _ in 0..3 {
        small_kib.push(peak_rss_kib(&binary, url, &["upload".as_ref(), small.as_os_str()])? as f64);
        large_kib.push(peak_rss_kib(&binary, url, &["upload".as_ref(), large.as_os_str()])? as f64);
    }
    let (small, large) = (median(small_kib) / 1024.0, median(large_kib) / 1024.0);
    // Rounded to the reported tenth; adding 0.0 turns -0.0 into 0.0.
    let difference = ((large - small) * 10.0).round() / 10.0 + 0.0;
    println!(
        "rss: sunco peak RSS {small:.1} MiB for 1 MiB, {large:.1} MiB for 512 MiB: \
         difference {difference:.1} MiB (budget <= 4)"
    );
    Some(difference)
}

/// Figure 4, an upload as a user runs it: one process per upload of a 512 MiB file, `sunco
/// upload FILE` against a bare ureq multipart program (this benchmark in
/// `--profile upload-ureq` mode: one agent, ureq's own multipart `Form`, one upload, exit), in
/// interleaved rounds of one run each. The figure is the median of the rounds' ratios: the
/// machine's state drifts during the benchmark (a run took 140 ms at its start and 215 ms
/// later), and two medians taken over all rounds can land in different states (the ratio of
/// the medians moved between 0.67 and 1.13 over runs where the paired ratio stayed within
/// 0.96-1.03). Each run's CPU time (user and system, `getrusage` of the waited-for child) is
/// printed beside its wall time. Returns the paired wall-time ratio (budget <= 1.05).
fn per_process_upload(url: &str) -> Option<f64> {
    let Some(binary) = sunco_binary() else {
        println!("upload_per_process: skipped, sunco did not build");
        return None;
    };
    let dir = TempDir::new()?;
    let Some(file) = temp_file(dir.path(), 512 * MIB) else {
        println!("upload_per_process: skipped, no room for the temporary file");
        return None;
    };
    let exe = std::env::current_exe().ok()?;
    let runs = 21;
    let (mut ours, mut bare) = (Vec::new(), Vec::new());
    let run = |command: &mut Command| -> Option<(f64, f64)> {
        let cpu_before = children_cpu();
        let started = Instant::now();
        let status = command.stdout(std::process::Stdio::null()).status().ok()?;
        let wall = started.elapsed().as_secs_f64();
        status
            .success()
            .then(|| (wall, children_cpu() - cpu_before))
    };
    for round in 0..runs {
        let mut client = sunco(&binary, url);
        client
            .env("SUNCO_MAX_UPLOAD_BYTES", (1024 * MIB).to_string())
            .arg("upload")
            .arg(&file);
        let mut baseline = Command::new(&exe);
        baseline
            .args(["--profile", "upload-ureq"])
            .arg(&file)
            .args(["--url", url]);
        if round % 2 == 0 {
            ours.push(run(&mut client)?);
            bare.push(run(&mut baseline)?);
        } else {
            bare.push(run(&mut baseline)?);
            ours.push(run(&mut client)?);
        }
    }
    let wall = |runs: &[(f64, f64)]| median(runs.iter().map(|r| r.0).collect());
    let cpu = |runs: &[(f64, f64)]| median(runs.iter().map(|r| r.1).collect());
    // Each round's two runs meet the same state of the machine: the median of their ratios.
    let paired = |of: fn(&(f64, f64)) -> f64| {
        median(ours.iter().zip(&bare).map(|(o, b)| of(o) / of(b)).collect())
    };
    let (ratio, wall_ratio) = (paired(|r| r.1), paired(|r| r.0));
    println!(
        "upload_per_process: sunco {:.0} ms CPU ({:.0} ms wall), bare ureq multipart \
         program {:.0} ms CPU ({:.0} ms wall) per 512 MiB upload, ratio {wall_ratio:.3} wall, \
         {ratio:.3} CPU (budget <= 1.05; the median of {runs} interleaved rounds' ratios, each \
         of a round's pair of runs, one process per upload)",
        cpu(&ours) * 1e3,
        wall(&ours) * 1e3,
        cpu(&bare) * 1e3,
        wall(&bare) * 1e3,
    );
    Some(wall_ratio)
}

/// The CPU time, user and system, of this process's children that have been waited for.
fn children_cpu() -> f64 {
    // SAFETY: getrusage writes one rusage into the value it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Figure 5, start-up: sunco started, one call made, exited.
fn startup(url: &str) {
    let Some(binary) = sunco_binary() else {
        println!("startup: skipped, sunco did not build");
        return;
    };
    let mut runs = Vec::new();
    for _ in 0..30 {
        let started = Instant::now();
        let status = sunco(&binary, url)
            .args([
                "delete",
                "https://media.example/apps/app/attachments/file.bin",
            ])
            .stdout(std::process::Stdio::null())
            .status();
        if status.is_ok_and(|s| s.success()) {
            runs.push(started.elapsed().as_secs_f64() * 1e3);
        }
    }
    if runs.is_empty() {
        println!("startup: skipped, sunco failed");
        return;
    }
    println!(
        "startup: process start + one call {:.2} ms (budget <= 5; median of {})",
        median(runs.clone()),
        runs.len()
    );
}

/// Figure 5, download time: 512 MiB through `Client::download(..).reader()` against a bare ureq
/// agent's GET of the same bytes, both read through a 64 KiB buffer into nothing, in
/// interleaved rounds. Returns the ratio of the median times (budget <= 1.05).
fn download_time(url: &str) -> f64 {
    const SIZE: u64 = 512 * MIB;
    const DOWNLOAD_ROUNDS: usize = 7;
    let media = format!("{url}/media/{SIZE}");
    let ours = Client::builder()
        .base_url(url)
        .basic_auth(KEY_ID, SECRET)
        .app_id(APP)
        .max_download_bytes(SIZE)
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("client");
    let bare = bare_agent();
    let drain = |reader: &mut dyn std::io::Read| -> u64 {
        let mut buffer = vec![0u8; 64 * 1024];
        let mut total = 0u64;
        loop {
            match reader.read(&mut buffer) {
                Ok(0) => return total,
                Ok(n) => total += n as u64,
                Err(e) => panic!("download failed: {e}"),
            }
        }
    };
    let mut ours_times = Vec::new();
    let mut bare_times = Vec::new();
    let time_ours = || {
        let started = Instant::now();
        let mut reader = ours.download(&media).reader().expect("download");
        assert_eq!(drain(&mut reader), SIZE);
        started.elapsed().as_secs_f64()
    };
    let time_bare = || {
        let started = Instant::now();
        let response = bare
            .get(&media)
            .header("authorization", basic_header())
            .call()
            .expect("bare GET");
        let mut reader = response.into_body().into_reader();
        assert_eq!(drain(&mut reader), SIZE);
        started.elapsed().as_secs_f64()
    };
    // Which goes first alternates, so that neither always meets a warm or cold page cache.
    for round in 0..DOWNLOAD_ROUNDS {
        if round % 2 == 0 {
            ours_times.push(time_ours());
            bare_times.push(time_bare());
        } else {
            bare_times.push(time_bare());
            ours_times.push(time_ours());
        }
    }
    let (ours, bare) = (median(ours_times), median(bare_times));
    let ratio = ours / bare;
    println!(
        "download_512m: client {:.0} MB/s, bare ureq GET {:.0} MB/s, time ratio {ratio:.3} \
         (budget <= 1.05; medians of {DOWNLOAD_ROUNDS} interleaved rounds, alternating which goes first)",
        SIZE as f64 / 1e6 / ours,
        SIZE as f64 / 1e6 / bare
    );
    ratio
}

/// Peak RSS in KiB of one `attachments download URL -o FILE` run of `size` bytes.
fn download_peak_rss_kib(binary: &Path, url: &str, size: u64, file: &Path) -> Option<u64> {
    let _ = std::fs::remove_file(file);
    let media = format!("{url}/media/{size}");
    let args = [
        "download".as_ref(),
        media.as_ref(),
        "-o".as_ref(),
        file.as_os_str(),
    ];
    peak_rss_kib(binary, url, &args)
}

/// What a 512 MiB download to a file costs sunco against `curl -o` from the same
/// server: both write the file, one process per download, 7 interleaved rounds (which goes
/// first alternates), medians of the wall times.
fn download_vs_curl(url: &str) -> Option<f64> {
    const SIZE: u64 = 512 * MIB;
    const ROUNDS: usize = 7;
    let Some(binary) = sunco_binary() else {
        println!("download vs curl: skipped, sunco did not build");
        return None;
    };
    if Command::new("curl").arg("--version").output().is_err() {
        println!("download vs curl: skipped, curl is not installed");
        return None;
    }
    let dir = TempDir::new()?;
    let file = dir.path().join("download.txt");
    let media = format!("{url}/media/{SIZE}");
    let time = |command: &mut Command| -> Option<f64> {
        let _ = std::fs::remove_file(&file);
        let started = Instant::now();
        let status = command.status().ok()?;
        let took = started.elapsed().as_secs_f64();
        let size = std::fs::metadata(&file).ok()?.len();
        (status.success() && size == SIZE).then_some(took)
    };
    let ours = |file: &Path| {
        let mut command = sunco(&binary, url);
        command
            .args(["download", &media, "-o"])
            .arg(file)
            .arg("--force")
            .env("SUNCO_MAX_DOWNLOAD_BYTES", SIZE.to_string())
            .stdout(std::process::Stdio::null());
        command
    };
    let curl = |file: &Path| {
        let mut command = Command::new("curl");
        command.args(["-s", "-o"]).arg(file).arg(&media);
        command
    };
    let (mut ours_times, mut curl_times) = (Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        if round % 2 == 0 {
            ours_times.push(time(&mut ours(&file))?);
            curl_times.push(time(&mut curl(&file))?);
        } else {
            curl_times.push(time(&mut curl(&file))?);
            ours_times.push(time(&mut ours(&file))?);
        }
    }
    let (ours, curl) = (median(ours_times), median(curl_times));
    let ratio = ours / curl;
    println!(
        "download_512m_to_file: sunco {:.0} ms, curl -o {:.0} ms, ratio {ratio:.3} (budget \
         <= 1.05; medians of {ROUNDS} interleaved runs)",
        ours * 1e3,
        curl * 1e3
    );
    Some(ratio)
}

/// Figure 6, what the size of a download costs in memory: peak RSS of sunco
/// downloading 512 MiB to a file minus the same for 1 MiB (budget <= 4 MiB).
fn download_rss_difference(url: &str) -> Option<f64> {
    let binary = rss_sunco("download rss")?;
    let dir = TempDir::new()?;
    let file = dir.path().join("download.txt");
    let mut small_kib = Vec::new();
    let mut large_kib = Vec::new();
    for _ in 0..3 {
        small_kib.push(download_peak_rss_kib(&binary, url, MIB, &file)? as f64);
        large_kib.push(download_peak_rss_kib(&binary, url, 512 * MIB, &file)? as f64);
    }
    let _ = std::fs::remove_file(&file);
    let (small, large) = (median(small_kib) / 1024.0, median(large_kib) / 1024.0);
    let difference = ((large - small) * 10.0).round() / 10.0 + 0.0;
    println!(
        "download rss: sunco peak RSS {small:.1} MiB for 1 MiB, {large:.1} MiB for 512 MiB: \
         difference {difference:.1} MiB (budget <= 4)"
    );
    Some(difference)
}
