#!/usr/bin/env bash
# K-fold cross-validation of a training recipe over whole documents of CoNLL files: the way to
# choose features and parameters for a model trained on eng.train + eng.testa, once eng.testa
# is spent as training data.
#
#   scripts/ner/cross-validate.sh [--folds K] [--lexicon FILE] [--] [ner train options...]
#
# Documents (-DOCSTART- blocks) of eng.train then eng.testa are numbered in file order and
# document i goes to fold i mod K (default 5); each fold is scored by a model trained on the
# others with the given `ner train` options (default: the shipped recipe) and the lexicon
# (default: target/ner/ner-lexicon.txt, built as scripts/ner/train-and-eval.sh builds it when
# missing). Prints each fold's overall F1 and the scores over all folds together, computed from
# the summed counts of correct, predicted and gold names (not a mean of the folds' F1). Needs jq.
# Work files go to target/ner/cv/ (or $NER_CV_DIR); $NEWSARCHIVE_JAR names another jar to run.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SHARED=${NEWSARCHIVE_SHARED:-$ROOT/../shared}
TRAIN=$SHARED/data/conll2003/eng.train
DEV=$SHARED/data/conll2003/eng.testa
CORPUS=$SHARED/data/reuters-articles
OUT=$ROOT/target/ner
FOLDS=5
LEXICON=$OUT/ner-lexicon.txt
while [[ $# -gt 0 ]]; do
  case "$1" in
    --folds) FOLDS=$2; shift 2 ;;
    --lexicon) LEXICON=$2; shift 2 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
command -v jq >/dev/null || { echo "needs jq (Debian: apt-get install -y jq)" >&2; exit 2; }
for f in "$TRAIN" "$DEV"; do
  [[ -f $f ]] || { echo "missing $f (set NEWSARCHIVE_SHARED)" >&2; exit 2; }
done
[[ "$FOLDS" =~ ^[0-9]+$ && "$FOLDS" -ge 2 ]] || { echo "--folds: 2 or more" >&2; exit 2; }

JAR=${NEWSARCHIVE_JAR:-$ROOT/target/newsarchive.jar}
CV=${NER_CV_DIR:-$OUT/cv}
[[ -f "$JAR" ]] || mvn -q -B -Dmaven.test.skip=true package
ner() { java -Xmx4g -jar "$JAR" ner "$@"; }
mkdir -p "$CV"
if [[ ! -f "$LEXICON" ]]; then
  ner lexicon --conll "$TRAIN" --corpus "$CORPUS" --out "$LEXICON"
fi

# fold files: the documents of fold k in test-k.conll, the others in train-k.conll
awk -v folds="$FOLDS" -v dir="$CV" '
  /^-DOCSTART-/ { doc++ }
  {
    fold = (doc - 1) % folds
    for (k = 0; k < folds; k++) {
      print > (dir "/" (k == fold ? "test-" : "train-") k ".conll")
    }
  }' "$TRAIN" "$DEV"

for ((k = 0; k < FOLDS; k++)); do
  ner train --conll "$CV/train-$k.conll" --lexicon "$LEXICON" --out "$CV/model-$k.bin" "$@" >/dev/null
  ner eval --conll "$CV/test-$k.conll" --model "$CV/model-$k.bin" --no-timing --format jsonl \
    > "$CV/eval-$k.json"
  jq -r --arg k "$k" '"fold \($k): F1 \(.overall.f1 * 10000 | round / 100) (\(.documents) documents)"' "$CV/eval-$k.json"
done

echo "all $FOLDS folds (ner train $*):"
jq -rs '
  def f1(c; p; g): if p == 0 or g == 0 then 0 else 2 * c / (p + g) end;
  def row(name; c; p; g): "\(name)\t\(c)\t\(p)\t\(g)\tP \(if p == 0 then 0 else c / p * 10000 | round / 100 end)\tR \(if g == 0 then 0 else c / g * 10000 | round / 100 end)\tF1 \(f1(c; p; g) * 10000 | round / 100)";
  (map(.types[]) | group_by(.type)[] | row(.[0].type; map(.correct) | add; map(.predicted) | add; map(.gold) | add)),
  row("overall"; map(.overall.correct) | add; map(.overall.predicted) | add; map(.overall.gold) | add)
' "$CV"/eval-*.json | column -t -s $'\t'
