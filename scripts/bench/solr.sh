#!/usr/bin/env bash
# SolrCloud benchmark: the same corpus indexed locally and into a 2-node SolrCloud started by this
# script on this machine, then the query set of scripts/bench/query.sh (QueryBench) on both, in the
# same run, through the same requests (Archive.search, entities, timeline). Prints Markdown on stdout:
#  1. indexing: `newsarchive index` (local, into an empty temporary index), `newsarchive index
#     --solr` (into a collection made by `newsarchive solr init --shards 2 --replicas 1`), and the
#     local one again (a disturbed run shows as two different local figures), all with entities:
#     wall time, CPU of the command and of the Solr nodes, articles/s, and articles per CPU
#     second (command and nodes: steadier than wall time on a shared machine);
#  2. queries: p50/p99 per query on one thread, local index and Solr, after warm-up on both,
#     the search requests one call makes the Solr nodes answer (from their metrics, which the
#     test cluster keeps only with -DmetricsEnabled=true, as a production Solr does by default),
#     and whether both counted the same articles (SolrQueryBench).
#
#   scripts/bench/solr.sh [CORPUS] [LOCAL_INDEX]
#
# CORPUS: default ../shared/data/reuters-articles. LOCAL_INDEX: an existing local index of CORPUS
# to run the queries on (default: the one this run builds; the local indexing is timed either way).
# The cluster is Solr's own test cluster (SolrCluster: 2 Jetty nodes and ZooKeeper in one JVM,
# heap SOLR_BENCH_HEAP, default -Xmx4g) in a temporary folder, stopped and deleted on exit; the
# commands reach it through its first node's base URL (see below why not through ZooKeeper).
# NEWSARCHIVE_JAVA_OPTS (e.g. -Xmx1g): JVM options of both index commands. BENCH_SECONDS: seconds
# per query, back-end and measurement (default 2; warm-up: 3 rounds of half that). The load
# average is printed before each part: on a shared machine, compare within a run.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus="$(realpath "${1:-$home/../shared/data/reuters-articles}")"
jar="$home/target/newsarchive.jar"
# the Solr client is not in the jar: commands with --solr run with target/solr-lib/ (pom.xml)
solr_cp="$jar:$home/target/solr-lib/*"
seconds="${BENCH_SECONDS:-2}"
heap="${SOLR_BENCH_HEAP:--Xmx4g}"
collection=bench
read -r -a java_opts <<< "${NEWSARCHIVE_JAVA_OPTS:-}"
work="$(mktemp -d)"
holder=""
cluster=""

stop_cluster() {
  # closing the cluster's standard input stops it; a cluster that has not gone in a minute is killed
  [[ -n "$holder" ]] && kill "$holder" 2>/dev/null || true
  if [[ -n "$cluster" ]]; then
    for _ in $(seq 1 60); do
      kill -0 "$cluster" 2>/dev/null || break
      sleep 1
    done
    kill "$cluster" 2>/dev/null && sleep 5 && kill -9 "$cluster" 2>/dev/null || true
  fi
  holder="" cluster=""
}
trap 'stop_cluster; rm -rf "$work"' EXIT

(cd "$home" && mvn -o -q -B -Dstyle.color=never -DskipTests package >/dev/null 2>&1 \
  && mvn -o -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1)
cp="$home/target/test-classes:$home/target/classes:$(cat "$work/cp.txt")"

# read every file once so that neither run pays for a cold page cache more than the other
find "$corpus" -name '*.txt' -not -path '*/.*' -print0 | xargs -0 cat > /dev/null
files=$(find "$corpus" -name '*.txt' -not -path '*/.*' | wc -l)
bytes=$(find "$corpus" -name '*.txt' -not -path '*/.*' -printf '%s\n' | awk '{s+=$1} END {print s}')
load() { cut -d' ' -f1-3 /proc/loadavg; }
ticks=$(getconf CLK_TCK)
cpu_of() { # cpu_of PID: user+sys seconds of a running process
  awk -v t="$ticks" '{ sub(/^.*\) /, ""); printf "%.1f\n", ($12 + $13) / t }' "/proc/$1/stat"
}

