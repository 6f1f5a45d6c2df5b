"""The grammar rules' shared reading of a document: its tokens lowercased, their word classes,
whose voice each is in (the narrator's, a character's, neither), and where each word occurs.
Worked out once per document (`view(doc)`, through `doc.memo`) however many rules ask."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

import numpy as np

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.clauses import narration_spans
from ficlint.analysis.confusables import token_forms
from ficlint.document import RegionKind

OTHER, NARRATION, DIALOGUE = 0, 1, 2


@dataclass(slots=True)
class View:
    text: list[str]  # tokens as written
    low: list[str]  # lowercased, straight apostrophes
    xpos: list[str]  # Penn Treebank tags ("NN+POS" for a fused word)
    start: list[int]
    end: list[int]
    sentence: list[int]
    sentence_first: list[int]  # per sentence: its first token
    voice: bytearray  # NARRATION, DIALOGUE or OTHER (emphasis, notes, letters, chat lines)
    ids: np.ndarray  # every token's hash: equal words, equal numbers
    source: str  # the document's text
    _positions: dict[str, list[int]] = field(default_factory=dict)
    _order: np.ndarray | None = None  # token indices sorted by hash
    _sorted: np.ndarray | None = None  # their hashes
    _apostrophes: list[str] | None = None
    _vocabulary: set[str] | None = None

    def __len__(self) -> int:
        return len(self.low)

    def positions(self, word: str) -> list[int]:
        """Indices of the tokens that are `word` (lowercase), in text order (a list the rules share:
        read it, never change it)."""
        found = self._positions.get(word)
        if found is None:
            found = np.sort(self._hashed(hash(word))).tolist()
            self._positions[word] = found
        return found

    def at(self, *words: str) -> list[int]:
        """Indices of the tokens that are any of `words` (lowercase), in text order (for one word the
        list `positions` shares)."""
        wanted = list(dict.fromkeys(words))
        if len(wanted) <= 1:
            return self.positions(wanted[0]) if wanted else []
        if len(wanted) <= 4:
            found: list[int] = []
            for w in wanted:
                found.extend(self.positions(w))
            return sorted(found)
        return np.sort(np.concatenate([self._hashed(hash(w)) for w in wanted])).tolist()

    @property
    def vocabulary(self) -> set[str]:
        """The lowercased words of the document (made when a rule first asks)."""
        if self._vocabulary is None:
            self._vocabulary = set(self.low)
        return self._vocabulary

    def with_apostrophe(self) -> list[str]:
        """The document's words with an apostrophe ("he'd", "tom's", "could've"): one walk of the
        vocabulary however many rules ask."""
        if self._apostrophes is None:
            self._apostrophes = [w for w in self.vocabulary if "'" in w]
        return self._apostrophes

    def _hashed(self, number: int) -> np.ndarray:
        """Indices of the tokens whose hash is `number`, in no particular order: two binary searches
        in the tokens sorted by hash (one sort a document, not a scan of every token a word). The
        chance that two of a document's ten thousand words share a 64-bit hash is about one in
        10^11, so a hash stands for its word."""
        if self._order is None:
            self._order = np.argsort(self.ids)
            self._sorted = self.ids[self._order]
        first = int(np.searchsorted(self._sorted, number, side="left"))
        last = int(np.searchsorted(self._sorted, number, side="right"))
        return self._order[first:last]

    def word(self, i: int) -> str:
        """The lowercased token at i, "" outside the document."""
        return self.low[i] if 0 <= i < len(self.low) else ""

    def tag(self, i: int) -> str:
        return self.xpos[i] if 0 <= i < len(self.xpos) else ""

    def same_sentence(self, i: int, j: int) -> bool:
        if i < 0 or j < 0:
            return False
        try:
            sentence = self.sentence
            return sentence[i] == sentence[j]
        except IndexError:
            return False

    def glued(self, i: int) -> bool:
        """Is word i stuck to the word before with no space (one word cut by markup: "I*ncomplete*")?"""
        if i <= 0 or not self.is_word(i - 1) or not self.is_word(i):
            return False
        return not any(c.isspace() for c in self.source[self.end[i - 1] : self.start[i]])

    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.low) and self.low[i][:1].isalpha()


def view(doc: AnalyzedDocument) -> View:
    """The document's view, shared by every grammar rule (through `doc.memo`)."""
    return doc.memo(_build)


def _build(doc: AnalyzedDocument) -> View:
    tokens = doc.tokens
    tags = doc.tags
    # lowercased once per distinct form, from the document's table of forms (shared with the
    # homophone rules): one string object per form, so every token's hash is worked out once a form
    forms = token_forms(doc)
    low = list(map(forms.lowered.__getitem__, forms.code.tolist()))
    numbers = np.fromiter(map(hash, forms.lowered), dtype=np.int64, count=len(forms.lowered))[forms.code]
    dialogue = [(r.start, r.end) for r in doc.regions if r.kind is RegionKind.DIALOGUE]
    voice = _voices(tokens.start, [(s.start, s.end) for s, _ in narration_spans(doc)], dialogue)
    return View(
        tokens.text,
        low,
        [t.xpos for t in tags],
        tokens.start,
        tokens.end,
        tokens.sentence,
        tokens.sentence_first,
        voice,
        numbers,
        doc.text,
    )


Spans = list[tuple[int, int]]


def _voices(starts: list[int], narration: Spans, dialogue: Spans) -> bytearray:
    """Per token: DIALOGUE if it starts inside a dialogue span, else NARRATION if inside a narration
    span, else OTHER (each span's tokens found by two binary searches, marked by one cumulative sum)."""
    voice = np.zeros(len(starts), dtype=np.uint8)
    for spans, kind in ((narration, NARRATION), (dialogue, DIALOGUE)):
        if spans:
            edges = np.zeros(len(starts) + 1, dtype=np.int32)
            np.add.at(edges, [bisect_left(starts, start) for start, _ in spans], 1)
            np.add.at(edges, [bisect_left(starts, end) for _, end in spans], -1)
            voice[np.cumsum(edges[:-1]) > 0] = kind
    return bytearray(voice.tobytes())
