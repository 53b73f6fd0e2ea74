#!/usr/bin/env bash
# Whole-process start-up of `search`, this build against another one, in interleaved rounds.
# Prints Markdown on stdout: per command the median and minimum wall time and the median CPU
# time (user+sys), and, with another build, the median of the per-round differences between the
# two builds' same command (steadier than a difference of medians on a machine whose speed
# drifts). The commands:
#  - `java -version` with the JVM flags each launcher gives a search (the floor);
#  - `scripts/newsarchive --index INDEX search QUERY` (the launcher: no server may be running);
#  - the same java command line without the launcher (its flags and archive, `java -jar`).
#
#   scripts/bench/startup.sh INDEX [OTHER_HOME] [RUNS] [QUERY]
#
# OTHER_HOME: another installation to compare with, e.g. `git worktree add /tmp/before HEAD~3`
# then `scripts/newsarchive --version` there once to build it. RUNS: default 30; QUERY: cocoa.
# BENCH_IDLE=0.9: each round starts only after a second in which the CPUs were at least 90%
# idle (a shared machine: other users' load kept out of the rounds). Each launcher's first run
# (not timed) makes its class-data sharing archive.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
index="$(realpath "${1:?usage: scripts/bench/startup.sh INDEX [OTHER_HOME] [RUNS] [QUERY]}")"
other="${2:+$(cd "$2" && pwd -P)}"
runs="${3:-30}"
query="${4:-cocoa}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ -f "$index/serve.address" ]]; then
  echo "startup.sh: $index has a serve.address: stop the server, the launcher would send the searches to it" >&2
  exit 1
fi

# The java command line a launcher runs for this search: asked of it with a `java` that prints
# its arguments, one per line, and then runs nothing.
mkdir -p "$work/bin"
printf '#!/usr/bin/env bash\nprintf "%%s\\n" "$@"\n' >"$work/bin/java"
chmod +x "$work/bin/java"
command_line() { # command_line HOME -> the java arguments, one per line, in $work/HOME's name
  PATH="$work/bin:$PATH" "$1/scripts/newsarchive" --index "$index" search "$query"
}

commands=()
label() { [[ "$1" == "$home" ]] && echo "this build" || echo "$(basename "$1")"; }
for h in "$home" ${other:+"$other"}; do
  "$h/scripts/newsarchive" --index "$index" search "$query" >/dev/null 2>&1 # builds it, makes its archive
  mapfile -t args < <(command_line "$h")
  flags=()
  for a in "${args[@]}"; do
    [[ "$a" == -jar ]] && break
    case "$a" in -XX:SharedArchiveFile=* | -Xlog:cds* | -D*) ;; *) flags+=("$a") ;; esac
  done
  name=$(label "$h")
  commands+=(:: "java -version, $name's flags" java "${flags[@]}" -version)
  commands+=(:: "launcher, $name" "$h/scripts/newsarchive" --index "$index" search "$query")
  commands+=(:: "java -jar, $name" java "${args[@]}")
done

echo "### Start-up: $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "Command: \`${BENCH_IDLE:+BENCH_IDLE=$BENCH_IDLE }scripts/bench/startup.sh $*\` (search \`$query\`, index of $(basename "$index"))"
echo
BENCH_DIR="$home/scripts/bench" python3 - "$runs" "${commands[@]:1}" <<'PY'
import os, statistics, sys
sys.path.insert(0, os.environ["BENCH_DIR"])
from rounds import idle_threshold, parse_commands, run_rounds
runs = int(sys.argv[1])
commands = parse_commands(sys.argv[2:])
idle = idle_threshold()
wall, cpu = run_rounds(runs, commands, idle)
note = f", each started after a second with the CPUs at least {idle:.0%} idle" if idle else ""
print(f"{runs} interleaved rounds{note}; ms.")
print()
print("| command | median | min | CPU median | CPU min |")
print("|---|---:|---:|---:|---:|")
for name, _ in commands:
    print(f"| {name} | {statistics.median(wall[name]):.0f} | {min(wall[name]):.0f} | {statistics.median(cpu[name]):.0f}"
          f" | {min(cpu[name]):.0f} |")
half = len(commands) // 2
if len(commands) == 2 * half and half > 0 and commands[0][0].endswith("this build's flags"):
    print()
    print("| this build against the other, per round | median difference, wall | CPU |")
    print("|---|---:|---:|")
    for (mine, _), (theirs, _) in zip(commands[:half], commands[half:]):
        dw = statistics.median(a - b for a, b in zip(wall[mine], wall[theirs]))
        dc = statistics.median(a - b for a, b in zip(cpu[mine], cpu[theirs]))
        print(f"| {mine.split(',')[0]} | {dw:+.0f} | {dc:+.0f} |")
PY
