#!/usr/bin/env python3
"""Build ficlint/data/edited-prose-words.txt: words that edited books print although the
dictionary lacks them (cocoanut, woful, sirup, employes, lotos), so that the spelling rule
does not call them typos. Byte for byte from the train split of ../shared/training/gutenberg.

    python scripts/build_edited_words.py [--training ../shared/training] [--check]

A word (lowercase, letters only, at least MIN_LENGTH) is listed when no dictionary
knows it, it is printed in at least MIN_BOOKS books of the split (so it is usage,
not one book's misprint or coinage), and no dictionary word one mechanical slip
away (a doubled or dropped letter, a neighbouring key, two letters swapped:
SLIP_COST) is TYPO_RATIO times commoner in the same books (then it is a common
misprint of that word: accomodating; an inflection of the word is no misprint of
it: mammas). A word a vowel or a sound away (shako and
shake, sirup and syrup) is a word of its own. Words on the common-misspellings list never are.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from training_data import TRAINING, books  # noqa: E402

from ficlint.rules.spelling._dictionary import lexicon, misspellings  # noqa: E402
from ficlint.rules.spelling._suggest import edit_cost, suggestions  # noqa: E402

OUTPUT = ROOT / "ficlint" / "data" / "edited-prose-words.txt"
MIN_BOOKS = 2
MIN_LENGTH = 5
TYPO_RATIO = 10
SLIP_COST = 0.6
_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’])")


def build(training: Path) -> str:
    in_books: Counter[str] = Counter()
    times: Counter[str] = Counter()
    for _, text in books("train", root=training):
        words = Counter(_WORD.findall(text))
        times.update(words)
        in_books.update(words.keys())
    lex = lexicon()
    spelt = misspellings()
    listed = []
    for word in sorted(w for w, n in in_books.items() if n >= MIN_BOOKS and len(w) >= MIN_LENGTH):
        if lex.knows(word) or word in spelt:
            continue
        if any(times[s] >= TYPO_RATIO * times[word] and edit_cost(word, s) <= SLIP_COST
               and not _inflection_of(word, s) for s in suggestions(word, limit=3)):
            continue
        listed.append(word)
    return "".join(f"{w}\n" for w in listed)


def _inflection_of(word: str, base: str) -> bool:
    """Is `word` a regular inflection of `base` (mammas of mamma), not a misprint of it?"""
    return word in (base + "s", base + "es", base + "d", base + "ed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--training", type=Path, default=TRAINING)
    ap.add_argument("--check", action="store_true", help="compare with the shipped file, write nothing")
    args = ap.parse_args()
    text = build(args.training)
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == text
        print("up to date" if same else "differs: run without --check")
        raise SystemExit(0 if same else 1)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"{OUTPUT}: {text.count(chr(10))} words")


if __name__ == "__main__":
    main()
