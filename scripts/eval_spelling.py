#!/usr/bin/env python3
"""Measure the spelling check on clean prose: the words it flags (probable false
positives, most frequent first) and the time it takes on each file.

    python scripts/eval_spelling.py ../shared/corpus            # every *.txt below, one manuscript per folder
    python scripts/eval_spelling.py ../shared/corpus/us/lewis-main-street.txt --top 20

Time is CPU time (time.process_time) of the spelling check alone, after the
document is built: loading the dictionary once, then gathering, combining and
checking. On a busy machine compare it with the yardstick printed beside it
(one `WORD.findall` over the whole text).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from pathlib import Path

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.config import Config
from ficlint.document import WORD
from ficlint.rules.spelling import s001_possible_typo, s002_character_name_near_miss
from ficlint.rules.spelling._dictionary import lexicon
from ficlint.rules.spelling._facts import VOCABULARY
from ficlint.source import Source

RULES = frozenset({"S001", "S002"})


def manuscripts(paths: list[Path]) -> dict[Path, list[Path]]:
    """Files grouped by folder, as ficlint groups them without a config file."""
    groups: dict[Path, list[Path]] = defaultdict(list)
    for path in paths:
        files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
        for f in files:
            groups[f.parent].append(f)
    return groups


def run(files: list[Path]) -> tuple[Counter[tuple[str, str]], int, float, float]:
    docs = [AnalyzedDocument(Source(str(f), f.read_bytes().decode("utf-8-sig"))) for f in files]
    for doc in docs:
        _ = doc.regions
    started = time.process_time()
    lexicon()
    ctx = Context(Config(), RULES, {})
    facts = VOCABULARY.combine([VOCABULARY.gather(doc, ctx) for doc in docs], ctx)
    ctx = Context(Config(), RULES, {VOCABULARY.name: facts})
    found: Counter[tuple[str, str]] = Counter()
    for doc in docs:
        for rule in (s001_possible_typo, s002_character_name_near_miss):
            for d in rule.check(doc, ctx):
                found[(d.rule, doc.text[d.start:d.end])] += 1
    spent = time.process_time() - started
    yard_start = time.process_time()
    for doc in docs:
        WORD.findall(doc.text)
    yardstick = time.process_time() - yard_start
    words = sum(len(doc.text.split()) for doc in docs)
    return found, words, spent, yardstick


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args()
    total: Counter[tuple[str, str]] = Counter()
    total_words = 0
    for folder, files in manuscripts(args.paths).items():
        found, words, spent, yardstick = run(files)
        total += found
        total_words += words
        per_10k = 10000 * sum(found.values()) / max(words, 1)
        print(f"{folder}: {len(files)} files, {words} words, {sum(found.values())} findings "
              f"({per_10k:.2f} per 10k), spelling {1000 * spent:.0f} ms CPU "
              f"(yardstick {1000 * yardstick:.0f} ms)")
    print(f"all: {total_words} words, {sum(total.values())} findings "
          f"({10000 * sum(total.values()) / max(total_words, 1):.2f} per 10k)")
    for (rule, word), n in total.most_common(args.top):
        print(f"  {n:>3} {rule} {word}")


if __name__ == "__main__":
    main()
