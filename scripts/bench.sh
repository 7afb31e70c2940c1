#!/usr/bin/env bash
# Benchmark of the samla server (prints figures; not a test, always exits 0 once
# the figures are taken unless the server cannot be started at all).
#
#   scripts/bench.sh [PATH_TO_SAMLA_BINARY]      (default: target/release/samla)
#
# Measures, on loopback only and with bounded durations:
#   a) time from spawning `samla serve` (fresh data dir) to the first 200 from
#      /readyz, median of N runs, without and with --demo   (target <= 500 ms)
#   b) idle RSS (VmRSS) of the server ~2 s after ready        (target <= 40 MB)
#   c) wrk requests/s for GET /login and GET /healthz on the same server and
#      their ratio login/healthz                               (target >= 0.5)
#   d) a group leader's reads on a --demo server through the API (each one also
#      writes its audit row): GET today, GET today's attendance sheet; requests/s
#      and the 99th percentile latency                         (target p99 <= 100 ms);
#      the same sheet read by the user representative (no names, so no audit row) as
#      the reference for an audited read                       (target ratio >= 0.8)
#   e) at national scale (scripts/bench/national.py), on SQLite and PostgreSQL: the demo and
#      the data set of `samla demo-data national` at 1 % and 100 % of 300 organisations;
#      start-up, Today, audited and unaudited sheet reads, sheet saves beside a bare sqlite3
#      loop, the course and the course list, `audit verify` (time and peak RSS), each with
#      its target. Takes about ten minutes; BENCH_NATIONAL=0 leaves it out.
#   f) with BENCH_STATISTICS=1, national statistics (scripts/bench/national_statistics.py) at
#      BENCH_ORGANISATIONS on SQLite and PostgreSQL beside DuckDB: each table's queries and
#      publishing a year. It needs the statistics_queries example built beside the binary
#      (cargo build --release -p samla-storage --example statistics_queries) and makes a
#      virtual environment with DuckDB once; about 15 minutes at 300 organisations.
# It builds nothing. (a)-(d) use SQLite in a temp dir (SAMLA_DATABASE_URL is unset); (e)
# uses the PostgreSQL server at BENCH_POSTGRES_URL, or a throwaway cluster of its own as the
# test command does (scripts/lib/postgres.sh), but with fsync on, as in production.
#
# Environment: BENCH_RUNS (default 5), BENCH_WRK_DURATION (default 10s),
#   BENCH_WRK_THREADS (2), BENCH_WRK_CONNECTIONS (16), BENCH_IDLE_SECONDS (2),
#   BENCH_NATIONAL (1), BENCH_STATISTICS (0), BENCH_ORGANISATIONS (300), BENCH_POSTGRES_URL.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)

BIN=${1:-"$REPO_ROOT/target/release/samla"}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
if [ ! -x "$BIN" ]; then
    echo "bench.sh: samla binary not found or not executable: $BIN" >&2
    echo "  build it first (cargo build --release) or pass its path" >&2
    exit 2
fi

RUNS=${BENCH_RUNS:-5}
WRK_DURATION=${BENCH_WRK_DURATION:-10s}
WRK_THREADS=${BENCH_WRK_THREADS:-2}
WRK_CONNS=${BENCH_WRK_CONNECTIONS:-16}
IDLE_SECONDS=${BENCH_IDLE_SECONDS:-2}
PYTHON=${PYTHON:-python3}

unset SAMLA_DATABASE_URL SAMLA_DATA_DIR

log() { printf '[bench] %s\n' "$*" >&2; }
# shellcheck source=scripts/lib/postgres.sh
source "$SCRIPT_DIR/lib/postgres.sh"
OWN_PG_DIR=""

