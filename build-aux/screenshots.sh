#!/usr/bin/env bash
# screenshots.sh: start the built app under an X server of its own, walk it
# with the keyboard as a person would, and save PNGs of every wizard step, the
# "rest" and "seek care" verdicts, the run step and a verdict with the
# keyboard's focus on show, the massage-type reference, and the
# sessions (empty, a list, a session page with several check-ins) into
# data/screenshots/, in the light and the dark style, wide and 360 px wide.
# Then, at 1200×800 and 360×740: a seek-care session page, the wizard's
# verdict for a hard run planned and a recovered session; and that
# seek-care session's aftercare sheet, its first page (pdftoppm); a personal
# pattern in the reference, a timeline with "yours" and the first page of
# the report for the therapist (report.png).
#
#   build-aux/screenshots.sh [BUILD_DIR]     (default: ./build)
#
# It builds nothing: run `build-aux/setup test` or `meson compile -C build`
# first. Needs xvfb-run, xauth, xdotool, imagemagick (import) and
# dbus-run-session. Your own settings and data are never touched: the app
# runs with a throw-away settings file and database.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$top/data/screenshots

# Starts the app on a database (in the background, its pid in $app), its
# window w×h at the top left with the keyboard; the pointer out of the way
# (a pointer over a row would highlight it) but still over the window.
start_app () {  # exe db tmp w h
  local win
  "$1" --db "$2" >"$3/log" 2>&1 &
  app=$!
  for _ in $(seq 100); do
    win=$(xdotool search --onlyvisible --name '^Aftercare$' 2>/dev/null | head -n1 || true)
    [ -n "$win" ] && break
    sleep 0.1
  done
  [ -n "$win" ] || { echo "the window did not appear" >&2; cat "$3/log" >&2; kill "$app"; return 1; }
  xdotool windowsize "$win" "$4" "$5" windowmove "$win" 0 0 windowfocus "$win"
  sleep 1
  xdotool mousemove "$(($4 / 2))" 8
}

# The screen as it is now, into data/screenshots/NAME-SUFFIX.png (w, h and
# suffix are the walk's).
shot () { sleep 0.8; import -window root -crop "${w}x${h}+0+0" +repage -strip -define png:exclude-chunks=date,time "$out/$1-$suffix.png"; }
keys () { xdotool key --delay 120 "$@"; }

# The walk, run inside the X server (the script calls itself with --walk
# EXE TMP WIDTH HEIGHT SUFFIX).
walk () {
  local exe=$1 tmp=$2 w=$3 h=$4 suffix=$5
  local app
  start_app "$exe" "$tmp/screenshots.db" "$tmp" "$w" "$h" || return 1

  shot sessions-empty            # a new log opens on the Sessions view
  keys alt+2;                    shot wizard-massage
  keys alt+Right;                # soreness: the scale has the focus
  keys Right Right Right Right;  shot wizard-feeling
  keys alt+Right;                shot wizard-run
  # Down moves the keyboard to Steady without choosing it: its focus ring.
  keys Down;                     shot wizard-run-keyboard
  keys alt+Right;                shot verdict-rest
  # Shift+Tab from Back: the verdict's last action, scrolled into sight.
  keys shift+Tab;                shot verdict-keyboard
  # Back to "How you feel": soreness down to 1, then numbness among the
  # warning signs (nine Tabs: five symptoms in the treated area, then the fourth warning sign).
  keys alt+Left alt+Left
  sleep 0.6
  keys Left Left Left Tab Tab Tab Tab Tab Tab Tab Tab Tab space
  keys alt+Right alt+Right;      shot verdict-seek-care
  keys alt+3;                    shot reference
  # Type to search, Enter opens the first match (slides in when narrow).
  keys d e e p Return;           shot reference-detail
  kill "$app"
  wait "$app" 2>/dev/null || true
}

