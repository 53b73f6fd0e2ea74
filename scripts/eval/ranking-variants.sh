#!/usr/bin/env bash
# Measures every ranking variant of docs/ranking.md on the Reuters development set and prints the
# Markdown table. Usage: scripts/eval/ranking-variants.sh [CORPUS] [OUTDIR]
# CORPUS defaults to ../shared/data/reuters-articles; it is indexed (without entities, which do
# not affect text ranking) into a temporary index, unless INDEX=DIR names an index of it already.
# OUTDIR, when given, receives each variant's per-topic JSON for scripts/eval/compare.py.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus="$(realpath "${1:-$home/../shared/data/reuters-articles}")"
outdir="${2:-}"
jar="$home/target/newsarchive.jar"
topics="$home/src/test/resources/eval/reuters-topics.tsv"
qrels="$home/src/test/resources/eval/reuters-qrels.txt"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$home" && mvn -q -B -Dstyle.color=never -Dmaven.test.skip=true package >/dev/null 2>&1)
index="${INDEX:-}"
if [[ -z "$index" ]]; then
  index="$work/index"
  java -jar "$jar" --index "$index" index --no-entities --quiet "$corpus" >/dev/null
fi
[[ -n "$outdir" ]] && mkdir -p "$outdir"

# label|ranking: "default" and "bm25" are the named rankings; anything else is an experiment
# spec whose unset keys keep the shipped values (k1 1.2, b 0.2, headline 0.5, op and-or, no
# phrase). The rows measured before the operator changed name op and headline explicitly.
variants=(
  "Baseline: bare BM25, one field, OR|bm25"
  "Before: AND, headline 2, k1 1.2, b 0.75|op=and,headline=2,b=0.75"
  "headline 0.5 (b 0.75)|op=and,b=0.75,headline=0.5"
  "headline 1 (b 0.75)|op=and,b=0.75,headline=1"
  "headline 3 (b 0.75)|op=and,b=0.75,headline=3"
  "headline 4 (b 0.75)|op=and,b=0.75,headline=4"
  "b 0.5|op=and,headline=2,b=0.5"
  "b 0.4|op=and,headline=2,b=0.4"
  "b 0.3|op=and,headline=2,b=0.3"
  "AND, headline 2, b 0.2 (shipped before)|op=and,headline=2"
  "b 0.1|op=and,headline=2,b=0.1"
  "b 0|op=and,headline=2,b=0"
  "k1 0.6 (b 0.2)|op=and,headline=2,k1=0.6"
  "k1 0.9 (b 0.2)|op=and,headline=2,k1=0.9"
  "k1 1.5 (b 0.2)|op=and,headline=2,k1=1.5"
  "k1 2.0 (b 0.2)|op=and,headline=2,k1=2"
  "headline 0.5 (b 0.2)|op=and,headline=0.5"
  "headline 1 (b 0.2)|op=and,headline=1"
  "headline 3 (b 0.2)|op=and,headline=3"
  "phrase 1, slop 0|op=and,headline=2,phrase=1,slop=0"
  "phrase 0.5, slop 4|op=and,headline=2,phrase=0.5,slop=4"
  "phrase 1, slop 4|op=and,headline=2,phrase=1,slop=4"
  "phrase 2, slop 4|op=and,headline=2,phrase=2,slop=4"
  "phrase 1, slop 10|op=and,headline=2,phrase=1,slop=10"
  "OR|headline=2,op=or"
  "OR, all words up to 2, else all but one (msm 2<-1)|headline=2,op=or,msm=2<-1"
  "OR, msm 2<-1, phrase 1 slop 4|headline=2,op=or,msm=2<-1,phrase=1,slop=4"
  "and-or, headline 1, b 0, phrase 1 slop 4|op=and-or,headline=1,b=0,phrase=1,slop=4"
  "msm 2<-1, headline 0.75, b 0, phrase 1 slop 4|op=or,msm=2<-1,headline=0.75,b=0,phrase=1,slop=4"
  "AND then partial, headline 2 (and-or)|op=and-or,headline=2"
  "AND then partial, headline 0.5|op=and-or,headline=0.5"
  "**shipped: AND then partial, headline 1, b 0.2**|default"
)

echo "| variant | \`--ranking\` | MAP | nDCG@10 | P@10 | recall@100 |"
echo "|---|---|---:|---:|---:|---:|"
for variant in "${variants[@]}"; do
  label="${variant%%|*}"
  ranking="${variant##*|}"
  java -jar "$jar" --index "$index" eval --topics "$topics" --qrels "$qrels" --ranking "$ranking" \
    --per-topic --format json >"$work/out.json"
  [[ -n "$outdir" ]] && cp "$work/out.json" "$outdir/$ranking.json"
  python3 - "$work/out.json" "$label" "$ranking" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(f"| {sys.argv[2]} | `{sys.argv[3]}` | {d['map']:.4f} | {d['ndcg_10']:.4f} | {d['p_10']:.4f} | {d['recall_100']:.4f} |")
PY
done
