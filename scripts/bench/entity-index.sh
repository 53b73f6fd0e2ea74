#!/usr/bin/env bash
# Indexing with entities, this build against another one (another entity model or recogniser),
# in interleaved runs into empty temporary indexes. Prints a Markdown table on stdout.
#
#   scripts/bench/entity-index.sh CORPUS OTHER_HOME [PAIRS]
#
# OTHER_HOME is a checkout with its jar built (e.g. `git worktree add /tmp/before COMMIT` and
# `mvn -q -DskipTests package` there). PAIRS (default 2) rounds of one run each, alternating
# which build goes first. JVM options: NEWSARCHIVE_JAVA_OPTS.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
[[ $# -ge 2 ]] || { echo "usage: $0 CORPUS OTHER_HOME [PAIRS]" >&2; exit 2; }
corpus="$(realpath "$1")"
other="$(realpath "$2")"
pairs="${3:-2}"
command -v jq >/dev/null || { echo "needs jq (Debian: apt-get install -y jq)" >&2; exit 2; }
[[ -f "$other/target/newsarchive.jar" ]] || { echo "no jar in $other/target (build it there)" >&2; exit 2; }
(cd "$home" && mvn -q -B -Dstyle.color=never -DskipTests package >/dev/null 2>&1)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
read -r -a java_opts <<< "${NEWSARCHIVE_JAVA_OPTS:-}"

find "$corpus" -name '*.txt' -not -path '*/.*' -print0 | xargs -0 cat > /dev/null
files=$(find "$corpus" -name '*.txt' -not -path '*/.*' | wc -l)

echo "### Indexing with entities, $(basename "$corpus"): $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "Corpus \`$corpus\`: $files files. Command: \`scripts/bench/entity-index.sh $* \`"
echo "(each run: \`java ${java_opts[*]:-} -jar HOME/target/newsarchive.jar --index TMP index --quiet CORPUS\`)"
echo
echo "| round | build | wall s | CPU s (user+sys) | peak RSS MiB | articles/s |"
echo "|---:|---|---:|---:|---:|---:|"
run() { # run ROUND NAME HOME
  rm -rf "$work/index"
  local code=0
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
    java "${java_opts[@]}" -jar "$3/target/newsarchive.jar" --index "$work/index" index --quiet --format json "$corpus" \
    > "$work/out.json" 2> "$work/err" || code=$?
  # 3: finished, with files rejected (the synthetic corpora have none, the real ones a few)
  if ((code != 0 && code != 3)); then
    echo "failed ($code): $2" >&2
    cat "$work/err" >&2
    exit 1
  fi
  read -r wall user sys rss < "$work/time"
  added=$(jq .added "$work/out.json")
  echo "| $1 | $2 | $wall | $(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.1f", u + s}') | $((rss / 1024)) | $(awk -v a="$added" -v w="$wall" 'BEGIN {printf "%.0f", a / w}') |"
}
for ((r = 1; r <= pairs; r++)); do
  if ((r % 2)); then
    run "$r" "this build" "$home"; run "$r" "$(basename "$other")" "$other"
  else
    run "$r" "$(basename "$other")" "$other"; run "$r" "this build" "$home"
  fi
done
