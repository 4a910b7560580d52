#!/usr/bin/env bash
# Start-time benchmark of the packaged app (see docs/benchmarks.md, section "Installer"). Not a test.
#
#   bench/run-start.sh [RUNS] [LAUNCHER]
#
# Starts LAUNCHER (default: the installed /opt/switchboard/bin/Switchboard, else the app image in
# installer/target/app-image, built by `mvn -B -Pinstaller -DskipTests package`) RUNS times (default 7) on a private
# Xvfb display with a fresh HOME (a first start: welcome dialog, no settings), without and with
# sample-flows/family-menu.json, and then the same without the runtime's CDS archive (JAVA_TOOL_OPTIONS=-Xshare:off)
# for comparison. Times launch to the first mapped window titled "Switchboard…" with installer/wait-window.py
# (event-driven, no polling). Prints median, min and max per case, and the load average before and after.
# Needs: Xvfb, python3. Run it on an otherwise idle machine: on two cores, any other work shows up directly.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-7}
launcher=${2:-}
if [ -z "$launcher" ]; then
  if [ -x /opt/switchboard/bin/Switchboard ]; then
    launcher=/opt/switchboard/bin/Switchboard
  else
    launcher=$root/installer/target/app-image/Switchboard/bin/Switchboard
  fi
fi
[ -x "$launcher" ] || { echo "no launcher at $launcher (build: mvn -B -Pinstaller -DskipTests package)" >&2; exit 1; }

work=$(mktemp -d)
Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "Xvfb did not start: $(tail -n 5 "$work/xvfb.log")" >&2; exit 1; }
export DISPLAY=":$(head -n 1 "$work/display")"

# once(ENV...) -> prints the milliseconds to the first window of one start
once() {
  local home=$work/home
  rm -rf "$home"
  mkdir -p "$home"
  local fifo=$work/fifo pid window ms waiter
  rm -f "$fifo"
  mkfifo "$fifo"
  # wait-window.py prints "PID WINDOW MS" when the window is mapped, then waits for the app to exit
  env HOME="$home" "$@" python3 "$root/installer/wait-window.py" '^Switchboard' 60 "$work/app.log" \
    "$launcher" "${args[@]}" >"$fifo" &
  waiter=$!
  if ! read -r pid window ms <"$fifo"; then
    wait "$waiter" || true
    echo "no window; the app's output:" >&2
    tail -n 20 "$work/app.log" >&2
    exit 1
  fi
  kill -- "-$pid" 2>/dev/null || true
  wait "$waiter" 2>/dev/null || true
  sleep 1
  echo "$ms"
}

# series LABEL ENV... -> "LABEL: median M ms (min A, max B; N runs)"
series() {
  local label=$1
  shift
  local times=()
  for _ in $(seq "$runs"); do
    times+=("$(once "$@")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '
    { t[NR] = $1 }
    END { printf "%-44s median %5d ms (min %d, max %d; %d runs)\n", label ":", t[int((NR + 1) / 2)], t[1], t[NR], NR }'
}

echo "launcher: $launcher; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
args=()
once >/dev/null   # a first start fills the disk cache; not counted
series "first window"
args=("$root/sample-flows/family-menu.json")
series "first window, with family-menu.json"
args=()
series "first window, without the CDS archive" JAVA_TOOL_OPTIONS=-Xshare:off
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
