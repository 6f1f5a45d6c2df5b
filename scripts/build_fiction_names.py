#!/usr/bin/env python3
"""Build ficlint/data/fiction-names.txt: names fan fiction writes with a capital that the dictionary doesn't know.

The capitalization rules learn a story's names from the story itself; a name the story
only ever writes in lowercase (`at hogsmeade`, `a blond snape`, `Grimmauld place`) needs
outside knowledge. This script counts, over the fan fiction of the training split
(scripts/training_data.py; the tune and test splits are never read), how each word is
written in the middle of a sentence, with ficlint's own analysis (analysis/capitals.py),
and keeps:

- words the dictionary doesn't know in lowercase, capitalised mid-sentence in at least
  MIN_WORKS works and MIN_USES times, and in lowercase at most MAX_LOWER_SHARE of the time
  (Hogsmeade, Snape, Lovegood, Inferi);
- two-word names capitalised mid-sentence in at least MIN_WORKS works and MIN_PAIR_USES
  times, written otherwise at most MAX_LOWER_SHARE of the time, whose second word ends
  names of places and institutions (rules/data/capitalization.yaml name_nouns) or is no
  dictionary word (Grimmauld Place, Slug Club, Godric's Hollow, Diagon Alley).

One name a line, lowercase, sorted; the output is the same byte for byte for the same
training data and code.

    python scripts/build_fiction_names.py [--limit N] [--out ficlint/data/fiction-names.txt]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from training_data import works  # noqa: E402

from ficlint.analysis import AnalyzedDocument  # noqa: E402
from ficlint.analysis.capitals import capitalised  # noqa: E402
from ficlint.rules.capitalization._common import common_in_dictionary, words  # noqa: E402

OUT = ROOT / "ficlint" / "data" / "fiction-names.txt"
MIN_WORKS = 5
MIN_USES = 20
MIN_PAIR_USES = 10
MAX_LOWER_SHARE = 0.05


def count(limit: int | None) -> tuple[Counter, Counter, Counter, Counter, Counter, Counter]:
    middle: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    works_with: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    pair_variants: Counter[tuple[str, str]] = Counter()
    pair_works: Counter[tuple[str, str]] = Counter()
    for n, (_, text) in enumerate(works("train", limit=limit)):
        doc = AnalyzedDocument.from_text(text)
        caps = doc.capitals
        census = caps.census
        middle.update(census.middle)
        lower.update(census.lower)
        works_with.update(census.middle.keys())
        pairs.update(census.names)
        pair_works.update(census.names.keys())
        for i, a in enumerate(caps.after):
            if a >= 0 and not (capitalised(caps.text(i)) and capitalised(caps.text(a))):
                pair_variants[(caps.keys[i], caps.keys[a])] += 1
        if n % 500 == 0:
            print(f"{n} works", file=sys.stderr)
    return middle, lower, works_with, pairs, pair_variants, pair_works


def names(limit: int | None) -> list[str]:
    middle, lower, works_with, pairs, variants, pair_works = count(limit)
    kept: set[str] = set()
    for key, uses in middle.items():
        if uses < MIN_USES or works_with[key] < MIN_WORKS or not key.isalpha() or len(key) < 3:
            continue
        if lower[key] > MAX_LOWER_SHARE * (uses + lower[key]) or common_in_dictionary(key):
            continue
        kept.add(key)
    name_nouns = words().name_nouns
    for (one, two), uses in pairs.items():
        if uses < MIN_PAIR_USES or pair_works[(one, two)] < MIN_WORKS:
            continue
        if variants[(one, two)] > MAX_LOWER_SHARE * (uses + variants[(one, two)]):
            continue
        if two in name_nouns or not common_in_dictionary(two):
            kept.add(f"{one} {two}")
    return sorted(kept)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="read only the first N training works")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    found = names(args.limit)
    args.out.write_text("".join(f"{name}\n" for name in found), encoding="utf-8")
    print(f"{len(found)} names -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
