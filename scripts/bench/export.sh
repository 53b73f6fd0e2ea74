#!/usr/bin/env bash
# Export benchmark: `search --all --format jsonl` of every match of QUERY (default: every
# article) from INDEX, with small heaps, to show that memory stays bounded whatever the number
# of hits. Prints a Markdown table on stdout: lines, bytes, wall and CPU time, peak RSS.
#
#   scripts/bench/export.sh INDEX [QUERY]
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
index="$(realpath "$1")"
query="${2:-*:*}"
jar="$home/target/newsarchive.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$home" && mvn -q -B -Dstyle.color=never -Dmaven.test.skip=true package >/dev/null 2>&1)

total=$(java -jar "$jar" --index "$index" search --limit 0 --format json "$query" | grep -o '"total" : [0-9]*' | grep -o '[0-9]*$')
echo "### Export: $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "Index \`$index\`, query \`$query\`: $total matches."
echo "Command: \`java -XmxN -jar target/newsarchive.jar --index INDEX search --all --format jsonl [--fields F] QUERY > FILE\`"
echo
echo "| heap | fields | lines | MiB written | wall s | CPU s (user+sys) | peak RSS MiB | articles/s |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for heap in 64m 256m; do
  for fields in all id,date,headline; do
    extra=()
    [[ "$fields" != all ]] && extra=(--fields "$fields")
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
      java "-Xmx$heap" -jar "$jar" --index "$index" search --all --format jsonl "${extra[@]}" "$query" > "$work/out"
    read -r wall user sys rss < "$work/time"
    lines=$(wc -l < "$work/out")
    bytes=$(stat -c %s "$work/out")
    awk -v h="$heap" -v f="$fields" -v l="$lines" -v b="$bytes" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
      'BEGIN { printf "| %s | %s | %d | %.1f | %.1f | %.1f | %.0f | %.0f |\n", h, f, l, b/1048576, w, u+s, r/1024, l/w }'
    [[ "$lines" == "$total" ]] || { echo "exported $lines lines, expected $total" >&2; exit 1; }
  done
done
