#!/usr/bin/env bash
# Query benchmark. Prints Markdown on stdout:
#  1. in-process latency of a fixed query set (p50/p95/p99, 1 and 2 threads), after warm-up;
#  2. the same for bare Lucene (StandardAnalyzer, one field, no entities, no highlighting);
#  3. whole processes, in the same run and in interleaved rounds: `scripts/newsarchive search`
#     (JVM start included, no server), `rg -l -i WORD` over the corpus folder, and the sqlite3
#     CLI answering the same searches from an FTS5 table of the same articles (built once per
#     run in a temporary folder, its build time reported on its own line): median and minimum
#     wall time, median CPU time (user+sys), and the ratios of the medians.
#
#   scripts/bench/query.sh [INDEX] [CORPUS]
#
# INDEX: an existing newsarchive index (default: index CORPUS into a temporary one, with
# entities). CORPUS: default ../shared/data/reuters-articles. BENCH_SECONDS: seconds per query
# and measurement in parts 1-2 (default 2); BENCH_RUNS: rounds in part 3 (default 20);
# BENCH_ONLY=whole: part 3 only; BENCH_IDLE=0.9: each round of part 3 starts only after a second
# in which the CPUs were at least 90% idle (on a shared machine: the others' load kept out of the
# rounds, not out of the build). Part 3 needs rg (Debian: ripgrep) and sqlite3: when one is
# missing it is installed with apt-get if this runs as root; otherwise its column is empty,
# no ratio against it is printed, and the output says why.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus="$(realpath "${2:-$home/../shared/data/reuters-articles}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
seconds="${BENCH_SECONDS:-2}"

runs="${BENCH_RUNS:-20}"
only="${BENCH_ONLY:-}"

(cd "$home" && mvn -q -B -Dstyle.color=never -DskipTests package >/dev/null 2>&1)
if [[ "$only" != whole ]]; then
  (cd "$home" && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1)
  cp="$home/target/test-classes:$home/target/classes:$(cat "$work/cp.txt")"
fi

if [[ -n "${1:-}" ]]; then
  index="$(realpath "$1")"
else
  index="$work/index"
  java -jar "$home/target/newsarchive.jar" --index "$index" index --quiet "$corpus" >/dev/null
fi
articles=$(java -jar "$home/target/newsarchive.jar" --index "$index" stats --format json | grep -o '"articles" : [0-9]*' | grep -o '[0-9]*$')

echo "### Queries: $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
settings=""
[[ -n "${BENCH_ONLY:-}" ]] && settings+="BENCH_ONLY=$BENCH_ONLY "
[[ -n "${BENCH_RUNS:-}" ]] && settings+="BENCH_RUNS=$BENCH_RUNS "
[[ -n "${BENCH_SECONDS:-}" ]] && settings+="BENCH_SECONDS=$BENCH_SECONDS "
[[ -n "${BENCH_IDLE:-}" ]] && settings+="BENCH_IDLE=$BENCH_IDLE "
echo "Index: $articles articles from \`$corpus\`. Command: \`${settings}scripts/bench/query.sh ${1:-} ${2:-}\`"
if [[ "$only" != whole ]]; then
  echo "(each query run for ${seconds} s per measurement after 3 warm-up rounds; search = top 10 with snippets and entities)."
  echo
  echo "#### In process"
  echo
  java -Xmx256m -cp "$cp" org.newsarchive.bench.QueryBench "$index" "$seconds"
  echo
  java -cp "$cp" org.newsarchive.bench.BareLuceneBaseline index "$corpus" "$work/bare" 2 >"$work/bare.txt"
  java -Xmx256m -cp "$cp" org.newsarchive.bench.BareLuceneBaseline search "$work/bare" "$seconds"
fi
echo
echo "#### Whole process: newsarchive, ripgrep, sqlite3 ($runs interleaved rounds, milliseconds)"
echo

# A running `newsarchive serve` for this index would answer the launcher's searches itself.
if [[ -f "$index/serve.address" ]]; then
  pid=$(sed -n 's/^pid=//p' "$index/serve.address")
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    echo "query.sh: a server (pid $pid) is running for $index: the launcher would send the searches to it; stop it first" >&2
    exit 1
  fi
fi

# The tools compared with, installed when missing if we may; why not, otherwise.
declare -A missing=()
need() { # need COMMAND PACKAGE: installs PACKAGE when COMMAND is missing, or records why it is not there
  local command=$1 package=$2
  command -v "$command" >/dev/null && return 0
  if ! command -v apt-get >/dev/null; then
    missing[$command]="$command is not installed, and there is no apt-get to install it (Debian: $package)"
  elif [[ "$(id -u)" != 0 ]]; then
    missing[$command]="$command is not installed, and this run is not root, so it was not installed (apt-get install $package)"
  elif ! { apt-get install -y -qq "$package" >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "$package" >/dev/null 2>&1; }; } \
      || ! command -v "$command" >/dev/null; then
    missing[$command]="$command is not installed, and 'apt-get install $package' failed"
  fi
}
need rg ripgrep
need sqlite3 sqlite3

