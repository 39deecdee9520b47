#!/bin/bash
# Times Unrolled from process launch to its window: runs COMMAND (which must open the window) RUNS
# times on the X display in $DISPLAY, reads the app's own start-up report (unrolled.startupReport,
# passed through JAVA_TOOL_OPTIONS so it works for `java -jar` and for jpackage's launcher alike),
# and prints, per run, the milliseconds from launch (taken here, just before the process starts) to
# "window shown" and to "first frame rendered", and the CPU time (user + system, all threads) the
# process had used when the report was seen (polled every 50 ms, so a little after the frame), then
# the median of each (CPU: of the process and of the processes it started). CPU time is less disturbed than wall time when other work shares the machine;
# the app's report also gives the JavaFX thread's own CPU time at each step after "javafx started".
#   tools/startup/measure.sh [--cold] RUNS COMMAND...
# --cold: before each run drop the kernel's page cache (root only) and JavaFX's extracted native
#         libraries (~/.openjfx/cache), as after a reboot or on first use.
# Options already in JAVA_TOOL_OPTIONS are kept (e.g. -XX:SharedArchiveFile=... for the launcher).
# Uses a throw-away preferences folder, so the window's saved size and recent files are not touched.
# Each run's window is closed with Ctrl+Q (xdotool), as a user closes it: the first run of a new jar makes
# its start-up archive (see the README), and the later runs use it.
set -euo pipefail
cold=false
if [[ "${1:-}" == --cold ]]; then cold=true; shift; fi
runs=$1; shift
: "${DISPLAY:?set DISPLAY, e.g. Xvfb :98 -screen 0 1920x1080x24 & export DISPLAY=:98}"
prefs=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$prefs" "$log"' EXIT
shown_all=(); frame_all=(); cpu_all=()
for ((i = 1; i <= runs; i++)); do
  if $cold; then
    rm -rf "$HOME/.openjfx/cache"
    sync; echo 3 > /proc/sys/vm/drop_caches
  fi
  : > "$log"
  t0=$(date +%s%3N)
  JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -Dunrolled.startupReport=true -Djava.util.prefs.userRoot=$prefs" "$@" > "$log" 2>&1 &
  pid=$!
  for ((w = 0; w < 1200; w++)); do
    grep -q "first frame rendered\|first pulse laid out" "$log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  cpu=0  # the process and the JVMs it started (the window runs in a second JVM when the start-up archive is used)
  for p in $pid $(pgrep -P "$pid" || true) $(for c in $(pgrep -P "$pid" || true); do pgrep -P "$c" || true; done); do
    cpu=$((cpu + $(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  # closed as a user closes it (Ctrl+Q), so that the start-up archive the first run makes is kept and
  # later runs use it, as a user's later starts do; killed only where that does not work (no xdotool)
  win=$(xdotool search --name "Unrolled" 2>/dev/null | head -1 || true)
  if [[ -n "$win" ]]; then
    xdotool key --window "$win" ctrl+q 2>/dev/null || true
    for ((w = 0; w < 300; w++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  shown=$(sed -n 's/.*window shown after .* at \([0-9]*\) ms since 1970.*/\1/p' "$log")
  frame=$(sed -n 's/.*first \(frame rendered\|pulse laid out\) after .* at \([0-9]*\) ms since 1970.*/\2/p' "$log")
  if [[ -z "$shown" || -z "$frame" ]]; then
    echo "run $i: no start-up report; the output was:" >&2; cat "$log" >&2; exit 1
  fi
  steps=$(sed -n 's/^[^[]*window shown after[^[]*\(\[.*\]\)$/\1/p' "$log")
  echo "run $i: shown $((shown - t0)) ms, first frame $((frame - t0)) ms after launch, CPU $cpu ms; from JVM start: $steps"
  shown_all+=($((shown - t0))); frame_all+=($((frame - t0))); cpu_all+=("$cpu")
  sleep 1
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
echo "median of $runs: shown $(median "${shown_all[@]}") ms, first frame $(median "${frame_all[@]}") ms after launch, CPU $(median "${cpu_all[@]}") ms"
