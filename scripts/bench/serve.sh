#!/usr/bin/env bash
# HTTP benchmark of `newsarchive serve`. Prints Markdown on stdout:
#  1. the query set of scripts/bench/query.sh over HTTP (searches with snippets and entities,
#     entity counts, timelines), and the searches alone, with 1, 4 and 16 concurrent clients
#     (wrk, keep-alive), SECONDS each: requests/s, p50/p95/p99, errors;
#  2. the server's resident memory (-Xmx512m) before and after a soak of SOAK seconds at 4 clients;
#  3. /api/export of the whole archive beside `search --all` (whole process).
# The launcher's whole-process times with and without a server: scripts/bench/launcher.sh.
#
#   scripts/bench/serve.sh INDEX [SECONDS] [SOAK]
#
# INDEX: an existing index (the 200,000-article archive: tools/make_corpus.py, then index).
# Defaults: SECONDS 60, SOAK 300. Needs wrk (Debian: wrk).
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
index="$(realpath "${1:?usage: scripts/bench/serve.sh INDEX [SECONDS] [SOAK]}")"
seconds="${2:-60}"
soak="${3:-300}"
command -v wrk >/dev/null || { echo "serve.sh: needs wrk (apt-get install -y wrk)" >&2; exit 2; }
work="$(mktemp -d)"
server_pid=""
cleanup() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# BENCH_JAR: a jar built before (the tree may change while the benchmark runs)
jar="${BENCH_JAR:-$home/target/newsarchive.jar}"
[[ -n "${BENCH_JAR:-}" ]] || (cd "$home" && mvn -q -B -Dstyle.color=never -DskipTests package >/dev/null 2>&1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"

java -Xmx512m -XX:+UseParallelGC -jar "$jar" --index "$index" serve --port "$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -sf "$base/api/health" >/dev/null 2>&1 && break; sleep 0.1; done
rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$server_pid/status"; }
articles=$(curl -s "$base/api/health" | grep -o '"articles" : [0-9]*' | grep -o '[0-9]*$')

enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
searches=$(cat <<PATHS
/api/search?q=cocoa
/api/search?q=$(enc 'oil AND opec')
/api/search?q=$(enc 'gold OR silver')
/api/search?q=$(enc '"interest rates"')
/api/search?q=$(enc 'bank dollar yen')
/api/search?q=$(enc 'cocao harvst')
/api/search?q=$(enc 'instalment debt consumer credit')
/api/search?q=trade&from=1987-04&to=1987-04
/api/search?q=trade&place=Japan
/api/search?q=oil&sort=newest
/api/search?q=$(enc '*:*')&sort=newest
PATHS
)
counts=$(cat <<PATHS
/api/entities
/api/entities?q=trade
/api/entities?with=Japan
/api/timeline?q=$(enc '*:*')&by=month
/api/timeline?q=trade&by=week
PATHS
)
everything="$searches"$'\n'"$counts"

run() { # run CLIENTS SECONDS PATHS -> RESULT line
  PATHS="$3" wrk -t "$(( $1 < 2 ? 1 : 2 ))" -c "$1" -d "${2}s" --timeout 10s -s "$home/scripts/bench/serve-queries.lua" \
    "$base" | grep '^RESULT'
}

echo "### serve: $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "Index: $articles articles at \`$index\`. Command: \`scripts/bench/serve.sh $* \`"
echo "(server \`java -Xmx512m -XX:+UseParallelGC -jar target/newsarchive.jar serve\`, as the launcher starts it; load from wrk on the same 2 cores, keep-alive;"
echo "search = top 10 with snippets and entities; each row ${seconds} s after a 20 s warm-up)."
echo
run 4 20 "$everything" >/dev/null
rss_before=$(rss)
echo "| requests | clients | requests/s | p50 ms | p95 ms | p99 ms | non-2xx | socket errors |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for mix in searches everything; do
  for clients in 1 4 16; do
    read -r _ n secs rps p50 p95 p99 status socket < <(run "$clients" "$seconds" "${!mix}")
    label=$([[ $mix == searches ]] && echo "searches (11)" || echo "query set (16)")
    echo "| $label | $clients | $rps | $p50 | $p95 | $p99 | $status | $socket |"
  done
done
echo
read -r _ n secs rps p50 p95 p99 status socket < <(run 4 "$soak" "$everything")
rss_after=$(rss)
echo "Soak: ${soak} s of the query set at 4 clients: $n requests, $rps/s, p50 $p50 ms, p99 $p99 ms, $status non-2xx,"
echo "$socket socket errors. Server RSS before the measured runs: ${rss_before} MiB; after the soak: ${rss_after} MiB."
echo

ms() { echo $(( ($2 - $1) / 1000000 )); }
s=$(date +%s%N); curl -s "$base/api/export?q=$(enc '*:*')" >"$work/export.jsonl"; e=$(date +%s%N)
http_ms=$(ms "$s" "$e"); http_lines=$(wc -l <"$work/export.jsonl")
s=$(date +%s%N); java -jar "$jar" --index "$index" search '*:*' --all --format jsonl >"$work/cli.jsonl"; e=$(date +%s%N)
cli_ms=$(ms "$s" "$e"); cli_lines=$(wc -l <"$work/cli.jsonl")
same=$(cmp -s "$work/export.jsonl" "$work/cli.jsonl" && echo "identical bytes" || echo "DIFFERENT bytes")
echo "Export of every article: \`GET /api/export?q=*:*\` $http_lines lines in $http_ms ms;"
echo "\`search '*:*' --all --format jsonl\` (whole process) $cli_lines lines in $cli_ms ms; $same."
echo
