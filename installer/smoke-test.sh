#!/usr/bin/env bash
# Smoke test of the Linux installer, run by CI after the Maven test suite:
#   1. builds the installer        mvn -B -Pinstaller -DskipTests package
#   2. installs the .deb           apt-get install -y ./installer/target/switchboard_*.deb
#      (when Switchboard is already installed, the test leaves that installation alone: it unpacks the .deb into
#      a temporary directory with dpkg-deb -x and tests the unpacked copy; SMOKE_EXTRACT=1 always does that)
#   3. runs the engine's command   switchboard-engine --version (on the PATH, from the package)
#      starts the installed app    /opt/switchboard/bin/Switchboard, on a private Xvfb display,
#      once without arguments and once with a flow file, and for each run
#      - waits (at most 30 s) for a visible window whose title starts with "Switchboard",
#      - takes a screenshot (installer/target/smoke/*.png) and checks that it is not blank,
#      - asks the window to close the way a window manager does (WM_DELETE_WINDOW),
#      - checks that the app exits with status 0 within 10 s and leaves no process behind;
#   4. removes the package again   apt-get remove -y switchboard (only when step 2 installed it)
# Prints "deb size: N MB" and "start to first window: N ms". Exits non-zero with a message on any failure.
#
# Needs (Debian): maven openjdk-17-jdk-headless fakeroot xvfb xdotool imagemagick python3 (+ apt access for the
# package's own dependencies). Run as root, or as a user who may use sudo.
# Environment: SMOKE_SKIP_BUILD=1 reuses an existing .deb; SMOKE_FLOW=path picks the flow file;
#              SMOKE_MAX_DEB_MB (default 60) is the size limit.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
out=$root/installer/target/smoke
package=switchboard
prefix=""   # where the package's files are: "" when installed, the temporary root when unpacked
title_regex='^Switchboard'
window_timeout_s=30
exit_timeout_s=10
max_deb_mb=${SMOKE_MAX_DEB_MB:-60}

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

