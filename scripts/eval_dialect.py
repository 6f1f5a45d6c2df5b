#!/usr/bin/env python3
"""Measure the dialect check (V001) by injection into real books.

For each book, N of its own variant spellings (colour in a British book, color
in an American one) are swapped for the other dialect's spelling, as a writer's
slips would be, and the book is linted on its own with `dialect: auto`.
Reports, per book, how many of the swapped spellings are found (recall), and
how many findings are elsewhere (the book's own mixing, without injections).

    python scripts/eval_dialect.py ../shared/corpus [--per-book 10] [--seed 1]
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

from ficlint.analysis import AnalyzedDocument
from ficlint.config import Config
from ficlint.diagnostics import keep_case
from ficlint.rules.dialect._variants import find_hits
from ficlint.run import lint_text


def swap(text: str, count: int, rng: random.Random) -> tuple[str, set[int]]:
    """The text with `count` of its majority-dialect spellings swapped; the swaps' new start offsets."""
    hits, _ = find_hits(AnalyzedDocument.from_text(text))
    sides = [h.variant.side for h in hits]
    majority = max(set(sides), key=sides.count) if sides else None
    candidates = [h for h in hits if h.variant.side == majority and not h.in_speech]
    chosen = sorted(rng.sample(candidates, min(count, len(candidates))), key=lambda h: h.start)
    pieces, starts, pos, shift = [], set(), 0, 0
    for h in chosen:
        other = keep_case(h.word, h.variant.other)
        pieces += [text[pos:h.start], other]
        starts.add(h.start + shift)
        shift += len(other) - len(h.word)
        pos = h.end
    pieces.append(text[pos:])
    return "".join(pieces), starts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--per-book", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    total_injected = total_found = total_other = 0
    for path in sorted(args.corpus.rglob("*.txt")):
        text = path.read_bytes().decode("utf-8-sig")
        swapped, starts = swap(text, args.per_book, rng)
        found = {d.start for d in lint_text(swapped, Config(), ["V001"], str(path))}
        baseline = len(lint_text(text, Config(), ["V001"], str(path)))
        hit = len(starts & found)
        total_injected += len(starts)
        total_found += hit
        total_other += baseline
        print(f"{path.parent.name}/{path.name:<48} injected {len(starts):>3}  found {hit:>3}  "
              f"other findings without injection {baseline:>3}")
    print(f"recall {total_found}/{total_injected} = {total_found / max(1, total_injected):.0%}; "
          f"findings in the untouched books: {total_other}")


if __name__ == "__main__":
    main()
