#!/usr/bin/env bash
# Browser tests for samla: tests/browser/run.sh PATH_TO_SAMLA_BINARY
# Installs the test dependencies (npm) and Debian's Chromium when missing, then runs
# every tests/browser/*.test.mjs with Node's test runner, two files at a time (each starts
# its own server; SAMLA_BROWSER_CONCURRENCY changes how many).
set -euo pipefail

if [ "$#" -ne 1 ]; then
  echo "usage: $0 PATH_TO_SAMLA_BINARY" >&2
  exit 2
fi
if [ ! -x "$1" ]; then
  echo "$0: $1 is not an executable file" >&2
  exit 2
fi
SAMLA_BIN="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
export SAMLA_BIN

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

# Never let a tool fetch a browser of its own: Chromium comes from Debian.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export PUPPETEER_SKIP_DOWNLOAD=1

if [ ! -d "$here/node_modules" ]; then
  if [ -f "$here/package-lock.json" ]; then
    (cd "$here" && npm ci --no-audit --no-fund)
  else
    (cd "$here" && npm install --no-audit --no-fund)
  fi
fi

if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium chromium-driver
fi

rm -rf "$here/artifacts"
mkdir -p "$here/artifacts"

cd "$root"
exec node --test --test-concurrency="${SAMLA_BROWSER_CONCURRENCY:-2}" tests/browser/*.test.mjs
