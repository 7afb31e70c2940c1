#!/usr/bin/env bash
# Benchmark (prints figures; not a test): a programme's yearly statistics release at
# national size, built with disclosure control on every table of persons, and a
# correction of it (crates/samla-domain/examples/national_release.rs, optimised build).
#
#   scripts/bench/statistics.sh [ORGANISATIONS] [COURSES_PER_ORGANISATION]
#
# Prints the time to build each release, how many cells each table published and
# suppressed, and the size of what is stored. Builds the example first (a minute or two).
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --quiet --example national_release -p samla-domain
for organisations in 30 "${1:-300}"; do
    target/release/examples/national_release "$organisations" "${2:-8}"
done
