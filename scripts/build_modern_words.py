#!/usr/bin/env python3
"""Build ficlint/data/modern-words.txt: words of today's English that the dictionary lacks
(tricep, roofies, nomex, oolong, blech, anyhoo) and that look like no typo, so that the
spelling rule does not call them typos. Slang, brands and technical words turn up in fan
fiction that no train work uses, so the train split cannot teach them; a frequency list of
modern English can.

    pip install wordfreq   # build time only: nothing is downloaded or imported at run time
    python scripts/build_modern_words.py [--min-zipf 1.7] [--check] [--show]

Source: the English `large` list of the `wordfreq` package (Robyn Speer; code Apache-2.0,
word-frequency data CC BY-SA 4.0, drawn from Wikipedia, subtitles, news, books, web text,
Twitter and Reddit). The derived list ships under CC BY-SA 4.0 (see NOTICE).

A word (lowercase, letters only, at least MIN_LENGTH) is listed when its frequency is at least
MIN_ZIPF on wordfreq's Zipf scale (log10 of uses per billion words; chosen on the tune split's
first 1.2M words, see below), no dictionary or list ficlint already reads knows it, and nothing
makes it look like a typo, by the same tests as the fan-fiction words of
scripts/build_edited_words.py, with wordfreq's frequencies: no dictionary word one edit away is
TYPO_RATIO times commoner (misspellings are frequent on the web: definately, recieve, wierd,
stupified are all in wordfreq, each 40-100 times rarer than the word meant), no common word is
two edits away in a long word (greatful), it
is on no common-misspellings list, no contraction without its apostrophe (dont), no two common
words run together (alot, noone), no beginning of a common word cut short, no slip in a shipped
fandom glossary's term, and no doubled or undoubled consonant or dropped e makes it a dictionary
word.

MIN_ZIPF and TYPO_RATIO were chosen on the S001 findings of the tune split's first 1,200,000
words (233), judging each finding the list would remove: at MIN_ZIPF 1.7 and TYPO_RATIO 30 it
removes tricep, anyhoo (real words) and damnit x4; a lower MIN_ZIPF also removes doppleganger
(1.63, a typo), a TYPO_RATIO of 100 guage (a typo), one of 10 keeps anyhoo a typo. Short words
one edit from a far commoner one (legos: legs, regen: regent) stay out: the test cannot tell
them from typos. See docs/evaluations/issue-19-heldout.md, session 31.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_edited_words import _apostrophe_dropped, _common_words, _cut_short  # noqa: E402
from training_data import write_or_check  # noqa: E402

from ficlint.rules.spelling._dictionary import edited_words, lexicon, misspellings  # noqa: E402
from ficlint.rules.spelling._suggest import distance, far_suggestion, suggestions  # noqa: E402

OUTPUT = ROOT / "ficlint" / "data" / "modern-words.txt"
MIN_ZIPF = 1.7
MIN_LENGTH = 5
TYPO_RATIO = 30
TWO_EDITS_LENGTH = 8


def candidates(min_zipf: float) -> dict[str, float]:
    """wordfreq's English words at `min_zipf` or more that no list ficlint reads knows: word → zipf."""
    from wordfreq import iter_wordlist, zipf_frequency

    lex = lexicon()
    spelt = misspellings()
    edited = edited_words()
    found = {}
    for word in iter_wordlist("en", wordlist="large"):
        zipf = zipf_frequency(word, "en", wordlist="large")
        if zipf < min_zipf:
            break  # the list runs commonest first
        if len(word) < MIN_LENGTH or not word.isascii() or not word.isalpha() or not word.islower():
            continue
        if lex.knows(word) or word in spelt or word in edited or _apostrophe_dropped(word):
            continue
        found[word] = zipf
    return found


def looks_like_typo(word: str) -> str:
    """Why `word` looks like a typo ('' when nothing does)."""
    from wordfreq import zipf_frequency

    from ficlint.rules.spelling._glossary import shipped_glossaries
    from ficlint.rules.spelling._words import _spelling_rule_slip, run_together

    commoner = zipf_frequency(word, "en", wordlist="large") + math.log10(TYPO_RATIO)
    for s in suggestions(word, limit=3):
        if zipf_frequency(s, "en", wordlist="large") >= commoner:
            return f"one edit from {s}"
    if _spelling_rule_slip(word):
        return "a spelling-rule slip"
    if run_together(word):
        return "run together"
    if _cut_short(word):
        return "cut short"
    if far_suggestion(word):
        return f"two slips from {far_suggestion(word)}"
    if len(word) >= TWO_EDITS_LENGTH:
        near = _close(word, _common_words(word[0], len(word) - 1, len(word) + 1), 2)
        if any(zipf_frequency(w, "en", wordlist="large") >= commoner for w in near):
            return "two edits from a far commoner word"
    limit = 1 if len(word) < TWO_EDITS_LENGTH else 2
    if any(g.knows(word) or _close(word, g.by_lower, limit) for g in shipped_glossaries()):
        return "a fandom term or a slip in one"
    return ""


def _close(word: str, words: Iterable[str], limit: int) -> list[str]:
    """Those of `words` at most `limit` edits from `word`: the letters they share are counted first
    (an edit changes at most two letters' counts), so the slow edit distance runs on few."""
    bag = Counter(word)
    return [w for w in words if abs(len(w) - len(word)) <= limit
            and sum(((bag - Counter(w)) + (Counter(w) - bag)).values()) <= 2 * limit
            and distance(word, w) <= limit]


def build(min_zipf: float, show: bool = False) -> str:
    listed = []
    for word, zipf in sorted(candidates(min_zipf).items()):
        why = looks_like_typo(word)
        if show:
            print(f"{zipf:.2f}\t{word}\t{why or 'listed'}")
        if not why:
            listed.append(word)
    return "".join(f"{w}\n" for w in listed)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-zipf", type=float, default=MIN_ZIPF)
    ap.add_argument("--check", action="store_true", help="compare with the shipped file, write nothing")
    ap.add_argument("--show", action="store_true", help="print every candidate and why it is left out")
    ap.add_argument("--out", type=Path, default=OUTPUT)
    args = ap.parse_args()
    text = build(args.min_zipf, args.show)
    write_or_check(args.out, text, args.check)
    print(f"{args.out}: {text.count(chr(10))} words", file=sys.stderr)


if __name__ == "__main__":
    main()
