"""Shared fixtures: the running demo server (started by run.sh), its API and binary."""

import json
import os
import subprocess
import urllib.error
import urllib.request

import pytest


class Api:
    """A small JSON client for the samla API with a bearer token."""

    def __init__(self, base, token, org):
        self.base = base
        self.token = token
        self.org = org
        self.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def request(self, method, path, body=None, headers=None):
        """Returns (status, headers, raw body) for a path under /api/v1."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + "/api/v1" + path, data=data, method=method)
        request.add_header("Authorization", "Bearer " + self.token)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def json(self, method, path, body=None, expect=200, headers=None):
        status, _, raw = self.request(method, path, body, headers)
        assert status == expect, f"{method} {path}: {status} {raw[:500]!r}"
        return json.loads(raw) if raw else None

    def org_path(self, path):
        return f"/organisations/{self.org}{path}"

    def fetch(self, url):
        """GET an absolute URL without the token (as a calendar app does)."""
        with self.opener.open(url, timeout=30) as response:
            return response.status, response.headers, response.read()


@pytest.fixture(scope="session")
def samla_bin():
    return os.environ["SAMLA_BIN"]


@pytest.fixture(scope="session")
def api():
    return Api(os.environ["SAMLA_BASE"], os.environ["SAMLA_TOKEN"], os.environ.get("SAMLA_ORG", "demo"))


@pytest.fixture(scope="session")
def token_for(samla_bin):
    """A fresh API token for a demo account (the server's database comes from the
    environment run.sh sets)."""

    def make(email):
        out = subprocess.run(
            [samla_bin, "token", "create", "--email", email, "--label", "python-checks"],
            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL, check=True,
        )
        return out.stdout.strip().splitlines()[-1].strip()

    return make


@pytest.fixture(scope="session")
def run_samla(samla_bin):
    def run(*args):
        out = subprocess.run([samla_bin, *args], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
        assert out.returncode == 0, out.stderr
        return out.stdout

    return run
