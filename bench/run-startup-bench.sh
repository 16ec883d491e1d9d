#!/usr/bin/env bash
# run-startup-bench.sh [BUILD_DIR] [RUNS]: how fast Aftercare starts on a
# clinic's database (10,000 sessions, 100,000 check-ins) and on an empty
# one, against a bare AdwApplicationWindow started the same way; and
# `--assess` against a program that only parses its JSON. Builds a release
# build in BUILD_DIR (default build-bench, beside build), then runs
# bench/startup-bench.py (see there for each figure) RUNS times (default 7)
# for each program, alternating, under its own X server and session bus.
# Run through build-aux/with-postgres, it also starts the window on the
# same 10,000 sessions on the shared server, signed in as a front desk.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(realpath -m "${1:-$top/build-bench}")
runs=${2:-7}
[ -x /usr/bin/time ] || { echo "run-startup-bench: needs /usr/bin/time (Debian package 'time')" >&2; exit 1; }

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --buildtype=release >/dev/null
fi
meson compile -C "$build" >/dev/null

dir=$(mktemp -d /tmp/aftercare-startup-bench.XXXXXX)
trap 'rm -rf "$dir"' EXIT
"$build/bench/bench-store" create "$dir/large.db" 10000 100000 >/dev/null
"$build/bench/bench-store" create "$dir/empty.db" 0 0 >/dev/null
cat >"$dir/request.json" <<'JSON'
{"massage": {"type": "deep-tissue", "pressure": "deep", "first_time": false,
             "ended_at": "2026-11-24T10:00:00Z"},
 "checkins": [{"at": "2026-11-24T16:00:00Z", "soreness": 2, "symptoms": ["heaviness"]}],
 "planned_run": "easy",
 "now": "2026-11-24T16:00:00Z"}
JSON
echo "database: $(du -k "$dir/large.db" | cut -f1) KiB; release build in $build; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
export XDG_DATA_HOME=$dir/xdg XDG_CONFIG_HOME=$dir/xdg-config
server=()
if [ -n "${AFTERCARE_TEST_PG:-}" ]; then
  # shellcheck source=pg-database.sh
  . "$top/bench/pg-database.sh"
  desk=$(pg_database aftercare_bench_startup "$build")
  GSETTINGS_BACKEND=memory "$build/src/aftercare" --db "$dir/large.db" --export "$dir/large.json" >/dev/null
  GSETTINGS_BACKEND=memory "$build/src/aftercare" --db "$desk" --import "$dir/large.json" >/dev/null
  server=("$desk")
fi
# The session bus's and the accessibility bus's chatter goes to a log.
xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \
  python3 "$top/bench/startup-bench.py" "$build" "$dir/large.db" "$dir/empty.db" "$dir/request.json" "$runs" \
  "${server[@]}" \
  2>"$dir/stderr.txt" || { cat "$dir/stderr.txt" >&2; exit 1; }