# A few massages ending hours before now, so the verdicts and the "now"
# line are those of the moment the pictures are taken.
sample_backup () {
  local now
  now=$(date -u +%s)
  at () { date -u -d "@$(( now - $1 * 3600 ))" +%Y-%m-%dT%H:%M:%SZ; }
  session () {  # hours-ago type pressure client checkins-json [id]
    printf '{"id":"%s","ended_at":"%s","duration_minutes":60,"type":"%s","pressure":"%s",' \
      "${6:-$(cat /proc/sys/kernel/random/uuid)}" "$(at "$1")" "$2" "$3"
    printf '"first_time":false,"areas":["calves","hamstrings"],"client":"%s","therapist":"",' "$4"
    printf '"notes":"","checkins":[%s]}' "$5"
  }
  checkin () {  # hours-ago soreness symptoms-json notes
    printf '{"id":"%s","at":"%s","soreness":%s,"symptoms":[%s],"notes":"%s"}' \
      "$(cat /proc/sys/kernel/random/uuid)" "$(at "$1")" "$2" "$3" "$4"
  }
  printf '{"format":"aftercare-backup","version":1,"exported_at":"%s","sessions":[' "$(at 0)"
  session 27 deep-tissue deep "Jordan Avery" \
    "$(checkin 25 3 '' ''),$(checkin 20 4 '"heaviness"' 'Heavy legs on the stairs'),$(checkin 14 3 '' ''),$(checkin 2 2 '' 'Much better')" \
    "$report_id"
  printf ,; session 40 sports moderate "Priya Natarajan" "$(checkin 36 3 '"heaviness"' ''),$(checkin 14 3 '"reduced-range"' '')"
  printf ,; session 60 thai moderate "Alex Kim" "$(checkin 59 2 '"sharp-pain"' 'A sharp twinge in the lower back')"
  printf ,; session 80 swedish light "" "$(checkin 77 0 '' '')"
  printf ,; session 100 trigger-point deep "Jordan Avery" "$(checkin 95 6 '"bruising"' ''),$(checkin 48 4 '' '')"
  printf ,; session 200 hot-stone light "" ""
  printf ,; session 320 lymphatic-drainage light "Maria Rossi" ""
  # Three earlier deep-tissue massages with check-ins: a pattern of one's own.
  local week
  for week in 1 2 3; do
    local h=$(( week * 168 + 27 ))
    printf ,; session "$h" deep-tissue deep "Jordan Avery" \
      "$(checkin $(( h - 3 )) $(( 3 + week % 2 )) '' ''),$(checkin $(( h - 18 )) $(( 4 + week % 3 )) '' ''),$(checkin $(( h - 36 )) 2 '' ''),$(checkin $(( h - 48 )) 1 '' '')"
  done
  printf ']}\n'
}

# The session the report is about: the newest, deep tissue.
report_id=5d0c6a3e-7b1f-4c2a-9e8d-2f4b6a8c0e1d

# The Sessions view with a few massages: the list (beside the first one's
# page when wide), and on a narrow window that page, opened with Return;
# wide, its timeline with yours; then the reference with a pattern of one's own.
walk_sessions () {
  local exe=$1 tmp=$2 w=$3 h=$4 suffix=$5
  sample_backup >"$tmp/sample.json"
  "$exe" --db "$tmp/sessions.db" --import "$tmp/sample.json" >/dev/null
  local app
  start_app "$exe" "$tmp/sessions.db" "$tmp" "$w" "$h" || return 1
  shot sessions
  if [ "$w" -lt 700 ]; then
    xdotool key Return
    shot session-page
  else
    # The page's timeline, scrolled into sight by the keyboard (Tab into the page, then Page Down).
    xdotool mousemove "$((w * 3 / 4))" "$((h / 2))" click 4 click 5 click 5 click 5
    xdotool mousemove "$((w / 2))" 8
    shot timeline-yours
  fi
  xdotool key --delay 120 alt+3 d e e p Return
  shot reference-pattern
  kill "$app"
  wait "$app" 2>/dev/null || true
}

# One massage as a JSON backup, with a fixed id (for --sheet).
one_session_backup () {  # id hours-ago type pressure client checkins-json
  local now
  now=$(date -u +%s)
  printf '{"format":"aftercare-backup","version":1,"exported_at":"%s","sessions":[' \
    "$(date -u -d "@$now" +%Y-%m-%dT%H:%M:%SZ)"
  printf '{"id":"%s","ended_at":"%s","duration_minutes":60,"type":"%s","pressure":"%s",' \
    "$1" "$(date -u -d "@$(( now - $2 * 3600 ))" +%Y-%m-%dT%H:%M:%SZ)" "$3" "$4"
  printf '"first_time":false,"areas":["calves"],"client":"%s","therapist":"","notes":"","checkins":[%s]}]}\n' "$5" "$6"
}

one_checkin () {  # hours-ago soreness symptoms-json
  printf '{"id":"%s","at":"%s","soreness":%s,"symptoms":[%s],"notes":""}' \
    "$(cat /proc/sys/kernel/random/uuid)" "$(date -u -d "@$(( $(date -u +%s) - $1 * 3600 ))" +%Y-%m-%dT%H:%M:%SZ)" "$2" "$3"
}

SEEK_CARE_ID=5eec0a2e-0000-4000-8000-000000000001

