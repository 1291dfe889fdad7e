#!/usr/bin/env bash
# Cold release build of this crate against a crate that depends only on ureq (same features),
# serde and serde_json, measured the same way: fresh target directory, registry already
# downloaded, `cargo build --release`, wall time. Prints both and the ratio (budget <= 1.8).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/baseline/src" "$work/crate"
cat >"$work/baseline/Cargo.toml" <<'TOML'
[package]
name = "baseline"
version = "0.1.0"
edition = "2024"

[dependencies]
ureq = { version = "~3.5", default-features = false, features = ["rustls"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
TOML
cat >"$work/baseline/src/lib.rs" <<'RS'
pub fn call(agent: &ureq::Agent, url: &str) -> Result<serde_json::Value, ureq::Error> {
    let bytes = agent.get(url).call()?.body_mut().read_to_vec()?;
    Ok(serde_json::from_slice(&bytes).unwrap_or_default())
}
RS
(cd "$root" && git ls-files | tar -cf - -T -) \
    | tar -xf - -C "$work/crate"

measure() {
    local dir=$1
    (cd "$dir" && cargo fetch --quiet >/dev/null 2>&1 || true)
    local started ended
    started=$(date +%s.%N)
    (cd "$dir" && CARGO_TARGET_DIR="$dir/target" cargo build --release --quiet) >&2 || exit 1
    ended=$(date +%s.%N)
    echo "$ended - $started" | bc
}

base=$(measure "$work/baseline")
ours=$(measure "$work/crate")
ratio=$(echo "scale=2; $ours / $base" | bc)
echo "build: cold cargo build --release: ureq+serde+serde_json ${base} s, sunshine-conversations-client ${ours} s, ratio ${ratio} (budget <= 1.8)"
