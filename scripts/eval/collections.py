#!/usr/bin/env python3
"""Ranking quality on every development collection, in one table.

Indexes each collection once (kept in a cache keyed by the jar's and the collection's
checksums), runs `newsarchive eval` with the default ranking, the `bm25` baseline and any
rankings given, and prints per collection MAP, nDCG@10, P@10 and recall@100 for each ranking,
each ranking's MAP and nDCG@10 as a ratio to the baseline's, and the mean over collections.

    scripts/eval/collections.sh [--format text|json] [--only NAME,...] [--loo] [RANKING ...]

RANKING is `default`, `bm25` or an experiment spec (`b=0.75,headline=0`, see docs/ranking.md).
With --loo, the rankings given are candidates: for each collection, a candidate is chosen on the
other collections alone and scored on the one left out. The rule is the targets' own: among the
candidates at or above the baseline on every other collection, on MAP and on nDCG@10, the one
with the best mean ratio to the baseline over both measures (of all candidates when none is).
`--from-json FILE` prints a saved run again (with --loo, choosing again by this rule).
"""
import argparse
import hashlib
import json
import os
import pathlib
import subprocess
import sys

HOME = pathlib.Path(__file__).resolve().parents[2]
SHARED = pathlib.Path(os.environ.get("NEWSARCHIVE_SHARED", HOME.parent / "shared"))
CACHE = pathlib.Path(os.environ.get("XDG_CACHE_HOME", pathlib.Path.home() / ".cache")) / "newsarchive-eval"
MEASURES = ["map", "ndcg_10", "p_10", "recall_100"]


