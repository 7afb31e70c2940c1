#!/usr/bin/env python3
"""samla's national statistics at national scale: each table's queries on SQLite and
PostgreSQL beside DuckDB's over the same rows, and publishing a year.

    scripts/bench/national_statistics.py --bin target/release/samla \\
        --queries target/release/examples/statistics_queries [--postgres URL] [--organisations 30]

Builds `samla demo-data national` at the size given (the same seed on both databases, so
the same rows), in which the installation's own organisation is the national centre whose
programmes every organisation runs in its networks. For the year before the data set's
last day it measures, on each database:

- each national table's queries: what `publish` runs to gather that table's facts (the
  `statistics_queries` example of samla-storage, which calls samla's own storage functions),
  summed over every programme of the centre, the median of `--runs`;
- publishing that year's release of every programme through the API
  (publishStatisticsRelease), each timed: the slowest and the sum;

and exports the same rows from the SQLite database to Parquet and times, in DuckDB, a
query that computes each table per programme and organisation (the finest level the
releases have; regions and the nation add those up). It prints the figures side by side
with the ratios and the load average. DuckDB and pyarrow come into a virtual environment of
the benchmark's own (BENCH_VENV, by default ~/.cache/samla/bench-venv), made on the first
run. Prints figures; it is not a test.
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Database, Server, load, run, token  # noqa: E402

VENV = os.environ.get("BENCH_VENV", os.path.expanduser("~/.cache/samla/bench-venv"))
PACKAGES = ["duckdb", "pyarrow"]
OWNER = "drift"

# Each table and the query groups (of the statistics_queries example) its facts come from.
# The seven tables of participants share one query: publish runs it once for all seven.
PARTICIPANTS = ["counted_organisations", "participants"]
TABLES = [
    ("participants_by_age", PARTICIPANTS),
    ("participants_by_outcome", PARTICIPANTS),
    ("participants_by_channel", PARTICIPANTS),
    ("participants_by_service_kind", PARTICIPANTS),
    ("participants_by_sex", PARTICIPANTS),
    ("participants_by_wait", PARTICIPANTS),
    ("participants_by_dropout_reason", PARTICIPANTS),
    ("participants_by_attendance", PARTICIPANTS + ["attendance"]),
    ("waitlist_at_term_start", ["counted_organisations", "waiting"]),
    ("courses_by_status", ["counted_organisations", "courses"]),
    ("leaders_by_certification", ["counted_organisations", "leaders"]),
]
# What a release gathers besides the tables above: the pooled evaluations and outcomes.
EXTRA = [("pooled evaluations and outcomes", ["responses"])]


def log(message):
    print(f"[statistics] {message}", file=sys.stderr, flush=True)


def ensure_packages():
    """Runs this script again in the benchmark's own environment unless DuckDB is here."""
    try:
        import duckdb  # noqa: F401
        import pyarrow  # noqa: F401
        return
    except ImportError:
        pass
    python = os.path.join(VENV, "bin", "python")
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        sys.exit(f"{VENV} has no {' and '.join(PACKAGES)}; remove it to have it made again")
    if not os.path.exists(python):
        log(f"making {VENV} with {', '.join(PACKAGES)} (once)")
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    subprocess.run([python, "-m", "pip", "install", "--quiet", *PACKAGES], check=True)
    os.execv(python, [python, os.path.abspath(__file__), *sys.argv[1:]])


# --------------------------------------------------------------------------- samla


def sqlite_url(database):
    return f"sqlite://{os.path.join(database.dir, 'samla.db')}"


def database_url(database):
    return database.url or sqlite_url(database)


