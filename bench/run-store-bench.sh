#!/usr/bin/env bash
# run-store-bench.sh [BUILD_DIR] [RUNS]: measures the store with 10,000
# sessions and 100,000 check-ins against an empty database, on each backend
# side by side: an SQLite file, and, when run through build-aux/with-postgres
# (which sets AFTERCARE_TEST_PG), the same log on a PostgreSQL database that
# a front desk signs in to with the desk role of data/aftercare-pg-setup.sql.
# Each figure is the median of RUNS separate processes (default 7) run under
# /usr/bin/time -v.
#   open          aftercare_store_open (file checks or connection, layout, migrations) and the list's count
#   first page    open, then the first 30 rows of the session list and their check-ins
#   quick_check   PRAGMA quick_check alone: the part of opening an SQLite file that reads all of it
#   check-ins/s   two processes adding 1,000 check-ins each at once, each in its own transaction
#   PostgreSQL:  build-aux/with-postgres bench/run-store-bench.sh build
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build}
runs=${2:-7}
bench=$build/bench/bench-store
n_checkins=1000
[ -x "$bench" ] || { echo "run-store-bench: build first (meson compile -C $build)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "run-store-bench: needs /usr/bin/time (Debian package 'time')" >&2; exit 1; }

dir=$(mktemp -d /tmp/aftercare-bench.XXXXXX)
trap 'rm -rf "$dir"' EXIT

backends=(sqlite)
declare -A empty large
empty[sqlite]=$dir/empty.db
large[sqlite]=$dir/large.db

# shellcheck source=pg-database.sh
. "$top/bench/pg-database.sh"

if [ -n "${AFTERCARE_TEST_PG:-}" ]; then
  backends+=(postgres)
  empty[postgres]=$(pg_database aftercare_bench_empty "$build")
  large[postgres]=$(pg_database aftercare_bench_large "$build")
  concurrent_pg=$(pg_database aftercare_bench_checkins "$build")
else
  echo "(no PostgreSQL server: run through build-aux/with-postgres to compare both backends)" >&2
fi

for backend in "${backends[@]}"; do
  "$bench" create "${empty[$backend]}" 0 0 >/dev/null
  echo "$backend: $("$bench" create "${large[$backend]}" 10000 100000 | sed 's/^created=[^ ]* //')"
done
echo "SQLite file: $(du -k "${large[sqlite]}" | cut -f1) KiB"

median () { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure LOCATION MODE KEY: the median of KEY over the runs, and of peak RSS (KiB) from time -v.
measure () {
  local location=$1 mode=$2 key=$3 values=() rss=() i out
  for ((i = 0; i < runs; i++)); do
    out=$(/usr/bin/time -v "$bench" "$mode" "$location" 2>"$dir/time.txt")
    values+=("$(tr ' ' '\n' <<<"$out" | sed -n "s/^$key=//p")")
    rss+=("$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time.txt")")
  done
  printf '%s %s\n' "$(printf '%s\n' "${values[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)"
}

# concurrent LOCATION: check-ins per second, two processes at once (median of 3 rounds).
concurrent () {
  local location=$1 rates=() i
  for ((i = 0; i < 3; i++)); do
    "$bench" add-checkins "$location" "$n_checkins" >"$dir/a.txt" &
    "$bench" add-checkins "$location" "$n_checkins" >"$dir/b.txt" &
    wait
    rates+=("$(cat "$dir/a.txt" "$dir/b.txt" | tr ' ' '\n' | awk -F= -v n="$n_checkins" '
      $1 == "start_us" && (first == "" || $2 < first) { first = $2 }
      $1 == "end_us" && $2 > last { last = $2 }
      END { printf "%.0f", 2 * n / ((last - first) / 1e6) }')")
  done
  printf '%s\n' "${rates[@]}" | median
}

declare -A result
for backend in "${backends[@]}"; do
  for db in empty large; do
    location=${empty[$backend]}
    [ $db = large ] && location=${large[$backend]}
    read -r result[$backend,$db,open] result[$backend,$db,open_rss] < <(measure "$location" open open_ms)
    read -r result[$backend,$db,page] result[$backend,$db,page_rss] < <(measure "$location" first-page first_page_ms)
  done
done
read -r result[sqlite,large,check] result[sqlite,large,check_rss] < <(measure "${large[sqlite]}" quick-check quick_check_ms)
"$bench" create "$dir/checkins.db" 0 0 >/dev/null
result[sqlite,rate]=$(concurrent "$dir/checkins.db")
[ -n "${concurrent_pg:-}" ] && result[postgres,rate]=$(concurrent "$concurrent_pg")

cell () { printf '%s' "${result[$1]:--}"; }
printf '\n%-34s %14s %14s %16s %16s\n' measure "SQLite ms" "PostgreSQL ms" "SQLite RSS KiB" "PostgreSQL KiB"
for db in empty large; do
  printf '%-34s %14s %14s %16s %16s\n' "open ($db)" "$(cell sqlite,$db,open)" "$(cell postgres,$db,open)" \
    "$(cell sqlite,$db,open_rss)" "$(cell postgres,$db,open_rss)"
  printf '%-34s %14s %14s %16s %16s\n' "first page after open ($db)" "$(cell sqlite,$db,page)" \
    "$(cell postgres,$db,page)" "$(cell sqlite,$db,page_rss)" "$(cell postgres,$db,page_rss)"
done
printf '%-34s %14s %14s %16s %16s\n' "quick_check alone (large)" "$(cell sqlite,large,check)" - \
  "$(cell sqlite,large,check_rss)" -
printf '%-34s %14s %14s\n' "check-ins/s, 2 processes at once" "$(cell sqlite,rate)" "$(cell postgres,rate)"
echo "($runs runs each, medians; first page = 30 rows of the list and their check-ins;"
echo " check-ins/s = 2 × $n_checkins check-ins, each its own transaction, median of 3 rounds)"
