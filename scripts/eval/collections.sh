#!/usr/bin/env bash
# Ranking quality on every development collection: see scripts/eval/collections.py for the
# options. Builds the jar first when it is missing or older than the sources.
#   scripts/eval/collections.sh [--format text|json] [--only NAME,...] [--loo] [RANKING ...]
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$home/target/newsarchive.jar"
if [[ ! -f "$jar" ]] || [[ -n "$(find "$home/src/main" "$home/pom.xml" -newer "$jar" -print -quit)" ]]; then
  (cd "$home" && mvn -q -B -Dstyle.color=never -Dmaven.test.skip=true package >/dev/null)
fi
exec python3 "$home/scripts/eval/collections.py" "$@"
