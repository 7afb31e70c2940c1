#!/usr/bin/env python3
"""samla at national scale: the figures of the write path, audited reads and costs that
must not grow with the country, each beside its reference, on SQLite and PostgreSQL.

    scripts/bench/national.py --bin target/release/samla [--postgres URL] [--organisations 300]

Datasets, on each database: the demo (`serve --demo`), and the national data set of
`samla demo-data national` at 1 % and 100 % of `--organisations` (the same seed, so the
first organisations are the same in both), made with the real date as its last day so
that a leader's Today has sessions. For each it measures, with wrk on loopback:
start-up to the first 200 from /readyz; a group leader's Today (16 connections, p99);
today's attendance sheet read by the leader (audited) and by a user representative of
the same course (no names, so no audit row: the reference for an audited read); saving
that sheet (8 connections); the course and the course list through the API (p50); and
`samla audit verify` (seconds and peak RSS). The reference for a save is a bare sqlite3
loop with samla's PRAGMAs, one transaction per save of the same number of lines plus
one audit row. Prints figures; it is not a test and always exits 0 once it has figures.
Environment: BENCH_WRK_DURATION (10s).
"""

import argparse
import datetime
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

from common import Database, Server, load, run, token

WRK_DURATION = os.environ.get("BENCH_WRK_DURATION", "10s")


def log(message):
    print(f"[national] {message}", file=sys.stderr, flush=True)


