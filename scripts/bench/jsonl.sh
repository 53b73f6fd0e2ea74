#!/usr/bin/env bash
# JSON lines ingest benchmark: memory stays flat whatever the file's size, and a file that grew
# is read from where the last run stopped. Writes news-please-shaped archives of SIZES megabytes
# (default 200 and 2048) from the Reuters articles, indexes each from empty with one heap, then
# appends 1,000 records to the largest and runs again, then runs once more untouched.
# Prints a Markdown table on stdout.
#
#   scripts/bench/jsonl.sh [SIZES...]      (HEAP=256m by default)
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${NEWSARCHIVE_SHARED:-$home/../shared}"
sizes=("$@")
[[ ${#sizes[@]} -eq 0 ]] && sizes=(200 2048)
heap="${HEAP:-256m}"
jar="$home/target/newsarchive.jar"
work="${WORK:-$(mktemp -d)}"
trap 'rm -rf "$work"' EXIT
(cd "$home" && mvn -q -B -Dstyle.color=never -Dmaven.test.skip=true package >/dev/null 2>&1)

run() { # label file index -> one table row
  local label="$1" file="$2" index="$3"
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
    java "-Xmx$heap" -jar "$jar" --index "$index" index --no-entities --quiet --format json "$file" > "$work/summary" &
  # Peak RSS counts the index files the final merge maps (file pages the kernel can drop at
  # will); the anonymous part (heap, JIT, stacks) is what the process really holds.
  local anon=0 pid
  sleep 0.2
  pid=$(pgrep -n -f -- "--index $index index") || true
  while kill -0 "$!" 2>/dev/null; do
    if [[ -n "$pid" && -r /proc/$pid/status ]]; then
      local now
      now=$(awk '/^RssAnon:/ { print $2 }' /proc/$pid/status 2>/dev/null || echo 0)
      (( ${now:-0} > anon )) && anon=$now
    fi
    sleep 0.5
  done
  wait "$!"
  read -r wall user sys rss < "$work/time"
  local added unchanged bytes
  added=$(grep -o '"added" : [0-9]*' "$work/summary" | grep -o '[0-9]*$')
  unchanged=$(grep -o '"unchanged" : [0-9]*' "$work/summary" | grep -o '[0-9]*$')
  bytes=$(stat -c %s "$file")
  awk -v l="$label" -v m="$bytes" -v a="$added" -v n="$unchanged" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v x="$anon" \
    'BEGIN { printf "| %s | %.0f | %d | %d | %.1f | %.1f | %.0f | %.0f | %.0f | %.1f |\n", l, m/1048576, a, n, w, u+s, r/1024, x/1024, (a+n)/w, m/1048576/w }'
}

echo "### JSON lines ingest: $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "Archives from \`scripts/bench/make_jsonl.py $shared/data/reuters-articles OUT SIZE_MB\` (news-please records)."
echo "Command: \`java -Xmx$heap -jar target/newsarchive.jar --index INDEX index --no-entities FILE.jsonl\`"
echo
echo "| run | file MiB | added | unchanged | wall s | CPU s | peak RSS MiB | peak anonymous RSS MiB | records/s | MiB/s |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
last=""
for size in "${sizes[@]}"; do
  file="$work/feed-$size.jsonl"
  python3 "$home/scripts/bench/make_jsonl.py" "$shared/data/reuters-articles" "$file" "$size" 2>/dev/null
  rm -rf "$work/index-$size"
  run "from empty, $size MB" "$file" "$work/index-$size"
  last="$size"
done
file="$work/feed-$last.jsonl"
python3 "$home/scripts/bench/make_jsonl.py" "$shared/data/reuters-articles" "$work/more.jsonl" 2 --seed 2 2>/dev/null
head -n 1000 "$work/more.jsonl" | sed 's#/a/#/appended/#' >> "$file"
run "1,000 lines appended" "$file" "$work/index-$last"
run "untouched" "$file" "$work/index-$last"
