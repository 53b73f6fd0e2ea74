"""Interleaved rounds of whole processes, for the start-up benchmarks (query.sh, startup.sh).

    python3 rounds.py RUNS NAME CMD... [:: NAME CMD...]...

runs the commands in turn, RUNS rounds after one round of warm-up (the class-data sharing
archive, the page cache), output discarded, and prints per command a tab-separated line:
NAME, median wall, min wall, median CPU, min CPU (ms; CPU = user+sys of the process tree).
With BENCH_IDLE=0.9 in the environment, each round starts only after a second in which the
CPUs were at least that idle. Other scripts import run_rounds for the per-round figures.
"""
import os
import statistics
import subprocess
import sys
import time


def parse_commands(args):
    """NAME CMD... [:: NAME CMD...]... as [(name, argv)]."""
    commands, current = [], None
    for arg in args:
        if arg == "::":
            current = None
        elif current is None:
            current = (arg, [])
            commands.append(current)
        else:
            current[1].append(arg)
    return commands


def idle_share():
    """The share of the last second the CPUs were idle, from /proc/stat."""
    def snap():
        values = list(map(int, open("/proc/stat").readline().split()[1:]))
        return sum(values), values[3] + values[4]
    t1, i1 = snap()
    time.sleep(1.0)
    t2, i2 = snap()
    return (i2 - i1) / max(1, t2 - t1)


def run_rounds(runs, commands, idle=0.0):
    """Per command name, the wall and CPU times (ms) of each round after the warm-up."""
    wall = {name: [] for name, _ in commands}
    cpu = {name: [] for name, _ in commands}
    for r in range(runs + 1):
        while idle and idle_share() < idle:
            pass
        for name, argv in commands:
            start = time.perf_counter()
            process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            _, _, usage = os.wait4(process.pid, 0)
            if r > 0:
                wall[name].append((time.perf_counter() - start) * 1000)
                cpu[name].append((usage.ru_utime + usage.ru_stime) * 1000)
    return wall, cpu


def idle_threshold():
    return float(os.environ.get("BENCH_IDLE") or 0)


if __name__ == "__main__":
    commands = parse_commands(sys.argv[2:])
    wall, cpu = run_rounds(int(sys.argv[1]), commands, idle_threshold())
    for name, _ in commands:
        print(name, round(statistics.median(wall[name])), round(min(wall[name])),
              round(statistics.median(cpu[name])), round(min(cpu[name])), sep="\t")