echo "### SolrCloud on one machine: $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "Corpus \`$corpus\`: $files files, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b/1048576}') MiB."
settings=""
for name in NEWSARCHIVE_JAVA_OPTS BENCH_SECONDS SOLR_BENCH_HEAP; do
  [[ -n "${!name:-}" ]] && settings+="$name=${!name} "
done
echo "Command: \`${settings}scripts/bench/solr.sh${1:+ $1}${2:+ $2}\`"
echo "SolrCloud: 2 nodes and ZooKeeper in one JVM ($heap -DmetricsEnabled=true, SolrCluster), collection of 2 shards x 1 replica, \`--solr\` the first node's base URL."
echo

# 1. indexing, local first (before the cluster starts, so that it runs alone), then Solr
timed() { # timed OUT_PREFIX COMMAND...: runs it under /usr/bin/time, stdout to OUT_PREFIX.out
  local out=$1
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$out.time" "$@" >"$out.out" 2>"$out.err" \
    || { echo "solr.sh: failed: $*" >&2; cat "$out.err" >&2; exit 1; }
}
added() { grep -o '"added" : [0-9]*' "$1" | grep -o '[0-9]*$'; }
row() { # row LABEL TIME_FILE ADDED NODES_CPU
  local wall user sys rss
  read -r wall user sys rss <"$2"
  awk -v l="$1" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v n="$3" -v c="$4" -v b="$bytes" \
    'BEGIN { printf "| %s | %d | %.1f | %.1f | %s | %.0f | %.0f | %.2f | %.0f |\n", l, n, w, u+s, c, r/1024, n/w, b/1e6/w, n/(u+s+(c == "-" ? 0 : c)) }'
}

load_local=$(load)
timed "$work/local" java "${java_opts[@]}" -jar "$jar" --index "$work/local-index" index --quiet --format json "$corpus"

# the cluster: its standard input is a fifo held open by a sleep; killing the sleep stops it
load_start=$(load)
mkfifo "$work/cluster.in"
: >"$work/cluster.out"
sleep infinity >"$work/cluster.in" &
holder=$!
java "$heap" -DmetricsEnabled=true -cp "$cp" org.newsarchive.bench.SolrCluster "$work/solr" 2 <"$work/cluster.in" >"$work/cluster.out" 2>"$work/cluster.log" &
cluster=$!
started=$SECONDS
until [[ $(wc -l <"$work/cluster.out") -ge 2 ]]; do
  if ! kill -0 "$cluster" 2>/dev/null || (( SECONDS - started > 300 )); then
    echo "solr.sh: the SolrCloud did not start; its log ends:" >&2
    tail -20 "$work/cluster.log" >&2
    exit 1
  fi
  sleep 1
done
# --solr: the first node's base URL (SolrCluster's second line). The zk:HOST:PORT/solr address of
# its first line does not work with target/newsarchive.jar as built on 2026-12-07: the jar leaves
# out Netty's TLS classes, which ZooKeeper's client configuration loads (NoClassDefFoundError:
# io/netty/handler/ssl/SslContext).
solr="$(sed -n 2p "$work/cluster.out")"
start_s=$((SECONDS - started))

java -cp "$solr_cp" org.newsarchive.cli.Main solr init --solr "$solr" --collection "$collection" --shards 2 --replicas 1 >"$work/init.out" 2>&1 \
  || { echo "solr.sh: solr init failed:" >&2; cat "$work/init.out" >&2; exit 1; }
load_solr=$(load)
nodes_before=$(cpu_of "$cluster")
timed "$work/solr" java "${java_opts[@]}" -cp "$solr_cp" org.newsarchive.cli.Main index --solr "$solr" --collection "$collection" --quiet --format json "$corpus"
nodes_after=$(cpu_of "$cluster")
# the nodes go on merging segments after the command has returned: their CPU until they are idle
# (under 5% of a core for 4 s), and how long that took, so that it is counted and kept out of the
# next run
settle_start=$SECONDS
prev=$nodes_after
while (( SECONDS - settle_start < 900 )); do
  sleep 4
  now=$(cpu_of "$cluster")
  awk -v a="$now" -v b="$prev" 'BEGIN { exit !(a - b < 0.2) }' && break
  prev=$now
done
nodes_settled=$(cpu_of "$cluster")
settle_s=$((SECONDS - settle_start))
# the local indexing once more, after Solr's (the cluster idle): a slow moment of a shared machine
# during one of the three shows as a difference between the two local runs
load_again=$(load)
timed "$work/again" java "${java_opts[@]}" -jar "$jar" --index "$work/local-again" index --quiet --format json "$corpus"
rm -rf "$work/local-again"

stored() { grep -o '"articles" : [0-9]*' "$1" | grep -o '[0-9]*$'; }
java -cp "$solr_cp" org.newsarchive.cli.Main stats --solr "$solr" --collection "$collection" --format json >"$work/solr-stats.json" 2>"$work/solr-stats.err"
java -jar "$jar" --index "$work/local-index" stats --format json >"$work/local-stats.json" 2>"$work/local-stats.err"

echo "#### Indexing (with entities)"
echo
echo "Load average (1/5/15 min) before: local $load_local, Solr $load_solr, local again $load_again. The cluster took ${start_s} s to start (not counted)."
echo
echo "| run | articles | wall s | CPU s of the command | CPU s of the Solr nodes | peak RSS MiB of the command | articles/s | MB/s | articles per CPU s (command and nodes) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
row "local: \`newsarchive --index TMP index\`" "$work/local.time" "$(added "$work/local.out")" "-"
row "Solr: \`newsarchive index --solr URL --collection $collection\`" "$work/solr.time" "$(added "$work/solr.out")" \
  "$(awk -v a="$nodes_settled" -v b="$nodes_before" 'BEGIN { printf "%.1f", a - b }')"
row "local again, after Solr's" "$work/again.time" "$(added "$work/again.out")" "-"
echo
echo "CPU s of the Solr nodes: from the command's start until the nodes were idle (under 5% of a core over 4 s),"
echo "which was $settle_s s after the command returned; $(awk -v a="$nodes_settled" -v b="$nodes_after" 'BEGIN { printf "%.1f", a - b }') CPU s of them came after it."
echo "Articles held afterwards: local $(stored "$work/local-stats.json"), Solr $(stored "$work/solr-stats.json")."
read -r lw _ <"$work/local.time"
read -r sw _ <"$work/solr.time"
read -r aw _ <"$work/again.time"
awk -v l="$lw" -v s="$sw" -v a="$aw" \
  'BEGIN { printf "Solr / local, indexing wall time: %.1f / %.1f s = %.2fx (against the mean of both local runs)\n", s, (l + a) / 2, s / ((l + a) / 2) }'
echo

# 2. queries
index="$work/local-index"
[[ -n "${2:-}" ]] && index="$(realpath "$2")"
echo "#### Queries (1 thread, ${seconds} s per query and back-end after 3 warm-up rounds; milliseconds)"
echo
echo "Local index: \`$index\`. Load average before: $(load)."
echo
java -Xmx512m -cp "$cp" org.newsarchive.bench.SolrQueryBench "$index" "$solr" "$collection" "$seconds" 2>"$work/queries.err" \
  || { echo "solr.sh: SolrQueryBench failed:" >&2; tail -20 "$work/queries.err" >&2; exit 1; }
echo
echo "Load average after: $(load)."
