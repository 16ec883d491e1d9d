#!/usr/bin/env bash
# run-data-bench.sh [BUILD_DIR] [RUNS] [N_SESSIONS]: a clinic's data paths
# against baselines timed in the same run, alternating (issue 15's table):
#   search        the first search ("thai") until its list holds the rows a
#                 view binds, in one process (absolute goal: 50 ms), beside
#                 sqlite3's LIKE over the same columns
#   JSON import   aftercare --import of the backup of N_SESSIONS sessions
#                 (default 10,000, ten check-ins each) into a new file, vs
#                 sqlite3 .import of the same rows (the export's CSV) in one
#                 transaction; and the import's peak resident memory
#   CSV export    aftercare --export FILE.csv vs sqlite3 -csv of the same join
#   PostgreSQL import  run through build-aux/with-postgres: the same JSON
#                 import into an emptied clinic database, signed in as a
#                 front desk, vs psql's \copy of the same rows (the CSV) into
#                 one table of that database in one transaction; and its peak
#                 resident memory; then the first search ("thai") on what the
#                 import stored, as the desk sees it right after
#   PostgreSQL floor  the server alone storing the same rows (INSERT … SELECT
#                 from \copy's table, no client), vs the same \copy: into
#                 tables like Aftercare's, then without the check-ins'
#                 foreign key, then without the search index too. No goal:
#                 it shows what the server itself costs the import
# Each ratio is printed with its baseline, the medians, min and max of RUNS
# runs of each (default 7). Use a release build in its own folder:
#   meson setup build-bench --buildtype=release && meson compile -C build-bench
#   bench/run-data-bench.sh build-bench
#   build-aux/with-postgres bench/run-data-bench.sh build-bench   # with PostgreSQL
set -euo pipefail

build=${1:-build}
runs=${2:-7}
n_sessions=${3:-10000}
app=$build/src/aftercare
bench=$build/bench/bench-store
for tool in "$app" "$bench"; do
  [ -x "$tool" ] || { echo "run-data-bench: build first (meson compile -C $build)" >&2; exit 1; }
done
command -v sqlite3 >/dev/null || { echo "run-data-bench: needs sqlite3" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "run-data-bench: needs /usr/bin/time (Debian package 'time')" >&2; exit 1; }

dir=$(mktemp -d /tmp/aftercare-data-bench.XXXXXX)
trap 'rm -rf "$dir"' EXIT
export XDG_CONFIG_HOME=$dir/config XDG_DATA_HOME=$dir/data GSETTINGS_BACKEND=memory

db=$dir/large.db
"$bench" create "$db" "$n_sessions" $((n_sessions * 10)) >/dev/null
"$app" --db "$db" --export "$dir/backup.json" >/dev/null
"$app" --db "$db" --export "$dir/backup.csv" >/dev/null
echo "$n_sessions sessions, $((n_sessions * 10)) check-ins: backup $(du -k "$dir/backup.json" | cut -f1) KiB (JSON)," \
  "$(du -k "$dir/backup.csv" | cut -f1) KiB (CSV)"

join_sql="SELECT s.id, s.ended_at, s.duration_minutes, s.type, s.pressure,
  CASE s.first_time WHEN 1 THEN 'true' ELSE 'false' END, s.areas, s.client, s.therapist, s.notes,
  c.id, c.at, c.soreness, c.symptoms, c.notes
  FROM sessions AS s LEFT JOIN checkins AS c ON c.session_id = s.id
  ORDER BY s.ended_us DESC, s.id DESC, c.at_us, c.id"
columns="session_id,ended_at,duration_minutes,type,pressure,first_time,areas,client,therapist,session_notes,checkin_id,checkin_at,soreness,symptoms,checkin_notes"

now_ns () { date +%s%N; }
# ms COMMAND…: runs it, prints its wall time in milliseconds.
ms () {
  local start end
  start=$(now_ns)
  "$@" >/dev/null 2>&1
  end=$(now_ns)
  echo $(((end - start) / 1000))e-3 | awk '{ printf "%.1f\n", $1 }'
}
stats () { sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
  printf "%.1f %.1f %.1f\n", m, v[1], v[NR] }'; }

