#!/usr/bin/env python3
"""Compares two rankings topic by topic, from `newsarchive eval --per-topic --format json` outputs.

Usage: scripts/eval/compare.py BASELINE.json OTHER.json

For each measure (AP, nDCG@10, P@10, recall@100): both means, the difference, on how many topics
OTHER wins, ties and loses, and the two-sided p-value of a paired randomization test (the sign
of each topic's difference flipped at random, 20,000 times, fixed seed: the same files give the
same output). A p-value above 0.05 means the difference could well be chance on these topics.
"""
import json
import random
import sys

MEASURES = [("ap", "MAP"), ("ndcg_10", "nDCG@10"), ("p_10", "P@10"), ("recall_100", "recall@100")]
SAMPLES = 20_000


def load(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if "per_topic" not in data:
        raise SystemExit(f"{path}: no per_topic figures; run eval with --per-topic --format json")
    return data["ranking"], {row["topic"]: row for row in data["per_topic"]}


def p_value(diffs, rng):
    observed = abs(sum(diffs))
    hits = 0
    for _ in range(SAMPLES):
        total = sum(d if rng.random() < 0.5 else -d for d in diffs)
        if abs(total) >= observed - 1e-12:
            hits += 1
    return (hits + 1) / (SAMPLES + 1)


def format_p(p):
    return "<0.001" if p < 0.001 else f"{p:.3f}"


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    base_name, base = load(sys.argv[1])
    other_name, other = load(sys.argv[2])
    topics = sorted(set(base) & set(other))
    if len(topics) != len(base) or len(topics) != len(other):
        print(f"warning: comparing the {len(topics)} topics both files have", file=sys.stderr)
    print(f"{other_name} against {base_name}, {len(topics)} topics")
    print(f"| measure | {base_name} | {other_name} | difference | wins/ties/losses | p |")
    print("|---|---:|---:|---:|---:|---:|")
    for key, label in MEASURES:
        rng = random.Random(20250101)
        diffs = [other[t][key] - base[t][key] for t in topics]
        a = sum(base[t][key] for t in topics) / len(topics)
        b = sum(other[t][key] for t in topics) / len(topics)
        wins = sum(1 for d in diffs if d > 1e-12)
        losses = sum(1 for d in diffs if d < -1e-12)
        print(f"| {label} | {a:.4f} | {b:.4f} | {b - a:+.4f} | {wins}/{len(topics) - wins - losses}/{losses} "
              f"| {format_p(p_value(diffs, rng))} |")


if __name__ == "__main__":
    main()
