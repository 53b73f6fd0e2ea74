#!/usr/bin/env bash
# Query benchmark. Prints Markdown on stdout:
#  1. in-process latency of a fixed query set (p50/p95/p99, 1 and 2 threads), after warm-up;
#  2. the same for bare Lucene (StandardAnalyzer, one field, no entities, no highlighting);
#  3. whole-process search (`scripts/newsarchive search`, JVM start included), median of 10,
#     beside `rg -l -i` (ripgrep) and the sqlite3 CLI on an FTS5 table of the same files.
#
#   scripts/bench/query.sh [INDEX] [CORPUS]
#
# INDEX: an existing newsarchive index (default: index CORPUS into a temporary one, with
# entities). CORPUS: default ../shared/data/reuters-articles. Needs rg (Debian: ripgrep) and
# sqlite3 for part 3 (ripgrep is installed with apt-get when missing and run as root); parts they
# need are skipped without them, and the output says so.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus="$(realpath "${2:-$home/../shared/data/reuters-articles}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
seconds="${BENCH_SECONDS:-2}"

(cd "$home" && mvn -q -B -Dstyle.color=never -DskipTests package >/dev/null 2>&1 \
  && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1)
cp="$home/target/test-classes:$home/target/classes:$(cat "$work/cp.txt")"

if [[ -n "${1:-}" ]]; then
  index="$(realpath "$1")"
else
  index="$work/index"
  java -jar "$home/target/newsarchive.jar" --index "$index" index --quiet "$corpus" >/dev/null
fi
articles=$(java -jar "$home/target/newsarchive.jar" --index "$index" stats --format json | grep -o '"articles" : [0-9]*' | grep -o '[0-9]*$')

echo "### Queries: $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "Index: $articles articles from \`$corpus\`. Command: \`scripts/bench/query.sh ${1:-} ${2:-}\`"
echo "(each query run for ${seconds} s per measurement after 3 warm-up rounds; search = top 10 with snippets and entities)."
echo
echo "#### In process"
echo
java -Xmx256m -cp "$cp" org.newsarchive.bench.QueryBench "$index" "$seconds"
echo
java -cp "$cp" org.newsarchive.bench.BareLuceneBaseline index "$corpus" "$work/bare" 2 >"$work/bare.txt"
java -Xmx256m -cp "$cp" org.newsarchive.bench.BareLuceneBaseline search "$work/bare" "$seconds"
echo
echo "#### Whole process (median of 10 runs, milliseconds)"
echo
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() { # timed CMD... -> median wall ms of 10 runs
  local t=()
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    t+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${t[@]}" | median
}
na() { "$home/scripts/newsarchive" --index "$index" search "$@"; }
na cocoa >/dev/null 2>&1 || true  # first run makes the class-data sharing archive
if command -v sqlite3 >/dev/null; then
  python3 - "$corpus" "$work/fts.db" <<'PY'
import os, sqlite3, sys
corpus, db = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
con.execute("create virtual table articles using fts5(path unindexed, body)")
rows = []
for d, _, fs in os.walk(corpus):
    for f in fs:
        if f.endswith(".txt"):
            p = os.path.join(d, f)
            with open(p, encoding="utf-8", errors="replace") as fh:
                rows.append((p, fh.read()))
con.executemany("insert into articles values (?, ?)", rows)
con.commit()
PY
fi
if ! command -v rg >/dev/null && command -v apt-get >/dev/null && [[ "$(id -u)" == 0 ]]; then
  apt-get install -y -qq ripgrep >/dev/null 2>&1 || true  # the comparison needs it; skipped if it fails
fi
echo "| query | newsarchive search | rg -l -i | sqlite3 FTS5 |"
echo "|---|---:|---:|---:|"
for q in cocoa "oil opec" "interest rates"; do
  n=$(timed na "$q" --limit 10)
  r="-"; s="-"
  if command -v rg >/dev/null; then
    # rg cannot AND words in one pass: the first word, the most favourable case for it
    r=$(timed rg -l -i -- "${q%% *}" "$corpus")
  fi
  if [[ -f "$work/fts.db" ]]; then
    s=$(timed sqlite3 "$work/fts.db" "select path, snippet(articles, 1, '[', ']', '...', 10) from articles where articles match '$q' order by rank limit 10")
  fi
  echo "| \`$q\` | $n | $r | $s |"
done
command -v rg >/dev/null || echo "(rg is not installed: Debian's ripgrep; its column is empty and nothing is compared with it)"
command -v sqlite3 >/dev/null || echo "(sqlite3 is not installed: Debian's sqlite3; its column is empty)"
echo
cat "$work/bare.txt"
