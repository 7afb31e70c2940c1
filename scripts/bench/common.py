"""What the national-scale benchmarks share: a dataset's database (a data directory, and
on PostgreSQL a database of its own), running samla commands on it, and a samla server
on loopback with small HTTP helpers. Imported by the scripts beside it."""

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request


def load():
    return open("/proc/loadavg").read().split()[0]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Database:
    """Where one dataset lives: a data directory, and on PostgreSQL a database of its own."""

    def __init__(self, work, name, postgres):
        self.dir = os.path.join(work, name)
        os.makedirs(self.dir)
        self.url = None
        if postgres:
            database = f"samla_bench_{os.getpid()}_{name.replace('-', '_')}"
            psql(postgres, f"CREATE DATABASE {database}")
            self.url = f"{postgres.rsplit('/', 1)[0]}/{database}"
            self.postgres, self.database = postgres, database

    @classmethod
    def restored(cls, fields):
        """A dataset an earlier run kept, from the fields it saved (its __dict__)."""
        database = cls.__new__(cls)
        database.__dict__.update(fields)
        return database

    def env(self):
        env = {k: v for k, v in os.environ.items() if not k.startswith("SAMLA_")}
        env["SAMLA_DATA_DIR"] = self.dir
        if self.url:
            env["SAMLA_DATABASE_URL"] = self.url
        return env

    def drop(self):
        if self.url:
            psql(self.postgres, f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)")


def psql(url, statement):
    subprocess.run(["psql", url, "-qc", statement], check=True, stdout=subprocess.DEVNULL)


def run(binary, database, *args):
    """Runs a samla command; returns (stdout, seconds)."""
    started = time.monotonic()
    proc = subprocess.Popen([binary, *args], env=database.env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"samla {' '.join(args)} failed ({proc.returncode}): {err[-2000:]}")
    return out, time.monotonic() - started


class Server:
    def __init__(self, binary, database, demo=False):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        args = [binary, "serve", "--bind", f"127.0.0.1:{self.port}"] + (["--demo"] if demo else [])
        self.log = open(os.path.join(database.dir, "server.log"), "ab")
        started = time.monotonic()
        self.proc = subprocess.Popen(args, env=database.env(), stdout=self.log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)
        self.startup_ms = None
        while time.monotonic() - started < 120 and self.proc.poll() is None:
            if self.ready():
                self.startup_ms = (time.monotonic() - started) * 1000
                break
            time.sleep(0.002)
        if self.startup_ms is None:
            self.stop()
            raise RuntimeError(f"the server did not become ready; see {self.log.name}")

    def ready(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as c:
                c.sendall(b"GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                return c.recv(64).startswith(b"HTTP/1.1 200")
        except OSError:
            return False

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def put(self, path, token, body):
        request = urllib.request.Request(self.base + path, data=body, method="PUT", headers={
            "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                answer.read()
        except urllib.error.HTTPError as refused:
            if refused.code != 428:  # a sheet is saved already: the timed saves replace it
                raise

    def get(self, path, token):
        request = urllib.request.Request(self.base + path, headers={"Authorization": f"Bearer {token}"})
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return json.load(answer)
        except urllib.error.HTTPError as refused:
            if refused.code in (403, 404):
                return None
            raise


    def post(self, path, token, body):
        """POSTs JSON; returns (status, answer as JSON or None)."""
        request = urllib.request.Request(self.base + path, data=json.dumps(body).encode(), method="POST", headers={
            "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=600) as answer:
                return answer.status, json.load(answer)
        except urllib.error.HTTPError as refused:
            return refused.code, refused.read().decode(errors="replace")

def token(binary, database, email):
    out, _ = run(binary, database, "token", "create", "--email", email, "--label", "bench")
    return out.strip().splitlines()[-1].strip()
