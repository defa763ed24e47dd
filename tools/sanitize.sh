#!/usr/bin/env bash
# Builds the whole suite with AddressSanitizer and UndefinedBehaviorSanitizer
# (-fno-sanitize-recover=all: every finding is fatal) in a build directory of
# its own (-O1 -g1), runs the tests (ctest), and exits non-zero if a test fails or a
# sanitizer reported anything, in a test program or in a tledger process a
# test started. Slow (a full build, then the suite at ASan speed); not part of
# tools/test.sh, run by .ci/run after it.
#
# By default it leaves out the tests whose length comes from their size, not
# from code the others do not reach (RELIABILITY.md lists them and why): the
# demo ledger's goldens, proofs and script, the property and fast-read
# sweeps; and the crash harness kills 10 imports instead of 50. Together
# that is half the suite's time under ASan. --all runs every test in full.
#
#   tools/sanitize.sh          # the suite under ASan, less the size-bound runs
#   tools/sanitize.sh --all    # every test
#   BUILD_DIR=/tmp/tledger-asan tools/sanitize.sh
set -euo pipefail
exclude='^(FastReads\..*|PropertyTest\.StretchesGiveTheTalliesOfEveryDate|demo_test|demo_proofs_test|demo_script_test)$'
crash_trials=10
case "${1:-}" in
  --all) exclude='' crash_trials=50 ;;
  '') ;;
  *) echo "usage: tools/sanitize.sh [--all]" >&2; exit 2 ;;
esac
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build_dir=${BUILD_DIR:-build-asan}
jobs=$(( $(nproc) < 2 ? $(nproc) : 2 ))
start=$SECONDS

tools/install-deps.sh
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  generator=()
  if command -v ninja >/dev/null; then generator=(-G Ninja); fi
  cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DTLEDGER_SANITIZE=ON -DTLEDGER_BENCH=OFF
fi
cmake --build "$build_dir" --parallel "$jobs"
built=$SECONDS

# Reports go to files as well as failing the process that made them, so that
# one in a child process whose exit a test does not look at is still seen.
logs="$root/$build_dir/sanitizer-logs"
[[ "$build_dir" = /* ]] && logs="$build_dir/sanitizer-logs"
rm -rf "$logs" && mkdir -p "$logs"
export ASAN_OPTIONS="detect_leaks=1:log_path=$logs/asan:log_exe_name=1"
# fontconfig's process-lifetime caches are not leaks of ours (tools/lsan.supp).
export LSAN_OPTIONS="suppressions=$root/tools/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$logs/ubsan:log_exe_name=1"
export TLEDGER_CRASH_TRIALS=$crash_trials
status=0
select=()
[[ -n "$exclude" ]] && select=(-E "$exclude")
ctest --test-dir "$build_dir" --output-on-failure --parallel "$jobs" --timeout 600 "${select[@]}" || status=$?

reports=$(find "$logs" -type f | sort)
if [[ -n "$reports" ]]; then
  for f in $reports; do
    echo "==== $f" >&2
    cat "$f" >&2
  done
  echo "sanitize.sh: sanitizer reports above" >&2
  status=1
fi
echo "sanitize.sh: build $((built - start)) s, tests $((SECONDS - built)) s, $([[ $status -eq 0 ]] && echo clean || echo FAILED)"
exit "$status"
