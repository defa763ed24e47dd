#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz (clang, AddressSanitizer and
# UndefinedBehaviorSanitizer) in a build directory of their own, runs each
# for SECONDS (default 30) from its seed corpus in tests/fuzz/corpus/, and
# prints how many inputs each tried. Exits non-zero if any harness crashed,
# leaked or broke a check; the input that did it is left in
# build-fuzz/fuzz-artifacts/ (replay: build-fuzz/tests/fuzz/fuzz_NAME FILE).
#
#   tools/fuzz.sh          30 s each
#   tools/fuzz.sh 600      ten minutes each
#   BUILD_DIR=/tmp/tledger-fuzz tools/fuzz.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
seconds=${1:-30}
build_dir=${BUILD_DIR:-build-fuzz}
[[ "$build_dir" = /* ]] || build_dir="$root/$build_dir"
harnesses=(jsonl csv decode date note query import)

tools/install-deps.sh --fuzz
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  generator=()
  if command -v ninja >/dev/null; then generator=(-G Ninja); fi
  CC=clang CXX=clang++ cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DTLEDGER_FUZZ=ON -DTLEDGER_BENCH=OFF -DTLEDGER_WEB=OFF
fi
targets=()
for h in "${harnesses[@]}"; do targets+=(--target "fuzz_$h"); done
cmake --build "$build_dir" --parallel "$(( $(nproc) < 2 ? $(nproc) : 2 ))" "${targets[@]}"

mkdir -p "$build_dir/fuzz-artifacts" "$build_dir/fuzz-logs"
failed=()
for h in "${harnesses[@]}"; do
  # New inputs go to a corpus in the build directory; the seeds stay as
  # they are checked in.
  work="$build_dir/fuzz-corpus/$h"
  mkdir -p "$work"
  log="$build_dir/fuzz-logs/$h.log"
  dict=()
  [[ -f "tests/fuzz/$h.dict" ]] && dict=(-dict="tests/fuzz/$h.dict")
  rc=0
  "$build_dir/tests/fuzz/fuzz_$h" -max_total_time="$seconds" -timeout=10 -max_len=8192 -print_final_stats=1 \
    -artifact_prefix="$build_dir/fuzz-artifacts/$h-" "${dict[@]}" "$work" "tests/fuzz/corpus/$h" >"$log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  corpus=$(sed -n 's/^#[0-9]*.*DONE.* corp: \([0-9]*\)\/.*/\1/p' "$log" | tail -1)
  if [[ $rc -ne 0 ]]; then
    failed+=("$h")
    echo "fuzz_$h: FAILED (exit $rc) after ${execs:-?} executions; log $log" >&2
    grep -E "ERROR|SUMMARY|fuzz check failed|Test unit written" "$log" | head -20 >&2 || true
  else
    echo "fuzz_$h: ${execs:-?} executions in ${seconds} s, corpus ${corpus:-?} inputs, no crash"
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz.sh: crashes in ${failed[*]}" >&2
  exit 1
fi