# The FTS5 table: the corpus's article files (*.txt, as the index has them), one row each,
# read and tokenised by the sqlite3 CLI itself (its readfile()), in one transaction.
if [[ -z "${missing[sqlite3]:-}" ]]; then
  find "$corpus" -name '*.txt' -not -path '*/.*' >"$work/files.txt"
  /usr/bin/env python3 - "$work" <<'PY' >"$work/build.txt"
import os, resource, subprocess, sys, time
work = sys.argv[1]
script = """create virtual table articles using fts5(path unindexed, body);
create temp table files(path text);
.separator "\\t" "\\n"
.import %s/files.txt files
begin;
insert into articles select path, cast(readfile(path) as text) from files;
commit;
""" % work
start = time.perf_counter()
subprocess.run(["sqlite3", os.path.join(work, "fts.db")], input=script, text=True, check=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{wall:.2f} {usage.ru_utime + usage.ru_stime:.2f}")
PY
  read -r build_wall build_cpu <"$work/build.txt"
  rows=$(sqlite3 "$work/fts.db" 'select count(*) from articles')
  echo "FTS5 table: $rows articles of \`$corpus\` in $(du -h "$work/fts.db" | cut -f1)B, built by the sqlite3 CLI in ${build_wall} s (CPU ${build_cpu} s), once, before the rounds; not in the times below."
  echo
fi

# timings NAME CMD... [:: NAME CMD...]...: runs the commands in turn, RUNS rounds after one
# round of warm-up (the class-data sharing archive, the page cache), output discarded; prints
# per command a tab-separated line: name, median and min wall, median and min CPU (ms; see rounds.py).
timings() {
  python3 "$home/scripts/bench/rounds.py" "$runs" "$@"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

declare -A med=() low=() used=()
cell() { [[ -n "${med[$1]:-}" ]] && echo "${med[$1]} / ${low[$1]} / ${used[$1]}" || echo "-"; }
over() { [[ -n "${med[$1]:-}" ]] && ratio "${med[newsarchive]}" "${med[$1]}" || echo "-"; }
echo "| query | newsarchive search: median / min / CPU | rg -l -i | sqlite3 FTS5 | newsarchive ÷ rg | newsarchive ÷ sqlite3 |"
echo "|---|---:|---:|---:|---:|---:|"
for q in cocoa "oil opec" "interest rates"; do
  commands=(newsarchive "$home/scripts/newsarchive" --index "$index" search "$q" --limit 10)
  # rg cannot AND words in one pass: the first word only, the most favourable case for it
  [[ -z "${missing[rg]:-}" ]] && commands+=(:: rg rg -l -i -- "${q%% *}" "$corpus")
  [[ -z "${missing[sqlite3]:-}" ]] && commands+=(:: sqlite3 sqlite3 "$work/fts.db"
    "select path, snippet(articles, 1, '[', ']', '...', 10) from articles where articles match '$q' order by rank limit 10")
  med=() low=() used=()
  while IFS=$'\t' read -r name m l c _; do med[$name]=$m; low[$name]=$l; used[$name]=$c; done < <(timings "${commands[@]}")
  echo "| \`$q\` | $(cell newsarchive) | $(cell rg) | $(cell sqlite3) | $(over rg) | $(over sqlite3) |"
done
echo
idle_note=""
[[ -n "${BENCH_IDLE:-}" ]] && idle_note=", each started after a second with the CPUs at least $(awk -v i="$BENCH_IDLE" 'BEGIN { printf "%.0f", i * 100 }')% idle"
echo "Each cell: median / minimum wall time / median CPU time (user+sys), ms, over $runs rounds$idle_note, in which the"
echo "three commands ran in turn. newsarchive: \`scripts/newsarchive --index INDEX search QUERY --limit 10\`"
echo "(JVM start, top 10 with snippets, no server). rg: \`rg -l -i WORD CORPUS\`, the query's first word."
echo "sqlite3: \`sqlite3 DB \"select path, snippet(...) ... match 'QUERY' order by rank limit 10\"\`."
for tool in rg sqlite3; do
  [[ -n "${missing[$tool]:-}" ]] && echo "No ratio against $tool: ${missing[$tool]}."
done
if [[ "$only" != whole ]]; then
  echo
  cat "$work/bare.txt"
fi
