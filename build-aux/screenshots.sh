#!/usr/bin/env bash
# screenshots.sh: start the built app under an X server of its own, walk it
# with the keyboard as a person would, and save PNGs of every wizard step, the
# "rest" and "seek care" verdicts and the massage-type reference into
# data/screenshots/, in the light and the dark style, wide and 360 px wide.
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

# The walk, run inside the X server (the script calls itself with --walk
# EXE TMP WIDTH HEIGHT SUFFIX).
walk () {
  local exe=$1 tmp=$2 w=$3 h=$4 suffix=$5 win
  "$exe" --db "$tmp/screenshots.db" >"$tmp/log" 2>&1 &
  local app=$!
  for _ in $(seq 100); do
    win=$(xdotool search --onlyvisible --name '^Aftercare$' 2>/dev/null | head -n1 || true)
    [ -n "$win" ] && break
    sleep 0.1
  done
  [ -n "$win" ] || { echo "the window did not appear" >&2; cat "$tmp/log" >&2; kill "$app"; return 1; }
  xdotool windowsize "$win" "$w" "$h" windowmove "$win" 0 0 windowfocus "$win"
  sleep 1

  shot () { sleep 0.8; import -window root -crop "${w}x${h}+0+0" +repage -strip -define png:exclude-chunks=date,time "$out/$1-$suffix.png"; }
  keys () { xdotool key --delay 120 "$@"; }

  keys alt+2;                    shot wizard-massage
  keys alt+Right;                # soreness: the scale has the focus
  keys Right Right Right Right;  shot wizard-feeling
  keys alt+Right;                shot wizard-run
  keys alt+Right;                shot verdict-rest
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

if [ "${1:-}" = --walk ]; then
  shift
  walk "$@"
  exit
fi
build=$(cd "${1:-$top/build}" && pwd)
exe=$build/src/aftercare

for tool in xvfb-run xdotool import dbus-run-session; do
  command -v "$tool" >/dev/null ||
    { echo "screenshots.sh needs $tool (apt-get install xvfb xauth xdotool imagemagick dbus)" >&2; exit 2; }
done
[ -x "$exe" ] || { echo "no $exe: build first (meson compile -C build)" >&2; exit 2; }
mkdir -p "$out"

for scheme in light dark; do
  for size in 1000x720 360x720; do
    tmp=$(mktemp -d)
    mkdir -p "$tmp/config/glib-2.0/settings"
    color=default
    [ "$scheme" = dark ] && color=prefer-dark
    printf "[org/gnome/desktop/interface]\ncolor-scheme='%s'\nclock-format='24h'\n" "$color" \
      >"$tmp/config/glib-2.0/settings/keyfile"
    w=${size%x*} h=${size#*x}
    GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
    GSETTINGS_SCHEMA_DIR="$build/data" GSK_RENDERER=cairo NO_AT_BRIDGE=1 \
      xvfb-run -a -s "-screen 0 $((w + 40))x$((h + 40))x24" \
      dbus-run-session -- bash "$top/build-aux/screenshots.sh" --walk "$exe" "$tmp" "$w" "$h" "$scheme-$w"
    rm -rf "$tmp"
    echo "$scheme $size done" >&2
  done
done
ls "$out"/*.png
