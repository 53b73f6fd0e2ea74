#!/usr/bin/env bash
# Whole-process time of the launcher's read-only commands with a `newsarchive serve` running for
# the index (the launcher sends them to it) and without one (a JVM each), median of RUNS runs,
# beside the sqlite3 CLI on an FTS5 table of the same articles when sqlite3 is installed.
#
#   scripts/bench/launcher.sh INDEX [RUNS]
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
index="$(realpath "${1:?usage: scripts/bench/launcher.sh INDEX [RUNS]}")"
runs="${2:-20}"
work="$(mktemp -d)"
server_pid=""
cleanup() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

(cd "$home" && mvn -q -B -Dstyle.color=never -DskipTests package >/dev/null 2>&1)
na() { "$home/scripts/newsarchive" --index "$index" "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() {
  local t=() s e
  for _ in $(seq 1 "$runs"); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    t+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${t[@]}" | median
}
commands=("search cocoa" "search oil AND opec --format json" "show FIRST" "stats" "entities trade --limit 5" "timeline cocoa --by month")
na search cocoa >/dev/null 2>&1 || true # the search archive, made by a search as the timed ones
first=$(na search cocoa --format jsonl --limit 1 2>/dev/null | grep -o '"id":"[0-9a-f]*"' | head -1 | cut -d'"' -f4)

declare -A without with
# each read-only command makes its class-data sharing archive on its first run
for c in "${commands[@]}"; do read -r -a words <<<"${c/FIRST/$first}"; na "${words[@]}" >/dev/null 2>&1 || true; done
for c in "${commands[@]}"; do read -r -a words <<<"${c/FIRST/$first}"; without[$c]=$(timed na "${words[@]}"); done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -Xmx512m -jar "$home/target/newsarchive.jar" --index "$index" serve --port "$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break; sleep 0.1; done
for _ in $(seq 1 50); do na search cocoa >/dev/null; na stats >/dev/null; done # warm the server
for c in "${commands[@]}"; do read -r -a words <<<"${c/FIRST/$first}"; with[$c]=$(timed na "${words[@]}"); done

echo "### Launcher: $(date -u +%Y-%m-%d), $(nproc) cores, index \`$index\`, median of $runs runs"
echo
echo "Command: \`scripts/bench/launcher.sh $*\`"
echo
echo "| command | with \`serve\` running | without (JVM) |"
echo "|---|---:|---:|"
for c in "${commands[@]}"; do echo "| \`newsarchive $c\` | ${with[$c]} ms | ${without[$c]} ms |"; done
if command -v sqlite3 >/dev/null; then
  echo
  echo "For scale: \`true\` $(timed true) ms, \`bash -c :\` $(timed bash -c :) ms, \`sqlite3 :memory: 'select 1'\` $(timed sqlite3 :memory: 'select 1') ms."
fi
