#!/bin/sh
# Runs the export benchmarks (ExportBenchmark and ExportFormatsBenchmark, one JMH run, one fork) and
# prints their figures as the README's export tables give them: each row per frame, the PNG export's
# two-core floor max(a, (a + b) / 2) and its ratio to it, the MP4's and GIF's frames per second.
#
#   tools/bench/export.sh                 # build (mvn -Pbench test-compile), then run: 10-11 minutes idle
#   tools/bench/export.sh -i 5            # extra arguments go to JMH (here: fewer measured iterations)
#
# The PNG export's rows warm up for 30 s (10 iterations of 3 s): in its first 10-30 s the JIT compiler is
# still busy on the two cores the export uses, so with fewer warm-up iterations (-wi) a run can measure
# the export before it has settled. The script prints the export's measured iterations so that a run can
# be seen to have settled; runs still differ by several per cent from one another.
#
# Needs Maven, Java 17 and python3 (to read JMH's JSON). Run it on an otherwise idle machine: every other
# busy program stretches the times, and the load averages printed before and after say how busy it was.
# The floor assumes both cores free for the export; when other programs take them, the export cannot
# beat one core's a + b, which is printed too (the export's ratio to it shows the work it adds).
set -eu
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
mvn -B -q -Pbench test-compile exec:exec \
    -Dbench.args="ExportBenchmark.renderOnly|ExportBenchmark.encodeOnly|ExportBenchmark.pngencoderBefore|ExportBenchmark.fullExport|ExportBenchmark.renderCanvas|ExportBenchmark.drawBesideEncode|ExportFormatsBenchmark -f 1 $* -rf json -rff $out/result.json" \
    > "$out/jmh.log" 2>&1 || { tail -40 "$out/jmh.log"; exit 1; }
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
python3 - "$out/result.json" <<'PY'
import json, sys
rows = {}
for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]
    rows[name] = r["primaryMetric"]
    for part, m in r.get("secondaryMetrics", {}).items():
        rows[name + ":" + part] = m  # the threads of a group (drawBesideEncode: drawing, encoding)
def get(name):
    m = rows.get(name)
    return (m["score"], m["scoreError"]) if m else (float("nan"), float("nan"))
def ms(name):
    s, e = get(name)
    return f"{s:.1f} ± {e:.1f} ms"
what = [
    ("ExportBenchmark.renderOnly", "(a) draw a 1920×1080 frame as the export does (Java2D, into a reused buffer), no encoding", " a frame"),
    ("ExportBenchmark.encodeOnly", "(b) encode it as the export does: level 1, two deflate halves, one thread", " a frame"),
    ("ExportBenchmark.pngencoderBefore", "(b') encode it as the export did until session 12: pngencoder 0.15, level 1, one thread", " a frame"),
    ("ExportBenchmark.fullExport", "the PNG export: two lanes, each drawing, encoding and writing a frame, then the next; manifest", " a frame"),
    ("ExportBenchmark.renderCanvas", "(d) the same frame on the JavaFX canvas, snapshot read back (the export's drawing before session 10)", " a frame"),
    ("ExportBenchmark.drawBesideEncode:drawing", "(e) drawing as (a) on one thread while another encodes as (b)", " a frame"),
    ("ExportBenchmark.drawBesideEncode:encoding", "(e) encoding as (b) on one thread while another draws as (a)", " a frame"),
    ("ExportFormatsBenchmark.png1080", "the same 61 frames as PNG through the format switch", " a frame"),
    ("ExportFormatsBenchmark.mp4At1080", "the same frames as H.264 MP4 at 1920×1080", " a frame"),
    ("ExportFormatsBenchmark.render720", "the same frames drawn at 1280×720, no encoding", " a frame"),
    ("ExportFormatsBenchmark.gifAt720", "the same frames as a GIF at 1280×720", " a frame"),
    ("ExportFormatsBenchmark.svgFrameFiftySteps", "one 1920×1080 SVG of an LSTM with all 50 steps on screen", ""),
    ("ExportFormatsBenchmark.lessonPdf", "the vanishing-gradient lesson, 4 beats (6 pages: two are questions, asked then revealed), one PDF, written", ""),
]
print()
print("| benchmark | what | time |")
print("| --- | --- | --- |")
for name, text, unit in what:
    extra = ""
    if name.endswith("mp4At1080") or name.endswith("gifAt720"):
        extra = f" ({1000 / get(name)[0]:.1f} frames/s)"
    print(f"| `{name}` | {text} | {ms(name)}{unit}{extra} |")
a = get("ExportBenchmark.renderOnly")[0]
b = get("ExportBenchmark.encodeOnly")[0]
floor = max(a, (a + b) / 2)
print()
print(f"floor max(a, (a + b) / 2) = max({a:.1f}, {(a + b) / 2:.1f}) = {floor:.1f} ms a frame; one core's a + b = {a + b:.1f} ms")
for name in ("ExportBenchmark.fullExport", "ExportFormatsBenchmark.png1080"):
    print(f"{name}: {get(name)[0]:.1f} ms a frame, {get(name)[0] / floor:.2f}× the floor (target ≤ 1.1×), "
          f"{get(name)[0] / (a + b):.2f}× a + b")
    m = rows.get(name)
    if m and m.get("rawData"):
        print("  its measured iterations (forks apart by |): "
              + " | ".join(", ".join(f"{x:.1f}" for x in fork) for fork in m["rawData"]) + " ms")
for name, target in (("ExportFormatsBenchmark.mp4At1080", 10), ("ExportFormatsBenchmark.gifAt720", 10)):
    print(f"{name}: {1000 / get(name)[0]:.1f} frames/s (target ≥ {target})")
print(f"svgFrameFiftySteps: {get('ExportFormatsBenchmark.svgFrameFiftySteps')[0]:.1f} ms (target < 100 ms); "
      f"lessonPdf: {get('ExportFormatsBenchmark.lessonPdf')[0]:.1f} ms (target < 5000 ms)")
PY
