#!/bin/bash
# Measures the window's pulses while playing and stepping, with JavaFX's own pulse logger.
#   tools/pulse/measure.sh [JAR] [PLAY_SECONDS] [STEPS] [PASSES]
# Starts a virtual display (Xvfb, 1920x1080, display :$PULSE_DISPLAY, default 97), opens JAR (default
# target/unrolled.jar) on the default scenario with -Djavafx.pulseLogger=true and a threshold of 0 (every
# pulse logged), sizes the window to the whole 1920x1080 screen, plays once to warm up, goes back to the
# start, then plays PLAY_SECONDS (default 8) with Space and prints the median and 90th percentile of the
# interval between pulses (60 frames a second is an interval of 16.7 ms), the pulse's own length and the
# CPU time per pulse of the JavaFX and render threads (steadier than wall time on a busy machine); then
# goes back to the start and presses Right STEPS times (default 10), a second apart, and prints the longest pulse after each press and
# the two threads' CPU time per step. With PASSES (default 1) above 1, it goes back to the start (Home) and steps again, PASSES
# times in all, and prints each pass: the first steps after start-up run much code the JIT has not compiled yet.
# Extra JVM options go in PULSE_JAVA_OPTS, e.g. PULSE_JAVA_OPTS=-Dunrolled.fullRedraw=true to draw every
# frame in full, as before the canvases drew only what changed. The log is kept in PULSE_LOG if set.
# Needs: Xvfb, xdotool (Debian: apt-get install -y xvfb xdotool libgtk-3-0).
set -euo pipefail
jar=${1:-target/unrolled.jar}
play=${2:-8}
steps=${3:-10}
passes=${4:-1}
display=:${PULSE_DISPLAY:-97}
work=$(mktemp -d)
log=${PULSE_LOG:-$work/pulses.log}
xvfb=
app=
cleanup() {
  [[ -n "$app" ]] && kill "$app" 2>/dev/null || true
  [[ -n "$xvfb" ]] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
[[ -f "$jar" ]] || { echo "measure.sh: no jar at $jar (mvn -B package -DskipTests makes it)" >&2; exit 2; }
if [[ -e /tmp/.X${display#:}-lock ]]; then
  echo "measure.sh: display $display is taken; set PULSE_DISPLAY to a free number" >&2; exit 2
fi
Xvfb "$display" -screen 0 1920x1080x24 > "$work/xvfb.log" 2>&1 &
xvfb=$!
export DISPLAY=$display
sleep 1
# shellcheck disable=SC2086
# one JVM (no start-up archive), so that the threads read below are the window's
java -Djavafx.pulseLogger=true -Djavafx.pulseLogger.threshold=0 -Djava.util.prefs.userRoot="$work/prefs" \
  -Dunrolled.startupArchive=false \
  ${PULSE_JAVA_OPTS:-} -jar "$jar" > "$log" 2>&1 &
app=$!
win=
for ((i = 0; i < 600; i++)); do
  win=$(xdotool search --name "Unrolled" 2>/dev/null | head -1 || true)
  [[ -n "$win" ]] && break
  kill -0 "$app" 2>/dev/null || { echo "measure.sh: the window did not open:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$win" ]] || { echo "measure.sh: no window after 60 s" >&2; exit 1; }
xdotool windowmove "$win" 0 0 windowsize "$win" 1920 1080
sleep 4
key() { xdotool key --window "$win" "$1"; }
# CPU time (user + system, ms) of the JavaFX thread and of the render thread: on a machine shared with other
# work, CPU per pulse is far steadier than wall-clock intervals
cpu() {
  local fx=0 render=0 t name ticks hz
  hz=$(getconf CLK_TCK)
  for t in /proc/"$app"/task/*; do
    name=$(cat "$t/comm" 2>/dev/null || true)
    ticks=$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0)
    case "$name" in
      "JavaFX Applicat"*|GtkNativeMainLo*) fx=$((fx + ticks)) ;;
      QuantumRenderer*) render=$((render + ticks)) ;;
    esac
  done
  echo "$((fx * 1000 / hz)) $((render * 1000 / hz))"
}
lines() { wc -l < "$log"; }

# warm up: the first playing runs interpreted code and loads classes
key space; sleep 4; key space; sleep 1; key Home; sleep 2

from=$(lines)
read -r fx0 render0 <<< "$(cpu)"
key space
sleep "$play"
read -r fx1 render1 <<< "$(cpu)"
to=$(lines)
key space
sleep 2

# pulses are logged as "PULSE: 31 [16ms:9ms]" (a long one, phases follow) or "[32 17ms:3ms]" (a short one):
# interval since the previous pulse, then the pulse's own length
pulses() { sed -n "$(($1 + 1)),$2p" "$log" | grep -o '\(PULSE: \|\[\)[0-9]* \[\?[0-9]*ms:[0-9]*ms' | sed 's/.*[ [][[]\?\([0-9]*\)ms:\([0-9]*\)ms/\1 \2/'; }
stats() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) {print "none"; exit} m = a[int((NR+1)/2)]; p = a[int(NR*0.9 + 0.999)]; printf "median %d ms, p90 %d ms, max %d ms (%d pulses)", m, p, a[NR], NR}'; }
# the first two pulses of playing follow the key press: not part of the steady animation
pulses "$from" "$to" | tail -n +3 > "$work/play"
echo "playing $play s at 1920x1080: pulse interval $(cut -d' ' -f1 "$work/play" | stats)"
echo "                              pulse length   $(cut -d' ' -f2 "$work/play" | stats)"
n=$(($(wc -l < "$work/play") + 2))
echo "                              CPU per pulse: JavaFX thread $(awk -v a="$fx0" -v b="$fx1" -v n="$n" 'BEGIN {printf "%.1f", (b - a) / n}') ms, render thread $(awk -v a="$render0" -v b="$render1" -v n="$n" 'BEGIN {printf "%.1f", (b - a) / n}') ms"

for ((pass = 1; pass <= passes; pass++)); do
  key Home; sleep 2
  read -r fx0 render0 <<< "$(cpu)"
  : > "$work/steps"
  for ((i = 1; i <= steps; i++)); do
    before=$(lines)
    key Right
    sleep 1
    pulses "$before" "$(lines)" | cut -d' ' -f2 | sort -n | tail -1 >> "$work/steps"
  done
  read -r fx1 render1 <<< "$(cpu)"
  label="stepping (Right) $steps times"
  if (( passes > 1 )); then label="pass $pass: $label"; fi
  echo "$label: longest pulse after each press $(paste -sd' ' "$work/steps") ms; $(stats < "$work/steps")"
  echo "                              CPU per step: JavaFX thread $(awk -v a="$fx0" -v b="$fx1" -v n="$steps" 'BEGIN {printf "%.1f", (b - a) / n}') ms, render thread $(awk -v a="$render0" -v b="$render1" -v n="$steps" 'BEGIN {printf "%.1f", (b - a) / n}') ms"
done