# The app on a database of one massage, its page on show (opened with
# Return when narrow); with no backup, on an empty one, the wizard's verdict
# for a deep tissue massage just ended and a hard run planned.
walk_one () {  # exe tmp w h suffix name [backup-json]
  local exe=$1 tmp=$2 w=$3 h=$4 suffix=$5 name=$6
  if [ $# -gt 6 ]; then
    printf '%s' "$7" >"$tmp/$name.json"
    "$exe" --db "$tmp/$name.db" --import "$tmp/$name.json" >/dev/null
  fi
  local app
  start_app "$exe" "$tmp/$name.db" "$tmp" "$w" "$h" || return 1
  if [ "$name" = verdict-hard-run ]; then
    # The type list opens with Space; Deep tissue is the second type.
    keys alt+2 space;              sleep 0.6
    keys Down Return;              sleep 0.4
    keys alt+Right alt+Right;      sleep 0.4
    # Down twice moves to Hard, Space chooses it.
    keys Down Down space alt+Right
  elif [ "$w" -lt 700 ]; then
    keys Return
  fi
  shot "$name"
  kill "$app"
  wait "$app" 2>/dev/null || true
}

walk_issue_sizes () {  # exe tmp w h suffix
  walk_one "$@" session-seek-care "$(one_session_backup "$SEEK_CARE_ID" 13 deep-tissue deep "Jordan Avery" \
    "$(one_checkin 11 3 ''),$(one_checkin 1 4 '"pins-and-needles","numbness"')")"
  walk_one "$@" verdict-hard-run
  walk_one "$@" session-recovered "$(one_session_backup 5eec0a2e-0000-4000-8000-000000000002 60 sports moderate "Priya Natarajan" \
    "$(one_checkin 40 3 ''),$(one_checkin 6 0 '')")"
}

# The seek-care session's sheet, its first page as a picture.
sheet_shot () {  # exe tmp
  local exe=$1 tmp=$2
  one_session_backup "$SEEK_CARE_ID" 13 deep-tissue deep "Jordan Avery" \
    "$(one_checkin 11 3 ''),$(one_checkin 1 4 '"pins-and-needles","numbness"')" >"$tmp/sheet.json"
  "$exe" --db "$tmp/sheet.db" --import "$tmp/sheet.json" >/dev/null
  "$exe" --db "$tmp/sheet.db" --sheet "$SEEK_CARE_ID" --planned-run hard --clinic-name "Riverside Sports Massage" \
    --output "$tmp/sheet.pdf"
  pdftoppm -png -r 100 -f 1 -l 1 -singlefile "$tmp/sheet.pdf" "$tmp/sheet"
  convert "$tmp/sheet.png" -strip -define png:exclude-chunks=date,time "$out/sheet-seek-care.png"
}

if [ "${1:-}" = --walk-issue ]; then
  shift
  walk_issue_sizes "$@"
  exit
fi
if [ "${1:-}" = --walk ]; then
  shift
  walk "$@"
  walk_sessions "$@"
  exit
fi
build=$(cd "${1:-$top/build}" && pwd)
exe=$build/src/aftercare

for tool in xvfb-run xdotool import convert dbus-run-session pdftoppm; do
  command -v "$tool" >/dev/null ||
    { echo "screenshots.sh needs $tool (apt-get install xvfb xauth xdotool imagemagick dbus poppler-utils)" >&2; exit 2; }
done
[ -x "$exe" ] || { echo "no $exe: build first (meson compile -C build)" >&2; exit 2; }
mkdir -p "$out"

# One walk (--walk or --walk-issue) in a style at a size, under an X
# server of its own with throw-away settings and data.
run_walk () {  # mode light|dark WIDTHxHEIGHT
  local tmp color=default w=${3%x*} h=${3#*x}
  tmp=$(mktemp -d)
  mkdir -p "$tmp/config/glib-2.0/settings"
  [ "$2" = dark ] && color=prefer-dark
  printf "[org/gnome/desktop/interface]\ncolor-scheme='%s'\nclock-format='24h'\n" "$color" \
    >"$tmp/config/glib-2.0/settings/keyfile"
  GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
  GSETTINGS_SCHEMA_DIR="$build/data" GSK_RENDERER=cairo NO_AT_BRIDGE=1 \
    xvfb-run -a -s "-screen 0 $((w + 40))x$((h + 40))x24" \
    dbus-run-session -- bash "$top/build-aux/screenshots.sh" "$1" "$exe" "$tmp" "$w" "$h" "$2-$w"
  rm -rf "$tmp"
  echo "$2 $3 done" >&2
}

for scheme in light dark; do
  for size in 1000x720 360x720; do
    run_walk --walk "$scheme" "$size"
  done
  # The issue's pictures: a seek-care session, the verdict for a hard run
  # planned and a recovered session, at 1200×800 and 360×740.
  for size in 1200x800 360x740; do
    run_walk --walk-issue "$scheme" "$size"
  done
done
tmp=$(mktemp -d)
GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" sheet_shot "$exe" "$tmp"
# The report's first page, from the same sample, with no display.
sample_backup >"$tmp/sample.json"
GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" "$exe" --db "$tmp/report.db" --import "$tmp/sample.json" >/dev/null
GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
  "$exe" --db "$tmp/report.db" --report "$report_id" --same-kind 3 --output "$tmp/report.pdf" >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/report.pdf" "$out/report"
rm -rf "$tmp"
ls "$out"/*.png
