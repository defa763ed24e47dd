#!/usr/bin/env bash
# The demo ledger of the browser tests (tests/CMakeLists.txt, fixture
# web_demo), made once in the build tree and kept while the demo data does
# not change: tledger-demo-data writes the files, and only when they differ
# from those the ledger was made from is the ledger imported again, one
# `import` per file (tools/demo/README.md), so each file is one batch of the
# known-at axis.
#
#   make_demo_ledger.sh DEMO_DATA_BIN TLEDGER_BIN DIR    -> DIR/ledger
set -euo pipefail
demo_data=$1 tledger=$2 dir=$3
mkdir -p "$dir"
rm -rf "$dir/files.new"
"$demo_data" "$dir/files.new" >/dev/null
if [[ -d "$dir/ledger" && -d "$dir/files" ]] && diff -rq "$dir/files" "$dir/files.new" >/dev/null \
   && "$tledger" --db "$dir/ledger" --read-only checkpoint >/dev/null 2>&1; then
  rm -rf "$dir/files.new"
  echo "make_demo_ledger: $dir/ledger is current"
  exit 0
fi
rm -rf "$dir/ledger" "$dir/files"
for f in "$dir"/files.new/*.jsonl; do
  "$tledger" --db "$dir/ledger" --actor clerk -q import "$f" >/dev/null
done
# The report timeline of the whole ledger, cached beside it (a report not
# --read-only writes it), as an inspector's first `tledger report` would:
# the server reads it and never writes it.
"$tledger" --db "$dir/ledger" report --as-of 2025-12-31 >/dev/null
mv "$dir/files.new" "$dir/files"
echo "make_demo_ledger: made $dir/ledger"