WORK=$(mktemp -d "${TMPDIR:-/tmp}/samla-bench.XXXXXX")
SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
cleanup() {
    local rc=$?
    stop_server
    stop_own_postgres
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
    "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# ---------------------------------------------------------------------------
# a) startup time: spawn -> first 200 on /readyz, timed in Python (monotonic
#    clock, polling every 2 ms over raw HTTP/1.1) to keep the probe's own cost
#    out of the figure. Prints one line per run and "MEDIAN <ms>" (or FAIL).
# ---------------------------------------------------------------------------
startup_median() {   # $1 = "demo" | "plain"
    "$PYTHON" - "$BIN" "$WORK" "$RUNS" "$1" <<'PY'
import os, socket, statistics, subprocess, sys, tempfile, time

binary, work, runs, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def ready(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as c:
            c.sendall(b"GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            head = c.recv(64)
            return head.startswith(b"HTTP/1.1 200") or head.startswith(b"HTTP/1.0 200")
    except OSError:
        return False

times = []
for i in range(runs):
    data = tempfile.mkdtemp(prefix=f"start-{mode}-{i}-", dir=work)
    port = free_port()
    args = [binary, "serve", "--bind", f"127.0.0.1:{port}", "--data-dir", data]
    if mode == "demo":
        args.append("--demo")
    logf = open(os.path.join(data, "server.log"), "wb")
    t0 = time.monotonic()
    proc = subprocess.Popen(args, stdout=logf, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    ms = None
    while time.monotonic() - t0 < 30:
        if proc.poll() is not None:
            break
        if ready(port):
            ms = (time.monotonic() - t0) * 1000
            break
        time.sleep(0.002)
    proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill(); proc.wait()
    logf.close()
    if ms is None:
        print(f"[bench]   run {i + 1}: server not ready within 30 s (exit code {proc.returncode})", file=sys.stderr)
        sys.stderr.write(open(os.path.join(data, "server.log"), errors="replace").read()[-2000:])
        print("FAIL")
        sys.exit(0)
    times.append(ms)
    print(f"[bench]   run {i + 1}: {ms:.0f} ms", file=sys.stderr)
print(f"MEDIAN {statistics.median(times):.0f}")
PY
}

log "binary: $BIN"
LOAD_START=$(cut -d' ' -f1 /proc/loadavg)
if awk -v l="$LOAD_START" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
    log "warning: load average is $LOAD_START on $(nproc) cores; other work (a build?) will skew the figures"
fi
log "(a) startup to first 200 /readyz, $RUNS runs each"
log "--- without --demo"
START_PLAIN=$(startup_median plain | tail -n1 | sed 's/^MEDIAN //')
log "--- with --demo"
START_DEMO=$(startup_median demo | tail -n1 | sed 's/^MEDIAN //')

# ---------------------------------------------------------------------------
# b) + c) one long-lived server (no --demo), idle RSS, then wrk.
# ---------------------------------------------------------------------------
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
mkdir -p "$WORK/srv"
"$BIN" serve --bind "127.0.0.1:$PORT" --data-dir "$WORK/srv" >"$WORK/srv.log" 2>&1 </dev/null &
SERVER_PID=$!
ok=""
for _ in $(seq 1 300); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/readyz" || true)" = "200" ]; then ok=1; break; fi
    sleep 0.1
done
if [ -z "$ok" ]; then
    log "server did not become ready; log:"
    tail -n 40 "$WORK/srv.log" >&2
    exit 1
fi

sleep "$IDLE_SECONDS"
rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }
hwm_mb() { awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }
IDLE_RSS=$(rss_mb)
log "(b) idle RSS ${IDLE_SECONDS}s after ready: ${IDLE_RSS} MB"

if ! command -v wrk >/dev/null 2>&1; then
    log "installing wrk (Debian package)"
    if [ "$(id -u)" = 0 ]; then
        (apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }) >&2
    else
        (sudo apt-get install -y -qq wrk || { sudo apt-get update -qq && sudo apt-get install -y -qq wrk; }) >&2
    fi
fi

LOGIN_STATUS=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/login" || true)
HEALTH_STATUS=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/healthz" || true)
LOGIN_BYTES=$(curl -s --max-time 5 "$BASE/login" | wc -c)
[ "$LOGIN_STATUS" = 200 ] || log "warning: GET /login answered $LOGIN_STATUS (not 200)"
[ "$HEALTH_STATUS" = 200 ] || log "warning: GET /healthz answered $HEALTH_STATUS (not 200)"

run_wrk() {   # $1 = path; prints requests/s; wrk's output goes to stderr
    local out
    wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d1s "$BASE$1" >/dev/null 2>&1 || true   # warm-up
    out=$(wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"$WRK_DURATION" --latency "$BASE$1" 2>&1)
    printf '%s\n' "$out" | sed "s|^|[wrk $1] |" >&2
    if printf '%s\n' "$out" | grep -q 'Non-2xx or 3xx responses'; then
        log "warning: $1 had non-2xx/3xx responses during the run (see above)"
    fi
    printf '%s\n' "$out" | awk '/^Requests\/sec:/ { print $2 }'
}
log "(c) wrk -t$WRK_THREADS -c$WRK_CONNS -d$WRK_DURATION (client and server share this machine's $(nproc) cores)"
RPS_LOGIN=$(run_wrk /login)
RPS_HEALTH=$(run_wrk /healthz)
RATIO=$(awk -v a="$RPS_LOGIN" -v b="$RPS_HEALTH" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
LOADED_RSS=$(rss_mb)
PEAK_RSS=$(hwm_mb)
stop_server

# ---------------------------------------------------------------------------
# d) a --demo server: the demo group leader's Today and today's attendance sheet.
# ---------------------------------------------------------------------------
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
mkdir -p "$WORK/demo"
SAMLA_DATA_DIR="$WORK/demo" "$BIN" serve --bind "127.0.0.1:$PORT" --demo >"$WORK/demo.log" 2>&1 </dev/null &
SERVER_PID=$!
ok=""
for _ in $(seq 1 300); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/readyz" || true)" = "200" ]; then ok=1; break; fi
    sleep 0.1
done
RPS_TODAY="n/a"; P99_TODAY="n/a"; RPS_SHEET="n/a"; P99_SHEET="n/a"; RPS_SHEET_UNAUDITED="n/a"
if [ -n "$ok" ]; then
    token_of() { SAMLA_DATA_DIR="$WORK/demo" "$BIN" token create --email "$1" --label bench </dev/null 2>/dev/null | tail -n1 | tr -d '[:space:]'; }
    TOKEN=$(token_of group-leader@demo.samla.test)
    # The user representative reads the same sheet without names, which is not audited:
    # the same handler, less the audit row, as the reference for an audited read.
    REPRESENTATIVE_TOKEN=$(token_of user-representative@demo.samla.test)
    TODAY_JSON=$(curl -s --max-time 5 -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/organisations/demo/today")
    SESSION=$("$PYTHON" -c 'import json, sys; d = json.load(sys.stdin); print(next((s["id"] for s in d["sessions"] if s["date"] == d["from"]), ""))' <<<"$TODAY_JSON" 2>/dev/null || true)
    wrk_auth() {   # $1 = path, $2 = token (the leader's if not given); prints "requests/s p99-ms"
        local out token=${2:-$TOKEN}
        wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d1s -H "Authorization: Bearer $token" "$BASE$1" >/dev/null 2>&1 || true
        out=$(wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"$WRK_DURATION" --latency -H "Authorization: Bearer $token" "$BASE$1" 2>&1)
        printf '%s\n' "$out" | sed "s|^|[wrk $1] |" >&2
        if printf '%s\n' "$out" | grep -q 'Non-2xx or 3xx responses'; then
            log "warning: $1 had non-2xx/3xx responses during the run (see above)"
        fi
        printf '%s\n' "$out" | awk '/^Requests\/sec:/ { rps = $2 } $1 == "99%" { p99 = $2 } END {
            if (p99 ~ /ms$/) { sub(/ms$/, "", p99) } else if (p99 ~ /us$/) { sub(/us$/, "", p99); p99 = p99 / 1000 } else if (p99 ~ /s$/) { sub(/s$/, "", p99); p99 = p99 * 1000 }
            printf "%s %.1f\n", rps, p99 }'
    }
    log "(d) the demo group leader's API reads, wrk -t$WRK_THREADS -c$WRK_CONNS -d$WRK_DURATION"
    read -r RPS_TODAY P99_TODAY < <(wrk_auth /api/v1/organisations/demo/today)
    if [ -n "$SESSION" ]; then
        read -r RPS_SHEET P99_SHEET < <(wrk_auth "/api/v1/organisations/demo/sessions/$SESSION/attendance")
        read -r RPS_SHEET_UNAUDITED _ < <(wrk_auth "/api/v1/organisations/demo/sessions/$SESSION/attendance" "$REPRESENTATIVE_TOKEN")
    else
        log "warning: the demo has no session today (its data was made on another day?)"
    fi
else
    log "the demo server did not become ready; log:"
    tail -n 40 "$WORK/demo.log" >&2
fi
stop_server

# ---------------------------------------------------------------------------
verdict() {   # $1 value, $2 op (le|ge), $3 target
    awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN {
        if (v == "" || v == "FAIL" || v == "n/a") { print "n/a"; exit }
        ok = (op == "le") ? (v + 0 <= t + 0) : (v + 0 >= t + 0)
        print ok ? "ok" : "MISS"
    }'
}
echo
echo "samla benchmark — $(basename "$BIN") at $BIN"
echo "$(nproc) cores, $(uname -sr), SQLite in a temp dir; load average at start $LOAD_START, at end $(cut -d' ' -f1 /proc/loadavg)"
printf '%-44s %12s %10s %6s\n' "figure" "value" "target" ""
printf '%-44s %12s %10s %6s\n' "--------------------------------------------" "------------" "----------" "------"
printf '%-44s %12s %10s %6s\n' "startup to /readyz 200, median ms"  "${START_PLAIN}" "<= 500" "$(verdict "$START_PLAIN" le 500)"
printf '%-44s %12s %10s %6s\n' "startup to /readyz 200 (--demo), median ms" "${START_DEMO}" "<= 500" "$(verdict "$START_DEMO" le 500)"
printf '%-44s %12s %10s %6s\n' "idle RSS ${IDLE_SECONDS}s after ready, MB" "$IDLE_RSS" "<= 40" "$(verdict "$IDLE_RSS" le 40)"
printf '%-44s %12s %10s %6s\n' "GET /login req/s (status $LOGIN_STATUS, ${LOGIN_BYTES} B)" "$RPS_LOGIN" "" ""
printf '%-44s %12s %10s %6s\n' "GET /healthz req/s (status $HEALTH_STATUS)" "$RPS_HEALTH" "" ""
printf '%-44s %12s %10s %6s\n' "ratio login/healthz" "$RATIO" ">= 0.5" "$(verdict "$RATIO" ge 0.5)"
printf '%-44s %12s %10s %6s\n' "RSS after wrk / peak (VmHWM), MB" "$LOADED_RSS / $PEAK_RSS" "" ""
printf '%-44s %12s %10s %6s\n' "leader GET today req/s" "$RPS_TODAY" "" ""
printf '%-44s %12s %10s %6s\n' "leader GET today p99 ms" "$P99_TODAY" "<= 100" "$(verdict "$P99_TODAY" le 100)"
printf '%-44s %12s %10s %6s\n' "leader GET attendance sheet req/s" "$RPS_SHEET" "" ""
printf '%-44s %12s %10s %6s\n' "leader GET attendance sheet p99 ms" "$P99_SHEET" "<= 100" "$(verdict "$P99_SHEET" le 100)"
AUDITED_RATIO=$(awk -v a="$RPS_SHEET" -v b="$RPS_SHEET_UNAUDITED" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else print "n/a" }')
printf '%-44s %12s %10s %6s\n' "same sheet unaudited (user repr.) req/s" "$RPS_SHEET_UNAUDITED" "" ""
printf '%-44s %12s %10s %6s\n' "ratio audited/unaudited read" "$AUDITED_RATIO" ">= 0.8" "$(verdict "$AUDITED_RATIO" ge 0.8)"

PG_URL="${BENCH_POSTGRES_URL:-}"
if [ "${BENCH_NATIONAL:-1}" != 0 ] || [ "${BENCH_STATISTICS:-0}" = 1 ]; then
    if [ -z "$PG_URL" ]; then
        OWN_PG_DURABLE=1 start_own_postgres >&2
    fi
fi
if [ "${BENCH_NATIONAL:-1}" != 0 ]; then
    "$PYTHON" "$SCRIPT_DIR/bench/national.py" --bin "$BIN" --postgres "$PG_URL" \
        --organisations "${BENCH_ORGANISATIONS:-300}"
fi
if [ "${BENCH_STATISTICS:-0}" = 1 ]; then
    QUERIES="$(dirname "$BIN")/examples/statistics_queries"
    if [ -x "$QUERIES" ]; then
        "$PYTHON" "$SCRIPT_DIR/bench/national_statistics.py" --bin "$BIN" --queries "$QUERIES" \
            --postgres "$PG_URL" --organisations "${BENCH_ORGANISATIONS:-300}"
    else
        log "BENCH_STATISTICS=1 but $QUERIES is not built: cargo build --release -p samla-storage --example statistics_queries"
    fi
fi
