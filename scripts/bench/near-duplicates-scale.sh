#!/usr/bin/env bash
# The cost of counting near-duplicate clusters on a large index: `stats` (which counts them) run
# with the JVM settings the launcher gives short commands (scripts/newsarchive: C1 only, serial
# collector, 256 MB heap), timed, with its heap read from the collector's log. Prints a Markdown
# table on stdout.
#
#   scripts/bench/near-duplicates-scale.sh INDEX [JAR]
#
# JAR defaults to target/newsarchive.jar (built when missing). RUNS (default 3) runs are made;
# HEAP (default 256m) sets -Xmx, to find how small a heap still does. Peak heap is the most the
# collector found in use before a collection or at exit; live heap the most it left after one
# (what the command holds, an upper bound). A run that runs out of memory is reported as such.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [[ $# -lt 1 || ! -d "$1" ]]; then
  echo "usage: near-duplicates-scale.sh INDEX [JAR]  (INDEX: an index folder)" >&2
  exit 2
fi
index="$(realpath "$1")"
jar="${2:-$home/target/newsarchive.jar}"
if [[ -z "${2:-}" && ! -f "$jar" ]]; then
  (cd "$home" && mvn -q -B -Dstyle.color=never -DskipTests package >/dev/null)
fi
[[ -f "$jar" ]] || { echo "near-duplicates-scale.sh: no jar at $jar" >&2; exit 2; }
runs="${RUNS:-3}"
heap="${HEAP:-256m}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# the launcher's settings for short commands, as in scripts/newsarchive (no class-data archive)
jvm=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xss512k "-Xmx$heap" -XX:CICompilerCount=1)

echo "### Near-duplicate clusters at scale: $(date -u +%Y-%m-%d), \`stats\` with -Xmx$heap"
echo
echo "index \`$index\` ($(du -sh "$index" | cut -f1)), jar \`$jar\` ($(date -u -r "$jar" +%Y-%m-%dT%H:%MZ)), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg) at start"
echo
echo "| run | result | wall s | peak heap MiB | live heap after GC MiB | RSS MiB |"
echo "|---:|---|---:|---:|---:|---:|"
walls=()
for ((run = 1; run <= runs; run++)); do
  gc="$work/gc-$run.log"
  set +e
  /usr/bin/time -f "%e %M" -o "$work/time" \
    java "${jvm[@]}" "-Xlog:gc,gc+heap+exit:file=$gc" -jar "$jar" --index "$index" stats >"$work/out" 2>"$work/err"
  code=$?
  set -e
  read -r wall rss_kb < <(tail -1 "$work/time")
  # "GC(3) Pause Young (Allocation Failure) 70M->41M(247M) 12.3ms": before -> after (capacity)
  read -r peak live < <(grep -oE '[0-9]+M->[0-9]+M\(' "$gc" | tr -d '(' | tr 'M>-' '   ' \
    | awk 'BEGIN { p = 0; l = "no GC" } { if ($1 > p) p = $1; if (l == "no GC" || $2 > l) l = $2 } END { print p, l }')
  # the heap at exit ("def new generation total 78656K, used 45200K" and "tenured ... used")
  at_exit=$(grep -oE '(generation|space) +total [0-9]+K, used [0-9]+K' "$gc" | grep -oE 'used [0-9]+K' \
    | tr -dc '0-9\n' | awk '{ s += $1 } END { printf "%d", s / 1024 }')
  ((at_exit > peak)) && peak=$at_exit
  if grep -qiE "OutOfMemoryError|out of memory" "$work/err" "$work/out"; then
    result="OutOfMemoryError (exit $code)"
  elif ((code != 0)); then
    result="exit $code: $(head -1 "$work/err")"
  else
    result="$(grep -E '^copies' "$work/out" | sed -E 's/^copies +//')"
    walls+=("$wall")
  fi
  echo "| $run | $result | $wall | $peak | $live | $((rss_kb / 1024)) |"
done
echo
if ((${#walls[@]} > 0)); then
  median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  echo "median wall time of the ${#walls[@]} successful runs: $median s"
else
  echo "no run succeeded"
fi
