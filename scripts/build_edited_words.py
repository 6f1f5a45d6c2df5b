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
a typo. A word fewer writers use (in MIN_GENRE_WORKS to MIN_WORKS works: genin,
roomie, lycan, deluminator, freakout, glomped) is still a word of the genre when
nothing makes it look like a typo: no dictionary word one edit away (any edit, not
only a mechanical slip) is GENRE_TYPO_RATIO times commoner in fan fiction (in any
capitalisation: stupify beside Stupefy), no common word is two slips away, it misses
no common word of TWO_EDITS_LENGTH letters or more two edits away is (greatful,
awnser), it is no slip at any letter in a name or term of a shipped fandom glossary
(alohamora, ermione, disapperate), no doubled or undoubled consonant or dropped e
makes it a dictionary word (fistfulls), it is no beginning of a common word cut
short (togeth) and no two common words run together (alittle, ofcourse).
Misspellings that many writers share (definately, alot, seperate) stay typos: the
common-misspellings list is never listed, and they are one edit from a far commoner
word. A word that is a contraction without its apostrophe (dont, thats) never counts,
nor a term of a shipped fandom glossary that no book prints (apparate, knuts): those
belong to their fandom and count only where the manuscript is of it (`fandom-glossaries`).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from training_data import TRAINING, books, works, write_or_check  # noqa: E402

from ficlint.rules.spelling._dictionary import lexicon, misspellings  # noqa: E402
from ficlint.rules.spelling._suggest import distance, edit_cost, far_suggestion, suggestions  # noqa: E402

OUTPUT = ROOT / "ficlint" / "data" / "edited-prose-words.txt"
MIN_BOOKS = 2
MIN_LENGTH = 5
TYPO_RATIO = 10
SLIP_COST = 0.6
MIN_WORKS = 5
FAN_TYPO_RATIO = 3
MIN_GENRE_WORKS = 2
GENRE_TYPO_RATIO = 10
TWO_EDITS_LENGTH = 8
_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’])")


_ANY_CASE = re.compile(r"(?<![\w'’-])[A-Za-z]+(?![\w'’])")


def counted(texts: object, any_case: Counter[str] | None = None) -> tuple[Counter[str], Counter[str]]:
    """Texts each word appears in, and how often it appears (in lowercase); with `any_case`, also
    how often each word appears in any capitalisation (folded to lowercase)."""
    in_texts: Counter[str] = Counter()
    times: Counter[str] = Counter()
    for _, text in texts:  # type: ignore[attr-defined]
        words = Counter(_WORD.findall(text))
        times.update(words)
        in_texts.update(words.keys())
        if any_case is not None:
            any_case.update(w.lower() for w in _ANY_CASE.findall(text))
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


def genre_words(in_texts: Counter[str], times: Counter[str], any_case: Counter[str]) -> set[str]:
    """Words MIN_GENRE_WORKS to MIN_WORKS works use that nothing makes look like a typo."""
    from ficlint.rules.spelling._glossary import shipped_glossaries
    from ficlint.rules.spelling._words import _spelling_rule_slip, run_together

    lex = lexicon()
    spelt = misspellings()
    glossaries = shipped_glossaries()
    found = set()
    for word, n in in_texts.items():
        if not MIN_GENRE_WORKS <= n < MIN_WORKS or len(word) < MIN_LENGTH or lex.knows(word) \
                or word in spelt or _apostrophe_dropped(word):
            continue
        if any(any_case[s] >= GENRE_TYPO_RATIO * any_case[word] and not _inflection_of(word, s)
               for s in suggestions(word, limit=3)):
            continue
        if far_suggestion(word) or _spelling_rule_slip(word) or run_together(word) \
                or _cut_short(word) or _two_edits_from_commoner(word, any_case):
            continue
        if any(g.knows(word) or _near_term(word, g.by_lower) for g in glossaries):
            continue  # a canon term is the fandom's own word; a slip in one (alohamora, disapperate) a typo
        found.add(word)
    return found


def _cut_short(word: str) -> bool:
    """The beginning of a common word (togeth, understa): a word broken off, not a word."""
    return any(w.startswith(word) for w in _common_words(word[0], len(word) + 1, len(word) + 8))


def _two_edits_from_commoner(word: str, any_case: Counter[str]) -> bool:
    """A common word two edits away (greatful, awnser, bearly) GENRE_TYPO_RATIO times commoner:
    counted only for words of TWO_EDITS_LENGTH letters or more, where two edits are telling."""
    if len(word) < TWO_EDITS_LENGTH:
        return False
    return any(any_case[w] >= GENRE_TYPO_RATIO * any_case[word] and distance(word, w) <= 2
               for w in _common_words(word[0], len(word) - 1, len(word) + 1))


def _near_term(word: str, terms: dict[str, str]) -> bool:
    """A slip in a fandom's term or name, at any letter (ermione, disapperate, threstral)."""
    limit = 1 if len(word) < TWO_EDITS_LENGTH else 2
    return any(abs(len(t) - len(word)) <= limit and distance(word, t) <= limit for t in terms)


@cache
def _common_words(first: str, shortest: int, longest: int) -> tuple[str, ...]:
    """The ranked dictionary words beginning with `first`, of these lengths."""
    return tuple(w for w in lexicon().rank if w[:1] == first and shortest <= len(w) <= longest)


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
    any_case: Counter[str] = Counter()
    in_works, work_times = counted(works("train", root=training), any_case)
    listed |= attested(in_works, work_times, MIN_WORKS, FAN_TYPO_RATIO) - canon
    listed |= genre_words(in_works, work_times, any_case)
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
    write_or_check(OUTPUT, text, args.check)
    print(f"{OUTPUT}: {text.count(chr(10))} words")


if __name__ == "__main__":
    main()
