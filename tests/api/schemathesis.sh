#!/usr/bin/env bash
# Property-based API conformance test of the samla HTTP API with Schemathesis 4.
#
#   tests/api/schemathesis.sh [PATH_TO_SAMLA_BINARY] [-- EXTRA_SCHEMATHESIS_ARGS...]
#
# Starts `samla serve --demo` on a free loopback port with a fresh temporary data
# dir, creates an API token for the demo admin, and runs `schemathesis run` with
# every check (--checks all) and all phases (examples, coverage, fuzzing,
# stateful) against /api/v1/openapi.json. Exits non-zero on any failure.
#
# Environment:
#   SAMLA_TEST_DATABASE_URL  if set (a fresh, empty PostgreSQL database), passed to
#                            the server and `token create` as SAMLA_DATABASE_URL;
#                            otherwise SQLite in the temporary data dir is used.
#   SCHEMATHESIS_MAX_EXAMPLES  examples per operation (default 25)
#   SCHEMATHESIS_STATEFUL_EXAMPLES  scenarios of the stateful phase, which follows the
#                              document's links from one answer to the next (default 200)
#   SCHEMATHESIS_WORKERS       concurrent workers (default 1; >1 trips a CPython 3.11
#                              ast.parse thread-safety bug inside hypothesis)
#   SCHEMATHESIS_SEED          fixed seed to reproduce a run (default: random)
#   SCHEMATHESIS_LEAST_WITH_2XX  fewest operations that must answer 2xx at least once
#                              (default 100 of about 144), or the run fails
#   SCHEMATHESIS_REPORT_DIR    if set, JUnit + NDJSON reports and the server log go there
#   SCHEMATHESIS_VENV          venv location
#                              (default ${XDG_CACHE_HOME:-$HOME/.cache}/samla-schemathesis-venv)
#   SCHEMATHESIS_TIMEOUT       hard limit for the schemathesis run in s (default 600)
#   SCHEMATHESIS_PREPARE_ONLY  1: only make the venv (so two runs can then start at once)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)

