#!/usr/bin/env bash
# tledger side by side with PostgreSQL 15 (issue 4): the same generated
# events loaded into both, the same as-of tallies computed by both, checked
# equal, and the load and report times of both. tools/bench/POSTGRES.md says
# what the PostgreSQL side is and why.
#
#   tools/bench/postgres_compare.sh [--events 100000,1000000] [--seed 1] [--runs 5]
#       [--as-of 2023-12-31,...] [--time-as-of 2025-12-31] [--markdown BENCHMARKS.md]
#   tools/bench/postgres_compare.sh --check-only --events 3000 [--extra FILE.jsonl]
#
# Per size N: `tledger-gen --seed S --events N` (plus --extra lines, if
# given); `tledger import` into an empty ledger and the PostgreSQL load
# (tools/bench/postgres/load.sql) of the same file, each timed whole; the
# corrections resolved once on the PostgreSQL side (resolve.sql); then for
# every --as-of date, `tledger report --as-of D --format json` against
# report_json(D) (report.sql), compared as jsonb on the spec's keys
# (compare.sql). Unless --check-only, the report of --time-as-of is timed on
# both sides, warm (one run first, then the median of --runs), each a whole
# command (`tledger report`, `psql -c`).
#
# PostgreSQL: installed by `tools/install-deps.sh --postgres` if missing; a
# throwaway cluster in a temporary directory (initdb as the `postgres`
# system user when run as root), listening on a unix socket in that
# directory only (no TCP), stopped and removed on exit. fsync,
# synchronous_commit and full_page_writes stay on.
#
# Exit: 0 all numbers equal; 1 a difference or an error; 77 (--check-only
# only) PostgreSQL cannot be installed or started: the reason is printed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
sql_dir="$root/tools/bench/postgres"

sizes=100000,1000000
seed=1
runs=5
as_of_dates=2023-12-31,2024-06-30,2025-06-30,2025-07-01,2025-12-31,2026-12-31,2028-12-31
time_as_of=2025-12-31
markdown=""
check_only=0
extra=""
install=1
build_dir=${BUILD_DIR:-build}
usage() { sed -n '7,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --events) sizes=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --as-of) as_of_dates=$2; shift 2 ;;
    --time-as-of) time_as_of=$2; shift 2 ;;
    --markdown) markdown=$(realpath -m "$2"); shift 2 ;;
    --check-only) check_only=1; shift ;;
    --extra) extra=$(realpath "$2"); shift 2 ;;
    --no-install) install=0; shift ;;
    --build-dir) build_dir=$2; shift 2 ;;
    *) echo "postgres_compare.sh: unknown option '$1'" >&2; usage ;;
  esac
