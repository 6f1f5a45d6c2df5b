"""Singular nouns that edited books use with a plural verb: candidates for notional agreement.

British and older prose lets a noun for a group take a plural verb ("the garrison were dismissed",
"the crew were asleep"). This counts, over the train split's Gutenberg books, each noun after a
determiner (and at most one word) before were/are/have against was/is/has, and prints those with at
least MIN_PLURAL plural uses and a plural share of at least MIN_SHARE. The nouns of the list that
name a group of people went into `collective` in rules/data/grammar.yaml (G004); the rest of the
list is noise of the pattern (modals, adjectives used as nouns, adverbs).

    python scripts/notional_collectives.py [--split train] [--min-plural 4] [--min-share 0.2]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter

from training_data import books

_SUBJECT_VERB = re.compile(
    r"\b(?:the|a|an|this|that|his|her|our|their|its|whole|entire)\s+(?:[a-z]+\s+)?([a-z]{3,})\s+"
    r"(were|are|have|was|is|has)\b")
_PLURAL_VERBS = frozenset({"were", "are", "have"})


def counts(split: str) -> tuple[Counter[str], Counter[str]]:
    plural: Counter[str] = Counter()
    singular: Counter[str] = Counter()
    for _, text in books(split):
        for m in _SUBJECT_VERB.finditer(text.replace("\n", " ")):
            noun, verb = m.groups()
            if not noun.endswith("s"):
                (plural if verb in _PLURAL_VERBS else singular)[noun] += 1
    return plural, singular


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="train")
    ap.add_argument("--min-plural", type=int, default=4)
    ap.add_argument("--min-share", type=float, default=0.2)
    args = ap.parse_args()
    plural, singular = counts(args.split)
    rows = sorted(((p / (p + singular[n]), p, singular[n], n) for n, p in plural.items()
                   if p >= args.min_plural and p / (p + singular[n]) >= args.min_share), reverse=True)
    for share, p, s, noun in rows:
        print(f"{share:.2f}\t{p}\t{s}\t{noun}")


if __name__ == "__main__":
    main()
