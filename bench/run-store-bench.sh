#!/usr/bin/env bash
# run-store-bench.sh [BUILD_DIR] [RUNS]: measures the store with 10,000
# sessions and 100,000 check-ins against an empty database, each figure the
# median of RUNS separate processes (default 7) run under /usr/bin/time -v.
#   open         aftercare_store_open (file checks, quick_check, migrations) and the list's count
#   first-page   open, then the first 30 rows of the session list and their check-ins
#   quick-check  PRAGMA quick_check alone: the part of opening that reads the whole file
set -euo pipefail

build=${1:-build}
runs=${2:-7}
bench=$build/bench/bench-store
[ -x "$bench" ] || { echo "run-store-bench: build first (meson compile -C $build)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "run-store-bench: needs /usr/bin/time (Debian package 'time')" >&2; exit 1; }

dir=$(mktemp -d /tmp/aftercare-bench.XXXXXX)
trap 'rm -rf "$dir"' EXIT

"$bench" create "$dir/empty.db" 0 0 >/dev/null
"$bench" create "$dir/large.db" 10000 100000
echo "large database: $(du -k "$dir/large.db" | cut -f1) KiB"

median () { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure DB MODE KEY: the median of KEY over the runs, and of peak RSS (KiB) from time -v.
measure () {
  local db=$1 mode=$2 key=$3 values=() rss=() i out
  for ((i = 0; i < runs; i++)); do
    out=$(/usr/bin/time -v "$bench" "$mode" "$dir/$db.db" 2>"$dir/time.txt")
    values+=("$(tr ' ' '\n' <<<"$out" | sed -n "s/^$key=//p")")
    rss+=("$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time.txt")")
  done
  printf '%s %s\n' "$(printf '%s\n' "${values[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)"
}

printf '%-12s %-28s %12s %12s %14s\n' database measure "median ms" "peak RSS KiB" "check-ins read"
for db in empty large; do
  read -r open_ms open_rss < <(measure "$db" open open_ms)
  read -r page_ms page_rss < <(measure "$db" first-page first_page_ms)
  read -r check_ms check_rss < <(measure "$db" quick-check quick_check_ms)
  read_checkins=$("$bench" first-page "$dir/$db.db" | tr ' ' '\n' | sed -n 's/^checkins_read=//p')
  printf '%-12s %-28s %12s %12s %14s\n' "$db" "open" "$open_ms" "$open_rss" 0
  printf '%-12s %-28s %12s %12s %14s\n' "$db" "first page (after open)" "$page_ms" "$page_rss" "$read_checkins"
  printf '%-12s %-28s %12s %12s %14s\n' "$db" "quick_check alone" "$check_ms" "$check_rss" -
done
echo "($runs runs each; first page = 30 rows of the list and their check-ins)"