BIN=${1:-"$REPO_ROOT/target/debug/samla"}
[ $# -gt 0 ] && shift
if [ "${1:-}" = "--" ]; then shift; fi
EXTRA_ARGS=("$@")

case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
if [ ! -x "$BIN" ]; then
    echo "schemathesis.sh: samla binary not found or not executable: $BIN" >&2
    echo "  build it first (cargo build) or pass its path as the first argument" >&2
    exit 2
fi

MAX_EXAMPLES=${SCHEMATHESIS_MAX_EXAMPLES:-25}
STATEFUL_EXAMPLES=${SCHEMATHESIS_STATEFUL_EXAMPLES:-200}
WORKERS=${SCHEMATHESIS_WORKERS:-1}
ST_TIMEOUT=${SCHEMATHESIS_TIMEOUT:-600}
VENV=${SCHEMATHESIS_VENV:-"${XDG_CACHE_HOME:-$HOME/.cache}/samla-schemathesis-venv"}
REQS="$SCRIPT_DIR/requirements.txt"
PYTHON=${PYTHON:-python3}

log() { printf '[schemathesis.sh] %s\n' "$*" >&2; }

# --- temp dir, server process, cleanup -------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/samla-schemathesis.XXXXXX")
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
    if [ -n "${SCHEMATHESIS_REPORT_DIR:-}" ] && [ -f "$WORK/server.log" ]; then
        mkdir -p "$SCHEMATHESIS_REPORT_DIR"
        sed 's/\x1b\[[0-9;]*m//g' "$WORK/server.log" >"$SCHEMATHESIS_REPORT_DIR/server.log" || true
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

# --- Python venv with pinned schemathesis ----------------------------------
REQ_HASH=$(sha256sum "$REQS" | cut -d' ' -f1)
if [ ! -x "$VENV/bin/schemathesis" ] || [ "$(cat "$VENV/.samla-requirements.sha256" 2>/dev/null)" != "$REQ_HASH" ]; then
    log "installing pinned requirements into $VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQS"
    echo "$REQ_HASH" > "$VENV/.samla-requirements.sha256"
fi
ST="$VENV/bin/schemathesis"
log "$("$ST" --version)"
if [ "${SCHEMATHESIS_PREPARE_ONLY:-}" = "1" ]; then
    exit 0
fi

# --- start the server --------------------------------------------------------
PORT=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"
DATA_DIR="$WORK/data"
mkdir -p "$DATA_DIR"

# Never let the caller's samla settings point the test at a real database.
unset SAMLA_DATABASE_URL SAMLA_DATA_DIR
SAMLA_ENV=("SAMLA_DATA_DIR=$DATA_DIR")
if [ -n "${SAMLA_TEST_DATABASE_URL:-}" ]; then
    SAMLA_ENV+=("SAMLA_DATABASE_URL=$SAMLA_TEST_DATABASE_URL")
    log "database: SAMLA_TEST_DATABASE_URL (${SAMLA_TEST_DATABASE_URL%%://*})"
else
    log "database: SQLite in $DATA_DIR"
fi

log "starting $BIN serve --bind 127.0.0.1:$PORT --demo"
env "${SAMLA_ENV[@]}" "$BIN" serve --bind "127.0.0.1:$PORT" --data-dir "$DATA_DIR" --demo \
    >"$WORK/server.log" 2>&1 </dev/null &
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
log "server ready at $BASE (pid $SERVER_PID)"

# The demo accounts are printed once the database has been filled; /readyz may
# already answer, so allow a moment for the line to appear.
ADMIN_EMAIL=""
for _ in $(seq 1 100); do
    ADMIN_EMAIL=$(sed -n 's/.*demo account: role=admin email=\([^ ]*\) .*/\1/p' "$WORK/server.log" | head -n1)
    [ -n "$ADMIN_EMAIL" ] && break
    sleep 0.1
done
if [ -z "$ADMIN_EMAIL" ]; then
    log "no 'demo account: role=admin email=...' line in the server's output"
    show_server_log
    exit 1
fi
log "demo admin: $ADMIN_EMAIL"

# The fuzzing identity also plans courses: the demo admin gets the coordinator role, so
# the programme and course operations are exercised past the permission check (an
# administrator alone may only read them). `user add` keeps the existing password.
if ! printf 'unused because the account exists\n' | env "${SAMLA_ENV[@]}" "$BIN" user add --org demo \
    --email "$ADMIN_EMAIL" --name "Ada Administrator" --role coordinator --password-stdin \
    >"$WORK/role.out" 2>&1; then
    log "samla user add (coordinator role for the demo admin) failed:"
    cat "$WORK/role.out" >&2
    exit 1
fi

if ! env "${SAMLA_ENV[@]}" "$BIN" token create --email "$ADMIN_EMAIL" --label schemathesis \
    >"$WORK/token.out" 2>"$WORK/token.err" </dev/null; then
    log "samla token create failed:"
    cat "$WORK/token.out" "$WORK/token.err" >&2
    exit 1
fi
TOKEN=$(tail -n1 "$WORK/token.out" | tr -d '[:space:]')
if [ -z "$TOKEN" ]; then
    log "samla token create printed no token"
    cat "$WORK/token.out" "$WORK/token.err" >&2
    exit 1
fi

# Sanity: the schema must be served.
if ! curl -sf --max-time 10 -o "$WORK/openapi.json" "$BASE/api/v1/openapi.json"; then
    log "GET /api/v1/openapi.json did not answer 2xx"
    show_server_log
    exit 1
fi

# --- run schemathesis ------------------------------------------------------
# A config file of our own (so no schemathesis.toml elsewhere is picked up):
# - the path parameter {org} is the demo organisation's slug in most cases
#   (generated values the rest of the time), and so is every other path parameter
#   a real id of the demo (added below), so operations get past 404 and their
#   validation and logic are exercised too;
# - the on-disk failure cache is off so each run is fresh;
# - two expected-status lists name the answers of optimistic locking (below).
cat >"$WORK/schemathesis.toml" <<'EOF'
[cache]
enabled = false

[dictionaries.org-slugs]
values = ["demo"]

# Updates use optimistic locking (RFC 9110 §13.1.1): an If-Match naming another
# version than the current one is answered 412 even when the body is valid.
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "412", "429", "5xx"]

# An update without If-Match is answered 428 Precondition Required (RFC 6585 §3).
[checks.missing_required_header]
expected-statuses = ["400", "401", "403", "406", "415", "422", "428"]

