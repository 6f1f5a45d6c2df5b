#!/usr/bin/env python3
"""CPU time of the grammar family (G rules) per 100,000 words, apart from the analysis it reads.

Each book is read and analysed once (tokens, word classes, speech, clauses: what other families share),
then the family's shared view of the tokens and every G rule are timed on it, as one pass, the fastest of
three; the report gives each one's share and the family's total per 100,000 words, beside the
tagger's own time.

    python benchmarks/grammar.py ../shared/corpus/us/lewis-main-street.txt [more files]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.config import Config
from ficlint.registry import builtin_checks
from ficlint.rules.grammar._view import view


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()
    checks = sorted(
        (c for c in builtin_checks() if c.rule.id.startswith("G") and c.rule.enabled_by_default),
        key=lambda c: c.rule.id,
    )  # what a default run pays
    per_rule = dict.fromkeys((c.rule.id for c in checks), 0.0)
    words = 0
    tagging = shared = building = 0.0
    for path in args.files:
        text = path.read_text(encoding="utf-8-sig")
        words += len(text.split())
        doc = AnalyzedDocument.from_text(text, str(path))
        start = time.process_time()
        _ = doc.tags
        tagging += time.process_time() - start
        start = time.process_time()
        _ = doc.narrative, doc.speech
        shared += time.process_time() - start
        ctx = Context(Config(), frozenset(per_rule))
        runs = []
        for _ in range(3):  # a whole pass as a run makes it: the view built, then every rule in turn
            doc.__dict__.pop("_memo", None)
            times = {}
            start = time.process_time()
            view(doc)
            times["view"] = time.process_time() - start
            for check in checks:
                start = time.process_time()
                list(check.check(doc, ctx))
                times[check.rule.id] = time.process_time() - start
            runs.append(times)
        fastest = min(runs, key=lambda t: sum(t.values()))
        building += fastest["view"]
        for rule in per_rule:
            per_rule[rule] += fastest[rule]
    scale = 100_000 / words
    print(
        f"{words:,} words; per 100,000 words: tagging {tagging * scale:.3f} s, clauses and scenes "
        f"{shared * scale:.3f} s (shared with the tense rules)"
    )
    print(f"  shared view  {building * scale:.4f} s")
    for rule, seconds in per_rule.items():
        print(f"  {rule}  {seconds * scale:.4f} s")
    total = building + sum(per_rule.values())
    print(f"grammar family: {total * scale:.3f} s per 100,000 words")


if __name__ == "__main__":
    main()
