"""The grammar rules' shared reading of a document: its tokens lowercased, their word classes,
whose voice each is in (the narrator's, a character's, neither), and where each word occurs.
Worked out once per document (`view(doc)`, through `doc.memo`) however many rules ask."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.clauses import narration_spans
from ficlint.analysis.tokens import normalize
from ficlint.document import RegionKind

OTHER, NARRATION, DIALOGUE = 0, 1, 2


@dataclass(slots=True)
class View:
    text: list[str]  # tokens as written
    low: list[str]  # lowercased, straight apostrophes
    xpos: list[str]  # Penn Treebank tags ("NN+POS" for a fused word)
    upos: list[str]
    start: list[int]
    end: list[int]
    sentence: list[int]
    voice: bytearray  # NARRATION, DIALOGUE or OTHER (emphasis, notes, letters, chat lines)
    where: dict[str, list[int]]  # lowercased word -> its token indices
    source: str  # the document's text

    def __len__(self) -> int:
        return len(self.low)

    def at(self, *words: str) -> Iterator[int]:
        """Indices of the tokens that are any of `words` (lowercase), in text order."""
        if len(words) == 1:
            yield from self.where.get(words[0], ())
            return
        found: list[int] = []
        for w in words:
            found.extend(self.where.get(w, ()))
        yield from sorted(found)

    def word(self, i: int) -> str:
        """The lowercased token at i, "" outside the document."""
        return self.low[i] if 0 <= i < len(self.low) else ""

    def tag(self, i: int) -> str:
        return self.xpos[i] if 0 <= i < len(self.xpos) else ""

    def same_sentence(self, i: int, j: int) -> bool:
        return 0 <= i < len(self.low) and 0 <= j < len(self.low) and self.sentence[i] == self.sentence[j]

    def glued(self, i: int) -> bool:
        """Is word i stuck to the word before with no space (one word cut by markup: "I*ncomplete*")?"""
        if i <= 0 or not self.is_word(i - 1) or not self.is_word(i):
            return False
        return not any(c.isspace() for c in self.source[self.end[i - 1]:self.start[i]])

    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.low) and self.low[i][:1].isalpha()

    def capitalized(self, i: int) -> bool:
        return self.text[i][:1].isupper()


def view(doc: AnalyzedDocument) -> View:
    """The document's view, shared by every grammar rule (through `doc.memo`)."""
    return doc.memo(_build)


def _build(doc: AnalyzedDocument) -> View:
    tokens = doc.tokens
    tags = doc.tags
    low = [normalize(t) for t in tokens.text]
    where: dict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(low):
        where[w].append(i)
    voice = bytearray(len(low))
    _mark(voice, tokens.start, ((s.start, s.end) for s, _ in narration_spans(doc)), NARRATION)
    dialogue = ((r.start, r.end) for r in doc.regions if r.kind is RegionKind.DIALOGUE)
    _mark(voice, tokens.start, dialogue, DIALOGUE)
    return View(tokens.text, low, [t.xpos for t in tags], [t.upos for t in tags], tokens.start, tokens.end,
                tokens.sentence, voice, dict(where), doc.text)


def _mark(voice: bytearray, starts: list[int], spans: Iterable[tuple[int, int]], kind: int) -> None:
    """Set `voice` to `kind` for the tokens that start inside any of the (sorted) spans."""
    import bisect

    for start, end in spans:
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end, i)
        voice[i:j] = bytes([kind]) * (j - i)