fail() { echo "smoke test FAILED: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }
# PIDs of the processes in process group $1, read from /proc (no procps needed).
group_pids() {
  local f line
  for f in /proc/[0-9]*/stat; do
    read -r line <"$f" 2>/dev/null || continue
    set -- "$1" ${line##*) }   # after "pid (comm) ": state ppid pgrp ...
    if [ "$4" = "$1" ]; then f=${f#/proc/}; echo "${f%/stat}"; fi
  done
}

for tool in Xvfb xdotool import identify python3 apt-get dpkg-query dpkg-deb; do
  command -v "$tool" >/dev/null \
    || fail "$tool is missing (Debian: apt-get install -y maven openjdk-17-jdk-headless fakeroot xvfb xdotool imagemagick python3)"
done

rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
xvfb_pid=""
app_pid=""
waiter_pid=""
installed_by_us=""

cleanup() {
  local status=$?
  set +e
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -KILL -- "-$app_pid" 2>/dev/null
    wait "$app_pid" 2>/dev/null
  fi
  if [ -n "$waiter_pid" ]; then
    kill "$waiter_pid" 2>/dev/null
    wait "$waiter_pid" 2>/dev/null
  fi
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null
    wait "$xvfb_pid" 2>/dev/null
  fi
  if [ -n "$installed_by_us" ] && dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
    echo "removing $package after the failure"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get remove -y "$package" >>"$out/apt.log" 2>&1
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------- 1. build
if [ -z "${SMOKE_SKIP_BUILD:-}" ]; then
  command -v mvn >/dev/null || fail "mvn is missing (Debian: apt-get install -y maven openjdk-17-jdk-headless fakeroot)"
  echo "building the installer (log: installer/target/smoke/build.log)"
  started=$(now_ms)
  mvn -B -Pinstaller -DskipTests package >"$out/build.log" 2>&1 \
    || { tail -n 40 "$out/build.log" >&2; fail "mvn -Pinstaller package failed"; }
  echo "build took $(( ($(now_ms) - started) / 1000 )) s"
fi
shopt -s nullglob
debs=("$root"/installer/target/"$package"_*.deb)
shopt -u nullglob
[ "${#debs[@]}" -eq 1 ] || fail "expected exactly one installer/target/${package}_*.deb, found ${#debs[@]}"
deb=${debs[0]}
deb_bytes=$(stat -c %s "$deb")
echo "deb: ${deb#"$root"/}"
awk -v b="$deb_bytes" 'BEGIN { printf "deb size: %.1f MB (%d bytes)\n", b / 1000000, b }'
[ "$deb_bytes" -le $(( max_deb_mb * 1000000 )) ] || fail "the .deb is larger than $max_deb_mb MB"

# -------------------------------------------------------------------------------------------- 2. install
if [ -n "${SMOKE_EXTRACT:-}" ] || dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
  # Never touch an installation that was there before the test: test an unpacked copy instead.
  [ -n "${SMOKE_EXTRACT:-}" ] || echo "note: $package is installed on this machine; leaving it alone"
  prefix=$work/root
  dpkg-deb -x "$deb" "$prefix" || fail "dpkg-deb -x $deb failed"
  echo "unpacked into a temporary directory (no installation; package scripts and menu registration not run)"
  for f in lib/switchboard-Switchboard.desktop lib/switchboard-Switchboard-MimeInfo.xml; do
    [ -f "$prefix/opt/switchboard/$f" ] || fail "the package has no /opt/switchboard/$f"
  done
  engine_command=$prefix/opt/switchboard/bin/switchboard-engine
else
  echo "installing with apt-get (log: installer/target/smoke/apt.log)"
  installed_by_us=yes
  started=$(now_ms)
  deb_relative=./${deb#"$root"/}   # apt-get takes a local file when the name starts with ./ (we are in the repo root)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$deb_relative" >>"$out/apt.log" 2>&1 \
    || { tail -n 30 "$out/apt.log" >&2; fail "apt-get install $deb_relative failed"; }
  dpkg-query -W -f='${Status}' "$package" | grep -q "ok installed" || fail "$package is not installed after apt-get install"
  desktop_entry=""
  for dir in /usr/share/applications /usr/local/share/applications; do
    if [ -f "$dir/switchboard-Switchboard.desktop" ]; then desktop_entry=$dir/switchboard-Switchboard.desktop; fi
  done
  [ -n "$desktop_entry" ] || fail "the menu entry switchboard-Switchboard.desktop was not installed"
  [ -f /usr/share/mime/packages/switchboard-Switchboard-MimeInfo.xml ] || fail "the *.flow.json MIME type was not installed"
  echo "installed in $(( ($(now_ms) - started) / 1000 )) s: $(dpkg-query -W -f='${Package} ${Version}, ${Installed-Size} kB' "$package")"
  engine_command=$(command -v switchboard-engine) || fail "switchboard-engine is not on the PATH after installing"
fi
for cfg in "$prefix"/opt/switchboard/lib/app/{Switchboard,switchboard-engine}.cfg; do
  grep -q -- '-XX:+ExitOnOutOfMemoryError' "$cfg" || fail "$cfg does not make the JVM exit on OutOfMemoryError"
done
launcher=$prefix/opt/switchboard/bin/Switchboard
[ -x "$launcher" ] || fail "$launcher is missing or not executable"

# The headless engine's command line, with the bundled runtime (no Java on the PATH).
deb_version=$(dpkg-deb -f "$deb" Version)
engine_version=$(env PATH=/usr/bin:/bin "$engine_command" --version 2>&1) \
  || fail "switchboard-engine --version failed: $engine_version"
[ "$engine_version" = "switchboard-engine ${deb_version%-*}" ] \
  || fail "switchboard-engine --version printed '$engine_version', expected 'switchboard-engine ${deb_version%-*}'"
echo "engine command: $engine_command --version -> $engine_version"

# --------------------------------------------------------------------------------------------- 3. display
display_file=$work/display
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$display_file" >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do
  [ -s "$display_file" ] && break
  kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb did not start: $(tail -n 5 "$out/xvfb.log")"
  sleep 0.1
done
[ -s "$display_file" ] || fail "Xvfb did not report its display within 10 s"
export DISPLAY=":$(head -n 1 "$display_file")"

# Ask a window to close as a window manager would: a WM_PROTOCOLS/WM_DELETE_WINDOW client message.
# (There is no window manager on this display, so wmctrl -c would do nothing.)
close_window() {
  python3 - "$1" <<'PY'
import ctypes, sys
x = ctypes.CDLL("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XInternAtom.restype = ctypes.c_ulong
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
class ClientMessage(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("l", ctypes.c_long * 5)]
class Event(ctypes.Union):
    _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]
x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.POINTER(Event)]
x.XFlush.argtypes = x.XCloseDisplay.argtypes = [ctypes.c_void_p]
display = x.XOpenDisplay(None)
if not display:
    sys.exit("cannot open the X display")
window = int(sys.argv[1])
event = Event()
event.xclient.type = 33  # ClientMessage
event.xclient.window = window
event.xclient.message_type = x.XInternAtom(display, b"WM_PROTOCOLS", 0)
event.xclient.format = 32
event.xclient.l[0] = x.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
event.xclient.l[1] = 0  # CurrentTime
if not x.XSendEvent(display, window, 0, 0, ctypes.byref(event)):
    sys.exit("XSendEvent failed")
x.XFlush(display)
x.XCloseDisplay(display)
PY
}

# run_app LABEL [ARG...]: one start-to-close cycle; sets start_ms. app_env holds extra NAME=VALUE settings.
app_env=()
run_app() {
  local label=$1
  shift
  local log=$out/$label.log home=$work/home-$label
  mkdir -p "$home"
  # A fresh HOME per run: no settings or JavaFX native cache from an earlier run, like a first start.
  local window="" fifo=$work/window-$label
  # wait-window.py starts the launcher in a session of its own (like setsid), listens for its window being mapped
  # (no polling on our two cores) and prints "PID WINDOW MS"; it then waits for the app and exits with its status.
  mkfifo "$fifo"
  env HOME="$home" "${app_env[@]}" python3 "$root/installer/wait-window.py" "$title_regex" "$window_timeout_s" \
    "$log" "$launcher" "$@" >"$fifo" 2>"$fifo.err" &
  waiter_pid=$!
  if ! read -r app_pid window start_ms <"$fifo"; then
    wait "$waiter_pid" 2>/dev/null || true
    waiter_pid=""
    app_pid=""
    tail -n 30 "$log" >&2
    fail "[$label] $(cat "$fifo.err") (log: ${log#"$root"/})"
  fi
  local window_pid
  window_pid=$(xdotool getwindowpid "$window" 2>/dev/null || true)
  [ "$window_pid" = "$app_pid" ] || fail "[$label] the window belongs to process '$window_pid', not to the launcher ($app_pid)"
  local rss_kb
  rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$app_pid/status" 2>/dev/null || echo 0)
  echo "[$label] window \"$(xdotool getwindowname "$window")\" after $start_ms ms, RSS $(( ${rss_kb:-0} / 1024 )) MB"

  # The window is mapped; give it a moment to paint, then shoot until the picture is not blank.
  local shot=$out/$label.png colours=0
  for _ in $(seq 20); do
    sleep 0.25
    import -window root "$shot" 2>/dev/null || continue
    colours=$(identify -format '%k' "$shot" 2>/dev/null || echo 0)
    [ "$colours" -gt 4 ] && break
  done
  [ "$colours" -gt 4 ] || fail "[$label] the screen stays blank ($colours colours in ${shot#"$root"/})"
  echo "[$label] screenshot: ${shot#"$root"/} ($colours colours)"

  close_window "$window" || fail "[$label] could not send WM_DELETE_WINDOW to window $window"
  local waited=0
  while kill -0 "$app_pid" 2>/dev/null && [ "$waited" -lt $(( exit_timeout_s * 10 )) ]; do
    sleep 0.1
    waited=$(( waited + 1 ))
  done
  if kill -0 "$app_pid" 2>/dev/null; then
    tail -n 30 "$log" >&2
    fail "[$label] the app did not exit within $exit_timeout_s s after its window was closed"
  fi
  local rc=0
  wait "$waiter_pid" || rc=$?
  waiter_pid=""
  local pgid=$app_pid
  app_pid=""
  [ "$rc" -eq 0 ] || { tail -n 30 "$log" >&2; fail "[$label] the app exited with status $rc (log: ${log#"$root"/})"; }
  local left
  left=$(group_pids "$pgid")
  if [ -n "$left" ]; then
    kill -KILL -- "-$pgid" 2>/dev/null || true
    fail "[$label] processes were left behind after the app exited: $(echo $left)"
  fi
  echo "[$label] closed: exit status 0 after $(( waited * 100 )) ms"
}

# ------------------------------------------------------------------------------------------------ 4. run
run_app no-args
first_window_ms=$start_ms

flow_src=${SMOKE_FLOW:-}
if [ -z "$flow_src" ]; then
  for candidate in "$root"/sample-flows/family-menu.json "$root"/sample-flows/*.json; do
    if [ -f "$candidate" ]; then flow_src=$candidate; break; fi
  done
fi
mkdir -p "$work/my flows"   # a space in the path: the launcher must pass the argument through intact
if [ -n "$flow_src" ]; then
  cp "$flow_src" "$work/my flows/$(basename "$flow_src")"
  flow="$work/my flows/$(basename "$flow_src")"
  echo "flow file: ${flow_src#"$root"/}"
else
  flow="$work/my flows/smoke-test.json"
  printf '{"formatVersion": 1, "name": "Smoke test", "nodes": [], "wires": []}\n' >"$flow"
  echo "flow file: none in sample-flows/, using a minimal stand-in"
fi
run_app with-flow "$flow"
flow_window_ms=$start_ms

# The runtime's class data sharing archive (made by the build) must map, and JavaFX must come from it.
app_env=(JAVA_TOOL_OPTIONS="-Xshare:on -Xlog:class+load=info:file=$out/class-load.log")
run_app cds "$flow"
app_env=()
shared=$(grep -c 'source: shared objects file' "$out/class-load.log" || true)
shared_fx=$(grep -c '] javafx\..*source: shared objects file' "$out/class-load.log" || true)
loaded=$(grep -c 'source: ' "$out/class-load.log" || true)
echo "classes from the CDS archive: $shared of $loaded ($shared_fx javafx.*)"
[ "$shared_fx" -ge 500 ] || fail "JavaFX does not come from the CDS archive ($shared_fx javafx.* classes; ${out#"$root"/}/class-load.log)"

# --------------------------------------------------------------------------------------------- 5. remove
kill "$xvfb_pid" 2>/dev/null || true
wait "$xvfb_pid" 2>/dev/null || true
xvfb_pid=""
if [ -n "$installed_by_us" ]; then
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get remove -y "$package" >>"$out/apt.log" 2>&1 \
    || { tail -n 20 "$out/apt.log" >&2; fail "apt-get remove $package failed"; }
  installed_by_us=""
  if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
    fail "$package is still installed after apt-get remove"
  fi
  [ ! -e "$launcher" ] || fail "$launcher is still there after apt-get remove"
  [ ! -e /usr/bin/switchboard-engine ] || fail "/usr/bin/switchboard-engine is still there after apt-get remove"
  leftovers=$(find /opt/switchboard /usr/share/applications /usr/local/share/applications /usr/share/mime/packages \
    /usr/share/icons/hicolor -iname '*switchboard*' 2>/dev/null || true)
  [ -z "$leftovers" ] || fail "files left behind after apt-get remove: $leftovers"
  echo "removed: $package"
fi

echo "start to first window: $first_window_ms ms"
echo "start to first window with a flow file: $flow_window_ms ms"
echo "smoke test passed"
