#!/usr/bin/env bash
# The newcomer's first minutes, measured: on a fresh clone of this repository with an empty
# target directory, `cargo run -p sunshine-conversations-cli -- demo` (the README's first
# command), then `cargo test --features mock` (the second) after it, and `cargo build -p
# sunshine-conversations-client` (the library alone) from an empty target directory again,
# against `cargo run` of the smallest ureq + serde + serde_json program, also from an empty
# target directory. Rounds are interleaved so that the machine's drift reaches all of them
# alike; the registry must already be downloaded.
#
#   bash benches/first-run.sh [ROUNDS]     (default 3)
#
# Prints each round and a last line `first_run demo_vs_hello=X lib_vs_hello=Y
# tests_vs_demo=Z` (medians; bounds: the demo <= 2.1; the second command after the first <= 1.0
# of the first).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/hello/src"
cat >"$work/hello/Cargo.toml" <<'TOML'
[package]
name = "hello"
version = "0.1.0"
edition = "2024"

[dependencies]
ureq = { version = "~3.5", default-features = false, features = ["rustls"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
TOML
cat >"$work/hello/src/main.rs" <<'RS'
#[derive(serde::Serialize, serde::Deserialize, Debug)]
struct Hello {
    greeting: String,
}

fn main() {
    let hello = Hello { greeting: "hello".into() };
    let text = serde_json::to_string(&hello).unwrap();
    let agent: ureq::Agent = ureq::Agent::config_builder().build().into();
    let _ = agent.get("http://127.0.0.1:9/").call();
    println!("{text} {:?}", serde_json::from_str::<Hello>(&text).unwrap());
}
RS
git clone --quiet "$root" "$work/clone"
(cd "$work/hello" && cargo generate-lockfile --quiet)

# seconds COMMAND...: wall time of a command, its output discarded.
seconds() {
    local started ended
    started=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
    ended=$(date +%s.%N)
    echo "$ended - $started" | bc
}

hello=() demo=() tests=() lib=()
for round in $(seq 1 "$rounds"); do
    rm -rf "$work/hello/target" "$work/clone/target"
    h=$(cd "$work/hello" && seconds cargo run --quiet)
    rm -rf "$work/clone/target"
    d=$(cd "$work/clone" && seconds env -u SUNCO_APP_ID -u SUNCO_BASE_URL -u SUNCO_REGION \
        -u SUNCO_SUBDOMAIN cargo run --quiet -p sunshine-conversations-cli -- demo)
    t=$(cd "$work/clone" && seconds env -u PRISM_URL cargo test --quiet --features mock)
    rm -rf "$work/clone/target"
    l=$(cd "$work/clone" && seconds cargo build --quiet -p sunshine-conversations-client)
    hello+=("$h") demo+=("$d") tests+=("$t") lib+=("$l")
    echo "round $round: hello $h s, cargo run -p sunshine-conversations-cli -- demo $d s, then cargo test --features mock $t s, cargo build (library) $l s"
done

median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
mh=$(median "${hello[@]}") md=$(median "${demo[@]}") mt=$(median "${tests[@]}")
ml=$(median "${lib[@]}")
echo "medians: hello $mh s, demo $md s, tests after it $mt s, library $ml s"
echo "first_run demo_vs_hello=$(echo "scale=2; $md / $mh" | bc)" \
    "lib_vs_hello=$(echo "scale=2; $ml / $mh" | bc)" \
    "tests_vs_demo=$(echo "scale=2; $mt / $md" | bc)"
