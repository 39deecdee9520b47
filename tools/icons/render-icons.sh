#!/bin/sh
# Renders Unrolled's application icon from its SVG sources in assets/icons/ into the PNGs beside
# them (16 ... 512 px), a Windows .ico and a macOS .icns (for jpackage; see docs/packaging.md).
#   16 px        <- unrolled-16.svg    (pixel-aligned)
#   32, 48 px    <- unrolled-small.svg (no inputs/outputs, thicker wire)
#   64 px and up <- unrolled.svg       (the master)
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
set -eu
cd "$(dirname "$0")/../../assets/icons"
render() { rsvg-convert --width "$2" --height "$2" --output "unrolled-$2.png" "$1"; }
render unrolled-16.svg 16
render unrolled-small.svg 32
render unrolled-small.svg 48
for size in 64 128 256 512; do render unrolled.svg "$size"; done
convert unrolled-16.png unrolled-32.png unrolled-48.png unrolled-64.png unrolled-128.png unrolled-256.png unrolled.ico
png2icns unrolled.icns unrolled-16.png unrolled-32.png unrolled-48.png unrolled-128.png unrolled-256.png unrolled-512.png >/dev/null
ls -l unrolled*.png unrolled.ico unrolled.icns
