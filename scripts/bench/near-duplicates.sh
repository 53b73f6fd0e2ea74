#!/usr/bin/env bash
# Near-duplicate detection on planted copies: precision and recall of MinHash (word pairs, 64
# minima, 16 bands) at several similarity thresholds, for copies with 1, 3, 6 and 10 words
# deleted and as many inserted. Prints a Markdown table on stdout.
#
#   scripts/bench/near-duplicates.sh [CORPUS] [COPIES]
#
# CORPUS defaults to ../shared/data/reuters-articles; COPIES (default 1000) articles without a
# near-duplicate of their own each get one planted copy per run.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus="$(realpath "${1:-$home/../shared/data/reuters-articles}")"
copies="${2:-1000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$home" && mvn -q -B -Dstyle.color=never -DskipTests package >/dev/null 2>&1 \
  && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1)
cp="$home/target/test-classes:$home/target/classes:$(cat "$work/cp.txt")"

echo "### Near-duplicates: $(date -u +%Y-%m-%d), corpus \`$corpus\`"
echo
java -cp "$cp" org.newsarchive.bench.NearDuplicateEval "$corpus" "$copies" 1,3,6,10
