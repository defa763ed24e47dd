#!/usr/bin/env bash
# The reliability tests of RELIABILITY.md, long: thousands of killed imports
# instead of the 50 of the default `ctest` run, and the readers and disk-full
# tests over and over. Prints each run's counts; exits non-zero on the first
# failure, naming the seed that reproduces it.
#
#   tools/soak.sh                       # 2000 crash trials, readers and disk full 10 times
#   TRIALS=10000 ROUNDS=50 tools/soak.sh
#   SEED=1234 tools/soak.sh             # the crash harness's choices of an earlier run
#
# BUILD_DIR as for tools/build.sh. Takes about 1.5 s a crash trial on the
# 2-core machine: run it on a quiet one.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build_dir=${BUILD_DIR:-build}
trials=${TRIALS:-2000}
rounds=${ROUNDS:-10}

tools/build.sh tledger crash_test disk_full_test readers_test

crash=(env TLEDGER_CRASH_TRIALS="$trials")
if [[ -n "${SEED:-}" ]]; then crash+=(TLEDGER_CRASH_SEED="$SEED"); fi
echo "== crash harness: $trials trials"
"${crash[@]}" "$build_dir/tests/crash_test"

for ((i = 1; i <= rounds; i++)); do
  echo "== readers and disk full: round $i of $rounds"
  "$build_dir/tests/readers_test"
  "$build_dir/tests/disk_full_test"
done
echo "soak: all passed"
