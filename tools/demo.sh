#!/usr/bin/env bash
# Builds tledger, makes a small demo ledger and shows it: verify, the latest
# events, and the history of one enrollment.
#
#   tools/demo.sh
#   DEMO_DB=/tmp/demo-ledger tools/demo.sh
#
# DEMO_DB: where the ledger goes (default ./demo-ledger), recreated on every
# run. BUILD_DIR: as for tools/test.sh.
set -euo pipefail
demo_db=$(realpath -m "${DEMO_DB:-./demo-ledger}")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build_dir=$(realpath -m "${BUILD_DIR:-build}")

# The demo's data and what it shows: change these to change the demo.
demo_files=(tools/demo/sample.jsonl)
history_id=HG-E-0001

tools/install-deps.sh
tools/build.sh tledger
tledger="$build_dir/tools/tledger"

# Only an earlier demo ledger (or an empty directory) is replaced.
if [[ -e "$demo_db" ]]; then
  if [[ -f "$demo_db/CURRENT" || -z "$(ls -A "$demo_db")" ]]; then
    rm -rf "$demo_db"
  else
    echo "demo.sh: $demo_db exists and is not a tledger ledger; not replacing it (set DEMO_DB)" >&2
    exit 1
  fi
fi

# Shows each command as typed, then its output.
run() {
  printf '\n$ tledger %s\n' "$*"
  "$tledger" --db "$demo_db" --actor demo "$@"
}
run import "${demo_files[@]}"
run verify
run log --tail 5
run history "$history_id"