# Planning rules that JSON Schema cannot state: a start date on one of the chosen
# weekdays, an end after the start, sessions numbered in order, the lifecycle's next
# steps, every session staffed before "ready", a finished course left alone, people
# from the course's working group. A schema-valid request that breaks one is answered
# 422 naming the field.
[[operations]]
include-operation-id = [
    "importProgramme", "updateProgramme", "createCourse", "updateCourse", "setCourseStatus",
    "addSession", "moveSession", "cancelSession", "setSessionStaff", "addCourseStaff",
    "removeCourseStaff", "updateChecklistItem", "replaceBudget", "addSchoolHoliday",
]
checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "412", "422", "429", "5xx"]

# Intake rules that JSON Schema cannot state: what an application needs depends on
# other fields (a child needs a birth date and a guardian, an adult a phone; a course
# or else a programme), on the organisation (national identity numbers turned on, a
# consent text for each purpose, existing channels, courses that take applications,
# a programme by that slug) and on the day (a birth date or pre-conversation not in
# the future, an offer deadline not in the past); an age band's oldest age not below
# its youngest; a consent giver from the application's household; an
# Idempotency-Key used before for another body. A schema-valid request that breaks
# one is answered 422 naming the field.
[[operations]]
include-operation-id = [
    "createApplication", "updateApplication", "recordPreConversation", "recordConsent", "sendConsentLink",
    "proposeGroup", "confirmGroup", "createConsentText",
]
checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "412", "422", "429", "5xx"]

# Running a course, rules JSON Schema cannot state: attendance, logs and absence notices
# only from the session's day (notices: until it), never for a cancelled session or a closed course, one mark per planned
# element and some text in a log; an absence notice, observation or concern about a
# participant expected there; homework reviewed at a later session of the same course; a
# meeting's end after its start and a title that does not name its participant; closing
# conversations that end before midnight on a real day; a network
# meeting naming nobody whose family did not consent to sharing with the network; a sent
# concern report's day not after today and a reason when one is not sent; designated
# readers whose role sees sensitive data; a dropout's day neither in the future nor before
# enrolment. A schema-valid request that breaks one is answered 422 naming the field.
[[operations]]
include-operation-id = [
    "createAbsenceNotice", "deleteAbsenceNotice", "createHomework", "reviewHomework", "createObservation", "scheduleMeeting",
    "planClosingConversations", "createConcernReport", "updateConcernReport", "putConcernReaders", "recordDropout",
]
checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "412", "422", "429", "5xx"]

# Questionnaires and evaluations, rules JSON Schema cannot state: a FHIR Questionnaire or
# scoring rules with problems (every one named by its path); a round's questionnaire of
# the organisation, its session from the course, its dates in order and not past, a QR
# code only on an anonymous round, somebody to ask and an open course; a round closed
# once; answers that fit the questionnaire. A schema-valid request that breaks one is
# answered 422; a one-time link already used or a round not yet open 409, an expired link
# or a closed round 410 Gone; a participant already answered on paper 409.
[[operations]]
include-operation-id = [
    "importQuestionnaire", "startQuestionnaireRound", "scheduleOutcomeRounds", "closeQuestionnaireRound",
    "submitAnswers", "openAnonymousForm", "enterPaperResponse",
]
checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "410", "412", "422", "429", "5xx"]

# Programme networks and statistics, rules JSON Schema cannot state: a kind and region
# from samla's lists, the region in the organisation's own country; joining a network
# of a programme another organisation owns, once, with a region set; publishing only a
# year that is over; importing earlier courses whose rows read (programmes and recruitment
# channels of the organisation, courses that have started, participants of a course in
# the import, attended sessions no more than the course had, codes that are no national
# identity number); a submission file whose signature holds under a registered key, for
# the programme, newer than the one held, with tables that agree; an installation's public
# key that is one, registered once. A schema-valid request that breaks one is answered 422
# or 409.
[[operations]]
include-operation-id = [
    "setOrganisationPlacement", "joinProgrammeNetwork", "publishStatisticsRelease",
    "makeStatisticsSubmission", "registerSubmittingInstallation",
]
checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "412", "422", "429", "5xx"]

# Retention, rules JSON Schema cannot state: a rule no shorter than the law allows for
# its kind (a closed application is kept at least three months); an erasure's reference
# that names an application of the organisation that did not lead to a place. A
# schema-valid request that breaks one is answered 422 naming the field; a held one 409.
# Access requests likewise: a person the organisation has, a day not in the future (an
# answer's not before the request came); an answered request is answered 409.
[[operations]]
include-operation-id = ["setRetentionRule", "eraseApplicationOnRequest", "registerAccessRequest", "markAccessRequestAnswered"]
checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "412", "422", "429", "5xx"]

