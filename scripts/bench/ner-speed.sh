#!/usr/bin/env bash
# Tagging speed and model load time of named-entity models, as `ner eval` measures them (one
# thread, 5 s of warm-up on the file, then the median of the passes timed over 3 s), in interleaved
# runs so that a machine that slows down for a while slows every model alike.
#
#   scripts/bench/ner-speed.sh [-n ROUNDS] MODEL... 
#
# MODEL is a model file, "shipped" for the model inside the jar, or another build's jar (a path
# ending in .jar) for that build with its own shipped model. Scores eng.testa from the
# shared data folder (../shared, or $NEWSARCHIVE_SHARED). Prints, per model, the median and best
# tokens/s over the rounds, the median over the rounds of its speed divided by the first model's
# in the same round, and the median load time. Needs jq.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SHARED=${NEWSARCHIVE_SHARED:-$ROOT/../shared}
DEV=$SHARED/data/conll2003/eng.testa
JAR=${NEWSARCHIVE_JAR:-$ROOT/target/newsarchive.jar}
ROUNDS=5
if [[ ${1:-} == -n ]]; then ROUNDS=$2; shift 2; fi
[[ $# -ge 1 ]] || { echo "usage: $0 [-n ROUNDS] MODEL..." >&2; exit 2; }
command -v jq >/dev/null || { echo "needs jq (Debian: apt-get install -y jq)" >&2; exit 2; }
[[ -f $DEV ]] || { echo "missing $DEV (set NEWSARCHIVE_SHARED)" >&2; exit 2; }
[[ -f $JAR ]] || mvn -q -B -Dmaven.test.skip=true package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "### NER speed: $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "Command: \`scripts/bench/ner-speed.sh -n $ROUNDS $*\` ($ROUNDS interleaved rounds of \`ner eval\` on eng.testa)"
echo
for ((r = 0; r < ROUNDS; r++)); do
  i=0
  for model in "$@"; do
    args=()
    jar=$JAR
    if [[ $model == *.jar ]]; then
      jar=$model
    elif [[ $model != shipped ]]; then
      args=(--model "$model")
    fi
    java -Xmx2g -jar "$jar" ner eval --conll "$DEV" "${args[@]}" --format jsonl \
      | jq -r '"\(.tokens_per_second) \(.model_load_seconds) \(.overall.f1)"' >> "$work/$i.txt"
    i=$((i + 1))
  done
done
echo "| model | tokens/s, median | tokens/s, best | against the first, median of rounds | load s, median | eng.testa F1 |"
echo "|---|---:|---:|---:|---:|---:|"
i=0
for model in "$@"; do
  n=$(wc -l < "$work/$i.txt")
  middle=$(((n + 1) / 2))
  speed=$(cut -d' ' -f1 "$work/$i.txt" | sort -g | sed -n "${middle}p")
  best=$(cut -d' ' -f1 "$work/$i.txt" | sort -g | tail -1)
  load=$(cut -d' ' -f2 "$work/$i.txt" | sort -g | sed -n "${middle}p")
  f1=$(cut -d' ' -f3 "$work/$i.txt" | head -1)
  # the machine's speed drifts over minutes: the ratio within each round says more than the medians
  ratio=$(paste -d' ' "$work/$i.txt" "$work/0.txt" | awk '{ print $1 / $4 }' | sort -g | sed -n "${middle}p")
  awk -v m="$model" -v s="$speed" -v b="$best" -v r="$ratio" -v l="$load" -v f="$f1" \
    'BEGIN { printf "| %s | %.0f | %.0f | %.2f | %.2f | %.2f |\n", m, s, b, r, l, 100 * f }'
  i=$((i + 1))
done
