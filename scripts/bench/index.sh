#!/usr/bin/env bash
# Indexing benchmark: indexes CORPUS into an empty temporary index, with and without entity
# extraction, then re-indexes it unchanged, and indexes it with bare Lucene (StandardAnalyzer,
# one field, 2 threads: the floor of what Lucene costs) in the same run, for the ratio.
# Prints a Markdown table on stdout.
#
#   scripts/bench/index.sh [CORPUS] [-- extra index options]
#
# CORPUS defaults to ../shared/data/reuters-articles. JVM options: NEWSARCHIVE_JAVA_OPTS
# (e.g. -Xmx1g). KEEP_INDEX=DIR keeps the index built with entities in DIR. PAIRS=N (default 3):
# interleaved repeats of the without-entities and bare runs, for a median ratio. Each figure of
# the table is one run: on a shared machine, compare ratios within a run.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus="$(realpath "${1:-$home/../shared/data/reuters-articles}")"
shift || true
[[ "${1:-}" == "--" ]] && shift
extra=("$@")
jar="$home/target/newsarchive.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
read -r -a java_opts <<< "${NEWSARCHIVE_JAVA_OPTS:-}"

(cd "$home" && mvn -q -B -Dstyle.color=never -DskipTests package >/dev/null 2>&1 \
  && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1)
cp="$home/target/test-classes:$home/target/classes:$(cat "$work/cp.txt")"

# read every file once so that no run pays for a cold page cache more than another
find "$corpus" -name '*.txt' -not -path '*/.*' -print0 | xargs -0 cat > /dev/null
files=$(find "$corpus" -name '*.txt' -not -path '*/.*' | wc -l)
bytes=$(find "$corpus" -name '*.txt' -not -path '*/.*' -printf '%s\n' | awk '{s+=$1} END {print s}')

echo "### Indexing $(basename "$corpus"): $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "Corpus \`$corpus\`: $files files, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b/1048576}') MiB."
echo "Command: \`java ${java_opts[*]:-} -jar target/newsarchive.jar --index TMP index [--no-entities] ${extra[*]:-} CORPUS\`"
echo
echo "| run | wall s | CPU s (user+sys) | peak RSS MiB | articles/s | MB/s | index MiB |"
echo "|---|---:|---:|---:|---:|---:|---:|"

run() { # run LABEL INDEX_DIR ARGS...
  local label=$1 index=$2
  shift 2
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
    java "${java_opts[@]}" -jar "$jar" --index "$index" index --quiet --format json "$@" "${extra[@]}" "$corpus" \
    >"$work/out" 2>"$work/err" || { echo "failed: $label" >&2; cat "$work/err" >&2; }
  read -r wall user sys rss < "$work/time"
  local size
  size=$(du -sb "$index" | cut -f1)
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v n="$files" -v b="$bytes" -v z="$size" \
    'BEGIN { printf "| %s | %.1f | %.1f | %.0f | %.0f | %.2f | %.1f |\n", l, w, u+s, r/1024, n/w, b/1e6/w, z/1048576 }'
  awk -v n="$files" -v w="$wall" 'BEGIN { printf "%.0f\n", n/w }' >> "$work/rates"
}

run "without entities, from empty" "$work/plain" --no-entities
run "with entities, from empty" "$work/full"
run "with entities, unchanged re-run" "$work/full"

# KEEP_INDEX=DIR keeps the index with entities there (for scripts/bench/query.sh)
if [[ -n "${KEEP_INDEX:-}" ]]; then
  rm -rf "$KEEP_INDEX"
  mv "$work/full" "$KEEP_INDEX"
fi

# bare Lucene, same JVM options, same corpus, timed the same way; then the same with English
# analysis and the whole text stored, as newsarchive must
bare() { # bare LABEL DIR [stored-english]
  local label=$1 dir=$2
  shift 2
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
    java "${java_opts[@]}" -cp "$cp" org.newsarchive.bench.BareLuceneBaseline index "$corpus" "$dir" 2 "$@" >"$work/out"
  read -r wall user sys rss < "$work/time"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v n="$files" -v b="$bytes" -v z="$(du -sb "$dir" | cut -f1)" \
    'BEGIN { printf "| %s | %.1f | %.1f | %.0f | %.0f | %.2f | %.1f |\n", l, w, u+s, r/1024, n/w, b/1e6/w, z/1048576 }'
  awk -v n="$files" -v w="$wall" 'BEGIN { printf "%.0f\n", n/w }' >> "$work/rates"
}
bare "bare Lucene (StandardAnalyzer, one field, no entities), from empty" "$work/bare"
bare "bare Lucene, EnglishAnalyzer and the whole text stored, from empty" "$work/bare-english" stored-english
echo
awk 'NR==1 {p=$1} NR==4 {b=$1} NR==5 {e=$1} END {
  printf "Without entities / bare Lucene, articles/s: %.0f / %.0f = %.2fx\n", p, b, p/b
  printf "Without entities / bare Lucene with English analysis and stored text: %.0f / %.0f = %.2fx\n", p, e, p/e }' "$work/rates"

# PAIRS=N (default 3) more runs of newsarchive without entities and bare Lucene, interleaved, so
# that a slow moment of a shared machine hits both sides: the median of their ratios.
pairs="${PAIRS:-3}"
if (( pairs > 0 )); then
  : > "$work/pairs"
  for ((i = 1; i <= pairs; i++)); do
    rm -rf "$work/pair-ours" "$work/pair-bare"
    /usr/bin/time -f '%e' -o "$work/t1" java "${java_opts[@]}" -jar "$jar" --index "$work/pair-ours" index --quiet \
      --no-entities "${extra[@]}" "$corpus" >/dev/null 2>&1
    /usr/bin/time -f '%e' -o "$work/t2" java "${java_opts[@]}" -cp "$cp" org.newsarchive.bench.BareLuceneBaseline \
      index "$corpus" "$work/pair-bare" 2 >/dev/null
    echo "$(cat "$work/t1") $(cat "$work/t2")" >> "$work/pairs"
  done
  echo
  echo "Interleaved pairs, without entities / bare Lucene (wall s): $(awk '{printf "%s%.1f/%.1f", (NR > 1 ? ", " : ""), $1, $2}' "$work/pairs")"
  awk '{print $2 / $1}' "$work/pairs" | sort -n | awk '{r[NR] = $1} END {
    m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
    printf "Median ratio of articles/s over %d pairs: %.2fx (range %.2f-%.2fx)\n", NR, m, r[1], r[NR] }'
fi
