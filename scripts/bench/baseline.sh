#!/usr/bin/env bash
# First baseline: index a corpus from empty, re-index it unchanged, and time whole-process
# searches (JVM start included). Usage: scripts/bench/baseline.sh [CORPUS] [RUNS]
# CORPUS defaults to ../shared/data/reuters-articles. Prints a Markdown report on stdout.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus="$(realpath "${1:-$home/../shared/data/reuters-articles}")"
runs="${2:-10}"
jar="$home/target/newsarchive.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$home" && mvn -q -B -Dstyle.color=never -Dmaven.test.skip=true package >/dev/null 2>&1)

files=$(find "$corpus" -name '*.txt' -not -path '*/.*' | wc -l)
bytes=$(find "$corpus" -name '*.txt' -not -path '*/.*' -printf '%s\n' | awk '{s+=$1} END {print s}')

measure() { # measure LABEL CMD... -> "wall_s user_s sys_s maxrss_kb"
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || true
  cat "$work/time"
}

echo "## Baseline: $(date -u +%Y-%m-%d) on $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "Corpus: \`$corpus\`: $files files, $((bytes / 1024 / 1024)) MiB"
echo
read -r wall user sys rss < <(measure java -jar "$jar" --index "$work/index" index --format json "$corpus")
added=$(grep -o '"added" : [0-9]*' "$work/out" | grep -o '[0-9]*$')
size=$(du -sb "$work/index" | cut -f1)
echo "| step | wall s | user s | sys s | peak RSS MiB | articles/s | MB/s |"
echo "|---|---|---|---|---|---|---|"
awk -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v n="$added" -v b="$bytes" \
  'BEGIN { printf "| index from empty (%d articles) | %.2f | %.2f | %.2f | %.0f | %.0f | %.2f |\n", n, w, u, s, r/1024, n/w, b/1e6/w }'
read -r wall user sys rss < <(measure java -jar "$jar" --index "$work/index" index "$corpus")
awk -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v n="$files" \
  'BEGIN { printf "| re-index, nothing changed | %.2f | %.2f | %.2f | %.0f | %.0f | - |\n", w, u, s, r/1024, n/w }'
echo
echo "Index size: $((size / 1024 / 1024)) MiB"
echo
echo "Whole-process search (\`java -jar target/newsarchive.jar search ...\`, JVM start included), $runs runs each:"
echo
echo "| query | hits | median wall ms | min ms | median took_ms (in-process, cold JVM) |"
echo "|---|---|---|---|---|"
while IFS= read -r query; do
  [[ -z "$query" ]] && continue
  walls=(); tooks=()
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    java -jar "$jar" --index "$work/index" search --format json --limit 10 $query >"$work/out"
    end=$(date +%s%N)
    walls+=($(( (end - start) / 1000000 )))
    tooks+=($(grep -o '"took_ms" : [0-9]*' "$work/out" | grep -o '[0-9]*$'))
  done
  total=$(grep -o '"total" : [0-9]*' "$work/out" | grep -o '[0-9]*$')
  med=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  min=$(printf '%s\n' "${walls[@]}" | sort -n | head -1)
  tmed=$(printf '%s\n' "${tooks[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "| \`$query\` | $total | $med | $min | $tmed |"
done <<'QUERIES'
cocoa
"interest rates" --from 1987-03 --to 1987-03
oil AND opec --sort newest
*:* --from 1987-04-01 --to 1987-04-01
QUERIES
