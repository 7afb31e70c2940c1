# Sourced by scripts/test: a PostgreSQL server for one test run.
#
# `start_own_postgres` installs Debian's `postgresql` if it is missing and runs a throwaway cluster of its own
# in a temporary directory on a free loopback port for this run, and sets PG_URL; `stop_own_postgres`
# stops it and removes it. The cluster runs without fsync: it lives for one test run, and
# the tests' many small databases are made several times faster.

OWN_PG_DIR=""
OWN_PG_USER=""

postgres_answers() {
    psql "$1" -qAtc 'SELECT 1' >/dev/null 2>&1
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

pg_bin_dir() {
    local initdb
    initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n1)
    [ -n "$initdb" ] && dirname "$initdb"
}

start_own_postgres() {
    local bin port
    bin=$(pg_bin_dir || true)
    if [ -z "$bin" ]; then
        echo "[postgres] no PostgreSQL server installed: installing Debian's postgresql" >&2
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        bin=$(pg_bin_dir)
    fi
    command -v psql >/dev/null 2>&1 || export PATH="$bin:$PATH"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    OWN_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/samla-postgres.XXXXXX")
    # initdb refuses to run as root; Debian's package makes the `postgres` user.
    OWN_PG_USER=$(id -un)
    if [ "$(id -u)" -eq 0 ]; then
        OWN_PG_USER=postgres
        chown postgres "$OWN_PG_DIR"
    fi
    run_as "$bin/initdb" -D "$OWN_PG_DIR/data" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null
    # Tests trade durability for speed; a benchmark (OWN_PG_DURABLE=1) must not.
    local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${OWN_PG_DURABLE:-}" = 1 ] && durability=""
    run_as "$bin/pg_ctl" -D "$OWN_PG_DIR/data" -l "$OWN_PG_DIR/log" -w -o \
        "-p $port -k $OWN_PG_DIR -c listen_addresses=127.0.0.1 $durability -c max_connections=300" \
        start >/dev/null
    PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
    OWN_PG_BIN="$bin"
    echo "[postgres] throwaway cluster on 127.0.0.1:$port" >&2
}

run_as() {
    if [ "$OWN_PG_USER" = "$(id -un)" ]; then "$@"; else runuser -u "$OWN_PG_USER" -- "$@"; fi
}

stop_own_postgres() {
    if [ -n "$OWN_PG_DIR" ]; then
        run_as "$OWN_PG_BIN/pg_ctl" -D "$OWN_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$OWN_PG_DIR"
        OWN_PG_DIR=""
    fi
}
