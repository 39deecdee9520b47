#!/bin/sh
# CPU time of the PNG export against drawing (a) and encoding (b) alone, in turns in one JVM
# (org.unrolled.bench.ExportCpuProbe): for a machine that other programs keep busy, where the wall-clock
# figures of export.sh say little. Prints each round's figures a frame and the load averages.
#
#   tools/bench/export-cpu.sh        # 5 rounds after 3 warm-up rounds: about 2 minutes
#   tools/bench/export-cpu.sh 10     # 10 rounds
set -eu
cd "$(dirname "$0")/../.."
cp=$(mktemp)
log=$(mktemp)
trap 'rm -f "$cp" "$log"' EXIT
mvn -B -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test \
    > "$log" 2>&1 || { tail -40 "$log"; exit 1; }
java -cp "target/test-classes:target/classes:$(cat "$cp")" org.unrolled.bench.ExportCpuProbe "${1:-5}" 2>&1 \
    | grep -v '^WARNING'