# Importing earlier courses and receiving a submission: the rules above, and a body over
# the server's 1 MiB limit (the schema allows more rows, or a longer file, than fit in
# it) is answered 413 Content Too Large, valid or not.
[[operations]]
include-operation-id = ["importCourses", "receiveStatisticsSubmission", "pushStatisticsSubmission"]
checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "412", "413", "422", "429", "5xx"]
checks.negative_data_rejection.expected-statuses = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429", "5xx"]

# The first attendance sheet, log or meeting record of a session needs no If-Match, so
# the header is optional in the schema; once one exists, a save without it is answered
# 428 (RFC 6585 §3). The same rules as above apply to their contents.
[[operations]]
include-operation-id = ["putSessionAttendance", "putSessionLog", "putMeetingRecord"]
checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "412", "422", "428", "429", "5xx"]
EOF

# Examples per operation, and the stateful phase's scenarios. Its links come from the
# document and from Location headers only: links guessed by matching field names fed
# nullable ids (a round's `session_id: null`) into paths as "None", a request the API
# rightly answers 400 and the check took for a refused valid one.
printf '\n[generation]\nmax-examples = %d\n\n[phases.stateful]\ngeneration.max-examples = %d\ninference.algorithms = ["location-headers"]\n' \
    "$MAX_EXAMPLES" "$STATEFUL_EXAMPLES" >>"$WORK/schemathesis.toml"

# Real ids of the demo organisation for every path parameter it has (tests/api/fuzz_ids.py):
# most generated requests name a course, session, application … that exists, so they get
# past 404 to the operation's rules; the rest are generated values.
if ! "$PYTHON" "$SCRIPT_DIR/fuzz_ids.py" "$BASE" "$TOKEN" "$WORK/openapi.json" >>"$WORK/schemathesis.toml" 2>"$WORK/ids.err"; then
    cat "$WORK/ids.err" >&2
    log "collecting real ids for the path parameters failed"
    exit 1
fi
sed 's/^/[schemathesis.sh] /' "$WORK/ids.err" >&2

# Bearer auth as a Schemathesis auth provider instead of a fixed -H header: the
# API lets a token revoke itself (DELETE /api/v1/me/tokens/{id}), and stateful
# testing does that sooner or later, after which every later request would get
# 401 and test nothing. The provider checks the current token with GET /api/v1/me
# (outside Schemathesis, not part of the checks) before each test case and, only if
# that answers 401, mints a fresh token for the demo admin with `samla token create`;
# if even a fresh token is refused, the run errors out. (Checking only after answers
# that may mean a change missed a revocation once: an operation then saw only 401s.)
# Requests that leave
# auth out or spoil it on purpose (ignored_auth, coverage phase) are unaffected.
cat >"$WORK/samla_auth_hooks.py" <<'EOF'
import json
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.request

import schemathesis

_lock = threading.Lock()
_state = {"token": os.environ["SAMLA_ST_TOKEN"], "minted": 0}
_ME = os.environ["SAMLA_ST_BASE"] + "/api/v1/me"


def _me(token):
    """(status, the roles in the demo organisation) of GET /api/v1/me."""
    request = urllib.request.Request(_ME, headers={"Authorization": "Bearer " + token})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=10) as response:
            me = json.load(response)
            roles = [r for m in me.get("organisations", []) if m.get("slug") == "demo" for r in m.get("roles", [])]
            return response.status, roles
    except urllib.error.HTTPError as error:
        return error.code, []


def _status(token):
    return _me(token)[0]


def _restore_coordinator():
    """updateUser may be fuzzed on the caller's own account and take its coordinator role
    away; every later planning or running operation would then only see 403."""
    out = subprocess.run(
        [os.environ["SAMLA_ST_BIN"], "user", "add", "--org", "demo", "--email", os.environ["SAMLA_ST_EMAIL"],
         "--name", "Ada Administrator", "--role", "coordinator", "--password-stdin"],
        capture_output=True, text=True, timeout=60, input="unused because the account exists\n",
    )
    if out.returncode != 0:
        raise RuntimeError("samla user add (coordinator role back) failed: %s %s" % (out.stdout, out.stderr))
    print("[schemathesis.sh] the fuzzing identity lost its coordinator role; gave it back",
          file=sys.stderr, flush=True)


