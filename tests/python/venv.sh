#!/usr/bin/env bash
# Makes (or refreshes, when tests/python/requirements.txt changed) the private Python venv
# with the pinned test packages, and prints its path. Used by tests/python/run.sh and by
# scripts/test, whose Rust integration tests run the SMTP server aiosmtpd from it.
#
# Environment:
#   SAMLA_PYTHON_VENV  venv location
#                      (default ${XDG_CACHE_HOME:-$HOME/.cache}/samla-python-checks-venv)
#   PYTHON             the Python that makes the venv (default python3)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VENV=${SAMLA_PYTHON_VENV:-"${XDG_CACHE_HOME:-$HOME/.cache}/samla-python-checks-venv"}
REQS="$SCRIPT_DIR/requirements.txt"
PYTHON=${PYTHON:-python3}

REQ_HASH=$(sha256sum "$REQS" | cut -d' ' -f1)
if [ ! -x "$VENV/bin/pytest" ] || [ "$(cat "$VENV/.samla-requirements.sha256" 2>/dev/null)" != "$REQ_HASH" ]; then
    printf '[python/venv.sh] installing pinned requirements into %s\n' "$VENV" >&2
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQS" >&2
    echo "$REQ_HASH" > "$VENV/.samla-requirements.sha256"
fi
echo "$VENV"
