#!/usr/bin/env python3
"""Build ficlint/data/edited-prose-words.txt: words that edited books print, or that many
fan-fiction writers use, although the dictionary lacks them (cocoanut, woful, sirup,
employes; noogie, hiccupping), so that the spelling rule does not call them typos. Byte for
byte from the train splits of ../shared/training/gutenberg and ../shared/training/fanfic.

    python scripts/build_edited_words.py [--training ../shared/training] [--check]

A word (lowercase, letters only, at least MIN_LENGTH) is listed when no dictionary
knows it, it is printed in at least MIN_BOOKS books of the split (so it is usage,
not one book's misprint or coinage), and no dictionary word one mechanical slip
away (a doubled or dropped letter, a neighbouring key, two letters swapped:
SLIP_COST) is TYPO_RATIO times commoner in the same books (then it is a common
misprint of that word: accomodating; an inflection of the word is no misprint of
it: mammas). A word a vowel or a sound away (shako and
shake, sirup and syrup) is a word of its own. Words on the common-misspellings list never are.

From fan fiction, where writers' slips are commoner, a word must be used in at
least MIN_WORKS works, and one slip from a word FAN_TYPO_RATIO times commoner is
a typo; a word that is a contraction without its apostrophe (dont, thats) never
counts, nor a term of a shipped fandom glossary that no book prints (apparate,
knuts): those belong to their fandom and count only where the manuscript is of it
(`fandom-glossaries`).
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

from training_data import TRAINING, books, works  # noqa: E402

from ficlint.rules.spelling._dictionary import lexicon, misspellings  # noqa: E402
from ficlint.rules.spelling._suggest import edit_cost, suggestions  # noqa: E402

OUTPUT = ROOT / "ficlint" / "data" / "edited-prose-words.txt"
MIN_BOOKS = 2
MIN_LENGTH = 5
TYPO_RATIO = 10
SLIP_COST = 0.6
MIN_WORKS = 5
FAN_TYPO_RATIO = 3
_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’])")


def counted(texts: object) -> tuple[Counter[str], Counter[str]]:
    """Texts each word appears in, and how often it appears."""
    in_texts: Counter[str] = Counter()
    times: Counter[str] = Counter()
    for _, text in texts:  # type: ignore[attr-defined]
        words = Counter(_WORD.findall(text))
        times.update(words)
        in_texts.update(words.keys())
    return in_texts, times


def attested(in_texts: Counter[str], times: Counter[str], minimum: int, ratio: int) -> set[str]:
    """Words in `minimum` texts that the dictionary lacks and that are no typo of a word `ratio`
    times commoner."""
    lex = lexicon()
    spelt = misspellings()
    found = set()
    for word in (w for w, n in in_texts.items() if n >= minimum and len(w) >= MIN_LENGTH):
        if lex.knows(word) or word in spelt or _apostrophe_dropped(word):
            continue
        if any(times[s] >= ratio * times[word] and edit_cost(word, s) <= SLIP_COST
               and not _inflection_of(word, s) for s in suggestions(word, limit=3)):
            continue
        found.add(word)
    return found


def _apostrophe_dropped(word: str) -> bool:
    """dont, thats, youre: a contraction without its apostrophe."""
    knows = lexicon().has
    return any(knows(word[:i] + "'" + word[i:]) for i in range(1, len(word)))


def fandom_terms() -> set[str]:
    """The terms of the glossaries shipped in rules/glossaries/ (lowercase)."""
    from ficlint.rules.spelling._glossary import shipped_glossaries

    return {low for g in shipped_glossaries() for low in g.by_lower}


def build(training: Path) -> str:
    in_books, book_times = counted(books("train", root=training))
    listed = attested(in_books, book_times, MIN_BOOKS, TYPO_RATIO)
    canon = {w for w in fandom_terms() if not in_books[w]}  # a book printed it: English (snuck)
    listed |= attested(*counted(works("train", root=training)), MIN_WORKS, FAN_TYPO_RATIO) - canon
    return "".join(f"{w}\n" for w in sorted(listed))


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
