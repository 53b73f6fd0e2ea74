#!/usr/bin/env bash
# Rebuilds the shipped named-entity model from CoNLL-2003 eng.train with the documented
# parameters, then evaluates it on eng.testa (development set) and Wikigold (out of domain).
#
#   scripts/ner/train-and-eval.sh [--install] [--gazetteer FILE]
#
# Needs the shared data folder (default ../shared beside the project, or $NEWSARCHIVE_SHARED).
# Work files go to target/ner/. --install copies the new model over the shipped one,
# src/main/resources/org/newsarchive/entity/ner/ner-en.bin. Takes about 5 minutes on 2 cores.
# --gazetteer FILE adds name lists to the lexicon (scripts/ner/gazetteer.sh writes one) and
# trains with the gazetteer features too. The shipped model has none: without it, the script
# rebuilds the shipped model.
set -euo pipefail
INSTALL=no
GAZETTEER=()
FEATURES=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --install) INSTALL=yes; shift ;;
    --gazetteer)
      [[ $# -ge 2 && -f $2 ]] || { echo "--gazetteer needs an existing file" >&2; exit 2; }
      GAZETTEER=(--gazetteer "$(realpath "$2")")
      FEATURES=(--features base,bigrams,affixes,clusters,casing,document,prevmap,gazetteer,outcomes,runs)
      shift 2 ;;
    *) echo "usage: $0 [--install] [--gazetteer FILE]" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SHARED=${NEWSARCHIVE_SHARED:-$ROOT/../shared}
TRAIN=$SHARED/data/conll2003/eng.train
DEV=$SHARED/data/conll2003/eng.testa
WIKI=$SHARED/data/wikigold/wikigold.conll.txt
CORPUS=$SHARED/data/reuters-articles
OUT=$ROOT/target/ner
SHIPPED=$ROOT/src/main/resources/org/newsarchive/entity/ner/ner-en.bin
for f in "$TRAIN" "$DEV" "$WIKI"; do
  [[ -f $f ]] || { echo "missing $f (set NEWSARCHIVE_SHARED)" >&2; exit 2; }
done
[[ -d $CORPUS ]] || { echo "missing $CORPUS" >&2; exit 2; }

mvn -q -B -Dmaven.test.skip=true package
mkdir -p "$OUT"
ner() { java -Xmx4g -jar "$ROOT/target/newsarchive.jar" ner "$@"; }

echo "== lexicon: word clusters and casing from eng.train + Reuters-21578 articles"
ner lexicon --conll "$TRAIN" --corpus "$CORPUS" "${GAZETTEER[@]}" --out "$OUT/ner-lexicon.txt"

echo "== train on eng.train (default parameters = the shipped model's${FEATURES[*]:+, plus the gazetteer features})"
ner train --conll "$TRAIN" --lexicon "$OUT/ner-lexicon.txt" "${FEATURES[@]}" --out "$OUT/ner-en.bin"
du -h "$OUT/ner-en.bin"

echo "== eng.testa (development set)"
ner eval --conll "$DEV" --model "$OUT/ner-en.bin"

echo "== wikigold (out of domain)"
ner eval --conll "$WIKI" --model "$OUT/ner-en.bin" --no-timing

if [[ -f $SHIPPED ]]; then
  if cmp -s "$OUT/ner-en.bin" "$SHIPPED"; then
    echo "== the new model is byte-for-byte the shipped one"
  else
    echo "== the new model differs from the shipped one"
  fi
fi
if [[ $INSTALL == yes ]]; then
  cp "$OUT/ner-en.bin" "$SHIPPED"
  echo "== installed as $SHIPPED"
fi