baseline_export () { sqlite3 -csv "$db" "$join_sql" >"$dir/baseline.csv"; }
ours_export () { "$app" --db "$db" --export "$dir/ours.csv"; }
baseline_import () {
  rm -f "$dir/baseline.db"
  sqlite3 "$dir/baseline.db" <<EOF
CREATE TABLE rows ($(tr ',' '\n' <<<"$columns" | sed 's/$/ TEXT/' | paste -sd,));
BEGIN;
.import --csv --skip 1 $dir/backup.csv rows
COMMIT;
EOF
}
ours_import () { rm -f "$dir/ours.db"*; "$app" --db "$dir/ours.db" --import "$dir/backup.json"; }

# compare NAME GOAL BASELINE OURS [PREPARE]: alternating runs, then the
# ratio of medians; PREPARE, untimed, runs before each of them. A GOAL
# starting with "=" is printed as it is, for a line that has no goal.
compare () {
  local name=$1 goal="(goal ≤ $2)" baseline=$3 ours=$4 prepare=${5:-true} b=() o=() i
  [[ $2 == =* ]] && goal=${2#=}
  for ((i = 0; i < runs; i++)); do
    "$prepare"
    b+=("$(ms "$baseline")")
    "$prepare"
    o+=("$(ms "$ours")")
  done
  read -r bm bmin bmax < <(printf '%s\n' "${b[@]}" | stats)
  read -r om omin omax < <(printf '%s\n' "${o[@]}" | stats)
  printf '%-12s %6.2f× %s   ours: median %8.1f ms, min %8.1f, max %8.1f   baseline: median %8.1f ms, min %8.1f, max %8.1f\n' \
    "$name" "$(awk -v a="$om" -v b="$bm" 'BEGIN { print a / b }')" "$goal" "$om" "$omin" "$omax" "$bm" "$bmin" "$bmax"
}

compare "CSV export" "1.5×" baseline_export ours_export
compare "JSON import" "2×" baseline_import ours_import

# peak_rss NAME PREPARE COMMAND…: peak memory of COMMAND (time -v), median of the runs.
peak_rss () {
  local name=$1 prepare=$2 rss=() i
  shift 2
  for ((i = 0; i < runs; i++)); do
    "$prepare"
    /usr/bin/time -v "$@" >/dev/null 2>"$dir/time.txt"
    rss+=("$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time.txt")")
  done
  read -r rm_ rmin rmax < <(printf '%s\n' "${rss[@]}" | stats)
  printf '%-12s peak RSS median %.0f MiB, min %.0f, max %.0f (goal ≤ 64 MiB)\n' "$name" \
    "$(awk -v k="$rm_" 'BEGIN { print k / 1024 }')" "$(awk -v k="$rmin" 'BEGIN { print k / 1024 }')" \
    "$(awk -v k="$rmax" 'BEGIN { print k / 1024 }')"
}
remove_ours () { rm -f "$dir/ours.db"*; }
peak_rss "JSON import" remove_ours "$app" --db "$dir/ours.db" --import "$dir/backup.json"

# The same import on PostgreSQL, as a front desk, into emptied tables.
if [ -n "${AFTERCARE_TEST_PG:-}" ]; then
  # shellcheck source=pg-database.sh
  . "$(dirname "${BASH_SOURCE[0]}")/pg-database.sh"
  desk=$(pg_database aftercare_bench_import "$build")
  admin=$(pg_admin aftercare_bench_import)
  "$pg_psql" -X -q -v ON_ERROR_STOP=1 -d "$admin" \
    -c "CREATE TABLE bench_rows ($(tr ',' '\n' <<<"$columns" | sed 's/$/ text/' | paste -sd,))"
  # As new: statistics of empty tables (VACUUM, ANALYZE) would have the
  # server check each check-in's session by reading all the sessions.
  pg_empty () {
    "$pg_psql" -X -q -v ON_ERROR_STOP=1 -d "$admin" -c "TRUNCATE aftercare.sessions, aftercare.checkins, bench_rows"
  }
  baseline_pg_import () {
    "$pg_psql" -X -q -v ON_ERROR_STOP=1 -d "$admin" -c "BEGIN" \
      -c "\\copy bench_rows FROM '$dir/backup.csv' WITH (FORMAT csv, HEADER true)" -c "COMMIT"
  }
  ours_pg_import () { "$app" --db "$desk" --import "$dir/backup.json"; }
  compare "PG import" "2×" baseline_pg_import ours_pg_import pg_empty
  peak_rss "PG import" pg_empty "$app" --db "$desk" --import "$dir/backup.json"
  # The first search on the server, each in a new process, on the rows the
  # last import stored (the module comes from the build folder).
  p=()
  for ((i = 0; i < runs; i++)); do
    p+=("$(AFTERCARE_MODULE_DIR=$(realpath "$build")/src "$bench" search "$desk" thai | tr ' ' '\n' | sed -n 's/^search_ms=//p')")
  done
  read -r pm pmin pmax < <(printf '%s\n' "${p[@]}" | stats)
  printf '%-12s first query to the updated list: median %.1f ms, min %.1f, max %.1f (goal ≤ 50 ms)\n' \
    "PG search" "$pm" "$pmin" "$pmax"

  # The server's own floor for the same rows: no client at all, one
  # INSERT … SELECT per table from what \copy loaded, into tables made
  # like Aftercare's (keys, indexes, the search index; the times parsed by
  # the server). As Aftercare's tables are; then without the check-ins'
  # foreign key to their session; then without the search index as well:
  # what each costs.
  "$pg_psql" -X -q -v ON_ERROR_STOP=1 -d "$admin" <<'SQL'
CREATE SCHEMA bench_floor;
CREATE TABLE bench_floor.sessions (LIKE aftercare.sessions INCLUDING ALL);
CREATE TABLE bench_floor.checkins (LIKE aftercare.checkins INCLUDING ALL);
CREATE TABLE bench_floor.checkins_keyed (LIKE aftercare.checkins INCLUDING ALL,
  FOREIGN KEY (session_id) REFERENCES bench_floor.sessions (id) ON DELETE CASCADE);
CREATE TABLE bench_floor.sessions_unsearched (LIKE aftercare.sessions INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
  PRIMARY KEY (id));
CREATE INDEX ON bench_floor.sessions_unsearched (ended_us, id);
CREATE TABLE bench_floor.checkins_unsearched (LIKE aftercare.checkins INCLUDING ALL);
CREATE TABLE bench_floor.rows (LIKE bench_rows);
SQL
  floor_sql () {
    cat <<SQL
BEGIN;
INSERT INTO bench_floor.$1 (id, ended_at, ended_us, duration_minutes, type, pressure, first_time,
    areas, client, therapist, notes, search_words, search_keys)
  SELECT DISTINCT ON (session_id) session_id, ended_at,
    (extract (epoch FROM ended_at::timestamptz) * 1000000)::bigint, duration_minutes::integer,
    type, pressure, first_time::boolean, coalesce (areas, ''), coalesce (client, ''),
    coalesce (therapist, ''), coalesce (session_notes, ''),
    lower (concat_ws (' ', client, therapist, session_notes)), ';' || type || ';' || coalesce (areas, '') || ';'
  FROM bench_rows ORDER BY session_id;
INSERT INTO bench_floor.$2 (id, session_id, at, at_us, soreness, symptoms, notes)
  SELECT checkin_id, session_id, checkin_at, (extract (epoch FROM checkin_at::timestamptz) * 1000000)::bigint,
    soreness::integer, coalesce (symptoms, ''), coalesce (checkin_notes, '')
  FROM bench_rows WHERE checkin_id IS NOT NULL;
COMMIT;
SQL
  }
  floor_empty () {
    "$pg_psql" -X -q -v ON_ERROR_STOP=1 -d "$admin" \
      -c "TRUNCATE bench_floor.sessions, bench_floor.checkins, bench_floor.checkins_keyed,
            bench_floor.sessions_unsearched, bench_floor.checkins_unsearched, bench_floor.rows"
  }
  # The baseline again, into a table of its own: bench_rows stays loaded.
  baseline_floor_copy () {
    "$pg_psql" -X -q -v ON_ERROR_STOP=1 -d "$admin" -c "BEGIN" \
      -c "\\copy bench_floor.rows FROM '$dir/backup.csv' WITH (FORMAT csv, HEADER true)" -c "COMMIT"
  }
  pg_floor_keyed () { floor_sql sessions checkins_keyed | "$pg_psql" -X -q -v ON_ERROR_STOP=1 -d "$admin"; }
  pg_floor_unkeyed () { floor_sql sessions checkins | "$pg_psql" -X -q -v ON_ERROR_STOP=1 -d "$admin"; }
  pg_floor_unsearched () {
    floor_sql sessions_unsearched checkins_unsearched | "$pg_psql" -X -q -v ON_ERROR_STOP=1 -d "$admin"
  }
  "$pg_psql" -X -q -v ON_ERROR_STOP=1 -d "$admin" -c "TRUNCATE bench_rows"
  baseline_pg_import
  # floor_holds SESSIONS CHECKINS: the last timed run stored every row (a
  # run that failed would have been timed all the same).
  floor_holds () {
    local held
    held=$("$pg_psql" -X -q -t -A -v ON_ERROR_STOP=1 -d "$admin" \
      -c "SELECT (SELECT count (*) FROM bench_floor.$1) || ' ' || (SELECT count (*) FROM bench_floor.$2)")
    [ "$held" = "$n_sessions $((n_sessions * 10))" ] ||
      { echo "run-data-bench: the server's floor stored $held rows, not $n_sessions $((n_sessions * 10))" >&2; exit 1; }
  }
  compare "PG floor" "=(no goal: the server alone, from bench_rows; with the foreign key, as Aftercare's tables)" \
    baseline_floor_copy pg_floor_keyed floor_empty
  floor_holds sessions checkins_keyed
  compare "PG no FK" "=(no goal: the same, without the check-ins' foreign key)" \
    baseline_floor_copy pg_floor_unkeyed floor_empty
  floor_holds sessions checkins
  compare "PG unindexed" "=(no goal: the same, without the foreign key or the search index)" \
    baseline_floor_copy pg_floor_unsearched floor_empty
  floor_holds sessions_unsearched checkins_unsearched
else
  echo "(no PostgreSQL server: run through build-aux/with-postgres to time the import on PostgreSQL too)" >&2
fi

# The first search, in one process each time (a new store: nothing cached).
s=() l=()
for ((i = 0; i < runs; i++)); do
  s+=("$("$bench" search "$db" thai | tr ' ' '\n' | sed -n 's/^search_ms=//p')")
  l+=("$(ms sqlite3 "$db" "SELECT id FROM sessions WHERE client LIKE '%thai%' OR therapist LIKE '%thai%'
        OR notes LIKE '%thai%' OR type LIKE '%thai%' OR areas LIKE '%thai%' ORDER BY ended_us DESC, id DESC")")
done
read -r sm smin smax < <(printf '%s\n' "${s[@]}" | stats)
read -r lm lmin lmax < <(printf '%s\n' "${l[@]}" | stats)
printf '%-12s first query to the updated list: median %.1f ms, min %.1f, max %.1f (goal ≤ 50 ms)   sqlite3 LIKE process: median %.1f ms, min %.1f, max %.1f\n' \
  "search" "$sm" "$smin" "$smax" "$lm" "$lmin" "$lmax"
echo "($runs runs each, alternating; times are whole processes except search, timed inside one)"