def _mint():
    _state["minted"] += 1
    out = subprocess.run(
        [os.environ["SAMLA_ST_BIN"], "token", "create", "--email", os.environ["SAMLA_ST_EMAIL"],
         "--label", "schemathesis-%d" % _state["minted"]],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )
    lines = [line.strip() for line in out.stdout.splitlines() if line.strip()]
    if out.returncode != 0 or not lines:
        raise RuntimeError("samla token create failed: %s %s" % (out.stdout, out.stderr))
    return lines[-1]


@schemathesis.auth(refresh_interval=None)
class SamlaBearer:
    def get(self, case, ctx):
        with _lock:
            status, roles = _me(_state["token"])
            if status == 200 and "coordinator" not in roles:
                _restore_coordinator()
            if status != 401:
                return _state["token"]
            token = _mint()
            status = _status(token)
            if status == 401:
                raise RuntimeError("a freshly created token for the demo admin is refused (401 on GET /api/v1/me)")
            print("[schemathesis.sh] the API token stopped working (revoked during the run?); "
                  "minted a new one (#%d)" % _state["minted"], file=sys.stderr, flush=True)
            _state["token"] = token
            return token

    def set(self, case, data, ctx):
        case.headers = case.headers or {}
        case.headers["Authorization"] = "Bearer " + data
EOF

ST_ARGS=(
    --config-file "$WORK/schemathesis.toml"
    run "$BASE/api/v1/openapi.json"
    --checks all
    --phases examples,coverage,fuzzing,stateful
    --workers "$WORKERS"
    --request-timeout 10
    --generation-database ":memory:"
)
[ -n "${SCHEMATHESIS_SEED:-}" ] && ST_ARGS+=(--seed "$SCHEMATHESIS_SEED")
# The NDJSON report is always written: the coverage figures below are read from it.
REPORT_DIR=${SCHEMATHESIS_REPORT_DIR:-"$WORK/report"}
mkdir -p "$REPORT_DIR"
ST_ARGS+=(--report junit,ndjson --report-dir "$REPORT_DIR")
ST_ARGS+=("${EXTRA_ARGS[@]}")

log "running schemathesis (checks=all, max-examples=$MAX_EXAMPLES, stateful scenarios=$STATEFUL_EXAMPLES, workers=$WORKERS)"
set +e
# Run from the temp dir so no .hypothesis / .schemathesis state lands in the repo.
(cd "$WORK" && export "${SAMLA_ENV[@]}" && \
    SCHEMATHESIS_HOOKS="$WORK/samla_auth_hooks.py" SAMLA_ST_TOKEN="$TOKEN" SAMLA_ST_BASE="$BASE" \
    SAMLA_ST_BIN="$BIN" SAMLA_ST_EMAIL="$ADMIN_EMAIL" \
    NO_PROXY='127.0.0.1,localhost' no_proxy='127.0.0.1,localhost' \
    timeout --signal=TERM --kill-after=10 "$ST_TIMEOUT" "$ST" "${ST_ARGS[@]}")
st_rc=$?
set -e

if [ "$st_rc" -eq 124 ]; then
    log "schemathesis exceeded ${ST_TIMEOUT}s and was stopped"
fi
if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    log "the server died during the run"
    show_server_log
    [ "$st_rc" -eq 0 ] && st_rc=1
fi
# How far the run reached: operations that got a 2xx, links followed. A run that reaches
# fewer than LEAST_WITH_2XX operations fails: its token stopped working, or the fuzzer no
# longer gets past authentication and 404s. (Schemathesis' own missing_auth warning is not
# used for this: it fires for an operation whose coverage-phase requests without a token
# outnumber the others, which happens by seed to operations with no body and two path
# parameters, such as joining and leaving a programme network.)
LEAST_WITH_2XX=${SCHEMATHESIS_LEAST_WITH_2XX:-100}
for report in "$REPORT_DIR"/ndjson-*.ndjson; do
    [ -f "$report" ] || continue
    if ! "$PYTHON" "$SCRIPT_DIR/coverage.py" "$report" "$WORK/openapi.json" "$LEAST_WITH_2XX" >"$WORK/coverage.out"; then
        [ "$st_rc" -eq 0 ] && st_rc=1
    fi
    sed 's/^/[schemathesis.sh] /' "$WORK/coverage.out" >&2
done
if [ "$st_rc" -ne 0 ]; then
    show_server_log
    log "FAILED (schemathesis exit code $st_rc)"
else
    log "passed"
fi
exit "$st_rc"
