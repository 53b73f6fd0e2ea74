#!/usr/bin/env python3
"""Builds the Reuters ranking development set: topics and qrels for `newsarchive eval`.

Usage: scripts/eval/make-reuters-devset.py [SHARED] [OUT]

SHARED defaults to ../shared (beside the repository), OUT to src/test/resources/eval/.
Reads
  SHARED/data/reuters-articles/reuters-tags.jsonl       per article file, the editors' TOPICS tags
  SHARED/data/reuters21578/cat-descriptions_120396.txt   the TOPICS codes and their names
and writes
  OUT/reuters-topics.tsv   one topic per line: CODE<TAB>QUERY
  OUT/reuters-qrels.txt    TREC qrels: CODE 0 DOCID 1, DOCID = file name without extension

One topic per TOPICS code tagged on at least MIN_RELEVANT (5) files. Its query is the code's
name in the descriptions file, cleaned (lower case; '/', '-', parentheses and the word 'and'
become spaces; a word said twice is kept once): "Money/Foreign Exchange (MONEY-FX)" gives
"money foreign exchange". Commodity codes have no name there, only the code; the query is the
code with '-' as a space, except for the few codes that abbreviate a word (ABBREVIATIONS).
Relevant documents: every file tagged with the code, relevance 1. The output is sorted and
depends only on the input files, so running the script again gives the same bytes.
"""
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

MIN_RELEVANT = 5

# Codes whose words are truncated ("veg", "sun", "l") or, for ALUM, name another substance:
# the query spells the commodity out as the articles do. Nothing else is hand-written.
ABBREVIATIONS = {
    "alum": "aluminium",
    "f-cattle": "feeder cattle",
    "l-cattle": "live cattle",
    "lin-meal": "linseed meal",
    "lin-oil": "linseed oil",
    "rape-meal": "rapeseed meal",
    "rape-oil": "rapeseed oil",
    "sun-meal": "sunflower meal",
    "sun-oil": "sunflower oil",
    "sunseed": "sunflower seed",
    "veg-oil": "vegetable oil",
}

NAMED = re.compile(r"^(?P<name>.+?)\s*\((?P<code>[A-Z][A-Z0-9-]*)\)\s*$")
BARE = re.compile(r"^(?P<code>[A-Z][A-Z0-9-]*)\s*$")


def topic_names(descriptions: Path) -> dict:
    """code -> name (or None for a bare code) for the TOPICS codes of the descriptions file."""
    names = {}
    in_topics = False
    for raw in descriptions.read_text(encoding="latin-1").splitlines():
        line = raw.strip()
        if line.startswith("****Subject Codes"):
            in_topics = True
            continue
        if not in_topics:
            continue
        if line.startswith("____"):  # the organisation codes follow
            break
        if not line or line.startswith("**"):
            continue
        named = NAMED.match(line)
        bare = BARE.match(line)
        if named:
            names[named.group("code").lower()] = named.group("name")
        elif bare:
            names[bare.group("code").lower()] = None
        else:
            raise SystemExit(f"{descriptions}: unexpected line in the TOPICS codes: {raw!r}")
    return names


def clean(text: str) -> str:
    text = text.lower()
    text = re.sub(r"[/()\-]", " ", text)
    words = []
    for word in text.split():
        if word == "and" or word in words:
            continue
        words.append(word)
    return " ".join(words)


def query_of(code: str, name) -> str:
    if name is not None:
        return clean(name)
    if code in ABBREVIATIONS:
        return ABBREVIATIONS[code]
    return clean(code)


def newid(docid: str) -> int:
    return int(docid.rsplit("-", 1)[1])


def main() -> None:
    repo = Path(__file__).resolve().parents[2]
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else repo.parent / "shared"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else repo / "src/test/resources/eval"
    tags = shared / "data/reuters-articles/reuters-tags.jsonl"
    names = topic_names(shared / "data/reuters21578/cat-descriptions_120396.txt")

    relevant = defaultdict(set)
    with tags.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            record = json.loads(line)
            docid = Path(record["file"]).stem  # 1987/02/reuters-1.txt -> reuters-1
            for topic in record["topics"]:
                if topic not in names:
                    raise SystemExit(f"{tags}:{number}: topic {topic!r} is not in the descriptions file")
                relevant[topic].add(docid)

    kept = sorted(t for t, docs in relevant.items() if len(docs) >= MIN_RELEVANT)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "reuters-topics.tsv").open("w", encoding="utf-8", newline="\n") as topics:
        for topic in kept:
            topics.write(f"{topic}\t{query_of(topic, names[topic])}\n")
    with (out / "reuters-qrels.txt").open("w", encoding="utf-8", newline="\n") as qrels:
        for topic in kept:
            for docid in sorted(relevant[topic], key=newid):
                qrels.write(f"{topic} 0 {docid} 1\n")
    judged = sum(len(relevant[t]) for t in kept)
    skipped = sorted(t for t in relevant if t not in kept)
    print(f"{len(kept)} topics, {judged} relevance judgements; skipped {len(skipped)} topics "
          f"with fewer than {MIN_RELEVANT} relevant files", file=sys.stderr)


if __name__ == "__main__":
    main()
