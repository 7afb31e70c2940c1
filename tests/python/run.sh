#!/usr/bin/env bash
# Checks samla's output with independent, real parsers (pytest):
#   - every shipped programme's FHIR export validates as a PlanDefinition (fhir.resources);
#   - course and personal calendar feeds parse with `icalendar`, one VEVENT per session
#     or meeting, at the API's dates and times in Europe/Oslo;
#   - `samla holidays` agrees with Python's `holidays` package and dateutil's Easter;
#   - every questionnaire in the library exports as a valid FHIR Questionnaire;
#   - evaluation downloads open with openpyxl and csv, with no cell a formula;
#   - the outcome change of seeded random answers, sent through the API, agrees with scipy.
#
#   tests/python/run.sh [PATH_TO_SAMLA_BINARY] [-- EXTRA_PYTEST_ARGS...]
#
# Starts `samla serve --demo` on a free loopback port with a fresh temporary data dir
# and creates an API token for the demo coordinator. Exits non-zero on any failure.
#
# Environment:
#   SAMLA_TEST_DATABASE_URL  if set (a fresh, empty PostgreSQL database), passed to the
#                            server and the commands as SAMLA_DATABASE_URL; otherwise
#                            SQLite in the temporary data dir is used.
#   SAMLA_PYTHON_VENV        venv location
#                            (default ${XDG_CACHE_HOME:-$HOME/.cache}/samla-python-checks-venv)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)

BIN=${1:-"$REPO_ROOT/target/debug/samla"}
[ $# -gt 0 ] && shift
if [ "${1:-}" = "--" ]; then shift; fi
EXTRA_ARGS=("$@")

case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
if [ ! -x "$BIN" ]; then
    echo "run.sh: samla binary not found or not executable: $BIN" >&2
    echo "  build it first (cargo build) or pass its path as the first argument" >&2
    exit 2
fi

PYTHON=${PYTHON:-python3}

log() { printf '[python/run.sh] %s\n' "$*" >&2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/samla-python.XXXXXX")
SERVER_PID=""
cleanup() {
    local rc=$?
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

show_server_log() {
    if [ -s "$WORK/server.log" ]; then
        echo "----- samla server log (last 25 lines) -----" >&2
        tail -n 25 "$WORK/server.log" | sed 's/\x1b\[[0-9;]*m//g' >&2
        echo "--------------------------------------------" >&2
    fi
}

# --- Python venv with the pinned packages ------------------------------------
VENV=$("$SCRIPT_DIR/venv.sh")

# --- start the server --------------------------------------------------------
PORT=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"
DATA_DIR="$WORK/data"
mkdir -p "$DATA_DIR"

# Never let the caller's samla settings point the checks at a real database.
unset SAMLA_DATABASE_URL SAMLA_DATA_DIR
SAMLA_ENV=("SAMLA_DATA_DIR=$DATA_DIR")
if [ -n "${SAMLA_TEST_DATABASE_URL:-}" ]; then
    SAMLA_ENV+=("SAMLA_DATABASE_URL=$SAMLA_TEST_DATABASE_URL")
    log "database: SAMLA_TEST_DATABASE_URL (${SAMLA_TEST_DATABASE_URL%%://*})"
else
    log "database: SQLite in $DATA_DIR"
fi

log "starting $BIN serve --bind 127.0.0.1:$PORT --demo"
env "${SAMLA_ENV[@]}" "$BIN" serve --bind "127.0.0.1:$PORT" --demo >"$WORK/server.log" 2>&1 </dev/null &
SERVER_PID=$!

ready=""
for _ in $(seq 1 600); do   # up to 60 s
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        log "server exited before becoming ready"
        show_server_log
        exit 1
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/readyz" || true)" = "200" ]; then
        ready=1
        break
    fi
    sleep 0.1
done
if [ -z "$ready" ]; then
    log "server did not answer 200 on /readyz within 60 s"
    show_server_log
    exit 1
fi

COORDINATOR=""
for _ in $(seq 1 100); do
    COORDINATOR=$(sed -n 's/.*demo account: role=coordinator email=\([^ ]*\) .*/\1/p' "$WORK/server.log" | head -n1)
    [ -n "$COORDINATOR" ] && break
    sleep 0.1
done
if [ -z "$COORDINATOR" ]; then
    log "no 'demo account: role=coordinator email=...' line in the server's output"
    show_server_log
    exit 1
fi
if ! env "${SAMLA_ENV[@]}" "$BIN" token create --email "$COORDINATOR" --label python-checks \
    >"$WORK/token.out" 2>&1 </dev/null; then
    log "samla token create failed:"
    cat "$WORK/token.out" >&2
    exit 1
fi
TOKEN=$(tail -n1 "$WORK/token.out" | tr -d '[:space:]')
log "server ready at $BASE; demo coordinator: $COORDINATOR"

# --- run the checks ----------------------------------------------------------
set +e
(cd "$WORK" && env "${SAMLA_ENV[@]}" SAMLA_BIN="$BIN" SAMLA_BASE="$BASE" SAMLA_TOKEN="$TOKEN" SAMLA_ORG=demo \
    NO_PROXY='127.0.0.1,localhost' no_proxy='127.0.0.1,localhost' \
    "$VENV/bin/pytest" -p no:cacheprovider -q "$SCRIPT_DIR" "${EXTRA_ARGS[@]}")
rc=$?
set -e
if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    log "the server died during the run"
    [ "$rc" -eq 0 ] && rc=1
fi
if [ "$rc" -ne 0 ]; then
    show_server_log
    log "FAILED (pytest exit code $rc)"
else
    log "passed"
fi
exit "$rc"
