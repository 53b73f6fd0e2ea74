#!/usr/bin/env bash
# Renders `timeline --svg` charts in a real browser (headless Chromium, Debian package
# `chromium`) and checks the screenshots: the browser must draw the chart, with bars of both
# series' colours and text. Not part of CI (it needs Chromium); run it after changing the SVG.
#
#   scripts/check/timeline-svg.sh [INDEX] [OUTDIR]
#
# INDEX: an index to chart (default: the Reuters articles indexed without entities into a
# temporary folder). OUTDIR keeps the SVG files and screenshots (default: a temporary folder).
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="${2:-$work/out}"
mkdir -p "$out"
browser="$(command -v chromium || command -v chromium-browser || true)"
[[ -n "$browser" ]] || { echo "needs Chromium (Debian: apt-get install chromium)" >&2; exit 1; }

(cd "$home" && mvn -q -B -Dstyle.color=never -Dmaven.test.skip=true package >/dev/null)
jar="$home/target/newsarchive.jar"
index="${1:-}"
if [[ -z "$index" ]]; then
  index="$work/index"
  java -jar "$jar" --index "$index" index --no-entities --quiet "$home/../shared/data/reuters-articles" >/dev/null
fi

charts=(
  "cocoa-by-week|cocoa --by week"
  "cocoa-vs-coffee|cocoa --compare coffee --by month"
  "oil-share|oil --share --by week"
)
status=0
for chart in "${charts[@]}"; do
  name="${chart%%|*}"
  read -r -a args <<< "${chart#*|}"
  java -jar "$jar" --index "$index" timeline "${args[@]}" --svg "$out/$name.svg" > /dev/null
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=960,480 \
    --screenshot="$out/$name.png" "file://$out/$name.svg" > /dev/null 2>&1
  # the screenshot must exist and show the chart: white background, dark text and axes, and
  # the blue bars (and the orange ones when two queries are compared)
  python3 - "$out/$name.png" "$name" <<'PY' || status=1
import struct, sys, zlib
path, name = sys.argv[1], sys.argv[2]
data = open(path, 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, chunks, width, height = 8, [], 0, 0
while pos < len(data):
    length, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b'IHDR':
        width, height, depth, colour = struct.unpack('>IIBB', body[:10])
        channels = {2: 3, 6: 4}[colour]
    elif kind == b'IDAT':
        chunks.append(body)
    pos += 12 + length
raw = zlib.decompress(b''.join(chunks))
stride = width * channels
pixels, prev, i = [], bytearray(stride), 0
for _ in range(height):
    f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
    for x in range(stride):
        a = line[x - channels] if x >= channels else 0
        b, c = prev[x], prev[x - channels] if x >= channels else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    pixels.append(line); prev = line
def count(test):
    return sum(1 for row in pixels for x in range(0, stride, channels) if test(row[x], row[x + 1], row[x + 2]))
white = count(lambda r, g, b: r > 245 and g > 245 and b > 245)
dark = count(lambda r, g, b: r < 90 and g < 90 and b < 90)
blue = count(lambda r, g, b: abs(r - 0x1f) < 30 and abs(g - 0x5f) < 30 and abs(b - 0xa8) < 30)
orange = count(lambda r, g, b: abs(r - 0xe0) < 30 and abs(g - 0x89) < 30 and abs(b - 0x2b) < 30)
total = width * height
print(f"{name}: {width}x{height}, white {white / total:.0%}, dark {dark} px, blue {blue} px, orange {orange} px")
assert white > total * 0.5, 'no white background: the browser drew no chart'
assert dark > 500, 'no text or axes'
assert blue > 200, 'no bars of the first query'
if 'vs' in name:
    assert orange > 200, 'no bars of the second query'
PY
done
echo "SVG files and screenshots: $out"
exit $status
