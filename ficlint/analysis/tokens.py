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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ficlint.document import WORD

_TOKEN = re.compile(
    rf"(?P<word>{WORD.pattern})"  # words, as the document model finds them
    r"|(?P<number>\d+(?:[.,:]\d+)*)"
    r"|(?P<mark>(?P<char>[^\w\s*_])(?P=char)*)"
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
    """Tokens of each sentence span, leaving out the `holes` (markup inside prose)."""
    tokens = Tokens()
    gaps = sorted(holes)
    g = 0
    append_text, append_start, append_end = tokens.text.append, tokens.start.append, tokens.end.append
    append_word, append_sentence = tokens.is_word.append, tokens.sentence.append
    for index, (start, end) in enumerate(sentences):
        tokens.sentence_first.append(len(tokens.text))
        while g < len(gaps) and gaps[g][1] <= start:
            g += 1
        for m in _TOKEN.finditer(text, start, end):
            at = m.start()
            while g < len(gaps) and gaps[g][1] <= at:
                g += 1
            if g < len(gaps) and gaps[g][0] <= at:
                continue
            append_text(m.group())
            append_start(at)
            append_end(m.end())
            append_word(m.lastgroup == "word")
            append_sentence(index)
    return tokens
