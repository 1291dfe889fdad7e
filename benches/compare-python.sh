#!/usr/bin/env bash
# The official Python client (sunshine-conversations-client 13.0.0 from PyPI, in a venv under
# target/) against this crate, on the benchmark's loopback server: JSON call latency, and what
# a 512 MiB upload costs in peak RSS over a 1 MiB one. Not part of CI.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
venv=target/python-venv
work=$(mktemp -d)
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "sunshine-conversations-client==13.0.0"
fi

cargo bench --bench perf --no-run --quiet 2>/dev/null
cargo build --release --quiet -p sunshine-conversations-cli
bench=$(ls -t target/release/deps/perf-* | grep -v '\.d$' | head -1)
"$bench" --serve >"$work/serve.log" &
server_pid=$!
for _ in $(seq 1 100); do
    grep -q listening "$work/serve.log" 2>/dev/null && break
    sleep 0.1
done
url=$(awk '/listening/ {print $2}' "$work/serve.log")
echo "server: $url"

cat >"$work/latency.py" <<'PY'
import sys, time
import sunshine_conversations_client as sc
url, calls = sys.argv[1], int(sys.argv[2])
conf = sc.Configuration(host=url)
conf.username, conf.password = "key", "secret"
api = sc.AttachmentsApi(sc.ApiClient(conf))
body = sc.AttachmentDeleteBody(media_url="https://media.example/apps/app/attachments/file.bin")
for _ in range(200):
    api.delete_attachment("app", body)
rounds = []
for _ in range(5):
    started = time.perf_counter()
    for _ in range(calls):
        api.delete_attachment("app", body)
    rounds.append((time.perf_counter() - started) * 1e6 / calls)
rounds.sort()
print(f"{rounds[len(rounds) // 2]:.1f}")
PY
cat >"$work/upload.py" <<'PY'
import sys
import sunshine_conversations_client as sc
url, path = sys.argv[1], sys.argv[2]
conf = sc.Configuration(host=url)
conf.username, conf.password = "key", "secret"
api = sc.AttachmentsApi(sc.ApiClient(conf))
api.upload_attachment("app", "public", path)
PY

python_us=$("$venv/bin/python" "$work/latency.py" "$url" 2000)
ours_us=$("$bench" --json --url "$url" | awk '/^json_call:/ {print $3}')
echo "json_call: python ${python_us} µs/call, this crate ${ours_us} µs/call, python/crate $(echo "scale=2; $python_us / $ours_us" | bc)"

head -c $((1024 * 1024)) /dev/urandom >"$work/small.bin"
head -c $((512 * 1024 * 1024)) /dev/zero >"$work/large.bin"
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}'; }
export SUNCO_APP_ID=app SUNCO_KEY_ID=key SUNCO_KEY_SECRET=secret SUNCO_BASE_URL="$url"
export SUNCO_MAX_UPLOAD_BYTES=$((1024 * 1024 * 1024))
py_small=$(rss "$venv/bin/python" "$work/upload.py" "$url" "$work/small.bin")
py_large=$(rss "$venv/bin/python" "$work/upload.py" "$url" "$work/large.bin")
rs_small=$(rss target/release/sunco upload "$work/small.bin")
rs_large=$(rss target/release/sunco upload "$work/large.bin")
py_diff=$(( (py_large - py_small) / 1024 ))
rs_diff=$(( (rs_large - rs_small) / 1024 ))
echo "upload_rss: python ${py_small} KiB -> ${py_large} KiB (+${py_diff} MiB for 512 MiB), this crate ${rs_small} KiB -> ${rs_large} KiB (+${rs_diff} MiB)"

start() {
    local started ended
    started=$(date +%s%N)
    "$@" >/dev/null 2>&1
    ended=$(date +%s%N)
    echo $(( (ended - started) / 1000 ))
}
cat >"$work/once.py" <<'PY'
import sys
import sunshine_conversations_client as sc
conf = sc.Configuration(host=sys.argv[1])
conf.username, conf.password = "key", "secret"
sc.AttachmentsApi(sc.ApiClient(conf)).delete_attachment(
    "app", sc.AttachmentDeleteBody(media_url="https://media.example/a.bin"))
PY
py_start=$(for _ in $(seq 1 10); do start "$venv/bin/python" "$work/once.py" "$url"; done | sort -n | sed -n 5p)
rs_start=$(for _ in $(seq 1 10); do start target/release/sunco delete https://media.example/a.bin; done | sort -n | sed -n 5p)
echo "startup: python ${py_start} µs, this crate ${rs_start} µs (process start + one call, median of 10)"