done
[[ "$build_dir" = /* ]] || build_dir="$root/$build_dir"
tledger=${TLEDGER_BIN:-$build_dir/tools/tledger}
tledger_gen=${TLEDGER_GEN_BIN:-$build_dir/tools/tledger-gen}
for b in "$tledger" "$tledger_gen"; do
  [[ -x "$b" ]] || { echo "postgres_compare.sh: $b not built (tools/build.sh tledger tledger-gen)" >&2; exit 1; }
done

# Where PostgreSQL cannot run, --check-only (the ctest test) skips.
cannot_run() {
  echo "postgres_compare.sh: SKIPPED: PostgreSQL cannot be started here: $1" >&2
  if [[ $check_only -eq 1 ]]; then exit 77; fi
  exit 1
}

# ---------------------------------------------------------------- PostgreSQL
if [[ $install -eq 1 ]]; then
  "$root/tools/install-deps.sh" --postgres >&2 || cannot_run "tools/install-deps.sh --postgres failed (not root, or no network)"
fi
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}  # where Debian installs PostgreSQL 15
[[ -x "$pg_bin/postgres" && -x "$pg_bin/initdb" && -x "$pg_bin/psql" ]] || cannot_run "no PostgreSQL 15 in $pg_bin (tools/install-deps.sh --postgres installs it; tools/test.sh does)"

work=$(mktemp -d /tmp/tledger-pg.XXXXXX)
pg_data="$work/pgdata"
as_pg=()
if [[ $(id -u) -eq 0 ]]; then
  # PostgreSQL refuses to run as root: the Debian package's system user runs it.
  id postgres >/dev/null 2>&1 || cannot_run "running as root and there is no 'postgres' system user"
  chown postgres "$work"
  as_pg=(runuser -u postgres --)
fi
cleanup() {
  if [[ -f "$pg_data/postmaster.pid" ]]; then
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A unix socket in the private directory and no TCP listener: no port to
# collide with; the port number only names the socket file.
port=5432
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C --no-sync \
  >"$work/initdb.log" 2>&1 || cannot_run "initdb failed: $(tail -3 "$work/initdb.log")"
cat >>"$pg_data/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$work'
port = $port
# Durable, as a real deployment: every commit reaches the disk.
fsync = on
synchronous_commit = on
full_page_writes = on
# The settings a team tunes for bulk loads and reports on this machine.
shared_buffers = 1GB
work_mem = 64MB
maintenance_work_mem = 512MB
max_wal_size = 8GB
checkpoint_timeout = 30min
# JIT compiling costs more than it saves on these sub-second queries.
jit = off
EOF
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/postgres.log" -w start >/dev/null 2>&1 ||
  cannot_run "the server did not start: $(tail -3 "$work/postgres.log" 2>/dev/null)"
psql_base=("$pg_bin/psql" -X -q -h "$work" -p "$port" -U postgres -v ON_ERROR_STOP=1)
pg_version=$("${psql_base[@]}" -d postgres -At -c "SHOW server_version")

# ---------------------------------------------------------------- helpers
now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { printf "%.4f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }
# Runs a command `runs` times after one warm-up run; prints the median seconds.
time_warm() {
  "$@" >/dev/null
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(now)
    "$@" >/dev/null
    t1=$(now)
    elapsed "$t0" "$t1"
    echo
  done | median
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
IFS=, read -r -a size_list <<<"$sizes"
IFS=, read -r -a dates <<<"$as_of_dates"
rows=()
status=0
for n in "${size_list[@]}"; do
  echo "== $n events (seed $seed)" >&2
  jsonl="$work/events-$n.jsonl"
  "$tledger_gen" --seed "$seed" --events "$n" -o "$jsonl"
  if [[ -n "$extra" ]]; then cat "$extra" >>"$jsonl"; fi
  lines=$(wc -l <"$jsonl")
  mb=$(awk -v b="$(stat -c %s "$jsonl")" 'BEGIN { printf "%.0f", b / 1048576 }')
  chmod a+r "$jsonl"

  # tledger: import into an empty ledger, the whole command, durable.
  db="$work/tledger-$n"
  t0=$(now)
  "$tledger" -q --db "$db" import "$jsonl" >/dev/null
  t1=$(now)
  tl_load=$(elapsed "$t0" "$t1")

  # PostgreSQL: a fresh database; COPY + INSERT + indexes, one transaction.
  pgdb="ledger_$n"
  "${psql_base[@]}" -d postgres -c "CREATE DATABASE $pgdb"
  psql=("${psql_base[@]}" -d "$pgdb")
  "${psql[@]}" -f "$sql_dir/schema.sql"
  t0=$(now)
  "${psql[@]}" -v file="$jsonl" -f "$sql_dir/load.sql"
  t1=$(now)
  pg_load=$(elapsed "$t0" "$t1")
  t0=$(now)
  "${psql[@]}" -f "$sql_dir/resolve.sql"
  t1=$(now)
  pg_resolve=$(elapsed "$t0" "$t1")
  "${psql[@]}" -f "$sql_dir/report.sql" -f "$sql_dir/compare.sql"
  pg_rows=$("${psql[@]}" -At -c "SELECT count(*) FROM events")
  [[ "$pg_rows" -eq "$lines" ]] || { echo "PostgreSQL holds $pg_rows events, the file $lines" >&2; exit 1; }
  echo "   loaded: tledger ${tl_load} s, PostgreSQL ${pg_load} s (+ ${pg_resolve} s resolving corrections)" >&2

  # The same numbers, date by date.
  equal=0
  for d in "${dates[@]}"; do
    "$tledger" -q --db "$db" report --as-of "$d" --format json >"$work/report-$d.json"
    "${psql[@]}" -v as_of="$d" -v doc_file="$work/report-$d.json" <<'EOF'
\set doc `cat :doc_file`
DELETE FROM tledger_reports WHERE as_of = :'as_of';
INSERT INTO tledger_reports VALUES (:'as_of', :'doc');
EOF
    same=$("${psql[@]}" -At -v as_of="$d" <<'EOF'
SELECT spec_keys(doc) = report_json(as_of) FROM tledger_reports WHERE as_of = :'as_of';
EOF
)
    if [[ "$same" == "t" ]]; then
      summary=$("${psql[@]}" -At -v as_of="$d" <<'EOF'
SELECT format('%s events counted, %s plans, %s cells, %s trainee-turns, %s VND owed',
              doc->'events_counted', jsonb_array_length(doc->'plans'),
              (SELECT sum(jsonb_array_length(p->'cells')) FROM jsonb_array_elements(doc->'plans') p),
              (SELECT sum((l->>'trainee_turns')::bigint) FROM jsonb_array_elements(doc->'by_level') l),
              doc->'reimbursement_due_vnd')
FROM tledger_reports WHERE as_of = :'as_of';
EOF
)
      echo "   as of $d: equal ($summary)" >&2
      equal=$((equal + 1))
    else
      echo "   as of $d: DIFFERENT (path, SQL, tledger):" >&2
      "${psql[@]}" -At -F '  ' -v as_of="$d" >&2 <<'EOF'
SELECT x.* FROM tledger_reports t, json_diff(report_json(t.as_of), spec_keys(t.doc)) x WHERE t.as_of = :'as_of' LIMIT 40;
EOF
      status=1
    fi
  done
  [[ $check_only -eq 1 ]] && continue

  # Warm report latency, whole commands.
  tl_report=$(time_warm "$tledger" -q --db "$db" report --as-of "$time_as_of" --format json)
  pg_report=$(time_warm "${psql[@]}" -At -c "SELECT report_json('$time_as_of')")
  pg_query=$("${psql[@]}" -At <<EOF | awk '/^Time:/ { print $2 / 1000 }' | tail -n "$runs" | median
\timing on
SELECT report_json('$time_as_of') IS NULL;
$(for _ in $(seq "$runs"); do echo "SELECT report_json('$time_as_of') IS NULL;"; done)
EOF
)
  tl_disk=$(du -sb "$db" | cut -f1)
  pg_disk=$("${psql[@]}" -At -c "SELECT pg_total_relation_size('events')")
  echo "   report as of $time_as_of: tledger $(ms "$tl_report") ms, PostgreSQL $(ms "$pg_report") ms (server $(ms "$pg_query") ms)" >&2
  rows+=("| $(printf "%'d" "$lines") | $mb MB | $tl_load s ($(printf "%'d" "$(rate "$lines" "$tl_load")")/s) | $pg_load s ($(printf "%'d" "$(rate "$lines" "$pg_load")")/s) | **$(ratio "$pg_load" "$tl_load")x** | $pg_resolve s ($(ratio "$(awk -v a="$pg_load" -v b="$pg_resolve" 'BEGIN { print a + b }')" "$tl_load")x with the load) | $(ms "$tl_report") ms | $(ms "$pg_report") ms ($(ms "$pg_query") ms in the server) | **$(ratio "$pg_report" "$tl_report")x** | $((tl_disk / 1048576)) MB / $((pg_disk / 1048576)) MB | $equal of ${#dates[@]} |")
  "${psql_base[@]}" -d postgres -c "DROP DATABASE $pgdb"
  rm -rf "$db" "$jsonl"
done

if [[ $check_only -eq 1 ]]; then
  [[ $status -eq 0 ]] && echo "postgres_compare.sh: PostgreSQL $pg_version and tledger agree on every date" >&2
  exit $status
fi

machine="$(nproc) cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo) GiB"
command="tools/bench/postgres_compare.sh --events $sizes --seed $seed --runs $runs --time-as-of $time_as_of"
table="| events | JSONL | tledger import | PostgreSQL load (COPY + INSERT + indexes) | load: PG / tledger | PG: resolve corrections, once (ratio with the load) | tledger report (warm, median) | PostgreSQL report (warm, median) | report: PG / tledger | disk: tledger / PG events | equal dates |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
$(printf '%s\n' "${rows[@]}")"
echo
echo "$table"
if [[ -n "$markdown" ]]; then
  begin="<!-- postgres:begin -->"
  end="<!-- postgres:end -->"
  section="$begin
Measured $(date -u +%Y-%m-%d) on $machine (load average $load_before at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end: the machine is shared), PostgreSQL $pg_version, by \`$command\`.
Both sides durable. Times are whole commands: \`tledger import FILE\` and \`psql -f load.sql\`;
\`tledger report --as-of $time_as_of --format json\` and \`psql -c \"SELECT report_json('$time_as_of')\"\`
(one warm-up run, then the median of $runs). Numbers compared on ${#dates[@]} as-of dates ($as_of_dates).

$table
$end"
  touch "$markdown"
  SECTION="$section" BEGIN_MARK="$begin" END_MARK="$end" awk '
    BEGIN { s = ENVIRON["SECTION"]; b = ENVIRON["BEGIN_MARK"]; e = ENVIRON["END_MARK"] }
    index($0, b) == 1 { print s; skip = 1; done = 1; next }
    skip && index($0, e) == 1 { skip = 0; next }
    !skip { print }
    END { if (!done) { print ""; print s } }' "$markdown" >"$markdown.tmp"
  mv "$markdown.tmp" "$markdown"
  echo "postgres_compare.sh: wrote the postgres section of $markdown" >&2
fi
exit $status
