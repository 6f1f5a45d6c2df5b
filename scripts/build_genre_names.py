#!/usr/bin/env python3
"""Build ficlint/data/genre-names.txt: names many fan-fiction writers use (Mione, Squalo,
Hokage, Tsuna, Castiel), so that S001 does not take one for a typo where a sentence starts
with it. Byte for byte from the train split of ../shared/training/fanfic.

    python scripts/build_genre_names.py [--training ../shared/training] [--check]

A word is listed when no dictionary knows it, it is written capitalised in the middle of a
sentence (after a lowercase word, a comma or a semicolon) in at least MIN_WORKS works of the
split (several writers' name, not one writer's slip), it is on no common-misspellings list,
and it is no slip of a name: not one (or, from TWO_EDITS_LENGTH letters, two) edits from a
term of a shipped fandom glossary or of a word the works capitalise NAME_RATIO times as
often (Minvera, Illvermony, Pheonix, Mannor), and not a near miss (_names.near_miss: a slip,
a vowel heard wrong, a spelling by ear) of such a word (Voldermort beside Voldemort). One name a line,
lowercase, sorted.

S001 reads the list only for capitalised words: inside a sentence it never reports a
capitalised word anyway, so the list decides only at the start of a sentence ("Squalo looks
a bit pale"). Near misses of canon names stay S002's (it reads the glossaries, not this list).
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

from training_data import TRAINING, works, write_or_check  # noqa: E402

from ficlint.rules.spelling._dictionary import lexicon, misspellings  # noqa: E402
from ficlint.rules.spelling._glossary import shipped_glossaries  # noqa: E402
from ficlint.rules.spelling._names import near_miss  # noqa: E402
from ficlint.rules.spelling._suggest import distance  # noqa: E402

OUTPUT = ROOT / "ficlint" / "data" / "genre-names.txt"
MIN_WORKS = 3
NAME_RATIO = 10
TWO_EDITS_LENGTH = 7
_MID_SENTENCE_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{3,}(?![\w'’-])")


def counted(texts: object) -> tuple[Counter[str], Counter[str]]:
    """Works each name is capitalised mid-sentence in, and how often."""
    in_works: Counter[str] = Counter()
    times: Counter[str] = Counter()
    for _, text in texts:  # type: ignore[attr-defined]
        names = Counter(_MID_SENTENCE_NAME.findall(text))
        times.update(names)
        in_works.update(names.keys())
    return in_works, times


def build(training: Path) -> str:
    in_works, times = counted(works("train", root=training))
    lex, spelt = lexicon(), misspellings()
    candidates = {w for w, n in in_works.items()
                  if n >= MIN_WORKS and not lex.knows(w) and w.lower() not in spelt}
    every_name = {w.lower(): w for w in times}  # dictionary words too: Pheonix beside Phoenix
    terms = [t for g in shipped_glossaries() for t in g.by_lower]
    listed = set()
    for name in candidates:
        commoner = [w for w in every_name.values() if times[w] >= NAME_RATIO * times[name]]
        if _near_term(name.lower(), terms) or _near_term(name.lower(), [w.lower() for w in commoner]):
            continue
        if near_miss(name, every_name, by_ear=True,
                     accept=lambda n, name=name: times[n] >= NAME_RATIO * times[name]):
            continue
        listed.add(name.lower())
    return "".join(f"{w}\n" for w in sorted(listed))


def _near_term(word: str, terms: list[str]) -> bool:
    """A slip in a fandom's term or a far commoner name, at any letter (minvera, illvermony, pheonix)."""
    limit = 1 if len(word) < TWO_EDITS_LENGTH else 2
    return any(t != word and t[:1] == word[:1] and abs(len(t) - len(word)) <= limit
               and distance(word, t) <= limit for t in terms)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--training", type=Path, default=TRAINING)
    ap.add_argument("--check", action="store_true", help="compare with the shipped file, write nothing")
    args = ap.parse_args()
    text = build(args.training)
    write_or_check(OUTPUT, text, args.check)
    print(f"{OUTPUT}: {text.count(chr(10))} names")


if __name__ == "__main__":
    main()
