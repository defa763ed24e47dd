#!/usr/bin/env bash
# Builds tledger, makes the demo ledger from the seed reports
# (tools/demo/README.md: Cần Thơ's, Bình Định's and Đầm Hà's published
# figures, the 2025-07-01 reorganisation) and shows it: verify, the report
# and the violations as of the end of 2025, the latest events and two
# histories.
#
#   tools/demo.sh
#   DEMO_DB=/tmp/demo-ledger tools/demo.sh
#
# DEMO_DB: where the ledger goes (default ./demo-ledger), recreated on every
# run. BUILD_DIR: as for tools/build.sh.
set -euo pipefail
demo_db=$(realpath -m "${DEMO_DB:-./demo-ledger}")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build_dir=$(realpath -m "${BUILD_DIR:-build}")

# What the demo shows: change these to change the demo.
as_of=31/12/2025  # a past date (dd/mm/yyyy or ISO): the published figures all stand by then
# A doctor whose nomination was recorded after the enrollment, backdated;
# a phase-1 result keyed as failed, then corrected.
history_ids=(CT-000156 BD25-P1-02-01)

tools/install-deps.sh
tools/build.sh tledger tledger-demo-data
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
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
"$build_dir/tools/tledger-demo-data" "$data" >/dev/null

# Shows each command as typed, then its output.
run() {
  printf '\n$ tledger %s\n' "$*"
  "$tledger" --db "$demo_db" --actor demo "$@"
}
# One file, one import batch: transaction time advances between them.
(cd "$data" && run import *.jsonl)
run verify
run report --as-of "$as_of"
run violations --as-of "$as_of"
run log --tail 5
for id in "${history_ids[@]}"; do run history "$id"; done
