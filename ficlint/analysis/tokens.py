"""Tokens: the words, numbers and punctuation marks of prose, sentence by sentence.

A word keeps its inner apostrophes whole ("don't", "Harry's"), as the document
model finds words; a hyphenated word is its pieces and the hyphen ("well", "-",
"known"), as the treebank the tagger learnt from has them; an apostrophe that
opens an elided word ("'em") or closes one ("goin'", "James'") is a token of its
own; a run of one mark ("...", "!!", "--") is one token. Emphasis marks (`*`,
`_`) and inline markup are not tokens, so `*never*` is the word "never". Every
token's offsets point into the document's text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain, repeat
from operator import attrgetter
from typing import TYPE_CHECKING

from ficlint.document import WORD

if TYPE_CHECKING:
    from ficlint.analysis import AnalyzedDocument

# A match takes the white space before its token too (the token is its named group): the search
# then starts a match at each token, not also at each space between (~20% faster); possessive
# quantifiers, as nothing is ever given back.
_TOKEN = re.compile(
    r"\s*+(?:"
    rf"(?P<word>{WORD.pattern.replace('+', '++')})"  # words, as the document model finds them
    r"|(?P<number>\d++(?:[.,:]\d++)*+)"
    r"|(?P<mark>(?P<char>[^\w\s*_])(?P=char)*+))"
)


def normalize(word: str) -> str:
    """The form used to look words up: lowercase, curly apostrophes straight."""
    return word.lower().replace("’", "'")


@dataclass(slots=True)
class Tokens:
    """Parallel lists, one entry per token, in text order."""

    text: list[str] = field(default_factory=list)
    start: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    is_word: list[bool] = field(default_factory=list)
    sentence: list[int] = field(default_factory=list)  # index into the analysis' sentences
    sentence_first: list[int] = field(default_factory=list)  # per sentence: index of its first token

    def __len__(self) -> int:
        return len(self.text)

    def of_sentence(self, index: int) -> range:
        first = self.sentence_first[index]
        last = self.sentence_first[index + 1] if index + 1 < len(self.sentence_first) else len(self.text)
        return range(first, last)

    @property
    def lower(self) -> list[str]:
        return [normalize(t) for t in self.text]


def tokenize(text: str, sentences: Sequence[tuple[int, int]],
             holes: Iterable[tuple[int, int]] = ()) -> Tokens:
    """Tokens of each sentence span, leaving out the `holes` (markup inside prose).

    The matches are gathered sentence by sentence and their parts read with `map` over them (C
    loops, not a Python statement a token); only a sentence that overlaps a hole is walked token by
    token to leave out what starts inside it."""
    gaps = sorted(holes)
    finditer = _TOKEN.finditer
    if gaps:
        per_sentence = [_outside(finditer(text, start, end), gaps, start, end) for start, end in sentences]
    else:
        per_sentence = [list(finditer(text, start, end)) for start, end in sentences]
    counts = list(map(len, per_sentence))
    matches = list(chain.from_iterable(per_sentence))
    groups = list(map(_LASTINDEX, matches))  # 1 word, 2 number, 3 mark
    return Tokens(
        text=list(map(re.Match.group, matches, groups)),
        start=list(map(re.Match.start, matches, groups)),
        end=list(map(re.Match.end, matches)),
        is_word=list(map((1).__eq__, groups)),
        sentence=list(chain.from_iterable(map(repeat, range(len(counts)), counts))),
        sentence_first=list(accumulate(counts[:-1], initial=0)) if counts else [],
    )


_LASTINDEX = attrgetter("lastindex")


def _outside(found: Iterator[re.Match[str]], gaps: list[tuple[int, int]], start: int, end: int
             ) -> list[re.Match[str]]:
    """The matches of one sentence that do not start inside a gap (gaps sorted by start)."""
    # the first gap that ends after the sentence starts (gaps, markup regions, never overlap)
    first = bisect_right(gaps, start, key=_gap_end)
    if first == len(gaps) or gaps[first][0] >= end:
        return list(found)  # no gap reaches into this sentence
    kept: list[re.Match[str]] = []
    g = first
    for m in found:
        at = m.start(m.lastindex)
        while g < len(gaps) and gaps[g][1] <= at:
            g += 1
        if g < len(gaps) and gaps[g][0] <= at:
            continue
        kept.append(m)
    return kept


def _gap_end(gap: tuple[int, int]) -> int:
    return gap[1]


# -- the words of the whole text -----------------------------------------------------------------

_ASCII_WORD = re.compile(r"[A-Za-z]+")


def ascii_words(doc: AnalyzedDocument) -> set[str]:
    """Every run of ASCII letters in the document's text (headings and notes too, not only the
    prose's tokens), each once, as written: what tells which entries of a word list the text can
    hold at all. Worked out once per document (~3 ms per 10,000 words) and shared: the dialect
    facts read it; spelling's split-compound search (`_compounds._pattern_for`) finds the same
    set, lowercased. Read it, never change it."""
    return doc.memo(_ascii_words)


def _ascii_words(doc: AnalyzedDocument) -> set[str]:
    # found in the text's distinct white-space-separated chunks: never more work than the text
    return set(_ASCII_WORD.findall(" ".join(set(doc.text.split()))))