def samla_queries(queries_binary, database, year, runs):
    """The statistics_queries example on the dataset: {group: {"seconds", "rows"}}."""
    out = subprocess.run([queries_binary, database_url(database), OWNER, str(year), str(runs)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def centre_programmes(database):
    """(id, slug) of the centre's programmes."""
    query = (f"SELECT p.id, p.slug FROM programmes p JOIN organisations o ON o.id = p.organisation_id"
             f" WHERE o.slug = '{OWNER}' ORDER BY p.id")
    if database.url:
        out = subprocess.run(["psql", database.url, "-tAF", "\t", "-c", query], check=True, capture_output=True,
                             text=True).stdout
        return [(int(line.split("\t")[0]), line.split("\t")[1]) for line in out.splitlines() if line.strip()]
    with sqlite3.connect(os.path.join(database.dir, "samla.db")) as db:
        return db.execute(query).fetchall()


def publish_all(binary, database, year):
    """Publishes the year's release of every programme of the centre; {slug: seconds}."""
    programmes = centre_programmes(database)
    server = Server(binary, database)
    try:
        coordinator = token(binary, database, f"koordinator@{OWNER}.samla.test")
        times = {}
        for programme, slug in programmes:
            path = f"/api/v1/organisations/{OWNER}/programmes/{programme}/statistics/releases"
            started = time.monotonic()
            status, answer = server.post(path, coordinator, {"year": year, "note": "benchmark"})
            seconds = time.monotonic() - started
            if status != 201:
                log(f"publishing {slug} answered {status}: {str(answer)[:500]}")
                continue
            suppressed = sum(t["suppressed_cells"] for t in answer["tables"])
            published = sum(t["published_cells"] for t in answer["tables"])
            log(f"  published {slug} {year}: {seconds:.2f} s, {published} cells published, {suppressed} suppressed")
            times[slug] = seconds
        return times
    finally:
        server.stop()


# --------------------------------------------------------------------------- DuckDB

# The columns each exported table keeps: what the queries below read.
EXPORT = {
    "organisations": "id, slug, kind, region, country",
    "programmes": "id, organisation_id",
    "programme_versions": "id, programme_id",
    "programme_network_members": "programme_id, organisation_id",
    "courses": "id, organisation_id, programme_version_id, start_date, status",
    "course_participants": "id, course_id, person_id, role, status, channel_id, application_id, dropout_reason_kind",
    "persons": "id, birth_date, sex",
    "recruitment_channels": "id, code",
    "applications": "id, organisation_id, programme_id, participant_id, created_at",
    "application_events": "id, application_id, at, stage_to",
    "attendance_entries": "session_id, participant_id, attendance",
    "course_staff": "course_id, user_id, external_name, course_role",
    "certifications": "user_id, programme_id, organisation_id, certified_on",
}


def export_parquet(database, target):
    """The rows the statistics read, from the SQLite dataset to one Parquet file per table."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    os.makedirs(target, exist_ok=True)
    with sqlite3.connect(os.path.join(database.dir, "samla.db")) as db:
        for table, columns in EXPORT.items():
            cursor = db.execute(f"SELECT {columns} FROM {table}")
            names = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
            data = {name: [row[i] for row in rows] for i, name in enumerate(names)}
            pq.write_table(pa.Table.from_pydict(data), os.path.join(target, f"{table}.parquet"))


def duckdb_queries(year, term_moments):
    """DuckDB's query for each table: its counts per programme, organisation and column."""
    first, nxt = f"{year:04d}-01-01", f"{year + 1:04d}-01-01"
    counted = f"""
        counted AS (
            SELECT c.id, c.organisation_id, CAST(c.start_date AS DATE) AS start, c.status, v.programme_id
            FROM courses c
            JOIN programme_versions v ON v.id = c.programme_version_id
            JOIN programmes p ON p.id = v.programme_id
            JOIN organisations owner ON owner.id = p.organisation_id
            WHERE owner.slug = '{OWNER}'
              AND c.start_date >= '{first}' AND c.start_date < '{nxt}' AND c.status <> 'draft'
              AND (c.organisation_id = p.organisation_id
                   OR EXISTS (SELECT 1 FROM programme_network_members m
                              WHERE m.programme_id = v.programme_id AND m.organisation_id = c.organisation_id))
        ),
        taking_part AS (
            SELECT cp.*, k.programme_id, k.organisation_id, k.start, k.status AS course_status
            FROM course_participants cp JOIN counted k ON k.id = cp.course_id
            WHERE cp.role = 'participant'
        )"""

    def by(column_sql, source="taking_part t", joins=""):
        return (f"WITH {counted} SELECT t.programme_id, t.organisation_id, {column_sql} AS col, COUNT(*)"
                f" FROM {source} {joins} GROUP BY ALL")

    years = "date_sub('year', CAST(p.birth_date AS DATE), t.start)"
    age = f"""CASE WHEN p.birth_date IS NULL THEN 'unknown' WHEN {years} <= 5 THEN '0-5' WHEN {years} <= 9 THEN '6-9'
                  WHEN {years} <= 12 THEN '10-12' WHEN {years} <= 17 THEN '13-17' WHEN {years} <= 29 THEN '18-29'
                  WHEN {years} <= 49 THEN '30-49' WHEN {years} <= 66 THEN '50-66' ELSE '67+' END"""
    wait_days = "date_diff('day', CAST(timezone('Europe/Oslo', to_timestamp(a.created_at)) AS DATE), t.start)"
    wait = f"""CASE WHEN a.id IS NULL THEN 'no_application' WHEN {wait_days} <= 30 THEN 'days_0_30'
                    WHEN {wait_days} <= 90 THEN 'days_31_90' WHEN {wait_days} <= 180 THEN 'days_91_180'
                    ELSE 'days_181_plus' END"""
    attendance = f"""
        WITH {counted},
        marks AS (
            SELECT t.programme_id, t.organisation_id, t.id,
                   COUNT(e.participant_id) AS recorded,
                   COUNT(e.participant_id) FILTER (WHERE e.attendance IN ('present', 'late', 'left_early')) AS attended
            FROM taking_part t LEFT JOIN attendance_entries e ON e.participant_id = t.id
            GROUP BY ALL
        )
        SELECT programme_id, organisation_id,
               CASE WHEN recorded = 0 THEN 'attended_none_recorded' WHEN attended >= recorded THEN 'attended_all'
                    WHEN 4 * attended >= 3 * recorded THEN 'attended_75_99'
                    WHEN 2 * attended >= recorded THEN 'attended_50_74' ELSE 'attended_under_50' END AS col,
               COUNT(*)
        FROM marks GROUP BY ALL"""
    waitlist = " UNION ALL ".join(f"""
        SELECT a.programme_id, a.organisation_id, {half} AS term, a.participant_id
        FROM applications a JOIN programmes p ON p.id = a.programme_id
        JOIN organisations owner ON owner.id = p.organisation_id AND owner.slug = '{OWNER}'
        WHERE a.created_at < {moment}
          AND (a.organisation_id = p.organisation_id
               OR EXISTS (SELECT 1 FROM programme_network_members m
                          WHERE m.programme_id = a.programme_id AND m.organisation_id = a.organisation_id))
          AND (SELECT arg_max(e.stage_to, (e.at, e.id)) FROM application_events e
               WHERE e.application_id = a.id AND e.at < {moment}) = 'waitlisted'"""
                                  for half, moment in enumerate(term_moments))
    waitlist = (f"WITH {counted} SELECT programme_id, organisation_id, term, COUNT(DISTINCT participant_id)"
                f" FROM ({waitlist}) GROUP BY ALL")
    leaders = f"""
        WITH {counted},
        firsts AS (
            SELECT k.programme_id, k.organisation_id, s.user_id, lower(trim(coalesce(s.external_name, ''))) AS who,
                   MIN(k.start) AS first_start, any_value(CAST(cert.certified_on AS DATE)) AS certified_on
            FROM course_staff s JOIN counted k ON k.id = s.course_id
            LEFT JOIN certifications cert ON cert.user_id = s.user_id AND cert.programme_id = k.programme_id
                                          AND cert.organisation_id = k.organisation_id
            WHERE s.course_role = 'group_leader'
            GROUP BY ALL
        )
        SELECT programme_id, organisation_id,
               CASE WHEN user_id IS NULL THEN 'external' WHEN certified_on <= first_start THEN 'certified'
                    ELSE 'not_certified' END AS col,
               COUNT(*)
        FROM firsts GROUP BY ALL"""
    person = "JOIN persons p ON p.id = t.person_id"
    return {
        "participants_by_age": by(age, joins=person),
        "participants_by_outcome": by("CASE WHEN t.status = 'dropped_out' THEN 'dropped_out' WHEN t.course_status"
                                      " = 'completed' THEN 'completed' ELSE 'ongoing' END"),
        "participants_by_channel": by("coalesce(rc.code, 'unknown')",
                                      joins="LEFT JOIN recruitment_channels rc ON rc.id = t.channel_id"),
        "participants_by_service_kind": by("o.kind", joins="JOIN organisations o ON o.id = t.organisation_id"),
        "participants_by_sex": by("coalesce(p.sex, 'unknown')", joins=person),
        "participants_by_wait": by(wait, joins="LEFT JOIN applications a ON a.id = t.application_id"),
        "participants_by_dropout_reason": by("CASE WHEN t.status <> 'dropped_out' THEN 'did_not_drop_out'"
                                             " ELSE coalesce(t.dropout_reason_kind, 'not_given') END"),
        "participants_by_attendance": attendance,
        "waitlist_at_term_start": waitlist,
        "courses_by_status": f"WITH {counted} SELECT programme_id, organisation_id, status, COUNT(*) FROM counted"
                             " GROUP BY ALL",
        "leaders_by_certification": leaders,
    }


def term_moments(year):
    """The first moments of the year's two terms in Oslo (Unix seconds), as samla asks the
    waitlist at (Denmark's time zone has the same offsets)."""
    from zoneinfo import ZoneInfo
    oslo = ZoneInfo("Europe/Oslo")
    return [int(datetime.datetime(year, month, 1, tzinfo=oslo).timestamp()) for month in (1, 7)]


def duckdb_times(parquet, year, runs):
    """{table: (seconds, result rows)}: the median of `runs` after a warm-up."""
    import duckdb
    con = duckdb.connect()
    for table in EXPORT:
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{os.path.join(parquet, table)}.parquet')")
    figures = {}
    for table, query in duckdb_queries(year, term_moments(year)).items():
        rows = len(con.execute(query).fetchall())
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            con.execute(query).fetchall()
            times.append(time.perf_counter() - started)
        figures[table] = (statistics.median(times), rows)
    con.close()
    return figures


# --------------------------------------------------------------------------- report


def table_seconds(groups, names):
    if groups is None:
        return None
    return sum(groups[name]["seconds"] for name in names)


def cell(value, digits=3):
    return "n/a" if value is None else f"{value:,.{digits}f}"


def report(args, year, results, duck, generated, load_start):
    backends = list(results)
    print()
    print(f"samla national statistics — {args.organisations} organisations, {args.years} years, seed {args.seed};"
          f" year {year}; {os.cpu_count()} cores; load average at start {load_start}, at end {load()}")
    for backend in backends:
        groups = results[backend]["queries"]
        print(f"{backend}: data set written in {generated[backend]:.0f} s; {groups['programmes']} programmes;"
              f" rows read per query: " + ", ".join(f"{name} {value['rows']:,}" for name, value in groups.items()
                                                     if isinstance(value, dict)))
    print("seconds: samla's queries for the table's facts (every programme of the centre, the year), median of"
          f" {args.runs}; DuckDB's query over Parquet computing the table per programme and organisation")
    head = ["table".ljust(32)] + [f"{b} s".rjust(11) for b in backends] + ["DuckDB s".rjust(10)]
    head += [f"{b}/DuckDB".rjust(16) for b in backends] + ["targets".rjust(22)]
    print("".join(head))
    for table, names in TABLES + EXTRA:
        seconds = [table_seconds(results[b]["queries"], names) for b in backends]
        duck_seconds = duck.get(table, (None, 0))[0]
        ratios = [s / duck_seconds if s is not None and duck_seconds else None for s in seconds]
        verdicts = []
        if table in duck:
            for backend, s, r in zip(backends, seconds, ratios):
                if s is None:
                    continue
                if s > 0.5:
                    verdicts.append(f"{backend[:2]} >0.5s")
                if backend == "postgres" and r is not None and r > 2:
                    verdicts.append("pg >2x")
        verdict = "ok" if table in duck and not verdicts else " ".join(verdicts) if verdicts else ""
        line = [table.ljust(32)] + [cell(s).rjust(11) for s in seconds] + [cell(duck_seconds).rjust(10)]
        line += [cell(r, 1).rjust(16) for r in ratios] + [verdict.rjust(22)]
        print("".join(line))
    for backend in backends:
        times = results[backend]["publish"]
        if not times:
            print(f"{backend}: publishing failed (see the log above)")
            continue
        slowest = max(times, key=times.get)
        print(f"{backend}: publishing {year} of {len(times)} programmes through the API: {sum(times.values()):.1f} s"
              f" in all, the slowest {times[slowest]:.2f} s ({slowest}); target < 60 s per release"
              f" {'ok' if times[slowest] < 60 else 'MISS'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default="target/release/samla")
    parser.add_argument("--queries", default="target/release/examples/statistics_queries",
                        help="the statistics_queries example of samla-storage, built with --release")
    parser.add_argument("--postgres", help="a PostgreSQL URL whose server the dataset's database is made on")
    parser.add_argument("--organisations", type=int, default=30)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--year", type=int, help="the year to measure and publish (by default the last one over"
                        " before the data set's last day); a kept data set measured again publishes a new year this way")
    parser.add_argument("--keep", help="keep the data sets in this directory (and their PostgreSQL database), and"
                        " measure those kept there by an earlier run with the same arguments instead of making them"
                        " again (migrated first; its releases are published again, as corrections)")
    args = parser.parse_args()
    ensure_packages()
    binary, queries = os.path.abspath(args.bin), os.path.abspath(args.queries)
    for path in (binary, queries):
        if not os.access(path, os.X_OK):
            sys.exit(f"{path} is not built (cargo build --release -p samla; cargo build --release -p samla-storage"
                     " --example statistics_queries)")
    load_start = load()
    log(f"load average {load_start} on {os.cpu_count()} cores")
    work = args.keep or tempfile.mkdtemp(prefix="samla-statistics-")
    os.makedirs(work, exist_ok=True)
    results, generated, databases = {}, {}, []
    year = None
    kept_file = os.path.join(work, "kept.json")
    kept = json.load(open(kept_file)) if args.keep and os.path.exists(kept_file) else {}
    if kept and kept.get("arguments") != [args.organisations, args.years, args.seed]:
        sys.exit(f"{work} keeps data sets made with other arguments: {kept.get('arguments')}")
    try:
        for backend, postgres in (("sqlite", None), ("postgres", args.postgres)):
            if backend == "postgres" and not postgres:
                continue
            if backend in kept:
                database = Database.restored(kept[backend]["database"])
                databases.append(database)
                run(binary, database, "migrate")
                generated[backend], year = kept[backend]["seconds"], kept[backend]["year"]
                log(f"{backend}: the data set kept in {database.dir}, migrated")
            else:
                database = Database(work, backend, postgres)
                databases.append(database)
                out, generated[backend] = run(binary, database, "demo-data", "national", "--organisations",
                                              str(args.organisations), "--years", str(args.years), "--seed",
                                              str(args.seed))
                last_day = next(line for line in out.splitlines() if line.startswith("writing "))
                year = int(last_day.split(" up to ")[1][:4]) - 1
                if args.keep:
                    kept["arguments"] = [args.organisations, args.years, args.seed]
                    kept[backend] = {"database": database.__dict__, "seconds": generated[backend], "year": year}
                    json.dump(kept, open(kept_file, "w"))
            year = args.year or year
            log(f"{backend}: written in {generated[backend]:.0f} s (load {load()}); timing the queries of {year}")
            groups = samla_queries(queries, database, year, args.runs)
            log(f"{backend}: publishing {year} (load {load()})")
            results[backend] = {"queries": groups, "publish": publish_all(binary, database, year)}
        log(f"exporting the SQLite data set to Parquet (load {load()})")
        parquet = os.path.join(work, "parquet")
        export_parquet(databases[0], parquet)
        log(f"timing DuckDB (load {load()})")
        duck = duckdb_times(parquet, year, args.runs)
        report(args, year, results, duck, generated, load_start)
    finally:
        if not args.keep:
            for database in databases:
                database.drop()
            subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
