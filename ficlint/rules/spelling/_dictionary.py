"""The dictionary, and the word lists the spelling rules read.

The dictionary is the Hunspell English dictionaries (SCOWL en_US, en_CA, en_AU
and LibreOffice en_GB), expanded and ordered by word frequency (the rarer
words, which share one rank, in sorted order) by scripts/build_dictionary.py
into ficlint/data/english-words.txt. Every variety counts as correct: colour
and color are both words here; whether a manuscript mixes them is the dialect
rules' business.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator
from functools import cache

from ficlint.resources import data_dir, load_data

_DICTIONARY_FILE = "english-words.txt"
RANKED = 30000  # the commonest words get their own rank; rarer ones share one (and are stored sorted)
_BLOCK = 1024  # characters of the sorted rare words searched after the bisection
_SET_AFTER = 10000  # words looked up before the whole dictionary becomes a set


class SortedWords:
    """Membership in a sorted word list kept as one string ("\\nword\\nword…\\n"), without
    splitting it into a set: a bisection over the first word of each block of about
    _BLOCK characters, then a substring search inside that one block."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = self._block_starts(text)
        self.firsts = [text[at + 1:text.find("\n", at + 1)] for at in self.starts[:-1]]

    @staticmethod
    def _block_starts(text: str) -> list[int]:
        """Offsets of the newline before each block's first word, and the final newline."""
        starts = [0]
        at = text.find("\n", _BLOCK)
        while 0 <= at < len(text) - 1:
            starts.append(at)
            at = text.find("\n", at + _BLOCK)
        starts.append(len(text) - 1)
        return starts

    def __contains__(self, word: str) -> bool:
        i = bisect.bisect_right(self.firsts, word) - 1
        return i >= 0 and f"\n{word}\n" in self.text[self.starts[i]:self.starts[i + 1] + 1]

    def __iter__(self) -> Iterator[str]:
        return iter(self.text.split())


class Lexicon:
    """English words (every variety), commonest first: a word's rank is its
    position; words past the first RANKED share one rank.

    A chapter looks up a few thousand words, and hashing all 194,000 into a set
    would cost more than the whole check: the RANKED words are a dict (their
    ranks), the rarer ones, stored in sorted order, are searched by bisection
    (SortedWords). Once a manuscript has asked about _SET_AFTER words the set
    pays for itself and is built."""

    def __init__(self, text: str) -> None:
        head = text.split("\n", RANKED)
        tail = head.pop() if len(head) > RANKED else ""
        self.rank = dict(zip(head, range(len(head)), strict=True))  # C-level: ~2x a comprehension
        self.rank.pop("", None)  # a blank line is no word
        self._rare = SortedWords("\n" + tail)
        self._all: frozenset[str] | None = None
        self._looked_up = 0

    @property
    def words(self) -> frozenset[str]:
        """Every word, as a set (built on first use)."""
        if self._all is None:
            self._all = frozenset(itertools.chain(self.rank, self._rare))
        return self._all

    def has(self, word: str) -> bool:
        """Is `word`, exactly as written, a dictionary word?"""
        if self._all is not None:
            return word in self._all
        self._looked_up += 1
        if self._looked_up > _SET_AFTER:
            return word in self.words
        return word in self.rank or word in self._rare

    def known(self, words: Iterable[str]) -> set[str]:
        """Those of `words` that are dictionary words, exactly as written."""
        asked = set(words)
        if self._all is not None or self._looked_up + len(asked) > _SET_AFTER:
            return asked & self.words
        self._looked_up += len(asked)
        rank, rare = self.rank, self._rare
        return {w for w in asked if w in rank or w in rare}

    def knows(self, word: str) -> bool:
        """Is `word`, in any usual capitalisation, a dictionary word?"""
        has = self.has
        if has(word):
            return True
        lower = word.lower()
        if has(lower) or has(lower.capitalize()):
            return True
        return word.isupper() and has(word.capitalize())


@cache
def lexicon() -> Lexicon:
    path = data_dir() / _DICTIONARY_FILE
    return Lexicon(path.read_text(encoding="utf-8"))


def _word_file(name: str) -> frozenset[str]:
    """The words of a shipped one-word-per-line list in ficlint/data/."""
    return frozenset((data_dir() / name).read_text(encoding="utf-8").split())


@cache
def edited_words() -> frozenset[str]:
    """Words edited books print although the dictionary lacks them (cocoanut, woful), from
    scripts/build_edited_words.py: period spellings, not typos."""
    return _word_file("edited-prose-words.txt")


@cache
def modern_words() -> frozenset[str]:
    """Words of today's English the dictionary lacks (tricep, oolong, roofies, nomex), from the
    `wordfreq` package's frequency list by scripts/build_modern_words.py, filtered like the
    fan-fiction words: none is a misspelling of a far commoner word (definately, recieve)."""
    return _word_file("modern-words.txt")


@cache
def genre_names() -> frozenset[str]:
    """Names many fan-fiction writers use (mione, squalo, hokage), lowercase, from
    scripts/build_genre_names.py: a capitalised one at a sentence start is a name, not a typo."""
    return _word_file("genre-names.txt")


@cache
def misspellings() -> dict[str, str]:
    """Common misspellings and their corrections (rules/data/common-misspellings.yaml)."""
    return {str(k).lower(): str(v) for k, v in load_data("common-misspellings")["misspellings"].items()}


@cache
def accepted_words() -> frozenset[str]:
    """Fandom conventions, online slang, interjections and speech forms (lowercase)."""
    data = load_data("fandom-words")
    return frozenset(str(w).lower().replace("’", "'") for group in data.values() for w in group)
