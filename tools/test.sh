#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (ctest); exits
# non-zero if anything fails. Works from a clean clone on Debian 12.
#
#   tools/test.sh
#   BUILD_DIR=/tmp/tledger-build tools/test.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build_dir=${BUILD_DIR:-build}

# --postgres: postgres_compare_test checks the SQL tallies against tledger's
# (it skips, saying so, where PostgreSQL is missing).
tools/install-deps.sh --postgres
tools/build.sh
ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)"
