#!/usr/bin/env python3
"""Writes a JSON lines archive in news-please's record shape, for ingest benchmarks.

    make_jsonl.py SRC OUT SIZE_MB [--seed N]

SRC is a folder of article files in the seed format (the Reuters articles); their paragraphs are
cycled through until OUT holds SIZE_MB megabytes. Every record gets a unique URL, a date spread
over 1980-2026 with a time of day, one of 40 sites and up to two of 200 author names, so that
ids, dates and counts behave as in a real crawl. The text stays where it is read from: OUT is a
scratch file, never part of the repository.
"""
import json
import os
import random
import sys


def articles(src):
    for folder, _, names in sorted(os.walk(src)):
        for name in sorted(names):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                text = f.read()
            lines = text.split("\n", 1)
            if len(lines) < 2:
                continue
            paragraphs = [" ".join(p.split()) for p in lines[1].split("\n\n") if p.strip()]
            if len(paragraphs) >= 2:
                yield paragraphs


def main():
    src, out, size_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
    seed = int(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[4] == "--seed" else 1
    rng = random.Random(seed)
    corpus = list(articles(src))
    sites = ["news%02d.example.com" % i for i in range(40)]
    authors = ["Author %03d" % i for i in range(200)]
    limit = size_mb * 1024 * 1024
    written = 0
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        while written < limit:
            paragraphs = corpus[n % len(corpus)]
            site = rng.choice(sites)
            record = {
                "authors": rng.sample(authors, rng.randint(0, 2)),
                "date_download": None,
                "date_modify": None,
                "date_publish": "%04d-%02d-%02d %02d:%02d:%02d" % (
                    rng.randint(1980, 2026), rng.randint(1, 12), rng.randint(1, 28),
                    rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)),
                "description": None,
                "language": "en",
                "maintext": "\n".join(paragraphs[1:]),
                "source_domain": "www." + site,
                "title": paragraphs[0],
                "url": "https://www.%s/a/%d" % (site, n),
            }
            line = json.dumps(record, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    print("%d records, %d bytes" % (n, written), file=sys.stderr)


if __name__ == "__main__":
    main()