def verify(binary, database):
    """`samla audit verify`, timed, with the peak RSS of that one process."""
    started = time.monotonic()
    proc = subprocess.Popen([binary, "audit", "verify"], env=database.env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        log(f"audit verify exited with {proc.returncode}")
    return seconds, usage.ru_maxrss / 1024


def wrk(base, path, token, connections, script=None):
    """wrk against one path; returns (requests/s, p50 ms, p99 ms), all None if any answer
    was not a success or a connection failed."""
    args = ["wrk", "-t2", f"-c{connections}", "--latency", "--timeout", "10s", "-H", f"Authorization: Bearer {token}"]
    if script:
        args += ["-s", script]
    subprocess.run(args + ["-d1s", base + path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = subprocess.run(args + [f"-d{WRK_DURATION}", base + path], capture_output=True, text=True).stdout
    rps, latency = None, {}
    for line in out.splitlines():
        words = line.split()
        if line.startswith("Requests/sec:"):
            rps = float(words[1])
        elif len(words) == 2 and words[0] in ("50%", "99%"):
            latency[words[0]] = milliseconds(words[1])
    if "Non-2xx or 3xx responses" in out or "Socket errors" in out:
        log(f"errors or refusals from {path}; its figures are left out:\n{out}")
        return None, None, None
    return rps, latency.get("50%"), latency.get("99%")


def milliseconds(text):
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * factor
    return float(text)


def bare_sqlite_saves(work, lines, seconds=5.0):
    """Saves/s of the reference: a sqlite3 loop with samla's PRAGMAs, one transaction per
    save of `lines` attendance lines and one audit row."""
    path = os.path.join(work, "bare.sqlite3")
    db = sqlite3.connect(path, isolation_level=None)
    for pragma in ("busy_timeout = 5000", "journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"):
        db.execute(f"PRAGMA {pragma}")
    db.execute("CREATE TABLE sheet (session_id INTEGER PRIMARY KEY, version INTEGER NOT NULL)")
    db.execute("CREATE TABLE line (session_id INTEGER, participant_id INTEGER, mark TEXT, note TEXT,"
               " PRIMARY KEY (session_id, participant_id))")
    db.execute("CREATE TABLE audit (seq INTEGER PRIMARY KEY, at INTEGER, action TEXT, record_id TEXT,"
               " prev_hash TEXT, hash TEXT)")
    db.execute("INSERT INTO sheet VALUES (1, 0)")
    saves, started = 0, time.monotonic()
    while time.monotonic() - started < seconds:
        db.execute("BEGIN IMMEDIATE")
        db.execute("UPDATE sheet SET version = version + 1 WHERE session_id = 1")
        db.execute("DELETE FROM line WHERE session_id = 1")
        db.executemany("INSERT INTO line VALUES (1, ?, 'present', '')", [(p,) for p in range(max(lines, 1))])
        db.execute("INSERT INTO audit (at, action, record_id, prev_hash, hash) VALUES (?, 'attendance.save', '1',"
                   " 'x', 'y')", (saves,))
        db.execute("COMMIT")
        saves += 1
    db.close()
    return saves / (time.monotonic() - started)


def pick_session(server, leaders, representatives, org):
    """A session today that a leader records and a user representative of the same
    course reads: (leader token, representative token, session)."""
    for leader in leaders():
        today = server.get(f"/api/v1/organisations/{org}/today", leader)
        if not today:
            continue
        for item in today["sessions"]:
            if item["date"] != today["from"]:
                continue
            session = server.get(f"/api/v1/organisations/{org}/sessions/{item['id']}", leader)
            if not session or not session.get("may_record") or not session.get("attendance_open"):
                continue
            for representative in representatives():
                if server.get(f"/api/v1/organisations/{org}/sessions/{item['id']}/attendance", representative):
                    return leader, representative, session
            return leader, None, session
    return None, None, None


def save_script(work, session):
    body = {
        "entries": [{"participant_id": p["participant_id"], "attendance": "present"}
                    for p in session.get("expected") or []],
        "guardians": [{"person_id": g["person_id"], "attendance": "present"}
                      for g in session.get("expected_guardians") or []],
    }
    path = os.path.join(work, f"save-{session['id']}.lua")
    with open(path + ".json", "w") as f:
        json.dump(body, f)
    with open(path, "w") as f:
        f.write('wrk.method = "PUT"\n')
        f.write(f"wrk.body = [[{json.dumps(body)}]]\n")
        f.write('wrk.headers["Content-Type"] = "application/json"\n')
        f.write('wrk.headers["If-Match"] = "*"\n')
    return path, len(body["entries"]) + len(body["guardians"])


def measure(binary, work, database, org, leaders, representatives, demo=False):
    figures = {}
    starts = []
    for _ in range(3):
        server = Server(binary, database, demo=demo)
        starts.append(server.startup_ms)
        server.stop()
        demo = False  # the demo is made on the first start only
    figures["startup_ms"] = statistics.median(starts)
    server = Server(binary, database)
    try:
        leader, representative, session = pick_session(
            server, lambda: leaders(binary, database), lambda: representatives(binary, database), org)
        if not leader:
            log(f"no leader of {org} has a session today to record; the read and save rows stay empty")
            return figures
        rps, _, p99 = wrk(server.base, f"/api/v1/organisations/{org}/today", leader, 16)
        figures.update(today_rps=rps, today_p99=p99)
        sheet = f"/api/v1/organisations/{org}/sessions/{session['id']}/attendance"
        rps, _, p99 = wrk(server.base, sheet, leader, 16)
        figures.update(sheet_rps=rps, sheet_p99=p99)
        if representative:
            figures["sheet_unaudited_rps"] = wrk(server.base, sheet, representative, 16)[0]
        course = f"/api/v1/organisations/{org}/courses/{session['course']['id']}"
        figures["course_p50"] = wrk(server.base, course, leader, 4)[1]
        figures["courses_p50"] = wrk(server.base, f"/api/v1/organisations/{org}/courses", leader, 4)[1]
        script, lines = save_script(work, session)
        # The first save makes the sheet; the timed ones replace it (If-Match: * matches a
        # saved sheet only, as HTTP says).
        server.put(sheet, leader, open(script + ".json", "rb").read())
        figures["save_rps"] = wrk(server.base, sheet, leader, 8, script)[0]
        figures["save_lines"] = lines
    finally:
        server.stop()
    figures["verify_s"], figures["verify_rss_mb"] = verify(binary, database)
    return figures


def numbered(prefix, org, count=40):
    def tokens(binary, database):
        for n in range(1, count + 1):
            try:
                yield token(binary, database, f"{prefix}{n}@{org}.samla.test")
            except RuntimeError:
                return
    return tokens


def demo_people(email):
    def tokens(binary, database):
        yield token(binary, database, email)
    return tokens


def datasets(args):
    small = max(1, args.organisations // 100)
    return [
        ("demo", None),
        (f"national-{small}", small),
        (f"national-{args.organisations}", args.organisations),
    ]


def bench(binary, work, args, postgres):
    backend = "postgres" if postgres else "sqlite"
    results = {}
    today = datetime.date.today().isoformat()
    for name, organisations in datasets(args):
        log(f"{backend} {name}: load {load()}")
        database = Database(work, f"{backend}-{name}", postgres)
        try:
            if organisations is None:
                results[name] = measure(binary, work, database, "demo",
                                        demo_people("group-leader@demo.samla.test"),
                                        demo_people("user-representative@demo.samla.test"), demo=True)
            else:
                _, seconds = run(binary, database, "demo-data", "national", "--organisations", str(organisations),
                                    "--years", str(args.years), "--today", today)
                log(f"{backend} {name}: written in {seconds:.1f} s")
                figures = measure(binary, work, database, "kommune-001",
                                  numbered("gruppeleder", "kommune-001"),
                                  numbered("brukerrepresentant", "kommune-001"))
                figures["generate_s"] = seconds
                results[name] = figures
        finally:
            database.drop()
    return results


def cell(value, digits=1):
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}"


def ratio(a, b):
    return a / b if a and b else None


def report(results, bare, args):
    names = [name for name, _ in datasets(args)]
    small, full = names[1], names[2]
    columns = [(backend, name) for backend in results for name in names]
    print()
    print(f"samla at national scale — {os.cpu_count()} cores; load average at end {load()}")
    print("figure".ljust(40) + "".join(f"{b[:2]} {n}".rjust(17) for b, n in columns))
    rows = [
        ("start-up to /readyz 200, median ms", "startup_ms", 0),
        ("leader Today req/s (16 conn.)", "today_rps", 0),
        ("leader Today p99 ms", "today_p99", 1),
        ("sheet read, audited req/s", "sheet_rps", 0),
        ("sheet read p99 ms", "sheet_p99", 1),
        ("same sheet unaudited req/s", "sheet_unaudited_rps", 0),
        ("sheet save req/s (8 conn.)", "save_rps", 0),
        ("course (getCourse) p50 ms", "course_p50", 2),
        ("course list p50 ms", "courses_p50", 2),
        ("audit verify s", "verify_s", 1),
        ("audit verify peak RSS MB", "verify_rss_mb", 0),
        ("data set written in s", "generate_s", 1),
    ]
    for label, key, digits in rows:
        print(label.ljust(40) + "".join(cell(results[b][n].get(key), digits).rjust(17) for b, n in columns))
    print()
    print("ratio".ljust(52) + "target".rjust(10) + "".join(b.rjust(12) for b in results))

    def line(label, target, values, good):
        verdicts = [cell(v, 2) + (" ok" if v is not None and good(v) else " MISS" if v is not None else "")
                    for v in values]
        print(label.ljust(52) + target.rjust(10) + "".join(v.rjust(12) for v in verdicts))

    line(f"sheet save / bare sqlite loop ({bare:,.0f}/s), {full}", ">= 0.3",
         [ratio(results[b][full].get("save_rps"), bare) for b in results], lambda v: v >= 0.3)
    line(f"audited / unaudited sheet read, {full}", ">= 0.8",
         [ratio(results[b][full].get("sheet_rps"), results[b][full].get("sheet_unaudited_rps")) for b in results],
         lambda v: v >= 0.8)
    line(f"Today p99 ms, {full}", "<= 100", [results[b][full].get("today_p99") for b in results], lambda v: v <= 100)
    for label, key in (("course", "course_p50"), ("course list", "courses_p50"), ("Today p99", "today_p99"),
                       ("start-up", "startup_ms")):
        line(f"{label}: {full} / {small}", "<= 1.5",
             [ratio(results[b][full].get(key), results[b][small].get(key)) for b in results], lambda v: v <= 1.5)
    line(f"start-up ms, {full}", "<= 500", [results[b][full].get("startup_ms") for b in results], lambda v: v <= 500)
    line(f"audit verify RSS MB, {full}", "<= 100", [results[b][full].get("verify_rss_mb") for b in results],
         lambda v: v <= 100)
    if len(results) == 2:
        line(f"sheet save PostgreSQL / SQLite, {full}", "",
             [ratio(results["postgres"][full].get("save_rps"), results["sqlite"][full].get("save_rps"))],
             lambda v: True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default="target/release/samla")
    parser.add_argument("--postgres", help="a PostgreSQL URL whose server the datasets' databases are made on")
    parser.add_argument("--organisations", type=int, default=300)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    log(f"binary {binary}; load average {load()} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="samla-national-") as work:
        results = {"sqlite": bench(binary, work, args, None)}
        if args.postgres:
            results["postgres"] = bench(binary, work, args, args.postgres)
        samples = [s["save_lines"] for r in results.values() for s in r.values() if s.get("save_lines")]
        bare = bare_sqlite_saves(work, max(samples) if samples else 8)
        report(results, bare, args)


if __name__ == "__main__":
    main()