def collections():
    """name -> (articles folder, topics, qrels): the Reuters development set and ir-collections/."""
    found = {"reuters": (SHARED / "data/reuters-articles", HOME / "src/test/resources/eval/reuters-topics.tsv",
                         HOME / "src/test/resources/eval/reuters-qrels.txt")}
    root = SHARED / "data/ir-collections"
    for folder in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        found[folder.name] = (folder / "articles", folder / "topics.tsv", folder / "qrels.txt")
    return {name: paths for name, paths in found.items() if all(p.exists() for p in paths)}


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fingerprint(folder):
    """A checksum of a collection's file names, sizes and times (reading every byte is slow)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            st = path.stat()
            digest.update(f"{path.relative_to(folder)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def index_of(jar, jar_sum, name, articles):
    key = hashlib.sha256(f"{jar_sum}\0{fingerprint(articles)}".encode()).hexdigest()[:16]
    index = CACHE / f"{name}-{key}"
    if not (index / "done").exists():
        index.mkdir(parents=True, exist_ok=True)
        subprocess.run(["java", "-jar", str(jar), "--index", str(index / "index"), "index", "--quiet",
                        "--no-entities", str(articles)], check=True, stdout=subprocess.DEVNULL)
        (index / "done").write_text("indexed\n")
    return index / "index"


def evaluate(jar, index, topics, qrels, ranking):
    out = subprocess.run(["java", "-jar", str(jar), "--index", str(index), "eval", "--topics", str(topics),
                          "--qrels", str(qrels), "--ranking", ranking, "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    return {m: result[m] for m in MEASURES}


def mean(values):
    return sum(values) / len(values) if values else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--only", help="comma-separated collection names")
    parser.add_argument("--loo", action="store_true", help="leave-one-collection-out choice among the rankings given")
    parser.add_argument("--jar", default=str(HOME / "target/newsarchive.jar"))
    parser.add_argument("--from-json", help="print a run saved with --format json again, as text, without running it")
    parser.add_argument("rankings", nargs="*")
    args = parser.parse_args()

    if args.from_json:
        saved = json.loads(pathlib.Path(args.from_json).read_text())
        results = saved["collections"]
        rankings = list(next(iter(results.values())))
        print_text(results, summarise(results, rankings), leave_one_out(results, rankings) if args.loo else None)
        return
    jar = pathlib.Path(args.jar)
    jar_sum = sha256_file(jar)
    chosen = collections()
    if args.only:
        wanted = args.only.split(",")
        chosen = {n: p for n, p in chosen.items() if n in wanted}
    rankings = ["default", "bm25"] + [r for r in args.rankings if r not in ("default", "bm25")]

    results = {}
    for name, (articles, topics, qrels) in chosen.items():
        index = index_of(jar, jar_sum, name, articles)
        results[name] = {r: evaluate(jar, index, topics, qrels, r) for r in rankings}
        print(f"evaluated {name}", file=sys.stderr)

    summary = summarise(results, rankings)
    loo = leave_one_out(results, rankings) if args.loo else None

    if args.format == "json":
        print(json.dumps({"jar_sha256": jar_sum, "collections": results, "mean": summary,
                          "leave_one_out": loo}, indent=2))
        return

    print_text(results, summary, loo)


def ratio(results, name, ranking, measure):
    return results[name][ranking][measure] / results[name]["bm25"][measure]


def summarise(results, rankings):
    names = list(results)
    summary = {}
    for r in rankings:
        summary[r] = {m: mean([results[n][r][m] for n in names]) for m in MEASURES}
        summary[r]["map_ratio"] = mean([ratio(results, n, r, "map") for n in names])
        summary[r]["ndcg_10_ratio"] = mean([ratio(results, n, r, "ndcg_10") for n in names])
        summary[r]["collections_below_baseline_map"] = [n for n in names if ratio(results, n, r, "map") < 1]
        summary[r]["collections_below_baseline_ndcg_10"] = [n for n in names if ratio(results, n, r, "ndcg_10") < 1]
    return summary


def leave_one_out(results, rankings):
    """For each collection, the candidate chosen on the others (see the module's doc) and its figures there."""
    names = list(results)
    candidates = [r for r in rankings if r != "bm25"]
    loo = {}
    for held in names:
        rest = [n for n in names if n != held]
        safe = [r for r in candidates
                if all(ratio(results, n, r, "map") >= 1 and ratio(results, n, r, "ndcg_10") >= 1 for n in rest)]
        best = max(safe or candidates, key=lambda r: mean([ratio(results, n, r, "map") + ratio(results, n, r, "ndcg_10")
                                                          for n in rest]))
        loo[held] = {"chosen": best, "map": results[held][best]["map"],
                     "baseline_map": results[held]["bm25"]["map"],
                     "ratio": ratio(results, held, best, "map"),
                     "ndcg_10_ratio": ratio(results, held, best, "ndcg_10")}
    return loo


def print_text(results, summary, loo):
    names = list(results)
    rankings = list(summary)
    for r in rankings:
        print(f"\n#### `{r}`\n")
        print("| collection | MAP | nDCG@10 | P@10 | R@100 | MAP / bm25 | nDCG@10 / bm25 |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for n in names:
            x, base = results[n][r], results[n]["bm25"]
            print(f"| {n} | {x['map']:.4f} | {x['ndcg_10']:.4f} | {x['p_10']:.4f} | {x['recall_100']:.4f} "
                  f"| {x['map'] / base['map']:.3f} | {x['ndcg_10'] / base['ndcg_10']:.3f} |")
        s = summary[r]
        print(f"| **mean** | {s['map']:.4f} | {s['ndcg_10']:.4f} | {s['p_10']:.4f} | {s['recall_100']:.4f} "
              f"| {s['map_ratio']:.3f} | {s['ndcg_10_ratio']:.3f} |")
    if len(rankings) > 2:
        print("\n#### Summary: mean ratio to bm25 over the collections\n")
        print("| ranking | mean MAP / bm25 | mean nDCG@10 / bm25 | below bm25 on MAP | below bm25 on nDCG@10 |")
        print("|---|---:|---:|---|---|")
        for r in rankings:
            s = summary[r]
            print(f"| `{r}` | {s['map_ratio']:.3f} | {s['ndcg_10_ratio']:.3f} | "
                  f"{', '.join(s['collections_below_baseline_map']) or 'none'} | "
                  f"{', '.join(s.get('collections_below_baseline_ndcg_10', [])) or 'none'} |")
    if loo:
        print("\n#### Leave one collection out\n")
        print("| held out | chosen on the others | its MAP there | bm25 MAP | MAP ratio | nDCG@10 ratio |")
        print("|---|---|---:|---:|---:|---:|")
        for held, row in loo.items():
            print(f"| {held} | `{row['chosen']}` | {row['map']:.4f} | {row['baseline_map']:.4f} | {row['ratio']:.3f} "
                  f"| {row.get('ndcg_10_ratio', float('nan')):.3f} |")


if __name__ == "__main__":
    main()
