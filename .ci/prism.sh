# Stoplight Prism, the independent contract mock: installed from npm into .ci/prism (ignored by
# git), started on a free loopback port, stopped by PID. Sourced by .ci/run.

PRISM_VERSION=5.16.0
PRISM_DIR=.ci/prism
PRISM_PIDS=()

prism_install() {
    if [ ! -x "$PRISM_DIR/node_modules/.bin/prism" ]; then
        npm install --silent --no-audit --no-fund --no-save --no-package-lock \
            --prefix "$PRISM_DIR" "@stoplight/prism-cli@$PRISM_VERSION"
    fi
    "$PRISM_DIR/node_modules/.bin/prism" --version
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# prism_start DOCUMENT NAME: starts Prism on DOCUMENT and sets PRISM_URL and PRISM_PID.
prism_start() {
    local document=$1 name=$2 port
    port=$(free_port)
    "$PRISM_DIR/node_modules/.bin/prism" mock -h 127.0.0.1 -p "$port" "$document" \
        >"target/prism-$name.log" 2>&1 &
    PRISM_PID=$!
    PRISM_PIDS+=("$PRISM_PID")
    PRISM_URL="http://127.0.0.1:$port"
    for _ in $(seq 1 240); do
        if ! kill -0 "$PRISM_PID" 2>/dev/null; then
            cat "target/prism-$name.log" >&2
            echo "Prism exited while starting" >&2
            return 1
        fi
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "Prism ($name) is listening on $PRISM_URL (pid $PRISM_PID)"
            return 0
        fi
        sleep 0.5
    done
    echo "Prism did not start within 120 s" >&2
    return 1
}

prism_stop_all() {
    for pid in "${PRISM_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
}
